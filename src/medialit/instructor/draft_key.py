"""An instructor's answer key for their own article: drafted by the analyzer, reviewed, checked, saved.

A key is the corpus gold format (``medialit.core.spans``) plus a ``status`` on each
item: ``suggested`` (the analyzer's, not yet looked at), then ``accepted``,
``rejected``, ``edited`` or ``added`` once a person decided. Human gold files
have no status: every item counts as reviewed. Keys are plain JSON dicts here,
so the file an instructor edits by hand and the one the review widget saves
are the same thing.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from medialit.core import jsonfile
from medialit.core.article import Article
from medialit.core.spans import GOLD, KINDS, SENTENCE_LABELS, SpanError, check_gold

SUGGESTED = "suggested"
DECISIONS = ("accepted", "rejected", "edited", "added")
SECTIONS = ("attributions", "sentences", "framing")


def draft_key(article: Article, analysis: Any = None) -> dict[str, Any]:
    """The analyzer's findings as a key whose every item is a suggestion with the rule that produced it."""
    if analysis is None:
        from medialit.nlp.analysis import analyze  # spaCy loads only when a draft is asked for

        analysis = analyze(article)
    data = analysis.to_json()
    for attribution in data["attributions"]:
        attribution["rule"] = attribution.get("rule", "")
    for span in data["sentences"] + data.get("framing", []):
        span["rule"] = "; ".join(r for r in span.get("reasons", ()) if r)
    for section in SECTIONS:
        for entry in data.get(section, []):
            entry["status"] = SUGGESTED
    data.pop("sources", None)  # derived from the attributions; not part of a key
    data["note"] = "Drafted by the medialit analyzer: every item is a suggestion until reviewed."
    return data


def unreviewed(key: dict[str, Any]) -> list[str]:
    """Items still marked ``suggested``, as ``section index`` strings."""
    return [
        f"{section} {i}"
        for section in SECTIONS
        for i, entry in enumerate(key.get(section, []))
        if entry.get("status") == SUGGESTED
    ]


def decide(key: dict[str, Any], section: str, index: int, decision: str, **changes: Any) -> dict[str, Any]:
    """Accept, reject or edit one item (``changes`` are the edited fields); returns the item.

    A sentence always keeps a label (every sentence is labelled): rejecting a
    suggested label sets it to ``other``.
    """
    if decision not in ("accepted", "rejected", "edited"):
        raise SpanError(f"decision {decision!r}: use accepted, rejected or edited")
    entry = key[section][index]
    entry.update(changes)
    if section == "sentences" and decision == "rejected":
        entry.update(label="other", status="edited")
        return entry
    entry["status"] = "edited" if changes and decision != "rejected" else decision
    return entry


def add_item(key: dict[str, Any], section: str, item: dict[str, Any]) -> dict[str, Any]:
    """Add an item the analyzer missed (an attribution, a framing word); sentences are edited, never added."""
    if section == "sentences":
        raise SpanError("every sentence already has a label: edit its label instead of adding one")
    entry = dict(item) | {"status": "added"}
    key.setdefault(section, []).append(entry)
    return entry


def attribution(
    body: str, speaker: str, source: tuple[int, int], cue: tuple[int, int], kind: str, content: tuple | None = None
) -> dict[str, Any]:
    """An attribution entry in the gold format, texts taken from the body so they always match."""
    if kind not in KINDS:
        raise SpanError(f"kind {kind!r} is not one of {', '.join(KINDS)}")
    entry: dict[str, Any] = {
        "speaker": speaker,
        "source_text": body[source[0] : source[1]],
        "source_start": source[0],
        "source_end": source[1],
        "cue": body[cue[0] : cue[1]],
        "cue_start": cue[0],
        "cue_end": cue[1],
    }
    if content:
        entry |= {"content_start": content[0], "content_end": content[1]}
    return entry | {"kind": kind}


def reviewed(key: dict[str, Any]) -> dict[str, Any]:
    """The key as saved: rejected items moved out of the gold lists into ``rejected`` (kept for the record)."""
    out = dict(key)
    rejected = list(key.get("rejected", []))
    for section in ("attributions", "framing"):
        if section in key:
            keep = [e for e in key[section] if e.get("status") != "rejected"]
            rejected += [{"section": section} | e for e in key[section] if e.get("status") == "rejected"]
            out[section] = keep
    if rejected:
        out["rejected"] = rejected
    return out


def key_problems(key: Any, article: Article) -> list[str]:
    """What makes a key unusable for this article: the corpus validator's checks, then the statuses."""
    problems = check_gold(key, article.body)
    if not isinstance(key, dict):
        return problems
    if not key.get("body_sha256"):  # without it a key could be used on another version of the text
        problems.append("body_sha256 is missing: draft the key again with `medialit draft-key`, or copy it from one")
    for section in SECTIONS:
        for i, entry in enumerate(key.get(section, [])):
            status = entry.get("status")
            if status is not None and status not in (SUGGESTED, *DECISIONS):
                problems.append(f"{section} {i}: status {status!r} is not one of suggested, {', '.join(DECISIONS)}")
    for i, entry in enumerate(key.get("framing", [])):
        start, end = entry.get("start"), entry.get("end")
        if not (isinstance(start, int) and isinstance(end, int) and 0 <= start < end <= len(article.body)):
            problems.append(f"framing {i}: [{start}, {end}) is outside the text")
    return problems


def load_key(path: str | Path) -> dict[str, Any]:
    try:
        return jsonfile.load(path, GOLD, hint="fix the file or draft it again")
    except jsonfile.JsonFileError as error:
        raise SpanError(str(error)) from None


def checked_key(path: str | Path, article: Article) -> dict[str, Any]:
    """Load a key and refuse it, in one line, if it does not fit the article."""
    key = load_key(path)
    problems = key_problems(key, article)
    if problems:
        more = f" (and {len(problems) - 1} more problem(s))" if len(problems) > 1 else ""
        raise SpanError(f"{path}: {problems[0]}{more}; fix the key in the review widget or by hand")
    return key


def save_key(key: dict[str, Any], article: Article, path: str | Path) -> Path:
    """Write the reviewed key, after the same checks ``new-exercise`` makes; refuses a key that fails them."""
    out = reviewed(key)
    problems = key_problems(out, article)
    if problems:
        raise SpanError(f"the key cannot be saved: {problems[0]}")
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(out, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    return path


__all__ = [
    "DECISIONS",
    "SENTENCE_LABELS",
    "SUGGESTED",
    "add_item",
    "attribution",
    "checked_key",
    "decide",
    "draft_key",
    "key_problems",
    "load_key",
    "save_key",
    "unreviewed",
]
