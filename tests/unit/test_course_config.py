"""`course init` writes a config nbgrader really loads, and a source/ without saved highlights."""

from __future__ import annotations

from pathlib import Path

import pytest
from traitlets.config.loader import PyFileConfigLoader

from medialit.instructor import course
from medialit.instructor.course import CourseError

REPO = Path(__file__).resolve().parents[2]


@pytest.fixture
def made(tmp_path) -> Path:
    solutions = tmp_path / "solutions"
    __import__("shutil").copytree(REPO / "solutions", solutions)
    (solutions / "ex01-attribution" / "ex01-q1.highlights.json").write_text("{}", encoding="utf-8")
    return course.init(tmp_path / "course", solutions, timeout=7)


def load(path: Path):
    return PyFileConfigLoader(path.name, path=str(path.parent)).load_config()


def test_the_config_loads_and_says_what_the_issue_asks(made):
    config = load(made / "nbgrader_config.py")
    assert config.CourseDirectory.course_id == "medialit"
    assert config.Execute.timeout == 7
    assert config.IgnorePattern.enabled and "Warning" in config.IgnorePattern.pattern
    assert "ex01-q1.highlights.json" in config.Autograde.exclude_overwriting["ex01-attribution"]
    names = [p.__name__ for p in config.GenerateFeedback.preprocessors]
    # it needs the hidden source; medialit's ClearHiddenTests only declares the option the HTML exporter sets
    assert names.index("DropHiddenTestOutput") < names.index("ClearHiddenTestsInFeedback")
    autograde = [p.__name__ for p in config.Autograde.autograde_preprocessors]
    assert "TrimOutput" in autograde
    # leak23: plain autograde leaves no key in autograded/ (after the scores are saved); the formgrader alone
    # shows the grader's notes
    assert autograde[-1] == "KeysOutOfAutograded" and autograde.index("SaveAutoGrades") < len(autograde) - 1
    assert [p.__name__ for p in config.HTMLExporter.preprocessors] == ["NotesForTheGrader"]


def test_opting_in_shows_hidden_tests(tmp_path):
    made = course.init(tmp_path / "c", REPO / "solutions", show_hidden_tests=True)
    config = load(made / "nbgrader_config.py")
    names = [p.__name__ for p in config.GenerateFeedback.preprocessors]
    assert not any(name.startswith("ClearHiddenTests") for name in names) and "DropHiddenTestOutput" not in names
    assert "DropGraderNotes" in names
    assert "KeysOutOfAutograded" not in [p.__name__ for p in config.Autograde.autograde_preprocessors]


def test_source_has_the_notebooks_and_never_a_saved_highlight(made):
    names = sorted(p.relative_to(made / "source").as_posix() for p in (made / "source").rglob("*") if p.is_file())
    assert names == [
        "ex01-attribution/ex01-attribution.ipynb",
        "ex02-unsupported/ex02-unsupported.ipynb",
        "ex03-framing/ex03-framing.ipynb",
        "ex04-provenance/ex04-provenance.ipynb",
        "ex04-provenance/pages/about-county-board.md",
        "ex04-provenance/pages/about-newsdaily24.md",
        "ex04-provenance/pages/about-nordic-truth-daily.md",
        "ex04-provenance/pages/about-norrlands-posten.md",
        "ex04-provenance/pages/page-1.md",
        "ex04-provenance/pages/page-2.md",
        "ex04-provenance/pages/page-3.md",
        "ex04-provenance/pages/page-4.md",
        "ex05-transfer/ex05-transfer.ipynb",
    ]


def test_the_course_keeps_keys_and_scores_to_its_owner_and_the_exchange_sticky(made):
    """instr18: init left source/ (the hidden tests: the keys) 0755 and gradebook.db 0644, open to every account
    when the home is open; the exchange was 0777, where one student could rename the course's folder and put a
    fake assignment in its place. The hub's doctor asks 1777 of an exchange root for that reason."""
    import stat

    def mode(path: Path) -> int:
        return stat.S_IMODE(path.stat().st_mode)

    assert mode(made / "source") == 0o700 and mode(made / "gradebook.db") == 0o600
    assert mode(made / "exchange") == 0o1777


def test_init_refuses_a_folder_in_use(made):
    with pytest.raises(CourseError, match="not empty"):
        course.init(made, REPO / "solutions")


def test_grade_before_release_says_what_to_run(made):
    with pytest.raises(CourseError, match="generate_assignment ex01-attribution"):
        course.grade(made, "ex01-attribution")


def test_the_hidden_checks_are_read_from_the_source_notebooks(made):
    checks = course.hidden_checks(made, "ex01-attribution")
    assert [(c.item, c.variable, c.grade_id) for c in checks] == [
        ("ex01-q1", "answer_q1", "ex01-q1-test"),
        ("ex01-q2", "answer_q2", "ex01-q2-test"),
        ("ex01-q3", "answer_q3", "ex01-q3-test"),
        ("ex01-q4", "answer_q4", "ex01-q4-test"),
    ]
    assert all(c.key for c in checks)


def test_course_init_command(medialit_command, tmp_path):
    import subprocess

    target = tmp_path / "course"
    done = subprocess.run(
        [*medialit_command, "course", "init", str(target), "--solutions", str(REPO / "solutions"), "--timeout", "9"],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode == 0, done.stderr
    assert "ex01-attribution, ex02-unsupported, ex03-framing, ex04-provenance, ex05-transfer" in done.stdout
    assert load(target / "nbgrader_config.py").Execute.timeout == 9
    again = subprocess.run([*medialit_command, "course", "init", str(target)], capture_output=True, text=True)
    assert again.returncode == 2 and again.stderr.count("\n") == 1 and "not empty" in again.stderr


def test_hidden_test_keys_are_the_keys_in_course_keys(made):
    import json

    for assignment in course.assignments(made / "source"):
        for check in course.hidden_checks(made, assignment):
            data = json.loads((REPO / "course" / "keys" / f"{check.item}.json").read_text(encoding="utf-8"))
            assert check.key == data


def test_saved_work_in_solutions_stays_out_of_source(tmp_path):
    """init's copy of solutions/ leaves out what the release leaves out (``core.saved_work``): marks
    under any letter case, a save's temporary file and pre-test letters, beside the plain highlights file."""
    solutions = tmp_path / "solutions"
    __import__("shutil").copytree(REPO / "solutions", solutions)
    saved = ["ex01-q1.highlights.json", "EX01-Q2.Highlights.JSON", ".ex01-q3.highlights.json.ab12.tmp", "pretest.json"]
    for name in saved:
        (solutions / "ex01-attribution" / name).write_text("{}", encoding="utf-8")
    made = course.init(tmp_path / "course", solutions)
    copied = {p.name for p in (made / "source" / "ex01-attribution").iterdir()}
    assert not copied & set(saved) and "ex01-attribution.ipynb" in copied


def test_a_config_from_an_older_release_is_named_with_what_to_run(made):
    """instr21: courses made before this release grade, but their feedback lacks the no-page lines and plain
    autograde warns about every test cell; nothing told the instructor to regenerate the config."""
    config = made / "nbgrader_config.py"
    assert course.outdated_config(made) == ""
    text = config.read_text(encoding="utf-8")
    old = (
        text.replace("OverwriteReleasedCells, CheckCellMetadata", "OverwriteCells, CheckCellMetadata")
        .replace("c.GenerateFeedbackApp.logging_config = logging_config()\n", "")
        .replace("c.CourseDirectory.course_id = 'medialit'", "c.CourseDirectory.course_id = 'media-2026'")
        .replace("SHOW_HIDDEN_TESTS = False", "SHOW_HIDDEN_TESTS = True")
    )
    config.write_text(old, encoding="utf-8")
    line = course.outdated_config(made)
    assert "\n" not in line and "older medialit" in line
    assert "autograde warns only about test cells a student changed" in line
    assert "names them also when it matches no notebook" in line
    assert f"`medialit course init {made} --refresh-config`" in line

    course.refresh_config(made)
    assert course.outdated_config(made) == ""
    assert (made / "nbgrader_config.py.old").read_text(encoding="utf-8") == old
    loaded = load(config)  # the old settings carried over, the new lines in
    assert loaded.CourseDirectory.course_id == "media-2026"
    assert loaded.Execute.timeout == 7
    assert "ClearHiddenTestsInFeedback" not in [p.__name__ for p in loaded.GenerateFeedback.preprocessors]
    assert "OverwriteReleasedCells" in [p.__name__ for p in loaded.Autograde.sanitize_preprocessors]
    assert "ex01-q1.highlights.json" in loaded.Autograde.exclude_overwriting["ex01-attribution"]

    # an instructor's own config is not judged
    config.write_text("c = get_config()  # noqa: F821\nc.CourseDirectory.course_id = 'x'\n", encoding="utf-8")
    assert course.outdated_config(made) == ""


def test_refresh_config_refuses_a_folder_that_is_no_course_in_one_line(medialit_command, tmp_path):
    import subprocess

    cmd = [*medialit_command, "course", "init", str(tmp_path), "--refresh-config"]
    done = subprocess.run(cmd, capture_output=True, text=True, timeout=60)
    assert done.returncode == 2
    assert done.stderr.strip().count("\n") == 0 and "is not a course directory" in done.stderr
    assert "Traceback" not in done.stderr
    # options it would ignore are refused, not dropped in silence
    timeout = subprocess.run([*cmd, "--timeout", "60"], capture_output=True, text=True, timeout=60)
    assert timeout.returncode == 2 and timeout.stderr.strip().count("\n") == 0, timeout.stderr
    assert "--timeout would be ignored" in timeout.stderr and "Traceback" not in timeout.stderr
