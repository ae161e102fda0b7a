"""Content that runs on past its cue's sentence.

Quotations with no cue of their own, a list after a colon, and dash paragraphs
that continue the dash quote before them.
"""

from __future__ import annotations

import bisect
import re

from medialit.core.spans import Attribution, Span
from medialit.nlp.attribution.context import Context, trim


def govern_following(ctx: Context, attributions: list[Attribution]) -> list[Attribution]:
    """Extend content over following quotes (no cue of their own) and lists after a colon."""
    cue_positions = sorted(a.cue.start for a in attributions)
    out = []
    for number, attribution in enumerate(attributions):
        limit = attributions[number + 1].cue.start if number + 1 < len(attributions) else len(ctx.body)
        after = max(attribution.content.end, attribution.cue.end)
        limit = min(limit, next_cue_sentence_start(ctx, after, cue_positions))
        start, end = follow(ctx, attribution, limit)
        if end > attribution.content.end:
            content = Span(start, end, "content", attribution.content.reasons)
            kind = attribution.kind if attribution.kind in ("direct", "according_to") else "mixed"
            if colon_list(ctx, attribution) and attribution.kind == "indirect":
                kind = "indirect"
            attribution = Attribution(
                attribution.speaker, attribution.source, attribution.cue, content, kind, attribution.rule
            )
        out.append(attribution)
    return out


def next_cue_sentence_start(ctx: Context, position: int, cue_positions: list[int]) -> int:
    """Where the sentence of the next cue after ``position`` begins: following content stops there."""
    k = bisect.bisect_right(cue_positions, position)
    if k >= len(cue_positions):
        return len(ctx.body)
    sentence = ctx.sentence_of(cue_positions[k])
    return sentence[0] if sentence else cue_positions[k]


def colon_list(ctx: Context, attribution: Attribution) -> bool:
    """Whether the cue's sentence ends in a colon (a list or quotation follows)."""
    sentence = ctx.sentence_of(attribution.cue.start)
    return bool(sentence) and ctx.body[sentence[0] : sentence[1]].rstrip().endswith(":")


def follow(ctx: Context, attribution: Attribution, limit: int) -> tuple[int, int]:
    """(start, end) of the content once following quotations or a list after a colon are added."""
    start, end = attribution.content.start, attribution.content.end
    sentence = ctx.sentence_of(attribution.cue.start)
    block = ctx.block_of(attribution.cue.start)
    if sentence is None or block is None:
        return start, end
    if colon_list(ctx, attribution):
        first_bullet = None
        k = ctx.blocks.index(block) + 1
        kind = ctx.blocks[k].kind if k < len(ctx.blocks) else ""
        while k < len(ctx.blocks) and ctx.blocks[k].start < limit and ctx.blocks[k].kind == kind:
            if kind not in ("bullet", "text", "quote") or (kind == "text" and not ctx.starts_quote(k)):
                break
            end = trim(ctx.body, ctx.blocks[k].start, ctx.blocks[k].end)[1]
            if kind == "bullet" and k == ctx.blocks.index(block) + 1:
                first_bullet = ctx.blocks[k].start + re.match(r"[-*•]?\s*", ctx.body[ctx.blocks[k].start :]).end()
            k += 1
            if kind != "bullet":
                break
        lead = ctx.doc.char_span(start, attribution.content.end, alignment_mode="expand")
        placeholder = lead is not None and not any(t.pos_ in ("VERB", "AUX") for t in lead)  # "two points:"
        return (first_bullet if first_bullet is not None and placeholder else start), end
    # a quotation the content opens runs on to its close (over sentences: "as "another skirmish ... war.""), then
    # quotations that follow with no cue of their own
    open_quote = ctx.quote_at(end - 1)
    rest = ctx.body[end : open_quote.end].strip(" ,;:.!?") if open_quote is not None else ""
    if rest and open_quote.end <= limit and open_quote.start >= start:
        end = open_quote.end
    position = max(end, sentence[1])
    while True:
        quote = ctx.next_quote_start(position)
        if quote is None or quote.open_mark >= limit:
            return start, end
        gap = ctx.body[position : quote.open_mark]
        if gap.strip() or gap.count("\n") > 2 or ctx.in_heading(quote.open_mark):
            return start, end  # a heading's quoted word ("“tidy” conversation") is no continued quotation
        end = quote.end
        position = quote.outer_end


def dash_continuations(ctx: Context, attributions: list[Attribution]) -> list[Span]:
    """Dash paragraphs with no cue that follow a dash quote continue its speaker's words."""
    out = []
    current: Attribution | None = None
    for block in ctx.blocks:
        if block.kind != "quote":
            current = None
            continue
        inside = [a for a in attributions if block.start <= a.cue.start < block.end]
        if inside:
            current = inside[-1]
        elif current is not None:
            reason = f"dash continuation of {current.speaker}'s quote ({current.cue.text(ctx.body)})"
            out.append(Span(block.start, block.end, "continuation", (reason,)))
    return out
