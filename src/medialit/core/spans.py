"""The one data model: labelled character spans over an article body.

The analyzer produces these, the highlighter edits them, answer keys store
them, scoring compares them and plots count them. Offsets are Python string
indices into ``Article.body``. The JSON shape is the corpus gold format
(``ID.gold.json``), so a gold file, an analysis and a student's sidecar all
read and write through the functions here.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from medialit.core import jsonfile
from medialit.core.counts import counted
from medialit.core.errors import OneLineError

SENTENCE_LABELS = ("attributed", "unsupported", "other")
KINDS = ("direct", "indirect", "mixed", "according_to")
GOLD = jsonfile.Schema("medialit.core", "gold")
"""The gold format's JSON Schema (``core/schemas/gold.schema.json``): gold files, saved analyses, drafted keys."""


class SpanError(OneLineError):
    """Annotations that do not fit their article; the message says where and how to fix it."""


@dataclass(frozen=True, order=True)
class Span:
    """``body[start:end]`` carries ``label``; ``reasons`` say which rule or word produced it."""

    start: int
    end: int
    label: str
    reasons: tuple[str, ...] = field(default=(), compare=False)

    def text(self, body: str) -> str:
        return body[self.start : self.end]

    def overlap(self, other: Span) -> int:
        """Number of characters the two spans share."""
        return max(0, min(self.end, other.end) - max(self.start, other.start))

    def to_plain_dict(self) -> dict[str, Any]:
        """``{start, end, label}``, reasons left out: the one shape the Highlighter syncs and sidecars, exports
        and a key's accepted readings store."""
        return {"start": self.start, "end": self.end, "label": self.label}

    def to_dict(self) -> dict[str, Any]:
        out = self.to_plain_dict()
        if self.reasons:
            out["reasons"] = list(self.reasons)
        return out

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Span:
        return cls(int(data["start"]), int(data["end"]), str(data["label"]), tuple(data.get("reasons", ())))


@dataclass(frozen=True)
class Attribution:
    """Content credited to a source: who (speaker), the words naming them, the cue and the content."""

    speaker: str
    source: Span
    cue: Span
    content: Span | None
    kind: str
    rule: str = ""
    source_kind: str = field(default="", compare=False)
    """What kind of source this mention names (``medialit.nlp.sources.KINDS``); empty in gold files."""

    def spans(self) -> list[Span]:
        """The attribution's parts as labelled spans (labels source, cue, content)."""
        parts = [self.source, self.cue] + ([self.content] if self.content else [])
        return parts

    def to_dict(self, body: str) -> dict[str, Any]:
        out: dict[str, Any] = {
            "speaker": self.speaker,
            "source_text": self.source.text(body),
            "source_start": self.source.start,
            "source_end": self.source.end,
            "cue": self.cue.text(body),
            "cue_start": self.cue.start,
            "cue_end": self.cue.end,
        }
        if self.content:
            out |= {"content_start": self.content.start, "content_end": self.content.end}
        out["kind"] = self.kind
        if self.rule:
            out["rule"] = self.rule
        if self.source_kind:
            out["source_kind"] = self.source_kind
        return out

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Attribution:
        content = None
        if data.get("content_start") is not None and data.get("content_end") is not None:
            content = Span(int(data["content_start"]), int(data["content_end"]), "content")
        rule = str(data.get("rule", ""))
        return cls(
            speaker=str(data["speaker"]),
            source=Span(int(data["source_start"]), int(data["source_end"]), "source", (rule,) if rule else ()),
            cue=Span(int(data["cue_start"]), int(data["cue_end"]), "cue", (rule,) if rule else ()),
            content=content,
            kind=str(data["kind"]),
            rule=rule,
            source_kind=str(data.get("source_kind", "")),
        )


@dataclass(frozen=True)
class Annotations:
    """What is marked in one article: attributions and sentence labels (the gold format).

    ``extra`` keeps any further top-level keys (an analysis adds ``framing``,
    ``sources``, ...), so reading and writing never drops information.
    """

    article: str
    body_sha256: str
    attributions: tuple[Attribution, ...] = ()
    sentences: tuple[Span, ...] = ()
    extra: dict[str, Any] = field(default_factory=dict, compare=False)

    def spans(self) -> list[Span]:
        """Every attribution part and sentence label as one flat list of labelled spans."""
        flat = [span for attribution in self.attributions for span in attribution.spans()]
        return flat + list(self.sentences)

    def to_json(self, body: str) -> dict[str, Any]:
        return {
            "article": self.article,
            "body_sha256": self.body_sha256,
            "attributions": [a.to_dict(body) for a in self.attributions],
            "sentences": [s.to_dict() for s in self.sentences],
            **self.extra,
        }

    @classmethod
    def from_json(cls, data: Any) -> Annotations:
        """Annotations from gold-format JSON; ``SpanError`` names the first field that is not the format."""
        problem = GOLD.check(data)
        if problem is not None:
            raise SpanError(f"annotations are not in the gold format ({problem.text('the annotations')})")
        return cls._from_valid(data)

    @classmethod
    def _from_valid(cls, data: dict[str, Any]) -> Annotations:
        known = {"article", "body_sha256", "attributions", "sentences"}
        return cls(
            article=data.get("article", ""),
            body_sha256=data.get("body_sha256", ""),
            attributions=tuple(Attribution.from_dict(a) for a in data.get("attributions", [])),
            sentences=tuple(Span.from_dict(s) for s in data.get("sentences", [])),
            extra={k: v for k, v in data.items() if k not in known},
        )


def body_sha256(body: str) -> str:
    return hashlib.sha256(body.encode("utf-8")).hexdigest()


def load_annotations(path: str | Path) -> Annotations:
    """Read a gold file, an answer key or a saved analysis (validated against ``GOLD``)."""
    try:
        data = jsonfile.load(path, GOLD, hint="fix the file or regenerate it")
    except jsonfile.JsonFileError as error:
        raise SpanError(str(error)) from None
    return Annotations._from_valid(data)


def check_annotations(annotations: Annotations, body: str) -> list[str]:
    """Problems that make annotations unusable for ``body``, one readable line each.

    The same checks as the corpus validator: offsets inside the body, texts that
    match their offsets, known labels and kinds, every sentence labelled once.
    """
    problems: list[str] = []
    if annotations.body_sha256 and annotations.body_sha256 != body_sha256(body):
        problems.append("body_sha256 does not match the article text: the key was made for another version")
    for i, attribution in enumerate(annotations.attributions):
        for part in attribution.spans():
            if not 0 <= part.start < part.end <= len(body):
                problems.append(f"attribution {i} {part.label}: [{part.start}, {part.end}) is outside the text")
        if attribution.kind not in KINDS:
            problems.append(f"attribution {i}: kind {attribution.kind!r} is not one of {', '.join(KINDS)}")
        if not attribution.speaker.strip():
            problems.append(f"attribution {i}: speaker is empty")
    problems.extend(_sentence_problems(annotations.sentences, body))
    if annotations.sentences:
        for i, attribution in enumerate(annotations.attributions):
            cue = attribution.cue
            if not any(s.start <= cue.start and cue.end <= s.end for s in annotations.sentences):
                problems.append(f"attribution {i} cue: [{cue.start}, {cue.end}) lies inside no labelled sentence")
    return problems


def check_gold(data: Any, body: str) -> list[str]:
    """``check_annotations`` on raw JSON, plus what only the file shows: source_text and cue equal their text."""
    try:
        annotations = Annotations.from_json(data)
    except SpanError as error:
        return [str(error)]
    problems = []
    for i, raw in enumerate(data.get("attributions", [])):
        for text_key, part in (("source_text", "source"), ("cue", "cue")):
            start, end = raw.get(f"{part}_start"), raw.get(f"{part}_end")
            if text_key in raw and isinstance(start, int) and isinstance(end, int) and raw[text_key] != body[start:end]:
                problems.append(
                    f"attribution {i} {text_key}: {raw[text_key]!r} is not the text at [{start}, {end}) "
                    f"({body[start:end]!r})"
                )
    return check_annotations(annotations, body) + problems


def _sentence_problems(sentences: tuple[Span, ...], body: str) -> list[str]:
    problems = []
    covered = bytearray(len(body))
    for i, sentence in enumerate(sorted(sentences)):
        if sentence.label not in SENTENCE_LABELS:
            problems.append(f"sentence {i}: label {sentence.label!r} is not one of {', '.join(SENTENCE_LABELS)}")
        if not 0 <= sentence.start < sentence.end <= len(body):
            problems.append(f"sentence {i}: [{sentence.start}, {sentence.end}) is outside the text")
            continue
        if any(covered[sentence.start : sentence.end]):
            problems.append(f"sentence {i}: [{sentence.start}, {sentence.end}) overlaps another sentence")
        covered[sentence.start : sentence.end] = b"\x01" * (sentence.end - sentence.start)
    unlabelled = [k for k, ch in enumerate(body) if not covered[k] and not ch.isspace()]
    if unlabelled:
        k = unlabelled[0]
        are = counted(len(unlabelled), "character is", "characters are")
        problems.append(f"{are} in no labelled sentence, first at {k}: {body[k : k + 30]!r}")
    return problems
