"""Sentence labels per the corpus guidelines, each with the reason a student can read."""

from __future__ import annotations

import pytest

from medialit.core.article import from_text
from medialit.nlp.attribution import find_attributions
from medialit.nlp.framing import framing_cues
from medialit.nlp.sentence_labels import cited, label_sentences

pytestmark = pytest.mark.model


def labels(nlp, text: str):
    article = from_text(text, title="Test")
    doc = nlp(article.body)
    spans = label_sentences(doc, article, find_attributions(doc, article), framing_cues(doc))
    assert [(s.start, s.end) for s in spans] == article.sentences
    return {s.text(article.body): s for s in spans}


def test_one_label_per_sentence_with_reasons(nlp):
    text = (
        "Bridge closes\n"
        "The bridge closed on Monday. Mayor Tom Vik said that repairs will take a year.\n"
        "The repairs will reportedly cost millions.\n"
    )
    found = labels(nlp, text)
    assert found["Bridge closes"].label == "other"
    assert found["The bridge closed on Monday."].label == "other"
    attributed = found["Mayor Tom Vik said that repairs will take a year."]
    assert attributed.label == "attributed"
    assert "said" in attributed.reasons[0] and "Tom Vik" in attributed.reasons[0]
    unsupported = found["The repairs will reportedly cost millions."]
    assert unsupported.label == "unsupported"
    assert any("reportedly" in r for r in unsupported.reasons)


def test_quote_continued_over_sentences_is_attributed(nlp):
    text = 'Report\n"We are ready," said Mayor Tom Vik. "The money is there. The plan is done."\n'
    found = labels(nlp, text)
    assert found['"The money is there.'].label == "attributed"
    assert found['The plan is done."'].label == "attributed"


def test_dash_continuation_is_attributed(nlp):
    found = labels(nlp, "Report\n– We will keep talking, says Jonas Berg.\n– Nobody else has asked us.\n")
    assert found["– Nobody else has asked us."].label == "attributed"
    assert "Jonas Berg" in found["– Nobody else has asked us."].reasons[0]


def test_bullets_under_a_cue_are_attributed(nlp):
    text = (
        "Report\nMayor Tom Vik also highlighted two points:\n- The school stays open.\n- The road will be repaired.\n"
    )
    found = labels(nlp, text)
    assert found["- The school stays open."].label == "attributed"
    assert found["- The road will be repaired."].label == "attributed"


@pytest.mark.parametrize(
    ("sentence", "reason"),
    [
        ("Critics say that the plan failed.", "vague source"),
        ("It was known that the army had left.", "source hidden"),
        ("The historic speech was met with applause.", "evaluative word"),
        ("The talks may collapse next week.", "hedge"),
    ],
)
def test_unsupported_sentences_name_their_reason(nlp, sentence, reason):
    found = labels(nlp, f"Report\nThe minister arrived on Monday. {sentence}\n")
    assert found[sentence].label == "unsupported"
    assert reason in found[sentence].reasons[0]


def test_hedge_inside_a_reported_question_is_not_the_articles_voice(nlp):
    sentence = "The minister was also asked how the war could affect trade."
    found = labels(nlp, f"Report\n{sentence}\n")
    assert found[sentence].label == "other"


def test_scare_quote_in_a_heading_is_unsupported(nlp):
    found = labels(nlp, "“Tidy” talks\nThe talks ended on Monday.\n")
    assert found["“Tidy” talks"].label == "unsupported"


def test_impersonal_expectation_hides_the_source(nlp):
    sentence = "The tram is expected to carry many passengers."
    found = labels(nlp, f"Report\n{sentence}\n")
    assert found[sentence].label == "unsupported"
    assert "source hidden" in found[sentence].reasons[0]


def test_cue_inside_what_a_vague_source_says_stays_vague(nlp):
    sentence = 'Some users reported that all they see is a message stating, "The site is down."'
    found = labels(nlp, f"Report\n{sentence}\n")
    assert found[sentence].label == "unsupported"
    assert "vague source" in found[sentence].reasons[0]


def test_a_judge_model_labels_own_voice_sentences_with_its_reasons(nlp):
    """The learned judge (when one ships) sees only sentences the rules left as other, and says why."""
    from medialit.nlp.unsupported_model import NAMES, Model

    weights = tuple(3.0 if name == "number" else 0.0 for name in NAMES)
    judge = Model(weights, bias=-1.0, threshold=0.8)
    article = from_text("Report\nThe bridge carried 4,000 cars a day.\nThe bridge is on Main Street.\n", title="Test")
    doc = nlp(article.body)
    spans = label_sentences(doc, article, find_attributions(doc, article), framing_cues(doc), judge=judge)
    found = {s.text(article.body): s for s in spans}
    flagged = found["The bridge carried 4,000 cars a day."]
    assert flagged.label == "unsupported" and "model (0.88)" in flagged.reasons[0] and "a figure" in flagged.reasons[0]
    assert found["The bridge is on Main Street."].label == "other"
    rules_only = label_sentences(doc, article, find_attributions(doc, article), framing_cues(doc), judge=None)
    assert {s.label for s in rules_only} == {"other"}


def test_no_model_ships_unless_it_beats_the_rules():
    """tools/train_unsupported.py writes weights only with a leave-one-article-out gain; none was found."""
    from medialit.nlp.unsupported_model import load_model

    assert load_model() is None


def test_police_are_an_organisation_but_witnesses_a_vague_source(nlp):
    found = labels(nlp, "Crash\nPolice confirmed that three people had died. Witnesses said the car was speeding.\n")
    assert found["Police confirmed that three people had died."].label == "attributed"
    witnesses = found["Witnesses said the car was speeding."]
    assert witnesses.label == "unsupported"
    assert witnesses.reasons[0].startswith("vague source: Witnesses")


def test_points_listed_after_he_added_are_attributed(nlp):
    found = labels(
        nlp, "Bridge\nMayor Tom Hill spoke on Monday. He added:\n\n- the bridge is unsafe\n- it will close\n"
    )
    assert found["- the bridge is unsafe"].label == "attributed"
    assert "Tom Hill" in found["- it will close"].reasons[0]


def test_anonymous_source_with_a_reason_is_attributed_without_one_unsupported(nlp):
    text = (
        "Vote\nA senior official, who was not authorised to speak publicly, said the vote was arranged. "
        "Sources close to the council say the vote was arranged.\n"
    )
    found = labels(nlp, text)
    assert found[text.split("\n")[1].split(". ")[0] + "."].label == "attributed"
    vague = found["Sources close to the council say the vote was arranged."]
    assert (vague.label, vague.reasons[0][:13]) == ("unsupported", "vague source:")


def test_one_unnamed_source_without_a_reason_is_unsupported(nlp):
    """K7: an anonymous source (K2: one particular source, not named) with no reason for it is no better than vague."""
    claim = "A council official said the vote was arranged."
    sentence = labels(nlp, f"Vote\n{claim}\n")[claim]
    assert (sentence.label, sentence.reasons[0]) == (
        "unsupported",
        "anonymous source, no reason given for not naming it (K7): A council official (said)",
    )


def test_a_verb_coordinated_with_a_reporting_verb_speaks_in_the_writers_voice(nlp):
    claim = "Officials provided safeguards, installed cameras and placed over 60,000 security personnel there."
    sentence = labels(nlp, f"Hajj\n{claim}\n")[claim]
    assert sentence.label == "unsupported"
    assert "60,000 security personnel" in sentence.reasons[0]


def test_finally_opening_a_sentence_is_a_sequence_marker_not_a_judgement(nlp):
    text = (
        "Shuttles\n\nTuesday, April 12, 2011\n\nThe museum gets a trainer. Finally, the orbiter will go on display.\n"
    )
    assert labels(nlp, text)["Finally, the orbiter will go on display."].label == "other"
    assert labels(nlp, "Talks\nThe talks have finally collapsed.\n")["The talks have finally collapsed."].label == (
        "unsupported"
    )


def test_a_named_relay_does_not_support_a_vague_sources_claim(nlp):
    claim = "Norway's allies and partners have given signals that they are not completely safe."
    relay = "This was conveyed by Prime Minister Jonas Gahr Støre on Monday."
    found = labels(nlp, f"Call\n{claim} {relay}\n")
    assert found[claim].label == "unsupported" and found[claim].reasons[0].startswith("vague source")
    assert found[relay].label == "attributed"


@pytest.mark.parametrize(
    ("text", "sentence", "expected"),
    [
        (
            "Paper\nLimited exposure may lead to loss of skill [17], [18].\n",
            "Limited exposure may lead to loss of skill [17], [18].",
            "other",
        ),
        (
            "Book\nMost countries may have a parliament (Figure 1.6).\n",
            "Most countries may have a parliament (Figure 1.6).",
            "other",
        ),
        (
            "Paper\nSome studies suggest that the loss levels off [21].\n",
            "Some studies suggest that the loss levels off [21].",
            "attributed",
        ),
        (
            "Life\nHe arrived in Rome. [9] He may have studied law there.\n",
            "He may have studied law there.",  # the mark closes the sentence before it (core.article)
            "unsupported",
        ),
        (
            "Life\nHe may have studied law there [citation needed]. He left Rome in 380.\n",
            "He may have studied law there [citation needed].",
            "unsupported",
        ),
        (  # marks the split leaves at a sentence's start close the sentence before all the same
            "Life\nHe arrived in Rome. [3–5] He may have studied law there.\n",
            "[3–5] He may have studied law there.",
            "unsupported",
        ),
        (
            "Life\nHe arrived in Rome.\n[9] He may have studied law there.\n",
            "[9] He may have studied law there.",
            "unsupported",
        ),
    ],
)
def test_a_reference_closing_the_claim_makes_it_checkable(nlp, text, expected, sentence):
    """Corpus conventions: a reference number closing a claim is its evidence; one opening it closes the last."""
    found = labels(nlp, text)
    assert found[sentence].label == expected, found[sentence].reasons


@pytest.mark.parametrize(
    ("sentence", "reference"),
    [
        ("[3–5] He may have studied law there.", ""),
        ("[1234] He may have studied law there.", ""),
        ("[Note 2] [9] He may have studied law there [4].", "[4]"),
        ("He may have studied law there [4].", "[4]"),
    ],
)
def test_a_mark_opening_a_sentence_is_no_reference_for_it(sentence, reference):
    """Marks the sentence split does not give to the sentence before (ranges, long numbers, notes) close that one."""
    assert cited(sentence) == reference


def test_a_supposition_about_the_reader_is_no_hedged_claim(nlp):
    sentence = "You may have seen maps of the city."
    assert labels(nlp, f"Book\n{sentence}\n")[sentence].label == "other"


def test_an_anonymous_person_with_no_reason_given_is_no_better_than_a_vague_source(nlp):
    """K7: "a fire officer said" names no one and says nothing of why; a name or a reason makes it attributed."""
    text = (
        "Fire\nA fire officer said the panels caught fire first. "
        "A spokesman for Acme Corp said the plant will close. "
        "A fire officer, who was not authorised to speak publicly, said the doors were locked.\n"
    )
    found = labels(nlp, text)
    anonymous = found["A fire officer said the panels caught fire first."]
    assert anonymous.label == "unsupported"
    assert "anonymous source" in anonymous.reasons[0] and "fire officer" in anonymous.reasons[0]
    assert found["A spokesman for Acme Corp said the plant will close."].label == "attributed"
    explained = "A fire officer, who was not authorised to speak publicly, said the doors were locked."
    assert found[explained].label == "attributed"


def test_reportedly_on_the_main_verb_outweighs_a_cue_in_a_side_clause(nlp):
    """K3: the main claim (the email was sent) has its source left out; the cue credits only the reply."""
    claim = "The firm reportedly emailed the agency, with the agency responding that it would investigate."
    sentence = labels(nlp, f"Leak\n{claim}\n")[claim]
    assert sentence.label == "unsupported"
    assert "reportedly" in sentence.reasons[0]
    plain = "The firm emailed the agency, with the agency responding that it would investigate."
    assert labels(nlp, f"Leak\n{plain}\n")[plain].label == "attributed"


@pytest.mark.parametrize(
    "sentence",
    [
        "Nixon resigned over the Watergate scandal in 1974.",  # a loaded word in an event's name (K10)
        'The court\'s statement read, in part, "The law is void."',  # how much is quoted, not how sure
    ],
)
def test_words_that_name_or_quote_carry_no_claim(nlp, sentence):
    span = labels(nlp, f"Report\n{sentence}\n")[sentence]
    assert span.label != "unsupported", span.reasons


def test_a_modal_of_permission_is_no_hedge_but_a_modal_of_likelihood_is(nlp):
    """ "Senators may serve two terms" is what a rule allows; "the yields may be sensitive" is a hedged claim."""
    allowed = "Under the law, senators may serve two terms."
    hedged = "The harvest may be smaller this year."
    found = labels(nlp, f"Rules\n{allowed} {hedged}\n")
    assert found[allowed].label == "other", found[allowed].reasons
    assert (found[hedged].label, found[hedged].reasons[0]) == ("unsupported", "hedge: may")


def test_a_reporting_verbs_object_is_the_writers_claim_not_a_report(nlp):
    """ "hold" and "account for" can report ("they hold that ..."); with a plain object they state a figure."""
    claim = "In the country overall, women hold about 28 percent of legislative seats."
    sentence = labels(nlp, f"Seats\nFriday, July 21, 2017\n{claim}\n")[claim]
    assert sentence.label == "unsupported"
    assert "proportion" in sentence.reasons[0]


def test_early_reports_are_a_hidden_source(nlp):
    """ "by early reports" credits the claim to reports in general (an according-to attribution since round 7, as
    the corpus annotates it): a vague source either way."""
    claim = "The storm, by early reports, destroyed the harbour."
    sentence = labels(nlp, f"Storm\n{claim}\n")[claim]
    assert sentence.label == "unsupported"
    assert "early reports" in sentence.reasons[0] and (
        "vague source" in sentence.reasons[0] or "hedge" in sentence.reasons[0]
    )


@pytest.mark.parametrize(
    "sentence",
    [
        "The Daily Planet reported its source said the mayor had resigned.",
        "The agency reported being told off the record that the fire was arson.",
        "The website claims police sources have linked the blast to a gas leak.",
        "The Daily Courier, citing anonymous sources, reported that the mayor would resign.",
        "The Courier further reported its source said that the tenant moved in the day before.",  # "its source": dobj
    ],
)
def test_a_named_relay_of_an_unnamed_or_hidden_source_is_unsupported(nlp, sentence):
    """K6, K7: the outlet makes it checkable that it said so, not who told it."""
    span = labels(nlp, f"Relay\n{sentence}\n")[sentence]
    assert span.label == "unsupported", span.reasons
    assert span.reasons[0].startswith("K6:")


@pytest.mark.parametrize(
    "sentence",
    [
        "The Daily Planet reported the mayor had resigned.",  # the outlet's own report
        "Dewar says officials complained to him about security.",  # what he was told of, first hand
        'The minister said: "Our sources tell us the border is calm."',  # her own quoted claim (K6)
        # what the accused thought: no inner source ("One of the victims" alone is anonymous, K2 and K7)
        "Mara Lind, one of the victims, said the men thought she was a toy.",
        "The Daily Courier, citing Mayor Tom Vik, reported that the vote would be delayed.",  # a named informant
    ],
)
def test_a_named_relay_of_its_own_claim_stays_attributed(nlp, sentence):
    span = labels(nlp, f"Relay\n{sentence}\n")[sentence]
    assert span.label == "attributed", span.reasons


def test_an_agentless_report_on_the_main_verb_outweighs_a_cue_inside_it(nlp):
    """K3: "is reported to have ... claimed": what the gunman claimed is itself reported by nobody named."""
    claim = "The gunman is reported to have climbed on stage and claimed he was innocent."
    span = labels(nlp, f"Attack\n{claim}\n")[claim]
    assert (span.label, span.reasons[0]) == ("unsupported", "the source hidden (K3): 'reported' by whom?")


def test_a_headings_quoted_word_that_the_body_credits_is_no_scare_quote(nlp):
    """K8: the heading keeps a word the body quotes from a source; a word nobody in the body says is a scare
    quote."""
    credited = "Judge orders 'illegal' posts removed"
    body = 'Judge Ann Berg said the posts were "illegal" under the law.'
    assert labels(nlp, f"{credited}\n{body}\n")[credited].label != "unsupported"
    scare = "Judge orders 'offensive' posts removed"
    assert labels(nlp, f"{scare}\n{body}\n")[scare].label == "unsupported"


def test_a_modal_on_a_passive_done_by_people_is_a_possibility_not_a_hedge(nlp):
    """ "could be seen by anyone" is "anyone could see it": what people can do, not how sure the writer is."""
    possible = "The post could be seen by anyone with an account."
    hedged = "The post could be removed soon."
    found = labels(nlp, f"Post\n{possible} {hedged}\n")
    assert found[possible].label == "other", found[possible].reasons
    assert found[hedged].label == "unsupported"


def test_reputedly_hides_the_source(nlp):
    claim = "The founder was reputedly a poor student."
    span = labels(nlp, f"Founder\n{claim}\n")[claim]
    assert (span.label, span.reasons[0]) == ("unsupported", "hedge 'reputedly': the claim's source is not given")


@pytest.mark.parametrize(
    "sentence",
    [
        # a participle on a noun credits what the noun is said to be, not that the plane crashed
        "A Cessna plane, reported by the Daily Courier as belonging to the army, crashed into a field near Lund "
        "yesterday.",
        # a clause of time with its own subject: the announcement came before, the reopening is the article's claim
        "The school in Lund reopened its doors to pupils on Monday morning, two days after Mayor Tom Vik announced "
        "the plan.",
    ],
)
def test_a_cue_in_an_aside_leaves_the_main_claim_to_the_article(nlp, sentence):
    """Guidelines, "Sentences": attributed when the sentence's claims are credited; a side part is not its claim."""
    found = labels(nlp, f"Report\n{sentence}\n")[sentence]
    assert found.label == "other"
    assert found.reasons[0].startswith("aside: ") and "is the article's own" in found.reasons[0]


def test_the_unsupported_rules_judge_the_main_claim_beside_an_aside(nlp):
    hedged = "The old railway bridge over the Lune river may stay closed for years, although Mayor Tom Vik said that "
    hedged += "repairs had begun."
    judged = "The historic railway bridge over the Lune river closed in the night, which Mayor Tom Vik blamed on rust."
    found = labels(nlp, f"Report\n{hedged} {judged}\n")
    assert found[hedged].label == "unsupported" and found[hedged].reasons[0].startswith("hedge")
    assert found[judged].label == "unsupported" and "historic" in found[judged].reasons[0]
    assert all(s.reasons[-1].startswith("aside: Tom Vik") for s in (found[hedged], found[judged]))


def test_a_hedge_inside_the_aside_is_the_sources_not_the_articles(nlp):
    sentence = "The council closed the old railway bridge over the Lune river on Monday, which Mayor Tom Vik said was "
    sentence += "probably unsafe."
    found = labels(nlp, f"Report\n{sentence}\n")[sentence]
    assert found.label == "other" and found.reasons[0].startswith("aside: Tom Vik (said) credited with a side part")


@pytest.mark.parametrize(
    "sentence",
    [
        "Mayor Tom Vik, who opened the bridge in a historic ceremony, said that it was safe.",  # the aside is own
        "Police said the man, who had been drinking, fled on foot.",
        "The storm hit the coast on Monday and Mayor Tom Vik said that the harbour was closed.",  # coordinated
        "The ministry issued a warning on Monday, saying that the water was unsafe.",  # the subject's own words
        "NASA chose two pilots for the flight, which NASA said would take place in June.",  # the source acts
        "The suspect, police said, had fled before dawn.",  # a parenthetical cue takes the main clause
        "The bridge was closed to traffic on Monday, according to the council.",
    ],
)
def test_a_cue_that_carries_the_main_claim_makes_the_sentence_attributed(nlp, sentence):
    assert labels(nlp, f"Report\n{sentence}\n")[sentence].label == "attributed"


@pytest.mark.parametrize(
    "sentence",
    [
        "Residents said the bridge, which Mayor Tom Vik described as safe, was shaking.",
        # the mayor's words fill half the sentence, but the residents' cue carries the main clause
        "Local residents, who Mayor Tom Vik said had been warned, claimed the bridge was shaking.",
    ],
)
def test_a_vague_source_of_the_main_claim_outweighs_a_named_aside(nlp, sentence):
    """K2, K6: the main claim rests on the residents; the mayor is credited only with a side part."""
    found = labels(nlp, f"Report\n{sentence}\n")[sentence]
    assert found.label == "unsupported" and all(reason.startswith("vague source:") for reason in found.reasons)


def test_a_vague_source_in_an_aside_still_leaves_its_claim_unchecked(nlp):
    sentence = "The bridge, which residents say is unsafe, closed on Monday."
    found = labels(nlp, f"Report\n{sentence}\n")[sentence]
    assert found.label == "unsupported" and found.reasons[0] == "vague source: residents (say)"


def test_a_quotation_run_on_from_an_attributed_sentence_keeps_its_source(nlp):
    """Rule 2: the quotation opens after the content of the cue and runs into the next sentence."""
    text = 'Report\nMayor Tom Vik wrote that he would attend the opening: "Great news! Thousands are coming."\n'
    found = labels(nlp, text)['Thousands are coming."']
    assert found.label == "attributed"
    assert found.reasons == ("inside a quotation opened in an earlier sentence: wrote (Tom Vik; verb:write)",)


def test_a_quotation_with_no_credited_opening_stays_unattributed(nlp):
    found = labels(nlp, 'Report\nThe mayor arrived on Monday. "We asked him to stop. He refused."\n')
    assert found['He refused."'].label == "other"


def test_a_named_report_coordinated_with_a_hidden_one_credits_a_main_claim(nlp):
    """K3 asks "reported by whom?" of a main clause; here a second main clause answers with a named source."""
    sentence = "It was first reported that the fire began in a car, but the Lund Courier later reported that it "
    sentence += "began in a van."
    found = labels(nlp, f"Report\n{sentence}\n")[sentence]
    assert found.label == "attributed" and found.reasons[0].startswith("reported (Lund Courier")
    hidden = "It was first reported that the fire began in a car."
    assert labels(nlp, f"Report\n{hidden}\n")[hidden].label == "unsupported"


def test_a_headline_names_its_source_short_and_the_lede_in_full(nlp):
    """K18: "Researchers" in a title is the team its lede names; a title whose lede credits nobody, or credits
    someone for another story, stays other."""
    title = "Researchers report new treatment for malaria"
    lede = "On Monday, Professor Anna Berg of the University of Oslo said a new malaria drug cured most patients."
    span = labels(nlp, f"{title}\n{lede}\n")[title]
    assert span.label == "attributed", span.reasons
    assert "first sentence" in span.reasons[0] and "Anna Berg" in span.reasons[0]
    unnamed = labels(nlp, f"{title}\nA new malaria drug cured most patients in a trial last year.\n")[title]
    assert (unnamed.label, unnamed.reasons) == ("other", ("heading",))
    other_story = labels(nlp, f"{title}\nOn Monday, police said a man was arrested in the city.\n")[title]
    assert (other_story.label, other_story.reasons) == ("other", ("heading",))


def test_a_study_that_indicates_credits_a_headline(nlp):
    """A document's verb of evidence ("Study indicates") credits a headline's statement as "says" does."""
    title = "Study indicates sharks are leaving the bay"
    body = "The study by the University of Miami counted sharks for ten years."
    assert labels(nlp, f"{title}\n{body}\n")[title].label == "attributed"
