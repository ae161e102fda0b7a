"""Refresh the Zero to JupyterHub chart files the values test reads (run: python tests/hub/z2jh/update.py TAG).

Reads the chart from a clone of jupyterhub/zero-to-jupyterhub-k8s (``--repo``:
a local git directory or a URL to clone) at a release tag and writes, beside
this script: ``values.schema.yaml`` and ``values.yaml`` (the chart's schema and
defaults, read by the test with jsonschema), ``chart.tgz`` (the rest of the
chart, for ``helm template``), ``LICENSE`` (the project's BSD-3-Clause licence)
and ``VERSION`` (tag and commit). Change the chart version named in
course/jupyterhub/z2jh-values.yaml to match.
"""

from __future__ import annotations

import argparse
import io
import subprocess
import sys
import tarfile
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
UPSTREAM = "https://github.com/jupyterhub/zero-to-jupyterhub-k8s"
PLAIN = ("values.schema.yaml", "values.yaml")


def git(repo: str, *args: str) -> bytes:
    return subprocess.run(["git", "-C", repo, *args], capture_output=True, check=True).stdout


def chart_files(repo: str, tag: str) -> dict[str, bytes]:
    """Every file of the chart folder ``jupyterhub/`` at ``tag``, by path inside the chart."""
    names = git(repo, "ls-tree", "-r", "--name-only", tag, "jupyterhub/").decode().split()
    return {name.removeprefix("jupyterhub/"): git(repo, "show", f"{tag}:{name}") for name in names}


def packed(files: dict[str, bytes], tag: str) -> bytes:
    """The chart (minus the plain files) as a .tgz with its version set to ``tag``, as a release would carry."""
    out = io.BytesIO()
    with tarfile.open(fileobj=out, mode="w:gz") as tar:
        for name, data in sorted(files.items()):
            if name in PLAIN:
                continue
            if name == "Chart.yaml":
                data = data.replace(b"version: 0.0.1-set.by.chartpress", f"version: {tag}".encode())
            info = tarfile.TarInfo(f"jupyterhub/{name}")
            info.size, info.mode, info.mtime = len(data), 0o644, 0
            tar.addfile(info, io.BytesIO(data))
    return out.getvalue()


def update(repo: str, tag: str) -> None:
    files = chart_files(repo, tag)
    for name in PLAIN:
        (HERE / name).write_bytes(files[name])
    (HERE / "chart.tgz").write_bytes(packed(files, tag))
    (HERE / "LICENSE").write_bytes(git(repo, "show", f"{tag}:LICENSE"))
    commit = git(repo, "rev-list", "-n", "1", tag).decode().strip()
    (HERE / "VERSION").write_text(f"{tag} {commit}\n", encoding="utf-8")
    print(f"zero-to-jupyterhub chart {tag} ({commit[:12]}) written to {HERE}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("tag", help="a release tag of the chart, e.g. 4.4.0")
    parser.add_argument("--repo", default=UPSTREAM, help="git directory or URL (default: the upstream repository)")
    args = parser.parse_args(argv)
    if Path(args.repo).is_dir():
        update(args.repo, args.tag)
        return 0
    with tempfile.TemporaryDirectory() as tmp:
        subprocess.run(["git", "clone", "--quiet", "--bare", "--filter=blob:none", args.repo, tmp], check=True)
        update(tmp, args.tag)
    return 0


if __name__ == "__main__":
    sys.exit(main())
