"""Who a source phrase refers to: ``SpeakerResolver`` resolves pronouns, titles and surnames in one doc.

A pronoun ("He", "his") goes to the person named as the subject just
before it, else to the person last credited; a relative pronoun ("police,
who said") to the noun it describes; a title ("The Prime Minister") to the
person the article names with that title; a surname ("Støre") to the fullest
form of the name in the article; an acronym ("the SDF") to the name the
article spells out before it ("Syrian Democratic Forces (SDF)"). The headline
is never an antecedent.

This module decides the order in which those rules are tried; the rules
themselves live in ``antecedents`` (pronouns and repeated nouns), ``titles``
(titles and their holders) and ``names`` (names, surnames and acronyms).
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from medialit.nlp.sources.antecedents import Antecedents, headline_end, nearer_subject, relative_antecedent
from medialit.nlp.sources.kinds import (
    described_document,
    is_vague,
    issuer_of,
    kind_and_reason,
    name_beside,
    one_holder,
    one_unnamed,
    outlet_key,
    outlet_name,
    outlet_noun,
    source_kind,
    unnamed_kind,
    vague_word,
)
from medialit.nlp.sources.names import described_people, spelled_out
from medialit.nlp.sources.phrases import noun_phrase, without_determiner
from medialit.nlp.sources.titles import TitleHolders, names_someone_before
from medialit.nlp.sources.words import (
    GROUP_PRONOUNS,
    ORG_ENTS,
    PERSON_PRONOUNS,
    SPEAKER_PRONOUNS,
    document_heads,
    title_words,
    wordnet_person_nouns,
)

if TYPE_CHECKING:  # types only: a shipped analysis builds Sources without importing spaCy (issue 18)
    from spacy.tokens import Doc, Token

    from medialit.core.spans import Attribution


class SpeakerResolver(Antecedents, TitleHolders):
    """Resolves source phrases of one doc, remembering the kind of each speaker it names."""

    def __init__(self, doc: Doc) -> None:
        self.doc = doc
        self.text = doc.text
        self.titles = title_words()
        self.kinds: dict[str, str] = {}
        self.mentions: dict[tuple[int, int], tuple[str, str]] = {}
        """(start, end) of a source phrase -> (speaker, the kind of that mention)."""
        self.headline_end = headline_end(doc)
        """Where the headline ends (0 without one): no pronoun refers back into a headline."""
        self.people = [ent for ent in doc.ents if ent.label_ == "PERSON"]
        self.described = described_people(doc)
        """Proper nouns the article describes as a person ("Gáspár Maróth, the government commissioner")."""
        self.person_names = {ent[-1].text for ent in self.people if len(ent) > 1}
        self.person_names |= {doc[i].text for i in self.described}
        """Surnames the entity recogniser takes for a person somewhere ("Paweł Adamowicz"), or the article
        describes as one, whatever the recogniser makes of a bare "Adamowicz" elsewhere."""
        self.acronyms = spelled_out(doc)
        self._quotes: list[tuple[int, int]] | None = None
        self.run_spans: list[tuple[int, int, str]] = []
        self.names = self._name_runs()
        self.outlets = {outlet_key(t) for t in doc if t.pos_ == "PROPN" and t.dep_ != "compound" and outlet_name(t)}
        """The names the article gives a news outlet anywhere (K18), so every mention of one is a document."""
        self.full_names = self._full_names()
        self.holders: set[str] = set()

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
            extent = (nearer.left_edge.idx, nearer.idx + len(nearer))
            speaker, kind, why = self._resolve(nearer, extent, earlier, self.holders)
        else:
            speaker, kind, why = self._resolve(head, extent, earlier, self.holders)
        kind = self.kinds.setdefault(speaker, kind)  # a later mention stands for the source it names (K18)
        mentioned, reason = kind_and_reason(head, kind)
        why = "; ".join(filter(None, (why, reason)))
        self.mentions[extent] = (speaker, mentioned)
        return speaker, why

    def resolve_quietly(self, head: Token, earlier: list[Attribution]) -> tuple[str, str, str]:
        """(speaker, kind, why) for the phrase headed by ``head``, remembering nothing: a name looked up, not a
        mention of a source (a title holder it finds goes into a set of its own, thrown away)."""
        return self._resolve(head, (head.left_edge.idx, head.idx + len(head)), earlier, holders=set())

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

    def _resolve(
        self, head: Token, extent: tuple[int, int], earlier: list[Attribution], holders: set[str]
    ) -> tuple[str, str, str]:
        """(speaker, kind, why); a speaker who is a person by a title alone is added to ``holders`` (``_unnamed``)."""
        speaker, kind, why = self._resolve_phrase(head, extent, earlier, holders)
        if speaker in self.acronyms:  # "the SDF" after "the Syrian Democratic Forces (SDF)"
            full = self.acronyms[speaker]
            return full, kind, "; ".join(filter(None, (why, f"acronym '{speaker}' -> {full}")))
        return speaker, kind, why

    def _resolve_phrase(
        self, head: Token, extent: tuple[int, int], earlier: list[Attribution], holders: set[str]
    ) -> tuple[str, str, str]:
        lower = head.lower_
        antecedent = relative_antecedent(head)
        if antecedent is not None:  # "according to police, who said": the noun the clause describes
            span = (antecedent.left_edge.idx, antecedent.idx + len(antecedent))
            speaker, kind, why = self._resolve_phrase(antecedent, span, earlier, holders)
            return speaker, kind, why or f"relative pronoun '{head.text}' -> {speaker}"
        text = self.text[extent[0] : extent[1]]
        if lower in PERSON_PRONOUNS | SPEAKER_PRONOUNS | GROUP_PRONOUNS:
            return self._resolve_pronoun(head, earlier, holders)
        outlet = head.pos_ == "PROPN" and outlet_key(head) in self.outlets  # "daily Népszava" ... "Népszava noted"
        if outlet or outlet_name(head) or described_document(head):  # "AFP", "State press agency PAP" (K18)
            return without_determiner(noun_phrase(head)), "document", ""  # also "Airfleets, a database ..."
        if head.pos_ in ("PROPN", "NOUN") and head.text[:1].isupper() and self.full_name(head.text) != head.text:
            # "Mijares claimed" after "Superintendent Graciano Mijares", whatever the tagger made of the surname
            return self.full_name(head.text), "person", ""
        medium = head.pos_ == "NOUN" and (head.lemma_.lower() in document_heads() or outlet_noun(head))
        outlet = next(
            (c for c in head.children if c.dep_ == "appos" and (c.ent_type_ in ORG_ENTS or medium)), None
        )  # "the newspaper Le Monde", "the magazine Quillpoint" whatever the entity recogniser made of the name
        if head.pos_ == "NOUN" and outlet is not None and outlet.pos_ == "PROPN":
            return without_determiner(noun_phrase(outlet)), "document" if medium else "organisation", ""
        beside = None if self._role(head) else name_beside(head)  # a role's name: ``_person_in`` below
        if beside is not None:  # "One of these groups, the Syrian Democratic Forces (SDF), said": the name (K2)
            span = (beside.left_edge.idx, beside.idx + len(beside))
            speaker, kind, why = self._resolve_phrase(beside, span, earlier, holders)
            return speaker, kind, why or f"the name beside '{without_determiner(noun_phrase(head))}' -> {speaker}"
        issuer = issuer_of(head)
        if issuer is not None and issuer.token is not None:  # "the judge's statement", "a report by UpGuard"
            token = issuer.token
            speaker, kind, why = self._resolve(token, (token.left_edge.idx, token.idx + len(token)), earlier, holders)
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
        titled = self._titled_name_after(head)
        if titled:  # "According to Connecticut Senator Richard Blumenthal", parsed with the state as the source
            return self.full_name(titled), "person", f"'{head.text}' -> {self.full_name(titled)}"
        if head.pos_ == "NOUN" and is_vague(head):
            return without_determiner(noun_phrase(head)), unnamed_kind(head), ""
        organisation = head.ent_type_ in ORG_ENTS or any(
            c.ent_type_ == "ORG" for c in head.children if c.dep_ == "compound"
        )
        if organisation:  # "the NASA administrator" is still one person (K2)
            return self._unnamed(head, "person" if one_holder(head) else "organisation", holders)
        lemma = head.lemma_.lower()
        plural = head.tag_ == "NNS"  # "the officers" are a group, not one holder
        titled_alone = lemma in self.titles and not plural
        if titled_alone and not any(names_someone_before(t, head, self.titles) for t in head.subtree):
            person = self._titled_person(head)
            if person:
                return person, "person", f"title '{text}' -> {person}"
        mentioned = self._earlier_mention(head, text, earlier)
        if mentioned:
            return mentioned
        if one_unnamed(head):  # "a fire officer said": one particular person, not named (K2)
            return without_determiner(noun_phrase(head)), "anonymous", ""
        return self._unnamed(head, source_kind(head), holders)

    def _role(self, head: Token) -> bool:
        """A title or a word for one person's role ("the mayor of London", "his father"), whose name set beside it
        ("..., Sadiq Khan") ``_person_in`` finds."""
        lemma = head.lemma_.lower()
        return lemma in self.titles or head.lower_ in self.titles or lemma in wordnet_person_nouns()

    def _unnamed(self, head: Token, kind: str, holders: set[str]) -> tuple[str, str, str]:
        """The source phrase itself as the speaker, of kind ``kind``; a person here is one by a title alone ("the
        mayor", ``one_holder``), whom no pronoun is resolved to (``named_person``): added to ``holders``."""
        speaker = without_determiner(noun_phrase(head))
        if kind == "person":
            holders.add(speaker)
        return speaker, kind, ""

    def _resolve_pronoun(self, head: Token, earlier: list[Attribution], holders: set[str]) -> tuple[str, str, str]:
        """ "He" to the person named or described as the subject before it, else to the person last credited;
        "they" to the group before it and "It" to the body before it, else either to the last source credited that
        is not a person ("it": any source); "I" and "we" stay pronouns."""
        lower = head.lower_
        if lower in PERSON_PRONOUNS:
            named, described = self._person_before(head)
            if described is not None:  # "The doctor said ... He said": the one the noun describes, named or not
                extent = (described.left_edge.idx, described.idx + len(described))
                speaker, kind, why = self._resolve_phrase(described, extent, earlier, holders)
                return speaker, kind, why or f"pronoun '{head.text}' -> {speaker}"
            person = named or self._last_person(earlier, head.idx)
            return (person, "person", f"pronoun '{head.text}' -> {person}") if person else (head.text, "pronoun", "")
        group = self._group_before(head) if lower in ("they", "them") else None
        if group is not None:  # "The terrorists ... They think": the plural subject before, not a person
            text = self.text[group.left_edge.idx : group.idx + len(group)]
            mentioned = self._earlier_mention(group, text, earlier)  # "Researchers at X ... The researchers ... They"
            if mentioned is not None:
                return mentioned[0], mentioned[1], f"pronoun '{head.text}' -> {mentioned[0]}"
            return without_determiner(noun_phrase(group)), source_kind(group), f"pronoun '{head.text}' -> group"
        body = self._body_before(head) if lower == "it" else None
        if body is not None:  # "The Emergencies Ministry called on drivers ... It also urged": the body before
            extent = (body.left_edge.idx, body.idx + len(body))
            speaker, kind, why = self._resolve_phrase(body, extent, earlier, holders)
            return speaker, kind, why or f"pronoun '{head.text}' -> {speaker}"
        earlier = [a for a in earlier if lower == "it" or not self.named_person(a.speaker)]
        if earlier and lower in GROUP_PRONOUNS and earlier[-1].speaker.lower() not in SPEAKER_PRONOUNS:
            last = earlier[-1].speaker
            return last, self.kind_of(last), f"pronoun '{head.text}' -> {last}"
        return head.text, "pronoun", ""

    def kind_of(self, speaker: str) -> str:
        return self.kinds.get(speaker, "organisation")
