"""Self-checks for the lessons: a hint always comes before the answer.

Students type an answer into ``check(question_id, answer)``. A right answer
gets a short explanation; a wrong one gets the question's hint, the first
wrong try the rule or the question to ask, a later one a more specific hint
when the question has one. An answer that names a rejected alternative (the
other person, a subject of the claim) is wrong even beside the right one, so a
hedge does not pass. ``reveal``
shows the answer only after an attempt, so a student working alone is nudged to
think before reading. Highlighting activities are checked with
``check_highlights`` against the activity's key, carried onto the article the
lesson passes; given the Highlighter itself, the check also marks ✓ and ? in
the widget.
``compare_with_machine`` keeps the analyzer's findings back until the student
has checked their own marks once: teach before telling.

The questions are data beside the lessons (``notebooks/questions/``, read by
``lesson_questions``); this module is only the check engine. Everything here is
lesson practice on text that the graded exercises do not grade (the practice
article and ungraded parts of the example article); no exercise key is stored
in the package.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import replace
from functools import cache
from pathlib import Path
from typing import Any

from medialit.core.counts import counted
from medialit.core.spans import Span, body_sha256
from medialit.exercises.feedback import explain_all, not_graded
from medialit.exercises.folding import normalise
from medialit.exercises.key import Key, KeyMark
from medialit.exercises.lesson_questions import (
    LessonQuestionsError,
    Question,
    lesson_of,
    load_all,
    load_key,
    load_lesson,
    questions_folder,
)
from medialit.exercises.scoring import score

__all__ = [
    "LEFT_OUT",
    "PRACTICE",
    "Question",
    "check",
    "check_highlights",
    "compare_with_machine",
    "expected_links",
    "graded_parts",
    "hint",
    "key_lines",
    "key_marks",
    "key_spans",
    "normalise",
    "questions",
    "reset",
    "reveal",
    "ungraded",
    "without_graded",
]

PRACTICE = "articles/ferry-terminal-vote.md"
"""The practice article (fictional, written for the course); lessons 2 to 4 and 6 practise on it."""

_attempts: dict[str, int] = {}
_hinted: set[str] = set()
_wrong: dict[str, int] = {}  # wrong tries per question: which of its hints to show
_checked: dict[str, tuple[Any, Any]] = {}  # spans activity -> (the Highlighter checked, its article)
_UNANSWERED = object()  # check() called without an answer


# ---------------------------------------------------------------- public API


def check(question_id: str, answer: Any = _UNANSWERED) -> None:
    """Say whether ``answer`` is right; when it is not, give the hint (never the answer)."""
    question = _get(question_id)
    if question is None:
        return
    if answer is _UNANSWERED:  # a line, not Python's missing-argument traceback
        print(f"No answer given: write it after the question, e.g. check({question_id!r}, 'your answer')")
        return
    if question.kind == "spans":
        print(f"{question_id} is a highlighting activity: run check_highlights({question_id!r}, highlighter, article)")
        return
    if _blank(answer):
        print("No answer yet: write your answer between the quotes (or in the list), then run the cell again.")
        return
    verdict = _judge(question, answer)
    if verdict is not True and _wordy_choice(question, answer):  # "It is mixed": a format slip, not a wrong try
        print(
            f"{answer!r}: write only your choice, one of the options the question names, as it spells them, "
            "without other words; then run the cell again."
        )
        return
    if verdict is not True and _misspelt(question, answer):  # the right word mistyped: not a wrong try
        print(f"{answer!r}: check the spelling (one letter looks off), then run the cell again.")
        return
    _attempts[question_id] = _attempts.get(question_id, 0) + 1
    if verdict is True:
        print(f"Correct. {question.answer}")
        return
    print(f"Not yet. {verdict}" if isinstance(verdict, str) else "Not yet.")
    _wrong_try(question)


def hint(question_id: str) -> None:
    """Print the hint for a question: the one its wrong tries so far have reached (the first before any)."""
    question = _get(question_id)
    if question is not None:
        _give_hint(question)


def reveal(question_id: str) -> None:
    """Print the answer, but only after an attempt (a wrong one has shown the hint already).

    For a highlighting activity checked with its Highlighter, the key items not
    found are then marked ✗ in the widget too.
    """
    question = _get(question_id)
    if question is None:
        return
    if not _attempts.get(question_id):
        print(f"Try first, answer after: {_how_to_try(question)}; reveal shows the answer once you have tried.")
        return
    print(f"Answer: {question.answer}")
    if question.kind not in ("spans", "links"):
        return
    for line in key_lines(question_id):
        print(f"  {line}")
    widget, article = _checked.get(question_id, (None, None))
    if widget is None:
        return
    if question.kind == "links":
        optional = link_marks(question_id, article, optional=True)
        widget.show_link_feedback(link_marks(question_id, article), optional=optional, show_missed=True)
    else:
        widget.show_feedback(key_marks(question_id, article), show_missed=True, own_voice=question.own_voice)


def check_highlights(question_id: str, marked: Any = None, article: Any = None) -> None:
    """Compare highlights (a Highlighter, a list of Spans or span dicts) with the activity's key.

    Prints what was found and extra, each with a specific reason, and the hint.
    Marks with a label the activity does not check are named, not counted.
    Given the Highlighter, its marks get ✓ and ? in the widget as well. The key
    items still to find appear only through ``reveal``.
    """
    question = _get(question_id)
    if question is None:
        return
    if marked is None or article is None:  # a line, not a traceback from deep inside the key
        print(f"Give the highlighter and its article too: check_highlights({question_id!r}, highlighter, article)")
        return
    if question.kind == "links":
        _check_links(question, marked, article)
        return
    if question.kind != "spans":
        print(f"{question_id} is a written question: answer it with check({question_id!r}, 'your answer')")
        return
    marks = key_marks(question_id, article)  # first: a key that does not fit the article fails even on Run All
    key = [m.span for m in marks if not m.optional]
    everything = _as_spans(marked)
    if not everything:
        print("Nothing highlighted yet: select words in the highlighter above, pick a label, then run this cell again.")
        return
    labels = [r.label for m in marks for r in m.readings()]
    graded = sorted(set(labels), key=labels.index)
    spans = [s for s in everything if s.label in graded]
    _attempts[question_id] = _attempts.get(question_id, 0) + 1
    if hasattr(marked, "show_feedback"):
        _checked[question_id] = (marked, article)
        marked.show_feedback(marks, show_missed=False, own_voice=question.own_voice)
    result = score(spans, marks, max_points=1, body=article.body)
    counts = result.counts
    optional = sum(m.status == "optional" for m in result.matches)  # K11: counted, so the marks add up
    free = f", {optional} optional (no cost)" if optional else ""
    print(f"You marked {len(spans)}: {counts.tp} of {counted(len(key), 'key item')} found{free}, {counts.fp} extra.")
    for note in not_graded(everything, graded):
        print("  " + note)
    if counts.fn == 0 and counts.fp == 0:
        print(f"All found. {question.answer}")
        if question.answer.rstrip().endswith(":"):  # the answer introduces the key's lines: show them
            for line in key_lines(question_id):
                print(f"  {line}")
        return
    for match, line in zip(result.matches, explain_all(result, article.body, key, question.own_voice), strict=True):
        if match.status != "missed":
            print("  " + line)
    if counts.fn:
        print(f"  {counts.fn} still to find.")
    _wrong_try(question)


def compare_with_machine(question_id: str) -> bool:
    """True once the activity has been checked with marks; until then say so, kindly, and return False.

    Lessons put the analyzer's findings under ``if compare_with_machine(...):``
    so that Run All never shows the machine's answer before the student's own.
    """
    question = _get(question_id)
    if question is None:
        return False
    if _attempts.get(question_id):
        return True
    print(
        "The analyzer's findings come after your own: mark the text above, run the check cell "
        f"(check_highlights({question_id!r}, ...)), then run this cell again."
    )
    return False


def key_spans(question_id: str, article: Any) -> list[Span]:
    """The activity's key as spans over ``article.body``.

    The key (``questions/keys/<id>.json``) is over the article it was made
    for; an activity on an excerpt of it, or on a copy with graded parts left
    out, gets each mark carried over by its words in context.
    """
    key = _key(question_id)
    return [_place(question_id, mark.span, key, article) for mark in key.marks]


def key_marks(question_id: str, article: Any) -> list[KeyMark]:
    """The activity's key marks (optional ones and accepted labels kept) carried onto ``article.body``.

    A mark's rationale rides on its span as the reason, so that feedback on a right mark gives it (K11).
    """
    key = _key(question_id)
    return [
        replace(
            mark,
            span=replace(
                _place(question_id, mark.span, key, article), reasons=(mark.rationale,) if mark.rationale else ()
            ),
            accept=tuple(_place(question_id, a, key, article) for a in mark.accept),
        )
        for mark in key.marks
    ]


def expected_links(question_id: str, article: Any, optional: bool = False) -> list[Any]:
    """The linking activity's attributions as Links over ``article.body`` (source and cue, with the speaker);
    ``optional=True``: the ones its key lists as optional instead (K5's nested attributions, K11)."""
    from medialit.core.links import make_link

    key = _key(question_id)
    return [
        make_link(
            [_place(question_id, m.span, key, article), _place(question_id, m.cue, key, article)], speaker=m.speaker
        )
        for m in key.marks
        if m.cue is not None and m.optional == optional
    ]


def link_marks(question_id: str, article: Any, optional: bool = False) -> list[KeyMark]:
    """``expected_links`` as the key's own marks (source and cue placed on ``article.body``), so that the speaker's
    ``aliases`` reach the scoring: a group's other names count as the key's do in ex01-q2."""
    key = _key(question_id)
    return [
        replace(m, span=_place(question_id, m.span, key, article), cue=_place(question_id, m.cue, key, article))
        for m in key.marks
        if m.cue is not None and m.optional == optional
    ]


def key_lines(question_id: str) -> list[str]:
    """The activity's key as a reader finds it, a line a mark: a mark's words in quotation marks, and for
    words that recur the context outside them (``‘Dahl’ (in ‘says Dahl’)``); a link's source and cue
    each in [ ] within its context."""
    key = _key(question_id)
    body = _original(key).body
    if any(mark.cue for mark in key.marks):
        return [
            f"{_shown(m.span, body, m.cue)} -> {_shown(m.cue, body, m.span)}: {m.speaker}"
            + (" (optional: linking it costs nothing)" if m.optional else "")
            for m in key.marks
            if m.cue
        ]
    return [
        f"{'/'.join(dict.fromkeys(r.label for r in m.readings()))}: {_quoted(m.span, body)}"
        + (" (optional: marking it costs nothing)" if m.optional else "")
        for m in key.marks
    ]


def _check_links(question: Question, widget: Any, article: Any) -> None:
    """Linking activity: cues found and speakers right, shown in the widget (½ for a cue with the wrong speaker)."""
    links = getattr(widget, "attributions", None)
    if links is None:
        print(f"Give the highlighter itself: check_highlights({question.id!r}, highlighter, article)")
        return
    expected = link_marks(question.id, article)  # first, as in check_highlights
    if not links:
        print("No links yet: put the cursor on a source, press L, move to its cue, press Enter, then L again.")
        return
    _attempts[question.id] = _attempts.get(question.id, 0) + 1
    _checked[question.id] = (widget, article)
    optional = link_marks(question.id, article, optional=True)
    widget.show_link_feedback(expected, optional=optional, show_missed=False)
    result = widget.last_score
    print(result.summary() + f" ({counted(len(links), 'link')}).")
    for item in widget.feedback.get("items", []):
        print(f"  {item['status']}: {item['line']}")
    if result.speakers.counts.fn == 0 and result.cues.counts.fp == 0 and result.speakers.counts.fp == 0:
        print(f"All linked. {question.answer}")
        return
    _wrong_try(question)


def _key(question_id: str) -> Key:
    question = _get(question_id, quiet=True)
    if question is None:
        raise KeyError(question_id)
    if not question.key:
        raise ValueError(f"{question_id} is a written question: it has no key")
    return load_key(question)


def _place(question_id: str, span: Span, key: Key, article: Any) -> Span:
    """``span`` of the key's article, on ``article``: as it is on the same text, else found by its words."""
    if key.body_sha256 == body_sha256(article.body):
        return span
    original = _original(key).body
    found = _carry(span, original, article.body)
    if found is None:
        raise ValueError(
            f"{question_id}: {span.text(original)!r} is not in article {article.id!r}; use the lesson's article"
        )
    return found


def _original(key: Key) -> Any:
    """The article a lesson key was made for: a bundled article, or one in the lessons' ``articles/``."""
    return _article(key.article, key.body_sha256, str(questions_folder().resolve()))


@cache
def _article(article_id: str, sha: str, folder: str) -> Any:
    from medialit.core.article import bundled_ids, load_article

    source = article_id if article_id in bundled_ids() else Path(folder).parent / "articles" / f"{article_id}.md"
    try:
        article = load_article(source)
    except ValueError as error:  # ArticleError: missing or unreadable
        raise LessonQuestionsError(f"{error} (a lesson key is over it; keep articles/ beside questions/)") from None
    if body_sha256(article.body) != sha:
        raise LessonQuestionsError(
            f"the lesson keys of {article_id!r} were made for another version of its text; "
            "update their offsets and body_sha256 (questions/keys/)"
        )
    return article


def _carry(span: Span, source: str, target: str) -> Span | None:
    """Where ``span`` of ``source`` is in ``target``: its words, with as little context as makes them unique in both."""
    for before, after in [(0, 0), *((b, a) for w in (16, 32, 64, 128) for b, a in ((w, 0), (0, w), (w, w)))]:
        start, end = max(0, span.start - before), min(len(source), span.end + after)
        anchor = source[start:end]
        if _once(source, anchor) is None:
            continue
        where = _once(target, anchor)
        if where is not None:
            moved = where + span.start - start
            return Span(moved, moved + span.end - span.start, span.label)
    return None


def _once(text: str, part: str) -> int | None:
    """Where ``part`` occurs in ``text`` if it occurs exactly once."""
    where = text.find(part)
    return where if where >= 0 and text.find(part, where + 1) < 0 else None


def _quoted(span: Span, body: str) -> str:
    """A mark's words in quotation marks, with the words around a recurring one outside them."""
    text = " ".join(span.text(body).split())
    if len(text) > 60:
        return f"‘{_cut(text)}’"
    start, end = _context(span, body, span)
    if (start, end) == (span.start, span.end):
        return f"‘{text}’"
    return f"‘{text}’ (in ‘{' '.join(body[start:end].split())}’)"


def _cut(text: str) -> str:
    """A long key mark cut at a whole word, not at ``quoting.clipped``'s fixed width: a revealed key line gives
    words a learner then looks for in the article, and a word cut in half is not found there."""
    return text[:50].rsplit(" ", 1)[0] + "…"


def _shown(span: Span, body: str, within: Span | None = None) -> str:
    """A mark's words as a reader finds them: a long one cut short with '…', a recurring one in [ ] after
    the words before it on its line (``within``: a stretch to show around it, such as its link's cue)."""
    text = " ".join(span.text(body).split())
    if len(text) > 60:
        return _cut(text)
    start, end = _context(span, body, within or span)
    if (start, end) == (span.start, span.end):
        return text
    return " ".join(f"{body[start : span.start]}[{span.text(body)}]{body[span.end : end]}".split())


def _context(span: Span, body: str, within: Span) -> tuple[int, int]:
    """The shortest stretch around ``span`` and ``within``, widened a word at a time, that occurs once in ``body``."""
    start, end = min(span.start, within.start), max(span.end, within.end)
    while _once(body, body[start:end]) is None:
        after = re.match(r"[^\S\n]*\S*", body[end:]).end()
        before = re.search(r"\S*[^\S\n]*\Z", body[:start]).start()  # \Z: never past the line's start
        if before < start:
            start = before
        elif after:
            end += after
        else:
            break
    return start, end


def graded_parts(article: Any) -> list[tuple[int, int]]:
    """Character ranges of ``article`` that the graded exercises cover, so lessons can leave them out."""
    try:
        from medialit.exercises.grading import ITEMS
    except ImportError:
        return []
    merged: list[tuple[int, int]] = []
    for start, end in sorted({item.bounds() for item in ITEMS.values() if item.article == article.id}):
        if merged and not article.body[merged[-1][1] : start].strip():
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))  # touching parts show as one
        else:
            merged.append((start, end))
    return merged


def ungraded(items: Any, article: Any) -> list:
    """``items`` (spans or attributions) that touch no graded part of ``article``: lesson figures show only these."""
    parts = graded_parts(article)

    def touches(item: Any) -> bool:
        pieces = item.spans() if hasattr(item, "spans") else [item]
        return any(p.start < end and p.end > start for p in pieces for start, end in parts)

    return [item for item in items if not touches(item)]


LEFT_OUT = "[… left out here: this part is graded in an exercise …]"


def without_graded(article: Any) -> Any:
    """A copy of ``article`` whose graded parts are replaced by a one-line notice, for free highlighting.

    Offsets in the copy differ from the original after the first part; lesson
    activities on it have no key, so nothing is compared across the two.
    """
    from medialit.core.article import Article

    body = article.body
    for start, end in reversed(graded_parts(article)):
        body = body[:start] + LEFT_OUT + body[end:]
    if body == article.body:
        return article
    return Article(body=body, title=article.title, meta={**article.meta, "id": f"{article.id}-ungraded"})


def questions(lesson: int | None = None) -> list[Question]:
    """All questions, or those of one lesson (ids start with ``l<lesson>.``), from ``questions/lesson-NN.yaml``."""
    return list((load_all() if lesson is None else load_lesson(lesson)).values())


def __getattr__(name: str) -> Any:
    """``QUESTIONS``: every question by id, read from the files when asked for (so edits show without a restart)."""
    if name == "QUESTIONS":
        return load_all()
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def reset() -> None:
    """Forget attempts and hints seen (a fresh start for a lesson)."""
    _attempts.clear()
    _hinted.clear()
    _wrong.clear()
    _checked.clear()


# ---------------------------------------------------------------- helpers


def _get(question_id: str, quiet: bool = False) -> Question | None:
    """The question, or None after one line saying why (unknown id, or questions that cannot be read)."""
    number = lesson_of(question_id)
    try:
        lesson = {} if number is None else load_lesson(number)
    except LessonQuestionsError as error:
        if quiet:
            raise
        print(error)
        return None
    question = lesson.get(str(question_id))
    if question is None and not quiet and not lesson:  # no lesson to list: say what an id looks like
        print(f"No question {question_id!r}: a question id is the lesson and a name, as in 'l2.dash', in quotes")
    elif question is None and not quiet:
        print(f"No question {question_id!r}; this lesson's questions are: {', '.join(lesson)}")
    return question


def _wrong_try(question: Question) -> None:
    """Count a wrong try, then give the hint it has reached."""
    _wrong[question.id] = _wrong.get(question.id, 0) + 1
    _give_hint(question)


def _give_hint(question: Question, footer: bool = True) -> None:
    """The hint for the wrong tries so far: the first (the rule) until a second wrong try, then the next."""
    _hinted.add(question.id)
    stage = min(max(_wrong.get(question.id, 0), 1), len(question.hints)) - 1
    print(f"Hint: {question.hints[stage]}")
    if footer and not _attempts.get(question.id):  # reveal would refuse before a try
        print(f"Now try: {_how_to_try(question)}.")
    elif footer:
        print(f"Try again, or run reveal({question.id!r}) to see the answer.")


def _how_to_try(question: Question) -> str:
    if question.kind in ("spans", "links"):
        return f"mark the text, then run check_highlights({question.id!r}, ...)"
    return f"write your answer in check({question.id!r}, ...) and run it"


def _blank(answer: Any) -> bool:
    if answer is None:
        return True
    if isinstance(answer, str):
        return not answer.strip()
    if isinstance(answer, list | tuple | set):
        return not any(not _blank(a) for a in answer)
    return False


def _names(answer: Any, group: tuple[str, ...]) -> bool:
    said = f" {normalise(answer)} "
    return any(f" {normalise(alias)} " in said for alias in group)


_YES_NO = ({"yes", "y", "true"}, {"no", "n", "false"})
"""The forms of one two-way answer: a student may type ``True`` or ``'true'`` where *yes* is asked, or the reverse."""


def _choice_forms(answer: Any) -> set[str]:
    """``answer`` as compared with a choice's options: itself, and every other form of a yes or a no."""
    said = normalise({True: "yes", False: "no"}.get(answer, answer) if isinstance(answer, bool) else answer)
    return next((forms for forms in _YES_NO if said in forms), {said})


def _items(answer: Any, names: Callable[[str], bool]) -> list[Any]:
    """A list answer's items; one typed as a string ("a, b", "a; b", "a / b", or one line each) is split at them.

    A comma may also sit inside one item ("Trace claims, quotes and media ..."): a piece after a comma of four
    words or more that ``names`` nothing the question knows is the rest of the piece before it, not an extra.
    """
    items = list(answer) if isinstance(answer, list | tuple | set | dict) else [answer]  # True, 5: one item
    out: list[Any] = []
    for item in items:
        if not isinstance(item, str):
            out.append(item)
            continue
        for chunk in re.split(r"[;\n/]", item):
            pieces: list[str] = []
            for piece in chunk.split(","):
                if pieces and len(piece.split()) >= 4 and not names(piece):
                    pieces[-1] += "," + piece
                else:
                    pieces.append(piece)
            out += pieces
    return [part for part in out if not _blank(part)]


def _one_letter_off(a: str, b: str) -> bool:
    """``a`` and ``b`` differ by one letter: one missing, extra or changed, or two neighbours swapped."""
    if a == b or abs(len(a) - len(b)) > 1:
        return False
    if len(a) != len(b):
        short, long = sorted((a, b), key=len)
        return any(long[:i] + long[i + 1 :] == short for i in range(len(long)))
    diff = [i for i, (x, y) in enumerate(zip(a, b, strict=True)) if x != y]
    swapped = len(diff) == 2 and diff[1] == diff[0] + 1 and a[diff[0]] == b[diff[1]] and a[diff[1]] == b[diff[0]]
    return len(diff) == 1 or swapped


def _misspelt(question: Question, answer: Any) -> bool:
    """A one-word-choice or name answer one letter off an accepted answer of five letters or more.

    Told as a spelling slip rather than a wrong answer with its hint, which would send a student who chose
    right back to the reasoning. 'indirect' is not a slip of 'direct' (two letters), so a real wrong choice stays wrong.
    """
    if question.kind not in ("choice", "name") or not isinstance(answer, str) or _names(answer, question.reject):
        return False
    said = normalise(answer).split()
    for alias in (normalise(a) for a in question.accept[0]):
        size = len(alias.split())
        windows = {" ".join(said[i : i + size]) for i in range(len(said) - size + 1)}
        if len(alias) >= 5 and any(_one_letter_off(w, alias) for w in windows):
            return True
    return False


def _wordy_choice(question: Question, answer: Any) -> bool:
    """A choice answered with more words than any accepted form has ("It is mixed", "yes, it does").

    Choices are judged on the option alone, so that a hedge ("mixed or direct") never passes; a sentence around
    a choice is then not a wrong answer but a wrong form, told without a hint, right option or not.
    """
    if question.kind != "choice" or not isinstance(answer, str):
        return False
    longest = max(len(normalise(form).split()) for form in question.accept[0])
    return len(normalise(answer).split()) > longest


def judged(question: Question, answer: Any) -> bool:
    """Whether ``answer`` is right, as ``check`` judges it (no attempt counted, nothing printed): for progress."""
    return not _blank(answer) and _judge(question, answer) is True


def blank(answer: Any) -> bool:
    """Whether ``answer`` is still the empty answer a lesson's check cell starts with."""
    return _blank(answer)


def _judge(question: Question, answer: Any) -> bool | str:
    if question.kind == "choice":
        options = {normalise(a) for a in question.accept[0]}
        return bool(_choice_forms(answer) & options)
    if question.kind == "name":
        return _names(answer, question.accept[0]) and not _names(answer, question.reject)

    def right(item: Any, group: tuple[str, ...]) -> bool:
        return _names(item, group) and not _names(item, question.reject)

    items = _items(answer, lambda piece: any(_names(piece, g) for g in (*question.accept, question.reject)))

    found = [g for g in question.accept if any(right(item, g) for item in items)]
    extra = [item for item in items if not any(right(item, g) for g in question.accept)]
    if len(found) == len(question.accept) and not extra:
        return True
    return (
        f"{len(found)} of {len(question.accept)} found" + (f", {len(extra)} not in the answer" if extra else "") + "."
    )


def _as_spans(marked: Any) -> list[Span]:
    if getattr(marked, "mode", None) == "sentences" and hasattr(marked, "sentence_labels"):
        marked = marked.sentence_labels
    elif hasattr(marked, "spans") and not isinstance(marked, list | tuple):
        marked = marked.spans
    out = []
    for item in marked or []:
        if isinstance(item, Span):
            out.append(item)
        elif isinstance(item, dict):
            out.append(Span.from_dict(item))
    return out


LONG_ARTICLE_WORDS = 10_000
"""Past this many words an article's analysis takes a minute or more on a classroom laptop (11,822 words: 28.5 s on
the 2-core machine at load 11; 78,802 words: nearly 5 minutes), with nothing on screen meanwhile."""


def own_article_note(article: Any) -> str:
    """One line about a learner's own article before the analyzer reads it (lesson 7), or ``""``.

    self24: a German, Norwegian or Arabic article pasted into lesson 7 was analyzed without a word, and its
    findings were empty or wrong (the analyzer is an English pipeline); a very long one kept the next cell busy for
    minutes, silently. English's short words ("the", "of", "said") are 34 to 48 % of the words of every English
    article the kit ships and at most 11 % of the same news story in German, Norwegian, French or Spanish."""
    from spacy.lang.en.stop_words import STOP_WORDS

    words = re.findall(r"[^\W\d_]+", article.body.lower())
    if len(words) >= 20 and sum(w in STOP_WORDS for w in words) < 0.2 * len(words):
        return (
            "Note: this text does not look English; the analyzer reads English only, so what it finds below will be "
            "little or wrong: mark it yourself, or choose an English article."
        )
    if len(words) > LONG_ARTICLE_WORDS:
        return (
            f"Note: {len(words):,} words is a long article; the analysis below may take a few minutes "
            "(a few thousand words are enough for this lesson)."
        )
    return ""


def note_own_article(article: Any) -> None:
    """Print ``own_article_note``'s line, if it has one (lesson 7's loading cells)."""
    if note := own_article_note(article):
        print(note)
