"""Draft keys from the analyzer as Key data, the checks every key passes, and new-exercise refusing bad keys."""

from __future__ import annotations

import hashlib
import json
import re
from pathlib import Path

import jsonschema
import nbformat
import pytest

from medialit.cli import main
from medialit.core.article import cut_at_word, load_article
from medialit.core.spans import KINDS
from medialit.exercises.items import REASONS
from medialit.exercises.key import Key, schema
from medialit.instructor.draft_key import decide, draft_key, key_problems, unreviewed
from medialit.instructor.exercise_notebook import NAME_LIMIT, assignment_name, name_problem
from medialit.instructor.new_exercise import question_marks, whole_part

ARTICLE_ID = "ottawa-document-found-on-street"


@pytest.fixture(scope="module")
def dev(shared_dir):
    return shared_dir / "corpus" / "dev"


@pytest.fixture(scope="module")
def article(dev):
    return load_article(dev / f"{ARTICLE_ID}.md")


@pytest.fixture(scope="module")
def gold(dev):
    return json.loads((dev / f"{ARTICLE_ID}.gold.json").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def draft(article, nlp):
    from medialit.nlp.analysis import analyze

    return draft_key(article, analyze(article, nlp))


@pytest.mark.model
def test_every_drafted_mark_is_a_suggestion_with_its_rule(draft, article):
    assert isinstance(draft, Key) and draft.item == draft.article == ARTICLE_ID
    assert all(m.status == "suggested" for m in draft.marks)
    sources = [m for m in draft.marks if m.label == "source"]
    assert sources and any(m.rule for m in sources)
    assert all(m.speaker and m.cue is not None and m.kind in KINDS for m in sources)
    assert {m.label for m in draft.marks} <= {"source", "loaded", *REASONS}  # a label is only a label
    assert len(unreviewed(draft)) == len(draft.marks)
    assert key_problems(draft, article) == []  # a draft already passes the key checks
    jsonschema.validate(draft.to_dict(), schema())


@pytest.mark.model
def test_draft_key_says_one_suggestion_in_the_singular(tmp_path, capsys):
    """A one-sentence article with one reported statement: draft-key printed '1 suggestions to review'."""
    article = tmp_path / "bridge-one.md"
    article.write_text("---\ntitle: Bridge\nid: bridge-one\n---\n\nThe bridge will close in May, the mayor said.\n")
    assert main(["draft-key", str(article), "--out", str(tmp_path / "bridge-one.key.json")]) == 0
    assert ": 1 suggestion to review (" in capsys.readouterr().out


@pytest.mark.model
def test_draft_key_command_writes_the_key_and_keeps_keys_out_of_student_folders(dev, tmp_path, capsys, repo_dir):
    out = tmp_path / "ottawa.key.json"
    assert main(["draft-key", str(dev / f"{ARTICLE_ID}.md"), "--out", str(out)]) == 0
    saved = json.loads(out.read_text(encoding="utf-8"))
    jsonschema.validate(saved, schema())
    key = Key.load(out)
    assert key.article == ARTICLE_ID and unreviewed(key)
    assert re.search(r"\d+ suggestions? to review", capsys.readouterr().out)
    assert main(["draft-key", str(dev / f"{ARTICLE_ID}.md"), "--out", str(out)]) == 2  # no silent overwrite
    leak = repo_dir / "notebooks" / "ottawa.key.json"
    assert main(["draft-key", str(dev / f"{ARTICLE_ID}.md"), "--out", str(leak)]) == 2
    assert "keys must not go under notebooks/" in capsys.readouterr().err
    assert not leak.exists()
    inside = repo_dir / "src" / "medialit" / "ottawa.key.json"
    assert main(["draft-key", str(dev / f"{ARTICLE_ID}.md"), "--out", str(inside)]) == 2
    assert "inside the medialit package" in capsys.readouterr().err and not inside.exists()


def test_a_key_in_a_course_source_folder_is_refused_by_draft_key_and_new_exercise(gold, dev, tmp_path, capsys):
    """instructor17: the guide allowed keys "in your course directory"; one in source/ID/ was copied into release/ID/
    by nbgrader generate_assignment, and every student got the answer key."""
    (tmp_path / "course" / "source" / "storm").mkdir(parents=True)
    (tmp_path / "course" / "nbgrader_config.py").write_text("c = get_config()\n", encoding="utf-8")
    key = tmp_path / "course" / "source" / "storm" / "storm.key.json"
    assert main(["draft-key", str(dev / f"{ARTICLE_ID}.md"), "--out", str(key)]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "keys must not go under a course's source/" in err and not key.exists()
    assert err.count("(") == 1, err  # one aside, not two in a row
    key.write_text(json.dumps(gold), encoding="utf-8")  # put there by hand
    args = ["new-exercise", str(dev / f"{ARTICLE_ID}.md"), str(key), "--kind", "unsupported", "--name", "ott"]
    assert main([*args, "--into", str(tmp_path / "course")]) == 2
    assert "keys must not go under a course's source/" in capsys.readouterr().err
    assert not (tmp_path / "course" / "source" / "ott").exists()


@pytest.mark.model
def test_new_exercise_refuses_an_unreviewed_draft_unless_allowed(draft, dev, tmp_path, capsys):
    key = tmp_path / "draft.json"
    key.write_text(json.dumps(draft.to_dict()), encoding="utf-8")
    args = ["new-exercise", str(dev / f"{ARTICLE_ID}.md"), str(key), "--kind", "attribution", "--into", str(tmp_path)]
    assert main(args) == 2
    err = capsys.readouterr().err
    assert "machine suggestions not yet reviewed (first: marks[0] (source " in err and err.count("\n") == 1
    assert main([*args, "--allow-unreviewed"]) == 0
    assert (tmp_path / f"{ARTICLE_ID}-attribution" / f"{ARTICLE_ID}-attribution.ipynb").is_file()


def _refusal(tmp_path, dev, key: dict, capsys, kind: str = "attribution") -> str:
    path = tmp_path / "key.json"
    path.write_text(json.dumps(key), encoding="utf-8")
    args = ["new-exercise", str(dev / f"{ARTICLE_ID}.md"), str(path), "--kind", kind, "--into", str(tmp_path)]
    assert main(args) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and err.startswith(f"medialit: {path}: ")
    assert not list(tmp_path.glob("*/*.ipynb"))
    return err


def test_a_key_with_a_wrong_offset_is_refused_clearly(gold, dev, tmp_path, capsys):
    key = json.loads(json.dumps(gold))
    key["attributions"][0]["source_start"] += 3
    err = _refusal(tmp_path, dev, key, capsys)
    assert "marks[0].text: 'Environment Canada spokesperson Julie Hahn' is not the text at its offsets" in err


def test_a_key_for_another_version_of_the_text_or_without_its_hash_is_refused(gold, dev, tmp_path, capsys):
    key = json.loads(json.dumps(gold)) | {"body_sha256": "0" * 64}
    assert "the key was made on another version of" in _refusal(tmp_path, dev, key, capsys)
    del key["body_sha256"]
    assert "body_sha256 is missing" in _refusal(tmp_path, dev, key, capsys)


def test_a_key_with_an_offset_outside_the_text_is_refused(gold, dev, tmp_path, capsys):
    key = json.loads(json.dumps(gold))
    key["attributions"][2]["cue_end"] = 10**6
    assert re.search(r"marks\[2\]: \[\d+, 1000000\) is outside the text", _refusal(tmp_path, dev, key, capsys))


def test_a_gold_file_with_an_unknown_label_or_kind_is_refused(gold, dev, tmp_path, capsys):
    key = json.loads(json.dumps(gold))
    key["sentences"][3]["label"] = "opinion"
    err = _refusal(tmp_path, dev, key, capsys)
    assert "sentences[3]: label 'opinion' is not one of attributed, unsupported, other" in err
    key = json.loads(json.dumps(gold))
    key["attributions"][1]["kind"] = "quoted"
    err = _refusal(tmp_path, dev, key, capsys)
    assert "attributions[1]: kind 'quoted' is not one of direct, indirect, mixed, according_to" in err


def test_a_key_whose_label_carries_a_name_or_whose_status_is_unknown_is_refused(gold, dev, tmp_path, capsys):
    key = Key.from_dict(gold).to_dict()
    key["marks"][0]["label"] = "Julie Hahn"  # a speaker goes in "speaker", never in the label
    assert "marks[0].label: 'Julie Hahn' does not match" in _refusal(tmp_path, dev, key, capsys)
    key = Key.from_dict(gold).to_dict()
    key["marks"][1]["status"] = "maybe"
    assert "marks[1].status: 'maybe' is not one of" in _refusal(tmp_path, dev, key, capsys)


def test_a_framing_exercise_needs_framing_items_in_the_key(gold, dev, tmp_path, capsys):
    path = tmp_path / "gold.json"
    path.write_text(json.dumps(gold), encoding="utf-8")
    args = ["new-exercise", str(dev / f"{ARTICLE_ID}.md"), str(path), "--kind", "framing", "--into", str(tmp_path)]
    assert main(args) == 2
    assert "the key has nothing for framing question q1" in capsys.readouterr().err
    assert [p.name for p in tmp_path.iterdir()] == ["gold.json"]  # nothing half-written


def test_question_marks_follow_the_built_in_items(gold, article):
    key = Key.from_dict(gold)
    marks = question_marks("attribution", key)
    places = [(m.span.start, m.span.end, m.label) for m in marks["q1"]]
    assert len(places) == len(set(places)) and {m.label for m in marks["q1"]} == {"source", "cue"}
    speakers = [m.speaker for m in marks["q2"] if article.body[m.span.start : m.span.end].endswith("Julie Hahn")]
    assert speakers == ["Julie Hahn"]
    unsupported = question_marks("unsupported", key)["q1"]
    assert [m.labels() for m in unsupported] == [frozenset(REASONS)] * 2  # gold gives no reasons: any is right
    hedged = Key.from_dict({"article": "x", "sentences": [{"start": 0, "end": 5, "label": "unsupported",
                                                            "reasons": ["hedge: could"]}]})  # fmt: skip
    assert [(m.label, m.accept) for m in question_marks("unsupported", hedged)["q1"]] == [("hedge", ())]


def test_rejected_marks_and_review_fields_never_reach_an_exercise(gold):
    key = Key.from_dict(gold)
    key = decide(decide(key, 0, "rejected"), 1, "accepted")
    q2 = question_marks("attribution", key)["q2"]
    assert (key.marks[0].span.start, key.marks[0].span.end) not in {(m.span.start, m.span.end) for m in q2}
    assert key.marks[1].status == "accepted" and all(not m.status and not m.rule for m in q2)


@pytest.mark.parametrize(
    ("words", "limit", "cut"),
    [
        ("short-title", 52, "short-title"),
        ("a-very-long-title-about-the-harbour-storm", 20, "a-very-long-title"),
        ("a-very-long-title-about", 17, "a-very-long-title"),  # the boundary falls just after a word
        ("a-very-long-title-about", 18, "a-very-long-title"),  # never a trailing dash
        ("supercalifragilistic-word", 10, "supercalif"),  # one word longer than the limit
    ],
)
def test_ids_are_cut_at_a_word(words, limit, cut):
    assert cut_at_word(words, limit) == cut


def test_a_name_from_a_long_title_keeps_every_cell_id_valid():
    article_id = "the-regional-council-votes-again-on-the-harbour-ferry-terminal-after-months-of-delay"
    name = assignment_name(cut_at_word(article_id, 60), "attribution")
    assert name == "the-regional-council-votes-again-attribution" and len(name) <= NAME_LIMIT  # not "-on-the-"
    assert assignment_name("storm-on-the", "framing") == "storm-on-the-framing"  # a whole id keeps its words
    assert len(f"{name}-q1-question") <= 64 and name_problem(name) == ""
    assert "at most 52" in name_problem("x" * 53) and "letters, digits" in name_problem("my exercise")


def test_the_whole_article_is_the_part(article):
    first, last = whole_part(article.body)
    start = article.body.index(first)
    assert start == 0 and article.body.index(last, start) + len(last) == len(article.body.rstrip())


def test_the_generated_notebook_holds_the_key_only_in_hidden_tests(gold, dev, tmp_path):
    path = tmp_path / "gold.json"
    path.write_text(json.dumps(gold), encoding="utf-8")
    args = ["new-exercise", str(dev / f"{ARTICLE_ID}.md"), str(path), "--kind", "unsupported", "--into", str(tmp_path)]
    assert main([*args, "--name", "ott"]) == 0
    nb = nbformat.read(tmp_path / "ott" / "ott.ipynb", as_version=4)
    ids = [c.metadata.get("nbgrader", {}).get("grade_id") for c in nb.cells]
    assert ids == [None, "setup", "ott-q1-question", "ott-q1-show", "ott-q1-answer", "ott-q1-test"]
    test = nb.cells[-1]
    assert (
        test.metadata.nbgrader["points"] == 3
        and "### BEGIN HIDDEN TESTS\nKEY = {'format': 'medialit-key'" in test.source
    )
    assert "'start': 528," in test.source
    assert "'status'" not in test.source and "'rule'" not in test.source  # review fields stay in the draft
    assert {p.name for p in (tmp_path / "ott").iterdir()} == {"medialit-items.json", f"{ARTICLE_ID}.md", "ott.ipynb"}


def test_a_mistyped_or_file_into_is_refused_in_one_line_and_nothing_is_made(gold, dev, tmp_path, capsys):
    """A typo in the course path once made a new folder there, and nbgrader in the course never saw the exercise."""
    (tmp_path / "mycourse" / "source").mkdir(parents=True)
    path = tmp_path / "gold.json"
    path.write_text(json.dumps(gold), encoding="utf-8")
    args = ["new-exercise", str(dev / f"{ARTICLE_ID}.md"), str(path), "--kind", "unsupported", "--name", "ott"]
    for into, said in [(tmp_path / "mycourze", "does not exist"), (path, "is not a folder")]:
        assert main([*args, "--into", str(into)]) == 2
        err = capsys.readouterr().err
        assert err.startswith(f"medialit: --into {into}: {said}; give your course directory") and err.count("\n") == 1
    assert not (tmp_path / "mycourze").exists()


def test_into_a_course_directory_goes_to_its_source_folder(gold, dev, tmp_path, capsys):
    from medialit.instructor.course import CONFIG

    (tmp_path / "course" / "source").mkdir(parents=True)
    path = tmp_path / "gold.json"
    path.write_text(json.dumps(gold), encoding="utf-8")
    args = ["new-exercise", str(dev / f"{ARTICLE_ID}.md"), str(path), "--kind", "attribution"]
    config = CONFIG.format(course_id="medialit", timeout=30, exclude={}, show_hidden=False)
    (tmp_path / "course" / "nbgrader_config.py").write_text(config, encoding="utf-8")
    assert main([*args, "--into", str(tmp_path / "course"), "--name", "ott"]) == 0
    assert (tmp_path / "course" / "source" / "ott" / "ott.ipynb").is_file()
    assert main([*args, "--into", str(tmp_path / "course"), "--name", "ott"]) == 2  # no silent overwrite
    assert "pass --force" in capsys.readouterr().err
    assert main([*args, "--into", str(tmp_path / "course"), "--name", "my exercise"]) == 2
    assert "letters, digits" in capsys.readouterr().err
    assert main([*args, "--into", str(tmp_path / "course"), "--name", "x" * 53]) == 2
    err = capsys.readouterr().err
    assert "at most 52" in err and err.count("\n") == 1  # not nbformat's traceback about 64-character ids


def test_a_course_without_the_saved_highlights_rule_is_refused_in_one_line_and_nothing_is_written(
    gold, dev, tmp_path, capsys
):
    """instr20: in a course directory with no nbgrader_config.py (or nbgrader's own, without medialit's lines),
    new-exercise wrote the exercise and silently skipped the rule that keeps students' saved highlights out of the
    release and in their hand-ins: marks saved beside the source notebook would reach every student."""
    course = tmp_path / "course"
    (course / "source").mkdir(parents=True)
    path = tmp_path / "gold.json"
    path.write_text(json.dumps(gold), encoding="utf-8")
    args = ["new-exercise", str(dev / f"{ARTICLE_ID}.md"), str(path), "--kind", "attribution", "--name", "ott"]
    for config, said in (
        (None, f"medialit: {course.resolve()} has source/ but no nbgrader_config.py, so nothing would apply the rule"),
        (
            "c = get_config()\nc.CourseDirectory.course_id = 'x'\n",
            f"medialit: {course.resolve()}/nbgrader_config.py lacks",
        ),
        (  # medialit's own lines, saved in Latin-1 by an editor: once a traceback from the line new-exercise adds
            "# \xe9t\xe9\nc = get_config()\nKeepMarksOut\nc.Autograde.exclude_overwriting = {}\n",
            f"medialit: {course.resolve()}/nbgrader_config.py is not UTF-8 text",
        ),
    ):
        if config:
            (course / "nbgrader_config.py").write_bytes(config.encode("latin-1"))
        assert main([*args, "--into", str(course)]) == 2
        (line,) = capsys.readouterr().err.strip().splitlines()
        assert line.startswith(said) and "medialit course init NEW" in line, line
        assert "*.highlights.json" in line or "not UTF-8" in said, line
        assert line.endswith("then run this again (nothing was written)")
        assert list((course / "source").iterdir()) == []


def test_outside_a_course_the_exercise_is_written_with_how_its_highlights_rule_comes(gold, dev, tmp_path, capsys):
    path = tmp_path / "gold.json"
    path.write_text(json.dumps(gold), encoding="utf-8")
    (tmp_path / "staging").mkdir()
    args = ["new-exercise", str(dev / f"{ARTICLE_ID}.md"), str(path), "--kind", "attribution", "--name", "ott"]
    assert main([*args, "--into", str(tmp_path / "staging")]) == 0
    (line,) = capsys.readouterr().out.strip().splitlines()
    assert line.startswith(f"wrote {tmp_path / 'staging' / 'ott' / 'ott.ipynb'}; it is in no course yet: add it with ")
    assert f"`medialit course init NEW --solutions {tmp_path / 'staging'}`" in line and "--into COURSE" in line


def test_in_a_medialit_course_the_new_sidecars_are_never_overwritten(gold, dev, tmp_path, repo_dir):
    from traitlets.config import Config

    from medialit.instructor import course

    course.init(tmp_path / "course", repo_dir / "solutions")
    path = tmp_path / "gold.json"
    path.write_text(json.dumps(gold), encoding="utf-8")
    args = ["new-exercise", str(dev / f"{ARTICLE_ID}.md"), str(path), "--kind", "attribution"]
    for _ in range(2):  # a second run (--force) adds nothing twice
        assert main([*args, "--into", str(tmp_path / "course"), "--name", "ott", "--force"]) == 0
    text = (tmp_path / "course" / "nbgrader_config.py").read_text(encoding="utf-8")
    assert text.count("exclude_overwriting['ott']") == 1
    config = Config()
    config_file = str(tmp_path / "course" / "nbgrader_config.py")  # traitlets gives a config file its __file__
    exec(compile(text, config_file, "exec"), {"get_config": lambda: config, "__file__": config_file})
    excluded = config.Autograde.exclude_overwriting
    assert excluded["ott"] == ["ott-q1.highlights.json", "ott-q2.highlights.json"]
    assert excluded["ex01-attribution"]  # the built-in exercises keep theirs


def _mark_of(key: dict, label: str) -> int:
    return next(i for i, m in enumerate(key["marks"]) if m["label"] == label)


@pytest.mark.parametrize("kind", ["attribution", "unsupported"])
def test_a_mark_with_a_label_no_question_uses_is_refused_not_left_out(gold, dev, tmp_path, capsys, kind):
    key = Key.from_dict(gold).to_dict()
    i = _mark_of(key, "source")
    key["marks"][i]["label"] = "hearsay"  # a typo: it would silently drop out of every question
    err = _refusal(tmp_path, dev, key, capsys, kind)
    assert f"marks[{i}].label: 'hearsay' is not one of ['source', 'cue', 'no_source'" in err


def test_a_source_without_a_speaker_is_refused_for_an_attribution_exercise(gold, dev, tmp_path, capsys):
    key = Key.from_dict(gold).to_dict()
    i = _mark_of(key, "source")
    del key["marks"][i]["speaker"]  # q2 would leave it out: a student naming its speaker would lose points
    assert f"marks[{i}] (source {key['marks'][i]['text'][:40]!r}) has no speaker" in _refusal(
        tmp_path, dev, key, capsys
    )


def test_two_key_marks_on_one_place_are_refused(gold, dev, tmp_path, capsys):
    key = Key.from_dict(gold).to_dict()
    i = _mark_of(key, "source")
    first = key["marks"][i]
    shorter = {k: first[k] for k in ("start", "label", "speaker")} | {"end": first["end"] - 2}
    shorter["text"] = load_article(dev / f"{ARTICLE_ID}.md").body[shorter["start"] : shorter["end"]]
    key["marks"].append(shorter)  # one answer mark matches one key mark: full points would be out of reach
    err = _refusal(tmp_path, dev, key, capsys)
    assert f"marks[{i}] and marks[{len(key['marks']) - 1}] overlap" in err and "merge them" in err
    key["marks"][-1]["optional"] = True  # an optional shorter reading, as ex01-q3's 'The Globe and Mail': fine
    path = tmp_path / "key.json"
    path.write_text(json.dumps(key), encoding="utf-8")
    args = ["new-exercise", str(dev / f"{ARTICLE_ID}.md"), str(path), "--kind", "attribution", "--into", str(tmp_path)]
    assert main(args) == 0


def test_optional_marks_aliases_and_rationales_reach_the_questions(gold):
    key = Key.from_dict(gold).to_dict()
    i = _mark_of(key, "source")
    key["marks"][i] |= {"optional": True, "rationale": "K11.", "aliases": ["Someone Else"]}
    marks = question_marks("attribution", Key.from_dict(key))
    start, end = key["marks"][i]["start"], key["marks"][i]["end"]
    q1 = [m for m in marks["q1"] if (m.span.start, m.span.end) == (start, end)]
    q2 = [m for m in marks["q2"] if (m.span.start, m.span.end) == (start, end)]
    assert [(m.optional, m.rationale) for m in q1] == [(True, "K11.")]  # was required, with no rationale
    assert [(m.optional, m.aliases) for m in q2] == [(True, ("Someone Else",))]


def test_an_accepted_reading_with_a_label_its_question_drops_is_refused(gold, dev, tmp_path, capsys):
    """verify15b: a source's `accept` reading labelled 'cue' (or 'verb') was written without a word and dropped
    from q1: the instructor believed a reading was accepted that no answer could ever match."""
    key = Key.from_dict(gold).to_dict()
    i = _mark_of(key, "source")
    mark = key["marks"][i]
    mark["accept"] = [{"start": mark["start"], "end": mark["end"], "label": "cue"}]
    err = _refusal(tmp_path, dev, key, capsys)
    assert f"marks[{i}].accept[0].label: 'cue' is not one of ['source']" in err


def test_a_question_whose_marks_are_all_optional_is_refused(gold, dev, tmp_path, capsys):
    """verify15b: with every mark optional an empty list (`answer_q1 = []`) earned 3 of 3 and 2 of 2 ('0 of 0
    found'), while an answer marking an optional place earned 0."""
    key = Key.from_dict(gold).to_dict()
    for mark in key["marks"]:
        mark["optional"] = True
    path = tmp_path / "key.json"
    path.write_text(json.dumps(key), encoding="utf-8")
    args = ["new-exercise", str(dev / f"{ARTICLE_ID}.md"), str(path), "--kind", "attribution", "--into", str(tmp_path)]
    assert main(args) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "every mark of attribution question q1 is optional, so an empty list" in err
    assert [p.name for p in tmp_path.iterdir()] == ["key.json"]  # nothing half-written


def test_new_exercise_says_when_the_article_lost_its_line_endings_since_the_key(tmp_path, capsys):
    """instructor16: a CRLF article opened and saved by an editor that writes LF: new-exercise said 'fix the key
    in the review widget or by hand', while the key was right and the article had changed."""
    from medialit.core.spans import body_sha256

    body = "Ferry fares rise\r\n\r\nThe mayor said fares would rise.\r\n"
    head = '---\nid: "fares"\ntitle: "Ferry fares rise"\noutlet: "T"\nurl: "u"\ndate: "2026"\nlanguage: "en"\n'
    article = tmp_path / "fares.md"
    article.write_bytes(f'{head}license: "CC0"\n---\n{body}'.encode())
    start = body.index("The mayor")
    mark = {"start": start, "end": start + 9, "label": "source", "text": "The mayor", "speaker": "the mayor"}
    key = {"format": "medialit-key", "version": 2, "item": "fares", "body_sha256": body_sha256(body), "marks": [mark]}
    (tmp_path / "fares.key.json").write_text(json.dumps(key), encoding="utf-8")
    args = ["new-exercise", str(article), str(tmp_path / "fares.key.json"), "--kind", "attribution"]
    (tmp_path / "ok").mkdir()
    assert main([*args, "--into", str(tmp_path / "ok")]) == 0
    capsys.readouterr()
    article.write_bytes(article.read_bytes().replace(b"\r\n", b"\n"))  # an editor's save
    (tmp_path / "lf").mkdir()
    assert main([*args, "--into", str(tmp_path / "lf")]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "line endings" in err and "fix the key" not in err, err
    assert not any((tmp_path / "lf").iterdir())


def test_a_key_given_with_another_article_says_so_not_that_the_text_changed(tmp_path, capsys):
    """instr18: a key passed with the wrong one of two articles was refused as made on 'another version of
    page.md (the text changed since)', sending the instructor to restore a file nobody had changed."""

    def article(name: str, ident: str, body: str) -> Path:
        path = tmp_path / name
        front = f'id: "{ident}"\ntitle: "Bridge"\noutlet: "Post"\nurl: "https://p.example/{ident}"\n'
        front += 'date: "2026-11-23"\nlanguage: "en"\nlicense: "test"\n'
        path.write_text(f"---\n{front}---\n{body}", encoding="utf-8")
        return path

    body = "Bridge to close\n\nThe bridge will close, critics say.\n"
    article("bridge.md", "bridge", body)
    other = article("bridge-short.md", "bridge-short", "Bridge to close\n\nThe bridge will close.\n")
    words = "The bridge will close, critics say."
    start = body.index(words)
    key = {
        "format": "medialit-key",
        "version": 2,
        "item": "bridge",
        "article": "bridge",
        "body_sha256": hashlib.sha256(body.encode()).hexdigest(),
        "marks": [{"start": start, "end": start + len(words), "label": "vague_source", "text": words}],
    }
    path = tmp_path / "bridge.key.json"
    path.write_text(json.dumps(key), encoding="utf-8")
    assert main(["new-exercise", str(other), str(path), "--kind", "unsupported", "--into", str(tmp_path)]) == 2
    err = capsys.readouterr().err
    assert err == (
        f"medialit: {path}: the key is for the article 'bridge', not {other} (id 'bridge-short'): give the "
        "article the key was drafted on, or draft a key for this one with `medialit draft-key`\n"
    )
    assert not list(tmp_path.glob("*/*.ipynb"))


def test_a_key_that_asks_for_more_marks_than_an_answer_may_hold_is_refused(tmp_path, capsys):
    """instr20: a reviewed key over a long paragraph (a draft of 260 sources, accepted) made an attribution
    exercise whose q1 wants 520 marks; an answer holds at most 300, so the model answer itself failed in the
    kernel and scored 0 in `course grade`. new-exercise now refuses it in one line and writes nothing."""
    from medialit.core.spans import body_sha256
    from medialit.exercises.answer import MAX_MARKS

    sentences = [f"Prices rose {n} percent in the harbour district." for n in range(MAX_MARKS + 1)]
    body = "Prices rise again\r\n\r\n" + " ".join(sentences) + "\r\n"
    meta = "id: prices\ntitle: Prices rise again\noutlet: Bugle\nurl: https://bugle.example/p\ndate: 2026-11-20\n"
    article = tmp_path / "prices.md"
    article.write_bytes(f"---\n{meta}language: en\nlicense: CC BY 4.0\n---\n{body}".encode())
    marks = []
    for sentence in sentences:
        start = body.index(sentence)
        marks.append({"start": start, "end": start + len(sentence), "label": "no_source", "text": sentence})
    key = tmp_path / "prices.key.json"
    key.write_text(
        json.dumps({"format": "medialit-key", "version": 2, "item": "prices", "article": "prices",
                    "body_sha256": body_sha256(body), "marks": marks}),
        encoding="utf-8",
    )  # fmt: skip
    args = ["new-exercise", str(article), str(key), "--kind", "unsupported", "--into", str(tmp_path / "out")]
    (tmp_path / "out").mkdir()
    assert main(args) == 2
    (line,) = capsys.readouterr().err.strip().splitlines()
    assert line.startswith(f"medialit: {key}: question q1 asks for {MAX_MARKS + 1} marks, more than an answer may ")
    assert list((tmp_path / "out").iterdir()) == []
    marks.pop()
    key.write_text(
        json.dumps({"format": "medialit-key", "version": 2, "item": "prices", "article": "prices",
                    "body_sha256": body_sha256(body), "marks": marks}),
        encoding="utf-8",
    )  # fmt: skip
    assert main(args) == 0  # 300 marks: every one can be given


def test_draft_key_lists_the_speakers_it_guessed_for_review(repo_dir, tmp_path, capsys):
    """instr24: the draft of course/corpus/florida-highway-pileup-fire (a tuning article) gave 'Florida Highway
    Patrol described' the speaker 'Patrol' (the analyzer took the last proper noun for a person's surname), and
    draft-key said only '19 suggestions to review': nothing pointed at the speakers worth a second look."""
    article = repo_dir / "course" / "corpus" / "florida-highway-pileup-fire.md"
    assert main(["draft-key", str(article), "--out", str(tmp_path / "fl.key.json")]) == 0
    said = capsys.readouterr().out
    assert "every mark is the analyzer's guess" in said, said
    lines = said.splitlines()
    # round 27b: the speaker is now the patrol's whole name, its words, so no line asks about it
    assert not any("for 'Florida Highway Patrol'" in line for line in lines), said
    assert "  speaker 'Troy Roberts' for 'Roberts' (marks[10]): the fuller name of an earlier mention" in lines, said
    assert "  speaker 'Troy Roberts' for 'He' (marks[9]): pronoun 'He' -> Troy Roberts" in lines, said
    assert not any("'officials' for 'officials'" in line for line in lines)  # a speaker that is its words: no line


@pytest.mark.model
def test_draft_key_asks_about_a_speaker_that_is_one_word_of_a_longer_name(tmp_path, capsys):
    """ "Mayor Street": a title and a surname that is also a word; the line asks whether the one word is a surname."""
    article = tmp_path / "bridge-street.md"
    body = "The bridge will close in May, Mayor Street said.\n"
    article.write_text(f"---\ntitle: Bridge\nid: bridge-street\n---\n\n{body}")
    assert main(["draft-key", str(article), "--out", str(tmp_path / "bridge-street.key.json")]) == 0
    line = "  speaker 'Street' for 'Mayor Street' (marks[0]): one word of a longer name: a surname, or part of an"
    assert f"{line} organisation's name?" in capsys.readouterr().out.splitlines()
