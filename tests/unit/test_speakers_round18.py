"""Speaker resolution, eighteenth round (issue 14): a description in the headline stands for the one the lede names.

Invented sentences only; each positive test fails without the rule it names, the negative ones pin its limits.
"""

from __future__ import annotations

import pytest

from medialit.core.article import from_text
from medialit.nlp.attribution import find_attributions

pytestmark = pytest.mark.model


def headline_speaker(nlp, headline: str, lede: str) -> tuple[str, str]:
    """(speaker, rule) of the attribution in the headline of a short dated report."""
    article = from_text(f"{headline}\nMonday, May 4, 2015\n{lede}\n", title=headline)
    found = find_attributions(nlp(article.body), article)
    first = next(a for a in found.attributions if a.cue.end <= len(headline))
    return first.speaker, first.rule


def test_a_person_described_in_the_headline_is_the_one_the_lede_names(nlp):
    """K18: "Local woman claims" above "Mara Lindqvist, a local woman, has claimed": she is the source."""
    speaker, rule = headline_speaker(
        nlp,
        "Local woman claims council ignored her letters for years",
        "Mara Lindqvist, a retired teacher from Osby, has claimed that the council ignored her letters for years.",
    )
    assert speaker == "Mara Lindqvist"
    assert "headline 'Local woman' -> Mara Lindqvist" in rule


def test_a_body_described_in_the_headline_is_the_organisation_the_lede_names(nlp):
    """ "Regional agency announces" above "the Northern Water Authority announced": the agency named."""
    speaker, _ = headline_speaker(
        nlp,
        "Regional agency announces new limits on river water use",
        "On Monday, the Northern Water Authority announced that farms would be allowed half their usual share.",
    )
    assert speaker == "Northern Water Authority"


def test_a_bare_plural_in_the_headline_stays_as_written(nlp):
    """ "Scientists say" is no one in particular (K2), whoever the lede names first."""
    speaker, _ = headline_speaker(
        nlp,
        "Scientists say coral reefs recovered faster than expected",
        "Marine biologist Ana Ruiz of the Reef Institute said on Monday that the reefs had regrown within a year.",
    )
    assert speaker == "Scientists"


def test_an_organisation_outside_the_ledes_subject_is_not_taken(nlp):
    """The lede names the ministry only as the one that banned: the court itself is unnamed."""
    speaker, _ = headline_speaker(
        nlp,
        "Regional court says ban on street music is unlawful",
        "A regional court has ruled that the ban on street music issued by the Ministry of Culture is unlawful.",
    )
    assert speaker == "Regional court"


def cues(nlp, text: str) -> list[tuple[str, str]]:
    """(source words, cue words) of every attribution in a short dated report."""
    article = from_text(f"Report\nMonday, May 4, 2015\n{text}\n", title="Report")
    found = find_attributions(nlp(article.body), article)
    return [(a.source.text(article.body), a.cue.text(article.body)) for a in found.attributions]


def test_a_cue_inside_a_quotation_someone_defends_is_part_of_it(nlp):
    """ "defended the plan, "As I have said before, ..."": one statement by the mayor, whatever kind the outer is."""
    text = (
        'Mayor Ruth Olsen defended the plan, "As I have said before, the ferry will pay for itself within ten years."'
    )
    assert cues(nlp, text) == [("Mayor Ruth Olsen", "defended")]


def test_the_quoted_speakers_own_verb_inside_the_quotation_is_no_second_statement(nlp):
    """'"... I did look at the figures and think, '...'"': the councillor's quotation, credited once."""
    text = (
        'Councillor Omar Vik commented on party numbers: "Before I ran for office I did look at the figures and'
        " think, 'There are just not many women on the council.'\""
    )
    assert cues(nlp, text) == [("Councillor Omar Vik", "commented")]


def test_a_name_inside_a_quotation_is_still_a_source(nlp):
    """K5: someone else named inside a quotation is credited too."""
    text = '"As Minister Karl Berg told us last week, the ships wait for days," said Ruth Olsen.'
    assert ("Minister Karl Berg", "told") in cues(nlp, text)


def test_a_capitalised_first_word_of_a_quotation_is_no_name(nlp):
    """ "Matter tells spacetime ...": the tagger may take the first word for a name; no entity, so it is none."""
    from medialit.nlp.attribution.speakers import first_word_capital
    from medialit.nlp.quotes import find_quotes

    text = 'As Lena Brandt put it: "Gravity tells planets how to move."'
    doc = nlp(text)
    quote = find_quotes(text)[0]
    assert first_word_capital(doc[7], quote)  # "Gravity"
    assert not first_word_capital(doc[1], quote)  # "Lena": a name, outside the quotation
    assert not first_word_capital(doc[9], quote)  # "planets": not the first word
