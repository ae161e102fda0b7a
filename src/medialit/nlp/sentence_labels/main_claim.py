"""Whose claim is a sentence's main claim? (guidelines, "Sentences": `attributed` when the sentence's claims are
credited to a source).

A cue that credits only a side part of a sentence ("A cargo plane, reported by local press as belonging to the
air force, crashed into houses") leaves the main claim, that the plane crashed, in the article's own voice. The
main claim is what the main clause asserts: the root predicate and the predicates coordinated with it ("85% were
in favour and the government announced ..."). An attribution covers it when

- the main predicate lies in the attribution's cue, source or content, or inside a quotation ("told the press:
  "What will stop Ebola is ...""), or
- the cue hangs on a main predicate only through links that keep it in the main clause: coordination, a clause
  complement, a parenthetical ("The suspect, police said, had fled"), a participle clause with no subject of its
  own ("issued warnings, saying it was dangerous"), the subject ("His last words were:"), or the cue itself
  attached to the predicate ("..., according to police"), or
- its source is the main clause's subject ("NASA has selected two astronauts, which NASA said ..."): the sentence
  tells what the source did and said, or
- its cue, source, content and quotations hold at least half of the sentence's content words (a fallback for
  parses that hide the main clause, used only when no cue of the sentence covers the main claim by the parse).

A relative clause ("which the Church describes as ..."), a participle on a noun ("reported by local press as
..."), a clause of time or concession with its own subject ("before he announced ...", "although a poll found
...") or a prepositional phrase is an aside: it credits its own part and no more.
"""

from __future__ import annotations

from collections.abc import Sequence

from spacy.tokens import Span as DocSpan
from spacy.tokens import Token

from medialit.core.spans import Attribution, Span

MIN_CONTENT_SHARE = 0.5
CONTENT_POS = frozenset("NOUN PROPN VERB ADJ NUM ADV".split())
MAIN_LINKS = frozenset("conj xcomp parataxis ccomp nsubj nsubjpass csubj".split())
"""Links from a cue up to a main predicate that keep the cue in the main clause."""
ATTACHED = frozenset("prep advmod agent".split())
"""Links by which a cue itself ("according to", "in a statement") qualifies the predicate it hangs on."""
OWN_CLAUSE = frozenset("nsubj nsubjpass mark".split())
"""An adverbial clause with its own subject or a subordinating word ("before he announced") is an aside."""
NOUN_PHRASE = frozenset("compound flat amod det poss appos nmod nummod case punct cc conj".split())


def main_predicates(span: DocSpan) -> list[Token]:
    """The sentence's root predicates and the verbs coordinated with them."""
    roots = [t for t in span if t.head.i == t.i or not span.start <= t.head.i < span.end]
    out = list(roots)
    for root in roots:
        out += [t for t in root.subtree if t.pos_ in ("VERB", "AUX") and _coordinated_with(t, root)]
    return out


def main_word(span: DocSpan) -> str:
    """The main predicate a reason can name: the first root or coordinated verb, else the span's root."""
    verbs = [t for t in main_predicates(span) if t.pos_ in ("VERB", "AUX")]
    return (verbs[0] if verbs else span.root).text


def covers_main_claim(
    attribution: Attribution, span: DocSpan, quotes: Sequence[Span] = (), *, by_share: bool = True
) -> bool:
    """Whether the attribution's content (or a quotation) carries the sentence's main claim (module docstring);
    ``by_share`` False: by the parse alone, without the share of content words."""
    parts = [p for p in (attribution.cue, attribution.source, attribution.content) if p is not None]
    parts += [q for q in quotes if q.start < span.end_char and q.end > span.start_char]

    def inside(token: Token) -> bool:
        return any(p.start <= token.idx < p.end for p in parts)

    main = main_predicates(span)
    if any(inside(m) for m in main):
        return True
    cue = span.doc.char_span(attribution.cue.start, attribution.cue.end, alignment_mode="expand")
    ids = {m.i for m in main}
    if cue is not None and any(_joins_main(t, ids) for t in cue):
        return True
    if _speaker_is_subject(attribution, main):
        return True
    words = [t for t in span if t.pos_ in CONTENT_POS and not t.is_stop] if by_share else []
    return bool(words) and sum(map(inside, words)) >= MIN_CONTENT_SHARE * len(words)


def _coordinated_with(token: Token, root: Token) -> bool:
    """``token`` is joined to ``root`` by a chain of coordination ("fled, hid and was caught")."""
    if token.i == root.i:
        return False
    while token.dep_ == "conj" and token.i != root.i:
        token = token.head
    return token.i == root.i


def _joins_main(token: Token, main: set[int]) -> bool:
    """The path from a cue word up to a main predicate runs only through links that keep it in the main clause."""
    first = True
    while token.i not in main:
        if token.head.i == token.i:
            return False
        link = token.dep_
        keeps = link in MAIN_LINKS or (first and link in ATTACHED)
        if link == "advcl":
            keeps = not any(c.dep_ in OWN_CLAUSE for c in token.children)
        if not keeps:
            return False
        token, first = token.head, False
    return True


def _speaker_is_subject(attribution: Attribution, main: list[Token]) -> bool:
    """The source is the main clause's subject (the same mention, or a name shared with the speaker)."""
    names = {w.lower() for w in attribution.speaker.split() if w[:1].isupper()}
    source = attribution.source
    for predicate in main:
        for subject in (c for c in predicate.children if c.dep_ in ("nsubj", "nsubjpass")):
            words = _noun_phrase(subject)
            if any(source.start <= t.idx < source.end for t in words):
                return True
            if subject.pos_ != "PRON" and names & {t.lower_ for t in words if t.pos_ == "PROPN"}:
                return True
    return False


def _noun_phrase(head: Token) -> list[Token]:
    """The noun phrase of ``head`` without its clauses and prepositional phrases ("A plane, reported by ...")."""
    out, todo = [], [head]
    while todo:
        token = todo.pop()
        out.append(token)
        todo += [c for c in token.children if c.dep_ in NOUN_PHRASE]
    return out
