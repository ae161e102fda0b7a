"""Sources: who a source phrase refers to, what kind of source it is, and where it is mentioned.

- ``speakers``: ``SpeakerResolver`` resolves pronouns, titles and surnames to one speaker, trying the rules of
  ``antecedents`` (pronouns, relative pronouns, repeated nouns), ``titles`` (titles and their holders) and
  ``names`` (names, surnames and acronyms) in turn;
- ``kinds``: what kind of source a phrase names (K2, K7, K18);
- ``words``: the word classes both read (titles, vague heads, document and outlet words);
- ``phrases``: the words that name a source (``noun_phrase``);
- ``collect``: the article's distinct sources with their mentions (``collect_sources``).

Kinds: ``person``, ``organisation``, ``document`` (documents and news
outlets), ``vague`` (no particular source), ``anonymous`` (one particular
source, not named; with the reason K7 asks for it counts as a person) and
``pronoun`` (a pronoun left unresolved).
"""

from medialit.nlp.sources.collect import Source, collect_sources
from medialit.nlp.sources.kinds import (
    ANONYMITY_REASON,
    K7_REASON,
    KINDS,
    UNCHECKED_KINDS,
    anonymity_explained,
    is_vague,
    issuer_of,
    mention_kind,
    one_unnamed,
    outlet_name,
    source_kind,
    unchecked,
)
from medialit.nlp.sources.phrases import noun_phrase
from medialit.nlp.sources.speakers import SpeakerResolver
from medialit.nlp.sources.words import (
    INSTITUTIONS,
    SPEAKER_PRONOUNS,
    document_heads,
    source_nouns,
    title_words,
    vague_heads,
    vague_modifiers,
)

__all__ = [
    "ANONYMITY_REASON",
    "INSTITUTIONS",
    "K7_REASON",
    "KINDS",
    "SPEAKER_PRONOUNS",
    "UNCHECKED_KINDS",
    "Source",
    "SpeakerResolver",
    "anonymity_explained",
    "collect_sources",
    "document_heads",
    "is_vague",
    "issuer_of",
    "mention_kind",
    "noun_phrase",
    "one_unnamed",
    "outlet_name",
    "source_kind",
    "source_nouns",
    "title_words",
    "unchecked",
    "vague_heads",
    "vague_modifiers",
]
