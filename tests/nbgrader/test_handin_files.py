"""What else a hand-in holds: a notebook saved with a byte-order mark, and files nobody wrote on purpose.

attack24, left open by attack23: (a) a notebook saved by a Windows text editor starts with a UTF-8 byte-order
mark; JSON allows none, so nbgrader (and the grader's reader) refused it and the whole hand-in scored 0 with
"ex01-attribution.ipynb is not a valid notebook (NotJSONError)", a line that says neither what is wrong nor what
to do, though every answer in it was readable. (b) the highlighter's lock files (``.NAME.highlights.json.lock``),
JupyterLab's ``.ipynb_checkpoints/`` and Python's ``__pycache__/`` went with the hand-in into ``autograded/`` and
the locks on into the released ``feedback/``. A real course, real nbgrader.
"""

from __future__ import annotations

import attacks
import nbformat
import pytest
from attacks import EX01, nb_path

from medialit.instructor import course

pytestmark = [pytest.mark.nbgrader, pytest.mark.slow]

BOM = b"\xef\xbb\xbf"
JUNK = {
    ".ex01-q1.highlights.json.lock": "",  # core.sidecar.locked, beside every highlights file a student saved
    ".ipynb_checkpoints/ex01-attribution-checkpoint.ipynb": "{}",  # JupyterLab's last checkpoint
    "__pycache__/helpers.cpython-311.pyc": "x",  # a module of the student's own, imported once
}


@pytest.fixture(scope="module")
def handed(tmp_path_factory, nbgrader_env):
    c = attacks.new_course(tmp_path_factory.mktemp("handin") / "course", EX01, timeout=6)
    for student in ("bom", "junk", "renamed", "two-renamed", "nested"):
        c.submit(student, EX01, attacks.solved(c, EX01))
    nested = c.root / "submitted" / "nested" / EX01
    (nested / EX01).mkdir()  # a zip of the folder unpacked into it (a hand-in from a learning platform)
    nb_path(nested.parent, EX01).rename(nested / EX01 / f"{EX01}.ipynb")
    for student, names in {"renamed": ["my-ex01.ipynb"], "two-renamed": ["draft.ipynb", "final.ipynb"]}.items():
        handed_in = nb_path(c.root / "submitted" / student, EX01)
        for name in names:
            handed_in.with_name(name).write_bytes(handed_in.read_bytes())
        handed_in.unlink()
    notebook = nb_path(c.root / "submitted" / "bom", EX01)
    notebook.write_bytes(BOM + notebook.read_bytes())
    for name, text in JUNK.items():
        path = c.root / "submitted" / "junk" / EX01 / name
        path.parent.mkdir(exist_ok=True)
        path.write_text(text, encoding="utf-8")
    run = course.grade(c.root, EX01, jobs=1)
    # a lock in an autograded/ that plain `nbgrader autograde` or an earlier medialit made: the config leaves it out
    (c.root / "autograded" / "bom" / EX01 / ".ex01-q2.highlights.json.lock").write_text("", encoding="utf-8")
    feedback = course.nbgrader(c.root, "generate_feedback", EX01, "--force")
    return c.root, {o.student: o for o in run.outcomes}, feedback


def test_a_notebook_saved_with_a_byte_order_mark_is_graded_as_written(handed):
    root, got, feedback = handed
    assert got["bom"].ok, got["bom"].message
    assert got["bom"].scores == got["junk"].scores and sum(got["bom"].scores.values()) == 10
    assert nb_path(root / "submitted" / "bom", EX01).read_bytes().startswith(BOM)  # the hand-in as it came
    graded = nb_path(root / "autograded" / "bom", EX01)
    assert not graded.read_bytes().startswith(BOM)  # nbgrader's own steps read it: feedback, the formgrader
    nbformat.read(graded, as_version=4)
    assert feedback.returncode == 0, feedback.stderr[-1500:]
    assert sorted(p.name for p in (root / "feedback" / "bom" / EX01).iterdir()) == [
        f"{EX01}.html",
        "submission_secret.txt",
        "timestamp.txt",
    ]  # no lock: the course config's CourseDirectory.ignore


def test_the_grader_and_self_check_read_a_notebook_with_a_byte_order_mark(handed):
    from medialit.instructor.grade_data import read_notebook

    root, _, _ = handed
    nb, why = read_notebook(nb_path(root / "submitted" / "bom", EX01))
    assert nb is not None and why == "", why


@pytest.mark.parametrize("where", ["autograded", "feedback"])
def test_lock_files_checkpoints_and_caches_stay_out_of_autograded_and_feedback(handed, where):
    root, got, feedback = handed
    assert got["junk"].ok and feedback.returncode == 0, feedback.stderr[-1500:]
    folder = root / where / "junk" / EX01
    kept = sorted(str(p.relative_to(folder)) for p in folder.rglob("*"))
    assert kept == sorted([f"{EX01}.{'ipynb' if where == 'autograded' else 'html'}", "submission_secret.txt",
                           "timestamp.txt"]), kept  # fmt: skip
    assert (root / "submitted" / "junk" / EX01 / ".ex01-q1.highlights.json.lock").is_file()  # the hand-in untouched


def test_a_notebook_renamed_before_handing_in_is_graded_as_the_exercise_and_named(handed):
    """attack24: File > Rename Notebook before handing in (``medialit self-check`` scores a renamed exercise, found by
    its answer cells): `course grade` failed the hand-in, "ex01-attribution.ipynb was not submitted", 0 on every item,
    though the one notebook handed in held the exercise's answer cells. It is graded as the exercise, and the line
    names it; with two such notebooks, which one the student meant cannot be known: both are named."""
    root, got, _ = handed
    assert got["renamed"].ok, got["renamed"].message
    assert got["renamed"].scores == got["junk"].scores
    assert got["renamed"].renamed == {"my-ex01.ipynb": f"{EX01}.ipynb"}
    assert nb_path(root / "autograded" / "renamed", EX01).is_file()
    assert (root / "feedback" / "renamed" / EX01 / f"{EX01}.html").is_file()
    assert sorted(p.name for p in (root / "submitted" / "renamed" / EX01).glob("*.ipynb")) == ["my-ex01.ipynb"]
    two = got["two-renamed"]
    assert not two.ok and f"{EX01}.ipynb was not submitted" in two.message, two.message
    assert "draft.ipynb, final.ipynb" in two.message and "\n" not in two.message, two.message


def test_the_summary_says_which_notebook_was_graded_for_a_renamed_one(handed):
    from medialit.cli.course import summary

    _, got, _ = handed
    line = summary(got["renamed"], EX01)
    assert f"graded my-ex01.ipynb as {EX01}.ipynb" in line, line


def test_a_notebook_one_folder_down_in_the_hand_in_is_named_where_it_is(handed):
    """attack24: a hand-in unpacked into a folder of its own name (a zip from a learning platform, put into submitted/
    by hand) failed with "ex01-attribution.ipynb was not submitted", sending the grader to look for work that is there.
    The line says where it is and what to do (moving it is the grader's call: nbgrader grades the released name)."""
    _, got, _ = handed
    message = got["nested"].message
    assert not got["nested"].ok and f"{EX01}.ipynb was not submitted" in message, message
    assert f"it is in {EX01}/: move it" in message and f"submitted/nested/{EX01}/" in message, message


def test_a_hand_in_put_in_by_hand_with_a_mark_or_renamed_is_graded_once(course_root):
    """review24: a hand-in put into submitted/ by hand has no ``timestamp.txt``, so ``hand_in_stamp`` fingerprints its
    files. The stamp recorded was the grader's copy's after the byte-order mark was dropped and the notebook renamed,
    never equal to submitted/'s: every later `course grade` graded those two again (a hand-in as collected was not)."""
    c = attacks.new_course(course_root, EX01, timeout=6)
    for student in ("plain", "bom", "renamed"):
        c.submit(student, EX01, attacks.solved(c, EX01))
        (c.root / "submitted" / student / EX01 / "timestamp.txt").unlink()
    notebook = nb_path(c.root / "submitted" / "bom", EX01)
    notebook.write_bytes(BOM + notebook.read_bytes())
    nb_path(c.root / "submitted" / "renamed", EX01).rename(c.root / "submitted" / "renamed" / EX01 / "my-ex01.ipynb")
    first = course.grade(c.root, EX01, jobs=1)
    assert sorted((o.student, o.ok) for o in first.outcomes) == [("bom", True), ("plain", True), ("renamed", True)]
    again = course.grade(c.root, EX01, jobs=1)
    assert [o.student for o in again.outcomes] == [] and sorted(again.skipped) == ["bom", "plain", "renamed"]
