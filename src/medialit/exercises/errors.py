"""The one error a student sees: their answer (or the item they named) cannot be read."""


class AnswerError(ValueError):
    """An answer that cannot be read; the message is one line that says what to change."""
