"""The errors a student sees: their answer (or the item they named) cannot be read, told in one line."""

from medialit.core.errors import OneLineError

__all__ = ["NOTHING_SAVED", "AnswerError", "CommandError", "OneLineError"]

NOTHING_SAVED = "no saved highlights"
"""How the reason for an item with no answer at all starts; ``course grade`` folds such items into one line."""


class AnswerError(OneLineError):
    """An answer that cannot be read."""


class CommandError(OneLineError):
    """A ``medialit`` command typed into a cell as if it were Python (its ``!`` left out)."""
