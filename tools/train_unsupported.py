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

``--halves`` also trains on one tuning half and scores the other (both ways,
the threshold chosen inside the training half the same way); ``--curve``
trains on 25, 50, 75 and 100 % of one half and scores the other, to show
whether more annotated articles would still pay.

Run: ``python tools/train_unsupported.py ../shared/corpus/dev course/corpus [--halves] [--curve]``
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
GRID = tuple(round(t, 2) for t in np.arange(0.5, 0.96, 0.05))
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


def best_threshold(articles: list[Article], loo) -> tuple[float, float, list[tuple[float, float]]]:
    """(best F1, its threshold, every (F1, threshold)) over the grid; ties go to the stricter threshold."""
    scored = [(counts_at(articles, loo, t).f1, t) for t in GRID]
    best_f1, threshold = max(scored, key=lambda s: (round(s[0], 3), s[1]))
    return best_f1, threshold, scored


def held_out(train: list[Article], held: list[Article]) -> dict:
    """Fit on ``train`` (threshold by leave-one-article-out inside it, as the ship rule picks it), score ``held``:
    the rules alone and with the model there, and the model's ranking of the held-out candidates."""
    from train_textcat import auc  # the tools import each other by module name, as when run as scripts

    _, threshold, _ = best_threshold(train, leave_one_out(train))
    w, b = fit(np.array([v for a in train for v in a.x]), np.array([v for a in train for v in a.y]))
    probs = [(1 / (1 + np.exp(-(np.array(a.x).reshape(-1, len(w)) @ w + b))), np.array(a.y)) for a in held]
    p, y = np.concatenate([p for p, _ in probs]), np.concatenate([y for _, y in probs])
    return {
        "rules": counts_at(held, probs, None),
        "model": counts_at(held, probs, threshold),
        "threshold": threshold,
        "ceiling": max(counts_at(held, probs, t).f1 for t in GRID),  # the threshold picked on ``held``: flatters
        "auc": auc(list(p[y == 1]), list(p[y == 0])),
    }


def halves(articles: list[Article]) -> list[tuple[str, dict]]:
    """Train on tuning half 0, score half 1, and the reverse (``medialit.nlp.evaluate.tuning_half``)."""
    from medialit.nlp.evaluate import tuning_half

    parts = [[a for a in articles if tuning_half(a.id) == h] for h in (0, 1)]
    return [(f"half {1 - h} (trained on half {h})", held_out(parts[h], parts[1 - h])) for h in (0, 1)]


def curve(articles: list[Article], fractions=(0.25, 0.5, 0.75, 1.0), draws: int = 5) -> list[tuple[str, float, dict]]:
    """The learning curve: train on a share of one half, score the whole other half; shares below the whole
    half are drawn ``draws`` times and their F1 and AUC averaged."""
    from train_textcat import share

    from medialit.nlp.evaluate import tuning_half

    parts = [[a for a in articles if tuning_half(a.id) == h] for h in (0, 1)]
    rows = []
    for h in (0, 1):
        for fraction in fractions:
            runs = [held_out(share(parts[h], fraction, d), parts[1 - h]) for d in range(draws if fraction < 1 else 1)]
            mean = {
                "rules": runs[0]["rules"].f1,
                "model": float(np.mean([r["model"].f1 for r in runs])),
                "auc": float(np.mean([r["auc"] for r in runs])),
                "articles": len(share(parts[h], fraction, 0)),
            }
            rows.append((f"half {1 - h} (trained on half {h})", fraction, mean))
    return rows


def show(c: Counts) -> str:
    return f"{c.f1:.3f} (P {c.precision:.2f} R {c.recall:.2f}; tp {c.tp} fp {c.fp} fn {c.fn})"


def main() -> None:
    from medialit.nlp.unsupported_model import NAMES

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("dirs", nargs="+", type=Path, help="corpus folders (only their tuning articles are read)")
    parser.add_argument("--out", type=Path, default=OUT)
    parser.add_argument("--force", action="store_true", help="write the model even without a gain")
    parser.add_argument("--halves", action="store_true", help="also train on one tuning half and score the other")
    parser.add_argument("--curve", action="store_true", help="also the learning curve (25-100 %% of a half)")
    args = parser.parse_args()
    articles = collect(args.dirs)
    loo = leave_one_out(articles)
    rules_only = counts_at(articles, loo, None)
    best_f1, threshold, scored = best_threshold(articles, loo)
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
    print("by threshold: " + ", ".join(f"{t} {f:.3f}" for f, t in scored))
    for name, row in halves(articles) if args.halves else ():
        print(
            f"{name}: rules {show(row['rules'])}; model at {row['threshold']} {show(row['model'])}; "
            f"best F1 at any threshold, picked on the half scored {row['ceiling']:.3f}; "
            f"AUC among candidates {row['auc']:.3f}"
        )
    for name, fraction, row in curve(articles) if args.curve else ():
        print(
            f"curve {name}, {fraction:.0%} ({row['articles']} articles): rules {row['rules']:.3f}, "
            f"model {row['model']:.3f}, AUC {row['auc']:.3f}"
        )


if __name__ == "__main__":
    main()
