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
            [
                (
                    "fallback:tell",
                    "told",
                    "school official",
                    "one of the missing was Eva Lund, the head of Ålesund Rowing Club, who was last seen at the"
                    " harbour",
                )
            ],
        ),
        # the speaker is an apposition of the outlet spoken to, and the verb has no subject of its own
        (
            "Speaking to the Courier, the president of the Northern League for Clean Rivers, Anna Berg, said,"
            ' "We are for the dam, but not at this price."',
            [("fallback:say", "said", "Anna Berg", "We are for the dam, but not at this price")],
        ),
        # the speakers read as the object of "In", the first of them named; the object of a verb that reports one
        (
            "In a recently-accepted Ecology paper Lund and colleagues describe bees appearing to self-heal.",
            [("fallback:describe", "describe", "Lund", "bees appearing to self-heal")],
        ),
    ],
)
def test_the_fallback_reads_a_speech_verb_the_parse_hid(nlp, sentence, expected):
    assert rules(nlp, sentence) == expected


def test_the_fallback_reads_a_verb_tagged_as_a_noun(nlp):
    """A present tense after "and" tagged as a plural noun; its clause given to the verb before. Only ``in``: the
    "lists" attribution beside it runs its content over the "states" clause (a fault of the verb rule, not pinned)."""
    sentence = (
        "The port's database lists the ferry as belonging to the navy and states it carries cars and trucks, but"
        " uses smaller boats in winter."
    )
    expected = (
        "fallback:state",
        "states",
        "port's database",
        "it carries cars and trucks, but uses smaller boats in winter",
    )
    assert expected in rules(nlp, sentence)


def test_the_fallback_credits_the_relayed_source(nlp):
    sentence = "The Courier further reported its source said that the mayor had resigned."
    assert rules(nlp, sentence) == [
        ("verb:report", "reported", "Courier", "its source said that the mayor had resigned"),
        ("fallback:say", "said", "its source", "the mayor had resigned"),
    ]


def test_the_fallback_passes_over_a_subject_inside_a_quotation(nlp):
    sentence = '"Our group" co-author Per Olsen said in a statement "has found a new way to store heat."'
    assert rules(nlp, sentence) == [("fallback:say", "said", "Olsen", "has found a new way to store heat")]


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
        # each sentence below is silent only because of one guard of the fallback (checked by removing it)
        "The plan the minister announced last week would close the school.",  # a relative clause of its object
        "Nobody knows what the Courier reported its source said.",  # "what" before the verb: no clause it states
        'The database "lists the ferry as belonging to the navy and states it carries cars and trucks."',  # quoted
        "– The Courier further reported its source said that the mayor had resigned.",  # a dash quote paragraph
        "The driver's condition was on Monday reported to be serious.",  # a date is no speaker
        "This said, the council voted on Monday.",  # "this" before the verb: a linking phrase
        "The mayor told reporters so they would know.",  # a clause of purpose is no content
        # a reporting verb with its own subject, hung on the verb as its clause, is a parenthetical, not content
        "Talking to the BBC, the mayor, Anna Berg, said so, the Courier reported on Monday.",
        "The charity celebrates its tenth year and announces new homes for the elderly.",  # an act, its subject shared
        "The union promised strikes every week until the mayor resigned.",  # an object that is not the one told
        "The mayor told reporters Monday morning.",  # no finite verb after the one told
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
        "No official said the bridge was closed.",  # the fallback, too, passes over "no X"
        "The two ministers met on Monday, but neither said the bridge was closed.",  # a negative pronoun
        "Norway claimed the gold medal in the relay.",  # won, said nothing
        "Thousands of refugees claimed asylum in Germany last year.",  # applied
        "The flood claimed the old bridge.",  # an event's toll
        "Covid-19 claimed the lives of 40 nurses.",
    ],
)
def test_a_toll_or_nobody_claims_nothing(nlp, sentence):
    assert rules(nlp, sentence) == []
