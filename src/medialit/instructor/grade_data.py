"""Grade medialit items as data: the answer literal and the sidecar against the key, no student code run.

A medialit test cell is ``grade(item, variable, KEY)``: the key is a literal in
the instructor's source notebook, the answer is a literal in the student's
answer cell (read with ``ast.literal_eval`` only) or the marks in the item's
sidecar. ``grade_item`` turns one submission's item into points and feedback
and never raises: whatever a student submitted, the batch goes on.
"""

from __future__ import annotations

import ast
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import nbformat

from medialit.core.spans import Span
from medialit.exercises.answer import read_answer
from medialit.exercises.grading import ITEMS_FILE, AnswerError, define_items, item
from medialit.exercises.judge import grade_data
from medialit.instructor.exercise_notebook import BEGIN_HIDDEN, BEGIN_SOLUTION

MAX_ANSWER_CHARS = 100_000  # an answer cell longer than this is not an answer (and literal_eval would be slow)
MAX_ENTRIES = 500  # more marks than any part of an article has words to mark
NOT_SUBMITTED = " was not submitted"
NOT_A_NOTEBOOK = " is not a valid notebook"
SOURCE_MARKERS = (BEGIN_SOLUTION, BEGIN_HIDDEN)
SOURCE_COPY = (
    "the submitted notebook holds the instructor's solution or hidden-test markers: it is a copy of the source "
    "notebook (e.g. collected through a link in the exchange), not the student's work; 0 points"
)


@dataclass(frozen=True)
class Check:
    """One hidden test found in a source notebook: the item, the answer variable, the key literal."""

    notebook: str
    grade_id: str
    item: str
    variable: str
    key: Any


@dataclass(frozen=True)
class ItemGrade:
    """What one submission earned on one item, with the feedback lines a student may read."""

    check: Check
    points: float
    max_points: float
    feedback: tuple[str, ...]
    reason: str = ""  # set when the item could not be graded: why it scored 0
    marks: tuple[Span, ...] = field(default=(), repr=False)

    @property
    def failed(self) -> bool:
        return bool(self.reason)


# ---------------------------------------------------------------- reading the instructor's checks


def hidden_checks(source: Path) -> list[Check]:
    """Every ``grade(item, variable, KEY)`` test cell in the source notebooks of one assignment folder."""
    if (source / ITEMS_FILE).is_file():  # an exercise made by `medialit new-exercise`
        define_items(source / ITEMS_FILE)
    found = []
    for path in sorted(source.glob("*.ipynb")):
        for cell in nbformat.read(path, as_version=4).cells:
            meta = cell.metadata.get("nbgrader", {})
            if cell.cell_type == "code" and meta.get("grade"):
                check = parse_check(cell.source, path.stem, meta["grade_id"])
                if check:
                    found.append(check)
    return found


def parse_check(source: str, notebook: str, grade_id: str) -> Check | None:
    """The check a test cell makes, or None when the cell is not a medialit item (it needs a kernel)."""
    try:
        tree = ast.parse(source)
    except SyntaxError:
        return None
    key, call = None, None
    for node in ast.walk(tree):
        if isinstance(node, ast.Assign) and any(isinstance(t, ast.Name) and t.id == "KEY" for t in node.targets):
            key = ast.literal_eval(node.value)
        if (
            isinstance(node, ast.Call)
            and isinstance(node.func, ast.Name)
            and node.func.id == "grade"
            and len(node.args) >= 2
            and isinstance(node.args[0], ast.Constant)
            and isinstance(node.args[1], ast.Name)
        ):
            call = (str(node.args[0].value), node.args[1].id)
    if key is None or call is None:
        return None
    return Check(notebook, grade_id, call[0], call[1], key)


# ---------------------------------------------------------------- reading a student's answer


def answer_literal(nb: nbformat.NotebookNode, check: Check) -> Any:
    """The value the answer cell assigns to the answer variable (None: use the sidecar); never runs code."""
    cells = [c for c in nb.cells if c.get("metadata", {}).get("nbgrader", {}).get("grade_id") == f"{check.item}-answer"]
    if not cells:
        raise AnswerError("the answer cell was deleted")
    source = cells[-1].get("source", "")
    if not isinstance(source, str) or len(source) > MAX_ANSWER_CHARS:
        raise AnswerError(f"the answer cell is longer than {MAX_ANSWER_CHARS:,} characters")
    try:
        tree = ast.parse(source)
    except (SyntaxError, ValueError):
        raise AnswerError(f"the answer cell has a syntax error: {check.variable} could not be read") from None
    changed = changed_by_code(tree, check.variable)
    if changed:
        raise AnswerError(
            f"{check.variable} is changed by code ({changed}) and the grader runs no code: "
            f"write all your marks in the one list after '{check.variable} ='"
        )
    value: Any = None
    for node in tree.body:
        targets = node.targets if isinstance(node, ast.Assign) else []
        if isinstance(node, ast.AnnAssign) and node.value is not None:  # answer_q1: list = [...]
            targets = [node.target]
        if any(isinstance(t, ast.Name) and t.id == check.variable for t in targets):
            try:
                value = ast.literal_eval(node.value)
            except (ValueError, TypeError, SyntaxError, MemoryError, RecursionError):
                raise AnswerError(f"{check.variable} is not a plain Python list, dict or None") from None
    if isinstance(value, (list, tuple, dict)) and len(value) > MAX_ENTRIES:
        raise AnswerError(f"{check.variable} has {len(value):,} entries; an answer has at most {MAX_ENTRIES}")
    return value


MUTATORS = frozenset({"append", "extend", "insert", "remove", "pop", "clear", "sort", "reverse", "update"})


def changed_by_code(tree: ast.Module, variable: str) -> str:
    """How the cell's code changes ``variable`` beyond the lists written out at the top ("" when it does not).

    The grader reads the written list only: an ``append``, a ``+=`` or an assignment inside an ``if``, ``for``
    or ``try`` would otherwise be lost without a word, while the student's kernel (and the visible check)
    saw the changed list.
    """
    top = {
        id(target)
        for node in tree.body
        if isinstance(node, (ast.Assign, ast.AnnAssign))
        for target in (node.targets if isinstance(node, ast.Assign) else [node.target])
    }
    return next((how for node in ast.walk(tree) if (how := _change(node, variable, top))), "")


def _change(node: ast.AST, variable: str, top: set[int]) -> str:
    """How this one node changes ``variable`` ("" when it does not); ``top``: targets of top-level assignments."""
    if isinstance(node, ast.AugAssign) and _names(node.target, variable):
        return f"'{variable} +=' or the like"
    if (
        isinstance(node, ast.Name)
        and node.id == variable
        and not isinstance(node.ctx, ast.Load)
        and id(node) not in top
    ):
        return "an assignment inside an if, for, try or with block, or to several names at once"
    if isinstance(node, ast.Subscript) and _names(node.value, variable) and not isinstance(node.ctx, ast.Load):
        return f"'{variable}[...]' set or deleted"
    call = isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute)
    if call and node.func.attr in MUTATORS and _names(node.func.value, variable):  # type: ignore[attr-defined]
        return f"'{variable}.{node.func.attr}(...)'"  # type: ignore[attr-defined]
    return ""


def _names(node: ast.AST, variable: str) -> bool:
    return isinstance(node, ast.Name) and node.id == variable


def score_answer(item_id: str, answer: Any, key: Any, folder: Path) -> tuple[Any, list[Span]]:
    """THE adapter to the scorer: (Result, the marks read, for display) for one answer and key literal.

    Scores with ``medialit.exercises.judge.grade_data`` (pure, never raises);
    raises AnswerError when it reports the answer unreadable.
    """
    result = grade_data(item_id, answer, key, folder)
    if result.error:
        raise AnswerError(result.error)
    read = read_answer(item(item_id), answer, folder)
    return result, [*read.marks, *(Span(s.start, s.end, speaker) for s, speaker in read.speakers)]


def grade_item(check: Check, nb: nbformat.NotebookNode | None, folder: Path, why_not: str = "") -> ItemGrade:
    """Points and feedback for one item of one submission; 0 and a one-line reason when it cannot be read."""
    try:
        points = float(item(check.item).points)
    except AnswerError:
        points = 0.0
    if nb is None:
        return _zero(check, points, why_not or "the notebook could not be read")
    try:
        answer = answer_literal(nb, check)
        result, spans = score_answer(check.item, answer, check.key, folder)
    except AnswerError as error:
        return _zero(check, points, str(error))
    except Exception as error:  # any other failure is this student's alone: 0, say why, go on
        return _zero(check, points, f"the answer could not be scored ({type(error).__name__})")
    earned = min(max(float(result.points), 0.0), points)
    why = tuple(f"why: {line}" for line in result.explanations)  # rationales of the marks the student touched
    return ItemGrade(check, earned, points, (*result.feedback, *why), marks=tuple(spans))


def _zero(check: Check, points: float, reason: str) -> ItemGrade:
    reason = " ".join(reason.split())[:300]
    line = f"{check.item}: 0 of {points:g} points: {reason}"
    return ItemGrade(check, 0.0, points, (line,), reason=reason)


def read_notebook(path: Path) -> tuple[nbformat.NotebookNode | None, str]:
    """A submitted notebook, or None and one line saying why it cannot be read."""
    if not path.is_file():
        return None, f"{path.name}{NOT_SUBMITTED}"
    try:
        nb = nbformat.read(path, as_version=4)
    except Exception as error:  # JSON, schema, encoding or size errors: all the student's
        why = (
            "not UTF-8 text, so not as JupyterLab saved it"
            if isinstance(error, UnicodeDecodeError)
            else type(error).__name__
        )
        return None, f"{path.name}{NOT_A_NOTEBOOK} ({why}); 0 points for its items"
    return (None, SOURCE_COPY) if source_copy(nb) else (nb, "")


def not_gradable(grades: list[ItemGrade]) -> str:
    """Why the whole submission fails before any kernel runs (no notebook, not a notebook, or the instructor's
    copy), else "": nbgrader would fail on it too, with its own message (a UnicodeDecodeError's bytes)."""
    return next(
        (
            g.reason
            for g in grades
            if g.reason == SOURCE_COPY or g.reason.endswith(NOT_SUBMITTED) or NOT_A_NOTEBOOK in g.reason
        ),
        "",
    )


def source_copy(nb: nbformat.NotebookNode) -> bool:
    """A released notebook has no solution or hidden-test markers; one that has them is the instructor's source.

    ``nbgrader collect`` follows links: a link a student leaves in the exchange's inbound folder
    brings the grader's own source notebook, solutions and keys included, in as the submission.
    """
    return any(
        marker in line
        for cell in nb.cells
        if isinstance(cell.get("source"), str)
        for line in cell["source"].splitlines()
        for marker in SOURCE_MARKERS
    )
