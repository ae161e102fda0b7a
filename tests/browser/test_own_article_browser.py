"""Lesson 7's own article, brought in as the lesson says, in real JupyterLab and Chromium (self25).

Nothing walked the lesson's own steps: tests/notebooks writes the text file from Python. Here a learner, with the
file browser on the lesson's folder, chooses *File > New > Text File* from the menu bar, pastes an article from the
clipboard (quotation marks and a backslash in it), saves with Ctrl+S, names the file in the dialog as the lesson
says, writes that name in the loading cell and runs the lesson's cells: the article is loaded from that file,
analysed (its speaker in the table) and drawn (figures with alt text).
"""

from __future__ import annotations

import re

import nbformat
import pytest
from playwright.sync_api import expect
from test_lessons_browser import PANEL, copy_notebooks, problems_in_outputs
from test_students_browser import conftest_module

pytestmark = pytest.mark.browser

LESSON = "07-your-own-article.ipynb"
ARTICLE = (
    'Harbour council delays "ferry terminal" vote\n'
    "\n"
    "The harbour council postponed its vote on the new ferry terminal on Tuesday after a long debate.\n"
    "\n"
    '"We need more time to read the cost report," said council leader Anna Berg. The report puts the cost at '
    "40 million kroner, twice the first estimate.\n"
    "\n"
    "Critics say the terminal will raise fares for island families. A path\\to\\nowhere, one resident wrote.\n"
)
"""What the learner pastes: a headline, a quotation with its speaker, an unsupported claim, backslashes."""


def test_lesson_7s_own_article_from_file_new_text_file_is_loaded_analysed_and_drawn(lab, workdir, page, screenshot):
    lessons = copy_notebooks(workdir)
    cells = nbformat.read(lessons / LESSON, as_version=4).cells
    load = next(i for i, c in enumerate(cells) if c.cell_type == "code" and "ARTICLE_FILE =" in c.source)
    table = next(i for i, c in enumerate(cells) if c.cell_type == "code" and "result.to_table()" in c.source)
    figures = [i for i, c in enumerate(cells) if c.cell_type == "code" and c.source.startswith("plots.show(")]
    said = " ".join(" ".join(c.source.split()) for c in cells if c.cell_type == "markdown")
    # what the lesson says to type in JupyterLab's name dialog (it said "save it as my-article.txt": typed over the
    # selected "untitled", that made my-article.txt.txt)
    typed = re.search(r"Ctrl\+S asks for the file's name with \*untitled\* selected: type `([^`]+)`", said)
    assert typed, "lesson 7 does not say what to type when Ctrl+S asks for the text file's name"
    nb = conftest_module().Notebook(page, lab, lessons / LESSON).open()
    crumbs = page.locator(".jp-FileBrowser .jp-BreadCrumbs").first
    expect(crumbs).to_contain_text("notebooks")  # the file browser shows the lesson's folder, as the lesson asks

    # File > New > Text File, from the menu bar
    page.locator("#jp-MainMenu .lm-MenuBar-itemLabel", has_text=re.compile(r"^File$")).click()
    page.locator(".lm-Menu-itemLabel", has_text=re.compile(r"^New$")).hover()
    page.locator(".lm-Menu-item[data-command='fileeditor:create-new']", has_text="Text File").click()
    editor = page.locator(".jp-FileEditor .cm-content")
    expect(editor).to_be_visible()
    # paste from the clipboard, as a learner copies an article from a web page
    page.context.grant_permissions(["clipboard-read", "clipboard-write"], origin=lab.url.rstrip("/"))
    page.evaluate("text => navigator.clipboard.writeText(text)", ARTICLE)
    editor.click()
    page.keyboard.press("Control+V")
    expect(editor).to_contain_text("A path\\to\\nowhere")
    # Ctrl+S: JupyterLab asks for a name with "untitled" selected; the lesson says to type my-article there
    page.keyboard.press("Control+S")
    dialog = page.locator(".jp-Dialog")
    expect(dialog).to_contain_text("Rename file")
    name = dialog.locator("input.jp-mod-styled, input[type='text']").first
    expect(name).to_have_value("untitled.txt")
    assert name.evaluate("i => i.value.slice(i.selectionStart, i.selectionEnd)") == "untitled"
    page.keyboard.type(typed.group(1))
    dialog.locator(".jp-mod-accept").click()
    expect(dialog).to_have_count(0)
    saved = lessons / "my-article.txt"
    expect(page.locator(".jp-DirListing-item[title*='my-article.txt']").first).to_be_visible()
    assert saved.read_text(encoding="utf-8").replace("\r\n", "\n").rstrip("\n") == ARTICLE.rstrip("\n")

    # back in the lesson: the file's name in the loading cell, then its cells run one by one
    page.locator(".lm-DockPanel-tabBar .lm-TabBar-tab", has_text="07-your-own-article").click()
    source = cells[load].source.replace(
        'ARTICLE_FILE = "articles/ferry-terminal-vote.md"', 'ARTICLE_FILE = "my-article.txt"'
    )
    assert source != cells[load].source
    cell_editor = nb.cell(load).locator(".jp-InputArea-editor .cm-content")
    cell_editor.click()
    page.keyboard.press("Control+A")
    page.keyboard.insert_text(source)
    nb.run(load)
    expect(nb.cell(load).locator(".jp-OutputArea-output").last).to_contain_text(
        'Loaded: Harbour council delays "ferry terminal" vote ('
    )
    expect(nb.cell(load).locator(".jp-OutputArea")).not_to_contain_text("Using the practice article")
    for index in range(load + 1, table + 1):
        if cells[index].cell_type == "code":
            nb.run(index)
    expect(nb.cell(table).locator(".jp-OutputArea-output").last).to_contain_text("Anna Berg")
    for index in figures:
        nb.run(index)
        image = nb.cell(index).locator(".jp-OutputArea-output img").first
        expect(image).to_be_visible()
        assert image.get_attribute("alt").strip(), f"cell {index}: a figure without alt text"
    assert not problems_in_outputs(page), problems_in_outputs(page)
    screenshot(page.locator(PANEL), "lesson07-own-article.png")
