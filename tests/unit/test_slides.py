"""tools/make_slides.py: slide metadata added in memory, real nbconvert reveal.js output, nothing committed."""

from __future__ import annotations

from pathlib import Path

import nbformat

REPO = Path(__file__).resolve().parents[2]
LESSON = REPO / "notebooks" / "01-meet-the-article.ipynb"


def slides_module():
    import make_slides  # tools/make_slides.py (tools/ is on the path: tests/unit/conftest.py)

    return make_slides


def test_sections_start_slides_checks_start_subslides_and_the_lesson_stays_clean():
    slides = slides_module()
    nb = nbformat.read(LESSON, as_version=4)
    marked = slides.with_slide_metadata(nb)
    kinds = [c.metadata.slideshow.slide_type for c in marked.cells]
    assert kinds[0] == "slide" and kinds.count("slide") >= 5 and "subslide" in kinds
    for cell, kind in zip(marked.cells, kinds, strict=True):
        heading = cell.cell_type == "markdown" and cell.source.startswith(("# ", "## "))
        assert (kind == "slide") == heading, cell.source[:40]
    assert all(not c.metadata for c in nb.cells), "the committed notebook must not get slide metadata"


def test_nbconvert_writes_reveal_slides_with_one_section_per_slide(tmp_path):
    slides = slides_module()
    target = slides.make_slides(LESSON, tmp_path)
    html = target.read_text(encoding="utf-8")
    assert target.name == "01-meet-the-article.slides.html"
    assert "reveal" in html.lower() and "Stop first: what is this page?" in html
    sections = html.count("<section")
    assert sections >= 5, f"only {sections} slides"


def test_a_missing_notebook_is_one_line(capsys, tmp_path):
    slides = slides_module()
    assert slides.main([str(tmp_path / "nope.ipynb"), "--out", str(tmp_path)]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "no such notebook" in err
