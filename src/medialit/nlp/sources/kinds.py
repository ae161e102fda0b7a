"""What kind of source a phrase names (K2, K18): vague, anonymous, document (also news outlets) or organisation.

Also whether the sentence says why an anonymous source is not named (K7).
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from medialit.nlp.sources.words import (
    INSTITUTIONS,
    ORG_ENTS,
    OUTLET_NAME_WORDS,
    OUTLET_NOUNS,
    document_heads,
    source_nouns,
    title_words,
    vague_heads,
    vague_modifiers,
)

if TYPE_CHECKING:  # types only: a shipped analysis builds Sources without importing spaCy (issue 18)
    from spacy.tokens import Token

KINDS = ("person", "organisation", "document", "vague", "anonymous", "pronoun")
UNCHECKED_KINDS = frozenset({"vague", "anonymous"})
"""Kinds whose claims a reader cannot weigh: a sentence resting only on them is unsupported (K6, K7).
An anonymous source whose sentence says why it is not named counts as a person (K7)."""
ANONYMITY_REASON = re.compile(
    r"\b(?:not (?:authori[sz]ed|allowed|permitted|cleared) to (?:speak|talk|discuss|comment)"
    r"|(?:on )?condition of anonymity|(?:asked|requested|declined) (?:not )?to be (?:named|identified)"
    r"|requested anonymity|fear(?:ed|ing)? (?:of )?reprisals?)",
    re.IGNORECASE,
)
"""Why a source is not named (K7): with it, an anonymous source's claim is attributed, not vague."""


def source_kind(head: Token) -> str:
    """vague, document or organisation, for a source phrase that names no person."""
    if is_vague(head):
        return "vague"
    if head.lemma_.lower() in document_heads():
        return "document"
    return "organisation"


def one_unnamed(head: Token) -> bool:
    """One particular source the text does not name (K2 anonymous): "a fire officer", "one poster", "another official".

    Not an open group ("officials", "some critics", "a number of people"), not
    a document ("a report"), not anyone at all ("someone"), and not the voice
    of a named body ("a spokesman for Acme Corp": the organisation answers for it).
    """
    if head.tag_ != "NN" or any(c.dep_ == "prep" and c.lower_ == "of" for c in head.children):
        return False  # "a number of people", "a group of residents": how many, not who
    if any(names_someone(t) for t in head.subtree if t.i != head.i):
        return False
    one = any(c.dep_ in ("det", "nummod") and c.lower_ in ("a", "an", "one", "another") for c in head.children)
    lemma = head.lemma_.lower()
    speaks = lemma in source_nouns() or lemma in title_words() or lemma in vague_heads()
    return one and speaks and lemma not in document_heads()  # "a posting", "one study": no person


def unnamed_kind(head: Token) -> str:
    """A source the reader cannot identify: anonymous when it is one particular source, else vague."""
    return "anonymous" if one_unnamed(head) else "vague"


def issuer_of(head: Token) -> Token | None:
    """Who issued a document: the object of its "by" or "from" ("a report by UpGuard", "a statement from the club"),
    when that is a name or a word for people or institutions."""
    if head.lemma_.lower() not in document_heads() or head.pos_ != "NOUN":
        return None
    for prep in head.children:
        if prep.dep_ == "prep" and prep.lower_ in ("by", "from"):
            issuer = next((c for c in prep.children if c.dep_ == "pobj"), None)
            if issuer is not None and (names_someone(issuer) or issuer.lemma_.lower() in source_nouns()):
                return issuer if issuer.ent_type_ not in ("DATE", "TIME") else None
    return None


def named_document(head: Token) -> bool:
    """A document or media noun whose phrase names who issued it ("a report by the UN", "the WHO's study").

    Such a source is identifiable, so it is a document, not a vague source;
    "reports say" or "a posting by an unknown author" stay vague.
    """
    if head.lemma_.lower() not in document_heads() or head.pos_ != "NOUN":
        return False
    phrase = [t for t in head.subtree if t.i != head.i]
    if any(t.lower_ in vague_modifiers() or t.lower_ in ("unknown", "anonymous") for t in phrase):
        return False
    issuers = [c for c in head.children if c.dep_ in ("poss", "compound", "amod", "nmod")]
    for prep in head.children:
        if prep.dep_ == "prep" and prep.lower_ in ("by", "from", "of"):
            issuers += [c for c in prep.children if c.dep_ == "pobj"]
    return any(names_someone(t) for issuer in issuers for t in issuer.subtree)


def outlet_name(head: Token) -> bool:
    """A proper name that names a news outlet, so a document (K18), not an organisation.

    Either the name ends in a word of the press or broadcasting ("ABC News",
    "The Daily Herald", "WSET-TV"; a one-word name needs "the": "The Times"),
    or a noun before it says what it is ("the magazine MicroMega", "state
    press agency PAP", whatever the entity recogniser made of the name). A
    person's name ending in such a word is not one ("Senator Amy Post").
    """
    if head.pos_ != "PROPN" or not head.text[:1].isupper():
        return False
    before = [c for c in head.children if c.i < head.i]
    named = head.lower_ in OUTLET_NAME_WORDS and head.ent_type_ != "PERSON"
    if named and any(c.dep_ in ("compound", "det", "amod", "nmod") for c in before):
        return True
    return any(c.dep_ in ("compound", "nmod") and c.pos_ == "NOUN" and outlet_noun(c) for c in before)


def outlet_noun(noun: Token) -> bool:
    """ "magazine", "website", "news agency", "press agency": a noun for a news outlet."""
    lemma = noun.lemma_.lower()
    return lemma in OUTLET_NOUNS or (lemma == "agency" and any(c.lower_ in ("news", "press") for c in noun.children))


def names_someone(token: Token) -> bool:
    """A name or a named organisation, person or place (not a date: "posts from Friday")."""
    if token.ent_type_ in ("DATE", "TIME", "CARDINAL", "ORDINAL"):
        return False
    return token.pos_ == "PROPN" or token.ent_type_ in ORG_ENTS | {"PERSON"}


def is_vague(head: Token) -> bool:
    """A source the reader cannot identify: a vague head ("officials"), modifier ("unnamed"), or a bare plural.

    An anonymous source whose sentence says why it is not named ("a senior
    official, who was not authorised to speak publicly") is not vague (K7).
    """
    if anonymity_explained(head):
        return False
    if vague_word(head):
        return True
    phrase = list(head.subtree)
    if any(t.lower_ in vague_modifiers() for t in phrase if t.i <= head.i):
        return True
    bare_plural = head.tag_ == "NNS" and not any(c.dep_ in ("det", "poss") for c in head.children)
    institution = head.lower_ in INSTITUTIONS  # "Police said": the force in charge is an organisation (K2)
    return bare_plural and not institution and not any(t.pos_ == "PROPN" for t in phrase)


def definite_group(token: Token) -> bool:
    """ "the terrorists", "the company's lawyers": a particular plural group that can speak (not "Writers")."""
    lemma = token.lemma_.lower()
    speaks = lemma in source_nouns() or lemma in vague_heads() or lemma in title_words()
    return token.tag_ == "NNS" and speaks and any(c.dep_ in ("det", "poss") for c in token.children)


def anonymity_explained(head: Token) -> bool:
    """The source's sentence says why it is not named ("who was not authorised to speak publicly")."""
    return bool(ANONYMITY_REASON.search(head.sent.text))


def vague_word(head: Token) -> bool:
    """The head word is a vague source word; a capitalised one only where a sentence starts ("The Post" is named)."""
    if head.pos_ == "PROPN" and (not head.is_sent_start or any(c.dep_ == "compound" for c in head.children)):
        return False
    heads = vague_heads()
    return head.lemma_.lower() in heads or head.lower_ in heads or head.lower_.removesuffix("s") in heads
