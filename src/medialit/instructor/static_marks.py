"""A student's marks over an item's part as static HTML: what the grader sees where the highlighter was.

The autograded notebook has no live widget, so the show cell gets this instead.
Like the widget, a mark never relies on colour alone: each carries its label in
brackets after the words and a line style of its own.
"""

from __future__ import annotations

import html
from collections.abc import Sequence

from medialit.core.counts import counted
from medialit.core.spans import Span
from medialit.exercises.items import item
from medialit.widgets._marks import make_labels


def marks_html(item_id: str, marks: Sequence[Span]) -> str:
    """The item's part with ``marks`` highlighted; marks outside the part are listed below it."""
    it = item(item_id)
    body = it.load().body
    start, end = it.bounds()
    styles = {label["name"]: label for label in make_labels(list(it.labels) or ["source"])}
    inside = sorted((m for m in marks if start <= m.start < m.end <= end), key=lambda m: (m.start, -m.end))
    pieces, at = [], start
    for mark in inside:
        if mark.start < at:  # overlapping marks: show the first one, list the rest below
            continue
        pieces.append(html.escape(body[at : mark.start]))
        label = styles.get(mark.label, {"colour": "#999999", "style": "solid", "title": mark.label})
        css = f"border-bottom:3px {label['style']} {label['colour']};background:{label['colour']}33"
        words = html.escape(body[mark.start : mark.end])
        pieces.append(f'<mark style="{css}">{words}</mark><sup>[{html.escape(mark.label)}]</sup>')
        at = mark.end
    pieces.append(html.escape(body[at:end]))
    shown = {(m.start, m.end, m.label) for m in inside}
    rest = [m for m in marks if (m.start, m.end, m.label) not in shown]
    # the grader reads it in the formgrader, the student in the released feedback: no "the student's"
    head = f"<p><strong>{html.escape(it.id)}: {counted(len(marks), 'mark')} handed in, as graded</strong></p>"
    text = f'<div class="medialit-marks" style="white-space:pre-wrap;line-height:1.8">{"".join(pieces)}</div>'
    return head + text + _others(rest, body)


def _others(rest: Sequence[Span], body: str) -> str:
    if not rest:
        return ""
    rows = []
    for mark in rest[:20]:
        words = body[mark.start : mark.end] if 0 <= mark.start < mark.end <= len(body) else "(not in the text)"
        shown = " ".join(words.split())[:80]
        rows.append(f"<li>[{mark.start}, {mark.end}) {html.escape(mark.label)}: {html.escape(shown)}</li>")
    more = f"<li>... and {len(rest) - 20} more</li>" if len(rest) > 20 else ""
    return f"<p>Marks outside the part or overlapping another mark:</p><ul>{''.join(rows)}{more}</ul>"
