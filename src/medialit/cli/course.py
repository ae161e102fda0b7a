"""``medialit course``: init a course directory, grade submissions in parallel, report on a class."""

from __future__ import annotations

import argparse
import sys
from typing import TYPE_CHECKING

from medialit import __version__
from medialit.core.counts import counted
from medialit.core.quoting import printable
from medialit.exercises.errors import NOTHING_SAVED, AnswerError
from medialit.instructor.gradebook import CourseError

if TYPE_CHECKING:
    from medialit.instructor.batch import GradeRun, Outcome

ERRORS = (CourseError, AnswerError)


def at_least_one(text: str) -> int:
    """A count of jobs or seconds: 0 or -3 would otherwise run as one job or time out at once, without a word."""
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a whole number") from None
    if value < 1:
        raise argparse.ArgumentTypeError(f"{value} is less than 1")
    return value


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
    init.add_argument(
        "--timeout",
        type=at_least_one,
        help="seconds a student's cell may run (default 30); under `course grade` a notebook gets 4 of them, "
        "120 s at least",
    )
    init.add_argument("--course-id", help="nbgrader course id (default medialit)")
    init.add_argument(
        "--show-hidden-tests",
        action="store_true",
        default=None,
        help="let released feedback show hidden tests (answer keys)",
    )
    init.add_argument(
        "--refresh-config",
        action="store_true",
        help="DIR is an existing course: write this release's nbgrader_config.py into it (course id, timeout and "
        "--show-hidden-tests carried over from the old one, which is kept as nbgrader_config.py.old)",
    )
    init.set_defaults(run=run_init)

    grade = commands.add_parser(
        "grade",
        help="grade all submissions of an assignment into the one gradebook (answers graded as data)",
        description="Grade every submitted/STUDENT/ID, N at a time, into the course gradebook (its db_url: "
        "SQLite or PostgreSQL) through nbgrader's own autograde converter. Medialit items are graded as "
        "data: no student code runs; other test cells run in a sandboxed kernel. A submission that cannot "
        "be graded gets 0 with a one-line reason and the batch goes on. Students already graded are "
        "skipped (resume after an interruption) unless --force; --force keeps grades given by hand.",
    )
    grade.add_argument("id", help="assignment id, e.g. ex01-attribution")
    grade.add_argument("--jobs", "-j", type=at_least_one, default=2, help="submissions graded at once (default 2)")
    grade.add_argument(
        "--force", action="store_true", help="grade again students already graded (hand grades are kept)"
    )
    grade.add_argument("--course", default=".", help="course directory (default: here)")
    grade.set_defaults(run=run_grade)

    report = commands.add_parser(
        "report",
        help="grades CSV, per-item difficulty, what the class marked against the key, most-missed items",
        description="Write grades.csv, items.csv, most-missed.md, analyzer-echo.md (answers that repeat the "
        "analyzer's mistakes, for the instructor only) and PNG figures (with alt text) to DIR/reports/ID/ for "
        "the next class discussion.",
    )
    report.add_argument("id", help="assignment id")
    report.add_argument("--course", default=".", help="course directory (default: here)")
    report.set_defaults(run=run_report)


def run_init(args: argparse.Namespace) -> int:
    from medialit.instructor import course

    given = {"--solutions": args.solutions, "--timeout": args.timeout, "--course-id": args.course_id}
    given["--show-hidden-tests"] = args.show_hidden_tests
    if args.refresh_config:
        if options := [name for name, value in given.items() if value is not None]:
            raise CourseError(
                f"--refresh-config carries the settings over from the course's config, so {', '.join(options)} "
                "would be ignored: run it without them, then change nbgrader_config.py itself"
            )
        written = course.refresh_config(args.dir)
        print(f"{written} rewritten for this release; yours is {written.with_name('nbgrader_config.py.old')}")
        return 0
    where = course.init(
        args.dir,
        args.solutions,
        timeout=course.DEFAULT_TIMEOUT if args.timeout is None else args.timeout,
        show_hidden_tests=bool(args.show_hidden_tests),
        course_id=args.course_id or course.COURSE_ID,
    )
    names = ", ".join(course.assignments(where / "source"))
    print(f"course directory ready: {where}\nassignments: {names}\nnext: cd {where} && nbgrader generate_assignment ID")
    return 0


def _say(text: object) -> None:
    """Print one of ``course grade``'s or ``course report``'s lines, each character a terminal acts on shown as its
    escape: the lines name what students chose (hand-in folders, notebook names), and a line break or an escape
    there printed, or hid, a line of its own (attack25)."""
    print(printable(str(text)))


def run_grade(args: argparse.Namespace) -> int:
    from medialit.instructor.grade_worker import skip_iri_grammars

    skip_iri_grammars()
    from medialit.instructor import course
    from medialit.instructor.gradebook import course_folder
    from medialit.setup.course_check import load_problem

    if problem := load_problem(course_folder(args.course)):  # nbgrader would grade on with its defaults
        raise CourseError(f"{problem}; nothing was graded")
    if old := course.outdated_config(args.course):
        _say(f"WARNING: {old}")
    shown = [-1]

    def bar(done: int, total: int, student: str) -> None:
        if done == shown[0] or not total:
            return
        shown[0] = done
        filled = int(30 * done / total)
        sys.stderr.write(f"\rgrading [{'#' * filled}{'.' * (30 - filled)}] {done}/{total}")
        if done == total:
            sys.stderr.write("\n")
        sys.stderr.flush()

    run = course.grade(args.course, args.id, jobs=args.jobs, force=args.force, progress=bar)
    if run.release_gone:
        _say(f"WARNING: {run.release_gone}")
    if run.closed:
        names = ", ".join(f"{name}/" for name in run.closed)
        _say(
            f"made {names} private (mode 0700): every account on this machine could read the class's work there; "
            "nbgrader, the formgrader and release_feedback run as you and need no more"
        )
    if run.kernel and not run.isolated:
        _say(
            "WARNING: some test cells needed a kernel and it ran with your rights, NOT isolated "
            "(run `medialit doctor`: it says why bubblewrap cannot isolate them here and how to fix it)"
        )
    if run.rekeyed:
        were = counted(len(run.rekeyed), "student was", "students were")
        _say(f"the key changed since {were} graded: graded again with key {run.key}")
        if stand := hand_scores_over_key(run):
            _say(stand)
    if run.redated:
        were = counted(len(run.redated), "student was", "students were")
        _say(f"the due date or an extension changed since {were} graded: graded again ({', '.join(run.redated)})")
    if run.undated:
        were = counted(len(run.undated), "student was", "students were")
        _say(
            f"{were} graded before medialit recorded due dates and extensions: graded again ({', '.join(run.undated)}),"
            " so the late penalty counts today's"
        )
    if run.other_version:
        used = list(run.other_version.values())
        who = ", ".join(f"{used.count(v)} with {v}" for v in sorted(set(used)))
        were = counted(len(run.other_version), "student was", "students were")
        _say(
            f"{were} graded with another medialit version ({who}; this is "
            f"{__version__}): their scores stand; `--force` grades everyone with this one (hand grades kept)"
        )
    if not run.outcomes:
        _say(f"nothing to grade; {len(run.skipped)} already graded with key {run.key} (use --force)")
        return 0
    for outcome in run.outcomes:
        _say(summary(outcome, args.id))
    if run.skipped:
        _say(f"{len(run.skipped)} already graded, skipped (use --force to grade them again)")
    waiting = [o for o in run.outcomes if o.by_hand]
    if waiting:
        points = sum(sum(o.by_hand.values()) for o in waiting)
        waiting_text = counted(len(waiting), "submission")
        _say(f"to grade by hand in the formgrader: {waiting_text}, {counted(float(points), 'point')}")
    return 1 if run.failed else 0


def hand_scores_over_key(run: GradeRun) -> str:
    """One line naming the scores a person gave autograded items that still count after a regrade with a new key.

    grade25: a score typed in the formgrader over an item's autograded one outlives every regrade (nbgrader counts
    the person's), and the new key's score was only in "hand grades kept: ex01-q1-test", beside written answers."""
    rekeyed = set(run.rekeyed)
    stand = [
        f"{o.student} {cell} {hand:g} (the new key gives {auto:g})"
        for o in run.outcomes
        if o.student in rekeyed
        for cell, (hand, auto) in o.over_auto.items()
    ]
    if not stand:
        return ""
    return (
        f"scores you gave autograded items still count, not the new key's: {', '.join(stand)}; to count the key's, "
        "empty that cell's score box in the formgrader (Manual Grading; the key's score shows in grey there)"
    )


def summary(o: Outcome, assignment: str = "ID") -> str:
    """One line per student: points, what failed and why (and that no feedback page comes), what waits for a person."""
    if not o.ok:  # a person's scores stay in the gradebook's total: say so, or "0" reads as the total (instr24)
        hand = ", ".join(f"{name} {o.scores.get(name, 0.0):g}" for name in o.kept)
        total = round(max(0.0, sum(o.scores.values()) - o.late_penalty), 2)
        scored = (
            f"0 points from grading; hand grades kept from an earlier grading: {hand} (the gradebook's total is "
            f"{total:g})"
            if o.kept
            else "scored 0"
        )
        return (
            f"FAILED {o.student}: {o.message} ({scored}; no feedback page for {o.student}: give them this reason "
            f"yourself, or fix the cause and run `medialit course grade {assignment}` again)"
        )
    points = round(max(0.0, sum(o.scores.values()) - o.late_penalty), 2)  # the total nbgrader export gives
    line = f"{o.student}: {counted(float(points), 'point')}"
    if o.by_hand:
        line += f" + {sum(o.by_hand.values()):g} to grade by hand ({', '.join(o.by_hand)})"
    for handed, released in o.renamed.items():
        line += f"; graded {handed} as {released} (renamed before handing in)"
    if o.kept:
        line += f"; hand grades kept: {', '.join(o.kept)}"
    if o.earlier:
        line += f"; hand grades given to an earlier submission, counted until you grade again: {', '.join(o.earlier)}"
    if o.status != "graded":
        line += f"; {_lowered(o)}"
    return line


def _lowered(o: Outcome) -> str:
    """The status, with items left unanswered named once together instead of one long hint each."""
    blank = [cell for cell, why in o.failed_items.items() if why.startswith(f"{NOTHING_SAVED} (")]
    if not blank:
        return o.status
    rest = [f"{cell}: {why}" for cell, why in o.failed_items.items() if cell not in blank]
    if o.late_penalty:
        rest.insert(0, f"late penalty -{o.late_penalty:g}")
    return "; ".join([f"not answered (no highlights, no answer in the cell): {', '.join(blank)}", *rest])


def run_report(args: argparse.Namespace) -> int:
    from medialit.instructor import report
    from medialit.instructor.batch import (
        deadline_changes,
        graded_with_another_key,
        not_in_report,
        scores_table,
        without_handin,
    )
    from medialit.instructor.gradebook import course_folder

    written = report.write_report(args.course, args.id)
    for path in written:
        _say(path)
    folder = course_folder(args.course)
    graded = [row["student"] for row in scores_table(folder, args.id)]
    new, dropped, again = not_in_report(folder, args.id, graded)
    left = [f"{', '.join(new)}: not graded yet, left out"] * bool(new)
    left += [f"{', '.join(again)}: handed in again since graded, scored and reported on the earlier hand-in"] * bool(
        again
    )
    if left:
        _say(f"WARNING: {'; '.join(left)}: run `medialit course grade {args.id}`, then the report again")
    if dropped:
        _say(
            f"NOTE: {', '.join(dropped)}: graded, then removed from the gradebook, so left out of the report; "
            f"dropped the course: move their folders out of submitted/; to count them again: `medialit course grade "
            f"{args.id} --force` (hand grades kept), then the report"
        )
    absent, possible = without_handin(folder, args.id)
    if absent:
        _say(
            f"NOTE: {', '.join(absent)}: in the gradebook with no hand-in of {args.id}, so not in the report or its "
            f"import file; `nbgrader export` gives them 0 of {possible:g} (enter what counts for them yourself)"
        )
    if unread := report.not_read(folder, args.id, graded):
        _say(
            f"NOTE: {', '.join(unread)}: answers not read, as their grading was stopped for taking too long; "
            "counted as marking nothing, like their 0 points (grades.csv says why)"
        )
    changed, unsure = deadline_changes(folder, args.id)
    grade_again = f"run `medialit course grade {args.id}`, then the report again"
    if changed:
        _say(
            f"WARNING: {', '.join(changed)}: the due date or an extension changed since graded, so the late penalty is "
            f"the old one: {grade_again}"
        )
    if unsure:
        _say(
            f"WARNING: {', '.join(unsure)}: graded before medialit recorded the due date and extension it counted, so "
            f"the late penalty may be an old one: {grade_again}"
        )
    version, stale = graded_with_another_key(args.course, args.id)
    if stale:
        _say(
            f"WARNING: {', '.join(stale)} graded with an older key than source/{args.id} (key {version}): "
            f"run `medialit course grade {args.id}` to grade them again"
        )
    return 0
