"""A student's wrong answer in a real kernel (nbclient): the check cell shows one line, not the kit's frames."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

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


PRETEST_ANSWERS = {
    "{'p1': 'Mona Aas'}": "answer p1 with one letter from a to d",
    "{'p13': 'a'}": "there is no pre-test question 'p13'",
    "'b'": "my_answers",
}


def executed(folder: Path, sources: Iterable[str]) -> list[nbformat.NotebookNode]:
    """The cells of a notebook of ``sources``, run in a real python3 kernel in ``folder`` as a student runs them:
    every cell, the ones after an error too."""
    nb = nbformat.v4.new_notebook()
    nb.cells = [nbformat.v4.new_code_cell(source) for source in sources]
    client = NotebookClient(
        nb, timeout=120, kernel_name="python3", allow_errors=True, resources={"metadata": {"path": str(folder)}}
    )
    client.execute()
    return nb.cells


@pytest.mark.parametrize(
    ("setup", "call", "answers", "error"),
    [
        ("from medialit.exercises.grading import check", "check('ex01-q1', {})", ANSWERS, "AnswerError"),
        ("from medialit.exercises import pretest", "pretest.record({})", PRETEST_ANSWERS, "PretestError"),
    ],
    ids=["exercise check", "lesson 0 pre-test"],
)
def test_a_students_answer_error_is_one_line_in_the_notebook(tmp_path, setup, call, answers, error):
    """An exercise's check cell, and lesson 0's ``pretest.record(my_answers)`` with a word, a wrong question or no
    dict: JupyterLab shows the one line, not the kit's frames."""
    cells = executed(tmp_path, [setup, *(call.format(answer) for answer in answers)])
    for cell, said in zip(cells[1:], answers.values(), strict=True):
        (shown,) = [o for o in cell.outputs if o.output_type == "error"]
        assert shown.ename == error and said in shown.evalue, shown.evalue
        assert shown.traceback == [f"{error}: {shown.evalue}"]


def test_a_check_run_before_its_answer_cell_says_which_cell_to_run_and_other_name_errors_keep_theirs(tmp_path):
    """student20, review20: a check run before its answer cell gave a NameError traceback; importing the checks
    gives the kernel one line for an unset ``answer_qN`` (the cell still errors, so nbgrader's verdict stands),
    while a student's own typo keeps its full traceback."""
    cells = executed(
        tmp_path,
        (
            "from medialit.exercises.grading import check",
            "check('ex01-q1', answer_q1)",
            "answer_q1 = [('Støre', 'source')] + extra_marks",
        ),
    )
    (unset,) = [o for o in cells[1].outputs if o.output_type == "error"]
    assert unset.ename == "AnswerError" and unset.evalue.startswith("answer_q1 is not set yet: run the answer cell")
    assert "fix any error it shows" in unset.evalue and len(unset.traceback) == 1
    (typo,) = [o for o in cells[2].outputs if o.output_type == "error"]
    assert typo.ename == "NameError" and "extra_marks" in typo.evalue and len(typo.traceback) > 1


def test_a_medialit_command_typed_into_a_cell_without_its_bang_says_so_in_one_line(tmp_path):
    """self21: an exercise says to run ``!medialit self-check`` in a cell, or ``medialit self-check`` in a terminal; a
    learner who typed the second into a cell got "SyntaxError: invalid syntax" and no word of what to do. Only a cell
    that does not compile is touched: the same words inside a string, or ``medialit`` as a name, stay Python."""
    cells = executed(
        tmp_path,
        (
            "from medialit.exercises.grading import check",
            "medialit self-check",
            "text = '''\nmedialit self-check\n'''\nprint(len(text.split()))",
            "import medialit\nprint(medialit.__name__)",
            "medialit analyze stoere-putin-call --json\nprint('not reached')",
        ),
    )
    (said,) = [o for o in cells[1].outputs if o.output_type == "error"]
    assert said.ename == "CommandError" and len(said.traceback) == 1, said
    assert said.evalue == (
        "medialit self-check is a command, not Python: put ! before it to run it in a cell (!medialit self-check)"
    )
    assert [o.text for o in cells[2].outputs] == ["2\n"]
    assert [o.text for o in cells[3].outputs] == ["medialit\n"]
    (first,) = cells[4].outputs  # the command line stops the cell, as its SyntaxError did
    assert first.ename == "CommandError" and first.evalue.startswith("medialit analyze stoere-putin-call --json is a")


def test_a_check_after_an_answer_cell_that_failed_never_judges_the_earlier_answer(tmp_path):
    """attack21: an answer cell run again with a missing bracket (or a name Python does not know) stops before it sets
    answer_q1; Python keeps the earlier list and the check below said "format OK" about it, so the student believed
    the new answer checked. The failed answer is unset and the check says which error to fix; an error after the
    answer was set changes nothing, and the fixed cell is checked again."""
    sources = (
        "from medialit.exercises.grading import check",
        "answer_q1 = [('Støre', 'source')]",
        "check('ex01-q1', answer_q1)",
        "answer_q1 = [('Støre', 'source'), ('Putin', 'source')",  # the new answer: a syntax error
        "check('ex01-q1', answer_q1)",
        "answer_q1 = [('Støre', 'source')]",
        "answer_q1: list = [('Støre', 'source')] + more_marks",  # an error before the answer is set
        "check('ex01-q1', answer_q1)",
        "answer_q1 = [('Støre', 'source'), ('Putin', 'source')]\nprint(1 / 0)",  # set, then an error
        "check('ex01-q1', answer_q1)",
    )
    cells = executed(tmp_path, sources)

    def said(number: int) -> str:
        cell = cells[number]
        errors = [o for o in cell.outputs if o.output_type == "error"]
        return f"{errors[0].ename}: {errors[0].evalue}" if errors else "".join(o.get("text", "") for o in cell.outputs)

    assert "format OK" in said(2), said(2)
    assert said(4) == (
        "AnswerError: answer_q1's answer cell stopped with a SyntaxError, so answer_q1 is not set and nothing was "
        "checked: fix the error it shows and run that cell again (Shift+Enter), then this check"
    ), said(4)
    assert said(7).startswith("AnswerError: answer_q1's answer cell stopped with a NameError"), said(7)
    assert "2 marks read" in said(9), said(9)  # the new list, not the earlier one
