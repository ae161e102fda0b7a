"""A main claim whose source is hidden (K3) makes even an attributed sentence unsupported.

"UpGuard reportedly emailed AWS, to which AWS acknowledged ...": the cue credits only the reply, while the main
claim rests on "reportedly", a report by nobody named. Checked after the attribution label, because it overrides it.
"""

from __future__ import annotations

from collections.abc import Sequence

from spacy.tokens import Doc

from medialit.core.spans import Span
from medialit.nlp.attribution import Found
from medialit.nlp.claims import hides_source
from medialit.nlp.claims.clauses import main_verb
from medialit.nlp.sentence_labels.main_claim import main_predicates
from medialit.nlp.sentence_labels.source_kinds import unchecked_source


def hidden_source_on_main_claim(
    doc: Doc, start: int, end: int, framing: Sequence[Span], found: Found | None = None
) -> str:
    """A hidden-source hedge ("reportedly", "allegedly") or agentless passive ("is reported to have") on the
    sentence's main verb (K3).

    "UpGuard reportedly emailed Amazon, to which Amazon acknowledged ...": the cue in the side clause credits
    only the reply; the main claim, that the email was sent, has its source left out. "The attacker is
    reported to have jumped on stage and claimed he was wronged": the claim he made is itself reported by
    nobody named. A named cue that is itself a main clause coordinated with the hidden one ("It was first
    reported the fire started in a car, but NRK later reported it started in a van") credits a main claim.
    """
    from medialit.nlp.framing import in_quote

    span = doc.char_span(start, end, alignment_mode="expand")
    root = span.root if span is not None else None
    if root is not None and root.dep_ == "ROOT" and hides_source(root) and not _named_main_cue(span, root, found):
        return f"the source hidden (K3): '{root.text}' by whom?"

    for cue in framing:
        if not (start <= cue.start < end) or cue.label != "hedge" or in_quote(cue):
            continue
        if not cue.reasons or not cue.reasons[0].endswith("source is not given"):
            continue
        span = doc.char_span(cue.start, cue.end, alignment_mode="expand")
        if span is not None and len(span) == 1 and span.root.dep_ == "advmod" and main_verb(span.root.head):
            return cue.reasons[0]
    return ""


def _named_main_cue(span, root, found: Found | None) -> bool:
    """A cue of a checkable source on a main clause of its own coordinated with ``root`` ("..., but NRK later
    reported"; not "is reported to have jumped and claimed", whose subject is the hidden report's)."""
    coordinated = {t.i for t in main_predicates(span) if t.i != root.i and any(c.dep_ == "nsubj" for c in t.children)}
    for attribution in found.attributions if found is not None else ():
        cue = span.doc.char_span(attribution.cue.start, attribution.cue.end, alignment_mode="expand")
        if cue is not None and not unchecked_source(attribution) and any(t.i in coordinated for t in cue):
            return True
    return False
