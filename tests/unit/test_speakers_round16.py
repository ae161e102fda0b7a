"""Speaker resolution, twelfth round (issue 14): the groups GUM's coreference showed (tools/gum_speakers.py).

Invented sentences only; each test fails without the rule it names.
"""

from __future__ import annotations

import pytest

from medialit.core.article import from_text
from medialit.nlp.attribution import find_attributions

pytestmark = pytest.mark.model


def speakers(nlp, text: str) -> list[tuple[str, str]]:
    """(source words, speaker) of every attribution in a short dated report."""
    article = from_text(f"Report\nMonday, May 4, 2015\n{text}\n", title="Report")
    found = find_attributions(nlp(article.body), article)
    return [(a.source.text(article.body), a.speaker) for a in found.attributions]


def test_he_after_a_person_described_not_named_is_that_person(nlp):
    """ "The doctor" is the subject just before "he": not the named person credited earlier."""
    text = (
        "Mayor Ellen Rusk said the clinic would stay open. "
        "The doctor examined the boy on Tuesday, and he said the fever was not dangerous."
    )
    found = speakers(nlp, text)
    assert ("he", "doctor") in found
    assert ("he", "Ellen Rusk") not in found


def test_a_person_described_in_what_someone_reports_is_passed_over(nlp):
    """ "the officer" is the subject of the reported clause, not of the text's own: "He" stays with Brandt."""
    text = "Witness Karl Brandt said the officer fired first. He added that nobody was hurt."
    assert ("He", "Karl Brandt") in speakers(nlp, text)


def test_a_lower_case_word_tagged_a_proper_noun_names_no_one(nlp):
    """A name ends in a capital: with no one named before it, "she" stays a pronoun rather than "abandon", which
    the tagger takes for a proper noun in "danced with abandon"."""
    text = "The guests danced with abandon all night. The music was loud. “We should go,” she said."
    assert speakers(nlp, text) == [("she", "she")]


def test_a_title_holder_just_before_a_pronoun_takes_it(nlp):
    """ "The harbour master" is the subject just before "She": the holder, not Anna Berg credited before."""
    text = (
        "Anna Berg said that the ferry was late. The harbour master said that the port was closed. "
        "She added that nobody was hurt."
    )
    assert speakers(nlp, text)[-1] == ("She", "harbour master")
