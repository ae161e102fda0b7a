"""Lesson questions as data: notebooks/questions/lesson-NN.yaml and keys/, found, validated, one-line errors."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from medialit import from_text, load_article
from medialit.exercises import lesson_keys, lesson_questions, lessons, ungraded_text
from medialit.exercises.key import Key

REPO = Path(__file__).resolve().parents[2]
QUESTIONS = REPO / "notebooks" / "questions"


pytestmark = pytest.mark.usefixtures("fresh_lessons")


@pytest.fixture
def copy(tmp_path, monkeypatch) -> Path:
    """A copy of the questions folder (and the articles beside it) that the checks read instead of the kit's."""
    target = tmp_path / "questions"
    shutil.copytree(QUESTIONS, target)
    shutil.copytree(QUESTIONS.parent / "articles", tmp_path / "articles")
    monkeypatch.setenv(lesson_questions.ENV, str(target))
    return target


def lesson_2_opening():
    """The article lesson 2's linking activity (``l2.links``) checks: the example article's opening, built as the
    lesson notebook builds it."""
    example = load_article("stoere-putin-call")
    return from_text("Opening\n" + example.body[: example.body.index("He also highlighted")])


def lesson_articles() -> dict[str, object]:
    """The article each activity's lesson passes to check_highlights (as the lesson notebooks build it)."""
    practice = load_article(REPO / "notebooks" / lessons.PRACTICE)
    example = load_article("stoere-putin-call")
    return {
        "l0.try-it": from_text("Mayor Ingrid Dahl of Vesterhavn called the vote a turning point for the town."),
        "l2.links": lesson_2_opening(),
        "l2.sources-activity": practice,
        "l3.sentences-activity": practice,
        "l3.headlines-activity": load_article(REPO / "notebooks" / "articles" / "ferry-fact-box.md"),
        "l4.framing-activity": practice,
        "l5.copy-activity": load_article(REPO / "notebooks" / "articles" / "ferry-terminal-copy.md"),
        "l5.provenance-activity": ungraded_text.without_graded(example),
        "l9.opinion-activity": load_article(REPO / "notebooks" / "articles" / "elvegata-cycle-lane.md"),
    }


def test_every_lesson_file_is_valid_and_its_ids_carry_its_number():
    every = lesson_questions.load_all(QUESTIONS)
    files = sorted(QUESTIONS.glob("lesson-*.yaml"))
    assert len(files) >= 9 and len(every) >= 50
    for path in files:
        number = int(path.stem.split("-")[1])
        assert all(q.id.startswith(f"l{number}.") for q in lesson_questions.load_lesson(number, QUESTIONS).values())


def test_every_activity_has_a_key_over_the_articles_text_and_every_key_file_is_used():
    activities = [q for q in lessons.questions() if q.kind in ("spans", "links")]
    assert {q.id for q in activities} == set(lesson_articles())
    for question in activities:
        key = lesson_questions.load_key(question)
        assert question.key == f"keys/{question.id}.json" and key.item == question.id
        original = lesson_keys.original(key)  # the article the key was made for: checked by body_sha256
        assert key.problems(original.body) == [], question.id
        assert all(m.speaker and m.cue for m in key.marks) == (question.kind == "links")
    assert {p.name for p in (QUESTIONS / "keys").iterdir()} == {f"{q.id}.json" for q in activities}


@pytest.mark.parametrize("question_id", sorted(lesson_articles()))
def test_every_key_lands_on_its_own_words_in_the_article_its_lesson_passes(question_id):
    article = lesson_articles()[question_id]
    key = lesson_questions.load_key(lessons.QUESTIONS[question_id])
    original = lesson_keys.original(key)
    spans = lesson_keys.key_spans(question_id, article)
    assert [s.text(article.body) for s in spans] == [m.span.text(original.body) for m in key.marks]
    assert [s.label for s in spans] == [m.label for m in key.marks]


def test_a_key_is_carried_onto_an_excerpt_of_its_article_and_a_missing_word_is_one_line():
    practice = load_article(REPO / "notebooks" / lessons.PRACTICE)
    whole = lesson_keys.key_spans("l4.framing-activity", practice)
    last = max(s.end for s in whole)
    excerpt = from_text("Excerpt\n" + practice.body[: last + 1])
    spans = lesson_keys.key_spans("l4.framing-activity", excerpt)
    assert [s.start for s in spans] == [s.start + len("Excerpt\n") for s in whole]
    assert [s.text(excerpt.body) for s in spans] == [s.text(practice.body) for s in whole]
    short = from_text("Excerpt\n" + practice.body[: last - 1])
    with pytest.raises(ValueError, match=r"l4.framing-activity: '.*' is not in article 'excerpt'; use the lesson"):
        lesson_keys.key_spans("l4.framing-activity", short)


def test_reveal_lists_the_key_with_context_for_words_that_recur(capsys):
    practice = load_article(REPO / "notebooks" / lessons.PRACTICE)
    lessons.check_highlights(
        "l2.sources-activity", lesson_keys.key_spans("l2.sources-activity", practice)[:1], practice
    )
    capsys.readouterr()
    lessons.reveal("l2.sources-activity")
    out = capsys.readouterr().out.splitlines()
    assert "  source: ‘Mayor Ingrid Dahl’" in out and "  source: ‘Dahl’ (in ‘says Dahl’)" in out
    assert "unsupported: ‘Vesterhavn town council voted 19 to 12 on Tuesday…’" in lesson_keys.key_lines(
        "l3.sentences-activity"
    ), "a whole sentence is cut short"


def test_links_reveal_names_source_cue_and_speaker():
    lines = lesson_keys.key_lines("l2.links")
    assert lines[0] == (
        "[Norway’s allies and partners] have given signals -> Norway’s allies and partners [have given signals]: "
        "Norway’s allies and partners"
    )
    assert lines[5] == "it is, says [Støre] -> it is, [says] Støre: Jonas Gahr Støre"  # after an optional nested link
    assert lines[7] == "[He] stressed -> He [stressed]: Jonas Gahr Støre"


def test_an_edited_file_is_read_again_without_a_restart(copy, capsys):
    path = copy / "lesson-02.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("Dash quotes are direct quotes.", "Edited."), "utf-8")
    lessons.check("l2.dash", "Dahl")
    assert capsys.readouterr().out.startswith("Correct. Ingrid Dahl, the mayor: ‘says Dahl’ closes the quote. Edited.")


def test_bad_yaml_is_one_line_naming_the_file_and_the_line(copy, capsys):
    path = copy / "lesson-02.yaml"
    lines = path.read_text(encoding="utf-8").splitlines()
    broken = next(i for i, line in enumerate(lines) if line.startswith("  kind:"))
    lines[broken] = "  kind: [name"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    lessons.check("l2.dash", "Dahl")
    out = capsys.readouterr().out
    assert out.count("\n") == 1 and "lesson-02.yaml, line" in out and "fix the YAML" in out
    assert lessons.questions(3), "another lesson's file still reads"


@pytest.mark.parametrize(
    ("old", "new", "said"),
    [
        ("  hint: Which allies? Which partners? Could you ask one of them?\n", "", "question l2.allies: 'hint'"),
        ("- id: l2.mixed\n", "- id: l3.mixed\n", "question l3.mixed: ids in this file start with l2."),
        ("- id: l2.mixed\n", "- id: l2.dash\n", "question l2.dash appears twice"),
        ("key: keys/l2.links.json", "key: keys/l2.gone.json", "question l2.links: no key file keys/l2.gone.json"),
        ("kind: choice", "kind: essay", "question l2.mixed: kind: 'essay' is not one of"),
        ("  key: keys/l2.links.json\n", "  key: keys/l2.links.json\n  reject: [putin]\n", "question l2.links: reject"),
        ("  reject: [ingrid dahl, dahl, mayor]\n", "  reject: []\n", "question l2.pronoun: reject"),
        ("    - [mixed]\n", "    - [mixed]\n  reject: [direct]\n", "question l2.mixed: reject"),
        ("  hint: Which allies?", "  hint: []\n  x: Which allies?", "question l2.allies"),
    ],
)
def test_a_question_that_breaks_the_format_is_one_line_naming_file_and_question(copy, capsys, old, new, said):
    path = copy / "lesson-02.yaml"
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    lessons.check("l2.pronoun", "Per Haugen")
    out = capsys.readouterr().out
    assert out.count("\n") == 1 and "lesson-02.yaml" in out and said in out, out
    with pytest.raises(lesson_questions.LessonQuestionsError, match=r"lesson-02\.yaml"):
        lessons.questions()


def test_a_key_file_for_another_text_is_one_line(copy):
    path = copy / "keys" / "l4.framing-activity.json"
    key = Key.load(path)
    path.write_text(path.read_text(encoding="utf-8").replace(key.body_sha256, "0" * 64), encoding="utf-8")
    practice = load_article(REPO / "notebooks" / lessons.PRACTICE)
    excerpt = from_text("Excerpt\n" + practice.body[10:])
    with pytest.raises(lesson_questions.LessonQuestionsError, match="made for another version of its text"):
        lesson_keys.key_spans("l4.framing-activity", excerpt)


def test_questions_are_found_beside_the_lesson_the_kernel_runs_in(tmp_path, monkeypatch, capsys):
    lessons_folder = tmp_path / "my-lessons"
    shutil.copytree(QUESTIONS, lessons_folder / "questions")
    path = lessons_folder / "questions" / "lesson-02.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("Dash quotes are direct", "Dash: direct"), "utf-8")
    monkeypatch.delenv(lesson_questions.ENV, raising=False)
    monkeypatch.chdir(lessons_folder)
    assert lesson_questions.questions_folder().resolve() == (lessons_folder / "questions").resolve()
    lessons.check("l2.dash", "Dahl")
    assert "Dash: direct quotes." in capsys.readouterr().out


def test_no_questions_folder_is_one_line_saying_where_to_open_the_lesson(tmp_path, monkeypatch, capsys):
    monkeypatch.delenv(lesson_questions.ENV, raising=False)
    monkeypatch.setattr(lesson_questions, "CHECKOUT", tmp_path / "no-checkout")
    monkeypatch.chdir(tmp_path)
    lessons.check("l2.dash", "Dahl")
    out = capsys.readouterr().out
    assert out.count("\n") == 1 and "open the lesson from the kit's notebooks/ folder" in out
    monkeypatch.setenv(lesson_questions.ENV, str(tmp_path / "gone"))
    lessons.hint("l2.dash")
    assert "MEDIALIT_QUESTIONS" in capsys.readouterr().out
