"""What a reporting verb credits: its clause, an adjacent quotation, a dash paragraph, a list after a colon."""

from __future__ import annotations

import re

from spacy.tokens import Token

from medialit.core.article import Block
from medialit.nlp.attribution.context import Context, trim
from medialit.nlp.attribution.punctuation import LABEL
from medialit.nlp.attribution.tokens import (
    CLAUSE_DEPS,
    CONTENT_DEPS,
    FINITE,
    FINITE_OR_MODAL,
    MAKING_VERBS,
    STATEMENT_NOUNS,
    SUBJECTS,
    finite_inside,
    is_cue,
    is_document,
    is_empty_prep,
    parenthetical_report,
    relative_object,
    report_beside,
)
from medialit.nlp.quotes import MARKS as QUOTE_MARKS
from medialit.nlp.reporting_lexicon import ACT_PREPOSITIONS, reporting_entry
from medialit.nlp.sources import source_nouns, vague_heads


def verb_content(
    ctx: Context, verb: Token, subject: Token, cue: tuple[int, int], entry: dict
) -> tuple[tuple[int, int] | None, str]:
    """(start, end) of what is attributed and how it was found, or (None, '')."""
    clause_start, clause_end = cue_clause(ctx, verb, subject, cue)
    before = ctx.quote_before(clause_start)
    after = ctx.quote_after(clause_end)
    if before or after:
        start = (before or after).start
        end = (after or before).end
        while end > start and ctx.body[end - 1] in " ,;:":
            end -= 1
        return (start, end), "quote"
    dash = dash_content(ctx, verb, clause_start)
    if dash:
        return dash, "dash"
    following = block_after_colon(ctx, verb)
    if following is not None:
        return following
    if pseudo_cleft(verb):
        return stated_after(ctx, verb.head), "clause"  # "What the results showed was that ..."
    as_marked = verb.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ == "as" for c in verb.children)
    if as_marked and (host := as_clause(ctx, verb)) is not None:
        return host, "clause"  # "As X told Y, CLAUSE", "CLAUSE, as X said"
    if as_marked and not any(c.dep_ == "ccomp" for c in verb.children):
        return None, ""  # "as much money as the president had requested": a comparison, nothing reported
    # ", as the network claims the order did not apply": the verb's own clause
    return clause_content(ctx, verb, subject, entry)


def cue_clause(ctx: Context, verb: Token, subject: Token, cue: tuple[int, int]) -> tuple[int, int]:
    """The cue with its source and the words around it that are not content: where a quotation must touch it."""
    source = ctx.extent(subject) if subject.head.i == verb.i else cue  # a shared subject stands apart
    clause_start = min(source[0], cue[0])
    clause_end = max(source[1], cue[1])
    for child in verb.children:
        if child.dep_ in ("dative", "npadvmod") and not ctx.in_quote(child.idx):
            clause_end = max(clause_end, ctx.extent(child)[1])
        if child.dep_ == "dobj" and verb.lemma_ == "tell" and not ctx.in_quote(child.idx):
            clause_end = max(clause_end, ctx.extent(child)[1])
        after = child.doc[child.i + 1].text if child.i + 1 < len(child.doc) else ""
        if child.dep_ == "dobj" and child.lower_ in ("it", "this") and child.i == verb.i + 1 and after == ":":
            clause_end = max(clause_end, child.idx + len(child))  # "As Wheeler summarized it: "...""
        if child.dep_ == "prep" and child.i > verb.i and not ctx.in_quote(child.idx):
            extent = ctx.extent(child)  # "writing in a blog post "...""
            if not any(mark in ctx.body[extent[0] : extent[1]] for mark in QUOTE_MARKS):
                clause_end = max(clause_end, extent[1])
    return clause_start, clause_end


def clause_content(ctx: Context, verb: Token, subject: Token, entry: dict) -> tuple[tuple[int, int] | None, str]:
    """The verb's clause (or object, where the verb allows one) as content, kept inside its paragraph."""
    if parenthetical_report(verb) is not None and subject.head.i == verb.i:
        return relayed_statement(ctx, verb, subject)  # "The minister said X, the BBC reported": all before it
    block = ctx.block_of(verb.idx)
    parts = content_parts(ctx, verb, subject, entry, block)
    if not parts and verb.dep_ == "parataxis" and not entry["strict"] and subject.head.i == verb.i:
        return ctx.extent(verb.head), "clause"  # "The suspect, police said, had fled": the host clause
    if not parts and not entry["strict"] and subject.head.i == verb.i and (after := clause_after_comma(ctx, verb)):
        return after, "clause"  # "The agency reported on Friday, the toll had risen": the parser's host clause
    if relative_object(verb) and all(p.dep_ == "prep" for p in parts):
        parts = [c for c in verb.children if c.i > verb.i and not c.is_punct]  # "which the Church describes as"
        if not parts:
            return None, ""
        end = verb.right_edge.idx + len(verb.right_edge)
        span = trim(ctx.body, verb.idx + len(verb), end)
        return (span, "clause") if span[1] > span[0] else (None, "")
    if not parts:
        return None, ""
    topics = SPOKEN_TOPICS | ACT_PREPOSITIONS.get(entry.get("act", ""), frozenset())
    topic = all(p.dep_ == "prep" and p.lower_ in topics for p in parts)
    said_to_be = entry.get("act") == "predicate"  # "referred to the plan as a disaster": the phrase holds it
    if (
        all(p.dep_ == "prep" for p in parts)
        and not topic
        and not said_to_be
        and not any(g.dep_ == "pcomp" for p in parts for g in p.children)
    ):
        return None, ""
    start = min(ctx.extent(p)[0] for p in parts)
    end = max(ctx.extent(p)[1] for p in parts)
    end = min([end] + [report_start(t) for p in parts for t in p.subtree if beside(t, verb)])
    start, end = ctx.in_paragraph(verb.idx, start, end)
    if end <= start:
        return None, ""
    return (start, end), "topic" if topic else "clause"  # "topic": what was spoken of ("warned of famine")


def content_parts(ctx: Context, verb: Token, subject: Token, entry: dict, block: Block | None) -> list[Token]:
    """The verb's dependents that make its content: a clause, else an object or a clause the parser missed."""

    def same_block(t: Token) -> bool:
        return block is None or block.start <= t.idx < block.end

    needs_clause = entry["content"] != "object"
    wanted = CLAUSE_DEPS if needs_clause else CONTENT_DEPS
    parts = [
        c
        for c in verb.children
        if c.dep_ in wanted
        and (c.i > verb.i or (c.dep_ == "ccomp" and c.i < subject.i and not complement_after(verb)))  # "CLAUSE, X said"
        and not is_empty_prep(c)
        and not circumstance_clause(c)
        and not (entry["stance"] in ("cognition", "evidential") and (small_clause(c) or deliberation(c)))
        and not (entry["stance"] == "naming" and c.dep_ == "xcomp")  # "called on him to preach": a request
        and not ("act" in entry and c.dep_ == "advcl" and not (entry["act"] == "request" and infinitive_request(c)))
        and same_block(c)
    ]
    if not needs_clause and any(p.dep_ == "ccomp" and that_marked_clause(p) for p in parts):
        parts = [p for p in parts if p.dep_ == "ccomp"]  # "admitted to reporters that ...": the clause, not the hearers
    parts = [q for p in parts for q in (clause_before_reporter(p) if parenthetical_report(p) else [p])]
    if needs_clause and not parts:
        parts = [
            c
            for c in verb.children
            if c.dep_ in ("dobj", "conj")
            and c.i > verb.i
            and finite_inside(c)
            and not is_cue(c)
            and not another_clause(verb, c)
        ]
        if parts:  # the object before the coordinated verb is the clause's subject
            parts += [c for c in verb.children if c.dep_ == "dobj" and verb.i < c.i < parts[0].i]
    if needs_clause and not parts:
        parts = object_then_verb(verb)
    if needs_clause and not parts:
        parts = clause_on_statement(ctx, verb)  # "said in a press release that the strike would go on"
    if needs_clause and not parts:
        parts = clause_on_hearer(verb)  # "told a news conference that taxes had risen"
    if verb.lemma_ == "tell":
        parts = [c for c in parts if c.dep_ not in ("dobj", "dative")] or []
    if entry.get("particle"):  # "called for [younger leadership]": the preposition belongs to the cue
        parts = [g for c in parts for g in (c.children if particle_of(verb, c, entry) else [c])]
    return parts


def another_clause(verb: Token, conj: Token) -> bool:
    """A verb coordinated with the reporting verb by "and" or "but" with a subject of its own is a clause of its
    own ("declared victory, but the troops have remained"), not a clause the parser missed, whose subject the
    parser took for the reporting verb's object ("found [reduction ... exceeded 10%]", "said [the ferry required
    repairs, and was out of service]": no subject of its own)."""
    if conj.dep_ != "conj" or not any(c.dep_ in SUBJECTS for c in conj.children):
        return False
    return any(c.dep_ == "cc" and verb.i < c.i < conj.i for c in verb.children)


def relayed_statement(ctx: Context, verb: Token, subject: Token) -> tuple[tuple[int, int] | None, str]:
    """What a parenthetical reporter relays: its host's whole clause, speaker and cue included, up to the comma
    before the reporter ("[The minister said the talks had failed], the BBC reported")."""
    host = parenthetical_report(verb)
    comma = verb.doc[subject.left_edge.i - 1]
    start, end = ctx.in_paragraph(verb.idx, host.left_edge.idx, comma.idx)
    return ((start, end), "clause") if end > start else (None, "")


def clause_before_reporter(reporter: Token) -> list[Token]:
    """The clause a parenthetical reporter's parse holds before its subject ("said [[the talks had failed], the BBC
    reported]"): the host verb's own content, without the reporter."""
    subject = next(c for c in reporter.children if c.dep_ in SUBJECTS and c.i < reporter.i)
    return [c for c in reporter.children if c.dep_ in CLAUSE_DEPS and c.i < subject.left_edge.i]


def clause_after_comma(ctx: Context, verb: Token) -> tuple[int, int] | None:
    """ "Al Jazeera reported on Thursday, coverage had risen to 55 percent": the parser made the reporting verb a
    clause of the verb after the comma; that verb's clause, from the comma on, is what was reported. Only a verb
    that opens its sentence's clause (its subject first) and ends at the comma. Also "..., with local media
    reporting no-one was hurt" read as "with [media reporting] no-one was hurt": no comma, the with-phrase ends
    with the verb."""
    host = verb.head
    with_phrase = verb.dep_ == "pcomp" and host.lower_ == "with" and host.right_edge.i == verb.right_edge.i
    if with_phrase:
        host = host.head
    elif verb.dep_ != "ccomp":
        return None
    if host.i < verb.i or host.pos_ not in ("VERB", "AUX") or reporting_entry(host):
        return None  # "Prosecutors charged him, they said": the clause before is the host's content
    comma = verb.right_edge.i + 1
    if comma >= host.i or (verb.doc[comma].text != "," and not with_phrase):
        return None
    if not any(c.dep_ in ("nsubj", "nsubjpass") and verb.right_edge.i < c.i < host.i for c in host.children):
        return None  # the host clause has a subject of its own after the comma
    last = verb.right_edge if with_phrase else verb.doc[comma]  # no comma: the clause starts after the verb
    start, end = trim(ctx.body, last.idx + len(last), ctx.extent(host)[1])
    return (start, end) if end > start else None


def report_start(verb: Token) -> int:
    """Where a reporting verb coordinated into another one's clause starts, with its "and": the first one's
    content ends there."""
    joined = [c.idx for c in verb.head.children if c.dep_ in ("cc", "punct") and verb.head.i < c.i < verb.i]
    return min([verb.left_edge.idx, *joined[-1:]])


def beside(token: Token, verb: Token) -> bool:
    """Whether ``token`` is a reporting verb coordinated into ``verb``'s clause (``report_beside``)."""
    outer = report_beside(token)
    return outer is not None and outer.i == verb.i


def particle_of(verb: Token, token: Token, entry: dict) -> bool:
    """The preposition right after the verb that makes it phrasal ("called for")."""
    return token.dep_ == "prep" and token.i == verb.i + 1 and token.lower_ == entry["particle"]


SPOKEN_TOPICS = frozenset("of about against".split())
"""Prepositions whose object is what someone spoke of: "warned of famine", "spoke out against the tax"."""
CIRCUMSTANCE_MARKS = frozenset("so because since although though while unless until once before after".split())
"""Conjunctions that open a clause of purpose, cause or time, never what was said ("declared it so he could ...")."""


def infinitive_request(clause: Token) -> bool:
    """ "pleaded with them [to stay]", "asked [for the price to be kept secret]": the infinitive after a verb of
    asking, also one the parser hung on it as an adverbial clause, is what was asked."""
    marks = [c.lower_ for c in clause.children if c.dep_ == "mark"]
    to = any(c.dep_ == "aux" and c.lower_ == "to" for c in clause.children)
    return clause.dep_ in ("advcl", "xcomp") and to and marks in ([], ["for"])


def circumstance_clause(token: Token) -> bool:
    """A clause opened by "so", "because", "although" ...: why or when the verb happened, not its content."""
    return token.dep_ in ("ccomp", "advcl") and any(
        c.dep_ == "mark" and c.lower_ in CIRCUMSTANCE_MARKS for c in token.children
    )


def complement_after(verb: Token) -> bool:
    """The verb has an object or clause after it ("then find their paths affected", "he wrote a letter"), so a
    clause before its subject is not what it reports."""
    return any(
        c.dep_ in ("dobj", "ccomp", "xcomp", "oprd", "dative") and c.i > verb.i and not hearer(c) for c in verb.children
    )


def hearer(noun: Token) -> bool:
    """An object that is who was told ("told reporters", "told the BBC"), not what was said or written."""
    lemma = noun.lemma_.lower()
    return (
        noun.dep_ in ("dobj", "dative")
        and not is_document(noun)
        and (noun.pos_ in ("PROPN", "PRON") or lemma in source_nouns() or lemma in vague_heads())
    )


def that_marked_clause(clause: Token) -> bool:
    return any(m.dep_ == "mark" and m.lower_ == "that" for m in clause.children)


def object_then_verb(verb: Token) -> list[Token]:
    """ "ruled [the draft] [violated the Constitution]": a clause without "that" that the parser split into
    the verb's object and an unmarked finite clause right after it; together they are the content."""
    obj = next((c for c in verb.children if c.dep_ == "dobj" and c.i > verb.i), None)
    if obj is None:
        return []
    rest = next((c for c in verb.children if c.dep_ == "advcl" and c.i == obj.right_edge.i + 1), None)
    unmarked = rest is not None and not any(c.dep_ in ("mark", "nsubj", "nsubjpass") for c in rest.children)
    return [obj, rest] if unmarked and rest.tag_ in FINITE else []


def small_clause(token: Token) -> bool:
    """ "find their paths affected", "found it broken": a participle with no finite verb or infinitive is a state
    come upon, not a view or finding reported."""
    finite = any(t.tag_ in FINITE_OR_MODAL or t.lower_ == "to" for t in token.subtree)
    return token.dep_ == "ccomp" and token.tag_ in ("VBN", "VBG") and not finite


def deliberation(token: Token) -> bool:
    """ "is considering selling stocks": a gerund after a verb of thinking is a plan weighed, not a view held."""
    return token.dep_ == "xcomp" and token.tag_ == "VBG"


def clause_on_statement(ctx: Context, verb: Token) -> list[Token]:
    """The that-clause the parser hung on "in a statement" as a relative clause ("said in a release that ...").

    "That" opens a complement, not a relative clause, when the clause has a
    subject of its own and its verb does not make the statement ("that it issued").
    """
    for prep in (c for c in verb.children if c.dep_ == "prep" and c.lower_ in ("in", "on") and c.i > verb.i):
        for noun in (c for c in prep.children if c.dep_ == "pobj"):
            if noun.lemma_.lower() not in STATEMENT_NOUNS and not is_document(noun):
                continue
            for clause in (c for c in noun.children if c.dep_ == "relcl"):
                first = clause.left_edge
                own_subject = any(c.dep_ in ("nsubj", "nsubjpass") and c.i != first.i for c in clause.children)
                relative = any(t.tag_ in ("WDT", "WP", "WP$", "WRB") for t in clause.subtree)
                opened = first.lower_ == "that" or (not relative and first.dep_ in ("det", "nsubj", "nsubjpass"))
                if opened and own_subject and clause.lemma_ not in MAKING_VERBS:
                    return [clause]  # also "said in a press release the suspect was arrested": no "that"
    return []


def clause_on_hearer(verb: Token) -> list[Token]:
    """The that-clause the parser hung on the one told as a relative clause ("told a news conference that taxes
    had risen", "told the court that he was innocent"): after a hearer, "that" with a subject of its own after it
    opens what was said, as in ``clause_on_statement``."""
    for hearer_noun in (c for c in verb.children if c.dep_ == "dobj" and c.i > verb.i and hearer(c)):
        for clause in (c for c in hearer_noun.children if c.dep_ == "relcl"):
            first = clause.left_edge
            own_subject = any(c.dep_ in ("nsubj", "nsubjpass") and c.i != first.i for c in clause.children)
            if first.lower_ == "that" and own_subject and first.dep_ != "nsubj":
                return [clause]
    return []


def pseudo_cleft(verb: Token) -> bool:
    """ "What the results showed was that grit mattered", "What he said is that ...": the verb's "what" is the
    subject of a copula whose clause is the content."""
    what = any(c.dep_ == "dobj" and c.lower_ == "what" and c.i < verb.i for c in verb.children)
    return what and verb.dep_ == "csubj" and verb.head.lemma_ == "be"


def stated_after(ctx: Context, copula: Token) -> tuple[int, int] | None:
    """What "is that" introduces: the copula's that-clause, or the rest of the sentence when the parser read
    "that" as a pronoun ("is that matter curves spacetime")."""
    clause = next((c for c in copula.children if c.dep_ == "ccomp" and c.i > copula.i), None)
    if clause is not None and any(m.dep_ == "mark" and m.lower_ == "that" for m in clause.children):
        return ctx.extent(clause)
    after = copula.doc[copula.i + 1] if copula.i + 1 < len(copula.doc) else None
    sentence = ctx.sentence_of(copula.idx)
    if after is None or after.lower_ != "that" or sentence is None:
        return None
    content = trim(ctx.body, after.idx + len(after), sentence[1])
    return content if content[1] > content[0] else None


def as_clause(ctx: Context, verb: Token) -> tuple[int, int] | None:
    """The main clause after "As X told Y,", or before "CLAUSE, as X said,": the content of the cue inside the
    as-clause."""
    head = verb.head
    start = verb.right_edge.idx + len(verb.right_edge)
    end = head.right_edge.idx + len(head.right_edge)
    if head.i < verb.i:
        opening = verb.left_edge  # "It's a long time, as Congresswoman Dean said, ...": the clause before "as"
        comma = opening.i > 0 and opening.doc[opening.i - 1].text == ","  # not "as much money as X requested"
        if opening.lower_ != "as" or not comma or opening.i <= head.left_edge.i or ctx.in_quote(opening.idx):
            return None
        if complement_after(verb):
            return None  # ", as the engineer said it would be": the verb's own clause
        start, end = head.left_edge.idx, opening.idx
    block = ctx.block_of(verb.idx)
    if block is not None:
        end = min(end, block.end)
    start, end = trim(ctx.body, start, end)
    return (start, end) if end > start else None


def block_after_colon(ctx: Context, verb: Token) -> tuple[tuple[int, int], str] | None:
    """'X said:' closing its paragraph, then a quoted or dash paragraph (or a bullet list): the content."""
    block = ctx.block_of(verb.idx)
    if block is None or not ctx.body[block.start : block.end].rstrip().endswith(":"):
        return None
    placeholder = placeholder_object(ctx, verb, block)
    if placeholder is None and any(c.dep_ in ("ccomp", "dobj", "xcomp") and c.i > verb.i for c in verb.children):
        return None  # the clause before the colon is the content; a list after it is added later
    k = ctx.blocks.index(block) + 1
    if placeholder is not None and (k >= len(ctx.blocks) or ctx.blocks[k].kind == "bullet"):
        return None  # "highlighted two points:" and a list: the list is added to the object later
    if k < len(ctx.blocks) and ctx.blocks[k].kind == "bullet":  # "He added:" and a list of points
        last = k
        while last + 1 < len(ctx.blocks) and ctx.blocks[last + 1].kind == "bullet":
            last += 1
        lead = re.match(r"[-*•]?\s*", ctx.body[ctx.blocks[k].start :]).end()
        return trim(ctx.body, ctx.blocks[k].start + lead, ctx.blocks[last].end), "clause"
    if k >= len(ctx.blocks) or ctx.blocks[k].kind == "heading":
        return None
    nxt = ctx.blocks[k]
    if not (ctx.starts_quote(k) or nxt.kind == "quote") and LABEL.match(ctx.body[nxt.start : nxt.end]):
        return None  # the next paragraph is somebody else's turn
    lead = re.match(r"[–—\"“„«»‘'\s]*", ctx.body[nxt.start : nxt.end]).end()
    if placeholder is not None:  # "denied these allegations:" and the statement after, up to a cue of its own
        return trim(ctx.body, ctx.extent(placeholder)[0], until_own_cue(ctx, nxt)), "quote"
    return trim(ctx.body, nxt.start + lead, nxt.end), "quote"  # a quotation set off as its own paragraph


def placeholder_object(ctx: Context, verb: Token, block: Block) -> Token | None:
    """ "denied these allegations:", "made two points:": an object closing the paragraph at its colon stands for
    what the next paragraph says (no clause of its own)."""
    obj = next((c for c in verb.children if c.dep_ == "dobj" and c.i > verb.i), None)
    if obj is None or any(c.dep_ in ("ccomp", "xcomp") and c.i > verb.i for c in verb.children):
        return None
    end = ctx.extent(obj)[1]
    closes = ctx.body[end : block.end].strip() == ":"
    return obj if closes and not any(t.pos_ in ("VERB", "AUX") for t in obj.subtree) else None


def until_own_cue(ctx: Context, block: Block) -> int:
    """The end of a paragraph's sentences up to the first (after the first) with a reporting verb of its own."""
    end = block.end
    sentences = [s for s in ctx.article.sentences if block.start <= s[0] < block.end]
    for start, stop in sentences[1:]:
        span = ctx.doc.char_span(start, stop, alignment_mode="expand")
        if span is not None and any(is_cue(t) and not ctx.in_quote(t.idx) for t in span):
            return start
    return end


def dash_content(ctx: Context, verb: Token, clause_start: int) -> tuple[int, int] | None:
    """'– text, says X.': the text between the dash and the comma before the cue clause."""
    block = ctx.block_of(verb.idx)
    if block is None or block.kind != "quote":
        return None
    tail = ctx.body[clause_start : block.end].strip()
    if re.search(r"[;:–—]|[.!?]\s", tail):
        return None  # the cue clause must close the paragraph
    head = ctx.body[block.start : clause_start]
    stripped = head.rstrip()
    if not stripped.endswith(","):
        return None
    lead = re.match(r"[–—]\s*", ctx.body[block.start : block.end])
    start = block.start + (lead.end() if lead else 0)
    return trim(ctx.body, start, block.start + len(stripped) - 1)
