"""The guide's handout for students on their own laptops carries none of the instructor's own answers.

An instructor who tried the kit (README: ``bash scripts/lab.sh``) has highlights files beside the exercises
and a ``pretest.json`` beside lesson 0, all ignored by git; the guide's ``cp -r notebooks exercises handout/``
copied them to every student (instr18). The test runs the guide's own lines (all but the wheel build, which
``tests/unit`` has no time for and which copies nothing from these folders) in a clone of this checkout.
"""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
GUIDE = REPO / "course" / "instructor-guide.md"


def handout_lines() -> list[str]:
    text = GUIDE.read_text(encoding="utf-8")
    section = text.split("**Students on their own laptops.**", 1)[1]
    block = re.search(r"```bash\n(.*?)```", section, re.S).group(1)
    return [line.split("  #")[0].strip() for line in block.splitlines() if line.strip()]


@pytest.mark.skipif(not shutil.which("git") or not shutil.which("tar"), reason="needs git and tar")
def test_the_handout_has_the_committed_lessons_and_exercises_and_no_marks(tmp_path):
    kit = tmp_path / "kit"
    subprocess.run(["git", "clone", "--quiet", str(REPO), str(kit)], check=True)
    tried = kit / "exercises" / "ex01-attribution" / "ex01-q1.highlights.json"
    tried.write_text('{"format": "medialit-highlights"}', encoding="utf-8")  # what trying ex01 leaves
    (kit / "notebooks" / "pretest.json").write_text("{}", encoding="utf-8")
    (kit / "handout").mkdir()  # the wheel build makes it
    lines = handout_lines()
    assert lines[0].startswith("python -m pip wheel --no-deps -w handout ."), lines
    for line in lines[1:]:
        subprocess.run(line, shell=True, cwd=kit, check=True)
    handed = sorted(p.relative_to(kit / "handout").as_posix() for p in (kit / "handout").rglob("*") if p.is_file())
    committed = subprocess.run(
        ["git", "ls-files", "notebooks", "exercises"], cwd=kit, capture_output=True, text=True, check=True
    ).stdout.split()
    assert handed == sorted(committed)
    assert "exercises/ex01-attribution/ex01-attribution.ipynb" in handed
