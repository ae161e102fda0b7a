"""Pronouns and antecedents: the earlier phrase a pronoun, relative pronoun or repeated noun stands for.

A pronoun ("He", "his") goes to the person named as the subject just before
it, else to the person last credited; "they" to the plural subject before it,
"It" to the organisation that was the subject before; a relative pronoun
("police, who said") to the noun it describes; "the researchers" to the earlier
source with the same head. The headline is never an antecedent, nor are words
inside a quotation.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from medialit.nlp.sources.names import NameIndex, capitalised, surname
from medialit.nlp.sources.words import INSTITUTIONS, source_nouns, title_words, vague_heads, wordnet_person_nouns

if TYPE_CHECKING:  # types only: a shipped analysis builds Sources without importing spaCy (issue 18)
    from collections.abc import Iterator

    from spacy.tokens import Doc, Token

    from medialit.core.spans import Attribution, Span


class Antecedents(NameIndex):
    """Finds the antecedent before a pronoun or a repeated noun, outside the headline and quotations."""

    text: str
    headline_end: int
    _quotes: list[tuple[int, int]] | None

    def _earlier_mention(self, head: Token, text: str, earlier: list[Attribution]) -> tuple[str, str, str] | None:
        """ "The researchers" after "Researchers at X found": the earlier source ending in, or headed by, the
        same word."""
        if head.pos_ not in ("NOUN", "PROPN") or head.i == 0 or not any(c.lower_ == "the" for c in head.children):
            return None
        for attribution in reversed(earlier):
            if self._same_head(attribution.source, head):
                kind = self.kinds.get(attribution.speaker, "vague")
                return attribution.speaker, kind, f"'{text}' -> earlier mention"
        return None

    def _same_head(self, source: Span, head: Token) -> bool:
        if source.text(self.text).lower().split()[-1:] == [head.lower_]:
            return True
        span = self.doc.char_span(source.start, source.end, alignment_mode="expand")
        return span is not None and span.root.lower_ == head.lower_ and span.root.i != head.i

    def _person_before(self, head: Token, sentences: int = 2) -> tuple[str, Token | None]:
        """The person named or described as the subject nearest before a pronoun subject, outside quotations:
        (full name, None) when named, ("", the noun) when only described, ("", None) when neither.

        A pronoun subject most often continues the subject of its own or the
        previous sentence ("Theodorus was the leader, though he claimed ...",
        "The doctor said ... he said") or the source it was credited to
        ("According to X, ... He also said"); a person only named as an object,
        or inside a quotation, is passed over, and so is a person described in
        what someone reports ("X said the officer fired").
        """
        if head.dep_ not in ("nsubj", "nsubjpass", "poss"):  # "He said", "his claim that", "His last words"
            return "", None
        sent_starts = 0
        for k in range(head.i - 1, -1, -1):
            token = self.doc[k]
            if token.idx < self.headline_end:
                return "", None
            if token.is_sent_start:
                sent_starts += 1
                if sent_starts > sentences:
                    return "", None
            if not speaks_for_clause(token) or self._quoted(token.idx) or token.i == head.i:
                continue
            if described_person(token):
                return "", token
            named = [token] + [c for c in token.children if c.dep_ == "appos"]  # "his brother, Philonise,"
            if token.dep_ == "pobj":  # "according to engineer Rosa Lind", whatever the parser hung the name on
                named += [c for c in token.children if c.pos_ == "PROPN"]
            for name in named:
                if name.pos_ == "PROPN" and self._a_person(name) and name.text in self.full_names:
                    return self.full_name(name.text), None
        return "", None

    def _subjects_before(self, head: Token, sentences: int) -> Iterator[Token]:
        """The subjects before a subject pronoun, nearest first, within ``sentences`` sentences (its own counts
        as one), after the headline and outside quotations; pronoun subjects are passed over."""
        if head.dep_ not in ("nsubj", "nsubjpass"):
            return
        sent_starts = 0
        for k in range(head.i - 1, -1, -1):
            token = self.doc[k]
            sent_starts += token.is_sent_start
            if sent_starts > sentences or token.idx < self.headline_end:
                return
            if token.dep_ in ("nsubj", "nsubjpass") and not self._quoted(token.idx) and token.pos_ != "PRON":
                yield token

    def _body_before(self, head: Token) -> Token | None:
        """The organisation named as the subject of the sentence before "It" (or of its own), outside quotations:
        "It" most often continues that subject, whoever was credited last."""
        nearest = next(self._subjects_before(head, 1), None)
        if nearest is not None and nearest.ent_type_ == "ORG" and nearest.tag_ in ("NNP", "NN"):
            return nearest
        return None  # no subject, or the nearest is something else: "It" may be that

    def _group_before(self, head: Token, sentences: int = 2) -> Token | None:
        """The plural subject or named organisation subject nearest before "they", outside quotations; in the
        pronoun's own sentence also a bare plural of people ("State prosecutors charged X, they said")."""
        for token in self._subjects_before(head, sentences):
            if token.ent_type_ in ("ORG", "NORP") or token.lower_ in INSTITUTIONS or definite_group(token):
                return token
            if token.sent.start == head.sent.start and bare_group(token):
                return token
        return None

    def _quoted(self, position: int) -> bool:
        if self._quotes is None:
            from medialit.nlp.quotes import find_quotes

            self._quotes = [(q.start, q.end) for q in find_quotes(self.text)]
        return any(start <= position < end for start, end in self._quotes)

    def _last_person(self, earlier: list[Attribution], position: int) -> str:
        for attribution in reversed(earlier):
            if self.named_person(attribution.speaker):
                return attribution.speaker
        people = [ent for ent in self.people if self.headline_end <= ent.start_char < position and surname(ent)]
        if people:
            return self.full_name(surname(people[-1]))
        before = [name for pos, name, _ in self.names if self.headline_end <= pos < position and capitalised(name)]
        return self.full_name(before[-1].split()[-1]) if before else ""


def described_person(token: Token) -> bool:
    """ "The doctor", "this guy", "her lawyer", "a witness": one person picked out by a noun for a person's role
    (WordNet noun.person, titles) rather than a name, subject of the text's own clause, not of a clause someone
    reports ("X said the officer fired") nor of a relative clause."""
    lemma = token.lemma_.lower()
    if token.pos_ != "NOUN" or token.tag_ != "NN" or not (lemma in wordnet_person_nouns() or lemma in title_words()):
        return False
    if not any(c.dep_ in ("det", "poss") and c.lower_ not in ("no", "every", "each", "any") for c in token.children):
        return False
    clause = token.head
    return not any(t.dep_ in ("ccomp", "relcl", "acl", "csubj") for t in (clause, *clause.ancestors))


def definite_group(token: Token) -> bool:
    """ "The rebels", "the firm's lawyers": a particular group, which "they" takes from the sentence before too."""
    lemma = token.lemma_.lower()
    speaks = lemma in source_nouns() or lemma in vague_heads() or lemma in title_words()
    return token.tag_ == "NNS" and speaks and _determined(token)


def bare_group(token: Token) -> bool:
    """ "Prosecutors", "residents" (no "the", no possessor): an open group, which "they" takes only in its sentence."""
    return token.tag_ == "NNS" and token.lemma_.lower() in source_nouns() and not _determined(token)


def _determined(token: Token) -> bool:
    return any(c.dep_ in ("det", "poss") for c in token.children)


def nearer_subject(head: Token, extent: tuple[int, int]) -> Token | None:
    """A second subject of the same verb between ``head`` and the verb, after a conjunction inside the source
    phrase: the parser joined two clauses ("The partner asked X, but the commissioner stated Y"), and the
    nearer subject speaks."""
    verb = head.head
    if head.dep_ not in ("nsubj", "nsubjpass") or verb.i <= head.i:
        return None
    between = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass") and head.i < c.i < verb.i]
    if not between:
        return None
    joins = [t for t in head.doc[head.i : between[-1].i] if t.dep_ == "cc" and t.idx < extent[1]]
    return between[-1] if joins else None


def speaks_for_clause(token: Token) -> bool:
    """The subject of a clause, or the source of "according to X": what a later pronoun subject continues."""
    if token.dep_ in ("nsubj", "nsubjpass"):
        return True
    return token.dep_ == "pobj" and token.head.lower_ == "to" and token.head.head.lower_ == "according"


def relative_antecedent(head: Token) -> Token | None:
    """The noun a relative pronoun subject stands for: "police" in "according to police, who said"."""
    if head.lower_ not in ("who", "which", "that") or head.dep_ not in ("nsubj", "nsubjpass"):
        return None
    clause = head.head
    if clause.dep_ == "relcl" and clause.head.pos_ in ("NOUN", "PROPN"):
        return clause.head
    before = head.doc[head.i - 2] if head.i > 1 else None  # the parser made the clause a second main verb
    if head.tag_ == "WP" and head.doc[head.i - 1].text == "," and before is not None:
        return before if before.pos_ in ("NOUN", "PROPN") else None
    return None


def headline_end(doc: Doc) -> int:
    """The end of the headline: the article's first line when it is its title, or a first line without a full stop."""
    article = doc._.medialit_article if doc.has_extension("medialit_article") else None
    text = doc.text
    start = len(text) - len(text.lstrip())
    end = text.find("\n", start)
    end = len(text) if end < 0 else end
    line = text[start:end].strip()
    title = getattr(article, "title", "") or ""
    if not line or end == len(text):
        return 0
    if (title and line == title.strip()) or line[-1] not in '.!?"”’:':
        return end
    return 0
