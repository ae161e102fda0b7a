"""The Highlighter: students mark words or sentences of an article; marks are saved beside the notebook.

Traits and file paths only, plus thin methods. The DOM work lives in
``static/highlighter.js``; cleaning, feedback and machine items in
``_marks.py``; the file format in ``medialit.core.sidecar``. Every offset in a synced
trait is a Python string index (code point) into ``article.body``; the front end
converts to and from the browser's UTF-16 units itself.

Never put an answer key in a trait: anything synced can be read in the browser.
``feedback`` carries only per-item results once a student asks for them.
"""

from __future__ import annotations

import pathlib
from collections.abc import Iterable
from typing import Any

import anywidget
import traitlets as t

from medialit.core import export, sidecar
from medialit.core.article import Article, from_text
from medialit.core.counts import counted
from medialit.core.links import Link, LinkError, clean_links, follow_relabels, make_link, merge_links
from medialit.core.saved_work import SIDECAR_SUFFIX
from medialit.core.spans import Span
from medialit.exercises.key import KeyMark
from medialit.exercises.scoring import score
from medialit.widgets._marks import (
    DEFAULT_LABELS,
    analysis_spans,
    as_spans,
    clean_marks,
    feedback_items,
    machine_items,
    make_labels,
    one_label_per_sentence,
)

STATIC = pathlib.Path(__file__).parent / "static"
MODES = ("spans", "sentences")
TAKEN_FROM = "taken_from"
"""The sidecar key recording which ``start_from`` marks a file has taken in: ``{"file": name, "spans": [...]}``."""
NOT_THE_SPEAKER = "the speaker is not right yet (who do the words refer to?)"
"""Told of a link at an expected cue, required or optional, that does not name its speaker (it costs on both)."""

__all__ = ["DEFAULT_LABELS", "Highlighter"]


def _name_of(save_to: pathlib.Path | None) -> str:
    """``ex01-q1`` for ``ex01-q1.highlights.json``: the question a widget saves for names it."""
    if save_to is None:
        return ""
    return save_to.name.removesuffix(SIDECAR_SUFFIX).removesuffix(".json") or save_to.name


def _kernel_session() -> str:
    """The running kernel's session id ("" outside a kernel), which every message it sends carries."""
    try:
        from IPython import get_ipython

        return str(get_ipython().kernel.session.session)
    except AttributeError:
        return ""


class Highlighter(anywidget.AnyWidget):
    """Mark spans (or label sentences) of an article with the mouse or the keyboard.

    article (Article | str): the text; a string becomes an article (first line = title).
    labels (list): label names, or dicts with name, key, colour, style (defaults: source, claim, cue, framing).
    mode (str): "spans" marks any words; "sentences" gives whole sentences one label each.
    save_to (str | Path | None): sidecar file beside the notebook; every change is written there and a new
        Highlighter with the same file starts from it (see ``medialit.core.sidecar``). Another tab, lesson or
        Highlighter may write the same file: changes made there are merged in before each write.
    start_from (str | Path | None): another sidecar to start from; it is only read (lesson 6 starts from lesson
        2's marks without changing them). While ``save_to`` does not exist yet its marks are copied; after that,
        each new Highlighter adds the marks made there since the last copy (``save_to`` records which it has
        taken in), so a mark removed here stays removed and one removed there stays here.
    part (tuple | None): ``(start, end)`` of the part that counts (an exercise item's): the text around it stays
        for context but is greyed and set off, and the widget opens on the part.
    """

    _esm = STATIC / "highlighter.js"
    _css = STATIC / "highlighter.css"

    text = t.Unicode("").tag(sync=True)
    labels = t.List(t.Dict()).tag(sync=True)
    mode = t.Unicode("spans").tag(sync=True)
    sentence_bounds = t.List(t.List(t.Int())).tag(sync=True)
    spans = t.List(t.Dict()).tag(sync=True)
    links = t.List(t.Dict()).tag(sync=True)
    feedback = t.Dict().tag(sync=True)
    machine = t.List(t.Dict()).tag(sync=True)
    show_machine = t.Bool(False).tag(sync=True)
    locked = t.Bool(False).tag(sync=True)
    status = t.Unicode("").tag(sync=True)
    part = t.List(t.Int()).tag(sync=True)
    linking = t.Bool(True).tag(sync=True)
    """False where a question asks for marks only: no Link button, key or drag (a student would link for nothing)."""
    name = t.Unicode("").tag(sync=True)
    """Which widget this is, said after its text box's and landmarks' names where a page holds several (an
    exercise's questions); by default the name of the ``save_to`` file without ``.highlights.json``."""
    kernel_session = t.Unicode("").tag(sync=True)
    """The session id of the kernel that made this widget: a kernel answering under another id is a restart."""

    def __init__(
        self,
        article: Article | str,
        labels: Iterable[str | dict[str, Any]] | None = None,
        mode: str = "spans",
        save_to: str | pathlib.Path | None = None,
        start_from: str | pathlib.Path | None = None,
        part: tuple[int, int] | None = None,
        **kwargs: Any,
    ) -> None:
        if mode not in MODES:
            raise ValueError(f"mode={mode!r}: use mode='spans' or mode='sentences'")
        self.article = article if isinstance(article, Article) else from_text(str(article))
        if part is not None and not 0 <= part[0] < part[1] <= len(self.article.body):
            raise ValueError(f"part={part!r} is not inside the text (0 to {len(self.article.body)})")
        self.save_to = pathlib.Path(save_to) if save_to else None
        self._can_save = self.save_to is not None
        self._synced: list[Span] = []  # the marks as last read from or written to save_to
        self._synced_links: list[Link] = []
        self._seen: str | None = None  # save_to's fingerprint then
        self._merging = False
        self._start_file = pathlib.Path(start_from) if start_from is not None else None
        self._taken: list[Span] | None = None  # start_from's marks as last taken in (None: no record in save_to)
        self.last_score: Any = None  # a Score, or a LinkScore after show_link_feedback
        body = self.article.body
        super().__init__(
            text=body,
            labels=make_labels(labels),
            mode=mode,
            sentence_bounds=[[s, e] for s, e in self.article.sentences],
            part=list(part) if part is not None else [],
            kernel_session=_kernel_session(),
            **({"name": _name_of(self.save_to)} | kwargs),
        )
        self._restore()
        if self._start_file is not None:
            self._start_from(self._start_file, first=self._seen is None)
        self.observe(self._on_spans, names="spans")
        self.observe(self._on_links, names="links")
        self.on_msg(self._answer)

    # ------------------------------------------------------------ marks

    @property
    def sentence_labels(self) -> list[dict[str, Any]]:
        """Sentence marks (sentence mode); empty in span mode."""
        return list(self.spans) if self.mode == "sentences" else []

    def add_span(self, start: int, end: int, label: str) -> None:
        """Mark ``body[start:end]`` with ``label`` (in sentence mode it replaces that sentence's label)."""
        names = [lab["name"] for lab in self.labels]
        if label not in names:
            raise ValueError(f"label {label!r} is not one of {', '.join(names)}")
        if not 0 <= start < end <= len(self.text):
            raise ValueError(f"[{start}, {end}) is not inside the text (0 to {len(self.text)})")
        self.spans = [*self.spans, {"start": int(start), "end": int(end), "label": label}]

    def remove_span(self, start: int | Span | dict, end: int | None = None, label: str | None = None) -> int:
        """Remove marks with these offsets (and label, if given); returns how many went."""
        if isinstance(start, Span | dict):
            span = start if isinstance(start, Span) else Span.from_dict(start)
            start, end, label = span.start, span.end, span.label
        keep = [
            m
            for m in self.spans
            if not (m["start"] == start and (end is None or m["end"] == end) and label in (None, m["label"]))
        ]
        removed = len(self.spans) - len(keep)
        self.spans = keep
        return removed

    def clear(self) -> None:
        """Remove every mark (saved, so the sidecar is emptied too)."""
        self.spans = []

    def as_spans(self) -> list[Span]:
        return [Span.from_dict(m) for m in self.spans]

    # ------------------------------------------------------------ links (source -> cue -> content)

    @property
    def attributions(self) -> list[Link]:
        """The links as ``Link`` objects (source, cue, content spans, speaker, kind); assign a list to replace them.

        Kept in step with the ``links`` trait both ways: observe ``links`` to hear of every change.
        """
        return clean_links(self.links, self.as_spans())

    @attributions.setter
    def attributions(self, value: Iterable[Link | dict[str, Any]]) -> None:
        self.links = [x.to_dict() if isinstance(x, Link) else dict(x) for x in value]

    def add_link(self, *marks: Span | dict | tuple[int, int], speaker: str = "", kind: str = "") -> Link:
        """Link marks into one attribution (each goes to the part its label names); returns the link.

        A mark is a Span, a mark dict, or ``(start, end)`` of a mark already made. A Span or dict
        not yet marked is marked first. An existing link over the same marks gets the new speaker and kind.
        """
        found = [self._mark_for(m) for m in marks]
        try:
            link = make_link(found, speaker=speaker, kind=kind)
        except LinkError as error:
            raise ValueError(str(error)) from None
        have = {(s.start, s.end, s.label) for s in self.as_spans()}
        new = [s for s in found if (s.start, s.end, s.label) not in have]
        if new:
            self.spans = [*self.spans, *(s.to_plain_dict() for s in new)]
        kept = [x for x in self.attributions if x.ident() != link.ident()]
        self.attributions = [*kept, link]
        return link

    def remove_link(self, link: Link | int | Span | dict) -> int:
        """Remove a link (a Link, its index in ``attributions``, or any of its marks); returns how many went."""
        current = self.attributions
        if isinstance(link, int) and not isinstance(link, bool):
            if not 0 <= link < len(current):
                raise ValueError(f"there is no link {link}: there are {len(current)} (0 to {len(current) - 1})")
            gone = [current[link]]
        elif isinstance(link, Link):
            gone = [x for x in current if x.ident() == link.ident()]
        else:
            mark = self._mark_for(link)
            gone = [x for x in current if any((p.start, p.end) == (mark.start, mark.end) for p in x.parts())]
        self.attributions = [x for x in current if x not in gone]
        return len(gone)

    def _mark_for(self, mark: Span | dict | tuple[int, int]) -> Span:
        if isinstance(mark, Span):
            return mark
        if isinstance(mark, dict):
            return Span.from_dict(mark)
        if isinstance(mark, tuple) and len(mark) == 2:
            here = [s for s in self.as_spans() if (s.start, s.end) == tuple(mark)]
            if not here:
                raise ValueError(f"no mark at {mark}: mark those words first, or give a Span with its label")
            return here[0]
        raise ValueError(f"{mark!r} is not a mark: give a Span, a mark dict or (start, end) of a mark")

    # ------------------------------------------------------------ feedback and the machine layer

    def show_feedback(
        self, key: Any, *, max_points: float = 1.0, show_missed: bool = True, own_voice: bool = False
    ) -> None:
        """Mark each of your marks correct (✓) or extra (?) in the widget, and missed items (✗), with reasons.

        Only marks with a label the key uses are scored; the others are listed as not part of this
        check. ``show_missed=False`` keeps the key's unfound items back (lesson checks before ``reveal``);
        ``own_voice``: the check asks for the paper's own voice only, so quoted framing is the speaker's.
        Returns None (the Score is kept in ``last_score``), so a cell ending with it prints nothing long.
        """
        key_marks = list(key) if isinstance(key, list | tuple) else []
        if key_marks and all(isinstance(k, KeyMark) for k in key_marks):  # optional marks and accepted labels kept
            graded = {r.label for k in key_marks for r in k.readings()}
        else:
            key_marks = as_spans(key)
            graded = {s.label for s in key_marks}
        marks = [s for s in self.as_spans() if not graded or s.label in graded]
        result = score(marks, key_marks, max_points=max_points, body=self.text)
        names = {lab["name"]: lab["title"] for lab in self.labels}
        self.feedback = feedback_items(
            result, self.text, show_missed=show_missed, others=[s for s in self.as_spans() if s not in marks],
            graded=sorted(graded, key=lambda g: list(names).index(g) if g in names else len(names)),
            own_voice=own_voice,
        )  # fmt: skip
        self.last_score = result
        self.status = f"feedback: {self.feedback['summary']}"

    def show_link_feedback(
        self, expected: Any, *, optional: Any = (), max_points: float = 1.0, show_missed: bool = False
    ) -> None:
        """Mark each linked cue right (✓), half right (½: the cue, but not yet the speaker) or extra (?).

        ``expected``: Links, gold Attributions or their dicts; scored by ``link_scoring.score_links``
        (the one scoring function: cues found, speakers right); ``optional``: links that may be made or left
        (K5's nested attributions), though one made with the wrong speaker costs as a required one does.
        ``show_missed=False`` keeps back the attributions not linked yet (only their number is said). The
        LinkScore is kept in ``last_score``.
        """
        from medialit.exercises.link_scoring import names_the_speaker, score_links

        result = score_links(self.attributions, expected, optional=optional, max_points=max_points)
        right = {m.mark.span for m in result.speakers.matches if m.status == "correct" and m.mark}
        items = []
        for match in result.cues.matches:
            span = match.answer or match.key
            words = self.text[span.start : span.end] if span else ""
            if match.status == "correct":
                ok = match.mark is not None and match.mark.span in right
                line = f"‘{words}’: cue and speaker right" if ok else f"‘{words}’: the right cue; {NOT_THE_SPEAKER}"
                status = "correct" if ok else "partial"
            elif match.status == "optional":  # K5's nested attributions: leaving them costs nothing; made, a
                # wrong name costs as on a required link (link_scoring; ex01-q2 charges its nested 'I' so)
                given, mark = match.given, match.mark
                named = given is not None and mark is not None and names_the_speaker(given, mark)
                status, line = "optional", f"‘{words}’: a link you may make or leave: it costs nothing"
                if not named:
                    status = "partial"
                    line = f"‘{words}’: a link you may leave out, but once made it counts: {NOT_THE_SPEAKER}"
            elif match.status == "extra":
                status, line = "extra", f"‘{words}’: not a cue this check expects a link at"
            elif match.status == "missed" and show_missed:
                status, line = "missed", f"‘{words}’: an attribution not linked yet"
            else:
                continue
            items.append({"start": span.start, "end": span.end, "label": "cue", "status": status, "line": line})
        missed = result.cues.counts.fn
        summary = f"{result.summary()}; {missed} still to link ({result.points:g} of {result.max_points:g})"
        self.feedback = {"summary": summary, "items": items, "notes": []}
        self.last_score = result
        self.status = f"feedback: {summary}"

    def hide_feedback(self) -> None:
        self.feedback = {}

    def show_machine_layer(self, findings: Any = None, *, show: bool = False) -> None:
        """Give the widget the analyzer's findings, hidden until the student ticks "show analyzer".

        findings: an ``Analysis``, a list of Spans with reasons, or None to run ``analyze`` now.
        show: tick the box now (for instructors; students should mark first, then compare).
        """
        if findings is None:
            from medialit.nlp.analysis import analyze  # spaCy is heavy: load it only when asked

            findings = analyze(self.article)
        spans = analysis_spans(findings) if hasattr(findings, "attributions") else as_spans(findings)
        self.machine = machine_items(spans)
        self.show_machine = show

    # ------------------------------------------------------------ exports

    def to_gold(self) -> dict[str, Any]:
        marks = self.as_spans()
        if self.mode == "sentences":
            return export.to_gold(self.article, [], marks)
        return export.to_gold(self.article, marks, links=self.attributions)

    def to_prodigy(self) -> str:
        return export.to_prodigy(self.article, self.as_spans(), self.attributions)

    def to_web_annotation(self) -> dict[str, Any]:
        spans, links = self.as_spans(), self.attributions
        return export.to_web_annotation(self.article, spans, creator=sidecar.current_user(), links=links)

    # ------------------------------------------------------------ persistence

    def _restore(self) -> None:
        if self.save_to is None:
            return
        saved, message, self._can_save = sidecar.load_or_back_up(
            self.save_to, body_sha256=self.article.sha256, mode=self.mode
        )
        if message:
            self._say(message)
        if saved is not None:
            self._seen = sidecar.fingerprint(self.save_to)
            self._synced = self._clean_spans(saved.marks())
            self._synced_links = clean_links(saved.links, self._synced)
            self.spans = [m.to_dict() for m in self._synced]
            self.links = [x.to_dict() for x in self._synced_links]
            self.status = f"{counted(len(self.spans), 'mark')} loaded from {self.save_to.name}"
            self._taken = self._taken_record(saved.extra)

    def _taken_record(self, extra: dict[str, Any]) -> list[Span] | None:
        """The ``start_from`` marks this file last took in (its ``taken_from`` key), if it names that file."""
        record = extra.get(TAKEN_FROM)
        if self._start_file is None or not isinstance(record, dict) or record.get("file") != self._start_file.name:
            return None
        try:
            return [Span.from_dict(m) for m in record.get("spans", [])]
        except (KeyError, TypeError, ValueError):
            return None

    def _start_from(self, other: pathlib.Path, *, first: bool) -> None:
        """Marks from another lesson's or question's sidecar, read only (a damaged one is left as it is): all of
        them the first time, then those added there since the last time (``_taken``)."""
        try:
            saved = sidecar.read(other, body_sha256=self.article.sha256, mode=self.mode)
        except FileNotFoundError:
            return
        except (sidecar.SidecarError, OSError) as error:
            self._say(f"could not start from {other.name} ({error}); starting with no marks")
            return
        theirs = saved.marks()
        if first:
            self._taken = theirs
            self.spans = self._clean(theirs)
            self.links = [x.to_dict() for x in clean_links(saved.links, self.as_spans())]
            self._save()
            self.status = f"started from {counted(len(self.spans), 'mark')} in {other.name} (that file is only read)"
            return
        ours = set(self.as_spans())
        base = set(self._taken) if self._taken is not None else ours  # no record (an older file): any not here
        new = [m for m in theirs if m not in base and m not in ours]
        record_changed = self._taken is None or set(self._taken) != set(theirs)
        self._taken = theirs
        if new:
            self.spans = self._clean([*self.spans, *(m.to_dict() for m in new)])  # saved, with the record
            loaded = f"{counted(len(self.spans) - len(new), 'mark')} loaded from {self.save_to.name}"
            self.status = f"{loaded}; added {counted(len(new), 'new mark')} from {other.name} (that file is only read)"
        elif record_changed:
            self._save()  # the record in step with the other file: a mark removed there and here stays gone

    def reload(self) -> None:
        """Take in marks another tab, lesson or Highlighter saved to ``save_to`` since this one last saved."""
        if self.save_to is not None and self._can_save:
            self._save(force=True)

    def _on_spans(self, change: dict[str, Any]) -> None:
        if self._merging:
            return
        cleaned = self._clean(change["new"])
        if cleaned != change["new"]:
            self.spans = cleaned  # fires this observer again with the clean list
            return
        before = [
            Span.from_dict(m) for m in change["old"] if isinstance(m, dict) and {"start", "end", "label"} <= m.keys()
        ]
        # the links as they are now (the front end sends links with the marks they join, in one message)
        current = clean_links(self.links, [*before, *self.as_spans()])
        followed = follow_relabels(current, before, self.as_spans())
        kept = [x.to_dict() for x in clean_links(followed, self.as_spans())]
        if kept != self.links:
            self._merging = True  # removing a mark removes its links: one save for both
            try:
                self.links = kept
            finally:
                self._merging = False
        self._save()

    def _on_links(self, change: dict[str, Any]) -> None:
        if self._merging:
            return
        cleaned = [x.to_dict() for x in clean_links(change["new"], self.as_spans())]
        if cleaned != change["new"]:
            self.links = cleaned
            return
        self._save()

    def _clean(self, marks: Iterable[Any]) -> list[dict[str, Any]]:
        cleaned = clean_marks(marks, len(self.text))
        return one_label_per_sentence(cleaned) if self.mode == "sentences" else cleaned

    def _clean_spans(self, marks: Iterable[Any]) -> list[Span]:
        return [Span.from_dict(m) for m in self._clean(marks)]

    def _save(self, force: bool = False) -> None:
        """Write the marks; when the file changed since the last read or write, merge its changes in first."""
        if self.save_to is None or not self._can_save:
            return
        try:
            with sidecar.locked(self.save_to):
                note, same_as_file = self._merge_from_disk()
                if force and (note is None or same_as_file):
                    if note:
                        self.status = note
                    return
                self._write()
        except OSError as error:
            self._say(f"could not save to {self.save_to.name} ({error.strerror or error}); marks are kept only here")
            return
        linked = f" and {counted(len(self.links), 'link')}" if self.links else ""
        saved = f"saved {counted(len(self.spans), 'mark')}{linked} to {self.save_to.name}"
        self.status = f"{note}; {saved}" if note else saved

    def _merge_from_disk(self) -> tuple[str | None, bool]:
        """Merge marks saved by another writer: (what happened in words or None, whether the file already holds
        the merged marks)."""
        now = sidecar.fingerprint(self.save_to)
        if now == self._seen or now is None:
            return None, False
        try:
            saved = sidecar.read(self.save_to, body_sha256=self.article.sha256, mode=self.mode)
            theirs = saved.marks()
        except sidecar.SidecarError as error:
            backup = sidecar.back_up(self.save_to)
            return f"{error}: kept it as {backup.name}", False
        theirs_links = list(saved.links)
        merged, added, removed = sidecar.merge(self._synced, self.as_spans(), theirs)
        merged_dicts = self._clean(merged)
        links, links_added, links_removed = merge_links(self._synced_links, self.attributions, theirs_links)
        merged_links = [x.to_dict() for x in clean_links(links, [Span.from_dict(m) for m in merged_dicts])]
        if merged_dicts != self.spans or merged_links != self.links:
            self._merging = True
            try:
                self.spans = merged_dicts
                self.links = merged_links
            finally:
                self._merging = False
        same_as_file = merged_dicts == self._clean(theirs) and merged_links == [
            x.to_dict() for x in clean_links(theirs_links, theirs)
        ]
        if same_as_file:
            self._seen, self._synced, self._synced_links = now, self.as_spans(), self.attributions
        counts = ((added, "mark", "added"), (removed, "mark", "removed"))
        counts += ((links_added, "link", "added"), (links_removed, "link", "removed"))
        parts = [f"{counted(n, noun)} {what}" for n, noun, what in counts if n]
        where = f"{self.save_to.name} changed elsewhere (another tab, lesson or highlighter)"
        return (
            f"{where}: merged, {' and '.join(parts)} there" if parts else f"{where}: merged, nothing lost"
        ), same_as_file

    def _write(self) -> None:
        marks = tuple(Span.from_dict(m) for m in self.spans)
        spans, sentences = ((), marks) if self.mode == "sentences" else (marks, ())
        links = tuple(self.attributions)
        extra = {}
        if self._start_file is not None and self._taken is not None:
            taken = [m.to_plain_dict() for m in self._taken]
            extra[TAKEN_FROM] = {"file": self._start_file.name, "spans": taken}
        saved = sidecar.Saved(
            self.article.id, self.article.sha256, self.mode, spans, sentences, extra=extra, links=links
        )
        sidecar.write(self.save_to, saved)
        self._seen = sidecar.fingerprint(self.save_to)
        self._synced, self._synced_links = list(marks), list(links)

    def _answer(self, _widget: Any, content: Any, _buffers: Any) -> None:
        """Answer the front end's "still there?", asked before and after each edit it shows.

        Only the kernel that made this widget holds its comm; after a restart (from any tab) nobody answers,
        and the front end refuses the edit instead of showing a mark that would never be saved.
        """
        if isinstance(content, dict) and content.get("ask") == "alive":
            self.send({"alive": content.get("n")})

    def _say(self, message: str) -> None:
        """One visible line: in the widget's status bar and on stdout (never stderr: nbgrader gives 0 for it)."""
        self.status = message
        print(f"medialit highlighter: {message}")
