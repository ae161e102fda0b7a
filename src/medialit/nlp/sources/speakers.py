"""Who a source phrase refers to: ``SpeakerResolver`` resolves pronouns, titles and surnames in one doc.

A pronoun ("He", "his") goes to the person named as the subject just
before it, else to the person last credited; a relative pronoun ("police,
who said") to the noun it describes; a title ("The Prime Minister") to the
person the article names with that title; a surname ("Støre") to the fullest
form of the name in the article; an acronym ("the SDF") to the name the
article spells out before it ("Syrian Democratic Forces (SDF)"). The headline
is never an antecedent.
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from medialit.core.spans import Attribution, Span
from medialit.nlp.sources.kinds import (
    definite_group,
    is_vague,
    issuer_of,
    kind_and_reason,
    one_unnamed,
    outlet_key,
    outlet_name,
    outlet_noun,
    source_kind,
    unnamed_kind,
    vague_word,
)
from medialit.nlp.sources.phrases import noun_phrase, without_determiner
from medialit.nlp.sources.words import (
    GROUP_PRONOUNS,
    INSTITUTIONS,
    ORG_ENTS,
    PERSON_PRONOUNS,
    SPEAKER_PRONOUNS,
    document_heads,
    person_nouns,
    title_words,
)

if TYPE_CHECKING:  # types only: a shipped analysis builds Sources without importing spaCy (issue 18)
    from spacy.tokens import Doc, Token


class SpeakerResolver:
    """Resolves source phrases of one doc, remembering the kind of each speaker it names."""

    def __init__(self, doc: Doc) -> None:
        self.doc = doc
        self.text = doc.text
        self.titles = title_words()
        self.kinds: dict[str, str] = {}
        self.mentions: dict[tuple[int, int], tuple[str, str]] = {}
        """(start, end) of a source phrase -> (speaker, the kind of that mention)."""
        self.headline_end = _headline_end(doc)
        """Where the headline ends (0 without one): no pronoun refers back into a headline."""
        self.people = [ent for ent in doc.ents if ent.label_ == "PERSON"]
        self.described = _described_people(doc)
        """Proper nouns the article describes as a person ("Gáspár Maróth, the government commissioner")."""
        self.person_names = {ent[-1].text for ent in doc.ents if ent.label_ == "PERSON" and len(ent) > 1}
        self.person_names |= {doc[i].text for i in self.described}
        """Surnames the entity recogniser takes for a person somewhere ("Paweł Adamowicz"), or the article
        describes as one, whatever the recogniser makes of a bare "Adamowicz" elsewhere."""
        self.acronyms = _spelled_out(doc)
        self._quotes: list[tuple[int, int]] | None = None
        self.run_spans: list[tuple[int, int, str]] = []
        self.names = self._name_runs()
        self.outlets = {outlet_key(t) for t in doc if t.pos_ == "PROPN" and t.dep_ != "compound" and outlet_name(t)}
        """The names the article gives a news outlet anywhere (K18), so every mention of one is a document."""
        self.full_names = self._full_names()

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

    def resolve(self, head: Token, extent: tuple[int, int], earlier: list[Attribution]) -> tuple[str, str]:
        """(speaker, why) for the source phrase headed by ``head``; why says how it was resolved.

        The speaker's kind is remembered for the speaker (its first mention
        decides: a later mention stands for the same source, K18), and this
        mention's own kind for the words at ``extent`` (``mention_kind``: a
        document with its issuer named, the reason K7 asks for), read by
        ``with_kinds``.
        """
        nearer = nearer_subject(head, extent)
        if nearer is not None:  # "The partner asked ..., but the commissioner stated": two subjects of one verb
            speaker, kind, why = self._resolve(nearer, (nearer.left_edge.idx, nearer.idx + len(nearer)), earlier)
        else:
            speaker, kind, why = self._resolve(head, extent, earlier)
        kind = self.kinds.setdefault(speaker, kind)  # a later mention stands for the source it names (K18)
        mentioned, reason = kind_and_reason(head, kind)
        why = "; ".join(filter(None, (why, reason)))
        self.mentions[extent] = (speaker, mentioned)
        return speaker, why

    def with_kinds(self, attributions: list[Attribution]) -> list[Attribution]:
        """The attributions with the kind of the mention each names its source by (``source_kind``).

        A speaker changed after resolving ("I" inside a quotation is the one
        quoted) takes the kind of the speaker it now is.
        """
        out = []
        for a in attributions:
            speaker, kind = self.mentions.get((a.source.start, a.source.end), ("", ""))
            if speaker != a.speaker:
                kind = self.kind_of(a.speaker)
            out.append(replace(a, source_kind=kind))
        return out

    def _resolve(self, head: Token, extent: tuple[int, int], earlier: list[Attribution]) -> tuple[str, str, str]:
        speaker, kind, why = self._resolve_phrase(head, extent, earlier)
        if speaker in self.acronyms:  # "the SDF" after "the Syrian Democratic Forces (SDF)"
            full = self.acronyms[speaker]
            return full, kind, "; ".join(filter(None, (why, f"acronym '{speaker}' -> {full}")))
        return speaker, kind, why

    def _resolve_phrase(self, head: Token, extent: tuple[int, int], earlier: list[Attribution]) -> tuple[str, str, str]:
        lower = head.lower_
        antecedent = relative_antecedent(head)
        if antecedent is not None:  # "according to police, who said": the noun the clause describes
            span = (antecedent.left_edge.idx, antecedent.idx + len(antecedent))
            speaker, kind, why = self._resolve_phrase(antecedent, span, earlier)
            return speaker, kind, why or f"relative pronoun '{head.text}' -> {speaker}"
        text = self.text[extent[0] : extent[1]]
        if lower in PERSON_PRONOUNS:
            person = self._subject_before(head) or self._last_person(earlier, head.idx)
            return (person, "person", f"pronoun '{head.text}' -> {person}") if person else (head.text, "pronoun", "")
        if lower in SPEAKER_PRONOUNS | GROUP_PRONOUNS:
            group = self._group_before(head) if lower in ("they", "them") else None
            if group is not None:  # "The terrorists ... They think": the plural subject before, not a person
                return without_determiner(noun_phrase(group)), source_kind(group), f"pronoun '{head.text}' -> group"
            body = self._body_before(head) if lower == "it" else None
            if body is not None:  # "The Emergencies Ministry called on drivers ... It also urged": the body before
                speaker, kind, why = self._resolve_phrase(body, (body.left_edge.idx, body.idx + len(body)), earlier)
                return speaker, kind, why or f"pronoun '{head.text}' -> {speaker}"
            earlier = [a for a in earlier if lower == "it" or self.kinds.get(a.speaker) != "person"]
            if earlier and lower in GROUP_PRONOUNS and earlier[-1].speaker.lower() not in SPEAKER_PRONOUNS:
                last = earlier[-1].speaker
                return last, self.kinds.get(last, "organisation"), f"pronoun '{head.text}' -> {last}"
            return head.text, "pronoun", ""
        outlet = head.pos_ == "PROPN" and outlet_key(head) in self.outlets  # "daily Népszava" ... "Népszava noted"
        if outlet or outlet_name(head):  # "AFP", "According to ABC News", "State press agency PAP reported" (K18)
            return without_determiner(noun_phrase(head)), "document", ""
        if head.pos_ in ("PROPN", "NOUN") and head.text[:1].isupper() and self.full_name(head.text) != head.text:
            # "Mijares claimed" after "Superintendent Graciano Mijares", whatever the tagger made of the surname
            return self.full_name(head.text), "person", ""
        medium = head.pos_ == "NOUN" and (head.lemma_.lower() in document_heads() or outlet_noun(head))
        outlet = next(
            (c for c in head.children if c.dep_ == "appos" and (c.ent_type_ in ORG_ENTS or medium)), None
        )  # "the newspaper Le Monde", "the magazine Quillpoint" whatever the entity recogniser made of the name
        if head.pos_ == "NOUN" and outlet is not None and outlet.pos_ == "PROPN":
            return without_determiner(noun_phrase(outlet)), "document" if medium else "organisation", ""
        issuer = issuer_of(head)
        if issuer is not None and issuer.token is not None:  # "the judge's statement", "a report by UpGuard"
            token = issuer.token
            speaker, kind, why = self._resolve(token, (token.left_edge.idx, token.idx + len(token)), earlier)
            return speaker, kind, why if issuer.how == "owner" else f"issuer of the {head.lower_}"
        if issuer is not None:  # "a report by the United Nations", "the BBC's report"
            return without_determiner(" ".join(text.split())), "document", ""
        if vague_word(head):  # also "Posts ..." tagged as a proper noun at the start of a sentence
            mentioned = self._earlier_mention(head, text, earlier)  # "One poster wrote ... The poster added"
            return mentioned or (without_determiner(noun_phrase(head)), unnamed_kind(head), "")
        named = any(c.dep_ == "appos" and c.ent_type_ == "PERSON" for c in head.children)  # "X Bank president Y"
        if (
            head.ent_type_ not in ORG_ENTS or head.lower_ in self.titles or named
        ):  # "Malaysia's Prime Minister, Najib Razak"
            name = self._person_in(head, extent)
            if name:
                return self.full_name(name), "person", ""
        if head.pos_ == "NOUN" and is_vague(head):
            return without_determiner(noun_phrase(head)), unnamed_kind(head), ""
        if head.ent_type_ in ORG_ENTS or any(c.ent_type_ == "ORG" for c in head.children if c.dep_ == "compound"):
            return without_determiner(noun_phrase(head)), "organisation", ""
        lemma = head.lemma_.lower()
        if lemma in self.titles and not any(names_someone_before(t, head, self.titles) for t in head.subtree):
            person = self._titled_person(head)
            if person:
                return person, "person", f"title '{text}' -> {person}"
        mentioned = self._earlier_mention(head, text, earlier)
        if mentioned:
            return mentioned
        if one_unnamed(head):  # "a fire officer said": one particular person, not named (K2)
            return without_determiner(noun_phrase(head)), "anonymous", ""
        return without_determiner(noun_phrase(head)), source_kind(head), ""

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
        return self._name_set_off(head)

    def _name_set_off(self, head: Token) -> str:
        """ "the El Paso mayor, Dee Margo, ...": a person's name between commas right after a title, which the
        parser did not make its apposition."""
        doc = self.doc
        if head.lemma_.lower() not in self.titles or head.i + 2 >= len(doc) or doc[head.i + 1].text != ",":
            return ""
        ent = next((e for e in self.people if e.start == head.i + 2), None)
        if ent is None or ent.end >= len(doc) or doc[ent.end].text not in (",", ")", "—"):
            return ""
        return ent[-1].text

    def _subject_before(self, head: Token, sentences: int = 2) -> str:
        """The person named as the subject nearest before a pronoun subject, outside quotations.

        A pronoun subject most often continues the subject of its own or the
        previous sentence ("Theodorus was the leader, though he claimed ...")
        or the source it was credited to ("According to X, ... He also said");
        a person only named as an object, or inside a quotation, is passed over.
        """
        if head.dep_ not in ("nsubj", "nsubjpass", "poss"):  # "He said", "his claim that", "His last words"
            return ""
        sent_starts = 0
        for k in range(head.i - 1, -1, -1):
            token = self.doc[k]
            if token.idx < self.headline_end:
                return ""
            if token.is_sent_start:
                sent_starts += 1
                if sent_starts > sentences:
                    return ""
            if not speaks_for_clause(token) or self._quoted(token.idx) or token.i == head.i:
                continue
            named = [token] + [c for c in token.children if c.dep_ == "appos"]  # "his brother, Philonise,"
            if token.dep_ == "pobj":  # "according to engineer Rosa Lind", whatever the parser hung the name on
                named += [c for c in token.children if c.pos_ == "PROPN"]
            for name in named:
                if name.pos_ == "PROPN" and self._a_person(name) and name.text in self.full_names:
                    return self.full_name(name.text)
        return ""

    def _a_person(self, name: Token) -> bool:
        """A proper noun that names a person: so recognised here or, as a full name, elsewhere in the article."""
        full = self.full_name(name.text).split()
        return name.ent_type_ in ("PERSON", "") or name.text in self.person_names or len(full) > 1

    def _body_before(self, head: Token) -> Token | None:
        """The organisation named as the subject of the sentence before "It" (or of its own), outside quotations:
        "It" most often continues that subject, whoever was credited last."""
        if head.dep_ not in ("nsubj", "nsubjpass"):
            return None
        sent_starts = 0
        for k in range(head.i - 1, -1, -1):
            token = self.doc[k]
            sent_starts += token.is_sent_start
            if sent_starts > 1 or token.idx < self.headline_end:
                return None
            if token.dep_ not in ("nsubj", "nsubjpass") or self._quoted(token.idx) or token.pos_ == "PRON":
                continue
            if token.ent_type_ == "ORG" and token.tag_ in ("NNP", "NN"):
                return token
            return None  # the nearest subject is something else: "It" may be that
        return None

    def _group_before(self, head: Token, sentences: int = 2) -> Token | None:
        """The plural subject or named organisation subject nearest before "they", outside quotations."""
        if head.dep_ not in ("nsubj", "nsubjpass"):
            return None
        sent_starts = 0
        for k in range(head.i - 1, -1, -1):
            token = self.doc[k]
            sent_starts += token.is_sent_start
            if sent_starts > sentences or token.idx < self.headline_end:
                return None
            if token.dep_ not in ("nsubj", "nsubjpass") or self._quoted(token.idx) or token.pos_ == "PRON":
                continue
            if token.ent_type_ in ("ORG", "NORP") or token.lower_ in INSTITUTIONS or definite_group(token):
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
        people = [ent for ent in self.people if self.headline_end <= ent.start_char < position]
        if people:
            return self.full_name(people[-1][-1].text)
        before = [name for pos, name, _ in self.names if self.headline_end <= pos < position]
        return self.full_name(before[-1].split()[-1]) if before else ""

    def _titled_person(self, head: Token) -> str:
        words = [t.lower_ for t in head.subtree if t.lower_ in self.titles]
        wanted = " ".join(words)
        found = [(pos, name) for pos, name, title in self.names if title and _same_office(title, wanted)]
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


def names_someone_before(token: Token, head: Token, titles: frozenset[str]) -> bool:
    """A proper noun before the title that names someone: "Judge Miller", not "Texas judge" or "a judge in Texas"."""
    place = token.ent_type_ in ("GPE", "NORP", "LOC")
    served = token.dep_ == "poss" and token.ent_type_ != "PERSON"  # "Chelyabinsk's governor": whom the holder serves
    return token.pos_ == "PROPN" and token.i < head.i and token.lower_ not in titles and not (place or served)


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


def _described_people(doc: Doc) -> set[int]:
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


def _headline_end(doc: Doc) -> int:
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


def _spelled_out(doc: Doc) -> dict[str, str]:
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


RANKS = frozenset("deputy vice assistant acting former associate".split())
"""Words that make a title another office: a deputy governor is not "the governor"."""


def _same_office(title: str, wanted: str) -> bool:
    """A name's title holds the office a bare title names: "regional governor" for "governor", not "deputy governor"."""
    words = title.replace("-", " ").split()
    return title.endswith(wanted) and not (RANKS & set(words)) - set(wanted.split())
