"""The course's nbgrader gradebook, used only through nbgrader's own API (SQLite or PostgreSQL alike).

Grading jobs write into private SQLite copies; ``merge`` then copies each
student into the course gradebook (many students per transaction), keeping what
a person graded by hand. Reading helpers give the scores the CLI and the report show.
"""

from __future__ import annotations

import difflib
import os
import shutil
import sys
import warnings
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import timedelta
from pathlib import Path
from typing import Any

COURSE_ID = "medialit"


class CourseError(ValueError):
    """A course directory that cannot be used as asked; the message says what to do."""


@contextmanager
def quiet() -> Iterator[None]:
    """nbgrader's own ORM use emits SQLAlchemy warnings that say nothing to an instructor."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        yield


def bin_on_path() -> dict[str, str]:
    """This environment with its ``bin`` first on PATH: nbgrader runs ``alembic`` from PATH."""
    env = dict(os.environ)
    env["PATH"] = f"{Path(sys.executable).parent}{os.pathsep}{env.get('PATH', '')}"
    return env


@contextmanager
def gradebook(where: Path | str, course_id: str = COURSE_ID) -> Iterator[Any]:
    """An open nbgrader Gradebook: a SQLite file, or a database URL. A new one is created and stamped."""
    from nbgrader.api import Gradebook

    os.environ["PATH"] = bin_on_path()["PATH"]
    url = where if isinstance(where, str) else f"sqlite:///{where}"
    with quiet(), Gradebook(url, course_id=course_id) as gb:
        yield gb


@contextmanager
def in_folder(folder: Path) -> Iterator[None]:
    """Work in ``folder``, then go back: nbgrader reads the course's config and its defaults (the course root,
    the gradebook's path) from the working folder."""
    old = Path.cwd()
    os.chdir(folder)
    try:
        yield
    finally:
        os.chdir(old)


def db_url(course: Path) -> str:
    """The course's gradebook URL, read as nbgrader reads it (default: ``<course>/gradebook.db``)."""
    from nbgrader.apps import NbGrader
    from nbgrader.coursedir import CourseDirectory

    app = NbGrader(log_level="CRITICAL", raise_config_file_errors=True)
    with in_folder(Path(course)), quiet():
        try:
            app.load_config_file()  # the Jupyter config folders, then the course's nbgrader_config.py
        except Exception as problem:  # any error in the instructor's config file
            raise CourseError(f"{Path(course) / 'nbgrader_config.py'} does not load: {problem}; fix it") from None
        url = CourseDirectory(parent=app).db_url
    if url.startswith("sqlite:///"):  # a relative file is relative to the course, where nbgrader runs
        url = f"sqlite:///{Path(course).resolve() / url.removeprefix('sqlite:///')}"
    return url


def course_config(course: Path) -> Any:
    """An nbgrader app holding the course's config as nbgrader's own commands read it there: the Jupyter config
    folders, then the course's ``nbgrader_config.py`` (a file that does not load is left out, as nbgrader leaves
    it). One reader, so every setting below comes from the same files."""
    from nbgrader.apps import NbGrader

    app = NbGrader(log_level="CRITICAL")
    with in_folder(Path(course)), quiet():
        app.load_config_file()
    return app


def max_handin_bytes(course: Path) -> int:
    """The bytes a hand-in may hold, as the course's nbgrader config sets them for the exchange
    (``CourseDirectory.max_dir_size``, in kB; nbgrader's default is 100 MB): grading takes no more than collecting."""
    from nbgrader.coursedir import CourseDirectory

    return 1000 * CourseDirectory(parent=course_config(course)).max_dir_size


def exchange_root(course: Path) -> Path:
    """The exchange folder the course's nbgrader config names (feedback is released there)."""
    return Path(course_config(course).config.Exchange.get("root", "/srv/nbgrader/exchange"))


def cell_timeout(course: Path) -> float | None:
    """The seconds a student's cell may run (``Execute.timeout`` as the course's config sets it), or None."""
    from nbgrader.preprocessors import Execute

    return Execute(config=course_config(course).config).timeout


def course_folder(path: str | Path) -> Path:
    """``path`` when it is a course directory (it has ``nbgrader_config.py``), else a ``CourseError``.

    Checked before anything is opened: nbgrader would create an empty ``gradebook.db`` in any folder.
    """
    course = Path(path)
    kept = [name for name in ("source/", "gradebook.db") if (course / name.rstrip("/")).exists()]
    if not (course / "nbgrader_config.py").is_file() and kept:  # a course whose config was deleted or renamed
        raise CourseError(
            f"{course.resolve()} has {' and '.join(kept)} but no nbgrader_config.py: restore it from your backup, "
            "or copy the one `medialit course init NEW` writes (run `medialit new-exercise --force` again for "
            "each exercise of your own: it adds its line)"
        )
    if not (course / "nbgrader_config.py").is_file():
        raise CourseError(
            f"{course.resolve()} is not a course directory (no nbgrader_config.py): run in the folder "
            "`medialit course init` made, or pass --course DIR"
        )
    return course


STATE = ".medialit"  # course-local grading state (never under autograded/, which feedback copies)
WORK_FOLDERS = ("submitted", "autograded", "feedback", STATE)
"""Where the class's work goes: hand-ins (``nbgrader collect``), graded notebooks, feedback pages (a full-marks page
explains every key mark) and ``course grade``'s records and copies of each hand-in."""


def private_work_folders(course: Path) -> list[str]:
    """Make each ``WORK_FOLDERS`` folder of ``course`` for the grader's account alone (0700, any umask): a missing one,
    and one every account may enter (a bit for others: nbgrader made it with the umask, 0755, or a medialit before
    leak24 did); returns the names of the folders that were open and are closed now.

    nbgrader and ``course grade`` make them with the umask (0755), and a course outside a closed home (a grader's home
    made 0755, a folder under /srv) let every account read every classmate's work (leak24: 32 files of 2 students).
    Whatever reads or writes them runs as the grader (nbgrader, the formgrader, ``release_feedback``, ``course
    grade``; on a hub the formgrader is a service run by the grader account, and students reach only the exchange);
    what nbgrader makes inside them keeps its modes, out of reach. A folder open to its group alone (0750: shared
    with fellow graders on purpose) is left as it is. grade25: a course made before leak24 kept its 0755 folders,
    which only ``medialit doctor`` named.
    """
    closed = []
    for name in WORK_FOLDERS:
        folder = course / name
        if not folder.exists():
            folder.mkdir()
            os.chmod(folder, 0o700)
        elif folder.is_dir() and not folder.is_symlink() and folder.stat().st_mode & 0o007:
            try:
                os.chmod(folder, 0o700)
            except PermissionError:  # another grader's folder: only its owner may; `medialit doctor` names it
                continue
            closed.append(name)
    return closed


def private_work_folders_hook(course: str | Path) -> Any:
    """nbgrader's ``BaseConverter.pre_convert_hook`` for the course config: before autograde or generate_feedback
    makes ``autograded/`` or ``feedback/``, every work folder is there, private (``private_work_folders``).

    grade25: a work folder deleted by hand was made again by nbgrader with the umask (0755), open to every account
    on the machine until the next ``course grade``; ``feedback/`` is made by nbgrader alone.
    """
    from functools import partial

    return partial(_private_before_converting, Path(course))


def _private_before_converting(course: Path, **_: object) -> None:
    private_work_folders(course)


def not_released(course: Path, assignment: str) -> str:
    """What to do about an assignment with no release: a typo of a released one, not generated yet, or none at all.

    Generating is the advice only when ``source/`` has the assignment: for a name it lacks, nbgrader's
    generate_assignment finds no notebook, and the useful answer is the names the course has.
    """
    released = sorted(p.name for p in (Path(course) / "release").glob("*") if p.is_dir())
    near = difflib.get_close_matches(assignment, released, n=1)
    if (Path(course) / "source" / assignment).is_dir():
        return f"{assignment} is not released in {course}: run `nbgrader generate_assignment {assignment}`"
    if near:
        return f"{assignment} is not released in {course}: did you mean {near[0]}? (released: {', '.join(released)})"
    sources = sorted(p.name for p in (Path(course) / "source").glob("*") if p.is_dir())
    return (
        f"{assignment} is not an assignment of {course} (no source/{assignment}): "
        f"its assignments are {', '.join(sources) or 'none yet'} (`medialit new-exercise ... --into` adds one)"
    )


def snapshot(course: Path, url: str, assignment: str, target: Path) -> Path:
    """The private gradebook every job starts from: the course's SQLite file, or the assignment copied out of
    another database (its assignment, notebook and cell rows: all that autograde reads)."""
    from nbgrader.api import MissingEntry

    if url.startswith("sqlite:///"):
        source = Path(url.removeprefix("sqlite:///"))
        if not source.is_file():
            raise CourseError(not_released(course, assignment))
        shutil.copy2(source, target)
        return target
    with gradebook(url) as main, gradebook(target) as copy:
        try:
            found = main.find_assignment(assignment)
        except MissingEntry:
            raise CourseError(not_released(course, assignment)) from None
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
        for sub in found.submissions:  # extensions: autograde counts lateness from them, the merge writes them back
            if sub.extension:  # (instr23: left out, a job graded late work without it and the merge erased it)
                copy.update_or_create_student(sub.student.id)
                copy.update_or_create_submission(assignment, sub.student.id, extension=sub.extension)
    return target


def generated(url: str, assignment: str) -> bool:
    """Whether ``generate_assignment`` recorded the assignment's notebooks in the gradebook: its release as autograde
    reads it (the cells, hidden tests and checksums), kept when ``release/ID`` is gone."""
    from nbgrader.api import MissingEntry

    if url.startswith("sqlite:///") and not Path(url.removeprefix("sqlite:///")).is_file():
        return False  # opening it would make an empty one
    with gradebook(url) as gb:
        try:
            return bool(gb.find_assignment(assignment).notebooks)
        except MissingEntry:
            return False


def release_gone(course: Path, assignment: str) -> str:
    """What to say when ``release/ID`` is gone but the gradebook holds the release (``generated``)."""
    return (
        f"release/{assignment} is gone (nbgrader generate_assignment, and the formgrader's Generate button, delete it "
        f"first, then refuse a source/{assignment} that gained or lost a cell once hand-ins are in the gradebook): "
        "graded from the gradebook's record of the release, as autograde grades; students who fetched it keep theirs. "
        f"To release it again, undo that cell change in source/{assignment}, then run `nbgrader generate_assignment "
        f"{assignment}`; a key fixed in source/ needs no new release"
    )


def deadlines(url: str, assignment: str) -> dict[str, str]:
    """``deadline_of`` every student with a submission of ``assignment`` in the gradebook, by student."""
    from nbgrader.api import MissingEntry

    with gradebook(url) as gb:
        try:
            found = gb.find_assignment(assignment)
        except MissingEntry:
            return {}
        return {s.student.id: _deadline(found.duedate, s.extension) for s in found.submissions}


def deadline_of(gb: Any, assignment: str, student: str) -> str | None:
    """The student's deadline as nbgrader counts lateness, the due date plus their extension ("" with no due date;
    None with no submission in the gradebook)."""
    from nbgrader.api import MissingEntry

    try:
        sub = gb.find_submission(assignment, student)
    except MissingEntry:
        return None
    return _deadline(sub.assignment.duedate, sub.extension)


def _deadline(due: Any, extension: Any) -> str:
    return "" if due is None else str(due + (extension or timedelta(0)))


@contextmanager
def one_commit(gb: Any) -> Iterator[None]:
    """nbgrader's API commits after every call (each commit an fsync): inside, they only flush, and
    everything is committed once at the end, or rolled back together on an error."""
    gb.db.commit = gb.db.flush
    try:
        yield
        del gb.db.commit
        gb.db.commit()  # the database may refuse only now: the session must then be rolled back too
    except BaseException:
        gb.db.__dict__.pop("commit", None)
        gb.db.rollback()
        raise


@dataclass
class Merged:
    """What the summary and grades.csv need of one merged submission, read while merging (no extra queries)."""

    kept: list[str]  # hand grades kept from an earlier grading of the same hand-in
    scores: dict[str, float]  # graded cell -> the points nbgrader's total counts (``counted_points``)
    by_hand: dict[str, float]  # cell still waiting for a person -> points it is worth
    late_penalty: float
    earlier: list[str] = field(default_factory=list)  # hand grades given to an earlier hand-in: flagged again
    over_auto: dict[str, tuple[float, float]] = field(default_factory=dict)  # cell -> (a person's score, grading's)


def merge(
    src: Any, dst: Any, assignment: str, student: str, points: dict[str, float], handed_in_again: bool = False
) -> Merged:
    """Copy one student's autograde results from a private gradebook into the course's (not committed).

    ``points`` (grade id -> points graded as data) wins over whatever the
    converter saved for a medialit item. Scores and comments a person gave in
    the formgrader are kept; a cell graded by hand is flagged for a person again
    when the student handed in again since (as ``nbgrader autograde`` does), and
    stays flagged through later gradings until a person saves a grade for it.
    Rows are matched by cell name within the submission's loaded notebooks (no
    query per cell) and nothing is flushed until the caller commits, so many
    students merge in one transaction. ``handed_in_again``: the hand-in changed since its last grading where
    nbgrader's timestamps cannot tell (work put into ``submitted/`` by hand has none).
    """
    from nbgrader.api import MissingEntry

    with dst.db.no_autoflush:
        sub = src.find_submission(assignment, student)
        person = sub.student
        try:  # each update_or_create commits: call them only when something changes (a commit is an fsync)
            known = dst.find_student(student)
            if (known.first_name, known.last_name) != (person.first_name, person.last_name):
                raise MissingEntry
        except MissingEntry:
            dst.update_or_create_student(student, first_name=person.first_name, last_name=person.last_name)
        again = False  # a new hand-in since the last grading: a hand grade judged the old one
        try:
            target = dst.find_submission(assignment, student)
            again = target.timestamp != sub.timestamp or handed_in_again
            if again or target.extension != sub.extension:
                raise MissingEntry
        except MissingEntry:
            target = dst.update_or_create_submission(
                assignment, student, timestamp=sub.timestamp, extension=sub.extension
            )
        src_names, dst_names = _names(src, assignment), _names(dst, assignment)
        ours = {dst_names[nb.notebook_id]: nb for nb in target.notebooks}
        merged = Merged([], {}, {}, 0.0)
        for notebook in sub.notebooks:
            into = ours[src_names[notebook.notebook_id]]
            into.late_submission_penalty = notebook.late_submission_penalty
            merged.late_penalty += float(notebook.late_submission_penalty or 0.0)
            grades = {dst_names[g.cell_id]: g for g in into.grades}
            for g in notebook.grades:
                _merge_grade(grades[src_names[g.cell_id]], g.auto_score, points, merged, dst_names, again)
            for name, t in grades.items():  # every cell of the course's row, as nbgrader's reads see it
                cell_type, max_score = dst_names[("cell", t.cell_id)]
                if (counted := counted_points(cell_type, t.auto_score, t.manual_score)) is not None:
                    merged.scores[name] = counted
                if t.needs_manual_grade:
                    merged.by_hand[name] = float(max_score)
            comments = {dst_names[c.cell_id]: c for c in into.comments}
            for c in notebook.comments:
                comments[src_names[c.cell_id]].auto_comment = c.auto_comment
    return merged  # the caller commits


def _merge_grade(
    t: Any, auto: float | None, points: dict[str, float], merged: Merged, names: dict, again: bool
) -> None:
    name = names[t.cell_id]
    if name in points:  # a medialit item: its score is the one graded as data, whatever ran before
        auto = points[name]
    t.auto_score = auto
    if t.manual_score is not None:  # flagged until a person saves a grade for this hand-in (the formgrader clears it)
        t.needs_manual_grade = again or bool(t.needs_manual_grade)
        (merged.earlier if t.needs_manual_grade else merged.kept).append(name)
        if auto is not None:  # a person's score over an autograded item: it counts, not the one graded now
            merged.over_auto[name] = (float(t.manual_score), float(auto))
    else:
        t.needs_manual_grade = auto is None and name not in points


def _names(gb: Any, assignment: str) -> dict:
    """Names of the assignment's notebooks and cells by row id, read once per open gradebook (rows are
    expired at every commit; reloading each cell for every student was most of the merge's time)."""
    cache = gb.__dict__.setdefault("_medialit_names", {})
    if assignment not in cache:
        names: dict = {}
        for nb in gb.find_assignment(assignment).notebooks:
            names[nb.id] = nb.name
            for cell in [*nb.grade_cells, *nb.task_cells, *nb.solution_cells]:
                names[cell.id] = cell.name
                names[("cell", cell.id)] = (getattr(cell, "cell_type", None), getattr(cell, "max_score", None))
        cache[assignment] = names
    return cache[assignment]


def record_zero(gb: Any, assignment: str, student: str) -> None:
    """A submission that could not be graded appears in the gradebook with no points and nothing to review."""
    gb.update_or_create_student(student)
    sub = gb.update_or_create_submission(assignment, student)
    for notebook in sub.notebooks:
        for g in notebook.grades:
            g.auto_score = 0.0
            g.needs_manual_grade = False
    gb.db.commit()


def max_points(course: Path, assignment: str) -> dict[str, float]:
    """The points each graded cell of the assignment is worth, by grade id."""
    with gradebook(db_url(course)) as gb:
        found = gb.find_assignment(assignment)
        return {c.name: float(c.max_score) for nb in found.notebooks for c in nb.grade_cells}


def counted_points(cell_type: str, auto_score: float | None, manual_score: float | None) -> float | None:
    """The points nbgrader's total counts for one graded cell: a person's score in the formgrader where one was
    given, else a code cell's auto score; None for a written answer nobody has graded yet. The summary of `course
    grade` adds these, so its total is the gradebook's (instr23: '6 points; hand grades kept' for a total of 7.5)."""
    if manual_score is not None:
        return float(manual_score)
    return float(auto_score or 0.0) if cell_type == "code" else None


def counted_scores(gb: Any, assignment: str, student: str) -> dict[str, float]:
    """Points of every graded cell of one submission as nbgrader's total counts them (``counted_points``)."""
    sub = gb.find_submission(assignment, student)
    counted = {
        g.name: counted_points(g.cell_type, g.auto_score, g.manual_score) for nb in sub.notebooks for g in nb.grades
    }
    return {name: points for name, points in counted.items() if points is not None}


def hand_graded(gb: Any, assignment: str, student: str) -> list[str]:
    """Cells of one submission holding a score a person gave in the formgrader (nbgrader's total counts it)."""
    sub = gb.find_submission(assignment, student)
    return [g.name for nb in sub.notebooks for g in nb.grades if g.manual_score is not None]


def to_grade_by_hand(gb: Any, assignment: str, student: str) -> dict[str, float]:
    """Cells of one submission still waiting for a person, with the points they are worth."""
    sub = gb.find_submission(assignment, student)
    return {g.name: float(g.max_score) for nb in sub.notebooks for g in nb.grades if g.needs_manual_grade}


def late_penalty(gb: Any, assignment: str, student: str) -> float:
    """The points nbgrader takes off this submission for lateness (0.0 when none): its export subtracts them."""
    return float(gb.find_submission(assignment, student).late_submission_penalty or 0.0)
