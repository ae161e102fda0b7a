"""A reference that closes a sentence is evidence (corpus conventions, ``course/corpus/SOURCES.md``).

Such a sentence is not unsupported, and one that rests on a vague source is attributed.
"""

from __future__ import annotations

import re

_REFERENCE = re.compile(r"\[\d+(?:\s*[-–,]\s*\[?\d+\]?)*\]|\((?:Figure|Fig\.|Table) \d+(?:\.\d+)*\)")


_LEADING_REFERENCES = re.compile(r"^(?:\s*\[[^\]\n]*\])+\s*")
"""Marks opening a sentence that the split (``core.article.REFERENCE_MARK``) leaves there, closing the sentence
before all the same: one opening a line, a range, a long number, a note ("[9]", "[3–5]", "[1234]", "[Note 2]")."""


def cited(text: str) -> str:
    """A reference number ("[12]", "[3 – 5]") or a figure reference ("(Figure 1.6)") in the sentence.

    The guidelines call a claim unsupported when it has no source and no
    evidence; a reference that closes it points the reader to both (corpus
    conventions, ``course/corpus/SOURCES.md``), so the sentence is not
    unsupported. A reference opening the sentence closes the one before; a
    flagged one ("[citation needed]", "[better source needed]") supports nothing.
    """
    text = _LEADING_REFERENCES.sub("", text)  # "[3–5] The motives are obscure.": 3–5 closes the sentence before
    match = _REFERENCE.search(text)
    return match.group(0) if match and "needed]" not in text else ""
