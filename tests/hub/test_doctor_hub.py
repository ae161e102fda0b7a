"""``medialit doctor --hub`` checks, each against a real folder, group, config file or Python."""

from __future__ import annotations

import argparse
import grp
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest

from medialit.setup import doctor_hub
from medialit.setup.doctor_hub import (
    check_course_id,
    check_exchange,
    check_feedback_tracebacks,
    check_group,
    check_inbound,
    check_kit,
    check_memory_limit,
)
from medialit.setup.key_files import check_key_files, key_files, readable_by

pytestmark = pytest.mark.hub  # the hub layer: checks of a JupyterHub set-up (some need root)

SRC = Path(__file__).resolve().parents[2] / "src"
HUB_PYTHON = Path(os.environ.get("MEDIALIT_HUB_ENV", "/opt/medialit-hub/venv")) / "bin" / "python"


def test_exchange_missing_says_how_to_make_it(tmp_path):
    result = check_exchange(tmp_path / "exchange")
    assert not result.ok
    assert f"sudo mkdir -p {tmp_path / 'exchange'} && sudo chmod 1777" in result.detail


@pytest.mark.parametrize("mode", [0o755, 0o777])
def test_exchange_needs_mode_1777(tmp_path, mode):
    root = tmp_path / "exchange"
    root.mkdir()
    root.chmod(mode)
    result = check_exchange(root)
    assert not result.ok
    assert f"mode {mode:04o}" in result.detail and "chmod 1777" in result.detail


def test_exchange_1777_is_ok(tmp_path):
    root = tmp_path / "exchange"
    root.mkdir()
    root.chmod(0o1777)
    result = check_exchange(root)
    assert result.ok, result.detail
    assert result.line().startswith("OK exchange:")


def test_inbound_readable_by_others_is_refused(tmp_path):
    assert check_inbound(tmp_path, "medialit").ok  # not released yet
    inbound = tmp_path / "medialit" / "inbound"
    inbound.mkdir(parents=True)
    inbound.chmod(0o2777)
    assert not check_inbound(tmp_path, "medialit").ok
    inbound.chmod(0o2733)
    assert check_inbound(tmp_path, "medialit").ok


def test_course_id_from_the_config_every_server_reads(tmp_path, monkeypatch):
    config_dir = tmp_path / "etc"
    config_dir.mkdir()
    (config_dir / "nbgrader_config.py").write_text(
        'c = get_config()\nc.Exchange.root = "/srv/x"\nc.CourseDirectory.course_id = "media101"\n'
    )
    monkeypatch.setenv("JUPYTER_CONFIG_PATH", str(config_dir))
    config, used = doctor_hub.nbgrader_config(tmp_path / "elsewhere")
    assert config.CourseDirectory.course_id == "media101" and config.Exchange.root == "/srv/x"
    assert check_course_id("media101", None, used).ok
    assert not check_course_id("media101", "medialit", used).ok
    missing = check_course_id("", None, [])
    assert not missing.ok and "c.CourseDirectory.course_id" in missing.detail


def test_feedback_tracebacks_from_the_shipped_hub_config(monkeypatch):
    shipped = Path(__file__).resolve().parents[2] / "course" / "jupyterhub"
    monkeypatch.setenv("JUPYTER_CONFIG_PATH", str(shipped))
    config, used = doctor_hub.nbgrader_config(shipped / "nowhere")
    assert check_feedback_tracebacks(list(config.Execute.extra_arguments), used).ok
    missing = check_feedback_tracebacks(["--HistoryManager.hist_file=:memory:"], used)
    assert not missing.ok and "InteractiveShell.xmode=Minimal" in missing.detail


def test_a_broken_config_is_reported_not_raised(tmp_path, monkeypatch):
    (tmp_path / "nbgrader_config.py").write_text("c = get_config(\n")
    monkeypatch.setenv("JUPYTER_CONFIG_PATH", str(tmp_path / "none"))
    _, used = doctor_hub.nbgrader_config(tmp_path)
    assert "does not load" in str(used[-1])


def test_groups_by_name():
    root = grp.getgrgid(0).gr_name
    missing = check_group("students group", "medialit-no-such-group-x")
    assert not missing.ok and "sudo groupadd medialit-no-such-group-x" in missing.detail
    result = check_group("instructors group", root)
    assert result.ok == bool(grp.getgrnam(root).gr_mem)  # a group with no members is not a course group


def test_kit_importable_and_not(tmp_path):
    env = dict(os.environ, PYTHONPATH=str(SRC))
    from_checkout = check_kit(sys.executable, env=env)  # what an editable install looks like, too
    assert not from_checkout.ok
    assert f"runs from the checkout {SRC.parent}" in from_checkout.detail and "solutions/" in from_checkout.detail
    if not HUB_PYTHON.exists():
        pytest.fail(f"{HUB_PYTHON} is missing: run bash scripts/install-hub-deps.sh")
    ok = check_kit(str(HUB_PYTHON))
    assert ok.ok, ok.detail
    assert "import medialit works" in ok.detail and "site-packages" in ok.detail
    missing = check_kit(str(tmp_path / "python"))
    assert not missing.ok and "install-hub-deps.sh" in missing.detail
    no_kit = tmp_path / "bin" / "python"
    no_kit.parent.mkdir()
    no_kit.write_text("#!/bin/sh\necho \"ModuleNotFoundError: No module named 'medialit'\" >&2\nexit 1\n")
    no_kit.chmod(0o755)
    result = check_kit(str(no_kit))
    assert not result.ok and "No module named 'medialit'" in result.detail and "pip install" in result.detail


@pytest.mark.skipif(os.geteuid() != 0, reason="needs root to run a command as another user")
def test_kit_in_a_folder_others_cannot_enter(tmp_path):
    closed = tmp_path / "closed"
    closed.mkdir(mode=0o700)
    python = closed / "python"
    python.write_text("#!/bin/sh\nexit 0\n")
    python.chmod(0o755)
    result = check_kit(str(python), user="nobody")
    assert not result.ok and "closed to other users" in result.detail


def test_cli_flag_prints_one_line_per_check(tmp_path, monkeypatch):
    monkeypatch.setenv("JUPYTER_CONFIG_PATH", str(tmp_path))
    monkeypatch.chdir(tmp_path)  # no nbgrader_config.py here: the course id is not set
    args = argparse.Namespace(
        exchange=str(tmp_path / "none"),
        course_id="medialit",
        instructors_group="medialit-no-such-group-i",
        students_group="medialit-no-such-group-s",
        python=str(tmp_path / "python"),
        hub_config=str(tmp_path / "jupyterhub_config.py"),
        course=None,
        checkout=None,
        student=None,
        lessons=tmp_path / "no-lessons",
    )
    monkeypatch.delenv("MEM_LIMIT", raising=False)
    lines: list[str] = []
    assert doctor_hub.run_hub_doctor(args, lines.append) == 1
    assert [line.split(":")[0] for line in lines] == [
        "!! exchange",
        "!! course id",
        "OK exchange inbound",
        "!! feedback tracebacks",
        "!! instructors group",
        "!! students group",
        "!! single-user kit",
        "!! memory limit",
        "!! server configs",
        "!! lessons",
        "!! key files",
    ]
    done = subprocess.run(
        [sys.executable, "-m", "medialit", "doctor", "--hub", "--exchange", str(tmp_path / "none")],
        capture_output=True,
        text=True,
        env=dict(os.environ, PYTHONPATH=str(SRC)),
        cwd=tmp_path,
        check=False,
    )
    assert done.returncode == 1 and "Traceback" not in done.stderr
    assert done.stdout.splitlines()[0].startswith("!! exchange:")


def test_memory_limit_from_the_server_or_the_hub_config(tmp_path):
    shipped = Path(__file__).resolve().parents[2] / "course" / "jupyterhub" / "jupyterhub_config.py"
    from_config = check_memory_limit(shipped, environ={})
    assert from_config.ok and from_config.detail.startswith(f"512 MB per user (c.Spawner.mem_limit in {shipped})")
    assert "students at once" in from_config.detail
    in_server = check_memory_limit(tmp_path / "none.py", environ={"MEM_LIMIT": str(512 * 2**20)})
    assert in_server.ok and "MEM_LIMIT, set by the hub" in in_server.detail
    assert not check_memory_limit(tmp_path / "none.py", environ={}).ok
    (tmp_path / "small.py").write_text("c = get_config()\nc.Spawner.mem_limit = '128M'\n")
    small = check_memory_limit(tmp_path / "small.py", environ={})
    assert not small.ok and "below the 275 MB" in small.detail
    (tmp_path / "none.py").write_text("c = get_config()\n")
    unset = check_memory_limit(tmp_path / "none.py", environ={})
    assert not unset.ok and "c.Spawner.mem_limit = '512M'" in unset.detail
    assert not check_memory_limit(tmp_path / "none.py", environ={"MEM_LIMIT": "lots"}).ok


@pytest.mark.parametrize(("size", "expected"), [("512M", 512 * 2**20), ("1G", 2**30), ("2048K", 2**21), ("1000", 1000)])
def test_sizes_as_jupyterhub_takes_them(size, expected):
    assert doctor_hub.parse_bytes(size) == expected


def key_tree(base: Path) -> tuple[Path, Path, list[Path]]:
    """A course directory and a checkout, each with key files, under a folder everyone may enter."""
    course, checkout = base / "course", base / "kit"
    files = [
        course / "source" / "ex01" / "ex01.ipynb",
        course / "gradebook.db",
        checkout / "solutions" / "ex01" / "ex01.ipynb",
        checkout / "course" / "keys" / "ex01-q1.json",
    ]
    for path in files:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text("KEY")
    (course / "release" / "ex01").mkdir(parents=True)
    (course / "release" / "ex01" / "ex01.ipynb").write_text("for students")  # not a key file
    subprocess.run(["chmod", "-R", "a+rX", str(base)], check=True)
    return course, checkout, files


def test_reports_grading_records_and_drafted_keys_in_a_course_are_key_files(tmp_path):
    course = tmp_path / "course"
    keys = [
        course / "reports" / "ex01-attribution" / "most-missed.md",  # quotes every key mark
        course / "reports" / "ex01-attribution" / "marks.csv",
        course / ".medialit" / "graded" / "ex01-attribution" / "alice.json",
        course / "storm.key.json",  # `medialit draft-key ... --out` in the course directory
    ]
    release = course / "release" / "ex01-attribution" / "ex01-attribution.ipynb"
    for path in [*keys, release]:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text("KEY")
    assert key_files([course], []) == sorted(keys)


@pytest.fixture
def open_folder():
    base = Path(tempfile.mkdtemp(prefix="medialit-keys-", dir="/tmp"))
    base.chmod(0o755)
    yield base
    shutil.rmtree(base)


@pytest.mark.skipif(os.geteuid() != 0, reason="needs root to ask the kernel as another user")
def test_key_files_readable_by_a_student_fail_until_closed(open_folder):
    course, checkout, files = key_tree(open_folder)
    assert key_files([course], [checkout]) == sorted(files)
    for ask_kernel in (True, False):  # the kernel's answer (as root) and the one worked out from modes agree
        assert readable_by(files, "nobody", ask_kernel=ask_kernel) == files
    leaked = check_key_files([course], [checkout], "nobody")
    assert not leaked.ok and leaked.detail.startswith("4 readable by student nobody:")
    assert f"chmod -R go-rwx {course} && chmod -R go-rwx {checkout}" in leaked.detail
    course.chmod(0o700)
    for ask_kernel in (True, False):
        assert readable_by(files, "nobody", ask_kernel=ask_kernel) == files[2:]
    assert check_key_files([course], [checkout], "nobody").detail.startswith("2 readable")
    (checkout / "solutions").chmod(0o700)
    (checkout / "course" / "keys" / "ex01-q1.json").chmod(0o600)
    closed = check_key_files([course], [checkout], "nobody")
    assert closed.ok and closed.detail.endswith("none readable by student nobody"), closed.detail
    assert not check_key_files([], [], "nobody").ok
    assert not check_key_files([course], [], None).ok


def test_server_configs_from_the_hub_folder(tmp_path):
    """Guide step 1 named two of the configs: without jupyter_server_config.json the formgrader's terminal said
    'nbgrader: command not found'; without students/ students got the formgrader. The check names what is missing."""
    hub = SRC.parent / "course" / "jupyterhub"
    missing = doctor_hub.check_server_configs(tmp_path)
    assert not missing.ok and str(tmp_path / "jupyter_server_config.json") in missing.line(), missing.line()
    assert "command not found" in missing.line() and "README.md, step 1" in missing.line()
    shutil.copy(hub / "jupyter_server_config.json", tmp_path)
    assert "students/jupyter_server_config.json is missing" in doctor_hub.check_server_configs(tmp_path).line()
    shutil.copytree(hub / "students", tmp_path / "students")
    (tmp_path / "jupyter_server_config.json").chmod(0o600)
    assert "chmod a+r" in doctor_hub.check_server_configs(tmp_path).line()
    (tmp_path / "jupyter_server_config.json").chmod(0o644)
    assert doctor_hub.check_server_configs(tmp_path).line().startswith("OK server configs:")
