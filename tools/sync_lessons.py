"""Write the lesson notebooks from their Markdown sources (run: python tools/sync_lessons.py [--check]).

Authors edit two kinds of file, and commit them with the notebooks this writes:

- ``notebooks/sources/NN-name.md``: the lesson as MyST Markdown in jupytext's
  ``md:myst`` format (code cells in ```` ```{code-cell} ipython3 ```` fences,
  ``+++`` between two Markdown cells);
- ``notebooks/questions/lesson-NN.yaml``: its self-checks (and ``keys/`` for
  highlighting activities), read by ``medialit.exercises.lessons`` at run time.

This writes ``notebooks/NN-name.ipynb`` for each source: cell ids ``c00``,
``c01``, ... by position, no outputs, kernel ``python3``. It runs ``ruff format``
on the notebooks (copying any change back into the source, so the two never
drift) and ``ruff check``, and regenerates the answer table at the end of
``course/instructor-guide.md`` from the questions. It also copies the annotation
guidelines, ``course/annotation-guidelines.md`` (their one definition), to
``notebooks/annotation-guidelines.md``: lessons and feedback cite their rules
(K1, K2, ...), and students on a hub or with the laptop handout get ``notebooks/``
only; and the project's rubrics, ``course/rubrics.md``, to ``notebooks/rubrics.md``
(lesson 7 sends a learner to them; lab.sh's file browser leaves ``course/`` out, as it
holds the instructor's answers). ``--check`` writes nothing and exits 1 naming each
notebook that differs from its source, and a copy that differs from its original.

The notebooks carry no jupytext metadata on purpose: they are not paired with
their sources, so a student who saves a lesson in a JupyterLab that has
jupytext installed writes only the ``.ipynb`` and never rewrites a source. A
hand edit to a ``.ipynb`` is caught by ``tests/unit/test_lesson_sources.py``
and lost at the next run: edit the source. Adding a lesson is adding one
``.md`` and one ``.yaml``.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
from pathlib import Path

import jupytext
import nbformat

REPO = Path(__file__).resolve().parents[1]
NOTEBOOKS = REPO / "notebooks"
SOURCES = NOTEBOOKS / "sources"
GUIDE = REPO / "course" / "instructor-guide.md"
GUIDELINES = REPO / "course" / "annotation-guidelines.md"
GUIDELINES_COPY = NOTEBOOKS / "annotation-guidelines.md"
COPY_HEAD = (
    "<!-- A copy of course/annotation-guidelines.md, written by tools/sync_lessons.py so that students, who get\n"
    "     notebooks/ only, can read the rules lessons and feedback cite. Edit that file, never this one. -->\n\n"
)
RUBRICS = REPO / "course" / "rubrics.md"
RUBRICS_COPY = NOTEBOOKS / "rubrics.md"
RUBRICS_HEAD = (
    "<!-- A copy of course/rubrics.md, written by tools/sync_lessons.py so that learners, who get notebooks/ only\n"
    "     (lab.sh's file browser leaves course/ out: it holds the answers), can mark their project with it. Edit that\n"
    "     file, never this one. -->\n\n"
)
TABLE_HEAD = "| id | question | expected answer |\n|---|---|---|\n"
KERNEL = {
    "kernelspec": {"display_name": "Python 3 (ipykernel)", "language": "python", "name": "python3"},
    "language_info": {"name": "python"},
}


def sources() -> list[Path]:
    """The lesson sources, in lesson order."""
    return sorted(SOURCES.glob("[0-9][0-9]-*.md"))


def target(source: Path) -> Path:
    return NOTEBOOKS / f"{source.stem}.ipynb"


def notebook(source: Path) -> nbformat.NotebookNode:
    """The notebook a source gives: its cells in order, stable ids, no outputs, no editor metadata."""
    nb = jupytext.read(source, fmt="md:myst")
    nb.metadata = nbformat.from_dict(KERNEL)
    nb.nbformat, nb.nbformat_minor = 4, 5
    for i, cell in enumerate(nb.cells):
        cell.id = f"c{i:02d}"
        if cell.cell_type == "code":
            cell.outputs, cell.execution_count = [], None
    nbformat.validate(nb)
    return nb


def differences(source: Path) -> list[str]:
    """How the committed notebook differs from what its source gives (empty: in sync)."""
    path = target(source)
    if not path.exists():
        return [f"{path.name} is missing"]
    want, have = notebook(source), nbformat.read(path, as_version=4)
    if have.metadata != want.metadata:
        return [f"{path.name}: notebook metadata {dict(have.metadata)}"]
    found = [f"{path.name}: {len(have.cells)} cells, the source gives {len(want.cells)}"]
    found = found if len(have.cells) != len(want.cells) else []
    for mine, theirs in zip(have.cells, want.cells, strict=False):
        if mine != theirs:
            found.append(f"{path.name}: cell {theirs.id} ({theirs.cell_type}) differs from {source.name}")
    return found


def guidelines_copy() -> str:
    """What ``notebooks/annotation-guidelines.md`` holds: the guidelines as they are, under a line saying so."""
    return COPY_HEAD + GUIDELINES.read_text(encoding="utf-8")


def rubrics_copy() -> str:
    """What ``notebooks/rubrics.md`` holds: the rubrics under a line saying so; the syllabus, which stays in
    ``course/``, named without a link (the guidelines' link finds their copy beside it)."""
    return RUBRICS_HEAD + RUBRICS.read_text(encoding="utf-8").replace("[syllabus](syllabus.md)", "syllabus")


def copy_differences() -> list[str]:
    """How the students' copies differ from their originals (empty: in sync)."""
    found = []
    copies = ((GUIDELINES_COPY, guidelines_copy(), GUIDELINES), (RUBRICS_COPY, rubrics_copy(), RUBRICS))
    for copy, text, original in copies:
        if not copy.exists():
            found.append(f"{copy.name} is missing")
        elif copy.read_text(encoding="utf-8") != text:
            found.append(f"{copy.name} differs from course/{original.name}")
    return found


def orphans() -> list[Path]:
    """Lesson notebooks without a source (a renamed or deleted lesson): the tool never writes them."""
    made = {target(s) for s in sources()}
    return [p for p in sorted(NOTEBOOKS.glob("[0-9][0-9]-*.ipynb")) if p not in made]


def write_all() -> list[Path]:
    """Write every notebook, format its code with ruff, and carry ruff's changes back into the source."""
    paths = []
    for source in sources():
        nb = notebook(source)
        nbformat.write(nb, target(source))
        paths.append((source, nb))
    ruff = Path(sys.executable).parent / "ruff"
    subprocess.run([str(ruff), "format", "--quiet", *(str(target(s)) for s, _ in paths)], check=True)
    for source, before in paths:
        after = nbformat.read(target(source), as_version=4)
        _copy_code_back(source, before, after)
    return [target(s) for s, _ in paths]


def _copy_code_back(source: Path, before: nbformat.NotebookNode, after: nbformat.NotebookNode) -> None:
    """Put ruff's formatting of each code cell into the source, in place of the code it replaced."""
    text = original = source.read_text(encoding="utf-8")
    cursor = 0
    for old, new in zip(before.cells, after.cells, strict=True):
        if old.cell_type != "code" or old.source == new.source:
            continue
        where = text.find(old.source, cursor)
        if where < 0:
            raise SystemExit(f"{source.name}: cannot find cell {old.id} to apply ruff's formatting; format it by hand")
        text = text[:where] + new.source + text[where + len(old.source) :]
        cursor = where + len(new.source)
        print(f"{source.name}: ruff formatted cell {old.id}")
    if text != original:
        source.write_text(text, encoding="utf-8")


def write_guide_answers() -> None:
    """Regenerate the answer table at the end of the instructor guide from the questions."""
    os.environ["MEDIALIT_QUESTIONS"] = str(NOTEBOOKS / "questions")
    sys.path.insert(0, str(REPO / "src"))
    from medialit.exercises import lesson_keys, lessons

    rows = []
    for q in lessons.questions():
        answer = q.answer
        if q.kind == "spans":  # label: ‘words’ for each mark (the links' answer names them already)
            marks = [line.partition(": ") for line in lesson_keys.key_lines(q.id)]
            answer += " " + "; ".join(f"{label}: {words}" for label, _, words in marks)  # words quoted already
        rows.append(f"| `{q.id}` | {q.prompt} | {answer} |\n")
    text = GUIDE.read_text(encoding="utf-8")
    GUIDE.write_text(text[: text.index(TABLE_HEAD) + len(TABLE_HEAD)] + "".join(rows), encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="write nothing; exit 1 if a notebook differs")
    args = parser.parse_args(argv)
    lost = orphans()
    if lost:
        print(f"no source for {', '.join(p.name for p in lost)}: add it to notebooks/sources/ or delete the notebook")
        return 1
    if args.check:
        found = [line for source in sources() for line in differences(source)] + copy_differences()
        print("\n".join(found) or f"{len(sources())} lessons and the guidelines' and rubrics' copies in sync")
        return 1 if found else 0
    paths = write_all()
    for path in paths:
        print(path.relative_to(REPO))
    write_guide_answers()
    GUIDELINES_COPY.write_text(guidelines_copy(), encoding="utf-8")
    print(GUIDELINES_COPY.relative_to(REPO))
    RUBRICS_COPY.write_text(rubrics_copy(), encoding="utf-8")
    print(RUBRICS_COPY.relative_to(REPO))
    ruff = Path(sys.executable).parent / "ruff"
    return subprocess.run([str(ruff), "check", "--quiet", *map(str, paths)]).returncode


if __name__ == "__main__":
    sys.exit(main())
