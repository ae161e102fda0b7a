"""Plain functions behind the Highlighter's traits: labels, mark cleaning, feedback and machine items.

Kept apart from the widget class so they are tested without a kernel or browser.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

from medialit.core.spans import Span
from medialit.exercises.feedback import explain_all, not_graded
from medialit.exercises.scoring import Score

OKABE_ITO_GREY = ("#E69F00", "#56B4E9", "#009E73", "#D55E00", "#CC79A7", "#0072B2", "#F0E442", "#999999")
"""Okabe-Ito colours, black swapped for grey so every colour shows on dark themes too (the figures' palette,
``medialit.exercises.plots.OKABE_ITO``, keeps black: figures have a white background). ``LOOKS`` uses these colours."""
LOOKS = (
    ("#E69F00", "solid"),  # orange
    ("#56B4E9", "dashed"),  # sky blue
    ("#009E73", "dotted"),  # green
    ("#CC79A7", "double"),  # reddish purple
    ("#0072B2", "solid"),  # blue: not dashed like the sky blue
    ("#D55E00", "dotted"),  # vermillion: not solid like the orange
    ("#F0E442", "double"),  # yellow
    ("#999999", "dashed"),  # grey
)
"""Colour and line style of the i-th label. Labels whose colours are alike (orange and vermillion, sky blue
and blue) never share a line style, so no two labels differ by colour alone (``test_label_looks``)."""

DEFAULT_LABELS: tuple[dict[str, str], ...] = tuple(
    {"name": name, "title": name, "key": str(i + 1), "colour": LOOKS[i][0], "style": LOOKS[i][1]}
    for i, name in enumerate(("source", "claim", "cue", "framing"))
)


class LabelError(ValueError):
    """Labels given to the Highlighter that cannot be used; the message says how to write them."""


def make_labels(labels: Iterable[str | dict[str, Any]] | None) -> list[dict[str, str]]:
    """Full label dicts (name, title, key, colour, style) from names or partial dicts.

    The i-th label gets key ``i+1`` and the i-th of ``LOOKS`` (colour and line
    style), unless the dict says otherwise. The title, shown in the legend, tags,
    help and feedback, is the name itself unless given: one name everywhere.
    """
    given = list(DEFAULT_LABELS if labels is None else labels)
    if not given:
        raise LabelError("labels is empty: give at least one label name, e.g. labels=['source']")
    if len(given) > 9:
        raise LabelError(f"{len(given)} labels: at most 9 fit on the keys 1-9")
    out = []
    for i, label in enumerate(given):
        entry = {"name": label} if isinstance(label, str) else dict(label)
        name = str(entry.get("name", "")).strip()
        if not name:
            raise LabelError(f"label {i + 1} has no name: write labels as names or dicts with a 'name'")
        out.append(
            {
                "name": name,
                "title": str(entry.get("title") or name),
                "key": str(entry.get("key") or i + 1),
                "colour": str(entry.get("colour") or entry.get("color") or LOOKS[i % len(LOOKS)][0]),
                "style": str(entry.get("style") or LOOKS[i % len(LOOKS)][1]),
            }
        )
    names = [label["name"] for label in out]
    if len(set(names)) != len(names):
        raise LabelError(f"labels repeat a name ({', '.join(names)}): give each label once")
    return out


def clean_marks(raw: Iterable[Any], length: int) -> list[dict[str, Any]]:
    """Valid marks only (integers, ``0 <= start < end <= length``, a label), sorted, without duplicates."""
    seen: set[tuple[int, int, str]] = set()
    for mark in raw:
        try:
            span = mark if isinstance(mark, Span) else Span.from_dict(mark)
        except (KeyError, TypeError, ValueError, AttributeError):
            continue
        if 0 <= span.start < span.end <= length and span.label:
            seen.add((span.start, span.end, span.label))
    return [{"start": s, "end": e, "label": label} for s, e, label in sorted(seen)]


def one_label_per_sentence(marks: Sequence[dict[str, Any]]) -> list[dict[str, Any]]:
    """In sentence mode a sentence carries one label: the last one given wins."""
    by_bounds = {(m["start"], m["end"]): m for m in marks}
    return [by_bounds[k] for k in sorted(by_bounds)]


def as_spans(marks: Iterable[Any]) -> list[Span]:
    """Spans from Spans, span dicts, an Annotations object or anything with ``.spans()``."""
    if hasattr(marks, "spans") and callable(marks.spans):
        marks = marks.spans()
    return [m if isinstance(m, Span) else Span.from_dict(m) for m in marks]


def feedback_items(
    result: Score,
    body: str = "",
    *,
    show_missed: bool = True,
    others: Sequence[Span] = (),
    graded: Sequence[str] = (),
    own_voice: bool = False,
) -> dict[str, Any]:
    """What the front end needs to show feedback: per item status, place and line; never the whole key.

    ``show_missed=False`` leaves out the key items not found (only their number is said), so a lesson
    check can mark the student's own marks without giving the answer away. ``others`` are marks whose
    label the check does not look at: they get one ``notes`` line per label. ``own_voice``: the check asks
    for the paper's own voice only (``feedback.explain``).
    """
    key = [m.key for m in result.matches if m.key is not None]
    lines = explain_all(result, body, key, own_voice) if body else list(result.feedback)
    items = []
    for match, line in zip(result.matches, lines, strict=True):
        if match.status == "missed" and not show_missed:
            continue
        span = match.answer or match.key
        assert span is not None
        items.append({"start": span.start, "end": span.end, "label": span.label, "status": match.status, "line": line})
    counts = result.counts
    missed = f"{counts.fn} missed" if show_missed else f"{counts.fn} still to find"
    optional = sum(m.status == "optional" for m in result.matches)  # K11: said, so the marks add up
    free = f", {optional} optional" if optional else ""
    summary = f"{counts.tp} correct{free}, {missed}, {counts.fp} extra ({result.points:g} of {result.max_points:g})"
    return {"summary": summary, "items": items, "notes": not_graded(others, graded)}


def machine_items(spans: Iterable[Span]) -> list[dict[str, Any]]:
    """The analyzer's findings for display, each with the rule or word that produced it."""
    items = [
        {"start": s.start, "end": s.end, "label": s.label, "rule": "; ".join(r for r in s.reasons if r)} for s in spans
    ]
    return sorted(items, key=lambda m: (m["start"], -m["end"], m["label"]))


def analysis_spans(analysis: Any) -> list[Span]:
    """Attribution parts, labelled sentences (not 'other') and framing cues of an ``Analysis``."""
    spans: list[Span] = []
    for attribution in analysis.attributions:
        rule = (attribution.rule,) if attribution.rule else ()
        spans.extend(Span(p.start, p.end, p.label, p.reasons or rule) for p in attribution.spans())
    spans.extend(s for s in analysis.sentences if s.label != "other")
    spans.extend(analysis.framing)
    return spans
