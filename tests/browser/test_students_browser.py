"""Issue 11 in real JupyterLab and Chromium: what a student sees and trusts.

Two tabs writing one sidecar, feedback inside the highlighter, the word cursor
only with focus, a selection unlike every label, label pairs apart by more
than colour, legible machine tags, a sticky label bar at 200% zoom, paragraph
gaps larger than line gaps, and axe-core on every widget state in light and
dark themes. Screenshots go to test-artifacts/.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from playwright.sync_api import expect
from test_highlighter_browser import tab_into_text

pytestmark = pytest.mark.browser

AXE = Path(__file__).with_name("node_modules") / "axe-core" / "axe.min.js"
# JupyterLab's <body> is 0 px high with overflow: hidden. axe takes it for a clip over the whole page and
# then checks no text for colour contrast. <html> and <body> as high as the window change nothing on screen.
LET_AXE_SEE = "() => { document.documentElement.style.height = '100%'; document.body.style.height = '100%'; }"
LONG = " ".join(["The council met on Tuesday evening and talked about the harbour, the ferry and the fish market."] * 6)
TEXT = (
    "Council backs new ferry terminal\n"
    "Mayor Ingrid Dahl called the vote a turning point. She added that work starts in May.\n"
    f"{LONG}\n"
    "– For thirty years we have talked about this. Now we are finally doing it, says Dahl.\n"
    "Opposition leader Per Haugen claimed the figures were “optimistic”."
)
FRAMING = '["loaded", "evaluative", "intensifier", "scare_quote", "speech_verb", "hedge"]'


def setup(save_to: str = "shared.highlights.json", labels: str = "None", extra: str = "") -> str:
    return (
        "import json\nfrom medialit import Highlighter, from_text\nfrom medialit.core.spans import Span\n"
        f"TEXT = {TEXT!r}\nh = Highlighter(from_text(TEXT), labels={labels}, save_to={save_to!r})\n{extra}h"
    )


SHOW = "print(json.dumps([TEXT[m['start']:m['end']] for m in h.spans]))"


def conftest_module():
    """This folder's conftest as a module, for its Notebook helper on a lesson copied in (not written by it)."""
    import importlib.util
    import sys

    spec = importlib.util.spec_from_file_location("browser_conftest", Path(__file__).with_name("conftest.py"))
    module = importlib.util.module_from_spec(spec)
    sys.modules.setdefault(spec.name, module)
    spec.loader.exec_module(module)
    return module


def word(widget, text: str):
    return widget.locator(".ml-seg:not(.ml-space)", has_text=text).first


def mark_word(widget, text: str, key: str) -> None:
    word(widget, text).dblclick()
    widget.locator(".ml-text").press(key)


def shown(nb, cell: int = 1) -> list[str]:
    nb.run(cell)
    return json.loads(nb.output_text(cell))


def axe(page, widget) -> list[dict]:
    """axe-core's WCAG 2.1 A/AA violations inside the widget (JupyterLab itself is not ours to judge)."""
    if not AXE.is_file():
        pytest.fail(f"{AXE} is missing: run scripts/test.sh, or npm install --prefix tests/browser axe-core")
    if not page.evaluate("() => !!window.axe"):
        page.add_script_tag(path=str(AXE))
    page.evaluate(LET_AXE_SEE)
    return widget.evaluate(
        """async root => {
          const tags = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];
          const result = await axe.run(root, {runOnly: {type: 'tag', values: tags}});
          return result.violations.map(v => ({id: v.id, help: v.help,
            nodes: v.nodes.slice(0, 3).map(n => n.html.slice(0, 100) + ' :: ' + n.failureSummary)}));
        }"""
    )


# ---------------------------------------------------------------- 1. no mark lost with two writers


def test_two_tabs_on_two_notebooks_sharing_a_sidecar_lose_no_mark(browser, notebook, workdir, screenshot):
    """Lesson 02 and lesson 06 both open on one file: a mark in each tab, then one more: all three kept."""
    first = notebook([setup(), SHOW], name="lesson02.ipynb")
    first.run(0)
    other = browser.new_context(viewport={"width": 1280, "height": 900})
    try:
        second = notebook([setup(), SHOW], name="lesson06.ipynb", on=other.new_page())
        second.run(0)
        a, b = first.widget(0), second.widget(0)
        mark_word(a, "Dahl", "1")
        assert shown(first) == ["Dahl"]
        mark_word(b, "She", "1")  # lesson 06 loaded the file before "Dahl" was saved
        assert shown(second) == ["Dahl", "She"]
        expect(b.locator(".ml-status")).to_contain_text("changed elsewhere")
        expect(b.locator(".ml-status")).to_contain_text("1 mark added")
        mark_word(a, "Haugen", "1")
        assert shown(first) == ["Dahl", "She", "Haugen"]
        expect(a.locator(".ml-mark[data-label='source']", has_text="She")).to_have_count(1)  # merged into view
        saved = json.loads((workdir / "shared.highlights.json").read_text(encoding="utf-8"))["spans"]
        assert [TEXT[m["start"] : m["end"]] for m in saved] == ["Dahl", "She", "Haugen"]
        screenshot(a, "two-tabs-merged.png")
    finally:
        other.close()


# ---------------------------------------------------------------- 2 and 3. teach before telling; feedback in the widget


def test_lesson_two_keeps_the_analyzer_back_until_the_check_and_marks_feedback_in_the_widget(
    notebook, lab, workdir, page, screenshot
):
    import shutil

    import nbformat

    notebooks = Path(__file__).resolve().parents[2] / "notebooks"
    shutil.copy(notebooks / "02-who-is-speaking.ipynb", workdir / "02-who-is-speaking.ipynb")
    shutil.copytree(notebooks / "articles", workdir / "articles")
    cells = nbformat.read(workdir / "02-who-is-speaking.ipynb", as_version=4).cells
    widget_cell = next(i for i, c in enumerate(cells) if "sources = Highlighter(" in c.source)
    check_cell = next(i for i, c in enumerate(cells) if 'check_highlights("l2.sources-activity"' in c.source)
    machine_cell = next(i for i, c in enumerate(cells) if "print(practice_analysis.to_table())" in c.source)

    nb = conftest_module().Notebook(page, lab, workdir / "02-who-is-speaking.ipynb").open()
    nb.run_all()
    assert "The analyzer's findings come after your own" in nb.output_text(machine_cell)
    expect(nb.cell(machine_cell).locator(".jp-OutputArea-output")).not_to_contain_text("<-")

    widget = nb.widget(widget_cell)
    widget.scroll_into_view_if_needed()
    word(widget, "Mayor").dblclick()
    widget.locator(".ml-text").press("Shift+ArrowRight")
    widget.locator(".ml-text").press("1")
    mark_word(widget, "optimistic", "1")  # inside a quotation, not a source: an extra with the question to ask
    expect(widget.locator(".ml-status")).to_contain_text("saved 2 marks")  # in the kernel before the check runs
    nb.run(check_cell)
    out = nb.output_text(check_cell)
    assert "correct in part: you marked ‘Mayor Ingrid’; the source is ‘Mayor Ingrid Dahl’" in out
    assert "Sources close to the council" not in out, "the check gives away no unfound key item"
    expect(widget.locator(".ml-feedback.ml-fb-correct .ml-tag").first).to_have_text("✓ source")
    expect(widget.locator(".ml-feedback.ml-fb-extra .ml-tag").first).to_have_text("? extra source")
    expect(widget.locator(".ml-feedback.ml-fb-missed")).to_have_count(0)
    expect(widget.locator(".ml-panel")).to_contain_text("not in the key as source: ask who, according to the text")
    expect(widget.locator(".ml-panel")).not_to_contain_text("inside a quote")  # a quote can bring in a source (K5)
    widget.scroll_into_view_if_needed()
    screenshot(widget, "lesson02-feedback-in-widget.png")

    nb.run(machine_cell)
    expect(nb.cell(machine_cell).locator(".jp-OutputArea-output").last).to_contain_text("<-")


def test_machine_layer_is_hidden_until_ticked_and_its_tags_are_legible_and_distinct(notebook, page, screenshot):
    extra = (
        "h.add_span(TEXT.index('Per Haugen'), TEXT.index('Per Haugen') + 10, 'source')\n"
        "says = TEXT.index('says')\nh.show_machine_layer([Span(says, says + 4, 'cue', ('speech verb',)), "
        "Span(TEXT.index('Per'), TEXT.index('Per') + 10, 'source', ('name before claimed',))])\n"
    )
    nb = notebook([setup(extra=extra), "print(h.show_machine)"])
    nb.run(0)
    widget = nb.widget(0)
    toggle = widget.get_by_role("checkbox", name="show analyzer")
    expect(toggle).not_to_be_checked()
    expect(widget.locator(".ml-machine")).to_have_count(0)
    toggle.check()
    expect(widget.locator(".ml-tag-machine")).to_have_count(2)
    looks = widget.evaluate(
        """root => {
          const css = (sel) => getComputedStyle(root.querySelector(sel));
          const m = css('.ml-tag-machine'), s = css('.ml-tag-mark');
          return {size: parseFloat(m.fontSize), machine: [m.fontStyle, m.borderTopStyle, m.borderTopLeftRadius],
                  student: [s.fontStyle, s.borderTopStyle, s.borderTopLeftRadius],
                  text: root.querySelector('.ml-tag-machine').textContent};
        }"""
    )
    assert looks["size"] >= 11, looks
    assert looks["machine"] != looks["student"] and looks["machine"][0] == "italic", looks
    assert looks["text"].startswith("⚙ analyzer")
    screenshot(widget, "machine-layer-shown.png")


# ---------------------------------------------------------------- 4. legibility


def test_cursor_shows_only_with_focus_and_a_selection_looks_like_no_label(notebook, page, screenshot):
    extra = "".join(
        f"h.add_span(*(lambda i: (i, i + len({w!r})))(TEXT.index({w!r})), {lab!r})\n"
        for w, lab in [("Council", "loaded"), ("backs", "evaluative"), ("new", "intensifier"),
                       ("ferry", "scare_quote"), ("terminal", "speech_verb"), ("Mayor", "hedge")]
    )  # fmt: skip
    nb = notebook([setup(labels=FRAMING, extra=extra)])
    nb.run(0)
    widget = nb.widget(0)
    cursor = widget.locator(".ml-seg.ml-cursor").first
    expect(cursor).to_have_count(1)
    style = "s => [getComputedStyle(s).boxShadow, getComputedStyle(s).outlineStyle]"
    assert cursor.evaluate(style) == ["none", "none"], "the word cursor shows without focus"
    widget.locator(".ml-text").focus()
    assert cursor.evaluate(style) != ["none", "none"], "no word cursor with focus"

    a, b = word(widget, "turning").bounding_box(), word(widget, "point").bounding_box()
    page.mouse.move(a["x"] + 2, a["y"] + a["height"] / 2)
    page.mouse.down()
    page.mouse.move(b["x"] + b["width"] - 2, b["y"] + b["height"] / 2, steps=5)
    page.mouse.up()
    looks = widget.evaluate(
        """root => {
          const look = (n) => { const c = getComputedStyle(n);
            return {bg: c.backgroundColor, fg: c.color, line: c.borderBottomStyle + ' ' + c.borderBottomColor}; };
          const marks = {};
          for (const m of root.querySelectorAll('.ml-mark')) marks[m.dataset.label] = look(m);
          const sel = root.querySelector('.ml-seg.ml-sel:not(.ml-space)');
          return {sel: look(sel), text: look(root.querySelector('.ml-text')), marks};
        }"""
    )
    assert len(looks["marks"]) == 6
    for label, mark in looks["marks"].items():
        assert looks["sel"]["bg"] != mark["bg"], f"a selection looks like a {label} mark"
    assert looks["sel"]["bg"] == looks["text"]["fg"], "a selection is shown inverted"
    lines = {label: m["line"].split()[0] for label, m in looks["marks"].items()}
    assert lines["evaluative"] != lines["hedge"] and lines["loaded"] != lines["scare_quote"], lines
    expect(widget.locator(".ml-legend button.ml-label").nth(3)).to_contain_text("scare_quote")
    screenshot(widget, "selection-and-six-labels.png")


def test_paragraph_gap_is_larger_than_the_line_gap_and_dash_quotes_stand_out(notebook, page):
    nb = notebook([setup()])
    nb.run(0)
    widget = nb.widget(0)
    gaps = widget.evaluate(
        """root => {
          const ps = root.querySelectorAll('.ml-p');
          const tops = (p) => [...new Set([...p.querySelectorAll('.ml-seg:not(.ml-space)')]
                          .map(s => Math.round(s.getBoundingClientRect().top)))].sort((a, b) => a - b);
          const long = tops(ps[2]), next = tops(ps[3]);
          return {lines: long.length, line: long[1] - long[0], paragraph: next[0] - long[long.length - 1]};
        }"""
    )
    assert gaps["lines"] >= 3, gaps
    assert gaps["paragraph"] >= 1.3 * gaps["line"], gaps
    dash = widget.locator(".ml-p.ml-dash")
    expect(dash).to_have_count(1)
    expect(dash).to_contain_text("For thirty years")
    assert dash.evaluate("p => getComputedStyle(p).borderLeftStyle") == "double"


def test_label_bar_stays_in_view_at_200_percent_zoom(browser, notebook, screenshot):
    context = browser.new_context(viewport={"width": 640, "height": 450}, device_scale_factor=2)  # 1280x900 at 200%
    try:
        page = context.new_page()
        long_text = "TEXT = TEXT + '\\n' + '\\n'.join([TEXT] * 6)\nh = Highlighter(from_text(TEXT))\n"
        nb = notebook([setup(extra=long_text)], on=page)
        nb.run(0)
        widget = nb.widget(0)
        text = widget.locator(".ml-text")
        expect(text).to_be_visible()
        assert text.evaluate("t => t.getBoundingClientRect().height <= 0.6 * window.innerHeight"), "text box too tall"
        where = widget.evaluate(
            """root => {
              let n = root.parentElement;
              while (n && !(n.scrollHeight > n.clientHeight && /auto|scroll/.test(getComputedStyle(n).overflowY)))
                n = n.parentElement;
              n.scrollTop += root.getBoundingClientRect().top - n.getBoundingClientRect().top + 150;
              const legend = root.querySelector('.ml-legend').getBoundingClientRect();
              return {legendTop: legend.top, legendBottom: legend.bottom, viewTop: n.getBoundingClientRect().top,
                      rootTop: root.getBoundingClientRect().top, height: window.innerHeight};
            }"""
        )
        assert where["rootTop"] < where["viewTop"], where  # the widget's top has scrolled away ...
        assert where["viewTop"] - 1 <= where["legendTop"] and where["legendBottom"] <= where["height"], where
        for button in widget.locator(".ml-legend button").all():  # ... and its label bar has not
            expect(button).to_be_in_viewport()
        word(widget, "harbour").click()
        page.keyboard.press("1")
        expect(widget.locator(".ml-mark[data-label='source']")).to_have_count(1)
        screenshot(page, "label-bar-sticky-200pct.png")
    finally:
        context.close()


# ---------------------------------------------------------------- 6. axe-core on every state, light and dark


STATES = {
    "fresh": "",
    "marked": "h.add_span(TEXT.index('Mayor'), TEXT.index('Mayor') + 17, 'source')\n"
    "h.add_span(TEXT.index('Mayor'), TEXT.index('Mayor') + 5, 'claim')\n",
    "feedback": "h.add_span(TEXT.index('Mayor'), TEXT.index('Mayor') + 12, 'source')\n"
    "h.add_span(TEXT.index('Per'), TEXT.index('Per') + 3, 'source')\n"
    "h.show_feedback([Span(TEXT.index('Mayor'), TEXT.index('Mayor') + 17, 'source'),"
    " Span(TEXT.index('She'), TEXT.index('She') + 3, 'source')])\n",
    "machine": "h.show_machine_layer([Span(TEXT.index('says'), TEXT.index('says') + 4, 'cue', ('speech verb',))],"
    " show=True)\n",
    "locked": "h.add_span(0, 7, 'source')\nh.locked = True\n",
}


@pytest.mark.parametrize("theme", ["JupyterLab Light", "JupyterLab Dark"])
def test_every_widget_state_passes_axe_in_light_and_dark(notebook, page, screenshot, theme):
    cells = [setup(save_to=f"{name}.highlights.json", extra=extra) for name, extra in STATES.items()]
    cells.append(
        "s = Highlighter(from_text(TEXT), labels=['attributed', 'unsupported'], mode='sentences')\n"
        "s.add_span(*s.sentence_bounds[1], 'unsupported')\ns"
    )
    nb = notebook(cells)
    nb.set_theme(theme)
    shade = theme.split()[-1].lower()
    try:
        for i, name in enumerate([*STATES, "sentences"]):
            nb.run(i)
            widget = nb.widget(i)
            expect(widget.locator(".ml-seg").first).to_be_visible()
            if name == "marked":  # a pending selection and the focused cursor as well
                word(widget, "turning").dblclick()
            widget.scroll_into_view_if_needed()
            if i == 0:  # axe itself works here: a nameless button inside the widget is caught
                widget.evaluate("root => root.append(Object.assign(document.createElement('button'), {id: 'ml-bad'}))")
                assert "button-name" in {v["id"] for v in axe(page, widget)}
                widget.evaluate("root => root.querySelector('#ml-bad').remove()")
            problems = axe(page, widget)
            assert not problems, f"{name} ({shade}): {json.dumps(problems, indent=1, ensure_ascii=False)}"
            screenshot(widget, f"state-{name}-{shade}.png")
    finally:
        nb.set_theme("JupyterLab Light")


# ---------------------------------------------------------------- 7. an exercise item's part


@pytest.mark.parametrize("theme", ["JupyterLab Light", "JupyterLab Dark"])
def test_an_exercise_highlighter_opens_on_its_part_and_sets_off_the_rest_in_words(notebook, page, screenshot, theme):
    """ex01-q1 counts marks only in its part, far down the article: the widget opens there, says where the part
    starts and ends in words, greys the context (AA contrast) and announces a cursor outside the part."""
    from medialit.exercises.grading import item

    nb = notebook(['from medialit.exercises.grading import show\nshow("ex01-q1")'])
    nb.set_theme(theme)
    nb.run(0)
    widget = nb.widget(0)
    text = widget.locator(".ml-text")
    first_words = item("ex01-q1").text().split()[:3]
    expect(widget.locator(".ml-part-start")).to_contain_text(f"starts at ‘{' '.join(first_words)}")
    expect(widget.locator(".ml-part-end")).to_contain_text("ends at ‘…")
    expect(widget.locator(".ml-part-start")).to_be_in_viewport()  # scrolled inside the text box to the part
    assert text.evaluate("t => t.scrollTop") > 0
    assert widget.locator(".ml-seg.ml-outside").count() > 0
    screenshot(widget, f"exercise-part-{theme.split()[-1].lower()}.png")
    tab_into_text(widget, page)
    page.keyboard.press("ArrowRight")  # the cursor starts in the part
    live = widget.locator(".ml-live")
    expect(live).to_have_text(first_words[1])
    page.keyboard.press("ArrowLeft")
    page.keyboard.press("ArrowLeft")
    expect(live).to_contain_text(", outside this question's part")
    assert axe(page, widget) == []
