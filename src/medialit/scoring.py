"""Compare marked spans with a key: one-to-one matching, partial credit, feedback.

One scoring function for everything: the highlighter's feedback, nbgrader test
cells, the course report and the analyzer's evaluation all call ``match`` and
``score``. No I/O, no spaCy, no widgets here.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from medialit.spans import Span

Same = Callable[[Span, Span], bool]


def overlapping(answer: Span, key: Span) -> bool:
    """The default match: same label and at least half of the shorter span shared."""
    shorter = min(answer.end - answer.start, key.end - key.start)
    return answer.label == key.label and answer.overlap(key) * 2 >= max(1, shorter)


@dataclass(frozen=True)
class Match:
    """One key item and what the answer did with it; ``answer`` or ``key`` is None for extra or missed."""

    key: Span | None
    answer: Span | None

    @property
    def status(self) -> str:
        if self.key is None:
            return "extra"
        return "missed" if self.answer is None else "correct"


def match(answer: Sequence[Span], key: Sequence[Span], same: Same = overlapping) -> list[Match]:
    """Pair answer and key items one to one, largest overlap first; unpaired items stay single."""
    candidates = sorted(
        ((a.overlap(k), i, j) for i, a in enumerate(answer) for j, k in enumerate(key) if same(a, k)),
        key=lambda t: (-t[0], t[1], t[2]),
    )
    used_a: set[int] = set()
    used_k: dict[int, int] = {}
    for _, i, j in candidates:
        if i not in used_a and j not in used_k:
            used_a.add(i)
            used_k[j] = i
    pairs = [Match(k, answer[used_k[j]] if j in used_k else None) for j, k in enumerate(key)]
    return pairs + [Match(None, a) for i, a in enumerate(answer) if i not in used_a]


@dataclass(frozen=True)
class Counts:
    """True positives, false positives, false negatives, with the usual ratios."""

    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def __add__(self, other: Counts) -> Counts:
        return Counts(self.tp + other.tp, self.fp + other.fp, self.fn + other.fn)


def count(matches: Sequence[Match]) -> Counts:
    return Counts(
        tp=sum(m.status == "correct" for m in matches),
        fp=sum(m.status == "extra" for m in matches),
        fn=sum(m.status == "missed" for m in matches),
    )


@dataclass(frozen=True)
class Score:
    """Points earned (a plain float, ready for an nbgrader test cell) with per-item matches and feedback."""

    points: float
    max_points: float
    matches: tuple[Match, ...]
    feedback: tuple[str, ...]

    @property
    def counts(self) -> Counts:
        return count(self.matches)


def score(
    answer: Sequence[Span], key: Sequence[Span], *, max_points: float, body: str = "", same: Same = overlapping
) -> Score:
    """Partial credit is the F1 of the matching, so both missing and extra marks cost points.

    An empty key with an empty answer earns full points. ``body`` is used only
    to quote the marked words in the feedback.
    """
    matches = match(answer, key, same)
    counts = count(matches)
    fraction = 1.0 if not key and not answer else counts.f1
    points = float(round(max_points * fraction, 2))
    return Score(points, float(max_points), tuple(matches), tuple(feedback_line(m, body) for m in matches))


def feedback_line(item: Match, body: str = "") -> str:
    """One line a student can act on: status, the words concerned, and the key's reason when there is one."""
    span = item.key or item.answer
    assert span is not None
    words = f" ‘{_clip(span.text(body))}’" if body else f" [{span.start}, {span.end})"
    line = f"{item.status}:{words} ({span.label})"
    if item.status != "extra" and item.key and item.key.reasons:
        line += f": {item.key.reasons[0]}"
    elif item.status == "extra":
        line += ": not in the key; check who is speaking and whether this is attributed"
    return line


def _clip(text: str, limit: int = 60) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"
