"""The lesson 0 pre-test: two short questions per course skill, answered once and saved, never marked.

The pre-test shows where a class starts; ``medialit course report`` compares it
with the graded items of the same skills at the end (growth per skill). Students
see no right or wrong here, so the answers say what they knew before the course.
The answer key is not in the package: it is ``course/pretest-key.json``, which
the instructor copies into the course directory (course/grading.md).
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from medialit.core import jsonfile
from medialit.core.saved_work import PRETEST_FILE
from medialit.exercises.errors import OneLineError

SCHEMA = jsonfile.Schema("medialit.exercises", "pretest")
"""Answers and key alike (``schemas/pretest.schema.json``)."""

SKILLS = {
    "attribution": "who is speaking (attribution and source)",
    "unsupported": "statements without support",
    "framing": "framing and loaded words",
    "provenance": "where a text comes from (provenance)",
    "news_opinion": "news, opinion, advertising",
    "numbers": "headlines and numbers",
}

# Which graded items measure each skill at the end of the course (their test cells' points): all of them in
# ex05-transfer, on texts that no lesson and no earlier exercise uses, so that "post" is transfer, not recall.
POST_ITEMS = {
    "attribution": ("ex05-q4", "ex05-q5"),
    "unsupported": ("ex05-q6",),
    "framing": ("ex05-q7",),
    "provenance": ("ex05-q8",),
    "news_opinion": ("ex05-q1", "ex05-q3"),
    "numbers": ("ex05-q2",),
}


@dataclass(frozen=True)
class PreQuestion:
    """One multiple-choice question on a short teaching-copy text."""

    id: str
    skill: str
    text: str
    prompt: str
    options: tuple[str, ...]  # answered by letter: a, b, c, ...

    def show(self) -> str:
        letters = "abcdefgh"
        lines = [f"{self.id} ({SKILLS[self.skill]})", "", f"> {self.text}", "", self.prompt]
        lines += [f"  {letters[i]}) {option}" for i, option in enumerate(self.options)]
        return "\n".join(lines)


# Teaching copies written for medialit: every place, person and figure is invented.
QUESTIONS = (
    PreQuestion(
        "p1",
        "attribution",
        "The new bridge will be finished by June, the city's chief engineer, Mona Aas, told reporters on Monday.",
        "Who says the bridge will be finished by June?",
        ("the reporter", "Mona Aas", "the city council", "nobody: it is a fact"),
    ),
    PreQuestion(
        "p2",
        "attribution",
        "“We were never told,” one resident said. Officials say the residents were informed in March.",
        "How are the two views given?",
        (
            "the first in exact words, the second retold in the writer's words",
            "both in the speakers' exact words",
            "both retold in the writer's words",
            "neither is attributed to anyone",
        ),
    ),
    PreQuestion(
        "p3",
        "unsupported",
        "Crime in Norrvik has fallen. Experts believe the new lighting is the reason.",
        "What is weak about the second sentence?",
        (
            "nothing: it names its source",
            "it uses a number without a source",
            "it is written in the first person",
            "the experts are not named, so nobody can check them",
        ),
    ),
    PreQuestion(
        "p4",
        "unsupported",
        "The plan may possibly help some families, perhaps.",
        "What does the sentence do?",
        (
            "it reports a measured result",
            "it quotes a named source",
            "it hedges so much that it claims almost nothing",
            "it gives an opinion as a fact",
        ),
    ),
    PreQuestion(
        "p5",
        "framing",
        "Protesters swarmed the town hall on Tuesday.",
        "Which word frames the protesters most?",
        ("Protesters", "swarmed", "town hall", "Tuesday"),
    ),
    PreQuestion(
        "p6",
        "framing",
        "A: The council cut the school budget. B: The council slashed the school budget.",
        "How do A and B differ?",
        (
            "they report different events",
            "A has a source and B has none",
            "they do not differ",
            "B uses a word that makes the cut sound harsher",
        ),
    ),
    PreQuestion(
        "p7",
        "provenance",
        "Reposted from an unknown site: “Lake Vell closed for swimming” (no author, no date; the text ends "
        "“Click here to read more Subscribe Share”).",
        "What is the best first step before sharing it?",
        (
            "find who first published it, and when, before trusting it",
            "share it: the headline is clear",
            "count how many people shared it",
            "check the spelling",
        ),
    ),
    PreQuestion(
        "p8",
        "provenance",
        "A page dated 3 May 2021 describes a storm “last week” that, it says, hit on 12 June 2021.",
        "What does this suggest?",
        (
            "nothing unusual",
            "the storm was a long one",
            "the date does not fit the story, so the page may be copied or changed",
            "the page is an official record",
        ),
    ),
    PreQuestion(
        "p9",
        "news_opinion",
        "I think the town was wrong to close the pool, and we should all say so at the next meeting.",
        "What kind of text is this?",
        ("news report", "opinion", "advertising", "official record"),
    ),
    PreQuestion(
        "p10",
        "news_opinion",
        "Only this week: two coffees for the price of one at Café Strand. Visit us today!",
        "What kind of text is this?",
        ("news report", "opinion", "advertising", "official record"),
    ),
    PreQuestion(
        "p11",
        "numbers",
        "Headline: “Fares up 40 percent”. Body: “Single tickets rise from 30 to 36 kroner.”",
        "Does the body support the headline's figure?",
        (
            "yes: 30 to 36 is 40 percent",
            "yes: headlines always round up",
            "it cannot be worked out",
            "no: 30 to 36 is a 20 percent rise",
        ),
    ),
    PreQuestion(
        "p12",
        "numbers",
        "“Up to 500 new jobs”, the company says.",
        "What does “up to 500” promise?",
        ("exactly 500 jobs", "at least 500 jobs", "at most 500 jobs, perhaps far fewer", "500 jobs a year"),
    ),
)

_BY_ID = {q.id: q for q in QUESTIONS}


class PretestError(OneLineError):
    """A pre-test answer or file that cannot be used; the message says what to do."""


def show_all() -> None:
    """Print every question (the lesson shows them one after another)."""
    for question in QUESTIONS:
        print(question.show(), end="\n\n")


def record(answers: dict[str, str], folder: str | Path = ".") -> None:
    """Save the answers to ``pretest.json`` (merged with earlier ones) and say how many are in; no verdicts.

    Returns nothing: it is a cell's last line, and a returned path showed as ``PosixPath('pretest.json')``."""
    if not isinstance(answers, dict):
        raise PretestError("my_answers holds one letter per question, p1 to p12: keep its braces and run the cell")
    clean = {qid: _letter(qid, choice) for qid, choice in answers.items() if str(choice or "").strip()}
    path = Path(folder) / PRETEST_FILE
    saved = read_answers(path) if path.exists() else {}
    kept = [qid for qid in answers if qid in saved and qid not in clean]  # blank in the cell, answered before
    saved.update(clean)
    path.write_text(json.dumps({"format": "medialit-pretest", "answers": saved}, indent=1), encoding="utf-8")
    missing = [q.id for q in QUESTIONS if q.id not in saved]
    print(
        f"Saved {len(saved)} of {len(QUESTIONS)} answers to {path.name}."
        + (f" Still open: {', '.join(missing)}." if missing else " Thank you: this is not marked.")
        + (f" Left blank here but kept from before: {', '.join(kept)} (write a letter to change one)." if kept else "")
    )


def _letter(qid: str, choice: Any) -> str:
    question = _BY_ID.get(qid)
    if question is None:
        raise PretestError(f"there is no pre-test question {qid!r}: use p1 to p{len(QUESTIONS)}")
    letter = str(choice).strip().lower().rstrip(")")
    if len(letter) != 1 or not "a" <= letter < chr(ord("a") + len(question.options)):
        last = chr(ord("a") + len(question.options) - 1)
        raise PretestError(f'answer {qid} with one letter from a to {last}, e.g. "b"')
    return letter


def read_answers(path: str | Path) -> dict[str, str]:
    """A student's saved answers, question id -> letter."""
    try:
        data = jsonfile.load(path, SCHEMA, hint="ask the student to run the pre-test cell again")
    except jsonfile.JsonFileError as error:
        raise PretestError(str(error)) from None
    return {k: v for k, v in data["answers"].items() if k in _BY_ID}


def read_key(path: str | Path) -> dict[str, str]:
    """The instructor's key (``course/pretest-key.json``), question id -> letter."""
    try:
        fix = "copy course/pretest-key.json there"
        key = jsonfile.load(path, SCHEMA, hint=fix, missing=fix)["answers"]
    except jsonfile.JsonFileError as error:
        raise PretestError(str(error)) from None
    if set(key) != set(_BY_ID):
        raise PretestError(f"the pre-test key {path} does not match questions p1 to p{len(QUESTIONS)}")
    return key


def skill_scores(answers: dict[str, str], key: dict[str, str]) -> dict[str, float]:
    """Share of each skill's questions answered right (an unanswered question counts as wrong)."""
    scores = {}
    for skill in SKILLS:
        ids = [q.id for q in QUESTIONS if q.skill == skill]
        scores[skill] = sum(answers.get(q) == key[q] for q in ids) / len(ids)
    return scores
