"""Key mode: review a drafted key (the Key model) with the real Highlighter and ipywidgets buttons, then save it."""

from __future__ import annotations

import json

import jsonschema
import pytest

from medialit.cli import main
from medialit.core.article import load_article
from medialit.core.spans import Span, SpanError
from medialit.exercises.items import REASONS
from medialit.exercises.key import Key, schema
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
    path.write_text(json.dumps(draft.to_dict()), encoding="utf-8")
    return KeyReview(str(article_path), path)


def _first(review: KeyReview, label_in: set[str]) -> int:
    return next(i for i, m in enumerate(review.key.marks) if m.label in label_in)


def test_the_highlighter_shows_the_mark_under_review(review):
    mark = review.mark()
    assert review.current == 0 and mark.label == "source"
    labels = {m["label"]: (m["start"], m["end"]) for m in review.highlighter.spans}
    assert labels["source"] == (mark.span.start, mark.span.end)
    assert labels["cue"] == (mark.cue.start, mark.cue.end)
    assert "status <b>suggested</b>" in review.heading.value and mark.rule in review.heading.value
    assert review.speaker.value == mark.speaker and review.kind.value == mark.kind
    waiting = len(review.highlighter.machine)
    assert review.highlighter.show_machine and waiting > 2  # what is left to review, beside the mark
    review.accept()
    assert len(review.highlighter.machine) == waiting - 2  # the accepted source and its cue left the layer


def test_buttons_accept_and_reject_and_move_on_and_save_a_valid_key(review):
    first, second = review.key.marks[0], review.key.marks[1]
    review.buttons["accept"].click()
    assert review.key.marks[0].status == "accepted" and review.current == 1
    review.buttons["reject"].click()
    assert review.key.marks[1].status == "rejected" and review.current == 2
    review.buttons["previous"].click()
    assert review.current == 1
    path = review.save()
    saved = json.loads(path.read_text(encoding="utf-8"))
    jsonschema.validate(saved, schema())  # the reviewed key is the one key format
    assert [m["status"] for m in saved["marks"][:2]] == ["accepted", "rejected"]  # rejected: kept for the record
    assert (saved["marks"][1]["start"], saved["marks"][0]["start"]) == (second.span.start, first.span.start)
    assert Key.load(path).marks[0].rule == first.rule  # the rule has its own field, the label stays a label


def test_a_sentence_reason_is_rejected_or_edited_with_the_dropdown(review):
    index = _first(review, set(REASONS))
    review.position = index
    review.label.value = "evaluation"
    review.buttons["edit"].click()
    edited = review.key.marks[index]
    assert edited.label == "evaluation" and edited.accept == () and edited.status == "edited"
    review.position = index
    review.reject()
    assert review.key.marks[index].status == "rejected" and review.key.marks[index].label == "evaluation"


def test_an_unsupported_sentence_the_analyzer_missed_is_added_whole(review):
    body = review.article.body
    start = body.index("If someone were able to shut")
    review.highlighter.add_span(start, start + len("If someone"), "hedge")
    review.buttons["add"].click()
    added = review.key.marks[-1]
    sentence = next((s, e) for s, e in review.article.sentences if s <= start < e)
    assert (added.span.start, added.span.end, added.label, added.status) == (*sentence, "hedge", "added")
    assert key_problems(review.key, review.article) == []


def test_an_attribution_the_analyzer_missed_is_added_from_marks(review):
    body = review.article.body
    source = body.index("the CBC")
    cue = body.index("gave it to")
    review.highlighter.add_span(source, source + len("the CBC"), "source")  # beside the shown mark's parts
    review.highlighter.add_span(cue, cue + len("gave"), "cue")
    review.speaker.value = "CBC"
    review.kind.value = "indirect"
    review.buttons["add"].click()
    added = review.key.marks[-1]
    assert (added.status, added.text, body[added.cue.start : added.cue.end]) == ("added", "the CBC", "gave")
    assert (added.speaker, added.kind) == ("CBC", "indirect")
    assert review.current == len(review.key.marks) - 1
    assert key_problems(review.key, review.article) == []


def test_a_party_that_gave_no_answer_is_added_as_a_source_without_a_cue(shared_dir, nlp, tmp_path):
    """K4: a party asked that gave no answer is a source with no cue (ex01 keys the embassy so). Key mode asked for
    a source and a cue, so an instructor reviewing a drafted key could add that party only by editing the JSON."""
    from medialit.nlp.analysis import analyze

    article = load_article(shared_dir / "corpus" / "dev" / "stoere-putin-call.md")
    review = KeyReview(article, draft_key(article, analyze(article, nlp)), save_to=tmp_path / "stoere.key.json")
    start = article.body.index("the Russian embassy")
    review.highlighter.add_span(start, start + len("the Russian embassy"), "source")
    review.speaker.value = ""
    review.buttons["add"].click()  # no name typed: the status line says what to do, nothing is added
    assert "type its name as the speaker" in review.status.value
    review.speaker.value = "the Russian embassy"
    review.buttons["add"].click()
    added = review.key.marks[-1]
    assert (added.status, added.label, added.text, added.speaker) == ("added", "source", "the Russian embassy",
                                                                      "the Russian embassy")  # fmt: skip
    assert added.cue is None and "cue" not in added.to_dict()
    assert key_problems(review.key, review.article) == []


def test_a_lone_source_is_not_given_the_shown_marks_speaker_as_a_party_that_gave_no_answer(shared_dir, nlp, tmp_path):
    """review22: the speaker field holds the shown mark's speaker, so a source drawn alone (an attribution whose cue
    the instructor has not marked yet, or a silent party) was added as a party that gave no answer (K4) named after
    the mark on show: the embassy became 'Norway's allies and partners', status 'added a source mark'. A party that
    gave no answer is added only with a speaker typed for it; the field as the shown mark filled it is not one."""
    from medialit.nlp.analysis import analyze

    article = load_article(shared_dir / "corpus" / "dev" / "stoere-putin-call.md")
    review = KeyReview(article, draft_key(article, analyze(article, nlp)), save_to=tmp_path / "stoere.key.json")
    shown = review.speaker.value
    assert shown.strip() and shown != "the Russian embassy"  # filled in by the mark on show, not typed
    before = len(review.key.marks)
    start = article.body.index("the Russian embassy")
    review.highlighter.add_span(start, start + len("the Russian embassy"), "source")
    review.buttons["add"].click()
    assert len(review.key.marks) == before, review.key.marks[-1]
    assert "type its name as the speaker" in review.status.value
    review.speaker.value = "the Russian embassy"
    review.buttons["add"].click()
    added = review.key.marks[-1]
    assert (added.label, added.speaker, added.cue) == ("source", "the Russian embassy", None)


def test_add_without_drawn_marks_says_what_to_do_on_the_status_line(review):
    before = len(review.key.marks)
    review.buttons["add"].click()  # only the shown mark's parts are there: nothing new to add
    assert "mark a source and a cue" in review.status.value
    assert len(review.key.marks) == before


def test_edit_takes_a_redrawn_cue_and_keeps_the_rest_of_the_mark(review):
    mark = review.mark()
    body = review.article.body
    wider = (mark.cue.start, mark.cue.end + 1 + len(body[mark.cue.end + 1 :].split()[0]))
    review.highlighter.add_span(*wider, "cue")
    review.speaker.value = "Julie Hahn, Environment Canada"
    review.buttons["edit"].click()
    edited = review.key.marks[0]
    assert edited.status == "edited" and (edited.cue.start, edited.cue.end) == wider
    assert edited.speaker == "Julie Hahn, Environment Canada" and edited.span == mark.span
    assert edited.rule == mark.rule  # what suggested it stays on record


def test_a_fully_reviewed_key_makes_an_exercise(review, article_path, tmp_path, capsys):
    for _ in range(len(review.key.marks)):
        review.accept()
    assert unreviewed(review.key) == []
    path = review.save()
    (tmp_path / "out").mkdir()
    args = ["new-exercise", str(article_path), str(path), "--kind", "framing", "--into", str(tmp_path / "out")]
    assert main(args) == 0, capsys.readouterr().err
    assert (tmp_path / "out" / f"{ARTICLE_ID}-framing" / f"{ARTICLE_ID}-framing.ipynb").is_file()


def test_save_refuses_a_key_that_fails_the_checks(article_path, draft, tmp_path):
    from dataclasses import replace

    broken = replace(draft, marks=(replace(draft.marks[0], span=Span(10**6, 10**6 + 3, "source")), *draft.marks[1:]))
    review = KeyReview(str(article_path), broken, save_to=tmp_path / "k.json")
    with pytest.raises(SpanError, match=r"marks\[0\]: \[1000000, 1000003\) is outside the text"):
        review.save()
    review.buttons["save"].click()
    assert "cannot be saved" in review.status.value and not (tmp_path / "k.json").exists()


def test_save_refuses_a_key_in_a_course_source_folder_as_draft_key_does(article_path, draft, tmp_path):
    """verify17a: draft-key refused source/ID/x.key.json (generate_assignment releases it to every student), yet
    Save in the review wrote the very same file there."""
    (tmp_path / "course" / "source" / "ott").mkdir(parents=True)
    (tmp_path / "course" / "nbgrader_config.py").write_text("c = get_config()\n", encoding="utf-8")
    key = tmp_path / "course" / "source" / "ott" / "ott.key.json"
    review = KeyReview(str(article_path), draft, save_to=key)
    with pytest.raises(SpanError, match="keys must not go under a course's source/"):
        review.save()
    review.buttons["save"].click()
    said = review.status.value
    assert "keys must not go under a course's source/" in said and "course/keys/" in said and not key.exists()
    assert main(["draft-key", str(article_path), "--out", str(key)]) == 2  # the command says the same
    review.save_to = tmp_path / "course" / "keys" / "ott.key.json"
    assert review.save().is_file()


def test_the_mark_is_shown_as_one_link_and_links_drawn_by_the_reviewer_are_reviewed(review):
    mark = review.mark()
    (link,) = review.highlighter.attributions
    assert (link.source.start, link.cue.start) == (mark.span.start, mark.cue.start)
    assert link.speaker == mark.speaker
    review.highlighter.attributions = [link.__class__(link.source, link.cue, link.content, "Julie Hahn", "direct")]
    assert (review.speaker.value, review.kind.value) == ("Julie Hahn", "direct")  # typed on the link
    review.buttons["edit"].click()
    assert (review.key.marks[0].speaker, review.key.marks[0].kind) == ("Julie Hahn", "direct")
    body = review.article.body
    source, cue = body.index("the CBC"), body.index("gave it to")
    review.highlighter.add_link(Span(source, source + 7, "source"), Span(cue, cue + 4, "cue"), speaker="CBC")
    review.buttons["add"].click()
    added = review.key.marks[-1]
    assert (added.text, body[added.cue.start : added.cue.end], added.speaker) == ("the CBC", "gave", "CBC")


def test_opening_a_key_on_another_text_or_a_bad_path_is_one_line_in_the_notebook(article_path, draft, tmp_path):
    """instr19, the guide's step 3 as an instructor types it: a key opened on the article after an editor changed
    its line endings showed its marks at offsets of another text, and a mistyped key path or a front matter with
    Windows line endings printed the kit's traceback in the notebook. Each is now one line (new-exercise's), no
    traceback, in IPython's own shell as in a JupyterLab kernel."""
    from IPython.core.interactiveshell import InteractiveShell
    from IPython.utils.capture import capture_output

    key = tmp_path / "ottawa.key.json"
    key.write_text(json.dumps(draft.to_dict()), encoding="utf-8")
    text = article_path.read_bytes()
    body_crlf, all_crlf = tmp_path / "body-crlf.md", tmp_path / "all-crlf.md"
    head, body = text.split(b"\n---\n", 1)
    body_crlf.write_bytes(head + b"\n---\n" + body.replace(b"\n", b"\r\n"))
    all_crlf.write_bytes(text.replace(b"\n", b"\r\n"))
    shell = InteractiveShell.instance()
    said = []
    for arguments in ((str(body_crlf), str(key)), (str(article_path), str(tmp_path / "otawa.key.json")),
                      (str(all_crlf), str(key))):  # fmt: skip
        with capture_output() as out:
            shell.run_cell(f"from medialit.widgets.key_review import KeyReview\nKeyReview{arguments!r}")
        said.append((out.stdout + out.stderr).strip())
    assert said == [
        f"SpanError: {key}: the key was made on {body_crlf} with other line endings (an editor or git changed "
        "CRLF/LF since): restore the file the key was made on, or draft the key again with `medialit draft-key`",
        f"SpanError: {tmp_path / 'otawa.key.json'}: no such file; check the path",
        f"ArticleError: {all_crlf}: Windows line endings in the front matter; save the file with LF line endings",
    ], said
