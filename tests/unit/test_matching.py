"""The per-item matchers have one home, and the course report counts a key mark exactly as the score does."""

from __future__ import annotations

import json
import re
from pathlib import Path

from medialit.core.spans import Span
from medialit.exercises import judge, link_scoring, matching
from medialit.exercises.grading import item, score_item
from medialit.instructor import report

REPO = Path(__file__).resolve().parents[2]


def key(item_id: str) -> dict:
    return json.loads((REPO / "course" / "keys" / f"{item_id}.json").read_text(encoding="utf-8"))


def required(item_id: str) -> list:
    return [m for m in matching.as_key(item(item_id), key(item_id)).marks if not m.optional]


def free_word(item_id: str) -> Span:
    """A word inside the item's part that no key mark covers."""
    it = item(item_id)
    body, (start, end) = it.load().body, it.bounds()
    taken = [r for m in matching.as_key(it, key(item_id)).marks for r in m.readings()]
    for found in re.finditer(r"\w{4,}", body[start:end]):
        span = Span(start + found.start(), start + found.end(), "source")
        if not any(span.overlap(r) for r in taken):
            return span
    raise AssertionError("no free word in the part")


def test_grading_and_reports_use_the_same_judges():
    assert judge.judge_for is matching.judge_for and not hasattr(judge, "same_speaker")  # speakers: judge_for
    assert link_scoring.same_speaker is matching.same_speaker


def test_report_counts_place_and_right_label_per_key_mark():
    marks = required("ex01-q1")
    right = [m.span for m in marks]
    swapped = [Span(m.span.start, m.span.end, "cue" if m.label == "source" else "source") for m in marks]
    rows, extras = report.item_rows("ex01-q1", key("ex01-q1"), {"right": right, "swapped": swapped, "none": []})
    by_name = {r.name: r for r in rows}
    for mark in marks:
        row = by_name[report.name_of("ex01-q1", mark.span)]
        assert row.right_by == ("right",) and row.placed_by == ("right", "swapped") and row.students == 3
    # a mark at a key place with the wrong label also counts as a mark outside the key, as in the score
    assert len(extras) == len(marks) and all(students == {"swapped"} for students in extras.values())


def test_report_right_counts_equal_the_scores_found_counts():
    marks = required("ex01-q1")
    half = [m.span for m in marks[: len(marks) // 2]]
    found = matching.compare("ex01-q1", half, key("ex01-q1"))
    n = sum(1 for i in found.right if not found.key.marks[i].optional)
    assert n == len(half) > 0
    assert f"{n} of {len(marks)} found" in score_item("ex01-q1", half, key("ex01-q1")).feedback[0]


def test_marks_outside_the_key_are_grouped_by_place_and_label():
    extra = free_word("ex01-q1")
    rows, extras = report.item_rows("ex01-q1", key("ex01-q1"), {"a": [extra], "b": [extra], "c": []})
    assert extras == {("ex01-q1", report.name_of("ex01-q1", extra), "source"): {"a", "b"}}
    assert all(not r.placed_by for r in rows)


def test_speaker_items_count_the_speaker_named():
    mark = required("ex01-q2")[0]
    place = mark.span
    answers = {
        "right": [Span(place.start, place.end, mark.speaker)],
        "wrong": [Span(place.start, place.end, "Vladimir Putin")],
    }
    rows, extras = report.item_rows("ex01-q2", key("ex01-q2"), answers)
    (row,) = [r for r in rows if r.name == report.name_of("ex01-q2", place)]
    assert row.label == mark.speaker
    assert row.right_by == ("right",) and row.placed_by == ("right", "wrong")
    assert list(extras) == [("ex01-q2", report.name_of("ex01-q2", place), "Vladimir Putin")]
