"""``medialit doctor --hub``: is this server ready to run the course on JupyterHub?

One line per check, OK or what to do, like ``medialit doctor``: the nbgrader
exchange folder and its modes, the course id in the nbgrader config every
server reads, grading kernels whose errors never quote answer keys, the Unix
groups for instructors and students, the kit in the Python the single-user
servers run (tried as an ordinary user when run as root, since the usual
failure is a folder other users cannot enter; an editable install fails, as it
leads students to the checkout's solutions/), the memory limit per user, the
server configs every server reads (terminals, the students' config), and
that no student account can read a key file (see ``medialit.setup.key_files``),
and the lessons every student's server copies home (``medialit.setup.hub_start``).
Nothing here changes the machine. The setup it checks is course/jupyterhub/.
"""

from __future__ import annotations

import argparse
import grp
import os
import shutil
import stat
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

from medialit.core.counts import counted
from medialit.setup.doctor import Check, run_checks
from medialit.setup.hub_start import JUPYTER_DIR as HUB_JUPYTER_DIR
from medialit.setup.hub_start import LESSONS
from medialit.setup.key_files import check_key_files, editable_checkout, student_account

DEFAULT_EXCHANGE = "/srv/nbgrader/exchange"  # nbgrader's own default
DEFAULT_ENV = "/opt/medialit-hub/venv"
SETUP = "see course/jupyterhub/README.md"
BUILD = "bash scripts/install-hub-deps.sh"
DEFAULT_HUB_CONFIG = "/etc/medialit-hub/jupyterhub_config.py"
# Measured by benchmarks/bench_memory.py (course/jupyterhub/README.md, "How many students"):
# a student's server (jupyterhub-singleuser) about 165 MB plus a lesson kernel of at most 111 MB.
STUDENT_MB = 275
SYSTEM_MB = 1500  # the operating system, the hub, the proxy and the grader's server


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """The ``--hub`` flag of ``medialit doctor`` and its options."""
    hub = parser.add_argument_group("course hub checks (with --hub)")
    hub.add_argument("--hub", action="store_true", help="check a JupyterHub course set-up instead of this machine")
    hub.add_argument("--exchange", help="nbgrader exchange root (default: from the nbgrader config)")
    hub.add_argument("--course-id", help="course id to expect (default: from the nbgrader config)")
    hub.add_argument("--instructors-group", default="medialit-instructors", help="Unix group of instructors")
    hub.add_argument("--students-group", default="medialit-students", help="Unix group of students")
    hub.add_argument(
        "--python",
        default=os.path.join(os.environ.get("MEDIALIT_HUB_ENV", DEFAULT_ENV), "bin", "python"),
        help="the single-user servers' Python (default: $MEDIALIT_HUB_ENV/bin/python or /opt/medialit-hub/venv)",
    )
    hub.add_argument(
        "--hub-config",
        default=os.environ.get("MEDIALIT_HUB_CONFIG", DEFAULT_HUB_CONFIG),
        help=f"the hub's jupyterhub_config.py, for the memory limit (default: $MEDIALIT_HUB_CONFIG or "
        f"{DEFAULT_HUB_CONFIG})",
    )
    hub.add_argument(
        "--course",
        action="append",
        type=Path,
        help="course directory to check (repeatable): its nbgrader_config.py, course id and key files; with --hub, "
        "whose key files students must not read (default: the nbgrader config's; without --hub: this folder)",
    )
    hub.add_argument(
        "--checkout",
        action="append",
        type=Path,
        help="medialit checkout on this server (repeatable; its solutions/ and course/keys/ are checked too)",
    )
    hub.add_argument(
        "--lessons",
        type=Path,
        default=Path(os.environ.get("MEDIALIT_LESSONS") or LESSONS),
        help=f"the lessons each student's server copies home (default: $MEDIALIT_LESSONS or {LESSONS})",
    )
    hub.add_argument("--student", help="student account to check as (default: the first of the students group)")


def nbgrader_config(cwd: Path | None = None, strict: bool = False) -> tuple[Any, list[Path]]:
    """The merged nbgrader config the way a user's server sees it: Jupyter's config path, then ``cwd``.

    A file that does not load is listed in ``used`` as such; with ``strict`` its error is raised instead, naming the
    file (``medialit_file``): a user's ~/.jupyter config breaks every course, not only the one checked."""
    from jupyter_core.paths import jupyter_config_path
    from traitlets.config import Config
    from traitlets.config.loader import ConfigFileNotFound, PyFileConfigLoader

    merged, used = Config(), []
    for folder in [*reversed(jupyter_config_path()), str(cwd or Path.cwd())]:
        try:
            merged.merge(PyFileConfigLoader("nbgrader_config.py", path=folder).load_config())
            used.append(Path(folder) / "nbgrader_config.py")
        except ConfigFileNotFound:
            continue
        except Exception as error:
            if strict:
                error.medialit_file = Path(folder) / "nbgrader_config.py"  # type: ignore[attr-defined]
                raise
            used.append(Path(folder) / f"nbgrader_config.py (does not load: {type(error).__name__}: {error})")
    return merged, used


def check_exchange(root: Path) -> Check:
    """nbgrader's exchange root: a folder every user can write, mode 1777 (sticky: nobody deletes another's)."""
    fix = f"sudo mkdir -p {root} && sudo chmod 1777 {root}"
    if not root.is_dir():
        return Check("exchange", False, f"{root} does not exist; create it: {fix}")
    mode = stat.S_IMODE(root.stat().st_mode)
    if mode & 0o1777 != 0o1777:
        return Check("exchange", False, f"{root} has mode {mode:04o}, needs 1777 so every user can hand in: {fix}")
    if not os.access(root, os.W_OK | os.X_OK):
        return Check("exchange", False, f"{root} is not writable for {_me()}: {fix}")
    return Check("exchange", True, f"{root} (mode {mode:04o}, writable)")


def check_inbound(root: Path, course_id: str) -> Check:
    """Once released, the course's inbound folder must not be listable by students."""
    inbound = root / course_id / "inbound"
    if not inbound.is_dir():
        return Check("exchange inbound", True, f"{inbound} not made yet (the first release makes it, mode 2733)")
    mode = stat.S_IMODE(inbound.stat().st_mode)
    if mode & 0o004:
        return Check(
            "exchange inbound", False, f"{inbound} has mode {mode:04o}: students can list submissions; chmod 2733 it"
        )
    return Check("exchange inbound", True, f"{inbound} (mode {mode:04o}: hand in, not list)")


def check_course_id(configured: str, expected: str | None, used: list[Path]) -> Check:
    where = ", ".join(str(p) for p in used) or "no nbgrader_config.py found"
    if not configured:
        return Check(
            "course id",
            False,
            f"not set ({where}); add c.CourseDirectory.course_id = 'medialit' to the hub's nbgrader_config.py "
            f"({SETUP})",
        )
    if expected and configured != expected:
        return Check("course id", False, f"the config says {configured!r}, expected {expected!r}; fix it in {where}")
    return Check("course id", True, f"{configured} ({where})")


def check_feedback_tracebacks(arguments: list[str], used: list[Path]) -> Check:
    """Grading kernels must print one-line errors: a full traceback quotes the test cell, answer key included."""
    if "--InteractiveShell.xmode=Minimal" in arguments:
        return Check("feedback tracebacks", True, "minimal (failed test cells do not quote their code)")
    where = ", ".join(str(p) for p in used) or "the hub's nbgrader_config.py"
    return Check(
        "feedback tracebacks",
        False,
        "full tracebacks would show answer keys in feedback when a test cell fails; add "
        'c.Execute.extra_arguments = ["--HistoryManager.hist_file=:memory:", "--InteractiveShell.xmode=Minimal"] '
        f"to {where}",
    )


def check_group(label: str, name: str) -> Check:
    try:
        group = grp.getgrnam(name)
    except KeyError:
        return Check(label, False, f"no group {name}; sudo groupadd {name} && sudo usermod -aG {name} USER")
    members = sorted(group.gr_mem)
    if not members:
        return Check(label, False, f"group {name} has no members; sudo usermod -aG {name} USER")
    return Check(label, True, f"{name}: {counted(len(members), 'member')}: {', '.join(members[:5])}")


def check_kit(python: str, user: str | None = None, env: dict[str, str] | None = None) -> Check:
    """``import medialit`` (and nbgrader) in the single-user Python, as ``user`` when given."""
    label = "single-user kit"
    if not os.path.exists(python):
        return Check(
            label, False, f"{python} does not exist; build the shared environment: scripts/install-hub-deps.sh"
        )
    code = "import sys, medialit, nbgrader, jupyterhub; print(medialit.__file__); print(sys.prefix)"
    command = [python, "-c", code]
    if user:
        command = ["runuser", "-u", user, "--", *command]
    if env is None:  # the hub starts servers with its own environment, not this shell's PYTHONPATH
        env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "PYTHONHOME")}
    try:
        done = subprocess.run(command, capture_output=True, text=True, timeout=120, env=env, cwd="/")
    except (OSError, subprocess.TimeoutExpired) as error:
        return Check(label, False, f"{python} could not run ({error}); {SETUP}")
    who = f" as {user}" if user else ""
    if done.returncode == 0:
        module, prefix = done.stdout.split("\n")[:2]
        checkout = editable_checkout(module, prefix)
        if checkout is not None:
            return Check(
                label,
                False,
                f"medialit{who} runs from the checkout {checkout} (an editable install or PYTHONPATH), which leads "
                f"students to its solutions/; install the kit as a wheel: {BUILD}",
            )
        return Check(label, True, f"import medialit works{who} with {python} ({module})")
    text = (done.stderr or done.stdout).strip()
    if "Permission denied" in text:
        return Check(
            label,
            False,
            f"{python} cannot be run{who}: a folder on its path is closed to other users (often /root); "
            f"build the environment where all can read, e.g. {BUILD}",
        )
    missing = text.splitlines()[-1] if text else "unknown error"
    return Check(label, False, f"{missing}{who}; install the kit there: {python} -m pip install medialit jupyterhub")


CONFIGS_STEP = "course/jupyterhub/README.md, step 1"


def _no_login_shell(command: Any) -> bool:
    """A terminal command that is no login shell: a login shell's /etc/profile resets PATH."""
    return isinstance(command, list) and bool(command) and not {"-l", "--login"} & set(map(str, command))


SERVER_CONFIGS = {  # file under the hub's config folder -> (where its value sits, a right value, what is wrong else)
    "jupyter_server_config.json": (
        ("ServerApp", "terminado_settings", "shell_command"),
        _no_login_shell,
        "terminals run a login shell that drops the shared environment from PATH (nbgrader: command not found)",
    ),
    "students/jupyter_server_config.json": (
        ("ServerApp", "jpserver_extensions", "nbgrader.server_extensions.formgrader"),
        lambda value: value is False,
        "students' servers get nbgrader's formgrader and Create Assignment",
    ),
}
"""What each config must set: the key alone is not enough (review23: a students' config turning the formgrader on,
or a terminal command with ``-l``, passed)."""


def hub_jupyter_dir() -> Path:
    """The hub's config folder: the first of ``JUPYTER_CONFIG_PATH`` (step 5 sets it), else the default."""
    return Path((os.environ.get("JUPYTER_CONFIG_PATH") or HUB_JUPYTER_DIR).split(os.pathsep)[0])


def check_server_configs(folder: Path) -> Check:
    """The server configs every server reads from the hub's config folder (the first of ``JUPYTER_CONFIG_PATH``,
    as step 5 runs this check): terminals that keep the shared environment on PATH, and the students' config."""
    import json

    label = "server configs"
    for name, (keys, right, without) in SERVER_CONFIGS.items():
        path = folder / name
        fix = f"install it from course/jupyterhub/{name} ({CONFIGS_STEP})"
        try:
            value: Any = json.loads(path.read_text(encoding="utf-8"))
            for key in keys:
                value = value[key]
        except FileNotFoundError:
            return Check(label, False, f"{path} is missing, so {without}: {fix}")
        except (OSError, ValueError, KeyError, TypeError) as error:
            return Check(label, False, f"{path} does not set {'.'.join(keys)} ({type(error).__name__}): {fix}")
        if not right(value):
            return Check(label, False, f"{path} sets {'.'.join(keys)} to {json.dumps(value)}, so {without}: {fix}")
        if not path.stat().st_mode & stat.S_IROTH:
            return Check(label, False, f"{path} is not readable by every user, so {without}: chmod a+r {path}")
    return Check(label, True, f"{folder}: terminals keep the shared environment, students' config in students/")


LESSONS_STEP = "course/jupyterhub/README.md, step 3"
FIRST_LESSON = "00-start-here.ipynb"  # the page every student's server opens (c.Spawner.default_url)
BESIDE_LESSONS = ("articles", "questions")  # the lessons read these folders beside them


def check_lessons(folder: Path) -> Check:
    """The lessons a student's server copies into ``~/lessons`` on every start (``hub_start.prepare``): there,
    the whole folder (the first lesson, the articles and questions the lessons read), and readable by everyone,
    since each server runs as its student. Without them a student lands on an empty page."""
    label = "lessons"
    if not folder.is_dir():
        return Check(
            label, False, f"{folder} does not exist, so students get no lessons: copy them there ({LESSONS_STEP})"
        )
    missing = [name for name in (FIRST_LESSON, *BESIDE_LESSONS) if not (folder / name).exists()]
    if missing:
        return Check(
            label,
            False,
            f"{folder} has no {', '.join(missing)}: copy the kit's notebooks/ there, as committed ({LESSONS_STEP})",
        )
    fix = f"chmod -R a+rX {folder}"
    for place in [*reversed(folder.resolve().parents), folder.resolve()]:  # every folder on the way in
        if not stat.S_IMODE(place.stat().st_mode) & 0o001:
            return Check(label, False, f"students cannot enter {place} to reach the lessons: chmod o+x {place}")
    for here, dirs, files in os.walk(folder):
        for name in [*dirs, *files]:
            path = Path(here) / name
            if path.is_symlink():
                continue  # never copied (hub_start.lesson)
            mode = stat.S_IMODE(path.stat().st_mode)
            needs = 0o005 if path.is_dir() else 0o004
            if mode & needs != needs:
                return Check(label, False, f"students cannot read {path} (mode {mode:04o}): {fix}")
    count = len(list(folder.glob("[0-9][0-9]-*.ipynb")))
    return Check(label, True, f"{folder}: {counted(count, 'lesson')}, readable by every student")


def check_memory_limit(hub_config: Path, environ: dict[str, str] | None = None) -> Check:
    """The memory limit per user: from MEM_LIMIT (JupyterHub sets it in each user's server) or the hub's config."""
    label = "memory limit"
    environ = os.environ if environ is None else environ
    limit, where = environ.get("MEM_LIMIT", ""), "MEM_LIMIT, set by the hub for this server"
    if not limit and hub_config.is_file():
        limit, where = (
            str(_hub_setting(hub_config, "Spawner", "mem_limit") or ""),
            f"c.Spawner.mem_limit in {hub_config}",
        )
    fix = f"set c.Spawner.mem_limit = '512M' in the hub's config ({SETUP}, 'How many students')"
    if not limit:
        return Check(
            label,
            False,
            f"no memory limit per user ({hub_config}: {'no limit' if hub_config.is_file() else 'not found'}); {fix}",
        )
    try:
        mb = parse_bytes(limit) / 2**20
    except ValueError:
        return Check(label, False, f"{limit!r} ({where}) is not a size such as 512M; {fix}")
    if mb < STUDENT_MB:
        return Check(label, False, f"{mb:.0f} MB per user ({where}) is below the {STUDENT_MB} MB a lesson needs; {fix}")
    total = _memory_mb()
    fits = f"; this machine's {total / 1024:.0f} GB hold {students_at_once(total)}" if total else ""
    return Check(label, True, f"{mb:.0f} MB per user ({where}){fits}")


def parse_bytes(size: str) -> int:
    """``512M`` / ``1G`` / ``2048K`` / a number of bytes, as JupyterHub's mem_limit accepts them."""
    text = str(size).strip().upper()
    factor = {"K": 2**10, "M": 2**20, "G": 2**30, "T": 2**40}.get(text[-1:], 1)
    number = text[:-1] if factor > 1 else text
    return int(float(number) * factor)


def _hub_setting(path: Path, section: str, name: str) -> Any:
    from traitlets.config.loader import PyFileConfigLoader

    try:
        config = PyFileConfigLoader(path.name, path=str(path.parent)).load_config()
    except Exception:  # a config that needs the hub's environment to load is reported as having no value
        return None
    return config[section].get(name) if section in config else None


def students_at_once(total_mb: int) -> str:
    """How many students a machine of ``total_mb`` holds at once, beside the system: "about 1 student at once"."""
    return f"about {counted(max(0, total_mb - SYSTEM_MB) // STUDENT_MB, 'student')} at once"


def _memory_mb() -> int:
    try:
        for line in Path("/proc/meminfo").read_text().splitlines():
            if line.startswith("MemTotal:"):
                return int(line.split()[1]) // 1024
    except OSError:
        pass
    return 0


def course_dirs(args: argparse.Namespace, config: Any) -> list[Path]:
    """``--course`` folders, else the nbgrader config's course root, else this folder when it is a course."""
    if args.course:
        return [Path(p) for p in args.course]
    root = config.CourseDirectory.get("root")
    here = Path(root) if root else Path.cwd()
    return [here] if (here / "source").is_dir() or (here / "gradebook.db").is_file() else []


def checkouts(args: argparse.Namespace) -> list[Path]:
    """``--checkout`` folders, and the checkout this medialit runs from when it is an editable install."""
    import medialit

    found = [Path(p) for p in args.checkout or []]
    mine = editable_checkout(medialit.__file__, sys.prefix)
    return found + ([mine] if mine is not None and mine not in found else [])


def hub_checks(args: argparse.Namespace) -> list[Callable[[], Check]]:
    config, used = nbgrader_config()
    root = Path(args.exchange or config.Exchange.get("root", DEFAULT_EXCHANGE))
    course_id = args.course_id or str(config.CourseDirectory.get("course_id", ""))
    unprivileged = "nobody" if os.geteuid() == 0 and shutil.which("runuser") else None
    return [
        lambda: check_exchange(root),
        lambda: check_course_id(str(config.CourseDirectory.get("course_id", "")), args.course_id, used),
        lambda: check_inbound(root, course_id or "medialit"),
        lambda: check_feedback_tracebacks(list(config.Execute.get("extra_arguments", [])), used),
        lambda: check_group("instructors group", args.instructors_group),
        lambda: check_group("students group", args.students_group),
        lambda: check_kit(args.python, unprivileged),
        lambda: check_memory_limit(Path(args.hub_config)),
        lambda: check_server_configs(hub_jupyter_dir()),
        lambda: check_lessons(args.lessons),
        lambda: check_key_files(
            course_dirs(args, config), checkouts(args), args.student or student_account(args.students_group)
        ),
    ]


def run_hub_doctor(args: argparse.Namespace, print_line: Callable[[str], None] = print) -> int:
    """Print one line per hub check; 0 when all are OK, else 1."""
    return run_checks(hub_checks(args), print_line)


def _me() -> str:
    try:
        import pwd

        return pwd.getpwuid(os.geteuid()).pw_name
    except KeyError:
        return f"uid {os.geteuid()}"
