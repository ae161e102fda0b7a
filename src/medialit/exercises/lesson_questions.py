"""The lessons' self-check questions as data: ``questions/lesson-NN.yaml`` beside the lesson notebooks.

Each file is a YAML list of questions (id, kind, prompt, hint, answer, and
``accept`` alias groups with optional ``reject`` aliases, or a ``key`` file), validated against
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

    ``hints`` are shown one per wrong try, the last one repeated: the first names the rule or the
    question to ask, a later one may point to places, so a guess does not get the answer's shape at
    once. ``reject`` holds aliases of tempting wrong answers (another person, a subject of the claim):
    an answer that names one fails even when it also names the right one, so hedging does not pass.
    ``key`` is the activity's key file, relative to the questions folder (kinds ``spans`` and ``links``).
    ``own_voice``: the activity asks for the paper's own voice only, so a framing mark inside a quote is
    the speaker's (feedback says so only then: elsewhere quoted words can be what the key counts).
    """

    id: str
    kind: str  # "choice", "name", "names", "spans" or "links"
    prompt: str
    hints: tuple[str, ...]
    answer: str
    accept: tuple[tuple[str, ...], ...] = ()
    key: str = ""
    reject: tuple[str, ...] = ()
    own_voice: bool = False

    @property
    def hint(self) -> str:
        """The first hint: the rule or the question to ask."""
        return self.hints[0]


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
        question = _question(entry)
        if lesson_of(question.id) != number:
            raise LessonQuestionsError(f"{path}: question {question.id}: ids in this file start with l{number}.")
        if question.id in found:
            raise LessonQuestionsError(f"{path}: question {question.id} appears twice; give each question its own id")
        if question.key and not (path.parent / question.key).is_file():
            raise LessonQuestionsError(f"{path}: question {question.id}: no key file {question.key}; add it")
        found[question.id] = question
    return found


def _question(entry: dict[str, Any]) -> Question:
    """A validated entry as a Question: ``hint`` a text or a list of texts, lists as tuples."""
    fields = {k: v for k, v in entry.items() if k not in ("hint", "accept", "reject")}
    hint = entry["hint"]
    return Question(
        **fields,
        hints=(hint,) if isinstance(hint, str) else tuple(hint),
        accept=tuple(tuple(group) for group in entry.get("accept", ())),
        reject=tuple(entry.get("reject", ())),
    )


SCHEMA = jsonfile.Schema("medialit.exercises", "lesson-questions")
"""The questions' JSON Schema, shipped in the package (YAML files, so read here, validated like JSON)."""


def schema() -> dict[str, Any]:
    return SCHEMA.document()


def _schema_problem(data: Any) -> str:
    """The most relevant schema violation as ``question <id>: field: message``, or ``""``."""
    jsonschema = jsonfile.import_jsonschema()  # without the IRI grammars: a lesson kernel starts faster
    error = jsonschema.exceptions.best_match(jsonschema.Draft7Validator(schema()).iter_errors(data))
    if error is None:
        return ""
    path = list(error.absolute_path)
    where, entry = "the file", None
    if path and isinstance(path[0], int):
        entry = data[path[0]]
        where = f"question {entry['id']}" if isinstance(entry, dict) and "id" in entry else f"question {path[0] + 1}"
        path = path[1:]
    field = "".join(f"[{p}]" if isinstance(p, int) else f".{p}" for p in path).lstrip(".")
    message = error.message if len(error.message) < 160 else error.message[:157] + "..."
    if error.validator is None and not field and isinstance(entry, dict):
        # a field the question's kind forbids ("false" schema): name the field, not the value
        field = next((k for k, v in entry.items() if v == error.instance), "")
        message = "this kind of question does not take it"
    return f"{where}: {field + ': ' if field else ''}{message}"
