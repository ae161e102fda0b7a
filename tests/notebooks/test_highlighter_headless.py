"""Headless re-execution (nbclient, as ``nbgrader autograde`` does): no browser, the marks come from the sidecar."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import nbformat
import pytest
from nbclient import NotebookClient

from medialit import load_article
from medialit.core import sidecar
from medialit.core.spans import Span

pytestmark = pytest.mark.notebook

FIXTURE = Path(__file__).with_name("highlighter_from_sidecar.ipynb")
ARTICLE = load_article("stoere-putin-call")


def execute(folder: Path) -> nbformat.NotebookNode:
    path = folder / FIXTURE.name
    shutil.copy(FIXTURE, path)
    nb = nbformat.read(path, as_version=4)
    NotebookClient(nb, timeout=120, kernel_name="python3", resources={"metadata": {"path": str(folder)}}).execute()
    return nb


def streams(nb: nbformat.NotebookNode, name: str) -> str:
    return "".join(
        o.get("text", "") for c in nb.cells if c.cell_type == "code" for o in c.outputs if o.get("name") == name
    )


def test_headless_run_builds_the_highlighter_from_the_saved_marks(tmp_path):
    body = ARTICLE.body
    start = body.index("Støre")
    marks = (Span(start, start + 5, "source"), Span(0, 4, "claim"))
    sidecar.write(tmp_path / "exercise.highlights.json", sidecar.Saved(ARTICLE.id, ARTICLE.sha256, "spans", marks))
    nb = execute(tmp_path)
    printed = json.loads(nb.cells[2].outputs[0]["text"])
    assert printed == [m.to_dict() for m in sorted(marks)]
    assert streams(nb, "stderr") == ""  # nbgrader gives 0 points for any stderr output


def test_headless_run_with_a_damaged_sidecar_keeps_it_and_says_so_on_stdout(tmp_path):
    (tmp_path / "exercise.highlights.json").write_text('{"spans": [', encoding="utf-8")
    nb = execute(tmp_path)
    assert json.loads(nb.cells[2].outputs[0]["text"]) == []
    out = streams(nb, "stdout")
    assert "medialit highlighter: exercise.highlights.json is damaged (not JSON): kept it as" in out
    assert streams(nb, "stderr") == ""
    (backup,) = tmp_path.glob("exercise.highlights.json.bak-*")
    assert backup.read_text(encoding="utf-8") == '{"spans": ['


def test_headless_run_rebuilds_the_links_and_their_speakers(tmp_path):
    from medialit.core.links import make_link

    body = ARTICLE.body
    start = body.index("Støre")
    cue = body.index("said", start)
    marks = (Span(start, start + 5, "source"), Span(cue, cue + 4, "cue"))
    link = make_link(marks, speaker="Jonas Gahr Støre", kind="indirect")
    saved = sidecar.Saved(ARTICLE.id, ARTICLE.sha256, "spans", marks, links=(link,))
    sidecar.write(tmp_path / "exercise.highlights.json", saved)
    nb = execute(tmp_path)
    assert json.loads(nb.cells[3].outputs[0]["text"]) == [link.to_dict()]
    assert streams(nb, "stderr") == ""
