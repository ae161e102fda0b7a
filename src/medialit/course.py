"""Instructor operations on an nbgrader course directory: init, release, parallel grading.

``cli_course.py`` is only a skin over these functions; they work the same from
a notebook cell. Grading runs the real ``nbgrader autograde`` once per student,
each in its own temporary copy of the course (so kernels run in parallel and
nobody waits on the SQLite gradebook), then merges every result into the one
gradebook, one student at a time. After the merge each score is re-checked
outside the student's kernel (``verify``), so redefining a checker in a
student cell cannot raise a score.
"""

from __future__ import annotations

import ast
import csv
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import warnings
from collections.abc import Callable, Iterator
from concurrent.futures import FIRST_COMPLETED, ThreadPoolExecutor, wait
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import nbformat

from medialit.grading import (
    ITEMS_FILE,
    SIDECAR_SUFFIX,
    AnswerError,
    define_items,
    key_spans,
    known_items,
    load_answer,
    score_item,
)

COURSE_ID = "medialit"
DONE_MARK = ".medialit-graded.json"
DEFAULT_TIMEOUT = 30

CONFIG = '''\
"""nbgrader settings for a medialit course (written by `medialit course init`)."""

from nbconvert.preprocessors import ClearMetadataPreprocessor, CSSHTMLHeaderPreprocessor
from nbgrader.preprocessors import (
    AssignLatePenalties,
    CheckCellMetadata,
    ClearHiddenTests,
    Execute,
    GetGrades,
    IgnorePattern,
    LimitOutput,
    SaveAutoGrades,
)

from medialit.nbgrader_output import TrimOutput

c = get_config()  # noqa: F821

c.CourseDirectory.course_id = {course_id!r}

# A student's cell may loop forever: stop it after this many seconds; later cells still run.
c.Execute.timeout = {timeout}
c.Execute.interrupt_on_timeout = True
# A failing test cell's traceback would quote the hidden test's code (the key) in the feedback:
# print only the exception's type and message.
c.Execute.extra_arguments = ["--InteractiveShell.xmode=Minimal"]

# Any stderr output zeroes a test cell in nbgrader; library warnings must not cost points.
c.IgnorePattern.enabled = True
c.IgnorePattern.pattern = r"(\\w*Warning: |WARNING \\|)"

# A student who prints 100 MB must not make a 100 MB notebook: cut long outputs after running.
c.Autograde.autograde_preprocessors = [
    Execute, IgnorePattern, TrimOutput, ClearMetadataPreprocessor, LimitOutput, SaveAutoGrades,
    AssignLatePenalties, CheckCellMetadata,
]
c.TrimOutput.max_chars = 100_000

# Answers saved by the highlighter live beside the student's notebook: never overwrite them
# with files from source/ (there are none of that name there, and this makes sure).
c.Autograde.exclude_overwriting = {exclude!r}

# Released answer cells keep `answer = None` (use the highlights) and say where to answer.
c.ClearSolutions.code_stub = {{"python": "# YOUR ANSWER HERE (a Python list, or leave None to use your highlights)"}}

# Feedback shows scores and the printed feedback, not the hidden tests (the answer keys).
# To show them, set SHOW_HIDDEN_TESTS = True.
SHOW_HIDDEN_TESTS = {show_hidden}
if not SHOW_HIDDEN_TESTS:
    c.GenerateFeedback.preprocessors = [GetGrades, ClearHiddenTests, CSSHTMLHeaderPreprocessor]
'''


class CourseError(ValueError):
    """A course directory that cannot be used as asked; the message says what to do."""


# ---------------------------------------------------------------- init and release


def find_solutions(start: Path | None = None) -> Path:
    """The ``solutions/`` folder of the medialit checkout (it is not in the wheel: it holds the keys)."""
    for base in [start or Path.cwd(), Path(__file__).resolve().parents[2]]:
        for candidate in (base / "solutions", base):  # a checkout root also holds notebooks/*/*.ipynb
            if candidate.is_dir() and any(candidate.glob("*/*.ipynb")):
                return candidate
    raise CourseError("no solutions/ folder found: run in the medialit checkout or pass --solutions PATH")


def assignments(solutions: Path) -> list[str]:
    return sorted(p.name for p in solutions.iterdir() if p.is_dir() and any(p.glob("*.ipynb")))


def sidecars(assignment: str, folder: Path | None = None) -> list[str]:
    """Sidecar file names the assignment's highlighters save to (excluded from overwriting).

    ``folder`` is the assignment's source folder: an exercise made by
    ``medialit new-exercise`` lists its items in an items file there.
    """
    if folder is not None and (folder / ITEMS_FILE).is_file():
        define_items(folder / ITEMS_FILE)
    prefix = assignment.split("-")[0]
    return [item.sidecar for item in known_items().values() if item.id.startswith(prefix + "-")]


def init(
    course_dir: str | Path,
    solutions: str | Path | None = None,
    *,
    timeout: int = DEFAULT_TIMEOUT,
    show_hidden_tests: bool = False,
    course_id: str = COURSE_ID,
) -> Path:
    """Make a course directory with its own ``source/`` (so the formgrader can open it) and config."""
    course = Path(course_dir)
    src = Path(solutions) if solutions else find_solutions()
    if course.exists() and any(course.iterdir()):
        raise CourseError(f"{course} exists and is not empty: choose a new folder")
    names = assignments(src)
    for name in names:
        shutil.copytree(src / name, course / "source" / name, ignore=_not_sources)
    exclude = {name: sidecars(name, course / "source" / name) for name in names}
    config = CONFIG.format(course_id=course_id, timeout=int(timeout), exclude=exclude, show_hidden=show_hidden_tests)
    (course / "nbgrader_config.py").write_text(config, encoding="utf-8")
    return course


def _not_sources(folder: str, names: list[str]) -> list[str]:
    """Leave out checkpoints, caches and any saved highlights (they must never be in source/)."""
    return [n for n in names if n.endswith(SIDECAR_SUFFIX) or n in {".ipynb_checkpoints", "__pycache__"}]


@contextmanager
def _in_course(course: Path) -> Iterator[None]:
    old = Path.cwd()
    os.chdir(course)
    try:
        yield
    finally:
        os.chdir(old)


def nbgrader(course: Path, *args: str, timeout: float | None = None) -> subprocess.CompletedProcess:
    """Run the real ``nbgrader`` command in ``course`` (its alembic step needs our bin on PATH).

    nbgrader only logs a config file that fails to load and carries on with
    defaults (no timeout, sidecars overwritten): that is an error here.
    """
    done = subprocess.run(
        [_nbgrader_command(), *args],
        cwd=course,
        env=_env(),
        capture_output=True,
        text=True,
        timeout=timeout,
    )
    if "Exception while loading config file" in done.stderr:
        raise CourseError(f"{course / 'nbgrader_config.py'} does not load: {_last_error(done.stderr)}; fix it")
    return done


def release(course_dir: str | Path, assignment: str) -> Path:
    """``nbgrader generate_assignment``: the student version in ``release/``, cells recorded in the gradebook."""
    course = Path(course_dir)
    done = nbgrader(course, "generate_assignment", assignment, "--force")
    if done.returncode:
        raise CourseError(f"generate_assignment {assignment} failed: {_last_error(done.stderr)}")
    return course / "release" / assignment


def _nbgrader_command() -> str:
    here = Path(sys.executable).parent / "nbgrader"
    return str(here) if here.exists() else shutil.which("nbgrader") or "nbgrader"


def _env() -> dict[str, str]:
    env = dict(os.environ)
    env["PATH"] = f"{Path(sys.executable).parent}{os.pathsep}{env.get('PATH', '')}"
    return env


def _last_error(text: str) -> str:
    """The most telling line of an nbgrader log: the last exception raised, else the last ERROR line."""
    lines = [line.strip() for line in text.strip().splitlines()]
    raised = [line for line in lines if re.match(r"^[\w.]*(Error|Exception|Timeout\w*): ", line)]
    errors = [line for line in lines if "ERROR" in line and "see the the above traceback" not in line]
    return (raised or errors or lines or ["no output"])[-1][:300]


# ---------------------------------------------------------------- grading


@dataclass
class Outcome:
    student: str
    ok: bool
    scores: dict[str, float] = field(default_factory=dict)  # test cell grade_id -> points after verification
    changed: dict[str, tuple[float, float]] = field(default_factory=dict)  # kernel score -> verified score
    message: str = ""


@dataclass
class GradeRun:
    assignment: str
    outcomes: list[Outcome]
    skipped: list[str]

    @property
    def failed(self) -> list[Outcome]:
        return [o for o in self.outcomes if not o.ok]


def submissions(course: Path, assignment: str) -> list[str]:
    folder = course / "submitted"
    return sorted(p.parent.name for p in folder.glob(f"*/{assignment}") if p.is_dir())


def grade(
    course_dir: str | Path,
    assignment: str,
    *,
    jobs: int = 2,
    force: bool = False,
    progress: Callable[[int, int, str], None] | None = None,
    verify_scores: bool = True,
) -> GradeRun:
    """Autograde every submission, ``jobs`` at a time, into the one gradebook; resumable.

    A student whose last grading finished is skipped unless ``force``; a
    submission that nbgrader cannot grade is reported and the batch goes on.
    """
    course = Path(course_dir).resolve()
    url = db_url(course)
    if not (course / "release" / assignment).is_dir():
        raise CourseError(_not_released(course, assignment))
    students = submissions(course, assignment)
    if not students:
        raise CourseError(f"no submissions of {assignment} in {course / 'submitted'}")
    todo = [s for s in students if force or not (course / "autograded" / s / assignment / DONE_MARK).exists()]
    skipped = [s for s in students if s not in todo]
    outcomes: list[Outcome] = []
    with tempfile.TemporaryDirectory(prefix="medialit-grade-") as tmp, ThreadPoolExecutor(max(1, jobs)) as pool:
        snapshot = _snapshot(course, url, assignment, Path(tmp) / "gradebook.db")
        groups = [(Path(tempfile.mkdtemp(prefix="course-", dir=tmp)), c) for c in _chunks(todo, jobs)]
        pending = {pool.submit(_grade_chunk, course, assignment, c, snapshot, w): w for w, c in groups}
        # while nbgrader runs: read the keys and open the course gradebook (its alembic check takes a while)
        checks = hidden_checks(course, assignment) if verify_scores else []
        with gradebook(url) as main:

            def record(work: Path, chunk: list[str], retry: list[str] | None) -> None:
                """Merge a finished group, one student at a time (the only writer of the course gradebook)."""
                graded = [s for s in chunk if (work / "autograded" / s / assignment).is_dir()]
                failed = [s for s in chunk if s not in graded]
                if retry is not None and len(chunk) > 1:
                    retry.extend(failed)  # graded again alone, so a failure is only its own
                    failed = []
                with gradebook(work / "gradebook.db") if graded else _nothing() as source:
                    for student in graded + failed:
                        error = "" if student in graded else _failure(course, assignment, student, work)
                        outcomes.append(_finish(course, assignment, student, (work, source, main, checks), error))

            retry: list[str] = []
            _follow(pending, groups, assignment, progress, len(todo), lambda f: record(*f.result(), retry))
            groups = [(Path(tempfile.mkdtemp(prefix="course-", dir=tmp)), [s]) for s in retry]
            pending = {pool.submit(_grade_chunk, course, assignment, c, snapshot, w): w for w, c in groups}
            _follow(pending, groups, assignment, None, len(todo), lambda f: record(*f.result(), None))
        if progress:
            progress(len(todo), len(todo), "")
    return GradeRun(assignment, sorted(outcomes, key=lambda o: o.student), skipped)


@contextmanager
def gradebook(where: Path | str) -> Iterator[Any]:
    """An open nbgrader Gradebook: a SQLite file, or a database URL (opening one runs `alembic`, so open few)."""
    from nbgrader.api import Gradebook

    os.environ["PATH"] = _env()["PATH"]  # nbgrader calls `alembic` from PATH
    url = where if isinstance(where, str) else f"sqlite:///{where}"
    with _quiet(), Gradebook(url, course_id=COURSE_ID) as gb:
        yield gb


def db_url(course: Path) -> str:
    """The course's gradebook URL, read as nbgrader reads it (default: ``<course>/gradebook.db``)."""
    from nbgrader.apps import NbGrader
    from nbgrader.coursedir import CourseDirectory

    app = NbGrader(log_level="CRITICAL", raise_config_file_errors=True)
    with _in_course(Path(course)), _quiet():
        try:
            app.load_config_file()  # the Jupyter config folders, then the course's nbgrader_config.py
        except Exception as problem:  # any error in the instructor's config file
            raise CourseError(f"{Path(course) / 'nbgrader_config.py'} does not load: {problem}; fix it") from None
        url = CourseDirectory(parent=app).db_url
    if url.startswith("sqlite:///"):  # a relative file is relative to the course, where nbgrader runs
        url = f"sqlite:///{Path(course).resolve() / url.removeprefix('sqlite:///')}"
    return url


def _not_released(course: Path, assignment: str) -> str:
    return f"{assignment} is not released in {course}: run `nbgrader generate_assignment {assignment}`"


def _snapshot(course: Path, url: str, assignment: str, target: Path) -> Path:
    """The private gradebook every job starts from: the course's SQLite file, or the assignment copied out of
    another database (its assignment, notebook and cell rows: all that `autograde` reads)."""
    from nbgrader.api import MissingEntry

    if url.startswith("sqlite:///"):
        source = Path(url.removeprefix("sqlite:///"))  # absolute: see db_url
        if not source.is_file():
            raise CourseError(_not_released(course, assignment))
        shutil.copy2(source, target)
        return target
    with gradebook(url) as main, gradebook(target) as copy:
        try:
            found = main.find_assignment(assignment)
        except MissingEntry:
            raise CourseError(_not_released(course, assignment)) from None
        copy.update_or_create_assignment(assignment, duedate=found.duedate)
        for nb in found.notebooks:
            copy.add_notebook(nb.name, assignment, kernelspec=nb.kernelspec)
            for c in nb.grade_cells:
                copy.add_grade_cell(c.name, nb.name, assignment, max_score=c.max_score, cell_type=c.cell_type)
            for c in nb.solution_cells:
                copy.add_solution_cell(c.name, nb.name, assignment)
            for c in nb.task_cells:
                copy.add_task_cell(c.name, nb.name, assignment, max_score=c.max_score, cell_type=c.cell_type)
            for c in nb.source_cells:
                fields = {"cell_type": c.cell_type, "locked": c.locked, "source": c.source, "checksum": c.checksum}
                copy.add_source_cell(c.name, nb.name, assignment, **fields)
    return target


@contextmanager
def _nothing() -> Iterator[None]:
    yield None


def _chunks(students: list[str], jobs: int) -> list[list[str]]:
    """One group of students per job: nbgrader's start-up (seconds of imports) is paid once per job."""
    jobs = max(1, min(jobs, len(students)))
    return [students[i::jobs] for i in range(jobs)]


def _follow(pending: dict, groups: list, assignment: str, progress: Any, total: int, done: Callable) -> None:
    """Wait for the groups, reporting progress as nbgrader finishes students, merging each finished group."""
    while pending:
        finished, _ = wait(pending, timeout=1.0, return_when=FIRST_COMPLETED)
        for future in finished:
            del pending[future]
            done(future)
        if progress:
            started = sum(len(list((w / "autograded").glob(f"*/{assignment}"))) for w, _ in groups)
            running = sum(1 for f in pending if f.running())
            progress(min(total - 1, max(0, started - running)), total, "")


def _grade_chunk(course: Path, assignment: str, students: list[str], snapshot: Path, work: Path) -> tuple[Path, list]:
    """Autograde some students with the real nbgrader in a private copy of the course."""
    shutil.copy2(course / "nbgrader_config.py", work / "nbgrader_config.py")
    shutil.copy2(snapshot, work / "gradebook.db")
    (work / "source").symlink_to(course / "source", target_is_directory=True)
    for student in students:
        shutil.copytree(course / "submitted" / student / assignment, work / "submitted" / student / assignment)
    limit = len(students) * (120 + 20 * DEFAULT_TIMEOUT)
    try:
        # never the course's own gradebook or folder, whatever a global nbgrader config says
        private = [f"--CourseDirectory.db_url=sqlite:///{work / 'gradebook.db'}", f"--CourseDirectory.root={work}"]
        done = nbgrader(work, "autograde", assignment, "--force", *private, timeout=limit)
        (work / "autograde.log").write_text(done.stdout + done.stderr, encoding="utf-8")
    except subprocess.TimeoutExpired:
        (work / "autograde.log").write_text(f"TimeoutExpired: nbgrader ran longer than {limit} s\n", encoding="utf-8")
    return work, students


def _failure(course: Path, assignment: str, student: str, work: Path) -> str:
    """Keep the log of a submission nbgrader could not grade; one line saying why."""
    text = (work / "autograde.log").read_text(encoding="utf-8") if (work / "autograde.log").exists() else ""
    log = course / "logs" / assignment / f"{student}.log"
    log.parent.mkdir(parents=True, exist_ok=True)
    log.write_text(text, encoding="utf-8")
    return f"nbgrader could not grade it ({_last_error(text)}); log: {log}"


def _finish(course: Path, assignment: str, student: str, books: tuple, error: str) -> Outcome:
    """Merge one graded student into the course (or record the failure with 0 points), then verify."""
    work, source, main, checks = books
    try:
        if error:
            raise CourseError(error)
        target = course / "autograded" / student / assignment
        if target.exists():
            shutil.rmtree(target)
        shutil.copytree(work / "autograded" / student / assignment, target)
        merge(source, main, assignment, student)
        outcome = Outcome(student, True)
        outcome.changed = verify(course, assignment, student, main, checks)
        outcome.scores = _scores(main, assignment, student)
        (target / DONE_MARK).write_text(json.dumps(outcome.scores), encoding="utf-8")
        return outcome
    except (CourseError, OSError, ValueError) as problem:
        main.db.rollback()
        outcome = Outcome(student, False, message=str(problem) or type(problem).__name__)
        _record_zero(main, assignment, student)
        outcome.scores = _scores(main, assignment, student)
        return outcome


def _record_zero(gb: Any, assignment: str, student: str) -> None:
    """A submission nbgrader could not grade still appears in the gradebook, with no points."""
    gb.update_or_create_student(student)
    sub = gb.update_or_create_submission(assignment, student)
    for notebook in sub.notebooks:
        for g in notebook.grades:
            g.auto_score = 0.0
    gb.db.commit()


@contextmanager
def _quiet() -> Iterator[None]:
    """nbgrader's own ORM use emits SQLAlchemy warnings that say nothing to an instructor."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        yield


def merge(src: Any, dst: Any, assignment: str, student: str) -> None:
    """Copy one student's submission (scores, comments, flags) from a private gradebook into the course's."""
    sub = src.find_submission(assignment, student)
    person = src.find_student(student)
    dst.update_or_create_student(student, first_name=person.first_name, last_name=person.last_name)
    dst.update_or_create_submission(assignment, student, timestamp=sub.timestamp, extension=sub.extension)
    for notebook in sub.notebooks:
        target = dst.find_submission_notebook(notebook.name, assignment, student)
        target.flagged = notebook.flagged
        target.late_submission_penalty = notebook.late_submission_penalty
        for g in notebook.grades:
            t = dst.find_grade(g.name, notebook.name, assignment, student)
            t.auto_score, t.manual_score, t.extra_credit = g.auto_score, g.manual_score, g.extra_credit
            t.needs_manual_grade = g.needs_manual_grade
        for c in notebook.comments:
            t = dst.find_comment(c.name, notebook.name, assignment, student)
            t.auto_comment, t.manual_comment = c.auto_comment, c.manual_comment
    dst.db.commit()


def test_scores(course: Path, assignment: str, student: str) -> dict[str, float]:
    """Autograded points of every graded code cell of one submission, by grade id."""
    with gradebook(db_url(Path(course))) as gb:
        return _scores(gb, assignment, student)


def _scores(gb: Any, assignment: str, student: str) -> dict[str, float]:
    sub = gb.find_submission(assignment, student)
    return {g.name: float(g.auto_score or 0.0) for nb in sub.notebooks for g in nb.grades if g.cell_type == "code"}


# ---------------------------------------------------------------- verification outside the kernel


@dataclass(frozen=True)
class Check:
    """One hidden test found in a source notebook: the item, the answer variable, the key."""

    notebook: str
    grade_id: str
    item: str
    variable: str
    key: list


def hidden_checks(course: Path, assignment: str) -> list[Check]:
    """Read every ``grade(item, variable, KEY)`` call from the instructor's source notebooks."""
    if (course / "source" / assignment / ITEMS_FILE).is_file():  # an exercise made by `medialit new-exercise`
        define_items(course / "source" / assignment / ITEMS_FILE)
    found = []
    for path in sorted((course / "source" / assignment).glob("*.ipynb")):
        nb = nbformat.read(path, as_version=4)
        for cell in nb.cells:
            meta = cell.metadata.get("nbgrader", {})
            if cell.cell_type != "code" or not meta.get("grade"):
                continue
            check = _parse_check(cell.source, path.stem, meta["grade_id"])
            if check:
                found.append(check)
    return found


def _parse_check(source: str, notebook: str, grade_id: str) -> Check | None:
    tree = ast.parse(source)
    key, call = None, None
    for node in ast.walk(tree):
        if isinstance(node, ast.Assign) and any(isinstance(t, ast.Name) and t.id == "KEY" for t in node.targets):
            key = ast.literal_eval(node.value)
        if (
            isinstance(node, ast.Call)
            and isinstance(node.func, ast.Name)
            and node.func.id == "grade"
            and len(node.args) >= 2
            and isinstance(node.args[0], ast.Constant)
            and isinstance(node.args[1], ast.Name)
        ):
            call = (node.args[0].value, node.args[1].id)
    if key is None or call is None:
        return None
    return Check(notebook, grade_id, str(call[0]), call[1], key)


def submitted_answer(course: Path, assignment: str, student: str, check: Check) -> Any:
    """The answer as the student submitted it, read without running any of their code.

    The answer cell must assign a literal (or None, meaning the saved highlights);
    anything else cannot be verified and is reported as unreadable.
    """
    path = course / "submitted" / student / assignment / f"{check.notebook}.ipynb"
    try:
        nb = nbformat.read(path, as_version=4)
    except Exception as error:
        raise AnswerError(f"the notebook cannot be read ({type(error).__name__})") from None
    cells = [c for c in nb.cells if c.get("metadata", {}).get("nbgrader", {}).get("grade_id") == f"{check.item}-answer"]
    if not cells:
        raise AnswerError("the answer cell was deleted")
    try:
        tree = ast.parse(cells[-1].source)
    except SyntaxError:
        raise AnswerError("the answer cell has a syntax error") from None
    value: Any = None
    for node in tree.body:
        if isinstance(node, ast.Assign) and any(
            isinstance(t, ast.Name) and t.id == check.variable for t in node.targets
        ):
            try:
                value = ast.literal_eval(node.value)
            except ValueError:
                raise AnswerError(f"{check.variable} is not a plain Python list, dict or None") from None
    return value


def verified_points(course: Path, assignment: str, student: str, check: Check) -> float:
    """The item's score recomputed in this process from the submitted answer and sidecar."""
    folder = course / "submitted" / student / assignment
    try:
        answer = submitted_answer(course, assignment, student, check)
        spans, _ = load_answer(check.item, answer, folder)
    except AnswerError:
        return 0.0
    return score_item(check.item, spans, key_spans(check.key)).points


def verify(course: Path, assignment: str, student: str, gb: Any, checks: list[Check]) -> dict[str, tuple[float, float]]:
    """Lower any kernel score that the submitted answer does not earn; returns what changed.

    A score is only ever lowered: if the kernel gave less (a timeout, an error
    the student caused), that is nbgrader's verdict and stands.
    """
    changed = {}
    for check in checks:
        grade_row = gb.find_grade(check.grade_id, check.notebook, assignment, student)
        kernel = float(grade_row.auto_score or 0.0)
        honest = verified_points(course, assignment, student, check)
        if honest < kernel - 1e-6:
            grade_row.auto_score = honest
            changed[check.grade_id] = (kernel, honest)
    gb.db.commit()
    if changed:
        log = course / "autograded" / student / assignment / "verification.json"
        log.write_text(json.dumps({k: {"kernel": a, "verified": b} for k, (a, b) in changed.items()}), encoding="utf-8")
    return changed


# ---------------------------------------------------------------- reading results


def scores_table(course_dir: str | Path, assignment: str) -> list[dict[str, Any]]:
    """One row per graded student: every graded cell's score (auto or manual) and the total."""
    from nbgrader.api import MissingEntry

    course = Path(course_dir)
    rows = []
    with gradebook(db_url(course)) as gb:
        for student in submissions(course, assignment):
            try:
                sub = gb.find_submission(assignment, student)
            except MissingEntry:
                continue
            row: dict[str, Any] = {"student": student}
            for nb in sub.notebooks:
                for g in sorted(nb.grades, key=lambda g: g.name):
                    row[g.name] = float(g.score)
            row["total"] = round(sum(v for k, v in row.items() if k != "student"), 2)
            rows.append(row)
    return rows


def write_csv(rows: list[dict[str, Any]], path: Path) -> Path:
    columns = list(dict.fromkeys(k for row in rows for k in row))
    with path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.DictWriter(handle, fieldnames=columns)
        writer.writeheader()
        writer.writerows(rows)
    return path


def generate_exercises(solutions: str | Path, target: str | Path) -> list[Path]:
    """What ``nbgrader generate_assignment`` makes of each source folder, written to ``target/ID/``."""
    target = Path(target)
    written = []
    with tempfile.TemporaryDirectory(prefix="medialit-exercises-") as tmp:
        course = init(Path(tmp) / "course", solutions)
        for name in assignments(course / "source"):
            released = release(course, name)
            if (target / name).exists():
                shutil.rmtree(target / name)
            shutil.copytree(released, target / name)
            written.append(target / name)
    return written
