"""Fixing the key of an own exercise after its release keeps the instructor's own cells and says what to run.

instr23: a written question added to a `new-exercise` notebook in source/, released and graded; then a key
mistake fixed and `medialit new-exercise ... --into COURSE --force` run, as course/grading.md says. It wrote the
generated cells alone: the written question left source/ (and its rubric the formgrader), and the command said
"release it with `nbgrader generate_assignment NAME`", which then failed with a traceback ("Cannot add or remove
cells ... there are submissions") and deleted release/NAME, after which `course grade` refused as "not released".
A real course, real nbgrader.
"""

from __future__ import annotations

import json
from pathlib import Path

import attacks
import nbformat
import pytest
from attacks import nb_path

from medialit.cli import main
from medialit.instructor import course

pytestmark = [pytest.mark.nbgrader, pytest.mark.slow]

DEV = Path(__file__).resolve().parents[2].parent / "shared" / "corpus" / "dev"
ARTICLE = DEV / "ottawa-document-found-on-street.md"
GOLD = DEV / "ottawa-document-found-on-street.gold.json"
NAME = "ott-attribution"
OWN = ["own-q3-question", "own-q3-answer"]


def _own_question(notebook: Path) -> None:
    """A written question as the formgrader's Create Assignment toolbar leaves it (a rubric in the answer)."""
    nb = nbformat.read(notebook, as_version=4)
    question = nbformat.v4.new_markdown_cell("### q3 (2 points)\n\nWhich sources are vague, and why does it matter?")
    question.metadata["nbgrader"] = {"grade": False, "grade_id": OWN[0], "locked": True, "schema_version": 3,
                                     "solution": False}  # fmt: skip
    answer = nbformat.v4.new_markdown_cell("*Model answer.* ...\n\n**Rubric (2 points).** one for each")
    answer.metadata["nbgrader"] = {"grade": True, "grade_id": OWN[1], "locked": False, "points": 2,
                                   "schema_version": 3, "solution": True}  # fmt: skip
    question.id, answer.id = "1b82743e", "ef5744dd"  # JupyterLab's: the command names the grade ids
    nb.cells += [question, answer]
    nbformat.write(nb, notebook)


def test_force_over_a_released_exercise_keeps_own_cells_and_points_to_course_grade(course_root, tmp_path, capsys):
    if not GOLD.is_file():
        pytest.skip(f"the shared corpus is not here ({GOLD})")
    c = attacks.new_course(course_root)
    args = ["new-exercise", str(ARTICLE), str(GOLD), "--kind", "attribution", "--into", str(c.root), "--name", NAME]
    assert main(args) == 0
    _own_question(nb_path(c.root / "source", NAME))
    course.release(c.root, NAME)
    c.submit("gus", NAME, c.release(NAME))
    course.grade(c.root, NAME, jobs=1)

    fixed = json.loads(GOLD.read_text(encoding="utf-8"))  # a key mistake fixed: one speaker's name
    fixed["attributions"][0]["speaker"] += " (fixed)"
    key = tmp_path / "fixed.gold.json"
    key.write_text(json.dumps(fixed), encoding="utf-8")
    capsys.readouterr()
    assert main([*args[:2], str(key), *args[3:], "--force"]) == 0
    said = capsys.readouterr().out
    assert f"kept 2 cells of your own from the notebook it replaced: {', '.join(OWN)}" in said, said
    assert f"run `medialit course grade {NAME}`" in said and "generate_assignment" not in said, said

    source = nbformat.read(nb_path(c.root / "source", NAME), as_version=4)
    ids = [x.get("id") for x in source.cells]
    assert ids[-2:] == ["1b82743e", "ef5744dd"]  # after the cell they followed: the last generated one
    again = course.nbgrader(c.root, "generate_assignment", NAME, "--force")  # what an instructor may still run
    assert again.returncode == 0, again.stderr[-1500:]
    assert nb_path(c.root / "release", NAME).is_file()
    run = course.grade(c.root, NAME, jobs=1)
    assert run.rekeyed == ["gus"]
    page = attacks.formgrader_page(c.root, nb_path(c.root / "autograded" / "gus", NAME), NAME)  # leak23: added there
    assert page.count(attacks.GRADER_NOTE) == 1 and "Rubric (2 points)" in page, page
