"""The ``medialit`` command: argparse over the library.

Each command group lives in its own module of this package exposing
``register(subparsers)``; add a group by importing it and adding it to ``COMMANDS``.
A module may also export ``ERRORS``, a tuple of its user-error exception
types: those, like ``ArticleError`` and ``SpanError``, become one line on
stderr and exit status 2, never a traceback.
"""

from __future__ import annotations

import argparse
import difflib
import os
import re
import sys
from collections.abc import Sequence
from typing import NoReturn

from medialit import __version__
from medialit.cli import analysis, authoring, course, doctor, practice
from medialit.core.article import ArticleError
from medialit.core.spans import SpanError

COMMANDS = (analysis, doctor, course, authoring, practice)
"""Modules that register subcommands, in the order ``--help`` lists them; each imports its heavy parts lazily."""

USAGE_ERROR = 2


class UserError(ValueError):
    """Bad arguments a command found itself (a folder that is not there); the message says what to do."""


class Parser(argparse.ArgumentParser):
    """argparse with usage errors in one line: what is wrong, the nearest name for a typo, where help is."""

    argv: Sequence[str] = ()  # the command line, set by ``main``: extra arguments are reported at the top

    def error(self, message: str) -> NoReturn:
        where = _command(self, self.argv) if message.startswith("unrecognized arguments:") else self
        self.exit(USAGE_ERROR, f"{where.prog}: {message}{_nearest(where, message)}; see `{where.prog} --help`\n")


def _command(parser: argparse.ArgumentParser, argv: Sequence[str]) -> argparse.ArgumentParser:
    """The (sub)command the command line chose: ``medialit course grade`` for ``course grade x --jbos``."""
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            chosen = next((action.choices[a] for a in argv if a in action.choices), None)
            if chosen is not None:
                return _command(chosen, argv[list(argv).index(chosen.prog.split()[-1]) + 1 :])
    return parser


def _nearest(parser: argparse.ArgumentParser, message: str) -> str:
    """`` (did you mean --jobs?)`` for a mistyped option or command of this parser, else nothing."""
    choice = re.search(r"invalid choice: '([^']*)' \(choose from (.*)\)", message)
    if choice:
        typed, known = choice[1], [c.strip(" '") for c in choice[2].split(",")]
    elif message.startswith("unrecognized arguments:"):
        typed = next((a for a in message.split(":", 1)[1].split() if a.startswith("-")), "")
        known = [o for action in parser._actions for o in action.option_strings if o.startswith("--")]
    else:
        return ""
    close = difflib.get_close_matches(typed.split("=")[0], known, n=1)
    return f" (did you mean {close[0]}?)" if typed and close else ""


def build_parser() -> tuple[argparse.ArgumentParser, tuple[type[BaseException], ...]]:
    """The parser with every available command group, and the user-error types they declare."""
    parser = Parser(
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
    parser.argv = list(sys.argv[1:] if argv is None else argv)
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
