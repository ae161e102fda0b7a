"""An instructor's course after grading: what the report says about the key, a key fixed after grading, and
the course commands run where there is no course.

One small real course (``medialit course init``, ex01 released by the real ``nbgrader generate_assignment``),
three students as ``nbgrader collect`` leaves them: the model answer, q1 only, the release unchanged.
"""

from __future__ import annotations

import ast
import csv
import datetime
import json
import os
import shutil
import subprocess
import sys
from dataclasses import replace
from pathlib import Path

import attacks
import nbformat
import pytest
from attacks import EX01, answer_cells, cell, nb_path, solution_source
from nbformat.v4 import new_code_cell, new_notebook

from medialit.core import sidecar
from medialit.instructor import course

pytestmark = [pytest.mark.nbgrader, pytest.mark.slow]


@pytest.fixture(scope="module")
def template(tmp_path_factory, nbgrader_env) -> Path:
    small = attacks.new_course(tmp_path_factory.mktemp("instructor") / "course", EX01, timeout=6)
    small.submit("alice", EX01, attacks.solved(small, EX01))
    q1 = solution_source(small.source(EX01), "ex01-q1-answer")
    small.submit("bob", EX01, answer_cells(small, EX01, **{"ex01-q1-answer": q1}))
    small.submit("carol", EX01, small.release(EX01))
    return small.root


@pytest.fixture
def small(template, tmp_path) -> attacks.SmallCourse:
    root = tmp_path / "course"
    shutil.copytree(template, root, symlinks=True)
    return attacks.SmallCourse(root)


def cli(medialit_command: list[str], *args: str, cwd: Path | None = None) -> subprocess.CompletedProcess:
    return subprocess.run([*medialit_command, *args], capture_output=True, text=True, timeout=600, cwd=cwd)


def totals(root: Path) -> dict[str, float]:
    return {row["student"]: row["total"] for row in course.scores_table(root, EX01)}


def test_most_missed_leaves_out_optional_marks_and_marks_csv_names_them(small, medialit_command):
    graded = cli(medialit_command, "course", "grade", EX01, "--course", str(small.root))
    assert graded.returncode == 0, graded.stderr
    # an empty hand-in is one short line, not the student's hint four times over
    blank = "carol: 0 points; not answered (no highlights, no answer in the cell): " + ", ".join(
        f"ex01-q{i}-test" for i in (1, 2, 3, 4)
    )
    assert blank + "\n" in graded.stdout
    done = cli(medialit_command, "course", "report", EX01, "--course", str(small.root))
    assert done.returncode == 0, done.stderr
    out = small.root / "reports" / EX01
    with (out / "marks.csv").open(encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    optional = {(r["item"], r["mark"]) for r in rows if r["optional"] == "yes"}
    # K11 and K5: Aftenposten naming itself and the nested 'I' cost nothing and earn nothing
    assert ("ex01-q1", "sentence 22, ‘Aftenposten’ (1st in the part)") in optional
    assert ("ex01-q1", "sentence 19, ‘I’ (1st in the part)") in optional
    missed = (out / "most-missed.md").read_text(encoding="utf-8").split("# Marks not in the key")[0]
    table = [line for line in missed.splitlines() if line.startswith("| ex01-")]
    assert table, missed  # bob and carol missed required marks of q2 to q4
    assert not [line for line in table if any(f"| {i} | {m} |" in line for i, m in optional)], table
    alt = (out / "key-heatmap.png.alt.txt").read_text(encoding="utf-8")
    assert "Optional marks (labelled so) are not counted" in alt


def _relabel_believes(root: Path) -> None:
    """The instructor's key fix: ‘believes’ keyed as a source, not a cue (q1's hidden test in source/)."""
    path = nb_path(root / "source", EX01)
    nb = nbformat.read(path, as_version=4)
    test = next(c for c in nb.cells if c.metadata.get("nbgrader", {}).get("grade_id") == "ex01-q1-test")
    old = "'label': 'cue',\n            'text': 'believes'"
    assert old in test.source
    test.source = test.source.replace(old, "'label': 'source',\n            'text': 'believes'")
    nbformat.write(nb, path)


def test_a_key_fixed_after_grading_regrades_everyone_and_the_report_names_the_key(small, medialit_command):
    root = str(small.root)
    assert cli(medialit_command, "course", "grade", EX01, "--course", root).returncode == 0
    before = totals(small.root)
    assert before["alice"] == 10.0 and before["bob"] == 3.0
    _relabel_believes(small.root)

    report = cli(medialit_command, "course", "report", EX01, "--course", root)
    assert "WARNING: alice, bob, carol graded with an older key" in report.stdout
    head = (small.root / "reports" / EX01 / "most-missed.md").read_text(encoding="utf-8").splitlines()[2]
    assert "**graded with an older key: alice, bob, carol**" in head

    done = cli(medialit_command, "course", "grade", EX01, "--course", root)  # no --force: the key changed
    assert done.returncode == 0, done.stderr
    assert "the key changed since 3 students were graded: graded again with key" in done.stdout
    after = totals(small.root)
    assert after["alice"] < 10.0 and after["bob"] < 3.0 and after["carol"] == 0.0  # ‘believes’ as a cue is wrong now
    version = done.stdout.split("graded again with key ")[1].split()[0]
    cli(medialit_command, "course", "report", EX01, "--course", root)
    head = (small.root / "reports" / EX01 / "most-missed.md").read_text(encoding="utf-8").splitlines()[2]
    assert f"Key version `{version}`" in head and "every student's grades were made with it" in head
    again = cli(medialit_command, "course", "grade", EX01, "--course", root)
    assert f"nothing to grade; 3 already graded with key {version}" in again.stdout


@pytest.mark.parametrize("action", ["grade", "report"])
def test_course_commands_outside_a_course_say_so_and_write_nothing(medialit_command, tmp_path, action):
    done = cli(medialit_command, "course", action, EX01, cwd=tmp_path)
    assert done.returncode == 2
    assert done.stderr.count("\n") == 1 and "is not a course directory (no nbgrader_config.py)" in done.stderr
    assert "medialit course init" in done.stderr and not list(tmp_path.iterdir())  # no stray gradebook.db


def test_a_mistyped_assignment_names_the_released_one(small, medialit_command):
    done = cli(medialit_command, "course", "grade", "ex01-atribution", "--course", str(small.root))
    assert done.returncode == 2 and done.stderr.count("\n") == 1
    assert "ex01-atribution is not released" in done.stderr and "did you mean ex01-attribution?" in done.stderr


def test_a_key_that_no_longer_fits_its_article_grades_nobody(small, medialit_command):
    root = str(small.root)
    assert cli(medialit_command, "course", "grade", EX01, "--course", root).returncode == 0
    before = totals(small.root)
    path = nb_path(small.root / "source", EX01)  # as after editing the article the key was made on
    nb = nbformat.read(path, as_version=4)
    test = next(c for c in nb.cells if c.metadata.get("nbgrader", {}).get("grade_id") == "ex01-q3-test")
    start = test.source.index("'body_sha256': '") + len("'body_sha256': '")
    test.source = test.source[:start] + "0" * 64 + test.source[start + 64 :]
    nbformat.write(nb, path)
    done = cli(medialit_command, "course", "grade", EX01, "--force", "--course", root)
    assert done.returncode == 2 and done.stderr.count("\n") == 1, done.stderr
    assert "the key in ex01-q3-test does not fit ex01-q3's article (body_sha256 does not match" in done.stderr
    assert "nothing was graded" in done.stderr
    assert totals(small.root) == before  # not everyone 0 on q3 in the gradebook


def test_the_summary_counts_a_hand_grade_that_replaced_an_auto_score(small, medialit_command):
    """verify15b: after a grader overrode bob's q1 (3 points) with 1 in the formgrader, a regrade after a key fix
    said 'bob: 3 points; hand grades kept: ex01-q1-test' while the gradebook counted 1."""
    root = str(small.root)
    assert cli(medialit_command, "course", "grade", EX01, "--course", root).returncode == 0
    with _gradebook(small) as gb:
        sub = gb.find_submission(EX01, "bob")
        grade = next(g for nb in sub.notebooks for g in nb.grades if g.name == "ex01-q1-test")
        grade.manual_score = 1.0
        gb.db.commit()
    _relabel_believes(small.root)
    done = cli(medialit_command, "course", "grade", EX01, "--course", root)
    assert done.returncode == 0, done.stderr
    assert "bob: 1 point; hand grades kept: ex01-q1-test" in done.stdout, done.stdout
    assert totals(small.root)["bob"] == 1.0


def test_a_key_whose_marks_are_all_optional_grades_nobody(small, medialit_command):
    """verify15b: a hidden test edited by hand so that every mark is optional gives `answer_q4 = []` full points
    (2 of 2, '0 of 0 found'); new-exercise refuses such a key, a hand edit of source/ reached the grader."""
    path = nb_path(small.root / "source", EX01)
    nb = nbformat.read(path, as_version=4)
    test = next(c for c in nb.cells if c.metadata.get("nbgrader", {}).get("grade_id") == "ex01-q4-test")
    head, rest = test.source.split("KEY = ", 1)
    literal, tail = rest.split("\n_points", 1)
    key = ast.literal_eval(literal)
    key["marks"] = [mark | {"optional": True} for mark in key["marks"]]
    test.source = f"{head}KEY = {key!r}\n_points{tail}"
    nbformat.write(nb, path)
    done = cli(medialit_command, "course", "grade", EX01, "--course", str(small.root))
    assert done.returncode == 2 and done.stderr.count("\n") == 1, done.stderr
    assert "every mark of the key in ex01-q4-test is optional, so an empty list would earn full points" in done.stderr
    assert totals(small.root) == {}  # nothing was graded


def _gradebook(small):
    """The small course's nbgrader gradebook, opened."""
    from nbgrader.api import Gradebook

    return Gradebook(f"sqlite:///{small.root / 'gradebook.db'}", course_id="medialit")


def _graded_with_bobs_q1_by_hand(small, medialit_command) -> str:
    """ex01 graded, then bob's q1 given 2.5 points by hand (as in the formgrader); the course root."""
    root = str(small.root)
    assert cli(medialit_command, "course", "grade", EX01, "--course", root).returncode == 0
    with _gradebook(small) as gb:
        gb.find_grade("ex01-q1-test", EX01, EX01, "bob").manual_score = 2.5
        gb.db.commit()
    return root


def test_a_hand_grade_on_an_earlier_submission_is_flagged_when_the_student_submits_again(small, medialit_command):
    """instructor16: bob's q1 overridden with 2.5 in the formgrader, then bob handed in an answer with nothing in
    it; the regrade said 'hand grades kept' and the old 2.5 stood for the new answer, flagged for nobody. Plain
    nbgrader autograde keeps the score and flags the cell for review again; so must course grade."""
    root = _graded_with_bobs_q1_by_hand(small, medialit_command)
    done = cli(medialit_command, "course", "grade", EX01, "--force", "--course", root)  # the same hand-in
    assert "bob: 2.5 points; hand grades kept: ex01-q1-test" in done.stdout, done.stdout
    small.submit("bob", EX01, small.release(EX01), stamp="2026-11-25 08:00:00.000000 UTC")  # a new hand-in
    done = cli(medialit_command, "course", "grade", EX01, "--course", root)
    assert done.returncode == 0, done.stderr
    line = next(x for x in done.stdout.splitlines() if x.startswith("bob:"))
    assert "hand grades kept" not in line and "to grade by hand (ex01-q1-test)" in line, line
    assert "given to an earlier submission" in line, line
    with _gradebook(small) as gb:
        grade = gb.find_grade("ex01-q1-test", EX01, EX01, "bob")
        assert grade.needs_manual_grade and grade.auto_score == 0.0


def test_a_student_removed_from_the_gradebook_is_in_no_part_of_the_report(small, medialit_command):
    """instructor16: after `nbgrader db student remove carol --force` (she dropped the course), grades.csv had
    alice and bob while marks.csv, most-missed.md, the heatmap and analyzer-echo still counted 'of 3' students:
    they read every folder in submitted/, the grades the gradebook."""
    root = str(small.root)
    assert cli(medialit_command, "course", "grade", EX01, "--course", root).returncode == 0
    done = course.nbgrader(small.root, "db", "student", "remove", "carol", "--force")
    assert done.returncode == 0, done.stderr[-2000:]
    done = cli(medialit_command, "course", "report", EX01, "--course", root)
    assert done.returncode == 0, done.stderr
    out = small.root / "reports" / EX01
    with (out / "grades.csv").open(encoding="utf-8") as handle:
        assert [row["student"] for row in csv.DictReader(handle)] == ["alice", "bob"]
    with (out / "marks.csv").open(encoding="utf-8") as handle:
        assert {row["students"] for row in csv.DictReader(handle)} == {"2"}
    assert "carol" not in (out / "analyzer-echo.md").read_text(encoding="utf-8")


def test_students_graded_by_another_medialit_version_are_named_and_keep_their_scores(small, medialit_command):
    """instructor16: medialit upgraded mid-term. The key in source/ is unchanged, so nobody is graded again and
    the students graded after the upgrade are scored by the new version beside the old grades, silently."""
    import json

    import medialit

    root = str(small.root)
    assert cli(medialit_command, "course", "grade", EX01, "--course", root).returncode == 0
    before = totals(small.root)
    record = small.root / ".medialit" / "graded" / EX01 / "alice.json"
    assert json.loads(record.read_text(encoding="utf-8"))["medialit"] == medialit.__version__
    state = json.loads(record.read_text(encoding="utf-8")) | {"medialit": "0.0.9"}  # as an older version wrote it
    record.write_text(json.dumps(state), encoding="utf-8")
    done = cli(medialit_command, "course", "grade", EX01, "--course", root)
    assert done.returncode == 0, done.stderr
    said = f"1 student was graded with another medialit version (1 with 0.0.9; this is {medialit.__version__})"
    assert said in done.stdout and "--force" in done.stdout, done.stdout
    assert totals(small.root) == before  # nothing changed silently


def test_a_flag_for_a_new_hand_in_stays_until_a_person_grades_it(small, medialit_command):
    """verify16a: bob handed in again after a hand grade, so his q1 was flagged for the formgrader; a second run
    (``--force``, as the version line advises, or a key change) cleared that flag with nobody having looked,
    and the summary called the old hand grade 'kept' for the new answer."""
    root = _graded_with_bobs_q1_by_hand(small, medialit_command)
    small.submit("bob", EX01, small.release(EX01), stamp="2026-11-25 08:00:00.000000 UTC")  # a new hand-in
    assert cli(medialit_command, "course", "grade", EX01, "--course", root).returncode == 0
    done = cli(medialit_command, "course", "grade", EX01, "--force", "--course", root)  # nobody graded it yet
    assert done.returncode == 0, done.stderr
    line = next(x for x in done.stdout.splitlines() if x.startswith("bob:"))
    assert "hand grades kept" not in line and "given to an earlier submission" in line, line
    with _gradebook(small) as gb:
        assert gb.find_grade("ex01-q1-test", EX01, EX01, "bob").needs_manual_grade
        gb.find_grade("ex01-q1-test", EX01, EX01, "bob").needs_manual_grade = False  # as the formgrader saves it
        gb.db.commit()
    done = cli(medialit_command, "course", "grade", EX01, "--force", "--course", root)  # a person graded it now
    line = next(x for x in done.stdout.splitlines() if x.startswith("bob:"))
    assert "hand grades kept: ex01-q1-test" in line, line


def _data_assignment(root: Path) -> str:
    """A kernel-run assignment: a notebook that reads a data file shipped beside it, an instructor's code test
    with hidden parts, then ex01-q1 with its show cell."""
    name, ex01 = "ex10-data", nbformat.read(nb_path(root / "source", EX01), as_version=4)
    meta = attacks._meta
    cells = [
        new_code_cell("from medialit.exercises.grading import check, grade, item, show", metadata=meta("setup")),
        new_code_cell("rows = open('towns.csv').read().splitlines()", metadata=meta("load")),
        new_code_cell("answer = None\n### BEGIN SOLUTION\nanswer = len(rows)\n### END SOLUTION",
                      metadata=meta("a1", solution=True)),
        new_code_cell("assert answer\n### BEGIN HIDDEN TESTS\nassert answer == 3  # hidden-line\n### END HIDDEN TESTS",
                      metadata=meta("t1", grade=True, points=1)),
        *(new_code_cell(cell(ex01, g).source,
                        metadata=meta(g, grade=g.endswith("test"), solution=g.endswith("answer"), points=3))
          for g in ("ex01-q1-show", "ex01-q1-answer", "ex01-q1-test")),
    ]  # fmt: skip
    (root / "source" / name).mkdir()
    nbformat.write(new_notebook(cells=cells, metadata=ex01.metadata), nb_path(root / "source", name))
    (root / "source" / name / "towns.csv").write_text("a\nb\nc\n", encoding="utf-8")
    course.release(root, name)
    return name


def test_feedback_after_a_code_test_with_hidden_parts_still_shows_the_students_marks(small, medialit_command):
    """verify16a: DropHiddenTestOutput emptied every cell after an instructor's hidden code test but medialit's test
    cells, so the show cell's static marks (written by ShowMarks from the data, after the kernel ran) became
    '(output not shown ...)': the student saw the points of ex01-q1 but not their marks on the text."""
    name = _data_assignment(small.root)
    small.submit("ann", name, attacks.solved(small, name))
    shutil.copy(small.root / "release" / name / "towns.csv", small.root / "submitted" / "ann" / name)
    hook = attacks.solved(small, name)  # prints every cell seen so far, hidden test included, in each later cell
    cell(hook, "a1").source = (
        "seen = []\nget_ipython().events.register('pre_run_cell', lambda info: (seen.append(info.raw_cell), "
        "print('SE' + 'EN', seen)))\nanswer = 3"
    )
    cell(hook, "ex01-q1-answer").source = "answer_q1 = [print('not a literal')]"  # no marks read: nothing to show
    small.submit("bea", name, hook)
    shutil.copy(small.root / "release" / name / "towns.csv", small.root / "submitted" / "bea" / name)
    done = cli(medialit_command, "course", "grade", name, "--course", str(small.root))
    assert done.returncode == 0, done.stderr
    assert "ann: 4 points" in done.stdout, done.stdout  # the data file was there for the kernel
    assert course.nbgrader(small.root, "generate_feedback", name, "--force").returncode == 0
    ann = (small.root / "feedback" / "ann" / name / f"{name}.html").read_text(encoding="utf-8")
    bea = (small.root / "feedback" / "bea" / name / f"{name}.html").read_text(encoding="utf-8")
    assert "hidden-line" not in ann + bea
    assert ann.count("<mark ") >= 3, "ann's marks are not in her feedback"
    graded = (small.root / "autograded" / "bea" / name / f"{name}.ipynb").read_text(encoding="utf-8")
    # leak22: what ran after a test with hidden parts leaves autograded/ too, the hook's prints with it
    assert "SEEN" not in graded and "hidden-line" not in graded and "output not shown" in graded
    assert "SEEN" not in bea and "no marks read for this item: why is under its test cell" in bea


def test_the_report_names_hand_ins_it_does_not_count(small, medialit_command):
    """verify16a: the report counts the students of grades.csv (instructor16); a student who handed in after the
    last grading run (dan) was left out of every file without a word, and one who handed in again (bob) was
    counted with the grades of the old hand-in beside the marks of the new."""
    root = str(small.root)
    assert cli(medialit_command, "course", "grade", EX01, "--course", root).returncode == 0
    small.submit("dan", EX01, attacks.solved(small, EX01))
    small.submit("bob", EX01, small.release(EX01), stamp="2026-11-25 08:00:00.000000 UTC")
    done = cli(medialit_command, "course", "report", EX01, "--course", root)
    assert done.returncode == 0, done.stderr
    assert (
        "WARNING: dan: not graded yet, left out; bob: handed in again since graded, scored and reported on the "
        f"earlier hand-in: run `medialit course grade {EX01}`, then the report again"
    ) in done.stdout, done.stdout
    assert cli(medialit_command, "course", "grade", EX01, "--course", root).returncode == 0
    assert "WARNING" not in cli(medialit_command, "course", "report", EX01, "--course", root).stdout


def test_the_report_reads_the_hand_in_course_grade_scored(small, medialit_command, tmp_path):
    """instr20: `course report` read answers from submitted/, not from what `course grade` scored: alice, graded on
    her model answers and handing in an empty notebook since, counted as marking nothing beside her 10 points; dan,
    whose notebook is a link (grading leaves links out: 0, "not submitted"), counted with the answers it points at;
    and bob, graded and then removed from the gradebook, was "not graded yet: run `medialit course grade`", which
    skips him. The report now reads the copy of each hand-in that was graded."""
    root = str(small.root)
    outside = tmp_path / "elsewhere.ipynb"
    q1 = solution_source(small.source(EX01), "ex01-q1-answer")
    nbformat.write(answer_cells(small, EX01, **{"ex01-q1-answer": q1}), outside)
    small.submit("dan", EX01, small.release(EX01))
    linked = small.root / "submitted" / "dan" / EX01 / f"{EX01}.ipynb"
    linked.unlink()
    linked.symlink_to(outside)
    graded = cli(medialit_command, "course", "grade", EX01, "--course", root)
    assert "alice: 10 points" in graded.stdout, graded.stdout
    assert (
        f"FAILED dan: {EX01}.ipynb is a link, and grading leaves links out (one could point at the keys): put the "
        f"file itself in submitted/dan/{EX01}/ (scored 0;"
    ) in graded.stdout, graded.stdout  # not "was not submitted": it is there, as a link
    small.submit("alice", EX01, small.release(EX01), stamp="2026-11-25 08:00:00.000000 UTC")
    assert course.nbgrader(small.root, "db", "student", "remove", "bob", "--force").returncode == 0

    done = cli(medialit_command, "course", "report", EX01, "--course", root)
    assert done.returncode == 0 and "Traceback" not in done.stderr, done.stderr[-2000:]
    assert "alice: handed in again since graded, scored and reported on the earlier hand-in" in done.stdout
    assert "bob: not graded yet" not in done.stdout, done.stdout
    assert (
        f"NOTE: bob: graded, then removed from the gradebook, so left out of the report; dropped the course: move "
        f"their folders out of submitted/; to count them again: `medialit course grade {EX01} --force` (hand grades "
        "kept), then the report"
    ) in done.stdout.splitlines(), done.stdout
    out = small.root / "reports" / EX01
    with (out / "grades.csv").open(encoding="utf-8") as handle:
        assert sorted(row["student"] for row in csv.DictReader(handle)) == ["alice", "carol", "dan"]
    with (out / "marks.csv").open(encoding="utf-8") as handle:
        q2 = [row for row in csv.DictReader(handle) if row["item"] == "ex01-q2" and row["optional"] == "no"]
    assert q2 and all((row["found_right"], row["students"]) == ("1", "3") for row in q2), q2  # alice's, as scored

    from medialit.instructor import report

    answers = report.class_answers(small.root, EX01, ["alice", "dan"])
    assert all(marks["alice"] and not marks["dan"] for _, marks in answers)


def test_a_hand_in_put_in_place_by_hand_again_is_graded_again(small, medialit_command):
    """attack21: work put into submitted/ by hand (an LMS upload) has no timestamp.txt, so every hand-in had the same
    empty stamp: dan's corrected notebook, put in place of the graded one, was "already graded", his 0 kept and
    reported without a word. A hand-in without a timestamp is told apart by its files."""
    root = str(small.root)
    folder = small.root / "submitted" / "dan" / EX01
    folder.mkdir(parents=True)
    nbformat.write(small.release(EX01), nb_path(small.root / "submitted" / "dan", EX01))
    assert "dan: 0 points" in cli(medialit_command, "course", "grade", EX01, "--course", root).stdout
    assert "WARNING" not in cli(medialit_command, "course", "report", EX01, "--course", root).stdout
    nbformat.write(attacks.solved(small, EX01), nb_path(small.root / "submitted" / "dan", EX01))
    done = cli(medialit_command, "course", "report", EX01, "--course", root)
    assert "dan: handed in again since graded" in done.stdout, done.stdout
    done = cli(medialit_command, "course", "grade", EX01, "--course", root)
    assert "dan: 10 points" in done.stdout, done.stdout + done.stderr[-2000:]
    assert "nothing to grade" in cli(medialit_command, "course", "grade", EX01, "--course", root).stdout


def test_a_hand_in_collected_while_grading_runs_is_graded_by_the_next_run(small):
    """attack21: grading copies a job's hand-ins first and records each student's stamp when the student is done,
    read from submitted/ then: carol's new hand-in, collected while alice was being graded, was recorded as graded
    (the next run said "already graded") though her old one was scored, and the report read the old one too."""

    def hand_in_meanwhile(done, total, student):
        if student == "alice":
            small.submit("carol", EX01, attacks.solved(small, EX01), stamp="2026-11-25 08:00:00.000000 UTC")

    first = course.grade(small.root, EX01, jobs=1, progress=hand_in_meanwhile)
    assert {o.student: o.scores.get("ex01-q1-test") for o in first.outcomes}["carol"] == 0.0
    again = course.grade(small.root, EX01, jobs=1)
    assert [o.student for o in again.outcomes] == ["carol"] and sum(again.outcomes[0].scores.values()) == 10.0


def test_highlights_saved_for_a_deleted_answer_cell_are_graded_and_reported(small, medialit_command):
    """attack21: dan marked ex01-q1 in the highlighter and deleted its answer cell (``answer_q1 = None``) after
    running it: the check had passed on his saved marks, and course grade gave 0 ("the answer cell was deleted"),
    the report counting none of his marks. His highlights are graded, in the gradebook, the feedback and the report."""
    root = str(small.root)
    nb = small.release(EX01)
    nb.cells = [c for c in nb.cells if c.metadata.get("nbgrader", {}).get("grade_id") != "ex01-q1-answer"]
    small.submit("dan", EX01, nb)
    saved = small.root / "submitted" / "dan" / EX01 / "ex01-q1.highlights.json"
    saved.write_text(json.dumps(attacks.key_sidecar("ex01-q1")), encoding="utf-8")
    done = cli(medialit_command, "course", "grade", EX01, "--course", root)
    assert done.returncode == 0, done.stderr[-2000:]
    with _gradebook(small) as gb:
        assert gb.find_grade("ex01-q1-test", EX01, EX01, "dan").score == 3.0
    graded = nbformat.read(small.root / "autograded" / "dan" / EX01 / f"{EX01}.ipynb", as_version=4)
    shown = "".join(o.get("text", "") for o in cell(graded, "ex01-q1-test").outputs)
    assert "its answer cell was deleted, so your saved highlights (ex01-q1.highlights.json) were graded" in shown
    assert cli(medialit_command, "course", "report", EX01, "--course", root).returncode == 0
    with (small.root / "reports" / EX01 / "marks.csv").open(encoding="utf-8") as handle:
        q1 = [row for row in csv.DictReader(handle) if row["item"] == "ex01-q1" and row["optional"] == "no"]
    assert q1 and all(row["found_right"] == "3" for row in q1), q1  # alice's, bob's (q1 only) and dan's


def test_the_copy_grading_keeps_of_a_hand_in_holds_only_what_the_report_reads(small, medialit_command):
    """attack21: grading kept a copy of everything handed in under .medialit/handins (a 20 MB video, a folder of 300
    files, a highlights file over the reader's cap, a folder named .medialit), a second copy in the course folder
    beside autograded/'s, for every grading. It keeps the notebooks and the highlights files grading reads."""
    root = str(small.root)
    folder = small.root / "submitted" / "alice" / EX01
    (folder / "lecture.mp4").write_bytes(b"\0" * 20_000_000)
    (folder / "notes").mkdir()
    for n in range(300):
        (folder / "notes" / f"{n}.txt").write_text("x" * 1000, encoding="utf-8")
    forged = folder / ".medialit" / "graded" / EX01
    forged.mkdir(parents=True)
    (forged / "bob.json").write_text('{"ok": true, "status": "graded"}', encoding="utf-8")
    (folder / "ex01-q2.highlights.json").write_bytes(b" " * 3_000_000)  # over the cap: not read (q2 is a list)
    (folder / "ex01-q1.highlights.json").write_text(json.dumps(attacks.key_sidecar("ex01-q1")), encoding="utf-8")
    assert "alice: 10 points" in cli(medialit_command, "course", "grade", EX01, "--course", root).stdout
    kept = small.root / ".medialit" / "handins" / EX01 / "alice"
    assert sorted(p.name for p in kept.iterdir()) == [f"{EX01}.ipynb", "ex01-q1.highlights.json"]
    assert sum(p.stat().st_size for p in kept.rglob("*")) < 500_000
    assert cli(medialit_command, "course", "report", EX01, "--course", root).returncode == 0
    with (small.root / "reports" / EX01 / "marks.csv").open(encoding="utf-8") as handle:
        q2 = [row for row in csv.DictReader(handle) if row["item"] == "ex01-q2" and row["optional"] == "no"]
    assert q2 and all(row["found_right"] == "1" for row in q2), q2  # alice's list, read as grading read it


def test_a_hand_in_of_too_many_files_fails_alone_without_being_copied(small, medialit_command):
    """attack21: grading copies each hand-in in the grading process, before any job's timer (and again into
    autograded/ and in its job): bob's 10,001 empty files cost the class about 3 minutes and him 0, "took longer
    than 60 s and was stopped". Past 1,000 files and folders the hand-in is not copied: it fails alone at once,
    saying what to do."""
    root = str(small.root)
    junk = small.root / "submitted" / "bob" / EX01 / "node_modules"
    junk.mkdir()
    for n in range(1_001):
        (junk / str(n)).touch()
    done = cli(medialit_command, "course", "grade", EX01, "--course", root)
    assert "alice: 10 points" in done.stdout and "Traceback" not in done.stderr, done.stdout + done.stderr[-2000:]
    assert (
        "FAILED bob: the hand-in holds more than 1,000 files and folders, which grading would copy on every run, "
        f"holding up the whole class: remove what is not the work from submitted/bob/{EX01}/ and grade again"
    ) in done.stdout, done.stdout
    assert not (small.root / "autograded" / "bob" / EX01).exists()
    assert not (small.root / ".medialit" / "handins" / EX01 / "bob").exists()
    shutil.rmtree(junk)
    assert "bob: 3 points" in cli(medialit_command, "course", "grade", EX01, "--course", root).stdout


def test_a_highlights_file_saved_by_a_classmate_is_named_in_the_report_and_scores_as_before(
    small, medialit_command, monkeypatch
):
    """attack22: ``saved_by`` (the hub user, else the login, of the kernel that saved a highlights file) was never
    compared with the student: alice's q3 file copied into bob's hand-in was graded as his and no report said so.
    ``copied-highlights.md`` names it, a reason to ask; a file saved under a name that is no classmate's (a laptop's
    login) and the student's own are not named, and no score changes. self24: a copy changed once and saved again
    (carol's: one mark taken away) said ``saved_by`` carol and was not named; its ``saved_before_by`` names alice."""
    root = str(small.root)

    def saved_by(who: str) -> str:
        return json.dumps(attacks.key_sidecar("ex01-q3") | {"saved_by": who})

    def hand_in(student: str) -> Path:
        return small.root / "submitted" / student / EX01 / "ex01-q3.highlights.json"

    for student, who in (("alice", "alice"), ("bob", "alice")):
        hand_in(student).write_text(saved_by(who))
    monkeypatch.setenv("JUPYTERHUB_USER", "alice-laptop")  # alice's own file, first saved on her laptop: not named
    sidecar.write(hand_in("alice"), sidecar.read(hand_in("alice")))
    monkeypatch.setenv("JUPYTERHUB_USER", "alice")
    sidecar.write(hand_in("alice"), sidecar.read(hand_in("alice")))
    copy = sidecar.read(hand_in("alice"))
    monkeypatch.setenv("JUPYTERHUB_USER", "carol")  # carol saves alice's file again with one mark fewer
    shutil.copy(hand_in("alice"), hand_in("carol"))
    sidecar.write(hand_in("carol"), replace(copy, spans=copy.spans[1:]))
    assert json.loads(hand_in("carol").read_text())["saved_by"] == "carol"
    monkeypatch.delenv("JUPYTERHUB_USER")
    done = cli(medialit_command, "course", "grade", EX01, "--course", root)
    assert "bob: 6 points" in done.stdout, done.stdout + done.stderr[-2000:]  # q1 in the cell, q3 from the file
    assert cli(medialit_command, "course", "report", EX01, "--course", root).returncode == 0
    text = (small.root / "reports" / EX01 / "copied-highlights.md").read_text(encoding="utf-8")
    assert [x for x in text.splitlines() if x.startswith("| ") and "student" not in x] == [
        "| bob | ex01-q3.highlights.json | alice |",
        "| carol | ex01-q3.highlights.json | alice, then changed by carol |",
    ], text


def test_a_hand_in_of_too_many_bytes_fails_alone_without_being_copied(small, medialit_command):
    """attack22: files were capped by number, not bytes: 1.5 GB in 15 files held the classmates of its job up 16 s
    (graded at 29 s, not 13 s) and went into autograded/ and feedback/ whole, on every run. Past what the exchange takes
    (``CourseDirectory.max_dir_size``, 100 MB) the hand-in is not copied: it fails alone at once, saying what to do."""
    root = str(small.root)
    recording = small.root / "submitted" / "bob" / EX01 / "interview.wav"
    with open(recording, "wb") as sound:
        sound.truncate(101_000_000)  # sparse: bytes as the hand-in counts them, no disk taken
    done = cli(medialit_command, "course", "grade", EX01, "--course", root)
    assert "alice: 10 points" in done.stdout and "Traceback" not in done.stderr, done.stdout + done.stderr[-2000:]
    assert (
        "FAILED bob: the hand-in holds 101 MB, more than the 100 MB a hand-in may (CourseDirectory.max_dir_size), "
        f"which grading would copy on every run, holding up the whole class: remove what is not the work from "
        f"submitted/bob/{EX01}/ and grade again"
    ) in done.stdout, done.stdout
    assert not (small.root / "autograded" / "bob" / EX01).exists()
    recording.unlink()
    assert "bob: 3 points" in cli(medialit_command, "course", "grade", EX01, "--course", root).stdout


def test_a_hand_grade_on_an_earlier_hand_in_put_in_by_hand_is_flagged_again(small, medialit_command):
    """attack21: the flag for a hand grade given to an earlier hand-in compares nbgrader's timestamps; work put into
    submitted/ by hand has none, so dan's 2.5 for q1, given by hand, was kept for a new notebook without q1, flagged
    for nobody. The changed files flag it, as a new timestamp does."""
    root = str(small.root)
    folder = small.root / "submitted" / "dan" / EX01
    folder.mkdir(parents=True)
    q1 = solution_source(small.source(EX01), "ex01-q1-answer")
    nbformat.write(answer_cells(small, EX01, **{"ex01-q1-answer": q1}), nb_path(small.root / "submitted" / "dan", EX01))
    assert "dan: 3 points" in cli(medialit_command, "course", "grade", EX01, "--course", root).stdout
    with _gradebook(small) as gb:
        gb.find_grade("ex01-q1-test", EX01, EX01, "dan").manual_score = 2.5
        gb.db.commit()
    nbformat.write(small.release(EX01), nb_path(small.root / "submitted" / "dan", EX01))  # the new hand-in
    done = cli(medialit_command, "course", "grade", EX01, "--course", root)
    line = next(x for x in done.stdout.splitlines() if x.startswith("dan:"))
    assert "hand grades kept" not in line and "given to an earlier submission" in line, line


def test_the_report_reads_each_hand_in_once_for_all_its_items(small):
    """attack23: `course report` read and parsed each student's notebook again for every item: a notebook of 90 MB
    (a print left in a loop, under the exchange's 100 MB) took 9.2 s for ex05's eight items against 1.3 s read once.
    Counted with Python's own audit event for opening a file: one opening per notebook, whatever the items."""
    import sys

    from medialit.instructor import report

    assert {o.student for o in course.grade(small.root, EX01, jobs=1).outcomes if o.ok} == {"alice", "bob", "carol"}
    opened, watching = [], [False]
    sys.addaudithook(lambda event, args: opened.append(str(args[0])) if watching[0] and event == "open" else None)
    watching[0] = True
    try:
        answers = report.class_answers(small.root, EX01, ["alice", "bob", "carol"])
    finally:
        watching[0] = False
    assert len(answers) == 4 and all(marks["alice"] for _, marks in answers)  # its four items, the model answers
    kept = small.root / ".medialit" / "handins" / EX01  # the hand-ins as graded: what the report reads
    notebooks = sorted(Path(p).parent.name for p in opened if Path(p).parent.parent == kept)
    assert notebooks == ["alice", "bob", "carol"], notebooks


def as_a_grader(*command: str) -> list[str]:
    """``command`` run without root's right to write anywhere (as root: dropped with util-linux's setpriv), so that
    file modes count as for a hub's grader account; as any other user, as it is."""
    if os.geteuid() != 0:
        return list(command)
    return ["setpriv", "--bounding-set=-dac_override,-dac_read_search,-fowner", "--", *command]


def test_a_hand_in_made_read_only_is_graded_again_and_collected_again(small, medialit_command):
    """attack23: copies keep a hand-in's modes. bob made a folder of his hand-in read-only, carol her notebook and its
    folder (to keep the work from changing): for a grader who is not root, carol scored 0 at once ("Permission denied"
    writing her graded notebook) and bob at the next grading (``--force``, a key fixed, a new hand-in: the graded copy
    could not be replaced); and nbgrader's collect of dora's second hand-in stopped with a traceback on removing the
    first, every classmate after her left in the exchange. The copies are the grader's to write now."""
    root = str(small.root)
    data = small.root / "submitted" / "bob" / EX01 / "data"
    data.mkdir()
    (data / "sources.csv").write_text("source,cue\n", encoding="utf-8")
    small.submit("carol", EX01, attacks.solved(small, EX01))
    carol = small.root / "submitted" / "carol" / EX01
    for path, mode in ((data, 0o555), (carol / f"{EX01}.ipynb", 0o444), (carol, 0o555)):
        path.chmod(mode)
    grade = as_a_grader(*medialit_command, "course", "grade", EX01, "--course", root, "--force")
    for _ in range(2):
        done = subprocess.run(grade, capture_output=True, text=True, timeout=600)
        assert "FAILED" not in done.stdout and done.returncode == 0, done.stdout + done.stderr[-2000:]
        assert "bob: 3 points" in done.stdout and "carol: 10 points" in done.stdout, done.stdout
    feedback = as_a_grader(sys.executable, "-m", "nbgrader", "generate_feedback", EX01, "--force")
    for _ in range(2):
        done = subprocess.run(feedback, cwd=small.root, capture_output=True, text=True, timeout=600)
        assert done.returncode == 0, done.stderr[-2000:]

    env = {**os.environ, "MEDIALIT_EXCHANGE": str(small.root / "exchange")}
    nbgrader = [sys.executable, "-m", "nbgrader"]
    subprocess.run([*nbgrader, "release_assignment", EX01], cwd=root, env=env, check=True, capture_output=True)
    inbound = small.root / "exchange" / "medialit" / "inbound"
    now = datetime.datetime.now(datetime.UTC)
    stamps = [(now + datetime.timedelta(minutes=n)).strftime("%Y-%m-%d %H:%M:%S.%f UTC") for n in (0, 1)]
    for stamp in stamps:  # dora's hand-in, then a later one
        folder = attacks.hand_in(inbound, "dora", EX01, attacks.solved(small, EX01), stamp)
        (folder / "notes").mkdir()
        for path in (folder / "notes", folder / "timestamp.txt", folder / f"{EX01}.ipynb", folder):
            path.chmod(0o555 if path.is_dir() else 0o444)
        collect = subprocess.run(
            as_a_grader(*nbgrader, "collect", EX01, "--update"),
            cwd=root,
            env=env,
            capture_output=True,
            text=True,
            timeout=600,
        )
        assert collect.returncode == 0 and "Traceback" not in collect.stderr, collect.stderr[-2000:]
        attacks.hand_in(inbound, "erin", EX01, small.release(EX01), stamp)  # a classmate after her, each time
    assert (small.root / "submitted" / "dora" / EX01 / "timestamp.txt").read_text(encoding="utf-8") == stamps[1]
    assert (small.root / "submitted" / "erin" / EX01 / f"{EX01}.ipynb").is_file()


def test_a_read_only_hand_in_collected_before_is_replaced_by_the_next_collect(small):
    """attack24: the collector makes the earlier ``submitted/`` copy writable before nbgrader removes it
    (``LinkSafeCollect.copy_files``), for a copy left read-only by plain ``nbgrader collect`` or a medialit before
    attack23 (both kept the hand-in's modes); nothing tested it, as the collector's own copies are writable. Without
    it, for a grader who is not root, ``collect --update`` stopped with a PermissionError traceback on the old copy,
    the new hand-in and every classmate after it left in the exchange."""
    root = str(small.root)
    env = {**os.environ, "MEDIALIT_EXCHANGE": str(small.root / "exchange")}
    nbgrader = [sys.executable, "-m", "nbgrader"]
    subprocess.run([*nbgrader, "release_assignment", EX01], cwd=root, env=env, check=True, capture_output=True)
    old = small.root / "submitted" / "dora" / EX01
    small.submit("dora", EX01, small.release(EX01), stamp="2026-11-20 08:00:00.000000 UTC")
    (old / "notes").mkdir()
    for path in (old / "notes", *old.glob("*.*"), old):  # as a copy that kept a read-only hand-in's modes
        path.chmod(0o555 if path.is_dir() else 0o444)
    stamp = datetime.datetime.now(datetime.UTC).strftime("%Y-%m-%d %H:%M:%S.%f UTC")
    inbound = small.root / "exchange" / "medialit" / "inbound"
    attacks.hand_in(inbound, "dora", EX01, attacks.solved(small, EX01), stamp)
    attacks.hand_in(inbound, "erin", EX01, small.release(EX01), stamp)  # a classmate after her
    collect = as_a_grader(*nbgrader, "collect", EX01, "--update")
    done = subprocess.run(collect, cwd=root, env=env, capture_output=True, text=True, timeout=600)
    assert done.returncode == 0 and "Traceback" not in done.stderr, done.stderr[-2000:]
    assert (old / "timestamp.txt").read_text(encoding="utf-8") == stamp and not (old / "notes").exists()
    assert "('believes', 'cue')" in attacks.cell(nbformat.read(old / f"{EX01}.ipynb", 4), "ex01-q1-answer").source
    assert (small.root / "submitted" / "erin" / EX01 / f"{EX01}.ipynb").is_file()


def test_grading_goes_on_after_generate_assignment_force_deleted_the_release(small, medialit_command):
    """attack24: with hand-ins in the gradebook, ``nbgrader generate_assignment --force`` (the formgrader's Generate
    button passes --force) refuses a source notebook that gained or lost an nbgrader cell, after it has deleted
    ``release/ID``. `course grade` then refused ("not released: run `nbgrader generate_assignment ID`"), and that
    command failed again the same way: a dead end for a course in mid-term. The gradebook still holds the release
    (its cells, which autograde reads): grading goes on from it, and a WARNING line says what happened and what
    not to run."""
    done = cli(medialit_command, "course", "grade", EX01, "--course", str(small.root))
    assert done.returncode == 0, done.stdout + done.stderr[-2000:]
    notebook = nb_path(small.root / "source", EX01)
    nb = nbformat.read(notebook, as_version=4)
    note = nbformat.v4.new_markdown_cell("**Note.** Read the guidelines' K5 first.")  # the toolbar's read-only cell
    note.metadata["nbgrader"] = {"grade": False, "grade_id": "note", "locked": True, "schema_version": 3,
                                 "solution": False}  # fmt: skip
    nb.cells.insert(1, note)
    nbformat.write(nb, notebook)
    again = course.nbgrader(small.root, "generate_assignment", EX01, "--force")
    assert again.returncode and "Cannot add or remove cells" in again.stderr, again.stderr[-1500:]
    assert not (small.root / "release" / EX01).exists()  # nbgrader's doing: removed before it failed

    done = cli(medialit_command, "course", "grade", EX01, "--course", str(small.root), "--force")
    assert done.returncode == 0, done.stdout + done.stderr[-2000:]
    assert "alice: 10 points" in done.stdout and "bob: 3 points" in done.stdout, done.stdout
    (line,) = [x for x in done.stdout.splitlines() if x.startswith("WARNING: release/")]
    assert f"release/{EX01} is gone" in line and "generate_assignment" in line and "graded from" in line, line
