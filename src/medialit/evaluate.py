"""Score the analyzer against gold files (``ID.md`` + ``ID.gold.json``), per article and micro-averaged.

Attributions are paired one to one on overlapping cue spans (``scoring.match``);
a pair counts when the speaker is right: the gold speaker's surname (last word)
occurs in the predicted speaker, or the source spans overlap. Cue-only figures
ignore the speaker. Sentences are scored per label.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from spacy.language import Language

from medialit.analysis import analyze
from medialit.article import ArticleError, load_article
from medialit.nlp.pipeline import load_pipeline, model_in_use
from medialit.scoring import Counts, count, match
from medialit.spans import SENTENCE_LABELS, Attribution, Span, SpanError, load_annotations

TARGETS = {"attribution": 0.88, "attributed": 0.90, "unsupported": 0.65}


class EvaluationError(ValueError):
    """Nothing to evaluate; the message says what is missing."""


@dataclass(frozen=True)
class ArticleScore:
    """One article's counts: attributions (speaker right), cues only, and one Counts per sentence label."""

    article: str
    attribution: Counts
    cue: Counts
    sentences: dict[str, Counts]
    missed: tuple[str, ...] = ()
    kind_agreed: int = 0
    """Of the attributions counted right, how many have the gold kind."""
    content_f1: float = 0.0
    """Summed character-overlap F1 of their content spans (divide by ``attribution.tp`` for the mean)."""


@dataclass(frozen=True)
class Evaluation:
    articles: list[ArticleScore]
    model: str = ""
    micro: ArticleScore = field(init=False)

    def __post_init__(self) -> None:
        total = ArticleScore(
            "micro",
            sum((a.attribution for a in self.articles), Counts()),
            sum((a.cue for a in self.articles), Counts()),
            {label: sum((a.sentences[label] for a in self.articles), Counts()) for label in SENTENCE_LABELS},
            kind_agreed=sum(a.kind_agreed for a in self.articles),
            content_f1=sum(a.content_f1 for a in self.articles),
        )
        object.__setattr__(self, "micro", total)

    def targets(self) -> dict[str, tuple[float, float, bool]]:
        """Each target: (measured F1, required F1, met)."""
        measured = {
            "attribution": self.micro.attribution.f1,
            "attributed": self.micro.sentences["attributed"].f1,
            "unsupported": self.micro.sentences["unsupported"].f1,
        }
        return {name: (measured[name], need, measured[name] >= need) for name, need in TARGETS.items()}

    @property
    def targets_met(self) -> bool:
        return all(met for _, _, met in self.targets().values())

    def to_text(self) -> str:
        head = (
            f"{'article':<34} {'attr P':>6} {'R':>5} {'F1':>5}  {'cue F1':>6}  "
            f"{'attrib F1':>9} {'unsup F1':>8} {'other F1':>8}"
        )
        lines = [head, "-" * len(head)]
        for row in [*self.articles, self.micro]:
            a, s = row.attribution, row.sentences
            lines.append(
                f"{row.article[:34]:<34} {a.precision:>6.2f} {a.recall:>5.2f} {a.f1:>5.2f}  {row.cue.f1:>6.2f}  "
                f"{s['attributed'].f1:>9.2f} {s['unsupported'].f1:>8.2f} {s['other'].f1:>8.2f}"
            )
        lines += ["", f"{'micro':<12} {'tp':>4} {'fp':>4} {'fn':>4} {'P':>6} {'R':>6} {'F1':>6}"]
        rows = {"attribution": self.micro.attribution, "cue only": self.micro.cue, **self.micro.sentences}
        for name, c in rows.items():
            lines.append(f"{name:<12} {c.tp:>4} {c.fp:>4} {c.fn:>4} {c.precision:>6.3f} {c.recall:>6.3f} {c.f1:>6.3f}")
        right = max(1, self.micro.attribution.tp)
        lines.append(
            f"of the attributions right: kind as gold {self.micro.kind_agreed}/{self.micro.attribution.tp}, "
            f"mean content overlap F1 {self.micro.content_f1 / right:.3f}"
        )
        missed = [f"  {a.article}: {m}" for a in self.articles for m in a.missed]
        if missed:
            lines += ["", "missed attributions (gold speaker: cue)", *missed]
        lines.append("")
        for name, (got, need, met) in self.targets().items():
            lines.append(f"target {name:<12} F1 {got:.3f} (needs >= {need:.2f}) {'met' if met else 'NOT MET'}")
        if self.model:
            lines.append(f"model {self.model}")
        return "\n".join(lines)

    def to_json(self) -> dict[str, Any]:
        return {
            "model": self.model,
            "articles": [_row(a) for a in self.articles],
            "micro": _row(self.micro),
            "targets": {k: {"f1": g, "required": n, "met": m} for k, (g, n, m) in self.targets().items()},
        }


def evaluate(dirs: Sequence[str | Path], nlp: Language | None = None) -> Evaluation:
    """Analyze every ``ID.md`` that has an ``ID.gold.json`` beside it in ``dirs`` and score it."""
    pairs = _pairs(dirs)
    nlp = nlp or load_pipeline()
    return Evaluation([score_article(md, gold, nlp) for md, gold in pairs], model_in_use(nlp))


def score_article(md: Path, gold_path: Path, nlp: Language) -> ArticleScore:
    article = load_article(md)
    gold = load_annotations(gold_path)
    analysis = analyze(article, nlp)
    body = article.body
    predicted, key = list(analysis.attributions), list(gold.attributions)
    cue_matches = match([a.cue for a in predicted], [a.cue for a in key], _overlap)
    right = match(_tagged(predicted), _tagged(key), _same_attribution(predicted, key))
    missed = tuple(
        f"{key[int(m.key.label)].speaker}: {key[int(m.key.label)].cue.text(body)}"
        for m in right
        if m.status == "missed"
    )
    sentences = {
        label: count(match(_with(analysis.sentences, label), _with(gold.sentences, label), _overlap))
        for label in SENTENCE_LABELS
    }
    pairs = [(predicted[int(m.answer.label)], key[int(m.key.label)]) for m in right if m.status == "correct"]
    kinds = sum(p.kind == g.kind for p, g in pairs)
    content = sum(_content_f1(p, g) for p, g in pairs)
    return ArticleScore(article.id, count(right), count(cue_matches), sentences, missed, kinds, content)


def _content_f1(predicted: Attribution, gold: Attribution) -> float:
    """Character-overlap F1 of two content spans (0 when either has none)."""
    if predicted.content is None or gold.content is None:
        return 0.0
    shared = predicted.content.overlap(gold.content)
    size = (predicted.content.end - predicted.content.start) + (gold.content.end - gold.content.start)
    return 2 * shared / size if size else 0.0


def _tagged(attributions: list[Attribution]) -> list[Span]:
    """Cue spans labelled by their index, so a predicate can look the attribution up."""
    return [Span(a.cue.start, a.cue.end, str(i)) for i, a in enumerate(attributions)]


def _same_attribution(predicted: list[Attribution], key: list[Attribution]):
    def same(answer: Span, gold: Span) -> bool:
        if answer.overlap(gold) == 0:
            return False
        return speaker_right(predicted[int(answer.label)], key[int(gold.label)])

    return same


def speaker_right(predicted: Attribution, gold: Attribution) -> bool:
    """The gold speaker's last word occurs in the predicted speaker, or the source spans overlap."""
    words = gold.speaker.split()
    surname = words[-1].lower() if words else ""
    return (bool(surname) and surname in predicted.speaker.lower()) or predicted.source.overlap(gold.source) > 0


def _overlap(answer: Span, key: Span) -> bool:
    return answer.overlap(key) > 0


def _with(spans, label: str) -> list[Span]:
    return [s for s in spans if s.label == label]


def _pairs(dirs: Sequence[str | Path]) -> list[tuple[Path, Path]]:
    pairs = []
    for folder in map(Path, dirs):
        if not folder.is_dir():
            raise EvaluationError(f"{folder}: not a folder; give folders holding ID.md and ID.gold.json files")
        for gold in sorted(folder.glob("*.gold.json")):
            md = gold.with_name(gold.name[: -len(".gold.json")] + ".md")
            if md.exists():
                pairs.append((md, gold))
    if not pairs:
        raise EvaluationError("no ID.md + ID.gold.json pairs found; point evaluate at a folder of gold files")
    return pairs


def _row(score: ArticleScore) -> dict[str, Any]:
    def counts(c: Counts) -> dict[str, float]:
        return {"tp": c.tp, "fp": c.fp, "fn": c.fn, "precision": c.precision, "recall": c.recall, "f1": c.f1}

    return {
        "article": score.article,
        "attribution": counts(score.attribution),
        "cue": counts(score.cue),
        "sentences": {label: counts(c) for label, c in score.sentences.items()},
        "missed": list(score.missed),
        "kind_agreed": score.kind_agreed,
        "content_f1_mean": score.content_f1 / score.attribution.tp if score.attribution.tp else 0.0,
    }


__all__ = ["ArticleError", "Evaluation", "EvaluationError", "SpanError", "evaluate", "speaker_right"]
