"""Train the unsupported-sentence model (``src/medialit/nlp/models/unsupported.json``) on the tuning part.

Candidates are the sentences the rules leave as ``other`` in the article's own
voice (not a heading, not a question); the target is the gold label
``unsupported``. The model is an L2-regularised logistic regression fitted by
gradient descent (NumPy, fixed settings, no randomness: the same corpus gives
the same weights). The decision threshold is the one with the best
leave-one-article-out F1 of the final ``unsupported`` label over the tuning
articles; that figure is written into the file. The model is written only
when it beats the rules alone on that measure, so a model that does not help
never ships. Test-part articles (``medialit.nlp.evaluate.part_of``) are never read.

Run: ``python tools/train_unsupported.py ../shared/corpus/dev course/corpus``
"""

from __future__ import annotations

import argparse
import json
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import numpy as np

from medialit.exercises.scoring import Counts

OUT = Path(__file__).parents[1] / "src/medialit/nlp/models/unsupported.json"
L2 = 1.0
STEPS = 3000
RATE = 0.5
MIN_GAIN = 0.02  # a smaller leave-one-article-out gain is within one article's noise: not worth weaker reasons


@dataclass
class Article:
    id: str
    x: list[list[float]]
    y: list[int]
    fixed: Counts  # the rule labels' counts outside the candidates


def collect(dirs: list[Path]) -> list[Article]:
    from medialit.core.article import load_article
    from medialit.core.spans import load_annotations
    from medialit.nlp.attribution import find_attributions
    from medialit.nlp.evaluate import gold_pairs
    from medialit.nlp.framing import framing_cues
    from medialit.nlp.pipeline import load_pipeline
    from medialit.nlp.quotes import find_quotes
    from medialit.nlp.sentence_labels import candidate_features, label_sentences

    nlp = load_pipeline()
    out = []
    for md, gold_path in gold_pairs(dirs, "tuning"):  # the test part is never read
        article, gold = load_article(md), load_annotations(gold_path)
        doc = nlp(article.body)
        labels = label_sentences(doc, article, find_attributions(doc, article), framing_cues(doc), judge=None)
        quotes = find_quotes(article.body)
        x, y, fixed = [], [], Counts()
        for position, span in enumerate(labels):
            truth = max(gold.sentences, key=span.overlap).label == "unsupported"
            text = article.body[span.start : span.end].rstrip().rstrip("\"”’'»)")
            candidate = span.label == "other" and span.reasons != ("heading",) and not text.endswith("?")
            if candidate:
                x.append(candidate_features(doc, article, quotes, position))
                y.append(int(truth))
            else:
                predicted = span.label == "unsupported"
                fixed += Counts(int(predicted and truth), int(predicted and not truth), int(truth and not predicted))
        out.append(Article(article.id, x, y, fixed))
    return out


def fit(x: np.ndarray, y: np.ndarray) -> tuple[np.ndarray, float]:
    """L2-regularised logistic regression by full-batch gradient descent, positives weighted to balance."""
    w, b = np.zeros(x.shape[1]), 0.0
    weight = np.where(y == 1, (len(y) - y.sum()) / max(1, y.sum()), 1.0)
    for _ in range(STEPS):
        p = 1 / (1 + np.exp(-(x @ w + b)))
        error = (p - y) * weight
        w -= RATE * (x.T @ error / len(y) + L2 * w / len(y))
        b -= RATE * error.mean()
    return w, float(b)


def leave_one_out(articles: list[Article]) -> list[tuple[np.ndarray, np.ndarray]]:
    """(probabilities, truths) of each article's candidates from a model trained on the other articles."""
    out = []
    for k, held in enumerate(articles):
        rest = [a for j, a in enumerate(articles) if j != k]
        x = np.array([v for a in rest for v in a.x])
        y = np.array([v for a in rest for v in a.y])
        w, b = fit(x, y)
        xs = np.array(held.x) if held.x else np.zeros((0, x.shape[1]))
        out.append((1 / (1 + np.exp(-(xs @ w + b))), np.array(held.y)))
    return out


def counts_at(articles: list[Article], loo, threshold: float | None) -> Counts:
    """The final ``unsupported`` label's counts: the rules' outside the candidates, the model's at ``threshold``
    on them (None: the rules alone, no candidate chosen)."""
    total = sum((a.fixed for a in articles), Counts())
    for p, y in loo:
        chosen = p >= threshold if threshold is not None else np.zeros(len(y), bool)
        total += Counts(int((chosen & (y == 1)).sum()), int((chosen & (y == 0)).sum()), int((~chosen & (y == 1)).sum()))
    return total


def main() -> None:
    from medialit.nlp.unsupported_model import NAMES

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("dirs", nargs="+", type=Path, help="corpus folders (only their tuning articles are read)")
    parser.add_argument("--out", type=Path, default=OUT)
    parser.add_argument("--force", action="store_true", help="write the model even without a gain")
    args = parser.parse_args()
    articles = collect(args.dirs)
    loo = leave_one_out(articles)
    rules_only = counts_at(articles, loo, None)
    grid = [round(t, 2) for t in np.arange(0.5, 0.96, 0.05)]
    scored = [(counts_at(articles, loo, t).f1, t) for t in grid]
    best_f1, threshold = max(scored, key=lambda s: (round(s[0], 3), s[1]))  # ties: the stricter threshold
    x = np.array([v for a in articles for v in a.x])
    y = np.array([v for a in articles for v in a.y])
    w, b = fit(x, y)
    chosen = counts_at(articles, loo, threshold)
    data = {
        "features": list(NAMES),
        "weights": [round(float(v), 6) for v in w],
        "bias": round(b, 6),
        "threshold": threshold,
        "trained": {
            "date": date.today().isoformat(),
            "script": "tools/train_unsupported.py",
            "settings": {"l2": L2, "steps": STEPS, "rate": RATE, "positive_weight": "balanced"},
            "articles": [a.id for a in articles],
            "candidates": len(y),
            "candidates_unsupported": int(y.sum()),
        },
        "leave_one_article_out": {
            "unsupported_f1_rules_only": round(rules_only.f1, 4),
            "unsupported_f1_with_model": round(best_f1, 4),
            "tp": chosen.tp,
            "fp": chosen.fp,
            "fn": chosen.fn,
            "by_threshold": {str(t): round(s, 4) for s, t in scored},
        },
    }
    gain = best_f1 >= rules_only.f1 + MIN_GAIN
    if gain or args.force:
        args.out.parent.mkdir(parents=True, exist_ok=True)
        args.out.write_text(json.dumps(data, indent=1) + "\n", encoding="utf-8")
    else:
        print("no leave-one-article-out gain over the rules: model not written (--force writes it anyway)")
    print(
        f"{len(articles)} tuning articles, {len(y)} candidates ({int(y.sum())} unsupported); "
        f"leave-one-article-out unsupported F1 {rules_only.f1:.3f} rules only -> {best_f1:.3f} "
        f"with the model at threshold {threshold}" + (f"; written to {args.out}" if gain or args.force else "")
    )


if __name__ == "__main__":
    main()
