"""Small questions about tokens the rules ask: can this noun speak, is this a that-clause, whose subject is this.

None of them needs more than the parse, so each takes tokens only.
"""

from __future__ import annotations

from spacy.tokens import Token

from medialit.nlp.reporting_lexicon import reporting_entry
from medialit.nlp.sources import (
    document_heads,
    source_nouns,
    title_words,
    vague_heads,
)

SUBJECTS = ("nsubj", "nsubjpass", "csubj")
CONTENT_DEPS = ("ccomp", "xcomp", "dobj", "oprd", "dative", "prep", "advcl", "attr")
CLAUSE_DEPS = ("ccomp", "xcomp")
FINITE = frozenset("VBD VBZ VBP".split())
"""Tags of a finite verb: a reporting verb in one of them tells a statement made, not one to come."""
FINITE_OR_MODAL = FINITE | {"MD"}
"""Tags that make a clause finite: a modal counts too ("claiming the vote would fail")."""
CLAUSE_OPENINGS = frozenset("DET NOUN PROPN PRON NUM ADJ SCONJ".split())
"""Words a clause can open with: its subject or "that"; not a preposition, an adverb or punctuation."""
NO_SOURCE = frozenset(
    "there what which you 's ’s us anyone anybody everyone everybody nobody whoever".split()
)  # "let's say", "anyone can explain": nobody in particular speaks
STATEMENT_NOUNS = frozenset("statement interview letter speech tweet post email release communique op-ed".split())
LIGHT_VERBS = frozenset("give send issue make release express voice raise".split())
"""Verbs that with a speech noun make a cue ("issued a statement", "gave assurances")."""
MAKING_VERBS = LIGHT_VERBS | frozenset("write publish post sign send read draft put".split())
"""Verbs of making or handling a statement: "the statement that it issued" is a relative clause."""


NEGATIVE = frozenset("no none nobody neither nothing".split())
UNREALISED = frozenset("can could may might will shall must should ca wo 'll ’ll".split())
"""Modals of ability, possibility, obligation and the future. Not "would", which also tells a past statement
from a later point ("he would later claim that ...")."""


def under_modal(verb: Token, *, would: bool, coordinated: bool = False) -> bool:
    """Whether a modal governs the verb: what a source can, may, must or will say is no statement the text
    credits to it (an attribution credits content a source gave).

    ``would=False`` counts only the modals of ``UNREALISED`` (not "would", "'d"), for the cue itself: "he would
    later claim that ..." is a statement made. ``would=True`` counts every modal, for the readings of a cue's
    content, which ask that nothing about the act be hypothetical. ``coordinated=True`` also counts the modal
    of the verb this one is coordinated with when it has no subject or auxiliary of its own ("will meet and
    announce that").
    """
    own = any(
        c.dep_ in ("aux", "auxpass") and c.tag_ == "MD" and (would or c.lower_ in UNREALISED) for c in verb.children
    )
    if own or not coordinated or verb.dep_ != "conj":
        return own
    alone = not any(c.dep_ in ("nsubj", "nsubjpass", "aux") for c in verb.children)
    return alone and under_modal(verb.head, would=would, coordinated=True)


def no_speaker(subject: Token) -> bool:
    """A subject that names nobody who spoke: a word for nobody in particular ("you", "anyone", "there"), an
    expletive ("it is said"), or a negated one ("No group claimed ...")."""
    return subject.lower_ in NO_SOURCE or subject.dep_ == "expl" or nobody(subject)


TEXT_PARTS = frozenset("chapter section figure fig table appendix box equation paragraph unit module".split())
"""Nouns for a part of a text, which speaks in the article's own voice when it is the article's own."""
POINTING = frozenset("this these following above next previous present".split())


def part_of_the_text(noun: Token) -> bool:
    """ "Figure 2", "Table 1", "this chapter", "the following section": a part of the article itself (with a
    number or a word pointing within the text), not another document ("the History section of the site")."""
    if noun.lemma_.lower() not in TEXT_PARTS or any(c.dep_ == "prep" for c in noun.children):
        return False
    numbered = any(c.like_num for c in noun.children) or (noun.i + 1 < len(noun.doc) and noun.doc[noun.i + 1].like_num)
    return numbered or any(c.lower_ in POINTING for c in noun.children if c.i < noun.i)


def nobody(subject: Token) -> bool:
    """A subject that says nobody spoke ("No organization claimed credit", "None said", "None of the ministers
    said"): a negated statement, as with "not". A negative word is nobody as a pronoun or a noun ("None" is often
    tagged a noun), not in a name ("Republic Act No. 3846 states")."""
    if subject.pos_ != "PROPN" and subject.lower_ in NEGATIVE:
        return True
    return any(
        c.dep_ == "det" and c.pos_ == "DET" and c.lower_ in NEGATIVE and c.i < subject.i for c in subject.children
    )


def can_speak(noun: Token) -> bool:
    """A noun that can be a source: a name, an entity, or a document, vague-source or title noun."""

    lemma = noun.lemma_.lower()
    return (
        noun.pos_ in ("PROPN", "PRON")
        or bool(noun.ent_type_)
        or lemma in document_heads()
        or lemma in vague_heads()
        or lemma in title_words()
        or lemma in source_nouns()
    )


def verb_tagged_as_noun(token: Token) -> bool:
    """ "notes" in "The department notes, ..." parsed as a plural noun heading the sentence with a clause."""
    clause = any(c.dep_ == "ccomp" for c in token.children)
    subject = any(c.dep_ == "nsubj" for c in token.children)  # "Figures ... show that": a noun has no subject
    return token.dep_ == "ROOT" and (
        token.tag_.startswith("VB") or (token.tag_ == "NNS" and clause) or (token.tag_ == "NN" and clause and subject)
    )


def is_document(noun: Token) -> bool:
    """A document noun ("report", "study") that can carry a statement."""

    return noun.pos_ == "NOUN" and noun.lemma_.lower() in document_heads()


def next_is_comma(token: Token) -> bool:
    """Whether a comma follows the token."""
    return token.i + 1 < len(token.doc) and token.doc[token.i + 1].text == ","


def that_clause(verb: Token) -> bool:
    """The verb governs a finite clause complement ("argued that ...", "warned the plan would fail")."""
    return any(c.dep_ == "ccomp" and any(t.tag_ in FINITE_OR_MODAL for t in c.subtree) for c in verb.children)


def relative_object(verb: Token) -> bool:
    """The verb heads a relative clause whose relative pronoun is its object ("which the Church describes as ...")."""
    return verb.dep_ == "relcl" and any(
        c.dep_ == "dobj" and c.tag_ in ("WDT", "WP") and c.i < verb.i for c in verb.children
    )


def that_marked(verb: Token) -> bool:
    """A finite clause after the verb opened by "that" ("cautioned that the results ...")."""
    return any(
        c.dep_ == "ccomp" and c.i > verb.i and any(m.dep_ == "mark" and m.lower_ == "that" for m in c.children)
        for c in verb.children
    ) and that_clause(verb)


def in_question(verb: Token) -> bool:
    """Whether the verb stands in a question in the text's own voice ("Did the mayor say that the bridge would
    close?"): a question asserts nothing (guidelines: questions are `other`), so it credits no statement. A
    quotation closing the sentence ('She asked, "Is it safe?"') ends with its mark, not with "?"."""
    return verb.sent.text.rstrip().endswith("?")


def parenthetical_report(verb: Token) -> Token | None:
    """The verb whose statement a parenthetical reporter relays: "The minister said the talks had failed, the BBC
    reported", which the parser reads as "said [..., the BBC reported]". A reporting verb hung on an earlier verb
    as its clause, with its own subject right after a comma and nothing it reports after it, is the reporter of
    the clause before the comma (K6: the relay credits the whole statement, speaker and cue included)."""
    host = verb.head
    if verb.dep_ != "ccomp" or host.i >= verb.i or reporting_entry(verb) is None:
        return None
    subject = next((c for c in verb.children if c.dep_ in SUBJECTS and c.i < verb.i), None)
    if subject is None or subject.left_edge.i == 0 or verb.doc[subject.left_edge.i - 1].text != ",":
        return None
    if any(c.i > verb.i and c.dep_ in ("dobj", "dative", "ccomp", "xcomp", "attr", "oprd") for c in verb.children):
        return None  # "..., the mayor said he would resign": a statement of its own
    return host


def object_read_as_subject(verb: Token) -> bool:
    """ "The state of emergency the governor declared ended on Monday": a relative clause without "that" that the
    parser read as one verb with two subjects in a row. The first is what the second declared (the relative
    clause's object), and the sentence's claim (it ended) is the text's own: the verb credits nobody. Not a name
    split off its title ("Niger's president Mahamadou Issoufou said"): the second subject opens with a determiner
    or is a pronoun. Nor two clauses the parser joined ("The partner asked for X, but the commissioner stated"):
    the first subject is a bare noun phrase, with no verb, comma or conjunction."""
    subjects = [c for c in verb.children if c.dep_ in SUBJECTS and c.i < verb.i]
    if len(subjects) < 2 or subjects[0].pos_ not in ("NOUN", "PROPN"):
        return False
    if any(t.is_punct or t.pos_ in ("VERB", "AUX", "CCONJ") for t in subjects[0].subtree):
        return False
    first, second = subjects[0], subjects[1]
    opening = second.left_edge
    return opening.i == first.right_edge.i + 1 and (opening.pos_ == "DET" or second.pos_ == "PRON")


def is_cue(token: Token) -> bool:
    """Whether the token is a reporting verb outside the speech-only tier."""
    return reporting_entry(token) is not None


def finite_inside(token: Token) -> bool:
    """A finite verb in the phrase: "found [reduction ... exceeded ...]" is a clause the parser missed."""
    itself = token.dep_ == "conj"  # "estimated ..., X would increase": the coordinated verb is the clause
    return any(
        t.tag_ in FINITE_OR_MODAL and not in_relative_clause(t, token)
        for t in token.subtree
        if t.i != token.i or itself
    )


def in_relative_clause(token: Token, top: Token) -> bool:
    """Whether ``token`` sits in a relative clause below ``top``."""
    while token.i != top.i and token.head.i != token.i:
        if token.dep_ == "relcl":
            return True
        token = token.head
    return False


def subject_of(verb: Token) -> Token | None:
    """The verb's subject, or the one it shares with the verb it depends on.

    "started asking" and "admitted ..., writing" share the subject of the
    head verb; "was quoted as saying" takes the passive subject. Through a
    loose adverbial link the shared subject must be able to speak (a name,
    an entity, a document or person noun), so "the request ... asking" is no source.
    """
    loose = False
    participle = verb.tag_ == "VBG"
    for seen in range(5):
        deps = ("nsubj", "csubj", "nsubjpass") if seen else ("nsubj", "csubj")
        subject = first_subject([c for c in verb.children if c.dep_ in deps and not c.is_punct])
        if subject is None and verb.tag_ == "NNS" and verb.dep_ == "ROOT":  # "X notes, ..." tagged as a noun
            subject = next((c for c in verb.children if c.dep_ == "nmod" and c.i < verb.i), None)
        if subject is not None and subject.tag_ in ("WP", "WDT") and verb.dep_ == "relcl":
            person = subject.lower_ == "who"  # "Smith, who said ...": the pronoun stands for Smith
            subject = verb.head if person or is_document(verb.head) else None  # "the report, which said"
        if subject is not None and loose and participle and (not can_speak(subject) or subordinate(verb)):
            subject = None  # "experts called it dubious, as margins are thin, while noting ...": the speaker above
        elif subject is not None:
            return subject if not loose or can_speak(subject) else None
        if verb.dep_ == "acl" and verb.tag_ == "VBN":
            return None  # "a user labelled X": a passive participle names, nobody speaks
        if verb.dep_ == "acl" and verb.head.pos_ in ("NOUN", "PROPN"):
            return filer(verb) or (verb.head if can_speak(verb.head) else None)
        if verb.dep_ == "pcomp" and verb.head.dep_ == "prep":  # "quoted as saying"
            verb = verb.head.head
            quoted = next((c for c in verb.children if c.dep_ == "dobj"), None)
            if quoted is not None and verb.lemma_ in ("quote", "cite"):
                return quoted  # "Reuters quoted Anna Smith as saying": Smith speaks, Reuters relays
            continue
        if verb.dep_ not in ("conj", "advcl", "xcomp") or verb.head.i == verb.i:
            return None
        loose = loose or verb.dep_ == "advcl"
        verb = report_beside(verb) or verb.head
    return None


def report_beside(verb: Token) -> Token | None:
    """The reporting verb whose clause the parser hung this one on: "The mayor said the bridge was closed and
    added that ...", "said the attack was "cowardly" and vowed to ...". A finite reporting verb without a
    subject, coordinated with the last verb of another reporting verb's clause, shares that verb's subject
    (the bridge adds nothing), unless the clause's subject can speak and the verb reports no clause of its own
    ("police said the man fled and called for help": the man called)."""
    if verb.dep_ != "conj" or verb.tag_ not in FINITE or reporting_entry(verb) is None:
        return None
    if any(c.dep_ in SUBJECTS or c.dep_ == "aux" for c in verb.children):
        return None
    clause = verb.head
    while clause.dep_ == "conj" and clause.head.i != clause.i:
        clause = clause.head
    outer = clause.head
    if clause.dep_ != "ccomp" or clause.i < outer.i or reporting_entry(outer) is None:
        return None
    inner = next((c for c in clause.children if c.dep_ in SUBJECTS), None)
    if inner is not None and can_speak(inner) and not that_clause(verb):
        return None
    return outer


def subordinate(verb: Token) -> bool:
    """A clause opened by "as", "while", "because" ... (or one coordinated with it): its subject is not the one a
    participle hung on it shares with the main clause."""
    marked = any(c.dep_ == "mark" for c in verb.children)
    return marked or (verb.dep_ == "conj" and any(c.dep_ == "mark" for c in verb.head.children))


def holder_of_words(verb: Token) -> Token | None:
    """The verb's subject, or its possessor when the subject is a noun of saying ("The ministry's position was")."""
    subject = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subject is not None and subject.pos_ == "NOUN" and not can_speak(subject):
        owner = next((c for c in subject.children if c.dep_ == "poss"), None)
        return owner
    return subject


def filer(verb: Token) -> Token | None:
    """ "The group filed a motion claiming ...", "the company put out a statement saying ...": a participle on
    the object of a verb is the statement of that verb's subject, who issued the object."""
    carrier = verb.head.head
    if verb.tag_ != "VBG" or verb.head.dep_ != "dobj" or carrier.pos_ != "VERB":
        return None
    subject = subject_of(carrier)
    return subject if subject is not None and can_speak(subject) else None


def first_subject(subjects: list[Token]) -> Token | None:
    """The first subject, or the name the parser split off it: "Niger's president | Mahamadou Issoufou said"."""
    if not subjects:
        return None
    first = subjects[0]
    gap = first.doc[first.right_edge.i + 1 : first.right_edge.i + 2]  # "Malaysia's Prime Minister, Najib Razak said"
    after = first.right_edge.i + (2 if len(gap) and gap[0].text == "," else 1)
    named = next((s for s in subjects[1:] if s.ent_type_ == "PERSON" and s.left_edge.i == after), None)
    titled = first.pos_ == "NOUN" or first.lower_ in title_words()
    return named if named is not None and titled else first


def cue_extent(verb: Token, entry: dict) -> tuple[int, int]:
    """(start, end) of the verb with the particle or preposition that makes it phrasal ("pointed out")."""
    end = verb.idx + len(verb)
    for child in verb.children:
        phrasal = child.lower_ == entry.get("particle") and child.dep_ in ("prt", "prep")
        if child.i == verb.i + 1 and (child.dep_ == "prt" or phrasal):
            end = child.idx + len(child)
    return verb.idx, end


def reported(verb: Token) -> bool:
    """Whether a reporting verb governs the verb (its words are someone's statement); a verb coordinated with a
    reporting verb is not governed by it ("ZMapp showed promise, but studies indicated ...")."""
    token = report_beside(verb) or verb
    while token.head.i != token.i:
        if token.dep_ == "advcl" and (token.tag_ == "VBG" or any(c.dep_ == "mark" for c in token.children)):
            return False  # '"...", she said, while Klimov indicated ...', "criticised it, citing ...": beside it
        if token.dep_ != "conj" and reporting_entry(token.head):
            return True
        token = token.head
    return False


def is_empty_prep(token: Token) -> bool:
    """A bare preposition ("in", "after", "with", ...): never content by itself."""
    return token.dep_ == "prep" and token.lower_ in ("in", "on", "at", "during", "after", "before", "with", "from")
