"""The one scorer: a table of the rules on a small text, then properties on every graded item of every exercise.

The properties are the grading promise of issue 10: no answer built without the
key (random spans, whole-text spans, every word or sentence with every label,
duplicates) earns more than 10% of an item's points, and the key itself earns
them all.
"""

from __future__ import annotations

import itertools
import json
import re
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from medialit.core.spans import Span
from medialit.exercises.answer import Answer
from medialit.exercises.items import ITEMS, Item
from medialit.exercises.judge import grade_data, score_item
from medialit.exercises.key import Key, KeyMark
from medialit.exercises.scoring import score
from medialit.instructor.analyzer_echo import pasted_answer, shipped_analysis

REPO = Path(__file__).resolve().parents[2]
BODY = "Anna said it rained. Bo told us that the sun shone. Cy thinks so. The end."
PART = (0, BODY.index("The end."))  # "The end." is outside the item's part


def mark(words: str, label: str, nth: int = 1, **more) -> KeyMark:
    at = [m.start() for m in re.finditer(re.escape(words), BODY)][nth - 1]
    return KeyMark(Span(at, at + len(words), label), words, **more)


def span(words: str, label: str, nth: int = 1) -> Span:
    return mark(words, label, nth).span


KEY = Key("t-q1", "t", "", (mark("Anna", "source"), mark("said", "cue"), mark("Bo", "source"), mark("told", "cue")))
KEY_SO = Key("t-q2", "t", "", (mark("so.", "source"),))
KEY_CY = Key("t-q3", "t", "", (mark("Cy", "named", accept=(span("Cy", "vague"),)),))


@pytest.mark.parametrize(
    ("name", "answer", "key", "expected"),
    [
        ("empty answer", [], KEY, 0.0),
        ("exact key", [k.span for k in KEY.marks], KEY, 1.0),
        ("one of four, nothing extra: recall", [span("Anna", "source")], KEY, 0.25),
        ("partial overlap, half the longer span", [Span(0, 8, "source")], KEY, 0.25),  # "Anna sai" vs "Anna"
        ("overlap under half the longer span", [Span(0, 9, "source")], KEY, 0.0),
        ("right words, wrong label", [span("Anna", "cue")], KEY, 0.0),
        ("all wrong", [span("rained", "source"), span("sun", "cue"), span("Cy", "source")], KEY, 0.0),
        ("one huge span per label, six times", [Span(-1000, 10**6, lab) for lab in ("source", "cue")] * 6, KEY, 0.0),
        ("duplicates count once", [span("Anna", "source")] * 100, KEY, 0.25),
        ("overlapping marks with one label merge", [Span(0, 4, "source"), Span(1, 4, "source")], KEY, 0.25),
        ("outside the part is ignored", [span("Anna", "source"), span("The end", "source")], KEY, 0.25),
        ("a mark reaching out of the part is clipped", [Span(62, 100, "source")], KEY_SO, 1.0),
        ("...and judged on what is left", [Span(58, 100, "source")], KEY_SO, 0.0),
        ("overlapping marks merge into their union", [span("Cy", "named"), span("Cy thinks", "named")], KEY_CY, 0.0),
        ("an accepted reading matches", [span("Cy", "vague")], KEY_CY, 1.0),
        ("...the same mark only once", [span("Cy", "vague"), span("Cy", "named")], KEY_CY, 0.5),
        (
            "an optional mark is neither missed nor extra",
            [span("Anna", "source")],
            Key("t", "t", "", (mark("Anna", "source"), mark("us", "source", optional=True))),
            1.0,
        ),
        (
            "...and marking it costs nothing",
            [span("Anna", "source"), span("us", "source")],
            Key("t", "t", "", (mark("Anna", "source"), mark("us", "source", optional=True))),
            1.0,
        ),
        ("an extra costs half a key mark's share: 2/4 - 1/8",
         [*(k.span for k in KEY.marks[:2]), span("Cy", "source")], KEY, 0.38),
        ("marking every word earns nothing", [Span(m.start(), m.end(), lab) for m in re.finditer(r"\w+", BODY)
                                              for lab in ("source", "cue")], KEY, 0.0),
    ],
)  # fmt: skip
def test_scoring_rules(name, answer, key, expected):
    result = score(answer, key, max_points=1, body=BODY, part=PART, units=len(re.findall(r"\w+", BODY[: PART[1]])))
    assert result.points == pytest.approx(expected, abs=0.01), name
    assert type(result.points) is float


def test_an_exact_accepted_reading_wins_its_place_over_a_mark_that_only_shares_characters():
    key = Key("t", "t", "", (mark("Bo told", "source", accept=(span("Bo", "source"),)),))
    result = score([span("told", "source"), span("Bo", "source")], key, max_points=1, body=BODY)
    found = [m.answer for m in result.matches if m.status == "correct"]
    assert found == [span("Bo", "source")]  # 2 of 2 beats 4 of 7, though 'told' shares more characters


def test_a_mark_that_fits_an_optional_mark_better_does_not_earn_a_required_one():
    key = Key("t", "t", "", (mark("Bo told", "source"), mark("told", "source", optional=True)))
    alone = score([span("told", "source")], key, max_points=1, body=BODY)
    assert alone.points == 0.0 and [m.status for m in alone.matches] == ["missed", "optional"]
    both = score([span("Bo told", "source"), span("told", "source")], key, max_points=1, body=BODY)
    assert both.points == 1.0  # overlapping marks with one label merge: 'Bo told' is the required mark


def test_at_an_equal_share_the_required_mark_goes_first():
    key = Key(
        "t", "t", "", (mark("Bo", "source", accept=(span("Anna", "source"),)), mark("Anna", "source", optional=True))
    )
    assert score([span("Anna", "source")], key, max_points=1, body=BODY).points == 1.0


@pytest.mark.parametrize("order", [1, -1])
def test_a_mark_left_over_takes_a_key_mark_whose_holder_can_move(order):
    """Both marks fit the required key mark, one also the optional one: both count, whatever comes first (K13)."""
    key = Key(
        "t",
        "t",
        "",
        (mark("Bo", "source", accept=(span("Bo told", "cue"),)), mark("Bo", "source", optional=True)),
    )
    answer = [span("Bo", "source"), span("Bo told", "cue")][::order]  # 'Bo' sorts first and fits both
    result = score(answer, key, max_points=1, body=BODY)
    assert result.points == 1.0 and sorted(m.status for m in result.matches) == ["correct", "optional"]


def test_an_empty_key_and_an_empty_answer_earn_full_points():
    assert score([], [], max_points=2).points == 2.0


def test_without_units_score_is_plain_f1_as_the_highlighter_shows_it():
    result = score([span("Anna", "source"), span("Cy", "source")], KEY, max_points=1)
    assert result.points == pytest.approx(round(2 * 0.5 * 0.25 / 0.75, 2))
    assert [m.status for m in result.matches].count("missed") == 3


# ---------------------------------------------------------------- every item of every exercise


def key_of(item_id: str) -> dict:
    return json.loads((REPO / "course" / "keys" / f"{item_id}.json").read_text(encoding="utf-8"))


ALL = sorted(ITEMS)
SETTINGS = settings(max_examples=40, deadline=None, derandomize=True, suppress_health_check=list(HealthCheck))


def share(it: Item, answer) -> float:
    result = grade_data(it.id, answer, key_of(it.id))
    assert result.error == "", result.error
    return result.points / it.points


def words_of(it: Item) -> list[tuple[int, int]]:
    start = it.bounds()[0]
    return [(start + m.start(), start + m.end()) for m in re.finditer(r"\w+", it.text())]


def names_in(it: Item) -> list[str]:
    """Names an attacker could guess from the article itself: capitalised words and their runs."""
    body = it.load().body
    return sorted(set(re.findall(r"[A-ZÆØÅ]\w+(?: [A-ZÆØÅ]\w+)*", body)))[:20]


def as_marks(it: Item, spans: list[tuple[int, int, str]]) -> list[dict]:
    """Marks as the Highlighter gives them; a speaker mark is linked to the word after it (a key-blind cue)."""
    if it.kind == "speakers":
        after = lambda e: next(((a, b) for a, b in words_of(it) if a >= e), (e, e + 1))  # noqa: E731
        return [
            {"start": s, "end": e, "speaker": who, "cue": dict(zip(("start", "end"), after(e), strict=True))}
            for s, e, who in spans
        ]
    return [{"start": s, "end": e, "label": lab} for s, e, lab in spans]


def labels_of(it: Item) -> list[str]:
    return names_in(it) if it.kind == "speakers" else [*it.labels, "other"]


@pytest.mark.parametrize("item_id", ALL)
def test_the_key_itself_earns_full_points(item_id):
    it = ITEMS[item_id]
    key = key_of(item_id)
    field = "speaker" if it.kind == "speakers" else "label"
    marks = [
        {"start": m["start"], "end": m["end"], field: m[field]} | ({"cue": m["cue"]} if "cue" in m else {})
        for m in key["marks"]
        if not m.get("optional")
    ]
    assert grade_data(item_id, marks, key).points == it.points
    assert score_item(item_id, Answer(tuple(Span(m["start"], m["end"], m.get("label", "")) for m in marks)), key)


@pytest.mark.parametrize("item_id", ALL)
def test_every_word_or_sentence_with_every_label_earns_at_most_a_tenth(item_id):
    it = ITEMS[item_id]
    labels = labels_of(it)
    words = words_of(it)
    attacks = {
        "every word, every label": [(s, e, lab) for s, e in words for lab in labels][:300],
        "every sentence, every label": [(s, e, lab) for s, e in it.sentences() for lab in labels][:300],
        "the whole part with each label": [(*it.bounds(), lab) for lab in labels],
        "the whole text with each label, six times": [(-1000, 10**6, lab) for lab in labels] * 6,
    }
    for label in labels[:6]:
        attacks[f"every word as {label}"] = [(s, e, label) for s, e in words][:300]
        attacks[f"every sentence as {label}"] = [(s, e, label) for s, e in it.sentences()]
    for name, spans in attacks.items():
        assert share(it, as_marks(it, spans[:300])) <= 0.1, (item_id, name)


@pytest.mark.parametrize("item_id", ALL)
def test_every_word_written_out_earns_at_most_a_tenth(item_id):
    it = ITEMS[item_id]
    body = it.load().body
    words = [body[s:e] for s, e in words_of(it)]
    if it.kind == "words":
        answer = words[:300]
    elif it.kind == "speakers":  # each word, a name from the text, and the words around it as the cue
        near = [(w, c) for i, w in enumerate(words) for c in words[max(0, i - 2) : i + 3] if c != w]
        answer = [(w, name, c) for w, c in dict.fromkeys(near) for name in names_in(it)[:2]][:300]
    else:
        answer = [(w, lab) for w in dict.fromkeys(words) for lab in it.labels][:300]
    assert share(it, answer) <= 0.1


@pytest.mark.parametrize("item_id", [i for i in ALL if ITEMS[i].kind != "speakers"])
def test_every_paragraph_with_one_label_earns_at_most_a_tenth(item_id):
    """attack19: on a sentence item a mark over a paragraph of several sentences found its longest one and cost one
    extra, where marking each of those sentences costs one extra each: every paragraph of ex02-q2 with any one reason
    (even one the key never gives) earned 0.75 of 3, every sentence 0. A mark over several sentences now counts as a
    mark on each of them."""
    it = ITEMS[item_id]
    paragraphs = [(s, e) for s, e, _ in lines_of(it)]
    for label in it.labels:
        assert share(it, [{"start": s, "end": e, "label": label} for s, e in paragraphs]) <= 0.1, label


def test_a_mark_over_two_sentences_counts_on_each_and_one_on_a_sentence_is_unchanged():
    """The split keeps the student's own words per sentence: a sentence marked whole, or a sentence with a few
    words of the next, is one mark as before; two sentences marked together are two marks."""
    it = ITEMS["ex02-q1"]
    key = key_of(it.id)
    required = [m for m in key["marks"] if not m.get("optional")]
    ((s1, e1, label), (s2, e2, _)) = [(m["start"], m["end"], m["label"]) for m in required[-2:]]
    assert [(a, b) for a, b in it.sentences() if s1 <= a < e2] == [(s1, e1), (s2, e2)]  # two sentences side by side
    alone = grade_data(it.id, [{"start": s1, "end": e1, "label": label}], key)
    sloppy = grade_data(it.id, [{"start": s1, "end": e1 + 3, "label": label}], key)
    assert sloppy.points == alone.points > 0
    both = grade_data(it.id, [{"start": s1, "end": e2, "label": label}], key)
    apart = grade_data(it.id, [{"start": s1, "end": e1, "label": label}, {"start": s2, "end": e2, "label": label}], key)
    assert both.points == apart.points and both.feedback[0].split(";")[1] == apart.feedback[0].split(";")[1]


def random_spans(it: Item) -> st.SearchStrategy:
    """20 to 300 disjoint random spans in the part: the answer of someone who marks without reading.

    (One lucky span alone is a guess, not an attack: it can earn one key mark's share.)
    """
    start, end = it.bounds()
    starts = st.lists(st.integers(start, end - 1), min_size=20, max_size=300, unique=True).map(sorted)
    lengths = st.lists(st.integers(1, 400), min_size=300, max_size=300)
    labels = st.lists(st.sampled_from(labels_of(it)), min_size=300, max_size=300)
    return st.tuples(starts, lengths, labels).map(
        lambda t: [
            (s, min(s + n, nxt), lab) for s, nxt, n, lab in zip(t[0], [*t[0][1:], end], t[1], t[2], strict=False)
        ]
    )


def test_ex01_q2_every_source_linked_to_every_cue_earns_at_most_a_tenth():
    """Key-blind on the cue half too: every capitalised name or pronoun, each linked to every word near it."""
    it = ITEMS["ex01-q2"]
    body = it.load().body
    words = [(s, e) for s, e in words_of(it)]
    sources = [i for i, (s, e) in enumerate(words) if body[s].isupper()]
    answer = [
        {
            "start": words[i][0],
            "end": words[i][1],
            "speaker": body[slice(*words[i])],
            "cue": {"start": words[j][0], "end": words[j][1]},
        }
        for i in sources
        for j in range(max(0, i - 3), min(len(words), i + 4))
        if j != i
    ]
    assert len(answer) > 50 and share(it, answer[:300]) <= 0.1


def test_ex01_q2_each_source_linked_to_every_word_near_it_earns_no_cue_half():
    """The cue hedge (attack 14): the right sources and speakers, each linked to every word within 40 characters.

    It earned 2 of 2 (a merged source counted as linked to its cue when any of its cues was the key's);
    it earns what the sources and speakers alone earn, the speaker half, as a source linked to one wrong cue does.
    """
    it = ITEMS["ex01-q2"]
    key = key_of("ex01-q2")
    known = [m for m in key["marks"] if not m.get("optional")]
    who = [{"start": m["start"], "end": m["end"], "speaker": m["speaker"]} for m in known]
    hedge = [w | {"cue": {"start": s, "end": e}} for w in who for s, e in words_of(it) if 0 < abs(s - w["start"]) < 40]
    assert len(hedge) > 50
    assert grade_data(it.id, hedge, key).points == grade_data(it.id, who, key).points == it.points / 2
    assert any("cues: link each source to the one cue" in line for line in grade_data(it.id, hedge, key).feedback)


_MONTH = "January|February|March|April|May|June|July|August|September|October|November|December"
_DAY = "Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday"
DATE_SPRAYS = {  # every date in the part found by a regex, whole ('Thursday 17 September') or in pieces
    "whole": re.compile(
        rf"(?:(?:{_DAY}) )?\d{{1,2}} (?:{_MONTH})(?: \d{{4}})?|{_DAY}|\b(?:{_MONTH})\b|Easter|\b\d{{4}}\b"
    ),
    "pieces": re.compile(rf"\d{{1,2}} (?:{_MONTH})(?: \d{{4}})?|{_DAY}|\b(?:{_MONTH})\b|Easter|\b\d{{4}}\b"),
}
DATE_ITEMS = [i for i in ALL if "date" in ITEMS[i].labels]


def every_date(it: Item, form: str) -> list[dict]:
    start, end = it.bounds()
    found = DATE_SPRAYS[form].finditer(it.load().body[start:end])
    return [{"start": start + m.start(), "end": start + m.end(), "label": "date"} for m in found]


@pytest.mark.parametrize("form", sorted(DATE_SPRAYS))
@pytest.mark.parametrize("item_id", DATE_ITEMS)
def test_every_date_in_the_part_earns_no_more_than_the_keys_own_dates(item_id, form):
    """mend15: a date spray is never paid more than the honest answer that marks just the key's dates.

    What such a spray earns is the key's date marks it contains, less its extras (the second date of a
    mismatch is optional, K15, so it costs nothing in a spray as in an honest answer).
    """
    it = ITEMS[item_id]
    key = key_of(item_id)
    dates = [{"start": m["start"], "end": m["end"], "label": "date"} for m in key["marks"] if m["label"] == "date"]
    assert 0 < share(it, dates) < 1 and share(it, every_date(it, form)) <= share(it, dates)


@pytest.mark.parametrize("form", sorted(DATE_SPRAYS))
@pytest.mark.parametrize("item_id", DATE_ITEMS)
def test_every_date_in_the_part_as_date_earns_at_most_a_tenth(item_id, form):
    assert share(ITEMS[item_id], every_date(ITEMS[item_id], form)) <= 0.1


GUESSES = {  # item: (uniform random kinds: expected points, the best one kind for every place: points)
    "ex03-q4": (0.148, 0.0),
    "ex05-q3": (0.222, 0.25),
    "ex04-q2": (0.445, 0.75),
}
"""course/grading.md, "What guessing the kind earns": measured by the test below (attack20)."""


@pytest.mark.parametrize("item_id", sorted(GUESSES))
def test_guessing_the_kind_at_the_places_the_prompt_gives_earns_what_grading_md_says(item_id):
    """attack20: on the items whose prompt names the places to mark (each passage's first line, each page's title),
    an answer built without reading needs only the kind. Each wrong kind costs half a share, the correction for
    three kinds, so a random kind earns nothing per place on average; but an item is never below 0, so over an item
    a guesser's lucky draws count and the unlucky ones stop at 0. Every kind at every place earns 0."""
    it = ITEMS[item_id]
    key = key_of(item_id)
    places = [(m["start"], m["end"]) for m in key["marks"] if not m.get("optional")]

    def points(kinds: tuple[str, ...]) -> float:
        marks = [{"start": s, "end": e, "label": k} for (s, e), k in zip(places, kinds, strict=True)]
        return grade_data(item_id, marks, key).points

    draws = list(itertools.product(it.labels, repeat=len(places)))
    expected = sum(points(kinds) for kinds in draws) / len(draws)
    best_one_kind = max(points([kind] * len(places)) for kind in it.labels)
    every = [{"start": s, "end": e, "label": k} for s, e in places for k in it.labels]
    assert (round(expected, 3), best_one_kind) == GUESSES[item_id]
    assert grade_data(item_id, every, key).points == 0.0


def test_ex04_q2_cannot_be_solved_by_elimination_or_by_looks():
    """Review item 18: four pages, a role that fits two of them, and a clean-looking page that is misleading."""
    it = ITEMS["ex04-q2"]
    key = key_of("ex04-q2")
    titles = [(m["start"], m["end"]) for m in key["marks"]]
    assert len(titles) == 4 and len({m["label"] for m in key["marks"]}) == 3
    for roles in itertools.product([*it.labels, None], repeat=len(titles)):
        given_roles = [r for r in roles if r]
        if len(given_roles) == len(set(given_roles)):  # one page per role, as elimination gives
            marks = [{"start": s, "end": e, "label": r} for (s, e), r in zip(titles, roles, strict=True) if r]
            assert grade_data("ex04-q2", marks, key).points < it.points, roles
    by_looks = ["original_report", "original_report", "misleading", "official_record"]  # page 1 looks like news
    marks = [{"start": s, "end": e, "label": r} for (s, e), r in zip(titles, by_looks, strict=True)]
    assert 0 < grade_data("ex04-q2", marks, key).points <= it.points * 3 / 4  # page 1's share, at least, is lost


@pytest.mark.parametrize("item_id", ALL)
@SETTINGS
@given(data=st.data())
def test_random_spans_earn_at_most_a_tenth(item_id, data):
    it = ITEMS[item_id]
    assert share(it, as_marks(it, data.draw(random_spans(it)))) <= 0.1


@pytest.mark.parametrize("item_id", ALL)
@SETTINGS
@given(data=st.data())
def test_spans_covering_the_part_earn_at_most_a_tenth(item_id, data):
    it = ITEMS[item_id]
    start, end = it.bounds()
    big = st.tuples(st.integers(-(10**6), start), st.integers(end, 10**6), st.sampled_from(labels_of(it)))
    assert share(it, as_marks(it, data.draw(st.lists(big, min_size=1, max_size=50)))) <= 0.1


@pytest.mark.parametrize("item_id", ALL)
@SETTINGS
@given(data=st.data())
def test_duplicates_earn_what_one_copy_earns(item_id, data):
    it = ITEMS[item_id]
    start, end = it.bounds()
    key = key_of(it.id)
    some = [(m["start"], m["end"], m.get("speaker") or m["label"]) for m in key["marks"]]
    pool = st.sampled_from(some) | st.tuples(
        st.integers(start, end), st.integers(start, end), st.sampled_from(labels_of(it))
    )
    answer = as_marks(it, data.draw(st.lists(pool.filter(lambda t: t[0] < t[1]), min_size=1, max_size=3)))
    once = grade_data(it.id, answer, key).points
    assert grade_data(it.id, answer * 100, key).points == once


# ---------------------------------------------------------------- the page's layout as the answer (attack 15)


def lines_of(it: Item) -> list[tuple[int, int, str]]:
    start = it.bounds()[0]
    return [(start + m.start(), start + m.end(), m[0]) for m in re.finditer(r"[^\n]*\S[^\n]*", it.text())]


DATES_AND_FIGURES = r"\b(?:(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day )?\d[\d,.]*(?: [A-Z][a-z]+)?(?: \d{4})?"
NAMES = r"[A-ZÆØÅ][\w’'-]+(?: [A-ZÆØÅ][\w’'-]+)*"


def layout_guesses(it: Item) -> dict[str, list[tuple[int, int]]]:
    """Places picked by the page's layout or a pattern alone: display lines (headline, fact box: no full stop at
    the end), one-sentence paragraphs (news writing sets a bare claim apart), every date or figure, every
    capitalised name. Two places at least: one is a guess, not an attack (ex05-q2's one display line, its
    headline, is a coin toss between its two labels by design)."""
    lines = lines_of(it)
    start = it.bounds()[0]
    found = lambda pattern: [(start + m.start(), start + m.end()) for m in re.finditer(pattern, it.text())]  # noqa: E731
    guesses = {
        "display lines": [(s, e) for s, e, text in lines if not text.rstrip().endswith((".", "!", "?", '"', "”"))],
        "one-sentence paragraphs": [(s, e) for s, e, _ in lines if sum(s <= a < e for a, _ in it.sentences()) == 1],
        "dates and figures": found(DATES_AND_FIGURES),
        "capitalised names": found(NAMES),
    }
    return {name: places for name, places in guesses.items() if len(places) > 1}


LAYOUT_PAYS = {"ex01-q1", "ex02-q2"}
"""Items where one guess from layout or a pattern, with one label, earns more than a tenth (measured 2026-11-29,
attack 15): ex02-q2 every one-sentence paragraph as vague_source 0.5 (five of its six are keyed sentences, three
required: the found half pays for the place whatever the reason); ex01-q1 every capitalised name as source 0.11.
Both are published articles (Wikinews, a real report), so no sentence can be written into them. The teaching
copies were fixed by content (keyfix15): ex02-q3's page gained a caption and five fact-box lines the body supports
(display lines as dropped_source 0.6 -> 0), ex04-q1's a figure and a date that fit (dates and figures as date
0.21 -> 0.07)."""


@pytest.mark.parametrize(
    "item_id",
    [
        pytest.param(
            i, marks=pytest.mark.xfail(strict=True, reason="layout or a pattern alone earns more than a tenth")
        )
        if i in LAYOUT_PAYS
        else i
        for i in ALL
        if ITEMS[i].kind != "speakers"
    ],
)
def test_a_guess_by_layout_or_pattern_with_one_label_earns_at_most_a_tenth(item_id):
    it = ITEMS[item_id]
    for name, places in layout_guesses(it).items():
        for label in it.labels:
            marks = [{"start": s, "end": e, "label": label} for s, e in places]
            assert share(it, marks) <= 0.1, (name, label, share(it, marks))


# ---------------------------------------------------------------- the analyzer's own output as the answer

MACHINE_DOES = {"ex01-q1", "ex01-q2", "ex01-q4", "ex02-q1", "ex02-q2", "ex05-q4", "ex05-q5", "ex05-q6", "ex05-q7"}
"""Items where the analysis shipped in the wheel, pasted as the answer, earns more than half (measured 2026-11-28):
they test what the machine does; see the attack report (issue 10/16) for the proposed change."""


def machine_answer(it: Item) -> list:
    """What a student copies from ``medialit/articles/<id>.analysis.json`` (no key, no spaCy needed)."""
    analysis = shipped_analysis(it.article, it.load().sha256)
    assert analysis is not None, f"no shipped analysis for {it.article}"
    return pasted_answer(it, analysis)


@pytest.mark.parametrize(
    "item_id",
    [
        pytest.param(i, marks=pytest.mark.xfail(strict=True, reason="the analyzer alone earns more than half"))
        if i in MACHINE_DOES
        else i
        for i in ALL
    ],
)
def test_the_shipped_analysis_pasted_as_the_answer_earns_at_most_half(item_id):
    it = ITEMS[item_id]
    assert share(it, machine_answer(it)) <= 0.5


def test_spraying_links_over_the_cues_of_ex01_q2_earns_no_more_than_naming_the_speakers_with_no_cue():
    """attack22: more links than the key has. Each source read right (the speaker named) linked to every cue verb of
    the part, or a second source linked to each key cue, earns nothing the speaker half alone does not: a source linked
    to several cues earns no cue half, and an extra link costs its share. Measured: the key's own answer 2.0, with a
    wrong second source on each cue 1.8, the speakers with no cue 1.0, every source on every cue 1.0 (two cues each
    1.0, one: 1.1 with two cues right by chance), with two wrong sources sprayed too 0.8."""
    key = key_of("ex01-q2")
    sources = [("Støre", 1), ("He", 1), ("Støre", 2), ("The Prime Minister", 1)]
    verbs = ["said", "added", "pointed out", "believes"]
    embassy = [("the Russian embassy", "the Russian embassy", 1)]
    right = [(w, "Jonas Gahr Støre", v, n) for (w, n), v in zip(sources, verbs, strict=True)] + embassy
    no_cue = [(w, "Jonas Gahr Støre", n) for w, n in sources] + embassy
    assert grade_data("ex01-q2", right, key).points == pytest.approx(2.0)
    names_only = grade_data("ex01-q2", no_cue, key).points
    second = [("Russia", "Jonas Gahr Støre", v, 1) for v in verbs]
    assert grade_data("ex01-q2", second + right, key).points < 2.0
    for cues in (2, 3, 4):
        sprayed = [(w, "Jonas Gahr Støre", v, n) for w, n in sources for v in verbs[:cues]] + embassy
        assert grade_data("ex01-q2", sprayed, key).points <= names_only
