"""JupyterLab on a loopback port for the browser tests and the widget benchmark (a plain module, so a test file
can import it: pytest keeps only one module named ``conftest``)."""

from __future__ import annotations

import contextlib
import json
import os
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

# The kit's JupyterLab extensions from these sources (an editable install does not copy them to share/jupyter).
LABEXTENSIONS = Path(__file__).resolve().parents[2] / "src" / "medialit" / "labextensions"


@dataclass(frozen=True)
class Lab:
    url: str
    root: Path


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _wait_until_up(url: str, server: subprocess.Popen, log: Path, seconds: float = 90) -> None:
    """Poll the server's API (the one place a loop is needed: Playwright is not involved yet)."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if server.poll() is not None:
            raise RuntimeError(f"jupyter lab exited ({server.returncode}):\n{log.read_text()[-3000:]}")
        try:
            with urllib.request.urlopen(f"{url}api/status", timeout=2) as answer:
                if answer.status == 200:
                    return
        except OSError:
            time.sleep(0.2)
    raise RuntimeError(f"jupyter lab did not answer within {seconds} s:\n{log.read_text()[-3000:]}")


@contextlib.contextmanager
def running_lab(root: Path, home: Path) -> Iterator[Lab]:
    """JupyterLab on a free loopback port serving ``root``, with a fresh profile in ``home`` (also for benchmarks)."""
    port = _free_port()
    url = f"http://127.0.0.1:{port}/"
    log = home / "jupyter-lab.log"
    env = os.environ | {
        "JUPYTER_CONFIG_DIR": str(home / "config"),
        "JUPYTER_RUNTIME_DIR": str(home / "runtime"),
        "JUPYTERLAB_SETTINGS_DIR": str(home / "settings"),
        "JUPYTERLAB_WORKSPACES_DIR": str(home / "workspaces"),
        "PATH": f"{Path(sys.executable).parent}{os.pathsep}{os.environ.get('PATH', '')}",
    }
    # No news or update checks from a fresh profile.
    settings = home / "settings" / "@jupyterlab" / "apputils-extension"
    settings.mkdir(parents=True, exist_ok=True)
    (settings / "notification.jupyterlab-settings").write_text(
        json.dumps({"fetchNews": "false", "checkForUpdates": False})
    )
    command = [
        sys.executable, "-m", "jupyter", "lab", "--no-browser", "--ip", "127.0.0.1", "--port", str(port),
        "--allow-root", "--ServerApp.token=", "--ServerApp.password=", f"--ServerApp.root_dir={root}",
        "--LabApp.news_url=", "--LabApp.expose_app_in_browser=True", "--ServerApp.disable_check_xsrf=True",
        f"--LabApp.extra_labextensions_path={LABEXTENSIONS}",
    ]  # fmt: skip
    with log.open("w") as out:
        server = subprocess.Popen(command, stdout=out, stderr=subprocess.STDOUT, env=env, cwd=root)
    try:
        _wait_until_up(url, server, log)
        yield Lab(url, root)
    finally:
        server.terminate()
        try:
            server.wait(timeout=20)
        except subprocess.TimeoutExpired:
            server.kill()
