"""What the kit's ``medialit-notebook-aids`` JupyterLab extension gives a student, in real JupyterLab and Chromium.

- A lesson just opened is not marked unsaved: the kernel's language_info, written into the notebook's
  metadata when the kernel starts, marked every lesson dirty before the student touched it. A real change
  still marks it, and Ctrl+S saves it.
- A check's printed verdict is said to screen readers: it reaches a polite status region of the page
  (read from Chromium's accessibility tree, what assistive technology reads), not only the cell's output.
"""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import nbformat
import pytest
from playwright.sync_api import expect
from test_lessons_browser import PANEL, axe_severe, copy_notebooks
from test_students_browser import conftest_module

pytestmark = pytest.mark.browser

LESSON = "00-start-here.ipynb"
EXERCISES = Path(__file__).resolve().parents[2] / "exercises"
DIRTY = re.compile(r"\bjp-mod-dirty\b")


def open_lesson(page, lab, workdir, path=None):
    path = path or copy_notebooks(workdir) / LESSON
    nb = conftest_module().Notebook(page, lab, path).open()
    # the kernel has answered: JupyterLab has written its full language_info into the notebook's metadata
    page.wait_for_function(
        "() => !!window.jupyterapp.shell.currentWidget?.context?.model?.getMetadata('language_info')?.version"
    )
    return nb, path


def code_cells(path) -> list[int]:
    return [i for i, c in enumerate(nbformat.read(path, as_version=4).cells) if c.cell_type == "code"]


def test_an_exercise_opens_clean(lab, workdir, page):
    """The exercises also differ from the kernel in the kernelspec's display name ("Python 3")."""
    shutil.copytree(EXERCISES / "ex01-attribution", workdir / "ex01-attribution")
    path = workdir / "ex01-attribution" / "ex01-attribution.ipynb"
    assert nbformat.read(path, as_version=4).metadata["kernelspec"]["display_name"] == "Python 3"
    nb, _ = open_lesson(page, lab, workdir, path)
    page.wait_for_timeout(500)
    expect(page.locator(".lm-TabBar-tab.jp-mod-current")).not_to_have_class(DIRTY)

    # the exercise's check is said too: here its one-line error for a question not answered yet
    cells = nbformat.read(path, as_version=4).cells
    nb.run(code_cells(path)[0])
    for starts in ("answer_q1 = None", 'check("ex01-q1"'):
        nb.run(next(i for i, c in enumerate(cells) if c.source.startswith(starts)))
    expect(page.get_by_role("status").filter(has_text="no saved highlights (ex01-q1.highlights.json)")).to_have_count(1)


def test_a_lesson_opens_clean_and_a_change_still_asks_to_be_saved(lab, workdir, page):
    nb, path = open_lesson(page, lab, workdir)
    tab = page.locator(".lm-TabBar-tab.jp-mod-current")
    page.wait_for_timeout(500)  # a dirty mark that came late would show by now (this wait can only hide a pass)
    expect(tab).not_to_have_class(DIRTY)
    assert page.evaluate("() => window.jupyterapp.shell.currentWidget.context.model.dirty") is False

    first = code_cells(path)[0]
    nb.cell(first).locator(".jp-InputArea-editor").click()
    page.keyboard.press("Control+End")
    page.keyboard.type("\n# my own note")
    expect(tab).to_have_class(DIRTY)
    page.keyboard.press("Control+s")
    expect(tab).not_to_have_class(DIRTY)
    saved = nbformat.read(path, as_version=4)
    assert "# my own note" in saved.cells[first].source
    assert saved.metadata["language_info"].get("version")  # the save writes the kernel's language_info as before


def test_a_checks_verdict_is_said_in_a_status_region(lab, workdir, page, heard):
    nb, path = open_lesson(page, lab, workdir)
    setup, check = code_cells(path)[:2]
    nb.run(setup)
    cell = nb.cell(check)
    cell.locator(".jp-InputArea-editor").click()
    page.keyboard.press("End")
    page.keyboard.press("ArrowLeft")
    page.keyboard.press("ArrowLeft")  # between the quotes of check("l0.run", "")
    page.keyboard.type("ctrl enter")
    nb.run(check)
    expect(cell.locator(".jp-OutputArea-output").last).to_contain_text("Not yet.")
    region = page.get_by_role("status").filter(has_text="Not yet.")
    expect(region).to_have_count(1)
    assert any(s.startswith("Not yet.") for s in heard("status")), heard("status")

    nb.run(check)  # the same verdict again is said again: the region is emptied first
    expect(region).to_have_count(0)
    expect(region).to_have_count(1)

    cell.locator(".jp-InputArea-editor").click()
    page.keyboard.press("End")
    for _ in range(len('ctrl enter")')):
        page.keyboard.press("Backspace")
    page.keyboard.type('shift enter")')
    nb.run(check)
    expect(page.get_by_role("status").filter(has_text="Correct. Shift+Enter")).to_have_count(1)
    assert any(s.startswith("Correct. Shift+Enter") for s in heard("status")), heard("status")
    assert axe_severe(page, {"include": [["#medialit-output-announcer"]]}) == [], json.dumps(heard("status"))
    assert page.locator(PANEL).count() == 1
