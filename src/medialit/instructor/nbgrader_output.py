"""nbgrader preprocessors medialit adds to autograde and feedback.

``OverwriteReleasedCells`` checks a handed-in test cell against what was released;
``TrimOutput`` cuts very long outputs: nbgrader's ``LimitOutput`` counts lines,
so one 100 MB line would pass into the autograded notebook and the feedback
page. ``DataGrades`` and ``ShowMarks`` put medialit's grading-as-data results
where nbgrader and the formgrader look for them; ``NotesForTheGrader`` (with ``GraderNotes``) shows the
rubric to the grader in the formgrader, never written into ``autograded/``, and ``DropGraderNotes`` keeps notes
an older medialit wrote there out of feedback;
``ClearAnswers`` gives a highlighting answer cell its own released stub; ``KeepMarksOut`` keeps a
highlights file saved in ``source/`` (the instructor's own marks), and a key file left there, out of the release;
``DropHiddenTestOutput`` keeps what cells printed from a code test with hidden parts on out of the feedback;
``KeysOutOfAutograded`` takes it and the hidden tests out of the autograded notebook already (whatever the config);
``NameNoFeedback`` names each student ``generate_feedback`` makes no page for (grading failed, or not graded),
``NoPageLog`` also when nbgrader found no page to make at all; ``FeedbackPreprocessor`` is the base of
the feedback steps (``ClearHiddenTestsInFeedback`` is nbgrader's ``ClearHiddenTests`` on it);
``HideChecks``/``RestoreChecks`` and ``SandboxedExecute`` keep the keys and the
grader's files away from a student kernel when one must run; ``DropDuplicateIds``
grades a notebook in which a student copied a graded cell; ``InertMarkdown`` keeps a
student's markdown, and ``PlainOutputs`` what their kernel displayed, from running in the
grader's formgrader page.
"""

from __future__ import annotations

import logging
import re
import time
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

from nbformat.notebooknode import NotebookNode
from nbformat.v4 import new_markdown_cell, new_output
from nbgrader.api import Gradebook, MissingEntry
from nbgrader.coursedir import CourseDirectory
from nbgrader.preprocessors import (
    ClearHiddenTests,
    ClearSolutions,
    DeduplicateIds,
    Execute,
    NbGraderPreprocessor,
    OverwriteCells,
)
from nbgrader.utils import compute_checksum
from traitlets import Dict, Integer, List, Unicode

from medialit.core.saved_work import saved_work

HIGHLIGHT_ANSWER = "= None  # None: use your saved highlights"
"""The first line of every medialit answer cell (``exercise_notebook.question``, the kit's solutions)."""


class ClearAnswers(ClearSolutions):
    """Released solution regions: a medialit answer cell keeps ``answer = None`` and says where to answer.

    Any other region (an instructor's own code question) gets nbgrader's stub, which stays valid code
    inside a function; the highlight comment alone there was a SyntaxError in every released notebook.
    """

    highlight_stub = Unicode(
        "# YOUR ANSWER HERE (a Python list, or leave None to use your highlights)",
        help="what replaces the solution in a medialit answer cell",
    ).tag(config=True)

    def _replace_solution_region(self, cell: NotebookNode, language: str) -> bool:
        if cell.cell_type != "code" or HIGHLIGHT_ANSWER not in cell.source:
            return super()._replace_solution_region(cell, language)
        stubs, self.code_stub = self.code_stub, {**self.code_stub, language: self.highlight_stub}
        try:
            return super()._replace_solution_region(cell, language)
        finally:
            self.code_stub = stubs


class KeepMarksOut(NbGraderPreprocessor):
    """``generate_assignment``: no highlights file, pre-test answers or key file from ``source/ID`` stay in
    ``release/ID``.

    nbgrader copies every file of ``source/ID`` into the release before it converts the notebook. An
    instructor who marks in a highlighter while running the source notebook (the guide asks for a run
    before a release) saves those marks beside it, and released they would open every student's
    highlighter on them: most likely the answer. A highlights file has no use in a release, nor do the
    other saved work (``core.saved_work``: a save's temporary file, pre-test letters).
    """

    def preprocess(self, nb: NotebookNode, resources: dict) -> tuple[NotebookNode, dict]:
        assignment = resources["nbgrader"]["assignment"]
        coursedir = CourseDirectory(config=self.config)
        source = Path(resources["metadata"]["path"]).resolve()
        if source.name == assignment and source.parent.name == coursedir.source_directory:
            release = source.parent.parent / coursedir.release_directory / assignment
        else:  # a directory layout of one's own: where nbgrader's own coursedir puts it
            release = Path(coursedir.format_path(coursedir.release_directory, ".", assignment))
        kept_back = (p for p in release.rglob("*") if (saved_work(p.name) or key_file(p.name)) and not p.is_dir())
        for path in sorted(kept_back):
            path.unlink()
            held = "an answer key" if key_file(path.name) else "work saved in source/ (your marks or pre-test answers)"
            self.log.warning(
                "%s left out of the release: it holds %s, and every student would start from it; delete it from "
                "source/%s",
                path.name,
                held,
                assignment,
            )
        return nb, resources


KEY_ENDINGS = (".key.json", ".gold.json")
"""Answer keys (``medialit draft-key`` writes ``./ID.key.json`` by default) and gold files: never released."""


def key_file(name: str) -> bool:
    """Whether a file name (no folder) is an answer key's or a gold file's, in any letter case.

    leak23: ``draft-key`` run in an exercise's ``source/ID`` (where ``new-exercise`` copies the article) left
    ``ID.key.json`` there, and ``generate_assignment`` copied it into ``release/`` and the exchange with the notebook.
    """
    return name.lower().endswith(KEY_ENDINGS)


class OverwriteReleasedCells(OverwriteCells):
    """nbgrader's ``OverwriteCells``, comparing a locked cell with what was released, not with the source.

    ``generate_assignment`` saves a test cell's checksum before ``ClearHiddenTests`` (nbgrader 0.9's own
    preprocessor list), so a test cell with hidden parts, handed in exactly as released, never matched it:
    autograde warned "Attribute 'checksum' ... has changed!" for every such cell of every student (four per
    ex01 hand-in; jupyter/nbgrader#1961), and a real change drowned among them. A cell that is the source
    cell less its hidden tests gets them back before the check; any other change is still reported and
    overwritten by nbgrader as before.
    """

    def preprocess_cell(self, cell: NotebookNode, resources: dict, cell_index: int) -> tuple[NotebookNode, dict]:
        grade_id = cell.metadata.get("nbgrader", {}).get("grade_id")
        if grade_id is not None and cell.cell_type == "code":
            try:
                source = self.gradebook.find_source_cell(grade_id, self.notebook_id, self.assignment_id)
            except MissingEntry:
                source = None  # nbgrader says so and drops the grade id
            if source is not None and source.locked and source.cell_type == "code":
                released = NotebookNode(cell_type="code", source=source.source, metadata={})
                try:
                    cleared = ClearHiddenTests(parent=self)._remove_hidden_test_region(released)
                except RuntimeError:  # unbalanced markers: generate_assignment refused it, nothing was released
                    cleared = False
                if cleared and released.source == cell.source:
                    cell.source = source.source
        return super().preprocess_cell(cell, resources, cell_index)

    def preprocess(self, nb: NotebookNode, resources: dict) -> tuple[NotebookNode, dict]:
        nb, resources = super().preprocess(nb, resources)
        with Gradebook(self.db_url) as gb:
            self._put_back_written_answers(nb, gb.find_notebook(self.notebook_id, self.assignment_id))
        return nb, resources

    def _put_back_written_answers(self, nb: NotebookNode, source_nb: Any) -> None:
        """A written answer (a hand-graded markdown cell) the student deleted goes back as released, so it scores
        0 as an unanswered one does and the formgrader has a box for it (instr23: its gradebook row waited for a
        hand grade with no cell to give it in, on every run). Only these: a deleted test cell stays deleted, as
        its source in the gradebook holds the hidden tests."""
        ids = [c.metadata.get("nbgrader", {}).get("grade_id") for c in nb.cells]
        order = [c.name for c in source_nb.source_cells]
        points = {c.name: c.max_score for c in source_nb.grade_cells}
        for source in source_nb.source_cells:
            if source.name in ids or source.cell_type != "markdown" or source.locked or source.name not in points:
                continue
            cell = new_markdown_cell(source.source)
            fields = {"grade": True, "grade_id": source.name, "locked": False, "points": points[source.name]}
            cell.metadata["nbgrader"] = {**fields, "schema_version": 3, "solution": True}
            cell.metadata.nbgrader["checksum"] = compute_checksum(cell)  # as released: unchanged, so 0 points
            note = new_markdown_cell(f"*This answer cell ({source.name}) was deleted from the hand-in; it was put "
                                     "back empty and scores 0 points unless the grader gives points.*")  # fmt: skip
            before = [n for n in order[: order.index(source.name)] if n in ids]
            at = ids.index(before[-1]) + 1 if before else len(nb.cells)
            nb.cells[at:at] = [note, cell]
            ids[at:at] = [None, source.name]
            self.log.warning("%s: the answer cell was deleted: put back empty, 0 points", source.name)


class TrimOutput(NbGraderPreprocessor):
    """Cut stream and text outputs longer than ``max_chars``, saying how much was cut."""

    max_chars = Integer(100_000, help="longest text kept per output, in characters (-1: no limit)").tag(config=True)

    def preprocess_cell(self, cell: NotebookNode, resources: dict, index: int) -> tuple[NotebookNode, dict]:
        if cell.cell_type != "code" or self.max_chars < 0:
            return cell, resources
        for output in cell.get("outputs", []):
            if output.get("output_type") == "stream":
                output["text"] = self._cut(output.get("text", ""))
            elif "text/plain" in output.get("data", {}):
                output["data"]["text/plain"] = self._cut(output["data"]["text/plain"])
        return cell, resources

    def _cut(self, text: str | list) -> str:
        text = "".join(text) if isinstance(text, list) else text
        if len(text) <= self.max_chars:
            return text
        return text[: self.max_chars] + f"\n[... {len(text) - self.max_chars:,} characters of output cut by medialit]\n"


class DropDuplicateIds(DeduplicateIds):
    """nbgrader's ``DeduplicateIds`` (the last cell with a grade id keeps it), the copies made plain cells.

    A cell copied in JupyterLab keeps its nbgrader metadata. nbgrader empties the copies' metadata
    to ``{}``, which its own check then reads as an old format: the whole submission failed
    ("nbgrader update ."), and plain ``nbgrader autograde`` stopped for every student after it.
    """

    def preprocess(self, nb: NotebookNode, resources: dict) -> tuple[NotebookNode, dict]:
        nb, resources = super().preprocess(nb, resources)
        for cell in nb.cells:
            if cell.metadata.get("nbgrader") == {}:
                del cell.metadata["nbgrader"]
        return nb, resources


_SCHEME = re.compile(r"(?i)\b(javascript|vbscript|data)(\s*):")


def inert(markdown: str) -> str:
    """``markdown`` with no HTML tag, entity or link: it renders as the same words, and nothing runs.

    Links go too (``[`` escaped): the renderer decodes entities in a link's target, so ``java&#115;cript:`` was a
    script link however it was written."""
    text = markdown.replace("\\", "\\\\").replace("&", "&amp;").replace("<", "&lt;")
    return _SCHEME.sub(r"\1\2 :", text.replace("[", "\\[").replace("]", "\\]"))


SAFE_TAGS = {
    **dict.fromkeys(("p", "em", "strong", "del", "pre", "ul", "li", "blockquote", "hr", "br"), frozenset()),
    **dict.fromkeys(("table", "thead", "tbody", "tr"), frozenset()),
    **dict.fromkeys(("h1", "h2", "h3", "h4", "h5", "h6"), frozenset({"id"})),
    **dict.fromkeys(("code", "span", "div"), frozenset({"class"})),
    **dict.fromkeys(("th", "td"), frozenset({"style"})),
    "ol": frozenset({"start"}),
    "a": frozenset({"href", "class"}),
}
_SAFE_HREF = re.compile(r"(?i)(https?:|mailto:|#|[^:]*$)")


class _SafeTags(HTMLParser):
    """Whether rendered HTML holds only the tags and attributes plain markdown makes, and links to web pages."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=False)
        self.safe = True

    def handle_data(self, data: str) -> None:  # a '<' left as text is a tag the parser could not finish
        self.safe = self.safe and "<" not in data

    def unsafe(self, *_: object) -> None:  # comments, declarations: an open comment hides the grading form
        self.safe = False

    handle_comment = handle_decl = handle_pi = unknown_decl = unsafe

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        allowed = SAFE_TAGS.get(tag)
        for name, value in attrs if allowed is not None else []:
            href = re.sub(r"[\x00-\x20]", "", value or "")
            if name not in allowed or (name == "href" and not _SAFE_HREF.match(href)):
                self.safe = False
            if name == "style" and not re.fullmatch(r"text-align:(left|right|center)", value or ""):
                self.safe = False
        self.safe = self.safe and allowed is not None

    handle_startendtag = handle_starttag


def plain_markdown(markdown: str) -> bool:
    """Whether ``markdown`` renders, with the filter nbgrader's templates use, to plain markdown's HTML only (lists,
    emphasis, tables, code, maths, web links): such an answer is kept as written, so the grader reads it as the
    student wrote it; ``inert`` would double its maths' backslashes and escape ``<`` twice in code and maths."""
    from nbconvert.filters.markdown_mistune import IPythonRenderer, MarkdownWithMath

    if _SCHEME.search(markdown):  # e.g. MathJax's \href{javascript:...}, which no HTML check sees
        return False
    try:
        page = MarkdownWithMath(renderer=IPythonRenderer(escape=False)).render(markdown)  # as the templates render it
        escaped = MarkdownWithMath(renderer=IPythonRenderer(escape=True)).render(markdown)
    except Exception:  # attack22: a picture pasted in JupyterLab (``attachment:``) raised "missing attachment" here
        return False  # and failed the whole hand-in, 0 on every item: what cannot be rendered alone is not plain
    if page != escaped:
        return False  # HTML of the student's own: even a harmless-looking <div class=...> can cover the grading form
    check = _SafeTags()
    check.feed(page)
    check.close()
    return check.safe


class InertMarkdown(NbGraderPreprocessor):
    """A student's markdown and raw cells as text: no HTML, no ``javascript:`` link. Plain markdown
    (``plain_markdown``) stays as written, so the grader reads an honest answer's maths and code as written.

    The formgrader and the feedback render markdown cells with nbgrader's own templates, which pass raw
    HTML through (nbconvert's ``sanitize_html`` does not reach them): a student's ``<img onerror=...>`` ran
    in the grader's Jupyter page, with the grader's rights (``source/``, the gradebook, a terminal). Cells
    the source locks are the instructor's (``OverwriteCells`` has put them back, and removed grade ids the
    source does not have) and stay as written.
    """

    def preprocess_cell(self, cell: NotebookNode, resources: dict, index: int) -> tuple[NotebookNode, dict]:
        meta = cell.metadata.get("nbgrader", {})
        if cell.cell_type in ("markdown", "raw") and not (meta.get("grade_id") and meta.get("locked")):
            if cell.cell_type == "raw" or not plain_markdown(cell.source):
                cell.source = inert(cell.source)
            for key in ("format", "raw_mimetype"):  # a raw cell for text/html goes into the page as it is
                cell.metadata.pop(key, None)
        return cell, resources


PLAIN = ("text/plain", "image/png", "image/jpeg", "image/gif")  # what no page runs


class PlainOutputs(NbGraderPreprocessor):
    """What a student kernel displayed, as text and pictures only: its HTML, JavaScript, SVG and markdown went into
    the formgrader page as they were, and ran there with the grader's rights (as ``InertMarkdown`` says)."""

    def preprocess_cell(self, cell: NotebookNode, resources: dict, index: int) -> tuple[NotebookNode, dict]:
        for output in cell.get("outputs", []) if cell.cell_type == "code" else []:
            if "data" in output:
                output["data"] = {mime: value for mime, value in output["data"].items() if mime in PLAIN}
        return cell, resources


GRADER_NOTE = "medialit_grader_note"
"""Cell metadata key of notes for the grader only (the rubric); ``DropGraderNotes`` keeps them out of feedback."""
HIDDEN_CHECK = "# graded as data by medialit (not run in the student's kernel)"


class DataGrades(NbGraderPreprocessor):
    """Put medialit's grade of each item into its test cell's outputs, where nbgrader reads the score.

    ``results`` maps a test cell's grade id to ``{"points": float, "feedback": [lines]}``,
    computed from the submitted answer as data before anything ran. The kernel's
    own outputs of that cell, if any, are discarded.
    """

    results = Dict(help="grade id -> {'points': float, 'feedback': [str]}").tag(config=True)

    def preprocess_cell(self, cell: NotebookNode, resources: dict, index: int) -> tuple[NotebookNode, dict]:
        grade_id = cell.metadata.get("nbgrader", {}).get("grade_id")
        if cell.cell_type != "code" or grade_id not in self.results:
            return cell, resources
        found = self.results[grade_id]
        text = "\n".join(found["feedback"]) + "\n"
        cell.outputs = [
            new_output("stream", name="stdout", text=text),
            new_output("execute_result", data={"text/plain": repr(float(found["points"]))}, execution_count=None),
        ]
        return cell, resources


class ShowMarks(NbGraderPreprocessor):
    """Replace the output of each ``ITEM-show`` cell with the student's marks as static HTML."""

    marks = Dict(help="item id -> HTML of the student's marks").tag(config=True)

    def preprocess_cell(self, cell: NotebookNode, resources: dict, index: int) -> tuple[NotebookNode, dict]:
        grade_id = str(cell.metadata.get("nbgrader", {}).get("grade_id", ""))
        item_id = grade_id.removesuffix("-show")
        if cell.cell_type == "code" and grade_id.endswith("-show") and item_id in self.marks:
            cell.outputs = [new_output("display_data", data={"text/html": self.marks[item_id]}, metadata={})]
        return cell, resources


class GraderNotes(NbGraderPreprocessor):
    """After each hand-graded answer, a note for the grader: the model answer and rubric from ``source/``."""

    notes = Dict(help="grade id of a hand-graded cell -> markdown shown to the grader").tag(config=True)

    def preprocess(self, nb: NotebookNode, resources: dict) -> tuple[NotebookNode, dict]:
        cells = []
        for cell in nb.cells:
            cells.append(cell)
            grade_id = cell.metadata.get("nbgrader", {}).get("grade_id")
            if grade_id in self.notes:
                note = new_markdown_cell(f"**For the grader (not in feedback)**\n\n{self.notes[grade_id]}")
                note.metadata[GRADER_NOTE] = True
                cells.append(note)
        nb.cells = cells
        return nb, resources


class FeedbackPreprocessor(NbGraderPreprocessor):
    """A step of ``generate_feedback``: it takes the option ``display_data_priority`` the HTML exporter gives.

    The exporter sets ``NbConvertBase.display_data_priority`` for every preprocessor it runs, and nbgrader's
    ``NbGraderPreprocessor`` declares that trait again without ``config=True``: each step built on it logged
    "Config option `display_data_priority` not recognized" at every run, above the lines that matter. nbgrader's
    own feedback step ``GetGrades`` declares it as config; so do these. None of them reads it.
    """

    display_data_priority = List(
        ["text/html", "application/pdf", "text/latex", "image/svg+xml", "image/png", "image/jpeg", "text/plain"],
        help="output types in order of preference (set by the HTML exporter; not used here)",
    ).tag(config=True)


class ClearHiddenTestsInFeedback(FeedbackPreprocessor, ClearHiddenTests):
    """nbgrader's ``ClearHiddenTests`` as a feedback step (its ``c.ClearHiddenTests`` settings still apply)."""


class DropGraderNotes(FeedbackPreprocessor):
    """Feedback goes to students: leave out the grader's notes (model answers and rubrics)."""

    def preprocess(self, nb: NotebookNode, resources: dict) -> tuple[NotebookNode, dict]:
        nb.cells = [c for c in nb.cells if not c.get("metadata", {}).get(GRADER_NOTE)]
        return nb, resources


class NotesForTheGrader(FeedbackPreprocessor):
    """The formgrader's page of a submission, and no other: below each hand-graded answer, the model answer and
    rubric of ``source/`` (``GraderNotes``), read as the page is made.

    ``course grade`` wrote them into the autograded notebook, from which ``generate_feedback`` makes the students'
    pages: only the config's ``DropGraderNotes`` kept them out, and a config that stopped loading after grading left
    nbgrader's own steps, so every ex03 page showed the model answer (leak23). The course config gives this step to
    every HTML exporter (``c.HTMLExporter.preprocessors``); it works only in the formgrader's, whose template is
    ``formgrade`` (feedback's is ``feedback``). A note already in the notebook (graded by an older medialit) is
    replaced, not shown twice.
    """

    def preprocess(self, nb: NotebookNode, resources: dict) -> tuple[NotebookNode, dict]:
        from medialit.instructor.grade_worker import rubric_notes

        if getattr(self.parent, "template_name", None) != "formgrade":
            return nb, resources
        nb, resources = DropGraderNotes(parent=self).preprocess(nb, resources)
        folder = Path(resources.get("metadata", {}).get("path") or ".").resolve()  # COURSE/autograded/STUDENT/ID
        assignment = str(resources.get("assignment_id") or folder.name)
        if len(folder.parents) < 3:
            return nb, resources
        source = folder.parents[2] / CourseDirectory(config=self.config).source_directory / assignment
        try:
            notes = rubric_notes(source) if source.is_dir() else {}
        except Exception as error:  # a source notebook that does not read: the grader's page still opens
            self.log.warning("no notes for the grader from %s: %s", source, error)
            notes = {}
        return GraderNotes(parent=self, notes=notes).preprocess(nb, resources)


class NameNoFeedback(FeedbackPreprocessor):
    """``generate_feedback``: name, once per run, each student who handed in but gets no feedback page.

    nbgrader makes a page from every ``autograded/STUDENT/ID``; a student whose grading failed has none (their 0
    is in the gradebook, their autograded notebook is dropped: ``batch._drop_autograded``), and nbgrader passed
    them over without a word: the instructor sent everyone their page, and that student heard nothing.
    """

    def __init__(self, **kwargs: object) -> None:
        super().__init__(**kwargs)
        self._said: set[str] = set()

    def preprocess(self, nb: NotebookNode, resources: dict) -> tuple[NotebookNode, dict]:
        assignment = resources["nbgrader"]["assignment"]
        if assignment not in self._said:
            self._said.add(assignment)
            folder = Path(resources["metadata"]["path"]).resolve()  # COURSE/autograded/STUDENT/ID
            coursedir = getattr(getattr(self.parent, "parent", None), "coursedir", None)
            pattern = getattr(coursedir, "student_id", "*") or "*"
            for line in no_feedback(folder.parents[2], assignment, pattern):
                self.log.warning("%s", line)
        return nb, resources


NO_MATCH = re.compile(r"No notebooks were matched by '(?P<glob>.+)'")


class NoPageLog(logging.Handler):
    """On ``generate_feedback``'s log: when no hand-in has a page to make (every student's grading failed, or
    ``--student`` names one whose did), nbgrader runs no preprocessor and says only "No notebooks were matched";
    after that line, name each student ``NameNoFeedback`` would have named, with why and what to do.

    Set through traitlets' ``Application.logging_config`` (``logging_config`` below) by the course config.
    """

    def emit(self, record: logging.LogRecord) -> None:
        try:
            stopped = FAILED_ON.fullmatch(record.getMessage()) if record.levelno >= logging.ERROR else None
            if stopped and (line := not_in_gradebook(Path(stopped["path"]))):
                logging.getLogger(record.name).warning("%s", line)
                return
            said = NO_MATCH.fullmatch(record.getMessage()) if record.levelno >= logging.ERROR else None
            where = Path(said["glob"]) if said else None  # COURSE/autograded/STUDENT/ASSIGNMENT, glob patterns kept
            if where is None or len(where.parents) < 3 or where.parents[1].name != "autograded":
                return
            for line in no_feedback(where.parents[2], where.name, where.parent.name):
                logging.getLogger(record.name).warning("%s", line)
        except Exception:  # a log handler must not stop the command: logging reports it
            self.handleError(record)


FAILED_ON = re.compile(r"There was an error processing assignment: (?P<path>.+)")


def not_in_gradebook(where: Path) -> str:
    """For COURSE/autograded/STUDENT/ID that nbgrader stopped on: a line when STUDENT is no longer in the
    gradebook (removed, e.g. a student who dropped the course: instr23's generate_feedback ended in a traceback,
    ``MissingEntry: No such taskcomment``), else ""."""
    from nbgrader.api import MissingEntry

    from medialit.instructor.gradebook import db_url, gradebook

    if len(where.parents) < 3 or where.parents[1].name != "autograded":
        return ""
    course, student, assignment = where.parents[2], where.parent.name, where.name
    with gradebook(db_url(course)) as gb:
        try:
            gb.find_student(student)
            return ""
        except MissingEntry:
            pass
    return (
        f"{student}: not in the gradebook (removed, e.g. with `nbgrader db student remove`), so no feedback page "
        f"can be made from autograded/{student}/{assignment}: move that folder out of the course (and "
        f"submitted/{student}/{assignment}, .medialit/handins/{assignment}/{student}), then generate feedback again"
    )


def logging_config(app: str = "GenerateFeedbackApp") -> dict:
    """``c.GenerateFeedbackApp.logging_config``: traitlets' console handler, and ``NoPageLog`` after it."""
    return {
        "handlers": {"medialit_no_page": {"class": f"{__name__}.NoPageLog", "level": "ERROR"}},
        "loggers": {app: {"handlers": ["console", "medialit_no_page"]}},
    }


def name_no_page_in_server() -> None:
    """In a Jupyter server (the formgrader), put ``NoPageLog`` on the server's log, once; elsewhere do nothing.

    The formgrader's *Generate Feedback* buttons run nbgrader's converter on the server's log and show what it
    logged; ``c.GenerateFeedbackApp.logging_config`` applies only to the command line, so the button for a
    student whose grading failed said only "No notebooks were matched" above a traceback. The formgrader reads
    the course config before every such call: the config calls this.
    """
    import sys

    serverapp = sys.modules.get("jupyter_server.serverapp")  # never imported here: the command line has none
    if serverapp is None or not serverapp.ServerApp.initialized():
        return
    log = serverapp.ServerApp.instance().log
    if isinstance(log, logging.Logger) and not any(isinstance(h, NoPageLog) for h in log.handlers):
        log.addHandler(NoPageLog(logging.ERROR))


def no_feedback(course: Path, assignment: str, pattern: str = "*") -> list[str]:
    """One line for each student matching ``pattern`` with a hand-in of ``assignment`` but no autograded notebook:
    why (their grading's status, or not graded yet) and what to do."""
    from fnmatch import fnmatch

    from medialit.instructor.batch import graded_state, submissions

    lines = []
    for student in submissions(course, assignment):
        if not fnmatch(student, pattern) or any((course / "autograded" / student / assignment).glob("*.ipynb")):
            continue
        status = str(graded_state(course, assignment, student).get("status", ""))
        if status.startswith("failed: "):
            lines.append(
                f"{student}: no feedback page for {assignment}, as grading it failed ({status[8:]}); give "
                f"{student} that reason yourself, or fix the cause and run `medialit course grade {assignment}` again"
            )
        else:
            lines.append(
                f"{student}: no feedback page for {assignment}, as it is not graded yet; run "
                f"`medialit course grade {assignment}`, then generate feedback again"
            )
    return lines


HIDDEN_OUTPUT = "(output not shown in the feedback: a test with hidden parts ran here or before; points are above)\n"


class DropHiddenTestOutput(FeedbackPreprocessor):
    """Feedback: from the first code test with hidden parts on, cells show no output (before ``ClearHiddenTests``).

    nbgrader clears only the hidden source, but the kernel that ran it ran the student's code too: an
    answer cell that sets ``%xmode Verbose`` makes a failing test's traceback quote the hidden lines,
    an answer object compared there prints what it is compared with, and a ``pre_run_cell`` hook
    prints every later cell's source in a cell of the student's below. Medialit test and show cells keep
    their output: ``medialit course grade`` writes it from data after the kernel ran (``DataGrades``,
    ``ShowMarks``).
    """

    def preprocess(self, nb: NotebookNode, resources: dict) -> tuple[NotebookNode, dict]:
        from medialit.instructor.exercise_notebook import BEGIN_HIDDEN
        from medialit.instructor.grade_data import parse_check

        ours: set[str] = set()
        first = None
        for at, cell in enumerate(nb.cells):
            meta = cell.metadata.get("nbgrader", {})
            if cell.cell_type != "code" or not meta.get("grade"):
                continue
            try:
                check = parse_check(cell.source, "", str(meta.get("grade_id", "")))
            except (ValueError, TypeError, SyntaxError, MemoryError, RecursionError):  # KEY is not a literal
                check = None
            if check:  # its output and its show cell's are written from data after the kernel ran
                ours |= {check.grade_id, f"{check.item}-show"}
            elif BEGIN_HIDDEN in cell.source and first is None:
                first = at
        for cell in nb.cells[first:] if first is not None else []:
            if cell.cell_type == "code" and cell.metadata.get("nbgrader", {}).get("grade_id") not in ours:
                graded = cell.metadata.get("nbgrader", {}).get("grade")
                cell.outputs = (
                    [new_output("stream", name="stdout", text=HIDDEN_OUTPUT)] if graded or cell.outputs else []
                )
        return nb, resources


NOT_RUN_NOTE = "medialit_not_run_for_time"
"""Cell metadata of a cell the notebook's time ran out before (``KeysOutOfAutograded`` may drop its output)."""


class KeysOutOfAutograded(NbGraderPreprocessor):
    """Autograde, last step (scores saved): the autograded notebook keeps no hidden test and no output one made.

    ``generate_feedback`` makes each student's page from ``autograded/``. Medialit's feedback steps
    (``DropHiddenTestOutput``, ``ClearHiddenTestsInFeedback``) cleared the hidden tests there, but only while the
    course config loads: one typo in it and nbgrader ran its defaults, which show them, and every student's page
    held the answer keys (``KEY = ...``). Here they go before the feedback is made: ``DropHiddenTestOutput`` first
    (it finds the tests by their markers), then nbgrader's own hidden-test clearing, on grade cells only (a
    student's answer cell holding the marker text is theirs). The formgrader shows the cleared test cells; the
    grader finds the tests in ``source/``.
    """

    def preprocess(self, nb: NotebookNode, resources: dict) -> tuple[NotebookNode, dict]:
        for cell in nb.cells:  # its error output goes below, and ``batch.cut_for_time`` still says why it scored 0
            if any(o.get("ename") == TIMED_OUT for o in cell.get("outputs", [])):
                cell.metadata[NOT_RUN_NOTE] = True
        nb, resources = DropHiddenTestOutput(parent=self).preprocess(nb, resources)
        clear = ClearHiddenTests(parent=self)
        for cell in nb.cells:
            if not cell.metadata.get("nbgrader", {}).get("grade"):
                continue
            try:
                clear._remove_hidden_test_region(cell)
            except RuntimeError:  # markers out of balance: nothing from the first one on is the student's
                lines = cell.source.split("\n")
                begins = [at for at, line in enumerate(lines) if clear.begin_test_delimeter in line]
                cell.source = "\n".join(lines[: begins[0]] if begins else lines)
        return nb, resources


class HideChecks(NbGraderPreprocessor):
    """Before the kernel runs, medialit test cells (they hold keys) become a comment; ``RestoreChecks`` undoes it."""

    grade_ids = List(help="grade ids of the medialit test cells").tag(config=True)

    def preprocess(self, nb: NotebookNode, resources: dict) -> tuple[NotebookNode, dict]:
        hidden = resources.setdefault("medialit_hidden", {})
        for index, cell in enumerate(nb.cells):
            if cell.metadata.get("nbgrader", {}).get("grade_id") in self.grade_ids:
                hidden[index] = cell.source
                cell.source = HIDDEN_CHECK
        return nb, resources


class RestoreChecks(NbGraderPreprocessor):
    """After the kernel ran: the medialit test cells get their sources back (the grader and nbgrader need them)."""

    def preprocess(self, nb: NotebookNode, resources: dict) -> tuple[NotebookNode, dict]:
        for index, source in resources.pop("medialit_hidden", {}).items():
            nb.cells[index].source = source
        return nb, resources


NOTEBOOK_SECONDS = 120
"""Time a student's notebook may run in all, cell timeouts included, when that is more than ``CELL_TIMEOUTS``."""
TIMED_OUT = "NotebookTimeout"
"""The error a cell shows when it was not run because its notebook's time had run out (``batch`` looks for it)."""
CELL_TIMEOUTS = 4
"""A notebook may run at least this many cell timeouts (``Execute.timeout``): a course that raises it for slow work
raises this too; ``batch`` gives each student that time and the last cell's on top."""


def notebook_seconds(cell_timeout: float | None) -> int:
    """The time one student's notebook gets under ``course grade``, for the course's cell timeout."""
    return max(NOTEBOOK_SECONDS, int(CELL_TIMEOUTS * (cell_timeout or 0)))


class BudgetExecute(Execute):
    """nbgrader's Execute with a time for the whole notebook, not only for each cell.

    A notebook of endless cells took the cell timeout once per cell, and the job
    it ran in (one time for all its students) was stopped, failing every classmate
    after it. Cells past the time are not run and say so: 0 for their tests. Its kernel starts with
    ``sandbox.kernel_command`` (a hand-in's ``ipykernel_launcher.py`` is not run in its place).
    """

    def __init__(self, *args: object, **kwargs: object) -> None:
        from medialit.instructor.sandbox import SafePathKernelManager

        kwargs.setdefault("kernel_manager_class", SafePathKernelManager)
        super().__init__(*args, **kwargs)

    def preprocess(self, nb: NotebookNode, resources: dict | None = None, km: object = None) -> tuple:
        self._until = time.monotonic() + notebook_seconds(self.timeout)
        return super().preprocess(nb, resources, km)

    def preprocess_cell(self, cell: NotebookNode, resources: dict, index: int) -> tuple:
        blank = cell.source.strip() in ("", HIDDEN_CHECK)
        if cell.cell_type != "code" or blank or time.monotonic() < self._until:
            return super().preprocess_cell(cell, resources, index)
        why = (
            f"not run: the notebook's cells had run for {notebook_seconds(self.timeout)} s, all the time one notebook "
            f"gets ({CELL_TIMEOUTS} cell timeouts, {NOTEBOOK_SECONDS} s at least; raise Execute.timeout in "
            "nbgrader_config.py for slow work)"
        )
        cell.outputs = [new_output("error", ename=TIMED_OUT, evalue=why, traceback=[f"{TIMED_OUT}: {why}"])]
        return cell, self.resources


class SandboxedExecute(BudgetExecute):
    """nbgrader's Execute with the kernel in ``medialit.instructor.sandbox`` (Execute forces its manager class)."""

    def __init__(self, *args: object, **kwargs: object) -> None:
        from medialit.instructor.sandbox import SandboxedKernelManager

        kwargs["kernel_manager_class"] = SandboxedKernelManager
        super().__init__(*args, **kwargs)
