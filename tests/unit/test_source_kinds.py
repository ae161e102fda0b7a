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
