"""matplotlib figures over spans and scores.

Every figure function takes results (never computes them), draws on an
``Axes`` (new one if not given) and returns it. ``finish`` gives every figure
a title, labelled axes and alt text, so no figure ships without them.
"""

from __future__ import annotations

import html
import textwrap
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING, Any

import matplotlib.pyplot as plt
from matplotlib.axes import Axes
from matplotlib.text import Text

from medialit.core.counts import counted
from medialit.core.quoting import clipped
from medialit.core.spans import KINDS, SENTENCE_LABELS, Annotations, Attribution, Span

if TYPE_CHECKING:
    from medialit.core.article import Block
    from medialit.nlp.analysis import Analysis

# Okabe & Ito (2008) colour-blind-safe palette, in their order.
OKABE_ITO = {
    "orange": "#E69F00",
    "sky_blue": "#56B4E9",
    "bluish_green": "#009E73",
    "yellow": "#F0E442",
    "blue": "#0072B2",
    "vermillion": "#D55E00",
    "reddish_purple": "#CC79A7",
    "black": "#000000",
}
PALETTE = list(OKABE_ITO.values())
HATCHES = ["", "//", "..", "xx", "\\\\", "++", "oo", "--"]
"""Paired with PALETTE so bars differ by pattern as well as colour."""


def new_axes(ax: Axes | None = None, size: tuple[float, float] = (7, 4)) -> Axes:
    """``ax`` when the caller gives one (to place the figure in its own layout), else a new figure's axes."""
    if ax is not None:
        return ax
    _, ax = plt.subplots(figsize=size, layout="constrained")
    return ax


def finish(ax: Axes, *, title: str, xlabel: str, ylabel: str, alt: str) -> Axes:
    """Title, axis labels and alt text; the alt text is stored on the figure for notebooks and files.

    Every text of the figure is drawn as written: matplotlib reads text between two ``$`` as maths, so a student
    id such as ``$\\foo$`` (a hand-in folder anyone can name where the exchange cannot tell its owner, Kubernetes)
    stopped ``medialit course report``'s heatmap for the whole class with a ValueError, and prices such as *$5 and
    $8* in an article's words came out in italics (attack20).
    """
    if not (title and xlabel and ylabel and alt):
        raise ValueError("every figure needs a title, both axis labels and alt text")
    ax.set_title(title)
    ax.set_xlabel(xlabel)
    ax.set_ylabel(ylabel)
    ax.figure.alt_text = alt  # read by save() and by the notebook helpers
    ax.figure.set_label(alt)
    for text in ax.figure.findobj(Text):  # words are words: '$' pairs in a name are not maths
        text.set_parse_math(False)
    return ax


def alt_text(ax: Axes) -> str:
    """The alt text ``finish`` stored on the figure ("" for one it never finished), for a notebook or a file."""
    return getattr(ax.figure, "alt_text", "")


def save(ax: Axes, path: str, dpi: int = 120, *, tight: bool = False, close: bool = False) -> None:
    """Save a PNG and its alt text beside it (``.alt.txt``), since PNG files carry none.

    ``tight`` grows the saved area to every label and title, so long ones are never cut;
    ``close`` frees the figure (a script writing many figures would otherwise keep them all).
    """
    ax.figure.savefig(path, dpi=dpi, bbox_inches="tight" if tight else None)
    with open(f"{path}.alt.txt", "w", encoding="utf-8") as handle:
        handle.write(alt_text(ax) + "\n")
    if close:
        plt.close(ax.figure)


# ---------------------------------------------------------------- lesson figures

MARKERS = ["o", "s", "^", "D", "v", "P", "X", "*"]
"""Paired with PALETTE so points differ by shape as well as colour."""

FRAMING_ORDER = ("loaded", "evaluative", "intensifier", "scare_quote", "speech_verb", "hedge")
"""The analyzer's framing categories in a fixed order, so each keeps its colour and marker."""


def speakers(results: Analysis | Annotations | Iterable[Attribution], ax: Axes | None = None, *, top: int = 8) -> Axes:
    """Who speaks how much: attributions per speaker, stacked by kind (direct, indirect, ...).

    ``results`` is an analysis (anything with ``.attributions``) or a list of
    ``Attribution``. One voice dominating shows as one long bar.
    """
    attributions = list(getattr(results, "attributions", results))
    table: dict[str, dict[str, int]] = {}
    for item in attributions:
        table.setdefault(item.speaker, {}).setdefault(item.kind, 0)
        table[item.speaker][item.kind] += 1
    names = sorted(table, key=lambda name: (-sum(table[name].values()), name))[:top]
    kinds = _in_order((k for n in names for k in table[n]), KINDS)
    ax = new_axes(ax, (7, 0.9 + 0.45 * max(1, len(names))))
    left = [0] * len(names)
    rows = list(range(len(names)))[::-1]
    for i, kind in enumerate(kinds):
        values = [table[name].get(kind, 0) for name in names]
        ax.barh(rows, values, left=left, color=PALETTE[i % 8], hatch=HATCHES[i % 8], edgecolor="black", label=kind)
        left = [a + b for a, b in zip(left, values, strict=True)]
    ax.set_yticks(rows, [clipped(n, 32) for n in names])
    ax.xaxis.get_major_locator().set_params(integer=True)
    if kinds:
        # beside the bars, never on them: the longest bar reaches the right edge
        ax.legend(title="kind", loc="upper left", bbox_to_anchor=(1.01, 1.0), borderaxespad=0, frameon=True)
    _white(ax)
    none = _say_none(ax, "No attributions found: the analyzer credits nothing here to anyone.") if not names else ""
    parts = [f"{name}: {sum(table[name].values())}" for name in names]
    alt = (
        f"Horizontal bar chart of {_count(len(attributions), 'attribution')} by speaker, stacked by kind "
        f"({', '.join(kinds) or 'none'}). " + ("; ".join(parts) if parts else none)
    )
    return finish(ax, title="Who speaks how much", xlabel="number of attributions", ylabel="speaker", alt=alt)


def sentence_map(
    sentences: Iterable[Span], body: str, ax: Axes | None = None, *, hidden: Sequence[tuple[int, int]] = ()
) -> Axes:
    """Every sentence as a bar at its place in the article, one row per label.

    ``sentences`` are labelled spans (attributed, unsupported, other); the x axis
    is the position in the article, so clusters of unsupported sentences show.
    ``hidden`` ranges (start, end) are shaded as left out (parts a graded exercise covers).
    """
    spans = sorted(sentences, key=lambda s: s.start)
    labels = _in_order((s.label for s in spans), SENTENCE_LABELS)
    length = max(1, len(body))
    ax = _label_rows(spans, body, ax, order=SENTENCE_LABELS)
    counts = ", ".join(f"{sum(s.label == lab for s in spans)} {lab}" for lab in labels)
    alt = (
        f"Map of {_count(len(spans), 'sentence')} by position in the article (0 to 100 per cent) and label: "
        f"{counts or 'no sentences'}. " + _where(spans, length) + _shade_hidden(ax, hidden, length)
    )
    return finish(ax, title="Sentences by label", xlabel="position in the article (%)", ylabel="label", alt=alt)


def page_layout(
    paragraphs: Iterable[Block], body: str, ax: Axes | None = None, *, hidden: Sequence[tuple[int, int]] = ()
) -> Axes:
    """What the page is made of: each line as a bar at its place, one row per kind (heading, quote, ...).

    ``paragraphs`` are ``Article.paragraphs`` (anything with start, end and kind); ``hidden``
    ranges are left out and shaded.
    """
    spans = [Span(p.start, p.end, p.kind) for p in paragraphs]
    spans = [s for s in spans if not any(s.start < end and s.end > start for start, end in hidden)]
    ax = _label_rows(spans, body, ax, order=("text", "quote", "bullet", "heading"))
    counts = ", ".join(f"{sum(s.label == k for s in spans)} {k}" for k in dict.fromkeys(s.label for s in spans))
    lines = _count(len(spans), "line")
    alt = f"Map of the article's {lines} by position (0 to 100 per cent) and kind: {counts or 'none'}."
    alt += _shade_hidden(ax, hidden, max(1, len(body)))
    return finish(
        ax, title="What the page is made of", xlabel="position in the article (%)", ylabel="kind of line", alt=alt
    )


def _count(number: int, noun: str) -> str:
    """``1 sentence``, ``2 sentences``: alt text is read aloud, where "1 sentences" stands out (lesson 7's own text)."""
    return f"{number} {noun}{'' if number == 1 else 's'}"


def _in_order(labels: Iterable[str], order: tuple[str, ...]) -> list[str]:
    """The distinct labels, those of ``order`` first and in its order (so each keeps its colour), then the
    others alphabetically."""
    present = set(labels)
    return [label for label in order if label in present] + sorted(present - set(order))


def _label_rows(spans: Iterable[Span], body: str, ax: Axes | None, order: tuple[str, ...]) -> Axes:
    """Bars at each span's position, one row per label in ``order`` (unknown labels after)."""
    spans = sorted(spans, key=lambda s: s.start)
    labels = _in_order((s.label for s in spans), order)
    ax = new_axes(ax, (8, 0.9 + 0.55 * max(2, len(labels))))
    length = max(1, len(body))
    for row, label in enumerate(labels):
        bars = [(100 * s.start / length, 100 * (s.end - s.start) / length) for s in spans if s.label == label]
        y = len(labels) - 1 - row
        ax.broken_barh(bars, (y - 0.35, 0.7), facecolors=PALETTE[row % 8], hatch=HATCHES[row % 8], edgecolor="black")
    ax.set_yticks(range(len(labels))[::-1], labels)
    ax.set_xlim(0, 100)
    _white(ax)
    return ax


def framing_positions(
    framing_spans: Iterable[Span],
    body: str,
    ax: Axes | None = None,
    *,
    lead: float = 15.0,
    hidden: Sequence[tuple[int, int]] = (),
) -> Axes:
    """Framing cues by category and position; the shaded band is the headline and first lines.

    ``lead`` is the share of the article (per cent) shaded as its opening, where
    framing does the most work. ``hidden`` ranges are shaded as left out.
    """
    spans = sorted(framing_spans, key=lambda s: s.start)
    categories = _in_order((s.label for s in spans), FRAMING_ORDER)
    ax = new_axes(ax, (8, 0.9 + 0.5 * max(2, len(categories))))
    length = max(1, len(body))
    ax.axvspan(0, lead, color="#DDDDDD", zorder=0, label=f"opening {lead:.0f}%")
    for row, category in enumerate(categories):
        xs = [100 * s.start / length for s in spans if s.label == category]
        y = len(categories) - 1 - row
        ax.scatter(xs, [y] * len(xs), s=70, marker=MARKERS[row % 8], color=PALETTE[row % 8], edgecolor="black")
    ax.set_yticks(range(len(categories))[::-1], categories)
    ax.set_ylim(-0.7, max(0.7, len(categories) - 0.3))
    ax.set_xlim(0, 100)
    _white(ax)
    none = _say_none(ax, "No framing cues found by the analyzer.") if not spans else ""
    in_lead = sum(100 * s.start / length < lead for s in spans)
    counts = ", ".join(f"{sum(s.label == c for s in spans)} {c}" for c in categories)
    fall = "falls" if in_lead == 1 else "fall"
    found = f"{counts}. {in_lead} of them {fall} in the opening {lead:.0f} per cent (shaded)." if spans else none
    alt = (
        f"Dot plot of {_count(len(spans), 'framing cue')} by category and position in the article: {found}"
        + _shade_hidden(ax, hidden, length)
    )
    ax.legend(loc="upper left", bbox_to_anchor=(1.01, 1), frameon=True)
    return finish(
        ax,
        title="Framing cues by category and position",
        xlabel="position in the article (%)",
        ylabel="category",
        alt=alt,
    )


# ---------------------------------------------------------------- course report figures


def item_difficulty(shares: dict[str, float], ax: Axes | None = None) -> Axes:
    """How much of each graded item the class earned: one bar per item, the mean share of its points (0 to 1)."""
    ax = new_axes(ax, size=(7, max(3.0, 0.45 * len(shares) + 1.5)))
    names = list(shares)
    ax.barh(names, [shares[n] for n in names], color=PALETTE[1])
    ax.set_xlim(0, 1)
    ax.invert_yaxis()
    hardest = min(shares, key=shares.get) if shares else "none"
    return finish(
        ax,
        title="How much of each item the class earned",
        xlabel="mean share of the item's points",
        ylabel="graded item",
        alt=f"Bar chart of the mean share of points per graded item; the hardest item is {hardest} "
        f"({shares.get(hardest, 0):.0%}).",
    )


def pre_and_post(summary: dict[str, dict[str, float]], skills: dict[str, str], ax: Axes | None = None) -> Axes:
    """Paired bars per skill, the class's mean share in the lesson 0 pre-test (hatched) and in the graded items.

    ``summary`` gives a skill's ``pre`` and ``post`` means (0 to 1); ``skills`` names every skill of the
    pre-test in order, so one not measured yet keeps its row (no bars, and the alt text says so). The two
    sides are different instruments: the title says so, and the bars differ by pattern, not colour alone.
    """
    names = list(skills)
    pre = [summary[s]["pre"] if s in summary else 0.0 for s in names]
    post = [summary[s]["post"] if s in summary else 0.0 for s in names]
    ax = new_axes(ax, size=(8, max(3.0, 0.6 * len(names) + 1.5)))
    ys = range(len(names))
    ax.barh(
        [y - 0.2 for y in ys],
        pre,
        height=0.4,
        color=PALETTE[0],
        hatch="//",
        label="pre-test (lesson 0)",
    )
    ax.barh(
        [y + 0.2 for y in ys],
        post,
        height=0.4,
        color=PALETTE[2],
        label="graded items (end)",
    )
    ax.set_yticks(list(ys), [skills[s] for s in names])
    ax.set_xlim(0, 1)
    ax.invert_yaxis()
    ax.legend(loc="lower right")
    sides = ", ".join(
        f"{skills[s]} pre-test {summary[s]['pre']:.0%}, graded items {summary[s]['post']:.0%}"
        if s in summary
        else f"{skills[s]} not measured yet"
        for s in names
    )
    return finish(
        ax,
        title="Per skill: pre-test and graded items side by side (different instruments)",
        xlabel="mean share right (0 to 1)",
        ylabel="skill",
        alt="Paired bar chart per skill, hatched bars the lesson 0 pre-test (multiple choice) and plain bars "
        "the graded items (marking on new texts), two different instruments shown side by side: " + sides + ".",
    )


KEY_MARK_STATES = " ◐●"
"""Symbols of the key-mark grid (not found, place only, right), so no state is shown by colour alone."""


KEY_MARK_ROWS = 60
"""Most key marks the grid draws: a drafted key of 780 marks drew a 30,000-px-high PNG in over a minute."""


def key_marks_found(
    rows: Sequence[Any], students: list[str], ax: Axes | None = None, *, most: int = KEY_MARK_ROWS
) -> Axes:
    """A grid of key marks by students: found right (●), the place only (◐), or not at all.

    ``rows`` are the course report's key rows (anything with ``item``, ``name``,
    ``label``, ``placed_by``, ``right_by`` and ``share``). Symbols are drawn up to
    100 students; beyond that they would be too small to read. Of more than ``most``
    rows, the ``most`` found right least often are drawn (required before optional),
    in the key's order, and the title and alt text say so (the report's marks.csv has them all).
    """
    from matplotlib.colors import ListedColormap

    every = list(rows)
    if len(every) > most:
        hardest = sorted(range(len(every)), key=lambda i: (bool(getattr(every[i], "optional", False)), every[i].share))
        rows = [every[i] for i in sorted(hardest[:most])]
    grid = [[2 if s in row.right_by else 1 if s in row.placed_by else 0 for s in students] for row in rows]
    labels = [clipped(f"{r.item} {r.name} ({r.label})", 80) for r in rows]
    ax = new_axes(ax, size=(min(40, max(7, 0.3 * len(students) + 5)), max(3.5, 0.32 * len(rows) + 2)))
    ax.imshow(grid, aspect="auto", cmap=ListedColormap(["#eeeeee", PALETTE[0], PALETTE[2]]), vmin=0, vmax=2)
    if len(students) <= 100:
        for y, line in enumerate(grid):
            for x, value in enumerate(line):
                ax.text(x, y, KEY_MARK_STATES[value], ha="center", va="center", fontsize=6)
    ax.set_yticks(range(len(rows)), labels, fontsize=7)
    ax.set_xticks(range(len(students)), students, rotation=90, fontsize=7 if len(students) <= 100 else 3)
    missed = sum(1 for r in every if r.share < 0.5 and not getattr(r, "optional", False))
    optional = " Optional marks (labelled so) are not counted." if any(getattr(r, "optional", 0) for r in every) else ""
    title = "Key marks each student found (● right label or reason, ◐ place only)"
    shown = ""
    if len(rows) < len(every):
        title += f": the {len(rows)} found right least often, of {len(every)}"
        shown = (
            f" The grid shows the {len(rows)} of {len(every)} key marks found right least often (required before "
            "optional), in the key's order; marks.csv lists them all."
        )
    return finish(
        ax,
        title="\n".join(textwrap.wrap(title, 60)),
        xlabel="student",
        ylabel="key mark (item, sentence, words, label)",
        alt=f"Grid of {counted(len(every), 'key mark')} by {counted(len(students), 'student')}; a full dot means the "
        "student found the mark with the right label or reason, a half dot the place only. "
        f"{counted(missed, 'mark was', 'marks were')} found right by "
        f"fewer than half of the class.{optional}{shown}",
    )


def _shade_hidden(ax: Axes, hidden: Sequence[tuple[int, int]], length: int) -> str:
    """Hatch the left-out ranges and say so in the alt text."""
    ranges = [(100 * start / length, 100 * end / length) for start, end in hidden]
    for i, (left, right) in enumerate(ranges):
        label = "left out (graded exercise)" if i == 0 else None
        ax.axvspan(left, right, facecolor="white", edgecolor="#777777", hatch="\\\\", zorder=3, label=label)
    if ranges:
        if ax.get_legend() is None:
            ax.legend(loc="upper left", bbox_to_anchor=(1.01, 1), frameon=True)
        where = ", ".join(f"{left:.0f} to {right:.0f}" for left, right in ranges)
        return f" Left out (graded exercise), shaded: {where} per cent of the article."
    return ""


def show(ax: Axes) -> None:
    """Display a figure in a notebook with its alt text as a caption underneath, then close it."""
    from IPython.display import Markdown, display

    display(figure_bundle(ax), raw=True)
    display(Markdown(caption(ax)))
    plt.close(ax.figure)


def figure_bundle(ax: Axes) -> dict[str, str]:
    """The figure as PNG and as an HTML image with its alt text.

    JupyterLab renders a bare PNG output as an image without alt text (a screen reader hears nothing);
    it prefers the HTML, whose data URI survives its sanitizer. The PNG stays for other readers.
    """
    from IPython.core.pylabtools import print_figure

    png = print_figure(ax.figure, fmt="png", bbox_inches="tight", base64=True)
    alt = html.escape(alt_text(ax), quote=True)
    return {
        "image/png": png,
        "text/html": f'<img src="data:image/png;base64,{png}" alt="{alt}">',
        "text/plain": f"<figure: {ax.get_title()}>",
    }


def caption(ax: Axes) -> str:
    """The alt text as a Markdown caption for under the figure."""
    return f"*Figure description (alt text):* {alt_text(ax)}"


def _white(ax: Axes) -> None:
    """A white figure with black text stays readable in JupyterLab's light and dark themes."""
    ax.figure.set_facecolor("white")
    ax.set_facecolor("white")
    ax.grid(axis="x", color="#BBBBBB", linewidth=0.5)
    ax.set_axisbelow(True)


def _say_none(ax: Axes, finding: str) -> str:
    """Write inside an empty chart what it found, so a blank frame never looks like a figure that failed to draw;
    the note is returned for the alt text, which is all a screen reader hears of the frame."""
    ax.set_yticks([])
    lines = (finding, "Read the text yourself: the analyzer can miss what a reader sees.")
    ax.text(0.5, 0.5, "\n".join(lines), transform=ax.transAxes, ha="center", va="center", fontsize=9, wrap=True)
    return " ".join(lines)


def _where(spans: Sequence[Span], length: int) -> str:
    """Where unsupported sentences sit, in thirds of the article, for the alt text."""
    flagged = [s for s in spans if s.label == "unsupported"]
    if not flagged:
        return "No sentence is labelled unsupported."
    thirds = ["first", "middle", "last"]
    counts = [0, 0, 0]
    for s in flagged:
        counts[min(2, 3 * s.start // length)] += 1
    return (
        "Unsupported sentences per third of the article: "
        + ", ".join(f"{name} {n}" for name, n in zip(thirds, counts, strict=True))
        + "."
    )
