"""Framing cues: the words and marks by which an article colours what it reports.

``framing_cues(doc)`` returns labelled character spans over ``doc.text`` (the
article body). Every span's ``reasons[0]`` says, in a student's words, which
word or rule fired; ``reasons[1]`` names the lexicon entry or rule behind it.

Quoted speech. A cue inside someone's quoted words (a paired quotation, a
partial quotation governed by a speech verb, or a dash-led interview line such
as ``– I found that ..., Støre said.``) is the speaker's word, not the
article's. Such cues are still reported, with :data:`IN_QUOTE_REASON` as their
last reason; :func:`in_quote` tests for it. Words inside scare quotes count as
quoted too (the writer marks them as someone else's); the scare-quote span
itself is the writer's act and is not marked, unless it sits in a quotation.

Lexicons are data (``lexicons/framing_*.jsonl`` and the attribution helper's
``speech_verbs.jsonl``); matchers are compiled once per vocabulary.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from medialit.core.spans import Span
from medialit.nlp.lexicons import load_lexicon, per_vocab
from medialit.nlp.quotes import quote_pairs

if TYPE_CHECKING:  # spaCy is imported where it runs: lessons read FRAMING_CATEGORIES without it (issue 18)
    from spacy.matcher import Matcher
    from spacy.tokens import Doc, Token
    from spacy.tokens import Span as DocSpan
    from spacy.vocab import Vocab

FRAMING_CATEGORIES: tuple[tuple[str, str], ...] = (
    ("loaded", "a word that takes a side or stirs feelings where a plainer word would do"),
    ("evaluative", "the writer's own judgement (good, bad, important) stated as if it were a fact"),
    ("intensifier", "a word that makes something sound bigger, worse or more certain without adding facts"),
    ("scare_quote", "quotation marks around a word or two, hinting that the writer doubts or distances from it"),
    (
        "speech_verb",
        "a verb of saying that casts doubt ('claimed', 'admitted') or lends weight ('warned', 'stressed'), "
        "where 'said' would be neutral",
    ),
    ("hedge", "a vague source or an uncertainty marker: the reader cannot check who says it or how sure it is"),
)
LABELS = tuple(name for name, _ in FRAMING_CATEGORIES)
LEXICONS = ("framing_loaded", "framing_intensifiers", "framing_hedges")
SPEECH_LEXICON = "speech_verbs"
IN_QUOTE_REASON = "inside a quotation: these are the speaker's words, not the article's"
SCARE_QUOTE_REASON = "scare quotes around a single word or short phrase"
MAX_SCARE_WORDS = 3

_WHY = {
    "loaded": "a word that takes a side",
    "evaluative": "the writer's judgement, not a checkable fact",
    "intensifier": "makes the claim sound bigger or surer without adding information",
    ("hedge", "vague_source"): "the claim's source is not given",
    ("hedge", "uncertainty"): "the claim is stated as uncertain",
}
_NOUN = {"loaded": "loaded word", "evaluative": "evaluative word"}
# Stances whose verbs introduce someone's words; a quoted phrase they govern is a partial quotation.
_QUOTING_STANCES = ("neutral", "evaluative", "naming", "directive", "cognition")


def in_quote(span: Span) -> bool:
    """True when a cue lies inside quoted words, so it is the speaker's, not the article's."""
    return IN_QUOTE_REASON in span.reasons


def framing_cues(doc: Doc) -> list[Span]:
    """Framing cues in ``doc`` as Spans over ``doc.text``, sorted by position.

    Labels: loaded, evaluative, intensifier, scare_quote, speech_verb, hedge
    (see :data:`FRAMING_CATEGORIES`). ``reasons[0]`` explains the cue to a
    student, ``reasons[1]`` names the lexicon entry or rule; a cue inside quoted
    speech ends with :data:`IN_QUOTE_REASON` (test with :func:`in_quote`).
    ``doc`` must come from a pipeline with tagger, lemmatizer and parser.
    """
    if not (doc.has_annotation("LEMMA") and doc.has_annotation("POS") and doc.has_annotation("DEP")):
        raise ValueError("framing_cues needs a parsed doc (tagger, lemmatizer, parser), e.g. from en_core_web_sm")
    rules = _rules(doc.vocab)
    text = doc.text  # built anew on every access, so read once
    quoted, scare = _classify_pairs(doc, text, quote_pairs(text), rules)
    quoted += dash_quotes(doc, text, rules)
    regions = quoted + [(start + 1, end - 1) for start, end in scare]
    cues = _lexicon_cues(doc, rules) + _speech_verb_cues(doc, rules, quoted)
    cues += [
        Span(start, end, "scare_quote", (SCARE_QUOTE_REASON, "rule: paired quotation marks")) for start, end in scare
    ]
    return sorted(_mark_quoted(cue, regions) for cue in cues)


# ---------------------------------------------------------------- compiled rules


class _TriggeredMatcher:
    """Matchers indexed by the word a pattern starts with, run only where that word occurs.

    Running hundreds of patterns over every token costs about a tenth of parsing;
    finding the possible first words with array look-ups first makes it negligible.
    """

    def __init__(self, vocab: Vocab) -> None:
        self.vocab = vocab
        self.by_first: dict[tuple[int, int], Matcher] = {}
        self.longest = 1

    def add(self, key: str, pattern: list[dict]) -> int:
        """Add one span-ruler pattern (a list of token dicts starting with LOWER, ORTH or LEMMA); its match id."""
        from spacy.attrs import LEMMA, LOWER
        from spacy.matcher import Matcher

        first, strings = pattern[0], self.vocab.strings
        triggers = []
        for name, attr in (("LOWER", LOWER), ("ORTH", LOWER), ("LEMMA", LEMMA)):
            value = first.get(name)
            values = value.get("IN", []) if isinstance(value, dict) else [value] if value else []
            triggers += [(attr, strings.add(v.lower() if name == "ORTH" else v)) for v in values]
        if not triggers:
            raise ValueError(f"lexicon pattern {key} must start with a LOWER, ORTH or LEMMA token: {pattern}")
        for trigger in triggers:
            self.by_first.setdefault(trigger, Matcher(self.vocab, validate=True)).add(key, [pattern])
        self.longest = max(self.longest, len(pattern))
        return strings[key]

    def __call__(self, doc: Doc) -> list[tuple[int, int, int]]:
        from spacy.attrs import LEMMA, LOWER

        if not len(doc):
            return []
        table = doc.to_array([LOWER, LEMMA])
        found = set()
        for attr, column in ((LOWER, 0), (LEMMA, 1)):
            for i, value in enumerate(table[:, column].tolist()):
                matcher = self.by_first.get((attr, value))
                if matcher is not None:
                    window = doc[i : i + self.longest]
                    found.update((m, i + s, i + e) for m, s, e in matcher(window) if s == 0)
        return sorted(found, key=lambda match: (match[1], match[2]))


@dataclass(frozen=True)
class _Rules:
    matcher: _TriggeredMatcher
    entries: dict[int, tuple[str, dict]]  # match id -> (lexicon name, entry)
    speech: _TriggeredMatcher
    speech_entries: dict[int, dict]
    quoting_lemmas: frozenset[str]


def _rules(vocab: Vocab) -> _Rules:
    """Matchers for this vocabulary, built on first use."""
    return per_vocab("framing", vocab, _compile)


def _compile(vocab: Vocab) -> _Rules:
    matcher, entries = _TriggeredMatcher(vocab), {}
    for name in LEXICONS:
        for number, entry in enumerate(load_lexicon(name)):
            entries[matcher.add(f"medialit_{name}_{number}", entry["pattern"])] = (name, entry)
    speech, speech_entries, lemmas = _TriggeredMatcher(vocab), {}, set()
    for number, entry in enumerate(load_lexicon(SPEECH_LEXICON)):
        if entry.get("stance") in _QUOTING_STANCES:
            lemmas.update(str(attrs["LEMMA"]) for attrs in entry["pattern"][:1] if isinstance(attrs.get("LEMMA"), str))
        if entry.get("stance") == "evaluative":
            speech_entries[speech.add(f"medialit_speech_{number}", entry["pattern"])] = entry
    return _Rules(matcher, entries, speech, speech_entries, frozenset(lemmas))


# ---------------------------------------------------------------- lexicon cues


def _lexicon_cues(doc: Doc, rules: _Rules) -> list[Span]:
    """Loaded, evaluative, intensifier and hedge words; where matches overlap the longest wins."""
    from spacy.util import filter_spans

    matches = rules.matcher(doc)
    found = filter_spans([doc[s:e] for _, s, e in matches])
    by_span = {(s, e): rules.entries[m] for m, s, e in matches}
    cues = []
    for part in found:
        name, entry = by_span[(part.start, part.end)]
        cues.append(Span(part.start_char, part.end_char, entry["label"], _lexicon_reasons(part.text, name, entry)))
    return cues


def _lexicon_reasons(text: str, name: str, entry: dict) -> tuple[str, ...]:
    label = entry["label"]
    why = _WHY.get((label, entry.get("category")), _WHY.get(label, ""))
    noun = _NOUN.get(label, label)
    if " " in text and noun.endswith(" word"):
        noun = noun.replace(" word", " phrase")
    first = f"{noun} '{text}': {why}"
    if entry.get("neutral"):
        first += f" (neutral: '{entry['neutral']}')"
    return (first, f"lexicon {name}, entry '{entry.get('id', text)}' ({entry.get('category', label)})")


def _speech_verb_cues(doc: Doc, rules: _Rules, regions: list[tuple[int, int]]) -> list[Span]:
    """Evaluative verbs of saying ('claimed', 'admitted') that report something said.

    The verb must report something said: a clause ('claimed that ...', 'admitted
    to lying') or a quotation in its sentence, whatever the entry's ``content``
    key allows. So 'denied visas' and 'maintained a policy' are not cues, at the
    price of missing 'denied the allegations'.
    """
    cues = []
    for match_id, start, end in rules.speech(doc):
        entry = rules.speech_entries[match_id]
        part = doc[start:end]
        if not _reports_content(part.root, regions):
            continue
        first = f"evaluative speech verb '{part.text}' (neutral: '{entry.get('neutral', 'said')}')"
        detail = f"lexicon {SPEECH_LEXICON}, entry '{entry.get('id', part.lemma_)}'"
        if entry.get("note"):
            detail += f": {entry['note']}"
        cues.append(Span(part.start_char, part.end_char, "speech_verb", (first, detail)))
    return cues


# ---------------------------------------------------------------- quotation marks


def _classify_pairs(doc: Doc, text: str, pairs: list[tuple[int, int, bool]], rules: _Rules) -> tuple[list, list]:
    """Split quote pairs into quotations (interior ranges) and scare quotes (whole pairs, marks included)."""
    quoted, scare = [], []
    for start, end, closed in pairs:
        outer = [(s, e) for s, e, _ in pairs if s < start and end <= e]
        within = max(outer) if outer else (0, len(text))  # a quote inside a quotation answers to its speaker only
        if closed and _is_scare_quote(doc, text, start, end, rules, within):
            scare.append((start, end))
        else:
            quoted.append((start + 1, end - 1 if closed else end))
    return quoted, scare


def _is_scare_quote(doc: Doc, text: str, start: int, end: int, rules: _Rules, within: tuple[int, int]) -> bool:
    """One to three words, not a sentence, and no verb of saying that would make it a partial quotation."""
    inner = text[start + 1 : end - 1]
    words = inner.split()
    if not 1 <= len(words) <= MAX_SCARE_WORDS or not any(ch.isalpha() for ch in inner):
        return False
    if inner != inner.strip() or inner.rstrip()[-1] in ".,!?;:…" or text[start - 2 : start].strip() == ":":
        return False
    part = doc.char_span(start + 1, end - 1, alignment_mode="expand")
    if part is None or len(part) == 0:
        return False
    if all(word[0].isupper() for word in words) and not _opens_sentence(doc, part):
        return False  # a name or title being named ("Insurgency Wiki", "Hope"), not a word held at a distance
    return not _speech_nearby(doc, part, rules, within)


def _opens_sentence(doc: Doc, part: DocSpan) -> bool:
    """True when only the opening mark stands between the quoted words and the start of their sentence."""
    first = part.start - 1 if part.start and doc[part.start - 1].is_quote else part.start
    return first == 0 or bool(doc[first].is_sent_start) or doc[first - 1].is_space


def _speech_nearby(doc: Doc, part: DocSpan, rules: _Rules, within: tuple[int, int]) -> bool:
    """A verb of saying (between the ``within`` offsets) governs the quoted words or stands right beside them."""
    heads = [head for token in part for head in token.ancestors]
    window = list(doc[max(part.start - 3, 0) : part.start]) + list(doc[part.end : part.end + 3])
    return any(within[0] <= t.idx < within[1] and _is_speech_verb(t, rules) for t in heads + window)


_CLAUSE_DEPS = frozenset(("ccomp", "xcomp", "parataxis"))


def _reports_content(verb: Token, regions: list[tuple[int, int]]) -> bool:
    """The verb governs a clause, a 'to'-gerund ('admitted to lying'), or words inside a quotation."""
    for child in verb.children:
        if child.dep_ in _CLAUSE_DEPS or (child.dep_ == "prep" and any(c.dep_ == "pcomp" for c in child.children)):
            return True
    sentence = verb.sent
    return any(start < sentence.end_char and sentence.start_char < end for start, end in regions)


def _is_speech_verb(token: Token, rules: _Rules) -> bool:
    """A verb of saying, but not the 'called' of 'so-called' (which marks scare quotes itself)."""
    hyphenated = token.i > 0 and token.doc[token.i - 1].text == "-"
    return token.lemma_ in rules.quoting_lemmas and token.pos_ in ("VERB", "AUX") and not hyphenated


_DASH_LINE = re.compile(r"^[ \t]*[–—][ \t]*(?=\S)", re.MULTILINE)


def dash_quotes(doc: Doc, text: str, rules: _Rules) -> list[tuple[int, int]]:
    """Quoted ranges of dash-led interview lines (``– We say it clearly, says Støre.``), tail cut off."""
    ranges = []
    for dash in _DASH_LINE.finditer(text):
        stop = text.find("\n", dash.end())
        stop = len(text) if stop < 0 else stop
        ranges.append((dash.end(), _quote_end(doc, text, dash.end(), stop, rules)))
    return ranges


def _quote_end(doc: Doc, text: str, start: int, stop: int, rules: _Rules) -> int:
    """Where the quote ends: before a short ``, says X.`` / ``, X said.`` tail, else at the line end."""
    comma = text.rfind(",", start, stop)
    if comma < 0:
        return stop
    tail = doc.char_span(comma + 1, stop, alignment_mode="expand")
    if tail is not None and len(tail) <= 6 and any(_is_speech_verb(t, rules) for t in tail):
        return comma
    return stop


def _mark_quoted(cue: Span, regions: list[tuple[int, int]]) -> Span:
    if any(start <= cue.start and cue.end <= end for start, end in regions):
        return Span(cue.start, cue.end, cue.label, (*cue.reasons, IN_QUOTE_REASON))
    return cue
