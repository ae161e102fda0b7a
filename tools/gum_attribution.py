"""Attributed sentences checked against GUM's RST attribution relations (independent gold).

GUM's RST trees (github.com/amir-zeldes/gum, ``rst/rstweb/NAME.rs4``) mark every attribution with
a relation ``attribution-positive`` or ``attribution-negative`` whose satellite is the attributing clause
("he said") and whose nucleus is the reported content. Its annotators never saw medialit's rules, so the
sentences holding such content are gold the rules were not tuned on. This tool reads each allowed document's
RST tree and dependency parse (``dep/NAME.conllu``), keeps the relations that
course/annotation-guidelines.md calls attributions, and compares the sentences holding their content with
the sentences medialit labels ``attributed``.

What GUM calls attribution and the guidelines do not (each satellite is judged on its parse):

- ``first_person``: the cue's subject is I or we, or the text itself ("this article shows"). The writer's
  "I think", "we argue" is the text's own voice, and an attribution credits content "to a source other than
  the article's own voice" (Attributions).
- ``vague``: the subject names no particular source: a quantifier or generic pronoun (many, some, people,
  you, one, everyone) or a bare plural ("experts say", "studies show"). K2/K18 call these vague, and a
  vague source makes the sentence ``unsupported``, not ``attributed`` (Sentences; K9 ``vague_source``).
- ``hidden``: a passive cue with no agent ("it is believed that", "is thought to"): K3, unsupported.
- ``hypothetical``: the cue is under a modal (would, could, might, may, should, can), an infinitive
  ("to say that"), a condition ("if she says"), or in a question or command: nothing was said, so
  nothing is credited (Attributions: content credited to a source).
- ``byline``: words among the text's first or last three sentences that name its author with no verb
  ("By Cory Doctorow", a title's "(Barnes)", a letter's "Yours, Bill"), or any clause GUM credits half the
  text or more to (a signature). GUM attributes the whole text to it; to the guidelines the author is the
  text's own voice and a byline is ``other`` (Sentences).
- turns: sentences inside a speaker's turn (interviews, speeches with ``# speaker``) are not scored.
  The guidelines make an interviewee's whole turn one direct attribution; RST marks only the reports
  inside it, so the two golds do not measure the same thing there.

What the guidelines call attribution and GUM does not: a continued quotation (rule 2; RST credits only the
sentence beside the cue, so every sentence of a quotation that holds kept content is gold here too), and
often requests and reports of documents ("asked the council to ...", "a 2011 study found ..."), which RST
may relate otherwise: such "false" findings are often right by the guidelines, so read ``--errors`` before
narrowing a rule. The tool prints how far this gold agrees with the corpus gold on the corpus's articles.

``attribution-negative`` relations ("she denied that ...") are kept: a denial credits a view to its source.
A sentence is gold ``attributed`` when it holds content (a nucleus EDU) of a kept relation; a sentence that
holds only the attributing clause of a kept relation is not scored; every other sentence is gold "not
attributed". Sentences are the corpus gold file's sentences for documents in the corpus (its tuning part),
GUM's sentences otherwise; medialit's label for one is that of the analyzer sentence overlapping it most.

Allowed documents: every GUM document of the chosen genres except the eight held-out news documents (never
opened here) and those behind articles of the corpus's test part (``medialit.nlp.evaluate.part_of``).
Corpus articles are analysed as the corpus holds them; other documents as ``tools/gum_article.py`` builds
them. Licence: GUM is CC BY (-SA / -NC by source; see its README). Only its annotations are read, at
evaluation time; nothing of GUM is copied into the package.

    python tools/gum_attribution.py [--genres news,bio] [--errors] [--cues] [--cache DIR]
"""

from __future__ import annotations

import argparse
import json
import re
import subprocess
import sys
import xml.etree.ElementTree as ET
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path

from medialit.core.article import Article, from_text, load_article
from medialit.core.spans import Span
from medialit.nlp.analysis import analyze
from medialit.nlp.evaluate import part_of

sys.path.insert(0, str(Path(__file__).parent))
from _corpus import CachedParser, add_cache_option
from gum_article import GUM, body_of, gum_text, parse_conllu, sentence_text

REPO = Path(__file__).resolve().parents[1]
CORPUS = REPO / "course/corpus"
HELD_OUT = frozenset(f"GUM_news_{n}" for n in "clock homeopathic crane ie9 korea defector questionnaire soccer".split())
GENRES = ("news", "interview", "bio", "academic", "textbook", "essay", "speech", "letter", "voyage", "whow")
"""Written genres; spoken transcripts (conversation, court, podcast, vlog) have no quotation marks and
fiction narrates rather than reports, so they are left out unless asked for."""
RELATIONS = ("attribution-positive", "attribution-negative")
FIRST_PERSON = frozenset({"i", "we"})
GENERIC = frozenset(
    "people many some most few several everyone everybody someone somebody anyone anybody you one others "
    "nobody none all".split()
)
OWN_TEXT = frozenset("article essay paper chapter section book letter post guide text page".split())
"""Nouns the text uses for itself ("This article will show you"): its own voice, like "I"."""
MODALS = frozenset({"would", "could", "might", "may", "should", "can", "must", "'d"})


@dataclass
class Token:
    form: str
    lemma: str
    upos: str
    xpos: str
    feats: str
    head: int  # index in the document's token list, -1 for the root
    deprel: str
    sentence: int


@dataclass
class Relation:
    """One RST attribution: the satellite's and the nucleus's token indices, and the guideline verdict."""

    name: str
    satellite: list[int]
    nucleus: list[int]
    verdict: str = "kept"
    cue: str = ""
    cue_pos: str = ""
    text: str = ""


@dataclass
class Sentences:
    """The document's conllu sentences: tokens, speaker turns and their texts."""

    tokens: list[Token] = field(default_factory=list)
    texts: list[str] = field(default_factory=list)
    turn: list[bool] = field(default_factory=list)


def read_conllu(text: str) -> Sentences:
    out = Sentences()
    rows: list[list[str]] = []
    speaker = False
    for line in [*text.split("\n"), ""]:
        if line.startswith("# speaker = "):
            speaker = True
        elif line and not line.startswith("#"):
            rows.append(line.split("\t"))
        elif not line and rows:
            number = len(out.texts)
            base = len(out.tokens)
            words = [r for r in rows if r[0].isdigit()]
            for r in words:
                head = int(r[6]) - 1 + base if r[6] != "0" else -1
                out.tokens.append(Token(r[1], r[2], r[3], r[4], r[5], head, r[7], number))
            out.texts.append(sentence_text(rows))
            out.turn.append(speaker)
            rows, speaker = [], False
    return out


def read_rs4(text: str) -> tuple[dict[str, list[str]], dict[str, tuple[str, str]], dict[str, str]]:
    """EDU tokens by id, (parent, relname) of every node, and the type of every group."""
    root = ET.fromstring(text)
    edus = {s.get("id"): (s.text or "").split() for s in root.iter("segment")}
    links = {n.get("id"): (n.get("parent", ""), n.get("relname", "")) for n in root.iter() if n.get("id")}
    types = {g.get("id"): g.get("type", "") for g in root.iter("group")}
    multinuc = {r.get("name") for r in root.iter("rel") if r.get("type") == "multinuc"}
    types["__multinuc__"] = " ".join(multinuc)
    return edus, links, types


def relations(rs4: str, sentences: Sentences) -> list[Relation]:
    """GUM's attribution relations with their satellite and nucleus tokens (indices into the conllu tokens)."""
    edus, links, types = read_rs4(rs4)
    multinuc = set(types.pop("__multinuc__").split())
    start: dict[str, int] = {}
    count = 0
    for edu, words in edus.items():
        start[edu] = count
        count += len(words)
    if count != len(sentences.tokens):
        raise ValueError(f"rs4 has {count} tokens, conllu {len(sentences.tokens)}")
    children: dict[str, list[str]] = defaultdict(list)
    for node, (parent, _) in links.items():
        if parent:
            children[parent].append(node)

    def tokens(node: str, whole: bool) -> list[int]:
        """The node's tokens; ``whole`` False leaves out satellites attached to the node itself."""
        own = list(range(start[node], start[node] + len(edus[node]))) if node in edus else []
        for child in children[node]:
            rel = links[child][1]
            inside = rel in ("span", "same-unit") or rel in multinuc
            if whole or inside:
                own += tokens(child, True)
        return sorted(own)

    found = []
    for node, (parent, rel) in links.items():
        if rel in RELATIONS and parent:
            found.append(Relation(rel, tokens(node, True), tokens(parent, False)))
    return found


def cue_token(rel: Relation, toks: list[Token]) -> int | None:
    """The satellite's head: its token whose head lies outside the satellite (a verb preferred)."""
    inside = set(rel.satellite)
    tops = [i for i in rel.satellite if toks[i].head not in inside and toks[i].upos != "PUNCT"]
    verbs = [i for i in tops if toks[i].upos in ("VERB", "AUX", "ADJ", "NOUN")]
    return (verbs or tops or [None])[0]


def verdict(rel: Relation, toks: list[Token], sentences: Sentences) -> str:
    """``kept`` or why the guidelines do not call this relation an attribution (see the module docstring)."""
    cue = cue_token(rel, toks)
    if cue is None:
        return "kept"
    own = {toks[i].sentence for i in rel.satellite}
    whole = all(toks[i].sentence not in own for i in range(len(toks)) if i not in set(rel.satellite))
    edge = min(own) < 3 or max(own) >= len(sentences.texts) - 3
    if (whole or len(rel.satellite) <= 12) and edge and not any(toks[i].upos == "VERB" for i in rel.satellite):
        return "byline"
    content = {toks[i].sentence for i in rel.nucleus}
    if len(content) >= max(3, len(sentences.texts) // 2):
        return "byline"  # the signature of a letter or essay, crediting the whole text to its author
    rel.cue, rel.cue_pos = toks[cue].lemma.lower(), toks[cue].upos
    deps = [i for i in range(len(toks)) if toks[i].head == cue]
    subjects = [i for i in deps if toks[i].deprel in ("nsubj", "nsubj:pass", "expl")]
    if not subjects and toks[cue].lemma.lower() == "accord":  # according to X
        subjects = [i for i in range(len(toks)) if toks[i].head == cue and toks[i].deprel == "obl"]
    passive = any(toks[i].deprel in ("aux:pass", "nsubj:pass") for i in deps)
    agent = any(toks[i].deprel == "obl:agent" for i in deps)
    for subject in subjects:
        word = toks[subject].form.lower()
        if toks[subject].lemma.lower() in OWN_TEXT and any(
            toks[j].head == subject and toks[j].lemma.lower() == "this" for j in range(len(toks))
        ):
            return "first_person"
        if word in FIRST_PERSON:
            return "first_person"
        if word in GENERIC or toks[subject].lemma.lower() in GENERIC:
            return "vague"
        if word == "it" and passive and not agent:
            return "hidden"
        if (
            toks[subject].xpos == "NNS"
            and not any(
                toks[j].head == subject and toks[j].deprel in ("det", "nmod:poss", "compound", "amod:poss", "nummod")
                for j in range(len(toks))
            )
            and toks[subject].deprel != "nsubj:pass"
        ):
            return "vague"
    if passive and not agent and not subjects:
        return "hidden"
    if any(toks[i].lemma.lower() in MODALS and toks[i].deprel == "aux" for i in deps):
        return "hypothetical"
    if any(toks[i].deprel == "mark" and toks[i].lemma.lower() in ("if", "unless", "to") for i in deps):
        return "hypothetical"
    if not subjects and any("Mood=Imp" in toks[i].feats for i in rel.satellite):
        return "hypothetical"
    if sentences.texts[toks[cue].sentence].rstrip().endswith("?"):
        return "hypothetical"
    return "kept"


@dataclass
class Unit:
    """One scored sentence: its span in the analysed body, gold, medialit's label and why."""

    span: Span
    conllu: set[int]
    gold: bool | None = False
    relation: str = ""
    got: bool = False
    rule: str = ""
    corpus: bool | None = None  # the corpus gold file's label, for documents in the corpus


def quotations(body: str) -> list[int]:
    """For every character, the number of the quotation it stands in (0: none).

    A quotation runs from an opening mark to its closing mark; at a paragraph break it
    continues only when the next paragraph opens with a quotation mark (the usual way a
    quote runs on over paragraphs), so an unclosed mark cannot swallow the article.
    """
    inside, number, out = False, 0, []
    i = 0
    while i < len(body):
        char = body[i]
        if body.startswith("\n\n", i) and inside:
            rest = body[i:].lstrip()
            if rest[:1] not in ('"', "“"):
                inside = False
        if char in ('"', "“", "”"):
            opening = char == "“" or (char == '"' and not inside)
            if opening and not inside:
                inside, number = True, number + 1
            elif inside and char != "“":
                out.append(number)
                inside = False
                i += 1
                continue
        out.append(number if inside else 0)
        i += 1
    return out


def quoted_together(units: list[Unit], body: str) -> None:
    """Rule 2: a quotation that runs over several sentences with one cue is one attribution, so every
    sentence of a quotation that holds gold content is gold too (RST marks only the clause next to the cue)."""
    marks = quotations(body)
    regions = [{marks[i] for i in range(u.span.start, min(u.span.end, len(marks))) if marks[i]} for u in units]
    for unit, region in zip(units, regions, strict=False):
        if unit.gold is not True:
            continue
        for other, theirs in zip(units, regions, strict=False):
            if other.gold is False and region & theirs:
                other.gold, other.relation = True, f"same quotation as: {unit.relation}"


def source_articles() -> dict[str, str]:
    """GUM document -> corpus article id, from course/corpus/SOURCES.md."""
    text = (CORPUS / "SOURCES.md").read_text(encoding="utf-8")
    found = {}
    for section in text.split("\n### ")[1:]:
        ident = section.split("\n", 1)[0].strip()
        doc = re.search(r"dep/(GUM_\w+)\.conllu", section)
        if doc and (CORPUS / f"{ident}.md").exists():
            found[doc.group(1)] = ident
    return found


def allowed_documents(genres: tuple[str, ...]) -> list[tuple[str, str | None]]:
    """(GUM document, corpus article id or None) for every document this tool may read."""
    names = subprocess.run(
        ["git", "-C", GUM, "ls-tree", "--name-only", "HEAD", "rst/rstweb/"], capture_output=True, text=True
    ).stdout.split()
    articles = source_articles()
    out = []
    for path in names:
        doc = Path(path).stem
        if not doc.startswith("GUM_") or doc in HELD_OUT or doc.split("_")[1] not in genres:
            continue
        article = articles.get(doc)
        if article and part_of(article) != "tuning":
            continue
        out.append((doc, article))
    return out


def place_sentences(body: str, sentences: Sentences) -> list[tuple[int, int] | None]:
    """Each conllu sentence's span in the analysed body, None where the body leaves it out (captions ...)."""
    spans: list[tuple[int, int] | None] = []
    cursor = 0
    for text in sentences.texts:
        at = body.find(text, cursor)
        if at < 0 or at - cursor > 300:
            spans.append(None)
            continue
        spans.append((at, at + len(text)))
        cursor = at + len(text)
    return spans


def document_units(doc: str, article_id: str | None, parser) -> tuple[str, list[Unit], list[Relation]]:
    sentences = read_conllu(gum_text(f"dep/{doc}.conllu", GUM))
    rels = relations(gum_text(f"rst/rstweb/{doc}.rs4", GUM), sentences)
    toks = sentences.tokens
    for rel in rels:
        rel.verdict = verdict(rel, toks, sentences)
        rel.text = " ".join(toks[i].form for i in rel.satellite)
    if article_id:
        article: Article = load_article(CORPUS / f"{article_id}.md")
        gold = json.loads((CORPUS / f"{article_id}.gold.json").read_text(encoding="utf-8"))
        spans = [(s["start"], s["end"]) for s in gold["sentences"]]
    else:
        body = body_of(parse_conllu(doc, gum_text(f"dep/{doc}.conllu", GUM)))
        article = from_text(body)
        spans = []
    placed = place_sentences(article.body, sentences)
    if not spans:
        spans = [p for p in placed if p]
    units = [Unit(Span(a, b, ""), set()) for a, b in spans]
    for number, where in enumerate(placed):
        if where is None:
            continue
        unit = max(units, key=lambda u: u.span.overlap(Span(where[0], where[1], "")))
        unit.conllu.add(number)
    turns = {n for n, t in enumerate(sentences.turn) if t}
    for unit in units:
        if unit.conllu & turns or not unit.conllu:
            unit.gold = None
    for rel in rels:
        content = {toks[i].sentence for i in rel.nucleus if toks[i].upos != "PUNCT"}
        clause = {toks[i].sentence for i in rel.satellite}
        for unit in units:
            if unit.gold is None:
                continue
            if unit.conllu & content and rel.verdict == "kept":
                unit.gold, unit.relation = True, f"{rel.name}: {rel.text}"
            elif unit.conllu & content and not unit.relation:
                unit.relation = f"{rel.name} [{rel.verdict}]: {rel.text}"
            elif unit.conllu & clause and rel.verdict == "kept" and not unit.gold:
                unit.gold, unit.relation = None, f"clause only: {rel.text}"
    quoted_together(units, article.body)
    if article_id:
        for unit in units:
            unit.corpus = any(
                s["label"] == "attributed" and unit.span.overlap(Span(s["start"], s["end"], ""))
                for s in gold["sentences"]
            )
    analysis = analyze(article, parser)
    for unit in units:
        got = max(analysis.sentences, key=unit.span.overlap)
        unit.got = got.label == "attributed"
        unit.rule = (
            "; ".join(
                a.rule.split(";")[0]
                for a in analysis.attributions
                if a.content and a.content.start < unit.span.end and unit.span.start < a.content.end
            )
            or "; ".join(got.reasons)[:120]
        )
        unit.span = Span(unit.span.start, unit.span.end, article.body[unit.span.start : unit.span.end])
    return article.id, units, rels


def prf(pairs: list[tuple[bool, bool]]) -> str:
    tp = sum(g and p for g, p in pairs)
    fp = sum(p and not g for g, p in pairs)
    fn = sum(g and not p for g, p in pairs)
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return f"F1 {f:.3f} (P {p:.3f} R {r:.3f}; gold {tp + fn}, found {tp + fp}, sentences {len(pairs)})"


def lexicon_lemmas() -> set[str]:
    """Every lemma a medialit cue lexicon lists (first word of multi-word entries too)."""
    folder = REPO / "src/medialit/nlp/lexicons"
    words = set()
    for path in folder.glob("*.jsonl"):
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.startswith("{"):
                entry = json.loads(line)
                for token in entry.get("pattern", []):
                    lemma = token.get("LEMMA") if isinstance(token, dict) else None
                    if isinstance(lemma, str):
                        words.add(lemma.lower())
                    elif isinstance(lemma, dict):
                        words.update(w.lower() for w in lemma.get("IN", []))
                words.add(str(entry.get("id", "")).split()[0].lower() if entry.get("id") else "")
    return words


LEXNAMES = (
    "adj.all adj.pert adv.all noun.Tops noun.act noun.animal noun.artifact noun.attribute noun.body noun.cognition "
    "noun.communication noun.event noun.feeling noun.food noun.group noun.location noun.motive noun.object "
    "noun.person noun.phenomenon noun.plant noun.possession noun.process noun.quantity noun.relation noun.shape "
    "noun.state noun.substance noun.time verb.body verb.change verb.cognition verb.communication verb.competition "
    "verb.consumption verb.contact verb.creation verb.emotion verb.motion verb.perception verb.possession "
    "verb.social verb.stative verb.weather adj.ppl"
).split()
"""WordNet 3.0's lexicographer files by number (the ``lex_filenum`` of data.* lines; fixed by WordNet's lexnames)."""
WORDNET = Path("/usr/share/wordnet")


def lexicographer_files(lemma: str, pos: str) -> list[str]:
    """The WordNet 3.0 lexicographer files of a lemma's senses in one part of speech, most frequent sense first."""
    index = WORDNET / f"index.{pos}"
    if not index.exists():
        return []
    with index.open() as handle:
        for line in handle:
            if line.startswith(lemma + " "):
                parts = line.split()
                offsets = parts[6 + int(parts[3]) :]
                files = []
                with (WORDNET / f"data.{pos}").open() as data:
                    for offset in offsets:
                        data.seek(int(offset))
                        files.append(LEXNAMES[int(data.readline().split()[1])])
                return list(dict.fromkeys(files))
    return []


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--genres", default=",".join(GENRES))
    parser.add_argument("--errors", action="store_true", help="list the disagreements")
    parser.add_argument("--cues", action="store_true", help="cue lemmas medialit's lexicons lack, by WordNet file")
    parser.add_argument("--filtered", action="store_true", help="list the relations the guidelines leave out")
    add_cache_option(parser)
    args = parser.parse_args(argv)
    from medialit.nlp.pipeline import load_pipeline

    nlp = CachedParser(load_pipeline(), args.cache)
    genres = tuple(g.strip() for g in args.genres.split(","))
    pairs: dict[str, list[tuple[bool, bool]]] = defaultdict(list)
    agreement: list[tuple[bool, bool]] = []
    verdicts: Counter[str] = Counter()
    cues: Counter[tuple[str, str]] = Counter()
    errors, filtered = [], []
    for doc, article_id in allowed_documents(genres):
        try:
            _ident, units, rels = document_units(doc, article_id, nlp)
        except ValueError as problem:
            print(f"{doc}: skipped ({problem})", file=sys.stderr)
            continue
        genre = doc.split("_")[1]
        where = "corpus tuning" if article_id else "not in corpus"
        for rel in rels:
            verdicts[rel.verdict] += 1
            if rel.verdict == "kept" and rel.cue_pos in ("VERB", "ADJ", "NOUN"):
                cues[rel.cue, rel.cue_pos] += 1
            else:
                filtered.append(f"{doc}\t{rel.verdict}\t{rel.name}\t{rel.text}")
        for unit in units:
            if unit.gold is None:
                continue
            pair = (bool(unit.gold), unit.got)
            if unit.corpus is not None:
                agreement.append((unit.corpus, bool(unit.gold)))
            for key in ("all", genre, where):
                pairs[key].append(pair)
            if unit.gold != unit.got:
                kind = "miss" if unit.gold else "false"
                text = " ".join(unit.span.label.split())[:200]
                errors.append(f"{kind}\t{doc}\t{text}\t{unit.relation or '-'}\t{unit.rule or '-'}")
    print("GUM RST attribution relations:", dict(verdicts))
    for key in ["all", "not in corpus", "corpus tuning", *sorted(k for k in pairs if k in genres)]:
        if key in pairs:
            print(f"{key:14} {prf(pairs[key])}")
    print(f"RST gold against the corpus gold on its tuning articles: {prf(agreement)}")
    if args.errors:
        print("\nerror\tdocument\tsentence\tRST relation (satellite)\tmedialit rule or reasons")
        print("\n".join(sorted(errors)))
    if args.filtered:
        print("\n".join(sorted(filtered)))
    if args.cues:
        known = lexicon_lemmas()
        by_file: dict[str, list[str]] = defaultdict(list)
        for (lemma, upos), n in cues.most_common():
            if lemma and lemma not in known:
                pos = {"VERB": "verb", "ADJ": "adj"}.get(upos, "noun")
                files = lexicographer_files(lemma, pos)
                by_file[files[0] if files else "(not in WordNet)"].append(f"{lemma} {n}")
        print("\nCue lemmas of kept GUM attributions that medialit's lexicons lack (candidates, not a lexicon):")
        for name, words in sorted(by_file.items(), key=lambda kv: -len(kv[1])):
            print(f"{name}: {', '.join(words)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
