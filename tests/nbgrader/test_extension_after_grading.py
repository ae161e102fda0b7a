"""An extension (or a new due date) given after grading reaches the grades at the next `course grade`.

instr23: a hand-in 21.5 hours late, graded with the late penalty `zero`; the instructor then gave the student two
days, as course/grading.md says (`Gradebook.update_or_create_submission(ID, STUDENT, extension=...)`), and ran
`medialit course grade ID` again. It said `nothing to grade; 4 already graded` and `nbgrader export` still gave
the student 0 (penalty -4.88). A real course, real nbgrader, ex03.
"""

from __future__ import annotations

import json
from datetime import timedelta

import attacks
import pytest
from attacks import cell

from medialit.cli import main
from medialit.instructor import course

pytestmark = [pytest.mark.nbgrader, pytest.mark.slow]

EX03 = "ex03-framing"


def _total(root, student: str) -> float:
    return {r["student"]: r["total"] for r in course.scores_table(root, EX03)}[student]


def _give_two_days(root) -> None:
    """fay's extension, as course/grading.md says to give one: two days past the due date."""
    with course.gradebook(course.db_url(root)) as gb:
        gb.update_or_create_submission(EX03, "fay", extension=timedelta(days=2))


def _report(root, capsys) -> str:
    """What `medialit course report ex03-framing` prints (and it exits 0)."""
    capsys.readouterr()
    assert main(["course", "report", EX03, "--course", str(root)]) == 0
    return capsys.readouterr().out


def _course_due(course_root) -> attacks.SmallCourse:
    """A course with ex03 released and due 2026-11-23 12:00 UTC (``SmallCourse.submit`` stamps a day later)."""
    c = attacks.new_course(course_root, EX03, timeout=6)
    done = course.nbgrader(c.root, "db", "assignment", "add", EX03, "--duedate=2026-11-23 12:00:00 UTC")
    assert done.returncode == 0, done.stderr
    return c


def _late_hand_in(course_root) -> attacks.SmallCourse:
    """fay's answered ex03, handed in 20 hours late (2026-11-24 08:00) in a course whose late penalty is "zero"."""
    c = _course_due(course_root)
    with (c.root / "nbgrader_config.py").open("a", encoding="utf-8") as config:
        config.write('\nc.LateSubmissionPlugin.penalty_method = "zero"\n')
    nb = c.release(EX03)
    cell(nb, "ex03-q1-answer").source = "answer_q1 = ['skirmish', 'war', 'waging', 'all-out war']"
    c.submit("fay", EX03, nb)
    return c


def test_an_extension_given_after_grading_lifts_the_late_penalty_at_the_next_grade(course_root):
    c = _late_hand_in(course_root)

    course.grade(c.root, EX03, jobs=1)
    assert _total(c.root, "fay") == 0  # late, penalty "zero"

    _give_two_days(c.root)
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


def _forget_deadline(root, student: str) -> None:
    """The record a medialit from before f73c7e4 wrote: no 'deadline' in .medialit/graded/ID/STUDENT.json."""
    path = root / ".medialit" / "graded" / EX03 / f"{student}.json"
    record = json.loads(path.read_text(encoding="utf-8"))
    del record["deadline"]
    path.write_text(json.dumps(record), encoding="utf-8")


def test_a_student_graded_before_deadlines_were_recorded_is_graded_again_and_the_report_says_so(course_root, capsys):
    """instr24: such a record was taken as graded with today's deadline; an extension given since was never counted
    (`nothing to grade; 1 already graded`, the 0 of the penalty kept) and `course report` said nothing of it."""
    c = _late_hand_in(course_root)
    course.grade(c.root, EX03, jobs=1)
    _forget_deadline(c.root, "fay")
    _give_two_days(c.root)

    said = _report(c.root, capsys)
    assert (
        f"WARNING: fay: graded before medialit recorded the due date and extension it counted, so the late penalty "
        f"may be an old one: run `medialit course grade {EX03}`" in said
    ), said

    assert main(["course", "grade", EX03, "--course", str(c.root)]) == 0
    said = capsys.readouterr().out
    assert "graded before medialit recorded due dates and extensions: graded again (fay)" in said, said
    assert _total(c.root, "fay") > 0
    assert "WARNING" not in _report(c.root, capsys)


def test_the_report_warns_of_an_extension_given_since_grading(course_root, capsys):
    c = _course_due(course_root)
    c.submit("fay", EX03, c.release(EX03))  # 20 hours late
    course.grade(c.root, EX03, jobs=1)
    _give_two_days(c.root)
    said = _report(c.root, capsys)
    assert (
        f"WARNING: fay: the due date or an extension changed since graded, so the late penalty is the old one: run "
        f"`medialit course grade {EX03}`" in said
    ), said
