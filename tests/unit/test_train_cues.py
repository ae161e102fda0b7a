"""tools/train_cues.py: gold cues as entities, a reproducible cue tagger, tagged cues as attributions, the bar."""

from __future__ import annotations

import pytest
import train_cues  # tools/train_cues.py (tools/ is on the path: tests/unit/conftest.py)

from medialit.core.article import from_text
from medialit.exercises.scoring import Counts


def item(nlp, text: str, cue_words: tuple[str, ...] = ()) -> object:
    """An invented article analyzed by the rules, its gold cues the first occurrence of each word given."""
    article = from_text(text, title="Test")
    body = article.body
    cues = sorted((body.index(w), body.index(w) + len(w)) for w in cue_words)
    return train_cues.analyzed(nlp, article, cues)


@pytest.mark.model
def test_sentences_carry_their_gold_cues_and_the_parsers_features(nlp):
    found = item(nlp, "Storm\nThe mayor said the roads were closed. The river rose.\n", ("said",))
    docs = train_cues.sentence_docs(found.doc, found.gold_cues)
    cues = [(offset, e.text, e.label_) for offset, d in docs for e in d.ents]
    assert cues == [(docs[1][0], "said", "CUE")]
    sentence = docs[1][1]
    assert sentence.tensor.shape == (len(sentence), 96)  # the analyzer's tok2vec output, read frozen
    assert [t.dep_ for t in sentence][:3] == ["det", "nsubj", "ROOT"]


@pytest.mark.model
@pytest.mark.parametrize("features", train_cues.FEATURES)
def test_a_tiny_tagger_learns_a_cue_and_trains_the_same_twice(nlp, features):
    """Fixed seed: two trainings give the same cues; the tagger finds a cue word it was trained on in a new
    sentence and tags nothing in a sentence without one."""
    vehicles, speakers = ("bus", "train", "ferry"), ("mayor", "police", "coach")
    texts = [f"Report\nThe {who} said the {what} was late.\n" for who in speakers for what in vehicles]
    texts += [f"Report\nThe {what} arrived at noon.\n" for what in vehicles]
    docs = [d for t in texts for _, d in train_cues.sentence_docs(*_gold(item(nlp, t, ("said",) * ("said" in t))))]
    first = train_cues.train(docs, features, epochs=20)
    second = train_cues.train(docs, features, epochs=20)
    new = item(nlp, "Flood\nThe minister said the dam was safe. The dam held.\n")
    assert train_cues.tag(first, new.doc) == train_cues.tag(second, new.doc)
    said = new.doc.text.index("said")
    assert train_cues.tag(first, new.doc) == [(said, said + 4)]


def _gold(found) -> tuple:
    return found.doc, found.gold_cues


@pytest.mark.model
def test_a_tagged_verb_no_lexicon_lists_becomes_an_attribution_through_the_verb_rule(nlp):
    found = item(nlp, "Match\nThe coach fumed that the referee had been unfair.\n")
    assert found.analysis.attributions == []  # "fume" is in no lexicon: the rules miss it
    fumed = found.doc.text.index("fumed")
    (learned,) = train_cues.learned_attributions(found, [(fumed, fumed + 5)], "strict")
    assert learned.rule == "learned_cue:fume" and learned.speaker.lower().endswith("coach")
    assert learned.content.text(found.doc.text).startswith("the referee")


@pytest.mark.model
def test_a_tagged_cue_adds_nothing_where_a_rule_found_it_or_no_subject_speaks(nlp):
    text = "Match\nThe coach said the referee had been unfair. The rain fumed that nothing mattered. A long delay.\n"
    found = item(nlp, text)
    body = found.doc.text
    said, fumed, delay = body.index("said"), body.index("fumed"), body.index("delay")
    assert len(found.analysis.attributions) == 1
    assert train_cues.learned_attributions(found, [(said, said + 4)]) == []  # the rule's own cue
    assert train_cues.learned_attributions(found, [(delay, delay + 5)]) == []  # a noun: no verb rule to reuse
    assert train_cues.learned_attributions(found, [(fumed, fumed + 5)], "strict") == []  # "the rain" cannot speak
    assert train_cues.learned_attributions(found, [(fumed, fumed + 5)], "hand")[0].speaker == "rain"  # the hand list's


def test_cues_match_one_to_one_by_overlap():
    assert train_cues.cue_counts([(0, 4), (10, 14), (20, 24)], [(2, 4), (3, 5), (10, 13)]) == Counts(2, 1, 1)
    assert train_cues.cue_counts([(0, 20)], [(18, 25)]) == Counts(1, 0, 0)  # any shared character, as evaluate


def test_the_union_passes_the_bar_only_with_a_gain_and_precision_on_both_halves():
    def half(rules: Counts, union: Counts) -> object:
        return train_cues.HalfScore(Counts(), Counts(), Counts(), rules, union, 0, 0, 0, 0)

    rules = Counts(90, 5, 10)  # F1 0.923
    better = Counts(93, 6, 7)  # F1 0.935, P 0.94
    assert train_cues.passes([half(rules, better), half(rules, better)])
    assert not train_cues.passes([half(rules, better), half(rules, Counts(91, 5, 9))])  # +0.005 on one half
    assert not train_cues.passes([half(rules, better), half(rules, Counts(99, 9, 1))])  # gain, but P 0.917


@pytest.mark.model
def test_the_loosest_trust_takes_the_verbs_subject_and_the_rest_where_the_verb_rule_finds_nothing(nlp):
    found = item(nlp, "Match\nThe coach fumed about the referee after the game.\n")
    fumed = found.doc.text.index("fumed")
    assert train_cues.learned_attributions(found, [(fumed, fumed + 5)], "hand") == []  # no clause, no quotation
    (loose,) = train_cues.learned_attributions(found, [(fumed, fumed + 5)], "subject")
    assert loose.speaker.lower().endswith("coach")
    assert loose.content.text(found.doc.text) == "about the referee after the game"


@pytest.mark.model
def test_the_rules_misses_are_the_gold_cues_no_rule_cue_overlaps(nlp):
    found = item(nlp, "Match\nThe coach said the referee was unfair. The fans fumed that the game was lost.\n")
    found.gold_cues = sorted(
        found.gold_cues + [(found.doc.text.index(w), found.doc.text.index(w) + len(w)) for w in ("said", "fumed")]
    )
    assert train_cues.rule_misses([found]) == {"fumed": 1}
