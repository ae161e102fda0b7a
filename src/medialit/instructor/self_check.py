"""Score a self-learner's exercise against the kit's own source notebook, as data, outside the kernel.

A learner working alone has no course to grade their exercise: the check cells
only test the format. ``find_exercise`` finds the exercise's source notebook in
the kit's ``solutions/`` folder (beside the ``exercises/`` folder the notebook
sits in) and its hidden checks, once; ``self_check`` reads the learner's saved
notebook and highlights exactly as ``medialit course grade`` reads a submission
(``grade_data``: no code is run, the key stays in this process) and returns each
item's points and the feedback lines a graded student reads, which never quote
the key; ``by_hand`` names the written answers no scoring checks.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

import nbformat

from medialit.core.counts import counted
from medialit.instructor.grade_data import Check, ItemGrade, grade_item, hidden_checks, read_notebook


class SelfCheckError(ValueError):
    """The exercise cannot be checked here; the one-line message says why and what to do."""


COPY_SUFFIX = re.compile(r"(-Copy\d*)+$")
"""What JupyterLab adds to a notebook's name on File > Duplicate or a copy in its file browser
(``ex01-attribution-Copy1.ipynb``; jupyter_server drops an older ``-Copy`` before it adds one)."""


def answer_ids(path: Path) -> set[str]:
    """The grade ids of a notebook's answer cells (``ex01-q1-answer``): its exercise, whatever its name."""
    try:
        cells = nbformat.read(path, as_version=4).cells
    except Exception:  # not a notebook JupyterLab saved: the grading says why; here the name has to do
        return set()
    meta = [c.get("metadata", {}).get("nbgrader", {}) for c in cells]
    return {m["grade_id"] for m in meta if isinstance(m, dict) and m.get("solution") and m.get("grade_id")}


def find_source(notebook: Path) -> Path:
    """The ``solutions/NAME/`` folder of the kit this notebook is an exercise of.

    Found by the notebook's answer cells (their grade ids are those of exactly one source notebook), so a
    copy saved under any name is checked as its exercise; a notebook without them by its name, with
    JupyterLab's ``-Copy1`` taken off. Only ``solutions/`` folders above the notebook are looked in.
    """
    ids = answer_ids(notebook)
    name = COPY_SUFFIX.sub("", notebook.stem)
    for folder in notebook.resolve().parents:
        sources = sorted(s.parent for s in (folder / "solutions").glob("*/*.ipynb") if s.stem == s.parent.name)
        if not sources:
            continue
        same = [s for s in sources if ids & answer_ids(s / f"{s.name}.ipynb")] if ids else []
        named = [s for s in sources if s.name == name]
        if len(same) > 1:  # two exercises share an item id: the name decides, or nothing does
            same = [s for s in same if s in named]
        if same or named:
            return (same or named)[0]
    raise SelfCheckError(
        f"{notebook}: no source for {name} in a solutions/ folder above it, so it cannot be checked here; "
        "self-check works on the kit's own exercises in its exercises/ folder (in a course, submit it: "
        "your teacher's grading gives the feedback)"
    )


def exercise_here(folder: Path) -> Path:
    """The one exercise notebook in ``folder`` (``medialit self-check`` run from a cell of the exercise)."""
    found = sorted(p for p in folder.glob("*.ipynb") if p.is_file())
    if len(found) != 1:
        what = "no notebook" if not found else f"{len(found)} notebooks"
        raise SelfCheckError(f"{folder}: {what} here; give the exercise's file: medialit self-check NAME.ipynb")
    return found[0]


@dataclass(frozen=True)
class Exercise:
    """A learner's saved notebook and what it is checked against, found once for the scores and the written answers."""

    notebook: Path
    source: Path  # the kit's solutions/NAME/ folder
    checks: list[Check]  # the source notebook's medialit items, their keys included


def find_exercise(notebook: Path) -> Exercise:
    """The learner's ``notebook`` with its source folder and hidden checks, or the one-line reason it has none."""
    notebook = Path(notebook)
    if notebook.is_dir() or notebook.suffix != ".ipynb":
        raise SelfCheckError(
            f"{notebook}: not a notebook; give the exercise's .ipynb file (e.g. ex01-attribution.ipynb)"
        )
    if not notebook.is_file():
        raise SelfCheckError(f"{notebook}: no such file; give the exercise's .ipynb file, from its folder")
    source = find_source(notebook)
    if notebook.resolve().parent == source.resolve():
        raise SelfCheckError(
            f"{notebook}: this is the kit's source notebook, answers included; check your copy in exercises/"
        )
    checks = [c for c in hidden_checks(source) if c.notebook == source.name]
    if not checks:
        raise SelfCheckError(f"{notebook}: {source} has no medialit questions to check it against")
    return Exercise(notebook, source, checks)


def self_check(exercise: Exercise) -> list[ItemGrade]:
    """Points and feedback for every medialit item of the learner's saved notebook."""
    nb, why_not = read_notebook(exercise.notebook)
    return [grade_item(check, nb, exercise.notebook.parent, why_not) for check in exercise.checks]


def by_hand(exercise: Exercise) -> list[tuple[str, float]]:
    """The graded cells no scoring can check (a written answer a teacher marks): (grade id, points)."""
    checked = {c.grade_id for c in exercise.checks}
    cells = nbformat.read(exercise.source / f"{exercise.source.name}.ipynb", as_version=4).cells
    meta = [c.metadata.get("nbgrader", {}) for c in cells]
    return [
        (m["grade_id"], float(m.get("points") or 0)) for m in meta if m.get("grade") and m["grade_id"] not in checked
    ]


def report(notebook: Path, grades: list[ItemGrade], unchecked: list[tuple[str, float]] = ()) -> str:
    """What the learner reads: when the notebook was saved, each item's points and feedback, the total."""
    saved = datetime.fromtimestamp(Path(notebook).stat().st_mtime).strftime("%H:%M:%S")
    lines = [
        f"{Path(notebook).name} as last saved at {saved} (save with Ctrl+S first); highlights as saved",
    ]
    for grade in grades:
        item = grade.check.item
        head, *rest = grade.feedback or ("",)
        if not head.startswith(f"{item}: "):  # the feedback opens with the item's points; else say them first
            head, rest = f"{item}: {grade.points:g} of {counted(grade.max_points, 'point')}", [head, *rest]
        lines += ["", head, *(f"  {line}" for line in rest if line)]
    earned = sum(g.points for g in grades)
    total = sum(g.max_points for g in grades)
    for grade_id, points in unchecked:
        lines += [
            "",
            f"{grade_id.removesuffix('-answer')}: a written answer, not checked here ({counted(points, 'point')} "
            "in a course, marked by the teacher): compare it with the question and the guidelines yourself",
        ]
    lines += ["", f"total: {earned:g} of {counted(total, 'point')} (the same scoring a course's grading uses)"]
    if unchecked:
        lines[-1] += ", written answers not counted"
    return "\n".join(lines)
