"""An instructor's answer key for their own article: drafted by the analyzer, reviewed, checked, saved.

A drafted key is the one key model (``medialit.exercises.key.Key``, docs/key-format.md)
over the whole article: attributions are ``source`` marks (speaker, cue, kind,
content), unsupported sentences marks labelled with their reason, framing words
``loaded`` marks. Each mark carries the ``rule`` that suggested it and a review
``status``: ``suggested`` (the analyzer's, not yet looked at), then
``accepted``, ``rejected``, ``edited`` or ``added`` once a person decided. Marks
a person wrote, and every item of a corpus gold file, have no status: they
count as reviewed. Rejected marks stay in the file for the record; exercises
leave them out.
"""

from __future__ import annotations

import re
from dataclasses import replace
from pathlib import Path
from typing import Any

from medialit.core.article import Article
from medialit.core.counts import counted
from medialit.core.spans import KINDS, Span, SpanError, body_sha256
from medialit.exercises.items import REASONS
from medialit.exercises.key import Key, KeyFormatError, KeyMark, save

SUGGESTED = "suggested"
DECISIONS = ("accepted", "rejected", "edited", "added")
NOT_FOR_KEYS = ("exercises", "notebooks", "release", "feedback")
"""Folders that students receive (the kit's exercises and lessons, nbgrader's release and feedback)."""


def draft_key(article: Article, analysis: Any = None) -> Key:
    """The analyzer's findings as a key whose every mark is a suggestion with the rule that produced it."""
    if analysis is None:
        from medialit.nlp.analysis import analyze  # spaCy loads only when a draft is asked for

        analysis = analyze(article)
    data = analysis.to_json()
    for section in ("attributions", "sentences", "framing"):
        for entry in data.get(section, []):
            entry["status"] = SUGGESTED
    key = Key.from_dict(data, where=f"the draft of {article.id}", item=article.id, article=article.id)
    if not key.marks:
        raise SpanError(
            f"{article.id}: the analyzer found nothing to suggest; write the key by hand (docs/key-format.md)"
        )
    return replace(key, item=article.id, article=article.id).completed(article.body)


def unreviewed(key: Key) -> list[str]:
    """Marks still ``suggested``, as ``marks[i] (label 'words')`` strings."""
    return [f"marks[{i}] ({m.label} {m.text[:40]!r})" for i, m in enumerate(key.marks) if m.status == SUGGESTED]


def speaker_guesses(key: Key) -> list[str]:
    """The suggested speakers that are not simply the words marked, one line each for the instructor to check first:
    the analyzer's reason when it resolved one (a pronoun, a name beside a description), else whether it kept only
    part of the words. instr24: 'Florida Highway Patrol described' drafted the speaker 'Patrol', a lone proper noun
    taken for a person's surname, among 19 suggestions with nothing to single it out."""
    lines = []
    for i, m in enumerate(key.marks):
        if m.status != SUGGESTED or m.label != "source" or not m.speaker:
            continue
        words = " ".join(m.text.split())
        bare = words.split(" ", 1)[1] if words.split(" ")[0].lower() in ("the", "a", "an") and " " in words else words
        if m.speaker.casefold() in (words.casefold(), bare.casefold()):
            continue
        resolved = [part.removeprefix("speaker ") for part in m.rule.split("; ") if part.startswith("speaker ")]
        if resolved:
            why = resolved[0]
        elif len(said := m.speaker.split()) == 1 and re.search(rf"[A-Z][\w'’.-]* {re.escape(said[0])}\b", words):
            why = "one word of a longer name: a surname, or part of an organisation's name?"
        elif set(m.speaker.casefold().split()) <= set(words.casefold().split()):
            why = "only part of the words marked"
        elif said[-1].casefold() in words.casefold().split():  # "Roberts", "Captain Rochester": the surname
            why = "the fuller name of an earlier mention"
        else:
            why = "not the words marked"
        lines.append(f"speaker {m.speaker!r} for {words!r} (marks[{i}]): {why}")
    return lines


def active(key: Key) -> tuple[KeyMark, ...]:
    """The marks an exercise uses: every mark but the rejected ones, with the review fields dropped."""
    return tuple(replace(m, status="", rule="") for m in key.marks if m.status != "rejected")


def decide(key: Key, index: int, decision: str, mark: KeyMark | None = None) -> Key:
    """Accept or reject the mark at ``index``, or replace it by an edited ``mark``; returns the new key."""
    if decision not in ("accepted", "rejected", "edited"):
        raise SpanError(f"decision {decision!r}: use accepted, rejected or edited")
    if decision == "edited" and mark is None:
        raise SpanError("an edit needs the edited mark")
    new = replace(mark or key.marks[index], status=decision)
    return replace(key, marks=(*key.marks[:index], new, *key.marks[index + 1 :]))


def add_mark(key: Key, mark: KeyMark) -> Key:
    """Add a mark the analyzer missed (an attribution, an unsupported sentence, a framing word)."""
    return replace(key, marks=(*key.marks, replace(mark, status="added")))


def attribution(
    body: str, speaker: str, source: tuple[int, int], cue: tuple[int, int], kind: str, content: tuple | None = None
) -> KeyMark:
    """An attribution as a ``source`` mark, its text taken from the body so it always matches."""
    if kind not in KINDS:
        raise SpanError(f"kind {kind!r} is not one of {', '.join(KINDS)}")
    if not speaker.strip():
        raise SpanError("type the speaker's name (the field under the text, or on the link)")
    return KeyMark(
        Span(*source, "source"),
        body[source[0] : source[1]],
        speaker=speaker.strip(),
        cue=Span(*cue, "cue"),
        content=Span(*content, "content") if content else None,
        kind=kind,
    )


def silent_source(body: str, speaker: str, source: tuple[int, int]) -> KeyMark:
    """A party the article says was asked and gave no answer (rule 3, K4): a ``source`` mark with no cue."""
    if not speaker.strip():
        raise SpanError("type the name of the party that gave no answer (the speaker field)")
    return KeyMark(Span(*source, "source"), body[source[0] : source[1]], speaker=speaker.strip())


def sentence(article: Article, start: int, end: int, reason: str) -> KeyMark:
    """An unsupported sentence: the article's sentence holding ``[start, end)``, labelled with ``reason``."""
    if reason not in REASONS:
        raise SpanError(f"reason {reason!r} is not one of {', '.join(REASONS)}")
    found = [(s, e) for s, e in article.sentences if s < end and e > start]
    if not found:
        raise SpanError("mark words inside a sentence of the article")
    s, e = found[0]
    return KeyMark(Span(s, e, reason), article.body[s:e])


def framing_word(body: str, start: int, end: int) -> KeyMark:
    return KeyMark(Span(start, end, "loaded"), body[start:end])


def key_problems(key: Key, article: Article) -> list[str]:
    """What makes a key unusable for this article: the schema, then offsets and texts on its body."""
    try:
        checked = Key.from_dict(key.to_dict(), where="the key")  # the schema: labels, statuses, kinds
    except KeyFormatError as error:
        return [str(error).removeprefix("the key: ")]
    problems = checked.problems(article.body)
    if not key.body_sha256:  # without it a key could be used on another version of the text
        problems.append("body_sha256 is missing: draft the key again with `medialit draft-key`, or copy it from one")
    return problems


def checked_key(path: str | Path, article: Article) -> Key:
    """Load a key (a drafted or reviewed key, or a corpus gold file) and refuse it, in one line, if it does not fit."""
    try:
        key = Key.load(path)
    except KeyFormatError as error:
        raise SpanError(str(error)) from None
    problems = key_problems(key, article)
    if key.body_sha256 and key.body_sha256 != body_sha256(article.body):  # the text changed, not the key
        raise SpanError(f"{path}: {other_text(key, article)}")
    if problems:
        more = f" (and {counted(len(problems) - 1, 'more problem')})" if len(problems) > 1 else ""
        raise SpanError(f"{path}: {problems[0]}{more}; fix the key in the review widget or by hand")
    return key


def other_text(key: Key, article: Article) -> str:
    """Why a key made for another version of the article's text, or another article, does not fit; what to do."""
    where = article.path or "the article"
    if key.article and key.article != article.id:  # not a changed text: another article than the key's
        return (
            f"the key is for the article {key.article!r}, not {where} (id {article.id!r}): give the article the key "
            "was drafted on, or draft a key for this one with `medialit draft-key`"
        )
    for before, after in (("\r\n", "\n"), ("\n", "\r\n")):
        if body_sha256(article.body.replace("\r\n", "\n").replace(before, after)) == key.body_sha256:
            return (
                f"the key was made on {where} with other line endings (an editor or git changed CRLF/LF since): "
                "restore the file the key was made on, or draft the key again with `medialit draft-key`"
            )
    return (
        f"the key was made on another version of {where} (the text changed since): restore the file the key "
        "was made on, or draft the key again with `medialit draft-key`"
    )


def key_place_problem(path: str | Path) -> str:
    """Why a key must not be written at ``path`` (one line), or ``""``: a key there would reach students.

    ``draft-key``, ``new-exercise`` and the review's Save all ask here, so they refuse the same places.
    """
    import medialit

    where = Path(path).resolve()
    hint = "(students get it); keep keys in an instructor folder such as course/keys/"
    if where.is_relative_to(Path(medialit.__file__).resolve().parent):
        return f"{path}: keys must not go inside the medialit package {hint}"
    inside = next((part for part in where.parent.parts if part in NOT_FOR_KEYS), None)
    if inside:
        return f"{path}: keys must not go under {inside}/ {hint}"
    if any(p.name == "source" and (p.parent / "nbgrader_config.py").is_file() for p in where.parents):
        return (
            f"{path}: keys must not go under a course's source/ (generate_assignment copies its files to students);"
            " keep keys in an instructor folder such as course/keys/"
        )
    return ""


def save_key(key: Key, article: Article, path: str | Path) -> Path:
    """Write the key, after the same checks ``new-exercise`` makes; refuses a key that fails them."""
    problems = key_problems(key, article)
    if problems:
        raise SpanError(f"the key cannot be saved: {problems[0]}")
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    return save(key, path)


__all__ = [
    "DECISIONS",
    "SUGGESTED",
    "active",
    "add_mark",
    "attribution",
    "checked_key",
    "decide",
    "draft_key",
    "framing_word",
    "key_place_problem",
    "key_problems",
    "save_key",
    "sentence",
    "silent_source",
    "unreviewed",
]
