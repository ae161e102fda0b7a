"""What reaches students through nbgrader's commands: the release (no highlights file from source/) and feedback.

nbgrader copies every file of ``source/ID`` into ``release/ID``. An instructor who runs the source notebook
before releasing it (course/instructor-guide.md asks for that) and marks in its highlighter saves the marks
beside it; released, every student's highlighter would open on them (instr18 found ex01-q3's answer file
copied into release/ and the exchange). A real course, the real nbgrader commands.
"""

from __future__ import annotations

import json
import subprocess

import attacks
import nbformat
import pytest
from attacks import EX01, key_sidecar, nb_path

from medialit.instructor import course

pytestmark = [pytest.mark.nbgrader, pytest.mark.slow]


def test_marks_saved_in_source_are_not_released(course_root):
    root = attacks.new_course(course_root, timeout=6).root
    source = root / "source" / EX01
    marks = json.dumps(key_sidecar("ex01-q3"))  # the instructor's marks: here the whole key of q3
    (source / "ex01-q3.highlights.json").write_text(marks, encoding="utf-8")
    (source / "notes").mkdir()
    (source / "notes" / "ex01-q1.highlights.json").write_text(marks, encoding="utf-8")
    (source / "notes" / "reading.md").write_text("Read the guidelines first.\n", encoding="utf-8")

    made = course.nbgrader(root, "generate_assignment", EX01)
    assert made.returncode == 0, made.stderr
    release = root / "release" / EX01
    assert sorted(p.relative_to(release).as_posix() for p in release.rglob("*") if p.is_file()) == [
        f"{EX01}.ipynb",
        "notes/reading.md",  # other files of source/ are released as nbgrader releases them
    ]
    # the instructor is told which file stayed back and what to do; source/ is left as it was
    for name in ("ex01-q3.highlights.json", "ex01-q1.highlights.json"):
        assert f"{name} left out of the release" in made.stderr, made.stderr
    assert f"delete it from source/{EX01}" in made.stderr
    assert (source / "ex01-q3.highlights.json").read_text(encoding="utf-8") == marks

    sent = course.nbgrader(root, "release_assignment", EX01)
    assert sent.returncode == 0, sent.stderr
    outbound = root / "exchange" / "medialit" / "outbound" / EX01
    assert (outbound / f"{EX01}.ipynb").exists()
    assert not list(outbound.rglob("*.highlights.json"))


def test_saved_work_under_other_names_is_not_released(course_root, tmp_path):
    """verify18a: KeepMarksOut matched `*.highlights.json` only. A save cut short leaves the highlighter's temporary
    file (`.NAME.highlights.json.XXXX.tmp`, the whole marks), a name in other letter case is the same file where
    the student's disk ignores case (a laptop), and pre-test letters saved while trying lesson 0 in an
    assignment's folder (pretest.json) are merged into each student's own by `pretest.record`. All reached
    release/ and the exchange; hidden and linked highlights files already stayed back (kept here)."""
    root = attacks.new_course(course_root, timeout=6).root
    source = root / "source" / EX01
    marks = json.dumps(key_sidecar("ex01-q3"))
    elsewhere = tmp_path / "elsewhere.json"
    elsewhere.write_text(marks, encoding="utf-8")
    (source / ".ex01-q3.highlights.json.k2j3x9.tmp").write_text(marks, encoding="utf-8")
    (source / "EX01-Q2.Highlights.JSON").write_text(marks, encoding="utf-8")
    (source / "pretest.json").write_text(json.dumps({"format": "medialit-pretest", "answers": {"p1": "b"}}))
    (source / ".ex01-q4.highlights.json").write_text(marks, encoding="utf-8")
    (source / "ex01-q1.highlights.json").symlink_to(elsewhere)
    (source / "work" / ".old").mkdir(parents=True)
    (source / "work" / ".old" / "ex01-q2.highlights.json").write_text(marks, encoding="utf-8")
    (source / "work" / "pretest-notes.md").write_text("Ask about p3.\n", encoding="utf-8")

    made = course.nbgrader(root, "generate_assignment", EX01)
    assert made.returncode == 0, made.stderr
    release = root / "release" / EX01
    assert sorted(p.relative_to(release).as_posix() for p in release.rglob("*") if p.is_file()) == [
        f"{EX01}.ipynb",
        "work/pretest-notes.md",
    ]
    for name in (".ex01-q3.highlights.json.k2j3x9.tmp", "EX01-Q2.Highlights.JSON", "pretest.json"):
        assert f"{name} left out of the release" in made.stderr, made.stderr
    sent = course.nbgrader(root, "release_assignment", EX01)
    assert sent.returncode == 0, sent.stderr
    outbound = root / "exchange" / "medialit" / "outbound" / EX01
    assert sorted(p.name for p in outbound.rglob("*") if p.is_file()) == [f"{EX01}.ipynb", "pretest-notes.md"]


def test_release_feedback_names_a_hand_in_put_into_submitted_by_hand(course_root, medialit_command):
    """The laptop path (course/instructor-guide.md): work handed in on a learning platform is put into
    submitted/STUDENT/ID/, with no submission_secret.txt or timestamp.txt; nbgrader's release_feedback stopped
    there with a FileNotFoundError traceback. Now that student is named with the page to give them, and the
    students who handed in through the exchange get theirs."""
    small = attacks.new_course(course_root, EX01, timeout=6)
    root = small.root
    small.submit("alice", EX01, small.release(EX01))  # as `nbgrader collect` leaves it
    (root / "submitted" / "bob" / EX01).mkdir(parents=True)  # as an instructor copies it from the platform
    nbformat.write(small.release(EX01), nb_path(root / "submitted" / "bob", EX01))

    graded = subprocess.run(
        [*medialit_command, "course", "grade", EX01], cwd=root, capture_output=True, text=True, timeout=600
    )
    assert graded.returncode == 0, graded.stderr
    made = course.nbgrader(root, "generate_feedback", EX01)
    assert made.returncode == 0, made.stderr
    sent = course.nbgrader(root, "release_feedback", EX01)
    assert sent.returncode == 0, sent.stderr
    assert "Traceback" not in sent.stderr
    page = root / "feedback" / "bob" / EX01 / f"{EX01}.html"
    line = (
        "bob: not released (handed in outside the exchange: no submission_secret.txt or timestamp.txt beside "
        f"the submission); give the student {page} yourself"
    )
    assert line in sent.stderr, sent.stderr
    released = list((root / "exchange" / "medialit" / "feedback").glob("*.html"))
    assert len(released) == 1  # alice's, filed under her submission's secret
    assert released[0].read_bytes() == (root / "feedback" / "alice" / EX01 / f"{EX01}.html").read_bytes()


def test_a_key_file_left_in_source_is_not_released(course_root):
    """leak23: `medialit draft-key` writes ``./ID.key.json`` by default; run in an exercise's source folder (where
    `new-exercise` copies the article) it left the key there, and nbgrader released it with the notebook."""
    root = attacks.new_course(course_root, timeout=6).root
    source = root / "source" / EX01
    key = (attacks.REPO / "course" / "keys" / "ex01-q1.json").read_text(encoding="utf-8")  # the whole key of q1
    for name in ("storm.key.json", "notes/Storm.Gold.JSON"):
        (source / name).parent.mkdir(exist_ok=True)
        (source / name).write_text(key, encoding="utf-8")
    (source / "notes" / "reading.md").write_text("Read the guidelines first.\n", encoding="utf-8")
    made = course.nbgrader(root, "generate_assignment", EX01)
    assert made.returncode == 0, made.stderr
    release = root / "release" / EX01
    assert sorted(p.relative_to(release).as_posix() for p in release.rglob("*") if p.is_file()) == [
        f"{EX01}.ipynb",
        "notes/reading.md",
    ]
    for name in ("storm.key.json", "Storm.Gold.JSON"):
        assert f"{name} left out of the release: it holds an answer key" in made.stderr, made.stderr
    assert (source / "storm.key.json").is_file()  # source/ is left as it was
