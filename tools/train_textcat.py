"""Measure a spaCy ``textcat`` judge of unsupported sentences against the rules, by grouped cross-validation.

Issue 14, item 3 suggests "a spaCy textcat trained on the corpus's sentence
labels with the rules' findings as features". This script builds exactly that
and measures whether it generalises, on the TUNING part only (the test part is
never read, ``medialit.nlp.evaluate.part_of``):

- every sentence of a tuning article becomes one input: the rules' findings as
  extra tokens (``__unsupported__``, ``__cause__``, ``__vague_source__``,
  ``__heading__``, ...: one per finding), then the sentence's words (input
  ``both``); ``context`` also carries the previous sentence's words, each
  prefixed ``p_``; ``findings`` and ``words`` are each part alone. The target
  is the gold label ``unsupported`` (exclusive classes UNSUPPORTED / NOT);
- architectures: spaCy's bag-of-words (``TextCatBOW.v3``, unigrams and bigrams)
  and its ensemble (``TextCatEnsemble.v2``: BOW plus a CNN tok2vec);
- halves: the tuning articles split by the parity of ``sha256(id + "1")`` (the
  fifth round's halves A and B); train on one half, score the other, both ways;
- policies for a sentence the rules do not call ``attributed`` (attributed stays
  the rules' decision): ``replace`` (the model decides unsupported or other),
  ``add`` (the model only adds sentences the rules left ``other``), ``veto``
  (the model only takes back rule findings). Each policy's threshold is chosen
  inside the training half by a two-fold split of it (``sha256(id + "2")``),
  never on the half scored;
- scores: unsupported-sentence F1 as ``medialit evaluate`` counts it (sentences
  matched one to one by overlap), against the rules alone on the same half.

A model would ship only with a gain of at least ``MIN_GAIN`` on BOTH held-out
halves; this script reports, it writes no model (see docs/analyzer-rounds.md, "a spaCy
textcat judge"). Fixed seeds: repeated runs on the same machine printed the same
figures.

``--curve`` prints only the learning curve instead: train on 25, 50, 75 and 100 %
of one half, score the other (bag-of-words, input ``both``, pool ``own`` unless
given), to show whether more annotated articles would still pay.

Run: ``python tools/train_textcat.py ../shared/corpus/dev course/corpus [--loo | --curve]``
"""

from __future__ import annotations

import argparse
import json
import random
from dataclasses import dataclass
from pathlib import Path

from medialit.exercises.scoring import Counts

MIN_GAIN = 0.02
SEED = 0
EPOCHS = 12
DROPOUT = 0.2
BATCH = 32
OVERSAMPLE = 1
THRESHOLDS = tuple(round(0.05 * k, 2) for k in range(2, 20))


@dataclass
class Sentence:
    start: int
    end: int
    rule_label: str
    gold: str  # the gold label of the sentence it overlaps most
    tags: list[str]
    text: str
    previous: str


@dataclass
class Article:
    id: str
    sentences: list[Sentence]
    gold_unsupported: list[tuple[int, int]]  # gold unsupported sentence spans (for the evaluator's matching)


# ---------------------------------------------------------------- collecting the tuning part


def collect(dirs: list[Path]) -> list[Article]:
    """Every tuning article's sentences with the rules' labels and findings (rules only, no learned judge)."""
    from medialit.core.article import load_article
    from medialit.core.spans import load_annotations
    from medialit.nlp.evaluate import gold_pairs
    from medialit.nlp.pipeline import load_pipeline

    nlp = load_pipeline()
    out = []
    for md, gold_path in gold_pairs(dirs, "tuning"):  # the test part is never read
        article, gold = load_article(md), load_annotations(gold_path)
        sentences = []
        for span, tags in findings(nlp, article):
            previous = sentences[-1].text if sentences else ""
            gold_label = max(gold.sentences, key=span.overlap).label
            text = article.body[span.start : span.end].strip()
            sentences.append(Sentence(span.start, span.end, span.label, gold_label, tags, text, previous))
        unsupported = [(s.start, s.end) for s in gold.sentences if s.label == "unsupported"]
        out.append(Article(article.id, sentences, unsupported))
    return out


def findings(nlp, article) -> list[tuple[object, list[str]]]:
    """Each sentence's label by the rules alone (no learned judge ships) with the rules' findings as tokens."""
    from medialit.nlp.analysis import read_analysis

    doc = nlp.make_doc(article.body)
    doc._.medialit_article = article
    doc = nlp(doc)
    labels = read_analysis(doc).sentences
    whole = ArticleFacts.of(doc, article)
    return [(span, finding_tags(doc, whole, span, position)) for position, span in enumerate(labels)]


REASON_TAGS = (
    ("vague source", "vague_source"),
    ("anonymous source", "anonymous_source"),
    ("K6", "relay"),
    ("the source hidden", "hidden_main_claim"),
    ("scare quote", "scare_quote"),
    ("heading", "heading"),
    ("the reference", "reference"),
)


@dataclass
class ArticleFacts:
    """What ``finding_tags`` needs of the whole article, found once per article rather than once per sentence."""

    body: str
    dated: bool
    quotes: list
    framing: list
    turns: list  # the paragraphs that open with "Outlet:" (an interview's questions)

    @classmethod
    def of(cls, doc, article) -> ArticleFacts:
        from medialit.nlp.quotes import find_quotes
        from medialit.nlp.sentence_labels import is_dated_report

        body = article.body
        outlet = str(article.meta.get("outlet", "")).strip()
        turns = [b for b in article.paragraphs if outlet and body[b.start : b.end].startswith(outlet + ":")]
        return cls(body, is_dated_report(body), find_quotes(body), doc._.medialit_framing or [], turns)


def finding_tags(doc, whole: ArticleFacts, span, position: int) -> list[str]:
    """The rules' findings on one sentence as tokens: its label, what fired, and where it stands."""
    from medialit.nlp.claims import REPORT_RULES, RULES
    from medialit.nlp.framing import in_quote
    from medialit.nlp.sentence_labels import own_voice_claims

    body, quotes = whole.body, whole.quotes
    tags = [span.label]
    tags += [tag for prefix, tag in REASON_TAGS if any(r.startswith(prefix) for r in span.reasons)]
    tags += [
        rule for rule, _ in own_voice_claims(doc, span.start, span.end, quotes, REPORT_RULES if whole.dated else RULES)
    ]
    tags += [c.label for c in whole.framing if span.start <= c.start < span.end and not in_quote(c)]
    tags += ["quoted" for q in quotes if span.start <= q.start < span.end][:1]
    if body[span.start : span.end].rstrip().rstrip("\"”’'»)").endswith("?"):
        tags.append("question")
    tags.append("news" if whole.dated else "undated")
    if whole.turns:  # an interview: the outlet's questions open paragraphs with "Outlet:"
        tags.append("interview")
    if any(b.start <= span.start < b.end for b in whole.turns):
        tags.append("interviewer")
    if position < 3:
        tags.append("lead")
    return [f"__{t}__" for t in dict.fromkeys(tags)]


# ---------------------------------------------------------------- the textcat


VIEWS = ("both", "context", "findings", "words")
"""What the model reads: the findings and the words; the same after the previous sentence's words; one alone."""


def model_input(sentence: Sentence, view: str) -> str:
    findings = " ".join(sentence.tags)
    if view in ("findings", "words"):
        return findings if view == "findings" else sentence.text
    words = findings + " " + sentence.text
    if view == "context" and sentence.previous:
        words = " ".join("p_" + w.lower() for w in sentence.previous.split()) + " " + words
    return words


def architecture(name: str) -> dict:
    if name == "bow":
        return {
            "@architectures": "spacy.TextCatBOW.v3",
            "exclusive_classes": True,
            "ngram_size": 2,
            "no_output_layer": False,
            "length": 262144,
        }
    return {
        "@architectures": "spacy.TextCatEnsemble.v2",
        "nO": None,
        "linear_model": architecture("bow"),
        "tok2vec": {
            "@architectures": "spacy.Tok2Vec.v2",
            "embed": {
                "@architectures": "spacy.MultiHashEmbed.v2",
                "width": 64,
                "rows": [2000, 2000, 1000, 1000],
                "attrs": ["ORTH", "LOWER", "PREFIX", "SUFFIX"],
                "include_static_vectors": False,
            },
            "encode": {
                "@architectures": "spacy.MaxoutWindowEncoder.v2",
                "width": 64,
                "window_size": 1,
                "maxout_pieces": 3,
                "depth": 2,
            },
        },
    }


def candidates(articles: list[Article], pool: str = "own") -> list[Sentence]:
    """The training sentences: ``own``, every one the rules do not call attributed (that stays theirs);
    ``other``, only those the rules leave ``other`` (not a heading or question): what the ``add`` policy judges."""
    if pool == "other":
        return [s for a in articles for s in a.sentences if s.rule_label == "other" and not _heading_or_question(s)]
    return [s for a in articles for s in a.sentences if s.rule_label != "attributed"]


def _heading_or_question(sentence: Sentence) -> bool:
    return "__heading__" in sentence.tags or "__question__" in sentence.tags


def train(articles: list[Article], arch: str, view: str, pool: str = "own"):
    import spacy
    from spacy.training import Example
    from spacy.util import fix_random_seed

    fix_random_seed(SEED)
    nlp = spacy.blank("en")
    textcat = nlp.add_pipe("textcat", config={"model": architecture(arch)})
    for label in ("UNSUPPORTED", "NOT"):
        textcat.add_label(label)
    examples = []
    for s in candidates(articles, pool):
        yes = float(s.gold == "unsupported")
        example = Example.from_dict(nlp.make_doc(model_input(s, view)), {"cats": {"UNSUPPORTED": yes, "NOT": 1 - yes}})
        examples += [example] * (OVERSAMPLE if yes else 1)
    return fit(nlp, examples, epochs=EPOCHS, batch=BATCH)


def fit(nlp, examples: list, *, epochs: int, batch: int, seed: int = SEED, dropout: float = DROPOUT):
    """Initialise ``nlp`` and train it on ``examples`` in a fixed shuffled order: the loop of both training
    tools (this one and ``train_cues.py``), so their runs are reproducible the same way."""
    from spacy.util import minibatch

    optimizer = nlp.initialize(lambda: examples)
    shuffle = random.Random(seed)
    for _ in range(epochs):
        shuffle.shuffle(examples)
        for group in minibatch(examples, size=batch):
            nlp.update(group, sgd=optimizer, drop=dropout)
    return nlp


def probabilities(nlp, articles: list[Article], view: str) -> dict[tuple[str, int], float]:
    out = {}
    for a in articles:
        todo = [(k, s) for k, s in enumerate(a.sentences) if s.rule_label != "attributed"]
        docs = nlp.pipe(model_input(s, view) for _, s in todo)
        for (k, _), doc in zip(todo, docs, strict=True):
            out[(a.id, k)] = doc.cats["UNSUPPORTED"]
    return out


# ---------------------------------------------------------------- policies and scores


def decide(sentence: Sentence, p: float | None, policy: str, threshold: float) -> str:
    rule = sentence.rule_label
    if rule == "attributed" or p is None or policy == "rules":
        return rule
    if policy == "replace":
        return "unsupported" if p >= threshold else "other"
    if policy == "add":
        return "unsupported" if rule == "other" and p >= threshold else rule
    if policy == "veto":
        return "other" if rule == "unsupported" and p < threshold else rule
    raise ValueError(policy)


def counts(articles: list[Article], probs: dict, policy: str, threshold: float) -> Counts:
    """``unsupported`` counted as the evaluator counts it (one-to-one overlap matching per article)."""
    from medialit.core.spans import Span
    from medialit.exercises.scoring import count, match

    total = Counts()
    for a in articles:
        predicted = [
            Span(s.start, s.end, "unsupported")
            for k, s in enumerate(a.sentences)
            if decide(s, probs.get((a.id, k)), policy, threshold) == "unsupported"
        ]
        gold = [Span(s, e, "unsupported") for s, e in a.gold_unsupported]
        total += count(match(predicted, gold, lambda x, y: x.overlap(y) > 0))
    return total


def ranking(articles: list[Article], probs: dict) -> float:
    """How well the model ranks the sentences the rules leave ``other`` (ROC AUC; 0.5 = chance)."""
    pairs = [
        (probs[(a.id, k)], s.gold == "unsupported")
        for a in articles
        for k, s in enumerate(a.sentences)
        if s.rule_label == "other" and not _heading_or_question(s)
    ]
    return auc([p for p, y in pairs if y], [p for p, y in pairs if not y])


def auc(positives: list[float], negatives: list[float]) -> float:
    """ROC AUC: the share of (positive, negative) pairs ranked the right way round, ties half; 0.5 = chance."""
    wins = sum((p > n) + 0.5 * (p == n) for p in positives for n in negatives)
    return wins / (len(positives) * len(negatives)) if positives and negatives else 0.5


def split(articles: list[Article], salt: str) -> tuple[list[Article], list[Article]]:
    from medialit.nlp.evaluate import tuning_half

    even = [a for a in articles if tuning_half(a.id, salt) == 0]
    return even, [a for a in articles if a not in even]


def pick_threshold(articles: list[Article], arch: str, view: str, policy: str, pool: str) -> float:
    """The policy's best threshold on out-of-fold probabilities inside ``articles`` (two folds by salt "2")."""
    first, second = split(articles, "2")
    if not first or not second:  # too few articles for two folds: the strictest threshold, which changes least
        return THRESHOLDS[-1]
    probs = probabilities(train(first, arch, view, pool), second, view)
    probs |= probabilities(train(second, arch, view, pool), first, view)
    scored = [(round(counts(articles, probs, policy, t).f1, 4), t) for t in THRESHOLDS]
    return max(scored)[1]


def halves(articles: list[Article], arch: str, view: str, pool: str) -> list[dict]:
    """Train on one half, score the other, both ways; each policy's threshold chosen inside the training half."""
    rows = []
    half_a, half_b = split(articles, "1")
    for name, train_half, held in (("B (trained on A)", half_a, half_b), ("A (trained on B)", half_b, half_a)):
        probs = probabilities(train(train_half, arch, view, pool), held, view)
        row = {"held_out": name, "articles": len(held), "auc_other": round(ranking(held, probs), 3)}
        row["rules"] = counts(held, probs, "rules", 0.5)
        if pool == "own":
            row["replace@0.5"] = counts(held, probs, "replace", 0.5)
        for policy in ("replace", "add", "veto") if pool == "own" else ("add",):
            t = pick_threshold(train_half, arch, view, policy, pool)
            row[f"{policy}@{t}"] = counts(held, probs, policy, t)
        rows.append(row)
    return rows


def leave_one_out(articles: list[Article], arch: str, view: str, pool: str) -> dict:
    """Each article scored by a model trained on the others, at every threshold (the best one is chosen on
    the same articles, so the best figure flatters the model)."""
    probs = {}
    for k, held in enumerate(articles):
        rest = articles[:k] + articles[k + 1 :]
        probs |= probabilities(train(rest, arch, view, pool), [held], view)
    out = {"rules": counts(articles, probs, "rules", 0.5)}
    for policy in ("replace", "add", "veto") if pool == "own" else ("add",):
        for t in THRESHOLDS:
            out[f"{policy}@{t}"] = counts(articles, probs, policy, t)
    return out


def share(articles: list[Article], fraction: float, draw: int) -> list[Article]:
    """A fixed share of ``articles`` (at least two, so the threshold's two folds are not empty), by hash order."""
    import hashlib

    order = sorted(articles, key=lambda a: hashlib.sha256(f"{a.id}curve{draw}".encode()).hexdigest())
    return order[: max(2, round(fraction * len(articles)))]


def curve(articles: list[Article], arch: str, view: str, pool: str, fractions=(0.25, 0.5, 0.75, 1.0), draws=5):
    """The learning curve: train on a share of one half, score the whole other half (AUC among the rules'
    ``other`` sentences and each policy's F1, its threshold chosen inside the share); shares below the whole
    half are drawn ``draws`` times and averaged."""
    rows = []
    half_a, half_b = split(articles, "1")
    for name, train_half, held in (("B (trained on A)", half_a, half_b), ("A (trained on B)", half_b, half_a)):
        for fraction in fractions:
            runs = []
            for draw in range(draws if fraction < 1 else 1):
                part = share(train_half, fraction, draw)
                probs = probabilities(train(part, arch, view, pool), held, view)
                run = {"auc": ranking(held, probs)}
                for policy in ("add", "replace") if pool == "own" else ("add",):
                    run[policy] = counts(held, probs, policy, pick_threshold(part, arch, view, policy, pool)).f1
                runs.append(run)
            mean = {k: sum(r[k] for r in runs) / len(runs) for k in runs[0]}
            mean["rules"] = counts(held, {}, "rules", 0.5).f1
            rows.append((name, fraction, len(share(train_half, fraction, 0)), mean))
    return rows


def _passes(rows: list[dict], column: int) -> bool:
    """The policy in ``column`` (same place in both rows) beats the rules by ``MIN_GAIN`` on each held-out half."""
    return all(list(row.values())[column].f1 >= row["rules"].f1 + MIN_GAIN for row in rows)


def show(c: Counts) -> str:
    return f"{c.f1:.3f} (P {c.precision:.2f} R {c.recall:.2f})"


def main() -> None:
    global EPOCHS, OVERSAMPLE  # the training settings the command line may change
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("dirs", nargs="+", type=Path, help="corpus folders (only their tuning articles are read)")
    parser.add_argument("--arch", choices=("bow", "ensemble"), action="append", help="default: both")
    parser.add_argument("--input", choices=VIEWS, action="append", help="default: both, context")
    parser.add_argument("--epochs", type=int, default=EPOCHS)
    parser.add_argument("--oversample", type=int, default=1, help="repeat each gold unsupported training sentence")
    parser.add_argument("--pool", choices=("own", "other"), action="append", help="default: both")
    parser.add_argument("--loo", action="store_true", help="also leave one article out (bag-of-words only)")
    parser.add_argument("--curve", action="store_true", help="only the learning curve (25-100 %% of a half)")
    parser.add_argument("--cache", type=Path, help="keep the collected sentences here (stale once the rules change)")
    args = parser.parse_args()
    EPOCHS, OVERSAMPLE = args.epochs, args.oversample
    if args.cache and args.cache.is_file():
        raw = json.loads(args.cache.read_text(encoding="utf-8"))
        articles = [
            Article(a["id"], [Sentence(**s) for s in a["sentences"]], [tuple(g) for g in a["gold"]]) for a in raw
        ]
    else:
        articles = collect(args.dirs)
        raw = [{"id": a.id, "sentences": [vars(s) for s in a.sentences], "gold": a.gold_unsupported} for a in articles]
        if args.cache:
            args.cache.write_text(json.dumps(raw), encoding="utf-8")
    pool = candidates(articles)
    print(
        f"{len(articles)} tuning articles, {sum(len(a.sentences) for a in articles)} sentences, "
        f"{len(pool)} judged by the model ({sum(s.gold == 'unsupported' for s in pool)} gold unsupported)"
    )
    if args.curve:
        for arch, view, pool in [
            (a, v, p) for a in args.arch or ("bow",) for v in args.input or ("both",) for p in args.pool or ("own",)
        ]:
            for name, fraction, n, row in curve(articles, arch, view, pool):
                cells = ", ".join(f"{k} {v:.3f}" for k, v in row.items())
                print(f"curve {arch} input={view} pool={pool} held out {name}, {fraction:.0%} ({n} articles): {cells}")
        return
    passing = []
    for arch in args.arch or ("bow", "ensemble"):
        for view, pool in [(c, p) for c in args.input or ("both", "context") for p in args.pool or ("own", "other")]:
            rows = halves(articles, arch, view, pool)
            policies = [(n, k) for n, k in enumerate(rows[0]) if "@" in k]
            passing += [f"{arch} {view} {pool} {k.split('@')[0]}" for n, k in policies if _passes(rows, n)]
            for row in rows:
                cells = "; ".join(f"{k} {show(v)}" for k, v in row.items() if isinstance(v, Counts))
                print(
                    f"{arch:8} input={view:8} pool={pool:5} held out {row['held_out']} ({row['articles']}, "
                    + f"AUC among rule-other {row['auc_other']}): "
                    + cells,
                    flush=True,
                )
    print(f"gain >= {MIN_GAIN} on both held-out halves: " + (", ".join(passing) or "none (nothing to ship)"))
    if args.loo:
        for view, pool in [(c, p) for c in args.input or ("both", "context") for p in args.pool or ("own", "other")]:
            loo = leave_one_out(articles, "bow", view, pool)
            policies = {k.split("@")[0] for k in loo if "@" in k}
            best = {p: max((v.f1, k) for k, v in loo.items() if k.startswith(p + "@")) for p in sorted(policies)}
            cells = "; ".join(f"{k} {show(loo[k])}" for _, k in best.values())
            print(
                f"bow      input={view:8} pool={pool:5} leave one article out: "
                + f"rules {show(loo['rules'])}; best {cells}"
            )


if __name__ == "__main__":
    main()
