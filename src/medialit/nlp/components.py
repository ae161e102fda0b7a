"""The one place where medialit registers spaCy factories and extensions.

The analyzer is a spaCy pipeline: the model's own components, then these, in
the order the analysis needs them (``ANALYSIS_PIPES``)::

    medialit_paragraphs    before the parser: a line break ends a sentence
    medialit_attribution   who is credited with what        (attribution.py)
    medialit_sources       each speaker and their mentions  (sources/)
    medialit_framing       framing cues                      (framing.py)
    medialit_sentences     one label per sentence            (sentence_labels/, claims/)

Each stage writes its results on the Doc twice: ``doc.spans[spans_key]`` holds
token-aligned spans with upper-case labels (``span.id_`` ties the parts of one
attribution or the mentions of one source together), for any spaCy tool such as
displaCy; ``doc._.medialit_<stage>`` holds the exact character-offset results with
their rules and reasons, which a span group cannot carry (offsets inside a
token, one reason list per span, speakers and kinds). ``analysis.analyze`` reads
the extensions. The rules read ``doc._.medialit_article`` (front matter such as
the outlet; a plain ``nlp(text)`` gets ``Article(body=text)``).

``pyproject.toml`` exposes every factory under ``spacy_factories``, so
``nlp.add_pipe("medialit_attribution")`` works without importing medialit
first. Extensions are registered once, at import, all prefixed ``medialit_``.
"""

from __future__ import annotations

from collections.abc import Iterable

from spacy.language import Language
from spacy.tokens import Doc

from medialit.core.article import Article, glued_datelines
from medialit.core.spans import Span

SPANS_KEY = "medialit_attributions"
ANALYSIS_PIPES = ("medialit_attribution", "medialit_sources", "medialit_framing", "medialit_sentences")
"""The analysis stages, in pipeline order (after the model's own components)."""
EXTENSIONS = (
    "medialit_article",
    "medialit_attributions",
    "medialit_sources",
    "medialit_framing",
    "medialit_sentences",
)

for _name in EXTENSIONS:
    if not Doc.has_extension(_name):
        Doc.set_extension(_name, default=None)


def article_of(doc: Doc) -> Article:
    """The Article ``doc`` was made from (``analyze`` sets it); a bare text becomes one, kept for the next stage."""
    article = doc._.medialit_article
    if article is None:
        article = Article(body=doc.text)
        doc._.medialit_article = article
    return article


def _span_group(doc: Doc, key: str, parts: Iterable[tuple[Span, str]]) -> None:
    """``doc.spans[key]``: each (medialit span, id) as a token-aligned spaCy span with its label in upper case."""
    spans = []
    for part, ident in parts:
        span = doc.char_span(part.start, part.end, label=part.label.upper(), alignment_mode="expand")
        if span is not None:
            span.id_ = ident
            spans.append(span)
    doc.spans[key] = spans


def _needs(doc: Doc, extension: str, stage: str) -> object:
    value = doc._.get(extension)
    if value is None:
        raise ValueError(f"{stage} needs doc._.{extension}: add the medialit components in the order of ANALYSIS_PIPES")
    return value


# ---------------------------------------------------------------- stages


class AttributionComponent:
    """Finds attributions in a parsed doc; writes them to ``doc._.medialit_attributions`` and ``doc.spans``."""

    def __init__(self, nlp: Language, name: str, spans_key: str) -> None:
        self.name = name
        self.spans_key = spans_key

    def __call__(self, doc: Doc) -> Doc:
        from medialit.nlp.attribution import find_attributions

        found = find_attributions(doc, article_of(doc))
        doc._.medialit_attributions = found
        parts = ((part, str(n)) for n, attribution in enumerate(found.attributions) for part in attribution.spans())
        _span_group(doc, self.spans_key, parts)
        return doc


class SourcesComponent:
    """Distinct speakers with their mentions; ``doc._.medialit_sources`` and a span group labelled by kind."""

    def __init__(self, nlp: Language, name: str, spans_key: str) -> None:
        self.name = name
        self.spans_key = spans_key

    def __call__(self, doc: Doc) -> Doc:
        from medialit.nlp.sources import collect_sources

        found = _needs(doc, "medialit_attributions", self.name)
        sources = collect_sources(doc.text, found.attributions, found.kinds, found.silent, found.names)
        doc._.medialit_sources = sources
        parts = ((Span(m.start, m.end, s.kind), str(n)) for n, s in enumerate(sources) for m in s.mentions)
        _span_group(doc, self.spans_key, parts)
        return doc


class FramingComponent:
    """Framing cues (loaded, evaluative, hedge ...); ``doc._.medialit_framing`` and a span group."""

    def __init__(self, nlp: Language, name: str, spans_key: str) -> None:
        self.name = name
        self.spans_key = spans_key

    def __call__(self, doc: Doc) -> Doc:
        from medialit.nlp.framing import framing_cues

        cues = framing_cues(doc)
        doc._.medialit_framing = cues
        _span_group(doc, self.spans_key, ((cue, str(n)) for n, cue in enumerate(cues)))
        return doc


class SentencesComponent:
    """One label per sentence (attributed, unsupported, other) with its reasons; reads attributions and framing."""

    def __init__(self, nlp: Language, name: str, spans_key: str, use_model: bool) -> None:
        self.name = name
        self.spans_key = spans_key
        self.use_model = use_model

    def __call__(self, doc: Doc) -> Doc:
        from medialit.nlp.sentence_labels import label_sentences

        found = _needs(doc, "medialit_attributions", self.name)
        framing = _needs(doc, "medialit_framing", self.name)
        extra = {} if self.use_model else {"judge": None}  # default: the shipped judge, if one ships
        sentences = label_sentences(doc, article_of(doc), found, framing, **extra)
        doc._.medialit_sentences = sentences
        _span_group(doc, self.spans_key, ((s, str(n)) for n, s in enumerate(sentences)))
        return doc


# ---------------------------------------------------------------- registrations


@Language.component("medialit_paragraphs", assigns=["token.is_sent_start"])
def paragraph_boundaries(doc: Doc) -> Doc:
    """A line break ends a sentence: headings, bullets and dash paragraphs are never parsed into the next line.
    So does a dateline that runs on into the lede (``medialit.core.article.body_lines``)."""
    ledes = set(glued_datelines(doc.text))
    for token in doc[1:]:
        previous = doc[token.i - 1]
        if "\n" in previous.text_with_ws or token.idx in ledes:
            token.is_sent_start = True
    return doc


_PARSED = ["token.dep", "token.lemma", "token.tag"]
"""What the rules read from the model (POS too: en_core_web_sm's attribute_ruler maps it from the tag undeclared)."""


@Language.factory(
    "medialit_attribution",
    assigns=["doc._.medialit_attributions", "doc.spans"],
    requires=[*_PARSED, "doc.ents"],
    default_config={"spans_key": SPANS_KEY},
)
def make_attribution(nlp: Language, name: str, spans_key: str) -> AttributionComponent:
    return AttributionComponent(nlp, name, spans_key=spans_key)


@Language.factory(
    "medialit_sources",
    assigns=["doc._.medialit_sources", "doc.spans"],
    requires=["doc._.medialit_attributions"],
    default_config={"spans_key": "medialit_sources"},
)
def make_sources(nlp: Language, name: str, spans_key: str) -> SourcesComponent:
    return SourcesComponent(nlp, name, spans_key=spans_key)


@Language.factory(
    "medialit_framing",
    assigns=["doc._.medialit_framing", "doc.spans"],
    requires=_PARSED,
    default_config={"spans_key": "medialit_framing"},
)
def make_framing(nlp: Language, name: str, spans_key: str) -> FramingComponent:
    return FramingComponent(nlp, name, spans_key=spans_key)


@Language.factory(
    "medialit_sentences",
    assigns=["doc._.medialit_sentences", "doc.spans"],
    requires=[*_PARSED, "doc._.medialit_attributions", "doc._.medialit_framing"],
    default_config={"spans_key": "medialit_sentences", "use_model": True},
)
def make_sentences(nlp: Language, name: str, spans_key: str, use_model: bool) -> SentencesComponent:
    return SentencesComponent(nlp, name, spans_key=spans_key, use_model=use_model)
