"""A student's wrong answer in a real kernel (nbclient): the check cell shows one line, not the kit's frames."""

from __future__ import annotations

import nbformat
import pytest
from nbclient import NotebookClient

pytestmark = pytest.mark.notebook

ANSWERS = {
    "None": "no saved highlights (ex01-q1.highlights.json)",
    "[('Støre', 'sorce')]": "label 'sorce' is not one of",
    "('Støre', 'source')": "ex01-q1:",
    "{'Støre': 'source'}": "write this answer as a list",
}


def test_answer_errors_show_one_line_in_the_notebook(tmp_path):
    nb = nbformat.v4.new_notebook()
    nb.cells = [nbformat.v4.new_code_cell("from medialit.exercises.grading import check")]
    nb.cells += [nbformat.v4.new_code_cell(f"check('ex01-q1', {answer})") for answer in ANSWERS]
    client = NotebookClient(
        nb, timeout=120, kernel_name="python3", allow_errors=True, resources={"metadata": {"path": str(tmp_path)}}
    )
    client.execute()
    for cell, said in zip(nb.cells[1:], ANSWERS.values(), strict=True):
        (error,) = [o for o in cell.outputs if o.output_type == "error"]
        assert error.ename == "AnswerError" and said in error.evalue
        assert error.traceback == [f"AnswerError: {error.evalue}"]  # what JupyterLab shows: one line


PRETEST_ANSWERS = {
    "{'p1': 'Mona Aas'}": "answer p1 with one letter from a to d",
    "{'p13': 'a'}": "there is no pre-test question 'p13'",
    "'b'": "my_answers",
}


def test_pretest_answer_errors_show_one_line_in_the_notebook(tmp_path):
    """Lesson 0's pre-test cell, ``pretest.record(my_answers)``, with a word, a wrong question or no dict."""
    nb = nbformat.v4.new_notebook()
    nb.cells = [nbformat.v4.new_code_cell("from medialit.exercises import pretest")]
    nb.cells += [nbformat.v4.new_code_cell(f"pretest.record({answers})") for answers in PRETEST_ANSWERS]
    client = NotebookClient(
        nb, timeout=120, kernel_name="python3", allow_errors=True, resources={"metadata": {"path": str(tmp_path)}}
    )
    client.execute()
    for cell, said in zip(nb.cells[1:], PRETEST_ANSWERS.values(), strict=True):
        (error,) = [o for o in cell.outputs if o.output_type == "error"]
        assert error.ename == "PretestError" and said in error.evalue, error.evalue
        assert error.traceback == [f"PretestError: {error.evalue}"]
    assert not (tmp_path / "pretest.json").exists()
