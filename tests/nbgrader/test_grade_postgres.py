"""`course.grade` into a PostgreSQL gradebook: the course's `db_url` is honoured and the scores equal SQLite's.

A throwaway PostgreSQL cluster on 127.0.0.1 (the same set-up as the hub test:
initdb and pg_ctl as the postgres user, trust auth, a free port). The course
says `c.CourseDirectory.db_url = "postgresql+psycopg2://..."` in its
nbgrader_config.py; the submissions are copied from the session's SQLite
course (``graded``), so both gradebooks grade the very same files.
"""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from medialit import course

pytestmark = [pytest.mark.nbgrader, pytest.mark.slow]

REPO = Path(__file__).resolve().parents[2]
EX01 = "ex01-attribution"
TIMEOUT = 6  # as in conftest.py: the same course settings as the SQLite course

STUDENTS = ["solution", "partial", "unchanged", "invalid-notebook"]  # full, partial, zero, and one nbgrader fails


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _as_postgres(*cmd: str) -> None:
    done = subprocess.run(["runuser", "-u", "postgres", "--", *cmd], capture_output=True, text=True)
    assert done.returncode == 0, f"{' '.join(cmd)}: {done.stderr[-2000:]}"


@pytest.fixture(scope="module")
def postgres() -> Iterator[str]:
    """An empty database `gradebook` in a private PostgreSQL 15 cluster; yields its SQLAlchemy URL."""
    if os.geteuid() != 0:
        pytest.fail("this test must run as root: it runs PostgreSQL as the postgres user")
    found = sorted(Path("/usr/lib/postgresql").glob("*/bin/initdb"))
    if not found:
        pytest.fail("PostgreSQL's server programs are missing: run bash scripts/install-hub-deps.sh")
    pg = found[-1].parent
    base = Path(tempfile.mkdtemp(prefix="medialit-pg-", dir="/tmp"))
    shutil.chown(base, "postgres", "postgres")
    port = _free_port()
    options = f"-p {port} -k {base} -c listen_addresses=127.0.0.1"
    try:
        _as_postgres(str(pg / "initdb"), "-D", str(base / "db"), "-A", "trust", "-U", "postgres")
        _as_postgres(str(pg / "pg_ctl"), "-D", str(base / "db"), "-l", str(base / "log"), "-o", options, "-w", "start")
        _as_postgres(str(pg / "createdb"), "-h", "127.0.0.1", "-p", str(port), "gradebook")
        yield f"postgresql+psycopg2://postgres@127.0.0.1:{port}/gradebook"  # SQLAlchemy 2.1 defaults to psycopg 3
    finally:
        stop = [str(pg / "pg_ctl"), "-D", str(base / "db"), "-m", "fast", "stop"]
        subprocess.run(["runuser", "-u", "postgres", "--", *stop], capture_output=True)
        shutil.rmtree(base, ignore_errors=True)


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


def test_the_scores_are_in_postgres_and_no_sqlite_file_was_made(pg_course, postgres, graded):
    from nbgrader.api import Gradebook

    root, _ = pg_course
    assert not (root / "gradebook.db").exists()
    with Gradebook(postgres, course_id="medialit") as gb:
        stored = {
            s: {g.name: g.score for nb in gb.find_submission(EX01, s).notebooks for g in nb.grades} for s in STUDENTS
        }
    sqlite = {r["student"]: r for r in course.scores_table(graded.root, EX01) if r["student"] in STUDENTS}
    table = {r["student"]: r for r in course.scores_table(root, EX01)}
    for student in STUDENTS:
        assert table[student] == pytest.approx(sqlite[student]), student  # every cell, and the total
        assert {k: v for k, v in table[student].items() if k not in {"student", "total"}} == pytest.approx(
            stored[student]
        )
    assert table["partial"]["total"] == pytest.approx(3.2)


def test_the_class_report_reads_the_postgres_gradebook(pg_course):
    from medialit.report import write_report

    root, _ = pg_course
    written = write_report(root, EX01)
    grades = (root / "reports" / EX01 / "grades.csv").read_text(encoding="utf-8")
    items = (root / "reports" / EX01 / "items.csv").read_text(encoding="utf-8")
    assert root / "reports" / EX01 / "grades.csv" in written
    assert "partial" in grades and "3.2" in grades
    assert "ex01-q1-test,3.0," in items  # max points come from the PostgreSQL gradebook


def test_an_assignment_not_in_the_postgres_gradebook_is_not_released(pg_course):
    root, _ = pg_course
    name = "ex02-unsupported"
    (root / "release" / name).mkdir(parents=True)  # a folder alone does not make it released
    shutil.copytree(root / "submitted" / "solution" / EX01, root / "submitted" / "solution" / name)
    with pytest.raises(course.CourseError, match=f"{name} is not released"):
        course.grade(root, name, jobs=2)
