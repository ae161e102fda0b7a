"""``medialit new-exercise``: an nbgrader source notebook on an instructor's own article and reviewed key.

The notebook is built by the same functions as the built-in exercises
(``medialit.instructor.exercise_notebook``: question, answer and hidden-test
cells, the same feedback and partial credit through ``medialit.exercises.grading``),
so an installed medialit makes exercises outside any checkout. Beside the
notebook go a copy of the article and ``medialit-items.json``, which defines
the items, so the student's kernel, the isolated scorer and ``medialit course
grade`` all know them (see ``medialit.exercises.items.define_items``).
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import nbformat

from medialit.core.article import Article
from medialit.core.counts import counted
from medialit.core.spans import Span
from medialit.exercises.answer import MAX_MARKS
from medialit.exercises.items import ITEMS_FILE, REASONS, SIDECAR_SUFFIX, Item, define_item, define_items
from medialit.exercises.key import Key, KeyFormatError, KeyMark
from medialit.instructor import exercise_notebook as nb_builder
from medialit.instructor.draft_key import active, checked_key, unreviewed

EXERCISE_KINDS = ("attribution", "unsupported", "framing")


class ExerciseError(ValueError):
    """The exercise cannot be made as asked; the message says what to do."""


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


def question_marks(kind: str, key: Key) -> dict[str, list[KeyMark]]:
    """Per question number, the key marks for this kind of exercise (rejected marks left out).

    What the instructor decided about a mark (optional, accepted readings, aliases, word forms, the
    rationale shown after grading) goes with it into each question's key.
    """
    marks = active(key)
    if kind == "attribution":
        return _attribution_marks(marks)
    if kind == "unsupported":
        return {"q1": sorted((m for m in marks if m.label in REASONS), key=lambda m: m.span)}
    framing = [
        KeyMark(m.span, words=m.words, accept=m.accept, optional=m.optional, rationale=m.rationale)
        for m in marks
        if m.label == "loaded"
    ]
    return {"q1": sorted(framing, key=lambda m: m.span)}


def _attribution_marks(marks: tuple[KeyMark, ...]) -> dict[str, list[KeyMark]]:
    """q1: each source and its cue (or a cue marked on its own); q2: each source with its speaker and cue,
    graded as ex01-q2 (half for the cue the source is linked to, half for the speaker)."""
    places: dict[tuple[int, int, str], KeyMark] = {}
    for m in marks:
        if m.label in ("source", "cue"):
            accept = tuple(a for a in m.accept if a.label == m.label)
            _keep(places, KeyMark(m.span, accept=accept, optional=m.optional, rationale=m.rationale))
        if m.label == "source" and m.cue is not None:
            _keep(places, KeyMark(Span(m.cue.start, m.cue.end, "cue"), optional=m.optional))
    q2 = [
        KeyMark(m.span, speaker=m.speaker, aliases=m.aliases, optional=m.optional, rationale=m.rationale, cue=m.cue)
        for m in marks
        if m.label == "source"
    ]
    return {"q1": [places[p] for p in sorted(places)], "q2": sorted(q2, key=lambda m: m.span)}


def _keep(places: dict[tuple[int, int, str], KeyMark], mark: KeyMark) -> None:
    """One q1 mark per place; a place some attribution requires stays required (a cue of a joint report)."""
    place = (mark.span.start, mark.span.end, mark.label)
    if place not in places or (places[place].optional and not mark.optional):
        places[place] = mark


KNOWN_LABELS = ("source", "cue", *REASONS, "loaded")
"""The labels new-exercise makes questions of; a mark with any other label would be left out unseen."""


def key_mistakes(key: Key, kind: str) -> list[str]:
    """What in a reviewed key would make the exercise grade wrongly, one line each (empty: none).

    An unknown label, a source without a speaker or two marks on the same place would otherwise be
    dropped, or count twice where one answer mark can match only one of them.
    """
    found = []
    kept = [(i, m) for i, m in enumerate(key.marks) if m.status != "rejected"]
    for i, m in kept:
        if m.label not in KNOWN_LABELS:
            found.append(f"marks[{i}].label: {m.label!r} is not one of {list(KNOWN_LABELS)}")
        elif kind == "attribution" and m.label == "source" and not m.speaker.strip():
            found.append(f"marks[{i}] (source {m.text[:40]!r}) has no speaker: add who is speaking, or reject it")
        found += [
            f"marks[{i}].accept[{j}].label: {a.label!r} is not one of {list(readings)}: the reading would "
            "be dropped or never match"
            for j, a in enumerate(m.accept)
            if m.label in KNOWN_LABELS and a.label not in (readings := _readings(m.label))
        ]
    asked = {"attribution": ("source", "cue"), "unsupported": REASONS, "framing": ("loaded",)}[kind]
    marks = [(i, m) for i, m in kept if m.label in asked]
    for n, (i, a) in enumerate(marks):
        for j, b in marks[n + 1 :]:
            same = a.label == b.label or kind == "unsupported"  # a sentence has one place, whatever the reason
            required = not (a.optional or b.optional)  # an optional reading inside a mark is fine (K11)
            if same and required and a.span.start < b.span.end and b.span.start < a.span.end:
                found.append(
                    f"marks[{i}] and marks[{j}] overlap ({a.text[:30]!r}, {b.text[:30]!r}): one answer mark can "
                    "match only one of them; merge them, or make one an `accept` reading of the other"
                )
    for number, wanted in question_marks(kind, key).items():
        if len(wanted) > MAX_MARKS:  # the model answer itself is refused, in the kernel and by `course grade`
            found.append(
                f"question {number} asks for {len(wanted)} marks, more than an answer may hold ({MAX_MARKS}), so "
                "nobody could give them all; reject marks in the review, or cut the article into shorter ones"
            )
    return found


def _readings(label: str) -> tuple[str, ...]:
    """The labels an ``accept`` reading of a mark with ``label`` may have: another reason for a sentence, else the
    mark's own label (q1 keeps only those; a framing answer gives no other label)."""
    return REASONS if label in REASONS else (label,)


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
            "For each source you marked above, who is speaking, and which cue is theirs? The highlighter below "
            "starts from your marks in q1, and each time you run its cell it adds the marks you have made in q1 since "
            "(what you remove here stays removed). **Link** each source to its cue: put the cursor on the source "
            "(or click it), press `L` (or *Link*), move to the cue and press `Enter` (or click it), then `L` again (or "
            "*Finish link*); with the mouse you can also drag the source's tag onto its cue. In the list of links "
            "under the text, type the person's or organisation's full name, also where the text says *he*, *she* "
            "or a title. Or answer as a list of `('source words', 'speaker name', 'cue words', n)` (n = which "
            "occurrence of the source words, 1 for the first). Each attribution earns half for the right cue and "
            "half for the right speaker. A party that gave no answer has no cue: type its name and leave it "
            "unlinked (in the list, give `''` as its cue words).",
            True,
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


def build(article: Article, key: Key, kind: str, name: str, article_file: str) -> nbformat.NotebookNode:
    """The source notebook; registers the items (with the article at ``article_file``) as it goes."""
    marks = question_marks(kind, key)
    part = whole_part(article.body)
    cells = []
    for number, item_kind, labels, points, prompt, highlighter in QUESTIONS[kind]:
        item_id = f"{name}-{number}"
        if not marks[number]:
            raise ExerciseError(f"the key has nothing for {kind} question {number}: review the key and add items")
        if all(m.optional for m in marks[number]):
            raise ExerciseError(
                f"every mark of {kind} question {number} is optional, so an empty list would earn full points: "
                "make the marks students must find required (leave out `optional`)"
            )
        define_item(Item(item_id, article_file, part, item_kind, labels, points))
        item_key = Key(item_id, article.id, "", tuple(marks[number])).completed(article.body)
        solution = nb_builder.literal(item_id, item_key)
        cells += nb_builder.question(item_id, f"answer_{number}", prompt, solution, item_key, highlighter)
    title, intro = TITLES[kind]
    source = f"*{article.title}*" + (f", {article.meta['outlet']}" if article.meta.get("outlet") else "")
    return nb_builder.notebook(f"Exercise: {title}", f"Article: {source}. {intro}", cells)


def target_folder(into: Path | None, name: str) -> Path:
    """Where NAME/ goes: in a course directory (it has ``source/``) its ``source/``; without ``into``, the current
    folder's ``solutions/`` when it has one (the kit's checkout), else the current folder."""
    if into is None:
        here = Path.cwd()
        into = here / "solutions" if (here / "solutions").is_dir() and not (here / "source").is_dir() else here
    elif not into.is_dir():  # a mistyped course path once became a stray new folder nbgrader never saw
        what = "is not a folder" if into.exists() else "does not exist"
        raise ExerciseError(
            f"--into {into}: {what}; give your course directory (made by `medialit course init`) or an existing folder"
        )
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
    kept: list[str] | None = None,
) -> Path:
    """Check the key, then write the notebook, the article and the items file into ``folder``; over an existing
    notebook (``force``) the instructor's own cells are kept, their ids appended to ``kept``."""
    if kind not in EXERCISE_KINDS:
        raise ExerciseError(f"--kind {kind}: use one of {', '.join(EXERCISE_KINDS)}")
    if problem := nb_builder.name_problem(name):
        raise ExerciseError(f"--name {name!r}: {problem} (it names the nbgrader assignment and its cells)")
    key = checked_key(key_path, article)
    if mistakes := key_mistakes(key, kind):
        more = f" (and {counted(len(mistakes) - 1, 'more problem')})" if len(mistakes) > 1 else ""
        raise ExerciseError(f"{key_path}: {mistakes[0]}{more}; fix the key (see docs/key-format.md)")
    waiting = unreviewed(key)
    if waiting and not allow_unreviewed:
        are = counted(len(waiting), "mark is a machine suggestion", "marks are machine suggestions")
        raise ExerciseError(
            f"{key_path}: {are} not yet reviewed (first: {waiting[0]}); "
            "review them in the key review widget, or pass --allow-unreviewed"
        )
    if problem := unprotected(folder):
        raise ExerciseError(problem)
    notebook_path = folder / f"{name}.ipynb"
    if notebook_path.exists() and not force:
        raise ExerciseError(f"{notebook_path} exists: pass --force to replace it, or choose another --name")
    if not (article.path and Path(article.path).is_file()):
        raise ExerciseError(f"{article.path}: give the article as a file (make one with `medialit new-article`)")
    try:  # first: nothing is written on failure
        nb = build(article, key, kind, name, str(Path(article.path).resolve()))
        nbformat.validate(nb)
    except (KeyFormatError, nbformat.ValidationError) as error:
        raise ExerciseError(f"{key_path}: {getattr(error, 'message', error)}") from None
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
    if notebook_path.exists():  # --force: cells the instructor added (a written question, a code test) stay
        old = nbformat.read(notebook_path, as_version=4)
        mine = set(own_cells(old, nb, name))  # named by grade id where they have one (JupyterLab's are random)
        (kept if kept is not None else []).extend(
            c.metadata.get("nbgrader", {}).get("grade_id") or c.get("id") for c in old.cells if c.get("id") in mine
        )
        nb.cells = carry_over(old, nb, name)
    nb_builder.write(nb, notebook_path)
    keep_sidecars(folder, name, [f"{it['id']}{SIDECAR_SUFFIX}" for it in items])
    return notebook_path


def own_cells(old: nbformat.NotebookNode, new: nbformat.NotebookNode, name: str) -> list[str]:
    """The ids of ``old``'s cells that ``new`` does not replace: cells the instructor added (instr23)."""
    ids = {c.get("id") for c in new.cells}
    return [c.get("id") for c in old.cells if c.get("id") not in ids and not str(c.get("id")).startswith(f"{name}-q")]


def carry_over(old: nbformat.NotebookNode, new: nbformat.NotebookNode, name: str) -> list:
    """``new``'s cells with ``old``'s cells of the instructor's own (``own_cells``), each after the cell it followed.

    ``--force`` over a released exercise used to write the generated cells alone: a written question added in the
    formgrader vanished from ``source/``, with it its rubric in the formgrader, and ``nbgrader generate_assignment``
    then refused ("Cannot add or remove cells ... there are submissions") and deleted ``release/NAME`` (instr23).
    """
    keep = set(own_cells(old, new, name))
    cells, at = list(new.cells), 0
    for cell in old.cells:
        same = next((i for i, c in enumerate(cells) if c.get("id") == cell.get("id")), None)
        if same is not None:
            at = same + 1
        elif cell.get("id") in keep:
            cells.insert(at, cell)
            at += 1
    return cells


RULE = (
    "the rule that keeps students' saved highlights (*.highlights.json) out of the release and in their hand-ins "
    "when graded"
)


def unprotected(folder: Path) -> str:
    """One line when ``folder`` is in a course directory (``COURSE/source/NAME``) whose ``nbgrader_config.py`` lacks
    the saved-highlights rule of ``medialit course init`` (``KeepMarksOut`` at release, ``exclude_overwriting`` at
    grading), else "". Without it, marks saved beside the source notebook are released to every student, and
    ``keep_sidecars`` had nothing to add its line to: the exercise was written without a word."""
    if folder.parent.name != "source":
        return ""
    course = folder.parent.parent.resolve()
    config = course / "nbgrader_config.py"
    if not config.is_file():
        return (
            f"{course} has source/ but no nbgrader_config.py, so nothing would apply {RULE}: copy the one "
            "`medialit course init NEW` writes into it, then run this again (nothing was written)"
        )
    try:
        text = config.read_text(encoding="utf-8")
    except UnicodeDecodeError:
        return (
            f"{config} is not UTF-8 text, so neither Python nor nbgrader can read it: save it as UTF-8 or copy the "
            "one `medialit course init NEW` writes over it, then run this again (nothing was written)"
        )
    missing = [part for part in ("KeepMarksOut", "c.Autograde.exclude_overwriting = ") if part not in text]
    if missing:
        return (
            f"{config} lacks {RULE} ({' and '.join(missing)}: it is not the one `medialit course init` writes): "
            "copy the one `medialit course init NEW` writes over it, then run this again (nothing was written)"
        )
    return ""


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
