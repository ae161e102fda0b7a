"""A student removed from the gradebook (dropped the course) is named when generate_feedback stops on their copy.

instr23: `nbgrader db student remove lazy --force` and their folder moved out of submitted/, as course/grading.md
says; `nbgrader generate_feedback ID` then stopped on autograded/lazy/ID with a 90-line traceback ending
`MissingEntry: No such taskcomment ... for lazy` and exit 1. A real course, the real nbgrader commands.
"""

from __future__ import annotations

import shutil

import attacks
import pytest

from medialit.instructor import course

pytestmark = [pytest.mark.nbgrader, pytest.mark.slow]

EX03 = "ex03-framing"


def test_generate_feedback_names_a_dropped_students_copy_and_what_to_do(course_root, tmp_path):
    c = attacks.new_course(course_root, EX03, timeout=6)
    for student in ("hal", "ida"):
        c.submit(student, EX03, c.release(EX03))
    course.grade(c.root, EX03, jobs=1)
    done = course.nbgrader(c.root, "db", "student", "remove", "ida", "--force")
    assert done.returncode == 0, done.stderr
    shutil.move(c.root / "submitted" / "ida", tmp_path / "ida")

    done = course.nbgrader(c.root, "generate_feedback", EX03)
    said = [line for line in done.stderr.splitlines() if "ida: not in the gradebook" in line]
    assert len(said) == 1, done.stderr[-2000:]
    assert f"autograded/ida/{EX03}" in said[0] and "move" in said[0], said
    assert (c.root / "feedback" / "hal" / EX03 / f"{EX03}.html").is_file()  # the others get their pages
