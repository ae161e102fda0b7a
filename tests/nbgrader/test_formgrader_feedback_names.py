"""The formgrader's Generate Feedback buttons name a student who gets no page, as the command line does.

The buttons run nbgrader's converter in the Jupyter server, through ``NbGraderAPI`` on the server's log, and
show what it logged. ``c.GenerateFeedbackApp.logging_config`` applies to the command line only, so the button of
a student whose grading failed showed "No notebooks were matched" and a traceback, and no reason (instr21).
Here the real formgrader extension object is built on a real (not started) ``ServerApp`` as
``load_jupyter_server_extension`` builds it, and the API is made as its handlers make it, config reread each time.
"""

from __future__ import annotations

import shutil

import attacks
import pytest
from attacks import EX01, REPO, nb_path

from medialit.instructor import course

pytestmark = [pytest.mark.nbgrader, pytest.mark.slow]


@pytest.fixture
def server():
    from jupyter_server.serverapp import ServerApp

    app = ServerApp.instance()
    yield app
    app.log.handlers[:] = [h for h in app.log.handlers if type(h).__name__ != "NoPageLog"]
    ServerApp.clear_instance()


def test_the_buttons_name_a_student_with_no_page(course_root, monkeypatch, server):
    from nbgrader.apps import NbGraderAPI
    from nbgrader.server_extensions.formgrader.formgrader import FormgradeExtension

    root = attacks.new_course(course_root, EX01, timeout=6).root
    for student in ("alice", "bob"):
        shutil.copytree(root / "release" / EX01, root / "submitted" / student / EX01)
    nb_path(root / "submitted" / "bob", EX01).write_text("{not a notebook", encoding="utf-8")
    run = course.grade(root, EX01, jobs=2)
    assert [o.student for o in run.failed] == ["bob"]

    monkeypatch.chdir(root)
    server.root_dir = str(root)
    formgrader = FormgradeExtension(parent=server)  # as nbgrader's load_jupyter_server_extension
    formgrader.root_dir = str(root)
    formgrader.log = server.log
    formgrader.initialize([])

    def api() -> NbGraderAPI:  # as the formgrader's BaseHandler.api, before every call
        formgrader.coursedir.parent.load_config_file()
        return NbGraderAPI(formgrader.coursedir, formgrader.authenticator, parent=formgrader.coursedir.parent)

    reason = "bob: no feedback page for ex01-attribution, as grading it failed (ex01-attribution.ipynb is not a valid"
    one = api().generate_feedback(EX01, "bob")  # the student's own button: nbgrader matches no notebook
    assert not one["success"]
    assert reason in one["log"], one["log"]
    every = api().generate_feedback(EX01)  # Generate Feedback for the assignment: alice gets her page
    assert every["success"], every.get("error")
    assert every["log"].count(reason) == 1, every["log"]
    assert (root / "feedback" / "alice" / EX01 / f"{EX01}.html").is_file()
    again = api().generate_feedback(EX01, "bob")  # the config is read before each call: named once, not twice
    assert again["log"].count(reason) == 1, again["log"]


def post(url: str) -> dict:
    import json
    import urllib.request

    with urllib.request.urlopen(urllib.request.Request(url, data=b"", method="POST"), timeout=600) as answer:
        return json.loads(answer.read())


def test_a_real_formgrader_names_them_in_the_log_its_buttons_show(tmp_path, course_root):
    """The test above builds the extension by hand; here `jupyter lab` runs in the course directory, as the guide
    starts it, and the buttons' own requests go to its formgrader: the naming must survive the real server's config
    loading (it rests on nbgrader reading the course config again before each call; instr22)."""
    import sys

    sys.path.insert(0, str(REPO / "tests" / "browser"))
    from labkit import running_lab

    root = attacks.new_course(course_root, EX01, timeout=6).root
    for student in ("alice", "bob"):
        shutil.copytree(root / "release" / EX01, root / "submitted" / student / EX01)
    nb_path(root / "submitted" / "bob", EX01).write_text("{not a notebook", encoding="utf-8")
    assert [o.student for o in course.grade(root, EX01, jobs=2).failed] == ["bob"]
    (tmp_path / "home").mkdir()
    reason = "bob: no feedback page for ex01-attribution, as grading it failed (ex01-attribution.ipynb is not a valid"
    with running_lab(root, tmp_path / "home") as lab:
        api = f"{lab.url}formgrader/api/assignment/{EX01}"
        one = post(f"{api}/bob/generate_feedback")  # the student's own button (Manage Students)
        every = post(f"{api}/generate_feedback")  # Generate Feedback on Manage Assignments
        again = post(f"{api}/bob/generate_feedback")
        released = post(f"{api}/release_feedback")  # hand-ins put into submitted/ by hand: named, with their page
    assert not one["success"] and reason in one["log"], one["log"]
    assert every["success"] and every["log"].count(reason) == 1, every["log"]
    assert again["log"].count(reason) == 1, again["log"]  # named once per press, not once more each time
    assert (root / "feedback" / "alice" / EX01 / f"{EX01}.html").is_file()
    assert released["success"] and "alice: not released (handed in outside the exchange" in released["log"]
    assert "Traceback" not in released["log"] + every["log"]
