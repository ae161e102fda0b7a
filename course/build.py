"""Build the answer keys (course/keys/*.json) and the nbgrader source notebooks (solutions/*/).

Run from the repository root: ``python course/build.py``. Keys come from the
shared corpus gold files (offsets checked against the bundled article text)
plus the reasons and accepted words written below; the notebooks embed each key
only in a hidden test cell. Rerun after editing this file, then regenerate
``exercises/`` (see course/grading.md).
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import nbformat

from medialit.grading import ITEMS, item, key_spans
from medialit.spans import body_sha256, load_annotations

REPO = Path(__file__).resolve().parents[1]
GOLD = REPO.parent / "shared" / "corpus" / "dev"

# ex01-q3: kind of each source in the Scientology part (the corpus has speakers, not kinds)
SOURCE_KIND = {
    "other sites such as Gawker.com": "vague",
    "Matthew Ingram of The Globe and Mail": "named",
    "He": "named",
    "One poster": "anonymous",
    "The poster": "anonymous",
    "the post by an unknown author on pigmy": "anonymous",
}
# ex02: why each unsupported sentence is unsupported; "a/b" accepts either reason
REASON = {
    "There is increasing focus": "no_source",
    "The historic speech": "evaluation",
    "Prior to the speech, it was also known": "vague_source/hedge",
    "On Friday, fishermen": "hedge/vague_source",
    "One Rohingya, Muhammad Amin": "no_source",
    "Thailand has recently": "no_source",
    "Estimates suggest": "vague_source/hedge",
}
# ex03-q1: loaded words in Ingram's description, with accepted alternatives
LOADED = {
    "skirmish": ["skirmishes", "small skirmish"],
    "a war": ["war", "wars"],
    "waging": ["wage", "waged", "been waging"],
    "raided": ["raid", "raids"],
    "seized": ["seize"],
    "all-out war": ["all-out"],
}


def key_for(item_id: str) -> list[list]:
    """The key of one item as ``[start, end, label, (accepted...)]`` rows, all inside the item's part."""
    it = item(item_id)
    body = it.load().body
    start, end = it.bounds()
    gold = load_annotations(GOLD / f"{it.article}.gold.json")
    assert gold.body_sha256 == body_sha256(body), f"{it.article}: bundled text differs from the gold file"
    inside = [a for a in gold.attributions if start <= a.source.start and a.source.end <= end]
    rows: list[list] = []
    if it.id == "ex01-q1":
        rows = [[a.source.start, a.source.end, "source"] for a in inside]
        rows += [[a.cue.start, a.cue.end, "cue"] for a in inside]
    elif it.id == "ex01-q2":
        rows = [[a.source.start, a.source.end, a.speaker] for a in inside]
    elif it.id == "ex01-q3":
        seen = set()
        for a in inside:
            if (a.source.start, a.source.end) not in seen:
                seen.add((a.source.start, a.source.end))
                rows.append([a.source.start, a.source.end, SOURCE_KIND[a.source.text(body)]])
    elif it.kind == "sentences":
        for s in gold.sentences:
            if s.label == "unsupported" and start <= s.start and s.end <= end:
                reason = next(r for prefix, r in REASON.items() if body[s.start :].startswith(prefix))
                rows.append([s.start, s.end, reason])
    elif it.id == "ex03-q1":
        for words, accepted in LOADED.items():
            at = body.index(words, start)
            if words == "a war":
                at, words = at + 2, "war"
            rows.append([at, at + len(words), "loaded", accepted])
    assert rows and all(start <= r[0] < r[1] <= end for r in rows), item_id
    return sorted(rows)


def write_key(item_id: str, rows: list[list]) -> None:
    it = item(item_id)
    body = it.load().body
    start, end = it.bounds()
    gold = load_annotations(GOLD / f"{it.article}.gold.json")
    data = {
        "article": it.article,
        "body_sha256": body_sha256(body),
        "attributions": [a.to_dict(body) for a in gold.attributions if start <= a.source.start < end]
        if it.kind in ("spans", "speakers") and it.id.startswith("ex01")
        else [],
        "sentences": [{"start": r[0], "end": r[1], "label": "unsupported", "reasons": r[2].split("/")} for r in rows]
        if it.kind == "sentences"
        else [],
        "item": item_id,
        "points": it.points,
        "key": [
            {"start": r[0], "end": r[1], "label": r[2], "text": body[r[0] : r[1]], "accepted": (r[3:] or [[]])[0]}
            for r in rows
        ],
    }
    path = REPO / "course" / "keys" / f"{item_id}.json"
    path.write_text(json.dumps(data, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")


# ---------------------------------------------------------------- notebooks


def md(source: str, grade_id: str | None = None, **nbgrader) -> nbformat.NotebookNode:
    return _nbgrader_cell(nbformat.v4.new_markdown_cell(source.strip()), grade_id, nbgrader)


def code(source: str, grade_id: str | None = None, **nbgrader) -> nbformat.NotebookNode:
    return _nbgrader_cell(nbformat.v4.new_code_cell(source.strip()), grade_id, nbgrader)


def _nbgrader_cell(cell: nbformat.NotebookNode, grade_id: str | None, flags: dict) -> nbformat.NotebookNode:
    """Give a cell nbgrader metadata (schema 3): not graded, no solution, unlocked unless ``flags`` say so."""
    if grade_id:
        meta = {"schema_version": 3, "grade_id": grade_id, "grade": False, "solution": False, "locked": False}
        cell.metadata.nbgrader = meta | flags
    return cell


HOW = """
**How to answer.** Either mark the words in the highlighter and press *Save*
(your marks are saved in a file beside this notebook, named after the question),
or write your answer as a Python list in the answer cell. If you write a list,
it is used; if the answer stays `None`, your saved highlights are used. Run the
check cell: it tells you at once if the format is wrong. Your score comes from
hidden tests when the notebook is graded.
"""


def question(
    item_id: str, variable: str, prompt: str, solution: str, highlighter: bool = True, rows: list[list] | None = None
) -> list:
    """The question, show, answer and hidden-test cells of one item; ``rows`` is the key of a non-built-in item."""
    it = item(item_id)
    if rows is None:
        rows = key_for(item_id)
        write_key(item_id, rows)
    assert len(key_spans(rows)) == len(rows)
    cells = [md(f"### {item_id} ({it.points:g} points)\n\n{prompt}", f"{item_id}-question", locked=True)]
    show = f'show("{item_id}")' if highlighter else "None  # answer this one with a Python literal"
    cells.append(code(f'print(item("{item_id}").text())\n{show}', f"{item_id}-show", locked=True))
    answer = (
        f"{variable} = None  # None: use your saved highlights\n"
        f"### BEGIN SOLUTION\n{variable} = {solution}\n### END SOLUTION"
    )
    cells.append(code(answer, f"{item_id}-answer", solution=True))
    key = json.dumps(rows, ensure_ascii=False)
    test = (
        f'check("{item_id}", {variable})\n'
        f"### BEGIN HIDDEN TESTS\nKEY = {key}\n"
        f'_points = grade("{item_id}", {variable}, KEY).points\n'
        f"min(max(float(_points), 0.0), {float(it.points)})  # a plain float within the cell's points\n"
        "### END HIDDEN TESTS"
    )
    cells.append(code(test, f"{item_id}-test", grade=True, locked=True, points=it.points))
    return cells


def literal(item_id: str, rows: list[list]) -> str:
    """A model answer written the way a student would: words from the text, not offsets."""
    it = item(item_id)
    body = it.load().body
    start, _ = it.bounds()
    out = []
    for r in rows:
        words = body[r[0] : r[1]]
        nth = body[start : r[0] + len(words)].count(words)
        if it.kind == "sentences":
            out.append((" ".join(words.split()[:6]), r[2].split("/")[0]))
        elif it.kind == "words":
            out.append(words)
        elif it.kind == "speakers":
            out.append((words, r[2], nth))
        else:
            out.append((words, r[2], nth) if nth > 1 else (words, r[2]))
    if it.kind == "speakers":
        return "[\n" + "".join(f"    ({w!r}, {s!r}, {n}),\n" for w, s, n in out) + "]"
    return "[\n" + "".join(f"    {e!r},\n" for e in out) + "]"


SETUP = "from medialit.grading import check, grade, item, show"


def notebook(title: str, intro: str, cells: list) -> nbformat.NotebookNode:
    nb = nbformat.v4.new_notebook()
    nb.metadata.kernelspec = {"name": "python3", "display_name": "Python 3", "language": "python"}
    nb.metadata.language_info = {"name": "python"}
    nb.cells = [md(f"# {title}\n\n{intro}\n{HOW}"), code(SETUP, "setup", locked=True), *cells]
    for number, cell in enumerate(nb.cells):  # stable ids: rebuilding changes nothing that did not change
        cell.id = cell.metadata.get("nbgrader", {}).get("grade_id", f"cell-{number}")
    return nb


def ex01() -> nbformat.NotebookNode:
    cells = question(
        "ex01-q1",
        "answer_q1",
        "In this part of the example article, mark every **source** (the words naming who says it) "
        "and every **cue** (the verb or phrase that tells you it is reported: *said*, *according to*). "
        "Labels: `source`, `cue`. Write `('words', 'label', 2)` for the second occurrence of the same words.",
        literal("ex01-q1", key_for("ex01-q1")),
    )
    cells += question(
        "ex01-q2",
        "answer_q2",
        "For each source you marked above, who is speaking? Give the person's name, even when the text "
        "says *I*, *he* or a title. Answer as a list of `('source words', 'speaker name', n)` "
        "(n = which occurrence, 1 for the first).",
        literal("ex01-q2", key_for("ex01-q2")),
        highlighter=False,
    )
    cells += question(
        "ex01-q3",
        "answer_q3",
        "A second article. Mark each **source** and say what kind it is: `named` (a person or organisation "
        "you could look up), `vague` (a group you cannot pin down: *critics*, *other sites*) or `anonymous` "
        "(one unidentified person or post).",
        literal("ex01-q3", key_for("ex01-q3")),
    )
    return notebook(
        "Exercise 1: who is speaking?",
        "Find the attributions, name each speaker, and tell named sources from vague or anonymous ones.",
        cells,
    )


def ex02() -> nbformat.NotebookNode:
    reasons = (
        "`no_source` (nobody is credited), `vague_source` (*it is known*, *estimates suggest*), "
        "`hedge` (*reportedly*, *may*) or `evaluation` (an opinion stated as fact)"
    )
    cells = question(
        "ex02-q1",
        "answer_q1",
        f"Which sentences in this part of the example article are **unsupported**? For each, say why: {reasons}. "
        "Answer with the first words of the sentence: `('The first words', 'reason')`.",
        literal("ex02-q1", key_for("ex02-q1")),
    )
    cells += question(
        "ex02-q2",
        "answer_q2",
        "Transfer: the same question on a news article you have not seen in the lessons.",
        literal("ex02-q2", key_for("ex02-q2")),
    )
    return notebook(
        "Exercise 2: unsupported statements",
        "Find the statements the article makes without support, and say why they are unsupported.",
        cells,
    )


RUBRIC = """
*Model answer.* The words come from Ingram's blog post, quoted by the reporter: a
*skirmish* in a *war* being *waged*, homes *raided*, computers *seized*, an
*all-out war*. They frame a dispute about a video as a long armed conflict with
the Church as aggressor. The reporter keeps them inside quotation marks and
credits Ingram, so the framing is his, not the news report's.

**Rubric (2 points).** 1 point: names at least two war words and says what picture
they create (conflict, attack, aggression). 1 point: notices that the words are
Ingram's (quoted and attributed), not the reporter's. No points for only listing
words.
"""


def ex03() -> nbformat.NotebookNode:
    cells = question(
        "ex03-q1",
        "answer_q1",
        "Mark the **loaded words**: words that carry a judgement or a picture beyond the facts. "
        "Answer as a list of words as they appear in the text (another form of the same word counts too).",
        literal("ex03-q1", key_for("ex03-q1")),
    )
    cells.append(
        md(
            "### ex03-q2 (2 points)\n\nWhat picture do these words create, and whose words are they? "
            "Answer in two or three sentences in the cell below.",
            "ex03-q2-question",
            locked=True,
        )
    )
    cells.append(md(RUBRIC, "ex03-q2-answer", solution=True, grade=True, locked=False, points=2))
    return notebook(
        "Exercise 3: framing",
        "Find loaded and evaluative words, then explain in your own words what they do.",
        cells,
    )


ASSIGNMENTS = {"ex01-attribution": ex01, "ex02-unsupported": ex02, "ex03-framing": ex03}


def main() -> int:
    for name, build in ASSIGNMENTS.items():
        folder = REPO / "solutions" / name
        folder.mkdir(parents=True, exist_ok=True)
        nb = build()
        nbformat.validate(nb)
        nbformat.write(nb, folder / f"{name}.ipynb")
        print(f"wrote solutions/{name}/{name}.ipynb")
    assert set(ITEMS) <= {p.stem for p in (REPO / "course" / "keys").glob("*.json")}
    return 0


if __name__ == "__main__":
    sys.exit(main())
