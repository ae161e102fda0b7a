"""The writer's judgements: evaluative words, degree, judging adverbs, minds, generics and likenesses.

Each characterises instead of reporting an event a reader could check.
"""

from __future__ import annotations

from functools import cache

from spacy.tokens import Token

from medialit.nlp.claims.hidden_sources import VAGUE_DETERMINERS
from medialit.nlp.lexicons import load_lexicon


@cache
def evaluative_words() -> dict[str, float]:
    """Strongly evaluative adjectives with their VADER rating."""
    return {e["id"]: e["valence"] for e in load_lexicon("evaluative_vader")}


def _evaluative(tokens: list[Token]) -> str:
    words = evaluative_words()
    for t in tokens:
        if t.pos_ != "ADJ" or t.lower_ not in words or t.lower_.endswith("ed"):
            continue  # participles ("infected", "jailed") describe a state, not a judgement
        characterises = t.dep_ == "amod" and t.head.dep_ in ("appos", "attr")  # "a fantastic display", "a cruel man"
        if characterises:
            return (
                f"evaluative word '{t.text}' (VADER rating {words[t.lower_]:+.1f}): a judgement, not a checkable fact"
            )
    return ""


DEGREE = frozenset(
    "extremely very highly relatively exceedingly particularly deeply fairly rather quite remarkably incredibly "
    "truly clearly strongly enormously immensely hugely utterly totally notoriously increasingly".split()
)
"""Degree adverbs: they grade a quality without measuring it."""
NOT_GRADED = frozenset("many much few little more less first last same different other own such".split())


def _degree(tokens: list[Token]) -> str:
    """ "The church is extremely critical of ...": a quality graded by the writer, with nothing measured."""
    for t in tokens:
        if t.pos_ != "ADJ" or t.lower_ in NOT_GRADED or t.tag_ in ("JJS", "JJR"):
            continue
        predicate = t.dep_ in ("acomp", "attr") or (t.dep_ == "amod" and t.head.dep_ in ("attr", "appos"))
        degree = next((c for c in t.children if c.dep_ == "advmod" and c.lower_ in DEGREE), None)
        if predicate and degree is not None:
            return f"a characterisation ('{degree.text} {t.text}') graded with no measure or source"
    return ""


STANCE_ADVERBS = frozenset(
    "interestingly surprisingly unsurprisingly understandably curiously oddly strangely regrettably fortunately "
    "unfortunately sadly tragically ironically predictably tellingly mercifully thankfully luckily".split()
)
"""Adverbs by which the writer comments on a whole event ("Tragically, ...", "not surprisingly")."""


def _judging_adverb(tokens: list[Token]) -> str:
    """ "fought heroically", "Tragically, ...": the writer's verdict on how or that something happened."""
    for t in tokens:
        if t.pos_ != "ADV" or t.dep_ != "advmod":
            continue
        if t.lower_ in STANCE_ADVERBS or _judging_base(t.lower_):
            return f"a judging adverb ('{t.text}'): the writer's verdict, not a checkable fact"
    return ""


@cache
def judging_adjectives() -> frozenset[str]:
    """The framing lexicon's evaluative adjectives ("heroic", "brutal"): their -ly adverbs judge an action."""
    return frozenset(e["id"] for e in load_lexicon("framing_loaded") if e["label"] == "evaluative")


NOT_JUDGING = frozenset({"historically"})
"""-ly adverbs that look made from an evaluative adjective but are not: "historically" is "historical" (in
the past), not "historic"."""


def _judging_base(adverb: str) -> str:
    """The evaluative adjective an -ly adverb is made from ("heroically" -> "heroic", "bravely" -> "brave")."""
    if not adverb.endswith("ly") or adverb in NOT_JUDGING:
        return ""
    stem = adverb[:-2]
    candidates = (stem, stem[:-2] if stem.endswith("al") else "", stem[:-1] + "y" if stem.endswith("i") else "")
    return next((c for c in candidates if c and c in judging_adjectives()), "")


MIND_VERBS = frozenset("feel realize realise trust fear resent regret enjoy love hate wish welcome".split())
"""Verbs of feeling and knowing: with someone else as subject, the writer claims to know their mind."""


def _mind(tokens: list[Token]) -> str:
    """ "She fell in love with him", "he felt compelled to ...": someone's inner life, stated as fact."""
    for t in tokens:
        if t.pos_ != "VERB":
            continue
        subject = next((c for c in t.children if c.dep_ == "nsubj"), None)
        if subject is None or subject.lower_ in ("i", "we", "you", "it", "this", "that") or _comparison(t):
            continue
        fell_in_love = (
            t.lemma_ == "fall"
            and any(c.dep_ == "prep" and c.lower_ == "in" for c in t.children)
            and any(w.lower_ == "love" for w in t.subtree)
        )
        if t.lemma_.lower() in MIND_VERBS or fell_in_love:
            return f"a feeling or thought ascribed to someone ('{t.text}'): how does the writer know?"
    return ""


def _comparison(verb: Token) -> bool:
    """ "as many terms as voters wish": the verb only sets a measure ("as", "than"), it ascribes no feeling."""
    return any(c.dep_ == "mark" and c.lower_ in ("as", "than") for c in verb.children)


STATES = frozenset(
    "available unavailable unknown unclear able unable eligible ready due open free present absent".split()
)
"""Adjectives that state a situation, not a quality of a kind ("tickets are available", "details are unclear")."""


def _generic(tokens: list[Token]) -> str:
    """ "Fires are common in India": a quality ascribed to a whole kind (a bare plural), in the present tense,
    at no particular time ("tickets are available until Friday" is a notice)."""
    if any(t.ent_type_ in ("DATE", "TIME") for t in tokens):
        return ""
    for t in tokens:
        if t.dep_ != "acomp" or t.pos_ != "ADJ" or t.tag_ != "JJ" or t.head.lemma_ != "be" or t.head.tag_ != "VBP":
            continue
        if t.lower_ in STATES:
            continue
        subject = next((c for c in t.head.children if c.dep_ == "nsubj"), None)
        if subject is not None and subject.tag_ == "NNS" and not _determined(subject):
            return f"a generalisation about a kind ('{subject.text} are {t.text}') with no source"
    return ""


def _determined(noun: Token) -> bool:
    """ "the schemes", "these fires", "many fires", "fires there": the plural picks out particular things."""
    return any(c.dep_ in ("det", "poss", "nummod", "predet", "relcl", "acl", "prep") for c in noun.children) or any(
        c.dep_ == "amod" and c.lower_ in VAGUE_DETERMINERS for c in noun.children
    )


LIKENESS = frozenset("reminiscent similar akin comparable analogous".split())
"""Adjectives by which the writer likens one thing to another ("reminiscent of", "similar to")."""


def _likeness(tokens: list[Token]) -> str:
    """ "The incident is reminiscent of two others": the writer draws a likeness, a characterisation."""
    for t in tokens:
        compared = any(c.dep_ == "prep" and c.lower_ in ("of", "to") for c in t.children)
        predicate = t.dep_ in ("acomp", "attr") or (t.dep_ == "amod" and t.head.dep_ in ("attr", "appos"))
        if t.lower_ in LIKENESS and compared and predicate:
            return f"a likeness drawn ('{t.text}') with no source"
    return ""


CHECKS = {
    "evaluative": _evaluative,
    "degree": _degree,
    "judging_adverb": _judging_adverb,
    "mind": _mind,
    "generic": _generic,
    "likeness": _likeness,
}
"""This module's rules by name, for ``claim_hits``."""
