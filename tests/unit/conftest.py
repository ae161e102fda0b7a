"""Shared unit-test fixtures: the real English pipeline (once per session), the lessons' state and practice article."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

# The tools' tests import tools/NAME.py as the module NAME, as the tools import each other when run as scripts.
sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "tools"))


@pytest.fixture(scope="session")
def nlp():
    """The analyzer medialit uses: the real spaCy model with the paragraph component and every analysis stage."""
    from medialit.nlp.pipeline import load_pipeline

    return load_pipeline()


@pytest.fixture
def fresh_lessons():
    """Lesson checks keep tries and hints per question in module state: each test starts and ends with none."""
    from medialit.exercises import lessons

    lessons.reset()
    yield
    lessons.reset()


@pytest.fixture(scope="session")
def practice():
    """The lessons' practice article, as students load it from the kit's notebooks/ folder."""
    from pathlib import Path

    from medialit import load_article
    from medialit.exercises import lessons

    return load_article(Path(__file__).resolve().parents[2] / "notebooks" / lessons.PRACTICE)


@pytest.fixture
def front_end(tmp_path):
    """``front_end("tokenize", script)``: run ``script`` in node after importing those names from the Highlighter's
    ES module, and return what it printed, read as JSON; the test is skipped where node is missing."""
    from medialit.widgets.highlighter import STATIC

    if shutil.which("node") is None:
        pytest.skip("node is needed to run the Highlighter's ES module")
    module = tmp_path / "highlighter.mjs"  # .mjs: node loads it as an ES module wherever it lies
    shutil.copy(STATIC / "highlighter.js", module)

    def run(names: str, script: str):
        source = f"import {{ {names} }} from {json.dumps(module.as_uri())};\n{script}"
        done = subprocess.run(["node", "--input-type=module", "-e", source], capture_output=True, text=True, check=True)
        return json.loads(done.stdout)

    return run
