"""Lessons 1 and 9 in real JupyterLab and Chromium: run all, then the highlighter, a figure and a check.

The lesson is copied with its practice articles and questions into a fresh folder of the
server root, opened as a student would open it, and run with JupyterLab's own
``runmenu:run-all`` command. Screenshots go to test-artifacts/.
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import nbformat
import pytest
from playwright.sync_api import expect

pytestmark = pytest.mark.browser

NOTEBOOKS = Path(__file__).resolve().parents[2] / "notebooks"
LESSON = "01-meet-the-article.ipynb"
DONE = re.compile(r"\[\d+\]:")


def copy_lesson(folder: Path, lesson: str = LESSON) -> Path:
    shutil.copy(NOTEBOOKS / lesson, folder / lesson)
    shutil.copytree(NOTEBOOKS / "articles", folder / "articles")
    shutil.copytree(NOTEBOOKS / "questions", folder / "questions")  # the self-checks, read beside the lesson
    return folder / lesson


def open_and_run_all(page, lab, path: Path):
    """Open the lesson as a student would, run it with JupyterLab's run-all, and return its panel."""
    page.goto(f"{lab.url}lab/tree/{path.relative_to(lab.root).as_posix()}?reset")
    page.locator(".jp-Notebook").wait_for()
    expect(page.locator("#jp-main-statusbar").get_by_text("Idle", exact=False).first).to_be_visible()
    page.evaluate("window.jupyterapp.commands.execute('runmenu:run-all')")
    prompts = page.locator(".jp-NotebookPanel:not(.lm-mod-hidden) .jp-CodeCell .jp-InputPrompt")
    for i in range(prompts.count()):
        expect(prompts.nth(i)).to_have_text(DONE)
    panel = page.locator(".jp-NotebookPanel:not(.lm-mod-hidden)")
    expect(panel.locator(".jp-OutputArea-output[data-mime-type='application/vnd.jupyter.stderr']")).to_have_count(0)
    return panel


def test_lesson_one_runs_and_shows_the_highlighter_and_a_figure(lab, workdir, page, screenshot):
    path = copy_lesson(workdir)
    panel = open_and_run_all(page, lab, path)
    assert panel.locator(".jp-CodeCell .jp-InputPrompt").count() >= 8

    highlighter = panel.locator(".medialit-highlighter").first
    highlighter.scroll_into_view_if_needed()
    expect(highlighter).to_be_visible()
    expect(highlighter).to_contain_text("Vladimir Putin spoke on the phone for an hour on Thursday")
    expect(highlighter.locator("button.ml-label")).to_have_count(2)  # the lesson's two labels
    screenshot(page, "lesson01-highlighter.png")

    figure = panel.locator(".jp-RenderedImage img").first
    figure.scroll_into_view_if_needed()
    expect(figure).to_be_visible()
    assert figure.evaluate("img => img.complete && img.naturalWidth") > 300
    expect(panel.get_by_text("Figure description (alt text):").first).to_be_visible()
    screenshot(page, "lesson01-figure.png")

    # The same figure in JupyterLab's dark theme: the figure keeps its own white background.
    # The theme is a saved setting of the shared server, so it is switched back for the tests after this one.
    try:
        set_theme(page, "JupyterLab Dark", light=False)
        figure.scroll_into_view_if_needed()
        assert figure.evaluate("img => img.complete && img.naturalWidth") > 300
        screenshot(page, "lesson01-figure-dark.png")
    finally:
        set_theme(page, "JupyterLab Light", light=True)


def set_theme(page, theme: str, *, light: bool) -> None:
    page.evaluate(f"window.jupyterapp.commands.execute('apputils:change-theme', {{theme: '{theme}'}})")
    expect(page.locator(f"body[data-jp-theme-light='{str(light).lower()}']")).to_have_count(1)


def test_lesson_nine_marks_an_opinion_sentence_and_checks_it(lab, workdir, page, screenshot):
    """Lesson 9: the sentence highlighter over the news report; a keyboard-labelled sentence reaches the check."""
    lesson = "09-news-opinion-and-advertising.ipynb"
    path = copy_lesson(workdir, lesson)
    cells = nbformat.read(path, as_version=4).cells
    check_cell = next(i for i, c in enumerate(cells) if c.source.startswith('check_highlights("l9.opinion-activity"'))
    panel = open_and_run_all(page, lab, path)
    check_output = panel.locator(".jp-Cell").nth(check_cell).locator(".jp-OutputArea-output").last
    expect(check_output).to_contain_text("Nothing highlighted yet")

    highlighter = panel.locator(".medialit-highlighter").first
    highlighter.scroll_into_view_if_needed()
    expect(highlighter).to_contain_text("It is the best thing to happen to the town centre in a generation.")
    expect(highlighter.locator("button.ml-label")).to_have_count(1)  # the one label: opinion
    highlighter.locator(".ml-seg:not(.ml-space)", has_text="generation").first.click()
    highlighter.locator(".ml-text").press("1")  # key 1: the first label
    expect(highlighter.locator(".ml-mark[data-label='opinion']").first).to_be_visible()
    screenshot(page, "lesson09-highlighter.png")

    cell = panel.locator(".jp-Cell").nth(check_cell)
    cell.locator(".jp-InputArea-editor").click()
    page.keyboard.press("Escape")
    page.keyboard.press("Control+Enter")
    expect(check_output).to_contain_text("You marked 1: 1 of 3 key items found, 0 extra.")
    expect(check_output).to_contain_text("2 still to find")
    expect(check_output).not_to_contain_text("By next summer")  # the key waits for reveal
