"""course/corpus/source-types.json types every gold attribution once (guidelines K18), with no stray keys.

No spaCy model: only the gold files and the types file. A new gold article needs its types: run
``python tools/source_types.py ../shared/corpus/dev course/corpus`` and decide what it lists.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from shared_corpus import dev_corpus

from medialit.core.spans import load_annotations

REPO = Path(__file__).resolve().parents[2]
CORPUS = REPO / "course" / "corpus"
TYPES_FILE = CORPUS / "source-types.json"
TYPES = ("named", "vague", "anonymous", "document")


def gold_keys() -> dict[str, dict[str, str]]:
    """Article id -> 'cue_start:cue_end' -> gold speaker, over the dev files and the project corpus."""
    out = {}
    for folder in (dev_corpus(), CORPUS):
        for path in sorted(folder.glob("*.gold.json")):
            gold = load_annotations(path)
            out[path.name[: -len(".gold.json")]] = {f"{a.cue.start}:{a.cue.end}": a.speaker for a in gold.attributions}
    return out


@pytest.fixture(scope="module")
def types() -> dict:
    return json.loads(TYPES_FILE.read_text(encoding="utf-8"))


def test_every_gold_attribution_has_exactly_one_type(types):
    gold = gold_keys()
    typed = types["articles"]
    untyped = [f"{a} {k}" for a, keys in gold.items() for k in keys if k not in typed.get(a, {})]
    assert untyped == [], "run tools/source_types.py and decide the types it lists"
    assert sum(len(v) for v in gold.values()) == sum(len(v) for v in typed.values()) >= 629


def test_every_key_is_a_gold_attribution_of_that_speaker(types):
    gold = gold_keys()
    stray = [
        f"{a} {k}"
        for a, entries in types["articles"].items()
        for k, entry in entries.items()
        if gold.get(a, {}).get(k) != entry["speaker"]
    ]
    assert stray == []


def test_types_are_the_four_and_say_how(types):
    assert tuple(types["types"]) == TYPES
    entries = [e for entries in types["articles"].values() for e in entries.values()]
    assert {e["type"] for e in entries} == set(TYPES)
    assert all(e["how"].startswith(("rule: ", "read: ")) for e in entries)
    assert any("K18" in note for note in types["notes"])
