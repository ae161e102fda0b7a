"""Answers that repeat the analyzer's false marks: how an instructor tells a pasted ``medialit analyze`` apart.

Students have the analyzer in every kernel, and on several items its findings
earn most of the points. Where the analyzer is right, an honest answer and a
pasted one are the same marks; where it is wrong they part: as plagiarism
checkers use shared errors, an answer that repeats the analyzer's false marks
most likely came from it. So for each graded item this module takes the
analysis shipped with the kit (``medialit/articles/ID.analysis.json``, the one a
student's ``analyze`` returns; read as ``analyze`` reads it, so it follows the
analyzer whenever the analyses are regenerated), turns it into the answer a student
would paste, and lists its errors on the item's part as the score counts them
(``matching.compare``: its marks the key does not have, and the key marks it
misses). A student's answer *repeats* a false mark when it matches it by the
item's own rule (``matching.matches`` against a key made of the false marks),
and a miss when it misses the same key mark.

Only repeated false marks flag an answer. A repeated miss is counted but is
no evidence: honest students miss the same hard marks (measured in
course/grading.md), so an item whose analyzer only misses gets a status of its
own, ``misses only``, and flags nobody.

Nothing here changes a score or reaches a student: it feeds the course report.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property
from typing import Any

from medialit.core.article import bundled_ids
from medialit.core.spans import Span
from medialit.exercises.answer import Answer, read_answer
from medialit.exercises.errors import AnswerError
from medialit.exercises.items import Item, item
from medialit.exercises.key import Key, KeyMark
from medialit.exercises.matching import as_key, compare, matches
from medialit.exercises.scoring import Mark
from medialit.instructor.gradebook import CourseError
from medialit.nlp.shipped_analysis import DamagedAnalysis, stored

MOST = 0.5
"""An answer is flagged when it repeats MORE than this share of the analyzer's false marks on the item.

Why false marks only, and why more than half: an honest student rarely makes
the analyzer's very mark with its very label, and one such coincidence (the
same wrong label on one hard mark) happens; most of them together do not. On
an item where the analyzer has a single false mark, one repeat is more than
half: that is the weakest flag, and the per-student totals (over all items)
are the better read. Misses never count toward a flag: honest answers miss the
same hard marks. Measured numbers are in course/grading.md ("What the analyzer
alone earns").
"""


# ---------------------------------------------------------------- the analyzer's answer


def shipped_analysis(article_id: str, body_sha256: str) -> dict[str, Any] | None:
    """The analysis shipped for this article text (what ``analyze`` gives a student), or None when there is none.

    Read by ``nlp.shipped_analysis.stored``, with its checks: a file made by an
    older analyzer, or for another model, is not what ``analyze`` returns.
    A damaged file is a one-line ``CourseError`` (the report cannot go on).
    """
    if article_id not in bundled_ids():
        return None  # an instructor's own article: a student's analyze runs the analyzer live
    try:
        return stored(article_id, body_sha256)
    except DamagedAnalysis as error:
        raise CourseError(str(error)) from None


_SOURCE_KINDS = {"person": "named", "organisation": "named", "document": "named", "vague": "vague"}


def reason_of(texts: list[str]) -> str:
    """The item label a student reads off the analyzer's reasons for an unsupported sentence: the first reason a
    drafted key would give it (``key.sentence_reasons``, one reading of the explanations), ``no_source`` when none."""
    from medialit.exercises.key import sentence_reasons

    return sentence_reasons(texts)[0]


def pasted_answer(it: Item, analysis: dict[str, Any]) -> list:
    """The answer literal a student writes by copying the analysis for this item's kind, without reading."""
    at = lambda s, label: {"start": s["start"], "end": s["end"], "label": label}  # noqa: E731
    if it.kind == "speakers":
        return [
            {"start": a["source"]["start"], "end": a["source"]["end"], "speaker": a["speaker"], "cue": a["cue"]}
            for a in analysis["attributions"]
            if a.get("source") and a.get("cue")
        ]
    if it.kind == "sentences":
        return [at(s, reason_of(s["reasons"])) for s in analysis["sentences"] if s["label"] == "unsupported"]
    if it.kind == "words":
        body = it.load().body
        labelled = [f for f in analysis["framing"] if f["label"] in ("hedge", "evaluative", "loaded")]
        return [(body[f["start"] : f["end"]], "hedge" if f["label"] == "hedge" else "loaded") for f in labelled]
    if set(it.labels) == {"source", "cue"}:
        return [at(a[p], p) for a in analysis["attributions"] for p in ("source", "cue") if a.get(p)]
    if "named" in it.labels:
        return [at(m, _SOURCE_KINDS.get(s["kind"], "named")) for s in analysis["sources"] for m in s["mentions"]]
    if "direct" in it.labels:
        return [at(a["cue"], a["kind"]) for a in analysis["attributions"] if a.get("cue") and a.get("kind")]
    if it.labels == ("opinion",):
        opinions = [s for s in analysis["sentences"] if s["label"] == "unsupported"]
        return [at(s, "opinion") for s in opinions if reason_of(s["reasons"]) == "evaluation"]
    return []  # headline faults, text kinds, provenance, page roles: the analyzer says nothing


# ---------------------------------------------------------------- its errors on one item


@dataclass(frozen=True)
class AnalyzerErrors:
    """What the analyzer gets wrong on one item's part, as the item's score counts it.

    ``status``: ``checked`` (it makes false marks: an answer repeating most of
    them is flagged), ``misses only`` (its only errors are key marks it misses:
    a paste cannot be told from an honest answer that misses the same marks),
    ``cannot tell`` (it makes no error: a perfect honest answer and a paste are
    the same marks), ``silent`` (it marks nothing in the part: a paste earns
    nothing) or ``no analysis`` (none is shipped for this text).
    """

    item: str
    status: str
    false_marks: tuple[Mark, ...] = ()
    missed: frozenset[int] = frozenset()  # indexes into the key's marks
    right: frozenset[int] = frozenset()  # the key's required marks it finds

    @property
    def count(self) -> int:
        return len(self.false_marks) + len(self.missed)

    @cached_property
    def false_key(self) -> Key:
        """The false marks as a key, built once per item and read for every answer (``echo``)."""
        return _as_key(item(self.item), self.false_marks)


def analyzer_errors(item_id: str, key: Any) -> AnalyzerErrors:
    """The analyzer's false marks and misses on the item's part, from the shipped analysis and the key."""
    it = item(item_id)
    article = it.load()
    analysis = shipped_analysis(it.article, article.sha256)
    if analysis is None:
        return AnalyzerErrors(it.id, "no analysis")
    try:
        answer = read_answer(it, pasted_answer(it, analysis))
    except AnswerError:  # more entries than an answer may hold: no student can paste it either
        return AnalyzerErrors(it.id, "silent")
    key = as_key(it, key)
    found = compare(it.id, answer, key)
    required = frozenset(i for i, mark in enumerate(key.marks) if not mark.optional)
    missed = required - found.right
    if not found.right and not found.extras:
        return AnalyzerErrors(it.id, "silent")
    status = "checked" if found.extras else "misses only" if missed else "cannot tell"
    return AnalyzerErrors(it.id, status, found.extras, missed, required & found.right)


# ---------------------------------------------------------------- one answer against them


@dataclass(frozen=True)
class Echo:
    """One answer to one item against the analyzer's errors there: which of them it repeats.

    A repeated false mark is evidence (an honest student rarely makes the
    analyzer's very mark with its very label); a repeated miss is not (honest
    students miss the hard marks too): it is counted for the report, never flagged.
    """

    false_repeated: int
    false_marks: int
    missed_repeated: int
    missed: int
    marked: bool  # the answer marks something in the part (an empty answer "repeats" every miss)
    agreed: int = 0  # key marks the analyzer finds that this answer finds too (a paste finds them all)
    analyzer_right: int = 0

    def counts(self) -> tuple[int, ...]:
        """Three pairs (repeated, of): false marks, misses, the analyzer's right marks the answer finds too."""
        return (
            self.false_repeated,
            self.false_marks,
            self.missed_repeated,
            self.missed,
            self.agreed,
            self.analyzer_right,
        )

    @property
    def flagged(self) -> bool:
        """Most of the analyzer's false marks repeated (``MOST``) by an answer that marks something."""
        return self.marked and repeats_most(self.false_repeated, self.false_marks)


def repeats_most(false_repeated: int, false_marks: int) -> bool:
    """The flag's one rule, for an item or a student's totals: more than ``MOST`` of some false marks repeated."""
    return false_marks > 0 and false_repeated > MOST * false_marks


def echo(errors: AnalyzerErrors, answer: Answer | list[Span], key: Any) -> Echo:
    """How many of the analyzer's errors this answer makes too: the same false marks, the same misses."""
    it = item(errors.item)
    found = compare(it.id, answer, key)
    same = 0
    if errors.false_marks:
        same = sum(m.status == "correct" for m in matches(it.id, answer, errors.false_key))
    return Echo(
        same,
        len(errors.false_marks),
        len(errors.missed - found.right),
        len(errors.missed),
        marked=bool(found.placed or found.extras),
        agreed=len(errors.right & found.right),
        analyzer_right=len(errors.right),
    )


def _as_key(it: Item, marks: tuple[Mark, ...]) -> Key:
    """The analyzer's false marks as a key, so the item's own matching rule says whether an answer repeats one."""
    return Key(it.id, it.article, "", tuple(_key_mark(m) for m in marks if m.span is not None))


def _key_mark(mark: Mark) -> KeyMark:
    assert mark.span is not None
    first, *others = sorted(mark.labels) or [mark.span.label]
    span = Span(mark.span.start, mark.span.end, first)
    accept = tuple(Span(span.start, span.end, label) for label in others)
    return KeyMark(span, speaker=min(mark.speakers, default=""), accept=accept)
