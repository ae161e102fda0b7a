"""Read whatever a student typed or saved as the ``Answer`` to one item; anything else is one friendly line.

A student's answer is data they control, so this module trusts nothing: every
value Python can hold either becomes an ``Answer`` or raises ``AnswerError``
with one line that says what to write instead, never ``TypeError`` or
``IndexError``. Accepted forms (``read_answer``):

- ``None``: the marks saved by the Highlighter in the item's sidecar;
- marks as dicts ``{'start': 0, 'end': 5, 'label': 'source'}`` (``Highlighter.spans``);
- ``('words', 'label')`` or ``('words', 'label', n)`` for the n-th occurrence in the part;
- words (framing items): ``['skirmish', 'war']``;
- speaker items: ``('source words', 'Speaker Name', 'cue words'[, n])`` (n: which occurrence of the
  source words; the cue is the occurrence of its words nearest the source), or the older
  ``('source words', 'Speaker Name'[, n])`` and ``{'source words': 'Speaker Name'}``, which name no
  cue and so earn only the speaker half; from the sidecar, the speakers named on the Highlighter's
  links with their cues (a link is data, not a label).
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from medialit.core.article import Article
from medialit.core.links import Link, speakers_of
from medialit.core.spans import Span
from medialit.exercises.errors import NOTHING_SAVED, AnswerError
from medialit.exercises.items import Item

MAX_MARKS = 300
"""More entries than any honest answer needs (the longest key has 10); a bigger answer is refused, not read."""
MAX_WORDS = 1000
"""Longest text one entry may quote (characters)."""
MAX_SIDECAR_BYTES = 2_000_000
"""A highlights file is a few kB; a bigger one is not read (grading, the course report and the hidden test alike)."""


@dataclass(frozen=True)
class Answer:
    """One student's answer to one item: marks, speakers named for source marks, words not found in the part.

    ``attributions`` are the links the student drew between marks (source, cue, content, speaker,
    kind); a speaker item's ``speakers`` are the speakers named on them, and ``cues[i]`` the cue the
    i-th one is linked to (None, or a short tuple: no cue given, which earns only the speaker half).
    """

    marks: tuple[Span, ...] = ()
    speakers: tuple[tuple[Span, str], ...] = ()
    unplaced: tuple[str, ...] = ()
    attributions: tuple[Link, ...] = ()
    cues: tuple[Span | None, ...] = ()
    unplaced_labels: tuple[str, ...] = ()  # labels given with the unplaced words: the visible check reads them

    def speaker_cues(self) -> list[frozenset[Span]]:
        """The cue given for each of ``speakers``, as a set (empty: none given)."""
        given = list(self.cues) + [None] * (len(self.speakers) - len(self.cues))
        return [frozenset() if c is None else frozenset({c}) for c in given[: len(self.speakers)]]

    def __len__(self) -> int:
        return len(self.marks) + len(self.speakers) + len(self.unplaced)

    def labels(self) -> set[str]:
        return {s.label for s in self.marks}


def read_answer(it: Item, value: Any = None, folder: str | Path = ".") -> Answer:
    """The answer ``value`` (or, for None, the sidecar in ``folder``) to item ``it``; ``AnswerError`` otherwise."""
    if value is None:
        marks, links = read_saved(Path(folder) / it.sidecar, it.load())
        _check_size(it, len(marks))
        _check_saved_words(it, marks, links)
        if it.kind == "speakers":
            named = [x for x in links if x.source and x.speaker]
            if marks and not named:
                what = "type the full name beside each link" if links else "link each source to its cue"
                raise AnswerError(f"{it.id}: no speaker is named in your highlights: {what}, or write a list")
            cues = tuple(Span(x.cue.start, x.cue.end, "cue") if x.cue else None for x in named)
            return Answer(speakers=tuple(speakers_of(named)), attributions=tuple(links), cues=cues)
        return Answer(marks=tuple(marks), attributions=tuple(links))
    if isinstance(value, dict):
        if it.kind != "speakers":
            raise AnswerError(f"{it.id}: write this answer as a list, for example {example(it)}")
        value = list(value.items())
    if not isinstance(value, (list, tuple)):
        raise AnswerError(f"{it.id}: the answer must be a list (for example {example(it)}), not {_kind(value)}")
    if isinstance(value, tuple) and value and isinstance(value[0], str) and it.kind != "words":
        raise AnswerError(f"{it.id}: {_show(value)} is one entry: put your entries in a list, [{_show(value)}]")
    _check_size(it, len(value))
    return _placed(it, [_entry(it, entry) for entry in value])


def _check_size(it: Item, size: int) -> None:
    if size > MAX_MARKS:
        raise AnswerError(f"{it.id}: the answer has {size} entries, more than {MAX_MARKS}: keep only your own marks")


def _check_saved_words(it: Item, marks: list[Span], links: list[Link]) -> None:
    """A saved label or speaker name is held to what a typed entry may be (``MAX_WORDS``): the file is the
    student's, and a name of megabytes took the speaker judge hours (attack18), where a typed one is refused."""
    for mark in marks:
        if len(mark.label) > MAX_WORDS:
            raise AnswerError(
                f"{it.id}: a saved label of {len(mark.label):,} characters is too long: mark the text again"
            )
    for link in links:
        if len(link.speaker) > MAX_WORDS:
            raise AnswerError(
                f"{it.id}: a speaker name of {len(link.speaker):,} characters is too long: type only the speaker's "
                "full name on the link"
            )


def _kind(value: Any) -> str:
    return "a string" if isinstance(value, str) else type(value).__name__


# ---------------------------------------------------------------- one entry


@dataclass(frozen=True)
class _Entry:
    """One entry as read: either a mark with offsets, or words to find in the part (with label or speaker)."""

    span: Span | None = None
    words: str = ""
    label: str = ""
    speaker: str = ""
    nth: int | None = None
    cue: Span | None = None
    cue_words: str = ""


def _entry(it: Item, entry: Any) -> _Entry:
    if isinstance(entry, dict):
        return _dict_entry(it, entry)
    if isinstance(entry, str) and it.kind == "words":
        return _Entry(words=_text(it, entry), label=it.labels[0])
    if it.kind == "speakers" and _is_attribution(entry):
        return _attribution_entry(it, entry)
    if isinstance(entry, (list, tuple)) and len(entry) in (2, 3) and all(isinstance(x, str) for x in entry[:2]):
        nth = entry[2] if len(entry) == 3 else None
        if nth is not None and (type(nth) is not int or not 1 <= nth <= MAX_MARKS):
            raise AnswerError(f"{it.id}: in {_show(entry)} the third value must be 1, 2, ... (which occurrence)")
        words, second = _text(it, entry[0]), _text(it, entry[1])
        if it.kind == "speakers":
            return _Entry(words=words, label="source", speaker=second, nth=nth)
        return _Entry(words=words, label=second, nth=nth)
    raise AnswerError(f"{it.id}: {_show(entry)} is not an answer entry; write entries like {example(it)}")


def _is_attribution(entry: Any) -> bool:
    return isinstance(entry, (list, tuple)) and len(entry) in (3, 4) and all(isinstance(x, str) for x in entry[:3])


def _attribution_entry(it: Item, entry: tuple | list) -> _Entry:
    """``('source words', 'Speaker Name', 'cue words'[, n])``: a source, who it is, and the cue it belongs to."""
    nth = entry[3] if len(entry) == 4 else None
    if nth is not None and (type(nth) is not int or not 1 <= nth <= MAX_MARKS):
        raise AnswerError(f"{it.id}: in {_show(entry)} the fourth value must be 1, 2, ... (which occurrence)")
    words, speaker, cue = (_text(it, x) for x in entry[:3])
    return _Entry(words=words, label="source", speaker=speaker, nth=nth, cue_words=cue)


def _dict_entry(it: Item, entry: dict) -> _Entry:
    """A mark with offsets, as the Highlighter gives it; for speaker items with a ``speaker`` too."""
    start, end = entry.get("start"), entry.get("end")
    label = entry.get("label", "source" if it.kind == "speakers" else None)
    speaker = entry.get("speaker", "") if it.kind == "speakers" else ""
    if not (type(start) is int and type(end) is int and isinstance(label, str) and isinstance(speaker, str)):
        raise AnswerError(
            f"{it.id}: {_show(entry)} is not a mark like {{'start': 0, 'end': 5, 'label': ...}} "
            "(start and end are whole numbers, label is a string)"
        )
    if it.kind == "speakers" and not speaker:
        raise AnswerError(f"{it.id}: {_show(entry)} has no 'speaker': write {example(it)}")
    cue = entry.get("cue") if it.kind == "speakers" else None
    if cue is not None and not (
        isinstance(cue, dict) and type(cue.get("start")) is int and type(cue.get("end")) is int
    ):
        raise AnswerError(f"{it.id}: in {_show(entry)} 'cue' must be {{'start': 0, 'end': 5}} (whole numbers)")
    span = Span(start, end, _text(it, label))
    cue_span = Span(cue["start"], cue["end"], "cue") if cue else None
    return _Entry(span=span, label=label, speaker=_text(it, speaker), cue=cue_span)


def _text(it: Item, text: str) -> str:
    if len(text) > MAX_WORDS:
        raise AnswerError(f"{it.id}: an entry of {len(text)} characters is too long: quote only the words you mark")
    if not is_text(text):
        raise AnswerError(
            f"{it.id}: {_show(text)} holds a code that is not a character (such as \\ud800): type the words"
        )
    return text


def is_text(text: str) -> bool:
    """False for strings no file can hold (lone surrogates, ``'\\ud800'``): feedback quoting them cannot be saved."""
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def _show(value: Any) -> str:
    try:
        text = repr(value)
    except (RecursionError, ValueError):  # nested too deep, or an int too long to print
        return f"this {type(value).__name__}"
    return text if len(text) <= 60 else text[:57] + "..."


# ---------------------------------------------------------------- placing words in the part


def _placed(it: Item, entries: list[_Entry]) -> Answer:
    marks: list[Span] = []
    speakers: list[tuple[Span, str]] = []
    cues: list[Span | None] = []
    unplaced: list[str] = []
    unplaced_labels: list[str] = []
    used: set[tuple[int, int]] = set()
    for entry in entries:
        span = entry.span
        if span is None:
            where = _place(it, entry.words, entry.nth, used)
            if where is None:
                unplaced.append(entry.words.strip())
                unplaced_labels.append(entry.label)
                continue
            used.add(where)
            span = Span(*_widen(it, where), entry.label)
        if it.kind == "speakers":
            cue = entry.cue or (_nearest(it, entry.cue_words, span) if entry.cue_words else None)
            if entry.cue_words and cue is None:  # a cue not in the part: matches no cue, costs nothing more
                cue = Span(-1, -1, "cue", (entry.cue_words.strip(),))
            speakers.append((span, entry.speaker))
            cues.append(cue)
        else:
            marks.append(span)
    return Answer(
        tuple(marks), tuple(speakers), tuple(unplaced), cues=tuple(cues), unplaced_labels=tuple(unplaced_labels)
    )


def _nearest(it: Item, words: str, source: Span) -> Span | None:
    """The occurrence of the cue ``words`` in the part closest to its source (before or after it)."""
    found = hits(it, words)
    distance = lambda h: max(h[0] - source.end, source.start - h[1], 0)  # noqa: E731
    return Span(*min(found, key=distance), "cue") if found else None


def _place(it: Item, words: str, nth: int | None, used: set[tuple[int, int]]) -> tuple[int, int] | None:
    """Offsets of ``words`` in the item's part: the n-th occurrence, or the first one not used yet."""
    found = hits(it, words)
    if not found:
        return None
    if nth is not None:
        return found[nth - 1] if nth <= len(found) else None
    free = [h for h in found if h not in used]
    return (free or found or [None])[0]


def occurrences(it: Item, words: str) -> int:
    """How often ``words`` occur (as whole words) in the item's part: what an occurrence number counts."""
    return len(hits(it, words))


def hits(it: Item, words: str) -> list[tuple[int, int]]:
    """Offsets of every occurrence of ``words`` (as whole words) in the item's part, typed as a keyboard types them
    (``typed_pattern``: a straight quote or a hyphen for the text's curly quote or dash, one space for any)."""
    start, end = it.bounds()
    body = it.load().body
    words = unicodedata.normalize("NFC", words.translate(_INVISIBLE)).strip()
    if not words:
        return []
    pattern = (r"\b" if words[0].isalnum() else "") + typed_pattern(words) + (r"\b" if words[-1].isalnum() else "")
    return [(start + m.start(), start + m.end()) for m in re.finditer(pattern, body[start:end])]


_KEYBOARD_STANDS_FOR = {"'": "'’‘ʼ", '"': '"“”„', "-": "-‐‑–—"}
"""A keyboard's one key for the text's curly apostrophes, its quotation marks, its dashes. Only the key stands for
them all: a curly one or a dash typed (copied from the text) is that character, as before."""
_INVISIBLE = dict.fromkeys(map(ord, "\u00ad\u200b\u200c\u200d\u200e\u200f\u2060\ufeff"))
"""Characters that show nothing (a soft hyphen, zero-width spaces and joiners, direction marks): copied with words
from a web page or PDF, never part of the words a student means."""


def typed_pattern(words: str) -> str:
    """A pattern for ``words`` as typed: each key of ``_KEYBOARD_STANDS_FOR`` stands for its group, and each run
    of spaces for any run of white space (a no-break space, a line break). attack19: ``'Read more: ... on the E4 -
    driver unharmed'`` typed with a hyphen, a required mark of ex04-q1, was 'not in the part' (an en dash)."""
    out = []
    for run in re.findall(r"\s+|\S", words):
        group = _KEYBOARD_STANDS_FOR.get(run)
        out.append(r"\s+" if run.isspace() else f"[{re.escape(group)}]" if group else re.escape(run))
    return "".join(out)


def _widen(it: Item, where: tuple[int, int]) -> tuple[int, int]:
    """For sentence items, the sentence the quoted words are in."""
    if it.kind != "sentences":
        return where
    return next(((s, e) for s, e in it.load().sentences if s <= where[0] < e), where)


def example(it: Item) -> str:
    """The shape of one entry for this kind of item, for error messages."""
    first = it.labels[0] if it.labels else "source"
    return {
        "spans": f"[('words from the text', '{first}'), ...]",
        "speakers": "[('He', 'Full Name', 'added'), ...] (source words, speaker, cue words)",
        "sentences": "[('first words of the sentence', 'no_source'), ...]",
        "words": "['word', 'another word', ...]",
    }.get(it.kind, "[('words from the text', 'label'), ...]")


# ---------------------------------------------------------------- the Highlighter's sidecar


def read_sidecar(path: str | Path, expected: Article | None = None) -> list[Span]:
    """Spans saved by the Highlighter (``medialit.core.sidecar``): both its span and its sentence marks."""
    return read_saved(path, expected)[0]


def _too_many(path: Path) -> str:
    """One line when a highlights file holds more links than an answer may hold entries (``MAX_MARKS``), else "".

    Counted before the file is read: checking each link against the file's schema took 5 s for 8,000 links (grade25;
    ``MAX_MARKS`` capped marks alone, and only after that check), for an answer that earned nothing more.
    """
    import json

    try:
        links = json.loads(path.read_bytes()).get("links")
    except (OSError, ValueError, AttributeError, RecursionError):  # not JSON, not an object: ``sidecar.read`` says so
        return ""
    if not isinstance(links, list) or len(links) <= MAX_MARKS:
        return ""
    return (
        f"{path.name} holds {len(links):,} links, more than {MAX_MARKS}: keep only your own links (delete the file "
        "and mark the text again), or write your answer as a list"
    )


def read_saved(path: str | Path, expected: Article | None = None) -> tuple[list[Span], list[Link]]:
    """Marks and links saved by the Highlighter; links whose marks are gone are left out."""
    from medialit.core import sidecar
    from medialit.core.links import clean_links

    path = Path(path)
    if path.is_symlink():  # the Highlighter writes a plain file; a link reads someone else's (another student's)
        raise AnswerError(
            f"{path.name} is a link to another file, not the highlights you saved: delete it and mark the text again, "
            "or write your answer as a list"
        )
    backups = sorted(path.parent.glob(f"{path.name}.bak-*"))
    if not path.is_file() and backups:  # the Highlighter set an unusable file aside when the notebook ran
        backup = backups[-1]
        plain = backup.is_file() and not backup.is_symlink() and backup.stat().st_size <= MAX_SIDECAR_BYTES
        why = "is damaged"
        if plain and expected is not None:  # read as the highlighter read it: why it was set aside
            why = sidecar.why_set_aside(backup, article=expected.id, body_sha256=expected.sha256)
        raise AnswerError(
            f"{path.name} {why} and was kept as {backup.name}: mark the text again "
            "(marks save by themselves), or write your answer as a list"
        )
    if not path.is_file():
        raise AnswerError(
            f"{NOTHING_SAVED} ({path.name}) and no answer in the cell: mark the text in the "
            "highlighter above (marks save by themselves), or write your answer as a Python list"
        )
    if path.stat().st_size > MAX_SIDECAR_BYTES:
        raise AnswerError(
            f"{path.name} is larger than {MAX_SIDECAR_BYTES:,} bytes and was not read: mark the text again "
            "(after deleting it), or write your answer as a list"
        )
    if too_many := _too_many(path):
        raise AnswerError(too_many)
    try:
        saved = sidecar.read(path, body_sha256=expected.sha256 if expected else None)
    except (sidecar.SidecarError, OSError) as error:
        raise AnswerError(f"{error}: mark the text again in the highlighter, or write your answer as a list") from None
    marks = list(saved.spans) + list(saved.sentences)
    return marks, clean_links(saved.links, marks)
