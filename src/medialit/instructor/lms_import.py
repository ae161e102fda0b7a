"""Scores as a file Canvas and Moodle import: one row per student, one column per thing graded.

The layout (course/grading.md, "Report"): Canvas's identity columns, with the nbgrader student id in
``Student`` and ``SIS Login ID`` and the others empty; a second row, ``Points Possible``, with each column's
maximum; then the students. ``course report`` writes an assignment's cells and total in it
(``gradebook-import.csv``), the growth report the pre-test's participation (``pretest-import.csv``).
What a student chose (an id, a name typed) is written so that a spreadsheet or a Markdown viewer shows it and
never runs it: ``as_text`` for CSV cells, ``plain_cell`` for the report's Markdown.
"""

from __future__ import annotations

import csv
import html
import re
from collections.abc import Iterable, Sequence
from pathlib import Path

from medialit.core.quoting import printable

ID_COLUMNS = ["Student", "ID", "SIS User ID", "SIS Login ID", "Section"]
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
"""How a cell a spreadsheet runs as a formula begins (OWASP, "CSV injection")."""


def as_text(value: object) -> object:
    """``value`` as a spreadsheet shows it, never runs it: a text that would start a formula gets a ``'`` before it.

    A student id is the name of a hand-in folder, which any student names where the exchange cannot tell a
    folder's owner (Kubernetes, course/grading.md): ``=HYPERLINK(...)`` reached every CSV of the report as a
    formula there (attack20). Numbers, and texts that are numbers (``-1.5``), are left as they are. A character a
    terminal acts on (a line break, an escape) is shown as its escape (``core.quoting.printable``): a status naming a
    notebook a student named with a line break and a classmate's forged row read as two rows to ``cat`` or ``grep``
    (attack25).
    """
    if not isinstance(value, str):
        return value
    value = printable(value)
    if not value.startswith(FORMULA_START):
        return value
    try:
        float(value)
    except ValueError:
        return "'" + value
    return value


def plain_cell(text: str) -> str:
    """Text a student chose (a speaker name typed, a student id: a hand-in folder's name) as the words of one
    markdown table cell of the report: one line, no HTML, no links.

    Typed by two students, a name with ``|`` and a line break added a row of its own to the report.
    """
    one_line = html.escape(printable(" ".join(text.split()))[:80], quote=False)
    return re.sub(r"([\\|\[\]`*_])", r"\\\1", one_line)


def write_import(
    path: Path, columns: Sequence[str], possible: Sequence[float], scores: Iterable[tuple[str, Sequence[float]]]
) -> Path:
    """Write ``path``: the ``columns`` after the identity columns, worth ``possible`` points each, then one row
    per (student, their points in those columns)."""
    with path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow([*ID_COLUMNS, *columns])
        writer.writerow(["Points Possible", "", "", "", "", *possible])
        for student, points in scores:
            writer.writerow([as_text(student), "", "", as_text(student), "", *points])
    return path
