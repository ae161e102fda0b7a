"""Scores as a file Canvas and Moodle import: one row per student, one column per thing graded.

The layout (course/grading.md, "Report"): Canvas's identity columns, with the nbgrader student id in
``Student`` and ``SIS Login ID`` and the others empty; a second row, ``Points Possible``, with each column's
maximum; then the students. ``course report`` writes an assignment's cells and total in it
(``gradebook-import.csv``), the growth report the pre-test's participation (``pretest-import.csv``).
"""

from __future__ import annotations

import csv
from collections.abc import Iterable, Sequence
from pathlib import Path

ID_COLUMNS = ["Student", "ID", "SIS User ID", "SIS Login ID", "Section"]


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
            writer.writerow([student, "", "", student, "", *points])
    return path
