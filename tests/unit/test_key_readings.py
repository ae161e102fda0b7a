"""Third educator's reading (keyread15): natural right answers earn full marks, lines point the right way.

Each case is an answer an educator would mark right (or a line a student would follow) on the real keys of
ex03 to ex05 and the lessons 3 to 9 activities (and K13's whole heading line on ex02-q3).
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from medialit import load_article
from medialit.core.spans import Span
from medialit.exercises import lessons, ungraded_text
from medialit.exercises.grading import grade_data, item

REPO = Path(__file__).resolve().parents[2]
NOTEBOOKS = REPO / "notebooks"


def key(item_id: str) -> dict:
    return json.loads((REPO / "course" / "keys" / f"{item_id}.json").read_text(encoding="utf-8"))


def grade(item_id: str, answer):
    return grade_data(item_id, answer, key(item_id))


def span_of(item_id: str, phrase: str, label: str, nth: int = 1) -> dict:
    """A highlighter mark on the ``nth`` occurrence of ``phrase`` in the item's part."""
    body = item(item_id).load().body
    start = item(item_id).bounds()[0] - 1
    for _ in range(nth):
        start = body.index(phrase, start + 1)
    return {"start": start, "end": start + len(phrase), "label": label}


pytestmark = pytest.mark.usefixtures("fresh_lessons")


def at(article, phrase: str, label: str, nth: int = 1) -> Span:
    start = -1
    for _ in range(nth):
        start = article.body.index(phrase, start + 1)
    return Span(start, start + len(phrase), label)


# ------------------------------------------------------------------------------------ graded keys


EX03_Q1_WORDS = ["skirmish", "war", "waging"]


@pytest.mark.parametrize(
    "answer",
    [
        [*EX03_Q1_WORDS, "war"],  # the war word listed for each place it stands
        [span_of("ex03-q1", w, "loaded") for w in ("skirmish", "war", "waging")]
        + [span_of("ex03-q1", "war", "loaded", nth=2)],  # highlighted: the 'war' of 'all-out war'
    ],
)
def test_ex03_q1_the_war_of_all_out_war_is_the_loaded_word_there(answer):
    """K10: 'war' is the picture and 'all-out' its intensifier; marking the noun at its place is right."""
    result = grade("ex03-q1", answer)
    assert result.points == 3.0, result.feedback


@pytest.mark.parametrize(
    ("item_id", "weekday", "full"),
    [("ex04-q1", "Tuesday", "Tuesday 19 March"), ("ex05-q8", "Monday", "Monday 22 September")],
)
def test_the_wrong_weekday_alone_earns_its_date_mark(item_id, weekday, full):
    """K15 and the prompt: `date` is 'a date or weekday that does not fit ... the calendar'; the weekday carries it
    as much as the day of the month (which half the span rule already accepts)."""
    right = [m for m in key(item_id)["marks"] if not m.get("optional")]
    answer = [{"start": m["start"], "end": m["end"], "label": m["label"]} for m in right if m["text"] != full]
    start = span_of(item_id, full, "date")["start"]
    answer.append({"start": start, "end": start + len(weekday), "label": "date"})
    result = grade(item_id, answer)
    assert result.points == item(item_id).points, result.feedback


def test_a_weekday_that_fits_still_earns_nothing():
    """The accept is the wrong weekday's only: the fitting 'Monday' of 'Monday 16 March' is no signal."""
    result = grade("ex04-q1", [span_of("ex04-q1", "Monday", "date")])
    assert result.points == 0.0


def test_ex05_q4_the_operator_behind_its_application_is_accepted_as_the_source():
    """Base rules: the source is the words that name it; as ex01-q3 takes 'an unknown author' for the post by that
    author, 'the operator' names who wrote the application credited with the jobs figure."""
    answer = [
        ("mayor Lena Holt", "source"), ("said", "cue"), ("She", "source"), ("called", "cue"),
        ("according to", "cue"), ("the operator", "source"), ("Fishermen", "source"), ("say", "cue"),
        ("Arne Dahl", "source"), ("told", "cue"), ("the council's planning office", "source"), ("said", "cue", 2),
        ("Nordvind AS", "source"),
    ]  # fmt: skip
    result = grade("ex05-q4", answer)
    assert result.points == 2.0, result.feedback


# ------------------------------------------------------------------------------------ lesson keys


def test_l5_a_dialogue_dash_marked_as_translation_costs_nothing(capsys):
    """K15: a dash that opens a quote is a translation signal, and items list it as optional; the translation
    notes the lesson sends students to list the dash style too."""
    free = ungraded_text.without_graded(load_article("stoere-putin-call"))
    dash = free.body.index("\n– One way") + 1
    lessons.check_highlights("l5.provenance-activity", [Span(dash, dash + 1, "translation")], free)
    out = capsys.readouterr().out
    assert "0 extra" in out, out


def test_l5_copy_the_weekday_alone_is_the_date_clue(capsys):
    copy = load_article(NOTEBOOKS / "articles" / "ferry-terminal-copy.md")
    lessons.check_highlights("l5.copy-activity", [at(copy, "Tuesday", "date")], copy)
    out = capsys.readouterr().out
    assert "1 of 4 key items found, 0 extra" in out, out


# ------------------------------------------------------------------------------------ feedback lines


def test_a_credited_view_marked_opinion_is_told_it_is_credited_not_asked_whether_it_judges(capsys):
    """K14: a view the report credits is news about it; Eide's sentence does judge, so 'does it judge?' would
    confirm the commonest mistake (instructor guide, lesson 9)."""
    report = load_article(NOTEBOOKS / "articles" / "elvegata-cycle-lane.md")
    start = report.body.index("Jon Eide")
    end = report.body.index("\n", start)
    lessons.check_highlights("l9.opinion-activity", [Span(start, end, "opinion")], report)
    out = capsys.readouterr().out
    assert "credited to someone" in out, out
    assert "in the paper's own voice is not enough" not in out


def test_a_credited_sentence_marked_unsupported_is_asked_who_says_so(capsys):
    """K8: a claim credited to a named document is attributed; the lesson names the cost sentence as the analyzer's
    mistake, so the line must not say it is in the paper's own voice."""
    practice = load_article(NOTEBOOKS / lessons.PRACTICE)
    start = practice.body.index("According to the council")
    end = practice.body.index("\n", start)
    lessons.check_highlights("l3.sentences-activity", [Span(start, end, "unsupported")], practice)
    out = capsys.readouterr().out
    assert "who says so?" in out and "attributed" in out, out


@pytest.mark.parametrize(("item_id", "word"), [("ex05-q7", "rushed"), ("ex03-q1", "bombarding")])
def test_a_framing_word_from_outside_the_part_is_said_to_be_outside_it(item_id, word):
    """The column's 'rushed' is word for word in the article: 'not word for word in the text' is false."""
    result = grade(item_id, [word])
    assert any("not in the part" in line for line in result.feedback), result.feedback
    assert not any("not word for word" in line for line in result.feedback)


# ------------------------------------------------------------------------------------ lesson text


def test_lesson_3_summary_does_not_call_every_heading_other():
    """K8: headlines are labelled like any sentence; the practice headline is one of the five unsupported."""
    text = (NOTEBOOKS / "sources" / "03-claims-and-evidence.md").read_text(encoding="utf-8")
    summary = text[text.index("## Summary") :]
    assert "so are questions, headings and page furniture" not in summary
    assert "headings that restate the body" in summary


def test_ex03_q1_the_loaded_word_with_the_words_that_hold_it_counts():
    """A student who lists the phrase around the loaded word (its auxiliaries, its article) has found the word."""
    result = grade("ex03-q1", ["another small skirmish", "a war", "has been waging", "an all-out war"])
    assert result.points == 3.0, result.feedback


def test_ex05_q7_optional_words_of_q1s_opinion_sentence_cite_k11():
    """K11: the later items list an opinion sentence's words as optional; 'mild' is no rule of K10 or K11."""
    for mark in key("ex05-q7")["marks"]:
        if mark["start"] >= 1027:  # 'Nobody should let ...', q1's opinion sentence
            assert mark.get("optional") and "K11" in mark["rationale"], mark["text"]


@pytest.mark.parametrize("item_id", ["ex01-q4", "ex05-q5"])
def test_the_kind_prompts_give_k17s_test_for_mixed(item_id):
    """K17: a verb and its object in the reporter's words before a quoted phrase is mixed, however much is quoted;
    the keys mark 'called', 'dubbed' and 'characterized' so, and 'a fragment quoted inside a paraphrase' alone
    leaves a student who sees the verbatim quote at 'direct'."""
    import nbformat

    found = {}
    for path in sorted((REPO / "solutions").glob("*/*.ipynb")):
        for cell in nbformat.read(path, as_version=4).cells:
            grade_id = cell.metadata.get("nbgrader", {}).get("grade_id", "")
            found[grade_id.removesuffix("-question")] = " ".join(cell.source.split())
    prompt = found[item_id]
    assert "a verb and its object in the reporter's words before a quoted phrase" in prompt
    example = prompt.split("a quoted phrase", 1)[1].split("*")[1]
    keys = sorted((REPO / "course" / "keys").glob("*.json"))
    keyed = {m["text"].lower() for p in keys for m in json.loads(p.read_text(encoding="utf-8"))["marks"]}
    assert not any(word in example.lower() for word in keyed if len(word) > 3), example


def test_ex03_q1_optional_marks_cite_the_rule_that_makes_them_optional():
    """K11: optional only when a rule says so; 'milder' words rest on K10's split-readers sentence, cited with K11."""
    guidelines = (REPO / "course" / "annotation-guidelines.md").read_text(encoding="utf-8")
    assert "A word that careful readers split on" in guidelines
    for mark in key("ex03-q1")["marks"]:
        if mark.get("optional") and mark["text"] in ("conflict", "vs."):
            assert "K11" in mark["rationale"], mark["text"]


@pytest.mark.parametrize("label", ["evaluative", "loaded"])
def test_l4_dearly_alone_is_the_word_that_carries_the_verdict(capsys, label):
    """K10: the evaluative word of 'will cost residents dearly' is 'dearly'; marking it alone is right."""
    practice = load_article(NOTEBOOKS / lessons.PRACTICE)
    lessons.check_highlights("l4.framing-activity", [at(practice, "dearly", label)], practice)
    out = capsys.readouterr().out
    assert "1 of 6 key items found, 0 extra" in out, out


def test_l5_imvain_says_how_to_write_the_one_question_with_two_letters():
    """IMVAIN spells A/I as two letters for one question; 'V, A, I, N' (I for Informed) is checked as an extra I
    (Independent), so the prompt says to write that row as A."""
    assert "write it A" in lessons._get("l5.imvain-letters").prompt
    lesson = (NOTEBOOKS / "sources" / "05-where-did-this-text-come-from.md").read_text(encoding="utf-8")
    assert "is one question: write it `A`" in lesson


@pytest.mark.parametrize(
    ("question", "answer"),
    [
        ("l9.credited", "Eide's opinion reported as news"),  # the prompt's own wording of the option
        ("l9.credited", "Eide’s opinion reported as news"),
        ("l3.refugees", "no one"),
        ("l3.refugees", "unknown"),
    ],
)
def test_a_choice_check_takes_the_option_as_the_prompt_words_it(capsys, question, answer):
    lessons.check(question, answer)
    assert capsys.readouterr().out.startswith("Correct."), question


def test_the_whole_headline_line_is_accepted_for_its_figure_as_k13_says():
    """K13: "Mark the figure with the words that make it wrong ...; the whole heading line is accepted." The key
    took only 'Bus fares to double', so the whole line with the right label scored nothing on that mark."""
    headline = "Bus fares to double as Lindvik thins evening buses"
    line = grade("ex02-q3", [(headline, "unsupported_figure"), ("Cuts hurt older residents most", "dropped_source")])
    words = grade(
        "ex02-q3", [("to double", "unsupported_figure"), ("Cuts hurt older residents most", "dropped_source")]
    )
    assert line.points == words.points == pytest.approx(0.8)
    assert grade("ex02-q3", [(headline, "dropped_source")]).points == 0  # the line with the wrong fault earns nothing


EX02_Q3_RIGHT = [("to double", "unsupported_figure"), ("Cuts hurt older residents most", "dropped_source"),
                 ("40 kroner", "unsupported_figure"), ("25 percent", "unsupported_figure", 2),
                 ("two-thirds of seniors", "unsupported_figure")]  # fmt: skip


@pytest.mark.parametrize("words", ["thins evening buses", "Lindvik thins evening buses"])
def test_the_headlines_evening_cuts_marked_as_a_dropped_source_cost_nothing(words):
    """keyread24: the body credits the evening cuts only to transport chief Mona Eide ('Eide said that three of the
    41 routes would run less often'), so the headline's 'Lindvik thins evening buses' states a credited claim as
    fact: K13 read as written, as review 14b reads the fact box's Eide figure; the line's figure is its first
    fault, so this second one is optional (K13, K11). Marked, it cost 0.2 of 2; the whole line given dropped_source
    still costs (its place is the figure's), and a spray of every heading line still earns 0."""
    assert grade("ex02-q3", EX02_Q3_RIGHT).points == 2
    assert grade("ex02-q3", [*EX02_Q3_RIGHT, (words, "dropped_source")]).points == 2
    headline = "Bus fares to double as Lindvik thins evening buses"
    assert grade("ex02-q3", [*EX02_Q3_RIGHT, (headline, "dropped_source")]).points < 2


EX01_Q4_RIGHT = [("have stated", "indirect"), ("characterized", "mixed"), ("admitted", "indirect"),
                 ("writing", "direct"), ("wrote", "direct"), ("said", "direct")]  # fmt: skip


@pytest.mark.parametrize("first_verb", ["Writing in a blog post", "Writing"])
def test_the_first_verb_of_ingrams_joint_report_counts_in_place_of_dubbed(first_verb):
    """keyread18: *Writing in a blog post, Matthew Ingram ... dubbed* is one attribution with two verbs (rule 1);
    the key lists *Writing* as optional beside *dubbed* by K5's joint report, but K5 and K11 also accept the
    first verb in the main cue's place, and an answer marking it alone earned 1.71 of 2. Both ways now earn 2."""
    alone = grade("ex01-q4", [(first_verb, "mixed", 1), *EX01_Q4_RIGHT])
    both = grade("ex01-q4", [(first_verb, "mixed", 1), ("dubbed", "mixed"), *EX01_Q4_RIGHT])
    assert alone.points == both.points == 2, (alone.feedback, both.feedback)
    wrong = grade("ex01-q4", [(first_verb, "direct", 1), ("dubbed", "direct")])
    assert not any("not in the key" in line for line in wrong.feedback), wrong.feedback


def test_the_named_witness_sentence_of_ex02_q2_is_not_a_vague_source():
    """keyread18: *One Rohingya, Muhammad Amin, ...* (K8: attributed or unsupported, so optional) accepted
    vague_source, a reading no rule gives: the witness is named (K2), and read as unsupported nothing credits the
    claim (K9: no_source). It now costs as a wrong reason does, and the line says what vague_source asks."""
    right = [("Thailand has recently", "no_source"), ("Estimates suggest", "vague_source"), ("On Friday", "hedge")]
    assert grade("ex02-q2", right).points == grade("ex02-q2", [("One Rohingya", "no_source"), *right]).points == 3
    wrong = grade("ex02-q2", [("One Rohingya", "vague_source"), *right])
    assert wrong.points < 3
    assert any(
        "defensible sentence to mark, but not for the reason given (vague_source is" in x for x in wrong.feedback
    )


def test_the_silent_operator_of_ex05_q4_counts_by_its_description_too():
    """keyread18: K4 asks for the words that name a party that gave no answer; *Nordvind AS, the operator, did not
    answer* names it twice, and the key accepted the name or both, but not *the operator* alone (an extra), though
    the same key accepts *the operator* alone for the application it wrote."""
    others = [("mayor Lena Holt", "source"), ("said", "cue"), ("She", "source"), ("called", "cue"),
              ("according to", "cue"), ("the operator's application to the council", "source"),
              ("Fishermen", "source"), ("say", "cue"), ("Arne Dahl", "source"), ("told", "cue"),
              ("the council's planning office", "source"), ("said", "cue", 2)]  # fmt: skip
    assert grade("ex05-q4", [*others, ("the operator", "source", 2)]).points == 2


def test_the_view_nested_in_the_prime_ministers_paraphrase_costs_nothing():
    """keyread18: *He added that Norway and the West view the war as Russia's fault* reports, inside Støre's
    paraphrase, the view of his own country and its allies (a cognition verb, like *believes*): marking it as a
    source and cue cost 0.33 of ex01-q1 although K5 lists nested reports largely in the speaker's voice as optional."""
    right = [("said", "cue", 2), ("Støre", "source"), ("He", "source"), ("added", "cue"),
             ("the Russian embassy", "source"), ("Støre", "source", 2), ("pointed out", "cue"),
             ("The Prime Minister", "source"), ("believes", "cue")]  # fmt: skip
    assert grade("ex01-q1", [*right, ("Norway and the West", "source"), ("view", "cue")]).points == 3
    assert grade("ex01-q1", right).points == 3


# ------------------------------------------------------------------------------------ keyread19


def test_ex03_q1_the_belittling_small_of_another_small_skirmish_costs_nothing():
    """keyread19: K10 calls a belittling word evaluative, and *small* belittles the dispute inside Ingram's quote,
    beside the battle picture of *skirmish*; careful readers split on whether it is a cue of its own (K10, K11).
    Marked beside the key's words it cost 0.38 of 3 as an extra; now it is optional, and never earns *skirmish*."""
    right = ["skirmish", "war", "waging", "all-out war"]
    assert grade("ex03-q1", ["small", *right]).points == grade("ex03-q1", right).points == 3
    assert grade("ex03-q1", ["small", "war", "waging", "all-out war"]).points < 3  # the battle picture still missed


SPEAKERS_Q2 = [("Støre", "Jonas Gahr Støre", "said", 1), ("He", "Jonas Gahr Støre", "added", 1),
               ("the Russian embassy", "the Russian embassy", "", 1), ("Støre", "Jonas Gahr Støre", "pointed out", 2),
               ("The Prime Minister", "Jonas Gahr Støre", "believes", 1)]  # fmt: skip


@pytest.mark.parametrize(
    "name", ["Norway and the West", "Norway and Western countries", "Norway and its Western allies", "the West"]
)
def test_ex01_q2_the_optional_nested_holders_of_the_view_may_be_named_in_other_words(name):
    """keyread19: the optional *Norway and the West* (K5, K11), named *Norway and Western countries*, cost 0.1 of 2
    and was told 'not the source named here', false: it is the same source in other words (base rules: a vague
    source is written as the text gives it, and these say the same)."""
    result = grade("ex01-q2", [*SPEAKERS_Q2, ("Norway and the West", name, "view", 1)])
    assert result.points == 2, result.feedback
    assert not any("not the source named here" in line for line in result.feedback)


@pytest.mark.parametrize("name", ["NATO", "Norway"])
def test_ex01_q2_another_party_or_half_of_the_pair_for_the_nested_view_still_costs(name):
    """keyread20: *Norway* alone was an alias of *Norway and the West* (keyread19), but the text credits the view to
    both, and the base rules write a vague source as the text gives it: one of the two holders is not the same
    reading (*the West*, which holds Norway, and *Western countries* still are)."""
    result = grade("ex01-q2", [*SPEAKERS_Q2, ("Norway and the West", name, "view", 1)])
    assert result.points < 2 and any("not the source named here" in line for line in result.feedback)


@pytest.mark.parametrize("words", ["most of the town", "most", "the backing of most of the town"])
def test_ex05_q7_the_headlines_inflated_most_of_the_town_costs_nothing(words):
    """keyread19: the prompt asks for 'words that inflate or belittle' (K10); the headline's *most of the town*
    inflates a 17-to-12 council vote into the town's backing, in the paper's own voice. q2 scores it as a figure on
    another base (K13), and careful readers split on whether it is also framing: optional (K10, K11). It cost 0.33."""
    right = [("are thought to", "hedge"), "historic", "ruin"]
    assert grade("ex05-q7", [*right, words]).points == 2


@pytest.mark.parametrize(
    ("item_id", "sentence"),
    [("ex05-q6", "The turbines are thought"), ("ex05-q6", "The project is a bold"), ("ex02-q2", "Estimates suggest")],
)
def test_a_sentence_given_no_source_is_told_that_one_reason_is_the_one_that_carries_the_claim(item_id, sentence):
    """keyread19: *The turbines are thought to be able to power every home* marked no_source was told 'no_source is
    for a contested or consequential claim credited to nobody', which the sentence is: the line confirmed the
    mistake. K9 gives one reason per sentence, the one that carries the claim (here the hedge); the line says so,
    without saying which reason does."""
    result = grade(item_id, [(sentence, "no_source")])
    (line,) = [x for x in result.feedback if x.startswith(f"‘{sentence}")]
    assert "the one that carries the claim (K9)" in line, line
    assert not any(word in line for word in ("hedge", "vague_source", "evaluation")), line


# ------------------------------------------------------------------------------------ keyread20


Q8_RIGHT = [("Thursday 17 September", "date"), ("there are owls in the moss", "translation"),
            ("not just just", "translation"), ("Monday 22 September", "date"),
            ("Read also: Ferry tickets up again on the coast route", "scraped"),
            ("Sign up for our newsletter and get the best stories from the coast every morning!", "scraped"),
            ("We use cookies to give you a better experience. Accept all to keep reading.", "scraped"),
            ("About the author: Pizza enthusiast. Lifelong gamer. Friendly music maven. "
             "Certified sunset chaser.", "bio")]  # fmt: skip


@pytest.mark.parametrize(
    "words", ["approved on Thursday 17 September a wind farm", "approved on Thursday 17 September"]
)
def test_ex05_q8_the_norwegian_word_order_marked_as_translation_costs_nothing(words):
    """keyread20: 'approved on Thursday 17 September a wind farm' keeps the Norwegian order (a time phrase between
    verb and object), odd but not wrong English; K15 lists a sign that only hints at another hand as optional, and
    the blind annotator named it as a weaker reading. Marked as translation it cost 0.12 of 2."""
    assert grade("ex05-q8", Q8_RIGHT).points == 2
    assert grade("ex05-q8", [*Q8_RIGHT, (words, "translation")]).points == 2


@pytest.mark.parametrize("words", ["during the construction", "the construction", "The construction"])
def test_ex05_q8_the_norwegian_definite_construction_marked_as_translation_costs_nothing(words):
    """keyread24: the copy turns the report's 'during construction' into 'during the construction' and says 'The
    construction starts', the definite form of the Norwegian (byggingen); correct English that only hints at
    another hand, which K15 lists as optional, and the blind annotator named both as weaker readings. Marked as
    translation beside the right answer it cost 0.12 of 2."""
    assert grade("ex05-q8", [*Q8_RIGHT, (words, "translation")]).points == 2


def test_ex05_q8_plain_correct_english_still_costs():
    """K15: a plain but correct sentence is not a signal."""
    assert grade("ex05-q8", [*Q8_RIGHT, ("Residents can meet the operator", "translation")]).points < 2
