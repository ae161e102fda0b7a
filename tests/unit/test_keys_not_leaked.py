"""No key of a graded item in the built wheel, in exercises/ or in the lessons."""

from __future__ import annotations

import json
import re
import zipfile
from pathlib import Path

import nbformat
import pytest

REPO = Path(__file__).resolve().parents[2]


def secrets() -> list[str]:
    """Texts that would give an answer away: each hidden KEY line and each model answer line."""
    found = []
    for path in sorted((REPO / "solutions").glob("*/*.ipynb")):
        for cell in nbformat.read(path, as_version=4).cells:
            blocks = re.findall(r"### BEGIN (?:HIDDEN TESTS|SOLUTION)\n(.*?)### END", cell.source, re.S)
            if cell.cell_type == "markdown" and cell.metadata.get("nbgrader", {}).get("solution"):
                blocks.append(cell.source)  # a written answer's model and rubric: nbgrader releases none of the cell
            for block in blocks:
                found += [line.strip() for line in block.splitlines() if len(line.strip()) > 12]
    for path in sorted((REPO / "course" / "keys").glob("*.json")):
        for mark in json.loads(path.read_text(encoding="utf-8"))["marks"]:
            found.append(mark["rationale"])  # instructor material: never in anything students get
    assert len(found) > 30  # a detector that finds nothing to look for proves nothing
    return found


BUILDER = "medialit/instructor/exercise_notebook.py"
"""Writes the hidden-test cells of every exercise, so it holds their markers (never a key: that is checked)."""


def leaks(name: str, text: str, secret_lines: list[str]) -> list[str]:
    markers = ["### BEGIN HIDDEN TESTS", "### BEGIN SOLUTION", "KEY = [", "KEY = {", "medialit-answer-key"]
    return [f"{name}: {s[:60]}" for s in ([] if name == BUILDER else markers) + secret_lines if s in text]


def test_the_detector_finds_keys_in_the_solutions():
    path = next((REPO / "solutions").glob("ex01-*/*.ipynb"))
    assert leaks(path.name, path.read_text(encoding="utf-8"), secrets())


def test_the_detector_finds_the_model_answers_of_written_questions():
    """A written answer's model and rubric are a whole markdown cell with no solution markers (self-check shows them
    to a learner working alone, from solutions/): they were missing from the secrets, so a copy of one anywhere
    students look went unnoticed."""
    source = nbformat.read(REPO / "solutions" / "ex03-framing" / "ex03-framing.ipynb", as_version=4)
    model = next(c.source for c in source.cells if c.metadata.get("nbgrader", {}).get("grade_id") == "ex03-q2-answer")
    assert "They frame a dispute about a video" in model
    assert leaks("lesson.md", f"# A lesson\n\n{model}\n", secrets())


@pytest.mark.parametrize("folder", ["exercises", "notebooks", "src/medialit"])
def test_no_key_in_released_exercises_or_lessons(folder):
    """Nor in the package's sources (the wheel is checked too, in the slow layer): self-check reads a model answer
    from the kit's solutions/ at run time, never from a copy in the code."""
    secret_lines = secrets()
    files = [
        p for p in (REPO / folder).rglob("*") if p.is_file() and p.suffix in {".ipynb", ".md", ".json", ".py", ".yaml"}
    ]
    if folder == "exercises":
        assert len([p for p in files if p.suffix == ".ipynb"]) == 5
    found = [
        hit
        for p in files
        for hit in leaks(
            str(p.relative_to(REPO / "src")) if folder == "src/medialit" else str(p.relative_to(REPO)),
            p.read_text(encoding="utf-8"),
            secret_lines,
        )
    ]
    assert found == []


@pytest.mark.slow
def test_no_key_in_the_wheel(built_wheel):
    wheel = built_wheel
    secret_lines = secrets()
    found = []
    with zipfile.ZipFile(wheel) as archive:
        names = archive.namelist()
        assert "medialit/exercises/grading.py" in names and "medialit/articles/scientology-website-attacked.md" in names
        for name in names:
            text = archive.read(name).decode("utf-8", errors="replace")
            found += leaks(name, text, secret_lines)
        found += [n for n in names if n.endswith(".gold.json") or "/keys/" in n or "solutions/" in n]
    assert found == []


def test_lesson_keys_are_practice_on_ungraded_text_never_a_graded_items_key():
    """notebooks/questions/keys/ goes to students with the lessons: no mark may touch a graded part."""
    from medialit import load_article
    from medialit.exercises import lessons
    from medialit.exercises.grading import ITEMS
    from medialit.exercises.key import Key

    paths = sorted((REPO / "notebooks" / "questions" / "keys").glob("*.json"))
    assert paths
    graded_keys = {p.stem for p in (REPO / "course" / "keys").glob("*.json")}
    for path in paths:
        key = Key.load(path)
        assert key.item not in ITEMS and key.item not in graded_keys, f"{path.name} is a graded item's key"
        name = REPO / "notebooks" / "articles" / f"{key.article}.md"
        article = load_article(name if name.exists() else key.article)
        touched = [
            m.text for m in key.marks for s in m.readings() + m.cues() for a, b in lessons.graded_parts(article)
            if s.start < b and s.end > a
        ]  # fmt: skip
        assert touched == [], f"{path.name} marks words of a graded part: {touched}"
