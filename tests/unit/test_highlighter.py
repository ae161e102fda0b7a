"""The Highlighter's Python side: traits, labels, marks, persistence, feedback, machine layer, exports."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from types import SimpleNamespace

import pytest

from medialit import Highlighter, from_text, load_article
from medialit.core.spans import Attribution, Span
from medialit.widgets import _marks
from medialit.widgets.highlighter import STATIC

BODY = "Tittel\n👩🏽‍⚖️ Re\u0301né  sa\u00a0«at» “det går bra”, says Jonas Gahr Støre.\nIt will cost dearly.\n"
ARTICLE = from_text(BODY, title="Tittel")


def at(phrase: str, label: str = "source") -> dict:
    start = BODY.index(phrase)
    return {"start": start, "end": start + len(phrase), "label": label}


@pytest.fixture
def here(tmp_path, monkeypatch) -> Path:
    monkeypatch.chdir(tmp_path)
    return tmp_path


def test_highlighter_traits_are_synced_and_front_end_files_exist():
    for name in ("text", "labels", "mode", "spans", "feedback", "machine", "show_machine", "locked", "status"):
        assert Highlighter.class_traits()[name].metadata.get("sync") is True, name
    assert (STATIC / "highlighter.js").is_file() and (STATIC / "highlighter.css").is_file()
    assert ".medialit-highlighter" in (STATIC / "highlighter.css").read_text()


def test_importing_medialit_does_not_load_the_widget_stack():
    code = "import sys, medialit; print('anywidget' in sys.modules, 'ipywidgets' in sys.modules)"
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.split() == ["False", "False"]


def test_highlighter_default_labels_have_key_colour_and_distinct_line_style():
    h = Highlighter(ARTICLE)
    assert [lab["name"] for lab in h.labels] == ["source", "claim", "cue", "framing"]
    assert [lab["title"] for lab in h.labels] == ["source", "claim", "cue", "framing"]  # one name everywhere
    assert [lab["key"] for lab in h.labels] == ["1", "2", "3", "4"]
    assert len({lab["style"] for lab in h.labels}) == 4
    assert all(lab["colour"] in _marks.OKABE_ITO_GREY for lab in h.labels)


def hue(colour: str) -> float:
    import colorsys

    r, g, b = (int(colour[i : i + 2], 16) / 255 for i in (1, 3, 5))
    return colorsys.rgb_to_hsv(r, g, b)[0] * 360


def test_label_looks_alike_in_colour_never_share_a_line_style():
    """Evaluative and hedge, loaded and scare_quote (lesson 4) once differed by a shade of blue or orange only."""
    labels = _marks.make_labels(
        ["loaded", "evaluative", "intensifier", "scare_quote", "speech_verb", "hedge", "x", "y"]
    )
    for i, a in enumerate(labels):
        for b in labels[i + 1 :]:
            near = min(abs(hue(a["colour"]) - hue(b["colour"])), 360 - abs(hue(a["colour"]) - hue(b["colour"])))
            assert a["style"] != b["style"] or near > 40 or "#999999" in (a["colour"], b["colour"]), (a, b)
    assert labels[3]["title"] == "scare_quote"  # legend, tags and feedback use the name the lessons type


@pytest.mark.parametrize(
    ("labels", "message"),
    [([], "labels is empty"), (["a", "a"], "repeat a name"), ([str(i) for i in range(10)], "at most 9"),
     ([{"key": "1"}], "has no name")],
)  # fmt: skip
def test_highlighter_bad_labels_say_how_to_write_them(labels, message):
    with pytest.raises(_marks.LabelError, match=message):
        Highlighter(ARTICLE, labels=labels)


def test_highlighter_accepts_label_names_and_partial_dicts():
    h = Highlighter(ARTICLE, labels=["person", {"name": "place", "colour": "#000000", "key": "p"}])
    assert h.labels[0]["key"] == "1" and h.labels[1] == {
        "name": "place", "title": "place", "key": "p", "colour": "#000000", "style": "dashed",
    }  # fmt: skip


def test_add_remove_and_clear_keep_spans_sorted_and_unique():
    h = Highlighter(ARTICLE)
    h.add_span(**at("Jonas Gahr Støre"))
    h.add_span(**at("says", "cue"))
    h.add_span(**at("says", "cue"))
    assert h.spans == [at("says", "cue"), at("Jonas Gahr Støre")]
    assert h.remove_span(at("says", "cue")) == 1
    assert h.remove_span(Span(0, 1, "x")) == 0
    assert h.spans == [at("Jonas Gahr Støre")]
    h.clear()
    assert h.spans == []


@pytest.mark.parametrize(
    ("start", "end", "label", "message"),
    [(0, 5, "person", "not one of source"), (5, 5, "source", "not inside"), (0, 10_000, "source", "not inside")],
)
def test_add_span_rejects_bad_input_in_one_line(start, end, label, message):
    with pytest.raises(ValueError, match=message):
        Highlighter(ARTICLE).add_span(start, end, label)


def test_changes_to_spans_are_observable():
    h = Highlighter(ARTICLE)
    seen = []
    h.observe(lambda change: seen.append(change["new"]), names="spans")
    h.add_span(**at("says", "cue"))
    h.clear()
    assert seen == [[at("says", "cue")], []]


def test_marks_from_the_front_end_are_cleaned():
    h = Highlighter(ARTICLE)
    h.spans = [at("says", "cue"), {"start": 5, "end": 2, "label": "x"}, {"start": 0}, at("says", "cue")]
    assert h.spans == [at("says", "cue")]


def test_sentence_mode_gives_each_sentence_one_label():
    h = Highlighter(ARTICLE, labels=["attributed", "unsupported"], mode="sentences")
    start, end = h.sentence_bounds[-1]
    assert BODY[start:end] == "It will cost dearly."
    h.add_span(start, end, "attributed")
    h.add_span(start, end, "unsupported")
    assert h.sentence_labels == [{"start": start, "end": end, "label": "unsupported"}]
    assert Highlighter(ARTICLE).sentence_labels == []


def test_highlighter_rejects_an_unknown_mode():
    with pytest.raises(ValueError, match="mode='spans' or mode='sentences'"):
        Highlighter(ARTICLE, mode="words")


# ---------------------------------------------------------------- offsets: UTF-16 in the browser, code points here


def test_front_end_words_have_python_code_point_offsets(front_end):
    """The JS tokenizer must count code points, not UTF-16 units: emoji and accents before a word shift both."""
    tokens = front_end(
        "tokenize",
        f"const text = {json.dumps(BODY)}; const cps = Array.from(text);"
        "console.log(JSON.stringify(tokenize(cps).map(t => [t.s, t.e, cps.slice(t.s, t.e).join('')])));",
    )
    for start, end, word in tokens:
        assert BODY[start:end] == word
    words = [w for _, _, w in tokens]
    assert {"Re\u0301né", "Støre", "går", "says"} <= set(words)
    assert len("👩🏽‍⚖️ ".encode("utf-16-le")) // 2 != len("👩🏽‍⚖️ ")  # the case that breaks UTF-16 offsets


def test_front_end_undo_takes_back_only_the_students_own_step(front_end):
    """After a merge brought in marks from another tab, Ctrl+Z removes the student's mark, not the merged ones."""
    undone, redone = front_end(
        "diffMarks, applyEdit",
        "const a = {start: 0, end: 5, label: 'source'}, b = {start: 9, end: 12, label: 'cue'},"
        " merged = {start: 20, end: 24, label: 'source'};"
        "const edit = diffMarks([a], [a, b]);"  # the student adds b
        "const now = [a, b, merged];"  # then a merge brings in another tab's mark
        "const undone = applyEdit(now, {added: edit.removed, removed: edit.added});"
        "const redone = applyEdit(undone, edit);"
        "console.log(JSON.stringify([undone, redone]));",
    )
    assert undone == [{"start": 0, "end": 5, "label": "source"}, {"start": 20, "end": 24, "label": "source"}]
    assert len(redone) == 3


# ---------------------------------------------------------------- persistence


def test_every_change_is_saved_and_a_new_highlighter_starts_from_it(here):
    h = Highlighter(ARTICLE, save_to="q1.highlights.json")
    h.add_span(**at("Jonas Gahr Støre"))
    data = json.loads((here / "q1.highlights.json").read_text(encoding="utf-8"))
    assert data["spans"] == [at("Jonas Gahr Støre")] and data["body_sha256"] == ARTICLE.sha256
    again = Highlighter(ARTICLE, save_to="q1.highlights.json")
    assert again.spans == [at("Jonas Gahr Støre")]
    assert "1 mark loaded" in again.status
    again.clear()
    assert json.loads((here / "q1.highlights.json").read_text())["spans"] == []


def test_every_count_in_the_status_says_one_mark_and_one_link_in_the_singular(here):
    """'1 marks' read wrong to students: one of anything is singular, in every status line."""
    h = Highlighter(ARTICLE, save_to="q1.highlights.json")
    h.add_span(**at("Jonas Gahr Støre"))
    assert h.status == "saved 1 mark to q1.highlights.json"
    h.add_link(at("Jonas Gahr Støre"), at("says", "cue"))
    assert h.status == "saved 2 marks and 1 link to q1.highlights.json"
    assert Highlighter(ARTICLE, save_to="q1.highlights.json").status == "2 marks loaded from q1.highlights.json"
    h.remove_span(at("says", "cue"))
    assert Highlighter(ARTICLE, save_to="q1.highlights.json").status == "1 mark loaded from q1.highlights.json"
    started = Highlighter(ARTICLE, save_to="q2.highlights.json", start_from="q1.highlights.json")
    assert started.status == "started from 1 mark in q1.highlights.json (that file is only read)"


def test_sidecar_for_another_text_is_kept_as_backup_with_one_stdout_line(here, capsys):
    Highlighter(from_text("Another text entirely."), save_to="q1.highlights.json").add_span(0, 7, "source")
    h = Highlighter(ARTICLE, save_to="q1.highlights.json")
    out, err = capsys.readouterr()
    assert err == "" and out.count("\n") == 1 and "saved for a different article text" in out
    assert h.spans == [] and "kept it as q1.highlights.json.bak-" in h.status
    (backup,) = here.glob("q1.highlights.json.bak-*")
    assert json.loads(backup.read_text())["spans"] == [{"start": 0, "end": 7, "label": "source"}]
    h.add_span(**at("says", "cue"))  # the new file is written, the backup untouched
    assert json.loads(backup.read_text())["spans"] == [{"start": 0, "end": 7, "label": "source"}]


def test_sentence_mode_sidecar_holds_sentences(here):
    h = Highlighter(ARTICLE, labels=["attributed", "unsupported"], mode="sentences", save_to="s.json")
    start, end = h.sentence_bounds[-1]
    h.add_span(start, end, "unsupported")
    data = json.loads((here / "s.json").read_text())
    assert data["mode"] == "sentences" and data["spans"] == []
    assert data["sentences"] == [{"start": start, "end": end, "label": "unsupported"}]
    assert Highlighter(ARTICLE, labels=["attributed", "unsupported"], mode="sentences", save_to="s.json").spans


def test_two_highlighters_on_one_file_lose_no_mark(here):
    """Lesson 2 and lesson 6 (or two tabs) on one sidecar: whoever saves last merges, never overwrites."""
    first = Highlighter(ARTICLE, save_to="shared.highlights.json")
    second = Highlighter(ARTICLE, save_to="shared.highlights.json")
    first.add_span(**at("Jonas Gahr Støre"))
    second.add_span(**at("says", "cue"))  # the file changed since `second` loaded it: merged first
    saved = json.loads((here / "shared.highlights.json").read_text())["spans"]
    assert saved == [at("says", "cue"), at("Jonas Gahr Støre")]
    assert second.spans == saved and "changed elsewhere" in second.status and "1 mark added" in second.status
    first.add_span(**at("dearly", "framing"))
    assert first.spans == [at("says", "cue"), at("Jonas Gahr Støre"), at("dearly", "framing")]
    # a removal is respected on both sides: `second` removes Støre, `first` keeps marking
    second.reload()
    second.remove_span(at("Jonas Gahr Støre"))
    first.add_span(**at("cost", "framing"))
    assert at("Jonas Gahr Støre") not in first.spans and at("cost", "framing") in first.spans
    assert "1 mark removed" in first.status
    assert Highlighter(ARTICLE, save_to="shared.highlights.json").spans == first.spans


def test_reload_takes_in_marks_saved_elsewhere_without_writing_when_nothing_changed(here):
    first = Highlighter(ARTICLE, save_to="shared.highlights.json")
    second = Highlighter(ARTICLE, save_to="shared.highlights.json")
    first.add_span(**at("says", "cue"))
    written = (here / "shared.highlights.json").stat().st_mtime_ns
    second.reload()
    assert second.spans == [at("says", "cue")]
    second.reload()
    assert (here / "shared.highlights.json").stat().st_mtime_ns == written


def test_start_from_reads_another_sidecar_and_never_writes_it(here):
    Highlighter(ARTICLE, save_to="lesson02.highlights.json").add_span(**at("Jonas Gahr Støre"))
    before = (here / "lesson02.highlights.json").read_bytes()
    mine = Highlighter(ARTICLE, save_to="lesson06.highlights.json", start_from="lesson02.highlights.json")
    assert mine.spans == [at("Jonas Gahr Støre")] and "only read" in mine.status
    mine.add_span(**at("says", "cue"))
    assert (here / "lesson02.highlights.json").read_bytes() == before
    again = Highlighter(ARTICLE, save_to="lesson06.highlights.json", start_from="lesson02.highlights.json")
    assert again.spans == [at("says", "cue"), at("Jonas Gahr Störe".replace("ö", "ø"))]
    (here / "damaged.json").write_text("{")
    empty = Highlighter(ARTICLE, save_to="lesson07.highlights.json", start_from="damaged.json")
    assert empty.spans == [] and (here / "damaged.json").read_text() == "{"  # read only: never set aside


# ---------------------------------------------------------------- feedback and machine layer


def test_show_feedback_marks_correct_missed_and_extra_with_reasons():
    h = Highlighter(ARTICLE)
    h.add_span(**at("Jonas Gahr Støre"))
    h.add_span(**at("cost", "source"))
    h.add_span(**at("dearly", "framing"))
    key = [
        Span(**at("Jonas Gahr Støre")),
        Span(**at("says", "cue"), reasons=("‘says’ attributes this quote to Støre",)),
    ]
    assert h.show_feedback(key, max_points=2) is None  # nothing long printed when a cell ends with it
    statuses = {item["status"]: item for item in h.feedback["items"]}
    assert set(statuses) == {"correct", "missed", "extra"}
    assert statuses["missed"]["line"] == "missed: ‘says’ (cue): ‘says’ attributes this quote to Støre"
    assert h.feedback["summary"] == "1 correct, 1 missed, 1 extra (1 of 2)" and h.last_score.points == 1.0
    assert h.status == "feedback: 1 correct, 1 missed, 1 extra (1 of 2)"
    assert set(statuses["correct"]) == {"start", "end", "label", "status", "line"}  # per item results, no key object
    assert h.feedback["notes"] == [
        "framing: not part of this activity (it checks source, cue); those marks are kept but not counted"
    ]
    h.show_feedback(key, show_missed=False)  # a lesson check before reveal: the unfound key items stay back
    assert "missed" not in {item["status"] for item in h.feedback["items"]}
    assert "1 still to find" in h.feedback["summary"]
    h.hide_feedback()
    assert h.feedback == {}


def test_feedback_reasons_are_specific_quote_partial_and_label():
    """Issue 11: an extra inside a quote is the speaker's framing (in a check of the paper's own voice, K10);
    a partial mark names what is missing."""
    h = Highlighter(ARTICLE)
    h.add_span(**at("det går", "framing"))  # inside “det går bra”: the speaker's words
    h.add_span(**at("Jonas Gahr", "source"))  # part of the key's 'Jonas Gahr Støre'
    h.add_span(**at("cost", "cue"))  # the key has 'cost' as framing
    key = [Span(**at("Jonas Gahr Støre")), Span(**at("cost", "framing")), Span(**at("dearly", "framing"))]
    h.show_feedback(key)
    assert "inside a quote" not in str(h.feedback["items"]), "a check that counts quoted words says nothing of quotes"
    h.show_feedback(key, own_voice=True)
    lines = {item["line"] for item in h.feedback["items"]}
    assert (
        "extra: ‘det går’ (framing): it is inside a quote: the speaker's words and framing, not the paper's own voice"
        in lines
    )
    assert "correct in part: you marked ‘Jonas Gahr’; the source is ‘Jonas Gahr Støre’" in lines
    assert "extra: ‘cost’ (cue): these words are in the key, but as framing, not cue" not in lines  # cue: not graded
    assert h.feedback["notes"][0].startswith("cue: not part of this activity")


def test_machine_layer_from_spans_with_reasons_and_from_an_analysis_shape():
    h = Highlighter(ARTICLE)
    h.show_machine_layer([Span(**at("says", "cue"), reasons=("speech verb",))])
    assert h.machine == [at("says", "cue") | {"rule": "speech verb"}]
    assert not h.show_machine, "the analyzer stays hidden until the student ticks the box"
    h.show_machine_layer([], show=True)
    assert h.show_machine
    source, cue = Span(**at("Jonas Gahr Støre")), Span(**at("says", "cue"))
    analysis = SimpleNamespace(
        attributions=[Attribution("Jonas Gahr Støre", source, cue, None, "direct", rule="quote-says-name")],
        sentences=[Span(0, 6, "other"), Span(**at("It will cost dearly.", "unsupported"), reasons=("no source",))],
        framing=[Span(**at("dearly", "intensifier"), reasons=("cost dearly",))],
    )
    h.show_machine_layer(analysis)
    assert [(m["label"], m["rule"]) for m in h.machine] == [
        ("cue", "quote-says-name"), ("source", "quote-says-name"), ("unsupported", "no source"),
        ("intensifier", "cost dearly"),
    ]  # fmt: skip


@pytest.mark.model
def test_machine_layer_runs_the_real_analyzer():
    article = load_article("stoere-putin-call")
    h = Highlighter(article)
    h.show_machine_layer()
    assert any(m["label"] == "source" and "Støre" in article.body[m["start"] : m["end"]] for m in h.machine)
    assert all(m["rule"] for m in h.machine if m["label"] in ("source", "cue"))


def test_exports_through_the_widget():
    h = Highlighter(ARTICLE)
    h.add_span(**at("Støre"))
    assert h.to_gold()["spans"] == [at("Støre") | {"text": "Støre"}]
    assert json.loads(h.to_prodigy())["spans"] == [at("Støre")]
    (item,) = h.to_web_annotation()["first"]["items"]
    assert item["target"]["selector"][1]["exact"] == "Støre"


def test_an_exercise_highlighter_carries_its_items_part_and_refuses_a_part_off_the_text(tmp_path, monkeypatch):
    from medialit.exercises.grading import item, show

    monkeypatch.chdir(tmp_path)
    assert show("ex01-q1").part == list(item("ex01-q1").bounds())
    assert show("ex01-q2").part == list(item("ex01-q2").bounds())
    assert Highlighter(from_text("t\nSome words.")).part == []
    with pytest.raises(ValueError, match=r"part=\(5, 999\) is not inside the text"):
        Highlighter(from_text("t\nSome words."), part=(5, 999))


def test_a_highlighter_is_named_after_its_file_so_several_on_a_page_are_told_apart(tmp_path, monkeypatch):
    """The front end says the name after its text box's and landmarks' names (ex01's four questions on one page)."""
    from medialit.exercises.grading import show

    monkeypatch.chdir(tmp_path)
    assert Highlighter.class_traits()["name"].metadata.get("sync") is True
    assert [show(f"ex01-q{n}").name for n in (1, 2, 3, 4)] == ["ex01-q1", "ex01-q2", "ex01-q3", "ex01-q4"]
    assert Highlighter(from_text("t\nSome words."), save_to="lesson02.highlights.json").name == "lesson02"
    assert Highlighter(from_text("t\nSome words."), save_to="marks.json").name == "marks"
    assert Highlighter(from_text("t\nSome words.")).name == ""
    assert Highlighter(from_text("t\nSome words."), save_to="a.highlights.json", name="practice").name == "practice"
