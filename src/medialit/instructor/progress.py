"""A self-learner's progress across the lessons and exercises, read from what the kit already saves.

Working alone, nothing said which lessons and exercises were done (self23). Everything needed is on disk: the
lessons' saved notebooks hold each self-check's answer as written in its ``check("l2.dash", "...")`` cell, the
highlighters' marks are in their ``.highlights.json`` files, the pre-test in ``pretest.json``, and the exercises are
scored by ``self_check`` as ``medialit self-check`` scores them. ``progress`` reads them, in the order lesson 0
teaches (its table of lessons, each exercise after the lesson its end names) and writes nothing.
"""

from __future__ import annotations

import ast
import json
import re
from dataclasses import dataclass
from pathlib import Path

from medialit.core.counts import counted
from medialit.core.saved_work import PRETEST_FILE
from medialit.instructor.self_check import COPY_SUFFIX, SelfCheckError

START = Path("notebooks") / "00-start-here.ipynb"
"""Lesson 0 in the kit: its table gives the order of the lessons."""

EXERCISE_AFTER = {
    "03": ("ex01-attribution", "ex02-unsupported"),
    "09": ("ex03-framing",),
    "05": ("ex04-provenance",),
    "08": ("ex05-transfer",),
}
"""The exercises each lesson is followed by (lesson 0, "Working alone, do each exercise after the lessons it needs")."""


@dataclass(frozen=True)
class Step:
    """One lesson or exercise: its name, where it is, and what the saved files say of it."""

    name: str
    path: Path
    done: bool
    started: bool
    detail: str


def find_kit(folder: Path) -> Path:
    """The kit folder at or above ``folder`` (a lesson's or an exercise's folder, or the kit itself)."""
    for candidate in (folder.resolve(), *folder.resolve().parents):
        if (candidate / START).is_file():
            return candidate
    raise SelfCheckError(
        f"{folder}: no kit here (no {START} at or above it); run !medialit progress in a cell of a lesson or an "
        "exercise, or give the kit's folder: medialit progress KIT"
    )


def lesson_order(kit: Path) -> list[Path]:
    """The lesson notebooks as taught: lesson 0, then those its Markdown links to, in its order."""
    cells = json.loads((kit / START).read_text(encoding="utf-8"))["cells"]
    text = "".join("".join(c["source"]) for c in cells if c.get("cell_type") == "markdown")
    order = [kit / START]
    for name in re.findall(r"\]\((\d\d-[\w-]+\.ipynb)\)", text):
        if (kit / "notebooks" / name) not in order and (kit / "notebooks" / name).is_file():
            order.append(kit / "notebooks" / name)
    return order


CHECK_ID = re.compile(r"""\bcheck\(\s*["']l(\d+)\.""")
"""A lesson's self-check call, ``check("l2.dash", ...)``: the number after the ``l`` is the lesson's."""


def lesson_of(path: Path) -> int | None:
    """The lesson a notebook is by its self-checks' ids (a lesson renamed keeps them), or None."""
    try:
        cells = json.loads(path.read_text(encoding="utf-8"))["cells"]
        code = "".join("".join(c.get("source") or "") for c in cells if c.get("cell_type") == "code")
    except (OSError, ValueError, KeyError, TypeError, AttributeError):
        return None
    numbers = [int(n) for n in CHECK_ID.findall(code)]
    return max(set(numbers), key=numbers.count) if numbers else None


def worked_in(lesson: Path, others: list[Path]) -> Path:
    """The notebook of ``lesson`` saved last: the lesson itself, a copy of it (File > Duplicate: ``-Copy1``) or the
    lesson renamed (File > Rename Notebook), told by its self-checks' ids.

    self24: a learner who duplicated a lesson, or renamed it, and worked there was told "to do" for it, and to
    start there again (only the lesson's own file name was read)."""
    number = int(lesson.name[:2])
    mine = [p for p in others if COPY_SUFFIX.sub("", p.stem) == lesson.stem or lesson_of(p) == number]
    return max([lesson, *mine], key=lambda p: p.stat().st_mtime)


def checks_in(cells: list[dict]) -> dict[str, object]:
    """The self-checks a saved lesson answers: ``check("id", answer)`` with a literal answer, by question id."""
    found = {}
    for cell in cells:
        try:
            tree = ast.parse("".join(cell.get("source") or "")) if cell.get("cell_type") == "code" else None
        except SyntaxError:
            continue
        for node in ast.walk(tree) if tree else ():
            if isinstance(node, ast.Call) and getattr(node.func, "id", "") == "check" and len(node.args) == 2:
                try:
                    found[ast.literal_eval(node.args[0])] = ast.literal_eval(node.args[1])
                except ValueError:
                    continue
    return found


def saves_in(cells: list[dict]) -> list[str]:
    """The highlights files a lesson's highlighters save to (their ``save_to="..."``)."""
    code = "".join("".join(c.get("source") or "") for c in cells if c.get("cell_type") == "code")
    return list(dict.fromkeys(re.findall(r"save_to\s*=\s*[\"']([^\"']+\.highlights\.json)[\"']", code)))


def has_marks(path: Path) -> bool:
    from medialit.core import sidecar

    try:
        return bool(sidecar.read(path).marks())
    except (OSError, ValueError):
        return False


def lesson_step(path: Path, number: int | None = None) -> Step:
    """One lesson: its self-checks answered right in the saved notebook, and its highlighters with saved marks
    (``number``: the lesson's, for a notebook renamed)."""
    from medialit.exercises import lesson_answers, lesson_questions, pretest

    cells = json.loads(path.read_text(encoding="utf-8"))["cells"]
    title = next(
        (line.lstrip("# ").strip() for c in cells if c.get("cell_type") == "markdown"
         for line in "".join(c["source"]).splitlines() if line.startswith("# ")),
        path.stem,
    )  # fmt: skip
    number = int(path.name[:2]) if number is None else number
    asked = [
        q
        for q in lesson_questions.load_lesson(number, path.parent / "questions").values()
        if q.kind in ("choice", "name", "names")
    ]
    answers = checks_in(cells)
    right = sum(1 for q in asked if q.id in answers and lesson_answers.judged(q, answers[q.id]))
    tried = sum(1 for q in asked if q.id in answers and not lesson_answers.blank(answers[q.id]))
    saves = saves_in(cells)
    marked = sum(has_marks(path.parent / name) for name in saves)
    parts, done = [], right == len(asked) and marked == len(saves)
    if asked:
        parts.append(f"{right} of {counted(len(asked), 'check')} right")
    if saves:
        parts.append(f"marks saved in {marked} of {counted(len(saves), 'highlighter')}")
    answered = 0
    if number == 0:
        try:
            answered = len(pretest.read_answers(path.parent / PRETEST_FILE))
        except (OSError, pretest.PretestError):
            answered = 0
        parts.append(f"pre-test {answered} of {len(pretest.QUESTIONS)} answered")
        done = done and answered == len(pretest.QUESTIONS)
    return Step(title, path, done, bool(tried or marked or answered), "; ".join(parts))


EXERCISE_PLACES = ("exercises", "notebooks")
"""The kit's folders (and their subfolders) where a learner's exercise notebook is looked for: a renamed or moved one
is found there by its answer cells."""


def learner_notebooks(kit: Path) -> dict[Path, set[str]]:
    """Every notebook under the kit's ``EXERCISE_PLACES``, with its answer cells' grade ids (none for a lesson)."""
    from medialit.instructor.self_check import answer_ids

    found = {}
    for place in EXERCISE_PLACES:
        for path in sorted((kit / place).rglob("*.ipynb")):
            if ".ipynb_checkpoints" not in path.relative_to(kit).parts and path.is_file():
                found[path] = answer_ids(path)
    return found


def exercise_step(folder: Path, notebooks: dict[Path, set[str]]) -> Step:
    """One exercise: how many of its questions have an answer, and its points, as ``medialit self-check`` gives them.

    Its notebook is the one saved last of: the exercise in its folder under its name or a copy's (``-Copy1``), and any
    notebook of ``notebooks`` with its answer cells (the grade ids of ``solutions/NAME``'s). self25: a learner who
    renamed ex03-framing.ipynb to "my ex03.ipynb", or moved it into a subfolder, was told it was not in its folder."""
    from medialit.instructor.self_check import answer_ids, by_hand, find_exercise, self_check

    kit = folder.parent.parent
    ids = answer_ids(kit / "solutions" / folder.name / f"{folder.name}.ipynb")
    mine = sorted(
        (
            p
            for p, has in notebooks.items()
            if (p.parent == folder and COPY_SUFFIX.sub("", p.stem) == folder.name) or (ids and has & ids)
        ),
        key=lambda p: p.stat().st_mtime,
    )
    if not mine:
        places = " or ".join(f"{place}/" for place in EXERCISE_PLACES)
        return Step(
            folder.name,
            folder,
            False,
            False,
            f"no notebook with its answer cells in {places} (a renamed or moved one is found by them); put it back "
            f"in exercises/{folder.name}/ or take a fresh copy of the kit's",
        )
    exercise = find_exercise(mine[-1])
    grades, written = self_check(exercise), by_hand(exercise)
    answered = sum(1 for g in grades if not g.failed and g.marks) + sum(1 for w in written if w.answered)
    total = len(grades) + len(written)
    points = f"{sum(g.points for g in grades):g} of {counted(sum(g.max_points for g in grades), 'point')}"
    detail = f"{answered} of {counted(total, 'question')} answered; {points}" + (
        ", written answers not counted" if written else ""
    )
    if mine[-1] != folder / f"{folder.name}.ipynb":
        detail += f" (in {mine[-1].relative_to(kit).as_posix()})"
    return Step(folder.name, mine[-1], answered == total, answered > 0, detail)


def steps(kit: Path) -> list[Step]:
    """Every lesson and exercise in the order lesson 0 teaches them."""
    found, order = [], lesson_order(kit)
    others = sorted(set((kit / "notebooks").glob("*.ipynb")) - set(order))
    notebooks = learner_notebooks(kit)
    for lesson in order:
        found.append(readable(lambda p, n=int(lesson.name[:2]): lesson_step(p, n), worked_in(lesson, others)))
        for name in EXERCISE_AFTER.get(lesson.name[:2], ()):
            if (kit / "exercises" / name).is_dir():
                found.append(readable(lambda p: exercise_step(p, notebooks), kit / "exercises" / name))
    return found


def readable(step, path: Path) -> Step:
    """``step(path)``, or a line saying it could not be read (a notebook saved half, a file that is not JSON): one
    damaged file does not hide the others' progress."""
    try:
        return step(path)
    except (OSError, ValueError, KeyError, TypeError) as error:
        why = str(error).splitlines()[0] if str(error) else type(error).__name__
        return Step(path.stem, path, False, False, f"cannot be read ({why}): open it in JupyterLab and save it again")


def progress(kit: Path) -> str:
    """What ``medialit progress`` prints: one line per lesson and exercise, and the next step."""
    kit = find_kit(kit)
    found = steps(kit)
    lines = [f"Your progress, from what is saved in {kit} (save your notebook with Ctrl+S first):"]
    for step in found:
        state = "done" if step.done else "started" if step.started else "to do"
        lines.append(f"  {state:<8}{step.name}: {step.detail}")
    # the next step is the first one not begun after the furthest one begun (a check left open in lesson 0 does not
    # send a learner on lesson 5 back there); the open ones before it are named beside it
    last = max((i for i, step in enumerate(found) if step.started or step.done), default=-1)
    ahead = next((step for step in found[last + 1 :] if not step.done), None)
    still = [step.name for step in found[: last + 1] if step.started and not step.done]
    skipped = [step.name for step in found[: last + 1] if not step.started and not step.done]
    if ahead is None and not still and not skipped:
        lines.append("Every lesson and exercise is done.")
    if ahead is not None:
        lines.append(f"Next: {ahead.name} ({ahead.path.relative_to(kit)})")
    if still:
        lines.append(f"Begun, not finished: {'; '.join(still)}")
    if skipped:
        lines.append(f"Not begun, before the furthest you reached: {counted(len(skipped), 'step')}, from {skipped[0]}")
    return "\n".join(lines)
