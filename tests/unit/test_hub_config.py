"""The hub config's first start: a student's server copies the lessons home and opens lesson 0.

Loads course/jupyterhub/jupyterhub_config.py as JupyterHub does (traitlets) and runs its
``Spawner.cmd`` with the real ``/bin/sh``, a throwaway home and a stand-in ``jupyterhub-singleuser``
that records the arguments it was given.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from pathlib import Path
from types import SimpleNamespace

import pytest
from traitlets.config.loader import PyFileConfigLoader

ROOT = Path(__file__).resolve().parents[2]
CONFIG = ROOT / "course" / "jupyterhub" / "jupyterhub_config.py"


@pytest.fixture
def hub_config(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    """The hub config with a fake shared environment and a copy of notebooks/ as the lessons."""
    env = tmp_path / "venv"
    (env / "bin").mkdir(parents=True)
    singleuser = env / "bin" / "jupyterhub-singleuser"
    singleuser.write_text('#!/bin/sh\nfor a in "$@"; do echo "arg:$a"; done\n', encoding="utf-8")
    singleuser.chmod(0o755)
    lessons = tmp_path / "lessons"
    shutil.copytree(ROOT / "notebooks", lessons, ignore=shutil.ignore_patterns("*.highlights.json"))
    monkeypatch.setenv("MEDIALIT_HUB_ENV", str(env))
    monkeypatch.setenv("MEDIALIT_LESSONS", str(lessons))
    return PyFileConfigLoader(CONFIG.name, path=str(CONFIG.parent)).load_config()


def start(config, home: Path, *args: str) -> list[str]:
    """Run the spawner's command as JupyterHub does (cmd + args, HOME set), in ``home``."""
    done = subprocess.run(
        [*config.Spawner.cmd, *args],
        env={"HOME": str(home), "PATH": os.environ["PATH"]},
        cwd=home,
        capture_output=True,
        text=True,
        check=True,
    )
    return done.stdout.splitlines()


def test_first_start_copies_the_lessons_and_opens_lesson_0(hub_config, tmp_path: Path) -> None:
    home = tmp_path / "home"
    home.mkdir()
    printed = start(hub_config, home, "--port=1234", "--two words")
    assert printed == ["arg:--port=1234", "arg:--two words"]  # the hub's arguments reach the server
    landing = hub_config.Spawner.default_url.removeprefix("/lab/tree/")
    assert (home / landing).is_file()
    assert (home / "lessons" / "questions").is_dir()  # the self-checks the lessons read beside them


def test_a_later_start_keeps_the_students_lessons(hub_config, tmp_path: Path) -> None:
    home = tmp_path / "home"
    home.mkdir()
    start(hub_config, home)
    mine = home / "lessons" / "lesson00.highlights.json"
    mine.write_text("my marks", encoding="utf-8")
    (home / "lessons" / "00-start-here.ipynb").write_text("my notebook", encoding="utf-8")
    start(hub_config, home)
    assert mine.read_text(encoding="utf-8") == "my marks"
    assert (home / "lessons" / "00-start-here.ipynb").read_text(encoding="utf-8") == "my notebook"
    assert not (home / "lessons" / "lessons").exists()  # cp -r into an existing folder would nest a copy


def spawned_environment(config, name: str) -> dict[str, str]:
    """The environment the hub would give ``name``'s server after the config's pre-spawn hook."""
    spawner = SimpleNamespace(user=SimpleNamespace(name=name), environment=dict(config.Spawner.environment))
    config.Spawner.pre_spawn_hook(spawner)
    return spawner.environment


def test_students_servers_read_the_student_config_first(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("MEDIALIT_HUB_JUPYTER_DIR", "/etc/course-jupyter")
    monkeypatch.setenv("MEDIALIT_INSTRUCTORS", "teacher")
    monkeypatch.setenv("MEDIALIT_STUDENTS", "ana,bo")
    config = PyFileConfigLoader(CONFIG.name, path=str(CONFIG.parent)).load_config()
    assert (
        spawned_environment(config, "ana")["JUPYTER_CONFIG_PATH"] == "/etc/course-jupyter/students:/etc/course-jupyter"
    )
    assert spawned_environment(config, "teacher")["JUPYTER_CONFIG_PATH"] == "/etc/course-jupyter"
    assert config.Spawner.environment["JUPYTER_CONFIG_PATH"] == "/etc/course-jupyter"  # no student leaks into it


def test_the_student_config_switches_off_only_the_instructor_tools() -> None:
    students = CONFIG.parent / "students"
    server = json.loads((students / "jupyter_server_config.json").read_text(encoding="utf-8"))
    assert server["ServerApp"]["jpserver_extensions"] == {
        "nbgrader.server_extensions.formgrader": False,
        "nbgrader.server_extensions.course_list": False,
    }  # assignment_list and validate_assignment stay: students fetch, validate and submit with them
    page = json.loads((students / "labconfig" / "page_config.json").read_text(encoding="utf-8"))
    off = set(page["disabledExtensions"])
    assert off == {f"@jupyter/nbgrader:{name}" for name in ("formgrader", "create-assignment", "course-list")}


def test_an_instructor_who_is_also_a_student_keeps_the_tools_and_a_deployment_s_dirs_stay(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """An instructor listed among the students too (to try the hand-in) lost the formgrader, and a student's path
    dropped a config dir the deployment had added to ``c.Spawner.environment``."""
    monkeypatch.setenv("MEDIALIT_HUB_JUPYTER_DIR", "/etc/course-jupyter")
    monkeypatch.setenv("MEDIALIT_INSTRUCTORS", "teacher")
    monkeypatch.setenv("MEDIALIT_STUDENTS", "ana,teacher")
    config = PyFileConfigLoader(CONFIG.name, path=str(CONFIG.parent)).load_config()
    assert spawned_environment(config, "teacher")["JUPYTER_CONFIG_PATH"] == "/etc/course-jupyter"
    config.Spawner.environment["JUPYTER_CONFIG_PATH"] = "/etc/site-jupyter:/etc/course-jupyter"
    assert (
        spawned_environment(config, "ana")["JUPYTER_CONFIG_PATH"]
        == "/etc/course-jupyter/students:/etc/site-jupyter:/etc/course-jupyter"
    )


def test_missing_lessons_say_so_in_one_line_and_the_server_still_starts(
    hub_config, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("MEDIALIT_LESSONS", str(tmp_path / "nowhere"))
    config = PyFileConfigLoader(CONFIG.name, path=str(CONFIG.parent)).load_config()
    home = tmp_path / "home"
    home.mkdir()
    done = subprocess.run(
        [*config.Spawner.cmd, "--port=1"],
        env={"HOME": str(home), "PATH": os.environ["PATH"]},
        cwd=home,
        capture_output=True,
        text=True,
        check=True,
    )
    assert done.stdout.splitlines() == ["arg:--port=1"]
    assert done.stderr.splitlines() == [
        f"medialit: no lessons at {tmp_path / 'nowhere'} (MEDIALIT_LESSONS) to copy into ~/lessons: "
        "course/jupyterhub/README.md, step 3"
    ]
    assert not (home / "lessons").exists()
