"""Real nbgrader on a temporary course: full marks, zero, partial credit, hostile submissions, feedback."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import attacks
import nbformat
import pytest

from medialit.instructor import course
from medialit.instructor.exchange import no_links
from medialit.instructor.gradebook import bin_on_path

EX01 = "ex01-attribution"


def cell(nb: nbformat.NotebookNode, grade_id: str) -> nbformat.NotebookNode:
    (found,) = [c for c in nb.cells if c.metadata.get("nbgrader", {}).get("grade_id") == grade_id]
    return found


pytestmark = [pytest.mark.nbgrader, pytest.mark.slow]


def test_every_ex01_submission_gets_the_expected_score(graded):
    run = graded.runs[EX01]
    got = {o.student: o.scores for o in run.outcomes}
    assert set(got) == set(graded.expected) | set(graded.limits)
    for student, expected in graded.expected.items():
        assert got[student] == pytest.approx(expected, abs=0.011), student
    assert sorted(o.student for o in run.failed) == attacks.FAILS_ALONE


def test_the_gradebook_holds_the_same_scores(graded):
    rows = {r["student"]: r for r in course.scores_table(graded.root, EX01)}
    assert rows["solution"]["total"] == 10.0
    assert rows["unchanged"]["total"] == 0.0
    assert rows["partial"]["total"] == pytest.approx(2.33)  # q1 1.33 + q2 1.0 (every cue, 2 of 5 speakers)
    assert rows["invalid-notebook"]["total"] == 0.0


def test_an_invalid_notebook_is_reported_in_one_line_and_the_batch_goes_on(graded):
    (bad,) = [o for o in graded.runs[EX01].failed if o.student == "invalid-notebook"]
    assert bad.message and "\n" not in bad.message
    assert all("not a valid notebook (NotJSONError)" in why for why in bad.failed_items.values())
    assert (graded.root / ".medialit" / "logs" / EX01 / "invalid-notebook.log").is_file()


def feedback_of(graded, student: str, grade_id: str, assignment: str = EX01) -> str:
    path = graded.root / "autograded" / student / assignment / f"{assignment}.ipynb"
    nb = nbformat.read(path, as_version=4)
    outputs = cell(nb, grade_id).outputs
    return "\n".join(o.get("text", "") + "".join(o.get("traceback", [])) + o.get("evalue", "") for o in outputs)


@pytest.mark.parametrize(
    ("student", "grade_id", "says"),
    [
        ("unchanged", "ex01-q1-test", "no saved highlights"),
        ("wrong-type", "ex01-q1-test", "the answer must be a list"),
        ("corrupt-sidecar", "ex01-q1-test", "is damaged"),
        ("partial", "ex01-q1-test", "1.33 of 3 points; 4 of 9 found"),
        ("partial", "ex01-q2-test", "‘He’ → Putin: not the source named here"),
        ("syntax-error", "ex01-q1-test", "answer_q1"),
    ],
)
def test_feedback_says_what_went_wrong(graded, student, grade_id, says):
    assert says in feedback_of(graded, student, grade_id)


def test_feedback_explains_the_marks_a_student_touched_and_no_other(graded):
    full = feedback_of(graded, "solution", "ex01-q1-test")
    partial = feedback_of(graded, "partial", "ex01-q1-test")
    assert full.count("why: ") >= 9  # every required mark, with its rule
    assert 0 < partial.count("why: ") < full.count("why: ")  # only what the partial answer found
    assert "why: ‘pointed out’" not in partial  # a mark the partial answer missed stays unexplained


def test_the_students_saved_highlights_survive_autograde(graded):
    saved = graded.root / "autograded" / "highlighter" / EX01 / "ex01-q1.highlights.json"
    assert json.loads(saved.read_text(encoding="utf-8"))["spans"], "the decoy from source/ replaced the student's file"
    assert "ex01-q1.highlights.json" in (graded.root / "nbgrader_config.py").read_text(encoding="utf-8")


def test_a_monkeypatched_checker_cannot_raise_the_score(graded):
    (monkey,) = [o for o in graded.runs[EX01].outcomes if o.student == "monkeypatch"]
    assert monkey.scores == pytest.approx(
        {"ex01-q1-test": 0.0, "ex01-q2-test": 2.0, "ex01-q3-test": 0.5, "ex01-q4-test": 0.0}
    )
    (patched,) = [o for o in graded.runs[EX01].outcomes if o.student == "patched-scoring"]
    assert patched.scores["ex01-q1-test"] == pytest.approx(0.33)


def test_the_grader_sees_the_students_marks_in_the_show_cell(graded):
    path = graded.root / "autograded" / "highlighter" / EX01 / f"{EX01}.ipynb"
    (shown,) = cell(nbformat.read(path, as_version=4), "ex01-q1-show").outputs
    page = shown["data"]["text/html"]
    marks = len(attacks.key_sidecar("ex01-q1")["spans"])
    assert (
        f"{marks} mark{'s' if marks != 1 else ''} handed in, as graded" in page
        and 0 < page.count("<mark") <= marks
        and "[cue]" in page
    )


@pytest.mark.parametrize(
    ("assignment", "expected"),
    [
        # partial scores are what medialit.exercises.judge.grade_data gives the answers in conftest.py
        ("ex02-unsupported", {"solution": 8.0, "unchanged": 0.0, "partial": 1.13}),
        ("ex03-framing", {"solution": 6.0, "unchanged": 0.0, "partial": 1.5}),
        # ex04 partial: q1 3 of 7 required signals (the page's own date is the other end of the date mismatch
        # and counts, key agreement round 2), nothing extra: 3/7 of 4 points; q2 unanswered; the solution's q3
        # (manual) is not in the autograded sum
        ("ex04-provenance", {"solution": 7.0, "unchanged": 0.0, "partial": 1.71}),
        # ex05 partial: q1 one of two opinion sentences (1 of 2 points); q8 two of eight required signals and
        # nothing extra (2/8 of 2 points); the other items unanswered
        ("ex05-transfer", {"solution": 14.0, "unchanged": 0.0, "partial": 1.5}),
    ],
)
def test_ex02_to_ex04_score_solution_release_and_partial(graded, assignment, expected):
    got = {o.student: sum(o.scores.values()) for o in graded.runs[assignment].outcomes if o.student in expected}
    assert got == pytest.approx(expected, abs=0.011)  # (ex05 has clumsy students too: test_attacks)


def test_the_written_answer_waits_for_manual_grading(graded):
    """As graded in the session fixture (test_formgrader_loop later grades it by hand)."""
    by_hand = {o.student: o.by_hand for o in graded.runs["ex03-framing"].outcomes}
    model = {"ex03-q2-answer": 2.0}  # the model answers, also with typed markers (attacks.ex03_submissions)
    assert by_hand == {"solution": model, "unchanged": {}, "partial": {}, attacks.TYPED_MARKERS: model}


def test_regrading_skips_students_already_graded_and_resumes_the_rest(graded):
    from medialit.instructor.batch import state_file

    state_file(graded.root, "ex02-unsupported", "partial").unlink()
    run = course.grade(graded.root, "ex02-unsupported", jobs=2)
    assert [o.student for o in run.outcomes] == ["partial"]
    assert sorted(run.skipped) == ["every-paragraph", "solution", "unchanged"]  # every-paragraph: test_attacks
    assert sum(run.outcomes[0].scores.values()) == pytest.approx(1.13)


def _feedback_html(root: Path, student: str) -> str:
    done = course.nbgrader(root, "generate_feedback", EX01, "--student", student, "--force")
    assert done.returncode == 0, done.stderr[-2000:]
    return (root / "feedback" / student / EX01 / f"{EX01}.html").read_text(encoding="utf-8")


def test_released_feedback_hides_hidden_tests_unless_asked(graded, tmp_path):
    html = _feedback_html(graded.root, "solution")
    assert "3 of 3 points" in html
    assert "BEGIN HIDDEN TESTS" not in html and "body_sha256" not in html  # a key's field: "KEY =" is split by spans
    opted = tmp_path / "opted-in"
    shutil.copytree(graded.root, opted, ignore=no_links)  # the exchange holds an attack's named pipe (attacks.py)
    config = opted / "nbgrader_config.py"
    config.write_text(config.read_text().replace("SHOW_HIDDEN_TESTS = False", "SHOW_HIDDEN_TESTS = True"))
    assert "BEGIN HIDDEN TESTS" not in _feedback_html(opted, "solution")  # graded without: autograded/ holds none
    for other in (opted / "submitted").iterdir():  # graded again, as the config says: one student is enough
        if other.name != "solution":
            shutil.rmtree(other)
    run = course.grade(opted, EX01, jobs=1, force=True)
    assert [o.student for o in run.outcomes] == ["solution"] and not run.failed
    shown = _feedback_html(opted, "solution")
    assert "BEGIN HIDDEN TESTS" in shown and "body_sha256" in shown  # the checks above can fail


@pytest.mark.parametrize("student", ["unchanged", "wrong-type", "syntax-error"])
def test_feedback_of_a_failing_test_cell_quotes_no_key(graded, student):
    """A failing hidden test's traceback would quote its code, the key included: tracebacks are minimal."""
    html = _feedback_html(graded.root, student)
    assert "body_sha256" not in html and "BEGIN HIDDEN TESTS" not in html
    assert "ex01-q1: 0 of 3 points" in html  # the reason is still shown to the student


def test_a_config_broken_after_grading_shows_no_key_in_plain_nbgrader_feedback(graded, tmp_path):
    """One typo in nbgrader_config.py and nbgrader only logs it, then runs its own feedback steps, which keep hidden
    tests: the guide's plain `nbgrader generate_feedback ID` put every key (``KEY = ...``) and the probe's hidden
    code test into each student's page (leak22). `course grade` now writes autograded notebooks without them."""
    broken = tmp_path / "broken"
    shutil.copytree(graded.root, broken, ignore=no_links)  # the exchange holds an attack's named pipe (attacks.py)
    config = broken / "nbgrader_config.py"
    config.write_text(config.read_text() + "\nc.Execute.timeout = 30s\n")
    source = graded.source(EX01)
    keys = [c.source for c in source.cells if c.metadata.get("nbgrader", {}).get("grade")]
    shas = [line.split("'")[3] for key in keys for line in key.splitlines() if "'body_sha256': " in line]
    starts = [line.split("'rationale': ")[1][1:41] for line in keys[0].splitlines() if "'rationale': " in line]
    rationales = [r for r in starts if not set(r) & set("'\"&<>")]  # as HTML quotes them: unescaped
    assert len(shas) == 4 and len(rationales) > 3
    pages = 0
    for assignment in (EX01, attacks.PROBE):
        done = subprocess.run(
            [course._nbgrader_command(), "generate_feedback", assignment, "--force"],
            cwd=broken,
            env=bin_on_path(),
            capture_output=True,
            text=True,
            timeout=600,
        )
        assert "Exception while loading config file" in done.stderr  # nbgrader ran on with its defaults
        for page in sorted((broken / "feedback").glob(f"*/{assignment}/*.html")):
            html, pages = page.read_text(encoding="utf-8"), pages + 1
            assert not [sha for sha in shas if sha in html] and attacks.HIDDEN_MARK not in html, page
            if page.parts[-3] == "unchanged":  # marked nothing: no key mark is explained to them
                assert "HIDDEN TESTS" not in html and not [r for r in rationales if r in html], page
    assert pages >= 10
    for notebook in (graded.root / "autograded").glob("*/*/*.ipynb"):
        tests = [
            c.source for c in nbformat.read(notebook, as_version=4).cells if c.metadata.get("nbgrader", {}).get("grade")
        ]
        assert not [t for t in tests if "HIDDEN TESTS" in t], notebook


def test_parallel_scores_equal_plain_sequential_autograde(graded, tmp_path):
    """The same honest submissions graded by plain `nbgrader autograde` give the same per-cell scores."""
    root = course.init(tmp_path / "plain", graded.root / "source", timeout=6)
    course.release(root, EX01)
    students = ["solution", "unchanged", "partial", "highlighter", "monkeypatch"]
    for student in students:
        shutil.copytree(graded.root / "submitted" / student, root / "submitted" / student)
    done = course.nbgrader(root, "autograde", EX01)
    assert done.returncode == 0, done.stderr[-2000:]
    plain = {s: course.test_scores(root, EX01, s) for s in students}
    ours = {o.student: o.scores for o in graded.runs[EX01].outcomes}
    for student in students[:-1]:
        assert plain[student] == ours[student], student
    # the attack works on plain nbgrader (same kernel); medialit never runs the answer cell
    assert plain["monkeypatch"]["ex01-q1-test"] == 3.0 and ours["monkeypatch"]["ex01-q1-test"] == 0.0


def test_course_cli_grades_and_reports(graded, medialit_command):
    done = subprocess.run(
        [*medialit_command, "course", "grade", "ex02-unsupported", "--course", str(graded.root), "--force"],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert done.returncode == 0, done.stderr
    n = len(graded.runs["ex02-unsupported"].outcomes)  # the progress bar counts every student, every-paragraph too
    assert "solution: 8 points" in done.stdout and f"{n}/{n}" in done.stderr
    done = subprocess.run(
        [*medialit_command, "course", "report", EX01, "--course", str(graded.root)],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert done.returncode == 0, done.stderr
    out = graded.root / "reports" / EX01
    assert {p.name for p in out.iterdir()} >= {
        "grades.csv",
        "items.csv",
        "most-missed.md",
        "key-heatmap.png",
        "difficulty.png",
        "key-heatmap.png.alt.txt",
    }
    missed = (out / "most-missed.md").read_text(encoding="utf-8")
    assert "| ex01-q1 |" in missed
    echo = (out / "analyzer-echo.md").read_text(encoding="utf-8")
    flagged = echo.split("## Answers that repeat most")[1].split("##")[0]
    for i in (3, 4):  # the pasted analysis is flagged where the analyzer makes false marks
        assert f"| pasted-analysis | ex01-q{i} |" in flagged, i
    for i in (1, 2):  # ... and nobody where it only misses: a paste looks like an honest answer missing the same mark
        assert f"ex01-q{i} |" not in flagged and f"| ex01-q{i} | **misses only**" in echo, i
    assert "| solution |" not in flagged and "| highlighter |" not in flagged and "| partial |" not in flagged
    totals = echo.split("## Per student")[1].split("##")[0]
    assert "| pasted-analysis | 4 of 4 | 6 of 6 | 21 of 21 | 2 of 2 | **flagged** |" in totals
    # the honest 'partial' student misses the one hard mark the analyzer misses in q1 and q2: shown, not flagged;
    # no false mark to repeat, and it finds 6 of the 12 marks the analyzer finds
    assert "| partial | 0 of 0 | 2 of 2 | 6 of 12 | 0 of 0 | no |" in totals
    assert "ex01-q3 | **checked**" in echo and "3 places (3 wrong labels" in echo  # one place each, not 6 errors
    assert "analyzer-echo.csv" in done.stdout


def test_course_cli_bad_input_is_one_line(medialit_command, tmp_path):
    done = subprocess.run(
        [*medialit_command, "course", "grade", "ex01-attribution", "--course", str(tmp_path)],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode == 2
    assert done.stderr.count("\n") == 1 and "is not a course directory" in done.stderr


def test_nbgrader_lists_the_released_assignments(graded):
    done = course.nbgrader(graded.root, "db", "assignment", "list")
    assert done.returncode == 0
    assert all(
        name in done.stdout + done.stderr
        for name in ("ex01-attribution", "ex02-unsupported", "ex03-framing", "ex04-provenance", "ex05-transfer")
    )


def test_python_running_tests_is_the_venv():
    assert Path(sys.executable).parent.joinpath("nbgrader").exists()


def test_course_report_shows_growth_per_skill_from_the_pretest(graded):
    """Pre-test files beside the key, then `course report`: pre against the graded items per skill."""
    from medialit.exercises import pretest
    from medialit.instructor import growth, report

    folder = graded.root / "pretest"
    folder.mkdir(exist_ok=True)
    shutil.copy(Path(__file__).resolve().parents[2] / "course" / "pretest-key.json", folder / "key.json")
    nothing_right = {q.id: "a" if q.id not in ("p2", "p7") else "b" for q in pretest.QUESTIONS}
    (folder / "solution.json").write_text(json.dumps({"answers": nothing_right}), encoding="utf-8")
    (folder / "unchanged.json").write_text(json.dumps({"answers": nothing_right}), encoding="utf-8")
    try:
        written = report.write_report(graded.root, "ex05-transfer")
        rows = {
            (r["student"], r["skill"]): r
            for r in growth.growth_rows(growth.pre_scores(graded.root), growth.post_scores(graded.root))
        }
    finally:
        shutil.rmtree(folder)
    assert {p.name for p in written} >= {"growth.csv", "growth.md", "growth.png", "pretest-import.csv"}
    # the reports quote every key mark: closed to other accounts, as source/ is (`medialit doctor` checks it; instr22)
    assert (graded.root / "reports").stat().st_mode & 0o777 == 0o700
    assert rows[("solution", "news_opinion")]["pre"] == 0.0
    assert rows[("solution", "numbers")]["pre"] == 0.0 and "change" not in rows[("solution", "numbers")]
    for skill in pretest.SKILLS:  # every skill measured at the end, all in ex05 (new texts)
        assert rows[("solution", skill)]["post"] == pytest.approx(1.0), skill
        assert rows[("unchanged", skill)]["post"] == 0.0, skill
    table = (graded.root / "reports" / "growth" / "growth.md").read_text(encoding="utf-8")
    assert "not measured yet" not in table and all(name in table for name in pretest.SKILLS.values())
    assert "partial" not in {student for student, _ in rows}  # no pre-test file: not compared
