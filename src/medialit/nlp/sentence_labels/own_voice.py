"""Which words are the article's own voice, and the claims and model features read from them.

Words inside a quotation or in a clause a reporting verb governs ("asked how the war could affect trade") are
someone else's; only the rest can make a sentence unsupported by a checkable claim (``medialit.nlp.claims``) or
by the shipped model's judgement (``medialit.nlp.unsupported_model``).
"""

from __future__ import annotations

from collections.abc import Sequence

from spacy.tokens import Doc, Token

from medialit.core.article import Article
from medialit.core.spans import Span
from medialit.nlp.claims import RULES, claim_hits
from medialit.nlp.quotes import Quote, quote_at
from medialit.nlp.reporting_lexicon import reporting_entry
from medialit.nlp.unsupported_model import features


def candidate_features(doc: Doc, article: Article, quotes: list[Quote], position: int) -> list[float]:
    """The model's features of sentence number ``position`` (shared with ``tools/train_unsupported.py``)."""
    start, end = article.sentences[position]
    outlet = str(article.meta.get("outlet", "")).strip()
    block = next((b for b in article.paragraphs if b.start <= start < b.end), None)
    interviewer = bool(outlet) and block is not None and article.body[block.start : block.end].startswith(outlet + ":")
    return features(doc, start, end, lambda t: _own_voice_excluded(t, quotes), position, interviewer)


def _own_voice_excluded(token: Token, quotes: list[Quote]) -> bool:
    return quote_at(quotes, token.idx) is not None or in_reported_clause(token, token.i, token.i + 1)


def own_voice_claims(
    doc: Doc, start: int, end: int, quotes: list[Quote], rules: tuple[str, ...] = RULES, aside: Sequence[Span] = ()
) -> list[tuple[str, str]]:
    """Checkable claims (figures, causes, rankings, judgements) in the sentence's own-voice words.

    Words inside a quotation or governed by a reporting verb ("asked how the
    war could affect trade") are someone else's.
    """
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None:
        return []
    return claim_hits(
        span, lambda t: _own_voice_excluded(t, quotes) or any(a.start <= t.idx < a.end for a in aside), rules
    )


def in_reported_clause(token: Token, start: int, end: int) -> bool:
    """A word inside what a speech verb reports ("asked how it could ...") is not the article's own voice."""
    child = token
    for head in token.ancestors:
        governed = child.dep_ in REPORTED_LINKS  # "said X and placed Y": Y is the writer's, not the speaker's
        if governed and head.pos_ == "VERB" and not start <= head.i < end and reporting_entry(head):
            return True
        child = head
    return False


REPORTED_LINKS = frozenset({"ccomp", "xcomp", "parataxis", "advcl", "csubj"})
"""Links by which a reporting verb governs what it reports: a clause ("asked how it could ...", "told them to
leave"). Its subject, object or prepositional phrase is no report ("women hold 28 percent of the seats",
"trade accounts for 60 percent"), nor is a verb coordinated with it ("said X and placed Y")."""
