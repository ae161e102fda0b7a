"""The report's CSV files open in a spreadsheet: a student id there is shown, never run as a formula."""

from __future__ import annotations

import csv

import pytest

from medialit.instructor.batch import write_csv
from medialit.instructor.lms_import import as_text, write_import

FORMULA_ID = '=HYPERLINK("http://evil.example","open")'


@pytest.mark.parametrize("text", [FORMULA_ID, "+1+cmd|' /C calc'!A0", "-2+3", "@SUM(1+1)"])
def test_a_text_that_starts_a_formula_is_kept_as_text(text):
    assert as_text(text) == "'" + text


@pytest.mark.parametrize(
    ("text", "shown"),
    [
        ("\t=1", "\\t=1"),
        ("\r=1", "\\r=1"),
        ("a\nb: 0 points", "a\\nb: 0 points"),
        ("x\x1b[2K\u202e", "x\\x1b[2K\\u202e"),
    ],
)
def test_a_character_a_terminal_acts_on_is_shown_as_its_escape(text, shown):
    """attack25: a line break in a status (a notebook name a student chose) read as a row of its own to `cat` and
    `grep`, and an escape acted on the grader's terminal; a tab or carriage return before '=' no longer starts one."""
    assert as_text(text) == shown


@pytest.mark.parametrize("value", ["ada", "s1234", "-1.5", "+2", 3.0, -0.5, None, "graded", "score lowered: x"])
def test_names_numbers_and_statuses_are_left_as_they_are(value):
    assert as_text(value) == value


def test_grades_and_the_import_file_never_hold_a_formula(tmp_path):
    """attack20: a hand-in folder named by a student where the exchange cannot tell its owner (Kubernetes) put
    '=HYPERLINK(...)' as the student id in grades.csv and gradebook-import.csv, a formula in the grader's
    spreadsheet."""
    grades = write_csv(
        [{"student": FORMULA_ID, "ex01-q1-test": 3.0, "total": 3.0, "status": "graded"}], tmp_path / "g.csv"
    )
    rows = write_import(tmp_path / "i.csv", ["ex01 total"], [3.0], [(FORMULA_ID, [3.0]), ("ada", [1.0])])
    cells = [c for path in (grades, rows) for row in csv.reader(path.open(encoding="utf-8")) for c in row]
    assert not any(c.startswith(("=", "+", "-", "@")) for c in cells)
    assert cells.count("'" + FORMULA_ID) == 3 and "ada" in cells and "3.0" in cells
