"""A student of the course who handed nothing in for an assignment is named by `course report`, with the 0 export gives.

instr24, a second assignment in one course: cal did ex01 but not the new exercise. `nbgrader export` gave cal
0 of 5 for it, while `course report`'s grades.csv and gradebook-import.csv left cal out and said nothing, so the
two files an instructor sends on disagreed without a word. A student on the roster (`nbgrader db student add`)
who never handed in is the same case. A real course, real nbgrader.
"""

from __future__ import annotations

import attacks
import pytest

from medialit.cli import main
from medialit.instructor import course

pytestmark = [pytest.mark.nbgrader, pytest.mark.slow]

EX03 = "ex03-framing"


def test_the_report_names_students_with_no_hand_in_and_the_zero_export_gives(course_root, capsys):
    c = attacks.graded_solution(course_root, EX03, "ann")
    done = course.nbgrader(c.root, "db", "student", "add", "cal")  # on the roster, or graded in another assignment
    assert done.returncode == 0, done.stderr

    capsys.readouterr()
    assert main(["course", "report", EX03, "--course", str(c.root)]) == 0
    said = capsys.readouterr().out
    assert (
        f"NOTE: cal: in the gradebook with no hand-in of {EX03}, so not in the report or its import file; "
        "`nbgrader export` gives them 0 of 8" in said
    ), said
    rows = (c.root / "reports" / EX03 / "grades.csv").read_text(encoding="utf-8").splitlines()
    assert [r.split(",")[0] for r in rows[1:]] == ["ann"]
