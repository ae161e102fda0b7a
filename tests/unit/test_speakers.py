"""Speaker resolution (``SpeakerResolver``): who a pronoun, relative pronoun, title or acronym stands for.

Invented sentences only; each test is one rule of the seventh round (issue 14).
"""

from __future__ import annotations

import pytest
from spacy.tokens import Doc

from medialit.core.article import from_text
from medialit.nlp.attribution import find_attributions
from medialit.nlp.sources import collect_sources
from medialit.nlp.sources.speakers import nearer_subject

pytestmark = pytest.mark.model


def speakers(nlp, text: str, headline: str = "Report") -> list[tuple[str, str]]:
    """(source words, speaker) of every attribution in a report whose first line is its headline."""
    article = from_text(f"{headline}\nMonday, May 4, 2015\n{text}\n", title=headline)
    found = find_attributions(nlp(article.body), article)
    return [(a.source.text(article.body), a.speaker) for a in found.attributions]


def test_a_pronoun_never_goes_back_into_the_headline(nlp):
    """No name before the pronoun in the body: it stays a pronoun rather than a headline word."""
    found = speakers(nlp, "She said the bridge would reopen in June.", headline="Harbour Bridge Closure Extended")
    assert found == [("She", "She")]


def test_a_possessive_pronoun_is_the_subject_named_just_before(nlp):
    text = (
        "The inspector Maria Velland spoke to Tomas Brek after the hearing. "
        "Velland visited the mill in March with her claim that the dam was unsafe."
    )
    text += " Her claim that the dam was unsafe was rejected."
    found = dict(speakers(nlp, text))
    assert found.get("Her") == "Maria Velland"


def test_a_surname_the_recogniser_misreads_still_names_the_person(nlp):
    """ "Paris" alone is taken for the city; "Lena Paris" earlier says it is a person."""
    text = (
        "Union leader Lena Paris spoke after the vote. "
        "Mayor Tom Jordan said the mill would be sold. "
        "On Friday, Paris met the board. "
        "She said no jobs would be lost."
    )
    found = speakers(nlp, text)
    assert ("She", "Lena Paris") in found


def test_a_relative_pronoun_is_the_noun_it_describes(nlp):
    text = "The fire started at noon, according to firefighters, who said the alarm failed."
    found = dict(speakers(nlp, text))
    assert found.get("who") == "firefighters"


def test_an_acronym_is_the_name_spelled_out_before_it(nlp):
    text = (
        "The Northern Water Authority (NWA) said the reservoir was full. "
        "Later, the NWA said that the dam had been inspected."
    )
    found = [speaker for _, speaker in speakers(nlp, text)]
    assert found == ["Northern Water Authority", "Northern Water Authority"]


def test_a_place_owning_a_title_names_no_one_the_title_is_its_holder(nlp):
    """ "Kessby's governor" is the governor the article names, not a deputy governor."""
    text = (
        "Regional governor Anton Vale said the road was closed. "
        "Deputy Governor Ivo Brandt said the bridge was safe. "
        "Kessby's governor has promised that the road will reopen."
    )
    found = dict(speakers(nlp, text))
    assert found.get("Kessby's governor") == "Anton Vale"


def test_a_name_described_as_a_person_is_one_whatever_the_recogniser_says(nlp):
    """ "Brannock Vélez, the regional trade commissioner": a person, though the recogniser says organisation."""
    text = (
        "The paper interviewed Brannock Vélez, the regional trade commissioner. "
        "Mayor Tom Jordan said the mill would be sold. "
        "On Friday, Vélez met the board. "
        "He said no jobs would be lost."
    )
    found = speakers(nlp, text)
    assert ("He", "Brannock Vélez") in found


def test_a_pronoun_continues_the_source_of_according_to(nlp):
    text = (
        "Mayor Tom Jordan opened the bridge. Cold weather is common in Kessby. "
        "According to engineer Rosa Lind of the city council, the cold cracked the road. "
        "She also said the repairs would take a month."
    )
    found = speakers(nlp, text)
    assert ("She", "Rosa Lind") in found


def test_a_name_between_commas_after_a_title_is_its_holder(nlp):
    text = "According to the Kessby mayor, Anna Berg, during the weekend, police were searching the river."
    found = dict(speakers(nlp, text))
    assert found.get("the Kessby mayor") == "Anna Berg"


def test_a_title_set_beside_a_name_is_found_again_by_the_title(nlp):
    text = (
        "Anton Vale, the regional water commissioner, visited the dam. "
        "Mayor Tom Jordan said the river was rising. "
        "The commissioner said that the dam was safe."
    )
    found = dict(speakers(nlp, text))
    assert found.get("The commissioner") == "Anton Vale"


def test_of_two_subjects_the_parser_gave_one_verb_the_nearer_speaks(nlp):
    """The parse a long article can give (both subjects on "stated"), built by hand: the nearer one speaks."""
    words = "The partner asked , but the commissioner stated it".split()
    heads = [1, 7, 1, 7, 7, 6, 7, 7, 7]
    deps = ["det", "nsubj", "acl", "punct", "cc", "det", "nsubj", "ROOT", "dobj"]
    doc = Doc(nlp.vocab, words=words, heads=heads, deps=deps)
    partner, commissioner = doc[1], doc[6]
    assert nearer_subject(partner, (0, doc[4].idx + 3)).i == commissioner.i  # source words run over "but"
    assert nearer_subject(partner, (0, doc[1].idx + 7)) is None  # "The partner" alone: the subject of "asked"


def test_the_same_noun_again_is_the_source_it_headed_before(nlp):
    text = (
        "Researchers at Kessby University reported that the coating lasts a year. "
        "The researchers said that it was cheap."
    )
    found = [speaker for _, speaker in speakers(nlp, text)]
    assert found == ["Researchers at Kessby University", "Researchers at Kessby University"]


def test_a_company_beside_a_role_noun_stays_a_company(nlp):
    """ "the operator" is a role a company can have: the name beside it is no person for that."""
    text = "Report\nMonday, May 4, 2015\nKessvind AS, the operator, did not answer questions about the turbines.\n"
    article = from_text(text, title="Report")
    found = find_attributions(nlp(article.body), article)
    kinds = {s.speaker: s.kind for s in collect_sources(article.body, [], found.kinds, found.silent, found.names)}
    assert kinds == {"Kessvind AS": "organisation"}
