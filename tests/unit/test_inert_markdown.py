"""InertMarkdown keeps a student's plain markdown answer as written and makes anything else text."""

import pytest
from nbconvert.filters.markdown import markdown2html
from nbformat.v4 import new_markdown_cell, new_notebook

from medialit.instructor.nbgrader_output import InertMarkdown

HONEST = (
    "My reading: the *hedge* weakens the claim.\n\n"
    "- **source**: the ministry\n- `said` vs `claimed`, and `x < 3` in code\n\n"
    "| cue | count |\n|:--|--:|\n| said | 3 |\n\n"
    "Share of hedged claims: $\\frac{a}{b} < 1$, see [the style guide](https://example.org/guide).\n\n"
    "```python\nif a < b:\n    print('x')\n```\n"
)
HOSTILE = [
    "Nice <img src=x onerror=steal()>",
    "[ten points](javascript:steal())",
    "[ten points](java&#115;cript:steal())",
    "$\\href{javascript:steal()}{x}$",
    "<!-- the grading form below is hidden",
    "![pixel](https://tracker.example/p.png)",
    "<details><summary>x</summary>y</details>",
]


def inert_source(source: str) -> str:
    nb = new_notebook(cells=[new_markdown_cell(source, metadata={"nbgrader": {"grade_id": "q1", "solution": True}})])
    nb, _ = InertMarkdown().preprocess(nb, {})
    return nb.cells[0].source


def test_an_honest_markdown_answer_reaches_the_grader_as_written():
    """Maths, code, lists, a table and a web link: escaping them doubled the maths' backslashes (``\\\\frac``
    broke the formula) and showed ``&lt;`` inside code and maths."""
    assert inert_source(HONEST) == HONEST
    page = markdown2html(inert_source(HONEST))
    assert "$\\frac{a}{b} &lt; 1$" in page and "<code>x &lt; 3</code>" in page and "<table>" in page


@pytest.mark.parametrize("source", HOSTILE)
def test_markdown_that_is_more_than_plain_markdown_becomes_text(source):
    page = markdown2html(inert_source(source))
    assert not any(tag in page for tag in ("<img", "<details", "<!--")), page
    assert "javascript:" not in page.lower(), page


def test_html_of_the_student_s_own_becomes_text_even_with_allowed_tags():
    page = markdown2html(inert_source('<div class="modal-backdrop">covers the grading form</div>'))
    assert "<div" not in page, page


def test_a_picture_pasted_into_a_markdown_cell_becomes_text_and_fails_nothing():
    """attack22: JupyterLab saves a picture pasted into a markdown cell as an attachment, ``![image.png](attachment:
    image.png)``; rendering it without the cell's attachments raised nbconvert's "missing attachment", which failed
    the whole hand-in (0 on every item, "There was an error processing assignment"). It is a picture: text."""
    cell = new_markdown_cell("My screenshot of the page:\n\n![image.png](attachment:image.png)")
    cell["attachments"] = {"image.png": {"image/png": "iVBORw0KGgo="}}
    nb, _ = InertMarkdown().preprocess(new_notebook(cells=[cell]), {})
    page = markdown2html(nb.cells[0].source)
    assert "<img" not in page and "attachment:image.png" in page, page
