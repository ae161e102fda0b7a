"""Helpers for the hub test: a running hub and the way the test acts as each of its users.

A real course hub for the end-to-end test: JupyterHub run as root with the
default LocalProcessSpawner, so each hub user's server runs as a system user
of that name (created here with ``useradd``, home folders of mode 700, removed
afterwards). The hub loads ``course/jupyterhub/jupyterhub_config.py`` and the
test changes only ports, paths, user names and the authenticator.

The single-user servers run from the shared environment that
``scripts/install-hub-deps.sh`` builds (default /opt/medialit-hub/venv): the
checkout's ``.venv`` usually cannot serve, because its interpreter may sit
under a home folder other users cannot enter (here /root, mode 700).
"""

from __future__ import annotations

import json
import os
import re
import socket
import subprocess
import time
import uuid
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

import requests
import websocket

ROOT = Path(__file__).resolve().parents[2]
HUB_ENV = Path(os.environ.get("MEDIALIT_HUB_ENV", "/opt/medialit-hub/venv"))

LEFTOVERS = {
    "lesson02.highlights.json": '{"marks": "the instructor\'s"}',
    "pretest.json": '{"format": "medialit-pretest", "answers": {"p1": "b"}}',
    ".ipynb_checkpoints/02-who-is-speaking-checkpoint.ipynb": '{"cells": []}',
    "my-article/my-marks.gold.json": '{"spans": []}',
}
"""Work a run of the lessons leaves beside them (git ignores it): a server's start must leave it out."""
COURSE_ID = "medialit"
ASSIGNMENT = "ex01-attribution"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def sh(*cmd: str, **kw) -> subprocess.CompletedProcess:
    done = subprocess.run(cmd, capture_output=True, text=True, **kw)
    if done.returncode:
        raise RuntimeError(f"{' '.join(cmd)} failed ({done.returncode}): {done.stderr.strip()[-2000:]}")
    return done


@dataclass
class Hub:
    url: str
    admin_token: str
    base: Path
    exchange: Path
    users: dict[str, str]  # role (instructor, student1, student2) -> user name
    groups: dict[str, str]  # instructor / student -> Unix group name
    tokens: dict[str, str] = field(default_factory=dict)
    kernels: dict[str, str] = field(default_factory=dict)

    def home(self, role: str) -> Path:
        return self.base / "home" / self.users[role]

    def api(self, method: str, path: str, **kw) -> requests.Response:
        """The hub's REST API with the test's admin service token."""
        headers = {"Authorization": f"token {self.admin_token}"}
        return requests.request(method, f"{self.url}/hub/api{path}", headers=headers, timeout=60, **kw)

    def server(self, role: str, method: str, path: str, **kw) -> requests.Response:
        """The user's own Jupyter server behind the proxy, with that user's token."""
        name = self.users[role]
        headers = {"Authorization": f"token {self.tokens[role]}"}
        response = requests.request(method, f"{self.url}/user/{name}{path}", headers=headers, timeout=300, **kw)
        response.raise_for_status()
        return response

    def start(self, role: str) -> None:
        """Give the user a token and start their server through the hub, as a real log-in would."""
        name = self.users[role]
        made = self.api("POST", f"/users/{name}/tokens", json={"note": "e2e test", "expires_in": 3600})
        made.raise_for_status()
        self.tokens[role] = made.json()["token"]
        started = self.api("POST", f"/users/{name}/server")
        assert started.status_code in (201, 202), started.text
        deadline = time.monotonic() + 180
        while time.monotonic() < deadline:
            info = self.api("GET", f"/users/{name}").json()
            if info.get("servers", {}).get("", {}).get("ready"):
                return
            time.sleep(0.5)
        raise RuntimeError(f"the server of {name} did not start; see {self.base / 'hub' / 'hub.log'}")

    def stop(self, role: str) -> None:
        """Stop the user's server through the hub, as their *Stop My Server* does."""
        name = self.users[role]
        stopped = self.api("DELETE", f"/users/{name}/server")
        assert stopped.status_code in (202, 204), stopped.text
        deadline = time.monotonic() + 120
        while self.api("GET", f"/users/{name}").json().get("servers"):
            if time.monotonic() > deadline:
                raise RuntimeError(f"the server of {name} did not stop")
            time.sleep(0.5)
        self.kernels.pop(role, None)

    def terminal(self, role: str, where: str, command: str) -> str:
        """Type ``command`` in a new JupyterLab terminal as ``role`` at ``where`` (``/user/NAME`` or
        ``/services/COURSE``: the formgrader's terminal); returns what it printed and its exit status."""
        base, headers = f"{self.url}{where}", {"Authorization": f"token {self.tokens[role]}"}
        made = requests.post(f"{base}/api/terminals", headers=headers, timeout=60)
        made.raise_for_status()
        name = made.json()["name"]
        ws_url = base.replace("http://", "ws://") + f"/terminals/websocket/{name}"
        ws = websocket.create_connection(ws_url, header=[f"Authorization: token {self.tokens[role]}"], timeout=300)
        seen = ""
        try:  # the marker is split in what the terminal echoes back, whole in what the command prints
            ws.send(json.dumps(["stdin", f'{command}; echo "__EXIT""__$?"\r']))
            while not re.search(r"__EXIT__\d+", seen):
                message = json.loads(ws.recv())
                if message[0] == "stdout":
                    seen += message[1]
        finally:
            ws.close()
            requests.delete(f"{base}/api/terminals/{name}", headers=headers, timeout=60)
        return re.sub(r"\x1b(\[[0-9;?]*[A-Za-z]|\][^\x07]*\x07|\(B)", "", seen).replace("\r", "")

    def run(self, role: str, code: str) -> str:
        """Execute code in the user's own kernel (in their server); returns stdout, raises on an error."""
        if role not in self.kernels:
            made = self.server(role, "POST", "/api/kernels", json={"name": "python3"})
            self.kernels[role] = made.json()["id"]
        name, kernel = self.users[role], self.kernels[role]
        ws_url = self.url.replace("http://", "ws://") + f"/user/{name}/api/kernels/{kernel}/channels"
        ws = websocket.create_connection(ws_url, header=[f"Authorization: token {self.tokens[role]}"], timeout=600)
        try:
            return _execute(ws, name, code)
        finally:
            ws.close()


def _execute(ws: websocket.WebSocket, user: str, code: str) -> str:
    msg_id = uuid.uuid4().hex
    header = {
        "msg_id": msg_id,
        "username": user,
        "session": uuid.uuid4().hex,
        "msg_type": "execute_request",
        "version": "5.3",
        "date": datetime.now(UTC).isoformat(),
    }
    content = {"code": code, "silent": False, "store_history": False, "user_expressions": {}, "allow_stdin": False}
    ws.send(json.dumps({"header": header, "parent_header": {}, "metadata": {}, "content": content, "channel": "shell"}))
    out, error, replied, idle = [], None, False, False
    while not (replied and idle):  # the shell reply and iopub output may arrive in any order
        msg = json.loads(ws.recv())
        if msg.get("parent_header", {}).get("msg_id") != msg_id:
            continue
        kind = msg["msg_type"]
        if kind == "stream":
            out.append(msg["content"]["text"])
        elif kind == "error":
            error = "\n".join(msg["content"]["traceback"])
        elif kind == "execute_reply":
            replied = True
        elif kind == "status" and msg["content"]["execution_state"] == "idle":
            idle = True
    if error:
        raise RuntimeError(f"code in {user}'s kernel failed:\n{error}\n{''.join(out)}")
    return "".join(out)
