"""Shared fixtures for unit tests: the real English pipeline and the built wheel, each made once per session."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest


@pytest.fixture(scope="session")
def nlp():
    """The analyzer medialit uses: the real spaCy model with the paragraph component and every analysis stage."""
    from medialit.nlp.pipeline import load_pipeline

    return load_pipeline()


@pytest.fixture(scope="session")
def built_wheel(tmp_path_factory) -> Path:
    """The medialit wheel, built once from a copy of the sources (no build/ or egg-info litter in the checkout)."""
    repo = Path(__file__).resolve().parents[2]
    work = tmp_path_factory.mktemp("wheel")
    source = work / "source"
    source.mkdir()
    for name in ("pyproject.toml", "README.md"):
        shutil.copy(repo / name, source / name)
    shutil.copytree(repo / "src", source / "src", ignore=shutil.ignore_patterns("__pycache__", "*.egg-info"))
    done = subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "--disable-pip-version-check", "-q", "-w", work, source],
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert done.returncode == 0, done.stderr
    (wheel,) = work.glob("medialit-*.whl")
    return wheel
