"""Print how much analyze() costs beside the bare parse: ratio of analyze(article) to nlp(text).

Usage: .venv/bin/python benchmarks/bench_analyze_per_article.py [DIR ...]   (default: ../shared/corpus/dev)

Both sides use the same cached pipeline; the bare side is also timed on the
model exactly as spacy.load gives it (without medialit's paragraph component).
Each article is timed REPEAT times per side, alternating, and the median taken.
"""

from __future__ import annotations

import statistics
import sys
import time
from pathlib import Path

import spacy

from medialit.core.article import load_article
from medialit.nlp.analysis import analyze
from medialit.nlp.pipeline import load_pipeline, model_in_use, model_name

REPEAT = 7


def median_seconds(action) -> float:
    times = []
    for _ in range(REPEAT):
        start = time.perf_counter()
        action()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def main(folders: list[str]) -> None:
    nlp = load_pipeline()
    raw = spacy.load(model_name())
    paths = sorted(p for folder in folders for p in Path(folder).glob("*.md") if p.name != "SOURCES.md")
    articles = [load_article(p) for p in paths]
    analyze(articles[0], nlp)  # warm up lexicons and matchers
    total_analyze = total_parse = total_raw = 0.0
    print(f"model {model_in_use(nlp)}; median of {REPEAT} runs per article")
    print(f"{'article':<36} {'words':>6} {'nlp ms':>7} {'raw ms':>7} {'analyze ms':>10} {'ratio':>6}")
    for article in articles:
        parse = median_seconds(lambda a=article: nlp(a.body))
        bare = median_seconds(lambda a=article: raw(a.body))
        full = median_seconds(lambda a=article: analyze(a, nlp))
        total_parse, total_raw, total_analyze = total_parse + parse, total_raw + bare, total_analyze + full
        print(
            f"{article.id[:36]:<36} {article.words():>6} {parse * 1e3:>7.1f} {bare * 1e3:>7.1f} "
            f"{full * 1e3:>10.1f} {full / parse:>6.2f}"
        )
    print(
        f"{'total':<36} {'':>6} {total_parse * 1e3:>7.1f} {total_raw * 1e3:>7.1f} {total_analyze * 1e3:>10.1f} "
        f"{total_analyze / total_parse:>6.2f}"
    )
    print(f"ratio analyze / raw spacy.load parse: {total_analyze / total_raw:.2f}")


if __name__ == "__main__":
    default = str(Path(__file__).resolve().parents[1].parent / "shared/corpus/dev")
    main(sys.argv[1:] or [default])
