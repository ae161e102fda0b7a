"""A cell of a real lesson or exercise run first in a fresh kernel (opened, or restarted): one line naming the set-up
cells, as the kit's servers start their kernels (``KitKernelSpecManager``), and the grading kernel left as it was."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import nbformat
import pytest
from jupyter_client.kernelspec import KernelSpecManager
from jupyter_client.manager import AsyncKernelManager
from nbclient import NotebookClient

from medialit.setup.kernels import KitKernelSpecManager

pytestmark = pytest.mark.notebook

REPO = Path(__file__).resolve().parents[2]
ONE_LINE = "the cells above that set it up have not run since the kernel started; run them first (Run > Run All Above)"


def cell(path: Path, index: int) -> nbformat.NotebookNode:
    """A code cell of a committed notebook, as the student sees it."""
    found = nbformat.read(path, as_version=4).cells[index]
    assert found.cell_type == "code"
    return nbformat.v4.new_code_cell(found.source)


def run(cells: list, folder: Path, specs: KernelSpecManager, notebook: Path | None = None) -> list:
    """Run ``cells`` in a fresh kernel started through ``specs`` (for ``notebook``, as Jupyter's server names it to
    the kernel); each cell's error outputs."""
    nb = nbformat.v4.new_notebook()
    nb.cells = cells
    km = AsyncKernelManager(kernel_name="python3", kernel_spec_manager=specs)
    client = NotebookClient(nb, km=km, timeout=120, allow_errors=True, resources={"metadata": {"path": str(folder)}})
    client.execute(**({"env": {**os.environ, "JPY_SESSION_NAME": str(notebook)}} if notebook else {}))
    return [[o for o in c.outputs if o.output_type == "error"] for c in nb.cells]


@pytest.fixture
def lessons(tmp_path: Path) -> Path:
    shutil.copytree(REPO / "notebooks", tmp_path / "notebooks")
    return tmp_path / "notebooks"


def test_a_lesson_cell_run_before_the_set_up_cell_says_to_run_it_in_one_line(lessons: Path) -> None:
    """kernel22: a check, a highlighter, a reveal and lesson 0's pre-test answers run first gave ``NameError: name
    'check' is not defined`` and its frames; a student's own typo keeps its traceback."""
    two = lessons / "02-who-is-speaking.ipynb"
    assert "check(" in cell(two, 5).source and "Highlighter(practice" in cell(two, 32).source
    assert "pretest.record(my_answers)" in cell(lessons / "00-start-here.ipynb", 17).source
    cells = [cell(two, 5), cell(two, 32), cell(two, 33), nbformat.v4.new_code_cell('reveal("l2.dash")')]
    cells += [cell(lessons / "00-start-here.ipynb", 17), nbformat.v4.new_code_cell("print(artcle)")]
    errors = run(cells, lessons, KitKernelSpecManager())
    names = ["check", "practice", "check_highlights", "reveal", "pretest"]
    for shown, name in zip(errors, names, strict=False):
        assert [(e.ename, len(e.traceback)) for e in shown] == [("SetUpError", 1)], shown
        assert shown[0].evalue == f"{name} is not defined: {ONE_LINE}, then this cell"
    (typo,) = errors[-1]
    assert typo.ename == "NameError" and "artcle" in typo.evalue and len(typo.traceback) > 1


def test_an_exercise_check_run_first_names_the_set_up_cell_then_the_answer_cell(lessons: Path) -> None:
    """The exercise's first cell replaces the start-up handler with ``grading``'s, which still says both lines."""
    ex01 = REPO / "exercises" / "ex01-attribution" / "ex01-attribution.ipynb"
    assert cell(ex01, 5).source == 'check("ex01-q1", answer_q1)'
    errors = run([cell(ex01, 5), cell(ex01, 1), cell(ex01, 5), cell(ex01, 5)], ex01.parent, KitKernelSpecManager())
    assert [e.ename for e in errors[0]] == ["SetUpError"] and errors[0][0].evalue.startswith("check is not defined")
    assert errors[1] == []
    for shown in errors[2:]:
        assert [(e.ename, len(e.traceback)) for e in shown] == [("AnswerError", 1)]
        assert shown[0].evalue.startswith("answer_q1 is not set yet: run the answer cell")


def test_a_kernel_started_as_the_grader_starts_it_loads_nothing_new(lessons: Path) -> None:
    """nbgrader's Execute (and the sandbox) make their own ``KernelSpecManager``: no extension, Python's NameError."""
    ((shown,),) = run([cell(lessons / "02-who-is-speaking.ipynb", 5)], lessons, KernelSpecManager())
    assert shown.ename == "NameError" and len(shown.traceback) > 1
    assert "--ext" not in " ".join(KernelSpecManager().get_kernel_spec("python3").argv)


def test_a_learners_own_notebook_keeps_pythons_name_error_for_a_name_it_never_sets(lessons: Path) -> None:
    """lab.sh's kernels load the hint for every notebook: in a learner's own one (``__session__``, as saved) that
    never imports ``count``, ``print(count)`` is Python's lesson; lesson 2, as saved, sets ``check``."""
    own = lessons / "my-own.ipynb"
    nbformat.write(nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell("print(count)")]), own)
    ((shown,),) = run([nbformat.v4.new_code_cell("print(count)")], lessons, KitKernelSpecManager(), own)
    assert shown.ename == "NameError" and len(shown.traceback) > 1
    two = lessons / "02-who-is-speaking.ipynb"
    ((shown,),) = run([cell(two, 5)], lessons, KitKernelSpecManager(), two)
    assert (shown.ename, len(shown.traceback)) == ("SetUpError", 1)


def test_a_cell_run_before_the_cell_that_sets_its_name_names_that_cell(lessons: Path) -> None:
    """student23: lesson 0's 'What you marked' cell run before the highlighter's cell (a skipped cell) gave
    ``NameError: name 'hl' is not defined`` and its frames: ``hl`` is no set-up name. In the kit's kernel, for the
    saved lesson, it is one line naming the cell that sets it; a use before its own cell's assignment, and the
    grader's kernel, keep Python's traceback."""
    zero = lessons / "00-start-here.ipynb"
    assert cell(zero, 8).source.splitlines()[1] == "for mark in hl.spans:"
    looped = nbformat.v4.new_code_cell("print(sample)\nsample = 1")
    (shown,), (own,) = run([cell(zero, 8), looped], lessons, KitKernelSpecManager(), zero)
    assert (shown.ename, len(shown.traceback)) == ("SetUpError", 1), shown
    assert shown.evalue.startswith("hl is not defined: the cell that sets it (hl = Highlighter(sample, ")
    assert own.ename == "NameError" and len(own.traceback) > 1
    ((raw,),) = run([cell(zero, 8)], lessons, KernelSpecManager(), zero)
    assert raw.ename == "NameError" and len(raw.traceback) > 1
