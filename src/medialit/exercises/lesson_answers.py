"""How a lesson's written answer is judged: blank, right, a spelling slip, a sentence round a choice.

A self-check question (``lesson_questions.Question``) accepts alias groups: one
for a single answer (kinds ``choice`` and ``name``), several for a list
(``names``). An answer that names a rejected alternative (the other person, a
subject of the claim) is wrong even beside the right one, so a hedge does not
pass. A slip of form (a sentence round a choice, one letter off a name) is told
apart from a wrong answer, so a student who chose right is not sent back to the
reasoning. Plain functions: nothing printed, no attempt counted (``lessons``
does that), so ``medialit progress`` judges saved answers exactly as ``check``
did.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from medialit.exercises.folding import normalise
from medialit.exercises.lesson_questions import Question


def blank(answer: Any) -> bool:
    """Whether ``answer`` is still the empty answer a lesson's check cell starts with."""
    if answer is None:
        return True
    if isinstance(answer, str):
        return not answer.strip()
    if isinstance(answer, list | tuple | set):
        return not any(not blank(a) for a in answer)
    return False


def judged(question: Question, answer: Any) -> bool:
    """Whether ``answer`` is right, as ``check`` judges it (no attempt counted, nothing printed): for progress."""
    return not blank(answer) and verdict(question, answer) is True


def verdict(question: Question, answer: Any) -> bool | str:
    """True for a right answer; else False, or for a list how much of it was found (``"1 of 2 found."``)."""
    if question.kind == "choice":
        options = {normalise(a) for a in question.accept[0]}
        return bool(_choice_forms(answer) & options)
    if question.kind == "name":
        return names(answer, question.accept[0]) and not names(answer, question.reject)

    def right(item: Any, group: tuple[str, ...]) -> bool:
        return names(item, group) and not names(item, question.reject)

    items = _items(answer, lambda piece: any(names(piece, g) for g in (*question.accept, question.reject)))

    found = [g for g in question.accept if any(right(item, g) for item in items)]
    extra = [item for item in items if not any(right(item, g) for g in question.accept)]
    if len(found) == len(question.accept) and not extra:
        return True
    return (
        f"{len(found)} of {len(question.accept)} found" + (f", {len(extra)} not in the answer" if extra else "") + "."
    )


def names(answer: Any, group: tuple[str, ...]) -> bool:
    """``answer`` names one of the aliases in ``group``, as whole words, case and diacritics folded."""
    said = f" {normalise(answer)} "
    return any(f" {normalise(alias)} " in said for alias in group)


def misspelt(question: Question, answer: Any) -> bool:
    """A one-word-choice or name answer one letter off an accepted answer of five letters or more.

    Told as a spelling slip rather than a wrong answer with its hint, which would send a student who chose
    right back to the reasoning. 'indirect' is not a slip of 'direct' (two letters), so a real wrong choice stays wrong.
    """
    if question.kind not in ("choice", "name") or not isinstance(answer, str) or names(answer, question.reject):
        return False
    said = normalise(answer).split()
    for alias in (normalise(a) for a in question.accept[0]):
        size = len(alias.split())
        windows = {" ".join(said[i : i + size]) for i in range(len(said) - size + 1)}
        if len(alias) >= 5 and any(_one_letter_off(w, alias) for w in windows):
            return True
    return False


def wordy_choice(question: Question, answer: Any) -> bool:
    """A choice answered with more words than any accepted form has ("It is mixed", "yes, it does").

    Choices are judged on the option alone, so that a hedge ("mixed or direct") never passes; a sentence around
    a choice is then not a wrong answer but a wrong form, told without a hint, right option or not.
    """
    if question.kind != "choice" or not isinstance(answer, str):
        return False
    longest = max(len(normalise(form).split()) for form in question.accept[0])
    return len(normalise(answer).split()) > longest


_YES_NO = ({"yes", "y", "true"}, {"no", "n", "false"})
"""The forms of one two-way answer: a student may type ``True`` or ``'true'`` where *yes* is asked, or the reverse."""


def _choice_forms(answer: Any) -> set[str]:
    """``answer`` as compared with a choice's options: itself, and every other form of a yes or a no."""
    said = normalise({True: "yes", False: "no"}.get(answer, answer) if isinstance(answer, bool) else answer)
    return next((forms for forms in _YES_NO if said in forms), {said})


def _items(answer: Any, known: Callable[[str], bool]) -> list[Any]:
    """A list answer's items; one typed as a string ("a, b", "a; b", "a / b", or one line each) is split at them.

    A comma may also sit inside one item ("Trace claims, quotes and media ..."): a piece after a comma of four
    words or more that ``known`` finds naming nothing the question knows is the rest of the piece before it, not an
    extra.
    """
    items = list(answer) if isinstance(answer, list | tuple | set | dict) else [answer]  # True, 5: one item
    out: list[Any] = []
    for item in items:
        if not isinstance(item, str):
            out.append(item)
            continue
        for chunk in re.split(r"[;\n/]", item):
            pieces: list[str] = []
            for piece in chunk.split(","):
                if pieces and len(piece.split()) >= 4 and not known(piece):
                    pieces[-1] += "," + piece
                else:
                    pieces.append(piece)
            out += pieces
    return [part for part in out if not blank(part)]


def _one_letter_off(a: str, b: str) -> bool:
    """``a`` and ``b`` differ by one letter: one missing, extra or changed, or two neighbours swapped."""
    if a == b or abs(len(a) - len(b)) > 1:
        return False
    if len(a) != len(b):
        short, long = sorted((a, b), key=len)
        return any(long[:i] + long[i + 1 :] == short for i in range(len(long)))
    diff = [i for i, (x, y) in enumerate(zip(a, b, strict=True)) if x != y]
    swapped = len(diff) == 2 and diff[1] == diff[0] + 1 and a[diff[0]] == b[diff[1]] and a[diff[1]] == b[diff[0]]
    return len(diff) == 1 or swapped
