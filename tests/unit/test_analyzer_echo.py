"""Answers that repeat the analyzer's mistakes, on the real items, keys and shipped analyses (no mocks).

The analyzer's own answer must be flagged wherever it makes false marks; an
answer built from the key with a slip or two must not be, nor one that misses
the same hard mark as the analyzer (a repeated miss is no evidence); the items
where it makes no error are exactly those where its paste earns full points
(the monitor in test_scoring).
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from medialit.core.spans import Span
from medialit.exercises.answer import read_answer
from medialit.exercises.items import ITEMS, Item
from medialit.exercises.judge import grade_data
from medialit.exercises.key import Key
from medialit.exercises.matching import as_key
from medialit.instructor import analyzer_echo, report
from medialit.instructor.grade_data import Check
from medialit.instructor.gradebook import CourseError
from medialit.nlp import shipped_analysis
from medialit.nlp.shipped_analysis import encode, shipped

REPO = Path(__file__).resolve().parents[2]
ALL = sorted(ITEMS)


def key_of(item_id: str) -> dict:
    return json.loads((REPO / "course" / "keys" / f"{item_id}.json").read_text(encoding="utf-8"))


def paste(it: Item) -> list:
    analysis = analyzer_echo.shipped_analysis(it.article, it.load().sha256)
    assert analysis is not None, it.article
    return analyzer_echo.pasted_answer(it, analysis)


def spans_of(it: Item, literal) -> list[Span]:
    """The marks as ``course report`` reads them (``grade_data.score_answer``: speakers in the label)."""
    read = read_answer(it, literal)
    return [*read.marks, *(Span(s.start, s.end, speaker) for s, speaker in read.speakers)]


def errors(item_id: str) -> analyzer_echo.AnalyzerErrors:
    return analyzer_echo.analyzer_errors(item_id, key_of(item_id))


CHECKED = [i for i in ALL if errors(i).status == "checked"]
MISSES_ONLY = [i for i in ALL if errors(i).status == "misses only"]


@pytest.mark.parametrize("item_id", sorted({ITEMS[i].article for i in ALL}))
def test_the_file_read_is_the_analysis_a_students_analyze_returns(item_id):
    article = next(it for it in ITEMS.values() if it.article == item_id).load()
    stored = shipped(article)
    assert stored is not None, "the shipped analysis is stale: python -m medialit.nlp.shipped_analysis"
    assert analyzer_echo.shipped_analysis(article.id, article.sha256) == encode(stored)


def test_an_analysis_for_another_text_or_none_at_all_is_not_used():
    it = ITEMS["ex01-q1"]
    assert analyzer_echo.shipped_analysis(it.article, "0" * 64) is None
    assert analyzer_echo.shipped_analysis("no-such-article", it.load().sha256) is None


@pytest.mark.parametrize("item_id", ALL)
def test_cannot_tell_is_where_the_paste_earns_full_points_and_silent_where_it_earns_nothing(item_id):
    it = ITEMS[item_id]
    share = grade_data(item_id, paste(it), key_of(item_id)).points / it.points
    status = errors(item_id).status
    assert (status == "cannot tell") == (share == 1.0), (status, share)
    if status == "silent":
        assert share == 0.0


def test_the_monitors_full_marks_items_are_the_cannot_tell_ones():
    """ex02-q1 and q2 paste at 1.0 in test_scoring's monitor: the analyzer truly makes no error there."""
    cannot = {i for i in ALL if errors(i).status == "cannot tell"}
    assert {"ex02-q1", "ex02-q2"} <= cannot
    assert all(grade_data(i, paste(ITEMS[i]), key_of(i)).points == ITEMS[i].points for i in cannot)


def test_the_statuses_follow_the_analyzers_false_marks():
    """Checked: it makes false marks (wrong labels included); misses only: every error is a miss."""
    assert CHECKED == ["ex01-q3", "ex01-q4"]  # today's shipped analyses: a test of the rule, kept honest
    assert MISSES_ONLY == ["ex01-q1", "ex01-q2", "ex05-q1", "ex05-q4", "ex05-q7"]
    assert all(errors(i).false_marks for i in CHECKED)
    assert all(not errors(i).false_marks and errors(i).missed for i in MISSES_ONLY)


@pytest.mark.parametrize("item_id", CHECKED)
def test_the_analyzers_own_answer_is_flagged(item_id):
    it = ITEMS[item_id]
    found = errors(item_id)
    echo = analyzer_echo.echo(found, spans_of(it, paste(it)), key_of(item_id))
    assert echo.flagged and found.count > 0
    assert (echo.false_repeated, echo.missed_repeated) == (len(found.false_marks), len(found.missed))
    assert echo.agreed == echo.analyzer_right == len(found.right)


def honest(it: Item, key: Key, drop: set[int], relabel: set[int], to: str = "") -> list[Span]:
    """The key's required marks less ``drop``, with another label (``to``, else the first other) on ``relabel``."""
    out = []
    for i, mark in enumerate(key.marks):
        if mark.optional or i in drop:
            continue
        label = mark.speaker or mark.label
        if i in relabel:
            label = to or next(lab for lab in it.labels if lab != mark.label)
        out.append(Span(mark.span.start, mark.span.end, label))
    return out


@pytest.mark.parametrize("item_id", MISSES_ONLY)
def test_where_the_analyzer_only_misses_its_own_answer_repeats_every_miss_and_is_not_flagged(item_id):
    it = ITEMS[item_id]
    found = errors(item_id)
    echo = analyzer_echo.echo(found, spans_of(it, paste(it)), key_of(item_id))
    assert echo.missed_repeated == echo.missed == len(found.missed) > 0 and echo.false_marks == 0
    assert echo.marked and not echo.flagged  # an honest answer missing the same mark looks the same


@pytest.mark.parametrize("item_id", CHECKED + MISSES_ONLY)
def test_an_honest_answer_with_two_slips_where_the_analyzer_is_right_is_not_flagged(item_id):
    it = ITEMS[item_id]
    found = errors(item_id)
    key = as_key(it, key_of(item_id))
    fine = [i for i, m in enumerate(key.marks) if not m.optional and i not in found.missed]
    relabel = {fine[1]} if len(fine) > 1 and it.kind != "speakers" and len(it.labels) > 1 else set()
    answer = honest(it, key, {fine[0]}, relabel)
    echo = analyzer_echo.echo(found, answer, key_of(item_id))
    assert echo.marked and echo.false_repeated == echo.missed_repeated == 0 and not echo.flagged


@pytest.mark.parametrize("item_id", CHECKED + MISSES_ONLY)
def test_an_honest_answer_that_misses_a_mark_the_analyzer_misses_is_not_flagged(item_id):
    """The fixture student 'partial' in tests/nbgrader does this on ex01-q1 and q2: a repeated miss is no evidence."""
    it = ITEMS[item_id]
    found = errors(item_id)
    key = as_key(it, key_of(item_id))
    echo = analyzer_echo.echo(found, honest(it, key, {min(found.missed)}, set()), key_of(item_id))
    assert (echo.missed_repeated, echo.false_repeated) == (1, 0)
    assert echo.marked and not echo.flagged


def test_more_than_half_of_the_false_marks_flags_an_answer():
    """ex01-q3: the analyzer calls three anonymous sources named. One shared wrong label happens; two of three flag."""
    it = ITEMS["ex01-q3"]
    found = errors("ex01-q3")
    key = as_key(it, key_of("ex01-q3"))
    assert {lab for m in found.false_marks for lab in m.labels} == {"named"} and len(found.missed) == 3
    one, two, *_ = sorted(found.missed)
    echoes = [
        analyzer_echo.echo(found, honest(it, key, set(), wrong, to="named"), key_of("ex01-q3"))
        for wrong in ({one}, {one, two})
    ]
    assert [(e.false_repeated, e.flagged) for e in echoes] == [(1, False), (2, True)]
    other = analyzer_echo.echo(found, honest(it, key, set(), {one, two}, to="vague"), key_of("ex01-q3"))
    assert other.false_repeated == 0 and not other.flagged  # a wrong label, not the analyzer's


def test_a_single_false_mark_repeated_is_the_weakest_flag():
    """ex01-q4 has one false mark ('indirect' on a mixed quote): repeating it flags; grading.md gives the rate."""
    it = ITEMS["ex01-q4"]
    found = errors("ex01-q4")
    key = as_key(it, key_of("ex01-q4"))
    (false,) = found.false_marks
    echo = analyzer_echo.echo(found, honest(it, key, set(), set(found.missed), to="indirect"), key_of("ex01-q4"))
    assert false.labels == {"indirect"} and echo.false_repeated == 1 and echo.flagged


@pytest.mark.parametrize("content", [b"{not json", b"\xff\xfe", b"[]", b'{"format": "medialit-shipped-analysis"}'])
def test_a_damaged_analysis_file_is_a_one_line_error(tmp_path, monkeypatch, content):
    """Read by the one reader of shipped analyses (``nlp.shipped_analysis``); the report stops with one line."""
    it = ITEMS["ex01-q1"]
    damaged = tmp_path / f"{it.article}.analysis.json"
    damaged.write_bytes(content)
    monkeypatch.setattr(shipped_analysis, "_file", lambda article_id: damaged)
    shipped_analysis._stored.cache_clear()
    try:
        with pytest.raises(CourseError) as raised:
            analyzer_echo.shipped_analysis(it.article, it.load().sha256)
    finally:
        shipped_analysis._stored.cache_clear()
    assert str(raised.value) == f"{it.article}.analysis.json in the medialit package is damaged: reinstall medialit"


def test_an_analysis_made_by_another_analyzer_or_for_another_model_is_not_what_analyze_returns(monkeypatch):
    """mend15: the report read the file itself and used a stale analysis a student's ``analyze`` would not return."""
    it = ITEMS["ex01-q1"]
    article = it.load()
    assert analyzer_echo.shipped_analysis(it.article, article.sha256) is not None
    monkeypatch.setenv(shipped_analysis.MODEL_ENV, "en_core_web_trf")
    assert analyzer_echo.shipped_analysis(it.article, article.sha256) is None
    assert analyzer_echo.analyzer_errors(it.id, key_of(it.id)).status == "no analysis"
    monkeypatch.delenv(shipped_analysis.MODEL_ENV)
    monkeypatch.setattr(shipped_analysis, "analyzer_sha256", lambda: "0" * 64)
    assert analyzer_echo.shipped_analysis(it.article, article.sha256) is None


def test_an_empty_answer_repeats_the_misses_but_is_not_flagged():
    found = errors("ex01-q1")
    echo = analyzer_echo.echo(found, [], key_of("ex01-q1"))
    assert echo.missed_repeated == len(found.missed) and not echo.marked and not echo.flagged


def test_the_report_lists_the_paste_the_totals_and_the_items_nobody_can_tell(tmp_path):
    items = ["ex01-q1", "ex01-q3", "ex01-q4", "ex02-q1", "ex02-q3"]
    answered = []
    for item_id in items:
        it = ITEMS[item_id]
        key = as_key(it, key_of(item_id))
        missed = errors(item_id).missed
        answers = {
            "pasted": spans_of(it, paste(it)),
            "honest": honest(it, key, set(), set()),
            "misses-too": honest(it, key, set(missed), set()),  # misses what the analyzer misses, nothing else
            "blank": [],
        }
        answered.append((Check(item_id[:4], f"{item_id}-test", item_id, "answer", key_of(item_id)), answers))
    written = report._analyzer_echo(answered, tmp_path)
    text = (tmp_path / "analyzer-echo.md").read_text(encoding="utf-8")
    flagged = text.split("## Answers that repeat most")[1].split("##")[0]
    assert "| pasted | ex01-q3 | 3 of 3 | 3 of 3 | 3 of 3 |" in flagged
    assert "| pasted | ex01-q4 | 1 of 1 | 1 of 1 |" in flagged
    assert "ex01-q1" not in flagged  # misses only: nobody is flagged there, the paste included
    assert "honest" not in flagged and "blank" not in flagged and "misses-too" not in flagged
    totals = text.split("## Per student")[1].split("##")[0]
    assert "| pasted | 4 of 4 | 5 of 5 | 17 of 17 | 2 of 2 | **flagged** |" in totals
    assert "| misses-too | 0 of 4 | 5 of 5 | 17 of 17 | 0 of 2 | no |" in totals
    assert "| honest | 0 of 4 | 0 of 5 | 17 of 17 | 0 of 2 | no |" in totals
    assert "blank" not in totals  # answered nothing: no total
    assert "| ex01-q1 | **misses only**: a paste cannot be told from an honest answer" in text
    assert "| ex02-q1 | **cannot tell**" in text and "| ex02-q3 | the analyzer marks nothing" in text
    assert "missed: sentence" in text and "wrong label: sentence" in text
    # second review, severity 4: a wrong label is one place, not a false mark and a miss counted apart
    checked = "| ex01-q3 | **checked**: an answer repeating more than half of these false marks is flagged. "
    assert checked + "3 places (3 wrong labels: a false mark and a miss each)" in text
    assert "| ex01-q4 | **checked**: " in text and "1 place (1 wrong label: a false mark and a miss at once)" in text
    assert "wrong label: sentence 10, ‘One poster’ (1st in the part) (named, the key: anonymous)" in text
    assert "missed: sentence 10, ‘One poster’" not in text
    rows = (tmp_path / "analyzer-echo.csv").read_text(encoding="utf-8").splitlines()
    assert rows[0].startswith("student,item,false_repeated,false_marks,missed_repeated,missed,agreed,")
    assert len(rows) == 1 + 3 * 4 and {p.name for p in written} == {"analyzer-echo.md", "analyzer-echo.csv"}
    assert sum(row.endswith(",1") for row in rows) == 2  # the flagged column: the paste on ex01-q3 and q4


def test_a_student_id_is_one_cell_of_plain_text_in_analyzer_echo_md():
    """Walk 20: a student id (a hand-in folder's name) with `|`, a line break, HTML or a link reached the tables of
    analyzer-echo.md as it is, while speaker names in most-missed.md were escaped."""
    forged = "eve | 0 of 0 |\n| ada <img src=x onerror=alert(1)> [x](javascript:alert(1))"
    it = ITEMS[CHECKED[0]]
    found = errors(it.id)
    echo = analyzer_echo.echo(found, spans_of(it, paste(it)), key_of(it.id))
    assert echo.flagged
    lines = report._echo_flagged([(forged, it.id, echo)]) + report._echo_totals([(forged, it.id, echo)])
    rows = [line for line in lines if "eve \\|" in line]
    assert len(rows) == 2 and not [line for line in lines if "ada" in line and "eve \\|" not in line], lines
    for row in rows:
        assert row.startswith("| eve \\| 0 of 0") and "<img" not in row and not re.search(r"(?<!\\)\]\(", row), row
    assert rows[0].count("|") - rows[0].count("\\|") == 6 and rows[1].count("|") - rows[1].count("\\|") == 7, rows
