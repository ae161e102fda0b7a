"""Claims about why: a cause stated as fact, a motive ascribed to someone.

Why something happened, or why someone acted, is the writer's inference unless a source gives it.
"""

from __future__ import annotations

from spacy.tokens import Token

from medialit.nlp.claims.clauses import to_infinitive
from medialit.nlp.claims.figures import CHANGE

CAUSE_WORDS = frozenset(
    "cause trigger blame fuel spark affect harm worsen undermine undercut prompt provoke hamper hinder ignite".split()
)
"""Verbs that state a cause. Not "damage": a disaster that damaged buildings is the event reported, not a
claim about why; "blame" in the active voice is someone's accusation (an attribution), not the writer's cause."""
RISKS = frozenset("risk probability likelihood chance odds".split())
"""Changing one of these ("raises the risk of", "increases probability of") states a cause."""
CAUSE_PHRASES = (("due", "to"), ("as", "a", "result"), ("thanks", "to"), ("owing", "to"))
CAUSE_LINKS = (("lead", "to"), ("result", "in"), ("contribute", "to"), ("attribute", "to"))
"""A verb that names a cause only with its preposition ("led to", "resulted in", "attributed to"); asserted
only when finite ("for a trial to result in removal" states a condition, "leading to a rush" a sequence)."""
WAYS = frozenset("road path street route trail track door stair staircase way bridge corridor tunnel".split())


def _phrase_in(tokens: list[Token], phrases: tuple[tuple[str, ...], ...]) -> str:
    """The first of ``phrases`` (lower-case word tuples) that the tokens contain, joined, or ``""``."""
    words = tuple(t.lower_ for t in tokens)
    for phrase in phrases:
        if any(words[k : k + len(phrase)] == phrase for k in range(len(words) - len(phrase) + 1)):
            return " ".join(phrase)
    return ""


def _cause(tokens: list[Token]) -> str:
    phrase = _phrase_in(tokens, CAUSE_PHRASES)
    if phrase and not _public_reason(tokens, phrase) and not _scheduled(tokens, phrase):
        return f"a cause ('{phrase}') stated with no source"
    for t in tokens:
        if t.pos_ == "VERB" and (to_infinitive(t) or _identifying(t)):
            continue  # "planned to affect", "the aim is to reduce the risk"; "the virus that causes COVID-19"
        if t.lemma_.lower() in CAUSE_WORDS and t.pos_ == "VERB" and not _accusation(t):
            return f"a cause ('{t.text}') stated with no source"
        risk = next((c for c in t.children if c.dep_ in ("dobj", "nsubjpass") and c.lemma_.lower() in RISKS), None)
        if risk is not None and t.lemma_.lower() in CHANGE | {"raise", "lower"} and t.pos_ == "VERB":
            return f"a cause ('{t.text} {risk.text}') stated with no source"
        preps = {c.lower_ for c in t.children if c.dep_ == "prep"}
        link = next((p for verb, p in CAUSE_LINKS if verb == t.lemma_.lower() and p in preps), "")
        if link and t.pos_ == "VERB" and t.tag_ not in ("VB", "VBG"):
            if any(c.dep_ == "nsubj" and c.lemma_.lower() in WAYS for c in t.children):
                continue  # "the road leads to the harbour": a direction, not a cause
            return f"a cause ('{t.text} {link}') stated with no source"
    return ""


def _scheduled(tokens: list[Token], phrase: str) -> bool:
    """ "He was due to stand down in August": "due to" before a verb states a schedule, not a cause."""
    if phrase != "due to":
        return False
    k = next(i for i in range(len(tokens) - 1) if tokens[i].lower_ == "due" and tokens[i + 1].lower_ == "to")
    return k + 2 < len(tokens) and tokens[k + 2].pos_ in ("VERB", "AUX") and tokens[k + 2].tag_ == "VB"


def _identifying(verb: Token) -> bool:
    """ "the coronavirus that causes COVID-19", "the disease caused by SARS-CoV-2": a restrictive relative clause
    picks out which thing is meant by a public fact about it; it asserts no cause of the report's events (the
    guidelines' `other`: public, uncontested background). A clause set off by a comma (", which has affected the
    routes") adds the writer's claim and still counts."""
    if verb.dep_ not in ("relcl", "acl") or verb.head.pos_ not in ("NOUN", "PROPN"):
        return False
    before = verb.left_edge.i - 1
    return before >= 0 and verb.doc[before].text not in (",", "—", "–", "(")


RULE_NOUNS = frozenset(
    "law legislation rule regulation policy statute ruling order requirement decree constitution treaty".split()
)
"""Rules as reasons: "withheld owing to privacy legislation" names a public rule, which the reader can check."""


def _public_reason(tokens: list[Token], phrase: str) -> bool:
    """ "owing to Polish privacy legislation": the reason is a rule; "As a result, the Supreme Court brought
    the case": the effect is a named body's own act. Either way the phrase joins two public facts, not a
    cause only the writer vouches for."""
    words = phrase.split()
    k = next(i for i in range(len(tokens)) if [t.lower_ for t in tokens[i : i + len(words)]] == words)
    last = tokens[k + len(words) - 1]
    reason = next((c for c in last.children if c.dep_ == "pobj"), None)
    if reason is not None and reason.lemma_.lower() in RULE_NOUNS:
        return True
    effect = tokens[k].head if words[0] == "as" else None
    subject = next((c for c in effect.children if c.dep_ == "nsubj"), None) if effect is not None else None
    named = subject is not None and subject.ent_type_ in ("ORG", "PERSON", "GPE", "NORP")
    return named and effect.pos_ == "VERB" and effect.lemma_.lower() not in CHANGE | CAUSE_WORDS


def _accusation(verb: Token) -> bool:
    """ "The US blamed Iran for the attack", "in blaming Iran": someone's accusation, not the writer's cause
    ("the fire was blamed on faulty wiring" keeps its cause, and hides who blames)."""
    return verb.lemma_.lower() == "blame" and not any(c.dep_ == "auxpass" for c in verb.children)


MOTIVE_PHRASES = (("so", "that"),)
AIMING_VERBS = frozenset("seek aim try attempt hope intend want".split())
"""Verbs of aiming: as a bare participle beside the main verb ("popped up seeking to capitalize") they ascribe a
purpose. Purpose nouns ("in an effort to", "in a bid to") were tried and left out: in news they mostly give
the stated aim of an official act ("designated a hospital in an effort to ..."), which no editor questions.
"In order to" and "so as to" give the same, the aim of the act they close ("in order to allow X to play third
base, Holt moved to left field"): flagged, they were wrong in both sets that had them (tuning A, readers)."""


def _motive(tokens: list[Token]) -> str:
    """ "so they could be closer", "popped up seeking to profit": why someone acted, stated as fact."""
    phrase = _phrase_in(tokens, MOTIVE_PHRASES)
    if phrase:
        return f"a motive ('{phrase}') ascribed with no source"
    for k, t in enumerate(tokens[:-2]):
        if t.lower_ == "so" and t.dep_ == "mark" and tokens[k + 2].lower_ in ("could", "would", "might"):
            return f"a motive ('so {tokens[k + 1].text} {tokens[k + 2].text}') ascribed with no source"
        aiming = t.tag_ == "VBG" and t.dep_ in ("advcl", "acl") and t.lemma_.lower() in AIMING_VERBS
        bare = not any(c.dep_ in ("aux", "nsubj", "mark") for c in t.children)  # not "when I was trying to"
        if aiming and bare and any(c.dep_ == "xcomp" and to_infinitive(c) for c in t.children):
            return f"a motive ('{t.text} to') ascribed with no source"
    return ""


CHECKS = {"cause": _cause, "motive": _motive}
"""This module's rules by name, for ``claim_hits``."""
