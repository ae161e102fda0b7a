"""What one lesson shows in real JupyterLab and Chromium, beyond what every lesson is checked for.

test_lessons_browser.py runs every lesson (run all, errors, highlighters, figure alt text, axe). Here:
lesson 1's figure in the dark theme, and lesson 9's sentence highlighter reaching its check with the
right counts. Screenshots go to test-artifacts/.
"""

from __future__ import annotations

import nbformat
import pytest
from playwright.sync_api import expect
from test_lessons_browser import PANEL, copy_notebooks, open_and_run_all

pytestmark = pytest.mark.browser


def test_lesson_one_figure_keeps_its_white_background_in_the_dark_theme(lab, workdir, page, screenshot):
    open_and_run_all(page, lab, copy_notebooks(workdir) / "01-meet-the-article.ipynb")
    figure = page.locator(f"{PANEL} .jp-OutputArea-output img").first
    # The theme is a saved setting of the shared server, so it is switched back for the tests after this one.
    try:
        set_theme(page, "JupyterLab Dark", light=False)
        figure.scroll_into_view_if_needed()
        assert figure.evaluate("img => img.complete && img.naturalWidth") > 300
        corner = figure.evaluate(
            """img => { const c = document.createElement('canvas'); c.width = img.naturalWidth; c.height = 4;
                        const g = c.getContext('2d'); g.drawImage(img, 0, 0);
                        return Array.from(g.getImageData(2, 2, 1, 1).data); }"""
        )
        assert corner == [255, 255, 255, 255], f"the figure's corner is {corner}, not white"
        screenshot(page, "lesson01-figure-dark.png")
    finally:
        set_theme(page, "JupyterLab Light", light=True)


def set_theme(page, theme: str, *, light: bool) -> None:
    page.evaluate(f"window.jupyterapp.commands.execute('apputils:change-theme', {{theme: '{theme}'}})")
    expect(page.locator(f"body[data-jp-theme-light='{str(light).lower()}']")).to_have_count(1)


def test_lesson_nine_marks_an_opinion_sentence_and_checks_it(lab, workdir, page, screenshot):
    """Lesson 9: the sentence highlighter over the news report; a keyboard-labelled sentence reaches the check."""
    path = copy_notebooks(workdir) / "09-news-opinion-and-advertising.ipynb"
    cells = nbformat.read(path, as_version=4).cells
    check_cell = next(i for i, c in enumerate(cells) if c.source.startswith('check_highlights("l9.opinion-activity"'))
    open_and_run_all(page, lab, path)
    panel = page.locator(PANEL)
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
