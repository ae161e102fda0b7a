"""A mark's words in a line of text: folded onto one line, cut short, and in ‘ ’ when feedback quotes them.

Scoring's lines, the Highlighter's and lessons' feedback and the exercises' answer checks all name the words a
student or the key marked; one function keeps them quoted alike, so a learner reads the same words the same way
whichever check speaks. It lives in core because the analyzer's table (``nlp.result``) cuts its columns the same
way, and nlp may not import exercises.
"""

from __future__ import annotations

__all__ = ["clipped", "quoted"]


def clipped(text: str, limit: int = 60) -> str:
    """``text`` on one line, cut to ``limit`` characters ending in '…': a long mark must not bury the line's advice."""
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def quoted(text: str, limit: int = 60) -> str:
    """``clipped`` text in typographic single quotes, which set the words apart from the sentence around them."""
    return f"‘{clipped(text, limit)}’"
