"""Resident memory of a student's lesson kernel and of a grading worker (run: python benchmarks/bench_memory.py).

A course hub gives every student their own kernel, so the kernel's memory
after Run All decides how many students one server holds. For each lesson
this starts a fresh ``python3`` kernel, runs the notebook top to bottom with
nbclient in a temporary copy of ``notebooks/`` and reads the kernel process's
own ``/proc/PID/status``: ``VmRSS`` (resident now) and ``VmHWM`` (the peak).

``--grade N`` also builds a course with N submissions of ex01 (the honest
answers of benchmarks/bench_grading.py), runs ``medialit course grade --jobs 2``
and samples every process of the command's tree; it prints the peak of the
parent and of the largest worker.

The goal (issue 18) is at most 120 MB per lesson kernel on the bundled
articles. ``--json FILE`` writes the numbers for course/jupyterhub/README.md.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

import nbformat
from nbclient import NotebookClient

REPO = Path(__file__).resolve().parents[1]
GOAL_MB = 120.0


def proc_memory(pid: int) -> tuple[float, float]:
    """(VmRSS, VmHWM) of one process in MB, from /proc (0 when it is gone)."""
    fields = {}
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            key, _, value = line.partition(":")
            if key in ("VmRSS", "VmHWM"):
                fields[key] = int(value.split()[0]) / 1024
    except (FileNotFoundError, ProcessLookupError):
        return 0.0, 0.0
    return fields.get("VmRSS", 0.0), fields.get("VmHWM", 0.0)


def children(pid: int) -> list[int]:
    """Every descendant process of ``pid`` (read from /proc, no psutil needed)."""
    found, todo = [], [pid]
    while todo:
        parent = todo.pop()
        kids = []
        for path in Path(f"/proc/{parent}/task").glob("*/children"):  # a child belongs to the thread that made it
            try:
                kids += [int(k) for k in path.read_text().split()]
            except (FileNotFoundError, ProcessLookupError):
                continue
        found.extend(kids)
        todo.extend(kids)
    return found


def lesson_kernel(path: Path, work: Path, nb: nbformat.NotebookNode | None = None) -> dict[str, float]:
    """Run one lesson in a fresh kernel; the kernel's memory after Run All and its peak."""
    nb = nb or nbformat.read(path, as_version=4)
    client = NotebookClient(nb, kernel_name="python3", timeout=600, resources={"metadata": {"path": str(work)}})
    began = time.perf_counter()
    with client.setup_kernel():
        pid = client.km.provisioner.pid
        client.execute(cleanup_kc=False)
        rss, peak = proc_memory(pid)
    return {"rss_mb": round(rss, 1), "peak_mb": round(peak, 1), "seconds": round(time.perf_counter() - began, 1)}


def lessons(only: list[str]) -> dict[str, dict[str, float]]:
    results = {}
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp) / "notebooks"
        shutil.copytree(REPO / "notebooks", work, ignore=shutil.ignore_patterns("*.highlights.json"))
        for path in sorted(work.glob("[0-9][0-9]-*.ipynb")):
            if only and not any(path.name.startswith(o) for o in only):
                continue
            results[path.stem] = found = lesson_kernel(path, work)
            mark = "" if found["rss_mb"] <= GOAL_MB else f"  (over the {GOAL_MB:.0f} MB goal)"
            print(f"{path.stem:<40} {found['rss_mb']:7.1f} MB after Run All, peak {found['peak_mb']:7.1f} MB{mark}")
    return results


def answered(path: Path) -> nbformat.NotebookNode:
    """A student version with every answer cell holding the model answer (from solutions/), so check() scores it."""
    nb = nbformat.read(path, as_version=4)
    model = nbformat.read(REPO / "solutions" / path.parent.name / path.name, as_version=4)
    answers = {c.metadata.get("nbgrader", {}).get("grade_id"): c.source for c in model.cells}
    for cell in nb.cells:
        grade_id = cell.metadata.get("nbgrader", {}).get("grade_id", "")
        if grade_id.endswith("-answer") and grade_id in answers:
            lines = answers[grade_id].splitlines()
            cell.source = "\n".join(
                line for line in lines if "### BEGIN SOLUTION" not in line and "### END SOLUTION" not in line
            )
    return nb


def exercises() -> dict[str, dict[str, float]]:
    """The student versions in exercises/, answered and run in a fresh kernel in a copy of their folder."""
    results = {}
    with tempfile.TemporaryDirectory() as tmp:
        for folder in sorted((REPO / "exercises").iterdir()):
            work = Path(tmp) / folder.name
            shutil.copytree(folder, work, ignore=shutil.ignore_patterns("*.highlights.json"))
            for path in sorted(work.glob("*.ipynb")):
                results[path.stem] = found = lesson_kernel(path, work, answered(path))
                print(f"{path.stem:<40} {found['rss_mb']:7.1f} MB after Run All, peak {found['peak_mb']:7.1f} MB")
    return results


def grade_workers(submissions: int, jobs: int) -> dict[str, float]:
    """Peak memory of ``medialit course grade --jobs N``: the command itself and its largest worker."""
    sys.path.insert(0, str(REPO / "benchmarks"))
    from bench_grading import make_course  # the honest submissions the grading benchmark uses

    with tempfile.TemporaryDirectory() as tmp:
        course = Path(tmp) / "course"
        make_course(course, submissions)
        command = [sys.executable, "-m", "medialit", "course", "grade", "ex01-attribution", "--jobs", str(jobs)]
        proc = subprocess.Popen(command, cwd=course, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
        peaks: dict[int, float] = {}
        together = [0.0]  # the most the whole command used at one moment

        def sample() -> None:
            while proc.poll() is None:
                now = 0.0
                for pid in [proc.pid, *children(proc.pid)]:
                    rss, _ = proc_memory(pid)
                    now += rss
                    peaks[pid] = max(rss, peaks.get(pid, 0.0))
                together[0] = max(together[0], now)
                time.sleep(0.05)

        watcher = threading.Thread(target=sample)
        watcher.start()
        _, err = proc.communicate()
        watcher.join()
        if proc.returncode:
            raise SystemExit(f"medialit course grade failed ({proc.returncode}):\n{err[-2000:]}")
    workers = {pid: mb for pid, mb in peaks.items() if pid != proc.pid}
    result = {
        "submissions": submissions,
        "jobs": jobs,
        "command_peak_mb": round(peaks.get(proc.pid, 0.0), 1),
        "largest_worker_peak_mb": round(max(workers.values(), default=0.0), 1),
        "all_processes_peak_mb": round(together[0], 1),
        "processes_seen": len(peaks),
    }
    print(
        f"medialit course grade --jobs {jobs} ({submissions} submissions): command {result['command_peak_mb']:.1f} MB, "
        f"largest child process {result['largest_worker_peak_mb']:.1f} MB ({len(workers)} child processes seen), "
        f"all at once at most {result['all_processes_peak_mb']:.1f} MB"
    )
    return result


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("lessons", nargs="*", help="lesson number prefixes to run (default: all), e.g. 02 03")
    parser.add_argument("--exercises", action="store_true", help="also run the student versions in exercises/")
    parser.add_argument("--grade", type=int, default=0, metavar="N", help="also measure grading N submissions")
    parser.add_argument("--jobs", type=int, default=2, help="grading workers (with --grade)")
    parser.add_argument("--json", type=Path, help="write the numbers to this file")
    args = parser.parse_args(argv)
    os.environ.setdefault("PYTHONPATH", str(REPO / "src"))
    results: dict[str, object] = {"lessons": lessons(args.lessons)}
    if args.exercises:
        results["exercises"] = exercises()
    if args.grade:
        results["grade"] = grade_workers(args.grade, args.jobs)
    if args.json:
        args.json.write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
