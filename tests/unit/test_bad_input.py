"""Bad input: one line on stderr naming the file, exit 2, no traceback.

The commands run in-process through ``main(argv)``; one case runs the real
console command, to show the process itself prints one line and no traceback.
"""

from __future__ import annotations

import subprocess
from pathlib import Path
from types import SimpleNamespace

import pytest

from medialit.cli import main


@pytest.fixture
def medialit(capsys):
    """``medialit(*args)`` runs one command in-process: its status, stdout and stderr."""

    def run(*args: str) -> SimpleNamespace:
        try:
            status = main(list(args))
        except SystemExit as exit_:  # argparse: usage errors
            status = exit_.code
        out, err = capsys.readouterr()
        return SimpleNamespace(returncode=status, stdout=out, stderr=err)

    return run


def make(tmp_path: Path, case: str) -> Path:
    """The file (or folder) for one kind of bad input."""
    if case == "missing":
        return tmp_path / "no-such-article.md"
    if case == "folder":
        (tmp_path / "a-folder").mkdir()
        return tmp_path / "a-folder"
    contents = {
        "empty": b"",
        "binary": bytes(range(256)) * 8,
        "non-utf8": "Overskrift\nStøre sa at det var «rolig».\n".encode("latin-1"),
        "no-front-matter": b"Just a headline\nAnd a body.\n",
        "unclosed-front-matter": b"---\nid: x\ntitle: y\n\nBody.\n",
        "broken-front-matter": b"---\nid: x\nthis line has no colon\n---\nBody.\n",
        "20MB": b"This is a sentence of a very long text. " * 500_000,
        "saved-web-page": b"<html><head><title>Bins</title></head><body><p>The city said so.</p></body></html>",
        "notebook": b'{"cells": [], "metadata": {}, "nbformat": 4, "nbformat_minor": 5}',
        "python": b'"""nbgrader settings for a medialit course."""\n\nc = get_config()\n',
    }[case]
    suffix = {"saved-web-page": ".html", "notebook": ".ipynb", "python": ".py"}.get(case, ".md")
    path = tmp_path / f"{case}{suffix}"
    path.write_bytes(contents)
    return path


CASES = {
    "missing": "no such file",
    "folder": "is a folder",
    "empty": "empty",
    "binary": "binary",
    "non-utf8": "not UTF-8",
    "no-front-matter": "no front matter",
    "unclosed-front-matter": "never closed",
    "broken-front-matter": "not 'key: value'",
    "20MB": "too large",
    "saved-web-page": "a saved web page, not article text; turn it into an article with: medialit new-article",
    "notebook": "a notebook, not an article",
    "python": "a Python file, not an article",  # `draft-key nbgrader_config.py` drafted a 38-mark key (instr22)
}


@pytest.mark.parametrize("case", CASES)
def test_analyze_bad_input_gives_one_line_and_status_2(medialit, tmp_path, case):
    path = make(tmp_path, case)
    done = medialit("analyze", str(path))
    assert done.returncode == 2, done.stderr
    assert "Traceback" not in done.stderr
    lines = done.stderr.splitlines()
    assert len(lines) == 1, done.stderr
    assert str(path) in lines[0]
    assert CASES[case] in lines[0]
    assert "; " in lines[0]  # what is wrong; what to do
    assert done.stdout == ""


def test_the_console_command_prints_one_line_for_bad_input(medialit_command, tmp_path):
    path = make(tmp_path, "binary")
    done = subprocess.run(
        [*medialit_command, "analyze", str(path)], capture_output=True, text=True, timeout=120, stdin=subprocess.DEVNULL
    )
    assert done.returncode == 2 and done.stdout == ""
    assert done.stderr.splitlines() == [done.stderr.rstrip("\n")] and str(path) in done.stderr
    assert "binary" in done.stderr and "Traceback" not in done.stderr


def test_evaluate_missing_folder_gives_one_line(medialit, tmp_path):
    missing = tmp_path / "nowhere"
    done = medialit("evaluate", str(missing))
    assert done.returncode == 2
    assert done.stderr.splitlines() == [
        f"medialit: {missing}: no such folder; give folders that hold ID.md and ID.gold.json pairs"
    ]


def test_evaluate_file_instead_of_folder(medialit, tmp_path):
    afile = make(tmp_path, "no-front-matter")
    done = medialit("evaluate", str(afile))
    assert done.returncode == 2
    assert "is a file" in done.stderr and "Traceback" not in done.stderr


@pytest.mark.parametrize(
    "args", [["frobnicate"], ["analyze"], ["analyze", "x.md", "--colour"], ["evaluate"], ["doctor", "extra"], []]
)
def test_unknown_command_or_option_is_one_line_with_status_2(medialit, args):
    done = medialit(*args)
    assert done.returncode == 2
    assert done.stderr.startswith("medialit") and done.stderr.count("\n") == 1
    assert "--help`" in done.stderr and "Traceback" not in done.stderr


@pytest.mark.parametrize(
    ("args", "line"),
    [
        (
            ["course", "grade", "ex01-attribution", "--jbos", "2"],
            "medialit course grade: unrecognized arguments: --jbos 2 (did you mean --jobs?); "
            "see `medialit course grade --help`",
        ),
        (
            ["new-exercise", "a.md", "k.json", "--kind", "unsuported"],
            "medialit new-exercise: argument --kind: invalid choice: 'unsuported' (choose from 'attribution', "
            "'unsupported', 'framing') (did you mean unsupported?); see `medialit new-exercise --help`",
        ),
        (
            ["course", "grade", "ex01-attribution", "--jobs", "0"],
            "medialit course grade: argument --jobs/-j: 0 is less than 1; see `medialit course grade --help`",
        ),
        (
            ["course", "init", "x", "--timeout", "ten"],
            "medialit course init: argument --timeout: 'ten' is not a whole number; see `medialit course init --help`",
        ),
        (
            ["course", "grde", "ex01-attribution"],
            "medialit course: argument ACTION: invalid choice: 'grde' (choose from 'init', 'grade', 'report') "
            "(did you mean grade?); see `medialit course --help`",
        ),
    ],
)
def test_a_typo_in_a_command_or_option_names_the_nearest_one(medialit, args, line):
    done = medialit(*args)
    assert (done.returncode, done.stderr) == (2, line + "\n")


def test_evaluate_folder_without_gold_pairs(medialit, tmp_path):
    (tmp_path / "story.md").write_text("---\nid: story\n---\nBody.\n", encoding="utf-8")
    done = medialit("evaluate", str(tmp_path))
    assert done.returncode == 2
    (line,) = done.stderr.splitlines()
    assert str(tmp_path) in line and "no ID.md + ID.gold.json pairs" in line


def test_evaluate_broken_gold_file(medialit, tmp_path, shared_dir):
    (tmp_path / "stoere-putin-call.md").write_bytes((shared_dir / "corpus/dev/stoere-putin-call.md").read_bytes())
    gold = tmp_path / "stoere-putin-call.gold.json"
    gold.write_text('{"article": 1', encoding="utf-8")
    done = medialit("evaluate", str(tmp_path))
    assert done.returncode == 2
    (line,) = done.stderr.splitlines()
    assert str(gold) in line and "not valid JSON at line 1, column 14" in line


@pytest.mark.model
def test_analyze_with_a_model_that_is_not_installed(medialit, monkeypatch):
    monkeypatch.setenv("MEDIALIT_SPACY_MODEL", "no_such_model_xx")
    done = medialit("analyze", "stoere-putin-call")
    assert done.returncode == 2
    (line,) = done.stderr.splitlines()
    assert "no_such_model_xx" in line and "medialit doctor" in line


def test_an_assignment_the_course_does_not_have_is_named_with_the_ones_it_has(medialit, tmp_path):
    """instr18: `course grade ex09` said to run `nbgrader generate_assignment ex09`, which finds nothing."""
    course = tmp_path / "course"
    for name in ("ex01-attribution", "ex02-unsupported"):
        (course / "source" / name).mkdir(parents=True)
    (course / "nbgrader_config.py").write_text("c = get_config()\n", encoding="utf-8")
    for action in ("grade", "report"):
        done = medialit("course", action, "ex09", "--course", str(course))
        assert done.returncode == 2, done.stderr
        assert done.stderr == (
            f"medialit: ex09 is not an assignment of {course.resolve()} (no source/ex09): its assignments are "
            "ex01-attribution, ex02-unsupported (`medialit new-exercise ... --into` adds one)\n"
        )
    # an assignment in source/ that is not generated yet still gets the command that generates it
    done = medialit("course", "grade", "ex02-unsupported", "--course", str(course))
    assert "run `nbgrader generate_assignment ex02-unsupported`" in done.stderr


@pytest.mark.parametrize("url", ["https://example.com/news/ferry-vote", "www.example.com/news", " http://x.example/a"])
def test_a_web_address_given_as_an_article_says_to_save_or_paste_the_text(url):
    """Lesson 7 asks for a file name; a learner bringing an article gives its address and read
    'https:/example.com/news/ferry-vote: no such file; check the path' (one slash lost, no way on)."""
    from medialit import ArticleError, load_article

    with pytest.raises(ArticleError) as error:
        load_article(url)
    said = str(error.value)
    assert said.startswith(url.strip() + ": a web address, not a file") and "paste the text" in said, said


def test_a_mistyped_bundled_article_id_gets_the_nearest_id():
    from medialit import ArticleError, load_article

    with pytest.raises(ArticleError, match=r"did you mean 'stoere-putin-call'\?"):
        load_article("stoere-putin-calll")


def test_a_file_name_not_found_says_where_it_was_looked_for_and_what_to_do(tmp_path, monkeypatch):
    """self25, lesson 7: a learner made my-article.txt with File > New > Text File while the file browser showed the
    kit's folder, not the lesson's, and read 'my-article.txt: no such file; check the path': nothing said a name is
    looked for in the lesson's folder. The line names that folder, and a file of that name one folder up or in a
    folder beside the lesson's, or one of a near name in it."""
    from medialit import ArticleError, load_article

    lesson = tmp_path / "kit" / "notebooks"
    lesson.mkdir(parents=True)
    monkeypatch.chdir(lesson)

    def said(name: str) -> str:
        with pytest.raises(ArticleError) as error:
            load_article(name)
        return str(error.value)

    assert said("my-article.txt") == (
        f"my-article.txt: no such file in {lesson} (a file name is looked for in the folder the notebook or command "
        "runs in); save the file in that folder, or write its path from there or in full"
    )
    (tmp_path / "kit" / "my-article.txt").write_text("Title\n\nBody.\n", encoding="utf-8")
    assert said("my-article.txt") == (
        f"my-article.txt: no such file in {lesson} (a file name is looked for in the folder the notebook or command "
        "runs in); there is one at ../my-article.txt: write that, or move the file into that folder"
    )
    (lesson / "My-Article.TXT").write_text("Title\n\nBody.\n", encoding="utf-8")
    assert said("my-article.txt").endswith("; did you mean 'My-Article.TXT'?")
    (lesson / "My-Article.TXT").unlink()
    (lesson / "my-article.txt.txt").write_text("Title\n\nBody.\n", encoding="utf-8")
    assert said("my-article.txt").endswith("; did you mean 'my-article.txt.txt'?")
    assert said(str(tmp_path / "gone.txt")) == f"{tmp_path / 'gone.txt'}: no such file; check the path"
