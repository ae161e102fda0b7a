"""Round 18 of the unsupported rules: an occurrence put on record, or a deed ascribed, by nobody the text names (K3).

Each rule on short invented sentences: what fires, and the look-alikes it must leave alone.
"""

from __future__ import annotations

import pytest
from test_claims import hits, label  # one way to run a sentence through the claim rules and the labeller

pytestmark = pytest.mark.model


@pytest.mark.parametrize(
    ("sentence", "verb"),
    [
        ("A strong tremor was recorded near the coast on Friday.", "recorded"),
        ("A total of twelve cases have been recorded.", "recorded"),
        ("Clashes were reported in the northern districts.", "reported"),
        ("The town suffered a second blast, another attack ascribed to the rebels.", "ascribed"),
    ],
)
def test_an_occurrence_on_record_with_nobody_behind_it_hides_the_source(nlp, sentence, verb):
    found = hits(nlp, sentence)
    assert "hidden_source" in found, found
    assert f"'{verb}' by whom" in found["hidden_source"]


@pytest.mark.parametrize(
    "sentence",
    [
        "A strong tremor was recorded by the national seismic service.",  # the agent names who recorded it
        "No injuries were reported in the northern districts.",  # nothing was put on record
        "Clashes were not reported in the capital.",  # negated
        "The album was recorded in a small studio in Oslo.",  # a work recorded: an act
        "The theft was reported to police on Monday.",  # reported to someone: an act of telling
        "Further cases could be reported next week.",  # a possibility
        "The cases recorded so far are mild.",  # a description of which cases
        "Nobody has ascribed the attack to anyone.",  # active: the writer says who
    ],
)
def test_a_record_with_its_source_negated_or_of_a_work_hides_nothing(nlp, sentence):
    found = hits(nlp, sentence)
    assert "hidden_source" not in found, found


def test_a_recorded_tremor_is_unsupported_and_the_agency_that_recorded_it_makes_it_attributed(nlp):
    own = label(nlp, "A strong tremor was recorded near the coast on Friday.")
    assert own.label == "unsupported" and any("'recorded' by whom" in r for r in own.reasons), own.reasons
    credited = label(nlp, "A strong tremor was recorded near the coast on Friday, the seismic service said.")
    assert credited.label == "attributed", credited.reasons
