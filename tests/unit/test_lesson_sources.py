"""The lesson notebooks are what their MyST sources give (tools/sync_lessons.py); a hand edit is caught."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import nbformat
import pytest

REPO = Path(__file__).resolve().parents[2]
NOTEBOOKS = REPO / "notebooks"
SOURCES = sorted((NOTEBOOKS / "sources").glob("[0-9][0-9]-*.md"))


@pytest.fixture(scope="module")
def sync():
    import sync_lessons  # tools/sync_lessons.py (tools/ is on the path: tests/unit/conftest.py)

    return sync_lessons


def test_every_lesson_notebook_has_one_source(sync):
    assert [p.stem for p in sync.sources()] == [p.stem for p in sorted(NOTEBOOKS.glob("[0-9][0-9]-*.ipynb"))]
    assert len(SOURCES) >= 9 and sync.orphans() == []


@pytest.mark.parametrize("source", SOURCES, ids=lambda p: p.stem)
def test_the_notebook_is_what_its_source_gives(sync, source):
    assert sync.differences(source) == [], (
        f"notebooks/{source.stem}.ipynb differs from its source: edit notebooks/sources/{source.name}, "
        "then run python tools/sync_lessons.py"
    )


@pytest.mark.parametrize("source", SOURCES, ids=lambda p: p.stem)
def test_the_source_is_myst_markdown_without_pairing(source):
    text = source.read_text(encoding="utf-8")
    assert text.startswith("---\njupytext:\n") and "format_name: myst" in text.split("\n---\n", 1)[0]
    assert "```{code-cell} ipython3" in text
    assert "formats:" not in text, "a paired source would make JupyterLab rewrite it when a student saves"


def test_a_hand_edit_to_a_notebook_is_caught(sync, tmp_path, monkeypatch):
    source = SOURCES[2]
    monkeypatch.setattr(sync, "NOTEBOOKS", tmp_path)
    path = tmp_path / f"{source.stem}.ipynb"
    shutil.copy(NOTEBOOKS / path.name, path)
    assert sync.differences(source) == []
    nb = nbformat.read(path, as_version=4)
    nb.cells[3].source += " "
    nbformat.write(nb, path)
    assert sync.differences(source) == [f"{path.name}: cell c03 ({nb.cells[3].cell_type}) differs from {source.name}"]
    nb.cells.pop()
    nbformat.write(nb, path)
    assert f"{path.name}: {len(nb.cells)} cells, the source gives {len(nb.cells) + 1}" in sync.differences(source)


def test_ruffs_formatting_goes_back_into_the_source(sync, tmp_path):
    source = tmp_path / "00-x.md"
    source.write_text("# X\n\n```{code-cell} ipython3\nx=[1,2]\n```\n\nText x=[1,2]\n", encoding="utf-8")
    before = sync.notebook(source)
    after = nbformat.from_dict(before)
    after.cells[1].source = "x = [1, 2]"
    sync._copy_code_back(source, before, after)
    assert source.read_text(encoding="utf-8") == "# X\n\n```{code-cell} ipython3\nx = [1, 2]\n```\n\nText x=[1,2]\n"
    assert sync.notebook(source).cells[1].source == "x = [1, 2]"


def test_every_question_a_lesson_asks_exists_and_every_question_is_asked_in_its_lesson():
    from medialit.exercises import lessons

    every = lessons.QUESTIONS
    calls = re.compile(r'(?:check|check_highlights|hint|reveal|compare_with_machine)\("(l\d+\.[\w-]+)"')
    asked: set[str] = set()
    for path in sorted(NOTEBOOKS.glob("[0-9][0-9]-*.ipynb")):
        code = "\n".join(c.source for c in nbformat.read(path, as_version=4).cells if c.cell_type == "code")
        mine = set(calls.findall(code))
        assert mine <= set(every), f"{path.name} checks questions that are not in questions/: {mine - set(every)}"
        assert all(q.startswith(f"l{int(path.name[:2])}.") for q in mine), path.name
        asked |= mine
    assert set(every) - asked == set(), "questions no lesson asks"


def test_saving_a_lesson_in_a_jupyterlab_with_jupytext_leaves_the_sources_alone(tmp_path):
    """The contents manager JupyterLab uses once jupytext is installed: a save writes the .ipynb only."""
    from jupytext import TextFileContentsManager

    assert not list(REPO.glob("jupytext.*")) and "[tool.jupytext" not in (REPO / "pyproject.toml").read_text("utf-8")
    shutil.copytree(NOTEBOOKS / "sources", tmp_path / "sources")
    shutil.copy(NOTEBOOKS / "02-who-is-speaking.ipynb", tmp_path)
    before = files(tmp_path)
    manager = TextFileContentsManager(root_dir=str(tmp_path))
    model = manager.get("02-who-is-speaking.ipynb")
    model["content"]["cells"][3]["source"] = "print('a student edit')"
    manager.save(model, "02-who-is-speaking.ipynb")
    after = files(tmp_path)
    assert set(after) == set(before), "the save wrote another file"
    changed = {name for name in after if after[name] != before[name]}
    assert changed == {"02-who-is-speaking.ipynb"}


def files(folder: Path) -> dict[str, bytes]:
    """Every file under ``folder`` but JupyterLab's own checkpoints."""
    return {p.name: p.read_bytes() for p in folder.rglob("*") if p.is_file() and ".ipynb_checkpoints" not in p.parts}


def test_the_students_copy_of_the_guidelines_is_the_guidelines(sync):
    """Lessons and feedback cite the guidelines' rules (K1 ...); a hub student or the laptop handout gets notebooks/
    only, so tools/sync_lessons.py copies course/annotation-guidelines.md there: one text, never edited by hand."""
    copy = NOTEBOOKS / "annotation-guidelines.md"
    assert sync.copy_differences() == [], (
        "notebooks/annotation-guidelines.md differs from course/annotation-guidelines.md: edit the course's file, "
        "then run python tools/sync_lessons.py"
    )
    text = copy.read_text(encoding="utf-8")
    assert text.startswith("<!--") and text.endswith((REPO / "course" / "annotation-guidelines.md").read_text("utf-8"))
    assert re.findall(r"^### (K\d+)\.", text, re.M)[:3] == ["K1", "K2", "K3"]


def test_the_learners_copy_of_the_rubrics_is_the_rubrics_and_lesson_7_links_it(sync):
    """self23: lesson 7 sent a learner to course/rubrics.md, in a folder lab.sh's file browser now leaves out (it
    holds the answers) and a hub student never gets: the rubrics are copied beside the lessons, where lesson 7
    links them."""
    assert sync.copy_differences() == [], "a copy in notebooks/ differs: run python tools/sync_lessons.py"
    text = (NOTEBOOKS / "rubrics.md").read_text(encoding="utf-8")
    assert text.startswith("<!--") and "](syllabus.md)" not in text  # no link to a file that is not beside it
    assert "](rubrics.md)" in (NOTEBOOKS / "sources" / "07-your-own-article.md").read_text(encoding="utf-8")


def test_a_hand_edit_to_the_guidelines_copy_is_caught(sync, tmp_path, monkeypatch, capsys):
    copy = tmp_path / "annotation-guidelines.md"
    monkeypatch.setattr(sync, "GUIDELINES_COPY", copy)
    assert sync.copy_differences() == ["annotation-guidelines.md is missing"]
    copy.write_text(sync.guidelines_copy(), encoding="utf-8")
    assert sync.copy_differences() == []
    copy.write_text(sync.guidelines_copy().replace("### K9.", "### K9 (edited).", 1), encoding="utf-8")
    assert sync.copy_differences() == ["annotation-guidelines.md differs from course/annotation-guidelines.md"]
    assert sync.main(["--check"]) == 1
    assert "annotation-guidelines.md differs" in capsys.readouterr().out
