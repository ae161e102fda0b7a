"""Where an article gives someone else's words: quoted, or reported in the reporter's words.

K10 makes framing inside either the speaker's, not the paper's own voice, so
an activity that asks for the paper's own voice tells a framing mark there so
(``feedback.explain_all``). ``quoted_parts`` reads the quotations the analyzer
finds (``nlp.quotes``) and dash-quote lines; ``paraphrased_parts`` reads
that-clauses after a reporting verb of the analyzer's hand list
(``speech_verbs``), the verb found by ``word_forms.base_forms``. Both read the
text alone: no spaCy model, so a lesson's check stays quick. ``speakers_parts`` joins
the two, less the paper's own scare quotes (lesson 4).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import cache

from medialit.core.spans import Span
from medialit.exercises.word_forms import base_forms
from medialit.nlp.lexicons import load_lexicon
from medialit.nlp.quotes import find_quotes

DASH_LINE = re.compile(r"^[ \t]*[–—]")
"""A line that opens with a dash: a quote, in the Scandinavian style (``– We will do it, says Dahl.``)."""


def quoted_parts(body: str) -> list[tuple[int, int]]:
    """Character ranges spoken by someone quoted: each outermost quotation (``nlp.quotes``, marks included),
    and each dash-quote line up to the comma before its speech verb (``– We will do it, says Dahl.``)."""
    parts = [(q.open_mark, q.outer_end) for q in find_quotes(body)]
    for line in re.finditer(r"[^\n]+", body):
        text = line.group()
        if DASH_LINE.match(text):
            stop = text.rfind(", ")
            short_tail = stop > 0 and len(text[stop:].split()) <= 5  # ", says Dahl." closes the quote
            parts.append((line.start(), line.start() + (stop if short_tail else len(text))))
    return sorted(parts)


_THAT_CLAUSE = re.compile(r"\bthat\s+([^.!?\n]*)")


def paraphrased_parts(body: str) -> list[tuple[int, int]]:
    """Character ranges of reported speech in the reporter's words: the that-clause after a reporting verb of the
    hand list (``warned that the budget would almost certainly grow``, ``told the minister that ...``), to the end
    of its sentence. K10 makes framing there the speaker's, reported, as inside a quote; without it the own-voice
    activity told *almost certainly* only "ask ... whose words they are" while its answer says they are Haugen's."""
    verbs = _speech_verbs()
    parts = []
    for m in _THAT_CLAUSE.finditer(body):
        line_start = body.rfind("\n", 0, m.start()) + 1
        before = re.findall(r"[A-Za-z]+", body[line_start : m.start()])[-4:]  # the verb, up to three words back
        for word in (w.lower() for w in reversed(before)):
            if base_forms(word) & verbs:
                if m.group(1).strip():
                    parts.append((m.start(1), m.end(1)))
                break
    return parts


@cache
def _speech_verbs() -> frozenset[str]:
    """The one-word reporting verbs of the hand list (``speech_verbs``: *say*, *warn*, *claim*), read without spaCy."""
    return frozenset(e["id"] for e in load_lexicon("speech_verbs") if "id" in e and "_" not in e["id"])


def speakers_parts(body: str, scare_quotes: Iterable[Span] = ()) -> list[tuple[int, int]]:
    """Character ranges in someone else's words (K10): quotations and dash quotes (``quoted_parts``) and paraphrases
    (``paraphrased_parts``); a quotation within one of ``scare_quotes`` is the paper's own framing and not among them.
    A framing cue inside one is the speaker's framing, reported; elsewhere it is the paper's own voice."""
    scare = [(q.start, q.end) for q in scare_quotes]
    quotes = [p for p in quoted_parts(body) if not any(start <= p[0] and p[1] <= end for start, end in scare)]
    return sorted(quotes + paraphrased_parts(body))
