"""Links between marks: the parts of one attribution (source, cue, content), who speaks, and how.

A link is data, not a label: it points at marks by their offsets and carries the
speaker's full name (for "He" or "the Prime Minister") and the kind the
guidelines define (``direct``, ``indirect``, ``mixed``, ``according_to``). Its
dict is the gold format's attribution (``source_start``, ``cue_end``, ...), so a
link saved by the Highlighter, a gold file and an export read the same way. Any
part may be missing while a student is still linking, but a link holds a source
or at least two parts.

A mark's label decides its role: ``source`` and ``cue`` are themselves; any
other label (``claim``, ``content``, a quote) is the content.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from medialit.core.spans import KINDS, Attribution, Span

ROLES = ("source", "cue", "content")


class LinkError(ValueError):
    """A link that cannot be made; the message says what to mark or link instead."""


def role_of(label: str) -> str:
    """The part of an attribution a mark with this label can be."""
    return label if label in ("source", "cue") else "content"


@dataclass(frozen=True)
class Link:
    """One attribution built from marks: ``source``, ``cue``, ``content`` spans (any may be None), speaker, kind."""

    source: Span | None = None
    cue: Span | None = None
    content: Span | None = None
    speaker: str = ""
    kind: str = ""

    def parts(self) -> list[Span]:
        return [p for p in (self.source, self.cue, self.content) if p is not None]

    def ident(self) -> tuple:
        """Which marks it joins (offsets and labels); speaker and kind are what a student may change on it."""
        return tuple((p.start, p.end, p.label) if p else None for p in (self.source, self.cue, self.content))

    def to_dict(self, body: str = "") -> dict[str, Any]:
        """The gold format's attribution fields, plus each part's mark label (``*_label``) so it finds its mark."""
        out: dict[str, Any] = {}
        for role, part in zip(ROLES, (self.source, self.cue, self.content), strict=True):
            if part is not None:
                out |= {f"{role}_start": part.start, f"{role}_end": part.end, f"{role}_label": part.label}
                if body:
                    out[f"{role}_text"] = part.text(body)
        return out | {"speaker": self.speaker, "kind": self.kind}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Link:
        """From a link or gold attribution dict; raises LinkError (one line) when it is not one."""
        if not isinstance(data, dict):
            raise LinkError(f"{data!r} is not a link: write a dict like {{'source_start': 0, 'source_end': 5, ...}}")
        parts: dict[str, Span | None] = {}
        for role in ROLES:
            start, end = data.get(f"{role}_start"), data.get(f"{role}_end")
            if start is None and end is None:
                parts[role] = None
                continue
            if type(start) is not int or type(end) is not int or not start < end:
                raise LinkError(f"link {role}: [{start}, {end}) is not a span; give whole numbers, start before end")
            parts[role] = Span(start, end, str(data.get(f"{role}_label") or role))
        speaker, kind = data.get("speaker") or "", data.get("kind") or ""
        if not isinstance(speaker, str) or not isinstance(kind, str):
            raise LinkError("a link's speaker and kind are text: write speaker='Full Name', kind='direct'")
        if kind and kind not in KINDS:
            raise LinkError(f"kind {kind!r} is not one of {', '.join(KINDS)}")
        link = cls(parts["source"], parts["cue"], parts["content"], speaker.strip(), kind)
        if not link.source and len(link.parts()) < 2:
            raise LinkError("a link joins a source, or at least two marks: link a source, cue or content to another")
        return link

    def to_attribution(self) -> Attribution | None:
        """The gold Attribution, when the link has its source and cue (the two parts gold requires)."""
        if self.source is None or self.cue is None:
            return None
        content = Span(self.content.start, self.content.end, "content") if self.content else None
        return Attribution(
            speaker=self.speaker,
            source=Span(self.source.start, self.source.end, "source"),
            cue=Span(self.cue.start, self.cue.end, "cue"),
            content=content,
            kind=self.kind,
        )


def make_link(marks: Sequence[Span], *, speaker: str = "", kind: str = "") -> Link:
    """A link from marks, each going to the role its label gives; LinkError when two want one role."""
    parts: dict[str, Span] = {}
    for mark in marks:
        role = role_of(mark.label)
        if role in parts:
            raise LinkError(f"two marks would be the {role} of one link: link one {role} with the others")
        parts[role] = mark
    return Link.from_dict(Link(parts.get("source"), parts.get("cue"), parts.get("content"), speaker, kind).to_dict())


def clean_links(raw: Iterable[Any], marks: Iterable[Span | dict]) -> list[Link]:
    """Valid links whose parts are all marks (a removed mark takes its links with it), one per set of parts.

    When two links join the same marks, the later one wins (its speaker and kind are the newer edit).
    """
    have = {(m.start, m.end, m.label) if isinstance(m, Span) else (m["start"], m["end"], m["label"]) for m in marks}
    out: dict[tuple, Link] = {}
    for item in raw:
        try:
            link = item if isinstance(item, Link) else Link.from_dict(item)
        except LinkError:
            continue
        if all((p.start, p.end, p.label) in have and role_of(p.label) == r for r, p in _roles(link)):
            out.pop(link.ident(), None)
            out[link.ident()] = link
    return sorted(out.values(), key=_order)


def follow_relabels(links: Iterable[Link], before: Iterable[Span], after: Iterable[Span]) -> list[Link]:
    """Links after marks were relabelled: a part whose mark got a label of the same part follows it.

    A mark that left ``before`` and came back in ``after`` at the same place with another label
    is a relabel; if the new label names another part, the link loses that part (``clean_links`` then
    drops a link left without a source and with fewer than two marks).
    """
    gone = {(m.start, m.end): m for m in before}
    now = {(m.start, m.end, m.label) for m in after}
    new_label = {}
    for m in after:
        old = gone.get((m.start, m.end))
        if old is not None and old.label != m.label and (old.start, old.end, old.label) not in now:
            new_label[(old.start, old.end, old.label)] = m.label
    if not new_label:
        return list(links)
    out = []
    for link in links:
        parts = []
        for part in link.parts():
            label = new_label.get((part.start, part.end, part.label))
            if label is None:
                parts.append(part)
            elif role_of(label) == role_of(part.label):
                parts.append(Span(part.start, part.end, label))
        try:
            out.append(make_link(parts, speaker=link.speaker, kind=link.kind))
        except LinkError:
            continue
    return out


def merge_links(base: Iterable[Link], ours: Iterable[Link], theirs: Iterable[Link]) -> tuple[list[Link], int, int]:
    """Three-way merge, like ``sidecar.merge`` for marks: ``(merged, added from theirs, removed by theirs)``.

    Links are the same when they join the same marks. One kept on both sides takes
    the speaker and kind of the side that changed them (ours when both did).
    """
    b, o, t = ({link.ident(): link for link in links} for links in (base, ours, theirs))
    keep = (o.keys() | t.keys()) - (b.keys() - o.keys()) - (b.keys() - t.keys())
    merged = []
    for ident in keep:
        mine, other = o.get(ident), t.get(ident)
        if mine is None or other is None:
            merged.append(mine or other)
        else:
            merged.append(other if mine == b.get(ident) else mine)
    added = len(t.keys() - b.keys() - o.keys())
    removed = len((b.keys() - t.keys()) & o.keys())
    return sorted((m for m in merged if m is not None), key=_order), added, removed


def speakers_of(links: Iterable[Link]) -> list[tuple[Span, str]]:
    """``(source span, speaker)`` for each link naming a speaker: the answer to a "who is speaking?" item."""
    return [(Span(x.source.start, x.source.end, "source"), x.speaker) for x in links if x.source and x.speaker]


def _roles(link: Link) -> list[tuple[str, Span]]:
    return [(r, p) for r, p in zip(ROLES, (link.source, link.cue, link.content), strict=True) if p is not None]


def _order(link: Link) -> tuple:
    return tuple((p.start, p.end) for p in link.parts())
