"""Text students type reaches ``most-missed.md`` only as the words of one table cell."""

from __future__ import annotations

from medialit.exercises.answer import read_answer
from medialit.exercises.items import item
from medialit.instructor.report import _most_missed

FORGED = "Nobody | 0 |\n| ex01-q1 | sentence 1 | source | 30 <img src=x onerror=alert(1)> [ok](javascript:alert(1))"
"""A speaker name typed on a link (attack17): a row of its own with a made-up count, HTML and a link."""


def test_a_speaker_name_two_students_typed_is_one_cell_of_plain_text(tmp_path):
    answer = read_answer(item("ex01-q2"), [("Aftenposten", FORGED, "contacted", 1)])
    ((_, speaker),) = answer.speakers  # read as typed: the report must make it harmless
    extras = {("ex01-q2", "sentence 9, ‘Aftenposten’ (1st in the part)", speaker): {"alice", "bob"}}
    text = _most_missed([], extras, tmp_path / "most-missed.md", ("abc", [])).read_text(encoding="utf-8")
    table = text.split("# Marks not in the key, made by several students")[1].strip().splitlines()
    assert len(table) == 3 and table[2].endswith("| 2 |")
    row = table[2]
    assert row.count("|") - row.count("\\|") == 5  # five cell borders: the name's own bars are escaped
    assert "<img" not in row and "](" not in row
