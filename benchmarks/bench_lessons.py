"""Run time of each lesson notebook, executed headless with nbclient (run: python benchmarks/bench_lessons.py).

Runs in a temporary copy of notebooks/ so that no sidecar or export lands in
the checkout, and prints one line per notebook plus the total. The goal is
under 30 s per notebook on a course server.
"""

from __future__ import annotations

import os
import shutil
import sys
import tempfile
import time
from pathlib import Path

import nbformat
from nbclient import NotebookClient

REPO = Path(__file__).resolve().parents[1]


def main() -> int:
    os.environ.setdefault("PYTHONPATH", str(REPO / "src"))
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp) / "notebooks"
        shutil.copytree(REPO / "notebooks", work, ignore=shutil.ignore_patterns("*.highlights.json"))
        total = 0.0
        for path in sorted(work.glob("[0-9][0-9]-*.ipynb")):
            nb = nbformat.read(path, as_version=4)
            began = time.perf_counter()
            NotebookClient(
                nb, kernel_name="python3", timeout=300, resources={"metadata": {"path": str(work)}}
            ).execute()
            seconds = time.perf_counter() - began
            total += seconds
            print(f"{path.name:<45} {seconds:6.1f} s")
        print(f"{'total':<45} {total:6.1f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
