"""The one Key model: what a graded item's answer should mark, and why (docs/key-format.md).

A key is a list of ``KeyMark``: a labelled span over the article body, plus the
other readings the guidelines allow (``accept``), accepted word forms
(``words``), the speaker for "who speaks" items, an ``optional`` flag for
defensible marks that are neither required nor penalised, and a one-sentence
``rationale``. ``course/keys/<item>.json`` and the ``KEY`` literal of a hidden test cell
hold the same dict, validated against ``schemas/key.schema.json``. Version 1
keys (``[[start, end, label, [accepted]]]`` rows, or the gold-plus-``key``
files) are migrated on load, so old notebooks keep grading.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from medialit.core import jsonfile
from medialit.core.spans import Span, body_sha256

FORMAT = "medialit-key"
VERSION = 2
_V1_LABEL = re.compile(r"[a-z][a-z0-9_]*(/[a-z][a-z0-9_]*)*")
"""A version-1 row's label is a label (or ``a/b`` alternatives); anything else was a speaker's name."""


class KeyFormatError(ValueError):
    """A key that cannot be used; the one-line message names the file and the field."""


@dataclass(frozen=True)
class KeyMark:
    """One thing the answer should mark: ``span`` (with its label) and how it may also be marked."""

    span: Span
    text: str = ""
    speaker: str = ""
    accept: tuple[Span, ...] = ()
    words: tuple[str, ...] = ()
    optional: bool = False
    rationale: str = ""
    cue: Span | None = None
    """Speaker items: the cue this source belongs to (an attribution is right with its cue and its speaker)."""

    @property
    def label(self) -> str:
        return self.span.label

    def readings(self) -> tuple[Span, ...]:
        """The span and every accepted alternative: an answer matching any of them matches this mark."""
        return (self.span, *self.accept)

    def labels(self) -> frozenset[str]:
        return frozenset(s.label for s in self.readings())

    def cues(self) -> tuple[Span, ...]:
        return () if self.cue is None else (self.cue,)

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {"start": self.span.start, "end": self.span.end, "label": self.label, "text": self.text}
        if self.speaker:
            out["speaker"] = self.speaker
        if self.cue is not None:
            out["cue"] = {"start": self.cue.start, "end": self.cue.end}
        if self.accept:
            out["accept"] = [{"start": a.start, "end": a.end, "label": a.label} for a in self.accept]
        if self.words:
            out["words"] = list(self.words)
        if self.optional:
            out["optional"] = True
        if self.rationale:
            out["rationale"] = self.rationale
        return out

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> KeyMark:
        """From a dict already validated against the schema."""
        return cls(
            span=Span(data["start"], data["end"], data["label"]),
            text=data.get("text", ""),
            speaker=data.get("speaker", ""),
            accept=tuple(Span(a["start"], a["end"], a["label"]) for a in data.get("accept", ())),
            words=tuple(data.get("words", ())),
            optional=bool(data.get("optional", False)),
            rationale=data.get("rationale", ""),
            cue=Span(data["cue"]["start"], data["cue"]["end"], "cue") if "cue" in data else None,
        )


@dataclass(frozen=True)
class Key:
    """The key of one graded item (``item`` such as ``ex01-q1``) over one article body."""

    item: str
    article: str
    body_sha256: str
    marks: tuple[KeyMark, ...]

    @property
    def required(self) -> tuple[KeyMark, ...]:
        return tuple(m for m in self.marks if not m.optional)

    def to_dict(self) -> dict[str, Any]:
        return {
            "format": FORMAT,
            "version": VERSION,
            "item": self.item,
            "article": self.article,
            "body_sha256": self.body_sha256,
            "marks": [m.to_dict() for m in self.marks],
        }

    @classmethod
    def from_dict(
        cls, data: Any, *, where: str = "key", item: str = "", article: str = "", speakers: bool | None = None
    ) -> Key:
        """A key from its dict (version 2) or a version-1 literal or file; ``item``/``article`` fill what v1 lacks.

        ``speakers`` says whether version-1 labels are speakers' names (None: tell
        by their form). Raises ``KeyFormatError`` with one line naming ``where`` and the field.
        """
        if isinstance(data, (list, tuple)) or (isinstance(data, dict) and "format" not in data and "key" in data):
            return _from_v1(data, where=where, item=item, article=article, speakers=speakers)
        problem = _schema_problem(data)
        if problem:
            raise KeyFormatError(f"{where}: {problem}; fix the key (see docs/key-format.md)")
        marks = tuple(KeyMark.from_dict(m) for m in data["marks"])
        key = cls(data["item"], data.get("article", article), data.get("body_sha256", ""), marks)
        bad = next((i for i, m in enumerate(key.marks) for s in m.readings() + m.cues() if s.start >= s.end), None)
        if bad is not None:
            raise KeyFormatError(f"{where}: marks[{bad}]: start must be before end; fix the key")
        return key

    @classmethod
    def load(cls, path: str | Path) -> Key:
        """Read ``course/keys/<item>.json`` (either version); one-line errors naming the file."""
        try:
            data = jsonfile.load(path, hint="fix the key (see docs/key-format.md)")
        except jsonfile.JsonFileError as error:
            raise KeyFormatError(str(error)) from None
        return cls.from_dict(data, where=str(path), item=Path(path).stem)

    def problems(self, body: str) -> list[str]:
        """What makes this key unusable on ``body``: another text version, offsets outside it, drifted texts."""
        found = []
        if self.body_sha256 and self.body_sha256 != body_sha256(body):
            found.append("body_sha256 does not match the article text: the key was made for another version")
        for i, mark in enumerate(self.marks):
            for span in mark.readings() + mark.cues():
                if not 0 <= span.start < span.end <= len(body):
                    found.append(f"marks[{i}]: [{span.start}, {span.end}) is outside the text")
            if mark.text and mark.text != body[mark.span.start : mark.span.end]:
                found.append(f"marks[{i}].text: {mark.text!r} is not the text at its offsets")
        return found

    def completed(self, body: str) -> Key:
        """This key with every mark's ``text`` and the ``body_sha256`` filled in from ``body``."""
        marks = tuple(replace(m, text=body[m.span.start : m.span.end]) for m in self.marks)
        return replace(self, body_sha256=body_sha256(body), marks=marks)

    def checked(self, body: str, where: str = "key") -> Key:
        """This key, or ``KeyFormatError`` naming the first problem on ``body``."""
        found = self.problems(body)
        if found:
            raise KeyFormatError(f"{where}: {found[0]}; rebuild the key (python course/build.py)")
        return self


def save(key: Key, path: str | Path) -> Path:
    """Write a key file the way ``course/build.py`` does: UTF-8, one field per line, stable order."""
    path = Path(path)
    path.write_text(json.dumps(key.to_dict(), ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    return path


# ---------------------------------------------------------------- schema


SCHEMA = jsonfile.Schema("medialit.exercises", "key")


def schema() -> dict[str, Any]:
    """The key's JSON Schema, shipped in the package (``medialit/exercises/schemas/key.schema.json``)."""
    return SCHEMA.document()


def _schema_problem(data: Any) -> str:
    """The most relevant schema violation as ``field: message``, or ``""``."""
    problem = SCHEMA.check(data)
    return "" if problem is None else problem.text("the key")


# ---------------------------------------------------------------- version 1


def _from_v1(data: Any, *, where: str, item: str, article: str, speakers: bool | None) -> Key:
    """Migrate ``[[start, end, label, [accepted]], ...]`` or a gold-plus-``key`` file.

    In version 1 the label carried speakers' names (who-speaks items) and
    ``a/b`` alternatives (sentence reasons); the fourth value accepted word forms.
    """
    rows: Iterable[Any] = data
    if isinstance(data, dict):
        item, article = str(data.get("item", item)), str(data.get("article", article))
        rows = [[r.get("start"), r.get("end"), r.get("label"), r.get("accepted", []), r.get("text", "")]
                for r in data["key"] if isinstance(r, dict)]  # fmt: skip
    marks = []
    for i, row in enumerate(rows):
        try:
            start, end, label = int(row[0]), int(row[1]), str(row[2])
            words = tuple(str(w) for w in row[3]) if len(row) > 3 and row[3] else ()
            text = str(row[4]) if len(row) > 4 else ""
        except (TypeError, ValueError, IndexError):
            raise KeyFormatError(f"{where}: row {i} is not [start, end, label, [accepted]]; fix the key") from None
        if start >= end or isinstance(row[0], bool):
            raise KeyFormatError(f"{where}: row {i}: start must be before end; fix the key")
        if not (speakers or (speakers is None and not _V1_LABEL.fullmatch(label))):
            first, *others = label.split("/")
            accept = tuple(Span(start, end, other) for other in others)
            marks.append(KeyMark(Span(start, end, first), text, accept=accept, words=words))
        else:
            marks.append(KeyMark(Span(start, end, "source"), text, speaker=label, words=words))
    if not marks:
        raise KeyFormatError(f"{where}: the key has no marks; fix the key")
    sha = str(data.get("body_sha256", "")) if isinstance(data, dict) else ""
    return Key(item, article, sha, tuple(marks))
