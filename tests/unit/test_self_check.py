"""A self-learner's way to check an exercise without a course: ``medialit self-check NOTEBOOK``.

Lesson 0 sends a learner working alone to the kit's ``exercises/`` folder, but an exercise's check cells
only test the format ("format OK, 3 marks read") and its score "comes from hidden tests when the notebook
is graded": without a course nobody grades it. ``self-check`` scores the saved notebook and highlights from
the kit's ``solutions/`` with the course's own grading as data, and prints feedback that never quotes the key.
The kit layout is copied into a temporary folder (the real notebooks, the real source notebook and key).
"""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import nbformat
import pytest

from medialit.cli import main
from medialit.exercises.items import item
from medialit.instructor.exercise_notebook import HOW
from medialit.instructor.grade_data import hidden_checks
from medialit.instructor.self_check import SelfCheckError, by_hand, find_exercise, self_check

REPO = Path(__file__).resolve().parents[2]
NAME = "ex01-attribution"


@pytest.fixture
def kit(tmp_path: Path) -> Path:
    """The released exercise under exercises/, its source under solutions/, as in the kit's checkout."""
    for part in ("exercises", "solutions"):
        shutil.copytree(REPO / part / NAME, tmp_path / part / NAME)
    return tmp_path / "exercises" / NAME / f"{NAME}.ipynb"


def answer(notebook: Path, item: str, value: str) -> None:
    nb = nbformat.read(notebook, as_version=4)
    cell = next(c for c in nb.cells if c.metadata.get("nbgrader", {}).get("grade_id") == f"{item}-answer")
    cell.source = f"answer_{item.rsplit('-', 1)[1]} = {value}"
    nbformat.write(nb, notebook)


def key_answer(item: str) -> str:
    """The key's required marks written as a learner's list ``[('words', 'label'), ...]``."""
    key = json.loads((REPO / "course" / "keys" / f"{item}.json").read_text(encoding="utf-8"))
    return repr([(m["text"], m["label"]) for m in key["marks"] if not m.get("optional")])


def test_a_right_answer_scores_full_points_and_a_blank_one_says_why(kit):
    answer(kit, "ex01-q3", key_answer("ex01-q3"))
    grades = {g.check.item: g for g in self_check(find_exercise(kit))}
    assert grades["ex01-q3"].points == grades["ex01-q3"].max_points == 3
    assert grades["ex01-q1"].points == 0 and "no saved highlights" in grades["ex01-q1"].reason


def test_the_command_prints_points_and_feedback_without_the_key(kit, capsys, monkeypatch):
    answer(kit, "ex01-q3", "[('YouTube', 'named')]")
    monkeypatch.chdir(kit.parent)  # `!medialit self-check ex01-attribution.ipynb` from a cell of the notebook
    assert main(["self-check"]) == 0
    out = capsys.readouterr().out
    assert "ex01-q3: " in out and "total: " in out and "of 10 points" in out
    key = json.loads((REPO / "course" / "keys" / "ex01-q3.json").read_text(encoding="utf-8"))
    missed = [m["text"] for m in key["marks"] if not m.get("optional") and m["text"] != "YouTube"]
    assert missed and not any(f"'{words}'" in out or f"‘{words}’" in out for words in missed)


def test_questions_left_blank_get_their_hint_once_naming_them_with_each_ones_points(kit, capsys):
    """fix24: a fresh exercise's self-check said the answer cell's hint ("no saved highlights (ex05-q1.highlights.json)
    and no answer in the cell: mark the text in the highlighter above ...") once per question: 8 lines of about 200
    characters for ex05-transfer. Each blank question now has its points on a short line and the hint is said once,
    naming them; a single blank question keeps its own line."""
    answer(kit, "ex01-q3", "[('YouTube', 'named')]")

    def run() -> str:
        assert main(["self-check", str(kit)]) == 0
        out, err = capsys.readouterr()
        assert not err and "Traceback" not in out
        return out

    out = run()
    assert out.count("no saved highlights") == 1 and out.count("mark the text in") == 1, out
    assert "\nex01-q1: 0 of 3 points: not answered\nex01-q2: 0 of 2 points: not answered\n\nex01-q3: " in out, out
    assert "\nex01-q4: 0 of 2 points: not answered\n  ex01-q1, ex01-q2, ex01-q4: no saved highlights and no " in out
    assert re.search(r"^ex01-q3: [\d.]+ of 3 points", out, re.M) and "total: " in out
    for done in ("ex01-q1", "ex01-q2"):
        answer(kit, done, key_answer(done))
    out = run()
    assert out.count("no saved highlights") == 1 and "not answered" not in out, out
    assert "\nex01-q4: 0 of 2 points: no saved highlights (ex01-q4.highlights.json) and no answer in the cell" in out


def test_a_notebook_outside_the_kit_gets_one_line_not_a_traceback(tmp_path, capsys, monkeypatch):
    lonely = tmp_path / NAME / f"{NAME}.ipynb"
    lonely.parent.mkdir()
    shutil.copy(REPO / "exercises" / NAME / f"{NAME}.ipynb", lonely)
    assert main(["self-check", str(lonely)]) == 2
    err = capsys.readouterr().err.strip()
    assert len(err.splitlines()) == 1 and "solutions/" in err and "Traceback" not in err
    assert main(["self-check", str(tmp_path / "missing.ipynb")]) == 2
    assert main(["self-check", str(REPO / "solutions" / NAME / f"{NAME}.ipynb")]) == 2  # the source, not a copy
    assert main(["self-check", str(tmp_path)]) == 2
    monkeypatch.chdir(tmp_path)  # no notebook here: name one
    assert main(["self-check"]) == 2


def test_run_from_a_folder_it_finds_the_notebook_that_runs_it_or_says_where_the_exercises_are(kit, capsys, monkeypatch):
    """self21: `!medialit self-check` in the lessons' folder said "10 notebooks here; give the exercise's file", so a
    learner named a lesson; beside a File > Duplicate copy it refused both. Now: the lessons' folder says where the
    exercises are; with several notebooks, the one whose kernel runs the command (jupyter_server starts a notebook's
    kernel with JPY_SESSION_NAME, its path) is checked, else the names are listed; an exercise's folder is its notebook.
    """
    lessons = kit.parents[2] / "notebooks"
    shutil.copytree(REPO / "notebooks", lessons, ignore=shutil.ignore_patterns("sources", "questions", "articles"))
    monkeypatch.delenv("JPY_SESSION_NAME", raising=False)
    monkeypatch.chdir(lessons)
    assert main(["self-check"]) == 2
    err = capsys.readouterr().err
    assert "no exercise here (10 notebooks, none with answer cells)" in err and "exercises/ex01-attribution/" in err
    answer(kit, "ex01-q3", key_answer("ex01-q3"))
    copy = kit.with_name(f"{NAME}-Copy1.ipynb")
    shutil.copy(kit, copy)
    answer(kit, "ex01-q3", "[]")
    monkeypatch.chdir(kit.parent)
    assert main(["self-check"]) == 2
    err = capsys.readouterr().err.strip()
    assert len(err.splitlines()) == 1 and f"2 notebooks here ({copy.name}, {kit.name}); name the one to check" in err
    monkeypatch.setenv("JPY_SESSION_NAME", str(copy))
    assert main(["self-check"]) == 0
    out = capsys.readouterr().out
    assert out.startswith(f"{copy.name} as last saved") and "total: 3 of 10 points" in out
    monkeypatch.setenv("JPY_SESSION_NAME", str(kit))
    assert main(["self-check"]) == 0 and "total: 0 of 10 points" in capsys.readouterr().out
    copy.unlink()
    monkeypatch.chdir(kit.parents[2])
    assert main(["self-check", f"exercises/{NAME}"]) == 0 and capsys.readouterr().out.startswith(kit.name)


def test_every_released_exercise_tells_a_learner_working_alone_how_to_check_it():
    assert "medialit self-check" in HOW
    for notebook in sorted((REPO / "exercises").glob("*/*.ipynb")):
        intro = nbformat.read(notebook, as_version=4).cells[0].source
        assert "`!medialit self-check`" in " ".join(intro.split()), notebook.name
        assert "written yours" in intro and "model answer" in " ".join(intro.split()), notebook.name  # self21


def test_a_written_answer_is_named_as_not_checked_rather_than_left_out(tmp_path, capsys, monkeypatch):
    name = "ex03-framing"
    for part in ("exercises", "solutions"):
        shutil.copytree(REPO / part / name, tmp_path / part / name)
    monkeypatch.chdir(tmp_path / "exercises" / name)
    assert main(["self-check"]) == 0
    out = capsys.readouterr().out
    assert "ex03-q2: a written answer, not checked here" in out and "written answers not counted" in out


# ---------------------------------------------------------------- a written answer's model answer (self21)

EX03 = "ex03-framing"
MINE = "The war words make a dispute look like an armed conflict. They are Ingram's, quoted at length by the reporter."


def write(notebook: Path, grade_id: str, text: str) -> None:
    nb = nbformat.read(notebook, as_version=4)
    next(c for c in nb.cells if c.metadata.get("nbgrader", {}).get("grade_id") == grade_id).source = text
    nbformat.write(nb, notebook)


def model_lines(source: Path, grade_id: str) -> list[str]:
    """The source cell's lines long enough to be the model answer's or the rubric's own (not a stray word)."""
    nb = nbformat.read(source, as_version=4)
    cell = next(c for c in nb.cells if c.metadata.get("nbgrader", {}).get("grade_id") == grade_id)
    return [line.strip() for line in cell.source.splitlines() if len(line.strip()) > 12]


def test_a_written_answer_shows_the_model_answer_and_rubric_only_after_the_learner_wrote_their_own(tmp_path, capsys):
    """A learner alone has no teacher to mark ex03-q2: self-check shows the kit's model answer and rubric from
    solutions/, but never for the released stub, an empty cell or a word or two, and not while another question has
    no answer (the model names ex03-q1's loaded words, which its feedback never quotes). Before (self21): the line
    said "compare it with the question and the guidelines yourself" whatever the learner wrote, and no model came."""
    for part in ("exercises", "solutions"):
        shutil.copytree(REPO / part / EX03, tmp_path / part / EX03)
    notebook = tmp_path / "exercises" / EX03 / f"{EX03}.ipynb"
    model = model_lines(REPO / "solutions" / EX03 / f"{EX03}.ipynb", "ex03-q2-answer")
    assert len(model) > 8 and any(line.startswith("**Rubric") for line in model)

    def run() -> str:
        assert main(["self-check", str(notebook)]) == 0
        out, err = capsys.readouterr()
        assert not err and "Traceback" not in out
        return out

    for text, said in [
        ("YOUR ANSWER HERE", "not answered yet"),
        ("   \n", "not answered yet"),
        ("YOUR ANSWER HERE\n\nwar words", "too short to compare (2 words)"),
        (MINE, "answer ex03-q1, ex03-q3, ex03-q4 first"),
    ]:
        write(notebook, "ex03-q2-answer", text)
        out = run()
        assert "ex03-q2: a written answer, not checked here (2 points in a course" in out and said in out, text
        assert not [line for line in model if line in out], text
        if said == "not answered yet":  # student25: a keyboard-only learner opens the cell with Enter, no mouse
            assert "double-click it, or press Enter on it, to edit" in out, out
    nb = nbformat.read(notebook, as_version=4)  # the rendered answer cell takes no typing: a cell of one's own below
    at = next(i for i, c in enumerate(nb.cells) if c.metadata.get("nbgrader", {}).get("grade_id") == "ex03-q2-answer")
    nb.cells[at].source = "YOUR ANSWER HERE"
    nb.cells.insert(at + 1, nbformat.v4.new_markdown_cell(MINE))
    nbformat.write(nb, notebook)
    out = run()
    assert f"your answer is in cell {at + 2}, a cell of its own" in out and "move your words into it" in out
    assert "press Enter on it, to edit" in out
    assert not [line for line in model if line in out]
    del nb.cells[at + 1]
    nbformat.write(nb, notebook)
    for other in ("ex03-q1", "ex03-q3", "ex03-q4"):
        answer(notebook, other, key_answer(other))
    write(notebook, "ex03-q2-answer", "YOUR ANSWER HERE")  # everything else answered: still not before one's own
    out = run()
    assert "not answered yet" in out and not [line for line in model if line in out]
    write(notebook, "ex03-q2-answer", f"YOUR ANSWER HERE\n\n{MINE}")  # written below the stub: it counts
    out = run()
    assert "here is the kit's model answer and what a teacher looks for" in out
    assert all(line in out for line in model) and "written answers not counted" in out


def test_a_fake_solutions_folder_shows_only_the_fake_never_the_kit_model_answer(tmp_path, capsys):
    """A course student has no solutions/; one who makes one above a released exercise gets what it holds and no
    more: the model answer is read from that folder at run time, never from medialit's own code or data."""
    home = tmp_path / "home"
    shutil.copytree(REPO / "exercises" / EX03, home / "exercises" / EX03)
    shutil.copytree(REPO / "exercises" / EX03, home / "solutions" / EX03)  # the release itself: no key, no model
    fake = home / "solutions" / EX03 / f"{EX03}.ipynb"
    write(fake, "ex03-q2-answer", "FAKE model answer: whatever the student typed here.\n\n**Rubric.** FAKE too.")
    notebook = home / "exercises" / EX03 / f"{EX03}.ipynb"
    write(notebook, "ex03-q2-answer", MINE)
    assert main(["self-check", str(notebook)]) == 0
    out, err = capsys.readouterr()
    assert not err and "FAKE model answer: whatever the student typed here." in out and "FAKE too." in out
    real = model_lines(REPO / "solutions" / EX03 / f"{EX03}.ipynb", "ex03-q2-answer")
    assert real and not [line for line in real if line in out]
    keys = [json.loads(p.read_text(encoding="utf-8")) for p in (REPO / "course" / "keys").glob("ex03-*.json")]
    assert not [m["rationale"] for k in keys for m in k["marks"] if m["rationale"] in out]
    shutil.rmtree(home / "solutions")  # and without it: the one-line refusal, nothing shown
    assert main(["self-check", str(notebook)]) == 2
    out, err = capsys.readouterr()
    assert not out and "cannot be checked here" in err and len(err.strip().splitlines()) == 1


def test_the_exercise_is_found_once_and_scored_and_listed_from_that_finding(tmp_path):
    """``find_exercise`` names the source folder and its medialit items; the scores and the written answers left to a
    teacher are both read from that one finding (the command used to look for the source and its checks twice)."""
    name = "ex03-framing"
    for part in ("exercises", "solutions"):
        shutil.copytree(REPO / part / name, tmp_path / part / name)
    exercise = find_exercise(tmp_path / "exercises" / name / f"{name}.ipynb")
    assert exercise.source == tmp_path / "solutions" / name
    items = sorted(c.item for c in exercise.checks)
    assert items and "ex03-q2" not in items
    assert sorted(g.check.item for g in self_check(exercise)) == items
    assert [(w.grade_id, w.points, w.own, w.answered) for w in by_hand(exercise)] == [
        ("ex03-q2-answer", 2.0, "", False)
    ]


def test_a_copy_made_by_jupyterlab_or_saved_under_another_name_is_checked_as_its_exercise(kit, capsys):
    """File > Duplicate makes ``ex01-attribution-Copy1.ipynb``; Save As any name: the answer cells' ids say which."""
    answer(kit, "ex01-q3", key_answer("ex01-q3"))
    for name in (f"{NAME}-Copy1.ipynb", f"{NAME}-Copy12.ipynb", "my second try.ipynb"):
        copy = kit.with_name(name)
        shutil.copy(kit, copy)
        grades = {g.check.item: g.points for g in self_check(find_exercise(copy))}
        assert grades == {"ex01-q1": 0, "ex01-q2": 0, "ex01-q3": 3, "ex01-q4": 0}, name
        assert main(["self-check", str(copy)]) == 0 and "total: 3 of 10 points" in capsys.readouterr().out


def test_the_answer_cells_decide_the_exercise_never_the_name_alone(kit):
    """A notebook named like ex01 that holds ex02's answer cells is checked as ex02, never against ex01's key;
    one whose metadata was stripped is found by its name, JupyterLab's copy suffix taken off."""
    root = kit.parents[2]
    for part in ("exercises", "solutions"):
        shutil.copytree(REPO / part / "ex02-unsupported", root / part / "ex02-unsupported")
    misnamed = kit.with_name(f"{NAME}-Copy1.ipynb")
    shutil.copy(root / "exercises" / "ex02-unsupported" / "ex02-unsupported.ipynb", misnamed)
    assert {g.check.item.split("-")[0] for g in self_check(find_exercise(misnamed))} == {"ex02"}
    bare = nbformat.read(kit, as_version=4)
    for cell in bare.cells:
        cell.metadata.pop("nbgrader", None)
    nbformat.write(bare, kit.with_name(f"{NAME}-Copy2.ipynb"))
    grades = self_check(find_exercise(kit.with_name(f"{NAME}-Copy2.ipynb")))
    assert {g.check.item for g in grades} == {"ex01-q1", "ex01-q2", "ex01-q3", "ex01-q4"}
    assert all("answer cell was deleted" in g.reason for g in grades)  # no cell says which answer is which
    nbformat.write(bare, kit.with_name("Untitled.ipynb"))  # no ids, no exercise's name: not guessed
    with pytest.raises(SelfCheckError, match="no source for Untitled"):
        find_exercise(kit.with_name("Untitled.ipynb"))


# ---------------------------------------------------------------- a dishonest learner's view (follow19)

BLIND = ("empty", "every sentence, every label", "every word", "one mark per sentence", "the whole part", "analyzer")


def blind_answer(check, how: str) -> list[dict] | None:
    """An answer built without the key: marks placed by rule over the item's part (None: a speaker item)."""
    it = item(check.item)
    article, (lo, hi) = it.load(), it.bounds()
    if it.kind == "speakers":
        return None
    sentences = [(s, e) for s, e in article.sentences if lo <= s and e <= hi]
    words = [(m.start() + lo, m.end() + lo) for m in re.finditer(r"\w[\w'’-]*", article.body[lo:hi])]
    labels = it.labels
    places = {
        "empty": [],
        "every sentence, every label": [(s, e, label) for s, e in sentences for label in labels],
        "every word": [(s, e, labels[0]) for s, e in words],
        "one mark per sentence": [(s, e, labels[i % len(labels)]) for i, (s, e) in enumerate(sentences)],
        "the whole part": [(lo, hi, label) for label in labels],
    }.get(how)
    if places is None:  # the analyzer's own findings, given the item's labels where they have one
        places = machine_marks(article, labels)
    inside = [(s, e, label) for s, e, label in places if lo <= s and e <= hi]
    return [{"start": s, "end": e, "label": label} for s, e, label in inside[:300]]


def grade_id(cell) -> str:
    return cell.metadata.get("nbgrader", {}).get("grade_id", "")


def machine_marks(article, labels) -> list[tuple[int, int, str]]:
    from medialit.nlp.analysis import analyze

    found = analyze(article)
    named = [(a.source, kind) for a in found.attributions if a.source for kind in ("source", a.source_kind)]
    named += [(a.cue, kind) for a in found.attributions for kind in ("cue", a.kind)]
    named += [(s, r.split()[0]) for s in found.sentences if s.label == "unsupported" for r in (*s.reasons, "no_source")]
    named += [(f, label) for f in found.framing for label in (f.label, "loaded")]
    places: dict[tuple[int, int], str] = {}
    for span, label in named:
        if label in labels:
            places.setdefault((span.start, span.end), label)
    return [(s, e, label) for (s, e), label in places.items()]


@pytest.mark.parametrize("exercise", sorted(p.name for p in (REPO / "exercises").iterdir()))
def test_an_answer_built_without_the_key_is_never_told_a_key_place_it_did_not_mark(exercise, tmp_path, capsys):
    """Every released exercise, six blind answers: self-check exits 0 with a total, never a traceback, and quotes
    no key mark's words (required, optional or accepted reading) the learner's own marks do not touch; an answer
    that earned nothing gets no rationale ('why:') at all, since rationales would explain the key's places.

    Found (follow19): the analyzer's output earns points, and the rationale of a mark it found through a
    shorter reading heads its line with the key's whole extent (‘have stated’ for 'stated', ‘all-out war’ for
    'war'): a found mark's own rationale, as a course releases it, so it is allowed here and no more.
    """
    for part in ("exercises", "solutions"):
        shutil.copytree(REPO / part / exercise, tmp_path / part / exercise)
    notebook = tmp_path / "exercises" / exercise / f"{exercise}.ipynb"
    checks = hidden_checks(tmp_path / "solutions" / exercise)
    for how in BLIND:
        nb = nbformat.read(notebook, as_version=4)
        given: dict[str, list[dict]] = {}  # the learner's marks by article: items on one article share its words
        for check in checks:
            marks = blind_answer(check, how)
            if marks is not None:
                given.setdefault(item(check.item).article, []).extend(marks)
                cell = next(c for c in nb.cells if grade_id(c) == f"{check.item}-answer")
                cell.source = f"{check.variable} = {marks!r}"
        nbformat.write(nb, notebook)
        assert main(["self-check", str(notebook)]) == 0, how
        out, err = capsys.readouterr()
        assert not err and "Traceback" not in out and "\ntotal: " in out, how
        quoted = {" ".join(q.split()) for q in re.findall(r"‘([^’]+)’", out)}
        touched, untouched = set(), set()  # the words of every reading of a key mark the learner's marks overlap
        for check in checks:
            body, ours = item(check.item).load().body, given.get(item(check.item).article, [])
            for mark in check.key["marks"]:
                places = [(p["start"], p["end"]) for p in (mark, *mark.get("accept", ()))]
                words = {" ".join(body[s:e].split()) for s, e in places}
                hit = any(m["start"] < e and s < m["end"] for s, e in places for m in ours)
                (touched if hit else untouched).update((check.item, w) for w in words)
        shown = {w for _, w in touched}  # the same words elsewhere (a pronoun, a name) are not this mark's
        leaked = sorted((i, w) for i, w in untouched if w in quoted and w not in shown)
        assert not leaked, (how, leaked)
        if how != "analyzer":
            assert "total: 0 of " in out and "why: " not in out, how


def test_a_course_student_cannot_run_it_on_a_released_exercise_even_with_a_kit_beside_it(tmp_path, capsys):
    """The kit's solutions/ counts only above the notebook: a released exercise (or a JupyterLab copy of it) in a
    student's folder gets the one-line refusal and exit 2, even where a full kit sits in a sibling folder."""
    for part in ("exercises", "solutions"):
        shutil.copytree(REPO / part / NAME, tmp_path / "kit" / part / NAME)
    home = tmp_path / "home" / "exercises" / NAME
    home.mkdir(parents=True)
    for name in (f"{NAME}.ipynb", f"{NAME}-Copy1.ipynb", "mine.ipynb"):
        shutil.copy(REPO / "exercises" / NAME / f"{NAME}.ipynb", home / name)
        assert main(["self-check", str(home / name)]) == 2, name
        out, err = capsys.readouterr()
        assert not out and len(err.strip().splitlines()) == 1 and "cannot be checked here" in err, name
        assert "Traceback" not in err and "KEY" not in err


@pytest.mark.parametrize("name", ["ex03-framing", "ex04-provenance"])
def test_a_copied_question_passage_or_filler_does_not_open_the_model_answer_a_short_answer_of_ones_own_does(
    name, tmp_path, capsys
):
    """self22: the model answer waited for five words in the answer cell, so pasting the question there (25 words,
    ex03-q2), a stretch of the passage, or one word typed five times showed the kit's model answer and rubric without
    an answer written. Words of one's own count: not runs of six copied from the question or a passage."""
    from medialit.exercises.items import item

    for part in ("exercises", "solutions"):
        shutil.copytree(REPO / part / name, tmp_path / part / name)
    notebook = tmp_path / "exercises" / name / f"{name}.ipynb"
    released = nbformat.read(notebook, as_version=4).cells
    written = next(c for c in released if c.cell_type == "markdown" and c.metadata.get("nbgrader", {}).get("solution"))
    grade = written.metadata["nbgrader"]["grade_id"]
    question = next(
        c.source for c in released if c.metadata.get("nbgrader", {}).get("grade_id") == f"{grade[:-7]}-question"
    )
    checks = find_exercise(notebook).checks
    for check in checks:
        answer(notebook, check.item, key_answer(check.item))  # every other question answered: only the gate is left
    passage = " ".join(item(checks[0].item).text().split()[:40])
    model = model_lines(REPO / "solutions" / name / f"{name}.ipynb", grade)
    for text in (question, f"YOUR ANSWER HERE\n\n{question}", passage, "yes yes yes yes yes yes yes", question + " ok"):
        write(notebook, grade, text)
        assert main(["self-check", str(notebook)]) == 0
        out = capsys.readouterr().out
        assert not [line for line in model if line in out], text
        assert "not yet in your own words (it repeats the question or the text" in out or "too short" in out, text
    write(notebook, grade, "They make the council look bad and reckless.")  # short, honest, in the question's words
    assert main(["self-check", str(notebook)]) == 0
    assert "here is the kit's model answer" in capsys.readouterr().out  # review22: told "not yet in your own words"
    write(notebook, grade, "They make it sound like a fight; the reporter picked these words, page 4 is the board's.")
    assert main(["self-check", str(notebook)]) == 0
    out = capsys.readouterr().out
    assert "here is the kit's model answer" in out and all(line in out for line in model)


def test_the_last_exercise_sets_the_lesson_0_pre_test_beside_it_per_skill_for_a_learner_alone(tmp_path, capsys):
    """self22: lesson 0 says the pre-test is compared at the end ("so you and your teacher can see what you learned");
    a course's report does it (growth per skill), a learner alone had nothing. ex05-transfer's self-check now sets the
    pre-test saved in notebooks/ beside its items of each skill, once every item has an answer; no change is computed,
    and an exercise that measures no pre-test skill shows nothing of it."""
    name = "ex05-transfer"
    for part in ("exercises", "solutions"):
        shutil.copytree(REPO / part / name, tmp_path / part / name)
    (tmp_path / "course").mkdir()
    shutil.copy(REPO / "course" / "pretest-key.json", tmp_path / "course")
    notebook = tmp_path / "exercises" / name / f"{name}.ipynb"

    def run(path: Path = notebook) -> str:
        assert main(["self-check", str(path)]) == 0
        out, err = capsys.readouterr()
        assert not err and "Traceback" not in out
        return out

    assert "once every question here has an answer, this shows your lesson 0 pre-test" in run()
    checks = find_exercise(notebook).checks
    for check in checks:
        answer(notebook, check.item, key_answer(check.item))
    assert "before and after: no pre-test saved" in run()
    key = json.loads((REPO / "course" / "pretest-key.json").read_text(encoding="utf-8"))["answers"]
    mine = dict(key) | {"p1": "a" if key["p1"] != "a" else "b"}  # one attribution question wrong
    (tmp_path / "notebooks").mkdir()
    (tmp_path / "notebooks" / "pretest.json").write_text(json.dumps({"format": "medialit-pretest", "answers": mine}))
    out = run()
    assert "before and after, per skill: your lesson 0 pre-test, then this exercise's questions" in out
    attribution = r"^  who is speaking \(attribution and source\): pre-test 1 of 2 right; here [\d.]+ of \d+ points$"
    assert re.search(attribution, out, re.M), out
    assert len(re.findall(r": pre-test \d of 2 right; here ", out)) == 6 and "not as a score that went up" in out
    shutil.copytree(REPO / "exercises" / NAME, tmp_path / "exercises" / NAME)  # ex01 measures no pre-test skill
    shutil.copytree(REPO / "solutions" / NAME, tmp_path / "solutions" / NAME)
    assert "before and after" not in run(tmp_path / "exercises" / NAME / f"{NAME}.ipynb")


ALONE_AFTER = {
    "03-claims-and-evidence": ("ex01-attribution", "ex02-unsupported"),
    "09-news-opinion-and-advertising": ("ex03-framing",),
    "05-where-did-this-text-come-from": ("ex04-provenance",),
    "08-images-and-generated-content": ("ex05-transfer",),
}


def test_a_learner_alone_is_told_which_exercise_follows_which_lesson_and_what_comes_after_the_last():
    """self22: the order of lessons and exercises was only in course/syllabus.md, which lab.sh's file browser does not
    list; lesson 0 pointed at exercises/ at the start, so a learner alone could take ex01 before lesson 2, and lesson 8
    (after which the syllabus gives ex05) ended with no word of ex05 or of the pre-test kept for it. Each exercise is
    now named once, at the end of the lesson the syllabus puts it after, and lesson 0 gives the whole order."""
    syllabus = " ".join((REPO / "course" / "syllabus.md").read_text(encoding="utf-8").split())
    assert "ex01 and ex02 come after lessons 2 and 3, ex03 after lessons 4 and 9, ex04 after lesson 5, ex05" in syllabus
    assert sorted(e for names in ALONE_AFTER.values() for e in names) == sorted(
        p.name for p in (REPO / "exercises").iterdir() if p.is_dir()
    )
    lessons = {p.stem: nbformat.read(p, as_version=4) for p in sorted((REPO / "notebooks").glob("0*.ipynb"))}
    for lesson, nb in lessons.items():
        paragraphs = [p for c in nb.cells for p in c.source.split("\n\n") if p.startswith("**Working alone?")]
        named = sorted(set(re.findall(r"`(ex0\d-[a-z]+)`", " ".join(paragraphs))))
        assert named == sorted(ALONE_AFTER.get(lesson, ())), lesson
    start = " ".join(" ".join(c.source for c in lessons["00-start-here"].cells).split())
    assert (
        "`ex01-attribution` and `ex02-unsupported` after lesson 3, `ex03-framing` after lesson 9, `ex04-provenance` "
        "after lesson 5, and `ex05-transfer` after lesson 8, before lesson 7, the project, which comes last" in start
    )
    last = " ".join(" ".join(c.source for c in lessons["08-images-and-generated-content"].cells).split())
    assert "Then lesson 7, the course's project, comes last" in last and "pre-test (`pretest.json`)" in last


def test_the_command_line_does_not_import_the_http_client_until_self_check_asks_a_server():
    """self23: ``running_notebook`` costs about 5 ms a call, but importing it brought ``urllib.request`` (with
    ``http.client`` and ``ssl``, 44 to 118 ms) into every ``medialit`` command, ``analyze`` and ``doctor`` too."""
    import subprocess
    import sys

    code = "import sys, medialit.cli; print(sorted({'urllib.request', 'http.client', 'ssl'} & set(sys.modules)))"
    run = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=REPO)
    assert run.stdout.strip() == "[]", run.stdout
