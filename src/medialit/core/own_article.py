"""What to tell a learner about an article of their own before the analyzer reads it (lesson 7).

Lesson 7 loads whatever article a learner chooses (``article.load_article``);
the analyzer reads English only, and a very long text keeps the next cell busy
for minutes. One line says so before either surprises them.
"""

from __future__ import annotations

import re

from medialit.core.article import Article

LONG_ARTICLE_WORDS = 10_000
"""Past this many words an article's analysis takes a minute or more on a classroom laptop (11,822 words: 28.5 s on
the 2-core machine at load 11; 78,802 words: nearly 5 minutes), with nothing on screen meanwhile."""


def own_article_note(article: Article) -> str:
    """One line about a learner's own article before the analyzer reads it (lesson 7), or ``""``.

    self24: a German, Norwegian or Arabic article pasted into lesson 7 was analyzed without a word, and its
    findings were empty or wrong (the analyzer is an English pipeline); a very long one kept the next cell busy for
    minutes, silently. English's short words ("the", "of", "said") are 34 to 48 % of the words of every English
    article the kit ships and at most 11 % of the same news story in German, Norwegian, French or Spanish."""
    from spacy.lang.en.stop_words import STOP_WORDS  # a word list: no model is loaded

    words = re.findall(r"[^\W\d_]+", article.body.lower())
    if len(words) >= 20 and sum(w in STOP_WORDS for w in words) < 0.2 * len(words):
        return (
            "Note: this text does not look English; the analyzer reads English only, so what it finds below will be "
            "little or wrong: mark it yourself, or choose an English article."
        )
    if len(words) > LONG_ARTICLE_WORDS:
        return (
            f"Note: {len(words):,} words is a long article; the analysis below may take a few minutes "
            "(a few thousand words are enough for this lesson)."
        )
    return ""


def note_own_article(article: Article) -> None:
    """Print ``own_article_note``'s line, if it has one (lesson 7's loading cells)."""
    if note := own_article_note(article):
        print(note)
