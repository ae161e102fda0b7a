"""Checkable claims in the article's own voice: what a careful editor asks "how do we know?" about.

Beyond hedges and evaluative words (``sentence_labels``), a sentence that no
source covers is unsupported when it carries one of these, each a named rule
with a reason a student can read:

- ``hidden_actor``: an order, judgement or name with its author left out ("she was told to leave",
  "he was considered the founding father", "she was accused of fraud");
- ``hidden_source``: a passive of saying, knowing or perceiving with nobody behind it (K3): "he is
  reported to have fled", "the rest are presumed dead", "it was intimated that ...", "the ruling is
  expected in June", "the shop was observed limiting sales";
- ``vague_group``: a claim by or about an unnamed group ("many people dislike math", "a number of
  senators condemned the act", "scientists cautioned against it");
- ``trend``: a change under way or graded, with no figure ("prices have been rising", "output fell
  sharply");
- ``figure_change``: a figure of change ("rose by 15%", "increased 18-fold", "up from 2.48");
- ``proportion``: a share of a whole ("one in three", "a quarter of", "40 percent", "seven per 100,000");
- ``estimate``: an approximate count of people ("about 100,000 Greeks");
- ``cause``: a cause stated as fact ("due to", "causing", "sparked");
- ``superlative``: a characterising ranking ("one of the most popular") or a record ("the largest
  company in the country", "the most women in its history");
- ``evaluative``: a strongly evaluative adjective (VADER ratings, ``evaluative_vader``)
  in a noun phrase that characterises ("..., a fantastic display", "he is a cruel man"); a
  predicate adjective ("she remained exuberant") mostly reports a feeling, not a judgement;
- ``degree``: a characterisation graded with no measure ("is extremely critical", "was
  relatively secretive", "a highly unstable coalition");
- ``judging_adverb``: the writer's verdict on how or that something happened ("fought
  heroically", "tragically", "not surprisingly"): a stance adverb, or an adverb made from one of
  the framing lexicon's evaluative adjectives;
- ``mind``: a feeling or thought ascribed to someone else ("she fell in love with him",
  "he felt compelled", "they did not realise"): how does the writer know?
- ``motive``: a purpose or motive ascribed to someone ("so they could be closer",
  "in order to keep the exemption", "popped up seeking to profit"): why people act is a claim about their
  minds;
- ``generic``: a quality ascribed to a whole kind, in the present tense ("fires are common in
  India", "such schemes are costly"): a generalisation a report states beside its events;
- ``likeness``: a likeness the writer draws ("the incident is reminiscent of two others",
  "the rules are similar to those of 2010"): a characterisation, not an event.

In a text that argues or explains (no dateline: an essay, a textbook, a
speech, an encyclopedia entry) the writer's own reasoning is a claim too:

- ``generalisation``: how things usually are ("entrepreneurs frequently face");
- ``prescription``: what must or should be ("the state must protect");
- ``conclusion``: what the text infers ("thus", "it follows that");
- ``prediction``: a forecast ("this system will facilitate"), not a schedule or the reader's plan;
- ``importance``: importance asserted ("the role of the state is essential").

A dated news report states events in its own voice, so these five are not
applied there (on the tuning part they cost news reports precision and
found nothing). Words inside quotations are someone else's, not the
article's voice.
"""

from __future__ import annotations

from functools import cache

from spacy.tokens import Span as DocSpan
from spacy.tokens import Token

from medialit.nlp.lexicons import load_lexicon
from medialit.nlp.reporting_lexicon import verb_lemma, verb_lexicon

CHANGE = frozenset(
    "increase decrease rise fall drop decline grow reduce double triple halve climb jump surge plunge cut "
    "shrink soar slump tumble rebound rocket skyrocket".split()
)
CAUSE_WORDS = frozenset(
    "cause trigger blame fuel spark affect harm worsen undermine undercut prompt provoke hamper hinder ignite".split()
)
"""Verbs that state a cause. Not "damage": a disaster that damaged buildings is the event reported, not a
claim about why; "blame" in the active voice is someone's accusation (an attribution), not the writer's cause."""
RISKS = frozenset("risk probability likelihood chance odds".split())
"""Changing one of these ("raises the risk of", "increases probability of") states a cause."""
STEEP = frozenset(
    "sharply dramatically significantly substantially considerably markedly rapidly steadily steeply greatly "
    "drastically massively".split()
)
"""Adverbs that grade a change without measuring it ("production decreased sharply")."""
MULTIPLIERS = frozenset("double triple quadruple halve".split())
"""Change verbs that are figures in themselves ("halved Saudi oil output")."""
CAUSE_PHRASES = (("due", "to"), ("as", "a", "result"), ("thanks", "to"), ("owing", "to"))
CAUSE_LINKS = (("lead", "to"), ("result", "in"), ("contribute", "to"), ("attribute", "to"))
"""A verb that names a cause only with its preposition ("led to", "resulted in", "attributed to"); asserted
only when finite ("for a trial to result in removal" states a condition, "leading to a rush" a sequence)."""
WAYS = frozenset("road path street route trail track door stair staircase way bridge corridor tunnel".split())
APPROXIMATORS = frozenset("about around nearly almost roughly approximately estimated some over least".split())
FRACTIONS = frozenset("half quarter third majority minority percent per cent %".split())
PERCENT = frozenset("% percent cent".split())
"""Shares that are figures by themselves; the other fractions are shares only "of" something ("a quarter of
the residents", not "a two-thirds majority is needed" or "a third, Jared Golden")."""
TIME_WORDS = frozenset("century decade year month week day hour minute second season term".split())
NOT_RANKING = frozenset("first last next least latest".split())
RULES = (
    "hidden_actor",
    "hidden_source",
    "vague_group",
    "trend",
    "figure_change",
    "proportion",
    "estimate",
    "cause",
    "superlative",
    "evaluative",
    "degree",
    "judging_adverb",
    "mind",
    "motive",
    "generic",
    "likeness",
    "generalisation",
    "prescription",
    "conclusion",
    "prediction",
    "importance",
)
REPORT_RULES = RULES[: RULES.index("generalisation")]
"""The rules for a dated news report; the others judge the writer's own argument (essays, textbooks, speeches)."""
DEGREE = frozenset(
    "extremely very highly relatively exceedingly particularly deeply fairly rather quite remarkably incredibly "
    "truly clearly strongly enormously immensely hugely utterly totally notoriously increasingly".split()
)
"""Degree adverbs: they grade a quality without measuring it."""
NOT_GRADED = frozenset("many much few little more less first last same different other own such".split())
STANCE_ADVERBS = frozenset(
    "interestingly surprisingly unsurprisingly understandably curiously oddly strangely regrettably fortunately "
    "unfortunately sadly tragically ironically predictably tellingly mercifully thankfully luckily".split()
)
"""Adverbs by which the writer comments on a whole event ("Tragically, ...", "not surprisingly")."""
FREQUENCY = frozenset(
    "frequently often usually rarely always never generally typically commonly seldom invariably".split()
)
NECESSITY = frozenset("must should".split())
CONCLUSIONS = frozenset("therefore thus hence consequently accordingly".split())
IMPORTANCE = frozenset(
    "essential important valuable significant key vital crucial critical central fundamental prominent "
    "excessive notable influential".split()
)


@cache
def evaluative_words() -> dict[str, float]:
    """Strongly evaluative adjectives with their VADER rating."""
    return {e["id"]: e["valence"] for e in load_lexicon("evaluative_vader")}


def claim_hits(sentence: DocSpan, quoted, rules: tuple[str, ...] = RULES) -> list[tuple[str, str]]:
    """(rule, reason) for each checkable claim in ``sentence``; ``quoted(token)`` says a token is in a quotation."""
    tokens = [t for t in sentence if not quoted(t)]
    out = []
    for rule in rules:
        reason = _RULES[rule](tokens)
        if reason:
            out.append((rule, reason))
    return out


def _number(token: Token) -> bool:
    return token.like_num or token.ent_type_ in ("CARDINAL", "PERCENT", "QUANTITY", "MONEY")


VAGUE_DETERMINERS = frozenset("many some most several numerous countless".split())


def _hidden_actor(tokens: list[Token]) -> str:
    """ "She was told to disconnect from her mother": an order or message whose sender is left out."""
    for t in tokens:
        passive = any(c.dep_ == "auxpass" for c in t.children) and any(c.dep_ == "nsubjpass" for c in t.children)
        if not passive or any(c.dep_ == "agent" for c in t.subtree) or t.pos_ != "VERB":
            continue
        entry = verb_lexicon().get(verb_lemma(t))
        directive = (entry is not None and entry.get("stance") == "directive") or t.lemma_ in DIRECTIVE_VERBS
        if directive and any(c.dep_ == "xcomp" for c in t.children):
            return f"the source hidden: '{t.text}' by whom?"
        judging = entry is not None and not entry.get("strict") and entry.get("stance") in JUDGING_STANCES
        if judging and t.lemma_.lower() not in NOT_JUDGING_ACTS and _judged(t):
            return f"the source hidden: '{t.text}' by whom?"
    return ""


DIRECTIVE_VERBS = frozenset({"tell", "order", "instruct"})
"""Verbs that give orders besides the lexicon's directive ones ("she was told to leave")."""
JUDGING_STANCES = frozenset({"evaluative", "cognition"})
"""Hand-listed reporting verbs that judge ("was considered the founding father", "was accused of fraud"): in
the passive with no agent, the judge is hidden (K3)."""
NOT_JUDGING_ACTS = frozenset({"find", "charge", "estimate", "deny"})
"""Passives that report an act, not a judgement: "the body was found", "he was charged with murder", "they
were denied visas", "an estimated 4 million" (an estimate has its own rule)."""


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
    return ""


HIDDEN_SOURCE_NOUNS = frozenset("report account estimate rumour rumor".split())
"""Nouns for what someone said, the someone left out: "Reports on the weapon vary", "estimates put the toll"."""


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
    if not (proposition or lemma in KNOWING_VERBS) or any(c.tag_ == "MD" for c in t.children):
        return False  # "could be explained" offers a possibility, not a claim someone made
    if _hidden_actor([t]):
        return False  # "was considered the founding father": hidden_actor's judgement, said once
    kids = list(t.children)
    raised = any(c.dep_ == "xcomp" and (c.tag_ == "VBG" or _to_infinitive(c)) for c in kids)
    impersonal = any(c.dep_ == "nsubjpass" and c.lower_ == "it" for c in kids) and any(c.dep_ == "ccomp" for c in kids)
    wordnet_only = entry is not None and entry.get("strict") and entry.get("stance") != "cognition"
    if (wordnet_only and not impersonal and lemma not in KNOWING_VERBS) or lemma in OBLIGATIONS:
        return False  # "the lever was wired to deliver" (WordNet's telegraph sense), "is supposed to play"
    judged = any(c.dep_ in ("oprd", "acomp") for c in kids) and (entry or {}).get("stance") == "cognition"
    if t.dep_ == "acl" and not raised:
        return False  # "sections deemed dangerous": a description of which ones, not a claim about them
    return raised or impersonal or judged or lemma in FORECAST_VERBS


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


def _to_infinitive(verb: Token) -> bool:
    return any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)


def _vague_group(tokens: list[Token]) -> str:
    """ "Many people dislike math", "a number of senators condemned the act", "scientists cautioned against it":
    a claim made by or about an unnamed group, in the article's own voice (K2: "some", "many", "a number of",
    a bare plural that speaks)."""
    for t in tokens:
        if t.dep_ != "nsubj" or t.head.pos_ not in ("VERB", "AUX") or t.head.lemma_ == "be":
            continue
        quantifier = next((c for c in t.children if c.lower_ in VAGUE_DETERMINERS and c.dep_ in ("amod", "det")), None)
        if quantifier is not None and t.tag_ == "NNS" and _persons(t):
            return f"a claim about an unnamed group ('{quantifier.text} {t.text}')"
        group = _counted_group(t)
        if group is not None:
            return f"a claim about an unnamed group ('{t.doc[t.left_edge.i : group.i + 1].text}')"
        if _bare_plural(t) and _persons(t) and _speaks(t.head):
            return f"a claim by an unnamed group ('{t.text} {t.head.text}')"
    return ""


QUANTITY_NOUNS = frozenset("number group handful lot couple".split())
"""Nouns that make an unnamed group of people ("a number of senators", "a group of experts"); with "the" they
measure ("the number of Americans"), and round counts ("hundreds of vendors") are counts, not sources."""


def _counted_group(noun: Token) -> Token | None:
    """The people of "a number of senators", "dozens of residents", "a group of experts", else None."""
    if noun.lemma_.lower() not in QUANTITY_NOUNS or any(c.dep_ == "det" and c.lower_ == "the" for c in noun.children):
        return None
    people = [c for p in noun.children if p.dep_ == "prep" and p.lower_ == "of" for c in p.children]
    return next((c for c in people if c.dep_ == "pobj" and c.tag_ in ("NNS", "NNPS") and _persons(c)), None)


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
    if verb.pos_ != "VERB" or not finite or not _main_verb(verb) or entry is None:
        return False
    kids = list(verb.children)
    said = any(c.dep_ in ("ccomp", "xcomp", "dobj") or (c.dep_ == "prep" and c.lower_ in ABOUT) for c in kids)
    act = entry.get("strict") and any(c.dep_ == "dobj" for c in kids)  # "officials provided safeguards"
    return said and not act  # "friends spoke" reports that they spoke, not what


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


def _proportion(tokens: list[Token]) -> str:
    for k, t in enumerate(tokens):
        if _of_time(t):
            continue  # "a quarter of a century" is a time, not a share
        if t.lower_ in PERCENT or (t.lower_ in FRACTIONS and _share_of(t)):
            return f"a proportion ('{t.text}') with no source"
        if t.lower_ == "in" and 0 < k < len(tokens) - 1 and _number(tokens[k - 1]) and _number(tokens[k + 1]):
            return f"a proportion ('{tokens[k - 1].text} in {tokens[k + 1].text}') with no source"
        if t.lower_ == "per" and _rate(tokens, k):
            return f"a rate ('per {tokens[k + 1].text}') with no source"
    return ""


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


def _estimate(tokens: list[Token]) -> str:
    """An approximate count of people or groups ("about 100,000 Greeks", "some 300 protesters")."""
    for k, t in enumerate(tokens[:-1]):
        nxt = tokens[k + 1]
        if t.lower_ in APPROXIMATORS and _number(nxt) and nxt.ent_type_ not in ("DATE", "TIME"):
            counted = nxt.head if nxt.dep_ == "nummod" else tokens[k + 2] if k + 2 < len(tokens) else None
            while counted is not None and _number(counted) and counted.dep_ in ("nummod", "compound"):
                counted = counted.head  # "an estimated four million people": the count is of people
            people = counted is not None and counted.lemma_.lower() not in FRACTIONS and _counted_people(counted)
            if people and (counted.pos_ in ("NOUN", "PROPN") or counted.lower_ in COUNTED_AS_PEOPLE):
                words = f"at {t.text}" if t.lower_ == "least" else t.text
                count = nxt.doc[nxt.i : counted.i + 1].text if counted.i > nxt.i else f"{nxt.text} {counted.text}"
                return f"an estimated count ('{words} {count}') with no source"
    return ""


@cache
def person_nouns() -> frozenset[str]:
    """WordNet noun.person nouns of the source lexicon ("critics", "residents"), without groups ("countries")."""
    return frozenset(e["id"] for e in load_lexicon("source_nouns_wordnet") if e.get("wordnet") == "noun.person")


def _persons(noun: Token) -> bool:
    """A plural noun for people: "many residents", not "many countries" or "most fields"."""
    return noun.ent_type_ == "NORP" or noun.lower_ == "people" or noun.lemma_.lower() in person_nouns()


def _counted_people(noun: Token) -> bool:
    """People counted ("100,000 Greeks", "700 asylum seekers"), not places or measures ("two towns", "14 feet")."""
    nationality = noun.tag_ == "NNPS" and noun.text.endswith("s")  # "100,000 Greeks" when NER misses it
    counted = noun.lemma_.lower() in COUNTED_AS_PEOPLE or noun.lower_ in COUNTED_AS_PEOPLE
    return noun.ent_type_ == "PERSON" or nationality or _persons(noun) or counted


COUNTED_AS_PEOPLE = frozenset("personnel staff troop crew dead injured wounded missing displaced".split())
"""Collective nouns and adjectives used as nouns that count people ("60,000 security personnel", "at least 30
injured")."""


def _phrase_in(tokens: list[Token], phrases: tuple[tuple[str, ...], ...]) -> str:
    """The first of ``phrases`` (lower-case word tuples) that the tokens contain, joined, or ``""``."""
    words = tuple(t.lower_ for t in tokens)
    for phrase in phrases:
        if any(words[k : k + len(phrase)] == phrase for k in range(len(words) - len(phrase) + 1)):
            return " ".join(phrase)
    return ""


def _cause(tokens: list[Token]) -> str:
    phrase = _phrase_in(tokens, CAUSE_PHRASES)
    if phrase and not _public_reason(tokens, phrase):
        return f"a cause ('{phrase}') stated with no source"
    for t in tokens:
        if t.lemma_.lower() in CAUSE_WORDS and t.pos_ == "VERB" and not _accusation(t):
            return f"a cause ('{t.text}') stated with no source"
        risk = next((c for c in t.children if c.dep_ in ("dobj", "nsubjpass") and c.lemma_.lower() in RISKS), None)
        if risk is not None and t.lemma_.lower() in CHANGE | {"raise", "lower"} and t.pos_ == "VERB":
            return f"a cause ('{t.text} {risk.text}') stated with no source"
        preps = {c.lower_ for c in t.children if c.dep_ == "prep"}
        link = next((p for verb, p in CAUSE_LINKS if verb == t.lemma_.lower() and p in preps), "")
        if link and t.pos_ == "VERB" and t.tag_ not in ("VB", "VBG"):
            if any(c.dep_ == "nsubj" and c.lemma_.lower() in WAYS for c in t.children):
                continue  # "the road leads to the harbour": a direction, not a cause
            return f"a cause ('{t.text} {link}') stated with no source"
    return ""


RULE_NOUNS = frozenset(
    "law legislation rule regulation policy statute ruling order requirement decree constitution treaty".split()
)
"""Rules as reasons: "withheld owing to privacy legislation" names a public rule, which the reader can check."""


def _public_reason(tokens: list[Token], phrase: str) -> bool:
    """ "owing to Polish privacy legislation": the reason is a rule; "As a result, the Supreme Court brought
    the case": the effect is a named body's own act. Either way the phrase joins two public facts, not a
    cause only the writer vouches for."""
    words = phrase.split()
    k = next(i for i in range(len(tokens)) if [t.lower_ for t in tokens[i : i + len(words)]] == words)
    last = tokens[k + len(words) - 1]
    reason = next((c for c in last.children if c.dep_ == "pobj"), None)
    if reason is not None and reason.lemma_.lower() in RULE_NOUNS:
        return True
    effect = tokens[k].head if words[0] == "as" else None
    subject = next((c for c in effect.children if c.dep_ == "nsubj"), None) if effect is not None else None
    named = subject is not None and subject.ent_type_ in ("ORG", "PERSON", "GPE", "NORP")
    return named and effect.pos_ == "VERB" and effect.lemma_.lower() not in CHANGE | CAUSE_WORDS


def _accusation(verb: Token) -> bool:
    """ "The US blamed Iran for the attack", "in blaming Iran": someone's accusation, not the writer's cause
    ("the fire was blamed on faulty wiring" keeps its cause, and hides who blames)."""
    return verb.lemma_.lower() == "blame" and not any(c.dep_ == "auxpass" for c in verb.children)


def _degree(tokens: list[Token]) -> str:
    """ "The church is extremely critical of ...": a quality graded by the writer, with nothing measured."""
    for t in tokens:
        if t.pos_ != "ADJ" or t.lower_ in NOT_GRADED or t.tag_ in ("JJS", "JJR"):
            continue
        predicate = t.dep_ in ("acomp", "attr") or (t.dep_ == "amod" and t.head.dep_ in ("attr", "appos"))
        degree = next((c for c in t.children if c.dep_ == "advmod" and c.lower_ in DEGREE), None)
        if predicate and degree is not None:
            return f"a characterisation ('{degree.text} {t.text}') graded with no measure or source"
    return ""


def _judging_adverb(tokens: list[Token]) -> str:
    """ "fought heroically", "Tragically, ...": the writer's verdict on how or that something happened."""
    for t in tokens:
        if t.pos_ != "ADV" or t.dep_ != "advmod":
            continue
        if t.lower_ in STANCE_ADVERBS or _judging_base(t.lower_):
            return f"a judging adverb ('{t.text}'): the writer's verdict, not a checkable fact"
    return ""


@cache
def judging_adjectives() -> frozenset[str]:
    """The framing lexicon's evaluative adjectives ("heroic", "brutal"): their -ly adverbs judge an action."""
    return frozenset(e["id"] for e in load_lexicon("framing_loaded") if e["label"] == "evaluative")


NOT_JUDGING = frozenset({"historically"})
"""-ly adverbs that look made from an evaluative adjective but are not: "historically" is "historical" (in
the past), not "historic"."""


def _judging_base(adverb: str) -> str:
    """The evaluative adjective an -ly adverb is made from ("heroically" -> "heroic", "bravely" -> "brave")."""
    if not adverb.endswith("ly") or adverb in NOT_JUDGING:
        return ""
    stem = adverb[:-2]
    candidates = (stem, stem[:-2] if stem.endswith("al") else "", stem[:-1] + "y" if stem.endswith("i") else "")
    return next((c for c in candidates if c and c in judging_adjectives()), "")


MIND_VERBS = frozenset("feel realize realise trust fear resent regret enjoy love hate wish welcome".split())
"""Verbs of feeling and knowing: with someone else as subject, the writer claims to know their mind."""


def _mind(tokens: list[Token]) -> str:
    """ "She fell in love with him", "he felt compelled to ...": someone's inner life, stated as fact."""
    for t in tokens:
        if t.pos_ != "VERB":
            continue
        subject = next((c for c in t.children if c.dep_ == "nsubj"), None)
        if subject is None or subject.lower_ in ("i", "we", "you", "it", "this", "that") or _comparison(t):
            continue
        fell_in_love = (
            t.lemma_ == "fall"
            and any(c.dep_ == "prep" and c.lower_ == "in" for c in t.children)
            and any(w.lower_ == "love" for w in t.subtree)
        )
        if t.lemma_.lower() in MIND_VERBS or fell_in_love:
            return f"a feeling or thought ascribed to someone ('{t.text}'): how does the writer know?"
    return ""


def _comparison(verb: Token) -> bool:
    """ "as many terms as voters wish": the verb only sets a measure ("as", "than"), it ascribes no feeling."""
    return any(c.dep_ == "mark" and c.lower_ in ("as", "than") for c in verb.children)


LIKENESS = frozenset("reminiscent similar akin comparable analogous".split())
"""Adjectives by which the writer likens one thing to another ("reminiscent of", "similar to")."""


STATES = frozenset(
    "available unavailable unknown unclear able unable eligible ready due open free present absent".split()
)
"""Adjectives that state a situation, not a quality of a kind ("tickets are available", "details are unclear")."""


def _generic(tokens: list[Token]) -> str:
    """ "Fires are common in India": a quality ascribed to a whole kind (a bare plural), in the present tense,
    at no particular time ("tickets are available until Friday" is a notice)."""
    if any(t.ent_type_ in ("DATE", "TIME") for t in tokens):
        return ""
    for t in tokens:
        if t.dep_ != "acomp" or t.pos_ != "ADJ" or t.tag_ != "JJ" or t.head.lemma_ != "be" or t.head.tag_ != "VBP":
            continue
        if t.lower_ in STATES:
            continue
        subject = next((c for c in t.head.children if c.dep_ == "nsubj"), None)
        if subject is not None and subject.tag_ == "NNS" and not _determined(subject):
            return f"a generalisation about a kind ('{subject.text} are {t.text}') with no source"
    return ""


def _determined(noun: Token) -> bool:
    """ "the schemes", "these fires", "many fires", "fires there": the plural picks out particular things."""
    return any(c.dep_ in ("det", "poss", "nummod", "predet", "relcl", "acl", "prep") for c in noun.children) or any(
        c.dep_ == "amod" and c.lower_ in VAGUE_DETERMINERS for c in noun.children
    )


def _likeness(tokens: list[Token]) -> str:
    """ "The incident is reminiscent of two others": the writer draws a likeness, a characterisation."""
    for t in tokens:
        compared = any(c.dep_ == "prep" and c.lower_ in ("of", "to") for c in t.children)
        predicate = t.dep_ in ("acomp", "attr") or (t.dep_ == "amod" and t.head.dep_ in ("attr", "appos"))
        if t.lower_ in LIKENESS and compared and predicate:
            return f"a likeness drawn ('{t.text}') with no source"
    return ""


MOTIVE_PHRASES = (("in", "order", "to"), ("so", "that"), ("so", "as", "to"))
AIMING_VERBS = frozenset("seek aim try attempt hope intend want".split())
"""Verbs of aiming: as a bare participle beside the main verb ("popped up seeking to capitalize") they ascribe a
purpose. Purpose nouns ("in an effort to", "in a bid to") were tried and left out: in news they mostly give
the stated aim of an official act ("designated a hospital in an effort to ..."), which no editor questions."""


def _motive(tokens: list[Token]) -> str:
    """ "so they could be closer", "in order to keep the exemption": why someone acted, stated as fact."""
    phrase = _phrase_in(tokens, MOTIVE_PHRASES)
    if phrase:
        return f"a motive ('{phrase}') ascribed with no source"
    for k, t in enumerate(tokens[:-2]):
        if t.lower_ == "so" and t.dep_ == "mark" and tokens[k + 2].lower_ in ("could", "would", "might"):
            return f"a motive ('so {tokens[k + 1].text} {tokens[k + 2].text}') ascribed with no source"
        aiming = t.tag_ == "VBG" and t.dep_ in ("advcl", "acl") and t.lemma_.lower() in AIMING_VERBS
        bare = not any(c.dep_ in ("aux", "nsubj", "mark") for c in t.children)  # not "when I was trying to"
        if aiming and bare and any(c.dep_ == "xcomp" and _to_infinitive(c) for c in t.children):
            return f"a motive ('{t.text} to') ascribed with no source"
    return ""


def _superlative(tokens: list[Token]) -> str:
    """ "one of the most popular", "the UK's most prestigious award" in an apposition: a ranking that
    characterises, not a measured result."""
    words = [t.lower_ for t in tokens]
    for t in tokens:
        ranked = t.tag_ == "JJS" or (t.lower_ == "most" and t.head.pos_ == "ADJ")
        if ranked and t.lower_ not in NOT_RANKING and _in_apposition(t):
            phrase = t.text if t.lower_ != "most" else f"most {t.head.text}"
            return f"a ranking ('{phrase}') used to characterise, with no source"
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


def _in_apposition(token: Token) -> bool:
    """The token modifies a noun phrase set beside another as its description ("X, the best Y")."""
    for ancestor in [token, *token.ancestors]:
        if ancestor.dep_ == "appos":
            return True
        if ancestor.pos_ == "VERB":
            return False
    return False


def _evaluative(tokens: list[Token]) -> str:
    words = evaluative_words()
    for t in tokens:
        if t.pos_ != "ADJ" or t.lower_ not in words or t.lower_.endswith("ed"):
            continue  # participles ("infected", "jailed") describe a state, not a judgement
        characterises = t.dep_ == "amod" and t.head.dep_ in ("appos", "attr")  # "a fantastic display", "a cruel man"
        if characterises:
            return (
                f"evaluative word '{t.text}' (VADER rating {words[t.lower_]:+.1f}): a judgement, not a checkable fact"
            )
    return ""


def _generalisation(tokens: list[Token]) -> str:
    """ "Entrepreneurs frequently face ...": a claim about how things usually are."""
    for t in tokens:
        if t.lower_ in FREQUENCY and t.dep_ in ("advmod", "neg") and t.head.pos_ in ("VERB", "AUX"):
            return f"a generalisation ('{t.text}') with no source"
    return ""


def _prescription(tokens: list[Token]) -> str:
    """ "The state must protect property rights": what ought to be, in the article's own voice."""
    for t in tokens:
        if t.lower_ in NECESSITY and t.tag_ == "MD" and _main_verb(t.head) and not _first_person(t.head):
            return f"a prescription ('{t.text}') in the article's own voice"
    return ""


def _conclusion(tokens: list[Token]) -> str:
    """ "It follows that ...", "thus": a conclusion the text draws itself."""
    words = [t.lower_ for t in tokens]
    for k, t in enumerate(tokens):
        if t.lower_ in CONCLUSIONS and t.dep_ == "advmod" and not _first_person(t.head):
            return f"a conclusion ('{t.text}') drawn with no source"
        if t.lemma_ == "follow" and k > 0 and words[k - 1] == "it" and k + 1 < len(words) and words[k + 1] == "that":
            return "a conclusion ('it follows that') drawn with no source"
    return ""


def _prediction(tokens: list[Token]) -> str:
    """ "This system will facilitate new research": a forecast stated as fact."""
    if any(t.ent_type_ in ("DATE", "TIME") for t in tokens):
        return ""  # "will launch on April 29": a schedule, not a forecast
    for t in tokens:
        if t.lower_ in ("will", "'ll") and t.tag_ == "MD" and _main_verb(t.head):
            subject = next((c for c in t.head.children if c.dep_ in ("nsubj", "nsubjpass")), None)
            if subject is None or subject.lower_ in ("you", "we", "i"):
                continue  # "you will learn": a textbook's plan for its reader, not a claim
            return f"a prediction ('{t.text} {t.head.text}') with no source"
    return ""


def _importance(tokens: list[Token]) -> str:
    """ "the role of the state is essential", "a significant organisation": importance asserted, not shown."""
    for t in tokens:
        if t.lower_ in IMPORTANCE and t.pos_ == "ADJ" and t.dep_ in ("amod", "acomp"):
            return f"importance asserted ('{t.text}') with no source"
    return ""


def _first_person(verb: Token) -> bool:
    """ "I must put America first", "Therefore, I shall resign": the speaker's own decision, not a claim."""
    return any(c.dep_ in ("nsubj", "nsubjpass") and c.lower_ == "i" for c in verb.children)


def _main_verb(verb: Token) -> bool:
    while verb.dep_ == "conj":
        verb = verb.head
    return verb.dep_ == "ROOT"


_RULES = {
    "hidden_actor": _hidden_actor,
    "hidden_source": _hidden_source,
    "vague_group": _vague_group,
    "trend": _trend,
    "figure_change": _figure_change,
    "proportion": _proportion,
    "estimate": _estimate,
    "cause": _cause,
    "superlative": _superlative,
    "evaluative": _evaluative,
    "degree": _degree,
    "judging_adverb": _judging_adverb,
    "mind": _mind,
    "motive": _motive,
    "generic": _generic,
    "likeness": _likeness,
    "generalisation": _generalisation,
    "prescription": _prescription,
    "conclusion": _conclusion,
    "prediction": _prediction,
    "importance": _importance,
}
