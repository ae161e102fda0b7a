"""An nbgrader preprocessor that cuts very long outputs after a notebook has run.

nbgrader's ``LimitOutput`` counts lines, so one 100 MB line passes through
into the autograded notebook and the feedback page. This cuts every text
output to ``max_chars`` characters (errors and results that decide a grade are
short and keep their meaning).
"""

from __future__ import annotations

from nbformat.notebooknode import NotebookNode
from nbgrader.preprocessors import NbGraderPreprocessor
from traitlets import Integer


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
