"""tools/unsupported_misses.py: the tuning part's unsupported misses, grouped by what the analyzer said, and its
false flags, grouped by rule family, paired with the gold as ``medialit evaluate`` pairs them."""

from __future__ import annotations

from unsupported_misses import errors

from medialit.core.spans import Span

BODY = "Prices rose by half. The mayor spoke. Reports say it fell. It rained."
SENTENCES = [(0, 20), (21, 37), (38, 58), (59, 68)]


def spans(*labels: tuple[str, tuple[str, ...]]) -> list[Span]:
    return [Span(s, e, label, reasons) for (s, e), (label, reasons) in zip(SENTENCES, labels, strict=True)]


def test_a_miss_is_grouped_by_what_the_analyzer_said_and_a_paired_flag_is_no_error():
    gold = spans(("unsupported", ()), ("other", ()), ("unsupported", ()), ("other", ()))
    predicted = spans(
        ("other", ("no cue, vague source, hedge or evaluation found",)),
        ("other", ()),
        ("unsupported", ("the source hidden (K3): 'Reports' by whom?",)),
        ("other", ()),
    )
    misses, flags = errors(gold, predicted, BODY, "a (A)")
    assert dict(misses) == {"other / no cue, vague source, hedge or evaluation found": ["a (A) | Prices rose by half."]}
    assert not flags


def test_a_false_flag_is_listed_under_each_of_its_families_with_the_gold_label():
    gold = spans(("other", ()), ("attributed", ()), ("other", ()), ("other", ()))
    predicted = spans(
        ("unsupported", ("a proportion ('half') with no source", "a figure of change ('rose') with no source")),
        ("attributed", ()),
        ("other", ()),
        ("other", ()),
    )
    misses, flags = errors(gold, predicted, BODY, "a (B)")
    assert not misses
    line = "a (B) | gold other | a proportion + a figure of change | Prices rose by half."
    assert dict(flags) == {"a proportion": [line], "a figure of change": [line]}
