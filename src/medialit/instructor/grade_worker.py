"""One grading job: a group of submissions autograded into a private copy of the course, one at a time.

``course.grade`` starts one worker process per job (``python -m
medialit.instructor.grade_worker``, a JSON request on stdin) in a private work folder
holding copies of the submissions taken before anything ran, the course config
and a private gradebook. For each student the worker grades every medialit
item as data (``grade_data``), then runs nbgrader's own ``Autograde`` converter
in-process so that the gradebook, the autograded notebook, late penalties and
the formgrader work as nbgrader users know them. The converter runs a kernel
only when the assignment has test cells that are not medialit items, and then
in the sandbox (where bubblewrap cannot run, with the grader's rights: the
command warns). Each student's outcome is one JSON line on stdout.
"""

from __future__ import annotations

import copy
import json
import logging
import os
import re
import sys
import warnings
from pathlib import Path
from typing import TYPE_CHECKING, Any, TextIO

if TYPE_CHECKING:  # imported when used: the worker must start before nbformat is imported (skip_iri_grammars)
    from medialit.instructor.grade_data import Check, ItemGrade


def rubric_notes(source: Path) -> dict[str, str]:
    """The instructor's text of every hand-graded answer cell (model answer, rubric), by grade id, as markdown.

    A code answer graded by hand (nbgrader's *Manually graded answer* on a code cell) is its source's code without
    the solution markers, as a code block: until instr24 only markdown answers had a note, and the grader of a code
    answer saw no model answer."""
    from medialit.instructor.grade_data import graded_cells

    notes = {}
    for _, cell in graded_cells(source):
        if not cell.metadata.nbgrader.get("solution"):
            continue
        if cell.cell_type == "markdown":
            notes[cell.metadata.nbgrader["grade_id"]] = cell.source
        elif cell.cell_type == "code":
            notes[cell.metadata.nbgrader["grade_id"]] = _code_block(cell.source)
    return notes


def _code_block(source: str) -> str:
    """A code cell's text without nbgrader's solution markers, fenced so that no backticks in it end the block."""
    from medialit.instructor.exercise_notebook import BEGIN_SOLUTION, END_SOLUTION

    code = "\n".join(x for x in source.splitlines() if x.strip() not in (BEGIN_SOLUTION, END_SOLUTION))
    fence = "`" * max([3, *(len(run) + 1 for run in re.findall(r"`+", code))])
    return f"{fence}python\n{code}\n{fence}"


def kernel_cells(source: Path, checks: list[Check]) -> list[str]:
    """Grade ids of graded code cells that are not medialit items: only these need a kernel."""
    from medialit.instructor.grade_data import graded_cells

    ours = {c.grade_id for c in checks}
    graded = [cell.metadata.nbgrader["grade_id"] for _, cell in graded_cells(source) if cell.cell_type == "code"]
    return [grade_id for grade_id in graded if grade_id not in ours]


def data_grades(folder: Path, checks: list[Check]) -> list[ItemGrade]:
    """Every medialit item of one submission graded from its files alone (read before any kernel ran).

    A highlights file over ``answer.MAX_SIDECAR_BYTES`` is refused where it is read (``answer.read_saved``), so a
    list in the answer cell beside one is still graded (it used to score 0 here, unread)."""
    from medialit.instructor.grade_data import grade_item, read_notebook

    notebooks: dict[str, tuple[Any, str]] = {}
    grades = []
    for check in checks:
        if check.notebook not in notebooks:
            notebooks[check.notebook] = read_notebook(folder / f"{check.notebook}.ipynb")
        nb, why = notebooks[check.notebook]
        grades.append(grade_item(check, nb, folder, why))
    return grades


def with_built_keys(checks: list[Check]) -> list[Check]:
    """The checks with each key literal built into a ``Key`` once for the whole group: scoring would build the
    same ``Key`` again for every student. A literal that cannot be built stays as it is, so each student's
    grade still says why."""
    from dataclasses import replace

    from medialit.exercises.items import item
    from medialit.exercises.matching import as_key

    built = []
    for check in checks:
        try:
            built.append(replace(check, key=as_key(item(check.item), check.key)))
        except Exception:  # unknown item, unusable key: grading reports it per student, as before
            built.append(check)
    return built


NO_MARKS = "<p>(no marks read for this item: why is under its test cell)</p>"


def shown_marks(grade: ItemGrade) -> str:
    """What the item's show cell holds after grading, for every item, marks read or not: so no show cell keeps
    what the kernel printed there, and the feedback may show it after a code test with hidden parts."""
    from medialit.instructor.static_marks import marks_html

    return NO_MARKS if grade.failed else marks_html(grade.check.item, grade.marks)


def converter_config(base: Any, work: Path, assignment: str, grades: list[ItemGrade], extra: dict) -> Any:
    """The course's nbgrader config, pointed at the private copy, with medialit's preprocessors."""
    from nbconvert.preprocessors import ClearMetadataPreprocessor
    from nbgrader.preprocessors import (
        AssignLatePenalties,
        CheckCellMetadata,
        ClearOutput,
        IgnorePattern,
        LimitOutput,
        OverwriteKernelspec,
        SaveAutoGrades,
    )

    from medialit.instructor import nbgrader_output as out

    config = copy.deepcopy(base)
    config.CourseDirectory.root = str(work)
    config.CourseDirectory.db_url = f"sqlite:///{work / 'gradebook.db'}"
    config.CourseDirectory.assignment_id = assignment
    config.Autograde.force = True
    config.Autograde.create_student = True
    config.DataGrades.results = {g.check.grade_id: {"points": g.points, "feedback": list(g.feedback)} for g in grades}
    config.ShowMarks.marks = {g.check.item: shown_marks(g) for g in grades}
    config.HideChecks.grade_ids = [g.check.grade_id for g in grades]
    execute = out.SandboxedExecute if extra.get("isolated", True) else out.BudgetExecute  # bubblewrap where it runs
    kernel = [out.HideChecks, execute, out.RestoreChecks, out.PlainOutputs, IgnorePattern]  # HTML: never runs
    run = kernel if extra["kernel"] else []
    config.Autograde.sanitize_preprocessors = [
        ClearOutput,
        out.DropDuplicateIds,  # a copied graded cell: the last one is graded (courses made before it too)
        OverwriteKernelspec,
        out.OverwriteReleasedCells,  # a test cell handed in as released is not "changed" (jupyter/nbgrader#1961)
        CheckCellMetadata,
        out.InertMarkdown,  # a student's HTML never runs in the formgrader
    ]
    config.Autograde.autograde_preprocessors = [
        *run,
        out.DataGrades,
        out.ShowMarks,
        out.TrimOutput,
        ClearMetadataPreprocessor,
        LimitOutput,
        SaveAutoGrades,
        AssignLatePenalties,
        CheckCellMetadata,
        *([] if extra.get("show_hidden") else [out.KeysOutOfAutograded]),  # after SaveAutoGrades (leak22)
    ]
    return config


class _Errors(logging.Handler):
    """Keeps the converter's error lines: the last one says why a submission failed."""

    def __init__(self) -> None:
        super().__init__(logging.ERROR)
        self.lines: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.lines.extend(line for line in record.getMessage().splitlines() if line.strip())


def autograde_one(base: Any, work: Path, assignment: str, student: str, grades: list[ItemGrade], extra: dict) -> str:
    """Run nbgrader's Autograde converter for one student; empty string on success, else why not."""
    from nbgrader.converters import Autograde
    from nbgrader.coursedir import CourseDirectory

    config = converter_config(base, work, assignment, grades, extra)
    config.CourseDirectory.student_id = student
    coursedir = CourseDirectory(config=config)
    converter = Autograde(coursedir=coursedir, config=config)
    errors = _Errors()
    converter.log.addHandler(errors)
    converter.log.setLevel(logging.WARNING)
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            converter.start()
    except BaseException as error:  # nbgrader raises NbGraderException, a kernel may kill more
        if isinstance(error, KeyboardInterrupt):
            raise
        raised = [
            x.strip() for x in errors.lines if re.match(r"\s*[\w.]*(Error|Exception|Timeout\w*|MissingEntry)\b", x)
        ]
        said = [x.strip() for x in errors.lines if "see the the above traceback" not in x]
        wanted = raised or said or [f"{type(error).__name__}: {error}"]
        return wanted[-1][:300]
    finally:
        converter.log.removeHandler(errors)
    return ""


def skip_iri_grammars() -> None:
    """Start faster: import jsonschema without its ~40 IRI grammars (about 1.5 s per process) before
    anything imports nbformat, which then reuses that import; grading validates only notebooks, whose schema
    has no IRI formats."""
    from medialit.core.jsonfile import import_jsonschema

    import_jsonschema()


def fast_private_gradebook() -> None:
    """This worker's gradebook is a throwaway copy: no fsync per commit, one engine per file.

    nbgrader opens the gradebook about nine times per submission, each time
    with a new engine, and commits after every change; on a busy disk that is
    most of the time spent. The course gradebook is never opened here.
    """
    import nbgrader.api
    import sqlalchemy
    from sqlalchemy import event
    from sqlalchemy.engine import Engine

    @event.listens_for(Engine, "connect")
    def _no_sync(connection: Any, _record: Any) -> None:
        cursor = connection.cursor()
        cursor.execute("PRAGMA synchronous=OFF")
        cursor.close()

    engines: dict[str, Any] = {}

    def one_engine(url: str, **options: Any) -> Any:
        if url not in engines:
            engines[url] = sqlalchemy.create_engine(url, **options)
        return engines[url]

    nbgrader.api.create_engine = one_engine


def result_stream() -> TextIO:
    """Where this worker writes its result lines: its standard output as started, on a descriptor no child gets.

    A kernel inherits descriptor 1: a student's cell wrote a line of its own there (``os.write`` on the stdout
    ipykernel keeps), ``course grade`` read it as a result and merged the points it named, for any classmate
    (verify18a: a classmate's ex01-q1 0, 'graded'). Descriptor 1 now points at the log (standard error), so
    whatever a kernel, a tool or a library prints there lands among the log's lines, never among the results.
    """
    results = os.fdopen(os.dup(1), "w", encoding="utf-8")  # os.dup: not inheritable, so no kernel holds it
    os.dup2(2, 1)
    return results


def grade_group(request: dict, results: TextIO | None = None) -> None:
    """Grade every student of the request; write one JSON line per student to ``results`` (standard output) as
    soon as it is done."""
    from nbgrader.apps import NbGrader

    from medialit.instructor.grade_data import hidden_checks, not_gradable
    from medialit.setup.course_check import shows_hidden_tests

    results = results or sys.stdout

    fast_private_gradebook()
    work, assignment = Path(request["work"]), request["assignment"]
    app = NbGrader(log_level="CRITICAL")
    app.config_file_paths.insert(0, str(work))
    app.load_config_file()
    base = app.config
    checks = with_built_keys(hidden_checks(work / "source" / assignment))
    extra = {"kernel": request["kernel"]}  # no grader notes: the formgrader adds them (NotesForTheGrader, leak23)
    extra["isolated"] = request.get("isolated", True)
    extra["show_hidden"] = shows_hidden_tests(work)  # opted in: feedback shows them, so autograded/ keeps them
    for student in request["students"]:
        grades = data_grades(work / "submitted" / student / assignment, checks)
        error = not_gradable(grades) or autograde_one(base, work, assignment, student, grades, extra)
        items = {g.check.grade_id: {"points": g.points, "max": g.max_points, "reason": g.reason} for g in grades}
        line = {"student": student, "error": error, "items": items}
        print(json.dumps(line), file=results, flush=True)


if __name__ == "__main__":
    skip_iri_grammars()
    logging.basicConfig(level=logging.ERROR)
    grade_group(json.load(sys.stdin), result_stream())
