"""A fallback for reporting verbs no rule read: "fallback:<lemma>".

The rules read a cue through the parse; on unseen text the parse is often wrong in a way nobody has seen
(the speaker hung on another verb as its object, the clause hung on an apposition, the verb tagged as a
noun). When a sentence holds a clear reporting verb that no rule turned into an attribution, the fallback
reads it with fewer demands on the parse: the source is the verb's subject, else the noun phrase right
before the verb ("Znak.com reported its source said that ..."), else right after it ("..., said police");
the content is the verb's clause, else a that-clause anywhere under its object ("told Anadolu Agency, a
local outlet, that ..."), else an adjacent quotation, else the object of a verb whose object is what it
reports ("describe", "announce"), else the rest of the sentence when it holds a clause.

Only the core speech verbs count: verbs of the hand list with a neutral or evaluative stance that WordNet
files in ``verb.communication`` with a that-clause frame (say, tell, state, claim, report, announce ...), in
a finite form, not negated, not under a modal of ability, possibility, obligation or the future, not in a quotation,
not passive. The rule name tells the student the finding is less sure than the others.
"""

from __future__ import annotations

from functools import cache

from spacy.tokens import Token

from medialit.core.spans import Attribution
from medialit.nlp.attribution.context import Context
from medialit.nlp.attribution.participles import framing_participle, participle_cue
from medialit.nlp.attribution.tokens import (
    CLAUSE_OPENINGS,
    FINITE,
    FINITE_OR_MODAL,
    SUBJECTS,
    can_speak,
    first_subject,
    in_question,
    in_relative_clause,
    no_speaker,
    object_read_as_subject,
    part_of_the_text,
    subject_of,
    under_modal,
    verb_tagged_as_noun,
)
from medialit.nlp.attribution.verb_content import CIRCUMSTANCE_MARKS, circumstance_clause, hearer
from medialit.nlp.lexicons import load_lexicon
from medialit.nlp.reporting_lexicon import lexicon_entry, verb_lemma

NOT_SPEAKERS = frozenset("DATE TIME CARDINAL ORDINAL PERCENT MONEY QUANTITY".split())


@cache
def core_verbs() -> frozenset[str]:
    """The hand list's verbs of stating (neutral or evaluative stance) that WordNet's verb.communication lists
    with the frame "Somebody ----s that CLAUSE": verbs that, used finitely by a speaker, nearly always report a
    statement (the exceptions, such as "claimed the gold medal", are kept out by the lexicon and the guards)."""
    wordnet = {e["id"] for e in load_lexicon("reporting_verbs_wordnet") if e["stance"] == "communication"}
    hand = {e["id"] for e in load_lexicon("speech_verbs") if e["stance"] in ("neutral", "evaluative")}
    return frozenset(hand & wordnet)


def fallback_candidates(ctx: Context, attributions: list[Attribution]) -> list[dict]:
    """Candidates for the core speech verbs that no attribution has as its cue (a bare participle with a clause
    after it as well: ``participles``), and for any reporting verb's "-ing" form framing a quotation."""
    cues = [(a.cue.start, a.cue.end) for a in attributions]
    out = []
    for token in ctx.doc:
        core = verb_lemma(token) in core_verbs()
        if not (core or token.lower_.endswith("ing")) or any(start <= token.idx < end for start, end in cues):
            continue
        if not core:  # '..., writing, "..."': a reporting verb outside the core list framing a quotation
            if (framed := framing_participle(ctx, token, attributions)) is not None:
                out.append(framed)
            continue
        candidate = fallback_cue(ctx, token) or participle_cue(ctx, token, f"participle:{verb_lemma(token)}")
        if candidate is not None:
            out.append(candidate)
    return out


def fallback_cue(ctx: Context, verb: Token) -> dict | None:
    """The candidate of a core speech verb the rules passed over, read with as little of the parse as will do."""
    entry = lexicon_entry(verb)
    if entry is None or entry["id"] not in core_verbs() or not stating_use(ctx, verb):
        return None
    source = source_of(ctx, verb)
    if source is None:
        return None
    cue = (verb.idx, verb.idx + len(verb))
    content, how = content_of(ctx, verb, source, entry)
    if content is None:
        return None
    return {"cue": cue, "source": source, "content": content, "how": how, "rule": f"fallback:{entry['id']}"}


def stating_use(ctx: Context, verb: Token) -> bool:
    """A finite, affirmative, realised use of the verb in the text's own voice (outside quotations and dash
    paragraphs), not in a relative clause whose object it lacks ("what someone just said", "the state of
    emergency Trump declared"): somebody made a statement."""
    perfect = verb.tag_ in ("VBN", "VB") and any(a.dep_ == "aux" and a.lemma_ in ("have", "do") for a in verb.children)
    noun_read = verb.pos_ == "NOUN" and (verb_tagged_as_noun(verb) or coordinated_as_noun(verb))
    if not ((verb.tag_ in FINITE or perfect) and verb.pos_ in ("VERB", "AUX")) and not noun_read:
        return False
    if any(c.dep_ in ("neg", "nsubjpass", "auxpass") for c in verb.children):
        return False
    if under_modal(verb, would=False, coordinated=True):  # as for the verb rule: "would" tells a past statement
        return False
    if in_question(verb):
        return False  # "Did the mayor say that ...?": a question asserts nothing, as for the verb rule
    if verb.dep_ in ("relcl", "acl") or any(c.tag_ in ("WP", "WDT") and c.i < verb.i for c in verb.children):
        return False
    if object_read_as_subject(verb):
        return False  # a relative clause read as a second subject: "the state of emergency the governor declared"
    block = ctx.block_of(verb.idx)
    return not ctx.in_quote(verb.idx) and (block is None or block.kind != "quote")


def coordinated_as_noun(token: Token) -> bool:
    """ "The database lists X and states it runs flights": a present tense after "and" tagged as a plural noun,
    with a finite clause right after it that the parser gave to the verb before."""
    return (
        token.tag_ == "NNS" and token.dep_ == "conj" and token.head.pos_ == "VERB" and clause_after(token) is not None
    )


def clause_after(token: Token) -> Token | None:
    """A finite clause of the verb ``token`` hangs on that starts right after ``token``."""
    return next(
        (c for c in token.head.children if c.dep_ == "ccomp" and c.tag_ in FINITE and c.left_edge.i == token.i + 1),
        None,
    )


def source_of(ctx: Context, verb: Token) -> Token | None:
    """The verb's subject; else the noun phrase right before the verb, or right after it ("..., said police")."""
    subject = first_subject([c for c in verb.children if c.dep_ in SUBJECTS])
    if subject is None and verb.dep_ == "conj":  # "lists X and states ...": the subject both verbs share
        shared = subject_of(verb)
        subject = shared if shared is not None and shared.dep_ == "nsubj" else None  # not "it can be found"
    if subject is None or ctx.in_quote(subject.idx):  # '"Our team" co-author Anna Berg said': not the quote's words
        subject = noun_before(verb) or noun_after(verb)
    if subject is None or not can_speak(subject) or ctx.in_quote(subject.idx):
        return None
    if no_speaker(subject) or part_of_the_text(subject):
        return None  # as for the verb rule ("you", "anyone", "No group claimed", "This chapter argues"), whose
        # test of the text's parts applies outside quotations: ``stating_use`` keeps the verb outside them
    if subject.ent_type_ in NOT_SPEAKERS:
        return None  # "..., said on Wednesday": unlike the verb rule, the fallback takes the noun beside the verb
    if subject.lower_ in ("that", "this", "these", "those"):
        return None  # "That said, ...": a linking phrase. Stricter than the verb rule, which refuses a demonstrative
        # only right before the verb and a comma: the fallback also takes the word before the verb as its speaker
    return subject


def noun_before(verb: Token) -> Token | None:
    """The head of the noun phrase that ends right before the verb (past adverbs and commas): the speaker the
    parser hung elsewhere ("reported its source said", "the president ..., Jamel Msallem, said")."""
    k = verb.i - 1
    while k >= verb.sent.start and (verb.doc[k].pos_ == "ADV" or verb.doc[k].text == ","):
        k -= 1
    if k < verb.sent.start:
        return None
    token = verb.doc[k]
    if token.pos_ not in ("NOUN", "PROPN", "PRON"):
        return None
    while token.dep_ in ("compound", "flat") and token.head.i > token.i:
        token = token.head
    if token.dep_ == "conj" and token.head.pos_ in ("NOUN", "PROPN"):
        token = token.head  # "Bos and colleagues describe": the first of the speakers names them
    if under_modal(token.head, would=False, coordinated=True):
        return None  # "you will hear the counsel say ...": what someone will say is no statement made
    return token


def noun_after(verb: Token) -> Token | None:
    """ "..., said police.": the noun phrase right after the verb, closing its clause."""
    after = [c for c in verb.children if c.i > verb.i and c.dep_ in ("dobj", "npadvmod", "attr")]
    if not after:
        return None
    noun = after[0]
    end = noun.right_edge.i + 1
    closes = end >= len(verb.doc) or verb.doc[end].is_punct
    return noun if closes and noun.left_edge.i == verb.i + 1 and noun.pos_ in ("NOUN", "PROPN") else None


def content_of(ctx: Context, verb: Token, source: Token, entry: dict) -> tuple[tuple[int, int] | None, str]:
    """The verb's clause, a that-clause under its object, an adjacent quotation, the object of a verb whose object
    is what it reports ("describe", "announce"), or the rest of the sentence."""
    clause = next((c for c in verb.children if c.dep_ in ("ccomp", "xcomp") and c.i > verb.i), None)
    if verb.pos_ == "NOUN" and verb.dep_ == "conj":
        clause = clause_after(verb)
    if clause is not None and (circumstance_clause(clause) or parenthetical(clause)):
        return None, ""  # "declared it so he could ...", "charged him with murder, they said"
    if clause is not None and source.i <= clause.i:  # the clause lies after the verb; not one after the speaker
        return kept(ctx, verb, ctx.extent(clause)), "clause"
    marked = that_under_object(verb)
    if marked is not None:
        return kept(ctx, verb, ctx.extent(marked)), "clause"
    quote = ctx.quote_after(verb.idx + len(verb))
    if quote is not None:
        return (quote.start, quote.end), "quote"
    obj = next((c for c in verb.children if c.dep_ == "dobj" and c.i > verb.i), None)
    shared = source.dep_ in SUBJECTS and source.head.i != verb.i  # "celebrates X; announces new homes": an act
    if obj is not None and entry["content"] == "object" and source.i < verb.i and not shared:
        return kept(ctx, verb, (ctx.extent(obj)[0], _own_end(ctx, verb))), "clause"  # "describe ants appearing to"
    return rest_of_sentence(ctx, verb, source), "clause"


def _own_end(ctx: Context, verb: Token) -> int:
    """Where the verb's own words end: the right edge of its last child that is not a verb joined to it ("describe
    bees ... and call for more study" ends before "and")."""
    own = [c for c in verb.children if c.dep_ not in ("conj", "cc", "punct")]
    last = max(own, key=lambda c: c.right_edge.i, default=verb).right_edge
    return last.idx + len(last)


def rest_of_sentence(ctx: Context, verb: Token, source: Token) -> tuple[int, int] | None:
    """The words after the verb (and after the one told, or the speaker after it) to the sentence's end, when
    they hold a finite clause the parser hung elsewhere and the verb has no object of its own: an object
    ("declared a state of emergency", "charged the suspect") makes the verb an act, not a report."""
    objects = [c for c in verb.children if c.i > verb.i and c.dep_ in ("dobj", "dative", "attr", "oprd")]
    told = [o for o in objects if hearer(o)]
    if len(told) < len(objects) and source not in objects:
        return None
    last = max(
        [verb] + [t.right_edge for t in told] + ([source.right_edge] if source.i > verb.i else []), key=lambda t: t.i
    )
    sentence = verb.sent
    rest = verb.doc[last.i + 1 : sentence.end]
    if not len(rest) or rest[0].pos_ not in CLAUSE_OPENINGS or rest[0].lower_ in CIRCUMSTANCE_MARKS:
        return None  # "That said, ...", "..., said police.", "told them in ...", "so he could ..."
    if not any(t.tag_ in FINITE_OR_MODAL and not in_relative_clause(t, verb) for t in rest):
        return None
    return kept(ctx, verb, (rest[0].idx, rest[-1].idx + len(rest[-1])))


def parenthetical(clause: Token) -> bool:
    """A reporting verb with its own subject hung on the verb as its clause: "X charged Y, they said"."""
    return lexicon_entry(clause) is not None and any(c.dep_ in SUBJECTS for c in clause.children)


def that_under_object(verb: Token) -> Token | None:
    """A clause opened by "that" that the parser hung under the verb's object ("told Anadolu Agency, a local
    news outlet, that one of the deceased was ...": a relative clause of the apposition)."""
    for child in (c for c in verb.children if c.i > verb.i and c.dep_ in ("dobj", "dative", "prep")):
        for token in child.subtree:
            marks = [m for m in token.children if m.dep_ == "mark" and m.lower_ == "that" and m.pos_ == "SCONJ"]
            if marks and marks[0].i < token.i:
                return token
    return None


def kept(ctx: Context, verb: Token, span: tuple[int, int]) -> tuple[int, int] | None:
    """The span kept inside the verb's paragraph, trimmed; None if nothing is left."""
    return ctx.kept(verb.idx, *span)
