"""A small learned judge for unsupported sentences: logistic regression over features a student can read.

The rules (hedges, vague sources, checkable claims) name what they see; this
model weighs the same kind of evidence together for sentences in the
article's own voice that no rule flagged. Its features are named below with
the words shown to students; its weights live in ``models/unsupported.json``,
trained by ``tools/train_unsupported.py`` on the tuning part of the corpus
only (reproducible: the file records the articles, settings and figures).
"""

from __future__ import annotations

import json
import math
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
from importlib import resources

from spacy.tokens import Doc, Token

from medialit.nlp.claims import RULES, claim_hits

FEATURES: dict[str, str] = {
    **{f"claim:{rule}": f"a {rule.replace('_', ' ')} claim" for rule in RULES},
    "number": "a figure",
    "date": "a date",
    "person": "a named person",
    "organisation": "a named organisation or place",
    "long": "a long sentence",
    "agentless_passive": "a passive with no one named as the actor",
    "negation": "a negation",
    "comparative": "a comparison",
    "first_person": "'I' or 'we' in the text's own voice",
    "future": "a prediction ('will')",
    "because_when": "events linked by because, when, after or as",
    "past_perfect": "background told in the past perfect",
    "adjective_predicate": "a description ('X is/was ADJ')",
    "adverbs": "several adverbs",
    "lead": "one of the article's first sentences",
    "interview_question_voice": "the interviewer speaking",
}
NAMES = tuple(FEATURES)
MARKERS = frozenset("because since when after as while although".split())


@dataclass(frozen=True)
class Model:
    weights: tuple[float, ...]
    bias: float
    threshold: float

    def probability(self, x: list[float]) -> float:
        z = self.bias + sum(w * v for w, v in zip(self.weights, x, strict=True))
        return 1 / (1 + math.exp(-z))

    def reasons(self, x: list[float], top: int = 2) -> list[str]:
        """The features that pushed the score up most, in students' words."""
        parts = sorted(((w * v, n) for w, v, n in zip(self.weights, x, NAMES, strict=True) if w * v > 0), reverse=True)
        return [FEATURES[n] for _, n in parts[:top]]


@cache
def load_model() -> Model | None:
    """The shipped weights, or None when the package has none (the rules then decide alone)."""
    ref = resources.files("medialit.nlp") / "models" / "unsupported.json"
    if not ref.is_file():
        return None
    data = json.loads(ref.read_text(encoding="utf-8"))
    if tuple(data["features"]) != NAMES:
        raise ValueError("models/unsupported.json was trained on other features; run tools/train_unsupported.py")
    return Model(tuple(data["weights"]), data["bias"], data["threshold"])


def features(
    doc: Doc, start: int, end: int, quoted: Callable[[Token], bool], position: int, interviewer: bool
) -> list[float]:
    """The feature vector of the sentence ``doc.text[start:end]`` (``quoted(token)``: not the article's voice)."""
    span = doc.char_span(start, end, alignment_mode="expand")
    tokens = [t for t in span if not quoted(t)] if span is not None else []
    hits = {rule for rule, _ in claim_hits(span, quoted)} if span is not None else set()
    ents = {t.ent_type_ for t in tokens}
    values = {f"claim:{rule}": float(rule in hits) for rule in RULES}
    values |= {
        "number": float(bool(ents & {"CARDINAL", "PERCENT", "QUANTITY", "MONEY"})),
        "date": float("DATE" in ents),
        "person": float("PERSON" in ents),
        "organisation": float(bool(ents & {"ORG", "GPE", "NORP"})),
        "long": min(len(tokens) / 30, 2.0),
        "agentless_passive": float(
            any(t.dep_ == "auxpass" for t in tokens) and not any(t.dep_ == "agent" for t in tokens)
        ),
        "negation": float(any(t.dep_ == "neg" for t in tokens)),
        "comparative": float(any(t.tag_ in ("JJR", "RBR") for t in tokens)),
        "first_person": float(any(t.lower_ in ("i", "we", "our", "my") for t in tokens)),
        "future": float(any(t.lower_ in ("will", "'ll") and t.tag_ == "MD" for t in tokens)),
        "because_when": float(any(t.dep_ in ("mark", "prep") and t.lower_ in MARKERS for t in tokens)),
        "past_perfect": float(any(t.lower_ == "had" and t.head.tag_ == "VBN" for t in tokens)),
        "adjective_predicate": float(any(t.dep_ == "acomp" for t in tokens)),
        "adverbs": float(sum(t.pos_ == "ADV" for t in tokens) >= 2),
        "lead": float(position < 3),
        "interview_question_voice": float(interviewer),
    }
    return [values[name] for name in NAMES]
