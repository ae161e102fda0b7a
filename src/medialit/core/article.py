"""Articles: a body of text with metadata, paragraphs and sentences.

Every offset in medialit is a Python string index into ``Article.body`` exactly
as loaded (see the corpus guidelines, "Files"), so nothing here ever rewrites
the body: no newline normalisation, no stripping.
"""

from __future__ import annotations

import datetime
import difflib
import hashlib
import itertools
import os
import re
from dataclasses import dataclass, field
from functools import cached_property
from importlib import resources
from pathlib import Path
from typing import Any

import yaml

from medialit.core.errors import OneLineError

MAX_BYTES = 1_000_000
"""Largest article accepted (about 150,000 words): far above any news story,
small enough that the analyzer answers in seconds rather than appearing to hang,
and within spaCy's default ``nlp.max_length`` of 1,000,000 characters."""

REQUIRED_FIELDS = ("id", "title", "outlet", "url", "date", "language", "license")
BUNDLED = "medialit.articles"
MARKDOWN_SUFFIXES = (".md", ".markdown")
_WEB_PAGE = "a saved web page, not article text; turn it into an article with: medialit new-article {path}"
_NOT_ARTICLES = {
    ".html": _WEB_PAGE,
    ".htm": _WEB_PAGE,
    ".xhtml": _WEB_PAGE,
    ".ipynb": "a notebook, not an article; give the name of the article's .md or .txt file",
    ".json": "a JSON file, not an article; give the name of the article's .md or .txt file",
    ".py": "a Python file, not an article; give the name of the article's .md or .txt file",
}
"""Files a self-learner may pick that read as text but are not an article (markup would be analysed as words)."""


class ArticleError(OneLineError):
    """A user's article file cannot be used; the message says why and what to do."""


@dataclass(frozen=True)
class Block:
    """A paragraph-level unit: one line of the body, typed as the guidelines treat it."""

    start: int
    end: int
    kind: str  # "heading", "quote" (dash-led), "bullet" or "text"


@dataclass(frozen=True)
class Article:
    """An article body with its front-matter metadata."""

    body: str
    title: str = ""
    meta: dict = field(default_factory=dict)
    path: str | None = None

    @property
    def id(self) -> str:
        return str(self.meta.get("id") or slug(self.title) or "article")

    @property
    def sha256(self) -> str:
        return hashlib.sha256(self.body.encode("utf-8")).hexdigest()

    @cached_property
    def paragraphs(self) -> list[Block]:
        """Non-empty lines of the body, each classified."""
        return [Block(s, e, classify_line(self.body[s:e])) for s, e in body_lines(self.body)]

    @cached_property
    def sentences(self) -> list[tuple[int, int]]:
        """Sentence spans; headings, bullets and dash quotes split like prose."""
        out: list[tuple[int, int]] = []
        for block in self.paragraphs:
            out.extend(split_sentences(self.body, block.start, block.end))
        return out

    def text(self, start: int, end: int) -> str:
        return self.body[start:end]

    def words(self) -> int:
        return len(self.body.split())


# ---------------------------------------------------------------- loading


def load_article(source: str | Path) -> Article:
    """Load a bundled article by id, or a ``.md`` (front matter) or plain-text file.

    A plain-text file's first non-empty line is its title; the body is the whole
    file, so the headline is annotated like any other text. A ``.md`` file must
    open with front matter. A UTF-8 byte-order mark is dropped (offsets count
    from the character after it); line endings are kept as they are, but front
    matter must use LF.
    """
    if isinstance(source, str) and source in bundled_ids():
        ref = resources.files(BUNDLED) / f"{source}.md"
        return parse_markdown(ref.read_text(encoding="utf-8"), path=f"{source} (bundled)")
    path = Path(source)
    _web_address(str(source))
    try:
        text = read_text_file(path)
    except ArticleError:
        _mistyped_id(str(source))
        raise
    if path.suffix.lower() in _NOT_ARTICLES:
        raise ArticleError(f"{path}: " + _NOT_ARTICLES[path.suffix.lower()].format(path=path))
    if text.startswith("---\n") or text.startswith("---\r\n"):
        return parse_markdown(text, path=str(path))
    if path.suffix.lower() in MARKDOWN_SUFFIXES:
        raise ArticleError(
            f"{path}: no front matter; start the file with a '---' block (id, title, ...) as in the corpus "
            "guidelines, or save it as .txt so its first line is the title"
        )
    return from_text(text, path=str(path))


def _web_address(source: str) -> None:
    """A web address given where a file belongs: one line saying how to bring the article in."""
    if re.match(r"(?i)\s*(https?://|www\.)", source):
        raise ArticleError(
            f"{source.strip()}: a web address, not a file; save the article's text as a .txt file (first line the "
            "headline) and give its name, or paste the text; `medialit new-article URL` makes an article file"
        )


def _mistyped_id(source: str) -> None:
    """A name that is no file but nearly a bundled article's id: say which id was meant."""
    if "/" in source or Path(source).suffix or not 0 < len(source) <= 100:
        return
    if not Path(source).exists():
        close = difflib.get_close_matches(source, bundled_ids(), n=1)
        if close:
            raise ArticleError(f"{source}: no such file or bundled article; did you mean {close[0]!r}?")


def without_bom(text: str) -> str:
    """The text without a leading UTF-8 byte-order mark (Notepad's, kept by a copy and paste): offsets count
    from the character after it, whether the text was read from a file or given as a string."""
    return text.removeprefix("\ufeff")


def from_text(text: str, title: str | None = None, path: str | None = None) -> Article:
    """An article from a string; the first non-empty line is the title unless given. A leading byte-order
    mark is dropped, as ``load_article`` drops it from a file."""
    text = without_bom(text)
    if not text.strip():
        raise ArticleError(f"{path or 'text'}: the article is empty; give it some text")
    if title is None:
        title = next(line.strip() for line in text.splitlines() if line.strip())
    return Article(body=text, title=title, meta={"id": slug(title), "title": title}, path=path)


def parse_markdown(text: str, path: str | None = None) -> Article:
    """Split front matter from the body: the body is every character after the closing ``---`` line."""
    where = path or "text"
    if text.startswith("---\r\n"):
        raise ArticleError(f"{where}: Windows line endings in the front matter; save the file with LF line endings")
    end = text.find("\n---\n", 3)
    if end < 0 and text.endswith("\n---"):
        raise ArticleError(f"{where}: the article has front matter but no body text; add the text after the '---' line")
    if end < 0:
        raise ArticleError(
            f"{where}: the front matter opened by '---' is never closed; add a line '---' after the metadata"
        )
    meta = parse_front_matter(text[4 : end + 1], where)
    body = text[end + 5 :]
    if not body.strip():
        raise ArticleError(f"{where}: the article has front matter but no body text; add the text after the '---' line")
    return Article(body=body, title=str(meta.get("title", "")), meta=meta, path=path)


def parse_front_matter(block: str, where: str) -> dict[str, Any]:
    """Read the front matter as YAML (``safe_load``): scalars become strings, lists stay lists.

    Dates and numbers are kept as written (``2022-03-31`` stays that string), so
    a key round-trips unchanged. Invalid YAML is one line naming the file and line.
    """
    try:
        data = yaml.safe_load(block)
    except yaml.YAMLError as error:
        mark = getattr(error, "context_mark", None) or getattr(error, "problem_mark", None)
        line = f" line {mark.line + 2}" if mark is not None else ""
        problem = getattr(error, "problem", None) or "invalid YAML"
        raise ArticleError(f"{where}: front matter{line} is not 'key: value' YAML ({problem}); fix that line") from None
    if data is None:
        return {}
    if not isinstance(data, dict):
        raise ArticleError(f"{where}: the front matter is not 'key: value' lines; write one field per line")
    return {str(key): _plain(value) for key, value in data.items()}


def _plain(value: Any) -> Any:
    """YAML values as the text they were written as: dates and numbers become strings, lists stay lists."""
    if isinstance(value, list):
        return [_plain(v) for v in value]
    if isinstance(value, dict):
        return {str(k): _plain(v) for k, v in value.items()}
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (datetime.date, datetime.datetime)):
        return value.isoformat()
    return str(value)


def missing_fields(article: Article) -> list[str]:
    """Front-matter fields the guidelines require that this article lacks."""
    return [name for name in REQUIRED_FIELDS if name not in article.meta]


def read_text_file(path: Path) -> str:
    """Read UTF-8 text, turning every way a user's file can be unusable into one clear line."""
    try:
        return _read_text_file(path)
    except OSError as error:  # unreadable, name too long, ...: still one line, never a traceback
        reason = error.strerror or str(error)
        raise ArticleError(f"{path}: cannot be read ({reason}); check the path and permissions") from None


def _read_text_file(path: Path) -> str:
    if not path.exists():
        raise ArticleError(_not_found(path))
    if path.is_dir():
        raise ArticleError(f"{path}: is a folder; give the path of one article file (.md or .txt)")
    size = path.stat().st_size
    if size == 0:
        raise ArticleError(f"{path}: the file is empty; give it some text")
    if size > MAX_BYTES:
        raise ArticleError(
            f"{path}: {size / 1e6:.1f} MB is too large (limit {MAX_BYTES / 1e6:.0f} MB); split it into articles"
        )
    data = path.read_bytes()
    if b"\x00" in data[:8192]:
        raise ArticleError(f"{path}: looks like a binary file, not text; export the article as UTF-8 text or Markdown")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as error:
        raise ArticleError(
            f"{path}: not UTF-8 text (bad byte at position {error.start}); re-save the file as UTF-8"
        ) from None
    text = without_bom(text)
    if not text.strip():
        raise ArticleError(f"{path}: the file holds only whitespace; give it some text")
    return text


def _not_found(path: Path) -> str:
    """The line for a file that is not there. A relative name says the folder it was looked for in (self25: a learner
    who made my-article.txt in the kit's folder, not lesson 7's, read only 'no such file; check the path') and, when
    there is one, a file of that name one or two folders up, in a folder beside or below that one, or a near name."""
    if path.is_absolute():
        return f"{path}: no such file; check the path"
    here = Path.cwd()
    said = f"{path}: no such file in {here} (a file name is looked for in the folder the notebook or command runs in)"
    target = (here / path).parent
    if target.is_dir():
        names = [p.name for p in target.iterdir() if p.is_file()]
        wanted = path.name.lower()
        close = [n for n in names if n.lower() == wanted or n.lower().startswith(wanted + ".")]
        close = close or difflib.get_close_matches(path.name, names, n=1, cutoff=0.8)
        if close:
            return f"{said}; did you mean {(path.parent / close[0]).as_posix()!r}?"
    places = [here.parent, here.parent.parent, *_folders_in(here), *_folders_in(here.parent)]
    for place in dict.fromkeys(p for p in places if p != here):
        if (place / path).is_file():
            elsewhere = Path(os.path.relpath(place / path, here)).as_posix()
            return f"{said}; there is one at {elsewhere}: write that, or move the file into that folder"
    return f"{said}; save the file in that folder, or write its path from there or in full"


def _folders_in(folder: Path) -> list[Path]:
    """The folders in ``folder`` a person made (not hidden ones such as .ipynb_checkpoints), or none if unreadable."""
    try:
        return sorted(p for p in folder.iterdir() if p.is_dir() and not p.name.startswith("."))
    except OSError:
        return []


def bundled_ids() -> list[str]:
    """Ids of the articles that ship inside the package (Markdown files that open with front matter)."""
    folder = resources.files(BUNDLED)
    return sorted(
        p.name[:-3] for p in folder.iterdir() if p.name.endswith(".md") and p.read_text(encoding="utf-8")[:4] == "---\n"
    )


def slug(title: str, limit: int = 60) -> str:
    """An id from a title: lower-case words joined by ``-``, cut at a word to at most ``limit`` characters.

    A title with no ASCII letter or digit (Greek, Chinese) gets ``article-`` and eight hex digits of its
    hash, so two such titles do not share an id; every other title keeps the id it always had.
    """
    words = re.sub(r"[^a-z0-9]+", "-", title.lower()).strip("-")
    if not words and title.strip():
        words = "article-" + hashlib.sha256(title.strip().encode("utf-8")).hexdigest()[:8]
    return cut_at_word(words, limit)


def cut_at_word(words: str, limit: int) -> str:
    """``words`` (an id whose words are joined by ``-``) cut at a word boundary to at most ``limit`` characters.

    Ids end up in nbgrader cell ids, which nbformat limits to 64 characters; a word
    longer than ``limit`` is cut where it must be. Never a trailing ``-``.
    """
    if len(words) <= limit:
        return words
    head = words[: limit + 1]
    cut = head.rsplit("-", 1)[0] if "-" in head else words[:limit]
    return cut.rstrip("-_") or words[:limit].rstrip("-_")


# ---------------------------------------------------------------- structure

DASHES = "–—"
BULLETS = ("- ", "* ", "• ")


REFERENCE_MARK = r"\[(?:\d{1,3}|[a-z])\]"
"""A reference or note mark of encyclopedia text ("[17]", "[a]"): it closes the sentence before it."""
_CLOSING_MARKS = re.compile(rf"(?:\s*{REFERENCE_MARK})+$")


def classify_line(line: str) -> str:
    """heading, quote, bullet or text, by the line's own shape (reference marks at its end aside)."""
    stripped = _CLOSING_MARKS.sub("", line.strip()) or line.strip()  # "[1]" alone stays what it is
    if stripped[:1] in DASHES:
        return "quote"
    if stripped.startswith(BULLETS):
        return "bullet"
    if stripped.startswith("#") or not re.search(r"[.!?:\"”’»)]$", stripped):
        return "heading"
    return "text"


DATELINE = re.compile(r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday), [A-Z][a-z]+ \d{1,2}, \d{4}")
"""A news report's dateline ("Thursday, May 7, 2015"), the line under a Wikinews headline."""
_GLUED = re.compile(rf"{DATELINE.pattern}[ \t]+(?=[\"'“‘]?[A-Z])")
HEAD_LINES = 4
"""How many of the first non-blank lines may hold a dateline."""


def body_lines(body: str) -> list[tuple[int, int]]:
    """(start, end) of each non-blank line, trimmed of surrounding whitespace; a dateline that opens one of the
    first lines and runs on into the lede ("Thursday, May 7, 2015 On Tuesday, ...", where the source kept no
    paragraph break) is a line of its own, as the dateline is everywhere else."""
    spans = []
    for match in re.finditer(r"[^\n]+", body):
        text = match.group()
        if text.strip():
            lead = len(text) - len(text.lstrip())
            trail = len(text) - len(text.rstrip())
            start, end = match.start() + lead, match.end() - trail
            glued = _GLUED.match(body, start, end) if len(spans) < HEAD_LINES else None
            if glued:
                date_end = start + len(glued.group().rstrip())
                spans += [(start, date_end), (glued.end(), end)]
            else:
                spans.append((start, end))
    return spans


def glued_datelines(body: str) -> list[int]:
    """Where a lede starts after a dateline on its own line (see ``body_lines``): a sentence starts there."""
    pairs = itertools.pairwise(body_lines(body)[: HEAD_LINES + 1])
    return [b[0] for a, b in pairs if DATELINE.fullmatch(body, a[0], a[1]) and "\n" not in body[a[1] : b[0]]]


ABBREVIATIONS = frozenset(
    "mr mrs ms dr prof st jr sr gen col lt sgt capt gov sen rep rev hon jan feb mar apr jun jul aug sep sept "
    "oct nov dec no vs etc inc ltd corp co dept univ approx fig est e.g i.e a.m p.m u.s u.k u.n d.c".split()
)
FINAL_ABBREVIATIONS = frozenset("u.s u.k u.n d.c etc inc ltd corp co".split())
SENTENCE_OPENERS = frozenset(
    "The A An He She It They We I This That These Those In On At But However And So Its His Her Their".split()
)
_BOUNDARY = re.compile(rf"[.!?…]+[\"'”’»)\]]*(?:\s*{REFERENCE_MARK})*(?=\s|$)")
"""Sentence-final punctuation with the quotes, brackets and reference marks ("[17]") that close it."""
_OPENER = re.compile(r"\s+([\"'“‘«(\[–—-]*\s*[A-Z0-9ÆØÅÄÖÜÉ])")


def split_sentences(body: str, start: int, end: int) -> list[tuple[int, int]]:
    """Split ``body[start:end]`` at sentence-final punctuation followed by a capitalised start."""
    spans = []
    cursor = start
    for match in _BOUNDARY.finditer(body, start, end):
        stop = match.end()
        opener = _OPENER.match(body, stop, end)
        if not opener or _is_abbreviation(body, cursor, match.start()) or _list_number(body, start, cursor, match):
            continue
        spans.append((cursor, stop))
        cursor = opener.start(1)
    if cursor < end:
        spans.append((cursor, end))
    return spans


def _list_number(body: str, line_start: int, sentence_start: int, boundary: re.Match) -> bool:
    """ "1." opening a line numbers a list item ("1. Matter is ..."); it does not end a sentence of its own."""
    number = body[sentence_start : boundary.start()].strip()
    return sentence_start == line_start and number.isdigit() and len(number) <= 2


def _is_abbreviation(body: str, sentence_start: int, dot: int) -> bool:
    """True when the period at ``dot`` ends an abbreviation or initial, not a sentence.

    Place abbreviations ("U.S.", "D.C.") can end a sentence: they do when the next
    word is one that typically opens a sentence.
    """
    if body[dot] != ".":
        return False
    word = re.search(r"[\w.]*$", body[sentence_start:dot]).group().lower()
    if word in FINAL_ABBREVIATIONS:
        following = re.match(r"\s+(\w+)", body[dot + 1 : dot + 40])
        return not (following and following.group(1) in SENTENCE_OPENERS)
    return word in ABBREVIATIONS or (len(word) == 1 and word.isalpha())
