"""The one JSON loader: every schema ships and is valid; every failure is one line naming file, fault and fix."""

from __future__ import annotations

import importlib
import json
import subprocess
import sys
from pathlib import Path

import jsonschema
import pytest

from medialit.core import jsonfile
from medialit.core.sidecar import SCHEMA as SIDECAR
from medialit.core.spans import GOLD
from medialit.exercises.items import SCHEMA as ITEMS
from medialit.exercises.key import SCHEMA as KEY
from medialit.exercises.pretest import SCHEMA as PRETEST

REPO = Path(__file__).resolve().parents[2]
SCHEMAS = [SIDECAR, GOLD, KEY, ITEMS, PRETEST]
ITEMS_DOC = {
    "items": [{"id": "a-q1", "article": "a.md", "part": ["A", "B"], "kind": "spans", "labels": [], "points": 1}]
}


@pytest.mark.parametrize("schema", SCHEMAS, ids=lambda s: s.name)
def test_every_schema_ships_beside_its_format_and_is_a_valid_schema(schema):
    document = schema.document()
    jsonschema.validators.validator_for(document).check_schema(document)
    module_folder = REPO / "src" / Path(*schema.package.split("."))
    assert (module_folder / "schemas" / f"{schema.name}.schema.json").is_file()
    assert f"{schema.name}.schema.json" in (REPO / "docs" / "formats.md").read_text(encoding="utf-8")


@pytest.mark.parametrize(
    ("content", "says"),
    [
        (None, "no such file; check the path"),
        ("", "the file is empty; fix the items"),
        (b"\xff\xfe{}", "not UTF-8 text (byte 0); fix the items"),
        ('{"items": [\n  {"id": "a-q1",}\n]}', "not valid JSON at line 2, column 17 (Expecting property name"),
        ("[1, 2]", ": [1, 2] is not of type 'object'; fix the items"),
        ('{"items": []}', ": items: [] should be non-empty; fix the items"),
        (json.dumps(ITEMS_DOC).replace('"points": 1', '"points": "3"'), "items[0].points: '3' is not of type"),
        (json.dumps(ITEMS_DOC).replace('"spans"', '"essay"'), "items[0].kind: 'essay' is not one of"),
        (json.dumps(ITEMS_DOC | {"version": 9}), ": version: 1 was expected; fix the items"),
    ],
)
def test_each_failure_is_one_line_naming_the_file_what_is_wrong_and_what_to_do(tmp_path, content, says):
    path = tmp_path / "medialit-items.json"
    if isinstance(content, bytes):
        path.write_bytes(content)
    elif content is not None:
        path.write_text(content, encoding="utf-8")
    with pytest.raises(jsonfile.JsonFileError) as caught:
        jsonfile.load(path, ITEMS, hint="fix the items")
    message = str(caught.value)
    assert message.startswith(f"{path}: ") and says in message and "\n" not in message, message
    assert (caught.value.os_error is not None) == (content is None)


def test_a_file_saved_with_a_byte_order_mark_is_read(tmp_path):
    """Attack 15: Notepad's UTF-8 adds a BOM; the sidecar or key was then 'damaged (not JSON)'."""
    path = tmp_path / "medialit-items.json"
    path.write_bytes(json.dumps(ITEMS_DOC).encode("utf-8-sig"))
    assert jsonfile.load(path, ITEMS) == ITEMS_DOC


def test_a_folder_or_an_unreadable_file_says_so_and_keeps_the_os_error(tmp_path, monkeypatch):
    with pytest.raises(jsonfile.JsonFileError, match="is a folder, not a file; give the file's path") as caught:
        jsonfile.load(tmp_path)
    assert isinstance(caught.value.os_error, IsADirectoryError)
    path = tmp_path / "x.json"
    path.write_text("{}", encoding="utf-8")

    def denied(self, *args, **kwargs):  # chmod cannot stop root, who runs the tests in CI
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(Path, "read_text", denied)
    with pytest.raises(jsonfile.JsonFileError, match=r"cannot be read \(Permission denied\); check its permissions"):
        jsonfile.load(path)


def test_format_and_version_are_reported_before_other_problems():
    problem = KEY.check({"format": "other", "version": 1, "marks": "none"})
    assert (problem.about, problem.field) == ("format", "format")
    problem = KEY.check({"format": "medialit-key", "marks": "none"})
    assert (problem.about, problem.field, problem.value) == ("version", "", None)
    problem = SIDECAR.check({"format": "medialit-highlights", "version": 3, "spans": [{}]})
    assert (problem.about, problem.value) == ("version", 3)
    assert KEY.check(json.loads((REPO / "course" / "keys" / "ex01-q1.json").read_text(encoding="utf-8"))) is None


def test_reading_a_file_does_not_build_the_iri_grammars_and_leaves_them_importable():
    pytest.importorskip("rfc3987_syntax")  # installed with jupyter-events; without it there is nothing to skip
    code = (
        "import sys\n"
        "from medialit.core import jsonfile\n"
        "from medialit.exercises.items import ITEMS\n"  # loads and validates the kit's items
        "assert 'jsonschema' in sys.modules and 'lark' not in sys.modules, sorted(sys.modules)\n"
        "import rfc3987_syntax\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr


@pytest.mark.parametrize(
    ("reader", "error"),
    [
        ("medialit.core.spans:load_annotations", "SpanError"),
        ("medialit.exercises.key:Key.load", "KeyFormatError"),
        ("medialit.exercises.items:define_items", "AnswerError"),
        ("medialit.exercises.pretest:read_answers", "PretestError"),
        ("medialit.exercises.pretest:read_key", "PretestError"),
    ],
)
def test_every_reader_of_a_format_gives_the_loaders_line_as_its_own_error(tmp_path, reader, error):
    module, name = reader.split(":")
    function = importlib.import_module(module)
    for part in name.split("."):
        function = getattr(function, part)
    path = tmp_path / "broken.json"
    path.write_text('{"answers": {"p1": "b"},\n "items": [', encoding="utf-8")
    with pytest.raises(ValueError) as caught:
        function(path)
    assert type(caught.value).__name__ == error
    assert str(caught.value).startswith(f"{path}: not valid JSON at line 2, column 12 (Expecting value); ")
