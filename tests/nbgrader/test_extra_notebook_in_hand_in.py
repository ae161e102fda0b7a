"""A hand-in with a notebook the assignment does not have (JupyterLab's File > Duplicate) still gets its feedback.

instr23: a student handed in `ex03-framing.ipynb` beside `ex03-framing-Copy1.ipynb`. `course grade` graded the
released name and copied every file of the hand-in into `autograded/`, the copy too; `nbgrader generate_feedback`
then read the copy as a notebook of the assignment, stopped on it with a traceback (`MissingEntry: No such
taskcomment`) and gave that student no feedback page. Plain `nbgrader autograde` leaves such a notebook out of
`autograded/` ("Skipping unknown notebook"). A real course, the real nbgrader commands.
"""

from __future__ import annotations

import attacks
import pytest
from attacks import nb_path

from medialit.instructor import course

pytestmark = [pytest.mark.nbgrader, pytest.mark.slow]

EX03 = "ex03-framing"


def test_a_copy_of_the_notebook_in_the_hand_in_does_not_stop_the_students_feedback(course_root):
    c = attacks.new_course(course_root, EX03, timeout=6)
    c.submit("erin", EX03, c.release(EX03))
    handed_in = nb_path(c.root / "submitted" / "erin", EX03)
    copy = handed_in.with_name(f"{EX03}-Copy1.ipynb")
    copy.write_bytes(handed_in.read_bytes())

    course.grade(c.root, EX03, jobs=1)
    assert not (c.root / "autograded" / "erin" / EX03 / copy.name).exists()  # as plain autograde leaves it out
    assert copy.is_file()  # the hand-in itself is untouched

    done = course.nbgrader(c.root, "generate_feedback", EX03)
    assert done.returncode == 0, done.stderr[-1500:]
    assert "Traceback" not in done.stderr, done.stderr[-1500:]
    assert (c.root / "feedback" / "erin" / EX03 / f"{EX03}.html").is_file()
