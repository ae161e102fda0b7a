"""`medialit doctor` on this machine, and each check's advice when something is missing."""

from __future__ import annotations

import os
import re
import subprocess
from pathlib import Path

from medialit.setup.doctor import (
    FORMGRADER,
    check_chromium,
    check_lab_extension,
    check_package,
    check_python,
    check_server_extension,
    jupyter_listing,
)

NAMES = [
    "python",
    "spacy",
    "model",
    "jupyterlab",
    "widgets extension",
    "anywidget extension",
    "nbgrader extension",
    "nbgrader server extension",
    "nbgrader",
    "grading isolation",
    "chromium",
]


def doctor(command: list[str], **env: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [*command, "doctor"], capture_output=True, text=True, timeout=300, env=os.environ | env, check=False
    )


def test_doctor_passes_on_the_test_machine(medialit_command):
    done = doctor(medialit_command)
    lines = done.stdout.splitlines()
    assert [re.match(r"(OK|!!) ([^:]+): ", line).group(2) for line in lines] == NAMES
    assert done.returncode == 0, done.stdout
    assert all(line.startswith("OK ") for line in lines)
    assert "en_core_web_sm" in lines[2]  # says which model is in use
    details = [line.split(": ", 1)[1] for line in lines]
    assert details[4].startswith("@jupyter-widgets/jupyterlab-manager ")
    assert details[5].startswith("anywidget ")
    assert details[6].startswith("@jupyter/nbgrader ")


def test_doctor_names_a_model_that_does_not_load(medialit_command):
    done = doctor(medialit_command, MEDIALIT_SPACY_MODEL="no_such_model_xx")
    assert done.returncode == 1
    model = next(line for line in done.stdout.splitlines() if " model:" in line)
    assert model.startswith("!! model: ")
    assert "no_such_model_xx" in model and "MEDIALIT_SPACY_MODEL" in model


def test_missing_chromium_says_how_to_install(tmp_path):
    result = check_chromium(tmp_path / "chromium")
    assert not result.ok
    assert result.line().startswith("!! chromium: ")
    assert "apt-get update && apt-get install -y chromium" in result.detail


def test_broken_chromium_is_not_ok(tmp_path):
    fake = tmp_path / "chromium"
    fake.write_text("#!/bin/sh\necho 'cannot open display' >&2\nexit 1\n")
    fake.chmod(0o755)
    assert not check_chromium(fake).ok


def test_real_chromium_reports_its_version():
    result = check_chromium(Path("/usr/bin/chromium"))
    assert result.ok, result.detail
    assert re.match(r"\d+\.\d+", result.detail)


def test_old_python_and_missing_or_wrong_packages():
    assert not check_python((3, 10, 12)).ok
    assert check_python((3, 11, 0)).ok
    missing = check_package("no-such-package-medialit", "1.0", (1, 0), (2, 0))
    assert not missing.ok and "pip install" in missing.detail
    wrong = check_package("spacy", "3.7", (3, 7), (3, 8))  # installed 3.8 is outside this range
    assert not wrong.ok and "needs 3.7" in wrong.detail


def test_extension_checks_read_the_real_listings():
    labs = jupyter_listing("labextension", "list")
    assert labs is not None
    assert check_lab_extension("widgets", "@jupyter-widgets/jupyterlab-manager", labs).ok
    assert not check_lab_extension("x", "@nobody/not-an-extension", labs).ok
    assert not check_lab_extension("x", "@jupyter/nbgrader", None).ok
    servers = jupyter_listing("server", "extension", "list")
    assert check_server_extension("nbgrader server", FORMGRADER, servers).ok


def test_disabled_extensions_are_not_ok():
    lab_listing = "        @jupyter/nbgrader v0.9.6 \x1b[31mdisabled\x1b[0m \x1b[32mOK\x1b[0m\n"
    result = check_lab_extension("nbgrader extension", "@jupyter/nbgrader", lab_listing)
    assert not result.ok and "labextension enable" in result.detail
    server_listing = f"    {FORMGRADER} \x1b[31mdisabled\x1b[0m\n"
    assert "server extension enable" in check_server_extension("s", FORMGRADER, server_listing).detail
