"""Derive ``evaluative_vader.jsonl``: strongly evaluative adjectives from the VADER sentiment lexicon.

VADER (vaderSentiment 3.3.2, MIT licence, C.J. Hutto) rates about 7,500 words
from -4 to +4 by human judgement. We keep the one-word lower-case entries
that WordNet 3.0 lists as adjectives (``index.adj``, Debian ``wordnet-base``)
with a mean rating of at least ``THRESHOLD`` either way: words such as
"fantastic" or "brutal" that state the writer's judgement.

Run: ``pip download vadersentiment==3.3.2 --no-deps -d /tmp/vader`` then
``python tools/derive_evaluative_words.py /tmp/vader/vaderSentiment-3.3.2-py2.py3-none-any.whl``
(the result is committed; nothing is read from VADER at run time).
"""

from __future__ import annotations

import argparse
import json
import zipfile
from pathlib import Path

THRESHOLD = 2.0
ADJECTIVES = Path("/usr/share/wordnet/index.adj")
OUT = Path(__file__).parents[1] / "src/medialit/nlp/lexicons/evaluative_vader.jsonl"


def adjectives(index: Path) -> set[str]:
    return {line.split()[0] for line in index.read_text(encoding="utf-8").splitlines() if not line.startswith("  ")}


def derive(wheel: Path, index: Path) -> list[dict]:
    with zipfile.ZipFile(wheel) as archive:
        text = archive.read("vaderSentiment/vader_lexicon.txt").decode("utf-8")
    known = adjectives(index)
    out = []
    for line in text.splitlines():
        word, rating = line.split("\t")[:2]
        if word.isalpha() and word.islower() and word in known and abs(float(rating)) >= THRESHOLD:
            polarity = "positive" if float(rating) > 0 else "negative"
            out.append(
                {
                    "label": "EVALUATIVE",
                    "pattern": [{"LOWER": word, "POS": "ADJ"}],
                    "id": word,
                    "valence": float(rating),
                    "category": polarity,
                }
            )
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("wheel", type=Path, help="the vaderSentiment 3.3.2 wheel")
    parser.add_argument("--adjectives", type=Path, default=ADJECTIVES, help="WordNet index.adj")
    parser.add_argument("--out", type=Path, default=OUT)
    args = parser.parse_args()
    entries = derive(args.wheel, args.adjectives)
    header = (
        f"// Evaluative adjectives: VADER 3.3.2 ratings |r| >= {THRESHOLD} that WordNet lists as adjectives;\n"
        "// derived by tools/derive_evaluative_words.py (licences in SOURCES.md). Do not edit by hand.\n"
    )
    args.out.write_text(header + "\n".join(json.dumps(e) for e in entries) + "\n", encoding="utf-8")
    print(f"{args.out}: {len(entries)} entries")


if __name__ == "__main__":
    main()
