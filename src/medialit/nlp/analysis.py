"""``analyze(article)``: ``nlp(body)`` through the analyzer pipeline, then its results read off the Doc.

The steps are spaCy components (``medialit.nlp.components``): attributions,
sources, framing cues and sentence labels, in that order. This module only runs
the pipeline and gathers what its stages wrote into an ``Analysis``; the result is
the gold format plus ``framing``, ``sources`` and ``model`` (so a gold file is a
valid answer key and an analysis can be scored like a student's answer).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from medialit.core.article import Article
from medialit.core.spans import Annotations, Attribution, Span
from medialit.nlp.sources import Source

if TYPE_CHECKING:  # spaCy loads only when something is parsed (see analyze)
    from spacy.language import Language
    from spacy.tokens import Doc


@dataclass(frozen=True)
class Analysis:
    """What the analyzer found in one article, every item with the rule or word that produced it."""

    article: Article
    attributions: list[Attribution]
    sentences: list[Span]
    framing: list[Span]
    sources: list[Source]
    model: str

    def annotations(self) -> Annotations:
        body = self.article.body
        extra = {
            "framing": [s.to_dict() | {"text": s.text(body)} for s in self.framing],
            "sources": [s.to_dict(body) for s in self.sources],
            "model": self.model,
        }
        return Annotations(self.article.id, self.article.sha256, tuple(self.attributions), tuple(self.sentences), extra)

    def to_json(self) -> dict[str, Any]:
        """The gold format's keys and fields, plus ``framing``, ``sources``, ``reasons``, ``rule`` and ``model``."""
        return self.annotations().to_json(self.article.body)

    def to_table(self) -> str:
        """A readable summary for the terminal: attributions, sources, sentence labels."""
        body = self.article.body
        lines = [f"{self.article.title or self.article.id}  (model {self.model})", "", "Attributions"]
        lines.append(f"  {'speaker':<28} {'cue':<18} {'kind':<12} content")
        for a in self.attributions:
            lines.append(
                f"  {_clip(a.speaker, 28):<28} {_clip(a.cue.text(body), 18):<18} {a.kind:<12} {_content(a, body)}"
            )
        lines += ["", "Sources"]
        for s in self.sources:
            lines.append(f"  {_clip(s.speaker, 40):<40} {s.kind:<13} {len(s.mentions)} mention(s)")
        counts = {
            label: sum(s.label == label for s in self.sentences) for label in ("attributed", "unsupported", "other")
        }
        lines += ["", "Sentences  " + ", ".join(f"{k} {v}" for k, v in counts.items())]
        for s in self.sentences:
            if s.label != "other":
                why = f"  [{s.reasons[0]}]" if s.reasons else ""
                lines.append(f"  {s.label:<11} {_clip(s.text(body), 70)}{why}")
        if self.framing:
            lines += ["", f"Framing cues  {len(self.framing)}"]
            for f in self.framing:
                lines.append(f"  {f.label:<12} {_clip(f.text(body), 40)}")
        return "\n".join(lines)


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


def _content(attribution: Attribution, body: str) -> str:
    return _clip(attribution.content.text(body), 60) if attribution.content else ""


def _clip(text: str, limit: int) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"
