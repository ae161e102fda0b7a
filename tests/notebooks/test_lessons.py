"""The lesson notebooks: committed clean, links that resolve, and every one runs top to bottom.

Execution uses the real kernel (nbclient, kernel ``python3``) in a temporary
copy of ``notebooks/`` so that sidecars and exports never land in the
checkout. A notebook that needs a piece of the kit that does not exist yet
fails with a message naming the piece, instead of an import traceback.
"""

from __future__ import annotations

import ast
import importlib
import re
import shutil
import time
from pathlib import Path

import nbformat
import pytest

REPO = Path(__file__).resolve().parents[2]
NOTEBOOKS = REPO / "notebooks"
LESSONS = sorted(NOTEBOOKS.glob("[0-9][0-9]-*.ipynb"))
ARTIFACTS = REPO / "test-artifacts"
PIECES = {
    "from medialit import Highlighter": ("medialit", "Highlighter"),
    "from medialit.nlp.analysis import analyze": ("medialit.nlp.analysis", "analyze"),
    "from medialit.nlp.framing import FRAMING_CATEGORIES": ("medialit.nlp.framing", "FRAMING_CATEGORIES"),
}
LINK = re.compile(r"\]\(([^)\s]+)\)")
# A cell's last line returning a path or a plain object shows its repr as Out[n] (lesson 0 showed PosixPath(...)).
PYTHON_REPR = re.compile(r"(Posix|Windows)?Path\(|<[\w.]+ object at 0x")


def read(path: Path) -> nbformat.NotebookNode:
    return nbformat.read(path, as_version=4)


def test_the_lessons_are_numbered_in_order():
    assert len(LESSONS) >= 9
    assert [p.name[:2] for p in LESSONS] == [f"{n:02d}" for n in range(len(LESSONS))]


@pytest.mark.parametrize("path", LESSONS, ids=lambda p: p.stem)
def test_committed_without_outputs_and_with_clean_metadata(path):
    nb = read(path)
    nbformat.validate(nb)
    assert nb.metadata.kernelspec.name == "python3"
    assert set(nb.metadata) <= {"kernelspec", "language_info"}, "no widget state or other editor metadata"
    for cell in nb.cells:
        if cell.cell_type == "code":
            assert cell.outputs == [] and cell.execution_count is None, f"{path.name} {cell.id} has outputs"
        assert not cell.metadata, f"{path.name} {cell.id} has metadata {dict(cell.metadata)}"


def markdown_links(path: Path) -> list[str]:
    if path.suffix == ".ipynb":
        text = "\n".join(c.source for c in read(path).cells if c.cell_type == "markdown")
    else:
        text = path.read_text(encoding="utf-8")
    return [t for t in LINK.findall(text) if not re.match(r"[a-z]+:|#", t)]


LINKED = (  # what students and instructors read: lessons, their pages, the exercises, the course and the docs
    LESSONS
    + sorted((NOTEBOOKS / "lateral-reading").glob("*.md"))
    + sorted((REPO / "exercises").glob("*/*.ipynb"))
    + sorted((REPO / "exercises").glob("*/pages/*.md"))
    + sorted((REPO / "course").glob("*.md"))
    + sorted((REPO / "course" / "jupyterhub").glob("*.md"))
    + sorted((REPO / "docs").glob("*.md"))
    + [REPO / "README.md"]
)


def given_to_students(path: Path) -> Path | None:
    """The folder a student gets a file in: notebooks/ alone (a hub's ~/lessons, the laptop handout), or an
    exercise's own folder (what nbgrader releases). A link out of it is dead there, however well it resolves
    in the checkout."""
    exercises = REPO / "exercises"
    if NOTEBOOKS in path.parents:
        return NOTEBOOKS
    if exercises in path.parents:
        return exercises / path.relative_to(exercises).parts[0]
    return None


@pytest.mark.parametrize("path", LINKED, ids=lambda p: str(p.relative_to(REPO)))
def test_relative_links_resolve(path):
    links = markdown_links(path)
    missing = [t for t in links if not (path.parent / t.split("#")[0]).exists()]
    assert not missing, f"{path.name} links to missing files: {missing}"
    given = given_to_students(path)
    outside = [t for t in links if given and given.resolve() not in (path.parent / t.split("#")[0]).resolve().parents]
    assert not outside, f"{path.name} links out of what a student gets ({given.name}/): {outside}"


def taught_order() -> list[Path]:
    """The lessons in the order they are taught: start here, then its lesson list (a lesson added later keeps
    the next free number, so the numbers alone do not give the order)."""
    listed = [NOTEBOOKS / name for name in markdown_links(LESSONS[0]) if re.fullmatch(r"\d\d-.+\.ipynb", name)]
    return [LESSONS[0], *dict.fromkeys(p for p in listed if p != LESSONS[0])]


def test_start_here_lists_every_lesson_once():
    assert sorted(taught_order()) == LESSONS


def test_every_lesson_links_to_start_here_and_the_next():
    order = taught_order()
    for i, path in enumerate(order):
        links = markdown_links(path)
        if i + 1 < len(order):
            assert order[i + 1].name in links, f"{path.name} does not link to {order[i + 1].name}"
        if i:
            assert LESSONS[0].name in links
            assert order[i - 1].name in links, f"{path.name} does not link back to {order[i - 1].name}"


def test_every_lesson_has_goals_timing_checks_and_summary():
    for path in LESSONS:
        text = "\n".join(c.source for c in read(path).cells)
        assert "After this lesson you can" in text and "minutes" in text, path.name
        assert "## Summary" in text, path.name
        assert "check(" in text or "check_highlights(" in text, path.name


def test_lesson_sidecars_are_named_for_the_lesson_and_ignored_by_git():
    ignored = (REPO / ".gitignore").read_text(encoding="utf-8")
    assert "*.highlights.json" in ignored
    for path in LESSONS:
        for name in re.findall(r'save_to="([^"]+)"', "\n".join(c.source for c in read(path).cells)):
            assert re.fullmatch(r"lesson0\d(-[a-z]+)?\.highlights\.json", name), f"{path.name}: sidecar {name}"
            assert name.startswith(f"lesson{path.name[:2]}"), f"{path.name}: sidecar {name} of another lesson"


def missing_pieces(nb: nbformat.NotebookNode) -> list[str]:
    """Kit pieces the notebook imports that cannot be imported yet."""
    source = "\n".join(c.source for c in nb.cells if c.cell_type == "code")
    missing = []
    for statement, (module, name) in PIECES.items():
        if statement in source:
            try:
                if not hasattr(importlib.import_module(module), name):
                    missing.append(f"{module}.{name}")
            except ImportError:
                missing.append(f"{module} (module)")
    return missing


@pytest.fixture(scope="module")
def workdir(tmp_path_factory) -> Path:
    target = tmp_path_factory.mktemp("lessons") / "notebooks"
    shutil.copytree(NOTEBOOKS, target, ignore=shutil.ignore_patterns("*.highlights.json", ".ipynb_checkpoints"))
    return target


@pytest.mark.notebook
@pytest.mark.model
@pytest.mark.parametrize("path", LESSONS, ids=lambda p: p.stem)
def test_lesson_runs_top_to_bottom_without_errors_or_stderr(path, workdir, monkeypatch):
    from nbclient import NotebookClient
    from nbclient.exceptions import CellExecutionError

    nb = read(workdir / path.name)
    missing = missing_pieces(nb)
    if missing:
        pytest.fail(f"{path.name} cannot run yet: missing {', '.join(missing)}")
    monkeypatch.setenv("PYTHONPATH", str(REPO / "src"))
    monkeypatch.setenv("MPLBACKEND", "module://matplotlib_inline.backend_inline")
    client = NotebookClient(nb, kernel_name="python3", timeout=180, resources={"metadata": {"path": str(workdir)}})
    began = time.perf_counter()
    try:
        client.execute()
    except CellExecutionError as error:
        pytest.fail(f"{path.name}: {str(error).splitlines()[-1] if str(error) else error}")
    seconds = time.perf_counter() - began
    report(path.name, seconds)
    problems = []
    for cell in nb.cells:
        for output in cell.get("outputs", []):
            if output.output_type == "error":
                problems.append(f"{cell.id}: {output.ename}: {output.evalue}")
            if output.output_type == "stream" and output.name == "stderr":
                problems.append(f"{cell.id} wrote to stderr: {output.text[:300]!r}")
            if shows_a_python_repr(output):
                problems.append(f"{cell.id} shows a Python repr: {output.data['text/plain'][:100]!r}")
    assert not problems, f"{path.name}:\n" + "\n".join(problems)
    printed = "".join(o.get("text", "") for c in nb.cells for o in c.get("outputs", []) if o.output_type == "stream")
    if any("compare_with_machine(" in c.source for c in nb.cells):  # issue 11: teach before telling
        assert "The analyzer's findings come after your own" in printed, f"{path.name} shows the machine first"
    images = sum("image/png" in o.get("data", {}) for c in nb.cells for o in c.get("outputs", []))
    code = [c.source for c in nb.cells if c.cell_type == "code"]
    drawn = sum("plots.show(" in c and "compare_with_machine(" not in c for c in code)  # gated: not yet
    assert images >= drawn, f"{path.name}: {drawn} figures shown but {images} images in the outputs"
    bare = [
        c.id for c in nb.cells for o in c.get("outputs", []) if "image/png" in o.get("data", {}) and not described(o)
    ]
    assert not bare, f"{path.name}: a figure without a title or alt text (drawn outside plots.show?) in {bare}"


def described(output) -> bool:
    """A figure as plots.show gives it: an HTML image with alt text a screen reader reads, and its title
    (plots.finish refuses a figure without a title, axis labels and alt text). A bare PNG has neither."""
    data = output.get("data", {})
    alt = re.search(r'<img [^>]*alt="([^"]+)"', data.get("text/html", ""))
    title = re.fullmatch(r"<figure: (.+)>", data.get("text/plain", ""))
    return bool(alt and alt.group(1).strip() and title)


def shows_a_python_repr(output) -> bool:
    """A result shown only as its repr (a widget's output carries its view too, and shows that)."""
    data = output.get("data", {})
    return "application/vnd.jupyter.widget-view+json" not in data and bool(
        PYTHON_REPR.match(data.get("text/plain", ""))
    )


def report(name: str, seconds: float) -> None:
    """Run times go to test-artifacts/notebook-times.txt (no timing asserts in tests)."""
    ARTIFACTS.mkdir(exist_ok=True)
    with (ARTIFACTS / "notebook-times.txt").open("a", encoding="utf-8") as handle:
        handle.write(f"{name}\t{seconds:.1f} s\n")
    print(f"{name}: {seconds:.1f} s")


def lesson_material() -> str:
    """Everything a student sees in the lessons: notebooks, self-check texts and keys, lateral-reading pages."""
    from medialit.exercises import lessons
    from medialit.exercises.lesson_questions import load_key

    texts = ["\n".join(c.source for c in read(p).cells) for p in LESSONS]
    texts += [p.read_text(encoding="utf-8") for p in (NOTEBOOKS / "lateral-reading").glob("*.md")]
    texts += [f"{q.prompt} {q.hint} {q.answer}" for q in lessons.questions()]
    texts += [mark.text for q in lessons.questions() if q.key for mark in load_key(q).marks]
    return " ".join(" ".join(texts).split())


def test_lessons_quote_no_sentence_of_a_graded_part():
    from medialit import load_article
    from medialit.exercises import ungraded_text
    from medialit.exercises.grading import ITEMS

    material = lesson_material()
    quoted = []
    for article_id in sorted({item.article for item in ITEMS.values()}):
        article = load_article(article_id)
        parts = ungraded_text.graded_parts(article)
        assert parts, f"no graded parts found for {article_id}"
        for start, end in article.sentences:
            if any(s <= start < e for s, e in parts):
                sentence = " ".join(article.body[start:end].lstrip("–— ").split())
                if len(sentence) >= 25 and sentence[:60] in material:
                    quoted.append(f"{article_id}: {sentence[:60]!r}")
    assert not quoted, "lessons quote graded sentences:\n" + "\n".join(quoted)


@pytest.mark.notebook
def test_lesson_one_counts_one_mark_as_one_passage(workdir, monkeypatch):
    """Lesson 1's count of the student's first marks said 'You marked 1 passages.' for one mark."""
    from nbclient import NotebookClient

    nb = read(workdir / "01-meet-the-article.ipynb")
    code = [c for c in nb.cells if c.cell_type == "code"]
    counting = next(i for i, c in enumerate(code) if "marks = first.spans" in c.source)
    one_mark = 'first.spans = [{"start": 0, "end": len(free.body.split()[0]), "label": "question"}]'
    nb.cells = [*code[:counting], nbformat.v4.new_code_cell(one_mark), code[counting]]
    monkeypatch.setenv("PYTHONPATH", str(REPO / "src"))
    NotebookClient(nb, kernel_name="python3", timeout=120, resources={"metadata": {"path": str(workdir)}}).execute()
    printed = "".join(o.get("text", "") for o in nb.cells[-1].outputs)
    assert printed.startswith("You marked 1 passage.\n"), printed


PRACTICE_FILE = 'ARTICLE_FILE = "articles/ferry-terminal-vote.md"'


def own_file(workdir: Path, name: str, text: str) -> nbformat.NotebookNode:
    """Lesson 7's first cell with ``ARTICLE_FILE`` set to ``name``, a file written as JupyterLab's text editor
    saves a paste (UTF-8), as lesson 7 tells a learner to do with an article of their own."""
    (workdir / name).write_text(text, encoding="utf-8")
    first = next(c for c in read(workdir / "07-your-own-article.ipynb").cells if c.cell_type == "code")
    assert PRACTICE_FILE in first.source
    first.source = first.source.replace(PRACTICE_FILE, f'ARTICLE_FILE = "{name}"')
    return first


def printed(cell: nbformat.NotebookNode) -> list[str]:
    return "".join(o.get("text", "") for o in cell.get("outputs", [])).splitlines()


@pytest.mark.notebook
@pytest.mark.model
def test_lesson_seven_with_a_missing_or_blank_file_explains_and_keeps_running(workdir, monkeypatch):
    from nbclient import NotebookClient

    nb = read(workdir / "07-your-own-article.ipynb")
    code = [c for c in nb.cells if c.cell_type == "code"]
    code[0].source = code[0].source.replace(PRACTICE_FILE, 'ARTICLE_FILE = "gone.txt"')
    blank = own_file(workdir, "blank-paste.txt", "  \n\n")
    nb.cells.insert(nb.cells.index(code[0]) + 1, blank)
    monkeypatch.setenv("PYTHONPATH", str(REPO / "src"))
    NotebookClient(nb, kernel_name="python3", timeout=180, resources={"metadata": {"path": str(workdir)}}).execute()
    streams = [o for c in nb.cells for o in c.get("outputs", []) if o.output_type == "stream"]
    text = "".join(o.text for o in streams)
    assert not [o for o in streams if o.name == "stderr"]
    assert "Using the practice article" in text
    # self25: the line says the folder a name is looked for in (the lesson's), not only "check the path"
    assert f"gone.txt: no such file in {workdir.resolve()} (a file name is looked for in the folder" in text, text
    assert printed(blank) == [
        "blank-paste.txt: the file holds only whitespace; give it some text",
        "Using the practice article until the file above loads.",
    ]


PASTED = (
    "Ferry “vote” passes 🚢\n"
    'The clerk wrote """maybe""" in the minutes; the files sit in C:\\Users\\news\\ferry, a \\N and a \\x too.\n'
    ">>> a forwarded reply, and a shrug: ¯\\_(ツ)_/¯\n"
    "A quote at the end, said “Anna”, and a path that ends in a backslash: C:\\ferry\\"
)


def test_lesson_seven_takes_a_pasted_article_as_it_is_with_triple_quotes_or_a_final_backslash(workdir, monkeypatch):
    """fix24: lesson 7 had a learner paste their article between the triple quotes of a raw string in a code cell;
    an article holding three double quotes, or ending in a backslash or a quotation mark right before the closing
    quotes, ended the string early or never: a SyntaxError traceback for the learner's own text. The lesson now has
    them paste it into a text file (File > New > Text File) that the loading cell reads, so no code cell holds their
    text as Python. Only the loading cell runs (no analyzer); the body read is the file's text, as it is."""
    from nbclient import NotebookClient

    nb = read(workdir / "07-your-own-article.ipynb")
    lesson = " ".join(" ".join(c.source for c in nb.cells if c.cell_type == "markdown").split())
    code = [c.source for c in nb.cells if c.cell_type == "code"]
    assert not [c for c in code if '"' * 3 in c or "'" * 3 in c], "a code cell takes the learner's text as Python"
    assert "File > New > Text File" in lesson and "`my-article.txt`" in lesson
    first = own_file(workdir, "my-article.txt", PASTED)
    nb.cells = [first, nbformat.v4.new_code_cell("print(repr(mine.body))")]
    monkeypatch.setenv("PYTHONPATH", str(REPO / "src"))
    NotebookClient(nb, kernel_name="python3", timeout=120, resources={"metadata": {"path": str(workdir)}}).execute()
    assert printed(first) == ["Loaded: Ferry “vote” passes 🚢 (46 words)"]
    assert ast.literal_eval(nb.cells[1].outputs[0]["text"]) == PASTED


def test_lesson_seven_says_in_one_line_when_an_own_article_is_not_english_or_very_long(workdir, monkeypatch):
    """self24: a German article pasted into lesson 7 was analyzed without a word (the analyzer is English: no
    attribution found, nothing said why), and a 78,802-word one kept the analysis cell busy for minutes. Only the
    loading cell runs (no analyzer); an English article gets no note."""
    from nbclient import NotebookClient

    german = (
        "Stadtrat stimmt für neues Fährterminal\n"
        "Der Stadtrat hat am Montag mit 7 zu 4 Stimmen für das neue Fährterminal gestimmt. „Das ist ein guter Tag "
        "für die Stadt“, sagte Bürgermeisterin Ingrid Dahl. Kritiker meinen, die Kosten seien zu hoch.\n"
    )
    practice = next(c for c in read(workdir / "07-your-own-article.ipynb").cells if c.cell_type == "code")
    long = "from medialit import from_text\nnote_own_article(from_text('Long\\n' + 'The mayor said so. ' * 2600))"
    nb = nbformat.v4.new_notebook()
    nb.cells = [practice, own_file(workdir, "stadtrat.txt", german), nbformat.v4.new_code_cell(long)]
    monkeypatch.setenv("PYTHONPATH", str(REPO / "src"))
    NotebookClient(nb, kernel_name="python3", timeout=120, resources={"metadata": {"path": str(workdir)}}).execute()
    said = [printed(c) for c in nb.cells]
    assert said[0][0].startswith("Loaded: ") and len(said[0]) == 1  # the practice article: English, short
    assert said[1] == [
        "Loaded: Stadtrat stimmt für neues Fährterminal (39 words)",
        "Note: this text does not look English; the analyzer reads English only, so what it finds below will be "
        "little or wrong: mark it yourself, or choose an English article.",
    ]
    assert said[2] == [
        "Note: 10,401 words is a long article; the analysis below may take a few minutes (a few thousand words are "
        "enough for this lesson)."
    ]


def test_lesson_seven_tells_students_what_the_syllabus_project_hands_in():
    """The syllabus marks the project on the files it names and a half-page report; lesson 7 ended with a
    'paragraph, for yourself or the class' and never said what to hand in."""
    syllabus = (REPO / "course" / "syllabus.md").read_text(encoding="utf-8")
    handed = re.search(r"hand in the exported files \(([^)]*)\)", syllabus)
    assert handed, "the syllabus no longer names the project's files"
    files = re.findall(r"`([^`]+)`", handed.group(1))
    assert files
    cells = read(NOTEBOOKS / "07-your-own-article.ipynb").cells
    lesson = " ".join(c.source for c in cells if c.cell_type == "markdown")
    assert all(f"`{name}`" in lesson for name in files), files
    assert "half-page report" in syllabus and "half a page" in lesson


@pytest.mark.notebook
@pytest.mark.model
def test_lesson_four_lists_each_analyzer_cue_as_quoted_or_in_the_papers_own_voice(workdir, monkeypatch):
    """self25, lesson 4 as a newcomer: the lesson said the analyzer 'says whether a cue sits inside a quotation (the
    speaker's words) or in the paper's own voice', and check 4.4 teaches that the mayor's *finally* is her framing;
    the list under it printed only each cue's first reason: 'finally': "the writer's judgement, not a checkable
    fact". Each cue's line now says whose words it stands in, as K10 reads them: a quote's or a paraphrase's
    (Haugen 'warned that the budget would almost certainly grow') or the paper's own (its scare quote too)."""
    from nbclient import NotebookClient

    nb = read(workdir / "04-framing.ipynb")
    cells = nb.cells
    attempt = next(i for i, c in enumerate(cells) if c.source.startswith('check_highlights("l4.framing-activity"'))
    cells[attempt].source = (  # a learner's first attempt: one mark checked, so the analyzer's findings show
        "from medialit.exercises.lessons import key_spans\n"
        'check_highlights("l4.framing-activity", key_spans("l4.framing-activity", practice)[:1], practice)'
    )
    listing = next(c for c in cells if "compare_with_machine(" in c.source)
    monkeypatch.setenv("PYTHONPATH", str(REPO / "src"))
    NotebookClient(nb, kernel_name="python3", timeout=180, resources={"metadata": {"path": str(workdir)}}).execute()
    lines = {line.split(":")[1].split("'")[1]: line for line in printed(listing) if ": '" in line}
    for theirs in ("finally", "certainly"):
        assert "a speaker's (quote or paraphrase)" in lines[theirs], lines[theirs]
    for own in ("heated", "claimed", "so-called", "“consultation”", "reportedly"):
        assert "the paper's own voice" in lines[own], lines[own]
