"""The analyzer's lexicons load, validate as spaCy patterns, and say where they come from."""

from __future__ import annotations

import zipfile
from importlib import resources

import pytest
import spacy
from spacy.matcher import Matcher

from medialit.exercises.scoring import Counts
from medialit.nlp.lexicons import lexicon_names, load_lexicon

MINE = (
    "speech_verbs",
    "vague_sources",
    "titles",
    "document_sources",
    "cue_phrases",
    "unsupported_cues",
    "reporting_verbs_wordnet",
    "source_nouns_wordnet",
    "communication_verbs_wordnet",
    "content_nouns_wordnet",
    "speech_acts_wordnet",
    "evaluative_vader",
    "crowd_verbs",
)


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


# Two verb synsets in WordNet's data.verb format: one with the that-clause frame (26) for its
# first word only, one in verb.communication without it; one verb.cognition synset with it for all words.
DATA_VERB = """  1 This is a licence line
00000001 32 v 02 aver 0 hold 0 000 02 + 26 01 + 08 02 | declare
00000002 32 v 01 yak 0 000 01 + 02 00 | talk profusely
00000003 31 v 02 surmise 0 decide 0 000 01 + 26 00 | infer
00000004 29 v 01 eat 0 000 01 + 26 00 | not communication
"""


def test_wordnet_tool_keeps_that_clause_verbs_of_communication_and_cognition(tmp_path):
    import derive_wordnet_lexicons as tool

    data = tmp_path / "data.verb"
    data.write_text(DATA_VERB, encoding="utf-8")
    entries = {e["id"]: e for e in tool.derive(data)}
    assert set(entries) == {"aver", "surmise"}  # hold: frame not for that word; yak: no frame; decide: excluded
    assert entries["aver"]["stance"] == "communication" and entries["surmise"]["stance"] == "cognition"
    assert all(e["content"] == "clause" and "WordNet 3.0" in e["source"] for e in entries.values())


def test_wordnet_tool_keeps_other_communication_verbs_apart(tmp_path):
    """verb.communication verbs without the that-clause frame go to their own list, less excluded senses."""
    import derive_wordnet_lexicons as tool

    data = tmp_path / "data.verb"
    data.write_text(DATA_VERB + "00000005 32 v 02 chime_in 0 watch 0 000 00 | interrupt\n", encoding="utf-8")
    entries = {e["id"]: e for e in tool.derive_communication(data, taken={"aver"})}
    assert set(entries) == {"hold", "yak", "chime_in"}  # aver: taken; watch: a perception; eat: not communication
    assert entries["chime_in"]["pattern"][1] == {"LOWER": "in", "DEP": "prt"}
    assert all(e["content"] == "clause" and e["stance"] == "communication" for e in entries.values())


def test_wordnet_tool_keeps_speech_acts_with_what_their_object_is(tmp_path):
    """Listed synsets of judging, requesting, warning with an object or phrase frame; the object is a thing
    judged (frame 8) or the one addressed; NOT_ACT senses and other synsets are left out."""
    import derive_wordnet_lexicons as tool

    data = tmp_path / "data.verb"
    data.write_text(
        "00864177 32 v 02 condemn 0 decry 0 000 02 + 08 00 + 09 00 | express strong disapproval of\n"
        "00892333 32 v 01 thank 0 000 02 + 09 00 + 20 00 | express gratitude\n"
        "00843486 32 v 02 charge 2 accuse 1 000 01 + 09 00 | blame for\n"
        "00000009 32 v 01 yak 0 000 01 + 08 00 | talk profusely\n",
        encoding="utf-8",
    )
    found = {e["id"]: (e["act"], e["object"], e["content"]) for e in tool.derive_speech_acts(data)}
    assert found == {
        "condemn": ("judge", "thing", "object"),
        "decry": ("judge", "thing", "object"),
        "thank": ("judge", "addressee", "object"),
        "accuse": ("judge", "addressee", "object"),  # charge: another sense in news prose
    }


def test_wordnet_tool_keeps_nouns_of_saying_and_thinking(tmp_path):
    import derive_wordnet_lexicons as tool

    data = tmp_path / "data.noun"
    data.write_text(
        "00000001 10 n 01 claim 0 000 | an assertion\n"
        "00000002 09 n 02 hypothesis 0 fact 0 000 | an idea\n"
        "00000003 18 n 01 spokesman 0 000 | a person\n",
        encoding="utf-8",
    )
    nouns = tool.derive_content_nouns(data, {"claim", "hypothesis", "fact", "spokesman"})
    found = [(e["id"], e["wordnet"]) for e in nouns]
    assert found == [("claim", "noun.communication"), ("hypothesis", "noun.cognition")]  # fact: a circumstance


def test_wordnet_tool_keeps_person_and_group_nouns_in_use(tmp_path):
    import derive_wordnet_lexicons as tool

    data = tmp_path / "data.noun"
    data.write_text(
        "00000001 18 n 02 spokesman 0 Ann 0 000 | a person\n"
        "00000002 14 n 01 jury 0 000 | a group\n"
        "00000003 18 n 01 abecedarian 0 000 | rare\n"
        "00000004 05 n 01 dog 0 000 | an animal\n",
        encoding="utf-8",
    )
    index = tmp_path / "index.noun"
    index.write_text(
        "spokesman n 1 0 1 1 00000001\njury n 1 0 1 2 00000002\nabecedarian n 1 0 1 0 00000003\n", encoding="utf-8"
    )
    nouns = tool.derive_nouns(data, tool.tagged_nouns(index))
    assert [(e["id"], e["wordnet"]) for e in nouns] == [("jury", "noun.group"), ("spokesman", "noun.person")]


def test_wordnet_tool_adds_the_noun_tops_heads_of_person_nouns(tmp_path):
    """A noun.Tops synset most of whose ten or more hyponyms are in noun.person gives its words ("person")."""
    import derive_wordnet_lexicons as tool

    people = [f"{k:08d}" for k in range(11, 21)]
    lines = ["00000010 03 n 02 person 0 Individual 0 010 " + " ".join(f"~ {o} n 0000" for o in people) + " | a human"]
    lines += [f"{o} 18 n 01 kind{o[-2:]} 0 001 @ 00000010 n 0000 | someone" for o in people]
    lines += ["00000030 03 n 01 thing 0 002 ~ 00000011 n 0000 ~ 00000012 n 0000 | too few hyponyms"]
    data = tmp_path / "data.noun"
    data.write_text("\n".join(lines) + "\n", encoding="utf-8")
    assert tool.top_heads(data) == {"person", "individual"}
    nouns = tool.derive_nouns(data, {"person", "thing"})
    assert [(e["id"], e["wordnet"]) for e in nouns] == [("person", "noun.Tops")]  # individual: not in use


def test_evaluative_tool_keeps_strong_adjectives(tmp_path):
    import derive_evaluative_words as tool

    wheel = tmp_path / "vader.whl"
    with zipfile.ZipFile(wheel, "w") as archive:
        archive.writestr(
            "vaderSentiment/vader_lexicon.txt", "awful\t-3.4\t0.1\t[]\nokay\t0.9\t0.1\t[]\nhug\t2.1\t0.1\t[]\n"
        )
    index = tmp_path / "index.adj"
    index.write_text("awful a 1 0 1 0 00000001\nokay a 1 0 1 0 00000002\n", encoding="utf-8")
    entries = tool.derive(wheel, index)
    assert [(e["id"], e["category"]) for e in entries] == [("awful", "negative")]  # okay: weak; hug: no adjective


def test_training_fits_a_separable_feature_and_counts_leave_one_out():
    import numpy as np
    import train_unsupported as tool

    articles = [
        tool.Article(f"a{k}", [[1.0, 0.0], [0.0, 1.0], [0.0, 0.0]], [1, 0, 0], Counts(1, 0, 1)) for k in range(3)
    ]
    w, _ = tool.fit(np.array([v for a in articles for v in a.x]), np.array([v for a in articles for v in a.y]))
    assert w[0] > 0 > w[1]
    loo = tool.leave_one_out(articles)
    assert tool.counts_at(articles, loo, None) == Counts(3, 0, 6)  # rules only: the fixed counts plus every missed one
    assert tool.counts_at(articles, loo, 0.5) == Counts(6, 0, 3)
