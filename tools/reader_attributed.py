"""Where the analyzer and the readers disagree about ``attributed`` on the reader-labelled reports.

The 39 reports of ``course/corpus/reader-labelled/`` carry sentence labels only and
were never used to tune an attribution rule, so their disagreements show what
the attribution side does on unseen news. For every reader sentence this pairs
the analyzer's label as ``tools/label_agreement.py`` does (the analyzer sentence
overlapping it most) and lists the misses (readers ``attributed``, analyzer not)
and the false ones (analyzer ``attributed``, readers not), each with the
reader's note, the analyzer's reasons and the attributions whose cue lies in the
sentence. Parses are cached (``_corpus.CachedParser``).

Run: ``python tools/reader_attributed.py [--cache DIR]``
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TYPE_CHECKING

from medialit.nlp.analysis import analyze
from medialit.nlp.pipeline import load_pipeline

from _corpus import READERS, CachedParser, add_cache_option, reader_labelled  # isort: skip  (tools/ on the path)
from label_agreement import f1  # isort: skip

if TYPE_CHECKING:
    from spacy.language import Language


def disagreements(parser: Language | CachedParser, folder: Path = READERS) -> tuple[list[tuple[str, str]], list[dict]]:
    """All (reader, analyzer) label pairs and the sentences where they disagree about ``attributed``; ``parser``
    is the pipeline or a ``CachedParser``."""
    pairs: list[tuple[str, str]] = []
    rows: list[dict] = []
    for article, sentences, notes in reader_labelled(folder):
        analysis = analyze(article, parser)
        for reference, note in zip(sentences, notes, strict=True):
            got = max(analysis.sentences, key=reference.overlap)
            pairs.append((reference.label, got.label))
            if (reference.label == "attributed") == (got.label == "attributed"):
                continue
            cues = [
                f"{a.cue.text(article.body)!r} ({a.speaker}; {a.rule.split(';')[0]})"
                for a in analysis.attributions
                if reference.start <= a.cue.start < reference.end
            ]
            rows.append(
                {
                    "article": article.id,
                    "error": "miss" if reference.label == "attributed" else "false",
                    "reader": reference.label,
                    "analyzer": got.label,
                    "note": note,
                    "reasons": "; ".join(got.reasons)[:300],
                    "cues": cues,
                    "text": " ".join(article.body[reference.start : reference.end].split()),
                }
            )
    return pairs, rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    add_cache_option(parser)
    args = parser.parse_args()
    pairs, rows = disagreements(CachedParser(load_pipeline(), args.cache))
    p, r, f = f1(pairs, "attributed")
    print(f"reader-labelled reports: {len(pairs)} sentences; attributed P {p:.3f} R {r:.3f} F1 {f:.3f}")
    for error in ("miss", "false"):
        chosen = [row for row in rows if row["error"] == error]
        print(f"\n## {error}: {len(chosen)} sentences in {len({row['article'] for row in chosen})} articles")
        for row in chosen:
            print(f"- {row['article']} | readers {row['reader']} | analyzer {row['analyzer']}")
            print(f"    {row['text']}")
            if row["note"]:
                print(f"    note: {row['note']}")
            print(f"    reasons: {row['reasons']}")
            for cue in row["cues"]:
                print(f"    cue: {cue}")


if __name__ == "__main__":
    main()
