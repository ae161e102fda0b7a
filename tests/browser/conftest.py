"""Real JupyterLab in real Chromium: one server per test session, a fresh folder and page per test.

Fixtures other browser tests reuse:

- ``lab``: a running JupyterLab (``Lab``: ``url``, ``root``), started once with this Python on 127.0.0.1;
- ``workdir``: a fresh folder inside the server root for one test (fixture notebooks go there);
- ``page``: a Playwright page on Debian's Chromium;
- ``notebook``: a ``Notebook`` helper factory: write a notebook from cell sources, open it, run cells,
  restart the kernel, read cell output. Waits only through Playwright's retrying waits;
- ``heard``: ``heard(role)``, what a screen reader reads of the page: the text under each node of that role in
  Chromium's own accessibility tree.

Screenshots go to ``test-artifacts/`` at the repository root (git-ignored).
"""

from __future__ import annotations

import json
import re
import shutil
import urllib.request
import uuid
from collections.abc import Iterator
from pathlib import Path

import nbformat
import pytest
from labkit import Lab, running_lab

REPO = Path(__file__).resolve().parents[2]
ARTIFACTS = REPO / "test-artifacts"
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
TIMEOUT_MS = 60_000
_DONE_PROMPT = re.compile(r"\[\d+\]:")


@pytest.fixture(scope="session")
def lab(tmp_path_factory) -> Iterator[Lab]:
    if not Path(CHROMIUM).exists():
        pytest.skip(f"{CHROMIUM} is missing: apt-get install -y chromium")
    with running_lab(tmp_path_factory.mktemp("lab-root"), tmp_path_factory.mktemp("lab-home")) as server:
        yield server


@pytest.fixture(scope="session")
def browser():
    from playwright.sync_api import expect, sync_playwright

    expect.set_options(timeout=TIMEOUT_MS)
    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


@pytest.fixture
def page(browser):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    context.set_default_timeout(TIMEOUT_MS)
    page = context.new_page()
    yield page
    context.close()


@pytest.fixture
def workdir(lab: Lab, request) -> Iterator[Path]:
    """A fresh folder in the server root for one test, removed afterwards."""
    name = f"{request.node.name[:40].replace('[', '-').replace(']', '')}-{uuid.uuid4().hex[:6]}"
    folder = lab.root / name
    folder.mkdir()
    yield folder
    _shut_down_kernels(lab, folder)
    shutil.rmtree(folder, ignore_errors=True)


def _shut_down_kernels(lab: Lab, folder: Path) -> None:
    """End the sessions a test opened, so kernels do not pile up over a run (two cores)."""
    prefix = folder.relative_to(lab.root).as_posix() + "/"
    with urllib.request.urlopen(f"{lab.url}api/sessions", timeout=10) as answer:
        sessions = json.load(answer)
    for session in sessions:
        if session.get("path", "").startswith(prefix):
            request = urllib.request.Request(f"{lab.url}api/sessions/{session['id']}", method="DELETE")
            urllib.request.urlopen(request, timeout=30).close()


def write_notebook(path: Path, cells: list[str]) -> Path:
    """A notebook of code cells with the repository's Python kernel."""
    nb = nbformat.v4.new_notebook()
    nb.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3", "language": "python"}
    nb.cells = [nbformat.v4.new_code_cell(source) for source in cells]
    nbformat.write(nb, path)
    return path


@pytest.fixture
def heard(page):
    """``heard("status")``: the text under each node of that role (``"mark"``, ``"status"``) in Chromium's
    accessibility tree, white space folded; read over the DevTools protocol because that tree, not the DOM, is
    what assistive technology reads (a mark read in pieces shows as several)."""

    def read(role: str) -> list[str]:
        tree = page.context.new_cdp_session(page).send("Accessibility.getFullAXTree")["nodes"]
        nodes = {n["nodeId"]: n for n in tree}

        def text(node: dict) -> str:
            if node.get("role", {}).get("value") == "StaticText":
                return node.get("name", {}).get("value", "")
            return "".join(text(nodes[c]) for c in node.get("childIds", []) if c in nodes)

        return [" ".join(text(n).split()) for n in tree if n.get("role", {}).get("value") == role]

    return read


@pytest.fixture
def screenshot():
    """``screenshot(page_or_locator, "name.png")`` saves a test artifact under test-artifacts/."""

    def save(target, name: str) -> Path:
        ARTIFACTS.mkdir(exist_ok=True)
        path = ARTIFACTS / name
        target.screenshot(path=str(path))
        return path

    return save


class Notebook:
    """Drive one notebook in JupyterLab: open, run cells, restart, read outputs."""

    def __init__(self, page, lab: Lab, path: Path):
        self.page = page
        self.lab = lab
        self.path = path

    def open(self) -> Notebook:
        rel = self.path.relative_to(self.lab.root).as_posix()
        self.page.goto(f"{self.lab.url}lab/tree/{rel}?reset")
        self.page.locator(".jp-Notebook").wait_for()
        self.wait_idle()
        return self

    def wait_idle(self) -> None:
        """The kernel indicator in the toolbar reads idle."""
        status = self.page.locator("#jp-main-statusbar").get_by_text("Idle", exact=False)
        status.first.wait_for()

    def cell(self, index: int):
        return self.page.locator(".jp-NotebookPanel:not(.lm-mod-hidden) .jp-Cell").nth(index)

    def run(self, index: int) -> None:
        """Run one cell with Ctrl+Enter and wait until it has an execution count (not '*')."""
        cell = self.cell(index)
        cell.locator(".jp-InputArea-editor").click()
        self.page.keyboard.press("Escape")
        before = cell.locator(".jp-InputPrompt").inner_text()
        self.page.keyboard.press("Control+Enter")
        self._wait_done(cell, before)

    def _wait_done(self, cell, before: str) -> None:
        from playwright.sync_api import expect

        prompt = cell.locator(".jp-InputPrompt")
        expect(prompt).not_to_have_text(before)
        expect(prompt).to_have_text(_DONE_PROMPT)

    def run_all(self) -> None:
        self._command("runmenu:run-all")
        self.wait_idle_after_run()

    def wait_idle_after_run(self) -> None:
        from playwright.sync_api import expect

        cells = self.page.locator(".jp-NotebookPanel:not(.lm-mod-hidden) .jp-CodeCell .jp-InputPrompt")
        for i in range(cells.count()):
            expect(cells.nth(i)).to_have_text(_DONE_PROMPT)

    def restart(self) -> None:
        """Restart the kernel without the confirmation dialog and wait until it is idle again."""
        from playwright.sync_api import expect

        self._command("kernelmenu:restart")
        self.page.locator(".jp-Dialog .jp-mod-accept").click()
        expect(self.page.locator(".jp-Dialog")).to_have_count(0)
        self.wait_idle()

    def _command(self, name: str, args: dict | None = None) -> None:
        """Start a JupyterLab command without awaiting it (a command waiting on a dialog never resolves)."""
        self.page.evaluate("([name, args]) => { window.jupyterapp.commands.execute(name, args); }", [name, args or {}])

    def set_theme(self, theme: str) -> None:
        """Switch JupyterLab's theme ("JupyterLab Light" or "JupyterLab Dark") and wait until it is applied."""
        self._command("apputils:change-theme", {"theme": theme})
        light = "true" if "Light" in theme else "false"
        self.page.locator(f"body[data-jp-theme-light='{light}']").wait_for(state="attached")

    def output_text(self, index: int) -> str:
        return self.cell(index).locator(".jp-OutputArea-output").last.inner_text()

    def widget(self, index: int):
        return self.cell(index).locator(".medialit-highlighter")


@pytest.fixture
def notebook(page, lab: Lab, workdir: Path):
    """``notebook(cells, name="test.ipynb", on=page)`` writes a notebook into the test's folder and opens it."""

    def make(cells: list[str], name: str = "test.ipynb", on=None) -> Notebook:
        path = write_notebook(workdir / name, cells)
        return Notebook(on or page, lab, path).open()

    return make
