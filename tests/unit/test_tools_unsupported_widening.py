"""tools/unsupported_widening.py: which checkable-claim constructions a sentence's own-voice words hold, and what a
rule for each would gain (missed unsupported sentences) and cost (sentences left ``other`` that are not)."""

from __future__ import annotations

from collections import Counter

import pytest
import unsupported_widening as widening

from medialit.core.spans import Span


def held(nlp, text: str) -> list[str]:
    doc = nlp(text)
    return widening.constructions(widening.own_voice(doc, Span(0, len(text), "other")))


@pytest.mark.parametrize(
    ("text", "construction"),
    [
        ("The plant closed because the owners left.", "a causal connective (because, since, so, thus, therefore)"),
        ("The storm caused floods in the valley.", "a cause verb (cause, lead, result, trigger, spark, prompt)"),
        ("The minister resigned after a week of protests.", "a sequence (after, following, follow, precede, amid)"),
        ("It is the largest plant in Norway.", "a superlative or record word (-est, most, first, only, record)"),
        ("Fares are higher than in Bergen.", 'a comparative with "than"'),
        ("The new line will open next spring.", "a future or conditional (will, would, be to, going to)"),
        ("Engineers are to join the team.", "a future or conditional (will, would, be to, going to)"),
        ("Over 300 rescuers responded.", widening.NUMBER),
        ("Every school in the region closed.", "a universal or absolute word (all, every, none, never, always, no)"),
        ("The bridge did not reopen.", "a negation (not, n't, never)"),
        ("The ship had sailed from Malta.", "a past perfect (had + participle)"),
        ("The road is still closed.", "a continuing state (still, remain, continue, currently)"),
        ("Nearly 300 rescuers responded.", "an approximation before a number (nearly, about, around)"),
        ("Many residents left the town.", "an unnumbered quantity (many, several, most, few)"),
        ("The children were severely malnourished.", "an intensifying adverb (very, extremely, severely)"),
        ("The drug is widely used in Europe.", "a consensus or frequency adverb (widely, generally, often, usually)"),
        ("The bridge was closed on Monday.", "an agentless passive"),
        (
            "The council wants a new bridge.",
            "a verb of wanting or planning (want, hope, fear, expect, plan)",
        ),
        ("The town built a wall to stop the floods.", "a purpose clause (in order to, an adverbial to-infinitive)"),
        ("Records show a rise in thefts.", "an evidence word (evidence, proof, confirm, show, reveal, indicate)"),
    ],
)
def test_a_sentence_holds_the_construction_its_claim_rests_on(nlp, text, construction):
    assert construction in held(nlp, text)


def test_dates_and_years_are_no_numbers_and_a_plain_event_holds_nothing(nlp):
    assert held(nlp, "The council met on 3 May 2019 in the town hall.") == []


def test_quoted_and_reported_words_are_not_the_outlets_own_voice(nlp):
    assert held(nlp, 'The mayor said: "Fares will rise because of the storm."') == []
    assert held(nlp, "The mayor said that fares will rise.") == []


def test_counts_pair_each_reference_sentence_with_the_analyzers_and_a_number_needs_no_attribution_in_reach(nlp):
    text = "The mayor said fares rose. Fares rose 30 percent. Sales will fall. The line will open in May."
    doc = nlp(text)
    bounds = [(s.start_char, s.end_char) for s in doc.sents]
    assert len(bounds) == 4

    def spans(*labels: str) -> list[Span]:
        return [Span(s, e, label) for (s, e), label in zip(bounds, labels, strict=True)]

    reference = spans("attributed", "unsupported", "unsupported", "other")
    predicted = spans("attributed", "other", "other", "other")
    counts = widening.widening_counts(doc, reference, predicted)
    future = "a future or conditional (will, would, be to, going to)"
    assert counts == Counter({(future, "missed"): 1, (future, "left unsupported"): 1, (future, "left other"): 1}), (
        "30 percent follows an attributed sentence: no number counted"
    )

    counts = widening.widening_counts(doc, spans("other", "unsupported", "other", "other"), spans(*["other"] * 4))
    assert counts[(widening.NUMBER, "missed")] == 1
    assert counts[(widening.NUMBER, "left unsupported")] == 1


def test_the_table_gives_missed_and_left_other_per_set_in_construction_order():
    counts = Counter({(widening.NUMBER, "missed"): 2, (widening.NUMBER, "left unsupported"): 2})
    counts[(widening.NUMBER, "left other")] = 7
    lines = widening.table({"A": counts, "readers": Counter()}).splitlines()
    assert lines[0] == (
        "| construction | A: missed; left other, unsupported / not | readers: missed; left other, unsupported / not |"
    )
    assert lines[2] == f"| {widening.NUMBER} | 2; 2 / 7 | 0; 0 / 0 |"
    assert len(lines) == 2 + len(widening.CONSTRUCTIONS)
