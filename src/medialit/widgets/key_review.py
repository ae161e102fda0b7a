"""Key mode: an instructor reviews a drafted answer key item by item, in a Highlighter.

The Highlighter shows the item under review (an attribution's source, cue and
content, linked as in a student's highlighter: ①source ①cue ①content, with the
speaker and kind on the link; a sentence with its label, or a framing word); buttons accept,
reject or step through items; fields edit a speaker, kind or sentence label;
marks drawn in the Highlighter replace an item's spans or become an item the
analyzer missed. Save writes the gold format through
``medialit.instructor.draft_key.save_key``, which refuses a key that fails the corpus
validator's checks and says why on the status line. Every button has a method
of the same name, so the review can also be scripted or tested.
"""

from __future__ import annotations

import copy
from pathlib import Path
from typing import Any

import ipywidgets as w

from medialit.core.article import Article, load_article
from medialit.core.links import Link, LinkError, make_link
from medialit.core.spans import KINDS, SENTENCE_LABELS, Span, SpanError
from medialit.instructor.draft_key import (
    SECTIONS,
    SUGGESTED,
    add_item,
    attribution,
    decide,
    key_problems,
    load_key,
    save_key,
    unreviewed,
)
from medialit.widgets.highlighter import Highlighter

LABELS = ["source", "cue", "content", *SENTENCE_LABELS, "framing"]


class KeyReview(w.VBox):
    """Review ``key`` (a dict or a key file) for ``article``; ``save_to`` is where Save writes (default: the file)."""

    def __init__(self, article: Article | str, key: dict[str, Any] | str | Path, save_to: str | Path | None = None):
        self.article = article if isinstance(article, Article) else load_article(article)
        self.key = copy.deepcopy(key) if isinstance(key, dict) else load_key(key)
        self.save_to = Path(save_to) if save_to else (None if isinstance(key, dict) else Path(key))
        self.items = [(s, i) for s in SECTIONS for i in range(len(self.key.get(s, [])))]
        self.position = 0
        self.highlighter = Highlighter(self.article, labels=LABELS, mode="spans")
        self.heading = w.HTML()
        self.status = w.HTML()
        self.speaker = w.Text(description="speaker")
        self.kind = w.Dropdown(options=KINDS, description="kind")
        self.label = w.Dropdown(options=SENTENCE_LABELS, description="label")
        buttons = {}
        for name in ("previous", "next", "accept", "reject", "edit", "add", "save"):
            buttons[name] = w.Button(description=name.capitalize())
            buttons[name].on_click(lambda _, name=name: self._press(name))
        self.buttons = buttons
        controls = w.HBox([buttons[n] for n in ("previous", "next", "accept", "reject", "edit", "add", "save")])
        fields = w.HBox([self.speaker, self.kind, self.label])
        super().__init__([self.heading, self.highlighter, fields, controls, self.status])
        self.highlighter.observe(self._on_links, names="links")
        self._show()

    # ------------------------------------------------------------ the item under review

    @property
    def current(self) -> tuple[str, int] | None:
        return self.items[self.position] if self.items else None

    def entry(self) -> dict[str, Any]:
        section, index = self.current or ("", -1)
        return self.key[section][index]

    def next(self) -> None:
        self.position = min(self.position + 1, max(len(self.items) - 1, 0))
        self._show()

    def previous(self) -> None:
        self.position = max(self.position - 1, 0)
        self._show()

    def accept(self) -> None:
        self._decide("accepted")

    def reject(self) -> None:
        self._decide("rejected")

    def edit(self) -> None:
        """Take the fields (speaker, kind or label) and, for an attribution or framing item, the drawn marks."""
        section, _ = self.current or ("", -1)
        changes: dict[str, Any] = {}
        if section == "sentences":
            changes["label"] = self.label.value
        elif section == "attributions":
            link = self._linked(new_only=True)  # the item's own link: its speaker and kind are in the fields
            marks = self._marks() if link is None else _parts(link)
            source, cue = marks.get("source"), marks.get("cue")
            if not (source and cue):
                raise SpanError("mark one source and one cue in the text (and link them), then press Edit")
            changes = attribution(
                self.article.body, self.speaker.value, source, cue, self.kind.value, marks.get("content")
            )
        else:
            framing = self._marks().get("framing")
            if not framing:
                raise SpanError("mark the framing words in the text, then press Edit")
            changes = {"start": framing[0], "end": framing[1], "text": self.article.body[framing[0] : framing[1]]}
        self._decide("edited", **changes)

    def add(self) -> None:
        """A missed item from the drawn marks: source + cue (+ content) make an attribution, a framing mark a word."""
        link = self._linked(new_only=True)
        marks = self._marks(drawn_only=True) if link is None else _parts(link)
        body = self.article.body
        if marks.get("source") and marks.get("cue"):
            speaker = self.speaker.value.strip() or body[marks["source"][0] : marks["source"][1]]
            kind = self.kind.value
            new = attribution(body, speaker, marks["source"], marks["cue"], kind, marks.get("content"))
            added = add_item(self.key, "attributions", new)
            section = "attributions"
        elif marks.get("framing"):
            s, e = marks["framing"]
            added = add_item(self.key, "framing", {"start": s, "end": e, "label": "loaded", "text": body[s:e]})
            section = "framing"
        else:
            raise SpanError("mark a source and a cue (an attribution) or framing words, then press Add")
        self.items.append((section, self.key[section].index(added)))
        self.position = len(self.items) - 1
        self._show(f"added {section[:-1] if section.endswith('s') else section} item")

    def save(self) -> Path:
        if self.save_to is None:
            raise SpanError("no file to save to: create KeyReview(..., save_to='course/keys/ID.key.json')")
        path = save_key(self.key, self.article, self.save_to)
        self._say(f"saved {path.name}: {len(unreviewed(self.key))} suggestion(s) still unreviewed")
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

    def _decide(self, decision: str, **changes: Any) -> None:
        if self.current is None:
            raise SpanError("the key has no items to review")
        section, index = self.current
        entry = decide(self.key, section, index, decision, **changes)
        self.position = min(self.position + 1, len(self.items) - 1)
        self._show(f"{section} {index + 1}: {entry.get('status')}")

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
                "<b>The key has no items.</b> Mark a source and a cue, or framing words, and press Add."
            )
            self._shown = []
            self.highlighter.spans = []
            return
        section, index = self.current
        entry = self.entry()
        body = self.article.body
        if section == "attributions":
            marks = [
                {"start": entry[f"{p}_start"], "end": entry[f"{p}_end"], "label": p}
                for p in ("source", "cue", "content")
                if entry.get(f"{p}_start") is not None
            ]
            self.speaker.value, self.kind.value = entry.get("speaker", ""), entry.get("kind", KINDS[0])
            link = _link_of(marks, self.speaker.value, self.kind.value)
        elif section == "sentences":
            marks = [{"start": entry["start"], "end": entry["end"], "label": entry["label"]}]
            self.label.value = entry["label"]
        else:
            marks = [{"start": entry["start"], "end": entry["end"], "label": "framing"}]
        self._shown = marks
        self.highlighter.spans = marks
        self.highlighter.links = [link.to_dict()] if section == "attributions" and link else []
        self.highlighter.show_machine_layer(self._waiting(), show=True)
        words = " ".join(body[marks[0]["start"] : marks[0]["end"]].split())[:80]
        rule = entry.get("rule") or "; ".join(entry.get("reasons", []))
        where = f"<b>{section} {index + 1} of {len(self.key[section])}</b> ({self.position + 1}/{len(self.items)})"
        why = f" <i>{_html(rule)}</i>" if rule else ""
        self.heading.value = f"{where} status <b>{entry.get('status', 'reviewed')}</b>: “{_html(words)}”{why}"
        self._say(message or f"{len(unreviewed(self.key))} suggestion(s) to review")

    def _waiting(self) -> list[Span]:
        """Every item still to review, for the Highlighter's machine layer (with the rule that found it)."""
        spans = []
        for section in SECTIONS:
            for entry in self.key.get(section, []):
                if entry.get("status") != SUGGESTED:
                    continue
                rule = (entry.get("rule") or "",)
                if section == "attributions":
                    spans += [Span(entry[f"{p}_start"], entry[f"{p}_end"], p, rule) for p in ("source", "cue")]
                elif section == "framing" or entry["label"] != "other":
                    spans.append(Span(entry["start"], entry["end"], entry["label"], rule))
        return spans

    def _say(self, message: str) -> None:
        self.status.value = _html(message)


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
