"""What `nbgrader generate_assignment` hands to students besides the notebook: no highlights file from source/.

nbgrader copies every file of ``source/ID`` into ``release/ID``. An instructor who runs the source notebook
before releasing it (course/instructor-guide.md asks for that) and marks in its highlighter saves the marks
beside it; released, every student's highlighter would open on them (instr18 found ex01-q3's answer file
copied into release/ and the exchange). A real course, the real nbgrader commands.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from attacks import EX01, key_sidecar

from medialit.instructor import course

pytestmark = [pytest.mark.nbgrader, pytest.mark.slow]

REPO = Path(__file__).resolve().parents[2]


def test_marks_saved_in_source_are_not_released(tmp_path, nbgrader_env, monkeypatch):
    root = tmp_path / "course"
    monkeypatch.setenv("MEDIALIT_EXCHANGE", str(root / "exchange"))  # never a machine's shared exchange
    course.init(root, REPO / "solutions", timeout=6)
    source = root / "source" / EX01
    marks = json.dumps(key_sidecar("ex01-q3"))  # the instructor's marks: here the whole key of q3
    (source / "ex01-q3.highlights.json").write_text(marks, encoding="utf-8")
    (source / "notes").mkdir()
    (source / "notes" / "ex01-q1.highlights.json").write_text(marks, encoding="utf-8")
    (source / "notes" / "reading.md").write_text("Read the guidelines first.\n", encoding="utf-8")

    made = course.nbgrader(root, "generate_assignment", EX01)
    assert made.returncode == 0, made.stderr
    release = root / "release" / EX01
    assert sorted(p.relative_to(release).as_posix() for p in release.rglob("*") if p.is_file()) == [
        f"{EX01}.ipynb",
        "notes/reading.md",  # other files of source/ are released as nbgrader releases them
    ]
    # the instructor is told which file stayed back and what to do; source/ is left as it was
    for name in ("ex01-q3.highlights.json", "ex01-q1.highlights.json"):
        assert f"{name} left out of the release" in made.stderr, made.stderr
    assert f"delete it from source/{EX01}" in made.stderr
    assert (source / "ex01-q3.highlights.json").read_text(encoding="utf-8") == marks

    sent = course.nbgrader(root, "release_assignment", EX01)
    assert sent.returncode == 0, sent.stderr
    outbound = root / "exchange" / "medialit" / "outbound" / EX01
    assert (outbound / f"{EX01}.ipynb").exists()
    assert not list(outbound.rglob("*.highlights.json"))
