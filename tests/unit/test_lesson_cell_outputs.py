"""What a lesson's cells print, read as a student reads it: the cells of lessons 5 and 8 that a check relies
on, run in order from their MyST sources (no kernel: ``exec`` in one namespace, in the lessons' folder)."""

from __future__ import annotations

import contextlib
import datetime
import io
import re
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
SOURCES = REPO / "notebooks" / "sources"


def code_cells(number: str) -> list[str]:
    text = next(SOURCES.glob(f"{number}-*.md")).read_text(encoding="utf-8")
    return re.findall(r"```\{code-cell\} ipython3\n(.*?)```", text, re.S)


def run_until(number: str, marker: str, monkeypatch) -> tuple[dict, str]:
    """Run the lesson's code cells up to the first that holds ``marker``; its namespace and that cell's print."""
    monkeypatch.chdir(REPO / "notebooks")
    monkeypatch.setenv("MPLBACKEND", "Agg")
    space: dict = {}
    for cell in code_cells(number):
        if cell.lstrip().startswith(("check(", "check_highlights(")) or "Highlighter(" in cell:
            continue  # checks and widgets print nothing a later cell needs
        out = io.StringIO()
        with contextlib.redirect_stdout(out):
            exec(compile(cell, f"lesson {number}", "exec"), space)
        if marker in cell:
            return space, out.getvalue()
    pytest.fail(f"lesson {number} has no cell with {marker!r}")


def test_lesson_5_prints_every_word_of_the_lines_check_5_3_asks_about(monkeypatch):
    """Check 5.3 asks which lines after Støre's last quote are page furniture, and its answer and second hint
    name the sign-up box by its last words, 'Register here'. The cell cut each line at 90 characters, so that
    box showed as 'In our newsletter, you get regular summaries of the most important things happening during',
    under a column that called it a 'heading' (the article's guess at a line's shape: no full stop at its end)."""
    space, printed = run_until("05", 'index("The Prime Minister was also asked")', monkeypatch)
    article = space["article"]
    start = article.body.index("The Prime Minister was also asked")
    shown = " ".join(printed.split())
    lines = [article.body[b.start : b.end] for b in article.paragraphs if b.start >= start]
    assert len(lines) >= 4
    for line in lines:
        assert " ".join(line.split()) in shown, f"lesson 5 does not print the whole line {line[:60]!r}"
    assert "Register here" in shown and "heading" not in shown


def test_lesson_8_saves_the_picture_with_the_time_it_is_run_then_forges_only_the_date_in_one_line(monkeypatch):
    """Lesson 8 showed 'As saved' with a Creation Time of 2028-05-01, after the course's own date and before
    the forgery that the check asks about ('in one line'), which took three lines and changed author and
    software too. The honest save now carries the time of the run; the forged one differs in the date alone."""
    from PIL import Image

    before = datetime.datetime.now().replace(second=0, microsecond=0)
    space, printed = run_until("08", "forged", monkeypatch)
    honest, forged = (Image.open(space[name]).text for name in ("made", "forged"))
    saved = datetime.datetime.strptime(honest["Creation Time"], "%Y-%m-%d %H:%M")
    assert before <= saved <= datetime.datetime.now(), f"the picture says it was made at {saved}"
    assert forged["Creation Time"] != honest["Creation Time"]
    assert {k: v for k, v in forged.items() if k != "Creation Time"} == {
        k: v for k, v in honest.items() if k != "Creation Time"
    }, "the forged copy changes more than the date"
    cell = next(c for c in code_cells("08") if "forged" in c)
    forging = [line for line in cell.splitlines() if "forged" in line and "savefig" in line]
    assert len(forging) == 1 and "1999" in forging[0], "the forgery is not one line"
    assert "As saved" in printed and "One line later" in printed
