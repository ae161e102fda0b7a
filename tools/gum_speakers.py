"""Speakers checked against GUM coreference: is a pronoun or description resolved to the entity GUM says it is?

GUM (github.com/amir-zeldes/gum) marks every mention of an entity and links
the mentions of one entity into a chain (`_build/src/tsv/NAME.tsv`, WebAnno TSV:
entity, identity and coreference columns). That is a gold for speaker resolution
the rules were never tuned on. For each GUM document allowed this round (any
genre; not a test-part article of course/corpus, not one of the eight held-out
reports of issue 14, which are filtered out before any file is read), the
analyzer runs on the text tools/gum_article.py builds from it, and each
attribution whose source is a pronoun, a relative pronoun or a definite
description ("the minister", "the agency") is looked up in GUM: the smallest
mention that starts at the source (by character offsets; GUM's relative
pronouns lie inside the mention of the noun they describe), and its chain.

The speaker is right when it names the chain's most specific name (GUM's
identity, else a run of capitalised words ending a mention: the name's last
word is in the speaker), or, for a chain that GUM never names, any description
in it ("either's last word in the other", as ``medialit evaluate`` compares
speakers). A pronoun GUM links to no noun phrase (to
nothing, or to other pronouns only) is right only if left unresolved. The lenient figure takes any mention of the chain.

Where GUM is not our guidelines: "we" and "I" inside a quotation are the
quoted speaker under the guidelines, GUM chains "we" with the group; those
pairs are counted apart and not in the accuracy, and so are "I" and "we" outside quotations,
which the guidelines take for the author (GUM chains them with the speaker's name, or "you" in a
conversation). GUM is CC BY (-SA/-NC by
source, see its README): only its annotations are read at evaluation time,
nothing of it is copied into the package.

    python tools/gum_speakers.py [--errors] [--genre news]
"""

from __future__ import annotations

import argparse
import re
import subprocess
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path

from medialit.core.article import parse_markdown
from medialit.nlp.analysis import analyze
from medialit.nlp.evaluate import part_of, speaker_words
from medialit.nlp.pipeline import load_pipeline

from _corpus import CachedParser, add_cache_option  # isort: skip  (tools/ is on the path when run as a script)
from gum_article import GUM, article_md, gum_text, load_document  # isort: skip

REPO = Path(__file__).resolve().parents[1]
HELD_OUT = frozenset(
    "GUM_news_clock GUM_news_homeopathic GUM_news_crane GUM_news_ie9 GUM_news_korea GUM_news_defector"
    " GUM_news_questionnaire GUM_news_soccer".split()
)
"""Issue 14's held-out reports: never opened, parsed or counted."""
PRONOUN_KINDS = {
    **dict.fromkeys(("he", "him", "his"), "he"),
    **dict.fromkeys(("she", "her"), "she"),
    **dict.fromkeys(("they", "them", "their"), "they"),
    **dict.fromkeys(("it", "its"), "it"),
    **dict.fromkeys(("we", "us", "our"), "we"),
    **dict.fromkeys(("i", "me", "my"), "I"),
    **dict.fromkeys(("who", "which", "that", "whom", "whose"), "relative"),
}
DETERMINERS = frozenset("the this that these those his her its their our my".split())


@dataclass
class GumCoref:
    """One GUM document's tokens (sentence, text), mentions (first and last token) and their chains."""

    tokens: list[tuple[int, str]] = field(default_factory=list)
    mentions: dict[str, tuple[int, int]] = field(default_factory=dict)
    chain: dict[str, str] = field(default_factory=dict)
    identity: dict[str, str] = field(default_factory=dict)
    """Mention -> GUM's identity of its entity ("Charles Bolden"), where GUM gives one."""

    def members(self, mention: str) -> list[str]:
        root = self.chain.get(mention, mention)
        return [m for m in self.mentions if self.chain.get(m, m) == root]

    def text(self, mention: str) -> str:
        first, last = self.mentions[mention]
        return " ".join(t for _, t in self.tokens[first : last + 1])


def read_tsv(tsv: str) -> GumCoref:
    """Mentions and coreference chains of a WebAnno TSV 3 document (bridging links are not identity: left out)."""
    out = GumCoref()
    index: dict[str, int] = {}
    links: list[tuple[str, str]] = []
    sentence = 0
    for line in tsv.splitlines():
        if line.startswith("#Text="):
            sentence += 1
        if not line or line.startswith("#"):
            continue
        cols = line.split("\t")
        if "." in cols[0]:  # a sub-token: spans are kept on whole tokens
            continue
        index[cols[0]] = len(out.tokens)
        out.tokens.append((sentence, cols[2]))
        for entity, identity in zip(cols[3].split("|"), _padded(cols[6], cols[3]), strict=True):
            if entity == "_":
                continue
            key = _key(entity, cols[0])
            first, _ = out.mentions.get(key, (len(out.tokens) - 1, 0))
            out.mentions[key] = (first, len(out.tokens) - 1)
            if identity not in ("_", ""):
                out.identity[key] = re.sub(r"\[\d+\]$", "", identity).replace("_", " ")
        for kind, link in zip(cols[7].split("|"), cols[8].split("|"), strict=False):
            found = re.fullmatch(r"(\d+-\d+)(?:\[(\d+)_(\d+)\])?", link)
            if kind == "coref" and found:
                there, here = found.group(2) or "0", found.group(3) or "0"
                links.append((_key(f"x[{there}]", found.group(1)), _key(f"x[{here}]", cols[0])))
    parent: dict[str, str] = {}

    def root(m: str) -> str:
        while parent.get(m, m) != m:
            m = parent[m]
        return m

    for a, b in links:
        if a in out.mentions and b in out.mentions:
            parent[root(a)] = root(b)
    out.chain = {m: root(m) for m in out.mentions}
    return out


def _padded(identity: str, entity: str) -> list[str]:
    values = identity.split("|")
    return values + ["_"] * (len(entity.split("|")) - len(values))


def _key(entity: str, token: str) -> str:
    """A mention's key: its number, or for a one-token mention without one (number 0) the token it is on."""
    found = re.search(r"\[(\d+)\]$", entity)
    return found.group(1) if found and found.group(1) != "0" else f"t{token}"


def align(tokens: list[tuple[int, str]], body: str) -> list[tuple[int, int] | None]:
    """Character offsets in ``body`` of each GUM token, sentence by sentence; a sentence the body left out (a
    caption, the Sources list) is None throughout."""
    out: list[tuple[int, int] | None] = [None] * len(tokens)
    by_sentence: dict[int, list[int]] = defaultdict(list)
    for i, (s, _) in enumerate(tokens):
        by_sentence[s].append(i)
    pos = 0
    for ids in by_sentence.values():
        spans, at = [], pos
        for i in ids:
            word = tokens[i][1]
            start = at + len(body[at:]) - len(body[at:].lstrip()) if spans else body.find(word, at)
            if start < 0 or body[start : start + len(word)] != word:
                spans = None
                break
            spans.append((start, start + len(word)))
            at = start + len(word)
        if spans:
            for i, span in zip(ids, spans, strict=True):
                out[i] = span
            pos = at
    return out


def mention_kind(source: str) -> str:
    """he / she / they / it / we / I / relative for a pronoun, "definite NP" for a description, "" otherwise."""
    words = source.split()
    if len(words) == 1 and words[0].lower() in PRONOUN_KINDS:
        return PRONOUN_KINDS[words[0].lower()]
    if len(words) > 1 and words[0].lower() in DETERMINERS and words[-1][:1].islower():
        return "definite NP"
    return ""


def names_of(gum: GumCoref, mentions: list[str]) -> list[str]:
    """The chain's names: GUM's identity, and runs of capitalised words that end a mention ("Minister Kim
    Tae-young"), not the mention's first word alone (a capital that only starts a sentence)."""
    names = [gum.identity[m] for m in mentions if m in gum.identity]
    for m in mentions:
        first, last = gum.mentions[m]
        words = [t for _, t in gum.tokens[first : last + 1]]
        run = []
        for word in reversed(words):
            if not word[:1].isupper() or word.lower() in PRONOUN_KINDS:
                break
            run.insert(0, word)
        sentence_start = first == 0 or gum.tokens[first - 1][0] != gum.tokens[first][0]
        if run and not (len(run) == 1 and len(words) == 1 and sentence_start and not words[0].isupper()):
            names.append(" ".join(run))
    return list(dict.fromkeys(names))


def same_one(speaker: str, wanted: str, name: bool = False) -> bool:
    """The speaker names ``wanted``: a name's last word (the surname) is in the speaker; a description and the
    speaker share either's last word, as ``medialit evaluate`` compares speakers."""
    want, got = speaker_words(wanted), speaker_words(speaker)
    return bool(want and got) and (want[-1] in got or (not name and got[-1] in want))


def judge(speaker: str, source: str, gum: GumCoref, mention: str) -> tuple[bool, bool, list[str]]:
    """(right, right by any mention of the chain, the chain's names or descriptions) for one speaker."""
    members = gum.members(mention)
    names = names_of(gum, members)
    descriptions = [gum.text(m) for m in members if gum.text(m).lower() not in PRONOUN_KINDS]
    unresolved = speaker.lower() in PRONOUN_KINDS
    if not names and not descriptions and source.lower() in PRONOUN_KINDS:  # GUM links it to no noun phrase
        return unresolved, unresolved, ["(no antecedent)"]
    right = not unresolved and any(same_one(speaker, w, bool(names)) for w in names or descriptions)
    lenient = not unresolved and any(same_one(speaker, w) for w in names + descriptions)
    wanted = names or descriptions
    return right, lenient, wanted


def allowed_documents(corpus: Path = REPO / "course/corpus") -> list[str]:
    """GUM documents of this round: every GUM_* document but the held-out eight and those of test-part articles."""
    sources = (corpus / "SOURCES.md").read_text(encoding="utf-8")
    test = set()
    for section in sources.split("\n### ")[1:]:
        found = re.search(r"dep/(GUM_\w+)\.conllu", section)
        if found and part_of(section.split("\n", 1)[0].strip()) == "test":
            test.add(found.group(1))
    listing = subprocess.run(
        ["git", "-C", GUM, "ls-tree", "--name-only", "HEAD:_build/src/tsv"], capture_output=True, text=True, check=True
    ).stdout.split()
    names = [n.removesuffix(".tsv") for n in listing if n.startswith("GUM_")]
    return [n for n in names if n not in HELD_OUT and n not in test]


def check_document(name: str, nlp) -> list[dict]:
    """One row per pronoun or description source the analyzer credits in a GUM document."""
    article = parse_markdown(article_md(load_document(name), name.lower().replace("_", "-")))
    gum = read_tsv(gum_text(f"_build/src/tsv/{name}.tsv"))
    offsets = align(gum.tokens, article.body)
    rows = []
    for a in analyze(article, nlp).attributions:
        source = a.source.text(article.body)
        kind = mention_kind(source)
        if not kind:
            continue
        row = {"doc": name, "genre": name.split("_")[1], "kind": kind, "source": source, "speaker": a.speaker}
        row["sentence"] = _sentence(article.body, a.source.start)
        if kind in ("we", "I") and f"speaker '{source}' ->" in a.rule:
            rows.append(row | {"status": "quoted first person"})  # the guidelines: the one quoted
            continue
        if kind in ("we", "I") and a.speaker == source:
            rows.append(row | {"status": "the author's first person"})  # the guidelines: the author
            continue
        mention = _mention_at(gum, offsets, a.source.start, a.source.end)
        if mention is None:
            rows.append(row | {"status": "no GUM mention"})
            continue
        right, lenient, wanted = judge(a.speaker, source, gum, mention)
        rows.append(row | {"status": "checked", "right": right, "lenient": lenient, "gum": wanted})
    return rows


def _mention_at(gum: GumCoref, offsets: list, start: int, end: int) -> str | None:
    """The smallest GUM mention that holds the whole source and starts where it starts (a relative pronoun lies
    inside the mention of its noun)."""
    best = None
    for key, (first, last) in gum.mentions.items():
        a, b = offsets[first], offsets[last]
        if a is None or b is None or not a[0] <= start < b[1]:
            continue
        score = (b[1] < end, a[0] != start, b[1] - a[0])  # the whole source, from its start, tightest
        if best is None or score < best[0]:
            best = (score, key)
    return best[1] if best else None


def _sentence(body: str, at: int) -> str:
    start = max(body.rfind(". ", 0, at) + 2, body.rfind("\n", 0, at) + 1, 0)
    end = body.find(". ", at)
    return " ".join(body[start : end + 1 if end > 0 else len(body)].split())[:300]


def summary(rows: list[dict]) -> list[str]:
    checked = [r for r in rows if r["status"] == "checked"]
    lines = [_figure("all", checked)]
    for key in ("genre", "kind"):
        for value in sorted({r[key] for r in checked}):
            lines.append(_figure(f"  {key} {value}", [r for r in checked if r[key] == value]))
    apart = Counter(r["status"] for r in rows if r["status"] != "checked")
    lines.append("not checked: " + (", ".join(f"{k} {n}" for k, n in apart.items()) or "none"))
    return lines


def _figure(label: str, rows: list[dict]) -> str:
    right, lenient = sum(r["right"] for r in rows), sum(r["lenient"] for r in rows)
    n = len(rows) or 1
    return f"{label:<24} {right}/{len(rows)} ({right / n:.3f}); any mention of the chain {lenient}/{len(rows)}"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--errors", action="store_true", help="list the wrong speakers")
    parser.add_argument("--genre", help="only documents of this GUM genre (news, interview, bio ...)")
    add_cache_option(parser)
    args = parser.parse_args()
    nlp = CachedParser(load_pipeline(), args.cache)
    names = [n for n in allowed_documents() if not args.genre or n.split("_")[1] == args.genre]
    rows = [row for name in names for row in check_document(name, nlp)]
    print(f"{len(names)} GUM documents, {len(rows)} pronoun or description sources")
    print("\n".join(summary(rows)))
    if args.errors:
        for r in sorted((r for r in rows if r["status"] == "checked" and not r["right"]), key=lambda r: r["kind"]):
            print(f"- [{r['kind']}] {r['doc']} | {r['source']!r} -> {r['speaker']!r} | GUM: {'; '.join(r['gum'][:4])}")
            print(f"    {r['sentence']}")


if __name__ == "__main__":
    main()
