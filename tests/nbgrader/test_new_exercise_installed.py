"""`medialit new-exercise` from an installed wheel, in a folder outside any checkout, released by real nbgrader.

The wheel is installed with ``pip install --no-deps --target``; every command runs
with ``python -S`` (no ``.pth`` files, so the editable checkout of the test
environment is not on the path) and ``PYTHONPATH`` = the install target, then the
environment's packages. The article has a long title: its id and the assignment
name derived from it must keep every nbgrader cell id within nbformat's 64 characters.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import sysconfig
from pathlib import Path

import nbformat
import pytest

from medialit.core.article import load_article
from medialit.core.spans import body_sha256

pytestmark = [pytest.mark.nbgrader, pytest.mark.slow]

TITLE = "The Regional Council Votes Again on the Harbour Ferry Terminal After Months of Delay and Protest"
TEXT = f"{TITLE}\n\nThe council will vote on the terminal on Friday, the mayor said. Residents fear the noise.\n"
FIELDS = ["--outlet", "Harbour Times", "--date", "2026-11-02", "--url", "local", "--license", "CC BY 4.0"]


@pytest.fixture(scope="module")
def installed(built_wheel, tmp_path_factory) -> dict[str, str]:
    """The environment of a user who installed the wheel: only the install target and the dependencies."""
    target = tmp_path_factory.mktemp("site")
    done = subprocess.run(
        [sys.executable, "-m", "pip", "install", "--no-deps", "--disable-pip-version-check", "-q", "--target",
         str(target), str(built_wheel)],
        capture_output=True, text=True, timeout=600,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    env = {k: v for k, v in os.environ.items() if k != "PYTHONPATH"}
    env["PYTHONPATH"] = os.pathsep.join([str(target), sysconfig.get_paths()["purelib"]])
    env["PATH"] = os.pathsep.join([str(Path(sys.executable).parent), env.get("PATH", "")])
    env["MEDIALIT_SITE"] = str(target)
    return env


def _run(env: dict[str, str], cwd: Path, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-S", *args], cwd=cwd, env=env, capture_output=True, text=True, timeout=600)


def test_only_the_installed_package_is_on_the_path(installed, tmp_path):
    probe = (
        "import pathlib, sys, medialit\n"
        "print(medialit.__file__)\n"
        "print([p for p in sys.path if p and pathlib.Path(p, 'medialit').is_dir()])"
    )
    done = _run(installed, tmp_path, "-c", probe)
    assert done.returncode == 0, done.stderr
    where, found = done.stdout.splitlines()
    assert where.startswith(installed["MEDIALIT_SITE"]) and found == repr([installed["MEDIALIT_SITE"]])


def test_new_exercise_from_the_wheel_outside_a_checkout_is_released_by_nbgrader(installed, tmp_path):
    work = tmp_path / "work"
    work.mkdir()
    (work / "harbour.txt").write_text(TEXT, encoding="utf-8")
    done = _run(installed, work, "-m", "medialit", "new-article", "harbour.txt", "--title", TITLE, *FIELDS)
    assert done.returncode == 0, done.stderr
    (article_file,) = work.glob("*.md")
    article = load_article(article_file)
    assert (
        len(article.id) <= 60
        and not article.id.endswith("-")
        and TITLE.lower().startswith(article.id.replace("-", " "))
    )  # cut at a word
    body = article.body
    source, cue = body.index("the mayor"), body.index("said")
    key = {
        "format": "medialit-key", "version": 2, "item": article.id, "article": article.id,
        "body_sha256": body_sha256(body),
        "marks": [{"start": source, "end": source + 9, "label": "source", "text": "the mayor",
                   "speaker": "Mayor Anna Berg", "cue": {"start": cue, "end": cue + 4}, "kind": "indirect"}],
    }  # fmt: skip
    (work / "harbour.key.json").write_text(json.dumps(key), encoding="utf-8")
    (work / "solutions").mkdir()
    done = _run(installed, work, "-m", "medialit", "new-exercise", article_file.name, "harbour.key.json",
                "--kind", "attribution")  # fmt: skip
    assert done.returncode == 0, done.stderr
    (notebook,) = (work / "solutions").glob("*/*.ipynb")
    name = notebook.stem
    assert name.endswith("-attribution") and len(name) <= 52 and "--" not in name
    nb = nbformat.read(notebook, as_version=4)
    assert all(len(cell.id) <= 64 for cell in nb.cells)
    nbformat.validate(nb)

    done = _run(installed, work, "-m", "medialit", "course", "init", "course", "--solutions", "solutions")
    assert done.returncode == 0, done.stderr
    done = _run(installed, work / "course", "-m", "nbgrader", "generate_assignment", name, "--force")
    assert done.returncode == 0, done.stderr
    released = work / "course" / "release" / name
    text = (released / f"{name}.ipynb").read_text(encoding="utf-8")
    assert "KEY =" not in text and "Mayor Anna Berg" not in text  # the key stays in source/
    assert (released / "medialit-items.json").is_file() and (released / article_file.name).is_file()


def test_an_invalid_name_given_by_the_user_is_one_line(installed, tmp_path):
    (tmp_path / "a.txt").write_text(TEXT, encoding="utf-8")
    done = _run(installed, tmp_path, "-m", "medialit", "new-article", "a.txt", "--title", TITLE, *FIELDS,
                "--id", "harbour vote!")  # fmt: skip
    assert done.returncode == 2 and done.stderr.count("\n") == 1 and "give a valid --id" in done.stderr
