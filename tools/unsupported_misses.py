"""Unsupported-sentence errors of the tuning part: the gold's unsupported sentences left unflagged, and the flags
the gold does not confirm, grouped so that a round can work from groups across articles.

Misses are grouped by what the analyzer said instead (its label and the first words of its first reason: "other
/ no cue ...", "attributed / said"); false flags by rule family (the first words of each reason, as
``tools/analyzer_report.py`` counts them), with the gold's label. Each line gives the article and its tuning
half. Flags pair with gold sentences as ``medialit evaluate`` pairs them (``analyzer_report.rule_flags``). Only
the tuning part is listed: the test part is never read sentence by sentence. Parses are cached as in
``tools/_corpus.py`` (``CachedParser``).

Run: ``python tools/unsupported_misses.py ../shared/corpus/dev course/corpus [--texts report|undated|interview|all]``
"""

from __future__ import annotations

import argparse
from collections import defaultdict
from pathlib import Path
from typing import TYPE_CHECKING

from medialit.core.article import load_article
from medialit.core.spans import Span, load_annotations
from medialit.exercises.scoring import match
from medialit.nlp.analysis import analyze
from medialit.nlp.evaluate import gold_pairs, overlaps, tuning_half
from medialit.nlp.pipeline import load_pipeline

from analyzer_report import genres, label_overlapping_most, rule_family  # isort: skip  (tools/ is on the path)
from _corpus import CachedParser, add_cache_option  # isort: skip

if TYPE_CHECKING:
    from spacy.language import Language

Groups = dict[str, list[str]]
"""Group name -> one line per sentence."""


def errors(reference: list[Span], predicted: list[Span], body: str, where: str) -> tuple[Groups, Groups]:
    """(misses, false flags) of one article, grouped; ``where`` names the article and its half on each line."""
    flagged = [s for s in predicted if s.label == "unsupported"]
    pairs = match(flagged, [s for s in reference if s.label == "unsupported"], overlaps)
    others = [s for s in reference if s.label != "unsupported"]
    misses: Groups = defaultdict(list)
    flags: Groups = defaultdict(list)
    for pair in pairs:
        if pair.key is not None and pair.answer is None:
            said = max(predicted, key=pair.key.overlap)
            group = f"{said.label} / {rule_family(said.reasons[0]) if said.reasons else '-'}"
            misses[group].append(f"{where} | {_text(pair.key, body)}")
        elif pair.key is None and pair.answer is not None:
            gold = label_overlapping_most(others, pair.answer)
            families = list(dict.fromkeys(map(rule_family, pair.answer.reasons)))
            for family in families:  # a flag with two reasons is listed under both families
                flags[family].append(f"{where} | gold {gold} | {' + '.join(families)} | {_text(pair.answer, body)}")
    return misses, flags


def _text(span: Span, body: str, width: int = 240) -> str:
    text = " ".join(span.text(body).split())
    return text if len(text) <= width else text[: width - 3] + "..."


def report(dirs: list[Path], parser: Language | CachedParser, texts: str) -> list[str]:
    genre = genres(dirs)
    misses: Groups = defaultdict(list)
    flags: Groups = defaultdict(list)
    for md, gold_path in gold_pairs(dirs, "tuning"):
        article = load_article(md)
        if texts != "all" and genre[article.id] != texts:
            continue
        where = f"{article.id} ({'AB'[tuning_half(article.id)]})"
        predicted = analyze(article, parser).sentences
        m, f = errors(load_annotations(gold_path).sentences, predicted, article.body, where)
        for group, lines in m.items():
            misses[group] += lines
        for group, lines in f.items():
            flags[group] += lines
    flagged = len({item for items in flags.values() for item in items})
    return [
        *_section("missed gold unsupported, by what the analyzer said", misses, sum(map(len, misses.values()))),
        *_section("false flags, by rule family (a flag with two families is listed twice)", flags, flagged),
    ]


def _section(title: str, groups: Groups, total: int) -> list[str]:
    lines = [f"\n# {title}: {total}"]
    for group, items in sorted(groups.items(), key=lambda kv: -len(kv[1])):
        articles = len({item.split(" | ")[0] for item in items})
        lines.append(f"\n## {group}: {len(items)} in {articles} articles")
        lines += [f"  - {item}" for item in items]
    return lines


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("dirs", nargs="+", type=Path)
    parser.add_argument("--texts", choices=("report", "undated", "interview", "all"), default="report")
    add_cache_option(parser)
    args = parser.parse_args()
    print("\n".join(report(args.dirs, CachedParser(load_pipeline(), args.cache), args.texts)))


if __name__ == "__main__":
    main()
