"""Claims whose source is left out: an agentless passive that orders, judges or reports, and a group of
people nobody names (K2, K3).

The reader cannot ask a source nobody names, so an editor asks the writer. ``persons`` also tells
``figures`` when a count is of people.
"""

from __future__ import annotations

from functools import cache

from spacy.tokens import Token

from medialit.nlp.claims.clauses import main_verb, to_infinitive
from medialit.nlp.lexicons import load_lexicon
from medialit.nlp.reporting_lexicon import content_nouns, reporting_entry, verb_lemma, verb_lexicon


def _hidden_actor(tokens: list[Token]) -> str:
    """ "She was told to disconnect from her mother": an order or message whose sender is left out."""
    for t in tokens:
        passive = any(c.dep_ == "auxpass" for c in t.children) and any(c.dep_ == "nsubjpass" for c in t.children)
        if not passive or any(c.dep_ == "agent" for c in t.subtree) or t.pos_ != "VERB":
            continue
        entry = verb_lexicon().get(verb_lemma(t))
        directive = (entry is not None and entry.get("stance") == "directive") or t.lemma_ in DIRECTIVE_VERBS
        if directive and any(c.dep_ == "xcomp" for c in t.children) and not _public_order(t):
            return f"the source hidden: '{t.text}' by whom?"
        judging = entry is not None and not entry.get("strict") and entry.get("stance") in JUDGING_STANCES
        if judging and t.lemma_.lower() not in NOT_JUDGING_ACTS and _judged(t):
            return f"the source hidden: '{t.text}' by whom?"
    return ""


def _public_order(verb: Token) -> bool:
    """ "Residents were instructed to evacuate", "Facebook was ordered to remove the post", "People were
    encouraged to submit designs": an order addressed to the public, a group or an organisation is a public act
    that the report states as background (the guidelines' `other`), not a claim whose source is hidden; what
    one person was privately told ("she was told to disconnect from her mother") and a request ("families were
    asked not to talk about it", ``REQUESTS``) keep their question."""
    addressee = next((c for c in verb.children if c.dep_ == "nsubjpass"), None)
    if addressee is None or addressee.pos_ == "PRON" or verb.lemma_.lower() in REQUESTS:
        return False
    return addressee.tag_ in ("NNS", "NNPS") or addressee.pos_ == "PROPN" or addressee.ent_type_ in ("ORG", "GPE")


REQUESTS = frozenset({"ask", "tell", "urge", "beg"})
"""Requests pass between people ("families were asked not to talk about it"): unlike an order or instruction
given as a public measure, who asked is the question."""
DIRECTIVE_VERBS = frozenset({"tell", "order", "instruct"})
"""Verbs that give orders besides the lexicon's directive ones ("she was told to leave")."""
JUDGING_STANCES = frozenset({"evaluative", "cognition"})
"""Hand-listed reporting verbs that judge ("was considered the founding father", "was accused of fraud"): in
the passive with no agent, the judge is hidden (K3)."""
NOT_JUDGING_ACTS = frozenset({"find", "charge", "accuse", "estimate", "deny"})
"""Passives that report an act, not a judgement: "the body was found", "he was charged with murder" or
"accused of fraud" (that an accusation was made, not that it is true: the writer asserts no guilt), "they were
denied visas", "an estimated 4 million" (an estimate has its own rule)."""


def _judged(verb: Token) -> bool:
    """The passive states a judgement of its subject: a complement ("considered the founding father", "to be
    safe") or its grounds ("accused of fraud", "criticised for"), in a plain statement ("can be thought of as"
    offers a way of seeing, "scenarios were considered" reports a deliberation)."""
    if any(c.dep_ == "aux" and c.tag_ == "MD" for c in verb.children):
        return False
    complement = any(c.dep_ in ("oprd", "xcomp", "attr", "acomp", "ccomp") for c in verb.children)
    return complement or any(c.dep_ == "prep" and c.lower_ in ("of", "for", "as") for c in verb.children)


KNOWING_VERBS = frozenset("know understand see observe hear spot notice prove demonstrate establish".split())
"""Verbs of knowing, perceiving and showing that K3 names ("it is known", "it is understood", "figures
indicate"): the hand list of reporting verbs leaves most out because they report no speech, but their agentless
passive ("was seen leaving", "has been proven to work") hides a source just as "is said to" does."""
DECLARATIONS = frozenset("announce declare pronounce proclaim certify".split())
"""Declarations: saying it makes it so and makes it public ("he was announced to have died", "declared dead"),
so the passive hides no source of a claim."""
OBLIGATIONS = frozenset({"suppose"})
"""'be supposed to' mostly states a duty ("we are supposed to play"), not a hidden report."""
FORECAST_VERBS = frozenset("expect predict forecast anticipate project".split())
"""Verbs of forecasting: in the agentless passive ("the ruling is expected in June") the forecaster is hidden."""


def _hidden_source(tokens: list[Token]) -> str:
    """ "He is reported to have fled", "the rest are presumed dead", "it was intimated that ...": someone is the
    source of the claim, and the passive leaves out who (K3)."""
    for t in tokens:
        if hides_source(t):
            return f"the source hidden (K3): '{t.text}' by whom?"
        if t.dep_ == "nsubj" and t.lemma_.lower() in HIDDEN_SOURCE_NOUNS and _bare_plural(t):
            return f"the source hidden (K3): '{t.text}' by whom?"
        if _by_reports(t):
            return f"the source hidden (K3): '{t.doc[t.head.i : t.i + 1].text}', whose?"
        if _put_on_record(t):
            return f"the source hidden (K3): '{t.text}' by whom?"
        if t.dep_ == "attr" and _said_there_were(t):
            return f"the source hidden (K3): '{t.doc[t.left_edge.i : t.i + 1].text}' from whom?"
        finding = t.lemma_.lower() in FINDING_NOUNS and reporting_entry(t.head) is not None
        if t.dep_ == "nsubj" and finding and t.tag_ == "NNS" and _bare_plural(t):
            return f"the source hidden (K3): '{t.text} {t.head.text}', which ones?"
    return ""


HIDDEN_SOURCE_NOUNS = frozenset("report account estimate rumour rumor".split())
"""Nouns for what someone said, the someone left out: "Reports on the weapon vary", "estimates put the toll"."""


def _by_reports(noun: Token) -> bool:
    """ "three or four by varying reports", "by some accounts": "by" with unnamed reports in the sense of
    "according to" (K3, like "by reports" opening a sentence), wherever the phrase stands; not the agent of a
    passive ("was confirmed by reports from the ministry" names who) and not reports anyone is named in."""
    if noun.dep_ != "pobj" or noun.head.lower_ != "by" or noun.head.dep_ == "agent" or noun.tag_ != "NNS":
        return False
    vague = any(c.lower_ in VAGUE_DETERMINERS for c in noun.children if c.i < noun.i)
    return noun.lemma_.lower() in HIDDEN_SOURCE_NOUNS and (_bare_plural(noun) or vague)


RECORDING_VERBS = frozenset({"report", "record"})
"""Verbs that put an occurrence on record. In the plain agentless passive ("A 5.3-magnitude quake was recorded in
Manay", "A total of 17 deaths have been recorded") someone reported or recorded it and the text does not say who,
as with "figures indicate" (K3)."""
ASCRIBING_VERBS = frozenset({"ascribe", "attribute"})
"""Verbs that credit a deed to someone: "another attack ascribed to the Taliban" says someone ascribes it, not
who (K3)."""
RECORDED_WORKS = frozenset("album song single track recording film video interview speech message episode".split())
"""What is recorded as a work, not reported as an occurrence ("the album was recorded in London" is an act)."""


def _put_on_record(verb: Token) -> bool:
    """ "A quake was recorded at 4:53", "17 deaths have been recorded", "an attack ascribed to the Taliban": the plain
    agentless passive of reporting, recording or ascribing hides who reported, recorded or ascribed (K3). Not
    negated ("no arrests were reported" says nothing was put on record), not with a modal, not a recorded work,
    not reported to someone named ("the theft was reported to police" tells of an act), and a reduced relative
    ("the cases recorded so far") only when it ascribes."""
    lemma = verb.lemma_.lower()
    if verb.pos_ != "VERB" or lemma not in RECORDING_VERBS | ASCRIBING_VERBS or not _agentless_passive(verb):
        return False
    kids = list(verb.children)
    subject = next((c for c in kids if c.dep_ == "nsubjpass"), verb.head if verb.dep_ == "acl" else None)
    negated = any(c.dep_ == "neg" for c in kids) or (
        subject is not None and any(c.lower_ == "no" for c in subject.children)
    )
    if negated or any(c.tag_ == "MD" for c in kids):
        return False
    if lemma in ASCRIBING_VERBS:
        return any(c.dep_ == "prep" and c.lower_ == "to" for c in kids)
    work = subject is not None and (subject.lemma_.lower() in RECORDED_WORKS or subject.pos_ == "PROPN")
    told = any(c.dep_ in ("prep", "dative") and c.lower_ == "to" for c in kids)  # "reported to police": an act
    return verb.dep_ != "acl" and not work and not told


FINDING_NOUNS = frozenset("figure study investigation finding survey poll statistic test analysis".split())
"""What someone found, as a bare plural saying something ("Studies show", "Preliminary investigations suggest",
"figures indicate", K3): which studies, whose figures?"""


def _said_there_were(noun: Token) -> bool:
    """ "There have been numerous complaints about ...", "there were reports of looting": that people said
    something, with nobody named (K2 "many residents say", K3 "signals were given")."""
    there = any(c.dep_ == "expl" for c in noun.head.children) and noun.head.lemma_ == "be"
    said = content_nouns().get(noun.lemma_.lower()) == "noun.communication" and noun.tag_ == "NNS"
    unnamed = _bare_plural(noun) or any(c.lower_ in VAGUE_DETERMINERS for c in noun.children)
    return there and said and unnamed and not any(w.pos_ == "PROPN" for w in noun.subtree)


def hides_source(t: Token) -> bool:
    """The verb is an agentless passive that credits its claim to nobody (K3): a verb that reports a
    proposition (the hand list and WordNet's "Somebody ----s that CLAUSE" verbs) or one of knowing or
    perceiving, raised ("is reported to have"), impersonal ("it was intimated that"), judging ("presumed
    dead") or forecasting ("expected in June")."""
    if t.pos_ != "VERB" or not _agentless_passive(t):
        return False
    lemma = t.lemma_.lower()
    entry = verb_lexicon().get(verb_lemma(t))
    proposition = entry is not None and entry.get("lexicon") != "communication_verbs_wordnet"
    directive = (entry is not None and entry.get("stance") == "directive") or lemma in DIRECTIVE_VERBS
    if directive or lemma in NOT_JUDGING_ACTS | DECLARATIONS:
        return False  # "was told to leave" is an order (hidden_actor); "was found dead" an act
    if any(_reputation(t, c) for c in t.children) and t.dep_ != "acl":
        return True  # "was known for his temper", "is credited with drafting"
    if not (proposition or lemma in KNOWING_VERBS) or any(c.tag_ == "MD" for c in t.children):
        return False  # "could be explained" offers a possibility, not a claim someone made
    if _hidden_actor([t]):
        return False  # "was considered the founding father": hidden_actor's judgement, said once
    kids = list(t.children)
    raised = any(c.dep_ == "xcomp" and (c.tag_ == "VBG" or to_infinitive(c)) for c in kids)
    impersonal = any(c.dep_ == "nsubjpass" and c.lower_ == "it" for c in kids) and any(c.dep_ == "ccomp" for c in kids)
    wordnet_only = entry is not None and entry.get("strict") and entry.get("stance") != "cognition"
    if (wordnet_only and not impersonal and lemma not in KNOWING_VERBS) or lemma in OBLIGATIONS:
        return False  # "the lever was wired to deliver" (WordNet's telegraph sense), "is supposed to play"
    judged = any(c.dep_ in ("oprd", "acomp") for c in kids) and (entry or {}).get("stance") == "cognition"

    if t.dep_ == "acl" and not raised:
        return False  # "sections deemed dangerous": a description of which ones, not a claim about them
    return raised or impersonal or judged or lemma in FORECAST_VERBS


REPUTE = frozenset({("know", "for"), ("credit", "with"), ("credit", "for"), ("remember", "for"), ("regard", "as")})
"""A reputation in the agentless passive ("was known for his temper", "is credited with drafting the
constitution", "is widely regarded as"): a judgement of the subject whose judges are hidden (K3: "it is
known"). "Known as" gives a name and is left out."""


def _reputation(verb: Token, prep: Token) -> bool:
    """The passive and its preposition make a reputation (``REPUTE``). Being known for an act ("best known for
    playing Sam") is fame for a public record; being known for a quality ("for his reclusive personality") is
    a characterisation by someone unnamed."""
    if prep.dep_ != "prep" or (verb.lemma_.lower(), prep.lower_) not in REPUTE:
        return False
    return verb.lemma_.lower() != "know" or not any(c.dep_ == "pcomp" and c.tag_ == "VBG" for c in prep.children)


CHANGE_OF_STATE = frozenset("become becomes became becoming get gets got gotten getting".split())
"""Auxiliaries of a change of state: "it became known that ..." says the fact came out, not who says it (word
forms, since the lemmatizer leaves "became" as it is)."""


def _agentless_passive(verb: Token) -> bool:
    """A passive with no "by" agent: "is reported", "was on Wednesday reported", a reduced "sales expected to"."""
    if any(c.dep_ == "agent" for c in verb.children):
        return False
    if any(c.dep_ == "auxpass" for c in verb.children):
        return not any(c.dep_ == "auxpass" and c.lower_ in CHANGE_OF_STATE for c in verb.children)
    if verb.tag_ != "VBN" and not (verb.tag_ == "VBD" and verb.dep_ == "advcl"):
        return False
    if verb.dep_ == "acl":
        return True  # "market sales expected to cover the price"
    head = verb.head
    if head.dep_ == "acomp":
        head = head.head  # "is pending and expected in June"
    linked = verb.dep_ in ("advcl", "conj") and head.i < verb.i
    return linked and (
        head.lemma_ == "be" or any(c.dep_ in ("auxpass", "aux") and c.lemma_ == "be" for c in head.children)
    )


VAGUE_DETERMINERS = frozenset("many some most several numerous countless".split())


def _vague_group(tokens: list[Token]) -> str:
    """ "Many people dislike math", "a number of senators condemned the act", "scientists cautioned against it":
    a claim made by or about an unnamed group, in the article's own voice (K2: "some", "many", "a number of",
    a bare plural that speaks)."""
    for t in tokens:
        if t.dep_ != "nsubj" or t.head.pos_ not in ("VERB", "AUX") or t.head.lemma_ == "be":
            continue
        if _named_examples(t):
            continue  # K2: "musicians such as Billy Idol" is named for the example
        quantifier = next((c for c in t.children if c.lower_ in VAGUE_DETERMINERS and c.dep_ in ("amod", "det")), None)
        # "with some people working unpaid": a participle clause describes a circumstance, it asserts nothing
        asserted = t.head.tag_ not in ("VBG", "VBN") or any(c.dep_ in ("aux", "auxpass") for c in t.head.children)
        if quantifier is not None and t.tag_ == "NNS" and persons(t) and asserted:
            return f"a claim about an unnamed group ('{quantifier.text} {t.text}')"
        group = _counted_group(t)
        if group is not None:
            return f"a claim about an unnamed group ('{t.doc[t.left_edge.i : group.i + 1].text}')"
        if _bare_plural(t) and persons(t) and _speaks(t.head):
            return f"a claim by an unnamed group ('{t.text} {t.head.text}')"
    return ""


def _named_examples(group: Token) -> bool:
    """ "Numerous musicians such as Billy Idol and Cat Stevens", "many groups, including Amnesty": a group with
    a named example is named for the example (K2), so its claim has someone a reader can check."""
    for prep in (c for c in group.children if c.dep_ == "prep"):
        words = " ".join(w.lower_ for w in prep.subtree)
        if (words.startswith("such as") or prep.lower_ in ("including", "like")) and any(
            w.pos_ == "PROPN" or w.ent_type_ in ("PERSON", "ORG") for w in prep.subtree
        ):
            return True
    return False


UNNAMED_GROUP_NOUNS = frozenset("number group handful lot couple".split())
"""Nouns that head a claim's subject naming no one ("a number of senators condemned"); not round counts ("dozens")."""


def _counted_group(noun: Token) -> Token | None:
    """The people of "a number of senators", "a handful of residents", "a group of experts", else None."""
    if noun.lemma_.lower() not in UNNAMED_GROUP_NOUNS:
        return None
    if any(c.dep_ == "det" and c.lower_ == "the" for c in noun.children):
        return None  # "the number of Americans" measures
    people = [c for p in noun.children if p.dep_ == "prep" and p.lower_ == "of" for c in p.children]
    return next((c for c in people if c.dep_ == "pobj" and c.tag_ in ("NNS", "NNPS") and persons(c)), None)


def _bare_plural(noun: Token) -> bool:
    """ "Scientists", "residents": a plural with no determiner, possessor or number, and no name in its phrase."""
    kids = [c for c in noun.children if c.i < noun.i]
    named = any(t.pos_ == "PROPN" or t.ent_type_ for t in noun.subtree if t.i != noun.i)  # "researchers from CU"
    return noun.tag_ == "NNS" and not named and not any(c.dep_ in ("det", "poss", "nummod") for c in kids)


ABOUT = frozenset("about against on of over for".split())
"""Prepositions that carry what is said ("cautioned against", "complained about")."""


def _speaks(verb: Token) -> bool:
    """A finite main verb of saying or judging: what a bare plural says is a claim ("scientists cautioned"); not
    a side clause ("even though atheists account for", "people asking"), and a verb only WordNet lists speaks
    only without an object ("officials provided safeguards" is an act)."""
    finite = verb.tag_ in ("VBD", "VBP", "VBZ")
    entry = verb_lexicon().get(verb_lemma(verb))
    if verb.pos_ != "VERB" or not finite or not main_verb(verb) or entry is None:
        return False
    kids = list(verb.children)
    said = any(c.dep_ in ("ccomp", "xcomp", "dobj") or (c.dep_ == "prep" and c.lower_ in ABOUT) for c in kids)
    act = entry.get("strict") and any(c.dep_ == "dobj" for c in kids)  # "officials provided safeguards"
    return said and not act  # "friends spoke" reports that they spoke, not what


@cache
def person_nouns() -> frozenset[str]:
    """WordNet noun.person nouns of the source lexicon ("critics", "residents"), without groups ("countries")."""
    return frozenset(e["id"] for e in load_lexicon("source_nouns_wordnet") if e.get("wordnet") == "noun.person")


def persons(noun: Token) -> bool:
    """A plural noun for people: "many residents", not "many countries" or "most fields"."""
    return noun.ent_type_ == "NORP" or noun.lower_ == "people" or noun.lemma_.lower() in person_nouns()


CHECKS = {"hidden_actor": _hidden_actor, "hidden_source": _hidden_source, "vague_group": _vague_group}
"""This module's rules by name, for ``claim_hits``."""
