"""Round 8 of the unsupported rules: rules kept only where the tuning gold and the blind readers agree.

Each rule on short invented sentences: what fires, and the look-alikes it must leave alone.
"""

from __future__ import annotations

import pytest
from test_claims import hits, label  # one way to run a sentence through the claim rules and the labeller

pytestmark = pytest.mark.model


@pytest.mark.parametrize(
    ("sentence", "words"),
    [
        ("The vigils were attended by thousands.", "thousands"),
        ("Fewer than two hundred showed up at the gates.", "Fewer than two hundred"),
        ("The march drew two million people.", "two million people"),
        ("The festival opened on Friday, attracting thousands to the park.", "thousands"),
        ("The square was visited by tens of thousands of people.", "tens of thousands of people"),
        ("About 300 mourners gathered outside the church.", "About 300 mourners"),
    ],
)
def test_a_crowd_size_with_no_source_is_a_contested_figure(nlp, sentence, words):
    found = hits(nlp, sentence)
    assert "crowd" in found, found
    assert words in found["crowd"] and "contested" in found["crowd"]


@pytest.mark.parametrize(
    "sentence",
    [
        "Two men marched into the bank.",  # two people, no crowd
        "The company attracted two investors.",
        "The concert drew two towns together.",  # not people
        "Thousands of fans wore costumes.",  # a count, but nobody attends anything
        "Millions did not turn up at the base.",  # who did not come is no crowd
        "On Sunday, voters turned out 2.9 million strong to vote.",  # an election's official turnout
        "On Sunday, 2.9 million voters turned out to vote.",
        "Hundreds of scientists demonstrated that the drug works.",  # showing, not a crowd at an event
    ],
)
def test_small_counts_other_things_and_turnout_are_no_crowd(nlp, sentence):
    assert "crowd" not in hits(nlp, sentence)


def test_a_crowd_size_makes_the_sentence_unsupported_and_a_source_makes_it_attributed(nlp):
    own = label(nlp, "The vigils were attended by thousands.")
    assert own.label == "unsupported" and any("crowd size" in r for r in own.reasons)
    credited = label(nlp, "The vigils were attended by thousands, police said.")
    assert credited.label == "attributed"
