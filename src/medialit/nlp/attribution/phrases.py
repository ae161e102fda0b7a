"""Cues that are not reporting verbs.

"according to", stance adjectives ("are concerned"), speech nouns ("issued a
statement that"), content nouns ("Smith's claim that"), "in a statement",
"in his view" and "the statement read".
"""

from __future__ import annotations

import re

from spacy.tokens import Token

from medialit.nlp.attribution.context import Context, trim
from medialit.nlp.attribution.tokens import (
    FINITE,
    FINITE_OR_MODAL,
    LIGHT_VERBS,
    STATEMENT_NOUNS,
    SUBJECTS,
    can_speak,
    is_cue,
    is_document,
    subject_of,
    that_clause,
)
from medialit.nlp.attribution.verb_content import block_after_colon, stated_after, that_marked_clause
from medialit.nlp.quotes import MARKS as QUOTE_MARKS
from medialit.nlp.quotes import Quote
from medialit.nlp.reporting_lexicon import content_nouns, lexicon_entry, reporting_entry


def according_to(ctx: Context, token: Token) -> dict | None:
    """ "According to X, CLAUSE", "CLAUSE, according to X": the rest of the sentence is X's. X is its own noun
    phrase (``own_phrase_end``): not a relative clause after it, nor the subject of the verb after it."""
    to = next(c for c in token.children if c.lower_ == "to")
    source = next((c for c in to.children if c.dep_ == "pobj"), None)
    if source is None:
        return None
    end, relative = own_phrase_end(source, opens=token.i == token.sent.start)
    last = source.doc[end - 1]
    phrase_end = last.idx + len(last)
    cue = (token.idx, to.idx + len(to))
    found = credited_sentence(ctx, token, source, cue, "according_to", phrase_end, relative=relative)
    if found is not None:
        found["source_span"] = (ctx.source_extent(source)[0], phrase_end)
    return found


def own_phrase_end(source: Token, *, opens: bool) -> tuple[int, bool]:
    """Where the source's own noun phrase ends (a token index), and whether a relative clause on it follows.

    The parser hangs on the source what follows it: a relative clause ("according to police, who said ...",
    "according to the report on Saturday, which counted ...") and, after "According to X,", the subject of the
    sentence's verb with its appositions ("According to the agency ISNA, the prosecutor general of Tehran, Ali
    Mehr, said ...": Ali Mehr said it, ISNA relays it). The phrase ends at the comma before either; an apposition
    of the source itself ("According to Anna Berg, a spokeswoman, the bridge is closed") is kept, and so is one
    of a source in mid-sentence (``opens`` False: "The bridge, according to Anna Berg, a spokeswoman, is closed").
    """
    doc, last = source.doc, source.right_edge.i
    for comma in (t for t in doc[source.i + 1 : min(last + 2, len(doc))] if t.text == ","):
        if comma.i + 1 < len(doc) and doc[comma.i + 1].tag_ in ("WP", "WDT"):
            return comma.i, True
    verb = next((t for t in doc[last + 1 : last + 3] if not t.is_punct), None)
    chain = [t for t in doc[source.i + 1 : last + 1] if t.text == ","]
    subjectless = verb is not None and verb.tag_ in FINITE and verb.i > source.i
    if opens and chain and subjectless and not any(c.dep_ in SUBJECTS for c in verb.children):
        return chain[0].i, False
    return last + 1, False


def per_source(ctx: Context, token: Token) -> dict | None:
    """ "said Russell Zimmerman per ABC News", "Per the WHO's framework, CLAUSE": "per" in the sense of
    "according to", with a named source (a name, or a text of one) or texts WordNet files as communication,
    plural or determined ("Per reports, CLAUSE", "Per the request, CLAUSE"); not a rate ("per month", "per
    100,000", "one pack per order")."""
    source = next((c for c in token.children if c.dep_ == "pobj"), None)
    if source is None or ctx.in_quote(token.idx):
        return None
    if token.i > 0 and token.doc[token.i - 1].lower_ == "as":
        return None  # "as per our agreement": in keeping with it, no source speaking
    following = token.doc[token.i + 1] if token.i + 1 < len(token.doc) else None
    texts = following is not None and following.i == source.i and source.tag_ == "NNS" and communication(source)
    opening = texts or (following is not None and following.tag_ in ("DT", "PRP$"))  # "Per reports, CLAUSE"
    if token.text != "per" and not opening:
        return None  # "Per Haugen", "councillor Per Haugen": a first name; "Per the WHO's framework" opens a sentence
    named = source.pos_ == "PROPN" or any(c.dep_ == "poss" and c.pos_ == "PROPN" for c in source.children)
    determined = source.tag_ == "NNS" or any(c.dep_ in ("det", "poss") for c in source.children)
    if not (named or (communication(source) and determined)) or source.like_num:
        return None  # "per month", "per 100,000", "one pack per order": a rate; "per reports", "per the request"
    return credited_sentence(ctx, token, source, (token.idx, token.idx + len(token)), "according_to:per")


def communication(noun: Token) -> bool:
    """A noun WordNet files in noun.communication: a message, a report, a request (not a time or a measure)."""
    return "noun.communication" in content_nouns().get(noun.lemma_.lower(), "")


def names_texts(noun: Token) -> bool:
    """A noun of communication that names a text (a report, a study, a statement; not "letter" as a means)."""
    return communication(noun) and is_document(noun)


def by_accounts(ctx: Context, token: Token) -> dict | None:
    """ "..., by early reports, at least 30 injured", "By some accounts, CLAUSE": "by" with a noun of communication
    (WordNet) that names a text (a report, a study, a statement) set off by commas, in the sense of "according
    to"; the texts are the source.

    Only a phrase set off by commas or dashes, or opening the sentence right before its clause's subject ("By
    reports he secured ..."), plural or with an adjective or a number ("by letter", "by definition" are a means
    or a meaning), not the agent of a passive.
    """
    source = next((c for c in token.children if c.dep_ == "pobj"), None)
    if token.dep_ not in ("prep", "ROOT") or source is None or ctx.in_quote(token.idx):  # not "agent"
        return None
    if not names_texts(source):
        return None  # "by the end of the season", "by today's judgment": a time, a means
    if source.tag_ != "NNS" and not any(c.dep_ in ("amod", "nummod") for c in source.children):
        return None  # "by this judgment", "by today's judgment": the means of the act the clause reports
    doc = token.doc
    own = [c.right_edge.i for c in source.children if c.i > source.i and c.dep_ not in ("acl", "relcl", "punct")]
    end = max([source.i, *own]) + 1  # "By reports he secured ...": the clause the parser hung on the noun is not it
    opens = token.i == 0 or doc[token.i - 1].is_punct or doc[token.i - 1].is_space
    set_off = end < len(doc) and doc[end].text in (",", "—", "–")
    heads_clause = token.i == token.sent.start and end < len(doc) and doc[end].pos_ in ("PRON", "DET", "PROPN")
    if not opens or not (set_off or heads_clause):  # "By reports he secured five delegates": a clause after it
        return None
    last = doc[end - 1]
    cue = (token.idx, token.idx + len(token))
    return credited_sentence(ctx, token, source, cue, "according_to:by", last.idx + len(last))


def credited_sentence(
    ctx: Context,
    token: Token,
    source: Token,
    cue: tuple[int, int],
    rule: str,
    source_end: int | None = None,
    *,
    relative: bool = False,
) -> dict | None:
    """The rest of the sentence after "according to X" (or the part before it) as X's content; ``source_end``
    where X's phrase ends, when the parser hung the clause on it; ``relative``: a relative clause on X follows,
    which is no part of what X is credited with here ("CLAUSE, according to police, who said ...")."""
    source_end = ctx.extent(source)[1] if source_end is None else source_end
    sentence = ctx.sentence_of(token.idx)
    if sentence is None:
        return None
    start, end = sentence
    after = trim(ctx.body, source_end, end)
    before = trim(ctx.body, start, token.idx)
    if relative and before[1] > before[0]:
        after = (end, end)
    # "According to X, CLAUSE" / "which, according to X, CLAUSE" / "CLAUSE, according to X."
    content = after if after[1] > after[0] else (start, token.idx)
    content = trim(ctx.body, *content)
    if content[1] <= content[0]:
        return None
    return {"cue": cue, "source": source, "content": content, "how": "clause", "rule": rule}


def in_statement(ctx: Context, noun: Token) -> dict | None:
    """ "The ministry, in a statement, described the move as illegal": a verb outside the lexicon
    becomes a cue when its subject can speak and the words come from a statement, letter or interview."""
    verb = noun.head.head
    entry = lexicon_entry(verb)
    if entry and (not entry["strict"] or that_clause(verb)):
        return None  # the verb rule finds it
    if verb.pos_ != "VERB" or any(c.dep_ == "neg" for c in verb.children):
        return None
    subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    if subject is None or not can_speak(subject) or ctx.in_quote(verb.idx):
        return None
    parts = [c for c in verb.children if c.dep_ in ("dobj", "ccomp", "xcomp", "oprd", "attr") and c.i > verb.i]
    parts += [c for c in verb.children if c.dep_ == "prep" and c.lower_ == "as" and c.i > verb.i]
    if not parts:
        return None
    phrase = noun.head
    cue = (phrase.idx, noun.idx + len(noun))  # "in a statement"
    start = min(ctx.extent(p)[0] for p in parts)
    end = max(ctx.extent(p)[1] for p in parts)
    if phrase.i > verb.i and start < phrase.idx < end:
        return None  # the statement phrase inside the content: not this construction
    content = trim(ctx.body, start, end)
    rule = f"in_statement:{noun.lemma_.lower()}"
    return {"cue": cue, "source": subject, "content": content, "how": "clause", "rule": rule}


COPULAS = frozenset("be become grow remain feel".split())
"""Verbs that link a stance adjective to its holder: "was concerned", "became determined", "remained hopeful"."""


def stance_adjective(ctx: Context, adj: Token) -> dict | None:
    """ "X is concerned that ...", "X was critical of ...": a stance adjective after a copula."""
    copula = adj.head if adj.dep_ == "acomp" else adj
    if not any(c.lemma_ in COPULAS for c in [*copula.children, copula]):
        return None
    subject = next((c for c in copula.children if c.dep_ in SUBJECTS), None)
    if subject is None and copula.dep_ == "conj":  # "was unemployed, and was concerned that ...": shared
        subject = subject_of(copula)
    if subject is None or subject.lower_ in ("it", "there"):
        return None
    content_head = next((c for c in adj.children if c.dep_ == "ccomp"), None)
    if content_head is None and copula is not adj:  # "is adamant [that ...]" with the clause on the copula
        content_head = next((c for c in copula.children if c.dep_ == "ccomp" and c.i > adj.i), None)
    prep = next((c for c in adj.children if c.dep_ == "prep" and c.lower_ in ("of", "about")), None)
    if content_head is None and prep is not None:
        content_head = next((c for c in prep.children if c.dep_ in ("pobj", "pcomp")), None)
    if content_head is None:
        return None
    be = next((c for c in copula.children if c.lemma_ in COPULAS), copula)
    cue_end = (prep.idx + len(prep)) if prep is not None and prep.i < content_head.i else adj.idx + len(adj)
    cue = (min(be.idx, adj.idx), cue_end)
    content = ctx.extent(content_head)
    return {
        "cue": cue,
        "source": subject,
        "content": content,
        "how": "clause",
        "rule": f"stance_adjective:{adj.lower_}",
    }


def speech_noun(ctx: Context, noun: Token) -> dict | None:
    """ "issued a statement that ...", "a statement condemning ...", or a statement then a quotation."""
    verb = noun.head
    if verb.lemma_ not in LIGHT_VERBS:
        return None
    subject = subject_of(verb)
    if subject is None or not can_speak(subject):
        return None  # "the fire raised fears that ...": nobody speaks
    aux = [c.idx for c in verb.children if c.dep_ in ("aux", "auxpass")]
    cue = (min([verb.idx, *aux]), noun.idx + len(noun))
    clause = next((c for c in noun.children if c.dep_ in ("acl", "ccomp", "relcl")), None)
    clause = clause or next((c for c in verb.children if c.dep_ == "ccomp"), None)
    if clause is not None and any(c.dep_ == "mark" for c in clause.children):
        content, how = ctx.extent(clause), "clause"
    elif clause is not None and clause.dep_ == "acl" and clause.tag_ == "VBG" and not is_cue(clause):
        content, how = ctx.extent(clause), "clause"  # "a statement condemning the decision"
    elif noun.lemma_ in STATEMENT_NOUNS and (quote := quote_opening_next(ctx, noun)) is not None:
        content, how = (quote.start, quote.end), "quote"  # "issued a statement on the choice. \"Like many ...\""
    elif noun.lemma_ not in STATEMENT_NOUNS and (topic := topic_phrase(noun, TOPIC_PREPOSITIONS)) is not None:
        content, how = ctx.extent(topic), "clause"  # "expressed concern over the delays"
    else:
        return None
    return {"cue": cue, "source": subject, "content": content, "how": how, "rule": f"speech_noun:{noun.lemma_}"}


TOPIC_PREPOSITIONS = frozenset("over about of at for on against".split())
"""Prepositions whose object is what a stance is about: "concern over the delays", "warned of famine"."""


def topic_phrase(head: Token, prepositions: frozenset[str]) -> Token | None:
    """The object of the first preposition after ``head`` that names what a stance or warning is about."""
    prep = next((c for c in head.children if c.dep_ == "prep" and c.i > head.i and c.lower_ in prepositions), None)
    return next((c for c in prep.children if c.dep_ in ("pobj", "pcomp")), None) if prep is not None else None


def content_noun(ctx: Context, noun: Token) -> dict | None:
    """ "Smith's claim that the vote was rigged", "the allegation by the union that ...": a noun of
    saying or thinking (WordNet noun.communication, noun.cognition) whose that-clause is credited to
    its possessor or its by/of/from phrase, when that can speak."""
    clause = next((c for c in noun.children if c.i > noun.i and that_complement(c)), None) or detached_clause(noun)
    after_colon = text_after_colon(ctx, noun) if clause is None else None
    if (clause is None and after_colon is None) or ctx.in_quote(noun.idx):
        return None
    owner = owner_of(noun)
    if owner is None and clause is not None:
        owner = holder(noun)  # "Aristotle came to the conclusion that ...", "X had great confidence that ..."
    if owner is None or not can_speak(owner):
        return None  # "the claim that ...": nobody named holds it
    if owner.lower_ in ("i", "we", "my", "our") and not ctx.in_quote(owner.idx):
        return None
    cue = (noun.idx, noun.idx + len(noun))
    if after_colon is not None:  # "His response: "No comment.""
        content, how = after_colon
        return {"cue": cue, "source": owner, "content": content, "how": how, "rule": f"colon:{noun.lemma_.lower()}"}
    rule = f"noun_clause:{noun.lemma_.lower()}"
    return {"cue": cue, "source": owner, "content": ctx.extent(clause), "how": "clause", "rule": rule}


def owner_of(noun: Token) -> Token | None:
    """Who holds a view or made a statement: the noun's possessor ("Smith's claim") or the object of its
    by/of/from phrase ("the allegation by the union")."""
    owner = next((c for c in noun.children if c.dep_ == "poss"), None)
    if owner is None:
        by = next((c for c in noun.children if c.dep_ == "prep" and c.lower_ in ("by", "of", "from")), None)
        owner = next((c for c in by.children if c.dep_ == "pobj"), None) if by is not None else None
    return owner


def view_is(ctx: Context, noun: Token) -> dict | None:
    """ "Darwin's view is that species change", "The gist of Einstein's theory is that matter curves spacetime":
    a view credited to its holder and stated after a copula; the cue is the subject's head noun."""
    copula = noun.head
    if noun.dep_ != "nsubj" or copula.lemma_ != "be" or copula.i < noun.i or ctx.in_quote(noun.idx):
        return None
    nouns = content_nouns()
    of = next((c for c in noun.children if c.dep_ == "prep" and c.lower_ == "of"), None)
    inner = next((c for c in of.children if c.dep_ == "pobj"), None) if of is not None else None
    view = inner if inner is not None and inner.lemma_.lower() in nouns else noun  # "the gist of X's theory"
    if view is None or view.lemma_.lower() not in nouns:
        return None
    owner = next((c for c in view.children if c.dep_ == "poss"), None) if view is inner else owner_of(view)
    if owner is None or not can_speak(owner) or owner.lower_ in ("i", "we", "my", "our", "its"):
        return None  # "the idea is that ...", "my view is that ...": the text's own voice
    content = stated_after(ctx, copula)
    if content is None:
        return None
    cue = (noun.idx, noun.idx + len(noun))
    return {"cue": cue, "source": owner, "content": content, "how": "clause", "rule": f"view_is:{view.lemma_.lower()}"}


LIST_ITEM = re.compile(r"\s*(?:[-*•]|\d{1,2}[.)])\s")
"""A paragraph that is an item of a list: a bullet or a number ("1. Matter is composed of atoms.")."""


def announced_list(ctx: Context, noun: Token) -> dict | None:
    """ "Here are the postulates of Dalton's atomic theory." or "Smith's main arguments are:" closing a
    paragraph, then a bulleted or numbered list: the list is the holder's content (rule 1: one attribution)."""
    sentence = ctx.sentence_of(noun.idx)
    block = ctx.block_of(noun.idx)
    if sentence is None or block is None or ctx.in_quote(noun.idx) or ctx.body[sentence[1] : block.end].strip():
        return None
    text = ctx.body[sentence[0] : sentence[1]].rstrip()
    if not (text.lower().startswith("here ") or text.endswith(":")):
        return None
    if noun.dep_ == "pobj" and noun.head.head.lemma_.lower() in content_nouns():
        return None  # "theory" in "the postulates of Dalton's theory": the postulates are the cue
    owner = owner_of(noun)
    if owner is not None and owner.lemma_.lower() in content_nouns():  # "the postulates of Dalton's theory"
        owner = next((c for c in owner.children if c.dep_ == "poss"), None)
    if owner is None or not can_speak(owner) or owner.lower_ in ("i", "we", "my", "our", "its"):
        return None
    k = ctx.blocks.index(block) + 1
    last = k - 1
    while last + 1 < len(ctx.blocks) and LIST_ITEM.match(
        ctx.body[ctx.blocks[last + 1].start : ctx.blocks[last + 1].end]
    ):
        last += 1
    if last < k:
        return None
    content = trim(ctx.body, ctx.blocks[k].start, ctx.blocks[last].end)
    cue = (noun.idx, noun.idx + len(noun))
    return {"cue": cue, "source": owner, "content": content, "how": "clause", "rule": f"list:{noun.lemma_.lower()}"}


HOLDING_VERBS = frozenset("come reach arrive have hold share form express voice".split())
"""Verbs by which a subject holds or arrives at a view: "came to the conclusion that", "had confidence that"."""


def that_complement(clause: Token) -> bool:
    """A finite clause opened by "that" after a noun; also one the parser read as a relative clause with "that"
    as its object although the clause has a subject of its own ("the conclusion that matter consisted of ...")."""
    finite = any(t.tag_ in FINITE_OR_MODAL for t in clause.subtree)
    marked = any(m.dep_ == "mark" and m.lower_ == "that" for m in clause.children)
    misread = clause.dep_ == "relcl" and any(
        c.dep_ == "dobj" and c.lower_ == "that" and c.i == clause.left_edge.i for c in clause.children
    )
    subject = any(c.dep_ in ("nsubj", "nsubjpass") and c.lower_ != "that" for c in clause.children)
    return finite and ((clause.dep_ in ("acl", "ccomp") and marked) or (misread and subject) or that_as_det(clause))


def that_as_det(clause: Token) -> bool:
    """ "his hypothesis that matter was made of atoms" read as a relative clause whose subject is "that matter":
    a relative clause has no "that" determining its own subject, so "that" opens a clause of content."""
    first = clause.doc[clause.left_edge.i]
    return (
        clause.dep_ == "relcl"
        and first.lower_ == "that"
        and first.dep_ == "det"
        and first.head.dep_ in ("nsubj", "nsubjpass")
        and first.head.head.i == clause.i
    )


def detached_clause(noun: Token) -> Token | None:
    """ "revolutionized chemistry with his hypothesis that the behavior of matter could be explained ...": the
    parser hangs the that-clause right after the noun on the verb above it (as its complement or an adverbial
    clause); when that verb reports nothing, the clause is the noun's content."""
    following = noun.right_edge.i + 1
    if following >= len(noun.doc):
        return None
    mark = noun.doc[following]
    clause = mark.head
    finite = any(t.tag_ in FINITE_OR_MODAL for t in clause.subtree)
    if mark.lower_ != "that" or mark.dep_ != "mark" or clause.dep_ not in ("ccomp", "advcl") or not finite:
        return None
    above = clause.head
    if above.i not in (noun.head.i, noun.head.head.i) or reporting_entry(above) is not None:
        return None
    return clause


def holder(noun: Token) -> Token | None:
    """The subject of a verb of holding or arriving whose object (or object of its preposition) is the noun."""
    verb = noun.head.head if noun.dep_ == "pobj" else noun.head
    if noun.dep_ not in ("dobj", "pobj") or verb.lemma_ not in HOLDING_VERBS or verb.pos_ not in ("VERB", "AUX"):
        return None
    return subject_of(verb)


def text_after_colon(ctx: Context, noun: Token) -> tuple[tuple[int, int], str] | None:
    """What follows "NOUN:" when the noun phrase is the whole of what stands before the colon (or the noun
    phrase and a copula: "His last words to his brother were:")."""
    copula = noun.head if noun.dep_ == "nsubj" and noun.head.lemma_ == "be" and noun.head.i > noun.i else None
    if noun.dep_ != "ROOT" and copula is None:
        return None
    colon = next((t for t in ctx.doc[noun.i + 1 : noun.sent.end] if t.text == ":"), None)
    between = ctx.doc[noun.i + 1 : colon.i] if colon is not None else []
    if colon is None or (copula is not None and colon.i != copula.i + 1):
        return None
    if any((t.head.i < noun.i or t.pos_ in ("VERB", "AUX")) and (copula is None or t.i != copula.i) for t in between):
        return None  # "His response to the ruling:" only: no verb, nothing outside the noun phrase
    sentence = ctx.sentence_of(colon.idx)
    if sentence is None or ctx.doc[noun.left_edge.i].idx != sentence[0]:
        return None
    start, end = trim(ctx.body, colon.idx + 1, sentence[1])
    if end > start:
        quoted = ctx.body[colon.idx + 1 : start + 1].strip()[:1] in QUOTE_MARKS
        return (start, end), "quote" if quoted else "clause"
    return block_after_colon(ctx, noun)


def in_view(ctx: Context, noun: Token) -> dict | None:
    """ "In his view, CLAUSE", "From the union's perspective, CLAUSE", "In the words of X, CLAUSE", "In a report
    of X, CLAUSE": a view or a text credited like "according to", when the clause's own verb is no cue ("In his
    speech, he said" is the verb's)."""
    prep, clause = noun.head, noun.head.head
    owner = next((c for c in noun.children if c.dep_ == "poss"), None)
    if owner is not None and "noun.cognition" not in content_nouns()[noun.lemma_.lower()]:
        return None  # a view ("his view", "the union's perspective"), not an act ("in their execution")
    of = next((c for c in noun.children if c.dep_ == "prep" and c.lower_ in ("of", "by")), None)
    text = is_document(noun) and prep.lower_ == "in"  # "In a situation report of the agency, CLAUSE"
    if owner is None and of is not None and (noun.lower_ == "words" or text):  # "in the words of the minister"
        owner = next((c for c in of.children if c.dep_ == "pobj"), None)
    if owner is None or not can_speak(owner) or ctx.in_quote(noun.idx) or clause.pos_ not in ("VERB", "AUX"):
        return None
    if reporting_entry(clause) is not None or prep.i > clause.i or ctx.sentence_of(prep.idx) is None:
        return None
    if owner.lower_ in ("my", "our") and not ctx.in_quote(owner.idx):
        return None  # the author's own view
    start = prep.right_edge.idx + len(prep.right_edge)
    content = trim(ctx.body, start, ctx.sentence_of(prep.idx)[1])
    if content[1] <= content[0]:
        return None
    cue = (noun.idx, noun.idx + len(noun)) if owner.i < noun.i else (prep.idx, of.idx + len(of))
    if text and owner.i > noun.i:
        cue = (prep.idx, noun.idx + len(noun))  # "In a situation report": the text is the cue, its author the source
    return {"cue": cue, "source": owner, "content": content, "how": "clause", "rule": f"according_to:{noun.lemma_}"}


def from_accounts(ctx: Context, noun: Token) -> dict | None:
    """ "From all the reports I have read, CLAUSE", "From the talks I had with the miners, CLAUSE": accounts
    named as where the clause comes from, credited like "according to" (the accounts are the source).

    Only a noun of communication (WordNet) that a relative clause says was read, seen, heard or had, in a
    phrase that opens the sentence or an interview answer; the main verb may be the author's own ("I have
    concluded that"), no one else's cue.
    """
    prep, clause = noun.head, noun.head.head
    if prep.lower_ != "from" or "noun.communication" not in content_nouns().get(noun.lemma_.lower(), ""):
        return None
    if not any(c.dep_ == "relcl" for c in noun.children) or ctx.in_quote(noun.idx):
        return None
    sentence = ctx.sentence_of(prep.idx)
    before = ctx.body[sentence[0] : ctx.extent(prep)[0]].strip("\"“‘'( ") if sentence is not None else "-"
    opens = not before or (before.endswith(":") and len(before.split()) <= 4)  # also after a turn's "Name:"
    if not opens or clause.pos_ not in ("VERB", "AUX") or prep.i > clause.i:
        return None
    if reporting_entry(clause) is not None and (
        subject_of(clause) is None or subject_of(clause).lower_ not in ("i", "we")
    ):
        return None  # "From the files, the police said ...": the verb's cue
    start = prep.right_edge.idx + len(prep.right_edge)
    content = trim(ctx.body, start, sentence[1])
    if content[1] <= content[0]:
        return None
    cue = (prep.idx, prep.idx + len(prep))
    return {"cue": cue, "source": noun, "content": content, "how": "clause", "rule": f"according_to:from_{noun.lemma_}"}


def quote_opening_next(ctx: Context, token: Token) -> Quote | None:
    """The quotation that opens the text right after the token's sentence (nothing else between)."""
    sentence = ctx.sentence_of(token.idx)
    if sentence is None:
        return None
    quote = ctx.next_quote_start(sentence[1])
    if quote is None or ctx.body[sentence[1] : quote.open_mark].strip() or ctx.in_quote(token.idx):
        return None
    span = ctx.doc.char_span(*(ctx.sentence_of(quote.open_mark) or (0, 0)), alignment_mode="expand")
    if span is not None and any(is_cue(t) and not quote.start <= t.idx < quote.end for t in span):
        return None  # '"...," it said.': the quotation has its own cue
    return quote


CLEAR_WORDS = frozenset("clear plain known".split())


def made_clear(ctx: Context, verb: Token) -> dict | None:
    """ "Smith made it clear that he would not resign", "made clear that ...": a statement in two words."""
    adjective = next((c for c in verb.children if c.lower_ in CLEAR_WORDS and c.i > verb.i), None)
    if adjective is None or ctx.in_quote(verb.idx):
        return None
    clause = next((c for c in [*adjective.children, *verb.children] if c.i > adjective.i and that_complement(c)), None)
    clause = clause or next(
        (c for c in adjective.children if c.dep_ in ("advcl", "ccomp") and c.i > adjective.i and that_marked_clause(c)),
        None,
    )
    subject = subject_of(verb)
    if clause is None or subject is None or not can_speak(subject):
        return None
    cue = (verb.idx, adjective.idx + len(adjective))
    return {"cue": cue, "source": subject, "content": ctx.extent(clause), "how": "clause", "rule": "made_clear"}
