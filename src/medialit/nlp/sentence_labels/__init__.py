"""One label per sentence: attributed, unsupported or other (corpus guidelines, "Sentences").

- ``attributed``: a cue in the sentence credits its main claim (``main_claim``: a cue that
  credits only an aside, "a plane, reported by local press as ..., crashed", leaves the
  main claim to the article), or the sentence lies inside attributed content (also a dash
  paragraph continuing a quote), and the source is identifiable;
- ``unsupported``: its claim rests on a vague source, or it speaks in the
  article's own voice through a hedge ("reportedly", "may"), an impersonal
  construction that hides the source ("it was known") or an evaluative word
  ("historic"), or it is a heading built on a scare quote;
- ``other``: everything else (background facts, headings, datelines).

Each label carries its reasons: the cue and speaker, the vague source, the hedge.

Where each judgement lives: ``attributed`` (whose claim the sentence is; ``main_claim``: which part is its main
claim), ``source_kinds`` (vague, anonymous and relayed sources no reader can check), ``hidden_source`` (a hidden
source on the main claim), ``references`` (a closing reference is evidence), ``news_reports`` (which claim rules
apply), ``own_voice_cues`` (hedges and framing words that carry a claim), ``own_voice`` (the article's own words,
their checkable claims and the model's features) and ``assembly`` (``label_sentences``: the order they apply in).
"""

from __future__ import annotations

from medialit.nlp.sentence_labels.assembly import label_sentences
from medialit.nlp.sentence_labels.attributed import ASIDE, NOTHING_FOUND, QUOTE_MARKS
from medialit.nlp.sentence_labels.news_reports import is_dated_report, is_news_report
from medialit.nlp.sentence_labels.own_voice import REPORTED_LINKS, candidate_features, own_voice_claims
from medialit.nlp.sentence_labels.own_voice_cues import (
    ANYONE,
    FIGURE_ENTITIES,
    NAMES,
    SEQUENCE_MARKERS,
    STATIVE,
    UNSUPPORTING_FRAMING,
)
from medialit.nlp.sentence_labels.references import cited
from medialit.nlp.sentence_labels.source_kinds import CITING, INFORMANTS

__all__ = [
    "ANYONE",
    "ASIDE",
    "CITING",
    "FIGURE_ENTITIES",
    "INFORMANTS",
    "NAMES",
    "NOTHING_FOUND",
    "QUOTE_MARKS",
    "REPORTED_LINKS",
    "SEQUENCE_MARKERS",
    "STATIVE",
    "UNSUPPORTING_FRAMING",
    "candidate_features",
    "cited",
    "is_dated_report",
    "is_news_report",
    "label_sentences",
    "own_voice_claims",
]
