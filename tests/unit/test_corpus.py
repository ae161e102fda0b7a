"""The project's annotated corpus (course/corpus) is usable as gold: medialit's own checks pass on every pair.

No spaCy model: only files, the article loader and the span checks. The held-out GUM documents must never
appear here, and every article is listed with its source and licence in SOURCES.md.
"""

from __future__ import annotations

import json
import re
from itertools import pairwise
from pathlib import Path

import pytest
from shared_corpus import dev_corpus

from medialit.core.article import load_article, missing_fields
from medialit.core.spans import body_sha256, check_gold

CORPUS = Path(__file__).resolve().parents[2] / "course" / "corpus"
FOLDERS = [CORPUS, CORPUS / "second"]
HELD_OUT = ("clock", "homeopathic", "crane", "ie9", "korea", "defector", "questionnaire", "soccer")


def articles() -> list[Path]:
    """Every article file (front matter first) in the corpus folders; SOURCES.md and the like are not articles."""
    found = []
    for folder in FOLDERS:
        found += sorted(p for p in folder.glob("*.md") if p.read_text(encoding="utf-8").startswith("---\n"))
    return found


ARTICLES = articles()
IDS = [f"{p.parent.name}/{p.stem}" for p in ARTICLES]


def test_the_corpus_has_articles():
    assert len(ARTICLES) >= 10


@pytest.mark.parametrize("md", ARTICLES, ids=IDS)
def test_front_matter_loads_with_every_required_field(md):
    article = load_article(md)
    assert missing_fields(article) == []
    assert article.meta["id"] == md.stem
    assert article.meta["language"] == "en"
    assert article.body.strip()


@pytest.mark.parametrize("md", ARTICLES, ids=IDS)
def test_gold_passes_medialits_checks(md):
    gold_path = md.with_name(f"{md.stem}.gold.json")
    assert gold_path.exists(), f"{md.name} has no {gold_path.name}"
    gold = json.loads(gold_path.read_text(encoding="utf-8"))
    body = load_article(md).body
    assert gold["article"] == md.stem
    assert gold["body_sha256"] == body_sha256(body)  # check_gold skips an empty digest: require it here
    assert check_gold(gold, body) == []
    assert gold["sentences"], "every sentence is labelled, so there must be some"


@pytest.mark.parametrize("folder", FOLDERS, ids=["corpus", "second"])
def test_every_gold_file_has_its_article(folder):
    orphans = [
        g.name for g in folder.glob("*.gold.json") if not g.with_name(g.name[: -len(".gold.json")] + ".md").exists()
    ]
    assert orphans == []


@pytest.mark.parametrize("md", ARTICLES, ids=IDS)
def test_no_held_out_document_is_used(md):
    used = re.findall(r"GUM_\w+?_(\w+)\.conllu", md.read_text(encoding="utf-8"))
    assert not set(used) & set(HELD_OUT)


def test_sources_lists_every_article_with_a_row_and_a_section():
    sources = (CORPUS / "SOURCES.md").read_text(encoding="utf-8")
    rows = {line.split("|")[1].strip() for line in sources.splitlines() if line.startswith("| ")}
    sections = set(re.findall(r"^### (\S+)$", sources, flags=re.MULTILINE))
    ids = {md.stem for md in ARTICLES}
    assert ids - rows == set(), "add a table row to course/corpus/SOURCES.md"
    assert ids - sections == set(), "add a section to course/corpus/SOURCES.md"


# The open licence each outlet publishes under; an article from any other outlet must not enter the corpus.
OPEN_LICENCES = {
    "Wikinews": "CC BY 2.5",
    "Wikipedia": "CC BY-SA 3.0",
    "PLOS ONE": "CC BY 4.0",
    "Sustainability (MDPI)": "CC BY 4.0",
    "Remote Sensing (MDPI)": "CC BY 4.0",
    "OpenStax": "CC BY 4.0",
}
"""Outlets that publish everything under one open licence: their articles must carry it."""
OPEN = ("CC BY 2.5", "CC BY-SA 3.0", "CC BY 4.0", "Public domain (work of the U.S. federal government")
"""Licences (or their opening words) an article of another outlet may carry."""


@pytest.mark.parametrize("md", ARTICLES, ids=IDS)
def test_every_article_is_openly_licensed(md):
    meta = load_article(md).meta
    if meta["outlet"] in OPEN_LICENCES:
        assert meta["license"] == OPEN_LICENCES[meta["outlet"]]
    else:
        assert meta["license"].startswith(OPEN), f"{meta['license']!r} is not an open licence"


BLIND = sorted((CORPUS / "blind-labels").glob("*/*.json"))


@pytest.mark.parametrize("path", BLIND, ids=[f"{p.parent.name}/{p.stem}" for p in BLIND])
def test_blind_labels_label_every_gold_sentence_once(path):
    """A blind re-annotation pairs with the gold by sentence span (tools/label_agreement.py relies on it)."""
    data = json.loads(path.read_text(encoding="utf-8"))
    in_repo = (CORPUS / f"{data['article']}.gold.json").exists()
    gold_path = CORPUS if in_repo else dev_corpus()
    gold = json.loads((gold_path / f"{data['article']}.gold.json").read_text(encoding="utf-8"))
    expected = sorted((s["start"], s["end"]) for s in gold["sentences"])
    assert [(s["start"], s["end"]) for s in data["sentences"]] == expected
    assert {s["label"] for s in data["sentences"]} <= {"attributed", "unsupported", "other"}
    assert all(s.get("note") for s in data["sentences"] if s["label"] == "unsupported"), "say why"


READER_LABELLED = sorted((CORPUS / "reader-labelled").glob("*.labels.json"))


@pytest.mark.parametrize("path", READER_LABELLED, ids=[p.name.split(".")[0] for p in READER_LABELLED])
def test_reader_labels_cover_their_article_sentence_by_sentence(path):
    """Reader-labelled reports (sentence labels, no gold) label disjoint spans of their own article's body."""
    data = json.loads(path.read_text(encoding="utf-8"))
    article = load_article(path.with_name(f"{data['article']}.md"))
    assert not missing_fields(article) and article.meta["license"] == "CC BY 2.5"
    spans = [(s["start"], s["end"]) for s in data["sentences"]]
    assert spans == sorted(spans) and all(a < b <= c for (a, b), (c, _) in pairwise(spans))
    assert all(article.body[a:b].strip() == article.body[a:b] != "" for a, b in spans)
    assert {s["label"] for s in data["sentences"]} <= {"attributed", "unsupported", "other"}
    assert all(s.get("note") for s in data["sentences"] if s["label"] == "unsupported"), "say why"


def test_reader_labelled_reports_are_listed_and_not_in_the_gold_corpus():
    """Each reader-labelled report has its row (source, licence) and is none of the gold articles."""
    listing = (CORPUS / "reader-labelled" / "README.md").read_text(encoding="utf-8")
    gold_urls = {load_article(p).meta["url"] for p in articles()}
    for path in READER_LABELLED:
        article = load_article(path.with_name(path.name.replace(".labels.json", ".md")))
        assert f"| {article.id} |" in listing
        assert article.meta["url"] not in gold_urls
