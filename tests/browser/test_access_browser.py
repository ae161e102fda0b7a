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


def test_moving_onto_a_checked_word_says_the_check_and_the_analyzer(notebook, page):
    check = (
        "from medialit.core.spans import Span\n"
        "dahl = TEXT.index('Ingrid Dahl')\n"
        "h.add_span(dahl, dahl + 11, 'source')\n"
        "store = TEXT.index('Støre')\n"
        "h.show_feedback([Span(dahl, dahl + 11, 'source'), Span(store, store + 5, 'source')])\n"
        "h.show_machine_layer([Span(store, store + 5, 'source')], show=True)"
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
    expect(live).to_have_text("Støre, check: missed: ‘Støre’ (source), analyzer: source")
    widget.get_by_role("checkbox", name="show analyzer").uncheck()
    widget.locator(".ml-text").focus()
    page.keyboard.press("ArrowLeft")
    page.keyboard.press("ArrowRight")
    expect(live).to_have_text("Støre, check: missed: ‘Støre’ (source)")  # a hidden analyzer says nothing


def test_a_widget_left_from_before_a_kernel_restart_takes_no_marks_and_says_so(notebook, page):
    """After a restart the old highlighter reaches no kernel: a mark made there would show but never be saved."""
    nb = notebook([SETUP, SHOW_FILE])
    nb.run(0)
    widget = nb.widget(0)
    word(widget, "Ingrid").dblclick()
    page.keyboard.press("1")
    expect(widget.locator(".ml-status")).to_contain_text("saved 1 mark to")
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
    expect(widget.locator(".ml-status")).to_contain_text("1 mark loaded")
    word(widget, "Officials").dblclick()
    page.keyboard.press("2")
    expect(widget.locator(".ml-tag-mark")).to_have_count(2)
    expect(widget.locator(".ml-status")).to_contain_text("saved 2 marks")


def test_a_restart_from_another_tab_stops_marks_in_this_one(notebook, page, lab):
    """A restart made in a second tab sends this tab no kernel status: the edit itself asks the kernel first."""
    nb = notebook([SETUP])
    nb.run(0)
    widget = nb.widget(0)
    word(widget, "Ingrid").dblclick()
    page.keyboard.press("1")
    expect(widget.locator(".ml-status")).to_contain_text("saved 1 mark to")
    other = page.context.new_page()
    type(nb)(other, lab, nb.path).open().restart()  # the same notebook in a second tab
    page.bring_to_front()
    word(widget, "Officials").dblclick()
    page.keyboard.press("2")
    expect(widget.locator(".ml-status")).to_contain_text("run this cell again")
    expect(widget.locator(".ml-live")).to_contain_text("run this cell again")
    expect(widget.locator(".ml-tag-mark")).to_have_count(1)  # nothing shows that would not be saved
    saved = json.loads((nb.path.parent / "marks.highlights.json").read_text())["spans"]
    assert [m["label"] for m in saved] == ["source"]  # the mark from before the restart is kept
    nb.run(0)  # run again in this tab: it still sends widget messages to the old kernel's subshell
    widget = nb.widget(0)
    expect(widget.locator(".ml-status")).to_contain_text("1 mark loaded")
    word(widget, "Officials").dblclick()
    page.keyboard.press("2")
    expect(widget.locator(".ml-status")).to_contain_text("reload the page")
    expect(widget.locator(".ml-tag-mark")).to_have_count(1)
    nb.open()  # reload, as the status says, and run again: the saved mark loads and marking goes on
    nb.run(0)
    widget = nb.widget(0)
    expect(widget.locator(".ml-status")).to_contain_text("1 mark loaded")
    word(widget, "Officials").dblclick()
    page.keyboard.press("2")
    expect(widget.locator(".ml-status")).to_contain_text("saved 2 marks")


# An article as a student brings it (lesson 7): CRLF line ends, a tab, right-to-left words, letters and an emoji
# outside the BMP (two UTF-16 units each, one Python code point), a ZWJ family and a combining accent.
OWN = (
    "Ferry vote 🚢 splits Vesterhavn\r\n\r\n"
    "Mayor José Núñez said the terminal opens in 2027.\tResidents of the e\u0301cole district disagreed.\r\n"
    '"We were never asked 👩‍👩‍👧," said Zoë Ångström. The sign read مرحبا بكم, says 𝒯om 𝕋ay.\r\n'
    + "The council said the plan was sound. " * 40
    + "\r\n"
)
OWN_SETUP = f"""import json
from pathlib import Path
from medialit import Highlighter, load_article
Path("own.txt").write_bytes({OWN.encode()!r})
mine = load_article("own.txt")
h = Highlighter(mine, labels=["source", "cue", "claim"], save_to="own.highlights.json")
h"""
OWN_SHOW = "print(json.dumps([mine.body[m['start']:m['end']] for m in h.spans], ensure_ascii=False))"


def test_an_own_article_with_crlf_rtl_and_astral_characters_marks_exactly_what_is_seen(notebook, page):
    nb = notebook([OWN_SETUP, OWN_SHOW])
    nb.run(0)
    widget = nb.widget(0)
    text = widget.locator(".ml-text")
    text.focus()
    cursor_to(widget, page, "2027")  # keyboard, across the tab
    page.keyboard.press("Shift+ArrowRight")
    page.keyboard.press("Shift+ArrowRight")
    page.keyboard.press("3")
    cursor_to(widget, page, "disagreed")  # across the CRLF into the next paragraph, up to the ZWJ family
    for _ in range(7):
        page.keyboard.press("Shift+ArrowRight")
    page.keyboard.press("2")
    cursor_to(widget, page, "𝒯om")  # two astral-plane words
    page.keyboard.press("Shift+ArrowRight")
    page.keyboard.press("1")
    word(widget, "مرحبا").dblclick()  # mouse: a right-to-left word
    page.keyboard.press("3")
    expect(widget.locator(".ml-status")).to_contain_text("saved 4 marks")
    seen = widget.evaluate(
        """root => [...root.querySelectorAll('.ml-mark[data-key]')].reduce((out, w) => {
             if (!w.parentElement.closest('.ml-mark')) out[w.dataset.key] = (out[w.dataset.key] || '')
               + [...w.querySelectorAll('.ml-seg')].map(s => s.textContent).join('');
             return out; }, {})"""
    )
    marked = sorted(["𝒯om 𝕋ay", "مرحبا", "2027.\tResidents", 'disagreed.\r\n"We were never asked 👩‍👩‍👧,"'])
    assert sorted(seen.values()) == [m.replace("\n", "") for m in marked]  # a paragraph's \n is its edge, not text
    nb.run(1)
    assert sorted(json.loads(nb.output_text(1))) == marked
    nb.run(1)  # its prompt now reads [3], so the run after the restart ([2]) is seen to finish
    nb.restart()
    nb.run(0)
    nb.run(1)
    assert sorted(json.loads(nb.output_text(1))) == marked
    expect(nb.widget(0).locator(".ml-tag-mark")).to_have_count(4)
