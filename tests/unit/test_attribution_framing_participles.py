"""A participle that frames a quotation after a comma (seventeenth round, attr19): '..., writing, "..."',
'"...," further remarking, "..."'. The tagger often reads the "-ing" word as a noun, so the rule reads it by its
form. Short invented sentences; the first two are missed by the round's starting code, the rest pin the limits."""

from __future__ import annotations

import pytest
from test_attribution_fallback import rules  # the finder's attributions as (rule, cue, speaker, content)

pytestmark = pytest.mark.model


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # a reporting verb outside the core list after the main clause: its subject speaks
        (
            'The mayor accepted the offer, writing, "The town needs a new bridge."',
            [("framing:write", "writing", "mayor", "The town needs a new bridge")],
        ),
        # after a quotation closed with its comma: the speaker of that quotation goes on
        (
            'Councillor Anna Berg remarked, "It has been a long fight. We see some of the results," further'
            ' remarking, "Women in this town have waited long enough."',
            [
                ("verb:remark", "remarked", "Anna Berg", "It has been a long fight. We see some of the results"),
                ("framing:remark", "remarking", "Anna Berg", "Women in this town have waited long enough"),
            ],
        ),
    ],
)
def test_a_participle_framing_a_quotation_reports_it(nlp, sentence, expected):
    """The quotation after '..., writing,' is the speaker's, who is the one speaking just before or the subject."""
    assert rules(nlp, sentence) == expected


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # read by the verb rule already: one finding, unchanged
        (
            'The minister thanked the staff, adding, "They did a fine job."',
            [("verb:add", "adding", "minister", "They did a fine job")],
        ),
        # no quotation after it: an act, no statement (K1, rule 3)
        ("The mayor accepted the offer, writing a long letter to the council.", []),
        # not a reporting verb
        ('The children kept on playing, running, "just as before," in the yard.', []),
    ],
)
def test_a_participle_without_a_framed_quotation_is_left_alone(nlp, sentence, expected):
    """Only a reporting verb whose comma or colon opens a quotation is read this way."""
    assert rules(nlp, sentence) == expected
