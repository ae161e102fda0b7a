"""What kind of source a phrase names (K2, K18): vague, anonymous, document (also news outlets) or organisation.

Also whether the sentence says why an anonymous source is not named (K7).
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, NamedTuple

from medialit.nlp.sources.words import (
    AUTHOR_NOUNS,
    CASE_ROLES,
    COLLECTIVE_NOUNS,
    INSTITUTIONS,
    K18_DOCUMENTS,
    ORG_ENTS,
    STATE_MEDIA,
    STATE_WORDS,
    VAGUE_QUANTITY_NOUNS,
    communication_nouns,
    document_heads,
    outlet_name_words,
    outlet_names,
    outlet_nouns,
    source_nouns,
    title_words,
    titles,
    vague_heads,
    vague_modifiers,
    wordnet_person_nouns,
)

if TYPE_CHECKING:  # types only: a shipped analysis builds Sources without importing spaCy (issue 18)
    from spacy.tokens import Token

KINDS = ("person", "organisation", "document", "vague", "anonymous", "pronoun")
UNCHECKED_KINDS = frozenset({"vague", "anonymous"})
"""Kinds whose claims a reader cannot weigh: a sentence resting only on them is unsupported (K6, K7).
An anonymous source whose sentence says why it is not named counts as a person (K7, ``mention_kind``)."""
K7_REASON = "anonymous, the reason given (K7)"
AUTHORS_REASON = "the authors of the study named beside them (K18)"
ANONYMITY_REASON = re.compile(
    r"\b(?:not (?:authori[sz]ed|allowed|permitted|cleared) to (?:speak|talk|discuss|comment)"
    r"|(?:on )?condition of anonymity|(?:asked|requested|declined) (?:not )?to be (?:named|identified)"
    r"|requested anonymity|fear(?:ed|ing)? (?:of )?reprisals?)",
    re.IGNORECASE,
)
"""Why a source is not named (K7): with it, an anonymous source's claim is attributed, not vague."""


def mention_kind(head: Token, kind: str) -> str:
    """The kind of one mention of a speaker whose kind is ``kind``: what this mention's words and sentence say.

    Decided once per attribution, so sentence labels and the evaluation read it
    as it is. A document that names who issued it is a document (K18:
    "Cornyn's statement", "a report by UpGuard"), its speaker the issuer; a
    vague or anonymous source whose sentence says why it is not named counts
    as a person (K7), each mention on its own: of two unnamed officers only
    the one "not authorised to speak" is explained; "scientists" beside a
    particular study are its authors (``study_authors``), in that sentence only.
    """
    return kind_and_reason(head, kind)[0]


def kind_and_reason(head: Token, kind: str) -> tuple[str, str]:
    """``mention_kind`` and, when this mention's kind differs from its speaker's, the reason it does."""
    if kind == "vague" and study_authors(head):
        return "organisation", AUTHORS_REASON
    if kind in UNCHECKED_KINDS:
        return (kind, "") if unchecked(head, kind) else ("person", K7_REASON)
    issuer = issuer_of(head)
    if issuer is not None and issuer.token is not None and kind in ("person", "organisation"):
        return "document", ""
    return kind, ""


def study_authors(head: Token) -> bool:
    """ "In a study released by the Florida Museum, scientists report": the authors of a particular study (K18).

    A bare plural of people who write studies (``AUTHOR_NOUNS``) whose
    sentence names a particular study, report or journal (one whose phrase
    holds a proper name) before them or in their own clause; "scientists say"
    beside no study, "some scientists", and a study inside what they say stay
    vague.
    """
    if head.tag_ != "NNS" or head.lemma_.lower() not in AUTHOR_NOUNS:
        return False
    if any(c.dep_ in ("det", "poss", "nummod", "amod") for c in head.children if c.i < head.i):
        return False
    inside = subtree_ids(head)
    for token in head.sent:
        written = token.lemma_.lower() in document_heads() or token.lemma_.lower() in K18_DOCUMENTS
        if token.pos_ != "NOUN" or not (written or outlet_noun(token)) or token.i in inside:
            continue
        if (token.i < head.i or in_clause_of(token, head.head)) and names_inside(token):
            return True
    return False


def subtree_ids(token: Token) -> set[int]:
    return {t.i for t in token.subtree}


def names_inside(noun: Token) -> bool:
    """The noun's phrase holds a proper name that is not a date: "a study released by the Florida Museum"."""
    return any(t.pos_ == "PROPN" and t.ent_type_ not in ("DATE", "TIME") for t in noun.subtree if t.i != noun.i)


CLAUSES = frozenset("ccomp xcomp advcl relcl conj parataxis".split())


def in_clause_of(token: Token, verb: Token) -> bool:
    """``token`` hangs from ``verb`` without a clause between them ("reported in Nature"; not "said that a report
    ...")."""
    while token.i != verb.i:
        if token.dep_ in CLAUSES or token.head.i == token.i:
            return False
        token = token.head
    return True


def unchecked(head: Token, kind: str) -> bool:
    """K7, judged here only: a vague or anonymous source leaves its claim unchecked unless its sentence says why
    it is not named ("a senior official, who was not authorised to speak publicly")."""
    return kind in UNCHECKED_KINDS and not anonymity_explained(head)


def source_kind(head: Token) -> str:
    """vague, anonymous, document, person or organisation, for a source phrase that gives no person's name.

    A definite title or role ("the mayor", "the harbour master") is one
    person (``one_holder``); any other phrase that is not vague, anonymous or
    a document is an organisation or group ("the council").
    """
    if is_vague(head):
        return "vague"
    if one_of_them(head):
        return "anonymous"
    if one_holder(head):
        return "person"
    if described_document(head):
        return "document"  # "Airfleets, a database detailing the aircraft ..." (K18)
    lemma = head.lemma_.lower()
    written = lemma in K18_DOCUMENTS or lemma in communication_nouns()
    if lemma in document_heads() or (head.pos_ == "NOUN" and written) or state_outlet(head):
        return "document"  # "the report", "the ruling", "the comments", "the motion" (K18)
    return "organisation"


VOICE_NOUNS = frozenset("spokesman spokeswoman spokesperson representative".split())
"""Nouns for the voice of a body: beside the body's name ("the Acme spokesman", "a spokesperson for Interpol") the
body answers for what is said, so the kit keeps the source the organisation (K18's rule 4 would make the spokesman
anonymous; the corpus gold credits such sentences as attributed, see ``one_unnamed``)."""
DEFINITE = frozenset("the this that".split())


def one_holder(head: Token) -> bool:
    """ "the mayor", "the harbour master", "the town's fire chief": one person picked out by a title or a role (K2
    named: "a title that picks out one person"), though the text gives no name.

    A singular noun with "the", "this", "that" or a possessor, whose word is a
    title (``titles`` lexicon) or a WordNet noun.person noun; a capitalised one
    ("The Mayor") only for a title, since many noun.person words name outlets
    ("The Economist"), with only title words before it and outside an
    organisation's name ("the Directorate General of ..."). Not a group noun ("the council": noun.group), a vague
    head ("the official" is caught as vague first), a document, nor the voice of
    a body named in its phrase ("the Interpol spokesperson", ``VOICE_NOUNS``).
    """
    lemma = head.lemma_.lower()
    if head.tag_ == "NNP":  # "The Prime Minister", not "the Directorate General of Civil Aviation"
        words = [c for c in head.children if c.dep_ == "compound" and c.i < head.i]
        titled = all(c.lower_ in title_words() for c in words) and head.ent_type_ not in ORG_ENTS
        role = titled and (head.lower_ in titles() or lemma in titles())
    else:
        role = head.tag_ == "NN" and (lemma in titles() or lemma in wordnet_person_nouns())
    if not role or lemma in vague_heads() or lemma in document_heads():
        return False
    definite = any(c.dep_ == "poss" or (c.dep_ == "det" and c.lower_ in DEFINITE) for c in head.children)
    voice = lemma in VOICE_NOUNS and any(names_someone(t) for t in head.subtree if t.i != head.i)
    return definite and not voice


def one_unnamed(head: Token) -> bool:
    """One particular source the text does not name (K2 anonymous): "a fire officer", "one poster", "another official".

    Not an open group ("officials", "some critics", "a number of people"), not
    a document ("a report"), not anyone at all ("someone"), and not the voice
    of a named body ("a spokesman for Acme Corp": the organisation answers for it).
    """
    if head.tag_ != "NN" or any(c.dep_ == "prep" and c.lower_ == "of" for c in head.children):
        return False  # "a number of people", "a group of residents": how many, not who
    if any(names_someone(t) for t in head.subtree if t.i != head.i) or name_beside(head) is not None:
        return False  # "a spokesman for Acme Corp"; "Anna Franowska of ..., an abuse victim support charity"
    one = any(c.dep_ in ("det", "nummod") and c.lower_ in ("a", "an", "one", "another") for c in head.children)
    lemma = head.lemma_.lower()
    speaks = lemma in source_nouns() or lemma in title_words() or lemma in vague_heads()
    return one and speaks and lemma not in document_heads()  # "a posting", "one study": no person


def of_plural(head: Token) -> bool:
    """The word has an "of" phrase whose object is a plural noun ("one of the children", "a number of senators")."""
    group = [p for p in head.children if p.dep_ == "prep" and p.lower_ == "of"]
    return any(c.dep_ == "pobj" and c.tag_ in ("NNS", "NNPS") for p in group for c in p.children)


def one_of_them(head: Token) -> bool:
    """ "One of the children", "another of the passengers": one particular member of a group, not named (K2
    anonymous)."""
    if head.lower_ not in ("one", "another") or head.pos_ not in ("NUM", "PRON", "DET"):
        return False
    return of_plural(head) and name_beside(head) is None


def unnamed_kind(head: Token) -> str:
    """A source the reader cannot identify: anonymous when it is one particular source, else vague."""
    return "anonymous" if one_unnamed(head) or withheld(head) else "vague"


WITHHOLDING = frozenset("unnamed anonymous unidentified".split())
"""Modifiers that say the text knows a particular source and withholds its name (K2 anonymous, not vague)."""
INFORMANT_NOUNS = frozenset("source insider informant".split())


def withheld(head: Token) -> bool:
    """A particular source whose name the text withholds (K2, K18 anonymous): "unnamed industry experts", "its
    anonymous source", "their sources" (the outlet's own informants); not "experts" or "sources say" (nobody in
    particular)."""
    words = {c.lower_ for c in head.children if c.dep_ in ("amod", "poss")}
    if words & WITHHOLDING:
        return True
    owned = any(c.dep_ == "poss" and c.pos_ == "PRON" for c in head.children)
    return owned and head.lemma_.lower() in INFORMANT_NOUNS


class Issuer(NamedTuple):
    """Who issued a document: ``token`` speaks for it ("the judge's statement", "a report by UpGuard"), or None
    when the phrase only names the issuer inside it ("a report by the United Nations' agency", "the BBC's report")."""

    token: Token | None
    how: str


def issuer_of(head: Token) -> Issuer | None:
    """Who issued the document ``head`` names, if its phrase says so; the one place issuers are found.

    In this order: a person who owns it ("the judge's statement": the judge);
    the object of its "by" or "from" when that is a name or a word for people
    or institutions ("a report by UpGuard", "a statement from the club"); else
    a name anywhere in its possessor, modifiers or by/from/of phrase ("the
    WHO's study", "a report of the UN panel"): the document is then
    identifiable but speaks for itself. "reports say" or "a posting by an
    unknown author" name no issuer: the author is unknown, so it stays vague.
    """
    if head.lemma_.lower() not in document_heads() or head.pos_ != "NOUN":
        return None
    owner = next((c for c in head.children if c.dep_ == "poss"), None)
    if owner is not None and a_person(owner):
        return Issuer(owner, "owner")
    for prep in head.children:
        if prep.dep_ == "prep" and prep.lower_ in ("by", "from"):
            issuer = next((c for c in prep.children if c.dep_ == "pobj"), None)
            if issuer is not None and (names_someone(issuer) or issuer.lemma_.lower() in source_nouns()):
                if issuer.ent_type_ not in ("DATE", "TIME"):
                    return Issuer(issuer, "by")
                break
    phrase = [t for t in head.subtree if t.i != head.i]
    if any(t.lower_ in vague_modifiers() or t.lower_ in ("unknown", "anonymous") for t in phrase):
        return None
    issuers = [c for c in head.children if c.dep_ in ("poss", "compound", "amod", "nmod")]
    for prep in head.children:
        if prep.dep_ == "prep" and prep.lower_ in ("by", "from", "of"):
            issuers += [c for c in prep.children if c.dep_ == "pobj"]
    named = any(names_someone(t) for issuer in issuers for t in issuer.subtree)
    return Issuer(None, "named") if named else None


def a_person(token: Token) -> bool:
    """A person's name or title ("Judge Miller", "the judge"), not an organisation ("the BBC")."""
    return token.ent_type_ == "PERSON" or (token.lemma_.lower() in title_words() and token.ent_type_ not in ORG_ENTS)


def outlet_name(head: Token) -> bool:
    """A proper name that names a news outlet, so a document (K18), not an organisation.

    The name is a known outlet ("AFP", "CNN", "The Guardian", "USA Today";
    ``news_outlets`` lexicon), or it ends in a word of the press or
    broadcasting ("ABC News", "The Daily Herald", "WSET-TV"; a one-word name
    needs "the": "The Times"), or a noun beside it says what it is ("the
    magazine MicroMega", "state press agency PAP", "Népszava, a daily",
    whatever the entity recogniser made of the name). A person's name ending
    in such a word is not one ("Senator Amy Post").
    """
    if head.pos_ != "PROPN" or not head.text[:1].isupper():
        return False
    if known_outlet(head):
        return True
    before = [c for c in head.children if c.i < head.i]
    named = head.lower_ in outlet_name_words() and head.ent_type_ != "PERSON"
    if named and any(c.dep_ in ("compound", "det", "amod", "nmod") for c in before):
        return True
    if any(c.dep_ == "appos" and c.pos_ == "NOUN" and outlet_noun(c) for c in head.children if c.i > head.i):
        return True
    return any(c.dep_ in ("compound", "nmod", "amod") and outlet_noun(c) for c in before)  # "daily Népszava"


def outlet_key(head: Token) -> str:
    """The proper name headed by ``head`` without the words that describe it, lower case: "daily Népszava" ->
    "népszava", so a later bare "Népszava" is known as the same outlet."""
    words = [c for c in head.children if c.i < head.i and c.dep_ in ("compound", "flat") and c.pos_ == "PROPN"]
    words = [c for c in words if not outlet_noun(c)]
    first = min((c.i for c in words), default=head.i)
    return " ".join(head.doc[first : head.i + 1].text.lower().split())


def known_outlet(head: Token) -> bool:
    """The name headed by ``head``, with its "the" and the name words before it, is a known outlet."""
    words = [c for c in head.children if c.i < head.i and c.dep_ in ("compound", "det", "nmod", "amod")]
    first = min((w.left_edge.i for w in words), default=head.i)
    name = " ".join(head.doc[first : head.i + 1].text.lower().split())
    return name in outlet_names() or (name.startswith("the ") and name[4:] in outlet_names())


def outlet_noun(noun: Token) -> bool:
    """ "magazine", "website", "daily", "news agency", "press agency": a noun for a news outlet."""
    lemma = noun.lemma_.lower()
    return lemma in outlet_nouns() or (lemma == "agency" and any(c.lower_ in ("news", "press") for c in noun.children))


def names_someone(token: Token) -> bool:
    """A name or a named organisation, person or place (not a date: "posts from Friday")."""
    if token.ent_type_ in ("DATE", "TIME", "CARDINAL", "ORDINAL"):
        return False
    return token.pos_ == "PROPN" or token.ent_type_ in ORG_ENTS | {"PERSON"}


def is_vague(head: Token) -> bool:
    """A source the reader cannot identify: a vague head ("officials"), modifier ("unnamed"), or a bare plural.

    The words alone decide; whether the sentence says why the source is not
    named is K7's question (``mention_kind``). A name set beside the words
    ("One of these groups, the Syrian Democratic Forces", ``name_beside``)
    identifies the source: named (K2).
    """
    if name_beside(head) is not None:
        return False
    if vague_word(head):
        return True
    phrase = list(head.subtree)
    if any(t.lower_ in vague_modifiers() for t in phrase if t.i <= head.i):
        return True
    if state_outlet(head):
        return False
    if counts_people(head) or collective(head):
        return True
    bare_plural = head.tag_ == "NNS" and not any(c.dep_ in ("det", "poss") for c in head.children)
    institution = head.lower_ in INSTITUTIONS  # "Police said": the force in charge is an organisation (K2)
    if institution or acting_in_case(head):
        return False
    return bare_plural and not any(a_name(t) for t in phrase) and not described_name(head)


def name_beside(head: Token) -> Token | None:
    """The name a comma sets beside a source's words, naming the same source (K2 named), if there is one.

    Either the words describe and the name follows in apposition ("One of
    these groups, the Syrian Democratic Forces (SDF), said", "a local charity,
    Tidewatch, said"), or the words are an indefinite description set after a
    name ("Anna Franowska of ..., an abuse victim support charity, told"):
    the name is the one they stand in apposition to, or the name in apposition
    to the same word just before them when the parser hung both there. A name
    merely inside the words ("one of the residents of Brindle Street") names
    no source: nothing is returned.
    """
    if names_someone(head):
        return None
    for child in head.children:
        if child.dep_ == "appos" and child.i > head.i and after_comma(child) and a_source_name(child):
            return child
    if head.dep_ != "appos" or not after_comma(head) or not indefinite(head):
        return None
    if a_source_name(head.head) and head.head.i < head.i:
        return head.head
    before = [c for c in head.head.children if c.dep_ == "appos" and c.i < head.i and a_source_name(c)]
    return before[-1] if before else None


def a_source_name(token: Token) -> bool:
    """A proper name of a person or organisation ("Tidewatch", "the Syrian Democratic Forces"), not a date, a number
    or a title ("the President")."""
    if token.pos_ != "PROPN" or token.ent_type_ in ("DATE", "TIME", "CARDINAL", "ORDINAL", "MONEY", "PERCENT"):
        return False
    return token.lower_ not in titles() and token.lower_ not in title_words()


def after_comma(token: Token) -> bool:
    """The phrase headed by ``token`` follows a comma ("X, a database ...")."""
    first = token.left_edge.i
    return first > 0 and token.doc[first - 1].text == ","


def indefinite(noun: Token) -> bool:
    """A singular common noun with "a" or "an": a description of what one thing is ("a database", "an abuse victim
    support charity")."""
    if noun.pos_ != "NOUN" or noun.tag_ != "NN":
        return False
    return any(c.dep_ == "det" and c.lower_ in ("a", "an") for c in noun.children)


def description_beside(head: Token) -> Token | None:
    """The indefinite description a comma sets after ``head`` in apposition ("Airfleets, a database detailing the
    aircraft ...": "database"), if there is one."""
    after = (c for c in head.children if c.dep_ == "appos" and c.i > head.i)
    return next((c for c in after if after_comma(c) and indefinite(c)), None)


def described_name(head: Token) -> bool:
    """ "Airfleets, a database detailing ...", "Greenfields, a housing charity": a capitalised word described as one
    thing is that thing's name, whatever the tagger made of it (a plural noun at the start of a sentence is not a bare
    plural, K2 named). Not a word for people or a vague head ("Residents, a group of farmers" stays a group)."""
    if not head.text[:1].isupper() or head.pos_ not in ("NOUN", "PROPN") or description_beside(head) is None:
        return False
    lemma, lower = head.lemma_.lower(), head.lower_
    people = source_nouns() | vague_heads() | title_words()
    return lemma not in people and lower not in people and lower.removesuffix("s") not in people


def described_document(head: Token) -> bool:
    """A name described as a document or record: "Airfleets, a database detailing the aircraft ...", "Tidelog, a
    website listing sailings" (K18 2: a database or website is a document, named by K2)."""
    if not (head.pos_ == "PROPN" or described_name(head)):
        return False
    description = description_beside(head)
    if description is None:
        return False
    lemma = description.lemma_.lower()
    return lemma in document_heads() or lemma in K18_DOCUMENTS or outlet_noun(description)


def a_name(token: Token) -> bool:
    """A proper noun, or a capitalised word inside a sentence whatever the tagger made of it ("averages measured
    by RealClearPolitics")."""
    inside = not token.is_sent_start and token.text[:1].isupper() and token.is_alpha and token.lower_ != "i"
    return token.pos_ == "PROPN" or inside


def collective(head: Token) -> bool:
    """ "the hotel industry", "the international community": a collective, no particular body (K18 vague)."""
    if not {head.lemma_.lower(), head.lower_} & COLLECTIVE_NOUNS or head.pos_ != "NOUN":
        return False
    return not any(t.ent_type_ in ("ORG", "PERSON") for t in head.subtree)


def state_outlet(head: Token) -> bool:
    """ "Syrian state media", "Iran's state television": a media noun (``STATE_MEDIA``) with a state word
    (``STATE_WORDS``: "state", "state-run", "government" ...) as its compound or adjective and a country or
    nationality (an entity GPE or NORP) among its dependents before it is a named state's own outlet, a document
    (K18). Anything else is not: "local media", and "state media" with no state before the noun, also when one
    follows it ("state media in Iran"). The code does not look for the state elsewhere in the story: the other
    rules then type the phrase as a media collective, vague, where K18 makes the story's state's outlet a
    document (a known miss, pinned in tests/unit/test_source_kinds.py)."""
    if not {head.lemma_.lower(), head.lower_} & STATE_MEDIA or head.pos_ != "NOUN":
        return False
    before = [c for c in head.children if c.i < head.i]
    state = any(c.dep_ in ("compound", "amod") and c.lower_ in STATE_WORDS for c in before)
    return state and any(c.ent_type_ in ("GPE", "NORP") for c in before)


def counts_people(head: Token) -> bool:
    """ "A number of senators", "a handful of residents": a quantifier over an open group (K18 vague), whatever
    group the "of" phrase names."""
    if head.lemma_.lower() not in VAGUE_QUANTITY_NOUNS or head.tag_ != "NN":
        return False
    return of_plural(head)


def acting_in_case(head: Token) -> bool:
    """ "investigators said", "according to organizers": the people running the report's own case once it has
    named an organisation (K18: "police" or "prosecutors" acting in the case are named; ``CASE_ROLES``)."""
    if head.tag_ != "NNS" or head.lemma_.lower() not in CASE_ROLES:
        return False
    return any(t.ent_type_ == "ORG" for t in head.doc[: head.i])


def anonymity_explained(head: Token) -> bool:
    """The source's sentence says why it is not named ("who was not authorised to speak publicly")."""
    return bool(ANONYMITY_REASON.search(head.sent.text))


def vague_word(head: Token) -> bool:
    """The head word is a vague source word; a capitalised one only where a sentence starts ("The Post" is named)."""
    if head.pos_ == "PROPN" and (not head.is_sent_start or any(c.dep_ == "compound" for c in head.children)):
        return False
    heads = vague_heads()
    return head.lemma_.lower() in heads or head.lower_ in heads or head.lower_.removesuffix("s") in heads
