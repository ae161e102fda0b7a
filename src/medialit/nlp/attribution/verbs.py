"""Reporting verbs as cues: "X said ...", "... was conveyed by X", "As reported by X, ...", headlines.

Each function takes the search's ``Context`` and a token and returns a
candidate (a dict of cue, source token, content, how it was found, rule name)
or None.
"""

from __future__ import annotations

from spacy.tokens import Token

from medialit.nlp.attribution.context import Context, trim
from medialit.nlp.attribution.speakers import note_silent
from medialit.nlp.attribution.tokens import (
    FINITE_OR_MODAL,
    can_speak,
    cue_extent,
    in_question,
    is_cue,
    is_document,
    next_is_comma,
    no_speaker,
    object_read_as_subject,
    part_of_the_text,
    reported,
    subject_of,
    that_clause,
    that_marked,
    under_modal,
)
from medialit.nlp.attribution.verb_content import SPOKEN_TOPICS, as_clause, infinitive_request, verb_content
from medialit.nlp.quotes import MARKS as QUOTE_MARKS
from medialit.nlp.quotes import Quote
from medialit.nlp.reporting_lexicon import ACT_PREPOSITIONS, SPEECH_ONLY, content_nouns, speech_act, verb_lexicon
from medialit.nlp.sources import source_nouns


def headline_clause(ctx: Context, verb: Token, entry: dict) -> dict | None:
    """ "Greek court rules worship of deities is legal": a headline the parser read as "[court rules
    worship] is legal"; the verb's own left noun is the speaker and the rest of the line its content."""
    subject = next((c for c in verb.lefts if c.dep_ in ("compound", "nsubj") and can_speak(c)), None)
    clause = verb.head
    finite = clause.tag_ in FINITE_OR_MODAL  # "[...] is legal": the rest is a clause
    if subject is None or clause.i < verb.i or not finite or ctx.in_quote(verb.idx):
        return None
    start = verb.idx + len(verb)
    end = clause.right_edge.idx + len(clause.right_edge)
    content = trim(ctx.body, start, end)
    if content[1] <= content[0]:
        return None
    cue = (verb.idx, start)
    return {"cue": cue, "source": subject, "content": content, "how": "clause", "rule": f"verb:{entry['id']}"}


def verb_cue(ctx: Context, verb: Token, entry: dict) -> dict | None:
    """A reporting verb with a subject that can speak and content; rule ``verb:<lemma>`` (or passive, as reported)."""
    if verb.lemma_ == "call" and any(c.lower_ == "home" for c in verb.children):
        return None  # "will call the museum home": lives there, says nothing
    if entry["particle"] and not any(
        c.dep_ in ("prt", "prep") and c.lower_ == entry["particle"] for c in verb.children
    ):
        return None
    if not entry["particle"] and any(c.dep_ == "prt" and c.lower_ in OTHER_VERB_PARTICLES for c in verb.children):
        return None  # "showed up at the gates", "called off its search": another verb, not the reporting one
    if any(c.dep_ == "neg" for c in verb.children):
        note_silent(ctx, verb)
        return None
    if under_modal(verb, would=False, coordinated=True):
        return None  # "a country could demand ...", "the GPS can tell you where": no statement was made
    if in_question(verb):
        return None  # "Did the mayor say that ...?": a question asserts nothing, as for the fallback
    if (after := speaker_after(ctx, verb, entry)) is not None:
        return after
    passive = any(c.dep_ in ("nsubjpass", "auxpass") for c in verb.children)
    agent = next((c for c in verb.children if c.dep_ == "agent"), None)
    if passive:
        speech = entry["stance"] in ("neutral", "evaluative") or speech_act(verb) is not None
        if verb.dep_ == "acl" and not any(c.dep_ == "nsubjpass" for c in verb.children):
            return as_reported(ctx, verb, agent, entry)  # "the biggest lie being told by the administration"
        return passive_cue(ctx, verb, agent, entry) if agent is not None and speech else None
    own_subject = any(c.dep_ == "nsubj" and can_speak(c) for c in verb.children)  # a past tense tagged VBN
    if verb.tag_ == "VBN" and not own_subject and not any(c.dep_ in ("aux", "auxpass") for c in verb.children):
        return as_reported(ctx, verb, agent, entry)  # "the taxes requested in arrears": nobody speaks
    if infinitive(verb) and not went_on(verb):
        if verb.dep_ == "xcomp" and verb.head.lemma_ in ("decline", "refuse"):
            note_silent(ctx, verb)
        return None  # "to convey ...": an intention or duty, not a statement
    if relays(verb) or asks_for_oneself(verb, entry) or supposed(verb) or demonstrates(verb, entry):
        return None
    subject = speaking_subject(ctx, verb, entry)
    if subject is None:
        return None
    subject = checked_with(verb) or subject
    if entry["stance"] == "record" and not a_record(subject):
        return None  # "the team listed their country as ...": only a record lists what it holds
    entry = content_wanted(verb, subject, entry)
    cue = cue_extent(verb, entry)
    content, how = verb_content(ctx, verb, subject, cue, entry)
    closing = subject_of(verb) is None and quote_closed_by(ctx, verb) is not None and subject.i < verb.i
    if closing:  # '"...," a worker at the site, who asked not to be named, said.'
        quote = quote_closed_by(ctx, verb)
        content, how = (quote.start, quote.end - (ctx.body[quote.end - 1] == ",")), "quote"
    act = "act" in entry  # "condemned the attack": a speech act's object is its content
    quoted = content is None and entry["lexicon"] == SPEECH_ONLY and not act and quoted_complement(ctx, verb)
    if quoted:  # "spoke of "a new era"", "expressed "deep regret"" (K17)
        content, how = quoted, "clause"
    if act and how != "quote" and reported(verb) and entry["lexicon"] != "speech_verbs":
        return None  # "stressed that Norway condemns the attack": part of the statement that reports it
    if entry["strict"] and how == "clause" and not that_clause(verb) and not act and not quoted:
        return None
    own = subject_of(verb) or subject_in_opening(verb)
    if own is None and not closing and (how != "quote" or content[0] < cue[1]):
        return None  # a participle given the speaker of the quotation before it must open a quotation of its own
    if (
        entry["lexicon"] == SPEECH_ONLY
        and not act
        and not quoted
        and not (frames_quote(ctx, cue, content) if how == "quote" else how == "dash" or that_marked(verb))
    ):
        return None  # '"End." Smith continued to work', "identified how ...": no sign of speech
    if content is None:
        if entry["id"] in ("comment", "respond", "reply", "answer"):
            note_silent(ctx, verb)
        return None
    if entry["stance"] == "naming" and a_name_only(ctx, content):
        return None  # "a podcast called "The Jenna Julien Podcast"", "what we call spacetime": naming, no judgement
    return {"cue": cue, "source": subject, "content": content, "how": how, "rule": f"verb:{entry['id']}"}


COMPLEMENTS = ("dobj", "prep", "oprd", "dative", "attr")


def quoted_complement(ctx: Context, verb: Token) -> tuple[int, int] | None:
    """A speech-only verb's complement that holds a quotation ("spoke of "a new era"", "branded the report "a
    fake"", "referred to the attack as "a barbaric act""): the quoted words are the speaker's, the sign of speech
    the speech-only tier asks for (K17: a verb, its object and a quoted phrase). Not a title ("spoke to "The
    Times"": every word capitalised), nor one quoted word."""
    block = ctx.block_of(verb.idx)
    parts = [
        c
        for c in verb.children
        if c.dep_ in COMPLEMENTS and c.i > verb.i and (block is None or block.start <= c.idx < block.end)
    ]
    if not parts or ctx.in_quote(verb.idx):
        return None
    start, end = min(ctx.extent(p)[0] for p in parts), max(ctx.extent(p)[1] for p in parts)
    quote = ctx.next_quote_start(verb.idx + len(verb))
    if quote is None or not (start <= quote.open_mark < end or start <= quote.start < end):
        return None
    words = ctx.body[quote.start : quote.end].strip(".,;:!? ").split()
    if len(words) < 2 or all(w[:1].isupper() or w[:1].isdigit() for w in words):
        return None  # one word may be the reporter's scare quote ("spoke about the "crisis"")
    return start, end


IRREGULAR_PAST = {"said": "say", "wrote": "write", "told": "tell", "spoke": "speak"}


def inverted_cue(ctx: Context, token: Token) -> dict | None:
    """'Remarked the coach, "..."', 'Said Anna Berg: "..."': a past-tense reporting verb opens its sentence, its
    speaker follows, then a comma or colon and a quotation. Read off the words, not the parse: the parser takes
    "Remarked Center for ... Tierra Curry" for one name."""
    lower = token.lower_
    lemma = IRREGULAR_PAST.get(lower) or next(
        (lower[:-k] for k in (1, 2) if lower.endswith("ed") and lower[:-k] in verb_lexicon()), None
    )
    sentence = ctx.sentence_of(token.idx)
    if lemma is None or not token.is_title or sentence is None or trim(ctx.body, *sentence)[0] != token.idx:
        return None
    quote = ctx.next_quote_start(token.idx + len(token))
    if quote is None or quote.open_mark >= sentence[1] + 1:
        return None
    between = ctx.body[token.idx + len(token) : quote.open_mark].rstrip()
    if not between or between[-1] not in ",:" or any(mark in between[:-1] for mark in ',:;()"“”'):
        return None
    speaker = ctx.doc.char_span(
        token.idx + len(token), len(between) + token.idx + len(token) - 1, alignment_mode="contract"
    )
    if speaker is None or not len(speaker) or not can_speak(speaker[-1]) or no_speaker(speaker[-1]):
        return None
    entry = verb_lexicon()[lemma]
    return {
        "cue": (token.idx, token.idx + len(token)),
        "source": speaker[-1],
        "content": (quote.start, quote.end),
        "how": "quote",
        "rule": f"verb:{entry['id']}",
        "label": [t.i for t in speaker],
    }


def speaker_after(ctx: Context, verb: Token, entry: dict) -> dict | None:
    """ "The vote was delayed, reported local media.": a past-tense reporting verb after a comma with its speaker
    after it and nothing more; the parser takes the speaker for the verb's object. The words before the comma,
    from the sentence's start, are what was reported."""
    doc = verb.doc
    if entry["strict"] or verb.tag_ != "VBD" or verb.i == 0 or doc[verb.i - 1].text != ",":
        return None
    if any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children) or verb.lemma_ == "tell":
        return None  # "..., said police": the parser has it right, the verb rule reads it; "told the guards"
    if any(c.dep_ in ("cc", "conj") and c.i > verb.i for c in verb.children):
        return None  # "He left the room, told the guards, and closed the door": a series of acts
    speaker = next((c for c in verb.children if c.dep_ == "dobj" and c.i > verb.i), None)
    if verb.dep_ == "amod" and verb.head.i > verb.i:
        speaker = verb.head  # "..., reported officials, with ...": read as an adjective on its speaker
    if speaker is None or not can_speak(speaker) or speaker.pos_ == "PRON" or no_speaker(speaker):
        return None
    end = speaker.right_edge.i + 1
    if end >= len(doc) or doc[end].text not in (",", ".", ";"):
        return None
    if any(t.i != speaker.i and speaker not in t.ancestors for t in doc[verb.i + 1 : end]):
        return None  # only the speaker's words between the verb and the punctuation
    sentence = ctx.sentence_of(verb.idx)
    if sentence is None or ctx.in_quote(verb.idx):
        return None
    content = trim(ctx.body, sentence[0], doc[verb.i - 1].idx)
    if content[1] <= content[0]:
        return None
    cue = (verb.idx, verb.idx + len(verb))
    words = [t.i for t in doc[verb.i + 1 : end]]  # the speaker's words, without the verb read as its adjective
    return {
        "cue": cue,
        "source": speaker,
        "content": content,
        "how": "clause",
        "rule": f"verb:{entry['id']}",
        "label": words,
    }


OTHER_VERB_PARTICLES = frozenset("up off away".split())
"""Particles that make a reporting verb another verb ("show up", "call off", "give away"); "pointed out" and
"called for" are in the lexicons with their particle."""


def as_reported(ctx: Context, verb: Token, agent: Token | None, entry: dict) -> dict | None:
    """ "As reported by the BBC, CLAUSE": a participle after "as" with its agent credits the main clause; "a
    ferry, reported by local media as belonging to the navy, ...": a participle on a noun credits what the noun
    is said to be (the "as" phrase, K17's small clause)."""
    if agent is None or entry["strict"]:
        return None
    source = next((c for c in agent.children if c.dep_ == "pobj"), None)
    described = next((c for c in verb.children if c.dep_ == "prep" and c.lower_ == "as" and c.i > agent.i), None)
    if verb.dep_ == "acl" and source is not None and described is not None and predicate_of_as(described):
        content = trim(ctx.body, *ctx.extent(described))
        cue = (verb.idx, agent.idx + len(agent))
        return {"cue": cue, "source": source, "content": content, "how": "clause", "rule": f"as_reported:{entry['id']}"}
    if verb.dep_ == "acl" and source is not None and can_speak(source):
        content = said_of_noun(ctx, verb, agent)
        if content is not None:
            aux = [c for c in verb.children if c.dep_ == "auxpass"]  # "being told by"
            cue = (min([verb.idx] + [a.idx for a in aux]), agent.idx + len(agent))
            return {
                "cue": cue,
                "source": source,
                "content": content,
                "how": "clause",
                "rule": f"as_reported:{entry['id']}",
            }
    if not any(c.dep_ == "mark" and c.lower_ == "as" for c in verb.children):
        return None
    content = as_clause(ctx, verb) if verb.dep_ == "advcl" else None
    if source is None or content is None:
        return None
    cue = (verb.idx, agent.idx + len(agent))
    return {"cue": cue, "source": source, "content": content, "how": "clause", "rule": f"as_reported:{entry['id']}"}


def said_of_noun(ctx: Context, verb: Token, agent: Token) -> tuple[int, int] | None:
    """What a participle with its agent says of the noun it hangs on, when the parse gives it in a form other than
    an "as" phrase: an "as" clause ("an assailant, reported by The Guardian as convicted of assaults") or, for a
    noun of saying or thinking, the that-clause after its copula ("The biggest lie being told by the
    administration is that ISIS is defeated": the lie's content, as in "Darwin's view is that ...")."""
    said = next(
        (
            c
            for c in verb.children
            if c.dep_ == "advcl" and c.i > agent.i and any(m.dep_ == "mark" and m.lower_ == "as" for m in c.children)
        ),
        None,
    )
    if said is not None:
        first = next(t for t in said.subtree if not (t.dep_ == "mark" and t.lower_ == "as" and t.head.i == said.i))
        last = said.right_edge
        return trim(ctx.body, *ctx.in_paragraph(said.idx, first.idx, last.idx + len(last)))
    noun, copula = verb.head, verb.head.head
    if noun.dep_ != "nsubj" or copula.lemma_ != "be" or noun.lemma_.lower() not in content_nouns():
        return None
    clause = next((c for c in copula.children if c.dep_ == "ccomp" and c.i > copula.i), None)
    return ctx.extent(clause) if clause is not None else None


def frames_quote(ctx: Context, cue: tuple[int, int], content: tuple[int, int] | None) -> bool:
    """A quotation tied to its cue as speech is: '"...," she continued', '"...?" he asked', 'X added: "..."'."""
    if content is None:
        return False
    if content[1] <= cue[0]:
        return "," in ctx.body[content[1] : cue[0]] or ctx.body[content[1] - 1] in ",?!—–"
    return any(mark in ctx.body[cue[1] : content[0]] for mark in ",:")


def passive_cue(ctx: Context, verb: Token, agent: Token, entry: dict) -> dict | None:
    """ "This was conveyed by X": the agent speaks; a bare "this" or "that" is the sentence before."""
    source = next((c for c in agent.children if c.dep_ == "pobj"), None)
    target = next((c for c in verb.children if c.dep_ == "nsubjpass"), None)
    if source is None or target is None:
        return None
    as_saying = [g for c in verb.children if c.dep_ == "prep" and c.lower_ == "as" for g in c.children]
    if any(g.dep_ == "pcomp" and g.tag_ == "VBG" for g in as_saying):
        return None  # "X was quoted by the BBC as saying ...": the BBC relays X's words, "saying" is the cue
    aux = [c for c in verb.children if c.dep_ == "auxpass"]
    cue = (min([verb.idx] + [a.idx for a in aux]), agent.idx + len(agent))
    clause = next((c for c in verb.children if c.dep_ == "ccomp" and c.i > agent.i), None)
    if clause is not None:  # "Residents were told by officials that ...", "It was reported by the BBC that ..."
        content = ctx.extent(clause)
    elif target.lower_ in ("this", "that") and target.n_lefts + target.n_rights == 0:
        previous = ctx.previous_sentence(target.idx)
        if previous is None:
            return None
        content = previous
    else:
        content = ctx.extent(target)
        described = next((c for c in verb.children if c.dep_ == "prep" and c.lower_ == "as" and c.i > verb.i), None)
        if described is not None:  # "She was described by the Guardian as the queen of the curve"
            content = (content[0], ctx.extent(described)[1])
    return {"cue": cue, "source": source, "content": content, "how": "clause", "rule": f"passive:{entry['id']}"}


def infinitive(verb: Token) -> bool:
    """ "to convey", also a verb coordinated with an infinitive that shares its "to" ("encouraged to submit
    designs and suggest what the flag should mean", a bare form the parser may hang on "encouraged")."""
    while True:
        if any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children):
            return True
        if verb.dep_ != "conj" or any(c.dep_ in ("nsubj", "nsubjpass", "aux") for c in verb.children):
            return False
        bare = verb.tag_ == "VB" and verb.head.tag_ != "VB"
        if bare and any(c.dep_ == "xcomp" and c.i < verb.i and infinitive(c) for c in verb.head.children):
            return True
        verb = verb.head


ENTAILING = frozenset("begin start continue come proceed tend prefer seem appear".split())
"""Verbs whose infinitive happened: aspect ("began to argue", "came to believe", "continued to insist"),
habit or inclination ("tended to think", "preferred to think") and appearance ("seemed to suggest")."""


def went_on(verb: Token) -> bool:
    """ "went on to say", "is reported to have said", "came to believe": an infinitive whose subject did speak
    or hold the view (not "wants to say", "refused to say": an intention or a refusal)."""
    head = verb.head
    return verb.dep_ in ("xcomp", "advcl") and (
        (head.lemma_ == "go" and any(c.lower_ == "on" for c in head.children))
        or (head.lemma_ in ("report", "quote", "say") and any(c.dep_ == "auxpass" for c in head.children))
        or (verb.dep_ == "xcomp" and head.lemma_ in ENTAILING and head.pos_ == "VERB")
    )


def speaking_subject(ctx: Context, verb: Token, entry: dict) -> Token | None:
    """The verb's subject when it can be the source of this cue, else None."""
    subject = subject_of(verb)
    if subject is not None and ctx.in_quote(subject.idx) and not ctx.in_quote(verb.idx):
        subject = speaker_past_quote(ctx, verb)  # 'X said, "... Facebook has to ...", also observing, "..."'
    subject = subject or speaker_past_quote(ctx, verb) or subject_after_quote(ctx, verb) or subject_in_opening(verb)
    if subject is None or no_speaker(subject) or object_read_as_subject(verb):
        return None  # "None said", "the state of emergency the governor declared ended": nobody is credited
    if subject.lower_ in ("that", "this") and subject.i == verb.i - 1 and next_is_comma(verb):
        return None  # "That said, ...": a linking phrase, nobody speaks
    if ctx.in_quote(subject.idx) and not ctx.in_quote(verb.idx):
        return None  # a subject inside a quotation is not the source of a cue outside it
    if entry["stance"] in ("cognition", "evidential") and reported(verb):
        return None  # "X noted [the findings show ...]": the embedded finding is X's statement
    if entry["stance"] in ("cognition", "evidential", "directive") and subject.lower_ in ("i", "we"):
        return None  # "I think", "we urge" inside a statement belong to that statement
    if entry["strict"] and (not can_speak(subject) or ctx.in_quote(verb.idx)):
        return None  # a WordNet-only verb needs a subject that can be a source, outside quotations
    if part_of_the_text(subject) and not ctx.in_quote(verb.idx):
        return None  # "Figure 2 shows that ...", "this chapter argues that ...": the article's own voice
    return subject


def subject_in_opening(verb: Token) -> Token | None:
    """ "In a 2007 study Duckworth and colleagues found that ...": with no comma after the opening phrase the
    parser reads the name as part of it ("study Duckworth"); a name ending that phrase right before a verb
    without a subject is the verb's subject."""
    if any(c.dep_ in ("nsubj", "nsubjpass", "expl") for c in verb.children):
        return None
    for prep in (c for c in verb.children if c.dep_ == "prep" and c.i < verb.i):
        name = next((c for c in prep.children if c.dep_ == "pobj" and c.pos_ == "PROPN"), None)
        glued = name is not None and any(c.dep_ == "compound" and c.pos_ == "NOUN" for c in name.children)
        if glued and name.right_edge.i == verb.i - 1:
            return name
    return None


def a_name_only(ctx: Context, content: tuple[int, int]) -> bool:
    """Content that only names: one word, or a short title whose words are all capitalised."""
    words = ctx.body[content[0] : content[1]].strip("\"“”‘’'. ").split()
    return len(words) == 1 or (len(words) <= 4 and all(w[:1].isupper() or w[:1].isdigit() for w in words))


def supposed(verb: Token) -> bool:
    """ "If volunteers think the site is going wrong, ...", "even if most people think that ...": a supposition
    reports nobody's statement."""
    return verb.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ in ("if", "unless") for c in verb.children)


def relays(verb: Token) -> bool:
    """ "The agency quoted the defector as saying ...": the one quoted speaks (the cue "saying"), not the relay."""
    if verb.lemma_ not in ("quote", "cite"):
        return False
    return any(
        g.dep_ == "pcomp" and is_cue(g)
        for c in verb.children
        if c.dep_ == "prep" and c.lower_ == "as"
        for g in c.children
    )


def asks_for_oneself(verb: Token, entry: dict) -> bool:
    """ "The spokesman, who asked not to be named": a request about oneself (a passive infinitive, nobody asked)
    reports no statement."""
    if entry["stance"] != "directive" or any(c.dep_ in ("dobj", "dative", "ccomp", "prep") for c in verb.children):
        return False
    return any(c.dep_ == "xcomp" and any(g.dep_ == "auxpass" for g in c.children) for c in verb.children)


CHECKING_VERBS = frozenset("confirm check verify".split())


def checked_with(verb: Token) -> Token | None:
    """ "Wikinews confirmed with UpGuard that ...": the one checked with is the source, not the checker."""
    if verb.lemma_ not in CHECKING_VERBS:
        return None
    with_ = next((c for c in verb.children if c.dep_ == "prep" and c.lower_ == "with"), None)
    source = next((c for c in with_.children if c.dep_ == "pobj"), None) if with_ is not None else None
    return source if source is not None and can_speak(source) else None


def speaker_past_quote(ctx: Context, verb: Token) -> Token | None:
    """'X said "...," further saying, "..."': the parser hangs the participle on a verb inside the first
    quotation; its subject is that of the nearest reporting verb outside the quotation."""
    if verb.tag_ != "VBG" or verb.dep_ not in ("advcl", "conj") or ctx.in_quote(verb.idx):
        return None
    if not ctx.in_quote(verb.head.idx):
        return None
    outer = next((a for a in verb.ancestors if not ctx.in_quote(a.idx)), None)
    return subject_of(outer) if outer is not None and is_cue(outer) else None


def quote_closed_by(ctx: Context, verb: Token) -> Quote | None:
    """The quotation opening the sentence that a verb closing the sentence ('..., said.') answers, with words
    between them (not '"...," said X', whose verb touches the quotation)."""
    if verb.i + 1 >= len(verb.doc) or not verb.doc[verb.i + 1].is_punct or ctx.quote_before(verb.idx) is not None:
        return None
    sentence = ctx.sentence_of(verb.idx)
    if sentence is None:
        return None
    before = [q for q in ctx.quotes if sentence[0] <= q.open_mark <= sentence[0] + 1 and q.end <= verb.idx]
    return before[0] if before else None


def subject_after_quote(ctx: Context, verb: Token) -> Token | None:
    """'"The crane was old," a worker at the site, who asked not to be named, said.': the parser gives the
    closing verb no subject; the noun phrase between the quotation and the verb is its speaker."""
    quote = quote_closed_by(ctx, verb) if subject_of(verb) is None else None
    if quote is None:
        return None
    phrase = ctx.doc.char_span(quote.outer_end, verb.idx, alignment_mode="contract")
    head = next((t for t in phrase or [] if t.pos_ in ("NOUN", "PROPN") and t.dep_ != "compound"), None)
    return head if head is not None and can_speak(head) else None


def a_text(subject: Token) -> bool:
    """A document noun that names no people ("statement", "report"; not "board"): a verb of communication with
    it as subject reports what the text says, as a text does nothing else ("the statement spoke of a new era",
    "the report recorded 40 deaths")."""
    return is_document(subject) and subject.lemma_.lower() not in source_nouns()


def text_says(verb: Token, entry: dict) -> bool:
    """A verb with a text as subject that says something, in an act that happened: a verb of the hand list ("the
    filing claims a breach"), or one of WordNet's with what was spoken of ("the statement spoke of a new era";
    not "the blog aims to", "the website provides information", "surveys can provide")."""
    if any(c.dep_ == "neg" for c in verb.children) or under_modal(verb, would=True):
        return False
    if entry["lexicon"] == "speech_verbs":
        return True
    return any(c.dep_ == "prep" and c.i == verb.i + 1 and c.lower_ in SPOKEN_TOPICS for c in verb.children)


PEOPLE_PRONOUNS = frozenset("i we you he she they who".split())


def a_record(subject: Token) -> bool:
    """A subject that may be a record or a text: a document noun, "it", a name that is no person's ("The
    Aviation Herald", "Airfleets"); not a person or a group ("the team", "she")."""
    if is_document(subject) or subject.lower_ == "it":
        return True
    return subject.pos_ == "PROPN" and subject.ent_type_ != "PERSON" and subject.lower_ not in PEOPLE_PRONOUNS


def content_wanted(verb: Token, subject: Token, entry: dict) -> dict:
    """The entry with the content this use of the verb needs: a clause or an object."""
    act = speech_act(verb)
    asking = entry["stance"] == "directive" or (act is not None and act["act"] == "request")
    if asking and any(infinitive_request(c) for c in verb.children if c.i > verb.i):
        return {**entry, "content": "object", "act": "request"}  # "pleaded with him to stay", "asked for X to be"
    if act is not None and act_content(verb, act):  # also a participle: "..., accusing the network of fraud"
        return {**entry, "content": "object", "act": act["act"]}
    if any(c.dep_ == "dobj" and c.lemma_.lower() in entry.get("objects", ()) for c in verb.children):
        return {**entry, "content": "object"}  # "claimed responsibility for the attacks": the lexicon's idiom
    if predication(verb):  # "declared it a terrorist attack", "identifies Bonosus as his friend"
        return {**entry, "content": "object", "act": "predicate"}
    if forecast(verb, subject):  # "He expects rising production costs": the object is what is foreseen
        return {**entry, "content": "object"}
    if entry["content"] == "clause" and a_text(subject) and text_says(verb, entry):
        wordnet = {} if entry["lexicon"] == "speech_verbs" else {"act": "text"}  # WordNet's verbs need the licence
        return {**entry, "content": "object", **wordnet}  # "the statement spoke of a new era": a text only says
    counts = entry["content"] == "clause" and "objects" not in entry  # "objects": the lexicon names them all
    if counts and entry["lexicon"] != SPEECH_ONLY and counted(verb, subject):
        return {**entry, "content": "object", "act": "figure"}  # "the observatory recorded 340 aftershocks"
    naming = entry["stance"] == "naming" and any(c.dep_ == "oprd" for c in verb.children)  # "calling it a farce"
    if subject.head.i != verb.i and entry["content"] == "object" and not naming and not went_on(verb):
        entry = {**entry, "content": "clause"}  # a shared subject ("..., denying them entry") needs a clause
    evidence = (
        entry["stance"] in ("cognition", "evidential", "record") or verb.lemma_ == "suggest"
    )  # "reports suggest a plot"
    record = entry["stance"] == "record"  # a_record(subject) holds: the rule checked it
    if evidence and (is_document(subject) or record) and entry["content"] == "clause":
        entry = {**entry, "content": "object"}  # "one study found no changes": a finding as a noun phrase
    return entry


def act_content(verb: Token, act: dict) -> bool:
    """A judging, requesting, warning or citing verb with what it judges, asks for or warns of, and no clause:
    an object ("condemned the attack") or the act's phrase ("called for new elections", "warned of famine").

    Not an act that did not happen (under a modal: "users will demand"), one in the first person (a
    speaker's own "I urge a vote", "we thank"), nor the one addressed alone ("congratulated Pelosi": the
    verbs WordNet gives no "something" object need the phrase or a quotation: "thanked them for ...").
    """
    after = [c for c in verb.children if c.i > verb.i]
    if any(c.dep_ in ("ccomp", "xcomp") for c in after):
        return False  # "urged them to leave", "warned that ...": the clause rules decide
    if under_modal(verb, would=True):
        return False
    if verb.dep_ == "acl":
        return False  # "editors requesting her collaboration": says who they are (K1); "a statement condemning
        # the decision" is the statement's content (``speech_noun``)
    subjects = [c for c in verb.children if c.dep_ == "nsubj"] or [subject_of(verb)]
    if any(s is not None and s.lower_ in ("i", "we") for s in subjects):
        return False
    prepositions = ACT_PREPOSITIONS[act["act"]]
    objects = [c for c in after if c.dep_ == "dobj"]
    phrases = [c for c in after if c.dep_ == "prep" and c.lower_ in prepositions]
    phrases += [c for o in objects for c in o.children if c.dep_ == "prep" and c.lower_ == "as"]  # "cited X as Y"
    if any(g.dep_ in ("pobj", "pcomp") for c in phrases for g in c.children):
        return True
    if act["act"] == "cite":
        return False  # "cited the ruling": a reference; "cited the move as a grave abuse": a claim
    quoted = verb.i + 1 < len(verb.doc) and verb.doc[verb.i + 1].text in QUOTE_MARKS
    return (act["object"] == "thing" or quoted) and any(c.dep_ in ("dobj", "oprd") for c in after)


FORECASTING = frozenset("expect predict forecast anticipate".split())
"""Verbs of foreseeing whose object is a prediction ("expects rising costs", "predicted a close race")."""


def forecast(verb: Token, subject: Token) -> bool:
    """A verb of foreseeing with an event as its object, in an act that happened (no modal, not the first person;
    not people or texts awaited: "expected guests", "expects a report")."""
    if verb.lemma_ not in FORECASTING or subject.lower_ in ("i", "we") or verb.tag_ == "VBG":
        return False
    if under_modal(verb, would=True):
        return False
    return any(c.dep_ == "dobj" and c.i > verb.i and c.pos_ == "NOUN" and not can_speak(c) for c in verb.children)


NOT_FIGURES = frozenset("DATE TIME ORDINAL".split())
HOLDING = frozenset("hold have own take keep".split())
"""Verbs whose figure is a share or a possession ("women hold 28 percent of the seats"), not a count reported."""


def counted(verb: Token, subject: Token) -> bool:
    """A reporting verb whose object is a figure ("recorded 340 aftershocks", "estimated 2,000 protesters"): the
    count is information credited to the subject, as a that-clause would be. Not a date or a rank, not under a
    modal or in the first person (the speaker's own count in a quotation is the quotation's)."""
    if subject.lower_ in ("i", "we") or under_modal(verb, would=True):
        return False
    if verb.lemma_ in HOLDING:
        return False
    objects = [c for c in verb.children if c.dep_ == "dobj" and c.i > verb.i]
    return any(
        n.dep_ == "nummod" and n.like_num and n.ent_type_ not in NOT_FIGURES
        for o in objects
        if o.pos_ == "NOUN"
        for n in o.children
    )  # a counted noun, not a bare number (a citation "[5]" the parser made an object)


APPOINTING = frozenset("name appoint elect nominate crown".split())
"""Verbs whose small clause is an appointment, an act ("named him captain"), not a statement."""


def predication(verb: Token) -> bool:
    """A small clause after the verb: an object and what it is said to be ("declared it a terrorist attack",
    "cited the move as a grave abuse", "ranks the site as the 135th"): a statement without "that" (K17)."""
    if verb.lemma_ in APPOINTING or any(c.dep_ in ("ccomp", "xcomp") and c.i > verb.i for c in verb.children):
        return False
    wh = ("WP", "WDT")  # "in what the police declared a terrorist attack": the object before the verb
    obj = next((c for c in verb.children if c.dep_ == "dobj" and (c.i > verb.i or c.tag_ in wh)), None)
    obj = obj if obj is not None else prepositional_object(verb)
    if obj is None or obj.lower_.endswith(("self", "selves")):
        return False  # "established herself as a leading actress": what the subject became, an act
    after = [c for c in verb.children if c.i > max(obj.i, verb.i)] + [c for c in obj.children if c.i > obj.i]
    if obj.i < verb.i and any(c.dep_ == "dobj" and c.pos_ == "NOUN" and c.text.isalpha() for c in after):
        return True  # "in what the council declared a historic decision": the parser's second object
    return any(c.dep_ == "oprd" or (c.dep_ == "prep" and c.lower_ == "as" and predicate_of_as(c)) for c in after)


def prepositional_object(verb: Token) -> Token | None:
    """The object of "to" or "of" right after a verb when an "as" phrase says what it is ("referred to the plan as
    a disaster", "spoke of the ruling as a victory"): the same small clause with a prepositional verb. Not a name
    given ("referred to the database as National ...": naming, no judgement)."""
    prep = next((c for c in verb.children if c.dep_ == "prep" and c.i == verb.i + 1 and c.lower_ in ("to", "of")), None)
    obj = next((c for c in prep.children if c.dep_ == "pobj"), None) if prep is not None else None
    said = [c for c in obj.children if c.dep_ == "prep" and c.lower_ == "as"] if obj is not None else []
    if not any(predicate_of_as(c) and not named(c) for c in said):
        return None
    return obj


def named(prep: Token) -> bool:
    """An "as" phrase that is a proper name ("as National Enforcement System"): what a thing is called."""
    return any(c.dep_ == "pobj" and c.pos_ == "PROPN" for c in prep.children)


CONNECTIVE_AS = frozenset("result part consequence means way well".split())
"""Nouns that make "as" a connective ("as a result of", "as part of"), not what the object is said to be."""


def predicate_of_as(prep: Token) -> bool:
    """ "as a grave abuse", "as terrorism-related": a predicate, not a connective ("as a result of")."""
    heads = [c for c in prep.children if c.dep_ in ("pobj", "amod", "acomp", "pcomp")]
    return bool(heads) and not any(h.lemma_.lower() in CONNECTIVE_AS for h in heads)


PERSONAL = frozenset("me you him her us them".split())


def demonstrates(verb: Token, entry: dict) -> bool:
    """ "showed me some stuff", "showed you how to wink": a verb of evidence with a person shown is a
    demonstration, an act (rule 3), not a finding credited to its subject ("the study shows that ...")."""
    return entry["stance"] == "evidential" and any(
        c.dep_ == "dative" or (c.dep_ == "dobj" and c.lower_ in PERSONAL) for c in verb.children if c.i > verb.i
    )
