"""What a lesson may show of an article: the parts the graded exercises do not cover.

The example article is both taught and graded. Lessons keep its graded parts
out of their figures and free highlighting, so practice never gives an
exercise's answer away: ``graded_parts`` finds them from the kit's items,
``ungraded`` filters the analyzer's findings, ``without_graded`` makes a copy
of the article with each part replaced by a one-line notice.
"""

from __future__ import annotations

from typing import Any

from medialit.core.article import Article
from medialit.exercises.items import ITEMS

LEFT_OUT = "[… left out here: this part is graded in an exercise …]"


def graded_parts(article: Any) -> list[tuple[int, int]]:
    """Character ranges of ``article`` that the graded exercises cover, so lessons can leave them out."""
    merged: list[tuple[int, int]] = []
    for start, end in sorted({item.bounds() for item in ITEMS.values() if item.article == article.id}):
        if merged and not article.body[merged[-1][1] : start].strip():
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))  # touching parts show as one
        else:
            merged.append((start, end))
    return merged


def ungraded(items: Any, article: Any) -> list:
    """``items`` (spans or attributions) that touch no graded part of ``article``: lesson figures show only these."""
    parts = graded_parts(article)

    def touches(item: Any) -> bool:
        pieces = item.spans() if hasattr(item, "spans") else [item]
        return any(p.start < end and p.end > start for p in pieces for start, end in parts)

    return [item for item in items if not touches(item)]


def without_graded(article: Any) -> Any:
    """A copy of ``article`` whose graded parts are replaced by a one-line notice, for free highlighting.

    Offsets in the copy differ from the original after the first part; lesson
    activities on it have no key, so nothing is compared across the two.
    """
    body = article.body
    for start, end in reversed(graded_parts(article)):
        body = body[:start] + LEFT_OUT + body[end:]
    if body == article.body:
        return article
    return Article(body=body, title=article.title, meta={**article.meta, "id": f"{article.id}-ungraded"})
