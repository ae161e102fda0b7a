"""Feedback reasons: each extra, partial or unchecked mark says specifically what is wrong (issue 11)."""

from __future__ import annotations

import pytest

from medialit.core.spans import Span
from medialit.exercises import feedback, reported_speech
from medialit.exercises.key import KeyMark
from medialit.exercises.scoring import score

BODY = (
    "Mayor Ingrid Dahl called the vote a turning point.\n"
    "– Now we are finally doing it, says Dahl.\n"
    "Per Haugen claimed the figures were “optimistic”."
)
KEY = [Span(0, 17, "source"), Span(BODY.index("claimed"), BODY.index("claimed") + 7, "speech_verb")]
QUOTE_LINE = "it is inside a quote: the speaker's words and framing, not the paper's own voice"


def at(phrase: str, label: str) -> Span:
    start = BODY.index(phrase)
    return Span(start, start + len(phrase), label)


def line_for(mark: Span, own_voice: bool = False) -> str:
    result = score([mark], KEY, max_points=1, body=BODY)
    lines = feedback.explain_all(result, BODY, KEY, own_voice=own_voice)
    (line,) = [line for m, line in zip(result.matches, lines, strict=True) if m.answer]
    return line


@pytest.mark.parametrize(
    ("mark", "expected"),
    [
        (at("Mayor Ingrid", "source"), "correct in part: you marked ‘Mayor Ingrid’; the source is ‘Mayor Ingrid Dahl’"),
        (at("Mayor Ingrid Dahl", "source"), "correct: ‘Mayor Ingrid Dahl’ (source)"),
        (at("claimed", "source"), "these words are in the key, but as speech_verb, not source"),
        (at("Dahl called the vote", "source"), "shares only a little with ‘Mayor Ingrid Dahl’ (source in the key)"),
        (at("turning point", "source"), "not in the key as source: ask who, according to the text, said"),
        (at("turning point", "opinion"), "as opinion: whose view is it? A view credited to someone is news about"),
        (at("turning point", "unsupported"), "not in the key as unsupported: who says so? A claim credited to"),
        (at("turning point", "attributed"), "not in the key as attributed: check who is speaking"),
        (at("Per Haugen claimed", "speech_verb"), "mark only ‘claimed’ (speech_verb in the key): the rest is not"),
    ],
)
def test_each_mark_gets_the_most_specific_reason(mark, expected):
    assert expected in line_for(mark)


@pytest.mark.parametrize("phrase", ["finally", "optimistic"])
def test_quoted_framing_is_the_speakers_only_where_the_activity_asks_for_the_papers_own_voice(phrase):
    """K10: true in an own-voice activity; elsewhere a quote can hold what the key counts (K5 sources, K15 slips)."""
    assert QUOTE_LINE in line_for(at(phrase, "loaded"), own_voice=True)
    assert "it is inside a quote:" not in line_for(at(phrase, "loaded"))
    assert "not in the key as loaded: ask whether these words carry a judgement" in line_for(at(phrase, "loaded"))


@pytest.mark.parametrize("label", ["source", "translation", "date", "scraped"])
def test_a_quote_holds_sources_and_translation_slips_so_other_labels_never_get_the_quote_line(label):
    """A quote can bring in a new source (K5) and carries the copy's slips (K15): not 'not the paper's voice'."""
    line = line_for(at("finally", label), own_voice=True)
    assert "it is inside a quote:" not in line and f"not in the key as {label}: " in line


def test_every_label_family_gets_its_own_question_and_a_grammatical_line():
    """One line per label family (who speaks, whose voice, the body, the page), never 'not a evaluative'."""
    for label, question in feedback.QUESTION_TO_ASK.items():
        line = line_for(at("turning point", label))
        assert line.endswith(f"not in the key as {label}: {question}"), line
    assert feedback.QUESTION_TO_ASK["date"] != feedback.QUESTION_TO_ASK["source"]
    provenance = ("date", "scraped", "bio", "translation", "dropped_source", "unsupported_figure")
    assert not any("who is speaking" in feedback.QUESTION_TO_ASK[label] for label in provenance)
    assert "calendar" in feedback.QUESTION_TO_ASK["date"] and "body" in feedback.QUESTION_TO_ASK["unsupported_figure"]


def test_a_label_no_family_knows_still_gets_a_line():
    assert line_for(at("turning point", "sarcasm")).endswith(
        "not in the key as sarcasm: read the activity's question again"
    )


def test_dash_quote_ends_at_the_comma_before_the_speech_verb():
    start = BODY.index("–")
    assert (start, BODY.index(", says")) in reported_speech.quoted_parts(BODY)
    assert not feedback.inside(at("says Dahl", "source"), reported_speech.quoted_parts(BODY))


def test_labels_the_activity_does_not_check_are_named_once():
    marks = [at("finally", "hedge"), at("vote", "hedge"), at("Per", "source")]
    assert feedback.not_graded(marks, ["source", "speech_verb"]) == [
        "hedge: not part of this activity (it checks source, speech_verb); those marks are kept but not counted"
    ]


def test_a_scare_quote_in_the_papers_voice_given_another_label_is_not_called_the_speakers_words():
    """keyread18: in lesson 4's own-voice activity, the paper's scare quote “consultation” marked `evaluative` was told
    'it is inside a quote: the speaker's words and framing, not the paper's own voice', false (K10: a scare quote is
    the paper's framing, and the key marks it). A mark on a key mark's place is told that place's label instead."""
    body = "The so-called “consultation” lasted only two weeks, said “we listened”, Dahl."
    key = [Span(body.index("so-called"), body.index("” lasted") + 1, "scare_quote")]
    start = body.index("“consultation”")
    mark = Span(start, start + len("“consultation”"), "evaluative")
    result = score([mark], key, max_points=1, body=body)
    lines = feedback.explain_all(result, body, key, own_voice=True)
    assert any("these words are in the key, but as scare_quote, not evaluative" in line for line in lines), lines
    assert not any("inside a quote" in line for line in lines), lines
    spoken = Span(body.index("we listened"), body.index("we listened") + 11, "evaluative")  # a real quote: theirs
    result = score([spoken], key, max_points=1, body=body)
    assert any(QUOTE_LINE in line for line in feedback.explain_all(result, body, key, own_voice=True))


PRACTICE_LINE = "Many residents are reportedly unhappy with the plan. It will probably cost more.\n"
FRAMING_KEY = [Span(0, 4, "evaluative"), Span(5, 14, "loaded")]  # an activity that asks for framing kinds apart


def extra_line(body: str, key: list[Span], phrase: str, label: str) -> str:
    start = body.index(phrase)
    result = score([Span(start, start + len(phrase), label)], key, max_points=1, body=body)
    lines = feedback.explain_all(result, body, key, own_voice=True)
    (line,) = [line for m, line in zip(result.matches, lines, strict=True) if m.answer]
    return line


@pytest.mark.parametrize(
    ("phrase", "label", "expected"),
    [
        ("reportedly", "loaded", "(loaded): it is a hedge and a hidden source at once (K3, K9): it does not say who"),
        ("Reportedly", "evaluative", "which makes its sentence unsupported (lesson 3), not evaluative wording"),
        ("probably", "loaded", "(loaded): it is a hedge, a word of uncertainty (K9): it makes the claim unsure"),
    ],
)
def test_a_hedge_or_hidden_source_marked_as_framing_is_told_what_it_is_not_invited(phrase, label, expected):
    """K3, K9, K11: 'reportedly' is a hedge and a hidden source, the sentence's reason (lesson 3); where an activity
    asks for loaded, evaluative, scare-quote and speech-verb cues apart it is none of them, and the line said to it
    must not invite it ('a doubt beyond the facts' did)."""
    line = extra_line(PRACTICE_LINE.replace("reportedly", phrase), FRAMING_KEY, phrase, label)
    assert expected in line and "this activity does not mark it" in line and "beyond the facts" not in line


@pytest.mark.parametrize("phrase", ["Sources close to", "Critics say", "unnamed officials"])
def test_a_vague_or_anonymous_source_in_the_hedge_lexicon_is_told_it_is_a_source(phrase):
    """K10: the analyzer's hedge lexicon also holds words that name a vague or anonymous source, which K2 makes a
    source and lesson 2 (l2.vague) teaches as one: 'Sources close to the council' is anonymous. Marked loaded in an
    activity that asks for framing kinds apart, it was told 'a hidden or vague source (K2, K3)', and so was
    'reportedly', which K9 calls a hedge and a hidden source at once (keyread23)."""
    body = f"{phrase} the council say that the vote was arranged. It will probably cost more.\n"
    key = [
        Span(i, i + len(w), label)
        for w, label in (("arranged", "loaded"), ("cost", "evaluative"))
        if (i := body.index(w))
    ]
    line = extra_line(body, key, phrase, "loaded")
    assert "a vague or anonymous source (K2)" in line and "mark as a source" in line, line
    assert "K7" in line and "this activity does not mark it" in line and "hedge" not in line, line


def test_a_hedge_keeps_the_general_question_where_loaded_words_alone_are_asked_for():
    """K10: an exercise that asks for 'the loaded words' alone (`medialit new-exercise` framing) counts hedges."""
    line = extra_line(PRACTICE_LINE, [Span(0, 4, "loaded")], "reportedly", "loaded")
    assert line.endswith(f"not in the key as loaded: {feedback.QUESTION_TO_ASK['loaded']}")


def test_an_optional_mark_is_told_it_costs_nothing_not_what_is_wrong_with_it():
    """student22, K11: a mark on an optional key mark is neither right nor wrong. Its line went through the extra
    reasons: marked exactly, it was told 'mark only ‘Dahl’ (source in the key): the rest is not part of it'."""
    dahl = BODY.rindex("Dahl")
    why = ("the speaker named again after a dash quote (K5).",)
    optional = KeyMark(Span(dahl, dahl + 4, "source", why), optional=True)
    result = score([Span(dahl, dahl + 4, "source")], [*KEY, optional], max_points=1, body=BODY)
    (match,) = [m for m in result.matches if m.answer]
    assert match.status == "optional"
    line = feedback.explain(match, BODY, [m.key for m in result.matches if m.key])
    assert line == f"optional: ‘Dahl’ (source): may be marked or left, it costs nothing: {why[0]}", line


def test_speakers_parts_are_quotes_and_paraphrases_but_not_the_papers_scare_quotes():
    """K10, as lesson 4's list of the analyzer's cues reads it (self25): the mayor's dash quote and Haugen's
    that-clause are the speakers' words; the paper's scare quote “consultation” is its own."""
    from medialit.exercises.feedback import inside
    from medialit.exercises.reported_speech import speakers_parts

    body = (
        "– Now we are finally doing it, says Dahl.\n"
        "Per Haugen warned that the budget would almost certainly grow.\n"
        "The so-called “consultation” lasted two weeks.\n"
    )

    def word(text: str, label: str = "evaluative") -> Span:
        return Span(body.index(text), body.index(text) + len(text), label)

    for scare in (word("so-called “consultation”", "scare_quote"), word("“consultation”", "scare_quote")):
        theirs = speakers_parts(body, [scare])
        assert inside(word("finally"), theirs) and inside(word("certainly", "intensifier"), theirs)
        assert not inside(scare, theirs) and not inside(word("consultation"), theirs)
    assert inside(word("consultation"), speakers_parts(body))  # a quotation not known as a scare quote: quoted words
