"""The words that say what a source phrase is: titles, vague heads and modifiers, document and outlet words.

Each set comes from a lexicon of ``nlp/lexicons`` (its source and licence in
``SOURCES.md``) or is a short closed class written here.
"""

from __future__ import annotations

from functools import cache

from medialit.nlp.lexicons import load_lexicon

INSTITUTIONS = frozenset({"police"})
"""Plural-looking nouns that name one organisation, not an open group."""
CASE_ROLES = frozenset("investigator prosecutor detective organizer organiser".split())
"""Plural role nouns for the people who run the case a report is about: its investigators, prosecutors,
detectives, the event's organisers. K18 counts "police" or "prosecutors" acting in the case as named; once the
report has named an organisation, "investigators said" are that case's investigators, a group the story
identifies (K2), not an open group like "officials" or "experts"."""
AUTHOR_NOUNS = frozenset("scientist researcher scholar academic author".split())
"""People who write studies: a bare plural of them beside a particular study ("In a study released by the
Florida Museum, scientists report") are that study's authors (K18), not scientists in general."""
VAGUE_QUANTITY_NOUNS = frozenset("number majority minority handful group host lot couple dozen score".split())
"""Nouns that head a source counting an open group ("a majority of senators said"): vague (K18), whoever is named."""
COLLECTIVE_NOUNS = frozenset("industry community public media press news".split())
"""Collectives that point at no particular body (K18 vague: "the hotel industry", "the scientific community",
"the public", "local media", "the press", "local news"), unless their phrase names an organisation or they are a
named state's own outlet ("Syrian state media", ``kinds.state_outlet``)."""
STATE_MEDIA = frozenset("media medium press television tv radio broadcaster".split())
STATE_WORDS = frozenset("state state-run state-owned government government-run official".split())
"""A named state's own outlet ("Syrian state media", "Iran's state television"): a particular outlet, a document
(K18), unlike "local media" or "the media", an open collective."""
PERSON_PRONOUNS = frozenset("he she him her his hers".split())
SPEAKER_PRONOUNS = frozenset("i we me us".split())
GROUP_PRONOUNS = frozenset("they them it its".split())
ORG_ENTS = frozenset(("ORG", "GPE", "NORP", "LOC"))
DETERMINERS = frozenset("the a an this that these those".split())


@cache
def _words(name: str, key: str = "id", wordnet: str = "") -> frozenset[str]:
    """A lexicon's words, lower case with spaces for "_"; only those of one WordNet file when ``wordnet`` says."""
    entries = [e for e in load_lexicon(name) if not wordnet or e.get("wordnet") == wordnet]
    return frozenset(str(e[key]).replace("_", " ").lower() for e in entries)


@cache
def title_words() -> frozenset[str]:
    return frozenset(w for title in _words("titles") for w in title.split())


@cache
def titles() -> frozenset[str]:
    """Whole titles, lower case ("mayor", "prime minister"); ``title_words`` splits them into words ("prime")."""
    return _words("titles")


@cache
def vague_heads() -> frozenset[str]:
    return frozenset(e["id"] for e in load_lexicon("vague_sources") if e.get("category") == "head")


@cache
def vague_modifiers() -> frozenset[str]:
    return frozenset(e["pattern"][0]["LOWER"] for e in load_lexicon("vague_sources") if e.get("category") == "modifier")


def document_heads() -> frozenset[str]:
    return _words("document_sources")


HUMAN_NOUNS = frozenset(
    "man woman boy girl mother father son daughter wife husband brother sister widow widower grandmother"
    " grandfather".split()
)
"""Nouns that only a person can be; most WordNet noun.person nouns ("operator", "developer", "partner")
also name companies, so they do not say that a name beside them is a person."""


@cache
def person_nouns() -> frozenset[str]:
    """Titles and nouns only a person can be: "Gáspár Maróth, the commissioner", "X, an Australian woman"."""
    return title_words() | HUMAN_NOUNS


@cache
def wordnet_person_nouns() -> frozenset[str]:
    """WordNet noun.person nouns ("selectman", "spokeswoman", "co-founder"): words for one person's role, which a
    name set off beside them can fill (not noun.group: "the company, Acme," is no person)."""
    return _words("source_nouns_wordnet", wordnet="noun.person")


@cache
def wordnet_group_nouns() -> frozenset[str]:
    """WordNet noun.group nouns only ("patrol", "agency", "council"): a proper name they end ("Florida Highway
    Patrol") names a body, not a person whose surname they are (not those also in noun.person: "company", "guard")."""
    return _words("source_nouns_wordnet", wordnet="noun.group")


@cache
def source_noun_files() -> dict[str, str]:
    """Each WordNet source noun with the files it is in ("agency": "noun.group", "woman": "noun.group+noun.person")."""
    return {
        str(e["id"]).replace("_", " ").lower(): str(e.get("wordnet", "")) for e in load_lexicon("source_nouns_wordnet")
    }


def source_nouns() -> frozenset[str]:
    """Common nouns for people and groups (WordNet noun.person and noun.group): they can be a source."""
    return _words("source_nouns_wordnet")


@cache
def _outlets(category: str) -> frozenset[str]:
    return frozenset(e["id"] for e in load_lexicon("news_outlets") if e.get("category") == category)


def outlet_name_words() -> frozenset[str]:
    """Last words that make a name a news outlet ("ABC News", "Associated Press", "WSET-TV"): WordNet's nouns
    for the press, periodicals and broadcasting, and newspapers' customary nameplate words (Times, Post, Herald)."""
    return _outlets("name_word")


def outlet_nouns() -> frozenset[str]:
    """Common nouns that say a name beside them is an outlet ("the magazine MicroMega", "Népszava, a daily")."""
    return _outlets("noun")


def outlet_names() -> frozenset[str]:
    """Outlets known by their name alone (wire services, broadcasters, newspapers), lower case: "afp"."""
    return _outlets("agency") | _outlets("broadcaster") | _outlets("newspaper")


K18_DOCUMENTS = frozenset(
    "document report study result poll survey decision ruling verdict judgment judgement filing statement letter "
    "email e-mail post message website page inscription banner database index".split()
)
"""The texts and records K18 of the guidelines lists as documents (a court decision or filing, an e-mail, an
inscription, a database or index ...), beside the ``document_sources`` lexicon the attribution finder reads."""


@cache
def communication_nouns() -> frozenset[str]:
    """WordNet noun.communication nouns (comment, motion, filing, record ...): a source they head is a text or
    record, a document by K18, unless the noun also names people ("press", "audience")."""
    nouns = (e["id"] for e in load_lexicon("content_nouns_wordnet") if "noun.communication" in e.get("wordnet", ""))
    return frozenset(nouns) - source_nouns()
