"""The hub's idle culler (course/jupyterhub/jupyterhub_config.py): an idle server is stopped, a busy one is not,
and the student's highlights survive the stop (restart, reopen: the marks are there).

The course's timeout is an hour; here it is 30 seconds, and the servers and the hub exchange activity every 5
seconds instead of every 5 minutes (what a real hour leaves room for).
"""

from __future__ import annotations

import json
import time

import pytest
from hubkit import Hub

pytestmark = [pytest.mark.hub, pytest.mark.slow]

TIMEOUT = 30
HUB_SETTINGS = {"MEDIALIT_IDLE_TIMEOUT": str(TIMEOUT)}
HUB_CONFIG = """
c.Spawner.environment["JUPYTERHUB_ACTIVITY_INTERVAL"] = "5"
c.JupyterHub.last_activity_interval = 5
"""
ITEM = "ex01-q1"
MARKS = """
import json, os
os.makedirs(os.path.expanduser("~/work"), exist_ok=True)
os.chdir(os.path.expanduser("~/work"))
from medialit.exercises.grading import show
h = show({item!r})
for start, end in {add!r}:
    h.add_span(start, end, "source")
print(json.dumps(h.spans))
"""


def running(hub: Hub, role: str) -> bool:
    return bool(hub.api("GET", f"/users/{hub.users[role]}").json().get("servers"))


def test_an_idle_server_is_stopped_a_busy_one_is_not_and_the_marks_survive(hub: Hub) -> None:
    hub.start("student1")
    hub.start("student2")
    marked = json.loads(hub.run("student1", MARKS.format(item=ITEM, add=[(1601, 1602), (1603, 1611)])).splitlines()[-1])
    assert len(marked) == 2, marked

    # student1 leaves (the tab closed); student2 keeps working (its tab polls the server, as JupyterLab does).
    deadline = time.monotonic() + TIMEOUT * 6
    while running(hub, "student1"):
        assert time.monotonic() < deadline, f"student1's idle server was not stopped within {TIMEOUT * 6} s"
        hub.server("student2", "GET", "/api/kernels")
        time.sleep(2)
    for _ in range(TIMEOUT // 2):  # another half timeout of work: student2's server stays
        hub.server("student2", "GET", "/api/kernels")
        time.sleep(2)
    assert running(hub, "student2"), "a server in use was stopped as idle"
    log = (hub.base / "hub" / "hub.log").read_text(encoding="utf-8")
    assert f"Culling server {hub.users['student1']} (inactive for" in log, log[-3000:]  # the culler did it
    assert f"Culling server {hub.users['student2']}" not in log

    # The marks were saved as they were made: on disk while the server is stopped, and back once it starts again.
    sidecar = hub.home("student1") / "work" / f"{ITEM}.highlights.json"
    assert len(json.loads(sidecar.read_text(encoding="utf-8"))["spans"]) == 2
    hub.kernels.pop("student1", None)  # the culled server's kernel went with it
    hub.start("student1")
    again = json.loads(hub.run("student1", MARKS.format(item=ITEM, add=[])).splitlines()[-1])
    assert again == marked
