"""What the corpus tools share: where the corpus lives, the parse cache, and the two references they read.

A tool imports it as ``_corpus`` (``tools/`` is on the path when a tool runs as a script, and in the tools' unit
tests through ``tests/unit/conftest.py``). Nothing here reads the test part of the corpus.
"""

from __future__ import annotations

import argparse
import hashlib
import json
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from medialit.core.spans import Span

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

    from medialit.core.article import Article

REPO = Path(__file__).resolve().parents[1]
GOLD_DIRS = (REPO.parent / "shared" / "corpus" / "dev", REPO / "course" / "corpus")
"""The gold corpus: the shared dev articles beside the checkout, and the course's own."""
READERS = REPO / "course" / "corpus" / "reader-labelled"
"""News reports no rule was tuned on, each sentence labelled by readers: ``ID.md`` beside ``ID.labels.json``."""
PARSE_CACHE = Path("/tmp/medialit-parse-cache")
"""Where ``CachedParser`` keeps the model's parses unless a tool is given ``--cache``."""


def add_cache_option(parser: argparse.ArgumentParser) -> None:
    """``--cache DIR``: the folder for the model's parses (``CachedParser``)."""
    parser.add_argument("--cache", type=Path, default=PARSE_CACHE)


class CachedParser:
    """Behaves like the pipeline for ``analyze``: the model's parse of each body is kept on disk, the rules run anew.

    ``analyze`` calls ``make_doc`` and then the pipeline on that Doc; the model's
    components (tagger, parser ...) run once per body, medialit's analysis stages
    every time, so a rule change is scored in seconds.
    """

    def __init__(self, nlp: Language, folder: Path) -> None:
        from medialit.nlp.components import ANALYSIS_PIPES

        self.nlp, self.folder, self.meta = nlp, folder, nlp.meta
        self.pipe_names = nlp.pipe_names
        self.stages = [nlp.get_pipe(name) for name in ANALYSIS_PIPES]
        self.model = [(name, pipe) for name, pipe in nlp.pipeline if name not in ANALYSIS_PIPES]
        folder.mkdir(parents=True, exist_ok=True)

    def make_doc(self, text: str) -> Doc:
        return self.nlp.make_doc(text)

    def __call__(self, doc: Doc | str) -> Doc:
        from spacy.tokens import DocBin

        article = None if isinstance(doc, str) else doc._.medialit_article
        text = doc if isinstance(doc, str) else doc.text
        path = self.folder / (hashlib.sha256(text.encode()).hexdigest()[:24] + ".spacy")
        if path.exists():
            doc = next(DocBin().from_disk(path).get_docs(self.nlp.vocab))
        else:
            doc = self.nlp.make_doc(text)
            for _, pipe in self.model:
                doc = pipe(doc)
            DocBin(docs=[doc]).to_disk(path)
        doc._.medialit_article = article
        for stage in self.stages:
            doc = stage(doc)
        return doc


def reader_labelled(folder: Path = READERS) -> Iterator[tuple[Article, list[Span], list[str]]]:
    """Each reader-labelled report, by file name: the article, the readers' sentences and each sentence's note
    ("" when it has none)."""
    from medialit.core.article import load_article

    for path in sorted(folder.glob("*.labels.json")):
        data = json.loads(path.read_text(encoding="utf-8"))
        reference = [Span(s["start"], s["end"], s["label"]) for s in data["sentences"]]
        notes = [s.get("note", "") for s in data["sentences"]]
        yield load_article(folder / f"{data['article']}.md"), reference, notes


def tuning_news(dirs: Sequence[Path] = GOLD_DIRS) -> Iterator[tuple[str, Article, list[Span]]]:
    """Each news report of the tuning part (``analyzer_report.genres``), with its half ("A" or "B",
    ``tuning_half``) and its gold sentences."""
    from medialit.core.article import load_article
    from medialit.core.spans import load_annotations
    from medialit.nlp.evaluate import gold_pairs, tuning_half

    from analyzer_report import genres  # isort: skip

    genre = genres(list(dirs))
    for md, gold_path in gold_pairs(dirs, "tuning"):
        article = load_article(md)
        if genre[article.id] == "report":
            yield "AB"[tuning_half(article.id)], article, load_annotations(gold_path).sentences
