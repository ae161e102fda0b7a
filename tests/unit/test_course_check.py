"""`medialit doctor` in a course directory checks its nbgrader_config.py, its course id and who can read its keys.

Before (instr22), doctor checked the machine only: a config from an older release, one edited by hand without
medialit's steps, a course id that is not the gradebook's, or a keys folder every account could read all passed
`medialit doctor` with exit status 0. Real ``course init``, real nbgrader config loading and gradebook.
"""

from __future__ import annotations

import shutil
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest

from medialit.cli import main
from medialit.instructor import course
from medialit.setup import doctor
from medialit.setup.course_check import check_course

REPO = Path(__file__).resolve().parents[2]
EX01 = "ex01-attribution"


@pytest.fixture
def made() -> Iterator[Path]:
    """A course made by ``course init`` in a folder every account may enter (pytest's tmp_path is closed, 0700)."""
    folder = Path(tempfile.mkdtemp(prefix="medialit-course-check-"))
    folder.chmod(0o755)
    yield course.init(folder / "course", REPO / "solutions", timeout=7)
    shutil.rmtree(folder)


def edit(made: Path, old: str, new: str) -> None:
    config = made / "nbgrader_config.py"
    text = config.read_text(encoding="utf-8")
    assert old in text
    config.write_text(text.replace(old, new), encoding="utf-8")


def failing(made: Path) -> str:
    found = check_course(made)
    assert not found.ok, found.line()
    assert "\n" not in found.line() and "Traceback" not in found.line()
    return found.detail


def test_a_course_just_made_passes_and_its_keys_folder_is_closed(made):
    found = check_course(made)
    assert found.ok, found.line()
    assert "course id 'medialit'" in found.detail
    key = made / "keys" / "storm.key.json"  # where the guide puts a drafted key: init made keys/ for it, closed
    key.write_text("{}", encoding="utf-8")
    key.chmod(0o644)
    assert check_course(made).ok


def test_a_key_every_account_can_read_is_named_with_the_chmod(made):
    (made / "keys").chmod(0o755)  # as a keys/ made by hand (mkdir) in an open home
    key = made / "keys" / "storm.key.json"
    key.write_text("{}", encoding="utf-8")
    key.chmod(0o644)
    detail = failing(made)
    assert "1 key file in" in detail and "keys/storm.key.json" in detail
    assert f"chmod -R go-rwx {made / 'keys'}" in detail
    (made / "keys").chmod(0o700)
    assert check_course(made).ok


def test_classmates_graded_work_and_feedback_every_account_can_read_are_named(made):
    """leak23: nbgrader writes autograded/, feedback/ and submitted/ readable by every account (0644 files in 0755
    folders); a classmate's full-marks feedback page explains each key mark, their highlights file is the key.
    doctor said "keys closed" for such a course."""
    made.chmod(0o755)
    for name in ("autograded/alice/ex01-attribution/ex01-q1.highlights.json", "feedback/alice/ex01-attribution/x.html"):
        path = made / name
        path.parent.mkdir(parents=True)
        for folder in (path.parent, path.parent.parent, path.parent.parent.parent):
            folder.chmod(0o755)
        path.write_text("{}", encoding="utf-8")
        path.chmod(0o644)
    detail = failing(made)
    assert "2 key files in" in detail and "autograded/alice" in detail and "feedback/alice" in detail
    assert f"chmod -R go-rwx {made / 'autograded'} && chmod -R go-rwx {made / 'feedback'}" in detail
    for folder in ("autograded", "feedback"):
        (made / folder).chmod(0o700)
    assert check_course(made).ok


def test_a_config_from_an_older_release_says_to_refresh(made):
    edit(made, "name_no_page_in_server()\n", "")
    detail = failing(made)
    assert "older medialit" in detail and "--refresh-config" in detail


def test_a_hand_edited_config_without_medialits_release_step_is_named(made):
    edit(made, "KeepMarksOut, IncludeHeaderFooter", "IncludeHeaderFooter")
    detail = failing(made)
    assert "c.GenerateAssignment.preprocessors lacks KeepMarksOut" in detail
    assert "marks you saved beside a source notebook" in detail and "--refresh-config" in detail


def test_a_hand_written_config_of_nbgraders_own_is_not_taken_for_medialits(made):
    (made / "nbgrader_config.py").write_text(
        "c = get_config()  # noqa: F821\nc.CourseDirectory.course_id = 'medialit'\n", encoding="utf-8"
    )
    detail = failing(made)
    assert "does not set c.GenerateAssignment.preprocessors" in detail and "--refresh-config" in detail


def test_feedback_that_would_show_the_keys_is_named(made):
    edit(made, "hide = [] if SHOW_HIDDEN_TESTS else [DropHiddenTestOutput, ClearHiddenTestsInFeedback]", "hide = []")
    assert "so feedback would show students the hidden tests" in failing(made)


def test_autograde_that_would_leave_the_keys_for_feedback_is_named_unless_shown_on_purpose(made):
    """leak23: plain `nbgrader autograde` and the formgrader's Autograde button run this list; without
    KeysOutOfAutograded the hidden tests stay in autograded/, and a config broken later shows them in feedback."""
    config = made / "nbgrader_config.py"
    mine = "\nc.Autograde.autograde_preprocessors = [Execute, IgnorePattern, TrimOutput, SaveAutoGrades]\n"
    config.write_text(config.read_text(encoding="utf-8") + mine, encoding="utf-8")
    detail = failing(made)
    assert "c.Autograde.autograde_preprocessors lacks KeysOutOfAutograded" in detail and "answer keys" in detail
    assert "--refresh-config" in detail
    edit(made, "SHOW_HIDDEN_TESTS = False", "SHOW_HIDDEN_TESTS = True")  # feedback shows them on purpose
    assert check_course(made).ok


def test_a_formgrader_without_the_grader_notes_is_named(made):
    config = made / "nbgrader_config.py"
    config.write_text(config.read_text(encoding="utf-8") + "\nc.HTMLExporter.preprocessors = []\n", encoding="utf-8")
    assert "c.HTMLExporter.preprocessors lacks NotesForTheGrader" in failing(made)


def test_highlights_not_protected_from_source_files_are_named(made):
    edit(made, "c.Autograde.exclude_overwriting = {", "c.Autograde.exclude_overwriting = {} and {")
    detail = failing(made)
    assert "c.Autograde.exclude_overwriting does not list ex01-attribution's ex01-q1.highlights.json" in detail


def test_a_config_that_does_not_load_is_one_line(made):
    edit(made, "c.Execute.timeout = 7", "c.Execute.timeout = TIMEOUT")
    detail = failing(made)
    assert "does not load (NameError: name 'TIMEOUT' is not defined)" in detail
    assert "nbgrader ignores it" in detail


@pytest.mark.parametrize("whose", ["course", "user"])
def test_course_grade_refuses_a_config_that_does_not_load(made, whose, tmp_path, monkeypatch, capsys):
    """nbgrader only logs a config that fails to load and grades on with its defaults (no sandbox, none of
    medialit's steps). `course grade` already stopped (exit 2, through ``db_url``), but always named the course's
    file, also when the broken one was the user's Jupyter config, where `--refresh-config` cannot help (leak22)."""
    if whose == "course":
        edit(made, "c.Execute.timeout = 7", "c.Execute.timeout = 30s")
        broken, advice = made / "nbgrader_config.py", "--refresh-config"
    else:
        broken, advice = tmp_path / "nbgrader_config.py", "fix it or move it away"
        broken.write_text("c.Execute.timeout = 30s\n", encoding="utf-8")
        monkeypatch.setenv("JUPYTER_CONFIG_DIR", str(tmp_path))
    for folder in (f"release/{EX01}", f"submitted/alice/{EX01}"):  # as if released and collected
        (made / folder).mkdir(parents=True)
    assert main(["course", "grade", EX01, "--course", str(made)]) == 2
    said = capsys.readouterr().err
    assert said.count("\n") == 1, said
    assert f"{broken} does not load (SyntaxError" in said, said
    assert "would grade with its defaults" in said and "nothing was graded" in said and advice in said
    assert not any((made / "autograded").iterdir()) and not any((made / ".medialit").iterdir())  # made empty


def test_a_course_id_that_is_not_the_gradebooks_is_named(made):
    with course.gradebook(made / "gradebook.db") as gb:  # as a release records the assignment, for 'medialit'
        gb.add_assignment(EX01)
    assert check_course(made).ok
    edit(made, "c.CourseDirectory.course_id = 'medialit'", "c.CourseDirectory.course_id = 'medialit-2027'")
    detail = failing(made)
    assert "says course id 'medialit-2027', but the gradebook's assignments belong to 'medialit'" in detail
    edit(made, "c.CourseDirectory.course_id = 'medialit-2027'", "c.CourseDirectory.course_id = ''")
    assert "sets no course id" in failing(made)


def test_a_folder_without_a_config_is_one_line(made):
    (made / "nbgrader_config.py").unlink()
    assert "has no nbgrader_config.py" in failing(made)


def course_line(capsys) -> str:
    (line,) = [x for x in capsys.readouterr().out.splitlines() if " course config: " in x]
    return line


def test_doctor_checks_the_course_it_runs_in_and_one_given(made, monkeypatch, capsys):
    monkeypatch.setattr(doctor, "jupyter_listing", lambda *args: None)  # the machine's checks are test_doctor.py's
    edit(made, "KeepMarksOut, IncludeHeaderFooter", "IncludeHeaderFooter")
    assert main(["doctor", "--course", str(made)]) == 1
    line = course_line(capsys)
    assert line.startswith("!! course config: ") and "lacks KeepMarksOut" in line
    monkeypatch.chdir(made)
    main(["doctor"])
    assert "lacks KeepMarksOut" in course_line(capsys)
    monkeypatch.chdir(made.parent)
    main(["doctor"])
    assert course_line(capsys).startswith("OK course config: not in a course directory")


def test_two_exercises_from_one_article_each_keep_their_own_highlights(made, capsys):
    """`new-exercise` lists each exercise's own highlights files in the config; the check (and --refresh-config)
    took every item whose id shares the article's first word, so a course with an attribution and an unsupported
    exercise on one article failed `medialit doctor` right after the guide's step 4."""
    corpus = REPO / "course" / "corpus"
    article, gold = corpus / "hamza-bin-laden-killed.md", corpus / "hamza-bin-laden-killed.gold.json"
    for kind in ("attribution", "unsupported"):
        assert main(["new-exercise", str(article), str(gold), "--kind", kind, "--into", str(made)]) == 0
    capsys.readouterr()
    names = [n for n in course.assignments(made / "source") if n.startswith("hamza")]
    assert len(names) == 2
    for name in names:
        own = course.sidecars(name, made / "source" / name)
        assert own and all(s.startswith(name + "-") for s in own), own
    found = check_course(made)
    assert found.ok, found.line()
