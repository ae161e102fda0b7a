"""Judge one answer against one key the way its item asks, and say why in lines that never quote the key.

``grade_data`` is the entry point for anything that grades from data (the
hidden test cell through ``medialit.exercises.grading.grade``, and ``medialit course
grade`` outside any kernel): it never raises, and a student's mistake becomes
0 points with one line in ``Result.error``.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import partial
from pathlib import Path
from typing import Any

from medialit.core.counts import counted
from medialit.core.quoting import quoted
from medialit.core.spans import Span
from medialit.exercises.answer import Answer, occurrences, read_answer
from medialit.exercises.errors import AnswerError
from medialit.exercises.feedback import OPTIONAL
from medialit.exercises.folding import normalise
from medialit.exercises.items import ITEMS_FILE, SOURCE_KINDS, Item, define_items, item, known_items
from medialit.exercises.key import Key, KeyFormatError, KeyMark
from medialit.exercises.matching import as_answer, as_key, judge_for, name_words, same_cue
from medialit.exercises.scoring import Mark, Match, Score, readings_for, same_place, same_place_and_label, score
from medialit.exercises.word_forms import base_form_in


@dataclass(frozen=True)
class Result:
    """Points (a plain float for nbgrader), feedback lines that never quote the key, and what to explain.

    ``explanations`` hold the rationale of each key mark the student found or
    marked in the right place (never of marks they did not touch); whether
    students see them is the course's release policy. ``error`` is the one-line
    reason when the answer (or the key) could not be used: then points are 0.
    """

    item: str
    points: float
    max_points: float
    feedback: tuple[str, ...]
    explanations: tuple[str, ...] = ()
    error: str = ""

    def to_json(self) -> dict[str, Any]:
        return {
            "item": self.item,
            "points": self.points,
            "max_points": self.max_points,
            "feedback": list(self.feedback),
            "explanations": list(self.explanations),
            "error": self.error,
        }


def grade_data(item_id: str, answer: Any, key: Any, folder: str | Path = ".") -> Result:
    """Grade one item from data alone: no kernel, no student code; never raises.

    ``answer`` is the answer cell's value as ``ast.literal_eval`` read it (None:
    the item's sidecar ``<item>.highlights.json`` in ``folder``); ``key`` is the
    hidden cell's ``KEY`` literal (a version-2 dict, or version-1 rows) or a
    ``Key``. An unreadable answer, an unknown item or an unusable key give 0
    points and one line in ``Result.error`` (and ``feedback``).
    """
    try:
        it = _item(item_id, Path(folder))
    except AnswerError as error:
        return Result(str(item_id), 0.0, 0.0, (f"{item_id}: 0 points: {error}",), error=str(error))
    try:
        return score_item(it.id, read_answer(it, answer, folder), key)
    except AnswerError as error:
        return _zero(it, str(error))
    except KeyFormatError as error:
        return _zero(it, f"the key cannot be used ({key_problem(error)}); tell your instructor")
    except Exception as error:
        return _zero(it, f"the answer could not be graded ({type(error).__name__}); tell your instructor")


def key_problem(error: KeyFormatError) -> str:
    """Which key and which field of it cannot be used, never the value: the line goes into every student's feedback.

    leak23: the whole error said ``marks[2].text: 'said' is not the text at its offsets`` or ``marks[2]: [1643,
    1000000) is outside the text``, a key mark's words or place, on each student's page.
    """
    said = str(error)
    if not re.search(r"['\"]|\d+, \d+", said):  # no value quoted: e.g. "this is the key of ex01-q3"
        return said
    where, _, rest = said.partition(": ")
    field = rest.split(": ", 1)[0] if ": " in rest else ""
    return f"{where}: {field} is wrong" if re.fullmatch(r"[\w.\[\]]+", field) else f"{where} is wrong"


def _item(item_id: Any, folder: Path) -> Item:
    if not isinstance(item_id, str):
        raise AnswerError(f"{item_id!r} is not an item id such as 'ex01-q1'")
    if item_id not in known_items() and (folder / ITEMS_FILE).is_file():  # an instructor's own exercise
        define_items(folder / ITEMS_FILE)
    return item(item_id)


def _points(it: Item) -> str:
    """The item's points in words: '1 point', '3 points'."""
    return counted(float(it.points), "point")


def _zero(it: Item, why: str) -> Result:
    return Result(it.id, 0.0, float(it.points), (f"{it.id}: 0 of {_points(it)}: {why}",), error=why)


# ---------------------------------------------------------------- scoring an item


def score_item(item_id: str, answer: Answer | Sequence[Span], key: Any) -> Result:
    """Score an answer against the key the way the item asks for; pure given the article, used everywhere."""
    it = item(item_id)
    body = it.load().body
    key = as_key(it, key).checked(body, where=f"{it.id} key")
    answer = as_answer(it, answer)
    part = it.bounds()
    notes = (*label_notes(it, answer), *(unplaced_note(it, words) for words in answer.unplaced))
    if it.kind == "sentences":
        units = len(it.sentences())
        half = it.points / 2
        found = score(answer, key, max_points=half, part=part, units=units, judge=same_place, merge_labels=True)
        why = score(answer, key, max_points=half, part=part, units=units, merge_labels=True)
        points = round(found.points + why.points, 2)
        n = len(key.required)
        head = (
            f"{it.id}: {points:g} of {_points(it)}; {found.counts.tp} of {counted(n, 'sentence')} found, "
            f"reasons right for {why.counts.tp} of {n}"
        )
        told = _tells(points, it, key, found)
        right = {m.mark for m in why.matches if m.status in ("correct", "optional")}  # else told 'not for the reason'
        per_mark = (
            [*_sentence_lines(found, why, body), *_optional_lines(points, found, key, body, right)]
            if told
            else [_NOTHING_TOLD]
        )
        lines = (*notes, head, *per_mark, *_tail(found, told))
        return Result(it.id, float(points), float(it.points), lines, _explained(found, key, body))
    units = len(re.findall(r"\w+", it.text()))
    if it.kind == "speakers":
        return _score_speakers(it, answer, key, units, notes)
    result = score(answer, key, max_points=it.points, part=part, units=units, judge=judge_for(it, body))
    notes = (*label_notes(it, answer), *(unplaced_note(it, w) for w in answer.unplaced if w not in _taken(result)))
    counts = result.counts
    head = f"{it.id}: {result.points:g} of {_points(it)}; {counts.tp} of {len(key.required)} found"
    told = _tells(result.points, it, key, result)
    per_mark = (
        [
            *_extra_lines(it, result, key, body),
            *_holding_lines(result, body),
            *_optional_lines(result.points, result, key, body),
        ]
        if told
        else [_NOTHING_TOLD]
    )
    lines = (*notes, head, *per_mark, *_tail(result, told))
    return Result(it.id, result.points, float(it.points), lines, _explained(result, key, body))


def _score_speakers(it: Item, answer: Answer, key: Key, units: int, notes: tuple[str, ...]) -> Result:
    """Half the points for sources linked to the right cue, half for the right speaker, both through ``score``.

    An attribution is fully right when both halves match it. An answer naming no
    cues at all (the older ``('He', 'Full Name', n)``) can earn only the speaker half.
    """
    body, part, half = it.load().body, it.bounds(), it.points / 2
    silent = any(k.cue is not None for k in key.marks)  # a key that names cues: a K4 party wants no link
    parties = frozenset(k.speaker for k in key.required if k.cue is None and k.speaker) if silent else frozenset()
    judge = partial(same_cue, silent_unlinked=silent, silent_speakers=parties)
    cue = score(answer, key, max_points=half, part=part, units=units, judge=judge)
    who = score(answer, key, max_points=half, part=part, units=units, judge=judge_for(it, body))
    points = round(cue.points + who.points, 2)
    n = len(key.required)
    head = (
        f"{it.id}: {points:g} of {_points(it)}; {cue.counts.tp} of {n} linked to the right cue, "
        f"{who.counts.tp} of {n} with the right speaker"
    )
    hint = []
    if answer.speakers and not any(answer.cues) and any(k.cue for k in key.required):
        hint = [
            "no cue is given: that earns only the speaker half; link each source to its cue "
            "(or write ('source words', 'Full Name', 'cue words'))"
        ]
    lost = [unplaced_note(it, c.reasons[0]) for c in answer.cues if c is not None and c.start < 0 and c.reasons]
    told = _tells(points, it, key, who, cue)  # the multi-cue hint names sources at key marks: per mark too
    hint += [
        f"{quoted(m.given.span.text(body))} is linked to {len(m.given.cues)} cues: link each source to the one "
        "cue of its attribution (a source linked to several earns nothing for its cue)"
        for m in cue.matches
        if told and m.given is not None and m.given.span is not None and len(m.given.cues) > 1 and _has_cue(m, key)
    ][:3]
    extras = (
        [*_extra_lines(it, who, key, body), *_cue_lines(cue, key, body), *_optional_lines(points, who, key, body)]
        if told
        else [_NOTHING_TOLD]
    )
    lines = (*notes, *lost, head, *hint, *extras, *_tail(who, told))
    return Result(it.id, float(points), float(it.points), lines, _explained(who, key, body))


OPTIONAL_EARNS = f"{OPTIONAL} and earns nothing (the points are for the places the question requires)"
"""Said of a mark on an optional key mark (K11) when the answer earned nothing, in ``feedback.explain``'s words for
one (lesson checks): ex05-q7 answered with *bold*, *a few*
and *greener future* alone (optional there, q1 scores their sentences) was told '0 of 3 found' and nothing more, as if
the marks had been weighed and found wrong (keyread24)."""


def _optional_lines(points: float, result: Score, key: Key, body: str, right: set | None = None) -> list[str]:
    """The answer's marks on optional places (K11), with the place's rationale, where the answer earned nothing:
    no rationale is shown at 0 points (``_explained``), so without a line they read as weighed and found wrong.
    Said only to an answer told mark by mark (``_tells``), and with the words of untouched marks left out of the
    rationale, as ``_explained`` does. ``right``: for sentence items, the optional marks whose reason was right too
    (another reason is told in ``_sentence_lines``); None for every optional mark."""
    if points > 0:
        return []
    touched = {m.mark for m in result.matches if m.mark is not None and m.given is not None}
    hidden = {k.span.text(body) for k in key.marks if k not in touched} - {k.span.text(body) for k in touched}
    lines = []
    for m in result.matches:
        given = m.given
        if m.status != "optional" or given is None or given.span is None or m.mark is None:
            continue
        if right is not None and m.mark not in right:
            continue
        text = given.span.text(body)
        words = quoted(" ".join(text.split()[:6]) + " …", 60) if len(text.split()) > 6 else quoted(text)
        why = f": {_redacted(m.mark.rationale, hidden)}" if m.mark.rationale else ""
        lines.append(f"optional: {words} ({'/'.join(sorted(given.labels))}): {OPTIONAL_EARNS}{why}")
    return lines


def _taken(result: Score) -> set[str]:
    """Words not in the part that a key mark's ``words`` accepted: no note tells the student to copy them instead."""
    return {m.given.words for m in result.matches if m.given is not None and m.given.span is None and m.mark}


TOLD_WRONG = 2
"""An answer that earned nothing is told mark by mark when at most this many of its marks match nothing."""

_NOTHING_TOLD = (
    "no mark-by-mark feedback: the answer earned nothing and several of its marks match nothing in the key, "
    "or give one place several labels; reread how much the question asks you to mark (a word, a phrase, a first "
    "line, a whole piece), and mark only what you can defend, one label per place"
)


def _tells(points: float, it: Item, key: Key, *scores: Score) -> bool:
    """Whether lines about single marks may be given: the answer earned points, or at most two marks matched nothing.

    Those lines say which of a student's marks stand where a key mark is ("the right words, but not
    this label", "an unsupported sentence, but not for the reason given", "not in the key"). An answer
    that earned nothing because its extras cost more than its finds (every date with every label,
    every line with one reason) would read the key's places, and by elimination its labels, off them;
    rationales are held back from it for the same reason (``_explained``). An honest weak answer (two wrong
    marks, or two labels swapped) is told what each mark got: that is what it must learn from, and it reads at
    most two places off the key at the cost of the item's points, fewer than an answer that earns a little.
    A mark that found a key mark's place alone, with one label that is not the key's, does not match nothing:
    an answer that found every source of ex01-q3 and gave each the wrong kind is told which marks have the
    wrong label (keyread18), while a place given several labels still counts as a probe.
    """
    return points > 0 or all(_unfounded(s, it, key) <= TOLD_WRONG for s in scores)


def _unfounded(result: Score, it: Item, key: Key) -> int:
    """Extra marks that stand on no required key mark's place, share it with another mark of the answer, or carry a
    label the item does not have (``label_notes``: its marks match nothing)."""
    extras = [m.given for m in result.matches if m.status == "extra" and m.given is not None]
    given = [m.given for m in result.matches if m.given is not None and m.given.span is not None]
    count = 0
    for mark in extras:
        near = next((k for k in key.required if mark.span is not None and same_place(mark, k)), None)
        alone = near is not None and sum(1 for g in given if same_place(g, near)) == 1
        known = not it.labels or mark.labels <= set(it.labels)
        count += not alone or len(mark.labels) > 1 or not known
    return count


def _has_cue(m: Match, key: Key) -> bool:
    """The key mark this source met, or else one at its place, names a cue: a mark without one (a joint report's
    verbs, K5; the optional nested *I*) takes a link to any cue, so linking several there is no hedge."""
    if m.mark is not None:
        return m.mark.cue is not None
    return any(k.cue is not None and same_place(m.given, k) for k in key.marks)


def unknown_labels(it: Item, answer: Answer) -> list[str]:
    """Labels given that the item does not have (a capital, a typo, another item's label), sorted: the visible
    check refuses the first, grading names them all (``label_notes``)."""
    if not it.labels:
        return []
    return sorted((answer.labels() | set(answer.unplaced_labels)) - set(it.labels))


def label_notes(it: Item, answer: Answer) -> list[str]:
    """Labels the item does not have, named as the visible check names them: their marks match nothing, and an
    answer made only of them would otherwise be told nothing about it."""
    if it.kind == "speakers":
        return []
    return [
        f"label {x!r} is not one of {', '.join(it.labels)}: its marks match nothing" for x in unknown_labels(it, answer)
    ]


def unplaced_note(it: Item, words: str) -> str:
    """Why words could not be placed: not in the part at all, or fewer times than the occurrence asked for."""
    if not words.strip():
        return "an entry has no words: write the words you mean, or remove the entry"
    if it.kind == "words":
        if re.search(rf"(?<!\w){re.escape(words.strip())}(?!\w)", it.load().body):  # elsewhere in the article
            return f"{quoted(words)} is not in the part of the text this question is about: mark words of this part"
        if base_form_in(words, it.text()):  # the words' base forms, one after another: not a typo
            return f"{quoted(words)} is not word for word in the text: it is compared by its base form"
        return (  # no "copy the words from the part": a key may accept words that are not there (K10 items list
            # forms and spellings, 'versus' for 'vs.'), and this check, which has no key, cannot know them
            f"{quoted(words)} is not in the part, nor any form of it this check recognises: check the spelling; "
            "a word of the part is safest written as the part spells it"
        )
    found = occurrences(it, words)
    if found:
        times = "once" if found == 1 else f"{found} times"
        return f"{quoted(words)} occurs only {times} in this part: count the occurrences in this part only"
    return f"{quoted(words)} is not in the part of the text this question is about: copy the words exactly"


def _near(mark: Mark, key: Key, required_first: bool = False) -> KeyMark | None:
    """The key mark at the same place as a mark that did not match (wrong label, reason or speaker).

    ``required_first`` (the line about the mark): a required one first, so words that a required mark accepts in
    its place (*Writing* for *dubbed*, K5) are never 'not in the key' because an optional mark stands on them too.
    Which rationales are shown (``_explained``) keeps the key's order, as before.
    """
    marks = sorted(key.marks, key=lambda k: k.optional) if required_first else key.marks
    return next((k for k in marks if mark.span is not None and same_place(mark, k)), None)


def _label_asks(it: Item) -> dict[str, str]:
    """LABEL_ASKS for this item: ``opinion`` as its only label marks opinion sentences, not passages (K14)."""
    return {**LABEL_ASKS, "opinion": OPINION_SENTENCE_ASKS} if tuple(it.labels) == ("opinion",) else LABEL_ASKS


def _extra_lines(it: Item, result: Score, key: Key, body: str) -> list[str]:
    """What is wrong with the student's own extra marks, quoting only their words: first those on a key mark's place
    (a wrong label, too little or too much), then those that match nothing, each group in the text's order."""
    lines = []
    near_first: list[str] = []  # lines about marks on a key mark's place: listed before the "not in the key" ones
    asked: dict[str, str] = {}  # what a label asks, told in full on its first "not in the key" line -> that mark
    asks_for = _label_asks(it)
    for m in [m for m in result.matches if m.status == "extra" and m.given is not None]:
        given = m.given
        if given.span is None:
            continue  # already said in the notes
        words = quoted(given.span.text(body))
        near = _near(given, key, required_first=True)
        if it.kind == "speakers":
            who = ", ".join(sorted(s for s in given.speakers if s.strip())) or "no name given"
            (near_first if near is not None else lines).append(
                f"{words} → {who}: " + _wrong_speaker(given, near is not None, body)
            )
        elif near is not None and same_place_and_label(given, near):
            near_first.append(f"{words} ({'/'.join(sorted(given.labels))}): already counted: one mark per place")
        elif near is not None and not near.optional:
            labels = "/".join(sorted(given.labels))
            near_first.append(f"{words} ({labels}): the right words, but not this label{_label_test(given, asks_for)}")
        elif extent := _extent(given, key, body):
            near_first.append(f"{words} ({'/'.join(sorted(given.labels))}): {extent}")
        elif near is not None:  # an optional place (K11), another label: its rationale is shown beside this line
            labels = "/".join(sorted(given.labels))
            test = _label_test(given, asks_for)
            near_first.append(f"{words} ({labels}): a place you may mark, but not with this label{test}")
        else:  # what the label asks, in the guidelines' words: the reason a cost is owed, never the key's words
            asks = FIRST_LINE_ASKS if set(it.labels) == PASSAGE_KINDS else _asks(given, asks_for)
            if asks and given.labels <= set(SOURCE_KINDS):  # a kind item keys every source: is this one at all?
                asks = f"{SOURCE_FIRST}; then, {asks}"
            head = f"not in the key: {words} ({'/'.join(sorted(given.labels))})"
            if asks in asked:  # said in full once: five copies of a 400-character question buried the marks
                lines.append(f"{head}: the same question as for {asked[asks]} above")
            else:
                lines.append(head + (f": {asks}" if asks else ""))
                if asks:
                    asked[asks] = words
    then = "check whom each of the others names" if it.kind == "speakers" else "check each against what its label asks"
    return _listed([*near_first, *lines], 5, "marks", then)


LISTED = "not listed here"
"""Words of the line that counts the marks feedback does not list one by one (``_listed``)."""


def _listed(lines: list[str], limit: int, what: str, then: str) -> list[str]:
    """At most ``limit`` lines about single marks, and one more that counts the rest: a mark left out in silence
    reads as a right one. The count tells nothing of the key (the student knows how many marks they made); the cap
    keeps a spray answer from reading more than ``limit`` places off it."""
    rest = len(lines) - limit
    if rest <= 0:
        return lines
    return [*lines[:limit], f"{rest} more of your {what} with a problem, {LISTED}: {then}"]


_PRONOUN_KIND = "a pronoun takes the kind of the source it stands for"
SOURCE_FIRST = (
    "first, is it a source at all? Only whoever the text credits with what is said, or a party asked who gave no "
    "answer, is one; an actor, who only does something in the story, and a subject, what a claim is about, are not "
    "(K1, K4)"
)
"""Said first of a kind (named, anonymous, vague) given to words no key mark holds: a kind item keys every source of
its part, so such words are most often an actor or a subject, and what the kind means would not tell them so."""
LABEL_ASKS = {
    "source": "a source is the words naming whoever the text credits with what is said, or a party asked who gave "
    "no answer; an actor, who only does something in the story, and a subject, what a claim is about, are not "
    "sources (K1, K4)",
    "cue": "a cue is the word or words that mark the attribution, a speech or cognition verb or a phrase that "
    "credits, not the words naming the source; a verb with no words naming who says or thinks it has no source, so "
    "no attribution and no cue (K3); a sentence that only reports that somebody acted, met, was contacted or did "
    "not comment carries no content and no cue (K4)",
    "named": "named is for words that identify the source so that you could look it up: a name, a title that picks "
    f"out one person, an organisation, a named document or site; {_PRONOUN_KIND} (K2)",
    "anonymous": "anonymous is for one particular person, post or circle that the text points at without saying "
    f"who it is; {_PRONOUN_KIND} (K2)",
    "vague": "vague is for words that point at nobody in particular, an open group or a phrase with no one behind "
    f"it (could the writer, if willing, tell you exactly who it is?); {_PRONOUN_KIND} (K2)",
    "direct": "direct is for a cue of the speaker's own words, verbatim in quotation marks or after a dialogue dash, "
    "with nothing of the reporter's between cue and quote (K17)",
    "indirect": "indirect is for the reporter's paraphrase, with none of the speaker's words in quotation marks",
    "mixed": "mixed is for a paraphrase holding a quoted fragment, or a verb and its object in the reporter's words "
    "before a quoted phrase (K17)",
    "according_to": "according_to is for the cue according to and phrases like it, which credit a claim without a "
    "speech verb",
    "dropped_source": "dropped_source is for a heading that states as plain fact a claim the body credits to "
    "someone; a heading that keeps its source is not marked (K13)",
    "unsupported_figure": "unsupported_figure is for a figure that says more than the body: one it does not give or "
    "contradicts, a rounding that changes the claim, a ceiling printed as what happens, a share of another base; a "
    "figure repeated as the body gives it is not marked (K13)",
    "news": "news reports in the paper's neutral voice and credits views to sources (K14)",
    "opinion": "opinion is a named author or speaker arguing a view in their own voice (K14)",
    "advertising": "advertising sells: a brand, a price, a call to act, or a paid label (K14)",
    "bio": "bio is for an author line that fits no reporter and no subject of the story (K15)",
    "scraped": "scraped is for page furniture copied from another site (K15)",
    "translation": "translation is for wording that reads as a word-for-word rendering of another language (K15)",
    "date": "date is for a date or weekday that does not fit the page or the calendar (K15)",
    "misleading": "misleading is for a page whose claim goes beyond what its sources could know (K16)",
    "original_report": "original_report is for the outlet that did the reporting (K16)",
    "official_record": "official_record is for the body responsible for the matter, publishing in its own name (K16)",
    "loaded": "loaded is for words that carry a judgement or a picture beyond the facts (K10)",
    "hedge": "hedge is for words of uncertainty that carry the claim (K9, K10)",
}
"""What each label asks of the words it is given, said to a mark in a key mark's place with another label: why
this label does not fit, in the guidelines' terms, never which label does."""
OPINION_SENTENCE_ASKS = (
    "an opinion sentence is one in the paper's own voice that judges, tells the reader what should happen, or "
    "predicts as certain what nobody can know yet, with no source; a view the report credits to a source, quoted or "
    "paraphrased, is the source's opinion, reported, and is not marked (K14)"
)
"""What ``opinion`` asks where it is an item's only label (ex03-q3, ex05-q1: sentences of a news report, K14's
second part), not a passage's kind: LABEL_ASKS' passage line, 'a named author or speaker arguing a view in their
own voice', told to a credited view marked as one ('Anglers say the plan will ruin the river', invented), invited
the very mark the item says not to make (keyread21)."""
PASSAGE_KINDS = frozenset({"news", "opinion", "advertising"})
FIRST_LINE_ASKS = (
    "items that classify passages mark each passage's first line (its headline) with its kind, not the sentences "
    "inside it (K14)"
)
"""Said to a mark outside the key in an item that classifies passages (ex03-q4, ex05-q3): it is not a passage's
first line. The kind's own line ('opinion is a named author or speaker arguing a view in their own voice') told a
student who marked an opinion sentence of the news report, which ex05-q1 keys as opinion, that it was no opinion
(keyread22)."""
REASON_ASKS = {
    "no_source": "no_source is for a contested or consequential claim credited to nobody, where no vague or hidden "
    "source, uncertainty word or judgement carries it: one reason, the one that carries the claim (K9)",
    "vague_source": "vague_source is for a claim whose only source is vague or hidden, or anonymous with no position "
    "and reason given, even when a named person passes it on (K9, K3, K6, K7)",
    "hedge": "hedge is for a claim carried by an uncertainty word (K9)",
    "evaluation": "evaluation is for a judgement stated as fact (K9)",
}
"""What each reason asks of a sentence, said to an unsupported sentence given one reason that is not the key's."""


def _label_test(mark: Mark, asks_for: dict[str, str] = LABEL_ASKS) -> str:
    """What the one label given asks, in brackets (several labels at one place are not told apart: that would
    sort them)."""
    asks = _asks(mark, asks_for)
    return f" ({asks})" if asks else ""


def _asks(mark: Mark, asks_for: dict[str, str] = LABEL_ASKS) -> str:
    """What the one label given asks ('' for several labels, or a label the item does not have)."""
    return "; ".join(asks_for[label] for label in mark.labels if label in asks_for and len(mark.labels) == 1)


def _holding_lines(result: Score, body: str) -> list[str]:
    """A mark that counted for one place and holds a missed one of its label in the same paragraph: overlapping
    marks join into one (scoring merges them), so the student who marked both is told to keep them apart.

    Said only within a paragraph, as "too much" is (``_extent``): a mark over several paragraphs is not told
    that a place lies inside it.
    """
    missed = [m.mark for m in result.matches if m.status == "missed" and m.mark is not None]
    lines = []
    for m in result.matches:
        given = m.given
        if m.status not in ("correct", "optional") or given is None or given.span is None:
            continue
        span = given.span
        if not _one_paragraph(body, span.start, span.end):
            continue
        if any(span.start <= k.span.start and k.span.end <= span.end and k.span.label in given.labels for k in missed):
            labels = "/".join(sorted(given.labels))
            lines.append(
                f"{quoted(span.text(body))} ({labels}): it also holds another place to mark; marks that overlap "
                "count as one, so mark that place on its own"
            )
    return lines


def _wrong_speaker(given: Mark, near: bool, body: str) -> str:
    """Why a speaker does not count: a pronoun or title typed back, or typed alone, is told to give the name."""
    if not near:
        return f"not a source here: {_NOT_A_SOURCE}"
    said = given.span.text(body) if given.span is not None else ""
    if given.speakers and all(normalise(s) == normalise(said) for s in given.speakers):
        return "these are the text's words: type the full name of who they stand for"
    typed = [s for s in given.speakers if s.strip()]
    if typed and all(set(name_words(s)) <= _PRONOUNS for s in typed):  # said of the words typed only, not the key
        return "a title or a pronoun is not a name: type the full name of who they stand for"
    return "not the source named here"


_NOT_A_SOURCE = (
    "who, according to the text, said, wrote, stated, believes or was asked this? An actor, who only does something "
    "in the story, and a subject, what a claim is about, are not sources (K1)"
)
_PRONOUNS = frozenset({"he", "she", "they", "it", "him", "her", "them", "i", "we", "you"})


def _extent(mark: Mark, key: Key, body: str) -> str:
    """A mark with a key mark's label on part of its words, or running past them: which way to move its ends, not
    where ("not in the key" would teach that these words carry nothing, K15's *Read more* cut to its first words).

    "Too much" is said only of a mark in the paragraph of the words it runs past, or one that starts where they
    start (a whole passage for its first line): a mark over several paragraphs is not told that a place lies
    somewhere inside it, which would let halves of the text, then halves of those, find the key's places.
    """
    span = mark.span
    for k in key.marks:
        for r in readings_for(span, k) if span is not None else ():
            if r.label in mark.labels and span.overlap(r):
                if r.start <= span.start and span.end <= r.end:
                    return "too little: part of a place in the key; mark the whole phrase or piece"
                if span.start == r.start or _one_paragraph(body, min(span.start, r.start), max(span.end, r.end)):
                    return "too much: it runs past a place in the key; mark only the words that carry it"
    return ""


def _one_paragraph(body: str, start: int, end: int) -> bool:
    """Within one paragraph: the only reach at which feedback may say a key place lies inside a mark (a mark over
    several paragraphs told so would let halves of the text, then halves of those, find the key's places)."""
    return "\n" not in body[start:end]


def _cue_lines(cue: Score, key: Key, body: str) -> list[str]:
    """Speaker items: a source in a key mark's place linked to another cue (the cue half's extras there)."""
    lines = []
    for m in cue.matches:
        several = m.given is not None and len(m.given.cues) > 1  # said in the hint: one cue per source
        if (
            m.status == "extra"
            and m.given is not None
            and m.given.span is not None
            and not several
            and _near(m.given, key)
        ):
            linked = ", ".join(quoted(c.text(body)) for c in sorted(m.given.cues) if c.start >= 0) or "no cue"
            why = "not the cue of this source"
            if linked != "no cue" and all(k.cue is None for k in key.required if same_place(m.given, k)):
                why += "; does that sentence credit any words to it? A party asked who gave no answer has no cue (K4)"
            lines.append(f"{quoted(m.given.span.text(body))} linked to {linked}: {why}")
    return _listed(lines, 5, "links", "check that each source is linked to the cue that credits its words")


def _sentence_lines(found: Score, why: Score, body: str) -> list[str]:
    """What is wrong with each sentence marked: the wrong reason for a sentence in the key (required, then optional),
    then a sentence not in the key, each group in the text's order."""
    wrong_reason, defensible, extra = [], [], []
    right = {m.mark for m in why.matches if m.status in ("correct", "optional")}
    for m in sorted(found.matches, key=lambda m: m.given.span.start if m.given and m.given.span else -1):
        if m.given is None or m.given.span is None:
            continue
        words = quoted(" ".join(m.given.span.text(body).split()[:6]) + " …", 60)
        if m.status == "extra":
            extra.append(f"{words}: not one of the unsupported sentences in the key: {_EDITOR_TEST}")
        elif m.status == "correct" and m.mark not in right:
            wrong_reason.append(
                f"{words}: an unsupported sentence, but not for the reason given{_label_test(m.given, REASON_ASKS)}"
            )
        elif m.status == "optional" and m.mark not in right:
            asks = _label_test(m.given, REASON_ASKS)
            defensible.append(f"{words}: a defensible sentence to mark, but not for the reason given{asks}")
    lines = [*wrong_reason, *defensible, *extra]
    return _listed(lines, 6, "sentences", "check each with the editor test and its one reason (K9)")


_EDITOR_TEST = (
    "would a careful editor demand who says so, or how we know? A claim credited to a named source, a document, or an "
    "anonymous source the text explains (K7) is attributed (K8), and public, uncontested background a report may "
    "state in its own voice is other"
)


def _tail(result: Score, told: bool = True) -> list[str]:
    """How many key marks are still to find (counted, never quoted; marks in the right place are not counted,
    unless the answer is ``told`` nothing mark by mark: then the count would say how many of its places are keyed)."""
    lines = []
    missed = [m.mark for m in result.matches if m.status == "missed"]
    extras = [m.given for m in result.matches if told and m.status == "extra" and m.given is not None]
    still = sum(1 for k in missed if k is not None and not any(same_place(g, k) for g in extras))
    if still:
        lines.append(f"{still} still to find: reread the part sentence by sentence")
    if result.outside:
        were = "was" if result.outside == 1 else "were"
        lines.append(f"{counted(result.outside, 'mark')} outside the part this question is about {were} not counted")
    return lines


def _explained(result: Score, key: Key, body: str) -> tuple[str, ...]:
    """Rationales of key marks the student found, or marked in the right place: never of untouched marks.

    A key mark met only through an accepted reading at another place (K4's *They* for the embassy, K15's other end
    of one date mismatch) is headed by the student's words and its own words are left out of its rationale: that
    place is one they never marked (course/grading.md). A reading at the same place (K2's maker or named example,
    part of a phrase) keeps the key's whole phrase: it is the mark they found, and its rationale explains it.

    Nothing when the answer earned nothing: marking every sentence with every label touches every
    key mark, and its feedback would otherwise explain (and so hand out) the whole key.
    """
    if result.points <= 0:
        return ()
    at: dict[KeyMark, list[Span | None]] = {}  # key mark -> the student's marks that met it (None: words by lemma)
    for m in result.matches:
        target = m.mark if m.mark is not None else _near(m.given, key) if m.status == "extra" and m.given else None
        if target is not None and m.given is not None:
            at.setdefault(target, []).append(m.given.span)
    touched = set(at)
    marked = [m.given.span for m in result.matches if m.given is not None and m.given.span is not None]
    elsewhere = {  # met only through a reading at another place (K4's 'They', K15's other date): not its words
        mark: next(s for s in spans if s is not None)
        for mark, spans in at.items()
        if all(s is not None and not s.overlap(mark.span) for s in spans)
    }
    own = {  # words of a key mark inside the student's own mark (one paragraph, as ``_extent``): theirs to read
        mark.span.text(body)
        for mark in key.marks
        for span in marked
        if span.start <= mark.span.start and mark.span.end <= span.end and _one_paragraph(body, span.start, span.end)
    }
    hidden = (
        {mark.span.text(body) for mark in key.marks if mark not in touched or mark in elsewhere}
        - own
        - {mark.span.text(body) for mark in touched if mark not in elsewhere}
    )
    return tuple(
        f"{quoted(elsewhere.get(mark, mark.span).text(body))}: {_redacted(mark.rationale, hidden)}"
        for mark in key.marks
        if mark in touched and mark.rationale
    )


def _redacted(rationale: str, hidden: set[str]) -> str:
    """A rationale with the quoted words of marks the student never touched left out, so it gives no answer away."""
    for words in hidden:
        rationale = rationale.replace(f"‘{words}’", "‘…’")
    return rationale
