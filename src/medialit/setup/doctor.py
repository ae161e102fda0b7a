"""``medialit doctor``: is this machine ready for the kit? One line per part, OK or what to do.

Each check returns a ``Check``; nothing here changes the machine. The advice
names the exact command, because the reader is often a student on a course
JupyterHub or an instructor setting one up.
"""

from __future__ import annotations

import importlib.metadata
import os
import platform
import re
import shutil
import subprocess
import sys
from collections.abc import Callable, Iterable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

from packaging.specifiers import SpecifierSet

INSTALL = 'pip install -e ".[test]" in the medialit checkout (or: bash scripts/lab)'
CHROMIUM = Path("/usr/bin/chromium")
LAB_EXTENSIONS = {
    "widgets extension": "@jupyter-widgets/jupyterlab-manager",
    "anywidget extension": "anywidget",  # the highlighter is an anywidget
    "nbgrader extension": "@jupyter/nbgrader",
}
FORMGRADER = "nbgrader.server_extensions.formgrader"
PYTHON = ">=3.11"
PACKAGES = {"spacy": ">=3.8,<3.9", "jupyterlab": ">=4.2,<5", "nbgrader": ">=0.9.5,<0.10"}
"""What ``check_package`` wants of each, the ranges of pyproject.toml's dependencies (a unit test compares them)."""
_ANSI = re.compile(r"\x1b\[[0-9;]*m")


@dataclass(frozen=True)
class Check:
    """One verdict: ``ok`` with a detail (version, path), or not ok with what to do."""

    name: str
    ok: bool
    detail: str

    def line(self) -> str:
        return f"{'OK' if self.ok else '!!'} {self.name}: {self.detail}"


def check_python(version: str = platform.python_version(), wanted: str = PYTHON) -> Check:
    """This Python against ``wanted`` (pyproject's ``requires-python``)."""
    if SpecifierSet(wanted).contains(version, prereleases=True):  # a release candidate is new enough
        return Check("python", True, f"{version} ({sys.executable})")
    return Check("python", False, f"{version} is too old; install Python {wanted} and recreate the .venv")


def check_package(name: str, wanted: str) -> Check:
    """``name`` installed in a version ``wanted`` allows (a specifier such as ``>=3.8,<3.9``, as in pyproject)."""
    try:
        version = importlib.metadata.version(name)
    except importlib.metadata.PackageNotFoundError:
        return Check(name, False, f"not installed; run {INSTALL}")
    if not SpecifierSet(wanted).contains(version, prereleases=True):
        return Check(name, False, f"{version} installed but medialit needs {name}{wanted}; run {INSTALL}")
    return Check(name, True, version)


def check_model() -> Check:
    """Which English model loads, and its version (the setting MEDIALIT_SPACY_MODEL can choose)."""
    try:
        from medialit.nlp import pipeline
    except ImportError as error:
        return Check("model", False, f"cannot import spaCy ({error}); run {INSTALL}")
    try:
        nlp = pipeline.load_pipeline()
    except pipeline.ModelError as error:
        return Check("model", False, str(error))
    setting = os.environ.get(pipeline.ENV_VAR, "").strip()
    chosen = f"chosen by {pipeline.ENV_VAR}" if setting else "default choice"
    return Check("model", True, f"{pipeline.model_in_use(nlp)} (load name {pipeline.model_name()}, {chosen})")


def check_lab_extension(label: str, package: str, listing: str | None) -> Check:
    """``package`` appears in ``jupyter labextension list`` as enabled and OK."""
    if listing is None:
        return Check(label, False, f"`jupyter labextension list` failed; run {INSTALL}")
    for line in _ANSI.sub("", listing).splitlines():
        fields = line.split()
        if fields and fields[0] == package:
            if "enabled" in fields and "OK" in fields:
                return Check(label, True, f"{package} {fields[1]}")
            state = " ".join(fields[1:])
            return Check(label, False, f"{package} is {state}; run jupyter labextension enable {package}")
    return Check(label, False, f"{package} not found in JupyterLab; run {INSTALL}")


def check_chromium(path: Path = CHROMIUM) -> Check:
    """Debian's Chromium, used only by the browser tests."""
    fix = "apt-get update && apt-get install -y chromium (needed only for the browser tests)"
    if not path.exists():
        return Check("chromium", False, f"{path} not found; run {fix}")
    try:
        done = subprocess.run([str(path), "--version"], capture_output=True, text=True, timeout=60, check=False)
    except (OSError, subprocess.TimeoutExpired) as error:
        return Check("chromium", False, f"{path} --version failed ({error}); run {fix}")
    words = done.stdout.split()
    version = next((w for w in words if re.fullmatch(r"\d+(\.\d+)+", w)), "")
    if done.returncode != 0 or not version:
        return Check("chromium", False, f"{path} --version failed ({done.stderr.strip()[:80]}); run {fix}")
    return Check("chromium", True, f"{version} ({path})")


def check_grading_isolation(probe: Callable[[], str] | None = None) -> Check:
    """Can ``course grade`` run a student's kernel where it cannot reach the grader's files? (It runs one only
    for test cells that are not medialit items; medialit items are graded without running student code.)"""
    from medialit.instructor import sandbox

    why = (probe or sandbox.probe)()
    if why:
        fix = "apt-get install -y bubblewrap (and allow user namespaces)"
        return Check("grading isolation", False, f"{why}; code tests would run with your rights; run {fix}")
    return Check("grading isolation", True, "student kernels run in bubblewrap (no course files, no network)")


def check_server_extension(label: str, module: str, listing: str | None) -> Check:
    """``module`` appears in ``jupyter server extension list`` as enabled and validated OK."""
    if listing is None:
        return Check(label, False, f"`jupyter server extension list` failed; run {INSTALL}")
    lines = [line.split() for line in _ANSI.sub("", listing).splitlines()]
    if [module, "enabled"] not in lines:
        return Check(
            label, False, f"{module} is not enabled; run jupyter server extension enable --sys-prefix {module}"
        )
    if [module, "OK"] not in lines:
        return Check(label, False, f"{module} does not import; reinstall nbgrader: {INSTALL}")
    return Check(label, True, f"{module} enabled")


def jupyter_listing(*args: str) -> str | None:
    """What ``jupyter ARGS`` prints (these listings go to stderr), from this Python's environment."""
    jupyter = shutil.which("jupyter", path=str(Path(sys.executable).parent)) or shutil.which("jupyter")
    if not jupyter:
        return None
    try:
        done = subprocess.run([jupyter, *args], capture_output=True, text=True, timeout=120, check=False)
    except (OSError, subprocess.TimeoutExpired):
        return None
    return done.stdout + done.stderr if done.returncode == 0 else None


def checks(courses: Iterable[Path] = ()) -> list[Callable[[], Check]]:
    """Every check, in the order they are shown; the two slow ``jupyter`` listings run side by side.

    ``courses``: course directories whose ``nbgrader_config.py`` and key files are checked too (the current folder
    when it is one and none is given; ``setup.course_check``)."""
    from medialit.setup.course_check import LABEL, check_course, is_course

    courses = list(courses) or ([Path.cwd()] if is_course(Path.cwd()) else [])
    none_here = Check(
        LABEL, True, "not in a course directory (run `medialit doctor` in one, or give --course DIR, to check it)"
    )
    with ThreadPoolExecutor(max_workers=2) as pool:
        labs = pool.submit(jupyter_listing, "labextension", "list")
        servers = pool.submit(jupyter_listing, "server", "extension", "list")
    return [
        check_python,
        lambda: check_package("spacy", PACKAGES["spacy"]),
        check_model,
        lambda: check_package("jupyterlab", PACKAGES["jupyterlab"]),
        *(
            lambda label=label, package=package: check_lab_extension(label, package, labs.result())
            for label, package in LAB_EXTENSIONS.items()
        ),
        lambda: check_server_extension("nbgrader server extension", FORMGRADER, servers.result()),
        lambda: check_package("nbgrader", PACKAGES["nbgrader"]),
        check_grading_isolation,
        check_chromium,
        *((lambda course=course: check_course(course)) for course in courses),
        *([] if courses else [lambda: none_here]),
    ]


def run_doctor(print_line: Callable[[str], None] = print, courses: Iterable[Path] = ()) -> int:
    """Print one line per check as it finishes; 0 when all are OK, else 1."""
    return run_checks(checks(courses), print_line)


def run_checks(found: Iterable[Callable[[], Check]], print_line: Callable[[str], None] = print) -> int:
    """Run each check, printing its line as it finishes (``doctor`` and ``doctor --hub`` alike); 0 when all are
    OK, else 1."""
    ok = True
    for check in found:
        result = check()
        print_line(result.line())
        ok = ok and result.ok
    return 0 if ok else 1
