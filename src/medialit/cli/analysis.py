"""``medialit analyze`` and ``medialit evaluate``: the analyzer from a terminal."""

from __future__ import annotations

import argparse
import json
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path


def register(subparsers: argparse._SubParsersAction) -> None:
    """Add the ``analyze`` and ``evaluate`` commands."""
    analyze = subparsers.add_parser(
        "analyze",
        help="find attributions, sources and unsupported sentences in one article",
        description="Analyze one article: a bundled id (e.g. stoere-putin-call), a .md file with front matter, "
        "or a plain-text file whose first line is the title.",
    )
    analyze.add_argument("path", metavar="PATH", help="article file or bundled article id")
    analyze.add_argument("--json", action="store_true", help="print the analysis as JSON (the gold-file format)")
    analyze.set_defaults(run=run_analyze)

    evaluate = subparsers.add_parser(
        "evaluate",
        help="score the analyzer against annotated articles (ID.md + ID.gold.json)",
        description="Run the analyzer on every annotated article in the folders and compare with the gold files.",
    )
    evaluate.add_argument("dirs", metavar="DIR", nargs="+", help="folder holding ID.md and ID.gold.json pairs")
    evaluate.add_argument("--json", action="store_true", help="print the scores as JSON (keys: docs/analyzer.md)")
    evaluate.add_argument(
        "--part",
        choices=("all", "tuning", "test"),
        default="all",
        help="only the articles of one part of the fixed tuning/test split (default: all)",
    )
    evaluate.set_defaults(run=run_evaluate)


def run_analyze(args: argparse.Namespace) -> int:
    from medialit.core.article import load_article

    article = load_article(args.path)  # bad input fails here, before spaCy loads
    from medialit.nlp.analysis import analyze

    with model_errors():
        analysis = analyze(article)
    print(_text(analysis.to_json()) if args.json else analysis.to_table())
    return 0


def run_evaluate(args: argparse.Namespace) -> int:
    from medialit.cli import UserError

    for folder in map(Path, args.dirs):
        if not folder.is_dir():
            what = "is a file" if folder.exists() else "no such folder"
            raise UserError(f"{folder}: {what}; give folders that hold ID.md and ID.gold.json pairs")
    from medialit.nlp.evaluate import EvaluationError, evaluate

    try:
        with model_errors():
            evaluation = evaluate([Path(d) for d in args.dirs], part=args.part)
    except EvaluationError as error:
        raise UserError(f"{', '.join(args.dirs)}: {error}") from None
    print(_text(evaluation.to_json()) if args.json else evaluation.to_text())
    return 0


def _text(value: object) -> str:
    return value if isinstance(value, str) else json.dumps(value, ensure_ascii=False, indent=2)


@contextmanager
def model_errors() -> Iterator[None]:
    """A missing spaCy model is the user's to fix: one line and exit 2, like bad input."""
    from medialit.cli import UserError
    from medialit.nlp.pipeline import ModelError

    try:
        yield
    except ModelError as error:
        raise UserError(f"{error}; `medialit doctor` checks the set-up") from None
