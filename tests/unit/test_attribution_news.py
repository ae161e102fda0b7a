"""Attribution rules for news constructions of the sixth round, each on short invented sentences."""

from __future__ import annotations

import pytest

from medialit.core.article import from_text
from medialit.nlp.attribution import find_attributions

pytestmark = pytest.mark.model


def found(nlp, sentence: str) -> tuple[str, list]:
    article = from_text(f"Report\n{sentence}\n", title="Test")
    return article.body, find_attributions(nlp(article.body), article).attributions


def described(body: str, attributions: list) -> list[tuple[str, str, str]]:
    return [(a.cue.text(body), a.speaker, a.content.text(body).rstrip(".")) for a in attributions]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        (
            "The mayor said the bridge was closed and added that it would reopen soon.",
            [("said", "mayor", "the bridge was closed"), ("added", "mayor", "it would reopen soon")],
        ),
        (
            'The minister said the attack was a "cowardly act" and vowed to find those responsible.',
            [
                ("said", "minister", 'the attack was a "cowardly act"'),  # the fragment's closing mark (K17)
                ("vowed", "minister", "to find those responsible"),
            ],
        ),
    ],
)
def test_a_reporting_verb_coordinated_into_the_clause_shares_the_first_subject(nlp, sentence, expected):
    body, attributions = found(nlp, sentence)
    assert described(body, attributions) == expected
    assert all(a.rule.startswith("verb:") for a in attributions)


def test_a_verb_coordinated_with_a_speaking_subject_keeps_it(nlp):
    body, attributions = found(nlp, "Police said the man fled the scene and called for help.")
    assert described(body, attributions) == [("said", "Police", "the man fled the scene and called for help")]


@pytest.mark.parametrize(
    ("sentence", "speaker", "content"),
    [
        ("Residents were told by officials that the water was unsafe.", "officials", "the water was unsafe"),
        ("It was reported by the BBC that three people died.", "BBC", "three people died"),
    ],
)
def test_a_passive_with_an_agent_credits_its_that_clause(nlp, sentence, speaker, content):
    body, attributions = found(nlp, sentence)
    assert described(body, attributions) == [(attributions[0].cue.text(body), speaker, content)]
    assert attributions[0].rule.startswith("passive:")


@pytest.mark.parametrize(
    ("sentence", "cue", "speaker"),
    [
        ("Rights groups have raised concerns that the law could be abused.", "have raised concerns", "Rights groups"),
        ("An environmental group filed a motion claiming the order was unlawful.", "claiming", "environmental group"),
    ],
)
def test_a_group_can_speak(nlp, sentence, cue, speaker):
    """WordNet files "group" and "person" in noun.Tops, above noun.group and noun.person: they are source nouns."""
    body, attributions = found(nlp, sentence)
    assert [(a.cue.text(body), a.speaker.split()[-1]) for a in attributions] == [(cue, speaker.split()[-1])]


@pytest.mark.parametrize(
    ("sentence", "cue", "speaker"),
    [
        ('Remarked the coach, "We are ready for this."', "Remarked", "coach"),
        ('Added Green Party scientist Anna Berg: "This is good news."', "Added", "Anna Berg"),
    ],
)
def test_a_reporting_verb_opening_the_sentence_before_its_speaker_and_a_quotation(nlp, sentence, cue, speaker):
    body, attributions = found(nlp, sentence)
    assert [(a.cue.text(body), a.speaker.split()[-1], a.kind) for a in attributions] == [
        (cue, speaker.split()[-1], "direct")
    ]


@pytest.mark.parametrize(
    "sentence", ['Said differently, the plan is "a failure".', 'Described as "a disaster", it failed.']
)
def test_an_opening_participle_without_a_speaker_is_no_inverted_cue(nlp, sentence):
    body, attributions = found(nlp, sentence)
    assert [a.cue.text(body) for a in attributions] == []


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("The minister told a news conference that taxes had risen.", [("told", "minister", "taxes had risen")]),
        ("The defendant told the court that he was innocent.", [("told", "defendant", "he was innocent")]),
        ("The mayor told a story that nobody believed.", []),  # a relative clause on what was told
    ],
)
def test_a_that_clause_read_as_a_relative_clause_on_the_one_told_is_what_was_said(nlp, sentence, expected):
    body, attributions = found(nlp, sentence)
    assert described(body, attributions) == expected


@pytest.mark.parametrize(
    ("sentence", "cue", "kind"),
    [
        ('The minister spoke of "a new era" in relations.', "spoke", "mixed"),
        ('The minister referred to the attack as "a barbaric act".', "referred", "mixed"),
    ],
)
def test_a_speech_only_verb_with_a_quoted_phrase_in_its_complement(nlp, sentence, cue, kind):
    """K17: the quoted words are the speaker's, which is the sign of speech the speech-only verbs need."""
    body, attributions = found(nlp, sentence)
    assert [(a.cue.text(body), a.speaker, a.kind) for a in attributions] == [(cue, "minister", kind)]


@pytest.mark.parametrize(
    "sentence",
    [
        'The minister spoke to "The Times" on Monday.',  # a title
        'The minister spoke about the "crisis" in the region.',  # one word: maybe the reporter's scare quote
    ],
)
def test_a_title_or_one_quoted_word_is_no_sign_of_speech(nlp, sentence):
    body, attributions = found(nlp, sentence)
    assert [a.cue.text(body) for a in attributions] == []


def test_a_text_that_reads_in_part_before_its_quotation(nlp):
    body, attributions = found(nlp, 'The statement read in part: "We regret the error."')
    assert [(a.cue.text(body), a.rule, a.kind) for a in attributions] == [("read", "read", "direct")]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        (
            "The mayor referred to the plan as a disaster.",
            [("referred", "mayor", "to the plan as a disaster")],
        ),
        (
            "The minister attacked what the mayor described as a temporary measure.",
            [("described", "mayor", "as a temporary measure")],
        ),
    ],
)
def test_what_an_as_phrase_says_a_thing_is_is_credited(nlp, sentence, expected):
    """Thirteenth round: a prepositional verb's small clause, and one whose object is a relative "what"."""
    body, attributions = found(nlp, sentence)
    assert described(body, attributions) == expected


@pytest.mark.parametrize(
    "sentence",
    [
        "The clerk referred to the database as National Records System.",
        "These philosophers thought about atoms as philosophical concepts.",
        "The mayor referred to the report.",
    ],
)
def test_a_name_given_or_another_preposition_is_no_small_clause(nlp, sentence):
    _body, attributions = found(nlp, sentence)
    assert attributions == []


@pytest.mark.parametrize(
    ("sentence", "speaker", "content"),
    [
        (
            'The event description read, "We will all meet at the gate."',
            "event description",
            "We will all meet at the gate.",
        ),
        ('The opinion of the court read in part, "The oath was void."', "opinion of the court", "The oath was void."),
        (
            'The company released a statement which read, in part, "This ruling raises questions."',
            "company",
            "This ruling raises questions.",
        ),
    ],
)
def test_a_text_reads_with_a_comma_a_noun_of_two_senses_or_in_a_relative_clause(nlp, sentence, speaker, content):
    """Thirteenth round: "read" before a comma and "in part" set off by commas; a noun WordNet files in both
    noun.communication and noun.cognition ("description", "opinion"); "which read" speaks for the text's issuer."""
    body, attributions = found(nlp, sentence)
    assert [(a.rule, a.speaker, a.content.text(body), a.kind) for a in attributions] == [
        ("read", speaker, content, "direct")
    ]
