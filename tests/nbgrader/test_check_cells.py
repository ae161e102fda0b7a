"""The check cells' ``raises-exception`` tag (Run All goes on past a failing check) survives a real
``nbgrader generate_assignment``, leaves nbgrader's checksums alone, and ``nbgrader validate`` still
reports every check that fails: an unanswered question, or an answer in the wrong format.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import nbformat
import pytest
from attacks import EX01, cell, nb_path, solution_source
from nbgrader.utils import compute_checksum

from medialit.instructor import course
from medialit.instructor.exercise_notebook import CHECK_TAGS

REPO = Path(__file__).resolve().parents[2]
CHECKS = [f"ex01-q{i}-test" for i in (1, 2, 3, 4)]

pytestmark = [pytest.mark.nbgrader, pytest.mark.slow]


@pytest.fixture(scope="module")
def released(tmp_path_factory, nbgrader_env) -> tuple[nbformat.NotebookNode, nbformat.NotebookNode]:
    """ex01's instructor source and its student release, made by nbgrader in a fresh course."""
    root = course.init(tmp_path_factory.mktemp("course") / "course", REPO / "solutions")
    course.release(root, EX01)
    source = nbformat.read(nb_path(root / "source", EX01), as_version=4)
    return source, nbformat.read(nb_path(root / "release", EX01), as_version=4)


def validate(folder: Path, nb: nbformat.NotebookNode) -> str:
    """``nbgrader validate`` on ``nb`` saved alone in ``folder`` (no highlights beside it), as a student runs it."""
    folder.mkdir()
    path = folder / f"{EX01}.ipynb"
    nbformat.write(nb, path)
    nbgrader = shutil.which("nbgrader", path=str(Path(sys.executable).parent)) or "nbgrader"
    done = subprocess.run([nbgrader, "validate", path.name], cwd=folder, capture_output=True, text=True, timeout=300)
    return done.stdout


def failed_checks(report: str) -> list[str]:
    """The grade ids of the check cells that ``nbgrader validate`` lists as failed."""
    return [grade_id for grade_id in CHECKS if f'check("{grade_id.removesuffix("-test")}"' in report]


def test_every_check_cell_keeps_its_tag_and_checksum_through_generate_assignment(released):
    source, release = released
    for grade_id in CHECKS:
        student, instructor = cell(release, grade_id), cell(source, grade_id)
        assert student.metadata.get("tags") == CHECK_TAGS, grade_id
        assert student.metadata.nbgrader.checksum == compute_checksum(student), grade_id
        untagged = nbformat.from_dict(student | {"metadata": student.metadata | {"tags": []}})
        assert compute_checksum(untagged) == compute_checksum(student), "a tag must not change what grading checks"
        assert instructor.metadata.get("tags") == CHECK_TAGS, grade_id
    assert not [c for c in release.cells if "raises-exception" in c.metadata.get("tags", []) and "-test" not in c.id]


def test_validate_still_flags_every_unanswered_check(released, tmp_path):
    _, release = released
    report = validate(tmp_path / "student", release)
    assert "VALIDATION FAILED ON 4 CELL(S)" in report, report
    assert failed_checks(report) == CHECKS
    assert report.count("AnswerError: no saved highlights (ex01-q") == 4, report


def test_validate_passes_an_answered_check_and_flags_a_malformed_one(released, tmp_path):
    """q1 answered with the model answer passes; q3 with a label that does not exist fails in one line."""
    source, release = released
    nb = nbformat.from_dict(release)
    cell(nb, "ex01-q1-answer").source = solution_source(source, "ex01-q1-answer")
    cell(nb, "ex01-q3-answer").source = "answer_q3 = [('Ingram', 'famous')]"
    report = validate(tmp_path / "student", nb)
    assert "VALIDATION FAILED ON 3 CELL(S)" in report, report
    assert failed_checks(report) == ["ex01-q2-test", "ex01-q3-test", "ex01-q4-test"]
    assert "AnswerError: ex01-q3: label 'famous' is not one of" in report, report


def test_a_plain_run_all_of_the_release_goes_past_every_failing_check(released, tmp_path):
    """nbclient without ``allow_errors`` (``jupyter nbconvert --execute``) honours the tag as JupyterLab does."""
    from nbclient import NotebookClient

    _, release = released
    nb = nbformat.from_dict(release)
    NotebookClient(nb, timeout=120, kernel_name="python3", resources={"metadata": {"path": str(tmp_path)}}).execute()
    for grade_id in CHECKS:
        (error,) = [o for o in cell(nb, grade_id).outputs if o.output_type == "error"]
        assert error.ename == "AnswerError", grade_id
    shows = [c for c in nb.cells if c.id.endswith("-show")]
    assert len(shows) == 4 and all(c.execution_count for c in shows)
