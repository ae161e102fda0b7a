"""The wheel is what students get on a course JupyterHub: all package data, and never an answer key."""

from __future__ import annotations

import json
import zipfile
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
PACKAGE = REPO / "src" / "medialit"


@pytest.fixture(scope="module")
def wheel_names(built_wheel: Path) -> set[str]:
    with zipfile.ZipFile(built_wheel) as archive:
        return set(archive.namelist())


@pytest.mark.slow
def test_wheel_ships_the_example_article_lexicons_and_widget_files(wheel_names):
    assert "medialit/articles/stoere-putin-call.md" in wheel_names
    lexicons = {n for n in wheel_names if n.startswith("medialit/nlp/lexicons/")}
    assert "medialit/nlp/lexicons/SOURCES.md" in lexicons
    assert {n for n in lexicons if n.endswith(".jsonl")} == {
        f"medialit/nlp/lexicons/{p.name}" for p in (PACKAGE / "nlp" / "lexicons").glob("*.jsonl")
    }
    assert len(lexicons) >= 2
    assert {"medialit/widgets/static/highlighter.js", "medialit/widgets/static/highlighter.css"} <= wheel_names


@pytest.mark.slow
def test_wheel_ships_every_format_schema_and_the_kits_items(wheel_names):
    schemas = {n for n in wheel_names if n.endswith(".schema.json")}
    assert schemas == {f"medialit/{p.relative_to(PACKAGE).as_posix()}" for p in PACKAGE.glob("*/schemas/*.schema.json")}
    assert {"core/schemas/sidecar", "core/schemas/gold", "exercises/schemas/key", "exercises/schemas/items"} <= {
        n.removeprefix("medialit/").removesuffix(".schema.json") for n in schemas
    }
    assert "medialit/exercises/medialit-items.json" in wheel_names


@pytest.mark.slow
@pytest.mark.parametrize("name", ["medialit-underlined-links", "medialit-notebook-aids"])
def test_wheel_installs_the_kits_jupyterlab_extensions_where_jupyterlab_finds_them(built_wheel, wheel_names, name):
    """share/jupyter/labextensions/NAME/ in the environment: every JupyterLab there loads it (the hub's, too)."""
    target = f"/data/share/jupyter/labextensions/{name}/package.json"
    (manifest,) = [n for n in wheel_names if n.endswith(target) and n.split("/")[0].endswith(".data")]
    folder = manifest.removesuffix("package.json")
    with zipfile.ZipFile(built_wheel) as archive:
        package = json.loads(archive.read(manifest))
    assert package["name"] == name
    assert folder + package["jupyterlab"]["_build"]["load"] in wheel_names


@pytest.mark.slow
def test_wheel_holds_every_package_file(wheel_names):
    sources = {
        "medialit/" + path.relative_to(PACKAGE).as_posix()
        for path in PACKAGE.rglob("*")
        if path.is_file() and "__pycache__" not in path.parts and not path.name.endswith(".pyc")
    }
    assert sources - wheel_names == set(), "add these to [tool.setuptools.package-data] in pyproject.toml"


@pytest.mark.slow
def test_wheel_has_no_answer_keys_and_the_console_command(wheel_names):
    leaks = [
        n
        for n in wheel_names
        if n.endswith((".gold.json", ".key.json"))
        or (
            not n.endswith((".py", ".schema.json"))  # a JSON Schema describes the key format and holds no answers
            and ("answer" in n.lower() or "key" in n.rsplit("/", 1)[-1].lower())
        )
        or "/solutions/" in n
        or n.startswith(("course/", "solutions/", "tests/"))
    ]
    assert leaks == []
    (entry_points,) = [n for n in wheel_names if n.endswith(".dist-info/entry_points.txt")]
    assert entry_points
