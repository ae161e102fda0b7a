"""Three paths of ``medialit course grade`` the session course never takes: a merge the database refuses,
a late penalty, and a machine where the sandbox cannot run.

Each test grades its own copy of one small real course (``medialit course init``, ex01 and the probe
assignment released by the real ``nbgrader generate_assignment``). Nothing of medialit or nbgrader is
patched: the refused merge is refused by the gradebook itself (an SQLite trigger, as a database
administrator would lock the grades of a student whose appeal is pending), and the sandbox fails
because the grading process really lacks what bubblewrap needs.
"""

from __future__ import annotations

import csv
import json
import os
import shutil
import sqlite3
import subprocess
import tempfile
from pathlib import Path
from queue import Queue

import attacks
import nbformat
import pytest
from attacks import EX01, PROBE, answer_cells, cell, nb_path, solution_source

from medialit.cli.course import summary
from medialit.instructor import course
from medialit.instructor import gradebook as books
from medialit.instructor.batch import GradeRun, _Job, hidden_checks

pytestmark = [pytest.mark.nbgrader, pytest.mark.slow]

REPO = Path(__file__).resolve().parents[2]
ON_TIME, LATE = "2026-11-24 08:00:00.000000 UTC", "2026-11-27 08:00:00.000000 UTC"
DUE = "2026-11-25 12:00:00 UTC"


class Small(attacks.SmallCourse):
    """The released course; a hand-in is late unless a time is given."""

    stamp = LATE

    def q1_only(self) -> nbformat.NotebookNode:
        """ex01 with only q1 answered, as the model answer: 3 of 10 points."""
        return answer_cells(self, EX01, **{"ex01-q1-answer": solution_source(self.source(EX01), "ex01-q1-answer")})


@pytest.fixture(scope="module")
def template(tmp_path_factory, nbgrader_env) -> Path:
    return attacks.new_course(tmp_path_factory.mktemp("paths") / "course", EX01, PROBE, timeout=6, probe=True).root


@pytest.fixture
def small(template, tmp_path) -> Small:
    root = tmp_path / "course"
    shutil.copytree(template, root, symlinks=True)
    return Small(root)


def cli(medialit_command: list[str], *args: str, prefix: tuple[str, ...] = ()) -> subprocess.CompletedProcess:
    return subprocess.run([*prefix, *medialit_command, *args], capture_output=True, text=True, timeout=600)


def totals(root: Path, assignment: str = EX01) -> dict[str, float]:
    return {row["student"]: row["total"] for row in course.scores_table(root, assignment)}


# ---------------------------------------------------------------- 1. a merge the gradebook refuses

FROZEN = "bert"
LOCK = """
CREATE TRIGGER appeal_lock BEFORE UPDATE ON grade
WHEN (SELECT sa.student_id FROM submitted_notebook sn JOIN submitted_assignment sa ON sa.id = sn.assignment_id
      WHERE sn.id = OLD.notebook_id) = '{student}' {only_here}
BEGIN SELECT RAISE(ABORT, 'grades of {student} are locked (appeal pending)'); END
"""
HERE = "AND (SELECT file FROM pragma_database_list WHERE name = 'main') = '{path}'"


def lock(root: Path, on: bool, every_copy: bool = False) -> None:
    """The gradebook refuses every change to the frozen student's grades (or no longer does).

    A job grades into a copy of the course gradebook taken when grading starts: the lock is copied with it
    (``every_copy``: nbgrader's own autograde is refused in the job), or holds only in the course's file, as
    a lock taken after that copy would (the job grades, the merge into the course gradebook is refused).
    """
    path = (root / "gradebook.db").resolve()
    only_here = "" if every_copy else HERE.format(path=path)
    with sqlite3.connect(path) as db:
        db.execute(LOCK.format(student=FROZEN, only_here=only_here) if on else "DROP TRIGGER appeal_lock")


def rows_of(root: Path, student: str) -> list[tuple]:
    """Every grade row of one student in the course gradebook, read with plain SQL (not through nbgrader)."""
    query = (
        "SELECT g.auto_score, g.manual_score, g.needs_manual_grade FROM grade g "
        "JOIN submitted_notebook sn ON g.notebook_id = sn.id "
        "JOIN submitted_assignment sa ON sn.assignment_id = sa.id WHERE sa.student_id = ?"
    )
    with sqlite3.connect(root / "gradebook.db") as db:
        return db.execute(query, (student,)).fetchall()


def three_students(small: Small) -> None:
    small.submit("alice", EX01, attacks.solved(small, EX01))  # 10 points
    small.submit(FROZEN, EX01, attacks.solved(small, EX01))
    small.submit("carol", EX01, small.q1_only())  # 3 points


def assert_frozen_student_left_nothing_half_written(root: Path) -> None:
    assert all(auto in (None, 0.0) and manual is None for auto, manual, _ in rows_of(root, FROZEN))
    assert all(not needs for _, _, needs in rows_of(root, FROZEN)), "a refused merge must not ask for hand grading"
    assert not (root / "autograded" / FROZEN / EX01).exists(), "feedback would contradict the gradebook"


@pytest.mark.parametrize("every_copy", [False, True], ids=["course-gradebook", "every-copy"])
def test_a_student_the_gradebook_refuses_fails_alone_and_a_rerun_grades_it(small, medialit_command, every_copy):
    three_students(small)
    lock(small.root, True, every_copy)
    done = cli(medialit_command, "course", "grade", EX01, "--jobs", "1", "--course", str(small.root))
    assert "Traceback" not in done.stderr, done.stderr[-3000:]
    assert done.returncode == 1, done.stdout + done.stderr[-2000:]
    lines = done.stdout.splitlines()
    assert "alice: 10 points" in lines and any(line.startswith("carol: 3 points") for line in lines), done.stdout
    (failed,) = [line for line in lines if line.startswith(f"FAILED {FROZEN}: ")]
    assert "grades of bert are locked (appeal pending)" in failed and "[SQL" not in failed
    assert failed.endswith(
        f"(scored 0; no feedback page for {FROZEN}: give them this reason yourself, or fix the "
        f"cause and run `medialit course grade {EX01}` again)"
    )

    total = totals(small.root)
    assert total["alice"] == 10.0 and total["carol"] == 3.0 and total.get(FROZEN, 0.0) == 0.0
    assert_frozen_student_left_nothing_half_written(small.root)
    written = course.write_csv(course.scores_table(small.root, EX01), small.root / "grades.csv")
    status = {r["student"]: r["status"] for r in csv.DictReader(written.open(encoding="utf-8"))}
    assert status["alice"] == "graded" and not status["carol"].startswith("failed")
    assert status[FROZEN].startswith("failed: ") and "grades of bert are locked" in status[FROZEN]

    lock(small.root, False)  # the appeal is settled: the next run grades the student it could not merge
    again = cli(medialit_command, "course", "grade", EX01, "--course", str(small.root))
    assert again.returncode == 0, again.stdout + again.stderr[-2000:]
    assert f"{FROZEN}: 10 points" in again.stdout.splitlines()
    assert "2 already graded, skipped" in again.stdout
    assert totals(small.root) == {"alice": 10.0, FROZEN: 10.0, "carol": 3.0}


@pytest.mark.parametrize("where", ["middle", "last"])
def test_a_refused_student_in_a_merged_batch_is_rolled_back_alone(small, where):
    """All three lines arrive at once, so they are merged in one transaction (``_Job.finish_many``, as in
    ``grade``): the refused student is the middle one (the refusal comes while merging the next student)
    or the last (it comes at the commit). The lock holds in the course gradebook only, so the job grades all
    three; the other two must be merged, the refused one failed."""
    three_students(small)
    lock(small.root, True)
    url = books.db_url(small.root)
    with tempfile.TemporaryDirectory() as tmp, books.gradebook(url) as main:
        first = books.snapshot(small.root, url, EX01, Path(tmp) / "gradebook.db")
        run = GradeRun(EX01, [], [])
        job = _Job(small.root, EX01, first, Path(tmp), run, hidden_checks(small.root, EX01), main)
        lines: Queue = Queue()
        process, log, reader = job._start(["alice", FROZEN, "carol"], lines)  # one real worker grades all three
        assert process.wait(timeout=600) == 0
        reader.join(timeout=60)
        log.close()
        arrived = {x["student"]: x for x in [lines.get() for _ in range(lines.qsize())]}
        order = ["alice", FROZEN, "carol"] if where == "middle" else ["alice", "carol", FROZEN]
        job.finish_many([arrived[s] for s in order])
        job.close()
    outcome = {o.student: o for o in run.outcomes}
    assert outcome["alice"].ok and sum(outcome["alice"].scores.values()) == 10.0
    assert outcome["carol"].ok and sum(outcome["carol"].scores.values()) == 3.0
    assert not outcome[FROZEN].ok and "grades of bert are locked" in outcome[FROZEN].message
    assert "\n" not in outcome[FROZEN].status
    assert totals(small.root)["alice"] == 10.0 and totals(small.root)["carol"] == 3.0
    assert_frozen_student_left_nothing_half_written(small.root)


# ---------------------------------------------------------------- 2. late penalty

ONE_POINT = '''
from nbgrader.plugins import LateSubmissionPlugin


class OnePointLate(LateSubmissionPlugin):
    """A course's own rule: one point off a late notebook."""

    def late_submission_penalty(self, student_id, score, total_seconds_late):
        return 1.0


c.AssignLatePenalties.plugin_class = OnePointLate
'''
PENALTIES = {
    "zero": ('\nc.LateSubmissionPlugin.penalty_method = "zero"\n', {"late": 10.0, "late-q1": 3.0}),
    "plugin": (ONE_POINT, {"late": 1.0, "late-q1": 1.0}),
}


def nbgrader_export(root: Path) -> dict[str, dict[str, str]]:
    """Plain ``nbgrader export``: its grades.csv by student id."""
    done = course.nbgrader(root, "export", "--to", str(root / "nbgrader-grades.csv"))
    assert done.returncode == 0, done.stderr[-2000:]
    with (root / "nbgrader-grades.csv").open(encoding="utf-8") as handle:
        return {row["student_id"]: row for row in csv.DictReader(handle) if row["assignment"] == EX01}


@pytest.mark.parametrize("penalty", sorted(PENALTIES))
def test_a_late_submission_is_lowered_as_plain_nbgrader_lowers_it(small, tmp_path, penalty):
    config, penalties = PENALTIES[penalty]
    with (small.root / "nbgrader_config.py").open("a", encoding="utf-8") as handle:
        handle.write(config)
    done = course.nbgrader(small.root, "db", "assignment", "add", EX01, f"--duedate={DUE}")
    assert done.returncode == 0, done.stderr[-2000:]
    small.submit("late", EX01, attacks.solved(small, EX01), LATE)
    small.submit("late-q1", EX01, small.q1_only(), LATE)
    small.submit("on-time", EX01, attacks.solved(small, EX01), ON_TIME)
    plain = tmp_path / "plain"  # the very same course and submissions, for plain nbgrader
    shutil.copytree(small.root, plain, symlinks=True)

    run = course.grade(small.root, EX01, jobs=2)
    assert not run.failed
    rows = {row["student"]: row for row in course.scores_table(small.root, EX01)}
    assert rows["on-time"]["status"] == "graded" and rows["on-time"]["total"] == 10.0
    lines = {o.student: summary(o) for o in run.outcomes}
    for student, lowered in penalties.items():
        assert rows[student]["status"].startswith(f"score lowered: late penalty -{lowered:g}"), rows[student]
        # instructor16: the summary said the points before the penalty ('late: 10 points; score lowered: ...')
        assert lines[student].startswith(f"{student}: {rows[student]['total']:g} points; "), lines

    done = course.nbgrader(plain, "autograde", EX01)
    assert done.returncode == 0, done.stderr[-2000:]
    exported = nbgrader_export(plain)
    for student, row in rows.items():
        assert float(exported[student]["late_submission_penalty"]) == pytest.approx(penalties.get(student, 0.0))
        assert row["total"] == pytest.approx(float(exported[student]["score"])), student
    ours = nbgrader_export(small.root)  # and nbgrader's own export of medialit's gradebook says the same
    assert {s: ours[s]["score"] for s in rows} == {s: exported[s]["score"] for s in rows}


# ---------------------------------------------------------------- 3. no sandbox

NO_NAMESPACES = ("setpriv", "--bounding-set=-sys_admin", "--inh-caps=-sys_admin")
"""Run as root without CAP_SYS_ADMIN (as in a default Docker container): bubblewrap cannot make its namespaces."""


def probe_report(root: Path, student: str) -> dict[str, str]:
    nb = nbformat.read(nb_path(root / "autograded" / student, PROBE), as_version=4)
    text = "".join(o.get("text", "") for o in cell(nb, "probe-answer").outputs)
    (line,) = [x for x in text.splitlines() if x.startswith("PROBE ")]
    return json.loads(line.removeprefix("PROBE "))


def printed(root: Path, student: str) -> str:
    nb = nbformat.read(nb_path(root / "autograded" / student, PROBE), as_version=4)
    return "".join(o.get("text", "") for c in nb.cells if c.cell_type == "code" for o in c.get("outputs", []))


@pytest.mark.skipif(os.geteuid() != 0, reason="takes CAP_SYS_ADMIN from a root grader; other users keep it")
def test_without_a_sandbox_code_tests_run_with_the_graders_rights_and_both_commands_say_so(small, medialit_command):
    config = small.root / "nbgrader_config.py"  # keep what ran after a hidden test in autograded/ (leak22), to read it
    config.write_text(config.read_text().replace("SHOW_HIDDEN_TESTS = False", "SHOW_HIDDEN_TESTS = True"))
    small.submit("solution", PROBE, attacks.solved(small, PROBE))
    nb = answer_cells(
        small, PROBE, **{"probe-answer": attacks.PROBE_CODE.format(root=str(small.root), secret=attacks.GRADER_SECRET)}
    )
    nb.cells.append(nbformat.v4.new_code_cell("print('KEY visible:', 'KEY' in globals())"))
    small.submit("probe", PROBE, nb)
    small.submit("wrong", PROBE, answer_cells(small, PROBE, **{"probe-answer": "answer = 41"}))

    doctor = cli(medialit_command, "doctor", prefix=NO_NAMESPACES)
    (isolation,) = [line for line in doctor.stdout.splitlines() if "grading isolation" in line]
    assert isolation.startswith("!! grading isolation: bubblewrap cannot run here (") and doctor.returncode == 1
    assert "apt-get install -y bubblewrap" in isolation

    done = cli(medialit_command, "course", "grade", PROBE, "--course", str(small.root), prefix=NO_NAMESPACES)
    assert done.returncode == 0, done.stdout + done.stderr[-3000:]
    warnings = [line for line in done.stdout.splitlines() if line.startswith("WARNING")]
    documented = (REPO / "course" / "grading.md").read_text(encoding="utf-8")
    assert len(warnings) == 1 and warnings[0] in " ".join(documented.split()), warnings
    assert "bubblewrap" in warnings[0] and "medialit doctor" in warnings[0]
    assert "solution: 4 points" in done.stdout and "probe: 1 point" in done.stdout and "1 points" not in done.stdout
    assert "wrong: 0 points" in done.stdout
    # the instructor's code test really ran, with the grader's rights (nothing else could read source/) ...
    assert probe_report(small.root, "probe")["read source"] == "DONE"
    # ... yet the medialit test cells were blanked before it started: the kernel never held a key
    assert "KEY visible: False" in printed(small.root, "probe")


# ---------------------------------------------------------------- an instructor's typo in a hidden test


def test_an_item_id_mistyped_in_a_hidden_test_is_named_by_grade_and_report(small, medialit_command):
    """instr19: a hidden test whose item id has a typo (an instructor editing the source notebook) made `course
    grade` say the key "does not fit ex01-2's article: restore the article", and `course report` list every item of
    the kit. Both now name the cell and the id, suggest the right one, and write nothing."""
    small.submit("ann", EX01, small.q1_only())
    assert cli(medialit_command, "course", "grade", EX01, "--course", str(small.root)).returncode == 0
    path = small.root / "source" / EX01 / f"{EX01}.ipynb"
    nb = nbformat.read(path, as_version=4)
    cell(nb, "ex01-q2-test").source = cell(nb, "ex01-q2-test").source.replace('grade("ex01-q2"', 'grade("ex01-2"')
    nbformat.write(nb, path)
    said = "the hidden test in ex01-q2-test of ex01-attribution.ipynb names no exercise item 'ex01-2' (did you mean "
    for command, ends in ((["grade", "--force"], "nothing was graded"), (["report"], "no report written")):
        done = cli(medialit_command, "course", *command[:1], EX01, *command[1:], "--course", str(small.root))
        assert done.returncode == 2 and "Traceback" not in done.stderr, done.stderr[-2000:]
        (line,) = done.stderr.strip().splitlines()
        assert said + "ex01-q2?)" in line and line.endswith(ends) and "article" not in line, line
    assert totals(small.root) == {"ann": 3.0}  # the earlier grading stands
    assert not (small.root / "reports" / EX01).exists()


# ---------------------------------------------------------------- no feedback page, said aloud


def test_a_student_whose_grading_failed_is_named_by_grade_and_by_the_feedback_step(small, medialit_command):
    """instr20: a hand-in that cannot be graded gets 0 and no autograded notebook, so `nbgrader generate_feedback`
    made pages for everyone else and passed the student over without a word. `course grade` now says in the
    student's line that no feedback page comes and what to do; the feedback step names the student once, with why."""
    small.submit("ann", EX01, attacks.solved(small, EX01))
    small.submit("cat", EX01, small.release(EX01))
    nb_path(small.root / "submitted" / "cat", EX01).write_text("{not json", encoding="utf-8")
    done = cli(medialit_command, "course", "grade", EX01, "--course", str(small.root))
    assert done.returncode == 1 and "Traceback" not in done.stderr, done.stdout + done.stderr[-2000:]
    (failed,) = [line for line in done.stdout.splitlines() if line.startswith("FAILED cat: ")]
    assert "not a valid notebook" in failed and "no feedback page for cat: give them this reason yourself" in failed
    assert f"run `medialit course grade {EX01}` again" in failed

    feedback = course.nbgrader(small.root, "generate_feedback", EX01)
    assert feedback.returncode == 0 and "Traceback" not in feedback.stderr, feedback.stderr[-3000:]
    assert (small.root / "feedback" / "ann" / EX01 / f"{EX01}.html").is_file()
    assert not (small.root / "feedback" / "cat").exists()
    named = [line for line in feedback.stderr.splitlines() if "no feedback page" in line]
    assert len(named) == 1 and "WARNING] cat: no feedback page for " + EX01 in named[0], feedback.stderr[-3000:]
    assert "not a valid notebook" in named[0] and f"`medialit course grade {EX01}` again" in named[0]
    # feedback20: nbgrader's feedback steps in the course config no longer log a config warning at every run
    assert "not recognized" not in feedback.stderr, feedback.stderr[-3000:]
    alone = course.nbgrader(small.root, "generate_feedback", EX01, "--student", "ann", "--force")
    assert alone.returncode == 0 and "no feedback page" not in alone.stderr  # only the students asked for

    # feedback20: asked for cat alone, nbgrader matches no notebook and runs no feedback step; cat is named anyway
    only = course.nbgrader(small.root, "generate_feedback", EX01, "--student", "cat")
    lines = only.stderr.splitlines()
    assert only.returncode == 1 and "Traceback" not in only.stderr, only.stderr[-3000:]
    assert len(lines) == 2 and "No notebooks were matched" in lines[0], only.stderr[-3000:]
    assert "WARNING] cat: no feedback page for " + EX01 + ", as grading it failed" in lines[1]
    assert f"`medialit course grade {EX01}` again" in lines[1]


def test_when_every_hand_in_failed_the_feedback_step_names_each_student(small, medialit_command):
    """feedback20: with no autograded notebook at all, `nbgrader generate_feedback` said only "No notebooks were
    matched", as if nobody had handed in; it now names each student and what to do, and nothing else."""
    for student in ("cat", "dan"):
        small.submit(student, EX01, small.release(EX01))
        nb_path(small.root / "submitted" / student, EX01).write_text("{not json", encoding="utf-8")
    done = cli(medialit_command, "course", "grade", EX01, "--course", str(small.root))
    assert done.returncode == 1 and done.stdout.count("FAILED ") == 2, done.stdout + done.stderr[-2000:]

    feedback = course.nbgrader(small.root, "generate_feedback", EX01)
    assert feedback.returncode == 1 and "Traceback" not in feedback.stderr, feedback.stderr[-3000:]
    lines = feedback.stderr.splitlines()
    assert "ERROR] No notebooks were matched by " in lines[0], feedback.stderr[-3000:]
    assert [line.split("] ", 1)[1].split(":", 1)[0] for line in lines[1:]] == ["cat", "dan"], feedback.stderr
    for line in lines[1:]:
        assert "WARNING]" in line and f"no feedback page for {EX01}, as grading it failed" in line, line
        assert "not a valid notebook" in line and f"run `medialit course grade {EX01}` again" in line, line
    assert not any((small.root / "feedback").iterdir())  # course init made it, empty (leak24)
