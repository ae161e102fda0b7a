"""Feedback lines a student can act on, for lesson checks and the Highlighter's feedback layer.

``scoring.score`` decides what is correct, missed and extra; this module says
why, as specifically as the text allows: a mark inside a quotation is the
speaker's framing, not the paper's; a mark that covers only part of a key item
names the rest; a label the activity does not check says so. Plain functions:
no widgets, no spaCy.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

from medialit.core.spans import Span
from medialit.exercises.scoring import Match, Score
from medialit.nlp.quotes import find_quotes

DASH_LINE = re.compile(r"^[ \t]*[–—]")


def quoted_parts(body: str) -> list[tuple[int, int]]:
    """Character ranges spoken by someone quoted: each outermost quotation (``nlp.quotes``, marks included),
    and each dash-quote line up to the comma before its speech verb (``– We will do it, says Dahl.``)."""
    parts = [(q.open_mark, q.outer_end) for q in find_quotes(body)]
    for line in re.finditer(r"[^\n]+", body):
        text = line.group()
        if DASH_LINE.match(text):
            stop = text.rfind(", ")
            short_tail = stop > 0 and len(text[stop:].split()) <= 5  # ", says Dahl." closes the quote
            parts.append((line.start(), line.start() + (stop if short_tail else len(text))))
    return sorted(parts)


def inside(span: Span, parts: Sequence[tuple[int, int]]) -> bool:
    return any(start <= span.start and span.end <= end for start, end in parts)


def words(span: Span, body: str, limit: int = 60) -> str:
    text = " ".join(span.text(body).split())
    return f"‘{text if len(text) <= limit else text[: limit - 1] + '…'}’"


def explain(item: Match, body: str, key: Sequence[Span] = (), quotes: Sequence[tuple[int, int]] = ()) -> str:
    """One line for one matched, missed or extra item, with the most specific reason the text gives."""
    span = item.key or item.answer
    assert span is not None
    line = f"{item.status}: {words(span, body)} ({span.label})"
    if item.status == "correct":
        assert item.answer is not None and item.key is not None
        if (item.answer.start, item.answer.end) != (item.key.start, item.key.end):
            return (
                f"correct in part: you marked {words(item.answer, body)}; the {span.label} is {words(item.key, body)}"
            )
        return f"{line}: {item.key.reasons[0]}" if item.key.reasons else line
    if item.status == "missed":
        return f"{line}: {item.key.reasons[0]}" if item.key and item.key.reasons else line
    return f"{line}: {_why_extra(span, body, key, quotes)}"


def _why_extra(span: Span, body: str, key: Sequence[Span], quotes: Sequence[tuple[int, int]]) -> str:
    near = [k for k in key if k.overlap(span)]
    if inside(span, quotes) and not any(inside(k, quotes) for k in near):
        return "it is inside a quote: the speaker's words and framing, not the paper's own voice"
    same = [k for k in near if k.label == span.label]
    if same:
        return f"it shares only a little with {words(same[0], body)}, {_a(span.label)} in the key: mark the whole of it"
    other = [k for k in near if k.label != span.label]
    if other:
        return f"these words are in the key, but as {other[0].label}, not {span.label}"
    return f"not {_a(span.label)} in the key: check who is speaking, and whether the paper says it in its own voice"


def _a(label: str) -> str:
    """'a source', 'an opinion': the article a label needs in a feedback line."""
    return f"{'an' if label[:1] in 'aeiou' else 'a'} {label}"


def explain_all(result: Score, body: str, key: Sequence[Span]) -> list[str]:
    quotes = quoted_parts(body)
    return [explain(m, body, key, quotes) for m in result.matches]


def not_graded(marks: Iterable[Span], graded: Sequence[str]) -> list[str]:
    """One line per label the activity does not check (``hedge: not part of this activity, ...``)."""
    others = sorted({m.label for m in marks} - set(graded))
    checks = ", ".join(graded)
    return [f"{label}: not part of this activity (it checks {checks}); those marks are kept but not counted"
            for label in others]  # fmt: skip
