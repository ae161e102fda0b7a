"""A reporting verb's participle with its agent, hung on a noun (twentieth round, attr19b): what it says of the
noun when the parse gives no "as" phrase. An "as" clause ("an assailant, reported by The Guardian as convicted of
assaults") or, for a noun of saying or thinking, the that-clause after its copula ("The biggest lie being told by
the administration is that ISIS is defeated"). Short invented sentences; the first three are missed by the
round's starting code, the rest pin the limits."""

from __future__ import annotations

import pytest
from test_attribution_fallback import rules  # the finder's attributions as (rule, cue, speaker, content)

pytestmark = pytest.mark.model


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # the parser makes "as convicted ..." a clause marked by "as", not an "as" phrase
        (
            "The man, reported by The Guardian as convicted of assault, was arrested.",
            [("as_reported:report", "reported by", "Guardian", "convicted of assault")],
        ),
        # a noun of saying with "being told by": the lie's content is the clause after "is"
        (
            "The biggest lie being told by the government is that the war is over.",
            [("as_reported:tell", "being told by", "government", "the war is over")],
        ),
        (
            "The story told by the witness is that he ran away.",
            [("as_reported:tell", "told by", "witness", "he ran away")],
        ),
    ],
)
def test_a_participle_with_its_agent_credits_what_it_says_of_the_noun(nlp, sentence, expected):
    """The agent of "reported by", "being told by" is the source of what the noun is said to be or to hold."""
    assert rules(nlp, sentence) == expected


@pytest.mark.parametrize(
    "sentence",
    [
        # the noun's own clause is the reporter's: the teacher did not say the novel won a prize
        "The novel, written by a local teacher, won a prize.",
        "The story told by the witness changed twice.",
        "The plan announced by the government will cost millions.",
        # a noun that is no content of saying or thinking, before a copula
        "The book written by the mayor is that kind of book.",
    ],
)
def test_a_participle_with_its_agent_and_no_said_content_is_no_attribution(nlp, sentence):
    """Without an "as" clause or a content noun's that-clause, nothing is credited to the agent."""
    assert rules(nlp, sentence) == []


def test_an_as_phrase_keeps_its_rule(nlp):
    """The "as" phrase the parser reads as such keeps the earlier rule and its content (unchanged)."""
    assert rules(nlp, "The ferry, reported by local media as belonging to the navy, sank.") == [
        ("as_reported:report", "reported by", "local media", "as belonging to the navy")
    ]
