"""Claims about numbers and rankings: trends, figures of change, proportions, rates, estimates, crowd sizes,
records.

A figure or a ranking looks measured; with no source, nobody says who measured it or how.
"""

from __future__ import annotations

from functools import cache

from spacy.tokens import Token

from medialit.nlp.claims.hidden_sources import persons
from medialit.nlp.lexicons import load_lexicon

CHANGE = frozenset(
    "increase decrease rise fall drop decline grow reduce double triple halve climb jump surge plunge cut "
    "shrink soar slump tumble rebound rocket skyrocket".split()
)
"""Words of change: a trend, a figure of change, and with a risk as object a cause (``causes``)."""
STEEP = frozenset(
    "sharply dramatically significantly substantially considerably markedly rapidly steadily steeply greatly "
    "drastically massively".split()
)
"""Adverbs that grade a change without measuring it ("production decreased sharply")."""
MULTIPLIERS = frozenset("double triple quadruple halve".split())
"""Change verbs that are figures in themselves ("halved Saudi oil output")."""


def _number(token: Token) -> bool:
    return token.like_num or token.ent_type_ in ("CARDINAL", "PERCENT", "QUANTITY", "MONEY")


def _trend(tokens: list[Token]) -> str:
    """ "Prices have been rising", "demand is growing": a trend asserted without a figure or source."""
    for t in tokens:
        if t.lemma_.lower() not in CHANGE or t.pos_ != "VERB":
            continue
        ongoing = t.tag_ == "VBG" and any(c.lemma_ == "be" and c.dep_ == "aux" for c in t.children)
        perfect = t.tag_ == "VBN" and any(c.lemma_ == "have" and c.dep_ == "aux" for c in t.children)
        graded = next((c for c in t.children if c.dep_ == "advmod" and c.lower_ in STEEP), None)
        if (ongoing or perfect or graded is not None) and not any(_number(c) for c in t.subtree):
            words = f"{t.text} {graded.text}" if graded is not None else t.text
            return f"a trend ('{words}') asserted with no figure or source"
    return ""


def _figure_change(tokens: list[Token]) -> str:
    """ "rose by 40 percent", "increased 18-fold", "halved output": a change with its figure in the clause."""
    own = {t.i for t in tokens}
    for change in tokens:
        if change.lemma_.lower() not in CHANGE or change.pos_ not in ("VERB", "NOUN") or _compound_word(change):
            continue
        if change.pos_ == "NOUN" and any(c.dep_ in ("nmod", "compound") and c.pos_ == "PROPN" for c in change.children):
            continue  # "a Falcon 9 rocket": a thing with a name, its number part of the name
        figures = [t for t in change.subtree if t.i in own and t.i != change.i]
        multiplier = change.pos_ == "VERB" and change.lemma_.lower() in MULTIPLIERS
        if multiplier or any(t.lower_.endswith("fold") or _figure(t) for t in figures):
            return f"a figure of change ('{change.text}') with no source"
    for k, t in enumerate(tokens[:-2]):
        if t.lower_ in ("up", "down") and tokens[k + 1].lower_ == "from" and _figure(tokens[k + 2]):
            return f"a figure of change ('{t.text} from {tokens[k + 2].text}') with no source"
    return ""


def _figure(token: Token) -> bool:
    """A count or measure, not a date or part of a name ("the Group of Six")."""
    name = token.pos_ == "PROPN" or token.ent_type_ in ("ORG", "WORK_OF_ART", "EVENT", "LAW")
    return _number(token) and not name and token.ent_type_ not in ("DATE", "TIME")


def _compound_word(token: Token) -> bool:
    """ "cut-off", "drop-down": the word is part of a hyphenated compound, not a change."""
    doc = token.doc
    return token.i + 1 < len(doc) and doc[token.i + 1].tag_ == "HYPH" and not token.whitespace_


FRACTIONS = frozenset("half quarter third majority minority percent per cent %".split())
PERCENT = frozenset("% percent cent".split())
"""Shares that are figures by themselves; the other fractions are shares only "of" something ("a quarter of
the residents", not "a two-thirds majority is needed" or "a third, Jared Golden")."""
TIME_WORDS = frozenset("century decade year month week day hour minute second season term".split())


def _proportion(tokens: list[Token]) -> str:
    for k, t in enumerate(tokens):
        if _of_time(t) or _election_result(t):
            continue  # "a quarter of a century" is a time, not a share; "80% of the seats" an official count
        if t.lower_ in PERCENT or (t.lower_ in FRACTIONS and _share_of(t)):
            return f"a proportion ('{t.text}') with no source"
        if t.lower_ == "in" and 0 < k < len(tokens) - 1 and _number(tokens[k - 1]) and _number(tokens[k + 1]):
            return f"a proportion ('{tokens[k - 1].text} in {tokens[k + 1].text}') with no source"
        if t.lower_ == "per" and _rate(tokens, k):
            return f"a rate ('per {tokens[k + 1].text}') with no source"
    return ""


ELECTION_RESULTS = frozenset("vote ballot turnout delegate voter electorate".split())
"""What an election counts: a share or number of votes or voters is the official result, published by the body
that counts them, public and uncontested (the guidelines' `other`), not a figure the writer vouches for ("won
52% of the vote", "turnout was about 71%", "about 2.9 million people voted")."""
WON = frozenset("win go take gain secure lose".split())
"""Seats are a result only as won or lost ("80% of the seats went to the opposition"); "women hold 28 percent of
the seats" is a claim about who sits there."""


def _election_result(figure: Token) -> bool:
    """The figure belongs to a clause about votes or voters, or about seats won or lost."""
    clause = next((a for a in [figure, *figure.ancestors] if a.pos_ in ("VERB", "AUX")), figure)
    words = {w.lemma_.lower() for w in [*clause.subtree, *figure.subtree]}
    return bool(words & ELECTION_RESULTS) or ("seat" in words and clause.lemma_.lower() in WON)


def _rate(tokens: list[Token], k: int) -> bool:
    """ "seven per 100,000 people", "four deaths per 100,000": a count against a population, a share."""
    before = any(_figure(t) for t in tokens[max(0, k - 3) : k])
    return before and k + 1 < len(tokens) and _figure(tokens[k + 1])


def _share_of(token: Token) -> bool:
    """ "a quarter of the residents", "the majority of outfits", "half the town": a share of a whole."""
    if token.dep_ == "appos":
        return False  # "Rohingya, a stateless minority of Muslims": a description, not a share
    of_whole = any(c.dep_ == "prep" and c.lower_ == "of" for c in token.children)
    return of_whole or (token.dep_ == "predet" and token.head.pos_ == "NOUN")


def _of_time(token: Token) -> bool:
    """ "quarter of a century", "half an hour": a span of time."""
    following = [c for p in token.children if p.lower_ == "of" for c in p.children if c.dep_ == "pobj"]
    following += [c for c in token.children if c.dep_ in ("npadvmod", "nmod", "compound")]
    return any(c.lemma_.lower() in TIME_WORDS for c in following) or (
        token.i + 1 < len(token.doc) and token.doc[token.i + 1].lemma_.lower() in TIME_WORDS
    )


APPROXIMATORS = frozenset("about around nearly almost roughly approximately estimated some over least".split())


def _estimate(tokens: list[Token]) -> str:
    """An approximate count of people or groups ("about 100,000 Greeks", "some 300 protesters")."""
    for k, t in enumerate(tokens[:-1]):
        nxt = tokens[k + 1]
        if t.lower_ in APPROXIMATORS and _number(nxt) and nxt.ent_type_ not in ("DATE", "TIME"):
            counted = nxt.head if nxt.dep_ == "nummod" else tokens[k + 2] if k + 2 < len(tokens) else None
            while counted is not None and _number(counted) and counted.dep_ in ("nummod", "compound"):
                counted = counted.head  # "an estimated four million people": the count is of people
            people = counted is not None and counted.lemma_.lower() not in FRACTIONS and _counted_people(counted)
            single = counted is not None and counted.tag_ == "NN" and counted.lemma_.lower() not in COUNTED_AS_PEOPLE
            people = people and not single and not _election_result(counted)  # "at least one case"; voters
            if people and (counted.pos_ in ("NOUN", "PROPN") or counted.lower_ in COUNTED_AS_PEOPLE):
                words = f"at {t.text}" if t.lower_ == "least" else t.text
                count = nxt.doc[nxt.i : counted.i + 1].text if counted.i > nxt.i else f"{nxt.text} {counted.text}"
                return f"an estimated count ('{words} {count}') with no source"
    return ""


def _counted_people(noun: Token) -> bool:
    """People counted ("100,000 Greeks", "700 asylum seekers"), not places or measures ("two towns", "14 feet")."""
    nationality = noun.tag_ == "NNPS" and noun.text.endswith("s")  # "100,000 Greeks" when NER misses it
    counted = noun.lemma_.lower() in COUNTED_AS_PEOPLE or noun.lower_ in COUNTED_AS_PEOPLE
    return noun.ent_type_ == "PERSON" or nationality or persons(noun) or counted


COUNTED_AS_PEOPLE = frozenset("personnel staff troop crew dead injured wounded missing displaced".split())
"""Collective nouns and adjectives used as nouns that count people ("60,000 security personnel", "at least 30
injured")."""
NUMBER_NOUNS = frozenset("dozens scores hundreds thousands millions tens".split())
"""Counts that are round by their word ("attended by thousands", "tens of thousands of people")."""


@cache
def crowd_verbs(role: str) -> frozenset[tuple[str, ...]]:
    """The verbs of the ``crowd_verbs`` lexicon whose ``role`` ("subject" or "object") is the crowd, as (lemma,)
    or (lemma, particle): ("march",), ("show", "up"), ("draw",)."""
    entries = (e for e in load_lexicon("crowd_verbs") if role in e["crowd"])
    return frozenset(tuple(t.get("LEMMA") or t["LOWER"] for t in e["pattern"]) for e in entries)


def _crowd(tokens: list[Token]) -> str:
    """ "Thousands attended the vigil", "one of which drew two million people": the size of a crowd, a figure
    organisers and police often dispute, in the article's own voice."""
    gathering, drawing = crowd_verbs("subject"), crowd_verbs("object")
    for t in tokens:
        agent = t.dep_ == "pobj" and t.head.dep_ == "agent"  # "was attended by thousands"
        verb = t.head.head if agent else t.head
        lemma = verb.lemma_.lower()
        subject = t.dep_ == "nsubj" and (
            (lemma,) in gathering or any(c.dep_ == "prt" and (lemma, c.lower_) in gathering for c in verb.children)
        )
        drawn = (lemma,) in drawing and (t.dep_ == "dobj" or agent)
        negated = any(c.dep_ == "neg" for c in verb.children)
        shown = any(c.dep_ == "ccomp" for c in verb.children)  # "hundreds of scientists demonstrated that ..."
        if (subject or drawn) and not (negated or shown) and _people_count(t) and not _election_result(t):
            return (
                f"a crowd size ('{_count_words(t)}') with no source: crowd counts are disputed, "
                "'a contested or consequential assertion with no source'"
            )
    return ""


def _people_count(noun: Token) -> bool:
    """A crowd's count of people: "two million people", "thousands", "fewer than two hundred", "tens of thousands
    of people"; not "two towns", "two men" or "the first day"."""
    if noun.lower_ in NUMBER_NOUNS or (_number(noun) and noun.ent_type_ not in ("DATE", "TIME", "MONEY")):
        counted = [c for p in noun.children if p.lower_ == "of" for c in p.children if c.dep_ == "pobj"]
        people = not counted or any(_people_count(c) or _counted_people(c) for c in counted)
        return people and _large(noun)
    numbers = [c for c in noun.subtree if c != noun and (_number(c) or c.lower_ in NUMBER_NOUNS)]
    return any(_large(c) for c in numbers) and _counted_people(noun)


def _large(number: Token) -> bool:
    """A count the size of a crowd: a hundred or more ("300", "two hundred"), or a round count word ("dozens",
    "thousands")."""
    words = {t.lower_ for t in number.subtree} | {number.lower_}
    if words & (NUMBER_NOUNS | {"hundred", "thousand", "million", "billion"}):
        return True
    digits = number.text.replace(",", "")
    return digits.isdigit() and int(digits) >= 100


def _count_words(noun: Token) -> str:
    """The count and what it counts ("tens of thousands of people"), without what follows ("gathered ...")."""
    of = [c for c in noun.children if c.dep_ == "prep" and c.lower_ == "of"]
    start = min(t.i for t in noun.subtree)
    end = max([noun.i, *(t.i for p in of for t in p.subtree)])
    return noun.doc[start : end + 1].text


NOT_RANKING = frozenset("first last next least latest".split())


def _superlative(tokens: list[Token]) -> str:
    """ "one of the most popular": a ranking that characterises, not a measured result; "the largest company in
    the country": a record. A definite superlative set beside a name ("Carol Smith, the most senior member of the
    board", "Athens, the most famous example") describes whom or what it means, as a title does (the guidelines count a
    title as background): no ranking claim."""
    words = [t.lower_ for t in tokens]
    for k in range(len(tokens) - 3):
        ranked = tokens[k + 3].tag_ in ("JJS", "RBS") and words[k + 3] not in NOT_RANKING
        if words[k : k + 3] == ["one", "of", "the"] and ranked:
            return f"a ranking ('one of the {' '.join(words[k + 3 : k + 5])}') with no source"
    for t in tokens:
        ranked = (t.tag_ == "JJS" and t.lower_ not in ("most", "least")) or (
            t.lower_ == "most" and t.head.pos_ == "ADJ"
        )  # not the quantifier ("most of his career ... in Asia")
        scope = _record_scope(t.head if t.lower_ != "most" else t.head.head) if ranked else ""
        scope = scope or (_record_words(tokens) if ranked else "")
        if scope and t.lower_ not in NOT_RANKING:
            return f"a record ('{t.text} ... {scope}') stated with no source"
    return ""


def _record_words(tokens: list[Token]) -> str:
    """ "in the country's history", "on record", "of all time": words that make a superlative a record
    wherever the parser attaches them."""
    for t in tokens:
        if t.dep_ == "pobj" and t.lemma_.lower() in ("history", "record") and t.head.lower_ in ("in", "on"):
            return f"{t.head.text} ... {t.text}"
        if t.lower_ == "time" and t.head.lower_ == "of" and any(c.lower_ == "all" for c in t.children):
            return "of all time"
    return ""


SCOPES = frozenset("history world country nation state region city continent record".split())
"""What a record is measured over ("the largest company in the country", "in the nation's history")."""


def _record_scope(noun: Token) -> str:
    """ "in the Philippines", "in the country's history", "ever": the whole a superlative ranks its noun in."""
    for prep in (c for c in noun.subtree if c.dep_ == "prep" and c.lower_ in ("in", "on", "of")):
        place = next((c for c in prep.children if c.dep_ == "pobj"), None)
        if place is None or noun.i not in (prep.head.i, prep.head.head.i):
            continue  # the scope qualifies the ranked noun or a word in its phrase, not a clause further off
        if place.lemma_.lower() in SCOPES or place.ent_type_ in ("GPE", "LOC"):
            return f"{prep.text} {place.text}"
    ever = next((c for c in noun.subtree if c.lower_ == "ever"), None)
    return "ever" if ever is not None else ""


CHECKS = {
    "trend": _trend,
    "figure_change": _figure_change,
    "proportion": _proportion,
    "estimate": _estimate,
    "crowd": _crowd,
    "superlative": _superlative,
}
"""This module's rules by name, for ``claim_hits``."""
