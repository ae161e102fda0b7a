"""Print the analyzer's figures for docs/analyzer.md as Markdown tables: tuning part, test part, per-article spread.

Run: ``python tools/analyzer_report.py ../shared/corpus/dev course/corpus``
"""

from __future__ import annotations

import argparse
import re
from collections import Counter, defaultdict
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from medialit.core.article import load_article
from medialit.core.spans import Span, load_annotations
from medialit.exercises.scoring import Counts, match
from medialit.nlp.analysis import analyze
from medialit.nlp.evaluate import DEV_ARTICLES, OVERLAP, SOURCE_TYPES, Evaluation, evaluate, gold_pairs, overlaps
from medialit.nlp.pipeline import load_pipeline
from medialit.nlp.sentence_labels import is_dated_report

if TYPE_CHECKING:
    from spacy.language import Language


def row(name: str, c: Counts) -> str:
    return f"| {name} | {c.tp} | {c.fp} | {c.fn} | {c.precision:.3f} | {c.recall:.3f} | {c.f1:.3f} |"


def table(title: str, e: Evaluation) -> list[str]:
    m = e.micro
    sentences = sum(c.tp + c.fn for c in m.sentences.values())
    named, pairs = m.speaker_strict
    lines = [
        f"### {title}: {len(e.articles)} articles, {sentences} sentences, "
        f"{m.attribution.tp + m.attribution.fn} gold attributions",
        "",
        "| measure | tp | fp | fn | P | R | F1 |",
        "|---|---|---|---|---|---|---|",
        row("attribution (cue overlaps, speaker right)", m.attribution),
        row("attribution, speaker named (strict: no credit for an overlapping source)", m.speaker_named),
        row("cue only", m.cue),
        row(f"content overlap >= {OVERLAP}, speaker right", m.overlap),
        row("content exact, speaker right", m.exact),
        row("attributed sentences", m.sentences["attributed"]),
        row("unsupported sentences", m.sentences["unsupported"]),
        row("other sentences", m.sentences["other"]),
        "",
        "Recall by gold kind: "
        + ", ".join(f"{k} {f}/{n} ({f / n:.2f})" for k, (f, n) in m.by_kind.items() if n)
        + f". Speaker named right in {named}/{pairs} cue-matched pairs ({named / max(1, pairs):.3f}); "
        f"kind as gold in {m.kind_agreed}/{m.attribution.tp}; mean content overlap F1 "
        f"{m.content_f1 / max(1, m.attribution.tp):.3f}.",
        "",
    ]
    lines += source_type_table(m)
    spread = e.spread()
    if spread:
        lines.append(
            "Per article (each article scored alone): "
            + "; ".join(
                f"{name} F1 mean {s['mean']:.3f}, min {s['min']:.3f} over {s['articles']} articles"
                for name, s in spread.items()
            )
            + "."
        )
        lines.append("")
    return lines


def source_type_table(m: Evaluation) -> list[str]:
    """Source-type accuracy (K18) of the attributions counted right, and gold type against the analyzer's."""
    agreed, typed = m.source_type_accuracy
    if not typed:
        return []
    predicted = [*SOURCE_TYPES, "pronoun"]
    lines = [
        f"Source type as gold (K18, `course/corpus/source-types.json`) in {agreed}/{typed} attributions counted "
        f"right ({agreed / typed:.3f}). Gold type (rows) against the analyzer's kind as a type (columns; "
        "person and organisation are named, pronoun is a pronoun left unresolved):",
        "",
        "| gold type | " + " | ".join(predicted) + " | accuracy |",
        "|---|" + "---|" * (len(predicted) + 1),
    ]
    for gold in SOURCE_TYPES:
        row = [m.source_types.get((gold, p), 0) for p in predicted]
        if sum(row):
            right = m.source_types.get((gold, gold), 0)
            cells = " | ".join(str(n) for n in row)
            lines.append(f"| {gold} | {cells} | {right}/{sum(row)} |")
    return [*lines, ""]


def genres(dirs: list[Path]) -> dict[str, str]:
    """Article id -> news report (a dateline, not an interview), interview (a dateline) or undated text."""
    out = {}
    for md, _ in gold_pairs(dirs):
        article = load_article(md)
        about = " ".join([article.id, str(article.meta.get("title", "")), str(article.meta.get("notes", ""))])
        dated = is_dated_report(article.body)
        out[article.id] = "interview" if dated and "interview" in about.lower() else "report" if dated else "undated"
    return out


def genre_table(everything: Evaluation, genre: dict[str, str]) -> list[str]:
    """Figures by part and genre, and the news reports without the seven dev articles the first rules came from."""
    lines = [
        "| part | texts | articles | attribution F1 (P / R) | attributed F1 | unsupported F1 (P / R) |",
        "|---|---|---|---|---|---|",
    ]
    groups = [
        ("news reports", lambda a: genre[a.article] == "report"),
        ("news reports, dev files left out", lambda a: genre[a.article] == "report" and a.article not in DEV_ARTICLES),
        ("interviews", lambda a: genre[a.article] == "interview"),
        ("undated texts", lambda a: genre[a.article] == "undated"),
    ]
    for part in ("tuning", "test"):
        for name, keep in groups:
            chosen = Evaluation([a for a in everything.articles if a.part == part and keep(a)])
            if not chosen.articles or (part == "test" and "dev" in name):
                continue
            m = chosen.micro
            a, u = m.attribution, m.sentences["unsupported"]
            lines.append(
                f"| {part} | {name} | {len(chosen.articles)} | {a.f1:.3f} ({a.precision:.2f} / {a.recall:.2f}) | "
                f"{m.sentences['attributed'].f1:.3f} | {u.f1:.3f} ({u.precision:.2f} / {u.recall:.2f}) |"
            )
    return [*lines, ""]


def rule_family(reason: str) -> str:
    """The rule family of an unsupported reason: its first words, before a colon, bracket or quotation."""
    return re.split(r"[:(‘']", reason)[0].strip()


def rule_construction(reason: str) -> str:
    """A finer key than ``rule_family``: the family with the words its reason names, so that one construction of a
    family can be told from another ("hedge: tend to", "a cause: due to", "vague source: stated").

    The words are the first ones the reason quotes ("hedge 'tend to': ...", "a cause ('due to') ..."), else the
    verb in brackets at its end ("vague source: officials (said)"), else what follows the colon ("hedge: may");
    lower case, digits as "#", at most three words.
    """
    family = rule_family(reason)
    quoted = re.search(r"[‘']([^‘’']+)[’']", reason)
    verb = re.search(r"\((?!K\d+\))([^()]+)\)\s*$", reason)  # not a rule number, "(K7)"
    words = quoted[1] if quoted else verb[1] if verb else reason.partition(":")[2]
    words = " ".join(re.sub(r"\d[\d,.]*", "#", words.lower()).split()[:3])
    return f"{family}: {words}" if words else family


def rule_flags(
    reference: Sequence[Span], predicted: Sequence[Span], alone: bool = False, key: Callable[[str], str] = rule_family
) -> Counter:
    """(rule family, reference label) -> sentences the analyzer flags unsupported with a rule of that family.

    ``alone``: only the sentences that family alone flags (dropping the rule would change exactly these).
    ``key``: what a reason is counted under, its family or (``rule_construction``) the construction in it.

    A flag is paired as ``medialit evaluate`` pairs unsupported sentences (one to one, largest overlap first),
    so the ``unsupported`` counts are evaluate's true positives; an unpaired flag, one of its false positives,
    counts under the other reference sentence it overlaps most (``none`` when it overlaps no other one).
    """
    flagged = [s for s in predicted if s.label == "unsupported"]
    paired = match(flagged, [s for s in reference if s.label == "unsupported"], overlaps)
    right = {id(m.answer) for m in paired if m.status == "correct"}
    others = [s for s in reference if s.label != "unsupported"]
    flags: Counter = Counter()
    for sentence in flagged:
        label = "unsupported" if id(sentence) in right else label_overlapping_most(others, sentence)
        keys = dict.fromkeys(map(key, sentence.reasons))
        deciding = {key(reason) for reason in sentence.reasons if rule_family(reason) not in NOTES}
        if not alone or len(deciding) == 1:
            flags.update((k, label) for k in keys)
    return flags


NOTES = frozenset({"aside"})
"""Reason families that only annotate a flag another rule made ("aside: X (said) ..."), never flag alone."""


def label_overlapping_most(spans: Sequence[Span], sentence: Span) -> str:
    """The label of the span sharing the most characters with ``sentence`` ("none" when none overlaps): sentences
    are paired by overlap, as the analyzer and the gold may split them differently."""
    near = max(spans, key=sentence.overlap, default=None)
    return near.label if near is not None and near.overlap(sentence) > 0 else "none"


def flag_rows(name: str, flags: Counter) -> list[str]:
    """Table rows of ``rule_flags``: one per rule family, the most flagged first; reference unsupported, other,
    attributed."""
    families: Counter = Counter()
    for (family, _), n in flags.items():
        families[family] += n
    return [
        f"| {name} | {family} | "
        + " | ".join(str(flags[(family, label)]) for label in ("unsupported", "other", "attributed"))
        + " |"
        for family, _ in families.most_common()
    ]


def rule_confusion(dirs: list[Path], genre: dict[str, str], nlp: Language) -> list[str]:
    """Tuning part only: for each rule that made a sentence unsupported, the gold labels of those sentences."""
    table: dict[str, Counter] = defaultdict(Counter)
    for md, gold_path in gold_pairs(dirs, "tuning"):
        article = load_article(md)
        texts = "news reports" if genre[article.id] == "report" else "other texts"
        table[texts] += rule_flags(load_annotations(gold_path).sentences, analyze(article, nlp).sentences)
    lines = [
        "| texts | rule (first words of the reason) | gold unsupported | gold other | gold attributed |",
        "|---|---|---|---|---|",
    ]
    for texts, flags in sorted(table.items()):
        lines += flag_rows(texts, flags)
    return [*lines, ""]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("dirs", nargs="+", type=Path)
    args = parser.parse_args()
    nlp = load_pipeline()
    everything = evaluate(args.dirs, nlp)
    lines = []
    for part in ("tuning", "test"):
        chosen = everything.part(part)
        if chosen.articles:
            lines += table(f"{part.capitalize()} part", chosen)
    genre = genres(args.dirs)
    lines += genre_table(everything, genre)
    lines += rule_confusion(args.dirs, genre, nlp)
    lines += ["| article | part | attribution F1 | attributed F1 | unsupported F1 |", "|---|---|---|---|---|"]
    for a in everything.articles:
        if a.part == "test":
            continue  # the test part is scored as a whole, never read article by article
        scores = (a.attribution.f1, a.sentences["attributed"].f1, a.sentences["unsupported"].f1)
        lines.append(f"| {a.article} | {a.part} | " + " | ".join(f"{v:.2f}" for v in scores) + " |")
    print("\n".join(lines))


if __name__ == "__main__":
    main()
