"""A denial with an object that is no claim (twenty-third round, attr21): "denied funding", "denied him entry",
"denied the excesses of his parents" report an act of refusing or renouncing, which carries no content (base
rule 3: a sentence that only reports that somebody acted), not a statement. A denial of a claim, a clause or a
quotation stays one. Short invented sentences; the first four are credited by the round's starting code, the
rest pin what stays and the known limits."""

from __future__ import annotations

import pytest
from test_attribution_fallback import rules  # the finder's attributions as (rule, cue, speaker, content)

pytestmark = pytest.mark.model


@pytest.mark.parametrize(
    "sentence",
    [
        "Congress has repeatedly denied funding for such a wall.",  # a refusal to grant
        "The border guards denied him entry.",  # a dative: whom it is refused to
        "Early in life he denied the excesses of his parents, and at fourteen joined a monastery.",  # renouncing
        "The minister denied wrongdoing.",  # a known limit: no noun of saying or thinking, read as an act too
    ],
)
def test_a_denial_of_an_act_credits_nothing(nlp, sentence):
    assert rules(nlp, sentence) == []


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("The company denied the allegations.", [("verb:deny", "denied", "company", "the allegations")]),
        (
            "He denied any involvement in the attack.",
            [("verb:deny", "denied", "He", "any involvement in the attack")],
        ),
        ("The ministry denied it.", [("verb:deny", "denied", "ministry", "it")]),
        (
            "The ministry denied that the talks had failed.",
            [("verb:deny", "denied", "ministry", "the talks had failed")],
        ),
        (
            "The FSB denies the two explosions are related.",
            [("verb:deny", "denies", "FSB", "the two explosions are related")],
        ),
        # a known limit: a request is a noun of communication, so its refusal is still read as a statement
        ("The court denied the request.", [("verb:deny", "denied", "court", "the request")]),
    ],
)
def test_a_denial_of_a_claim_or_a_clause_is_a_statement(nlp, sentence, expected):
    assert rules(nlp, sentence) == expected
