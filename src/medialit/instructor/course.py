"""Instructor operations on an nbgrader course directory: init, release, and the names of grading.

``cli_course.py`` is only a skin over these functions; they work the same from
a notebook cell. Grading itself lives in ``medialit.instructor.batch`` (grading as data,
a sandboxed kernel only when needed) and ``medialit.instructor.gradebook``; their public
names are re-exported here, so ``medialit.instructor.course.grade`` keeps working.
"""

from __future__ import annotations

import ast
import contextlib
import os
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from medialit.core.saved_work import saved_work
from medialit.exercises.items import ITEMS_FILE, define_items, known_items
from medialit.instructor.gradebook import COURSE_ID, CourseError, bin_on_path, gradebook, private_work_folders

DEFAULT_TIMEOUT = 30

CONFIG = '''\
"""nbgrader settings for a medialit course (written by `medialit course init`)."""

from nbconvert.preprocessors import ClearMetadataPreprocessor, CSSHTMLHeaderPreprocessor
from nbgrader.preprocessors import (
    AssignLatePenalties,
    CheckCellMetadata,
    ClearHiddenTests,
    ClearMarkScheme,
    ClearOutput,
    ComputeChecksums,
    Execute,
    GetGrades,
    IgnorePattern,
    IncludeHeaderFooter,
    InstantiateTests,
    LimitOutput,
    LockCells,
    OverwriteKernelspec,
    SaveAutoGrades,
    SaveCells,
)

import os

from medialit.instructor.exchange import LEFT_BEHIND
from medialit.instructor.gradebook import private_work_folders_hook
from medialit.instructor.nbgrader_output import (
    ClearAnswers, ClearHiddenTestsInFeedback, DropDuplicateIds, DropGraderNotes, DropHiddenTestOutput,
    InertMarkdown, KeepMarksOut, KeysOutOfAutograded, NameNoFeedback, NotesForTheGrader, OverwriteReleasedCells,
    TrimOutput, logging_config, name_no_page_in_server,
)

c = get_config()  # noqa: F821

c.CourseDirectory.course_id = {course_id!r}

# The exchange (release, submit, Release Feedback): a hub's shared one when this machine has it
# (MEDIALIT_EXCHANGE or nbgrader's default /srv/nbgrader/exchange), else the course's own folder.
shared = os.environ.get("MEDIALIT_EXCHANGE") or "/srv/nbgrader/exchange"
here = os.path.join(os.path.dirname(os.path.abspath(__file__)), "exchange")
c.Exchange.root = shared if os.path.isdir(shared) else here
# Collect leaves out links a student put in the exchange (nbgrader's own follows them, as the grader).
c.ExchangeFactory.collect = "medialit.instructor.exchange.LinkSafeCollect"
# Release Feedback names the students who handed in outside the exchange (put into submitted/ by hand: no
# submission_secret.txt), to be given their page, instead of stopping at the first with a traceback.
c.ExchangeFactory.release_feedback = "medialit.instructor.exchange.HandInFeedback"

# `medialit course grade` grades medialit items as data and runs a kernel (sandboxed) only for other
# test cells; these settings apply to that kernel, and to plain `nbgrader autograde`, which runs
# student code with your rights (see course/grading.md).
# A student's cell may loop forever: stop it after this many seconds; later cells still run.
c.Execute.timeout = {timeout}
c.Execute.interrupt_on_timeout = True
# A failing test cell's traceback would quote the hidden test's code (the key) in the feedback:
# print only the exception's type and message.
c.Execute.extra_arguments = ["--InteractiveShell.xmode=Minimal"]

# Any stderr output zeroes a test cell in nbgrader; library warnings must not cost points.
c.IgnorePattern.enabled = True
c.IgnorePattern.pattern = r"(\\w*Warning: |WARNING \\|)"

# Feedback is made from the autograded notebooks: once the scores are saved, KeysOutOfAutograded takes the hidden
# tests (the answer keys) and what a code test with hidden parts printed out of them, so that no feedback page
# shows them even when this file stops loading and nbgrader falls back to its own steps (`medialit course grade`
# does the same; this list is for plain `nbgrader autograde` and the formgrader's Autograde button). To show
# hidden tests in feedback, set SHOW_HIDDEN_TESTS = True before grading (after: grade again with --force).
SHOW_HIDDEN_TESTS = {show_hidden}
# A student who prints 100 MB must not make a 100 MB notebook: cut long outputs after running.
c.Autograde.autograde_preprocessors = [
    Execute, IgnorePattern, TrimOutput, ClearMetadataPreprocessor, LimitOutput, SaveAutoGrades,
    AssignLatePenalties, CheckCellMetadata, *([] if SHOW_HIDDEN_TESTS else [KeysOutOfAutograded]),
]
c.TrimOutput.max_chars = 100_000

# A graded cell a student copied keeps its grade id: grade the last one, the copies as plain cells
# (nbgrader's own DeduplicateIds leaves them unreadable, and the submission fails). A student's markdown
# is shown as text: its HTML would run in the formgrader page with your rights. A test cell is compared with
# what was released (nbgrader's own OverwriteCells compares it with the source, hidden tests and all, and warns
# that every such cell "has changed"); a changed one is still named and put back.
c.Autograde.sanitize_preprocessors = [
    ClearOutput, DropDuplicateIds, OverwriteKernelspec, OverwriteReleasedCells, CheckCellMetadata, InertMarkdown,
]

# What collect, autograde and feedback never copy: nbgrader's own list, and the highlighter's lock files
# (.NAME.highlights.json.lock, beside every highlights file a student saved), which reached released feedback.
c.CourseDirectory.ignore = LEFT_BEHIND

# The class's work (submitted/, autograded/, feedback/, .medialit/) is for your account alone: a folder of them
# deleted by hand is made again private before autograde or generate_feedback would make it open to every account.
c.BaseConverter.pre_convert_hook = private_work_folders_hook(os.path.dirname(os.path.abspath(__file__)))

# Answers saved by the highlighter live beside the student's notebook: never overwrite them
# with files from source/ (there are none of that name there, and this makes sure).
c.Autograde.exclude_overwriting = {exclude!r}

# Released answer cells keep `answer = None` (use the highlights) and say where to answer; a code
# question of your own gets nbgrader's stub (`raise NotImplementedError()`), valid inside a function.
# nbgrader 0.9's list, with ClearAnswers in place of ClearSolutions; KeepMarksOut takes out of release/
# any highlights file or pretest.json nbgrader copied from source/ (marks you made there, likely the answer).
c.GenerateAssignment.preprocessors = [
    KeepMarksOut, IncludeHeaderFooter, InstantiateTests, LockCells, ClearAnswers, ClearOutput, CheckCellMetadata,
    ComputeChecksums, SaveCells, ClearHiddenTests, ClearMarkScheme, ComputeChecksums, CheckCellMetadata,
]

# Feedback shows scores and the printed feedback, not the hidden tests (the answer keys), what a
# code test with hidden parts printed (student code ran beside it), nor the notes for the grader
# (model answers, rubrics; autograded notebooks made by an older medialit hold them). Autograde leaves the
# hidden tests out of autograded/ already (above), so no feedback shows them even when this file stops loading.
# NameNoFeedback names each student who handed in but gets no page (grading failed, or not graded yet), and what
# to do; when no student has a page (nbgrader then says only "No notebooks were matched"), the log handler below
# names them.
hide = [] if SHOW_HIDDEN_TESTS else [DropHiddenTestOutput, ClearHiddenTestsInFeedback]
c.GenerateFeedback.preprocessors = [GetGrades, *hide, DropGraderNotes, NameNoFeedback, CSSHTMLHeaderPreprocessor]
c.GenerateFeedbackApp.logging_config = logging_config()
# The formgrader's Generate Feedback buttons (in the Jupyter server, which reads this file before each) too.
name_no_page_in_server()

# The formgrader shows the model answer and rubric from source/ below each written answer as it opens a
# submission; they are never written into autograded/, from which feedback is made.
c.HTMLExporter.preprocessors = [NotesForTheGrader]
'''


# ---------------------------------------------------------------- init and release


def find_solutions(start: Path | None = None) -> Path:
    """The ``solutions/`` folder of the medialit checkout (it is not in the wheel: it holds the keys)."""
    for base in [start or Path.cwd(), Path(__file__).resolve().parents[3]]:
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
    if folder is not None and (folder / ITEMS_FILE).is_file():  # its own items only: two exercises made from one
        return [it.sidecar for it in define_items(folder / ITEMS_FILE)]  # article share the prefix before a dash
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
    """Make a course directory: its own ``source/`` (so the formgrader can open it), config, gradebook, exchange."""
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
    (course / "exchange").mkdir()
    (course / "keys").mkdir()  # for keys of your own articles (`medialit draft-key --out keys/...`), closed below
    os.chmod(course / "exchange", 0o1777)  # everyone may hand in; sticky: nobody renames or deletes another's folder
    with gradebook(course / "gradebook.db", course_id):  # created and stamped here: no `alembic` on PATH needed
        pass
    _close(course)
    return course


CURRENT = {
    "NameNoFeedback, CSSHTMLHeaderPreprocessor]": "generate_feedback names each student who gets no page",
    "c.GenerateFeedbackApp.logging_config = logging_config()": "it names them also when it matches no notebook",
    "OverwriteReleasedCells, CheckCellMetadata": "autograde warns only about test cells a student changed",
    "name_no_page_in_server()": "the formgrader's Generate Feedback button names them too",
    "CheckCellMetadata, *([] if SHOW_HIDDEN_TESTS else [KeysOutOfAutograded])": (
        "plain `nbgrader autograde` and the formgrader's Autograde button leave no answer key for feedback"
    ),
    "c.BaseConverter.pre_convert_hook = private_work_folders_hook": (
        "autograde and generate_feedback make a work folder deleted by hand private again, not open to every account"
    ),
    "c.HTMLExporter.preprocessors = [NotesForTheGrader]": (
        "the model answers and rubrics are shown in the formgrader only, never written where feedback is made from"
    ),
}
"""What a course config made by this release has and an older one lacks: a line of it, what it gives."""

REFRESH = "`medialit course init {course} --refresh-config`"


def outdated_config(course_dir: str | Path) -> str:
    """One line when the course's ``nbgrader_config.py`` is from an older ``medialit course init``, else ""."""
    config = Path(course_dir) / "nbgrader_config.py"
    try:
        text = config.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return ""  # missing or unreadable: nbgrader and the commands that need it say so
    if "written by `medialit course init`" not in text:
        return ""  # a config of the instructor's own: not ours to judge
    missing = [why for name, why in CURRENT.items() if name not in text]
    if not missing:
        return ""
    return (
        f"{config} was written by an older medialit (without: {'; '.join(missing)}): run "
        f"{REFRESH.format(course=Path(course_dir))} to write this release's (yours is kept as nbgrader_config.py.old)"
    )


def _setting(tree: ast.Module, target: str, default: object) -> object:
    """The literal last assigned to ``target`` (``c.Execute.timeout``, ``SHOW_HIDDEN_TESTS``) in a config file."""
    found = default
    for node in tree.body:
        if isinstance(node, ast.Assign) and any(ast.unparse(t) == target for t in node.targets):
            with contextlib.suppress(ValueError):  # an expression of the instructor's own: keep the default
                found = ast.literal_eval(node.value)
    return found


def refresh_config(course_dir: str | Path) -> Path:
    """Write this release's ``nbgrader_config.py`` into an existing course; the old one becomes ``.old``.

    The course id, the cell timeout and whether feedback shows hidden tests are carried over; the highlights
    files never overwritten are listed again from ``source/`` (exercises added by ``new-exercise`` included).
    """
    course = Path(course_dir)
    config = course / "nbgrader_config.py"
    if not (course / "source").is_dir() or not config.is_file():
        raise CourseError(
            f"{course} is not a course directory (no source/ or nbgrader_config.py): "
            "give the folder `medialit course init` made"
        )
    try:
        tree = ast.parse(config.read_text(encoding="utf-8"))
    except (UnicodeDecodeError, SyntaxError) as error:
        raise CourseError(f"{config} does not read as Python ({error}); fix it or move it away first") from None
    course_id = _setting(tree, "c.CourseDirectory.course_id", COURSE_ID)
    timeout = _setting(tree, "c.Execute.timeout", DEFAULT_TIMEOUT)
    show = _setting(tree, "SHOW_HIDDEN_TESTS", False)
    names = assignments(course / "source")
    exclude = {name: sidecars(name, course / "source" / name) for name in names}
    text = CONFIG.format(
        course_id=str(course_id),
        timeout=int(timeout) if isinstance(timeout, int | float) and timeout >= 1 else DEFAULT_TIMEOUT,
        exclude=exclude,
        show_hidden=show is True,
    )
    shutil.copy2(config, course / "nbgrader_config.py.old")
    config.write_text(text, encoding="utf-8")
    return config


def _close(course: Path) -> None:
    """The keys (source/, keys/), the scores (gradebook.db) and the class's work (``WORK_FOLDERS``: hand-ins, graded
    notebooks, feedback pages, grading records) for the instructor's account alone.

    A home others may enter (0755 is still a default on some systems) would otherwise open all of them to
    every account on the machine; nbgrader and the formgrader run as the instructor, so they need no more.
    """
    private_work_folders(course)
    os.chmod(course / "source", 0o700)
    os.chmod(course / "keys", 0o700)
    os.chmod(course / "gradebook.db", 0o600)


def _not_sources(folder: str, names: list[str]) -> list[str]:
    """Leave out checkpoints, caches and any saved work (``saved_work``, as the release does: never in source/)."""
    return [n for n in names if saved_work(n) or n in {".ipynb_checkpoints", "__pycache__"}]


def nbgrader(course: Path, *args: str, timeout: float | None = None) -> subprocess.CompletedProcess:
    """Run the real ``nbgrader`` command in ``course`` (its alembic step needs our bin on PATH).

    nbgrader only logs a config file that fails to load and carries on with
    defaults (no timeout, sidecars overwritten): that is an error here.
    """
    done = subprocess.run(
        [_nbgrader_command(), *args],
        cwd=course,
        env=bin_on_path(),
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


def _last_error(text: str) -> str:
    """The most telling line of an nbgrader log: the last exception raised, else the last ERROR line."""
    lines = [line.strip() for line in text.strip().splitlines()]
    raised = [line for line in lines if re.match(r"^[\w.]*(Error|Exception|Timeout\w*): ", line)]
    errors = [line for line in lines if "ERROR" in line and "see the the above traceback" not in line]
    return (raised or errors or lines or ["no output"])[-1][:300]


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


from medialit.instructor.batch import (  # noqa: E402
    GradeRun,
    Outcome,
    grade,
    hidden_checks,
    scores_table,
    submissions,
    test_scores,
    write_csv,
)
from medialit.instructor.gradebook import db_url  # noqa: E402

__all__ = [
    "COURSE_ID",
    "CourseError",
    "GradeRun",
    "Outcome",
    "assignments",
    "db_url",
    "find_solutions",
    "generate_exercises",
    "grade",
    "gradebook",
    "hidden_checks",
    "init",
    "nbgrader",
    "release",
    "scores_table",
    "submissions",
    "test_scores",
    "write_csv",
]
