"""The ``medialit`` command: argparse over the library.

Each command group lives in its own module of this package exposing
``register(subparsers)``; add a group by importing it and adding it to ``COMMANDS``.
A module may also export ``ERRORS``, a tuple of its user-error exception
types: those, like ``ArticleError`` and ``SpanError``, become one line on
stderr and exit status 2, never a traceback.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence

from medialit import __version__
from medialit.cli import analysis, authoring, course, doctor
from medialit.core.article import ArticleError
from medialit.core.spans import SpanError

COMMANDS = (analysis, doctor, course, authoring)
"""Modules that register subcommands, in the order ``--help`` lists them; each imports its heavy parts lazily."""

USAGE_ERROR = 2


class UserError(ValueError):
    """Bad arguments a command found itself (a folder that is not there); the message says what to do."""


def build_parser() -> tuple[argparse.ArgumentParser, tuple[type[BaseException], ...]]:
    """The parser with every available command group, and the user-error types they declare."""
    parser = argparse.ArgumentParser(
        prog="medialit", description="Find sources, claims and framing in news articles; run the course kit."
    )
    parser.add_argument("--version", action="version", version=f"medialit {__version__}")
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)
    errors: list[type[BaseException]] = [ArticleError, SpanError, UserError]
    for module in COMMANDS:
        module.register(subparsers)
        errors.extend(getattr(module, "ERRORS", ()))
    return parser, tuple(errors)


def main(argv: Sequence[str] | None = None) -> int:
    """Run one command; returns the exit status (0 ok, 1 check failed, 2 bad input)."""
    parser, user_errors = build_parser()
    args = parser.parse_args(argv)
    try:
        return int(args.run(args) or 0)
    except user_errors as error:
        print(f"medialit: {error}", file=sys.stderr)
        return USAGE_ERROR
    except KeyboardInterrupt:
        print("medialit: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:  # `medialit analyze x --json | head` closed our stdout: not an error
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0
