"""The one rule for what counts as saved work (``core.saved_work``): the release, ``course.init`` and a hub
server's start all leave these names behind."""

from __future__ import annotations

from medialit.core.saved_work import saved_work
from medialit.exercises.items import known_items


def test_saved_work_is_marks_their_temporary_file_and_pretest_letters() -> None:
    saved = [
        *(item.sidecar for item in known_items().values()),  # every name the highlighter saves under
        "EX01-Q2.Highlights.JSON",  # the same file where the disk ignores case
        ".ex01-q3.highlights.json.k2j3x9.tmp",  # a save cut short: the whole marks
        "pretest.json",
        "PreTest.JSON",
    ]
    not_saved = [
        "ex01-attribution.ipynb",
        "medialit-items.json",
        "my-marks.gold.json",
        "pretest-notes.md",
        "my-pretest.json",
        "ex01-q1.highlights.md",
        ".ex01-q1.highlights.json.lock",  # the save's lock holds no marks (the hub leaves hidden names out anyway)
        "notes.tmp",
    ]
    assert [name for name in saved if not saved_work(name)] == []
    assert [name for name in not_saved if saved_work(name)] == []
