"""The lessons' self-check questions as data: ``questions/lesson-NN.yaml`` beside the lesson notebooks.

Each file is a YAML list of questions (id, kind, prompt, hint, answer, and
``accept`` alias groups or a ``key`` file), validated against
``schemas/lesson-questions.schema.json``. Highlighting and linking activities
name a key in ``questions/keys/``: the one Key model (``exercises/key.py``)
over the article the activity practises on. Authors edit the files; a lesson
kernel reads them from the folder it runs in (``notebooks/``), so changes show
without a reinstall. Lesson keys are practice on ungraded text: no graded
item's key may ever be put here.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

import yaml

from medialit.core import jsonfile
from medialit.exercises.key import Key, KeyFormatError

ENV = "MEDIALIT_QUESTIONS"
"""Set to a ``questions/`` folder to read the questions from there instead of looking for it."""
CHECKOUT = Path(__file__).resolve().parents[3] / "notebooks" / "questions"
"""Where a checkout (an editable install, or ``src`` on the path) keeps the questions."""
_LESSON_FILE = re.compile(r"lesson-(\d\d)\.yaml")


class LessonQuestionsError(ValueError):
    """Questions that cannot be read; the one-line message names the file, the question and what to do."""


@dataclass(frozen=True)
class Question:
    """One self-check. ``accept`` holds alias groups: one group for a single answer, several for a list.

    ``key`` is the activity's key file, relative to the questions folder (kinds ``spans`` and ``links``).
    """

    id: str
    kind: str  # "choice", "name", "names", "spans" or "links"
    prompt: str
    hint: str
    answer: str
    accept: tuple[tuple[str, ...], ...] = ()
    key: str = ""


def questions_folder() -> Path:
    """The ``questions/`` folder: ``$MEDIALIT_QUESTIONS``, else beside the lessons the kernel runs in.

    A lesson runs in ``notebooks/``; scripts and tests often run in the kit's
    root; a checkout also finds its own ``notebooks/questions``.
    """
    if os.environ.get(ENV):
        chosen = Path(os.environ[ENV])
        if not chosen.is_dir():
            raise LessonQuestionsError(f"{ENV}={chosen} is not a folder; point it at the lessons' questions/ folder")
        return chosen
    here = Path.cwd()
    for candidate in (here / "questions", here / "notebooks" / "questions", CHECKOUT):
        if any(candidate.glob("lesson-*.yaml")):
            return candidate
    raise LessonQuestionsError(
        f"no lesson questions in {here}: open the lesson from the kit's notebooks/ folder (it holds questions/), "
        f"or set {ENV} to that questions/ folder"
    )


def lesson_of(question_id: str) -> int | None:
    """The lesson number in an id such as ``l2.dash``, or None."""
    found = re.match(r"l(\d+)\.", str(question_id))
    return int(found.group(1)) if found else None


def load_lesson(number: int, folder: Path | None = None) -> dict[str, Question]:
    """The questions of one lesson by id (empty when the lesson has no file); re-read when the file changes."""
    path = (folder or questions_folder()) / f"lesson-{number:02d}.yaml"
    try:
        stamp = path.stat().st_mtime_ns
    except FileNotFoundError:
        return {}
    return _read(path.resolve(), stamp)


def load_all(folder: Path | None = None) -> dict[str, Question]:
    """Every lesson's questions by id, in lesson order."""
    folder = folder or questions_folder()
    numbers = sorted(int(m.group(1)) for p in folder.iterdir() if (m := _LESSON_FILE.fullmatch(p.name)))
    return {qid: q for n in numbers for qid, q in load_lesson(n, folder).items()}


def load_key(question: Question, folder: Path | None = None) -> Key:
    """The activity's key (``questions/keys/<id>.json``), read with ``Key.load``; one-line errors naming the file."""
    path = (folder or questions_folder()) / question.key
    try:
        key = Key.load(path)
    except KeyFormatError as error:
        raise LessonQuestionsError(str(error)) from None
    if key.item != question.id:
        raise LessonQuestionsError(f"{path}: item is {key.item!r}, not {question.id!r}; fix the key file")
    return key


@cache
def _read(path: Path, stamp: int) -> dict[str, Question]:
    """Parse and validate one lesson file (cached per modification time)."""
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        where = f", line {mark.line + 1}" if mark else ""
        problem = getattr(error, "problem", None) or str(error).splitlines()[0]
        raise LessonQuestionsError(f"{path}{where}: {problem}; fix the YAML") from None
    problem = _schema_problem(data)
    if problem:
        raise LessonQuestionsError(f"{path}: {problem}; fix the file (see schemas/lesson-questions.schema.json)")
    number = int(_LESSON_FILE.fullmatch(path.name).group(1))
    found: dict[str, Question] = {}
    for entry in data:
        question = Question(**{**entry, "accept": tuple(tuple(group) for group in entry.get("accept", ()))})
        if lesson_of(question.id) != number:
            raise LessonQuestionsError(f"{path}: question {question.id}: ids in this file start with l{number}.")
        if question.id in found:
            raise LessonQuestionsError(f"{path}: question {question.id} appears twice; give each question its own id")
        if question.key and not (path.parent / question.key).is_file():
            raise LessonQuestionsError(f"{path}: question {question.id}: no key file {question.key}; add it")
        found[question.id] = question
    return found


SCHEMA = jsonfile.Schema("medialit.exercises", "lesson-questions")


def schema() -> dict[str, Any]:
    """The questions' JSON Schema, shipped in the package."""
    return SCHEMA.document()


def _schema_problem(data: Any) -> str:
    """The most relevant schema violation as ``question <id>: field: message``, or ``""``."""
    error = SCHEMA.check(data)
    if error is None:
        return ""
    path = list(error.path)
    where = "the file"
    if path and isinstance(path[0], int):
        entry = data[path[0]]
        where = f"question {entry['id']}" if isinstance(entry, dict) and "id" in entry else f"question {path[0] + 1}"
        path = path[1:]
    return f"{where}: {jsonfile.Problem(tuple(path), error.message).text()}"
