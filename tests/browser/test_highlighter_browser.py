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
    nb.run(2)  # Python -> browser
    expect(widget.locator(".ml-mark[data-label='source']")).to_have_count(0)
    assert marked(widget) == {"claim": "Ordføreren"}
    screenshot(widget, "highlighter-drag.png")
