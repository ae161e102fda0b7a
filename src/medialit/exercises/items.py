"""The graded items: which words of which article each question is about, answered how, worth how much.

Item definitions are public (students' notebooks load them); keys are not.
Items are data in one format (``schemas/items.schema.json``): the kit's own
are ``ITEMS``, read once from the package's ``medialit-items.json``; an
instructor's exercise made with ``medialit new-exercise`` brings its own
``medialit-items.json``.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache
from importlib import resources
from pathlib import Path
from types import MappingProxyType

from medialit.core import jsonfile
from medialit.core.article import Article, load_article
from medialit.core.saved_work import SIDECAR_SUFFIX
from medialit.exercises.errors import AnswerError

ITEMS_FILE = "medialit-items.json"
"""An items file: the kit's own in the package, an instructor's beside the exercise's notebook and article."""
SCHEMA = jsonfile.Schema("medialit.exercises", "items")
"""The one items format (``exercises/schemas/items.schema.json``)."""
REASONS = ("no_source", "vague_source", "hedge", "evaluation")
SOURCE_KINDS = ("named", "vague", "anonymous")


@dataclass(frozen=True)
class Item:
    """One graded question: which words of which article, answered how, worth how much."""

    id: str
    article: str
    part: tuple[str, str]  # first and last words of the part (inclusive), so offsets never drift
    kind: str  # "spans", "speakers", "sentences" or "words"
    labels: tuple[str, ...]
    points: float

    @property
    def sidecar(self) -> str:
        """File the Highlighter saves to; never present in ``source/`` (see course.py)."""
        return f"{self.id}{SIDECAR_SUFFIX}"

    def load(self) -> Article:
        return _article(self.article)

    def bounds(self) -> tuple[int, int]:
        body = self.load().body
        start = body.index(self.part[0])
        return start, body.index(self.part[1], start) + len(self.part[1])

    def text(self) -> str:
        start, end = self.bounds()
        return self.load().body[start:end]

    def sentences(self) -> list[tuple[int, int]]:
        """The article's sentences that lie in the part (sentence items are judged sentence by sentence)."""
        start, end = self.bounds()
        return [(s, e) for s, e in self.load().sentences if s < end and e > start]


@cache
def _article(article_id: str) -> Article:
    return load_article(article_id)


REGENERATE = "generate the exercise again with `medialit new-exercise`"


def read_items(path: str | Path, *, hint: str = REGENERATE) -> list[Item]:
    """The items an items file defines, validated against ``SCHEMA``; ``JsonFileError`` (one line) if unusable."""
    path = Path(path)
    data = jsonfile.load(path, SCHEMA, hint=hint)
    found = [
        Item(d["id"], _article_ref(d["article"], path.parent), tuple(d["part"]), d["kind"], tuple(d["labels"]),
             d["points"])
        for d in data["items"]
    ]  # fmt: skip
    ids = [it.id for it in found]
    twice = next((i for i in ids if ids.count(i) > 1), None)
    if twice is not None:
        raise jsonfile.JsonFileError(path, f"item {twice!r} is defined twice", hint)
    return found


def _article_ref(article: str, folder: Path) -> str:
    """An article file (it has a suffix) relative to the items file's folder, else a bundled article's id."""
    return str((folder / article).resolve()) if Path(article).suffix else article


def _kit_items() -> Mapping[str, Item]:
    """The kit's own items, from the package's ``medialit-items.json``, loaded once at import."""
    with resources.as_file(resources.files(__package__).joinpath(ITEMS_FILE)) as path:
        found = read_items(path, hint="the medialit package is damaged; reinstall it")
    return MappingProxyType({it.id: it for it in found})


ITEMS: Mapping[str, Item] = _kit_items()
"""The kit's graded items by id (``exercises/medialit-items.json``; add an item there, sorted by id)."""

_OWN_ITEMS: dict[str, Item] = {}


def define_items(path: str | Path) -> list[Item]:
    """Register the items listed in an instructor's items file; each article path is relative to that file."""
    try:
        found = read_items(path)
    except jsonfile.JsonFileError as error:
        raise AnswerError(str(error)) from None
    for it in found:
        define_item(it)
    return found


def define_item(it: Item) -> None:
    """Make an instructor's item known in this process; the kit's own ``ITEMS`` stay as shipped."""
    _OWN_ITEMS[it.id] = it


def known_items() -> dict[str, Item]:
    """The kit's items and any instructor items defined in this process."""
    return {**ITEMS, **_OWN_ITEMS}


def item(item_id: str) -> Item:
    """The item an exercise notebook names (``item("ex01-q1")``): the kit's, else an instructor's own from
    ``medialit-items.json`` in the working folder, where ``new-exercise`` puts it. A student's slip (an unknown
    name, the answer in the name's place) is one ``AnswerError`` line."""
    if not isinstance(item_id, str):  # check(answer_q1): the answer where the item's name belongs
        raise AnswerError(
            f"the item's name comes first, in quotes, then the answer: check('ex01-q1', answer_q1), not {item_id!r}"
        )
    if item_id not in known_items() and Path(ITEMS_FILE).is_file():  # an instructor's own exercise, in its folder
        define_items(ITEMS_FILE)
    try:
        return known_items()[item_id]
    except KeyError:
        raise AnswerError(f"no exercise item {item_id!r}; known items: {', '.join(known_items())}") from None
