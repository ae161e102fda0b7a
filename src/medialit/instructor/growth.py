"""Growth per skill: the lesson 0 pre-test and the graded items of the same skills, side by side.

``course report`` writes ``COURSE/reports/growth/`` with this when the course has the pre-test key
(``pretest/key.json``): ``growth.csv`` (per student and skill), ``growth.md`` (class means, then per
student), ``growth.png`` with its alt text, and ``pretest-import.csv`` (participation only, never the
pre-test's score). No change is computed: the two sides are different instruments (``WHY_NO_CHANGE``).
"""

from __future__ import annotations

from collections import defaultdict
from pathlib import Path
from typing import Any

import matplotlib

matplotlib.use("Agg")

from medialit.exercises import pretest
from medialit.exercises.plots import pre_and_post, save
from medialit.instructor.batch import scores_table, write_csv
from medialit.instructor.gradebook import CourseError, max_points
from medialit.instructor.lms_import import plain_cell, write_import


def pre_scores(course: Path) -> dict[str, dict[str, float]]:
    """Each student's pre-test share per skill, from ``COURSE/pretest/STUDENT.json`` and the key beside them."""
    folder = course / "pretest"
    try:
        key = pretest.read_key(folder / "key.json")
        return {
            path.stem: pretest.skill_scores(pretest.read_answers(path), key)
            for path in sorted(folder.glob("*.json"))
            if path.name != "key.json"
        }
    except pretest.PretestError as error:
        raise CourseError(str(error)) from None


def post_scores(course: Path) -> dict[str, dict[str, float]]:
    """Each student's share of the points per skill in the graded items of that skill (``pretest.POST_ITEMS``)."""
    earned: dict[str, dict[str, float]] = defaultdict(lambda: defaultdict(float))
    possible: dict[str, dict[str, float]] = defaultdict(lambda: defaultdict(float))
    cell_skill = {f"{i}-test": skill for skill, items in pretest.POST_ITEMS.items() for i in items}
    for assignment in sorted(p.name for p in (course / "source").glob("*") if p.is_dir()):
        rows = scores_table(course, assignment)
        if not rows:
            continue
        points = max_points(course, assignment)
        for row in rows:
            for cell, skill in cell_skill.items():
                if cell in points:
                    earned[row["student"]][skill] += row.get(cell, 0.0)
                    possible[row["student"]][skill] += points[cell]
    return {s: {k: earned[s][k] / v for k, v in possible[s].items() if v} for s in possible}


WHY_NO_CHANGE = (
    "There is no change column, on purpose: the two sides are different instruments. The pre-test asks two "
    "multiple-choice questions per skill; the graded items ask students to mark spans and labels on new texts, "
    "with one or two items per skill. A post share below or above the pre share mixes what was learned with "
    "the change of instrument, so read the two columns side by side, skill by skill, and look at the items "
    "behind a post share (`course report ex05-transfer`) before saying a skill grew."
)


def growth_rows(pre: dict[str, dict[str, float]], post: dict[str, dict[str, float]]) -> list[dict[str, Any]]:
    """One row per student and skill measured both before and after: pre and post side by side (shares 0-1).

    No difference is computed: the two sides are different instruments (``WHY_NO_CHANGE``).
    """
    rows = []
    for student in sorted(set(pre) & set(post)):
        for skill in pretest.SKILLS:
            if skill in pre[student] and skill in post[student]:
                before, after = pre[student][skill], post[student][skill]
                rows.append(
                    {
                        "student": student,
                        "skill": skill,
                        "pre": round(before, 3),
                        "post": round(after, 3),
                    }
                )
    return rows


def class_growth(rows: list[dict[str, Any]]) -> dict[str, dict[str, float]]:
    """Class means per skill: students, pre and post."""
    by_skill: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for row in rows:
        by_skill[row["skill"]].append(row)
    return {
        skill: {
            "students": len(by_skill[skill]),
            **{k: round(sum(r[k] for r in by_skill[skill]) / len(by_skill[skill]), 3) for k in ("pre", "post")},
        }
        for skill in pretest.SKILLS
        if by_skill[skill]
    }


def write_growth(course_dir: str | Path) -> list[Path]:
    """Pre-test (lesson 0) and graded items side by side per skill, in ``COURSE/reports/growth/``."""
    course = Path(course_dir)
    pre, post = pre_scores(course), post_scores(course)
    out = course / "reports" / "growth"
    out.mkdir(parents=True, exist_ok=True)
    rows = growth_rows(pre, post)
    summary = class_growth(rows)
    written = [write_csv(rows, out / "growth.csv") if rows else _empty_csv(out / "growth.csv")]
    written.append(_growth_markdown(summary, rows, pre, post, out / "growth.md"))
    written.append(_growth_figure(summary, out / "growth.png"))
    written.append(_pretest_import(pre, out / "pretest-import.csv"))
    return written


def _empty_csv(path: Path) -> Path:
    path.write_text("student,skill,pre,post\n", encoding="utf-8")
    return path


def _growth_markdown(summary: dict, rows: list[dict[str, Any]], pre: dict, post: dict, path: Path) -> Path:
    only_pre, only_post = sorted(set(pre) - set(post)), sorted(set(post) - set(pre))
    lines = [
        "# Per skill: the lesson 0 pre-test and the graded items, side by side",
        "",
        "Shares from 0 to 1: the pre-test's questions answered right, and the points earned in the graded "
        "items of the same skill (`medialit.exercises.pretest.POST_ITEMS`: the transfer exercise ex05, on texts "
        "no lesson uses). Only students with both are counted.",
        "",
        WHY_NO_CHANGE,
        "",
        "| skill | students | pre-test | graded items |",
        "|---|---:|---:|---:|",
    ]
    lines += [_growth_row(skill, summary.get(skill)) for skill in pretest.SKILLS]
    if not summary:
        lines += ["", "So far no student has both a pre-test and graded items."]
    lines += ["", "## Per student", "", "| student | skill | pre-test | graded items |", "|---|---|---:|---:|"]
    lines += [f"| {plain_cell(r['student'])} | {r['skill']} | {r['pre']:.2f} | {r['post']:.2f} |" for r in rows]
    if only_pre or only_post:
        lines += [
            "",
            f"Pre-test only (no graded items yet): {', '.join(map(plain_cell, only_pre)) or 'none'}.",
            f"Graded items only (no pre-test file): {', '.join(map(plain_cell, only_post)) or 'none'}.",
        ]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def _growth_row(skill: str, means: dict[str, float] | None) -> str:
    """One skill's line of the class table; a skill nobody has both sides of yet still gets its line."""
    if means is None:
        return f"| {pretest.SKILLS[skill]} | 0 | – | not measured yet |"
    return f"| {pretest.SKILLS[skill]} | {means['students']} | {means['pre']:.2f} | {means['post']:.2f} |"


def _growth_figure(summary: dict[str, dict[str, float]], path: Path) -> Path:
    """Paired bars for every skill of the pre-test (``plots.pre_and_post``), saved with its alt text."""
    save(pre_and_post(summary, pretest.SKILLS), str(path), tight=True)
    return path


def _pretest_import(pre: dict[str, dict[str, float]], path: Path) -> Path:
    """Participation for the gradebook: 1 point per student who handed in a pre-test file (never its score)."""
    return write_import(path, ["pretest participation"], [1], ((student, [1]) for student in sorted(pre)))
