"""Participles that report a clause, read by the fallback: "participle:<lemma>".

A core speech verb as a bare participle ("claiming", "stating", "announcing") reports a statement when what
follows it is a clause or a quotation: "groups claiming the election was stolen gathered", "filed a motion
claiming the emergency is unconstitutional", "upon announcing to journalists he remained alive". With only an
object it says who someone is or what they did ("editors requesting her collaboration", K1) and is left
alone. The parser often splits such a clause off the participle (its subject read as the participle's object,
its verb hung on the main clause), so the clause is read from the words after the participle, as the
fallback reads the rest of a sentence. The source is the speaker the participle belongs to: the noun it
modifies, the one who issued the text it modifies ("a motion claiming": who filed it), or the main clause's
subject for a participle after a comma or a preposition ("..., stating", "upon announcing").

A participle that frames a quotation after a comma ('..., writing, "..."', 'she said, further remarking, "..."')
is read by its form as well, since the tagger often takes the "-ing" word for a noun; it speaks for the speaker
of a cue just before it in the sentence, else for the main clause's subject ("framing:<lemma>").
"""

from __future__ import annotations

from spacy.tokens import Token

from medialit.core.spans import Attribution
from medialit.nlp.attribution.context import Context
from medialit.nlp.attribution.tokens import (
    CLAUSE_OPENINGS,
    FINITE_OR_MODAL,
    SUBJECTS,
    can_speak,
    first_subject,
    in_question,
    in_relative_clause,
    is_document,
    no_speaker,
    part_of_the_text,
)

REPORTED_OPENINGS = CLAUSE_OPENINGS - {"SCONJ"}
"""Words the reported clause can open with: its subject, or "that" (checked by itself), but no other
subordinator: "claiming if ..." reports nothing."""
ADVERBIAL_OPENERS = frozenset("upon after while when on".split())
"""Prepositions and marks that make a participle adverbial: its speaker is the main clause's subject."""
STEPPED_OVER = frozenset("to on in at via through".split())
"""Prepositions of the one told or the channel between a participle and its clause ("announcing to journalists")."""


def participle_cue(ctx: Context, verb: Token, rule: str) -> dict | None:
    """The candidate of a bare participle of a core speech verb with a clause or a quotation after it."""
    if verb.tag_ != "VBG" or any(c.dep_ in ("aux", "auxpass", "neg") for c in verb.children):
        return None  # "is saying" is a finite use the verb rule reads; "being told" is passive
    block = ctx.block_of(verb.idx)
    if ctx.in_quote(verb.idx) or in_question(verb) or (block is not None and block.kind == "quote"):
        return None
    source = participle_source(verb)
    if source is None or no_speaker(source) or part_of_the_text(source) or ctx.in_quote(source.idx):
        return None
    content = reported_clause(ctx, verb)
    if content is None:
        return None
    return {
        "cue": (verb.idx, verb.idx + len(verb)),
        "source": source,
        "content": content,
        "how": "clause",
        "rule": rule,
    }


def framing_participle(ctx: Context, token: Token, earlier: list[Attribution]) -> dict | None:
    """'..., stating, "..."', 'she said, further remarking, "..."': the "-ing" form of a reporting verb (any tag:
    the tagger often reads it as a noun) between a comma (and at most one adverb) and a comma or colon that
    opens a quotation. The quotation is the content; the source is the speaker of the nearest cue before it in
    the sentence, else the main clause's subject."""
    if not token.lower_.endswith("ing") or token.tag_ not in ("VBG", "NN") or token.i - 2 < token.sent.start:
        return None
    lemma = _verb_of(token.lower_)
    if lemma is None:
        return None
    doc = token.doc
    k = token.i - 2 if doc[token.i - 1].pos_ in ("ADV", "ADJ") else token.i - 1  # "further remarking"
    after = doc[token.i + 1] if token.i + 1 < len(doc) else None
    if after is None or after.text not in (",", ":"):
        return None
    if doc[k].text != "," and not (doc[k].is_quote and k > 0 and doc[k - 1].text == ","):
        return None  # '..., writing, "..."' or a quotation closed with its comma: '"... know," further remarking'
    block = ctx.block_of(token.idx)
    if ctx.in_quote(token.idx) or in_question(token) or (block is not None and block.kind == "quote"):
        return None
    quote = ctx.quote_after(token.idx + len(token))
    if quote is None:
        return None
    cue = next((a for a in reversed(earlier) if _just_before(ctx, a, doc[k].idx)), None)
    source = ctx.doc.char_span(cue.source.start, cue.source.end, alignment_mode="expand") if cue else None
    source = source.root if source is not None else main_subject(token)
    if source is None or no_speaker(source) or part_of_the_text(source) or ctx.in_quote(source.idx):
        return None
    return {
        "cue": (token.idx, token.idx + len(token)),
        "source": source,
        "content": (quote.start, quote.end),
        "how": "quote",
        "rule": f"framing:{lemma}",
    }


def _just_before(ctx: Context, attribution: Attribution, position: int) -> bool:
    """The attribution's cue or content ends right before ``position`` (past quotation marks and spaces only)."""
    end = max(attribution.cue.end, attribution.content.end if attribution.content else 0)
    return end <= position and not ctx.body[end:position].strip(" ,\"'”’")


def _verb_of(form: str) -> str | None:
    """The reporting verb an "-ing" form belongs to ("writing" -> "write", "stating" -> "state"), if any."""
    from medialit.nlp.reporting_lexicon import verb_lexicon

    stem = form[:-3]
    for lemma in (stem, stem + "e", stem[:-1] if len(stem) > 2 and stem[-1] == stem[-2] else ""):
        if lemma and " " not in lemma and lemma in verb_lexicon():
            return lemma
    return None


def participle_source(verb: Token) -> Token | None:
    """The noun the participle modifies (its issuer for a text), or the main clause's subject when the participle
    follows a comma or a preposition of time ("..., stating", "upon announcing")."""
    before = verb.doc[verb.i - 1] if verb.i > verb.sent.start else None
    if before is None:
        return None
    if before.text == "," or before.lower_ in ADVERBIAL_OPENERS:
        return main_subject(verb)
    if before.lower_ == "as" and verb.head.i == before.i and verb.head.head.lemma_ in ("cite", "quote"):
        cited = next((c for c in verb.head.head.children if c.dep_ == "dobj"), None)  # "cited X as stating"
        return cited if cited is not None and can_speak(cited) else None
    if before.pos_ not in ("NOUN", "PROPN") or verb.dep_ not in ("acl", "advcl", "xcomp", "dobj", "conj"):
        return None
    if before.ent_type_ in ("DATE", "TIME"):
        return None  # "with the latter yesterday confirming": a time is no speaker, and who spoke is not sure
    noun = before
    while noun.dep_ in ("compound", "flat") and noun.head.i > noun.i:
        noun = noun.head
    if not can_speak(noun) and noun.dep_ == "dobj":  # "filed a motion claiming ...": who issued the motion
        issuer = first_subject([c for c in noun.head.children if c.dep_ in SUBJECTS])
        return issuer if issuer is not None and can_speak(issuer) else None
    return noun if can_speak(noun) and not is_document(noun) else None


def main_subject(verb: Token) -> Token | None:
    """The subject of the nearest verb before the participle that has one able to speak."""
    for token in reversed(verb.doc[verb.sent.start : verb.i]):
        if token.pos_ not in ("VERB", "AUX"):
            continue
        subject = first_subject([c for c in token.children if c.dep_ in SUBJECTS])
        if subject is None and token.dep_ == "acl" and token.head.pos_ in ("NOUN", "PROPN"):
            subject = token.head  # "An eyewitness described ..." read as a noun with a participle
        if subject is not None and subject.i < verb.i and can_speak(subject):
            return subject  # "described how the attack unfolded, stating": past a subject that cannot speak
    return None


def reported_clause(ctx: Context, verb: Token) -> tuple[int, int] | None:
    """The participle's clause, a quotation right after it, or the words after it (past the one told or the
    channel) when they open and hold a finite clause with nothing between its subject and its verb but words."""
    clause = next((c for c in verb.children if c.dep_ == "ccomp" and c.i > verb.i), None)
    if clause is not None and any(t.tag_ in FINITE_OR_MODAL for t in clause.subtree):
        return ctx.kept(verb.idx, *ctx.extent(clause))
    quote = ctx.quote_after(verb.idx + len(verb))
    if quote is not None:
        return quote.start, quote.end
    k = verb.i + 1
    for prep in sorted((c for c in verb.children if c.dep_ == "prep" and c.lower_ in STEPPED_OVER), key=lambda c: c.i):
        if prep.i == k:
            k = prep.right_edge.i + 1  # "announcing to journalists", "confirming on Twitter"
    end = verb.sent.end
    rest = verb.doc[k:end]
    if not len(rest) or (rest[0].pos_ not in REPORTED_OPENINGS and rest[0].lower_ != "that"):
        return None
    first = next((t for t in rest if t.tag_ in FINITE_OR_MODAL and not in_relative_clause(t, verb)), None)
    if first is None or first.i == k or any(t.is_punct for t in verb.doc[k : first.i]):
        return None
    stop = next((t.i for t in verb.doc[first.i : end] if t.text in (";", ":") or _joins_next(t)), end)
    if not any(t.tag_ in FINITE_OR_MODAL for t in verb.doc[verb.sent.start : verb.i]):
        stop = _before_main_verb(verb, first, stop)  # "groups claiming X was stolen gathered ...": the main verb
    if stop is None or stop <= first.i:
        return None
    last = verb.doc[stop - 1]
    return ctx.kept(verb.idx, rest[0].idx, last.idx + len(last))


def _joins_next(token: Token) -> bool:
    """A comma before "and", "but" or a participle: the reported clause ends there ("..., and claimed ...")."""
    after = token.doc[token.i + 1] if token.i + 1 < len(token.doc) else None
    return token.text == "," and after is not None and (after.lower_ in ("and", "but") or after.tag_ == "VBG")


def _before_main_verb(verb: Token, first: Token, stop: int) -> int | None:
    """For a participle in the subject (no finite verb before it), the reported clause ends before the main
    clause's verb, the last finite verb up to ``stop``; there must be two."""
    finite = [t for t in verb.doc[first.i + 1 : stop] if t.tag_ in FINITE_OR_MODAL and t.dep_ not in ("aux", "auxpass")]
    if not finite:
        return None
    main = finite[-1]
    while main.i - 1 > first.i and main.doc[main.i - 1].pos_ in ("ADV", "AUX", "PART"):
        main = main.doc[main.i - 1]
    return main.i
