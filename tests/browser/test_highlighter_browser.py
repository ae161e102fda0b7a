"""The Highlighter in JupyterLab and Chromium: mouse, keyboard, undo, overlap, persistence, offsets."""

from __future__ import annotations

import json

import pytest
from playwright.sync_api import expect

pytestmark = pytest.mark.browser

# Emoji (a ZWJ sequence with a skin tone), a combining accent, curly quotes, a no-break space,
# a double space and Norwegian letters all sit before the words the tests mark.
TEXT = (
    "Ordføreren 👩🏽‍⚖️ i Tromsø, Re\u0301né  Åsheim, sa\u00a0at «valget» var “et vendepunkt”. "
    "Mayor Ingrid Dahl of Vesterhavn called the vote a turning point, says Støre.\n"
    "Officials said the plan would cost dearly."
)
SETUP = f"""import json
from medialit import Highlighter, from_text
TEXT = {TEXT!r}
h = Highlighter(from_text(TEXT, title="t"), save_to="marks.highlights.json")
h"""
SHOW = "print(json.dumps(h.spans))"


def offsets(phrase: str) -> tuple[int, int]:
    start = TEXT.index(phrase)
    return start, start + len(phrase)


def spans_in_kernel(nb, cell: int = 1) -> list[dict]:
    nb.run(cell)
    return json.loads(nb.output_text(cell))


def word(widget, text: str):
    return widget.locator(".ml-seg:not(.ml-space)", has_text=text).first


MARKED = """root => {
  const out = {};
  for (const seg of root.querySelectorAll('.ml-seg')) {
    const up = (node) => node.parentElement.closest('.ml-mark');
    for (let w = up(seg); w && root.contains(w); w = up(w)) {
      out[w.dataset.label] = (out[w.dataset.label] || '') + seg.textContent;
    }
  }
  return out;
}"""


def marked(widget) -> dict[str, str]:
    """The words under each label as the browser shows them (tags left out)."""
    return widget.evaluate(MARKED)


def drag(page, widget, first: str, last: str) -> None:
    a = word(widget, first).bounding_box()
    b = word(widget, last).bounding_box()
    page.mouse.move(a["x"] + 2, a["y"] + a["height"] / 2)
    page.mouse.down()
    page.mouse.move(a["x"] + a["width"] / 2, a["y"] + a["height"] / 2, steps=2)
    page.mouse.move(b["x"] + b["width"] - 2, b["y"] + b["height"] / 2, steps=5)
    page.mouse.up()


def test_drag_across_words_makes_the_right_span_in_the_kernel(notebook, page, screenshot):
    nb = notebook([SETUP, SHOW, 'h.spans = [{"start": 0, "end": 10, "label": "claim"}]'])
    nb.run(0)
    widget = nb.widget(0)
    expect(widget.locator(".ml-text")).to_be_visible()
    drag(page, widget, "Ingrid", "Dahl")
    widget.get_by_role("button", name="source").click()
    start, end = offsets("Ingrid Dahl")
    assert spans_in_kernel(nb) == [{"start": start, "end": end, "label": "source"}]
    assert marked(widget) == {"source": "Ingrid Dahl"}
    word(widget, "Vesterhavn").dblclick()  # a double-click takes the word
    widget.locator(".ml-text").press("3")
    assert spans_in_kernel(nb)[1] == dict(zip(("start", "end"), offsets("Vesterhavn"), strict=True)) | {"label": "cue"}
    nb.run(2)  # Python -> browser
    expect(widget.locator(".ml-mark[data-label='source']")).to_have_count(0)
    assert marked(widget) == {"claim": "Ordføreren"}
    screenshot(widget, "highlighter-drag.png")


def cursor_to(widget, page, word_text: str) -> None:
    """Move the word cursor with the arrow keys until the live region announces ``word_text``."""
    live = widget.locator(".ml-live")
    for _ in range(80):
        if live.inner_text().split(",")[0] == word_text:
            return
        page.keyboard.press("ArrowRight")
    raise AssertionError(f"the cursor never reached {word_text!r}")


def tab_into_text(widget, page):
    """Put the keyboard into the widget's text as a keyboard user does, one Tab on from the last button (Redo),
    and return the text once it has the focus."""
    widget.get_by_role("button", name="Redo").focus()
    page.keyboard.press("Tab")
    text = widget.locator(".ml-text")
    expect(text).to_be_focused()
    return text


def test_keyboard_only_labelling_undo_redo_and_remove(notebook, page):
    nb = notebook([SETUP, SHOW])
    nb.run(0)
    widget = nb.widget(0)
    text = tab_into_text(widget, page)
    page.keyboard.press("ArrowRight")
    cursor_to(widget, page, "Åsheim")
    page.keyboard.press("1")
    cursor_to(widget, page, "Ingrid")
    page.keyboard.press("Shift+ArrowRight")
    page.keyboard.press("2")
    source, claim = offsets("Åsheim"), offsets("Ingrid Dahl")
    both = [{"start": s, "end": e, "label": lab} for (s, e), lab in sorted([(source, "source"), (claim, "claim")])]
    assert spans_in_kernel(nb) == both
    assert marked(widget) == {"source": "Åsheim", "claim": "Ingrid Dahl"}

    text.focus()
    page.keyboard.press("Control+z")
    live = widget.locator(".ml-live")
    expect(live).to_have_text("undone: claim ‘Ingrid Dahl’ taken away")  # which mark, not only "undone"
    assert spans_in_kernel(nb) == [{"start": source[0], "end": source[1], "label": "source"}]
    text.focus()
    page.keyboard.press("Control+Shift+Z")
    expect(live).to_have_text("redone: claim ‘Ingrid Dahl’ back")
    assert spans_in_kernel(nb) == both

    text.focus()  # the cursor is still on "Dahl", inside the claim
    page.keyboard.press("Delete")
    assert spans_in_kernel(nb) == [{"start": source[0], "end": source[1], "label": "source"}]

    text.focus()
    page.keyboard.press("Shift+ArrowLeft")
    page.keyboard.press("Escape")  # clears the selection: a label key now marks only the word at the cursor
    page.keyboard.press("4")
    ingrid = offsets("Ingrid")
    assert spans_in_kernel(nb)[1] == {"start": ingrid[0], "end": ingrid[1], "label": "framing"}


def test_nested_and_overlapping_marks_stay_legible_relabel_and_remove(notebook, page, screenshot):
    nb = notebook([SETUP, SHOW])
    nb.run(0)
    widget = nb.widget(0)
    tags = widget.locator(".ml-tag-mark")  # a mark shows once the kernel has answered: wait before the next drag
    drag(page, widget, "Mayor", "point")
    widget.get_by_role("button", name="claim").click()
    expect(tags).to_have_count(1)
    drag(page, widget, "Ingrid", "Dahl")
    widget.get_by_role("button", name="source").click()
    expect(tags).to_have_count(2)
    drag(page, widget, "point", "says")
    widget.get_by_role("button", name="cue").click()
    expect(tags).to_have_count(3)
    assert marked(widget) == {
        "claim": "Mayor Ingrid Dahl of Vesterhavn called the vote a turning point",
        "source": "Ingrid Dahl",
        "cue": "point, says",
    }
    # every mark keeps its own underline: nested and crossing marks sit on a lower line than the outer one
    levels = widget.evaluate(
        """root => Object.fromEntries(Array.from(root.querySelectorAll('.ml-mark'))
             .map(w => [w.dataset.label, w.style.getPropertyValue('--lv')]))"""
    )
    assert levels["claim"] == "0" and levels["source"] != "0" and levels["cue"] != "0"
    expect(widget.locator(".ml-tag-mark")).to_have_count(3)
    screenshot(widget, "highlighter-overlap.png")

    word(widget, "Dahl").click()  # the innermost mark under the pointer is picked
    expect(widget.locator(".ml-mark.ml-picked[data-label='source']").first).to_be_visible()
    widget.get_by_role("button", name="framing").click()
    expect(widget.locator(".ml-tag-mark", has_text="framing")).to_have_count(1)
    relabelled = spans_in_kernel(nb)
    assert {"start": offsets("Ingrid Dahl")[0], "end": offsets("Ingrid Dahl")[1], "label": "framing"} in relabelled
    assert len(relabelled) == 3

    word(widget, "says").click()
    widget.get_by_role("button", name="Remove").click()
    expect(tags).to_have_count(2)
    assert [m["label"] for m in spans_in_kernel(nb)] == ["claim", "framing"]


def test_marks_survive_a_kernel_restart_and_a_rerun(notebook, page, screenshot):
    nb = notebook([SETUP, SHOW])
    nb.run(0)
    widget = nb.widget(0)
    drag(page, widget, "Officials", "said")
    widget.get_by_role("button", name="source").click()
    expect(widget.locator(".ml-tag-mark")).to_have_count(1)
    expected = [{"start": offsets("Officials said")[0], "end": offsets("Officials said")[1], "label": "source"}]
    assert spans_in_kernel(nb) == expected
    nb.restart()
    nb.run_all()
    assert json.loads(nb.output_text(1)) == expected
    expect(nb.widget(0).locator(".ml-mark[data-label='source']").first).to_be_visible()
    assert marked(nb.widget(0)) == {"source": "Officials said"}
    screenshot(page, "highlighter-after-restart.png")


def test_sentence_mode_click_takes_a_sentence(notebook, page):
    setup = SETUP.replace('save_to="marks.highlights.json"', 'mode="sentences", labels=["attributed", "unsupported"]')
    nb = notebook([setup, "print(json.dumps(h.sentence_labels))"])
    nb.run(0)
    widget = nb.widget(0)
    word(widget, "cost").click()
    widget.locator(".ml-text").press("2")
    start, end = offsets("Officials said the plan would cost dearly.")
    assert spans_in_kernel(nb) == [{"start": start, "end": end, "label": "unsupported"}]


def contrast(foreground: str, background: str) -> float:
    """WCAG contrast ratio of two CSS ``rgb(...)``/``rgba(...)`` colours."""

    def luminance(colour: str) -> float:
        parts = [float(x) for x in colour[colour.index("(") + 1 : -1].replace("/", ",").split(",")[:3]]
        lin = [(c / 255) / 12.92 if c / 255 <= 0.04045 else ((c / 255 + 0.055) / 1.055) ** 2.4 for c in parts]
        return 0.2126 * lin[0] + 0.7152 * lin[1] + 0.0722 * lin[2]

    a, b = sorted((luminance(foreground), luminance(background)), reverse=True)
    return (a + 0.05) / (b + 0.05)


COLOURS = """root => {
  const css = (node, prop) => getComputedStyle(node).getPropertyValue(prop);
  const clear = (node) => ['transparent', 'rgba(0, 0, 0, 0)'].includes(css(node, 'background-color'));
  let bg = root;
  while (bg && clear(bg)) bg = bg.parentElement;
  const tag = root.querySelector('.ml-tag-mark');
  return {text: css(root.querySelector('.ml-seg'), 'color'), background: css(bg, 'background-color'),
          tag: css(tag, 'color'), tagBackground: css(tag, 'background-color'),
          underline: css(root.querySelector('.ml-mark'), 'border-bottom-style')};
}"""


@pytest.mark.parametrize("theme", ["JupyterLab Light", "JupyterLab Dark"])
def test_readable_in_light_and_dark_themes_at_200_percent_zoom(browser, notebook, screenshot, theme):
    context = browser.new_context(viewport={"width": 640, "height": 900}, device_scale_factor=2)  # 1280 px at 200%
    page = context.new_page()
    try:
        nb = notebook([SETUP + '\nh.add_span(0, 10, "claim")\nh'], on=page)
        nb.set_theme(theme)
        nb.run(0)
        widget = nb.widget(0)
        expect(widget.locator(".ml-mark").first).to_be_visible()
        colours = widget.evaluate(COLOURS)
        assert contrast(colours["text"], colours["background"]) >= 4.5, colours
        assert contrast(colours["tag"], colours["tagBackground"]) >= 4.5, colours
        assert colours["underline"] == "dashed"  # the label's line style, not only its colour
        text = widget.locator(".ml-text")
        assert text.evaluate("t => t.scrollWidth <= t.clientWidth"), "the text scrolls sideways at 200%"
        for button in widget.locator(".ml-legend button").all():
            expect(button).to_be_in_viewport()
        # screen readers: a named, described text region; marks exposed as marks
        expect(widget.get_by_role("textbox", name="Article text for marking")).to_have_attribute(
            "aria-readonly", "true"
        )
        expect(widget.locator(".ml-help")).to_contain_text("1 source, 2 claim, 3 cue, 4 framing")
        expect(widget.get_by_role("mark").first).to_contain_text("Ordføreren")
        screenshot(widget, f"highlighter-{theme.split()[-1].lower()}-200pct.png")
    finally:
        context.close()


def test_feedback_and_the_machine_layer_show_beside_the_marks_and_toggle(notebook, page, screenshot):
    layer = (
        "from medialit.core.spans import Span\n"
        "says = TEXT.index('says')\n"
        "h.add_span(TEXT.index('Officials'), TEXT.index('Officials') + 9, 'source')\n"
        "h.show_machine_layer([Span(says, says + 4, 'cue', ('speech verb after a quote',))], show=True)\n"
        "h.show_feedback([Span(says, says + 4, 'cue', ('‘says’ attributes this quote to Støre',))])"
    )
    nb = notebook([SETUP, layer, "print(h.show_machine)"])
    nb.run(0)
    nb.run(1)
    widget = nb.widget(0)
    panel = widget.locator(".ml-panel")
    expect(panel).to_contain_text("missed: ‘says’ (cue): ‘says’ attributes this quote to Støre")
    expect(panel).to_contain_text("source: not part of this activity (it checks cue)")
    expect(panel).to_contain_text("cue ‘says’ (rule: speech verb after a quote)")
    expect(widget.locator(".ml-feedback.ml-fb-missed .ml-tag")).to_have_text("✗ missed cue")
    expect(widget.locator(".ml-machine")).to_have_count(1)
    screenshot(widget, "highlighter-feedback-machine.png")
    toggle = widget.get_by_role("checkbox", name="show analyzer")
    toggle.uncheck()
    expect(widget.locator(".ml-machine")).to_have_count(0)
    expect(panel).not_to_contain_text("rule:")
    nb.run(2)
    assert nb.output_text(2).strip() == "False"  # the toggle reached the kernel


SECOND = """h2 = Highlighter(from_text(TEXT, title="t"), save_to="other.highlights.json")
h2"""


def test_tab_leaves_a_highlighter_for_the_next_ones_toolbar_as_one_stop_and_arrows_move_inside(notebook, page):
    """student25: the WAI-ARIA composite pattern the widget follows: Tab leaves it, arrow keys move inside. Tab from
    the text already left for the next tab stop, but each label bar (role toolbar) was 5 to 9 stops: ex05's eight
    highlighters made about 60 Tabs between one text and the next. The toolbar is now one stop (the control last
    used), ←/→ move along it, Home and End go to its ends; Tab from it enters that highlighter's text."""
    nb = notebook([SETUP, SECOND])
    nb.run(0)
    nb.run(1)
    first, second = nb.widget(0), nb.cell(1).locator(".medialit-highlighter")
    tab_into_text(first, page)
    page.keyboard.press("Tab")
    expect(second.get_by_role("button", name="source")).to_be_focused()  # the next toolbar, at its first control
    page.keyboard.press("Tab")
    expect(second.locator(".ml-text")).to_be_focused()  # its text, one Tab on
    page.keyboard.press("Shift+Tab")
    expect(second.get_by_role("button", name="source")).to_be_focused()
    page.keyboard.press("ArrowRight")
    expect(second.get_by_role("button", name="claim")).to_be_focused()
    page.keyboard.press("End")
    expect(second.get_by_role("button", name="Redo")).to_be_focused()
    page.keyboard.press("ArrowRight")  # at the end it stays
    expect(second.get_by_role("button", name="Redo")).to_be_focused()
    page.keyboard.press("Home")
    expect(second.get_by_role("button", name="source")).to_be_focused()
    page.keyboard.press("ArrowLeft")
    page.keyboard.press("ArrowLeft")
    expect(second.get_by_role("button", name="source")).to_be_focused()
    page.keyboard.press("ArrowRight")
    page.keyboard.press("Tab")
    expect(second.locator(".ml-text")).to_be_focused()
    page.keyboard.press("Shift+Tab")  # back into the toolbar at the control last used
    expect(second.get_by_role("button", name="claim")).to_be_focused()
    stops = "bar => [...bar.querySelectorAll('button, input')].filter(c => c.tabIndex >= 0).length"
    assert second.locator(".ml-legend").evaluate(stops) == 1
