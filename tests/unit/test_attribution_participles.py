"""Participles that report a clause (tenth round, fifth session): a bare participle of a core speech verb with a
clause or a quotation after it, read where the parser split the clause off the participle. Short invented
sentences; the first six are missed by the session's starting code, the rest pin the limits."""

from __future__ import annotations

import pytest
from test_attribution_fallback import rules  # the finder's attributions as (rule, cue, speaker, content)

pytestmark = pytest.mark.model


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # on the subject: the parser makes the participle's clause the root and the main verb its adverbial
        (
            "Several opposition groups claiming the 2019 city election was stolen from the mayor marched on Sunday"
            " in the capital.",
            [
                (
                    "participle:claim",
                    "claiming",
                    "Several opposition groups",
                    "the 2019 city election was stolen from the mayor",
                )
            ],
        ),
        # on a text someone issued: its issuer speaks; the clause's subject read as the participle's object
        (
            "A coalition of landowners from the state of Texas filed a motion claiming the border wall is illegal"
            " and damaged their farms.",
            [
                (
                    "participle:claim",
                    "claiming",
                    "coalition of landowners",
                    "the border wall is illegal and damaged their farms",
                )
            ],
        ),
        (
            "On Monday, a group of parents from the north of the city filed a petition claiming the school closure"
            " is unlawful and harmed their children.",
            [
                (
                    "participle:claim",
                    "claiming",
                    "group of parents",
                    "the school closure is unlawful and harmed their children",
                )
            ],
        ),
        # "cited X as stating": X speaks (K6), the relay does not; the clause ends before ", and ..."
        (
            "The newspaper cited the Coast Guard as stating the ferry company owned the boat, and reported two deaths.",
            [("participle:state", "stating", "Coast Guard", "the ferry company owned the boat")],
        ),
        # after a preposition of time: the main clause's subject speaks, past the one told
        (
            "Hospital director Anna Berg was met with applause early today upon announcing to journalists the mayor"
            " remained alive.",
            [("participle:announce", "announcing", "Anna Berg", "the mayor remained alive")],
        ),
        # "with" and a noun: the noun is the participle's subject
        (
            "The attack was the deadliest since 2018, with officials reporting the death toll had risen to 150.",
            [("participle:report", "reporting", "officials", "the death toll had risen to 150")],
        ),
    ],
)
def test_a_participle_with_a_clause_reports_it(nlp, sentence, expected):
    """A participle with a that-clause, a clause or a quotation is a report; the source is the one it belongs to."""
    assert rules(nlp, sentence) == expected


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # parses the verb rule already reads: unchanged, and no second finding for the same participle
        (
            "Two unions claiming the new contract was imposed by the board held a strike on Monday.",
            [("verb:claim", "claiming", "Two unions", "the new contract was imposed by the board")],
        ),
        (
            "The paper cited the police as stating the driver owned the car.",
            [("verb:state", "stating", "police", "the driver owned the car")],
        ),
        # only an object: it says who they are or what they did (K1), whatever the parse
        ("Several opposition groups claiming victory in the 2019 city election marched on Sunday in the capital.", []),
        ("A coalition of landowners from the state of Texas filed a motion claiming damages for their farms.", []),
        ("Editors requesting her collaboration met on Monday.", []),
        # a time before the participle is no speaker (the parser made "the latter" its modifier)
        (
            'Investigators from two agencies came, with the latter yesterday confirming on Twitter they were "not'
            ' traveling to the scene."',
            [],
        ),
        # inside a quotation: the quotation's speaker says it all
        (
            '"Several opposition groups claiming the 2019 city election was stolen from the mayor marched on Sunday'
            ' in the capital," the police said.',
            [
                (
                    "verb:say",
                    "said",
                    "police",
                    "Several opposition groups claiming the 2019 city election was stolen from the mayor marched on"
                    " Sunday in the capital",
                )
            ],
        ),
    ],
)
def test_a_participle_without_a_clause_or_already_read_adds_nothing(nlp, sentence, expected):
    assert rules(nlp, sentence) == expected
