"""Grade medialit items as data: the answer literal and the sidecar against the key, no student code run.

A medialit test cell is ``grade(item, variable, KEY)``: the key is a literal in
the instructor's source notebook, the answer is a literal in the student's
answer cell (read with ``ast.literal_eval`` only) or the marks in the item's
sidecar. ``grade_item`` turns one submission's item into points and feedback
and never raises: whatever a student submitted, the batch goes on.
"""

from __future__ import annotations

import ast
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import nbformat

from medialit.core.counts import counted
from medialit.core.spans import Span
from medialit.exercises.answer import MAX_MARKS, read_answer
from medialit.exercises.errors import NOTHING_SAVED, AnswerError
from medialit.exercises.items import ITEMS_FILE, define_items, item
from medialit.exercises.judge import grade_data
from medialit.instructor.exercise_notebook import BEGIN_HIDDEN, BEGIN_SOLUTION

MAX_ANSWER_CHARS = 100_000  # an answer cell longer than this is not an answer (and literal_eval would be slow)
NOT_SUBMITTED = " was not submitted"
DELETED = "the answer cell was deleted"
NOT_A_NOTEBOOK = " is not a valid notebook"
BOM = b"\xef\xbb\xbf"  # UTF-8's byte-order mark
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


def graded_cells(source: Path) -> Iterator[tuple[str, nbformat.NotebookNode]]:
    """Each graded cell (nbgrader ``grade``) of the source notebooks in one assignment folder, with its notebook's
    name, in file and cell order: the one walk that finds the tests, the rubrics and the cells needing a kernel."""
    for path in sorted(source.glob("*.ipynb")):
        for cell in nbformat.read(path, as_version=4).cells:
            if cell.metadata.get("nbgrader", {}).get("grade"):
                yield path.stem, cell


def hidden_checks(source: Path) -> list[Check]:
    """Every ``grade(item, variable, KEY)`` test cell in the source notebooks of one assignment folder."""
    if (source / ITEMS_FILE).is_file():  # an exercise made by `medialit new-exercise`
        define_items(source / ITEMS_FILE)
    found = []
    for notebook, cell in graded_cells(source):
        if cell.cell_type == "code":
            check = parse_check(cell.source, notebook, cell.metadata.nbgrader["grade_id"])
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
    """The value the answer cell assigns to the answer variable (None: use the sidecar); never runs code.

    A cell copied in JupyterLab keeps its grade id: of the copies, the answer is the last one above the item's
    test cell, the one the hidden test saw when the notebook ran in order (attack20: a copy pasted at the end of
    the notebook was graded instead, without a word, while the test and the visible check had seen the one
    above); a copy below the test is a cell after the answer cell. Code that changes the answer counts up to the
    test (``answer_cell``): a cell below it ran after the test, which never saw it (``below_the_test`` names it).
    """
    answer_at, ran_until, at = answer_cell(nb, check)
    source = nb.cells[answer_at].get("source", "")
    if not isinstance(source, str) or len(source) > MAX_ANSWER_CHARS:
        raise AnswerError(f"the answer cell is longer than {MAX_ANSWER_CHARS:,} characters")
    try:
        tree = ast.parse(source)
    except (SyntaxError, ValueError):
        raise AnswerError(f"the answer cell has a syntax error: {check.variable} could not be read") from None
    except (RecursionError, MemoryError):  # Python's parser gives up on an expression nested thousands deep
        raise AnswerError(
            f"the answer cell is nested too deeply for Python to read: write {check.variable} as one plain list"
        ) from None
    copies = frozenset(i for i in at if nb.cells[i].get("source") == source)  # the same list written again
    changed = changed_by_code(tree, check.variable)
    changed = changed or changed_elsewhere(nb.cells[:ran_until], answer_at, check.variable, copies)
    if changed:
        raise AnswerError(
            f"{check.variable} is changed by code ({changed}) and the grader runs no code: "
            f"write all your marks in the one list after '{check.variable} =' in its answer cell"
        )
    value: Any = None
    for node in tree.body:
        targets = assigned(node)
        if any(isinstance(t, ast.Name) and t.id == check.variable for t in targets):
            try:
                value = ast.literal_eval(node.value)
            except (ValueError, TypeError, SyntaxError, MemoryError, RecursionError):
                raise AnswerError(f"{check.variable} is not a plain Python list, dict or None") from None
    if isinstance(value, (list, tuple, dict)) and len(value) > MAX_MARKS:  # the reader's own limit, checked early
        raise AnswerError(
            f"{check.variable} has {len(value):,} entries, more than {MAX_MARKS}: keep only your own marks"
        )
    return value


def answer_cell(nb: nbformat.NotebookNode, check: Check) -> tuple[int, int, list[int]]:
    """Where the graded answer cell is, how many cells ran before the item's test saw the answer (the cells up to
    the test, or up to the answer cell when the test was moved above it), and every copy of the answer cell."""
    ids = [c.get("metadata", {}).get("nbgrader", {}).get("grade_id") for c in nb.cells]
    at = [i for i, grade_id in enumerate(ids) if grade_id == f"{check.item}-answer"]
    if not at:
        raise AnswerError(DELETED)
    tests = [i for i, grade_id in enumerate(ids) if grade_id == check.grade_id]
    above = [i for i in at if tests and i < tests[-1]]  # a copy below the item's test is a cell after the answer
    answer_at = (above or at)[-1]
    return answer_at, max(tests[-1] if tests else len(nb.cells), answer_at + 1), at


def below_the_test(nb: nbformat.NotebookNode, check: Check) -> str:
    """How a cell below the item's test changes the answer ("" when none does), for a line in the feedback.

    attack22: such a cell (the answer cell copied to the end and changed there, a scratch cell emptying the list) scored
    the item 0, "changed by code", where nbgrader grades, and the student's Validate checks, the answer the test
    saw: the cell above. What the student meant by the later cell cannot be known; the test never saw it.
    """
    try:
        answer_at, ran_until, at = answer_cell(nb, check)
    except AnswerError:
        return ""
    source = nb.cells[answer_at].get("source")
    copies = frozenset(i for i in at if nb.cells[i].get("source") == source)
    later = [c if i >= ran_until else {} for i, c in enumerate(nb.cells)]  # only the cells run after the test
    return changed_elsewhere(later, answer_at, check.variable, copies).removesuffix(", in a cell after the answer cell")


def assigned(node: ast.stmt) -> list[ast.expr]:
    """The targets a top-level statement assigns a value to (``answer_qN = ...`` or ``answer_qN: list = ...``)."""
    if isinstance(node, ast.AnnAssign) and node.value is not None:
        return [node.target]
    return list(node.targets) if isinstance(node, ast.Assign) else []


def written_elsewhere(nb: nbformat.NotebookNode, check: Check) -> str:
    """The student's cell that writes ``check.variable`` as a list ("" when none does), for an item whose own answer
    cell leaves it None: "the answer cell of ex01-q1" or "cell 7". Named, never graded: the grader reads the item's
    own answer cell (and its highlights) only."""
    for number, cell in enumerate(nb.cells, 1):
        flags = cell.get("metadata", {}).get("nbgrader", {})
        source = cell.get("source", "") if cell.get("cell_type") == "code" else ""
        grade_id = flags.get("grade_id")
        if grade_id == f"{check.item}-answer" or flags.get("locked") or flags.get("grade"):
            continue
        if not isinstance(source, str) or check.variable not in source or len(source) > MAX_ANSWER_CHARS:
            continue
        try:
            tree = ast.parse(source)
        except (SyntaxError, ValueError, RecursionError, MemoryError):
            continue
        for node in tree.body:
            targets = assigned(node)
            value = getattr(node, "value", None)
            if any(_names(t, check.variable) for t in targets) and isinstance(value, (ast.List, ast.Tuple, ast.Dict)):
                answer_cell = isinstance(grade_id, str) and grade_id.endswith("-answer")
                return f"the answer cell of {grade_id.removesuffix('-answer')}" if answer_cell else f"cell {number}"
    return ""


READ_ONLY = frozenset({"count", "index", "copy", "get", "keys", "values", "items"})
"""Methods of a list or dict that leave it as it is; any other method (``__iadd__``, ``append``) may change it."""
LOOKS_ONLY = frozenset({"print", "len", "check", "repr", "str", "sorted", "list", "tuple", "set", "type", "display"})
LOOKS_ONLY |= {"pprint", "enumerate", "isinstance", "bool", "any", "all", "grade"}
"""Functions an answer may be passed to: they read it and never change it (``check``: the visible check)."""
DYNAMIC = frozenset({"exec", "eval", "globals", "vars", "locals", "setattr", "delattr", "compile", "get_ipython"})
"""Calls that change a variable by its name as a string: what they do cannot be read without running them."""
NAMESPACES = frozenset({"__main__", "__builtins__", "builtins", "__import__"})
NAMESPACE_ATTRIBUTES = frozenset({"__dict__", "user_ns", "modules"})
"""Names (and attributes: ``sys.modules``, ``get_ipython().user_ns``) that reach the notebook's variables as a module
or a mapping: in a cell that also names the answer (``__main__.answer_q1.append(...)``,
``sys.modules['__main__'].__dict__['answer_q1'] = []``), as with ``DYNAMIC``, what code does through them cannot be
read without running it (attack25: each changed the kernel's list while the grader read the written one, without a
word)."""
_SAFE_PARENTS = (ast.Expr, ast.Compare, ast.For, ast.comprehension, ast.If, ast.While, ast.BinOp, ast.UnaryOp)
_SAFE_PARENTS += (ast.FormattedValue, ast.JoinedStr, ast.Assert)
_BLOCKS = (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)


def changed_by_code(tree: ast.Module, variable: str) -> str:
    """How the cell's code changes ``variable`` beyond the lists written out at the top ("" when it does not).

    The grader reads the written list only: an ``append``, a ``+=``, an assignment inside an ``if``, ``for``
    or ``try``, the list handed to a function or to another name, or ``exec`` would otherwise be lost without
    a word, while the student's kernel (and the visible check) saw the changed list.
    """
    top = {
        id(target)
        for node in tree.body
        if isinstance(node, (ast.Assign, ast.AnnAssign))
        for target in (node.targets if isinstance(node, ast.Assign) else [node.target])
    }
    parents = {id(child): node for node in ast.walk(tree) for child in ast.iter_child_nodes(node)}
    if any(_names_it(node, variable) for node in ast.walk(tree)):
        reached = next((how for node in ast.walk(tree) if (how := _namespace(node))), "")
        if reached:
            return reached
    return next((how for node in ast.walk(tree) if (how := _change(node, variable, top, parents))), "")


def changed_elsewhere(cells: list, answer_at: int, variable: str, copies: frozenset[int] = frozenset()) -> str:
    """How another code cell changes ``variable`` ("" when none does): any cell after the answer cell, or a
    function defined before it. The kernel ran those cells after the answer cell; the grader reads that cell only.
    ``copies``: cells that are the answer cell copied as it is (they write the same list again)."""
    for at, cell in enumerate(cells):
        flags = cell.get("metadata", {}).get("nbgrader", {})
        if flags.get("locked") or flags.get("grade"):
            continue  # the instructor's cells (a test of their own may hand the answer to a helper)
        source = cell.get("source", "") if cell.get("cell_type") == "code" else ""
        names = isinstance(source, str) and any(w in source for w in (variable, *DYNAMIC))
        if at == answer_at or at in copies or not names:
            continue
        if len(source) > MAX_ANSWER_CHARS:
            return f"a cell of more than {MAX_ANSWER_CHARS:,} characters that names it"
        try:
            tree = ast.parse(source)
        except (SyntaxError, ValueError, RecursionError, MemoryError):  # RecursionError: a sum of 20,000 terms
            continue  # the kernel could not run it either (or it holds IPython magics): it changed nothing
        if at < answer_at:  # its top-level lines ran before the answer cell, which replaced the list
            defined = [node for node in ast.walk(tree) if isinstance(node, (*_BLOCKS, ast.Lambda))]
            how = next((h for f in defined if (h := changed_by_code(ast.Module([f], []), variable))), "")
        elif any(_names(n, variable) and isinstance(n.ctx, ast.Store) for n in ast.walk(tree)):
            how = f"'{variable} =' written again"
        else:
            how = changed_by_code(tree, variable)
        if how:
            return f"{how}, in a cell {'before' if at < answer_at else 'after'} the answer cell"
    return ""


def _change(node: ast.AST, variable: str, top: set[int], parents: dict[int, ast.AST]) -> str:
    """How this one node changes ``variable`` ("" when it does not); ``top``: targets of top-level assignments."""
    if isinstance(node, ast.AugAssign) and _names(node.target, variable):
        return f"'{variable} +=' or the like"
    if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id in DYNAMIC:
        return "" if _runs_written_code_only(node, variable) else f"'{node.func.id}(...)'"
    if isinstance(node, ast.Attribute) and node.attr == variable:  # __main__.answer_q1, m.answer_q1.append(...)
        stored = not isinstance(node.ctx, ast.Load)
        return f"'.{variable}' set or deleted" if stored else _passed_on(node, f".{variable}", parents)
    if _names(node, variable) and not isinstance(node.ctx, ast.Load):
        if id(node) not in top:
            return "an assignment inside an if, for, try or with block, a def or a class, or to several names at once"
        return ""
    if isinstance(node, ast.Subscript) and _names(node.value, variable) and not isinstance(node.ctx, ast.Load):
        return f"'{variable}[...]' set or deleted"
    if _names(node, variable):
        return _passed_on(node, variable, parents)
    return ""


def _names_it(node: ast.AST, variable: str) -> bool:
    """Whether this node names ``variable`` in any way: the name, an attribute, a text holding it, a keyword."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return variable in node.value
    return variable in (getattr(node, "id", None), getattr(node, "attr", None), getattr(node, "arg", None))


def _namespace(node: ast.AST) -> str:
    """How this node reaches the notebook's variables by name ("" when it does not): a name of ``NAMESPACES`` (or
    imported from it), an attribute of ``NAMESPACE_ATTRIBUTES``, a ``DYNAMIC`` call imported under another name."""
    if isinstance(node, ast.Name) and node.id in NAMESPACES:
        return f"'{node.id}', the notebook's variables by name"
    if isinstance(node, ast.Attribute) and node.attr in NAMESPACE_ATTRIBUTES:
        return f"'.{node.attr}', the notebook's variables by name"
    if isinstance(node, (ast.Import, ast.ImportFrom)):
        for alias in node.names:
            if alias.name in NAMESPACES | NAMESPACE_ATTRIBUTES or (alias.name in DYNAMIC and alias.asname):
                return f"'{alias.name}' imported, the notebook's variables by name"
    return ""


RUNS_TEXT = frozenset({"eval", "exec", "compile"})
"""Of ``DYNAMIC``, the calls that run code given as text: harmless when that text is written out and never names
the answer (``eval('2 + 2')``)."""


def _runs_written_code_only(call: ast.Call, variable: str) -> bool:
    """``eval``, ``exec`` or ``compile`` of written text (constants only, no namespace given) that names neither the
    answer nor any ``DYNAMIC`` call: it cannot reach the list, as a cell that does not name it cannot (attack19: a
    scratch ``print(eval('2 + 2'))`` below the answers scored every item above it 0, a line saying so only in the
    feedback)."""
    if call.func.id not in RUNS_TEXT or call.keywords or not call.args:  # type: ignore[attr-defined]
        return False
    texts = [a.value for a in call.args if isinstance(a, ast.Constant)]
    if len(texts) != len(call.args) or not all(isinstance(t, str) for t in texts):
        return False
    if call.func.id != "compile" and len(texts) != 1:  # eval/exec with a namespace of their own
        return False
    return not any(word in texts[0] for word in (variable, *DYNAMIC))  # compile's other texts: a name, a mode


def _passed_on(node: ast.AST, variable: str, parents: dict[int, ast.AST]) -> str:
    """How a reading of ``variable`` may change it: a method that is not read-only, a function that is not known
    to only look at it, or another name (``marks = answer_q1``) that code can change; "" when it only looks."""
    parent = parents.get(id(node))
    while isinstance(parent, (ast.Subscript, ast.BoolOp, ast.IfExp, ast.Starred, ast.keyword)):
        node, parent = parent, parents.get(id(parent))  # answer_q1['k'], answer_q1 or [], f(*answer_q1)
    if isinstance(parent, ast.Attribute):
        called = isinstance(parents.get(id(parent)), ast.Call)
        return "" if parent.attr in READ_ONLY else f"'{variable}.{parent.attr}" + ("(...)'" if called else "'")
    if isinstance(parent, ast.Call) and node is not parent.func:
        func = parent.func
        name = func.id if isinstance(func, ast.Name) else func.attr if isinstance(func, ast.Attribute) else ""
        return "" if name in LOOKS_ONLY else f"'{name or 'a function'}({variable})'"
    if parent is None or isinstance(parent, _SAFE_PARENTS):
        return ""
    return f"'{variable}' given to another name or put in another list"


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
    answer: Any = ...
    said: tuple[str, ...] = ()
    try:
        try:
            answer = answer_literal(nb, check)
        except AnswerError as error:
            if str(error) != DELETED or not (saved := highlights_for_a_deleted_cell(nb, check, folder)):
                raise
            answer = None
            said = (f"{check.item}: its answer cell was deleted, so your saved highlights ({saved}) were graded",)
        result, spans = score_answer(check.item, answer, check.key, folder)
        if how := below_the_test(nb, check):
            said = (
                f"{check.item}: a cell below its test changes {check.variable} ({how}); the test ran before it, so "
                f"the answer cell was graded: keep your final marks there",
            )
    except AnswerError as error:
        reason = str(error)
        if answer is None and reason.startswith(NOTHING_SAVED) and (where := written_elsewhere(nb, check)):
            reason = (
                f"{check.variable} is written in {where}, not in {check.item}'s, and no highlights are saved: "
                f"move the list into {check.item}'s answer cell, after '{check.variable} ='"
            )
        elif (reason.startswith(NOTHING_SAVED) or reason == DELETED) and (other := answered_elsewhere(folder, check)):
            reason = (
                f"{check.item} is answered in {other}, not in {check.notebook}.ipynb, the notebook graded: copy "
                f"the list into {check.item}'s answer cell there"
            )
        return _zero(check, points, reason)
    except Exception as error:  # any other failure is this student's alone: 0, say why, go on
        return _zero(check, points, f"the answer could not be scored ({type(error).__name__})")
    earned = min(max(float(result.points), 0.0), points)
    why = tuple(f"why: {line}" for line in result.explanations)  # rationales of the marks the student touched
    return ItemGrade(check, earned, points, (*said, *result.feedback, *why), marks=tuple(spans))


OTHER_NOTEBOOKS = 5  # at most this many other notebooks of a hand-in are looked into, each up to 5 MB
OTHER_NOTEBOOK_BYTES = 5_000_000


def answered_elsewhere(folder: Path, check: Check) -> str:
    """Another notebook of the hand-in whose answer cell for ``check`` holds a list ("" when none): named, never
    graded (which notebook a student meant cannot be known; nbgrader grades the released name only).

    attack21: a student who worked in JupyterLab's duplicate (``ex01-attribution-Copy1.ipynb``) and handed in both
    scored 0 on every item, "not answered (no highlights, no answer in the cell)": neither the student nor the
    instructor was told where the answers were.
    """
    others = [p for p in sorted(folder.glob("*.ipynb")) if p.name != f"{check.notebook}.ipynb"]
    for path in others[:OTHER_NOTEBOOKS]:
        try:
            if path.is_symlink() or not path.is_file() or path.stat().st_size > OTHER_NOTEBOOK_BYTES:
                continue
            nb = nbformat.read(path, as_version=4)
            if unlike_jupyterlab(nb) or source_copy(nb):
                continue
            value = answer_literal(nb, check)
        except Exception:  # anything unreadable names nothing
            continue
        if value:
            return path.name
    return ""


def highlights_for_a_deleted_cell(nb: nbformat.NotebookNode, check: Check, folder: Path) -> str:
    """The item's highlights file, when its answer cell is gone and no other cell writes the answer ("" otherwise).

    attack21: a student who deleted the answer cell (it holds only ``None``, "use my highlights") after running it
    saw the check pass on the marks saved, then scored 0 for them. Those marks are the answer the cell asked for;
    but where another cell writes the variable, which one the student meant cannot be read: 0, as before.
    """
    try:
        name = item(check.item).sidecar
    except AnswerError:
        return ""
    path = folder / name
    if not path.is_file() or path.is_symlink():
        return ""
    if written_elsewhere(nb, check) or changed_elsewhere(nb.cells, -1, check.variable):
        return ""
    return name


def _zero(check: Check, points: float, reason: str) -> ItemGrade:
    reason = " ".join(reason.split())[:300]
    line = f"{check.item}: 0 of {counted(float(points), 'point')}: {reason}"
    return ItemGrade(check, 0.0, points, (line,), reason=reason)


def read_notebook(path: Path) -> tuple[nbformat.NotebookNode | None, str]:
    """A submitted notebook, or None and one line saying why it cannot be read."""
    if not path.is_file():
        return None, f"{path.name}{NOT_SUBMITTED}"
    try:  # a byte-order mark (a Windows editor's) is no fault of the answers: JSON has none, nbgrader refuses it
        nb = nbformat.reads(path.read_bytes().decode("utf-8-sig"), as_version=4)
    except Exception as error:  # JSON, schema, encoding or size errors: all the student's
        why = (
            "not UTF-8 text, so not as JupyterLab saved it"
            if isinstance(error, UnicodeDecodeError)
            else type(error).__name__
        )
        return None, f"{path.name}{NOT_A_NOTEBOOK} ({why}); 0 points for its items"
    if why := unlike_jupyterlab(nb):
        return None, f"{path.name}{NOT_A_NOTEBOOK} ({why}, not as JupyterLab saves it); 0 points for its items"
    return (None, SOURCE_COPY) if source_copy(nb) else (nb, "")


def drop_byte_order_marks(folder: Path) -> None:
    """Take a leading UTF-8 byte-order mark off each notebook at the top of ``folder`` (the grader's own copy of a
    hand-in), so that nbgrader's steps (autograde, feedback, the formgrader) read it as ``read_notebook`` does.

    attack24: a notebook saved by a Windows text editor starts with one; nbgrader's reader refused it and the whole
    hand-in scored 0, "ex01-attribution.ipynb is not a valid notebook (NotJSONError)", every answer in it readable.
    """
    for path in folder.glob("*.ipynb"):
        try:
            if path.is_file() and not path.is_symlink() and (data := path.read_bytes()).startswith(BOM):
                path.write_bytes(data[len(BOM) :])
        except OSError:  # unreadable: graded as it is, and ``read_notebook`` says why
            continue


def renamed_notebooks(folder: Path, source: Path) -> tuple[dict[str, str], str]:
    """The notebooks of a hand-in renamed from the assignment's (``{handed-in name: released name}``), and, when a
    released notebook is missing and several others hold its answer cells, one line naming them ("" otherwise).

    A notebook stands for a missing released one when it holds that notebook's answer cells (their grade ids) and no
    other notebook of the hand-in does. attack24: a student who renamed the exercise (File > Rename Notebook, which
    ``medialit self-check`` checks as the exercise) and handed it in had the whole hand-in failed,
    "ex01-attribution.ipynb was not submitted", 0 on every item, the answers unread.
    """
    renamed, unclear = {}, ""
    handed = [p for p in sorted(folder.glob("*.ipynb")) if p.is_file() and not p.is_symlink()]
    released = sorted(source.glob("*.ipynb"))
    names = {p.name for p in released}
    for notebook in released:
        if (folder / notebook.name).exists():
            continue
        try:
            wanted = answer_ids(nbformat.read(notebook, as_version=4))
        except Exception:
            continue
        holding = [p.name for p in handed[:OTHER_NOTEBOOKS] if p.name not in names | set(renamed) and wanted
                   and wanted & _answer_ids_of(p)]  # fmt: skip
        if len(holding) == 1:
            renamed[holding[0]] = notebook.name
        elif holding:
            unclear = (
                f"{notebook.name}{NOT_SUBMITTED}, and {', '.join(holding)} each hold its answer cells: which one to "
                f"grade cannot be told; keep one, named {notebook.name}, and grade again"
            )
    return renamed, unclear


def answer_ids(nb: nbformat.NotebookNode) -> set[str]:
    """The grade ids of a notebook's answer cells (nbgrader ``solution`` cells): its exercise, whatever its name
    (``course grade`` for a renamed hand-in, ``self-check`` for a renamed or copied exercise)."""
    flags = [c.get("metadata", {}).get("nbgrader") for c in nb.cells if isinstance(c, dict)]
    return {
        f["grade_id"] for f in flags if isinstance(f, dict) and f.get("solution") and isinstance(f.get("grade_id"), str)
    }


def _answer_ids_of(path: Path) -> set[str]:
    """``answer_ids`` of a notebook handed in (empty when it cannot be read or is over the size looked into)."""
    try:
        if path.stat().st_size > OTHER_NOTEBOOK_BYTES:
            return set()
        return answer_ids(nbformat.reads(path.read_bytes().decode("utf-8-sig"), as_version=4))
    except Exception:  # unreadable: not the exercise
        return set()


def unlike_jupyterlab(nb: nbformat.NotebookNode) -> str:
    """What in a notebook's cells no JupyterLab writes and nbgrader cannot grade ("" when nothing): a cell's metadata,
    or its nbgrader part, that is not a mapping, or a grade id that is not text.

    attack20: such a cell (a notebook edited by hand) failed the submission with "AttributeError: 'list' object has
    no attribute 'get'" or nbgrader's "nbgrader update .", lines that say neither what is wrong nor what to do.
    """
    for number, cell in enumerate(nb.cells, 1):
        meta = cell.get("metadata", {}) if isinstance(cell, dict) else None
        flags = meta.get("nbgrader", {}) if isinstance(meta, dict) else None
        if not isinstance(flags, dict):
            return f"cell {number}'s {'nbgrader ' if isinstance(meta, dict) else ''}metadata is not a mapping"
        if "grade_id" in flags and not isinstance(flags["grade_id"], str):
            return f"cell {number}'s nbgrader grade id is not text"
    return ""


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
    """A released notebook's own cells (its tests, questions and set-up) hold no solution or hidden-test markers;
    one whose own cells hold them is the instructor's source, hidden tests and keys included.

    ``nbgrader collect`` follows links: a link a student leaves in the exchange's inbound folder
    brings the grader's own source notebook, solutions and keys included, in as the submission.
    Only the instructor's cells count (nbgrader cells that are not answer cells): attack23: a student who typed
    nbgrader's solution marker around a written answer, as other nbgrader courses' notebooks show it, had the whole
    hand-in refused as "a copy of the source notebook", 0 on every item and no page for the grader to mark.
    """
    return any(
        marker in line
        for cell in nb.cells
        if isinstance(cell.get("source"), str) and _instructors(cell)
        for line in cell["source"].splitlines()
        for marker in SOURCE_MARKERS
    )


def _instructors(cell: nbformat.NotebookNode) -> bool:
    """A cell the instructor wrote and the student does not (a test, a question, the set-up): an nbgrader cell that
    is not an answer cell. A cell the student added has no nbgrader metadata."""
    flags = cell.get("metadata", {}).get("nbgrader")
    return isinstance(flags, dict) and bool(flags) and not flags.get("solution")
