"""An extension (or a new due date) given after grading reaches the grades at the next `course grade`.

instr23: a hand-in 21.5 hours late, graded with the late penalty `zero`; the instructor then gave the student two
days, as course/grading.md says (`Gradebook.update_or_create_submission(ID, STUDENT, extension=...)`), and ran
`medialit course grade ID` again. It said `nothing to grade; 4 already graded` and `nbgrader export` still gave
the student 0 (penalty -4.88). A real course, real nbgrader, ex03.
"""

from __future__ import annotations

from datetime import timedelta

import attacks
import pytest
from attacks import cell

from medialit.instructor import course

pytestmark = [pytest.mark.nbgrader, pytest.mark.slow]

EX03 = "ex03-framing"


def _total(root, student: str) -> float:
    return {r["student"]: r["total"] for r in course.scores_table(root, EX03)}[student]


def test_an_extension_given_after_grading_lifts_the_late_penalty_at_the_next_grade(course_root):
    c = attacks.new_course(course_root, EX03, timeout=6)
    done = course.nbgrader(c.root, "db", "assignment", "add", EX03, "--duedate=2026-11-23 12:00:00 UTC")
    assert done.returncode == 0, done.stderr
    with (c.root / "nbgrader_config.py").open("a", encoding="utf-8") as config:
        config.write('\nc.LateSubmissionPlugin.penalty_method = "zero"\n')
    nb = c.release(EX03)
    cell(nb, "ex03-q1-answer").source = "answer_q1 = ['skirmish', 'war', 'waging', 'all-out war']"
    c.submit("fay", EX03, nb)  # SmallCourse.stamp: 2026-11-24 08:00, 20 hours late

    course.grade(c.root, EX03, jobs=1)
    assert _total(c.root, "fay") == 0  # late, penalty "zero"

    with course.gradebook(course.db_url(c.root)) as gb:
        gb.update_or_create_submission(EX03, "fay", extension=timedelta(days=2))
    run = course.grade(c.root, EX03, jobs=1)
    assert [o.student for o in run.outcomes] == ["fay"], run.skipped  # skipped before: nothing to grade
    assert run.redated == ["fay"]
    assert _total(c.root, "fay") > 0

    run = course.grade(c.root, EX03, jobs=1)  # nothing changed since: skipped again
    assert run.outcomes == [] and run.skipped == ["fay"]


def test_an_extension_is_kept_and_counted_in_a_postgresql_gradebook(tmp_path, nbgrader_env):
    """The private gradebook a job grades in was copied out of PostgreSQL without the students' submissions, so
    the job counted lateness from the bare due date, and the merge then wrote its submission, extension None,
    over the course's (instr23)."""
    from postgres_server import postgres_database

    with postgres_database() as url:
        c = attacks.new_course(tmp_path / "course", timeout=6)
        with (c.root / "nbgrader_config.py").open("a", encoding="utf-8") as config:
            config.write(f"\nc.CourseDirectory.db_url = {url!r}\n")
            config.write('c.LateSubmissionPlugin.penalty_method = "zero"\n')
        course.release(c.root, EX03)
        done = course.nbgrader(c.root, "db", "assignment", "add", EX03, "--duedate=2026-11-23 12:00:00 UTC")
        assert done.returncode == 0, done.stderr
        nb = c.release(EX03)
        cell(nb, "ex03-q1-answer").source = "answer_q1 = ['skirmish', 'war', 'waging', 'all-out war']"
        c.submit("fay", EX03, nb)  # 20 hours late
        with course.gradebook(url) as gb:
            gb.update_or_create_student("fay")
            gb.update_or_create_submission(EX03, "fay", extension=timedelta(days=2))  # given before grading

        course.grade(c.root, EX03, jobs=1)

        with course.gradebook(url) as gb:
            sub = gb.find_submission(EX03, "fay")
            assert (sub.extension, sub.late_submission_penalty) == (timedelta(days=2), 0)
        assert _total(c.root, "fay") > 0
