"""Jupyter widgets; imported only when used, so ``import medialit`` stays light."""

from medialit.widgets.highlighter import DEFAULT_LABELS, Highlighter

__all__ = ["DEFAULT_LABELS", "Highlighter"]
