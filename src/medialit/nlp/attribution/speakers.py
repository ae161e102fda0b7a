"""Who speaks, settled once every cue is found.

Pronouns inside interview turns and quotations, and sources without content
(guidelines rule 3: "X did not comment", "X was contacted").
"""

from __future__ import annotations

from dataclasses import replace

from spacy.tokens import Token

from medialit.core.spans import Attribution, Span
from medialit.nlp.attribution.context import Context, trim
from medialit.nlp.attribution.tokens import can_speak
from medialit.nlp.quotes import Quote
from medialit.nlp.reporting_lexicon import reporting_entry
from medialit.nlp.sources import SPEAKER_PRONOUNS, vague_heads
from medialit.nlp.sources.words import source_noun_files


def silent_sources(ctx: Context, attributions: list[Attribution]) -> list[tuple[str, Span]]:
    """Rule 3 sources as (speaker, mention): named nouns only, resolved like attributed sources."""
    out = []
    for token, reason in ctx.silent_tokens:
        if token.pos_ == "PRON":
            continue
        extent = trim(ctx.body, token.left_edge.idx, token.idx + len(token))  # the noun, not what follows it
        speaker, _ = ctx.resolver.resolve(token, extent, attributions)
        out.append((speaker, Span(extent[0], extent[1], "source", (reason,))))
    return out


def note_silent(ctx: Context, verb: Token) -> None:
    """Rule 3: "X did not comment", "X was contacted": X is a source without content."""
    if verb.lemma_ == "contact":
        target = next((c for c in verb.children if c.dep_ in ("dobj", "nsubjpass")), None)
        if target is not None and target.pos_ in ("NOUN", "PROPN"):
            ctx.silent_tokens.append((target, "contacted, no content (rule 3)"))
        return
    subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    if verb.dep_ == "xcomp" and verb.head.lemma_ in ("decline", "refuse"):
        subject = next((c for c in verb.head.children if c.dep_ == "nsubj"), None)
    if subject is not None and subject.pos_ in ("NOUN", "PROPN"):
        ctx.silent_tokens.append((subject, f"'{verb.text}' without content (rule 3)"))


def outside_turns(ctx: Context, attributions: list[Attribution]) -> list[Attribution]:
    """Drop cues with a pronoun subject inside an interview turn: "I think", "they say" are part of the answer."""
    turns = [a.content for a in attributions if a.rule == "colon:turn"]

    def nested(a: Attribution) -> bool:
        pronoun = a.source.text(ctx.body).lower() in SPEAKER_PRONOUNS | {"it"}
        return pronoun and a.rule != "colon:turn" and any(t.start <= a.cue.start < t.end for t in turns)

    return [a for a in attributions if not nested(a)]


def inside_no_quotation(ctx: Context, attributions: list[Attribution]) -> list[Attribution]:
    """Drop a cue inside a quotation that another attribution quotes, unless it names its source: '"... and he
    admits that ...," said X' is X's statement alone, '"... even Administrator Bolden stated as much"' credits
    Bolden too, and so does a source picked out by description ("which the police have now declared ...", K5);
    the corpus annotates those, not pronouns. The quoting attribution may be of any kind ('defended the plan, "As
    I have said before, ..."'), and a cue that shares its source ("... I did look and think, '...'") is part of
    that statement; a capitalised first word of the quotation with no entity ("Matter tells ...") names no one."""

    def nested(a: Attribution) -> bool:
        quote = ctx.quote_at(a.cue.start)
        source = ctx.doc.char_span(a.source.start, a.source.end, alignment_mode="expand")
        if quote is None or source is None:
            return False
        outer = [o for o in attributions if o is not a and o.content.start <= quote.start < o.content.end]
        if any(o.source == a.source for o in outer):
            return True  # "... I did look at the makeup and think, '...'", the quoted speaker's own verb: one statement
        if any(t.pos_ == "PROPN" and not first_word_capital(t, quote) for t in source):
            return False
        if particular(source.root):
            return False  # "..., which the police have now declared as terrorism-related": someone else (K5)
        return bool(outer)

    return [a for a in attributions if not nested(a)]


def first_word_capital(token: Token, quote: Quote) -> bool:
    """A common noun capitalised as the quotation's first word, which the tagger takes for a name: "Matter tells
    spacetime how to curve" (no entity, the first word inside the marks)."""
    return not token.ent_type_ and token.idx == quote.start and token.text.lower() != token.text


def particular(noun: Token) -> bool:
    """A noun that picks out one source by description (K2): "the police", "the court", "the minister"; not a
    pronoun ("he admits": the speaker quoted) nor an open group ("experts")."""
    definite = any(c.dep_ == "det" and c.lower_ == "the" for c in noun.children)
    return noun.pos_ == "NOUN" and definite and can_speak(noun) and noun.lemma_.lower() not in vague_heads()


def own_words_reported(ctx: Context, attribution: Attribution) -> bool:
    """ "I said, 'Only if you think it is worthy'", "as I told the Nation": the author reports what they said
    before, a statement of their own like anyone else's (a past tense of a neutral speech verb)."""
    span = ctx.doc.char_span(attribution.cue.start, attribution.cue.end, alignment_mode="expand")
    verb = span.root if span is not None else None
    entry = reporting_entry(verb) if verb is not None else None
    if entry is None or verb.tag_ != "VBD" or entry["stance"] != "neutral" or entry["strict"]:
        return False
    speaker = next((c for c in verb.children if c.dep_ == "nsubj"), None)  # its own subject: not "I was ... told"
    return speaker is not None and attribution.source.start <= speaker.idx < attribution.source.end


def quoted_speakers(ctx: Context, attributions: list[Attribution]) -> list[Attribution]:
    """'I' or 'we' inside somebody's quotation is that somebody; outside any, the author speaking."""
    out = []
    for attribution in attributions:
        if attribution.source.text(ctx.body).lower() in SPEAKER_PRONOUNS:
            outer = next(
                (
                    other
                    for other in attributions
                    if other is not attribution and other.content.start <= attribution.source.start < other.content.end
                ),
                None,
            )
            if outer is not None and outer.source.text(ctx.body).lower() in SPEAKER_PRONOUNS:
                outer = None if ctx.in_quote(outer.source.start) else outer  # 'we suggest ... we propose'
                if outer is None:
                    continue
            if outer is not None and outer.speaker.lower() in SPEAKER_PRONOUNS and not ctx.in_quote(outer.cue.start):
                continue  # "We observe that ... and we propose that ...": the author's own voice both times
            if outer is not None:
                rule = f"{attribution.rule}; speaker '{attribution.source.text(ctx.body)}' -> {outer.speaker}"
                attribution = replace(attribution, speaker=outer.speaker, rule=rule)
            elif not ctx.in_quote(attribution.source.start) and not own_words_reported(ctx, attribution):
                continue  # 'I say' in the text's own voice (a speech, an essay): the author, not a source
        out.append(attribution)
    return out


def headline_descriptions(ctx: Context, attributions: list[Attribution]) -> list[Attribution]:
    """A description in the headline stands for the one the lede names (K18: "scientists" in a headline whose body
    names the team): "Australian woman claims ..." above "Valeska Paris, an Australian woman, has claimed ...",
    "Kurds announce deal" above "the Kurdish-led Syrian Democratic Forces (SDF) announced": the person, or for a
    body or a people the organisation, named in the subject of the lede's first sentence. Bare plurals of common
    nouns ("Scientists say") stay as written: no one in particular (K2)."""
    end = ctx.resolver.headline_end
    subjects = _lede_subjects(ctx, end) if end else []
    if not subjects:
        return attributions
    out = []
    for attribution in attributions:
        if attribution.source.end <= end and "->" not in attribution.rule:
            named = _named_in(ctx, attribution, subjects, attributions)
            if named is not None:
                speaker, kind = named
                ctx.resolver.kinds.setdefault(speaker, kind)
                rule = f"{attribution.rule}; headline '{attribution.source.text(ctx.body)}' -> {speaker}"
                attribution = replace(attribution, speaker=speaker, rule=rule)
        out.append(attribution)
    return out


def _lede_subjects(ctx: Context, end: int) -> list[Token]:
    """The subjects in the first sentence of the first paragraph after the headline that is prose, not a date."""
    for block in ctx.blocks:
        text = ctx.body[block.start : block.end].strip()
        if block.start >= end and block.kind == "text" and text[-1:] in '."”’' and len(text.split()) >= 8:
            first = ctx.doc.char_span(block.start, block.end, alignment_mode="contract")
            if first is None:
                return []
            sentence = next(iter(first.sents))
            return [t for t in sentence if t.dep_ in ("nsubj", "nsubjpass")]
    return []


def _named_in(
    ctx: Context, attribution: Attribution, subjects: list[Token], earlier: list[Attribution]
) -> tuple[str, str] | None:
    """(speaker, kind) named in the lede's subjects for a headline's source phrase, when that phrase is a
    description: a noun for a person (WordNet noun.person) takes a person, a noun for a group, a plural with a
    name before it ("Coalition authorities") or a people ("Kurds") an organisation."""
    source = ctx.doc.char_span(attribution.source.start, attribution.source.end, alignment_mode="expand")
    if source is None:
        return None
    head = source.root
    files = source_noun_files().get(head.lemma_.lower(), "")
    if head.ent_type_ == "NORP" and head.tag_ in ("NNPS", "NNS"):  # "Kurds announce deal"
        label = "ORG"
    elif head.pos_ != "NOUN":
        return None
    elif head.tag_ == "NN" and "noun.person" in files:  # "Australian woman claims"
        label = "PERSON"
    elif head.tag_ == "NN" and "noun.group" in files:  # "US federal agency announces"
        label = "ORG"
    elif head.tag_ == "NNS" and any(c.dep_ == "compound" and c.text[:1].isupper() for c in head.children):
        label = "ORG"  # "Coalition authorities report"
    else:
        return None
    wanted = "person" if label == "PERSON" else "organisation"
    for subject in subjects:
        names = [subject] + [
            t for t in subject.subtree if t.dep_ == "compound" and t.pos_ == "PROPN" and t.head.pos_ != "PROPN"
        ]  # "United States General Services Administration administrator Emily W. Murphy": the agency too
        for name in names:
            if name.pos_ != "PROPN":
                continue
            speaker, kind, _ = ctx.resolver.resolve_quietly(name, earlier)
            if kind == wanted:
                return speaker, kind
    return None
