"""grade25: a score a person gave an autograded item in the formgrader outlives a regrade with a new key.

nbgrader counts a person's score over the autograded one, and ``course grade`` keeps hand grades (as it should: a
written answer graded by hand must not be lost to a key fix). But after a key fix the summary said only
``hand grades kept: ex01-q1-test``, the same words as for a written answer: the instructor was not told that the
item's new score does not count, nor how to let it. A real course, real nbgrader.
"""

from __future__ import annotations

import attacks
import nbformat
import pytest
from attacks import EX01, nb_path

from medialit.cli import main
from medialit.instructor import course

pytestmark = [pytest.mark.nbgrader, pytest.mark.slow]


def test_a_new_key_names_the_hand_scores_that_still_count_over_it(course_root, capsys):
    c = attacks.new_course(course_root, EX01)
    c.submit("ann", EX01, attacks.answer_cells(c, EX01, **{"ex01-q1-answer": "answer_q1 = [('He', 'source')]"}))
    course.grade(c.root, EX01, jobs=1)
    with course.gradebook(course.db_url(c.root)) as gb:  # as the formgrader saves a score typed over the auto one
        grade = gb.find_grade("ex01-q1-test", EX01, EX01, "ann")
        auto, grade.manual_score = float(grade.auto_score), 3.0
        gb.db.commit()
    assert auto < 3.0
    source = nb_path(c.root / "source", EX01)  # a key fixed in source/ (a rationale reworded: the scores stay)
    nb = nbformat.read(source, as_version=4)
    test = attacks.cell(nb, "ex01-q1-test")
    test.source = test.source.replace("'rationale': '", "'rationale': 'Reworded. ", 1)
    nbformat.write(nb, source)

    capsys.readouterr()
    assert main(["course", "grade", EX01, "--course", str(c.root)]) == 0
    said = capsys.readouterr().out
    assert "the key changed since 1 student was graded" in said, said
    assert (
        f"scores you gave autograded items still count, not the new key's: ann ex01-q1-test 3 (the new key gives "
        f"{auto:g}); to count the key's, empty that cell's score box in the formgrader" in said
    ), said
    assert {r["student"]: r["total"] for r in course.scores_table(c.root, EX01)}["ann"] == pytest.approx(3.0)
