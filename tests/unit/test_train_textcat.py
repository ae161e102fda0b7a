"""tools/train_textcat.py: the rules' findings as tokens, the combination policies, a reproducible textcat."""

from __future__ import annotations

import pytest
import train_textcat  # tools/train_textcat.py (tools/ is on the path: tests/unit/conftest.py)

from medialit.core.article import from_text, parse_markdown
from medialit.exercises.scoring import Counts


def sentence(rule_label: str, gold: str = "other", tags: tuple[str, ...] = (), text: str = "") -> object:
    return train_textcat.Sentence(0, len(text) or 1, rule_label, gold, list(tags), text, "")


@pytest.mark.model
def test_findings_name_the_rules_that_fired(nlp):
    article = from_text("Crash\nWitnesses said the car was speeding. The road reopened at noon.\n", title="Test")
    found = {article.body[s.start : s.end]: tags for s, tags in train_textcat.findings(nlp, article)}
    witnesses = found["Witnesses said the car was speeding."]
    assert witnesses[0] == "__unsupported__" and "__vague_source__" in witnesses
    assert found["The road reopened at noon."][0] == "__other__"
    assert "__heading__" in found["Crash"] and "__lead__" in found["Crash"]


@pytest.mark.model
def test_findings_mark_an_interview_and_its_questions(nlp):
    """Whole-article facts (the outlet's question paragraphs) reach every sentence's tags."""
    text = "---\ntitle: Talk\noutlet: Wikinews\n---\nWikinews: Why did you run?\n\nI wanted to help the town.\n"
    article = parse_markdown(text)
    found = {article.body[s.start : s.end]: tags for s, tags in train_textcat.findings(nlp, article)}
    assert "__interviewer__" in found["Wikinews: Why did you run?"]
    assert "__interview__" in found["I wanted to help the town."]
    assert "__interviewer__" not in found["I wanted to help the town."]


def test_policies_leave_attributed_to_the_rules_and_change_only_their_side():
    decide = train_textcat.decide
    attributed, unsupported, other = sentence("attributed"), sentence("unsupported"), sentence("other")
    assert decide(attributed, 0.99, "replace", 0.5) == "attributed"
    assert decide(unsupported, 0.1, "replace", 0.5) == "other" and decide(other, 0.9, "replace", 0.5) == "unsupported"
    assert decide(other, 0.9, "add", 0.5) == "unsupported" and decide(unsupported, 0.1, "add", 0.5) == "unsupported"
    assert decide(unsupported, 0.1, "veto", 0.5) == "other" and decide(other, 0.9, "veto", 0.5) == "other"
    assert decide(other, None, "add", 0.5) == "other"  # no probability: not judged by the model


def test_counts_match_sentences_one_to_one_like_the_evaluator():
    article = train_textcat.Article(
        "a", [train_textcat.Sentence(0, 10, "unsupported", "unsupported", [], "", "")], [(0, 5), (5, 10)]
    )
    assert train_textcat.counts([article], {}, "rules", 0.5) == Counts(1, 0, 1)


def test_the_textcat_learns_the_findings_and_trains_the_same_twice():
    """Fixed seed: two trainings on the same sentences give the same probabilities (the script's figures repeat)."""
    yes = [sentence("other", "unsupported", ("__cause__",), f"Prices rose {k}.") for k in range(20)]
    no = [sentence("other", "other", ("__other__",), f"The meeting ended {k}.") for k in range(20)]
    articles = [train_textcat.Article("a", yes + no, [])]
    first = train_textcat.probabilities(train_textcat.train(articles, "bow", "both"), articles, "both")
    second = train_textcat.probabilities(train_textcat.train(articles, "bow", "both"), articles, "both")
    assert first == second
    assert first[("a", 0)] > 0.5 > first[("a", 20)]


def test_a_policy_passes_the_bar_only_with_a_gain_on_both_halves():
    rules = Counts(60, 30, 40)  # F1 0.632
    better = Counts(66, 30, 34)  # F1 0.673
    rows = [{"rules": rules, "add@0.7": better}, {"rules": rules, "add@0.9": better}]
    assert train_textcat._passes(rows, 1)
    rows[1]["add@0.9"] = Counts(61, 30, 39)  # +0.006 on one half only
    assert not train_textcat._passes(rows, 1)


def test_auc_counts_the_pairs_ranked_the_right_way_round_and_ties_as_half():
    assert train_textcat.auc([0.9, 0.5], [0.5, 0.1]) == 3.5 / 4
    assert train_textcat.auc([0.1], [0.9]) == 0.0 and train_textcat.auc([], [0.9]) == 0.5


def test_a_share_of_a_half_grows_by_adding_articles_and_never_falls_below_two():
    articles = [train_textcat.Article(f"a{k}", [], []) for k in range(10)]
    quarter, half, whole = (train_textcat.share(articles, f, 0) for f in (0.25, 0.5, 1.0))
    assert (len(quarter), len(half), sorted(a.id for a in whole)) == (2, 5, sorted(a.id for a in articles))
    assert half[:2] == quarter and whole[:5] == half  # the same draw: each share holds the smaller ones
    assert train_textcat.share(articles, 0.5, 1) != half  # another draw, other articles
    assert len(train_textcat.share(articles[:3], 0.25, 0)) == 2


def test_the_learning_curve_scores_the_whole_other_half_from_each_share():
    """Articles a0..a11: tuning half 0 (A) holds seven, half 1 (B) five; a learnable cue ranks perfectly."""
    yes = [sentence("other", "unsupported", ("__cause__",), f"Prices rose {k}.") for k in range(3)]
    no = [sentence("other", "other", ("__other__",), f"The meeting ended {k}.") for k in range(3)]
    articles = [train_textcat.Article(f"a{k}", yes + no, []) for k in range(12)]
    rows = train_textcat.curve(articles, "bow", "both", "own", fractions=(0.5, 1.0), draws=1)
    assert [(name[0], fraction, n) for name, fraction, n, _ in rows] == [
        ("B", 0.5, 4),
        ("B", 1.0, 7),
        ("A", 0.5, 2),
        ("A", 1.0, 5),
    ]
    assert all(set(row) == {"auc", "add", "replace", "rules"} for *_, row in rows)
    assert rows[1][3]["auc"] == 1.0 and rows[3][3]["auc"] == 1.0
