"""Attributions: who is credited with what, found on one parsed Doc.

Rules, each named in the ``rule`` of what it finds:

- ``verb:<lemma>``: a reporting verb (``speech_verbs`` lexicon) with a subject
  and content: a clause (also before the cue: "CLAUSE, the agency said"; or
  the main clause of "As X told Y, CLAUSE"), an object where the verb allows
  one ("highlighted the attacks"), an adjacent quotation ('"...," said X',
  'X said, "..."', also split around the cue), or the text of a dialogue-dash
  paragraph ending in ", says X";
- ``passive:<lemma>``: "This was conveyed by X" (a bare "this" is the sentence before);
- ``according_to``, ``stance_adjective:<word>`` ("are concerned", "were
  critical of"), ``speech_noun:<noun>`` ("have given signals that");
- ``in_statement:<noun>``: a verb outside the lexicon whose words come from a
  statement, letter or interview ("the union, in a statement, rejected ...");
- ``colon``: "Anna Berg: ..." (a named speaker, a colon, the statement);
  ``colon:turn``: an interview answer after its speaker label, running on
  over the paragraphs after it (the interviewer's turns credit nobody);
- ``dash_signature``: a quotation paragraph signed after a dash ("— Peres").

Reporting verbs come from the hand list (``speech_verbs``) and from WordNet
(``reporting_verbs_wordnet``); a verb only WordNet lists needs a subject that
can speak and a that-clause or quotation. "I"/"we" outside any quotation is
the author (a speech, an essay), not a source.

No attribution for negated cues, infinitives ("to convey"), bare participles,
or cues without content (guidelines rule 3); their subjects are kept as
sources without content. Quotations that follow with no cue of their own
continue an attribution, a cue sentence ending in ":" governs the bulleted
list or quotation after it, and a dash paragraph without a cue continues the
dash quote before it. Offsets are those of ``doc.text`` (the article body).
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field, replace
from functools import cache

from spacy.tokens import Doc, Token

from medialit.core.article import Article
from medialit.core.spans import Attribution, Span
from medialit.nlp.lexicons import load_lexicon
from medialit.nlp.quotes import MARKS as QUOTE_MARKS
from medialit.nlp.quotes import Quote, find_quotes
from medialit.nlp.sources import SPEAKER_PRONOUNS, SpeakerResolver

SUBJECTS = ("nsubj", "nsubjpass", "csubj")
CONTENT_DEPS = ("ccomp", "xcomp", "dobj", "oprd", "dative", "prep", "advcl", "attr")
CLAUSE_DEPS = ("ccomp", "xcomp")
NO_SOURCE = frozenset(
    "there what which you 's ’s us anyone anybody everyone everybody nobody whoever".split()
)  # "let's say", "anyone can explain": nobody in particular speaks
STATEMENT_NOUNS = frozenset("statement interview letter speech tweet post email release communique op-ed".split())
LIGHT_VERBS = frozenset("give send issue make release express voice raise".split())
"""Verbs that with a speech noun make a cue ("issued a statement", "gave assurances")."""
MAKING_VERBS = LIGHT_VERBS | frozenset("write publish post sign send read draft put".split())
"""Verbs of making or handling a statement: "the statement that it issued" is a relative clause."""
_GAP_BEFORE = re.compile(r"^[\s,:;\"'”“’‘»«)\]]*$")  # no sentence end between quote and cue
_GAP_AFTER = re.compile(r"^[\s,:;–—-]*$")
_SIGNATURE = re.compile(r"\s*([—–]|--)\s*([A-Z][\w.’'-]*(?: [A-Z][\w.’'-]*){0,3})(?:[,.].*)?\s*$")
_LABEL = re.compile(r"([A-Z][\w.’'-]*(?: [A-Z][\w.’'-]*){0,3}): ")  # "Tina McKenzie: " opening a paragraph


@dataclass(frozen=True)
class Found:
    """Attributions plus the spans that continue one (dash paragraphs without a cue)."""

    attributions: list[Attribution]
    continuations: list[Span] = field(default_factory=list)
    kinds: dict[str, str] = field(default_factory=dict)
    silent: list[tuple[str, Span]] = field(default_factory=list)
    names: dict[str, list[Span]] = field(default_factory=dict)
    """Every place each person source is named, by full name."""
    """Sources that were contacted or did not comment (guidelines rule 3): (speaker, mention)."""


VERB_LEXICONS = (
    ("speech_verbs", False),
    ("reporting_verbs_wordnet", True),
    ("communication_verbs_wordnet", True),
)
"""The hand list first; verbs only WordNet lists are ``strict`` (see ``verb_lexicon``)."""
SPEECH_ONLY = "communication_verbs_wordnet"
"""The tier of verbs that are cues only where the syntax shows speech (a framed quotation or a that-clause)."""


@cache
def verb_lexicon() -> dict[str, dict]:
    """Reporting verbs by lemma; a phrasal one by lemma and particle or preposition ("point out", "call for").

    The hand list (``speech_verbs``) comes first; verbs only WordNet lists
    (``reporting_verbs_wordnet``, ``communication_verbs_wordnet``) are marked
    ``strict``: they count only with a subject that can speak and a
    that-clause or a quotation as content.
    """
    out: dict[str, dict] = {}
    for name, strict in VERB_LEXICONS:
        for entry in load_lexicon(name):
            words = entry["id"].split("_")
            out.setdefault(
                " ".join(words),
                {**entry, "particle": words[1] if len(words) > 1 else "", "strict": strict, "lexicon": name},
            )
    return out


@cache
def phrase_lexicon() -> dict[str, dict[str, dict]]:
    """Cue phrases by label: stance adjectives and speech nouns by their word."""
    out: dict[str, dict[str, dict]] = {"CUE_ADJ": {}, "CUE_NOUN": {}}
    for entry in load_lexicon("cue_phrases"):
        if entry["label"] in out:
            out[entry["label"]][entry["id"]] = entry
    return out


def verb_lemma(token: Token) -> str:
    """The token's lemma, mended where the lemmatizer slips on a reporting verb ("rates" -> "rat")."""
    lemma = token.lemma_.lower()
    if _reports(lemma) or token.tag_ not in ("VBZ", "VBD", "VBN"):
        return lemma
    stem = token.lower_[:-1]  # "rates", "rated" -> "rate"
    return stem if _reports(stem) else lemma


def _reports(lemma: str) -> bool:
    entry = verb_lexicon().get(lemma)
    return entry is not None and entry["lexicon"] != SPEECH_ONLY


def lexicon_entry(token: Token) -> dict | None:
    """The lexicon entry of ``token`` as a verb: its phrasal reading first ("pointed out"), else the word alone.

    A preposition makes a phrasal reading only in the hand and that-clause
    lists: in the speech-only tier "write in" or "call on" would read "wrote in
    a blog post" as one verb.
    """
    lemma = verb_lemma(token)
    lexicon = verb_lexicon()
    for child in token.children:
        if child.dep_ == "prt" or (child.dep_ == "prep" and child.i == token.i + 1):
            entry = lexicon.get(f"{lemma} {child.lower_}")
            if entry is not None and (child.dep_ == "prt" or entry["lexicon"] != SPEECH_ONLY):
                return entry
    return lexicon.get(lemma)


def reporting_entry(token: Token) -> dict | None:
    """The entry of a reporting verb, if ``token`` is one (with its particle: "pointed out", not "pointed").

    Verbs of the speech-only tier ("continued", "joked") report only where the
    attribution rules see speech, so they do not count here.
    """
    entry = lexicon_entry(token)
    return None if entry is None or entry["lexicon"] == SPEECH_ONLY else entry


def find_attributions(doc: Doc, article: Article | None = None) -> Found:
    """Every attribution in ``doc`` (parsed from the article body), in text order."""
    finder = _Finder(doc, article or Article(body=doc.text))
    return finder.run()


class _Finder:
    def __init__(self, doc: Doc, article: Article) -> None:
        self.doc = doc
        self.body = doc.text
        self.article = article
        self.quotes = find_quotes(self.body)
        self.quote_starts = [q.start for q in self.quotes]
        self.blocks = article.paragraphs
        self.block_starts = [b.start for b in self.blocks]
        self.resolver = SpeakerResolver(doc)
        self.silent_tokens: list[tuple[Token, str]] = []

    # ------------------------------------------------------------ driver

    def run(self) -> Found:
        raw: list[tuple[Token, dict]] = []
        used: set[int] = set()
        for token in self.doc:
            candidate = self._candidate(token)
            if candidate and token.i not in used:
                used.add(token.i)
                raw.append((token, candidate))
        raw += [(c["source"], c) for c in self._colon_statements(used) + self._signed_quotes(used)]
        raw.sort(key=lambda item: item[1]["cue"][0])
        attributions = []
        for _, cand in raw:
            attribution = self._build(cand, attributions)
            if attribution.speaker and all(p.start < p.end for p in attribution.spans()):  # nothing empty
                attributions.append(attribution)
        attributions = self._govern_following(attributions)
        attributions = self._quoted_speakers(self._outside_turns(attributions))
        continuations = self._dash_continuations(attributions)
        silent = self._silent_sources(attributions)
        return Found(attributions, continuations, dict(self.resolver.kinds), silent, self.resolver.name_mentions())

    def _silent_sources(self, attributions: list[Attribution]) -> list[tuple[str, Span]]:
        out = []
        for token, reason in self.silent_tokens:
            if token.pos_ == "PRON":
                continue
            extent = _trim(self.body, token.left_edge.idx, token.idx + len(token))  # the noun, not what follows it
            speaker, _ = self.resolver.resolve(token, extent, attributions)
            out.append((speaker, Span(extent[0], extent[1], "source", (reason,))))
        return out

    def _note_silent(self, verb: Token) -> None:
        """Rule 3: "X did not comment", "X was contacted": X is a source without content."""
        if verb.lemma_ == "contact":
            target = next((c for c in verb.children if c.dep_ in ("dobj", "nsubjpass")), None)
            if target is not None and target.pos_ in ("NOUN", "PROPN"):
                self.silent_tokens.append((target, "contacted, no content (rule 3)"))
            return
        subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
        if verb.dep_ == "xcomp" and verb.head.lemma_ in ("decline", "refuse"):
            subject = next((c for c in verb.head.children if c.dep_ == "nsubj"), None)
        if subject is not None and subject.pos_ in ("NOUN", "PROPN"):
            self.silent_tokens.append((subject, f"'{verb.text}' without content (rule 3)"))

    def _outside_turns(self, attributions: list[Attribution]) -> list[Attribution]:
        """Drop cues with a pronoun subject inside an interview turn: "I think", "they say" are part of the answer."""
        turns = [a.content for a in attributions if a.rule == "colon:turn"]

        def nested(a: Attribution) -> bool:
            pronoun = a.source.text(self.body).lower() in SPEAKER_PRONOUNS | {"it"}
            return pronoun and a.rule != "colon:turn" and any(t.start <= a.cue.start < t.end for t in turns)

        return [a for a in attributions if not nested(a)]

    def _quoted_speakers(self, attributions: list[Attribution]) -> list[Attribution]:
        """'I' or 'we' inside somebody's quotation is that somebody; outside any, the author speaking."""
        out = []
        for attribution in attributions:
            if attribution.source.text(self.body).lower() in SPEAKER_PRONOUNS:
                outer = next(
                    (
                        other
                        for other in attributions
                        if other is not attribution
                        and other.content.start <= attribution.source.start < other.content.end
                    ),
                    None,
                )
                if outer is not None and outer.source.text(self.body).lower() in SPEAKER_PRONOUNS:
                    outer = None if self._in_quote(outer.source.start) else outer  # 'we suggest ... we propose'
                    if outer is None:
                        continue
                if outer is not None:
                    rule = f"{attribution.rule}; speaker '{attribution.source.text(self.body)}' -> {outer.speaker}"
                    attribution = replace(attribution, speaker=outer.speaker, rule=rule)
                elif not self._in_quote(attribution.source.start):
                    continue  # 'I say' in the text's own voice (a speech, an essay): the author, not a source
            out.append(attribution)
        return out

    def _candidate(self, token: Token) -> dict | None:
        lower = token.lower_
        if lower == "according" and any(c.lower_ == "to" for c in token.children):
            return self._according_to(token)
        if lower in phrase_lexicon()["CUE_ADJ"]:
            return self._stance_adjective(token)
        if token.lemma_.lower() in phrase_lexicon()["CUE_NOUN"] and token.dep_ == "dobj":
            found = self._speech_noun(token)
            if found is not None or token.lemma_.lower() not in content_nouns():
                return found
        if token.pos_ == "NOUN" and token.lemma_.lower() in content_nouns() and (found := self._content_noun(token)):
            return found
        view = token.dep_ == "pobj" and token.head.lower_ in ("in", "from")
        if view and token.lemma_.lower() in content_nouns() and (found := self._in_view(token)):
            return found
        if token.lemma_ == "read" and token.pos_ == "VERB":
            return self._document_reads(token)
        if token.lemma_.lower() in STATEMENT_NOUNS and token.dep_ == "pobj" and token.head.lower_ == "in":
            return self._in_statement(token)
        if token.lemma_ == "contact" and token.pos_ == "VERB":
            self._note_silent(token)
            return None
        entry = lexicon_entry(token)
        if entry and entry["lexicon"] != SPEECH_ONLY and token.dep_ == "nsubj" and token.tag_ in ("VBZ", "VBD"):
            return self._headline_clause(token, entry)
        if entry and (token.pos_ in ("VERB", "AUX") or _verb_tagged_as_noun(token)):
            return self._verb(token, entry)
        return None

    def _headline_clause(self, verb: Token, entry: dict) -> dict | None:
        """ "Greek court rules worship of deities is legal": a headline the parser read as "[court rules
        worship] is legal"; the verb's own left noun is the speaker and the rest of the line its content."""
        subject = next((c for c in verb.lefts if c.dep_ in ("compound", "nsubj") and _can_speak(c)), None)
        clause = verb.head
        finite = clause.tag_ in ("VBZ", "VBD", "VBP", "MD")  # "[...] is legal": the rest is a clause
        if subject is None or clause.i < verb.i or not finite or self._in_quote(verb.idx):
            return None
        start = verb.idx + len(verb)
        end = clause.right_edge.idx + len(clause.right_edge)
        content = _trim(self.body, start, end)
        if content[1] <= content[0]:
            return None
        cue = (verb.idx, start)
        return {"cue": cue, "source": subject, "content": content, "how": "clause", "rule": f"verb:{entry['id']}"}

    # ------------------------------------------------------------ cue rules

    def _verb(self, verb: Token, entry: dict) -> dict | None:
        if verb.lemma_ == "call" and any(c.lower_ == "home" for c in verb.children):
            return None  # "will call the museum home": lives there, says nothing
        if entry["particle"] and not any(
            c.dep_ in ("prt", "prep") and c.lower_ == entry["particle"] for c in verb.children
        ):
            return None
        if any(c.dep_ == "neg" for c in verb.children):
            self._note_silent(verb)
            return None
        passive = any(c.dep_ in ("nsubjpass", "auxpass") for c in verb.children)
        agent = next((c for c in verb.children if c.dep_ == "agent"), None)
        if passive:
            speech = entry["stance"] in ("neutral", "evaluative")
            return self._passive(verb, agent, entry) if agent is not None and speech else None
        if verb.tag_ == "VBN" and not any(c.dep_ in ("aux", "auxpass") for c in verb.children):
            return self._as_reported(verb, agent, entry)  # "the taxes requested in arrears": nobody speaks
        went_on = verb.dep_ == "xcomp" and (
            (verb.head.lemma_ == "go" and any(c.lower_ == "on" for c in verb.head.children))
            or (verb.head.lemma_ in ("report", "quote", "say") and any(c.dep_ == "auxpass" for c in verb.head.children))
        )  # "went on to say", "is reported to have said": the subject spoke
        if any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children) and not went_on:  # "went on to say"
            if verb.dep_ == "xcomp" and verb.head.lemma_ in ("decline", "refuse"):
                self._note_silent(verb)
            return None  # "to convey ...": an intention or duty, not a statement
        subject = self._subject(verb)
        if subject is None or subject.lower_ in NO_SOURCE or subject.dep_ == "expl":
            return None
        if subject.lower_ in ("that", "this") and subject.i == verb.i - 1 and _next_is_comma(verb):
            return None  # "That said, ...": a linking phrase, nobody speaks
        if self._in_quote(subject.idx) and not self._in_quote(verb.idx):
            return None  # a subject inside a quotation is not the source of a cue outside it
        if entry["stance"] in ("cognition", "evidential") and self._reported(verb):
            return None  # "X noted [the findings show ...]": the embedded finding is X's statement
        if entry["stance"] in ("cognition", "evidential", "directive") and subject.lower_ in ("i", "we"):
            return None  # "I think", "we urge" inside a statement belong to that statement
        naming = entry["stance"] == "naming" and any(c.dep_ == "oprd" for c in verb.children)  # "calling it a farce"
        if subject.head.i != verb.i and entry["content"] == "object" and not naming:
            entry = {**entry, "content": "clause"}  # a shared subject ("..., denying them entry") needs a clause
        if entry["strict"] and (not _can_speak(subject) or self._in_quote(verb.idx)):
            return None  # a WordNet-only verb needs a subject that can be a source, outside quotations
        if entry["stance"] in ("cognition", "evidential") and _document(subject) and entry["content"] == "clause":
            entry = {**entry, "content": "object"}  # "one study found no changes": a finding as a noun phrase
        cue = self._cue_extent(verb, entry)
        content, how = self._content(verb, subject, cue, entry)
        if entry["strict"] and how == "clause" and not _that_clause(verb):
            return None
        if entry["lexicon"] == SPEECH_ONLY and not (
            self._frames_quote(cue, content) if how == "quote" else how == "dash" or _that_marked(verb)
        ):
            return None  # '"End." Smith continued to work', "identified how ...": no sign of speech
        if content is None:
            if entry["id"] in ("comment", "respond", "reply", "answer"):
                self._note_silent(verb)
            return None
        return {"cue": cue, "source": subject, "content": content, "how": how, "rule": f"verb:{entry['id']}"}

    def _as_reported(self, verb: Token, agent: Token | None, entry: dict) -> dict | None:
        """ "As reported by the BBC, CLAUSE": a participle after "as" with its agent credits the main clause."""
        if agent is None or entry["strict"] or not any(c.dep_ == "mark" and c.lower_ == "as" for c in verb.children):
            return None
        source = next((c for c in agent.children if c.dep_ == "pobj"), None)
        content = self._as_clause(verb) if verb.dep_ == "advcl" else None
        if source is None or content is None:
            return None
        cue = (verb.idx, agent.idx + len(agent))
        return {"cue": cue, "source": source, "content": content, "how": "clause", "rule": f"as_reported:{entry['id']}"}

    def _frames_quote(self, cue: tuple[int, int], content: tuple[int, int] | None) -> bool:
        """A quotation tied to its cue as speech is: '"...," she continued', '"...?" he asked', 'X added: "..."'."""
        if content is None:
            return False
        if content[1] <= cue[0]:
            return "," in self.body[content[1] : cue[0]] or self.body[content[1] - 1] in ",?!—–"
        return any(mark in self.body[cue[1] : content[0]] for mark in ",:")

    def _passive(self, verb: Token, agent: Token, entry: dict) -> dict | None:
        source = next((c for c in agent.children if c.dep_ == "pobj"), None)
        target = next((c for c in verb.children if c.dep_ == "nsubjpass"), None)
        if source is None or target is None:
            return None
        aux = [c for c in verb.children if c.dep_ == "auxpass"]
        cue = (min([verb.idx] + [a.idx for a in aux]), agent.idx + len(agent))
        if target.lower_ in ("this", "that") and target.n_lefts + target.n_rights == 0:
            previous = self._previous_sentence(target.idx)
            if previous is None:
                return None
            content = previous
        else:
            content = self._extent(target)
        return {"cue": cue, "source": source, "content": content, "how": "clause", "rule": f"passive:{entry['id']}"}

    def _according_to(self, token: Token) -> dict | None:
        to = next(c for c in token.children if c.lower_ == "to")
        source = next((c for c in to.children if c.dep_ == "pobj"), None)
        if source is None:
            return None
        source_end = self._extent(source)[1]
        sentence = self._sentence_of(token.idx)
        if sentence is None:
            return None
        start, end = sentence
        after = _trim(self.body, source_end, end)
        # "According to X, CLAUSE" / "which, according to X, CLAUSE" / "CLAUSE, according to X."
        content = after if after[1] > after[0] else (start, token.idx)
        content = _trim(self.body, *content)
        if content[1] <= content[0]:
            return None
        cue = (token.idx, to.idx + len(to))
        return {"cue": cue, "source": source, "content": content, "how": "clause", "rule": "according_to"}

    def _in_statement(self, noun: Token) -> dict | None:
        """ "The ministry, in a statement, described the move as illegal": a verb outside the lexicon
        becomes a cue when its subject can speak and the words come from a statement, letter or interview."""
        verb = noun.head.head
        entry = lexicon_entry(verb)
        if entry and (not entry["strict"] or _that_clause(verb)):
            return None  # the verb rule finds it
        if verb.pos_ != "VERB" or any(c.dep_ == "neg" for c in verb.children):
            return None
        subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
        if subject is None or not _can_speak(subject) or self._in_quote(verb.idx):
            return None
        parts = [c for c in verb.children if c.dep_ in ("dobj", "ccomp", "xcomp", "oprd", "attr") and c.i > verb.i]
        parts += [c for c in verb.children if c.dep_ == "prep" and c.lower_ == "as" and c.i > verb.i]
        if not parts:
            return None
        phrase = noun.head
        cue = (phrase.idx, noun.idx + len(noun))  # "in a statement"
        start = min(self._extent(p)[0] for p in parts)
        end = max(self._extent(p)[1] for p in parts)
        if phrase.i > verb.i and start < phrase.idx < end:
            return None  # the statement phrase inside the content: not this construction
        content = _trim(self.body, start, end)
        rule = f"in_statement:{noun.lemma_.lower()}"
        return {"cue": cue, "source": subject, "content": content, "how": "clause", "rule": rule}

    def _stance_adjective(self, adj: Token) -> dict | None:
        copula = adj.head if adj.dep_ == "acomp" else adj
        if not any(c.lemma_ == "be" for c in [*copula.children, copula]):
            return None
        subject = next((c for c in copula.children if c.dep_ in SUBJECTS), None)
        if subject is None or subject.lower_ in ("it", "there"):
            return None
        content_head = next((c for c in adj.children if c.dep_ == "ccomp"), None)
        prep = next((c for c in adj.children if c.dep_ == "prep" and c.lower_ in ("of", "about")), None)
        if content_head is None and prep is not None:
            content_head = next((c for c in prep.children if c.dep_ in ("pobj", "pcomp")), None)
        if content_head is None:
            return None
        be = next((c for c in copula.children if c.lemma_ == "be"), copula)
        cue_end = (prep.idx + len(prep)) if prep is not None and prep.i < content_head.i else adj.idx + len(adj)
        cue = (min(be.idx, adj.idx), cue_end)
        content = self._extent(content_head)
        return {
            "cue": cue,
            "source": subject,
            "content": content,
            "how": "clause",
            "rule": f"stance_adjective:{adj.lower_}",
        }

    def _speech_noun(self, noun: Token) -> dict | None:
        """ "issued a statement that ...", "a statement condemning ...", or a statement then a quotation."""
        verb = noun.head
        if verb.lemma_ not in LIGHT_VERBS:
            return None
        subject = self._subject(verb)
        if subject is None or not _can_speak(subject):
            return None  # "the fire raised fears that ...": nobody speaks
        aux = [c.idx for c in verb.children if c.dep_ in ("aux", "auxpass")]
        cue = (min([verb.idx, *aux]), noun.idx + len(noun))
        clause = next((c for c in noun.children if c.dep_ in ("acl", "ccomp", "relcl")), None)
        clause = clause or next((c for c in verb.children if c.dep_ == "ccomp"), None)
        if clause is not None and any(c.dep_ == "mark" for c in clause.children):
            content, how = self._extent(clause), "clause"
        elif clause is not None and clause.dep_ == "acl" and clause.tag_ == "VBG" and not _is_cue(clause):
            content, how = self._extent(clause), "clause"  # "a statement condemning the decision"
        elif noun.lemma_ in STATEMENT_NOUNS and (quote := self._quote_opening_next(noun)) is not None:
            content, how = (quote.start, quote.end), "quote"  # "issued a statement on the choice. \"Like many ...\""
        else:
            return None
        return {"cue": cue, "source": subject, "content": content, "how": how, "rule": f"speech_noun:{noun.lemma_}"}

    def _content_noun(self, noun: Token) -> dict | None:
        """ "Smith's claim that the vote was rigged", "the allegation by the union that ...": a noun of
        saying or thinking (WordNet noun.communication, noun.cognition) whose that-clause is credited to
        its possessor or its by/of/from phrase, when that can speak."""
        clause = next(
            (
                c
                for c in noun.children
                if c.dep_ in ("acl", "ccomp")
                and c.i > noun.i
                and any(m.dep_ == "mark" and m.lower_ == "that" for m in c.children)
                and any(t.tag_ in ("VBD", "VBZ", "VBP", "MD") for t in c.subtree)
            ),
            None,
        )
        after_colon = self._after_colon(noun) if clause is None else None
        if (clause is None and after_colon is None) or self._in_quote(noun.idx):
            return None
        owner = next((c for c in noun.children if c.dep_ == "poss"), None)
        if owner is None:
            by = next((c for c in noun.children if c.dep_ == "prep" and c.lower_ in ("by", "of", "from")), None)
            owner = next((c for c in by.children if c.dep_ == "pobj"), None) if by is not None else None
        if owner is None or not _can_speak(owner):
            return None  # "the claim that ...": nobody named holds it
        if owner.lower_ in ("i", "we", "my", "our") and not self._in_quote(owner.idx):
            return None
        cue = (noun.idx, noun.idx + len(noun))
        if after_colon is not None:  # "His response: "No comment.""
            content, how = after_colon
            return {"cue": cue, "source": owner, "content": content, "how": how, "rule": f"colon:{noun.lemma_.lower()}"}
        rule = f"noun_clause:{noun.lemma_.lower()}"
        return {"cue": cue, "source": owner, "content": self._extent(clause), "how": "clause", "rule": rule}

    def _after_colon(self, noun: Token) -> tuple[tuple[int, int], str] | None:
        """What follows "NOUN:" when the noun phrase is the whole of what stands before the colon."""
        if noun.dep_ != "ROOT":
            return None
        colon = next((t for t in self.doc[noun.i + 1 : noun.sent.end] if t.text == ":"), None)
        between = self.doc[noun.i + 1 : colon.i] if colon is not None else []
        if colon is None or any(t.head.i < noun.i or t.pos_ in ("VERB", "AUX") for t in between):
            return None  # "His response to the ruling:" only: no verb, nothing outside the noun phrase
        sentence = self._sentence_of(colon.idx)
        if sentence is None or self.doc[noun.left_edge.i].idx != sentence[0]:
            return None
        start, end = _trim(self.body, colon.idx + 1, sentence[1])
        if end > start:
            quoted = self.body[colon.idx + 1 : start + 1].strip()[:1] in QUOTE_MARKS
            return (start, end), "quote" if quoted else "clause"
        return self._block_after_colon(noun)

    def _in_view(self, noun: Token) -> dict | None:
        """ "In his view, CLAUSE", "From the union's perspective, CLAUSE", "In the words of X, CLAUSE": a view
        credited like "according to", when the clause's own verb is no cue ("In his speech, he said" is the verb's)."""
        prep, clause = noun.head, noun.head.head
        owner = next((c for c in noun.children if c.dep_ == "poss"), None)
        if owner is not None and "noun.cognition" not in content_nouns()[noun.lemma_.lower()]:
            return None  # a view ("his view", "the union's perspective"), not an act ("in their execution")
        of = next((c for c in noun.children if c.dep_ == "prep" and c.lower_ == "of"), None)
        if owner is None and of is not None and noun.lower_ == "words":  # "in the words of the minister"
            owner = next((c for c in of.children if c.dep_ == "pobj"), None)
        if owner is None or not _can_speak(owner) or self._in_quote(noun.idx) or clause.pos_ not in ("VERB", "AUX"):
            return None
        if reporting_entry(clause) is not None or prep.i > clause.i or self._sentence_of(prep.idx) is None:
            return None
        if owner.lower_ in ("my", "our") and not self._in_quote(owner.idx):
            return None  # the author's own view
        start = prep.right_edge.idx + len(prep.right_edge)
        content = _trim(self.body, start, self._sentence_of(prep.idx)[1])
        if content[1] <= content[0]:
            return None
        cue = (noun.idx, noun.idx + len(noun)) if owner.i < noun.i else (prep.idx, of.idx + len(of))
        return {"cue": cue, "source": owner, "content": content, "how": "clause", "rule": f"according_to:{noun.lemma_}"}

    def _document_reads(self, verb: Token) -> dict | None:
        """'The statement read: "..."': a document speaks through the quotation after it."""
        subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
        if subject is None or not (subject.lemma_.lower() in STATEMENT_NOUNS or _document(subject)):
            return None
        cue = self._cue_extent(verb, {})
        quote = self._quote_after(cue[1])
        if quote is None:
            return None
        return {"cue": cue, "source": subject, "content": (quote.start, quote.end), "how": "quote", "rule": "read"}

    def _quote_opening_next(self, token: Token) -> Quote | None:
        """The quotation that opens the text right after the token's sentence (nothing else between)."""
        sentence = self._sentence_of(token.idx)
        if sentence is None:
            return None
        quote = self._next_quote_start(sentence[1])
        if quote is None or self.body[sentence[1] : quote.open_mark].strip() or self._in_quote(token.idx):
            return None
        span = self.doc.char_span(*(self._sentence_of(quote.open_mark) or (0, 0)), alignment_mode="expand")
        if span is not None and any(_is_cue(t) and not quote.start <= t.idx < quote.end for t in span):
            return None  # '"...," it said.': the quotation has its own cue
        return quote

    def _colon_statements(self, used: set[int]) -> list[dict]:
        """'Smith: "We will win."' / 'Minister: talks have failed': a name, a colon, the statement.

        The words before the colon must be a short phrase with no verb naming
        a person, organisation or place the parser recognises (or a label that
        opens two or more paragraphs). A label opening a paragraph is an interview turn: its content is
        the whole paragraph, and the interviewer's turns (the outlet, or a
        label whose turns are mostly questions) credit nobody.
        """
        labels = []
        repeated = self._repeated_labels()
        for start, end in self.article.sentences:
            label = self._colon_label(start, end, repeated)
            if label is not None and label[0].i not in used:
                labels.append((start, end, *label))
        turns: dict[str, list[bool]] = {}
        for start, _, _, colon, block in labels:
            if block is not None and block.start == start:
                name = " ".join(self.body[start:colon].split())
                turns.setdefault(name, []).append(self.body[block.start : block.end].rstrip().endswith("?"))
        outlet = str(self.article.meta.get("outlet", "")).lower()
        asking = {name for name, ends in turns.items() if sum(ends) * 2 >= len(ends) or name.lower() == outlet}
        out = []
        for start, end, head, colon, block in labels:
            name = " ".join(self.body[start:colon].split())
            turn = block is not None and block.start == start
            if name in asking or name.lower() == outlet:
                continue
            content = _trim(self.body, colon + 1, self._turn_end(block, repeated) if turn else end)
            if content[1] <= content[0] or (not turn and len(self.body[content[0] : content[1]].split()) < 3):
                continue
            opening = self.body[colon + 1 : content[0] + 1].strip()[:1]
            quoted = not turn and (opening in QUOTE_MARKS or self._in_quote(content[0]))
            rule = "colon:turn" if turn else "colon"
            how = "quote" if quoted or turn else "clause"
            out.append({"cue": (colon, colon + 1), "source": head, "content": content, "how": how, "rule": rule})
        return out

    def _signed_quotes(self, used: set[int]) -> list[dict]:
        """A paragraph that is a quotation signed after a dash: '"..." — Peres, on the oil wealth.'"""
        out = []
        for block in self.blocks:
            text = self.body[block.start : block.end]
            if text[:1] not in QUOTE_MARKS:
                continue
            quote = next((q for q in self.quotes if block.start < q.start <= block.start + 1), None)
            if quote is None or quote.end > block.end:
                continue
            sign = _SIGNATURE.match(self.body, quote.outer_end, block.end)
            if sign is None:
                continue
            span = self.doc.char_span(sign.start(2), sign.end(2), alignment_mode="contract")
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

    def _turn_end(self, block, labels: set[str]) -> int:
        """An interview answer runs on over the following paragraphs until the next speaker label or a short heading."""
        k = self.blocks.index(block) + 1
        end = block.end
        while k < len(self.blocks):
            nxt = self.blocks[k]
            text = self.body[nxt.start : nxt.end]
            found = _LABEL.match(text)
            if (found and found.group(1) in labels) or (nxt.kind == "heading" and len(text.split()) <= 6):
                break
            end = nxt.end
            k += 1
        return end

    def _repeated_labels(self) -> set[str]:
        """Capitalised 'Label:' openings found on two or more paragraphs: the speakers of an interview."""
        seen: dict[str, int] = {}
        for block in self.blocks:
            found = _LABEL.match(self.body[block.start : block.end])
            if found:
                seen[found.group(1)] = seen.get(found.group(1), 0) + 1
        return {label for label, n in seen.items() if n >= 2}

    def _colon_label(self, start: int, end: int, repeated: set[str]):
        """(head token, colon position, paragraph) when the sentence opens with 'Name:' and a space."""
        text = self.body[start:end]
        colon = text.find(":")
        if colon <= 0 or colon > 60 or not text[colon + 1 : colon + 2].isspace():
            return None
        lead = self.doc.char_span(start, start + colon, alignment_mode="contract")
        if lead is None or not 1 <= len(lead) <= 6 or lead[0].like_num:
            return None  # "2. New Institutional Economics:" numbers a section
        head = lead.root
        block = self._block_of(start)
        if text[:colon] in repeated and block is not None and block.start == start:
            return head, start + colon, block  # "Snow: ..." on several paragraphs: an interview speaker
        if any(t.pos_ in ("VERB", "AUX") for t in lead) or head.pos_ not in ("PROPN", "NOUN") or not _can_speak(head):
            return None
        if not any(t.ent_type_ in ("PERSON", "ORG", "GPE", "NORP") for t in lead):
            group = self._group_label(lead, end)  # a group's label is a statement, never an interview turn
            return (head, start + colon, None) if group else None  # "Current topic: ..." names nobody
        return head, start + colon, block

    def _group_label(self, lead, end: int) -> bool:
        """ "Police: suspect arrested": a word for people or an institution, then a statement with a verb."""
        from medialit.nlp.sources import INSTITUTIONS, source_nouns, title_words, vague_heads

        lemma = lead.root.lemma_.lower()
        words = source_nouns() | vague_heads() | title_words() | INSTITUTIONS
        after = self.doc.char_span(lead.end_char + 1, end, alignment_mode="contract")
        return len(lead) <= 2 and lemma in words and after is not None and any(t.pos_ == "VERB" for t in after)

    # ------------------------------------------------------------ parts

    def _subject(self, verb: Token) -> Token | None:
        """The verb's subject, or the one it shares with the verb it depends on.

        "started asking" and "admitted ..., writing" share the subject of the
        head verb; "was quoted as saying" takes the passive subject. Through a
        loose adverbial link the shared subject must be able to speak (a name,
        an entity, a document or person noun), so "the request ... asking" is no source.
        """
        loose = False
        for seen in range(5):
            deps = ("nsubj", "csubj", "nsubjpass") if seen else ("nsubj", "csubj")
            subject = next((c for c in verb.children if c.dep_ in deps and not c.is_punct), None)
            if subject is None and verb.tag_ == "NNS" and verb.dep_ == "ROOT":  # "X notes, ..." tagged as a noun
                subject = next((c for c in verb.children if c.dep_ == "nmod" and c.i < verb.i), None)
            if subject is not None and subject.tag_ in ("WP", "WDT") and verb.dep_ == "relcl":
                person = subject.lower_ == "who"  # "Smith, who said ...": the pronoun stands for Smith
                subject = verb.head if person or _document(verb.head) else None  # "the report, which said"
            if subject is not None:
                return subject if not loose or _can_speak(subject) else None
            if verb.dep_ == "acl" and verb.tag_ == "VBN":
                return None  # "a user labelled X": a passive participle names, nobody speaks
            if verb.dep_ == "acl" and verb.head.pos_ in ("NOUN", "PROPN"):
                return verb.head if _can_speak(verb.head) else None
            if verb.dep_ == "pcomp" and verb.head.dep_ == "prep":  # "quoted as saying"
                verb = verb.head.head
                quoted = next((c for c in verb.children if c.dep_ == "dobj"), None)
                if quoted is not None and verb.lemma_ in ("quote", "cite"):
                    return quoted  # "Reuters quoted Anna Smith as saying": Smith speaks, Reuters relays
                continue
            if verb.dep_ not in ("conj", "advcl", "xcomp") or verb.head.i == verb.i:
                return None
            loose = loose or verb.dep_ == "advcl"
            verb = verb.head
        return None

    def _cue_extent(self, verb: Token, entry: dict) -> tuple[int, int]:
        end = verb.idx + len(verb)
        for child in verb.children:
            phrasal = child.lower_ == entry.get("particle") and child.dep_ in ("prt", "prep")
            if child.i == verb.i + 1 and (child.dep_ == "prt" or phrasal):
                end = child.idx + len(child)
        return verb.idx, end

    def _content(self, verb: Token, subject: Token, cue: tuple[int, int], entry: dict):
        """(start, end) of what is attributed and how it was found, or (None, '')."""
        source = self._extent(subject) if subject.head.i == verb.i else cue  # a shared subject stands apart
        clause_start = min(source[0], cue[0])
        clause_end = max(source[1], cue[1])
        for child in verb.children:
            if child.dep_ in ("dative", "npadvmod") and not self._in_quote(child.idx):
                clause_end = max(clause_end, self._extent(child)[1])
            if child.dep_ == "dobj" and verb.lemma_ == "tell" and not self._in_quote(child.idx):
                clause_end = max(clause_end, self._extent(child)[1])
            if child.dep_ == "prep" and child.i > verb.i and not self._in_quote(child.idx):
                extent = self._extent(child)  # "writing in a blog post "...""
                if not any(mark in self.body[extent[0] : extent[1]] for mark in QUOTE_MARKS):
                    clause_end = max(clause_end, extent[1])
        before = self._quote_before(clause_start)
        after = self._quote_after(clause_end)
        if before or after:
            start = (before or after).start
            end = (after or before).end
            while end > start and self.body[end - 1] in " ,;:":
                end -= 1
            return (start, end), "quote"
        dash = self._dash_content(verb, clause_start)
        if dash:
            return dash, "dash"
        following = self._block_after_colon(verb)
        if following is not None:
            return following
        if verb.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ == "as" for c in verb.children):
            return self._as_clause(verb), "clause"  # "As X told Y, CLAUSE"
        block = self._block_of(verb.idx)

        def same_block(t: Token) -> bool:
            return block is None or block.start <= t.idx < block.end

        needs_clause = entry["content"] != "object"
        wanted = CLAUSE_DEPS if needs_clause else CONTENT_DEPS
        parts = [
            c
            for c in verb.children
            if c.dep_ in wanted
            and (c.i > verb.i or (c.dep_ == "ccomp" and c.i < subject.i))  # "CLAUSE, the company said"
            and not self._is_empty_prep(c)
            and same_block(c)
        ]
        if needs_clause and not parts:
            parts = [
                c
                for c in verb.children
                if c.dep_ in ("dobj", "conj") and c.i > verb.i and _finite_inside(c) and not _is_cue(c)
            ]
            if parts:  # the object before the coordinated verb is the clause's subject
                parts += [c for c in verb.children if c.dep_ == "dobj" and verb.i < c.i < parts[0].i]
        if needs_clause and not parts:
            parts = self._clause_on_statement(verb)  # "said in a press release that the strike would go on"
        if verb.lemma_ == "tell":
            parts = [c for c in parts if c.dep_ not in ("dobj", "dative")] or []
        if not parts and verb.dep_ == "parataxis" and not entry["strict"] and subject.head.i == verb.i:
            return self._extent(verb.head), "clause"  # "The suspect, police said, had fled": the host clause
        if _relative_object(verb) and all(p.dep_ == "prep" for p in parts):
            parts = [c for c in verb.children if c.i > verb.i and not c.is_punct]  # "which the Church describes as"
            if not parts:
                return None, ""
            end = verb.right_edge.idx + len(verb.right_edge)
            span = _trim(self.body, verb.idx + len(verb), end)
            return (span, "clause") if span[1] > span[0] else (None, "")
        if not parts:
            return None, ""
        if all(p.dep_ == "prep" for p in parts) and not any(g.dep_ == "pcomp" for p in parts for g in p.children):
            return None, ""
        start = min(self._extent(p)[0] for p in parts)
        end = max(self._extent(p)[1] for p in parts)
        if block is not None:
            start, end = max(start, block.start), min(end, block.end)
        start, end = _trim(self.body, start, end)
        if end <= start:
            return None, ""
        return (start, end), "clause"

    def _clause_on_statement(self, verb: Token) -> list[Token]:
        """The that-clause the parser hung on "in a statement" as a relative clause ("said in a release that ...").

        "That" opens a complement, not a relative clause, when the clause has a
        subject of its own and its verb does not make the statement ("that it issued").
        """
        for prep in (c for c in verb.children if c.dep_ == "prep" and c.lower_ in ("in", "on") and c.i > verb.i):
            for noun in (c for c in prep.children if c.dep_ == "pobj"):
                if noun.lemma_.lower() not in STATEMENT_NOUNS and not _document(noun):
                    continue
                for clause in (c for c in noun.children if c.dep_ == "relcl"):
                    first = clause.left_edge
                    own_subject = any(c.dep_ in ("nsubj", "nsubjpass") and c.i != first.i for c in clause.children)
                    if first.lower_ == "that" and own_subject and clause.lemma_ not in MAKING_VERBS:
                        return [clause]
        return []

    def _as_clause(self, verb: Token) -> tuple[int, int] | None:
        head = verb.head
        start = verb.right_edge.idx + len(verb.right_edge)
        end = head.right_edge.idx + len(head.right_edge)
        if head.i < verb.i:
            return None
        block = self._block_of(verb.idx)
        if block is not None:
            end = min(end, block.end)
        start, end = _trim(self.body, start, end)
        return (start, end) if end > start else None

    def _reported(self, verb: Token) -> bool:
        return any(reporting_entry(a) for a in verb.ancestors)

    def _block_after_colon(self, verb: Token) -> tuple[tuple[int, int], str] | None:
        """'X said:' closing its paragraph, then a quoted or dash paragraph (or a bullet list): the content."""
        block = self._block_of(verb.idx)
        if block is None or not self.body[block.start : block.end].rstrip().endswith(":"):
            return None
        if any(c.dep_ in ("ccomp", "dobj", "xcomp") and c.i > verb.i for c in verb.children):
            return None  # the clause before the colon is the content; a list after it is added later
        k = self.blocks.index(block) + 1
        if k < len(self.blocks) and self.blocks[k].kind == "bullet":  # "He added:" and a list of points
            last = k
            while last + 1 < len(self.blocks) and self.blocks[last + 1].kind == "bullet":
                last += 1
            lead = re.match(r"[-*•]?\s*", self.body[self.blocks[k].start :]).end()
            return _trim(self.body, self.blocks[k].start + lead, self.blocks[last].end), "clause"
        if k >= len(self.blocks) or self.blocks[k].kind == "heading":
            return None
        nxt = self.blocks[k]
        if not (self._starts_quote(k) or nxt.kind == "quote") and _LABEL.match(self.body[nxt.start : nxt.end]):
            return None  # the next paragraph is somebody else's turn
        lead = re.match(r"[–—\"“„«»‘'\s]*", self.body[nxt.start : nxt.end]).end()
        return _trim(self.body, nxt.start + lead, nxt.end), "quote"  # a quotation set off as its own paragraph

    def _is_empty_prep(self, token: Token) -> bool:
        return token.dep_ == "prep" and token.lower_ in ("in", "on", "at", "during", "after", "before", "with", "from")

    def _dash_content(self, verb: Token, clause_start: int) -> tuple[int, int] | None:
        """'– text, says X.': the text between the dash and the comma before the cue clause."""
        block = self._block_of(verb.idx)
        if block is None or block.kind != "quote":
            return None
        tail = self.body[clause_start : block.end].strip()
        if re.search(r"[;:–—]|[.!?]\s", tail):
            return None  # the cue clause must close the paragraph
        head = self.body[block.start : clause_start]
        stripped = head.rstrip()
        if not stripped.endswith(","):
            return None
        lead = re.match(r"[–—]\s*", self.body[block.start : block.end])
        start = block.start + (lead.end() if lead else 0)
        return _trim(self.body, start, block.start + len(stripped) - 1)

    def _quote_before(self, position: int) -> Quote | None:
        k = bisect.bisect_right(self.quote_starts, position) - 1
        while k >= 0:
            quote = self.quotes[k]
            if quote.end <= position:
                gap = self.body[quote.end : position]
                return quote if _GAP_BEFORE.match(gap) and "\n" not in gap else None
            k -= 1
        return None

    def _quote_after(self, position: int) -> Quote | None:
        k = bisect.bisect_left(self.quote_starts, position)
        if k < len(self.quotes):
            quote = self.quotes[k]
            gap = self.body[position : quote.open_mark]
            if _GAP_AFTER.match(gap) and "\n" not in gap and ("," in gap or ":" in gap or gap == " "):
                return quote
        return None

    def _in_quote(self, position: int) -> bool:
        k = bisect.bisect_right(self.quote_starts, position) - 1
        return k >= 0 and self.quotes[k].start <= position < self.quotes[k].end

    def _extent(self, token: Token) -> tuple[int, int]:
        """The token's phrase (its subtree), kept inside the token's paragraph."""
        first = token.left_edge
        while first.i > 0 and first.pos_ == "PROPN" and self.doc[first.i - 1].pos_ == "PROPN":
            first = self.doc[first.i - 1]  # a name the parser split ("Maria | Lopez said")
        start = first.idx
        last = token.right_edge
        end = last.idx + len(last)
        block = self._block_of(token.idx)
        if block is not None:
            start, end = max(start, block.start), min(end, block.end)
        return _trim(self.body, start, end)

    def _block_of(self, position: int):
        k = bisect.bisect_right(self.block_starts, position) - 1
        if k >= 0 and self.blocks[k].start <= position < self.blocks[k].end:
            return self.blocks[k]
        return None

    def _sentence_of(self, position: int) -> tuple[int, int] | None:
        sentences = self.article.sentences
        k = bisect.bisect_right([s for s, _ in sentences], position) - 1
        return sentences[k] if k >= 0 else None

    def _previous_sentence(self, position: int) -> tuple[int, int] | None:
        sentences = self.article.sentences
        k = bisect.bisect_right([s for s, _ in sentences], position) - 1
        return _trim(self.body, *sentences[k - 1]) if k >= 1 else None

    # ------------------------------------------------------------ assembly

    def _build(self, cand: dict, earlier: list[Attribution]) -> Attribution:
        source_token: Token = cand["source"]
        source = self._extent(source_token)
        cue_start, cue_end = cand["cue"]
        if source[0] >= source[1] or (source[0] < cue_end and cue_start < source[1]):
            head_end = source_token.idx + len(source_token)
            left = (source[0], head_end)  # "Anna Berg, who said ...": the words up to the head
            overlaps = left[0] < cue_end and cue_start < left[1]
            source = left if left[0] < left[1] and not overlaps else (source_token.idx, head_end)
        content_start, content_end = cand["content"]
        speaker, why = self.resolver.resolve(source_token, source, earlier)
        speaker = speaker.strip() or self.body[source[0] : source[1]].strip() or source_token.text
        kind = self._kind(cand)
        rule = cand["rule"] + (f"; speaker {why}" if why else "")
        reasons = (rule,)
        return Attribution(
            speaker=speaker,
            source=Span(source[0], source[1], "source", reasons),
            cue=Span(cue_start, cue_end, "cue", reasons),
            content=Span(content_start, content_end, "content", reasons),
            kind=kind,
            rule=rule,
        )

    def _kind(self, cand: dict) -> str:
        if cand["rule"].startswith("according_to"):
            return "according_to"
        if cand["how"] in ("quote", "dash"):
            return "direct"
        start, end = cand["content"]
        inside = any(start <= q.start and q.end <= end for q in self.quotes)
        return "mixed" if inside else "indirect"

    def _govern_following(self, attributions: list[Attribution]) -> list[Attribution]:
        """Extend content over following quotes (no cue of their own) and lists after a colon."""
        cue_positions = sorted(a.cue.start for a in attributions)
        out = []
        for number, attribution in enumerate(attributions):
            limit = attributions[number + 1].cue.start if number + 1 < len(attributions) else len(self.body)
            after = max(attribution.content.end, attribution.cue.end)
            limit = min(limit, self._next_cue_sentence_start(after, cue_positions))
            start, end = self._follow(attribution, limit)
            if end > attribution.content.end:
                content = Span(start, end, "content", attribution.content.reasons)
                kind = attribution.kind if attribution.kind in ("direct", "according_to") else "mixed"
                if self._colon_list(attribution) and attribution.kind == "indirect":
                    kind = "indirect"
                attribution = Attribution(
                    attribution.speaker, attribution.source, attribution.cue, content, kind, attribution.rule
                )
            out.append(attribution)
        return out

    def _next_cue_sentence_start(self, position: int, cue_positions: list[int]) -> int:
        k = bisect.bisect_right(cue_positions, position)
        if k >= len(cue_positions):
            return len(self.body)
        sentence = self._sentence_of(cue_positions[k])
        return sentence[0] if sentence else cue_positions[k]

    def _colon_list(self, attribution: Attribution) -> bool:
        sentence = self._sentence_of(attribution.cue.start)
        return bool(sentence) and self.body[sentence[0] : sentence[1]].rstrip().endswith(":")

    def _follow(self, attribution: Attribution, limit: int) -> tuple[int, int]:
        """(start, end) of the content once following quotations or a list after a colon are added."""
        start, end = attribution.content.start, attribution.content.end
        sentence = self._sentence_of(attribution.cue.start)
        block = self._block_of(attribution.cue.start)
        if sentence is None or block is None:
            return start, end
        if self._colon_list(attribution):
            first_bullet = None
            k = self.blocks.index(block) + 1
            kind = self.blocks[k].kind if k < len(self.blocks) else ""
            while k < len(self.blocks) and self.blocks[k].start < limit and self.blocks[k].kind == kind:
                if kind not in ("bullet", "text", "quote") or (kind == "text" and not self._starts_quote(k)):
                    break
                end = _trim(self.body, self.blocks[k].start, self.blocks[k].end)[1]
                if kind == "bullet" and k == self.blocks.index(block) + 1:
                    first_bullet = (
                        self.blocks[k].start + re.match(r"[-*•]?\s*", self.body[self.blocks[k].start :]).end()
                    )
                k += 1
                if kind != "bullet":
                    break
            lead = self.doc.char_span(start, attribution.content.end, alignment_mode="expand")
            placeholder = lead is not None and not any(t.pos_ in ("VERB", "AUX") for t in lead)  # "two points:"
            return (first_bullet if first_bullet is not None and placeholder else start), end
        # quotations that follow with no cue of their own
        position = max(end, sentence[1])
        while True:
            quote = self._next_quote_start(position)
            if quote is None or quote.open_mark >= limit:
                return start, end
            gap = self.body[position : quote.open_mark]
            if gap.strip() or gap.count("\n") > 2 or self._in_heading(quote.open_mark):
                return start, end  # a heading's quoted word ("“tidy” conversation") is no continued quotation
            end = quote.end
            position = quote.outer_end

    def _in_heading(self, position: int) -> bool:
        block = self._block_of(position)
        return block is not None and block.kind == "heading"

    def _starts_quote(self, k: int) -> bool:
        return self.body[self.blocks[k].start] in "\"“„«»‘'"

    def _next_quote_start(self, position: int) -> Quote | None:
        k = bisect.bisect_left(self.quote_starts, position)
        return self.quotes[k] if k < len(self.quotes) else None

    def _dash_continuations(self, attributions: list[Attribution]) -> list[Span]:
        """Dash paragraphs with no cue that follow a dash quote continue its speaker's words."""
        out = []
        current: Attribution | None = None
        for block in self.blocks:
            if block.kind != "quote":
                current = None
                continue
            inside = [a for a in attributions if block.start <= a.cue.start < block.end]
            if inside:
                current = inside[-1]
            elif current is not None:
                reason = f"dash continuation of {current.speaker}'s quote ({current.cue.text(self.body)})"
                out.append(Span(block.start, block.end, "continuation", (reason,)))
        return out


@cache
def content_nouns() -> dict[str, str]:
    """Nouns of saying and thinking with their WordNet files: "claim" (noun.communication), "view" (both)."""
    return {e["id"]: e["wordnet"] for e in load_lexicon("content_nouns_wordnet")}


def _can_speak(noun: Token) -> bool:
    """A noun that can be a source: a name, an entity, or a document, vague-source or title noun."""
    from medialit.nlp.sources import document_heads, source_nouns, title_words, vague_heads

    lemma = noun.lemma_.lower()
    return (
        noun.pos_ in ("PROPN", "PRON")
        or bool(noun.ent_type_)
        or lemma in document_heads()
        or lemma in vague_heads()
        or lemma in title_words()
        or lemma in source_nouns()
    )


def _verb_tagged_as_noun(token: Token) -> bool:
    """ "notes" in "The department notes, ..." parsed as a plural noun heading the sentence with a clause."""
    clause = any(c.dep_ == "ccomp" for c in token.children)
    subject = any(c.dep_ == "nsubj" for c in token.children)  # "Figures ... show that": a noun has no subject
    return token.dep_ == "ROOT" and (
        token.tag_.startswith("VB") or (token.tag_ == "NNS" and clause) or (token.tag_ == "NN" and clause and subject)
    )


def _document(noun: Token) -> bool:
    from medialit.nlp.sources import document_heads

    return noun.pos_ == "NOUN" and noun.lemma_.lower() in document_heads()


def _next_is_comma(token: Token) -> bool:
    return token.i + 1 < len(token.doc) and token.doc[token.i + 1].text == ","


def _that_clause(verb: Token) -> bool:
    """The verb governs a finite clause complement ("argued that ...", "warned the plan would fail")."""
    return any(
        c.dep_ == "ccomp" and any(t.tag_ in ("VBD", "VBZ", "VBP", "MD") for t in c.subtree) for c in verb.children
    )


def _relative_object(verb: Token) -> bool:
    """The verb heads a relative clause whose relative pronoun is its object ("which the Church describes as ...")."""
    return verb.dep_ == "relcl" and any(
        c.dep_ == "dobj" and c.tag_ in ("WDT", "WP") and c.i < verb.i for c in verb.children
    )


def _that_marked(verb: Token) -> bool:
    """A finite clause after the verb opened by "that" ("cautioned that the results ...")."""
    return any(
        c.dep_ == "ccomp" and c.i > verb.i and any(m.dep_ == "mark" and m.lower_ == "that" for m in c.children)
        for c in verb.children
    ) and _that_clause(verb)


def _is_cue(token: Token) -> bool:
    return reporting_entry(token) is not None


def _finite_inside(token: Token) -> bool:
    """A finite verb in the phrase: "found [reduction ... exceeded ...]" is a clause the parser missed."""
    itself = token.dep_ == "conj"  # "estimated ..., X would increase": the coordinated verb is the clause
    return any(
        t.tag_ in ("VBD", "VBZ", "VBP", "MD") and not _in_relative_clause(t, token)
        for t in token.subtree
        if t.i != token.i or itself
    )


def _in_relative_clause(token: Token, top: Token) -> bool:
    while token.i != top.i and token.head.i != token.i:
        if token.dep_ == "relcl":
            return True
        token = token.head
    return False


def _trim(body: str, start: int, end: int) -> tuple[int, int]:
    """Shrink a span past surrounding spaces, punctuation and quotation marks (keeping final .!? inside words)."""
    while start < end and (body[start].isspace() or body[start] in ",;:–—-\"'“”„«»‘’("):
        start += 1
    while end > start and (body[end - 1].isspace() or body[end - 1] in ",;:–—-\"'“”„«»‘’.)"):
        if body[end - 1] == ")" and "(" in body[start:end]:
            break
        end -= 1
    if start < end and body[start : start + 5].lower() == "that " and body[start - 1 : start] in (" ", ""):
        start += 5
    return start, end
