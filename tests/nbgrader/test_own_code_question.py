"""An instructor's own code question in a new-exercise notebook: the released stub is valid code, graded as code.

medialit's released answer stub (`answer = None`, use the highlights) once replaced every solution region,
so a function an instructor asked for became `def f(text):` with only a comment under it: a SyntaxError in
every student's released notebook, and a comment about highlights where code was asked for.
"""

from __future__ import annotations

from pathlib import Path

import attacks
import nbformat
import pytest
from nbformat.v4 import new_code_cell

from medialit.cli import main
from medialit.instructor import course

DEV = Path(__file__).resolve().parents[2].parent / "shared" / "corpus" / "dev"
ARTICLE = DEV / "ottawa-document-found-on-street.md"
GOLD = DEV / "ottawa-document-found-on-street.gold.json"
NAME = "ott-code"
HIDDEN = "### BEGIN HIDDEN TESTS\nassert count_numbers('') == 0\n### END HIDDEN TESTS"

pytestmark = [pytest.mark.nbgrader, pytest.mark.slow]


def _cell(grade_id: str, source: str, **meta) -> nbformat.NotebookNode:
    base = {"grade": False, "solution": False, "locked": True, "schema_version": 3, "grade_id": grade_id}
    return new_code_cell(source, metadata={"nbgrader": {**base, **meta}})


@pytest.fixture(scope="module")
def released(tmp_path_factory, nbgrader_env):
    if not GOLD.is_file():
        pytest.skip(f"the shared corpus is not here ({GOLD})")
    tmp = tmp_path_factory.mktemp("code")
    solutions = tmp / "solutions"
    solutions.mkdir()
    args = ["new-exercise", str(ARTICLE), str(GOLD), "--kind", "unsupported", "--into", str(solutions)]
    assert main([*args, "--name", NAME]) == 0
    path = solutions / NAME / f"{NAME}.ipynb"
    nb = nbformat.read(path, as_version=4)
    nb.cells += [
        _cell(
            "q2-answer",
            "def count_numbers(text):\n    ### BEGIN SOLUTION\n    return sum(w.isdigit() for w in text.split())\n"
            "    ### END SOLUTION",
            solution=True,
            locked=False,
        ),
        _cell("q2-visible", "assert count_numbers('3 of 4') == 2", grade=True, points=1),
        _cell("q2-hidden", HIDDEN, grade=True, points=1),
    ]
    nbformat.write(nb, path)
    c = attacks.new_course(tmp / "course", NAME, timeout=20, solutions=solutions)
    root = c.root
    release = c.release(NAME)
    for student, nb in [("unchanged", release), ("solution", attacks.typed(nbformat.read(path, 4), release))]:
        c.submit(student, NAME, nb)
    run = course.grade(root, NAME, jobs=2)
    return release, root, {o.student: o.scores for o in run.outcomes}


def _source(nb: nbformat.NotebookNode, grade_id: str) -> str:
    return next(c.source for c in nb.cells if c.metadata.get("nbgrader", {}).get("grade_id") == grade_id)


def test_a_released_code_answer_is_valid_code_that_says_it_is_not_done(released):
    stub = _source(released[0], "q2-answer")
    compile(stub, "q2-answer", "exec")  # a SyntaxError here is every student's first error
    assert "raise NotImplementedError()" in stub and "highlights" not in stub


def test_a_released_highlight_answer_still_uses_the_highlights(released):
    stub = _source(released[0], f"{NAME}-q1-answer")
    assert stub.startswith("answer_q1 = None  # None: use your saved highlights\n")
    assert "leave None to use your highlights" in stub and "NotImplementedError" not in stub


def test_the_code_question_grades_none_unanswered_and_full_when_solved(released):
    _, root, scores = released
    assert scores["unchanged"] == pytest.approx({f"{NAME}-q1-test": 0.0, "q2-visible": 0.0, "q2-hidden": 0.0})
    assert scores["solution"] == pytest.approx({f"{NAME}-q1-test": 3.0, "q2-visible": 1.0, "q2-hidden": 1.0})
    nb = nbformat.read(root / "autograded" / "unchanged" / NAME / f"{NAME}.ipynb", as_version=4)
    said = {
        c.metadata.get("nbgrader", {}).get("grade_id"): [o.get("ename") for o in c.get("outputs", [])] for c in nb.cells
    }
    assert said["q2-answer"] == [] and said["q2-visible"] == ["NotImplementedError"]  # not a SyntaxError above
