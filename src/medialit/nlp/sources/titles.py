"""Titles and their holders: the person a title ("the Prime Minister") or a titled phrase names.

A bare title refers to the person the article names with that title
("Defence Minister Kim Tae-young" ... "the minister"), unless a proper noun
before it says it names someone else ("Judge Miller", not "Texas judge"); a
deputy governor is not "the governor". A source phrase that holds a title and
a name ("Malaysia's Prime Minister, Najib Razak") is that person.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from medialit.nlp.sources.names import NameIndex
from medialit.nlp.sources.words import ORG_ENTS, wordnet_group_nouns, wordnet_person_nouns

if TYPE_CHECKING:  # types only: a shipped analysis builds Sources without importing spaCy (issue 18)
    from spacy.tokens import Token


class TitleHolders(NameIndex):
    """Finds the person a title or a titled phrase names, in the article's name index."""

    def _person_in(self, head: Token, extent: tuple[int, int]) -> str:
        """The surname of the person named in the source phrase, if it names one."""
        candidates = [head] + [c for c in head.children if c.dep_ == "appos"]
        candidates.sort(key=lambda t: t.ent_type_ != "PERSON")  # "the secretary of CEI (Conference), Nunzio Galantino"
        for token in candidates:
            proper = token.pos_ == "PROPN" and token.lower_ not in self.titles and token.ent_type_ not in ORG_ENTS
            if proper and not self._body_name(token):  # "Florida Highway Patrol" is no Mr Patrol
                return token.text
        for ent in self.people:
            if extent[0] <= ent.start_char < extent[1] and ent.root.dep_ != "poss":  # not "Jenna's mother"
                return ent[-1].text
        return self._name_set_off(head)

    def _body_name(self, token: Token) -> bool:
        """ "Florida Highway Patrol" with only "Florida" recognised: a proper noun whose word WordNet files only as a
        group (noun.group) names a body (K2: the organisation is the speaker), not a surname, unless the entity
        recogniser takes it for a person's ("Mayor Street")."""
        return token.ent_type_ != "PERSON" and token.lemma_.lower() in wordnet_group_nouns()

    def _name_set_off(self, head: Token) -> str:
        """ "the El Paso mayor, Dee Margo, ...", "the town's first selectman, Chris Kervick,": a person's name
        between commas right after a title or a noun for one person's role (WordNet noun.person), which the parser
        did not make its apposition."""
        doc = self.doc
        lemma = head.lemma_.lower()
        role = lemma in self.titles or (head.tag_ == "NN" and lemma in wordnet_person_nouns())
        if not role or head.i + 2 >= len(doc) or doc[head.i + 1].text != ",":
            return ""
        ent = next((e for e in self.people if e.start == head.i + 2), None)
        if ent is None or ent.end >= len(doc) or doc[ent.end].text not in (",", ")", "—"):
            return ""
        return ent[-1].text

    def _titled_name_after(self, head: Token) -> str:
        """ "Connecticut Senator Richard Blumenthal" parsed with the place as the head and the titled name apart:
        the surname of a person's name that follows a place's name and a title directly; "" otherwise."""
        doc = self.doc
        if head.ent_type_ not in ("GPE", "NORP") or head.i + 2 >= len(doc):
            return ""
        k = head.i + 1
        while k < len(doc) and doc[k].lower_.rstrip(".") in self.titles and doc[k].text[:1].isupper():
            k += 1
        if k == head.i + 1 or k >= len(doc):
            return ""
        ent = next((e for e in self.people if e.start == k), None)
        return ent[-1].text if ent is not None else ""

    def _titled_person(self, head: Token) -> str:
        """The person named with the title ``head`` holds: the nearest before it, else the first after it."""
        words = [t.lower_ for t in head.subtree if t.lower_ in self.titles]
        wanted = " ".join(words)
        found = [(pos, name) for pos, name, title in self.names if title and _same_office(title, wanted)]
        before = [name for pos, name in found if pos < head.idx]
        pick = before[-1] if before else (found[0][1] if found else "")
        return self.full_name(pick.split()[-1]) if pick else ""


def names_someone_before(token: Token, head: Token, titles: frozenset[str]) -> bool:
    """A proper noun before the title that names someone: "Judge Miller", not "Texas judge" or "a judge in Texas"."""
    place = token.ent_type_ in ("GPE", "NORP", "LOC")
    served = token.dep_ == "poss" and token.ent_type_ != "PERSON"  # "Chelyabinsk's governor": whom the holder serves
    return token.pos_ == "PROPN" and token.i < head.i and token.lower_ not in titles and not (place or served)


RANKS = frozenset("deputy vice assistant acting former associate".split())
"""Words that make a title another office: a deputy governor is not "the governor"."""


def _same_office(title: str, wanted: str) -> bool:
    """A name's title holds the office a bare title names: "regional governor" for "governor", not "deputy governor"."""
    words = title.replace("-", " ").split()
    return title.endswith(wanted) and not (RANKS & set(words)) - set(wanted.split())
