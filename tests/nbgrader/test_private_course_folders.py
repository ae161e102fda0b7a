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
import stat
import subprocess
import sys
import tempfile
from pathlib import Path

import attacks
import pytest
from attacks import EX01

from medialit.instructor import course
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
