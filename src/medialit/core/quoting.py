"""A mark's words in a line of text: folded onto one line, cut short, and in ‘ ’ when feedback quotes them.

Scoring's lines, the Highlighter's and lessons' feedback and the exercises' answer checks all name the words a
student or the key marked; one function keeps them quoted alike, so a learner reads the same words the same way
whichever check speaks. It lives in core because the analyzer's table (``nlp.result``) cuts its columns the same
way, and nlp may not import exercises.
"""

from __future__ import annotations

import re

__all__ = ["clipped", "printable", "quoted"]

_UNPRINTABLE = re.compile("[\x00-\x1f\x7f-\x9f\u061c\u200e\u200f\u2028-\u202e\u2066-\u2069]")
"""Characters a terminal or a text viewer acts on instead of showing: control characters (a line break, the escape
that starts "cursor up, clear the line"), Unicode's line and paragraph separators, and the marks that reorder text
(a right-to-left override)."""


def clipped(text: str, limit: int = 60) -> str:
    """``text`` on one line, cut to ``limit`` characters ending in '…': a long mark must not bury the line's advice."""
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def quoted(text: str, limit: int = 60) -> str:
    """``clipped`` text in typographic single quotes, which set the words apart from the sentence around them."""
    return f"‘{clipped(text, limit)}’"


def printable(text: str) -> str:
    """``text`` with every character a terminal or a viewer would act on shown as its Python escape (``\\n``,
    ``\\x1b``, ``\\u202e``): one line that shows what it holds.

    For names a student chose, in the instructor's lines: a hand-in's notebook name made in a terminal reached
    ``course grade``'s summary as it was, and its line break printed a line of its own, a classmate's forged score,
    which escapes could also put in place of the classmate's real line (attack25).
    """
    return _UNPRINTABLE.sub(lambda found: found.group().encode("unicode_escape").decode("ascii"), text)
