"""A regrade that fails keeps the hand grades a person gave: the FAILED line says so, and what the gradebook counts.

instr24: a written answer graded by hand (1.5 points), then the student handed in again and the new hand-in could
not be read. `course grade` printed "FAILED sol: ... (scored 0; ...)" while the gradebook, its export and
grades.csv gave sol 1.5 points: the hand grade of the earlier hand-in, with every score of grading at 0 (nothing
of the new grading mixed in). A real course, real nbgrader.
"""

from __future__ import annotations

import attacks
import pytest
from attacks import nb_path

from medialit.cli import main
from medialit.instructor import course

pytestmark = [pytest.mark.nbgrader, pytest.mark.slow]

EX03 = "ex03-framing"


def test_a_failed_regrade_says_the_hand_grades_it_kept(course_root, capsys):
    c = attacks.graded_solution(course_root, EX03, "sol")
    with course.gradebook(course.db_url(c.root)) as gb:
        grade = gb.find_grade("ex03-q2-answer", EX03, EX03, "sol")
        grade.manual_score, grade.needs_manual_grade = 1.5, False  # as the formgrader saves it
        gb.db.commit()
    nb_path(c.root / "submitted" / "sol", EX03).write_bytes(b"\xff\xfe not a notebook")  # handed in again, broken
    (c.root / "submitted" / "sol" / EX03 / "timestamp.txt").write_text("2026-11-25 08:00:00.000000 UTC")

    capsys.readouterr()
    assert main(["course", "grade", EX03, "--course", str(c.root)]) == 1
    said = capsys.readouterr().out
    line = next(x for x in said.splitlines() if x.startswith("FAILED sol:"))
    assert "scored 0;" not in line, line  # the gradebook does not say 0
    assert "0 points from grading; hand grades kept from an earlier grading: ex03-q2-answer 1.5" in line, line
    assert "the gradebook's total is 1.5" in line, line
    with course.gradebook(course.db_url(c.root)) as gb:  # nothing graded now mixed with the earlier hand grade
        grades = {g.name: (g.auto_score, g.manual_score) for nb in gb.find_submission(EX03, "sol").notebooks
                  for g in nb.grades}  # fmt: skip
    assert grades["ex03-q2-answer"] == (0.0, 1.5)
    assert all(auto == 0.0 and hand is None for name, (auto, hand) in grades.items() if name != "ex03-q2-answer")
    total = {r["student"]: r["total"] for r in course.scores_table(c.root, EX03)}
    assert total["sol"] == pytest.approx(1.5)
