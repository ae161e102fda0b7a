"""Sidecar files: a Highlighter's marks saved beside the notebook, so they outlive the browser.

Autograde re-executes a notebook with no browser at all: whatever a student
marked only in the widget would be lost. The widget therefore writes every
change to a small JSON file next to the notebook, and a new Highlighter with
the same ``save_to`` starts from it.

Format ``medialit-highlights``, version 2 (also in ``docs/sidecar-format.md``)::

    {
      "format": "medialit-highlights",
      "version": 2,
      "article": "stoere-putin-call",          # Article.id
      "body_sha256": "…",                        # SHA-256 of the UTF-8 body the offsets refer to
      "mode": "spans",                           # or "sentences"
      "spans": [{"start": 0, "end": 5, "label": "source"}, …],
      "sentences": [{"start": 0, "end": 80, "label": "attributed"}, …],
      "links": [{"source_start": 0, "source_end": 5, "source_label": "source",
                 "cue_start": 6, "cue_end": 10, "cue_label": "cue",
                 "speaker": "Jonas Gahr Støre", "kind": "indirect"}, …],
      "saved_at": "2026-11-27T07:00:00+00:00",   # ISO 8601, UTC
      "saved_by": "student1",                    # JUPYTERHUB_USER, else the login name
      "saved_before_by": ["student2"]            # only when others saved this file before (``write``)
    }

Version 1 files (no ``links``) are read as they are, with no links; the next
write makes them version 2. Both versions are one JSON Schema,
``core/schemas/sidecar.schema.json``, read through ``medialit.core.jsonfile``.
Offsets are Python string indices (code points) into ``Article.body``, the
gold format's spans. Writes are atomic (a temporary file in the same folder,
then ``os.replace``), so a crash never leaves half a file. A file that cannot be
used (not JSON, another format or version, or saved for a different text) is
renamed to ``<name>.bak-<timestamp>`` (never over an existing backup) and
reported in one line; it is never overwritten.

Several writers may share one file (two browser tabs, two lessons, two
Highlighters in one kernel). Each remembers the file's ``fingerprint`` and marks
as of its last read or write; before writing it takes the folder's lock
(``locked``), and if the fingerprint changed it ``merge``s: marks added or
removed elsewhere are kept, and so are its own; links merge the same way
(``links.merge_links``). No writer silently drops a mark or a link.
"""

from __future__ import annotations

import contextlib
import getpass
import hashlib
import json
import os
import re
import tempfile
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from medialit.core import jsonfile
from medialit.core.links import Link, LinkError
from medialit.core.spans import Span

FORMAT = "medialit-highlights"
VERSION = 2
SCHEMA = jsonfile.Schema("medialit.core", "sidecar")
"""Versions 1 and 2 (version 1 is version 2 without links): ``core/schemas/sidecar.schema.json``."""
MODES = ("spans", "sentences")


class SidecarError(ValueError):
    """A sidecar that cannot be used as it is; the message is one line for the student."""


@dataclass(frozen=True)
class Saved:
    """What a sidecar holds (the ``spans`` and ``sentences`` lists as Spans)."""

    article: str
    body_sha256: str
    mode: str = "spans"
    spans: tuple[Span, ...] = ()
    sentences: tuple[Span, ...] = ()
    saved_at: str = ""
    saved_by: str = ""
    extra: dict[str, Any] = field(default_factory=dict, compare=False)
    links: tuple[Link, ...] = ()

    def marks(self) -> list[Span]:
        """The marks for this file's own mode."""
        return list(self.sentences if self.mode == "sentences" else self.spans)

    def to_json(self) -> dict[str, Any]:
        return {
            "format": FORMAT,
            "version": VERSION,
            "article": self.article,
            "body_sha256": self.body_sha256,
            "mode": self.mode,
            "spans": [s.to_plain_dict() for s in self.spans],
            "sentences": [s.to_plain_dict() for s in self.sentences],
            "links": [link.to_dict() for link in self.links],
            "saved_at": self.saved_at,
            "saved_by": self.saved_by,
            **self.extra,
        }


def current_user() -> str:
    """Who is saving: the hub user on a JupyterHub, else the login name."""
    try:
        return os.environ.get("JUPYTERHUB_USER") or getpass.getuser()
    except (KeyError, OSError):  # no passwd entry in some containers
        return ""


SAVED_BEFORE_BY = "saved_before_by"
"""Extra key: who saved this file before, other than its ``saved_by`` (at most ``MAX_SAVED_BEFORE`` names).

self24: a classmate's file copied into a hand-in and changed once (one mark) was saved again under the student's own
name, and ``course report``'s ``copied-highlights.md`` (which read ``saved_by`` alone) no longer named it. The names
of earlier savers now stay in the file; one person saving their own file again and again writes no such key, so a
self-learner's files look as before."""
MAX_SAVED_BEFORE = 20


def saved_before_by(data: Any) -> list[str]:
    """The earlier savers a sidecar's JSON records (anything not a list of names counts as none)."""
    names = data.get(SAVED_BEFORE_BY) if isinstance(data, dict) else None
    return [n for n in names if isinstance(n, str) and n] if isinstance(names, list) else []


def _earlier_savers(path: Path, extra: dict[str, Any], me: str) -> list[str]:
    """Who saved the file at ``path`` before (its ``saved_by`` and their own earlier savers), not ``me``."""
    names = saved_before_by(extra)
    try:
        if path.is_file() and not path.is_symlink() and path.stat().st_size <= 2 * 1024 * 1024:
            data = json.loads(path.read_text(encoding="utf-8"))
            if isinstance(data, dict):
                names += saved_before_by(data)
                names += [data["saved_by"]] if isinstance(data.get("saved_by"), str) else []
    except (OSError, ValueError):  # unreadable or not JSON: nothing to carry over
        pass
    return [n for n in dict.fromkeys(names) if n and n != me][-MAX_SAVED_BEFORE:]


def write(path: str | Path, saved: Saved) -> Saved:
    """Write atomically, stamping ``saved_at`` and ``saved_by`` (and ``saved_before_by``); returns what was written."""
    path = Path(path)
    now = datetime.now(UTC).isoformat(timespec="seconds")
    me = current_user()
    extra = {k: v for k, v in saved.extra.items() if k != SAVED_BEFORE_BY}
    if earlier := _earlier_savers(path, saved.extra, me):
        extra[SAVED_BEFORE_BY] = earlier
    stamped = Saved(
        saved.article,
        saved.body_sha256,
        saved.mode,
        saved.spans,
        saved.sentences,
        now,
        me,
        extra,
        saved.links,
    )
    text = json.dumps(stamped.to_json(), ensure_ascii=False, indent=1) + "\n"
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            handle.write(text)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return stamped


def read(path: str | Path, *, body_sha256: str | None = None, mode: str | None = None) -> Saved:
    """Read and check a sidecar; raises SidecarError (one line) when it cannot be used for this text and mode.

    A file that cannot be read at all (missing, no permission) raises its ``OSError``:
    it is not damaged, and must not be set aside.
    """
    path = Path(path)
    try:
        data = jsonfile.load(path, SCHEMA)
    except jsonfile.JsonFileError as error:
        if error.os_error is not None:
            raise error.os_error from None
        raise SidecarError(f"{path.name} {_unusable(error.problem)}") from None
    if body_sha256 is not None and data.get("body_sha256") != body_sha256:
        raise SidecarError(f"{path.name} was saved for a different article text")
    if mode is not None and data.get("mode") != mode:
        raise SidecarError(f"{path.name} holds {data.get('mode')!r} marks, not {mode!r}")
    try:
        links = tuple(Link.from_dict(x) for x in data.get("links", []))
    except LinkError as error:
        raise SidecarError(f"{path.name} has a link that cannot be read ({error})") from None
    known = {"format", "version", "article", "body_sha256", "mode", "spans", "sentences", "saved_at", "saved_by"}
    known |= {"links"}
    return Saved(
        data.get("article", ""),
        data.get("body_sha256", ""),
        data.get("mode", "spans"),
        tuple(Span.from_dict(s) for s in data.get("spans", [])),
        tuple(Span.from_dict(s) for s in data.get("sentences", [])),
        data.get("saved_at", ""),
        data.get("saved_by", ""),
        {k: v for k, v in data.items() if k not in known},
        links,
    )


def _unusable(problem: jsonfile.Problem | None) -> str:
    """What is wrong with a file that is not a usable sidecar, in the student's words (after its name)."""
    if problem is None:
        return "is damaged (not JSON)"
    if problem.about in (None, "format"):
        return "is not a medialit highlights file"
    if problem.about == "version":
        return f"has format version {problem.value!r}; this medialit reads 1 and 2"
    if problem.about in ("spans", "sentences"):
        return f"has marks without start, end and label ({problem.text()})"
    if problem.about == "links":
        return f"has a link that cannot be read ({problem.text()})"
    return f"is damaged ({problem.text()})"


def back_up(path: str | Path) -> Path:
    """Rename an unusable sidecar to ``<name>.bak-<timestamp>`` without ever replacing an older backup."""
    path = Path(path)
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")
    target = path.with_name(f"{path.name}.bak-{stamp}")
    n = 1
    while target.exists():
        target = path.with_name(f"{path.name}.bak-{stamp}-{n}")
        n += 1
    os.replace(path, target)
    return target


def why_set_aside(backup: str | Path, *, article: str | None = None, body_sha256: str | None = None) -> str:
    """Why ``load_or_back_up`` set ``backup`` aside, said after the sidecar's name: saved for another article
    (named when its id is a plain one), for another text of this ``article``, or damaged."""
    try:
        saved = read(backup)
    except (SidecarError, OSError):
        return "is damaged"
    if body_sha256 is None or saved.body_sha256 == body_sha256:
        return "could not be used by the highlighter"  # marks of another mode (sentences for spans)
    if article is not None and saved.article == article:
        return "was saved for another version of this article's text"
    named = re.fullmatch(r"[\w.-]{1,80}", saved.article or "")
    return f"was saved for another article ({saved.article})" if named else "was saved for another article"


def load_or_back_up(path: str | Path, *, body_sha256: str, mode: str) -> tuple[Saved | None, str, bool]:
    """``(saved marks or None, one-line message or "", whether writing to path is safe)``.

    A missing file is simply new. An unusable one is set aside as a backup
    first. One that cannot even be read (permissions) is left alone and not
    written to, so nothing a student did is ever lost.
    """
    path = Path(path)
    if not path.exists():
        return None, "", True
    try:
        return read(path, body_sha256=body_sha256, mode=mode), "", True
    except SidecarError as error:
        try:
            backup = back_up(path)
        except OSError as failure:
            return None, f"{error}, and it cannot be set aside ({failure.strerror}); marks will not be saved", False
        return None, f"{error}: kept it as {backup.name} and started with no marks", True
    except OSError as error:
        return None, f"{path.name} cannot be read ({error.strerror or error}); marks will not be saved there", False


def fingerprint(path: str | Path) -> str | None:
    """SHA-256 of the file's bytes, or None when there is no file: tells a writer whether someone else wrote."""
    try:
        return hashlib.sha256(Path(path).read_bytes()).hexdigest()
    except FileNotFoundError:
        return None


@contextlib.contextmanager
def locked(path: str | Path) -> Iterator[None]:
    """Hold an exclusive lock on ``.<name>.lock`` beside the sidecar while reading, merging and writing.

    Kernels of two notebooks may write one sidecar at the same moment; the
    lock makes read-merge-write one step. Where locks are unavailable (no
    ``fcntl``, a read-only folder) the step runs unlocked, as before.
    """
    path = Path(path)
    try:
        import fcntl
    except ImportError:  # Windows
        yield
        return
    try:
        handle = open(path.with_name(f".{path.name}.lock"), "a")  # noqa: SIM115 (closed below)
    except OSError:
        yield
        return
    with handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


def merge(base: Iterable[Span], ours: Iterable[Span], theirs: Iterable[Span]) -> tuple[list[Span], int, int]:
    """Three-way merge of marks: ``(merged, added from theirs, removed by theirs)``.

    ``base`` is what this writer last read or wrote, ``ours`` what it holds
    now, ``theirs`` what the file holds now. A mark stays unless one side
    removed it since ``base``; a mark either side added is kept.
    """
    b, o, t = ({(s.start, s.end, s.label) for s in marks} for marks in (base, ours, theirs))
    merged = (o | t) - (b - o) - (b - t)
    added, removed = len(t - b - o), len((b - t) & o)
    return [Span(*k) for k in sorted(merged)], added, removed
