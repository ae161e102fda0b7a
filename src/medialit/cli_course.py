"""``medialit course``: init a course directory, grade submissions in parallel, report on a class."""

from __future__ import annotations

import argparse
import sys

from medialit.course import CourseError
from medialit.grading import AnswerError

ERRORS = (CourseError, AnswerError)


def register(subparsers: argparse._SubParsersAction) -> None:
    """Add ``course init``, ``course grade`` and ``course report``."""
    course = subparsers.add_parser(
        "course",
        help="instructor tools: make an nbgrader course directory, grade submissions, report on the class",
        description="Instructor tools over nbgrader. Run them in (or point them at) a course directory.",
    )
    commands = course.add_subparsers(dest="course_command", metavar="ACTION", required=True)

    init = commands.add_parser(
        "init",
        help="make a ready nbgrader course directory (source/, nbgrader_config.py)",
        description="Copy the exercise source notebooks into DIR/source and write nbgrader_config.py "
        "(course id, a cell timeout, warnings that do not zero a score, saved highlights never "
        "overwritten, no hidden tests in released feedback). Then run `nbgrader generate_assignment ID` "
        "in DIR, or open DIR in JupyterLab's formgrader.",
    )
    init.add_argument("dir", help="a new (or empty) folder for the course")
    init.add_argument("--solutions", help="folder of nbgrader source notebooks (default: the checkout's solutions/)")
    init.add_argument("--timeout", type=int, default=30, help="seconds a student's cell may run (default 30)")
    init.add_argument("--course-id", default="medialit", help="nbgrader course id (default medialit)")
    init.add_argument(
        "--show-hidden-tests", action="store_true", help="let released feedback show hidden tests (answer keys)"
    )
    init.set_defaults(run=run_init)

    grade = commands.add_parser(
        "grade",
        help="autograde all submissions of an assignment in parallel into the one gradebook",
        description="Run nbgrader autograde for every submitted/STUDENT/ID, N at a time, merge the results "
        "into the course gradebook (its db_url: SQLite or PostgreSQL) and re-check every score outside "
        "the student's kernel. Students already "
        "graded are skipped (resume after an interruption) unless --force.",
    )
    grade.add_argument("id", help="assignment id, e.g. ex01-attribution")
    grade.add_argument("--jobs", "-j", type=int, default=2, help="submissions graded at once (default 2)")
    grade.add_argument("--force", action="store_true", help="grade again students already graded")
    grade.add_argument("--course", default=".", help="course directory (default: here)")
    grade.set_defaults(run=run_grade)

    report = commands.add_parser(
        "report",
        help="grades CSV, per-item difficulty, what the class marked against the key, most-missed items",
        description="Write grades.csv, items.csv, most-missed.md and PNG figures (with alt text) to "
        "DIR/reports/ID/ for the next class discussion.",
    )
    report.add_argument("id", help="assignment id")
    report.add_argument("--course", default=".", help="course directory (default: here)")
    report.set_defaults(run=run_report)


def run_init(args: argparse.Namespace) -> int:
    from medialit import course

    where = course.init(
        args.dir,
        args.solutions,
        timeout=args.timeout,
        show_hidden_tests=args.show_hidden_tests,
        course_id=args.course_id,
    )
    names = ", ".join(course.assignments(where / "source"))
    print(f"course directory ready: {where}\nassignments: {names}\nnext: cd {where} && nbgrader generate_assignment ID")
    return 0


def run_grade(args: argparse.Namespace) -> int:
    from medialit import course

    shown = [-1]

    def bar(done: int, total: int, student: str) -> None:
        if done == shown[0]:
            return
        shown[0] = done
        filled = int(30 * done / total)
        sys.stderr.write(f"\rgrading [{'#' * filled}{'.' * (30 - filled)}] {done}/{total}")
        if done == total:
            sys.stderr.write("\n")
        sys.stderr.flush()

    run = course.grade(args.course, args.id, jobs=args.jobs, force=args.force, progress=bar)
    for outcome in run.outcomes:
        total = sum(outcome.scores.values())
        if not outcome.ok:
            print(f"FAILED {outcome.student}: {outcome.message} (scored 0)")
            continue
        print(f"{outcome.student}: {total:g} points")
        for cell, (kernel, honest) in outcome.changed.items():
            print(f"  {cell}: the kernel reported {kernel:g}, the submitted answer earns {honest:g}; kept {honest:g}")
    if run.skipped:
        print(f"{len(run.skipped)} already graded, skipped (use --force to grade them again)")
    return 1 if run.failed else 0


def run_report(args: argparse.Namespace) -> int:
    from medialit import report

    written = report.write_report(args.course, args.id)
    for path in written:
        print(path)
    return 0
