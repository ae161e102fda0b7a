"""A dateline that runs on into the lede on one line ("Thursday, May 7, 2015 On Tuesday, ...") is a line and a
sentence of its own, as it is when the source keeps its paragraph break (Wikinews house style; GUM keeps no break
after the dateline in some documents, and its sentences, the gold's, end the dateline there)."""

from __future__ import annotations

from medialit.core.article import from_text, glued_datelines
from medialit.nlp.analysis import analyze
from medialit.nlp.sentence_labels import is_dated_report

HEADLINE = "Council votes to close the harbour"
LEDE = "On Tuesday, the town council voted to close the old harbour."


def body(dateline_and_lede: str) -> str:
    return f"{HEADLINE}\n\n{dateline_and_lede}\n\nThe harbour opened in 1901.\n"


def test_a_dateline_running_on_into_the_lede_is_its_own_line_and_sentence():
    article = from_text(body(f"Thursday, May 7, 2015 {LEDE}"), title=HEADLINE)
    assert [(b.kind, article.text(b.start, b.end)) for b in article.paragraphs][:3] == [
        ("heading", HEADLINE),
        ("heading", "Thursday, May 7, 2015"),
        ("text", LEDE),
    ]
    assert [article.text(*s) for s in article.sentences][1:3] == ["Thursday, May 7, 2015", LEDE]


def test_the_same_article_with_the_break_kept_splits_the_same_way():
    glued = from_text(body(f"Thursday, May 7, 2015 {LEDE}"), title=HEADLINE)
    apart = from_text(body(f"Thursday, May 7, 2015\n\n{LEDE}"), title=HEADLINE)
    assert [glued.text(*s) for s in glued.sentences] == [apart.text(*s) for s in apart.sentences]


def test_a_run_on_dateline_makes_a_dated_report():
    assert is_dated_report(body(f"Thursday, May 7, 2015 {LEDE}"))
    assert is_dated_report(body("Thursday, May 7, 2015"))


def test_a_date_opening_a_sentence_further_down_or_in_lower_case_text_is_no_dateline():
    late = "\n\n".join([HEADLINE, "One.", "Two.", "Three.", "Four.", f"Thursday, May 7, 2015 {LEDE}"])
    assert not glued_datelines(late)
    assert not is_dated_report(late)
    running = body("Thursday, May 7, 2015 was the day the council voted.")
    assert not glued_datelines(running)  # the date is the sentence's subject: no lede starts after it
    assert [b.kind for b in from_text(running, title=HEADLINE).paragraphs][:2] == ["heading", "text"]


def test_the_parser_and_the_labels_see_the_dateline_apart(nlp):
    article = from_text(body(f"Thursday, May 7, 2015 {LEDE}"), title=HEADLINE)
    doc = nlp(article.body)
    lede_start = article.body.index(LEDE)
    assert glued_datelines(article.body) == [lede_start]
    assert any(s.start_char == lede_start for s in doc.sents)
    labels = {article.body[s.start : s.end]: s.label for s in analyze(article, nlp).sentences}
    assert labels["Thursday, May 7, 2015"] == "other"
    assert LEDE in labels
