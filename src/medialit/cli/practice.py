"""``medialit self-check`` and ``medialit progress``: a self-learner's exercise scored, and their progress, without
a course."""

from __future__ import annotations

import argparse
from pathlib import Path

from medialit.instructor.self_check import SelfCheckError

ERRORS = (SelfCheckError,)


def register(subparsers: argparse._SubParsersAction) -> None:
    """Add the ``self-check`` command."""
    check = subparsers.add_parser(
        "self-check",
        help="working alone: score your saved exercise notebook against the kit's key, with feedback",
        description="Score the saved exercise notebook (and its saved highlights) with the same scoring a "
        "course's grading uses, against the source notebook in the kit's solutions/ folder. Prints each "
        "question's points and feedback; the feedback never quotes the key. No code in the notebook is run.",
    )
    check.add_argument(
        "notebook",
        metavar="NOTEBOOK",
        type=Path,
        nargs="?",
        help="the exercise notebook, e.g. ex01-attribution.ipynb (default: the one in the current folder)",
    )
    check.set_defaults(run=run_self_check)
    progress = subparsers.add_parser(
        "progress",
        help="working alone: which lessons and exercises you have done, from what you saved",
        description="List the lessons and exercises in the order lesson 0 teaches them, each as done, started or "
        "to do: a lesson's self-checks answered right in its saved notebook, its highlighters' saved marks and "
        "the pre-test; an exercise's questions answered and its points, as self-check scores them. Writes nothing.",
    )
    progress.add_argument(
        "kit",
        metavar="KIT",
        type=Path,
        nargs="?",
        help="the kit's folder (default: the one the current folder is in, e.g. a lesson's notebooks/)",
    )
    progress.set_defaults(run=run_progress)


def run_self_check(args: argparse.Namespace) -> int:
    from medialit.instructor.self_check import (
        before_and_after,
        by_hand,
        exercise_here,
        find_exercise,
        report,
        self_check,
    )

    exercise = find_exercise(args.notebook or exercise_here(Path.cwd()))
    grades = self_check(exercise)
    print(report(exercise.notebook, grades, by_hand(exercise), before_and_after(exercise, grades)))
    return 0


def run_progress(args: argparse.Namespace) -> int:
    from medialit.instructor.progress import progress

    print(progress(args.kit or Path.cwd()))
    return 0
