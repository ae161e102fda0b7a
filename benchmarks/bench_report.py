"""How long `medialit course report` takes on a long drafted key, and how big its key-mark grid is.

Usage: .venv/bin/python benchmarks/bench_report.py [--articles 60] [--students 3] [--keep DIR]

With --keep DIR the course is built there once; run again with the same DIR to time the report alone (for
instance with PYTHONPATH pointing at another checkout's src/, to compare).

Builds a real course the way an instructor brings their own article (course/instructor-guide.md, "Your own
article"): the bodies of the first ARTICLES corpus articles joined into one long article (`new-article`), its
key drafted by the analyzer (`draft-key`; `review` below rejects what `new-exercise` refuses, the rest stays
`suggested`), a framing exercise
(`new-exercise --allow-unreviewed`), released by nbgrader, handed in by STUDENTS students (one with the model
answer, the others the release unchanged) and graded (`course grade --jobs 2`). Then times `course report`
(`report.write_report`) and its key-mark grid alone, and prints the grid's size in pixels. instr21 saw 3 min and
a 23,395-px-high grid for a 780-mark key before the grid was bounded (plots.KEY_MARK_ROWS).
"""

from __future__ import annotations

import argparse
import json
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]


def medialit(*args: str, cwd: Path) -> None:
    done = subprocess.run([sys.executable, "-m", "medialit", *args], cwd=cwd, capture_output=True, text=True)
    if done.returncode:
        raise SystemExit(f"medialit {' '.join(args)} failed: {done.stderr.strip()[-400:]}")


def long_article(work: Path, count: int) -> Path:
    from medialit.core.article import load_article

    corpus = [p for p in sorted((REPO / "course" / "corpus").glob("*.md")) if p.name[0].islower()]
    bodies = [load_article(p).body for p in corpus[:count]]
    text = work / "long.txt"
    text.write_text("A long week in the news\n\n" + "\n\n".join(bodies), encoding="utf-8")
    fields = ["--title", "A long week in the news", "--outlet", "Bench", "--date", "2026-11-30"]
    fields += ["--url", "https://bench.example/long", "--license", "CC BY 4.0", "--id", "long-week"]
    medialit("new-article", str(text), *fields, "--out", str(work / "long-week.md"), cwd=work)
    return work / "long-week.md"


def review(path: Path) -> int:
    """Reject what `new-exercise` refuses in a framing exercise, as a reviewer would: every mark that is not a
    framing word, and a framing mark overlapping one kept before it. Returns the marks left."""
    key = json.loads(path.read_text(encoding="utf-8"))
    kept: list[tuple[int, int]] = []
    for mark in key["marks"]:
        overlaps = any(mark["start"] < end and start < mark["end"] for start, end in kept)
        if mark["label"] != "loaded" or overlaps:
            mark["status"] = "rejected"
        else:
            kept.append((mark["start"], mark["end"]))
    path.write_text(json.dumps(key, ensure_ascii=False, indent=1), encoding="utf-8")
    return len(kept)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=60, help="corpus articles joined into one (default 60)")
    parser.add_argument("--students", type=int, default=3, help="students handing in (default 3)")
    parser.add_argument("--keep", help="build the course here and keep it (default: a temporary folder)")
    args = parser.parse_args()

    import nbformat

    from medialit.exercises.plots import key_marks_found, save
    from medialit.instructor import course, report

    work = Path(args.keep) if args.keep else Path(tempfile.mkdtemp(prefix="bench-report-"))
    work.mkdir(parents=True, exist_ok=True)
    root = work / "course"
    if not (args.keep and root.is_dir()):  # a kept course is timed again as it is (compare two checkouts)
        started = time.perf_counter()
        article = long_article(work, args.articles)
        medialit("draft-key", str(article), "--out", str(work / "keys" / "long.key.json"), cwd=work)
        drafted = len(json.loads((work / "keys" / "long.key.json").read_text(encoding="utf-8"))["marks"])
        marks = review(work / "keys" / "long.key.json")
        course.init(root, REPO / "solutions", timeout=6)
        kind = ["--kind", "framing", "--allow-unreviewed", "--into", str(root)]
        medialit("new-exercise", str(article), str(work / "keys" / "long.key.json"), *kind, cwd=work)
        name = next(p.name for p in (root / "source").iterdir() if p.name.startswith("long-week"))
        course.release(root, name)
        for i in range(args.students):
            folder = root / "submitted" / f"student{i:02d}" / name
            folder.mkdir(parents=True)
            shutil.copy2(next((root / ("source" if i == 0 else "release") / name).glob("*.ipynb")), folder)
            for other in (root / "release" / name).iterdir():
                if other.suffix != ".ipynb":
                    shutil.copy2(other, folder)
            nb = nbformat.read(next(folder.glob("*.ipynb")), as_version=4)  # readable, as a hand-in must be
            assert nb.cells
        course.grade(root, name, jobs=2)
        built = time.perf_counter() - started
        print(f"built in {built:.0f} s: {drafted} key marks drafted, {marks} asked, {args.students} students")

    name = next(p.name for p in (root / "source").iterdir() if p.name.startswith("long-week"))
    started = time.perf_counter()
    written = report.write_report(root, name)
    print(f"course report: {time.perf_counter() - started:.1f} s, {len(written)} files")
    keys, _ = report.key_rows(root, name)
    students = [f"student{i:02d}" for i in range(args.students)]
    started = time.perf_counter()
    save(key_marks_found(keys, students), str(work / "grid.png"), tight=True, close=True)
    from PIL import Image

    width, height = Image.open(work / "grid.png").size
    print(f"key-mark grid alone: {time.perf_counter() - started:.1f} s for {len(keys)} key rows, {width} x {height} px")
    if not args.keep:
        shutil.rmtree(work)


if __name__ == "__main__":
    main()
