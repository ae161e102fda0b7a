"""The agreement figures the corpus and key tools share (tools/corpus_agreement.py, key_agreement.py,
label_agreement.py): one Krippendorff's alpha, per-label counts as scoring.Counts."""

from __future__ import annotations

import corpus_agreement
import key_agreement
import label_agreement
import pytest

from medialit.exercises.scoring import Counts


def test_alpha_for_two_coders_and_nothing_to_disagree_on():
    pairs = [
        ("other", "other"),
        ("other", "unsupported"),
        ("unsupported", "unsupported"),
        ("unsupported", "unsupported"),
    ]
    # 8 values (3 other, 5 unsupported); observed 2/8 mismatches, expected 30/56
    assert corpus_agreement.alpha(pairs) == pytest.approx(1 - 0.25 / (30 / 56))
    assert corpus_agreement.alpha([]) == 1.0 == corpus_agreement.alpha([("other", "other")])
    assert key_agreement.alpha is corpus_agreement.alpha is label_agreement.alpha


def test_label_counts_take_the_first_coder_as_reference():
    pairs = [("unsupported", "unsupported"), ("other", "unsupported"), ("unsupported", "other"), ("other", "other")]
    assert corpus_agreement.label_counts(pairs, "unsupported") == Counts(1, 1, 1)
    assert label_agreement.f1(pairs, "unsupported") == (0.5, 0.5, 0.5)


def test_key_agreement_f1_is_perfect_when_neither_side_marks_anything():
    assert key_agreement.f1(0, 0, 0) == 1.0
    assert key_agreement.f1(0, 2, 1) == 0.0 and key_agreement.f1(3, 1, 1) == Counts(3, 1, 1).f1


def test_key_agreement_skips_an_item_whose_text_was_rewritten_after_the_blind_annotation():
    answers = {
        "ex03-q3": [{"words": "The decision is long overdue.", "label": "opinion"}],
        "ex04-q2": [{"words": "words that are in no page of the item", "label": "misleading"}],
    }
    printed = key_agreement.report(answers, None)
    assert "| ex03-q3 |" in printed and "| ex04-q2 |" not in printed
    assert "- ex04-q2: not compared: the blind words ‘words that are in no page" in printed
