"""An exercise on a corpus article nobody built in: generated, released by real nbgrader, autograded.

The article (Ottawa, Wikinews) is in no built-in exercise (see course/graded-items.md);
its gold file is the reviewed key. The instructor's solution must get full marks,
the unchanged release 0, through ``medialit course`` (real ``nbgrader
generate_assignment`` and ``autograde``, then verification outside the kernel).
"""

from __future__ import annotations

import ast
import json
from pathlib import Path

import attacks
import nbformat
import pytest

from medialit.cli import main
from medialit.core.article import load_article
from medialit.exercises.key import Key
from medialit.instructor import course
from medialit.instructor.draft_key import decide, save_key

DEV = Path(__file__).resolve().parents[2].parent / "shared" / "corpus" / "dev"
ARTICLE = DEV / "ottawa-document-found-on-street.md"
GOLD = DEV / "ottawa-document-found-on-street.gold.json"
KINDS = {"attribution": {"q1": 3.0, "q2": 2.0}, "unsupported": {"q1": 3.0}, "framing": {"q1": 3.0}}

pytestmark = [pytest.mark.nbgrader, pytest.mark.slow, pytest.mark.model]  # framing: a key drafted by the analyzer


@pytest.fixture(scope="module")
def own_course(tmp_path_factory, nbgrader_env):
    if not GOLD.is_file():
        pytest.skip(f"the shared corpus is not here ({GOLD})")
    tmp = tmp_path_factory.mktemp("own")
    solutions = tmp / "solutions"
    solutions.mkdir()
    reviewed = tmp / "ottawa.key.json"  # the gold file has no framing words: draft them, accept every one
    assert main(["draft-key", str(ARTICLE), "--out", str(reviewed)]) == 0
    key = Key.load(reviewed)
    for index in range(len(key.marks)):
        key = decide(key, index, "accepted")
    save_key(key, load_article(ARTICLE), reviewed)
    for kind in KINDS:
        key_file = reviewed if kind == "framing" else GOLD
        code = main(
            [
                "new-exercise",
                str(ARTICLE),
                str(key_file),
                "--kind",
                kind,
                "--into",
                str(solutions),
                "--name",
                f"ott-{kind}",
            ]
        )
        assert code == 0
    own = attacks.new_course(tmp / "course", timeout=20, solutions=solutions)
    root = own.root
    runs = {}
    for kind in KINDS:
        name = f"ott-{kind}"
        course.release(root, name)  # nbgrader generate_assignment
        source, release = own.source(name), own.release(name)
        own.submit("solution", name, attacks.typed(source, release))
        own.submit("unchanged", name, release)
        if kind == "attribution":  # every speaker right, every source linked to a cue that is not its own
            solved = attacks.typed(source, release)
            answer = [c for c in solved.cells if c.metadata.get("nbgrader", {}).get("grade_id") == f"{name}-q2-answer"]
            entries = ast.literal_eval(answer[0].source.rsplit("answer_q2 =", 1)[1].strip())
            cues = [e[2] for e in entries if len(e) == 4]
            wrong = [
                (e[0], e[1], next(c for c in cues if c and c != e[2]), e[3]) if len(e) == 4 else e for e in entries
            ]
            answer[0].source = f"answer_q2 = {wrong!r}"
            own.submit("wrong-cues", name, solved)
        if kind == "unsupported":  # one of the two unsupported sentences, any reason: half found, reasons right
            answer = [c for c in release.cells if c.metadata.get("nbgrader", {}).get("grade_id") == f"{name}-q1-answer"]
            answer[0].source = "answer_q1 = [('If someone were able to shut', 'hedge')]"
            own.submit("partial", name, release)
        runs[kind] = course.grade(root, name, jobs=2)
    return root, runs


@pytest.mark.parametrize("kind", KINDS)
def test_the_solution_gets_full_marks_and_the_release_none(own_course, kind):
    _, runs = own_course
    scores = {o.student: o.scores for o in runs[kind].outcomes}
    full = {f"ott-{kind}-{q}-test": points for q, points in KINDS[kind].items()}
    assert scores["solution"] == pytest.approx(full)
    assert scores["unchanged"] == pytest.approx(dict.fromkeys(full, 0.0))
    assert not runs[kind].failed
    assert all(o.status == "graded" for o in runs[kind].outcomes if o.student == "solution")


def test_the_release_keeps_the_article_and_items_but_no_key(own_course):
    root, _ = own_course
    release = root / "release" / "ott-attribution"
    assert (release / ARTICLE.name).read_text(encoding="utf-8") == ARTICLE.read_text(encoding="utf-8")
    items = json.loads((release / "medialit-items.json").read_text(encoding="utf-8"))
    assert [i["id"] for i in items["items"]] == ["ott-attribution-q1", "ott-attribution-q2"]
    text = (release / "ott-attribution.ipynb").read_text(encoding="utf-8")
    assert "KEY =" not in text and "Sujata Raisinghani" not in text  # the key stays in source/


def _said(root: Path, student: str, name: str, grade_id: str) -> str:
    nb = nbformat.read(root / "autograded" / student / name / f"{name}.ipynb", as_version=4)
    (found,) = [c for c in nb.cells if c.metadata.get("nbgrader", {}).get("grade_id") == grade_id]
    return "".join(o.get("text", "") + o.get("evalue", "") for o in found.outputs)


def test_partial_credit_and_feedback_as_in_the_built_in_exercises(own_course):
    root, runs = own_course
    scores = {o.student: o.scores for o in runs["unsupported"].outcomes}
    assert scores["partial"] == pytest.approx({"ott-unsupported-q1-test": 1.5})  # 1 of 2 found, its reason right
    said = _said(root, "partial", "ott-unsupported", "ott-unsupported-q1-test")
    assert "ott-unsupported-q1: 1.5 of 3 points; 1 of 2 sentences found" in said
    assert "no saved highlights" in _said(root, "unchanged", "ott-unsupported", "ott-unsupported-q1-test")


def test_an_own_attribution_exercise_grades_the_cue_as_ex01_q2_does(own_course):
    root, runs = own_course
    scores = {o.student: o.scores for o in runs["attribution"].outcomes}
    # the speakers half only: each source linked to another attribution's cue
    assert scores["wrong-cues"]["ott-attribution-q2-test"] == pytest.approx(1.0)
    said = _said(root, "wrong-cues", "ott-attribution", "ott-attribution-q2-test")
    assert "ott-attribution-q2: 1 of 2 points; 0 of" in said and "linked to the right cue" in said


def test_the_class_report_reads_the_new_items(own_course):
    from medialit.instructor import report

    root, _ = own_course
    rows, _ = report.key_rows(root, "ott-attribution")
    assert {r.item for r in rows} == {"ott-attribution-q1", "ott-attribution-q2"}
    # the solution found every key item, the release none ('wrong-cues' is the solution with q2's cues swapped)
    assert all(set(r.right_by) - {"wrong-cues"} == {"solution"} for r in rows)
