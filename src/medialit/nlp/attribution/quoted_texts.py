"""Texts and quotations credited to their authors.

'The statement read: "..."' and '"...," reads the ruling', "a quote from Virgil —
"..."", "a quote attributed to Einstein", "(source: Google Analytics)" and a
quotation as the object of a verb joined to a reporting verb ('tweeted "..." and
offered "condolences ..."').
"""

from __future__ import annotations

from spacy.tokens import Token

from medialit.nlp.attribution.context import Context, trim
from medialit.nlp.attribution.tokens import STATEMENT_NOUNS, SUBJECTS, can_speak, cue_extent, is_document, subject_of
from medialit.nlp.quotes import Quote
from medialit.nlp.reporting_lexicon import content_nouns, reporting_entry

PART_WORDS = frozenset("part portion excerpt passage section extract".split())
"""Nouns for a piece of a text: "Part of the statement reads ..." is the statement speaking."""


def document_reads(ctx: Context, verb: Token) -> dict | None:
    """'The statement read: "..."', '"...," reads the judge's ruling, "..."', "CLAUSE, reads the motion, CLAUSE":
    a text speaks through the quotation or clause around the verb (a statement, document or any noun of
    communication in WordNet, such as "motion" or "verdict")."""
    subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    if subject is None:  # '..., reads the motion, ...': the inverted subject parsed as an object
        subject = next((c for c in verb.children if c.dep_ == "dobj" and c.i > verb.i), None)
    if subject is not None and subject.tag_ == "WDT" and verb.dep_ == "relcl":
        subject = verb.head  # 'released a statement which read, in part, "..."': the text the clause is about
    if subject is not None and subject.lemma_.lower() in PART_WORDS:  # "Part of the judge's statement reads"
        of = next((c for c in subject.children if c.dep_ == "prep" and c.lower_ == "of"), None)
        subject = next((c for c in of.children if c.dep_ == "pobj"), None) if of is not None else None
    if subject is None or not _a_text(subject) or ctx.in_quote(verb.idx):
        return None
    cue = cue_extent(verb, {})
    if subject.i < verb.i:
        quote = ctx.quote_after(cue[1]) or ctx.quote_after(phrase_after(ctx, verb, cue[1]))
        if quote is None:
            return None
        source = issuer(subject) if verb.dep_ == "relcl" else subject
        return {"cue": cue, "source": source, "content": (quote.start, quote.end), "how": "quote", "rule": "read"}
    after = ctx.quote_after(ctx.source_extent(subject)[1])  # the subject after the verb: the quotation around them
    before = ctx.quote_before(cue[0])
    if before or after:
        content = ((before or after).start, (after or before).end)
        return {"cue": cue, "source": subject, "content": content, "how": "quote", "rule": "read"}
    sentence = ctx.sentence_of(verb.idx)
    if verb.dep_ not in ("ccomp", "parataxis") or sentence is None:
        return None
    content = trim(ctx.body, *sentence)  # "Because ..., reads the motion, the declaration violates ..."
    return {"cue": cue, "source": subject, "content": content, "how": "clause", "rule": "read"}


def issuer(text: Token) -> Token:
    """Who put out a text that is a verb's object ("Facebook released a statement which read ..."): the verb's
    subject when it can speak, as for "issued a statement that ..."; else the text itself."""
    subject = next((c for c in text.head.children if c.dep_ in SUBJECTS), None) if text.dep_ == "dobj" else None
    return subject if subject is not None and can_speak(subject) else text


def phrase_after(ctx: Context, verb: Token, end: int) -> int:
    """The end of a prepositional phrase right after the verb ("read in part:", "reads in full:"), before the
    quotation it announces; also set off by commas ("read, in part, ")."""
    doc = verb.doc
    phrase = next(
        (
            c
            for c in verb.children
            if c.dep_ == "prep" and c.i > verb.i and all(t.is_punct for t in doc[verb.i + 1 : c.i])
        ),
        None,
    )
    if phrase is None or ctx.in_quote(phrase.right_edge.idx):
        return end
    return phrase.right_edge.idx + len(phrase.right_edge)


def _a_text(noun: Token) -> bool:
    """A noun for a text: a statement or document noun, or one WordNet files in noun.communication, also when it
    has a sense of thinking too ("the description read", "the court's opinion read in part")."""
    lemma = noun.lemma_.lower()
    files = content_nouns().get(lemma, "").split("+")
    return lemma in STATEMENT_NOUNS or is_document(noun) or "noun.communication" in files


def source_label(ctx: Context, token: Token) -> dict | None:
    """ "14 million visitors a month (source: Google Analytics)": a parenthesised source label credits the
    words of its sentence before the parenthesis, like "according to"."""
    doc = ctx.doc
    if token.i == 0 or token.i + 2 >= len(doc) or doc[token.i - 1].text != "(" or doc[token.i + 1].text != ":":
        return None
    close = next((t for t in doc[token.i + 2 : token.sent.end] if t.text == ")"), None)
    if close is None or ctx.in_quote(token.idx):
        return None
    named = doc[token.i + 2 : close.i]
    sentence = ctx.sentence_of(token.idx)
    if not named or sentence is None or not can_speak(named.root):
        return None
    content = trim(ctx.body, sentence[0], doc[token.i - 1].idx)
    if content[1] <= content[0]:
        return None
    cue = (token.idx, token.idx + len(token))
    return {"cue": cue, "source": named.root, "content": content, "how": "clause", "rule": "according_to:source"}


def attributed_to(ctx: Context, verb: Token) -> dict | None:
    """ "a quote attributed to Einstein — "...": the quotation after a noun of saying is the words of the one
    it is attributed to."""
    noun, to = verb.head, next((c for c in verb.children if c.dep_ == "prep" and c.lower_ == "to"), None)
    source = next((c for c in to.children if c.dep_ == "pobj"), None) if to is not None else None
    if verb.dep_ != "acl" or source is None or not can_speak(source) or ctx.in_quote(verb.idx):
        return None
    if noun.lemma_.lower() not in ("quote", "quotation", "saying") and noun.lemma_.lower() not in content_nouns():
        return None
    end = ctx.source_extent(source)[1]
    quote = ctx.next_quote_start(end)
    block = ctx.block_of(verb.idx)
    if quote is None or block is None or quote.end > block.end or ctx.body[end : quote.open_mark].strip(" ,:—–-"):
        return None
    cue = (verb.idx, to.idx + len(to))
    return {"cue": cue, "source": source, "content": (quote.start, quote.end), "how": "quote", "rule": "attributed_to"}


def quote_object(ctx: Context, verb: Token) -> dict | None:
    """'Modi tweeted "..." and offered "condolences to the families ..."': a verb joined to a reporting
    verb whose object is a quotation of several words says those words, with the shared subject."""
    if verb.dep_ != "conj" or ctx.in_quote(verb.idx) or any(c.dep_ in SUBJECTS for c in verb.children):
        return None
    cue = next((a for a in verb.ancestors if not ctx.in_quote(a.idx)), None)  # the parser may join it to a quote
    if cue is None or reporting_entry(cue) is None:
        return None
    quote = ctx.next_quote_start(verb.idx + len(verb))
    if quote is None or ctx.body[verb.idx + len(verb) : quote.open_mark] != " " or len(quote_words(ctx, quote)) < 5:
        return None
    subject = subject_of(cue)
    if subject is None or not can_speak(subject):
        return None
    cue = (verb.idx, verb.idx + len(verb))
    rule = f"quote_object:{verb.lemma_.lower()}"
    return {"cue": cue, "source": subject, "content": (quote.start, quote.end), "how": "quote", "rule": rule}


def quote_words(ctx: Context, quote: Quote) -> list[str]:
    return ctx.body[quote.start : quote.end].split()


QUOTE_NOUNS = frozenset("quote quotation line words saying motto maxim phrase remark dictum".split())
"""Nouns for a quoted piece of text: "a quote from Virgil — "..."", "the famous line by Edison: "..."."""


def quote_by(ctx: Context, noun: Token) -> dict | None:
    """'a quote from Virgil — "..."', 'the famous quote by Thomas Edison: "..."', 'the line of Vergil, "..."': the
    quotation right after a noun for a quoted text and its author is the author's (a name the parser knows)."""
    doc = ctx.doc
    if noun.i + 2 >= len(doc) or doc[noun.i + 1].lower_ not in ("from", "by", "of") or ctx.in_quote(noun.idx):
        return None
    k = noun.i + 2
    while k < len(doc) and doc[k].pos_ in ("DET", "ADJ", "PROPN", "NOUN") and not ctx.in_quote(doc[k].idx):
        k += 1
    name = doc[noun.i + 2 : k]
    if not name or not any(t.pos_ == "PROPN" or t.ent_type_ == "PERSON" for t in name):
        return None
    quote = ctx.next_quote_start(name[-1].idx + len(name[-1]))
    block = ctx.block_of(noun.idx)
    between = ctx.body[name[-1].idx + len(name[-1]) : quote.open_mark] if quote is not None else "x"
    if quote is None or block is None or quote.end > block.end or between.strip(" ,:—–-"):
        return None
    cue = (noun.idx, doc[noun.i + 1].idx + len(doc[noun.i + 1]))
    return {"cue": cue, "source": name[-1], "content": (quote.start, quote.end), "how": "quote", "rule": "quote_by"}
