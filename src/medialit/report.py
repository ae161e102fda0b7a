"""Class report after grading: grades, item difficulty, what the class marked against the key.

Material for the next class discussion: ``grades.csv``, ``items.csv`` (mean
share of points per graded cell), ``marks.csv`` and ``most-missed.md`` (each key
item: how many students found it; marks many students made that are not in the
key), and two PNG figures with alt text. Answers are read from the submitted
files without running student code, exactly as ``course.verify`` reads them.
"""

from __future__ import annotations

import csv
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

import matplotlib

matplotlib.use("Agg")

from medialit import course as courses
from medialit.grading import AnswerError, item, key_spans, load_answer
from medialit.plots import PALETTE, finish, new_axes, save


@dataclass(frozen=True)
class KeyRow:
    """One key item and which students found it."""

    item: str
    words: str
    label: str
    found_by: tuple[str, ...]
    students: int

    @property
    def share(self) -> float:
        return len(self.found_by) / self.students if self.students else 0.0


def key_rows(course_dir: str | Path, assignment: str) -> tuple[list[KeyRow], Counter]:
    """Every key item with the students who marked it, and marks outside the key by how many made them."""
    course = Path(course_dir)
    students = courses.submissions(course, assignment)
    rows: list[KeyRow] = []
    extras: Counter = Counter()
    for check in courses.hidden_checks(course, assignment):
        it = item(check.item)
        body = it.load().body
        key = key_spans(check.key)
        found: dict[int, list[str]] = {i: [] for i in range(len(key))}
        for student in students:
            try:
                answer = courses.submitted_answer(course, assignment, student, check)
                spans, _ = load_answer(check.item, answer, course / "submitted" / student / assignment)
            except AnswerError:
                continue
            for m in result_matches(check.item, spans, key):
                if m.key is not None and m.answer is not None:
                    found[key.index(m.key)].append(student)
                elif m.key is None and m.answer is not None and m.answer.start >= 0:
                    extras[(check.item, " ".join(m.answer.text(body).split())[:60], m.answer.label)] += 1
        for i, span in enumerate(key):
            words = " ".join(span.text(body).split())
            rows.append(KeyRow(check.item, words[:60], span.label, tuple(found[i]), len(students)))
    return rows, extras


def result_matches(item_id: str, spans, key):
    """The one-to-one matching the item's score used (label and reason must agree)."""
    from medialit import grading
    from medialit.scoring import match

    it = item(item_id)
    body = it.load().body
    same = {
        "sentences": grading._sentence_reason,
        "speakers": grading._same_speaker,
        "words": grading._same_word(body),
    }.get(it.kind)
    return match(spans, key, same) if same else match(spans, key)


def difficulty(ax_rows: list[dict], max_points: dict[str, float]) -> dict[str, float]:
    """Mean share of the points earned per graded cell (1.0 = everyone got everything)."""
    shares = {}
    for cell, points in max_points.items():
        values = [row[cell] / points for row in ax_rows if cell in row and points]
        shares[cell] = sum(values) / len(values) if values else 0.0
    return shares


def write_report(course_dir: str | Path, assignment: str) -> list[Path]:
    """Write the report files to ``COURSE/reports/ASSIGNMENT/`` and return their paths."""
    course = Path(course_dir)
    rows = courses.scores_table(course, assignment)
    if not rows:
        raise courses.CourseError(f"nothing graded yet for {assignment}: run `medialit course grade {assignment}`")
    out = course / "reports" / assignment
    out.mkdir(parents=True, exist_ok=True)
    written = [courses.write_csv(rows, out / "grades.csv")]
    points = _max_points(course, assignment)
    shares = difficulty(rows, points)
    with (out / "items.csv").open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(["cell", "max_points", "mean_share"])
        for cell, share in shares.items():
            writer.writerow([cell, points[cell], round(share, 3)])
    written.append(out / "items.csv")
    written.append(_difficulty_figure(shares, out / "difficulty.png"))
    keys, extras = key_rows(course, assignment)
    written.append(_marks_csv(keys, out / "marks.csv"))
    written.append(_most_missed(keys, extras, out / "most-missed.md"))
    if keys:
        written.append(_heatmap(keys, courses.submissions(course, assignment), out / "key-heatmap.png"))
    return written


def _max_points(course: Path, assignment: str) -> dict[str, float]:

    with courses.gradebook(courses.db_url(course)) as gb:
        found = gb.find_assignment(assignment)
        return {c.name: float(c.max_score) for nb in found.notebooks for c in nb.grade_cells}


def _difficulty_figure(shares: dict[str, float], path: Path) -> Path:
    ax = new_axes(size=(7, 3.5))
    names = list(shares)
    ax.barh(names, [shares[n] for n in names], color=PALETTE[1])
    ax.set_xlim(0, 1)
    ax.invert_yaxis()
    hardest = min(shares, key=shares.get) if shares else "none"
    finish(
        ax,
        title="How much of each item the class earned",
        xlabel="mean share of the item's points",
        ylabel="graded item",
        alt=f"Bar chart of the mean share of points per graded item; the hardest item is {hardest} "
        f"({shares.get(hardest, 0):.0%}).",
    )
    save(ax, str(path))
    return path


def _heatmap(keys: list[KeyRow], students: list[str], path: Path) -> Path:
    from matplotlib.colors import ListedColormap

    grid = [[1 if s in row.found_by else 0 for s in students] for row in keys]
    ax = new_axes(size=(max(6, 0.35 * len(students) + 4), max(3, 0.3 * len(keys) + 1.5)))
    ax.imshow(grid, aspect="auto", cmap=ListedColormap(["#eeeeee", PALETTE[2]]), vmin=0, vmax=1)
    ax.set_yticks(range(len(keys)), [f"{r.item}: {r.words[:28]} ({r.label})" for r in keys], fontsize=7)
    ax.set_xticks(range(len(students)), students, rotation=90, fontsize=7)
    missed = sum(1 for r in keys if r.share < 0.5)
    finish(
        ax,
        title="Key items each student marked (coloured = found)",
        xlabel="student",
        ylabel="key item (sentence, source, cue or word)",
        alt=f"Grid of {len(keys)} key items by {len(students)} students; a coloured cell means the student "
        f"marked that item. {missed} items were found by fewer than half of the class.",
    )
    save(ax, str(path))
    return path


def _marks_csv(keys: list[KeyRow], path: Path) -> Path:
    with path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(["item", "words", "label", "found_by", "students", "share"])
        for row in keys:
            writer.writerow([row.item, row.words, row.label, len(row.found_by), row.students, round(row.share, 3)])
    return path


def _most_missed(keys: list[KeyRow], extras: Counter, path: Path, top: int = 10) -> Path:
    lines = ["# Most-missed items", "", "| item | words | label | found by |", "|---|---|---|---:|"]
    for row in sorted(keys, key=lambda r: (r.share, r.item))[:top]:
        lines.append(f"| {row.item} | {row.words} | {row.label} | {len(row.found_by)} of {row.students} |")
    lines += ["", "# Marks not in the key, made by several students", ""]
    common = [(k, n) for k, n in extras.most_common(top) if n >= 2]
    lines += ["| item | words | label | students |", "|---|---|---|---:|"]
    lines += [f"| {i} | {w} | {lab} | {n} |" for (i, w, lab), n in common] or ["| (none) | | | |"]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path
