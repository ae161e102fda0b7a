"""``medialit doctor --hub``: is this server ready to run the course on JupyterHub?

One line per check, OK or what to do, like ``medialit doctor``: the nbgrader
exchange folder and its modes, the course id in the nbgrader config every
server reads, grading kernels whose errors never quote answer keys, the Unix
groups for instructors and students, and the kit in the Python the single-user
servers run (tried as an ordinary user when run as root, since the usual
failure is a folder other users cannot enter).
Nothing here changes the machine. The setup it checks is course/jupyterhub/.
"""

from __future__ import annotations

import argparse
import grp
import os
import shutil
import stat
import subprocess
from collections.abc import Callable
from pathlib import Path
from typing import Any

from medialit.doctor import Check

DEFAULT_EXCHANGE = "/srv/nbgrader/exchange"  # nbgrader's own default
DEFAULT_ENV = "/opt/medialit-hub/venv"
SETUP = "see course/jupyterhub/README.md"
BUILD = "bash scripts/install-hub-deps.sh"


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


def nbgrader_config(cwd: Path | None = None) -> tuple[Any, list[Path]]:
    """The merged nbgrader config the way a user's server sees it: Jupyter's config path, then ``cwd``."""
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
        except Exception as error:  # a broken config file is reported, not raised
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
    return Check(label, True, f"{name}: {len(members)} member(s): {', '.join(members[:5])}")


def check_kit(python: str, user: str | None = None, env: dict[str, str] | None = None) -> Check:
    """``import medialit`` (and nbgrader) in the single-user Python, as ``user`` when given."""
    label = "single-user kit"
    if not os.path.exists(python):
        return Check(
            label, False, f"{python} does not exist; build the shared environment: scripts/install-hub-deps.sh"
        )
    code = "import medialit, nbgrader, jupyterhub; print(medialit.__file__)"
    command = [python, "-c", code]
    if user:
        command = ["runuser", "-u", user, "--", *command]
    try:
        done = subprocess.run(command, capture_output=True, text=True, timeout=120, env=env, cwd="/")
    except (OSError, subprocess.TimeoutExpired) as error:
        return Check(label, False, f"{python} could not run ({error}); {SETUP}")
    who = f" as {user}" if user else ""
    if done.returncode == 0:
        return Check(label, True, f"import medialit works{who} with {python} ({done.stdout.strip()})")
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
    ]


def run_hub_doctor(args: argparse.Namespace, print_line: Callable[[str], None] = print) -> int:
    """Print one line per hub check; 0 when all are OK, else 1."""
    ok = True
    for check in hub_checks(args):
        result = check()
        print_line(result.line())
        ok = ok and result.ok
    return 0 if ok else 1


def _me() -> str:
    try:
        import pwd

        return pwd.getpwuid(os.geteuid()).pw_name
    except KeyError:
        return f"uid {os.geteuid()}"
