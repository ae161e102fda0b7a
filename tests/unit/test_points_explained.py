"""The exercises tell students how points are given, and what they say is what grading does (keyread25).

Until keyread25 a student saw each question's points and nothing of how they are earned: not that a mark matching no
place costs half a share (the syllabus, which students never see, said "missed and extra marks cost points"), not
that a mark running far past the words is no match, not that optional places cost nothing. A student who marks
generously "to be safe" was penalised by a rule no page they read states.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from medialit.exercises.grading import grade_data
from medialit.exercises.items import item

REPO = Path(__file__).resolve().parents[2]


def grade(item_id: str, answer) -> float:
    key = json.loads((REPO / "course" / "keys" / f"{item_id}.json").read_text(encoding="utf-8"))
    return grade_data(item_id, answer, key).points


def share(item_id: str) -> float:
    key = json.loads((REPO / "course" / "keys" / f"{item_id}.json").read_text(encoding="utf-8"))
    return item(item_id).points / sum(1 for mark in key["marks"] if not mark.get("optional"))


@pytest.mark.parametrize("folder", ["exercises", "solutions"])
def test_every_exercise_says_how_points_are_given(folder):
    notebooks = sorted((REPO / folder).glob("ex*/ex*.ipynb"))
    assert len(notebooks) == 5
    for path in notebooks:
        first = "".join(json.loads(path.read_text(encoding="utf-8"))["cells"][0]["source"])
        said = " ".join(first.split())
        for words in (
            "How points are given",
            "costs half a share",
            "never goes below 0",
            "at least half of the longer one",
            "earns nothing and costs nothing",
            "half is for the sentence and half for the reason",
            "half is for the cue and half for the name",
        ):
            assert words in said, f"{path.name}: the intro does not say {words!r}"


def test_a_found_place_earns_its_share_and_a_mark_matching_none_costs_half_a_share():
    one = share("ex01-q3")
    assert grade("ex01-q3", [("He", "named")]) == pytest.approx(one, abs=0.01)
    assert grade("ex01-q3", [("He", "named"), ("YouTube", "named")]) == pytest.approx(one / 2, abs=0.01)
    assert grade("ex01-q3", [("YouTube", "named"), ("Gigaloader", "named")]) == 0  # never below 0


def test_a_mark_running_well_past_the_place_is_no_match():
    long = "Writing in a blog post, Matthew Ingram of The Globe and Mail dubbed the ongoing conflict"
    assert grade("ex01-q3", [("Matthew Ingram of The Globe and Mail", "named")]) > 0
    assert grade("ex01-q3", [(long, "named")]) == 0


def test_an_optional_place_earns_nothing_and_costs_nothing():
    alone = grade("ex01-q3", [("He", "named")])
    assert grade("ex01-q3", [("He", "named"), ("Someone", "anonymous")]) == pytest.approx(alone)


def test_a_sentence_with_the_wrong_reason_earns_half_its_share():
    fishermen = "Fishermen say the turbines will ruin the best cod grounds in the region."
    assert grade("ex05-q6", [(fishermen, "vague_source")]) == pytest.approx(share("ex05-q6"), abs=0.01)
    assert grade("ex05-q6", [(fishermen, "hedge")]) == pytest.approx(share("ex05-q6") / 2, abs=0.01)
