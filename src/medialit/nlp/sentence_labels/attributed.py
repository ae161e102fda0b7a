"""What makes a sentence attributed (guidelines, "Sentences"; K6, K8).

A cue in the sentence that credits its main claim, a cue elsewhere that takes the sentence as its content (a relay,
which decides only when the sentence has no cue of its own), a quotation run on from an earlier attributed sentence,
or a dash paragraph continuing a quote. A cue that credits only an aside leaves the main claim to the article, and a
vague or anonymous source makes the sentence unsupported instead (``source_kinds``). A heading is attributed only
when it credits a statement ("Putin: talks have failed") and unsupported when it is built on a scare quote.
"""

from __future__ import annotations

import re

from spacy.tokens import Doc

from medialit.core.spans import Attribution, Span
from medialit.nlp.attribution import Found
from medialit.nlp.reporting_lexicon import verb_lexicon
from medialit.nlp.sentence_labels.main_claim import (
    MIN_CONTENT_SHARE,
    covers_main_claim,
    main_predicates,
    main_word,
)
from medialit.nlp.sentence_labels.source_kinds import relayed_unchecked, unchecked_reason, unchecked_source


def _label(
    body: str, start: int, end: int, found: Found, heading: bool, quotes, doc: Doc | None = None
) -> tuple[str, tuple[str, ...]]:
    if heading:
        scare = [q for q in quotes if start <= q.start < end and len(body[q.start : q.end].split()) == 1]
        scare = [q for q in scare if not _credited_in_body(body[q.start : q.end], end, body, quotes, found)]
        if scare:
            return "unsupported", (f"scare quote ‘{body[scare[0].start : scare[0].end]}’ in a heading",)
        cued = [a for a in found.attributions if start <= a.cue.start < end and _headline_cue(a, body)]
        cued += [a for a in found.attributions if a.rule == "colon:turn" and _governs(a, start, end, body)]
        if cued and not any(unchecked_source(a) for a in cued):
            return "attributed", tuple(_reason(a, body) for a in cued)  # "Putin: talks have failed"
        return "other", (HEADING,)
    own = [a for a in found.attributions if start <= a.cue.start < end]
    outside = [a for a in found.attributions if a not in own and _governs(a, start, end, body)]
    quoting = [a for a in outside if a.kind in ("direct", "mixed")]  # the speaker of a quote the sentence is in
    span = doc.char_span(start, end, alignment_mode="expand") if doc is not None else None
    main = [a for a in own if span is None or covers_main_claim(a, span, quotes, by_share=False)]
    main = main or [a for a in own if covers_main_claim(a, span, quotes)]  # the share of words: a fallback
    if own and not main and not quoting:  # every cue credits a side part: the main claim is the article's own
        vague = [a for a in own if unchecked_source(a)]
        if vague:  # K2, K7: the side claim rests on a vague source and the main claim on none
            return "unsupported", (*(unchecked_reason(a, body) for a in vague), _aside(own, span, body))
        return "other", (_aside(own, span, body),)
    own = main
    # K6: a cue outside that takes the whole sentence as content is a relay; it decides only without a cue inside
    governing = own + quoting if own else outside
    if governing:
        # a cue inside what a vague source says ("Some reported that ... a message stating") is no better source
        governing = [g for g in governing if not any(_inside(g, other) for other in governing)] or governing
        vague = [a for a in governing if unchecked_source(a)]
        if len(vague) == len(governing):
            return "unsupported", tuple(unchecked_reason(a, body) for a in vague)
        relayed = [relayed_unchecked(a, doc, body) for a in governing if a not in vague]
        if all(relayed):  # K6: "Znak.com reported its source said ...": the named relay passes on a hidden source
            return "unsupported", tuple(relayed)
        return "attributed", tuple(_reason(a, body) for a in governing if a not in vague)
    continuing = [c for c in found.continuations if c.start <= start < c.end]
    if continuing:
        return "attributed", continuing[0].reasons
    return "other", (NOTHING_FOUND,)


HEADING = "heading"
"""The reason of a heading's label: a heading is ``other`` by its shape, whatever it says."""
NOTHING_FOUND = "no cue, vague source, hedge or evaluation found"


ASIDE = "aside:"


def _aside(own: list[Attribution], span, body: str) -> str:
    """The reason of a sentence whose cues credit only a side part: who is credited with what, and the main claim."""
    credited = "; ".join(f"{a.speaker} ({a.cue.text(body)})" for a in own)
    return (
        f"{ASIDE} {credited} credited with a side part only; the main claim ('{main_word(span)}') is the article's own"
    )


def _aside_parts(found: Found, start: int, end: int) -> list[Span]:
    """Cue, source and content of the side attributions of a sentence: not the article's voice, not its claim."""
    own = [a for a in found.attributions if start <= a.cue.start < end]
    return [p for a in own for p in (a.cue, a.source, a.content) if p is not None]


def _quoted_on(doc: Doc, start: int, end: int, quotes, sentences, done: list[Span]) -> tuple[str, tuple[str]] | None:
    """A sentence whose main claim lies inside a quotation opened in an earlier, attributed sentence continues that
    quotation (rule 2: a direct quote over several sentences with one cue): ' "... Let them go," he said. "He
    resisted." ' The source of the sentence that opens the quote decides."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None:
        return None
    main = [t for t in main_predicates(span) if not (t.is_punct or t.is_space)] or [span.root]
    for quote in (q for q in quotes if q.start < start < q.end):
        if all(quote.start <= t.idx < quote.end for t in main):
            k = next((i for i, (s, e) in enumerate(sentences) if s <= quote.start < e), len(done))
            opener = done[k] if k < len(done) else None
            if opener is not None and opener.label == "attributed":
                return "attributed", (f"inside a quotation opened in an earlier sentence: {opener.reasons[0]}",)
    return None


QUOTE_MARKS = "'\"‘’“”«»"


def _credited_in_body(quoted: str, after: int, body: str, quotes, found: Found) -> bool:
    """A heading's quoted word that the body quotes or credits to a source ("'illegal' posts" over a statement
    saying "speech that might be illegal"; "'storm' US airbase" over an event called "Storm Area 51") is a
    quotation the heading keeps, not a scare quote (K8: a heading that restates the body)."""
    word = re.compile(r"\b" + re.escape(quoted.strip(QUOTE_MARKS)) + r"\b", re.IGNORECASE)
    spans = [(q.start, q.end) for q in quotes if q.start >= after]
    spans += [(a.content.start, a.content.end) for a in found.attributions if a.content and a.content.start >= after]
    return any(word.search(body[s:e]) for s, e in spans)


STATING = frozenset("neutral evaluative evidential".split())
"""Stances of the verbs by which a headline credits a statement: "says", "claims", and a document's "Study shows"."""


def _headline_cue(attribution: Attribution, body: str) -> bool:
    """A headline credits a statement with a colon, a quotation or a verb of stating ("says", "claims",
    "rules", "tells", a study's "indicates"); "X asks Y to ..." (a request: directive stance) is a link title."""
    cue = attribution.cue.text(body).lower()
    kind, _, lemma = attribution.rule.split(";")[0].partition(":")
    entry = verb_lexicon().get(lemma.replace("_", " ")) if kind == "verb" else None
    stating = entry is not None and entry["lexicon"] == "speech_verbs" and entry["stance"] in STATING
    return attribution.rule == "colon" or attribution.kind == "direct" or cue in ("say", "says", "said") or stating


def headline_named_in_lede(body: str, spans: list[Span], headings: list[tuple[int, int]], found: Found) -> list[Span]:
    """K18: a headline names its source short ("Scientists report ...", "Australian woman claims ...") and the
    lede names it in full ("Valeska Paris, an Australian woman, has claimed ..."), so the short phrase takes the
    kind of the source it stands for. A title whose stating cues have only a vague-looking source is attributed
    when its lede, the first sentence of the body, is attributed and tells the same story (the two share a
    word beyond the source and the cue); otherwise it stays as ``_label`` left it."""
    title = spans[0] if spans and any(s <= spans[0].start < e for s, e in headings[:1]) else None
    if title is None or title.reasons != (HEADING,):
        return spans
    lede = next((s for s in spans[1:] if not any(h <= s.start < e for h, e in headings)), None)
    if lede is None or lede.label != "attributed":
        return spans
    cued = [a for a in found.attributions if title.start <= a.cue.start < title.end and _headline_cue(a, body)]
    if not cued or not all(unchecked_source(a) for a in cued) or not _same_story(body, title, lede, cued):
        return spans
    short = "; ".join(f"{a.cue.text(body)} ({a.source.text(body)})" for a in cued)
    why = f"{short}: the headline's source is the one its first sentence names (K18): {lede.reasons[0]}"
    return [Span(title.start, title.end, "attributed", (why,)), *spans[1:]]


def _same_story(body: str, title: Span, lede: Span, cued: list[Attribution]) -> bool:
    """The headline and its lede share a content word (compared on its first five letters) other than the
    headline's source and cue words, so the lede's source can be the one the headline names short."""
    said = {w for a in cued for w in _words(a.source.text(body) + " " + a.cue.text(body))}
    return bool((_words(title.text(body)) - said) & _words(lede.text(body)))


def _words(text: str) -> set[str]:
    return {w.lower()[:5] for w in re.findall(r"[A-Za-z]{4,}", text)}


def _inside(attribution: Attribution, other: Attribution) -> bool:
    return other is not attribution and other.content.start <= attribution.cue.start < other.content.end


def _governs(attribution: Attribution, start: int, end: int, body: str) -> bool:
    if start <= attribution.cue.start < end:
        return True
    content = attribution.content
    if content is None:
        return False
    shared = max(0, min(end, content.end) - max(start, content.start))
    return shared >= MIN_CONTENT_SHARE * len(body[start:end].strip())


def _reason(attribution: Attribution, body: str) -> str:
    return f"{attribution.cue.text(body)} ({attribution.speaker}; {attribution.rule.split(';')[0]})"
