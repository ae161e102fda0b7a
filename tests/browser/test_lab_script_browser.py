"""README's first command, ``bash scripts/lab.sh``, as a newcomer runs it: the URL it prints opens the first lesson.

The script runs for real in a copy of the kit's files (scripts, pyproject.toml, notebooks, src linked), with its
``.venv`` standing in for an installed one: its ``python``, ``jupyter`` and ``medialit`` hand over to this Python,
and the install stamp for this pyproject.toml is present, so ``install_kit`` skips the minute-long pip install. The
server it starts, the doctor it runs and the URL it prints are the real ones.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import shutil
import signal
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import nbformat
import pytest
from labkit import _free_port
from playwright.sync_api import expect

pytestmark = [pytest.mark.browser, pytest.mark.slow]

REPO = Path(__file__).resolve().parents[2]
URL_LINE = re.compile(r"JupyterLab will be at\s+(http://\S+)")
TOKEN = "medialit-lab-sh-test"


def wait_until_up(port: int, server: subprocess.Popen, log: Path, seconds: float = 180) -> None:
    """Poll the server's API with the token lab.sh was given (the server answers 403 without it)."""
    request = urllib.request.Request(f"http://127.0.0.1:{port}/api/status", headers={"Authorization": f"token {TOKEN}"})
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        assert server.poll() is None, f"lab.sh exited ({server.returncode}):\n{log.read_text()[-3000:]}"
        try:
            with urllib.request.urlopen(request, timeout=2) as answer:
                if answer.status == 200:
                    return
        except OSError:
            time.sleep(0.3)
    pytest.fail(f"lab.sh's JupyterLab did not answer within {seconds} s:\n{log.read_text()[-3000:]}")


def kit_copy(folder: Path) -> Path:
    """The files lab.sh uses, with a .venv whose commands are this Python's and whose install stamp is current."""
    kit = folder / "kit"
    shutil.copytree(REPO / "scripts", kit / "scripts")
    shutil.copy(REPO / "pyproject.toml", kit)
    shutil.copytree(REPO / "notebooks", kit / "notebooks", ignore=shutil.ignore_patterns("*.highlights.json"))
    shutil.copytree(REPO / "exercises", kit / "exercises", ignore=shutil.ignore_patterns("*.highlights.json"))
    shutil.copytree(REPO / "solutions", kit / "solutions")  # a clone has the answers: lab.sh must not list them
    shutil.copytree(REPO / "course", kit / "course")  # a clone has the instructor's material: lab.sh must not list it
    shutil.copytree(REPO / "tests" / "unit", kit / "tests" / "unit")  # nor the tests, which write the keys out
    (kit / "notebooks" / "__pycache__").mkdir(exist_ok=True)  # as an import from the lessons' folder leaves it
    (kit / "src").symlink_to(REPO / "src")
    bin_dir = kit / ".venv" / "bin"
    bin_dir.mkdir(parents=True)
    for name, command in {"python": "", "jupyter": "-m jupyter", "medialit": "-m medialit"}.items():
        (bin_dir / name).write_text(f'#!/bin/sh\nexec "{sys.executable}" {command} "$@"\n')
        (bin_dir / name).chmod(0o755)
    key = hashlib.sha256((kit / "pyproject.toml").read_bytes()).hexdigest()[:16]
    (kit / ".venv" / f".medialit-installed-base-{key}").touch()
    return kit


def lab_script_env(folder: Path, port: int) -> dict[str, str]:
    home = folder / "home"
    return os.environ | {
        "PORT": str(port),
        "MEDIALIT_TOKEN": TOKEN,
        "PYTHONPATH": str(REPO / "src"),
        "JUPYTER_CONFIG_DIR": str(home / "config"),
        "JUPYTER_RUNTIME_DIR": str(home / "runtime"),
        "JUPYTERLAB_SETTINGS_DIR": str(home / "settings"),
        "JUPYTERLAB_WORKSPACES_DIR": str(home / "workspaces"),
    }


@contextmanager
def started(command: list[str], kit: Path, env: dict[str, str], log: Path) -> Iterator[subprocess.Popen]:
    """``command`` started in ``kit`` in a session of its own, its output in ``log``. On leaving, its process group
    is stopped (a Jupyter server it started is in it): one start and stop for lab.sh and a ``jupyter lab`` typed by
    hand alike."""
    with log.open("w") as out:
        server = subprocess.Popen(
            command, cwd=kit, env=env, stdout=out, stderr=subprocess.STDOUT, start_new_session=True
        )
    try:
        yield server
    finally:
        os.killpg(server.pid, signal.SIGTERM)
        try:
            server.wait(timeout=20)
        except subprocess.TimeoutExpired:
            os.killpg(server.pid, signal.SIGKILL)


@contextmanager
def lab_sh(folder: Path, port: int) -> Iterator[tuple[subprocess.Popen, Path]]:
    """``bash scripts/lab.sh`` started in a kit copy under ``folder``, asked for ``port``: the process and its log."""
    log = folder / "lab-sh.log"
    with started(["bash", "scripts/lab.sh"], kit_copy(folder), lab_script_env(folder, port), log) as server:
        yield server, log


@pytest.fixture
def lab_script(tmp_path: Path) -> Iterator[str]:
    """``bash scripts/lab.sh`` running in a kit copy: the URL it printed."""
    port = _free_port()
    with lab_sh(tmp_path, port) as (server, log):
        wait_until_up(port, server, log)
        found = URL_LINE.search(log.read_text())
        assert found, f"lab.sh printed no URL:\n{log.read_text()[-2000:]}"
        yield found.group(1)


def test_the_url_lab_sh_prints_opens_lesson_00_which_says_where_to_start(lab_script, page):
    page.goto(lab_script)
    tab = page.locator(".lm-DockPanel-tabBar .lm-TabBar-tab.lm-mod-current")
    expect(tab, f"lab.sh's URL {lab_script} opened no lesson").to_have_text(re.compile(r"00-start-here\.ipynb"))
    notebook = page.locator(".jp-NotebookPanel:not(.lm-mod-hidden)")
    expect(notebook.locator(".jp-MarkdownOutput h1").first).to_have_text(re.compile(r"Lesson 0: Start here"))
    expect(notebook.locator(".jp-MarkdownOutput").get_by_text("Run the next cell now.")).to_be_visible()
    page.wait_for_timeout(5000)  # JupyterLab asks its news question a moment after the page is ready
    expect(page.get_by_text("official Jupyter news")).to_have_count(0)


def test_a_self_learner_opens_an_exercise_from_lab_sh_s_file_browser(lab_script, page):
    """Lesson 0 sends a self-learner to the kit's ``exercises/`` folder, but lab.sh served ``notebooks/`` as the
    root: the folder was out of the file browser's reach. The browser starts beside the lessons; one level up are
    the exercises, and ex01 opens and runs."""
    page.goto(lab_script)
    listing = page.locator(".jp-FileBrowser .jp-DirListing-content")
    expect(listing.get_by_text("01-meet-the-article.ipynb")).to_be_visible()  # it starts beside the lessons
    page.locator(".jp-FileBrowser .jp-BreadCrumbs-home").click()
    names = page.locator(".jp-FileBrowser .jp-DirListing-itemText")
    expect(names.filter(has_text=re.compile(r"^exercises$"))).to_have_count(1)
    expect(names.filter(has_text=re.compile(r"^solutions$"))).to_have_count(0)  # the answers, not listed
    for name in ("exercises", "ex01-attribution", "ex01-attribution.ipynb"):
        listing.locator(".jp-DirListing-itemText", has_text=re.compile(rf"^{re.escape(name)}$")).dblclick()
    tab = page.locator(".lm-DockPanel-tabBar .lm-TabBar-tab.lm-mod-current")
    expect(tab).to_have_text(re.compile(r"ex01-attribution\.ipynb"))
    page.locator("#jp-main-statusbar").get_by_text("Idle", exact=False).first.wait_for()  # as a student waits
    first = page.locator(".jp-NotebookPanel:not(.lm-mod-hidden) .jp-CodeCell").first
    first.locator(".jp-InputArea-editor").click()
    page.keyboard.press("Escape")
    page.keyboard.press("Shift+Enter")
    expect(first.locator(".jp-InputPrompt")).to_have_text(re.compile(r"\[1\]:"))
    expect(first.locator(".jp-OutputArea-output")).to_have_count(0)  # the import ran without an error


def test_a_self_learner_scores_an_exercise_with_self_check_from_a_cell(lab_script, page, tmp_path):
    """Working alone, nobody grades an exercise: its check cells only test the format. Its intro says to save and
    run ``!medialit self-check`` in a new cell; in the kernel lab.sh starts, the command is found and scores the
    saved answer against the kit's solutions/, with the points of each question and the total."""
    exercise = tmp_path / "kit" / "exercises" / "ex01-attribution" / "ex01-attribution.ipynb"
    nb = nbformat.read(exercise, as_version=4)
    assert "`!medialit self-check`" in " ".join(nb.cells[0].source.split())
    answer = next(c for c in nb.cells if c.metadata.get("nbgrader", {}).get("grade_id") == "ex01-q3-answer")
    answer.source = "answer_q3 = [('Matthew Ingram', 'named')]"  # as saved with Ctrl+S
    nb.cells.append(nbformat.v4.new_code_cell("!medialit self-check"))
    nbformat.write(nb, exercise)
    page.goto(lab_script.replace("notebooks/00-start-here.ipynb", "exercises/ex01-attribution/ex01-attribution.ipynb"))
    page.locator("#jp-main-statusbar").get_by_text("Idle", exact=False).first.wait_for()
    last = page.locator(".jp-NotebookPanel:not(.lm-mod-hidden) .jp-CodeCell").last
    last.locator(".jp-InputArea-editor").click()
    page.keyboard.press("Escape")
    page.keyboard.press("Control+Enter")
    said = last.locator(".jp-OutputArea-output")
    expect(said).to_contain_text("total: ")
    text = said.inner_text()
    assert re.search(r"^ex01-q3: 0\.\d+ of 3 points", text, re.M) and "ex01-q1: 0 of 3 points" in text, text
    assert "Traceback" not in text and "not found" not in text


def test_self_check_from_a_copy_checks_that_copy_and_a_command_without_its_bang_says_so(lab_script, page, tmp_path):
    """self21: beside a File > Duplicate copy, ``!medialit self-check`` refused both ("2 notebooks here"); in lab.sh's
    JupyterLab the copy's kernel carries its notebook's path (JPY_SESSION_NAME), so the copy whose cell runs it is
    checked. The same command typed without its ``!`` was "SyntaxError: invalid syntax"; now one line says to add it."""
    folder = tmp_path / "kit" / "exercises" / "ex01-attribution"
    nb = nbformat.read(folder / "ex01-attribution.ipynb", as_version=4)
    answer = next(c for c in nb.cells if c.metadata.get("nbgrader", {}).get("grade_id") == "ex01-q3-answer")
    answer.source = "answer_q3 = [('Matthew Ingram', 'named')]"
    nb.cells += [nbformat.v4.new_code_cell("medialit self-check"), nbformat.v4.new_code_cell("!medialit self-check")]
    nbformat.write(nb, folder / "ex01-attribution-Copy1.ipynb")  # the original stays unanswered beside it
    page.goto(
        lab_script.replace("notebooks/00-start-here.ipynb", "exercises/ex01-attribution/ex01-attribution-Copy1.ipynb")
    )
    page.locator("#jp-main-statusbar").get_by_text("Idle", exact=False).first.wait_for()
    cells = page.locator(".jp-NotebookPanel:not(.lm-mod-hidden) .jp-CodeCell")
    results = []
    for cell, shown in ((cells.first, ""), (cells.nth(cells.count() - 2), "CommandError"), (cells.last, "total: ")):
        cell.locator(".jp-InputArea-editor").click()  # the setup cell first, as the exercise is worked from the top
        page.keyboard.press("Escape")
        page.keyboard.press("Control+Enter")
        if shown:
            said = cell.locator(".jp-OutputArea-output")
            expect(said).to_contain_text(shown)
            results.append(said.inner_text().strip())
        else:
            expect(cell.locator(".jp-InputPrompt")).to_have_text(re.compile(r"\[1\]"))
    assert results[0] == (
        "CommandError: medialit self-check is a command, not Python: put ! before it to run it in a cell "
        "(!medialit self-check)"
    ), results[0]
    assert results[1].startswith("ex01-attribution-Copy1.ipynb as last saved"), results[1]
    assert re.search(r"^ex01-q3: 0\.\d+ of 3 points", results[1], re.M) and "Traceback" not in results[1]


def test_a_lesson_check_run_before_the_set_up_cell_says_to_run_it_in_one_line(lab_script, page):
    """kernel22: a lesson opened (or its kernel restarted) and a check further down run first was
    ``NameError: name 'check' is not defined`` with its frames; lab.sh's kernels load the kit's set-up hint."""
    page.goto(lab_script.replace("00-start-here", "02-who-is-speaking"))
    page.locator("#jp-main-statusbar").get_by_text("Idle", exact=False).first.wait_for()
    check = page.locator(".jp-NotebookPanel:not(.lm-mod-hidden) .jp-CodeCell").filter(has_text='check("l2.dash"')
    check.locator(".jp-InputArea-editor").click()
    page.keyboard.press("Escape")
    page.keyboard.press("Control+Enter")
    said = check.locator(".jp-OutputArea-output")
    expect(said).to_contain_text("SetUpError")
    assert said.inner_text().strip() == (
        "SetUpError: check is not defined: the cells above that set it up have not run since the kernel started; "
        "run them first (Run > Run All Above), then this cell"
    ), said.inner_text()


def test_lab_sh_lists_no_answer_folder_and_keeps_jupyterlab_s_hidden_names(lab_script, tmp_path):
    """The kit's folder is the root: solutions/ and course/keys/ sat one click from exercises/ (verify17b). They are
    left out of every listing; JupyterLab's own hidden names (``__pycache__``) stay hidden; a lesson key is still
    read by the lessons, which load it from disk, not through the server."""
    base, token = lab_script.split("/lab/")[0], lab_script.split("token=")[1]

    def listed(path: str) -> set[str]:
        request = urllib.request.Request(f"{base}/api/contents/{path}", headers={"Authorization": f"token {token}"})
        with urllib.request.urlopen(request, timeout=10) as answer:
            return {entry["name"] for entry in json.load(answer)["content"]}

    assert {"exercises", "notebooks"} <= listed("") and not {"solutions", "course", "tests"} & listed("")
    assert (tmp_path / "kit" / "tests" / "unit" / "test_key_readings.py").is_file()  # leak24: ex01's marks, labelled
    assert "keys" not in listed("notebooks/questions")
    # self23: course/ was listed, with the transfer exercise's gold annotation and a blind annotator's answers to
    # ex01 in it; lesson 7's rubrics are copied beside the lessons instead
    assert (tmp_path / "kit" / "course" / "gold").is_dir() and "rubrics.md" in listed("notebooks")
    assert "__pycache__" not in listed("notebooks") and "questions" in listed("notebooks")


def test_self_check_after_file_rename_checks_the_renamed_notebook_not_the_one_that_took_its_old_name(
    lab_script, page, tmp_path
):
    """self22: File > Rename Notebook keeps the kernel, and the kernel keeps the path it started with
    (JPY_SESSION_NAME). A learner renames their copy ``ex01-attribution-Copy1.ipynb`` to ``mine.ipynb`` and later
    duplicates the exercise again, which makes a new ``-Copy1``: ``!medialit self-check`` in mine.ipynb checked
    that fresh, unanswered copy ("ex01-attribution-Copy1.ipynb as last saved", 0 points). The server's sessions know
    the notebook's current path; the one the running kernel belongs to is checked. (JupyterLab 4.6's File > Save As
    opens the new name with a new kernel, whose path is right; measured, so it is not the case here.)"""
    folder = tmp_path / "kit" / "exercises" / "ex01-attribution"
    nb = nbformat.read(folder / "ex01-attribution.ipynb", as_version=4)
    answer = next(c for c in nb.cells if c.metadata.get("nbgrader", {}).get("grade_id") == "ex01-q3-answer")
    answer.source = "answer_q3 = [('Matthew Ingram', 'named')]"
    nb.cells.append(nbformat.v4.new_code_cell("!medialit self-check"))
    nbformat.write(nb, folder / "ex01-attribution-Copy1.ipynb")
    page.goto(
        lab_script.replace("notebooks/00-start-here.ipynb", "exercises/ex01-attribution/ex01-attribution-Copy1.ipynb")
    )
    page.locator("#jp-main-statusbar").get_by_text("Idle", exact=False).first.wait_for()
    cells = page.locator(".jp-NotebookPanel:not(.lm-mod-hidden) .jp-CodeCell")

    def run(cell) -> str:
        cell.locator(".jp-InputArea-editor").click()
        page.keyboard.press("Escape")
        page.keyboard.press("Control+Enter")
        expect(cell.locator(".jp-InputPrompt")).to_have_text(re.compile(r"\[\d+\]"))
        return "\n".join(cell.locator(".jp-OutputArea-output").all_inner_texts())

    run(cells.first)  # the kernel starts with the copy's name
    page.get_by_role("menuitem", name="File").click()
    page.get_by_role("menuitem", name=re.compile(r"Rename Notebook")).click()
    page.locator(".jp-Dialog input").fill("mine.ipynb")
    page.locator(".jp-Dialog").get_by_role("button", name="Rename").click()
    expect(page.locator(".lm-DockPanel-tabBar .lm-TabBar-tab.lm-mod-current")).to_have_text(re.compile(r"mine\.ipynb"))
    assert (folder / "mine.ipynb").exists() and not (folder / "ex01-attribution-Copy1.ipynb").exists()
    shutil.copy(folder / "ex01-attribution.ipynb", folder / "ex01-attribution-Copy1.ipynb")  # a second Duplicate
    said = run(cells.last)
    assert said.startswith("mine.ipynb as last saved"), said
    assert re.search(r"^ex01-q3: 0\.\d+ of 3 points", said, re.M) and "Traceback" not in said, said


def test_lab_sh_on_a_port_in_use_takes_the_next_free_one_and_prints_its_url(tmp_path):
    """self22: with port 8888 taken (a second lab.sh, another notebook server), lab.sh printed
    "JupyterLab will be at http://127.0.0.1:8888/...?token=NEW", then Jupyter stopped ("port 8888 is not available"):
    the URL opened the other server's token page. It now says the port is in use and serves on the next free one,
    whose URL it prints."""
    import socket

    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        busy = taken.getsockname()[1]
        with lab_sh(tmp_path, busy) as (server, log):
            deadline = time.monotonic() + 180
            while not URL_LINE.search(log.read_text()) and time.monotonic() < deadline:
                assert server.poll() is None, f"lab.sh exited ({server.returncode}):\n{log.read_text()[-3000:]}"
                time.sleep(0.5)
            text = log.read_text()
            url = URL_LINE.search(text)
            assert url, text[-3000:]
            port = int(re.search(r"127\.0\.0\.1:(\d+)/", url.group(1)).group(1))
            assert port != busy and f"port {busy} is in use (another JupyterLab?), so this one uses port {port}" in text
            wait_until_up(port, server, log)
            assert "is not available" not in log.read_text()


def test_jupyter_lab_typed_by_hand_in_the_kit_s_environment_gives_the_set_up_hint_too(tmp_path, page):
    """self23: a self-learner who installed with lab.sh and later types ``jupyter lab`` in the kit's environment
    (``source .venv/bin/activate``) got ``NameError`` tracebacks for a check run before the set-up cell: only lab.sh's
    command line named the kit's kernel spec manager. The install now leaves a server config in the environment's own
    Jupyter folder (``.venv/etc/jupyter``); every server of that environment reads it. Here the kit copy's ``.venv``
    only hands over to this Python, whose own prefix is elsewhere, so ``JUPYTER_CONFIG_PATH`` names that folder for it,
    as ``sys.prefix/etc/jupyter`` is named in a real one. The server is started as typed: no option of lab.sh's."""
    kit = kit_copy(tmp_path)
    env = lab_script_env(tmp_path, 0)
    subprocess.run(["bash", "-c", 'source scripts/install.sh && install_kit ""'], cwd=kit, env=env, check=True)
    config = kit / ".venv" / "etc" / "jupyter"
    assert (config / "jupyter_server_config.py").is_file()
    port = _free_port()
    log = tmp_path / "jupyter-lab.log"
    typed = [str(kit / ".venv" / "bin" / "jupyter"), "lab", "--no-browser", "--allow-root", "--port", str(port),
             f"--IdentityProvider.token={TOKEN}"]  # fmt: skip
    with started(typed, kit, env | {"JUPYTER_CONFIG_PATH": str(config)}, log) as server:
        wait_until_up(port, server, log)
        page.goto(f"http://127.0.0.1:{port}/lab/tree/notebooks/02-who-is-speaking.ipynb?token={TOKEN}")
        page.locator("#jp-main-statusbar").get_by_text("Idle", exact=False).first.wait_for()
        check = page.locator(".jp-NotebookPanel:not(.lm-mod-hidden) .jp-CodeCell").filter(has_text='check("l2.dash"')
        check.locator(".jp-InputArea-editor").click()
        page.keyboard.press("Escape")
        page.keyboard.press("Control+Enter")
        said = check.locator(".jp-OutputArea-output")
        expect(said).to_contain_text("is not defined")
        assert said.inner_text().strip().startswith("SetUpError: check is not defined: the cells above"), (
            said.inner_text()
        )
