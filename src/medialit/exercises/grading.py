"""What the exercise notebooks import: ``show``, ``check``, ``grade`` and ``item``.

- ``show(item_id)`` displays a Highlighter that saves to the item's sidecar
  (never needed for grading: the answer is read from the file or a literal);
- ``check(item_id, answer)`` is the visible test: it only checks the format and
  explains mistakes in one friendly line;
- ``grade(item_id, answer, KEY)`` is the hidden test: it grades from data with
  ``medialit.exercises.judge.grade_data`` (the same function ``medialit course
  grade`` uses outside the kernel, where a student's code cannot reach it),
  prints feedback that never quotes the key and returns a ``Result`` whose
  ``points`` is a plain float for nbgrader's partial credit.

Items, keys, answers and judging live in ``medialit.exercises``; the names
below are re-exported because released notebooks and older code import them
from here.
"""

from __future__ import annotations

import keyword
import re
from pathlib import Path
from typing import Any

from medialit.core.counts import counted
from medialit.core.spans import Span
from medialit.exercises.answer import Answer, example, read_answer, read_saved, read_sidecar
from medialit.exercises.errors import AnswerError
from medialit.exercises.items import (
    ITEMS,
    ITEMS_FILE,
    REASONS,
    SIDECAR_SUFFIX,
    SOURCE_KINDS,
    Item,
    define_item,
    define_items,
    item,
    known_items,
)
from medialit.exercises.judge import Result, grade_data, score_item, unknown_labels, unplaced_note
from medialit.exercises.key import Key
from medialit.exercises.setup_hint import handle as _set_up_or_traceback
from medialit.exercises.setup_hint import take_over


def check(item_id: str, answer: Any = None, folder: str | Path = ".") -> None:
    """The visible test: raise ``AnswerError`` with one friendly line if the format is wrong; say what was read.

    "format OK" only when every mark read can count: marks outside the part and words not in it are named in a
    note, and the last line says how many of the marks will count (framing words may still match a key's words).
    """
    it = item(item_id)
    read = read_answer(it, answer, folder)
    if not len(read) and answer is not None and (saved := _saved_marks(it, folder)):
        raise AnswerError(
            f"{it.id}: your list is empty, and a list is used instead of the {counted(saved, 'mark')} saved in "
            f"{it.sidecar}: set the answer back to None to use your highlights, or fill in the list"
        )
    if not len(read):
        raise AnswerError(f"{it.id}: the answer is empty: mark the text in the highlighter above, or fill in the list")
    bad = unknown_labels(it, read)  # a label typo is caught even where the words are not found
    if bad:
        raise AnswerError(f"{it.id}: label {bad[0]!r} is not one of {', '.join(it.labels)}; fix that entry")
    start, end = it.bounds()
    spans = list(read.marks) + [span for span, _ in read.speakers]
    outside = sum(1 for s in spans if s.end <= start or s.start >= end)
    notes = [unplaced_note(it, words) for words in read.unplaced]
    lost = outside + (0 if it.kind == "words" else len(read.unplaced))  # a key's words may accept framing words
    notes += [_label_as_speaker(name) for _, name in read.speakers if name.strip().lower() in _LABEL_WORDS]
    if outside:
        lies = counted(outside, "mark lies", "marks lie")
        notes.append(f"{lies} outside the part this question is about and will not count")
    if answer is not None:
        notes += _highlights_left_out(it, folder)
    for note in notes:
        print("Note:", note)
    if not lost:
        print(f"{it.id}: format OK, {counted(len(read), 'mark')} read")
        return
    which = "the entry named above, or remove it" if lost == 1 else f"the {lost} entries named above, or remove them"
    print(f"{it.id}: {len(read) - lost} of {counted(len(read), 'mark')} read will count: fix {which}")


def _highlights_left_out(it: Item, folder: str | Path) -> list[str]:
    """A list in the cell is graded instead of the saved highlights: say so when there are any to lose."""
    saved = _saved_marks(it, folder)
    if not saved:
        return []
    return [
        f"your list is used; the {counted(saved, 'mark')} saved in {it.sidecar} {'is' if saved == 1 else 'are'} not "
        "(to use your highlights, set the answer back to None)"
    ]


def _saved_marks(it: Item, folder: str | Path) -> int:
    """How many marks the student saved for ``it`` in the highlighter (0 when none can be read)."""
    try:
        marks, _ = read_saved(Path(folder) / it.sidecar, it.load())
    except AnswerError:  # nothing saved, or a file the student is told about once the answer is None
        return 0
    return len(marks)


_LABEL_WORDS = {"source", "cue", "content", "claim", *SOURCE_KINDS, *REASONS}
"""Label names: given where a speaker's name belongs, the answer was written for another item."""


def _label_as_speaker(name: str) -> str:
    return f"{name.strip()!r} is a label, not a speaker: this question wants ('source words', 'Full Name', 'cue words')"


def grade(item_id: str, answer: Any, key: Any, folder: str | Path = ".") -> Result:
    """The hidden test: grade from data, print the feedback lines, return the ``Result``; never raises.

    Printed lines go to stdout only (stderr would zero the cell in nbgrader).
    The score computed here, inside the student's kernel, is not trusted:
    ``medialit course grade`` computes it again from the submitted files.
    """
    result = grade_data(item_id, answer, key, folder)
    print("\n".join(result.feedback))
    return result


def show(item_id: str) -> Any:
    """A Highlighter for the item, saving to its sidecar; None when widgets are unavailable (autograde)."""
    it = item(item_id)
    try:
        from medialit import Highlighter  # type: ignore[attr-defined]

        mode = "sentences" if it.kind == "sentences" else "spans"
        if it.kind == "speakers":  # who speaks: link sources to cues, starting from the marks of the spans item
            same = (o for o in known_items().values() if o.article == it.article and "source" in o.labels)
            first = next(same, None)  # an instructor's own q1 too
            start_from = first.sidecar if first and first.kind == "spans" else None
            return Highlighter(
                it.load(), labels=["source", "cue"], save_to=it.sidecar, start_from=start_from, part=it.bounds()
            )
        labels = list(it.labels) or ["source"]
        return Highlighter(it.load(), labels=labels, mode=mode, save_to=it.sidecar, part=it.bounds(), linking=False)
    except Exception:  # the highlighter is optional: a Python list answers just as well
        print("(The highlighter is not available here: write your answer as a Python list below.)")
        return None


# ---------------------------------------------------------------- version-1 names (course.py, report.py)


class KeySpans(list):
    """Version-1 spans that keep the ``Key`` they came from, so ``score_item`` on them loses nothing."""

    def __init__(self, key: Key):
        super().__init__(
            Span(m.span.start, m.span.end, m.speaker or "/".join(dict.fromkeys(r.label for r in m.readings())), m.words)
            for m in key.marks
        )
        self.original_key = key


def key_spans(key: Any) -> list[Span]:
    """A key as version-1 spans: the speaker or ``a/b`` reasons in the label, accepted words in ``reasons``.

    Kept for callers written before ``medialit.exercises.key.Key``; new code uses ``Key``.
    """
    return KeySpans(key if isinstance(key, Key) else Key.from_dict(key))


def load_answer(item_id: str, answer: Any = None, folder: str | Path = ".") -> tuple[list[Span], list[str]]:
    """The answer as version-1 spans (speaker names as labels, unplaced words at -1) and notes; see ``read_answer``."""
    it = item(item_id)
    read = read_answer(it, answer, folder)
    spans = list(read.marks) + [Span(s.start, s.end, name) for s, name in read.speakers]
    label = it.labels[0] if it.labels else "source"
    spans += [Span(-1, -1, label, (words,)) for words in read.unplaced]
    return spans, [unplaced_note(it, words) for words in read.unplaced]


_ANSWER_NAME = re.compile(r"answer_q\d+")
"""The answer cells' variables (``instructor.exercise_notebook.question``): the check cell below reads one."""


_ASSIGNED = re.compile(r"^[ \t]*(answer_q\d+)[ \t]*(?::[^=\n]*)?=(?!=)", re.MULTILINE)
"""An answer cell's ``answer_qN =`` line, found in text Python may not be able to parse."""

_FAILED: dict[str, str] = {}
"""Answers whose cell last stopped with an error before setting them: the error's name (``_forget_failed``)."""

_BEFORE: dict[str, Any] = {}
"""The answers a running cell assigns, as they were before it ran (``_UNSET``: not set)."""
_UNSET = object()


def _note_answers(info: Any) -> None:
    """Before a cell runs: the answers it assigns, as they are now (an error may leave them so)."""
    _BEFORE.clear()
    user = _user_namespace()
    for name in _ASSIGNED.findall(getattr(info, "raw_cell", "") or ""):
        _BEFORE[name] = user.get(name, _UNSET)


def _forget_failed(result: Any) -> None:
    """After a cell runs: an answer it was to set but did not, because the cell stopped with an error (a syntax
    error stops it before any line runs), is removed from the kernel, so the check below says to fix the cell.

    attack21: Python keeps the earlier value, and the check judged that one without a word ("format OK"): a student
    whose new answer had a missing bracket believed it checked."""
    error = getattr(result, "error_before_exec", None) or getattr(result, "error_in_exec", None)
    user = _user_namespace()
    for name, before in _BEFORE.items():
        if error is not None and user.get(name, _UNSET) is before:
            user.pop(name, None)
            _FAILED[name] = type(error).__name__
        else:
            _FAILED.pop(name, None)
    _BEFORE.clear()


def _shell() -> Any:
    """The IPython shell this code runs in; None in plain Python (or without IPython)."""
    try:
        from IPython import get_ipython
    except ImportError:
        return None
    return get_ipython()


def _user_namespace() -> dict:
    """The notebook's variables ({} outside IPython)."""
    return getattr(_shell(), "user_ns", {})


def _unset_answer(shell: Any, etype: type, value: BaseException, tb: Any, tb_offset: int | None = None) -> list:
    """IPython's handler for a NameError: a check run before its answer cell gets one line saying which cell to run
    (the answer cell holds only None, so a student skips it); a name the set-up cells make gets ``setup_hint``'s line,
    and any other NameError keeps its traceback."""
    name = getattr(value, "name", None) or ""
    if _ANSWER_NAME.fullmatch(name) and name in _FAILED:
        said = AnswerError(
            f"{name}'s answer cell stopped with a {_FAILED[name]}, so {name} is not set and nothing was checked: "
            "fix the error it shows and run that cell again (Shift+Enter), then this check"
        )
        shell.showtraceback((AnswerError, said, tb))
    elif _ANSWER_NAME.fullmatch(name):
        said = AnswerError(
            f"{name} is not set yet: run the answer cell above this check first (Shift+Enter) and fix any error it "
            "shows; leave it None to use your saved highlights"
        )
        shell.showtraceback((AnswerError, said, tb))  # one line, as every check's own errors
    else:
        _set_up_or_traceback(shell, etype, value, tb, tb_offset)
    return []


_COMMAND_LINE = re.compile(r"medialit[ \t]+([A-Za-z_][\w-]*)")
"""``medialit self-check`` at the start of a line: a name followed by a name, never valid Python."""


def _command_in_cell(lines: list[str]) -> list[str]:
    """IPython input transformer: a ``medialit`` command typed into a cell without its ``!`` (an exercise says to run
    ``!medialit self-check`` in a cell, or ``medialit self-check`` in a terminal) was a SyntaxError that says nothing
    of what to do; in a cell that does not compile, such a line raises one line that does."""
    try:
        compile("".join(lines), "<cell>", "exec")
    except SyntaxError:
        pass
    except Exception:  # a null byte and the like: IPython's to report
        return lines
    else:
        return lines
    out = []
    for line in lines:
        found = _COMMAND_LINE.match(line)
        if found and not keyword.iskeyword(found[1]):
            said = f"{line.strip()} is a command, not Python: put ! before it to run it in a cell (!{line.strip()})"
            line = f"raise __import__('medialit.exercises.errors', fromlist=['']).CommandError({said!r})\n"
        out.append(line)
    return out


def _explain_unset_answers() -> None:
    """In a kernel that has no handler of its own yet (or only ``setup_hint``'s, which the kit's servers load at
    start), say an unset answer in one line, and a ``medialit`` command typed without its ``!`` (exercise notebooks
    import this module in their first cell)."""
    shell = _shell()
    if shell is not None and hasattr(shell, "set_custom_exc") and take_over(shell):
        shell.set_custom_exc((NameError,), _unset_answer)
        shell.events.register("pre_run_cell", _note_answers)
        shell.events.register("post_run_cell", _forget_failed)
    post = getattr(shell, "input_transformers_post", None)
    if isinstance(post, list) and _command_in_cell not in post:
        post.append(_command_in_cell)


_explain_unset_answers()


__all__ = [
    "ITEMS",
    "ITEMS_FILE",
    "REASONS",
    "SIDECAR_SUFFIX",
    "SOURCE_KINDS",
    "Answer",
    "AnswerError",
    "Item",
    "Result",
    "check",
    "define_item",
    "define_items",
    "example",
    "grade",
    "grade_data",
    "item",
    "key_spans",
    "known_items",
    "load_answer",
    "read_answer",
    "read_sidecar",
    "score_item",
    "show",
]
