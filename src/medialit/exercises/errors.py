"""The errors a student sees: their answer (or the item they named) cannot be read, told in one line."""

from medialit.core.errors import OneLineError

__all__ = ["NOTHING_SAVED", "AnswerError", "OneLineError"]

NOTHING_SAVED = "no saved highlights"
"""How the reason for an item with no answer at all starts; ``course grade`` folds such items into one line."""


class AnswerError(OneLineError):
    """An answer that cannot be read."""
