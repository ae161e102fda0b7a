"""Lesson 7's project is a written piece: the lesson tells the student how it is marked and where the rubrics are.

keyread22: the lesson said only "your teacher marks it with the course rubrics", naming no file and no level, and a
self-learner never learned that the exercises' written answers have rubrics that ``medialit self-check`` shows.
"""

from __future__ import annotations

import re
from pathlib import Path

import nbformat

ROOT = Path(__file__).resolve().parents[2]
LESSON = ROOT / "notebooks" / "07-your-own-article.ipynb"


def _lesson_text() -> str:
    notebook = nbformat.read(LESSON, as_version=4)
    return "\n".join(cell.source for cell in notebook.cells if cell.cell_type == "markdown")


def _written_items() -> list[str]:
    """The grade ids of the answers a teacher marks by hand in the kit's exercises (nbgrader: solution and grade)."""
    found = []
    for path in sorted((ROOT / "solutions").glob("*/*.ipynb")):
        for cell in nbformat.read(path, as_version=4).cells:
            meta = cell.get("metadata", {}).get("nbgrader", {})
            if meta.get("solution") and meta.get("grade"):
                found.append(meta["grade_id"].removesuffix("-answer"))
    return found


def test_lesson_7_names_the_rubric_file_that_marks_the_project():
    text = _lesson_text()
    named = re.findall(r"`(course/[\w./-]+\.md)`", text)
    assert "course/rubrics.md" in named, named
    assert all((ROOT / path).is_file() for path in named), named
    levels = re.findall(r"\*\*(\d) (\w+)\*\*", (ROOT / "course" / "rubrics.md").read_text(encoding="utf-8"))
    assert [f"{n} {name}" for n, name in levels] == ["1 beginning", "2 developing", "3 secure", "4 transfer"]
    for n, name in levels:
        assert re.search(rf"^\| {n} {name} \|", text, re.M), f"lesson 7 does not give level {n} {name}"


def test_lesson_7_points_to_the_rubric_of_every_written_exercise_answer():
    text = _lesson_text()
    written = _written_items()
    assert written == ["ex03-q2", "ex04-q3"], written
    assert all(item in text for item in written) and "medialit self-check" in text
