"""A released exercise under *Run > Run All Cells* in real JupyterLab and Chromium, as a student first opens it.

Every check cell fails until its question is answered (nbgrader's Validate must say so), yet Run All must go
on to the end so that every question's highlighter appears: the check cells carry the ``raises-exception``
tag (``medialit.instructor.exercise_notebook.CHECK_TAGS``). Each released exercise is copied from
``exercises/`` into a fresh folder and run from the menu bar; for ex01 the toolbar's Validate button is
pressed as well. Screenshots go to test-artifacts/.
"""

from __future__ import annotations

import re
import shutil
import time
from pathlib import Path

import nbformat
import pytest
from playwright.sync_api import expect
from test_students_browser import conftest_module

from medialit.exercises.items import item

pytestmark = [pytest.mark.browser, pytest.mark.slow]

REPO = Path(__file__).resolve().parents[2]
RELEASED = sorted((REPO / "exercises").glob("ex*/ex*.ipynb"))
RUN_ALL_MS = 300_000
QUIET_S = 5  # no cell running this long: Run All has stopped
VALIDATE_MS = 120_000
NOT_ANSWERED = re.compile(r"^AnswerError: no saved highlights \(ex\d\d-q\d+\.highlights\.json\) and no answer")


def cells_by_role(path: Path) -> tuple[dict[str, int], dict[str, int]]:
    """Cell indices of the highlighter (``show("ID")``) cells and of the check cells, by item id."""
    cells = nbformat.read(path, as_version=4).cells
    shows, checks = {}, {}
    for index, cell in enumerate(cells):
        grade_id = cell.metadata.get("nbgrader", {}).get("grade_id", "")
        item_id = grade_id.removesuffix("-show")
        if grade_id.endswith("-show") and f'show("{item_id}")' in cell.source:
            shows[item_id] = index
        elif grade_id.endswith("-test"):
            checks[grade_id.removesuffix("-test")] = index
    return shows, checks


CODE_CELLS = """() => Array.from(window.jupyterapp.shell.currentWidget.content.model.cells)
  .filter(c => c.type === 'code').map(c => ({count: c.executionCount, state: c.executionState}))"""
"""The notebook model's code cells (every cell, drawn or not: JupyterLab draws cells lazily)."""


def run_all_from_the_menu(nb) -> None:
    """*Run > Run All Cells*; returns once every code cell has run, or none has been running for ``QUIET_S``.

    A loaded machine leaves moments between two cells with no cell marked running, so "nothing running"
    alone ended the wait mid-run (the same release then showed a different list of cells not run).
    """
    page = nb.page
    page.locator("#jp-MainMenu .lm-MenuBar-itemLabel", has_text=re.compile(r"^Run$")).click()
    page.locator(".lm-Menu-item[data-command='runmenu:run-all']").click()
    deadline = time.monotonic() + RUN_ALL_MS / 1000
    quiet_since = None
    while True:
        cells = page.evaluate(CODE_CELLS)
        if all(cell["count"] for cell in cells):
            break
        now = time.monotonic()
        running = any(cell["state"] == "running" for cell in cells) or not any(cell["count"] for cell in cells)
        quiet_since = None if running else (quiet_since or now)
        if quiet_since is not None and now - quiet_since >= QUIET_S:
            break  # the run stopped: the test's assertion says where
        assert now < deadline, f"Run All still running after {RUN_ALL_MS // 1000} s"
        page.wait_for_timeout(200)
    nb.wait_idle()


def not_run(page) -> list[int]:
    """Indices (among code cells) that have no execution count after the run."""
    return [i for i, cell in enumerate(page.evaluate(CODE_CELLS)) if not cell["count"]]


def output_text(nb, index: int) -> str:
    """The cell's output as text (textContent: a cell scrolled out of view has no innerText)."""
    return nb.cell(index).locator(".jp-OutputArea-output").last.evaluate("n => n.textContent").strip()


@pytest.mark.parametrize("released", RELEASED, ids=lambda p: p.stem)
def test_run_all_shows_every_highlighter_while_each_unanswered_check_fails_in_one_line(
    released, lab, workdir, page, screenshot
):
    folder = workdir / released.parent.name
    shutil.copytree(released.parent, folder)  # the release as a student fetches it: no highlights yet
    shows, checks = cells_by_role(released)
    assert shows and checks, f"{released.name}: no highlighter or check cell found"
    nb = conftest_module().Notebook(page, lab, folder / released.name).open()
    run_all_from_the_menu(nb)

    assert not_run(page) == [], f"{released.name}: Run All stopped; code cells never run: {not_run(page)}"
    for item_id, index in shows.items():
        text = nb.widget(index).locator(".ml-text")
        text.scroll_into_view_if_needed()
        expect(text, f"{item_id}: no highlighter after Run All").to_be_visible()
        links = 1 if item(item_id).kind == "speakers" else 0  # a Link button only where links are asked for
        expect(nb.widget(index).locator("button.ml-link"), f"{item_id}: Link buttons").to_have_count(links)
    for item_id, index in checks.items():
        error = nb.cell(index).locator(".jp-OutputArea-output[data-mime-type='application/vnd.jupyter.stderr']")
        expect(error, f"{item_id}: the unanswered check shows no error").to_have_count(1)
        said = output_text(nb, index)
        assert NOT_ANSWERED.match(said) and "\n" not in said and "Traceback" not in said, f"{item_id}: {said!r}"
    shown_in_view(nb.cell(next(iter(checks.values()))).locator(".jp-OutputArea-output"))
    screenshot(page, f"run-all-{released.stem}-first-check.png")
    shown_in_view(nb.widget(max(shows.values())).locator(".ml-text"))
    screenshot(page, f"run-all-{released.stem}-last-highlighter.png")


def shown_in_view(target) -> None:
    """Scroll ``target`` into the window and wait until JupyterLab has drawn it there (cells are drawn lazily)."""
    target.scroll_into_view_if_needed()
    expect(target).to_be_in_viewport()


def test_the_validate_button_still_reports_every_unanswered_check(lab, workdir, page, screenshot):
    """nbgrader's toolbar button saves the notebook and validates it on the server: the checks fail there too."""
    released = next(p for p in RELEASED if p.stem.startswith("ex01"))
    folder = workdir / released.parent.name
    shutil.copytree(released.parent, folder)
    _, checks = cells_by_role(released)
    nb = conftest_module().Notebook(page, lab, folder / released.name).open()
    run_all_from_the_menu(nb)
    page.locator(".jp-NotebookPanel:not(.lm-mod-hidden) .jp-Toolbar").get_by_text("Validate", exact=True).click()
    dialog = page.locator(".jp-Dialog")
    expect(dialog).to_contain_text("Validation Results", timeout=VALIDATE_MS)
    expect(dialog.get_by_text("The following cell failed:")).to_have_count(len(checks))
    for item_id in checks:
        expect(dialog).to_contain_text(f'check("{item_id}"')
        expect(dialog).to_contain_text(f"AnswerError: no saved highlights ({item_id}.highlights.json)")
    screenshot(page, "run-all-validate-dialog.png")
    dialog.locator(".jp-mod-accept").click()
