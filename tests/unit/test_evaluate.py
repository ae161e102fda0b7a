"""The analyzer against the dev corpus: the targets of the issue, asserted."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from medialit.evaluate import Evaluation, EvaluationError, evaluate, speaker_right
from medialit.spans import Attribution, Span

DEV = Path(__file__).parents[2].parent / "shared/corpus/dev"

pytestmark = pytest.mark.model


@pytest.fixture(scope="module")
def evaluation(nlp) -> Evaluation:
    if not DEV.is_dir():
        pytest.skip(f"dev corpus not found at {DEV}")
    return evaluate([DEV], nlp)


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


def test_folder_without_gold_files_is_one_clear_error(tmp_path):
    with pytest.raises(EvaluationError, match=r"no ID\.md"):
        evaluate([tmp_path])
    with pytest.raises(EvaluationError, match="not a folder"):
        evaluate([tmp_path / "missing"])
