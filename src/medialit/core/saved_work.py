"""What counts as a person's saved work, by file name: the one rule for every copy that must leave it behind.

A student's (or an instructor's) work is saved beside the notebook it was done in:
the highlighter's marks in ``<item>.highlights.json`` (written through a hidden
temporary file, ``core.sidecar``) and the pre-test's letters in ``pretest.json``.
Three copies must never carry it, or everyone would start from one person's
answers: the release (``nbgrader_output.KeepMarksOut``), ``course.init``'s copy
of solutions/ into source/, and a hub server's copy of the lessons
(``setup.hub_start``). All three ask ``saved_work``. This module imports
nothing: a server's start reads it.
"""

from __future__ import annotations

SIDECAR_SUFFIX = ".highlights.json"
"""The ending of every highlights file (``Item.sidecar``)."""
PRETEST_FILE = "pretest.json"
"""Where ``pretest.record`` saves (and merges) the pre-test's letters."""


def saved_work(name: str) -> bool:
    """Whether a file name (no folder) is one the kit saves a person's work under: a highlights file in any
    letter case (the same file on a disk that ignores case), the temporary file a save cut short leaves
    (``.NAME.highlights.json.XXXX.tmp``: the whole marks), or the pre-test's answers."""
    name = name.lower()
    temporary = name.startswith(".") and name.endswith(".tmp") and f"{SIDECAR_SUFFIX}." in name
    return name.endswith(SIDECAR_SUFFIX) or temporary or name == PRETEST_FILE
