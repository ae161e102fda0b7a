"""Fixtures every layer may use. Keep this small: layer fixtures live in each layer's conftest."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from shared_corpus import SHARED, dev_corpus

REPO = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="session")
def repo_dir() -> Path:
    return REPO


@pytest.fixture(scope="session")
def shared_dir() -> Path:
    """``../shared`` beside the checkout (CI always lays it there; elsewhere its tests are skipped)."""
    dev_corpus()
    return SHARED


@pytest.fixture(scope="session")
def medialit_command() -> list[str]:
    """The installed console command ``medialit`` of the Python running the tests."""
    found = Path(sys.executable).parent / "medialit"
    if not found.exists():
        found = Path(shutil.which("medialit") or found)
    if not found.exists():
        pytest.fail('the `medialit` command is not installed; run pip install -e ".[test]" (or bash scripts/test.sh)')
    return [str(found)]


@pytest.fixture(scope="session")
def built_wheel(tmp_path_factory) -> Path:
    """The medialit wheel, built once from a copy of the sources (no build/ or egg-info litter in the checkout)."""
    work = tmp_path_factory.mktemp("wheel")
    source = work / "source"
    source.mkdir()
    for name in ("pyproject.toml", "README.md"):
        shutil.copy(REPO / name, source / name)
    shutil.copytree(REPO / "src", source / "src", ignore=shutil.ignore_patterns("__pycache__", "*.egg-info"))
    done = subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "--disable-pip-version-check", "-q", "-w", work, source],
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert done.returncode == 0, done.stderr
    (wheel,) = work.glob("medialit-*.whl")
    return wheel


@pytest.fixture(scope="session")
def built_sdist(tmp_path_factory) -> Path:
    """The medialit sdist as ``python -m build --sdist`` makes it in a clone: from every tracked file of the checkout
    (a MANIFEST.in or a setuptools plugin could take in course/ or solutions/; the wheel is built from src/ alone)."""
    listed = subprocess.run(["git", "-C", str(REPO), "ls-files", "-z"], capture_output=True, check=False)
    if listed.returncode:
        pytest.skip("not a git checkout: no tracked files to build an sdist from")
    work = tmp_path_factory.mktemp("sdist")
    source = work / "source"
    for name in filter(None, listed.stdout.decode().split("\0")):
        if (REPO / name).is_file() and not (REPO / name).is_symlink():
            (source / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy(REPO / name, source / name)
    done = subprocess.run(
        [sys.executable, "-m", "build", "--sdist", "-o", str(work), str(source)],
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert done.returncode == 0, done.stdout[-2000:] + done.stderr[-2000:]
    (sdist,) = work.glob("medialit-*.tar.gz")
    return sdist
