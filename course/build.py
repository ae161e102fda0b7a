"""Build the nbgrader source notebooks (solutions/*/) from the answer keys in course/keys/*.json.

Run from the repository root: ``python course/build.py``. The keys are the
source of truth (format: docs/key-format.md): edit their spans, alternatives
and rationales there, then rerun this script and regenerate ``exercises/``
(see course/grading.md). Each key is checked against the bundled article text
and embedded only in its item's hidden test cell, as the same dict.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

import nbformat

from medialit.exercises.items import ITEMS, item
from medialit.exercises.key import Key
from medialit.instructor import exercise_notebook
from medialit.instructor.exercise_notebook import md, notebook

REPO = Path(__file__).resolve().parents[1]
KEYS = REPO / "course" / "keys"


def key_for(item_id: str) -> Key:
    """The item's key, ``course/keys/<item>.json``, checked against the bundled text and the item's part."""
    return exercise_notebook.item_key(item_id, Key.load(KEYS / f"{item_id}.json"))


def question(item_id: str, variable: str, prompt: str, solution: str, highlighter: bool = True) -> list:
    """The cells of one kit item (``medialit.instructor.exercise_notebook.question``) with its key file."""
    return exercise_notebook.question(item_id, variable, prompt, solution, key_for(item_id), highlighter)


def literal(item_id: str) -> str:
    """The model answer of one kit item, from its key file."""
    return exercise_notebook.literal(item_id, key_for(item_id))


def ex01() -> nbformat.NotebookNode:
    cells = question(
        "ex01-q1",
        "answer_q1",
        "In this part of the example article, mark every **source** and every **cue**. A source is the words "
        "naming whoever the text credits with what is said, or a party it says was asked and gave no answer; "
        "a cue is the verb or phrase that marks the attribution (*told*, *according to*). "
        "Labels: `source`, `cue`. Write `('words', 'label', 2)` for the second occurrence of the same words "
        "in this part (count from the part's first line, not from the top of the article).",
        literal("ex01-q1"),
    )
    cells += question(
        "ex01-q2",
        "answer_q2",
        "For each source you marked above, who is it? The highlighter below starts from your marks in q1, and each "
        "time you run its cell it adds the marks you have made in q1 since (what you remove here stays removed). "
        "**Link** each source to its cue: put the cursor on the source (or click it), press `L` (or *Link*), "
        "move to the cue and press `Enter` (or click it), then `L` again (or *Finish link*); "
        "with the mouse you can also drag the source's tag onto its cue. In the list of "
        "links under the text, type the full name of the person or organisation, also where the text uses "
        "a pronoun or a title (*she*, *the mayor*). "
        "Or answer as a list of `('source words', 'full name', 'cue words', n)` (n = which occurrence of the "
        "source words in this part, 1 for the first). Each attribution earns half for the right cue and half "
        "for the right speaker; an entry without its cue words earns only the speaker half. A party that gave "
        "no answer has no cue: type its name and leave it unlinked (in the list, give `''` as its cue words).",
        literal("ex01-q2"),
    )
    cells += question(
        "ex01-q3",
        "answer_q3",
        "A second article. Mark each **source** and say what kind it is: `named` (a person, organisation, "
        "publication or website you could look up), `anonymous` (a particular person, post or circle of "
        "people that the text does not name) or `vague` (nobody in particular: *experts*, *many believe*). "
        "This item asks for the article's own sources: a source that a quoted person mentions inside the "
        "quotation may be marked as well; it is not required.",
        literal("ex01-q3"),
    )
    cells += question(
        "ex01-q4",
        "answer_q4",
        "The same part of the second article. For each attribution, mark its **cue**, only the verb or phrase "
        "that credits the words (not the source, not the quotation), and label it with the kind of attribution: "
        "`direct` (the source's own words, verbatim in quotation marks or after a dialogue dash), `indirect` "
        "(the reporter's paraphrase, no quotation marks), `mixed` (a paraphrase with a fragment quoted inside it; "
        "a verb and its object in the reporter's words before a quoted phrase is mixed too: *described the budget "
        "as “a gamble”*) or "
        "`according_to` (the phrase that credits a claim to a source without a speech verb). An attribution "
        "reported inside a quotation may be marked as well; it is not required.",
        literal("ex01-q4"),
    )
    return notebook(
        "Exercise 1: who is speaking?",
        "Find the attributions, name each speaker, tell named sources from vague or anonymous ones, and say "
        "what kind each attribution is.",
        cells,
    )


REASONS = (
    "`no_source` (nobody is credited, and the claim matters), `vague_source` (the claim comes only from nobody in "
    "particular: an open group such as *experts believe*, a hidden source, words such as *it is said* or *allegedly* "
    "that tell you someone is the source without saying who, or an unnamed source for whom the text does not give "
    "both a position to know and a reason for anonymity, even when a named person passes it on), `hedge` (an "
    "uncertainty word carries the claim: *might*, *probably*) or `evaluation` (a judgement stated as fact, or what "
    "should happen). A sentence whose claim comes from a named source, or an unnamed one whose position to know and "
    "reason for anonymity the text gives, credited by a cue in it or in the sentence just before or after, is "
    "attributed"
)
"""The four reasons of K9 as every sentence item's prompt gives them (ex02-q1, and ex05-q6 for the transfer)."""


def ex02() -> nbformat.NotebookNode:
    cells = question(
        "ex02-q1",
        "answer_q1",
        f"Which sentences in this part of the example article are **unsupported**? For each, say why: {REASONS}. "
        "Answer with the first words of the sentence: `('The first words', 'reason')`.",
        literal("ex02-q1"),
    )
    cells += question(
        "ex02-q2",
        "answer_q2",
        "Transfer: the same question on a news article you have not seen in the lessons.",
        literal("ex02-q2"),
    )
    cells += question(
        "ex02-q3",
        "answer_q3",
        "Headlines and numbers, on a third article. Mark each place where a heading, a subhead or the fact box "
        "says more than the body supports, with one of two labels: `dropped_source` (a heading states as plain "
        "fact a claim that the body credits to someone) or `unsupported_figure` (a figure that the body does not "
        "give or contradicts, that was rounded so the claim changes, that turns a ceiling or an estimate into "
        "what happens, or that is a share of something other than what the body counted). Mark the words that "
        "carry the fault, not whole paragraphs. A figure repeated as the body gives it is not a fault. Write "
        "`('words', 'label', 2)` for the second occurrence of the same words in the article (count from the "
        "headline).",
        literal("ex02-q3"),
    )
    return notebook(
        "Exercise 2: unsupported statements",
        "Find the statements the article makes without support, and say why they are unsupported; then find "
        "the headlines and figures that say more than the body.",
        cells,
    )


RUBRIC = """
*Model answer.* The words come from Ingram's blog post, quoted by the reporter: a
*skirmish* in a *war* being *waged*, an *all-out war* (homes *raided* and computers
*seized* may name real court-ordered searches). They frame a dispute about a video
as a long armed conflict with the Church as aggressor. The words are Ingram's,
quoted and credited to him, not the reporter's own; but the reporter chose to quote
the metaphor at length and gives the Church no reply, so the war picture shapes the
report all the same (guidelines K10: framing by the choice of quotes).

**Rubric (2 points).** 1 point: names at least two war words and says what picture
they create (conflict, attack, aggression). 1 point: says whose words they are
(Ingram's, quoted and attributed) and what the report does by quoting them at
length without a reply; half a point for only one of the two. No points for only
listing words.
"""


def ex03() -> nbformat.NotebookNode:
    cells = question(
        "ex03-q1",
        "answer_q1",
        "Mark the **loaded words** in this passage: words that carry a judgement or a picture beyond the "
        "facts. Count them wherever they stand, in the reporter's words or inside a quotation: the next "
        "question asks whose they are. Answer as a list of words as they appear in the text (another form "
        "of the same word counts too).",
        literal("ex03-q1"),
    )
    cells.append(
        md(
            "### ex03-q2 (2 points)\n\nWhat picture do these words create? Whose words are they, and what "
            "choice did the reporter make with them? Answer in two or three sentences in the cell below.",
            "ex03-q2-question",
            locked=True,
        )
    )
    cells.append(md(RUBRIC, "ex03-q2-answer", solution=True, grade=True, locked=False, points=2))
    cells += question(
        "ex03-q3",
        "answer_q3",
        "A page of a local paper. In its **news report** (from the headline to the last line before the "
        "column), mark each sentence that gives an **opinion in the paper's own voice**: it judges, tells the "
        "reader what should happen, or predicts as certain what nobody can know yet, and credits nobody. A view "
        "the report credits to someone is news about that person's opinion: do not mark it. Label: `opinion`; "
        "mark whole sentences (in a list answer, write each sentence out in full: its first words alone match "
        "nothing here).",
        literal("ex03-q3"),
    )
    cells += question(
        "ex03-q4",
        "answer_q4",
        "The whole page holds three passages. Mark the **first line (headline) of each passage** and label the "
        "passage `news`, `opinion` or `advertising`, by its cues: whose voice, what it wants from you, and its "
        "label.",
        literal("ex03-q4"),
    )
    return notebook(
        "Exercise 3: framing",
        "Find loaded words, then explain in your own words what they do; then tell the paper's "
        "opinion from its news, and news from opinion and advertising.",
        cells,
    )


def ex04() -> nbformat.NotebookNode:
    cells = question(
        "ex04-q1",
        "answer_q1",
        "This page was found on a news aggregator. Mark every **signal of where the text came from** and say "
        "which kind it is: `bio` (an author line that fits no reporter), `scraped` (page furniture copied from "
        "another site: links to other stories, subscription boxes, notices), `translation` (wording that reads "
        "as a word-for-word rendering of another language) or `date` (a date or weekday that does not fit the "
        "page or the calendar). Mark each whole piece of page furniture (the whole line, not only its first "
        "words) and, for the other kinds, the words that carry the signal; a date that fits is not a signal.",
        literal("ex04-q1"),
    )
    files = page_files("ex04-q2")
    pages = " · ".join(f"[Page {stem[5:]}](pages/{stem}.md)" for stem in files if stem.startswith("page-"))
    about = " · ".join(f"[{files[stem][0]}](pages/{stem}.md)" for stem in files if stem.startswith("about-"))
    cells += question(
        "ex04-q2",
        "answer_q2",
        "**Lateral reading, ten minutes.** The aggregator's story is about wolves at a school. Four pages about "
        f"that claim are saved beside this notebook: {pages} (open each in a new tab; the highlighter below shows "
        "all four). An independent press register's entry about each site is saved there too: "
        f"{about}. Read laterally: who stands behind each page (what the register says about the site), how "
        "does the page know, and do the other pages confirm it? Then mark the **title** of each page with its "
        "role: `original_report` (the outlet that did the reporting), `official_record` (the responsible body's "
        "own statement) or `misleading` (a page whose claim goes beyond what its sources could know, however "
        "it looks). A role may fit more than one page, or none: decide each page on its own.",
        literal("ex04-q2"),
    )
    cells.append(
        md(
            "### ex04-q3 (2 points)\n\nA friend shares page 1 with you and says the wolves are about to be shot. "
            "In two or three sentences: which page would you trust to tell you what happened at the school and "
            "what has been decided about a hunt, and why? Name what you checked.",
            "ex04-q3-question",
            locked=True,
        )
    )
    cells.append(md(LATERAL_RUBRIC, "ex04-q3-answer", solution=True, grade=True, locked=False, points=2))
    return notebook(
        "Exercise 4: where did this text come from?",
        "Find the signals that a page is a copy, say what kind each one is, and read laterally to decide "
        "which page about its claim to trust.",
        cells,
    )


LATERAL_RUBRIC = """
*Model answer.* Page 4, the county board's own statement, for the hunt, and page 2 beside it for
what happened: the board is the authority that decides on protective hunting, dates its record and
names a contact, and it says it has received an application and will decide before 5 April, so no
hunt has been approved. Norrlands-Posten's dated report (a named reporter, a teacher who saw the
wolves; the register says it is a paper with a named editor that corrects its errors) agrees: two
wolves, nobody hurt. Page 1 gives no source for the approved hunt and names no reporter, and the
register says NewsDaily24 rewrites other sites' stories by software with no corrections; page 3's
siege comes from an anonymous parent on a site with no named owner. I checked who runs each site in
the register, the dates, the named sources, and whether the other pages confirm each claim.

**Rubric (2 points).** 1 point: trusts page 4 (the board) for the hunt, or page 2 or page 4 for
what happened, and says or implies that the hunt is not (yet) approved; no point for trusting page 1
or page 3. 1 point: gives a reason that comes from reading laterally, what stands behind a page
(who runs the site, as the register or another page tells it; its date; named sources; the other
pages agreeing or not), not from how the page looks; half a point for a reason about one page only.
No points for "it looks professional", "it has a date" or "it has more details" alone: page 1 has
all three.
"""


def page_files(item_id: str) -> dict[str, tuple[str, str]]:
    """The item's pages (``PAGE n``) and register entries (``ABOUT slug``): file stem -> (title, text).

    Students open them from the notebook, so each becomes a file of its own: ``page-n.md`` or ``about-slug.md``.
    """
    body = item(item_id).load().body
    sections = re.split(r"^(PAGE \d+|ABOUT [\w-]+)\n", body, flags=re.MULTILINE)[1:]
    out = {}
    for marker, text in zip(sections[::2], sections[1::2], strict=True):
        kind, name = marker.split(" ", 1)
        title, rest = text.strip().split("\n", 1)
        out[f"page-{name}" if kind == "PAGE" else f"about-{name}"] = (title, "\n\n".join(rest.splitlines()))
    return out


def write_pages(item_id: str, folder: Path) -> None:
    """Write each page and register entry of the item's set to ``folder/pages/STEM.md``."""
    target = folder / "pages"
    target.mkdir(parents=True, exist_ok=True)
    note = "> Teaching copy written for the medialit course: the page, the site and everyone in it are invented."
    for stem, (title, text) in page_files(item_id).items():
        (target / f"{stem}.md").write_text(f"# {title}\n\n{note}\n\n{text}\n", encoding="utf-8")


def ex05() -> nbformat.NotebookNode:
    cells = question(
        "ex05-q1",
        "answer_q1",
        "A new page of a local paper, not seen in the lessons. In its **news report** (from the headline to the "
        "last line before the column), mark each sentence that gives an **opinion in the paper's own voice**: it "
        "judges, tells the reader what should happen, or predicts as certain what nobody can know yet, and "
        "credits nobody. A view the report credits to someone is news about that person's opinion: do not mark "
        "it. Label: `opinion`; mark whole sentences (in a list answer, write each sentence out in full: its first "
        "words alone match nothing here).",
        literal("ex05-q1"),
    )
    cells += question(
        "ex05-q2",
        "answer_q2",
        "Compare the **headline** with the report's body. If the headline says more than the body supports, mark "
        "the words that do and label the fault: `dropped_source` (a claim the body credits to someone, stated "
        "as plain fact) or `unsupported_figure` (a figure or amount that no figure in the body backs, or a share "
        "of something other than what the body counted).",
        literal("ex05-q2"),
    )
    cells += question(
        "ex05-q3",
        "answer_q3",
        "The page holds more than one passage. Mark the **first line (headline) of each passage** and label the "
        "passage `news`, `opinion` or `advertising`, by its cues: whose voice, what it wants from you, and its "
        "label if it has one (a page does not always label its passages).",
        literal("ex05-q3"),
    )
    cells += question("ex05-q4", "answer_q4", TRANSFER_PROMPTS["ex05-q4"], literal("ex05-q4"))
    cells += question("ex05-q5", "answer_q5", TRANSFER_PROMPTS["ex05-q5"], literal("ex05-q5"))
    cells += question("ex05-q6", "answer_q6", TRANSFER_PROMPTS["ex05-q6"], literal("ex05-q6"))
    cells += question("ex05-q7", "answer_q7", TRANSFER_PROMPTS["ex05-q7"], labelled_words("ex05-q7"))
    cells += question("ex05-q8", "answer_q8", TRANSFER_PROMPTS["ex05-q8"], literal("ex05-q8"))
    return notebook(
        "Exercise 5: transfer",
        "Every skill of the course on texts you have not seen: opinion inside a news report, a headline against "
        "its body, news against opinion, who is speaking and how, unsupported sentences, framing, and where a "
        "copied page came from. Work without your notes. Compare with your pre-test from lesson 0 afterwards.",
        cells,
    )


def labelled_words(item_id: str) -> str:
    """A words item's model answer with more than one label: plain words for the first label, pairs for the rest."""
    it = item(item_id)
    body = it.load().body
    out = []
    for mark in key_for(item_id).required:
        words = body[mark.span.start : mark.span.end]
        out.append(words if mark.label == it.labels[0] else (words, mark.label))
    return "[\n" + "".join(f"    {e!r},\n" for e in out) + "]"


TRANSFER_PROMPTS = {
    "ex05-q4": "Back to the **news report** (headline to the last line before the column). Mark every **source** "
    "and every **cue**. A source is the words naming whoever the report credits with what is said (a person, "
    "an organisation, a document, a group, or a pronoun standing for one of them), or a party it says was "
    "asked and gave no answer; a cue is the verb or phrase that marks the attribution (*announced*, *in a "
    "statement*). Labels: `source`, `cue`. Write `('words', 'label', 2)` for the second occurrence of the "
    "same words in the report.",
    "ex05-q5": "The same report. For each attribution, mark its **cue** only (the verb or phrase that credits "
    "the words, not the source, not the quotation) and label it with the kind of attribution: `direct` (the "
    "source's own words, verbatim in quotation marks or after a dialogue dash), `indirect` (the reporter's "
    "paraphrase, no quotation marks), `mixed` (a paraphrase with a fragment quoted inside it; a verb and its object "
    "in the reporter's words before a quoted phrase is mixed too: *described the budget as “a gamble”*) or "
    "`according_to` (a phrase that credits a claim to a source without a speech verb). Write "
    "`('words', 'label', 2)` for the second occurrence of the same words in the report.",
    "ex05-q6": "Which sentences of the report (after its headline, up to the column) are **unsupported**? For "
    f"each, say why: {REASONS}: do not mark it. Answer with the first words of the sentence: "
    "`('The first words', 'reason')`.",
    "ex05-q7": "Mark the **framing cues** in the report, with one of two labels: `loaded` for words that carry "
    "a judgement or a picture beyond the facts (loaded or evaluative words, words that inflate or belittle: "
    "*slashed*, *mere*) and `hedge` for words of uncertainty that carry a claim (*probably*, *is believed "
    "to*). Count them wherever they stand, in the paper's own words or inside a quotation or a paraphrase. "
    "Answer as a list of words as they appear in the text (another form of the same word counts too): a "
    "plain word is read as `loaded`; write `('words', 'hedge')` for a hedge.",
    "ex05-q8": "This page about the same vote was found on an energy news aggregator. Mark every **signal of "
    "where the text came from** and say which kind it is: `bio` (an author line that fits no reporter), "
    "`scraped` (page furniture copied from another site: links to other stories, subscription boxes, notices), "
    "`translation` (wording that reads as a word-for-word rendering of another language) or `date` (a date or "
    "weekday that does not fit the page or the calendar). Mark each whole piece of page furniture (the whole "
    "line, not only its first words) and, for the other kinds, the words that carry the signal; a date that "
    "fits is not a signal.",
}


ASSIGNMENTS = {
    "ex01-attribution": ex01,
    "ex02-unsupported": ex02,
    "ex03-framing": ex03,
    "ex04-provenance": ex04,
    "ex05-transfer": ex05,
}


def main() -> int:
    for name, build in ASSIGNMENTS.items():
        folder = REPO / "solutions" / name
        folder.mkdir(parents=True, exist_ok=True)
        exercise_notebook.write(build(), folder / f"{name}.ipynb")
        if name == "ex04-provenance":
            write_pages("ex04-q2", folder)
        print(f"wrote solutions/{name}/{name}.ipynb")
    assert set(ITEMS) <= {p.stem for p in KEYS.glob("*.json")}
    return 0


if __name__ == "__main__":
    sys.exit(main())
