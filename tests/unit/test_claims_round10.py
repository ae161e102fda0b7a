"""Round 10 of the unsupported rules: unnamed reports as the source of a claim, wherever "by reports" stands.

Each rule on short invented sentences: what fires, and the look-alikes it must leave alone.
"""

from __future__ import annotations

import pytest
from test_claims import hits, label  # one way to run a sentence through the claim rules and the labeller

pytestmark = pytest.mark.model


@pytest.mark.parametrize(
    ("sentence", "words"),
    [
        ("The divers found two or three wrecks — five by varying reports — near the reef.", "by varying reports"),
        ("The toll rose to thirty by some accounts.", "by some accounts"),
        ("The bridge, by local reports, was closed for a week.", "by local reports"),
    ],
)
def test_by_unnamed_reports_hides_the_source(nlp, sentence, words):
    found = hits(nlp, sentence)
    assert "hidden_source" in found, found
    assert f"'{words}'" in found["hidden_source"]


@pytest.mark.parametrize(
    "sentence",
    [
        "The claim was confirmed by reports from the ministry.",  # the agent of a passive: the labeller's source
        "He earned a living by writing reports.",  # a means, not a source
        "The team was judged by its reports.",  # whose reports: named
        "The rules were set by the report.",  # one report, the story's own
    ],
)
def test_by_a_report_that_is_a_means_an_agent_or_named_hides_nothing(nlp, sentence):
    found = hits(nlp, sentence)
    assert "by " not in found.get("hidden_source", ""), found


def test_by_varying_reports_makes_the_sentence_unsupported_and_a_named_source_attributed(nlp):
    own = label(nlp, "The team located three wrecks — five by varying reports — near the reef.")
    assert own.label == "unsupported" and any("by varying reports" in r for r in own.reasons), own.reasons
    credited = label(nlp, "The team located three wrecks near the reef, the navy said.")
    assert credited.label == "attributed"
