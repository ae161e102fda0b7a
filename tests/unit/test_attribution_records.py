"""Attribution rules of the seventh round: reports, figures and findings credited without a that-clause,
each on short invented sentences."""

from __future__ import annotations

import pytest
from test_attribution_news import described, found  # one way to run a sentence through the finder

pytestmark = pytest.mark.model


@pytest.mark.parametrize(
    ("sentence", "speaker", "content"),
    [
        (
            "The health ministry has reported more infections in the north.",
            "health ministry",
            "more infections in the north",
        ),
        (
            "Regional newspapers reported several farmers selling their cattle at a loss.",
            "Regional newspapers",
            "several farmers selling their cattle at a loss",
        ),
    ],
)
def test_what_is_reported_may_be_a_noun_phrase(nlp, sentence, speaker, content):
    body, attributions = found(nlp, sentence)
    assert described(body, attributions) == [("reported", speaker, content)]
    assert attributions[0].rule == "verb:report"


def test_reporting_to_someone_with_nothing_reported_is_no_attribution(nlp):
    assert found(nlp, "The reporter reported to her editor.")[1] == []


@pytest.mark.parametrize(
    ("sentence", "cue", "speaker", "content"),
    [
        (
            "The seismology institute recorded 340 aftershocks by Sunday evening.",
            "recorded",
            "seismology institute",
            "340 aftershocks by Sunday evening",
        ),
        ("Organisers estimated 2,000 protesters on Sunday.", "estimated", "Organisers", "2,000 protesters"),
    ],
)
def test_a_figure_as_object_is_what_the_source_reported(nlp, sentence, cue, speaker, content):
    body, attributions = found(nlp, sentence)
    assert described(body, attributions) == [(cue, speaker, content)]


@pytest.mark.parametrize(
    "sentence",
    [
        "We recorded 12 cases in the town.",  # the writer's own count
        "The institute recorded the quake in 2019.",  # no figure: an act
        "The experts might estimate 300 deaths.",  # under a modal: not stated
        "Women hold 28 percent of the seats.",  # a share held, not a count reported
    ],
)
def test_no_figure_credited_without_a_counted_object_or_in_the_first_person(nlp, sentence):
    assert found(nlp, sentence)[1] == []


@pytest.mark.parametrize(
    ("sentence", "cue", "speaker", "content"),
    [
        (
            "A small ferry, reported by local media as belonging to the navy, sank near the port.",
            "reported by",
            "local media",
            "as belonging to the navy",
        ),
        (
            "The suspect, described by neighbours as a quiet man, was arrested.",
            "described by",
            "neighbours",
            "as a quiet man",
        ),
    ],
)
def test_a_participle_with_an_agent_credits_what_a_noun_is_said_to_be(nlp, sentence, cue, speaker, content):
    body, attributions = found(nlp, sentence)
    assert described(body, attributions) == [(cue, speaker, content)]
    assert attributions[0].rule.startswith("as_reported:")


def test_a_participle_of_making_with_an_agent_and_as_is_no_attribution(nlp):
    assert found(nlp, "The bridge, built by the army as a temporary crossing, collapsed.")[1] == []


@pytest.mark.parametrize(
    ("sentence", "source", "content"),
    [
        (
            "The storm left three dead and, by early reports, at least 20 injured.",
            "early reports",
            "at least 20 injured",
        ),
        ("By official reports, the floods destroyed 80 homes.", "official reports", "the floods destroyed 80 homes"),
    ],
)
def test_by_reports_between_commas_reads_as_according_to(nlp, sentence, source, content):
    body, attributions = found(nlp, sentence)
    assert [(a.cue.text(body), a.source.text(body), a.content.text(body).rstrip(".")) for a in attributions] == [
        ("by" if sentence[0] != "B" else "By", source, content)
    ]
    assert attributions[0].kind == "according_to" and attributions[0].rule == "according_to:by"


@pytest.mark.parametrize(
    "sentence",
    [
        "By the end of the day, the rebels controlled half the city.",  # a time
        "By letter, the council asked for more time.",  # a means, no determiner
        "The plan was criticised by two reports, which the council ignored.",  # the agent of a passive
    ],
)
def test_by_with_a_time_a_means_or_an_agent_is_no_attribution(nlp, sentence):
    assert [a.rule for a in found(nlp, sentence)[1] if a.rule == "according_to:by"] == []


@pytest.mark.parametrize(
    ("sentence", "speaker", "content"),
    [
        (
            "The flight database lists a registration of N-123AB for the jet.",
            "flight database",
            "a registration of N-123AB for the jet",
        ),
        (
            "An online database lists the ferry as owned by the navy.",
            "online database",
            "the ferry as owned by the navy",
        ),
    ],
)
def test_a_record_lists_what_it_holds(nlp, sentence, speaker, content):
    body, attributions = found(nlp, sentence)
    assert described(body, attributions) == [("lists", speaker, content)]
    assert attributions[0].rule == "verb:list"


def test_people_listing_something_is_no_attribution(nlp):
    assert found(nlp, 'The team listed their country as "Hope" on their shirts.')[1] == []


def test_by_a_ruling_with_a_determiner_only_is_the_means_of_an_act(nlp):
    assert found(nlp, "By this ruling, the court ended the dispute.")[1] == []


@pytest.mark.parametrize(
    ("sentence", "cue", "speaker", "content"),
    [
        ("The joint statement spoke of a new era of trade.", "spoke", "joint statement", "of a new era of trade"),
        ("The court filing claims a breach of contract.", "claims", "court filing", "a breach of contract"),
        ("Photographs showed the bridge broken in two.", "showed", "Photographs", "the bridge broken in two"),
    ],
)
def test_a_text_or_record_as_subject_says_what_its_verb_reports(nlp, sentence, cue, speaker, content):
    body, attributions = found(nlp, sentence)
    assert described(body, attributions) == [(cue, speaker, content)]


@pytest.mark.parametrize(
    "sentence",
    [
        "The blog aims to explain science to children.",  # a purpose, not a statement
        "The report did not mention the victims.",  # nothing said
        "Such surveys can provide useful figures.",  # under a modal
    ],
)
def test_a_text_that_does_something_else_says_nothing(nlp, sentence):
    assert found(nlp, sentence)[1] == []


@pytest.mark.parametrize(
    ("sentence", "speaker", "content"),
    [
        (
            "Reuters reported on Tuesday, turnout had risen to 60 percent.",
            "Reuters",
            "turnout had risen to 60 percent",
        ),
        ("Police said on Monday, the road would stay closed.", "Police", "the road would stay closed"),
        ("Two people died, with local media reporting the driver had fled.", "local media", "the driver had fled"),
    ],
)
def test_a_reporting_verb_before_a_comma_credits_the_clause_after_it(nlp, sentence, speaker, content):
    body, attributions = found(nlp, sentence)
    assert [(a.speaker, a.content.text(body).rstrip(".")) for a in attributions] == [(speaker, content)]


def test_a_clause_before_a_reporting_verb_stays_its_content(nlp):
    body, attributions = found(nlp, "Prosecutors charged the man with theft, they said on Sunday.")
    assert [(a.cue.text(body), a.content.text(body)) for a in attributions] == [
        ("said", "Prosecutors charged the man with theft")
    ]


@pytest.mark.parametrize(
    ("sentence", "cue", "speaker", "content"),
    [
        (
            "In a situation report of the relief agency, the flood damaged 80 houses.",
            "In a situation report",
            "relief agency",
            "the flood damaged 80 houses",
        ),
        (
            "In a report by the United Nations, the drought was the worst in decades.",
            "In a report",
            "United Nations",
            "the drought was the worst in decades",
        ),
    ],
)
def test_in_a_report_of_someone_reads_as_according_to(nlp, sentence, cue, speaker, content):
    body, attributions = found(nlp, sentence)
    assert described(body, attributions) == [(cue, speaker, content)]
    assert attributions[0].kind == "according_to"


def test_in_a_report_of_something_that_cannot_speak_is_no_attribution(nlp):
    assert found(nlp, "In a report of the trip, the hotel looked old.")[1] == []


@pytest.mark.parametrize(
    ("sentence", "source", "content"),
    [
        ("The vote was delayed, reported local media.", "local media", "The vote was delayed"),
        ("Ten people were hurt, reported officials at the scene.", "officials at the scene", "Ten people were hurt"),
    ],
)
def test_a_reporting_verb_after_a_comma_with_its_speaker_after_it(nlp, sentence, source, content):
    body, attributions = found(nlp, sentence)
    assert [(a.cue.text(body), a.source.text(body), a.content.text(body)) for a in attributions] == [
        ("reported", source, content)
    ]


def test_a_series_of_acts_after_a_comma_is_no_inverted_report(nlp):
    body, attributions = found(nlp, "The guard locked the gate, reported the officers, and went home.")
    assert [a for a in attributions if a.content.text(body) == "The guard locked the gate"] == []
