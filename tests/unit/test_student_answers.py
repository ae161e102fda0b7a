"""Sixth educator's reading (keyread22): realistic student answers run through the real grading, line by line.

Each case is an answer a student writes from the prompt (a careful one, a common misconception), graded on the real
keys: the score follows the guidelines and every feedback line is true for the answer it comments on.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from medialit.exercises.grading import grade_data

REPO = Path(__file__).resolve().parents[2]
GUIDELINES = (REPO / "course" / "annotation-guidelines.md").read_text(encoding="utf-8")
SANDVIK_Q4 = [
    ("mayor Lena Holt", "source"),
    ("said", "cue"),
    ("She", "source"),
    ("called", "cue"),
    ("according to", "cue"),
    ("the operator's application to the council", "source"),
    ("Fishermen", "source"),
    ("say", "cue"),
    ("Arne Dahl", "source"),
    ("told", "cue"),
    ("the council's planning office", "source"),
    ("said", "cue", 2),
    ("Nordvind AS", "source"),
]


def grade(item_id: str, answer):
    key = json.loads((REPO / "course" / "keys" / f"{item_id}.json").read_text(encoding="utf-8"))
    return grade_data(item_id, answer, key)


def test_a_cognition_verb_with_no_source_words_is_told_why_it_is_no_cue():
    """K3: 'The turbines are thought to ...' names nobody, so there is no attribution and no cue. A student who marked
    'are thought' was told only that a cue is 'a speech or cognition verb', which 'thought' is: the line gave no
    reason the mark was wrong (keyread22). Every keyed cue stands beside source words, as K3 now says."""
    result = grade("ex05-q4", [*SANDVIK_Q4, ("are thought", "cue")])
    assert 1.8 < result.points < 2.0, result.feedback
    line = next(x for x in result.feedback if "‘are thought’" in x)
    assert "no words naming who says or thinks it" in line and "(K3)" in line, line
    k3 = GUIDELINES.split("### K3.", 1)[1].split("### K4.", 1)[0]
    assert "not\nmarked as a cue" in k3 or "not marked as a cue" in " ".join(k3.split()), k3


@pytest.mark.parametrize(
    ("item_id", "answer", "marked"),
    [
        (
            "ex05-q3",
            [
                ("Wind farm off Sandvik wins the backing of most of the town", "news"),
                ("The project is a bold step towards a greener future.", "opinion"),
                ("Ask the people who fish there first", "opinion"),
            ],
            "‘The project is a bold step towards a greener future.’",
        ),
        (
            "ex03-q4",
            [
                ("Library to open on Sundays from April", "news"),
                ("The decision is long overdue.", "opinion"),
                ("Opinion: Sunday hours are the wrong priority", "opinion"),
                ("Spring sale at Lindvik Bokhandel: why wait for Sunday?", "advertising"),
            ],
            "‘The decision is long overdue.’",
        ),
    ],
)
def test_a_passage_item_tells_a_sentence_marked_inside_a_passage_that_it_asks_for_first_lines(item_id, answer, marked):
    """K14: items that classify passages mark each passage's first line. A student who also marked the report's
    opinion sentence (which ex05-q1 and ex03-q3 key as opinion) was told 'opinion is a named author or speaker arguing
    a view in their own voice', as if the sentence were no opinion; the reason it costs is that it is no first line."""
    result = grade(item_id, answer)
    assert 0 < result.points < 1.0, result.feedback
    line = next(x for x in result.feedback if marked in x)
    assert "first line (its headline)" in line and "(K14)" in line and "named author" not in line, line
    k14 = " ".join(GUIDELINES.split("### K14.", 1)[1].split("### K15.", 1)[0].split())
    assert "mark each passage's first line (its headline) with its kind" in k14


def test_a_dropped_source_heading_keeps_the_label_k8_gives_a_heading_that_restates_the_body():
    """K8 as clarified (keyread22): a heading restating a claim the body credits to a named source is `other`, the
    dropped source being K13's fault; lesson 3 teaches exactly this on the subhead 'Condemn Russia's war crimes'."""
    k8 = " ".join(GUIDELINES.split("### K8.", 1)[1].split("### K9.", 1)[0].split())
    assert "its label is `other`, and the source it drops is K13's fault `dropped_source`" in k8
    lesson = " ".join((REPO / "notebooks" / "sources" / "03-claims-and-evidence.md").read_text("utf-8").split())
    assert re.search(r"its sentence label is `other` like any heading that restates the body \(K8\)", lesson)
    assert "`dropped_source`" in lesson


EX01_Q2_LINKED = [
    ("Støre", "Jonas Gahr Støre", "said", 1),
    ("He", "Jonas Gahr Støre", "added", 1),
    ("Støre", "Jonas Gahr Støre", "pointed out", 2),
    ("The Prime Minister", "Jonas Gahr Støre", "believes", 1),
]


@pytest.mark.parametrize(
    "party",
    [
        [("They", "the Russian embassy", "commented", 1)],
        [("the Russian embassy", "the Russian embassy", "", 1), ("They", "the Russian embassy", "commented", 1)],
    ],
    ids=["pronoun-alone", "pronoun-beside-the-name"],
)
def test_the_silent_partys_pronoun_linked_to_a_cue_costs_and_is_told_as_its_name_is(party):
    """Rule 3, K4: a party that was asked and gave no answer has no attribution and no cue; 'They' is accepted in
    the embassy's place. 'the Russian embassy' linked to 'commented' cost the cue half with a K4 line, but 'They'
    linked so lost the same half with no line at all (1.8, one line: the score), and beside the embassy cost
    nothing (2.0): the same misreading, three outcomes (keyread22)."""
    named = grade("ex01-q2", [*EX01_Q2_LINKED, ("the Russian embassy", "the Russian embassy", "commented", 1)])
    result = grade("ex01-q2", [*EX01_Q2_LINKED, *party])
    assert result.points < 2.0 and (len(party) == 2 or result.points == named.points), (result, named)
    line = next((x for x in result.feedback if x.startswith("‘They’ linked to ‘commented’")), "")
    assert line.endswith("A party asked who gave no answer has no cue (K4)"), result.feedback


def test_a_framing_word_in_a_paraphrase_is_told_it_is_the_speakers_in_the_own_voice_activity(capsys):
    """K10: framing in the content of an indirect attribution ('warned that the budget would almost certainly
    grow') is the speaker's, reported. Lesson 4's own-voice activity told a student who marked 'almost certainly'
    only "ask ... whose words they are", while 'finally' inside the dash quote was told it is the speaker's, and the
    activity's answer says both belong to the speakers (keyread22)."""
    from medialit import load_article
    from medialit.core.spans import Span
    from medialit.exercises.lessons import check_highlights, reset

    reset()
    practice = load_article(str(REPO / "notebooks" / "articles" / "ferry-terminal-vote.md"))
    body = practice.body

    def mark(words: str, label: str) -> Span:
        start = body.index(words)
        return Span(start, start + len(words), label)

    check_highlights(
        "l4.framing-activity", [mark("heated", "evaluative"), mark("almost certainly", "evaluative")], practice
    )
    out = capsys.readouterr().out
    line = next(x for x in out.splitlines() if "‘almost certainly’" in x)
    assert "a paraphrase" in line and "the speaker's framing" in line and "(K10)" in line, line
