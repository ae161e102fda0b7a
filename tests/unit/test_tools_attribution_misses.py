"""tools/attribution_misses.py: the construction a missed cue stands in, read from the parse (``shape``), and the
table of missed attributions by construction and tuning half."""

from __future__ import annotations

import attribution_misses as misses
import pytest

from medialit.core.spans import Span


def cue(text: str, word: str) -> Span:
    start = text.index(word)
    return Span(start, start + len(word), "cue")


@pytest.mark.parametrize(
    ("text", "word", "expected"),
    [
        ("The call was quickly seconded by the German chancellor.", "seconded", "passive or agent"),
        ("As revealed at trial, the parents kept the children indoors.", "revealed", "passive or agent"),
        ("The minister posted a message on Twitter blaming Iran for the attack.", "blaming", "participle (-ing)"),
        (
            "She belongs to the ruling party, which advocates independence for the island.",
            "advocates",
            "relative clause",
        ),
        ("Their demands have included new elections.", "demands", "noun cue"),
        ("Experts attribute this to human activity.", "attribute", "finite verb, object only"),
        ("The company has argued that the ban is unlawful.", "argued", "finite verb with a clause"),
    ],
)
def test_a_missed_cue_is_named_by_the_words_around_it(nlp, text, word, expected):
    assert misses.shape(nlp(text), cue(text, word), []) == expected


def test_a_cue_inside_a_found_attributions_content_is_nested_whatever_its_form(nlp):
    text = "Reuters said FSB sources have ascribed the explosion to terrorism."
    content = Span(text.index("FSB"), len(text) - 1, "content")
    assert misses.shape(nlp(text), cue(text, "have ascribed"), [content]) == "inside another attribution's content"
    assert misses.shape(nlp(text), cue(text, "have ascribed"), []) == "finite verb, object only"


def test_the_table_counts_misses_and_articles_per_half_and_leaves_out_empty_rows():
    missed = [
        {"article": "a1", "half": "A", "shape": "noun cue"},
        {"article": "a1", "half": "A", "shape": "noun cue"},
        {"article": "b1", "half": "B", "shape": "noun cue"},
        {"article": "b2", "half": "B", "shape": "relative clause"},
    ]
    rows = misses.shape_table(missed).splitlines()
    assert "| noun cue | 2 (1) | 1 (1) |" in rows
    assert "| relative clause | 0 (0) | 1 (1) |" in rows
    assert not any(row.startswith("| participle") for row in rows)


# --objects (twenty-seventh round): a lexicon verb with only an object, credited by the gold or not.
FIRST = {"death": "event", "warning": "communication", "attack": "act", "state": "state"}


def verb_span(text: str, word: str) -> list[Span]:
    return [cue(text, word)]


def test_first_noun_senses_keeps_the_file_of_each_nouns_most_frequent_sense(tmp_path):
    (tmp_path / "data.noun").write_text(
        "  1 licence header line\n"
        "00000010 10 n 01 claim 0 000 | an assertion that something is true\n"
        "00000020 04 n 02 claim 0 title 0 000 | a demand for something as rightful or due\n",
        encoding="utf-8",
    )
    (tmp_path / "index.noun").write_text(
        "  1 licence header line\nclaim n 2 0 2 0 00000010 00000020\ntitle n 1 0 1 0 00000020\n", encoding="utf-8"
    )
    assert misses.first_noun_senses(tmp_path) == {"claim": "communication", "title": "act"}


@pytest.mark.parametrize(
    ("text", "word", "tier", "kind"),
    [
        ("Police confirmed the deaths on Monday.", "confirmed", "hand list, object", "event"),
        (
            "The Air Force issued warnings against attempts to enter the base.",
            "issued",
            "WordNet, speech only",
            "communication",
        ),
        ("The minister condemned the attack.", "condemned", "act: judge", "act"),
        ("The government declared a state of emergency.", "declared", "hand list, clause", "state"),
    ],
)
def test_a_verb_with_only_an_object_is_counted_with_its_tier_and_object_class(nlp, text, word, tier, kind):
    uses = misses.object_uses(nlp(text), verb_span(text, word), [], [], FIRST)
    assert [(u["tier"], u["object"], u["credited"], u["found"]) for u in uses] == [(tier, kind, True, False)]


def test_a_verb_with_a_clause_or_inside_another_cues_gold_content_is_not_counted(nlp):
    for text in ("The mayor warned residents that the river would rise.", "The minister urged the council to vote."):
        assert misses.object_uses(nlp(text), [], [], [], FIRST) == []
    text = "Reuters said the police confirmed the deaths."
    content = [Span(text.index("the police"), len(text) - 1, "content")]
    assert misses.object_uses(nlp(text), verb_span(text, "said"), content, [], FIRST) == []
    uses = misses.object_uses(nlp(text), [], [], verb_span(text, "confirmed"), FIRST)
    assert [(u["lemma"], u["credited"], u["found"]) for u in uses] == [("confirm", False, True)]


def test_the_object_table_counts_credited_and_found_uses_per_half():
    uses = [
        {"half": "A", "tier": "hand list, object", "credited": True, "found": True},
        {"half": "A", "tier": "hand list, object", "credited": True, "found": False},
        {"half": "A", "tier": "hand list, object", "credited": False, "found": True},
        {"half": "B", "tier": "hand list, object", "credited": False, "found": False},
        {"half": "B", "tier": "act: cite", "credited": True, "found": False},
    ]
    rows = misses.object_table(uses, "tier").splitlines()
    assert "| hand list, object | 2 (1) / 1 (1) | 0 (0) / 1 (0) |" in rows
    assert "| act: cite | 0 (0) / 0 (0) | 1 (0) / 0 (0) |" in rows


# Round 28: false findings by the rule that fired and the shape of their cue.
def test_the_extra_table_counts_false_findings_by_rule_family_and_shape_per_half():
    extra = [
        {"article": "a1", "half": "A", "rule": "verb:order", "shape": "finite verb, object only"},
        {"article": "a2", "half": "A", "rule": "verb:deny", "shape": "finite verb, object only"},
        {"article": "b1", "half": "B", "rule": "verb:deny", "shape": "finite verb, object only"},
        {"article": "b1", "half": "B", "rule": "colon:statement", "shape": "noun cue"},
    ]
    rows = misses.extra_table(extra).splitlines()
    assert rows[2] == "| verb | finite verb, object only | 2 (2) | 1 (1) |"
    assert "| colon | noun cue | 0 (0) | 1 (1) |" in rows
    assert len(rows) == 4
