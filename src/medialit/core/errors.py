"""Errors for people's mistakes (a student's answer, an instructor's article or key): one line, no traceback."""


class OneLineError(ValueError):
    """A user's mistake; the message is one line that says what to change."""

    def _render_traceback_(self) -> list[str]:
        """What IPython shows instead of a traceback: the user needs the line, not the kit's frames."""
        return [f"{type(self).__name__}: {self}"]
