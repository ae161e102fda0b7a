"""The notebook aids' announcer counts a run's checks by outcome from how their messages start.

Its two lists (PASSED, UNANSWERED in the extension's remoteEntry.js) copy the openings of the
messages lessons.py and grading.py print. Here the real checks print their messages, and each is
classified with the JavaScript's own expressions over the text the announcer builds (a cell's printed
output, or ``AnswerError: message`` for a visible check that raises), so a message reworded on
one side only fails a test.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from test_lesson_questions import lesson_2_opening  # the article lesson 2's linking activity checks

from medialit.core.spans import Span
from medialit.exercises import lesson_keys, lessons
from medialit.exercises.answer import AnswerError
from medialit.exercises.grading import check, item
from medialit.widgets import Highlighter

ROOT = Path(__file__).resolve().parents[2]
AIDS = ROOT / "src/medialit/labextensions/medialit-notebook-aids/static/remoteEntry.js"


def js_regex(name: str) -> re.Pattern[str]:
    """The extension's ``const NAME = /.../;`` as a Python expression (the syntax used is common to both)."""
    found = re.search(rf"^\s*const {name} = /(.+)/([a-z]*);$", AIDS.read_text(encoding="utf-8"), re.M)
    assert found, f"{AIDS.name} has no regular expression {name}"
    assert found[2] in ("", "m"), f"{name}: flags {found[2]!r} are not mirrored here"
    return re.compile(found[1], re.M if found[2] else 0)


PASSED, UNANSWERED = js_regex("PASSED"), js_regex("UNANSWERED")


def outcome(text: str) -> str:
    passed, unanswered = PASSED.search(text), UNANSWERED.search(text)
    assert not (passed and unanswered), text
    return "passed" if passed else "unanswered" if unanswered else "to look at"


def printed(capsys, call) -> str:
    """What the announcer reads of a check cell: its printed output, or its error's ``ename: evalue``."""
    try:
        call()
    except AnswerError as error:
        return f"{type(error).__name__}: {error}"
    return capsys.readouterr().out


pytestmark = pytest.mark.usefixtures("fresh_lessons")


def test_a_lesson_checks_messages_are_counted_by_their_outcome(capsys):
    said = {
        "passed": printed(capsys, lambda: lessons.check("l2.pronoun", "Per Haugen")),
        "wrong": printed(capsys, lambda: lessons.check("l2.pronoun", "Ingrid Dahl")),
        "blank": printed(capsys, lambda: lessons.check("l2.pronoun", "")),
        "no answer": printed(capsys, lambda: lessons.check("l2.pronoun")),
    }
    assert {k: outcome(v) for k, v in said.items()} == {
        "passed": "passed",
        "wrong": "to look at",
        "blank": "unanswered",
        "no answer": "unanswered",
    }, said


def test_a_highlighting_activitys_messages_are_counted_by_their_outcome(capsys, practice):
    key = lesson_keys.key_spans("l4.framing-activity", practice)
    said = {
        "all found": printed(capsys, lambda: lessons.check_highlights("l4.framing-activity", key, practice)),
        "one extra": printed(
            capsys,
            lambda: lessons.check_highlights("l4.framing-activity", [*key, Span(0, 7, "loaded")], practice),
        ),
        "nothing": printed(capsys, lambda: lessons.check_highlights("l4.framing-activity", [], practice)),
    }
    assert {k: outcome(v) for k, v in said.items()} == {
        "all found": "passed",
        "one extra": "to look at",
        "nothing": "unanswered",
    }, said


def test_a_linking_activitys_messages_are_counted_by_their_outcome(capsys):
    opening = lesson_2_opening()
    linker = Highlighter(opening, labels=["source", "cue", "content"])
    said = {"no links": printed(capsys, lambda: lessons.check_highlights("l2.links", linker, opening))}
    expected = lesson_keys.expected_links("l2.links", opening)
    linker.add_link(expected[0].source, expected[0].cue, speaker="Nobody")
    said["wrong speaker"] = printed(capsys, lambda: lessons.check_highlights("l2.links", linker, opening))
    for link in expected:
        linker.add_link(link.source, link.cue, speaker=link.speaker, kind=link.kind)
    said["all linked"] = printed(capsys, lambda: lessons.check_highlights("l2.links", linker, opening))
    assert {k: outcome(v) for k, v in said.items()} == {
        "no links": "unanswered",
        "wrong speaker": "to look at",
        "all linked": "passed",
    }, said


def test_an_exercises_visible_check_is_counted_by_its_outcome(capsys, tmp_path):
    said = {
        "format ok": printed(capsys, lambda: check("ex01-q2", [("He", "Jonas Gahr Støre", "highlighted")])),
        "empty": printed(capsys, lambda: check("ex01-q1", [])),
        "no highlights": printed(capsys, lambda: check("ex01-q1", None, tmp_path)),
        "a typo": printed(capsys, lambda: check("ex01-q1", [("Støre", "sorce")])),
    }
    q1, saved = item("ex01-q1"), tmp_path / "saved"  # review20: an empty list over saved highlights is not unanswered
    saved.mkdir()
    at = q1.load().body.index("Støre", q1.bounds()[0])
    Highlighter(q1.load(), save_to=saved / q1.sidecar).add_span(at, at + len("Støre"), "source")
    said["empty over highlights"] = printed(capsys, lambda: check("ex01-q1", [], saved))
    assert {k: outcome(v) for k, v in said.items()} == {
        "format ok": "passed",
        "empty": "unanswered",
        "no highlights": "unanswered",
        "a typo": "to look at",
        "empty over highlights": "to look at",
    }, said
