"""Self-checks for the lessons: a hint always comes before the answer.

Students type an answer into ``check(question_id, answer)``. A right answer
gets a short explanation; a wrong one gets the question's hint. ``reveal``
shows the answer only after an attempt, so a student working alone is nudged to
think before reading. Highlighting activities are checked with
``check_highlights`` against spans found from phrases in the lesson's article;
given the Highlighter itself, the check also marks ✓ and ? in the widget.
``compare_with_machine`` keeps the analyzer's findings back until the student
has checked their own marks once: teach before telling.

Everything here is lesson practice on text that the graded exercises do not
grade (the practice article and ungraded parts of the example article); no
exercise key is stored in the package.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from typing import Any

from medialit.core.spans import Span
from medialit.exercises.feedback import explain_all, not_graded
from medialit.exercises.scoring import score


@dataclass(frozen=True)
class Question:
    """One self-check. ``accept`` holds alias groups: one group for a single answer, several for a list."""

    id: str
    kind: str  # "choice", "name", "names", "spans" or "links"
    prompt: str
    hint: str
    answer: str
    accept: tuple[tuple[str, ...], ...] = ()
    key: tuple[tuple[str, str], ...] = ()  # "spans": (label, phrase); "[...]" marks a part, a final "…" the sentence
    links: tuple[tuple[str, str, str], ...] = ()  # "links": (source phrase, cue phrase, speaker), phrases as in key


_attempts: dict[str, int] = {}
_hinted: set[str] = set()
_checked: dict[str, tuple[Any, Any]] = {}  # spans activity -> (the Highlighter checked, its article)


# ---------------------------------------------------------------- public API


def check(question_id: str, answer: Any) -> None:
    """Say whether ``answer`` is right; when it is not, give the hint (never the answer)."""
    question = _get(question_id)
    if question is None:
        return
    if question.kind == "spans":
        print(f"{question_id} is a highlighting activity: run check_highlights({question_id!r}, highlighter, article)")
        return
    if _blank(answer):
        print("No answer yet: write your answer between the quotes (or in the list), then run the cell again.")
        return
    verdict = _judge(question, answer)
    _attempts[question_id] = _attempts.get(question_id, 0) + 1
    if verdict is True:
        print(f"Correct. {question.answer}")
        return
    print(f"Not yet. {verdict}" if isinstance(verdict, str) else "Not yet.")
    _give_hint(question)


def hint(question_id: str) -> None:
    """Print the hint for a question."""
    question = _get(question_id)
    if question is not None:
        _give_hint(question)


def reveal(question_id: str) -> None:
    """Print the answer, but only after an attempt (a wrong one has shown the hint already).

    For a highlighting activity checked with its Highlighter, the key items not
    found are then marked ✗ in the widget too.
    """
    question = _get(question_id)
    if question is None:
        return
    if not _attempts.get(question_id):
        how = (
            f"mark the text, then run check_highlights({question_id!r}, ...)"
            if question.kind == "spans"
            else f"write your answer in check({question_id!r}, ...) and run it"
        )
        print(f"Try first, answer after: {how}; reveal shows the answer once you have tried.")
        return
    print(f"Answer: {question.answer}")
    if question.kind == "links":
        for source, cue, speaker in question.links:
            print(f"  {source} -> {cue}: {speaker}")
        widget, article = _checked.get(question_id, (None, None))
        if widget is not None:
            widget.show_link_feedback(expected_links(question_id, article), show_missed=True)
        return
    if question.kind == "spans" and question.key:
        for label, phrase in question.key:
            print(f"  {label}: {phrase}")
        widget, article = _checked.get(question_id, (None, None))
        if widget is not None:
            widget.show_feedback(key_spans(question_id, article), show_missed=True)


def check_highlights(question_id: str, marked: Any, article: Any) -> None:
    """Compare highlights (a Highlighter, a list of Spans or span dicts) with the activity's key.

    Prints what was found and extra, each with a specific reason, and the hint.
    Marks with a label the activity does not check are named, not counted.
    Given the Highlighter, its marks get ✓ and ? in the widget as well. The key
    items still to find appear only through ``reveal``.
    """
    question = _get(question_id)
    if question is None:
        return
    if question.kind == "links":
        _check_links(question, marked, article)
        return
    if question.kind != "spans":
        print(f"{question_id} is a written question: answer it with check({question_id!r}, 'your answer')")
        return
    everything = _as_spans(marked)
    if not everything:
        print("Nothing highlighted yet: select words in the highlighter above, pick a label, then run this cell again.")
        return
    key = key_spans(question_id, article)
    graded = sorted({k.label for k in key}, key=[k.label for k in key].index)
    spans = [s for s in everything if s.label in graded]
    _attempts[question_id] = _attempts.get(question_id, 0) + 1
    if hasattr(marked, "show_feedback"):
        _checked[question_id] = (marked, article)
        marked.show_feedback(key, show_missed=False)
    result = score(spans, key, max_points=1, body=article.body)
    counts = result.counts
    print(f"You marked {len(spans)}: {counts.tp} of {len(key)} key items found, {counts.fp} extra.")
    for note in not_graded(everything, graded):
        print("  " + note)
    if counts.fn == 0 and counts.fp == 0:
        print(f"All found. {question.answer}")
        return
    for match, line in zip(result.matches, explain_all(result, article.body, key), strict=True):
        if match.status != "missed":
            print("  " + line)
    if counts.fn:
        print(f"  {counts.fn} still to find.")
    _give_hint(question)


def compare_with_machine(question_id: str) -> bool:
    """True once the activity has been checked with marks; until then say so, kindly, and return False.

    Lessons put the analyzer's findings under ``if compare_with_machine(...):``
    so that Run All never shows the machine's answer before the student's own.
    """
    question = _get(question_id)
    if question is None:
        return False
    if _attempts.get(question_id):
        return True
    print(
        "The analyzer's findings come after your own: mark the text above, run the check cell "
        f"(check_highlights({question_id!r}, ...)), then run this cell again."
    )
    return False


def key_spans(question_id: str, article: Any) -> list[Span]:
    """The activity's key as spans over ``article.body``; a phrase ending in '…' stands for its whole sentence."""
    question = _get(question_id, quiet=True)
    if question is None:
        raise KeyError(question_id)
    return [_locate(question_id, label, phrase, article) for label, phrase in question.key]


def expected_links(question_id: str, article: Any) -> list[Any]:
    """The linking activity's attributions as Links over ``article.body`` (source and cue, with the speaker)."""
    from medialit.core.links import make_link

    question = _get(question_id, quiet=True)
    if question is None:
        raise KeyError(question_id)
    return [
        make_link([_locate(question_id, "source", s, article), _locate(question_id, "cue", c, article)], speaker=who)
        for s, c, who in question.links
    ]


def _check_links(question: Question, widget: Any, article: Any) -> None:
    """Linking activity: cues found and speakers right, shown in the widget (½ for a cue with the wrong speaker)."""
    links = getattr(widget, "attributions", None)
    if links is None:
        print(f"Give the highlighter itself: check_highlights({question.id!r}, highlighter, article)")
        return
    if not links:
        print("No links yet: put the cursor on a source, press L, move to its cue, press Enter, then L again.")
        return
    _attempts[question.id] = _attempts.get(question.id, 0) + 1
    _checked[question.id] = (widget, article)
    widget.show_link_feedback(expected_links(question.id, article), show_missed=False)
    result = widget.last_score
    print(result.summary() + f" ({len(links)} links).")
    for item in widget.feedback.get("items", []):
        print(f"  {item['status']}: {item['line']}")
    if result.speakers.counts.fn == 0 and result.cues.counts.fp == 0:
        print(f"All linked. {question.answer}")
        return
    _give_hint(question)


def _locate(question_id: str, label: str, phrase: str, article: Any) -> Span:
    """Find a key phrase; ``[...]`` marks the part to highlight inside a longer context."""
    context = phrase.rstrip("…").replace("[", "").replace("]", "")
    where = article.body.find(context)
    if where < 0:
        raise ValueError(f"{question_id}: {context!r} is not in article {article.id!r}; use the lesson's article")
    if phrase.endswith("…"):
        start, end = next((s, e) for s, e in article.sentences if s <= where < e)
        return Span(start, end, label)
    inner = re.search(r"\[(.*?)\]", phrase)
    start = where + (phrase.index("[") if inner else 0)
    return Span(start, start + len(inner.group(1) if inner else context), label)


def graded_parts(article: Any) -> list[tuple[int, int]]:
    """Character ranges of ``article`` that the graded exercises cover, so lessons can leave them out."""
    try:
        from medialit.exercises.grading import ITEMS
    except ImportError:
        return []
    merged: list[tuple[int, int]] = []
    for start, end in sorted({item.bounds() for item in ITEMS.values() if item.article == article.id}):
        if merged and not article.body[merged[-1][1] : start].strip():
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))  # touching parts show as one
        else:
            merged.append((start, end))
    return merged


def ungraded(items: Any, article: Any) -> list:
    """``items`` (spans or attributions) that touch no graded part of ``article``: lesson figures show only these."""
    parts = graded_parts(article)

    def touches(item: Any) -> bool:
        pieces = item.spans() if hasattr(item, "spans") else [item]
        return any(p.start < end and p.end > start for p in pieces for start, end in parts)

    return [item for item in items if not touches(item)]


LEFT_OUT = "[… left out here: this part is graded in an exercise …]"


def without_graded(article: Any) -> Any:
    """A copy of ``article`` whose graded parts are replaced by a one-line notice, for free highlighting.

    Offsets in the copy differ from the original after the first part; lesson
    activities on it have no key, so nothing is compared across the two.
    """
    from medialit.core.article import Article

    body = article.body
    for start, end in reversed(graded_parts(article)):
        body = body[:start] + LEFT_OUT + body[end:]
    if body == article.body:
        return article
    return Article(body=body, title=article.title, meta={**article.meta, "id": f"{article.id}-ungraded"})


def questions(lesson: int | None = None) -> list[Question]:
    """All questions, or those of one lesson (ids start with ``l<lesson>.``)."""
    return [q for q in QUESTIONS.values() if lesson is None or q.id.startswith(f"l{lesson}.")]


def reset() -> None:
    """Forget attempts and hints seen (a fresh start for a lesson)."""
    _attempts.clear()
    _hinted.clear()
    _checked.clear()


# ---------------------------------------------------------------- helpers


def _get(question_id: str, quiet: bool = False) -> Question | None:
    question = QUESTIONS.get(str(question_id))
    if question is None and not quiet:
        lesson = str(question_id).split(".")[0]
        near = [q for q in QUESTIONS if q.startswith(lesson + ".")]
        print(f"No question {question_id!r}; this lesson's questions are: {', '.join(near) or 'none'}")
    return question


def _give_hint(question: Question, footer: bool = True) -> None:
    _hinted.add(question.id)
    print(f"Hint: {question.hint}")
    if footer:
        print(f"Try again, or run reveal({question.id!r}) to see the answer.")


def _blank(answer: Any) -> bool:
    if answer is None:
        return True
    if isinstance(answer, str):
        return not answer.strip()
    if isinstance(answer, list | tuple | set):
        return not any(not _blank(a) for a in answer)
    return False


_FOLD = str.maketrans({"ø": "o", "æ": "ae", "å": "a", "’": "'", "‘": "'"})


def normalise(text: Any) -> str:
    """Lower case, Norwegian letters folded, accents and punctuation dropped, spaces collapsed."""
    text = unicodedata.normalize("NFKD", str(text).lower().translate(_FOLD))
    text = "".join(ch for ch in text if not unicodedata.combining(ch))
    return " ".join(re.sub(r"[^\w\s]", " ", text).split())


def _names(answer: Any, group: tuple[str, ...]) -> bool:
    said = f" {normalise(answer)} "
    return any(f" {normalise(alias)} " in said for alias in group)


def _judge(question: Question, answer: Any) -> bool | str:
    if question.kind == "choice":
        options = {normalise(a) for a in question.accept[0]}
        return normalise(answer) in options
    if question.kind == "name":
        return _names(answer, question.accept[0])
    items = [answer] if isinstance(answer, str) else list(answer)
    found = [g for g in question.accept if any(_names(item, g) for item in items)]
    extra = [item for item in items if not any(_names(item, g) for g in question.accept)]
    if len(found) == len(question.accept) and not extra:
        return True
    return (
        f"{len(found)} of {len(question.accept)} found" + (f", {len(extra)} not in the answer" if extra else "") + "."
    )


def _as_spans(marked: Any) -> list[Span]:
    if getattr(marked, "mode", None) == "sentences" and hasattr(marked, "sentence_labels"):
        marked = marked.sentence_labels
    elif hasattr(marked, "spans") and not isinstance(marked, list | tuple):
        marked = marked.spans
    out = []
    for item in marked or []:
        if isinstance(item, Span):
            out.append(item)
        elif isinstance(item, dict):
            out.append(Span.from_dict(item))
    return out


# ---------------------------------------------------------------- the questions

PRACTICE = "articles/ferry-terminal-vote.md"
"""The practice article (fictional, written for the course); lessons 2 to 4 and 6 practise on it."""


def _q(*args: Any, **kwargs: Any) -> Question:
    return Question(*args, **kwargs)


QUESTIONS: dict[str, Question] = {
    q.id: q
    for q in [
        # Lesson 0: the kit
        _q(
            "l0.run",
            "choice",
            "Which keys run the current cell and move on to the next one?",
            "Two keys, held together: one of them you also use for capital letters.",
            "Shift+Enter. Ctrl+Enter runs the cell and stays on it.",
            accept=(("shift enter", "shift+enter", "shift return", "shift + enter"),),
        ),
        _q(
            "l0.saved",
            "choice",
            "Where does the highlighter keep your marks: in the notebook file, or in a separate .json file "
            "next to it? Answer notebook or json.",
            "Look at the save_to= part of the cell that made the highlighter.",
            "In a separate file next to the notebook (here lesson00.highlights.json), saved as you mark. "
            "Your marks survive a kernel restart, and you can hand the file in or open it again.",
            accept=(("json", "json file", "a json file", "separate file", "file"),),
        ),
        # Lesson 1: meeting the example article (ungraded first impressions)
        _q(
            "l1.stop-page",
            "choice",
            "What is this page most likely: original (the reporting paper's own page), copy (someone else's "
            "republished copy of a report) or advert?",
            "Three clues: the page names no outlet; the author line fits no reporter; and the text names a "
            "newspaper that did the reporting. Would a paper's own page leave out its own name?",
            "A copy: an English, machine-translated republication of a Norwegian newspaper's report, on a page "
            "that names no outlet, with a generated author bio pasted under it. Check the quotes and the date "
            "against the original, not against this page.",
            accept=(("copy", "a copy", "republished", "republished copy", "a republished copy"),),
        ),
        _q(
            "l1.stop-who",
            "name",
            "Which newspaper did the reporting of the example article? Give its name.",
            "Look at the one place where the text names a newspaper: the paper says what it did, in the third "
            "person, as Norwegian papers do.",
            "Aftenposten, an Oslo daily: it names itself when it says whom it contacted. The reporting paper is "
            "the article's own voice, not one of its sources (guidelines K4), and the page you read is not its page.",
            accept=(("aftenposten",),),
        ),
        _q(
            "l1.words",
            "choice",
            "Roughly how long is the example article: about 100, 600 or 2000 words?",
            "Run the cell that prints article.words(), or count the lines of the body and guess about 15 words a line.",
            "About 600 words (article.words() gives 564): a short news report.",
            accept=(("600", "about 600", "600 words"),),
        ),
        _q(
            "l1.headline",
            "choice",
            "Does the headline promise something the body does not deliver? Answer yes or no.",
            "Compare the headline with the first line of the body: who, what, how long, when.",
            "No: the headline (‘Støre and Putin spoke on the phone for an hour’) restates the first line. "
            "The interesting questions are what it leaves out: what was said, and by whom.",
            accept=(("no", "n"),),
        ),
        _q(
            "l1.end",
            "choice",
            "The article's last line is a list of traits in quotation marks. Is it part of the news report? yes or no",
            "Who could ‘Hardcore zombieaholic’ describe? Does it say anything about Norway or Russia?",
            "No. It is an author bio pasted under the article by the site that republished it; lesson 5 "
            "looks at where such lines come from.",
            accept=(("no", "n"),),
        ),
        # Lesson 2: who is speaking (practice article)
        _q(
            "l2.dash",
            "name",
            "Practice article: who speaks the line that begins with a dash, ‘– For thirty years ...’?",
            "A dialogue dash opens a direct quote; the speaker is named after the quote, next to the speech verb.",
            "Ingrid Dahl, the mayor: ‘says Dahl’ closes the quote. Dash quotes are direct quotes.",
            accept=(("ingrid dahl", "dahl", "mayor dahl", "the mayor", "mayor"),),
        ),
        _q(
            "l2.pronoun",
            "name",
            "Practice article: who is ‘he’ in ‘– Nobody has asked the people who live by the market, he said.’?",
            "A pronoun points back to the most recent person it fits. Read the sentence just before it.",
            "Per Haugen, the opposition leader, named in the sentence before. A quote credited to a pronoun "
            "still has a speaker: always resolve ‘he’ or ‘she’ to a name.",
            accept=(("per haugen", "haugen", "opposition leader"),),
        ),
        _q(
            "l2.mixed",
            "choice",
            "Practice article: ‘Per Haugen claimed the figures were “optimistic”’. Is that attribution "
            "direct, indirect, mixed or according_to?",
            "Is the whole statement in quotation marks, none of it, or just one word?",
            "Mixed: a paraphrase (‘the figures were ...’) with one quoted word (“optimistic”).",
            accept=(("mixed",),),
        ),
        _q(
            "l2.according",
            "name",
            "Practice article: what is the source of the cost figure of 240 million kroner?",
            "Look for ‘according to’. A source need not be a person.",
            "The council’s own cost report, a document: ‘According to the council’s own cost report’. "
            "Note that the report comes from one side of the debate.",
            accept=(("cost report", "council's own cost report", "council's cost report", "report"),),
        ),
        _q(
            "l2.vague",
            "names",
            "Practice article: list the vague or anonymous sources (as a list of strings).",
            "Find sources a reader could not phone or look up: people the paper talked to but does not name, "
            "and a word that says someone reported something without saying who. Ask of each candidate: does "
            "the text say this group said anything, or is it only what the claim is about?",
            "Two: ‘Sources close to the council’ (anonymous: particular people the reporter spoke to, names "
            "withheld, and no reason given why) and ‘reportedly’ (vague: a hidden source, nobody is named at "
            "all). ‘Many residents’ is not "
            "a source: the residents are what the claim is about; who says they are unhappy is hidden behind "
            "‘reportedly’.",
            accept=(("sources close to the council", "sources close", "sources"), ("reportedly", "reported")),
        ),
        _q(
            "l2.silent",
            "name",
            "Practice article: which named party was asked but does not speak in the article?",
            "Look for ‘did not respond’ or ‘has not commented’. Such a sentence names a source but carries no content.",
            "Nordfjord Ferries, the expected operator: it ‘did not respond to questions’. A non-response is "
            "not an attribution (no content, so no cue), but the party is still a source of the article: mark "
            "its name when you mark sources. It tells you whose voice is missing.",
            accept=(("nordfjord ferries", "nordfjord"),),
        ),
        _q(
            "l2.store-dash",
            "name",
            "Example article: who speaks ‘– I provide information about how the world perceives what is happening, "
            "and what is happening on the pitch.’?",
            "A dash line without a speech verb continues the quote of the line before it. Who is named there?",
            "Jonas Gahr Støre: the line before ends ‘says Støre’, and the dash line continues his direct quote.",
            accept=(("jonas gahr store", "store", "gahr store", "the prime minister", "prime minister"),),
        ),
        _q(
            "l2.store-he",
            "name",
            "Example article: who is ‘He’ in ‘He stressed that Norway condemns the attack in Ukraine ...’?",
            "The person quoted in the lines just before.",
            "Jonas Gahr Støre, quoted in the dash lines just before. The source is ‘He’, the speaker Støre.",
            accept=(("jonas gahr store", "store", "gahr store", "the prime minister", "prime minister"),),
        ),
        _q(
            "l2.allies",
            "choice",
            "Example article: ‘Norway’s allies and partners have given signals that ...’: is the source named "
            "or vague?",
            "Which allies? Which partners? Could you ask one of them?",
            "Vague: no country or person is named, and ‘given signals’ does not say what was said or where. "
            "The next sentence names who passed it on: ‘This was conveyed by Prime Minister Jonas Gahr Støre’. "
            "That is an attribution chain: a named relay (Støre) of a vague source (the allies). Mark both: "
            "the allies are the source of this sentence, Støre of the next. You can ask Støre whether he said "
            "it, but not the allies what they meant.",
            accept=(("vague",),),
        ),
        _q(
            "l2.links",
            "links",
            "Example article, opening: link each source to its cue and name the speaker.",
            "Three attributions: two dash quotes where the cue comes after the quote (‘..., says Støre’), and "
            "one with a pronoun for a source. For the pronoun, type the name of the person it refers to.",
            "The source ‘Støre’ with cue ‘says’ after each dash quote, and ‘He’ with ‘stressed’; all three "
            "speakers are Jonas Gahr Støre.",
            links=(
                ("how effective it is, says [Støre]", "how effective it is, [says] Støre", "Jonas Gahr Støre"),
                ("[He] stressed that Norway", "He [stressed] that Norway", "Jonas Gahr Støre"),
                (
                    "what kind of war this is, says [Støre]",
                    "what kind of war this is, [says] Støre",
                    "Jonas Gahr Støre",
                ),
            ),
        ),
        _q(
            "l2.sources-activity",
            "spans",
            "Practice article: highlight every source (the words that name who speaks), label ‘source’.",
            "There are eight places where the text names a source: three with a name, two pronouns, one "
            "anonymous group, one document, and one party that was asked and gave no answer. Look next to says, "
            "said, added, claimed, called, according to, and for a party that did not respond. People a claim "
            "is only about are not sources.",
            "The eight sources in the practice article (Nordfjord Ferries says nothing, but it was asked: a "
            "non-responding party is still a source):",
            key=(
                ("source", "Mayor Ingrid Dahl"),
                ("source", "says [Dahl]"),
                ("source", "[She] added"),
                ("source", "the council’s own cost report"),
                ("source", "Opposition leader Per Haugen"),
                ("source", "market, [he] said"),
                ("source", "Sources close to the council"),
                ("source", "Nordfjord Ferries"),
            ),
        ),
        # Lesson 3: claims and evidence (practice article)
        _q(
            "l3.dearly",
            "choice",
            "Practice article, second line: ‘..., a decision that will cost residents dearly.’ Label the "
            "sentence: attributed, unsupported or other.",
            "Who says it will cost residents dearly? Is a source named anywhere in the sentence?",
            "Unsupported: a prediction and a judgement in the paper’s own voice, with no source and no evidence.",
            accept=(("unsupported",),),
        ),
        _q(
            "l3.fishmarket",
            "choice",
            "Practice article: ‘The old fish market closed in 2011 and has stood empty since.’ attributed, "
            "unsupported or other?",
            "Would a careful editor ask ‘who says so?’ about a public, checkable date?",
            "Other: a public, uncontested background fact that a news report may state in its own voice.",
            accept=(("other",),),
        ),
        _q(
            "l3.reportedly",
            "choice",
            "Practice article: ‘Many residents are reportedly unhappy with the plan.’ attributed, unsupported "
            "or other?",
            "‘Reportedly’ sounds like a source. Does it say who reported it, or how many residents?",
            "Unsupported: ‘reportedly’ is a hedge that hides its source (somebody reported it, nobody says who); "
            "the residents are what the claim is about, not who makes it. Nobody can be asked.",
            accept=(("unsupported",),),
        ),
        _q(
            "l3.cost",
            "choice",
            "Practice article: the sentence with the 240 million kroner figure: attributed, unsupported or other?",
            "Look at how the sentence begins.",
            "Attributed: ‘According to the council’s own cost report’ credits the figure to a document.",
            accept=(("attributed",),),
        ),
        _q(
            "l3.allies",
            "choice",
            "Example article: ‘Norway’s allies and partners have given signals that they are not completely safe.’ "
            "attributed, unsupported or other?",
            "The next sentence says Støre passed it on. Does that let you check the allies’ claim, or only "
            "that Støre said it? Whose claim is it?",
            "Unsupported: the claim comes from a vague source, the allies (which ally? what signal?). The next "
            "sentence, ‘This was conveyed by Prime Minister Jonas Gahr Støre’, makes it an attribution chain: "
            "Støre, named, relays the allies. That makes one thing checkable, that Støre said it, so his sentence "
            "is attributed. It does not make the allies’ claim checkable: a claim that rests only on a vague "
            "source is unsupported, whoever passes it on.",
            accept=(("unsupported",),),
        ),
        _q(
            "l3.sentences-activity",
            "spans",
            "Practice article: in sentence mode, mark the sentences that are unsupported.",
            "There are five: the headline and one more sentence state a judgement as fact, one rests on a hedge "
            "that hides its source, one credits sources that are not named without saying why or what puts them "
            "in a position to know, and one uses scare quotes and a belittling word to judge.",
            "The unsupported sentences of the practice article:",
            key=(
                ("unsupported", "Council backs new ferry terminal…"),
                ("unsupported", "Vesterhavn town council voted…"),
                ("unsupported", "Many residents are reportedly…"),
                ("unsupported", "Sources close to the council…"),
                ("unsupported", "The so-called…"),
            ),
        ),
        _q(
            "l3.subhead",
            "name",
            "Read alone, the subhead ‘Condemn Russia’s war crimes’ sounds like an order. According to the body, "
            "who condemns?",
            "Find the body sentence with ‘condemns’ in it and ask who ‘He’ is: look at the sentence before it.",
            "Støre, for Norway: ‘He stressed that Norway condemns the attack ...’. The body credits the "
            "condemnation to the Prime Minister; the subhead drops him, so a reader who skims the headings "
            "cannot tell whose words they are.",
            accept=(("støre", "jonas gahr støre", "the prime minister", "prime minister", "norway"),),
        ),
        _q(
            "l3.refugees",
            "name",
            "Whose figure is ‘four million refugees’, as the text gives it?",
            "Who says the line that holds the figure? Look at the end of the line.",
            "Støre's: it stands in his quote (‘says Støre’). The article does not say who counted; a reader "
            "would check it against the UN refugee agency's figures for that week.",
            accept=(("støre", "jonas gahr støre", "the prime minister", "prime minister"),),
        ),
        _q(
            "l3.numbers",
            "choice",
            "Which headline says no more than the body supports: A, B, C or D?",
            "Compare each headline word by word with ‘240 million kroner, of which the state will pay about "
            "half’, and ask whose estimate it is. Which headline keeps ‘about’, and names the report?",
            "D. A turns ‘about half’ into an exact sum; B makes 240 million a ceiling (‘up to’), while the "
            "opposition says the budget will grow; C drops ‘about’ and does not say 50 percent of what; only D "
            "keeps the estimate's source and its rounding.",
            accept=(("d", "headline d"),),
        ),
        # Lesson 4: framing (practice article)
        _q(
            "l4.verbs",
            "choice",
            "Practice article: the mayor ‘says’; the opposition leader ‘claimed’. Which verb casts doubt: "
            "says or claimed?",
            "Replace one verb with the other and read both sentences aloud. Which one sounds less believable?",
            "‘Claimed’: it hints that the statement may not be true, while ‘says’ is neutral. Using ‘claimed’ "
            "for one side only is a framing choice.",
            accept=(("claimed", "claim"),),
        ),
        _q(
            "l4.scare",
            "name",
            "Practice article: which word is in scare quotes (quotation marks that signal doubt, not a quote)?",
            "Look for a word in quotation marks that nobody is quoted as saying, especially after ‘so-called’.",
            "“consultation”: with ‘so-called’ (part of the same scare quote) and ‘only two weeks’ the paper "
            "suggests it was not a real consultation, without saying who thinks so.",
            accept=(("consultation",),),
        ),
        _q(
            "l4.headline",
            "choice",
            "Practice article: the headline says ‘after heated debate’. Does the body describe the debate "
            "itself? yes or no",
            "Search the body for anything about how the debate went: who spoke, for how long, any shouting.",
            "No. The body gives the vote and reactions but never describes the debate: ‘heated’ frames the "
            "story before the reader has any facts.",
            accept=(("no", "n"),),
        ),
        _q(
            "l4.finally",
            "choice",
            "Practice article: ‘Now we are finally doing it’ contains the evaluative word ‘finally’. Is it the "
            "newspaper’s framing? yes or no",
            "Who is speaking in that line?",
            "No: it is inside the mayor’s direct quote, so it is her framing, reported. It is still a framing "
            "word, but it tells you about the speaker; the paper’s framing is in its own words and in its "
            "choices: whom it quotes, how much, and whether anyone answers.",
            accept=(("no", "n"),),
        ),
        _q(
            "l4.framing-activity",
            "spans",
            "Practice article: highlight framing cues in the paper’s own voice, labelled loaded, evaluative, "
            "scare_quote or speech_verb.",
            "There are six: one in the headline, one at the end of the second line, two verbs of saying chosen "
            "for the opposition leader, and two in the sentence about the consultation (the scare quote with the "
            "word that introduces it, and a word that belittles its length). Words inside what someone is "
            "credited with saying, quoted or paraphrased, are theirs: leave them out.",
            "Framing cues in the paper’s own voice (the speech verbs are always the paper’s choice; "
            "‘almost certainly’ and ‘finally’ belong to the speakers):",
            key=(
                ("evaluative", "heated"),
                ("loaded", "cost residents dearly"),
                ("speech_verb", "claimed"),
                ("speech_verb", "warned"),
                ("scare_quote", "so-called “consultation”"),
                ("evaluative", "[only] two weeks"),
            ),
        ),
        _q(
            "l4.kind-b",
            "choice",
            "Passage B (from Reagan's inaugural address) is news, opinion or advertising?",
            "Whose voice is it, and does it report what happened or argue what ought to be? Look for ‘must’ "
            "and for a claim nobody is credited with but the speaker.",
            "Opinion: a speaker argues a view in his own voice (‘government is the problem’, ‘must bear the "
            "burden’). A speech, like a column, is its author's view: fair, as long as it is not sold as a report.",
            accept=(("opinion",),),
        ),
        _q(
            "l4.kind-c",
            "choice",
            "Passage C (the bookshop's spring sale) is news, opinion or advertising?",
            "What does the passage want you to do after reading it?",
            "Advertising: a brand, a price, ‘today only’ and a call to come to the shop. It wants you to act.",
            accept=(("advertising", "advert", "ad", "advertisement"),),
        ),
        _q(
            "l4.kind-d",
            "choice",
            "Passage D looks like a news headline. Is it news, opinion or advertising?",
            "Read the first word, and then the last sentence: what does it ask you to do? Who are the ‘experts’?",
            "Advertising dressed as news (an advertorial): it is labelled SPONSORED, its ‘experts’ are vague "
            "(K2), and it ends with an order form (‘half price this week’).",
            accept=(("advertising", "advert", "ad", "advertisement", "advertorial", "sponsored"),),
        ),
        _q(
            "l4.opinion-sentence",
            "name",
            "In the practice article, which sentence gives the paper's own opinion of what the vote will cost? "
            "Give its first three words.",
            "Find the sentence about the vote that ends with a judgement nobody is credited with.",
            "‘Vesterhavn town council voted ... a decision that will cost residents dearly’: the paper's own "
            "verdict, added to a report of the vote, with no source (lesson 3: an evaluation stated as fact).",
            accept=(("vesterhavn town council", "vesterhavn town council voted"),),
        ),
        # Lesson 5: provenance (example article; not graded)
        _q(
            "l5.bio",
            "choice",
            "Is the last line (‘Tv nerd. Passionate food specialist. ...’) a real description of the "
            "journalist who wrote the report? yes or no",
            "Open lateral-reading/generated-author-bios.md. Does the line mention journalism, Norway or any "
            "name at all?",
            "No. It is a generated bio of the kind content farms attach to copied articles: a string of random "
            "traits with no name, beat or outlet. It tells you the page is a republication, not the original.",
            accept=(("no", "n"),),
        ),
        _q(
            "l5.pitch",
            "name",
            "‘what is happening on the pitch’: what did the speaker most likely say in Norwegian, translated properly?",
            "A pitch is a football field. What phrase means ‘where things really happen’ in a war?",
            "‘On the ground’. Machine translation picked a sports sense of the Norwegian phrase; see "
            "lateral-reading/translation-notes.md.",
            accept=(("on the ground", "the ground", "ground"),),
        ),
        _q(
            "l5.sure",
            "choice",
            "‘Norway’s allies and partners have given signals that they are not completely safe.’ The Norwegian "
            "was most likely ‘ikke helt sikre’. Which English word fits the meaning: safe or sure?",
            "Read the sentence before it: a question about how much Putin has understood. Then look up what "
            "Norwegian ‘sikker’ can mean.",
            "Sure: ‘ikke helt sikre’ means ‘not entirely sure’. Norwegian ‘sikker’ means both safe and sure, and "
            "the machine picked the wrong sense. The allies were signalling that they are not sure Putin knows "
            "what is happening in Ukraine; nobody said anyone was unsafe. It is the slip that changes a claim "
            "most in the whole article.",
            accept=(("sure", "not entirely sure", "not completely sure", "not sure", "certain", "unsure"),),
        ),
        _q(
            "l5.boilerplate",
            "names",
            "After Støre's last quote, which lines are scraped page furniture rather than the report, apart from "
            "the bio (a list of strings)?",
            "Look for a box heading and a sign-up box: two pieces.",
            "‘The most important thing about: The war in Ukraine’ (a box heading) and the newsletter paragraph "
            "ending ‘Register here’ (a sign-up box). Copying them shows the text was scraped from the original page.",
            accept=(("most important thing about", "the war in ukraine"), ("newsletter", "register here")),
        ),
        _q(
            "l5.outlet",
            "name",
            "The article names the Norwegian newspaper that did the reporting. Which one?",
            "Look for a proper name that is neither a person nor a place; Norwegian paper names often end in "
            "-posten or -bladet.",
            "Aftenposten, an Oslo daily. Lateral reading starts there: look for the original report, "
            "see lateral-reading/about-aftenposten.md.",
            accept=(("aftenposten",),),
        ),
        _q(
            "l5.provenance-activity",
            "spans",
            "Example article: mark the clues to where the text came from, labelled translation, scraped or bio.",
            "Translation slips are listed in the translation notes (three of them are in this highlighter); the "
            "page furniture is two pieces after Støre's last quote; the bio is the last line.",
            "The provenance clues outside the graded part:",
            key=(
                ("translation", "on the pitch"),
                ("translation", "is not against me"),
                ("translation", "Labor"),
                ("scraped", "The most important thing about: The war in Ukraine"),
                ("scraped", "Register here"),
                (
                    "bio",
                    "Tv nerd. Passionate food specialist. Travel practitioner. Web guru. Hardcore zombieaholic. "
                    "Unapologetic music fanatic.",
                ),
            ),
        ),
        _q(
            "l5.sift",
            "names",
            "Name SIFT’s four moves (a list of four strings).",
            "S, I, F, T: the first is a pause, the last goes back to where a claim started.",
            "Stop; Investigate the source; Find better coverage; Trace claims, quotes and media to the "
            "original context.",
            accept=(("stop",), ("investigate",), ("find",), ("trace",)),
        ),
        _q(
            "l5.imvain-multiple",
            "choice",
            "Apart from Støre, how many sources in the free part of the example article tell the reader what was "
            "said in the call: 0, 1 or 2?",
            "Go through your source marks: who else speaks about the call itself? The allies' signals are about "
            "something else, and Støre passes them on.",
            "0: everything about the call comes from Støre's press conference. ‘Norway’s allies and partners’ "
            "are a vague source, relayed by Støre (K6), and say nothing about the call. The story fails M: a "
            "single-source story.",
            accept=(("0", "none", "zero", "no one", "nobody"),),
        ),
        _q(
            "l5.imvain-independent",
            "choice",
            "Is Støre an independent source on how his own call with Putin went? Answer yes or no.",
            "Independent means the source neither gains nor loses by what it says. Does a prime minister have a "
            "stake in how his own diplomacy is reported?",
            "No. He took part in the call and has a stake in how it is seen at home and abroad. That does not "
            "make him wrong; it means a reader wants a second, independent account.",
            accept=(("no", "n"),),
        ),
        _q(
            "l5.imvain-letters",
            "names",
            "As a source on what Norway's prime minister said to Putin, which letters of IMVAIN does Støre pass?",
            "He was on the call (how does he know?), he is the one person who knows what he said (is he "
            "informed?), and the text gives his name. Independence and more sources are the questions he cannot "
            "answer himself.",
            "V, A and N: he verifies (he said it himself, first hand), he is authoritative and informed on his "
            "own words, and he is named. He fails I (he has a stake) and M (no other source).",
            accept=(("v", "verifies", "verify"), ("a", "authoritative", "informed", "ai"), ("n", "named")),
        ),
        # Lesson 6: human against machine
        _q(
            "l6.pronoun",
            "choice",
            "A program links a quote to the nearest name before it. Would it get this one right? "
            "`Opposition leader Per Haugen met Mayor Ingrid Dahl after the vote. – We will take this to court, "
            "he said.` yes or no",
            "Which name stands nearest before the quote? Can ‘he’ refer to that person?",
            "No: the nearest name is Ingrid Dahl, but ‘he’ is Per Haugen. In the practice article the same rule "
            "happens to work (Per Haugen is the nearest name before ‘he said’), which is why it is easy to "
            "trust: nearest-name rules fail whenever another person is mentioned in between. Check pronoun "
            "speakers by hand.",
            accept=(("no", "n"),),
        ),
        _q(
            "l6.irony",
            "choice",
            "Can a word list tell a scare quote from a real quotation of one word? yes or no",
            "Both look the same on the page: a word inside quotation marks. What tells them apart for a reader?",
            "No. The difference is whether anyone is quoted as saying the word; that needs reading, not a list. "
            "Expect the machine to mix them up.",
            accept=(("no", "n"),),
        ),
        # Lesson 7: your own article
        _q(
            "l7.headline",
            "choice",
            "When you load a plain-text file or paste text, which line becomes the headline: first or last?",
            "Read the text above the loading cells again.",
            "The first non-empty line. The headline stays part of the body, so it is analysed like any other line.",
            accept=(("first", "the first", "first line", "the first line"),),
        ),
        # Lesson 8: images and generated content
        _q(
            "l8.caption",
            "choice",
            "Does the drawn picture itself show whether the crowd is cheering or protesting? Answer yes or no.",
            "Describe only what you can see: shapes, colours, positions. Where in the picture is a feeling or "
            "an intention?",
            "No. Both captions fit the same picture: the caption, not the picture, makes the claim. Ask of it "
            "who says so and how they know.",
            accept=(("no", "n"),),
        ),
        _q(
            "l8.reverse",
            "choice",
            "A picture shared as ‘the flood in Lindvik yesterday’ appears on a news site from 2019 with another "
            "country's flood in its caption. For this claim, is the picture new or old?",
            "Which copy came first, and what did its caption say?",
            "Old: the picture existed in 2019, so it cannot show yesterday's flood. A recycled picture with a new "
            "caption, the commonest false image online.",
            accept=(("old",),),
        ),
        _q(
            "l8.metadata",
            "choice",
            "Does a Creation Time in an image's metadata prove when the picture was taken? Answer yes or no.",
            "Look at what the cell did in its second save.",
            "No. Anyone can write or change metadata (the cell did in one line), and sites strip it. It is a "
            "lead to check against other evidence.",
            accept=(("no", "n"),),
        ),
        _q(
            "l8.c2pa",
            "choice",
            "A picture has no content credentials. Does that show it is fake or generated? Answer yes or no.",
            "How many pictures ever had a credential, and what do many platforms do with metadata on upload?",
            "No. Most pictures never had credentials and many platforms strip them; a missing credential is "
            "no evidence either way. A valid one shows who signed the claims about the picture.",
            accept=(("no", "n"),),
        ),
        _q(
            "l8.generated",
            "choice",
            "Which is the stronger evidence that a picture is a real photo of what its caption says: hands or source?",
            "Which of the two would still hold next year, when generators draw hands perfectly?",
            "Source: an earlier copy with a named photographer and the same caption is evidence about where the "
            "picture came from. Good-looking hands only show that one trace of generation is missing.",
            accept=(("source", "the source"),),
        ),
    ]
}
