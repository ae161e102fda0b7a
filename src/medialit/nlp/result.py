"""``Analysis``, what the analyzer found in one article: its own module, apart from the code that computes it.

``analysis.analyze`` returns one and ``shipped_analysis`` stores and reads one back; both import the type
from here, so neither has to import the other at load time.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from medialit.core.article import Article
from medialit.core.counts import counted
from medialit.core.quoting import clipped
from medialit.core.spans import Annotations, Attribution, Span
from medialit.nlp.sources import Source


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
                f"  {clipped(a.speaker, 28):<28} {clipped(a.cue.text(body), 18):<18} {a.kind:<12} {_content(a, body)}"
            )
        lines += ["", "Sources"]
        for s in self.sources:
            lines.append(f"  {clipped(s.speaker, 40):<40} {s.kind:<13} {counted(len(s.mentions), 'mention')}")
        counts = {
            label: sum(s.label == label for s in self.sentences) for label in ("attributed", "unsupported", "other")
        }
        lines += ["", "Sentences  " + ", ".join(f"{k} {v}" for k, v in counts.items())]
        for s in self.sentences:
            if s.label != "other":
                why = f"  [{s.reasons[0]}]" if s.reasons else ""
                lines.append(f"  {s.label:<11} {clipped(s.text(body), 70)}{why}")
        if self.framing:
            lines += ["", f"Framing cues  {len(self.framing)}"]
            for f in self.framing:
                lines.append(f"  {f.label:<12} {clipped(f.text(body), 40)}")
        return "\n".join(lines)


def _content(attribution: Attribution, body: str) -> str:
    return clipped(attribution.content.text(body), 60) if attribution.content else ""
