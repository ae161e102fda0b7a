"""The ``hub`` fixture: a real JupyterHub with an instructor and two students (see hubkit.py)."""

from __future__ import annotations

import contextlib
import os
import secrets
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
import requests
from hubkit import COURSE_ID, HUB_ENV, LEFTOVERS, ROOT, Hub, free_port, sh

TEST_CONFIG = """\
c = get_config()  # noqa: F821
load_subconfig({course_config!r})  # noqa: F821

# Test-only changes: loopback ports, a throwaway hub state, users without passwords.
c.JupyterHub.authenticator_class = "dummy"
c.JupyterHub.hub_port = {hub_port}
c.ConfigurableHTTPProxy.api_url = "http://127.0.0.1:{proxy_api_port}"
c.ConfigurableHTTPProxy.command = [{chp!r}]
c.JupyterHub.cleanup_servers = True
c.Spawner.environment.update({{"MEDIALIT_EXCHANGE": {exchange!r}}})

# The formgrader service (run as the grader account) uses the test exchange too.
for service in c.JupyterHub.services:
    if service["name"] == {course!r}:
        service["environment"]["MEDIALIT_EXCHANGE"] = {exchange!r}

# The test drives users through the REST API with this service's admin token.
c.JupyterHub.services.append({{"name": "e2e-admin", "api_token": {token!r}}})
c.JupyterHub.load_roles.append({{"name": "admin", "services": ["e2e-admin"]}})
"""


@pytest.fixture(scope="module")
def hub(request) -> Iterator[Hub]:
    """The hub; a test module's ``HUB_SETTINGS`` (environment variables of jupyterhub_config.py) and ``HUB_CONFIG``
    (lines added to the test's config) change it."""
    if os.geteuid() != 0:
        pytest.fail("the hub test must run as root: it creates system users and runs the hub as root")
    # The single-user servers run a copy of the kit: bring it up to date with this checkout (quick when it is).
    sh("bash", str(ROOT / "scripts" / "install-hub-deps.sh"))
    for need, hint in [
        (HUB_ENV / "bin" / "jupyterhub-singleuser", "bash scripts/install-hub-deps.sh"),
        (Path(shutil.which("configurable-http-proxy") or "/missing"), "bash scripts/install-hub-deps.sh"),
    ]:
        if not need.exists():
            pytest.fail(f"{need} is missing: run {hint}")
    tag = secrets.token_hex(3)
    base = Path(tempfile.mkdtemp(prefix="medialit-hub-", dir="/tmp"))
    base.chmod(0o755)  # users must traverse it to reach their homes and the exchange
    users = {"instructor": f"mlh{tag}i", "student1": f"mlh{tag}a", "student2": f"mlh{tag}b"}
    groups = {"instructor": f"mlh{tag}-instructors", "student": f"mlh{tag}-students"}
    grader = f"grader-{COURSE_ID}"  # the formgrader service's account: the name the hub config expects
    created: list[str] = []
    proc = None
    try:
        for group in groups.values():
            sh("groupadd", group)
        (base / "home").mkdir(mode=0o755)
        for role, name in users.items():
            group = groups["instructor" if role == "instructor" else "student"]
            sh("useradd", "-m", "-d", str(base / "home" / name), "-s", "/bin/bash", "-G", group, name)
            created.append(name)
            (base / "home" / name).chmod(0o700)
        sh("useradd", "-m", "-d", str(base / "home" / grader), "-s", "/bin/bash", "-G", groups["instructor"], grader)
        created.append(grader)
        (base / "home" / grader).chmod(0o700)
        # The instructor material (solutions/) only in the homes of those who grade (README, step 4).
        for name in (users["instructor"], grader):
            _private_kit(name, base / "home" / name)
        exchange = base / "exchange"
        exchange.mkdir()
        exchange.chmod(0o1777)
        jupyter_dir = base / "jupyter"
        jupyter_dir.mkdir(mode=0o755)
        shutil.copy2(ROOT / "course" / "jupyterhub" / "nbgrader_config.py", jupyter_dir / "nbgrader_config.py")
        (jupyter_dir / "nbgrader_config.py").chmod(0o644)
        server_config = jupyter_dir / "jupyter_server_config.json"  # README step 1: terminals keep the env's PATH
        shutil.copy2(ROOT / "course" / "jupyterhub" / server_config.name, server_config)
        server_config.chmod(0o644)
        labconfig = jupyter_dir / "labconfig"  # README step 1: no "Jupyter news?" prompt over the lessons
        labconfig.mkdir(mode=0o755)
        shutil.copy2(ROOT / "scripts" / "jupyter-config" / "labconfig" / "page_config.json", labconfig)
        (labconfig / "page_config.json").chmod(0o644)
        shutil.copytree(ROOT / "course" / "jupyterhub" / "students", jupyter_dir / "students")  # README step 1
        sh("chmod", "-R", "a+rX", str(jupyter_dir / "students"))
        _grader_course(grader, base / "home" / grader, jupyter_dir)
        lessons = base / "lessons"  # README step 3 (as committed): every server copies them home on its first start
        lessons.mkdir()
        archive = subprocess.run(
            ["git", "-C", str(ROOT), "archive", "HEAD", "notebooks"], capture_output=True, check=True
        )
        subprocess.run(["tar", "-x", "-C", str(lessons), "--strip-components=1"], input=archive.stdout, check=True)
        for name, text in LEFTOVERS.items():  # what a folder copied as it is on disk (the image's) may hold
            (lessons / name).parent.mkdir(exist_ok=True)
            (lessons / name).write_text(text, encoding="utf-8")
        (lessons / "00-answers.json").symlink_to(ROOT / "course" / "keys" / "ex01-q1.json")  # readable by students
        sh("chmod", "-R", "a+rX", str(lessons))

        state = base / "hub"
        state.mkdir(mode=0o700)
        token = secrets.token_hex(32)
        port = free_port()
        config = TEST_CONFIG.format(
            course_config=str(ROOT / "course" / "jupyterhub" / "jupyterhub_config.py"),
            hub_port=free_port(),
            proxy_api_port=free_port(),
            chp=shutil.which("configurable-http-proxy"),
            exchange=str(exchange),
            token=token,
            course=COURSE_ID,
        )
        config += getattr(request.module, "HUB_CONFIG", "")
        (state / "jupyterhub_config.py").write_text(config, encoding="utf-8")
        env = dict(os.environ)
        env.update(
            {
                "PATH": f"{Path(sys.executable).parent}:{env.get('PATH', '/usr/bin:/bin')}",
                "MEDIALIT_HUB_ENV": str(HUB_ENV),
                "MEDIALIT_HUB_JUPYTER_DIR": str(jupyter_dir),
                "MEDIALIT_LESSONS": str(base / "lessons"),
                "MEDIALIT_COURSE_ID": COURSE_ID,
                "MEDIALIT_INSTRUCTORS": users["instructor"],
                "MEDIALIT_STUDENTS": f"{users['student1']},{users['student2']}",
                "MEDIALIT_HUB_URL": f"http://127.0.0.1:{port}",
                "MEDIALIT_HUB_DB": f"sqlite:///{state / 'jupyterhub.sqlite'}",
                "MEDIALIT_HUB_COOKIE": str(state / "cookie_secret"),
                "MEDIALIT_FORMGRADER_PORT": str(free_port()),
                "MEDIALIT_GRADER_HOME": str(base / "home" / grader),
            }
        )
        env.update(getattr(request.module, "HUB_SETTINGS", {}))
        log = (state / "hub.log").open("w")
        proc = subprocess.Popen(
            [str(Path(sys.executable).parent / "jupyterhub"), "-f", str(state / "jupyterhub_config.py")],
            cwd=state,
            env=env,
            stdout=log,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
        hub = Hub(f"http://127.0.0.1:{port}", token, base, exchange, users, groups)
        _wait_for_hub(hub, proc, state / "hub.log")
        yield hub
    finally:
        if proc is not None:
            _stop(proc)
        for name in created:
            _end_user_processes(name)
            subprocess.run(["userdel", "-r", name], capture_output=True)
        for group in groups.values():
            subprocess.run(["groupdel", group], capture_output=True)
        shutil.rmtree(base, ignore_errors=True)


def _private_kit(user: str, home: Path) -> None:
    """A copy of the checkout's solutions/ in ``home``/kit, owned by ``user``, mode 700."""
    kit = home / "kit"
    shutil.copytree(ROOT / "solutions", kit / "solutions", ignore=shutil.ignore_patterns("*.highlights.json"))
    sh("chown", "-R", f"{user}:", str(kit))
    sh("chmod", "-R", "go-rwx", str(kit))


def _grader_course(grader: str, home: Path, jupyter_dir: Path) -> None:
    """The grader account's course directory, where its formgrader looks (README, step 4)."""
    env = f"PATH={HUB_ENV}/bin:/usr/bin:/bin JUPYTER_CONFIG_PATH={jupyter_dir} HOME={home}"
    solutions = home / "kit" / "solutions"
    setup = (
        f"cd {home} && env {env} medialit course init course --solutions {solutions} && mkdir -p .jupyter && "
        f"echo 'c.CourseDirectory.root = \"{home}/course\"' > .jupyter/nbgrader_config.py"
    )
    sh("runuser", "-u", grader, "--", "sh", "-c", setup)


def _wait_for_hub(hub: Hub, proc: subprocess.Popen, log: Path) -> None:
    deadline = time.monotonic() + 90
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise RuntimeError(f"the hub exited ({proc.returncode}):\n{log.read_text()[-3000:]}")
        try:
            if hub.api("GET", "/").status_code == 200:
                return
        except requests.ConnectionError:
            pass
        time.sleep(0.5)
    raise RuntimeError(f"the hub did not answer:\n{log.read_text()[-3000:]}")


def _stop(proc: subprocess.Popen) -> None:
    """SIGTERM the hub (it stops the user servers and its proxy), then make sure its group is gone."""
    proc.terminate()
    try:
        proc.wait(timeout=60)
    except subprocess.TimeoutExpired:
        os.killpg(proc.pid, 9)
        proc.wait()
    with contextlib.suppress(ProcessLookupError):
        os.killpg(proc.pid, 15)  # the proxy it started, if it outlived the hub


def _end_user_processes(name: str) -> None:
    """Processes left by this test's own throwaway user (its server, kernels), by process id."""
    found = subprocess.run(["ps", "-u", name, "-o", "pid="], capture_output=True, text=True).stdout.split()
    for pid in found:
        with contextlib.suppress(ProcessLookupError, ValueError):
            os.kill(int(pid), 9)
