"""A lesson's highlighter offers linking (Link button, L, drag) only where its check scores links.

Elsewhere a student would link for nothing: lesson 2's sources activity and lesson 6 ask for sources alone
(student walk 16); the exercises follow the same rule (``test_only_a_question_that_asks_for_links_offers_linking``).
"""

from __future__ import annotations

import ast
from pathlib import Path

import nbformat
import pytest

from medialit.exercises.lesson_questions import load_all

NOTEBOOKS = Path(__file__).resolve().parents[2] / "notebooks"
LINK_ROLES = {"source", "cue"}  # a link needs one of them (the widget's canLink)


def _highlighters(tree: ast.Module) -> dict[str, ast.Call]:
    """``name = Highlighter(...)`` assignments in a notebook's code."""
    found = {}
    for node in ast.walk(tree):
        if isinstance(node, ast.Assign) and isinstance(node.value, ast.Call):
            func = node.value.func
            if isinstance(func, ast.Name) and func.id == "Highlighter" and isinstance(node.targets[0], ast.Name):
                found[node.targets[0].id] = node.value
    return found


def _checked_kinds(tree: ast.Module, name: str) -> set[str]:
    """The kinds of the questions ``check_highlights(question, name, ...)`` checks this highlighter with."""
    kinds = set()
    questions = load_all()
    for node in ast.walk(tree):
        if not (isinstance(node, ast.Call) and getattr(node.func, "id", "") == "check_highlights"):
            continue
        if len(node.args) > 1 and isinstance(node.args[1], ast.Name) and node.args[1].id == name:
            kinds.add(questions[ast.literal_eval(node.args[0])].kind)
    return kinds


def _offers_linking(call: ast.Call) -> bool:
    kwargs = {k.arg: k.value for k in call.keywords}
    labels = set(ast.literal_eval(kwargs["labels"])) if "labels" in kwargs else {"source", "cue"}
    linking = ast.literal_eval(kwargs["linking"]) if "linking" in kwargs else True
    return bool(linking and labels & LINK_ROLES)


@pytest.mark.parametrize("path", sorted(NOTEBOOKS.glob("[0-9][0-9]-*.ipynb")), ids=lambda p: p.stem)
def test_a_lesson_highlighter_offers_linking_only_where_links_are_checked(path):
    nb = nbformat.read(path, as_version=4)
    tree = ast.parse("\n".join(c.source for c in nb.cells if c.cell_type == "code"))
    for name, call in _highlighters(tree).items():
        asks_for_links = "links" in _checked_kinds(tree, name)
        assert _offers_linking(call) == asks_for_links, (
            f"{path.name}: {name} {'offers' if _offers_linking(call) else 'does not offer'} linking, "
            f"but its check {'scores' if asks_for_links else 'does not score'} links"
        )
