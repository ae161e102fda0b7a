"""The shared state of one search: the parsed body with its quotations, paragraphs and sentences.

Every rule reads the text through these lookups, so all offsets are those of
``doc.text`` (the article body) and spans never cross a paragraph.
"""

from __future__ import annotations

import bisect
import re

from spacy.tokens import Doc, Token

from medialit.core.article import Article, Block
from medialit.nlp.quotes import Quote, find_quotes
from medialit.nlp.sources import SpeakerResolver

_GAP_BEFORE = re.compile(r"^[\s,:;\"'”“’‘»«)\]]*$")  # no sentence end between quote and cue
_GAP_AFTER = re.compile(r"^[\s,:;–—-]*$")


class Context:
    """The Doc and article being read, with sorted lookups every rule shares, and the silent sources noted so far."""

    def __init__(self, doc: Doc, article: Article) -> None:
        self.doc = doc
        self.body = doc.text
        self.article = article
        self.quotes = find_quotes(self.body)
        self.quote_starts = [q.start for q in self.quotes]
        self.blocks = article.paragraphs
        self.block_starts = [b.start for b in self.blocks]
        self.resolver = SpeakerResolver(doc)
        self.silent_tokens: list[tuple[Token, str]] = []

    def quote_before(self, position: int) -> Quote | None:
        """The quotation ending just before ``position`` with only punctuation between, on the same line."""
        k = bisect.bisect_right(self.quote_starts, position) - 1
        while k >= 0:
            quote = self.quotes[k]
            if quote.end <= position:
                gap = self.body[quote.end : position]
                return quote if _GAP_BEFORE.match(gap) and "\n" not in gap else None
            k -= 1
        return None

    def quote_after(self, position: int) -> Quote | None:
        """The quotation opening just after ``position`` after a comma, colon or one space, on the same line."""
        k = bisect.bisect_left(self.quote_starts, position)
        if k < len(self.quotes):
            quote = self.quotes[k]
            gap = self.body[position : quote.open_mark]
            if _GAP_AFTER.match(gap) and "\n" not in gap and ("," in gap or ":" in gap or gap == " "):
                return quote
        return None

    def in_quote(self, position: int) -> bool:
        """Whether ``position`` lies inside a quotation."""
        return self.quote_at(position) is not None

    def quote_at(self, position: int) -> Quote | None:
        """The quotation holding ``position``, if any."""
        k = bisect.bisect_right(self.quote_starts, position) - 1
        return self.quotes[k] if k >= 0 and self.quotes[k].start <= position < self.quotes[k].end else None

    def extent(self, token: Token) -> tuple[int, int]:
        """The token's phrase (its subtree), kept inside the token's paragraph."""
        first = token.left_edge
        while first.i > 0 and first.pos_ == "PROPN" and self.doc[first.i - 1].pos_ == "PROPN":
            first = self.doc[first.i - 1]  # a name the parser split ("Maria | Lopez said")
        start = first.idx
        last = token.right_edge
        return self.in_paragraph(token.idx, start, last.idx + len(last))

    def kept(self, position: int, start: int, end: int) -> tuple[int, int] | None:
        """``in_paragraph``, or None when nothing is left."""
        start, end = self.in_paragraph(position, start, end)
        return (start, end) if end > start else None

    def in_paragraph(self, position: int, start: int, end: int) -> tuple[int, int]:
        """``start``-``end`` cut to the paragraph holding ``position`` and trimmed: content never runs into the next
        paragraph (it may be empty, end <= start)."""
        block = self.block_of(position)
        if block is not None:
            start, end = max(start, block.start), min(end, block.end)
        return trim(self.body, start, end)

    def source_extent(self, token: Token) -> tuple[int, int]:
        """The token's phrase cut before a quotation that opens after the token: a source never holds the quote
        ("reads Judge Miller's statement, "men and women are ..."" parsed as one phrase)."""
        start, end = self.extent(token)
        quote = self.next_quote_start(token.idx + len(token))
        if quote is not None and quote.open_mark < end:
            end = trim(self.body, start, quote.open_mark)[1]
        return start, end

    def block_of(self, position: int) -> Block | None:
        """The paragraph holding ``position``, if any."""
        k = bisect.bisect_right(self.block_starts, position) - 1
        if k >= 0 and self.blocks[k].start <= position < self.blocks[k].end:
            return self.blocks[k]
        return None

    def sentence_of(self, position: int) -> tuple[int, int] | None:
        """(start, end) of the sentence holding ``position``."""
        sentences = self.article.sentences
        k = bisect.bisect_right([s for s, _ in sentences], position) - 1
        return sentences[k] if k >= 0 else None

    def previous_sentence(self, position: int) -> tuple[int, int] | None:
        """The sentence before the one holding ``position``, trimmed (what a bare "this" points back to)."""
        sentences = self.article.sentences
        k = bisect.bisect_right([s for s, _ in sentences], position) - 1
        return trim(self.body, *sentences[k - 1]) if k >= 1 else None

    def in_heading(self, position: int) -> bool:
        """Whether ``position`` lies in a heading."""
        block = self.block_of(position)
        return block is not None and block.kind == "heading"

    def starts_quote(self, k: int) -> bool:
        """Whether paragraph ``k`` opens with a quotation mark."""
        return self.body[self.blocks[k].start] in "\"“„«»‘'"

    def next_quote_start(self, position: int) -> Quote | None:
        """The first quotation opening at or after ``position``."""
        k = bisect.bisect_left(self.quote_starts, position)
        return self.quotes[k] if k < len(self.quotes) else None


def trim(body: str, start: int, end: int) -> tuple[int, int]:
    """Shrink a span past surrounding spaces, punctuation and quotation marks (keeping final .!? inside words)."""
    while start < end and (body[start].isspace() or body[start] in ",;:–—-\"'“”„«»‘’("):
        start += 1
    while end > start and (body[end - 1].isspace() or body[end - 1] in ",;:–—-\"'“”„«»‘’.)"):
        if body[end - 1] == ")" and "(" in body[start:end]:
            break
        end -= 1
    if start < end and body[start : start + 5].lower() == "that " and body[start - 1 : start] in (" ", ""):
        start += 5
    return start, end
