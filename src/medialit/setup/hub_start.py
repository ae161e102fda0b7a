"""``medialit-singleuser``: how every course server starts, on one server and on Kubernetes.

JupyterHub runs it in place of ``jupyterhub-singleuser`` in every deployment of
course/jupyterhub/ (``jupyterhub_config.py``, the ``Dockerfile`` and
``z2jh-values.yaml`` all name it), so they cannot drift apart: it copies the
lessons into ``~/lessons``, points a student's server at the config that hides
the instructor tools, culls idle kernels, starts Python kernels with the kit's set-up
hint, then becomes ``jupyterhub-singleuser`` with the hub's own arguments. Nothing here may stop a
server from starting: a lesson that cannot be copied is reported in one line and copied on the next start.
"""

from __future__ import annotations

import json
import os
import shutil
import sys
from collections.abc import Mapping
from pathlib import Path

from medialit.core.saved_work import saved_work
from medialit.setup.kernels import OPTION as KERNELS

LESSONS = "/opt/medialit-hub/lessons"
JUPYTER_DIR = "/etc/medialit-hub/jupyter"
CULL = ["--MappingKernelManager.cull_idle_timeout=1800", "--MappingKernelManager.cull_interval=300"]
"""A kernel idle for 30 minutes (a closed tab keeps its kernel) gives its memory back."""
# KERNELS: a cell run before the set-up cells (after a restart) says so in one line (medialit.setup.kernels)
PARTIAL = ".medialit-partial"
WORK_FOLDERS = ("my-article",)
"""Folders a learner's work makes beside the lessons: lesson 7 writes their own article's analysis and their
marks there (``my-marks.gold.json``). Hidden names (JupyterLab's ``.ipynb_checkpoints/``, a highlights file's
lock) and links are left out too: no lesson is one."""


def lesson(path: Path) -> bool:
    """Whether ``path`` among the lessons is the lessons' own: not hidden, not a link (never followed: it may
    point at a key, or somewhere the student may not read), not someone's saved work (``saved_work``: run in a
    checkout, as the guide asks before the course, lessons leave the instructor's marks and pre-test letters in
    notebooks/, which git ignores and ``cp -r notebooks`` copies)."""
    name = path.name
    return not (name.startswith(".") or path.is_symlink() or saved_work(name) or name in WORK_FOLDERS)


def as_committed(saved: bytes) -> str | None:
    """A notebook saved after a run, without what the run left (outputs, counts, saved widget state: the
    highlighter's model holds the marks); None when there is nothing to take out (copied byte for byte)."""
    try:
        nb = json.loads(saved)
        cells = nb["cells"]
    except (ValueError, TypeError, KeyError):
        return None
    ran = bool(nb.get("metadata", {}).pop("widgets", None))
    for cell in cells:
        if cell.get("outputs") or cell.get("execution_count") is not None:
            ran = True
            cell["outputs"], cell["execution_count"] = [], None
    return json.dumps(nb, indent=1, ensure_ascii=False, sort_keys=True) + "\n" if ran else None


def copy_lessons(source: Path, target: Path) -> list[OSError]:
    """Copy into ``target`` each lesson file it lacks, never touching one that is there; returns what failed.

    Each file is written under a hidden name and renamed into place, so a copy cut
    short (a full disk, a stopped server) leaves no half lesson: whatever is
    missing is copied on the next start, and a lesson the student edited stays theirs.
    A file that cannot be copied stops no other. Only the lessons' own files are copied (``lesson``), and a
    notebook saved with its outputs arrives without them (``as_committed``).
    """
    failed: list[OSError] = []
    for folder, dirs, files in os.walk(source):
        dirs[:] = sorted(d for d in dirs if lesson(Path(folder) / d))
        here = target / Path(folder).relative_to(source)
        try:
            here.mkdir(parents=True, exist_ok=True)
        except OSError as error:
            failed.append(error)
            dirs[:] = []
            continue
        for name in sorted(files):
            if not lesson(Path(folder) / name):
                continue
            final = here / name
            if final.exists() or final.is_symlink():
                continue
            partial = here / f".{name}{PARTIAL}"
            try:
                text = as_committed((Path(folder) / name).read_bytes()) if name.endswith(".ipynb") else None
                if text is None:
                    shutil.copyfile(Path(folder) / name, partial)
                else:
                    partial.write_text(text, encoding="utf-8")
                os.replace(partial, final)
            except OSError as error:
                failed.append(error)
    return failed


def names(env: Mapping[str, str], key: str) -> set[str]:
    return {name for name in env.get(key, "").split(",") if name}


def config_path(env: Mapping[str, str]) -> str:
    """``JUPYTER_CONFIG_PATH`` for this server: the deployment's own, with the students' config first for a
    student (nbgrader's formgrader, course list and Create Assignment off). A user listed as instructor too
    keeps every tool."""
    given = env.get("JUPYTER_CONFIG_PATH") or JUPYTER_DIR
    user = env.get("JUPYTERHUB_USER", "")
    if user not in names(env, "MEDIALIT_STUDENTS") or user in names(env, "MEDIALIT_INSTRUCTORS"):
        return given
    students = env.get("MEDIALIT_HUB_STUDENT_JUPYTER_DIR") or f"{JUPYTER_DIR}/students"
    return os.pathsep.join([students, given])


def prepare(env: Mapping[str, str], home: Path) -> dict[str, str]:
    """Copy the lessons home and return the environment the server runs with."""
    source = Path(env.get("MEDIALIT_LESSONS") or LESSONS)
    if not source.is_dir():
        print(
            f"medialit: no lessons at {source} (MEDIALIT_LESSONS) to copy into ~/lessons: "
            "course/jupyterhub/README.md, step 3",
            file=sys.stderr,
        )
    else:
        try:
            failed = copy_lessons(source, home / "lessons")
        except OSError as error:
            failed = [error]
        if failed:
            more = f" and {len(failed) - 1} more" if len(failed) > 1 else ""
            print(
                f"medialit: lessons not all copied into ~/lessons ({failed[0]}{more}); they are tried again on the "
                "next start",
                file=sys.stderr,
            )
    return {**env, "JUPYTER_CONFIG_PATH": config_path(env), "PYTHONWARNINGS": env.get("PYTHONWARNINGS", "ignore")}


def main() -> None:
    """Prepare, then run ``jupyterhub-singleuser`` (the one on ``PATH``) with the hub's arguments."""
    env = prepare(os.environ, Path.home())
    os.execvpe("jupyterhub-singleuser", ["jupyterhub-singleuser", *CULL, KERNELS, *sys.argv[1:]], env)


if __name__ == "__main__":
    main()
