"""What matches what in a graded item: the one home of the per-item matchers, for scores and reports alike.

``scoring.score`` pairs answer marks with key marks one to one, asking a
``Judge`` whether a mark may stand for a key mark. This module says which judge
each kind of item uses (``judge_for``: the place and label, the speaker named,
the word by its lemma), turns what a notebook holds into the ``Key`` and
``Answer`` the scorer reads (``as_key``, ``as_answer``), and gives reports the
matching a score used (``matches``, ``compare``), so a report never counts a
mark differently from the grade. The generic place rules (``close_enough``,
``same_place``, ``same_place_and_label``) live beside ``score`` in ``scoring``.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from functools import cache, lru_cache
from typing import Any

from medialit.core.spans import Span
from medialit.exercises.answer import Answer
from medialit.exercises.folding import normalise
from medialit.exercises.items import Item, item
from medialit.exercises.key import Key, KeyFormatError, KeyMark
from medialit.exercises.scoring import (
    Judge,
    Mark,
    Match,
    close_enough,
    marks_of,
    same_place,
    same_place_and_label,
    score,
)
from medialit.exercises.word_forms import lemma, parser

# ---------------------------------------------------------------- answer and key as the scorer reads them


def as_key(it: Item, key: Any) -> Key:
    """``key`` as a ``Key`` for this item: a Key, a v2 dict, v1 rows, or v1 spans (speaker or ``a/b`` in the label)."""
    key = getattr(key, "original_key", key)  # spans from grading.key_spans remember their Key
    if isinstance(key, (list, tuple)) and key and all(isinstance(k, Span) for k in key):
        key = [[k.start, k.end, k.label, list(k.reasons)] for k in key]
    if not isinstance(key, Key):
        key = Key.from_dict(key, where=f"{it.id} key", item=it.id, article=it.article, speakers=it.kind == "speakers")
    if not key.item:  # a version-1 literal names no item: it is this one's
        key = replace(key, item=it.id, article=key.article or it.article)
    if key.item != it.id:
        raise KeyFormatError(f"{it.id}: this is the key of {key.item}; copy the right KEY into the hidden test")
    return key


def as_answer(it: Item, answer: Answer | Sequence[Span]) -> Answer:
    """An ``Answer``; version-1 spans (speaker names in labels, unplaced words at offset -1) are converted; on a
    sentence item a mark over several sentences is a mark on each (``by_sentence``)."""
    if not isinstance(answer, Answer):
        placed = [s for s in answer if s.start >= 0]
        unplaced = tuple(s.reasons[0] if s.reasons else s.label for s in answer if s.start < 0)
        if it.kind == "speakers":
            return Answer(speakers=tuple((Span(s.start, s.end, "source"), s.label) for s in placed), unplaced=unplaced)
        answer = Answer(marks=tuple(placed), unplaced=unplaced)
    if it.kind == "sentences":
        answer = replace(answer, marks=tuple(by_sentence(answer.marks, it.load().sentences)))
    return answer


def by_sentence(marks: Sequence[Span], sentences: Sequence[tuple[int, int]]) -> list[Span]:
    """Marks as a sentence item counts them: one that covers at least half of two or more sentences is a mark on
    each of them (its words in each), any other mark stays as it is.

    The item is answered sentence by sentence and each extra sentence costs its share; a mark over a whole
    paragraph found the paragraph's longest sentence and cost one extra, so every paragraph with any one reason
    earned a quarter of ex02-q2 where every sentence earns nothing (attack19).
    """
    out = []
    for mark in marks:
        pieces = [
            Span(max(mark.start, s), min(mark.end, e), mark.label, mark.reasons)
            for s, e in sentences
            if 2 * (min(mark.end, e) - max(mark.start, s)) >= max(1, e - s)
        ]
        out += pieces if len(pieces) > 1 else [mark]
    return out


# ---------------------------------------------------------------- the score's matching, for reports


def matches(item_id: str, answer: Answer | Sequence[Span], key: Any) -> tuple[Match, ...]:
    """The one-to-one matching the item's score used (for sentence items: the right-reason half), for reports."""
    it = item(item_id)
    body = it.load().body
    judge = same_place_and_label if it.kind == "sentences" else judge_for(it, body)
    merge = it.kind == "sentences"
    found = score(
        as_answer(it, answer), as_key(it, key), max_points=1, part=it.bounds(), judge=judge, merge_labels=merge
    )
    return found.matches


@dataclass(frozen=True)
class Comparison:
    """What one answer did with each mark of the key, counted as the item's score counts it.

    ``placed`` and ``right`` hold indexes into ``key.marks``: the answer marked
    that place (whatever its label), and matched it in the score's one-to-one
    matching (right label, reason or speaker). ``extras`` are the answer's marks
    in the text that match no key mark.
    """

    key: Key
    placed: frozenset[int]
    right: frozenset[int]
    extras: tuple[Mark, ...]


def compare(item_id: str, answer: Answer | Sequence[Span], key: Any) -> Comparison:
    """Each key mark found by place and found right, and the marks outside the key (the course report's counts)."""
    it = item(item_id)
    key = as_key(it, key)
    answer = as_answer(it, answer)
    index = {id(mark): i for i, mark in enumerate(key.marks)}
    found = matches(it.id, answer, key)
    right = {index[id(m.mark)] for m in found if m.mark is not None and m.given is not None}
    marks, _ = marks_of(answer, it.bounds(), merge_labels=it.kind == "sentences")
    placed = {i for i, target in enumerate(key.marks) if any(same_place(mark, target) for mark in marks)}
    extras = tuple(m.given for m in found if m.status == "extra" and m.given is not None and m.given.span is not None)
    return Comparison(key, frozenset(placed | right), frozenset(right), extras)


# ---------------------------------------------------------------- judges per kind of item


def judge_for(it: Item, body: str) -> Judge:
    """How an answer mark matches a key mark for this kind of item."""
    if it.kind == "speakers":
        return speaker_judge(body)
    if it.kind == "words":
        return same_word(body)
    return same_place_and_label


_NOT_NAMES = frozenset({"the", "of", "a", "an", "sir"})
"""Words that never name anyone; titles are dropped with them (``_not_names``)."""
_TRANSLITERATED = (("oe", "o"), ("ae", "a"), ("aa", "a"), ("ue", "u"))
"""Letters a keyboard without ø, æ, å, ü writes as two ("Stoere"): one spelling for comparing names."""


@cache
def _not_names() -> frozenset[str]:
    """``_NOT_NAMES``, the analyzer's title words and the initials of its multi-word titles ("PM", prime minister)."""
    from medialit.nlp.lexicons import load_lexicon
    from medialit.nlp.sources.words import title_words

    titles = [str(e["pattern"]).lower().split() for e in load_lexicon("titles")]
    return _NOT_NAMES | title_words() | {"".join(w[0] for w in t) for t in titles if len(t) > 1}


def _folded(word: str) -> str:
    """A name word as compared: lower case, diacritics folded (ø→o, é→e) and transliterations too (oe→o)."""
    word = normalise(word)
    for pair, single in _TRANSLITERATED:
        word = word.replace(pair, single)
    return word


def name_words(name: str) -> list[str]:
    """The words of a name that identify someone: folded, without titles, articles or a possessive ’s."""
    return _words(name, _not_names())


def names_person(given: str, speaker: str, aliases: Sequence[str] = (), text: str = "") -> bool:
    """``given`` names ``speaker``: every name word given is one of theirs (or its initial), at least one in full.

    So ``Støre``, ``Jonas Store``, ``PM Støre``, ``Minister Støre``, ``Norwegian
    Prime Minister Jonas Gahr Støre``, ``Prime Minister of Norway Jonas Gahr
    Støre``, ``Foreign Minister Jonas Gahr Støre`` and ``Labor Party leader
    Jonas Gahr Støre`` name Jonas Gahr Støre, while another person, a bare
    title, a pronoun or a list of several people stuffed into one name do not.
    Descriptors (``_descriptors``: nationality, a place after *of*, a word
    that modifies a title, a person's party or employer) are dropped, unless
    the speaker's own name has one ("the Russian embassy": there it names).
    With the article's ``text``, a word the article puts only before someone
    else's name (``Russian``, ``President``: *Russian President Vladimir
    Putin*) means that other person, so ``Russian Prime Minister Støre`` names
    nobody (``_describes_another``). A speaker with ``aliases`` (an
    organisation) is named as a whole (``_names_a_whole``).
    """
    if aliases:
        return _names_a_whole(given, (speaker, *aliases))
    theirs = set(name_words(speaker))
    own = {_folded(owner) for owner in _OWNER.findall(speaker.lower())}  # "Norway's allies": the name's own
    if any(_folded(owner) in theirs - own for owner in _OWNER.findall(given.lower())) or _serves(given, theirs):
        return False  # "Støre's spokesperson", "Støre spokesperson", "the spokesperson of Støre": not them
    words = name_words(given)
    if not any(len(w) > 1 and w in theirs for w in words) or _describes_another(given, theirs, text):
        return False  # no word of theirs in full (no word dropped can help, no parse needed), or someone else's title
    if _names_one_of(words, theirs):
        return True
    if _descriptors(speaker):
        return False
    drop = {_folded(w) for w in _descriptors(given, person=_is_person(speaker))}
    return _names_one_of([w for w in words if w not in drop], theirs)


def _describes_another(given: str, theirs: set[str], text: str) -> bool:
    """A word of ``given`` (not a name word of theirs) stands in the article only before other people's names.

    The article decides, not knowledge of the world: a title or nationality it
    gives only to others (*Russian President Vladimir Putin*, *President
    Zelensky*) names them, while one it never uses (*Foreign Minister*, an old
    title; *Swedish*) or also gives the speaker (*Prime Minister Jonas Gahr
    Støre*) is not judged. The name of another of its title holders names
    that person, even where spaCy reads it as a title's modifier (*Sjmyhal
    Prime Minister Støre*).
    """
    if not text:
        return False
    described = _described(text)
    others = {word for holders in described.values() for holder in holders for word in holder} - theirs
    for word in set(_words(given, _FUNCTION_WORDS | _ARTICLES)) - theirs:
        if word in others:
            return True  # another title holder's name ("Sjmyhal Prime Minister Støre"), whatever spaCy read it as
        holders = described.get(word) or _place_form_holders(word, described)
        if holders and not any(holder & theirs for holder in holders):
            return True
    return False


def _place_form_holders(word: str, described: dict[str, list[frozenset[str]]]) -> list[frozenset[str]]:
    """Holders of the article's adjective a place word stands for: *Russia's*, *of Russia* say *Russian*.

    The adjective is read as the place's stem with an ending (*Russia* → *Russian*, *Ukraine* → *Ukrainian*);
    a place whose adjective is spelt otherwise (*Norway*, *Norwegian*) is simply not judged.
    """
    if len(word) < 4:
        return []
    return [holder for form, holders in described.items() if form.startswith(word[:-1]) for holder in holders]


_AGENT_TITLES = frozenset({"spokesperson", "spokesman", "spokeswoman", "secretary", "deputy", "envoy", "ambassador"})
"""Titles of someone who acts for another: after that person's name, or with *of* before it, they name the agent."""


def _serves(given: str, theirs: set[str]) -> bool:
    """``given`` names someone acting for them: *Støre spokesperson*, *the spokesperson of Jonas Gahr Støre*."""
    tokens = [_folded(t) if t[0].isalnum() else t for t in _TOKEN.findall(given.lower())]
    for at, token in enumerate(tokens[:-1]):
        after = tokens[at + 1]
        if token in theirs and after in _AGENT_TITLES:
            return True
        if token in _AGENT_TITLES and after == "of" and any(t in theirs for t in tokens[at + 2 :]):
            return True
    return False


_TOKEN = re.compile(r"\w+|[^\w\s]")


@lru_cache(maxsize=16)
def _described(text: str) -> dict[str, list[frozenset[str]]]:
    """Each word the article sets before a title holder's name (a title, or a capitalised word before one) -> names.

    *Russian President Vladimir Putin* gives ``russian`` and ``president`` to
    Vladimir Putin; *Prime Minister Jonas Gahr Støre* gives ``prime`` and
    ``minister`` to Støre. A word before a name with no title between (*newspaper
    Aftenposten*, *Labor Party*) describes no one here.
    """
    tokens = _TOKEN.findall(text)
    titles = _not_names() - _ARTICLES - _FUNCTION_WORDS
    out: dict[str, list[frozenset[str]]] = {}
    for at, token in enumerate(tokens):
        end = at + 1
        while end < len(tokens) and tokens[end].lower() in titles:
            end += 1
        if token.lower() not in titles and (end == at + 1 or not token[:1].isupper()):
            continue  # neither a title nor a word in capitals before one ("Russian"; not "by", "also")
        name = []
        while end < len(tokens) and tokens[end][:1].isupper() and tokens[end].lower() not in titles:
            name.append(_folded(tokens[end]))
            end += 1
        if name:
            out.setdefault(_folded(token), []).append(frozenset(name))
    return out


_OWNER = re.compile(r"\b(\w+)[’']s\s+\w")
"""A word in the possessive followed by another: the name of whoever owns what follows. It starts only at a word's
start: tried inside every word too, a name of n letters took n² steps (40,000 letters: 29 s; attack18)."""


def _names_one_of(words: list[str], theirs: set[str]) -> bool:
    """One word in full is theirs and every word is one of theirs or the initial of one."""
    return any(len(w) > 1 and w in theirs for w in words) and all(
        w in theirs or (len(w) == 1 and any(t.startswith(w) for t in theirs)) for w in words
    )


_ARTICLES = frozenset({"the", "a", "an"})
_FUNCTION_WORDS = frozenset({"of", "in", "at", "for", "and", "to", "on", "by", "from", "with"})
"""Words an organisation's name may leave out ("Russian Embassy, Oslo"); given, they must be that name's own."""
_PLACE_WORDS = frozenset({"in", "at"})
"""Prepositions that start the place phrase closing an organisation's name ("... in Oslo")."""


def _names_a_whole(given: str, names: Sequence[str]) -> bool:
    """``given`` is one of ``names`` as a whole: all its name words, and no word that name does not have.

    Each name is compared without its closing place phrase (*in Norway*), and
    the answer may close with any place phrase one of the names has (*in Oslo*,
    or the place alone: *Russian Embassy Norway*), since several names of one
    organisation say the same thing. Articles are skipped; function words
    (*of*) may be left out, and the words given keep that name's order. So
    ``the Russian embassy in Norway`` and ``the Embassy of Russia in Oslo``
    name the embassy, while a head noun alone (``the embassy``), a nationality
    alone, another country's embassy (``Norway's embassy``, ``Embassy of
    Norway``), one *in* Russia or Moscow, or the state (``the Russian
    Federation``) name nobody.
    """
    split = [_place_phrase(_org_words(name)) for name in names]
    places = {place for _, place in split if place}
    words = _org_words(given)
    for place in places:
        core, end = _place_phrase(words, place)
        if end:
            words = core
            break
    return any(_same_name(words, own) for own, _ in split)


def _place_phrase(words: list[str], place: tuple[str, ...] | None = None) -> tuple[list[str], tuple[str, ...]]:
    """``words`` without their closing place phrase (*in Oslo*, or ``place`` alone at the end), and that place."""
    for at, word in enumerate(words):
        rest = tuple(words[at + 1 :])
        if word in _PLACE_WORDS and rest and (place is None or rest == place):
            return words[:at], rest
    bare = bool(place) and len(words) > len(place) and tuple(words[-len(place) :]) == place
    if bare and words[-len(place) - 1] not in _FUNCTION_WORDS:  # "Embassy of Norway" is Norway's embassy
        return words[: -len(place)], place
    return words, ()


def _same_name(words: list[str], own: list[str]) -> bool:
    """Every word of ``own`` but its function words is given, and the words given are ``own``'s, in its order
    where a function word binds them ("of Russia", not "in Russia"); without one, in any order ("Russia's embassy").
    """
    if not set(own) - _FUNCTION_WORDS <= set(words) <= set(own):
        return False
    if not set(words) & _FUNCTION_WORDS:
        return True
    rest = iter(own)
    return all(word in rest for word in words)


def _org_words(name: str) -> list[str]:
    """An organisation's name as compared: folded words without articles or a possessive ’s."""
    return _words(name, _ARTICLES)


def _words(name: str, skip: frozenset[str]) -> list[str]:
    """A name's words, folded, without a possessive ’s and the words in ``skip``."""
    plain = re.sub(r"[’']s\b", "", name)
    return [_folded(w) for w in re.findall(r"\w+", plain.lower()) if w not in skip]


@lru_cache(maxsize=1024)
def _descriptors(name: str, person: bool = False) -> frozenset[str]:
    """Words that describe a person rather than name them: spaCy's NORP entities ("Norwegian"), a place in the
    possessive ("Norway's") or after *of* ("of Norway"), a word that modifies a title ("Foreign Minister", not a
    person's name: "Putin Minister"), and for a ``person`` an organisation (party, employer).

    Without the model, none: a name with such a word then has to match word for word.
    """
    parse = parser()
    if parse is None:
        return frozenset()
    doc = parse(name)
    words = {t.lower_ for t in doc if t.ent_type_ == "NORP" or (person and t.ent_type_ == "ORG")}
    titles = _not_names()
    words |= {  # a title's own modifier ("Foreign Minister", "former Prime Minister"), not a person's name
        t.lower_
        for t in doc
        if t.dep_ in ("compound", "amod") and t.head.lower_ in titles and t.ent_type_ not in ("PERSON", "GPE", "LOC")
    }
    for ent in doc.ents:
        if ent.label_ not in ("GPE", "LOC"):
            continue
        before, after = doc[ent.start - 1] if ent.start else None, doc[ent.end] if ent.end < len(doc) else None
        owned = any(t.tag_ == "POS" for t in ent) or (after is not None and after.tag_ == "POS")
        if owned or (before is not None and before.lower_ == "of"):
            words |= {t.lower_ for t in ent}
    return frozenset(words)


@lru_cache(maxsize=256)
def _is_person(speaker: str) -> bool:
    """spaCy reads the speaker's name as a person (so a party or employer beside it is a descriptor)."""
    parse = parser()
    return parse is not None and any(t.ent_type_ == "PERSON" for t in parse(speaker))


def same_speaker(mark: Mark, target: KeyMark, text: str = "") -> bool:
    """The same source words, and every name given for them names the key's speaker (``text``: the article)."""
    if not same_place(mark, target) or not mark.speakers:
        return False
    return all(names_person(name, target.speaker, target.aliases, text) for name in mark.speakers)


def speaker_judge(body: str) -> Judge:
    """``same_speaker`` against the article ``body``: a title it gives only to someone else names them."""
    return lambda mark, target: same_speaker(mark, target, body)


def same_cue(
    mark: Mark, target: KeyMark, *, silent_unlinked: bool = False, silent_speakers: frozenset[str] = frozenset()
) -> bool:
    """The same source words linked to the key's cue, and to nothing else (a key mark without a cue: the source alone).

    Every cue linked to the source must be the key's, as every label given must be accepted:
    a source linked to every word near it would otherwise earn the cue half by hedging.
    ``silent_unlinked`` (a key that names cues): a required key mark without a cue is a party that
    was asked and gave no answer (rule 3, K4: no attribution, no cue), so it wants the source unlinked,
    as ex01-q2's prompt says; linking the embassy to *commented* earned the cue half (keyread18). An
    optional one without a cue (the nested *I*, K5; the outlet naming itself) takes any link, unless its
    speaker is one of ``silent_speakers``, the speakers of those required parties: another mention of the
    party (*They*) linked to *commented* is the same K4 error (keyread22: it cost the cue half unexplained
    when given alone, and nothing beside the embassy). So does every mark of a version-1 key, which names no
    cues at all.
    """
    if not same_place(mark, target):
        return False
    if target.cue is None:
        takes_any = not silent_unlinked or (target.optional and target.speaker not in silent_speakers)
        return takes_any or not any(c.start >= 0 for c in mark.cues)
    return bool(mark.cues) and all(close_enough(c, target.cue) for c in mark.cues)


def same_word(body: str, lemmas: Callable[[str], str] | None = None) -> Judge:
    """Framing words: the marked place, or the same lemma as the key's word or one of its accepted forms."""
    base = lemmas or lemma

    def judge(mark: Mark, target: KeyMark) -> bool:
        if mark.labels - target.labels():
            return False
        if mark.span is not None and same_place(mark, target):
            return True
        said = base(mark.words if mark.span is None else mark.span.text(body))
        return bool(said) and (said == base(target.span.text(body)) or said in {base(w) for w in target.words})

    return judge
