"""A throwaway PostgreSQL cluster on 127.0.0.1 for gradebook tests (Debian's server, run as root).

initdb and pg_ctl run as the ``postgres`` user with trust authentication on a
free port; the cluster and its folder are removed afterwards. Shared by the
nbgrader and hub layers, which both grade into PostgreSQL.
"""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _as_postgres(*cmd: str) -> None:
    done = subprocess.run(["runuser", "-u", "postgres", "--", *cmd], capture_output=True, text=True)
    if done.returncode != 0:
        raise RuntimeError(f"{' '.join(cmd)}: {done.stderr[-2000:]}")


@contextmanager
def postgres_database(name: str = "gradebook") -> Iterator[str]:
    """An empty database in a private cluster; yields its SQLAlchemy URL."""
    if os.geteuid() != 0:
        raise RuntimeError("PostgreSQL tests must run as root: they run the server as the postgres user")
    found = sorted(Path("/usr/lib/postgresql").glob("*/bin/initdb"))
    if not found:
        raise RuntimeError("PostgreSQL's server programs are missing: run bash scripts/install-hub-deps.sh")
    pg = found[-1].parent
    base = Path(tempfile.mkdtemp(prefix="medialit-pg-", dir="/tmp"))
    shutil.chown(base, "postgres", "postgres")
    port = _free_port()
    options = f"-p {port} -k {base} -c listen_addresses=127.0.0.1"
    try:
        _as_postgres(str(pg / "initdb"), "-D", str(base / "db"), "-A", "trust", "-U", "postgres")
        _as_postgres(str(pg / "pg_ctl"), "-D", str(base / "db"), "-l", str(base / "log"), "-o", options, "-w", "start")
        _as_postgres(str(pg / "createdb"), "-h", "127.0.0.1", "-p", str(port), name)
        yield f"postgresql+psycopg2://postgres@127.0.0.1:{port}/{name}"  # SQLAlchemy 2.1 defaults to psycopg 3
    finally:
        stop = [str(pg / "pg_ctl"), "-D", str(base / "db"), "-m", "fast", "stop"]
        subprocess.run(["runuser", "-u", "postgres", "--", *stop], capture_output=True)
        shutil.rmtree(base, ignore_errors=True)
