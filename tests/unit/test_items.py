"""Graded items as data: the kit's file and an instructor's are one format, read once, with one-line errors."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from medialit.core.article import bundled_ids
from medialit.exercises import items as items_module
from medialit.exercises.errors import AnswerError
from medialit.exercises.items import ITEMS, ITEMS_FILE, SCHEMA, Item, define_items, known_items, read_items

KIT_FILE = Path(__file__).resolve().parents[2] / "src" / "medialit" / "exercises" / ITEMS_FILE


@pytest.fixture(autouse=True)
def own_items(monkeypatch):
    """Items a test defines stay in that test."""
    monkeypatch.setattr(items_module, "_OWN_ITEMS", {})


def canonical(data: dict) -> str:
    """The kit file's layout: one item per line, sorted by id, so that two people adding items merge cleanly."""
    items = sorted(data["items"], key=lambda d: d["id"])
    lines = ",\n".join("  " + json.dumps(d, ensure_ascii=False) for d in items)
    return f'{{\n "format": "medialit-items",\n "version": 1,\n "items": [\n{lines}\n ]\n}}\n'


def test_the_kit_file_is_valid_sorted_and_one_item_per_line():
    text = KIT_FILE.read_text(encoding="utf-8")
    data = json.loads(text)
    assert SCHEMA.check(data) is None
    assert text == canonical(data), "keep medialit-items.json one item per line, sorted by id"


def test_kit_items_come_from_the_file_and_each_part_is_found_in_its_bundled_article():
    assert list(ITEMS) == sorted(ITEMS) and list(ITEMS) == [d["id"] for d in json.loads(KIT_FILE.read_text())["items"]]
    for it in ITEMS.values():
        assert it.article in bundled_ids(), it.id
        start, end = it.bounds()
        assert it.text().startswith(it.part[0]) and it.text().endswith(it.part[1]) and start < end
    assert ITEMS["ex01-q1"] == Item(
        "ex01-q1",
        "stoere-putin-call",
        ("– I appealed", "Russia’s rhetoric has changed."),
        "spans",
        ("source", "cue"),
        3,
    )
    with pytest.raises(TypeError):
        ITEMS["x"] = ITEMS["ex01-q1"]  # read only: an instructor's items are defined beside them


def test_an_instructors_items_file_reads_articles_beside_it_and_bundled_ones_by_id(tmp_path):
    (tmp_path / "mine.md").write_text("---\nid: mine\ntitle: Mine\n---\nAnna said it rained. The end.\n")
    items = [
        {"id": "mine-q1", "article": "mine.md", "part": ["Anna", "rained."], "kind": "spans", "labels": ["source"],
         "points": 2},
        {"id": "mine-q2", "article": "stoere-putin-call", "part": ["– I appealed", "has changed."], "kind": "speakers",
         "labels": [], "points": 1.5},
    ]  # fmt: skip
    (tmp_path / ITEMS_FILE).write_text(json.dumps({"items": items}), encoding="utf-8")
    first, second = define_items(tmp_path / ITEMS_FILE)
    assert first.article == str(tmp_path / "mine.md") and first.text() == "Anna said it rained."
    assert second.article == "stoere-putin-call" and second.points == 1.5
    assert known_items()["mine-q1"] == first and "mine-q1" not in ITEMS


@pytest.mark.parametrize(
    ("change", "says"),
    [
        (lambda items: items[0].pop("part"), "items[0]: 'part' is a required property"),
        (lambda items: items[0].update(part=["only one"]), "items[0].part: ['only one'] is too short"),
        (lambda items: items[0].update(labels=["Source"]), "items[0].labels[0]: 'Source' does not match"),
        (lambda items: items.append(dict(items[0])), "item 'mine-q1' is defined twice"),
    ],
)
def test_a_bad_items_file_is_one_line_saying_what_to_do(tmp_path, change, says):
    items = [{"id": "mine-q1", "article": "mine.md", "part": ["A", "B"], "kind": "spans", "labels": [], "points": 1}]
    change(items)
    path = tmp_path / ITEMS_FILE
    path.write_text(json.dumps({"items": items}), encoding="utf-8")
    with pytest.raises(AnswerError) as caught:
        define_items(path)
    message = str(caught.value)
    assert message.startswith(f"{path}: ") and says in message, message
    assert message.endswith("; generate the exercise again with `medialit new-exercise`") and "\n" not in message
    with pytest.raises(ValueError, match=r"defined twice|required|too short|does not match"):
        read_items(path)
