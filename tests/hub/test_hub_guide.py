"""The hub guide's own commands (course/jupyterhub/README.md), run as written with only the target folders moved.

No hub and no root: step 1's lines that install the servers' configs, run twice (a guide is rerun after a
`git pull`); the image's build steps, with the real `docker` client sending its build context to a recorder."""

from __future__ import annotations

import fnmatch
import http.server
import io
import json
import os
import re
import shutil
import socketserver
import subprocess
import tarfile
import tempfile
import threading
from pathlib import Path

import pytest

pytestmark = pytest.mark.hub

ROOT = Path(__file__).resolve().parents[2]
GUIDE = ROOT / "course" / "jupyterhub" / "README.md"
STUDENTS = ROOT / "course" / "jupyterhub" / "students"


def guide_block(heading: str) -> str:
    """The first ```bash block after ``heading`` in the guide, continuation lines joined."""
    text = GUIDE.read_text(encoding="utf-8")
    block = re.search(r"```bash\n(.*?)```", text[text.index(heading) :], re.S)
    assert block, heading
    return re.sub(r"\\\n\s*", " ", block.group(1))


def tree(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def test_rerunning_step_1_leaves_one_exact_copy_of_the_students_config(tmp_path: Path) -> None:
    """`cp -r course/jupyterhub/students /etc/.../students` nested students/students on a rerun (the folder was
    there), and a copy that differs from the checkout's stays wrong: the step must give the same folder every time."""
    step_1 = guide_block("From an empty server").split("\n# 2.")[0]
    lines = [line for line in step_1.splitlines() if "/etc/medialit-hub/jupyter" in line]
    assert any("jupyter/students" in line for line in lines), "step 1 installs the students' config"
    script = "set -e\n" + "\n".join(lines).replace("/etc/medialit-hub", str(tmp_path / "etc"))
    target = tmp_path / "etc" / "jupyter" / "students"
    for run in range(2):
        done = subprocess.run(["bash", "-c", script], cwd=ROOT, capture_output=True, text=True)
        assert done.returncode == 0, (run, done.stderr)
        assert tree(target) == tree(STUDENTS), (run, sorted(tree(target)))
        (target / "labconfig" / "stale.json").write_text("{}", encoding="utf-8")  # an older version's file
    assert not (target / "students").exists()


class _DaemonRecorder(socketserver.ThreadingMixIn, socketserver.UnixStreamServer):
    """Stands where the Docker daemon listens and keeps the build context the real `docker` client uploads.

    No daemon runs here: the client's side of `docker build` (which files it packs and sends) is what decides
    what leaves the build machine; the image is then made only from what the Dockerfile copies out of it."""

    daemon_threads = True
    context: bytes | None = None

    def get_request(self):
        request, _ = super().get_request()
        return request, ("docker", 0)


class _Handler(http.server.BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def log_message(self, *args) -> None:
        pass

    def _answer(self, body: bytes = b"OK", kind: str = "text/plain") -> None:
        self.send_response(200)
        # Builder-Version 1: a daemon that offers only the legacy builder (as Debian 12's docker.io 20.10 does)
        for name, value in [("API-Version", "1.41"), ("Builder-Version", "1"), ("Content-Type", kind)]:
            self.send_header(name, value)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)

    def do_HEAD(self) -> None:  # http.server's names
        self._answer()

    do_GET = do_HEAD

    def do_POST(self) -> None:
        data = b""
        if "chunked" in self.headers.get("Transfer-Encoding", ""):
            while size := int(self.rfile.readline().strip(), 16):
                data += self.rfile.read(size)
                self.rfile.readline()
            self.rfile.readline()
        else:
            data = self.rfile.read(int(self.headers.get("Content-Length", 0)))
        if self.path.split("?")[0].endswith("/build"):
            self.server.context = data
        done = {"aux": {"ID": "sha256:" + "0" * 64}}
        self._answer(
            json.dumps({"stream": "recorded\n"}).encode() + b"\n" + json.dumps(done).encode(), "application/json"
        )


def test_the_guides_image_build_sends_no_key_with_the_legacy_builder(tmp_path: Path) -> None:
    """The image's build context, as the guide's "Building the image" steps make it and the real `docker` client
    sends it with the legacy builder (`docker build` without the buildx component: the docker CLI here, and Debian
    12's docker.io; or DOCKER_BUILDKIT=0). That builder reads no `Dockerfile.dockerignore` (BuildKit only), so a
    context made from a whole export of the checkout sent solutions/ and course/keys/ to the daemon."""
    docker = shutil.which("docker")
    if docker is None:
        pytest.skip("no docker client: apt-get install -y docker.io (the daemon is not needed)")
    with tempfile.TemporaryDirectory(prefix="medialit-docker-") as short:  # a socket path has at most 107 bytes
        socket_path = Path(short) / "docker.sock"
        server = _DaemonRecorder(str(socket_path), _Handler)
        threading.Thread(target=server.serve_forever, daemon=True).start()
        try:
            script = guide_block("**Building the image.**")
            for folder in sorted(set(re.findall(r"/tmp/medialit-[a-z]+", script))):
                script = script.replace(folder, str(tmp_path / Path(folder).name))
            env = os.environ | {"DOCKER_HOST": f"unix://{socket_path}", "DOCKER_BUILDKIT": "0"}
            done = subprocess.run(["bash", "-ec", script], cwd=ROOT, env=env, capture_output=True, text=True)
        finally:
            server.shutdown()
            server.server_close()
    assert done.returncode == 0, done.stderr[-3000:]
    assert "legacy builder" in done.stderr  # the client really used the builder that ignores Dockerfile.dockerignore
    assert server.context, "docker build sent no context"
    with tarfile.open(fileobj=io.BytesIO(server.context)) as tar:
        members = {m.name.rstrip("/"): m for m in tar.getmembers()}
        files = {name: tar.extractfile(m).read() for name, m in members.items() if m.isfile()}
    sent = sorted(members)
    closed = ("solutions", "course/keys", "course/build.py", "tools", ".git", ".venv")
    assert not [p for p in sent if p.endswith(".key.json") or any(p == c or p.startswith(f"{c}/") for c in closed)]
    assert not [p for p, data in files.items() if b"KEY = " in data or b"BEGIN HIDDEN TESTS" in data]
    wheels = [p for p in files if p.startswith("dist/")]
    assert len(wheels) == 1 and re.fullmatch(r"dist/medialit-[^/]+-py3-none-any\.whl", wheels[0]), wheels
    committed = subprocess.run(["git", "ls-files", "notebooks"], cwd=ROOT, capture_output=True, text=True, check=True)
    assert sorted(p for p in files if p.startswith("notebooks/")) == sorted(committed.stdout.split())
    dockerfile = "course/jupyterhub/Dockerfile"
    copied = [
        line.split()[1]
        for line in (ROOT / dockerfile).read_text(encoding="utf-8").splitlines()
        if line.startswith("COPY ")
    ]
    for source in copied:  # everything the image copies was sent, and nothing else but the Dockerfile
        assert any(fnmatch.fnmatch(p, source) or p.startswith(f"{source}/") for p in files), source
    extra = [p for p in files if not any(fnmatch.fnmatch(p, s) or p.startswith(f"{s}/") for s in copied)]
    assert sorted(extra) == [dockerfile, f"{dockerfile}.dockerignore"], extra
