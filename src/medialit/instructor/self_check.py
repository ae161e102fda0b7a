"""Score a self-learner's exercise against the kit's own source notebook, as data, outside the kernel.

A learner working alone has no course to grade their exercise: the check cells
only test the format. ``self_check`` finds the exercise's source notebook in
the kit's ``solutions/`` folder (beside the ``exercises/`` folder the notebook
sits in), reads the learner's saved notebook and highlights exactly as
``medialit course grade`` reads a submission (``grade_data``: no code is run,
the key stays in this process) and returns each item's points and the feedback
lines a graded student reads, which never quote the key.
"""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import nbformat

from medialit.core.counts import counted
from medialit.instructor.grade_data import ItemGrade, grade_item, hidden_checks, read_notebook


class SelfCheckError(ValueError):
    """The exercise cannot be checked here; the one-line message says why and what to do."""


def find_source(notebook: Path) -> Path:
    """The ``solutions/NAME/`` folder of the kit this notebook belongs to (``NAME`` is the notebook's name)."""
    name = notebook.stem
    for folder in notebook.resolve().parents:
        source = folder / "solutions" / name
        if (source / f"{name}.ipynb").is_file():
            return source
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


def self_check(notebook: Path, source: Path | None = None) -> list[ItemGrade]:
    """Points and feedback for every medialit item of the learner's saved ``notebook``."""
    notebook = Path(notebook)
    if notebook.is_dir() or notebook.suffix != ".ipynb":
        raise SelfCheckError(
            f"{notebook}: not a notebook; give the exercise's .ipynb file (e.g. ex01-attribution.ipynb)"
        )
    if not notebook.is_file():
        raise SelfCheckError(f"{notebook}: no such file; give the exercise's .ipynb file, from its folder")
    source = source or find_source(notebook)
    if notebook.resolve().parent == source.resolve():
        raise SelfCheckError(
            f"{notebook}: this is the kit's source notebook, answers included; check your copy in exercises/"
        )
    checks = [c for c in hidden_checks(source) if c.notebook == notebook.stem]
    if not checks:
        raise SelfCheckError(f"{notebook}: {source} has no medialit questions to check it against")
    nb, why_not = read_notebook(notebook)
    return [grade_item(check, nb, notebook.parent, why_not) for check in checks]


def by_hand(notebook: Path, source: Path | None = None) -> list[tuple[str, float]]:
    """The graded cells no scoring can check (a written answer a teacher marks): (grade id, points)."""
    notebook = Path(notebook)
    source = source or find_source(notebook)
    checked = {c.grade_id for c in hidden_checks(source)}
    cells = nbformat.read(source / f"{notebook.stem}.ipynb", as_version=4).cells
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
