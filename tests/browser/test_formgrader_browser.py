"""The instructor's formgrader loop in real Chromium, on a course made and graded by medialit.

`medialit course init`, `nbgrader generate_assignment` and `medialit course grade`
prepare a course with one submission; JupyterLab serves that course folder (the
formgrader reads its nbgrader_config.py); the test lists the course, grades the
written answer by hand, generates and releases feedback in the formgrader, and
reads the totals with `nbgrader export`.
"""

from __future__ import annotations

import csv
import re
import secrets
from collections.abc import Iterator
from pathlib import Path

import nbformat
import pytest
from labkit import running_lab

from medialit.instructor import course
from medialit.instructor.gradebook import exchange_root

pytestmark = [pytest.mark.browser, pytest.mark.nbgrader, pytest.mark.slow]

REPO = Path(__file__).resolve().parents[2]
EX03 = "ex03-framing"


@pytest.fixture(scope="module")
def graded_lab(tmp_path_factory) -> Iterator[tuple[Path, str]]:
    root = course.init(tmp_path_factory.mktemp("fg") / "course", REPO / "solutions", timeout=6)
    course.release(root, EX03)
    folder = root / "submitted" / "alice" / EX03
    folder.mkdir(parents=True)
    model = nbformat.read(root / "source" / EX03 / f"{EX03}.ipynb", as_version=4)  # the model answers, written too
    for cell in model.cells:  # as a student would type them: a notebook with nbgrader's markers is refused
        cell.source = "\n".join(x for x in cell.source.splitlines() if not re.match(r"\s*### (BEGIN|END) ", x))
    nbformat.write(model, folder / f"{EX03}.ipynb")
    (folder / "timestamp.txt").write_text("2026-11-27 08:00:00.000000 UTC", encoding="utf-8")
    (folder / "submission_secret.txt").write_text(secrets.token_hex(16), encoding="utf-8")
    run = course.grade(root, EX03, jobs=1)
    assert run.outcomes[0].by_hand == {"ex03-q2-answer": 2.0}
    with running_lab(root, tmp_path_factory.mktemp("fg-home")) as lab:
        yield root, lab.url


def submission_notebook_id(root: Path) -> str:
    with course.gradebook(course.db_url(root)) as gb:
        return gb.find_submission_notebook(EX03, EX03, "alice").id


def test_the_formgrader_loop_from_listing_to_exported_totals(graded_lab, page):
    from playwright.sync_api import expect

    root, url = graded_lab
    page.goto(f"{url}formgrader/manage_assignments")
    expect(page.locator("tr", has_text=EX03).first).to_be_visible()
    page.goto(f"{url}formgrader/manage_submissions/{EX03}")
    expect(page.locator("tr", has_text="alice").first).to_be_visible()

    page.goto(f"{url}formgrader/submissions/{submission_notebook_id(root)}/")
    page.wait_for_load_state("networkidle")  # the page binds its score boxes once the grades have loaded
    expect(page.get_by_text("For the grader (not in feedback)")).to_be_visible()
    expect(page.locator(".medialit-marks").first).to_be_visible()  # the student's highlights, as static HTML
    score, comment = page.locator("#ex03-q2-answer"), page.locator("#ex03-q2-answer-comment")
    saved = "Good picture of a war; whose words are they?"
    with page.expect_response(lambda r: "/api/grade/" in r.url and r.request.method == "PUT"):
        score.fill("1.5")
        score.blur()
    with page.expect_response(lambda r: "/api/comment/" in r.url and r.request.method == "PUT"):
        comment.fill(saved)
        comment.blur()
    page.reload()
    expect(page.locator("#ex03-q2-answer")).to_have_value("1.5")
    expect(page.locator("#ex03-q2-answer-comment")).to_have_value(saved)

    page.goto(f"{url}formgrader/manage_assignments")
    row = page.locator("tr", has_text=EX03).first
    row.locator(".generate-feedback a").click()
    expect(page.get_by_text(f"Successfully generated feedback of '{EX03}'")).to_be_visible()
    page.locator("#success-modal .modal-footer button", has_text="OK").click()
    expect(page.locator("#success-modal")).to_have_count(0)
    row.locator(".release-feedback a").click()
    expect(page.get_by_text(f"Successfully released feedback of '{EX03}'")).to_be_visible()

    html = (root / "feedback" / "alice" / EX03 / f"{EX03}.html").read_text(encoding="utf-8")
    assert "whose words are they?" in html and "For the grader" not in html and "body_sha256" not in html
    assert list((exchange_root(root) / "medialit" / "feedback").glob("*.html"))

    done = course.nbgrader(root, "export")
    assert done.returncode == 0, done.stderr[-2000:]
    with (root / "grades.csv").open(encoding="utf-8") as handle:
        (row_,) = [r for r in csv.DictReader(handle) if r["student_id"] == "alice"]
    assert float(row_["score"]) == pytest.approx(7.5) and float(row_["max_score"]) == 8.0  # 6 as data + 1.5 by hand
