"""Shared unit-test fixtures: the real English pipeline (once per session), the lessons' state and practice article."""

from __future__ import annotations

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
