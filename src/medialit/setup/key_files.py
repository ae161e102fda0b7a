"""The grader's files on a course server, and whether a student account can read any of them.

Answer keys sit in the kit's checkout (``solutions/``, ``course/keys/``, the
builders) and in each course directory (``source/``, the gradebook, collected
and graded submissions, the class reports, drafted keys). On a shared server only the grader's account may read
them; ``medialit doctor --hub`` fails when a student can. Run as root, the
answer comes from the kernel itself (``os.access`` as the student, so ACLs
count); otherwise it is worked out from owners, groups and modes of the file
and every folder above it.
"""

from __future__ import annotations

import grp
import os
import pwd
import subprocess
from collections.abc import Iterable
from pathlib import Path

from medialit.setup.doctor import Check

CHECKOUT_KEYS = ("solutions/**/*", "course/keys/*", "course/build.py", "tools/*.py")
COURSE_KEYS = (
    "source/**/*",
    "gradebook.db",
    "submitted/**/*",
    "autograded/**/*",
    "feedback/**/*",  # a classmate's page explains each key mark they found: a full-marks page, the whole key
    "nbgrader_config.py",
    "reports/**/*",  # most-missed.md, marks.csv and analyzer-echo.md name and quote every key mark
    ".medialit/**/*",  # grading records and logs, per student
    "**/*.key.json",  # keys drafted for the instructor's own article (`medialit draft-key`)
    "keys/**/*",  # where `course init` puts them (the guide's `draft-key --out keys/...`)
)
SHOWN = 3  # paths named in a failing line


def key_files(courses: Iterable[Path], checkouts: Iterable[Path]) -> list[Path]:
    """Every existing key file under the given course directories and kit checkouts."""
    found: set[Path] = set()
    for folder, patterns in [*((c, COURSE_KEYS) for c in courses), *((k, CHECKOUT_KEYS) for k in checkouts)]:
        for pattern in patterns:
            found.update(p for p in folder.glob(pattern) if p.is_file())
    return sorted(found)


def student_account(group: str) -> str | None:
    """A member of the students' Unix group (the first by name), or None when it has none."""
    try:
        members = sorted(grp.getgrnam(group).gr_mem)
    except KeyError:
        return None
    return members[0] if members else None


def readable_by(paths: list[Path], user: str, ask_kernel: bool | None = None) -> list[Path]:
    """The paths ``user`` could open for reading (asking the kernel needs root; by default when root)."""
    if ask_kernel if ask_kernel is not None else os.geteuid() == 0:
        return _readable_as(paths, user)
    account = pwd.getpwnam(user)
    gids = {account.pw_gid, *(g.gr_gid for g in grp.getgrall() if user in g.gr_mem)}
    return [p for p in paths if _may(p, account.pw_uid, gids)]


def _readable_as(paths: list[Path], user: str) -> list[Path]:
    """Ask the kernel, as ``user``: the shell's ``test -r`` (one run per 500 paths; any user can run /bin/sh)."""
    code = 'for p; do if [ -r "$p" ]; then echo 1; else echo 0; fi; done'
    found = []
    for start in range(0, len(paths), 500):
        chunk = paths[start : start + 500]
        command = ["runuser", "-u", user, "--", "/bin/sh", "-c", code, "sh", *map(str, chunk)]
        done = subprocess.run(command, capture_output=True, text=True, timeout=120, cwd="/", check=True)
        found += [p for p, flag in zip(chunk, done.stdout.split(), strict=True) if flag == "1"]
    return found


def _may(path: Path, uid: int, gids: set[int]) -> bool:
    """Read permission on ``path`` and search permission on every folder above it, from modes alone."""
    chain = [*reversed(path.absolute().parents), path]
    for i, part in enumerate(chain):
        try:
            info = part.stat()
        except OSError:
            return False
        want = 4 if i == len(chain) - 1 else 1  # r on the file, x on each folder
        if info.st_uid == uid:
            bits = (info.st_mode >> 6) & 7
        elif info.st_gid in gids:
            bits = (info.st_mode >> 3) & 7
        else:
            bits = info.st_mode & 7
        if not bits & want:
            return False
    return True


def check_key_files(courses: list[Path], checkouts: list[Path], student: str | None) -> Check:
    """Fails when ``student`` can read any key file of the courses or checkouts."""
    label = "key files"
    where = ", ".join(str(p) for p in [*courses, *checkouts]) or "nothing"
    if not courses and not checkouts:
        return Check(label, False, "no course directory found; run from the grader's course or give --course DIR")
    if student is None:
        return Check(label, False, "no student account to check as; add students to the students group first")
    files = key_files(courses, checkouts)
    leaked = readable_by(files, student)
    if leaked:
        shown = ", ".join(str(p) for p in leaked[:SHOWN]) + (
            f" and {len(leaked) - SHOWN} more" if len(leaked) > SHOWN else ""
        )
        tops = sorted({_top(p, [*courses, *checkouts]) for p in leaked})
        fix = " && ".join(f"chmod -R go-rwx {t}" for t in tops)
        return Check(label, False, f"{len(leaked)} readable by student {student}: {shown}; close them: {fix}")
    return Check(label, True, f"{len(files)} in {where}; none readable by student {student}")


def _top(path: Path, roots: list[Path]) -> Path:
    for root in roots:
        if path.is_relative_to(root):
            return root
    return path


def editable_checkout(module_file: str, prefix: str) -> Path | None:
    """The checkout an editable install of medialit runs from (its ``solutions/`` then sits beside it), else None."""
    found = Path(module_file).resolve().parents[2]
    if Path(module_file).resolve().is_relative_to(Path(prefix).resolve()):
        return None
    return found if (found / "solutions").is_dir() or (found / "pyproject.toml").is_file() else None
