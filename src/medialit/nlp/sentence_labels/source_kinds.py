"""Sources no reader can check (K2, K6, K7): a sentence credited only to them is unsupported, not attributed.

A vague or anonymous source with no reason given for leaving it unnamed leaves its claim unchecked, and so does a
named relay that passes on what such a source, or nobody named, told it ("Znak.com reported its source said ...").
The source kind of each mention is decided in ``medialit.nlp.sources``; this module reads it and follows relays.
"""

from __future__ import annotations

from spacy.tokens import Doc

from medialit.core.spans import Attribution
from medialit.nlp.claims import hides_source
from medialit.nlp.reporting_lexicon import reporting_entry, verb_lemma, verb_lexicon
from medialit.nlp.sources import UNCHECKED_KINDS, is_vague, one_unnamed, unchecked


def unchecked_source(attribution: Attribution) -> bool:
    """A vague or anonymous source with no reason given (K2, K7): the attribution's own source kind, which
    ``medialit.nlp.sources.mention_kind`` decided for this mention (two unnamed fire officers share one
    speaker name; only the one "not authorised to speak publicly" is explained)."""
    return attribution.source_kind in UNCHECKED_KINDS


def unchecked_reason(attribution: Attribution, body: str) -> str:
    """Why a source leaves its claim unchecked: vague (K2, K3) or anonymous with no reason given (K7)."""
    where = f"{attribution.source.text(body)} ({attribution.cue.text(body)})"
    if attribution.source_kind == "anonymous":
        return f"anonymous source, no reason given for not naming it (K7): {where}"
    return f"vague source: {where}"


def relayed_unchecked(attribution: Attribution, doc: Doc | None, body: str) -> str:
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
