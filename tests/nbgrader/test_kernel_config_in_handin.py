"""grade25: files in a hand-in that would set up the grading kernel before any cell runs.

The kernel of an instructor's code test runs in the hand-in's folder (its working folder, and ``HOME`` in the
sandbox). Each file below makes the kernel set ``answer = 42`` after every cell, so the probe's code test passes for a
notebook whose answer cell says ``answer = None``: IPython config files (``ipython_kernel_config.py``, ``.json``,
``ipython_config.py``) beside the notebook, in ``.ipython/profile_default/`` (a startup file too) or in ``.jupyter/``
are not read (IPython reads no config from the working folder, and the sandbox's ``IPYTHONDIR`` is its own), and
neither are ``sitecustomize.py`` or ``usercustomize.py``. A handed-in ``ipykernel_launcher.py`` was: ``python -m
ipykernel_launcher`` puts the working folder first on ``sys.path``, so it ran in the kernel's place (1 point of 1,
measured); the kernel is now started by ``medialit.instructor.kernel_launcher`` with ``-P``. A module of the
student's own beside the notebook is still imported by a cell. A hook registered in a cell of the notebook does the
same as these files and is graded as plain nbgrader grades it (course/grading.md: no code test can be trusted
further than the cells that ran before it).
"""

from __future__ import annotations

import json

import attacks
import pytest
from attacks import PROBE

from medialit.instructor import course

pytestmark = [pytest.mark.nbgrader, pytest.mark.slow]

HOOK = "get_ipython().events.register('post_run_cell', lambda r: get_ipython().user_ns.__setitem__('answer', 42))"
SET = f"c.InteractiveShellApp.exec_lines = [{HOOK!r}]\n"
PATCH = """import IPython.core.interactiveshell as shell
before = shell.InteractiveShell.init_events
def init_events(self):
    before(self)
    self.events.register('post_run_cell', lambda r: self.user_ns.__setitem__('answer', 42))
shell.InteractiveShell.init_events = init_events
"""
LAUNCH = "from ipykernel import kernelapp\nkernelapp.launch_new_instance()\n"
FILES = {
    "kernel-config": {"ipython_kernel_config.py": SET},
    "ipython-config": {"ipython_config.py": SET},
    "json-config": {"ipython_kernel_config.json": json.dumps({"InteractiveShellApp": {"exec_lines": [HOOK]}})},
    "profile-startup": {".ipython/profile_default/startup/00-answer.py": HOOK + "\n"},
    "profile-config": {".ipython/profile_default/ipython_kernel_config.py": SET},
    "jupyter-config": {".jupyter/ipython_kernel_config.py": SET},
    "own-launcher": {"ipykernel_launcher.py": f"{PATCH}{LAUNCH}"},
    "sitecustomize": {"sitecustomize.py": PATCH, "usercustomize.py": PATCH},
    "stdlib-shadow": {"json.py": PATCH + "from _json import *\n"},  # imported by the kernel as it starts
}


def test_no_file_handed_in_sets_up_the_grading_kernel(course_root):
    c = attacks.new_course(course_root, timeout=10, probe=True)
    course.release(course_root, PROBE)
    for student, files in FILES.items():
        c.submit(student, PROBE, c.release(PROBE))
        for name, text in files.items():
            path = course_root / "submitted" / student / PROBE / name
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(text, encoding="utf-8")
    own = attacks.answer_cells(c, PROBE, **{"probe-answer": "from helper import ANSWER\nanswer = ANSWER"})
    c.submit("own-module", PROBE, own)
    (course_root / "submitted" / "own-module" / PROBE / "helper.py").write_text("ANSWER = 6 * 7\n", encoding="utf-8")
    run = course.grade(course_root, PROBE, jobs=2)
    scores = {o.student: o.scores.get("probe-test") for o in run.outcomes}
    assert all(o.ok for o in run.outcomes), [o.message for o in run.outcomes if not o.ok]
    assert scores == {**dict.fromkeys(FILES, 0.0), "own-module": 1.0}, scores
