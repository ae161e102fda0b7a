"""Attribution rules of the eleventh round (groups found on the reader-labelled reports), on short invented
sentences: a quotation introduced by a colon may run over several sentences of its paragraph and may follow a
long clause; a verb coordinated with a reporting verb by "and" or "but" with a subject of its own is not what was
reported."""

from __future__ import annotations

import pytest
from test_attribution_fallback import rules  # the finder's attributions as (rule, cue, speaker, content)

pytestmark = pytest.mark.model


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # the quotation runs on into the next sentence of the paragraph (rule 2: one cue, one quotation)
        (
            'The governor addressed the crowd: "Stay calm. Help is coming tonight."',
            [("colon:statement", "addressed the crowd", "governor", "Stay calm. Help is coming tonight")],
        ),
        # a lead of more than twelve tokens before a colon and a quotation
        (
            "Mayor Anna Berg, a member of the Green Party since 2004, spoke on the city's morning radio show when"
            ' she made the announcement: "I will not run again."',
            [
                (
                    "colon:statement",
                    "spoke on the city's morning radio show when she made the announcement",
                    "Anna Berg",
                    "I will not run again",
                )
            ],
        ),
    ],
)
def test_a_colon_introduces_a_quotation_after_a_long_clause_or_over_sentences(nlp, sentence, expected):
    assert rules(nlp, sentence) == expected


@pytest.mark.parametrize(
    "sentence",
    [
        # a long lead with no quotation after the colon: a colon in a title, not a statement
        "Her schedule included a panel with Anna Berg, the voice of the captain in Ferry Tales: The Animated Series,"
        " in which she played the harbour master.",
        # a long lead holding a quotation of its own
        'The schedule of the mayor, who spoke for the first time since "the storm" on Monday and met the crew at'
        ' the port, listed its main points: "the port, the ferry and the road".',
    ],
)
def test_a_long_lead_needs_a_quotation_of_its_own_after_the_colon(nlp, sentence):
    assert [r for r in rules(nlp, sentence) if r[0] == "colon:statement"] == []


@pytest.mark.parametrize(
    "sentence",
    [
        "The council declared victory, but the protesters have remained in the square.",
        "The press asked the minister about the ferry, but he declined to comment.",
    ],
)
def test_a_clause_coordinated_with_its_own_subject_is_not_what_was_reported(nlp, sentence):
    assert not any("remained" in r[3] or "declined" in r[3] for r in rules(nlp, sentence))


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # the parser took the clause's subject for the verb's object and coordinated its verb: still the content
        (
            "The inspectors found corrosion on the old bridge exceeded safe limits.",
            [("verb:find", "found", "inspectors", "corrosion on the old bridge exceeded safe limits")],
        ),
        (
            "The mayor said the ferry required repairs, and was out of service until May.",
            [("verb:say", "said", "mayor", "the ferry required repairs, and was out of service until May")],
        ),
    ],
)
def test_a_clause_the_parser_missed_stays_the_content(nlp, sentence, expected):
    assert rules(nlp, sentence) == expected
