"""The article's sources: each distinct speaker with its kind and every mention (``collect_sources``)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from medialit.core.spans import Attribution, Span


@dataclass(frozen=True)
class Source:
    """One distinct speaker: its kind and every span where the article mentions it."""

    speaker: str
    kind: str
    mentions: tuple[Span, ...]
    reasons: tuple[str, ...] = ()

    def to_dict(self, body: str) -> dict[str, Any]:
        return {
            "speaker": self.speaker,
            "kind": self.kind,
            "mentions": [{"start": m.start, "end": m.end, "text": m.text(body)} for m in self.mentions],
            "reasons": list(self.reasons),
        }


def collect_sources(
    body: str,
    attributions: list[Attribution],
    kinds: dict[str, str],
    silent: list[tuple[str, Span]] = (),
    names: dict[str, list[Span]] | None = None,
) -> list[Source]:
    """Distinct speakers in order of first mention, with their mentions (source spans).

    ``silent`` adds sources that carry no content (contacted, did not comment);
    ``names`` adds the other places where a person source is named.
    """
    order: dict[str, list[Span]] = {}
    rules: dict[str, list[str]] = {}
    mentions = [(a.speaker, a.source, a.rule) for a in attributions]
    mentions += [(speaker, span, "") for speaker, spans in (names or {}).items() for span in spans]
    mentions += [(speaker, span, span.reasons[0] if span.reasons else "") for speaker, span in silent]
    for speaker, source, rule in sorted(mentions, key=lambda m: m[1].start):
        order.setdefault(speaker, [])
        span = Span(source.start, source.end, "source")
        if not any(span.overlap(other) for other in order[speaker]):
            order[speaker].append(span)
        if rule:
            rules.setdefault(speaker, []).append(rule)
    out = []
    for speaker, mentions in order.items():
        kind = kinds.get(speaker, "organisation")
        reasons = tuple(dict.fromkeys(r.split(";")[0] for r in rules.get(speaker, [])))
        out.append(Source(speaker, kind, tuple(sorted(mentions)), reasons))
    return out
