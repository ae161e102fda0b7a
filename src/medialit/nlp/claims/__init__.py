"""Checkable claims in the article's own voice: what a careful editor asks "how do we know?" about.

Beyond hedges and evaluative words (``sentence_labels``), a sentence that no
source covers is unsupported when it carries one of these, each a named rule
with a reason a student can read:

- ``hidden_actor``: an order, judgement or name with its author left out ("she was told to leave",
  "he was considered the founding father", "she was accused of fraud");
- ``hidden_source``: a passive of saying, knowing or perceiving with nobody behind it (K3): "he is
  reported to have fled", "the rest are presumed dead", "it was intimated that ...", "the ruling is
  expected in June", "the shop was observed limiting sales", an occurrence put on record or a deed ascribed by
  nobody named ("a quake was recorded", "an attack ascribed to the rebels"), or unnamed reports ("five by varying
  reports");
- ``vague_group``: a claim by or about an unnamed group ("many people dislike math", "a number of
  senators condemned the act", "scientists cautioned against it");
- ``trend``: a change under way or graded, with no figure ("prices have been rising", "output fell
  sharply");
- ``figure_change``: a figure of change ("rose by 15%", "increased 18-fold", "up from 2.48");
- ``proportion``: a share of a whole ("one in three", "a quarter of", "40 percent", "seven per 100,000");
- ``estimate``: an approximate count of people ("about 100,000 Greeks");
- ``crowd``: the size of a crowd at an event ("the vigils were attended by thousands", "one of which drew
  two million people"): organisers and police often give different counts, a contested figure;
- ``cause``: a cause stated as fact ("due to", "causing", "sparked");
- ``superlative``: a characterising ranking ("one of the most popular") or a record ("the largest
  company in the country", "the most women in its history");
- ``evaluative``: a strongly evaluative adjective (VADER ratings, ``evaluative_vader``)
  in a noun phrase that characterises ("..., a fantastic display", "he is a cruel man"); a
  predicate adjective ("she remained exuberant") mostly reports a feeling, not a judgement;
- ``degree``: a characterisation graded with no measure ("is extremely critical", "was
  relatively secretive", "a highly unstable coalition");
- ``judging_adverb``: the writer's verdict on how or that something happened ("fought
  heroically", "tragically", "not surprisingly"): a stance adverb, or an adverb made from one of
  the framing lexicon's evaluative adjectives;
- ``mind``: a feeling or thought ascribed to someone else ("she fell in love with him",
  "he felt compelled", "they did not realise"): how does the writer know?
- ``motive``: a purpose or motive ascribed to someone ("so they could be closer",
  "popped up seeking to profit"): why people act is a claim about their minds; "in order to" gives the
  stated aim of an act, no motive;
- ``generic``: a quality ascribed to a whole kind, in the present tense ("fires are common in
  India", "such schemes are costly"): a generalisation a report states beside its events;
- ``likeness``: a likeness the writer draws ("the incident is reminiscent of two others",
  "the rules are similar to those of 2010"): a characterisation, not an event.
- ``advice``: what someone should do, in the writer's own voice ("the council should now build the
  lane"): an opinion, in a news report as anywhere (K14).

In a text that argues or explains (no dateline: an essay, a textbook, a
speech, an encyclopedia entry) the writer's own reasoning is a claim too:

- ``generalisation``: how things usually are ("entrepreneurs frequently face");
- ``prescription``: what must be ("the state must protect"; "should" is ``advice``, in every text);
- ``conclusion``: what the text infers ("thus", "it follows that");
- ``prediction``: a forecast ("this system will facilitate"), not a schedule or the reader's plan;
- ``importance``: importance asserted ("the role of the state is essential").

A dated news report states events in its own voice, so these five are not
applied there (on the tuning part they cost news reports precision and
found nothing). Words inside quotations are someone else's, not the
article's voice.

Where each rule lives: ``hidden_sources`` (hidden actors and sources,
unnamed groups), ``figures`` (trends, figures of change, proportions, rates,
estimates, rankings and records), ``causes`` (causes and motives),
``judgements`` (evaluative words, degree, judging adverbs, minds, generics,
likenesses) and ``essays`` (the five rules for undated texts); each module's
``CHECKS`` names its rules. ``clauses`` holds two verb tests they share.
"""

from __future__ import annotations

from collections.abc import Callable

from spacy.tokens import Span as DocSpan
from spacy.tokens import Token

from medialit.nlp.claims import causes, essays, figures, hidden_sources, judgements
from medialit.nlp.claims.hidden_sources import hides_source, person_nouns
from medialit.nlp.claims.judgements import evaluative_words, judging_adjectives

RULES = (
    "hidden_actor",
    "hidden_source",
    "vague_group",
    "trend",
    "figure_change",
    "proportion",
    "estimate",
    "crowd",
    "cause",
    "superlative",
    "evaluative",
    "degree",
    "judging_adverb",
    "mind",
    "motive",
    "generic",
    "likeness",
    "advice",
    "generalisation",
    "prescription",
    "conclusion",
    "prediction",
    "importance",
)
REPORT_RULES = RULES[: RULES.index("generalisation")]
"""The rules for a dated news report; the others judge the writer's own argument (essays, textbooks, speeches)."""


def claim_hits(
    sentence: DocSpan, quoted: Callable[[Token], bool], rules: tuple[str, ...] = RULES
) -> list[tuple[str, str]]:
    """(rule, reason) for each checkable claim in ``sentence``; ``quoted(token)`` says a token is in a quotation."""
    tokens = [t for t in sentence if not quoted(t)]
    out = []
    for rule in rules:
        reason = _RULES[rule](tokens)
        if reason:
            out.append((rule, reason))
    return out


_RULES = {**hidden_sources.CHECKS, **figures.CHECKS, **causes.CHECKS, **judgements.CHECKS, **essays.CHECKS}

__all__ = [
    "REPORT_RULES",
    "RULES",
    "claim_hits",
    "evaluative_words",
    "hides_source",
    "judging_adjectives",
    "person_nouns",
]
