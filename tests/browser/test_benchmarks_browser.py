"""The browser benchmarks run: README's table sends readers to them for the widget's speed figures.

``benchmarks/bench_widget.py`` broke when the Highlighter began showing a new mark only after its kernel answers a
round trip (the restart guard): it read the marks right after the key press and stopped with "a key press made no
mark" (self23). It is run here on a small article, as a reader runs it, and must print every figure."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

pytestmark = [pytest.mark.browser, pytest.mark.slow]

REPO = Path(__file__).resolve().parents[2]


def test_bench_widget_runs_to_its_figures_on_a_small_article(tmp_path):
    if not Path("/usr/bin/chromium").exists():
        pytest.skip("/usr/bin/chromium is missing: apt-get install -y chromium")
    run = subprocess.run(
        [sys.executable, "benchmarks/bench_widget.py", "--words", "600", "--presses", "2", "--links", "4"],
        cwd=REPO, capture_output=True, text=True, timeout=600,
        env=os.environ | {"PYTHONPATH": str(REPO / "src")},
    )  # fmt: skip
    assert run.returncode == 0, run.stderr[-3000:]
    for figure in (
        "render:", "label key, handler", "label key to mark shown", "arrow key to cursor moved", "link keys",
        "open to highlighted",
    ):  # fmt: skip
        assert figure in run.stdout, run.stdout
