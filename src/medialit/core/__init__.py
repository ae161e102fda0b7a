"""The data model: articles, labelled spans, links between them, and the files they are saved in."""
