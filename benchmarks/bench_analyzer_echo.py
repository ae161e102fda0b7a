"""How often an honest answer is flagged by analyzer-echo.md, against the analyzer's own pasted answer.

Usage: .venv/bin/python benchmarks/bench_analyzer_echo.py [--draws 2000] [--students 500]

Honest answers are built from each item's key (course/keys) with slips: each
required mark dropped with probability DROP and given another of the item's
labels with probability RELABEL (four settings). For every item where the
shipped analysis makes errors, prints what the paste repeats and whether it is
flagged, and the share of honest answers flagged (more than half of the
analyzer's false marks repeated: misses never flag); then, per exercise, the
share of honest students whose totals over its items are flagged. The numbers
quoted in course/grading.md come from this script.
"""

from __future__ import annotations

import argparse
import json
import random
from pathlib import Path

from medialit.core.spans import Span
from medialit.exercises.answer import Answer, read_answer
from medialit.exercises.items import ITEMS, Item
from medialit.exercises.key import Key
from medialit.exercises.matching import as_key
from medialit.instructor.analyzer_echo import analyzer_errors, echo, pasted_answer, repeats_most, shipped_analysis

REPO = Path(__file__).resolve().parents[1]
SLIPS = ((0.1, 0.0), (0.3, 0.0), (0.1, 0.1), (0.3, 0.2))  # (drop, relabel)


def key_of(item_id: str) -> dict:
    return json.loads((REPO / "course" / "keys" / f"{item_id}.json").read_text(encoding="utf-8"))


def honest(it: Item, key: Key, rng: random.Random, drop: float, relabel: float) -> Answer:
    """The key's required marks, some dropped, some with another of the item's labels."""
    marks, speakers = [], []
    for mark in key.required:
        if rng.random() < drop:
            continue
        label = mark.label
        if rng.random() < relabel and len(it.labels) > 1:
            label = rng.choice([lab for lab in it.labels if lab != mark.label])
        if it.kind == "speakers":
            speakers.append((Span(mark.span.start, mark.span.end, "source"), mark.speaker))
        else:
            marks.append(Span(mark.span.start, mark.span.end, label))
    return Answer(marks=tuple(marks), speakers=tuple(speakers))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--draws", type=int, default=2000, help="honest answers per item and setting")
    parser.add_argument("--students", type=int, default=500, help="honest students per exercise and setting")
    args = parser.parse_args()
    checked = []
    for item_id in sorted(ITEMS):
        it, literal = ITEMS[item_id], key_of(item_id)
        errors = analyzer_errors(item_id, literal)
        if errors.status not in ("checked", "misses only"):
            print(f"{item_id}: {errors.status}")
            continue
        checked.append((it, literal, as_key(it, literal), errors))
        paste = echo(
            errors, read_answer(it, pasted_answer(it, shipped_analysis(it.article, it.load().sha256))), literal
        )
        rates = []
        for drop, relabel in SLIPS:
            rng = random.Random(7)
            hits = sum(echo(errors, honest(it, checked[-1][2], rng, drop, relabel), literal).flagged
                       for _ in range(args.draws))  # fmt: skip
            rates.append(f"drop {drop} relabel {relabel}: {hits / args.draws:.1%}")
        print(
            f"{item_id} ({errors.status}): {paste.false_marks} false marks, {paste.missed} misses; paste repeats "
            f"{paste.false_repeated} and {paste.missed_repeated}, flagged {paste.flagged}; "
            f"honest flagged {'; '.join(rates)}"
        )
    for exercise in sorted({it.id.split("-")[0] for it, *_ in checked}):
        items = [c for c in checked if c[0].id.startswith(exercise + "-")]
        for drop, relabel in SLIPS:
            rng, flagged = random.Random(11), 0
            for _ in range(args.students):
                found = [echo(e, honest(it, key, rng, drop, relabel), literal) for it, literal, key, e in items]
                flagged += repeats_most(sum(f.false_repeated for f in found), sum(f.false_marks for f in found))
            false = sum(len(e.false_marks) for *_, e in items)
            rate = f"{flagged / args.students:.1%} flagged"
            print(f"{exercise} ({false} false marks): drop {drop} relabel {relabel}: {rate}")


if __name__ == "__main__":
    main()
