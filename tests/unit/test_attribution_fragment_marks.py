"""A paraphrase that ends in a quoted fragment keeps the fragment's closing mark (twenty-first round, attr20).

The content of an indirect or "according to" attribution holds the fragment's opening mark, so it keeps the
closing one too, with a final "." "?" or "!" inside it: the marks show which words are the speaker's (K17), and
the attribution is mixed. Only the marks around a whole quotation stay out of the content (the guidelines'
"content"). Short invented sentences; the first four are cut short by the round's starting code (the first also
called indirect there), the rest pin the limits."""

from __future__ import annotations

import pytest
from test_attribution_news import found  # one way to run a sentence through the finder

pytestmark = pytest.mark.model


def contents(nlp, sentence: str) -> list[tuple[str, str]]:
    body, attributions = found(nlp, sentence)
    return [(a.content.text(body), a.kind) for a in attributions]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        (
            'The mayor called the stabbing "an act of inexplicable barbarity."',
            [('the stabbing "an act of inexplicable barbarity."', "mixed")],
        ),
        (
            'The minister said the plan would help "the whole town".',
            [('the plan would help "the whole town"', "mixed")],
        ),
        (
            "The mayor said the levy “costs the town a fortune.”",
            [("the levy “costs the town a fortune.”", "mixed")],
        ),
        (
            'According to the police, the driver was "very confused."',
            [('the driver was "very confused."', "according_to")],
        ),
    ],
)
def test_a_paraphrase_ending_in_a_quoted_fragment_keeps_its_closing_mark(nlp, sentence, expected):
    """The fragment opens inside the content, so its closing mark (and a final stop inside it) is kept."""
    assert contents(nlp, sentence) == expected


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # a whole quotation: its own marks stay out of the content
        ('The mayor said: "We will rebuild the bridge."', [("We will rebuild the bridge.", "direct")]),
        ('"We will rebuild the bridge," the mayor said.', [("We will rebuild the bridge", "direct")]),
        # a fragment closed after a comma: the quotation may go on after the cue, so nothing is added
        (
            'The mayor said the levy "costs the town a fortune," and left the room.',
            [('the levy "costs the town a fortune', "indirect")],
        ),
        # a fragment inside the content, not at its end: unchanged
        (
            'The mayor said the vote was "a turning point" for the town.',
            [('the vote was "a turning point" for the town', "mixed")],
        ),
    ],
)
def test_a_whole_quotation_and_a_fragment_before_a_comma_are_unchanged(nlp, sentence, expected):
    """Marks around a whole quotation, and a fragment that closes after a comma, are left as before."""
    assert contents(nlp, sentence) == expected
