"""The course as a student meets it: every judgement an exercise grades is taught in a lesson before it.

Lessons are read as their Markdown sources and question files, in the order the syllabus teaches them
(lesson 9 right after lesson 4); an exercise may rely only on the lessons before it.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from medialit.exercises import lessons

REPO = Path(__file__).resolve().parents[2]
SOURCES = REPO / "notebooks" / "sources"
QUESTIONS = REPO / "notebooks" / "questions"
KEYS = REPO / "course" / "keys"

BEFORE = {  # the lessons each exercise comes after (course/syllabus.md, "Order matters")
    "ex01": ("00", "01", "02", "03"),
    "ex02": ("00", "01", "02", "03"),
    "ex03": ("00", "01", "02", "03", "04", "09"),
    "ex04": ("00", "01", "02", "03", "04", "09", "05"),
    "ex05": ("00", "01", "02", "03", "04", "09", "05", "06", "08"),
}


pytestmark = pytest.mark.usefixtures("fresh_lessons")


def lesson_text(number: str) -> str:
    source = next(SOURCES.glob(f"{number}-*.md")).read_text(encoding="utf-8")
    return source + (QUESTIONS / f"lesson-{number}.yaml").read_text(encoding="utf-8")


def graded_labels() -> list[tuple[str, str]]:
    pairs = set()
    for path in KEYS.glob("ex*.json"):
        for mark in json.loads(path.read_text(encoding="utf-8"))["marks"]:
            pairs.add((path.stem[:4], mark["label"]))
    return sorted(pairs)


@pytest.mark.parametrize(("exercise", "label"), graded_labels(), ids=lambda v: v)
def test_every_label_a_key_grades_is_named_in_a_lesson_before_its_exercise(exercise, label):
    """The label as the exercise spells it (``no_source``, ``original_report``), so a student meets the term
    and an example of it before a mark is scored by it. K16's page roles were taught by no lesson."""
    taught = "\n".join(lesson_text(n) for n in BEFORE[exercise])
    assert re.search(rf"(?<![\w-]){re.escape(label)}(?![\w-])", taught), f"{label} ({exercise}) is taught nowhere"


@pytest.mark.parametrize(
    ("question", "right", "wrong"),
    [
        ("l3.reason", "no_source", "evaluation"),  # K9's no_source: the one reason no lesson showed
        ("l3.reason", "no source", "vague_source"),
        ("l3.reason-anonymous", "vague_source", "no_source"),  # K7: unexplained anonymity is vague_source (ex02-q1)
        ("l3.reason-anonymous", "vague source", "hedge"),
        ("l5.role-clean", "misleading", "original_report"),  # K16: a clean layout is no original report
        ("l5.role-trust", "W", "X"),  # K16: each page is trusted for what it saw or decided
        ("l2.that-quote", "direct", "mixed"),  # K17: only 'that' before a whole quote is direct (ex01-q4's trap)
        ("l2.that-quote", "direct", "indirect"),
    ],
)
def test_the_new_checks_take_the_guidelines_answer_and_refuse_the_tempting_one(capsys, question, right, wrong):
    lessons.check(question, wrong)
    assert capsys.readouterr().out.startswith("Not yet")
    lessons.check(question, right)
    assert capsys.readouterr().out.startswith("Correct")


@pytest.mark.parametrize("answer", ["Courier", "the Vesterhavn Courier", "report", "W (the report)"])
def test_check_5_9_takes_the_report_however_a_student_names_it(capsys, answer):
    """The prompt calls W "the report" and the page "the Courier's report": a student who names it so, or
    copies the prompt's "W (the report)", chose right and was told "Not yet"."""
    lessons.check("l5.role-trust", answer)
    assert capsys.readouterr().out.startswith("Correct")


def check_numbers(number: str) -> dict[str, str]:
    """``{"2.10": "l2.allies", ...}``: each check heading of a lesson and the question its cell asks."""
    source = next(SOURCES.glob(f"{number}-*.md")).read_text(encoding="utf-8")
    found = re.findall(r"### Check (\d+\.\d+)[^\n]*\n(?:.*?\n)*?[^\n]*check\(\"([\w.-]+)\"", source)
    return dict(found)


REFERENCES = [  # (file, the words that refer to a check, the question they mean)
    ("notebooks/questions/lesson-02.yaml", "are both attributions (check {})", "l2.allies"),
    ("notebooks/sources/02-who-is-speaking.md", "the source it passes on (check {})", "l2.allies"),
    ("notebooks/sources/03-claims-and-evidence.md", "answers to checks {} and", "l3.reportedly"),
    ("notebooks/sources/09-news-opinion-and-advertising.md", "in lesson 3 (check {})", "l3.dearly"),
    ("notebooks/sources/05-where-did-this-text-come-from.md", "lesson 1 (check {})", "l1.end"),
    ("course/instructor-guide.md", "Headlines and numbers (10 min, checks {} to", "l3.subhead"),
]


@pytest.mark.parametrize(("path", "words", "question"), REFERENCES, ids=lambda v: str(v)[-24:])
def test_a_reference_to_a_check_names_the_check_it_means(path, words, question):
    """The links hint sent students to check 2.9 (the pronoun) for the relay, which is check 2.10."""
    number = {v: k for k, v in check_numbers(question[1].zfill(2)).items()}[question]
    assert words.format(number) in (REPO / path).read_text(encoding="utf-8")


def test_lesson_4_keeps_the_exercises_hedge_apart_from_the_analyzers():
    """The analyzer's hedge includes vague sources (*critics say*); K9's hedge is a word of uncertainty, and ex05-q7
    charges *Fishermen say* marked as a hedge. Lesson 4 printed only the analyzer's definition."""
    lesson = next(SOURCES.glob("04-*.md")).read_text(encoding="utf-8")
    assert "K9" in lesson and "*critics say*" in lesson and "are not a hedge" in lesson.replace("\n", " ")


def test_lesson_4s_hedge_examples_are_no_keyed_phrase():
    """Lesson 4 gave *is thought to* as a hedge: the very phrase ex05-q6 and ex05-q7 key (word form of *are thought
    to*), which the exercises' own prompts are kept from quoting (test_prompt_wording, K11)."""
    lesson = " ".join(next(SOURCES.glob("04-*.md")).read_text(encoding="utf-8").split())
    hedge = re.search(r"A \*\*hedge\*\* is a word of uncertainty[^.]*\.", lesson).group(0)
    keyed = set()
    for path in KEYS.glob("ex*.json"):
        for mark in json.loads(path.read_text(encoding="utf-8"))["marks"]:
            keyed |= {mark["text"].lower(), *(w.lower() for w in mark.get("words", ()))}
    examples = re.findall(r"\*([^*]+)\*", hedge.replace("**", ""))
    assert examples and not [e for e in examples if e.lower() in keyed]


def test_lesson_2_teaches_k17_before_ex01_q4_grades_it():
    """ex01-q4 and ex05-q5 key a verb + object + quoted phrase as mixed (K17); only their prompts said so."""
    lesson = " ".join(next(SOURCES.glob("02-*.md")).read_text(encoding="utf-8").split())
    assert "K17" in lesson and "described the figures as “optimistic”" in lesson


def test_lesson_2_calls_a_particular_source_of_unknown_identity_anonymous():
    """K2: anonymous is 'withheld or unknown'; ex01-q3 keys a poster and a post by an unknown author anonymous.
    Lesson 2's test said only 'Withheld: anonymous', which sends an unknown author to vague."""
    lesson = " ".join(next(SOURCES.glob("02-*.md")).read_text(encoding="utf-8").split())
    assert "Withheld, or unknown even to the writer" in lesson


def test_lesson_5_shows_a_past_event_dated_after_the_page_before_ex04_q1_grades_one():
    """K15's first date signal (an event told as past but dated after the page's own date) is a required mark in
    ex04-q1 and ex05-q8; the lesson's copy activity practises only a weekday that does not fit its date."""
    lesson = " ".join(next(SOURCES.glob("05-*.md")).read_text(encoding="utf-8").split())
    assert "tells as past what had not happened yet" in lesson and "K15" in lesson


def test_a_lesson_gives_a_should_sentence_the_reason_evaluation_before_ex05_q6_grades_it():
    """ex05-q6 calls a sentence saying what should happen `evaluation` (K14: an opinion sentence is the unsupported
    sentence with reason evaluation); lesson 3 said only 'an evaluation stated as fact', lesson 9 never named the
    label and the reason of its opinion sentences."""
    lesson = " ".join(next(SOURCES.glob("09-*.md")).read_text(encoding="utf-8").split())
    assert "`unsupported`, and its reason is `evaluation`: a judgement, a *should* or a certain prediction" in lesson


def test_lesson_3_names_k13s_swapped_base_before_ex02_q3_and_ex05_q2_grade_one():
    """K13: 'a share whose base is left out or swapped'; ex02-q3 and ex05-q2 each key a swapped base, and lesson 3
    named only a base left out."""
    lesson = " ".join(next(SOURCES.glob("03-*.md")).read_text(encoding="utf-8").split())
    assert "a share whose base is left out or swapped" in lesson


def test_lesson_3_summary_names_both_ways_a_heading_is_unsupported():
    """keyread25: K8 (keyread24) makes a heading `unsupported` when it adds an evaluation the body does not back or
    a claim the body does not give (a figure it never states); lesson 3's summary named only the judgement, so a
    student reviewing it learnt half the rule."""
    summary = lesson_text("03").split("## Summary", 1)[1].split("**Working alone?**", 1)[0]
    heading = next(line for line in summary.splitlines() if "heading that adds" in line)
    assert "judgement" in heading and "a claim it does not give" in heading, heading
    assert "a claim it does not give (a figure it never states" in " ".join(_k8().split())


def _k8() -> str:
    text = (REPO / "course" / "annotation-guidelines.md").read_text(encoding="utf-8")
    return text.split("### K8.", 1)[1].split("### K9.", 1)[0]


def test_lessons_give_k3s_hidden_sources_as_a_source_first_not_as_a_hedge():
    """K9 makes K3's phrases (*reportedly*, *allegedly*) a hidden source first and a verb of belief a hedge first;
    lesson 3 listed *reportedly* and *allegedly* as the hedge reason's examples and lesson 4 *allegedly* as a hedge."""
    guidelines = (REPO / "course" / "annotation-guidelines.md").read_text(encoding="utf-8")
    k3 = re.search(r"### K3\.(.*?)### K4", guidelines, re.S).group(1)
    hidden = {w.lower() for w in re.findall(r"\*([^*]+)\*", k3.split("tell the reader")[0])}
    assert {"reportedly", "allegedly"} <= hidden
    lesson3 = " ".join(next(SOURCES.glob("03-*.md")).read_text(encoding="utf-8").split())
    lesson4 = " ".join(next(SOURCES.glob("04-*.md")).read_text(encoding="utf-8").split())
    hedge3 = re.search(r"a \*\*hedge\*\* carries it \(([^)]*)\)", lesson3).group(1)
    hedge4 = re.search(r"A \*\*hedge\*\* is a word of uncertainty[^;]*;", lesson4).group(0)
    for hedge in (hedge3, hedge4):
        examples = {e.strip("“”*").lower() for e in re.findall(r"“[^”]+”|\*[^*]+\*", hedge.replace("**", ""))}
        assert examples and not examples & hidden, examples & hidden


@pytest.mark.parametrize(
    ("question", "answer", "right"),
    [
        # check 0.2 asks notebook or json: the file's own name, or 'separate .json file', is the right place
        ("l0.saved", "lesson00.highlights.json", True),
        ("l0.saved", "separate .json file", True),
        ("l0.saved", "the json file", True),
        ("l0.saved", "notebook", False),
        ("l0.saved", "in the notebook", False),
        # check 5.1's hint asks for 'a phrase that means where things really happen in a war'
        ("l5.pitch", "on the battlefield", True),
        ("l5.pitch", "on the ground", True),
        ("l5.pitch", "on the football field", False),
        ("l5.pitch", "pitch", False),
    ],
)
def test_lesson_0_and_5_checks_take_the_right_answer_in_the_words_their_question_and_hint_invite(
    capsys, question, answer, right
):
    """Check 0.2 told 'Not yet' (with its hint) to 'lesson00.highlights.json' and 'separate .json file', the very
    place it asks for; check 5.1 asked what the speaker 'meant' and hinted at 'a phrase that means where things
    really happen in a war', then took only 'on the ground', so 'on the battlefield' got the same hint again."""
    lessons.check(question, answer)
    said = capsys.readouterr().out
    assert said.startswith("Correct") == right, said


@pytest.mark.parametrize(
    ("question", "article_path", "button"),
    [
        ("l5.provenance-activity", None, "Register here"),
        ("l5.copy-activity", "articles/ferry-terminal-copy.md", "Sign up now"),
    ],
)
def test_lesson_5_takes_a_newsletter_boxs_button_words_for_the_box_in_both_its_activities(
    capsys, monkeypatch, question, article_path, button
):
    """Lesson 5's two provenance activities each hold a newsletter box (K15: scraped). The example article's key
    took the box's last words, 'Register here', for the box; the aggregator copy's key, met first, called 'Sign up
    now' extra ('mark the whole of it'): one signal, marked the same way, right in one activity, wrong in the
    other."""
    from medialit import load_article

    monkeypatch.chdir(REPO / "notebooks")
    article = load_article(article_path) if article_path else lessons.without_graded(load_article("stoere-putin-call"))
    start = article.body.index(button)
    lessons.check_highlights(question, [{"start": start, "end": start + len(button), "label": "scraped"}], article)
    said = capsys.readouterr().out
    assert re.search(r"You marked 1: 1 of \d+ key items found", said), said
    assert f"correct: ‘{button}’ (scraped)" in said, said
