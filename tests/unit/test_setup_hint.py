"""The set-up hint's names follow the kit's notebooks; only the kit's servers' own Python kernels load it."""

from __future__ import annotations

import ast
import json
import sys
from pathlib import Path

from jupyter_client.kernelspec import KernelSpecManager

from medialit.exercises.setup_hint import SETUP_NAMES, said, sets
from medialit.setup import hub_start, kernels

REPO = Path(__file__).resolve().parents[2]
NOTEBOOKS = sorted(REPO.glob("notebooks/[0-9][0-9]-*.ipynb")) + sorted(REPO.glob("exercises/*/*.ipynb"))


def made_by_the_kit(path: Path) -> set[str]:
    """Names the notebook's cells import from medialit, and names its first code cell sets."""
    cells = [c for c in json.loads(path.read_text(encoding="utf-8"))["cells"] if c["cell_type"] == "code"]
    names: set[str] = set()
    for index, cell in enumerate(cells):
        for node in ast.parse("".join(cell["source"])).body:
            if isinstance(node, ast.ImportFrom) and (node.module or "").startswith("medialit"):
                names |= {a.asname or a.name for a in node.names}
            elif index == 0 and isinstance(node, ast.Assign):
                names |= {t.id for t in node.targets if isinstance(t, ast.Name)}
    return names


def test_the_set_up_names_are_the_ones_the_kits_notebooks_make():
    """A lesson that imports a new name from medialit (or sets one in its first cell) must add it here."""
    assert len(NOTEBOOKS) >= 14
    assert set().union(*map(made_by_the_kit, NOTEBOOKS)) == SETUP_NAMES


def test_a_students_own_name_gets_no_line():
    assert said("check").startswith("check is not defined: the cells above that set it up have not run")
    assert said("extra_marks") is None and said("answer_q1") is None and said("plt") is None


def test_a_name_counts_where_the_notebook_sets_it(tmp_path):
    """Imported (``from``, ``import ... as``) or assigned in a code cell of the saved notebook; a Markdown cell, a
    cell that does not parse, or a use does not count; no notebook to read leaves it to the names."""
    lesson = REPO / "notebooks" / "02-who-is-speaking.ipynb"
    assert sets(str(lesson), "check") and sets(str(lesson), "practice") and not sets(str(lesson), "pretest")
    own = tmp_path / "own.ipynb"
    cells = [
        {"cell_type": "markdown", "source": "import count"},
        {"cell_type": "code", "source": ["print(report)\n", "if x:\n"]},
        {"cell_type": "code", "source": ["import numpy as show\n", "for item in []: pass"]},
    ]
    own.write_text(json.dumps({"cells": cells}), encoding="utf-8")
    assert not sets(str(own), "count") and not sets(str(own), "report")
    assert sets(str(own), "show") and sets(str(own), "item") and said("count", str(own)) is None
    assert sets(None, "count") and sets(str(tmp_path / "gone.ipynb"), "count")


def test_only_this_environments_ipython_kernels_get_the_extension(tmp_path):
    native = KernelSpecManager().get_kernel_spec("python3").argv
    assert kernels.EXTENSION not in native
    assert kernels.KitKernelSpecManager().get_kernel_spec("python3").argv == [*native, kernels.EXTENSION]
    assert kernels.ours([sys.executable, "-m", "ipykernel_launcher", "-f", "{connection_file}"])
    assert not kernels.ours(["/opt/other-env/bin/python", "-m", "ipykernel_launcher", "-f", "{connection_file}"])
    assert not kernels.ours(["R", "--slave", "-e", "IRkernel::main()", "--args", "{connection_file}"])


def test_the_kits_servers_and_only_they_use_it():
    """lab.sh and every hub server name it on their command line; the grader's config never names it."""
    assert kernels.OPTION.replace("=", " ").split()[-1].endswith("KitKernelSpecManager")
    lab = (REPO / "scripts" / "lab.sh").read_text(encoding="utf-8")
    assert kernels.OPTION in lab.replace(" \\\n    ", " ")
    assert hub_start.KERNELS == kernels.OPTION
    for config in [REPO / "course" / "jupyterhub" / "nbgrader_config.py", REPO / "src/medialit/instructor/course.py"]:
        assert "setup_hint" not in config.read_text(encoding="utf-8")
        assert "KitKernelSpecManager" not in config.read_text(encoding="utf-8")


def test_a_name_a_cell_further_down_sets_names_that_cell(tmp_path):
    """student23: lesson 0's 'for mark in hl.spans' run before the highlighter's cell (or lesson 8's figure before
    'import matplotlib.pyplot as plt') gave a NameError traceback: only the set-up names had a line. Now any name a
    code cell of the saved notebook sets at its top level gets one naming that cell; a name only a function sets, a
    use before the assignment in the running cell, and a kernel with no notebook to read (the grader) keep
    Python's traceback."""
    lesson = str(REPO / "notebooks" / "00-start-here.ipynb")
    line = said("hl", lesson)
    assert line is not None and line.startswith("hl is not defined: the cell that sets it (hl = Highlighter(sample")
    assert line.endswith(
        "has not run since the kernel started; run that cell first (and the cells above it), then this cell"
    )
    assert said("hl", lesson, running="print(hl)\nhl = 1") is None
    assert said("hl", None) is None and said("hl", str(tmp_path / "gone.ipynb")) is None
    own = tmp_path / "own.ipynb"
    cells = [
        {"cell_type": "code", "source": "def f():\n    inner = 1\n    return inner\n"},
        {"cell_type": "code", "source": "import matplotlib.pyplot as plt\nsquares = [n * n for n in range(3)]"},
    ]
    own.write_text(json.dumps({"cells": cells}), encoding="utf-8")
    assert said("inner", str(own)) is None and said("n", str(own)) is None and said("nothing", str(own)) is None
    assert "(import matplotlib.pyplot as plt)" in said("plt", str(own)) and "(def f():)" in said("f", str(own))
