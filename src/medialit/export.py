"""Marks out of medialit: gold-format JSON, Prodigy-style JSONL, W3C Web Annotation JSON.

All three carry the same spans (Python code-point offsets into ``Article.body``);
only the wrapping differs, so other tools (Prodigy, Hypothesis-style annotation
servers) can read a class's work.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from datetime import UTC, datetime
from typing import Any

from medialit.article import Article
from medialit.spans import SENTENCE_LABELS, Span

QUOTE_CONTEXT = 32
"""Characters of prefix and suffix in a TextQuoteSelector: enough to place a repeated phrase."""


def to_gold(article: Article, spans: Iterable[Span], sentences: Iterable[Span] = ()) -> dict[str, Any]:
    """The gold format (``Annotations.from_json`` reads it): sentence labels, plus the flat marks under ``spans``.

    Free marks cannot be grouped into attributions without knowing which source
    goes with which cue, so ``attributions`` stays empty and the marks keep their
    own key, each with its text for reading.
    """
    body = article.body
    sentences = sorted(sentences)
    return {
        "article": article.id,
        "body_sha256": article.sha256,
        "attributions": [],
        "sentences": [_plain(s) for s in sentences if s.label in SENTENCE_LABELS],
        "spans": [_plain(s) | {"text": s.text(body)} for s in sorted(spans)],
    }


def to_prodigy(article: Article, spans: Iterable[Span]) -> str:
    """One Prodigy-style task line: ``{"text", "spans": [{"start", "end", "label"}], "meta"}``."""
    task = {
        "text": article.body,
        "spans": [_plain(s) for s in sorted(spans)],
        "meta": {"article": article.id, "body_sha256": article.sha256},
    }
    return json.dumps(task, ensure_ascii=False) + "\n"


def to_web_annotation(
    article: Article, spans: Sequence[Span], *, creator: str = "", created: str | None = None
) -> dict[str, Any]:
    """A W3C Web Annotation collection: one ``tagging`` annotation per mark.

    Each target has a TextPositionSelector (code points, as the model counts)
    and a TextQuoteSelector with prefix and suffix, so the mark can be found
    again even if offsets are counted differently elsewhere.
    """
    created = created or datetime.now(UTC).isoformat(timespec="seconds")
    source = str(article.meta.get("url") or f"urn:medialit:article:{article.id}")
    items = [_annotation(article, span, i, source, creator, created) for i, span in enumerate(sorted(spans))]
    return {
        "@context": "http://www.w3.org/ns/anno.jsonld",
        "id": f"urn:medialit:highlights:{article.id}",
        "type": "AnnotationCollection",
        "label": f"medialit highlights: {article.title or article.id}",
        "total": len(items),
        "first": {"type": "AnnotationPage", "startIndex": 0, "items": items},
    }


def _annotation(article: Article, span: Span, i: int, source: str, creator: str, created: str) -> dict[str, Any]:
    body = article.body
    out: dict[str, Any] = {
        "id": f"urn:medialit:highlights:{article.id}:{i}",
        "type": "Annotation",
        "motivation": "tagging",
        "created": created,
        "body": {"type": "TextualBody", "purpose": "tagging", "value": span.label},
        "target": {
            "source": source,
            "selector": [
                {"type": "TextPositionSelector", "start": span.start, "end": span.end},
                {
                    "type": "TextQuoteSelector",
                    "exact": body[span.start : span.end],
                    "prefix": body[max(0, span.start - QUOTE_CONTEXT) : span.start],
                    "suffix": body[span.end : span.end + QUOTE_CONTEXT],
                },
            ],
        },
    }
    if creator:
        out["creator"] = creator
    return out


def _plain(span: Span) -> dict[str, Any]:
    return {"start": span.start, "end": span.end, "label": span.label}
