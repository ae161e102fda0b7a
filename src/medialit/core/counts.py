"""Counts in words for what students read: ``counted(1, "mark")`` is "1 mark", ``counted(2, "mark")`` "2 marks"."""

from __future__ import annotations

__all__ = ["counted"]


def counted(n: float, noun: str, plural: str | None = None) -> str:
    """``n`` and the noun, singular for exactly one (``plural`` for a noun that does not just add "s").

    A float is written as points are (``1.0`` as "1", ``0.5`` as "0.5"): ``counted(1.0, "point")`` is "1 point".
    """
    number = f"{n:g}" if isinstance(n, float) else str(n)
    return f"{number} {noun if n == 1 else plural or noun + 's'}"
