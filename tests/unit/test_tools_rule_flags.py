"""tools/analyzer_report.py rule_flags: the per-rule count of flagged sentences that analyzer_report and
label_agreement --rules both print, pairing a flag with the reference as ``medialit evaluate`` does."""

from __future__ import annotations

from collections import Counter

import analyzer_report  # tools/analyzer_report.py (tools/ is on the path: tests/unit/conftest.py)
import label_agreement

from medialit.core.spans import Span
from medialit.exercises.scoring import count, match
from medialit.nlp.evaluate import overlaps

rule_flags = analyzer_report.rule_flags


def flag(start: int, end: int, *reasons: str) -> Span:
    return Span(start, end, "unsupported", reasons)


def test_a_flag_counts_with_the_sentence_evaluate_pairs_it_with_not_the_first_it_touches():
    """A footnote mark ("[21] Given ...") puts the flag's first characters in the previous gold sentence."""
    gold = [Span(0, 50, "attributed"), Span(50, 150, "unsupported")]
    assert rule_flags(gold, [flag(46, 150, "hedge: may")]) == {("hedge", "unsupported"): 1}


def test_a_flag_over_two_reference_sentences_counts_once():
    gold = [Span(0, 40, "other"), Span(40, 100, "other")]
    assert rule_flags(gold, [flag(0, 100, "a proportion: most")]) == {("a proportion", "other"): 1}


def test_the_unsupported_counts_are_evaluates_true_positives():
    """Two flags on one gold unsupported sentence: evaluate pairs one and counts the other as extra."""
    gold = [Span(0, 100, "unsupported"), Span(100, 130, "other")]
    predicted = [flag(0, 60, "a cause: because"), flag(60, 105, "a cause: led to"), Span(105, 130, "other")]
    flags = rule_flags(gold, predicted)
    expected = count(match([s for s in predicted if s.label == "unsupported"], gold[:1], overlaps))
    assert (expected.tp, expected.fp) == (1, 1)
    assert flags == {("a cause", "unsupported"): 1, ("a cause", "other"): 1}


def test_a_flag_overlapping_nothing_else_counts_as_none_and_each_family_once_per_sentence():
    gold = [Span(0, 100, "unsupported")]
    predicted = [flag(0, 50, "hedge: may", "hedge: perhaps"), flag(50, 100, "vague source: experts")]
    assert rule_flags(gold, predicted) == {("hedge", "unsupported"): 1, ("vague source", "none"): 1}


def test_flag_rows_put_the_most_flagged_family_first():
    flags = rule_flags(
        [Span(0, 10, "other"), Span(10, 20, "unsupported"), Span(20, 30, "attributed")],
        [flag(0, 10, "a trend: more"), flag(10, 20, "hedge: may"), flag(20, 30, "hedge: might")],
    )
    assert analyzer_report.flag_rows("gold A", flags) == [
        "| gold A | hedge | 1 | 0 | 1 |",
        "| gold A | a trend | 0 | 1 | 0 |",
    ]


def test_alone_counts_only_the_flags_one_family_makes_by_itself_an_aside_note_aside():
    """Dropping a rule changes exactly the sentences it flags alone; "aside: ..." only annotates another rule."""
    gold = [Span(0, 10, "other"), Span(10, 20, "unsupported"), Span(20, 30, "other")]
    predicted = [
        flag(0, 10, "hedge: may", "a cause: led to"),
        flag(10, 20, "hedge: may", "hedge: might"),
        flag(20, 30, "a cause: because", "aside: X (said)"),
    ]
    assert rule_flags(gold, predicted, alone=True) == {
        ("hedge", "unsupported"): 1,
        ("a cause", "other"): 1,
        ("aside", "other"): 1,
    }


def test_the_per_rule_table_gives_right_false_and_precision_side_by_side():
    flags = {"readers": Counter({("hedge", "unsupported"): 3, ("hedge", "attributed"): 1}), "gold A": Counter()}
    alone = {"readers": Counter({("hedge", "unsupported"): 1}), "gold A": Counter()}
    table = label_agreement.rule_precision_table(flags, alone).splitlines()
    assert table[0] == "| rule | readers | gold A | readers, alone | gold A, alone |"
    assert table[2] == "| hedge | 3 / 1 (0.75) | - | 1 / 0 (1.00) | - |"


def test_a_construction_is_the_family_with_the_words_its_reason_names():
    construction = analyzer_report.rule_construction
    assert construction("hedge 'tend to': the claim is stated as uncertain") == "hedge: tend to"
    assert construction("hedge: may") == "hedge: may"
    assert construction("a cause ('due to') stated with no source") == "a cause: due to"
    assert construction("vague source: government officials (stated)") == "vague source: stated"
    assert (
        construction("an estimated count ('Around 300,000 people') with no source")
        == "an estimated count: around # people"
    )
    # a rule number in brackets is no verb: the words after the colon, at most three
    assert construction("K6: Al Jazeera reporter passes on what local news says (K7)") == "K6: al jazeera reporter"
    assert construction("heading") == "heading"


def test_flags_by_construction_tell_two_constructions_of_one_family_apart_and_alone_reads_them():
    gold = [Span(0, 10, "other"), Span(10, 20, "unsupported"), Span(20, 30, "other")]
    predicted = [
        flag(0, 10, "a cause ('due to') stated with no source"),
        flag(10, 20, "a cause ('led to') stated with no source", "hedge: may"),
        flag(20, 30, "a cause ('due to') stated with no source", "aside: X (said)"),
    ]
    key = analyzer_report.rule_construction
    assert rule_flags(gold, predicted, key=key) == {
        ("a cause: due to", "other"): 2,
        ("a cause: led to", "unsupported"): 1,
        ("hedge: may", "unsupported"): 1,
        ("aside: said", "other"): 1,
    }
    assert rule_flags(gold, predicted, alone=True, key=key) == {
        ("a cause: due to", "other"): 2,
        ("aside: said", "other"): 1,
    }


def test_the_construction_table_lists_first_what_is_false_in_the_most_sets():
    flags = {
        "readers": Counter({("a cause: due to", "other"): 1, ("hedge: may", "unsupported"): 2}),
        "gold A": Counter({("a cause: due to", "unsupported"): 3, ("hedge: may", "other"): 2}),
        "gold B": Counter({("a cause: due to", "attributed"): 1}),
    }
    alone = {name: Counter() for name in flags}
    table = label_agreement.construction_table(flags, alone).splitlines()
    assert table[2].startswith("| a cause: due to | 2 | 0 / 1 (0.00) | 3 / 0 (1.00) | 0 / 1 (0.00) |")
    assert table[3].startswith("| hedge: may | 1 | 2 / 0 (1.00) | 0 / 2 (0.00) | - |")
    assert len(table) == 4  # a construction with no false flag anywhere is left out
