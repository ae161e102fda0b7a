"""One label per sentence: attributed, unsupported or other (corpus guidelines, "Sentences").

- ``attributed``: a cue in the sentence credits its main claim (``main_claim``: a cue that
  credits only an aside, "a plane, reported by local press as ..., crashed", leaves the
  main claim to the article), or the sentence lies inside attributed content (also a dash
  paragraph continuing a quote), and the source is identifiable;
- ``unsupported``: its claim rests on a vague source, or it speaks in the
  article's own voice through a hedge ("reportedly", "may"), an impersonal
  construction that hides the source ("it was known") or an evaluative word
  ("historic"), or it is a heading built on a scare quote;
- ``other``: everything else (background facts, headings, datelines).

Each label carries its reasons: the cue and speaker, the vague source, the hedge.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence
from functools import cache, lru_cache

from spacy.matcher import Matcher
from spacy.tokens import Doc

from medialit.core.article import Article
from medialit.core.spans import Attribution, Span
from medialit.nlp.attribution import Found
from medialit.nlp.claims import REPORT_RULES, RULES, claim_hits, hides_source, person_nouns
from medialit.nlp.lexicons import load_lexicon, per_vocab
from medialit.nlp.main_claim import MIN_CONTENT_SHARE, covers_main_claim, main_predicates, main_word
from medialit.nlp.quotes import find_quotes
from medialit.nlp.reporting_lexicon import reporting_entry, verb_lemma, verb_lexicon
from medialit.nlp.sources import UNCHECKED_KINDS, is_vague, one_unnamed, unchecked
from medialit.nlp.unsupported_model import Model, features, load_model


@cache
def _patterns() -> tuple[tuple[str, list], ...]:
    return tuple((f"{e['label']}:{e['id']}", e["pattern"]) for e in load_lexicon("unsupported_cues"))


def _matcher(doc: Doc) -> Matcher:
    return per_vocab("unsupported_cues", doc.vocab, _compile)


def _compile(vocab) -> Matcher:
    matcher = Matcher(vocab)
    for key, pattern in _patterns():
        matcher.add(key, [pattern])
    return matcher


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
        if cued and not any(_unchecked(a) for a in cued):
            return "attributed", tuple(_reason(a, body) for a in cued)  # "Putin: talks have failed"
        return "other", ("heading",)
    own = [a for a in found.attributions if start <= a.cue.start < end]
    outside = [a for a in found.attributions if a not in own and _governs(a, start, end, body)]
    quoting = [a for a in outside if a.kind in ("direct", "mixed")]  # the speaker of a quote the sentence is in
    span = doc.char_span(start, end, alignment_mode="expand") if doc is not None else None
    main = [a for a in own if span is None or covers_main_claim(a, span, quotes, by_share=False)]
    main = main or [a for a in own if covers_main_claim(a, span, quotes)]  # the share of words: a fallback
    if own and not main and not quoting:  # every cue credits a side part: the main claim is the article's own
        vague = [a for a in own if _unchecked(a)]
        if vague:  # K2, K7: the side claim rests on a vague source and the main claim on none
            return "unsupported", (*(_unchecked_reason(a, body) for a in vague), _aside(own, span, body))
        return "other", (_aside(own, span, body),)
    own = main
    # K6: a cue outside that takes the whole sentence as content is a relay; it decides only without a cue inside
    governing = own + quoting if own else outside
    if governing:
        # a cue inside what a vague source says ("Some reported that ... a message stating") is no better source
        governing = [g for g in governing if not any(_inside(g, other) for other in governing)] or governing
        vague = [a for a in governing if _unchecked(a)]
        if len(vague) == len(governing):
            return "unsupported", tuple(_unchecked_reason(a, body) for a in vague)
        relayed = [_relayed_unchecked(a, doc, body) for a in governing if a not in vague]
        if all(relayed):  # K6: "Znak.com reported its source said ...": the named relay passes on a hidden source
            return "unsupported", tuple(relayed)
        return "attributed", tuple(_reason(a, body) for a in governing if a not in vague)
    continuing = [c for c in found.continuations if c.start <= start < c.end]
    if continuing:
        return "attributed", continuing[0].reasons
    return "other", (NOTHING_FOUND,)


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


def _unchecked(attribution: Attribution) -> bool:
    """A vague or anonymous source with no reason given (K2, K7): the attribution's own source kind, which
    ``medialit.nlp.sources.mention_kind`` decided for this mention (two unnamed fire officers share one
    speaker name; only the one "not authorised to speak publicly" is explained)."""
    return attribution.source_kind in UNCHECKED_KINDS


def _unchecked_reason(attribution: Attribution, body: str) -> str:
    """Why a source leaves its claim unchecked: vague (K2, K3) or anonymous with no reason given (K7)."""
    where = f"{attribution.source.text(body)} ({attribution.cue.text(body)})"
    if attribution.source_kind == "anonymous":
        return f"anonymous source, no reason given for not naming it (K7): {where}"
    return f"vague source: {where}"


def _relayed_unchecked(attribution: Attribution, doc: Doc | None, body: str) -> str:
    """A named relay whose reported clause credits a vague, anonymous or hidden source (K6, K7, K3).

    "Znak.com reported its source said the tenant moved in": Znak.com makes it checkable that the outlet
    said so, not who told it; "PAP reported being told off the record ...": the teller is left out. A
    direct quotation is the named speaker's own claim, even when it cites vague grounds (K6), so only
    reported speech is followed.
    """

    if doc is None or attribution.kind == "direct":
        return ""
    cue = doc.char_span(attribution.cue.start, attribution.cue.end, alignment_mode="expand")
    if cue is None:
        return ""
    cited = _cites_unnamed(cue.root)
    if cited is not None:
        where = body[cited.left_edge.idx : cited.idx + len(cited.text)]
        return f"K6: {attribution.speaker} passes on what {where} told it, a source no reader can check (K7)"
    for verb in (c for c in cue.root.children if c.dep_ in ("ccomp", "xcomp") and c.pos_ == "VERB"):
        if _told_by_nobody(verb) or hides_source(verb):
            return f"K6: {attribution.speaker} passes on what '{verb.text}' credits to nobody named (K3)"
        subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
        if subject is None:  # "Znak.com reported its source said ...", parsed as "reported [its source] [said ...]"
            subject = next((c for c in cue.root.children if c.dep_ == "dobj" and c.i == verb.i - 1), None)
        entry = reporting_entry(verb)
        says = entry is not None and entry.get("stance") != "cognition"  # "the men thought": a mind, not a source
        says = says and any(c.dep_ in ("ccomp", "xcomp") for c in verb.children)
        informant = subject is not None and subject.lemma_.lower() in INFORMANTS
        says = says or informant  # "FSB sources have ascribed"
        known = subject is not None and any(c.lower_ in ("the", "these", "those") for c in subject.children)
        unnamed = subject is not None and (is_vague(subject) or one_unnamed(subject)) and (informant or not known)
        if says and unnamed and unchecked(subject, "anonymous" if one_unnamed(subject) else "vague"):
            where = body[subject.left_edge.idx : subject.idx + len(subject.text)]
            return f"K6: {attribution.speaker} passes on what {where} says, a source no reader can check (K7)"
    return ""


CITING = frozenset("cite quote".split())
"""Verbs by which a relay names whom it got its report from ("Reuters, citing anonymous sources, reported")."""


def _cites_unnamed(cue):
    """The unnamed source a relay cites beside its cue ("Reuters, citing anonymous sources, reported ..."), if any
    (K6: the relay is named, whoever told it is not; K7: and no reason is given)."""
    for verb in (c for c in cue.children if c.dep_ == "advcl" and c.lemma_.lower() in CITING):
        for cited in (c for c in verb.children if c.dep_ == "dobj"):
            kind = "anonymous" if one_unnamed(cited) else "vague" if is_vague(cited) else ""
            if kind and unchecked(cited, kind):
                return cited
    return None


INFORMANTS = frozenset("source insider informant".split())
"""Nouns for people who only ever inform: whatever "sources" do in a relayed clause, they are its source."""


def _told_by_nobody(verb) -> bool:
    """ "PAP reported being told off the record ...", "she said she had been informed that ...": the relay
    received a message and its sender is left out ("the owner had been informed" tells of someone else)."""

    kids = list(verb.children)
    passive = any(c.dep_ == "auxpass" for c in kids) and not any(c.dep_ == "agent" for c in kids)
    recipient = next((c for c in kids if c.dep_ == "nsubjpass"), None)
    the_relay = recipient is None or recipient.pos_ == "PRON"
    message = any(c.dep_ in ("ccomp", "xcomp", "dobj") for c in kids)
    return passive and the_relay and message and verb_lemma(verb) in verb_lexicon()


def _hidden_source_on_main_claim(
    doc: Doc, start: int, end: int, framing: Sequence[Span], found: Found | None = None
) -> str:
    """A hidden-source hedge ("reportedly", "allegedly") or agentless passive ("is reported to have") on the
    sentence's main verb (K3).

    "UpGuard reportedly emailed Amazon, to which Amazon acknowledged ...": the cue in the side clause credits
    only the reply; the main claim, that the email was sent, has its source left out. "The attacker is
    reported to have jumped on stage and claimed he was wronged": the claim he made is itself reported by
    nobody named. A named cue that is itself a main clause coordinated with the hidden one ("It was first
    reported the fire started in a car, but NRK later reported it started in a van") credits a main claim.
    """
    from medialit.nlp.framing import in_quote

    span = doc.char_span(start, end, alignment_mode="expand")
    root = span.root if span is not None else None
    if root is not None and root.dep_ == "ROOT" and hides_source(root) and not _named_main_cue(span, root, found):
        return f"the source hidden (K3): '{root.text}' by whom?"

    for cue in framing:
        if not (start <= cue.start < end) or cue.label != "hedge" or in_quote(cue):
            continue
        if not cue.reasons or not cue.reasons[0].endswith("source is not given"):
            continue
        span = doc.char_span(cue.start, cue.end, alignment_mode="expand")
        if span is not None and len(span) == 1 and span.root.dep_ == "advmod" and _main_clause(span.root.head):
            return cue.reasons[0]
    return ""


def _named_main_cue(span, root, found: Found | None) -> bool:
    """A cue of a checkable source on a main clause of its own coordinated with ``root`` ("..., but NRK later
    reported"; not "is reported to have jumped and claimed", whose subject is the hidden report's)."""
    coordinated = {t.i for t in main_predicates(span) if t.i != root.i and any(c.dep_ == "nsubj" for c in t.children)}
    for attribution in found.attributions if found is not None else ():
        cue = span.doc.char_span(attribution.cue.start, attribution.cue.end, alignment_mode="expand")
        if cue is not None and not _unchecked(attribution) and any(t.i in coordinated for t in cue):
            return True
    return False


_REFERENCE = re.compile(r"\[\d+(?:\s*[-–,]\s*\[?\d+\]?)*\]|\((?:Figure|Fig\.|Table) \d+(?:\.\d+)*\)")


_LEADING_REFERENCES = re.compile(r"^(?:\s*\[[^\]\n]*\])+\s*")


def cited(text: str) -> str:
    """A reference number ("[12]", "[3 – 5]") or a figure reference ("(Figure 1.6)") in the sentence.

    The guidelines call a claim unsupported when it has no source and no
    evidence; a reference that closes it points the reader to both (corpus
    conventions, ``course/corpus/SOURCES.md``), so the sentence is not
    unsupported. A reference opening the sentence closes the one before; a
    flagged one ("[citation needed]", "[better source needed]") supports nothing.
    """
    text = _LEADING_REFERENCES.sub("", text)  # "[17] The motives are obscure.": 17 closes the sentence before
    match = _REFERENCE.search(text)
    return match.group(0) if match and "needed]" not in text else ""


def _headline_cue(attribution: Attribution, body: str) -> bool:
    """A headline credits a statement with a colon, a quotation or a verb of stating ("says", "claims",
    "rules", "tells"); "X asks Y to ..." (a request: directive stance) is a link title."""
    cue = attribution.cue.text(body).lower()
    kind, _, lemma = attribution.rule.split(";")[0].partition(":")
    entry = verb_lexicon().get(lemma.replace("_", " ")) if kind == "verb" else None
    stating = entry is not None and entry["lexicon"] == "speech_verbs" and entry["stance"] in ("neutral", "evaluative")
    return attribution.rule == "colon" or attribution.kind == "direct" or cue in ("say", "says", "said") or stating


_DATELINE = re.compile(
    r"^(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday), [A-Z][a-z]+ \d{1,2}, \d{4}\s*$", re.MULTILINE
)


@lru_cache(maxsize=16)
def is_dated_report(body: str) -> bool:
    """A news report: a dateline ("Friday, July 21, 2017") among the first lines of the body."""
    head = "\n".join([line for line in body.splitlines() if line.strip()][:4])
    return bool(_DATELINE.search(head))


_NEWS_DAY = re.compile(r"\b(?:(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day|yesterday|today|tonight)\b", re.IGNORECASE)


def is_news_report(article: Article) -> bool:
    """A news report: a dateline, or a lede that sets its event on a day ("Yesterday, the jury convicted ...",
    "On Tuesday, the party held ...", "died Tuesday at age 65"), as a report of the day's news does and an
    essay, a textbook or an encyclopedia entry does not. Reports scraped without their dateline keep the lede."""
    if is_dated_report(article.body):
        return True
    headings = [(b.start, b.end) for b in article.paragraphs if b.kind == "heading"]
    lede = next((s for s in article.sentences if not any(h <= s[0] < e for h, e in headings)), None)
    return lede is not None and bool(_NEWS_DAY.search(article.body[lede[0] : lede[1]]))


def candidate_features(doc: Doc, article: Article, quotes, position: int) -> list[float]:
    """The model's features of sentence number ``position`` (shared with ``tools/train_unsupported.py``)."""
    start, end = article.sentences[position]
    outlet = str(article.meta.get("outlet", "")).strip()
    block = next((b for b in article.paragraphs if b.start <= start < b.end), None)
    interviewer = bool(outlet) and block is not None and article.body[block.start : block.end].startswith(outlet + ":")
    return features(doc, start, end, lambda t: _own_voice_excluded(t, quotes), position, interviewer)


def _own_voice_excluded(token, quotes) -> bool:
    return any(q.start <= token.idx < q.end for q in quotes) or _reported(token, token.i, token.i + 1)


def _claims(
    doc: Doc, start: int, end: int, quotes, rules: tuple[str, ...] = RULES, aside: Sequence[Span] = ()
) -> list[tuple[str, str]]:
    """Checkable claims (figures, causes, rankings, judgements) in the sentence's own-voice words.

    Words inside a quotation or governed by a reporting verb ("asked how the
    war could affect trade") are someone else's.
    """
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None:
        return []
    return claim_hits(
        span, lambda t: _own_voice_excluded(t, quotes) or any(a.start <= t.idx < a.end for a in aside), rules
    )


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


def _cue_hits(doc: Doc, quotes) -> list[tuple[int, str]]:
    """(position, reason) for modal hedges and impersonal constructions ("it was known") outside quotations."""
    quote_starts = [q.start for q in quotes]
    hits = []
    for match_id, s, e in _matcher(doc)(doc):
        position = doc[s].idx
        k = bisect.bisect_right(quote_starts, position) - 1
        if k >= 0 and quotes[k].start <= position < quotes[k].end:
            continue
        if _reported(doc[s], s, e) or (doc[s].tag_ == "MD" and not _main_clause(doc[s].head)):
            continue
        if doc[s].tag_ == "MD" and _to_the_reader(doc[s].head):
            continue  # "you may have seen maps": a supposition about the reader, not a claim
        if doc[s].tag_ == "MD" and _permission(doc[s].head):
            continue  # "senators may serve two terms": what a rule allows someone to do, not a hedged claim
        key = doc.vocab.strings[match_id]
        label = key.partition(":")[0]
        kind = {"HEDGE": "hedge", "VAGUE_PASSIVE": "source hidden"}.get(label, label)
        hits.append((position, f"{kind}: {doc[s:e].text}"))
    hits.sort()
    return hits


UNSUPPORTING_FRAMING = ("hedge", "evaluative", "loaded")


def _framing_hits(framing: Sequence[Span], doc: Doc) -> list[tuple[int, str]]:
    """(position, reason) for framing cues that carry a claim in the article's own voice."""
    from medialit.nlp.framing import in_quote

    return [
        (c.start, c.reasons[0])
        for c in framing
        if c.label in UNSUPPORTING_FRAMING
        and not in_quote(c)
        and not _hedge_to_the_reader(c, doc)
        and not _names_an_event(c, doc)
        and not _in_a_name(c, doc)
        and not _qualifies_a_figure(c, doc)
        and not _hedges_the_report(c, doc)
        and not _modal_of_permission(c, doc)
    ]


def _modal_of_permission(cue: Span, doc: Doc) -> bool:
    """ "could be seen by anyone": a framing hedge built on a modal of what people can do (``_permission``)."""
    span = doc.char_span(cue.start, cue.end, alignment_mode="expand")
    modal = next((t for t in span if t.tag_ == "MD"), None) if span is not None and cue.label == "hedge" else None
    return modal is not None and _permission(modal.head)


def _names_an_event(cue: Span, doc: Doc) -> bool:
    """ "the Watergate scandal", "the Cambridge Analytica scandal": a loaded word in the name of a real event
    (a proper noun before it) names that event, literally (K10), rather than judging it."""
    span = doc.char_span(cue.start, cue.end, alignment_mode="expand")
    if cue.label != "loaded" or span is None:
        return False
    return any(c.dep_ == "compound" and c.pos_ == "PROPN" for c in span.root.children)


FIGURE_ENTITIES = frozenset("CARDINAL QUANTITY PERCENT MONEY DATE TIME".split())


def _qualifies_a_figure(cue: Span, doc: Doc) -> bool:
    """ "worked for somewhat over a year", "roughly 40 percent": a hedge that qualifies a figure says how exact
    the figure is, as "about" and "up to" do (K13: a figure given with its qualifier), not how sure the claim is."""
    span = doc.char_span(cue.start, cue.end, alignment_mode="expand")
    if span is None or cue.label != "hedge" or len(span) != 1 or span.root.dep_ != "advmod":
        return False
    head = span.root.head
    figure = any(t.ent_type_ in FIGURE_ENTITIES or t.like_num for t in head.subtree if t.i != span.root.i)
    return head.ent_type_ in FIGURE_ENTITIES or (figure and head.pos_ in ("ADP", "NUM", "ADJ"))


NAMES = frozenset("PERSON ORG GPE FAC WORK_OF_ART PRODUCT EVENT LAW".split())


def _in_a_name(cue: Span, doc: Doc) -> bool:
    """ "Stormy Daniels", "the Grateful Dead", "Brave New World": an evaluative word inside a proper name names
    someone or something; it judges nothing (K10: a word used literally)."""
    span = doc.char_span(cue.start, cue.end, alignment_mode="expand")
    return span is not None and cue.label != "hedge" and all(t.ent_type_ in NAMES for t in span)


def _hedges_the_report(cue: Span, doc: Doc) -> bool:
    """ "a statement which read, in part, ...": the hedge says how much of a report is quoted, not how sure a
    claim is."""
    span = doc.char_span(cue.start, cue.end, alignment_mode="expand")
    if cue.label != "hedge" or span is None or cue.reasons[0].endswith("source is not given"):
        return False  # "reportedly said": the report itself has a hidden source (K3)
    word = span.root
    reports = word.head.lemma_ == "read" or reporting_entry(word.head) is not None  # "the statement read"
    return word.dep_ in ("advmod", "prep") and reports


def _hedge_to_the_reader(cue: Span, doc: Doc) -> bool:
    """ "You may have seen maps", "perhaps you were told": a supposition about the reader, not a claim."""
    if cue.label != "hedge":
        return False
    span = doc.char_span(cue.start, cue.end, alignment_mode="expand")
    if span is None:
        return False
    word = span.root
    return _to_the_reader(word.head if word.dep_ in ("aux", "auxpass", "advmod") else word)


SEQUENCE_MARKERS = frozenset({"finally", "lastly"})


def _sequence_marker(cue: Span, body: str) -> bool:
    """ "Finally, the orbiter will go on display": a step in a list opening its sentence, no judgement."""
    if body[cue.start : cue.end].lower() not in SEQUENCE_MARKERS or body[cue.end : cue.end + 1] != ",":
        return False
    before = body[max(0, cue.start - 8) : cue.start].rstrip()
    return not before or before[-1] in '.!?\n"”'


STATIVE = frozenset("be have seem appear need".split())


def _permission(verb) -> bool:
    """ "Senators may serve any number of terms", "the Senate could disqualify him", "people may still vote":
    a modal on what a person or body does is what a rule permits, not how sure the writer is ("the yields
    may be sensitive", "it could affect the case" stay hedges). The passive with such a doer counts the same:
    "the post could be seen by anyone" is "anyone could see the post"."""

    agent = next((c for c in verb.children if c.dep_ == "agent"), None)
    doer = next((c for c in agent.children if c.dep_ == "pobj"), None) if agent is not None else None
    subject = doer or next((c for c in verb.children if c.dep_ == "nsubj"), None)
    if subject is None or verb.lemma_.lower() in STATIVE or verb.pos_ != "VERB":
        return False
    body = subject.ent_type_ in ("PERSON", "ORG", "NORP") or subject.lower_ in ("people", *ANYONE)
    return body or subject.lemma_.lower() in person_nouns()


ANYONE = ("anyone", "anybody", "everyone", "everybody")


def _to_the_reader(verb) -> bool:
    return any(c.dep_ in ("nsubj", "nsubjpass") and c.lower_ == "you" for c in verb.children)


def _main_clause(verb) -> bool:
    """The verb heads the sentence (or a clause coordinated with it): a modal there carries the claim."""
    while verb.dep_ == "conj":
        verb = verb.head
    return verb.dep_ == "ROOT"


def _reported(token, start: int, end: int) -> bool:
    """A word inside what a speech verb reports ("asked how it could ...") is not the article's own voice."""
    child = token
    for head in token.ancestors:
        governed = child.dep_ in REPORTED_LINKS  # "said X and placed Y": Y is the writer's, not the speaker's
        if governed and head.pos_ == "VERB" and not start <= head.i < end and reporting_entry(head):
            return True
        child = head
    return False


REPORTED_LINKS = frozenset({"ccomp", "xcomp", "parataxis", "advcl", "csubj"})
"""Links by which a reporting verb governs what it reports: a clause ("asked how it could ...", "told them to
leave"). Its subject, object or prepositional phrase is no report ("women hold 28 percent of the seats",
"trade accounts for 60 percent"), nor is a verb coordinated with it ("said X and placed Y")."""
