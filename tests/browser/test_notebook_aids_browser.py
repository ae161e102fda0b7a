"""What the kit's ``medialit-notebook-aids`` JupyterLab extension gives a student, in real JupyterLab and Chromium.

- A lesson just opened is not marked unsaved: the kernel's language_info, written into the notebook's
  metadata when the kernel starts, marked every lesson dirty before the student touched it. A real change
  still marks it, and Ctrl+S saves it.
- A check's printed verdict is said to screen readers: it reaches a polite status region of the page
  (read from Chromium's accessibility tree, what assistive technology reads), not only the cell's output.
  Only what a student needs is said: a check's verdict or an error, not a question cell's article text
  (~500 characters); a run of several cells (Run All) says one summary at its end, not each check in turn.
"""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import nbformat
import pytest
from playwright.sync_api import expect
from test_exercise_run_all_browser import NOT_ANSWERED, run_all_from_the_menu
from test_lessons_browser import PANEL, axe_severe, copy_notebooks, whole_notebook_on_screen
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


def test_every_aid_is_active_with_the_stopped_server_message_among_them(lab, workdir, page):
    """server-stopped provides JupyterLab's IConnectionLost from shared packages the others did not need
    (tests/hub/test_hub_walk.py walks it on a hub; outside one it hands back JupyterLab's own message): all five
    plugins load."""
    open_lesson(page, lab, workdir)
    for name in ("server-stopped", "clean-open", "narrow-open", "reflow-markdown", "announce-output"):
        assert page.evaluate(f"() => window.jupyterapp.isPluginActivated('medialit-notebook-aids:{name}')"), name


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


LISTEN = """() => {
  const live = document.getElementById('medialit-output-announcer');
  window.__said = [];
  new MutationObserver(() => { const t = live.textContent.trim(); if (t) window.__said.push(t); })
    .observe(live, { childList: true, characterData: true, subtree: true });
}"""
"""Keep every text the status region takes from now on (``window.__said``): each is one announcement."""


def announced(page, settle_ms: int = 1500) -> list[str]:
    """What the status region said since ``LISTEN``, once nothing has been said for ``settle_ms``."""
    page.wait_for_timeout(settle_ms)  # an announcement is due 0.55 s after a run ends; this can only hide a pass
    return page.evaluate("() => window.__said")


def test_a_question_cell_is_not_read_out_and_its_check_is(lab, workdir, page):
    """Printing the question's article part (~500 characters) said them all; its check's one line is what counts."""
    shutil.copytree(EXERCISES / "ex01-attribution", workdir / "ex01-attribution")
    path = workdir / "ex01-attribution" / "ex01-attribution.ipynb"
    nb, _ = open_lesson(page, lab, workdir, path)
    cells = nbformat.read(path, as_version=4).cells
    where = {start: next(i for i, c in enumerate(cells) if c.source.startswith(start)) for start in (
        "from medialit", 'print(item("ex01-q1")', "answer_q1 = None", 'check("ex01-q1"')}  # fmt: skip
    nb.run(where["from medialit"])
    page.evaluate(LISTEN)
    nb.run(where['print(item("ex01-q1")'])
    expect(nb.widget(where['print(item("ex01-q1")'])).to_be_visible()
    assert announced(page) == []
    nb.run(where["answer_q1 = None"])
    nb.run(where['check("ex01-q1"'])
    said_now = announced(page)
    # the answer cell and the check may make one run when run quickly: then the count comes first
    assert len(said_now) == 1 and NOT_ANSWERED.match(re.sub(r"^Ran 2 cells\. ", "", said_now[0])), said_now


def test_run_all_says_one_summary(lab, workdir, page, heard):
    """Run All said every printed article part and each unanswered check in turn; now one line at the end."""
    shutil.copytree(EXERCISES / "ex01-attribution", workdir / "ex01-attribution")
    path = workdir / "ex01-attribution" / "ex01-attribution.ipynb"
    nb, _ = open_lesson(page, lab, workdir, path)
    page.evaluate(LISTEN)
    run_all_from_the_menu(nb)
    said_now = announced(page)
    ran = len(code_cells(path))
    assert said_now == [f"Ran {ran} cells: 4 checks (4 not answered yet)."], said_now
    assert any(s.startswith(f"Ran {ran} cells") for s in heard("status")), heard("status")


def test_a_run_of_several_cells_names_the_first_error(lab, workdir, page):
    """A typo stops the run: the summary names the error with its cell, and the check that did not run."""
    nb, path = open_lesson(page, lab, workdir)
    first, check = code_cells(path)[:2]
    nb.cell(first).locator(".jp-InputArea-editor").click()
    page.keyboard.press("Control+End")
    page.keyboard.type("\nprint(articel)")
    page.keyboard.press("Escape")
    page.evaluate(LISTEN)
    for _ in range(check - first):
        page.keyboard.press("Shift+ArrowDown")  # the first code cell, the Markdown below it, the check
    page.keyboard.press("Control+Enter")
    said_now = announced(page, 3000)
    assert said_now == [
        f"Ran 1 cell. 1 error, the first in cell {first + 1}: NameError: name 'articel' is not defined. "
        "1 cell did not run."
    ], said_now


def test_run_all_of_a_lesson_counts_its_checks_by_outcome(lab, workdir, page):
    """The summary tells a passed check from one not answered yet, in the lesson checks' own words."""
    nb, path = open_lesson(page, lab, workdir)
    check = code_cells(path)[1]
    nb.cell(check).locator(".jp-InputArea-editor").click()
    page.keyboard.press("End")
    page.keyboard.press("ArrowLeft")
    page.keyboard.press("ArrowLeft")  # between the quotes of check("l0.run", "")
    page.keyboard.type("shift enter")
    page.keyboard.press("Escape")
    page.evaluate(LISTEN)
    run_all_from_the_menu(nb)
    said_now = announced(page)
    # l0.run answered, l0.try-it (nothing marked) and l0.saved not yet; the pre-test's record is a save, not a check
    assert said_now == [f"Ran {len(code_cells(path))} cells: 3 checks (1 passed, 2 not answered yet)."], said_now


TABLES = """() => [...document.querySelectorAll('.jp-NotebookPanel:not(.lm-mod-hidden) .jp-MarkdownOutput table')]
  .map(t => { const md = t.closest('.jp-MarkdownOutput');
              return {cut: md.scrollWidth - md.clientWidth, head: t.querySelector('th')?.textContent}; })"""


@pytest.mark.parametrize(
    "lesson",
    ["00-start-here", "02-who-is-speaking", "05-where-did-this-text-come-from", "09-news-opinion-and-advertising"],
)
def test_a_lessons_markdown_fits_a_320_px_window(lab, workdir, page, lesson):
    """WCAG 1.4.10 (reflow): at 320 CSS px a lesson's table, or a file name in lesson 0, ran past its cell and only
    a mouse could scroll to the rest (axe: scrollable-region-focusable); now the columns wrap and the text fits."""
    path = copy_notebooks(workdir) / f"{lesson}.ipynb"
    conftest_module().Notebook(page, lab, path).open()
    page.evaluate("() => window.jupyterapp.commands.execute('application:toggle-left-area')")  # as a student would
    expect(page.locator("#jp-left-stack")).to_be_hidden()
    page.set_viewport_size({"width": 320, "height": 640})
    with whole_notebook_on_screen(page):  # JupyterLab draws only the cells in view
        found = page.evaluate(TABLES)
    assert found and all(t["cut"] <= 0 for t in found), found
    problems = axe_severe(page, {"include": [[".jp-NotebookPanel:not(.lm-mod-hidden) .jp-MarkdownOutput"]]})
    assert problems == [], json.dumps(problems, indent=1, ensure_ascii=False)


def test_at_320_px_a_lesson_opened_from_the_file_browser_by_keyboard_gets_the_width_and_its_highlighter_works(
    lab, workdir, page, screenshot
):
    """student23, WCAG 1.4.10: at 320 CSS px (a phone, 1280 px at 400 %) a student who Tabs to the file browser and
    opens lesson 0 with Enter got the lesson in the 2 px the browser's 250 px panel left: nothing of it showed.
    Now the side panels close when a document opens in a narrow window, the lesson takes the width, and its
    highlighter is run, marked and checked by keyboard without running past the window (axe: nothing)."""
    from test_lesson_keyboard_browser import answer, cell_index, tab_into, word_by_word
    from test_students_browser import axe

    folder = copy_notebooks(workdir)
    path = folder / LESSON
    page.set_viewport_size({"width": 320, "height": 640})
    page.goto(f"{lab.url}lab/tree/{folder.relative_to(lab.root).as_posix()}?reset")
    listing = page.locator(".jp-DirListing-content")
    expect(listing.get_by_text(LESSON)).to_be_visible()
    inside = "() => !!document.activeElement.closest('.jp-DirListing')"
    for _ in range(40):  # Tab from the page's start: the launcher's cards, the tab bars, then the file list
        if page.evaluate(inside):
            break
        page.keyboard.press("Tab")
    assert page.evaluate(inside), "Tab never reached the file browser"
    for _ in range(30):
        if page.evaluate("() => document.activeElement.textContent.trim()") == LESSON:
            break
        page.keyboard.press("ArrowDown")
    page.keyboard.press("Enter")
    panel = page.locator(PANEL)
    expect(panel.locator(".jp-Notebook")).to_be_visible()
    nb = conftest_module().Notebook(page, lab, path)
    nb.wait_idle()
    expect(page.locator("#jp-left-stack")).to_be_hidden()
    assert panel.evaluate("p => p.getBoundingClientRect().width") >= 240
    shown = cell_index(path, "from medialit import Highlighter, from_text")
    page.evaluate("() => window.jupyterapp.shell.currentWidget.content.node.focus()")  # as JupyterLab opens it
    for _ in range(shown + 1):
        page.keyboard.press("Shift+Enter")
    widget = nb.cell(shown).locator(".medialit-highlighter")
    tab_into(page, widget)
    word_by_word(page, widget, ["Vesterhavn"])
    page.keyboard.press("2")  # place
    expect(widget.locator(".ml-status")).to_contain_text("saved 1 mark")
    said = answer(
        nb, page, cell_index(path, 'check_highlights("l0.try-it"'), 'check_highlights("l0.try-it", hl, sample)'
    )
    assert said.startswith("You marked 1: 1 of 2 key items found, 0 extra."), said
    text = widget.locator(".ml-text")
    assert text.evaluate("t => t.getBoundingClientRect().right") <= 320, "the text runs past the window"
    assert text.evaluate("t => t.scrollWidth <= t.clientWidth + 1"), "the text scrolls sideways"
    assert axe(page, widget) == []
    screenshot(page, "lesson00-at-320px.png")


LEFT_OPEN = "() => !window.jupyterapp.shell.leftCollapsed"


def test_a_window_made_narrow_with_a_lesson_open_closes_the_side_panels_once(lab, workdir, page):
    """student24, WCAG 1.4.10: the side panels closed when a document opened below 720 px, not when the window (a
    browser zoomed to 200 %, a split screen) went narrow with the lesson already open: the file browser kept its
    250 px and the lesson the rest. Now crossing below 720 px closes them as an open does; a student who opens the
    file browser again by hand keeps it while the window stays narrow, and it closes again at the next crossing."""
    nb, _ = open_lesson(page, lab, workdir)
    panel = page.locator(PANEL)
    page.evaluate("() => window.jupyterapp.commands.execute('filebrowser:activate')")  # JupyterLab's own start
    expect(page.locator("#jp-left-stack")).to_be_visible()
    page.set_viewport_size({"width": 640, "height": 800})
    expect(page.locator("#jp-left-stack")).to_be_hidden()
    assert page.evaluate(LEFT_OPEN) is False
    assert panel.evaluate("p => p.getBoundingClientRect().width") >= 560  # the window less the two icon bars

    page.keyboard.press("Escape")
    page.keyboard.press("Control+b")  # the student wants the file browser back
    expect(page.locator("#jp-left-stack")).to_be_visible()
    for width in (600, 700, 560):  # resized, still narrow: the student's choice stands
        page.set_viewport_size({"width": width, "height": 800})
        page.wait_for_timeout(300)  # a close that came late would show by now (this wait can only hide a pass)
        expect(page.locator("#jp-left-stack")).to_be_visible()
    nb.run(code_cells(nb.path)[0])  # running a cell (the document stays current) closes nothing either
    expect(page.locator("#jp-left-stack")).to_be_visible()

    page.set_viewport_size({"width": 1280, "height": 800})  # wide again: JupyterLab's layout, untouched
    page.wait_for_timeout(300)
    expect(page.locator("#jp-left-stack")).to_be_visible()
    page.set_viewport_size({"width": 700, "height": 800})  # the next crossing closes them again
    expect(page.locator("#jp-left-stack")).to_be_hidden()
