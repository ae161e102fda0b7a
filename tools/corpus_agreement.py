"""Agreement between two annotators of the same articles (python tools/corpus_agreement.py).

``course/corpus/second/`` holds blind second annotations of articles that are
also annotated in ``course/corpus/``. For each pair this prints, as Markdown for
``course/corpus/AGREEMENT.md``:

- sentence labels: observed agreement, Cohen's kappa and Krippendorff's alpha
  (nominal, two coders), and per-label F1 with the first annotation as reference;
- attributions: F1 of the cues (overlap of at least half of the longer span),
  and of the matched cues, how many name the same speaker and the same kind.

The two annotators may have built the body slightly differently (an interview
printed with speaker labels, a headline on its own line): the second
annotation's offsets are carried onto the first body through the text both
share (``difflib``), so every figure compares the same words.
"""

from __future__ import annotations

import argparse
import difflib
import re
import sys
from bisect import bisect_right
from collections import Counter
from pathlib import Path

from medialit.core.article import load_article
from medialit.core.spans import SENTENCE_LABELS, Annotations, Span, load_annotations
from medialit.exercises.scoring import Counts, count, match

CORPUS = Path(__file__).resolve().parents[1] / "course" / "corpus"
SAME_ARTICLE = {"ants-self-medication-interview": "ant-self-medication-interview"}
"""Second-annotation ids that differ from the first annotation's id."""


class OffsetMap:
    """Carries offsets of one text onto another through the blocks of text the two share."""

    def __init__(self, source: str, target: str) -> None:
        blocks = difflib.SequenceMatcher(None, source, target, autojunk=False).get_matching_blocks()
        self.blocks = [(b.a, b.b, b.size) for b in blocks if b.size]
        self.starts = [a for a, _, _ in self.blocks]

    def __call__(self, offset: int) -> int:
        i = max(0, bisect_right(self.starts, offset) - 1)
        a, b, size = self.blocks[i]
        return b + min(max(offset - a, 0), size)

    def span(self, span: Span) -> Span:
        return Span(self(span.start), self(span.end), span.label, span.reasons)


def sentence_pairs(first: Annotations, second: Annotations, carry: OffsetMap) -> list[tuple[str, str]]:
    """(first label, second label) for every sentence of the first annotation, paired by most shared text."""
    moved = [carry.span(s) for s in second.sentences]
    pairs = []
    for sentence in first.sentences:
        best = max(moved, key=sentence.overlap, default=None)
        if best is not None and sentence.overlap(best):
            pairs.append((sentence.label, best.label))
    return pairs


def kappa(pairs: list[tuple[str, str]]) -> float:
    """Cohen's kappa: agreement beyond what the two coders' label frequencies give by chance."""
    n = len(pairs)
    observed = sum(a == b for a, b in pairs) / n
    first, second = Counter(a for a, _ in pairs), Counter(b for _, b in pairs)
    chance = sum(first[label] * second[label] for label in SENTENCE_LABELS) / n**2
    return (observed - chance) / (1 - chance) if chance < 1 else 1.0


def alpha(pairs: list[tuple[str, str]]) -> float:
    """Krippendorff's alpha for two coders, nominal labels, no missing values; 1.0 when there is nothing to
    disagree on (no pairs, or one label only)."""
    values = Counter(label for pair in pairs for label in pair)
    total = sum(values.values())
    if total < 2 or len(values) < 2:
        return 1.0
    disagreed = 2 * sum(a != b for a, b in pairs) / total  # each disagreeing pair gives two ordered mismatches
    expected = sum(values[x] * values[y] for x in values for y in values if x != y) / (total * (total - 1))
    return 1 - disagreed / expected


def label_counts(pairs: list[tuple[str, str]], label: str) -> Counts:
    """One label's counts over (reference, other) label pairs, the first coder as reference."""
    return Counts(
        tp=sum(a == b == label for a, b in pairs),
        fp=sum(b == label != a for a, b in pairs),
        fn=sum(a == label != b for a, b in pairs),
    )


def label_f1(pairs: list[tuple[str, str]], label: str) -> float:
    return label_counts(pairs, label).f1


def cue_agreement(first: Annotations, second: Annotations, carry: OffsetMap) -> tuple[Counts, int, int]:
    """Cue F1 (first as reference) and, of the matched cues, how many agree on speaker and on kind."""
    cues = [Span(a.cue.start, a.cue.end, str(i)) for i, a in enumerate(first.attributions)]
    others = [Span(carry(a.cue.start), carry(a.cue.end), str(i)) for i, a in enumerate(second.attributions)]
    matches = match(others, cues, lambda x, y: x.overlap(y) * 2 >= max(x.end - x.start, y.end - y.start))
    matched = [
        (first.attributions[int(m.key.label)], second.attributions[int(m.answer.label)])
        for m in matches
        if m.status == "correct"
    ]
    speakers = sum(bool(_name_words(a.speaker) & _name_words(b.speaker)) for a, b in matched)
    return count(matches), speakers, sum(a.kind == b.kind for a, b in matched)


def _name_words(name: str) -> set[str]:
    return {w for w in re.findall(r"\w+", name.lower()) if len(w) > 2}


def compare(second_md: Path) -> dict[str, object]:
    article_id = second_md.name.removesuffix(".md")
    first_md = CORPUS / f"{SAME_ARTICLE.get(article_id, article_id)}.md"
    first_body, second_body = load_article(first_md).body, load_article(second_md).body
    first = load_annotations(first_md.with_suffix("").with_suffix(".gold.json"))
    second = load_annotations(second_md.with_suffix("").with_suffix(".gold.json"))
    carry = OffsetMap(second_body, first_body)
    pairs = sentence_pairs(first, second, carry)
    cues, speakers, kinds = cue_agreement(first, second, carry)
    return {
        "id": first_md.stem,
        "pairs": pairs,
        "cues": cues,
        "speakers": speakers,
        "kinds": kinds,
        "same_body": first_body == second_body,
    }


def report(results: list[dict[str, object]]) -> str:
    lines = [
        "| article | same body | sentences | observed | kappa | alpha | F1 attributed / unsupported / other "
        "| cue F1 | same speaker | same kind |",
        "|---|---|---:|---:|---:|---:|---|---:|---|---|",
    ]
    pooled: list[tuple[str, str]] = []
    cues_all, speakers_all, kinds_all = Counts(), 0, 0
    for r in results:
        pairs, cues = r["pairs"], r["cues"]
        pooled += pairs
        cues_all, speakers_all, kinds_all = cues_all + cues, speakers_all + r["speakers"], kinds_all + r["kinds"]
        lines.append(
            _row(str(r["id"]), "yes" if r["same_body"] else "no (mapped)", pairs, cues, r["speakers"], r["kinds"])
        )
    lines.append(_row("**pooled**", "", pooled, cues_all, speakers_all, kinds_all))
    return "\n".join(lines)


def _row(name: str, same: str, pairs: list, cues: Counts, speakers: int, kinds: int) -> str:
    observed = sum(a == b for a, b in pairs) / len(pairs)
    f1s = " / ".join(f"{label_f1(pairs, label):.2f}" for label in SENTENCE_LABELS)
    return (
        f"| {name} | {same} | {len(pairs)} | {observed:.2f} | {kappa(pairs):.2f} | {alpha(pairs):.2f} | {f1s} "
        f"| {cues.f1:.2f} ({cues.tp}/{cues.tp + cues.fn}) | {speakers}/{cues.tp} | {kinds}/{cues.tp} |"
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder", nargs="?", default=str(CORPUS / "second"), help="second annotations")
    args = parser.parse_args(argv)
    seconds = sorted(p for p in Path(args.folder).glob("*.md") if p.read_text(encoding="utf-8").startswith("---\n"))
    if not seconds:
        print(f"no second annotations in {args.folder}", file=sys.stderr)
        return 2
    print(report([compare(md) for md in seconds]))
    return 0


if __name__ == "__main__":
    sys.exit(main())
