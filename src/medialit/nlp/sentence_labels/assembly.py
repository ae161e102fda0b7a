"""One label per sentence, assembled from the judgements of this package in the order they override each other.

First whose claim the sentence is (``attributed``; a quotation run on from an earlier sentence), then a hidden
source on an attributed main claim (``hidden_source``), a question (never unsupported), a closing reference
(``references``), and for a sentence still ``other`` the article's own voice: hedges and framing words
(``own_voice_cues``), checkable claims and, last, the shipped model (``own_voice``).
"""

from __future__ import annotations

import bisect
from collections.abc import Sequence

from spacy.tokens import Doc

from medialit.core.article import Article
from medialit.core.spans import Span
from medialit.nlp.attribution import Found
from medialit.nlp.claims import REPORT_RULES, RULES
from medialit.nlp.quotes import find_quotes
from medialit.nlp.sentence_labels.attributed import ASIDE, NOTHING_FOUND, _aside_parts, _label, _quoted_on
from medialit.nlp.sentence_labels.hidden_source import _hidden_source_on_main_claim
from medialit.nlp.sentence_labels.news_reports import is_news_report
from medialit.nlp.sentence_labels.own_voice import _claims, candidate_features
from medialit.nlp.sentence_labels.own_voice_cues import _cue_hits, _framing_hits, _sequence_marker
from medialit.nlp.sentence_labels.references import cited
from medialit.nlp.unsupported_model import Model, load_model

_SHIPPED = object()


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
    framing = [c for c in framing if not _sequence_marker(c, body)]
    cues = sorted(_cue_hits(doc, quotes) + _framing_hits(framing, doc), key=lambda cue: cue[0])  # own reasons first
    starts = [c[0] for c in cues]
    rules = REPORT_RULES if is_news_report(article) else RULES
    headings = [(b.start, b.end) for b in article.paragraphs if b.kind == "heading"]
    out = []
    for position, (start, end) in enumerate(article.sentences):
        heading = any(s <= start and end <= e for s, e in headings)
        label, reasons = _label(body, start, end, found, heading, quotes, doc)
        if not heading and reasons == (NOTHING_FOUND,):  # rule 2: a quotation run on from an earlier sentence
            label, reasons = _quoted_on(doc, start, end, quotes, article.sentences, out) or (label, reasons)
        hidden = (
            "" if heading or label != "attributed" else _hidden_source_on_main_claim(doc, start, end, framing, found)
        )
        if hidden:  # K3: "UpGuard reportedly emailed AWS, to which AWS acknowledged ...": the main claim is hidden
            label, reasons = "unsupported", (hidden,)
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
            k = bisect.bisect_left(starts, start)
            aside = _aside_parts(found, start, end) if reasons[0].startswith(ASIDE) else []
            note = reasons[:1] if aside else ()  # "aside: X (said) ...": kept after the rule that fires
            hits = [cue[1] for cue in cues[k:] if cue[0] < end and not any(a.start <= cue[0] < a.end for a in aside)]
            hits += [reason for _, reason in _claims(doc, start, end, quotes, rules, aside)]
            if hits:
                label, reasons = "unsupported", (*dict.fromkeys(hits), *note)
            elif judge is not None and reasons != ("heading",):
                x = candidate_features(doc, article, quotes, position)
                p = judge.probability(x)
                if p >= judge.threshold:
                    why = ", ".join(judge.reasons(x)) or "the sentence as a whole"
                    reasons = (f"model ({p:.2f}): a claim in the article's own voice; {why}", *note)
                    label = "unsupported"
        if label == "other" and not reasons:
            reasons = (NOTHING_FOUND,)
        out.append(Span(start, end, label, reasons))
    return out
