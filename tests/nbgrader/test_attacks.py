"""No attack pays, one bad submission fails alone, and a student kernel cannot reach the grader's files.

The session course (``conftest.graded``) holds the submissions of
``attacks.py``; they were graded by ``medialit course grade`` with 2 jobs.
"""

from __future__ import annotations

import csv
import datetime
import json
import math
import os
import subprocess
import sys

import attacks
import nbformat
import pytest
from attacks import EX01, EX05, PROBE

from medialit.exercises import grading

pytestmark = [pytest.mark.nbgrader, pytest.mark.slow]

SCORER_FIXED = hasattr(grading, "grade_data")  # issue 10's scorer: clipping, longer-span overlap, duplicates once


def outcomes(graded, assignment: str = EX01) -> dict:
    return {o.student: o for o in graded.runs[assignment].outcomes}


def test_the_batch_completes_with_every_student_graded_or_failed_alone(graded):
    got = outcomes(graded)
    assert set(got) == set(graded.expected) | set(graded.limits)
    assert sorted(o.student for o in graded.runs[EX01].failed) == attacks.FAILS_ALONE
    assert set(outcomes(graded, PROBE)) == set(graded.expected_probe)


@pytest.mark.parametrize("student", sorted(attacks.MALFORMED))
def test_a_malformed_answer_scores_0_with_a_one_line_reason(graded, student):
    outcome = outcomes(graded)[f"malformed-{student}"]
    assert outcome.ok
    assert outcome.scores == pytest.approx(graded.expected[f"malformed-{student}"])
    assert set(outcome.failed_items) == {"ex01-q1-test", "ex01-q2-test"}
    for reason in outcome.failed_items.values():
        assert reason and "\n" not in reason and "Traceback" not in reason
    assert outcome.status.startswith("score lowered: ex01-q1-test: ")


@pytest.mark.xfail(not SCORER_FIXED, reason="needs the issue-10 scorer (clip to the part, longer span)", strict=True)
@pytest.mark.parametrize("student", ["giant-literal", "giant-sidecar"])
def test_giant_spans_score_at_most_ten_percent(graded, student):
    scores = outcomes(graded)[student].scores
    for grade_id, limit in graded.limits[student].items():
        assert scores[grade_id] <= limit + 1e-9, (grade_id, scores[grade_id])


@pytest.mark.parametrize(
    "student", ["key-thief", "patched-subprocess", "edited-and-deleted-test-cells", "os-exit", "infinite-loop"]
)
def test_code_in_an_answer_cell_never_runs_and_the_answer_gets_its_honest_score(graded, student):
    assert outcomes(graded)[student].scores == pytest.approx(graded.expected[student], abs=0.011)


@pytest.mark.parametrize("student", ["linked-files", "copied-cells", "edited-points", "fifo-in-exchange"])
def test_links_copied_cells_and_edited_points_get_the_honest_score_of_what_the_student_wrote(graded, student):
    assert outcomes(graded)[student].ok
    assert outcomes(graded)[student].scores == pytest.approx(graded.expected[student])


@pytest.mark.parametrize(
    "student", ["copy-at-end-same", "retyped-cells", "edited-locks", "same-cell-ids", "nbformat-4.4"]
)
def test_a_notebook_restructured_in_jupyterlab_is_graded_as_its_hidden_tests_saw_it(graded, student):
    assert outcomes(graded)[student].ok
    assert outcomes(graded)[student].scores == pytest.approx(graded.expected[student])
    assert not outcomes(graded)[student].failed_items


@pytest.mark.parametrize("student", ["copy-at-end", "copy-changed-below"])
def test_a_copy_of_the_answer_cell_below_its_test_is_named_not_graded_in_its_place(graded, student):
    """attack20: the released answer cell pasted at the end was graded instead of the list above it, and the
    line said the cell had no answer; then it scored 0 as a cell writing the answer again, and so did a changed copy
    there (attack22). It runs after the test, which never saw it: the list above is graded, as nbgrader grades it (and
    the student's Validate checks it), with a line in the feedback naming the later cell."""
    outcome = outcomes(graded)[student]
    assert outcome.ok and not outcome.failed_items
    assert outcome.scores == pytest.approx(graded.expected[student])
    nb = nbformat.read(graded.root / "autograded" / student / EX01 / f"{EX01}.ipynb", as_version=4)
    said = "".join(str(o.get("text", "")) for o in attacks.cell(nb, "ex01-q1-test").outputs)
    assert "ex01-q1: a cell below its test changes answer_q1 ('answer_q1 =' written again); the test ran" in said


def test_a_cell_edited_by_hand_fails_the_submission_alone_saying_which_cell(graded):
    outcome = outcomes(graded)["hand-edited-metadata"]
    assert not outcome.ok and outcome.scores == pytest.approx(graded.expected["hand-edited-metadata"])
    cells = len(nbformat.read(attacks.nb_path(graded.root / "release", EX01), as_version=4).cells)
    assert f"cell {cells}'s nbgrader metadata is not a mapping" in outcome.message, outcome.message


def test_a_speaker_name_of_megabytes_in_the_highlights_scores_0_at_once_and_the_report_finishes(graded):
    """attack18: a 1.9 MB "name" on one link of ex01-q2's highlights (under the 2 MB cap) took the speaker judge about
    a day: the student's job stalled until its time ran out, and `medialit course report` never finished. Now a saved
    name is held to a typed entry's length: 0 for q2 with a line that says why, the rest graded, the report quick."""
    import time

    from medialit.instructor import report

    outcome = outcomes(graded)["speaker-stall"]
    assert outcome.ok and outcome.scores == pytest.approx(graded.expected["speaker-stall"])
    why = outcome.failed_items["ex01-q2-test"]
    assert "too long" in why and "\n" not in why and len(why) <= 300
    started = time.monotonic()
    ((_, answers),) = [x for x in report.class_answers(graded.root, EX01, ["speaker-stall"]) if x[0].item == "ex01-q2"]
    assert answers == {"speaker-stall": []} and time.monotonic() - started < 30


def test_a_cell_python_cannot_parse_for_depth_loses_no_answer_and_an_answer_cell_says_why(graded):
    """attack18: a scratch cell below the answers with a sum of 20,000 terms (Python's parser raises RecursionError,
    so the kernel cannot run it either) and the word "evaluation" in a comment scored every item 0, "the answer could
    not be scored (RecursionError)". It changed nothing: the answers get their scores. An answer cell that deep
    cannot be read: 0 with a line saying so."""
    assert outcomes(graded)["deep-scratch-cell"].scores == pytest.approx(graded.expected["deep-scratch-cell"])
    deep = outcomes(graded)["deep-answer-cell"]
    assert deep.scores == pytest.approx(graded.expected["deep-answer-cell"])
    assert "nested too deeply" in deep.failed_items["ex01-q1-test"]


def test_a_highlights_file_over_the_cap_is_not_read_and_a_list_beside_it_is_graded(graded):
    """The 2 MB cap was the grading worker's alone: `medialit course report` (and the hidden test) read any size, and
    the worker gave the item 0 unread even when the answer cell held a list, which wins over the highlights."""
    from medialit.instructor import report

    assert outcomes(graded)["big-sidecar-beside-a-list"].scores == pytest.approx(graded.expected["solution"])
    big = outcomes(graded)["big-sidecar"]
    assert big.scores == pytest.approx(graded.expected["big-sidecar"])
    assert "larger than 2,000,000 bytes" in big.failed_items["ex01-q1-test"]
    ((_, answers),) = [x for x in report.class_answers(graded.root, EX01, ["big-sidecar"]) if x[0].item == "ex01-q1"]
    assert answers == {"big-sidecar": []}  # not read, so not counted as the key's marks


def test_the_speaker_judge_reads_a_huge_name_in_time():
    """The possessive pattern alone, on a name typed or saved anywhere (lessons, reports): linear, not n² (40,000
    letters took 29 s, and the time grew as the square). In a child process, so a slow judge fails the test instead of
    stalling it."""
    code = (
        "from medialit.exercises.matching import names_person\nprint(names_person('a' * 200_000, 'Jonas Gahr Støre'))"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert done.returncode == 0 and done.stdout.strip() == "False", done.stderr[-2000:]


def test_an_answer_cell_made_graded_fails_alone_naming_the_cell(graded):
    outcome = outcomes(graded)["answer-made-graded"]
    assert not outcome.ok and "No such grade cell" in outcome.message and "ex01-q1-answer" in outcome.message
    assert outcome.scores == pytest.approx(graded.expected["answer-made-graded"])


def test_links_in_a_submission_never_reach_autograded_or_the_feedback(graded):
    from medialit.instructor import course

    kept = [f"{EX01}.ipynb", "submission_secret.txt", "timestamp.txt"]
    assert sorted(p.name for p in (graded.root / "autograded" / "linked-files" / EX01).iterdir()) == kept
    done = course.nbgrader(graded.root, "generate_feedback", EX01, "--student", "linked-files", "--force")
    assert done.returncode == 0, done.stderr[-2000:]
    feedback = graded.root / "feedback" / "linked-files" / EX01
    assert sorted(p.name for p in feedback.iterdir()) == sorted([f"{EX01}.html", *kept[1:]])
    assert not any(b"KEY = " in p.read_bytes() for p in feedback.iterdir())


@pytest.mark.parametrize(
    ("student", "why"), [("link-to-source", "was not submitted"), ("source-copy", "copy of the source notebook")]
)
def test_the_source_notebook_linked_in_the_exchange_or_copied_fails_with_0(graded, student, why):
    outcome = outcomes(graded)[student]
    assert not outcome.ok and why in outcome.message and "\n" not in outcome.message
    assert outcome.scores == pytest.approx(graded.expected[student])
    assert not (graded.root / "autograded" / student / EX01).exists()  # so no feedback quoting the key


def test_the_key_thief_wrote_nothing_into_the_live_course(graded):
    folder = graded.root / "submitted" / "key-thief" / EX01
    assert sorted(p.name for p in folder.iterdir()) == [f"{EX01}.ipynb", "submission_secret.txt", "timestamp.txt"]


def probe_report(graded) -> dict:
    nb = nbformat.read(graded.root / "autograded" / "probe" / PROBE / f"{PROBE}.ipynb", as_version=4)
    text = "".join(o.get("text", "") for o in attacks.cell(nb, "probe-answer").outputs)
    (line,) = [x for x in text.splitlines() if x.startswith("PROBE ")]
    return json.loads(line.removeprefix("PROBE "))


def test_the_probe_kernel_could_not_read_or_write_the_grader_s_files(graded):
    report = probe_report(graded)
    assert report.pop("write own folder") == "DONE"  # the probe ran, in its own work folder
    assert report and all(result != "DONE" for result in report.values()), report
    assert not (graded.root / "pwned.txt").exists()
    assert not (graded.root / "source" / PROBE / "pwned.txt").exists()
    assert not (graded.root / "submitted" / "probe" / PROBE / "ex01-q1.highlights.json").exists()


def test_the_probe_kernel_never_saw_the_key(graded, tmp_path):
    """What the kernel printed after a test with hidden parts is left out of autograded/ (leak22), unless the course
    shows hidden tests: graded again so, in a copy, the probe alone."""
    import shutil

    from medialit.instructor import course
    from medialit.instructor.exchange import no_links

    nb = nbformat.read(graded.root / "autograded" / "probe" / PROBE / f"{PROBE}.ipynb", as_version=4)
    assert "KEY = " not in attacks.cell(nb, "ex01-q1-test").source  # leak22: no key where feedback is made from
    shown = tmp_path / "shown"
    shutil.copytree(graded.root, shown, ignore=no_links)
    config = shown / "nbgrader_config.py"
    config.write_text(config.read_text().replace("SHOW_HIDDEN_TESTS = False", "SHOW_HIDDEN_TESTS = True"))
    for other in (shown / "submitted").iterdir():
        if other.name != "probe":
            shutil.rmtree(other)
    assert not course.grade(shown, PROBE, jobs=1, force=True).failed
    nb = nbformat.read(shown / "autograded" / "probe" / PROBE / f"{PROBE}.ipynb", as_version=4)
    text = "".join(o.get("text", "") for o in nb.cells[-1].outputs)
    assert "KEY visible: False" in text
    assert "KEY = " in attacks.cell(nb, "ex01-q1-test").source  # this course's autograded copy keeps the hidden test


@pytest.mark.parametrize(
    "student",
    [
        "solution",
        "probe",
        "infinite-loop",
        "huge-output",
        "os-exit",
        "hidden-test-peek",
        "hidden-test-hook",
        "kernel-leaves-links",
        "html-in-page",
        "memory-hog",
        "scratch-filler",
    ],
)
def test_kernel_graded_submissions_get_their_honest_scores(graded, student):
    assert outcomes(graded, PROBE)[student].scores == pytest.approx(graded.expected_probe[student])


def test_a_dead_kernel_fails_only_its_own_submission(graded):
    dead = outcomes(graded, PROBE)["os-exit"]
    assert not dead.ok and "\n" not in dead.message
    assert [o.student for o in graded.runs[PROBE].failed] == ["os-exit"]


def test_a_kernel_that_fills_memory_or_disk_is_refused_in_its_cell_and_leaves_nothing(graded):
    """attack17: heap, /tmp, the kernel's folder and its socket folder were uncapped (8 GB in one cell, files until
    the disk is full); each is now refused inside the student's own cell, saying why, and nothing is kept."""

    def said(student: str) -> str:
        nb = nbformat.read(graded.root / "autograded" / student / PROBE / f"{PROBE}.ipynb", as_version=4)
        return "".join(str(o.get("text", "")) + o.get("ename", "") for o in attacks.cell(nb, "probe-answer").outputs)

    assert "MemoryError" in said("memory-hog")
    assert "FILLED ['OSError', 'OSError', 'PermissionError']" in said("scratch-filler")
    kept = [p.name for p in (graded.root / "autograded" / "scratch-filler" / PROBE).iterdir()]
    assert f"{PROBE}.ipynb" in kept and not [name for name in kept if name.startswith("fill-")]


@pytest.mark.xfail(strict=True, reason="open (attack17): student code rewrites later cells; course/grading.md says so")
def test_a_wrong_answer_whose_code_rewrites_the_hidden_test_scores_0(graded):
    """An input transformer wraps every later cell in a silent ``try``: a hidden code test then passes whatever it
    asserts, under plain autograde and ``course grade`` alike (the same kernel runs both; medialit items are data)."""
    assert outcomes(graded, PROBE)["rewrites-hidden-test"].scores == pytest.approx(
        graded.expected_probe["rewrites-hidden-test"]
    )


def test_huge_kernel_output_is_cut(graded):
    path = graded.root / "autograded" / "huge-output" / PROBE / f"{PROBE}.ipynb"
    assert path.stat().st_size < 2_000_000
    assert "characters of output cut by medialit" in path.read_text(encoding="utf-8")


def test_grades_csv_has_a_status_for_every_student(graded):
    from medialit.instructor import course

    rows = {r["student"]: r for r in course.scores_table(graded.root, EX01)}
    assert rows["solution"]["status"] == "graded"
    assert rows["invalid-notebook"]["status"].startswith("failed: ")
    assert rows["malformed-ints"]["status"].startswith("score lowered: ")


def test_every_paragraph_of_a_sentence_item_with_one_reason_earns_nothing(graded):
    """attack19: a mark over a paragraph of several sentences found the longest of them and cost one extra mark, so
    every paragraph of ex02-q2 with one reason, typed, earned 0.75 of 3 under `course grade` (every sentence: 0);
    saved by a highlighter in sentence mode, ex02-q1 the same way. Each sentence of such a mark now counts."""
    outcome = outcomes(graded, attacks.EX02)["every-paragraph"]
    assert outcome.ok and set(outcome.failed_items) == {"ex02-q3-test"}, outcome.failed_items  # q3 unanswered
    assert outcome.scores == pytest.approx({"ex02-q1-test": 0.0, "ex02-q2-test": 0.0, "ex02-q3-test": 0.0})
    nb = nbformat.read(graded.root / "autograded" / "every-paragraph" / attacks.EX02 / f"{attacks.EX02}.ipynb", 4)
    said = "".join(o.get("text", "") for o in attacks.cell(nb, "ex02-q2-test").outputs)
    assert "no mark-by-mark feedback" in said, said  # a probe: no line says which of its sentences are keyed


# ---------------------------------------------------------------- ex05: clumsy saves, sidecars, a feedback probe


@pytest.mark.parametrize("student", attacks.AS_PARTIAL)
def test_an_honest_answer_saved_clumsily_scores_what_it_holds(graded, student):
    """Cells reversed, JupyterLab's widget state and views, a 5 MB saved output, the same mark in the answer
    cell and the highlights file (counted once): each scores as the `partial` student with the same answers."""
    got = outcomes(graded, EX05)
    assert got[student].ok and got[student].scores == pytest.approx(got["partial"].scores)
    assert sum(got["partial"].scores.values()) > 0


def test_a_saved_output_never_reaches_autograded_or_the_feedback(graded):
    path = graded.root / "autograded" / "stored-output" / EX05 / f"{EX05}.ipynb"
    assert path.stat().st_size < 1_000_000 and "yyyy" not in path.read_text(encoding="utf-8")


def test_an_empty_notebook_scores_0_saying_each_answer_cell_is_gone(graded):
    outcome = outcomes(graded, EX05)["empty-notebook"]
    assert outcome.ok and sum(outcome.scores.values()) == 0 and len(outcome.scores) == 8
    assert set(outcome.failed_items.values()) == {"the answer cell was deleted"}


def test_solution_markers_a_student_typed_are_their_answer_not_a_copy_of_the_source(graded):
    """attack23: "### BEGIN SOLUTION" typed around the written answer and an answer list made the whole hand-in "a copy
    of the source notebook": 0 on every item and no autograded notebook, so nothing for the grader to mark by hand.
    Only the instructor's cells (tests, questions, set-up) tell a source copy now: the answers score as the model
    answers do, and the written answer reaches the grader as typed."""
    got = outcomes(graded, attacks.EX03)
    outcome = got[attacks.TYPED_MARKERS]
    assert outcome.ok and not outcome.failed_items, outcome.message
    assert outcome.scores == pytest.approx(got["solution"].scores) and sum(outcome.scores.values()) > 0
    folder = graded.root / "autograded" / attacks.TYPED_MARKERS / attacks.EX03
    nb = nbformat.read(folder / f"{attacks.EX03}.ipynb", as_version=4)
    assert attacks.cell(nb, "ex03-q2-answer").source.startswith("### BEGIN SOLUTION\n")
    assert not graded.runs[attacks.EX03].failed


def test_a_notebook_that_is_not_utf8_fails_alone_in_one_line_that_says_so(graded):
    """It failed with nbgrader's "UnicodeDecodeError: 'utf-8' codec can't decode byte 0xf8 in position 3247"."""
    outcome = outcomes(graded, EX05)["not-utf8"]
    assert not outcome.ok and "not UTF-8" in outcome.message and "\n" not in outcome.message
    assert "codec" not in outcome.message and sum(outcome.scores.values()) == 0
    assert [o.student for o in graded.runs[EX05].failed] == ["not-utf8"]


@pytest.mark.parametrize(
    ("student", "earned", "says"),
    [
        ("stale-sidecar", {}, "saved for a different article text"),
        ("one-sidecar-everywhere", {"ex05-q1-test": 1.0}, ""),  # q1's marks are no answer to q2..q7
    ],
)
def test_a_sidecar_earns_only_on_its_own_item_and_text(graded, student, earned, says):
    outcome = outcomes(graded, EX05)[student]
    assert outcome.scores == pytest.approx({f"ex05-q{i}-test": earned.get(f"ex05-q{i}-test", 0.0) for i in range(1, 9)})
    assert says in outcome.failed_items.get("ex05-q1-test", "")


def test_an_answer_built_by_code_scores_0_with_a_line_that_says_so(graded):
    """`answer_q1 = []` then `answer_q1.append(...)`: the kernel and the visible check saw one mark; the grader read
    `[]` and gave 0 without a word. It still gives 0 (it runs no code) but says why; the rest is graded."""
    outcome = outcomes(graded, EX05)["appended"]
    assert outcome.ok and outcome.scores["ex05-q1-test"] == 0
    assert outcome.scores["ex05-q8-test"] == outcomes(graded, EX05)["partial"].scores["ex05-q8-test"] > 0
    assert "changed by code ('answer_q1.append(...)')" in outcome.failed_items["ex05-q1-test"]


def test_a_probe_that_earns_nothing_reads_no_key_place_off_its_feedback(graded):
    """Attack 15: its released feedback listed which of its lines were keyed sentences, and which dates were keyed
    ('‘16 September 2026’ (bio): the right words, but not this label', and so for scraped and translation)."""
    outcome = outcomes(graded, EX05)["feedback-probe"]
    assert outcome.ok and sum(outcome.scores.values()) == 0
    nb = nbformat.read(graded.root / "autograded" / "feedback-probe" / EX05 / f"{EX05}.ipynb", as_version=4)
    for grade_id in ("ex05-q6-test", "ex05-q8-test"):
        text = "".join(o.get("text", "") for o in attacks.cell(nb, grade_id).outputs)
        assert "no mark-by-mark feedback" in text, text
        for told in ("not this label", "an unsupported sentence", "defensible", "not one of", "not in the key", "why:"):
            assert told not in text, (grade_id, told)


@pytest.mark.parametrize("student", ["hidden-test-peek", "hidden-test-hook"])
def test_the_hidden_part_of_a_code_test_never_reaches_the_feedback(graded, student):
    """Attack 16, on a code test with a hidden part: `%xmode Verbose` in the answer cell made the failing test's
    traceback quote the hidden lines, and an answer object compared there printed the hidden value (`peek`); a
    `pre_run_cell` hook kept every later cell's source, printed it in a cell below and wrote it to a new file and to
    timestamp.txt (`hook`). `generate_feedback` kept those outputs (it clears only the source) and copied the files.
    The test's points stay; medialit items keep their feedback lines."""
    from medialit.instructor import course

    autograded = graded.root / "autograded" / student / PROBE
    # leak22: not in autograded/ either (feedback is made from it, by nbgrader's own steps if the config breaks)
    assert attacks.HIDDEN_MARK not in (autograded / f"{PROBE}.ipynb").read_text(encoding="utf-8")
    assert sorted(p.name for p in autograded.iterdir()) == [f"{PROBE}.ipynb", "submission_secret.txt", "timestamp.txt"]
    done = course.nbgrader(graded.root, "generate_feedback", PROBE, "--student", student, "--force")
    assert done.returncode == 0, done.stderr[-2000:]
    sent = [p for p in (graded.root / "feedback" / student / PROBE).rglob("*") if p.is_file()]
    for path in sent:
        text = path.read_text(encoding="utf-8")
        for leak in (attacks.HIDDEN_MARK, "PEEK 42", "6 * 7", "answer must be 42"):
            assert leak not in text, (path.name, leak)
    page = (graded.root / "feedback" / student / PROBE / f"{PROBE}.html").read_text(encoding="utf-8")
    assert "a test with hidden parts ran here or before" in page and "ex01-q1: 0 of 3 points" in page


def test_links_and_pipes_a_kernel_makes_never_reach_autograded_or_the_feedback(graded):
    """Attack 16: the kernel of a code test made links in its folder (to the source notebook, the gradebook,
    /etc/passwd); they were copied as links into `autograded/`, and `generate_feedback` copied their targets."""
    from medialit.instructor import course

    student = "kernel-leaves-links"
    assert outcomes(graded, PROBE)[student].ok
    folder = graded.root / "autograded" / student / PROBE
    assert [p for p in folder.rglob("*") if p.is_symlink() or not (p.is_file() or p.is_dir())] == []
    assert {"notes.txt", "gb.db", "pipe.txt"}.isdisjoint(p.name for p in folder.iterdir())
    done = course.nbgrader(graded.root, "generate_feedback", PROBE, "--student", student, "--force")
    assert done.returncode == 0, done.stderr[-2000:]
    sent = [p for p in (graded.root / "feedback" / student / PROBE).rglob("*") if p.is_file()]
    assert not any(
        b"KEY = " in p.read_bytes() or b"SQLite" in p.read_bytes() or b"root:x:0" in p.read_bytes() for p in sent
    )


def test_a_student_s_html_never_runs_in_the_formgrader_or_the_feedback(graded):
    """A markdown cell, a raw cell and the kernel's displayed HTML with an `onerror` handler, a script and
    `javascript:` links: nbgrader's formgrader and feedback pages rendered them as they were, so the script ran in
    the grader's Jupyter page with the grader's rights. Now they are text: the words still show."""
    from medialit.instructor import course

    student = "html-in-page"
    nb = nbformat.read(graded.root / "autograded" / student / PROBE / f"{PROBE}.ipynb", as_version=4)
    page = [c.source for c in nb.cells if c.cell_type != "code"]
    page += [str(o.get("data", {})) for c in nb.cells if c.cell_type == "code" for o in c.outputs]
    assert not any("<img" in x or "<script" in x or "(javascript:" in x.lower() for x in page), page
    assert any("Nice work!" in x for x in page)
    done = course.nbgrader(graded.root, "generate_feedback", PROBE, "--student", student, "--force")
    assert done.returncode == 0, done.stderr[-2000:]
    html = (graded.root / "feedback" / student / PROBE / f"{PROBE}.html").read_text(encoding="utf-8").lower()
    for runs in ('<img src="x"', "<img src=x", "<script>steal", 'href="javascript'):  # as tags; as text is fine
        assert runs not in html, runs


def test_a_kernel_leaves_no_temporary_folders_in_autograded(graded):
    """The sandbox's /tmp was not writable by `nobody` (grading as root): IPython's folders fell back to the work
    folder and reached `autograded/` and every kernel-graded student's feedback as `tmpXXXXXXXX/profile_default`."""
    folder = graded.root / "autograded" / "solution" / PROBE
    assert sorted(p.name for p in folder.iterdir()) == [f"{PROBE}.ipynb", "submission_secret.txt", "timestamp.txt"]


# ---------------------------------------------------------------- a submission slow to grade


SLOW_BUDGET = 8  # seconds per student in this course (SECONDS_PER_STUDENT), so the test is short


@pytest.fixture(scope="module")
def slow_first(tmp_path_factory, nbgrader_env):
    """One job grading a submission slow to grade (``attacks.slow_to_grade``) before ten honest ones."""
    import time

    from medialit.instructor import batch, course

    c = attacks.new_course(tmp_path_factory.mktemp("slow") / "course", EX01)
    root = c.root
    c.submit("a-slow", EX01, attacks.slow_to_grade(c))
    honest = [f"honest-{n:02}" for n in range(10)]
    for student in honest:
        c.submit(student, EX01, attacks.solved(c, EX01))
    arrived: dict[str, float] = {}
    kept, batch.SECONDS_PER_STUDENT = batch.SECONDS_PER_STUDENT, SLOW_BUDGET
    try:
        started = time.monotonic()
        run = course.grade(root, EX01, jobs=1, progress=lambda _d, _t, s: arrived.setdefault(s, time.monotonic()))
    finally:
        batch.SECONDS_PER_STUDENT = kept
    return run, {s: t - started for s, t in arrived.items()}, honest, root


def test_a_submission_slow_to_grade_holds_back_no_classmate_of_its_job(slow_first):
    """attack18: the time allowed was the job's, a minute per student in it; a submission slow to grade held every
    classmate after it in its job until that ran out (a class of 200 in 2 jobs: 100 minutes), then each was graded
    again alone. Each student now has their own time: the slow one is stopped after it and gets 0 saying so; the
    rest of its job is graded again at once, together."""
    run, arrived, honest, _root = slow_first
    got = {o.student: o for o in run.outcomes}
    assert not got["a-slow"].ok and "took longer than" in got["a-slow"].message, got["a-slow"].message
    for student in honest:
        assert got[student].ok and sum(got[student].scores.values()) == pytest.approx(10.0)
    group_budget = SLOW_BUDGET * (len(honest) + 1)  # when the job's time ran out, before
    late = {s: round(t) for s, t in arrived.items() if s in honest and t >= group_budget}
    assert not late, (late, group_budget)


def test_the_report_does_not_read_again_what_grading_stopped_for_time(slow_first, medialit_command):
    """instr19: `course report` read every answer with no time limit, so the notebook grading stopped for time
    stalled it (its 40 long cells read for ex01's 4 items: 57, 46, 52 and 57 s at load 9, about 4 minutes a
    student). The report now leaves out what grading stopped for time, counts it as marking nothing (its 0
    points), and says so; the honest classmates are reported as before."""
    _run, _arrived, honest, root = slow_first
    done = subprocess.run(
        [*medialit_command, "course", "report", EX01, "--course", str(root)],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0 and "Traceback" not in done.stderr, done.stderr[-2000:]
    assert "NOTE: a-slow: answers not read, as their grading was stopped for taking too long" in done.stdout
    with (root / "reports" / EX01 / "marks.csv").open(encoding="utf-8") as handle:
        required = [row for row in csv.DictReader(handle) if row["optional"] == "no"]
    assert required and {(row["found_right"], row["students"]) for row in required} == {(str(len(honest)), "11")}


@pytest.fixture(scope="module", params=["sandboxed", "no sandbox"])
def stopped_in_a_kernel(request, tmp_path_factory, nbgrader_env):
    """ex09-probe (a kernel runs) graded in one job: a classmate, a kernel slow to grade that starts processes, a
    classmate; each student's time short, so its worker is stopped twice mid-kernel (with its classmates, then
    alone). In the sandbox, and without it (where bubblewrap cannot run, the kernel runs with the grader's rights).

    The times are measured, not guessed (self25): they were 4 s a student and 10 s more for a worker's start-up, and
    above a load of about 12 an honest classmate, the first of its worker, took longer than that and was stopped too
    (measured: the first honest student of a job arrived 13.0 s after grading began at load 14.5, 28.3 s at load 10.3;
    the second 4.5 s after the first, over its 4 s). The two honest classmates are graded first at this load: the
    start-up's extra time is then 1.5 times the first's (grading's own preparation included), each student's time
    twice the second's (at least 4 s), and the slow kernel's cells run well past both (``slow_cells``), so it is
    stopped however loaded the machine is (with the worker's stop made a no-op, it was graded in full: the test fails).

    Returns the grading run, the processes left that this run's kernels started (``sleep`` with this run's own tag,
    the exact command line: self24: every ``sleep 86421...`` on the machine counted, so this test run at the same time
    in another checkout, or any such process, failed it; two such processes of other work run meanwhile, another
    run's tag and the tag this test used before, and must not count) and each student's time."""
    import time

    from medialit.instructor import batch, course, sandbox

    tag = attacks.linger_tag()
    c = attacks.new_course(tmp_path_factory.mktemp("stopped") / "course", PROBE, timeout=6, probe=True)
    root = c.root
    for student in ("a-honest", "c-honest"):
        c.submit(student, PROBE, attacks.solved(c, PROBE))
    kept = batch.SECONDS_PER_STUDENT, batch._Job.seconds_per_student, sandbox.isolation
    if request.param == "no sandbox":
        sandbox.isolation = lambda: ""  # what course grade finds where bubblewrap cannot run
    others = []
    try:
        began, arrived = time.monotonic(), {}
        alone = course.grade(root, PROBE, jobs=1, progress=lambda _d, _t, s: arrived.setdefault(s, time.monotonic()))
        assert all(o.ok for o in alone.outcomes), [o.message for o in alone.outcomes]
        first, then = arrived["a-honest"] - began, arrived["c-honest"] - arrived["a-honest"]
        startup, seconds = math.ceil(1.5 * first), max(4, math.ceil(2 * then))
        nb = attacks.answer_cells(c, PROBE, **{"probe-answer": attacks.lingering(tag) + "answer = 42"})
        nb.cells += [nbformat.v4.new_code_cell("time.sleep(5)") for _ in range(slow_cells(seconds + startup))]
        c.submit("b-lingers", PROBE, nb)
        others = [subprocess.Popen(["sleep", other]) for other in (f"{attacks.linger_tag()}0", "86421")]
        batch.SECONDS_PER_STUDENT, batch._Job.seconds_per_student = startup, lambda _job: seconds
        run = course.grade(root, PROBE, jobs=1, force=True)
        left = subprocess.run(["ps", "-eo", "pid,args"], capture_output=True, text=True, check=True).stdout
    finally:
        batch.SECONDS_PER_STUDENT, batch._Job.seconds_per_student, sandbox.isolation = kept
        for other in others:
            other.kill()
            other.wait()
    assert run.isolated == (request.param == "sandboxed")
    ours = {f"sleep {tag}0", f"sleep {tag}1"}
    measured = f"honest: {first:.1f} s first, {then:.1f} s second; {startup} + {seconds} s"
    print(f"{request.param} at load {os.getloadavg()[0]:.1f}: {measured}")
    lines = [line for line in left.splitlines() if line.split(None, 1)[1:] and line.split(None, 1)[1] in ours]
    return run, lines, seconds


def slow_cells(seconds: int) -> int:
    """How many 5 s cells (each under the course's 6 s cell timeout) keep a kernel running 10 s past ``seconds`` (a
    student's time with a worker's start-up): stopped for time, never finished."""
    return math.ceil(seconds / 5) + 2


def test_a_worker_stopped_mid_kernel_leaves_no_process_and_its_classmates_are_graded(stopped_in_a_kernel):
    """Nothing a kernel started runs on after its worker is stopped: in the sandbox it dies with the worker
    (bubblewrap's --die-with-parent, its own PID namespace); without it, the worker's processes are stopped with
    it (verify18a: two `sleep` processes per stop were left running). The classmates before and after it are
    graded, once each."""
    run, left, seconds = stopped_in_a_kernel
    assert not left, left
    got = {o.student: o for o in run.outcomes}
    assert sorted(o.student for o in run.outcomes) == ["a-honest", "b-lingers", "c-honest"]
    said = got["b-lingers"].message
    assert not got["b-lingers"].ok and f"took longer than {seconds} s" in said, said
    for student in ("a-honest", "c-honest"):
        assert got[student].ok and got[student].scores == {"probe-test": 1.0, "ex01-q1-test": 3.0}, got[student]


CRASH_ALONE = """\
import os, pathlib, signal, time
tried = pathlib.Path({marker!r})
if tried.exists():
    os.kill(os.getppid(), signal.SIGKILL)  # graded again alone: its kernel kills the worker grading it
tried.touch()
time.sleep(30)  # graded first with classmates: over its time
answer = 42
"""
"""A submission that runs over its time with classmates, then stops its worker alone in another way: a kernel
without the sandbox (bubblewrap cannot run) killing the process that runs it."""


@pytest.fixture(scope="module")
def over_time_then_crashed(tmp_path_factory, nbgrader_env):
    """ex09-probe in one job, no sandbox: a classmate, then CRASH_ALONE; 4 s a student (10 s more at start-up)."""
    from medialit.instructor import batch, course, sandbox

    c = attacks.new_course(tmp_path_factory.mktemp("crashed") / "course", PROBE, timeout=60, probe=True)
    root = c.root
    c.submit("a-honest", PROBE, attacks.solved(c, PROBE))
    marker = str(root.parent / "crash-tried")
    c.submit("b-crash", PROBE, attacks.answer_cells(c, PROBE, **{"probe-answer": CRASH_ALONE.format(marker=marker)}))
    kept = batch.SECONDS_PER_STUDENT, batch._Job.seconds_per_student, sandbox.isolation
    batch.SECONDS_PER_STUDENT, batch._Job.seconds_per_student, sandbox.isolation = 10, lambda _job: 4, lambda: ""
    try:
        run = course.grade(root, PROBE, jobs=1)
    finally:
        batch.SECONDS_PER_STUDENT, batch._Job.seconds_per_student, sandbox.isolation = kept
    return run, root


def test_a_student_over_time_with_classmates_then_crashing_alone_is_told_the_crash(over_time_then_crashed):
    """instr19: a student stopped for time in the group run and again alone, this time by a crash, was told
    "took longer than 4 s", what happened the first time; the message is now the alone run's: the job stopped,
    with the worker log's last line."""
    run, _root = over_time_then_crashed
    got = {o.student: o for o in run.outcomes}
    assert got["a-honest"].ok, got["a-honest"]
    message = got["b-crash"].message
    assert not got["b-crash"].ok and "took longer than" not in message, message
    assert message.startswith("grading this submission stopped its job (killed by SIGKILL, not for time; ")
    assert message.endswith("; 0 points") and "over TCP" not in message


SLOW_STAMPED = """\
import time
with open({log!r}, "a") as log:
    log.write(f"{student} {{time.monotonic()}}\\n")
time.sleep(120)
answer = 42
"""
"""A kernel over any student's time that writes when each of its runs started (no sandbox: it may write there)."""


@pytest.fixture(scope="module")
def stopped_twice(tmp_path_factory, nbgrader_env):
    """ex09-probe in 2 jobs, no sandbox: two students over their time (one in each job), two classmates; 10 s a
    student (30 s more at a worker's start-up: a busy machine). Returns the run, its seconds, each slow run's start."""
    import time

    from medialit.instructor import batch, course, sandbox

    c = attacks.new_course(tmp_path_factory.mktemp("twice") / "course", PROBE, timeout=60, probe=True)
    root = c.root
    log = root.parent / "runs.log"
    for student in ("a-slow", "b-slow"):
        answer = SLOW_STAMPED.format(log=str(log), student=student)
        c.submit(student, PROBE, attacks.answer_cells(c, PROBE, **{"probe-answer": answer}))
    for student in ("c-honest", "d-honest"):
        c.submit(student, PROBE, attacks.solved(c, PROBE))
    kept = batch.SECONDS_PER_STUDENT, batch._Job.seconds_per_student, sandbox.isolation
    batch.SECONDS_PER_STUDENT, batch._Job.seconds_per_student, sandbox.isolation = 30, lambda _job: 10, lambda: ""
    try:
        started = time.monotonic()
        run = course.grade(root, PROBE, jobs=2)
        took = time.monotonic() - started
    finally:
        batch.SECONDS_PER_STUDENT, batch._Job.seconds_per_student, sandbox.isolation = kept
    starts: dict[str, list[float]] = {}
    for line in log.read_text(encoding="utf-8").splitlines():
        student, at = line.split()
        starts.setdefault(student, []).append(float(at))
    return run, took, starts


def test_students_stopped_twice_are_graded_alone_side_by_side(stopped_twice):
    """instr19: each student whose job stopped twice is graded once more alone, in a worker of its own; those
    workers ran one after another, so a class with k such students waited k times a student's time (plus a
    worker's start-up) with all but one core idle. They now run `jobs` at a time: both alone runs start together."""
    run, took, starts = stopped_twice
    got = {o.student: o for o in run.outcomes}
    for student in ("c-honest", "d-honest"):
        assert got[student].ok and got[student].scores == {"probe-test": 1.0, "ex01-q1-test": 3.0}, got[student]
    for student in ("a-slow", "b-slow"):
        assert not got[student].ok and "took longer than 10 s" in got[student].message, got[student].message
    assert [len(starts[s]) for s in ("a-slow", "b-slow")] == [2, 2], starts  # with classmates, then alone
    apart = abs(starts["a-slow"][1] - starts["b-slow"][1])
    assert apart < 10, (apart, took)  # one after another: a student's time and a start-up apart (at least 40 s)


# ---------------------------------------------------------------- a kernel writing the worker's result lines


@pytest.fixture(scope="module")
def forged(tmp_path_factory, nbgrader_env):
    """One job grading ex09-probe (a kernel runs): a classmate, a kernel that writes result lines, a classmate."""
    from medialit.instructor import batch, course

    c = attacks.new_course(tmp_path_factory.mktemp("forged") / "course", PROBE, timeout=6, probe=True)
    root = c.root
    for student in ("a-victim", "c-later"):
        c.submit(student, PROBE, attacks.solved(c, PROBE))
    code = attacks.FORGED_LINES.format(victim="a-victim", self_="b-forger", later="c-later")
    c.submit("b-forger", PROBE, attacks.answer_cells(c, PROBE, **{"probe-answer": code}))
    run = course.grade(root, PROBE, jobs=1)
    return run, {row["student"]: row for row in batch.scores_table(root, PROBE)}


def test_a_kernel_cannot_write_a_result_line_for_itself_or_a_classmate(forged):
    """verify18a: the kernel inherited the worker's standard output, and a line it wrote there was read as a result:
    the classmate graded before it got 0 for ex01-q1 with the status 'graded', and was listed three times in the
    run. Now the worker's results go where no kernel can write, and a line for a student not next in the job
    is not a result."""
    run, rows = forged
    assert sorted(o.student for o in run.outcomes) == ["a-victim", "b-forger", "c-later"]
    for student in ("a-victim", "c-later"):
        assert rows[student]["ex01-q1-test"] == 3.0 and rows[student]["probe-test"] == 1.0, rows[student]
        assert rows[student]["status"] == "graded", rows[student]
    assert rows["b-forger"]["ex01-q1-test"] == 0.0 and rows["b-forger"]["probe-test"] == 1.0, rows["b-forger"]


# ---------------------------------------------------------------- the exchange: whose work, handed in when


@pytest.fixture(scope="module")
def collected(tmp_path_factory, nbgrader_env):
    """A small course whose exchange holds ``attacks.exchange_attacks``, collected by the real ``nbgrader collect``."""
    c = attacks.new_course(tmp_path_factory.mktemp("exchange") / "course", EX01)
    root = c.root
    env = {**os.environ, "MEDIALIT_EXCHANGE": str(root / "exchange")}
    nbgrader = [sys.executable, "-m", "nbgrader"]
    subprocess.run([*nbgrader, "release_assignment", EX01], cwd=root, env=env, check=True, capture_output=True)
    started = datetime.datetime.now(datetime.UTC).replace(microsecond=0)
    stamp = started.strftime("%Y-%m-%d %H:%M:%S.%f UTC")
    attacks.exchange_attacks(c, root / "exchange" / "medialit" / "inbound", stamp)
    done = subprocess.run([*nbgrader, "collect", EX01], cwd=root, env=env, capture_output=True, text=True)
    assert done.returncode == 0, done.stderr[-2000:]
    return root, started, done.stderr


@pytest.mark.skipif(os.geteuid() != 0, reason="making a folder another user owns needs root")
def test_a_folder_naming_a_classmate_or_a_formula_is_left_out_of_the_collect(collected):
    """The classmate's own submission is collected, not the blank one named for them; no formula student."""
    root, started, log = collected
    assert sorted(p.name for p in (root / "submitted").iterdir()) == ["bulky", "early-claim", "empty-stamp", "victim"]
    kept = (root / "submitted" / attacks.IMPERSONATED / EX01 / "timestamp.txt").read_text(encoding="utf-8")
    assert kept == started.strftime("%Y-%m-%d %H:%M:%S.%f UTC")  # an honest time stands
    got = nbformat.read(attacks.nb_path(root / "submitted" / attacks.IMPERSONATED, EX01), as_version=4)
    assert "('believes', 'cue')" in attacks.cell(got, "ex01-q1-answer").source  # the victim's own answers
    assert "belongs to nobody" in log


@pytest.mark.parametrize("student", ["early-claim", "empty-stamp"])
def test_a_hand_in_time_is_never_earlier_than_the_folder_s_last_change(collected, student):
    """A student writes timestamp.txt: an early time dodged a late penalty, an empty one counted as never late."""
    from nbgrader.utils import parse_utc

    root, started, log = collected
    stamp = (root / "submitted" / student / EX01 / "timestamp.txt").read_text(encoding="utf-8")
    assert parse_utc(stamp) >= started.replace(tzinfo=None) - datetime.timedelta(seconds=2)  # parse_utc: naive UTC
    assert "when its files last changed" in log


def test_a_hand_in_past_the_exchange_s_size_is_left_out_and_the_collect_goes_on(collected):
    """attack22: a folder of 101 MB made by hand in inbound/ (``nbgrader submit`` refuses one over its
    ``max_dir_size``) stopped ``nbgrader collect`` with a "Directory size is too big" traceback: the classmates after it
    were not collected. It is left out in one line, and the student's earlier hand-in is collected instead."""
    root, _, log = collected
    folder = root / "submitted" / attacks.BULKY / EX01
    assert sorted(p.name for p in folder.iterdir()) == [f"{EX01}.ipynb", "timestamp.txt"]
    got = nbformat.read(folder / f"{EX01}.ipynb", as_version=4)
    assert "('believes', 'cue')" in attacks.cell(got, "ex01-q1-answer").source  # the earlier, honest hand-in
    (line,) = [x for x in log.splitlines() if "Left out" in x and attacks.BULKY in x]
    assert "holds 101 MB, more than the 100 MB a hand-in may" in line


# ---------------------------------------------------------------- names a student chose, in the grader's own lines

FORGED_NAME = "mine\na-honest: 0 points\x1b[1A\x1b[2K\u202e.ipynb"
"""A notebook name made in a terminal (``mv``), holding a line break, a forged line for a classmate, the terminal's
"cursor up, clear the line" and a right-to-left override: JupyterLab's Rename refuses none of them either."""


@pytest.fixture(scope="module")
def odd_names(tmp_path_factory, nbgrader_env, medialit_command):
    """ex01 handed in by an honest classmate, by a student who renamed the notebook ``FORGED_NAME``, and by one whose
    answers are in another notebook of that name beside the released one; graded with the `medialit` command."""
    c = attacks.new_course(tmp_path_factory.mktemp("names") / "course", EX01)
    root = c.root
    c.submit("a-honest", EX01, attacks.solved(c, EX01))
    renamed = attacks.nb_path(root / "submitted" / "b-renamed", EX01)
    c.submit("b-renamed", EX01, attacks.solved(c, EX01))
    renamed.rename(renamed.with_name(FORGED_NAME))
    c.submit("c-elsewhere", EX01, c.release(EX01))
    nbformat.write(attacks.solved(c, EX01), renamed.parent.parent.parent / "c-elsewhere" / EX01 / FORGED_NAME)
    done = subprocess.run(
        [*medialit_command, "course", "grade", EX01, "--course", str(root), "--jobs", "1"],
        capture_output=True,
        text=True,
        timeout=600,
    )
    return root, done


def test_a_name_a_student_chose_cannot_forge_or_hide_a_line_of_course_grade_or_grades_csv(odd_names):
    """attack25: a hand-in's notebook name reached `course grade`'s summary as it was (`graded NAME as
    ex01-attribution.ipynb`, `ex01-q1 is answered in NAME`): a line break printed a line of its own,
    `a-honest: 0 points`, below the student's, terminal escapes could wipe the classmate's real line, and the same
    name went into grades.csv's status. Each such character is now shown as its escape, on the student's own line."""
    from medialit.instructor import batch

    root, done = odd_names
    assert done.returncode == 0, done.stderr[-2000:]
    lines = done.stdout.splitlines()
    assert not any(ch in done.stdout for ch in "\x1b\u202e"), done.stdout
    assert [line.split(":")[0] for line in lines] == ["a-honest", "b-renamed", "c-elsewhere"], lines
    assert lines[0] == "a-honest: 10 points"
    assert "graded mine\\na-honest: 0 points\\x1b[1A\\x1b[2K\\u202e.ipynb as ex01-attribution.ipynb" in lines[1]
    assert "is answered in mine a-honest: 0 points\\x1b[1A" in lines[2], lines[2]  # the reason is one line already
    rows = batch.scores_table(root, EX01)
    text = batch.write_csv(rows, root / "grades.csv").read_text(encoding="utf-8")
    assert len(text.splitlines()) == 1 + len(rows) == 4 and "\x1b" not in text, text
