"""The words of a source phrase that name the source: ``noun_phrase`` and ``without_determiner``."""

from __future__ import annotations

from typing import TYPE_CHECKING

from medialit.nlp.sources.words import DETERMINERS, document_heads, source_nouns

if TYPE_CHECKING:  # types only: a shipped analysis builds Sources without importing spaCy (issue 18)
    from spacy.tokens import Token


def noun_phrase(head: Token) -> str:
    """The words naming the source without relative clauses, appositives or trailing phrases.

    "The government, which has been criticised" -> "The government"; "Department
    of Agriculture", "Posts on the message board" and "sources close to the
    council" keep their of/on phrase or adjective; a finite verb the parser hung
    before the noun is the cue of an inverted report ("..., reported officials"),
    never part of the name.
    """
    keep = {head.i}
    for token in head.subtree:
        if token.i < head.i and all(a.dep_ not in ("relcl", "appos", "acl") for a in _path(token, head)):
            keep.add(token.i)
    keep = {i for i in keep if i > _clause_end(head, keep)}
    for child in head.rights:
        in_outlet = child.lower_ == "in" and head.lemma_.lower() in document_heads()  # "an article in The Lancet"
        if child.dep_ in ("compound", "flat", "amod") or (
            child.dep_ == "prep" and (child.lower_ in ("of", "on", "at", "for") or in_outlet or _affiliation(child))
        ):
            keep.update(t.i for t in child.subtree if not t.is_punct or t.i < child.right_edge.i)
        elif child.dep_ in ("cc", "conj") and not any(t.is_punct for t in head.doc[head.i : child.i]):
            keep.update(t.i for t in child.subtree)
    doc = head.doc
    first, last = min(keep), max(keep)
    last = max(last, _name_end(head))
    return doc[first : last + 1].text.strip(" ,")


def _clause_end(head: Token, left: set[int]) -> int:
    """The last word before the noun's own words when the parser hung a clause on the noun: its finite verb
    ("..., reported officials") or a conjunction after it ("the hotel was evacuated and local police said");
    -1 when there is none."""
    doc = head.doc
    finite = [i for i in left if doc[i].tag_ in ("VBD", "VBZ", "VBP") and doc[i].is_alpha]  # not "the WHO's"
    if not finite:
        return -1
    joins = [i for i in left if i > max(finite) and doc[i].dep_ == "cc"]
    return max(finite + joins)


def _name_end(head: Token) -> int:
    """The last token of the organisation's name that ``head`` belongs to, before any parenthesis: "Institute of
    Epidemiology, Disease Control and Research" is one name with a comma in it, which the parser split into a
    list."""
    if head.ent_iob_ == "O" or head.ent_type_ not in ("ORG", "FAC"):
        return head.i
    end = next(e.end for e in head.doc.ents if e.start <= head.i < e.end)
    words = head.doc[head.i : end]
    return next((t.i - 1 for t in words if t.text == "("), end - 1)


def _affiliation(prep: Token) -> bool:
    """ "researchers from Penn State", "officials from the Health Ministry": a "from" phrase that names where
    people come from belongs to their name, as "at" does ("researchers at Penn State"); not "a report from X"
    (its issuer), nor an unnamed place ("officials from the ministry" says no more than "officials")."""
    head = prep.head
    if prep.lower_ != "from" or head.pos_ != "NOUN" or head.lemma_.lower() not in source_nouns():
        return False
    places = [c for c in prep.children if c.dep_ == "pobj" and c.ent_type_ not in ("DATE", "TIME")]  # "from Friday"
    return any(c.pos_ == "PROPN" or c.ent_type_ in ("ORG", "GPE") for c in places)


def _path(token: Token, top: Token) -> list[Token]:
    path = []
    while token.i != top.i and token.head.i != token.i:  # Token objects are rebuilt on access: compare indices
        path.append(token)
        token = token.head
    return path


def without_determiner(text: str) -> str:
    words = text.split()
    if len(words) > 1 and words[0].lower() in DETERMINERS:
        words = words[1:]
    return " ".join(words)
