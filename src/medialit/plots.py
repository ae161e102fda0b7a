"""matplotlib figures over spans and scores.

Every figure function takes results (never computes them), draws on an
``Axes`` (new one if not given) and returns it. ``finish`` gives every figure
a title, labelled axes and alt text, so no figure ships without them.
"""

from __future__ import annotations

import matplotlib.pyplot as plt
from matplotlib.axes import Axes

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
    if ax is not None:
        return ax
    _, ax = plt.subplots(figsize=size, layout="constrained")
    return ax


def finish(ax: Axes, *, title: str, xlabel: str, ylabel: str, alt: str) -> Axes:
    """Title, axis labels and alt text; the alt text is stored on the figure for notebooks and files."""
    if not (title and xlabel and ylabel and alt):
        raise ValueError("every figure needs a title, both axis labels and alt text")
    ax.set_title(title)
    ax.set_xlabel(xlabel)
    ax.set_ylabel(ylabel)
    ax.figure.alt_text = alt  # read by save() and by the notebook helpers
    ax.figure.set_label(alt)
    return ax


def alt_text(ax: Axes) -> str:
    return getattr(ax.figure, "alt_text", "")


def save(ax: Axes, path: str, dpi: int = 120) -> None:
    """Save a PNG and its alt text beside it (``.alt.txt``), since PNG files carry none."""
    ax.figure.savefig(path, dpi=dpi)
    with open(f"{path}.alt.txt", "w", encoding="utf-8") as handle:
        handle.write(alt_text(ax) + "\n")
