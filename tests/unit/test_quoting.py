"""How a feedback line quotes a mark's words: one function for scoring's lines, the lessons' and Highlighter's
feedback, the exercises' answer checks and the analyzer's table (each had its own copy before: scoring._clip,
feedback.words, judge._quote, nlp.result._clip)."""

from __future__ import annotations

from medialit.core.quoting import clipped, quoted
from medialit.core.spans import Span
from medialit.exercises.feedback import explain
from medialit.exercises.scoring import Match, feedback_line

LONG = "The minister said on Tuesday that the new bridge\nwould open   next spring, months later than planned."


def test_words_are_folded_onto_one_line_and_a_long_mark_is_cut_with_an_ellipsis():
    assert quoted("says\n  Dahl") == "‘says Dahl’"
    assert clipped(LONG) == " ".join(LONG.split())[:59] + "…" and len(clipped(LONG)) == 60
    assert quoted(LONG, 20) == "‘The minister said o…’"


def test_scoring_and_the_feedback_layer_quote_a_long_mark_alike():
    body = LONG + " More text follows."
    missed = Match(key=Span(0, len(LONG), "content"), answer=None)
    assert feedback_line(missed, body) == f"missed: {quoted(LONG)} (content)"
    assert explain(missed, body) == f"missed: {quoted(LONG)} (content)"
