"""Score a self-learner's exercise against the kit's own source notebook, as data, outside the kernel.

A learner working alone has no course to grade their exercise: the check cells
only test the format. ``find_exercise`` finds the exercise's source notebook in
the kit's ``solutions/`` folder (beside the ``exercises/`` folder the notebook
sits in) and its hidden checks, once; ``self_check`` reads the learner's saved
notebook and highlights exactly as ``medialit course grade`` reads a submission
(``grade_data``: no code is run, the key stays in this process) and returns each
item's points and the feedback lines a graded student reads, which never quote
the key; ``by_hand`` reads the written answers no scoring checks, each beside the
source's model answer and rubric, which ``report`` shows only once the learner has
written an answer of their own: a learner alone has no teacher to compare with.
The model answer is read from the ``solutions/`` folder the exercise was found
under, never from the package, so a notebook with no kit above it gets none.
"""

from __future__ import annotations

import json
import os
import re
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

import nbformat

from medialit.core.counts import counted
from medialit.core.saved_work import PRETEST_FILE
from medialit.exercises.errors import NOTHING_SAVED
from medialit.instructor import grade_data
from medialit.instructor.grade_data import Check, ItemGrade, grade_item, hidden_checks, read_notebook
from medialit.instructor.grade_worker import rubric_notes


class SelfCheckError(ValueError):
    """The exercise cannot be checked here; the one-line message says why and what to do."""


COPY_SUFFIX = re.compile(r"(-Copy\d*)+$")
"""What JupyterLab adds to a notebook's name on File > Duplicate or a copy in its file browser
(``ex01-attribution-Copy1.ipynb``; jupyter_server drops an older ``-Copy`` before it adds one)."""


def answer_ids(path: Path) -> set[str]:
    """The grade ids of a notebook's answer cells (``ex01-q1-answer``): its exercise, whatever its name."""
    try:
        nb = nbformat.read(path, as_version=4)
    except Exception:  # not a notebook JupyterLab saved: the grading says why; here the name has to do
        return set()
    return grade_data.answer_ids(nb)


def find_source(notebook: Path) -> Path:
    """The ``solutions/NAME/`` folder of the kit this notebook is an exercise of.

    Found by the notebook's answer cells (their grade ids are those of exactly one source notebook), so a
    copy saved under any name is checked as its exercise; a notebook without them by its name, with
    JupyterLab's ``-Copy1`` taken off. Only ``solutions/`` folders above the notebook are looked in.
    """
    ids = answer_ids(notebook)
    name = COPY_SUFFIX.sub("", notebook.stem)
    for folder in notebook.resolve().parents:
        sources = sorted(s.parent for s in (folder / "solutions").glob("*/*.ipynb") if s.stem == s.parent.name)
        if not sources:
            continue
        same = [s for s in sources if ids & answer_ids(s / f"{s.name}.ipynb")] if ids else []
        named = [s for s in sources if s.name == name]
        if len(same) > 1:  # two exercises share an item id: the name decides, or nothing does
            same = [s for s in same if s in named]
        if same or named:
            return (same or named)[0]
    raise SelfCheckError(
        f"{notebook}: no source for {name} in a solutions/ folder above it, so it cannot be checked here; "
        "self-check works on the kit's own exercises in its exercises/ folder (in a course, submit it: "
        "your teacher's grading gives the feedback)"
    )


def exercise_here(folder: Path) -> Path:
    """The exercise notebook in ``folder`` (``medialit self-check`` run from a cell of the exercise, or in its folder).

    With several notebooks there (File > Duplicate leaves ``-Copy1`` beside the exercise), the one whose kernel runs
    the command: jupyter_server starts a notebook's kernel with ``JPY_SESSION_NAME`` set to the notebook's path, and
    ``!medialit`` inherits it. A folder with no exercise in it (the lessons) is told where the exercises are.
    """
    found = sorted(p for p in folder.glob("*.ipynb") if p.is_file())
    if len(found) == 1:
        return found[0]
    # The kernel's path as its server knows it now (a renamed notebook keeps its kernel), else as the kernel started
    # (jupyter_server's root joined with the path: maybe via a link).
    session = running_notebook() or os.environ.get("JPY_SESSION_NAME")
    running = [p for p in found if session and p.resolve() == Path(session).resolve()]
    if running:
        return running[0]
    if not any(answer_ids(p) for p in found):
        what = f" ({counted(len(found), 'notebook')}, none with answer cells)" if found else ""
        raise SelfCheckError(
            f"{folder}: no exercise here{what}; self-check scores the kit's exercises: run !medialit self-check in a "
            "new cell of one, e.g. exercises/ex01-attribution/ex01-attribution.ipynb (a lesson's check cells answer "
            "its own questions)"
        )
    names = ", ".join(p.name for p in found)
    raise SelfCheckError(
        f"{folder}: {len(found)} notebooks here ({names}); name the one to check: "
        f"!medialit self-check {found[-1].name} in a cell (without the ! in a terminal)"
    )


KERNEL_FILE = re.compile(r"kernel-([0-9a-f-]{36})\.json$")
"""A Jupyter kernel's connection file, named after the kernel's id, as the kernel process is given it (``-f``)."""


def running_notebook() -> Path | None:
    """The notebook whose kernel runs this command (``!medialit`` in a cell), as its Jupyter server knows it now.

    ``JPY_SESSION_NAME`` is the path the kernel started with: File > Rename Notebook keeps the kernel, so it names the
    old path, which a later File > Duplicate may take (self22). The kernel's id is in its connection file's name, an
    argument of the kernel process above this one; its server (that process's parent) left its URL and token in
    ``jpserver-PID.json`` beside the connection file; the server's sessions say which notebook holds that kernel.
    ``None`` outside a kernel, off Linux, or when the server does not answer: the caller falls back to the path the
    kernel started with.
    """
    pid = os.getppid()
    for _ in range(4):  # the kernel is the parent of the shell IPython starts for `!`, or of this command itself
        try:
            args = Path(f"/proc/{pid}/cmdline").read_bytes().decode(errors="replace").split("\0")
            parent = int(Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[1])
        except (OSError, ValueError, IndexError):
            return None
        connection = next((Path(a) for a in args if KERNEL_FILE.search(a)), None)
        if connection:
            return session_path(
                KERNEL_FILE.search(connection.name).group(1), connection.parent / f"jpserver-{parent}.json"
            )
        if parent <= 1:
            return None
        pid = parent
    return None


def session_path(kernel_id: str, server_file: Path) -> Path | None:
    """The notebook the server of ``server_file`` (its ``jpserver-PID.json``) runs kernel ``kernel_id`` for.

    ``urllib.request`` is imported here, not with the module: it brings ``http.client`` and ``ssl`` (44 to 118 ms
    measured on the loaded 2-core machine), which every ``medialit`` command paid, since the command line imports this
    module for ``self-check``'s errors; the call itself takes about 5 ms (median of 50 against lab.sh's server,
    self23), and only ``self-check`` beside several notebooks makes it."""
    import urllib.request

    try:
        server = json.loads(server_file.read_text(encoding="utf-8"))
        request = urllib.request.Request(
            server["url"].rstrip("/") + "/api/sessions", headers={"Authorization": f"token {server.get('token', '')}"}
        )
        with urllib.request.urlopen(request, timeout=3) as answer:
            sessions = json.load(answer)
        path = next(s["path"] for s in sessions if (s.get("kernel") or {}).get("id") == kernel_id)
        return Path(server["root_dir"]) / path
    except Exception:  # no server file, no answer, another server's format: the kernel's own path has to do
        return None


@dataclass(frozen=True)
class Exercise:
    """A learner's saved notebook and what it is checked against, found once for the scores and the written answers."""

    notebook: Path
    source: Path  # the kit's solutions/NAME/ folder
    checks: list[Check]  # the source notebook's medialit items, their keys included


def find_exercise(notebook: Path) -> Exercise:
    """The learner's ``notebook`` with its source folder and hidden checks, or the one-line reason it has none."""
    notebook = Path(notebook)
    if notebook.is_dir():  # the exercise's folder (exercises/ex01-attribution): its notebook
        notebook = exercise_here(notebook)
    if notebook.suffix != ".ipynb":
        raise SelfCheckError(
            f"{notebook}: not a notebook; give the exercise's .ipynb file (e.g. ex01-attribution.ipynb)"
        )
    if not notebook.is_file():
        raise SelfCheckError(f"{notebook}: no such file; give the exercise's .ipynb file, from its folder")
    source = find_source(notebook)
    if notebook.resolve().parent == source.resolve():
        raise SelfCheckError(
            f"{notebook}: this is the kit's source notebook, answers included; check your copy in exercises/"
        )
    checks = [c for c in hidden_checks(source) if c.notebook == source.name]
    if not checks and not rubric_notes(source):
        raise SelfCheckError(f"{notebook}: {source} has no medialit questions to check it against")
    return Exercise(notebook, source, checks)


def self_check(exercise: Exercise) -> list[ItemGrade]:
    """Points and feedback for every medialit item of the learner's saved notebook."""
    nb, why_not = read_notebook(exercise.notebook)
    return [grade_item(check, nb, exercise.notebook.parent, why_not) for check in exercise.checks]


STUBS = ("YOUR ANSWER HERE", "# YOUR CODE HERE", "raise NotImplementedError()")
"""What nbgrader leaves in a released answer cell (its ``ClearSolutions`` stubs): not the learner's words."""

MIN_WORDS = 5
"""Fewer words of one's own than this are not yet an answer (the kit's written questions ask for two or three
sentences). A word counts once, and not when it is part of a copied run (``RUN``): a short honest answer uses the
question's own words ("the council", "they"), so those alone are not taken as copied (review22)."""

RUN = 6
"""So many words in a row, as the question or a passage of the exercise has them, are copied, not written."""


def words(text: str) -> list[str]:
    return [w.lower() for w in re.findall(r"\w+", text)]


def runs(text: str) -> set[tuple[str, ...]]:
    """Every ``RUN`` words in a row of ``text`` (lower case): what a copy of it repeats."""
    found = words(text)
    return {tuple(found[i : i + RUN]) for i in range(len(found) - RUN + 1)}


@dataclass(frozen=True)
class Given:
    """What a written question puts before the learner: the runs of words of the question and of the passages."""

    copied: frozenset[tuple[str, ...]] = frozenset()

    def own_count(self, text: str) -> int:
        """How many different words of ``text`` are the writer's own: not nbgrader's stub, not in a run of ``RUN``
        words copied from the question or a passage."""
        found = words(text.replace(STUBS[0], " "))
        copied = set()
        for i in range(len(found) - RUN + 1):
            if tuple(found[i : i + RUN]) in self.copied:
                copied.update(range(i, i + RUN))
        return len({w for i, w in enumerate(found) if i not in copied})


@dataclass(frozen=True)
class Written:
    """One graded cell no scoring checks: the learner's answer as saved, and the source's model answer and rubric."""

    grade_id: str
    points: float
    own: str  # the learner's words, nbgrader's stub taken off ("" when none)
    model: str  # the source cell's text ("" when it has none: a test that needs a kernel)
    why_none: str = ""  # why there is no answer to read (the notebook cannot be read, the cell was deleted)
    elsewhere: int = 0  # the number of a cell of the learner's own beside the answer cell that holds an answer
    given: Given = Given()  # the question and the passages the exercise shows

    @property
    def answered(self) -> bool:
        """The learner has written an answer of their own, so the model answer may be shown: the question or a
        passage copied into the answer cell, or one word typed five times, is not one (self22)."""
        return self.given.own_count(self.own) >= MIN_WORDS


def own_words(source: str) -> str:
    """A saved answer cell's text without nbgrader's stub lines."""
    return "\n".join(line for line in source.splitlines() if line.strip() not in STUBS).strip()


def by_hand(exercise: Exercise) -> list[Written]:
    """The graded cells no scoring can check (a written answer a teacher marks), with the learner's answer."""
    checked = {c.grade_id for c in exercise.checks}
    cells = nbformat.read(exercise.source / f"{exercise.source.name}.ipynb", as_version=4).cells
    meta = [c.metadata.get("nbgrader", {}) for c in cells]
    # each answer cell's question: its ``-question`` cell in the source, else the cell above it
    prompts = {m.get("grade_id"): cells[i - 1].source for i, m in enumerate(meta) if i and m.get("grade_id")}
    prompts |= {
        m["grade_id"].removesuffix("-question") + "-answer": c.source
        for c, m in zip(cells, meta, strict=True)
        if m.get("grade_id", "").endswith("-question")
    }
    graded = [
        (m["grade_id"], float(m.get("points") or 0)) for m in meta if m.get("grade") and m["grade_id"] not in checked
    ]
    if not graded:
        return []
    notes = rubric_notes(exercise.source)
    shown = passage_runs(exercise)
    nb, why_not = read_notebook(exercise.notebook)
    ids = [cell.get("metadata", {}).get("nbgrader", {}).get("grade_id") for cell in (nb.cells if nb else ())]
    found = []
    for grade_id, points in graded:
        at = ids.index(grade_id) if grade_id in ids else -1
        own = own_words(nb.cells[at].get("source") or "") if at >= 0 else ""
        why_none = why_not or ("" if at >= 0 else "its answer cell is not in your notebook (deleted?)")
        question = prompts.get(grade_id, "")
        given = Given(frozenset(shown | runs(question)))
        beside = written_beside(nb.cells, at, given) if at >= 0 else 0
        found.append(Written(grade_id, points, own, notes.get(grade_id, ""), why_none, beside, given))
    return found


def passage_runs(exercise: Exercise) -> set[tuple[str, ...]]:
    """The runs of words of the passages the exercise's marked questions show: copied, they answer nothing."""
    from medialit.exercises.items import item

    found: set[tuple[str, ...]] = set()
    for check in exercise.checks:
        try:
            found |= runs(item(check.item).text())
        except Exception:  # an item this medialit does not know: its passage is not counted out
            continue
    return found


def written_beside(cells: list, at: int, given: Given = Given()) -> int:
    """The number of a cell the learner added next to answer cell ``at`` (between the graded cells around it) that
    holds an answer, or 0: a rendered answer cell does not take typing, so a learner adds a cell and writes there."""
    graded = [i for i, c in enumerate(cells) if c.get("metadata", {}).get("nbgrader", {}).get("grade_id")]
    before = max((i for i in graded if i < at), default=-1)
    after = min((i for i in graded if i > at), default=len(cells))
    for i in [*range(before + 1, at), *range(at + 1, after)]:
        if given.own_count(own_words(cells[i].get("source") or "")) >= MIN_WORDS:
            return i + 1
    return 0


PRETEST_KEY = Path("course") / "pretest-key.json"
"""The pre-test's key in the kit (a course copies it into its own folder: course/grading.md)."""


def before_and_after(exercise: Exercise, grades: list[ItemGrade]) -> list[str]:
    """The lesson 0 pre-test beside this exercise's items of the same skills, for a learner working alone.

    Lesson 0 says the last exercise asks about the pre-test's skills on other texts, "so you and your teacher can see
    what you learned", and a course's report sets them side by side (``instructor.growth``); alone, nothing did
    (self22). Only for an exercise with those items (``pretest.POST_ITEMS``: ex05-transfer), once each has an answer,
    from the ``pretest.json`` lesson 0 saved in the kit's ``notebooks/`` and the kit's key. No change is computed: the
    two are different kinds of question (``growth.WHY_NO_CHANGE``).
    """
    from medialit.exercises import pretest
    from medialit.exercises.pretest import POST_ITEMS, QUESTIONS, SKILLS

    skill_of = {item: skill for skill, items in POST_ITEMS.items() for item in items}
    mine = [g for g in grades if g.check.item in skill_of]
    kit = exercise.source.parents[1]
    answers = kit / "notebooks" / PRETEST_FILE
    if not mine or not (kit / PRETEST_KEY).is_file():
        return []
    if any(g.failed or not g.marks for g in mine):
        return ["before and after: once every question here has an answer, this shows your lesson 0 pre-test beside it"]
    if not answers.is_file():
        return [f"before and after: no pre-test saved ({answers}), so there is nothing to set beside this exercise"]
    try:
        right = pretest.skill_scores(pretest.read_answers(answers), pretest.read_key(kit / PRETEST_KEY))
    except pretest.PretestError as error:
        return [f"before and after: {error}"]
    lines = ["before and after, per skill: your lesson 0 pre-test, then this exercise's questions of that skill"]
    for skill, title in SKILLS.items():
        asked = sum(q.skill == skill for q in QUESTIONS)
        earned = sum(g.points for g in mine if skill_of[g.check.item] == skill)
        possible = sum(g.max_points for g in mine if skill_of[g.check.item] == skill)
        if possible:
            lines.append(
                f"  {title}: pre-test {round(right[skill] * asked)} of {asked} right; here {earned:g} of "
                f"{counted(possible, 'point')}"
            )
    lines.append(
        "  (different kinds of question: multiple choice before, marks on new texts now; read them side by side, "
        "not as a score that went up or down)"
    )
    return lines


NOT_ANSWERED = (
    "no saved highlights and no answer in the cell: mark the text in each one's highlighter (marks save by "
    "themselves), or write the answer as a Python list in its answer cell; save with Ctrl+S, then run self-check again"
)
"""The hint for the items left blank, said once for all of them: a fresh exercise said the answer cell's own hint once
per question (8 times, 8 lines of 200 characters, for ex05-transfer)."""


def report(notebook: Path, grades: list[ItemGrade], unchecked: list[Written] = (), after: list[str] = ()) -> str:
    """What the learner reads: when the notebook was saved, each item's points and feedback, the total; each
    written answer's model answer and rubric once the learner has written their own, else what to do first."""
    saved = datetime.fromtimestamp(Path(notebook).stat().st_mtime).strftime("%H:%M:%S")
    lines = [
        f"{Path(notebook).name} as last saved at {saved} (save with Ctrl+S first); highlights as saved",
    ]
    blank = [g.check.item for g in grades if g.reason.startswith(f"{NOTHING_SAVED} (")]
    if len(blank) < 2:  # one such item keeps its own line: the hint is said once anyway
        blank = []
    after_blank = False
    for grade in grades:
        item = grade.check.item
        if item in blank:  # its points here, one line under the other; the hint once, after the last of them
            lines += [*([""] * (not after_blank)), f"{item}: 0 of {counted(grade.max_points, 'point')}: not answered"]
            if item == blank[-1]:
                lines.append(f"  {', '.join(blank)}: {NOT_ANSWERED}")
            after_blank = True
            continue
        after_blank = False
        head, *rest = grade.feedback or ("",)
        if not head.startswith(f"{item}: "):  # the feedback opens with the item's points; else say them first
            head, rest = f"{item}: {grade.points:g} of {counted(grade.max_points, 'point')}", [head, *rest]
        lines += ["", head, *(f"  {line}" for line in rest if line)]
    earned = sum(g.points for g in grades)
    total = sum(g.max_points for g in grades)
    unanswered = [g.check.item for g in grades if g.failed or not g.marks]
    for written in unchecked:
        lines += ["", *written_lines(written, unanswered)]
    lines += ["", f"total: {earned:g} of {counted(total, 'point')} (the same scoring a course's grading uses)"]
    if unchecked:
        lines[-1] += ", written answers not counted"
    if after:
        lines += ["", *after]
    return "\n".join(lines)


def written_lines(written: Written, unanswered: list[str] = ()) -> list[str]:
    """One written answer: what a teacher looks for beside the model answer, or what to do before it is shown.

    The model answer waits for the learner's own words and for an answer to every marked question of the exercise
    (``unanswered`` names those without one): it may name what they ask for (ex03-q2's names ex03-q1's loaded words,
    ex04-q3's the pages ex04-q2 asks about), which their feedback never quotes.
    """
    name = written.grade_id.removesuffix("-answer")
    points = counted(written.points, "point")
    head = f"{name}: a written answer, not checked here ({points} in a course, marked by the teacher)"
    if not written.model:
        return [f"{head}; the kit has no model answer for it: compare it with the question and the guidelines yourself"]
    if written.why_none:
        return [f"{head}; {written.why_none}, so no model answer is shown"]
    if not written.answered:
        count, own = len(words(written.own)), written.given.own_count(written.own)
        if written.elsewhere and not count:
            return [
                f"{head}; your answer is in cell {written.elsewhere}, a cell of its own, and the answer cell (the one "
                "that said YOUR ANSWER HERE) is empty: move your words into it (double-click it, or press Enter on it, "
                "to edit), save with Ctrl+S, then run self-check again to see the kit's model answer"
            ]
        state = (
            "not answered yet"
            if not count
            else f"too short to compare ({counted(count, 'word')})"
            if count < MIN_WORDS
            else f"not yet in your own words (it repeats the question or the text: {counted(own, 'word')} of your own)"
        )
        return [
            f"{head}; {state}: write your own answer in its answer cell first (under the question, the one that says "
            "YOUR ANSWER HERE: double-click it, or press Enter on it, to edit), save with Ctrl+S, then run self-check "
            "again to see the kit's model answer and what a teacher looks for"
        ]
    if unanswered:
        return [
            f"{head}; its model answer is shown once every other question has an answer (it may name what they ask "
            f"you to find): answer {', '.join(unanswered)} first, then run self-check again"
        ]
    model = [line.rstrip() for line in written.model.strip().splitlines()]
    return [
        f"{head}; you have written yours, so here is the kit's model answer and what a teacher looks for "
        "(the rubric); give yourself the points it would give:",
        *(f"  {line}" if line else "" for line in model),
    ]
