"""Lessons 3, 5 and 9 as a keyboard-only student: reach each new check with the arrow keys, answer it wrong,
then right; label a sentence in lesson 3's highlighter without the mouse and reach its check; an exercise's
question marked and checked without the mouse."""

from __future__ import annotations

import re
import shutil

import nbformat
import pytest
from playwright.sync_api import expect
from test_lessons_browser import PANEL, copy_notebooks, open_and_run_all

pytestmark = [pytest.mark.browser, pytest.mark.slow]

ACTIVE_CELL = (
    f"() => [...document.querySelectorAll('{PANEL} .jp-Cell')].findIndex(c => c.classList.contains('jp-mod-active'))"
)
"""In the page: the index of the notebook's active cell."""
FOCUS = "() => (a => a.closest('.medialit-highlighter') ? 'widget' : a.className)(document.activeElement)"
"""In the page: 'widget' when the focus is in a Highlighter, else the focused element's classes."""


def cell_index(path, starts: str) -> int:
    cells = nbformat.read(path, as_version=4).cells
    return next(i for i, c in enumerate(cells) if c.source.startswith(starts))


def cell_with(path, words: str) -> int:
    cells = nbformat.read(path, as_version=4).cells
    return next(i for i, c in enumerate(cells) if words in c.source)


def go_to(page, index: int) -> None:
    """Out of a highlighter with Esc (as its help line says; Tab where Esc does not leave), command mode, then ↑/↓
    until cell ``index`` is the active one. Tab alone ran on into the next cell's highlighter (ex05 has eight)."""
    inside = "() => !!document.activeElement.closest('.medialit-highlighter')"
    for key in ["Escape"] * 3 + ["Tab"] * 30:
        if not page.evaluate(inside):
            break
        page.keyboard.press(key)
    page.keyboard.press("Escape")
    for _ in range(200):
        now = page.evaluate(ACTIVE_CELL)
        if now == index:
            return
        page.keyboard.press("ArrowDown" if now < index else "ArrowUp")
    raise AssertionError(f"cell {index} not reached with the arrow keys")


def answer(nb, page, index: int, source: str) -> str:
    """Enter the cell, replace its code, run it with Shift+Enter; the output text."""
    go_to(page, index)
    cell = nb.cell(index)
    before = cell.locator(".jp-InputPrompt").inner_text()
    page.keyboard.press("Enter")
    page.keyboard.press("Control+a")
    page.keyboard.insert_text(source)
    page.keyboard.press("Shift+Enter")
    nb._wait_done(cell, before)
    return cell.locator(".jp-OutputArea-output").last.inner_text()


def tab_into(page, widget) -> None:
    for _ in range(60):
        if widget.locator(".ml-text").evaluate("t => t === document.activeElement"):
            return
        page.keyboard.press("Tab")
    raise AssertionError("the highlighter's text is not reached with Tab")


def run_and_tab_into(page, lab, path, shown: int):
    """Open and run the notebook at ``path``, then reach the Highlighter of cell ``shown`` with ↑/↓ and Tab, as a
    keyboard-only student does: the notebook and that Highlighter."""
    nb = open_and_run_all(page, lab, path)
    widget = nb.cell(shown).locator(".medialit-highlighter")
    go_to(page, shown)
    tab_into(page, widget)
    return nb, widget


@pytest.mark.parametrize(
    ("lesson", "question", "wrong", "right"),
    [
        ("03-claims-and-evidence", "l3.reason", "vague_source", "no_source"),
        ("05-where-did-this-text-come-from", "l5.role-clean", "original_report", "misleading"),
        ("05-where-did-this-text-come-from", "l5.role-trust", "X", "the Vesterhavn Courier"),
    ],
)
def test_a_new_check_answered_wrong_then_right_with_the_keyboard(lab, workdir, page, lesson, question, wrong, right):
    path = copy_notebooks(workdir) / f"{lesson}.ipynb"
    index = cell_index(path, f'check("{question}"')
    nb = open_and_run_all(page, lab, path)
    said = answer(nb, page, index, f'check("{question}", "{wrong}")')
    assert said.startswith("Not yet") and "Hint" in said, said
    said = answer(nb, page, index, f'check("{question}", "{right}")')
    assert said.startswith("Correct"), said


def test_lesson_three_sentence_labelled_by_keyboard_reaches_its_check(lab, workdir, page, screenshot):
    path = copy_notebooks(workdir) / "03-claims-and-evidence.ipynb"
    shown = cell_index(path, "from medialit import Highlighter\n\nclaims")
    checked = cell_index(path, 'check_highlights("l3.sentences-activity"')
    nb, widget = run_and_tab_into(page, lab, path, shown)
    page.keyboard.press("ArrowRight")  # onto the first sentence, the headline
    page.keyboard.press("2")  # unsupported (K8: an evaluation the body does not back)
    expect(widget.locator(".ml-status")).to_contain_text("saved 1")
    # the sentence is said, not only the word at the cursor (student22 heard 'backs, marked unsupported')
    expect(widget.locator(".ml-live")).to_have_text("marked unsupported: ‘Council backs new ferry terminal after …’")
    said = answer(nb, page, checked, 'check_highlights("l3.sentences-activity", claims, practice)')
    assert "You marked 1: 1 of 5 key items found, 0 extra." in said, said
    screenshot(widget, "lesson03-keyboard-sentence.png")


def test_an_exercise_by_keyboard_only_leaves_the_highlighter_with_escape_and_hears_its_check(lab, workdir, page):
    """ex01 without the mouse: run the cells with Shift+Enter, Tab into q1's highlighter, mark a word with the
    keys, Esc back to the notebook (Tab went past the last cells to the side bar: a cell's editor takes no Tab),
    ↓ to the check, Shift+Enter, and the verdict is said in the page's status region."""
    from test_notebook_aids_browser import EXERCISES, open_lesson

    shutil.copytree(EXERCISES / "ex01-attribution", workdir / "ex01-attribution")
    path = workdir / "ex01-attribution" / "ex01-attribution.ipynb"
    shown = cell_index(path, 'print(item("ex01-q1")')
    checked = cell_index(path, 'check("ex01-q1"')
    nb, _ = open_lesson(page, lab, workdir, path)
    page.evaluate("() => window.jupyterapp.shell.currentWidget.content.node.focus()")  # as JupyterLab opens it
    for _ in range(shown + 1):
        page.keyboard.press("Shift+Enter")
    widget = nb.cell(shown).locator(".medialit-highlighter")
    tab_into(page, widget)
    page.keyboard.press("ArrowRight")
    page.keyboard.press("1")  # source
    expect(widget.locator(".ml-status")).to_contain_text("saved 1 mark")
    page.keyboard.press("Escape")  # nothing selected: Esc leaves the text for the notebook's command mode
    assert re.search(r"\bjp-(Cell|Notebook)\b", page.evaluate(FOCUS)), page.evaluate(FOCUS)  # JupyterLab's command mode
    for _ in range(checked - shown - 1):
        page.keyboard.press("ArrowDown")
    page.keyboard.press("Shift+Enter")  # answer_q1 = None: the saved highlights
    assert page.evaluate(ACTIVE_CELL) == checked
    page.keyboard.press("Shift+Enter")
    verdict = nb.cell(checked).locator(".jp-OutputArea-output").last
    expect(verdict).to_contain_text("ex01-q1")
    first_line = verdict.inner_text().splitlines()[0]
    expect(page.get_by_role("status").filter(has_text=first_line)).to_have_count(1)


def test_an_optional_mark_checked_reads_as_no_mistake_in_words_symbol_and_line(lab, workdir, page, screenshot):
    """student22, K11: lesson 5's provenance activity by keyboard: 'Labor' (a spelling, optional) and 'not completely
    safe' (required) marked translation, then checked. The optional mark was told 'mark only ‘Labor’ ... the rest is
    not part of it' under a plain bullet, tagged with the bare word 'optional' and drawn with the correct mark's
    solid line. Now its tag and list line carry ○ and 'optional', its line says it costs nothing, its line over the
    words is thinner than a correct mark's, and axe finds nothing in the widget."""
    from test_students_browser import axe

    path = copy_notebooks(workdir) / "05-where-did-this-text-come-from.ipynb"
    shown = cell_with(path, "provenance = Highlighter(")
    checked = cell_index(path, 'check_highlights("l5.provenance-activity"')
    nb, widget = run_and_tab_into(page, lab, path, shown)
    live = widget.locator(".ml-live")
    for words in (["Labor"], ["not", "completely", "safe"]):
        for _ in range(200):
            if live.inner_text().split(",")[0] == words[0]:
                break
            page.keyboard.press("ArrowRight")
        for _ in words[1:]:
            page.keyboard.press("Shift+ArrowRight")
        page.keyboard.press("1")  # translation
    expect(widget.locator(".ml-status")).to_contain_text("saved 2 marks")
    said = answer(nb, page, checked, 'check_highlights("l5.provenance-activity", provenance, free)')
    line = "optional: ‘Labor’ (translation): may be marked or left, it costs nothing"
    assert f"  {line}" in said and "mark only" not in said, said
    item = widget.locator(".ml-fb-list li", has_text="‘Labor’")
    expect(item).to_have_class(re.compile(r"\bml-fb-optional\b"))
    expect(item).to_contain_text(line)
    assert item.evaluate("li => getComputedStyle(li, '::marker').content") == '"○ "'
    expect(widget.locator(".ml-tag-feedback", has_text="optional")).to_have_text("○ optional translation")
    width = "el => getComputedStyle(el).borderTopWidth"
    optional = widget.locator(".ml-feedback.ml-fb-optional").first.evaluate(width)
    correct = widget.locator(".ml-feedback.ml-fb-correct").first.evaluate(width)
    assert (optional, correct) == ("1px", "2px")
    assert axe(page, widget) == []
    screenshot(widget, "lesson05-optional-mark-checked.png")


def test_lesson_six_analyzer_ticked_by_keyboard_then_esc_goes_back_to_the_notebook(lab, workdir, page):
    """student22: lesson 6 without the mouse: a source marked, Shift+Tab and End to 'show analyzer', Space ticks it,
    and Esc returns to the notebook as it does from the text, so ↓ and Shift+Enter run the comparison. Ticking the box
    redrew the toolbar and dropped the focus on the page (JupyterLab's container), where the arrow keys reach no
    cell; and Esc on a toolbar control did nothing."""
    path = copy_notebooks(workdir) / "06-human-against-machine.ipynb"
    shown = cell_with(path, "mine = Highlighter(")
    compared = cell_index(path, "from medialit.core.spans import Span")
    nb, widget = run_and_tab_into(page, lab, path, shown)
    page.keyboard.press("ArrowRight")
    page.keyboard.press("1")  # source: the headline's first word is no source, but any mark will do here
    expect(widget.locator(".ml-status")).to_contain_text("saved 1 mark")
    box = widget.get_by_role("checkbox", name="show analyzer")
    page.keyboard.press("Shift+Tab")  # the toolbar, one Tab stop (student25); End: its last control
    page.keyboard.press("End")
    expect(box).to_be_focused()
    page.keyboard.press("Space")
    expect(box).to_be_checked()
    expect(widget.locator(".ml-machine").first).to_be_attached()
    expect(box).to_be_focused()  # the legend is drawn again: the focus goes to the new box, not to the page
    page.keyboard.press("Escape")
    assert re.search(r"\bjp-Notebook\b", page.evaluate(FOCUS)), page.evaluate(FOCUS)
    for _ in range(compared - shown):
        page.keyboard.press("ArrowDown")
    assert page.evaluate(ACTIVE_CELL) == compared
    before = nb.cell(compared).locator(".jp-InputPrompt").inner_text()
    page.keyboard.press("Shift+Enter")
    nb._wait_done(nb.cell(compared), before)
    expect(nb.cell(compared).locator(".jp-OutputArea-output").last).to_contain_text("only the machine:")


def word_by_word(page, widget, words: list[str]) -> None:
    """With the text focused, → until the cursor is on the first of ``words``, Shift+→ over the rest."""
    live = widget.locator(".ml-live")
    for _ in range(100):
        if live.inner_text().split(",")[0] == words[0]:
            break
        page.keyboard.press("ArrowRight")
    else:
        raise AssertionError(f"the cursor never reached {words[0]!r}")
    for _ in words[1:]:
        page.keyboard.press("Shift+ArrowRight")


def test_lesson_zeros_try_it_is_checked_and_its_marks_outlive_a_restart_and_a_reopen(lab, workdir, page, screenshot):
    """student23: lesson 0's 'Try it' (mark Vesterhavn as place, Ingrid Dahl as person) had no check: a student
    who marked by keyboard could not learn whether the marks were right. Now a check follows it: before any mark it
    asks for one, a wrong label is told and hinted, the right marks are 'All found' with ✓ in the widget (axe finds
    nothing in it); after Restart Kernel and Run All, and after Save, close and reopen, the marks are still there."""
    from test_students_browser import axe

    path = copy_notebooks(workdir) / "00-start-here.ipynb"
    shown = cell_index(path, "from medialit import Highlighter, from_text")
    checked = cell_index(path, 'check_highlights("l0.try-it"')
    nb = open_and_run_all(page, lab, path)
    verdict = nb.cell(checked).locator(".jp-OutputArea-output").last
    expect(verdict).to_contain_text("Nothing highlighted yet")
    widget = nb.cell(shown).locator(".medialit-highlighter")
    go_to(page, shown)
    tab_into(page, widget)
    word_by_word(page, widget, ["Vesterhavn"])
    page.keyboard.press("1")  # person: the wrong label
    expect(widget.locator(".ml-status")).to_contain_text("saved 1 mark")
    said = answer(nb, page, checked, 'check_highlights("l0.try-it", hl, sample)')
    assert "‘Vesterhavn’ (person): these words are in the key, but as place, not person" in said, said
    assert "Hint: Select the words" in said, said
    go_to(page, shown)
    tab_into(page, widget)
    word_by_word(page, widget, ["Vesterhavn"])
    page.keyboard.press("Enter")  # the mark at the cursor, to relabel it
    page.keyboard.press("2")  # place
    for _ in range(40):  # back towards the start of the text: ← until 'Ingrid'
        if widget.locator(".ml-live").inner_text().split(",")[0] == "Ingrid":
            break
        page.keyboard.press("ArrowLeft")
    page.keyboard.press("Shift+ArrowRight")
    page.keyboard.press("1")
    expect(widget.locator(".ml-status")).to_contain_text("saved 2 marks")
    said = answer(nb, page, checked, 'check_highlights("l0.try-it", hl, sample)')
    assert said.startswith("You marked 2: 2 of 2 key items found, 0 extra.\nAll found."), said
    expect(widget.locator(".ml-fb-list li.ml-fb-correct")).to_have_count(2)
    assert axe(page, widget) == []
    screenshot(widget, "lesson00-try-it-checked.png")

    nb.restart()
    nb.run_all()
    expect(nb.cell(checked).locator(".jp-OutputArea-output").last).to_contain_text("All found.")
    page.keyboard.press("Control+s")
    expect(page.locator(".lm-TabBar-tab.jp-mod-current")).not_to_have_class(re.compile(r"\bjp-mod-dirty\b"))
    page.evaluate("() => window.jupyterapp.commands.execute('application:close')")
    expect(page.locator(PANEL)).to_have_count(0)
    nb = open_and_run_all(page, lab, path)
    expect(nb.cell(checked).locator(".jp-OutputArea-output").last).to_contain_text("You marked 2: 2 of 2")


def test_lesson_nine_by_keyboard_only_marks_the_three_opinions_then_a_reported_view_with_axe_in_each_state(
    lab, workdir, page, screenshot
):
    """Lesson 9's activity without the mouse: the three opinion sentences K14 names, each labelled with key 1
    after the arrow keys reach it (the live region says which sentence), the check run by keyboard, then Jon
    Eide's reported view marked too and checked (K10: reported, not the paper's). axe-core runs in every state."""
    from test_lessons_browser import assert_axe_clean

    path = copy_notebooks(workdir) / "09-news-opinion-and-advertising.ipynb"
    shown = cell_index(path, "from medialit import Highlighter")
    checked = cell_index(path, 'check_highlights("l9.opinion-activity"')
    nb, widget = run_and_tab_into(page, lab, path, shown)
    assert_axe_clean(page, "09", "run all, the highlighter focused")
    live = widget.locator(".ml-live")
    page.keyboard.press("ArrowRight")  # onto the first word: ←/→ move by word, ↑/↓ by line (the help line)
    for opening in ("It is the best thing", "By next summer", "The council should now"):
        down_to(page, widget, opening)
        page.keyboard.press("1")
        expect(live).to_contain_text(f"marked opinion: ‘{opening}")
        assert_axe_clean(page, "09", f"‘{opening}’ marked")
    said = answer(nb, page, checked, 'check_highlights("l9.opinion-activity", opinions, report)')
    assert "You marked 3: 3 of 3 key items found, 0 extra." in said, said
    assert_axe_clean(page, "09", "three marks checked")

    go_to(page, shown)
    tab_into(page, widget)
    page.keyboard.press("ArrowRight")
    down_to(page, widget, "Jon Eide", key="ArrowUp")  # the cursor comes back where it was, on the last sentence
    page.keyboard.press("1")
    expect(live).to_contain_text("marked opinion: ‘Jon Eide")
    said = answer(nb, page, checked, 'check_highlights("l9.opinion-activity", opinions, report)')
    assert "You marked 4: 3 of 3 key items found, 1 extra." in said, said
    assert_axe_clean(page, "09", "a reported view marked and checked")
    screenshot(widget, "lesson09-keyboard-checked.png")


def down_to(page, widget, opening: str, key: str = "ArrowDown") -> None:
    """Press ``key`` until the highlighter's cursor is in the line (here: the sentence) that starts with ``opening``."""
    line = "n => n.closest('.ml-p').textContent.trim()"
    for _ in range(20):
        if widget.locator(".ml-cursor").first.evaluate(line).startswith(opening):
            return
        page.keyboard.press(key)
    raise AssertionError(f"no line starting {opening!r} reached with {key}")
