"""Texts named as where a clause comes from, "by reports" and "per the request" (tenth round, fifth session): the
hidden-source phrases of the seventh round read with fewer demands on their shape. Short invented sentences; the
first four are missed by the session's starting code, the rest pin the limits."""

from __future__ import annotations

import pytest
from test_attribution_fallback import rules  # the finder's attributions as (rule, cue, speaker, content)

pytestmark = pytest.mark.model


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # opening the sentence with no comma; the parser hangs the clause on "reports"
        (
            "By reports he secured five of the six delegates.",
            [("according_to:by", "By", "reports", "he secured five of the six delegates")],
        ),
        # set off by dashes, not commas
        (
            "The storm left three dead and — by early reports — at least 20 injured.",
            [("according_to:by", "by", "early reports", "at least 20 injured")],
        ),
        # "per" with texts that name no one: reports, a request (WordNet's noun.communication)
        (
            "Per reports, the rebels took the airport on Monday.",
            [("according_to:per", "Per", "reports", "the rebels took the airport on Monday")],
        ),
        (
            "Per the request, the council would meet again in March.",
            [("according_to:per", "Per", "request", "the council would meet again in March")],
        ),
    ],
)
def test_by_or_per_texts_credits_the_clause_to_them(nlp, sentence, expected):
    assert rules(nlp, sentence) == expected


@pytest.mark.parametrize(
    "sentence",
    [
        "The shop sold one pack per order.",  # a rate: a bare singular noun after "per"
        "The mean cost per student rose by a third.",
        "Per month, the company earns two million dollars.",  # a time, no message
        "By letter he asked for more time.",  # a means: singular, no determiner or adjective
        "By the end of the day, the rebels controlled half the city.",
    ],
)
def test_by_or_per_a_rate_a_time_or_a_means_credits_nothing(nlp, sentence):
    assert [r for r in rules(nlp, sentence) if r[0].startswith("according_to")] == []
