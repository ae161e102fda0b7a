"""exercises/ is exactly what nbgrader's generate_assignment makes of solutions/."""

from __future__ import annotations

import filecmp
from pathlib import Path

import pytest

from medialit.instructor import course

REPO = Path(__file__).resolve().parents[2]

pytestmark = pytest.mark.nbgrader


def test_exercises_are_the_generated_release(tmp_path, nbgrader_env):
    fresh = tmp_path / "exercises"
    course.generate_exercises(REPO / "solutions", fresh)
    committed = REPO / "exercises"
    names = sorted(p.relative_to(fresh).as_posix() for p in fresh.rglob("*") if p.is_file())
    assert names == sorted(p.relative_to(committed).as_posix() for p in committed.rglob("*") if p.is_file())
    different = [n for n in names if not filecmp.cmp(fresh / n, committed / n, shallow=False)]
    assert different == [], (
        "run: python -c \"from medialit.instructor import course; course.generate_exercises('solutions', 'exercises')\""
    )
