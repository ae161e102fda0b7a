"""The lesson 0 pre-test (saved, never marked) and the growth-per-skill report built on it."""

from __future__ import annotations

import csv
import json
import re
from pathlib import Path

import pytest

from medialit.exercises import pretest
from medialit.instructor import growth
from medialit.instructor.gradebook import CourseError

REPO = Path(__file__).resolve().parents[2]
KEY_FILE = REPO / "course" / "pretest-key.json"


def key() -> dict[str, str]:
    return pretest.read_key(KEY_FILE)


def test_every_skill_has_two_questions_and_graded_items():
    for skill in pretest.SKILLS:
        assert sum(q.skill == skill for q in pretest.QUESTIONS) == 2
        assert pretest.POST_ITEMS[skill]
    from medialit.exercises.items import ITEMS

    assert {i for items in pretest.POST_ITEMS.values() for i in items} <= set(ITEMS)


def test_every_skill_is_measured_at_the_end_on_texts_no_lesson_or_earlier_exercise_uses():
    """Growth is transfer: each skill's post items are ex05 items whose articles nothing before ex05 uses."""
    from medialit.exercises.items import ITEMS

    assert set(pretest.POST_ITEMS) == set(pretest.SKILLS) and len(pretest.SKILLS) == 6
    post = {i for items in pretest.POST_ITEMS.values() for i in items}
    assert post == {i for i in ITEMS if i.startswith("ex05-")}
    articles = {ITEMS[i].article for i in post}
    earlier = {it.article for i, it in ITEMS.items() if not i.startswith("ex05-")}
    assert not articles & earlier
    lessons = " ".join(p.read_text(encoding="utf-8") for p in (REPO / "notebooks").rglob("*") if p.is_file())
    assert not [a for a in articles if a in lessons]


def test_the_key_is_not_in_the_package():
    source = Path(pretest.__file__).read_text(encoding="utf-8")
    assert '"p1": "' not in source and "pretest-key.json" in source


def test_a_key_blind_answer_scores_little():
    """Same letter everywhere, or the first/last option: never more than a third right."""
    k = key()
    for letter in "abcd":
        answers = {q.id: letter for q in pretest.QUESTIONS}
        right = sum(pretest.skill_scores(answers, k).values()) / len(pretest.SKILLS)
        assert right <= 1 / 3, letter


def test_record_saves_merges_and_never_says_right_or_wrong(tmp_path, capsys):
    pretest.record({"p1": "B", "p2": ""}, tmp_path)
    pretest.record({"p3": "a)"}, tmp_path)
    saved = pretest.read_answers(tmp_path / pretest.PRETEST_FILE)
    assert saved == {"p1": "b", "p3": "a"}
    out = capsys.readouterr().out
    assert "Saved 2 of 12" in out and "p2" in out
    assert "correct" not in out.lower() and "wrong" not in out.lower()


def test_an_answer_blanked_in_the_cell_is_said_to_be_kept_not_dropped_in_silence(tmp_path, capsys):
    """Emptying an answer kept the saved letter while the line said only 'Saved 2 of 12'; lesson 0 says a
    question left as "" stays open, so a learner took p1 for withdrawn."""
    pretest.record({"p1": "b", "p2": "a"}, tmp_path)
    capsys.readouterr()
    pretest.record({"p1": "", "p2": "a", "p3": ""}, tmp_path)
    out = capsys.readouterr().out
    assert pretest.read_answers(tmp_path / pretest.PRETEST_FILE) == {"p1": "b", "p2": "a"}
    assert "kept from before: p1 (write a letter to change one)" in out and "p2" not in out.split("kept")[1], out
    assert "correct" not in out.lower()


@pytest.mark.parametrize("answers", [{"p99": "a"}, {"p1": "z"}, {"p1": "ab"}])
def test_bad_answers_are_one_line(tmp_path, answers):
    with pytest.raises(pretest.PretestError) as caught:
        pretest.record(answers, tmp_path)
    assert "\n" not in str(caught.value)
    assert not (tmp_path / pretest.PRETEST_FILE).exists()


def test_skill_scores_are_shares():
    k = key()
    scores = pretest.skill_scores(k, k)
    assert scores == dict.fromkeys(pretest.SKILLS, 1.0)
    half = {q.id: k[q.id] for q in pretest.QUESTIONS[::2]}  # the first question of each skill
    assert pretest.skill_scores(half, k) == dict.fromkeys(pretest.SKILLS, 0.5)


def course_with_pretests(tmp_path: Path, students: dict[str, dict[str, str]]) -> Path:
    folder = tmp_path / "pretest"
    folder.mkdir(parents=True)
    (folder / "key.json").write_text(KEY_FILE.read_text(encoding="utf-8"), encoding="utf-8")
    for name, answers in students.items():
        (folder / f"{name}.json").write_text(json.dumps({"answers": answers}), encoding="utf-8")
    return tmp_path


def test_pre_scores_read_each_students_file(tmp_path):
    course = course_with_pretests(tmp_path, {"ada": key(), "bo": {}})
    pre = growth.pre_scores(course)
    assert pre["ada"] == dict.fromkeys(pretest.SKILLS, 1.0)
    assert pre["bo"] == dict.fromkeys(pretest.SKILLS, 0.0)


def test_a_damaged_pretest_file_is_a_one_line_course_error(tmp_path):
    course = course_with_pretests(tmp_path, {})
    (course / "pretest" / "cy.json").write_text("{not json", encoding="utf-8")
    with pytest.raises(CourseError) as caught:
        growth.pre_scores(course)
    assert "cy.json" in str(caught.value) and "\n" not in str(caught.value)


def test_growth_rows_and_class_means_put_pre_and_post_side_by_side_without_a_change():
    """Different instruments (multiple choice, then marking): no difference is computed (review item 31)."""
    pre = {"ada": {"framing": 0.0, "numbers": 0.5}, "bo": {"framing": 0.5}, "cy": {"framing": 1.0}}
    post = {"ada": {"framing": 1.0, "numbers": 0.5}, "bo": {"framing": 0.75}}
    rows = growth.growth_rows(pre, post)
    assert rows == [
        {"student": "ada", "skill": "framing", "pre": 0.0, "post": 1.0},
        {"student": "ada", "skill": "numbers", "pre": 0.5, "post": 0.5},
        {"student": "bo", "skill": "framing", "pre": 0.5, "post": 0.75},
    ]
    summary = growth.class_growth(rows)
    assert summary["framing"] == {"students": 2, "pre": 0.25, "post": 0.875}
    assert summary["numbers"]["students"] == 1


def test_growth_files_csv_markdown_figure_with_alt_text(tmp_path):
    pre = {"ada": {"framing": 0.0}, "bo": {"framing": 0.5}, "cy": {"numbers": 1.0}}
    post = {"ada": {"framing": 1.0}, "bo": {"framing": 0.5}}
    rows = growth.growth_rows(pre, post)
    summary = growth.class_growth(rows)
    md = growth._growth_markdown(summary, rows, pre, post, tmp_path / "growth.md").read_text(encoding="utf-8")
    assert "| framing and loaded words | 2 | 0.25 | 0.75 |" in md
    assert "| skill | students | pre-test | graded items |" in md
    assert growth.WHY_NO_CHANGE in md and "different instruments" in growth.WHY_NO_CHANGE
    assert "+0.50" not in md and "| change |" not in md
    assert "Pre-test only (no graded items yet): cy." in md
    figure = growth._growth_figure(summary, tmp_path / "growth.png")
    assert figure.read_bytes()[:4] == b"\x89PNG"
    alt = Path(f"{figure}.alt.txt").read_text(encoding="utf-8")
    assert "framing and loaded words pre-test 25%, graded items 75%" in alt and "different instruments" in alt
    with growth._pretest_import(pre, tmp_path / "import.csv").open(encoding="utf-8") as handle:
        table = list(csv.reader(handle))
    assert table[0][-1] == "pretest participation" and [r[0] for r in table[2:]] == ["ada", "bo", "cy"]


def test_the_class_table_and_figure_show_all_six_skills(tmp_path):
    """A skill nobody has both sides of yet keeps its line, marked as not measured, in the table and the alt text."""
    rows = growth.growth_rows({"ada": {"framing": 0.5}}, {"ada": {"framing": 1.0}})
    summary = growth.class_growth(rows)
    md = growth._growth_markdown(summary, rows, {}, {}, tmp_path / "growth.md").read_text(encoding="utf-8")
    table = [line for line in md.splitlines() if line.startswith("| ") and "|---" not in line][1:7]
    assert [line.split(" | ")[0][2:] for line in table] == list(pretest.SKILLS.values())
    assert sum("not measured yet" in line for line in table) == 5
    figure = growth._growth_figure(summary, tmp_path / "growth.png")
    alt = Path(f"{figure}.alt.txt").read_text(encoding="utf-8")
    assert all(name in alt for name in pretest.SKILLS.values()) and alt.count("not measured yet") == 5


def test_write_growth_without_graded_items_still_reports_the_pretest(tmp_path):
    course = course_with_pretests(tmp_path, {"ada": key()})
    written = growth.write_growth(course)
    names = [p.name for p in written]
    assert names == ["growth.csv", "growth.md", "growth.png", "pretest-import.csv"]
    assert (course / "reports" / "growth" / "growth.csv").read_text(encoding="utf-8") == "student,skill,pre,post\n"
    assert "no student has both" in (course / "reports" / "growth" / "growth.md").read_text(encoding="utf-8")


FORGED_ID = "eve | 1.00 | 1.00 |\n| ada <img src=x onerror=alert(1)> [x](javascript:alert(1))"
"""A hand-in folder named by a student (course/grading.md: the exchange cannot always tell a folder's owner)."""


def test_a_student_id_is_one_cell_of_plain_text_in_growth_md(tmp_path):
    """Walk 20: speaker names were escaped in most-missed.md, student ids in growth.md were not: an id with `|` and
    a line break made rows of its own, with HTML and a link."""
    pre, post = {FORGED_ID: {"framing": 0.0}, "bo": {"numbers": 1.0}}, {FORGED_ID: {"framing": 1.0}, "cy": {}}
    rows = growth.growth_rows(pre, post)
    md = growth._growth_markdown(growth.class_growth(rows), rows, pre, post, tmp_path / "growth.md")
    text = md.read_text(encoding="utf-8")
    assert "<img" not in text and not re.search(r"(?<!\\)\]\(", text)  # no tag, no link (an escaped `\](` shows)
    per_student = text.split("## Per student")[1].strip().splitlines()
    row = per_student[2]
    assert row.startswith("| eve \\| 1.00") and row.count("|") - row.count("\\|") == 5, per_student
    assert per_student[3] == "" or not per_student[3].startswith("| ada"), per_student
