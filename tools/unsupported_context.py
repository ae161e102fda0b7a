"""The analyzer's unsupported flags and misses by the context a sentence sits in, before a context rule is written.

Earlier rounds weighed each sentence's own words. This tool weighs its neighbours: whether the sentence before or
after it in its paragraph is attributed (K8's continuation, "a sentence with no cue of its own that follows a
paraphrase"), whether the rest of its paragraph is all attributed (the context of a quotation) or holds no
attributed sentence at all (the outlet's own voice), whether a neighbour is flagged. For the tuning part's news
reports (halves A and B, against the gold) and the reader-labelled reports (against the readers) it prints:

- precision: the analyzer's flags, right / false, per context and per group of reasons (a source word or hedge,
  K2, K3, K7, K9; or a checkable claim or framing word), with the unsupported F1 the set would have if the flags
  of that group in that context were dropped (a guard costed before it is written);
- recall: per context, the reference's ``unsupported`` sentences the analyzer misses, and, among the sentences it
  leaves ``other``, how many the reference calls ``unsupported`` and how many it does not (what flagging the whole
  context would add; it raises F1 only when right more often than about half the F1).

Only the tuning part and the reader set are read: never the test part.

Run: ``python tools/unsupported_context.py [--cache DIR]`` (``--cache``: the model's parses, as in
``tools/_corpus.py``; default ``/tmp/medialit-parse-cache``).
"""

from __future__ import annotations

import argparse
from collections import Counter
from collections.abc import Sequence
from typing import TYPE_CHECKING

from _corpus import CachedParser, add_cache_option, reader_labelled, tuning_news  # isort: skip  (tools/ on the path)

if TYPE_CHECKING:
    from spacy.language import Language

    from medialit.core.spans import Span

PREVIOUS = "the sentence before is attributed"
NEXT = "the sentence after is attributed"
QUOTATION_CONTEXT = "the rest of the paragraph is attributed"
OWN_VOICE = "no attributed sentence in the paragraph"
ALONE = "the paragraph is this sentence alone"
FLAGGED = "a neighbour is flagged"
ANYWHERE = "anywhere"
CONTEXTS = (ANYWHERE, PREVIOUS, NEXT, QUOTATION_CONTEXT, OWN_VOICE, ALONE, FLAGGED)
"""The contexts, in the tables' order; neighbours are the sentences before and after in the same paragraph."""

SOURCE = "a source word or hedge"
CLAIM = "a checkable claim or framing word"
SOURCE_FAMILIES = frozenset(
    {
        "vague source",
        "the source hidden",
        "source hidden",
        "hedge",
        "anonymous source, no reason given for not naming it",
        "K6",
        "aside",
        "a claim by an unnamed group",
        "a claim about an unnamed group",
    }
)
"""``analyzer_report.rule_family`` of the reasons that question the source (K2, K3, K6, K7) or hedge (K9)."""


def group(reasons: Sequence[str]) -> str:
    """``SOURCE`` when any reason questions the source or hedges, else ``CLAIM``: a neighbour's source can vouch
    for a claim (K8), never make a vague source named."""
    from analyzer_report import rule_family  # isort: skip  (tools/ is on the path)

    return SOURCE if any(rule_family(r) in SOURCE_FAMILIES for r in reasons) else CLAIM


def contexts(predicted: Sequence[Span], paragraph: Sequence[int], i: int) -> list[str]:
    """The contexts (``CONTEXTS``) the analyzer's sentence ``i`` sits in; ``paragraph[k]`` numbers sentence k's
    paragraph."""
    mates = [k for k in range(len(predicted)) if k != i and paragraph[k] == paragraph[i]]
    labels = {k: predicted[k].label for k in mates}
    found = [ANYWHERE]
    if labels.get(i - 1) == "attributed":
        found.append(PREVIOUS)
    if labels.get(i + 1) == "attributed":
        found.append(NEXT)
    if mates and all(label == "attributed" for label in labels.values()):
        found.append(QUOTATION_CONTEXT)
    if "attributed" not in labels.values():
        found.append(OWN_VOICE)
    if not mates:
        found.append(ALONE)
    if "unsupported" in (labels.get(i - 1), labels.get(i + 1)):
        found.append(FLAGGED)
    return found


def paragraph_numbers(sentences: Sequence[Span], paragraphs: Sequence[tuple[int, int]]) -> list[int]:
    """For each sentence, the number of the paragraph (start, end) its first character falls in (-1: none)."""
    return [next((n for n, (s, e) in enumerate(paragraphs) if s <= sentence.start < e), -1) for sentence in sentences]


def context_counts(
    reference: Sequence[Span], predicted: Sequence[Span], paragraphs: Sequence[tuple[int, int]]
) -> Counter:
    """One article's counts.

    Flags: ("flag", context, group, "right" | "false"); a flag is right when ``medialit evaluate`` pairs it with
    a reference ``unsupported`` sentence (one to one, as ``label_agreement.rule_flags`` pairs them). Misses:
    ("miss", context, outcome), outcome "missed" (a reference ``unsupported`` sentence the analyzer does not flag),
    "left unsupported" or "left other" (a sentence the analyzer leaves ``other``, by the reference's label); each
    reference sentence is read with the analyzer's sentence overlapping it most. ("set", "unsupported", label)
    counts the analyzer's flags "right", "false" and the reference's ``unsupported`` sentences "reference", for F1.
    """
    from medialit.exercises.scoring import match
    from medialit.nlp.evaluate import overlaps

    counts: Counter = Counter()
    number = paragraph_numbers(predicted, paragraphs)
    flagged = [s for s in predicted if s.label == "unsupported"]
    unsupported = [s for s in reference if s.label == "unsupported"]
    right = {id(m.answer) for m in match(flagged, unsupported, overlaps) if m.status == "correct"}
    for i, sentence in enumerate(predicted):
        if sentence.label == "unsupported":
            outcome = "right" if id(sentence) in right else "false"
            counts[("set", "unsupported", outcome)] += 1
            for context in contexts(predicted, number, i):
                counts[("flag", context, group(sentence.reasons), outcome)] += 1
    counts[("set", "unsupported", "reference")] += len(unsupported)
    for sentence in reference:
        if not predicted:
            break
        i = max(range(len(predicted)), key=lambda k: sentence.overlap(predicted[k]))
        said = predicted[i].label
        outcomes = []
        if sentence.label == "unsupported" and said != "unsupported":
            outcomes.append("missed")
        if said == "other":
            outcomes.append("left unsupported" if sentence.label == "unsupported" else "left other")
        for context in contexts(predicted, number, i):
            for outcome in outcomes:
                counts[("miss", context, outcome)] += 1
    return counts


def f1_without(counts: Counter, dropped_right: int = 0, dropped_false: int = 0) -> float:
    """The set's unsupported F1 with that many right and false flags dropped (a right flag dropped is a miss)."""
    tp = counts[("set", "unsupported", "right")] - dropped_right
    fp = counts[("set", "unsupported", "false")] - dropped_false
    fn = counts[("set", "unsupported", "reference")] - tp
    return 2 * tp / (2 * tp + fp + fn) if tp else 0.0


def precision_table(sets: dict[str, Counter]) -> str:
    """Per context and group: each set's right / false flags, and its F1 were they dropped (now -> after)."""
    names = list(sets)
    lines = [
        "| context | reasons | " + " | ".join(f"{n}: right / false, F1 if dropped" for n in names) + " |",
        "|---|---|" + "---|" * len(names),
    ]
    for context in CONTEXTS:
        for kind in (CLAIM, SOURCE):
            cells = []
            for counts in sets.values():
                r, f = counts[("flag", context, kind, "right")], counts[("flag", context, kind, "false")]
                cells.append(f"{r} / {f}, {f1_without(counts):.3f} -> {f1_without(counts, r, f):.3f}")
            lines.append(f"| {context} | {kind} | " + " | ".join(cells) + " |")
    return "\n".join(lines)


def recall_table(sets: dict[str, Counter]) -> str:
    """Per context: each set's missed reference ``unsupported`` sentences; left ``other``, unsupported / not."""
    names = list(sets)
    lines = [
        "| context | " + " | ".join(f"{n}: missed; left other, unsupported / not" for n in names) + " |",
        "|---|" + "---|" * len(names),
    ]
    for context in CONTEXTS:
        cells = [
            f"{c[('miss', context, 'missed')]}; {c[('miss', context, 'left unsupported')]} / "
            f"{c[('miss', context, 'left other')]}"
            for c in sets.values()
        ]
        lines.append(f"| {context} | " + " | ".join(cells) + " |")
    return "\n".join(lines)


def report(nlp: Language) -> str:
    from medialit.nlp.analysis import analyze

    sets: dict[str, Counter] = {"tuning news A": Counter(), "tuning news B": Counter(), "readers": Counter()}

    def add(name: str, article, reference: list[Span]) -> None:
        paragraphs = [(b.start, b.end) for b in article.paragraphs]
        sets[name] += context_counts(reference, analyze(article, nlp).sentences, paragraphs)

    for half, article, reference in tuning_news():
        add(f"tuning news {half}", article, reference)
    for article, reference, _ in reader_labelled():
        add("readers", article, reference)
    return "\n".join(
        [
            "Flags by context (dropping a group's flags in a context: the F1 now -> after):",
            "",
            precision_table(sets),
            "",
            "Misses by context (flagging every sentence left other in it would add the second pair):",
            "",
            recall_table(sets),
        ]
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    add_cache_option(parser)
    args = parser.parse_args(argv)
    from medialit.nlp.pipeline import load_pipeline

    print(report(CachedParser(load_pipeline(), args.cache)))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
