"""``medialit new-article``: an instructor's own article as a corpus-style ``.md`` file with front matter.

The source can be a plain-text or Markdown file, a web page saved as HTML, or
a URL (fetched only when asked). The page text and metadata come from
trafilatura, a maintained extraction library, never from hand-written
scraping. Every front-matter field the guidelines require ends up filled: from
the source, from options, from the instructor at a prompt, or the command
refuses and names what is missing.
"""

from __future__ import annotations

import re
import urllib.error
import urllib.request
from collections.abc import Callable
from pathlib import Path

from medialit.core.article import (
    REQUIRED_FIELDS,
    Article,
    ArticleError,
    from_text,
    parse_markdown,
    read_text_file,
    slug,
)

ASKED_FIELDS = ("title", "outlet", "date", "url", "license")
"""Fields an instructor must supply when the source does not say (id and language have defaults)."""
HTML_SUFFIXES = (".html", ".htm", ".xhtml")
FETCH_TIMEOUT = 20


def is_url(source: str) -> bool:
    return bool(re.match(r"^https?://", source, re.IGNORECASE))


def read_source(source: str) -> tuple[str, dict[str, str]]:
    """The article body and whatever metadata the source itself gives."""
    if is_url(source):
        meta_body = from_html(fetch(source))
        meta_body[1].setdefault("url", source)
        return meta_body[0], meta_body[1]
    path = Path(source)
    text = read_text_file(path)
    if path.suffix.lower() in HTML_SUFFIXES or text.lstrip()[:15].lower().startswith(("<!doctype html", "<html")):
        return from_html(text, str(path))
    if text.startswith(("---\r\n", "---\n")):  # saved on Windows (or partly): LF front matter, the body as it is
        text = _lf_front_matter(text)
    if text.startswith("---\n"):
        article = parse_markdown(text, path=str(path))
        return article.body, {k: str(v) for k, v in article.meta.items() if str(v).strip()}
    article = from_text(text, path=str(path))
    return article.body, {"title": article.title}


def _lf_front_matter(text: str) -> str:
    """``text`` with its front matter's CRLF line endings made LF, the body left as it is.

    A Markdown source saved on Windows (front matter and all, or lines added later by another editor) was not seen
    as front matter: its lines became the body, and ``---`` the title. Without a closing ``---`` line the text is
    returned unchanged (and read as text).
    """
    lines = text.splitlines(keepends=True)
    closing = next((i for i, line in enumerate(lines[1:], 1) if line.strip() == "---"), None)
    if closing is None:
        return text
    return "".join(line.rstrip("\r\n") + "\n" for line in lines[: closing + 1]) + "".join(lines[closing + 1 :])


def fetch(url: str) -> str:
    """The page at ``url`` as text; one clear line when the machine is offline or the page is not there."""
    request = urllib.request.Request(url, headers={"User-Agent": "medialit new-article"})
    try:
        with urllib.request.urlopen(request, timeout=FETCH_TIMEOUT) as response:
            data = response.read(5_000_000)
            charset = response.headers.get_content_charset() or "utf-8"
    except (urllib.error.URLError, OSError, ValueError) as error:
        reason = getattr(error, "reason", None) or error
        raise ArticleError(
            f"{url}: cannot be fetched ({reason}); check the address, or save the page as HTML "
            "in your browser and run `medialit new-article page.html`"
        ) from None
    return data.decode(charset, errors="replace")


def from_html(html: str, where: str = "the page") -> tuple[str, dict[str, str]]:
    """Main text and metadata of a web page, by trafilatura; paragraphs separated by a blank line."""
    import trafilatura  # imported here: only this command needs it

    doc = trafilatura.bare_extraction(html, with_metadata=True)
    text = (doc.text if doc is not None else "") or ""
    paragraphs = [line.strip() for line in text.splitlines() if line.strip()]
    if not paragraphs:
        raise ArticleError(f"{where}: no article text found in the HTML; save the page as text and use that file")
    meta = {
        "title": doc.title or "",
        "outlet": doc.sitename or "",
        "date": doc.date or "",
        "url": doc.url or "",
        "license": doc.license or "",
    }
    meta = {k: " ".join(str(v).split()) for k, v in meta.items() if v and str(v).strip()}
    if meta.get("title") and paragraphs[0] != meta["title"]:
        paragraphs.insert(0, meta["title"])  # the headline is part of the body, as in the corpus
    return "\n\n".join(paragraphs) + "\n", meta


ID = re.compile(r"[A-Za-z0-9][A-Za-z0-9_-]*")
"""An article id names files and, through the assignment name, nbgrader cell ids."""


def complete(meta: dict[str, str], given: dict[str, str | None], ask: Callable[[str], str] | None) -> dict[str, str]:
    """Fill the required fields: options win, then the source, then the instructor's answer.

    Without ``ask`` (no terminal) a field still empty is an error naming every such field.
    """
    out = dict(meta)
    out.update({k: v.strip() for k, v in given.items() if v and v.strip()})
    for name in ASKED_FIELDS:
        while ask is not None and not out.get(name, "").strip():
            out[name] = ask(name).strip()
    missing = [name for name in ASKED_FIELDS if not out.get(name, "").strip()]
    if missing:
        options = " ".join(f"--{name} ..." for name in missing)
        raise ArticleError(f"missing {', '.join(missing)}: give them as options ({options})")
    out.setdefault("language", "en")
    out["id"] = out.get("id") or slug(out["title"]) or "article"
    if not ID.fullmatch(out["id"]) or len(out["id"]) > 60:
        raise ArticleError(f"id {out['id']!r}: use at most 60 letters, digits, '-' and '_' (give a valid --id)")
    return out


def front_matter(meta: dict[str, str]) -> str:
    """The ``---`` block: required fields first, in the guidelines' order, each value double-quoted."""
    names = list(REQUIRED_FIELDS) + sorted(k for k in meta if k not in REQUIRED_FIELDS)
    lines = [f"{name}: {_quote(meta[name])}" for name in names if name in meta]
    return "---\n" + "\n".join(lines) + "\n---\n"


def _quote(value: str) -> str:
    value = str(value).replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n").replace("\t", "\\t")
    return f'"{value}"'


def new_article(
    source: str, given: dict[str, str | None], ask: Callable[[str], str] | None = None
) -> tuple[Article, str]:
    """The article and the exact file text to write (front matter, then the body unchanged)."""
    body, meta = read_source(source)
    meta = complete(meta, given, ask)
    text = front_matter(meta) + body
    article = parse_markdown(text, path=source)
    if article.body != body:  # the body is the contract for every offset: it must survive the round trip
        raise ArticleError(f"{source}: the body changed when written with front matter; report this as a bug")
    return article, text


def write_article(text: str, path: Path, force: bool = False) -> Path:
    if path.exists() and not force:
        raise ArticleError(f"{path} exists: choose another name with --out, or pass --force to replace it")
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8", newline="")
    return path


__all__ = ["ASKED_FIELDS", "complete", "fetch", "from_html", "new_article", "read_source", "write_article"]
