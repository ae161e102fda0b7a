"""The instructor's loop around the formgrader, without a browser: init, regrade, hand grades, feedback, exchange.

(The browser drives the same loop in tests/browser/test_formgrader_browser.py.)
"""

from __future__ import annotations

import os
import re
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from medialit.instructor import course
from medialit.instructor.gradebook import exchange_root

pytestmark = [pytest.mark.nbgrader, pytest.mark.slow]

REPO = Path(__file__).resolve().parents[2]
EX01, EX03 = "ex01-attribution", "ex03-framing"


def test_init_makes_a_stamped_gradebook_so_nbgrader_needs_no_activated_venv(tmp_path):
    root = course.init(tmp_path / "course", REPO / "solutions")
    with sqlite3.connect(root / "gradebook.db") as db:
        (version,) = db.execute("SELECT version_num FROM alembic_version").fetchone()
    assert version
    nbgrader = str(Path(sys.executable).parent / "nbgrader")
    plain = {**os.environ, "PATH": "/usr/bin:/bin"}  # as from a terminal where the venv is not activated
    done = subprocess.run(
        [nbgrader, "generate_assignment", EX01], cwd=root, env=plain, capture_output=True, text=True, timeout=300
    )
    assert done.returncode == 0, done.stderr[-2000:]
    assert (root / "release" / EX01 / f"{EX01}.ipynb").is_file()
    assert (root / "exchange").is_dir()
    if not Path("/srv/nbgrader/exchange").is_dir() and not os.environ.get("MEDIALIT_EXCHANGE"):
        assert exchange_root(root) == root / "exchange"  # a laptop course: its own exchange


def grade_cli(medialit_command, root: Path, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [*medialit_command, "course", "grade", EX03, "--course", str(root), *args],
        capture_output=True,
        text=True,
        timeout=300,
    )


def test_grading_again_says_there_is_nothing_to_grade(graded, medialit_command):
    done = grade_cli(medialit_command, graded.root)
    assert done.returncode == 0, done.stderr
    said = done.stdout.strip()  # the key version graded with is named (instructor15)
    assert re.fullmatch(r"nothing to grade; 4 already graded with key [0-9a-f]{12} \(use --force\)", said), said


def hand_grade(root: Path, student: str, points: float, comment: str) -> None:
    with course.gradebook(course.db_url(root)) as gb:
        grade = gb.find_grade("ex03-q2-answer", EX03, EX03, student)
        grade.manual_score = points
        grade.needs_manual_grade = False  # as the formgrader's save does (nbgrader's GradeHandler.put)
        gb.find_comment("ex03-q2-answer", EX03, EX03, student).manual_comment = comment
        gb.db.commit()


def test_the_summary_says_what_waits_for_a_person_and_force_keeps_hand_grades(graded, medialit_command):
    done = grade_cli(medialit_command, graded.root, "--force")
    assert "solution: 6 points + 2 to grade by hand (ex03-q2-answer)" in done.stdout
    assert "typed-markers: 6 points + 2 to grade by hand (ex03-q2-answer)" in done.stdout  # attacks.ex03_submissions
    assert "to grade by hand in the formgrader: 2 submissions, 4 points" in done.stdout
    hand_grade(graded.root, "solution", 1.5, "Good picture; whose words?")
    done = grade_cli(medialit_command, graded.root, "--force")
    assert "solution: 7.5 points; hand grades kept: ex03-q2-answer" in done.stdout, done.stdout  # the total below
    with course.gradebook(course.db_url(graded.root)) as gb:
        grade = gb.find_grade("ex03-q2-answer", EX03, EX03, "solution")
        assert grade.manual_score == 1.5 and not grade.needs_manual_grade
        assert gb.find_comment("ex03-q2-answer", EX03, EX03, "solution").manual_comment.startswith("Good")
    total = {r["student"]: r["total"] for r in course.scores_table(graded.root, EX03)}
    assert total["solution"] == pytest.approx(7.5)


def test_the_rubric_is_never_in_feedback(graded):
    """The formgrader shows it (tests/nbgrader/test_keys_after_broken_config.py, the browser test): never written
    into the autograded notebook, from which feedback is made (leak23)."""
    graded_nb = (graded.root / "autograded" / "partial" / EX03 / f"{EX03}.ipynb").read_text(encoding="utf-8")
    assert "For the grader" not in graded_nb and "Rubric (2 points)" not in graded_nb
    done = course.nbgrader(graded.root, "generate_feedback", EX03, "--student", "partial", "--force")
    assert done.returncode == 0, done.stderr[-2000:]
    folder = graded.root / "feedback" / "partial" / EX03
    html = (folder / f"{EX03}.html").read_text(encoding="utf-8")
    assert "For the grader" not in html and "Rubric (2 points)" not in html
    assert sorted(p.name for p in folder.iterdir()) == [f"{EX03}.html", "submission_secret.txt", "timestamp.txt"]


def test_feedback_is_released_to_the_course_exchange(graded):
    done = course.nbgrader(graded.root, "generate_feedback", EX01, "--student", "partial", "--force")
    assert done.returncode == 0, done.stderr[-2000:]
    done = course.nbgrader(graded.root, "release_feedback", EX01, "--student", "partial")
    assert done.returncode == 0, done.stderr[-2000:]
    released = list((exchange_root(graded.root) / "medialit" / "feedback").glob("*.html"))
    assert released and "1.33 of 3 points" in released[0].read_text(encoding="utf-8")
