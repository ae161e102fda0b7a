"""tools/unsupported_context.py: the context a sentence sits in (its paragraph's neighbours), the analyzer's flags
counted by context and by group of reasons, what dropping them would do to F1, and the misses by context."""

from __future__ import annotations

import pytest
import unsupported_context as ctx  # tools/unsupported_context.py (tools/ is on the path: tests/unit/conftest.py)

from medialit.core.spans import Span

CAUSE = "a cause ('due to') stated with no source"
VAGUE = "vague source: officials (said)"


def sentences(*labels: str, reasons: dict[int, tuple[str, ...]] | None = None) -> list[Span]:
    """Ten-character sentences one after another, labelled in order; ``reasons`` by position."""
    reasons = reasons or {}
    return [Span(10 * k, 10 * k + 9, label, reasons.get(k, ())) for k, label in enumerate(labels)]


def test_neighbours_are_read_inside_the_paragraph_only():
    predicted = sentences("attributed", "unsupported", "attributed", "unsupported")
    paragraph = [0, 0, 0, 1]
    assert ctx.contexts(predicted, paragraph, 1) == [ctx.ANYWHERE, ctx.PREVIOUS, ctx.NEXT, ctx.QUOTATION_CONTEXT]
    assert ctx.contexts(predicted, paragraph, 3) == [ctx.ANYWHERE, ctx.OWN_VOICE, ctx.ALONE], (
        "the attributed sentence before it closes another paragraph"
    )


def test_a_paragraph_with_no_attribution_and_a_flagged_neighbour():
    predicted = sentences("other", "unsupported", "other", "attributed")
    paragraph = [0, 0, 0, 1]
    assert ctx.contexts(predicted, paragraph, 0) == [ctx.ANYWHERE, ctx.OWN_VOICE, ctx.FLAGGED]
    assert ctx.contexts(predicted, paragraph, 2) == [ctx.ANYWHERE, ctx.OWN_VOICE, ctx.FLAGGED]
    assert ctx.QUOTATION_CONTEXT not in ctx.contexts(predicted, [0, 0, 0, 0], 0), "one other sentence is not quoted"


@pytest.mark.parametrize(
    ("reasons", "group"),
    [
        ((CAUSE,), ctx.CLAIM),
        (("hedge: may",), ctx.SOURCE),
        (("anonymous source, no reason given for not naming it (K7): A spokesperson (told)",), ctx.SOURCE),
        ((CAUSE, VAGUE), ctx.SOURCE),
    ],
)
def test_a_flag_whose_source_is_questioned_is_in_the_source_group_whatever_else_it_claims(reasons, group):
    assert ctx.group(reasons) == group


def test_flags_are_counted_right_or_false_by_context_and_group_and_f1_is_recomputed_without_them():
    reasons = {1: (CAUSE,), 2: (VAGUE,), 3: (CAUSE,)}
    predicted = sentences("attributed", "unsupported", "unsupported", "unsupported", reasons=reasons)
    reference = sentences("attributed", "other", "unsupported", "unsupported")
    counts = ctx.context_counts(reference, predicted, [(0, 29), (30, 39)])  # the fourth is a paragraph of its own
    assert counts[("flag", ctx.PREVIOUS, ctx.CLAIM, "false")] == 1, "the cause right after an attributed sentence"
    assert counts[("flag", ctx.PREVIOUS, ctx.CLAIM, "right")] == 0
    assert counts[("flag", ctx.ANYWHERE, ctx.SOURCE, "right")] == 1
    assert counts[("flag", ctx.ALONE, ctx.CLAIM, "right")] == 1
    assert ctx.f1_without(counts) == pytest.approx(2 * 2 / (2 * 2 + 1 + 0))
    assert ctx.f1_without(counts, dropped_false=1) == 1.0, "dropping the one false flag"
    assert ctx.f1_without(counts, dropped_right=1) == pytest.approx(2 / (2 + 1 + 1)), "a right flag dropped is a miss"


def test_misses_and_sentences_left_other_are_counted_by_the_context_of_the_analyzers_sentence():
    predicted = sentences("attributed", "other", "other", "attributed", "other")
    reference = sentences("attributed", "unsupported", "other", "attributed", "unsupported")
    counts = ctx.context_counts(reference, predicted, [(0, 39), (40, 49)])
    assert counts[("miss", ctx.ANYWHERE, "missed")] == 2
    assert counts[("miss", ctx.PREVIOUS, "missed")] == 1, "the second sentence follows an attributed one"
    assert counts[("miss", ctx.ALONE, "left unsupported")] == 1
    assert counts[("miss", ctx.NEXT, "left other")] == 1, "the third sentence is followed by an attributed one"
    assert counts[("miss", ctx.OWN_VOICE, "left other")] == 0


def test_the_tables_name_every_context_and_set():
    counts = ctx.context_counts(sentences("unsupported"), sentences("unsupported", reasons={0: (CAUSE,)}), [(0, 9)])
    precision = ctx.precision_table({"tuning news A": counts})
    assert f"| {ctx.ALONE} | {ctx.CLAIM} | 1 / 0, 1.000 -> 0.000 |" in precision
    recall = ctx.recall_table({"readers": counts})
    assert all(f"| {c} |" in recall for c in ctx.CONTEXTS)
