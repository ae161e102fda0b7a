"""`course.grade` into a PostgreSQL gradebook: the course's `db_url` is honoured and the scores equal SQLite's.

A throwaway PostgreSQL cluster on 127.0.0.1 (the same set-up as the hub test:
initdb and pg_ctl as the postgres user, trust auth, a free port). The course
says `c.CourseDirectory.db_url = "postgresql+psycopg2://..."` in its
nbgrader_config.py; the submissions are copied from the session's SQLite
course (``graded``), so both gradebooks grade the very same files.
"""

from __future__ import annotations

import shutil
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from postgres_server import postgres_database

from medialit.instructor import course

pytestmark = [pytest.mark.nbgrader, pytest.mark.slow]

REPO = Path(__file__).resolve().parents[2]
EX01 = "ex01-attribution"
TIMEOUT = 6  # as in conftest.py: the same course settings as the SQLite course

STUDENTS = ["solution", "partial", "unchanged", "invalid-notebook"]  # full, partial, zero, and one nbgrader fails


@pytest.fixture(scope="module")
def postgres() -> Iterator[str]:
    """An empty database `gradebook` in a private PostgreSQL cluster; yields its SQLAlchemy URL."""
    try:
        with postgres_database() as url:
            yield url
    except RuntimeError as error:
        pytest.fail(str(error))


@pytest.fixture(scope="module")
def pg_course(postgres, graded, tmp_path_factory) -> tuple[Path, course.GradeRun]:
    root = course.init(tmp_path_factory.mktemp("pg") / "course", REPO / "solutions", timeout=TIMEOUT)
    with (root / "nbgrader_config.py").open("a", encoding="utf-8") as config:
        config.write(f"\nc.CourseDirectory.db_url = {postgres!r}\n")
    course.release(root, EX01)  # nbgrader generate_assignment records the cells in PostgreSQL
    for student in STUDENTS:
        shutil.copytree(graded.root / "submitted" / student / EX01, root / "submitted" / student / EX01)
    started = time.perf_counter()
    run = course.grade(root, EX01, jobs=2)
    print(f"graded {len(STUDENTS)} submissions into PostgreSQL with 2 jobs in {time.perf_counter() - started:.1f} s")
    return root, run


def test_the_course_gradebook_url_is_read_from_its_config(pg_course, postgres, graded):
    assert course.db_url(pg_course[0]) == postgres
    assert course.db_url(graded.root) == f"sqlite:///{graded.root.resolve() / 'gradebook.db'}"


def test_postgres_scores_equal_sqlite_scores(pg_course, graded):
    _, run = pg_course
    sqlite = {o.student: o.scores for o in graded.runs[EX01].outcomes if o.student in STUDENTS}
    postgres = {o.student: o.scores for o in run.outcomes}
    assert set(postgres) == set(STUDENTS)
    for student in STUDENTS:
        assert postgres[student] == pytest.approx(sqlite[student], abs=1e-9), student
        assert postgres[student] == pytest.approx(graded.expected[student], abs=0.011), student
    assert [o.student for o in run.failed] == ["invalid-notebook"]
    print("SCORES", {"sqlite": sqlite, "postgresql": postgres})


def test_the_scores_are_in_postgres_and_none_in_sqlite(pg_course, postgres, graded):
    import sqlite3

    from nbgrader.api import Gradebook

    root, _ = pg_course
    with sqlite3.connect(root / "gradebook.db") as db:  # made by `course init`, unused once db_url says PostgreSQL
        assert db.execute("SELECT count(*) FROM submitted_assignment").fetchone() == (0,)
    with Gradebook(postgres, course_id="medialit") as gb:
        stored = {
            s: {g.name: g.score for nb in gb.find_submission(EX01, s).notebooks for g in nb.grades} for s in STUDENTS
        }
    sqlite = {r["student"]: r for r in course.scores_table(graded.root, EX01) if r["student"] in STUDENTS}
    table = {r["student"]: r for r in course.scores_table(root, EX01)}
    for student in STUDENTS:
        assert table[student] == pytest.approx(sqlite[student]), student  # every cell, and the total
        assert {k: v for k, v in table[student].items() if k not in {"student", "total", "status"}} == pytest.approx(
            stored[student]
        )
    assert table["partial"]["total"] == pytest.approx(2.33)  # the partial answers of conftest.py


def test_the_class_report_reads_the_postgres_gradebook(pg_course):
    from medialit.instructor.report import write_report

    root, _ = pg_course
    written = write_report(root, EX01)
    grades = (root / "reports" / EX01 / "grades.csv").read_text(encoding="utf-8")
    items = (root / "reports" / EX01 / "items.csv").read_text(encoding="utf-8")
    assert root / "reports" / EX01 / "grades.csv" in written
    assert "partial" in grades and "2.33" in grades
    assert "ex01-q1-test,3.0," in items  # max points come from the PostgreSQL gradebook


def test_an_assignment_not_in_the_postgres_gradebook_is_not_released(pg_course):
    root, _ = pg_course
    name = "ex02-unsupported"
    (root / "release" / name).mkdir(parents=True)  # a folder alone does not make it released
    shutil.copytree(root / "submitted" / "solution" / EX01, root / "submitted" / "solution" / name)
    with pytest.raises(course.CourseError, match=f"{name} is not released"):
        course.grade(root, name, jobs=2)
