"""The Key model: course keys are valid v2 keys; a bad key is one line naming file and field; v1 keys migrate."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest

from medialit.core.spans import Span
from medialit.exercises.items import ITEMS
from medialit.exercises.key import Key, KeyFormatError, KeyMark, schema

REPO = Path(__file__).resolve().parents[2]
KEY_FILES = sorted((REPO / "course" / "keys").glob("*.json"))


@pytest.mark.parametrize("path", KEY_FILES, ids=lambda p: p.stem)
def test_every_course_key_is_a_valid_v2_key_that_fits_its_article(path):
    data = json.loads(path.read_text(encoding="utf-8"))
    jsonschema.validate(data, schema())
    key = Key.load(path)
    assert key.item == path.stem and key.to_dict() == data  # nothing lost or added on a round trip
    assert key.problems(ITEMS[key.item].load().body) == []
    assert all(m.rationale for m in key.marks), "every mark says why"


def test_the_schema_ships_in_the_package():
    assert schema()["properties"]["format"] == {"const": "medialit-key"}


@pytest.mark.parametrize(
    ("change", "says"),
    [
        (lambda d: d.pop("marks"), "the key: 'marks' is a required property"),
        (lambda d: d["marks"][2].update(label="Jonas Gahr Støre"), "marks[2].label: 'Jonas Gahr Støre' does not match"),
        (lambda d: d["marks"][0].update(start="1601"), "marks[0].start: '1601' is not of type 'integer'"),
        (lambda d: d["marks"][0].update(reasons=["x"]), "marks[0]: Additional properties are not allowed"),
        (lambda d: d["marks"][1].update(optional="yes"), "marks[1].optional: 'yes' is not of type 'boolean'"),
        (lambda d: d["marks"][0].update(end=1500), "marks[0]: start must be before end"),
        (lambda d: d.update(version=1), "version: 2 was expected"),
    ],
)
def test_a_bad_key_file_is_one_line_naming_the_file_and_the_field(tmp_path, change, says):
    data = json.loads((REPO / "course" / "keys" / "ex01-q1.json").read_text(encoding="utf-8"))
    change(data)
    path = tmp_path / "ex01-q1.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    with pytest.raises(KeyFormatError) as caught:
        Key.load(path)
    message = str(caught.value)
    assert message.startswith(str(path)) and says in message and "\n" not in message, message


def test_a_drifted_text_or_another_article_is_caught():
    key = Key.load(REPO / "course" / "keys" / "ex01-q1.json")
    body = ITEMS["ex01-q1"].load().body
    moved = Key(key.item, key.article, "", (KeyMark(Span(1600, 1601, "source"), "I"),))
    assert moved.problems(body) == ["marks[0].text: 'I' is not the text at its offsets"]
    with pytest.raises(KeyFormatError, match="made for another version"):
        key.checked(body.replace("Støre", "Stoere"))


def test_version_1_literals_and_files_migrate():
    rows = [
        [2556, 2652, "vague_source/hedge"],
        [1125, 1133, "loaded", ["skirmishes"]],
        [1601, 1602, "Jonas Gahr Støre"],
    ]
    key = Key.from_dict(rows, item="ex02-q1", article="stoere-putin-call")
    sentence, word, speaker = key.marks
    assert sentence.label == "vague_source" and sentence.accept == (Span(2556, 2652, "hedge"),)
    assert word.words == ("skirmishes",) and not word.speaker
    assert speaker.label == "source" and speaker.speaker == "Jonas Gahr Støre"
    assert Key.from_dict([[1, 2, "officials"]], speakers=True).marks[0].speaker == "officials"
    v1_file = {"item": "ex03-q1", "article": "a", "body_sha256": "", "key": [
        {"start": 1125, "end": 1133, "label": "loaded", "text": "skirmish", "accepted": ["skirmishes"]}]}  # fmt: skip
    assert Key.from_dict(v1_file).marks[0] == KeyMark(Span(1125, 1133, "loaded"), "skirmish", words=("skirmishes",))
    with pytest.raises(KeyFormatError, match="row 0 is not"):
        Key.from_dict([["a", 2, "source"]])


def test_speaker_marks_carry_their_cue_and_keys_without_it_still_load():
    data = json.loads((REPO / "course" / "keys" / "ex01-q2.json").read_text(encoding="utf-8"))
    body = ITEMS["ex01-q2"].load().body
    key = Key.from_dict(data)
    he = next(m for m in key.marks if m.text == "He")
    assert he.cue == Span(1733, 1738, "cue") and he.cue.text(body) == "added"  # the cue of q1's key
    assert all(m.cue is None for m in key.marks if m.speaker == "the Russian embassy")  # no cue (rule 3)
    old = json.loads(json.dumps(data))
    for mark in old["marks"]:
        mark.pop("cue", None)
    assert all(m.cue is None for m in Key.from_dict(old).marks) and Key.from_dict(old).problems(body) == []
    data["marks"][1]["cue"] = {"start": 1718}
    with pytest.raises(KeyFormatError, match=r"marks\[1\]\.cue: 'end' is a required property"):
        Key.from_dict(data)
    data["marks"][1]["cue"] = {"start": 1718, "end": 10**6}
    assert Key.from_dict(data).problems(body) == ["marks[1]: [1718, 1000000) is outside the text"]


def test_a_speakers_other_names_load_round_trip_and_need_a_speaker():
    data = json.loads((REPO / "course" / "keys" / "ex01-q2.json").read_text(encoding="utf-8"))
    embassy = next(m for m in Key.from_dict(data).marks if m.text == "the Russian embassy")
    assert "the Embassy of the Russian Federation in Norway" in embassy.aliases
    assert Key.from_dict(Key.from_dict(data).to_dict()) == Key.from_dict(data)
    i = next(i for i, m in enumerate(data["marks"]) if m.get("aliases"))
    for bad, says in (
        ([], r"marks\[\d\]\.aliases: \[\] should be non-empty"),
        (["x", "x"], r"marks\[\d\]\.aliases: .*non-unique"),
        ([""], r"marks\[\d\]\.aliases\[0\]"),
    ):
        changed = json.loads(json.dumps(data))
        changed["marks"][i]["aliases"] = bad
        with pytest.raises(KeyFormatError, match=says):
            Key.from_dict(changed)
    del data["marks"][i]["speaker"]
    with pytest.raises(KeyFormatError, match="'speaker' is a dependency of 'aliases'"):
        Key.from_dict(data)


def test_drafted_marks_keep_their_review_fields_in_version_2():
    data = json.loads((REPO / "course" / "keys" / "ex01-q2.json").read_text(encoding="utf-8"))
    mark = data["marks"][0]
    mark |= {"status": "suggested", "rule": "said_verb", "kind": "indirect", "content": {"start": 1, "end": 9}}
    jsonschema.validate(data, schema())  # optional fields: still version 2
    key = Key.from_dict(data)
    first = key.marks[0]
    assert (first.status, first.rule, first.kind, first.content) == (
        "suggested",
        "said_verb",
        "indirect",
        Span(1, 9, "content"),
    )
    assert first.label == "source" and key.to_dict() == data  # the rule is its own field; the label stays a label
    for field, value, says in [("status", "maybe", "marks[0].status: 'maybe' is not one of"),
                               ("kind", "quoted", "marks[0].kind: 'quoted' is not one of")]:  # fmt: skip
        bad = json.loads(json.dumps(data))
        bad["marks"][0][field] = value
        with pytest.raises(KeyFormatError, match=says.replace("[", r"\[").replace("]", r"\]")):
            Key.from_dict(bad)


def test_a_gold_document_reads_as_a_key_over_its_article():
    gold = {
        "article": "a", "body_sha256": "",
        "attributions": [{"speaker": "Ann Lee", "source_text": "Ann", "source_start": 0, "source_end": 3, "cue": "said",
                          "cue_start": 4, "cue_end": 8, "kind": "direct", "status": "accepted", "rule": "quote"}],
        "sentences": [{"start": 0, "end": 20, "label": "attributed"},
                      {"start": 21, "end": 40, "label": "unsupported", "reasons": ["hedge: reportedly"]}],
        "framing": [{"start": 30, "end": 35, "label": "hedge", "text": "maybe", "reasons": ["hedge word"]}],
    }  # fmt: skip
    key = Key.from_dict(gold)
    source, sentence, word = key.marks
    assert key.item == "a" and (source.label, source.speaker, source.cue, source.kind) == (
        "source", "Ann Lee", Span(4, 8, "cue"), "direct")  # fmt: skip
    assert (source.status, source.rule) == ("accepted", "quote")
    assert (sentence.label, sentence.accept, sentence.rule) == ("hedge", (), "hedge: reportedly")
    assert (word.label, word.text, word.rule) == ("loaded", "maybe", "hedge word")
    jsonschema.validate(key.to_dict(), schema())


@pytest.mark.parametrize(
    "said",
    [
        "a prescription ('should') in the article's own voice",
        "a prediction ('will double') with no source",
        "a judging adverb ('sadly'): the writer's verdict, not a checkable fact",
    ],
)
def test_a_drafted_sentence_that_judges_prescribes_or_predicts_is_keyed_evaluation(said):
    """K14: a sentence in the paper's voice that says what should happen, or predicts as certain, is unsupported
    with reason evaluation. The draft keyed the analyzer's 'prescription' no_source (every reason accepted), so an
    instructor who accepted the draft's 'the council should have acted sooner' keyed it against K14 (instr22)."""
    from medialit.exercises.key import sentence_reasons

    assert sentence_reasons([said]) == ["evaluation"]


@pytest.mark.parametrize(
    "said",
    [
        "hedge 'reportedly': the claim's source is not given; a generalisation about a kind ('Parents are furious')",
        "the source hidden (K3): 'known' by whom?",
    ],
)
def test_a_drafted_hidden_source_is_keyed_vague_source_with_hedge_accepted(said):
    """K3 and K9: 'reportedly' and its kind are both a hedge and a hidden source, and keys accept both. The draft
    keyed 'Parents are reportedly furious' hedge alone, so a student's vague_source lost the reason half (instr22)."""
    from medialit.exercises.key import sentence_reasons

    assert sentence_reasons([said]) == ["vague_source", "hedge"]
