"""Links scored against expected attributions with the one scoring function, as ``medialit evaluate`` does.

An attribution is found when a link's cue matches the expected cue, and right
when that link also names the expected speaker (any name word of theirs, as
ex01-q2 accepts). Half the points go to the cues found, half to the speakers
right: a student who links the right cue to the wrong person gets the first half.
Both halves are ``scoring.score`` with the cue as the place; nothing new decides
what matches.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from medialit.core.counts import counted
from medialit.core.links import Link
from medialit.core.spans import Attribution, Span
from medialit.exercises.answer import Answer
from medialit.exercises.key import KeyMark
from medialit.exercises.matching import same_speaker
from medialit.exercises.scoring import Score, same_place, score


@dataclass(frozen=True)
class LinkScore:
    """``points`` of ``max_points``: half from ``cues`` (found), half from ``speakers`` (found and named right)."""

    points: float
    max_points: float
    cues: Score
    speakers: Score

    def summary(self) -> str:
        found, right, total = self.cues.counts.tp, self.speakers.counts.tp, self.cues.counts.tp + self.cues.counts.fn
        return f"{found} of {counted(total, 'attribution')} linked at the right cue, {right} with the right speaker"


def expected_marks(expected: Iterable[Link | Attribution | dict[str, Any]], optional: bool = False) -> list[KeyMark]:
    """Key marks at each expected cue, carrying the speaker (a link without a cue cannot be expected);
    ``optional``: links that are right to make and cost nothing left out (K5's nested attributions, K11)."""
    out = []
    for item in expected:
        link = item if isinstance(item, (Link, Attribution)) else Link.from_dict(item)
        if link.cue is None:
            raise ValueError("an expected attribution needs its cue: give cue_start and cue_end")
        out.append(KeyMark(Span(link.cue.start, link.cue.end, "cue"), speaker=link.speaker, optional=optional))
    return out


def as_answer(links: Iterable[Link]) -> Answer:
    """Each linked cue, naming the link's speaker (a link with no cue answers nothing here)."""
    given = tuple((Span(x.cue.start, x.cue.end, "cue"), x.speaker) for x in links if x.cue is not None)
    return Answer(speakers=given, attributions=tuple(links))


def score_links(
    links: Iterable[Link],
    expected: Iterable[Link | Attribution | dict[str, Any]],
    *,
    optional: Iterable[Link | Attribution | dict[str, Any]] = (),
    max_points: float = 1.0,
) -> LinkScore:
    """Half the points for cues found, half for speakers right (see the module docstring); a link at an
    ``optional`` cue is neither found nor extra, whoever it names."""
    key, answer = [*expected_marks(expected), *expected_marks(optional, optional=True)], as_answer(links)
    cues = score(answer, key, max_points=max_points / 2, judge=lambda mark, target: same_place(mark, target))
    speakers = score(answer, key, max_points=max_points / 2, judge=_named)
    return LinkScore(round(cues.points + speakers.points, 2), float(max_points), cues, speakers)


def _named(mark: Any, target: KeyMark) -> bool:
    if target.optional:  # not asked for: the place decides, as for the cue half
        return same_place(mark, target)
    return names_the_speaker(mark, target)


def names_the_speaker(mark: Any, target: KeyMark) -> bool:
    """The link at ``target``'s cue names its speaker: what the speaker half scores for a required link, and what
    the feedback on an optional one still says (it costs nothing either way, but a wrong name is a wrong reading)."""
    return bool(mark.speakers and all(mark.speakers)) and same_speaker(mark, target)
