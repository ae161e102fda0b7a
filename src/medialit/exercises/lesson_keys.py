"""A lesson activity's key, carried onto the article the lesson passes and shown as a reader finds it.

A highlighting or linking activity names a key (``questions/keys/<id>.json``,
read by ``lesson_questions``) over the article it was made for. A lesson may
check the activity on that article, on an excerpt of it, or on a copy with its
graded parts left out (``ungraded_text.without_graded``): each mark is then
found by its words, with as little context as makes them unique in both texts.
``key_lines`` gives the key as ``reveal`` prints it: a mark's words, with the
words around one that recurs.
"""

from __future__ import annotations

import re
from dataclasses import replace
from functools import cache
from pathlib import Path
from typing import Any

from medialit.core.spans import Span, body_sha256
from medialit.exercises.key import Key, KeyMark
from medialit.exercises.lesson_questions import LessonQuestionsError, lesson_of, load_key, load_lesson, questions_folder


def activity_key(question_id: str) -> Key:
    """The activity's key; KeyError for an unknown id, ValueError for a written question (it has no key)."""
    number = lesson_of(question_id)
    question = None if number is None else load_lesson(number).get(str(question_id))
    if question is None:
        raise KeyError(question_id)
    if not question.key:
        raise ValueError(f"{question_id} is a written question: it has no key")
    return load_key(question)


def key_spans(question_id: str, article: Any) -> list[Span]:
    """The activity's key as spans over ``article.body``.

    The key (``questions/keys/<id>.json``) is over the article it was made
    for; an activity on an excerpt of it, or on a copy with graded parts left
    out, gets each mark carried over by its words in context.
    """
    key = activity_key(question_id)
    return [_place(question_id, mark.span, key, article) for mark in key.marks]


def key_marks(question_id: str, article: Any) -> list[KeyMark]:
    """The activity's key marks (optional ones and accepted labels kept) carried onto ``article.body``.

    A mark's rationale rides on its span as the reason, so that feedback on a right mark gives it (K11).
    """
    key = activity_key(question_id)
    return [
        replace(
            mark,
            span=replace(
                _place(question_id, mark.span, key, article), reasons=(mark.rationale,) if mark.rationale else ()
            ),
            accept=tuple(_place(question_id, a, key, article) for a in mark.accept),
        )
        for mark in key.marks
    ]


def expected_links(question_id: str, article: Any, optional: bool = False) -> list[Any]:
    """The linking activity's attributions as Links over ``article.body`` (source and cue, with the speaker);
    ``optional=True``: the ones its key lists as optional instead (K5's nested attributions, K11)."""
    from medialit.core.links import make_link

    key = activity_key(question_id)
    return [
        make_link(
            [_place(question_id, m.span, key, article), _place(question_id, m.cue, key, article)], speaker=m.speaker
        )
        for m in key.marks
        if m.cue is not None and m.optional == optional
    ]


def link_marks(question_id: str, article: Any, optional: bool = False) -> list[KeyMark]:
    """``expected_links`` as the key's own marks (source and cue placed on ``article.body``), so that the speaker's
    ``aliases`` reach the scoring: a group's other names count as the key's do in ex01-q2."""
    key = activity_key(question_id)
    return [
        replace(m, span=_place(question_id, m.span, key, article), cue=_place(question_id, m.cue, key, article))
        for m in key.marks
        if m.cue is not None and m.optional == optional
    ]


def key_lines(question_id: str) -> list[str]:
    """The activity's key as a reader finds it, a line a mark: a mark's words in quotation marks, and for
    words that recur the context outside them (``‘Dahl’ (in ‘says Dahl’)``); a link's source and cue
    each in [ ] within its context."""
    key = activity_key(question_id)
    body = original(key).body
    if any(mark.cue for mark in key.marks):
        return [
            f"{_shown(m.span, body, m.cue)} -> {_shown(m.cue, body, m.span)}: {m.speaker}"
            + (" (optional: linking it costs nothing)" if m.optional else "")
            for m in key.marks
            if m.cue
        ]
    return [
        f"{'/'.join(dict.fromkeys(r.label for r in m.readings()))}: {_quoted(m.span, body)}"
        + (" (optional: marking it costs nothing)" if m.optional else "")
        for m in key.marks
    ]


def original(key: Key) -> Any:
    """The article a lesson key was made for: a bundled article, or one in the lessons' ``articles/``."""
    return _article(key.article, key.body_sha256, str(questions_folder().resolve()))


@cache
def _article(article_id: str, sha: str, folder: str) -> Any:
    from medialit.core.article import bundled_ids, load_article

    source = article_id if article_id in bundled_ids() else Path(folder).parent / "articles" / f"{article_id}.md"
    try:
        article = load_article(source)
    except ValueError as error:  # ArticleError: missing or unreadable
        raise LessonQuestionsError(f"{error} (a lesson key is over it; keep articles/ beside questions/)") from None
    if body_sha256(article.body) != sha:
        raise LessonQuestionsError(
            f"the lesson keys of {article_id!r} were made for another version of its text; "
            "update their offsets and body_sha256 (questions/keys/)"
        )
    return article


def _place(question_id: str, span: Span, key: Key, article: Any) -> Span:
    """``span`` of the key's article, on ``article``: as it is on the same text, else found by its words."""
    if key.body_sha256 == body_sha256(article.body):
        return span
    source = original(key).body
    found = _carry(span, source, article.body)
    if found is None:
        raise ValueError(
            f"{question_id}: {span.text(source)!r} is not in article {article.id!r}; use the lesson's article"
        )
    return found


def _carry(span: Span, source: str, target: str) -> Span | None:
    """Where ``span`` of ``source`` is in ``target``: its words, with as little context as makes them unique in both."""
    for before, after in [(0, 0), *((b, a) for w in (16, 32, 64, 128) for b, a in ((w, 0), (0, w), (w, w)))]:
        start, end = max(0, span.start - before), min(len(source), span.end + after)
        anchor = source[start:end]
        if _once(source, anchor) is None:
            continue
        where = _once(target, anchor)
        if where is not None:
            moved = where + span.start - start
            return Span(moved, moved + span.end - span.start, span.label)
    return None


def _once(text: str, part: str) -> int | None:
    """Where ``part`` occurs in ``text`` if it occurs exactly once."""
    where = text.find(part)
    return where if where >= 0 and text.find(part, where + 1) < 0 else None


def _quoted(span: Span, body: str) -> str:
    """A mark's words in quotation marks, with the words around a recurring one outside them."""
    text = " ".join(span.text(body).split())
    if len(text) > 60:
        return f"‘{_cut(text)}’"
    start, end = _context(span, body, span)
    if (start, end) == (span.start, span.end):
        return f"‘{text}’"
    return f"‘{text}’ (in ‘{' '.join(body[start:end].split())}’)"


def _cut(text: str) -> str:
    """A long key mark cut at a whole word, not at ``quoting.clipped``'s fixed width: a revealed key line gives
    words a learner then looks for in the article, and a word cut in half is not found there."""
    return text[:50].rsplit(" ", 1)[0] + "…"


def _shown(span: Span, body: str, within: Span | None = None) -> str:
    """A mark's words as a reader finds them: a long one cut short with '…', a recurring one in [ ] after
    the words before it on its line (``within``: a stretch to show around it, such as its link's cue)."""
    text = " ".join(span.text(body).split())
    if len(text) > 60:
        return _cut(text)
    start, end = _context(span, body, within or span)
    if (start, end) == (span.start, span.end):
        return text
    return " ".join(f"{body[start : span.start]}[{span.text(body)}]{body[span.end : end]}".split())


def _context(span: Span, body: str, within: Span) -> tuple[int, int]:
    """The shortest stretch around ``span`` and ``within``, widened a word at a time, that occurs once in ``body``."""
    start, end = min(span.start, within.start), max(span.end, within.end)
    while _once(body, body[start:end]) is None:
        after = re.match(r"[^\S\n]*\S*", body[end:]).end()
        before = re.search(r"\S*[^\S\n]*\Z", body[:start]).start()  # \Z: never past the line's start
        if before < start:
            start = before
        elif after:
            end += after
        else:
            break
    return start, end
