"""The writer's own reasoning, judged only in a text with no dateline (an essay, a textbook, a speech, an
encyclopedia entry): ``REPORT_RULES`` leaves these five out of news reports (a dateline, or a lede set on a day).
"""

from __future__ import annotations

from spacy.tokens import Token

from medialit.nlp.claims.clauses import main_verb

FREQUENCY = frozenset(
    "frequently often usually rarely always never generally typically commonly seldom invariably".split()
)


def _generalisation(tokens: list[Token]) -> str:
    """ "Entrepreneurs frequently face ...": a claim about how things usually are."""
    for t in tokens:
        if t.lower_ in FREQUENCY and t.dep_ in ("advmod", "neg") and t.head.pos_ in ("VERB", "AUX"):
            return f"a generalisation ('{t.text}') with no source"
    return ""


NECESSITY = frozenset({"must"})
ADVICE = frozenset({"should", "ought"})


def _prescription(tokens: list[Token], modals: frozenset[str] = NECESSITY) -> str:
    """ "The state must protect property rights": what ought to be, in the article's own voice."""
    for t in tokens:
        if t.lower_ in modals and t.tag_ == "MD" and main_verb(t.head) and not _first_person(t.head):
            return f"a prescription ('{t.text}') in the article's own voice"
    return ""


def _advice(tokens: list[Token]) -> str:
    """ "The council should now build the same lane": advice in the writer's own voice is an opinion in any
    text, a news report too (K14); "must" there mostly reports a rule ("candidates must receive 15%"), so it
    stays with ``prescription``, for undated texts only."""
    return _prescription(tokens, ADVICE)


CONCLUSIONS = frozenset("therefore thus hence consequently accordingly".split())


def _conclusion(tokens: list[Token]) -> str:
    """ "It follows that ...", "thus": a conclusion the text draws itself."""
    words = [t.lower_ for t in tokens]
    for k, t in enumerate(tokens):
        if t.lower_ in CONCLUSIONS and t.dep_ == "advmod" and not _first_person(t.head):
            return f"a conclusion ('{t.text}') drawn with no source"
        if t.lemma_ == "follow" and k > 0 and words[k - 1] == "it" and k + 1 < len(words) and words[k + 1] == "that":
            return "a conclusion ('it follows that') drawn with no source"
    return ""


def _prediction(tokens: list[Token]) -> str:
    """ "This system will facilitate new research": a forecast stated as fact."""
    if any(t.ent_type_ in ("DATE", "TIME") for t in tokens):
        return ""  # "will launch on April 29": a schedule, not a forecast
    for t in tokens:
        if t.lower_ in ("will", "'ll") and t.tag_ == "MD" and main_verb(t.head):
            subject = next((c for c in t.head.children if c.dep_ in ("nsubj", "nsubjpass")), None)
            if subject is None or subject.lower_ in ("you", "we", "i"):
                continue  # "you will learn": a textbook's plan for its reader, not a claim
            return f"a prediction ('{t.text} {t.head.text}') with no source"
    return ""


IMPORTANCE = frozenset(
    "essential important valuable significant key vital crucial critical central fundamental prominent "
    "excessive notable influential".split()
)
"""Adjectives that assert importance ("essential", "a key role"): the text should show it, not say it."""


def _importance(tokens: list[Token]) -> str:
    """ "the role of the state is essential", "a significant organisation": importance asserted, not shown."""
    for t in tokens:
        if t.lower_ in IMPORTANCE and t.pos_ == "ADJ" and t.dep_ in ("amod", "acomp"):
            return f"importance asserted ('{t.text}') with no source"
    return ""


def _first_person(verb: Token) -> bool:
    """ "I must put America first", "Therefore, I shall resign": the speaker's own decision, not a claim."""
    return any(c.dep_ in ("nsubj", "nsubjpass") and c.lower_ == "i" for c in verb.children)


CHECKS = {
    "generalisation": _generalisation,
    "prescription": _prescription,
    "advice": _advice,
    "conclusion": _conclusion,
    "prediction": _prediction,
    "importance": _importance,
}
"""This module's rules by name, for ``claim_hits``."""
