"""Quotation spans found by their marks, for every common style, never failing on unbalanced marks.

Marks are paired inside one paragraph. A quotation opened and not closed in its
paragraph runs to the paragraph's end: that is how newspapers print a quote
that continues into the next paragraph, and it keeps a stray mark from
swallowing the rest of the article.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

# opener -> closers it accepts; „ pairs with “ (German) or ” (Nordic), » « is the Danish order
PAIRS = {"“": "”", "„": "“”", "«": "»", "»": "«", "‘": "’", "‚": "‘’", "‹": "›", '"': '"', "'": "'"}
MARKS = frozenset("“”„«»‘’‚‹›\"'")


@dataclass(frozen=True)
class Quote:
    """``start``/``end`` are the quoted words without the marks; ``closed`` is False for an open-ended quote."""

    start: int
    end: int
    open_mark: int
    closed: bool

    @property
    def outer_end(self) -> int:
        return self.end + 1 if self.closed else self.end


def find_quotes(body: str) -> list[Quote]:
    """Every quotation in ``body`` (outermost ones; nested quotes stay inside their parent)."""
    quotes: list[Quote] = []
    for line in re.finditer(r"[^\n]+", body):
        quotes.extend(_paragraph_quotes(body, line.start(), line.end()))
    return quotes


def _paragraph_quotes(body: str, start: int, end: int) -> list[Quote]:
    quotes = []
    opener: int | None = None
    for k in range(start, end):
        ch = body[k]
        if ch not in MARKS:
            continue
        if opener is None:
            if _can_open(body, k, start, end):
                opener = k
        elif ch in PAIRS[body[opener]] and _can_close(body, k, end):
            if k > opener + 1:
                quotes.append(Quote(opener + 1, k, opener, True))
            opener = None
    if opener is not None:
        stop = end
        while stop > opener + 1 and not body[stop - 1].isalnum() and body[stop - 1] not in ".!?…":
            stop -= 1
        if stop > opener + 1:
            quotes.append(Quote(opener + 1, stop, opener, False))
    return quotes


def _can_open(body: str, k: int, start: int, end: int) -> bool:
    ch = body[k]
    if ch not in PAIRS or ch in "”›":
        return False
    before = body[k - 1] if k > start else " "
    after = body[k + 1] if k + 1 < end else " "
    if ch in "'’" or ch == "‘":
        # an apostrophe sits between letters ("Norway's") or after one ("Afghans'")
        return not before.isalnum() and after.isalnum()
    if ch == '"':
        return not after.isspace() and not before.isalnum()
    return not after.isspace()


def _can_close(body: str, k: int, end: int) -> bool:
    after = body[k + 1] if k + 1 < end else " "
    return not after.isalnum()


def quote_at(quotes: list[Quote], position: int) -> Quote | None:
    """The quotation containing character ``position``, if any."""
    for quote in quotes:
        if quote.start <= position < quote.end:
            return quote
    return None
