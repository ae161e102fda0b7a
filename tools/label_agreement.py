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

``--rules`` checks the analyzer's ``unsupported`` rules instead: against the
reader-labelled reports (``course/corpus/reader-labelled/``, news no rule was
tuned on) and against the gold of the two halves of the tuning part (half A:
``sha256(id + "1")`` even), it prints unsupported P/R/F1 and, per rule family
(the first words of the reason), how many sentences the rule flags that the
reference labels unsupported, other or attributed: the count
``tools/analyzer_report.py`` prints (``rule_flags``, a flag paired with the
reference as ``medialit evaluate`` pairs sentences). ``--rules --words`` counts
each construction instead (the family with the words its reason names:
"hedge: tend to", "a cause: due to"), those with a false flag only, the ones
false in the most sets first; ``--cache DIR`` keeps the model's parses there.
"""

from __future__ import annotations

import argparse
import json
from collections import Counter
from itertools import combinations
from pathlib import Path
from typing import TYPE_CHECKING

from medialit.core.spans import SENTENCE_LABELS, Span, load_annotations

from _corpus import GOLD_DIRS, READERS, REPO, CachedParser, reader_labelled  # isort: skip  (tools/ on the path)
from analyzer_report import flag_rows, rule_construction, rule_family, rule_flags  # isort: skip
from corpus_agreement import alpha, kappa, label_counts  # isort: skip

if TYPE_CHECKING:
    from collections.abc import Callable

    from spacy.language import Language

BLIND = REPO / "course" / "corpus" / "blind-labels"

Labels = dict[str, list[str]]
"""Article id -> one label per gold sentence, in body order."""


def gold_file(article_id: str) -> Path:
    for folder in GOLD_DIRS:
        path = folder / f"{article_id}.gold.json"
        if path.exists():
            return path
    raise SystemExit(f"error: no gold file for {article_id!r} in {', '.join(map(str, GOLD_DIRS))}")


def gold_sentences(article_id: str) -> list[Span]:
    """The gold sentences of an article in body order: the units every coder labels."""
    return sorted(load_annotations(gold_file(article_id)).sentences, key=lambda s: s.start)


def gold_labels(article_ids: list[str]) -> Labels:
    return {article_id: [s.label for s in gold_sentences(article_id)] for article_id in article_ids}


def blind_labels(folder: Path) -> Labels:
    """One annotator's labels, checked against the gold's sentence spans."""
    out = {}
    for path in sorted(folder.glob("*.json")):
        data = json.loads(path.read_text(encoding="utf-8"))
        gold = gold_sentences(data["article"])
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
        predicted = analyze(load_article(gold_file(article_id).with_name(f"{article_id}.md")), nlp).sentences
        out[article_id] = [label for _, label in compare(gold_sentences(article_id), predicted)]
    return out


def f1(pairs: list[tuple[str, str]], label: str) -> tuple[float, float, float]:
    """Precision, recall and F1 of ``label``, the first coder as reference."""
    c = label_counts(pairs, label)
    return c.precision, c.recall, c.f1


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


def half(article_id: str) -> str:
    """The half of the tuning part an article falls in, named A or B in the tables."""
    from medialit.nlp.evaluate import tuning_half

    return "AB"[tuning_half(article_id)]


Flags = Counter
"""(rule family, reference label) -> sentences the analyzer flags unsupported with that rule (``rule_flags``)."""


def compare(reference: list[Span], predicted: list[Span]) -> list[tuple[str, str]]:
    """(reference, analyzer) label pairs, one per reference sentence (the analyzer's sentence overlapping it most)."""
    return [(sentence.label, max(predicted, key=sentence.overlap).label) for sentence in reference]


def reader_set(nlp: Language, key: Callable[[str], str] = rule_family) -> tuple[list[tuple[str, str]], Flags, Flags]:
    """The readers' labels against the analyzer's on the reader-labelled reports, with all flags and lone ones
    (counted under ``key`` of each reason, as ``rule_flags`` does)."""
    from medialit.nlp.analysis import analyze

    pairs: list[tuple[str, str]] = []
    flags: Flags = Counter()
    alone: Flags = Counter()
    for article, reference, _ in reader_labelled():
        predicted = analyze(article, nlp).sentences
        pairs += compare(reference, predicted)
        flags += rule_flags(reference, predicted, key=key)
        alone += rule_flags(reference, predicted, alone=True, key=key)
    return pairs, flags, alone


def tuning_halves(
    nlp: Language, key: Callable[[str], str] = rule_family
) -> tuple[list[str], dict[str, Flags], dict[str, Flags]]:
    """Figures of the two tuning halves against the gold (all texts, news reports), their rule flags and the
    flags one rule family makes alone."""
    from medialit.core.article import load_article
    from medialit.nlp.analysis import analyze
    from medialit.nlp.evaluate import Evaluation, gold_pairs, load_source_types, score_article

    from analyzer_report import genres  # isort: skip

    types = load_source_types(GOLD_DIRS)
    flags: dict[str, Flags] = {"A": Counter(), "B": Counter()}
    alone: dict[str, Flags] = {"A": Counter(), "B": Counter()}
    scores = []
    for md, gold_path in gold_pairs(GOLD_DIRS, "tuning"):  # one analysis per article serves figures and flags
        article = load_article(md)
        analysis = analyze(article, nlp)
        scores.append(score_article(md, gold_path, nlp, types.get(article.id, {}), analysis))
        gold = load_annotations(gold_path).sentences
        flags[half(article.id)] += rule_flags(gold, analysis.sentences, key=key)
        alone[half(article.id)] += rule_flags(gold, analysis.sentences, alone=True, key=key)
    everything = Evaluation(scores)
    genre = genres(list(GOLD_DIRS))
    lines = [
        "| half | texts | articles | attribution F1 | attributed F1 | unsupported P / R / F1 |",
        "|---|---|---|---:|---:|---|",
    ]
    for name in ("A", "B"):
        for texts, keep in (("all", lambda a: True), ("news reports", lambda a: genre[a] == "report")):
            chosen = Evaluation([a for a in everything.articles if half(a.article) == name and keep(a.article)])
            m = chosen.micro
            u = m.sentences["unsupported"]
            lines.append(
                f"| {name} | {texts} | {len(chosen.articles)} | {m.attribution.f1:.3f} "
                f"| {m.sentences['attributed'].f1:.3f} | {u.precision:.2f} / {u.recall:.2f} / {u.f1:.3f} |"
            )
    return lines, flags, alone


def flag_table(flags: dict[str, Flags]) -> str:
    lines = [
        "| reference | rule (first words of the reason) | unsupported | other | attributed |",
        "|---|---|---:|---:|---:|",
    ]
    for name, counts in flags.items():
        lines += flag_rows(name, counts)
    return "\n".join(lines)


def _cell(counts: Flags, family: str) -> str:
    """ "right / false (precision)" of one rule family in one set; a false flag is any other reference label."""
    right = counts[(family, "unsupported")]
    false = sum(n for (f, label), n in counts.items() if f == family and label != "unsupported")
    return f"{right} / {false} ({right / (right + false):.2f})" if right + false else "-"


def rule_precision_table(flags: dict[str, Flags], alone: dict[str, Flags]) -> str:
    """Per rule family, side by side for every set: the flags it takes part in and those it makes alone.

    A rule holds when its precision is high in every set; one that swings between the sets was fitted to one.
    """
    totals: Counter = Counter()
    for counts in flags.values():
        for (family, _), n in counts.items():
            totals[family] += n
    names = list(flags)
    lines = [
        "| rule | " + " | ".join(names) + " | " + " | ".join(f"{n}, alone" for n in names) + " |",
        "|---|" + "---:|" * (2 * len(names)),
    ]
    for family, _ in totals.most_common():
        cells = [_cell(flags[n], family) for n in names] + [_cell(alone[n], family) for n in names]
        lines.append(f"| {family} | " + " | ".join(cells) + " |")
    return "\n".join(lines)


def construction_table(flags: dict[str, Flags], alone: dict[str, Flags]) -> str:
    """``rule_precision_table`` by construction (``rule_construction``), only those with a false flag somewhere:
    first the ones false in the most sets, then the most false flags. A construction whose false flags recur in
    every set, with few right ones, is where a narrowing can hold on text it was not written from."""
    names = list(flags)
    false: Counter = Counter()
    sets: dict[str, set[str]] = {}
    for name, counts in flags.items():
        for (construction, label), n in counts.items():
            if label != "unsupported":
                false[construction] += n
                sets.setdefault(construction, set()).add(name)
    lines = [
        "| construction | sets with a false flag | "
        + " | ".join(names)
        + " | "
        + " | ".join(f"{n}, alone" for n in names)
        + " |",
        "|---|---:|" + "---:|" * (2 * len(names)),
    ]
    for construction in sorted(false, key=lambda c: (-len(sets[c]), -false[c], c)):
        cells = [_cell(flags[n], construction) for n in names] + [_cell(alone[n], construction) for n in names]
        lines.append(f"| {construction} | {len(sets[construction])} | " + " | ".join(cells) + " |")
    return "\n".join(lines)


def rules_report(words: bool = False, cache: Path | None = None) -> str:
    """The analyzer's unsupported rules against the readers and against the two tuning halves' gold; ``words``:
    per construction (the family and the words its reason names) instead of per family; ``cache``: a folder
    for the model's parses (``_corpus.CachedParser``), so that a rule change is scored in seconds."""
    from medialit.nlp.pipeline import load_pipeline

    nlp = load_pipeline()
    if cache is not None:
        nlp = CachedParser(nlp, cache)
    key = rule_construction if words else rule_family
    pairs, reader_flags, reader_alone = reader_set(nlp, key)
    p, r, u = f1(pairs, "unsupported")
    head = (
        f"Reader-labelled reports: {len(list(READERS.glob('*.labels.json')))} articles, {len(pairs)} sentences; "
        f"analyzer unsupported P {p:.2f} / R {r:.2f} / F1 {u:.3f} "
        f"({sum(a == b == 'unsupported' for a, b in pairs)} right of {sum(b == 'unsupported' for _, b in pairs)} "
        f"flagged, readers {sum(a == 'unsupported' for a, _ in pairs)}); attributed F1 {f1(pairs, 'attributed')[2]:.3f}"
    )
    halves, tuning_flags, tuning_alone = tuning_halves(nlp, key)
    flags = {"readers": reader_flags, **{f"gold {k}": v for k, v in tuning_flags.items()}}
    alone = {"readers": reader_alone, **{f"gold {k}": v for k, v in tuning_alone.items()}}
    if words:
        per = "Per construction with a false flag, right / false flags (precision), every flag and its lone ones:"
        return "\n".join([head, "", *halves, "", per, "", construction_table(flags, alone)])
    per_rule = "Per rule, right / false flags (precision), every flag it takes part in and the ones it makes alone:"
    return "\n".join([head, "", *halves, "", flag_table(flags), "", per_rule, "", rule_precision_table(flags, alone)])


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("groups", nargs="*", help="annotator folders under blind-labels/ (default: all)")
    parser.add_argument("--analyzer", action="store_true", help="also compare the analyzer's labels")
    parser.add_argument(
        "--rules", action="store_true", help="the analyzer's unsupported rules against the readers and tuning halves"
    )
    parser.add_argument(
        "--words", action="store_true", help="with --rules: per construction (the words a reason names), not family"
    )
    parser.add_argument("--cache", type=Path, help="with --rules: keep the model's parses in this folder")
    args = parser.parse_args(argv)
    if (args.words or args.cache) and not args.rules:
        parser.error("--words and --cache go with --rules: add --rules")
    if args.rules:
        print(rules_report(words=args.words, cache=args.cache))
        return 0
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
