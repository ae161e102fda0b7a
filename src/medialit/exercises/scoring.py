"""Compare marked spans with a key: clip, merge, match one to one, partial credit, feedback.

One scoring function for everything: the graded items (``medialit.exercises.judge``),
the highlighter's feedback and the lessons call ``score``; the analyzer's
evaluation and the course report use ``match``. No I/O, no spaCy, no widgets here.

Why the rules are as they are (issue 10): a student's marks are data a student
controls, so ``score`` must not pay for answers built without the key. Marks
count only inside the item's part; overlapping marks with the same label count
once; a mark matches a key mark only when they share at least half of the
*longer* span (one huge span matches nothing); and, given ``units`` (how many
words or sentences the part has), each extra mark costs at least half a key
mark's share, so marking everything, or marking at random, earns about 0.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Union

from medialit.core.quoting import quoted
from medialit.core.spans import Span
from medialit.exercises.key import Key, KeyMark

if TYPE_CHECKING:  # reading answers needs articles; scoring only needs the type's name
    from medialit.exercises.answer import Answer

Same = Callable[[Span, Span], bool]


def overlapping(answer: Span, key: Span) -> bool:
    """``match``'s default (evaluation, lessons): same label and at least half of the shorter span shared."""
    shorter = min(answer.end - answer.start, key.end - key.start)
    return answer.label == key.label and answer.overlap(key) * 2 >= max(1, shorter)


def close_enough(answer: Span, key: Span) -> bool:
    """The graded rule: the spans share at least half of the longer one (labels are judged separately)."""
    longer = max(answer.end - answer.start, key.end - key.start)
    return answer.overlap(key) * 2 >= max(1, longer)


@dataclass(frozen=True)
class Match:
    """One key item and what the answer did with it; ``answer`` or ``key`` is None for extra or missed.

    ``mark`` is the key mark (graded scoring), ``given`` the merged answer mark;
    ``optional`` is True when an answer mark met an optional key mark (neither right nor wrong).
    """

    key: Span | None
    answer: Span | None
    mark: KeyMark | None = field(default=None, compare=False)
    given: Mark | None = field(default=None, compare=False)
    optional: bool = False

    @property
    def status(self) -> str:
        if self.optional:
            return "optional"
        if self.key is None:
            return "extra"
        return "missed" if self.answer is None else "correct"


def match(answer: Sequence[Span], key: Sequence[Span], same: Same = overlapping) -> list[Match]:
    """Pair answer and key items one to one, largest overlap first; unpaired items stay single."""
    pairs = _pair(answer, key, lambda a, k: same(a, k), lambda a, k: a.overlap(k))
    matched = {j: i for i, j in pairs.items()}
    out = [Match(k, answer[matched[j]] if j in matched else None) for j, k in enumerate(key)]
    return out + [Match(None, a) for i, a in enumerate(answer) if i not in pairs]


def _pair(answer: Sequence, key: Sequence, same: Callable, size: Callable) -> dict[int, int]:
    """One-to-one pairing, largest ``size`` first (ties: answer, then key order): answer index -> key index.

    Greedy, then a mark left over takes a key mark whose holder can move to a free
    one it also fits, so the answer's order never decides: the figure with
    *unsupported_figure* and its line with *dropped_source* (K13) both count in
    either order, where greedy gave the figure the required mark both fit.
    """
    candidates = [(size(a, k), i, j) for i, a in enumerate(answer) for j, k in enumerate(key) if same(a, k)]
    candidates.sort(key=lambda t: t[0], reverse=True)  # stable: equal sizes keep (i, j) order
    holder: dict[int, int] = {}  # key index -> answer index
    placed: set[int] = set()  # answer indexes holding a key mark; an augmenting path only moves them on
    options: dict[int, list[int]] = {}
    for _, i, j in candidates:
        options.setdefault(i, []).append(j)
        if i not in placed and j not in holder:
            holder[j] = i
            placed.add(i)
    for i in options:
        if i not in placed and _move_over(i, options, holder, set()):
            placed.add(i)
    return {i: j for j, i in holder.items()}


def _move_over(i: int, options: dict[int, list[int]], holder: dict[int, int], seen: set[int]) -> bool:
    """Answer mark ``i`` takes a key mark, free or freed by moving its holder on (an augmenting path)."""
    for j in options[i]:
        if j in seen:
            continue
        seen.add(j)
        if j not in holder or _move_over(holder[j], options, holder, seen):
            holder[j] = i
            return True
    return False


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
    """Correct, extra and missed matches as true positives, false positives and false negatives; an optional
    match is none of them (K11: marking it or not costs nothing)."""
    return Counts(
        tp=sum(m.status == "correct" for m in matches),
        fp=sum(m.status == "extra" for m in matches),
        fn=sum(m.status == "missed" for m in matches),
    )


@dataclass(frozen=True)
class Score:
    """Points earned (a plain float, ready for an nbgrader test cell) with per-item matches and feedback.

    ``outside`` counts answer marks ignored because they lie outside the part.
    """

    points: float
    max_points: float
    matches: tuple[Match, ...]
    feedback: tuple[str, ...]
    outside: int = 0

    @property
    def counts(self) -> Counts:
        return count(self.matches)


# ---------------------------------------------------------------- the answer as scored


@dataclass(frozen=True)
class Mark:
    """One answer mark after clipping and merging: where, with which labels, naming whom.

    ``span`` is None for words the student wrote that are not in the part
    (``words`` keeps them, to be compared by lemma where the item allows).
    """

    span: Span | None
    labels: frozenset[str]
    speakers: frozenset[str] = frozenset()
    words: str = ""
    cues: frozenset[Span] = frozenset()

    def as_span(self) -> Span:
        label = "/".join(sorted(self.labels))
        return self.span if self.span is not None else Span(-1, -1, label, (self.words,))


Judge = Callable[[Mark, KeyMark], bool]


def readings_for(span: Span, target: KeyMark) -> tuple[Span, ...]:
    """The key mark's readings that ``span`` may match. A reading that widens the mark's own words (the name with
    its description, the figure with its line) counts only for a mark that holds some of those words, so the rest
    alone (*the local fishermen's association* beside *Arne Dahl*, K1) never takes the mark."""
    core = target.span
    return tuple(
        r for r in target.readings() if span.overlap(core) or not (r.start <= core.start and core.end <= r.end)
    )


def same_place_and_label(mark: Mark, target: KeyMark) -> bool:
    """Every label given is accepted at this place: the span or an ``accept`` reading shares half the longer span."""
    if mark.span is None:
        return False
    here = {r.label for r in readings_for(mark.span, target) if close_enough(mark.span, r)}
    return bool(here) and mark.labels <= here


def same_place(mark: Mark, target: KeyMark) -> bool:
    """Found the place, whatever the label (sentence items: "found the sentence")."""
    return mark.span is not None and any(close_enough(mark.span, r) for r in readings_for(mark.span, target))


def marks_of(answer: Answer | Sequence[Span], part: tuple[int, int] | None, merge_labels: bool) -> tuple[list, int]:
    """The answer's marks clipped to ``part``, overlapping ones merged; and how many lay outside the part."""
    raw: list[Mark] = []
    if isinstance(answer, Sequence):
        raw = [Mark(s, frozenset({s.label})) for s in answer]
    else:
        raw = [Mark(s, frozenset({s.label})) for s in answer.marks]
        cues = answer.speaker_cues()
        raw += [
            Mark(s, frozenset({s.label}), frozenset({name}), cues=c)
            for (s, name), c in zip(answer.speakers, cues, strict=True)
        ]
        raw += [Mark(None, frozenset(), words=w) for w in dict.fromkeys(answer.unplaced)]
    placed, outside = [], 0
    for mark in raw:
        if mark.span is None:
            continue
        span = mark.span
        if part is not None:
            span = Span(max(span.start, part[0]), min(span.end, part[1]), span.label)
        if span.end <= span.start:
            outside += 1
            continue
        placed.append(Mark(span, mark.labels, mark.speakers, cues=mark.cues))
    return _merged(placed, merge_labels) + [m for m in raw if m.span is None], outside


def _merged(marks: list[Mark], merge_labels: bool) -> list[Mark]:
    """Overlapping marks (with the same label, or any label when ``merge_labels``) become one: their union."""
    groups: dict[str, list[Mark]] = {}
    for mark in sorted(marks, key=lambda m: (m.span.start, m.span.end)):  # type: ignore[union-attr]
        groups.setdefault("" if merge_labels else mark.span.label, []).append(mark)  # type: ignore[union-attr]
    out = []
    for group in groups.values():
        current = group[0]
        for mark in group[1:]:
            a, b = current.span, mark.span
            assert a is not None and b is not None
            if b.start < a.end:  # overlaps: one mark, the union of both
                span = Span(a.start, max(a.end, b.end), a.label)
                current = Mark(
                    span, current.labels | mark.labels, current.speakers | mark.speakers, cues=current.cues | mark.cues
                )
            else:
                out.append(current)
                current = mark
        out.append(current)
    return sorted(out, key=lambda m: (m.span.start, m.span.end, m.span.label))  # type: ignore[union-attr]


def _key_marks(key: Key | Sequence[KeyMark] | Sequence[Span]) -> list[KeyMark]:
    marks = getattr(key, "marks", key)
    return [m if isinstance(m, KeyMark) else KeyMark(m, rationale=m.reasons[0] if m.reasons else "") for m in marks]


# ---------------------------------------------------------------- the one scoring function


AnswerLike = Union["Answer", Sequence[Span]]


def score(
    answer: AnswerLike,
    key: Key | Sequence[KeyMark] | Sequence[Span],
    *,
    max_points: float,
    body: str = "",
    part: tuple[int, int] | None = None,
    units: int | None = None,
    judge: Judge = same_place_and_label,
    merge_labels: bool = False,
) -> Score:
    """Points for ``answer`` against ``key`` from a one-to-one matching, so that guessing pays nothing.

    ``part`` (start, end) clips the answer to the item's part; ``units`` (words or
    sentences in the part) makes the fraction recall less a cost per extra mark
    (see ``_fraction``; without it, the F1);
    ``judge`` says whether a merged answer mark matches a key mark (default: the
    same place and only accepted labels); ``merge_labels`` merges overlapping
    marks whatever their labels (a sentence given several reasons is one answer).
    ``optional`` key marks are neither missed nor extra. An empty key with an
    empty answer earns full points. ``body`` is used only to quote marked words.
    """
    marks, outside = marks_of(answer, part, merge_labels)
    targets = _key_marks(key)
    required = [k for k in targets if not k.optional]
    matches = _matched(marks, required, [k for k in targets if k.optional], judge)
    fraction = 1.0 if not required and not marks else _fraction(count(matches), units, len(required))
    points = float(round(max_points * fraction, 2))
    return Score(points, float(max_points), tuple(matches), tuple(feedback_line(m, body) for m in matches), outside)


def _shared(mark: Mark, target: KeyMark) -> tuple[float, bool]:
    """How closely a mark fits a key mark: the share of the longer span for its closest reading, then required first.

    A share, not raw characters: an exact accepted reading (*Matthew Ingram*, 14
    of 14) must win its place over a longer mark that only half covers another
    reading (*The Globe and Mail*, 18 of 36). At an equal share a required key
    mark goes first, so a mark that is both a required mark's accepted reading
    and an optional mark (the page's date, K15) earns the required one.
    """
    if mark.span is None:
        return 0.0, False
    span = mark.span
    share = max(
        (span.overlap(r) / max(1, span.end - span.start, r.end - r.start) for r in readings_for(span, target)),
        default=0,
    )
    return float(share), not target.optional


def _matched(marks: list[Mark], required: list[KeyMark], optional: list[KeyMark], judge: Judge) -> list[Match]:
    """Each mark pairs with the key mark it fits best (``_shared``); optional key marks absorb marks at their place."""
    pairs = _pair(marks, [*required, *optional], judge, _shared)
    hits = {i: j for i, j in pairs.items() if j < len(required)}
    spared = {i: j - len(required) for i, j in pairs.items() if j >= len(required)}
    found = {j: marks[i] for i, j in hits.items()}
    out = [Match(k.span, found[j].as_span() if j in found else None, k, found.get(j)) for j, k in enumerate(required)]
    out += [
        Match(optional[j].span, marks[i].as_span(), optional[j], marks[i], optional=True) for i, j in spared.items()
    ]
    return out + [Match(None, m.as_span(), None, m) for i, m in enumerate(marks) if i not in hits and i not in spared]


def _fraction(counts: Counts, units: int | None, keyed: int) -> float:
    """Recall less a cost per extra mark: half a key mark's share, more where few other places are left.

    The cost is ``max(1 / (2 * keyed), 1 / (units - keyed))``: marking every word
    or every sentence, or many random places, earns about nothing, and a student
    who marks only what they are sure of earns their share of the key. Without
    ``units`` (practice feedback) it is the plain F1. Never more than the F1.
    """
    if units is None:
        return counts.f1
    cost = max(1 / (2 * max(1, keyed)), 1 / max(1, units - keyed))
    return max(0.0, counts.recall - counts.fp * cost)


def feedback_line(item: Match, body: str = "") -> str:
    """One line a student can act on: status, the words concerned, and the key's reason when there is one."""
    span = item.key or item.answer
    assert span is not None
    words = f" {quoted(span.text(body))}" if body and span.start >= 0 else f" [{span.start}, {span.end})"
    line = f"{item.status}:{words} ({span.label})"
    if item.status != "extra" and item.key and item.key.reasons:
        line += f": {item.key.reasons[0]}"
    elif item.status == "extra":
        line += ": not in the key; check who is speaking and whether this is attributed"
    return line
