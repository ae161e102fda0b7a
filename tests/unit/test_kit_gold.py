"""Gold annotations of the kit's own teaching-copy articles (course/gold): valid, and about the bundled text."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from medialit.core.article import load_article, missing_fields
from medialit.core.spans import body_sha256, check_gold

REPO = Path(__file__).resolve().parents[2]
GOLD = REPO / "course" / "gold"
PAIRS = sorted(GOLD.glob("*.gold.json"))


def test_there_is_a_second_full_lesson_article():
    assert [p.name for p in PAIRS] == ["sandvik-wind-farm.gold.json"]


@pytest.mark.parametrize("gold_path", PAIRS, ids=lambda p: p.name.split(".")[0])
def test_gold_matches_the_bundled_article_and_passes_the_checks(gold_path):
    article_id = gold_path.name.split(".")[0]
    md = GOLD / f"{article_id}.md"
    assert md.resolve() == (REPO / "src" / "medialit" / "articles" / f"{article_id}.md").resolve()
    article = load_article(article_id)
    assert missing_fields(article) == [] and article.meta["language"] == "en"
    gold = json.loads(gold_path.read_text(encoding="utf-8"))
    assert gold["article"] == article_id
    assert gold["body_sha256"] == body_sha256(article.body)
    assert check_gold(gold, article.body) == []


def test_the_article_is_an_english_original_teaching_copy_with_opinion():
    article = load_article("sandvik-wind-farm")
    assert "teaching copy" in article.meta["outlet"] and "not a translation" in article.meta["notes"]
    gold = json.loads((GOLD / "sandvik-wind-farm.gold.json").read_text(encoding="utf-8"))
    labels = [s["label"] for s in gold["sentences"]]
    assert labels.count("unsupported") >= 5 and labels.count("attributed") >= 4
    assert {a["kind"] for a in gold["attributions"]} >= {"direct", "indirect", "according_to"}
    # a column known by its byline and first person, not by a label (review item 19: K14's label is not always there)
    assert "Opinion:" not in article.body and "\nBy " in article.body and "\nI am " in article.body
