"""Attribution errors of the tuning part, grouped by kind and construction; whole-part figures of either part.

``--part tuning`` (the default) lists every missed gold attribution and every
extra one with its sentence, grouped by gold kind and by the construction
around the cue, plus figures by genre and kind and the per-article spread.
``--speakers`` lists the cue-matched pairs whose speaker is wrong (the pairs
of the speaker-accuracy figure), grouped by how the speaker was resolved.
The tuning figures are also given for its two halves (parity of SHA-256 of
the id followed by "1") and for the eight reports added fresh in round 7.
``--part test`` prints only whole-part and genre figures: the test part is
never read article by article. Parses are cached (``--cache``), so a rule
change is scored again in seconds. ``--objects`` (twenty-seventh round) counts, per
tuning half, the uses of a lexicon verb with only an object (no clause) that the gold
credits or not and the analyzer finds or not, by the verb's tier and by the WordNet
file of the object's first sense (``object_uses``; WordNet 3.0 from the Debian package
``wordnet-base``, ``--wordnet``).

Run: ``python tools/attribution_misses.py ../shared/corpus/dev course/corpus [--part test] [--objects]``
"""

from __future__ import annotations

import argparse
from collections import Counter, defaultdict
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import TYPE_CHECKING

from medialit.core.article import Article, load_article
from medialit.core.spans import Span, load_annotations
from medialit.nlp.analysis import read_analysis
from medialit.nlp.evaluate import DEV_ARTICLES, Evaluation, evaluate, gold_pairs, tuning_half
from medialit.nlp.pipeline import load_pipeline

from _corpus import CachedParser, add_cache_option  # isort: skip  (tools/ is on the path when run as a script)
from analyzer_report import genres  # isort: skip
from derive_wordnet_lexicons import WORDNET, synsets  # isort: skip

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

FRESH = frozenset(
    "karaj-cargo-plane-crash turpin-parents-sentenced slippery-toilet-coating el-paso-walmart-shooting"
    " samoa-measles-shutdown mindanao-earthquake-aftershocks kurds-assad-deal-turkey-invasion"
    " sola-airport-parking-fire".split()
)
"""The eight tuning reports added in round 7, measured once as a group before any tuning."""


def construction(body: str, cue: str, start: int, end: int) -> str:
    """A rough name for the words around a missed cue, to group misses."""
    line_start = body.rfind("\n", 0, start) + 1
    before = body[line_start:start]
    if not cue.strip() or cue.strip() == ":":
        return "colon"
    if cue.lower().startswith("according"):
        return "according to"
    if " " in cue.strip():
        return "multi-word cue"
    if body[end : end + 2].startswith(":") or body[end : end + 3].startswith(" :"):
        return "cue + colon"
    if any(m in before[-3:] for m in '"”’'):
        return "after a quotation"
    return "single word"


SHAPES = (
    "inside another attribution's content",
    "passive or agent",
    "participle (-ing)",
    "relative clause",
    "noun cue",
    "finite verb, object only",
    "finite verb with a clause",
    "other",
)
"""What the words around a missed cue are, from the parse (``shape``), in the order they are tested."""


def cue_head(doc: Doc, cue: Span) -> Token | None:
    """The cue's main word: its first verb, else the root of its words ("issued [warnings]", "As revealed at")."""
    words = doc.char_span(cue.start, cue.end, alignment_mode="expand")
    if words is None or not len(words):
        return None
    return next((t for t in words if t.pos_ in ("VERB", "AUX") and t.dep_ not in ("aux", "auxpass")), words.root)


def shape(doc: Doc, cue: Span, contents: list[Span]) -> str:
    """The construction a missed cue stands in (``SHAPES``): inside the content of an attribution the analyzer
    found (K5, a nested cue), a passive, an agent or a past participle ("was seconded by", "As revealed at"), an
    "-ing" participle ("citing sources", "a message blaming Iran"), a relative clause ("which advocates"), a noun
    ("Their demands"), or a finite verb with only an object ("Experts attribute this to") or with a clause."""
    head = cue_head(doc, cue)
    if any(c.start <= cue.start and cue.end <= c.end for c in contents):
        return SHAPES[0]
    if head is None:
        return SHAPES[-1]
    children = {c.dep_ for c in head.children}
    perfect = any(c.dep_ == "aux" and c.lemma_ == "have" for c in head.children)
    participle = head.tag_ == "VBN" and not perfect  # "As revealed at trial", "provided by officials"
    if "auxpass" in children or "agent" in children or head.lower_ == "by" or participle:
        return SHAPES[1]
    if head.tag_ == "VBG" and not any(c.dep_ == "aux" and c.lemma_ == "be" for c in head.children):
        return SHAPES[2]
    if head.dep_ == "relcl":
        return SHAPES[3]
    if head.pos_ in ("NOUN", "PROPN"):
        return SHAPES[4]
    if head.pos_ in ("VERB", "AUX"):
        clause = children & {"ccomp", "xcomp", "advcl", "parataxis"}
        return SHAPES[6] if clause else SHAPES[5]
    return SHAPES[-1]


def sentence_around(body: str, start: int, end: int, width: int = 220) -> str:
    left = max(body.rfind("\n", 0, start) + 1, start - width // 2)
    right = body.find("\n", end)
    right = min(right if right >= 0 else len(body), end + width // 2)
    return " ".join((body[left:start] + "[[" + body[start:end] + "]]" + body[end:right]).split())


def analyzed(article: Article, parser: CachedParser) -> Doc:
    """The article's Doc after the analysis stages, as ``analyze`` makes it."""
    doc = parser.make_doc(article.body)
    doc._.medialit_article = article
    return parser(doc)


def tuning_attributions(dirs: list[Path], parser: CachedParser) -> Iterator[tuple[Article, list, list]]:
    """Each tuning article with its gold and its predicted attributions; a test article's errors are never read."""
    for article, key, _, predicted in tuning_parsed(dirs, parser):
        yield article, key, predicted


def tuning_parsed(dirs: list[Path], parser: CachedParser) -> Iterator[tuple[Article, list, Doc, list]]:
    """Each tuning article, its gold attributions, its analyzed Doc and its predicted attributions."""
    for md, gold_path in gold_pairs(dirs, "tuning"):
        article = load_article(md)
        doc = analyzed(article, parser)
        yield article, list(load_annotations(gold_path).attributions), doc, list(read_analysis(doc).attributions)


NOUN_FILES = dict(
    enumerate(
        "Tops act animal artifact attribute body cognition communication event feeling food group location motive"
        " object person phenomenon plant possession process quantity relation shape state substance time".split(),
        start=3,
    )
)
"""WordNet's noun lexicographer files by number (lexnames(5)): noun.Tops is 03, noun.time 28."""
NAMED = frozenset("PERSON ORG GPE NORP".split())


def first_noun_senses(wordnet: Path = WORDNET) -> dict[str, str]:
    """Each WordNet noun with the file of its first sense (``index.noun`` lists senses by frequency): "claim" ->
    "communication", "coalition" -> "group"."""
    files = {s.offset: NOUN_FILES.get(s.lexfile, str(s.lexfile)) for s in synsets(wordnet / "data.noun")}
    out = {}
    for line in (wordnet / "index.noun").read_text(encoding="utf-8").splitlines():
        if line.startswith("  "):
            continue  # licence header
        fields = line.split()
        first = fields[-int(fields[2])]
        out[fields[0].replace("_", " ")] = files.get(first, "?")
    return out


def verb_tier(token: Token) -> str | None:
    """Which lexicon makes ``token`` a cue and what content it takes there: a speech act ("act: judge"), the hand
    list with an object or a clause as content, WordNet's that-clause verbs or its speech-only tier."""
    from medialit.nlp.reporting_lexicon import lexicon_entry, speech_act

    act = speech_act(token)
    if act is not None:
        return f"act: {act['act']}"
    entry = lexicon_entry(token)
    if entry is None:
        return None
    if entry["lexicon"] == "speech_verbs":
        return f"hand list, {entry['content']}"
    return "WordNet, that-clause" if entry["lexicon"] == "reporting_verbs_wordnet" else "WordNet, speech only"


def object_class(obj: Token, first: Mapping[str, str]) -> str:
    """What a verb's object is: a pronoun, a name, a figure, or the WordNet file of the noun's first sense."""
    if obj.pos_ == "PRON":
        return "pronoun"
    if obj.pos_ == "PROPN" or obj.ent_type_ in NAMED:
        return "name"
    if obj.like_num or any(c.dep_ == "nummod" for c in obj.children):
        return "figure"
    return first.get(obj.lemma_.lower(), "not in WordNet")


def object_uses(
    doc: Doc, key_cues: list[Span], key_contents: list[Span], found_cues: list[Span], first: Mapping[str, str]
) -> list[dict]:
    """Each verb of the lexicons with a direct object and no clause after it ("confirmed the deaths", "declared a
    state of emergency"), not inside the content of a gold attribution with another cue: its tier, lemma and
    object class, whether the gold credits it (a gold cue on the verb) and whether the analyzer found it."""
    from medialit.nlp.reporting_lexicon import verb_lemma

    uses = []
    for token in doc:
        tier = verb_tier(token) if token.pos_ == "VERB" else None
        after = [c for c in token.children if c.i > token.i]
        objects = [c for c in after if c.dep_ == "dobj"]
        if tier is None or not objects or any(c.dep_ in ("ccomp", "xcomp", "parataxis") for c in after):
            continue
        word = Span(token.idx, token.idx + len(token), "verb")
        credited = any(c.overlap(word) > 0 for c in key_cues)
        nested = not credited and any(c.start <= word.start and word.end <= c.end for c in key_contents)
        if not nested:
            found = any(c.overlap(word) > 0 for c in found_cues)
            cls = object_class(objects[0], first)
            uses.append({"tier": tier, "lemma": verb_lemma(token), "object": cls, "credited": credited, "found": found})
    return uses


def object_table(uses: list[dict], key: str) -> str:
    """Per ``key`` (tier, object class), per half: uses the gold credits (the analyzer found) / not (found)."""
    counts: dict[str, Counter] = defaultdict(Counter)
    for u in uses:
        counts[u[key]][(u["half"], u["credited"], u["found"])] += 1
    lines = [f"| {key} | A: credited (found) / not (found) | B: credited (found) / not (found) |", "|---|---|---|"]
    for name, c in sorted(counts.items(), key=lambda kv: (-sum(kv[1].values()), kv[0])):
        cells = [
            f"{c[(h, True, True)] + c[(h, True, False)]} ({c[(h, True, True)]}) / "
            f"{c[(h, False, True)] + c[(h, False, False)]} ({c[(h, False, True)]})"
            for h in "AB"
        ]
        lines.append(f"| {name} | " + " | ".join(cells) + " |")
    return "\n".join(lines)


def objects_report(dirs: list[Path], parser: CachedParser, wordnet: Path) -> str:
    """The tuning part's verbs with only an object, by tier, then by object class for WordNet's tiers and for the
    hand list's verbs that take an object."""
    first = first_noun_senses(wordnet)
    uses = []
    for article, key, doc, predicted in tuning_parsed(dirs, parser):
        found = object_uses(doc, [k.cue for k in key], [k.content for k in key], [p.cue for p in predicted], first)
        uses += [{**u, "half": "AB"[tuning_half(article.id)]} for u in found]
    wordnet_tiers = [u for u in uses if u["tier"].startswith("WordNet")]
    hand = [u for u in uses if u["tier"] == "hand list, object"]
    return "\n\n".join(
        [object_table(uses, "tier"), object_table(wordnet_tiers, "object"), object_table(hand, "object")]
    )


def errors(dirs: list[Path], parser: CachedParser) -> tuple[list[dict], list[dict]]:
    """Missed gold attributions and extra predicted ones, tuning part only."""
    from medialit.exercises.scoring import match
    from medialit.nlp.evaluate import cues_by_index, same_attribution

    missed, extra = [], []
    for article, key, doc, predicted in tuning_parsed(dirs, parser):
        body = article.body
        contents = [p.content for p in predicted]
        right = match(cues_by_index(predicted), cues_by_index(key), same_attribution(predicted, key))
        for m in right:
            if m.status == "missed":
                g = key[int(m.key.label)]
                near = [p for p in predicted if p.cue.overlap(g.cue) > 0]
                missed.append(
                    {
                        "article": article.id,
                        "half": "AB"[tuning_half(article.id)],
                        "kind": g.kind,
                        "speaker": g.speaker,
                        "cue": g.cue.text(body),
                        "why": f"speaker given as {near[0].speaker!r} ({near[0].rule})" if near else "no cue",
                        "construction": construction(body, g.cue.text(body), g.cue.start, g.cue.end),
                        "shape": shape(doc, g.cue, contents),
                        "text": sentence_around(body, g.cue.start, g.cue.end),
                    }
                )
            elif m.status == "extra":
                p = predicted[int(m.answer.label)]
                others = [q.content for q in predicted if q is not p]
                extra.append(
                    {
                        "article": article.id,
                        "half": "AB"[tuning_half(article.id)],
                        "rule": p.rule.split(";")[0],
                        "shape": shape(doc, p.cue, others),
                        "speaker": p.speaker,
                        "text": sentence_around(body, p.cue.start, p.cue.end),
                    }
                )
    return missed, extra


def wrong_speakers(dirs: list[Path], parser: CachedParser) -> list[dict]:
    """Cue-matched pairs of the tuning part whose speakers do not name the same one (evaluate's pairing)."""
    from medialit.exercises.scoring import match
    from medialit.nlp.evaluate import cues_by_index, overlaps, same_speaker

    out = []
    for article, key, predicted in tuning_attributions(dirs, parser):
        body = article.body
        for m in match(cues_by_index(predicted), cues_by_index(key), overlaps):
            if m.status != "correct":
                continue
            p, g = predicted[int(m.answer.label)], key[int(m.key.label)]
            if same_speaker(p, g):
                continue
            rule = next((r for r in p.rule.split("; ") if "->" in r), "")
            out.append(
                {
                    "article": article.id,
                    "half": tuning_half(article.id),
                    "gold": g.speaker,
                    "got": p.speaker,
                    "source": p.source.text(body),
                    "how": rule.split("'")[0].strip() if rule else "as written",
                    "rule": p.rule,
                    "text": sentence_around(body, p.source.start, p.source.end),
                }
            )
    return out


def figures(e: Evaluation, genre: dict[str, str], part: str) -> list[str]:
    """Whole-part figures, by genre, by kind, speaker accuracy and the per-article spread."""
    groups = {
        "all": lambda a: True,
        "news reports": lambda a: genre[a.article] == "report",
        "news reports, dev left out": lambda a: genre[a.article] == "report" and a.article not in DEV_ARTICLES,
        "interviews": lambda a: genre[a.article] == "interview",
        "undated texts": lambda a: genre[a.article] == "undated",
    }
    if part == "tuning":
        groups |= {
            "tuning half 0": lambda a: tuning_half(a.article) == 0,
            "tuning half 1": lambda a: tuning_half(a.article) == 1,
            "8 fresh reports": lambda a: a.article in FRESH,
        }
    lines = [f"{part} part: {len(e.articles)} articles"]
    for name, keep in groups.items():
        chosen = Evaluation([a for a in e.articles if keep(a)])
        if not chosen.articles:
            continue
        m = chosen.micro
        a = m.attribution
        kinds = ", ".join(f"{k} {f}/{n}" for k, (f, n) in m.by_kind.items() if n)
        named, pairs = m.speaker_strict
        spread = chosen.spread().get("attribution", {})
        lines.append(
            f"  {name:<28} n={len(chosen.articles):>2}  attribution F1 {a.f1:.3f}"
            f" (P {a.precision:.3f} R {a.recall:.3f};"
            f" tp {a.tp} fp {a.fp} fn {a.fn})  attributed F1 {m.sentences['attributed'].f1:.3f}"
            f"  unsupported F1 {m.sentences['unsupported'].f1:.3f}"
            f"  overlap F1 {m.overlap.f1:.3f} exact F1 {m.exact.f1:.3f}"
        )
        lines.append(
            f"  {'':<28}       by kind: {kinds}; speaker {named}/{pairs}"
            + (
                f"; per article mean {spread['mean']:.3f} min {spread['min']:.3f} over {spread['articles']}"
                if spread and part == "tuning"
                else ""
            )
        )
    return lines


def shape_table(missed: list[dict]) -> str:
    """Missed attributions by ``shape``, per tuning half: misses and (articles)."""
    lines = ["| shape of the missed cue | A: misses (articles) | B: misses (articles) |", "|---|---|---|"]
    for name in SHAPES:
        cells = []
        for half in "AB":
            items = [m for m in missed if m["shape"] == name and m["half"] == half]
            cells.append(f"{len(items)} ({len({m['article'] for m in items})})")
        if any(not c.startswith("0 ") for c in cells):
            lines.append(f"| {name} | " + " | ".join(cells) + " |")
    return "\n".join(lines)


def extra_table(extra: list[dict]) -> str:
    """False findings (round 28) by the family of the rule that fired (``verb``, ``passive``, ``colon`` ...) and the
    shape of their cue in the parse (``shape``, other findings' contents only), per tuning half: findings and
    (articles)."""
    groups: dict[tuple[str, str], list[dict]] = defaultdict(list)
    for x in extra:
        groups[(x["rule"].split(":")[0], x["shape"])].append(x)
    lines = ["| rule family | shape of the cue | A: false (articles) | B: false (articles) |", "|---|---|---|---|"]
    for (family, how), items in sorted(groups.items(), key=lambda kv: (-len(kv[1]), kv[0])):
        cells = []
        for half in "AB":
            chosen = [x for x in items if x["half"] == half]
            cells.append(f"{len(chosen)} ({len({x['article'] for x in chosen})})")
        lines.append(f"| {family} | {how} | " + " | ".join(cells) + " |")
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("dirs", nargs="+", type=Path)
    parser.add_argument("--part", choices=("tuning", "test"), default="tuning")
    add_cache_option(parser)
    parser.add_argument("--errors", action="store_true", help="list the tuning part's misses and extras")
    parser.add_argument("--speakers", action="store_true", help="list the tuning part's wrong speakers")
    parser.add_argument(
        "--genre",
        choices=("report", "interview", "undated", "not-report"),
        help="--errors: only this genre's (not-report: interviews and undated texts)",
    )
    parser.add_argument("--kind", help="--errors: only missed attributions of this gold kind (indirect, mixed ...)")
    parser.add_argument("--objects", action="store_true", help="the tuning part's verbs with only an object")
    parser.add_argument("--wordnet", type=Path, default=WORDNET, help="--objects: WordNet 3.0's dict folder")
    args = parser.parse_args()
    cached = CachedParser(load_pipeline(), args.cache)
    if args.objects:
        print(objects_report(args.dirs, cached, args.wordnet))
        return
    genre = genres(args.dirs)
    print("\n".join(figures(evaluate(args.dirs, cached, args.part), genre, args.part)))
    if args.part == "tuning" and args.speakers:
        wrong = wrong_speakers(args.dirs, cached)
        print(
            f"\nwrong speakers {len(wrong)}: "
            + ", ".join(f"{k} {n}" for k, n in Counter(w["how"] for w in wrong).items())
        )
        for w in sorted(wrong, key=lambda w: (w["how"], w["article"])):
            print(
                f"  - [{w['how']}] {w['article']} (half {w['half']}) | gold {w['gold']!r}"
                f" | got {w['got']!r} from {w['source']!r}"
            )
            print(f"      {w['text']}\n      rule: {w['rule']}")
    if args.part != "tuning" or not args.errors:
        return
    missed, extra = errors(args.dirs, cached)
    if args.genre:
        keep = lambda a: genre[a] != "report" if args.genre == "not-report" else genre[a] == args.genre  # noqa: E731
        missed = [m for m in missed if keep(m["article"])]
        extra = [x for x in extra if keep(x["article"])]
    if args.kind:
        missed = [m for m in missed if m["kind"] == args.kind]
    print("\n" + shape_table(missed))
    by_group: dict[tuple[str, str], list[dict]] = defaultdict(list)
    for m in missed:
        by_group[(m["kind"], m["construction"])].append(m)
    print(f"\nmissed {len(missed)}: " + ", ".join(f"{k} {n}" for k, n in Counter(m["kind"] for m in missed).items()))
    for (kind, how), items in sorted(by_group.items(), key=lambda kv: -len(kv[1])):
        print(f"\n## {kind} / {how}: {len(items)}")
        for m in items:
            print(
                f"  - {m['article']} ({m['half']}) | {m['speaker']} | {m['cue']!r} | {m['shape']} | {m['why']}"
                f"\n      {m['text']}"
            )
    print(f"\nextra {len(extra)}: " + ", ".join(f"{k} {n}" for k, n in Counter(x["rule"] for x in extra).most_common()))
    print("\n" + extra_table(extra))
    for x in sorted(extra, key=lambda x: (x["half"], x["rule"].split(":")[0], x["shape"], x["article"])):
        print(f"  - {x['article']} ({x['half']}) | {x['rule']} | {x['shape']} | {x['speaker']}\n      {x['text']}")


if __name__ == "__main__":
    main()
