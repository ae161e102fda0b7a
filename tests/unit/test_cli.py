"""The `medialit` command: every command has help and is documented; analyze and evaluate run for real.

Commands run in-process through ``main(argv)`` (exit status returned, output
read with capsys); two tests run the installed console command end to end, so
the entry point, the process exit status and the streams are covered too.
"""

from __future__ import annotations

import argparse
import json
import re
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from medialit.cli import build_parser, main
from medialit.core.article import load_article

README = Path(__file__).resolve().parents[2] / "README.md"


def command_paths(parser: argparse.ArgumentParser, prefix: tuple[str, ...] = ()) -> Iterator[tuple[str, ...]]:
    """Every registered command, nested groups included (("analyze",), ("course", "init"), ...)."""
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for name, sub in action.choices.items():
                yield (*prefix, name)
                yield from command_paths(sub, (*prefix, name))


COMMANDS = sorted(command_paths(build_parser()[0]))


def run(command: list[str], *args: str) -> subprocess.CompletedProcess:
    return subprocess.run([*command, *args], capture_output=True, text=True, timeout=300, stdin=subprocess.DEVNULL)


def test_issue_two_commands_are_registered():
    assert {("analyze",), ("evaluate",), ("doctor",)} <= set(COMMANDS)


@pytest.mark.parametrize("path", COMMANDS, ids=" ".join)
def test_every_command_has_help(path, capsys):
    with pytest.raises(SystemExit) as exit_:
        main([*path, "--help"])
    assert exit_.value.code == 0
    out = capsys.readouterr().out
    assert out.startswith(f"usage: medialit {' '.join(path)}")
    assert len(out.splitlines()) >= 3


@pytest.mark.parametrize("path", COMMANDS, ids=" ".join)
def test_every_command_is_documented_in_readme(path):
    readme = README.read_text(encoding="utf-8")
    head, *rest = path
    pattern = rf"`medialit {re.escape(head)}\b" + "".join(rf"[^\n`]*\b{re.escape(word)}\b" for word in rest)
    assert re.search(pattern, readme), f"README.md does not document `medialit {' '.join(path)}`"


def test_console_command_and_module_agree(medialit_command):
    by_command = run(medialit_command, "--version")
    by_module = run([sys.executable, "-m", "medialit"], "--version")
    assert by_command.returncode == by_module.returncode == 0
    assert by_command.stdout == by_module.stdout == "medialit 0.1.0\n"


def test_user_errors_become_one_line_in_process(tmp_path, capsys):
    assert main(["analyze", str(tmp_path / "missing.txt")]) == 2
    captured = capsys.readouterr()
    assert captured.err == f"medialit: {tmp_path / 'missing.txt'}: no such file; check the path\n"
    assert captured.out == ""


@pytest.mark.model
def test_analyze_json_matches_the_article_through_the_console_command(medialit_command):
    done = run(medialit_command, "analyze", "stoere-putin-call", "--json")
    assert done.returncode == 0, done.stderr
    result = json.loads(done.stdout)
    article = load_article("stoere-putin-call")
    assert result["body_sha256"] == article.sha256
    assert [(s["start"], s["end"]) for s in result["sentences"]] == article.sentences
    assert result["attributions"], "the example article has attributions"
    for item in result["attributions"]:
        assert article.body[item["cue_start"] : item["cue_end"]] == item["cue"]
        assert article.body[item["source_start"] : item["source_end"]] == item["source_text"]


@pytest.mark.model
def test_analyze_table_for_a_plain_text_file(tmp_path, capsys):
    story = tmp_path / "story.txt"
    story.write_text('Bridge to be rebuilt\n"We will rebuild the bridge," said Mayor Ann Lee.\n', encoding="utf-8")
    assert main(["analyze", str(story)]) == 0
    out, err = capsys.readouterr()
    assert "Ann Lee" in out and "said" in out
    assert err == ""


@pytest.mark.model
def test_evaluate_the_dev_corpus(shared_dir, capsys):
    assert main(["evaluate", str(shared_dir / "corpus" / "dev"), "--json"]) == 0
    assert json.loads(capsys.readouterr().out)
    assert main(["evaluate", str(shared_dir / "corpus" / "dev")]) == 0
    assert capsys.readouterr().out.strip()


def test_the_grading_summary_says_one_point_in_the_singular():
    """verify17a: `course grade` printed 'bob: 1 points' (and '1 points' to grade by hand)."""
    from medialit.cli.course import summary
    from medialit.instructor.batch import Outcome

    assert summary(Outcome("bob", True, {"q1": 1.0})) == "bob: 1 point"
    assert summary(Outcome("ann", True, {"q1": 1.0, "q2": 0.5})) == "ann: 1.5 points"
    assert summary(Outcome("cy", True, {"q1": 0.0}, by_hand={"q3": 1.0})) == "cy: 0 points + 1 to grade by hand (q3)"
    assert summary(Outcome("di", True, {"q1": 2.0}, late_penalty=1.0)).startswith("di: 1 point; score lowered: ")
    assert summary(Outcome("ed", True, {"q1": 0.25, "q2": 1.75})) == "ed: 2 points"


@pytest.mark.parametrize("command", ["grade", "report"])
def test_a_course_that_lost_its_nbgrader_config_is_told_how_to_get_it_back(tmp_path, capsys, command):
    """instr19: a course directory whose nbgrader_config.py was deleted or renamed was told it "is not a course
    directory" and to run where `medialit course init` made one, which is where it ran; now it is named a course
    without its config, with the way back, and nothing is written (nbgrader would make an empty gradebook)."""
    (tmp_path / "source" / "ex01-attribution").mkdir(parents=True)
    assert main(["course", command, "ex01-attribution", "--course", str(tmp_path)]) == 2
    (line,) = capsys.readouterr().err.strip().splitlines()
    assert line == (
        f"medialit: {tmp_path.resolve()} has source/ but no nbgrader_config.py: restore it from your backup, or copy "
        "the one `medialit course init NEW` writes (run `medialit new-exercise --force` again for each exercise of "
        "your own: it adds its line)"
    )
    assert sorted(p.name for p in tmp_path.iterdir()) == ["source"]
