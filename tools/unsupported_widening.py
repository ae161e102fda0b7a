"""What widening the unsupported rules to a construction would gain and cost in news, before it is written.

For each checkable-claim construction that carries a claim of fact in the outlet's own voice (a number, a causal
connective, a cause verb, a sequence that reads as a cause, a superlative, a comparative, a future; and, measured
in the twenty-sixth round, words of scope, time, degree, evidence and intent: ``CONSTRUCTIONS``), in the tuning
part's news reports (halves A and B, against the gold) and in the reader-labelled reports (against the readers),
it counts: the reference's ``unsupported`` sentences the analyzer misses that hold the construction, and, among
the sentences the analyzer leaves ``other`` (those a rule for the construction would flag), how many the
reference labels ``unsupported`` and how many it does not. A widening raises F1 only when the flags it adds are
right more often than about half the current F1; the table shows at once which constructions cannot be.

Words inside a quotation or governed by a reporting verb are not the outlet's own voice (as the analyzer's
own-voice rules read them). A number counts only when the analyzer attributes neither its sentence nor the one
before (a figure with no source in reach). Only the tuning part and the reader set are read: never the test part.

Run: ``python tools/unsupported_widening.py [--cache DIR]`` (``--cache``: the model's parses, as in
``tools/_corpus.py``; default ``/tmp/medialit-parse-cache``).
"""

from __future__ import annotations

import argparse
from collections import Counter
from typing import TYPE_CHECKING

from _corpus import CachedParser, add_cache_option, reader_labelled, tuning_news  # isort: skip  (tools/ on the path)

if TYPE_CHECKING:
    from collections.abc import Callable

    from spacy.language import Language
    from spacy.tokens import Doc, Token

    from medialit.core.spans import Span

NUMBER = "a number, not a date, nothing attributed in reach"
CAUSAL_MARKS = frozenset("because therefore thus hence consequently".split())
CAUSE_VERBS = frozenset("cause lead result trigger spark prompt".split())
SEQUENCE = frozenset("after following amid".split())
FUTURE = frozenset("will wo 'll would shall".split())
UNIVERSAL = frozenset("all every everyone everything everybody none nobody nothing never always".split())
APPROXIMATE = frozenset("nearly almost roughly approximately around about some estimated".split())
INTENSIFIERS = frozenset("very extremely highly significantly largely heavily deeply severely".split())
CONTINUING = frozenset("still remain remains remained continue continues continued currently ongoing".split())
INTENT_VERBS = frozenset("want hope fear worry expect intend plan aim seek wish".split())
CONSENSUS = frozenset("widely generally commonly often usually typically traditionally".split())
UNNUMBERED = frozenset("many several numerous few most".split())
EVIDENCE = frozenset("evidence proof confirm prove show reveal indicate suggest".split())


def _number(t: Token) -> bool:
    count = t.like_num or t.ent_type_ in ("CARDINAL", "QUANTITY", "PERCENT", "MONEY")
    year = t.like_num and len(t.text) == 4 and t.text.startswith(("19", "20"))
    return count and t.ent_type_ not in ("DATE", "TIME", "ORDINAL") and not year


def _causal(tokens: list[Token], k: int) -> bool:
    t = tokens[k]
    mark = t.lower_ == "since" and t.dep_ == "mark"
    so = t.lower_ == "so" and t.dep_ in ("mark", "cc", "advmod") and k + 1 < len(tokens)
    so = so and tokens[k + 1].pos_ in ("PRON", "PROPN", "NOUN", "DET")
    return t.lower_ in CAUSAL_MARKS or mark or so


def _future(tokens: list[Token], k: int) -> bool:
    t = tokens[k]
    if t.lower_ in FUTURE and t.head.pos_ in ("VERB", "AUX"):
        return True
    be_to = t.lower_ in ("is", "are", "was", "were") and k + 2 < len(tokens) and tokens[k + 1].lower_ == "to"
    going = t.lower_ == "going" and k + 1 < len(tokens) and tokens[k + 1].lower_ == "to"
    return (be_to and tokens[k + 2].tag_ == "VB") or going


def _approximate(tokens: list[Token], k: int) -> bool:
    t = tokens[k]
    return t.lower_ in APPROXIMATE and k + 1 < len(tokens) and _number(tokens[k + 1])


def _agentless_passive(tokens: list[Token], k: int) -> bool:
    t = tokens[k]
    return t.dep_ == "auxpass" and not any(c.dep_ == "agent" for c in t.head.children)


def _purpose(tokens: list[Token], k: int) -> bool:
    t = tokens[k]
    in_order = t.lower_ == "order" and k > 0 and tokens[k - 1].lower_ == "in"
    return in_order or (t.lower_ == "to" and t.dep_ == "aux" and t.head.dep_ == "advcl")


CONSTRUCTIONS: dict[str, Callable[[list[Token], int], bool]] = {
    NUMBER: lambda ts, k: _number(ts[k]),
    "a causal connective (because, since, so, thus, therefore)": _causal,
    "a cause verb (cause, lead, result, trigger, spark, prompt)": lambda ts, k: (
        ts[k].pos_ == "VERB" and ts[k].lemma_.lower() in CAUSE_VERBS
    ),
    "a sequence (after, following, follow, precede, amid)": lambda ts, k: (
        ts[k].lower_ in SEQUENCE or ts[k].lemma_.lower() in ("follow", "precede")
    ),
    "a superlative or record word (-est, most, first, only, record)": lambda ts, k: (
        ts[k].tag_ in ("JJS", "RBS") or ts[k].lower_ in ("first", "only", "record")
    ),
    'a comparative with "than"': lambda ts, k: ts[k].tag_ in ("JJR", "RBR") and any(t.lower_ == "than" for t in ts),
    "a future or conditional (will, would, be to, going to)": _future,
    "a universal or absolute word (all, every, none, never, always, no)": lambda ts, k: (
        ts[k].lower_ in UNIVERSAL or (ts[k].lower_ == "no" and ts[k].dep_ == "det")
    ),
    "a negation (not, n't, never)": lambda ts, k: ts[k].dep_ == "neg",
    "a past perfect (had + participle)": lambda ts, k: (
        ts[k].lower_ == "had" and ts[k].dep_ == "aux" and ts[k].head.tag_ == "VBN"
    ),
    "a continuing state (still, remain, continue, currently)": lambda ts, k: ts[k].lower_ in CONTINUING,
    "an approximation before a number (nearly, about, around)": _approximate,
    "an unnumbered quantity (many, several, most, few)": lambda ts, k: (
        ts[k].lower_ in UNNUMBERED and ts[k].dep_ in ("amod", "det", "nsubj", "nsubjpass")
    ),
    "an intensifying adverb (very, extremely, severely)": lambda ts, k: (
        ts[k].lower_ in INTENSIFIERS and ts[k].dep_ == "advmod"
    ),
    "a consensus or frequency adverb (widely, generally, often, usually)": lambda ts, k: ts[k].lower_ in CONSENSUS,
    "an agentless passive": _agentless_passive,
    "a verb of wanting or planning (want, hope, fear, expect, plan)": lambda ts, k: (
        ts[k].pos_ == "VERB" and ts[k].lemma_.lower() in INTENT_VERBS and any(c.dep_ == "nsubj" for c in ts[k].children)
    ),
    "a purpose clause (in order to, an adverbial to-infinitive)": _purpose,
    "an evidence word (evidence, proof, confirm, show, reveal, indicate)": lambda ts, k: (
        ts[k].lemma_.lower() in EVIDENCE
    ),
}
"""Each construction's test on a sentence's own-voice tokens at position k."""


def constructions(tokens: list[Token]) -> list[str]:
    """The constructions (``CONSTRUCTIONS`` keys, in their order) the tokens hold."""
    return [name for name, test in CONSTRUCTIONS.items() if any(test(tokens, k) for k in range(len(tokens)))]


def own_voice(doc: Doc, span: Span) -> list[Token]:
    """The sentence's tokens in the outlet's own voice: not quoted, not governed by a reporting verb."""
    from medialit.nlp.quotes import find_quotes, quote_at
    from medialit.nlp.sentence_labels.own_voice import in_reported_clause

    quotes = find_quotes(doc.text)
    sentence = doc.char_span(span.start, span.end, alignment_mode="expand")
    if sentence is None:
        return []
    return [t for t in sentence if quote_at(quotes, t.idx) is None and not in_reported_clause(t, t.i, t.i + 1)]


Counts = Counter
"""(construction, outcome) -> sentences; outcome "missed", "left unsupported" or "left other"."""


def widening_counts(doc: Doc, reference: list[Span], predicted: list[Span]) -> Counts:
    """One article: per construction, the reference's unsupported sentences the analyzer misses, and the sentences
    the analyzer leaves ``other`` by what the reference calls them ("left unsupported", "left other": any label
    but unsupported). Each reference sentence pairs with the analyzer's sentence overlapping it most."""
    counts: Counts = Counter()
    before = ""
    for sentence in sorted(reference, key=lambda s: s.start):
        said = max(predicted, key=sentence.overlap).label
        for name in constructions(own_voice(doc, sentence)):
            if name == NUMBER and "attributed" in (before, said):
                continue
            if sentence.label == "unsupported" and said != "unsupported":
                counts[(name, "missed")] += 1
            if said == "other":
                counts[(name, "left unsupported" if sentence.label == "unsupported" else "left other")] += 1
        before = said
    return counts


def table(sets: dict[str, Counts]) -> str:
    """One row per construction: per set, missed, and the sentences left ``other`` as unsupported / the rest."""
    names = list(sets)
    lines = [
        "| construction | " + " | ".join(f"{n}: missed; left other, unsupported / not" for n in names) + " |",
        "|---|" + "---|" * len(names),
    ]
    for construction in CONSTRUCTIONS:
        outcomes = [[c[(construction, o)] for o in ("missed", "left unsupported", "left other")] for c in sets.values()]
        cells = [f"{missed}; {right} / {false}" for missed, right, false in outcomes]
        lines.append(f"| {construction} | " + " | ".join(cells) + " |")
    return "\n".join(lines)


def parsed(article, nlp: Language) -> tuple[Doc, list[Span]]:
    """The analyzed Doc of an article and the analyzer's sentences."""
    from medialit.nlp.analysis import read_analysis

    doc = nlp.make_doc(article.body)
    doc._.medialit_article = article
    doc = nlp(doc)
    return doc, read_analysis(doc).sentences


def report(nlp: Language) -> str:
    sets: dict[str, Counts] = {"tuning news A": Counter(), "tuning news B": Counter(), "readers": Counter()}

    def add(name: str, article, reference: list[Span]) -> None:
        doc, predicted = parsed(article, nlp)
        sets[name] += widening_counts(doc, reference, predicted)

    for half, article, reference in tuning_news():
        add(f"tuning news {half}", article, reference)
    for article, reference, _ in reader_labelled():
        add("readers", article, reference)
    return table(sets)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    add_cache_option(parser)
    args = parser.parse_args(argv)
    from medialit.nlp.pipeline import load_pipeline, with_analysis

    print(report(CachedParser(with_analysis(load_pipeline()), args.cache)))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
