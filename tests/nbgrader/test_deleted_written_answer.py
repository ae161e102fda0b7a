"""A written answer whose cell the student deleted can be graded: it scores 0, as an unanswered one does.

instr23: a student deleted the markdown answer cell of a hand-graded question. nbgrader's gradebook row for that
cell stayed `needs_manual_grade` with no cell in the autograded notebook, so `course grade` said `+ 2 to grade by
hand (...)` on every run and the formgrader listed the hand-in as waiting for a grade it had no box for. A real
course, real nbgrader, ex03's written answer.
"""

from __future__ import annotations

import attacks
import nbformat
import pytest
from attacks import nb_path

from medialit.instructor import course

pytestmark = [pytest.mark.nbgrader, pytest.mark.slow]

EX03, WRITTEN = "ex03-framing", "ex03-q2-answer"


def test_a_deleted_written_answer_is_put_back_and_scores_zero_with_nothing_left_to_grade(course_root):
    c = attacks.new_course(course_root, EX03, timeout=6)
    nb = c.release(EX03)
    nb.cells = [x for x in nb.cells if x.metadata.get("nbgrader", {}).get("grade_id") != WRITTEN]
    c.submit("dora", EX03, nb)

    course.grade(c.root, EX03, jobs=1)

    with course.gradebook(course.db_url(c.root)) as gb:
        grade = gb.find_grade(WRITTEN, EX03, EX03, "dora")
        assert (grade.auto_score, grade.needs_manual_grade) == (0.0, False)  # (None, True) before: no box for it
        assert not gb.find_submission(EX03, "dora").needs_manual_grade
    graded = nbformat.read(nb_path(c.root / "autograded" / "dora", EX03), as_version=4)
    ids = [x.metadata.get("nbgrader", {}).get("grade_id") for x in graded.cells]
    assert ids.index(WRITTEN) == ids.index("ex03-q2-question") + 2  # after its question and the note on it
    said = graded.cells[ids.index(WRITTEN) - 1].source
    assert "deleted" in said and "0 points" in said, said
    # the formgrader shows the rubric below it, as for others (added as it opens the page, never in autograded/:
    # leak23)
    page = attacks.formgrader_page(c.root, nb_path(c.root / "autograded" / "dora", EX03), EX03)
    assert page.count(attacks.GRADER_NOTE) == 1, page
    assert page.index("was deleted from the hand-in") < page.index(attacks.GRADER_NOTE) < page.index("ex03-q3 (2")
