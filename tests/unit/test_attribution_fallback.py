"""Attribution rules of the ninth round, each on short invented sentences: a fallback reads a core speech verb
the rules passed over on a parse gone wrong, "claim" with an object is a statement when a speaker claims, and
a subject that says nobody spoke makes no attribution."""

from __future__ import annotations

import pytest
from test_attribution_news import described, found  # one way to run a sentence through the finder

pytestmark = pytest.mark.model


def rules(nlp, sentence: str) -> list[tuple[str, str, str, str]]:
    body, attributions = found(nlp, sentence)
    return [(a.rule.split(";")[0], *d) for a, d in zip(attributions, described(body, attributions), strict=True)]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # the that-clause hung as a relative clause of the apposition on the one told
        (
            "A school official told Sunnmørsposten, a local news outlet, that one of the missing was Eva Lund, the"
            " head of Ålesund Rowing Club, who was last seen at the harbour.",
            (
                "fallback:tell",
                "told",
                "school official",
                "one of the missing was Eva Lund, the head of Ålesund Rowing Club, who was last seen at the harbour",
            ),
        ),
        # the speaker is an apposition of the outlet spoken to, and the verb has no subject of its own
        (
            "Speaking to the Courier, the president of the Northern League for Clean Rivers, Anna Berg, said,"
            ' "We are for the dam, but not at this price."',
            ("fallback:say", "said", "Anna Berg", "We are for the dam, but not at this price"),
        ),
        # a present tense after "and" tagged as a plural noun; its clause given to the verb before
        (
            "The port's database lists the ferry as belonging to the navy and states it carries cars and trucks, but"
            " uses smaller boats in winter.",
            (
                "fallback:state",
                "states",
                "port's database",
                "it carries cars and trucks, but uses smaller boats in winter",
            ),
        ),
        # the speakers read as the object of "In", the first of them named; the object of a verb that reports one
        (
            "In a recently-accepted Ecology paper Lund and colleagues describe bees appearing to self-heal.",
            ("fallback:describe", "describe", "Lund", "bees appearing to self-heal"),
        ),
    ],
)
def test_the_fallback_reads_a_speech_verb_the_parse_hid(nlp, sentence, expected):
    assert expected in rules(nlp, sentence)


def test_the_fallback_credits_the_relayed_source(nlp):
    sentence = "The Courier further reported its source said that the mayor had resigned."
    assert ("fallback:say", "said", "its source", "the mayor had resigned") in rules(nlp, sentence)


def test_the_fallback_passes_over_a_subject_inside_a_quotation(nlp):
    sentence = '"Our group" co-author Per Olsen said in a statement "has found a new way to store heat."'
    assert ("fallback:say", "said", "Olsen", "has found a new way to store heat") in rules(nlp, sentence)


@pytest.mark.parametrize(
    "sentence",
    [
        "That said, the council will vote on Monday.",  # a linking phrase
        "The governor declared a state of emergency so he could release funds.",  # an act and its purpose
        "The products that promise lower prices sold well.",  # a relative clause: nothing is stated
        "Prosecutors charged the driver with manslaughter on Monday.",  # an act with its object
        "The mayor did not say that the bridge was closed.",  # negated
        "The mayor may have said that the bridge was closed.",  # under a modal
        "The mayor told reporters about the bridge.",  # a topic, no clause
        "This chapter argues that culture is learned.",  # the article speaking of itself
    ],
)
def test_the_fallback_stays_silent_without_a_statement(nlp, sentence):
    assert not any(rule.startswith("fallback") for rule, *_ in rules(nlp, sentence))


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        (
            "The rebel group claimed responsibility for the bombing.",
            ("verb:claim", "claimed", "rebel group", "responsibility for the bombing"),
        ),
        (
            "The militant group, the Northern Front, claimed responsibility for both attacks.",
            ("verb:claim", "claimed", "Northern Front", "responsibility for both attacks"),
        ),
        ("The rebels have claimed responsibility.", ("verb:claim", "claimed", "rebels", "responsibility")),
    ],
)
def test_a_speaker_claiming_something_states_it(nlp, sentence, expected):
    assert rules(nlp, sentence) == [expected]


@pytest.mark.parametrize(
    "sentence",
    [
        "The earthquake claimed twelve lives.",  # an event's toll
        "The fire claimed the lives of three firefighters.",
        "No group claimed responsibility for the attack, but the rebels had made threats.",  # nobody claimed
        "No group immediately claimed credit for the attack.",
        "Norway claimed the gold medal in the relay.",  # won, said nothing
        "Thousands of refugees claimed asylum in Germany last year.",  # applied
        "The flood claimed the old bridge.",  # an event's toll
        "Covid-19 claimed the lives of 40 nurses.",
    ],
)
def test_a_toll_or_nobody_claims_nothing(nlp, sentence):
    assert rules(nlp, sentence) == []
