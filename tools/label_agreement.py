"""Agreement on sentence labels between the gold files and blind re-annotations (python tools/label_agreement.py).

``course/corpus/blind-labels/NAME/ID.json`` holds one annotator's labels for
the gold sentences of article ID, given without the gold labels: the same
spans, a label and, for ``unsupported``, the annotator's reason. Because the
spans are the gold spans, sentences pair by position; no offsets are carried.

For every pair of coders on the same articles (the gold, each annotator and,
with ``--analyzer``, the analyzer) this prints, as Markdown for
``course/corpus/AGREEMENT.md``: sentences, observed agreement, Cohen's kappa,
Krippendorff's alpha and per-label F1 with the first coder as reference. The
question it answers is how far two careful readers of the guidelines agree on
``unsupported``: a ceiling for what the analyzer can be asked to reach.
"""

from __future__ import annotations

import argparse
import json
from itertools import combinations
from pathlib import Path

from medialit.core.spans import SENTENCE_LABELS, load_annotations

from corpus_agreement import alpha, kappa  # isort: skip  (tools/ is on the path when run as a script)

ROOT = Path(__file__).resolve().parents[1]
BLIND = ROOT / "course" / "corpus" / "blind-labels"
GOLD_DIRS = (ROOT.parent / "shared" / "corpus" / "dev", ROOT / "course" / "corpus")

Labels = dict[str, list[str]]
"""Article id -> one label per gold sentence, in body order."""


def gold_file(article_id: str) -> Path:
    for folder in GOLD_DIRS:
        path = folder / f"{article_id}.gold.json"
        if path.exists():
            return path
    raise SystemExit(f"error: no gold file for {article_id!r} in {', '.join(map(str, GOLD_DIRS))}")


def gold_labels(article_ids: list[str]) -> Labels:
    out = {}
    for article_id in article_ids:
        sentences = sorted(load_annotations(gold_file(article_id)).sentences, key=lambda s: s.start)
        out[article_id] = [s.label for s in sentences]
    return out


def blind_labels(folder: Path) -> Labels:
    """One annotator's labels, checked against the gold's sentence spans."""
    out = {}
    for path in sorted(folder.glob("*.json")):
        data = json.loads(path.read_text(encoding="utf-8"))
        gold = sorted(load_annotations(gold_file(data["article"])).sentences, key=lambda s: s.start)
        spans = [(s["start"], s["end"]) for s in data["sentences"]]
        if spans != [(s.start, s.end) for s in gold]:
            raise SystemExit(f"error: {path} does not label the gold sentences of {data['article']}; rebuild it")
        out[data["article"]] = [s["label"] for s in data["sentences"]]
    return out


def analyzer_labels(article_ids: list[str]) -> Labels:
    """The analyzer's label for each gold sentence (the label of the predicted sentence overlapping it most)."""
    from medialit.core.article import load_article
    from medialit.nlp.analysis import analyze
    from medialit.nlp.pipeline import load_pipeline

    nlp, out = load_pipeline(), {}
    for article_id in article_ids:
        path = gold_file(article_id)
        predicted = analyze(load_article(path.with_name(f"{article_id}.md")), nlp).sentences
        gold = sorted(load_annotations(path).sentences, key=lambda s: s.start)
        out[article_id] = [max(predicted, key=g.overlap).label for g in gold]
    return out


def f1(pairs: list[tuple[str, str]], label: str) -> tuple[float, float, float]:
    tp = sum(a == b == label for a, b in pairs)
    fp = sum(b == label != a for a, b in pairs)
    fn = sum(a == label != b for a, b in pairs)
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    return p, r, 2 * p * r / (p + r) if p + r else 0.0


def table(coders: dict[str, Labels]) -> str:
    lines = [
        "| reference / other | articles | sentences | observed | kappa | alpha | unsupported P / R / F1 "
        "| attributed F1 | other F1 |",
        "|---|---:|---:|---:|---:|---:|---|---:|---:|",
    ]
    for (first, a), (second, b) in combinations(coders.items(), 2):
        shared = sorted(set(a) & set(b))
        pairs = [pair for article in shared for pair in zip(a[article], b[article], strict=True)]
        if not pairs:
            continue
        observed = sum(x == y for x, y in pairs) / len(pairs)
        p, r, u = f1(pairs, "unsupported")
        lines.append(
            f"| {first} / {second} | {len(shared)} | {len(pairs)} | {observed:.2f} | {kappa(pairs):.2f} "
            f"| {alpha(pairs):.2f} | {p:.2f} / {r:.2f} / {u:.2f} | {f1(pairs, 'attributed')[2]:.2f} "
            f"| {f1(pairs, 'other')[2]:.2f} |"
        )
    return "\n".join(lines)


def counts(coders: dict[str, Labels]) -> str:
    lines = ["| coder | " + " | ".join(SENTENCE_LABELS) + " |", "|---|" + "---:|" * len(SENTENCE_LABELS)]
    for name, labels in coders.items():
        every = [label for article in labels.values() for label in article]
        lines.append(f"| {name} | " + " | ".join(str(every.count(x)) for x in SENTENCE_LABELS) + " |")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("groups", nargs="*", help="annotator folders under blind-labels/ (default: all)")
    parser.add_argument("--analyzer", action="store_true", help="also compare the analyzer's labels")
    args = parser.parse_args(argv)
    folders = [BLIND / g for g in args.groups] if args.groups else sorted(p for p in BLIND.iterdir() if p.is_dir())
    blind = {folder.name: blind_labels(folder) for folder in folders}
    articles = sorted({article for labels in blind.values() for article in labels})
    coders = {"gold": gold_labels(articles), **blind}
    if args.analyzer:
        coders["analyzer"] = analyzer_labels(articles)
    print(counts(coders), "", table(coders), sep="\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
