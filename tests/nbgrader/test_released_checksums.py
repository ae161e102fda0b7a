"""A test cell handed in exactly as released is not "changed"; one a student edited still is.

nbgrader 0.9 saves a test cell's checksum before it clears the hidden tests, so plain ``nbgrader autograde``
of a notebook copied unchanged from release/ warned "Attribute 'checksum' for cell ex01-qN-test has changed!"
four times (instr21; jupyter/nbgrader#1961), and a student's real edit was one warning among them. A real
course, the real nbgrader commands.
"""

from __future__ import annotations

import shutil

import attacks
import nbformat
import pytest
from attacks import EX01, nb_path

from medialit.instructor import course

pytestmark = [pytest.mark.nbgrader, pytest.mark.slow]

CHANGED = "has changed!"


def test_hand_in_as_released_is_not_changed(course_root):
    root = attacks.new_course(course_root, EX01, timeout=6).root
    for student in ("alice", "bob"):
        shutil.copytree(root / "release" / EX01, root / "submitted" / student / EX01)
    edited = nb_path(root / "submitted" / "bob", EX01)
    nb = nbformat.read(edited, as_version=4)
    test = next(c for c in nb.cells if c.metadata.get("nbgrader", {}).get("grade_id") == "ex01-q1-test")
    test.source += "  # mine"
    nbformat.write(nb, edited)

    alice = course.nbgrader(root, "autograde", EX01, "--student", "alice")
    assert alice.returncode == 0, alice.stderr
    assert CHANGED not in alice.stderr, alice.stderr  # four warnings before

    bob = course.nbgrader(root, "autograde", EX01, "--student", "bob")
    assert bob.returncode == 0, bob.stderr
    said = [line for line in bob.stderr.splitlines() if CHANGED in line]
    assert len(said) == 1 and "ex01-q1-test" in said[0], bob.stderr
    # the edited cell was graded as the source has it; the autograded copy keeps the released part only, as
    # the course config's autograde ends with KeysOutOfAutograded (leak23): the student's edit is gone either way
    graded = nbformat.read(nb_path(root / "autograded" / "bob", EX01), as_version=4)
    test = next(c for c in graded.cells if c.metadata.get("nbgrader", {}).get("grade_id") == "ex01-q1-test")
    assert 'check("ex01-q1", answer_q1)' in test.source and "# mine" not in test.source
    assert "### BEGIN HIDDEN TESTS" not in test.source
