"""The errors a student sees: their answer (or the item they named) cannot be read, told in one line."""

from medialit.core.errors import OneLineError

__all__ = ["AnswerError", "OneLineError"]


class AnswerError(OneLineError):
    """An answer that cannot be read."""
