"""Plain sequential `nbgrader autograde` against `medialit course grade --jobs 2` on 40 and 400 submissions.

Usage: .venv/bin/python benchmarks/bench_grading.py [--students 40 400] [--jobs 2]

For each size: builds a temporary course with `medialit course init`, releases
ex01-attribution, writes N honest submissions with different answers (some
right, some partly right, some empty, some answered through a saved highlights
file), grades one copy with plain nbgrader (every answer cell and hidden test
run in a kernel, one submission after another; upstream has no parallel
autograde, jupyter/nbgrader#174) and another with medialit (answers graded as
data, 2 jobs), checks that every per-cell score is the same, and prints seconds
per submission for both and their ratio. Goal: at least 10x on 2 cores.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import resource
import shutil
import sys
import tempfile
import time
from pathlib import Path

import nbformat

from medialit.core.sidecar import Saved
from medialit.core.spans import Span
from medialit.instructor import course

REPO = Path(__file__).resolve().parents[1]
ASSIGNMENT = "ex01-attribution"


def answer_lines(nb: nbformat.NotebookNode, grade_id: str) -> list[str]:
    (cell,) = [c for c in nb.cells if c.metadata.get("nbgrader", {}).get("grade_id") == grade_id]
    return [line for line in cell.source.splitlines() if line.startswith("    (")]


def submission(src: nbformat.NotebookNode, release: nbformat.NotebookNode, rng: random.Random) -> tuple:
    """A released notebook with a random part of the model answers filled in; maybe a sidecar instead."""
    nb = nbformat.from_dict(json.loads(json.dumps(release)))
    files = {}
    for i in (1, 2, 3):
        lines = answer_lines(src, f"ex01-q{i}-answer")
        keep = [line for line in lines if rng.random() < 0.7]
        (cell,) = [c for c in nb.cells if c.metadata.get("nbgrader", {}).get("grade_id") == f"ex01-q{i}-answer"]
        cell.source = f"answer_q{i} = [\n" + "\n".join(keep) + "\n]" if keep else f"answer_q{i} = None"
    if rng.random() < 0.25:  # this student used the highlighter for q1
        key = json.loads((REPO / "course" / "keys" / "ex01-q1.json").read_text(encoding="utf-8"))
        spans = tuple(Span(k["start"], k["end"], k["label"]) for k in key["marks"] if rng.random() < 0.8)
        saved = Saved(key["article"], key["body_sha256"], "spans", spans)
        files["ex01-q1.highlights.json"] = json.dumps(saved.to_json())
        (cell,) = [c for c in nb.cells if c.metadata.get("nbgrader", {}).get("grade_id") == "ex01-q1-answer"]
        cell.source = "answer_q1 = None"
    return nb, files


def make_course(root: Path, students: int) -> None:
    course.init(root, REPO / "solutions")
    course.release(root, ASSIGNMENT)
    src = nbformat.read(root / "source" / ASSIGNMENT / f"{ASSIGNMENT}.ipynb", as_version=4)
    release = nbformat.read(root / "release" / ASSIGNMENT / f"{ASSIGNMENT}.ipynb", as_version=4)
    rng = random.Random(174)
    for n in range(students):
        nb, files = submission(src, release, rng)
        folder = root / "submitted" / f"s{n:03d}" / ASSIGNMENT
        folder.mkdir(parents=True)
        nbformat.write(nb, folder / f"{ASSIGNMENT}.ipynb")
        for name, text in files.items():
            (folder / name).write_text(text, encoding="utf-8")


def children_cpu() -> float:
    """CPU seconds used by finished child processes (nbgrader, kernels, scoring interpreters)."""
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def compare(students: int, jobs: int, tmp: Path) -> bool:
    """Grade one course of ``students`` submissions both ways; True when every score agrees."""
    base = tmp / f"base-{students}"
    make_course(base, students)
    plain, ours = tmp / f"plain-{students}", tmp / f"ours-{students}"
    shutil.copytree(base, plain, symlinks=True)
    shutil.copytree(base, ours, symlinks=True)
    print(f"\n{students} submissions of {ASSIGNMENT}; {os.cpu_count()} CPUs; load {os.getloadavg()[0]:.1f} before")
    start, cpu = time.perf_counter(), children_cpu()
    done = course.nbgrader(plain, "autograde", ASSIGNMENT)
    sequential, cpu_plain = time.perf_counter() - start, children_cpu() - cpu
    if done.returncode:
        print(done.stderr[-2000:])
        return False
    print(
        f"plain nbgrader autograde (sequential): {sequential:7.1f} s wall, {cpu_plain:6.1f} s CPU, "
        f"{sequential / students:.3f} s per submission"
    )
    start, cpu = time.perf_counter(), children_cpu()
    run = course.grade(ours, ASSIGNMENT, jobs=jobs)
    parallel, cpu_ours = time.perf_counter() - start, children_cpu() - cpu
    print(
        f"medialit course grade --jobs {jobs}:      {parallel:7.1f} s wall, {cpu_ours:6.1f} s CPU, "
        f"{parallel / students:.3f} s per submission"
    )
    print(f"load average after: {os.getloadavg()[0]:.1f}")
    names = course.submissions(base, ASSIGNMENT)
    theirs = {r["student"]: r for r in course.scores_table(plain, ASSIGNMENT)}
    mine = {r["student"]: r for r in course.scores_table(ours, ASSIGNMENT)}
    cells = [k for k in mine[names[0]] if k not in {"student", "status"}]
    differ = [s for s in names if any(theirs[s][c] != mine[s][c] for c in cells)]
    totals = sorted(mine[s]["total"] for s in names)
    print(
        f"scores: {len(names) - len(differ)} of {len(names)} students identical; failed: {len(run.failed)}; "
        f"totals from {totals[0]:g} to {totals[-1]:g} (median {totals[len(totals) // 2]:g})"
    )
    print(f"speed-up: {sequential / parallel:.1f}x (goal: at least 10x on 2 cores)")
    return not differ and not run.failed


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--students", type=int, nargs="+", default=[40, 400])
    parser.add_argument("--jobs", type=int, default=2)
    args = parser.parse_args()
    os.environ["PATH"] = f"{Path(sys.executable).parent}{os.pathsep}{os.environ.get('PATH', '')}"
    with tempfile.TemporaryDirectory(prefix="bench-grading-") as tmp:
        same = [compare(n, args.jobs, Path(tmp)) for n in args.students]
    return 0 if all(same) else 1


if __name__ == "__main__":
    sys.exit(main())
