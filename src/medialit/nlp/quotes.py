"""Quotation marks paired in every common style, never failing on unbalanced marks.

Marks are paired inside one paragraph, nested pairs included (``quote_pairs``,
used by the framing cues for scare quotes inside quotations); ``find_quotes``
keeps the outermost ones (used by attribution and sentence labels). A double
quotation opened and not closed in its paragraph runs to the paragraph's end:
that is how newspapers print a quote that continues into the next paragraph,
and it keeps a stray mark from swallowing the rest of the article. An
apostrophe inside a word (don’t, Støre’s) can neither open nor close.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

# opener -> closers it accepts; „ pairs with “ (German) or ” (Nordic), » « is the Danish order
PAIRS = {"“": "”", "„": "“”", "«": "»", "»": "«", '"': '"', "‘": "’", "‚": "‘’", "'": "'", "‹": "›", "›": "‹"}
CLOSERS = frozenset("”“»«\"’‘'›‹")
MARKS = frozenset(PAIRS) | CLOSERS
SINGLE = frozenset("‘’‚'‹›")
OPEN_BEFORE = "([{–—-/"
MARK = re.compile("[" + re.escape("".join(sorted(set(PAIRS) | CLOSERS))) + "]")


def quote_pairs(text: str) -> list[tuple[int, int, bool]]:
    """``(start, end, closed)`` of each pair of quotation marks, marks included; one line at a time.

    An apostrophe inside a word (don’t, Støre’s) can neither open nor close. A
    double mark left open at the end of a line (a quotation running over
    paragraphs) runs to the line end, with ``closed`` False.
    """
    pairs: list[tuple[int, int, bool]] = []
    for line in re.finditer(r"[^\n]+", text):
        stack: list[int] = []
        for match in MARK.finditer(text, line.start(), line.end()):
            k, mark = match.start(), match.group()
            before = text[k - 1] if k > line.start() else " "
            after = text[k + 1] if k + 1 < line.end() else " "
            depth = _matching_opener(text, stack, mark) if not before.isspace() and not after.isalnum() else None
            if depth is not None:
                pairs.append((stack[depth], k + 1, True))
                del stack[depth:]  # marks opened inside and never closed were not quotes ('90s)
            elif mark in PAIRS and (before.isspace() or before in OPEN_BEFORE or before in PAIRS) and after.strip():
                stack.append(k)
        pairs.extend((start, line.end(), False) for start in stack if text[start] not in SINGLE)
    return sorted(pairs)


def _matching_opener(text: str, stack: list[int], mark: str) -> int | None:
    """Index in ``stack`` of the innermost open mark that ``mark`` can close, if any."""
    for depth in range(len(stack) - 1, -1, -1):
        if mark in PAIRS[text[stack[depth]]]:
            return depth
    return None


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
    """Every outermost quotation in ``body``; nested quotes stay inside their parent."""
    quotes: list[Quote] = []
    for start, end, closed in quote_pairs(body):
        if quotes and start < quotes[-1].outer_end:
            continue
        stop = end - 1 if closed else _trim_open_end(body, start, end)
        if stop > start + 1:
            quotes.append(Quote(start + 1, stop, start, closed))
    return quotes


def _trim_open_end(body: str, opener: int, end: int) -> int:
    """An open quote ends at its paragraph's last word or sentence mark, not on trailing marks."""
    while end > opener + 1 and not body[end - 1].isalnum() and body[end - 1] not in ".!?…":
        end -= 1
    return end


def quote_at(quotes: list[Quote], position: int) -> Quote | None:
    """The quotation containing character ``position``, if any."""
    for quote in quotes:
        if quote.start <= position < quote.end:
            return quote
    return None
