"""How much do framing cues add to parsing? Prints numbers; asserts nothing.

    python benchmarks/bench_framing.py [--runs N]

Times ``framing_cues(doc)`` on an already parsed doc against the bare
``nlp(text)`` that made it (the model's parse, medialit's analysis stages
disabled), for the example article and for a 5,000-word article, and the
one-off cost of compiling the matchers for a new vocabulary.
The whole analyzer may cost 1.3 times ``nlp(text)``; framing should take a
small share of that.
"""

from __future__ import annotations

import argparse
import time

import spacy
from bench_analyze import SHARED, long_article, median_seconds


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=7, help="timed runs per measurement (median shown)")
    args = parser.parse_args(argv)

    from medialit.core.article import load_article
    from medialit.nlp import framing, pipeline
    from medialit.nlp.components import ANALYSIS_PIPES

    nlp = pipeline.load_pipeline()
    start = time.perf_counter()
    framing._rules(spacy.blank("en").vocab)
    print(f"compiling the framing matchers for a new vocabulary: {(time.perf_counter() - start) * 1000:.0f} ms")
    for label, article in (
        ("example article", load_article("stoere-putin-call")),
        ("5,000-word article", long_article(5000, SHARED)),
    ):
        doc = nlp(article.body, disable=ANALYSIS_PIPES)  # the parse alone, as framing_cues gets it
        framing.framing_cues(doc)  # warm
        bare = median_seconds(lambda a=article: nlp(a.body, disable=ANALYSIS_PIPES), args.runs)
        ours = median_seconds(lambda d=doc: framing.framing_cues(d), args.runs)
        print(
            f"{label} ({article.words()} words): nlp(text) {bare * 1000:.0f} ms, framing_cues {ours * 1000:.1f} ms "
            f"= {ours / bare:.1%} of parsing, {len(framing.framing_cues(doc))} cues"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
