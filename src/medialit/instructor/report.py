"""Class report after grading: grades, item difficulty, what the class marked against the key.

Material for the next class discussion and for the school's gradebook:
``grades.csv`` (every cell, total and grading status), ``gradebook-import.csv``
(one column per item, importable by Canvas and Moodle; see course/grading.md),
``items.csv``, ``marks.csv`` and ``most-missed.md`` (each key mark named by its
sentence number and occurrence, with how many students found the place and how
many also gave the right label or reason), ``analyzer-echo.md`` (answers that
repeat the analyzer's mistakes: ``analyzer_echo``), ``copied-highlights.md`` (highlights files a classmate
saved: ``saved_by_classmates``), and two PNG figures with alt text;
with the pre-test's key in the course, growth per skill too (``growth``).
Answers are read as data, exactly as ``course grade`` reads them, from the hand-in it graded (``batch.graded_handin``).
"""

from __future__ import annotations

import csv
import json
import os
import re
from collections import defaultdict
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

import matplotlib

matplotlib.use("Agg")

from medialit.core import sidecar
from medialit.core.spans import Span
from medialit.exercises.items import item
from medialit.exercises.matching import as_key, compare
from medialit.exercises.plots import item_difficulty, key_marks_found, save
from medialit.exercises.scoring import Mark, same_place
from medialit.instructor import analyzer_echo
from medialit.instructor import course as courses
from medialit.instructor import gradebook as books
from medialit.instructor.batch import graded_handin, graded_with_another_key, stopped_for_time, unusable_key
from medialit.instructor.grade_data import Check, grade_item, read_notebook
from medialit.instructor.growth import write_growth
from medialit.instructor.lms_import import as_text, plain_cell, write_import


@dataclass(frozen=True)
class KeyRow:
    """One key mark, named so nobody can confuse it, and which students found it (place, then label too)."""

    item: str
    name: str  # e.g. "sentence 12, ‘Støre’ (2nd in the part)"
    context: str  # the sentence, the marked words in **bold**
    label: str
    placed_by: tuple[str, ...]  # found the place (sentence, words)
    right_by: tuple[str, ...]  # ... and gave the right label, reason or speaker
    students: int
    optional: bool = False  # neither required nor penalised: never "missed"

    @property
    def share(self) -> float:
        return len(self.right_by) / self.students if self.students else 0.0


def key_rows(course_dir: str | Path, assignment: str) -> tuple[list[KeyRow], dict]:
    """Every key mark with the students who found it, and marks outside the key by the students who made them."""
    return key_rows_of(class_answers(course_dir, assignment))


def class_answers(
    course_dir: str | Path, assignment: str, students: list[str] | None = None
) -> list[tuple[Check, dict[str, list[Span]]]]:
    """Each medialit item's check with every student's marks, read once for every part of the report.

    ``students``: those of ``grades.csv`` (the gradebook's), so a student removed from it is counted nowhere;
    by default every folder in ``submitted/``."""
    course = Path(course_dir)
    students = courses.submissions(course, assignment) if students is None else students
    unread = set(not_read(course, assignment, students))
    checks = courses.hidden_checks(course, assignment)
    answers: list[dict[str, list[Span]]] = [{} for _ in checks]
    for student in students:  # one student at a time: each notebook read once for all its items (attack23)
        marks = {} if student in unread else _answers(course, assignment, student, checks)
        for at, check in enumerate(checks):
            answers[at][student] = marks.get((check.notebook, check.grade_id), [])
    return list(zip(checks, answers, strict=True))


def not_read(course: Path, assignment: str, students: list[str]) -> list[str]:
    """Students whose answers the report does not read: ``course grade`` stopped their grading for taking longer
    than a student's time (``batch.SECONDS_PER_STUDENT``), so reading them again here would stall the report with
    nothing to stop it (attack18's notebook of long cells: about 4 minutes a student). They count as marking
    nothing, as their 0 points in grades.csv."""
    return [s for s in students if stopped_for_time(course, assignment, s)]


def key_rows_of(answered: list[tuple[Check, dict[str, list[Span]]]]) -> tuple[list[KeyRow], dict]:
    """``key_rows`` from answers already read (``class_answers``)."""
    rows: list[KeyRow] = []
    extras: dict[tuple[str, str, str], set[str]] = defaultdict(set)
    for check, answers in answered:
        found, extra = item_rows(check.item, check.key, answers)
        rows += found
        for name, students_of in extra.items():
            extras[name] |= students_of
    return rows, extras


def item_rows(
    item_id: str, key: Any, answers: dict[str, list[Span]]
) -> tuple[list[KeyRow], dict[tuple[str, str, str], set[str]]]:
    """One item's key marks with who found them, as the score counts (``matching.compare``); and marks not in the key.

    ``answers`` maps each student to their marks (``grade_item``'s spans); the
    extras are keyed by (item, mark name, label or speaker).
    """
    placed: dict[int, set[str]] = defaultdict(set)
    right: dict[int, set[str]] = defaultdict(set)
    extras: dict[tuple[str, str, str], set[str]] = defaultdict(set)
    marks = as_key(item(item_id), key).marks
    for student, spans in answers.items():
        found = compare(item_id, spans, key)
        for i in found.placed:
            placed[i].add(student)
        for i in found.right:
            right[i].add(student)
        for mark in found.extras:
            extras[(item_id, name_of(item_id, mark.span), _said(mark))].add(student)
    rows = [
        KeyRow(
            item_id,
            name_of(item_id, mark.span),
            context_of(item_id, mark.span),
            mark.speaker or "/".join(dict.fromkeys(r.label for r in mark.readings())),
            tuple(sorted(placed[i])),
            tuple(sorted(right[i])),
            len(answers),
            mark.optional,
        )
        for i, mark in enumerate(marks)
    ]
    return rows, extras


def _answers(course: Path, assignment: str, student: str, checks: list[Check]) -> dict[tuple[str, str], list[Span]]:
    """The student's marks for each check, by notebook and grade id, in the hand-in ``course grade`` scored (none
    when its grading failed: 0 points). Each notebook is read once, as grading reads it: attack23, a notebook of
    100 MB was read and parsed again for every item of the assignment."""
    folder = graded_handin(course, assignment, student)
    if folder is None:
        return {}
    notebooks: dict[str, tuple[Any, str]] = {}
    marks = {}
    for check in checks:
        if check.notebook not in notebooks:
            notebooks[check.notebook] = read_notebook(folder / f"{check.notebook}.ipynb")
        nb, why = notebooks[check.notebook]
        marks[check.notebook, check.grade_id] = list(grade_item(check, nb, folder, why).marks)
    return marks


def _said(mark: Mark) -> str:
    """What a student's mark says: the speakers it names, else its labels."""
    return ", ".join(sorted(mark.speakers)) or "/".join(sorted(mark.labels))


def _sentence(item_id: str, span: Span) -> tuple[int, tuple[int, int]]:
    """The 1-based number of the article sentence holding the span, and that sentence's offsets."""
    sentences = item(item_id).load().sentences
    for n, (s, e) in enumerate(sentences, 1):
        if s <= span.start < e:
            return n, (s, e)
    return 0, (span.start, span.end)


def name_of(item_id: str, span: Span) -> str:
    """An unambiguous name: the sentence number, and for words the occurrence within the item's part."""
    it = item(item_id)
    body = it.load().body
    number, (s, e) = _sentence(item_id, span)
    if it.kind == "sentences" or (span.start, span.end) == (s, e):
        return f"sentence {number}"
    words = " ".join(body[span.start : span.end].split())
    start, _ = it.bounds()
    nth = 1 + sum(1 for m in _word_pattern(body[span.start : span.end]).finditer(body, start, span.start))
    return f"sentence {number}, ‘{words[:60]}’ ({_ordinal(nth)} in the part)"


def _word_pattern(words: str) -> re.Pattern[str]:
    """The words as whole words, counted the way answers name an occurrence (``('said', 'cue', 2)``)."""
    edge = (r"\b" if words[:1].isalnum() else "", r"\b" if words[-1:].isalnum() else "")
    return re.compile(edge[0] + re.escape(words) + edge[1])


def _ordinal(n: int) -> str:
    return f"{n}{'th' if 10 <= n % 100 <= 20 else {1: 'st', 2: 'nd', 3: 'rd'}.get(n % 10, 'th')}"


def context_of(item_id: str, span: Span, width: int = 140) -> str:
    """The sentence around the span, the span in **bold**, shortened around it."""
    body = item(item_id).load().body
    _, (s, e) = _sentence(item_id, span)
    before, words, after = body[s : span.start], body[span.start : span.end], body[span.end : e]
    if len(before) > width // 2:
        before = "…" + before[-(width // 2) :]
    if len(after) > width // 2:
        after = after[: width // 2] + "…"
    text = f"{before}**{words}**{after}" if words.strip() and len(words) < e - s else f"**{words}**"
    return " ".join(text.split()).replace("|", "\\|")


def difficulty(rows: list[dict], max_points: dict[str, float]) -> dict[str, float]:
    """Mean share of the points earned per graded cell (1.0 = everyone got everything)."""
    shares = {}
    for cell, points in max_points.items():
        values = [row[cell] / points for row in rows if cell in row and points]
        shares[cell] = sum(values) / len(values) if values else 0.0
    return shares


def write_report(course_dir: str | Path, assignment: str) -> list[Path]:
    """Write the report files to ``COURSE/reports/ASSIGNMENT/`` and return their paths."""
    course = books.course_folder(course_dir)
    rows = courses.scores_table(course, assignment)
    if not rows:
        if not any((course / step / assignment).is_dir() for step in ("source", "release")):
            raise courses.CourseError(books.not_released(course.resolve(), assignment))  # a name it lacks
        raise courses.CourseError(f"nothing graded yet for {assignment}: run `medialit course grade {assignment}`")
    if problem := unusable_key(courses.hidden_checks(course, assignment)):  # the words `course grade` uses
        raise courses.CourseError(f"{course.resolve() / 'source' / assignment}: {problem}; no report written")
    (course / "reports").mkdir(exist_ok=True)
    os.chmod(course / "reports", 0o700)  # the reports quote every key mark: the instructor's account alone
    out = course / "reports" / assignment
    out.mkdir(parents=True, exist_ok=True)
    points = books.max_points(course, assignment)
    written = [courses.write_csv(rows, out / "grades.csv"), _import_csv(rows, points, assignment, out)]
    shares = difficulty(rows, points)
    with (out / "items.csv").open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(["cell", "max_points", "mean_share"])
        for cell, share in shares.items():
            writer.writerow([cell, points[cell], round(share, 3)])
    written.append(out / "items.csv")
    written.append(_difficulty_figure(shares, out / "difficulty.png"))
    students = [row["student"] for row in rows]
    answered = class_answers(course, assignment, students)
    keys, extras = key_rows_of(answered)
    written.append(_marks_csv(keys, out / "marks.csv"))
    written.append(_most_missed(keys, extras, out / "most-missed.md", graded_with_another_key(course, assignment)))
    written += _analyzer_echo(answered, out)
    written.append(_copied_highlights(saved_by_classmates(course, assignment, students), out / "copied-highlights.md"))
    if keys:
        written.append(_heatmap(keys, students, out / "key-heatmap.png"))
    if (course / "pretest" / "key.json").exists():
        written += write_growth(course)
    return written


def _import_csv(rows: list[dict[str, Any]], points: dict[str, float], assignment: str, out: Path) -> Path:
    """One row per student, one column per graded cell plus the total: Canvas's and Moodle's import layout."""
    cells = list(points)
    columns = [*(f"{assignment} {c}" for c in cells), f"{assignment} total"]
    possible = [*(points[c] for c in cells), sum(points.values())]
    scores = ((row["student"], [*(row.get(c, 0.0) for c in cells), row["total"]]) for row in rows)
    return write_import(out / "gradebook-import.csv", columns, possible, scores)


# ---------------------------------------------------------------- answers that repeat the analyzer's mistakes

ECHO_INTRO = (
    "Students have `medialit analyze` in every kernel. Where it agrees with the key, an honest answer and its "
    "output pasted are the same marks; where it errs they part. An answer is flagged when it repeats more than "
    "half of the analyzer's false marks on an item (marks the key does not have, wrong labels included, "
    "counted as the score counts them): an honest student rarely makes the analyzer's very mark with its very "
    "label. Misses are counted but never flag anyone: honest answers miss the same hard marks "
    "(course/grading.md gives the measured rates), so on items where the analyzer only misses, a paste cannot "
    "be told apart. A paste also finds everything the analyzer finds. Nothing here changes a score, and "
    "students never see this file."
)

COMPARED = ("checked", "misses only")  # items whose analyzer errs: answers are counted against its errors


def _analyzer_echo(answered: list[tuple[Check, dict[str, list[Span]]]], out: Path) -> list[Path]:
    """``analyzer-echo.md`` and ``.csv``: who repeats the analyzer's errors on which item, what nobody can tell."""
    errors = {check.item: analyzer_echo.analyzer_errors(check.item, check.key) for check, _ in answered}
    rows = [
        (student, check.item, analyzer_echo.echo(errors[check.item], spans, check.key))
        for check, answers in answered
        if errors[check.item].status in COMPARED
        for student, spans in answers.items()
    ]
    with (out / "analyzer-echo.csv").open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(
            ["student", "item", "false_repeated", "false_marks", "missed_repeated", "missed", "agreed",
             "analyzer_right", "marked", "flagged"]
        )  # fmt: skip
        for student, item_id, e in rows:
            writer.writerow([as_text(student), item_id, *e.counts(), int(e.marked), int(e.flagged)])
    lines = ["# Answers that repeat the analyzer's mistakes", "", ECHO_INTRO, ""]
    lines += _echo_flagged(rows) + _echo_totals(rows) + _echo_items(answered, errors)
    (out / "analyzer-echo.md").write_text("\n".join(lines) + "\n", encoding="utf-8")
    return [out / "analyzer-echo.md", out / "analyzer-echo.csv"]


COPIED_INTRO = (
    "Each highlights file below, in the hand-in graded, was saved by another student of this class: its "
    "`saved_by` is the JupyterHub user (else the login name) of the kernel that wrote it, so the file was saved in "
    "that classmate's notebook and handed in as it was; 'then changed by' means the student changed it and saved it "
    "again (the file keeps its earlier savers in `saved_before_by`). A reason to ask, not a verdict (pair work, a "
    "shared computer), and it changes no score. Not every copy is named: the fields can be edited, and marks typed "
    "again by hand leave no trace."
)


def saved_by_classmates(course: Path, assignment: str, students: list[str]) -> list[tuple[str, str, str]]:
    """(student, highlights file, classmate) for each item's highlights file in a student's graded hand-in whose
    ``saved_by`` is another student of ``students``.

    attack22: nothing compared ``saved_by`` with the student: a classmate's file copied into a hand-in was graded as
    the student's own, and no report said so. On a hub it is the hub user, the nbgrader id; a laptop's login name
    names a classmate only by chance. A file is read only as grading reads it (no links, at most 2 MB).
    self24: a copy changed once (one mark) and saved again said ``saved_by`` the student; the classmates among its
    ``saved_before_by`` are named, "alice, then changed by bob".
    """
    from medialit.exercises.answer import MAX_SIDECAR_BYTES
    from medialit.exercises.errors import AnswerError

    names = []
    for check in courses.hidden_checks(course, assignment):
        try:
            names.append(item(check.item).sidecar)
        except AnswerError:
            continue
    classmates, found = set(students), []
    for student in students:
        folder = graded_handin(course, assignment, student)
        for name in dict.fromkeys(names) if folder else ():
            path = folder / name
            try:
                if path.is_symlink() or not path.is_file() or path.stat().st_size > MAX_SIDECAR_BYTES:
                    continue
                data = json.loads(path.read_text(encoding="utf-8"))
                saved_by = data.get("saved_by")
            except (OSError, ValueError, AttributeError):  # unreadable or not a mapping: grading says so
                continue
            others = classmates - {student}
            if isinstance(saved_by, str) and saved_by in others:
                found.append((student, name, saved_by))
            elif earlier := [n for n in sidecar.saved_before_by(data) if n in others]:
                found.append((student, name, f"{', '.join(earlier)}, then changed by {student}"))
    return found


def _copied_highlights(rows: list[tuple[str, str, str]], path: Path) -> Path:
    lines = ["# Highlights files saved by a classmate", "", COPIED_INTRO, ""]
    lines += ["| student | highlights file | saved by |", "|---|---|---|"]
    lines += [f"| {plain_cell(student)} | {name} | {plain_cell(by)} |" for student, name, by in rows]
    lines += ["| (none) | | |"] if not rows else []
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def _repeats(*counts: int) -> str:
    """Table cells ``a of b`` for each pair: false marks repeated, misses repeated, what the analyzer finds found."""
    return " | ".join(f"{a} of {b}" for a, b in zip(counts[::2], counts[1::2], strict=True))


def _echo_flagged(rows: list[tuple[str, str, analyzer_echo.Echo]]) -> list[str]:
    lines = [
        "## Answers that repeat most of the analyzer's false marks on an item",
        "",
        "| student | item | false marks repeated | misses repeated | finds what the analyzer finds |",
        "|---|---|---:|---:|---:|",
    ]
    for student, item_id, e in sorted(rows, key=lambda r: (r[1], r[0])):
        if e.flagged:
            lines.append(f"| {plain_cell(student)} | {item_id} | {_repeats(*e.counts())} |")
    return lines + (["| (none) | | | | |"] if len(lines) == 4 else []) + [""]


def _echo_totals(rows: list[tuple[str, str, analyzer_echo.Echo]]) -> list[str]:
    """Per student over the items answered: flagged when more than half of all the false marks are repeated."""
    totals: dict[str, list[int]] = defaultdict(lambda: [0] * 8)
    for student, _, e in rows:
        if e.marked:
            counts = (*e.counts(), e.flagged, e.false_marks > 0)
            totals[student] = [a + b for a, b in zip(totals[student], counts, strict=True)]
    lines = [
        "## Per student, over the items answered",
        "",
        "Flagged: more than half of the false marks on these items repeated (misses are shown, never counted).",
        "",
        "| student | false marks repeated | misses repeated | finds what the analyzer finds "
        "| items flagged, of the answered items where the analyzer errs | flagged |",
        "|---|---:|---:|---:|---:|---|",
    ]
    order = sorted(totals.items(), key=lambda kv: (-kv[1][0], -kv[1][2], kv[0]))
    for student, counts in order:
        flag = "**flagged**" if analyzer_echo.repeats_most(counts[0], counts[1]) else "no"
        lines.append(f"| {plain_cell(student)} | {_repeats(*counts)} | {flag} |")
    return [*lines, ""]


def _echo_items(answered: list[tuple[Check, dict]], errors: dict[str, analyzer_echo.AnalyzerErrors]) -> list[str]:
    """Every item's status, and the analyzer's errors named as most-missed.md names marks."""
    why = {
        "cannot tell": "**cannot tell**: the analyzer makes no error here, so a perfect answer and a paste are "
        "the same marks",
        "misses only": "**misses only**: a paste cannot be told from an honest answer that misses the same mark",
        "silent": "the analyzer marks nothing in this part: a paste earns nothing",
        "no analysis": "no analysis is shipped for this text: not checked",
        "checked": "**checked**: an answer repeating more than half of these false marks is flagged",
    }
    lines = ["## The analyzer on each item", "", "| item | the analyzer's errors |", "|---|---|"]
    for check, _ in answered:
        found = errors[check.item]
        if found.status not in COMPARED:
            lines.append(f"| {check.item} | {why[found.status]} |")
            continue
        named = _echo_errors(check, found)
        wrong = sum(line.startswith("wrong label") for line in named)
        count = f"{len(named)} place{'s' * (len(named) != 1)}"
        if wrong:
            each = "each" if wrong > 1 else "at once"
            count += f" ({wrong} wrong label{'s' * (wrong > 1)}: a false mark and a miss {each})"
        lines.append(f"| {check.item} | {why[found.status]}. {count}: {'; '.join(named)} |")
    return lines


def _echo_errors(check: Check, found: analyzer_echo.AnalyzerErrors) -> list[str]:
    """The analyzer's errors by place: a false mark at a missed key mark's place is one wrong label, not two."""
    marks = as_key(item(check.item), check.key).marks
    missed, named = set(found.missed), []
    for m in found.false_marks:
        if m.span is None:
            continue
        at = next((i for i in sorted(missed) if same_place(m, marks[i])), None)
        if at is None:
            named.append(f"false: {name_of(check.item, m.span)} ({_said(m)})")
        else:
            missed.discard(at)
            named.append(f"wrong label: {name_of(check.item, m.span)} ({_said(m)}, the key: {marks[at].label})")
    return named + [f"missed: {name_of(check.item, marks[i].span)}" for i in sorted(missed)]


def _difficulty_figure(shares: dict[str, float], path: Path) -> Path:
    save(item_difficulty(shares), str(path), tight=True, close=True)
    return path


def _heatmap(keys: list[KeyRow], students: list[str], path: Path) -> Path:
    rows = [replace(row, label=f"{row.label}, optional") if row.optional else row for row in keys]
    save(key_marks_found(rows, students), str(path), tight=True, close=True)
    return path


def _marks_csv(keys: list[KeyRow], path: Path) -> Path:
    with path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(["item", "mark", "label", "found_place", "found_right", "students", "share_right", "optional"])
        for row in keys:
            found = [len(row.placed_by), len(row.right_by), row.students, round(row.share, 3)]
            writer.writerow([row.item, row.name, row.label, *found, "yes" if row.optional else "no"])
    return path


def _most_missed(keys: list[KeyRow], extras: dict, path: Path, versions: tuple[str, list[str]], top: int = 10) -> Path:
    version, stale = versions
    lines = [
        "# Most-missed key marks",
        "",
        f"Key version `{version}` (the hidden tests in `source/` now); "
        + (
            f"**graded with an older key: {', '.join(map(plain_cell, stale))}**: run `medialit course grade` again."
            if stale
            else "every student's grades were made with it."
        ),
        "",
        "Students are counted once per mark. *Found the place*: marked these words or this sentence; "
        "*right*: with the right label, reason or speaker, as the score counts it. Optional marks (neither "
        "required nor penalised) are never missed and are left out here; `marks.csv` lists them.",
        "",
        "| item | mark | label | found the place | right | context |",
        "|---|---|---|---:|---:|---|",
    ]
    required = [row for row in keys if not row.optional]
    for row in sorted(required, key=lambda r: (r.share, r.item, r.name))[:top]:
        n = row.students
        lines.append(
            f"| {row.item} | {row.name} | {row.label} | {len(row.placed_by)} of {n} | {len(row.right_by)} of {n} "
            f"| {row.context} |"
        )
    lines += ["", "# Marks not in the key, made by several students", ""]
    common = sorted(((k, len(v)) for k, v in extras.items() if len(v) >= 2), key=lambda kv: (-kv[1], kv[0]))[:top]
    lines += ["| item | mark | label | students |", "|---|---|---|---:|"]
    lines += [f"| {i} | {w} | {plain_cell(lab)} | {n} |" for (i, w, lab), n in common] or ["| (none) | | | |"]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path
