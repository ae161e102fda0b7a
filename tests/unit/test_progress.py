"""``medialit progress``: a learner working alone sees which lessons and exercises they have done.

self23: nothing said it; a learner back after a week had to reopen every lesson. Everything is read from what the
kit already saves (the lessons' saved check cells, the highlights files, ``pretest.json``, the exercises as
``self-check`` scores them), on a copy of the kit's real notebooks, questions, exercises and solutions.
"""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import nbformat
import pytest

from medialit.cli import main
from medialit.core import sidecar
from medialit.core.spans import Span
from medialit.instructor import progress

REPO = Path(__file__).resolve().parents[2]


@pytest.fixture
def kit(tmp_path: Path) -> Path:
    shutil.copytree(REPO / "notebooks", tmp_path / "notebooks", ignore=shutil.ignore_patterns("*.highlights.json"))
    for part in ("exercises", "solutions"):
        shutil.copytree(REPO / part, tmp_path / part, ignore=shutil.ignore_patterns("*.highlights.json"))
    (tmp_path / "notebooks" / "pretest.json").unlink(missing_ok=True)
    return tmp_path


def answer_check(lesson: Path, question: str, value: str) -> None:
    """Write an answer into a lesson's check cell and save, as a learner does."""
    nb = nbformat.read(lesson, as_version=4)
    cell = next(c for c in nb.cells if c.cell_type == "code" and f'check("{question}", ""' in c.source)
    cell.source = cell.source.replace(f'check("{question}", "")', f'check("{question}", {value!r})')
    nbformat.write(nb, lesson)


def lines_of(out: str) -> dict[str, str]:
    """Each lesson's or exercise's line by its name; a line is two spaces, the state in 8 columns, the name."""
    lines = [line for line in out.splitlines()[1:] if line.startswith("  ")]
    return {line[10:].split(":")[0]: line[2:10].strip() + " | " + line[10:] for line in lines}


def test_progress_lists_lessons_then_exercises_in_lesson_0_s_order_with_what_is_saved(kit, capsys, monkeypatch):
    lessons = kit / "notebooks"
    answer_check(lessons / "00-start-here.ipynb", "l0.run", "Shift+Enter")
    answer_check(lessons / "00-start-here.ipynb", "l0.saved", "no idea")  # a wrong answer: not right yet
    answer_check(lessons / "01-meet-the-article.ipynb", "l1.words", "600")
    marks = sidecar.Saved("sample", "0" * 64, "spans", (Span(0, 4, "person"),))
    sidecar.write(lessons / "lesson00.highlights.json", marks)
    (lessons / "pretest.json").write_text(json.dumps({"format": "medialit-pretest", "answers": {"p1": "a"}}))
    exercise = kit / "exercises" / "ex01-attribution" / "ex01-attribution.ipynb"
    nb = nbformat.read(exercise, as_version=4)
    cell = next(c for c in nb.cells if c.metadata.get("nbgrader", {}).get("grade_id") == "ex01-q3-answer")
    cell.source = "answer_q3 = [('Matthew Ingram', 'named')]"
    nbformat.write(nb, exercise)

    monkeypatch.chdir(lessons)  # `!medialit progress` in a cell of a lesson
    assert main(["progress"]) == 0
    out = capsys.readouterr().out
    names = list(lines_of(out))
    assert names[:6] == ["Lesson 0", "Lesson 1", "Lesson 2", "Lesson 3", "ex01-attribution", "ex02-unsupported"]
    assert names[6:] == [
        "Lesson 4", "Lesson 9", "ex03-framing", "Lesson 5", "ex04-provenance", "Lesson 6", "Lesson 8", "ex05-transfer",
        "Lesson 7",
    ]  # fmt: skip
    found = lines_of(out)
    assert found["Lesson 0"].startswith("started |")
    assert "1 of 2 checks right; marks saved in 1 of 1 highlighter; pre-test 1 of 12 answered" in found["Lesson 0"]
    assert found["Lesson 1"].startswith("started |") and "1 of 5 checks right" in found["Lesson 1"]
    assert found["Lesson 2"].startswith("to do |") and "0 of " in found["Lesson 2"]
    ex01 = found["ex01-attribution"]
    assert ex01.startswith("started |") and "1 of 4 questions answered" in ex01
    assert found["ex02-unsupported"].startswith("to do |")
    # the next step follows the furthest one begun (ex01); the unfinished ones before it are named after it
    assert out.splitlines()[-3:] == [
        "Next: ex02-unsupported (exercises/ex02-unsupported/ex02-unsupported.ipynb)",
        "Begun, not finished: Lesson 0: Start here; Lesson 1: Meet the article; ex01-attribution",
        "Not begun, before the furthest you reached: 2 steps, from Lesson 2: Who is speaking",
    ]


def test_a_lesson_with_every_check_right_and_marks_saved_is_done(kit, capsys):
    from medialit.exercises.lesson_questions import load_lesson

    lesson = kit / "notebooks" / "01-meet-the-article.ipynb"
    for question in load_lesson(1, kit / "notebooks" / "questions").values():
        answer_check(lesson, question.id, question.accept[0][0])
    sidecar.write(
        kit / "notebooks" / "lesson01.highlights.json", sidecar.Saved("x", "0" * 64, "spans", (Span(0, 4, "odd"),))
    )
    assert main(["progress", str(kit)]) == 0
    assert lines_of(capsys.readouterr().out)["Lesson 1"].startswith("done |")


def test_progress_outside_a_kit_is_one_line(tmp_path, capsys):
    assert main(["progress", str(tmp_path)]) == 2
    err = capsys.readouterr().err.strip()
    assert len(err.splitlines()) == 1 and "no kit here" in err and "Traceback" not in err


def test_a_damaged_lesson_notebook_is_one_line_and_the_others_are_still_listed(kit, capsys):
    (kit / "notebooks" / "03-claims-and-evidence.ipynb").write_text('{"cells": [', encoding="utf-8")  # cut short
    assert main(["progress", str(kit)]) == 0
    out = capsys.readouterr().out
    assert "03-claims-and-evidence: cannot be read (" in out and "Traceback" not in out
    assert "Lesson 4: Framing" in out and "ex01-attribution" in out


def test_the_exercise_places_are_the_ones_lesson_0_tells_a_learner():
    """``progress.EXERCISE_AFTER`` is a second copy of lesson 0's "do each exercise after the lessons it needs"
    sentence (review of the fourteenth session): an edit of one without the other would list an exercise where the
    lesson does not send the learner."""
    text = " ".join((REPO / "notebooks" / "sources" / "00-start-here.md").read_text(encoding="utf-8").split())
    sentence = text[text.index("do each exercise after the lessons it needs") :].split(". ")[0]
    told = {
        f"{int(lesson):02d}": tuple(re.findall(r"`(ex\d\d-[\w-]+)`", names))
        for names, lesson in re.findall(r"((?:`ex\d\d-[\w-]+`(?:,? and |, )?)+) after lesson (\d+)", sentence)
    }
    assert told == progress.EXERCISE_AFTER


def test_a_lesson_worked_in_a_copy_or_renamed_counts_and_is_where_next_points(kit, capsys):
    """self24: a learner who duplicated lesson 1 (File > Duplicate: ``-Copy1``) or renamed it and answered its checks
    there was told 'to do' and sent to the untouched original; the copy saved last is read, the lesson found by its
    checks' ids when renamed."""
    import os

    from medialit.exercises.lesson_questions import load_lesson

    lessons = kit / "notebooks"
    copy = lessons / "01-meet-the-article-Copy1.ipynb"
    shutil.copy(lessons / "01-meet-the-article.ipynb", copy)
    for question in load_lesson(1, lessons / "questions").values():
        answer_check(copy, question.id, question.accept[0][0])
    os.utime(copy, (2e9, 2e9))  # saved after the original
    assert main(["progress", str(kit)]) == 0
    assert "5 of 5 checks right" in lines_of(capsys.readouterr().out)["Lesson 1"]
    renamed = copy.rename(lessons / "my notes on lesson one.ipynb")
    answer_check(lessons / "00-start-here.ipynb", "l0.run", "Shift+Enter")
    os.utime(renamed, (2e9, 2e9))
    assert main(["progress", str(kit)]) == 0
    out = capsys.readouterr().out
    assert "5 of 5 checks right" in lines_of(out)["Lesson 1"] and "Lesson 0" in lines_of(out)
    assert "Next: Lesson 2: Who is speaking (notebooks/02-who-is-speaking.ipynb)" in out
    os.utime(lessons / "01-meet-the-article.ipynb", (2.1e9, 2.1e9))  # the original saved since: it is the one read
    assert main(["progress", str(kit)]) == 0
    assert "0 of 5 checks right" in lines_of(capsys.readouterr().out)["Lesson 1"]


def answer_ex01_q3(notebook: Path) -> None:
    """Answer ex01's third question in ``notebook`` and save, as a learner does."""
    nb = nbformat.read(notebook, as_version=4)
    cell = next(c for c in nb.cells if c.metadata.get("nbgrader", {}).get("grade_id") == "ex01-q3-answer")
    cell.source = "answer_q3 = [('Matthew Ingram', 'named')]"
    nbformat.write(nb, notebook)


@pytest.mark.parametrize(
    "moved_to",
    [
        "ex01-attribution/my ex01.ipynb",  # File > Rename Notebook
        "ex01-attribution/mine/ex01-attribution.ipynb",  # moved into a subfolder of its own
        "my work/exercise one.ipynb",  # renamed and moved into another folder of exercises/
    ],
)
def test_an_exercise_renamed_or_moved_is_found_by_its_answer_cells(kit, capsys, moved_to):
    """self25: a learner who renamed ex01-attribution.ipynb to 'my ex01.ipynb' or moved it into a subfolder was told
    'its notebook is not in its folder' and 'to do' for work they had done; only ``-CopyN`` names were found. The
    exercise's notebook is now found by its answer cells' grade ids, and the line names where it was found."""
    exercises = kit / "exercises"
    moved = exercises / moved_to
    moved.parent.mkdir(parents=True, exist_ok=True)
    (exercises / "ex01-attribution" / "ex01-attribution.ipynb").rename(moved)
    answer_ex01_q3(moved)
    assert main(["progress", str(kit)]) == 0
    line = lines_of(capsys.readouterr().out)["ex01-attribution"]
    assert line.startswith("started |") and "1 of 4 questions answered" in line, line
    assert f"in exercises/{moved_to}" in line, line


def test_an_exercise_whose_notebook_is_nowhere_says_where_it_was_looked_for(kit, capsys):
    """An exercise notebook deleted (or moved out of the kit) is 'to do', with a line saying what was looked for and
    where, and how to get a fresh copy; the other exercises are still listed."""
    (kit / "exercises" / "ex01-attribution" / "ex01-attribution.ipynb").unlink()
    assert main(["progress", str(kit)]) == 0
    found = lines_of(capsys.readouterr().out)
    assert found["ex01-attribution"] == (
        "to do | ex01-attribution: no notebook with its answer cells in exercises/ or notebooks/ (a renamed or moved "
        "one is found by them); put it back in exercises/ex01-attribution/ or take a fresh copy of the kit's"
    ), found["ex01-attribution"]
    assert found["ex02-unsupported"].startswith("to do | ex02-unsupported: 0 of 3 questions answered")
