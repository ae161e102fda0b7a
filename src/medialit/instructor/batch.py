"""``medialit course grade``: every submission of an assignment graded into the one gradebook, N jobs at a time.

Each job is a ``medialit.instructor.grade_worker`` process working in a private folder:
copies of its students' submissions (taken before anything runs), the course
config and a private copy of the gradebook. Medialit items are graded as data;
a kernel runs only for test cells that are not medialit items, and then in the
sandbox. Results are merged into the course gradebook while the workers go on,
every student that has arrived in one transaction.
A submission that cannot be graded, or that stops its job, gets 0 and a
one-line reason; the batch goes on.
"""

from __future__ import annotations

import csv
import hashlib
import json
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable
from contextlib import ExitStack
from dataclasses import dataclass, field
from pathlib import Path
from queue import Empty, Queue
from typing import Any

from medialit import __version__
from medialit.core.article import ArticleError
from medialit.core.saved_work import SIDECAR_SUFFIX
from medialit.exercises.errors import AnswerError
from medialit.exercises.items import item
from medialit.exercises.key import KeyFormatError
from medialit.exercises.matching import as_key
from medialit.instructor import gradebook as books
from medialit.instructor.exchange import counted, links_in, no_links, no_links_or_junk, writable
from medialit.instructor.grade_data import NOT_SUBMITTED, Check, drop_byte_order_marks, renamed_notebooks
from medialit.instructor.grade_data import hidden_checks as _checks_in
from medialit.instructor.gradebook import CourseError
from medialit.instructor.lms_import import as_text

STATE = books.STATE
MERGE_AT_ONCE = 100  # students merged into the course gradebook in one transaction, at most
OUT_OF_TIME = "not run: the notebook ran out of time (raise Execute.timeout for slow work)"
REFUSED = "nothing written to the gradebook"  # a failure whose 0 the gradebook refused too (not a student dropped)
SECONDS_PER_STUDENT = 60  # a job that takes longer than this per student (plus its notebook's time) is stopped
MAX_HANDIN_ENTRIES = 1_000  # files and folders a hand-in may hold: grading copies each, before any timer runs


@dataclass
class Outcome:
    """One student's grading: points per test cell, and everything an instructor should know about it."""

    student: str
    ok: bool
    scores: dict[str, float] = field(default_factory=dict)  # graded cell -> points, as nbgrader's total counts them
    message: str = ""  # why the whole submission could not be graded
    failed_items: dict[str, str] = field(default_factory=dict)  # grade id -> why it scored 0
    by_hand: dict[str, float] = field(default_factory=dict)  # grade id -> points still to grade by hand
    kept: list[str] = field(default_factory=list)  # hand grades kept from an earlier grading
    earlier: list[str] = field(default_factory=list)  # hand grades given to an earlier hand-in, to check again
    late_penalty: float = 0.0
    over_time: bool = False  # stopped for taking longer than a student's time: nothing of it read to the end
    renamed: dict[str, str] = field(default_factory=dict)  # a notebook handed in renamed -> the released name graded
    over_auto: dict[str, tuple[float, float]] = field(default_factory=dict)  # hand score over grading's: both

    @property
    def status(self) -> str:
        """``graded``, ``failed: why`` or ``score lowered: why`` (one line, for the log and grades.csv)."""
        if not self.ok:
            return f"failed: {self.message}"
        why = [f"{cell}: {reason}" for cell, reason in self.failed_items.items()]
        if self.late_penalty:
            why.insert(0, f"late penalty -{self.late_penalty:g}")
        return f"score lowered: {'; '.join(why)}" if why else "graded"

    def to_json(self) -> dict[str, Any]:
        return {**self.__dict__, "status": self.status}


@dataclass
class GradeRun:
    assignment: str
    outcomes: list[Outcome]
    skipped: list[str]
    kernel: bool = False  # some test cells needed a kernel
    isolated: bool = True  # that kernel ran in the sandbox (always True when no kernel ran)
    key: str = ""  # the key version graded with (``key_version``)
    rekeyed: list[str] = field(default_factory=list)  # graded before with another key version: graded again
    redated: list[str] = field(default_factory=list)  # graded before with another due date or extension: again
    other_version: dict[str, str] = field(default_factory=dict)  # skipped, graded by another medialit: its version
    undated: list[str] = field(default_factory=list)  # their record kept no deadline (``_deadline_unsure``): again
    release_gone: str = ""  # release/ID is gone, the gradebook holds the release: what happened, what to do
    closed: list[str] = field(default_factory=list)  # work folders every account could enter, made private

    @property
    def failed(self) -> list[Outcome]:
        return [o for o in self.outcomes if not o.ok]


def submissions(course: Path, assignment: str) -> list[str]:
    folder = Path(course) / "submitted"
    return sorted(p.parent.name for p in folder.glob(f"*/{assignment}") if p.is_dir())


def hidden_checks(course: Path, assignment: str) -> list[Check]:
    """Every medialit item's hidden test in the assignment's source notebooks."""
    return _checks_in(Path(course) / "source" / assignment)


def state_file(course: Path, assignment: str, student: str) -> Path:
    return Path(course) / STATE / "graded" / assignment / f"{student}.json"


def graded_before(
    course: Path, assignment: str, student: str, state: dict[str, Any], key: str = "", deadline: str | None = None
) -> bool:
    """Graded already (``state``: its ``graded_state``), with this key version and this ``deadline`` (due date plus
    extension; None: not known), and the submission has not changed since (its timestamp is the same). A
    submission that failed is graded again: the cause may be gone (a locked gradebook, a stopped job)."""
    if not (course / "autograded" / student / assignment).is_dir():
        return False
    same_key = not key or state.get("key") == key  # a record from before key versions were kept: grade again
    same_deadline = deadline is None or (
        state.get("deadline", deadline) == deadline and not _deadline_unsure(state, deadline)  # older: see there
    )
    stamp = state.get("submitted") == _stamp(course, assignment, student)
    return bool(state.get("ok")) and same_key and same_deadline and stamp


def _deadline_unsure(state: dict[str, Any], deadline: str) -> bool:
    """A record from before deadlines were kept (f73c7e4) that a deadline could have changed: a due date is set now,
    or its grading took a late penalty. It was taken as graded with today's deadline, and an extension given since
    never counted (instr24)."""
    return bool(state.get("ok")) and "deadline" not in state and bool(deadline or state.get("late_penalty"))


def deadline_changes(course: str | Path, assignment: str) -> tuple[list[str], list[str]]:
    """Students graded with another due date or extension than the gradebook's now, and students whose grading
    recorded none though one could count (``_deadline_unsure``): their late penalty may be an old one."""
    course = Path(course)
    due = books.deadlines(books.db_url(course), assignment)
    states = {s: graded_state(course, assignment, s) for s in submissions(course, assignment) if s in due}
    changed = [s for s, st in states.items() if st.get("ok") and st.get("deadline", due[s]) != due[s]]
    return changed, [s for s, st in states.items() if _deadline_unsure(st, due[s])]


def graded_state(course: Path, assignment: str, student: str) -> dict[str, Any]:
    """What the last grading of this student recorded (empty when none or unreadable)."""
    try:
        state = json.loads(state_file(course, assignment, student).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return state if isinstance(state, dict) else {}


def key_version(checks: list[Check]) -> str:
    """A short fingerprint of the keys in the assignment's hidden tests: grades made with another are stale."""
    keys = [[c.notebook, c.grade_id, c.item, c.key] for c in checks]
    return hashlib.sha256(json.dumps(keys, sort_keys=True, default=repr).encode()).hexdigest()[:12]


def unusable_key(checks: list[Check]) -> str:
    """The first hidden test whose key does not fit its item's article (an article edited after the key was
    made: everyone would get 0) or has no required mark (an empty list would get full points), as one line; empty
    when every key can be graded with."""
    for check in checks:
        if unknown := unknown_item(check):
            return unknown
        try:
            it = item(check.item)
            key = as_key(it, check.key)
            problems = key.problems(it.load().body)
        except (KeyFormatError, AnswerError, ArticleError) as error:
            key, problems = None, [str(error)]
        if problems:
            return (
                f"the key in {check.grade_id} does not fit {check.item}'s article ({problems[0]}): restore the "
                "article, or rebuild the exercise from a key made on this text (python course/build.py, or "
                "medialit new-exercise --force)"
            )
        if key is not None and not key.required:
            return (
                f"every mark of the key in {check.grade_id} is optional, so an empty list would earn full points: "
                "make the marks students must find required (leave out `optional`) and rebuild the exercise"
            )
    return ""


def unknown_item(check: Check) -> str:
    """One line when a hidden test names an item no exercise has (a typo in its id), else empty: the key was never
    the fault, so "does not fit its article" and "restore the article" sent the instructor the wrong way."""
    from difflib import get_close_matches

    from medialit.exercises.items import known_items

    try:
        item(check.item)
    except AnswerError:
        pass
    else:
        return ""
    known = list(known_items())
    near = get_close_matches(str(check.item), known, n=1, cutoff=0.8)
    hint = f" (did you mean {near[0]}?)" if near else " (neither the kit's nor its medialit-items.json's)"
    return (
        f"the hidden test in {check.grade_id} of {check.notebook}.ipynb names no exercise item {check.item!r}{hint}: "
        "correct the id in that cell of the source notebook, or rebuild the exercise (python course/build.py, or "
        "medialit new-exercise --force)"
    )


def graded_with_another_key(course: str | Path, assignment: str) -> tuple[str, list[str]]:
    """The current key version, and the students whose recorded grading used another one."""
    course = Path(course)
    version = key_version(hidden_checks(course, assignment))
    states = {s: graded_state(course, assignment, s) for s in submissions(course, assignment)}
    return version, [s for s, state in states.items() if state and _key_of(state) != version]


def _key_of(state: dict[str, Any]) -> str:
    """The key version a grading record names ("none recorded" for a grading before versions were kept)."""
    return str(state.get("key") or "none recorded")


def not_in_report(course: Path, assignment: str, graded: list[str]) -> tuple[list[str], list[str], list[str]]:
    """Hand-ins the report's ``graded`` students (its grades.csv) leave out: students never graded, students graded
    but no longer in the gradebook (removed from it: ``nbgrader db student remove``), and students who handed in
    again since their grading (their scores, and the report, are the old hand-in's)."""
    left = [s for s in submissions(course, assignment) if s not in graded]
    dropped = [
        s for s in left if graded_state(course, assignment, s) or (course / "autograded" / s / assignment).is_dir()
    ]
    new = [s for s in left if s not in dropped]
    again = []
    for student in graded:
        stamp = graded_state(course, assignment, student).get("submitted")  # none: graded by plain nbgrader
        if stamp is not None and stamp != _stamp(course, assignment, student):
            again.append(student)
    return new, dropped, again


def handin_folder(course: Path, assignment: str, student: str) -> Path:
    """Where ``course grade`` keeps the copy of a student's hand-in it graded (links left out, as it read it)."""
    return Path(course) / STATE / "handins" / assignment / student


def graded_handin(course: Path, assignment: str, student: str) -> Path | None:
    """The hand-in whose answers the student's grades score, for whatever reads them again (``course report``).

    ``submitted/`` holds the latest hand-in, not the one graded: one handed in again since, a notebook that is a
    link (grading leaves links out: "not submitted"), a hand-in whose grading failed (0 points). The copy kept at
    grading (``handin_folder``) is the graded one; None when grading failed (its answers scored nothing). A student
    graded by plain nbgrader, or by a medialit that kept no copy, is read from ``submitted/`` as before.
    """
    state = graded_state(course, assignment, student)
    kept = handin_folder(course, assignment, student)
    if state and not state.get("ok"):
        return None
    if state and kept.is_dir():
        return kept
    return Path(course) / "submitted" / student / assignment


def stopped_for_time(course: Path, assignment: str, student: str) -> bool:
    """Whether grading this hand-in (the one in ``submitted/`` now) was stopped for taking longer than a student's
    time: whatever else reads it (``course report``) would take as long, with no one to stop it."""
    state = graded_state(course, assignment, student)
    return bool(state.get("over_time")) and state.get("submitted") == _stamp(course, assignment, student)


def _stamp(course: Path, assignment: str, student: str) -> str:
    return hand_in_stamp(course / "submitted" / student / assignment)


HASHED_UP_TO = 64 * 2**20  # bytes a stamp reads; files past them are told apart by their size and time of change


def hand_in_stamp(folder: Path, why: str | None = None) -> str:
    """What tells one hand-in from the next: its ``timestamp.txt`` (``nbgrader collect`` writes one per hand-in), or,
    for work put into ``submitted/`` by hand without one, a fingerprint of its files (links left out, as grading
    leaves them out). attack21: with no ``timestamp.txt`` every hand-in had the same empty stamp, so a corrected
    notebook put in place of the graded one was "already graded", its old 0 kept and reported without a word.
    ``why``: what ``too_big`` said of this folder, when the caller has walked it already (so it is walked once)."""
    stamp = folder / "timestamp.txt"
    if stamp.is_file() and not stamp.is_symlink():
        return stamp.read_text(encoding="utf-8", errors="replace").strip()[:100]
    if too_big(folder) if why is None else why:  # not graded: its files are not read again on every run
        return ""
    try:
        files = sorted((p.name, p, p.stat()) for p in folder.iterdir() if p.is_file() and not p.is_symlink())
    except OSError:
        return ""
    read, budget = set(), HASHED_UP_TO  # attack23: every file under 64 MB was read, 999 of them, on every run
    for name, _, info in sorted(files, key=lambda x: (x[2].st_size, x[0])):  # the notebooks and highlights first
        if info.st_size <= budget:
            read.add(name)
            budget -= info.st_size
    digest = hashlib.sha256()
    for name, path, info in files:  # in name order: a stamp recorded before attack23 stays the same
        digest.update(os.fsencode(name) + b"\0")
        if name not in read:
            digest.update(f"{info.st_size} {info.st_mtime_ns}".encode())
            continue
        try:
            with path.open("rb") as handle:
                digest.update(hashlib.file_digest(handle, "sha256").digest())
        except OSError:
            digest.update(b"unreadable")
    return f"files {digest.hexdigest()[:16]}"


def grade(
    course_dir: str | Path,
    assignment: str,
    *,
    jobs: int = 2,
    force: bool = False,
    progress: Callable[[int, int, str], None] | None = None,
) -> GradeRun:
    """Grade every submission not graded yet (all with ``force``), ``jobs`` at a time; resumable."""
    from medialit.instructor.grade_worker import kernel_cells
    from medialit.instructor.sandbox import isolation

    course = books.course_folder(course_dir).resolve()
    url = books.db_url(course)
    released = (course / "release" / assignment).is_dir()
    if not released and not books.generated(url, assignment):  # attack24: deleted by a generate_assignment that failed
        raise CourseError(books.not_released(course, assignment))
    students = submissions(course, assignment)
    if not students:
        raise CourseError(f"no submissions of {assignment} in {course / 'submitted'}")
    checks = hidden_checks(course, assignment)
    if problem := unusable_key(checks):
        raise CourseError(f"{course / 'source' / assignment}: {problem}; nothing was graded")
    version = key_version(checks)
    states = {s: graded_state(course, assignment, s) for s in students}  # each record read once
    # an extension or a due date given after grading changes the late penalty: those students are graded again
    due = books.deadlines(url, assignment)
    todo = [s for s in students if force or not graded_before(course, assignment, s, states[s], version, due.get(s))]
    skipped = [s for s in students if s not in todo]
    rekeyed = [s for s in todo if states[s].get("ok") and _key_of(states[s]) != version]
    redated = [
        s for s in todo if states[s].get("ok") and states[s].get("deadline", due.get(s)) != due.get(s) and s in due
    ]
    undated = [s for s in todo if s in due and _deadline_unsure(states[s], due[s])]
    kernel = bool(kernel_cells(course / "source" / assignment, checks))
    run = GradeRun(assignment, [], skipped, kernel, not kernel or bool(isolation()), version, rekeyed, redated)
    run.undated = undated
    run.release_gone = "" if released else books.release_gone(course, assignment)
    # after every refusal above, which changes nothing on disk (grade25: a refused key left autograded/ and .medialit/)
    run.closed = books.private_work_folders(course)  # missing ones made, open ones (an older course's) closed
    for student in skipped:  # an upgrade mid-term: their scores stand, and the instructor is told
        used = str(states[student].get("medialit") or "an older one")
        if used != __version__:
            run.other_version[student] = used
    if not todo:
        return run
    with tempfile.TemporaryDirectory(prefix="medialit-grade-") as tmp, books.gradebook(url) as main:
        first = books.snapshot(course, url, assignment, Path(tmp) / "gradebook.db")
        job = _Job(course, assignment, first, Path(tmp), run, checks, main)
        try:
            job.run_groups(_chunks(todo, jobs), progress, len(todo))
            while rest := [s for s in todo if s not in job.done and s not in job.stopped_on]:
                before = len(job.done) + len(job.stopped_on)  # a job stopped: the rest again, without its student
                job.run_groups(_chunks(rest, jobs), progress, len(todo))
                if len(job.done) + len(job.stopped_on) == before:
                    break
            # the students their jobs stopped on: each alone, `jobs` side by side (one after another, k of them
            # took k students' times, every other core idle)
            alone, width = [s for s in todo if s not in job.done], max(1, jobs)
            for at in range(0, len(alone), width):
                job.run_groups([[student] for student in alone[at : at + width]], progress, len(todo))
            for student in [s for s in todo if s not in job.done]:
                job.finish(student, None)
        finally:
            job.close()
    run.outcomes.sort(key=lambda o: o.student)
    return run


def _chunks(students: list[str], jobs: int) -> list[list[str]]:
    """One group of students per job: start-up (imports) is paid once per job."""
    jobs = max(1, min(jobs, len(students)))
    return [students[i::jobs] for i in range(jobs)]


def cut_for_time(folder: Path) -> dict[str, str]:
    """Test cells of the graded notebooks in ``folder`` that were not run: the notebook's time had run out.

    Their 0 is not the student's answer; without this the summary showed the total alone.
    """
    from medialit.instructor.nbgrader_output import NOT_RUN_NOTE, TIMED_OUT  # nbgrader loads only when grading

    cut = {}
    for path in sorted(folder.glob("*.ipynb")):
        try:
            cells = json.loads(path.read_text(encoding="utf-8")).get("cells", [])
        except (OSError, ValueError, AttributeError):
            continue
        for cell in cells:
            meta = cell.get("metadata", {}).get("nbgrader", {})
            timed_out = any(o.get("ename") == TIMED_OUT for o in cell.get("outputs", []))
            if meta.get("grade") and (timed_out or cell.get("metadata", {}).get(NOT_RUN_NOTE)):
                cut[str(meta.get("grade_id"))] = (
                    "not run: the notebook ran out of time (raise Execute.timeout for slow work)"
                )
    return cut


class _Job:
    """The work folders and worker processes of one ``grade`` call."""

    def __init__(self, course: Path, assignment: str, first: Path, tmp: Path, run: GradeRun, checks: list, main: Any):
        self.course, self.assignment, self.first, self.tmp, self.run = course, assignment, first, tmp, run
        self.checks, self.main = checks, main
        self.work_of: dict[str, Path] = {}
        self.links_of: dict[str, list[str]] = {}  # names in a student's hand-in that are links (left out)
        self.stamp_of: dict[str, str] = {}  # each student's hand-in as copied for grading (``hand_in_stamp``)
        self.too_big: dict[str, str] = {}  # students whose hand-in is too big to copy, and why (``too_big``)
        self.renamed_of: dict[str, dict[str, str]] = {}  # notebooks graded under their released name (renamed)
        self.unclear_of: dict[str, str] = {}  # a released notebook missing, several others holding its answers
        self.max_bytes = books.max_handin_bytes(course)
        self.done: set[str] = set()
        self.stopped_on: set[str] = set()  # students whose job stopped (or was stopped) while grading them
        self.over_time: set[str] = set()  # of those, the ones stopped for running over their time
        self.exit_of: dict[str, int | None] = {}  # of those, how their job's process ended the last time
        self._private: dict[Path, Any] = {}  # open private gradebooks, one per job folder
        self._open = ExitStack()

    def private(self, work: Path) -> Any:
        if work not in self._private:
            self._private[work] = self._open.enter_context(books.gradebook(work / "gradebook.db"))
        return self._private[work]

    def close(self) -> None:
        self._open.close()

    def prepare(self, students: list[str]) -> Path:
        """A private course copy: config, gradebook, source (read only by this process), the submissions."""
        work = Path(tempfile.mkdtemp(prefix="job-", dir=self.tmp))
        shutil.copy2(self.course / "nbgrader_config.py", work / "nbgrader_config.py")
        shutil.copy2(self.first, work / "gradebook.db")
        (work / "source").symlink_to(self.course / "source", target_is_directory=True)
        for student in students:
            target = work / "submitted" / student / self.assignment
            handed_in = self.course / "submitted" / student / self.assignment
            if why := too_big(handed_in, self.max_bytes):  # not copied: graded as not submitted, ``finish`` says why
                self.too_big[student] = why
                target.mkdir(parents=True, exist_ok=True)
                self.work_of[student], self.links_of[student] = work, []
                self.stamp_of[student] = hand_in_stamp(handed_in, why)
                continue
            stamp = None
            try:
                # links left out: one to source/ or gradebook.db would be read as the student's file and
                # copied, as its target, into autograded/ and so into the feedback released to the student
                shutil.copytree(self.course / "submitted" / student / self.assignment, target, ignore=no_links)
                writable(target)  # a read-only folder or notebook handed in (attack23)
                # the copy's stamp as handed in, before the mark is dropped and the notebook renamed below: for a
                # hand-in without timestamp.txt, the edited copy's never equalled submitted/'s (graded every run)
                stamp = hand_in_stamp(target, "")
                drop_byte_order_marks(target)  # a notebook saved by a Windows editor (attack24)
                renamed, self.unclear_of[student] = renamed_notebooks(target, self.course / "source" / self.assignment)
                for handed, released in renamed.items():  # File > Rename Notebook before handing in (attack24)
                    (target / handed).rename(target / released)
                self.renamed_of[student] = renamed
            except (OSError, shutil.Error):
                target.mkdir(parents=True, exist_ok=True)  # unreadable files: graded as not submitted
            self.work_of[student] = work
            # the hand-in graded, whatever arrives meanwhile
            self.stamp_of[student] = hand_in_stamp(target, "") if stamp is None else stamp
            self.links_of[student] = [p.name for p in links_in(handed_in) if p.parent == handed_in]
        return work

    def run_groups(self, groups: list[list[str]], progress: Any, total: int) -> None:
        """Start one worker per group; merge each student as its line arrives (the workers go on meanwhile).

        Each student has its own time (``seconds_per_student``, the first one a worker's start-up too): a worker
        that has not reported its student by then is stopped, and that student is the one it ``stopped_on``. The
        budget was the group's (a minute times its size), so one submission slow to grade (attack18: a name of
        megabytes, a notebook of thousands of long cells) held back every classmate of its job for up to an hour.
        """
        lines: Queue = Queue()
        budget = self.seconds_per_student()
        workers = [self._start(group, lines) for group in groups]
        due = [time.monotonic() + budget + SECONDS_PER_STUDENT for _ in workers]  # the first student: start-up too
        killed: set[int] = set()
        while any(reader.is_alive() for _, _, reader in workers) or not lines.empty():
            for at, (process, _, reader) in enumerate(workers):  # each time round: lines from others never hide it
                if reader.is_alive() and time.monotonic() > due[at] and process.poll() is None:
                    stop(process.pid)
                    killed.add(at)
            try:
                arrived = [lines.get(timeout=0.5)]
            except Empty:
                continue
            while len(arrived) < MERGE_AT_ONCE and not lines.empty():
                arrived.append(lines.get())
            for line in arrived:  # its next student's time starts now
                at = next((i for i, g in enumerate(groups) if line.get("student") in g), None)
                if at is not None:
                    due[at] = time.monotonic() + budget
            for line in self.finish_many(arrived):
                if progress:
                    progress(min(len(self.done), total), total, line["student"])
        for at, ((process, log, _), group) in enumerate(zip(workers, groups, strict=True)):
            process.wait()
            log.close()
            stopped = self._stopped_on(group)
            self.stopped_on |= stopped
            self.exit_of.update(dict.fromkeys(stopped, process.returncode))
            if at in killed:
                self.over_time |= stopped
            else:  # its last stop says what happened: over time with classmates, then a crash alone, is a crash
                self.over_time -= stopped

    def _stopped_on(self, group: list[str]) -> set[str]:
        """The student a group's worker was grading when it stopped (it grades them in order): the first not done."""
        return next(({s} for s in group if s not in self.done), set())

    def seconds_per_student(self) -> float:
        """Time one student may take in a job: their notebook's whole time, and its last cell's, on top."""
        if not self.run.kernel:
            return SECONDS_PER_STUDENT
        from medialit.instructor.nbgrader_output import notebook_seconds

        cell = books.cell_timeout(self.course)
        return SECONDS_PER_STUDENT + notebook_seconds(cell) + (cell or 0)

    def _start(self, group: list[str], lines: Queue) -> tuple[subprocess.Popen, Any, threading.Thread]:
        work = self.prepare(group)
        log = (work / "worker.log").open("w", encoding="utf-8")
        process = subprocess.Popen(
            [sys.executable, "-m", "medialit.instructor.grade_worker"],
            cwd=work,
            env=books.bin_on_path(),
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=log,
            text=True,
        )
        request = {"work": str(work), "assignment": self.assignment, "students": group, "kernel": self.run.kernel}
        request["isolated"] = self.run.isolated  # no sandbox here: the kernel runs unisolated (the CLI warns)
        assert process.stdin is not None and process.stdout is not None
        process.stdin.write(json.dumps(request))
        process.stdin.close()
        reader = threading.Thread(target=_read_lines, args=(process.stdout, lines, group), daemon=True)
        reader.start()
        return process, log, reader

    def finish_many(self, lines: list[dict]) -> list[dict]:
        """Merge every graded student that has arrived in one transaction (one commit, one fsync); when
        anything goes wrong, roll back and finish each student alone so one failure stays one student's."""
        good = [x for x in lines if not x["error"] and self._graded(x["student"])]
        try:
            with books.one_commit(self.main):
                merged = {x["student"]: self._merge(x) for x in good}
        except Exception:  # whatever it was, the one-by-one path below says whose it was
            merged = {}
        for line in lines:
            student = line["student"]
            if student in merged:
                self.done.add(student)
                self._record(self._outcome(student, line, merged[student]))
            else:
                self.finish(student, line)
        return lines

    def _graded(self, student: str) -> bool:
        work = self.work_of.get(student)
        return work is not None and (work / "autograded" / student / self.assignment).is_dir()

    def _merge(self, line: dict) -> books.Merged:
        student = line["student"]
        work = self.work_of[student]
        self._copy_autograded(work, student)
        points = {k: float(v["points"]) for k, v in line["items"].items()}
        before = graded_state(self.course, self.assignment, student).get("submitted")  # "": not known (older records)
        again = bool(before) and before != self.stamp_of.get(student, before)
        return books.merge(self.private(work), self.main, self.assignment, student, points, again)

    def _outcome(self, student: str, line: dict, merged: books.Merged) -> Outcome:
        outcome = Outcome(student, True, kept=merged.kept, earlier=merged.earlier, late_penalty=merged.late_penalty)
        outcome.failed_items = {k: v["reason"] for k, v in line["items"].items() if v["reason"]}
        outcome.failed_items |= cut_for_time(self.course / "autograded" / student / self.assignment)
        outcome.scores, outcome.by_hand = merged.scores, merged.by_hand
        outcome.renamed = self.renamed_of.get(student, {})
        outcome.over_auto = merged.over_auto
        return outcome

    def _record(self, outcome: Outcome) -> None:
        self._remember(outcome.student, outcome)
        self.run.outcomes.append(outcome)

    def finish(self, student: str, line: dict | None) -> None:
        """Merge one student into the course gradebook and folder, or record 0 with the reason."""
        self.done.add(student)
        main = self.main
        work = self.work_of.get(student)
        error = _why_stopped(work, self.exit_of.get(student)) if line is None else line["error"]
        if line is None and student in self.over_time:
            seconds = self.seconds_per_student()
            error = f"grading this submission took longer than {seconds:g} s and was stopped; 0 points"
        error = self._said_link(student, error)
        if self.unclear_of.get(student) and error.endswith(NOT_SUBMITTED):
            error = self.unclear_of[student]
        error = self._said_nested(student, error)
        if student in self.too_big and error:
            error = (
                f"the hand-in holds {self.too_big[student]}, which grading would copy on every run, holding up the "
                f"whole class: remove what is not the work from submitted/{student}/{self.assignment}/ and grade again"
            )
        outcome = Outcome(student, not error, message=error, over_time=line is None and student in self.over_time)
        if line is not None:
            outcome.failed_items = {k: v["reason"] for k, v in line["items"].items() if v["reason"]}
        try:
            if error or not self._graded(student):
                raise CourseError(error or "nbgrader wrote no autograded notebook")
            assert line is not None
            with books.one_commit(main):
                merged = self._merge(line)
            outcome = self._outcome(student, line, merged)
        except Exception as problem:  # this student's failure only: 0 points, say why, go on
            main.db.rollback()
            outcome.ok, outcome.message = False, one_line(problem)
            self._drop_autograded(student)
            self._zero(outcome)
        self._record(outcome)

    def _said_nested(self, student: str, error: str) -> str:
        """ "X.ipynb was not submitted", for a hand-in holding X.ipynb one folder down, says where it is and what to do.

        attack24: a hand-in unpacked into a folder of its own name (a zip from a learning platform, put into
        ``submitted/`` by hand) failed with "X.ipynb was not submitted", sending the grader to look for work that is
        there. nbgrader grades the released name at the top of the hand-in only; moving it is the grader's call."""
        if not error.endswith(NOT_SUBMITTED):
            return error
        name = error.removesuffix(NOT_SUBMITTED)
        handed_in = self.course / "submitted" / student / self.assignment
        found = sorted(
            p.parent.name for p in handed_in.glob(f"*/{name}") if not p.is_symlink() and not p.parent.is_symlink()
        )
        if not found or "/" in name:
            return error
        return (
            f"{error} at the top of the hand-in: it is in {found[0]}/: move it (and its highlights files) into "
            f"submitted/{student}/{self.assignment}/ itself and grade again"
        )

    def _said_link(self, student: str, error: str) -> str:
        """ "X.ipynb was not submitted", for a notebook handed in as a link (left out), says so and what to do."""
        for name in self.links_of.get(student, []):
            if error.startswith(f"{name}{NOT_SUBMITTED}"):
                return (
                    f"{name} is a link, and grading leaves links out (one could point at the keys): put the file "
                    f"itself in submitted/{student}/{self.assignment}/"
                )
        return error

    def _zero(self, outcome: Outcome) -> None:
        """Record 0 points in one transaction; when the database refuses even that, record nothing and say so."""
        main, student = self.main, outcome.student
        try:
            with books.one_commit(main):
                books.record_zero(main, self.assignment, student)
            outcome.scores = books.counted_scores(main, self.assignment, student)
            outcome.kept = books.hand_graded(main, self.assignment, student)  # still counted (instr24)
            outcome.by_hand = books.to_grade_by_hand(main, self.assignment, student)
            outcome.late_penalty = books.late_penalty(main, self.assignment, student)
        except Exception as problem:
            main.db.rollback()
            also = one_line(problem)
            said = REFUSED + ("" if also in outcome.message else f" ({also})")
            outcome.message = f"{outcome.message}; {said}"[:400]

    def _drop_autograded(self, student: str) -> None:
        """A failed student has no autograded notebook: its outputs would contradict the 0 in the gradebook (nor
        a kept hand-in: the report would count answers that scored nothing)."""
        writable(self.course / "autograded" / student / self.assignment)
        shutil.rmtree(self.course / "autograded" / student / self.assignment, ignore_errors=True)
        shutil.rmtree(handin_folder(self.course, self.assignment, student), ignore_errors=True)

    def _copy_autograded(self, work: Path, student: str) -> None:
        """The graded notebooks, beside the files as submitted (links left out).

        Not the rest of the kernel's folder: a student's code there could leave links (to ``source/``,
        the gradebook), pipes, or the hidden tests it saw run written into a file, and
        ``generate_feedback`` copies the folder, following links, to the student.
        """
        target = self.course / "autograded" / student / self.assignment
        if target.exists():
            writable(target)  # graded before attack23: kept the hand-in's read-only modes
            shutil.rmtree(target)
        submitted = work / "submitted" / student / self.assignment
        shutil.copytree(submitted, target, ignore=no_links_or_junk)  # no locks, checkpoints, caches (attack24)
        writable(target)
        keep_handin(submitted, handin_folder(self.course, self.assignment, student))
        graded = work / "autograded" / student / self.assignment
        for notebook in submitted.glob("*.ipynb"):
            if (graded / notebook.name).is_file() and not (graded / notebook.name).is_symlink():
                shutil.copyfile(graded / notebook.name, target / notebook.name)
            else:  # not a notebook of the assignment (a File > Duplicate copy): nbgrader skipped it, and
                # generate_feedback would stop on it, with no page for the student (instr23); it stays in submitted/
                (target / notebook.name).unlink(missing_ok=True)

    def _remember(self, student: str, outcome: Outcome) -> None:
        path = state_file(self.course, self.assignment, student)
        path.parent.mkdir(parents=True, exist_ok=True)
        # the stamp of the copy graded, not of submitted/ now: a hand-in collected while the job ran was recorded as
        # graded, and never graded (attack21)
        stamp = self.stamp_of.get(student, _stamp(self.course, self.assignment, student))
        data = {**outcome.to_json(), "submitted": stamp, "key": self.run.key}
        if outcome.ok and (deadline := books.deadline_of(self.main, self.assignment, student)) is not None:
            data["deadline"] = deadline  # due date + extension graded with: a change grades the student again
        data["medialit"] = __version__
        path.write_text(json.dumps(data, indent=1), encoding="utf-8")
        if not outcome.ok:
            self._keep_log(student)

    def _keep_log(self, student: str) -> None:
        work = self.work_of.get(student)
        log = work / "worker.log" if work else None
        if log and log.is_file():
            target = self.course / STATE / "logs" / self.assignment / f"{student}.log"
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(log, target)


def too_big(folder: Path, max_bytes: int | None = None, max_entries: int = MAX_HANDIN_ENTRIES) -> str:
    """Why a hand-in is too big to grade ("" when it is not): more than ``max_entries`` files and folders, or files of
    more than ``max_bytes`` (``None``: any size). One walk (``exchange.counted``, the collector's count too), without
    following links; it stops at the first limit.

    attack21: grading copies a hand-in in the grading process itself, before a job starts and its timer with it
    (then once more into ``autograded/``): 20,000 empty files took 21 s a copy on a busy 2-core machine, so one
    student's folder of a few hundred thousand held up every classmate's grading for many minutes, and again on each
    run. attack22: bytes too: 1.5 GB in 15 files held the classmates of its job up 16 s (graded at 29 s instead of
    13 s) and put 1.5 GB into ``autograded/`` and 1.5 GB more into ``feedback/``, on every run; a folder under the
    1,000 files could hold hundreds of GB. No honest hand-in comes near either: a notebook, its highlights, the data
    files its code reads; and ``nbgrader submit`` takes no more than the course's ``max_dir_size`` (100 MB).
    """
    entries, size = counted(folder, max_bytes, max_entries)
    if entries > max_entries:
        return f"more than {max_entries:,} files and folders"
    if max_bytes is not None and size > max_bytes:
        limit = f"{max_bytes / 1e6:,.0f} MB a hand-in may (CourseDirectory.max_dir_size)"
        return f"{size / 1e6:,.0f} MB, more than the {limit}"
    return ""


def keep_handin(submitted: Path, kept: Path) -> None:
    """Keep, for the report to read again, what grading read of a hand-in: its notebooks and highlights files at the
    top of the folder (a highlights file over the reader's cap is not read: left out too; links left out).

    attack21: the kept copy held everything handed in, a second copy in the course folder of a 200 MB video or a
    folder of thousands of files (beside the one in ``autograded/``), for every student and every grading.
    """
    from medialit.exercises.answer import MAX_SIDECAR_BYTES

    if kept.exists():
        shutil.rmtree(kept)
    kept.mkdir(parents=True)
    for path in submitted.iterdir():
        if path.is_symlink() or not path.is_file():
            continue
        if path.suffix == ".ipynb" or (SIDECAR_SUFFIX in path.name and path.stat().st_size <= MAX_SIDECAR_BYTES):
            shutil.copyfile(path, kept / path.name)


def stop(pid: int) -> None:
    """Kill a worker and every process under it, as they are now.

    A sandboxed kernel dies with its worker (bubblewrap's ``--die-with-parent``); without the sandbox (bubblewrap
    cannot run: the command warns), the kernel runs in a session of its own and what its cells started went on
    running after the worker was killed (verify18a: two ``sleep`` processes per stopped student, found by ps).
    """
    tree, children = [pid], _children()
    for parent in tree:  # grows as it goes: each process's children after it
        tree += children.get(parent, [])
    for each in tree:
        try:
            os.kill(each, signal.SIGKILL)
        except OSError:  # gone already, or not ours
            continue


def _children() -> dict[int, list[int]]:
    """Every running process's children, by parent id (read from /proc; empty where there is none)."""
    found: dict[int, list[int]] = {}
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text(encoding="utf-8", errors="replace").rsplit(")", 1)[1].split()
        except (OSError, IndexError):
            continue
        found.setdefault(int(fields[1]), []).append(int(stat.parent.name))
    return found


def _read_lines(stream: Any, lines: Queue, group: list[str]) -> None:
    """Queue the worker's result lines: one per student of its ``group``, in the group's order (as it grades).

    Any other line is not a result: a stray print from a library, or a line a student's kernel wrote to name a
    classmate's points (the worker keeps its results away from kernels too: ``grade_worker.result_stream``).
    """
    expected = iter(group)
    wanted = next(expected, None)
    for text in stream:
        try:
            line = json.loads(text)
        except ValueError:
            continue
        if wanted is not None and isinstance(line, dict) and line.get("student") == wanted:
            lines.put(line)
            wanted = next(expected, None)


def one_line(problem: BaseException) -> str:
    """Why something failed, in one line: a database error's own words, without the SQL SQLAlchemy appends."""
    text = " ".join((str(problem) or type(problem).__name__).split())
    return text.split(" [SQL: ")[0][:300]


NOT_A_CAUSE = ("Kernel is running over TCP without encryption",)  # what every kernel logs, whatever happens next


def _why_stopped(work: Path | None, returncode: int | None = None) -> str:
    """One line on a job that stopped before reporting this student, even alone: how its process ended (a signal
    from outside medialit, which stops a job only for time: a kernel without the sandbox, the system out of
    memory) and the last line of its log that says anything."""
    text = (work / "worker.log").read_text(encoding="utf-8", errors="replace") if work else ""
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    last = [line for line in lines if not any(noise in line for noise in NOT_A_CAUSE)][-1:]
    how = []
    if returncode is not None and returncode < 0:
        try:
            how.append(f"killed by {signal.Signals(-returncode).name}, not for time")
        except ValueError:
            how.append(f"killed by signal {-returncode}, not for time")
    elif returncode:
        how.append(f"exit status {returncode}")
    how.append(f"last log line: {last[0][:200]}" if last else "nothing in its log")
    return f"grading this submission stopped its job ({'; '.join(how)}); 0 points"


# ---------------------------------------------------------------- reading results


def test_scores(course: Path, assignment: str, student: str) -> dict[str, float]:
    """Points of every graded cell of one submission, by grade id, as nbgrader's total counts them."""
    with books.gradebook(books.db_url(Path(course))) as gb:
        return books.counted_scores(gb, assignment, student)


def without_handin(course_dir: str | Path, assignment: str) -> tuple[list[str], float]:
    """Students in the gradebook (the roster, or graded in another assignment) with no hand-in of ``assignment`` in
    ``submitted/``, and the assignment's points: ``nbgrader export`` gives each of them 0 of those, the report has
    no row for them (instr24: a student in assignment 1 but not 2 was in one file and not the other, unsaid)."""
    course = Path(course_dir)
    handed = set(submissions(course, assignment))
    with books.gradebook(books.db_url(course)) as gb:
        students = sorted(s.id for s in gb.students if s.id not in handed)
    return students, sum(books.max_points(course, assignment).values())


def scores_table(course_dir: str | Path, assignment: str) -> list[dict[str, Any]]:
    """One row per graded student: every graded cell's score (auto or manual), the total and the status.

    The total is nbgrader's: the cells' sum less the late penalty, never below 0 (as ``nbgrader export``)."""
    from nbgrader.api import MissingEntry

    course = Path(course_dir)
    rows = []
    with books.gradebook(books.db_url(course)) as gb:
        for student in submissions(course, assignment):
            try:
                sub = gb.find_submission(assignment, student)
            except MissingEntry:
                status = _status(course, assignment, student)
                if status.startswith("failed") and REFUSED in status:  # the gradebook refused even its 0: listed
                    rows.append({"student": student, "total": 0.0, "status": status})
                continue
            row: dict[str, Any] = {"student": student}
            for nb in sub.notebooks:
                for g in sorted(nb.grades, key=lambda g: g.name):
                    row[g.name] = float(g.score)
            raw = sum(v for k, v in row.items() if k != "student")
            row["total"] = round(max(0.0, raw - float(sub.late_submission_penalty or 0.0)), 2)
            row["status"] = _status(course, assignment, student)
            rows.append(row)
    return rows


def _status(course: Path, assignment: str, student: str) -> str:
    """The status line of the student's grading record; without one, nbgrader graded the student by itself."""
    state = graded_state(course, assignment, student)
    return str(state["status"]) if "status" in state else "graded outside medialit (plain nbgrader autograde)"


def write_csv(rows: list[dict[str, Any]], path: Path) -> Path:
    keys = list(dict.fromkeys(k for row in rows for k in row))
    last = [k for k in ("total", "status") if k in keys]
    columns = [k for k in keys if k not in last] + last  # whichever row comes first (a failed one has no cells)
    with path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.DictWriter(handle, fieldnames=columns)
        writer.writeheader()
        writer.writerows({key: as_text(value) for key, value in row.items()} for row in rows)
    return path
