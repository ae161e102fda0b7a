"""Attributions: who is credited with what, found on one parsed Doc.

Rules, each named in the ``rule`` of what it finds:

- ``verb:<lemma>``: a reporting verb (``speech_verbs`` lexicon) with a subject
  and content: a clause (also before the cue: "CLAUSE, the agency said"; or
  the main clause of "As X told Y, CLAUSE"), an object where the verb allows
  one ("highlighted the attacks"), an adjacent quotation ('"...," said X',
  'X said, "..."', also split around the cue), or the text of a dialogue-dash
  paragraph ending in ", says X";
  also a figure as object ("recorded 340 aftershocks");
- ``passive:<lemma>``: "This was conveyed by X" (a bare "this" is the sentence before);
  ``as_reported:<lemma>``: "As reported by X, CLAUSE", "a ferry, reported by X as belonging to ...", "The
  biggest lie being told by X is that CLAUSE" (a noun of saying or thinking);
- ``according_to``, ``stance_adjective:<word>`` ("are concerned", "were
  critical of"), ``speech_noun:<noun>`` ("have given signals that");
- ``in_statement:<noun>``: a verb outside the lexicon whose words come from a
  statement, letter or interview ("the union, in a statement, rejected ...");
- ``view_is:<noun>``: a view stated after a copula ("Darwin's view is that ...", "The gist of
  Einstein's theory is that ..."); ``list:<noun>``: a list announced as someone's postulates or
  demands ("Here are the postulates of Dalton's theory." and a numbered list);
  ``according_to:by``: "by early reports" between commas; ``according_to:from_<noun>``: accounts named as
  where a clause comes from ("From all the reports I have read, ..."); ``according_to:per``: "per ABC News";
- ``colon``: "Anna Berg: ..." (a named speaker, a colon, the statement);
  ``colon:turn``: an interview answer after its speaker label, running on
  over the paragraphs after it (the interviewer's turns credit nobody);
- ``dash_signature``: a quotation paragraph signed after a dash ("— Peres");
- ``fallback:<lemma>``: a core speech verb (say, tell, state, claim ...) that no rule read, found with fewer
  demands on the parse (the subject, else the noun phrase before or after the verb; the clause, a that-clause
  under the object, a quotation, or the rest of the sentence); less sure than the rules above;
  ``participle:<lemma>``: the same verbs as a bare participle with a clause or a quotation after it ("groups
  claiming the vote was stolen gathered", "filed a motion claiming ...", "cited X as stating ..."), credited to
  the noun it modifies, the issuer of the text it modifies, or the main clause's subject.

Reporting verbs come from the hand list (``speech_verbs``) and from WordNet
(``reporting_verbs_wordnet``); a verb only WordNet lists needs a subject that
can speak and a that-clause or quotation. "I"/"we" outside any quotation is
the author (a speech, an essay), not a source.

No attribution for negated cues, infinitives ("to convey"), bare participles without a clause or quotation,
cues under a modal of ability, possibility, obligation or the future ("could demand", "will
write"; not "would"), or cues without content (guidelines rule 3); their subjects are kept as
sources without content. Quotations that follow with no cue of their own
continue an attribution, a cue sentence ending in ":" governs the bulleted
list or quotation after it, and a dash paragraph without a cue continues the
dash quote before it. Offsets are those of ``doc.text`` (the article body).

Where each stage lives: ``assembly`` (``find_attributions``: candidates,
attributions, then the stages after), ``verbs`` and ``verb_content``
(reporting verbs and what they credit), ``phrases`` (according to, stance
adjectives, speech and content nouns, in a statement, "made it clear"),
``fallback`` and ``participles`` (core speech verbs the rules passed over), ``quoted_texts`` (a text that
reads, a quote by or attributed to someone, "(source: X)", a quotation as an object), ``punctuation`` (colon statements,
interview turns, dash signatures), ``following`` (content
running on), ``speakers`` (pronouns, rule 3); ``context`` and ``tokens`` are
shared by all. The word lists are read by ``medialit.nlp.reporting_lexicon``.
"""

from medialit.nlp.attribution.assembly import Found, find_attributions
from medialit.nlp.reporting_lexicon import lexicon_entry, reporting_entry, verb_lemma, verb_lexicon

__all__ = ["Found", "find_attributions", "lexicon_entry", "reporting_entry", "verb_lemma", "verb_lexicon"]
