"""Hedges, hidden-source constructions and framing words that carry a claim in the article's own voice.

A modal hedge ("may"), an impersonal construction ("it was known") or a hedge, evaluative or loaded word from the
framing stage makes an unattributed sentence unsupported, unless it judges nothing: a supposition about the reader
("you may have seen"), what a rule permits ("senators may serve two terms"), a word in a name or the name of an
event (K10), a qualifier of a figure (K13), how much of a report is quoted, or a step in a list ("Finally, ...").
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import cache

from spacy.matcher import Matcher
from spacy.tokens import Doc

from medialit.core.spans import Span
from medialit.nlp.claims import person_nouns
from medialit.nlp.claims.clauses import main_verb
from medialit.nlp.lexicons import load_lexicon, per_vocab
from medialit.nlp.quotes import Quote, quote_at
from medialit.nlp.reporting_lexicon import reporting_entry
from medialit.nlp.sentence_labels.own_voice import in_reported_clause


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


def cue_hits(doc: Doc, quotes: list[Quote]) -> list[tuple[int, str]]:
    """(position, reason) for modal hedges and impersonal constructions ("it was known") outside quotations."""
    hits = []
    for match_id, s, e in _matcher(doc)(doc):
        position = doc[s].idx
        if quote_at(quotes, position) is not None:
            continue
        if in_reported_clause(doc[s], s, e) or (doc[s].tag_ == "MD" and not main_verb(doc[s].head)):
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


def framing_hits(framing: Sequence[Span], doc: Doc) -> list[tuple[int, str]]:
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
        and not _modal_in_a_side_clause(c, doc)
    ]


def _modal_in_a_side_clause(cue: Span, doc: Doc) -> bool:
    """ "any injuries that may have been done", "however our judgments might differ", "to show it could be used":
    a framing hedge built on a modal inside a relative or adverbial clause hedges that side clause, not the
    sentence's claim (K9: the hedge must carry the claim). A content clause ("a source that it may be a factor")
    is a claim and keeps its hedge."""
    span = doc.char_span(cue.start, cue.end, alignment_mode="expand")
    modal = next((t for t in span if t.tag_ == "MD"), None) if span is not None and cue.label == "hedge" else None
    return modal is not None and any(t.dep_ in SIDE_CLAUSES for t in (modal.head, *modal.head.ancestors))


SIDE_CLAUSES = frozenset({"relcl", "advcl"})
"""Links of a clause that says something about a part of the sentence ("injuries that may have been done") or
sets its circumstances ("however X might differ"): not the claim the sentence makes."""


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


def sequence_marker(cue: Span, body: str) -> bool:
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
