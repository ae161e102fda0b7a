"""Links scored against expected attributions with the one scoring function, as ``medialit evaluate`` does.

An attribution is found when a link's cue matches the expected cue, and right
when that link also names the expected speaker (any name word of theirs, as
ex01-q2 accepts). Half the points go to the cues found, half to the speakers
right: a student who links the right cue to the wrong person gets the first half.
Both halves are ``scoring.score`` with the cue as the place; nothing new decides
what matches. An optional link (K5's nested attributions, K11) may be left out at no
cost; made, it is judged as a required one is: naming someone else costs in the speaker
half, as the graded ex01-q2 charges its optional nested source with the wrong speaker (K5
gives the nested speaker by rule; an optional mark with a wrong label costs in every graded
item, ex01-q3's *Someone* marked vague).
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


Expected = Link | Attribution | KeyMark | dict[str, Any]
"""An expected attribution: a Link, a gold Attribution or its dict, or a key's own mark with its cue (which also
carries the speaker's ``aliases``, the other names a key accepts for a group or an organisation)."""


def expected_marks(expected: Iterable[Expected], optional: bool = False) -> list[KeyMark]:
    """Key marks at each expected cue, carrying the speaker (a link without a cue cannot be expected);
    ``optional``: links that are right to make and cost nothing left out (K5's nested attributions, K11)."""
    out = []
    for item in expected:
        if isinstance(item, KeyMark):
            cue, speaker, aliases = item.cue, item.speaker, item.aliases
        else:
            link = item if isinstance(item, (Link, Attribution)) else Link.from_dict(item)
            cue, speaker, aliases = link.cue, link.speaker, ()
        if cue is None:
            raise ValueError("an expected attribution needs its cue: give cue_start and cue_end")
        out.append(KeyMark(Span(cue.start, cue.end, "cue"), speaker=speaker, aliases=aliases, optional=optional))
    return out


def as_answer(links: Iterable[Link]) -> Answer:
    """Each linked cue, naming the link's speaker (a link with no cue answers nothing here)."""
    given = tuple((Span(x.cue.start, x.cue.end, "cue"), x.speaker) for x in links if x.cue is not None)
    return Answer(speakers=given, attributions=tuple(links))


def score_links(
    links: Iterable[Link],
    expected: Iterable[Expected],
    *,
    optional: Iterable[Expected] = (),
    max_points: float = 1.0,
) -> LinkScore:
    """Half the points for cues found, half for speakers right (see the module docstring); a link at an
    ``optional`` cue is never missed, and is extra in the speaker half only when it names someone else."""
    key, answer = [*expected_marks(expected), *expected_marks(optional, optional=True)], as_answer(links)
    cues = score(answer, key, max_points=max_points / 2, judge=lambda mark, target: same_place(mark, target))
    speakers = score(answer, key, max_points=max_points / 2, judge=names_the_speaker)
    return LinkScore(round(cues.points + speakers.points, 2), float(max_points), cues, speakers)


def names_the_speaker(mark: Any, target: KeyMark) -> bool:
    """The link at ``target``'s cue names its speaker (or one of its ``aliases``), required or optional: the
    speaker half's judge, and what the feedback line on a link says."""
    return bool(mark.speakers and all(mark.speakers)) and same_speaker(mark, target)
