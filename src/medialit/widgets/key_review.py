"""Key mode: an instructor reviews a drafted answer key mark by mark, in a Highlighter.

The key is the one key model (``medialit.exercises.key.Key``; drafted by
``medialit.instructor.draft_key``). The Highlighter shows the mark under review:
an attribution's source, cue and content, linked as in a student's highlighter
(①source ①cue ①content, with the speaker and kind on the link); an unsupported
sentence with its reason; or a framing word. Buttons accept, reject or step
through marks; fields edit a speaker, kind or reason; marks drawn in the
Highlighter replace a mark's spans or become a mark the analyzer missed. Save
writes the key through ``medialit.instructor.draft_key.save_key``, which refuses a
key that fails the key format's checks and says why on the status line. Every
button has a method of the same name, so the review can also be scripted or tested.
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path
from typing import Any

import ipywidgets as w

from medialit.core.article import Article, load_article
from medialit.core.counts import counted
from medialit.core.links import Link, LinkError, make_link
from medialit.core.spans import KINDS, Span, SpanError, body_sha256
from medialit.exercises.items import REASONS
from medialit.exercises.key import Key, KeyFormatError, KeyMark
from medialit.instructor.draft_key import (
    SUGGESTED,
    add_mark,
    attribution,
    decide,
    framing_word,
    key_place_problem,
    key_problems,
    other_text,
    save_key,
    sentence,
    silent_source,
    unreviewed,
)
from medialit.widgets.highlighter import Highlighter

LABELS = ["source", "cue", "content", *REASONS, "loaded"]


class KeyReview(w.VBox):
    """Review ``key`` (a Key or a key file) for ``article``; ``save_to`` is where Save writes (default: the file)."""

    def __init__(self, article: Article | str, key: Key | str | Path, save_to: str | Path | None = None):
        self.article = article if isinstance(article, Article) else load_article(article)
        self.key = key if isinstance(key, Key) else _load(key)
        if self.key.body_sha256 and self.key.body_sha256 != body_sha256(self.article.body):  # marks on other text
            raise SpanError(
                f"{key if isinstance(key, str | Path) else 'the key'}: {other_text(self.key, self.article)}"
            )
        self.save_to = Path(save_to) if save_to else (None if isinstance(key, Key) else Path(key))
        self.position = 0
        self.highlighter = Highlighter(self.article, labels=LABELS, mode="spans")
        self.heading = w.HTML()
        self.status = w.HTML()
        self.speaker = w.Text(description="speaker")
        self.kind = w.Dropdown(options=KINDS, description="kind")
        self.label = w.Dropdown(options=REASONS, description="reason")
        buttons = {}
        for name in ("previous", "next", "accept", "reject", "edit", "add", "save"):
            buttons[name] = w.Button(description=name.capitalize())
            buttons[name].on_click(lambda _, name=name: self._press(name))
        self.buttons = buttons
        controls = w.HBox([buttons[n] for n in ("previous", "next", "accept", "reject", "edit", "add", "save")])
        fields = w.HBox([self.speaker, self.kind, self.label])
        super().__init__([self.heading, self.highlighter, fields, controls, self.status])
        self.highlighter.observe(self._on_links, names="links")
        self._filled = ""  # the speaker as ``_show`` filled it in from the mark on show: not typed for a new mark
        self._show()

    # ------------------------------------------------------------ the mark under review

    @property
    def current(self) -> int | None:
        """Index of the mark under review in ``key.marks``."""
        return self.position if self.key.marks else None

    def mark(self) -> KeyMark:
        return self.key.marks[self.position]

    def next(self) -> None:
        self.position = min(self.position + 1, max(len(self.key.marks) - 1, 0))
        self._show()

    def previous(self) -> None:
        self.position = max(self.position - 1, 0)
        self._show()

    def accept(self) -> None:
        self._decide("accepted")

    def reject(self) -> None:
        self._decide("rejected")

    def edit(self) -> None:
        """Take the fields (speaker, kind or reason) and, for an attribution or framing word, the drawn marks."""
        if self.current is None:
            raise SpanError("the key has no marks to review")
        mark, body = self.mark(), self.article.body
        if mark.label in REASONS:
            new = replace(mark, span=Span(mark.span.start, mark.span.end, self.label.value), accept=())
        elif mark.label == "source":
            link = self._linked(new_only=True)  # the mark's own link: its speaker and kind are in the fields
            marks = self._marks() if link is None else _parts(link)
            source, cue = marks.get("source"), marks.get("cue")
            if not (source and cue):
                raise SpanError("mark one source and one cue in the text (and link them), then press Edit")
            new = attribution(body, self.speaker.value, source, cue, self.kind.value, marks.get("content"))
        else:
            words = self._marks().get("loaded")
            if not words:
                raise SpanError("mark the framing words in the text, then press Edit")
            new = framing_word(body, *words)
        self._decide("edited", replace(new, rule=mark.rule))

    def add(self) -> None:
        """A missed mark from the drawn marks: source + cue (+ content) an attribution, a source alone with its
        speaker typed a party that gave no answer (K4), a reason a sentence, or ``loaded`` framing words."""
        link = self._linked(new_only=True)
        marks = self._marks(drawn_only=True) if link is None else _parts(link)
        body = self.article.body
        reasons = [label for label in marks if label in REASONS]
        if marks.get("source") and marks.get("cue"):
            speaker = self.speaker.value.strip() or body[marks["source"][0] : marks["source"][1]]
            new = attribution(body, speaker, marks["source"], marks["cue"], self.kind.value, marks.get("content"))
        elif marks.get("source") and not marks.get("content"):  # a party asked that gave no answer (K4): no cue
            # the shown mark's speaker is still in the field unless one was typed: a source drawn alone (its cue
            # not marked yet) would become a silent party of that name (review22)
            if self.speaker.value == self._filled or not self.speaker.value.strip():
                raise SpanError("a source with no cue is a party that gave no answer: type its name as the speaker "
                                "(or mark its cue too, for an attribution), then press Add")  # fmt: skip
            new = silent_source(body, self.speaker.value, marks["source"])
        elif reasons:
            new = sentence(self.article, *marks[reasons[0]], reasons[0])
        elif marks.get("loaded"):
            new = framing_word(body, *marks["loaded"])
        else:
            raise SpanError("mark a source and a cue (an attribution), a source alone (a party that gave no answer), "
                            "a sentence with its reason or framing words (loaded), then press Add")  # fmt: skip
        self.key = add_mark(self.key, new)
        self.position = len(self.key.marks) - 1
        self._show(f"added a {new.label} mark")

    def save(self) -> Path:
        if self.save_to is None:
            raise SpanError("no file to save to: create KeyReview(..., save_to='course/keys/ID.key.json')")
        if problem := key_place_problem(self.save_to):  # where draft-key refuses to write one too
            raise SpanError(problem)
        path = save_key(self.key, self.article, self.save_to)
        self._say(f"saved {path.name}: {counted(len(unreviewed(self.key)), 'suggestion')} still unreviewed")
        return path

    def problems(self) -> list[str]:
        return key_problems(self.key, self.article)

    # ------------------------------------------------------------ display

    def _press(self, name: str) -> None:
        """A button: run its method; a mistake becomes the status line, never a traceback in the notebook."""
        try:
            getattr(self, name)()
        except SpanError as error:
            self._say(str(error))

    def _decide(self, decision: str, mark: KeyMark | None = None) -> None:
        if self.current is None:
            raise SpanError("the key has no marks to review")
        index = self.position
        self.key = decide(self.key, index, decision, mark)
        self.position = min(self.position + 1, len(self.key.marks) - 1)
        self._show(f"mark {index + 1}: {decision}")

    def _linked(self, new_only: bool = False) -> Link | None:
        """The last link in the Highlighter joining a source and a cue (``new_only``: not the item's own link)."""
        own = {tuple((m["start"], m["end"], m["label"]) for m in self._shown)}
        full = [x for x in self.highlighter.attributions if x.source and x.cue]
        if new_only:
            full = [x for x in full if tuple((p.start, p.end, p.label) for p in x.parts()) not in own]
        return full[-1] if full else None

    def _on_links(self, change: dict[str, Any]) -> None:
        """A speaker or kind typed on a link in the Highlighter fills the fields Edit and Add read."""
        link = self._linked(new_only=True) or self._linked()
        if link is None:
            return
        if link.speaker:
            self.speaker.value = link.speaker
        if link.kind:
            self.kind.value = link.kind

    def _marks(self, drawn_only: bool = False) -> dict[str, tuple[int, int]]:
        """Marks by label: the item's own, replaced by any the instructor drew (a drawn mark wins)."""
        shown = [m for m in self.highlighter.spans if m in self._shown]
        drawn = [m for m in self.highlighter.spans if m not in self._shown]
        return {m["label"]: (m["start"], m["end"]) for m in ([] if drawn_only else shown) + drawn}

    def _show(self, message: str = "") -> None:
        if self.current is None:
            self.heading.value = (
                "<b>The key has no marks.</b> Mark a source and a cue, or framing words, and press Add."
            )
            self._shown = []
            self.highlighter.spans = []
            return
        mark = self.mark()
        link = None
        if mark.label == "source":
            parts = [("source", mark.span), ("cue", mark.cue), ("content", mark.content)]
            marks = [{"start": p.start, "end": p.end, "label": role} for role, p in parts if p is not None]
            self.speaker.value, self.kind.value = mark.speaker, mark.kind or KINDS[0]
            self._filled = self.speaker.value
            link = _link_of(marks, self.speaker.value, self.kind.value)
        else:
            marks = [{"start": mark.span.start, "end": mark.span.end, "label": mark.label}]
            if mark.label in REASONS:
                self.label.value = mark.label
        self._shown = marks
        self.highlighter.spans = marks
        self.highlighter.links = [link.to_dict()] if link else []
        self.highlighter.show_machine_layer(self._waiting(), show=True)
        words = " ".join(self.article.body[mark.span.start : mark.span.end].split())[:80]
        where = f"<b>mark {self.position + 1} of {len(self.key.marks)}</b> ({mark.label})"
        why = f" <i>{_html(mark.rule)}</i>" if mark.rule else ""
        self.heading.value = f"{where} status <b>{mark.status or 'reviewed'}</b>: “{_html(words)}”{why}"
        self._say(message or f"{counted(len(unreviewed(self.key)), 'suggestion')} to review")

    def _waiting(self) -> list[Span]:
        """Every mark still to review, for the Highlighter's machine layer (with the rule that found it)."""
        spans = []
        for mark in self.key.marks:
            if mark.status != SUGGESTED:
                continue
            rule = (mark.rule,)
            spans.append(Span(mark.span.start, mark.span.end, mark.label, rule))
            if mark.cue is not None:
                spans.append(Span(mark.cue.start, mark.cue.end, "cue", rule))
        return spans

    def _say(self, message: str) -> None:
        self.status.value = _html(message)


def _load(path: str | Path) -> Key:
    """A key file (drafted, reviewed, or a corpus gold file); a bad file is one line (``SpanError``)."""
    try:
        return Key.load(path)
    except KeyFormatError as error:
        raise SpanError(str(error)) from None


def _link_of(marks: list[dict[str, Any]], speaker: str, kind: str) -> Link | None:
    """The item's parts as one link; None for a drafted item whose parts cannot be linked (shown as marks)."""
    try:
        return make_link([Span.from_dict(m) for m in marks], speaker=speaker, kind=kind if kind in KINDS else "")
    except LinkError:
        return None


def _parts(link: Link) -> dict[str, tuple[int, int]]:
    roles = {"source": link.source, "cue": link.cue, "content": link.content}
    return {role: (p.start, p.end) for role, p in roles.items() if p is not None}


def _html(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


__all__ = ["KeyReview"]
