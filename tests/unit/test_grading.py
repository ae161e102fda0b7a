"""Exercise items: answers from literals or the highlighter's sidecar are read and scored the same way."""

from __future__ import annotations

import ast
import json
import re
import unicodedata
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from medialit.core import sidecar as core_sidecar
from medialit.exercises.answer import Answer, read_answer
from medialit.exercises.grading import AnswerError, check, grade, grade_data, item, key_spans, load_answer, score_item
from medialit.exercises.judge import TOLD_WRONG
from medialit.exercises.key import Key

REPO = Path(__file__).resolve().parents[2]
BUILT_IN = sorted(p.stem for p in (REPO / "course" / "keys").glob("*.json"))
"""The kit's own items (``grading.ITEMS``; instructor items are kept apart in ``known_items()``)."""


def key(item_id: str) -> dict:
    """The key as the hidden test cell holds it: the dict of ``course/keys/<item>.json``."""
    return json.loads((REPO / "course" / "keys" / f"{item_id}.json").read_text(encoding="utf-8"))


def sidecar(folder: Path, item_id: str, spans: list[dict], sha: str | None = None) -> None:
    it = item(item_id)
    data = {
        "format": "medialit-highlights",
        "version": 1,
        "article": it.article,
        "body_sha256": sha or it.load().sha256,
        "mode": "spans",
        "spans": spans,
        "sentences": [],
    }
    (folder / it.sidecar).write_text(json.dumps(data), encoding="utf-8")


def test_every_item_part_is_found_and_every_key_lies_inside_it():
    assert {Path(k).stem for k in (Path(__file__).parents[2] / "course" / "keys").glob("*.json")} == set(BUILT_IN)
    for it in map(item, BUILT_IN):
        start, end = it.bounds()
        assert 0 <= start < end
        assert all(start <= k["start"] < k["end"] <= end for k in key(it.id)["marks"]), it.id


def test_a_literal_and_the_same_marks_in_a_sidecar_score_the_same(tmp_path):
    literal = [("He", "source"), ("added", "cue"), ("Støre", "source", 2)]
    spans, notes = load_answer("ex01-q1", literal)
    assert notes == []
    sidecar(tmp_path, "ex01-q1", [s.to_dict() for s in spans])
    from_file, _ = load_answer("ex01-q1", None, tmp_path)
    k = key_spans(key("ex01-q1"))
    assert score_item("ex01-q1", spans, k).points == score_item("ex01-q1", from_file, k).points > 0


@pytest.mark.parametrize(
    ("answer", "points"),
    [
        ([], 0.0),
        ([("Støre", "source")], 0.33),  # 1 of 9 required, nothing extra: its share, 1/9 of 3 points
        ([("Støre", "cue")], 0.0),  # right words, wrong label
        ([("Aftenposten", "source")], 0.0),  # optional (the paper itself, K4): neither required nor counted against
        ([("Støre", "source"), ("He", "source"), ("Russia", "source")], 0.5),  # 2/9 - 1/18 for the extra, of 3 points
    ],
)
def test_partial_credit_is_the_share_found_less_a_cost_per_extra(answer, points):
    spans, _ = load_answer("ex01-q1", answer)
    assert score_item("ex01-q1", spans, key_spans(key("ex01-q1"))).points == pytest.approx(points)


def test_the_full_key_scores_full_points_for_every_item():
    for it in map(item, BUILT_IN):
        k = key_spans(key(it.id))
        labelled = [type(s)(s.start, s.end, s.label.split("/")[0]) for s in k]
        if it.kind == "speakers":  # version-1 spans name no cue: only the speaker half (see the cue tests below)
            assert score_item(it.id, labelled, k).points == it.points / 2, it.id
            labelled = full_speaker_answer(it.id)
        assert score_item(it.id, labelled, k).points == it.points, it.id


def full_speaker_answer(item_id: str) -> Answer:
    """The key of a speaker item as an answer: every source with its speaker and the cue it belongs to."""
    marks = Key.from_dict(key(item_id)).marks
    return Answer(speakers=tuple((m.span, m.speaker) for m in marks), cues=tuple(m.cue for m in marks))


# ---------------------------------------------------------------- ex01-q2: cue and speaker


Q2_RIGHT = [("Støre", "Jonas Gahr Støre", "said", 1), ("He", "Jonas Gahr Støre", "added")]


@pytest.mark.parametrize(
    ("answer", "points", "says"),
    [
        (Q2_RIGHT, 0.8, "2 of 5 linked to the right cue, 2 of 5 with the right speaker"),  # 2 of 5 attributions
        ([("Støre", "Vladimir Putin", "said", 1)], 0.2, "1 of 5 linked to the right cue, 0 of 5"),  # the cue half
        ([("He", "Jonas Gahr Støre", "said")], 0.2, "0 of 5 linked to the right cue, 1 of 5"),  # the speaker half
        ([("Støre", "Jonas Gahr Støre", 1), ("He", "Jonas Gahr Støre")], 0.4, "no cue is given"),  # old form: half
        ({"He": "Jonas Gahr Støre"}, 0.2, "earns only the speaker half"),
        ([("He", "Støre", "added"), ("He", "Støre", "added")], 0.4, "1 of 5 linked"),  # the same entry counts once
        ([("He", "Jonas Gahr Støre", "told")], 0.2, "‘told’ is not in the part"),  # cue words not in the part
    ],
)
def test_ex01_q2_earns_half_for_the_cue_and_half_for_the_speaker(answer, points, says):
    result = grade_data("ex01-q2", answer, key("ex01-q2"))
    assert result.points == pytest.approx(points) and not result.error
    assert any(says in line for line in result.feedback), result.feedback


def test_ex01_q2_cue_words_name_the_occurrence_nearest_the_source():
    it = item("ex01-q2")
    answer = read_answer(it, [("Støre", "Jonas Gahr Støre", "said", 1)])
    body, start = it.load().body, it.bounds()[0]
    (cue,) = answer.cues
    assert body[cue.start : cue.end] == "said" and cue.end == answer.speakers[0][0].start - 1  # "…, said Støre"
    assert body.index("said", start) < cue.start  # not the first "said" of the part ("appealed … and said")


def test_ex01_q2_cue_as_offsets_and_the_full_key_as_a_literal():
    marks = Key.from_dict(key("ex01-q2")).required
    offsets = [
        {"start": m.span.start, "end": m.span.end, "speaker": m.speaker}
        | ({"cue": {"start": m.cue.start, "end": m.cue.end}} if m.cue else {})
        for m in marks
    ]
    assert grade_data("ex01-q2", offsets, key("ex01-q2")).points == item("ex01-q2").points
    bad = [{"start": 1723, "end": 1728, "speaker": "Støre", "cue": [1718, 1722]}]
    assert "'cue' must be {'start': 0, 'end': 5}" in grade_data("ex01-q2", bad, key("ex01-q2")).error


def test_a_speaker_key_without_cues_still_grades_on_the_source_and_speaker():
    old = key("ex01-q2")
    for mark in old["marks"]:
        mark.pop("cue", None)
    result = grade_data("ex01-q2", [("Støre", "Jonas Gahr Støre", 1), ("He", "Jonas Gahr Støre")], old)
    assert result.points == pytest.approx(0.8) and not any("no cue" in line for line in result.feedback)


def test_sentences_earn_half_for_finding_and_half_for_the_reason():
    k = key_spans(key("ex02-q1"))
    spans, _ = load_answer("ex02-q1", [("The historic speech", "hedge")])
    # found 1 of 2 required (recall 1/2 of 1.5 points) and no reason right
    assert score_item("ex02-q1", spans, k).points == pytest.approx(0.75)


def test_framing_words_match_by_lemma_or_accepted_alternative():
    k = key_spans(key("ex03-q1"))
    spans, notes = load_answer("ex03-q1", ["skirmishes", "wage", "raided"])
    assert any("base form" in n for n in notes)
    assert score_item("ex03-q1", spans, k).points == pytest.approx(1.5)  # 3 of 6, nothing extra: recall 1/2


def test_speakers_match_by_any_name_word():
    k = key_spans(key("ex01-q2"))
    spans, _ = load_answer("ex01-q2", {"The Prime Minister": "Støre"})
    assert score_item("ex01-q2", spans, k).points == pytest.approx(0.2)  # 1 of 5, no cue given: the speaker half


@pytest.mark.parametrize(
    ("answer", "message"),
    [
        ("Støre said", "must be a list"),
        (42, "must be a list"),
        ([("Støre",)], "is not an answer entry"),
        ([("Støre", "source", 0)], "third value must be"),
        ([("Støre", "speaker")], "label 'speaker' is not one of source, cue"),
        ([], "the answer is empty"),
        (("Støre", "source"), r"is one entry: put your entries in a list, \[\('Støre', 'source'\)\]"),
        ([("Stoere", "sorce")], "label 'sorce' is not one of source, cue"),  # typos in the words and the label
        ([("an ex02 sentence", "no_source")], "label 'no_source' is not one of"),  # an answer for another item
    ],
)
def test_the_visible_check_explains_format_mistakes(answer, message):
    with pytest.raises(AnswerError, match=message):
        check("ex01-q1", answer)


def test_the_visible_check_counts_one_mark_in_the_singular(capsys):
    check("ex01-q2", [("He", "Jonas Gahr Støre", "highlighted")])
    assert capsys.readouterr().out.splitlines()[-1] == "ex01-q2: format OK, 1 mark read"


def test_a_label_where_the_speaker_belongs_is_pointed_out(capsys):
    """ex01-q1's answer pasted into ex01-q2 names the speaker 'source': the check says so (grading is unchanged)."""
    check("ex01-q2", [("Støre", "source"), ("He", "Jonas Gahr Støre", "highlighted")])
    out = capsys.readouterr().out.splitlines()
    assert (
        out[0]
        == "Note: 'source' is a label, not a speaker: this question wants ('source words', 'Full Name', 'cue words')"
    )
    assert out[1:] == ["ex01-q2: format OK, 2 marks read"]


def test_words_not_in_the_part_are_pointed_out(capsys):
    check("ex01-q1", [("Putin", "source")])
    assert "is not in the part" in capsys.readouterr().out


def test_the_verdict_counts_only_the_marks_that_will_count(capsys):
    """Student walk 20: a note said "‘Putin’ is not in the part" and the last line still said "format OK, 1 mark
    read" for an answer that earns nothing. The verdict says how many marks count and what to do with the rest."""
    check("ex01-q1", [("Putin", "source")])
    out = capsys.readouterr().out.splitlines()
    assert out[-1] == "ex01-q1: 0 of 1 mark read will count: fix the entry named above, or remove it", out
    check("ex01-q1", [("Støre", "source"), ("Putin", "source")])
    assert capsys.readouterr().out.splitlines()[-1].startswith("ex01-q1: 1 of 2 marks read will count:")
    outside = {"start": 0, "end": 3, "label": "source"}  # before the part (it starts at 1599)
    check("ex01-q1", [outside, ("Putin", "source"), ("Støre", "source")])
    last = capsys.readouterr().out.splitlines()[-1]
    assert last == "ex01-q1: 1 of 3 marks read will count: fix the 2 entries named above, or remove them", last
    assert grade_data("ex01-q1", [("Putin", "source")], key("ex01-q1")).points == 0  # the grader agrees
    check("ex01-q1", [("Støre", "source")])
    assert capsys.readouterr().out.splitlines() == ["ex01-q1: format OK, 1 mark read"]


READ_MORE = "Read more: Moose crash on the E4 – driver unharmed"


@pytest.mark.parametrize(
    ("item_id", "copied", "typed"),
    [
        ("ex04-q1", READ_MORE, READ_MORE.replace("–", "-")),  # a required mark: the text has an en dash
        ("ex01-q3", "It’s", "It's"),  # the text's apostrophe, as a keyboard types it
        ("ex05-q6", "“This is the biggest", '"This is the biggest'),  # quotation marks, first words of a sentence
        ("ex01-q1", "Russia’s rhetoric", "Russia\u2019s\u00a0 \u200brhetoric"),  # a no-break space, a zero-width one
        ("ex04-q1", "Västerbotten", unicodedata.normalize("NFD", "Västerbotten")),  # a + combining diaeresis
    ],
)  # fmt: skip
def test_words_typed_with_a_keyboard_s_quotes_dashes_and_spaces_are_found_where_the_text_has_them(
    item_id, copied, typed
):
    """attack19: an honest answer typed with a hyphen for the text's en dash, a straight apostrophe or quotation mark,
    or with a no-break space copied from a web page, was 'not in the part' and scored as an unplaced word."""
    it = item(item_id)
    label = it.labels[0]
    want = read_answer(it, [(copied, label)])
    assert want.marks and not want.unplaced
    assert read_answer(it, [(typed, label)]) == want
    assert read_answer(it, [(typed, label, 1)]) == want  # the occurrence counts the same places


def test_a_lookalike_letter_is_still_not_the_text_s_word():
    """Only the keys a keyboard lacks are read generously: a Cyrillic о in Støre's place is no word of the text."""
    assert read_answer(item("ex01-q1"), [("St\u043ere", "source")]).unplaced == ("St\u043ere",)


@pytest.mark.parametrize(
    ("words", "says"),
    [
        ("skirmishes", "is not word for word in the text: it is compared by its base form"),  # 'skirmish' is there
        ("furry", "is not in the part, nor any form of it this check recognises: check the spelling"),  # a typo
        ("", "an entry has no words"),
    ],
)
def test_a_framing_word_not_in_the_text_is_told_whether_its_base_form_is(capsys, words, says):
    """Student walk 15: a typo matching nothing was told it 'is compared by its base form', then 'format OK'."""
    check("ex03-q1", [words])
    assert says in capsys.readouterr().out


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (None, "no saved highlights"),
        ("{broken", "is damaged"),
        ('{"format": "something else"}', "not a medialit highlights file"),
        (
            json.dumps(
                {
                    "format": "medialit-highlights",
                    "version": 1,
                    "body_sha256": item("ex01-q1").load().sha256,
                    "spans": [{"start": 1}],
                }
            ),
            "without start, end and label",
        ),
    ],
)
def test_missing_or_broken_sidecars_give_one_clear_line(tmp_path, content, message):
    if content is not None:
        (tmp_path / item("ex01-q1").sidecar).write_text(content, encoding="utf-8")
    with pytest.raises(AnswerError, match=message):
        load_answer("ex01-q1", None, tmp_path)


EX05 = [i for i in BUILT_IN if i.startswith("ex05-")]


@pytest.mark.parametrize(
    "start",
    ["Infinity", "-Infinity", "NaN", "1e400", "9" * 5000, '"\\ud800"'],
    ids=["infinity", "minus-infinity", "nan", "1e400", "5000-digits", "surrogate"],
)
@pytest.mark.parametrize("item_id", EX05)
def test_a_hand_edited_sidecar_with_numbers_no_int_can_hold_is_0_with_one_line(tmp_path, item_id, start):
    """JSON that Python reads but no offset can be (``Infinity``, 5000 digits) was an OverflowError or ValueError."""
    it = item(item_id)
    sidecar(tmp_path, item_id, [{"start": 0, "end": 5, "label": it.labels[0]}])
    path = tmp_path / it.sidecar
    path.write_text(path.read_text(encoding="utf-8").replace('"start": 0', f'"start": {start}'), encoding="utf-8")
    with pytest.raises(AnswerError, match=r"highlights\.json (has marks without|is damaged)"):
        read_answer(it, None, tmp_path)
    result = grade_data(item_id, None, key(item_id), tmp_path)
    assert result.points == 0 and "\n" not in result.error and "tell your instructor" not in result.error


@pytest.mark.parametrize("item_id", EX05)
@pytest.mark.parametrize("nesting", [1_000, 100_000])
def test_a_sidecar_nested_too_deep_is_0_with_one_line(tmp_path, item_id, nesting):
    (tmp_path / item(item_id).sidecar).write_text("[" * nesting + "]" * nesting, encoding="utf-8")
    result = grade_data(item_id, None, key(item_id), tmp_path)
    assert result.points == 0 and "tell your instructor" not in result.error, result.error


@pytest.mark.parametrize("item_id", EX05)
def test_a_sidecar_label_or_a_literal_with_a_lone_surrogate_is_refused_in_one_line(tmp_path, item_id):
    """'\\ud800' is a valid Python string and valid JSON, but no feedback quoting it can be written to a file."""
    sidecar(tmp_path, item_id, [{"start": 0, "end": 5, "label": "\ud800"}])
    assert "tell your instructor" not in grade_data(item_id, None, key(item_id), tmp_path).error
    for answer in (["\ud800"], [("\ud800", item(item_id).labels[0])], [("wind", "\udfff")]):
        result = grade_data(item_id, answer, key(item_id), tmp_path)
        assert result.points == 0 and result.error and "tell your instructor" not in result.error, answer
        "\n".join(result.feedback).encode("utf-8")  # the feedback can be saved


@pytest.mark.parametrize("item_id", BUILT_IN)
def test_marking_every_sentence_with_every_label_earns_no_rationale_in_the_feedback(item_id):
    """Feedback explains key marks a student touched; a shotgun answer touches them all and must not get the key."""
    it = item(item_id)
    start, end = it.bounds()
    labels = it.labels or ("source",)
    shotgun = [
        {"start": max(a, start), "end": min(b, end), "label": label, "speaker": "Jonas Gahr Støre"}
        for a, b in it.sentences()
        for label in labels
    ]
    if it.kind == "words":
        shotgun = [it.load().body[max(a, start) : min(b, end)][:900] for a, b in it.sentences()]
    result = grade_data(item_id, shotgun[:300], key(item_id))
    assert result.points <= 0.1 * it.points and not result.explanations, result.explanations[:2]


PLACE_TOLD = ("not this label", "an unsupported sentence", "a defensible sentence", "the source named here",
              "already counted", "not the cue of", "not in the key", "not one of the unsupported",
              "too little", "too much", "a title or a pronoun")  # fmt: skip
"""Feedback lines that say whether a student's mark stands where a key mark is."""


DATE_OR_FIGURE = r"\b(?:(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day )?\d[\d,.]*(?: [A-Z][a-z]+)?(?: \d{4})?"


def probes(it) -> dict[str, list]:
    """Key-blind answers over three places or more: every line, sentence, date or figure, with every label.

    (Two wrong marks are told what they are: that is feedback, not a probe.)
    """
    body, (start, end) = it.load().body, it.bounds()
    found = lambda pattern: [(start + m.start(), start + m.end()) for m in re.finditer(pattern, body[start:end])]  # noqa: E731
    places = {
        "line": found(r"[^\n]+"),
        "sentence": it.sentences(),
        "date or figure": found(DATE_OR_FIGURE),
    }
    labels = it.labels or ("source",)
    mark = lambda s, e, label: {"start": s, "end": e, "label": label, "speaker": "Jonas Gahr Støre"}  # noqa: E731
    answers = {
        f"every {name} with every label": [mark(*at, x) for at in spans for x in labels]
        for name, spans in places.items()
    }
    answers[f"every line as {labels[0]}"] = [mark(*at, labels[0]) for at in places["line"]]
    places_of = lambda answer: len({(m["start"], m["end"]) for m in answer})  # noqa: E731
    return {name: answer[:300] for name, answer in answers.items() if places_of(answer) > TOLD_WRONG}


@pytest.mark.parametrize("item_id", BUILT_IN)
def test_an_answer_that_earns_nothing_is_not_told_which_of_its_marks_stand_on_the_key(item_id):
    """Attack 15: a probe earning 0 read the key off its feedback, e.g. every date of ex05-q8 with every label
    ('‘16 September 2026’ (bio): the right words, but not this label', and so for scraped and translation: a date
    mark) or every line of ex05-q6 as no_source ('an unsupported sentence, but not for the reason given')."""
    it = item(item_id)
    for name, answer in probes(it).items():
        result = grade_data(item_id, answer, key(item_id))
        if result.points == 0:
            told = [line for line in result.feedback if any(x in line for x in PLACE_TOLD)]
            assert not told and not result.explanations, (name, told[:3])


@pytest.mark.parametrize(("item_id", "probe"), [("ex05-q8", "every date or figure with every label"),
                                                ("ex05-q6", "every line as no_source")])  # fmt: skip
def test_the_probes_that_read_the_key_earn_nothing_and_are_told_so(item_id, probe):
    result = grade_data(item_id, probes(item(item_id))[probe], key(item_id))
    assert result.points == 0 and any("no mark-by-mark feedback" in line for line in result.feedback)


def test_a_probe_linking_every_name_to_two_cues_is_not_told_which_are_sources():
    """The multi-cue hint ("‘He’ is linked to 2 cues") is given where the source stands on a key mark: for a
    0-point probe (every capitalised word, a wrong speaker, linked to the next two words) it named the key's sources."""
    it = item("ex01-q2")
    body, start = it.load().body, it.bounds()[0]
    words = [(start + m.start(), start + m.end()) for m in re.finditer(r"\w+", it.text())]
    probe = [
        {"start": s, "end": e, "speaker": "Nobody Atall", "cue": dict(zip(("start", "end"), words[i + k], strict=True))}
        for i, (s, e) in enumerate(words[:-2])
        if body[s].isupper()
        for k in (1, 2)
    ]
    result = grade_data("ex01-q2", probe, key("ex01-q2"))
    assert result.points == 0 and not any("is linked to 2 cues" in line for line in result.feedback), result.feedback


def test_a_label_the_item_does_not_have_is_named_at_grading_too():
    """A clumsy capital ('Opinion') made every mark an extra: 0 points and, since the probe fix, no line saying why."""
    answer = [("The project is a bold step towards a greener future.", "Opinion"), ("Nobody should let", "Opinion")]
    answer.append(("Studies show that sea birds", "Opinion"))  # three marks: two are told what each got (verify15b)
    result = grade_data("ex05-q1", answer, key("ex05-q1"))
    assert result.points == 0 and result.feedback[0] == "label 'Opinion' is not one of opinion: its marks match nothing"
    assert "1 still to find" not in " ".join(result.feedback)  # nor how many of its places are keyed
    two = grade_data("ex05-q1", answer[:2], key("ex05-q1")).feedback
    told = "‘The project is a bold step towards a greener future.’ (Opinion): the right words, but not this label"
    assert told in two and "not in the key: ‘Nobody should let’ (Opinion)" in two, two


def test_a_credited_view_marked_as_an_opinion_sentence_is_told_what_an_opinion_sentence_is():
    """keyread21: in ex05-q1 (opinion sentences of a news report, K14) a marked 'Fishermen say ...' was told
    'opinion is a named author or speaker arguing a view in their own voice', the passage kind of ex05-q3, which
    describes the fishermen and invites the very mark K14 says not to make. The passage items keep that line."""
    from medialit.exercises.judge import LABEL_ASKS, OPINION_SENTENCE_ASKS

    fishermen = "Fishermen say the turbines will ruin the best cod grounds in the region."
    answer = [("The project is a bold step towards a greener future.", "opinion"), (fishermen, "opinion")]
    lines = grade_data("ex05-q1", answer, key("ex05-q1")).feedback
    told = [line for line in lines if line.startswith("not in the key: ‘Fishermen say")]
    assert told and told[0].endswith(OPINION_SENTENCE_ASKS) and LABEL_ASKS["opinion"] not in " ".join(lines), lines
    assert "credits to a source" in OPINION_SENTENCE_ASKS and "is not marked" in OPINION_SENTENCE_ASKS
    headline = [("Wind farm off Sandvik wins the backing of most of the town", "opinion")]
    passage = grade_data("ex05-q3", headline, key("ex05-q3")).feedback
    assert any(line.endswith(f"not this label ({LABEL_ASKS['opinion']})") for line in passage), passage


def test_one_wrong_mark_is_still_told_what_it_is():
    result = grade_data("ex01-q1", [("Støre", "cue")], key("ex01-q1"))
    assert result.points == 0 and any("the right words, but not this label" in line for line in result.feedback)


def test_a_weak_honest_answer_of_two_wrong_marks_is_told_what_each_got():
    """verify15b: two swapped labels (0 points) were told only 'several of its marks match nothing; mark only what
    you can defend', advice for a spray given to a student who marked two things; three wrong marks still are."""
    swapped = grade_data("ex01-q1", [("Støre", "cue"), ("said", "source", 2)], key("ex01-q1"))
    assert swapped.points == 0 and not swapped.explanations
    assert [line.split(" (", 2)[:2] for line in swapped.feedback if "the right words, but not this label" in line] == [
        ["‘said’", "source): the right words, but not this label"],
        ["‘Støre’", "cue): the right words, but not this label"],
    ]
    wrong = grade_data("ex01-q1", [("the president of Russia", "source"), ("commented", "cue")], key("ex01-q1"))
    assert any(line.startswith("not in the key: ‘commented’ (cue): ") for line in wrong.feedback), wrong.feedback
    three = grade_data("ex01-q1", [("Norway", "source"), ("the war", "cue"), ("the West", "source")], key("ex01-q1"))
    assert three.points == 0 and any("no mark-by-mark feedback" in line for line in three.feedback)


def test_what_a_label_or_reason_asks_reads_as_one_sentence():
    """verify18c: 'vague' read '... tell you exactly who it is? a pronoun takes the kind ...': a question mark
    followed by a small letter in the middle of a feedback line."""
    from medialit.exercises.judge import LABEL_ASKS, REASON_ASKS

    for label, asks in {**LABEL_ASKS, **REASON_ASKS}.items():
        assert not re.search(r"[?!.] [a-z]", asks), (label, asks)


@pytest.mark.parametrize(
    ("item_id", "answer", "asks"),
    [
        ("ex01-q1", [("He", "source"), ("Norway and the West", "cue")], "a cue is the word or words that mark"),
        ("ex01-q3", [("One poster", "anonymous"), ("Someone", "vague")], "vague is for words that point at nobody"),
    ],
)
def test_an_optional_place_given_another_label_is_not_called_not_in_the_key(item_id, answer, asks):
    """verify18c: 'Norway and the West' marked as a cue (ex01-q1, an optional source, K5/K11) was told 'not in the
    key', while the rationale shown beside it said marking it is right and costs nothing: the two lines contradict
    each other. It is a place the student may mark, with another label; the line says so, never the key's label."""
    result = grade_data(item_id, answer, key(item_id))
    words, label = answer[1]
    (line,) = [line for line in result.feedback if line.startswith(f"‘{words}’")]
    assert line.startswith(f"‘{words}’ ({label}): a place you may mark, but not with this label") and asks in line
    assert not any("not in the key" in line for line in result.feedback), result.feedback
    other = {"cue": "source", "vague": "anonymous"}[label]
    assert f"as {other}" not in line and f"{other} is for" not in line
    assert any(explained.startswith(f"‘{words}’") for explained in result.explanations)  # K11: touched, explained


def test_sources_found_with_the_wrong_kind_are_told_which_and_what_the_kind_asks_without_the_key():
    """keyread18: ex01-q3 with every source of the posts found and each called vague (they are anonymous) earned 0
    and was told only 'several of its marks match nothing', which is false: each stands on a key mark's place.
    Each is now told that its label is wrong and what that label asks (K2's test), never which kind is right."""
    answer = [("One poster", "vague"), ("The poster", "vague"), ("an unknown author", "vague"), ("He", "anonymous")]
    result = grade_data("ex01-q3", answer, key("ex01-q3"))
    assert result.points == 0 and not result.explanations
    told = [line for line in result.feedback if "the right words, but not this label" in line]
    assert [line.split(":")[0] for line in told] == [
        "‘He’ (anonymous)",
        "‘One poster’ (vague)",
        "‘The poster’ (vague)",
        "‘an unknown author’ (vague)",
    ]
    assert all("(K2)" in line for line in told) and "could the writer, if willing, tell you exactly who" in told[1]
    text = " ".join(result.feedback)
    assert "no mark-by-mark feedback" not in text
    for line in told:  # the kind the key gives is never named in a line about a mark given another kind
        given = line.split("(")[1].split(")")[0]
        assert not {"named", "anonymous", "vague"} - {given} & set(re.findall(r"\w+", line.split("label", 1)[1]))
    stacked = [(words, kind) for words, _ in answer for kind in ("named", "vague")]  # a probe: every kind per place
    probe = grade_data("ex01-q3", stacked, key("ex01-q3"))
    assert probe.points == 0 and any("no mark-by-mark feedback" in line for line in probe.feedback)
    assert not any("not this label" in line for line in probe.feedback)


def test_an_unsupported_sentence_with_the_wrong_reason_is_told_what_that_reason_asks():
    """keyread18: 'an unsupported sentence, but not for the reason given' left the student to guess why; the line now
    says what the reason given asks (K9), so *Estimates suggest ...* called no_source learns that no_source is for a
    claim credited to nobody, without being told the key's vague_source."""
    result = grade_data("ex02-q2", [("Estimates suggest", "no_source")], key("ex02-q2"))
    line = next(line for line in result.feedback if "not for the reason given" in line)
    assert line.startswith("‘Estimates suggest 8000") and "no_source is for a contested or consequential claim" in line
    assert "vague_source" not in line and "hedge" not in line


def test_a_party_that_gave_no_answer_linked_to_a_cue_earns_no_cue_half():
    """keyread18: ex01-q2 with *the Russian embassy* linked to *commented* earned 2 of 2, though K4 says a party
    that did not comment has no attribution and no cue, and the prompt says to leave it unlinked (ex01-q1 scores
    *commented* as a cue as extra). Now it costs as any wrong link does, and the line says why."""
    answer = [
        ("Støre", "Jonas Gahr Støre", "said"),
        ("He", "Jonas Gahr Støre", "added"),
        ("the Russian embassy", "the Russian embassy", "commented"),
        ("Støre", "Jonas Gahr Støre", "pointed out", 2),
        ("The Prime Minister", "Jonas Gahr Støre", "believes"),
    ]
    linked = grade_data("ex01-q2", answer, key("ex01-q2"))
    assert linked.points < 2 and "4 of 5 linked to the right cue" in linked.feedback[0]
    assert any(
        line.startswith("‘the Russian embassy’ linked to ‘commented’") and "(K4)" in line for line in linked.feedback
    )
    unlinked = [*answer[:2], ("the Russian embassy", "the Russian embassy", ""), *answer[3:]]
    assert grade_data("ex01-q2", unlinked, key("ex01-q2")).points == 2
    they = [*unlinked, ("They", "the Russian embassy", "")]  # the optional second mention, unlinked, never costs
    assert grade_data("ex01-q2", they, key("ex01-q2")).points == 2
    linked_too = [*unlinked, ("They", "the Russian embassy", "commented")]  # linked, it is K4's error (keyread22)
    assert grade_data("ex01-q2", linked_too, key("ex01-q2")).points < 2


@pytest.mark.parametrize("words", [["wage"], ["skirmishes", "wars"]])
def test_words_a_key_accepts_are_not_told_to_be_copied_from_the_part(words):
    """verify15b: ex03-q1 ['wage'] earned 0.75 ('1 of 4 found') and was told in the same feedback "‘wage’ is not in
    the part, not even as another form of its words: copy the words from the part" (the key's ``words`` accept it)."""
    result = grade_data("ex03-q1", words, key("ex03-q1"))
    assert result.points > 0 and not [line for line in result.feedback if "is not" in line], result.feedback
    typo = grade_data("ex03-q1", ["peace"], key("ex03-q1"))  # nothing accepts it: still told
    assert any("‘peace’ is not in the part" in line for line in typo.feedback), typo.feedback


@pytest.mark.parametrize(
    ("item_id", "words"),
    [("ex03-q1", "wage"), ("ex05-q7", "green future"), ("ex03-q1", "versus"), ("ex03-q1", "peace")],
)
def test_the_visible_check_never_tells_a_student_to_copy_words_a_framing_key_may_accept(capsys, item_id, words):
    """student21: the check (no key in the student's kernel) told ex03-q1 ['wage'] "‘wage’ is not in the part, not
    even as another form of its words: copy the words from the part", though the prompt says another form counts
    and grading gave it 0.75 (the model lemmatizes *waging* as *wag*); ex05-q7 'green future' (*a greener
    future*) the same. Forms are now found in context and by stem too; and a word still not found (a typo, or
    'versus', which the key accepts for 'vs.') is not told to copy the part's words, which the check cannot
    know to be the only ones accepted."""
    check(item_id, [words])
    out = capsys.readouterr().out
    assert "copy the words" not in out, out
    if words in ("wage", "green future"):
        assert "is compared by its base form" in out, out
    else:
        assert "nor any form of it this check recognises: check the spelling" in out, out


def test_a_sidecar_for_another_text_is_refused(tmp_path):
    sidecar(tmp_path, "ex01-q1", [{"start": 0, "end": 3, "label": "source"}], sha="0" * 64)
    with pytest.raises(AnswerError, match="saved for a different article text"):
        load_answer("ex01-q1", None, tmp_path)


def test_a_sidecar_that_is_a_link_to_another_student_s_file_is_0_with_one_line(tmp_path):
    """Attack 14: a highlights file linked to a classmate's (absolute or relative) earned the classmate's marks."""
    marks = Key.from_dict(key("ex01-q1")).required
    (tmp_path / "alice").mkdir()
    sidecar(
        tmp_path / "alice", "ex01-q1", [{"start": m.span.start, "end": m.span.end, "label": m.label} for m in marks]
    )
    assert grade_data("ex01-q1", None, key("ex01-q1"), tmp_path / "alice").points == 3.0
    for target in (tmp_path / "alice" / "ex01-q1.highlights.json", Path("..", "alice", "ex01-q1.highlights.json")):
        (tmp_path / "mallory").mkdir(exist_ok=True)
        link = tmp_path / "mallory" / "ex01-q1.highlights.json"
        link.unlink(missing_ok=True)
        link.symlink_to(target)
        result = grade_data("ex01-q1", None, key("ex01-q1"), tmp_path / "mallory")
        assert result.points == 0.0 and "is a link to another file" in result.error and "\n" not in result.error


def test_grade_never_raises_and_prints_feedback_without_the_key(tmp_path, capsys):
    result = grade("ex01-q1", None, key("ex01-q1"), folder=tmp_path)
    assert result.points == 0.0 and type(result.points) is float
    out = capsys.readouterr().out
    assert "no saved highlights" in out
    assert "Save" not in out and "save by themselves" in out  # the highlighter has no Save button
    result = grade("ex01-q1", [("Støre", "source"), ("Russia", "source")], key("ex01-q1"))
    out = capsys.readouterr().out
    assert "not in the key: ‘Russia’" in out and "still to find" in out
    assert "pointed out" not in out  # missed key items are counted, never quoted


def test_a_sidecar_the_highlighter_set_aside_is_reported_as_damaged(tmp_path):
    (tmp_path / f"{item('ex01-q1').sidecar}.bak-20261127T080000Z").write_text("{broken", encoding="utf-8")
    with pytest.raises(AnswerError, match="is damaged and was kept as"):
        load_answer("ex01-q1", None, tmp_path)


def test_a_sidecar_set_aside_for_another_article_is_called_that_not_damaged(tmp_path):
    """Student walk 20: ex03-q1's highlights copied over ex01-q1's were set aside by the highlighter ("saved for a
    different article text: kept it as ..."), and the check then called the file "damaged"."""
    sidecar(tmp_path, "ex03-q1", [{"start": 0, "end": 3, "label": "loaded"}])
    path = tmp_path / item("ex01-q1").sidecar
    (tmp_path / item("ex03-q1").sidecar).rename(path)
    _, said, _ = core_sidecar.load_or_back_up(path, body_sha256=item("ex01-q1").load().sha256, mode="spans")
    (backup,) = tmp_path.glob(f"{path.name}.bak-*")
    assert backup.name in said and not path.exists()  # what the highlighter does when the notebook runs
    with pytest.raises(AnswerError) as raised:
        check("ex01-q1", None, tmp_path)
    line = str(raised.value)
    assert "damaged" not in line and "\n" not in line, line
    assert f"was saved for another article (scientology-website-attacked) and was kept as {backup.name}" in line
    assert "mark the text again" in line, line


# ---------------------------------------------------------------- anything a student can type


def _loop() -> list:
    loop: list = []
    loop.append(loop)
    return loop


MALFORMED = [
    5, 1.5, b"St\xc3\xb8re", True, "Støre said", "", {1, 2}, range(3), object(),
    [None], [("Støre", None)], [("Støre", "source", None, None)], [{"start": None, "end": 5, "label": "source"}],
    [1, 2, 3], [(1, 2, "source")], [{"start": 1.5, "end": 3, "label": "source"}], [("Støre", "source", 1.0)],
    ["Støre".encode()], [(b"St", "source")], [True],
    [{"start": True, "end": 5, "label": "source"}], [("Støre", "cue", True)],
    {}, {"a": 1}, {1: 2}, {"Støre": 3}, {"Støre": None}, {"start": 1}, [{}], [{"start": 1}],
    [{"start": 1, "end": 2, "label": 5}], [()], [("Støre",)], [("a", "b", "c", "d")], [("Støre", "source", 1, 2)],
    [[["a"]]], [[("Støre", "source")]], [[]], [("Støre", "source")] * 100_000, [("Støre", "source", 10**100)],
    [("x" * 100_000, "source")], _loop(), [float("nan")], [("Støre", None, 1)],
]  # fmt: skip
KINDS = ["ex01-q1", "ex01-q2", "ex02-q1", "ex03-q1"]  # spans, speakers, sentences, words


@pytest.mark.parametrize("item_id", KINDS)
@pytest.mark.parametrize("value", MALFORMED, ids=lambda v: repr(v)[:30])
def test_any_value_is_one_clear_line_at_check_and_zero_at_grade(item_id, value, capsys):
    try:
        check(item_id, value)
    except AnswerError as error:
        message = str(error)
        assert "\n" not in message and len(message) < 300 and message.startswith(item_id), message
        result = grade_data(item_id, value, key(item_id))
        if "label" not in message and "empty" not in message:  # a wrong label or an empty list is readable
            assert result.points == 0.0 and result.error == message
    result = grade(item_id, value, key(item_id))
    assert type(result.points) is float and 0.0 <= result.points <= item(item_id).points
    assert all("\n" not in line for line in result.feedback)


@pytest.mark.parametrize(
    ("item_id", "value", "message"),
    [
        ("ex01-q2", [("Støre", None, 1)], "is not an answer entry"),
        ("ex01-q2", [1, 2, 3], "1 is not an answer entry"),
        ("ex01-q2", {"Støre": 3}, "('Støre', 3) is not an answer entry"),
        ("ex01-q1", {"Støre": "source"}, "write this answer as a list"),
        ("ex01-q1", [("Støre", "source")] * 100_000, "100000 entries, more than 300"),
        ("ex01-q1", [{"start": 1.5, "end": 3, "label": "source"}], "start and end are whole numbers"),
        ("ex01-q1", b"Stre", "must be a list"),
        ("ex01-q1", [("x" * 5000, "source")], "too long"),
        ("ex03-q1", {"war": "loaded"}, "write this answer as a list"),
    ],
)
def test_malformed_answers_are_named(item_id, value, message):
    with pytest.raises(AnswerError, match=re.escape(message)):
        check(item_id, value)
    result = grade_data(item_id, value, key(item_id))
    assert result.points == 0.0 and message in result.error and message in result.feedback[0]


values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=20) | st.binary(max_size=5),
    lambda inner: st.lists(inner, max_size=5) | st.tuples(inner, inner) | st.tuples(inner, inner, inner)
    | st.dictionaries(st.text(max_size=5) | st.integers(), inner, max_size=3),
    max_leaves=12,
)  # fmt: skip


@pytest.mark.parametrize("item_id", KINDS)
@settings(max_examples=60, deadline=None, derandomize=True, suppress_health_check=list(HealthCheck))
@given(value=values)
def test_grade_data_never_raises(item_id, value):
    result = grade_data(item_id, value, key(item_id))
    assert type(result.points) is float and 0.0 <= result.points <= item(item_id).points


@pytest.mark.parametrize("answer", [["war"], [("Støre", "source")], None, 3])
def test_an_answer_given_where_the_items_name_belongs_is_one_line(answer):
    """``check(answer_q1)`` in a cell of the student's own: the line says the item's name comes first."""
    with pytest.raises(
        AnswerError, match=r"^the item's name comes first, in quotes, then the answer: check\('ex01-q1'"
    ):
        check(answer)


@pytest.mark.parametrize(
    ("field", "value", "says"),
    [
        ("text", "said, x", "marks[2].text is wrong"),
        ("end", 10**6, "marks[2] is wrong"),
        ("label", "NO", "marks[2].label"),
    ],
)
def test_a_broken_key_is_named_in_feedback_without_a_key_marks_words_or_place(field, value, says):
    """leak23: the line, in every student's feedback, quoted the key's error whole: a key mark's words
    (``marks[2].text: 'said' is not the text at its offsets``) or its offsets."""
    data = key("ex01-q1")
    mark = data["marks"][2]
    words, start = mark["text"], str(mark["start"])
    mark[field] = value
    result = grade_data("ex01-q1", [("Støre", "source")], data)
    line = " ".join(result.feedback)
    assert result.points == 0.0 and f"the key cannot be used (ex01-q1 key: {says}" in line, line
    assert repr(words) not in line and repr(str(value)) not in line and start not in line, line


def test_grade_data_survives_unknown_items_and_broken_keys(tmp_path):
    assert grade_data("ex99", [], {}).error.startswith("no exercise item 'ex99'")
    broken = grade_data("ex01-q1", [("Støre", "source")], {"format": "medialit-key", "version": 2})
    assert broken.points == 0.0 and "key cannot be used (ex01-q1 key is wrong)" in broken.error
    other = grade_data("ex01-q1", [("Støre", "source")], key("ex01-q3"))
    assert other.points == 0.0 and "is the key of ex01-q3" in other.error
    assert grade_data("ex01-q1", [("Støre", "source")], [[1723, 1728, "source"]]).points > 0  # a v1 key


def test_version_1_spans_from_key_spans_keep_optional_marks_and_alternatives():
    data = key("ex01-q3")
    data["marks"][0] |= {"optional": True}
    data["marks"][1] |= {"accept": [{"start": 800, "end": 814, "label": "named"}]}  # "Matthew Ingram"
    answer, _ = load_answer("ex01-q3", [("Matthew Ingram", "named")])
    assert (
        score_item("ex01-q3", answer, key_spans(data)).points
        == grade_data("ex01-q3", [("Matthew Ingram", "named")], data).points
        == 0.6
    )


def test_a_version_1_key_literal_scores_like_its_version_2_key():
    rows = [[k["start"], k["end"], k["label"]] for k in key("ex01-q1")["marks"] if not k.get("optional")]
    spans, _ = load_answer("ex01-q1", [("Støre", "source"), ("He", "source")])
    from_rows = score_item("ex01-q1", spans, key_spans(rows)).points
    assert from_rows == score_item("ex01-q1", spans, key_spans(key("ex01-q1"))).points > 0


def test_feedback_explains_found_marks_without_quoting_missed_ones():
    from medialit.exercises.judge import grade_data

    result = grade_data("ex01-q1", [("Støre", "source", 2)], key("ex01-q1"))
    assert result.explanations, "a found mark is explained"
    assert not any("pointed out" in line for line in result.explanations)  # the missed cue is never quoted
    assert "‘…’" in " ".join(result.explanations)


def test_a_rationale_never_hides_words_the_student_marked_themselves():
    """verify18c: a student who marked 'They' for the silent embassy (K4) read "‘…’ and ‘the Russian embassy’ are
    the embassy", and one who marked 'Writing in a blog post' (K5) read "‘…’, the first verb of the same joint
    report": their own words were left out as if they gave the key away. Words of a key mark inside the student's
    own mark (within one paragraph) are theirs; untouched places stay left out."""
    silent = [("the Russian embassy", "the Russian embassy", "", 1)]
    own = grade_data("ex01-q2", [("They", "the Russian embassy", "", 1)], key("ex01-q2"))
    assert any(line.startswith("‘They’: ‘They’ and ‘…’") for line in own.explanations), own.explanations  # keyread20
    untouched = grade_data("ex01-q2", silent, key("ex01-q2"))
    assert any("‘…’ and ‘the Russian embassy’" in line for line in untouched.explanations), untouched.explanations
    writing = grade_data("ex01-q4", [("Writing in a blog post", "mixed")], key("ex01-q4"))
    assert any("‘Writing’, the first verb" in line for line in writing.explanations), writing.explanations
    dubbed = grade_data("ex01-q4", [("dubbed", "mixed")], key("ex01-q4"))
    assert any("‘…’, the first verb" in line for line in dubbed.explanations), dubbed.explanations


@pytest.mark.parametrize(
    ("item_id", "answer", "theirs", "elsewhere"),
    [
        ("ex04-q1", [("14 March 2026", "date")], "14 March 2026", "Monday 16 March"),
        ("ex05-q8", [("16 September 2026", "date")], "16 September 2026", "Thursday 17 September"),
        ("ex01-q1", [("They", "source")], "They", "the Russian embassy"),
    ],
)
def test_a_mark_met_through_a_reading_at_another_place_is_explained_in_the_students_words(
    item_id, answer, theirs, elsewhere
):
    """keyread20: a student who marked only the page's date line (K15: either end of one date mismatch counts) read
    "‘Monday 16 March’: On this page an event ... on ‘Monday 16 March’ ...": the other end, a place they never
    marked, handed out with the key's words (grading.md: feedback never quotes the key's unmatched places). A key
    mark met only through an accepted reading elsewhere is headed by the student's own words, and its own words
    are left out of the rationale; a reading at the same place (K2's maker, a named example) keeps the key's whole
    phrase, which is what its rationale explains."""
    result = grade_data(item_id, answer, key(item_id))
    assert result.points > 0 and result.explanations
    assert any(line.startswith(f"‘{theirs}’: ") for line in result.explanations), result.explanations
    assert not any(elsewhere in line for line in result.explanations), result.explanations
    same_place = grade_data("ex01-q3", [("Gawker.com", "named")], key("ex01-q3"))
    assert any(line.startswith("‘other sites such as Gawker.com’: ") for line in same_place.explanations)


# ---------------------------------------------------------------- ex01-q2: the speaker named as students name them


def q2_full(**speakers: str) -> list[dict]:
    """The required attributions of ex01-q2 as offsets, each source's speaker replaced by ``speakers[its text]``."""
    return [
        {"start": m.span.start, "end": m.span.end, "speaker": speakers.get(m.text.split()[-1], m.speaker)}
        | ({"cue": {"start": m.cue.start, "end": m.cue.end}} if m.cue else {})
        for m in Key.from_dict(key("ex01-q2")).required
    ]


@pytest.mark.parametrize(
    "names",
    [
        {"Støre": "Jonas Store"},  # no ø on the keyboard
        {"Støre": "Jonas Gahr Stoere"},  # ø written as oe
        {"Støre": "PM Støre", "He": "Prime Minister Jonas Gahr Støre"},  # a title, or its initials
        {"Minister": "Norwegian Prime Minister Jonas Gahr Støre", "He": "Norway's prime minister Støre"},  # nationality
        {"embassy": "Embassy of the Russian Federation in Norway"},  # the organisation's full name (its aliases)
        {"embassy": "Russian Embassy in Oslo"},
        {"embassy": "Embassy of Russia"},
        {"embassy": "Russia’s embassy"},
        {"embassy": "the Embassy of the Russian Federation"},
        {"Støre": "Prime Minister of Norway Jonas Gahr Støre"},  # a place after 'of' describes him
        {"Støre": "Prime Minister Jonas Gahr Støre of Norway"},
        {"Støre": "Labor Party leader Jonas Gahr Støre"},  # his party describes him (the article: 'Labor Party')
        {"Støre": "Støre", "He": "Jonas Store"},  # verify14 §2: forms that must keep scoring
        {"embassy": "the Russian embassy in Norway"},  # verify14 S1: a place phrase one of its names has
        {"embassy": "the Embassy of Russia in Norway"},
        {"embassy": "the Embassy of the Russian Federation in Oslo"},
        {"embassy": "Russian Embassy Norway"},  # the place without its preposition
        {"embassy": "the Russian embassy"},
        {"Støre": "Minister Støre"},  # mend15: a title never counts, and 'Støre' in full is his own
        {"Støre": "Foreign Minister Jonas Gahr Støre"},  # mend15: an old title beside the name (a title's modifier)
        {"Støre": "Foreign Minister Støre", "He": "former Prime Minister Jonas Gahr Støre"},
        {"Støre": "Swedish Prime Minister Jonas Gahr Støre"},  # the article never says who is Swedish: not judged
    ],
)
def test_ex01_q2_the_right_speaker_however_written_earns_the_speaker_half(names):
    result = grade_data("ex01-q2", q2_full(**names), key("ex01-q2"))
    assert result.points == 2.0, result.feedback


@pytest.mark.parametrize(
    "names",
    [
        {"He": "Vladimir Putin"},  # another person
        {"He": "Russian President Vladimir Putin"},
        {"He": "Jonas Gahr Støre and Vladimir Putin"},  # several people in one name
        {"He": "Prime Minister"},  # a bare title
        {"He": "PM"},
        {"He": "Norwegian"},  # a nationality alone
        {"He": "He"},  # a pronoun
        {"embassy": "the Norwegian embassy"},  # another organisation: the nationality names it
        {"embassy": "Norway"},  # a word only an alias has: the speaker's own name is not given
        {"embassy": "Aftenposten"},
        {"embassy": "Norway's embassy"},  # keyreview2 1.1: another country's embassy
        {"embassy": "Embassy of Norway"},
        {"embassy": "the embassy in Russia"},  # an embassy located in Russia
        {"embassy": "the Russian Federation"},  # the state, not its embassy
        {"embassy": "Russian"},  # a bare nationality
        {"embassy": "the embassy"},  # a head noun is not a name written out in full
        {"Støre": "Prime Minister of Norway Erna Solberg"},  # descriptors dropped, another person is left
        {"Støre": "Labor Party leader Erna Solberg"},
        {"embassy": "Embassy in Oslo"},  # keyreview2 1.1: a place phrase alone names nobody
        {"embassy": "Oslo embassy"},
        {"embassy": "Russian Oslo"},
        {"embassy": "Russia"},  # verify14 §2: the wrong ones that must keep scoring 0
        {"embassy": "the Russian Embassy in Moscow"},  # a place none of its names has
        {"embassy": "the Kremlin"},
        {"embassy": "Russian Foreign Ministry"},
        {"Støre": "Støre’s spokesperson"},  # verify14 S1: someone of Støre's, not Støre
        {"Støre": "Støre's spokesman"},
        {"He": "Jonas Gahr Støre's aide"},
        {"He": "the Prime Minister"},
        {"He": "President Putin"},
        {"He": "Erna Solberg"},
        {"He": "Norway"},
        {"He": "Russia"},
        {"He": "Labour Party"},
        {"He": "Aftenposten"},
        {"He": "the Norwegian government"},
        {"Støre": "Marit Støre"},  # another Støre
        {"Støre": "Ola Støre"},
        {"Støre": "Støre and Putin"},
        {"Støre": "Russian Prime Minister Støre"},  # mend15: the article's 'Russian' is Putin's (Russian President ...)
        {"Støre": "Russian Prime Minister Jonas Gahr Støre"},
        {"He": "Russian Støre"},
        {"He": "President Støre"},  # the article's presidents are Putin and Zelenskyj
        {"He": "Ukrainian Prime Minister Jonas Gahr Støre"},  # the article's Ukrainian Prime Minister is Sjmyhal
        {"He": "Putin Minister Støre"},  # a name before a title is no title's modifier
    ],
)
def test_ex01_q2_a_wrong_speaker_still_loses_the_speaker_half(names):
    result = grade_data("ex01-q2", q2_full(**names), key("ex01-q2"))
    assert result.points < 1.9, result.feedback
    told = ("not the source named here", "type the full name of who they stand for")  # the latter: a pronoun typed
    assert any(t in line for line in result.feedback for t in told), result.feedback


@pytest.mark.parametrize("cues", [["said"], ["appealed"], ["appealed", "said"]])
def test_ex01_q2_the_nested_i_may_be_linked_to_either_or_both_cues_of_its_report(cues):
    body = item("ex01-q2").load().body
    starts = [body.index(cue, 1601) for cue in cues]  # the nested report's 'appealed … and said' (K5)
    nested = [
        {"start": 1601, "end": 1602, "speaker": "Jonas Gahr Støre", "cue": {"start": at, "end": at + len(cue)}}
        for at, cue in zip(starts, cues, strict=True)
    ]
    assert body[1601:1602] == "I" and max(starts) < 1650
    result = grade_data("ex01-q2", [*nested, *q2_full()], key("ex01-q2"))
    assert result.points == 2.0, result.feedback
    assert not any("cues: link each source" in line for line in result.feedback), result.feedback  # K5: one report


# ---------------------------------------------------------------- ex01-q3: the person, not his outlet

Q3_FULL = [
    ("other sites such as Gawker.com", "named"),
    ("Matthew Ingram", "named"),
    ("He", "named"),
    ("One poster", "anonymous"),
    ("The poster", "anonymous"),
    ("an unknown author", "anonymous"),
]


def test_ex01_q3_the_outlet_alone_does_not_earn_ingrams_mark():
    result = grade_data("ex01-q3", [("The Globe and Mail", "named")], key("ex01-q3"))
    assert result.points == 0.0, result.feedback


@pytest.mark.parametrize("outlet", [[], [("The Globe and Mail", "named")]])
def test_ex01_q3_the_person_marked_exactly_is_never_the_duplicate(outlet):
    result = grade_data("ex01-q3", [*Q3_FULL, *outlet], key("ex01-q3"))
    assert result.points == 3.0, result.feedback
    assert not any("Matthew Ingram" in line for line in result.feedback), result.feedback


# ---------------------------------------------------------------- ex02-q3: a fact-box line with both faults (K13)

Q2_3_FULL = [
    ("to double", "unsupported_figure"),
    ("Cuts hurt older residents most", "dropped_source"),
    ("40 kroner", "unsupported_figure"),
    ("25 percent", "unsupported_figure", 2),  # the fact box's, not the body's
    ("two-thirds of seniors", "unsupported_figure"),
]


@pytest.mark.parametrize(
    "line",
    [
        "Single ticket: 40 kroner",  # the body credits the price to Mona Eide
        "Monthly pass: 25 percent dearer",  # ... the ceiling to the council's fare table
        "Nearly two-thirds of seniors ride the bus daily",  # ... the survey to the association
    ],
)
def test_ex02_q3_every_figure_line_that_drops_its_source_takes_the_second_mark_free(line):
    """Second review 2.3: K13's sentence holds for every fact-box line whose figure the body credits, as in lesson 3."""
    result = grade_data("ex02-q3", [*Q2_3_FULL, (line, "dropped_source")], key("ex02-q3"))
    assert result.points == 2.0, result.feedback
    alone = grade_data("ex02-q3", [(line, "dropped_source")], key("ex02-q3"))
    assert alone.points == 0.4, alone.feedback  # either fault alone earns the line's mark


Q2_3_LINES = [
    ("Single ticket: 40 kroner", "40 kroner"),
    ("Monthly pass: 25 percent dearer", "25 percent dearer"),
    ("Nearly two-thirds of seniors ride the bus daily", "two-thirds"),
]
Q2_3_HEADINGS = [(0, 50), (51, 81), (708, 741), (742, 766), (767, 798), (799, 846)]  # headline, subhead, fact box


@pytest.mark.parametrize("order", [1, -1])
@pytest.mark.parametrize("label", ["unsupported_figure", "dropped_source"])
def test_ex02_q3_each_whole_fact_box_line_with_one_label_earns_its_mark(order, label):
    answer = [*Q2_3_FULL[:2], *[(line, label) for line, _ in Q2_3_LINES]]
    result = grade_data("ex02-q3", answer[::order], key("ex02-q3"))
    assert result.points == 2.0, result.feedback


@pytest.mark.parametrize("order", [1, -1])
@pytest.mark.parametrize("wide", [False, True])
def test_ex02_q3_the_figure_and_its_line_one_mark_for_each_fault_cost_nothing_in_either_order(order, wide):
    """K13's honest answer; the figure written a little wider or narrower ('25 percent dearer', 'two-thirds').

    'Nearly two-thirds of seniors' starts where its line starts and fits the required mark too: it takes the
    optional one when the line needs the required one (``scoring._pair``).
    """
    figures = ["40 kroner", "25 percent dearer", "Nearly two-thirds of seniors" if wide else "two-thirds"]
    lines = [line for line, _ in Q2_3_LINES]
    pairs = [
        m
        for line, fig in zip(lines, figures, strict=True)
        for m in ((fig, "unsupported_figure"), (line, "dropped_source"))
    ]
    result = grade_data("ex02-q3", [*Q2_3_FULL[:2], *pairs][::order], key("ex02-q3"))
    assert result.points == 2.0, result.feedback


@pytest.mark.parametrize(
    ("lines", "at_most"),
    [
        (Q2_3_HEADINGS, 0.0),  # verify14 S1: 0.6 before this fix, 0.0 at ee97483
        (Q2_3_HEADINGS[3:], 0.6),  # the three fact-box lines: 1.2 before, 0.6 at ee97483
    ],
)
def test_ex02_q3_every_heading_line_with_both_labels_earns_no_more_than_before_the_second_marks(lines, at_most):
    """The whole line given both labels is one mark and one extra: a hedge over the lines the prompt points to."""
    labels = ("dropped_source", "unsupported_figure")
    for order in (1, -1):
        answer = [{"start": a, "end": e, "label": label} for a, e in lines for label in labels][::order]
        result = grade_data("ex02-q3", answer, key("ex02-q3"))
        assert result.points <= at_most, result.feedback


# ---------------------------------------------------------------- feedback lines for points lost


def test_a_second_mark_on_a_place_already_counted_is_called_that_not_a_wrong_label():
    body = item("ex03-q4").load().body
    heading, byline = (0, 37), (598, 640)  # the byline is accepted in the opinion heading's place (K14)
    opinion = body.index("Opinion: Sunday hours")
    marks = [
        {"start": heading[0], "end": heading[1], "label": "news"},
        {"start": opinion, "end": opinion + 44, "label": "opinion"},
        {"start": byline[0], "end": byline[1], "label": "opinion"},
    ]
    feedback = grade_data("ex03-q4", marks, key("ex03-q4")).feedback
    assert any("already counted: one mark per place" in line for line in feedback), feedback
    assert not any("not this label" in line for line in feedback), feedback


def test_an_optional_sentence_with_a_wrong_reason_is_named_in_the_feedback():
    result = grade_data("ex02-q1", [("It was Norway who", "vague_source")], key("ex02-q1"))
    assert any("‘It was Norway who" in line and "not for the reason given" in line for line in result.feedback)


def test_ex01_q2_a_source_linked_to_the_wrong_cue_is_named_in_the_feedback():
    result = grade_data("ex01-q2", [("He", "Jonas Gahr Støre", "said")], key("ex01-q2"))
    assert "‘He’ linked to ‘said’: not the cue of this source" in result.feedback, result.feedback


@pytest.mark.parametrize(
    ("answer", "says"),
    [
        ([("Støre", "Jonas Gahr Støre", "said", 3)], "‘Støre’ occurs only 2 times in this part"),
        ([("The Prime Minister", "source", 2)], "‘The Prime Minister’ occurs only once in this part"),
        ([("Putin", "source")], "‘Putin’ is not in the part of the text this question is about"),
    ],
)
def test_an_occurrence_beyond_the_part_says_how_often_the_words_occur_there(answer, says):
    item_id = "ex01-q2" if len(answer[0]) == 4 else "ex01-q1"
    feedback = grade_data(item_id, answer, key(item_id)).feedback
    assert any(says in line for line in feedback), feedback


# ---------------------------------------------------------------- second readings that must cost nothing (review 14)


def required_marks(item_id: str) -> list[dict]:
    return [{"start": m.span.start, "end": m.span.end, "label": m.label} for m in Key.from_dict(key(item_id)).required]


def test_ex01_q3_the_name_alone_the_k2_split_and_the_unknown_author_earn_full_points():
    answer = [
        ("other sites", "vague"),  # K2: vague for the rest of the group ...
        ("Gawker.com", "named"),  # ... named for the example
        ("Matthew Ingram", "named"),  # the words that name him, without his outlet
        ("He", "named"),
        ("One poster", "anonymous"),
        ("The poster", "anonymous"),
        ("an unknown author", "anonymous"),
    ]
    result = grade_data("ex01-q3", answer, key("ex01-q3"))
    assert result.points == 3.0, result.feedback


@pytest.mark.parametrize(
    ("item_id", "extra"),
    [
        ("ex04-q1", ("14 March 2026", "date")),  # both ends of one date mismatch (K15)
        ("ex05-q8", ("16 September 2026", "date")),
        ("ex02-q3", ("Nearly two-thirds of seniors ride the bus daily", "dropped_source")),  # both faults (K13)
        ("ex01-q4", ("Writing", "mixed")),  # the first verb of Ingram's joint report (K5)
        ("ex02-q2", ("Malaysia and Indonesia have maintained a policy", "no_source")),  # K8: two readings
    ],
)
def test_a_second_defensible_mark_beside_the_full_key_costs_nothing(item_id, extra):
    it = item(item_id)
    result = grade_data(item_id, [*required_marks(item_id), extra], key(item_id))
    assert result.points == it.points, result.feedback


def test_a_link_with_an_empty_speaker_name_says_no_name_was_given():
    """verify14: an empty name printed as '‘Støre’ → : ...', as if the arrow pointed at nothing by mistake."""
    lines = grade_data("ex01-q2", [("Støre", "", "said")], key("ex01-q2")).feedback
    assert "‘Støre’ → no name given: not the source named here" in lines
    assert not any("→ :" in line for line in lines)


def test_a_speaker_whose_own_name_is_possessive_is_named_by_it():
    """A possessive names someone of the owner's ("Støre's spokesperson") unless the speaker's name is that phrase."""
    from medialit.exercises.matching import names_person

    assert names_person("Norway’s allies and partners", "Norway’s allies and partners")
    assert names_person("Norway's allies and partners", "Norway’s allies and partners")
    assert not names_person("Støre's spokesperson", "Jonas Gahr Støre")


def test_a_description_is_judged_by_the_article_not_by_knowledge_of_the_world():
    """mend15: 'Russian' counts against Støre only where the article gives it to someone else (Putin)."""
    from medialit.exercises.matching import names_person

    putin = "Prime Minister Jonas Gahr Støre met Russian President Vladimir Putin."
    neutral = "Prime Minister Jonas Gahr Støre met the press. Russian gas was discussed."
    assert not names_person("Russian Prime Minister Støre", "Jonas Gahr Støre", text=putin)
    assert not names_person("President Støre", "Jonas Gahr Støre", text=putin)
    assert names_person("Prime Minister Støre", "Jonas Gahr Støre", text=putin)  # the article gives him this title
    assert names_person("Russian Prime Minister Støre", "Jonas Gahr Støre", text=neutral)  # nothing to judge by
    assert names_person("Foreign Minister Jonas Gahr Støre", "Jonas Gahr Støre", text=putin)  # never in the text
    assert not names_person("Putin Minister Støre", "Jonas Gahr Støre", text=neutral)  # a name is no title's modifier


def test_ex01_q2_follows_marks_added_to_q1_and_never_grades_them_twice(tmp_path, monkeypatch):
    """mend15: q2's highlighter copies q1's marks while q2 has no file of its own. They are a starting point, not
    an answer: q2 counts only the links that name a speaker, q1 is graded from its own file. student21: the
    prompt says "for each source you marked above", but a source added to q1 after q2 was first shown never
    reached q2 (copied once); now each show() adds the marks made in q1 since, and leaves alone what the student
    removed in q2 (its file records what it took in) and what they removed in q1."""
    pytest.importorskip("anywidget")
    from medialit.exercises.grading import show

    monkeypatch.chdir(tmp_path)
    q1 = [{"start": m["start"], "end": m["end"], "label": m["label"]} for m in key("ex01-q1")["marks"]]
    sidecar(tmp_path, "ex01-q1", q1[:2])  # two marks first
    first = grade_data("ex01-q1", None, key("ex01-q1"), tmp_path)
    q2 = show("ex01-q2")
    assert len(q2.spans) == 2 and "started from" in q2.status and (tmp_path / item("ex01-q2").sidecar).exists()
    again = grade_data("ex01-q2", None, key("ex01-q2"), tmp_path)
    assert again.points == 0 and "no speaker is named in your highlights" in again.error  # q1's marks earn nothing
    assert grade_data("ex01-q1", None, key("ex01-q1"), tmp_path).points == first.points

    q2.remove_span(q2.spans[0])  # the student drops one copied mark in q2
    sidecar(tmp_path, "ex01-q1", q1[1:])  # and later marks the rest in q1, dropping its first mark there
    later = show("ex01-q2")  # the cell run again
    as_marks = lambda spans: sorted((m["start"], m["end"], m["label"]) for m in spans)  # noqa: E731
    assert as_marks(later.spans) == as_marks(q1[1:]), later.status  # the new ones came; the dropped one did not
    assert f"added {len(q1) - 2} new marks from ex01-q1" in later.status, later.status
    assert as_marks(show("ex01-q2").spans) == as_marks(q1[1:])  # shown once more: nothing changes


# ---------------------------------------------------------------- the answer cell as `medialit course grade` reads it

OPINION = "('The project is a bold step towards a greener future.', 'opinion')"


def read_cell(code: str):
    """What the grader reads from an ex05-q1 answer cell holding ``code`` (``grade_data.answer_literal``)."""
    import nbformat

    from medialit.instructor.grade_data import Check, answer_literal

    nb = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell(code)])
    nb.cells[0].metadata["nbgrader"] = {"grade_id": "ex05-q1-answer"}
    return answer_literal(nb, Check("ex05-transfer", "ex05-q1-test", "ex05-q1", "answer_q1", {}))


@pytest.mark.parametrize(
    ("code", "says"),
    [
        (f"answer_q1 = []\nanswer_q1.append({OPINION})", "'answer_q1.append(...)'"),
        (f"answer_q1 = []\nanswer_q1 += [{OPINION}]", "'answer_q1 +='"),
        (f"answer_q1 = None\nif True:\n    answer_q1 = [{OPINION}]", "inside an if, for, try or with block"),
        (f"answer_q1 = None\nfor mark in [{OPINION}]:\n    answer_q1 = [mark]", "inside an if, for, try or with block"),
        (f"answer_q1 = [{OPINION}, ('Sandvik', 'opinion')]\ndel answer_q1[1]", "'answer_q1[...]' set or deleted"),
    ],
)
def test_an_answer_changed_by_code_is_named_in_one_line_not_lost(code, says):
    """Attack 15: the grader read `[]` (append, +=) or None (an if or for block: "no saved highlights") without a
    word, while the student's kernel and the visible check saw their marks ("format OK, 1 mark read")."""
    with pytest.raises(AnswerError, match="changed by code") as raised:
        read_cell(code)
    assert says in str(raised.value) and "\n" not in str(raised.value)


@pytest.mark.parametrize(
    "code",
    [
        f"answer_q1 = None  # None: use your saved highlights\n# YOUR ANSWER HERE\nanswer_q1 = [{OPINION}]",
        f"while True:\n    pass\nanswer_q1 = [{OPINION}]",  # code around the list never runs
        f"answer_q1: list = [{OPINION}]\nprint(answer_q1, answer_q1.count(1))",
    ],
)
def test_a_written_list_with_code_that_leaves_it_alone_is_read(code):
    assert read_cell(code) == [ast.literal_eval(OPINION)]


@pytest.mark.parametrize(
    ("code", "says"),
    [
        (
            f"answer_q1 = [{OPINION}]\ndef add(x):\n    x.append(('Sandvik', 'opinion'))\nadd(answer_q1)",
            "'add(answer_q1)'",
        ),
        (f"answer_q1 = [{OPINION}]\nmarks = answer_q1\nmarks.append(('Sandvik', 'opinion'))", "given to another name"),
        (f"answer_q1 = [{OPINION}]\nlist.append(answer_q1, ('Sandvik', 'opinion'))", "'append(answer_q1)'"),
        (f"answer_q1 = [{OPINION}]\nanswer_q1.__iadd__([('Sandvik', 'opinion')])", "'answer_q1.__iadd__(...)'"),
        (f"answer_q1 = [{OPINION}]\nglobals()['answer_q1'] = []", "'globals(...)'"),
        (f"answer_q1 = [{OPINION}]\nexec('answer_q1 = []')", "'exec(...)'"),
    ],
)
def test_an_answer_changed_through_another_name_or_by_its_name_as_a_string_is_named(code, says):
    """verify15b: a function given the list, another name for it, a dunder method or exec/globals changed the
    student's list in the kernel while the grader read the written one without a word."""
    with pytest.raises(AnswerError, match="changed by code") as raised:
        read_cell(code)
    assert says in str(raised.value) and "\n" not in str(raised.value)


@pytest.mark.parametrize(
    ("after", "says"),
    [
        ("import __main__\n__main__.answer_q1.append(('Sandvik', 'opinion'))", "'__main__' imported"),
        ("import sys\nsys.modules['__main__'].answer_q1 = []", "'.modules'"),
        ("import sys\nsys.modules['__main__'].__dict__['answer_q1'] = []", "'.__dict__'"),
        ("from IPython import get_ipython as shell\nshell().user_ns['answer_q1'] = []", "'get_ipython' imported"),
        ("ns = getattr(__import__('__main__'), '__dict__')\nns['answer_q1'] = []", "'__import__'"),
        ("notebook = __builtins__\nnotebook.globals()['answer_q1'].clear()", "'__builtins__'"),
        ("shell = get_ipython\nmine = shell().user_ns\nmine.update(answer_q1=[])", "'.user_ns'"),
        ("import __main__ as here\nhere.answer_q1.clear()", "'__main__' imported"),
    ],
)
def test_an_answer_changed_through_the_notebook_s_namespace_is_named(after, says):
    """attack25: the list reached as a module's or a mapping's member (``__main__``, ``sys.modules``, IPython's
    ``user_ns``, ``globals`` fetched from ``__builtins__``) changed the kernel's list, which the visible check and a
    plain autograde saw, while `course grade` read the written one without a word; `globals()` itself was named."""
    with pytest.raises(AnswerError, match="changed by code") as raised:
        read_notebook_cells([], f"answer_q1 = [{OPINION}]", [after])
    assert says in str(raised.value) and "\n" not in str(raised.value)


@pytest.mark.parametrize(
    "scratch",
    [
        "import sys\nprint(sys.modules['os'].__name__)",  # no answer named: it reaches none
        "class Note:\n    pass\nprint(Note().__dict__)",
        "if __name__ == '__main__':\n    print(len(answer_q1))",  # '__main__' as a text only
        "import builtins\nprint(builtins.len([1]))",
    ],
)
def test_a_scratch_cell_near_the_namespace_that_never_reaches_the_answer_leaves_it_readable(scratch):
    assert read_notebook_cells([], f"answer_q1 = [{OPINION}]", [scratch]) == [ast.literal_eval(OPINION)]


def test_code_that_only_looks_at_the_answer_leaves_it_readable():
    looks = "import pprint\npprint.pprint(answer_q1)\nprint(f'{len(answer_q1)} marks')\ndisplay(answer_q1)\n"
    looks += "for mark in answer_q1:\n    print(mark)\nanswer_q1 == []\nsorted(answer_q1)[0]\nanswer_q1.count(1)\n"
    assert read_cell(f"# my answer\nanswer_q1: list = [\n    {OPINION},  # the last line\n]\n{looks}") == [
        ast.literal_eval(OPINION)
    ]


def read_notebook_cells(before: list[str], answer: str, after: list[str]):
    """What the grader reads from ex05-q1's answer cell with other code cells around it."""
    import nbformat

    from medialit.instructor.grade_data import Check, answer_literal

    cells = [nbformat.v4.new_code_cell(code) for code in [*before, answer, *after]]
    cells[len(before)].metadata["nbgrader"] = {"grade_id": "ex05-q1-answer"}
    nb = nbformat.v4.new_notebook(cells=cells)
    return answer_literal(nb, Check("ex05-transfer", "ex05-q1-test", "ex05-q1", "answer_q1", {}))


@pytest.mark.parametrize(
    ("before", "answer", "after", "says"),
    [
        ([], "answer_q1 = []", [f"answer_q1.append({OPINION})"], "'answer_q1.append(...)', in a cell after"),
        ([], "answer_q1 = None", [f"answer_q1 = [{OPINION}]"], "'answer_q1 =' written again, in a cell after"),
        (["def add(m):\n    answer_q1.append(m)"], f"answer_q1 = []\nadd({OPINION})", [], "in a cell before"),
    ],
)
def test_an_answer_changed_in_another_cell_is_named(before, answer, after, says):
    """verify15b: a mark appended (or the list written again) in a new cell below the answer cell reached the
    kernel and the visible check, while the grader read the answer cell alone: the mark was lost without a word."""
    with pytest.raises(AnswerError, match="changed by code") as raised:
        read_notebook_cells(before, answer, after)
    assert says in str(raised.value) and "in its answer cell" in str(raised.value)


def copies_of_the_answer_cell(*sources: str):
    """What the grader reads from ex05-q1 in cells of ``sources``: ``TEST`` is the item's test cell, every other
    source a copy of the answer cell (a cell copied in JupyterLab keeps its grade id)."""
    import nbformat

    from medialit.instructor.grade_data import Check, answer_literal

    cells = [nbformat.v4.new_code_cell(code) for code in sources]
    for c in cells:
        test = c.source == "TEST"
        c.metadata["nbgrader"] = {"grade_id": "ex05-q1-test" if test else "ex05-q1-answer", "solution": not test}
        c.metadata["nbgrader"] |= {"grade": True, "locked": True, "points": 2} if test else {}
    nb = nbformat.v4.new_notebook(cells=cells)
    return answer_literal(nb, Check("ex05-transfer", "ex05-q1-test", "ex05-q1", "answer_q1", {}))


def test_a_copy_of_the_answer_cell_below_its_test_is_named_and_the_answer_the_test_saw_is_graded():
    """attack20: the answer cell copied to the end of the notebook (Ctrl+C, a click below, Ctrl+V) holding the
    released `answer_q1 = None` was graded in place of the list above it, which the visible check and the hidden
    test had seen run in order: 0 points, "no saved highlights ... and no answer in the cell", about a cell that
    had an answer. attack22: then it scored 0 as a cell writing the answer again, and so did a changed copy, where
    nbgrader grades (and Validate checks) the list the test saw. That list is read; the copy below is named."""
    import nbformat

    from medialit.instructor.grade_data import Check, below_the_test

    answer = f"answer_q1 = [{OPINION}]"
    for below in ("answer_q1 = None  # None: use your saved highlights", "answer_q1 = []", "answer_q1.clear()"):
        assert copies_of_the_answer_cell(answer, "TEST", below) == [ast.literal_eval(OPINION)]
    assert copies_of_the_answer_cell(answer, "TEST", answer) == [ast.literal_eval(OPINION)]  # the same list again
    cells = [nbformat.v4.new_code_cell(code) for code in (answer, "TEST", "answer_q1 = []", answer)]
    for c, grade_id in zip(cells, ["ex05-q1-answer", "ex05-q1-test", None, "ex05-q1-answer"], strict=True):
        c.metadata["nbgrader"] = {"grade_id": grade_id} if grade_id else {}
    check = Check("ex05-transfer", "ex05-q1-test", "ex05-q1", "answer_q1", {})
    assert below_the_test(nbformat.v4.new_notebook(cells=cells), check) == "'answer_q1 =' written again"
    assert below_the_test(nbformat.v4.new_notebook(cells=cells[:2] + cells[3:]), check) == ""  # the same list again
    with pytest.raises(AnswerError, match="written again, in a cell after the answer cell"):  # no test below: it ran
        read_notebook_cells([], answer, ["answer_q1 = []"])


def test_copies_of_the_answer_cell_above_its_test_or_with_no_test_grade_the_last():
    """A draft copy above the answer (the `copied-cells` student), or answer cells moved below the test: the last."""
    answer = f"answer_q1 = [{OPINION}]"
    assert copies_of_the_answer_cell("answer_q1 = []", answer, "TEST") == [ast.literal_eval(OPINION)]
    assert copies_of_the_answer_cell("TEST", "answer_q1 = []", answer) == [ast.literal_eval(OPINION)]
    assert copies_of_the_answer_cell("answer_q1 = []", answer) == [ast.literal_eval(OPINION)]


@pytest.mark.parametrize(
    ("metadata", "says"),
    [
        ({"nbgrader": "x"}, "cell 2's nbgrader metadata is not a mapping"),
        ({"nbgrader": [1]}, "cell 2's nbgrader metadata is not a mapping"),
        ({"nbgrader": None}, "cell 2's nbgrader metadata is not a mapping"),
        ({"nbgrader": {"grade_id": 5, "solution": True}}, "cell 2's nbgrader grade id is not text"),
    ],
)
def test_a_cell_no_jupyterlab_writes_fails_the_notebook_in_one_line_that_says_which(tmp_path, metadata, says):
    """attack20: a cell whose nbgrader metadata is not a mapping (a notebook edited by hand) failed the submission
    with "AttributeError: 'list' object has no attribute 'get'", a grade id that is a number with nbgrader's
    "nbgrader update ."; the notebook is one that cannot be graded, and the line says which cell and why."""
    import nbformat

    from medialit.instructor.grade_data import Check, grade_item, read_notebook

    saved = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell("x = 1"), nbformat.v4.new_code_cell("y = 2")])
    saved = json.loads(nbformat.writes(saved))
    saved["cells"][1]["metadata"] = metadata
    path = tmp_path / "ex05-transfer.ipynb"
    path.write_text(json.dumps(saved), encoding="utf-8")
    nb, why = read_notebook(path)
    assert nb is None and says in why and "not as JupyterLab saves it" in why and "\n" not in why
    grade = grade_item(Check("ex05-transfer", "ex05-q1-test", "ex05-q1", "answer_q1", {}), nb, tmp_path, why)
    assert grade.points == 0 and says in grade.reason


@pytest.mark.parametrize(
    "scratch",
    ["print(eval('2 + 2'))", "exec('import math\\nprint(math.pi)')", "code = compile('1 + 1', 'scratch', 'eval')"],
)
def test_code_run_from_written_text_that_never_names_the_answer_leaves_it_readable(scratch):
    """attack19: a scratch cell below the answers that ran `eval('2 + 2')` scored every item above it 0 ("changed by
    code ('eval(...)')"), said only in the feedback: the visible check cannot see other cells. Written text that
    names no answer cannot reach one; text that names it, or text built by code, still can (tests above)."""
    assert read_notebook_cells([], f"answer_q1 = [{OPINION}]", [scratch]) == [ast.literal_eval(OPINION)]
    for reaches in ("exec('answer_q1.clear()')", "eval(''.join(['answer', '_q1']))", "exec('globals()')"):
        with pytest.raises(AnswerError, match="changed by code"):
            read_notebook_cells([], f"answer_q1 = [{OPINION}]", [reaches])


def test_other_cells_that_only_look_or_come_before_leave_the_answer_readable():
    scratch = f"answer_q1 = []\nanswer_q1.append({OPINION})"  # a draft above: the answer cell replaced it
    after = ['check("ex05-q1", answer_q1)', "print(answer_q1)\nanswer_q10 = []", "%matplotlib inline"]
    assert read_notebook_cells([scratch], f"answer_q1 = [{OPINION}]", after) == [ast.literal_eval(OPINION)]


def test_an_instructors_locked_cell_that_hands_the_answer_to_a_helper_refuses_nobody():
    """A test cell of the instructor's own below the answer cell (`assert my_rule(answer_q1)`) is no student's code."""
    import nbformat

    from medialit.instructor.grade_data import Check, answer_literal

    answer, test = (
        nbformat.v4.new_code_cell(f"answer_q1 = [{OPINION}]"),
        nbformat.v4.new_code_cell("my_rule(answer_q1)"),
    )
    answer.metadata["nbgrader"] = {"grade_id": "ex05-q1-answer"}
    test.metadata["nbgrader"] = {"grade_id": "own-test", "grade": True, "locked": True, "points": 1}
    nb = nbformat.v4.new_notebook(cells=[answer, test])
    assert answer_literal(nb, Check("ex05-transfer", "ex05-q1-test", "ex05-q1", "answer_q1", {})) == [
        ast.literal_eval(OPINION)
    ]


def test_only_a_question_that_asks_for_links_offers_linking(tmp_path, monkeypatch):
    """Student walk 15: ex05-q4 (sources and cues, no links asked) showed a Link button; links there count for
    nothing, so a student who linked would have worked for nothing."""
    pytest.importorskip("anywidget")
    from medialit.exercises.grading import show

    monkeypatch.chdir(tmp_path)
    assert show("ex01-q2").linking is True  # who speaks: a source linked to its cue
    assert show("ex05-q4").linking is False
    assert show("ex01-q1").linking is False


def test_a_one_point_item_says_point_in_the_singular():
    """ex03-q4 is worth 1 point: its feedback's head says '0 of 1 point', not '0 of 1 points'."""
    assert item("ex03-q4").points == 1
    assert grade_data("ex03-q4", [], key("ex03-q4")).feedback[0].startswith("ex03-q4: 0 of 1 point; ")


def test_a_list_typed_over_saved_highlights_says_the_highlights_are_not_used(tmp_path, capsys):
    """A student who marked in the highlighter and also typed a list: the list is graded, and the check says the
    saved marks are left out (and how to use them), instead of 'format OK' alone."""
    body = item("ex01-q1").load().body
    at = body.index("Støre", item("ex01-q1").bounds()[0])
    sidecar(tmp_path, "ex01-q1", [{"start": at, "end": at + 5, "label": "source"}] * 1)
    check("ex01-q1", [("Støre", "source"), ("said", "cue")], tmp_path)
    out = capsys.readouterr().out.splitlines()
    assert out == [
        "Note: your list is used; the 1 mark saved in ex01-q1.highlights.json is not "
        "(to use your highlights, set the answer back to None)",
        "ex01-q1: format OK, 2 marks read",
    ], out
    check("ex01-q1", None, tmp_path)  # the highlights themselves: no such note
    assert capsys.readouterr().out.splitlines() == ["ex01-q1: format OK, 1 mark read"]
    check("ex01-q3", [("the ministry", "named")], tmp_path)  # nothing saved for this item: no note either
    assert not [line for line in capsys.readouterr().out.splitlines() if "is used" in line]


def test_an_empty_list_typed_over_saved_highlights_says_to_set_it_back_to_none(tmp_path):
    """review20: the check's note on a list typed over saved highlights (a207af9) came after the empty-answer error,
    so `answer_q1 = []` (a list begun, then the highlighter used) was told 'mark the text in the highlighter above',
    about a student whose marks were saved there: the empty list, not the highlights, is what is graded."""
    body = item("ex01-q1").load().body
    at = body.index("Støre", item("ex01-q1").bounds()[0])
    sidecar(tmp_path, "ex01-q1", [{"start": at, "end": at + 5, "label": "source"}])
    with pytest.raises(AnswerError) as raised:
        check("ex01-q1", [], tmp_path)
    assert str(raised.value) == (
        "ex01-q1: your list is empty, and a list is used instead of the 1 mark saved in ex01-q1.highlights.json: "
        "set the answer back to None to use your highlights, or fill in the list"
    )
    with pytest.raises(AnswerError, match="the answer is empty: mark the text in the highlighter above"):
        check("ex01-q3", [], tmp_path)  # nothing saved for this item: the usual line


# ---------------------------------------------------------------- keyread20: an extra is told why, in the rules' words


def test_an_extra_mark_is_told_what_its_label_asks_in_the_guidelines_words_without_the_key():
    """keyread20: the addressee of Støre's appeal (K1: a subject, not a source) and the non-response 'commented'
    (rule 3, K4: no content, no cue), marked in ex01-q1, cost their share and were told only 'not in the key'. Each
    line now says what the label asks in the guidelines' words, the same for every mark of that label, so it
    gives nothing of the key away."""
    from medialit.exercises.judge import LABEL_ASKS

    wrong = grade_data("ex01-q1", [("the president of Russia", "source"), ("commented", "cue")], key("ex01-q1"))
    lines = wrong.feedback
    assert f"not in the key: ‘the president of Russia’ (source): {LABEL_ASKS['source']}" in lines, lines
    assert f"not in the key: ‘commented’ (cue): {LABEL_ASKS['cue']}" in lines, lines
    assert "an actor, who only does something in the story" in LABEL_ASKS["source"]
    assert "did not comment carries no content and no cue (K4)" in LABEL_ASKS["cue"]
    speakers = grade_data(
        "ex01-q2",
        [("Støre", "Jonas Gahr Støre", "said", 1), ("the president of Russia", "Vladimir Putin", "", 1)],
        key("ex01-q2"),
    )
    (line,) = [line for line in speakers.feedback if line.startswith("‘the president of Russia’")]
    assert line.endswith("not a source here: who, according to the text, said, wrote, stated, believes or was asked "
                         "this? An actor, who only does something in the story, and a subject, what a claim is about, "
                         "are not sources (K1)"), line  # fmt: skip


def test_an_extra_sentence_is_told_the_editor_test():
    """keyread20: a background sentence (a public, uncontested event the report may state, base rules: other)
    marked unsupported in ex02-q1 beside a right one was told only 'not one of the unsupported sentences in the
    key'; it is now asked the guidelines' editor test, the same line for any extra sentence."""
    background = "On Wednesday, Ukrainian President Volodymyr Zelenskyj also spoke at Storting."
    answer = [("The historic speech was met with a standing ovation.", "evaluation"), (background, "no_source")]
    result = grade_data("ex02-q1", answer, key("ex02-q1"))
    (line,) = [line for line in result.feedback if "not one of the unsupported sentences in the key" in line]
    assert line.startswith("‘On Wednesday, Ukrainian President Volodymyr Zelenskyj"), line
    assert line.endswith("would a careful editor demand who says so, or how we know? A claim credited to a named "
                         "source, a document, or an anonymous source the text explains (K7) is attributed (K8), and "
                         "public, uncontested background a report "
                         "may state in its own voice is other"), line  # fmt: skip


def test_the_grader_and_the_kernel_refuse_an_oversized_answer_at_the_same_size_in_the_same_words():
    """instr20: the grader read up to 500 entries before saying 'at most 500', the kernel's reader refused more than
    300 (MAX_MARKS) with another line; one limit, one line, whichever reads the answer first."""
    from medialit.exercises.answer import MAX_MARKS

    too_many = "answer_q1 = [" + ", ".join([OPINION] * (MAX_MARKS + 100)) + "]"
    with pytest.raises(AnswerError) as raised:
        read_cell(too_many)
    assert (
        str(raised.value) == f"answer_q1 has {MAX_MARKS + 100} entries, more than {MAX_MARKS}: keep only your own marks"
    )
    assert len(read_cell("answer_q1 = [" + ", ".join([OPINION] * MAX_MARKS) + "]")) == MAX_MARKS


def test_an_answer_written_in_another_item_s_answer_cell_is_named_where_it_is(tmp_path):
    """Walk 20: answer_q2's list written in ex01-q1's answer cell scored ex01-q2 0 with "no saved highlights ... and
    no answer in the cell", about a list the student had written. It is still not graded from the wrong cell; the
    line says where the list is and what to do."""
    import nbformat

    from medialit.instructor.grade_data import Check, grade_item

    nb = nbformat.read(REPO / "exercises" / "ex01-attribution" / "ex01-attribution.ipynb", as_version=4)
    cells = {c.metadata.get("nbgrader", {}).get("grade_id"): c for c in nb.cells}
    listed = '[("Støre", "Jonas Gahr Støre", "said")]'
    cells["ex01-q1-answer"].source = f"answer_q1 = None\nanswer_q2 = {listed}"
    q2 = Check("ex01-attribution", "ex01-q2-test", "ex01-q2", "answer_q2", key("ex01-q2"))
    grade = grade_item(q2, nb, tmp_path)
    assert grade.points == 0 and "\n" not in grade.reason, grade.reason
    assert "no answer in the cell" not in grade.reason, grade.reason
    assert "answer_q2 is written in the answer cell of ex01-q1, not in ex01-q2's" in grade.reason, grade.reason
    assert "move the list into ex01-q2's answer cell" in grade.reason, grade.reason
    cells["ex01-q2-answer"].source = f"answer_q2 = {listed}"  # in its own cell: graded
    assert grade_item(q2, nb, tmp_path).points > 0
    cells["ex01-q2-answer"].source = "answer_q2 = None"  # saved highlights are the answer: graded from them
    body = item("ex01-q2").load().body
    at = body.index("Støre", item("ex01-q2").bounds()[0])
    sidecar(tmp_path, "ex01-q2", [{"start": at, "end": at + 5, "label": "source"}])
    assert "is written in the answer cell" not in " ".join(grade_item(q2, nb, tmp_path).feedback)


def test_highlights_saved_for_an_answer_cell_the_student_deleted_are_graded(tmp_path):
    """attack21: a student who ran ex01-q1's answer cell (``answer_q1 = None``: use my highlights), then deleted it,
    saw the check pass on the marks saved and scored 0 for them ("the answer cell was deleted"). The saved marks are
    graded, the feedback says why; with no highlights, or another cell writing answer_q1, it stays 0 as before."""
    import nbformat

    from medialit.instructor.grade_data import Check, grade_item

    nb = nbformat.read(REPO / "exercises" / "ex01-attribution" / "ex01-attribution.ipynb", as_version=4)
    nb.cells = [c for c in nb.cells if c.metadata.get("nbgrader", {}).get("grade_id") != "ex01-q1-answer"]
    q1 = Check("ex01-attribution", "ex01-q1-test", "ex01-q1", "answer_q1", key("ex01-q1"))
    assert grade_item(q1, nb, tmp_path).reason == "the answer cell was deleted"  # nothing saved: nothing to grade
    sidecar(tmp_path, "ex01-q1", [{k: m[k] for k in ("start", "end", "label")} for m in key("ex01-q1")["marks"]])
    graded = grade_item(q1, nb, tmp_path)
    assert not graded.reason and graded.points == graded.max_points, graded
    assert graded.feedback[0] == (
        "ex01-q1: its answer cell was deleted, so your saved highlights (ex01-q1.highlights.json) were graded"
    )
    nb.cells.append(nbformat.v4.new_code_cell("answer_q1 = [('Støre', 'source')]"))  # which answer is meant: unknown
    assert grade_item(q1, nb, tmp_path).reason == "the answer cell was deleted"


def test_an_answer_in_another_notebook_of_the_hand_in_is_named_never_graded(tmp_path):
    """attack21: erin worked in JupyterLab's duplicate, ex01-attribution-Copy1.ipynb, and handed it in beside the
    untouched ex01-attribution.ipynb: 0 on every item, "no saved highlights ... and no answer in the cell", and
    nobody told where her answers were. The copy is still not graded; the line names it and says what to do."""
    import nbformat

    from medialit.instructor.grade_data import Check, grade_item

    released = REPO / "exercises" / "ex01-attribution" / "ex01-attribution.ipynb"
    nb = nbformat.read(released, as_version=4)
    nbformat.write(nb, tmp_path / "ex01-attribution.ipynb")
    copy = nbformat.read(released, as_version=4)
    for c in copy.cells:
        if c.metadata.get("nbgrader", {}).get("grade_id") == "ex01-q1-answer":
            c.source = "answer_q1 = [('Støre', 'source')]"
    nbformat.write(copy, tmp_path / "ex01-attribution-Copy1.ipynb")
    q1 = Check("ex01-attribution", "ex01-q1-test", "ex01-q1", "answer_q1", key("ex01-q1"))
    graded = grade_item(q1, nb, tmp_path)
    assert graded.points == 0 and graded.reason == (
        "ex01-q1 is answered in ex01-attribution-Copy1.ipynb, not in ex01-attribution.ipynb, the notebook graded: "
        "copy the list into ex01-q1's answer cell there"
    ), graded.reason
    q2 = Check("ex01-attribution", "ex01-q2-test", "ex01-q2", "answer_q2", key("ex01-q2"))
    assert grade_item(q2, nb, tmp_path).reason.startswith("no saved highlights")  # not answered anywhere: as before
