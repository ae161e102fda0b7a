"""The one Key model: what a graded item's answer should mark, and why (docs/key-format.md).

A key is a list of ``KeyMark``: a labelled span over the article body, plus the
other readings the guidelines allow (``accept``), accepted word forms
(``words``), the speaker for "who speaks" items, an ``optional`` flag for
defensible marks that are neither required nor penalised, and a one-sentence
``rationale``. ``course/keys/<item>.json`` and the ``KEY`` literal of a hidden test cell
hold the same dict, validated against ``schemas/key.schema.json``. Version 1
keys (``[[start, end, label, [accepted]]]`` rows, or the gold-plus-``key``
files) are migrated on load, so old notebooks keep grading.

A key an instructor drafts for their own article (``medialit draft-key``) is
the same model over the whole article: each mark also carries its review
``status`` and the analyzer ``rule`` that suggested it, and a source mark the
attribution's ``kind`` and ``content``. A corpus gold file reads as such a key.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from medialit.core import jsonfile
from medialit.core.errors import OneLineError
from medialit.core.spans import KINDS, SENTENCE_LABELS, Span, body_sha256
from medialit.exercises.items import REASONS

FORMAT = "medialit-key"
VERSION = 2
STATUSES = ("suggested", "accepted", "rejected", "edited", "added")
"""Review status of a drafted mark: the analyzer's suggestion, then a person's decision ("" = written by hand)."""
_V1_LABEL = re.compile(r"[a-z][a-z0-9_]*(/[a-z][a-z0-9_]*)*")
"""A version-1 row's label is a label (or ``a/b`` alternatives); anything else was a speaker's name."""


class KeyFormatError(OneLineError):
    """A key that cannot be used; the one-line message names the file and the field."""


@dataclass(frozen=True)
class KeyMark:
    """One thing the answer should mark: ``span`` (with its label) and how it may also be marked."""

    span: Span
    text: str = ""
    speaker: str = ""
    aliases: tuple[str, ...] = ()
    """Speaker items: other names the speaker goes by (an organisation's full name), as a student may give them."""
    accept: tuple[Span, ...] = ()
    words: tuple[str, ...] = ()
    optional: bool = False
    rationale: str = ""
    cue: Span | None = None
    """Speaker items: the cue this source belongs to (an attribution is right with its cue and its speaker)."""
    content: Span | None = None
    """Drafted source marks: the words the attribution credits to the source."""
    kind: str = ""
    """Drafted source marks: the kind of attribution (direct, indirect, mixed, according_to)."""
    status: str = ""
    """Drafted keys: the review status (``STATUSES``); empty for marks a person wrote."""
    rule: str = ""
    """Drafted keys: the analyzer rule that suggested this mark."""

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

    def spans(self) -> tuple[Span, ...]:
        """Every span the mark holds (readings, cue, content): each must lie inside the text."""
        return self.readings() + self.cues() + (() if self.content is None else (self.content,))

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {"start": self.span.start, "end": self.span.end, "label": self.label, "text": self.text}
        if self.speaker:
            out["speaker"] = self.speaker
        if self.aliases:
            out["aliases"] = list(self.aliases)
        if self.cue is not None:
            out["cue"] = {"start": self.cue.start, "end": self.cue.end}
        if self.content is not None:
            out["content"] = {"start": self.content.start, "end": self.content.end}
        if self.kind:
            out["kind"] = self.kind
        if self.accept:
            out["accept"] = [a.to_plain_dict() for a in self.accept]
        if self.words:
            out["words"] = list(self.words)
        if self.optional:
            out["optional"] = True
        if self.rationale:
            out["rationale"] = self.rationale
        if self.rule:
            out["rule"] = self.rule
        if self.status:
            out["status"] = self.status
        return out

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> KeyMark:
        """From a dict already validated against the schema."""
        return cls(
            span=Span(data["start"], data["end"], data["label"]),
            text=data.get("text", ""),
            speaker=data.get("speaker", ""),
            aliases=tuple(data.get("aliases", ())),
            accept=tuple(Span(a["start"], a["end"], a["label"]) for a in data.get("accept", ())),
            words=tuple(data.get("words", ())),
            optional=bool(data.get("optional", False)),
            rationale=data.get("rationale", ""),
            cue=Span(data["cue"]["start"], data["cue"]["end"], "cue") if "cue" in data else None,
            content=Span(data["content"]["start"], data["content"]["end"], "content") if "content" in data else None,
            kind=data.get("kind", ""),
            status=data.get("status", ""),
            rule=data.get("rule", ""),
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
        if isinstance(data, dict) and "format" not in data and any(s in data for s in GOLD_SECTIONS):
            return _from_gold(data, where=where, item=item, article=article)
        problem = _schema_problem(data)
        if problem:
            raise KeyFormatError(f"{where}: {problem}; fix the key (see docs/key-format.md)")
        marks = tuple(KeyMark.from_dict(m) for m in data["marks"])
        key = cls(data["item"], data.get("article", article), data.get("body_sha256", ""), marks)
        bad = next((i for i, m in enumerate(key.marks) for s in m.spans() if s.start >= s.end), None)
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
            for span in mark.spans():
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


# ---------------------------------------------------------------- gold files and drafts

GOLD_SECTIONS = ("attributions", "sentences", "framing")


def _from_gold(data: dict[str, Any], *, where: str, item: str, article: str) -> Key:
    """A corpus gold file (or an analysis, or a draft saved before drafts were keys) as one key over the article.

    Attributions become ``source`` marks (speaker, cue, kind, content),
    unsupported sentences a mark labelled with a reason (the other accepted
    reasons in ``accept``), framing words ``loaded`` marks. Sentences labelled
    ``attributed`` or ``other`` ask nothing of an answer and are left out.
    """
    article = str(data.get("article") or article)
    marks = []
    for section in GOLD_SECTIONS:
        for i, entry in enumerate(data.get(section) or []):
            try:
                mark = _gold_mark(section, entry)
            except (KeyError, TypeError, ValueError, AttributeError) as error:
                detail = str(error) if isinstance(error, ValueError) else f"a field is missing or wrong ({error!r})"
                raise KeyFormatError(f"{where}: {section}[{i}]: {detail}; fix the key") from None
            if mark is not None:
                marks.append(mark)
    key = Key(str(data.get("item") or article or item), article, str(data.get("body_sha256", "")), tuple(marks))
    problem = _schema_problem(key.to_dict()) if marks else ""
    if problem:
        raise KeyFormatError(f"{where}: {problem}; fix the key (see docs/key-format.md)")
    return key


def _gold_mark(section: str, entry: dict[str, Any]) -> KeyMark | None:
    """One gold entry as a mark (None for a sentence that is not unsupported); ValueError says what is wrong."""
    review = {"status": str(entry.get("status", "")), "rule": str(entry.get("rule") or "")}
    if review["status"] and review["status"] not in STATUSES:
        raise ValueError(f"status {review['status']!r} is not one of {', '.join(STATUSES)}")
    if section == "attributions":
        if entry.get("kind", KINDS[0]) not in KINDS:
            raise ValueError(f"kind {entry['kind']!r} is not one of {', '.join(KINDS)}")
        content = None
        if entry.get("content_start") is not None:
            content = Span(int(entry["content_start"]), int(entry["content_end"]), "content")
        return KeyMark(
            Span(int(entry["source_start"]), int(entry["source_end"]), "source"),
            str(entry.get("source_text", "")),
            speaker=str(entry.get("speaker", "")),
            cue=Span(int(entry["cue_start"]), int(entry["cue_end"]), "cue"),
            content=content,
            kind=str(entry.get("kind", "")),
            **review,
        )
    span = (int(entry["start"]), int(entry["end"]))
    review["rule"] = review["rule"] or "; ".join(str(r) for r in entry.get("reasons", ()) if r)
    if section == "framing":
        return KeyMark(Span(*span, "loaded"), str(entry.get("text", "")), **review)
    if entry["label"] not in SENTENCE_LABELS:
        raise ValueError(f"label {entry['label']!r} is not one of {', '.join(SENTENCE_LABELS)}")
    if entry["label"] != "unsupported":
        return None
    first, *others = sentence_reasons(entry.get("reasons", ()))
    return KeyMark(
        Span(*span, first), str(entry.get("text", "")), accept=tuple(Span(*span, r) for r in others), **review
    )


JUDGING = ("evaluat", "scare quote", "prescription", "prediction", "judging adverb")
"""Words of the analyzer's explanations for a sentence in the paper's own voice that judges, says what should
happen or predicts as certain: reason ``evaluation`` (K9, K14); ``analyzer_echo.reason_of`` reads them through
``sentence_reasons``."""


HIDDEN = ("source is not given", "source hidden")
"""The analyzer's words for a hidden source (*reportedly*, *it is understood*): K3 keys the sentence
``vague_source`` and accepts ``hedge`` (K9: keys accept both)."""


def sentence_reasons(said: Iterable[str]) -> list[str]:
    """The reasons (``REASONS``) an unsupported sentence's explanations name; every reason when they name none."""
    text = " ".join(str(r) for r in said).lower()
    found = [r for r in REASONS if r in text]
    for words, reason in (("hedge", "hedge"), ("vague", "vague_source"), ("hidden", "vague_source")):
        if words in text and reason not in found:
            found.append(reason)
    if any(words in text for words in JUDGING):
        found.append("evaluation")
    if any(words in text for words in HIDDEN):  # K3, K9: vague_source, and hedge accepted as well
        found = ["vague_source", "hedge", *found]
    return list(dict.fromkeys(found)) or list(REASONS)
