"""``medialit new-exercise``: an nbgrader source notebook on an instructor's own article and reviewed key.

The notebook is built by the same functions as the built-in exercises
(``course/build.py``: question, answer and hidden-test cells, the same
feedback and partial credit through ``medialit.exercises.grading``). Beside it go a copy
of the article and ``medialit-items.json``, which defines the items, so the
student's kernel, the isolated scorer and ``medialit course grade`` all know
them (see ``medialit.exercises.grading.define_items``).
"""

from __future__ import annotations

import importlib.util
import json
import re
import shutil
from functools import cache
from pathlib import Path
from types import ModuleType
from typing import Any

import nbformat

from medialit.core.article import Article
from medialit.exercises.grading import ITEMS_FILE, REASONS, SIDECAR_SUFFIX, Item, define_item, define_items
from medialit.instructor.draft_key import checked_key, unreviewed

EXERCISE_KINDS = ("attribution", "unsupported", "framing")
BUILD_SCRIPT = Path(__file__).resolve().parents[3] / "course" / "build.py"


class ExerciseError(ValueError):
    """The exercise cannot be made as asked; the message says what to do."""


@cache
def builders() -> ModuleType:
    """``course/build.py`` of this checkout, whose cell builders every exercise shares."""
    if not BUILD_SCRIPT.is_file():
        raise ExerciseError(f"{BUILD_SCRIPT} is missing: new-exercise runs from a medialit source checkout")
    spec = importlib.util.spec_from_file_location("medialit_course_build", BUILD_SCRIPT)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def whole_part(body: str) -> tuple[str, str]:
    """First and last words of the body, as an item's part (so the question covers the whole article)."""
    text = body.strip()
    first = text[:40].split("\n")[0]
    for size in range(40, len(text) + 1, 40):  # long enough that its first match after `first` ends the body
        last = text[-size:]
        start = body.index(first)
        if body.index(last, start) + len(last) == len(body.rstrip()):
            return first, last
    return first, text


def key_rows(kind: str, key: dict[str, Any]) -> dict[str, list[list]]:
    """Per question number, the key rows ``[start, end, label, (accepted)]`` for this kind of exercise."""
    attributions = [a for a in key.get("attributions", []) if a.get("status") != "rejected"]
    if kind == "attribution":
        spans = {(a["source_start"], a["source_end"], "source") for a in attributions}
        spans |= {(a["cue_start"], a["cue_end"], "cue") for a in attributions}
        speakers = {(a["source_start"], a["source_end"]): a["speaker"] for a in attributions}
        q2 = [[s, e, who] for (s, e), who in speakers.items()]
        return {"q1": sorted([list(x) for x in spans]), "q2": sorted(q2)}
    if kind == "unsupported":
        rows = [[s["start"], s["end"], _reason(s)] for s in key.get("sentences", []) if s["label"] == "unsupported"]
        return {"q1": sorted(rows)}
    words = [f for f in key.get("framing", []) if f.get("status") != "rejected"]
    return {"q1": sorted([[f["start"], f["end"], "loaded", []] for f in words])}


def _reason(sentence: dict[str, Any]) -> str:
    """Accepted reasons of an unsupported sentence, from its reasons; any reason when the key gives none."""
    said = " ".join(sentence.get("reasons", [])).lower()
    found = [r for r in REASONS if r in said]
    for words, reason in (("hedge", "hedge"), ("vague", "vague_source"), ("hidden", "vague_source")):
        if words in said and reason not in found:
            found.append(reason)
    if "evaluat" in said or "scare quote" in said:
        found.append("evaluation")
    return "/".join(dict.fromkeys(found)) or "/".join(REASONS)


QUESTIONS: dict[str, list[tuple[str, str, tuple[str, ...], float, str, bool]]] = {
    # question, kind of item, labels, points, prompt, highlighter
    "attribution": [
        (
            "q1",
            "spans",
            ("source", "cue"),
            3,
            "In this article, mark every **source** (the words naming who says it) and every **cue** "
            "(the verb or phrase that tells you it is reported: *said*, *according to*). Labels: `source`, "
            "`cue`. Write `('words', 'label', 2)` for the second occurrence of the same words.",
            True,
        ),
        (
            "q2",
            "speakers",
            (),
            2,
            "For each source you marked above, who is speaking? Give the person's or organisation's name, "
            "even when the text says *he*, *she* or a title. Answer as a list of "
            "`('source words', 'speaker name', n)` (n = which occurrence, 1 for the first).",
            False,
        ),
    ],
    "unsupported": [
        (
            "q1",
            "sentences",
            REASONS,
            3,
            "Which sentences of this article are **unsupported**? For each, say why: `no_source` (nobody is "
            "credited), `vague_source` (*it is known*, *estimates suggest*), `hedge` (*reportedly*, *may*) or "
            "`evaluation` (an opinion stated as fact). Answer with the first words of the sentence: "
            "`('The first words', 'reason')`.",
            True,
        ),
    ],
    "framing": [
        (
            "q1",
            "words",
            ("loaded",),
            3,
            "Mark the **loaded words**: words that carry a judgement, a picture or a doubt beyond the facts "
            "(loaded words, hedges, intensifiers, scare quotes). Answer as a list of words as they appear in "
            "the text (another form of the same word counts too).",
            True,
        ),
    ],
}
TITLES = {
    "attribution": ("who is speaking?", "Find the attributions and name each speaker."),
    "unsupported": ("unsupported statements", "Find the statements the article makes without support, and say why."),
    "framing": ("framing", "Find the words that frame the story beyond its facts."),
}


def build(article: Article, key: dict[str, Any], kind: str, name: str, article_file: str) -> nbformat.NotebookNode:
    """The source notebook; registers the items (with the article at ``article_file``) as it goes."""
    b = builders()
    rows = key_rows(kind, key)
    part = whole_part(article.body)
    cells = []
    for number, item_kind, labels, points, prompt, highlighter in QUESTIONS[kind]:
        item_id = f"{name}-{number}"
        if not rows[number]:
            raise ExerciseError(f"the key has nothing for {kind} question {number}: review the key and add items")
        define_item(Item(item_id, article_file, part, item_kind, labels, points))
        solution = b.literal(item_id, rows[number])
        cells += b.question(item_id, f"answer_{number}", prompt, solution, highlighter, rows=rows[number])
    title, intro = TITLES[kind]
    source = f"*{article.title}*" + (f", {article.meta['outlet']}" if article.meta.get("outlet") else "")
    nb = b.notebook(f"Exercise: {title}", f"Article: {source}. {intro}", cells)
    nbformat.validate(nb)
    return nb


def target_folder(into: Path | None, name: str, solutions: Path) -> Path:
    """``solutions/NAME`` by default; in a course directory (it has ``source/``), ``source/NAME``."""
    if into is None:
        return solutions / name
    return (into / "source" / name) if (into / "source").is_dir() else into / name


def new_exercise(
    article: Article,
    key_path: Path,
    kind: str,
    folder: Path,
    *,
    name: str,
    allow_unreviewed: bool = False,
    force: bool = False,
) -> Path:
    """Check the key, then write the notebook, the article and the items file into ``folder``."""
    if kind not in EXERCISE_KINDS:
        raise ExerciseError(f"--kind {kind}: use one of {', '.join(EXERCISE_KINDS)}")
    key = checked_key(key_path, article)
    waiting = unreviewed(key)
    if waiting and not allow_unreviewed:
        raise ExerciseError(
            f"{key_path}: {len(waiting)} item(s) are machine suggestions not yet reviewed (first: {waiting[0]}); "
            "review them in the key review widget, or pass --allow-unreviewed"
        )
    if not re.fullmatch(r"[A-Za-z0-9][A-Za-z0-9_-]*", name):
        raise ExerciseError(
            f"--name {name!r}: use letters, digits, '-' and '_' only (it names the nbgrader assignment)"
        )
    notebook_path = folder / f"{name}.ipynb"
    if notebook_path.exists() and not force:
        raise ExerciseError(f"{notebook_path} exists: pass --force to replace it, or choose another --name")
    if not (article.path and Path(article.path).is_file()):
        raise ExerciseError(f"{article.path}: give the article as a file (make one with `medialit new-article`)")
    nb = build(article, key, kind, name, str(Path(article.path).resolve()))  # first: nothing is written on failure
    article_name = article.id + (Path(article.path).suffix or ".md")  # a .txt stays .txt: it has no front matter
    folder.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(article.path, folder / article_name)
    items = [
        {"id": f"{name}-{q[0]}", "article": article_name, "part": list(whole_part(article.body)), "kind": q[1],
         "labels": list(q[2]), "points": q[3]}
        for q in QUESTIONS[kind]
    ]  # fmt: skip
    (folder / ITEMS_FILE).write_text(json.dumps({"items": items}, ensure_ascii=False, indent=1) + "\n", "utf-8")
    define_items(folder / ITEMS_FILE)  # what the notebook will read back must load
    nbformat.write(nb, notebook_path)
    keep_sidecars(folder, name, [f"{it['id']}{SIDECAR_SUFFIX}" for it in items])
    return notebook_path


def keep_sidecars(folder: Path, name: str, sidecars: list[str]) -> bool:
    """In a course made by ``medialit course init``, never let autograde overwrite this exercise's saved highlights.

    Returns False when ``folder`` is not in such a course (then nothing is changed).
    """
    config = folder.parent.parent / "nbgrader_config.py"
    if folder.parent.name != "source" or not config.is_file():
        return False
    text = config.read_text(encoding="utf-8")
    if "c.Autograde.exclude_overwriting = " not in text:
        return False
    line = f"c.Autograde.exclude_overwriting[{name!r}] = {sidecars!r}"
    if line not in text:
        note = f"\n# Added by `medialit new-exercise`: saved highlights of {name} stay the student's.\n"
        config.write_text(text.rstrip("\n") + "\n" + note + line + "\n", encoding="utf-8")
    return True
