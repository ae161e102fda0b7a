"""Key mode: review a drafted key with the real Highlighter and ipywidgets buttons, save it in the gold format."""

from __future__ import annotations

import json

import pytest

from medialit.cli import main
from medialit.core.article import load_article
from medialit.core.spans import SpanError, check_gold
from medialit.instructor.draft_key import draft_key, key_problems, unreviewed
from medialit.widgets.key_review import KeyReview

ARTICLE_ID = "ottawa-document-found-on-street"
pytestmark = pytest.mark.model


@pytest.fixture(scope="module")
def article_path(shared_dir):
    return shared_dir / "corpus" / "dev" / f"{ARTICLE_ID}.md"


@pytest.fixture(scope="module")
def draft(article_path, nlp):
    from medialit.nlp.analysis import analyze

    article = load_article(article_path)
    return draft_key(article, analyze(article, nlp))


@pytest.fixture
def review(article_path, draft, tmp_path):
    path = tmp_path / "ottawa.key.json"
    path.write_text(json.dumps(draft), encoding="utf-8")
    return KeyReview(str(article_path), path)


def test_the_highlighter_shows_the_item_under_review(review):
    entry = review.entry()
    assert review.current == ("attributions", 0)
    labels = {m["label"]: (m["start"], m["end"]) for m in review.highlighter.spans}
    assert labels["source"] == (entry["source_start"], entry["source_end"])
    assert labels["cue"] == (entry["cue_start"], entry["cue_end"])
    assert "status <b>suggested</b>" in review.heading.value and entry["rule"] in review.heading.value
    assert review.speaker.value == entry["speaker"]
    waiting = len(review.highlighter.machine)
    assert review.highlighter.show_machine and waiting > 2  # what is left to review, beside the item
    review.accept()
    assert len(review.highlighter.machine) == waiting - 2  # the accepted source and cue left the layer


def test_buttons_accept_and_reject_and_move_on(review):
    first, second = review.key["attributions"][0], review.key["attributions"][1]
    review.buttons["accept"].click()
    assert first["status"] == "accepted" and review.current == ("attributions", 1)
    review.buttons["reject"].click()
    assert second["status"] == "rejected" and review.current == ("attributions", 2)
    review.buttons["previous"].click()
    assert review.current == ("attributions", 1)
    path = review.save()
    saved = json.loads(path.read_text(encoding="utf-8"))
    assert second not in saved["attributions"] and saved["rejected"][0]["source_start"] == second["source_start"]
    assert saved["attributions"][0]["status"] == "accepted"
    assert check_gold(saved, review.article.body) == []


def test_a_rejected_sentence_label_becomes_other_and_an_edited_one_takes_the_dropdown(review):
    unsupported = [i for i, s in enumerate(review.key["sentences"]) if s["label"] == "unsupported"]
    review.position = review.items.index(("sentences", unsupported[0]))
    review.reject()
    assert review.key["sentences"][unsupported[0]]["label"] == "other"
    assert review.key["sentences"][unsupported[0]]["status"] == "edited"
    review.position = review.items.index(("sentences", 0))
    review.label.value = "unsupported"
    review.buttons["edit"].click()
    assert review.key["sentences"][0]["label"] == "unsupported" and review.key["sentences"][0]["status"] == "edited"


def test_an_attribution_the_analyzer_missed_is_added_from_marks(review):
    body = review.article.body
    source = body.index("the CBC")
    cue = body.index("gave it to")
    review.highlighter.add_span(source, source + len("the CBC"), "source")  # beside the shown item's marks
    review.highlighter.add_span(cue, cue + len("gave"), "cue")
    review.speaker.value = "CBC"
    review.kind.value = "indirect"
    review.buttons["add"].click()
    added = review.key["attributions"][-1]
    assert added["status"] == "added" and added["source_text"] == "the CBC" and added["cue"] == "gave"
    assert review.current == ("attributions", len(review.key["attributions"]) - 1)
    assert key_problems(review.key, review.article) == []


def test_add_without_drawn_marks_says_what_to_do_on_the_status_line(review):
    before = len(review.key["attributions"])
    review.buttons["add"].click()  # only the shown item's marks are there: nothing new to add
    assert "mark a source and a cue" in review.status.value
    assert len(review.key["attributions"]) == before


def test_edit_takes_a_redrawn_cue_and_keeps_the_rest_of_the_item(review):
    entry = dict(review.entry())
    body = review.article.body
    wider = (entry["cue_start"], entry["cue_end"] + 1 + len(body[entry["cue_end"] + 1 :].split()[0]))
    review.highlighter.add_span(*wider, "cue")
    review.speaker.value = "Julie Hahn, Environment Canada"
    review.buttons["edit"].click()
    edited = review.key["attributions"][0]
    assert edited["status"] == "edited" and (edited["cue_start"], edited["cue_end"]) == wider
    assert edited["cue"] == body[wider[0] : wider[1]] and edited["speaker"] == "Julie Hahn, Environment Canada"
    assert (edited["source_start"], edited["source_end"]) == (entry["source_start"], entry["source_end"])


def test_a_fully_reviewed_key_makes_an_exercise(review, article_path, tmp_path, capsys):
    for _ in range(len(review.items)):
        review.accept()
    assert unreviewed(review.key) == []
    path = review.save()
    args = ["new-exercise", str(article_path), str(path), "--kind", "framing", "--into", str(tmp_path / "out")]
    assert main(args) == 0, capsys.readouterr().err
    assert (tmp_path / "out" / f"{ARTICLE_ID}-framing" / f"{ARTICLE_ID}-framing.ipynb").is_file()


def test_save_refuses_a_key_the_corpus_checks_reject(article_path, draft, tmp_path):
    broken = json.loads(json.dumps(draft))
    del broken["sentences"][4]
    review = KeyReview(str(article_path), broken, save_to=tmp_path / "k.json")
    with pytest.raises(SpanError, match="characters are in no labelled sentence"):
        review.save()
    review.buttons["save"].click()
    assert "cannot be saved" in review.status.value and not (tmp_path / "k.json").exists()


def test_the_item_is_shown_as_one_link_and_links_drawn_by_the_reviewer_are_reviewed(review):
    entry = review.entry()
    (link,) = review.highlighter.attributions
    assert (link.source.start, link.cue.start) == (entry["source_start"], entry["cue_start"])
    assert link.speaker == entry["speaker"]
    review.highlighter.attributions = [link.__class__(link.source, link.cue, link.content, "Julie Hahn", "direct")]
    assert (review.speaker.value, review.kind.value) == ("Julie Hahn", "direct")  # typed on the link
    review.buttons["edit"].click()
    assert (
        review.key["attributions"][0]["speaker"] == "Julie Hahn" and review.key["attributions"][0]["kind"] == "direct"
    )
    body = review.article.body
    source, cue = body.index("the CBC"), body.index("gave it to")
    from medialit.core.spans import Span

    review.highlighter.add_link(Span(source, source + 7, "source"), Span(cue, cue + 4, "cue"), speaker="CBC")
    review.buttons["add"].click()
    added = review.key["attributions"][-1]
    assert (added["source_text"], added["cue"], added["speaker"]) == ("the CBC", "gave", "CBC")
