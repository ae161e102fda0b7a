"""Sources: who a source phrase refers to, what kind of source it is, and where it is mentioned.

A pronoun ("He") goes to the person last credited; a title ("The Prime
Minister") to the person the article names with that title; a surname
("Støre") to the fullest form of the name in the article. Kinds: ``person``,
``organisation``, ``document`` (documents and news outlets), ``vague`` (no
particular source), ``anonymous`` (one particular source, not named; with the
reason K7 asks for it counts as a person) and ``pronoun`` (a pronoun left
unresolved).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from typing import TYPE_CHECKING, Any

from medialit.core.spans import Attribution, Span
from medialit.nlp.lexicons import load_lexicon

if TYPE_CHECKING:  # types only: a shipped analysis builds Sources without importing spaCy (issue 18)
    from spacy.tokens import Doc, Token

KINDS = ("person", "organisation", "document", "vague", "anonymous", "pronoun")
UNCHECKED_KINDS = frozenset({"vague", "anonymous"})
"""Kinds whose claims a reader cannot weigh: a sentence resting only on them is unsupported (K6, K7).
An anonymous source whose sentence says why it is not named counts as a person (K7)."""
INSTITUTIONS = frozenset({"police"})
"""Plural-looking nouns that name one organisation, not an open group."""
ANONYMITY_REASON = re.compile(
    r"\b(?:not (?:authori[sz]ed|allowed|permitted|cleared) to (?:speak|talk|discuss|comment)"
    r"|(?:on )?condition of anonymity|(?:asked|requested|declined) (?:not )?to be (?:named|identified)"
    r"|requested anonymity|fear(?:ed|ing)? (?:of )?reprisals?)",
    re.IGNORECASE,
)
"""Why a source is not named (K7): with it, an anonymous source's claim is attributed, not vague."""
PERSON_PRONOUNS = frozenset("he she him her his hers".split())
SPEAKER_PRONOUNS = frozenset("i we me us".split())
GROUP_PRONOUNS = frozenset("they them it its".split())
ORG_ENTS = frozenset(("ORG", "GPE", "NORP", "LOC"))
DETERMINERS = frozenset("the a an this that these those".split())
OUTLET_NAME_WORDS = frozenset(
    "news press presse gazette journal magazine daily weekly digest tabloid tv television radio broadcasting "
    "times post herald tribune telegraph chronicle courier".split()
)
"""Last words that make a name a news outlet ("ABC News", "Associated Press", "WSET-TV"): WordNet's nouns
for the press, periodicals and broadcasting, and the customary nameplate words of newspapers (Times, Post,
Herald, Tribune, Telegraph, Chronicle, Courier). An outlet reported as a source is a document (K18)."""
OUTLET_NOUNS = frozenset("newspaper magazine journal tabloid broadcaster website blog newsletter".split())
"""Common nouns that say a name before or after them is an outlet ("the magazine MicroMega")."""


@cache
def _words(name: str, key: str = "id") -> frozenset[str]:
    out = set()
    for entry in load_lexicon(name):
        out.add(str(entry[key]).replace("_", " ").lower())
    return frozenset(out)


def title_words() -> frozenset[str]:
    return frozenset(w for title in _words("titles") for w in title.split())


def vague_heads() -> frozenset[str]:
    return frozenset(e["id"] for e in load_lexicon("vague_sources") if e.get("category") == "head")


def vague_modifiers() -> frozenset[str]:
    return frozenset(e["pattern"][0]["LOWER"] for e in load_lexicon("vague_sources") if e.get("category") == "modifier")


def document_heads() -> frozenset[str]:
    return _words("document_sources")


def source_nouns() -> frozenset[str]:
    """Common nouns for people and groups (WordNet noun.person and noun.group): they can be a source."""
    return _words("source_nouns_wordnet")


@dataclass(frozen=True)
class Source:
    """One distinct speaker: its kind and every span where the article mentions it."""

    speaker: str
    kind: str
    mentions: tuple[Span, ...]
    reasons: tuple[str, ...] = ()

    def to_dict(self, body: str) -> dict[str, Any]:
        return {
            "speaker": self.speaker,
            "kind": self.kind,
            "mentions": [{"start": m.start, "end": m.end, "text": m.text(body)} for m in self.mentions],
            "reasons": list(self.reasons),
        }


class SpeakerResolver:
    """Resolves source phrases of one doc, remembering the kind of each speaker it names."""

    def __init__(self, doc: Doc) -> None:
        self.doc = doc
        self.text = doc.text
        self.titles = title_words()
        self.kinds: dict[str, str] = {}
        self.people = [ent for ent in doc.ents if ent.label_ == "PERSON"]
        self._quotes: list[tuple[int, int]] | None = None
        self.run_spans: list[tuple[int, int, str]] = []
        self.names = self._name_runs()
        self.full_names = self._full_names()

    def _name_runs(self) -> list[tuple[int, str, str]]:
        """(position, full name without titles, title words before it) of each run of proper nouns."""
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
            if tokens and all(t.ent_type_ in ("", "PERSON", "FAC") for t in tokens):
                name = " ".join(doc[tokens[0].i : tokens[-1].i + 1].text.split())
                runs.append((tokens[0].idx, name, " ".join(title)))
                self.run_spans.append((tokens[0].idx, tokens[-1].idx + len(tokens[-1]), tokens[-1].text))
            k = max(j, k + 1)
        return runs

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

    def resolve(self, head: Token, extent: tuple[int, int], earlier: list[Attribution]) -> tuple[str, str]:
        """(speaker, why) for the source phrase headed by ``head``; why says how it was resolved."""
        speaker, kind, why = self._resolve(head, extent, earlier)
        self.kinds.setdefault(speaker, kind)
        return speaker, why

    def _resolve(self, head: Token, extent: tuple[int, int], earlier: list[Attribution]) -> tuple[str, str, str]:
        lower = head.lower_
        text = self.text[extent[0] : extent[1]]
        if lower in PERSON_PRONOUNS:
            person = self._subject_before(head) or self._last_person(earlier, head.idx)
            return (person, "person", f"pronoun '{head.text}' -> {person}") if person else (head.text, "pronoun", "")
        if lower in SPEAKER_PRONOUNS | GROUP_PRONOUNS:
            group = self._group_before(head) if lower in ("they", "them") else None
            if group is not None:  # "The terrorists ... They think": the plural subject before, not a person
                return _without_determiner(noun_phrase(group)), source_kind(group), f"pronoun '{head.text}' -> group"
            earlier = [a for a in earlier if lower == "it" or self.kinds.get(a.speaker) != "person"]
            if earlier and lower in GROUP_PRONOUNS and earlier[-1].speaker.lower() not in SPEAKER_PRONOUNS:
                last = earlier[-1].speaker
                return last, self.kinds.get(last, "organisation"), f"pronoun '{head.text}' -> {last}"
            return head.text, "pronoun", ""
        if head.pos_ == "PROPN" and self.full_name(head.text) != head.text:
            return self.full_name(head.text), "person", ""
        medium = head.pos_ == "NOUN" and (head.lemma_.lower() in document_heads() or _outlet_noun(head))
        outlet = next(
            (c for c in head.children if c.dep_ == "appos" and (c.ent_type_ in ORG_ENTS or medium)), None
        )  # "the newspaper Le Monde", "the magazine Quillpoint" whatever the entity recogniser made of the name
        if head.pos_ == "NOUN" and outlet is not None and outlet.pos_ == "PROPN":
            return _without_determiner(noun_phrase(outlet)), "document" if medium else "organisation", ""
        owner = next((c for c in head.children if c.dep_ == "poss"), None)
        if owner is not None and head.lemma_.lower() in document_heads() and _a_person(owner, self.titles):
            return self._resolve(
                owner, (owner.left_edge.idx, owner.idx + len(owner)), earlier
            )  # "the judge's statement"
        issuer = _issuer(head)
        if issuer is not None:  # "a report on Wednesday by UpGuard, a security firm": UpGuard (its own kind)
            speaker, kind, _ = self._resolve(issuer, (issuer.left_edge.idx, issuer.idx + len(issuer)), earlier)
            return speaker, kind, f"issuer of the {head.lower_}"
        if named_document(head):  # "a report by the United Nations", "the BBC's report"
            return _without_determiner(" ".join(text.split())), "document", ""
        if outlet_name(head):  # "According to ABC News", "State press agency PAP reported"
            return _without_determiner(noun_phrase(head)), "document", ""
        if _vague_word(head):  # also "Posts ..." tagged as a proper noun at the start of a sentence
            if anonymity_explained(head):
                return _without_determiner(noun_phrase(head)), "person", "anonymous, the reason given (K7)"
            mentioned = self._earlier_mention(head, text, earlier)  # "One poster wrote ... The poster added"
            return mentioned or (_without_determiner(noun_phrase(head)), _unnamed_kind(head), "")
        named = any(c.dep_ == "appos" and c.ent_type_ == "PERSON" for c in head.children)  # "X Bank president Y"
        if (
            head.ent_type_ not in ORG_ENTS or head.lower_ in self.titles or named
        ):  # "Malaysia's Prime Minister, Najib Razak"
            name = self._person_in(head, extent)
            if name:
                return self.full_name(name), "person", ""
        if head.pos_ == "NOUN" and is_vague(head):
            return _without_determiner(noun_phrase(head)), _unnamed_kind(head), ""
        if head.ent_type_ in ORG_ENTS or any(c.ent_type_ == "ORG" for c in head.children if c.dep_ == "compound"):
            return _without_determiner(noun_phrase(head)), "organisation", ""
        lemma = head.lemma_.lower()
        if lemma in self.titles and not any(_names_someone_before(t, head, self.titles) for t in head.subtree):
            person = self._titled_person(head)
            if person:
                return person, "person", f"title '{text}' -> {person}"
        mentioned = self._earlier_mention(head, text, earlier)
        if mentioned:
            return mentioned
        if one_unnamed(head):  # "a fire officer said": one particular person, not named (K2)
            if anonymity_explained(head):
                return _without_determiner(noun_phrase(head)), "person", "anonymous, the reason given (K7)"
            return _without_determiner(noun_phrase(head)), "anonymous", ""
        return _without_determiner(noun_phrase(head)), source_kind(head), ""

    def _earlier_mention(self, head: Token, text: str, earlier: list[Attribution]) -> tuple[str, str, str] | None:
        """ "The researchers" after "Researchers at X found": the earlier source ending in the same word."""
        if head.pos_ not in ("NOUN", "PROPN") or head.i == 0 or not any(c.lower_ == "the" for c in head.children):
            return None
        for attribution in reversed(earlier):
            if attribution.source.text(self.text).lower().split()[-1:] == [head.lower_]:
                kind = self.kinds.get(attribution.speaker, "vague")
                return attribution.speaker, kind, f"'{text}' -> earlier mention"
        return None

    def _person_in(self, head: Token, extent: tuple[int, int]) -> str:
        """The surname of the person named in the source phrase, if it names one."""
        candidates = [head] + [c for c in head.children if c.dep_ == "appos"]
        candidates.sort(key=lambda t: t.ent_type_ != "PERSON")  # "the secretary of CEI (Conference), Nunzio Galantino"
        for token in candidates:
            if token.pos_ == "PROPN" and token.lower_ not in self.titles and token.ent_type_ not in ORG_ENTS:
                return token.text
        for ent in self.people:
            if extent[0] <= ent.start_char < extent[1] and ent.root.dep_ != "poss":  # not "Jenna's mother"
                return ent[-1].text
        return ""

    def _subject_before(self, head: Token, sentences: int = 2) -> str:
        """The person named as the subject nearest before a pronoun subject, outside quotations.

        A pronoun subject most often continues the subject of its own or the
        previous sentence ("Theodorus was the leader, though he claimed ...");
        a person only named as an object, or inside a quotation, is passed over.
        """
        if head.dep_ not in ("nsubj", "nsubjpass"):
            return ""
        sent_starts = 0
        for k in range(head.i - 1, -1, -1):
            token = self.doc[k]
            if token.is_sent_start:
                sent_starts += 1
                if sent_starts > sentences:
                    return ""
            if token.dep_ not in ("nsubj", "nsubjpass") or self._quoted(token.idx) or token.i == head.i:
                continue
            named = [token] + [c for c in token.children if c.dep_ == "appos"]  # "his brother, Philonise,"
            for name in named:
                if name.pos_ == "PROPN" and name.ent_type_ in ("PERSON", "") and name.text in self.full_names:
                    return self.full_name(name.text)
        return ""

    def _group_before(self, head: Token, sentences: int = 2) -> Token | None:
        """The plural subject or named organisation subject nearest before "they", outside quotations."""
        if head.dep_ not in ("nsubj", "nsubjpass"):
            return None
        sent_starts = 0
        for k in range(head.i - 1, -1, -1):
            token = self.doc[k]
            sent_starts += token.is_sent_start
            if sent_starts > sentences:
                return None
            if token.dep_ not in ("nsubj", "nsubjpass") or self._quoted(token.idx) or token.pos_ == "PRON":
                continue
            if token.ent_type_ in ("ORG", "NORP") or token.lower_ in INSTITUTIONS or _definite_group(token):
                return token
        return None

    def _quoted(self, position: int) -> bool:
        if self._quotes is None:
            from medialit.nlp.quotes import find_quotes

            self._quotes = [(q.start, q.end) for q in find_quotes(self.text)]
        return any(start <= position < end for start, end in self._quotes)

    def _last_person(self, earlier: list[Attribution], position: int) -> str:
        for attribution in reversed(earlier):
            if self.kinds.get(attribution.speaker) == "person":
                return attribution.speaker
        people = [ent for ent in self.people if ent.start_char < position]
        if people:
            return self.full_name(people[-1][-1].text)
        before = [name for pos, name, _ in self.names if pos < position]
        return self.full_name(before[-1].split()[-1]) if before else ""

    def _titled_person(self, head: Token) -> str:
        words = [t.lower_ for t in head.subtree if t.lower_ in self.titles]
        wanted = " ".join(words)
        found = [(pos, name) for pos, name, title in self.names if title and title.endswith(wanted)]
        before = [name for pos, name in found if pos < head.idx]
        pick = before[-1] if before else (found[0][1] if found else "")
        return self.full_name(pick.split()[-1]) if pick else ""

    def name_mentions(self) -> dict[str, list[Span]]:
        """Every place a person is named (full name or surname), by full name."""
        out: dict[str, list[Span]] = {}
        for start, end, surname in self.run_spans:
            full = self.full_name(surname)
            if self.kinds.get(full) == "person":
                out.setdefault(full, []).append(Span(start, end, "source", ("name",)))
        return out

    def kind_of(self, speaker: str) -> str:
        return self.kinds.get(speaker, "organisation")


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
    if any(_names_someone(t) for t in head.subtree if t.i != head.i):
        return False
    one = any(c.dep_ in ("det", "nummod") and c.lower_ in ("a", "an", "one", "another") for c in head.children)
    lemma = head.lemma_.lower()
    speaks = lemma in source_nouns() or lemma in title_words() or lemma in vague_heads()
    return one and speaks and lemma not in document_heads()  # "a posting", "one study": no person


def _unnamed_kind(head: Token) -> str:
    """A source the reader cannot identify: anonymous when it is one particular source, else vague."""
    return "anonymous" if one_unnamed(head) else "vague"


def _issuer(head: Token) -> Token | None:
    """Who issued a document: the object of its "by" or "from" ("a report by UpGuard", "a statement from the club"),
    when that is a name or a word for people or institutions."""
    if head.lemma_.lower() not in document_heads() or head.pos_ != "NOUN":
        return None
    for prep in head.children:
        if prep.dep_ == "prep" and prep.lower_ in ("by", "from"):
            issuer = next((c for c in prep.children if c.dep_ == "pobj"), None)
            if issuer is not None and (_names_someone(issuer) or issuer.lemma_.lower() in source_nouns()):
                return issuer if issuer.ent_type_ not in ("DATE", "TIME") else None
    return None


def _a_person(token: Token, titles: frozenset[str]) -> bool:
    """A person's name or title ("Judge Miller", "the judge"), not an organisation ("the BBC")."""
    return token.ent_type_ == "PERSON" or (token.lemma_.lower() in titles and token.ent_type_ not in ORG_ENTS)


def _names_someone_before(token: Token, head: Token, titles: frozenset[str]) -> bool:
    """A proper noun before the title that names someone: "Judge Miller", not "Texas judge" or "a judge in Texas"."""
    place = token.ent_type_ in ("GPE", "NORP", "LOC")
    return token.pos_ == "PROPN" and token.i < head.i and token.lower_ not in titles and not place


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
    return any(_names_someone(t) for issuer in issuers for t in issuer.subtree)


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
    return any(c.dep_ in ("compound", "nmod") and c.pos_ == "NOUN" and _outlet_noun(c) for c in before)


def _outlet_noun(noun: Token) -> bool:
    """ "magazine", "website", "news agency", "press agency": a noun for a news outlet."""
    lemma = noun.lemma_.lower()
    return lemma in OUTLET_NOUNS or (lemma == "agency" and any(c.lower_ in ("news", "press") for c in noun.children))


def _names_someone(token: Token) -> bool:
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
    if _vague_word(head):
        return True
    phrase = list(head.subtree)
    if any(t.lower_ in vague_modifiers() for t in phrase if t.i <= head.i):
        return True
    bare_plural = head.tag_ == "NNS" and not any(c.dep_ in ("det", "poss") for c in head.children)
    institution = head.lower_ in INSTITUTIONS  # "Police said": the force in charge is an organisation (K2)
    return bare_plural and not institution and not any(t.pos_ == "PROPN" for t in phrase)


def _definite_group(token: Token) -> bool:
    """ "the terrorists", "the company's lawyers": a particular plural group that can speak (not "Writers")."""
    lemma = token.lemma_.lower()
    speaks = lemma in source_nouns() or lemma in vague_heads() or lemma in title_words()
    return token.tag_ == "NNS" and speaks and any(c.dep_ in ("det", "poss") for c in token.children)


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


def anonymity_explained(head: Token) -> bool:
    """The source's sentence says why it is not named ("who was not authorised to speak publicly")."""
    return bool(ANONYMITY_REASON.search(head.sent.text))


def _vague_word(head: Token) -> bool:
    """The head word is a vague source word; a capitalised one only where a sentence starts ("The Post" is named)."""
    if head.pos_ == "PROPN" and (not head.is_sent_start or any(c.dep_ == "compound" for c in head.children)):
        return False
    heads = vague_heads()
    return head.lemma_.lower() in heads or head.lower_ in heads or head.lower_.removesuffix("s") in heads


def collect_sources(
    body: str,
    attributions: list[Attribution],
    kinds: dict[str, str],
    silent: list[tuple[str, Span]] = (),
    names: dict[str, list[Span]] | None = None,
) -> list[Source]:
    """Distinct speakers in order of first mention, with their mentions (source spans).

    ``silent`` adds sources that carry no content (contacted, did not comment);
    ``names`` adds the other places where a person source is named.
    """
    order: dict[str, list[Span]] = {}
    rules: dict[str, list[str]] = {}
    mentions = [(a.speaker, a.source, a.rule) for a in attributions]
    mentions += [(speaker, span, "") for speaker, spans in (names or {}).items() for span in spans]
    mentions += [(speaker, span, span.reasons[0] if span.reasons else "") for speaker, span in silent]
    for speaker, source, rule in sorted(mentions, key=lambda m: m[1].start):
        order.setdefault(speaker, [])
        span = Span(source.start, source.end, "source")
        if not any(span.overlap(other) for other in order[speaker]):
            order[speaker].append(span)
        if rule:
            rules.setdefault(speaker, []).append(rule)
    out = []
    for speaker, mentions in order.items():
        kind = kinds.get(speaker, "organisation")
        reasons = tuple(dict.fromkeys(r.split(";")[0] for r in rules.get(speaker, [])))
        out.append(Source(speaker, kind, tuple(sorted(mentions)), reasons))
    return out


def noun_phrase(head: Token) -> str:
    """The words naming the source without relative clauses, appositives or trailing phrases.

    "The government, which has been criticised" -> "The government"; "Department
    of Agriculture", "Posts on the message board" and "sources close to the
    council" keep their of/on phrase or adjective.
    """
    keep = {head.i}
    for token in head.subtree:
        if token.i < head.i and all(a.dep_ not in ("relcl", "appos", "acl") for a in _path(token, head)):
            keep.add(token.i)
    for child in head.rights:
        in_outlet = child.lower_ == "in" and head.lemma_.lower() in document_heads()  # "an article in The Lancet"
        if child.dep_ in ("compound", "flat", "amod") or (
            child.dep_ == "prep" and (child.lower_ in ("of", "on", "at", "for") or in_outlet)
        ):
            keep.update(t.i for t in child.subtree if not t.is_punct or t.i < child.right_edge.i)
        elif child.dep_ in ("cc", "conj") and not any(t.is_punct for t in head.doc[head.i : child.i]):
            keep.update(t.i for t in child.subtree)
    doc = head.doc
    first, last = min(keep), max(keep)
    return doc[first : last + 1].text.strip(" ,")


def _path(token: Token, top: Token) -> list[Token]:
    path = []
    while token.i != top.i and token.head.i != token.i:  # Token objects are rebuilt on access: compare indices
        path.append(token)
        token = token.head
    return path


def _without_determiner(text: str) -> str:
    words = text.split()
    if len(words) > 1 and words[0].lower() in DETERMINERS:
        words = words[1:]
    return " ".join(words)
