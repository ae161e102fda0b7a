"""Attribution rules of the eighth round: a reporting verb under a modal of ability, possibility, obligation or
the future credits no statement, each on short invented sentences."""

from __future__ import annotations

import pytest
from spacy.tokens import Doc
from test_attribution_news import described, found  # one way to run a sentence through the finder

from medialit.nlp.attribution.tokens import under_modal

pytestmark = pytest.mark.model


@pytest.mark.parametrize(
    "sentence",
    [
        "Any member state could demand that the platform remove the post.",  # what a state is able to ask
        "A good map can tell you where the nearest station is.",  # what a thing is able to show
        "Editors will sometimes write that the mayor is popular.",  # a habit or a plan, no statement made
        "The board may announce that the school will close.",  # a possibility
        "Critics must concede that the bridge is safe.",  # an obligation
        "The mayors met on Monday. They’ll tell the council that the town can do big things.",  # "will", contracted
        "The mayors met on Monday. They'll tell the council that the town can do big things.",
        "Officials will meet on Monday and announce that the school will close.",  # the modal of the verb joined
        # the speaker the fallback would take from before the verb is the object of a verb under a modal
        "The Courier will report its source said that the mayor had resigned.",
    ],
)
def test_a_statement_a_source_can_may_or_will_make_is_no_attribution(nlp, sentence):
    assert found(nlp, sentence)[1] == []


@pytest.mark.parametrize(
    ("sentence", "cue", "speaker", "content"),
    [
        # "would" also tells a past statement from a later point in the story
        (
            "The poet would later claim that he had learned Greek as a boy.",
            "claim",
            "poet",
            "he had learned Greek as a boy",
        ),
        # a modal inside the content is the source's, not the cue's
        ("The minister said the bridge could reopen in May.", "said", "minister", "the bridge could reopen in May"),
    ],
)
def test_a_statement_made_is_still_found(nlp, sentence, cue, speaker, content):
    body, attributions = found(nlp, sentence)
    assert described(body, attributions) == [(cue, speaker, content)]


def verb_named(doc, text):
    return next(t for t in doc if t.text == text)


@pytest.mark.parametrize(
    ("sentence", "verb", "without_would", "with_would"),
    [
        ("The poet would later claim that he had learned Greek.", "claim", False, True),  # a past statement
        ("The board may announce that the school will close.", "announce", True, True),
        ("The minister said the bridge could reopen in May.", "said", False, False),  # the content's modal
    ],
)
def test_under_modal_leaves_out_would_only_when_asked(nlp, sentence, verb, without_would, with_would):
    token = verb_named(nlp(sentence), verb)
    assert under_modal(token, would=False) is without_would
    assert under_modal(token, would=True) is with_would


def test_under_modal_takes_the_modal_of_the_verb_joined_only_when_coordinated(nlp):
    token = verb_named(nlp("Officials will meet on Monday and announce that the school will close."), "announce")
    assert token.dep_ == "conj"
    assert under_modal(token, would=False, coordinated=True)
    assert not under_modal(token, would=False)
    assert not under_modal(token, would=True)  # the content readings ask about the verb's own modal


def test_under_modal_counts_a_modal_the_parser_linked_as_a_passive_auxiliary(nlp):
    words = ["It", "might", "be", "announced"]
    doc = Doc(nlp.vocab, words=words, heads=[3, 3, 3, 3], deps=["nsubjpass", "auxpass", "auxpass", "ROOT"])
    for token, tag in zip(doc, ["PRP", "MD", "VB", "VBN"], strict=True):
        token.tag_ = tag
    assert under_modal(doc[3], would=False)
