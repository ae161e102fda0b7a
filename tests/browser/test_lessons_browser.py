"""Every lesson in real JupyterLab and Chromium, run as a student runs it (issue 16).

One test per ``notebooks/NN-*.ipynb`` present, so a new lesson is picked up by its file. The
notebooks folder is copied into a fresh folder of the session's one JupyterLab; the lesson is
opened and run with *Run > Run All Cells* from the menu bar. The test fails on an error or stderr
output, a highlighter that the notebook shows but the page does not, a figure without alt text,
and axe-core's serious or critical violations in the rendered notebook (links inside sentences too:
the kit's JupyterLab extension underlines them). Then the first highlighter
gets one mark from the keyboard, the cell after it runs (the lesson's check, where there is one),
the analyzer layer is ticked where the widget offers it, and axe runs again in each state.
A screenshot per lesson and the run times go to test-artifacts/.
"""

from __future__ import annotations

import ast
import contextlib
import json
import re
import shutil
import time
from collections.abc import Iterator
from pathlib import Path

import nbformat
import pytest
from playwright.sync_api import expect
from test_students_browser import AXE, LET_AXE_SEE, conftest_module

pytestmark = [pytest.mark.browser, pytest.mark.slow]

REPO = Path(__file__).resolve().parents[2]
NOTEBOOKS = REPO / "notebooks"
LESSONS = sorted(NOTEBOOKS.glob("[0-9][0-9]-*.ipynb"))
ARTIFACTS = REPO / "test-artifacts"
PANEL = ".jp-NotebookPanel:not(.lm-mod-hidden)"
PROBLEM_TEXT = re.compile(r"Traceback|Error displaying widget|\b\w*Error\b:")
SEVERE = ("serious", "critical")
RUN_ALL_MS = 300_000
UNDERLINE_STYLE = "#medialit-underlined-links"  # the style element of src/medialit/labextensions/


def shown_highlighters(cells: list) -> list[int]:
    """Indices of the cells whose last line shows a Highlighter made there (``h = Highlighter(...)`` ... ``h``)."""
    shown = []
    for index, cell in enumerate(cells):
        if cell.cell_type != "code" or "Highlighter(" not in cell.source:
            continue
        body = ast.parse(cell.source).body
        made = {
            target.id
            for node in body
            if isinstance(node, ast.Assign) and isinstance(node.value, ast.Call)
            and getattr(node.value.func, "id", "") == "Highlighter"
            for target in node.targets if isinstance(target, ast.Name)
        }  # fmt: skip
        last = body[-1] if body else None
        if isinstance(last, ast.Expr) and isinstance(last.value, ast.Name) and last.value.id in made:
            shown.append(index)
    return shown


def figures_shown(cells: list) -> int:
    """Cells that draw a figure unconditionally (a ``plots.show(`` line at the cell's top level)."""
    return sum(
        any(line.startswith("plots.show(") for line in cell.source.splitlines())
        for cell in cells
        if cell.cell_type == "code"
    )


def copy_notebooks(folder: Path) -> Path:
    """The notebooks folder as a student gets it (articles, questions, lateral-reading pages), no sidecars."""
    target = folder / "notebooks"
    shutil.copytree(NOTEBOOKS, target, ignore=shutil.ignore_patterns("*.highlights.json", ".ipynb_checkpoints"))
    return target


def open_and_run_all(page, lab, path: Path):
    """Open the lesson, run it with *Run > Run All Cells* and wait for the end or the first error.

    Returns the ``Notebook`` helper of conftest. JupyterLab stops a run-all at an error, so the wait
    also ends at the first error or stderr output, which the failure then shows.
    """
    nb = conftest_module().Notebook(page, lab, path).open()
    page.locator("#jp-MainMenu .lm-MenuBar-itemLabel", has_text=re.compile(r"^Run$")).click()
    page.locator(".lm-Menu-item[data-command='runmenu:run-all']").click()
    page.wait_for_function(
        """panel => {
          const prompts = [...document.querySelectorAll(panel + ' .jp-CodeCell .jp-InputPrompt')];
          const stderr = panel + " .jp-OutputArea-output[data-mime-type='application/vnd.jupyter.stderr']";
          return document.querySelector(stderr) || prompts.every(p => /\\[\\d+\\]:/.test(p.textContent));
        }""",
        arg=PANEL,
        timeout=RUN_ALL_MS,
    )
    nb.wait_idle()
    problems = problems_in_outputs(page)
    assert not problems, f"{path.name}:\n" + "\n---\n".join(problems)
    return nb


def problems_in_outputs(page) -> list[str]:
    """Error and stderr outputs, and any output text that reads like a traceback or a broken widget.

    Text is read with textContent: cells scrolled out of view are skipped by the browser, and their
    innerText is empty.
    """
    outputs = page.locator(f"{PANEL} .jp-OutputArea-output").evaluate_all(
        "nodes => nodes.map(n => [n.dataset.mimeType || '', n.textContent])"
    )
    return [
        text.strip()[-600:]
        for mime, text in outputs
        if mime == "application/vnd.jupyter.stderr" or PROBLEM_TEXT.search(text)
    ]


def figures_without_alt(page) -> tuple[int, list[str]]:
    """How many images the outputs show, and those without alt text or not drawn."""
    images = page.locator(f"{PANEL} .jp-OutputArea-output img")
    bad = []
    for i in range(images.count()):
        state = images.nth(i).evaluate("img => ({alt: img.getAttribute('alt') || '', width: img.naturalWidth})")
        if not state["alt"].strip() or not state["width"]:
            bad.append(f"image {i}: alt={state['alt']!r}, width={state['width']}")
    return images.count(), bad


def axe_severe(page, context: dict | None = None) -> list[dict]:
    """axe-core's serious and critical violations (WCAG 2.1 A/AA) in what the lesson puts on the page.

    That is the rendered Markdown and the outputs (widgets and figures included). JupyterLab's own
    chrome is left out: its cell editors without a name, the cell list's feed role, the empty
    heading-collapse buttons and the heading anchors (a bare coloured pilcrow) are upstream's, and
    the same in every notebook.
    """
    if not AXE.is_file():
        pytest.fail(f"{AXE} is missing: run scripts/test.sh, or npm install --prefix tests/browser axe-core")
    if not page.evaluate("() => !!window.axe"):
        page.add_script_tag(path=str(AXE))
    lesson = {
        "include": [[f"{PANEL} .jp-MarkdownOutput"], [f"{PANEL} .jp-OutputArea-output"]],
        "exclude": [[".jp-collapseHeadingButton"], [".jp-InternalAnchorLink"]],
    }
    with whole_notebook_on_screen(page):
        violations = page.evaluate(
            """async context => {
              const tags = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];
              const result = await axe.run(context, {runOnly: {type: 'tag', values: tags}});
              return result.violations.map(v => ({id: v.id, impact: v.impact, help: v.help, count: v.nodes.length,
                nodes: v.nodes.slice(0, 3).map(n => n.html.slice(0, 120) + ' :: ' + n.failureSummary)}));
            }""",
            context or lesson,
        )
    return [v for v in violations if v["impact"] in SEVERE]


@contextlib.contextmanager
def whole_notebook_on_screen(page) -> Iterator[None]:
    """Make every cell visible to axe, which checks colour contrast only for text on screen.

    First ``LET_AXE_SEE`` (without it no text at all was checked for contrast). A window taller than the
    notebook, scrolled to its top, then shows every cell; cells grow as they are first drawn, so the
    window grows until the last cell fits.
    """
    size = page.viewport_size
    page.evaluate(LET_AXE_SEE)
    last_bottom = f"""() => {{
      document.querySelector('{PANEL} .jp-WindowedPanel-outer').scrollTop = 0;
      const cells = document.querySelectorAll('{PANEL} .jp-Cell');
      return Math.ceil(cells[cells.length - 1].getBoundingClientRect().bottom);
    }}"""
    try:
        for _ in range(5):
            bottom = page.evaluate(last_bottom)
            if bottom <= page.viewport_size["height"]:
                break
            height = min(bottom + 200, 60_000)
            page.set_viewport_size({"width": size["width"], "height": height})
            page.wait_for_function("h => window.innerHeight === h", arg=height)
        yield
    finally:
        page.set_viewport_size(size)


def assert_axe_clean(page, lesson: str, state: str) -> None:
    problems = axe_severe(page)
    assert not problems, f"{lesson} ({state}): {json.dumps(problems, indent=1, ensure_ascii=False)}"


def assert_axe_catches_faults_anywhere_in_the_lesson(page) -> None:
    """The check can fail: a figure without alt text and faint text in the first cell (scrolled away) are caught."""
    page.locator(f"{PANEL} .jp-MarkdownOutput").first.evaluate(
        """md => md.append(Object.assign(document.createElement('img'), {id: 'ml-no-alt', src: 'data:,'}),
                          Object.assign(document.createElement('span'), {id: 'ml-faint', textContent: 'faint',
                                                                         style: 'color: #dddddd'}))"""
    )
    try:
        found = {v["id"] for v in axe_severe(page, {"include": [["#ml-no-alt"], ["#ml-faint"]]})}
        assert found == {"image-alt", "color-contrast"}, found
    finally:
        page.locator("#ml-no-alt, #ml-faint").evaluate_all("nodes => nodes.forEach(n => n.remove())")


def mark_one_word_and_run_the_next_cell(nb, cells: list, index: int) -> None:
    """Tab into the highlighter's text, move one word, press 1; then run the following code cell."""
    widget = nb.widget(index)
    text = widget.locator(".ml-text")
    text.focus()
    nb.page.keyboard.press("ArrowRight")
    nb.page.keyboard.press("1")
    expect(widget.locator(".ml-mark").first).to_be_visible()
    following = next((i for i in range(index + 1, len(cells)) if cells[i].cell_type == "code"), None)
    if following is not None:
        nb.run(following)


def record_time(name: str, seconds: float, states: list[str]) -> None:
    ARTIFACTS.mkdir(exist_ok=True)
    with (ARTIFACTS / "browser-lesson-times.txt").open("a", encoding="utf-8") as handle:
        handle.write(f"{name}\t{seconds:.1f} s\taxe on: {', '.join(states)}\n")
    print(f"{name}: {seconds:.1f} s in the browser")


@pytest.mark.parametrize("lesson", LESSONS, ids=lambda p: p.stem)
def test_lesson_runs_in_the_browser_without_errors_and_passes_axe(lesson, lab, workdir, page, screenshot):
    began = time.perf_counter()
    name = lesson.stem
    cells = nbformat.read(lesson, as_version=4).cells
    highlighters = shown_highlighters(cells)
    nb = open_and_run_all(page, lab, copy_notebooks(workdir) / lesson.name)

    for index in highlighters:
        widget = nb.widget(index)
        expect(widget.locator(".ml-text"), f"{name}: cell {index} shows no highlighter").to_be_visible()
    count, bad = figures_without_alt(page)
    assert count >= figures_shown(cells), f"{name}: {figures_shown(cells)} figures drawn, {count} shown"
    assert not bad, f"{name}: figures without alt text: {bad}"
    states = ["after run all"]
    assert_axe_clean(page, name, states[-1])
    assert_axe_catches_faults_anywhere_in_the_lesson(page)

    if highlighters:
        first = highlighters[0]
        mark_one_word_and_run_the_next_cell(nb, cells, first)
        assert not problems_in_outputs(page), f"{name} after a mark:\n" + "\n---\n".join(problems_in_outputs(page))
        states.append("a mark and the next cell run")
        assert_axe_clean(page, name, states[-1])
        widget = nb.widget(first)
        toggle = widget.get_by_role("checkbox", name="show analyzer")
        if toggle.count():
            toggle.check()
            expect(widget.locator(".ml-machine").first).to_be_attached()
            states.append("analyzer layer shown")
            assert_axe_clean(page, name, states[-1])
        widget.scroll_into_view_if_needed()
    screenshot(page, f"lesson-{name}.png")
    record_time(name, time.perf_counter() - began, states)


def test_links_in_a_students_own_markdown_are_underlined_and_pass_axe(lab, workdir, page):
    """The kit's extension underlines a link inside a sentence that a student writes; without it, axe objects."""
    nb = nbformat.v4.new_notebook()
    sentence = "The mayor's figure comes from [the council's budget](https://example.org/budget), not from her."
    nb.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3", "language": "python"}
    nb.cells = [nbformat.v4.new_markdown_cell(sentence)]
    path = workdir / "own-notes.ipynb"
    nbformat.write(nb, path)
    conftest_module().Notebook(page, lab, path).open()
    link = page.locator(f"{PANEL} .jp-MarkdownOutput a", has_text="the council's budget")
    expect(link).to_have_css("text-decoration-line", "underline")
    markdown = {"include": [[f"{PANEL} .jp-MarkdownOutput"]]}
    assert axe_severe(page, markdown) == []

    page.locator(UNDERLINE_STYLE).evaluate("style => style.remove()")
    expect(link).to_have_css("text-decoration-line", "none")
    assert "link-in-text-block" in {v["id"] for v in axe_severe(page, markdown)}


def test_lesson_0_opens_the_guidelines_formatted_from_the_students_folder(lab, workdir, page):
    """Lessons and feedback cite the guidelines' rules (K1 ...): lesson 0's link opens the copy beside the lessons,
    the one a hub student or the laptop handout has, as a formatted page (Markdown Preview, not the text editor),
    with the rules as headings; JupyterLab's table of contents lists them."""
    folder = copy_notebooks(workdir)
    conftest_module().Notebook(page, lab, folder / "00-start-here.ipynb").open()
    page.locator(f"{PANEL} .jp-MarkdownOutput a", has_text="the annotation guidelines").click()
    viewer = page.locator(".jp-MarkdownViewer:not(.lm-mod-hidden)")
    expect(viewer.get_by_role("heading", name=re.compile(r"^K17\. Verb, object and a quoted phrase"))).to_be_visible()
    expect(viewer.get_by_role("heading", name=re.compile(r"^K1\. A source, an actor"))).to_have_count(1)
    assert viewer.locator("text=<!--").count() == 0  # the copy's note to authors is not shown
