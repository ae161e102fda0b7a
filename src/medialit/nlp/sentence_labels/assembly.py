"""One label per sentence, assembled from the judgements of this package in the order they override each other.

First whose claim the sentence is (``attributed``; a quotation run on from an earlier sentence), then a hidden
source on an attributed main claim (``hidden_source``), a question (never unsupported), a closing reference
(``references``), and for a sentence still ``other`` the article's own voice: hedges and framing words
(``own_voice_cues``), checkable claims and, last, the shipped model (``own_voice``).
"""

from __future__ import annotations

import bisect
from collections.abc import Sequence
from dataclasses import dataclass

from spacy.tokens import Doc

from medialit.core.article import Article
from medialit.core.spans import Span
from medialit.nlp.attribution import Found
from medialit.nlp.claims import REPORT_RULES, RULES
from medialit.nlp.quotes import find_quotes
from medialit.nlp.sentence_labels.attributed import (
    ASIDE,
    HEADING,
    NOTHING_FOUND,
    _aside_parts,
    _label,
    _quoted_on,
    headline_named_in_lede,
)
from medialit.nlp.sentence_labels.hidden_source import hidden_source_on_main_claim
from medialit.nlp.sentence_labels.news_reports import is_news_report
from medialit.nlp.sentence_labels.own_voice import candidate_features, own_voice_claims
from medialit.nlp.sentence_labels.own_voice_cues import cue_hits, framing_hits, sequence_marker
from medialit.nlp.sentence_labels.references import cited
from medialit.nlp.unsupported_model import Model, load_model

_SHIPPED = object()


@dataclass(frozen=True)
class _Article:
    """What every sentence of one article is judged against."""

    doc: Doc
    article: Article
    found: Found
    quotes: list
    framing: list[Span]
    cues: list[tuple[int, str]]  # (position, reason) of the own-voice cues, in text order
    rules: tuple[str, ...]
    judge: Model | None


def label_sentences(
    doc: Doc, article: Article, found: Found, framing: Sequence[Span] = (), judge: Model | object | None = _SHIPPED
) -> list[Span]:
    """A labelled Span for every sentence of ``article.sentences``, with the reasons for its label.

    ``framing`` are the article's framing cues: a hedge or an evaluative or
    loaded word in the article's own voice (not inside a quotation) makes an
    otherwise unattributed sentence unsupported. ``judge`` weighs the remaining
    own-voice sentences (default: the shipped model; None: rules only).
    """
    judge = load_model() if judge is _SHIPPED else judge
    body = article.body
    quotes = find_quotes(body)
    framing = [c for c in framing if not sequence_marker(c, body)]
    cues = sorted(cue_hits(doc, quotes) + framing_hits(framing, doc), key=lambda cue: cue[0])  # own reasons first
    rules = REPORT_RULES if is_news_report(article) else RULES
    context = _Article(doc, article, found, quotes, framing, cues, rules, judge)
    headings = [(b.start, b.end) for b in article.paragraphs if b.kind == "heading"]
    out = []
    for position, (start, end) in enumerate(article.sentences):
        heading = any(s <= start and end <= e for s, e in headings)
        label, reasons = _whose_claim(context, start, end, heading, out)
        question = body[start:end].rstrip().rstrip("\"”’'»)").endswith("?")
        asks = body[start:end].rstrip().endswith("?")  # the writer's question, not one quoted at its end
        if asks and label == "unsupported" and not heading:  # a question asserts nothing (guidelines: other)
            label, reasons = "other", ("a question asserts nothing", *reasons)
        reference = "" if heading else cited(body[start:end])
        if reference and label == "unsupported" and all(r.startswith("vague source") for r in reasons):
            label, reasons = "attributed", (*reasons, f"the reference {reference} names the source")
        elif reference and label == "other":
            reasons = (f"the reference {reference} makes the claim checkable",)
        elif label == "other" and not heading and not question:  # questions assert nothing (guidelines: other)
            label, reasons = _own_voice(context, position, reasons)
        if label == "other" and not reasons:
            reasons = (NOTHING_FOUND,)
        out.append(Span(start, end, label, reasons))
    return headline_named_in_lede(body, out, headings, found)


def _whose_claim(
    context: _Article, start: int, end: int, heading: bool, done: list[Span]
) -> tuple[str, tuple[str, ...]]:
    """The label by who is credited with the sentence's main claim, before its own voice is weighed."""
    doc, body, found = context.doc, context.article.body, context.found
    label, reasons = _label(body, start, end, found, heading, context.quotes, doc)
    if not heading and reasons == (NOTHING_FOUND,):  # rule 2: a quotation run on from an earlier sentence
        label, reasons = _quoted_on(doc, start, end, context.quotes, context.article.sentences, done) or (
            label,
            reasons,
        )
    hidden = (
        "" if heading or label != "attributed" else hidden_source_on_main_claim(doc, start, end, context.framing, found)
    )
    if hidden:  # K3: "UpGuard reportedly emailed AWS, to which AWS acknowledged ...": the main claim is hidden
        label, reasons = "unsupported", (hidden,)
    return label, reasons


def _own_voice(context: _Article, position: int, reasons: tuple[str, ...]) -> tuple[str, tuple[str, ...]]:
    """An unattributed sentence is unsupported when its own-voice words carry a hedge, a framing word or a
    checkable claim, or else when the model judges it a claim; otherwise it stays ``other``."""
    doc, found, judge = context.doc, context.found, context.judge
    start, end = context.article.sentences[position]
    k = bisect.bisect_left(context.cues, start, key=lambda cue: cue[0])
    aside = _aside_parts(found, start, end) if reasons[0].startswith(ASIDE) else []
    note = reasons[:1] if aside else ()  # "aside: X (said) ...": kept after the rule that fires
    hits = [cue[1] for cue in context.cues[k:] if cue[0] < end and not any(a.start <= cue[0] < a.end for a in aside)]
    hits += [reason for _, reason in own_voice_claims(doc, start, end, context.quotes, context.rules, aside)]
    if hits:
        return "unsupported", (*dict.fromkeys(hits), *note)
    if judge is not None and reasons != (HEADING,):
        x = candidate_features(doc, context.article, context.quotes, position)
        p = judge.probability(x)
        if p >= judge.threshold:
            why = ", ".join(judge.reasons(x)) or "the sentence as a whole"
            return "unsupported", (f"model ({p:.2f}): a claim in the article's own voice; {why}", *note)
    return "other", reasons
