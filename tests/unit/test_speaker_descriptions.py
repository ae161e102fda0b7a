"""verify15: the speaker half of ex01-q2 judged on forms a student writes, built from the article alone."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from medialit.exercises.judge import grade_data
from medialit.exercises.matching import names_person

KEY = json.loads((Path(__file__).parents[2] / "course" / "keys" / "ex01-q2.json").read_text(encoding="utf-8"))
PUTIN = "Prime Minister Jonas Gahr Støre met Russian President Vladimir Putin and Ukrainian President Zelenskyj."


def q2(name: str) -> list[tuple[str, str, str]]:
    """The whole right answer to ex01-q2 with ``name`` given for every Støre mark."""
    return [
        ("Støre", name, "said"),
        ("He", name, "added"),
        ("the Russian embassy", "the Russian embassy", ""),  # K4: no cue, so left unlinked (keyread18)
        ("Støre", name, "pointed out"),
        ("The Prime Minister", name, "believes"),
    ]


@pytest.mark.parametrize(
    "name",
    [
        "Støre spokesperson",  # someone who speaks for Støre, as "Støre's spokesperson" is
        "the spokesperson of Støre",
        "Jonas Gahr Støre spokesman",
        "Prime Minister of Russia Jonas Gahr Støre",  # the article's Russian is Putin, however it is written
        "Russia's Prime Minister Støre",
        "Ukraine's Prime Minister Støre",  # the article's Ukrainian Prime Minister is Sjmyhal
        "Støre, Russia's prime minister",
        "Sjmyhal Prime Minister Jonas Gahr Støre",  # two people: spaCy read 'Sjmyhal' as a title's modifier
        "Zelenskyj Minister Støre",
        "Denys Minister Støre",
    ],
)
def test_a_wrong_speaker_written_another_way_loses_the_speaker_half(name):
    result = grade_data("ex01-q2", q2(name), KEY)
    assert result.points == 1.0, result.feedback


@pytest.mark.parametrize(
    "name",
    [
        "Jonas Gahr Støre",
        "Prime Minister of Norway Jonas Gahr Støre",
        "Norway's Prime Minister Jonas Gahr Støre",
        "Jonas Gahr Støre, Prime Minister",
        "Jonas Gahr Støre (Prime Minister)",
        "Foreign Minister Jonas Gahr Støre",
    ],
)
def test_natural_right_forms_keep_the_speaker_half(name):
    result = grade_data("ex01-q2", q2(name), KEY)
    assert result.points == 2.0, result.feedback


def test_a_place_form_of_a_description_counts_as_its_adjective():
    """'of Russia' and "Russia's" say what 'Russian' says: the article gives it only to Putin."""
    assert not names_person("Prime Minister of Russia Støre", "Jonas Gahr Støre", text=PUTIN)
    assert not names_person("Russia's Støre", "Jonas Gahr Støre", text=PUTIN)
    assert names_person("Prime Minister of Norway Støre", "Jonas Gahr Støre", text=PUTIN)
    met = "Prime Minister Jonas Gahr Støre met Australian Prime Minister Ann Lee."
    assert names_person("Austria's Prime Minister Støre", "Jonas Gahr Støre", text=met)  # not Australia's


@pytest.mark.parametrize("name", ["Aftenposten", "the newspaper Aftenposten", "Aftenposten newspaper"])
def test_the_outlet_naming_itself_may_be_named_as_the_newspaper_it_is(name):
    """verify15: the optional Aftenposten mark named 'the newspaper Aftenposten' cost 0.1 as a wrong speaker."""
    result = grade_data("ex01-q2", [*q2("Jonas Gahr Støre"), ("Aftenposten", name, "contacted")], KEY)
    assert result.points == 2.0, result.feedback


@pytest.mark.parametrize("name", ["NTB", "Aftenposten's reporter", "the reporter", "Aftenposten Putin"])
def test_the_outlet_is_not_named_by_someone_else(name):
    result = grade_data("ex01-q2", [*q2("Jonas Gahr Støre"), ("Aftenposten", name, "contacted")], KEY)
    assert result.points < 2.0, result.feedback
