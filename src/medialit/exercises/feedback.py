"""Feedback lines a student can act on, for lesson checks and the Highlighter's feedback layer.

``scoring.score`` decides what is correct, missed and extra; this module says
why, as specifically as the text allows: in an activity that asks for the paper's
own voice, a framing mark inside a quotation or a paraphrase is the speaker's framing (elsewhere
quoted words can be exactly what the key counts: K5, K10, K15); a mark that
covers only part of a key item names the rest; any other extra gets the question
to ask for its kind of label; a label the activity does not check says so.
Plain functions: no widgets, no spaCy.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from functools import cache

from medialit.core.quoting import quoted
from medialit.core.spans import Span
from medialit.exercises.scoring import Match, Score
from medialit.nlp.framing import LABELS as FRAMING_LABELS
from medialit.nlp.lexicons import load_lexicon
from medialit.nlp.quotes import find_quotes

DASH_LINE = re.compile(r"^[ \t]*[–—]")
FRAMING = (*FRAMING_LABELS, "framing")
"""Framing labels: the analyzer's categories and the Highlighter's one ``framing`` label."""

_SOURCE = "ask who, according to the text, said, wrote or was asked this (an actor or a subject is not a source)"
_KIND = "mark the cue, and ask which words are the speaker's and which are the reporter's"
_SENTENCE = "check who is speaking, and whether the paper says it in its own voice"
_OWN_VOICE = (
    "who says so? A claim credited to a named source (a document too) is attributed; in the paper's own voice, "
    "is the claim contested or consequential, or background a report may simply state?"
)
_FRAMING = "ask whether these words carry a judgement or a doubt beyond the facts, and whose words they are"
_NUMBERS = (
    "hold the line against the body sentence it sums up: does the body credit it to someone, or give this figure?"
)
QUESTION_TO_ASK = {
    **dict.fromkeys(("source", "named", "anonymous", "vague"), _SOURCE),
    "cue": "is it the verb or phrase that credits the words to a source (says, according to)?",
    **dict.fromkeys(("direct", "indirect", "mixed", "according_to"), _KIND),
    **dict.fromkeys(("attributed", "other"), _SENTENCE),
    "unsupported": _OWN_VOICE,  # K8, K9: who says so first (a credited claim is attributed), then own voice
    "opinion": (  # K14: a view credited to someone is news about it, however much it judges
        "whose view is it? A view credited to someone is news about it; in the paper's own voice, does it judge, "
        "predict as certain or say what should happen (K14), or report what happened?"
    ),
    **dict.fromkeys(FRAMING, _FRAMING),
    **dict.fromkeys(("dropped_source", "unsupported_figure"), _NUMBERS),
    "date": "check the date against the page's own date and the calendar",
    "scraped": "is it a piece of page furniture (a link, a box, a notice), or part of the story?",
    "bio": "does the author line fit a reporter, or someone in the story?",
    "translation": "would a fluent writer choose these words, or are they plain, correct English?",
    **dict.fromkeys(("news", "advertising"), "ask whose voice the passage is in, and what it wants from you"),
}
"""The question that settles an extra mark, by label family: who speaks, whose voice, the body, the page."""
READ_AGAIN = "read the activity's question again"
OPTIONAL = "may be marked or left, it costs nothing"
"""Said of a mark on an optional key mark (K11): it is not a mistake either way."""


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


_IRREGULAR = {"said": "say", "told": "tell", "thought": "think", "wrote": "write", "spoke": "speak", "felt": "feel"}
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
            if {_IRREGULAR.get(word, word), word[:-1], word[:-2], word[:-3]} & verbs:
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


def inside(span: Span, parts: Sequence[tuple[int, int]]) -> bool:
    return any(start <= span.start and span.end <= end for start, end in parts)


def explain(
    item: Match,
    body: str,
    key: Sequence[Span] = (),
    quotes: Sequence[tuple[int, int]] = (),
    paraphrases: Sequence[tuple[int, int]] = (),
) -> str:
    """One line for one matched, missed or extra item, with the most specific reason the text gives.

    ``quotes``: the quoted parts, given only where the activity asks for the paper's own voice (K10), so a
    framing mark inside one is the speaker's; elsewhere the quote line would be false where the key counts
    quoted words (``explain_all``). ``paraphrases``: the same for reported speech in the reporter's words.
    """
    span = item.key or item.answer
    assert span is not None
    line = f"{item.status}: {quoted(span.text(body))} ({span.label})"
    if item.status == "correct":
        assert item.answer is not None and item.key is not None
        if _accepted(item):  # another reading the key names (a name without its title, a document's maker)
            line = f"correct: {quoted(item.answer.text(body))} ({item.answer.label})"
        elif (item.answer.start, item.answer.end) != (item.key.start, item.key.end):
            given, keyed = quoted(item.answer.text(body)), quoted(item.key.text(body))
            return f"correct in part: you marked {given}; the {span.label} is {keyed}"
        return f"{line}: {item.key.reasons[0]}" if item.key.reasons else line
    if item.status == "missed":
        return f"{line}: {item.key.reasons[0]}" if item.key and item.key.reasons else line
    if item.status == "optional":  # neither right nor wrong (K11): never an extra's reason ("mark only ...")
        given = item.answer or span
        line = f"optional: {quoted(given.text(body))} ({given.label}): {OPTIONAL}"
        return f"{line}: {item.key.reasons[0]}" if item.key and item.key.reasons else line
    return f"{line}: {_why_extra(span, body, key, quotes, paraphrases)}"


def _accepted(item: Match) -> bool:
    """The answer is exactly one of the key mark's ``accept`` readings: right as it is, not right in part."""
    given = item.answer
    return bool(
        given is not None
        and item.mark is not None
        and any((r.start, r.end, r.label) == (given.start, given.end, given.label) for r in item.mark.accept)
    )


def _why_extra(
    span: Span,
    body: str,
    key: Sequence[Span],
    quotes: Sequence[tuple[int, int]],
    paraphrases: Sequence[tuple[int, int]] = (),
) -> str:
    near = [k for k in key if k.overlap(span)]
    in_quote = span.label in FRAMING and inside(span, quotes)
    if in_quote and not near:  # a key mark over it (a scare quote, K10) is the paper's own framing: say which label
        return "it is inside a quote: the speaker's words and framing, not the paper's own voice"
    if span.label in FRAMING and inside(span, paraphrases) and not near:
        return (
            "it is inside what someone is credited with saying, in the reporter's words (a paraphrase): the "
            "speaker's framing, reported, not the paper's own voice (K10)"
        )
    same = [k for k in near if k.label == span.label]
    if same and span.start <= same[0].start and same[0].end <= span.end:
        return f"mark only {quoted(same[0].text(body))} ({span.label} in the key): the rest is not part of it"
    if same:
        return (
            f"it shares only a little with {quoted(same[0].text(body))} ({span.label} in the key): mark the whole of it"
        )
    other = [k for k in near if k.label != span.label]
    if other:
        return f"these words are in the key, but as {other[0].label}, not {span.label}"
    hedge = _hedge(span, body, key)
    if hedge:
        return hedge
    return f"not in the key as {span.label}: {QUESTION_TO_ASK.get(span.label, READ_AGAIN)}"


_HEDGE_LINE = {
    "vague_source": "it is a hedge and a hidden source at once (K3, K9): it does not say who says so, which makes its "
    "sentence unsupported (lesson 3), not {label} wording; this activity does not mark it",
    "source_words": "it names a vague or anonymous source (K2), which you mark as a source (lesson 2), not as {label} "
    "wording: its sentence is unsupported unless the text says what puts an anonymous source in a position to know "
    "and why it is not named (K7, lesson 3); this activity does not mark it",
    "uncertainty": "it is a hedge, a word of uncertainty (K9): it makes the claim unsure, which lesson 3 counts as its "
    "sentence's reason, not {label} wording; this activity does not mark it",
}


def _hedge(span: Span, body: str, key: Sequence[Span]) -> str:
    """The line for a hedge or hidden source (the analyzer's hedge lexicon: *reportedly*, *probably*) given a
    framing label, where the activity asks for framing kinds apart and not for hedges ("" otherwise): K3 and K9
    make it its sentence's reason, and "a doubt beyond the facts" would invite it. Where loaded words alone are
    asked for, K10 counts it, so the general question stays."""
    asked = {k.label for k in key} & set(FRAMING)
    if span.label not in FRAMING or span.label == "hedge" or "hedge" in asked or len(asked) < 2:
        return ""
    words = " ".join(span.text(body).lower().split()).strip(".,;:!?")
    category = _hedges().get(words)
    if category == "vague_source" and _SOURCE_WORDS.search(words):
        category = "source_words"  # the analyzer's hedge is wider than K9's: words naming a group or circle (K10)
    return _HEDGE_LINE[category].format(label=span.label) if category in _HEDGE_LINE else ""


_SOURCE_WORDS = re.compile(
    r"\b(?:critics|experts|observers|insiders|officials|sources?|people|person|someone|those|some|many)\b"
)
"""Words of a hedge-lexicon entry that name who speaks, however vaguely (*critics say*, *sources close to*): a vague
or anonymous source (K2), not a hedge; the other entries (*reportedly*, *it is said*) hide the source (K3)."""


@cache
def _hedges() -> dict[str, str]:
    """Each hedge lexicon entry as a student shows it (``reportedly``, ``it is said``): its category."""
    return {entry["id"]: entry.get("category", "") for entry in load_lexicon("framing_hedges") if "id" in entry}


def explain_all(result: Score, body: str, key: Sequence[Span], own_voice: bool = False) -> list[str]:
    """A line per match of ``result``; ``own_voice``: the activity asks for the paper's own voice only (K10)."""
    quotes = quoted_parts(body) if own_voice else []
    paraphrases = paraphrased_parts(body) if own_voice else []
    return [explain(m, body, key, quotes, paraphrases) for m in result.matches]


def not_graded(marks: Iterable[Span], graded: Sequence[str]) -> list[str]:
    """One line per label the activity does not check (``hedge: not part of this activity, ...``)."""
    others = sorted({m.label for m in marks} - set(graded))
    checks = ", ".join(graded)
    return [f"{label}: not part of this activity (it checks {checks}); those marks are kept but not counted"
            for label in others]  # fmt: skip
