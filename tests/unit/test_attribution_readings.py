"""Four wrong readings of the reporting-verb rule (tenth round), each on short invented sentences: a parenthetical
reporter, a negative quantifier as the subject, a relative clause read as a second subject, and a question."""

from __future__ import annotations

import pytest
from test_attribution_fallback import rules  # the finder's attributions as (rule, cue, speaker, content)

from medialit.core.article import from_text
from medialit.nlp.attribution.context import Context
from medialit.nlp.attribution.fallback import fallback_cue
from medialit.nlp.attribution.verbs import verb_cue
from medialit.nlp.reporting_lexicon import reporting_entry

pytestmark = pytest.mark.model


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # the parser hangs "the BBC reported" on "said" as its clause, after the clause "said" reports
        (
            "The minister said the talks had failed, the BBC reported.",
            [
                ("verb:say", "said", "minister", "the talks had failed"),
                ("verb:report", "reported", "BBC", "The minister said the talks had failed"),
            ],
        ),
        # the parser hangs "reported" beside the clause of "said", with nothing of its own to report
        (
            "The minister said the talks had failed, the BBC reported on Monday.",
            [
                ("verb:say", "said", "minister", "the talks had failed"),
                ("verb:report", "reported", "BBC", "The minister said the talks had failed"),
            ],
        ),
        # the parse already right: the relay credits the whole statement, the warning its own clause
        (
            "Police warned residents to stay inside, the paper reported.",
            [
                ("verb:warn", "warned", "Police", "to stay inside"),
                ("verb:report", "reported", "paper", "Police warned residents to stay inside"),
            ],
        ),
    ],
)
def test_a_parenthetical_reporter_relays_the_whole_statement(nlp, sentence, expected):
    """K6 and the dev gold ("X emphasized Y, according to the News.com.au report"): the relay's content is the
    statement with its speaker and cue; the statement's content never holds the relay."""
    assert rules(nlp, sentence) == expected


@pytest.mark.parametrize(
    "sentence",
    [
        "None said the plan would work.",  # "None" tagged a noun
        "None of the ministers said the plan would work.",
        "Nobody said the plan would work.",
        "No one said the plan would work.",
        "The two ministers met on Monday, but neither said the bridge was closed.",
    ],
)
def test_a_negative_quantifier_is_no_source(nlp, sentence):
    assert rules(nlp, sentence) == []


def test_a_number_sign_in_a_name_is_no_negative_word(nlp):
    """ "No" in "Act No. 3846" is part of a name (tagged a proper noun), not "no one"."""
    found = rules(
        nlp, 'Republic Act No. 3846, also known as the "Radio Control Law", states "no person shall operate a station."'
    )
    assert [(rule, cue) for rule, cue, *_ in found] == [("verb:state", "states")]


@pytest.mark.parametrize(
    "sentence",
    [
        "The state of emergency the governor declared ended on Monday.",  # read as "state ... governor declared"
        "The plan the minister announced last week would close the school.",  # parsed as a relative clause
    ],
)
def test_a_relative_clause_credits_nobody(nlp, sentence):
    """The governor declared it, an act; that it ended is the article's own claim: no source is credited, and
    least of all the thing declared."""
    assert rules(nlp, sentence) == []


def test_two_clauses_read_as_two_subjects_keep_the_second_speaker(nlp):
    """A clause before a conjunction is no relative clause: the second subject still speaks."""
    sentence = "The partner asked for the price to be kept secret, but the commissioner stated the loan was paid."
    assert ("verb:state", "stated", "commissioner", "the loan was paid") in rules(nlp, sentence)


def both_rules(nlp, sentence: str) -> tuple[dict | None, dict | None]:
    """The verb rule's and the fallback's candidate for the sentence's one reporting verb."""
    article = from_text(f"Report\n{sentence}\n", title="Test")
    doc = nlp(article.body)
    ctx = Context(doc, article)
    start = article.body.index(sentence)  # after the heading, whose "Report" is a verb too
    verb = next(t for t in doc if t.idx >= start and reporting_entry(t) is not None)
    return verb_cue(ctx, verb, reporting_entry(verb)), fallback_cue(ctx, verb)


@pytest.mark.parametrize(
    ("sentence", "credited"),
    [
        ("The mayor said that the bridge would close.", True),
        ("Did the mayor say that the bridge would close?", False),
        ("Why did the mayor say that the bridge would close?", False),
        ("Did the mayor really say the bridge would close?", False),
    ],
)
def test_the_verb_rule_and_the_fallback_agree_that_a_question_credits_nothing(nlp, sentence, credited):
    """A question asserts nothing (guidelines: questions are `other`; no gold attribution has its verb cue in a
    question of the text's own voice): neither rule credits one, and both credit the statement."""
    verb, fallback = both_rules(nlp, sentence)
    assert (verb is not None, fallback is not None) == (credited, credited)
