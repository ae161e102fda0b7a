"""Names, surnames and acronyms: the fullest form of the name a surname or an acronym stands for.

A surname ("Støre") stands for the fullest form of the name in the article,
an acronym ("the SDF") for the name spelled out before it ("Syrian Democratic
Forces (SDF)"). The article names a person with a run of proper nouns, often
with a title before or beside it; the runs are indexed once per doc so that
titles and pronouns (``titles``, ``antecedents``) can find the person they stand for.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from medialit.core.spans import Span
from medialit.nlp.sources.words import person_nouns

if TYPE_CHECKING:  # types only: a shipped analysis builds Sources without importing spaCy (issue 18)
    from spacy.tokens import Doc, Token
    from spacy.tokens import Span as DocSpan


class NameIndex:
    """The person names of one doc, by surname; ``SpeakerResolver.__init__`` sets these attributes."""

    doc: Doc
    titles: frozenset[str]
    kinds: dict[str, str]
    people: list[DocSpan]
    described: set[int]
    person_names: set[str]
    run_spans: list[tuple[int, int, str]]
    names: list[tuple[int, str, str]]
    full_names: dict[str, str]
    holders: set[str]
    """Speakers that are one person by a title or role alone ("the mayor", ``kinds.one_holder``)."""

    def named_person(self, speaker: str) -> bool:
        """A person the text names: a pronoun's fallback antecedent and a name's mentions. A holder of a title
        with no name ("the mayor") is a person too, but pronouns were never resolved to one (not measured)."""
        return self.kinds.get(speaker) == "person" and speaker not in self.holders

    def _name_runs(self) -> list[tuple[int, str, str]]:
        """(position, full name without titles, title words before it or set beside it) of each run of proper
        nouns."""
        runs = []
        doc = self.doc
        k = 0
        while k < len(doc):
            if doc[k].pos_ != "PROPN":
                k += 1
                continue
            j = k
            while j < len(doc) and ((doc[j].pos_ == "PROPN" and doc[j].tag_ != "POS") or _joins_name(doc, j)):
                j += 1
            tokens = list(doc[k:j])
            titled = [i for i, t in enumerate(tokens[:-1]) if t.lower_.rstrip(".") in self.titles]
            cut = titled[-1] + 1 if titled and titled[0] <= 2 else 0  # "Defence Minister Kim Tae-young"
            title = [t.lower_ for t in tokens[:cut] if t.lower_.rstrip(".") in self.titles]
            tokens = tokens[cut:]
            if k > 0 and doc[k - 1].lower_ in self.titles:
                title.insert(0, doc[k - 1].lower_)
            if not title and tokens:  # "Gáspár Maróth, the government commissioner": the title after the name
                title = self._title_beside(tokens[-1])
            person = tokens and (
                tokens[-1].i in self.described or all(t.ent_type_ in ("", "PERSON", "FAC") for t in tokens)
            )
            if person:
                name = " ".join(doc[tokens[0].i : tokens[-1].i + 1].text.split())
                runs.append((tokens[0].idx, name, " ".join(title)))
                self.run_spans.append((tokens[0].idx, tokens[-1].idx + len(tokens[-1]), tokens[-1].text))
            k = max(j, k + 1)
        return runs

    def _title_beside(self, name: Token) -> list[str]:
        """The title words of a title set beside a name ("X, Mexico's foreign minister,"), if any."""
        for appos in (c for c in name.children if c.dep_ == "appos" and c.lemma_.lower() in self.titles):
            return [t.lower_ for t in appos.subtree if t.i <= appos.i and t.lower_ in self.titles]
        return []

    def _full_names(self) -> dict[str, str]:
        """Surname -> the fullest form of the name: a PERSON entity first, else the longest proper-noun run."""
        best: dict[str, str] = {}
        for ent in self.people:
            words = [w for w in ent.text.split() if w.lower().rstrip(".") not in self.titles]
            if words and len(words) > len(best.get(words[-1], "").split()):
                best[words[-1]] = " ".join(words)
        runs: dict[str, str] = {}
        for _, name, _ in self.names:
            words = name.split()
            for key in dict.fromkeys((words[-1], words[-1].rsplit("-", 1)[-1])):  # "Tae-young" is parsed "Tae - young"
                if len(words) > len(runs.get(key, "").split()):
                    runs[key] = name
        return {**runs, **{k: v for k, v in best.items() if len(v.split()) > 1 or k not in runs}}

    def full_name(self, surname: str) -> str:
        """The fullest form of the name that ends with ``surname`` in the article."""
        return self.full_names.get(surname, surname)

    def _a_person(self, name: Token) -> bool:
        """A proper noun that names a person: so recognised here or, as a full name, elsewhere in the article."""
        full = self.full_name(name.text).split()
        return name.ent_type_ in ("PERSON", "") or name.text in self.person_names or len(full) > 1

    def name_mentions(self) -> dict[str, list[Span]]:
        """Every place a person is named (full name or surname), by full name."""
        out: dict[str, list[Span]] = {}
        for start, end, surname in self.run_spans:
            full = self.full_name(surname)
            if self.named_person(full):
                out.setdefault(full, []).append(Span(start, end, "source", ("name",)))
        return out


def capitalised(name: str) -> bool:
    """A name ends in a word that starts with a capital letter ("Lee", "Tae-young", "Łukasz"), not in "abandon" or
    "mah-jongg", which the tagger sometimes takes for proper nouns."""
    words = name.split()
    return bool(words) and words[-1][:1].isupper()


def surname(ent: DocSpan) -> str:
    """The last capitalised word of a person entity ("Smyth" in "Patty Smyth’s", "Tae-young"), "" when none is."""
    words = [w.removesuffix("’s").removesuffix("'s") for w in ent.text.split()]
    return next((w for w in reversed(words) if capitalised(w)), "")


def _joins_name(doc: Doc, k: int) -> bool:
    """A hyphen inside a name ("Tae-young"): no space either side, a proper noun on each side."""
    t = doc[k]
    return (
        t.tag_ == "HYPH"
        and not doc[k - 1].whitespace_
        and not t.whitespace_
        and 0 < k < len(doc) - 1
        and doc[k - 1].pos_ == doc[k + 1].pos_ == "PROPN"
    )


def described_people(doc: Doc) -> set[int]:
    """The last word of each name of two or more words set beside a noun for a person: "Valeska Paris, an
    Australian woman", "Gáspár Maróth, the government commissioner"; the recogniser often takes such
    names for places or organisations."""
    nouns = person_nouns()
    out = set()
    for token in doc:
        if token.pos_ != "PROPN" or token.i == 0 or doc[token.i - 1].pos_ != "PROPN":
            continue
        beside = [c for c in token.children if c.dep_ == "appos"]
        beside += [g for c in beside for g in c.children if c.pos_ == "NOUN" and g.dep_ == "conj"]
        if any(b.pos_ == "NOUN" and b.lemma_.lower() in nouns for b in beside):
            out.add(token.i)
    return out


def spelled_out(doc: Doc) -> dict[str, str]:
    """Acronym -> the name spelled out just before it in parentheses: "the Syrian Democratic Forces (SDF)".

    The name is the run of proper nouns (joined by "of", "and", "for") before
    the opening parenthesis and starts with the acronym's first letter; a
    person's name never is one.
    """
    out: dict[str, str] = {}
    for t in doc[2:-1]:
        short, close = t, doc[t.i + 1] if t.i + 1 < len(doc) else None
        if doc[t.i - 1].text != "(" or close is None or close.text != ")" or not short.text[:1].isupper():
            continue
        if sum(c.isupper() for c in short.text) < 1 or " " in short.text or len(short.text) < 2:
            continue
        k = t.i - 2
        while k >= 0 and (doc[k].pos_ == "PROPN" or (doc[k].lower_ in ("of", "and", "for") and k > 0)):
            k -= 1
        words = doc[k + 1 : t.i - 1]
        while len(words) and words[0].pos_ != "PROPN":
            words = words[1:]
        if len(words) < 2 or any(w.ent_type_ == "PERSON" for w in words):
            continue
        if words[0].text[0].upper() == short.text[0] and short.text not in words.text.split():
            out.setdefault(short.text, words.text)
    return out
