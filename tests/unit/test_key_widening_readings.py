"""A reading that widens a key mark's words (the name with its description, the figure with its line) is matched
only by a mark that holds some of those words (keyread16).

ex05-q4 accepts *Arne Dahl, who chairs the local fishermen's association* for *Arne Dahl*; *the local fishermen's
association* alone shares 33 of that reading's 55 characters, so it took Dahl's mark in full, although it names
the body Dahl chairs, not who speaks (K1; the guide, graded-items.md and the blind annotator call it an extra).
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from medialit.core.spans import Span
from medialit.exercises.grading import grade_data
from medialit.exercises.key import KeyMark
from medialit.exercises.scoring import score

REPO = Path(__file__).resolve().parents[2]
Q4 = [
    ("mayor Lena Holt", "source"), ("said", "cue"), ("She", "source"), ("called", "cue"), ("according to", "cue"),
    ("the operator", "source"), ("Fishermen", "source"), ("say", "cue"), ("told", "cue"),
    ("the council's planning office", "source"), ("said", "cue", 2), ("Nordvind AS", "source"),
]  # fmt: skip


def grade(item_id: str, answer):
    keyed = json.loads((REPO / "course" / "keys" / f"{item_id}.json").read_text(encoding="utf-8"))
    return grade_data(item_id, answer, keyed)


def test_ex05_q4_the_association_dahl_chairs_does_not_take_his_mark():
    result = grade("ex05-q4", [*Q4, ("the local fishermen's association", "source")])
    assert result.points < 2.0
    assert any("still to find" in line for line in result.feedback)
    assert any("not in the key: ‘the local fishermen's association’" in line for line in result.feedback)


def test_ex05_q4_beside_dahl_the_association_is_named_as_an_extra_not_as_a_second_mark_of_his():
    result = grade("ex05-q4", [*Q4, ("Arne Dahl", "source"), ("the local fishermen's association", "source")])
    assert any("not in the key: ‘the local fishermen's association’" in line for line in result.feedback)
    assert not any("already counted" in line for line in result.feedback)


@pytest.mark.parametrize("phrase", ["Arne Dahl", "Arne Dahl, who chairs the local fishermen's association"])
def test_ex05_q4_dahl_alone_or_with_his_description_still_earns_the_mark(phrase):
    assert grade("ex05-q4", [*Q4, (phrase, "source")]).points == 2.0


def test_the_rest_of_a_widening_reading_alone_matches_nothing_while_the_whole_reading_still_does():
    core = KeyMark(Span(12, 19, "unsupported_figure"), accept=(Span(0, 19, "unsupported_figure"),))
    rest = score([Span(0, 12, "unsupported_figure")], [core], max_points=1.0)  # 12 of the reading's 19
    whole = score([Span(0, 19, "unsupported_figure")], [core], max_points=1.0)
    assert rest.points == 0.0 and whole.points == 1.0


def test_a_reading_at_another_place_is_still_matched_on_its_own():
    """K4's pronoun for the party, K15's other end of a date mismatch: readings apart from the mark stay whole."""
    party = KeyMark(Span(0, 18, "source"), accept=(Span(40, 44, "source"),))
    assert score([Span(40, 44, "source")], [party], max_points=1.0).points == 1.0
