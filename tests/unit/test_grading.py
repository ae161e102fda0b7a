"""Exercise items: answers from literals or the highlighter's sidecar are read and scored the same way."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from medialit.grading import AnswerError, check, grade, item, key_spans, load_answer, score_item

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
    assert len(BUILT_IN) == 6
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
        ([("Støre", "source")], 0.55),  # 1 of 10: F1 = 2/11 of 3 points
        ([("Støre", "cue")], 0.0),  # right words, wrong label
        ([("Aftenposten", "source")], 0.0),  # not an attribution here
    ],
)
def test_partial_credit_is_f1_of_the_matching(answer, points):
    spans, _ = load_answer("ex01-q1", answer)
    assert score_item("ex01-q1", spans, key_spans(key("ex01-q1"))).points == pytest.approx(points)


def test_the_full_key_scores_full_points_for_every_item():
    for it in map(item, BUILT_IN):
        k = key_spans(key(it.id))
        labelled = [type(s)(s.start, s.end, s.label.split("/")[0]) for s in k]
        assert score_item(it.id, labelled, k).points == it.points, it.id


def test_sentences_earn_half_for_finding_and_half_for_the_reason():
    k = key_spans(key("ex02-q1"))
    spans, _ = load_answer("ex02-q1", [("The historic speech", "hedge")])
    # found 1 of 3 (F1 0.5 of 1.5 points) and no reason right
    assert score_item("ex02-q1", spans, k).points == pytest.approx(0.75)


def test_framing_words_match_by_lemma_or_accepted_alternative():
    k = key_spans(key("ex03-q1"))
    spans, notes = load_answer("ex03-q1", ["skirmishes", "wage", "raided"])
    assert any("base form" in n for n in notes)
    assert score_item("ex03-q1", spans, k).points == pytest.approx(2.0)  # 3 of 6, nothing extra: F1 2/3


def test_speakers_match_by_any_name_word():
    k = key_spans(key("ex01-q2"))
    spans, _ = load_answer("ex01-q2", {"The Prime Minister": "Støre"})
    assert score_item("ex01-q2", spans, k).points == pytest.approx(0.67)  # 1 of 5: F1 1/3 of 2 points


@pytest.mark.parametrize(
    ("answer", "message"),
    [
        ("Støre said", "must be a list"),
        (42, "must be a list"),
        ([("Støre",)], "is not an answer entry"),
        ([("Støre", "source", 0)], "third value must be"),
        ([("Støre", "speaker")], "label 'speaker' is not one of source, cue"),
        ([], "the answer is empty"),
    ],
)
def test_the_visible_check_explains_format_mistakes(answer, message):
    with pytest.raises(AnswerError, match=message):
        check("ex01-q1", answer)


def test_words_not_in_the_part_are_pointed_out(capsys):
    check("ex01-q1", [("Putin", "source")])
    assert "is not in the part" in capsys.readouterr().out


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


def test_a_sidecar_for_another_text_is_refused(tmp_path):
    sidecar(tmp_path, "ex01-q1", [{"start": 0, "end": 3, "label": "source"}], sha="0" * 64)
    with pytest.raises(AnswerError, match="saved for a different article text"):
        load_answer("ex01-q1", None, tmp_path)


def test_grade_never_raises_and_prints_feedback_without_the_key(tmp_path, capsys):
    result = grade("ex01-q1", None, key("ex01-q1"), folder=tmp_path)
    assert result.points == 0.0 and type(result.points) is float
    out = capsys.readouterr().out
    assert "no saved highlights" in out
    result = grade("ex01-q1", [("Støre", "source"), ("Aftenposten", "source")], key("ex01-q1"))
    out = capsys.readouterr().out
    assert "not in the key: ‘Aftenposten’" in out and "still to find" in out
    assert "pointed out" not in out  # missed key items are counted, never quoted


def test_a_sidecar_the_highlighter_set_aside_is_reported_as_damaged(tmp_path):
    (tmp_path / f"{item('ex01-q1').sidecar}.bak-20261127T080000Z").write_text("{broken", encoding="utf-8")
    with pytest.raises(AnswerError, match="is damaged and was kept as"):
        load_answer("ex01-q1", None, tmp_path)
