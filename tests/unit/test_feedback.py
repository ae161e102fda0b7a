"""Feedback reasons: each extra, partial or unchecked mark says specifically what is wrong (issue 11)."""

from __future__ import annotations

import pytest

from medialit.core.spans import Span
from medialit.exercises import feedback
from medialit.exercises.scoring import score

BODY = (
    "Mayor Ingrid Dahl called the vote a turning point.\n"
    "– Now we are finally doing it, says Dahl.\n"
    "Per Haugen claimed the figures were “optimistic”."
)
KEY = [Span(0, 17, "source"), Span(BODY.index("claimed"), BODY.index("claimed") + 7, "speech_verb")]


def at(phrase: str, label: str) -> Span:
    start = BODY.index(phrase)
    return Span(start, start + len(phrase), label)


def line_for(mark: Span) -> str:
    result = score([mark], KEY, max_points=1, body=BODY)
    (line,) = [feedback.explain(m, BODY, KEY, feedback.quoted_parts(BODY)) for m in result.matches if m.answer]
    return line


@pytest.mark.parametrize(
    ("mark", "expected"),
    [
        (at("Mayor Ingrid", "source"), "correct in part: you marked ‘Mayor Ingrid’; the source is ‘Mayor Ingrid Dahl’"),
        (at("Mayor Ingrid Dahl", "source"), "correct: ‘Mayor Ingrid Dahl’ (source)"),
        (at("finally", "source"), "it is inside a quote: the speaker's words and framing"),
        (at("optimistic", "source"), "it is inside a quote"),
        (at("claimed", "source"), "these words are in the key, but as speech_verb, not source"),
        (at("Dahl called the vote", "source"), "shares only a little with ‘Mayor Ingrid Dahl’"),
        (at("turning point", "source"), "not a source in the key"),
        (at("turning point", "opinion"), "not an opinion in the key"),
    ],
)
def test_each_mark_gets_the_most_specific_reason(mark, expected):
    assert expected in line_for(mark)


def test_dash_quote_ends_at_the_comma_before_the_speech_verb():
    start = BODY.index("–")
    assert (start, BODY.index(", says")) in feedback.quoted_parts(BODY)
    assert not feedback.inside(at("says Dahl", "source"), feedback.quoted_parts(BODY))


def test_labels_the_activity_does_not_check_are_named_once():
    marks = [at("finally", "hedge"), at("vote", "hedge"), at("Per", "source")]
    assert feedback.not_graded(marks, ["source", "speech_verb"]) == [
        "hedge: not part of this activity (it checks source, speech_verb); those marks are kept but not counted"
    ]
