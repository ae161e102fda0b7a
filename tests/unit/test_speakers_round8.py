"""Speaker resolution, eighth round (issue 14): titles, names set off, affiliations and "they".

Invented sentences only; each test fails without the rule it names.
"""

from __future__ import annotations

import pytest

from medialit.core.article import from_text
from medialit.nlp.attribution import find_attributions

pytestmark = pytest.mark.model


def speakers(nlp, text: str) -> dict[str, str]:
    """Source words -> speaker of every attribution in a short dated report."""
    article = from_text(f"Report\nMonday, May 4, 2015\n{text}\n", title="Report")
    found = find_attributions(nlp(article.body), article)
    return {a.source.text(article.body): a.speaker for a in found.attributions}


def test_a_plural_title_names_a_group_not_one_holder(nlp):
    """ "the officers" are not the governor named before them."""
    text = (
        "Regional governor Anton Vale said border officers were present at the crossing. "
        "Drivers told reporters the officers claimed to be searching for a stolen car."
    )
    assert speakers(nlp, text)["the officers"] == "officers"


def test_a_name_set_off_after_a_noun_for_a_role_is_its_holder(nlp):
    """ "selectman" is no title word, but WordNet's noun.person has it: the name between commas holds it."""
    text = "According to Maple Falls' first selectman, Chris Arden, there were nine passengers aboard the bus."
    assert speakers(nlp, text)["Maple Falls' first selectman"] == "Chris Arden"


def test_where_people_come_from_stays_in_their_name(nlp):
    """ "researchers from X", like "researchers at X", are not researchers in general."""
    text = (
        "In a paper published on Monday, researchers mostly from Halden University in Norway reported that "
        "the coating lasts a year."
    )
    found = speakers(nlp, text)
    assert found["researchers mostly from Halden University in Norway"] == (
        "researchers mostly from Halden University in Norway"
    )


def test_they_is_what_its_antecedent_stands_for(nlp):
    """ "They" after "The researchers" is the group those researchers were named as first."""
    text = (
        "Researchers from Halden University reported that the coating lasts a year. "
        "The researchers said the spray is cheap. They also reported that it repels dust."
    )
    found = speakers(nlp, text)
    assert found["They"] == found["The researchers"] == "Researchers from Halden University"


def test_they_is_the_plural_of_people_that_is_the_subject_of_its_sentence(nlp):
    """Not the police credited in the sentence before: the prosecutors who charged the driver."""
    text = "Police said the driver fled. State prosecutors charged the driver with manslaughter, they said on Sunday."
    assert speakers(nlp, text)["they"] == "State prosecutors"


def test_a_titled_name_after_a_place_is_the_source_when_the_parse_splits_them(nlp):
    """The parser makes "Vermont" the object of "According to" and the senator a subject of its own."""
    text = "According to Vermont Senator Anna Holt, the bridge is one of nine still in use."
    assert speakers(nlp, text)["Vermont"] == "Anna Holt"


def test_an_organisation_name_with_a_comma_stays_whole(nlp):
    """The parser lists "Disease Control and Research" beside the institute; the entity is one name."""
    text = (
        "As of Monday, Chile's Institute of Seismology, Volcanology and Research reported the number of tremors "
        "included 14 large ones."
    )
    found = speakers(nlp, text)
    assert found["Chile's Institute of Seismology, Volcanology and Research"] == (
        "Chile's Institute of Seismology, Volcanology and Research"
    )


def test_the_cue_of_an_inverted_report_is_not_part_of_the_speaker(nlp):
    """The parser hangs "reported" on "officials" as a modifier; the speaker is the officials."""
    text = (
        "On Saturday morning, a storm hit the harbour town of Kessby, with the death toll rising to 12 people on "
        "Monday, reported officials, with 25 others injured."
    )
    assert speakers(nlp, text)["officials"] == "officials"


def test_a_clause_the_parser_hangs_on_the_source_noun_is_not_part_of_the_speaker(nlp):
    """The parser makes the first clause part of the subject of "warned"; the speaker is the local police."""
    text = "The station and nearby school were both evacuated and local police warned drivers that the smoke was toxic."
    found = speakers(nlp, text)
    assert found["The station and nearby school were both evacuated and local police"] == "local police"


def test_a_date_is_not_where_people_come_from(nlp):
    """ "from Friday" says when, not which organisation the posters belong to."""
    text = "Posts from Friday on the message board of the Harbour Watch site claimed that the ferry was unsafe."
    found = speakers(nlp, text)
    assert all("Friday" not in speaker for speaker in found.values())
