"""Counts in words for what students read: ``counted(1, "mark")`` is "1 mark", ``counted(2, "mark")`` "2 marks"."""

from __future__ import annotations

__all__ = ["counted"]


def counted(n: int, noun: str, plural: str | None = None) -> str:
    """``n`` and the noun, singular for exactly one (``plural`` for a noun that does not just add "s")."""
    return f"{n} {noun if n == 1 else plural or noun + 's'}"
