"""Build nbgrader source notebooks for medialit items: question, show, answer and hidden-test cells.

The kit's own exercises (``course/build.py``) and an instructor's exercise
(``medialit new-exercise``) are built by these same functions, so both get the
same cells, feedback and partial credit. Only the package is needed: nothing
here reads a checkout. A key reaches a notebook only inside its item's hidden
test cell, which nbgrader removes from the students' copy.
"""

from __future__ import annotations

import pprint
import re
from pathlib import Path
from typing import Any

import nbformat

from medialit.core.article import cut_at_word
from medialit.exercises.answer import hits
from medialit.exercises.items import Item, item
from medialit.exercises.key import Key, KeyFormatError

BEGIN_SOLUTION, END_SOLUTION = "### BEGIN SOLUTION", "### END SOLUTION"
BEGIN_HIDDEN, END_HIDDEN = "### BEGIN HIDDEN TESTS", "### END HIDDEN TESTS"
"""nbgrader's default delimiters, written here and nowhere else; grading refuses a submission that holds them."""
CELL_ID_LIMIT = 64
"""nbformat's limit on a cell id; every id below is an item id plus a suffix."""
LONGEST_SUFFIX = "-q1-question"
NAME_LIMIT = CELL_ID_LIMIT - len(LONGEST_SUFFIX)
"""The longest assignment name whose cell ids (``NAME-q1-question``) nbformat accepts."""
NAME_PATTERN = re.compile(r"[A-Za-z0-9][A-Za-z0-9_-]*")
CHECK_TAGS = ["raises-exception"]
"""Tags of every check cell: a failing check still shows its error (and fails Validate), but Run All goes on.

JupyterLab (and Notebook 7, built on its notebook code) and nbclient send such a cell with ``stop_on_error``
off, so the kernel does not drop the cells queued after it; nbgrader's checksums leave tags out, so grading
is unchanged."""


class NotebookError(ValueError):
    """A notebook nbformat would refuse; the one-line message names the file and the problem."""


HOW = """
**How to answer.** Either mark the words in the highlighter (it saves each mark
by itself, in a file beside this notebook named after the question),
or write your answer as a Python list in the answer cell. If you write a list,
it is used; if the answer stays `None`, your saved highlights are used. Run the
check cell: it tells you at once if the format is wrong. Until a question is
answered its check shows a one-line error; *Run All* still goes on to the next
question. Your score comes from hidden tests when the notebook is graded.

**How points are given.** A question that asks you to mark the text shares
its points among the places to mark (a written answer is marked by hand).
Each place you find earns its share; each mark that matches no place costs
half a share (more where the part leaves few other places to mark), so marking
everything earns nothing, and a question never goes below 0. A mark matches a
place when the two overlap by at least half of the longer one: mark the words
that carry it, not the whole line around them. A place the guidelines allow
either way (a word careful readers split on, a second mark of one fault) earns
nothing and costs nothing. Where a question asks for a sentence and its reason,
half is for the sentence and half for the reason; where you link a source to
its cue, half is for the cue and half for the name.

**Working alone, without a course?** Press Ctrl+S to save the notebook, then run
`!medialit self-check` in a new cell (or `medialit self-check` in a terminal in
this folder): it scores your saved answers the way grading does and gives
feedback that does not give the answers away. A written answer is not scored:
once you have written yours and answered the other questions, it shows the
kit's model answer and what a teacher looks for, so you can mark it yourself.
"""

SETUP = "from medialit.exercises.grading import check, grade, item, show"


def md(source: str, grade_id: str | None = None, **nbgrader: Any) -> nbformat.NotebookNode:
    """A Markdown cell; with ``grade_id``, an nbgrader cell whose flags (``locked=True``, ``points=2``) are given as
    keywords over ``_nbgrader_cell``'s defaults, so a source notebook reads as a list of calls."""
    return _nbgrader_cell(nbformat.v4.new_markdown_cell(source.strip()), grade_id, nbgrader)


def code(source: str, grade_id: str | None = None, **nbgrader: Any) -> nbformat.NotebookNode:
    """A code cell; ``grade_id`` and the nbgrader flags as for ``md``."""
    return _nbgrader_cell(nbformat.v4.new_code_cell(source.strip()), grade_id, nbgrader)


def _nbgrader_cell(cell: nbformat.NotebookNode, grade_id: str | None, flags: dict) -> nbformat.NotebookNode:
    """Give a cell nbgrader metadata (schema 3): not graded, no solution, unlocked unless ``flags`` say so."""
    if grade_id:
        meta = {"schema_version": 3, "grade_id": grade_id, "grade": False, "solution": False, "locked": False}
        cell.metadata.nbgrader = meta | flags
    return cell


def item_key(item_id: str, key: Key) -> Key:
    """``key`` checked for its item: it fits the article text and every mark lies inside the item's part.

    Raises ``KeyFormatError`` (one line) for a key that does not fit the article text or strays outside the part.
    """
    it = item(item_id)
    key = key.checked(it.load().body, where=f"{item_id} key")
    start, end = it.bounds()
    outside = [m.text for m in key.marks if not start <= m.span.start < m.span.end <= end]
    if key.item != item_id or outside:
        raise KeyFormatError(f"{item_id}: key of {key.item!r}, or marks outside the item's part: {outside}")
    return key


def question(item_id: str, variable: str, prompt: str, solution: str, key: Key, highlighter: bool = True) -> list:
    """The question, show, answer and hidden-test cells of one item; ``key`` goes only into the hidden test."""
    it = item(item_id)
    key = item_key(item_id, key)
    points = f"{it.points:g} point" + ("" if it.points == 1 else "s")
    cells = [md(f"### {item_id} ({points})\n\n{prompt}", f"{item_id}-question", locked=True)]
    show = f'show("{item_id}")' if highlighter else "None  # answer this one with a Python literal"
    cells.append(code(f'print(item("{item_id}").text())\n{show}', f"{item_id}-show", locked=True))
    answer = (
        f"{variable} = None  # None: use your saved highlights\n"
        f"{BEGIN_SOLUTION}\n{variable} = {solution}\n{END_SOLUTION}"
    )
    cells.append(code(answer, f"{item_id}-answer", solution=True))
    literal_key = pprint.pformat(key.to_dict(), width=116, sort_dicts=False)
    test = (
        f'check("{item_id}", {variable})\n'
        f"{BEGIN_HIDDEN}\nKEY = {literal_key}\n"
        f'_points = grade("{item_id}", {variable}, KEY).points\n'
        f"min(max(float(_points), 0.0), {float(it.points)})  # a plain float within the cell's points\n"
        f"{END_HIDDEN}"
    )
    cells.append(code(test, f"{item_id}-test", grade=True, locked=True, points=it.points))
    cells[-1].metadata.tags = list(CHECK_TAGS)
    return cells


def literal(item_id: str, key: Key) -> str:
    """A model answer written the way a student would: words from the text, not offsets."""
    it = item(item_id)
    body = it.load().body
    out = []
    for mark in item_key(item_id, key).required:
        words = body[mark.span.start : mark.span.end]
        nth = occurrence(it, words, mark.span.start)
        if it.kind == "sentences":
            out.append((" ".join(words.split()[:6]), mark.label))
        elif it.kind == "words":
            out.append(words)
        elif it.kind == "speakers" and mark.cue is not None:  # source, speaker, the cue it belongs to
            out.append((words, mark.speaker, body[mark.cue.start : mark.cue.end], nth))
        elif it.kind == "speakers":  # a source with no cue (rule 3): the place and the speaker
            out.append((words, mark.speaker, nth))
        else:
            out.append((words, mark.label, nth) if nth > 1 else (words, mark.label))
    if it.kind == "speakers":
        return "[\n" + "".join(f"    ({', '.join(repr(x) for x in e)}),\n" for e in out) + "]"
    return "[\n" + "".join(f"    {e!r},\n" for e in out) + "]"


def occurrence(it: Item, words: str, start: int) -> int:
    """Which occurrence of ``words`` starts at ``start``, counted as a student's answer is read: whole words in
    the part (``he`` inside *the* is none)."""
    before = [where for where, _ in hits(it, words) if where <= start]
    return max(len(before), 1)


def notebook(title: str, intro: str, cells: list) -> nbformat.NotebookNode:
    """The whole notebook: title, how to answer, the setup cell, then ``cells``; cell ids stable across rebuilds."""
    nb = nbformat.v4.new_notebook()
    nb.metadata.kernelspec = {"name": "python3", "display_name": "Python 3", "language": "python"}
    nb.metadata.language_info = {"name": "python"}
    nb.cells = [md(f"# {title}\n\n{intro}\n{HOW}"), code(SETUP, "setup", locked=True), *cells]
    for number, cell in enumerate(nb.cells):  # stable ids: rebuilding changes nothing that did not change
        cell.id = cell.metadata.get("nbgrader", {}).get("grade_id", f"cell-{number}")
    return nb


def write(nb: nbformat.NotebookNode, path: Path) -> Path:
    """Validate, then write; an invalid notebook becomes one line (``NotebookError``), never a traceback."""
    try:
        nbformat.validate(nb)
    except nbformat.ValidationError as error:
        raise NotebookError(f"{path}: the notebook is not valid nbformat ({error.message})") from None
    path.parent.mkdir(parents=True, exist_ok=True)
    nbformat.write(nb, path)
    return path


def name_problem(name: str) -> str:
    """Why ``name`` cannot name an assignment (its cell ids must be valid nbformat ids), or ``""``."""
    if not NAME_PATTERN.fullmatch(name):
        return "use letters, digits, '-' and '_' only, starting with a letter or digit"
    if len(name) > NAME_LIMIT:
        return (
            f"{len(name)} characters; at most {NAME_LIMIT} (nbgrader cell ids such as NAME{LONGEST_SUFFIX} stay <= 64)"
        )
    return ""


_LINKING_WORDS = frozenset("a an and as at by for from in into of on or the to with".split())
"""Words a cut title must not end on: "votes-again-on-the" reads as a sentence broken off."""


def assignment_name(article_id: str, kind: str) -> str:
    """The default name ``ARTICLE-KIND``, the article's words cut at a word so that every cell id stays valid.

    Where the cut falls after a linking word ("on", "the") those words go too, so the name ends on a word that
    says something.
    """
    words = cut_at_word(article_id, NAME_LIMIT - len(kind) - 1)
    if words != article_id:
        kept = words.split("-")
        while len(kept) > 1 and kept[-1] in _LINKING_WORDS:
            kept.pop()
        words = "-".join(kept)
    return f"{words}-{kind}"


__all__ = [
    "CHECK_TAGS",
    "HOW",
    "SETUP",
    "NotebookError",
    "assignment_name",
    "code",
    "item_key",
    "literal",
    "md",
    "name_problem",
    "notebook",
    "question",
    "write",
]
