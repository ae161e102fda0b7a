"""leak23: no key and no grader's note in a feedback page made after the course config stopped loading.

nbgrader only logs a config file that fails to load and runs on with its own steps, which show hidden tests and
every cell of the autograded notebook. So what feedback is made from (``autograded/``) must hold no key and no
model answer, whichever way it was graded: ``medialit course grade``, plain ``nbgrader autograde``, or the
formgrader's Autograde button (which runs the config's ``c.Autograde`` steps, as the command does).
"""

from __future__ import annotations

import subprocess

import attacks
import nbformat
import pytest
from attacks import PROBE

from medialit.instructor import course
from medialit.instructor.gradebook import bin_on_path

pytestmark = [pytest.mark.nbgrader, pytest.mark.slow]

EX03 = "ex03-framing"
NOTE = attacks.GRADER_NOTE
RUBRIC = "Rubric (2 points)"


def break_config(root) -> None:
    config = root / "nbgrader_config.py"
    config.write_text(config.read_text(encoding="utf-8") + "\nc.Execute.timeout = 30s\n", encoding="utf-8")


def plain_nbgrader(root, *args: str) -> subprocess.CompletedProcess:
    """The real ``nbgrader`` command (``course.nbgrader`` refuses a config that does not load)."""
    return subprocess.run(
        [course._nbgrader_command(), *args], cwd=root, env=bin_on_path(), capture_output=True, text=True, timeout=600
    )


def key_shas(c: attacks.SmallCourse, assignment: str) -> list[str]:
    """Each key mark's ``body_sha256`` value: the one field of a key literal no highlighter splits in HTML."""
    tests = [x.source for x in c.source(assignment).cells if x.metadata.get("nbgrader", {}).get("grade")]
    return [line.split("'")[3] for t in tests for line in t.splitlines() if "'body_sha256': " in line]


def test_plain_nbgrader_autograde_leaves_no_key_for_feedback_made_after_the_config_broke(course_root):
    """The formgrader's Autograde button and plain ``nbgrader autograde`` run the course config's steps: they kept
    every hidden test in ``autograded/``, and one typo in the config later each page showed them (leak23: 1 page,
    the probe's hidden line and ex01-q1's key)."""
    c = attacks.new_course(course_root, timeout=10, probe=True)
    course.release(course_root, PROBE)
    c.submit("solution", PROBE, attacks.solved(c, PROBE))
    shas = key_shas(c, PROBE)
    assert shas
    done = course.nbgrader(course_root, "autograde", PROBE, "--force")
    assert done.returncode == 0, done.stderr[-2000:]
    graded = (course_root / "autograded" / "solution" / PROBE / f"{PROBE}.ipynb").read_text(encoding="utf-8")
    assert "HIDDEN TESTS" not in graded and attacks.HIDDEN_MARK not in graded
    with course.gradebook(course.db_url(course_root)) as gb:  # scored before the hidden tests left the notebook
        assert gb.find_submission(PROBE, "solution").score == pytest.approx(4.0)
    break_config(course_root)
    done = plain_nbgrader(course_root, "generate_feedback", PROBE, "--force")
    assert "Exception while loading config file" in done.stderr  # nbgrader ran on with its defaults
    html = (course_root / "feedback" / "solution" / PROBE / f"{PROBE}.html").read_text(encoding="utf-8")
    assert "Score: 4.0" in html  # the page is made, with its points
    assert attacks.HIDDEN_MARK not in html and not [sha for sha in shas if sha in html]


def test_the_grader_reads_the_rubric_in_the_formgrader_and_no_feedback_page_holds_it(course_root):
    """``course grade`` wrote the model answer and rubric into the autograded notebook for the formgrader, and only
    the config's ``DropGraderNotes`` kept them out of feedback: with a config broken after grading, each page of
    ex03 showed them (leak23). The formgrader now adds them when it shows a submission, from ``source/``."""
    from medialit.instructor.nbgrader_output import GraderNotes

    c = attacks.new_course(course_root, EX03, timeout=10)
    own = "The war words are Ingram's: the reporter quotes his blog at length, and the Church gets no reply."
    c.submit("writer", EX03, attacks.answer_cells(c, EX03, **{"ex03-q2-answer": own}))
    run = course.grade(course_root, EX03, jobs=1)
    assert run.outcomes[0].by_hand == {"ex03-q2-answer": 2.0}
    autograded = course_root / "autograded" / "writer" / EX03 / f"{EX03}.ipynb"
    assert RUBRIC not in autograded.read_text(encoding="utf-8")

    page = attacks.formgrader_page(course_root, autograded, EX03)
    assert page.count(NOTE) == 1 and RUBRIC in page
    assert page.index("Church gets no reply") < page.index(NOTE)  # below the written answer
    older = course_root / "older" / "autograded" / "writer" / EX03  # graded by an older medialit: a note inside
    older.mkdir(parents=True)
    nb = nbformat.read(autograded, as_version=4)
    nb, _ = GraderNotes(notes={"ex03-q2-answer": "an older note"}).preprocess(nb, {})
    nbformat.write(nb, older / f"{EX03}.ipynb")
    (course_root / "older" / "source").symlink_to(course_root / "source")
    page = attacks.formgrader_page(course_root, older / f"{EX03}.ipynb", EX03)
    assert page.count(NOTE) == 1 and RUBRIC in page and "an older note" not in page

    for broken in (False, True):
        if broken:
            break_config(course_root)
        plain_nbgrader(course_root, "generate_feedback", EX03, "--force")
        html = (course_root / "feedback" / "writer" / EX03 / f"{EX03}.html").read_text(encoding="utf-8")
        assert "Church gets no reply" in html and "For the grader" not in html and RUBRIC not in html, broken
    assert nbformat.read(autograded, as_version=4).cells  # untouched by the feedback
