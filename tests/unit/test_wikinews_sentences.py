"""The sentence split that tools/gum_article.py gives scraped Wikinews articles (no GUM split to follow)."""

from __future__ import annotations

import gum_article  # tools/gum_article.py (tools/ is on the path: tests/unit/conftest.py)


def sentences(body: str) -> list[str]:
    return [body[a:b] for a, b in gum_article.split_sentences(body)]


def test_lines_are_sentences_and_split_inside_quotes():
    body = 'Headline here\n\nMonday, May 6, 2019\n\n"It is over. We won," she said. Then rain fell.\n'
    assert sentences(body) == [
        "Headline here",
        "Monday, May 6, 2019",
        '"It is over.',
        'We won," she said.',
        "Then rain fell.",
    ]


def test_titles_initials_and_us_do_not_end_a_sentence():
    body = "Dr. Livermore met U.S. Attorney Thomas T. Cullen at 9 a.m. Friday. P. damicornis grows.\n"
    assert sentences(body) == [
        "Dr. Livermore met U.S. Attorney Thomas T. Cullen at 9 a.m. Friday.",
        "P. damicornis grows.",
    ]


def test_an_elision_continues_and_a_bracketed_capital_starts():
    body = 'He said "it is late. [...] If so, we go." Later: "[T]he end. [...] Fine."\n'
    assert sentences(body) == ['He said "it is late.', '[...] If so, we go."', 'Later: "[T]he end.', '[...] Fine."']


def test_a_capital_outside_ascii_starts_a_sentence():
    body = "The ceremony was held at the hall. Łukasz spoke first. Ödön was there. ångström is a unit.\n"
    assert sentences(body) == [
        "The ceremony was held at the hall.",
        "Łukasz spoke first.",
        "Ödön was there. ångström is a unit.",
    ]
