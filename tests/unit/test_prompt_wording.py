"""Exercise prompts say what the guidelines say.

K7 needs position and reason, occurrences count in the part, whole furniture lines, no keyed hedge as an
example, K14's three kinds.

The prompts are read from the generated solution notebooks, as students get them (``course/build.py``).
"""

from __future__ import annotations

import json
import re
from functools import cache
from pathlib import Path

import nbformat
import pytest

REPO = Path(__file__).resolve().parents[2]


@cache
def prompts() -> dict[str, str]:
    out = {}
    for path in sorted((REPO / "solutions").glob("*/*.ipynb")):
        for cell in nbformat.read(path, as_version=4).cells:
            grade_id = cell.metadata.get("nbgrader", {}).get("grade_id", "")
            if grade_id.endswith("-question"):
                out[grade_id.removesuffix("-question")] = " ".join(cell.source.split())
    return out


@cache
def keyed_phrases() -> set[str]:
    """Every graded key's marked words and accepted word forms, lower case."""
    found = set()
    for path in (REPO / "course" / "keys").glob("*.json"):
        for mark in json.loads(path.read_text(encoding="utf-8"))["marks"]:
            found.add(mark["text"].lower())
            found.update(w.lower() for w in mark.get("words", ()))
    return found


@pytest.mark.parametrize("item_id", ["ex01-q1", "ex01-q2", "ex05-q4", "ex05-q5"])
def test_occurrences_are_counted_in_the_part_and_the_prompt_says_so(item_id):
    """Review 3.1: n counts the words inside the part; counting in the whole article placed nothing."""
    assert re.search(r"occurrence of the (?:same|source) words in (?:this part|the report)", prompts()[item_id])


def test_every_item_whose_keyed_words_stand_earlier_in_its_part_says_how_to_give_the_occurrence():
    """keyread24: ex02-q3's fact box prints '25 percent' after the body's 'up to 25 percent'; a list answer
    ('25 percent', 'unsupported_figure') landed on the body's words and was told 'not in the key', and the prompt,
    unlike ex01's and ex05's, never said how to name the second occurrence."""
    from medialit.exercises.grading import ITEMS

    for path in sorted((REPO / "course" / "keys").glob("*.json")):
        key = json.loads(path.read_text(encoding="utf-8"))
        it = ITEMS[key["item"]]
        if it.kind == "sentences":
            continue
        start, _ = it.bounds()
        body = it.load().body
        later = [m["text"] for m in key["marks"] if not m.get("optional") and body.find(m["text"], start) < m["start"]]
        if later:
            assert re.search(r"occurrence of the (?:same|source) words", prompts()[it.id]), (it.id, later)


@pytest.mark.parametrize("item_id", ["ex04-q1", "ex05-q8"])
def test_provenance_prompts_say_to_mark_each_whole_piece_of_furniture(item_id):
    """Review 3.2: 'Read more:' alone matches nothing; the prompt says to mark the whole line."""
    assert "Mark each whole piece of page furniture (the whole line" in prompts()[item_id]


def test_the_anonymous_source_rule_names_both_halves_of_k7():
    """Review 2.3, K7: attributed only with the source's position AND the reason for anonymity."""
    prompt = prompts()["ex02-q1"]
    assert "both a position to know and a reason for anonymity" in prompt
    assert "whose position to know and reason for anonymity the text gives" in prompt
    assert "with a stated reason" not in prompt


@pytest.mark.parametrize("item_id", ["ex02-q1", "ex05-q6", "ex05-q7"])
def test_hedge_examples_are_no_keyed_phrase_of_any_item(item_id):
    """Review 3.4, K11: prompts never quote a keyed phrase; ex05's hedge is 'are thought to' (word form 'is')."""
    hedges = re.search(r"`hedge` \(([^)]*)\)", prompts()[item_id]) or re.search(
        r"`hedge` for ([^.]*\))", prompts()[item_id]
    )
    examples = re.findall(r"\*([^*]+)\*", hedges.group(1))
    assert examples, f"{item_id}: the hedge has no examples to check"
    assert not [e for e in examples if e.lower() in keyed_phrases()], f"{item_id}: {examples}"
    assert "is thought to" not in prompts()[item_id]
    hidden = k3_phrases()  # K9: a hidden source first, so no example of a hedge (the prompts gave *allegedly*)
    assert {"reportedly", "allegedly"} <= hidden and not [e for e in examples if e.lower() in hidden], examples


@cache
def k3_phrases() -> set[str]:
    """The phrases K3 gives as hidden sources (*reportedly*, *allegedly*), lower case."""
    guidelines = (REPO / "course" / "annotation-guidelines.md").read_text(encoding="utf-8")
    k3 = re.search(r"### K3\.(.*?)tell the reader", guidelines, re.S).group(1)
    return {w.lower() for w in re.findall(r"\*([^*]+)\*", k3)}


def test_ex05_opinion_prompt_names_the_three_kinds_of_k14():
    prompt = prompts()["ex05-q1"]
    assert "judges" in prompt and "what should happen" in prompt and "predicts as certain" in prompt


def test_rubric_quotes_no_keyed_phrase_and_cites_rules_and_checks_that_exist():
    """Review 2.8 and severity 4: LO3 quoted ex02-q1's hidden source; K18 and the IMVAIN checks were off."""
    from medialit.exercises.grading import ITEMS

    rubric = (REPO / "course" / "rubrics.md").read_text(encoding="utf-8")
    lo3 = next(line for line in rubric.splitlines() if line.startswith("| 2 | Finds unsupported sentences"))
    examples = re.findall(r"\*([^*]+)\*", lo3)
    graded = " ".join(it.text() for it in ITEMS.values()).lower()
    assert examples and not [e for e in examples if e.lower() in keyed_phrases() or e.lower() in graded]
    guidelines = (REPO / "course" / "annotation-guidelines.md").read_text(encoding="utf-8")
    rules = re.findall(r"^### (K\d+)\.", guidelines, re.M)
    assert f"(rules K1 to {rules[-1]})" in rubric
    lesson5 = (REPO / "notebooks" / "sources" / "05-where-did-this-text-come-from.md").read_text(encoding="utf-8")
    imvain = lesson5[lesson5.index("IMVAIN**") :]
    first, last = re.search(r"lesson 5 checks (5\.\d) to (5\.\d)", rubric).groups()
    assert f"### Check {first}" in imvain and f"### Check {last}" in imvain
    assert f"### Check {first}" not in lesson5[: lesson5.index("IMVAIN**")]


def test_lesson_3_names_both_halves_of_k7_wherever_it_states_the_anonymous_rule():
    """Second review 2.2: 'no word on why ... or what' and 'with neither' teach that one half of K7 is enough."""
    text = " ".join((REPO / "notebooks" / "sources" / "03-claims-and-evidence.md").read_text(encoding="utf-8").split())
    assert not re.search(r"with neither|no word on why|or what puts it", text)
    assert text.count("without both") >= 3  # the list of unsupported cases, the example, the summary


def test_the_ex05_debrief_says_to_give_it_without_the_analyzer():
    """Second review 3.4: a paste earns most of ex05-q4 to q6 and the echo report cannot tell it there."""
    guide = " ".join((REPO / "course" / "instructor-guide.md").read_text(encoding="utf-8").split())
    debrief = guide[guide.index("**ex05, transfer") :][:600]
    assert "without notes and without `medialit analyze`" in debrief
    assert "analyzer-echo.md" in debrief


@pytest.mark.parametrize("path", sorted((REPO / "exercises").glob("*/*.ipynb")), ids=lambda p: p.parent.name)
def test_released_exercises_send_no_student_to_a_save_button(path):
    """The highlighter saves each mark by itself; there is no Save button to press."""
    text = " ".join(
        " ".join(c.source.split()) for c in nbformat.read(path, as_version=4).cells if c.cell_type == "markdown"
    )
    assert "Save" not in text and "saves each mark by itself" in text


@pytest.mark.parametrize("item_id", ["ex03-q3", "ex05-q1"])
def test_an_opinion_sentence_item_tells_a_list_answer_to_write_the_sentence_out(item_id):
    """ex02 teaches ('The first words', 'reason') for its sentence items; the opinion items are span items, where the
    first words of a sentence match nothing and the feedback called the right sentence 'not in the key' (keyread16)."""
    assert "write each sentence out in full" in prompts()[item_id]


def hidden_source_phrases() -> set[str]:
    """K3's phrases, the ones that name nobody: 'Words such as *reportedly*, ... tell the reader that ...'."""
    text = (REPO / "course" / "annotation-guidelines.md").read_text(encoding="utf-8")
    k3 = text[text.index("### K3.") : text.index("### K4.")]
    sentence = k3[k3.index("Words such as") : k3.index("tell the reader")]
    return {" ".join(p.split()) for p in re.findall(r"\*([^*]+)\*", sentence)}


@pytest.mark.parametrize("item_id", ["ex02-q1", "ex05-q6"])
def test_a_prompt_calls_hidden_only_what_k3_calls_hidden(item_id):
    """ex02-q1 gave 'experts believe' as a hidden source: it names an open group, a vague source (K2), while K3's
    hidden sources name nobody. Both are vague_source, so the example belongs to the right kind."""
    phrases = hidden_source_phrases()
    assert {"reportedly", "it is said", "it is understood"} <= phrases, phrases
    for example in re.findall(r"hidden source such as ((?:\*[^*]+\*(?:,? or |, )?)+)", prompts()[item_id]):
        named = re.findall(r"\*([^*]+)\*", example)
        assert set(named) <= phrases, f"{item_id} calls {named} hidden; K3 lists {sorted(phrases)}"
