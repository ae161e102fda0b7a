"""An instructor's own article with the characters real copy has, through real nbgrader.

Windows line ends, curly quotes, an em dash, accented names and emoji: every
offset counts them as Python does, and the model answer that ``new-exercise``
writes must read back as the key. The pronoun *he* also stands inside *the*
before it, which an occurrence number must not count (a student's ``n`` counts
whole words).
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import attacks
import nbformat
import pytest

from medialit.cli import main
from medialit.core.article import load_article
from medialit.instructor import course

pytestmark = [pytest.mark.nbgrader, pytest.mark.slow]

TEXT = (
    "Café owners in Tromsø fight new parking fee 🚗\n\n"
    "Tromsø’s café owners say a new parking fee will empty the old town — and the council disagrees.\n\n"
    "“We will lose half our customers by Christmas,” said Zoë Brændeland, who runs Kaffebønna on Storgata.\n\n"
    "Councillor José Martínez told reporters that the fee would fund a new bus line. "
    "“Nobody will have to drive,” he said.\n\n"
    "Brændeland added that the owners’ association would appeal the decision. ☕\n"
)
# (source words, n-th in the body, speaker, cue words, the cue comes after the source)
SOURCES = [
    ("Tromsø’s café owners", 1, "Tromsø’s café owners", "say", True),
    ("Zoë Brændeland", 1, "Zoë Brændeland", "said", False),
    ("Councillor José Martínez", 1, "José Martínez", "told", True),
    (" he ", 1, "José Martínez", "said", True),
    ("Brændeland", 2, "Zoë Brændeland", "added", True),
]
NAME = "cafe-attribution"


def _at(body: str, words: str, nth: int, after: int = 0) -> tuple[int, int]:
    start = after - 1
    for _ in range(nth):
        start = body.index(words, start + 1)
    words = words.strip()
    start = body.index(words, start)
    return start, start + len(words)


def _key(body: str) -> dict:
    marks = []
    for words, nth, speaker, cue, after in SOURCES:
        start, end = _at(body, words, nth)
        cue_start, cue_end = _at(body, cue, 1, after=end if after else 0)
        marks.append(
            {
                "start": start,
                "end": end,
                "label": "source",
                "text": body[start:end],
                "speaker": speaker,
                "cue": {"start": cue_start, "end": cue_end},
            }
        )
    sha = hashlib.sha256(body.encode("utf-8")).hexdigest()
    return {"format": "medialit-key", "version": 2, "item": "cafe", "body_sha256": sha, "marks": marks}


@pytest.fixture(scope="module")
def own(tmp_path_factory, nbgrader_env):
    tmp = tmp_path_factory.mktemp("chars")
    raw = tmp / "cafe.txt"
    raw.write_bytes(TEXT.replace("\n", "\r\n").encode("utf-8"))
    article = tmp / "cafe.md"
    given = ["--id", "cafe", "--outlet", "Test", "--date", "2026-11-20", "--url", "https://example.org/c"]
    assert main(["new-article", str(raw), *given, "--license", "CC BY 4.0", "--out", str(article)]) == 0
    body = load_article(article).body
    assert "\r\n" in body and "🚗" in body  # kept as written: the offsets count them
    key = tmp / "cafe.key.json"
    key.write_text(json.dumps(_key(body), ensure_ascii=False), encoding="utf-8")
    solutions = tmp / "solutions"
    solutions.mkdir()
    assert main(["new-exercise", str(article), str(key), "--kind", "attribution", "--into", str(solutions)]) == 0
    c = attacks.new_course(tmp / "course", NAME, timeout=20, solutions=solutions)
    source, release = c.source(NAME), c.release(NAME)
    for student, nb in {"solution": attacks.typed(source, release), "unchanged": release}.items():
        c.submit(student, NAME, nb)
    return c.root, course.grade(c.root, NAME, jobs=1)


def test_the_release_carries_the_article_byte_for_byte(own):
    root, _ = own
    released = (root / "release" / NAME / "cafe.md").read_bytes()
    assert released == (root / "source" / NAME / "cafe.md").read_bytes()
    assert b"\r\n" in released


def test_the_model_answer_new_exercise_writes_gets_full_marks(own):
    _, run = own
    scores = {o.student: o.scores for o in run.outcomes}
    assert scores["solution"] == pytest.approx({f"{NAME}-q1-test": 3.0, f"{NAME}-q2-test": 2.0})
    assert scores["unchanged"] == pytest.approx({f"{NAME}-q1-test": 0.0, f"{NAME}-q2-test": 0.0})


def test_the_model_answer_counts_whole_words(own):
    root, _ = own
    source = Path(root / "source" / NAME / f"{NAME}.ipynb").read_text(encoding="utf-8")
    assert "('he', 'source')" in source  # the first whole-word 'he', though 'the' comes before it


def test_q2_offers_the_linking_highlighter_from_the_q1_marks(own, monkeypatch):
    """instructor16: an own attribution exercise's q2 showed no highlighter while its answer cell said 'None:
    use your saved highlights' (ex01-q2 has one, starting from the q1 marks)."""
    pytest.importorskip("anywidget")
    from medialit.exercises.grading import show

    root, _ = own
    release = root / "release" / NAME
    cell = next(
        c for c in nbformat.read(release / f"{NAME}.ipynb", as_version=4).cells if c.get("id") == f"{NAME}-q2-show"
    )
    assert f'show("{NAME}-q2")' in cell.source
    monkeypatch.chdir(release)
    body = load_article("cafe.md").body
    start = body.index("Zoë Brændeland")
    show(f"{NAME}-q1").add_span(start=start, end=start + len("Zoë Brændeland"), label="source")
    q2 = show(f"{NAME}-q2")
    assert q2.linking is True
    assert [(s["start"], s["label"]) for s in q2.spans] == [(start, "source")]
