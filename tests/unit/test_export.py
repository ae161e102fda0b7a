"""Exports carry the same code-point offsets as the model, whatever characters come first."""

from __future__ import annotations

import json

from medialit.core import export
from medialit.core.article import from_text
from medialit.core.spans import Annotations, Span

BODY = "Tittel\n👩🏽‍⚖️ Re\u0301né  sa\u00a0«at» “Støre” says Jonas Gahr Støre.\n"
ARTICLE = from_text(BODY, title="Tittel")


def span(phrase: str, label: str) -> Span:
    start = BODY.index(phrase)
    return Span(start, start + len(phrase), label)


def test_gold_export_is_read_back_by_the_gold_format_reader():
    marks = [span("Jonas Gahr Støre", "source"), span("says", "cue")]
    data = export.to_gold(ARTICLE, marks, [Span(7, len(BODY) - 1, "attributed")])
    back = Annotations.from_json(json.loads(json.dumps(data)))
    assert back.body_sha256 == ARTICLE.sha256
    assert back.sentences == (Span(7, len(BODY) - 1, "attributed"),)
    assert [s["text"] for s in back.extra["spans"]] == ["says", "Jonas Gahr Støre"]


def test_prodigy_export_is_one_task_line_with_python_offsets():
    (line,) = export.to_prodigy(ARTICLE, [span("Støre”", "source")]).splitlines()
    task = json.loads(line)
    (mark,) = task["spans"]
    assert task["text"][mark["start"] : mark["end"]] == "Støre”"
    assert mark == {"start": BODY.index("Støre”"), "end": BODY.index("Støre”") + 6, "label": "source"}


def test_web_annotation_has_position_and_quote_selectors():
    data = export.to_web_annotation(ARTICLE, [span("Jonas Gahr Støre", "source")], creator="s1", created="2026-01-01")
    assert data["@context"] == "http://www.w3.org/ns/anno.jsonld" and data["total"] == 1
    (item,) = data["first"]["items"]
    position, quote = item["target"]["selector"]
    assert item["body"] == {"type": "TextualBody", "purpose": "tagging", "value": "source"}
    assert position == {"type": "TextPositionSelector", "start": BODY.index("Jonas"), "end": BODY.index("Jonas") + 16}
    assert quote["exact"] == "Jonas Gahr Støre"
    assert BODY.endswith(quote["prefix"][-10:] + quote["exact"] + quote["suffix"])
    assert item["creator"] == "s1" and item["target"]["source"] == f"urn:medialit:article:{ARTICLE.id}"
