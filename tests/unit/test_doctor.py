"""`medialit doctor` on this machine, and each check's advice when something is missing.

The command runs in-process through ``medialit.cli.main`` (its checks still run
the real ``jupyter`` listings, Chromium and spaCy); the console command itself
is covered by tests/unit/test_cli.py.
"""

from __future__ import annotations

import functools
import re
import tomllib
from collections.abc import Iterator
from pathlib import Path

import pytest
from packaging.requirements import Requirement

from medialit.cli import main
from medialit.nlp.pipeline import ENV_VAR
from medialit.setup import doctor
from medialit.setup.doctor import (
    FORMGRADER,
    PACKAGES,
    PYTHON,
    check_chromium,
    check_lab_extension,
    check_model,
    check_package,
    check_python,
    check_server_extension,
    jupyter_listing,
)

REPO = Path(__file__).resolve().parents[2]
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
    "course config",  # not in a course directory here: test_course_check.py
]


@pytest.fixture(scope="module")
def listed() -> Iterator[None]:
    """Each real ``jupyter ... list`` runs once for this module (about 10 s each on a busy machine), not per test."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(doctor, "jupyter_listing", functools.cache(jupyter_listing))
        yield


@pytest.mark.slow  # the real `jupyter ... list` runs: about 20 s on a busy machine
def test_doctor_passes_on_the_test_machine(listed, capsys):
    status = main(["doctor"])
    lines = capsys.readouterr().out.splitlines()
    assert [re.match(r"(OK|!!) ([^:]+): ", line).group(2) for line in lines] == NAMES
    assert status == 0, lines
    assert all(line.startswith("OK ") for line in lines)
    assert "en_core_web_sm" in lines[2]  # says which model is in use
    details = [line.split(": ", 1)[1] for line in lines]
    assert details[4].startswith("@jupyter-widgets/jupyterlab-manager ")
    assert details[5].startswith("anywidget ")
    assert details[6].startswith("@jupyter/nbgrader ")


def test_doctor_names_a_model_that_does_not_load_and_exits_1(monkeypatch, capsys):
    monkeypatch.setenv(ENV_VAR, "no_such_model_xx")
    result = check_model()
    assert not result.ok and "no_such_model_xx" in result.detail and ENV_VAR in result.detail
    # the slow listings once is enough
    monkeypatch.setattr(doctor, "checks", lambda courses=(): [check_python, check_model])
    assert main(["doctor"]) == 1
    python, model = capsys.readouterr().out.splitlines()
    assert python.startswith("OK python: ") and model == result.line()


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
    assert not check_python("3.10.12").ok and "install Python >=3.11" in check_python("3.10.12").detail
    assert check_python("3.11.0").ok and check_python("3.13.0rc1").ok
    missing = check_package("no-such-package-medialit", ">=1.0,<2")
    assert not missing.ok and "pip install" in missing.detail
    wrong = check_package("spacy", ">=3.7,<3.8")  # installed 3.8 is outside this range
    assert not wrong.ok and "needs spacy>=3.7,<3.8" in wrong.detail
    assert check_package("spacy", PACKAGES["spacy"]).ok


def test_the_versions_doctor_wants_are_pyprojects():
    project = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    wanted = {r.name: r.specifier for r in map(Requirement, project["dependencies"])}
    assert {name: wanted[name] for name in PACKAGES} == {name: Requirement(name + spec).specifier
                                                         for name, spec in PACKAGES.items()}  # fmt: skip
    assert project["requires-python"] == PYTHON


@pytest.mark.slow
def test_extension_checks_read_the_real_listings(listed):
    labs = doctor.jupyter_listing("labextension", "list")
    servers = doctor.jupyter_listing("server", "extension", "list")
    assert labs is not None
    assert check_lab_extension("widgets", "@jupyter-widgets/jupyterlab-manager", labs).ok
    assert not check_lab_extension("x", "@nobody/not-an-extension", labs).ok
    assert not check_lab_extension("x", "@jupyter/nbgrader", None).ok
    assert check_server_extension("nbgrader server", FORMGRADER, servers).ok


def test_disabled_extensions_are_not_ok():
    lab_listing = "        @jupyter/nbgrader v0.9.6 \x1b[31mdisabled\x1b[0m \x1b[32mOK\x1b[0m\n"
    result = check_lab_extension("nbgrader extension", "@jupyter/nbgrader", lab_listing)
    assert not result.ok and "labextension enable" in result.detail
    server_listing = f"    {FORMGRADER} \x1b[31mdisabled\x1b[0m\n"
    assert "server extension enable" in check_server_extension("s", FORMGRADER, server_listing).detail


@pytest.fixture
def open_folder() -> Iterator[Path]:
    """A folder every user may enter (pytest's own tmp_path is closed to others, mode 0700)."""
    import shutil
    import tempfile

    folder = Path(tempfile.mkdtemp(prefix="medialit-lessons-"))
    folder.chmod(0o755)
    yield folder
    shutil.rmtree(folder)


def test_doctor_hub_checks_the_lessons_every_student_server_copies_home(open_folder, capsys):
    """`doctor --hub` checked the exchange, the kit and the keys, never the lessons folder each student's server
    copies into ~/lessons (hub_start): missing or closed, every student opened an empty page and doctor said OK."""
    import shutil

    from medialit.setup.doctor_hub import check_lessons

    lessons = open_folder / "lessons"
    hub = ["doctor", "--hub", "--python", "/nonexistent", "--hub-config", "/nonexistent", "--lessons", str(lessons)]
    main(hub)
    said = [line for line in capsys.readouterr().out.splitlines() if " lessons: " in line]
    assert said == [f"!! lessons: {lessons} does not exist, so students get no lessons: copy them there "
                    "(course/jupyterhub/README.md, step 3)"], said  # fmt: skip

    shutil.copytree(REPO / "notebooks", lessons, ignore=shutil.ignore_patterns("*.highlights.json", "pretest.json"))
    for path in [lessons, *lessons.rglob("*")]:
        path.chmod(0o755 if path.is_dir() else 0o644)
    found = check_lessons(lessons)
    assert found.ok and f"{len(list((REPO / 'notebooks').glob('[0-9][0-9]-*.ipynb')))} lessons" in found.detail

    (lessons / "questions" / "lesson-02.yaml").chmod(0o600)  # a copy made with root's umask 077
    closed = check_lessons(lessons)
    assert (
        not closed.ok and "lesson-02.yaml (mode 0600)" in closed.detail and f"chmod -R a+rX {lessons}" in closed.detail
    )
    (lessons / "questions" / "lesson-02.yaml").chmod(0o644)

    open_folder.chmod(0o700)  # under a closed folder (/root)
    try:
        assert f"cannot enter {open_folder}" in check_lessons(lessons).detail
    finally:
        open_folder.chmod(0o755)

    (lessons / "00-start-here.ipynb").unlink()  # a folder of something else
    assert "has no 00-start-here.ipynb" in check_lessons(lessons).detail
