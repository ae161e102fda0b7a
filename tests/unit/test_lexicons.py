"""The analyzer's lexicons load, validate as spaCy patterns, and say where they come from."""

from __future__ import annotations

from importlib import resources

import pytest
import spacy
from spacy.matcher import Matcher

from medialit.nlp.lexicons import lexicon_names, load_lexicon

MINE = ("speech_verbs", "vague_sources", "titles", "document_sources", "cue_phrases", "unsupported_cues")


@pytest.mark.parametrize("name", MINE)
def test_lexicon_loads_and_patterns_validate(name):
    entries = load_lexicon(name)
    assert entries, f"{name} is empty"
    matcher = Matcher(spacy.blank("en").vocab, validate=True)
    for entry in entries:
        if isinstance(entry["pattern"], list):
            matcher.add(entry["id"], [entry["pattern"]])
    assert len({e["id"] for e in entries}) == len(entries), f"{name} has duplicate ids"


@pytest.mark.parametrize("name", MINE)
def test_every_lexicon_has_a_provenance_row(name):
    assert name in lexicon_names()
    sources = (resources.files("medialit.nlp") / "lexicons" / "SOURCES.md").read_text(encoding="utf-8")
    assert f"`{name}.jsonl`" in sources


def test_speech_verbs_have_a_stance_and_content_type():
    stances = {e["stance"] for e in load_lexicon("speech_verbs")}
    assert {"neutral", "evaluative", "cognition"} <= stances
    by_id = {e["id"]: e for e in load_lexicon("speech_verbs")}
    assert by_id["say"]["stance"] == "neutral"
    assert {by_id[v]["stance"] for v in ("claim", "admit", "insist")} == {"evaluative"}
    assert all(e["content"] in ("clause", "object") for e in by_id.values())


def test_speech_verb_patterns_match_inflected_verbs():
    nlp = spacy.blank("en")
    matcher = Matcher(nlp.vocab)
    for entry in load_lexicon("speech_verbs"):
        matcher.add(entry["id"], [[{k: v for k, v in t.items() if k != "POS"} for t in entry["pattern"]]])
    doc = nlp("She insisted")
    doc[1].lemma_ = "insist"
    assert [nlp.vocab.strings[m] for m, _, _ in matcher(doc)] == ["insist"]


def test_per_vocab_builds_once_per_vocabulary():
    from spacy.vocab import Vocab

    from medialit.nlp.lexicons import per_vocab

    built = []
    first, second = Vocab(), Vocab()
    one = per_vocab("test", first, lambda v: built.append(v) or object())
    assert per_vocab("test", first, lambda v: built.append(v) or object()) is one
    assert per_vocab("test", second, lambda v: built.append(v) or object()) is not one
    assert built == [first, second]
