"""Agreement between the graded keys and a blind second annotation (python tools/key_agreement.py ANSWERS.json).

The blind annotator saw the guidelines, the prompts and the parts' text, never a
key. Their answers (``answers.json``: per item a list of ``{words, label,
occurrence, alt}``, or ``speaker`` for ex01-q2) are placed in the item's part
the way a student's literal answer is, then paired with the key's marks: same
place (overlap of at least half of the longer span, or the same sentence for
sentence items) and a compatible label (any label of the key mark's readings
against the blind label or its ``alt``). Printed as Markdown for
course/key-agreement.md:

- per item: F1 over every key mark (``strict``: optional marks count as key
  marks) and as graded (``graded``: optional marks neither missed nor extra),
  and Krippendorff's alpha (nominal) over every word (every sentence for
  sentence items) of the part, each coded with a label or none;
- per label: F1 pooled over the items;
- every disagreement, for adjudication.

``--key-rev REV`` reads the keys as they were at a git revision (before/after).
"""

from __future__ import annotations

import argparse
import json
import re
import subprocess
import sys
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from medialit.exercises.items import ITEMS
from medialit.exercises.key import Key, KeyMark
from medialit.exercises.scoring import Counts

from corpus_agreement import alpha  # isort: skip  (tools/ is on the path when run as a script)

REPO = Path(__file__).resolve().parents[1]


@dataclass(frozen=True)
class Mark:
    """One blind mark placed in the text: offsets, the labels it accepts, the speaker for who-speaks items."""

    start: int
    end: int
    labels: frozenset[str]
    speaker: str
    words: str


class NotInPart(ValueError):
    """The blind words no longer occur in the item's part (its text was rewritten after the annotation)."""


def place(item_id: str, entry: dict) -> Mark:
    """The n-th exact occurrence of the words in the item's part; sentence items take the whole sentence."""
    it = ITEMS[item_id]
    body = it.load().body
    start, end = it.bounds()
    at = start - 1
    for _ in range(int(entry.get("occurrence", 1))):
        at = body.find(entry["words"], at + 1, end)
        if at < 0:
            raise NotInPart(entry["words"])
    stop = at + len(entry["words"])
    if it.kind == "sentences":
        at, stop = next((s, e) for s, e in it.load().sentences if s <= at < e)
    labels = {entry.get("label", "source"), *entry.get("alt", ()), *entry.get("labels", ())}
    return Mark(at, stop, frozenset(labels), entry.get("speaker", ""), entry["words"])


def same_place(mark: Mark, start: int, end: int) -> bool:
    shared = max(0, min(mark.end, end) - max(mark.start, start))
    return shared * 2 >= max(mark.end - mark.start, end - start)


def same_person(given: str, key: str) -> bool:
    """Every name word given belongs to the key's name (Støre = Jonas Gahr Støre; 'the' is not a name word)."""
    words = [w for w in given.lower().split() if w != "the"]
    return bool(words) and set(words) <= set(key.lower().split())


def fits(mark: Mark, key: KeyMark) -> bool:
    if key.speaker:
        return any(same_place(mark, s.start, s.end) for s in key.readings()) and same_person(mark.speaker, key.speaker)
    return any(same_place(mark, s.start, s.end) and s.label in mark.labels for s in key.readings())


def pair(blind: list[Mark], key: Key) -> tuple[list[tuple[Mark, KeyMark]], list[Mark], list[KeyMark]]:
    """Greedy one-to-one pairing, key order; returns pairs, blind-only marks and key-only marks."""
    left = list(blind)
    pairs, missed = [], []
    for km in key.marks:
        found = next((m for m in left if fits(m, km)), None)
        if found is None:
            missed.append(km)
        else:
            left.remove(found)
            pairs.append((found, km))
    return pairs, left, missed


def f1(tp: int, fp: int, fn: int) -> float:
    """F1, or 1.0 when neither side marks anything (nothing to disagree on)."""
    return Counts(tp, fp, fn).f1 if tp + fp + fn else 1.0


def coded_units(item_id: str, key: Key, blind: list[Mark], pairs: list[tuple[Mark, KeyMark]]) -> list[tuple[str, str]]:
    """Every sentence (sentence items) or word (other items) of the part, coded by each side: a label or "none".

    A blind mark paired with a key mark takes the key's label, so an accepted
    alternative is agreement; unmarked units count, so alpha is not inflated
    or deflated by looking only at what someone marked.
    """
    it = ITEMS[item_id]
    doc = it.load()
    start, end = it.bounds()
    if it.kind == "sentences":
        units = [(s, e) for s, e in doc.sentences if start <= s < end]
    else:
        units = [(m.start(), m.end()) for m in re.finditer(r"\w+", doc.body[start:end])]
        units = [(start + s, start + e) for s, e in units]
    agreed = {id(m): label_of(k) for m, k in pairs}

    def code(marks: list[tuple[int, int, str]], unit: tuple[int, int]) -> str:
        return next((label for s, e, label in marks if s < unit[1] and e > unit[0]), "none")

    key_marks = [(k.span.start, k.span.end, label_of(k)) for k in key.marks]
    blind_marks = [(m.start, m.end, agreed.get(id(m), m.speaker or sorted(m.labels)[0])) for m in blind]
    return [(code(key_marks, u), code(blind_marks, u)) for u in units]


def label_of(km: KeyMark) -> str:
    return km.speaker or km.label


def load_key(item_id: str, rev: str | None) -> Key:
    path = REPO / "course" / "keys" / f"{item_id}.json"
    if rev is None:
        return Key.load(path)
    text = subprocess.run(
        ["git", "-C", str(REPO), "show", f"{rev}:course/keys/{item_id}.json"],
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    return Key.from_dict(json.loads(text), where=f"{rev}:{item_id}", item=item_id, speakers=item_id == "ex01-q2")


def report(answers: dict, rev: str | None) -> str:
    rows, details = [], []
    by_label: dict[str, Counter] = {}
    for item_id in sorted(answers):
        key = load_key(item_id, rev)
        try:
            blind = [place(item_id, e) for e in answers[item_id]]
        except NotInPart as gone:
            details.append(f"- {item_id}: not compared: the blind words ‘{str(gone)[:70]}’ are no longer in its part")
            continue
        pairs, extra, missed = pair(blind, key)
        optional_extra = [m for m in extra if any(fits(m, k) for k in key.marks if k.optional)]
        strict = f1(len(pairs), len(extra), len(missed))
        graded_tp = sum(1 for _, k in pairs if not k.optional)
        graded_fn = sum(1 for k in missed if not k.optional)
        graded = f1(graded_tp, len(extra) - len(optional_extra), graded_fn)
        units = coded_units(item_id, key, blind, pairs)
        rows.append(
            f"| {item_id} | {len(key.marks)} ({len(key.required)} required) | {len(blind)} | {len(pairs)} "
            f"| {strict:.2f} | {graded:.2f} | {alpha(units):.2f} |"
        )
        for _, k in pairs:
            by_label.setdefault(k.label, Counter())["tp"] += 1
        for k in missed:
            by_label.setdefault(k.label, Counter())["fn"] += 1
            details.append(
                f"- {item_id}: key only: ‘{k.text[:70]}’ ({label_of(k)}{', optional' if k.optional else ''})"
            )
        for m in extra:
            by_label.setdefault(sorted(m.labels)[0], Counter())["fp"] += 1
            details.append(f"- {item_id}: blind only: ‘{m.words[:70]}’ ({'/'.join(sorted(m.labels))})")
    head = "| item | key marks | blind marks | agreed | F1 strict | F1 graded | alpha |\n" + "|---|" + "---:|" * 6
    labels = "| label | agreed | key only | blind only | F1 |\n|---|---:|---:|---:|---:|"
    label_rows = [
        f"| {name} | {c['tp']} | {c['fn']} | {c['fp']} | {f1(c['tp'], c['fp'], c['fn']):.2f} |"
        for name, c in sorted(by_label.items())
    ]
    return "\n".join([head, *rows, "", labels, *label_rows, "", *(details or ["- none"])])


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("blind", type=Path, help="the blind annotator's answers.json")
    parser.add_argument("--key-rev", help="read the keys at this git revision instead of the work tree")
    args = parser.parse_args()
    try:
        answers = json.loads(args.blind.read_text(encoding="utf-8"))
    except (OSError, json.JSONDecodeError) as problem:
        print(
            f"key_agreement: cannot read {args.blind}: {problem}; give the path of the blind answers.json",
            file=sys.stderr,
        )
        return 2
    print(report(answers, args.key_rev))
    return 0


if __name__ == "__main__":
    sys.exit(main())
