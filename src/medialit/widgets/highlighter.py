"""The Highlighter: students mark words or sentences of an article; marks are saved beside the notebook.

Traits and file paths only, plus thin methods. The DOM work lives in
``static/highlighter.js``; cleaning, feedback and machine items in
``_marks.py``; the file format in ``medialit.sidecar``. Every offset in a synced
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

from medialit import export, sidecar
from medialit.article import Article, from_text
from medialit.scoring import Score, score
from medialit.spans import Span
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

__all__ = ["DEFAULT_LABELS", "Highlighter"]


class Highlighter(anywidget.AnyWidget):
    """Mark spans (or label sentences) of an article with the mouse or the keyboard.

    article (Article | str): the text; a string becomes an article (first line = title).
    labels (list): label names, or dicts with name, key, colour, style (defaults: source, claim, cue, framing).
    mode (str): "spans" marks any words; "sentences" gives whole sentences one label each.
    save_to (str | Path | None): sidecar file beside the notebook; every change is written there and a new
        Highlighter with the same file starts from it (see ``medialit.sidecar``).
    """

    _esm = STATIC / "highlighter.js"
    _css = STATIC / "highlighter.css"

    text = t.Unicode("").tag(sync=True)
    labels = t.List(t.Dict()).tag(sync=True)
    mode = t.Unicode("spans").tag(sync=True)
    sentence_bounds = t.List(t.List(t.Int())).tag(sync=True)
    spans = t.List(t.Dict()).tag(sync=True)
    feedback = t.Dict().tag(sync=True)
    machine = t.List(t.Dict()).tag(sync=True)
    show_machine = t.Bool(False).tag(sync=True)
    locked = t.Bool(False).tag(sync=True)
    status = t.Unicode("").tag(sync=True)

    def __init__(
        self,
        article: Article | str,
        labels: Iterable[str | dict[str, Any]] | None = None,
        mode: str = "spans",
        save_to: str | pathlib.Path | None = None,
        **kwargs: Any,
    ) -> None:
        if mode not in MODES:
            raise ValueError(f"mode={mode!r}: use mode='spans' or mode='sentences'")
        self.article = article if isinstance(article, Article) else from_text(str(article))
        self.save_to = pathlib.Path(save_to) if save_to else None
        self._can_save = self.save_to is not None
        body = self.article.body
        super().__init__(
            text=body,
            labels=make_labels(labels),
            mode=mode,
            sentence_bounds=[[s, e] for s, e in self.article.sentences],
            **kwargs,
        )
        self._restore()
        self.observe(self._on_spans, names="spans")

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

    # ------------------------------------------------------------ feedback and the machine layer

    def show_feedback(self, key: Any, *, max_points: float = 1.0) -> Score:
        """Mark each item correct, missed or extra with a reason; returns the Score."""
        result = score(self.as_spans(), as_spans(key), max_points=max_points, body=self.text)
        self.feedback = feedback_items(result)
        return result

    def hide_feedback(self) -> None:
        self.feedback = {}

    def show_machine_layer(self, findings: Any = None) -> None:
        """Show the analyzer's findings beside the student's marks (toggle with the checkbox).

        findings: an ``Analysis``, a list of Spans with reasons, or None to run ``analyze`` now.
        """
        if findings is None:
            from medialit.analysis import analyze  # spaCy is heavy: load it only when asked

            findings = analyze(self.article)
        spans = analysis_spans(findings) if hasattr(findings, "attributions") else as_spans(findings)
        self.machine = machine_items(spans)
        self.show_machine = True

    # ------------------------------------------------------------ exports

    def to_gold(self) -> dict[str, Any]:
        marks = self.as_spans()
        if self.mode == "sentences":
            return export.to_gold(self.article, [], marks)
        return export.to_gold(self.article, marks)

    def to_prodigy(self) -> str:
        return export.to_prodigy(self.article, self.as_spans())

    def to_web_annotation(self) -> dict[str, Any]:
        return export.to_web_annotation(self.article, self.as_spans(), creator=sidecar.current_user())

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
            self.spans = self._clean(saved.marks())
            self.status = f"{len(self.spans)} marks loaded from {self.save_to.name}"

    def _on_spans(self, change: dict[str, Any]) -> None:
        cleaned = self._clean(change["new"])
        if cleaned != change["new"]:
            self.spans = cleaned  # fires this observer again with the clean list
            return
        self._save()

    def _clean(self, marks: Iterable[Any]) -> list[dict[str, Any]]:
        cleaned = clean_marks(marks, len(self.text))
        return one_label_per_sentence(cleaned) if self.mode == "sentences" else cleaned

    def _save(self) -> None:
        if self.save_to is None or not self._can_save:
            return
        marks = tuple(Span.from_dict(m) for m in self.spans)
        spans, sentences = ((), marks) if self.mode == "sentences" else (marks, ())
        saved = sidecar.Saved(self.article.id, self.article.sha256, self.mode, spans, sentences)
        try:
            sidecar.write(self.save_to, saved)
        except OSError as error:
            self._say(f"could not save to {self.save_to.name} ({error.strerror or error}); marks are kept only here")
            return
        self.status = f"saved {len(marks)} marks to {self.save_to.name}"

    def _say(self, message: str) -> None:
        """One visible line: in the widget's status bar and on stdout (never stderr: nbgrader gives 0 for it)."""
        self.status = message
        print(f"medialit highlighter: {message}")
