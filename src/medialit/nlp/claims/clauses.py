"""Two questions about a verb that rules in several modules ask: is it the main verb, does it take "to"."""

from __future__ import annotations

from spacy.tokens import Token


def main_verb(verb: Token) -> bool:
    """The verb heads its sentence, alone or in a coordination ("X said and warned"): not a side clause."""
    while verb.dep_ == "conj":
        verb = verb.head
    return verb.dep_ == "ROOT"


def to_infinitive(verb: Token) -> bool:
    """The verb is a "to" infinitive ("reported to have fled", "seeking to profit")."""
    return any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)
