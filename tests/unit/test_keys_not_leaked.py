"""No key of a graded item in the built wheel, in exercises/ or in the lessons."""

from __future__ import annotations

import json
import re
import zipfile
from pathlib import Path

import nbformat
import pytest

REPO = Path(__file__).resolve().parents[2]


def secrets() -> list[str]:
    """Texts that would give an answer away: each hidden KEY line and each model answer line."""
    found = []
    for path in sorted((REPO / "solutions").glob("*/*.ipynb")):
        for cell in nbformat.read(path, as_version=4).cells:
            blocks = re.findall(r"### BEGIN (?:HIDDEN TESTS|SOLUTION)\n(.*?)### END", cell.source, re.S)
            if cell.cell_type == "markdown" and cell.metadata.get("nbgrader", {}).get("solution"):
                blocks.append(cell.source)  # a written answer's model and rubric: nbgrader releases none of the cell
            for block in blocks:
                found += [line.strip() for line in block.splitlines() if len(line.strip()) > 12]
    for path in sorted((REPO / "course" / "keys").glob("*.json")):
        for mark in json.loads(path.read_text(encoding="utf-8"))["marks"]:
            found.append(mark["rationale"])  # instructor material: never in anything students get
    assert len(found) > 30  # a detector that finds nothing to look for proves nothing
    return found


BUILDER = "medialit/instructor/exercise_notebook.py"
"""Writes the hidden-test cells of every exercise, so it holds their markers (never a key: that is checked)."""


def leaks(name: str, text: str, secret_lines: list[str]) -> list[str]:
    markers = ["### BEGIN HIDDEN TESTS", "### BEGIN SOLUTION", "KEY = [", "KEY = {", "medialit-answer-key"]
    return [f"{name}: {s[:60]}" for s in ([] if name == BUILDER else markers) + secret_lines if s in text]


def test_the_detector_finds_keys_in_the_solutions():
    path = next((REPO / "solutions").glob("ex01-*/*.ipynb"))
    assert leaks(path.name, path.read_text(encoding="utf-8"), secrets())


def test_the_detector_finds_the_model_answers_of_written_questions():
    """A written answer's model and rubric are a whole markdown cell with no solution markers (self-check shows them
    to a learner working alone, from solutions/): they were missing from the secrets, so a copy of one anywhere
    students look went unnoticed."""
    source = nbformat.read(REPO / "solutions" / "ex03-framing" / "ex03-framing.ipynb", as_version=4)
    model = next(c.source for c in source.cells if c.metadata.get("nbgrader", {}).get("grade_id") == "ex03-q2-answer")
    assert "They frame a dispute about a video" in model
    assert leaks("lesson.md", f"# A lesson\n\n{model}\n", secrets())


@pytest.mark.parametrize("folder", ["exercises", "notebooks", "src/medialit"])
def test_no_key_in_released_exercises_or_lessons(folder):
    """Nor in the package's sources (the wheel is checked too, in the slow layer): self-check reads a model answer
    from the kit's solutions/ at run time, never from a copy in the code."""
    secret_lines = secrets()
    files = [
        p for p in (REPO / folder).rglob("*") if p.is_file() and p.suffix in {".ipynb", ".md", ".json", ".py", ".yaml"}
    ]
    if folder == "exercises":
        assert len([p for p in files if p.suffix == ".ipynb"]) == 5
    found = [
        hit
        for p in files
        for hit in leaks(
            str(p.relative_to(REPO / "src")) if folder == "src/medialit" else str(p.relative_to(REPO)),
            p.read_text(encoding="utf-8"),
            secret_lines,
        )
    ]
    assert found == []


@pytest.mark.slow
def test_no_key_in_the_wheel(built_wheel):
    wheel = built_wheel
    secret_lines = secrets()
    found = []
    with zipfile.ZipFile(wheel) as archive:
        names = archive.namelist()
        assert "medialit/exercises/grading.py" in names and "medialit/articles/scientology-website-attacked.md" in names
        for name in names:
            text = archive.read(name).decode("utf-8", errors="replace")
            found += leaks(name, text, secret_lines)
        found += [n for n in names if n.endswith(".gold.json") or "/keys/" in n or "solutions/" in n]
    assert found == []


@pytest.mark.slow
def test_no_key_in_the_sdist(built_sdist):
    """``python -m build`` in a clone makes an sdist beside the wheel (leak24: measured, 186 files, src/medialit and
    the metadata only); it holds what the wheel does and what a MANIFEST.in or a plugin adds from the checkout."""
    import tarfile

    secret_lines = secrets()
    found, names = [], []
    with tarfile.open(built_sdist) as archive:
        for member in archive.getmembers():
            name = member.name.split("/", 1)[1] if "/" in member.name else member.name
            if member.isfile():
                names.append(name)
                text = archive.extractfile(member).read().decode("utf-8", errors="replace")
                found += leaks(name.removeprefix("src/"), text, secret_lines)
                found += [f"{name}: {hit}" for hit in key_mark_literals(text)]
    assert "src/medialit/exercises/grading.py" in names
    found += [n for n in names if not n.startswith(("src/medialit/", "src/medialit.egg-info/")) and "/" in n]
    assert found == []


def test_lesson_keys_are_practice_on_ungraded_text_never_a_graded_items_key():
    """notebooks/questions/keys/ goes to students with the lessons: no mark may touch a graded part."""
    from medialit import load_article
    from medialit.exercises import ungraded_text
    from medialit.exercises.grading import ITEMS
    from medialit.exercises.key import Key

    paths = sorted((REPO / "notebooks" / "questions" / "keys").glob("*.json"))
    assert paths
    graded_keys = {p.stem for p in (REPO / "course" / "keys").glob("*.json")}
    for path in paths:
        key = Key.load(path)
        assert key.item not in ITEMS and key.item not in graded_keys, f"{path.name} is a graded item's key"
        name = REPO / "notebooks" / "articles" / f"{key.article}.md"
        article = load_article(name if name.exists() else key.article)
        touched = [
            m.text for m in key.marks for s in m.readings() + m.cues() for a, b in ungraded_text.graded_parts(article)
            if s.start < b and s.end > a
        ]  # fmt: skip
        assert touched == [], f"{path.name} marks words of a graded part: {touched}"


# The annotation guidelines reach students (notebooks/annotation-guidelines.md, a copy tools/sync_lessons.py writes
# from course/annotation-guidelines.md), and they teach by example. An example lifted from a graded part, next to the
# label its key gives (the base's "the historic speech" beside *evaluation*: ex02-q1's keyed sentence), hands the
# answer over. The detector compares each quoted or italic example of the guidelines with the graded parts, word by
# word: a run of at least two words that an example shares with a graded part, on a key mark, in a paragraph that
# names that mark's label or an accepted one, is a leak when it holds two words of content (not function words or
# the base's cue verbs, which every reader must know), or the whole mark and a word of content. An example of four
# words or more found word for word in the ungraded text of the same article (graded-items.md: lessons may use that
# text) is not a leak; a shorter one may stand in both ("one poster" does, and gave ex01-q3's *anonymous* away).
GUIDELINES = REPO / "course" / "annotation-guidelines.md"
GUIDELINES_COPY = REPO / "notebooks" / "annotation-guidelines.md"
FUNCTION_WORDS = set(
    "a an the and or but nor of to in on at by for with from as such that this these those it its he she they them "
    "his her their i we you me us is are was were be been has have had not no do did does will would may can could "
    "up out about than then so if also who which what".split()
)
REASONS = {"no_source", "vague_source", "hedge", "evaluation"}  # a sentence's reasons: the guidelines say unsupported
_WORD = re.compile(r"\w+(?:'\w+)*")


def _words(text: str) -> list[tuple[str, int, int]]:
    text = text.replace("’", "'").replace("‘", "'").lower()
    return [(m.group(), m.start(), m.end()) for m in _WORD.finditer(text)]


def _trivial_words() -> set[str]:
    """Function words and the cue verbs the base defines a cue by ('says, said, told, ... according to')."""
    text = GUIDELINES.read_text(encoding="utf-8")
    bullet = text[text.index("- **cue**:") :]
    cues = {w for w, _, _ in _words(bullet[bullet.index("(") + 1 : bullet.index(")")])}
    return FUNCTION_WORDS | cues | {w[:-1] for w in cues if w.endswith("s")}


def guideline_examples(text: str) -> list[tuple[str, str]]:
    """Each example the text quotes ("...", “...”, *...*), cut at an ellipsis or a [gap], with its paragraph."""
    text = re.sub(r"```.*?```", "", text, flags=re.S)
    found = []
    for block in re.split(r"\n\s*\n", text):
        for pattern in (r'"([^"]+)"', r"“([^”]+)”", r"(?<![*\w])\*([^*]+)\*(?![*\w])"):
            for m in re.finditer(pattern, block):
                found += [(piece, block) for piece in re.split(r"\.\.\.|…|\[[^\]]*\]", m.group(1)) if piece.strip()]
    return found


def example_leaks(text: str) -> list[str]:
    """Where the guidelines' examples give a graded key mark away with its label (see above), one line each."""
    from medialit.exercises.grading import ITEMS

    trivial = _trivial_words()
    found = set()
    for path in sorted((REPO / "course" / "keys").glob("*.json")):
        key = json.loads(path.read_text(encoding="utf-8"))
        item = ITEMS[key["item"]]
        start, end = item.bounds()
        body = item.load().body
        ungraded = " ".join(w for w, _, _ in _words(body[:start] + " … " + body[end:]))
        part = [(w, a + start, b + start) for w, a, b in _words(body[start:end])]
        where: dict[str, list[int]] = {}
        for i, (w, _, _) in enumerate(part):
            where.setdefault(w, []).append(i)
        for example, block in guideline_examples(text):
            said = [w for w, _, _ in _words(example)]
            if len(said) >= 4 and f" {' '.join(said)} " in f" {ungraded} ":
                continue  # a passage of the article's free text (a short phrase may stand in both)
            named = " ".join(w for w, _, _ in _words(block.replace("_", " ")))
            for k, w in enumerate(said):
                for i in where.get(w, []):
                    n = 0
                    while k + n < len(said) and i + n < len(part) and said[k + n] == part[i + n][0]:
                        n += 1
                    run = said[k : k + n]
                    content = [x for x in run if x not in trivial]
                    if n < 2 or not content:
                        continue
                    a, b = part[i][1], part[i + n - 1][2]
                    for mark in key["marks"]:
                        if not (mark["start"] < b and mark["end"] > a):
                            continue
                        whole = a <= mark["start"] and mark["end"] <= b
                        if len(content) < 2 and not (whole and set(content) & {x for x, _, _ in _words(mark["text"])}):
                            continue
                        labels = {mark["label"]} | {r["label"] for r in mark.get("accept", [])}
                        labels |= {"unsupported"} if labels & REASONS else set()
                        if any(f" {label.replace('_', ' ')} " in f" {named} " for label in labels):
                            found.add(f"{key['item']}: {' '.join(run)!r} of the example {' '.join(example.split())!r}")
    return sorted(found)


def test_the_example_detector_finds_an_example_lifted_from_a_graded_part_with_its_label():
    """What the guidelines said before guide22: each of these gave a graded key mark away."""
    before = [
        ("evaluation", 'an evaluation presented as fact ("the historic speech").', "ex02-q1: 'the historic speech'"),
        ("source", 'A document named through its maker ("the operator\'s application") is named; its source is the '
         "whole phrase.", "ex05-q4: \"the operator's application\""),
        ("anonymous", '4. **anonymous** when the words point at a particular person: "a fire officer", "one poster".',
         "ex01-q3: 'one poster'"),
        ("hedge", "A hidden source that can also be read as a hedge (K3: *studies show*, keyed `vague_source` with "
         "`hedge` accepted)", "ex05-q7: 'studies show'"),
    ]  # fmt: skip
    for label, sentence, leak in before:
        assert label in sentence
        assert any(line.startswith(leak) for line in example_leaks(sentence + "\n")), sentence
    # the same patterns on invented or free text are no leak: the practice article's report, the opening's relay
    harmless = 'an evaluation presented as fact ("the mayor\'s brave decision"); "This was conveyed by Prime Minister'
    assert example_leaks(harmless + ' Jonas Gahr Støre", a source.\n') == []


@pytest.mark.parametrize("path", [GUIDELINES, GUIDELINES_COPY], ids=lambda p: p.relative_to(REPO).as_posix())
def test_no_example_of_the_guidelines_gives_a_graded_key_mark_away(path):
    """Students read the guidelines (notebooks/annotation-guidelines.md): no example may be a graded answer."""
    assert path.exists(), f"{path.relative_to(REPO)} is missing: run python tools/sync_lessons.py"
    assert example_leaks(path.read_text(encoding="utf-8")) == []


# keyread24: K9 gave *is thought to* as its example of a hedge, and ex05-q6 and ex05-q7 key the Sandvik report's
# *are thought to* as a hedge: the same words but for the form of *be*, a short example the run detector above
# cannot see (one word of content). Review 3.4 had taken the phrase out of the ex05 prompts for that reason.
_BE = dict.fromkeys(("is", "are", "was", "were", "be", "been", "being"), "be")


def _forms(text: str) -> tuple[str, ...]:
    return tuple(_BE.get(w, w) for w, _, _ in _words(text))


def example_word_forms(text: str) -> list[str]:
    """Examples of the guidelines that are a graded key mark's words (the form of *be* aside), in a paragraph naming
    that mark's label or an accepted one; examples of function and cue words only (*according to*) are left out."""
    trivial = _trivial_words() | {"be"}
    marks = []
    for path in sorted((REPO / "course" / "keys").glob("*.json")):
        key = json.loads(path.read_text(encoding="utf-8"))
        for mark in key["marks"]:
            labels = {mark["label"]} | {r["label"] for r in mark.get("accept", [])}
            labels |= {"unsupported"} if labels & REASONS else set()
            marks.append((key["item"], mark["text"], labels))
    found = set()
    for example, block in guideline_examples(text):
        said = _forms(example)
        if not [w for w in said if w not in trivial]:
            continue
        named = " ".join(w for w, _, _ in _words(block.replace("_", " ")))
        for item_id, words, labels in marks:
            if _forms(words) == said and any(f" {label.replace('_', ' ')} " in f" {named} " for label in labels):
                found.add(f"{item_id}: {words!r} is the example {' '.join(example.split())!r}")
    return sorted(found)


def test_the_word_form_detector_finds_k9s_old_hedge_example():
    before = "- `hedge`: an uncertainty word carries the claim (*may*, *reportedly*, *is\n  thought to*).\n"
    assert example_word_forms(before) == ["ex05-q7: 'are thought to' is the example 'is thought to'"]
    assert example_word_forms(before.replace("hedge", "claim")) == []  # a paragraph that does not name the label


@pytest.mark.parametrize("path", [GUIDELINES, GUIDELINES_COPY], ids=lambda p: p.relative_to(REPO).as_posix())
def test_no_example_of_the_guidelines_is_a_graded_key_marks_words(path):
    assert example_word_forms(path.read_text(encoding="utf-8")) == []


# lab.sh serves the kit's folder (a self-learner's clone), so every folder at its root is one click from exercises/;
# scripts/jupyter-config/jupyter_server_config.py leaves the answers' folders out of the file browser. leak24: tests/
# was listed, and its files write the graded keys out as answers (13 files; 47 key marks with their labels in
# tests/unit/test_key_readings.py alone, 13 of the transfer exercise's ex05-q4).
LAB_CONFIG = REPO / "scripts" / "jupyter-config" / "jupyter_server_config.py"


def lab_hidden_names() -> list[str]:
    """The names lab.sh's file browser leaves out (``ContentsManager.hide_globs``, JupyterLab's own and the kit's)."""
    from jupyter_server.services.contents.manager import ContentsManager
    from traitlets.config import Config

    config = Config()
    exec(LAB_CONFIG.read_text(encoding="utf-8"), {"get_config": lambda: config})
    return ContentsManager(config=config).hide_globs


def key_mark_literals(text: str) -> list[str]:
    """Each graded key mark written with its label as a Python literal in ``text`` (``('mayor Lena Holt', 'source'``),
    the form an answer cell takes; not a mark of function words and the base's cue verbs only (``('said', 'cue'``
    is every reader's, as the guidelines define a cue by it)."""
    trivial = _trivial_words()
    found = []
    for path in sorted((REPO / "course" / "keys").glob("*.json")):
        key = json.loads(path.read_text(encoding="utf-8"))
        for mark in key["marks"]:
            if all(w in trivial for w, _, _ in _words(mark["text"])):
                continue
            pattern = r"""\(\s*(['"]){text}\1\s*,\s*(['"]){label}\2""".format(
                text=re.escape(mark["text"]), label=re.escape(mark["label"])
            )
            said = f"{key['item']}: {mark['text'][:40]!r} {mark['label']}"
            if re.search(pattern, text) and said not in found:
                found.append(said)
    return found


def lab_listed_files() -> list[Path]:
    """Every file lab.sh's file browser lists in a clone (dot files are JupyterLab's hidden files)."""
    import fnmatch

    hidden = lab_hidden_names()
    out = lambda name: name.startswith(".") or any(fnmatch.fnmatch(name, glob) for glob in hidden)  # noqa: E731
    found, todo = [], [p for p in REPO.iterdir() if not out(p.name)]
    while todo:
        path = todo.pop()
        if path.is_dir() and not path.is_symlink():
            todo += [p for p in path.iterdir() if not out(p.name)]
        elif path.is_file() and path.suffix in {".py", ".md", ".json", ".ipynb", ".yaml", ".txt", ".sh", ".js"}:
            found.append(path)
    return found


def test_the_key_mark_detector_finds_a_key_written_as_an_answer():
    given = "answer_q4 = [('mayor Lena Holt', 'source'), ('said', 'cue'), ('Arne Dahl', 'source')]"
    assert key_mark_literals(given) == ["ex05-q4: 'mayor Lena Holt' source", "ex05-q4: 'Arne Dahl' source"]
    assert key_mark_literals("answer_q4 = [('mayor Lena Holt', 'cue')]") == []  # a wrong label gives nothing away


def test_lab_sh_lists_no_file_that_holds_a_graded_key():
    listed = lab_listed_files()
    names = {p.relative_to(REPO).parts[0] for p in listed}
    assert {"exercises", "notebooks", "src"} <= names and not {"solutions", "course"} & names, names
    secret_lines = secrets()
    found = []
    for path in listed:
        text, name = path.read_text(encoding="utf-8", errors="replace"), str(path.relative_to(REPO))
        found += [f"{name}: {s[:60]}" for s in secret_lines if s in text]  # docs may show the markers, not a key
        found += [f"{name}: {hit}" for hit in key_mark_literals(text)]
    assert found == [], f"{len(found)} found: {found[:5]}"
