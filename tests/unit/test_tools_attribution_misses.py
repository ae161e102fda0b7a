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
