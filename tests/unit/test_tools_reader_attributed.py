"""tools/reader_attributed.py on an invented reader-labelled report: pairs as label_agreement does, lists a
miss and a false ``attributed`` with the cue found in the sentence."""

from __future__ import annotations

import json

import pytest
import reader_attributed

pytestmark = pytest.mark.model

BODY = (
    "The ferry terminal will close in May.\n\n"
    "The harbour master said the quay was unsafe.\n\n"
    "The terminal opened in 1998.\n"
)

LABELS = ("attributed", "other", "other")
"""The reader's labels: a miss (nothing credits the closure), a false one (the readers call the quay other)."""


def test_a_miss_and_a_false_attributed_sentence_are_listed_with_their_cues(nlp, tmp_path):
    head = '---\nid: wn-ferry\ntitle: "Ferry"\noutlet: "Wikinews"\nlanguage: en\n---\n'
    (tmp_path / "wn-ferry.md").write_text(head + BODY, encoding="utf-8")
    sentences = [line for line in BODY.splitlines() if line]
    spans = [(BODY.index(x), BODY.index(x) + len(x), label) for x, label in zip(sentences, LABELS, strict=True)]
    labels = {"article": "wn-ferry", "sentences": [{"start": a, "end": b, "label": x} for a, b, x in spans]}
    (tmp_path / "wn-ferry.labels.json").write_text(json.dumps(labels), encoding="utf-8")
    pairs, rows = reader_attributed.disagreements(nlp, tmp_path)
    assert pairs == [("attributed", "other"), ("other", "attributed"), ("other", "other")]
    assert [(r["error"], r["text"]) for r in rows] == [
        ("miss", "The ferry terminal will close in May."),
        ("false", "The harbour master said the quay was unsafe."),
    ]
    assert rows[1]["cues"] == ["'said' (harbour master; verb:say)"]
