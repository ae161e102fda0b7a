"""The formgrader's note for the grader follows every answer graded by hand, not only a markdown one.

instr24: `rubric_notes` read the model answer and rubric of markdown answer cells only. A written answer an
instructor asks for in a code cell (nbgrader's *Manually graded answer* on a code cell: the student writes a
function, or a comment) opened in the formgrader with nothing below it, so the grader graded it without the
model answer that `source/` holds. A real course (ex03 with that cell added), real nbgrader, the formgrader's
exporter as nbgrader makes it.
"""

from __future__ import annotations

import html
import re

import attacks
import nbformat
import pytest
from attacks import GRADER_NOTE, nb_path
from nbformat.v4 import new_code_cell, new_markdown_cell

from medialit.instructor import course

pytestmark = [pytest.mark.nbgrader, pytest.mark.slow]

EX03 = "ex03-framing"
MODEL = "return [w for w in text.split() if w.istitle()]"
RUBRIC = "# Rubric (2 points): 1 for the names, 1 for leaving out sentence starts"


def _meta(grade_id: str, **more) -> dict:
    return {"nbgrader": {"grade": False, "solution": False, "locked": True, "schema_version": 3,
                         "grade_id": grade_id, **more}}  # fmt: skip


def test_a_code_answer_graded_by_hand_gets_its_model_answer_below_it(course_root):
    c = attacks.new_course(course_root)
    path = nb_path(c.root / "source", EX03)
    nb = nbformat.read(path, as_version=4)
    nb.cells += [
        new_markdown_cell("### q5 (2 points)\n\nWrite `names(text)`: the capitalised words.", metadata=_meta("q5")),
        new_code_cell(
            f"def names(text):\n    ### BEGIN SOLUTION\n    {RUBRIC}\n    {MODEL}\n    ### END SOLUTION",
            metadata=_meta("q5-answer", grade=True, solution=True, locked=False, points=2),
        ),
    ]
    nbformat.write(nb, path)
    course.release(c.root, EX03)
    released = c.release(EX03)
    answer = attacks.cell(released, "q5-answer")
    answer.source = "def names(text):\n    return text.split()"
    c.submit("gus", EX03, released)
    run = course.grade(c.root, EX03, jobs=1)
    assert run.outcomes[0].by_hand["q5-answer"] == 2.0, run.outcomes

    page = attacks.formgrader_page(c.root, nb_path(c.root / "autograded" / "gus", EX03), EX03)
    text = html.unescape(re.sub(r"<[^>]+>", "", page))  # the page as read: code is split into highlighting spans
    assert text.count(GRADER_NOTE) == 2, text  # ex03-q2-answer's and q5-answer's
    below = text[text.index("return text.split()") :]
    note = below[below.index(GRADER_NOTE) : below.index(GRADER_NOTE) + 400]
    assert MODEL in note and "Rubric (2 points)" in note and "BEGIN SOLUTION" not in note, note
    autograded = nb_path(c.root / "autograded" / "gus", EX03).read_text(encoding="utf-8")
    assert GRADER_NOTE not in autograded and MODEL not in autograded  # never where feedback is made from
