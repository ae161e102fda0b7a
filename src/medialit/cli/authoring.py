"""``medialit new-article``, ``draft-key`` and ``new-exercise``: an instructor's own article, start to finish."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from medialit.core.counts import counted
from medialit.exercises.key import KeyFormatError
from medialit.instructor.new_exercise import ExerciseError

ERRORS = (ExerciseError, KeyFormatError)


def register(subparsers: argparse._SubParsersAction) -> None:
    """Add the ``new-article``, ``draft-key`` and ``new-exercise`` commands."""
    new = subparsers.add_parser(
        "new-article",
        help="make an article file (front matter + text) from a text, Markdown or saved HTML file, or a URL",
        description="Write ID.md with the front matter the corpus guidelines require. Fields the source does "
        "not give are asked for at a terminal; otherwise give them as options.",
    )
    new.add_argument("source", metavar="SOURCE", help="a .txt, .md or saved .html file, or an http(s) URL")
    for name in ("title", "outlet", "date", "url", "license", "language", "id"):
        new.add_argument(f"--{name}", help=f"the article's {name} (overrides what the source says)")
    new.add_argument("--out", type=Path, help="file to write (default: ID.md in the current folder)")
    new.add_argument("--force", action="store_true", help="replace an existing file")
    new.set_defaults(run=run_new_article)

    draft = subparsers.add_parser(
        "draft-key",
        help="draft an answer key from the analyzer; every item is a suggestion to review",
        description="Run the analyzer on ARTICLE and save its findings as an answer key (docs/key-format.md), "
        "each mark with 'status': 'suggested' and the rule that found it. Review them with "
        "medialit.widgets.key_review.KeyReview before new-exercise.",
    )
    draft.add_argument("article", metavar="ARTICLE", help="article file (.md with front matter)")
    draft.add_argument("--out", type=Path, help="key file (default: ./ID.key.json)")
    draft.add_argument("--force", action="store_true", help="replace an existing key")
    draft.set_defaults(run=run_draft_key)

    exercise = subparsers.add_parser(
        "new-exercise",
        help="make an nbgrader source notebook from an article and its reviewed key",
        description="Write NAME/NAME.ipynb (with the article and medialit-items.json beside it) into a folder "
        "or a course directory (into its source/): --into, else the current folder (its solutions/ if it has one).",
    )
    exercise.add_argument("article", metavar="ARTICLE", help="article file (.md with front matter)")
    exercise.add_argument("key", metavar="KEY", type=Path, help="reviewed key (medialit-key, or a corpus gold file)")
    exercise.add_argument("--kind", required=True, choices=("attribution", "unsupported", "framing"))
    exercise.add_argument("--into", type=Path, help="folder or course directory (default: the current folder)")
    exercise.add_argument("--name", help="assignment name (default: ID-KIND, the id cut at a word to fit)")
    exercise.add_argument("--allow-unreviewed", action="store_true", help="accept machine suggestions unreviewed")
    exercise.add_argument("--force", action="store_true", help="replace an existing notebook")
    exercise.set_defaults(run=run_new_exercise)


def run_new_article(args: argparse.Namespace) -> int:
    from medialit.instructor.new_article import new_article, write_article

    given = {k: getattr(args, k) for k in ("title", "outlet", "date", "url", "license", "language", "id")}
    ask = _ask if sys.stdin.isatty() and sys.stdout.isatty() else None
    article, text = new_article(args.source, given, ask)
    path = write_article(text, args.out or Path(f"{article.id}.md"), force=args.force)
    print(
        f"wrote {path} ({article.words()} words); next: medialit analyze {path} (to study it), "
        f"medialit draft-key {path} (to grade on it)"
    )
    return 0


def _ask(name: str) -> str:
    hint = {"date": " (YYYY-MM-DD)", "license": " (e.g. CC BY 4.0, or 'all rights reserved, classroom use')"}
    return input(f"{name}{hint.get(name, '')}: ")


def run_draft_key(args: argparse.Namespace) -> int:
    from medialit.cli import UserError
    from medialit.cli.analysis import model_errors
    from medialit.core.article import load_article
    from medialit.instructor.draft_key import draft_key, save_key, speaker_guesses, unreviewed

    article = load_article(args.article)
    path = args.out or Path(f"{article.id}.key.json")
    _key_place(path)
    if path.exists() and not args.force:
        raise UserError(f"{path} exists: it may hold your review; pass --force to replace it")
    with model_errors():
        key = draft_key(article)
    save_key(key, article, path)
    suggestions = counted(len(unreviewed(key)), "suggestion")
    print(
        f"wrote {path}: {suggestions} to review (KeyReview in a notebook, or by hand): every mark is the analyzer's "
        "guess ('status': 'suggested'), to accept, edit or reject"
    )
    if guesses := speaker_guesses(key):
        print("speakers it named otherwise than the words marked, worth a look first:")
        for line in guesses:
            print(f"  {line}")
    return 0


def _key_place(path: Path) -> None:
    """Refuse a key inside the installed package or a folder that students get (it would leak)."""
    from medialit.cli import UserError
    from medialit.instructor.draft_key import key_place_problem

    if problem := key_place_problem(path):
        raise UserError(problem)


def run_new_exercise(args: argparse.Namespace) -> int:
    from medialit.core.article import load_article
    from medialit.core.counts import counted
    from medialit.instructor.exercise_notebook import assignment_name
    from medialit.instructor.new_exercise import new_exercise, target_folder

    _key_place(args.key)  # a key kept in the course's source/ would be released with the exercise
    article = load_article(args.article)
    name = args.name or assignment_name(article.id, args.kind)
    folder = target_folder(args.into, name)
    kept: list[str] = []
    path = new_exercise(
        article, args.key, args.kind, folder, name=name, allow_unreviewed=args.allow_unreviewed, force=args.force,
        kept=kept,
    )  # fmt: skip
    if kept:
        print(f"kept {counted(len(kept), 'cell')} of your own from the notebook it replaced: {', '.join(kept)}")
    if folder.parent.name == "source" and (folder.parent.parent / "release" / name).is_dir():
        print(  # a key fixed after the release: the key is only in source/, nothing new for the students
            f"wrote {path}; {name} is released already and students need nothing new (the key stays in source/): "
            f"run `medialit course grade {name}` in the course directory to grade everyone with this key "
            "(hand grades kept)"
        )
    elif folder.parent.name == "source":
        print(f"wrote {path}; release it with `nbgrader generate_assignment {name}` in the course directory")
    else:  # not in a course: its highlights rule comes with the course that takes it in
        print(
            f"wrote {path}; it is in no course yet: add it with `medialit course init NEW --solutions {folder.parent}`"
            " or by running this again with --into COURSE, which keep students' saved highlights out of the release "
            "and in their hand-ins (a copy by hand into a course's source/ does not)"
        )
    return 0
