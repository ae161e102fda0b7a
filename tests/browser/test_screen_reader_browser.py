"""What a screen reader gets from the Highlighter's marks: Chromium's own accessibility tree (the one assistive
technology reads, over the DevTools protocol), not the DOM."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect
from test_highlighter_browser import SETUP
from test_lessons_browser import axe_severe

pytestmark = [pytest.mark.browser, pytest.mark.slow]

MARKS = (
    "dahl = TEXT.index('Ingrid Dahl')\n"
    "h.add_span(dahl, dahl + len('Ingrid Dahl of Vesterhavn'), 'source')\n"
    "h.add_span(dahl, dahl + len('Ingrid Dahl'), 'cue')\n"  # inside the first: two marks over the same words
    "off = TEXT.index('the vote')\n"
    "h.add_span(off, off + len('the vote a turning point'), 'claim')\n"
    "says = TEXT.index('says Støre')\n"  # across the paragraph break: heard as one mark in each paragraph
    "h.add_span(says, TEXT.index(' the plan'), 'framing')"
)


def test_a_mark_over_several_words_is_heard_as_one_mark_with_its_label(notebook, page, heard):
    nb = notebook([SETUP, MARKS])
    nb.run(0)
    nb.run(1)
    widget = nb.widget(0)
    expect(widget.locator(".ml-tag-mark")).to_have_count(4)
    assert sorted(heard("mark")) == [  # each mark once, label first; the cue inside the source is heard in it
        "claim: the vote a turning point",
        "cue: Ingrid Dahl",
        "framing (continued): Officials said",
        "framing: says Støre.",
        "source: cue: Ingrid Dahl of Vesterhavn",
    ]
    assert axe_severe(page) == []


CHECK = (
    "from medialit.core.spans import Span\n"
    "h.show_feedback([Span(dahl, dahl + len('Ingrid Dahl of Vesterhavn'), 'source')])"
)


def test_a_check_in_the_widget_is_said_in_its_status_region(notebook, page):
    """The check's words reach a polite live region (role status), not only the ✓ tags and the list."""
    nb = notebook([SETUP, MARKS, CHECK])
    nb.run(0)
    nb.run(1)
    widget = nb.widget(0)
    status = widget.get_by_role("status")
    expect(status).not_to_contain_text("feedback")
    nb.run(2)
    expect(status).to_contain_text("feedback: 1 correct")
    assert "✓ source" in widget.locator(".ml-tag-feedback").first.inner_text()
    assert axe_severe(page) == []


CHECKED = (
    "from medialit.core.spans import Span\n"
    "h.show_feedback([Span(dahl, dahl + len('Ingrid Dahl of Vesterhavn'), 'source'), Span(off, off + 8, 'claim')])"
)


def test_a_checked_mark_says_its_label_once_with_the_verdict(notebook, page, heard):
    """student24: lesson 0's 'Ingrid Dahl' marked person and checked showed '✓ person' beside 'person' (the check's
    tag and the mark's own), heard as 'Mayor ✓ person: person: Ingrid Dahl'. A verdict on a mark with the same
    words and label now goes into the mark's tag: seen and heard once, '✓ person'. A verdict with no mark of its
    own (a missed key item) keeps its tag."""
    nb = notebook([SETUP, MARKS, CHECKED])
    for index in range(3):
        nb.run(index)
    widget = nb.widget(0)
    tags = widget.locator(".ml-tag")
    expect(tags.filter(has_text="✓")).to_have_count(1)
    assert sorted(tags.all_inner_texts()) == ["? extra claim", "cue", "framing", "✓ source", "✗ missed claim"]
    assert sorted(heard("mark")) == [
        "? extra claim: the vote a turning point",
        "cue: Ingrid Dahl",
        "framing (continued): Officials said",
        "framing: says Støre.",
        "✓ source: cue: Ingrid Dahl of Vesterhavn",
    ]
    # a line read through: the verdict and the label once, then the words (the missed item's tag stays apart)
    line = re.sub(r"\s+:", ":", " ".join(widget.locator(".ml-p").first.inner_text().split()))
    assert "✓ source: cue: Ingrid Dahl" in line and line.count("source") == 1, line
    assert axe_severe(page) == []


def test_a_relabelled_mark_loses_its_verdict_until_the_check_runs_again(notebook, page, heard):
    """student25: a checked mark relabelled kept its old verdict: '✓ source' stood beside it as a tag of its own, and
    its word was still read with 'check: ... correct'. The verdict was on the old label; it goes (seen and heard)
    and the feedback says to run the check again."""
    nb = notebook([SETUP, MARKS, CHECKED])
    for index in range(3):
        nb.run(index)
    widget = nb.widget(0)
    tags = widget.locator(".ml-tag")
    expect(tags.filter(has_text="✓")).to_have_count(1)
    widget.locator(".ml-seg:not(.ml-space)", has_text="Vesterhavn").first.click()  # picks the source mark
    page.keyboard.press("4")  # framing
    expect(widget.locator(".ml-status")).to_contain_text("saved 4 marks")
    expect(tags.filter(has_text="✓")).to_have_count(0)
    assert sorted(tags.all_inner_texts()) == ["? extra claim", "cue", "framing", "framing", "✗ missed claim"]
    assert "framing: cue: Ingrid Dahl of Vesterhavn" in heard("mark")
    assert not [m for m in heard("mark") if "✓" in m]
    page.keyboard.press("ArrowLeft")
    page.keyboard.press("ArrowRight")  # back on 'Vesterhavn': its word, its marks, and no stale verdict
    live = widget.locator(".ml-live")
    expect(live).to_contain_text("Vesterhavn, marked framing")
    assert "check:" not in live.inner_text()
    expect(widget.locator(".ml-panel")).to_contain_text("run the check again")
    assert axe_severe(page) == []
