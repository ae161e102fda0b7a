"""Each attribution's own source kind (``Attribution.source_kind``): decided once, from that mention.

Invented sentences only. K2 and K18 decide the kind, K7 whether an unnamed
source's claim can be weighed; sentence labels read the kind and never check
again.
"""

from __future__ import annotations

import pytest

from medialit.core.article import from_text
from medialit.core.spans import Attribution, Span
from medialit.nlp.attribution import find_attributions
from medialit.nlp.sentence_labels import label_sentences

pytestmark = pytest.mark.model


def kinds(nlp, text: str) -> list[tuple[str, str, str]]:
    """(source words, speaker, source kind) of every attribution in a one-paragraph report."""
    article = from_text(f"Report\nMonday, May 4, 2015\n{text}\n", title="Test")
    found = find_attributions(nlp(article.body), article)
    return [(a.source.text(article.body), a.speaker, a.source_kind) for a in found.attributions]


def test_two_unnamed_officers_of_one_name_get_a_kind_each(nlp):
    """K7 per mention: the officer who says why he is unnamed counts as a person, the other stays anonymous."""
    text = (
        "A fire officer, who was not authorised to speak publicly, said that the doors were locked. "
        "A fire officer said that the alarm never sounded."
    )
    found = [(speaker, kind) for _, speaker, kind in kinds(nlp, text)]
    assert found == [("fire officer", "person"), ("fire officer", "anonymous")]
    article = from_text(f"Report\nMonday, May 4, 2015\n{text}\n", title="Test")
    doc = nlp(article.body)
    labels = [s.label for s in label_sentences(doc, article, find_attributions(doc, article), judge=None)]
    assert labels[-2:] == ["attributed", "unsupported"]


def test_the_reason_given_is_kept_on_the_rule(nlp):
    article = from_text("Report\nA senior aide, speaking on condition of anonymity, said that talks failed.\n")
    (found,) = find_attributions(nlp(article.body), article).attributions
    assert found.source_kind == "person" and "anonymous, the reason given (K7)" in found.rule


@pytest.mark.parametrize(
    ("sentence", "speaker"),
    [
        ("A report by Brightwater Consulting says that the dam leaked.", "Brightwater Consulting"),
        ("Judge Hale's statement says that the law is void.", "Hale"),
        ("A statement from the harbour board said that ferries will stop.", "harbour board"),
    ],
)
def test_a_document_with_its_issuer_named_is_a_document_its_speaker_the_issuer(nlp, sentence, speaker):
    """K18: "Cornyn's statement" and "a report by UpGuard" are documents; "Cornyn" and "UpGuard" are the speakers."""
    ((_, found_speaker, kind),) = kinds(nlp, sentence)
    assert speaker in found_speaker and kind == "document"


def test_a_post_by_an_unknown_author_is_no_document_anyone_can_check(nlp):
    """K7: "a post on a local forum" gives no reason: its claim stays unchecked."""
    ((_, _, kind),) = kinds(nlp, "A posting by an unknown author claimed that the vote was arranged.")
    assert kind in ("vague", "anonymous")


@pytest.mark.parametrize(
    ("sentence", "speaker"),
    [
        ("AFP reported that the border was closed.", "AFP"),
        ("According to The Guardian, the border was closed.", "Guardian"),
        ("Reuters said that the border was closed.", "Reuters"),
        ("Zorvik Tidende, a daily newspaper, reported that the border was closed.", "Zorvik Tidende"),
        ("The daily Quillpost reported that the border was closed.", "Quillpost"),
    ],
)
def test_news_outlets_known_by_name_or_described_are_documents(nlp, sentence, speaker):
    """K18: a media outlet reported as a source is a document: a wire name, or a name an outlet noun describes."""
    ((_, found_speaker, kind),) = kinds(nlp, sentence)
    assert speaker in found_speaker and kind == "document"


def test_a_later_mention_by_name_is_the_outlet_it_names(nlp):
    """K18: a phrase that refers back takes the type of the source it stands for."""
    found = kinds(nlp, "The daily Quillpost reported that the mill closed. Quillpost also said that wages fell.")
    assert [kind for _, _, kind in found] == ["document", "document"]


def test_a_person_with_a_press_word_in_the_name_is_no_outlet(nlp):
    ((_, speaker, kind),) = kinds(nlp, "Senator Amy Post said that the border was closed.")
    assert speaker == "Amy Post" and kind == "person"


def test_source_kind_is_written_and_read_with_the_attribution():
    body = "AFP said it."
    made = Attribution("AFP", Span(0, 3, "source"), Span(4, 8, "cue"), Span(9, 11, "content"), "indirect", "verb:say")
    made = Attribution(made.speaker, made.source, made.cue, made.content, made.kind, made.rule, "document")
    data = made.to_dict(body)
    assert data["source_kind"] == "document"
    assert Attribution.from_dict(data).source_kind == "document"
    gold = {k: v for k, v in data.items() if k != "source_kind"}  # gold files record no kind
    assert "source_kind" not in Attribution.from_dict(gold).to_dict(body)


@pytest.mark.parametrize(
    "sentence",
    [
        "The motion claims that the fence is unlawful.",
        "The filing argues that the fence is unlawful.",
        "According to the ruling, the fence is unlawful.",
    ],
)
def test_a_text_or_record_named_by_a_communication_noun_is_a_document(nlp, sentence):
    """K18: a court filing or ruling, a statement, a record is a document (K18's list, WordNet noun.communication)."""
    ((_, _, kind),) = kinds(nlp, sentence)
    assert kind == "document"


@pytest.mark.parametrize(
    ("sentence", "kind"),
    [
        ("Unnamed industry experts said that the price was too high.", "anonymous"),
        ("The daily Quillpost said its source claimed that the tenant had left.", "anonymous"),
        ("Industry experts said that the price was too high.", "vague"),
    ],
)
def test_a_source_whose_name_is_withheld_is_anonymous_an_open_group_vague(nlp, sentence, kind):
    """K2: "unnamed experts" and an outlet's own source are particular sources withheld; "experts" is no one in
    particular. Both leave the claim unchecked (K7)."""
    assert kinds(nlp, sentence)[-1][2] == kind


# Seventh round: vague or named, by the story (K2, K18).


def kind_of(nlp, text: str, source: str) -> str:
    """The source kind of the attribution whose source words are ``source``."""
    found = {words: kind for words, _, kind in kinds(nlp, text)}
    assert source in found, found
    return found[source]


def test_a_surname_after_the_full_name_is_that_person(nlp):
    """K2: "Palmares" after "Mayor Ernesto Palmares" is the person, whatever the tagger made of it."""
    text = "Mayor Ernesto Palmares visited the site on Monday. Palmares further claimed forty homes were lost."
    assert kind_of(nlp, text, "Palmares") == "person"


@pytest.mark.parametrize(
    ("text", "source", "kind"),
    [
        (
            "The Harbour Safety Board opened an inquiry on Monday. The ferry was overloaded, investigators said.",
            "investigators",
            "organisation",
        ),
        (
            "The Lakeside Running Club announced the race. According to organizers, the race starts at noon.",
            "organizers",
            "organisation",
        ),
        ("The ferry was overloaded, investigators said.", "investigators", "vague"),
        (
            "The Harbour Safety Board opened an inquiry on Monday. The ferry was overloaded, officials said.",
            "officials",
            "vague",
        ),
    ],
)
def test_the_cases_own_investigators_are_the_body_the_story_named(nlp, text, source, kind):
    """K18: people running the case ("police" or "prosecutors" acting in it) once the story names an organisation;
    "officials", and investigators of a story that names no organisation, stay an open group."""
    assert kind_of(nlp, text, source) == kind


def test_scientists_beside_a_particular_study_are_its_authors(nlp):
    text = "In a study published by the Kestrel Institute on Monday, scientists report that the lake is warming."
    ((_, _, kind),) = kinds(nlp, text)
    assert kind == "organisation"
    article = from_text(f"Report\nMonday, May 4, 2015\n{text}\n", title="Test")
    doc = nlp(article.body)
    labels = [s.label for s in label_sentences(doc, article, find_attributions(doc, article), judge=None)]
    assert labels[-1] == "attributed"
    (found,) = find_attributions(doc, article).attributions
    assert "the authors of the study named beside them (K18)" in found.rule


@pytest.mark.parametrize(
    "text",
    [
        "Scientists say that the lake is warming.",
        "Some scientists report that the lake is warming.",
        "Scientists say that a study by the Kestrel Institute was wrong.",
    ],
)
def test_scientists_beside_no_study_of_theirs_stay_vague(nlp, text):
    ((_, _, kind),) = kinds(nlp, text)
    assert kind == "vague"


def test_a_later_mention_beside_no_study_stays_vague(nlp):
    """The authors' kind holds for the sentence that names the study; "scientists say" later is scientists at large."""
    text = (
        "In a study published by the Kestrel Institute on Monday, scientists report that the lake is warming. "
        "If this is right, scientists say, the fish will move north."
    )
    assert [kind for _, _, kind in kinds(nlp, text)] == ["organisation", "vague"]


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("A number of senators said that the bill was rushed.", "vague"),
        ("A handful of residents said that the road was closed.", "vague"),
        ("The committee of senators said that the bill was rushed.", "organisation"),
    ],
)
def test_a_count_of_people_is_an_open_group(nlp, text, kind):
    """K18: a quantifier ("a number of senators") points at nobody in particular; a body of them is named."""
    ((_, _, found),) = kinds(nlp, text)
    assert found == kind


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("The hotel industry said that prices rose.", "vague"),
        ("The international community said that the vote was unfair.", "vague"),
        ("The Harbour Board said that prices rose.", "organisation"),
        ("According to local news, the bridge was closed.", "vague"),
        ("The media reported that the bridge was closed.", "vague"),
        ("The press reported that the bridge was closed.", "vague"),
    ],
)
def test_a_collective_is_no_particular_body(nlp, text, kind):
    """K18: "the hotel industry", "the media", "local news" are open collectives (vague); a named board is an
    organisation."""
    ((_, _, found),) = kinds(nlp, text)
    assert found == kind


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("According to Syrian state media, the army entered the town.", "document"),
        ("State media reported that the army entered the town.", "vague"),
        ("State media in Syria reported that the army entered the town.", "vague"),
        ("Local media reported that the army entered the town.", "vague"),
    ],
)
def test_a_named_states_own_media_are_an_outlet(nlp, text, kind):
    """K18: a media outlet reported as a source is a document; "local media" is an open collective. "State media"
    of no state named is the story's state's outlet (a document in the gold, keyread20), but the rule does not read
    the story to find the state, nor a state named after the noun ("in Syria"): this pins that known miss, not a
    reading of K18."""
    ((_, _, found),) = kinds(nlp, text)
    assert found == kind


def test_it_continues_the_organisation_named_as_the_subject_before(nlp):
    """ "It" after "The Roads Ministry called on drivers ..." is the ministry, not the vague officials credited last."""
    text = (
        "Officials said that most of the injured were children. "
        "The Roads Ministry has, in a statement, called on drivers to slow down. "
        "It also urged people to obey the rules of the road."
    )
    found = kinds(nlp, text)
    assert found[-1][0] == "It" and found[-1][1] == "Roads Ministry" and found[-1][2] == "organisation"


def parsed(nlp, words: list[str], tags: list[str], heads: list[int], deps: list[str]):
    """A hand-built parse: the tagger's mistake the rule is for, which it does not make on every short sentence."""
    from spacy.tokens import Doc

    pos = [
        "PROPN" if t.startswith("NNP") else "NOUN" if t.startswith("NN") else "VERB" if t.startswith("VB") else "ADP"
        for t in tags
    ]
    lemmas = [w.lower().removesuffix("s") if t == "NNS" else w.lower() for w, t in zip(words, tags, strict=True)]
    return Doc(nlp.vocab, words=words, tags=tags, pos=pos, heads=heads, deps=deps, lemmas=lemmas)


@pytest.mark.parametrize(("name", "tag", "vague"), [("PollTally", "NNS", False), ("pollsters", "NNS", True)])
def test_a_capitalised_word_inside_the_phrase_is_a_name_whatever_its_tag(nlp, name, tag, vague):
    """ "Polling averages measured by RealClearPolitics" names who measured them, even tagged as a plural noun."""
    from medialit.nlp.sources import is_vague

    words = ["Polling", "averages", "measured", "by", name, "showed", "support"]
    doc = parsed(
        nlp,
        words,
        ["NN", "NNS", "VBN", "IN", tag, "VBD", "NN"],
        [1, 5, 1, 2, 3, 5, 5],
        ["compound", "nsubj", "acl", "agent", "pobj", "ROOT", "dobj"],
    )
    assert is_vague(doc[1]) is vague


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("One of the passengers said that the bus was speeding.", "anonymous"),
        ("Another of the Harbour Board's engineers said that the bus was speeding.", "anonymous"),
        ("One of the passengers, Mara Lind, said that the bus was speeding.", "person"),
    ],
)
def test_one_of_a_group_is_one_particular_source(nlp, text, kind):
    """K2: "one of the children" points at one particular person and does not name them (anonymous)."""
    ((_, _, found),) = kinds(nlp, text)
    assert found == kind


@pytest.mark.parametrize(
    ("text", "speaker", "kind"),
    [
        ("The mayor said that the bridge would close.", "mayor", "person"),
        ("The harbour master said that the port would reopen on Friday.", "harbour master", "person"),
        ("The fire chief said that the blaze was under control.", "fire chief", "person"),
        ("The Mayor said that the bridge would close.", "Mayor", "person"),
        ("The town's coroner said that the death was an accident.", "town's coroner", "person"),
        ("The Kestrel Valley chairman said that profits rose.", "Kestrel Valley chairman", "person"),
        ("The council said that the bridge would close.", "council", "organisation"),
        ("The ministry said that the bridge would close.", "ministry", "organisation"),
        (
            "The Directorate General of Civil Aviation said that the plane was safe.",
            "Directorate General of Civil Aviation",
            "organisation",
        ),
    ],
)
def test_a_definite_title_is_one_person(nlp, text, speaker, kind):
    """K2: "a title that picks out one person ("the harbour master")" is named, a person though no name is given;
    a group noun ("the council", WordNet noun.group) stays an organisation."""
    assert kinds(nlp, text) == [(text.split(" said")[0], speaker, kind)]


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("An Interpol spokesperson stated that the suspect had fled.", "organisation"),
        ("A spokesman for Acme Corp said that the plant would close.", "organisation"),
        ("The spokesman said that the plant would close.", "person"),
        ("A spokeswoman said that the plant would close.", "anonymous"),
    ],
)
def test_the_voice_of_a_named_body_stays_the_body(nlp, text, kind):
    """A spokesperson beside the body's name: the body answers for it (named, as the corpus gold credits it);
    one without a body is one person (definite) or an unnamed one (indefinite, K2 anonymous)."""
    ((_, _, found),) = kinds(nlp, text)
    assert found == kind


def test_a_title_holder_takes_no_pronoun_from_a_named_person(nlp):
    """A holder of a title with no name is a person now, but a pronoun the subjects just before it do not settle
    still goes to the person the text names, as before ("She" is Anna Berg, not the harbour master credited
    further back). A holder that is the subject just before the pronoun takes it (twelfth round, measured on
    GUM's coreference): ``test_speakers_round16``."""
    text = (
        "Anna Berg said that the ferry was late. The harbour master said that the port was closed. "
        "The sea was rough. The wind was strong. The rain was cold. She added that nobody was hurt."
    )
    found = kinds(nlp, text)
    assert [(speaker, kind) for _, speaker, kind in found] == [
        ("Anna Berg", "person"),
        ("harbour master", "person"),
        ("Anna Berg", "person"),
    ]


def labels(nlp, text: str) -> list[str]:
    """The sentence labels of a one-paragraph report's body sentences."""
    article = from_text(f"Report\nMonday, May 4, 2015\n{text}\n", title="Test")
    doc = nlp(article.body)
    found = label_sentences(doc, article, find_attributions(doc, article), judge=None)
    return [s.label for s in found if s.start >= article.body.index(text[:20])]


@pytest.mark.parametrize(
    ("text", "speaker", "kind"),
    [
        (  # a capitalised name the tagger reads as a bare plural, described as a database: a document (K18 2)
            "The harbour register lists the ferry as a tanker. Airfleets, a database detailing the aircraft operated "
            "by commercial carriers, states the aircraft uses the A300.",
            "Airfleets",
            "document",
        ),
        (
            "The harbour board's register lists the ferry as a tanker. Shipfinders, a database detailing the ships "
            "operated by ferry lines, states the ferry uses two engines.",
            "Shipfinders",
            "document",
        ),
        (  # the description before the name: the name names the source
            "One of these groups, the Harbour Alliance, said that the vote was rigged.",
            "Harbour Alliance",
            "organisation",
        ),
        (  # a description after a name and its organisation, which the parser hung elsewhere (the fallback's noun)
            'Calling it as "just another apology", Tove Lind of "Safe Harbour", a victim support charity, told the '
            'Courier "the statement was prepared in advance".',
            "Tove Lind",
            "person",
        ),
    ],
)
def test_a_name_with_a_description_beside_it_is_named(nlp, text, speaker, kind):
    """K2: a name identifies the source, whatever description a comma sets beside it, before or after the name
    ("Airfleets, a database ...", "One of these groups, the SDF", "Anna Franowska of ..., an abuse victim support
    charity"); its claim is attributed, not flagged as resting on a vague or anonymous source (K7)."""
    found = [(s, k) for _, s, k in kinds(nlp, text) if s == speaker]
    assert found == [(speaker, kind)]
    assert "unsupported" not in labels(nlp, text)


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("Residents, a group of farmers, said that the vote was rigged.", "vague"),
        ("Critics, a loose alliance of anglers, said that the vote was rigged.", "vague"),
        ("Experts said that the vote was rigged.", "vague"),
        ("One of the residents said that the vote was rigged.", "anonymous"),
        ("One of the residents of Brindle Street said that the vote was rigged.", "anonymous"),
    ],
)
def test_a_vague_or_unnamed_source_with_no_name_beside_it_stays_so(nlp, text, kind):
    """K2: an open group stays vague though a description is set beside it, and one member of a group stays
    anonymous; a place's name inside the words ("of Brindle Street") names no source."""
    ((words, _, found),) = kinds(nlp, text)
    assert (words.rstrip(","), found) == (text.split(" said")[0].rstrip(","), kind)
    assert labels(nlp, text) == ["unsupported"]


def test_a_name_inside_an_unnamed_source_with_its_reason_stays_anonymous(nlp):
    """K7: "one of the residents, who asked not to be named" is an anonymous source whose reason is given (the
    mention counts as a person, the reason kept); the street's name inside it names nobody."""
    text = "One of the residents of Brindle Street, who asked not to be named, said that the vote was rigged."
    article = from_text(f"Report\nMonday, May 4, 2015\n{text}\n", title="Test")
    doc = nlp(article.body)
    ((found),) = find_attributions(doc, article).attributions
    assert found.speaker == "One of the residents of Brindle Street"
    assert found.source_kind == "person" and "anonymous, the reason given (K7)" in found.rule
    assert labels(nlp, text) == ["attributed"]
