"""Speaker resolution, round 27b (issue 14): a proper name that ends in a WordNet group noun names a body.

"Florida Highway Patrol described" with only "Florida" recognised (as a place) gave the speaker "Patrol", read as
a person's surname; under the guidelines (source and speaker, K2) the organisation is the source, by its name.
Invented sentences only; each positive test fails without ``TitleHolders._body_name``, the negative ones pin its
limits.
"""

from __future__ import annotations

import pytest

from medialit.core.article import from_text
from medialit.nlp.attribution import find_attributions

pytestmark = pytest.mark.model


def speaker_and_kind(nlp, sentence: str) -> tuple[str, str]:
    """(speaker, source kind) of the one attribution in a short dated report."""
    article = from_text(f"Road news\nMonday, May 4, 2015\n{sentence}\n", title="Road news")
    found = find_attributions(nlp(article.body), article).attributions
    assert len(found) == 1, found
    return found[0].speaker, found[0].source_kind


@pytest.mark.parametrize(
    ("sentence", "name"),
    [
        ("The pileup began, Florida Highway Patrol described, in the southbound lanes.", "Florida Highway Patrol"),
        ("The crash happened, Georgia State Patrol described, after midnight.", "Georgia State Patrol"),
        ("According to Florida Highway Patrol, the road was closed for six hours.", "Florida Highway Patrol"),
    ],
)
def test_a_name_ending_in_a_group_noun_is_the_organisation(nlp, sentence, name):
    """The whole name, an organisation, whatever the entity recogniser made of it: not the surname "Patrol"."""
    assert speaker_and_kind(nlp, sentence) == (name, "organisation")


def test_the_recognised_organisation_is_still_the_whole_name(nlp):
    """The brief's sentence: the recogniser takes "The Florida Highway Patrol" for an organisation already."""
    assert speaker_and_kind(nlp, "The Florida Highway Patrol said the road was closed.")[0] == "Florida Highway Patrol"


@pytest.mark.parametrize(
    ("sentence", "surname"),
    [
        ("Ms. Church said the road was closed.", "Church"),
        ("Mayor Street said the road was closed.", "Street"),
        ("Senator Bush said the bill would pass.", "Bush"),
    ],
)
def test_a_person_whose_surname_is_a_group_noun_stays_a_person(nlp, sentence, surname):
    """ "Church", "Street" and "Bush" are WordNet group nouns, but a name the recogniser marks as a person's is one."""
    assert speaker_and_kind(nlp, sentence) == (surname, "person")
