"""Self-checks for the lessons: a hint always comes before the answer.

Students type an answer into ``check(question_id, answer)``. A right answer
gets a short explanation; a wrong one gets the question's hint, the first
wrong try the rule or the question to ask, a later one a more specific hint
when the question has one (how an answer is judged: ``lesson_answers``).
``reveal`` shows the answer only after an attempt, so a student working alone
is nudged to think before reading. Highlighting activities are checked with
``check_highlights`` against the activity's key, carried onto the article the
lesson passes (``lesson_keys``); given the Highlighter itself, the check also
marks ✓ and ? in the widget. ``compare_with_machine`` keeps the analyzer's
findings back until the student has checked their own marks once: teach
before telling.

The questions are data beside the lessons (``notebooks/questions/``, read by
``lesson_questions``); this module is only the check engine, which keeps each
question's attempts and wrong tries. Everything here is lesson practice on text
that the graded exercises do not grade (the practice article and ungraded parts
of the example article, ``ungraded_text``); no exercise key is stored in the
package.
"""

from __future__ import annotations

from typing import Any

from medialit.core.counts import counted
from medialit.core.own_article import note_own_article
from medialit.core.spans import Span
from medialit.exercises.feedback import explain_all, not_graded
from medialit.exercises.lesson_answers import blank, misspelt, verdict, wordy_choice
from medialit.exercises.lesson_keys import key_lines, key_marks, key_spans, link_marks
from medialit.exercises.lesson_questions import LessonQuestionsError, Question, lesson_of, load_all, load_lesson
from medialit.exercises.scoring import score
from medialit.exercises.ungraded_text import graded_parts, ungraded, without_graded

__all__ = [  # with five names the lessons' notebooks import from here (saved copies of them too), though they live
    # beside what they do: graded_parts, ungraded and without_graded (ungraded_text), key_spans (lesson_keys),
    # note_own_article (core.own_article)
    "PRACTICE",
    "check",
    "check_highlights",
    "compare_with_machine",
    "graded_parts",
    "hint",
    "key_spans",
    "note_own_article",
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
    if blank(answer):
        print("No answer yet: write your answer between the quotes (or in the list), then run the cell again.")
        return
    said = verdict(question, answer)
    if said is not True and wordy_choice(question, answer):  # "It is mixed": a format slip, not a wrong try
        print(
            f"{answer!r}: write only your choice, one of the options the question names, as it spells them, "
            "without other words; then run the cell again."
        )
        return
    if said is not True and misspelt(question, answer):  # the right word mistyped: not a wrong try
        print(f"{answer!r}: check the spelling (one letter looks off), then run the cell again.")
        return
    _attempts[question_id] = _attempts.get(question_id, 0) + 1
    if said is True:
        print(f"Correct. {question.answer}")
        return
    print(f"Not yet. {said}" if isinstance(said, str) else "Not yet.")
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


def _get(question_id: str) -> Question | None:
    """The question, or None after one line saying why (unknown id, or questions that cannot be read)."""
    number = lesson_of(question_id)
    try:
        lesson = {} if number is None else load_lesson(number)
    except LessonQuestionsError as error:
        print(error)
        return None
    question = lesson.get(str(question_id))
    if question is None and not lesson:  # no lesson to list: say what an id looks like
        print(f"No question {question_id!r}: a question id is the lesson and a name, as in 'l2.dash', in quotes")
    elif question is None:
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
