"""Measure a learned tagger of attribution cues against the rules, trained on one tuning half, scored on the other.

Issue 14, item 3 welcomes learned components; the rules' misses on unseen news
are mostly cues outside the lexicons. This script asks whether a small spaCy
``ner`` tagger trained on the gold ``cue`` spans finds the cues the rules miss,
on text it has not seen, without losing precision. TUNING part only (the test
part is never read, ``medialit.nlp.evaluate.gold_pairs``):

- input: every sentence of a tuning article as parsed by the analyzer's own
  pipeline; target: the gold cue spans in it (entity label ``CUE``);
- features (``--features``): ``tensor``, the installed model's ``tok2vec``
  output (``doc.tensor``, read frozen: the tagger never changes it) beside a
  small hash embedding of the word, its tag and dependency; ``own``, the hash
  embedding alone;
- halves: the tuning articles split by the parity of ``sha256(id + "1")``
  (``medialit.nlp.evaluate.tuning_half``); train on one, score the other, both ways;
- a tagger cue the rules did not find becomes an attribution only through the
  attribution package's own verb rule (``attribution.verbs.verb_cue``: a subject
  and content), the tagged verb trusted either like a verb of the hand list
  (``hand``) or like a verb only WordNet lists (``strict``: a subject that can
  speak and a that-clause or quotation), or, loosest (``subject``), as ``hand``
  and else the verb's own subject and complements; its speaker is resolved as the rules
  resolve theirs (``assembly.build``). A tagged cue that is no verb, or whose
  verb has no such subject and content, adds nothing;
- scores per held-out half: cue P/R/F1 (overlap with a gold cue) of the tagger
  alone, the rules alone and the union (the rules plus tagger attributions at
  cues no rule found), and attribution F1 with the speaker right as
  ``medialit evaluate`` counts it for the rules and the union; and the ceiling
  of the route, the gold cues themselves handed to the verb rule (``oracle``).

A tagger would ship only if the union beats the rules by at least ``MIN_GAIN``
attribution F1 on BOTH halves with precision at least ``MIN_PRECISION``; this
script reports, it writes no model. Fixed seeds.

Run: ``python tools/train_cues.py ../shared/corpus/dev course/corpus [--features tensor|own] [--epochs N] [--misses]``
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from dataclasses import dataclass, replace
from pathlib import Path

from medialit.exercises.scoring import Counts

from train_textcat import fit  # isort: skip  (tools/ is on the path when run as a script)

MIN_GAIN = 0.01
MIN_PRECISION = 0.93
SEED = 0
EPOCHS = 15
DROPOUT = 0.2
BATCH = 16
LABEL = "CUE"
WIDTH = 64
FEATURES = ("tensor", "own")


@dataclass
class Item:
    """One tuning article: its parse by the analyzer (with the rules' findings) and its gold cues."""

    id: str
    md: Path
    gold_path: Path
    doc: object  # the analyzer's Doc
    analysis: object  # the rules' Analysis
    gold_cues: list[tuple[int, int]]


# ---------------------------------------------------------------- collecting the tuning part


def collect(dirs: list[Path]) -> list[Item]:
    """Every tuning article parsed by the analyzer (rules only), with its gold cue spans."""
    from medialit.core.article import load_article
    from medialit.core.spans import load_annotations
    from medialit.nlp.evaluate import gold_pairs
    from medialit.nlp.pipeline import load_pipeline

    nlp = load_pipeline()
    items = []
    for md, gold_path in gold_pairs(dirs, "tuning"):  # the test part is never read
        article, gold = load_article(md), load_annotations(gold_path)
        cues = sorted({(a.cue.start, a.cue.end) for a in gold.attributions})
        items.append(analyzed(nlp, article, cues, md, gold_path))
    return items


def analyzed(nlp, article, cues: list[tuple[int, int]], md: Path = Path(), gold_path: Path = Path()) -> Item:
    """The article parsed and analyzed by the rules (``nlp``: the analyzer pipeline), with its gold cues."""
    from medialit.nlp.analysis import read_analysis

    doc = nlp.make_doc(article.body)
    doc._.medialit_article = article
    doc = nlp(doc)
    return Item(article.id, md, gold_path, doc, read_analysis(doc), cues)


def sentence_docs(doc, cues: list[tuple[int, int]] | None = None) -> list[tuple[int, object]]:
    """Each sentence of ``doc`` as a Doc of its own (tags, dependencies and tensor kept) with its start offset;
    with ``cues``, the gold cues inside it set as entities (overlapping ones after the first dropped)."""
    out = []
    for sent in doc.sents:
        if not sent.text.strip():
            continue
        sub = sent.as_doc()
        if cues is not None:
            ents, last = [], -1
            for start, end in cues:
                if sent.start_char <= start and end <= sent.end_char and start >= last:
                    span = sub.char_span(start - sent.start_char, end - sent.start_char, LABEL, "expand")
                    if span is not None and (not ents or span.start >= ents[-1].end):
                        ents.append(span)
                        last = end
            sub.set_ents(ents, default="outside")
        out.append((sent.start_char, sub))
    return out


# ---------------------------------------------------------------- the tagger


def _register() -> None:
    """``medialit.DocTensor.v1``: the Doc's ``tensor`` (the parser's tok2vec output) as a frozen feature."""
    import spacy
    from thinc.api import Model

    if "medialit.DocTensor.v1" in spacy.registry.architectures:
        return

    @spacy.registry.architectures("medialit.DocTensor.v1")
    def doc_tensor(width: int) -> Model:
        def forward(model, docs, is_train):
            out = [model.ops.asarray2f(doc.tensor) for doc in docs]
            return out, lambda d_out: []

        return Model("doc_tensor", forward, dims={"nO": width})


def model_config(features: str, tensor_width: int = 0) -> dict:
    embed = {
        "@architectures": "spacy.MultiHashEmbed.v2",
        "width": WIDTH,
        "attrs": ["NORM", "PREFIX", "SUFFIX", "SHAPE", "TAG", "DEP"],
        "rows": [5000, 1000, 2500, 2500, 200, 200],
        "include_static_vectors": False,
    }
    encode = {
        "@architectures": "spacy.MaxoutWindowEncoder.v2",
        "width": WIDTH,
        "window_size": 1,
        "maxout_pieces": 3,
        "depth": 2,
    }
    tok2vec = {"@architectures": "spacy.Tok2Vec.v2", "embed": embed, "encode": encode}
    if features == "tensor":
        tok2vec = {
            "@architectures": "medialit.CueTok2Vec.v1",
            "own": tok2vec,
            "tensor_width": tensor_width,
            "width": WIDTH,
        }
    return {
        "@architectures": "spacy.TransitionBasedParser.v2",
        "state_type": "ner",
        "extra_state_tokens": False,
        "hidden_width": WIDTH,
        "maxout_pieces": 2,
        "use_upper": True,
        "nO": None,
        "tok2vec": tok2vec,
    }


def _register_combined() -> None:
    """``medialit.CueTok2Vec.v1``: the frozen tensor and the small hash embedding, concatenated and mixed."""
    import spacy
    from thinc.api import Maxout, chain, concatenate, with_array

    _register()
    if "medialit.CueTok2Vec.v1" in spacy.registry.architectures:
        return

    @spacy.registry.architectures("medialit.CueTok2Vec.v1")
    def cue_tok2vec(own, tensor_width: int, width: int):
        tensor = spacy.registry.architectures.get("medialit.DocTensor.v1")(tensor_width)
        model = chain(concatenate(tensor, own), with_array(Maxout(width, tensor_width + width, nP=2)))
        model.set_dim("nO", width)
        return model


def train(docs: list, features: str, epochs: int = EPOCHS):
    """A ``ner`` tagger of ``CUE`` trained on sentence Docs with gold entities; fixed seed."""
    import spacy
    from spacy.training import Example
    from spacy.util import fix_random_seed

    _register_combined()
    fix_random_seed(SEED)
    nlp = spacy.blank("en")
    width = docs[0].tensor.shape[1] if docs and docs[0].tensor is not None and docs[0].tensor.ndim == 2 else 0
    ner = nlp.add_pipe("ner", config={"model": model_config(features, width)})  # the analyzer model's tensor
    ner.add_label(LABEL)
    examples = [Example(_unlabelled(d), d) for d in docs]
    return fit(nlp, examples, epochs=epochs, batch=BATCH, seed=SEED, dropout=DROPOUT)


def _unlabelled(doc):
    """The sentence as the tagger sees it: the parse and tensor, no entities."""
    copy = doc.copy()
    copy.set_ents([], default="outside")
    return copy


def tag(tagger, doc) -> list[tuple[int, int]]:
    """The cue spans the tagger finds in an analyzed Doc (character offsets of its text)."""
    found = []
    pairs = sentence_docs(doc)
    for (offset, _), sub in zip(pairs, tagger.pipe(_unlabelled(d) for _, d in pairs), strict=True):
        found += [(offset + e.start_char, offset + e.end_char) for e in sub.ents if e.label_ == LABEL]
    return found


# ---------------------------------------------------------------- tagged cues as attributions


def learned_attributions(item: Item, cues: list[tuple[int, int]], trust: str = "hand") -> list:
    """Attributions for the tagged cues no rule found, each through the verb rule's own subject and content,
    the tagged verb trusted as ``trust`` says (``TRUST``)."""
    from medialit.nlp.attribution.assembly import build
    from medialit.nlp.attribution.context import Context
    from medialit.nlp.attribution.verbs import verb_cue
    from medialit.nlp.reporting_lexicon import lexicon_entry

    doc, rules = item.doc, item.analysis.attributions
    ctx = Context(doc, item.analysis.article)
    out = []
    for start, end in cues:
        if any(a.cue.start < end and start < a.cue.end for a in rules):
            continue  # a rule found this cue
        span = doc.char_span(start, end, alignment_mode="expand")
        verb = span.root if span is not None else None
        if verb is None or verb.pos_ not in ("VERB", "AUX"):
            continue
        cand = verb_cue(ctx, verb, learned_entry(verb, lexicon_entry(verb), trust))
        if cand is None and trust == "subject":
            cand = subject_and_rest(ctx, verb, (start, end))
        if cand is None:
            continue
        cand["rule"] = f"learned_cue:{verb.lemma_.lower()}"
        attribution = build(ctx, cand, list(rules) + out)
        if attribution.speaker and all(p.start < p.end for p in attribution.spans()):
            out.append(attribution)
    return ctx.resolver.with_kinds(out)


TRUST = ("hand", "strict", "subject")
"""How far a tagged verb is trusted: like a verb of the hand list (``speech_verbs``: any subject the verb rule
accepts, content a clause, quotation or object), or like a verb only WordNet lists (``strict``: a subject that can
speak and a that-clause or quotation); ``subject``: as ``hand``, and where the verb rule finds nothing, the verb's
own subject with its complements (or the rest of its sentence) as content (``subject_and_rest``)."""


def subject_and_rest(ctx, verb, cue: tuple[int, int]) -> dict | None:
    """The loosest reading of a tagged verb: its grammatical subject (or passive agent) is the source, its
    clausal or object complements the content, else the words after the cue to the end of the sentence."""
    from medialit.nlp.attribution.context import trim

    subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    agent = next((c for c in verb.children if c.dep_ == "agent"), None)
    if subject is None and agent is not None:
        subject = next((c for c in agent.children if c.dep_ == "pobj"), None)
    if subject is None or subject.pos_ not in ("NOUN", "PROPN", "PRON"):
        return None
    parts = [c for c in verb.children if c.dep_ in ("ccomp", "xcomp", "dobj") and c.i > verb.i]
    if parts:
        content = (min(ctx.extent(c)[0] for c in parts), max(ctx.extent(c)[1] for c in parts))
    else:
        sentence = ctx.sentence_of(verb.idx)
        content = trim(ctx.body, cue[1], sentence[1]) if sentence else (cue[1], cue[1])
    if content[1] <= content[0]:
        return None
    return {"cue": cue, "source": subject, "content": content, "how": "clause", "rule": "subject"}


def learned_entry(verb, entry: dict | None, trust: str) -> dict:
    """The lexicon entry of a tagged verb (a neutral verb of saying when no lexicon lists it), trusted as
    ``trust`` says whatever tier its lexicon put it in (the rules already tried it there)."""
    base = {"id": verb.lemma_.lower(), "stance": "neutral", "content": "clause", "particle": ""}
    return {**base, **(entry or {}), "strict": trust == "strict", "lexicon": "learned"}


# ---------------------------------------------------------------- scores


def cue_counts(predicted: list[tuple[int, int]], gold: list[tuple[int, int]]) -> Counts:
    """Cue spans matched one to one by overlap, as ``medialit evaluate`` matches cues."""
    from medialit.core.spans import Span
    from medialit.exercises.scoring import count, match
    from medialit.nlp.evaluate import overlaps

    return count(match([Span(s, e, "cue") for s, e in predicted], [Span(s, e, "cue") for s, e in gold], overlaps))


@dataclass
class HalfScore:
    tagger_cues: Counts
    rule_cues: Counts
    union_cues: Counts
    rules: Counts  # attributions, speaker right
    union: Counts
    added: int  # tagger attributions the union adds
    missed: int  # gold cues no rule cue overlaps
    recovered: int  # of those, how many a tagger cue overlaps
    missed_verbs: int  # of the missed, how many are headed by a verb (what the verb rule can take)


def score(items: list[Item], tagged_cues: dict[str, list[tuple[int, int]]], trust: str) -> HalfScore:
    """The tagger, the rules and their union on ``items``, given the tagger's cues in each (by article id)."""
    from medialit.nlp.evaluate import score_article
    from medialit.nlp.pipeline import load_pipeline

    nlp = load_pipeline()
    tagged, ruled, united, rules, union, added = Counts(), Counts(), Counts(), Counts(), Counts(), 0
    missed = recovered = missed_verbs = 0
    for item in items:
        cues = tagged_cues[item.id]
        rule_cues = [(a.cue.start, a.cue.end) for a in item.analysis.attributions]
        extra = learned_attributions(item, cues, trust)
        added += len(extra)
        misses = _missed_by_rules(item)
        missed += len(misses)
        recovered += sum(any(_overlaps(g, c) for c in cues) for g in misses)
        missed_verbs += sum(_verb_headed(item.doc, g) for g in misses)
        tagged += cue_counts(cues, item.gold_cues)
        ruled += cue_counts(rule_cues, item.gold_cues)
        united += cue_counts(rule_cues + [(a.cue.start, a.cue.end) for a in extra], item.gold_cues)
        rules += score_article(item.md, item.gold_path, nlp, analysis=item.analysis).attribution
        both = replace(item.analysis, attributions=sorted([*item.analysis.attributions, *extra], key=_at))
        union += score_article(item.md, item.gold_path, nlp, analysis=both).attribution
    return HalfScore(tagged, ruled, united, rules, union, added, missed, recovered, missed_verbs)


def rule_misses(items: list[Item]) -> Counter:
    """The gold cues no rule cue overlaps, by their text (lower case): what a tagger would have to add."""
    out: Counter = Counter()
    for item in items:
        misses = _missed_by_rules(item)
        out.update(item.doc.text[start:end].lower() for start, end in misses)
    return out


def _missed_by_rules(item: Item) -> list[tuple[int, int]]:
    """The gold cues of the item that no rule cue overlaps."""
    rule_cues = [(a.cue.start, a.cue.end) for a in item.analysis.attributions]
    return [g for g in item.gold_cues if not any(_overlaps(g, r) for r in rule_cues)]


def _verb_headed(doc, cue: tuple[int, int]) -> bool:
    span = doc.char_span(*cue, alignment_mode="expand")
    return span is not None and span.root.pos_ in ("VERB", "AUX")


def _overlaps(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def _at(attribution) -> int:
    return attribution.cue.start


def passes(halves: list[HalfScore]) -> bool:
    """The union beats the rules by ``MIN_GAIN`` attribution F1 on each half with precision >= ``MIN_PRECISION``."""
    return all(h.union.f1 >= h.rules.f1 + MIN_GAIN and h.union.precision >= MIN_PRECISION for h in halves)


def split(items: list[Item]) -> tuple[list[Item], list[Item]]:
    from medialit.nlp.evaluate import tuning_half

    half_a = [i for i in items if tuning_half(i.id, "1") == 0]
    return half_a, [i for i in items if i not in half_a]


def training_docs(items: list[Item]) -> list:
    return [d for item in items for _, d in sentence_docs(item.doc, item.gold_cues)]


def show(c: Counts) -> str:
    return f"{c.f1:.3f} (P {c.precision:.3f} R {c.recall:.3f})"


def gain(h: HalfScore) -> str:
    """How many attributions the union adds and how many more are right than with the rules alone."""
    return f"{h.added} added, {h.union.tp - h.rules.tp} of them right"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("dirs", nargs="+", type=Path, help="corpus folders (only their tuning articles are read)")
    parser.add_argument("--features", choices=FEATURES, action="append", help="default: both")
    parser.add_argument("--epochs", type=int, default=EPOCHS)
    parser.add_argument("--misses", action="store_true", help="only list the gold cues the rules miss")
    args = parser.parse_args()
    items = collect(args.dirs)
    if args.misses:
        misses = rule_misses(items)
        print(f"{sum(misses.values())} gold cues the rules miss, {len(misses)} different:")
        print("; ".join(f"{text} {n}" for text, n in misses.most_common()))
        return
    half_a, half_b = split(items)
    print(
        f"{len(items)} tuning articles ({len(half_a)} in half A, {len(half_b)} in B), "
        f"{sum(len(i.gold_cues) for i in items)} gold cues",
        flush=True,
    )
    for name, held in (("B", half_b), ("A", half_a)):
        for trust in TRUST:  # the ceiling of this route: the gold cues themselves handed to the verb rule
            h = score(held, {item.id: item.gold_cues for item in held}, trust)
            print(
                f"oracle (gold cues as tagged) trust={trust:6} half {name}: attributions (speaker right): "
                f"rules {show(h.rules)}; union {show(h.union)}, {gain(h)}",
                flush=True,
            )
    verdicts = []
    for features in args.features or FEATURES:
        halves: dict[str, list[HalfScore]] = {trust: [] for trust in TRUST}
        for name, train_half, held in (("B (trained on A)", half_a, half_b), ("A (trained on B)", half_b, half_a)):
            tagger = train(training_docs(train_half), features, args.epochs)
            cues = {item.id: tag(tagger, item.doc) for item in held}
            for trust in TRUST:
                h = score(held, cues, trust)
                halves[trust].append(h)
                print(
                    f"features={features:6} trust={trust:6} held out {name} ({len(held)} articles): "
                    f"cues: tagger {show(h.tagger_cues)}; rules {show(h.rule_cues)}; union {show(h.union_cues)} | "
                    f"attributions (speaker right): rules {show(h.rules)}; union {show(h.union)}, {gain(h)} | "
                    f"gold cues the rules miss: {h.missed} ({h.missed_verbs} verbs), the tagger finds {h.recovered}",
                    flush=True,
                )
        verdicts += [f"{features} {trust}: {'passes' if passes(halves[trust]) else 'fails'}" for trust in TRUST]
    print(f"ship bar (union >= rules + {MIN_GAIN} F1 and P >= {MIN_PRECISION} on both halves): " + "; ".join(verdicts))


if __name__ == "__main__":
    sys.exit(main())
