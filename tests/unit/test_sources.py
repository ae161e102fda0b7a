"""Sources: distinct speakers, their kinds and mentions."""

from __future__ import annotations

import pytest

from medialit.core.article import from_text
from medialit.nlp.attribution import find_attributions
from medialit.nlp.sources import collect_sources

pytestmark = pytest.mark.model


def sources(nlp, text: str):
    article = from_text(text, title="Test")
    found = find_attributions(nlp(article.body), article)
    return article.body, {
        s.speaker: s for s in collect_sources(article.body, found.attributions, found.kinds, found.silent, found.names)
    }


def test_one_source_per_person_with_every_mention(nlp):
    text = (
        "Report\nForeign Minister Eva Dahl said that the talks will resume.\n"
        "Dahl added that nothing was agreed.\nShe stressed that Norway stays neutral.\n"
    )
    body, found = sources(nlp, text)
    assert list(found) == ["Eva Dahl"]
    source = found["Eva Dahl"]
    assert source.kind == "person"
    assert [m.text(body) for m in source.mentions] == ["Foreign Minister Eva Dahl", "Dahl", "She"]
    assert source.reasons == ("verb:say", "verb:add", "verb:stress")


@pytest.mark.parametrize(
    ("text", "speaker", "kind"),
    [
        ("Report\nOfficials said that the road will close.\n", "Officials", "vague"),
        ("Report\nSome critics claim that the plan failed.\n", "Some critics", "vague"),
        ("Report\nThe World Health Organization said that cases fell.\n", "World Health Organization", "organisation"),
        ("Report\nA new study shows that cases fell in May.\n", "new study", "document"),
        ("Report\nHe said that cases fell.\n", "He", "pronoun"),
    ],
)
def test_source_kinds(nlp, text, speaker, kind):
    _, found = sources(nlp, text)
    assert found[speaker].kind == kind


def test_vague_source_keeps_its_words_as_speaker(nlp):
    _, found = sources(nlp, "Report\nNorway's allies and partners have given signals that they are worried.\n")
    assert found["Norway's allies and partners"].kind == "vague"


def test_to_dict_lists_mentions_with_text(nlp):
    body, found = sources(nlp, "Report\nMaria Lopez said that the bridge is closed.\n")
    data = found["Maria Lopez"].to_dict(body)
    assert data["kind"] == "person"
    assert data["mentions"] == [{"start": 7, "end": 18, "text": "Maria Lopez"}]


def test_person_mentions_include_names_outside_attributions(nlp):
    text = "Report\nEva Dahl arrived in Oslo on Monday.\nDahl said that the talks will resume.\n"
    body, found = sources(nlp, text)
    assert [m.text(body) for m in found["Eva Dahl"].mentions] == ["Eva Dahl", "Dahl"]


@pytest.mark.parametrize(
    ("sentence", "speaker"),
    [
        ("Sources close to the council say that the vote was changed.", "Sources close to the council"),
        (
            "Posts on the message board of Operation Clambake claimed that the site was down.",
            "Posts on the message board of Operation Clambake",
        ),
    ],
)
def test_vague_sources_keep_their_qualifiers(nlp, sentence, speaker):
    _, found = sources(nlp, f"Report\n{sentence}\n")
    assert found[speaker].kind == "vague"


def test_title_with_a_name_in_apposition_is_the_person(nlp):
    text = 'Report\nMalaysia\'s Prime Minister, Najib Razak said, "We are in contact with everyone."\n'
    _, found = sources(nlp, text)
    assert found["Najib Razak"].kind == "person"


def test_a_named_newspaper_is_not_a_vague_post(nlp):
    _, found = sources(nlp, "Report\nThe Washington Post reported that the talks failed.\n")
    assert found["Washington Post"].kind == "document"  # a news outlet (K18)


def test_hyphenated_given_name_stays_whole(nlp):
    text = "Report\nDefence Minister Kim Tae-young said the army was ready.\nThe minister added that no troops moved.\n"
    _body, found = sources(nlp, text)
    assert list(found) == ["Kim Tae-young"]
    assert len(found["Kim Tae-young"].mentions) == 2


def test_pronoun_subject_continues_the_nearest_named_subject(nlp):
    """Not the last person credited: "she" continues the subject of the sentence before it."""
    text = (
        "Report\nTom Hale told reporters that the talks went well.\n"
        "Later that year Anna Berg became the leader of the party. She claimed that she only acted for Hale.\n"
    )
    _, found = sources(nlp, text)
    assert "Anna Berg" in found and found["Anna Berg"].reasons == ("verb:claim",)


@pytest.mark.parametrize(
    ("sentence", "speaker", "kind"),
    [
        ("The newspaper Le Monde reported that the minister would resign.", "Le Monde", "document"),
        ("An article in The Lancet claims that the drug is unsafe.", "article in The Lancet", "document"),
    ],
)
def test_outlets_and_documents_are_named_by_their_name(nlp, sentence, speaker, kind):
    _, found = sources(nlp, f"Report\nMonday, May 4, 2015\n{sentence}\n")
    assert found[speaker].kind == kind


def test_they_is_the_group_before_it_not_the_last_person(nlp):
    text = (
        "Report\nAnna Berg said that the rebels were ready.\n"
        "The rebels reject the offer. They think that it is a trap.\n"
    )
    _, found = sources(nlp, text)
    assert "rebels" in found and found["rebels"].reasons == ("verb:think",)


@pytest.mark.parametrize(
    ("sentence", "speaker", "kind"),
    [
        ("According to Northland News, the bridge will close in June.", "Northland News", "document"),
        ("The Kestrel Valley Herald reported that the mayor will resign.", "Kestrel Valley Herald", "document"),
        ("Station KRVX-TV reported that the river had burst its banks.", "Station KRVX-TV", "document"),
        ("The satirical magazine Quillpoint claimed that the vote was rigged.", "Quillpoint", "document"),
        ("The state press agency BTR reported that two ministers resigned.", "BTR", "document"),
        # not outlets: an organisation, a person whose surname is a nameplate word, a press officer
        ("The Kestrel Valley Council said that the bridge will close.", "Kestrel Valley Council", "organisation"),
        ("Senator Amy Post said that the bill will pass.", "Amy Post", "person"),
        ("Police press officer Anna Berg said that two men were arrested.", "Anna Berg", "person"),
    ],
)
def test_news_outlets_are_documents(nlp, sentence, speaker, kind):
    _, found = sources(nlp, f"Report\nMonday, May 4, 2015\n{sentence}\n")
    assert found[speaker].kind == kind, {k: v.kind for k, v in found.items()}


@pytest.mark.parametrize(
    ("sentence", "speaker", "kind"),
    [
        ("A fire officer said that the stairs were blocked.", "fire officer", "anonymous"),
        ("One caller claimed that the vote had been arranged.", "One caller", "anonymous"),
        ("Another resident said that the water was brown.", "Another resident", "anonymous"),
        # an open group, a quantity of people, a document; with K7's reason still anonymous (K2), see test_source_kinds
        ("Residents said that the water was brown.", "Residents", "vague"),
        ("A large number of residents believe that the plan failed.", "large number of residents", "vague"),
        ("A leaked memo claims that the water was brown.", "leaked memo", "document"),
        (
            "A senior official, who was not authorised to speak publicly, said that talks failed.",
            "senior official",
            "anonymous",
        ),
    ],
)
def test_one_unnamed_source_is_anonymous_an_open_group_vague(nlp, sentence, speaker, kind):
    """K2: one particular source the text does not name is anonymous; "officials" or "residents" are vague."""
    _, found = sources(nlp, f"Report\nMonday, May 4, 2015\n{sentence}\n")
    assert found[speaker].kind == kind, {k: v.kind for k, v in found.items()}


def test_the_anonymous_source_named_again_is_the_same_source(nlp):
    text = "Report\nOne poster wrote that the site was down. The poster added that the attack went on.\n"
    body, found = sources(nlp, text)
    assert found["One poster"].kind == "anonymous" and "poster" not in found
    assert [m.text(body) for m in found["One poster"].mentions] == ["One poster", "The poster"]
