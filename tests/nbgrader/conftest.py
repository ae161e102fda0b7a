"""One real nbgrader course per test session: released, submitted to by honest and hostile students, graded.

The course is made by ``medialit course init`` and released by the real
``nbgrader generate_assignment``. Every submission is built from the
instructor's source notebook or the released one by editing cells by their
nbgrader grade id, as a student would in JupyterLab (attacks: ``attacks.py``).
Grading is ``medialit.instructor.course.grade`` with 2 jobs; tests then read the gradebook
and the course folder.
"""

from __future__ import annotations

import json
import os
import secrets
import sys
from pathlib import Path

import attacks
import nbformat
import pytest
from attacks import EX01, answer_cells, cell, key_sidecar, nb_path, solution_source

from medialit.exercises.items import item
from medialit.exercises.judge import grade_data
from medialit.instructor import course
from medialit.instructor.analyzer_echo import pasted_answer, shipped_analysis

REPO = Path(__file__).resolve().parents[2]
TIMEOUT = 6  # seconds per cell in these tests: the infinite loop costs this much

SOLUTION_Q2 = None  # filled from the source notebook


class Course:
    def __init__(self, root: Path):
        self.root = root
        self.expected: dict[str, dict[str, float]] = {}

    def source(self, assignment: str) -> nbformat.NotebookNode:
        return nbformat.read(nb_path(self.root / "source", assignment), as_version=4)

    def release(self, assignment: str) -> nbformat.NotebookNode:
        return nbformat.read(nb_path(self.root / "release", assignment), as_version=4)

    def submit(self, student: str, assignment: str, nb, files: dict[str, str] | None = None) -> Path:
        folder = self.root / "submitted" / student / assignment
        folder.mkdir(parents=True, exist_ok=True)
        target = nb_path(self.root / "submitted" / student, assignment)
        if isinstance(nb, str):
            target.write_text(nb, encoding="utf-8")
        else:
            nbformat.write(nb, target)
        for name, text in (files or {}).items():
            (folder / name).write_text(text, encoding="utf-8")
        (folder / "timestamp.txt").write_text("2026-11-27 08:00:00.000000 UTC", encoding="utf-8")
        # what `nbgrader submit` + `collect` leave beside a submission; release_feedback needs it
        (folder / "submission_secret.txt").write_text(secrets.token_hex(16), encoding="utf-8")
        return folder


def ex01_submissions(c: Course) -> None:
    src = c.source(EX01)
    q1, q2, q3, q4 = (solution_source(src, f"ex01-q{i}-answer") for i in (1, 2, 3, 4))
    rest = {"ex01-q2-answer": q2, "ex01-q3-answer": q3, "ex01-q4-answer": q4}

    c.submit("solution", EX01, attacks.solved(c, EX01))
    c.expected["solution"] = {"ex01-q1-test": 3.0, "ex01-q2-test": 2.0, "ex01-q3-test": 3.0, "ex01-q4-test": 2.0}

    c.submit("unchanged", EX01, c.release(EX01))
    c.expected["unchanged"] = {"ex01-q1-test": 0.0, "ex01-q2-test": 0.0, "ex01-q3-test": 0.0, "ex01-q4-test": 0.0}

    sources_only = (
        "answer_q1 = [('I', 'source'), ('Støre', 'source'), ('He', 'source'), ('Støre', 'source', 2), "
        "('The Prime Minister', 'source')]"
    )
    partial_q2 = (  # every cue right, two speakers wrong: the cue half (0.8 of 1) and 2 of 5 speakers less 2 extras
        "answer_q2 = [('I', 'Støre', 'appealed', 1), ('Støre', 'Jonas Gahr Støre', 'said', 1), "
        "('He', 'Putin', 'added', 1), ('Støre', 'Støre', 'pointed out', 2), "
        "('The Prime Minister', 'Vladimir Putin', 'believes', 1)]"
    )
    nb = answer_cells(c, EX01, **{"ex01-q1-answer": sources_only, "ex01-q2-answer": partial_q2})
    c.submit("partial", EX01, nb)
    # as medialit.exercises.judge.grade_data scores them against the 9 required marks of ex01-q1's key
    c.expected["partial"] = {"ex01-q1-test": 1.33, "ex01-q2-test": 1.0, "ex01-q3-test": 0.0, "ex01-q4-test": 0.0}

    # `medialit analyze` pasted into every answer cell: graded as any answer; the report's analyzer-echo.md flags it
    pasted = {f"ex01-q{i}-answer": f"answer_q{i} = {pasted_analysis(f'ex01-q{i}')!r}" for i in (1, 2, 3, 4)}
    c.submit("pasted-analysis", EX01, answer_cells(c, EX01, **pasted))
    c.expected["pasted-analysis"] = {
        f"ex01-q{i}-test": grade_data(f"ex01-q{i}", pasted_analysis(f"ex01-q{i}"), key_literal(f"ex01-q{i}")).points
        for i in (1, 2, 3, 4)
    }

    nb = answer_cells(c, EX01, **rest)  # q1 answered only with the highlighter
    c.submit("highlighter", EX01, nb, {"ex01-q1.highlights.json": json.dumps(key_sidecar("ex01-q1"))})
    c.expected["highlighter"] = {"ex01-q1-test": 3.0, "ex01-q2-test": 2.0, "ex01-q3-test": 3.0, "ex01-q4-test": 2.0}

    nb = answer_cells(c, EX01)
    for i in (1, 2, 3, 4):
        cell(nb, f"ex01-q{i}-test").source = "3.0  # full marks please"
    cell(nb, "setup").source = "grade = lambda *a, **k: 3.0"
    c.submit("edited-tests", EX01, nb)
    c.expected["edited-tests"] = {"ex01-q1-test": 0.0, "ex01-q2-test": 0.0, "ex01-q3-test": 0.0, "ex01-q4-test": 0.0}

    nb = answer_cells(c, EX01, **rest)
    nb.cells = [
        x
        for x in nb.cells
        if x.metadata.get("nbgrader", {}).get("grade_id") not in {"ex01-q1-answer", "ex01-q1-test", "ex01-q1-show"}
    ]
    c.submit("deleted-cells", EX01, nb)
    c.expected["deleted-cells"] = {"ex01-q1-test": 0.0, "ex01-q2-test": 2.0, "ex01-q3-test": 3.0, "ex01-q4-test": 2.0}

    for student, bad in {
        "syntax-error": "answer_q1 = [('Støre', 'source'",
        "wrong-type": "answer_q1 = 'Støre said'",
    }.items():
        c.submit(student, EX01, answer_cells(c, EX01, **{"ex01-q1-answer": bad}, **rest))
        c.expected[student] = {"ex01-q1-test": 0.0, "ex01-q2-test": 2.0, "ex01-q3-test": 3.0, "ex01-q4-test": 2.0}
    # Code around the answer never runs: the literal the cell assigns is the answer, graded as written.
    for student, code in {
        "infinite-loop": "while True:\n    pass\n",
        "exception": "raise RuntimeError('my code crashed')\n",
        "os-exit": "import os\nos._exit(1)\n",
    }.items():
        c.submit(student, EX01, answer_cells(c, EX01, **{"ex01-q1-answer": code + q1}, **rest))
        c.expected[student] = dict(c.expected["solution"])

    monkey_q1 = (
        "import medialit.exercises.grading as g\n"
        "class Full:\n    points = 3.0\n"
        "g.grade = lambda *a, **k: Full()\ng.check = lambda *a, **k: None\n"
        "grade, check = g.grade, g.check\nanswer_q1 = []"
    )
    monkey_q3 = "answer_q3 = [('He', 'named')]"
    nb = answer_cells(c, EX01, **{"ex01-q1-answer": monkey_q1, "ex01-q2-answer": q2, "ex01-q3-answer": monkey_q3})
    c.submit("monkeypatch", EX01, nb)
    # the patched grade() never runs; the answers earn q1: [] = 0, q3: 1 of 6 sources right, nothing extra: 1/6 of 3
    c.expected["monkeypatch"] = {"ex01-q1-test": 0.0, "ex01-q2-test": 2.0, "ex01-q3-test": 0.5, "ex01-q4-test": 0.0}

    patched_scoring = (
        "import medialit.exercises.scoring as s\n"
        "s.score = lambda *a, **k: None\ns.match = lambda *a, **k: []\ns.overlapping = lambda a, k: True\n"
        "answer_q1 = [('He', 'source')]"
    )
    c.submit("patched-scoring", EX01, answer_cells(c, EX01, **{"ex01-q1-answer": patched_scoring}, **rest))
    # 1 of 9 right, nothing extra: 1/9 of 3 points; the patch never runs
    c.expected["patched-scoring"] = {
        "ex01-q1-test": 0.33,
        "ex01-q2-test": 2.0,
        "ex01-q3-test": 3.0,
        "ex01-q4-test": 2.0,
    }

    flood = q1 + "\nfor _ in range(100):\n    print('x' * 1_000_000)"
    c.submit("huge-output", EX01, answer_cells(c, EX01, **{"ex01-q1-answer": flood}, **rest))
    c.expected["huge-output"] = dict(c.expected["solution"])

    c.submit("invalid-notebook", EX01, '{"cells": [ this is not a notebook')
    c.expected["invalid-notebook"] = {
        "ex01-q1-test": 0.0,
        "ex01-q2-test": 0.0,
        "ex01-q3-test": 0.0,
        "ex01-q4-test": 0.0,
    }

    nb = answer_cells(c, EX01, **rest)
    c.submit("corrupt-sidecar", EX01, nb, {"ex01-q1.highlights.json": '{"format": "medialit-highl'})
    c.expected["corrupt-sidecar"] = {"ex01-q1-test": 0.0, "ex01-q2-test": 2.0, "ex01-q3-test": 3.0, "ex01-q4-test": 2.0}


def pasted_analysis(item_id: str) -> list:
    """The analysis shipped with the kit, as a student pastes it into the item's answer cell."""
    it = item(item_id)
    return pasted_answer(it, shipped_analysis(it.article, it.load().sha256))


def key_literal(item_id: str) -> dict:
    return json.loads((REPO / "course" / "keys" / f"{item_id}.json").read_text(encoding="utf-8"))


def other_submissions(c: Course) -> None:
    for name in ("ex02-unsupported", "ex03-framing", "ex04-provenance", "ex05-transfer"):
        c.submit("solution", name, attacks.solved(c, name))
        c.submit("unchanged", name, c.release(name))
    reasons_wrong = "answer_q1 = [('There is increasing focus', 'hedge'), ('The historic speech', 'evaluation')]"
    c.submit("partial", "ex02-unsupported", answer_cells(c, "ex02-unsupported", **{"ex02-q1-answer": reasons_wrong}))
    lemmas = "answer_q1 = ['skirmishes', 'wage', 'raid', 'ongoing conflict']"
    c.submit("partial", "ex03-framing", answer_cells(c, "ex03-framing", **{"ex03-q1-answer": lemmas}))
    signals = (
        "answer_q1 = [('Accept cookies to continue reading.', 'scraped'), ('Tuesday 19 March', 'date'), "
        "('Published 14 March 2026', 'date')]"
    )
    c.submit("partial", "ex04-provenance", answer_cells(c, "ex04-provenance", **{"ex04-q1-answer": signals}))
    one_opinion = "answer_q1 = [('The project is a bold step towards a greener future.', 'opinion')]"
    two_signals = "answer_q8 = [('Monday 22 September', 'date'), ('owls in the moss', 'translation')]"
    answers = {"ex05-q1-answer": one_opinion, "ex05-q8-answer": two_signals}
    c.submit("partial", "ex05-transfer", answer_cells(c, "ex05-transfer", **answers))


@pytest.fixture(scope="session")
def nbgrader_env():
    """nbgrader runs alembic as a subprocess: the venv's bin must be on PATH."""
    bin_dir = str(Path(sys.executable).parent)
    old = os.environ.get("PATH", "")
    os.environ["PATH"] = f"{bin_dir}{os.pathsep}{old}"
    yield
    os.environ["PATH"] = old


@pytest.fixture
def course_root(tmp_path, monkeypatch, nbgrader_env) -> Path:
    """``tmp_path / "course"``, for a course whose exchange is its own: never a machine's shared exchange."""
    root = tmp_path / "course"
    monkeypatch.setenv("MEDIALIT_EXCHANGE", str(root / "exchange"))
    return root


@pytest.fixture(scope="session")
def graded(tmp_path_factory, nbgrader_env) -> Course:
    root = attacks.new_course(tmp_path_factory.mktemp("course") / "course", timeout=TIMEOUT, probe=True).root
    for name in course.assignments(root / "source"):
        course.release(root, name)
    # A decoy with a sidecar's name in source/: autograde must not copy it over the student's own file.
    decoy = key_sidecar("ex01-q1") | {"spans": []}
    (root / "source" / EX01 / "ex01-q1.highlights.json").write_text(json.dumps(decoy), encoding="utf-8")
    c = Course(root)
    ex01_submissions(c)
    other_submissions(c)
    attacks.ex01_attacks(c)
    attacks.ex02_submissions(c)
    attacks.ex03_submissions(c)
    attacks.ex05_submissions(c)
    attacks.link_to_source(c, EX01)
    attacks.probe_submissions(c)
    c.runs = {name: course.grade(root, name, jobs=2) for name in course.assignments(root / "source")}
    return c
