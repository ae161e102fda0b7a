"""The analyzer as a spaCy pipeline: every stage a registered component that writes its results on the Doc."""

from __future__ import annotations

import tomllib
from pathlib import Path

import pytest
import spacy

from medialit.core.article import Article, load_article
from medialit.nlp import components
from medialit.nlp.analysis import analyze, read_analysis
from medialit.nlp.components import ANALYSIS_PIPES
from medialit.nlp.pipeline import model_in_use, model_name, with_paragraphs

pytestmark = pytest.mark.model

REPO = Path(__file__).resolve().parents[2]
TEXT = "Bridge\nMayor Tom Vik said that the bridge will close. Critics reportedly fear a historic disaster.\n"


@pytest.fixture(scope="module")
def fresh():
    """The bare model with the paragraph component only, to add stages to by name."""
    return with_paragraphs(spacy.load(model_name()))


def test_the_analyzer_is_the_model_plus_every_stage_in_order(nlp):
    names = nlp.pipe_names
    assert names[-len(ANALYSIS_PIPES) :] == list(ANALYSIS_PIPES)
    assert names.index("medialit_paragraphs") < names.index("parser")


def test_every_stage_finds_what_it_requires_before_it(nlp):
    problems = nlp.analyze_pipes()["problems"]
    assert all(problems[name] == [] for name in ANALYSIS_PIPES), problems


def test_every_factory_is_an_entry_point_so_add_pipe_works_by_name():
    declared = tomllib.loads((REPO / "pyproject.toml").read_text())["project"]["entry-points"]["spacy_factories"]
    assert set(declared) == {"medialit_paragraphs", *ANALYSIS_PIPES}
    for name, target in declared.items():
        module, attribute = target.split(":")
        assert module == components.__name__ and hasattr(components, attribute), name


def test_nlp_writes_span_groups_with_labels(nlp):
    doc = nlp(TEXT)
    assert {s.label_ for s in doc.spans["medialit_attributions"]} == {"SOURCE", "CUE", "CONTENT"}
    assert {(s.text, s.label_) for s in doc.spans["medialit_sources"]} == {("Mayor Tom Vik", "PERSON")}
    assert [s.label_ for s in doc.spans["medialit_sentences"]] == ["OTHER", "ATTRIBUTED", "UNSUPPORTED"]
    assert {"HEDGE", "EVALUATIVE"} <= {s.label_ for s in doc.spans["medialit_framing"]}
    # the exact results, with their reasons, are the extensions the span groups were made from
    assert [s.label for s in doc._.medialit_sentences] == ["other", "attributed", "unsupported"]
    assert all(s.reasons for s in doc._.medialit_sentences)


def test_analyze_is_nlp_plus_reading_the_doc(nlp):
    article = Article(body=TEXT)  # no front matter, as a plain nlp(text) assumes
    assert analyze(article, nlp) == read_analysis(nlp(article.body), model_in_use(nlp))


def test_the_pipeline_gives_what_the_rule_functions_give_one_by_one(nlp):
    """The wiring changes nothing: each stage's result equals its function called on the same parse."""
    from medialit.nlp.attribution import find_attributions
    from medialit.nlp.framing import framing_cues
    from medialit.nlp.sentence_labels import label_sentences
    from medialit.nlp.sources import collect_sources

    article = load_article("stoere-putin-call")
    analysis = analyze(article, nlp)
    doc = nlp(article.body)
    found = find_attributions(doc, article)
    framing = framing_cues(doc)
    assert analysis.attributions == found.attributions
    assert analysis.framing == framing
    assert analysis.sentences == label_sentences(doc, article, found, framing)
    assert analysis.sources == collect_sources(article.body, found.attributions, found.kinds, found.silent, found.names)


def test_the_stages_read_the_articles_front_matter(nlp):
    """An interview's outlet asks the questions: its turns credit nobody, which only the front matter can tell."""
    body = (
        "Interview\nNews Weekly: Tell us about the plans for the bridge in the city.\n"
        "Anna Berg: The bridge will close for two years while it is rebuilt.\n"
        "News Weekly: And the ferry will run more often during that time.\n"
        "Anna Berg: Yes, the ferry will run every hour from May until the end.\n"
    )
    plain = analyze(Article(body=body), nlp)
    interview = analyze(Article(body=body, meta={"outlet": "News Weekly"}), nlp)
    assert "News Weekly" in {a.speaker for a in plain.attributions}
    assert {a.speaker for a in interview.attributions} == {"Anna Berg"}


def test_sentence_stage_without_the_model_uses_the_rules_only():
    from medialit.nlp.attribution import find_attributions
    from medialit.nlp.framing import framing_cues
    from medialit.nlp.sentence_labels import label_sentences

    nlp = with_paragraphs(spacy.load(model_name()))
    for name in ANALYSIS_PIPES[:-1]:
        nlp.add_pipe(name)
    nlp.add_pipe("medialit_sentences", config={"use_model": False})
    article = load_article("stoere-putin-call")
    doc = nlp(article.body)
    rules = label_sentences(doc, article, find_attributions(doc, article), framing_cues(doc), judge=None)
    assert doc._.medialit_sentences == rules


def test_a_stage_before_the_one_it_needs_says_so():
    lonely = spacy.load(model_name())
    lonely.add_pipe("medialit_sentences")
    with pytest.raises(ValueError, match=r"medialit_sentences needs doc\._\.medialit_attributions"):
        lonely(TEXT)


def test_a_doc_without_the_stages_cannot_be_read_as_an_analysis(fresh):
    with pytest.raises(ValueError, match="carries no medialit analysis"):
        read_analysis(fresh(TEXT))


def test_lemmas_for_grading_skip_the_analysis_stages():
    from medialit.exercises.word_forms import lemma, parser

    assert lemma("Raided skirmishes") == "raid skirmish"
    doc = parser()("raided skirmishes")
    assert doc._.medialit_attributions is None and doc._.medialit_sentences is None
