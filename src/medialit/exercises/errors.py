"""The errors a student sees: their answer (or the item they named) cannot be read, told in one line."""


class OneLineError(ValueError):
    """A student's mistake; the message is one line that says what to change."""

    def _render_traceback_(self) -> list[str]:
        """What IPython shows instead of a traceback: the student needs the line, not the kit's frames."""
        return [f"{type(self).__name__}: {self}"]


class AnswerError(OneLineError):
    """An answer that cannot be read."""
