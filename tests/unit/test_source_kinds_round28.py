"""Round 28: a board is a body of people, not a text (K2: "an organisation"; K18 rule 3).

Invented sentences only. "board" sat in the ``document_sources`` lexicon, so a board that
confirmed or said something was typed a document; the texts a board writes keep theirs.
"""

from __future__ import annotations

import pytest

from medialit.core.article import from_text
from medialit.nlp.attribution import find_attributions

pytestmark = pytest.mark.model


def kinds(nlp, text: str) -> list[tuple[str, str]]:
    """(source words, source kind) of every attribution in a one-paragraph report."""
    article = from_text(f"Report\nMonday, May 4, 2015\n{text}\n", title="Test")
    found = find_attributions(nlp(article.body), article)
    return [(a.source.text(article.body), a.source_kind) for a in found.attributions]


@pytest.mark.parametrize(
    ("text", "source"),
    [
        ("The county administrative board confirmed that wolves were shot.", "The county administrative board"),
        ("The school board said that the school will close.", "The school board"),
        ("According to the harbour board, the ferry was late.", "the harbour board"),
    ],
)
def test_a_board_is_an_organisation(nlp, text, source):
    assert kinds(nlp, text) == [(source, "organisation")]


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("A statement from the harbour board said that ferries will stop.", "document"),
        ("Posts on the message board claimed that the ferry was unsafe.", "vague"),
    ],
)
def test_what_a_board_holds_keeps_its_kind(nlp, text, kind):
    """A board's statement is a document (K18 rule 2); posts on a message board are no particular source."""
    ((_, found),) = kinds(nlp, text)
    assert found == kind
