"""Lexicons are data: JSONL files of span-ruler-shaped patterns, one per line.

Each line is ``{"label": ..., "pattern": ..., "id": optional, ...}`` where
``pattern`` is a phrase string or a list of spaCy token-attribute dicts; extra
keys (``stance``, ``category``, ``note``) carry what the rule means. Where each
file comes from is recorded in ``lexicons/SOURCES.md``.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from functools import cache
from importlib import resources
from typing import Any, TypeVar

PACKAGE = "medialit.nlp"
T = TypeVar("T")


@cache
def load_lexicon(name: str) -> tuple[dict, ...]:
    """The entries of ``lexicons/<name>.jsonl``; blank lines and ``//`` comment lines are skipped."""
    ref = resources.files(PACKAGE) / "lexicons" / f"{name}.jsonl"
    entries = []
    for number, line in enumerate(ref.read_text(encoding="utf-8").splitlines(), start=1):
        if not line.strip() or line.lstrip().startswith("//"):
            continue
        entry = json.loads(line)
        if not isinstance(entry, dict) or "label" not in entry or "pattern" not in entry:
            raise ValueError(f"lexicon {name}.jsonl line {number}: needs 'label' and 'pattern'")
        entries.append(entry)
    return tuple(entries)


def lexicon_names() -> list[str]:
    folder = resources.files(PACKAGE) / "lexicons"
    return sorted(p.name[: -len(".jsonl")] for p in folder.iterdir() if p.name.endswith(".jsonl"))


_PER_VOCAB: dict[tuple[str, int], tuple[Any, Any]] = {}


def per_vocab(purpose: str, vocab: Any, build: Callable[[Any], T]) -> T:
    """``build(vocab)`` once per vocabulary and purpose (matchers compiled from lexicons).

    The cache holds the vocab itself, so its ``id`` cannot be reused by another
    vocabulary while the entry exists.
    """
    cached = _PER_VOCAB.get((purpose, id(vocab)))
    if cached is None or cached[0] is not vocab:
        cached = (vocab, build(vocab))
        _PER_VOCAB[(purpose, id(vocab))] = cached
    return cached[1]
