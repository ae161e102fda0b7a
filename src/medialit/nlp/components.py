"""The one place where medialit registers spaCy factories and extensions.

``pyproject.toml`` exposes ``make_attribution`` under ``spacy_factories``, so
``nlp.add_pipe("medialit_attribution")`` works without importing medialit
first. Extensions are registered once, at import, all prefixed ``medialit_``.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

SPANS_KEY = "medialit_attributions"

if not Doc.has_extension("medialit_attributions"):
    Doc.set_extension("medialit_attributions", default=None)


class AttributionComponent:
    """Finds attributions in a parsed doc; writes them to ``doc._.medialit_attributions`` and ``doc.spans``."""

    def __init__(self, nlp: Language, name: str, spans_key: str) -> None:
        self.name = name
        self.spans_key = spans_key

    def __call__(self, doc: Doc) -> Doc:
        from medialit.nlp.attribution import find_attributions

        found = find_attributions(doc)
        doc._.medialit_attributions = found
        spans = []
        for number, attribution in enumerate(found.attributions):
            for part in attribution.spans():
                span = doc.char_span(part.start, part.end, label=part.label.upper(), alignment_mode="expand")
                if span is not None:
                    span.id_ = str(number)
                    spans.append(span)
        doc.spans[self.spans_key] = spans
        return doc


@Language.component("medialit_paragraphs", assigns=["token.is_sent_start"])
def paragraph_boundaries(doc: Doc) -> Doc:
    """A line break ends a sentence: headings, bullets and dash paragraphs are never parsed into the next line."""
    for token in doc[1:]:
        previous = doc[token.i - 1]
        if "\n" in previous.text_with_ws:
            token.is_sent_start = True
    return doc


@Language.factory(
    "medialit_attribution",
    assigns=["doc._.medialit_attributions", "doc.spans"],
    requires=["token.dep", "token.lemma", "token.pos", "doc.ents"],
    default_config={"spans_key": SPANS_KEY},
)
def make_attribution(nlp: Language, name: str, spans_key: str) -> AttributionComponent:
    return AttributionComponent(nlp, name, spans_key=spans_key)
