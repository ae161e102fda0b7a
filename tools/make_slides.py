"""Make reveal.js slides of the lessons for the instructor (run: python tools/make_slides.py [--execute]).

The committed lessons carry no cell metadata (tests/notebooks/test_lessons.py),
so the slide metadata is added here, to a copy in memory: every `#` and `##`
heading starts a slide, every `###` heading (the checks) a sub-slide, and all
other cells continue the slide they follow. The HTML goes to build/slides/,
which git ignores: generated slides are never committed.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

import nbformat
from nbconvert import SlidesExporter
from nbconvert.preprocessors import ExecutePreprocessor

REPO = Path(__file__).resolve().parents[1]
NOTEBOOKS = REPO / "notebooks"
OUT = REPO / "build" / "slides"


def slide_type(cell: nbformat.NotebookNode) -> str:
    """`slide` for a lesson's title and sections, `subslide` for a check, `-` (same slide) for the rest."""
    first = cell.source.lstrip().split("\n", 1)[0] if cell.cell_type == "markdown" else ""
    if first.startswith(("# ", "## ")):
        return "slide"
    if first.startswith("### "):
        return "subslide"
    return "-"


def with_slide_metadata(nb: nbformat.NotebookNode) -> nbformat.NotebookNode:
    """A copy of ``nb`` whose cells say where slides start (the Jupyter ``slideshow`` convention)."""
    copy = nbformat.from_dict(nb)
    for cell in copy.cells:
        cell.metadata["slideshow"] = {"slide_type": slide_type(cell)}
    return copy


def make_slides(lesson: Path, out: Path = OUT, execute: bool = False) -> Path:
    """Write ``out/<lesson>.slides.html``; with ``execute`` the figures and outputs are in the slides too."""
    nb = with_slide_metadata(nbformat.read(lesson, as_version=4))
    if execute:  # run in the lessons' folder, as a student would (the practice article is found there)
        ExecutePreprocessor(timeout=300, kernel_name="python3").preprocess(
            nb, {"metadata": {"path": str(lesson.parent)}}
        )
    html, _ = SlidesExporter().from_notebook_node(nb)
    out.mkdir(parents=True, exist_ok=True)
    target = out / f"{lesson.stem}.slides.html"
    target.write_text(html, encoding="utf-8")
    return target


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("lessons", nargs="*", type=Path, help="lesson notebooks (default: all in notebooks/)")
    parser.add_argument("--execute", action="store_true", help="run each lesson first so the slides show outputs")
    parser.add_argument("--out", type=Path, default=OUT, help="folder for the HTML (default: build/slides)")
    args = parser.parse_args(argv)
    lessons = args.lessons or sorted(NOTEBOOKS.glob("[0-9][0-9]-*.ipynb"))
    missing = [str(p) for p in lessons if not p.is_file()]
    if missing:
        print(
            f"make_slides: no such notebook: {', '.join(missing)}; give paths to lesson .ipynb files", file=sys.stderr
        )
        return 2
    for lesson in lessons:
        print(f"wrote {make_slides(lesson, args.out, args.execute)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
