"""Round 11 of the unsupported rules: rules kept only where they hold on both tuning halves and the readers' reports.

Each narrowed rule on short invented sentences: what still makes a sentence unsupported, and what no longer does
because the words do not carry the sentence's claim (K9).
"""

from __future__ import annotations

import pytest

from medialit.core.article import from_text
from medialit.nlp.attribution import find_attributions
from medialit.nlp.claims import claim_hits
from medialit.nlp.framing import framing_cues
from medialit.nlp.sentence_labels import label_sentences

pytestmark = pytest.mark.model


def label(nlp, sentence: str):
    article = from_text(f"Report\n{sentence}\n", title="Test")
    doc = nlp(article.body)
    spans = label_sentences(doc, article, find_attributions(doc, article), framing_cues(doc), judge=None)
    return next(s for s in spans if s.text(article.body) == sentence)


@pytest.mark.parametrize(
    "sentence",
    [
        "The storm may have damaged the old bridge.",  # the main clause: the claim itself is hedged
        "There is a real risk that the old dam may be unsafe.",  # a content clause is a claim
    ],
)
def test_a_modal_hedge_on_the_claim_still_makes_it_unsupported(nlp, sentence):
    found = label(nlp, sentence)
    assert found.label == "unsupported", found.reasons
    assert any(r.startswith("hedge") for r in found.reasons)


@pytest.mark.parametrize(
    "sentence",
    [
        "The crew repaired every pipe that may have been damaged during the frost.",  # a relative clause
        "The rangers closed the path to show the cliff could be dangerous in winter.",  # inside an adverbial clause
    ],
)
def test_a_modal_hedge_in_a_side_clause_does_not_carry_the_claim(nlp, sentence):
    found = label(nlp, sentence)
    assert not any(r.startswith("hedge") for r in found.reasons), found.reasons


def hits(nlp, sentence: str) -> dict[str, str]:
    doc = nlp(sentence)
    return dict(claim_hits(doc[:], lambda t: False))


@pytest.mark.parametrize(
    ("sentence", "words"),
    [
        ("The bakery, one of the most popular in the valley, closed on Monday.", "one of the most popular"),
        ("The mill was the largest employer in the country.", "largest ... in country"),
    ],
)
def test_a_ranking_or_a_record_is_still_a_claim(nlp, sentence, words):
    found = hits(nlp, sentence)
    assert words in found.get("superlative", ""), found


@pytest.mark.parametrize(
    "sentence",
    [
        "Anna Berg, the most senior nurse on the ward, has taken over the night shifts.",
        "In old Rome, the most famous example of such a market, traders paid no rent.",
    ],
)
def test_a_definite_superlative_beside_a_name_describes_it_and_ranks_nothing(nlp, sentence):
    assert "superlative" not in hits(nlp, sentence)


@pytest.mark.parametrize(
    "sentence",
    [
        "In order to let the new player start, the coach moved Berg to the wing.",
        "The council changed the law in order to keep the exemption.",
        "The ferry slowed down so as to spare the swimmers.",
    ],
)
def test_the_stated_aim_of_an_act_is_no_motive(nlp, sentence):
    assert "motive" not in hits(nlp, sentence)


def test_a_purpose_ascribed_to_someone_is_still_a_motive(nlp):
    assert "seeking to" in hits(nlp, "Rival stalls opened nearby seeking to profit from the crowds.").get("motive", "")
