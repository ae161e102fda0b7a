"""Advising and appealing as speech acts (WordNet's "give advice to" and "make an appeal or request for help"
synsets, frame 24 "Somebody ----s somebody to INFINITIVE"), on short invented sentences: with an object and an
infinitive the one advised and what they are to do are the content; advice with no infinitive says nothing."""

from __future__ import annotations

import pytest
from test_attribution_fallback import rules  # the finder's attributions as (rule, cue, speaker, content)

pytestmark = pytest.mark.model


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        (
            "The harbour master advised residents of the island to stay indoors.",
            [("verb:advise", "advised", "harbour master", "residents of the island to stay indoors")],
        ),
        (
            "The ministers called on the council to withdraw the plan.",
            [("verb:call_on", "called on", "ministers", "to withdraw the plan")],
        ),
    ],
)
def test_advice_and_appeals_with_an_infinitive_are_attributions(nlp, sentence, expected):
    assert rules(nlp, sentence) == expected


@pytest.mark.parametrize(
    "sentence",
    ["The lawyer advised the court on the matter.", "The doctor counselled patients for years."],
)
def test_advice_without_an_infinitive_says_nothing(nlp, sentence):
    assert rules(nlp, sentence) == []
