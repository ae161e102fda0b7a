"""``medialit doctor --hub`` checks, each against a real folder, group, config file or Python."""

from __future__ import annotations

import argparse
import grp
import os
import subprocess
import sys
from pathlib import Path

import pytest

from medialit import doctor_hub
from medialit.doctor_hub import (
    check_course_id,
    check_exchange,
    check_feedback_tracebacks,
    check_group,
    check_inbound,
    check_kit,
)

SRC = Path(__file__).resolve().parents[2] / "src"


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
    ok = check_kit(sys.executable, env=env)
    assert ok.ok, ok.detail
    assert "import medialit works" in ok.detail
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
    )
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
