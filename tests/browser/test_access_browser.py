"""The Highlighter for students who do not see colour or the screen: forced colours (Windows high
contrast) and what a screen reader hears while moving through checked words."""

from __future__ import annotations

import json

import pytest
from playwright.sync_api import expect
from test_highlighter_browser import SETUP, cursor_to, word

pytestmark = pytest.mark.browser

SHOW_FILE = 'import json\nprint(json.dumps(json.load(open("marks.highlights.json"))["spans"]))'

# text and background colour without alpha: forced colours keep an author colour's alpha, so a transparent
# background reads as the forced Canvas colour at alpha 0, the same colour a word shows on
SHOWN = """segs => segs.map(s => { const c = getComputedStyle(s);
  return [c.color, c.backgroundColor].map(v => v.match(/\\d+/g).slice(0, 3).join(",")); })"""


def test_a_pending_selection_shows_in_forced_colours(browser, notebook, screenshot):
    context = browser.new_context(viewport={"width": 1280, "height": 900}, forced_colors="active")
    page = context.new_page()
    try:
        nb = notebook([SETUP], on=page)
        nb.run(0)
        widget = nb.widget(0)
        word(widget, "Ingrid").click()
        page.keyboard.press("Shift+ArrowRight")
        selected = widget.locator(".ml-seg.ml-sel:not(.ml-space)")
        expect(selected).to_have_count(2)
        [plain] = word(widget, "Officials").evaluate(f"s => ({SHOWN})([s])")
        for shown in selected.evaluate_all(SHOWN):
            assert shown != plain, f"selected words look like any other word in forced colours: {shown}"
        screenshot(widget.locator(".ml-text"), "highlighter-forced-colours-selection.png")
    finally:
        context.close()


def test_moving_onto_a_checked_word_says_the_check(notebook, page):
    check = (
        "from medialit.core.spans import Span\n"
        "dahl = TEXT.index('Ingrid Dahl')\n"
        "h.add_span(dahl, dahl + 11, 'source')\n"
        "store = TEXT.index('Støre')\n"
        "h.show_feedback([Span(dahl, dahl + 11, 'source'), Span(store, store + 5, 'source')])"
    )
    nb = notebook([SETUP, check])
    nb.run(0)
    nb.run(1)
    widget = nb.widget(0)
    expect(widget.locator(".ml-tag-feedback")).to_have_count(2)
    widget.locator(".ml-text").focus()
    live = widget.locator(".ml-live")
    cursor_to(widget, page, "Ingrid")
    expect(live).to_have_text("Ingrid, marked source, check: correct: ‘Ingrid Dahl’ (source)")
    cursor_to(widget, page, "Støre")
    expect(live).to_have_text("Støre, check: missed: ‘Støre’ (source)")


def test_a_widget_left_from_before_a_kernel_restart_takes_no_marks_and_says_so(notebook, page):
    """After a restart the old highlighter reaches no kernel: a mark made there would show but never be saved."""
    nb = notebook([SETUP, SHOW_FILE])
    nb.run(0)
    widget = nb.widget(0)
    word(widget, "Ingrid").dblclick()
    page.keyboard.press("1")
    expect(widget.locator(".ml-status")).to_contain_text("saved 1 marks")
    nb.restart()
    expect(widget.locator(".ml-status")).to_contain_text("run this cell again")
    word(widget, "Officials").dblclick()
    page.keyboard.press("2")
    expect(widget.locator(".ml-live")).to_contain_text("run this cell again")
    expect(widget.locator(".ml-tag-mark")).to_have_count(1)  # nothing shows that would not be saved
    nb.run(1)
    assert [m["label"] for m in json.loads(nb.output_text(1))] == ["source"]
    nb.run(0)  # run again: the saved mark loads and marking goes on
    widget = nb.widget(0)
    expect(widget.locator(".ml-status")).to_contain_text("1 marks loaded")
    word(widget, "Officials").dblclick()
    page.keyboard.press("2")
    expect(widget.locator(".ml-tag-mark")).to_have_count(2)
    expect(widget.locator(".ml-status")).to_contain_text("saved 2 marks")
