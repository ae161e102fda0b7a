"""medialit: find sources, claims and framing in news articles, in Jupyter."""

from medialit.article import Article, ArticleError, from_text, load_article
from medialit.spans import Annotations, Attribution, Span

__all__ = ["Annotations", "Article", "ArticleError", "Attribution", "Span", "from_text", "load_article"]
__version__ = "0.1.0"
