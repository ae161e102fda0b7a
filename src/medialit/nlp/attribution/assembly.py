"""Find every candidate cue, build attributions from them and settle what follows: ``find_attributions``."""

from __future__ import annotations

import bisect
from dataclasses import dataclass, field

from spacy.tokens import Doc, Token

from medialit.core.article import Article
from medialit.core.spans import Attribution, Span
from medialit.nlp.attribution.context import Context
from medialit.nlp.attribution.fallback import fallback_candidates
from medialit.nlp.attribution.following import dash_continuations, govern_following
from medialit.nlp.attribution.phrases import (
    according_to,
    announced_list,
    by_accounts,
    content_noun,
    from_accounts,
    in_statement,
    in_view,
    made_clear,
    per_source,
    speech_noun,
    stance_adjective,
    view_is,
)
from medialit.nlp.attribution.punctuation import colon_quotes, colon_statements, signed_quotes
from medialit.nlp.attribution.quoted_texts import (
    QUOTE_NOUNS,
    attributed_to,
    document_reads,
    quote_by,
    quote_object,
    source_label,
)
from medialit.nlp.attribution.speakers import (
    headline_descriptions,
    inside_no_quotation,
    note_silent,
    outside_turns,
    quoted_speakers,
    silent_sources,
)
from medialit.nlp.attribution.tokens import STATEMENT_NOUNS, verb_tagged_as_noun
from medialit.nlp.attribution.verbs import headline_clause, inverted_cue, verb_cue
from medialit.nlp.reporting_lexicon import SPEECH_ONLY, content_nouns, lexicon_entry, phrase_lexicon


@dataclass(frozen=True)
class Found:
    """Attributions plus the spans that continue one (dash paragraphs without a cue)."""

    attributions: list[Attribution]
    continuations: list[Span] = field(default_factory=list)
    kinds: dict[str, str] = field(default_factory=dict)
    silent: list[tuple[str, Span]] = field(default_factory=list)
    """Sources that were contacted or did not comment (guidelines rule 3): (speaker, mention)."""
    names: dict[str, list[Span]] = field(default_factory=dict)
    """Every place each person source is named, by full name."""


def find_attributions(doc: Doc, article: Article | None = None) -> Found:
    """Every attribution in ``doc`` (parsed from the article body), in text order."""
    ctx = Context(doc, article or Article(body=doc.text))
    raw: list[tuple[Token, dict]] = []
    used: set[int] = set()
    for token in ctx.doc:
        candidate = cue_candidate(ctx, token)
        if candidate and token.i not in used:
            used.add(token.i)
            used.update(candidate.pop("label", ()))  # 'Said Anna Berg: "..."': no colon statement of its own
            raw.append((token, candidate))
    raw += [(c["source"], c) for c in colon_statements(ctx, used) + signed_quotes(ctx, used) + colon_quotes(ctx, used)]
    raw.sort(key=lambda item: item[1]["cue"][0])
    attributions: list[Attribution] = []
    for _, cand in raw:
        attribution = build(ctx, cand, attributions)
        if attribution.speaker and all(p.start < p.end for p in attribution.spans()):  # nothing empty
            attributions.append(attribution)
    attributions = with_fallbacks(ctx, attributions)
    attributions = inside_no_quotation(ctx, govern_following(ctx, attributions))
    attributions = headline_descriptions(ctx, quoted_speakers(ctx, outside_turns(ctx, attributions)))
    continuations = dash_continuations(ctx, attributions)
    silent = silent_sources(ctx, attributions)
    attributions = ctx.resolver.with_kinds(attributions)  # each attribution's own source kind
    return Found(attributions, continuations, dict(ctx.resolver.kinds), silent, ctx.resolver.name_mentions())


def with_fallbacks(ctx: Context, attributions: list[Attribution]) -> list[Attribution]:
    """The attributions with those of the fallback (core speech verbs no rule read), in text order."""
    out = list(attributions)
    for cand in fallback_candidates(ctx, attributions):
        attribution = build(ctx, cand, [a for a in out if a.cue.start < cand["cue"][0]])
        if attribution.speaker and all(p.start < p.end for p in attribution.spans()):
            out.append(attribution)
    return sorted(out, key=lambda a: a.cue.start)


def cue_candidate(ctx: Context, token: Token) -> dict | None:
    """The candidate whose cue is ``token`` (cue, source token, content, how, rule), trying phrases before verbs."""
    lower = token.lower_
    if lower == "according" and any(c.lower_ == "to" for c in token.children):
        return according_to(ctx, token)
    if lower == "per" and token.pos_ == "ADP":
        return per_source(ctx, token)
    if lower == "by" and (found := by_accounts(ctx, token)):
        return found
    if lower in phrase_lexicon()["CUE_ADJ"]:
        return stance_adjective(ctx, token)
    if token.lemma_.lower() in phrase_lexicon()["CUE_NOUN"] and token.dep_ == "dobj":
        found = speech_noun(ctx, token)
        if found is not None or token.lemma_.lower() not in content_nouns():
            return found
    if token.pos_ == "NOUN" and token.dep_ == "nsubj" and (found := view_is(ctx, token)):
        return found
    content = token.pos_ == "NOUN" and token.lemma_.lower() in content_nouns()
    if content and (found := content_noun(ctx, token) or announced_list(ctx, token)):
        return found
    view = token.dep_ == "pobj" and token.head.lower_ in ("in", "from")
    if view and token.lemma_.lower() in content_nouns() and (found := in_view(ctx, token) or from_accounts(ctx, token)):
        return found
    if token.lemma_ == "read" and token.pos_ == "VERB":
        return document_reads(ctx, token)
    if token.lemma_.lower() in STATEMENT_NOUNS and token.dep_ == "pobj" and token.head.lower_ == "in":
        return in_statement(ctx, token)
    if lower in ("source", "sources") and token.pos_ == "NOUN":
        return source_label(ctx, token)
    if token.lemma_.lower() in QUOTE_NOUNS and token.pos_ == "NOUN" and (found := quote_by(ctx, token)):
        return found
    if token.lemma_ == "attribute" and token.tag_ == "VBN":
        return attributed_to(ctx, token)
    if token.lemma_ == "make" and token.pos_ == "VERB" and (found := made_clear(ctx, token)):
        return found
    if token.lemma_ == "contact" and token.pos_ == "VERB":
        note_silent(ctx, token)
        return None
    if token.is_title and (found := inverted_cue(ctx, token)):
        return found
    entry = lexicon_entry(token)
    if entry and entry["lexicon"] != SPEECH_ONLY and token.dep_ == "nsubj" and token.tag_ in ("VBZ", "VBD"):
        return headline_clause(ctx, token, entry)
    if entry and (token.pos_ in ("VERB", "AUX") or verb_tagged_as_noun(token)):
        return verb_cue(ctx, token, entry)
    if entry is None and token.pos_ == "VERB":
        return quote_object(ctx, token)
    return None


def build(ctx: Context, cand: dict, earlier: list[Attribution]) -> Attribution:
    """The attribution of a candidate: the source phrase kept clear of the cue, the speaker resolved."""
    source_token: Token = cand["source"]
    source = cand.get("source_span") or ctx.source_extent(source_token)  # a rule may know where the phrase ends
    cue_start, cue_end = cand["cue"]
    if source[0] >= source[1] or (source[0] < cue_end and cue_start < source[1]):
        head_end = source_token.idx + len(source_token)
        left = (source[0], head_end)  # "Anna Berg, who said ...": the words up to the head
        overlaps = left[0] < cue_end and cue_start < left[1]
        source = left if left[0] < left[1] and not overlaps else (source_token.idx, head_end)
    direct = kind_of(ctx, cand) == "direct"  # a quotation's own marks stay out; a fragment's are kept
    content_start, content_end = cand["content"] if direct else with_closing_mark(ctx, *cand["content"])
    speaker, why = ctx.resolver.resolve(source_token, source, earlier)
    speaker = speaker.strip() or ctx.body[source[0] : source[1]].strip() or source_token.text
    kind = kind_of(ctx, {**cand, "content": (content_start, content_end)})
    rule = cand["rule"] + (f"; speaker {why}" if why else "")
    reasons = (rule,)
    return Attribution(
        speaker=speaker,
        source=Span(source[0], source[1], "source", reasons),
        cue=Span(cue_start, cue_end, "cue", reasons),
        content=Span(content_start, content_end, "content", reasons),
        kind=kind,
        rule=rule,
    )


def with_closing_mark(ctx: Context, start: int, end: int) -> tuple[int, int]:
    """A content that opens a quoted fragment in the reporter's words keeps the fragment's closing mark (and a
    final "." "?" "!" inside it): 'called it "an act of barbarity"' (K17: the marks show which words are the
    speaker's; only the marks around a whole quotation are left out). Not past a comma: '"...," he added'."""
    for quote in ctx.quotes[bisect.bisect_left(ctx.quote_starts, start + 1) :]:  # opening at or after ``start``
        if quote.open_mark >= end:
            break
        if quote.closed and end <= quote.end and not ctx.body[end : quote.end].strip(".?!"):
            return start, quote.outer_end
    return start, end


def kind_of(ctx: Context, cand: dict) -> str:
    """according_to, direct (a quotation or dash paragraph), mixed (a quotation inside) or indirect."""
    if cand["rule"].startswith("according_to"):
        return "according_to"
    if cand["how"] in ("quote", "dash"):
        return "direct"
    start, end = cand["content"]
    inside = any(start <= q.start and q.end <= end for q in ctx.quotes)
    return "mixed" if inside else "indirect"
