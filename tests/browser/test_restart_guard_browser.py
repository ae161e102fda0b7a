"""The highlighter's restart guard fires on a restart of its own kernel and on nothing else: not on cells that
run (busy, idle), not on an interrupt, not on another notebook's restart; after Restart and Run All the new
highlighter takes marks; the greyed widget passes axe. Also: empty charts say so in their alt text."""

from __future__ import annotations

import json

import pytest
from playwright.sync_api import expect
from test_access_browser import SHOW_FILE
from test_highlighter_browser import SETUP, word
from test_lessons_browser import axe_severe

pytestmark = [pytest.mark.browser, pytest.mark.slow]

STALE = "run this cell again"


def mark(widget, page, text: str, key: str) -> None:
    word(widget, text).dblclick()
    page.keyboard.press(key)


def test_cells_that_run_and_an_interrupt_leave_the_highlighter_marking(notebook, page):
    nb = notebook([SETUP, SHOW_FILE, "import time\ntime.sleep(120)", "print('after')"])
    nb.run(0)
    widget = nb.widget(0)
    mark(widget, page, "Ingrid", "1")
    expect(widget.locator(".ml-status")).to_contain_text("saved 1 mark to")
    nb.run(1)  # busy, then idle
    nb.cell(2).locator(".jp-InputArea-editor").click()
    page.keyboard.press("Escape")
    page.keyboard.press("Control+Enter")
    expect(page.locator("#jp-main-statusbar").get_by_text("Busy", exact=False).first).to_be_visible()
    nb._command("kernelmenu:interrupt")
    expect(nb.cell(2).locator(".jp-OutputArea-output").last).to_contain_text("KeyboardInterrupt")
    nb.wait_idle()
    nb.run(3)
    expect(widget.locator(".ml-status")).not_to_contain_text(STALE)
    mark(widget, page, "Officials", "2")
    expect(widget.locator(".ml-status")).to_contain_text("saved 2 marks")
    nb.run(1)
    assert [m["label"] for m in json.loads(nb.output_text(1))] == ["source", "claim"]


def test_another_notebooks_restart_leaves_this_highlighter_marking(notebook, page, lab):
    nb = notebook([SETUP, SHOW_FILE])
    nb.run(0)
    widget = nb.widget(0)
    expect(widget.locator(".ml-text")).to_be_visible()
    other = page.context.new_page()
    second = notebook(["print('second')"], name="second.ipynb", on=other)
    second.run(0)
    second.restart()
    page.bring_to_front()
    mark(widget, page, "Ingrid", "1")
    expect(widget.locator(".ml-status")).to_contain_text("saved 1 mark to")
    expect(widget.locator(".ml-status")).not_to_contain_text(STALE)


def test_restart_and_run_all_gives_a_highlighter_that_marks_and_keeps_the_saved_marks(notebook, page):
    nb = notebook([SETUP, SHOW_FILE])
    nb.run(0)
    mark(nb.widget(0), page, "Ingrid", "1")
    expect(nb.widget(0).locator(".ml-status")).to_contain_text("saved 1 mark to")
    nb._command("runmenu:restart-and-run-all")
    page.locator(".jp-Dialog .jp-mod-accept").click()
    expect(page.locator(".jp-Dialog")).to_have_count(0)
    widget = nb.widget(0)
    expect(widget.locator(".ml-status")).to_contain_text("1 mark loaded")
    nb.wait_idle_after_run()
    mark(widget, page, "Officials", "2")
    expect(widget.locator(".ml-status")).to_contain_text("saved 2 marks")
    expect(widget.locator(".ml-tag-mark")).to_have_count(2)


def test_the_greyed_highlighter_after_a_restart_passes_axe(notebook, page, screenshot):
    nb = notebook([SETUP])
    nb.run(0)
    widget = nb.widget(0)
    mark(widget, page, "Ingrid", "1")
    nb.restart()
    expect(widget.locator(".ml-status")).to_contain_text(STALE)
    screenshot(widget, "highlighter-stale.png")
    problems = axe_severe(page, {"include": [[".medialit-highlighter"]]})
    assert not problems, json.dumps(problems, indent=1, ensure_ascii=False)


EMPTY_PLOTS = """from medialit.exercises import plots
plots.show(plots.speakers([]))
plots.show(plots.framing_positions([], "A text with nothing in it."))"""


def test_empty_charts_say_nothing_was_found_in_their_alt_text_and_pass_axe(notebook, page):
    nb = notebook([EMPTY_PLOTS])
    nb.run(0)
    images = nb.cell(0).locator(".jp-OutputArea-output img")
    expect(images).to_have_count(2)
    alts = images.evaluate_all("imgs => imgs.map(i => i.alt)")
    assert "No attributions found" in alts[0] and "No framing cues found" in alts[1]
    assert all("Read the text yourself" in alt for alt in alts)
    problems = axe_severe(page, {"include": [[".jp-OutputArea-output"]]})
    assert not problems, json.dumps(problems, indent=1, ensure_ascii=False)


def test_after_a_restart_a_links_speaker_and_kind_take_no_edit_that_would_be_lost(notebook, page):
    """The marks took no edit after a restart, but a link's speaker field took a typed name and showed it,
    and its kind a new choice: neither reached a kernel or the file."""
    from test_links_browser import SETUP as LINKS
    from test_links_browser import SHOW

    nb = notebook([LINKS, SHOW])
    nb.run(0)
    widget = nb.widget(0)
    word(widget, "she").click()
    widget.get_by_role("button", name="Link", exact=True).click()
    word(widget, "warned").click()
    widget.get_by_role("button", name="Finish link").click()
    speaker = widget.get_by_role("combobox", name="speaker of link 1")
    kind = widget.get_by_role("combobox", name="kind of link 1")
    expect(speaker).to_be_enabled()
    nb.restart()
    expect(widget.locator(".ml-status")).to_contain_text(STALE)
    expect(speaker).to_be_disabled()
    expect(kind).to_be_disabled()
    expect(widget.get_by_role("button", name="Unlink link 1")).to_be_disabled()


def test_a_page_reload_gives_back_a_highlighter_that_still_marks(notebook, page):
    """A reload reconnects to the running kernel (its status goes through 'unknown', not a restart)."""
    nb = notebook([SETUP, SHOW_FILE])
    nb.run(0)
    mark(nb.widget(0), page, "Ingrid", "1")
    expect(nb.widget(0).locator(".ml-status")).to_contain_text("saved 1 mark to")
    nb._command("docmanager:save")
    expect(page.locator(".jp-mod-dirty")).to_have_count(0)
    nb.open()  # the page loaded again, on the same kernel: the saved output's widget comes back from it
    widget = nb.widget(0)
    expect(widget.locator(".ml-tag-mark")).to_have_count(1)
    mark(widget, page, "Officials", "2")
    expect(widget.locator(".ml-status")).to_contain_text("saved 2 marks")


def test_a_shut_down_kernel_stops_marks_as_a_restart_does(notebook, page):
    nb = notebook([SETUP])
    nb.run(0)
    widget = nb.widget(0)
    mark(widget, page, "Ingrid", "1")
    expect(widget.locator(".ml-status")).to_contain_text("saved 1 mark to")
    nb._command("kernelmenu:shutdown")  # no dialog asks
    expect(page.locator("#jp-main-statusbar")).to_contain_text("No Kernel")
    expect(widget.locator(".ml-status")).to_contain_text(STALE)
    mark(widget, page, "Officials", "2")
    expect(widget.locator(".ml-tag-mark")).to_have_count(1)


# Measured 2026-11-29 under load (2 cores, load ~7): "still there?" answers in 17-215 ms when the kernel is idle,
# but a thread holding the GIL (a long C call, here big-int pow) delays it past ASK_MS while the tab sees the kernel
# idle, and the guard then takes the honest mark back and calls the kernel restarted.
def test_a_thread_holding_the_kernel_does_not_refuse_a_mark(notebook, page):
    crunch = (
        "import threading\nthreading.Thread(target=lambda: [pow(3, 24_000_000) for _ in range(3)], daemon=True).start()"
    )
    nb = notebook([SETUP, SHOW_FILE, crunch])
    nb.run(0)
    widget = nb.widget(0)
    expect(widget.locator(".ml-text")).to_be_visible()
    nb.run(2)  # the cell ends at once (the tab sees idle); the thread keeps the GIL for seconds at a time
    mark(widget, page, "Ingrid", "1")
    expect(widget.locator(".ml-status")).to_contain_text("saved 1 mark to", timeout=120_000)
    expect(widget.locator(".ml-status")).not_to_contain_text(STALE)


# student25: JupyterLab 4.6 sends widget messages over one kernel subshell per comm target, and ipykernel 7 routes a
# comm's messages to the subshell it last answered on, while kernel_info goes to the main shell. So the main shell
# can answer "who are you?" twice while this widget's "still there?" waits behind another widget's callback on the
# shared subshell: the guard took that as a cut-off comm and refused an honest mark ("the kernel restarted or
# stopped"; once in three ex05 keyboard walks under load). A button whose callback holds that subshell 12 s provokes
# it every time: the mark must wait and be saved, and the status must never say the kernel restarted.
SLOW_BUTTON = """import ipywidgets, time
clicks = []
def slow(_):
    clicks.append(1)
    button.description = f"slow {len(clicks)}"  # said back on the subshell: this button's comm now goes there
    if len(clicks) > 1:  # the second click holds that subshell
        time.sleep(12)
button = ipywidgets.Button(description="slow")
button.on_click(slow)
button"""


def test_a_widget_callback_holding_the_comm_subshell_does_not_refuse_a_mark(notebook, page):
    nb = notebook([SETUP, SLOW_BUTTON, "print(len(clicks))"])
    nb.run(0)
    widget = nb.widget(0)
    mark(widget, page, "Ingrid", "1")  # this widget's comm now answers on the subshell
    expect(widget.locator(".ml-status")).to_contain_text("saved 1 mark to")
    nb.run(1)
    nb.cell(1).get_by_role("button", name="slow").click()
    expect(nb.cell(1).get_by_role("button", name="slow 1")).to_be_visible()
    nb.run(2)
    expect(nb.cell(2).locator(".jp-OutputArea-output").last).to_have_text("1")
    nb.cell(1).get_by_role("button", name="slow 1").click()  # holds the subshell 12 s
    nb.run(2)  # the main shell is free: it runs a cell, and the tab then sees the kernel idle
    mark(widget, page, "Officials", "2")
    expect(widget.locator(".ml-live")).to_contain_text("waiting for the kernel", timeout=15_000)
    expect(widget.locator(".ml-status")).to_contain_text("saved 2 marks", timeout=60_000)
    expect(widget.locator(".ml-status")).not_to_contain_text(STALE)
    expect(widget.locator(".ml-tag-mark")).to_have_count(2)
