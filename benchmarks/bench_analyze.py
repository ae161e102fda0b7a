"""How fast is the analyzer? Prints numbers; asserts nothing (timings never go in tests).

    python benchmarks/bench_analyze.py [--runs N] [--shared PATH]

Reports the model load time, the time to read the lexicons (and the
unsupported-sentence judge, if one ships), the warm analysis time of the example article
and of a 5,000-word article (dev corpus bodies joined), and the ratio of
``analyze()`` to the bare parse on the same text: ``nlp(text)`` with medialit's
analysis stages disabled, so the model and the paragraph component only (medians
of ``--runs`` runs). The goal for that ratio is 1.3 or less: medialit's rules
should cost little next to the parser.
"""

from __future__ import annotations

import argparse
import statistics
import time
from collections.abc import Callable
from pathlib import Path

SHARED = Path(__file__).resolve().parents[1].parent / "shared"
GOAL = 1.3


def median_seconds(work: Callable[[], object], runs: int) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        work()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def load_data() -> float:
    """Seconds to read every lexicon and build the lookups the analyzer keeps (cold, in this process)."""
    from medialit.nlp.claims import evaluative_words
    from medialit.nlp.lexicons import lexicon_names, load_lexicon
    from medialit.nlp.reporting_lexicon import phrase_lexicon, verb_lexicon
    from medialit.nlp.sources import document_heads, source_nouns, title_words, vague_heads
    from medialit.nlp.unsupported_model import load_model

    start = time.perf_counter()
    for name in lexicon_names():
        load_lexicon(name)
    verb_lexicon(), phrase_lexicon(), evaluative_words(), load_model()
    source_nouns(), document_heads(), title_words(), vague_heads()
    return time.perf_counter() - start


def long_article(words: int, shared: Path):
    """Dev corpus bodies (or the example, if the corpus is absent) joined until ``words`` words."""
    from medialit.core.article import from_text, load_article

    golds = sorted((shared / "corpus" / "dev").glob("*.gold.json"))
    paths = [g.with_name(g.name.replace(".gold.json", ".md")) for g in golds]
    bodies = [load_article(p).body for p in paths] or [load_article("stoere-putin-call").body]
    parts: list[str] = []
    while sum(len(b.split()) for b in parts) < words:
        parts.append(bodies[len(parts) % len(bodies)])
    return from_text("\n\n".join(parts), title=f"{words}-word benchmark article")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=7, help="timed runs per measurement (median shown)")
    parser.add_argument("--shared", type=Path, default=SHARED, help="the shared folder holding corpus/dev")
    args = parser.parse_args(argv)

    start = time.perf_counter()
    import spacy  # noqa: F401  (import cost shown on its own)

    imported = time.perf_counter() - start
    from medialit.core.article import load_article
    from medialit.nlp import pipeline
    from medialit.nlp.analysis import analyze
    from medialit.nlp.components import ANALYSIS_PIPES

    start = time.perf_counter()
    nlp = pipeline.load_pipeline()
    loaded = time.perf_counter() - start
    print(f"model: {pipeline.model_in_use(nlp)}")
    data = load_data()
    print(f"spaCy import {imported:.2f} s; model load {loaded:.2f} s; lexicons and judge {data:.2f} s")
    verdict = "meets" if data < 1.0 else "misses"
    print(f"medialit's own data (lexicons, judge) {data:.2f} s: {verdict} the goal of < 1 s")

    articles = [
        ("example article", load_article("stoere-putin-call")),
        ("5,000-word article", long_article(5000, args.shared)),
    ]
    ratios = []
    for label, article in articles:
        analyze(article, nlp)  # warm: first-call set-up is not part of the steady state
        nlp(article.body, disable=ANALYSIS_PIPES)
        # nlp given: the analyzer runs (without it, the example article's shipped analysis would be read)
        ours = median_seconds(lambda a=article: analyze(a, nlp), args.runs)
        bare = median_seconds(lambda a=article: nlp(a.body, disable=ANALYSIS_PIPES), args.runs)
        ratios.append(ours / bare)
        print(
            f"{label} ({article.words()} words): analyze {ours * 1000:.0f} ms, bare parse {bare * 1000:.0f} ms, "
            f"ratio {ours / bare:.2f} (median of {args.runs})"
        )
    verdict = "meets" if max(ratios) <= GOAL else "misses"
    print(f"worst ratio {max(ratios):.2f}: {verdict} the goal of <= {GOAL}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
