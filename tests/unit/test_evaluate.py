"""The analyzer against the dev corpus: the targets of the issue, asserted."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from shared_corpus import dev_corpus

from medialit.core.spans import Attribution, Span
from medialit.exercises.scoring import Counts
from medialit.nlp.evaluate import (
    Evaluation,
    EvaluationError,
    count_attributions,
    evaluate,
    load_source_types,
    same_speaker,
    speaker_right,
)

CORPUS = Path(__file__).parents[2] / "course" / "corpus"  # its source-types.json types the dev files too (K18)

pytestmark = pytest.mark.model


@pytest.fixture(scope="module")
def evaluation(nlp) -> Evaluation:
    return evaluate([dev_corpus()], nlp, source_types=load_source_types([CORPUS]))


def test_attribution_f1_with_speaker_right(evaluation):
    assert evaluation.micro.attribution.f1 >= 0.88, evaluation.to_text()


def test_attributed_sentence_f1(evaluation):
    assert evaluation.micro.sentences["attributed"].f1 >= 0.90, evaluation.to_text()


def test_unsupported_sentence_f1(evaluation):
    assert evaluation.micro.sentences["unsupported"].f1 >= 0.65, evaluation.to_text()


def test_example_article_every_gold_attribution_found(evaluation):
    example = next(a for a in evaluation.articles if a.article == "stoere-putin-call")
    assert example.attribution.fn == 0, example.missed


def test_matched_attributions_have_the_gold_kind_and_content(evaluation):
    """Beyond the targets: a right attribution should also carry the right kind and roughly the gold content."""
    micro = evaluation.micro
    assert micro.kind_agreed / micro.attribution.tp >= 0.9
    assert micro.content_f1 / micro.attribution.tp >= 0.9
    assert "mean content overlap F1" in evaluation.to_text()


def test_targets_met_and_reports(evaluation):
    assert evaluation.targets_met
    text = evaluation.to_text()
    assert "micro" in text and "stoere-putin-call" in text
    data = json.loads(json.dumps(evaluation.to_json()))
    assert data["micro"]["attribution"]["f1"] == pytest.approx(evaluation.micro.attribution.f1)
    assert len(data["articles"]) == len(evaluation.articles) >= 7


def _attribution(speaker: str, source: tuple[int, int]) -> Attribution:
    return Attribution(speaker, Span(*source, "source"), Span(50, 54, "cue"), None, "direct")


@pytest.mark.parametrize(
    ("predicted", "gold", "right"),
    [
        (_attribution("Jonas Gahr Støre", (0, 5)), _attribution("Jonas Gahr Støre", (10, 15)), True),
        (_attribution("Støre", (0, 5)), _attribution("Jonas Gahr Støre", (10, 15)), True),
        (_attribution("He", (10, 12)), _attribution("Jonas Gahr Støre", (10, 12)), True),
        (_attribution("Putin", (0, 5)), _attribution("Jonas Gahr Støre", (10, 15)), False),
    ],
)
def test_speaker_right(predicted, gold, right):
    assert speaker_right(predicted, gold) is right


def test_punctuation_around_a_name_word_does_not_hide_the_name():
    predicted = _attribution("Results of NCLAN studies,", (0, 5))
    assert speaker_right(predicted, _attribution("NCLAN studies (paper by AS Heagle, 1989)", (10, 15)))


def test_the_strict_figure_gives_no_credit_for_a_pronoun_resolved_to_someone_else(evaluation):
    """ "He" on the gold source's span, resolved to the wrong person: right by the main measure, not by the
    strict one, which the JSON reports beside it."""
    wrong = [_attribution("Vladimir Putin", (10, 12))]
    gold = [_attribution("Jonas Gahr Støre", (10, 12))]
    assert count_attributions(wrong, gold).tp == 1
    assert count_attributions(wrong, gold, right=same_speaker) == Counts(0, 1, 1)
    micro = evaluation.micro
    assert evaluation.to_json()["micro"]["attribution_speaker_named"]["tp"] == micro.speaker_named.tp
    assert micro.speaker_named.tp + micro.speaker_named.fn == micro.attribution.tp + micro.attribution.fn


def test_folder_without_gold_files_is_one_clear_error(tmp_path):
    with pytest.raises(EvaluationError, match=r"no ID\.md"):
        evaluate([tmp_path])
    with pytest.raises(EvaluationError, match="not a folder"):
        evaluate([tmp_path / "missing"])


# ---------------------------------------------------------------- split, literature measures, stable JSON

JSON_KEYS = {"version", "model", "articles", "micro", "spread", "targets"}
ROW_KEYS = {
    "article",
    "part",
    "attribution",
    "attribution_speaker_named",
    "cue",
    "content_exact",
    "content_overlap",
    "by_kind",
    "speaker_accuracy",
    "sentences",
    "missed",
    "kind_agreed",
    "content_f1_mean",
    "source_type",
}
COUNT_KEYS = {"tp", "fp", "fn", "precision", "recall", "f1"}


def test_split_is_fixed_by_article_id():
    from medialit.nlp.evaluate import DEV_ARTICLES, part_of

    assert all(part_of(a) == "tuning" for a in DEV_ARTICLES)
    # the rule, written out: even SHA-256 of the id is tuning
    import hashlib

    for article in ("hajj-stampede", "chomsky-nato-interview", "any-new-article"):
        even = int(hashlib.sha256(article.encode()).hexdigest(), 16) % 2 == 0
        assert part_of(article) == ("tuning" if even else "test")
    assert part_of("hajj-stampede") == "tuning" and part_of("chomsky-nato-interview") == "test"


def test_json_keys_are_stable_for_scripts(evaluation):
    data = json.loads(json.dumps(evaluation.to_json()))
    assert set(data) == JSON_KEYS and data["version"] == 2
    for row in [*data["articles"], data["micro"]]:
        assert set(row) == ROW_KEYS
        for name in ("attribution", "cue", "content_exact", "content_overlap"):
            assert set(row[name]) == COUNT_KEYS
        assert set(row["sentences"]) == {"attributed", "unsupported", "other"}
        assert set(row["by_kind"]) == {"direct", "indirect", "mixed", "according_to"}
        assert set(row["source_type"]) == {"agreed", "pairs", "accuracy", "confusion"}
    assert {a["part"] for a in data["articles"]} == {"tuning"}
    assert set(data["spread"]["attribution"]) == {"mean", "min", "max", "articles"}


def test_literature_measures_on_the_dev_corpus(evaluation):
    micro = evaluation.micro
    assert micro.exact.tp <= micro.overlap.tp <= micro.attribution.tp + micro.attribution.fp
    found, gold = micro.by_kind["direct"]
    assert 0 < found <= gold
    named, pairs = micro.speaker_strict
    assert 0 < named <= pairs == micro.cue.tp
    assert "content exact" in evaluation.to_text() and "recall by gold kind" in evaluation.to_text()


def test_part_selects_articles(nlp):
    dev = dev_corpus()
    with pytest.raises(EvaluationError, match="no article of the test part"):
        evaluate([dev], nlp, part="test")
    with pytest.raises(EvaluationError, match="unknown part"):
        evaluate([dev], nlp, part="dev")


def _with_content(speaker: str, content: tuple[int, int]) -> Attribution:
    return Attribution(speaker, Span(0, 4, "source"), Span(5, 9, "cue"), Span(*content, "content"), "indirect")


@pytest.mark.parametrize(
    ("predicted", "exact", "overlap"),
    [
        ((10, 40), 1, 1),  # the same span
        ((10, 41), 1, 1),  # the same words (a trailing full stop aside)
        ((10, 25), 0, 1),  # half of it: overlap >= 0.3
        ((10, 15), 0, 0),  # a sixth of it
    ],
)
def test_content_exact_and_overlap_matching(predicted, exact, overlap):
    from medialit.nlp.evaluate import _content_counts

    body = "Anna said that the new bridge will open in May 2027 sometime." + " " * 10
    body = body[:40] + "." + body[41:]
    gold = [_with_content("Anna Berg", (10, 40))]
    guess = [_with_content("Berg", predicted)]
    assert _content_counts(guess, gold, body, exact=True).tp == exact
    assert _content_counts(guess, gold, body, exact=False).tp == overlap


# ---------------------------------------------------------------- source types (K18)


def test_source_type_accuracy_on_the_dev_corpus(evaluation):
    """Every attribution counted right in the dev files has a gold type; most get the analyzer's kind right."""
    data = json.loads(json.dumps(evaluation.to_json()))["micro"]["source_type"]
    assert data["pairs"] == evaluation.micro.attribution.tp > 0
    assert sum(n for row in data["confusion"].values() for n in row.values()) == data["pairs"]
    assert data["accuracy"] == pytest.approx(data["agreed"] / data["pairs"]) and data["accuracy"] >= 0.8
    assert "source type as gold" in evaluation.to_text()


def test_source_type_pairs_map_the_analyzers_kinds():
    from medialit.nlp.evaluate import _type_pairs

    def pair(kind: str, cue: tuple[int, int]) -> tuple[Attribution, Attribution]:
        gold = Attribution("gold", Span(0, 4, "source"), Span(*cue, "cue"), None, "direct")
        return Attribution("x", Span(0, 4, "source"), Span(*cue, "cue"), None, "direct", source_kind=kind), gold

    types = {"10:14": "named", "20:24": "named", "30:34": "vague", "40:44": "named", "50:54": "document"}
    pairs = [pair("person", (10, 14)), pair("organisation", (20, 24)), pair("vague", (30, 34))]
    pairs += [pair("pronoun", (40, 44)), pair("document", (50, 54)), pair("person", (60, 64))]  # last: no gold type
    counts = _type_pairs(pairs, types)
    assert counts == {
        ("named", "named"): 2,
        ("vague", "vague"): 1,
        ("named", "pronoun"): 1,
        ("document", "document"): 1,
    }


def test_source_types_file_that_is_not_one_is_a_clear_error(tmp_path):
    (tmp_path / "source-types.json").write_text('{"notes": []}', encoding="utf-8")
    with pytest.raises(EvaluationError, match="not a source-types file"):
        load_source_types([tmp_path])
    assert load_source_types([tmp_path / "elsewhere"]) == {}
