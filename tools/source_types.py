"""Write course/corpus/source-types.json: a source type for every gold attribution (K18 of the guidelines).

The gold files record who speaks but not what kind of source it is, so the
analyzer's source kinds could not be scored. This script proposes a type for
the obvious cases from the gold attribution alone (its ``speaker`` and
``source_text``, never the analyzer's output) and takes every other one from
``DECIDED``, the types an annotator chose by reading the sentence. Every entry
records how it was typed (``how``: the rule, or the annotator's reason).

Run: ``python tools/source_types.py ../shared/corpus/dev course/corpus``
adds decisions read from a file (``--decisions FILE``) to those already in the
output, and lists, with its sentence, every attribution still undecided.
"""

from __future__ import annotations

import argparse
import json
import re
from pathlib import Path

from medialit.core.article import load_article
from medialit.core.spans import load_annotations
from medialit.nlp.evaluate import gold_pairs

OUT = Path(__file__).resolve().parents[1] / "course" / "corpus" / "source-types.json"
TYPES = ("named", "vague", "anonymous", "document")
PRONOUNS = frozenset("i we me us my our he she him her his hers it its they them their who".split())
DOCUMENT_WORDS = frozenset(
    "report study statement paper letter letters e-mail email posting post website site message filing motion "
    "survey poll summary decision oath banner memoirs poems decrees telegram clippings article document release "
    "index section".split()
)
"""Head words of a written or published source (a general list, not read off the corpus's analyzer output)."""
VAGUE_OPENERS = frozenset("some many several most nearly past previous any".split())
VAGUE_WORDS = frozenset(
    "critics experts officials people activists researchers scientists studies estimates others someone everyone "
    "individuals folks many some".split()
)
"""Open groups: a bare plural or a quantifier picks out nobody in particular (K2)."""
NAME_JOINERS = frozenset("of de del der van von la le and the".split())
NOTES = [
    "Source type of every gold attribution of ../shared/corpus/dev and course/corpus, for scoring the "
    "analyzer's source kinds (guidelines K18). Keys: article id, then 'cue_start:cue_end' of the gold "
    "attribution (unique within an article, and what the evaluator pairs attributions on; an index would "
    "silently point at another attribution if the gold list were reordered). 'speaker' repeats the gold "
    "speaker so a test can tell that the key still points at the same attribution.",
    "Written by tools/source_types.py (helper H3, round 4, 2026-11-28): a rule proposed the type of the obvious "
    "cases from the gold speaker and source_text alone ('how' starts with 'rule:'); every other one was decided "
    "by reading the gold speaker, source_text and the sentence around it ('how' starts with 'read:'). Every "
    "rule proposal was also checked in a listing by speaker and source words; 18 were decided again by reading "
    "(16 changed, mostly media outlets from named to document). The analyzer's output was not consulted. "
    "Test-part gold was read for this annotation only; no rule of the "
    "analyzer was changed from it.",
    "The 24 Wikinews reports added later (helper H3b, round 4, 2026-11-28) were typed the same way: 148 by rule, "
    "123 by reading, of which 14 were rule proposals decided again (all from named to document: media outlets, a "
    "tweet and a published interview). In gdansk-mayor-stabbing-arrest the gold then gave The Guardian and "
    "Associated Press one shared cue ('reported by ... and by ...'); the second conjunct's cue is now its own "
    "'by', as rule 1 (one attribution per cue) asks, so each has its key.",
]


def propose(speaker: str, source_text: str) -> tuple[str, str] | None:
    """(type, rule) for an obvious case, or None to leave it to the reader."""
    words = re.findall(r"[\w’'-]+", source_text.lower())
    if source_text.lower() in PRONOUNS:
        if re.fullmatch(r"(?:[A-ZÀ-Ž][\w’'.-]*\s?)+", speaker) and speaker.lower() not in PRONOUNS:
            return "named", "rule: a pronoun standing for a named speaker"
        return None
    if words and (words[0] in VAGUE_OPENERS or source_text.lower() in VAGUE_WORDS):
        return ("vague", "rule: a quantifier or bare plural, nobody in particular") if speaker == source_text else None
    if any(w in DOCUMENT_WORDS for w in words) or (speaker == source_text and speaker.endswith("s")):
        return None  # documents, and a capitalised plural ("Activists"): decided by reading
    name = [w for w in speaker.split() if w.lower() not in NAME_JOINERS]
    if name and all(w[:1].isupper() for w in name) and name[-1] in source_text:
        return "named", "rule: the source words give the speaker's name"
    return None


def build(dirs: list[Path], decided: dict[str, dict[str, tuple[str, ...]]]) -> tuple[dict, list[str]]:
    """The file's content, and a listing of the attributions neither a rule nor a decision covers."""
    articles: dict[str, dict[str, dict[str, str]]] = {}
    undecided = []
    for md, gold_path in gold_pairs(dirs):
        article = load_article(md)
        body = article.body
        entries = {}
        for a in load_annotations(gold_path).attributions:
            key = f"{a.cue.start}:{a.cue.end}"
            source_text = a.source.text(body)
            read = decided.get(article.id, {}).get(key)
            found = read[:2] if read and read[2] in ("", a.speaker) else propose(a.speaker, source_text)
            if found is None:
                start = body.rfind("\n", 0, a.source.start) + 1
                end = body.find("\n", a.cue.end)
                context = " ".join(body[start : end if end > 0 else None].split())[:400]
                undecided.append(f'{article.id} {key} | {a.speaker} | "{source_text}" | {context}')
                continue
            entries[key] = {"type": found[0], "speaker": a.speaker, "how": found[1]}
        articles[article.id] = entries
    return {"notes": NOTES, "types": list(TYPES), "articles": articles}, undecided


def dumps(content: dict) -> str:
    """JSON with one line per attribution, so a change of type is a one-line diff."""
    lines = [
        "{",
        f' "notes": {json.dumps(content["notes"], ensure_ascii=False)},',
        f' "types": {json.dumps(content["types"])},',
    ]
    lines.append(' "articles": {')
    articles = list(content["articles"].items())
    for i, (article, entries) in enumerate(articles):
        lines.append(f"  {json.dumps(article)}: {{")
        rows = [f"   {json.dumps(k)}: {json.dumps(v, ensure_ascii=False)}" for k, v in entries.items()]
        lines.append(",\n".join(rows))
        lines.append("  }" + ("," if i < len(articles) - 1 else ""))
    return "\n".join([*lines, " }", "}"]) + "\n"


def decisions(extra: Path | None) -> dict[str, dict[str, tuple[str, str]]]:
    """The types decided by reading: those already in the file (kept while the speaker is the same) and ``extra``."""
    out: dict[str, dict[str, tuple[str, str]]] = {}
    if OUT.exists():
        for article, entries in json.loads(OUT.read_text(encoding="utf-8"))["articles"].items():
            for key, entry in entries.items():
                if entry["how"].startswith("read:"):
                    out.setdefault(article, {})[key] = (entry["type"], entry["how"], entry["speaker"])
    if extra is not None:
        for article, entries in json.loads(extra.read_text(encoding="utf-8")).items():
            for key, (kind, why) in entries.items():
                out.setdefault(article, {})[key] = (kind, f"read: {why}", "")
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("dirs", nargs="+", type=Path)
    parser.add_argument("--decisions", type=Path, help="JSON: article id -> 'cue_start:cue_end' -> [type, reason]")
    args = parser.parse_args()
    content, undecided = build(args.dirs, decisions(args.decisions))
    if undecided:
        print("\n".join(undecided))
        raise SystemExit(f"{len(undecided)} attributions have no type yet: decide them (--decisions FILE)")
    OUT.write_text(dumps(content), encoding="utf-8")
    print(f"wrote {OUT} ({sum(len(v) for v in content['articles'].values())} attributions)")


if __name__ == "__main__":
    main()
