"""Build corpus articles from GUM documents and turn annotation drafts into gold files.

The GUM corpus (github.com/amir-zeldes/gum) collects Wikinews and other openly
licensed texts, already split into sentences (`<s>`). This script writes the
article body the way course/corpus/SOURCES.md describes (GUM sentences joined
into the article's paragraphs, headline and dateline kept, figures and captions
left out, only tokenisation spacing artefacts fixed) and keeps GUM's sentences
as the sentence boundaries of the gold file. Labels and attributions are the
annotator's: this script only computes offsets, hashes and checks.

News (Wikinews), Wikipedia biographies (GUM_bio_*), PLOS ONE / MDPI papers (GUM_academic_*) and OpenStax
textbook sections (GUM_textbook_*) get their outlet, licence, date and notes from the document's genre;
other academic and textbook sources get "see notes" as licence and must be checked before use.

    python tools/gum_article.py make GUM_news_nasa --id nasa-shuttle-homes [--out course/corpus/pending]
    python tools/gum_article.py sentences course/corpus/pending/nasa-shuttle-homes.md
    python tools/gum_article.py gold course/corpus/nasa-shuttle-homes.md DRAFT.txt
    python tools/gum_article.py check course/corpus/nasa-shuttle-homes.md
    python tools/gum_article.py sources            # course/corpus/SOURCES.md, counts computed
    python tools/gum_article.py wikinews "Zebra stripes may" --id zebra-stripes-horse-flies

An interview's turns (GUM's ``sp who`` blocks) are printed as "Name: text", as the corpus interviews print
them, the name written from GUM's speaker tag ("DavidShankbone" -> "David Shankbone"); GUM's tags drop accents
and at times a first name, so check each name against the published page. The first sentence of a turn starts
at its label, as in the gold files.

The `wikinews` source is the scrape of English Wikinews in github.com/vanatteveldt/wikinews
(data/wikinews_2019.csv: url, date, title, text); it has no sentence split, so the sentences of those
articles are found by `split_sentences`, which splits the way GUM does (inside quotations too).

Draft format (one line each, `#` starts a comment):

    L: ooauoa...                       one letter per sentence (a/u/o), in `sentences` order;
                                       `+` joins a sentence to the one before (GUM split a quote)
    N | speaker | source | cue | first words ... last words | kind

N is the number of the sentence holding the cue; source and cue are looked up
in that sentence (``text@2`` takes the second occurrence); the content runs from
the first occurrence of its first words at or after that sentence's start (or
``text@2``; ``N/M`` starts the search at sentence M, for a quote before its cue)
to the end of its last words; ``=`` as speaker repeats the source.
"""

from __future__ import annotations

import argparse
import csv
import hashlib
import io
import json
import re
import shutil
import subprocess
import sys
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
GUM = "/work/.mirror/amir-zeldes+gum/repo"
VALIDATE = "/work/shared/corpus/validate.py"
LABELS = {"a": "attributed", "u": "unsupported", "o": "other"}
KINDS = ("direct", "indirect", "mixed", "according_to")
LEFT_OUT = ("figure", "caption")
END_HEADINGS = {"Sources", "Source", "Related news", "External links", "References"}
NOTES = (
    "Body text of the published English {outlet} article as collected in the GUM corpus "
    "(github.com/amir-zeldes/gum, dep/{doc}.conllu, sentence text lines joined into the article's "
    "paragraphs); headline and dateline kept; image captions, the Sources list and categories omitted."
)


WIKINEWS = "/work/.mirror/vanatteveldt+wikinews/repo"
WIKINEWS_CSV = "data/wikinews_2019.csv"
WIKINEWS_NOTES = (
    "Body text of the English Wikinews article as scraped by github.com/vanatteveldt/wikinews "
    "({csv}, text column): headline (title column) and dateline kept, the scrape's paragraphs kept, "
    "whitespace normalised; the scrape has no captions, Sources list or categories. Sentences split by "
    "tools/gum_article.py (split_sentences)."
)
# Words whose final period does not end a sentence (titles); initials and U.S. are caught by pattern.
ABBREVIATIONS = {
    "Mr",
    "Mrs",
    "Ms",
    "Dr",
    "Prof",
    "St",
    "Jr",
    "Sr",
    "Gov",
    "Sen",
    "Rep",
    "Gen",
    "Lt",
    "Col",
    "Sgt",
    "Capt",
    "Rev",
    "Inc",
    "Co",
    "Corp",
    "Ltd",
    "No",
    "vs",
    "Mt",
    "Ft",
}
CAPITALS = "".join(c for c in map(chr, range(0x530)) if c.isupper())
"""Upper-case letters of the Latin, Greek and Cyrillic blocks (Łukasz, Ödön, Σ), not only A-Z."""
SENTENCE_END = re.compile(rf"[.!?][\"”’')\]]*(?= +[\"“‘'(]*(?:\[\.\.\.\] +)?[\"“‘'(]*(?:[{CAPITALS}0-9]|\[[A-Za-z]))")


class DraftError(ValueError):
    """A draft line that cannot be placed in the body; the message says which and why."""


@dataclass
class Document:
    """A GUM document: its metadata and its kept sentences grouped into paragraphs.

    ``turns`` maps the index of a paragraph that opens a speaker's turn (GUM's ``sp who`` block) to the label
    printed before it, "Name: ", as the corpus interviews print turns.
    """

    name: str
    meta: dict[str, str]
    paragraphs: list[list[str]]
    turns: dict[int, str] = field(default_factory=dict)


LABELLED_GENRES = frozenset({"interview"})
"""GUM genres whose published pages print a speaker's name before each turn (Wikinews interviews). Elsewhere GUM's
speaker blocks mark what the page does not print: a novel's dialogue, the turns of a transcript (conversation,
vlog, podcast, court), a speech's one speaker."""
SPEAKER = re.compile(r'^sp\b.*?who:::"#?([^"]+)"')
"""A block of GUM's that opens a speaker's turn: ``sp who:::"#DavidShankbone" (2 s)``."""


def speaker_label(who: str) -> str:
    """GUM's speaker tag as the name a published interview prints: "DavidShankbone" -> "David Shankbone",
    "MarioJLucero" -> "Mario J. Lucero", "HughMcGuire" -> "Hugh McGuire". GUM's tags drop accents and at times
    a first name ("Simon" for Simon Ličen): the page decides, so check the names against it."""
    name = re.sub(r"(?<=[a-z])(?=[A-Z])|(?<=[A-Z])(?=[A-Z][a-z])", " ", who.strip().lstrip("#"))
    name = re.sub(r"\b(Ma?c) (?=[A-Z])", r"\1", name)
    return re.sub(r"\b([A-Z])(?= [A-Z])", r"\1.", name)


def gum_text(path: str, repo: str = GUM, ref: str = "HEAD") -> str:
    """One file of the GUM snapshot (a bare git directory, no work tree)."""
    done = subprocess.run(["git", "-C", repo, "show", f"{ref}:{path}"], capture_output=True, text=True)
    if done.returncode:
        sys.exit(f"cannot read {path} from {repo}: {done.stderr.strip()}")
    return done.stdout


def sentence_text(tokens: list[list[str]]) -> str:
    """Detokenise one sentence with SpaceAfter, joining hyphens (HYPH) and currency signs to their word."""
    words = []
    skip_to = 0
    for cols in tokens:
        ident = cols[0]
        if "." in ident:
            continue
        if "-" in ident:
            skip_to = int(ident.split("-")[1])
        elif int(ident) <= skip_to:
            continue
        words.append(cols)
    out = ""
    for i, cols in enumerate(words):
        before = words[i - 1][1] if i else ""
        after = words[i + 1][1] if i + 1 < len(words) else ""
        hyphen = cols[1] == "-" and (
            cols[4] == "HYPH" or (cols[4] == "SYM" and before[-1:].isalpha() and after[:1].isalpha())
        )
        currency = cols[4] == "$" and cols[1] in {"$", "US$", "€", "£"}
        if hyphen or (currency and re.fullmatch(r"[A-Z]{1,3}", before)):
            out = out.rstrip(" ")
        out += cols[1]
        if "SpaceAfter=No" not in cols[9] and not hyphen and not currency:
            out += " "
    return out.strip()


def parse_conllu(name: str, text: str) -> Document:
    """Group the sentences of a GUM .conllu into paragraphs, leaving out figures and captions.

    In an interview (``LABELLED_GENRES``), a paragraph that opens a speaker's turn (``sp who``) gets the
    speaker's label: its first kept sentence, if the turn opens with a figure left out.
    """
    meta: dict[str, str] = {}
    genre = name.split("_")[1] if name.count("_") >= 2 else ""
    paragraphs: list[list[str]] = []
    labels: dict[int, str] = {}
    left_out = head_left = turn_left = 0
    label = ""
    head: re.Match[str] | None = None
    tokens: list[list[str]] = []
    for line in [*text.split("\n"), ""]:
        if line.startswith("# meta::"):
            key, _, value = line[len("# meta::") :].partition(" = ")
            meta[key] = value
        elif line.startswith("# newpar_block = "):
            # The blocks that open at this sentence, outermost first: "p (6 s) | figure (1 s) | caption (1 s)".
            blocks = line[len("# newpar_block = ") :].split("|")
            for block in blocks:
                count = re.search(r"\((\d+) s\)", block)
                if block.split()[0] in LEFT_OUT and count:
                    left_out = max(left_out, int(count.group(1)))
            # A headline is a paragraph of its own even when GUM puts no paragraph break after it.
            head = re.fullmatch(r"head\b.*\((\d+) s\)\s*", blocks[0])
            head_left = int(head.group(1)) if head else 0
            turn = SPEAKER.match(blocks[0].strip()) if genre in LABELLED_GENRES else None
            count = re.search(r"\((\d+) s\)", blocks[0])
            if turn and count:  # a speaker's turn opens: its first kept sentence gets the label
                label, turn_left = f"{speaker_label(turn.group(1))}: ", int(count.group(1))
            paragraphs.append([])
        elif line and not line.startswith("#"):
            tokens.append(line.split("\t"))
        elif not line and tokens:
            if left_out:
                left_out -= 1
            else:
                if not paragraphs or (head and not head_left):  # some documents open without a newpar
                    paragraphs.append([])
                    head = None
                if label and not paragraphs[-1]:
                    labels[len(paragraphs) - 1], label = label, ""
                paragraphs[-1].append(sentence_text(tokens))
                head_left -= 1 if head else 0
            turn_left -= 1
            label = label if turn_left > 0 else ""
            tokens = []
    kept: list[list[str]] = []
    turns: dict[int, str] = {}
    for i, paragraph in enumerate(paragraphs):
        if not paragraph:
            continue
        if paragraph[0].rstrip(":") in END_HEADINGS:
            break
        if not paragraph[0].startswith("Categories:"):
            if i in labels:
                turns[len(kept)] = labels[i]
            kept.append(paragraph)
    return Document(name, meta, kept, turns)


def load_document(name: str, repo: str = GUM, ref: str = "HEAD") -> Document:
    return parse_conllu(name, gum_text(f"dep/{name}.conllu", repo, ref))


def body_of(doc: Document) -> str:
    """The paragraphs joined, each turn of an interview after its speaker's label ("David Shankbone: ...")."""
    paragraphs = (doc.turns.get(i, "") + " ".join(p) for i, p in enumerate(doc.paragraphs))
    return "\n\n".join(paragraphs) + "\n"


def dateline(doc: Document) -> str | None:
    """The date printed under the headline (Wikinews), as YYYY-MM-DD, when the document has one."""
    months = "January February March April May June July August September October November December".split()
    for paragraph in doc.paragraphs[:3]:
        found = re.fullmatch(r"\w+day, (\w+) (\d{1,2}), (\d{4})", paragraph[0])
        if found and found.group(1) in months:
            return f"{found.group(3)}-{months.index(found.group(1)) + 1:02}-{int(found.group(2)):02}"
    return None


def quoted(value: str) -> str:
    return json.dumps(value, ensure_ascii=False)


JOURNALS = {  # sourceURL prefix -> (outlet, licence); both publishers put every article under CC BY 4.0
    "https://journals.plos.org/plosone/": ("PLOS ONE", "CC BY 4.0"),
    "http://journals.plos.org/plosone/": ("PLOS ONE", "CC BY 4.0"),
    "https://www.mdpi.com/2071-1050/": ("Sustainability (MDPI)", "CC BY 4.0"),
    "https://www.mdpi.com/2072-4292/": ("Remote Sensing (MDPI)", "CC BY 4.0"),
}
BIO_NOTES = (
    "Text of the English Wikipedia article as collected in the GUM corpus on {collected} "
    "(github.com/amir-zeldes/gum, dep/{doc}.conllu, sentence text lines joined into the article's paragraphs): "
    "GUM's excerpt of the article, section headings and bracketed reference numbers kept, image captions omitted. "
    "Authors: Wikipedia contributors (see the article's history)."
)
ACADEMIC_NOTES = (
    "Text of the open-access article in {outlet} as collected in the GUM corpus (github.com/amir-zeldes/gum, "
    "dep/{doc}.conllu, sentence text lines joined into the article's paragraphs): GUM's excerpt (title, "
    "abstract and opening sections), headings and in-text citations kept, figures and captions omitted. "
    "Authors: {authors}."
)
TEXTBOOKS = {  # sourceURL prefix -> (outlet, licence); OpenStax publishes these books under CC BY 4.0
    "https://openstax.org/": ("OpenStax", "CC BY 4.0"),
}
TEXTBOOK_NOTES = (
    "Text of a section of the open textbook {title} ({outlet}) as collected in the GUM corpus "
    "(github.com/amir-zeldes/gum, dep/{doc}.conllu, sentence text lines joined into the book's paragraphs): "
    "GUM's excerpt of the section, headings, feature-box titles and endnote numbers kept, figures and captions "
    "omitted. Authors: {authors}. Access for free at openstax.org."
)


def wiki_url(url: str) -> str:
    """The article's own address when GUM recorded its history page (index.php?title=X&action=history)."""
    found = re.fullmatch(r"https://en\.wikipedia\.org/w/index\.php\?title=([^&]+)&action=history", url)
    return f"https://en.wikipedia.org/wiki/{found.group(1)}" if found else url


def provenance(doc: Document) -> dict[str, str]:
    """Outlet, url, date, licence and notes of a GUM document by its genre (news, bio, academic)."""
    meta, genre = doc.meta, doc.name.split("_")[1]
    if genre == "bio":
        return {
            "outlet": "Wikipedia",
            "url": wiki_url(meta["sourceURL"]),
            "date": meta["dateCollected"],
            "license": "CC BY-SA 3.0",
            "notes": BIO_NOTES.format(collected=meta["dateCollected"], doc=doc.name),
        }
    if genre == "academic":
        url = meta["sourceURL"]
        outlet, licence = next((v for k, v in JOURNALS.items() if url.startswith(k)), ("", "see notes"))
        authors = re.sub(r"\s+", " ", re.sub(r"\s+,", ",", meta.get("author", "")))
        return {
            "outlet": outlet,
            "url": url,
            "date": meta["dateCreated"],
            "license": licence,
            "notes": ACADEMIC_NOTES.format(outlet=outlet, doc=doc.name, authors=authors),
        }
    if genre == "textbook":
        url = meta["sourceURL"]
        outlet, licence = next((v for k, v in TEXTBOOKS.items() if url.startswith(k)), ("", "see notes"))
        authors = re.sub(r"\s+", " ", meta.get("author", "")).strip()
        notes = TEXTBOOK_NOTES.format(title=meta["title"], outlet=outlet, doc=doc.name, authors=authors)
        return {"outlet": outlet, "url": url, "date": meta["dateCreated"], "license": licence, "notes": notes}
    outlet = meta.get("author", "Wikinews") if genre == "news" else meta.get("author", "")
    return {
        "outlet": outlet,
        "url": meta["sourceURL"],
        "date": dateline(doc) or meta["dateCreated"],
        "license": "CC BY 2.5" if outlet == "Wikinews" else "see notes",
        "notes": NOTES.format(outlet=outlet, doc=doc.name),
    }


TURN_NOTE = (
    "Interview turns are printed as 'Name: text' from GUM's speaker tags (sp who); each interviewee turn is one "
    "direct attribution whose source is the label and whose cue is the colon; questions are labelled other."
)
"""Added to the notes of a document with speaker turns; the names are GUM's tags, to be checked on the page."""


def article_md(doc: Document, art_id: str) -> str:
    """Front matter (as in the dev corpus) plus the body."""
    known = provenance(doc)
    if doc.turns:
        known["notes"] += f" {TURN_NOTE}"
    fields = {
        "id": art_id,
        "title": quoted(doc.meta["title"]),
        "outlet": quoted(known["outlet"]),
        "url": quoted(known["url"]),
        "date": known["date"],
        "language": "en",
        "license": quoted(known["license"]),
        "notes": quoted(known["notes"]),
    }
    head = "\n".join(f"{k}: {v}" for k, v in fields.items())
    return f"---\n{head}\n---\n{body_of(doc)}"


def wikinews_md(title: str, art_id: str, repo: str = WIKINEWS, csv_path: str = WIKINEWS_CSV) -> str:
    """Front matter and body of the one scraped Wikinews article whose title starts with ``title``."""
    rows = [r for r in csv.DictReader(io.StringIO(gum_text(csv_path, repo))) if r["title"].startswith(title)]
    if len(rows) != 1:
        sys.exit(f"{len(rows)} articles in {csv_path} have a title starting {title!r}; give one exactly")
    row = rows[0]
    paragraphs = [" ".join(p.split()) for p in re.split(r"\n\s*\n", row["text"]) if p.strip()]
    paragraphs = [p for p in paragraphs if not p.startswith("—")]  # pull quotes repeat the body
    fields = {
        "id": art_id,
        "title": quoted(row["title"]),
        "outlet": quoted("Wikinews"),
        "url": quoted(row["url"].replace(".org//wiki/", ".org/wiki/")),
        "date": row["date"],
        "language": "en",
        "license": quoted("CC BY 2.5"),
        "notes": quoted(WIKINEWS_NOTES.format(csv=csv_path)),
    }
    head = "\n".join(f"{k}: {v}" for k, v in fields.items())
    body = "\n\n".join([" ".join(row["title"].split()), *paragraphs])
    return f"---\n{head}\n---\n{body}\n"


def split_md(text: str) -> tuple[str, str]:
    end = text.find("\n---\n", 3)
    return text[: end + 5], text[end + 5 :]


def gum_name(md_text: str) -> str:
    found = re.search(r"dep/(GUM_\w+)\.conllu", md_text)
    if not found:
        sys.exit("the notes do not name the GUM document (dep/GUM_....conllu)")
    return found.group(1)


def split_sentences(body: str) -> list[tuple[int, int]]:
    """Sentences of a body without a given split: every line is split after . ! ? (and closing quotes)
    followed by a space and a capital, a digit or an opening quote, unless the word is an abbreviation."""
    spans, at = [], 0
    for line in body.split("\n"):
        start = at
        for end in SENTENCE_END.finditer(line):
            word = line[: end.end()].split()[-1].lstrip("\"“‘'(")
            if word.endswith("[...]") or (
                word.endswith(".") and (word[:-1] in ABBREVIATIONS or re.fullmatch(r"(?:[A-Za-z]\.)+", word))
            ):
                continue
            spans.append((start, at + end.end()))
            start = at + end.end() + 1
        if line.strip():
            spans.append((start, at + len(line.rstrip())))
        at += len(line) + 1
    return [(a + len(body[a:b]) - len(body[a:b].lstrip()), b) for a, b in spans]


def sentence_spans(md_path: Path, repo: str = GUM) -> tuple[str, list[tuple[int, int]]]:
    """The body and its sentences as (start, end) offsets: GUM's sentences, or split_sentences for a scrape."""
    text = md_path.read_text(encoding="utf-8")
    _, body = split_md(text)
    if "github.com/vanatteveldt/wikinews" in text:
        return body, split_sentences(body)
    return body, gum_spans(body, load_document(gum_name(text), repo), str(md_path))


def gum_spans(body: str, doc: Document, where: str = "the body") -> list[tuple[int, int]]:
    """GUM's sentences found in order in ``body``; the first sentence of a turn starts at its speaker's label
    ("David Shankbone: You have ..."), as the corpus gold has it, whatever name the annotator printed there."""
    spans, at = [], 0
    for i, paragraph in enumerate(doc.paragraphs):
        for n, sentence in enumerate(paragraph):
            start = body.find(sentence, at)
            if start < 0:
                sys.exit(f"{where}: GUM sentence not found in the body after offset {at}: {sentence[:60]!r}")
            line = body.rfind("\n", 0, start) + 1
            if n == 0 and i in doc.turns and re.fullmatch(r"[^\n]+: ", body[max(line, at) : start]):
                spans.append((max(line, at), start + len(sentence)))
            else:
                spans.append((start, start + len(sentence)))
            at = start + len(sentence)
    return spans


def locate(body: str, text: str, start: int, end: int, what: str) -> tuple[int, int]:
    """Offsets of ``text`` (``text@n``: its n-th occurrence) within ``body[start:end]``."""
    nth = 1
    if re.search(r"@\d+$", text):
        text, _, n = text.rpartition("@")
        nth = int(n)
    at = start - 1
    for _ in range(nth):
        at = body.find(text, at + 1, end)
        if at < 0:
            raise DraftError(f"{what} {text!r} (occurrence {nth}) not found in {body[start:end][:80]!r}...")
    return at, at + len(text)


def attribution(body: str, spans: list[tuple[int, int]], line: str) -> dict[str, object]:
    """One draft attribution line as a gold attribution with offsets."""
    parts = [p.strip() for p in line.split(" | ")]
    if len(parts) != 6:
        raise DraftError(f"expected 6 fields separated by ' | ': {line!r}")
    number, speaker, source, cue, content, kind = parts
    if kind not in KINDS:
        raise DraftError(f"kind {kind!r} is not one of {KINDS}: {line!r}")
    number, _, content_from = number.partition("/")
    s_start, s_end = spans[int(number) - 1]
    src = locate(body, source, s_start, s_end, "source")
    cue_at = locate(body, cue, s_start, s_end, "cue")
    first, _, last = content.partition(" ... ")
    from_start = spans[int(content_from) - 1][0] if content_from else s_start
    c_start, c_first_end = locate(body, first, from_start, len(body), "content start")
    c_end = locate(body, last, c_start, len(body), "content end")[1] if last else c_first_end
    return {
        "speaker": src_text(body, src) if speaker == "=" else speaker,
        "source_text": src_text(body, src),
        "source_start": src[0],
        "source_end": src[1],
        "cue": body[cue_at[0] : cue_at[1]],
        "cue_start": cue_at[0],
        "cue_end": cue_at[1],
        "content_start": c_start,
        "content_end": c_end,
        "kind": kind,
    }


def src_text(body: str, span: tuple[int, int]) -> str:
    return body[span[0] : span[1]]


def read_draft(path: Path) -> tuple[str, list[str]]:
    labels, lines = "", []
    for raw in path.read_text(encoding="utf-8").splitlines():
        line = raw.split(" #", 1)[0].strip() if not raw.lstrip().startswith("#") else ""
        if line.startswith("L:"):
            labels += re.sub(r"\s", "", line[2:])
        elif line:
            lines.append(line)
    return labels, lines


def build_gold(md_path: Path, draft: Path) -> dict[str, object]:
    """The gold JSON for an article from its draft (labels and attribution lines)."""
    body, spans = sentence_spans(md_path)
    labels, lines = read_draft(draft)
    if len(labels) != len(spans) or set(labels) - set(LABELS) - {"+"} or labels.startswith("+"):
        raise DraftError(f"{len(labels)} labels for {len(spans)} sentences (letters a/u/o/+): {labels}")
    attributions = [attribution(body, spans, line) for line in lines]
    attributions.sort(key=lambda a: (a["cue_start"], a["source_start"]))
    sentences: list[dict[str, object]] = []
    for (start, end), letter in zip(spans, labels, strict=True):
        if letter == "+":
            sentences[-1]["end"] = end
        else:
            sentences.append({"start": start, "end": end, "label": LABELS[letter]})
    return {
        "article": md_path.stem,
        "body_sha256": hashlib.sha256(body.encode("utf-8")).hexdigest(),
        "attributions": attributions,
        "sentences": sentences,
    }


def check(md_path: Path) -> int:
    """Fill body_sha256 of the gold file beside the article, then run medialit's and the shared checks on it."""
    gold_path = md_path.with_name(md_path.stem + ".gold.json")
    _, body = split_md(md_path.read_text(encoding="utf-8"))
    gold = json.loads(gold_path.read_text(encoding="utf-8"))
    gold["body_sha256"] = hashlib.sha256(body.encode("utf-8")).hexdigest()
    gold_path.write_text(json.dumps(gold, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    sys.path.insert(0, str(REPO / "src"))
    from medialit.core.spans import check_gold

    problems = check_gold(gold, body)
    for problem in problems:
        print(f"{gold_path}: {problem}")
    with tempfile.TemporaryDirectory() as alone:
        for path in (md_path, gold_path):
            shutil.copy(path, alone)
        shared = subprocess.run([sys.executable, VALIDATE, alone], capture_output=True, text=True)
    print(shared.stdout.strip().splitlines()[-1] if shared.stdout.strip() else shared.stderr.strip())
    if shared.returncode:
        print(shared.stdout)
    return 1 if problems or shared.returncode else 0


def summary(md_path: Path) -> None:
    """Counts by label and kind, and every attribution read back from the body."""
    gold = json.loads(md_path.with_name(md_path.stem + ".gold.json").read_text(encoding="utf-8"))
    _, body = split_md(md_path.read_text(encoding="utf-8"))
    for a in gold["attributions"]:
        content = body[a["content_start"] : a["content_end"]].replace("\n", " ")
        print(f"{a['kind']:12} {a['speaker']} | {a['source_text']} | {a['cue']} | {content}")
    counts = {k: sum(a["kind"] == k for a in gold["attributions"]) for k in KINDS}
    labels = {v: sum(s["label"] == v for s in gold["sentences"]) for v in LABELS.values()}
    print(f"words {len(body.split())}; attributions {len(gold['attributions'])} {counts}; sentences {labels}")


TOPICS = {
    "australian-children-iodine-deficiency": "health / nutrition science",
    "fan-expo-canada-2016": "pop culture / event report",
    "greek-court-ancient-deities-worship": "courts / religion",
    "hajj-stampede": "disaster / religion",
    "hong-kong-legislative-election": "politics / elections",
    "nasa-shuttle-anniversary-homes": "science / space policy",
    "new-zealand-flag-change-process": "politics / national symbols",
    "scientology-imprisonment-claim": "religion / allegations",
    "taipei-lantern-festival": "culture / first-person feature",
    "warhol-photo-legacy-exhibits": "arts / feature with interviews",
    "ants-self-medication-interview": "science / interview",
    "cyclone-phailin-experts-interview": "disaster / weather / interview of eight experts",
    "evariste-galois-final-days": "biography / mathematics, disputed history",
    "zaha-hadid-early-career": "biography / architecture, testimonials",
    "emperor-norton-proclamations": "biography / proclamations and decrees",
    "lord-byron-education-early-loves": "biography / literature, letters and memoirs",
    "saint-jerome-early-life": "biography / religion, hedged history",
    "eugene-nida-translation-theory": "biography / linguistics, theory exposition",
    "l2-grammar-retention-exposure": "academic / psycholinguistics literature review",
    "academic-census-web-crawler": "academic / computer science, research claims",
    "repsol-ypf-institutional-economics": "academic / economics and politics theory",
    "huh-universal-word": "academic / linguistics introduction",
    "chicken-artificial-tail-theropod": "academic / biology discussion section",
    "jenna-marbles-youtube-career": "biography / internet celebrity",
    "charles-fillmore-frame-semantics": "biography / linguistics, legacy claims",
    "jeanne-moreau-actress-career": "biography / film, infobox and quotes",
    "jared-padalecki-career": "biography / television, filmography",
    "otto-jespersen-linguist": "biography / linguistics, reputation and quotation",
    "pierre-lenfant-washington-plan": "biography / military history and architecture",
    "yuen-ren-chao-linguist": "biography / linguistics, reputation",
    "antonin-dvorak-composer": "biography / music, rankings of works",
    "patrick-gordon-general": "biography / military history, diary",
    "ichiyo-higuchi-writer": "biography / literature, critical judgements",
    "brock-holt-baseball": "biography / sport, statistics",
    "theodorus-of-tabennese": "biography / religion, hagiography",
    "daniel-bernoulli-mathematician": "biography / science, family disputes",
    "matthew-goode-actor": "biography / film and television",
    "us-government-types-textbook": "textbook / politics, forms of government",
    "ethnocentrism-cultural-relativism-textbook": "textbook / sociology, generalisations about groups",
    "cognition-concepts-textbook": "textbook / psychology",
    "motivated-learner-grit-textbook": "textbook / study skills, research findings",
    "entrepreneurial-mindset-textbook": "textbook / business, market figures",
    "union-triumphant-civil-war-textbook": "textbook / history, causes and motives",
    "economics-division-of-labor-textbook": "textbook / economics, Adam Smith",
    "anthropology-winkiness-of-culture-textbook": "textbook / anthropology, Geertz",
    "americas-before-1492-textbook": "textbook / history, scholarly debate",
    "spacetime-gravity-textbook": "textbook / physics, Einstein and Newton",
    "dalton-atomic-theory-textbook": "textbook / chemistry, history of theories",
    "percentiles-quartiles-textbook": "textbook / statistics",
    "states-sue-trump-border-emergency": "politics / courts, lawsuit",
    "slug-glue-medical-adhesive-studies": "science and technology / biomaterials research",
    "hong-kong-extradition-bill-withdrawn": "politics / protests, anonymous and named voices",
    "american-samoans-citizenship-ruling": "courts / citizenship, territories",
    "hurricane-dorian-bahamas-destruction": "disaster / weather, agency and media sources",
    "rouhani-foreign-powers-persian-gulf": "politics / international relations, speech report",
    "karol-bagh-hotel-fire": "disaster / fire, vague and official sources",
    "benin-nigeria-join-african-trade-bloc": "business / trade agreement, economy figures",
    "scottish-court-prorogation-unlawful": "courts / politics, Brexit prorogation",
    "voracious-fish-coral-reefs-study": "science / marine ecology study",
    "opioid-doctor-sentenced-40-years": "courts / health, opioid prescriptions",
    "thai-party-princess-nomination-withdrawn": "politics / elections, monarchy",
    "koszalin-escape-room-fire": "disaster / fire, official statements",
    "kosgei-chicago-marathon-record": "sport / athletics results",
    "facebook-records-exposed-online": "technology / data breach",
    "ford-emissions-justice-investigation": "business / regulation, criminal investigation",
    "superbug-e-coli-hand-washing-study": "health / antibiotic resistance study",
    "zebra-stripes-horse-flies-study": "science / animal behaviour study",
    "male-only-draft-unconstitutional-ruling": "courts / military, gender",
}
SOURCES_HEAD = """# Corpus: sources

Openly licensed English articles annotated by course/annotation-guidelines.md, for tuning the analyzer
on one part and measuring it on another (issue 14). Word counts are whitespace-separated tokens of the
body (headline and dateline included). Wikinews text: each article's own page on en.wikinews.org is the
source (licence CC BY 2.5; attribute "Wikinews" and link the article). The text was taken from the GUM
corpus (github.com/amir-zeldes/gum, `dep/GUM_*.conllu`, the `# text` sentence lines) by
`tools/gum_article.py make`: sentences joined into the article's paragraphs (GUM's `newpar` breaks),
headline and dateline kept, image captions (GUM `figure` blocks), Sources lists and category lines left
out. The only edits are tokenisation spacing: hyphens joined to their words (`Scientology - owned` →
`Scientology-owned`) and currency signs to their amounts (`NZ $26` → `NZ$26`); spaced dashes are kept.
GUM's sentences are the sentence boundaries of the gold files (a draft may join two where GUM split a
quotation). `second/` holds blind second annotations of articles another annotator also annotated, for
agreement. Interviews (Wikinews, CC BY 2.5) print each turn as `Name: text`, as the published pages do
(GUM keeps turns as `<sp who=...>` tags); an interviewee's turn is one direct attribution whose cue is the
colon. Speeches are U.S. federal works (public domain) or CC BY 4.0, as each article's licence says; they
are the text's own voice, like an op-ed. GUM's essays (CC BY-NC-SA) are not used: that licence is not open.
Other genres from the same GUM snapshot, built the same way (`make` reads the genre from the document name):
Wikipedia biographies (`GUM_bio_*`; licence CC BY-SA 3.0, the licence of Wikipedia text when GUM collected it;
attribute "Wikipedia contributors" and link the article; the date is GUM's collection date) and open-access
papers (`GUM_academic_*` from PLOS ONE and MDPI journals only, both CC BY 4.0; the authors are named in the
notes; the date is the publication date). GUM's excerpt is kept as it is, with section headings and bracketed
reference numbers. Conventions for these genres, within the guidelines: a bracketed reference number is not
an attribution (no source words), but it makes the claim it closes checkable, so such a sentence is not
`unsupported` (unless Wikipedia itself flags the reference, e.g. "[better source needed]"); a passive cue
without source words ("It has been proposed that ... [8]") is no attribution either; "we" in a paper is the
article's own voice, so the authors' reported results and methods are `other`, while their uncited general
claims, evaluations and predictions are `unsupported`; block quotations after a colon are `direct`.
OpenStax textbook sections (`GUM_textbook_*` whose source is openstax.org; licence CC BY 4.0, attribute the
book's authors and "Access for free at openstax.org"; the date is the book's publication date) keep headings,
feature-box titles ("LINK TO LEARNING") and endnote numbers; GUM's textbooks from other publishers are not used
unless their licence is stated. The book's own voice is the article's voice: a textbook definition or a
textbook fact is `other`, an endnote number makes the claim it closes checkable like a bracketed reference, and
a generalisation about people, causes or effects with no source or evidence is `unsupported`.
Wikinews articles of 2019 and 2020 not in GUM come from the scrape in github.com/vanatteveldt/wikinews
(`data/wikinews_2019.csv`, `data/wikinews_2020.csv`: url, date, title, text), built by
`tools/gum_article.py wikinews`: the title as the headline, then the dateline and the scrape's paragraphs,
whitespace normalised and nothing else changed (the scrape holds no captions, Sources lists or categories; the
2020 file has no datelines either, so those bodies start with the headline and the first paragraph; quotes
translated on the page keep the scrape's `((es))Spanish language: ...` original beside them, outside the
annotated content). With no GUM split, sentences are found by the
tool's `split_sentences` (after . ! ? and closing quotes, before a capital, a digit or an opening quote,
not after a title abbreviation, an initial or U.S.), which splits inside quotations as GUM does.

This file is written by `python tools/gum_article.py sources` (topics kept from this table).
"""


def pairs(folder: Path) -> list[Path]:
    """The annotated articles in a folder: .md files with front matter (SOURCES.md and the like are not)."""
    return sorted(p for p in folder.glob("*.md") if p.read_text(encoding="utf-8").startswith("---\n"))


def article_counts(md_path: Path) -> dict[str, object]:
    """What SOURCES.md reports for one article, computed from its files."""
    text = md_path.read_text(encoding="utf-8")
    head, body = split_md(text)
    meta = dict(line.split(": ", 1) for line in head.strip("-\n").split("\n") if ": " in line)
    meta = {k: json.loads(v) if v.startswith('"') else v for k, v in meta.items()}
    gold = json.loads(md_path.with_name(md_path.stem + ".gold.json").read_text(encoding="utf-8"))
    kinds = [sum(a["kind"] == k for a in gold["attributions"]) for k in KINDS]
    labels = [sum(s["label"] == v for s in gold["sentences"]) for v in LABELS.values()]
    return {
        "meta": meta,
        "words": len(body.split()),
        "kinds": kinds,
        "labels": labels,
        "speakers": sorted({a["speaker"] for a in gold["attributions"]}),
    }


def kept_topics(path: Path) -> dict[str, str]:
    if not path.exists():
        return {}
    rows = [line.split("|") for line in path.read_text(encoding="utf-8").splitlines() if line.startswith("| ")]
    return {cells[1].strip(): cells[3].strip() for cells in rows if len(cells) > 4}


def sources_md(corpus: Path) -> str:
    """SOURCES.md for every article in the corpus folder and its second/ folder, counts computed."""
    topics = TOPICS | kept_topics(corpus / "SOURCES.md")
    parts = [SOURCES_HEAD]
    for title, folder in (("Articles", corpus), ("Second annotations (second/)", corpus / "second")):
        found = [(p, article_counts(p)) for p in pairs(folder)] if folder.exists() else []
        if not found:
            continue
        parts.append(
            f"\n## {title}\n\n| id | title | topic | words | attributions (direct / indirect / mixed / "
            "according_to) | sentences (attributed / unsupported / other) |\n|---|---|---|---:|---|---|"
        )
        for path, c in found:
            k, s = c["kinds"], c["labels"]
            parts.append(
                f"| {path.stem} | {c['meta']['title']} | {topics.get(path.stem, '')} | {c['words']} | "
                f"{sum(k)} ({' / '.join(map(str, k))}) | {sum(s)} ({' / '.join(map(str, s))}) |"
            )
        total_k = [sum(c["kinds"][i] for _, c in found) for i in range(4)]
        total_s = [sum(c["labels"][i] for _, c in found) for i in range(3)]
        parts.append(
            f"| **total** | {len(found)} articles | | {sum(c['words'] for _, c in found)} | "
            f"{sum(total_k)} ({' / '.join(map(str, total_k))}) | {sum(total_s)} ({' / '.join(map(str, total_s))}) |"
        )
        for path, c in found:
            m, k, s = c["meta"], c["kinds"], c["labels"]
            parts.append(
                f"\n### {path.stem}\n\n- title: {m['title']}\n- url: {m['url']}\n- outlet: {m['outlet']}; "
                f"date: {m['date']}\n- licence: {m['license']}\n- words: {c['words']}\n"
                f"- attributions: {sum(k)} — direct {k[0]}, indirect {k[1]}, mixed {k[2]}, according_to {k[3]}\n"
                f"- sentences: {sum(s)} — attributed {s[0]}, unsupported {s[1]}, other {s[2]}\n"
                f"- speakers: {'; '.join(c['speakers']) or '(none)'}\n- notes: {m.get('notes', '')}"
            )
    return "\n".join(parts) + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    sub = parser.add_subparsers(dest="command", required=True)
    make = sub.add_parser("make", help="write ID.md from a GUM document")
    make.add_argument("doc")
    make.add_argument("--id", required=True)
    make.add_argument("--out", default=str(REPO / "course/corpus/pending"))
    make.add_argument("--repo", default=GUM)
    scraped = sub.add_parser("wikinews", help="write ID.md from the Wikinews scrape (vanatteveldt/wikinews)")
    scraped.add_argument("title", help="the start of the article's title, matching one article")
    scraped.add_argument("--id", required=True)
    scraped.add_argument("--out", default=str(REPO / "course/corpus/pending"))
    scraped.add_argument("--csv", default=WIKINEWS_CSV)
    for name in ("sentences", "check", "summary"):
        sub.add_parser(name).add_argument("md", type=Path)
    sources = sub.add_parser("sources", help="write SOURCES.md of a corpus folder")
    sources.add_argument("folder", type=Path, nargs="?", default=REPO / "course/corpus")
    gold = sub.add_parser("gold", help="write ID.gold.json from a draft and check it")
    gold.add_argument("md", type=Path)
    gold.add_argument("draft", type=Path)
    args = parser.parse_args(argv)
    if args.command == "make":
        out = Path(args.out) / f"{args.id}.md"
        out.parent.mkdir(parents=True, exist_ok=True)
        out.write_text(article_md(load_document(args.doc, args.repo), args.id), encoding="utf-8")
        print(out)
    elif args.command == "wikinews":
        out = Path(args.out) / f"{args.id}.md"
        out.parent.mkdir(parents=True, exist_ok=True)
        out.write_text(wikinews_md(args.title, args.id, csv_path=args.csv), encoding="utf-8")
        print(out)
    elif args.command == "sentences":
        body, spans = sentence_spans(args.md)
        for n, (start, end) in enumerate(spans, 1):
            print(f"{n:3} [{start}:{end}] {body[start:end]}")
    elif args.command == "gold":
        try:
            data = build_gold(args.md, args.draft)
        except DraftError as error:
            sys.exit(f"{args.draft}: {error}")
        path = args.md.with_name(args.md.stem + ".gold.json")
        path.write_text(json.dumps(data, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
        return check(args.md)
    elif args.command == "check":
        return check(args.md)
    elif args.command == "sources":
        (args.folder / "SOURCES.md").write_text(sources_md(args.folder), encoding="utf-8")
    else:
        summary(args.md)
    return 0


if __name__ == "__main__":
    sys.exit(main())
