"""Shared fixtures for unit tests: the real English pipeline, made once per session."""

from __future__ import annotations

import pytest


@pytest.fixture(scope="session")
def nlp():
    """The analyzer medialit uses: the real spaCy model with the paragraph component and every analysis stage."""
    from medialit.nlp.pipeline import load_pipeline

    return load_pipeline()
