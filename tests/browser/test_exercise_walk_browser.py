"""A course student walking a released exercise by keyboard in real JupyterLab and Chromium.

A mark's label is changed and the mark removed with the keyboard alone (the mouse picks a mark by clicking it;
the keyboard had no way to pick one: a label key on a marked word added a second mark over it). The four
highlighters of ex01 on one page are told apart by a screen reader (each names its question), their ids are
distinct, and axe-core with every rule (best practices too: one page holds several widgets) finds nothing with
no mark, one mark, overlapping marks and a damaged file set aside (the error state).
"""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import nbformat
import pytest
from playwright.sync_api import expect
from test_highlighter_browser import SETUP, SHOW, cursor_to, offsets, spans_in_kernel, tab_into_text
from test_lessons_browser import PANEL, whole_notebook_on_screen
from test_students_browser import AXE, conftest_module

from medialit.core import sidecar
from medialit.core.spans import Span
from medialit.exercises.items import item

pytestmark = pytest.mark.browser

REPO = Path(__file__).resolve().parents[2]
EX01 = REPO / "exercises" / "ex01-attribution"


def test_a_marks_label_is_changed_and_the_mark_removed_by_keyboard_alone(notebook, page):
    nb = notebook([SETUP, SHOW])
    nb.run(0)
    widget = nb.widget(0)
    live = widget.locator(".ml-live")
    tab_into_text(widget, page)
    page.keyboard.press("Control+z")  # a fresh widget (a notebook reopened): said, not silent
    expect(live).to_have_text(re.compile(r"^nothing to undo: only changes made since .* press Delete$"))
    page.keyboard.press("Control+Shift+Z")
    expect(live).to_have_text("nothing to redo")
    page.keyboard.press("ArrowRight")
    cursor_to(widget, page, "Ingrid")
    page.keyboard.press("Shift+ArrowRight")
    page.keyboard.press("1")  # source: Ingrid Dahl
    start, end = offsets("Ingrid Dahl")
    expect(widget.locator(".ml-tag-mark")).to_have_count(1)

    page.keyboard.press("Enter")  # pick the mark under the cursor, as a click does
    expect(live).to_contain_text("picked source ‘Ingrid Dahl’")
    expect(widget.locator(".ml-mark.ml-picked[data-label='source']").first).to_be_visible()  # drawn in pieces
    page.keyboard.press("2")  # its label changes: no second mark over "Dahl"
    expect(live).to_contain_text("changed ‘Ingrid Dahl’ from source to claim")
    page.keyboard.press("4")  # still picked: a second key changes it again
    expect(live).to_contain_text("changed ‘Ingrid Dahl’ from claim to framing")
    page.keyboard.press("2")
    expect(live).to_contain_text("changed ‘Ingrid Dahl’ from framing to claim")
    assert spans_in_kernel(nb) == [{"start": start, "end": end, "label": "claim"}]

    widget.locator(".ml-text").focus()
    page.keyboard.press("Enter")
    expect(live).to_contain_text("picked claim ‘Ingrid Dahl’")
    page.keyboard.press("Delete")
    expect(live).to_contain_text("removed claim ‘Ingrid Dahl’")
    assert spans_in_kernel(nb) == []
    widget.locator(".ml-text").focus()
    page.keyboard.press("Control+z")
    assert spans_in_kernel(nb) == [{"start": start, "end": end, "label": "claim"}]

    widget.locator(".ml-text").focus()
    cursor_to(widget, page, "Officials")  # no mark here: Enter says what to do instead
    page.keyboard.press("Enter")
    expect(live).to_contain_text("no mark here")


def _saved(item_id: str, marks: list[tuple[str, str]]) -> sidecar.Saved:
    """A sidecar of marks on words of the item's part (each the first occurrence there)."""
    it = item(item_id)
    article = it.load()
    start, end = it.bounds()
    spans = []
    for words, label in marks:
        at = article.body.index(words, start, end)
        spans.append(Span(at, at + len(words), label))
    return sidecar.Saved(article.id, article.sha256, "spans", tuple(spans))


def axe_everything(page) -> list[dict]:
    """axe-core with all its rules (best practices too) on every highlighter of the page at once."""
    if not page.evaluate("() => !!window.axe"):
        page.add_script_tag(path=str(AXE))
    return page.evaluate(
        """async () => {
          const result = await axe.run({include: [['.medialit-highlighter']]});
          return result.violations.map(v => ({id: v.id, help: v.help,
            nodes: v.nodes.slice(0, 3).map(n => n.html.slice(0, 100) + ' :: ' + n.failureSummary)}));
        }"""
    )


def named(page, role: str) -> list[str]:
    """The accessible names of the nodes of this role in Chromium's accessibility tree (what a reader says)."""
    tree = page.context.new_cdp_session(page).send("Accessibility.getFullAXTree")["nodes"]
    return [n.get("name", {}).get("value", "") for n in tree if n.get("role", {}).get("value") == role]


def test_the_four_highlighters_of_an_exercise_are_told_apart_and_pass_every_axe_rule(lab, workdir, page, screenshot):
    folder = workdir / EX01.name
    shutil.copytree(EX01, folder)
    first = item("ex01-q1").text().split("said")[0].split()
    words = " ".join(first[1:3])  # "I appealed": source and cue over the same words, overlapping
    sidecar.write(folder / "ex01-q1.highlights.json", _saved("ex01-q1", [(words, "source"), (first[2], "cue")]))
    (folder / "ex01-q3.highlights.json").write_text('{"format": "medialit-highlights", "spans": [oops')
    nb = conftest_module().Notebook(page, lab, folder / f"{EX01.name}.ipynb").open()
    shows = [3, 7, 11, 15]  # print(item(...).text()); show(...)
    for index in [1, *shows]:
        nb.run(index)
    for index in shows:
        expect(nb.widget(index).locator(".ml-text")).to_be_attached()
    expect(nb.widget(3).locator(".ml-tag-mark")).to_have_count(2)
    expect(nb.widget(11).locator(".ml-status")).to_contain_text("is damaged")

    with whole_notebook_on_screen(page):  # JupyterLab draws only the cells in view
        ours = [n for n in named(page, "textbox") if n.startswith("Article text")]  # as a screen reader names them
        problems = axe_everything(page)
    assert len(ours) == 4 and len(set(ours)) == 4, ours
    for q in ("q1", "q2", "q3", "q4"):
        assert any(re.search(rf"ex01-{q}\b", n) for n in ours), (q, ours)
    ids = page.evaluate("() => Array.from(document.querySelectorAll('.medialit-highlighter [id]')).map(n => n.id)")
    assert len(ids) == len(set(ids)), ids
    assert problems == [], json.dumps(problems, indent=1, ensure_ascii=False)
    nb.widget(3).scroll_into_view_if_needed()
    screenshot(page, "exercise-walk-four-highlighters.png")


def test_a_check_run_before_its_answer_cell_says_so_in_one_line(lab, workdir, page):
    """A student marks ex02-q1, skips the answer cell (it holds only None) and runs the check: a NameError's
    traceback was all they got. Now one line says which cell to run first; other NameErrors keep theirs."""
    folder = workdir / "ex02-unsupported"
    shutil.copytree(REPO / "exercises" / "ex02-unsupported", folder)
    nb = conftest_module().Notebook(page, lab, folder / "ex02-unsupported.ipynb").open()
    nb.run(1)  # from medialit.exercises.grading import ...
    nb.run(5)  # check("ex02-q1", answer_q1), its answer cell (4) not run
    said = nb.cell(5).locator(".jp-OutputArea-output").last.inner_text().strip()
    assert said == (
        "AnswerError: answer_q1 is not set yet: run the answer cell above this check first (Shift+Enter) and fix "
        "any error it shows; leave it None to use your saved highlights"
    ), said
    nb.run(4)
    nb.run(5)  # now answered by the highlights: none saved, the usual one line
    assert nb.output_text(5).startswith("AnswerError: no saved highlights (ex02-q1.highlights.json)")
    cell = nb.cell(4)  # a typo of the student's own is not an unset answer: its traceback stays
    cell.locator(".jp-InputArea-editor").click()
    page.keyboard.press("Control+a")
    page.keyboard.type("answer_q1 = [('x', 'no_source')] + extra_marks")
    page.keyboard.press("Escape")
    nb.run(4)
    assert "Traceback" in nb.output_text(4) and "name 'extra_marks' is not defined" in nb.output_text(4)


def test_ex01_q2_takes_in_a_source_marked_in_q1_after_it_was_first_shown(lab, workdir, page):
    """student21: the q2 prompt says "for each source you marked above", but q2 copied q1's marks only the first
    time it was shown: a source marked in q1 afterwards never reached q2. Now running q2's cell again adds it."""
    folder = workdir / EX01.name
    shutil.copytree(EX01, folder)
    nb = conftest_module().Notebook(page, lab, folder / f"{EX01.name}.ipynb").open()
    for index in (1, 3, 7):  # imports, q1's highlighter, q2's highlighter
        nb.run(index)
    q1, q2 = nb.widget(3), nb.widget(7)
    words = item("ex01-q1").text().split()

    def mark_in_q1(word: str) -> None:
        q1.locator(".ml-text").focus()
        cursor_to(q1, page, word)
        page.keyboard.press("1")  # source
        expect(q1.locator(".ml-status")).to_contain_text("saved")

    mark_in_q1(words[1])
    nb.run(7)
    expect(q2.locator(".ml-status")).to_contain_text("started from 1 mark in ex01-q1.highlights.json")
    mark_in_q1(words[3])  # q2 has its own file now
    expect(q1.locator(".ml-tag-mark")).to_have_count(2)
    nb.run(7)
    expect(q2.locator(".ml-status")).to_contain_text("added 1 new mark from ex01-q1.highlights.json")
    expect(q2.locator(".ml-tag-mark")).to_have_count(2)


def test_ex05_marked_answered_saved_closed_and_reopened_by_keyboard_keeps_everything(lab, workdir, page):
    """student24: ex05 saved, closed and reopened by keyboard alone had never been walked. Run by Shift+Enter, two
    highlighters marked (words and a sentence), an answer typed, checks run; Ctrl+S, Alt+W closes the tab, Ctrl+B
    and Tab reach the file browser, Enter reopens: the marks, labels, typed answer and checks' outputs are there,
    the checks say the same again, and ``!medialit self-check`` in a new cell scores what was done."""
    from test_lesson_keyboard_browser import ACTIVE_CELL, answer, cell_index, go_to, tab_into

    for kind in ("exercises", "solutions"):  # the kit's layout: self-check finds the source beside the release
        shutil.copytree(REPO / kind / "ex05-transfer", workdir / kind / "ex05-transfer")
    folder = workdir / "exercises" / "ex05-transfer"
    path = folder / "ex05-transfer.ipynb"
    cells = len(nbformat.read(path, as_version=4).cells)
    nb = conftest_module().Notebook(page, lab, path).open()
    page.evaluate("() => window.jupyterapp.shell.currentWidget.content.node.focus()")
    for _ in range(cells - 1):
        page.keyboard.press("Shift+Enter")
    page.keyboard.press("Control+Enter")  # the last cell: Shift+Enter would add one
    nb.wait_idle_after_run()

    def mark(question: str, words: list[str], key: str) -> None:
        at = cell_index(path, f'print(item("{question}")')
        go_to(page, at)
        widget = nb.cell(at).locator(".medialit-highlighter")
        tab_into(page, widget)
        live = widget.locator(".ml-live")
        for _ in range(300):
            if live.inner_text().split(",")[0] == words[0]:
                break
            page.keyboard.press("ArrowRight")
        for _ in words[1:]:
            page.keyboard.press("Shift+ArrowRight")
        page.keyboard.press(key)
        expect(live).to_contain_text("marked")

    mark("ex05-q4", ["mayor", "Lena", "Holt"], "1")  # source
    mark("ex05-q4", ["said"], "2")  # cue
    mark("ex05-q6", ["Studies"], "1")  # the sentence: no_source
    typed = 'answer_q2 = [("most of the town", "unsupported_figure")]'
    at = cell_index(path, "answer_q2 = None")
    go_to(page, at)
    before = nb.cell(at).locator(".jp-InputPrompt").inner_text()
    page.keyboard.press("Enter")
    page.keyboard.press("Control+a")
    page.keyboard.insert_text(typed)
    page.keyboard.press("Shift+Enter")
    nb._wait_done(nb.cell(at), before)
    checks = {q: cell_index(path, f'check("ex05-{q}"') for q in ("q2", "q4", "q6")}
    said = {q: answer(nb, page, at, f'check("ex05-{q}", answer_{q})') for q, at in checks.items()}
    assert said == {
        "q2": "ex05-q2: format OK, 1 mark read\n",
        "q4": "ex05-q4: format OK, 2 marks read\n",
        "q6": "ex05-q6: format OK, 1 mark read\n",
    }, said
    page.keyboard.press("Escape")
    page.keyboard.press("Control+s")
    tab = page.locator(".lm-DockPanel .lm-TabBar-tab", has_text="ex05-transfer.ipynb")
    expect(tab).not_to_have_class(re.compile(r"\bjp-mod-dirty\b"))
    page.keyboard.press("Alt+w")  # JupyterLab's Close Tab
    expect(tab).to_have_count(0)

    if not page.locator("#jp-left-stack").is_visible():
        page.keyboard.press("Control+b")
    listing = "() => !!document.activeElement.closest('.jp-DirListing')"
    for _ in range(60):
        if page.evaluate(listing):
            break
        page.keyboard.press("Tab")
    assert page.evaluate(listing), "Tab never reached the file browser"
    for _ in range(10):
        if page.evaluate("() => document.activeElement.textContent.trim()") == path.name:
            break
        page.keyboard.press("ArrowDown")
    page.keyboard.press("Enter")
    expect(tab).to_have_count(1)
    nb.wait_idle()
    expect(page.locator(f"{PANEL} .medialit-highlighter")).to_have_count(8)
    expect(nb.cell(cell_index(path, 'print(item("ex05-q4")')).locator(".ml-tag-mark")).to_have_count(2)
    expect(nb.cell(cell_index(path, 'print(item("ex05-q6")')).locator(".ml-mark[role=mark]")).to_have_count(1)
    assert typed in nbformat.read(path, as_version=4).cells[cell_index(path, "answer_q2 = ")].source
    page.keyboard.press("Escape")
    assert page.evaluate(ACTIVE_CELL) >= 0
    again = {q: answer(nb, page, at, f'check("ex05-{q}", answer_{q})') for q, at in checks.items()}
    assert again == said, again

    go_to(page, cells - 1)
    page.keyboard.press("b")  # a new cell below, as lesson 0 and the exercise's help say
    page.keyboard.press("Enter")
    page.keyboard.insert_text("!medialit self-check")
    page.keyboard.press("Control+Enter")
    report = nb.cell(cells).locator(".jp-OutputArea-output").last
    expect(report).to_contain_text("total:", timeout=120_000)
    lines = {line.split(":")[0]: line for line in report.inner_text().splitlines() if line.startswith("ex05-q")}
    assert lines["ex05-q2"].startswith("ex05-q2: 1 of 1 point"), lines  # the typed answer
    for q in ("ex05-q4", "ex05-q6"):  # the marks: scored, not 'no saved highlights'
        assert re.match(rf"{q}: [\d.]+ of 2 points; 1 of 3 sentences|{q}: [\d.]+ of 2 points; 2 of", lines[q]), lines
    assert lines["ex05-q3"] == "ex05-q3: 0 of 1 point: not answered", lines  # not answered, and said so,
    hint = [line for line in report.inner_text().splitlines() if "no saved highlights" in line]  # the hint once
    assert len(hint) == 1 and "ex05-q3" in hint[0], hint
