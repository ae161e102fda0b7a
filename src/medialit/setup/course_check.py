"""``medialit doctor`` in a course directory: is its ``nbgrader_config.py`` the one medialit grades safely with?

nbgrader only logs a config file that fails to load, and runs on with its defaults; a config from an older
``medialit course init``, or one edited by hand, may lack a step medialit relies on: the release that keeps
the instructor's marks out, the autograde that never overwrites a student's saved highlights, the feedback that
hides the answer keys. A course id that is not the gradebook's shows an empty formgrader; a key file every
account can read is the answer for anyone on the machine. Each of these is one failing line: what is wrong and
what to do. Nothing here changes the course.
"""

from __future__ import annotations

import ast
import sqlite3
import stat
from pathlib import Path
from typing import Any

from medialit.setup.doctor import Check
from medialit.setup.key_files import COURSE_KEYS

LABEL = "course config"
REFRESH = "run `medialit course init {course} --refresh-config` (yours is kept as nbgrader_config.py.old)"

REQUIRED = {
    ("GenerateAssignment", "preprocessors"): {
        "KeepMarksOut": "the release would hand out marks you saved beside a source notebook",
        "ClearAnswers": "released answer cells would lose their `answer = None` line",
    },
    ("Autograde", "sanitize_preprocessors"): {
        "OverwriteReleasedCells": "a test cell a student changed would not be put back",
        "DropDuplicateIds": "a student who copied a graded cell would fail grading",
        "InertMarkdown": "a student's markdown would run as HTML in your formgrader page",
    },
    ("Autograde", "autograde_preprocessors"): {
        "TrimOutput": "a student who prints 100 MB would make a 100 MB notebook",
    },
    ("GenerateFeedback", "preprocessors"): {
        "DropGraderNotes": "feedback would show the model answers and rubrics",
        "NameNoFeedback": "feedback would not name the students it makes no page for",
    },
    ("HTMLExporter", "preprocessors"): {
        "NotesForTheGrader": "the formgrader would not show the model answer and rubric beside a written answer",
    },
}
"""Settings medialit's config makes, the steps each must hold and what goes wrong without it."""

HIDE_KEYS = {"DropHiddenTestOutput", "ClearHiddenTestsInFeedback"}
"""The feedback steps that keep hidden tests (the keys) out; ``SHOW_HIDDEN_TESTS = True`` leaves them out on purpose."""
KEYS_OUT = "KeysOutOfAutograded"
"""The autograde step that leaves no hidden test in ``autograded/`` (feedback's source, whatever its config)."""

CLOSED = tuple(p for p in COURSE_KEYS if p != "nbgrader_config.py")
"""What in a course holds the keys or quotes them, as ``doctor --hub`` reads it (``key_files.COURSE_KEYS``; the
config holds none): never for every account. Before (leak23) only source/, keys/, the gradebook and reports/ were
looked at, and a course whose classmates' graded notebooks, hand-ins and feedback pages every account could read
(nbgrader makes them 0644 in 0755 folders) passed as "keys closed"."""
SHOWN = 3


def is_course(folder: Path) -> bool:
    """A folder ``medialit course init`` made (or one like it): a config beside ``source/`` or a gradebook."""
    return (folder / "nbgrader_config.py").is_file() and (
        (folder / "source").is_dir() or (folder / "gradebook.db").is_file()
    )


def check_course(course: Path) -> Check:
    """One line for the course directory's ``nbgrader_config.py``, its course id and who can read its keys."""
    course = Path(course)
    config_file = course / "nbgrader_config.py"
    if not course.is_dir():
        return Check(LABEL, False, f"{course} is not a folder; give the course directory `medialit course init` made")
    if not config_file.is_file():
        return Check(
            LABEL,
            False,
            f"{course} has no nbgrader_config.py, so nbgrader would grade it with its own defaults; give the folder "
            "`medialit course init` made, or make one with `medialit course init NEW`",
        )
    try:
        text = config_file.read_text(encoding="utf-8")
        show_hidden = _literal(ast.parse(text), "SHOW_HIDDEN_TESTS") is True
        config = _load(course)
    except Exception as error:  # the instructor's own Python: any error is theirs to see, in one line
        return Check(LABEL, False, _not_loading(course, error, "grades with its defaults"))
    for problem in (
        _outdated(course),
        _missing_steps(course, config, show_hidden),
        _unprotected_highlights(course, config),
        _course_id(course, config),
        _root(course, config),
        _readable_keys(course),
    ):
        if problem:
            return Check(LABEL, False, problem)
    course_id = config.CourseDirectory.get("course_id")
    shown = "; feedback shows the hidden tests (SHOW_HIDDEN_TESTS = True)" if show_hidden else ""
    return Check(LABEL, True, f"{config_file} (course id {course_id!r}, medialit's grading steps, keys closed){shown}")


def load_problem(course: Path) -> str:
    """One line when the configs nbgrader reads in ``course`` do not load (it would run with its defaults), else ""."""
    try:
        _load(Path(course))
    except Exception as error:  # the instructor's own Python: any error is theirs to see, in one line
        return _not_loading(Path(course), error, "would grade with its defaults (no sandbox, none of medialit's steps)")
    return ""


def shows_hidden_tests(course: Path) -> bool:
    """The course's ``nbgrader_config.py`` sets ``SHOW_HIDDEN_TESTS = True``: feedback may show the hidden tests."""
    try:
        tree = ast.parse((Path(course) / "nbgrader_config.py").read_text(encoding="utf-8"))
    except (OSError, ValueError, SyntaxError):
        return False
    return _literal(tree, "SHOW_HIDDEN_TESTS") is True


def _not_loading(course: Path, error: BaseException, so: str) -> str:
    own = course / "nbgrader_config.py"
    where = getattr(error, "medialit_file", None) or own
    fix = f"fix it, or {REFRESH.format(course=course)}" if where == own else "fix it or move it away"
    return f"{where} does not load ({type(error).__name__}: {_one_line(error)}), so nbgrader ignores it and {so}; {fix}"


def _load(course: Path) -> Any:
    """The config nbgrader sees in ``course``: Jupyter's config folders, then the course's own file (raises)."""
    from medialit.setup.doctor_hub import nbgrader_config

    return nbgrader_config(course, strict=True)[0]


def _outdated(course: Path) -> str:
    from medialit.instructor.course import outdated_config

    return outdated_config(course)


def _names(value: object) -> set[str]:
    return {getattr(v, "__name__", str(v)) for v in value} if isinstance(value, list | tuple) else set()


def _missing_steps(course: Path, config: Any, show_hidden: bool) -> str:
    for (section, name), steps in REQUIRED.items():
        if name not in config[section]:
            return (
                f"{course / 'nbgrader_config.py'} does not set c.{section}.{name}, so nbgrader's own list runs "
                f"without medialit's steps ({next(iter(steps.values()))}); {REFRESH.format(course=course)}"
            )
        have = _names(config[section][name])
        for step, why in steps.items():
            if step not in have:
                return (
                    f"{course / 'nbgrader_config.py'}: c.{section}.{name} lacks {step}, so {why}; "
                    f"{REFRESH.format(course=course)}"
                )
    hidden = _names(config.GenerateFeedback.get("preprocessors", []))
    if not show_hidden and not hidden >= HIDE_KEYS:
        return (
            f"{course / 'nbgrader_config.py'}: c.GenerateFeedback.preprocessors lacks "
            f"{', '.join(sorted(HIDE_KEYS - hidden))}, so feedback would show students the hidden tests (the answer "
            f"keys); {REFRESH.format(course=course)}"
        )
    autograde = _names(config.Autograde.get("autograde_preprocessors", []))
    if not show_hidden and KEYS_OUT not in autograde:
        return (
            f"{course / 'nbgrader_config.py'}: c.Autograde.autograde_preprocessors lacks {KEYS_OUT}, so plain "
            "`nbgrader autograde` and the formgrader's Autograde button leave the hidden tests (the answer keys) in "
            f"autograded/, and a feedback page made while this file does not load shows them; "
            f"{REFRESH.format(course=course)}"
        )
    if "Execute" not in config or "timeout" not in config.Execute:
        return (
            f"{course / 'nbgrader_config.py'} sets no c.Execute.timeout, so a student's endless loop stops "
            f"grading for good; {REFRESH.format(course=course)}"
        )
    return ""


def _unprotected_highlights(course: Path, config: Any) -> str:
    """Every exercise's highlights files are in ``Autograde.exclude_overwriting`` (else source/ files replace them)."""
    from medialit.instructor.course import assignments, sidecars

    if not (course / "source").is_dir():
        return ""
    excluded = config.Autograde.get("exclude_overwriting", {})
    for name in assignments(course / "source"):
        missing = [s for s in sidecars(name, course / "source" / name) if s not in excluded.get(name, [])]
        if missing:
            return (
                f"{course / 'nbgrader_config.py'}: c.Autograde.exclude_overwriting does not list {name}'s "
                f"{missing[0]}, so a file of that name in source/{name} would replace each student's saved marks; "
                f"{REFRESH.format(course=course)} (it lists every exercise in source/)"
            )
    return ""


def _course_id(course: Path, config: Any) -> str:
    configured = str(config.CourseDirectory.get("course_id", ""))
    if not configured:
        return (
            f"{course / 'nbgrader_config.py'} sets no course id, so release and collect through an exchange fail; "
            "add c.CourseDirectory.course_id = 'medialit' (the id `medialit course init` gives)"
        )
    owners = _gradebook_courses(course / "gradebook.db")
    if owners and configured not in owners:
        theirs = ", ".join(repr(o) for o in sorted(owners))
        return (
            f"{course / 'nbgrader_config.py'} says course id {configured!r}, but the gradebook's assignments belong "
            f"to {theirs}, so the formgrader and `medialit course report` would not find them; set "
            f"c.CourseDirectory.course_id = {sorted(owners)[0]!r} again"
        )
    return ""


def _gradebook_courses(db: Path) -> set[str]:
    """The course ids that own assignments in a SQLite gradebook (empty for another database or none)."""
    if not db.is_file():
        return set()
    try:
        with sqlite3.connect(f"file:{db}?mode=ro", uri=True) as connection:
            return {row[0] for row in connection.execute("SELECT DISTINCT course_id FROM assignment")}
    except sqlite3.Error:
        return set()


def _root(course: Path, config: Any) -> str:
    """A ``CourseDirectory.root`` from a user's Jupyter config would make nbgrader, run here, work elsewhere."""
    root = config.CourseDirectory.get("root")
    if root and Path(str(root)).resolve() != course.resolve():
        return (
            f"nbgrader's course root is {root} (c.CourseDirectory.root, from a Jupyter config folder such as "
            f"~/.jupyter), not {course}, so nbgrader run here works on that course; remove that line or make it "
            f"{course.resolve()}"
        )
    return ""


def _readable_keys(course: Path) -> str:
    """Key files every account on this machine may read: ``r`` for others on the file, ``x`` on every folder."""
    found: set[Path] = set()
    for pattern in CLOSED:
        found.update(p for p in course.glob(pattern) if p.is_file())
    leaked = sorted(p for p in found if _open_to_all(p))
    if not leaked:
        return ""
    shown = ", ".join(str(p.relative_to(course)) for p in leaked[:SHOWN])
    more = f" and {len(leaked) - SHOWN} more" if len(leaked) > SHOWN else ""
    tops = sorted({course / p.relative_to(course).parts[0] for p in leaked})
    return (
        f"{len(leaked)} key file{'s' if len(leaked) > 1 else ''} in {course} every account on this machine can read "
        f"({shown}{more}); close them: {' && '.join(f'chmod -R go-rwx {t}' for t in tops)}"
    )


def _open_to_all(path: Path) -> bool:
    for part in [*reversed(path.absolute().parents), path]:
        try:
            mode = part.stat().st_mode
        except OSError:
            return False
        if not mode & (stat.S_IROTH if part == path else stat.S_IXOTH):
            return False
    return True


def _literal(tree: ast.Module, target: str) -> object:
    found: object = None
    for node in tree.body:
        if isinstance(node, ast.Assign) and any(ast.unparse(t) == target for t in node.targets):
            try:
                found = ast.literal_eval(node.value)
            except ValueError:
                found = None
    return found


def _one_line(error: BaseException) -> str:
    return " ".join(str(error).split())[:200]
