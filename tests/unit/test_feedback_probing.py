"""What a dishonest student learns from the graded feedback's "too little" / "too much" lines (verify17b).

A probe is an answer of one honest mark (so the lines are told) and one mark placed to ask the key a question.
Measured on the real keys with the minimax search below (one probe a submission, word-aligned spans in the
place's paragraph, the feedback read as ``match``, ``little``, ``much`` or ``none``), submissions to recover a
place's exact extent: ex04-q1 *Read more* 6 before the lines (b29712b), 4 after; the newsletter 5 (2 left
undecided) -> 3; the cookie line 4 -> 3; ex05-q8 *Read also* 6 -> 4, its newsletter 7 -> 4. The extent was
cheap before (the score says when half the longer span is shared) and earns nothing past that half, so the
lines may say which way to move an end. What must not follow is the place itself: a mark over several
paragraphs told "too much" let halves of the text, then halves of those, find where a key place is.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from medialit.core.spans import Span
from medialit.exercises.grading import grade_data, item
from medialit.exercises.scoring import close_enough

REPO = Path(__file__).resolve().parents[2]
HONEST = {"ex05-q8": ("Read also: Ferry tickets up again on the coast route", "scraped")}


def key(item_id: str) -> dict:
    return json.loads((REPO / "course" / "keys" / f"{item_id}.json").read_text(encoding="utf-8"))


def told(item_id: str, probe: Span, honest: tuple[str, str] | None = None) -> tuple[str, list[str]]:
    """What the feedback tells of ``probe``: match, little, much or none; and the lines."""
    body = item(item_id).load().body
    answer = [{"start": probe.start, "end": probe.end, "label": probe.label}]
    if honest:
        at = body.index(honest[0])
        answer.append({"start": at, "end": at + len(honest[0]), "label": honest[1]})
    result = grade_data(item_id, answer, key(item_id))
    quoted = "‘" + " ".join(probe.text(body).split())[:20]
    mine = [line for line in result.feedback if quoted in line]
    for word, verdict in (("too little", "little"), ("too much", "much"), ("not in the key", "none")):
        if any(word in line for line in mine):
            return verdict, result.feedback
    return "match", result.feedback


def test_a_mark_over_several_paragraphs_is_not_told_that_a_place_lies_inside_it():
    """Bisection over ex05-q8's text with date marks: 'too much' on a half told the student a date is in it."""
    body = item("ex05-q8").load().body
    for first, last in [("Most of Sandvik", "by 17 votes to 12."), ("– This is", "on Monday 22 September.")]:
        probe = Span(body.index(first), body.index(last) + len(last), "date")
        verdict, lines = told("ex05-q8", probe, HONEST["ex05-q8"])
        assert verdict == "none", lines


def test_bisecting_the_text_finds_no_place():
    """A prober halving ex05-q8's text (the half told 'too much' is kept) learns nothing once halves span
    paragraphs; before, five rounds of two submissions took it from the whole text (1177 characters)
    to 60 characters around a translation slip."""
    it = item("ex05-q8")
    body, (lo, hi) = it.load().body, it.bounds()
    learned = 0
    while hi - lo > 60:
        mid = body.rfind(" ", lo, (lo + hi) // 2)
        left, right = Span(lo, mid, "translation"), Span(mid + 1, hi, "translation")
        verdicts = [told("ex05-q8", half, HONEST["ex05-q8"])[0] for half in (left, right)]
        if "much" not in verdicts:
            break
        learned += 1
        lo, hi = (left.start, left.end) if verdicts[0] == "much" else (right.start, right.end)
    assert learned == 0


def test_an_honest_near_miss_still_learns_which_way_to_go():
    """The cases the lines were made for: the slip with its sentence, the whole passage for its first line (here
    beside one right passage, so the answer earns something), furniture cut to its first words."""
    body = item("ex05-q8").load().body
    at = body.index("To build at sea")
    sentence = Span(at, body.index("planning office.") + len("planning office."), "translation")
    assert told("ex05-q8", sentence)[0] == "much"
    cut = Span(body.index("Read also"), body.index("Read also") + len("Read also"), "scraped")
    assert told("ex05-q8", cut)[0] == "little"
    q4 = item("ex03-q4").load().body
    passage = Span(q4.index("Library to open"), q4.index("after one year.") + len("after one year."), "news")
    verdict, lines = told("ex03-q4", passage, ("Opinion: Sunday hours are the wrong priority", "opinion"))
    assert verdict == "much", lines


def _model(probe: Span, place: Span) -> str:
    if close_enough(probe, place):
        return "match"
    if not probe.overlap(place):
        return "none"
    return "little" if place.start <= probe.start and probe.end <= place.end else "much"


def test_the_exact_extent_of_a_place_costs_several_submissions_and_no_line_quotes_the_key():
    """Minimax over every word-aligned span of the place's paragraph; each probe is graded for real, its verdict
    must be the one modelled, and no line may hold key words the probe did not mark."""
    words = "Read more: Moose crash on the E4 – driver unharmed"
    body = item("ex04-q1").load().body
    place = Span(body.index(words), body.index(words) + len(words), "scraped")
    start, end = body.rfind("\n", 0, place.start) + 1, body.find("\n", place.end)
    tokens = [(start + m.start(), start + m.end()) for m in re.finditer(r"\w+|[^\w\s]", body[start:end])]
    spans = [Span(a[0], b[1], "scraped") for i, a in enumerate(tokens) for b in tokens[i:]]
    left, asked = list(spans), 0
    while len(left) > 1:
        probe = min(
            spans, key=lambda q: max(sum(_model(q, h) == v for h in left) for v in ("match", "little", "much", "none"))
        )
        verdict, lines = told("ex04-q1", probe)
        asked += 1
        assert verdict == _model(probe, place), lines
        shown = " ".join(lines)
        assert words not in shown or words in probe.text(body), lines
        left = [h for h in left if _model(probe, h) == verdict]
    assert (left[0].start, left[0].end) == (place.start, place.end)
    assert asked >= 3  # measured 4 (6 before the lines): a 4-way answer needs log4(66 spans) = 3 at the least


@pytest.mark.parametrize("typed", ["the Prime Minister", "Prime Minister", "PM", "she"])
def test_ex01_q2_a_bare_title_or_pronoun_for_the_right_place_is_told_to_give_the_name(typed):
    """The prompt asks for the full name 'also where the text uses a pronoun or a title'; a title typed for 'He' was
    told "not the source named here", as if another person had been picked (keyread17 mended only the words typed
    back as they stand). The line is said of the words typed, whoever the key names: it tells nothing of the key."""
    result = grade_data("ex01-q2", [("He", typed, "added", 1)], key("ex01-q2"))
    line = next(line for line in result.feedback if line.startswith("‘He’ →"))
    assert line.endswith("a title or a pronoun is not a name: type the full name of who they stand for"), line
    assert "Støre" not in line


def test_ex04_q1_dash_lines_marked_for_their_dash_do_not_find_the_slip():
    """K15: "a dash alone is not a slip"; "mark the words that carry the slip". Every piece of furniture and the two
    dash-quote lines, the slip never marked: 4 of 4 after keyread17 (the whole Holm line was a reading of the slip);
    now the line is a reading of its optional dash, and the answer scores what the two dashes alone score."""
    from test_key_feedback_fairness import EX04_FURNITURE, HOLM_LINE, TEACHER_LINE

    lines = [(TEACHER_LINE, "translation"), (HOLM_LINE, "translation")]
    dashes = [("–", "translation")]  # the first dash of the part is the teacher's
    alone = grade_data("ex04-q1", EX04_FURNITURE + dashes, key("ex04-q1")).points
    assert grade_data("ex04-q1", EX04_FURNITURE + lines, key("ex04-q1")).points == alone < 4.0
