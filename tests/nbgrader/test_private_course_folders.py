"""leak24: a classmate on the same machine reads no one's hand-in, graded notebook, feedback page or grading record.

A course directory outside a home closed to others (a grader's home made without ``HOME_MODE=0700``, a folder under
``/srv`` or ``/tmp`` for a team of graders) is entered by every account on the machine. ``course init`` closed
``source/``, ``keys/`` and the gradebook; the work nbgrader and ``course grade`` make later went into folders they
create with the grader's umask (0755): measured on a course in /srv graded for two students, another user read all
32 of their files in ``submitted/``, ``autograded/``, ``feedback/`` and ``.medialit/`` (a full-marks feedback page
explains every key mark). Everything that reads or writes them (nbgrader, the formgrader, ``release_feedback``,
``course grade``) runs as the grader, so they are made for the grader's account alone.
"""

from __future__ import annotations

import os
import shutil
import stat
import subprocess
import sys
import tempfile
from pathlib import Path

import attacks
import nbformat
import pytest
from attacks import EX01

from medialit.cli import main
from medialit.instructor import course
from medialit.instructor.gradebook import CourseError
from medialit.setup.course_check import check_course
from medialit.setup.key_files import readable_by

pytestmark = [pytest.mark.nbgrader, pytest.mark.slow]

OPEN = {"release", "exchange", "nbgrader_config.py"}  # the student version, the hand-in box, a config with no key
OTHER = "nobody"  # another account: as root the kernel is asked as this user (runuser); otherwise modes say it


@pytest.fixture
def shared_place(nbgrader_env, monkeypatch):
    """A folder every account may enter, as a course outside a closed home is (pytest's own tmp_path is 0700)."""
    with tempfile.TemporaryDirectory(prefix="medialit-leak24-") as place:
        os.chmod(place, 0o755)
        monkeypatch.setenv("MEDIALIT_EXCHANGE", str(Path(place) / "course" / "exchange"))
        yield Path(place)


def test_no_other_account_reads_the_class_s_work_after_collect_grade_and_feedback(shared_place):
    root = shared_place / "course"
    c = attacks.new_course(root, EX01, timeout=10)
    env = {**os.environ, "MEDIALIT_EXCHANGE": str(root / "exchange")}
    nbgrader = [sys.executable, "-m", "nbgrader"]
    run = lambda *args: subprocess.run([*nbgrader, *args], cwd=root, env=env, capture_output=True, text=True)  # noqa: E731
    assert run("release_assignment", EX01).returncode == 0
    stamp = "2026-11-27 08:00:00.000000 UTC"
    for student in ("alice", "bob"):
        attacks.hand_in(root / "exchange" / "medialit" / "inbound", student, EX01, attacks.solved(c, EX01), stamp)
    done = run("collect", EX01)
    assert done.returncode == 0, done.stderr[-2000:]
    graded = course.grade(root, EX01, jobs=1)
    assert [o.ok for o in graded.outcomes] == [True, True]
    done = course.nbgrader(root, "generate_feedback", EX01, "--force")
    assert done.returncode == 0, done.stderr[-2000:]
    assert run("release_feedback", EX01).returncode == 0  # as the grader, it still reads feedback/

    work = [p for p in root.rglob("*") if p.is_file() and p.relative_to(root).parts[0] not in OPEN]
    by_folder = {p.relative_to(root).parts[0] for p in work}
    assert {"submitted", "autograded", "feedback", ".medialit"} <= by_folder, by_folder
    assert (root / "feedback" / "alice" / EX01 / f"{EX01}.html").is_file()
    assert readable_by(work, OTHER) == []
    for name in ("submitted", "autograded", "feedback", ".medialit"):
        assert stat.S_IMODE((root / name).stat().st_mode) == 0o700, name
    assert check_course(root).ok, check_course(root).detail  # doctor in the course: no chmod to name


def test_course_init_makes_the_work_folders_private_whatever_the_umask(shared_place):
    old = os.umask(0o002)  # a group-writable umask, as some systems set for every user
    try:
        root = course.init(shared_place / "course")
    finally:
        os.umask(old)
    for name in ("submitted", "autograded", "feedback", ".medialit", "source", "keys"):
        assert stat.S_IMODE((root / name).stat().st_mode) == 0o700, name


def modes(root: Path) -> dict[str, int]:
    return {name: stat.S_IMODE((root / name).stat().st_mode) for name in WORK if (root / name).exists()}


WORK = ("submitted", "autograded", "feedback", ".medialit")


def test_course_grade_closes_the_work_folders_an_older_course_left_open(course_root, capsys):
    """grade25: a course made before leak24 kept its 0755 work folders; ``course grade`` made only missing ones
    private, and the hand-ins, graded notebooks and feedback of the class stayed open to every account (only
    ``medialit doctor`` named the chmod). Whatever reads them runs as the grader, so grading closes them, saying so."""
    c = attacks.new_course(course_root, EX01)
    c.submit("alice", EX01, attacks.solved(c, EX01))
    for name in WORK:
        os.chmod(course_root / name, 0o755)  # as nbgrader and a medialit before leak24 made them
    os.chmod(course_root / "feedback", 0o750)  # shared with a group of graders on purpose: left as it is
    assert main(["course", "grade", EX01, "--course", str(course_root)]) == 0
    said = capsys.readouterr().out
    line = "made submitted/, autograded/, .medialit/ private (mode 0700): every account on this machine could read"
    assert line in said, said
    assert modes(course_root) == {"submitted": 0o700, "autograded": 0o700, "feedback": 0o750, ".medialit": 0o700}
    assert main(["course", "grade", EX01, "--course", str(course_root), "--force"]) == 0
    assert "private (mode 0700)" not in capsys.readouterr().out  # said once, when it changed something


def test_a_work_folder_deleted_by_hand_is_made_private_again_by_nbgrader(course_root):
    """grade25: ``autograded/``, ``feedback/`` or ``submitted/`` deleted by hand was made again by nbgrader with the
    umask (0755 here), open to every account: the course config's hook and collect make them private first."""
    c = attacks.new_course(course_root, EX01)
    c.submit("alice", EX01, attacks.solved(c, EX01))
    assert course.grade(course_root, EX01, jobs=1).outcomes[0].ok
    old = os.umask(0o022)
    try:
        for name in ("autograded", "feedback"):
            shutil.rmtree(course_root / name)
        done = course.nbgrader(course_root, "autograde", EX01, "--force")  # plain autograde, the formgrader's button
        assert done.returncode == 0, done.stderr[-2000:]
        done = course.nbgrader(course_root, "generate_feedback", EX01, "--force")
        assert done.returncode == 0, done.stderr[-2000:]
        assert (course_root / "feedback" / "alice" / EX01 / f"{EX01}.html").is_file()
        assert modes(course_root)["autograded"] == 0o700
        assert modes(course_root)["feedback"] == 0o700
        shutil.rmtree(course_root / "submitted")
        assert course.nbgrader(course_root, "release_assignment", EX01).returncode == 0
        inbound = course_root / "exchange" / "medialit" / "inbound"
        attacks.hand_in(inbound, "bob", EX01, attacks.solved(c, EX01), "2026-11-27 08:00:00.000000 UTC")
        done = course.nbgrader(course_root, "collect", EX01)
        assert done.returncode == 0, done.stderr[-2000:]
        assert (course_root / "submitted" / "bob" / EX01 / f"{EX01}.ipynb").is_file()
        assert modes(course_root)["submitted"] == 0o700
    finally:
        os.umask(old)


def test_a_refused_grading_changes_nothing_on_disk(course_root, capsys):
    """grade25: ``course grade`` refusing a key that cannot be graded with (here a test cell naming no item) had made
    the missing ``autograded/`` and ``.medialit/`` already; a refusal now leaves the course as it found it, and so
    does the command refusing a config that does not load."""
    c = attacks.new_course(course_root, EX01)
    c.submit("alice", EX01, attacks.solved(c, EX01))
    for name in ("autograded", ".medialit"):
        shutil.rmtree(course_root / name)  # a course of an older medialit, or folders deleted by hand
    nb = c.source(EX01)
    test = attacks.cell(nb, "ex01-q1-test")
    test.source = test.source.replace('"ex01-q1"', '"ex01-qq1"')  # a typo in the item's id: refused, named
    nbformat.write(nb, attacks.nb_path(course_root / "source", EX01))
    before = sorted(str(p) for p in course_root.rglob("*"))
    with pytest.raises(CourseError, match="nothing was graded"):
        course.grade(course_root, EX01, jobs=1)
    config = course_root / "nbgrader_config.py"
    config.write_text(config.read_text(encoding="utf-8") + "\nc.Execute.timeout = 30s\n", encoding="utf-8")
    capsys.readouterr()
    assert main(["course", "grade", EX01, "--course", str(course_root)]) == 2
    assert "does not load" in capsys.readouterr().err
    assert sorted(str(p) for p in course_root.rglob("*")) == before
    assert not (course_root / "autograded").exists() and not (course_root / ".medialit").exists()
