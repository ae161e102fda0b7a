"""How a course server starts, in every deployment of course/jupyterhub/.

Loads course/jupyterhub/jupyterhub_config.py as JupyterHub does (traitlets) and runs its
``Spawner.cmd`` (the kit's ``medialit-singleuser``) with the spawner's environment, a throwaway
home and a stand-in ``jupyterhub-singleuser`` that records its arguments and config path. The
Dockerfile and the Zero to JupyterHub values are parsed: they must start servers the same way.
"""

from __future__ import annotations

import filecmp
import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from traitlets.config import Config
from traitlets.config.loader import PyFileConfigLoader

from medialit.setup import hub_start

ROOT = Path(__file__).resolve().parents[2]
HUB = ROOT / "course" / "jupyterhub"
CONFIG = HUB / "jupyterhub_config.py"


def load(monkeypatch: pytest.MonkeyPatch, **env: str) -> Config:
    for key, value in env.items():
        monkeypatch.setenv(key, value)
    return PyFileConfigLoader(CONFIG.name, path=str(CONFIG.parent)).load_config()


@pytest.fixture
def hub_env(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> dict[str, str]:
    """A shared environment holding the kit's start and a stand-in server; a copy of notebooks/ as the lessons."""
    env = tmp_path / "venv"
    (env / "bin").mkdir(parents=True)
    start = env / "bin" / "medialit-singleuser"  # what the wheel's entry point does, from this checkout
    start.write_text(
        f'#!/bin/sh\nPYTHONPATH={ROOT / "src"} exec {sys.executable} -m medialit.setup.hub_start "$@"\n',
        encoding="utf-8",
    )
    singleuser = env / "bin" / "jupyterhub-singleuser"
    singleuser.write_text(
        '#!/bin/sh\necho "config:$JUPYTER_CONFIG_PATH"\nfor a in "$@"; do echo "arg:$a"; done\n', encoding="utf-8"
    )
    for program in (start, singleuser):
        program.chmod(0o755)
    lessons = tmp_path / "lessons"
    shutil.copytree(ROOT / "notebooks", lessons, ignore=shutil.ignore_patterns("*.highlights.json"))
    settings = {
        "MEDIALIT_HUB_ENV": str(env),
        "MEDIALIT_LESSONS": str(lessons),
        "MEDIALIT_HUB_JUPYTER_DIR": "/etc/course-jupyter",
        "MEDIALIT_INSTRUCTORS": "teacher",
        "MEDIALIT_STUDENTS": "ana,bo",
    }
    for key, value in settings.items():
        monkeypatch.setenv(key, value)
    return settings


def start(config: Config, home: Path, user: str = "ana", *args: str) -> subprocess.CompletedProcess:
    """Run the spawner's command as JupyterHub does: cmd + args, its environment, HOME and JUPYTERHUB_USER."""
    home.mkdir(exist_ok=True)
    env = {**config.Spawner.environment, "HOME": str(home), "JUPYTERHUB_USER": user}
    return subprocess.run(
        [*config.Spawner.cmd, *args], env=env, cwd=home, capture_output=True, text=True, check=True, timeout=60
    )


def printed(done: subprocess.CompletedProcess, prefix: str) -> list[str]:
    return [line.removeprefix(prefix) for line in done.stdout.splitlines() if line.startswith(prefix)]


def same_tree(a: Path, b: Path) -> bool:
    files = sorted(p.relative_to(a) for p in a.rglob("*") if p.is_file())
    return files == sorted(p.relative_to(b) for p in b.rglob("*") if p.is_file()) and all(
        filecmp.cmp(a / f, b / f, shallow=False) for f in files
    )


def test_first_start_copies_the_lessons_opens_lesson_0_and_culls_idle_kernels(hub_env, tmp_path: Path) -> None:
    config = PyFileConfigLoader(CONFIG.name, path=str(CONFIG.parent)).load_config()
    home = tmp_path / "home"
    done = start(config, home, "ana", "--port=1234", "--two words")
    hubs = ["--port=1234", "--two words"]
    assert printed(done, "arg:") == [*hub_start.CULL, hub_start.KERNELS, *hubs]  # the hub's arguments last
    assert (home / config.Spawner.default_url.removeprefix("/lab/tree/")).is_file()
    assert same_tree(home / "lessons", Path(hub_env["MEDIALIT_LESSONS"]))  # articles/, questions/ beside them


def test_a_later_start_keeps_the_students_lessons(hub_env, tmp_path: Path) -> None:
    config = PyFileConfigLoader(CONFIG.name, path=str(CONFIG.parent)).load_config()
    home = tmp_path / "home"
    start(config, home)
    mine = home / "lessons" / "lesson00.highlights.json"
    mine.write_text("my marks", encoding="utf-8")
    (home / "lessons" / "00-start-here.ipynb").write_text("my notebook", encoding="utf-8")
    start(config, home)
    assert mine.read_text(encoding="utf-8") == "my marks"
    assert (home / "lessons" / "00-start-here.ipynb").read_text(encoding="utf-8") == "my notebook"
    assert not (home / "lessons" / "lessons").exists()  # cp -r into an existing folder would nest a copy


def test_marks_and_pretest_answers_left_among_the_lessons_reach_no_student(hub_env, tmp_path: Path) -> None:
    """instr18: the guide's `cp -r notebooks /opt/medialit-hub/lessons` from a checkout where the lessons were
    run also copies the git-ignored work saved beside them; every student's lesson 2 highlighter and pre-test
    started from the instructor's answers (pretest.record merges with a file already there). clean19: the start
    asks the release's own rule (``core.saved_work``), so marks saved under another letter case stay back too."""
    lessons = Path(hub_env["MEDIALIT_LESSONS"])
    (lessons / "lesson02.highlights.json").write_text("the teacher's marks", encoding="utf-8")
    (lessons / "LESSON03.Highlights.JSON").write_text("the teacher's marks", encoding="utf-8")
    (lessons / "pretest.json").write_text('{"format": "medialit-pretest", "answers": {}}', encoding="utf-8")
    config = PyFileConfigLoader(CONFIG.name, path=str(CONFIG.parent)).load_config()
    home = tmp_path / "home"
    start(config, home)
    copied = sorted(p.name for p in (home / "lessons").rglob("*") if p.is_file())
    assert not {"lesson02.highlights.json", "LESSON03.Highlights.JSON", "pretest.json"} & set(copied), copied
    assert "02-who-is-speaking.ipynb" in copied


def test_no_work_git_ignores_beside_the_lessons_reaches_a_student(hub_env, tmp_path: Path) -> None:
    """hub18: a server's start left out only highlights files and pretest.json. Lessons run in a checkout (the
    Docker image copies notebooks/ as it is on disk) also leave JupyterLab's .ipynb_checkpoints/ (the
    instructor's run, outputs and all), highlights locks and lesson 7's my-article/ (the instructor's own marks as
    gold spans), all git-ignored, and every student got them in ~/lessons."""
    ignored = (ROOT / ".gitignore").read_text(encoding="utf-8").split()
    assert {".ipynb_checkpoints/", "notebooks/my-article/", ".*.highlights.json.lock"} <= set(ignored)
    assert 'Path("my-article")' in (ROOT / "notebooks" / "sources" / "07-your-own-article.md").read_text("utf-8")
    lessons = Path(hub_env["MEDIALIT_LESSONS"])
    saved = {
        ".ipynb_checkpoints/02-who-is-speaking-checkpoint.ipynb": '{"cells": [{"outputs": ["the teacher\'s run"]}]}',
        ".lesson02.highlights.json.lock": "",
        "my-article/my-marks.gold.json": '{"spans": "the teacher\'s marks"}',
        "my-article/analysis.json": "{}",
    }
    for name, text in saved.items():
        (lessons / name).parent.mkdir(exist_ok=True)
        (lessons / name).write_text(text, encoding="utf-8")
    config = PyFileConfigLoader(CONFIG.name, path=str(CONFIG.parent)).load_config()
    home = tmp_path / "home"
    start(config, home)
    copied = {str(p.relative_to(home / "lessons")) for p in (home / "lessons").rglob("*")}
    assert copied.isdisjoint({*saved, ".ipynb_checkpoints", "my-article"}), sorted(copied)
    for name in saved:
        (lessons / name).unlink()
    for name in (".ipynb_checkpoints", "my-article"):
        (lessons / name).rmdir()
    assert same_tree(home / "lessons", lessons)  # every lesson file still there


def test_a_lesson_saved_with_outputs_reaches_a_student_without_them(hub_env, tmp_path: Path) -> None:
    """hub18: a lesson notebook saved after a run (the image copies notebooks/ as on disk) carried its outputs
    and saved widget state (the highlighter's model holds the marks) into every student's copy."""
    lessons = Path(hub_env["MEDIALIT_LESSONS"])
    committed = (lessons / "02-who-is-speaking.ipynb").read_text(encoding="utf-8")
    nb = json.loads(committed)
    code = next(c for c in nb["cells"] if c["cell_type"] == "code")
    code["outputs"] = [{"output_type": "stream", "name": "stdout", "text": ["found 5 of 5: the teacher's marks\n"]}]
    code["execution_count"] = 7
    nb["metadata"]["widgets"] = {"application/vnd.jupyter.widget-state+json": {"state": {"spans": "the teacher's"}}}
    (lessons / "02-who-is-speaking.ipynb").write_text(json.dumps(nb, indent=1), encoding="utf-8")
    config = PyFileConfigLoader(CONFIG.name, path=str(CONFIG.parent)).load_config()
    home = tmp_path / "home"
    start(config, home)
    assert (home / "lessons" / "02-who-is-speaking.ipynb").read_text(encoding="utf-8") == committed
    assert same_tree(home / "lessons" / "questions", lessons / "questions")


def test_a_link_among_the_lessons_is_never_followed_and_stops_no_other_lesson(hub_env, tmp_path: Path) -> None:
    """hub18: the start copied what a link in the lessons folder points at, as the student: a key file the
    student may read (a container image's files are all readable) landed in ~/lessons as a plain file, and a
    link the student may not follow (a key under /root, a dangling one) stopped the copy of every lesson after
    it, on every start."""
    lessons = Path(hub_env["MEDIALIT_LESSONS"])
    key = tmp_path / "keys" / "ex01-q1.json"
    key.parent.mkdir()
    key.write_text('{"marks": "the key"}', encoding="utf-8")
    (lessons / "00-answers.json").symlink_to(key)
    (lessons / "00-broken.md").symlink_to(tmp_path / "nowhere")
    (lessons / "questions" / "all-keys").symlink_to(key.parent, target_is_directory=True)
    config = PyFileConfigLoader(CONFIG.name, path=str(CONFIG.parent)).load_config()
    home = tmp_path / "home"
    done = start(config, home)
    assert done.stderr == ""
    for name in ("00-answers.json", "00-broken.md", "questions/all-keys"):
        assert not os.path.lexists(home / "lessons" / name), name
        os.unlink(lessons / name)
    assert same_tree(home / "lessons", lessons)  # every lesson after the links copied


def test_a_copy_cut_short_is_completed_on_the_next_start_and_edits_stay(hub_env, tmp_path: Path) -> None:
    """The first start's `cp -r` stopped half way (a full disk, a server stopped) left a ~/lessons that no
    later start touched again: lessons and questions/ missing for good, one notebook truncated."""
    config = PyFileConfigLoader(CONFIG.name, path=str(CONFIG.parent)).load_config()
    home = tmp_path / "home"
    lessons = home / "lessons"
    lessons.mkdir(parents=True)
    (lessons / "00-start-here.ipynb").write_text("my notebook", encoding="utf-8")  # edited since
    (lessons / ".01-meet-the-article.ipynb.medialit-partial").write_text('{"cells": [', encoding="utf-8")
    start(config, home)
    assert (lessons / "00-start-here.ipynb").read_text(encoding="utf-8") == "my notebook"
    (lessons / "00-start-here.ipynb").write_bytes((ROOT / "notebooks" / "00-start-here.ipynb").read_bytes())
    assert same_tree(lessons, Path(hub_env["MEDIALIT_LESSONS"]))  # complete, and no half file left


def test_a_copy_that_fails_says_so_in_one_line_and_the_server_still_starts(hub_env, tmp_path: Path) -> None:
    config = PyFileConfigLoader(CONFIG.name, path=str(CONFIG.parent)).load_config()
    home = tmp_path / "home"
    (home / "lessons").mkdir(parents=True)
    (home / "lessons" / "questions").write_text("not a folder", encoding="utf-8")
    done = start(config, home, "ana", "--port=1")
    assert printed(done, "arg:")[-1] == "--port=1"
    (line,) = done.stderr.splitlines()
    assert line.startswith("medialit: lessons not all copied into ~/lessons (") and "next start" in line
    assert (home / "lessons" / "00-start-here.ipynb").is_file()
    assert (home / "lessons" / "sources" / "09-news-opinion-and-advertising.md").is_file()  # after questions/


def test_missing_lessons_say_so_in_one_line_and_the_server_still_starts(
    hub_env, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    config = load(monkeypatch, MEDIALIT_LESSONS=str(tmp_path / "nowhere"))
    home = tmp_path / "home"
    done = start(config, home, "ana", "--port=1")
    assert printed(done, "arg:")[-1] == "--port=1"
    assert done.stderr.splitlines() == [
        f"medialit: no lessons at {tmp_path / 'nowhere'} (MEDIALIT_LESSONS) to copy into ~/lessons: "
        "course/jupyterhub/README.md, step 3"
    ]
    assert not (home / "lessons").exists()


def test_students_servers_read_the_student_config_first(hub_env, tmp_path: Path) -> None:
    config = PyFileConfigLoader(CONFIG.name, path=str(CONFIG.parent)).load_config()
    seen = {user: printed(start(config, tmp_path / user, user), "config:") for user in ("ana", "teacher")}
    assert seen == {"ana": ["/etc/course-jupyter/students:/etc/course-jupyter"], "teacher": ["/etc/course-jupyter"]}


def test_an_instructor_who_is_also_a_student_keeps_the_tools_and_a_deployment_s_dirs_stay(
    hub_env, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """An instructor listed among the students too (to try the hand-in) lost the formgrader, and a student's path
    dropped a config dir the deployment had added to ``c.Spawner.environment``."""
    config = load(monkeypatch, MEDIALIT_STUDENTS="ana,teacher")
    assert printed(start(config, tmp_path / "teacher", "teacher"), "config:") == ["/etc/course-jupyter"]
    config.Spawner.environment["JUPYTER_CONFIG_PATH"] = "/etc/site-jupyter:/etc/course-jupyter"
    assert printed(start(config, tmp_path / "ana", "ana"), "config:") == [
        "/etc/course-jupyter/students:/etc/site-jupyter:/etc/course-jupyter"
    ]


def test_the_student_config_switches_off_only_the_instructor_tools() -> None:
    students = HUB / "students"
    server = json.loads((students / "jupyter_server_config.json").read_text(encoding="utf-8"))
    assert server["ServerApp"]["jpserver_extensions"] == {
        "nbgrader.server_extensions.formgrader": False,
        "nbgrader.server_extensions.course_list": False,
    }  # assignment_list and validate_assignment stay: students fetch, validate and submit with them
    page = json.loads((students / "labconfig" / "page_config.json").read_text(encoding="utf-8"))
    off = set(page["disabledExtensions"])
    assert off == {f"@jupyter/nbgrader:{name}" for name in ("formgrader", "create-assignment", "course-list")}


# Every deployment starts the same way: these fail when one of them drifts from the others.


def dockerfile() -> dict[str, list[str]]:
    """The Dockerfile's instructions by name, continuation lines joined."""
    text = re.sub(r"\\\n\s*", " ", (HUB / "Dockerfile").read_text(encoding="utf-8"))
    found: dict[str, list[str]] = {}
    for line in text.splitlines():
        if line.strip() and not line.lstrip().startswith("#"):
            word, _, rest = line.strip().partition(" ")
            found.setdefault(word, []).append(rest.strip())
    return found


def test_every_deployment_starts_servers_with_the_kits_one_start(monkeypatch: pytest.MonkeyPatch) -> None:
    pyproject = (ROOT / "pyproject.toml").read_text(encoding="utf-8")
    assert 'medialit-singleuser = "medialit.setup.hub_start:main"' in pyproject  # in the wheel, so in both
    config = load(monkeypatch, MEDIALIT_HUB_ENV="/opt/env")
    assert config.Spawner.cmd == ["/opt/env/bin/medialit-singleuser"]
    values = yaml.safe_load((HUB / "z2jh-values.yaml").read_text(encoding="utf-8"))["singleuser"]
    assert values["cmd"] == "medialit-singleuser"
    assert dockerfile()["CMD"] == ['["medialit-singleuser"]']
    assert values["defaultUrl"] == config.Spawner.default_url
    # nothing the start does is done again, differently, by one deployment alone
    for path in (CONFIG, HUB / "z2jh-values.yaml", HUB / "Dockerfile"):
        text = path.read_text(encoding="utf-8")
        assert not re.search(r"cull_idle_timeout|cp -r|pre_spawn_hook|PYTHONWARNINGS|extraFiles", text), path


def test_the_image_puts_the_one_servers_files_where_the_start_looks() -> None:
    copies = {dest: source for source, dest in (line.split() for line in dockerfile()["COPY"]) if "whl" not in source}
    assert copies == {
        hub_start.LESSONS: "notebooks",
        f"{hub_start.JUPYTER_DIR}/nbgrader_config.py": "course/jupyterhub/nbgrader_config.py",
        f"{hub_start.JUPYTER_DIR}/jupyter_server_config.json": "course/jupyterhub/jupyter_server_config.json",
        f"{hub_start.JUPYTER_DIR}/labconfig/page_config.json": "scripts/jupyter-config/labconfig/page_config.json",
        f"{hub_start.JUPYTER_DIR}/students": "course/jupyterhub/students",
    }  # the same files as the one-server set-up (README.md, steps 1 and 3)
    assert dockerfile()["ENV"] == [f"JUPYTER_CONFIG_PATH={hub_start.JUPYTER_DIR}"]


def test_z2jh_gives_the_start_who_is_a_student_from_the_hubs_groups() -> None:
    values = yaml.safe_load((HUB / "z2jh-values.yaml").read_text(encoding="utf-8"))["hub"]
    c = Config()
    c.JupyterHub.load_groups = values["config"]["JupyterHub"]["load_groups"]  # hub.config comes before extraConfig
    c.KubeSpawner.environment = {}
    exec(values["extraConfig"]["course-roles.py"], {"c": c})
    env = c.KubeSpawner.environment
    for user, tools in [("student1", "students"), ("instructor1", None), ("grader-medialit", None)]:
        path = hub_start.config_path({**env, "JUPYTERHUB_USER": user, "JUPYTER_CONFIG_PATH": hub_start.JUPYTER_DIR})
        assert (path.split(os.pathsep)[0] == f"{hub_start.JUPYTER_DIR}/students") == (tools == "students"), user


def _docker_ignores(path: str, patterns: list[str]) -> bool:
    """Whether BuildKit's .dockerignore ``patterns`` leave ``path`` (or a folder above it) out of the build context:
    ``**`` any folders, ``*`` and ``?`` within one name, ``[...]`` a class, matched case-sensitively."""
    excluded = False
    for pattern in patterns:
        negate, pattern = pattern.startswith("!"), pattern.lstrip("!")
        regex = ""
        for part in re.split(r"(\*\*/|\*\*|\*|\?|\[[^]]*\])", pattern):
            regex += {"**/": "(.*/)?", "**": ".*", "*": "[^/]*", "?": "[^/]"}.get(part) or (
                part if part.startswith("[") else re.escape(part)
            )
        parts = path.split("/")
        if any(re.fullmatch(regex, "/".join(parts[:n])) for n in range(1, len(parts) + 1)):
            excluded = not negate
    return excluded


def test_the_image_build_leaves_out_every_file_a_servers_copy_of_the_lessons_leaves_out() -> None:
    """The image copies notebooks/ from the disk it is built on (instr23): what someone saved there while trying
    the lessons must stay out of it as `medialit-singleuser` keeps it out of a student's copy (``saved_work``,
    names starting with a dot, lesson 7's my-article/). Before, a highlights file in other letter case and the
    temporary file a save cut short leaves (the whole marks) went into the image's /opt/medialit-hub/lessons."""
    lines = (HUB / "Dockerfile.dockerignore").read_text(encoding="utf-8").splitlines()
    patterns = [line.strip() for line in lines if line.strip() and not line.startswith("#")]
    saved = [
        "notebooks/lesson02.highlights.json",
        "notebooks/Lesson02-Who.HIGHLIGHTS.json",
        "notebooks/.lesson02.highlights.json.k3j9.tmp",
        "notebooks/pretest.json",
        "notebooks/PreTest.JSON",
        "notebooks/.ipynb_checkpoints/02-who-is-speaking-checkpoint.ipynb",
        "notebooks/my-article/article.md",
    ]
    for path in saved:
        left_out = not all(hub_start.lesson(Path(*path.split("/")[: n + 1])) for n in range(1, path.count("/") + 1))
        assert left_out, path  # what the start leaves out of a student's copy
        assert _docker_ignores(path, patterns), path
    for path in ["notebooks/02-who-is-speaking.ipynb", "notebooks/articles/ferry-terminal-vote.md", "dist/x.whl",
                 "course/jupyterhub/students/jupyter_server_config.json"]:  # fmt: skip
        assert not _docker_ignores(path, patterns), path


@pytest.mark.parametrize(
    ("name", "keys", "value", "says"),
    [
        ("students/jupyter_server_config.json", ("jpserver_extensions", "nbgrader.server_extensions.formgrader"), True,
         "students' servers get nbgrader's formgrader"),
        ("jupyter_server_config.json", ("terminado_settings", "shell_command"), ["/bin/bash", "-l"],
         "login shell"),
    ],
)  # fmt: skip
def test_doctor_hub_names_a_server_config_whose_value_undoes_its_purpose(tmp_path, name, keys, value, says) -> None:
    """doctor --hub passed a students' config that turned the formgrader on, or a terminal that is a login shell
    again (review23): it looked only for the key. The value is what keeps students out of the formgrader and the
    shared environment on a terminal's PATH."""
    from medialit.setup import doctor_hub

    shutil.copy(HUB / "jupyter_server_config.json", tmp_path)
    shutil.copytree(HUB / "students", tmp_path / "students")
    assert doctor_hub.check_server_configs(tmp_path).ok
    path = tmp_path / name
    data = json.loads(path.read_text(encoding="utf-8"))
    data["ServerApp"][keys[0]][keys[1]] = value
    path.write_text(json.dumps(data), encoding="utf-8")
    found = doctor_hub.check_server_configs(tmp_path)
    assert not found.ok and str(path) in found.line() and says in found.line(), found.line()
    assert len(found.line().splitlines()) == 1


def test_the_hub_stops_servers_idle_for_an_hour_with_the_culler_and_no_more_rights(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    config = load(monkeypatch, MEDIALIT_HUB_ENV="/opt/env")
    culler = next(s for s in config.JupyterHub.services if s["name"] == "idle-culler")
    assert culler["command"] == [
        "/opt/env/bin/python",
        "-m",
        "jupyterhub_idle_culler",
        "--timeout=3600",
        "--cull-every=600",
    ]  # no --cull-users: a stopped server, never a deleted user
    role = next(r for r in config.JupyterHub.load_roles if r.get("services") == ["idle-culler"])
    assert set(role["scopes"]) == {"list:users", "read:users:activity", "read:servers", "delete:servers"}
    assert "jupyterhub-idle-culler" in (ROOT / "scripts" / "install-hub-deps.sh").read_text(encoding="utf-8")
    off = load(monkeypatch, MEDIALIT_IDLE_TIMEOUT="0")
    assert [s["name"] for s in off.JupyterHub.services] == ["medialit"]
    assert not any(r.get("services") == ["idle-culler"] for r in off.JupyterHub.load_roles)


@pytest.mark.parametrize("value", ["1h", "-5", "3600.5", ""])
def test_an_idle_timeout_that_is_no_number_of_seconds_stops_the_hub_with_one_line(monkeypatch, value) -> None:
    """int("1h") stopped the hub's start with a traceback (review25)."""
    with pytest.raises(SystemExit) as stop:
        load(monkeypatch, MEDIALIT_IDLE_TIMEOUT=value)
    assert "MEDIALIT_IDLE_TIMEOUT" in str(stop.value) and "whole number of seconds" in str(stop.value)
    assert "\n" not in str(stop.value)
