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
        "The payment was not made as per our agreement, so I left.",  # "as per": in keeping with, no source
        "By letter he asked for more time.",  # a means: singular, no determiner or adjective
        "By the end of the day, the rebels controlled half the city.",
    ],
)
def test_by_or_per_a_rate_a_time_or_a_means_credits_nothing(nlp, sentence):
    assert [r for r in rules(nlp, sentence) if r[0].startswith("according_to")] == []


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # the subject of the verb after "According to X," with its appositions is the verb's speaker, not X's
        # words (the dev gold's "According to the New Zealand Herald, Emeritus Professor John Burrows, the
        # chairman ..., said ...": the relay's content holds the speaker and the verb, K6)
        (
            "According to the news agency ISNA, the prosecutor general of Tehran, Ali Mehr, said the men had been"
            " arrested.",
            [
                (
                    "according_to",
                    "According to",
                    "news agency ISNA",
                    "the prosecutor general of Tehran, Ali Mehr, said the men had been arrested",
                ),
                ("fallback:say", "said", "Ali Mehr", "the men had been arrested"),
            ],
        ),
        # a relative clause on the source is its own statement, not what "according to" credits
        (
            "The shooting began at 10:39 a.m. local time, according to police, who said officers arrived six"
            " minutes later.",
            [
                ("according_to", "according to", "police", "The shooting began at 10:39 a.m. local time"),
                ("verb:say", "said", "police", "officers arrived six minutes later"),
            ],
        ),
        (
            "76 villages were affected according to the NDRRMC report on Saturday, which counted 21 injured people"
            " in Davao del Sur.",
            [("according_to", "according to", "NDRRMC report on Saturday", "76 villages were affected")],
        ),
    ],
)
def test_according_to_x_is_x_own_phrase(nlp, sentence, expected):
    assert rules(nlp, sentence) == expected


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # an apposition of the source stays the source's; the clause after it is what X is credited with
        (
            "According to Anna Berg, a spokeswoman for the city, the bridge is closed.",
            [("according_to", "According to", "Anna Berg", "the bridge is closed")],
        ),
        (
            "According to the city paper, Mayor Anna Berg, who chairs the board, said the bridge would close.",
            [
                (
                    "according_to",
                    "According to",
                    "city paper",
                    "Mayor Anna Berg, who chairs the board, said the bridge would close",
                ),
                ("verb:say", "said", "Anna Berg", "the bridge would close"),
            ],
        ),
    ],
)
def test_according_to_keeps_its_appositions_and_a_parse_already_right(nlp, sentence, expected):
    assert rules(nlp, sentence) == expected
