"""A self-learner's way to check an exercise without a course: ``medialit self-check NOTEBOOK``.

Lesson 0 sends a learner working alone to the kit's ``exercises/`` folder, but an exercise's check cells
only test the format ("format OK, 3 marks read") and its score "comes from hidden tests when the notebook
is graded": without a course nobody grades it. ``self-check`` scores the saved notebook and highlights from
the kit's ``solutions/`` with the course's own grading as data, and prints feedback that never quotes the key.
The kit layout is copied into a temporary folder (the real notebooks, the real source notebook and key).
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import nbformat
import pytest

from medialit.cli import main
from medialit.instructor.exercise_notebook import HOW
from medialit.instructor.self_check import self_check

REPO = Path(__file__).resolve().parents[2]
NAME = "ex01-attribution"


@pytest.fixture
def kit(tmp_path: Path) -> Path:
    """The released exercise under exercises/, its source under solutions/, as in the kit's checkout."""
    for part in ("exercises", "solutions"):
        shutil.copytree(REPO / part / NAME, tmp_path / part / NAME)
    return tmp_path / "exercises" / NAME / f"{NAME}.ipynb"


def answer(notebook: Path, item: str, value: str) -> None:
    nb = nbformat.read(notebook, as_version=4)
    cell = next(c for c in nb.cells if c.metadata.get("nbgrader", {}).get("grade_id") == f"{item}-answer")
    cell.source = f"answer_{item.rsplit('-', 1)[1]} = {value}"
    nbformat.write(nb, notebook)


def key_answer(item: str) -> str:
    """The key's required marks written as a learner's list ``[('words', 'label'), ...]``."""
    key = json.loads((REPO / "course" / "keys" / f"{item}.json").read_text(encoding="utf-8"))
    return repr([(m["text"], m["label"]) for m in key["marks"] if not m.get("optional")])


def test_a_right_answer_scores_full_points_and_a_blank_one_says_why(kit):
    answer(kit, "ex01-q3", key_answer("ex01-q3"))
    grades = {g.check.item: g for g in self_check(kit)}
    assert grades["ex01-q3"].points == grades["ex01-q3"].max_points == 3
    assert grades["ex01-q1"].points == 0 and "no saved highlights" in grades["ex01-q1"].reason


def test_the_command_prints_points_and_feedback_without_the_key(kit, capsys, monkeypatch):
    answer(kit, "ex01-q3", "[('YouTube', 'named')]")
    monkeypatch.chdir(kit.parent)  # `!medialit self-check ex01-attribution.ipynb` from a cell of the notebook
    assert main(["self-check"]) == 0
    out = capsys.readouterr().out
    assert "ex01-q3: " in out and "total: " in out and "of 10 points" in out
    key = json.loads((REPO / "course" / "keys" / "ex01-q3.json").read_text(encoding="utf-8"))
    missed = [m["text"] for m in key["marks"] if not m.get("optional") and m["text"] != "YouTube"]
    assert missed and not any(f"'{words}'" in out or f"‘{words}’" in out for words in missed)


def test_a_notebook_outside_the_kit_gets_one_line_not_a_traceback(tmp_path, capsys, monkeypatch):
    lonely = tmp_path / NAME / f"{NAME}.ipynb"
    lonely.parent.mkdir()
    shutil.copy(REPO / "exercises" / NAME / f"{NAME}.ipynb", lonely)
    assert main(["self-check", str(lonely)]) == 2
    err = capsys.readouterr().err.strip()
    assert len(err.splitlines()) == 1 and "solutions/" in err and "Traceback" not in err
    assert main(["self-check", str(tmp_path / "missing.ipynb")]) == 2
    assert main(["self-check", str(REPO / "solutions" / NAME / f"{NAME}.ipynb")]) == 2  # the source, not a copy
    assert main(["self-check", str(tmp_path)]) == 2
    monkeypatch.chdir(tmp_path)  # no notebook here: name one
    assert main(["self-check"]) == 2


def test_every_released_exercise_tells_a_learner_working_alone_how_to_check_it():
    assert "medialit self-check" in HOW
    for notebook in sorted((REPO / "exercises").glob("*/*.ipynb")):
        intro = nbformat.read(notebook, as_version=4).cells[0].source
        assert "`!medialit self-check`" in " ".join(intro.split()), notebook.name


def test_a_written_answer_is_named_as_not_checked_rather_than_left_out(tmp_path, capsys, monkeypatch):
    name = "ex03-framing"
    for part in ("exercises", "solutions"):
        shutil.copytree(REPO / part / name, tmp_path / part / name)
    monkeypatch.chdir(tmp_path / "exercises" / name)
    assert main(["self-check"]) == 0
    out = capsys.readouterr().out
    assert "ex03-q2: a written answer, not checked here" in out and "written answers not counted" in out
