"""A cell run before the notebook's set-up cells: one line saying to run them, not a ``NameError`` traceback.

A student who opens a lesson or an exercise (or restarts its kernel) and runs a cell further down first met
``NameError: name 'check' is not defined`` and the frames around it. The kit's servers (``scripts/lab.sh``, every
hub server: ``medialit.setup.kernels``) start their Python kernels with this module as an IPython extension, so the
line is there before anything is imported. Only the names the kit's notebooks take from medialit or set in their
first cell get it (``SETUP_NAMES``), and only where the notebook the kernel runs for (``__session__``, as last
saved) sets the name in a cell: a learner's own notebook that never imports ``count`` keeps Python's traceback for
it, as any other ``NameError``, a student's own typo, does. A name that is no set-up name but that a code cell
of that saved notebook sets (``hl``, ``plt``: in a cell further down, or one skipped) gets a line naming that
cell. The nbgrader grading kernel never loads it. Importing ``medialit.exercises.grading`` replaces the handler with one
that says this too (``handle``), and more for an unset ``answer_qN``.
"""

from __future__ import annotations

import ast
import json
from pathlib import Path
from typing import Any

from medialit.exercises.errors import OneLineError

SETUP_NAMES = frozenset(
    {
        # from medialit, in any lesson or exercise cell
        "ArticleError", "FRAMING_CATEGORIES", "Highlighter", "Span", "analyze", "check", "check_highlights",
        "compare_with_machine", "count", "from_text", "grade", "graded_parts", "hint", "inside", "item", "key_spans",
        "load_article", "match", "note_own_article", "plots", "pretest", "reveal", "show", "speakers_parts", "ungraded",
        "without_graded",
        # set by a lesson's or an exercise's first cell
        "ARTICLE_FILE", "article", "picture", "practice", "report",
    }
)  # fmt: skip
"""Names a kit notebook's cells take from medialit, and names its first cell sets (a unit test derives them from
``notebooks/`` and ``exercises/``, so that a new lesson cannot leave one out)."""


class SetUpError(OneLineError):
    """A cell used a name that the notebook's set-up cells make, before they ran."""


def said(name: str, notebook: str | None = None, running: str = "") -> str | None:
    """The one line for a ``NameError`` on ``name``; None when it is not a kit name, or ``notebook`` never sets it.

    Any other name that a code cell of the saved ``notebook`` sets (``hl``, ``sources``, ``plt`` in a cell further
    down, or in one skipped) gets a line naming that cell's statement, unless the cell now ``running`` sets it
    itself (a use before its assignment in one cell keeps Python's traceback); without a notebook file to read (the
    grading kernel, a console) such a name keeps its traceback.
    """
    if name in SETUP_NAMES and sets(notebook, name):
        return (
            f"{name} is not defined: the cells above that set it up have not run since the kernel started; "
            "run them first (Run > Run All Above), then this cell"
        )
    where = setter(notebook, name)
    if where is None or _sets_in(running, name):
        return None
    return (
        f"{name} is not defined: the cell that sets it ({where}) has not run since the kernel started; "
        "run that cell first (and the cells above it), then this cell"
    )


def _cells(notebook: str | None) -> list[str] | None:
    """The sources of the code cells of a saved ``.ipynb``; None when there is no such file to read."""
    if not notebook or not str(notebook).endswith(".ipynb"):
        return None
    try:
        cells = json.loads(Path(notebook).read_text(encoding="utf-8"))["cells"]
        return ["".join(c["source"]) for c in cells if c.get("cell_type") == "code"]
    except (OSError, ValueError, KeyError, TypeError, AttributeError):
        return None


def _setting(source: str, name: str) -> ast.stmt | None:
    """The first statement of ``source`` that imports or assigns ``name`` at the notebook's top level (a
    function's own variables, a class's, a comprehension's do not count)."""
    try:
        tree = ast.parse(source)
    except (SyntaxError, ValueError, TypeError):
        return None
    local = (ast.FunctionDef, ast.AsyncFunctionDef, ast.Lambda, ast.ClassDef, ast.ListComp, ast.SetComp,
             ast.DictComp, ast.GeneratorExp)  # fmt: skip

    def walk(node: ast.AST):
        for child in ast.iter_child_nodes(node):
            if isinstance(child, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)) and child.name == name:
                yield child
            if not isinstance(child, local):
                yield child
                yield from walk(child)

    for statement in tree.body:
        for node in [statement] if isinstance(statement, local) else [statement, *walk(statement)]:
            if isinstance(node, (ast.Import, ast.ImportFrom)):
                if name in {(a.asname or a.name).split(".")[0] for a in node.names}:
                    return statement
            elif (isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)) and node.name == name) or (
                isinstance(node, ast.Name) and node.id == name and isinstance(node.ctx, ast.Store)
            ):
                return statement
    return None


def _sets_in(source: str, name: str) -> bool:
    return bool(source) and _setting(source, name) is not None


def setter(notebook: str | None, name: str) -> str | None:
    """The first line of the statement that sets ``name`` in a code cell of the saved ``notebook``, cut short;
    None when no cell sets it or there is no notebook file to read."""
    for source in _cells(notebook) or []:
        statement = _setting(source, name)
        if statement is not None:
            line = source.splitlines()[statement.lineno - 1].strip()
            return line if len(line) <= 50 else line[:49].rstrip() + "…"
    return None


def sets(notebook: str | None, name: str) -> bool:
    """Whether a code cell of ``notebook`` (a saved ``.ipynb``) imports or assigns ``name``; True when there is no
    such file to read (a console, nbclient): the names alone decide then."""
    cells = _cells(notebook)
    if cells is None:
        return True
    return any(_sets_in(source, name) for source in cells)


def handle(shell: Any, etype: type, value: BaseException, tb: Any, tb_offset: int | None = None) -> list:
    """IPython's handler for a ``NameError``: one line for a kit name, the usual traceback for any other."""
    names = getattr(shell, "user_ns", {})
    running = (names.get("_ih") or [""])[-1] if isinstance(names.get("_ih"), list) else ""
    line = said(getattr(value, "name", None) or "", names.get("__session__"), running)
    if line is not None:
        shell.showtraceback((SetUpError, SetUpError(line), tb))
    else:
        shell.showtraceback((etype, value, tb), tb_offset=tb_offset, running_compiled_code=True)
    return []


_SHELLS: set[int] = set()
"""The shells whose ``NameError`` handler is ``handle`` as this extension set it (``grading`` may replace it)."""


def take_over(shell: Any) -> bool:
    """Whether another handler may be set on ``shell``: it has none, or only this extension's (forgotten here then:
    the new one is to call ``handle`` for the names it does not explain itself)."""
    if not shell.custom_exceptions:
        return True
    if id(shell) in _SHELLS:
        _SHELLS.discard(id(shell))
        return True
    return False


def load_ipython_extension(shell: Any) -> None:
    """Set ``handle`` for ``NameError`` (``--ext=medialit.exercises.setup_hint``), unless a handler is set already."""
    if not shell.custom_exceptions:
        shell.set_custom_exc((NameError,), handle)
        _SHELLS.add(id(shell))
