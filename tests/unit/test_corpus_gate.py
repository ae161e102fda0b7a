"""Regression gate: the analyzer on the test part of the project corpus (``course/corpus``).

The test part is never used to tune rules (``medialit.nlp.evaluate.part_of``).
The floors are the figures measured when the gate was set, less a small
margin; raising a floor needs a new measurement, never a rule written from a
test article. ``MEDIALIT_CORPUS`` (folders joined with the path separator)
points the gate at other corpus folders.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from medialit.nlp.evaluate import Evaluation, EvaluationError, evaluate

pytestmark = [pytest.mark.model, pytest.mark.corpus_gate]

CORPUS = Path(__file__).resolve().parents[2] / "course" / "corpus"
FLOORS = {"attribution": 0.77, "attributed": 0.83, "unsupported": 0.36}
"""Measured 2026-11-29 at the end of the fourth session on the 80 test articles of the 181-article corpus:
0.798, 0.848, 0.399 (the issue targets 0.90, 0.92, 0.65 are not met); the floors keep margins of 0.02 to
0.04 below them, so a rule change that costs the unseen articles that much fails here."""


@pytest.fixture(scope="module")
def test_part(nlp) -> Evaluation:
    folders = [Path(p) for p in os.environ.get("MEDIALIT_CORPUS", str(CORPUS)).split(os.pathsep)]
    folders = [f for f in folders if f.is_dir()]
    if not folders:
        pytest.skip(f"no corpus at {CORPUS} (set MEDIALIT_CORPUS)")
    try:
        return evaluate(folders, nlp, part="test")
    except EvaluationError as error:
        pytest.skip(str(error))


@pytest.mark.parametrize("measure", sorted(FLOORS))
def test_test_part_stays_above_its_floor(test_part, measure):
    measured, _, _ = test_part.targets()[measure]
    assert measured >= FLOORS[measure], test_part.to_text()


def test_test_part_holds_only_test_articles(test_part):
    assert test_part.articles and {a.part for a in test_part.articles} == {"test"}
