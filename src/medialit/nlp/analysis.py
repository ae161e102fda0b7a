"""``analyze(article)``: ``nlp(body)`` through the analyzer pipeline, then its results read off the Doc.

The steps are spaCy components (``medialit.nlp.components``): attributions,
sources, framing cues and sentence labels, in that order. This module only runs
the pipeline and gathers what its stages wrote into an ``Analysis`` (``medialit.nlp.result``); the result is
the gold format plus ``framing``, ``sources`` and ``model`` (so a gold file is a
valid answer key and an analysis can be scored like a student's answer).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from medialit.core.article import Article
from medialit.nlp.result import Analysis

if TYPE_CHECKING:  # spaCy loads only when something is parsed (see analyze)
    from spacy.language import Language
    from spacy.tokens import Doc


def analyze(article: Article, nlp: Language | None = None) -> Analysis:
    """Run the analyzer pipeline on ``article.body`` and read its results off the Doc.

    Without ``nlp``, an article the kit ships gets its analysis computed at build
    time (``medialit.nlp.shipped_analysis``), so the kernel never loads spaCy for it.
    A given ``nlp`` gets the analysis stages it lacks (``pipeline.with_analysis``).
    """
    if nlp is None:
        from medialit.nlp.shipped_analysis import shipped

        if (found := shipped(article)) is not None:
            return found
    from medialit.nlp.pipeline import load_pipeline, model_in_use, with_analysis

    nlp = with_analysis(nlp or load_pipeline())
    doc = nlp.make_doc(article.body)
    doc._.medialit_article = article  # the stages read its front matter (the outlet) and paragraphs
    return read_analysis(nlp(doc), model_in_use(nlp))


def read_analysis(doc: Doc, model: str = "") -> Analysis:
    """The Analysis that medialit's components wrote on ``doc`` (see ``medialit.nlp.components``)."""
    from medialit.nlp.components import article_of

    found, sentences = doc._.medialit_attributions, doc._.medialit_sentences
    if found is None or sentences is None:
        raise ValueError(
            "this Doc carries no medialit analysis: parse it with medialit.nlp.pipeline.load_pipeline() "
            "(or a pipeline given medialit's components by pipeline.with_analysis)"
        )
    framing, sources = doc._.medialit_framing, doc._.medialit_sources
    return Analysis(article_of(doc), found.attributions, sentences, framing, sources, model)
