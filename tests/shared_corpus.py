"""``../shared`` beside the checkout: the dev corpus some tests read, and what a test does where it is missing.

CI always lays the shared folder beside the checkout, so there a missing one fails the test; anywhere else
(a fresh clone, a scratch copy) the test is skipped and says what is missing and where it should be.
Tests reach it through the ``shared_dir`` fixture (``tests/conftest.py``), or ``dev_corpus()`` from a helper
that has no fixtures.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

SHARED = Path(__file__).resolve().parents[1].parent / "shared"
DEV = SHARED / "corpus" / "dev"


def dev_corpus() -> Path:
    """``../shared/corpus/dev``; skips the calling test (fails it under CI) when it is missing."""
    if not DEV.is_dir():
        message = f"{DEV} is missing: the shared folder must sit beside the checkout"
        if os.environ.get("CI"):
            pytest.fail(message)
        pytest.skip(message)
    return DEV
