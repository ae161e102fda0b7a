"""Lesson 1 in real JupyterLab and Chromium: run all, then the highlighter and a figure render.

The lesson is copied with its practice articles and questions into a fresh folder of the
server root, opened as a student would open it, and run with JupyterLab's own
``runmenu:run-all`` command. Screenshots go to test-artifacts/.
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
from playwright.sync_api import expect

pytestmark = pytest.mark.browser

NOTEBOOKS = Path(__file__).resolve().parents[2] / "notebooks"
LESSON = "01-meet-the-article.ipynb"
DONE = re.compile(r"\[\d+\]:")


def copy_lesson(folder: Path) -> Path:
    shutil.copy(NOTEBOOKS / LESSON, folder / LESSON)
    shutil.copytree(NOTEBOOKS / "articles", folder / "articles")
    shutil.copytree(NOTEBOOKS / "questions", folder / "questions")  # the self-checks, read beside the lesson
    return folder / LESSON


def test_lesson_one_runs_and_shows_the_highlighter_and_a_figure(lab, workdir, page, screenshot):
    path = copy_lesson(workdir)
    page.goto(f"{lab.url}lab/tree/{path.relative_to(lab.root).as_posix()}?reset")
    page.locator(".jp-Notebook").wait_for()
    expect(page.locator("#jp-main-statusbar").get_by_text("Idle", exact=False).first).to_be_visible()

    page.evaluate("window.jupyterapp.commands.execute('runmenu:run-all')")
    prompts = page.locator(".jp-NotebookPanel:not(.lm-mod-hidden) .jp-CodeCell .jp-InputPrompt")
    assert prompts.count() >= 8
    for i in range(prompts.count()):
        expect(prompts.nth(i)).to_have_text(DONE)

    panel = page.locator(".jp-NotebookPanel:not(.lm-mod-hidden)")
    expect(panel.locator(".jp-OutputArea-output[data-mime-type='application/vnd.jupyter.stderr']")).to_have_count(0)

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
