"""``nbgrader collect`` without links: what a student leaves in the exchange cannot fetch the grader's files.

(``HandInFeedback``, at the end, is Release Feedback for a course where some hand-ins came outside the exchange.)

Students write their own folder in the exchange's ``inbound/`` (that is how
``nbgrader submit`` works), and nbgrader's collect copies it with the grader's
rights, following links. A link named like the notebook brought the grader's
``source/`` notebook in as the submission (solutions and keys included); one to
another student's folder brings their work; one to ``/dev/zero`` never ends.
This collector leaves every link out, says so in the log, and then copies as
nbgrader does (size limit, ignore and include patterns, group sharing). It
leaves out named pipes, sockets and devices too: copying one fails (and stopped
the collect for every later student) or never ends.

It also trusts a submission's name and time less than nbgrader does. The folder
name says whose work it is, and any student can create ``alice+ex01+...`` in
``inbound/``: nbgrader only warns ("cheating attempt?") and collects it as
Alice's, and with a far-future time in the name it stays her latest for good.
A folder that belongs to another person than the one it names is left out
(folders of the grader running collect are kept: a laptop course's own tests).
Where the owner's uid has no name here (Kubernetes pods with numeric uids),
nbgrader's warning is all there is. The hand-in time is ``timestamp.txt``, which
the student writes too: an empty, unreadable or early time (work changed after
the due date inside a folder handed in before it) is replaced by the last time
anything in the folder changed (its ctime, which no student can set back).
"""

from __future__ import annotations

import datetime
import glob
import os
import shutil
import stat
import tempfile
from fnmatch import fnmatch
from pathlib import Path

from dateutil.tz import gettz
from nbgrader.exchange.default.collect import ExchangeCollect
from nbgrader.exchange.default.release_feedback import ExchangeReleaseFeedback
from nbgrader.utils import parse_utc

try:
    import pwd
except ImportError:  # Windows: no owners to check, as in nbgrader
    pwd = None

NOT_THEIRS = "\0not-theirs"  # the user name given to a folder left out: never a student, never copied
SKEW = datetime.timedelta(minutes=10)  # a claimed time this much before the files' last change is not believed


def _left_out(path: str) -> bool:
    """A link, or neither a file nor a folder (a named pipe, a socket, a device: copying one fails or never ends)."""
    return os.path.islink(path) or not (os.path.isfile(path) or os.path.isdir(path))


def links_in(folder: str | Path) -> list[Path]:
    """Every link (and named pipe, socket or device) under ``folder``, never following a link."""
    found = []
    for where, dirs, files in os.walk(folder, followlinks=False):
        found += [Path(where, name) for name in dirs + files if _left_out(os.path.join(where, name))]
    return found


def no_links(folder: str, names: list[str]) -> set[str]:
    """``shutil.copytree``'s ``ignore``: the names in ``folder`` that are links, named pipes, sockets or devices."""
    return {name for name in names if _left_out(os.path.join(folder, name))}


LEFT_BEHIND = [".ipynb_checkpoints", "*.pyc", "__pycache__", "feedback", ".*.json.lock"]
"""nbgrader's ``CourseDirectory.ignore`` (what its collect, autograde and feedback never copy) and the highlighter's
lock files (``core.sidecar.locked``: ``.NAME.highlights.json.lock``, empty, beside every highlights file saved).
The course config sets it; ``course grade``'s copy into ``autograded/`` leaves the same out (``no_links_or_junk``)."""


def no_links_or_junk(folder: str, names: list[str]) -> set[str]:
    """``no_links``, and the names ``LEFT_BEHIND`` matches: a copy into ``autograded/`` (and so ``feedback/``).

    attack24: the highlighter's lock files, JupyterLab's checkpoints and Python's caches went with a hand-in into
    ``autograded/``, and the locks on into the feedback released to the student."""
    return no_links(folder, names) | {name for name in names if any(fnmatch(name, p) for p in LEFT_BEHIND)}


def writable(top: str | Path) -> None:
    """Give every folder under ``top`` (``top`` too) and every file its owner's rights to read, write and enter, links
    left alone: a copy of a hand-in the grader can write into, replace and remove.

    A copy keeps the modes of what it copies (``shutil.copytree``, as nbgrader's submit and collect copy): attack23, a
    student who made a folder or the notebook read-only before handing in (to keep the work from changing) passed the
    first grading, and then, for a grader who is not root (a hub's grader account), every later one failed with 0,
    "[Errno 13] Permission denied", on replacing the graded copy (``--force``, a key fixed, a new hand-in); a read-only
    notebook failed at once; and collecting that student again stopped ``nbgrader collect`` for every classmate after.
    """
    top = Path(top)
    for where, dirs, files in os.walk(top, followlinks=False):
        if where == str(top):
            _give(where, 0o700)
        for name in dirs:  # before os.walk enters it
            _give(os.path.join(where, name), 0o700)
        for name in files:
            _give(os.path.join(where, name), 0o600)


def _give(path: str, bits: int) -> None:
    try:
        mode = os.lstat(path).st_mode
        if not stat.S_ISLNK(mode) and mode & bits != bits:
            os.chmod(path, stat.S_IMODE(mode) | bits)
    except OSError:  # not the grader's (a folder of the student's in inbound/): left as it is
        pass


def counted(folder: str | Path, max_bytes: int | None = None, max_entries: int | None = None) -> tuple[int, int]:
    """The files and folders under ``folder``, and the bytes of its files (links neither followed nor counted, as
    nbgrader counts; bytes only with a ``max_bytes``), in one walk that stops as soon as either passes its limit.

    The one count of a hand-in's size: the collector's (``bytes_over``) and grading's (``batch.too_big``), each
    walk of its own until attack23."""
    entries = size = 0
    for where, dirs, files in os.walk(folder, followlinks=False):  # a folder it cannot read counts as empty
        entries += len(dirs) + len(files)
        if max_entries is not None and entries > max_entries:
            break
        for name in files if max_bytes is not None else ():
            try:
                info = os.lstat(os.path.join(where, name))
            except OSError:
                continue
            size += info.st_size if stat.S_ISREG(info.st_mode) else 0
            if max_bytes is not None and size > max_bytes:
                return entries, size
    return entries, size


def bytes_over(folder: str | Path, limit: int) -> int | None:
    """The bytes of the files under ``folder`` when they pass ``limit`` (``counted``), else None."""
    size = counted(folder, max_bytes=limit)[1]
    return size if size > limit else None


def owner_name(path: str) -> str | None:
    """The user name owning ``path`` (not following a link); ``None`` when its uid has no name here."""
    try:
        return pwd.getpwuid(os.lstat(path).st_uid).pw_name if pwd else None
    except KeyError:
        return None


def last_change(folder: str | Path) -> datetime.datetime:
    """The latest ctime of ``folder`` and anything in it, in UTC: a student can set mtimes back, never ctimes."""
    times = [os.lstat(folder).st_ctime]
    for where, dirs, files in os.walk(folder, followlinks=False):
        times += [os.lstat(os.path.join(where, name)).st_ctime for name in dirs + files]
    return datetime.datetime.fromtimestamp(max(times), datetime.UTC)


def claimed_time(folder: str | Path) -> datetime.datetime | None:
    """The hand-in time ``timestamp.txt`` gives, as nbgrader reads it (``parse_utc``: naive, UTC where the zone is
    known); ``None`` when missing, empty or unreadable."""
    try:
        text = Path(folder, "timestamp.txt").read_text(encoding="utf-8").strip()
        return parse_utc(text) if text else None
    except (OSError, ValueError, OverflowError, TypeError):
        return None


class LinkSafeCollect(ExchangeCollect):
    """nbgrader's collect, on a copy of each submission with its links left out, from folders that belong to the
    student they name, with a hand-in time no earlier than the folder's last change."""

    def _path_to_record(self, path: str) -> dict:
        record = super()._path_to_record(path)
        owner = owner_name(path) if self.check_owner else None
        if owner is not None and owner != record["username"] and os.lstat(path).st_uid != os.geteuid():
            self.log.warning("Left out %s: it names %s but belongs to %s", path, record["username"], owner)
            record["username"] = NOT_THEIRS
        elif (size := bytes_over(path, 1000 * self.coursedir.max_dir_size)) is not None:
            # nbgrader's copy raised "Directory size is too big" here: the collect stopped with a traceback and every
            # classmate after this folder was left in the exchange (attack22). ``nbgrader submit`` refuses such a
            # folder, so only one made by hand in inbound/ gets here; an earlier hand-in of the student is collected
            self.log.warning(
                "Left out %s: it holds %s MB, more than the %s MB a hand-in may (CourseDirectory.max_dir_size, "
                "which nbgrader submit enforces too)",
                path,
                f"{size / 1e6:,.0f}",
                f"{self.coursedir.max_dir_size / 1000:,.0f}",
            )
            record["username"] = NOT_THEIRS
        return record

    def copy_files(self) -> None:
        from medialit.instructor.gradebook import private_work_folders

        private_work_folders(Path(self.coursedir.root))  # submitted/ deleted by hand: not made again open (grade25)
        self.src_records = [r for r in self.src_records if r["username"] != NOT_THEIRS]
        for record in self.src_records:  # nbgrader removes an earlier hand-in before copying the new one
            submitted = self.coursedir.format_path(
                self.coursedir.submitted_directory, record["username"], self.coursedir.assignment_id
            )
            if os.path.isdir(submitted) and not os.path.islink(submitted):
                writable(submitted)  # collected read-only by an earlier medialit or by nbgrader itself
        super().copy_files()

    def do_copy(self, src: str, dest: str, log: object = None) -> None:
        self._copy_without_links(src, dest, log)
        writable(dest)
        stamp, claimed = self.stamp(last_change(src)), claimed_time(dest)
        if claimed is None or claimed + SKEW < parse_utc(stamp):
            Path(dest, "timestamp.txt").write_text(stamp, encoding="utf-8")
            self.log.warning(
                "%s: hand-in time %s, when its files last changed (timestamp.txt said %s)",
                src,
                stamp,
                claimed or "nothing usable",
            )

    def stamp(self, when: datetime.datetime) -> str:
        """What nbgrader's submit writes at ``when``, in the course's ``Exchange.timezone`` and format: compared
        and written as nbgrader reads it. A zone name nbgrader cannot read back (``PST``, ``CST``) reads as UTC,
        for the due date as for every hand-in; a time in true UTC made an honest hand-in in Los Angeles 8 hours
        late."""
        return when.astimezone(gettz(self.timezone)).strftime(self.timestamp_format)

    def _copy_without_links(self, src: str, dest: str, log: object = None) -> None:
        links = links_in(src)
        if not links:
            super().do_copy(src, dest, log)
            return
        for link in links:
            what = f"a link (to {os.readlink(link)})" if os.path.islink(link) else "not a file or a folder"
            self.log.warning("Left out %s: %s; submissions are collected without links", link, what)
        if self.get_size(src) > 1000 * self.coursedir.max_dir_size:  # before copying anything, as nbgrader does
            super().do_copy(src, dest, log)  # raises nbgrader's own "too big" error
        with tempfile.TemporaryDirectory() as staging:
            clean = Path(staging, Path(src).name)
            shutil.copytree(src, clean, ignore=no_links)
            super().do_copy(str(clean), dest, log)


class HandInFeedback(ExchangeReleaseFeedback):
    """nbgrader's Release Feedback, for every student who handed in through the exchange; the others are named.

    nbgrader files a student's feedback under a hash of the ``submission_secret.txt`` that ``nbgrader submit``
    wrote, and reads the hand-in's ``timestamp.txt``: a hand-in put into ``submitted/`` by hand (from a learning
    platform, as on a laptop course) has neither, and nbgrader stopped with a ``FileNotFoundError`` traceback,
    releasing nobody after it. Such a student cannot fetch feedback from this exchange anyway: one line says to
    hand them the page, and the others are released as nbgrader releases them.
    """

    def copy_files(self) -> None:
        by_hand = {}
        for page in sorted(Path(p) for p in glob.glob(os.path.join(self.src_path, "*.html"))):
            lacks = [n for n in ("submission_secret.txt", "timestamp.txt") if not (page.parent / n).is_file()]
            if lacks:
                by_hand.setdefault(page.parent.parent.name, []).append((page, lacks))
        for student, pages in by_hand.items():
            for page, lacks in pages:
                self.log.warning(
                    "%s: not released (handed in outside the exchange: no %s beside the submission); "
                    "give the student %s yourself",
                    student,
                    " or ".join(lacks),
                    page,
                )
        excluded = self.coursedir.student_id_exclude
        self.coursedir.student_id_exclude = ",".join(filter(None, [excluded, *by_hand]))
        try:
            super().copy_files()
        finally:
            self.coursedir.student_id_exclude = excluded
