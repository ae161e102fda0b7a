"""Shipped analyses: what the analyzer produces now, used without loading spaCy, only for the same text."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from dataclasses import replace
from pathlib import Path

import pytest

from medialit.core.article import bundled_ids, from_text, load_article
from medialit.nlp import shipped_analysis
from medialit.nlp.analysis import analyze
from medialit.nlp.shipped_analysis import REFRESH, encode, kit_articles, shipped, stale

SRC = Path(__file__).resolve().parents[2] / "src"


@pytest.mark.model
def test_shipped_analyses_equal_what_the_analyzer_produces_now():
    problems = stale()
    assert not problems, (
        "the shipped analyses are out of date (the analyzer or an article changed); regenerate them with\n"
        f"    {REFRESH}\nand commit src/medialit/articles/*.analysis.json:\n  " + "\n  ".join(problems)
    )


@pytest.mark.model
@pytest.mark.parametrize("article", kit_articles(), ids=lambda a: a.id)
def test_the_shipped_analysis_is_the_analysis_field_by_field(article, nlp):
    stored, fresh = shipped(article), analyze(article, nlp)
    assert stored is not None
    assert encode(stored) == encode(fresh)  # reasons, rules and sources included, not only what == compares
    assert stored.to_json() == fresh.to_json() and stored.to_table() == fresh.to_table()
    assert stored.article is article


def test_every_kit_article_ships_an_analysis_with_its_versions():
    ids = {a.id for a in kit_articles()}
    assert set(bundled_ids()) < ids and "ferry-terminal-vote" in ids  # the lessons' practice article too
    for article in kit_articles():
        data = json.loads(shipped_analysis.target(article).read_text(encoding="utf-8"))
        assert data["body_sha256"] == article.sha256
        assert data["model"].startswith("en_core_web_sm") and data["spacy"].startswith("3.8.")
        assert data["medialit"] and data["regenerate"] == REFRESH


def test_a_changed_text_or_another_model_is_analysed_afresh(monkeypatch):
    article = load_article("stoere-putin-call")
    assert shipped(article) is not None
    assert shipped(replace(article, body=article.body + " ")) is None
    assert shipped(from_text("A text of the student's own.")) is None
    monkeypatch.setattr(shipped_analysis, "analyzer_sha256", lambda: "0" * 64)  # a rule or lexicon changed
    assert shipped(article) is None
    monkeypatch.undo()
    monkeypatch.setenv("MEDIALIT_SPACY_MODEL", "en_core_web_lg")
    assert shipped(article) is None
    monkeypatch.setenv("MEDIALIT_SPACY_MODEL", "en_core_web_sm")  # the same weights as the re-upload
    assert shipped(article) is not None


@pytest.mark.model
def test_the_model_names_match_the_pipeline_module():
    from medialit.nlp import pipeline

    assert shipped_analysis.MODEL_ENV == pipeline.ENV_VAR
    assert set(shipped_analysis.SAME_WEIGHTS) == set(pipeline.CANDIDATES)


@pytest.mark.model
def test_a_stale_shipped_analysis_is_reported(monkeypatch):
    real = shipped_analysis._stored

    def edited(article_id):
        data = json.loads(json.dumps(real(article_id)))
        if article_id == "stoere-putin-call":
            data["analysis"]["sentences"][0]["label"] = "unsupported"
        return data

    monkeypatch.setattr(shipped_analysis, "_stored", edited)
    assert stale() == ["stoere-putin-call: analysis differs from the analyzer's output now"]


def test_the_analyzer_hash_covers_its_code_and_lexicons():
    files = {
        p.relative_to(shipped_analysis.PACKAGE).as_posix()
        for pattern in shipped_analysis.ANALYZER_FILES
        for p in shipped_analysis.PACKAGE.glob(pattern)
    }
    code = {"nlp/analysis.py", "nlp/attribution/assembly.py", "nlp/attribution/verbs.py", "nlp/reporting_lexicon.py"}
    assert code | {"nlp/framing.py", "nlp/lexicons/speech_verbs.jsonl"} <= files  # subpackages too
    assert len(shipped_analysis.analyzer_sha256()) == 64


def test_a_lesson_on_kit_articles_never_imports_spacy():
    code = (
        "import sys\n"
        "from medialit import load_article\nfrom medialit.exercises import plots\n"
        "from medialit.nlp.analysis import analyze\n"
        "from medialit.nlp.framing import FRAMING_CATEGORIES\n"
        "from medialit.widgets import Highlighter\n"
        f"for source in {bundled_ids()!r} + [{str(SRC.parent / 'notebooks/articles/ferry-terminal-vote.md')!r}]:\n"
        "    found = analyze(load_article(source))\n"
        "    plots.speakers(found); plots.sentence_map(found.sentences, found.article.body)\n"
        "print(sorted(m for m in sys.modules if m.split('.')[0] in ('spacy', 'thinc')))\n"
    )
    env = dict(os.environ, PYTHONPATH=str(SRC), MPLBACKEND="Agg")
    env.pop("MEDIALIT_SPACY_MODEL", None)
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env, timeout=300)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "[]"
