"""Attributions that punctuation marks.

"Name: statement", interview turns after a speaker label, and quotations
signed after a dash ("— Peres").
"""

from __future__ import annotations

import re

from spacy.tokens import Span as DocSpan
from spacy.tokens import Token

from medialit.core.article import Block
from medialit.nlp.attribution.context import Context, trim
from medialit.nlp.attribution.tokens import can_speak
from medialit.nlp.quotes import MARKS as QUOTE_MARKS
from medialit.nlp.quotes import Quote
from medialit.nlp.sources import INSTITUTIONS, source_nouns, title_words, vague_heads

_SIGNATURE = re.compile(r"\s*([—–]|--)\s*([A-Z][\w.’'-]*(?: [A-Z][\w.’'-]*){0,3})(?:[,.].*)?\s*$")
SECTION_NUMBER = re.compile(r"\s*(\d+(\.\d+)*|[IVXLC]+|[A-Z])\.\s*")
"""What numbers a section heading before its title: "2. ", "3.1. ", "IV. ", "B. "."""
LABEL = re.compile(r"([A-Z][\w.’'-]*(?: [A-Z][\w.’'-]*){0,3}): ")  # "Tina McKenzie: " opening a paragraph


def colon_statements(ctx: Context, used: set[int]) -> list[dict]:
    """'Smith: "We will win."' / 'Minister: talks have failed': a name, a colon, the statement.

    The words before the colon must be a short phrase with no verb naming
    a person, organisation or place the parser recognises (or a label that
    opens two or more paragraphs). A label opening a paragraph is an interview turn: its content is
    the whole paragraph, and the interviewer's turns (the outlet, or a
    label whose turns are mostly questions) credit nobody. Turns exist only
    in a text with speaker labels on two or more paragraphs (an interview):
    elsewhere a lone "Title: subtitle" or "Place: what to see" would make the
    rest of the text one speaker's answer, so its label states one sentence.
    """
    labels = []
    repeated = repeated_labels(ctx)
    for start, end in ctx.article.sentences:
        label = colon_label(ctx, start, end, repeated)
        if label is not None and label[0].i not in used:
            labels.append((start, end, *label))
    turns: dict[str, list[bool]] = {}
    for start, _, _, colon, block in labels:
        if block is not None and block.start == start:
            name = " ".join(ctx.body[start:colon].split())
            turns.setdefault(name, []).append(ctx.body[block.start : block.end].rstrip().endswith("?"))
    outlet = str(ctx.article.meta.get("outlet", "")).lower()
    asking = {name for name, ends in turns.items() if sum(ends) * 2 >= len(ends) or name.lower() == outlet}
    out = []
    for start, end, head, colon, block in labels:
        name = " ".join(ctx.body[start:colon].split())
        turn = block is not None and block.start == start and bool(repeated)
        if name in asking or name.lower() == outlet:
            continue
        content = trim(ctx.body, colon + 1, turn_end(ctx, block, repeated) if turn else end)
        if content[1] <= content[0] or (not turn and len(ctx.body[content[0] : content[1]].split()) < 3):
            continue
        opening = ctx.body[colon + 1 : content[0] + 1].strip()[:1]
        quoted = not turn and (opening in QUOTE_MARKS or ctx.in_quote(content[0]))
        if not turn and not quoted and not states_something(ctx, content):
            continue  # "Spanish Art: Insights from ...", "Marie Galante: the biggest island": a title, an entry
        rule = "colon:turn" if turn else "colon"
        how = "quote" if quoted or turn else "clause"
        out.append({"cue": (colon, colon + 1), "source": head, "content": content, "how": how, "rule": rule})
    return out


def states_something(ctx: Context, content: tuple[int, int]) -> bool:
    """Words after a label state something only with a verb: "Police: suspect arrested", not a subtitle
    ("Insights from Eye-Tracking") or the entry of a list of places ("Petite Terre: uninhabited and untamed")."""
    span = ctx.doc.char_span(content[0], content[1], alignment_mode="expand")
    return span is None or any(t.pos_ in ("VERB", "AUX") for t in span)


def signed_quotes(ctx: Context, used: set[int]) -> list[dict]:
    """A paragraph that is a quotation signed after a dash: '"..." — Peres, on the oil wealth.'"""
    out = []
    for block in ctx.blocks:
        text = ctx.body[block.start : block.end]
        if text[:1] not in QUOTE_MARKS:
            continue
        quote = next((q for q in ctx.quotes if block.start < q.start <= block.start + 1), None)
        if quote is None or quote.end > block.end:
            continue
        sign = _SIGNATURE.match(ctx.body, quote.outer_end, block.end)
        if sign is None:
            continue
        span = ctx.doc.char_span(sign.start(2), sign.end(2), alignment_mode="contract")
        if span is None or span.root.i in used or not any(t.pos_ == "PROPN" for t in span):
            continue
        cue = (sign.start(1), sign.end(1))
        out.append(
            {
                "cue": cue,
                "source": span.root,
                "content": (quote.start, quote.end),
                "how": "quote",
                "rule": "dash_signature",
            }
        )
    return out


def turn_end(ctx: Context, block: Block, labels: set[str]) -> int:
    """An interview answer runs on over the following paragraphs until the next speaker label or a short heading."""
    k = ctx.blocks.index(block) + 1
    end = block.end
    while k < len(ctx.blocks):
        nxt = ctx.blocks[k]
        text = ctx.body[nxt.start : nxt.end]
        found = LABEL.match(text)
        if (found and found.group(1) in labels) or (nxt.kind == "heading" and len(text.split()) <= 6):
            break
        end = nxt.end
        k += 1
    return end


def repeated_labels(ctx: Context) -> set[str]:
    """Capitalised 'Label:' openings found on two or more paragraphs: the speakers of an interview."""
    seen: dict[str, int] = {}
    for block in ctx.blocks:
        found = LABEL.match(ctx.body[block.start : block.end])
        if found:
            seen[found.group(1)] = seen.get(found.group(1), 0) + 1
    return {label for label, n in seen.items() if n >= 2}


def colon_label(ctx: Context, start: int, end: int, repeated: set[str]) -> tuple[Token, int, Block | None] | None:
    """(head token, colon position, paragraph) when the sentence opens with 'Name:' and a space."""
    text = ctx.body[start:end]
    colon = text.find(":")
    if colon <= 0 or colon > 60 or not text[colon + 1 : colon + 2].isspace():
        return None
    lead = ctx.doc.char_span(start, start + colon, alignment_mode="contract")
    if lead is None or not 1 <= len(lead) <= 6 or lead[0].like_num or text[:1].isdigit():
        return None  # "2. New Institutional Economics:" numbers a section
    if SECTION_NUMBER.fullmatch(ctx.body[ctx.body.rfind("\n", 0, start) + 1 : start]):
        return None  # the same with the number split off as a sentence of its own
    if text[:colon].count("(") != text[:colon].count(")"):
        return None  # "Jeanne Moreau (French pronunciation: ...": a colon inside a parenthesis labels nobody
    head = lead.root
    block = ctx.block_of(start)
    if text[:colon] in repeated and block is not None and block.start == start:
        return head, start + colon, block  # "Snow: ..." on several paragraphs: an interview speaker
    if any(t.pos_ in ("VERB", "AUX") for t in lead) or head.pos_ not in ("PROPN", "NOUN") or not can_speak(head):
        return None
    if not any(t.ent_type_ in ("PERSON", "ORG", "GPE", "NORP") for t in lead):
        group = group_label(ctx, lead, end)  # a group's label is a statement, never an interview turn
        return (head, start + colon, None) if group else None  # "Current topic: ..." names nobody
    return head, start + colon, block


def group_label(ctx: Context, lead: DocSpan, end: int) -> bool:
    """ "Police: suspect arrested": a word for people or an institution, then a statement with a verb."""
    lemma = lead.root.lemma_.lower()
    words = source_nouns() | vague_heads() | title_words() | INSTITUTIONS
    after = ctx.doc.char_span(lead.end_char + 1, end, alignment_mode="contract")
    return len(lead) <= 2 and lemma in words and after is not None and any(t.pos_ == "VERB" for t in after)


def colon_quotes(ctx: Context, used: set[int]) -> list[dict]:
    """ "Smith put it bluntly: "The plan is dead."", "The ministry's position was clear: we will not negotiate":
    a clause whose subject can speak, then a colon and a quotation (which may run on over the paragraph's next
    sentences), or a clause when the words before the colon name a statement or stance (a noun of communication, a
    stance adjective) and are few (``SHORT_LEAD``)."""
    from medialit.nlp.attribution.tokens import holder_of_words, is_cue

    out = []
    for start, end in ctx.article.sentences:
        colon = ctx.body.find(": ", start, end)
        if colon < 0 or ctx.in_quote(colon):
            continue
        lead = ctx.doc.char_span(start, colon, alignment_mode="contract")
        if lead is None or len(lead) < 2 or lead.root.pos_ not in ("VERB", "AUX"):
            continue
        verb = lead.root
        if verb.i in used or any(is_cue(t) and t.pos_ in ("VERB", "AUX") for t in lead):
            continue  # "the minister replied:" is the verb rule's
        if verb.lemma_ in RECEIVING_VERBS:
            continue  # "She read the letter: "..."": the letter's words, not hers
        subject = holder_of_words(verb)
        if subject is None or not can_speak(subject) or subject.lower_ in ("it", "there", "this", "that"):
            continue
        quote = ctx.next_quote_start(colon + 1)
        quoted = quote is not None and not ctx.body[colon + 1 : quote.open_mark].strip() and closes(ctx, quote, end)
        short = len(lead) <= SHORT_LEAD
        if quoted and (short or not any(t.text in QUOTE_MARKS for t in lead)):
            content, how = (quote.start, quote.end), "quote"
        elif short and names_a_statement(lead, subject):
            content, how = trim(ctx.body, colon + 1, end), "clause"
        else:
            continue
        if content[1] <= content[0]:
            continue
        cue = (verb.idx, trim(ctx.body, verb.idx, colon)[1])
        out.append({"cue": cue, "source": subject, "content": content, "how": how, "rule": "colon:statement"})
    return out


SHORT_LEAD = 12
"""Tokens before the colon read as one clause. A plain clause after the colon needs a lead this short; a quotation
right after it may follow a longer one with no quotation of its own ("Mayor X, a member of ..., spoke on ... when
he made the announcement: "...""), as the colon and the quotation marks frame the speech."""


def closes(ctx: Context, quote: Quote, end: int) -> bool:
    """The quotation after the colon ends in its sentence, or runs on over the next sentences of its paragraph
    (rule 2: one cue, one quotation however many sentences it holds)."""
    block = ctx.block_of(quote.start)
    return quote.end <= end + 2 or (block is not None and quote.end <= block.end)


RECEIVING_VERBS = frozenset("read receive see hear find get quote cite".split())
"""Verbs of taking in a text: the quotation after the colon is the text's, not the subject's."""


def names_a_statement(lead: DocSpan, source: Token) -> bool:
    """Words before a colon that announce a statement: a noun of communication ("message", "position") or a
    stance adjective ("adamant")."""
    from medialit.nlp.reporting_lexicon import content_nouns, phrase_lexicon

    nouns = content_nouns()
    announcing = [t for t in lead if t.pos_ == "NOUN" and t.dep_ in ARGUMENTS and t.i != source.i]
    return any("noun.communication" in nouns.get(t.lemma_.lower(), "") for t in announcing) or any(
        t.lower_ in phrase_lexicon()["CUE_ADJ"] for t in lead
    )


ARGUMENTS = ("nsubj", "dobj", "attr")
"""The noun announcing a statement is the clause's subject or object ("had a message:"), not in a phrase
("focuses on ozone-temperature covariation:")."""
