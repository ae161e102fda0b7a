"""medialit: find sources, claims and framing in news articles, in Jupyter."""

from medialit.core.article import Article, ArticleError, from_text, load_article
from medialit.core.spans import Annotations, Attribution, Span

__all__ = ["Annotations", "Article", "ArticleError", "Attribution", "Span", "from_text", "load_article"]
__version__ = "0.1.0"


def __getattr__(name: str) -> object:
    if name == "Highlighter":  # lazy: anywidget and ipywidgets load only when the widget is used
        from medialit.widgets.highlighter import Highlighter

        return Highlighter
    raise AttributeError(f"module 'medialit' has no attribute {name!r}")
