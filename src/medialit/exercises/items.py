"""The graded items: which words of which article each question is about, answered how, worth how much.

Item definitions are public (students' notebooks load them); keys are not.
The kit's own items are ``ITEMS``; an instructor's exercise made with
``medialit new-exercise`` brings its own ``medialit-items.json``.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from types import MappingProxyType

from medialit.core.article import Article, load_article
from medialit.exercises.errors import AnswerError

SIDECAR_SUFFIX = ".highlights.json"
REASONS = ("no_source", "vague_source", "hedge", "evaluation")
SOURCE_KINDS = ("named", "vague", "anonymous")
ATTRIBUTION_KINDS = ("direct", "indirect", "mixed", "according_to")
HEADLINE_FAULTS = ("dropped_source", "unsupported_figure")
TEXT_KINDS = ("news", "opinion", "advertising")
PROVENANCE_SIGNALS = ("bio", "scraped", "translation", "date")
PAGE_ROLES = ("misleading", "original_report", "official_record")
FRAMING_WORDS = ("loaded", "hedge")


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


ITEMS: Mapping[str, Item] = MappingProxyType(
    {
        item.id: item
        for item in (
            Item(
                "ex01-q1",
                "stoere-putin-call",
                ("– I appealed", "Russia’s rhetoric has changed."),
                "spans",
                ("source", "cue"),
                3,
            ),
            Item(
                "ex01-q2",
                "stoere-putin-call",
                ("– I appealed", "Russia’s rhetoric has changed."),
                "speakers",
                (),
                2,
            ),
            Item(
                "ex01-q3",
                "scientology-website-attacked",
                ("Though YouTube is complying", "unknown author on pigmy."),
                "spans",
                SOURCE_KINDS,
                3,
            ),
            Item(
                "ex01-q4",
                "scientology-website-attacked",
                ("Though YouTube is complying", "unknown author on pigmy."),
                "spans",
                ATTRIBUTION_KINDS,
                2,
            ),
            Item(
                "ex02-q1",
                "stoere-putin-call",
                ("There is increasing focus", "anti-tank missiles to Ukraine."),
                "sentences",
                REASONS,
                3,
            ),
            Item(
                "ex02-q2",
                "indonesia-asylum-seekers-rescued",
                ("On Friday, fishermen", "at sea in the region."),
                "sentences",
                REASONS,
                3,
            ),
            Item(
                "ex02-q3",
                "lindvik-bus-fares",
                ("Bus fares to double", "review the timetable in the autumn."),
                "spans",
                HEADLINE_FAULTS,
                2,
            ),
            Item(
                "ex03-q1",
                "scientology-website-attacked",
                ("Writing in a blog post", 'an all-out war."'),
                "words",
                ("loaded",),
                3,
            ),
            Item(
                "ex03-q3",
                "lindvik-library-page",
                ("Library to open on Sundays", "opening hours after one year."),
                "spans",
                ("opinion",),
                2,
            ),
            Item(
                "ex03-q4",
                "lindvik-library-page",
                ("Library to open on Sundays", "a free bookmark!"),
                "spans",
                TEXT_KINDS,
                1,
            ),
            Item(
                "ex04-q1",
                "tallbacka-wolves-copy",
                ("Wolves seen near school", "Wannabe troublemaker."),
                "spans",
                PROVENANCE_SIGNALS,
                4,
            ),
            Item(
                "ex04-q2",
                "tallbacka-wolves-pages",
                ("PAGE 1", "Erik Holm, wildlife officer."),
                "spans",
                PAGE_ROLES,
                3,
            ),
            Item(
                "ex05-q1",
                "sandvik-wind-farm",
                ("Wind farm off Sandvik", "stand in the way of clean power."),
                "spans",
                ("opinion",),
                2,
            ),
            Item(
                "ex05-q2",
                "sandvik-wind-farm",
                ("Wind farm off Sandvik", "stand in the way of clean power."),
                "spans",
                HEADLINE_FAULTS,
                1,
            ),
            Item(
                "ex05-q3",
                "sandvik-wind-farm",
                ("Wind farm off Sandvik", "the people who know them."),
                "spans",
                TEXT_KINDS,
                1,
            ),
            Item(
                "ex05-q4",
                "sandvik-wind-farm",
                ("Wind farm off Sandvik", "stand in the way of clean power."),
                "spans",
                ("source", "cue"),
                2,
            ),
            Item(
                "ex05-q5",
                "sandvik-wind-farm",
                ("Wind farm off Sandvik", "stand in the way of clean power."),
                "spans",
                ATTRIBUTION_KINDS,
                2,
            ),
            Item(
                "ex05-q6",
                "sandvik-wind-farm",
                ("Sandvik's council on Thursday", "stand in the way of clean power."),
                "sentences",
                REASONS,
                2,
            ),
            Item(
                "ex05-q7",
                "sandvik-wind-farm",
                ("Wind farm off Sandvik", "stand in the way of clean power."),
                "words",
                FRAMING_WORDS,
                2,
            ),
            Item(
                "ex05-q8",
                "sandvik-wind-farm-copy",
                ("Wind farm to double jobs in Sandvik", "Certified sunset chaser."),
                "spans",
                PROVENANCE_SIGNALS,
                2,
            ),
        )
    }
)


@cache
def _article(article_id: str) -> Article:
    return load_article(article_id)


_OWN_ITEMS: dict[str, Item] = {}

ITEMS_FILE = "medialit-items.json"
"""Items of an instructor's own exercise (``medialit new-exercise``), beside its notebook and article."""


def define_items(path: str | Path) -> list[Item]:
    """Register the items listed in an items file; each article path is relative to that file."""
    path = Path(path)
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        found = [
            Item(
                d["id"],
                str((path.parent / d["article"]).resolve()),
                tuple(d["part"]),
                d["kind"],
                tuple(d["labels"]),
                float(d["points"]),
            )
            for d in data["items"]
        ]
    except (OSError, ValueError, KeyError, TypeError) as error:
        raise AnswerError(f"{path.name} cannot be read ({type(error).__name__}): generate the exercise again") from None
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
    if item_id not in known_items() and Path(ITEMS_FILE).is_file():  # an instructor's own exercise, in its folder
        define_items(ITEMS_FILE)
    try:
        return known_items()[item_id]
    except KeyError:
        raise AnswerError(f"no exercise item {item_id!r}; known items: {', '.join(known_items())}") from None
