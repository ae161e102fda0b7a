"""Text as answers are compared: the lesson checks read a typed answer this way, the scorer a speaker's name."""

from __future__ import annotations

import re
import unicodedata
from typing import Any

_FOLD = str.maketrans({"ø": "o", "æ": "ae", "å": "a", "’": "'", "‘": "'"})


def normalise(text: Any) -> str:
    """Lower case, Norwegian letters folded, accents and punctuation dropped, spaces collapsed: how a student
    types a name or an answer ("Støre’s", "store s") should not decide whether it counts."""
    text = unicodedata.normalize("NFKD", str(text).lower().translate(_FOLD))
    text = "".join(ch for ch in text if not unicodedata.combining(ch))
    return " ".join(re.sub(r"[^\w\s]", " ", text).split())
