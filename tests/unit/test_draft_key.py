"""Draft keys from the analyzer, the checks every key passes, and new-exercise refusing bad or unreviewed keys."""

from __future__ import annotations

import json
import re

import nbformat
import pytest

from medialit.cli import main
from medialit.core.article import load_article
from medialit.instructor.draft_key import draft_key, key_problems, unreviewed
from medialit.instructor.new_exercise import key_rows, whole_part

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
def test_every_drafted_item_is_a_suggestion_with_its_rule(draft, article):
    assert draft["attributions"] and draft["sentences"]
    for section in ("attributions", "sentences", "framing"):
        assert all(e["status"] == "suggested" and "rule" in e for e in draft[section]), section
    assert any(a["rule"] for a in draft["attributions"])
    assert len(unreviewed(draft)) == sum(len(draft[s]) for s in ("attributions", "sentences", "framing"))
    assert key_problems(draft, article) == []  # a draft already passes the corpus checks
    assert "sources" not in draft


@pytest.mark.model
def test_draft_key_command_writes_the_key_and_keeps_keys_out_of_student_folders(dev, tmp_path, capsys, repo_dir):
    out = tmp_path / "ottawa.key.json"
    assert main(["draft-key", str(dev / f"{ARTICLE_ID}.md"), "--out", str(out)]) == 0
    key = json.loads(out.read_text(encoding="utf-8"))
    assert key["article"] == ARTICLE_ID and unreviewed(key)
    assert re.search(r"\d+ suggestions to review", capsys.readouterr().out)
    assert main(["draft-key", str(dev / f"{ARTICLE_ID}.md"), "--out", str(out)]) == 2  # no silent overwrite
    leak = repo_dir / "notebooks" / "ottawa.key.json"
    assert main(["draft-key", str(dev / f"{ARTICLE_ID}.md"), "--out", str(leak)]) == 2
    assert "keys must not go under notebooks/" in capsys.readouterr().err
    assert not leak.exists()


@pytest.mark.model
def test_new_exercise_refuses_an_unreviewed_draft_unless_allowed(draft, dev, tmp_path, capsys):
    key = tmp_path / "draft.json"
    key.write_text(json.dumps(draft), encoding="utf-8")
    args = ["new-exercise", str(dev / f"{ARTICLE_ID}.md"), str(key), "--kind", "attribution", "--into", str(tmp_path)]
    assert main(args) == 2
    err = capsys.readouterr().err
    assert "machine suggestions not yet reviewed (first: attributions 0)" in err and err.count("\n") == 1
    assert main([*args, "--allow-unreviewed"]) == 0
    assert (tmp_path / f"{ARTICLE_ID}-attribution" / f"{ARTICLE_ID}-attribution.ipynb").is_file()


def _refusal(tmp_path, dev, key: dict, capsys) -> str:
    path = tmp_path / "key.json"
    path.write_text(json.dumps(key), encoding="utf-8")
    args = ["new-exercise", str(dev / f"{ARTICLE_ID}.md"), str(path), "--kind", "attribution", "--into", str(tmp_path)]
    assert main(args) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and err.startswith(f"medialit: {path}: ")
    assert not list(tmp_path.glob("*/*.ipynb"))
    return err


def test_a_key_with_a_wrong_offset_is_refused_clearly(gold, dev, tmp_path, capsys):
    key = json.loads(json.dumps(gold))
    key["attributions"][0]["source_start"] += 3
    err = _refusal(tmp_path, dev, key, capsys)
    assert (
        "attribution 0 source_text: 'Environment Canada spokesperson Julie Hahn' is not the text at [1082, 1121)" in err
    )


def test_a_key_for_another_version_of_the_text_or_without_its_hash_is_refused(gold, dev, tmp_path, capsys):
    key = json.loads(json.dumps(gold)) | {"body_sha256": "0" * 64}
    assert "the key was made for another version" in _refusal(tmp_path, dev, key, capsys)
    del key["body_sha256"]
    assert "body_sha256 is missing" in _refusal(tmp_path, dev, key, capsys)


def test_a_key_with_an_offset_outside_the_text_is_refused(gold, dev, tmp_path, capsys):
    key = json.loads(json.dumps(gold))
    key["attributions"][2]["cue_end"] = 10**6
    assert "attribution 2 cue: [" in _refusal(tmp_path, dev, key, capsys)


def test_a_key_with_a_sentence_left_unlabelled_is_refused_clearly(gold, dev, tmp_path, capsys):
    key = json.loads(json.dumps(gold))
    del key["sentences"][5]
    err = _refusal(tmp_path, dev, key, capsys)
    assert "characters are in no labelled sentence" in err and "fix the key" in err


def test_a_key_with_an_unknown_label_or_kind_is_refused(gold, dev, tmp_path, capsys):
    key = json.loads(json.dumps(gold))
    key["sentences"][3]["label"] = "opinion"
    assert "label 'opinion' is not one of attributed, unsupported, other" in _refusal(tmp_path, dev, key, capsys)
    key = json.loads(json.dumps(gold))
    key["attributions"][1]["kind"] = "quoted"
    assert "kind 'quoted' is not one of direct, indirect, mixed, according_to" in _refusal(tmp_path, dev, key, capsys)


def test_a_framing_exercise_needs_framing_items_in_the_key(gold, dev, tmp_path, capsys):
    path = tmp_path / "gold.json"
    path.write_text(json.dumps(gold), encoding="utf-8")
    args = ["new-exercise", str(dev / f"{ARTICLE_ID}.md"), str(path), "--kind", "framing", "--into", str(tmp_path)]
    assert main(args) == 2
    assert "the key has nothing for framing question q1" in capsys.readouterr().err
    assert [p.name for p in tmp_path.iterdir()] == ["gold.json"]  # nothing half-written


def test_key_rows_follow_the_built_in_items(gold, article):
    rows = key_rows("attribution", gold)
    assert len(rows["q1"]) == len({(r[0], r[1], r[2]) for r in rows["q1"]})  # no duplicate marks
    assert {r[2] for r in rows["q1"]} == {"source", "cue"}
    assert [r[2] for r in rows["q2"] if article.body[r[0] : r[1]].endswith("Julie Hahn")] == ["Julie Hahn"]
    unsupported = key_rows("unsupported", gold)["q1"]
    assert [r[2] for r in unsupported] == ["no_source/vague_source/hedge/evaluation"] * 2  # gold gives no reasons
    hedged = key_rows("unsupported", {"sentences": [{"start": 0, "end": 5, "label": "unsupported",
                                                      "reasons": ["hedge: could"]}]})["q1"]  # fmt: skip
    assert hedged == [[0, 5, "hedge"]]


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
    assert {p.name for p in (tmp_path / "ott").iterdir()} == {"medialit-items.json", f"{ARTICLE_ID}.md", "ott.ipynb"}


def test_into_a_course_directory_goes_to_its_source_folder(gold, dev, tmp_path, capsys):
    (tmp_path / "course" / "source").mkdir(parents=True)
    path = tmp_path / "gold.json"
    path.write_text(json.dumps(gold), encoding="utf-8")
    args = ["new-exercise", str(dev / f"{ARTICLE_ID}.md"), str(path), "--kind", "attribution"]
    assert main([*args, "--into", str(tmp_path / "course"), "--name", "ott"]) == 0
    assert (tmp_path / "course" / "source" / "ott" / "ott.ipynb").is_file()
    assert main([*args, "--into", str(tmp_path / "course"), "--name", "ott"]) == 2  # no silent overwrite
    assert "pass --force" in capsys.readouterr().err
    assert main([*args, "--into", str(tmp_path / "course"), "--name", "my exercise"]) == 2
    assert "letters, digits" in capsys.readouterr().err


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
