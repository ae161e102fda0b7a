"""Reporting verbs, cue phrases and content nouns: the lexicons the attribution rules look words up in.

The hand list (``speech_verbs``) comes first; verbs only WordNet lists are
``strict`` or, in the speech-only tier, cues only where the syntax shows speech.
"""

from __future__ import annotations

from functools import cache

from spacy.tokens import Token

from medialit.nlp.lexicons import load_lexicon

VERB_LEXICONS = (
    ("speech_verbs", False),
    ("reporting_verbs_wordnet", True),
    ("communication_verbs_wordnet", True),
)
"""The hand list first; verbs only WordNet lists are ``strict`` (see ``verb_lexicon``)."""
SPEECH_ONLY = "communication_verbs_wordnet"
"""The tier of verbs that are cues only where the syntax shows speech (a framed quotation or a that-clause)."""


@cache
def verb_lexicon() -> dict[str, dict]:
    """Reporting verbs by lemma; a phrasal one by lemma and particle or preposition ("point out", "call for").

    The hand list (``speech_verbs``) comes first; verbs only WordNet lists
    (``reporting_verbs_wordnet``, ``communication_verbs_wordnet``) are marked
    ``strict``: they count only with a subject that can speak and a
    that-clause or a quotation as content.
    """
    out: dict[str, dict] = {}
    for name, strict in VERB_LEXICONS:
        for entry in load_lexicon(name):
            words = entry["id"].split("_")
            out.setdefault(
                " ".join(words),
                {**entry, "particle": words[1] if len(words) > 1 else "", "strict": strict, "lexicon": name},
            )
    return out


@cache
def speech_acts() -> dict[str, dict]:
    """Verbs of judging, requesting, warning and citing by lemma ("condemn", "call for"), with their act.

    From WordNet's ``verb.communication`` synsets of those acts: such a verb has
    content without a clause, its object or the phrase after it ("condemned the
    attack", "called for new elections", "cautioned against optimism").
    """
    return {" ".join(e["id"].split("_")): e for e in load_lexicon("speech_acts_wordnet")}


ACT_PREPOSITIONS = {
    "judge": frozenset("for as of on".split()),
    "request": frozenset(["for"]),
    "warn": frozenset("against of about".split()),
    "cite": frozenset(["as"]),
}
"""Prepositions whose phrase carries an act's content: "praised them for ...", "accused X of ...", "warned of ..."."""


def speech_act(token: Token) -> dict | None:
    """The entry of ``token`` as a verb of judging, requesting, warning or citing (``act``, ``object``: a thing
    judged or the one addressed), phrasal reading first."""
    lemma = verb_lemma(token)
    for child in token.children:
        if child.dep_ in ("prt", "prep") and child.i == token.i + 1:
            act = speech_acts().get(f"{lemma} {child.lower_}")
            if act is not None:
                return act
    return speech_acts().get(lemma)


@cache
def phrase_lexicon() -> dict[str, dict[str, dict]]:
    """Cue phrases by label: stance adjectives and speech nouns by their word."""
    out: dict[str, dict[str, dict]] = {"CUE_ADJ": {}, "CUE_NOUN": {}}
    for entry in load_lexicon("cue_phrases"):
        if entry["label"] in out:
            out[entry["label"]][entry["id"]] = entry
    return out


@cache
def content_nouns() -> dict[str, str]:
    """Nouns of saying and thinking with their WordNet files: "claim" (noun.communication), "view" (both)."""
    return {e["id"]: e["wordnet"] for e in load_lexicon("content_nouns_wordnet")}


def verb_lemma(token: Token) -> str:
    """The token's lemma, mended where the lemmatizer slips on a reporting verb ("rates" -> "rat")."""
    lemma = token.lemma_.lower()
    if _reports(lemma) or token.tag_ not in ("VBZ", "VBD", "VBN"):
        return lemma
    stem = token.lower_[:-1]  # "rates", "rated" -> "rate"
    return stem if _reports(stem) else lemma


def _reports(lemma: str) -> bool:
    entry = verb_lexicon().get(lemma)
    return entry is not None and entry["lexicon"] != SPEECH_ONLY


def lexicon_entry(token: Token) -> dict | None:
    """The lexicon entry of ``token`` as a verb: its phrasal reading first ("pointed out"), else the word alone.

    A preposition makes a phrasal reading only in the hand and that-clause
    lists and for speech acts ("called for"): in the rest of the speech-only
    tier "write in" or "call on" would read "wrote in a blog post" as one verb.
    """
    lemma = verb_lemma(token)
    lexicon = verb_lexicon()
    for child in token.children:
        if child.dep_ == "prt" or (child.dep_ == "prep" and child.i == token.i + 1):
            entry = lexicon.get(f"{lemma} {child.lower_}")
            act = entry is not None and entry["id"] in _act_ids()
            if entry is not None and (child.dep_ == "prt" or entry["lexicon"] != SPEECH_ONLY or act):
                base = lexicon.get(lemma)  # "call for" keeps the hand list's trust in "call"
                return {**entry, "strict": False} if act and base is not None and not base["strict"] else entry
    return lexicon.get(lemma)


@cache
def _act_ids() -> frozenset[str]:
    return frozenset(e["id"] for e in load_lexicon("speech_acts_wordnet"))


def reporting_entry(token: Token) -> dict | None:
    """The entry of a reporting verb, if ``token`` is one (with its particle: "pointed out", not "pointed").

    Verbs of the speech-only tier ("continued", "joked") report only where the
    attribution rules see speech, so they do not count here.
    """
    entry = lexicon_entry(token)
    return None if entry is None or entry["lexicon"] == SPEECH_ONLY else entry
