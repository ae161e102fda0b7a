"""Marks out of medialit: gold-format JSON, Prodigy-style JSONL, W3C Web Annotation JSON.

All three carry the same spans (Python code-point offsets into ``Article.body``)
and the links between them (``medialit.core.links``); only the wrapping differs, so
other tools (Prodigy, Hypothesis-style annotation servers) can read a class's work.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from datetime import UTC, datetime
from itertools import pairwise
from typing import Any

from medialit.core.article import Article
from medialit.core.links import Link
from medialit.core.spans import SENTENCE_LABELS, Span

QUOTE_CONTEXT = 32
"""Characters of prefix and suffix in a TextQuoteSelector: enough to place a repeated phrase."""


def to_gold(
    article: Article, spans: Iterable[Span], sentences: Iterable[Span] = (), links: Iterable[Link] = ()
) -> dict[str, Any]:
    """The gold format (``Annotations.from_json`` reads it): attributions, sentence labels, the marks under ``spans``.

    Each link with a source and a cue is a gold attribution; every link, also one
    still missing its cue, is kept under ``links`` with its marks' labels and words.
    """
    body = article.body
    sentences = sorted(sentences)
    links = list(links)
    attributions = [a.to_dict(body) for a in (x.to_attribution() for x in links) if a is not None]
    return {
        "article": article.id,
        "body_sha256": article.sha256,
        "attributions": attributions,
        "sentences": [s.to_plain_dict() for s in sentences if s.label in SENTENCE_LABELS],
        "spans": [s.to_plain_dict() | {"text": s.text(body)} for s in sorted(spans)],
        "links": [x.to_dict(body) for x in links],
    }


def to_prodigy(article: Article, spans: Iterable[Span], links: Iterable[Link] = ()) -> str:
    """One Prodigy-style task line: ``{"text", "spans", "relations", "meta"}``.

    A link becomes relations head -> child along source -> cue -> content, labelled
    with the child's part and carrying the speaker and kind. Prodigy's ``head`` and
    ``child`` are token indices; medialit has no tokens, so they hold the spans'
    start offsets and ``head_span``/``child_span`` say exactly which marks.
    """
    task = {
        "text": article.body,
        "spans": [s.to_plain_dict() for s in sorted(spans)],
        "relations": [r for link in links for r in _relations(link)],
        "meta": {"article": article.id, "body_sha256": article.sha256},
    }
    return json.dumps(task, ensure_ascii=False) + "\n"


def _relations(link: Link) -> list[dict[str, Any]]:
    chain = [(role, part) for role, part in (("source", link.source), ("cue", link.cue), ("content", link.content))]
    chain = [(role, part) for role, part in chain if part is not None]
    return [
        {
            "head": head.start,
            "child": child.start,
            "head_span": head.to_plain_dict(),
            "child_span": child.to_plain_dict(),
            "label": role,
            "speaker": link.speaker,
            "kind": link.kind,
        }
        for (_, head), (role, child) in pairwise(chain)
    ]


def to_web_annotation(
    article: Article,
    spans: Sequence[Span],
    *,
    creator: str = "",
    created: str | None = None,
    links: Iterable[Link] = (),
) -> dict[str, Any]:
    """A W3C Web Annotation collection: one ``tagging`` annotation per mark, one ``linking`` one per link.

    Each mark's target has a TextPositionSelector (code points, as the model counts)
    and a TextQuoteSelector with prefix and suffix, so the mark can be found
    again even if offsets are counted differently elsewhere. A link's targets are
    the ids of its marks' annotations (source, cue, content in that order); its
    bodies name the parts, the speaker (``identifying``) and the kind (``classifying``).
    """
    created = created or datetime.now(UTC).isoformat(timespec="seconds")
    source = str(article.meta.get("url") or f"urn:medialit:article:{article.id}")
    ordered = sorted(spans)
    items = [_annotation(article, span, i, source, creator, created) for i, span in enumerate(ordered)]
    ids = {(s.start, s.end, s.label): item["id"] for s, item in zip(ordered, items, strict=True)}
    for n, link in enumerate(links):
        items.append(_link_annotation(article, link, n, ids, creator, created))
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


def _link_annotation(
    article: Article, link: Link, n: int, ids: dict[tuple, str], creator: str, created: str
) -> dict[str, Any]:
    roles = [r for r, p in (("source", link.source), ("cue", link.cue), ("content", link.content)) if p is not None]
    bodies: list[dict[str, Any]] = [
        {"type": "TextualBody", "purpose": "linking", "value": f"attribution: {' -> '.join(roles)}"}
    ]
    if link.speaker:
        bodies.append({"type": "TextualBody", "purpose": "identifying", "value": link.speaker})
    if link.kind:
        bodies.append({"type": "TextualBody", "purpose": "classifying", "value": link.kind})
    out: dict[str, Any] = {
        "id": f"urn:medialit:highlights:{article.id}:link:{n}",
        "type": "Annotation",
        "motivation": "linking",
        "created": created,
        "body": bodies,
        "target": [ids[(p.start, p.end, p.label)] for p in link.parts() if (p.start, p.end, p.label) in ids],
    }
    if creator:
        out["creator"] = creator
    return out
