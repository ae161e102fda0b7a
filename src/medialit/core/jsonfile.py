"""Reading medialit's JSON files: one loader, a JSON Schema per format, one-line errors.

Every JSON format medialit reads (highlights sidecars, gold files and
analyses, answer keys, items files; ``docs/formats.md``) comes through
``load``: read the file, parse it, validate it against the format's schema
shipped in the package, and turn whatever goes wrong into one
``JsonFileError`` whose message is one line: the file, what is wrong (with the
line and column of a JSON syntax error, or the JSON path of a schema
violation) and what to do. Callers that keep their own exception type wrap the
message; the attributes say which kind of failure it was.

A schema says what a file must look like; what its values mean for an
article (offsets inside the text, a body hash that matches) stays with the
format's module, which knows the article.
"""

from __future__ import annotations

import functools
import json
import os
import sys
from collections.abc import Iterable
from dataclasses import dataclass
from importlib import resources
from importlib.resources.abc import Traversable
from pathlib import Path
from typing import Any

PRECEDENCE = ("format", "version")
"""Problems with these top-level fields are reported before any other: a file of another format or version
is that, whatever else is wrong with it."""


@dataclass(frozen=True)
class Schema:
    """The JSON Schema ``schemas/<name>.schema.json`` shipped in ``package`` (beside the format's module)."""

    package: str
    name: str

    def document(self) -> dict[str, Any]:
        return _document(self)

    def check(self, data: Any) -> Problem | None:
        """The first problem that stops ``data`` being this format, or None when it is valid."""
        return _first(_validator(self).iter_errors(data))


@dataclass(frozen=True)
class Problem:
    """One schema violation: where (a JSON path such as ``marks[2].label``), what, and the value found there."""

    path: tuple[str | int, ...]
    message: str
    value: Any = None
    about: str | int | None = None
    """The top-level field concerned (also a required field that is missing), or None for the whole document."""

    @property
    def field(self) -> str:
        return "".join(f"[{p}]" if isinstance(p, int) else f".{p}" for p in self.path).lstrip(".")

    def text(self, whole: str = "") -> str:
        """``field: message``; ``whole`` names the document when the problem is with all of it (else no prefix)."""
        message = self.message if len(self.message) < 160 else self.message[:157] + "..."
        where = self.field or whole
        return f"{where}: {message}" if where else message


class JsonFileError(ValueError):
    """A JSON file medialit cannot use; ``str()`` is one line: the file, what is wrong, what to do.

    ``problem`` is the schema violation when that is what is wrong; ``os_error``
    the error when the file could not be read at all (missing, a folder, no
    permission), so a caller can tell "not there" from "damaged".
    """

    def __init__(
        self,
        path: str | os.PathLike | Traversable,
        what: str,
        hint: str,
        *,
        problem: Problem | None = None,
        os_error: OSError | None = None,
    ) -> None:
        super().__init__(f"{path}: {what}; {hint}")
        self.path, self.what, self.hint = path, what, hint
        self.problem, self.os_error = problem, os_error


def load(
    path: str | os.PathLike | Traversable,
    schema: Schema | None = None,
    *,
    hint: str = "fix the file",
    missing: str = "check the path",
) -> Any:
    """The parsed JSON of ``path``, valid against ``schema`` if given; else ``JsonFileError``.

    ``hint`` says what to do about a file that is there but unusable (not UTF-8,
    not JSON, not the format), ``missing`` about a file that is not there.
    """
    source = Path(path) if isinstance(path, (str, os.PathLike)) else path
    try:
        text = source.read_text(encoding="utf-8-sig")  # a byte-order mark (Windows editors) is no fault of the data
    except FileNotFoundError as error:
        raise JsonFileError(path, "no such file", missing, os_error=error) from None
    except IsADirectoryError as error:
        raise JsonFileError(path, "is a folder, not a file", "give the file's path", os_error=error) from None
    except OSError as error:
        why = error.strerror or type(error).__name__
        raise JsonFileError(path, f"cannot be read ({why})", "check its permissions", os_error=error) from None
    except UnicodeDecodeError as error:
        raise JsonFileError(path, f"not UTF-8 text (byte {error.start})", hint) from None
    if not text.strip():
        raise JsonFileError(path, "the file is empty", hint)
    try:
        data = json.loads(text)
        json.dumps(data, ensure_ascii=False).encode("utf-8")  # a lone surrogate (\ud800) could never be saved again
    except json.JSONDecodeError as error:
        where = f"line {error.lineno}, column {error.colno}"
        raise JsonFileError(path, f"not valid JSON at {where} ({error.msg})", hint) from None
    except (ValueError, RecursionError) as error:  # a number of thousands of digits; nesting too deep; a surrogate
        raise JsonFileError(path, f"not usable JSON ({type(error).__name__})", hint) from None
    problem = schema.check(data) if schema is not None else None
    if problem is not None:
        raise JsonFileError(path, problem.text(), hint, problem=problem)
    return data


@functools.cache
def _document(schema: Schema) -> dict[str, Any]:
    ref = resources.files(schema.package).joinpath("schemas").joinpath(f"{schema.name}.schema.json")
    return json.loads(ref.read_text(encoding="utf-8"))


@functools.cache
def _validator(schema: Schema) -> Any:
    jsonschema = import_jsonschema()
    document = _document(schema)
    cls = jsonschema.validators.validator_for(document)
    cls.check_schema(document)
    return cls(document)


def _first(errors: Iterable[Any]) -> Problem | None:
    """The problem to report: the document's own type, then ``PRECEDENCE`` fields, then jsonschema's best match."""
    errors = list(errors)
    if not errors:
        return None

    def about(error: Any) -> str | int | None:
        if error.absolute_path:
            return error.absolute_path[0]
        if error.validator == "required":  # the missing field, which jsonschema names only in the message
            return next((name for name in error.validator_value if error.message.startswith(f"{name!r} ")), None)
        return None

    def rank(error: Any) -> int:
        if not error.absolute_path and error.validator == "type":
            return 0
        field = about(error)
        return 1 + PRECEDENCE.index(field) if field in PRECEDENCE else len(PRECEDENCE) + 1

    top = min(rank(e) for e in errors)
    if top <= len(PRECEDENCE):
        chosen = next(e for e in errors if rank(e) == top)
    else:
        chosen = import_jsonschema().exceptions.best_match(errors)
    value = chosen.instance if chosen.absolute_path else None
    return Problem(tuple(chosen.absolute_path), chosen.message, value, about(chosen))


def import_jsonschema() -> Any:
    """``jsonschema``, imported on first use without the IRI grammars of ``rfc3987-syntax``.

    When that optional package is installed, importing jsonschema builds about
    forty parsers for the ``iri`` formats (about 1.5 s, in every kernel that
    reads a sidecar). medialit's schemas use no formats, so the import skips
    them; the block is lifted afterwards, so a later ``import rfc3987_syntax``
    still works. The cost: in a process where medialit imported jsonschema
    first, jsonschema's optional ``iri`` format checks stay off; nothing
    medialit runs validates IRIs. The grading worker calls it before nbformat
    loads, so nbformat's notebook validation reuses this import.
    """
    if "jsonschema" in sys.modules:
        return sys.modules["jsonschema"]
    blocked = "rfc3987_syntax" not in sys.modules
    if blocked:
        sys.modules["rfc3987_syntax"] = None  # type: ignore[assignment]  # import fails, jsonschema goes on
    try:
        import jsonschema
    finally:
        if blocked:
            del sys.modules["rfc3987_syntax"]
    return jsonschema
