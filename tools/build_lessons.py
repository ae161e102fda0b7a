# ruff: noqa: E501 (lesson prose is data)
"""Write the lesson notebooks in notebooks/ from the text below (run: python tools/build_lessons.py).

The committed .ipynb files are the product; this script only keeps them easy to
edit and consistent (stable cell ids, no outputs, kernel python3). Edit here,
re-run, and commit both.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import nbformat

NOTEBOOKS = Path(__file__).resolve().parents[1] / "notebooks"

LESSONS = {
    0: "00-start-here.ipynb",
    1: "01-meet-the-article.ipynb",
    2: "02-who-is-speaking.ipynb",
    3: "03-claims-and-evidence.ipynb",
    4: "04-framing.ipynb",
    5: "05-where-did-this-text-come-from.ipynb",
    6: "06-human-against-machine.ipynb",
    7: "07-your-own-article.ipynb",
    8: "08-images-and-generated-content.ipynb",
}


def link(n: int, text: str | None = None) -> str:
    return f"[{text or f'lesson {n}'}]({LESSONS[n]})"


def nav(n: int) -> str:
    back = f"← {link(n - 1, 'previous lesson')}" if n > 0 else ""
    ahead = f"{link(n + 1, 'next lesson')} →" if n + 1 in LESSONS else ""
    return " · ".join(part for part in (back, link(0, "start here") if n else "", ahead) if part)


def header(n: int, title: str, minutes: str, goals: list[str]) -> str:
    items = "\n".join(f"- {goal}" for goal in goals)
    return f"# Lesson {n}: {title}\n\n*About {minutes} minutes.* {nav(n)}\n\n**After this lesson you can:**\n\n{items}"


def summary(points: list[str], n: int) -> str:
    items = "\n".join(f"- {p}" for p in points)
    return f"## Summary\n\n{items}\n\n{nav(n)}"


def setup(draws: bool = True, extra: tuple[str, ...] = ()) -> str:
    """The first code cell of a lesson: imports (sorted as ruff wants) and the two articles."""
    imports = [
        "from medialit import load_article" + ("\nfrom medialit.exercises import plots" if draws else ""),
        "from medialit.exercises.lessons import check, check_highlights, hint, reveal  # noqa: F401 (yours to call)",
        *extra,
    ]
    imports.sort(key=lambda line: line.split()[1])
    return "\n".join(imports) + (
        "\n\n"
        'article = load_article("stoere-putin-call")  # the example article\n'
        'practice = load_article("articles/ferry-terminal-vote.md")  # the practice article (fictional)'
    )


CHECK_HELP = (
    "**How the checks work.** Type your answer between the quotes and run the cell. A wrong answer gets a "
    "hint, never the answer. When you are still stuck after trying, `reveal(...)` shows the answer (it waits "
    "for your first try)."
)

# ---------------------------------------------------------------- lesson 0

L0 = [
    (
        "md",
        header(
            0,
            "Start here",
            "25",
            [
                "run cells in JupyterLab and find your way around a lesson;",
                "answer a short pre-test that shows where you start (it is saved, not marked);",
                "mark words in an article with the highlighter and change or remove a mark;",
                "say where your marks are saved, and use the self-checks (hint first, answer after).",
            ],
        ),
    ),
    (
        "md",
        """## How the kit works

You read real news articles and mark three things in them:

1. **who is speaking** (sources and what they are credited with),
2. **claims without support** (who says so? how do we know?),
3. **framing** (words that colour the story).

A program, the *analyzer*, marks the same things. You will compare your marks with
its marks and find out where it is wrong. Everything is marked as stretches of text
with a label, so your marks, the analyzer's and the answer keys can be compared
directly.

The lessons:

| lesson | topic |
|---|---|
| """
        + link(1, "1 Meet the article")
        + """ | read the example article, headline against body |
| """
        + link(2, "2 Who is speaking")
        + """ | attribution and sources |
| """
        + link(3, "3 Claims and evidence")
        + """ | unsupported statements |
| """
        + link(4, "4 Framing")
        + """ | loaded words, speech verbs, scare quotes |
| """
        + link(5, "5 Where did this text come from")
        + """ | provenance and lateral reading |
| """
        + link(6, "6 Human against machine")
        + """ | your marks beside the analyzer's |
| """
        + link(7, "7 Your own article")
        + """ | analyse any text you bring |
| """
        + link(8, "8 Images and generated content")
        + """ | captions, reverse image search, metadata, content credentials, generated images |""",
    ),
    (
        "md",
        """## JupyterLab in five facts

1. A notebook is a list of **cells**. Text cells (like this one) explain; code cells (grey, with `[ ]:`
   on the left) do things.
2. Click a code cell and press **Shift+Enter** to run it and move on. **Ctrl+Enter** runs it and stays.
3. Run the cells **from top to bottom**: later cells use what earlier ones made. If something looks
   wrong, use *Run → Restart Kernel and Run All Cells*.
4. Your notebook saves itself every few minutes; **Ctrl+S** saves now.
5. The **file browser** on the left shows this folder. Files you make (your highlights) appear there.

Run the next cell now.""",
    ),
    ("code", setup(draws=False) + '\nprint("Ready:", article.title)'),
    ("md", "### Check 0.1\n\n" + CHECK_HELP + "\n\nWhich keys run the current cell and move on to the next one?"),
    ("code", 'check("l0.run", "")'),
    (
        "md",
        """## The highlighter

The next cell shows a short text in the highlighter.

- **Mark:** select words by dragging or double-clicking, then click a label button (or press its number
  key: 1, 2, ...). The words take the label's colour and line style.
- **Change or remove:** click a mark, then pick another label, or press **Delete** (or the *Remove*
  button). *Undo* and *Redo* (Ctrl+Z, Ctrl+Shift+Z) take back a step.
- **Keyboard only:** Tab into the text; ←/→ move by word, ↑/↓ by line, Shift extends the selection, a
  number key applies a label, Esc clears the selection. The help line under the buttons repeats this.
- **Analyzer:** when a lesson switches on the machine layer, a *show analyzer* checkbox appears; tick it to
  see the program's marks beside yours.

Try it: mark **Vesterhavn** as `place` and **Ingrid Dahl** as `person`.""",
    ),
    (
        "code",
        """from medialit import Highlighter, from_text

sample = from_text("Mayor Ingrid Dahl of Vesterhavn called the vote a turning point for the town.")
hl = Highlighter(sample, labels=["person", "place"], save_to="lesson00.highlights.json")
hl""",
    ),
    (
        "code",
        """# What you marked, as the kit stores it: start and end (character positions) and a label
for mark in hl.spans:
    print(mark)
if not hl.spans:
    print("Nothing marked yet: mark two words above, then run this cell again.")""",
    ),
    (
        "md",
        """## Where your work is saved

The highlighter writes your marks to **`lesson00.highlights.json`** next to this notebook every time you
change them. Each lesson uses its own file (`lesson01.highlights.json`, ...). Closing the notebook or
restarting the kernel does not lose them: the highlighter reads the file again when it starts.

### Check 0.2

Where does the highlighter keep your marks: `notebook` or `json`?""",
    ),
    ("code", 'check("l0.saved", "")'),
    (
        "code",
        """from pathlib import Path

saved = Path("lesson00.highlights.json")
print(saved.read_text(encoding="utf-8")[:500] if saved.exists() else "No marks saved yet.")""",
    ),
    (
        "md",
        """## Before the course: a short pre-test (10 minutes)

Twelve short questions, two for each skill of the course: who is speaking, statements without support,
framing, where a text comes from, news or opinion or advertising, and headlines and numbers. The texts are
teaching copies written for this course; every name and figure in them is invented.

**The pre-test is not marked and shows no right or wrong.** Answer on your own, without looking anything
up: a guess is fine. Your answers are saved to **`pretest.json`** beside this notebook; hand that file in
the way your teacher asks. At the end of the course the graded exercises ask about the same skills on
other texts, so you and your teacher can see what you learned.

Run the next cell to show the questions.""",
    ),
    ("code", "from medialit.exercises import pretest\n\npretest.show_all()"),
    (
        "md",
        """### Your answers

Write one letter (`"a"`, `"b"`, ...) for each question, then run the cell. You can run it again to change
an answer; a question left as `""` stays open.""",
    ),
    (
        "code",
        """my_answers = {
    "p1": "", "p2": "",    # who is speaking
    "p3": "", "p4": "",    # statements without support
    "p5": "", "p6": "",    # framing
    "p7": "", "p8": "",    # where a text comes from
    "p9": "", "p10": "",   # news, opinion, advertising
    "p11": "", "p12": "",  # headlines and numbers
}
pretest.record(my_answers)""",
    ),
    (
        "md",
        summary(
            [
                "Run cells top to bottom with Shift+Enter; restart and run all when in doubt.",
                "The highlighter marks stretches of text with a label; your marks are saved to a "
                "`lessonNN.highlights.json` file beside the notebook.",
                "Checks give a hint before the answer: try first, `reveal` when stuck.",
                "The pre-test is saved to `pretest.json`, not marked: hand it in, and compare at the end.",
            ],
            0,
        ),
    ),
]

# ---------------------------------------------------------------- lesson 1

L1 = [
    (
        "md",
        header(
            1,
            "Meet the article",
            "30",
            [
                "stop before reading: ask what the page is and who made it, and find out in two minutes;",
                "read a news article closely and write down first impressions before analysing it;",
                "compare a headline with the body it stands over;",
                "tell the report apart from the things printed around it;",
                "make a first highlight and keep it.",
            ],
        ),
    ),
    ("code", setup()),
    (
        "md",
        """## Stop first: what is this page?

Fact-checkers do not start by reading a text closely. They **stop** and ask what the page in front of
them is, and they **investigate the source** before they spend time on the story: who published this,
and who wrote it? (These are the first two moves of SIFT: *Stop, Investigate the source, Find better
coverage, Trace claims*; """
        + link(5)
        + """ does all four.) Give it ten minutes, before any close reading.

Run the next cell: it prints what the page says about itself, its last line, and the one place where
the text names a newspaper.""",
    ),
    (
        "code",
        """for field in ("title", "url", "date", "language"):
    print(f"{field:>8}: {article.meta.get(field) or '(none given)'}")
print("  byline: (none: the page names no outlet and no reporter)")
print()
print("Last line:", article.body.strip().splitlines()[-1])
at = article.body.index("Aftenposten")
print("Names a newspaper:", repr(article.body[at : at + len("Aftenposten has contacted")]), "...")""",
    ),
    (
        "md",
        """Three things to notice, each a question to ask of any page:

- **Who published it?** The page gives no outlet and no address: you cannot tell whose page this is.
- **Who wrote it?** The only line about an author is a string of traits that fits no reporter and no
  subject of the story. Strings like this are made by generators and pasted under copied articles.
- **Who did the reporting?** The text says that *Aftenposten* contacted someone. A paper that names
  itself in the third person like that is telling you whose work this is.

### Check 1.1

"""
        + CHECK_HELP
        + """

What is this page most likely: `original` (the reporting paper's own page), `copy` (someone else's
republished copy of a report) or `advert`?""",
    ),
    ("code", 'check("l1.stop-page", "")'),
    ("md", "### Check 1.2\n\nWhich newspaper did the reporting? Give its name."),
    ("code", 'check("l1.stop-who", "")'),
    (
        "md",
        """**Investigate (two minutes).** A reader online would now open a new tab and look the newspaper up,
instead of reading on. This course keeps offline copies of the pages such a search finds: read
[About: Aftenposten](lateral-reading/about-aftenposten.md) and
[Generated author bios](lateral-reading/generated-author-bios.md), then decide what you now know.
Write it down in one sentence: *This page is ... ; the report comes from ... ; to check a quote I
would ...*""",
    ),
    ("code", 'my_stop_note = """\nThis page is ...\n"""'),
    (
        "md",
        """Knowing that the page is a translated copy changes how you read it: wording may be the
translator's (a machine's), not the reporter's, and the bio says nothing about who wrote the report.
Now read the text itself.

## Read it

The example article is an English text about a phone call between Norway's prime minister, Jonas Gahr
Støre, and Russia's president, Vladimir Putin, on 31 March 2022. Read it all once, slowly, before doing
anything else. Lines that start with a dash (–) are quotes, as in Norwegian newspapers.""",
    ),
    (
        "code",
        'print(article.title, "|", article.meta["date"], "|", article.meta["outlet"])\nprint()\nprint(article.body)',
    ),
    (
        "md",
        """## First impressions

Before any tool: note **three things** that struck you (in the cell below, or on paper). Useful starters:
*Who do I hear from? What do I not learn? Which line would I not expect in a news report?*""",
    ),
    ("code", 'my_impressions = """\n1.\n2.\n3.\n"""'),
    ("md", "### Check 1.3\n\nRoughly how long is the article: about 100, 600 or 2000 words?"),
    ("code", 'check("l1.words", "")'),
    ("md", "Now count them: run the next cell and compare with your guess."),
    ("code", 'print("words:", article.words())'),
    (
        "md",
        """## Headline against body

A headline is the article's summary and its advertisement. Put it beside the first line of the body.""",
    ),
    (
        "code",
        'first_line = article.text(*article.sentences[0])\nprint("Headline:  ", article.title)\nprint("First line:", first_line)',
    ),
    ("md", "### Check 1.4\n\nDoes the headline promise something the body does not deliver? `yes` or `no`."),
    ("code", 'check("l1.headline", "")'),
    (
        "md",
        """## What is the page made of?

A news page holds more than the report: headings, quotes, lists, and sometimes things that are not
journalism at all. The figure maps the lines of the example article by their shape (the hatched part is
graded in an exercise and left out here).""",
    ),
    (
        "code",
        """from medialit.exercises.lessons import graded_parts

ax = plots.page_layout(article.paragraphs, article.body, hidden=graded_parts(article))
plots.show(ax)""",
    ),
    (
        "md",
        """### Check 1.5

The last line of the article is a list of traits in quotation marks. Is it part of the news report?
`yes` or `no`.""",
    ),
    ("code", 'check("l1.end", "")'),
    (
        "md",
        """## A first highlight

Mark anything that makes you ask **“who says so?”** with `question`, and anything that seems **out of
place** in a news report with `odd`. There is no key for this: it is your starting point. (The part of
the article that an exercise grades is left out of this highlighter.)""",
    ),
    (
        "code",
        """from medialit import Highlighter
from medialit.exercises.lessons import without_graded

free = without_graded(article)
first = Highlighter(free, labels=["question", "odd"], save_to="lesson01.highlights.json")
first""",
    ),
    (
        "code",
        """marks = first.spans
print(f"You marked {len(marks)} passages.")
for mark in marks:
    print(f"  {mark['label']:>8}: {free.body[mark['start'] : mark['end']]!r}")""",
    ),
    (
        "md",
        """**Discuss or note:** which of your `odd` marks are about *what the text says*, and which about *what
the text is* (where it came from)? Lessons 2 to 4 deal with the first kind, """
        + link(5)
        + """ with the second.""",
    ),
    (
        "md",
        summary(
            [
                "Read first, analyse after: write first impressions down so you can test them later.",
                "The headline matches the first line; what it leaves out (what was said, by whom) is the story.",
                "The page carries things that are not the report; keep them apart from the journalism.",
            ],
            1,
        ),
    ),
]

# ---------------------------------------------------------------- lesson 2

L2 = [
    (
        "md",
        header(
            2,
            "Who is speaking",
            "30",
            [
                "find an attribution's source, cue and content;",
                "tell direct, indirect, mixed and ‘according to’ attributions apart, including dash quotes;",
                "resolve a pronoun speaker to a name;",
                "tell named sources from vague or anonymous ones, and notice whose voice is missing.",
            ],
        ),
    ),
    ("code", setup()),
    (
        "md",
        """## Attribution: three parts

An **attribution** credits content to someone other than the writer. It has three parts:

| part | what it is | example (practice article) |
|---|---|---|
| **source** | the words naming who speaks | *Mayor Ingrid Dahl* |
| **cue** | the word that marks the attribution | *called*, *says*, *added*, *claimed*, *according to* |
| **content** | what is credited to the source | *the vote a turning point for the town* |

and a **kind**:

- **direct**: the speaker's own words, in quotation marks or after a **dialogue dash** (–), as
  Norwegian papers write quotes: `– text, says X.`
- **indirect**: a paraphrase, often “X said that ...”;
- **mixed**: a paraphrase with a quoted fragment: X said the project was “long overdue”;
- **according to**: “According to X, ...”.

We practise on a short **practice article** written for this course (the people and the town are made
up), so that the exercises on the example article stay yours to solve.""",
    ),
    ("code", "print(practice.body)"),
    (
        "md",
        "### Check 2.1\n\n" + CHECK_HELP + "\n\nWho speaks the line that begins with a dash, `– For thirty years ...`?",
    ),
    ("code", 'check("l2.dash", "")'),
    (
        "md",
        """### Check 2.2: pronoun speakers

`– Nobody has asked the people who live by the market, he said.` Who is *he*? A source given as a
pronoun still has a speaker: always write down the full name.""",
    ),
    ("code", 'check("l2.pronoun", "")'),
    (
        "md",
        "### Check 2.3\n\n`Per Haugen claimed the figures were “optimistic”`: direct, indirect, mixed or according_to?",
    ),
    ("code", 'check("l2.mixed", "")'),
    ("md", "### Check 2.4\n\nWhat is the source of the cost figure of 240 million kroner?"),
    ("code", 'check("l2.according", "")'),
    (
        "md",
        """## Named, anonymous and vague sources

First ask **who the text credits** with saying something. People a claim is only *about* (“Many
residents are unhappy”) are not sources, and neither are people who only *act* in the story.

- A **named** source can be checked: a person, an office (“the mayor”), an organisation or a document
  you can look up.
- An **anonymous** source is a particular person or circle the reporter dealt with, whose name is
  withheld: “a senior official”, “sources close to the council”. Good newsrooms (AP's rules are the
  best known) grant anonymity only when the information matters, cannot be had on the record, and
  comes from someone **in a position to know**, and they tell the reader **why** the source is not
  named: “a council official who attended the meeting, who was not authorised to speak publicly”.
  Ask: is a reason given? What puts the source in a position to know? Does anyone on the record
  confirm it? With a position and a reason, the claim counts as attributed; without them, the reader
  has nothing to weigh, and the claim counts as unsupported (lesson 3).
- A **vague** source points at nobody in particular: “experts”, “critics say”, “it is said”. Words
  such as *reportedly* or *it was known* hide the source completely: someone reported it, and the text
  does not say who.

Test: *could the writer tell you exactly who it is?* Already told: named. Withheld: anonymous. Nobody
in particular is meant: vague.

### Check 2.5

List the vague or anonymous sources of the practice article, as a list of strings:
`check("l2.vague", ["...", "..."])`.""",
    ),
    ("code", 'check("l2.vague", [""])'),
    (
        "md",
        """## Whose voice is missing?

A story can quote one side at length and the other not at all. Sometimes the other side was asked and
said nothing: “X did not respond”, “declined to comment”. Such a sentence credits no content, so it is
**not an attribution** and has no cue. The party is still a **source** of the article: when you mark
sources, mark its name. It tells you whose voice is missing. (The newspaper itself is not a source, even
when it names itself: “questions from this newspaper”.)

### Check 2.6

Which named party in the practice article was asked but does not speak?""",
    ),
    ("code", 'check("l2.silent", "")'),
    (
        "md",
        """## The same moves in the example article

The example article writes quotes the Norwegian way, with dashes, and often names Støre only once for
several lines. Print its opening paragraphs (the part up to Støre's bullet points):""",
    ),
    ("code", 'print(article.body[: article.body.index("He also highlighted")])'),
    (
        "md",
        """### Check 2.7

The line `– I provide information about how the world perceives what is happening, and what is
happening on the pitch.` has no speech verb. Who speaks it?""",
    ),
    ("code", 'check("l2.store-dash", "")'),
    ("md", "### Check 2.8\n\n`He stressed that Norway condemns the attack in Ukraine ...`: who is *he*?"),
    ("code", 'check("l2.store-he", "")'),
    (
        "md",
        """### Check 2.9

`Norway’s allies and partners have given signals that they are not completely safe.` Is the source
`named` or `vague`? (*Not completely safe* is a machine-translation slip: """
        + link(5)
        + """ shows what
the Norwegian said. Read it as “not entirely sure”.)""",
    ),
    ("code", 'check("l2.allies", "")'),
    (
        "md",
        """## Activity: link who says what

Marking a source and a cue is half the work: the reader needs to know **which** source goes with
**which** cue, and who the source is. In the highlighter below (the opening of the example article),
first mark each **source** (key 1) and its **cue** (key 2). Then **link** them:

- **keyboard:** put the cursor on the source, press `L`, move with the arrow keys to its cue, press
  `Enter`, then `L` again to finish (`Escape` cancels);
- **mouse:** click the source, click *Link*, click the cue, click *Finish link*; or drag the source's
  tag (its label above the words) onto the cue.

Both marks get the same number (①source ①cue), and the link is listed under the text. There, type the
speaker's **full name**, also where the source is a pronoun such as *He*, and pick the **kind**. In the
dash quotes the cue comes *after* the quote: `– ..., says Støre.` `Ctrl+Z` undoes a link; removing a
mark removes its links.""",
    ),
    (
        "code",
        """from medialit import Highlighter, from_text

opening = from_text("Opening\\n" + article.body[: article.body.index("He also highlighted")])
linker = Highlighter(opening, labels=["source", "cue", "content"], save_to="lesson02-links.highlights.json")
linker""",
    ),
    ("code", 'check_highlights("l2.links", linker, opening)  # ✓, ½ and ? appear in the highlighter too'),
    (
        "md",
        """## Two harder cases

**The attribution chain.** The allies' signals reach the reader through Støre: *This was conveyed by
Prime Minister Jonas Gahr Støre*. A named **relay** passes on what a **vague** source signalled. Both
are attributions: the allies are the source of the first sentence (cue *have given signals*), Støre of
the second (cue *was conveyed by*). The relay makes one thing checkable: that Støre said it. Which ally,
and what exactly it signalled, the reader still cannot check, so the claim itself rests on the vague
source; lesson 3 labels such a claim.

**A quote inside a quote.** In `– I told the minister that the money must come this year, says Dahl.`
(an invented line) there are two attributions: Dahl says the whole line (cue *says*), and inside her
quote she reports her own earlier words (source *I*, cue *told*). The inner one adds no new voice: *I* is
Dahl. Mark it if you see it; the outer attribution is the one that tells the reader who speaks. A quote
that reports *someone else* (“– Someone told me ...”) does bring in a new source.

## Activity: highlight the sources

In the practice article, mark every **source**: the words naming whoever the text credits with saying
something, and any party it says was asked and gave no answer. Then run the check cell. You may also
mark cues and contents for practice; the check looks at sources only.""",
    ),
    (
        "code",
        """from medialit import Highlighter

sources = Highlighter(practice, labels=["source", "cue", "content"], save_to="lesson02.highlights.json")
sources""",
    ),
    (
        "code",
        'check_highlights("l2.sources-activity", sources, practice)  # ✓ and ? appear in the highlighter too',
    ),
    (
        "md",
        """## What the analyzer finds

The analyzer finds attributions with rules: speech verbs, quotation marks, dialogue dashes, “according
to”, and the nearest fitting name for a pronoun. Under the table, each attribution is listed with the
rule that fired. It shows once you have checked your own sources above.""",
    ),
    (
        "code",
        """from medialit.exercises.lessons import compare_with_machine
from medialit.nlp.analysis import analyze

practice_analysis = analyze(practice)
if compare_with_machine("l2.sources-activity"):
    print(practice_analysis.to_table())
    print()
    for found in practice_analysis.attributions:
        print(f"{found.speaker:>30} <- {found.rule}")""",
    ),
    (
        "md",
        """## Who speaks how much

The figure counts attributions per speaker, stacked by kind. First the practice article, then the
example article. Look at the **shape** of the example article's chart: how many voices, and how much
room each one gets? (The figure shows the analyzer's reading, which may contain mistakes. Attributions
in the parts of the example article that the graded exercises cover are left out.)""",
    ),
    ("code", 'if compare_with_machine("l2.sources-activity"):\n    plots.show(plots.speakers(practice_analysis))'),
    (
        "code",
        """from medialit.exercises.lessons import ungraded

example_analysis = analyze(article)
plots.show(plots.speakers(ungraded(example_analysis.attributions, article)))""",
    ),
    (
        "md",
        """**Discuss or note:**

- In the example article, one voice dominates. What does the reader learn only from that voice?
- The call had two sides. How much do you hear from the other one?
- Is an article that gives one side almost all the room necessarily biased? When is it fair?""",
    ),
    (
        "md",
        summary(
            [
                "An attribution has a source, a cue and content, and is direct, indirect, mixed or ‘according to’.",
                "A line opened by a dialogue dash is a direct quote; its speaker is named after it.",
                "Resolve pronouns to names; a document or an organisation can be a source.",
                "Named sources can be checked; anonymous ones only as far as the paper says why they are not "
                "named and what puts them in a position to know; vague ones point at nobody.",
                "A party that did not respond is a source without content: it names a missing voice.",
                "A named relay of vague sources is an attribution chain: you can check the relay, not the origin.",
            ],
            2,
        ),
    ),
]

# ---------------------------------------------------------------- lesson 3

L3 = [
    (
        "md",
        header(
            3,
            "Claims and evidence",
            "35",
            [
                "ask of every sentence: who says so, and how do we know?",
                "label a sentence attributed, unsupported or other;",
                "recognise the four ways a statement goes unsupported: no source, a vague source, a hedge, an "
                "evaluation stated as fact;",
                "check a headline and a number against the body: whose number, rounded or stretched, a share of what.",
            ],
        ),
    ),
    ("code", setup()),
    (
        "md",
        """## Three labels

Every sentence gets one label:

- **attributed**: its claim is credited to a source the reader can weigh (named, or anonymous with a
  reason; see below), by a cue in the sentence or in the sentence just before or after (a quote it
  continues);
- **unsupported**: the paper states, in its own voice, a claim a reader cannot check from the text;
- **other**: background facts a report may simply state (a date, a title, that a meeting took place),
  questions, headings that restate the body, navigation and bylines.

A statement is **unsupported** when

1. it has **no source** and is contested or consequential;
2. its source is **vague** (“it is said”, “signals were given”, “many believe”), even when a named
   person passes it on, or **anonymous** with no word on why it is not named or what puts it in a
   position to know;
3. a **hedge** carries it (“reportedly”, “allegedly”, “is thought to”);
4. it is an **evaluation stated as fact** (“the disastrous plan”), in a headline as much as in the text.

A claim credited to a named **document** is **not** unsupported: one side's report is a reason for
caution, not a missing source.

**Anonymous sources** depend on what the paper tells you. *A council official who attended the meeting,
and who was not authorised to speak publicly, said the vote had been arranged* (an invented line) gives
the source's position and the reason it is not named, as AP's rules ask: attributed. An unnamed source
with neither gives the reader nothing to weigh: unsupported, as with a vague source. Keep this in mind
for *Sources close to the council* in the activity below.

**Relays.** In *Experts have warned that the old bridge is unsafe. This was said by the mayor.* (also
invented) the mayor is a named relay of a vague source. Her sentence is attributed: you can check that
she said it. The first sentence is not: the relay does not tell you which experts, or what they found,
so that claim still rests on a vague source.

When in doubt between unsupported and other, ask: **would a careful editor write “who says so?” in
the margin?**""",
    ),
    (
        "code",
        'for number, (start, end) in enumerate(practice.sentences, 1):\n    print(f"{number:>2}. {practice.body[start:end]}")',
    ),
    (
        "md",
        "### Check 3.1\n\n"
        + CHECK_HELP
        + "\n\nSentence 2: `..., a decision that will cost residents dearly.` attributed, unsupported or other?",
    ),
    ("code", 'check("l3.dearly", "")'),
    (
        "md",
        "### Check 3.2\n\n`The old fish market closed in 2011 and has stood empty since.` attributed, unsupported or other?",
    ),
    ("code", 'check("l3.fishmarket", "")'),
    ("md", "### Check 3.3\n\n`Many residents are reportedly unhappy with the plan.` attributed, unsupported or other?"),
    ("code", 'check("l3.reportedly", "")'),
    ("md", "### Check 3.4\n\nThe sentence with the 240 million kroner figure: attributed, unsupported or other?"),
    ("code", 'check("l3.cost", "")'),
    (
        "md",
        """### Check 3.5: the example article

`Norway’s allies and partners have given signals that they are not completely safe.` attributed,
unsupported or other? Read the sentence after it too, then ask whose claim it is. (*Not completely
safe* is a translation slip for “not entirely sure”; the label does not depend on it.)""",
    ),
    ("code", 'check("l3.allies", "")'),
    (
        "md",
        """## Activity: label the sentences

The highlighter below works **by sentence**: click a sentence, then pick its label. Label every
sentence of the practice article; the check looks at the ones you mark `unsupported`.""",
    ),
    (
        "code",
        """from medialit import Highlighter

claims = Highlighter(practice, labels=["attributed", "unsupported", "other"], mode="sentences",
                     save_to="lesson03.highlights.json")
claims""",
    ),
    (
        "code",
        'check_highlights("l3.sentences-activity", claims, practice)  # ✓ and ? appear in the highlighter too',
    ),
    (
        "md",
        """## A map of the sentences

The analyzer labels sentences too, and says why. The map puts every sentence at its place in the
article: where do the unsupported ones cluster? First the practice article, then the example article.
Remember that the analyzer can be wrong: use the map to decide where to **look**, not what to think.
The hatched part of the example article is what the graded exercise covers: its sentences are left out.""",
    ),
    (
        "code",
        """from medialit.exercises.lessons import compare_with_machine
from medialit.nlp.analysis import analyze

practice_analysis = analyze(practice)
if compare_with_machine("l3.sentences-activity"):
    plots.show(plots.sentence_map(practice_analysis.sentences, practice.body))""",
    ),
    (
        "code",
        """if compare_with_machine("l3.sentences-activity"):
    for sentence in practice_analysis.sentences:
        if sentence.label == "unsupported":
            print(f"{practice.body[sentence.start:sentence.end]!r}\\n   why: {'; '.join(sentence.reasons)}")""",
    ),
    (
        "md",
        """**The analyzer can be wrong.** Hold its list against your answers to checks 3.3 and 3.4 and the
activity. If it calls the cost-report sentence unsupported (“vague source”), who is right? Lesson 2
showed that a named document is a source. A disagreement is a question to settle with the rules, not a
verdict; """
        + link(6)
        + """ goes through the machine's mistakes one by one.""",
    ),
    (
        "code",
        """from medialit.exercises.lessons import graded_parts, ungraded

example_analysis = analyze(article)
shown = ungraded(example_analysis.sentences, article)
plots.show(plots.sentence_map(shown, article.body, hidden=graded_parts(article)))""",
    ),
    (
        "md",
        """**Discuss or note** (example article, outside the hatched part):

- The example article's second line asks a question. Why does a question count as `other`? What does
  the question do to a reader anyway?
- Find a sentence outside the hatched part where you would write “how do we know?” in the margin, and
  say which of the four reasons applies.""",
    ),
    (
        "md",
        """## Headlines and numbers

Many readers see only the headline and the subheads, and remember only the figures. Both are the
paper's own voice, written last and shortest, and both can say more than the body does.

**A subhead without its speaker.** Run the next cell: it prints a subhead of the example article and
the sentence of the body that it sums up.""",
    ),
    (
        "code",
        """subhead = "Condemn Russia’s war crimes"
body_line = next(article.text(s, e) for s, e in article.sentences if article.text(s, e).startswith("He stressed"))
print("Subhead:  ", subhead)
print("Body:     ", body_line)""",
    ),
    (
        "md",
        """### Check 3.6

Read alone, the subhead sounds like an order, or like the paper's own verdict. According to the body,
who condemns? Give a name.""",
    ),
    ("code", 'check("l3.subhead", "")'),
    (
        "md",
        """The subhead restates the body, so by the guidelines it is labelled `other` like any heading that
restates the body (K8). The reading lesson is different: a headline is not a quote. Before you repeat
a headline, find the sentence of the body it sums up and see **who** says it there. (The Norwegian
original probably read “Condemns ...”, with the subject left out as headlines do; the translation
turned it into an order.)

**Three questions for every number.**

1. **Whose number is it?** Who counted, and does the text say?
2. **Rounded or stretched?** *About half* is not a sum in kroner; *up to 25 percent* is a ceiling, not
   what most people pay; *nearly* and *more than* point in opposite directions.
3. **A share of what?** *62 percent* means nothing until you know of whom, or of what total.

The example article's refugee figure comes in a quote: *– The situation with four million refugees in
five weeks speaks volumes about what kind of war this is, says Støre.*""",
    ),
    ("md", "### Check 3.7\n\nWhose figure is *four million refugees*, as the text gives it? Give a name."),
    ("code", 'check("l3.refugees", "")'),
    (
        "md",
        """**Four headlines for one body.** The practice article says: *According to the council’s own cost
report, the terminal will cost 240 million kroner, of which the state will pay about half.* Here are
four headlines a sub-editor might write over it. (Teaching copy: written for this lesson, like the
practice article.)

- **A.** State pays 120 million for new ferry terminal
- **B.** Ferry terminal to cost up to 240 million
- **C.** Terminal: state pays 50 percent
- **D.** Cost report: terminal 240 million, state to pay about half

### Check 3.8

Which headline says no more than the body supports: `A`, `B`, `C` or `D`?""",
    ),
    ("code", 'check("l3.numbers", "")'),
    (
        "md",
        summary(
            [
                "Ask of every sentence: who says so, and how do we know?",
                "Unsupported: no source, a vague source (even one a named relay passes on), an anonymous source "
                "with no reason given, a hedge, or an evaluation stated as fact.",
                "Public, uncontested background is `other`; so are questions, headings and page furniture.",
                "The analyzer's map shows where to look; you decide.",
                "A headline is not a quote: find the body sentence it sums up and who says it there. Ask of "
                "every number whose it is, whether it was rounded or stretched, and what it is a share of.",
            ],
            3,
        ),
    ),
]

# ---------------------------------------------------------------- lesson 4

L4 = [
    (
        "md",
        header(
            4,
            "Framing",
            "40",
            [
                "find loaded and evaluative words, intensifiers, hedges and scare quotes;",
                "tell a neutral speech verb (‘said’) from one that judges (‘claimed’, ‘admitted’);",
                "separate the paper's framing from the framing inside a quote;",
                "say what a headline and first lines put forward;",
                "tell news, opinion and advertising apart by their cues, also when an advert dresses as news.",
            ],
        ),
    ),
    ("code", setup()),
    ("md", "## The categories\n\nThe kit uses six kinds of framing cue:"),
    (
        "code",
        """from medialit.nlp.framing import FRAMING_CATEGORIES

for name, meaning in FRAMING_CATEGORIES:
    print(f"{name:>12}: {meaning}")""",
    ),
    (
        "md",
        """## Speech verbs that judge

Compare: *Dahl says the terminal will open in 2028* and *Haugen claimed the figures were optimistic*.
“Says” reports; “claimed” hints the statement may be false. Other judging verbs: *admitted* (suggests
guilt), *insisted* (suggests resistance), *conceded*, *alleged*. Some verbs lend weight instead:
*warned*, *stressed*, *revealed* tell the reader to take the words seriously. The speech verb is always
the paper's choice, even when the words after it are a quote. Giving one side “says” and the other
“claimed” frames the story without a single opinion word.""",
    ),
    ("code", "print(practice.body)"),
    (
        "md",
        "### Check 4.1\n\n"
        + CHECK_HELP
        + "\n\nThe mayor `says`; the opposition leader `claimed`. Which verb casts doubt?",
    ),
    ("code", 'check("l4.verbs", "")'),
    (
        "md",
        "### Check 4.2\n\nWhich word is in **scare quotes**: quotation marks that signal doubt rather than quote anyone?",
    ),
    ("code", 'check("l4.scare", "")'),
    (
        "md",
        """### Check 4.3: headline and first lines

Readers often read only the headline and the first lines. The headline says *after heated debate*.
Does the body describe the debate itself? `yes` or `no`.""",
    ),
    ("code", 'check("l4.headline", "")'),
    (
        "md",
        "### Check 4.4\n\n`– For thirty years we have talked about this. Now we are finally doing it, says Dahl.` Is *finally* the newspaper's framing? `yes` or `no`.",
    ),
    ("code", 'check("l4.finally", "")'),
    (
        "md",
        """## Own voice and quoted framing

A framing word belongs to whoever speaks the words it stands in. In the paper's **own voice** it is the
paper's framing. Inside a **quote**, or in what a source is credited with in a **paraphrase** (“said
the plan would surely fail”), it is the speaker's framing, reported: still framing, but it tells
you about the speaker. The paper frames through quotes in another way: by **choosing** whom to quote,
how much, and whether anyone answers. A war metaphor quoted at length, with no reply, shapes a report
even though every word of it is a quote.

## Activity: mark the framing

Mark framing cues **in the paper's own voice** in the practice article, with the four labels below.
A scare quote includes the word that introduces it; a word that inflates or belittles (*fierce*,
*merely*) is evaluative.""",
    ),
    (
        "code",
        """from medialit import Highlighter

framing = Highlighter(practice, labels=["loaded", "evaluative", "scare_quote", "speech_verb"],
                      save_to="lesson04.highlights.json")
framing""",
    ),
    ("code", 'check_highlights("l4.framing-activity", framing, practice)  # ✓ and ? appear in the highlighter too'),
    (
        "md",
        """## Where the framing sits

The analyzer marks framing cues and says whether a cue sits inside a quotation (the speaker's words) or
in the paper's own voice. The figure places every cue by category and position; the shaded band is
the headline and first lines. First the practice article, then the example article (the part a graded
exercise covers is hatched and left out).""",
    ),
    (
        "code",
        """from medialit.exercises.lessons import compare_with_machine
from medialit.nlp.analysis import analyze

practice_analysis = analyze(practice)
if compare_with_machine("l4.framing-activity"):
    plots.show(plots.framing_positions(practice_analysis.framing, practice.body))
    for cue in practice_analysis.framing:
        print(f"{cue.label:>12}: {practice.body[cue.start:cue.end]!r:28} {'; '.join(cue.reasons[:1])}")""",
    ),
    (
        "code",
        """from medialit.exercises.lessons import graded_parts, ungraded

example_analysis = analyze(article)
shown = ungraded(example_analysis.framing, article)
plots.show(plots.framing_positions(shown, article.body, hidden=graded_parts(article)))""",
    ),
    (
        "md",
        """**Discuss or note** (example article):

- The second line of the example article asks how much Putin *actually* got. What does *actually*
  suggest? The view comes from the next two sentences (the allies' signals, passed on by Støre): what
  changes when the paper turns a source's view into its own question, before the reader learns whose
  view it is?
- In the first half of the example article, Støre *told*, *highlighted*, *stressed* and *says*. Do any
  of these verbs judge him? Would *claimed* change how you read him?
- What does the first line of the example article put forward, and what does it leave for later?""",
    ),
    (
        "md",
        """## News, opinion, advertising

A page mixes kinds of text that ask for different trust. **News** reports what happened and credits
views to sources. **Opinion** argues a view in its author's own voice: fair to publish, as long as it
is labelled. **Advertising** sells, and is paid for; the tricky kind looks like news (*advertorial*,
*sponsored content*). The label is not always there, so read the **cues**:

| cue | news | opinion | advertising |
|---|---|---|---|
| whose voice | the paper's, neutral; views credited to sources | the author's own: *I*, *we*, *our* | the seller's, speaking to *you* |
| typical words | said, according to, dates, places, numbers with sources | should, must, evaluations as the point | buy, visit, today, prices, offers, superlatives without a source |
| what it wants | you to know | you to agree | you to act (buy, visit, sign up) |
| label | section, dateline, byline | *Opinion*, *Comment*, a named columnist, a speech | *Sponsored*, *Advertisement*, *Paid partnership*, a brand's name |

Four short passages. **A** is done for you; decide **B**, **C** and **D**.

**A.** *Taipei, Taiwan — The Taipei City Lantern Festival was off to a bright start on Saturday Night as
hundreds of thousands of people crowded onto the Chiang Kai Shek Memorial near downtown Taipei to witness
city mayor Hau Lung-bin and other dignitaries ceremoniously flip the switch to light hundreds of colorful
lantern scenes in and around the 240,000 square meter memorial park.* (Wikinews, “Lantern Festival in
Taipei lights up the night”, 5 March 2007, CC BY 2.5.)
News: a dateline, who, what, when and where, in the reporter's voice. (*A bright start* colours it a
little: news can carry framing, lesson 4's subject.)

**B.** *In this present crisis, government is not the solution to our problem; government is the
problem. ... All of us together, in and out of government, must bear the burden.* (Ronald Reagan,
inaugural address, 20 January 1981; public domain.)

**C.** *Spring sale at Lindvik Bokhandel! Every paperback 99 kroner, today only. Visit us on
Storgata 4 and bring this page for a free bookmark.* (Teaching copy, written for this lesson.)

**D.** *SPONSORED · Five reasons experts say Nordlys vitamin drops are changing Norwegian winters.
Thousands of families have already made the switch. Order your first bottle at half price this week.*
(Teaching copy, written for this lesson.)""",
    ),
    ("md", "### Check 4.5\n\nPassage **B** is `news`, `opinion` or `advertising`?"),
    ("code", 'check("l4.kind-b", "")'),
    ("md", "### Check 4.6\n\nPassage **C** is `news`, `opinion` or `advertising`?"),
    ("code", 'check("l4.kind-c", "")'),
    ("md", "### Check 4.7\n\nPassage **D** looks like a news headline. Is it `news`, `opinion` or `advertising`?"),
    ("code", 'check("l4.kind-d", "")'),
    (
        "md",
        """**Opinion inside news.** A news report can slip into opinion in its own voice: a sentence that
judges (*the long-overdue decision*), tells the reader what should happen, or predicts as certain what
nobody can know yet. That is the same thing as lesson 3's *evaluation stated as fact* (guidelines K9,
K14). A view that the report credits to someone (*X said the plan was a mistake*) is that source's
opinion, reported: it is news. In the practice article, which sentence gives the paper's own opinion of
the vote's cost?""",
    ),
    ("md", "### Check 4.8\n\nGive the first three words of that sentence."),
    ("code", 'check("l4.opinion-sentence", "")'),
    (
        "md",
        summary(
            [
                "Framing works through word choice: loaded and evaluative words, intensifiers, hedges, scare quotes.",
                "‘Said’ reports; ‘claimed’, ‘admitted’, ‘insisted’ judge. Watch for one side getting the judging verbs.",
                "Words inside a quote or paraphrase are the speaker's framing, reported; the paper frames with its "
                "own words, its speech verbs and its choice of quotes.",
                "The headline and first lines frame everything after them.",
                "News reports and credits views; opinion argues in its own voice; advertising sells. Read the "
                "cues (voice, words, what it wants, label), above all when an advert is dressed as news.",
            ],
            4,
        ),
    ),
]

# ---------------------------------------------------------------- lesson 5

L5 = [
    (
        "md",
        header(
            5,
            "Where did this text come from?",
            "45",
            [
                "spot signs that a text is a copy: a generated author bio, scraped page furniture, machine "
                "translation;",
                "check dates and days against each other;",
                "read laterally: leave the page to find out about its source;",
                "use SIFT's four moves;",
                "weigh the sources inside a story with IMVAIN, and say when a story rests on one source.",
            ],
        ),
    ),
    ("code", setup(draws=False)),
    (
        "md",
        """## The bio

Look at the last line of the example article.""",
    ),
    ("code", "print(article.body[article.paragraphs[-1].start :])"),
    (
        "md",
        """Read the offline page [generated author bios](lateral-reading/generated-author-bios.md) (it opens in a
new tab).

### Check 5.1

"""
        + CHECK_HELP
        + """

Is the last line a real description of the journalist who wrote the report? `yes` or `no`.""",
    ),
    ("code", 'check("l5.bio", "")'),
    (
        "md",
        """## Machine translation

Støre spoke Norwegian. Read this quote from the example article:

> – I provide information about how the world perceives what is happening, and what is happening on the pitch.

### Check 5.2

What did he most likely mean by “on the pitch”? Then read the offline page
[translation notes](lateral-reading/translation-notes.md): it explains other odd words in the
example article too.""",
    ),
    ("code", 'check("l5.pitch", "")'),
    (
        "md",
        """### Check 5.3: the slip that changes a claim

The article's third sentence reads: *Norway’s allies and partners have given signals that they are not
completely safe.* After a question about how much Putin has understood, “safe” makes little sense. The
Norwegian was most likely *ikke helt sikre*. Which English word fits: `safe` or `sure`?""",
    ),
    ("code", 'check("l5.sure", "")'),
    (
        "md",
        """A translation slip matters for attribution: a **direct quote in a translated copy is not the speaker's
own words**. Treat it as a paraphrase until you have seen the original.

## Scraped page furniture

Copying a web page's text often copies its navigation too: related-story links, newsletter boxes,
sign-up buttons. Look at the end of the practice article first: **“Read also”** followed by a headline
is a related-story link that lost its link when the text was copied. Then look at the example article.""",
    ),
    (
        "code",
        """after_quotes = article.body.index("The Prime Minister was also asked")
for block in article.paragraphs:
    if block.start >= after_quotes:
        print(f"{block.kind:>8} | {article.body[block.start : block.end][:90]}")""",
    ),
    (
        "md",
        "### Check 5.4\n\nAfter Støre's last quote, which lines of the example article are scraped page furniture "
        "rather than the report (apart from the bio)? Answer with a list of strings.",
    ),
    ("code", 'check("l5.boilerplate", [""])'),
    (
        "md",
        """## Dates

The front matter says 31 March 2022. The text says “on Thursday” and “five weeks” of war. Do they agree?
Python can tell you the weekday of any date.""",
    ),
    (
        "code",
        """import datetime

published = datetime.date.fromisoformat(str(article.meta["date"]))
invasion = datetime.date(2022, 2, 24)  # Russia's full-scale invasion of Ukraine
print("published on a", published.strftime("%A"))
print("days of war:", (published - invasion).days, "= about", (published - invasion).days // 7, "weeks")""",
    ),
    (
        "md",
        """The days agree with the text, and “more than a month of war” and “five weeks” fit 31 March 2022. See
[calendar check](lateral-reading/calendar-check.md). A copy that shows no date of its own can make an
old report look new: always find out **when** as well as **who**.

## Lateral reading

Fact-checkers do not read a doubtful page more closely; they **leave it** and read what others say
about its source. The kit ships offline teaching copies of the pages you would open:
[the list](lateral-reading/README.md).

### Check 5.5

The article names the Norwegian newspaper that did the reporting. Which one?""",
    ),
    ("code", 'check("l5.outlet", "")'),
    (
        "md",
        """Now read about the paper you found, [in the teaching copy](lateral-reading/about-aftenposten.md), and
[what the original report probably looked like](lateral-reading/original-report.md).""",
    ),
    (
        "md",
        """## SIFT

Read [SIFT: four moves](lateral-reading/sift.md).

### Check 5.6

Name SIFT's four moves, as a list of four strings.""",
    ),
    ("code", 'check("l5.sift", ["", "", "", ""])'),
    (
        "md",
        """## Weighing the sources inside the story: IMVAIN

SIFT asks where a *page* came from. Once you trust the page, the next question is about the *sources
it quotes*. Journalism courses (Stony Brook University's News Literacy course among them) weigh each
source with five questions, remembered as **IMVAIN**:

| letter | question | a strong source |
|---|---|---|
| **I**ndependent | Does the source gain or lose by what it says? | has no stake in the story |
| **M**ultiple | Does more than one source say it? | confirmed by others who do not depend on each other |
| **V**erifies | Does the source know it first hand, or show how it knows? | saw it, did it, or gives the evidence |
| **A**uthoritative / **I**nformed | Is it in a position to know about this topic? | an expert or an insider on this very point |
| **N**amed | Can the reader tell who it is? | named, not vague or anonymous |

A source rarely passes all five, and that is fine: the point is to say **which** it passes, for
**which** claim. Start from the source marks: mark every source in the free part of the example article
as `named` or `vague` (lesson 2's kinds), then run the cell under the highlighter.""",
    ),
    (
        "code",
        """from medialit import Highlighter
from medialit.exercises.lessons import without_graded

free = without_graded(article)
weigh = Highlighter(free, labels=["named", "vague"], save_to="lesson05-imvain.highlights.json")
weigh""",
    ),
    (
        "code",
        """# Your source marks, grouped: which voices does the story rest on?
voices: dict[str, list[str]] = {}
for mark in weigh.spans:
    voices.setdefault(mark["label"], []).append(free.body[mark["start"] : mark["end"]])
for label in ("named", "vague"):
    print(f"{label:>6}: {', '.join(voices.get(label, [])) or '(none marked yet)'}")
print()
print("For each voice, write I, M, V, A, N or a dash in the cell below; then answer the checks.")""",
    ),
    ("code", 'my_imvain = {\n    "Støre": "I? M? V? A? N?",\n    "Norway’s allies and partners": "I? M? V? A? N?",\n}'),
    (
        "md",
        """### Check 5.7

Apart from Støre (also called *He* and *the Prime Minister*), how many sources in the free part tell
the reader what was said in the call: `0`, `1` or `2`?""",
    ),
    ("code", 'check("l5.imvain-multiple", "")'),
    ("md", "### Check 5.8\n\nIs Støre an **independent** source on how his own call with Putin went? `yes` or `no`."),
    ("code", 'check("l5.imvain-independent", "")'),
    (
        "md",
        """### Check 5.9

As a source on **what Norway's prime minister said to Putin**, which letters of IMVAIN does Støre pass?
Give a list of letters, e.g. `["I", "M"]`.""",
    ),
    ("code", 'check("l5.imvain-letters", [])'),
    (
        "md",
        """**Say it in one sentence.** The example article is a **single-source story**: a report of one
politician's press conference about his own phone call. That is normal news, and honest about itself
(it says where Støre spoke); but it is one side's account. Better coverage (SIFT's F) would add the
other party to the call, or someone who can check it, such as the record of the call or a second
participant. Note which IMVAIN letter a second source would add.""",
    ),
    (
        "md",
        """## Activity: mark the provenance clues

Mark every clue about **where this text came from** in the example article: `translation` for words
that read like a machine translation, `scraped` for page furniture, `bio` for the generated bio.
Then run the check cell under it: your marks get ✓ and ? in the highlighter. (The part that an exercise
grades is left out of this highlighter.)""",
    ),
    (
        "code",
        """from medialit import Highlighter
from medialit.exercises.lessons import without_graded

free = without_graded(article)
provenance = Highlighter(free, labels=["translation", "scraped", "bio"], save_to="lesson05.highlights.json")
provenance""",
    ),
    ("code", 'check_highlights("l5.provenance-activity", provenance, free)  # ✓ and ? appear in the highlighter too'),
    (
        "md",
        """**Discuss or note:**

- The page is a translated, scraped copy with a fake author. Does that make the report false? What
  does it change about how you may quote it?
- Apply SIFT to the example article: what would you do at each step, with and without internet?""",
    ),
    (
        "md",
        summary(
            [
                "A generated bio, copied page furniture and translation slips show a text is a republication.",
                "In a translated copy, direct quotes are not the speaker's own words.",
                "Check days and dates against each other; find out when a text was written.",
                "Read laterally and use SIFT: Stop, Investigate the source, Find better coverage, Trace to the original.",
                "Weigh each source with IMVAIN for each claim; a story built on one source's press conference is "
                "one side's account.",
            ],
            5,
        ),
    ),
]

# ---------------------------------------------------------------- lesson 6

L6 = [
    (
        "md",
        header(
            6,
            "Human against machine",
            "25",
            [
                "put your highlights beside the analyzer's and count where you agree;",
                "explain, for each disagreement, who is right and why;",
                "name the kinds of mistake a rule-based analyzer makes.",
            ],
        ),
    ),
    (
        "code",
        setup(
            False, ("from medialit.nlp.analysis import analyze", "from medialit.exercises.scoring import count, match")
        ),
    ),
    (
        "md",
        """## Your sources beside the machine's

Mark the **sources** in the practice article again (or keep your marks from """
        + link(2)
        + """: the highlighter starts from `lesson02.highlights.json` and only reads it; what you
change here is saved to `lesson06.highlights.json`). Then tick *show analyzer* in the widget to see the
analyzer's marks beside yours.""",
    ),
    (
        "code",
        """from medialit import Highlighter

mine = Highlighter(
    practice,
    labels=["source", "cue", "content"],
    save_to="lesson06.highlights.json",
    start_from="lesson02.highlights.json",
)
machine = analyze(practice)
machine_sources = sorted({a.source for a in machine.attributions})  # one mark per source, as you would mark
mine.show_machine_layer(machine_sources)  # tick "show analyzer" in the widget to see them
mine""",
    ),
    (
        "code",
        """from medialit.core.spans import Span

my_sources = [Span.from_dict(m) for m in mine.spans if m["label"] == "source"]
pairs = match(my_sources, machine_sources)  # the machine's marks take the place of a key
tally = count(pairs)
if not my_sources:
    print("You have not marked any sources yet: mark them above and run this cell again.")
else:
    print(f"both marked: {tally.tp}   only the machine: {tally.fn}   only you: {tally.fp}")
    for pair in pairs:
        span = pair.key or pair.answer
        who = {"correct": "both", "missed": "only machine", "extra": "only you"}[pair.status]
        print(f"  {who:>12}: {practice.body[span.start : span.end]!r}")""",
    ),
    (
        "md",
        """For each line marked *only you* or *only machine*, decide who is right. Use the rule the analyzer gives
for each of its attributions:""",
    ),
    ("code", "print(machine.to_table())"),
    (
        "md",
        """## Typical machine mistakes

Rule-based analyzers fail in predictable ways. Check 6.1 and 6.2 are about two of them.

### Check 6.1

"""
        + CHECK_HELP
        + """

A program links a quote to the nearest name before it. Would it get this one right?

`Opposition leader Per Haugen met Mayor Ingrid Dahl after the vote. – We will take this to court, he said.`

`yes` or `no`. (In the practice article the same rule happens to get `– Nobody has asked ..., he said.`
right: that is why it is easy to trust.)""",
    ),
    ("code", 'check("l6.pronoun", "")'),
    ("md", "### Check 6.2\n\nCan a word list tell a scare quote from a real quotation of one word? `yes` or `no`."),
    ("code", 'check("l6.irony", "")'),
    (
        "md",
        """## The machine against the lesson 3 key

In """
        + link(3)
        + """ you marked the unsupported sentences of the practice article. Here the analyzer's
unsupported sentences are set against that lesson's key. For each disagreement: who is right, and which
rule misled the machine (its reason is printed)?""",
    ),
    (
        "code",
        """from medialit.exercises.lessons import key_spans

key = key_spans("l3.sentences-activity", practice)
flagged = [s for s in machine.sentences if s.label == "unsupported"]
for pair in match(flagged, key):
    span = pair.key or pair.answer
    text = practice.body[span.start : span.end]
    if pair.status == "extra":
        print(f"machine only: {text!r}\\n   machine's reason: {'; '.join(pair.answer.reasons[:1])}")
    elif pair.status == "missed":
        print(f"key only:     {text!r}")
print(f"agree on {count(match(flagged, key)).tp} of {len(key)} unsupported sentences")""",
    ),
    (
        "md",
        """## The machine on the page furniture

The analyzer reads every line as journalism. How does it treat the newsletter box and the bio you found in """
        + link(5)
        + """, which are not journalism at all?""",
    ),
    (
        "code",
        """example = analyze(article)
tail_start = article.body.index("The most important thing about")  # the newsletter box and the bio
for sentence in example.sentences:
    if sentence.start >= tail_start:
        text = article.body[sentence.start:sentence.end]
        print(f"{sentence.label:>11}: {text[:70]!r}")
for cue in example.framing:
    if cue.start >= tail_start:
        print(f"  framing {cue.label}: {article.body[cue.start:cue.end]!r}")""",
    ),
    (
        "md",
        """**Discuss or note:**

- The bio is in quotation marks. Did the analyzer treat it as a quote? Why would it?
- The analyzer does not know the text was machine-translated. Which of its results would you trust
  less because of that?
- Where was the machine better than you (faster, more consistent, nothing overlooked)?""",
    ),
    (
        "md",
        summary(
            [
                "Compare item by item: both, only you, only the machine; then decide who is right.",
                "Rules fail on pronouns with several candidates, on irony and scare quotes, and on text that is "
                "not journalism (bios, navigation).",
                "The machine is consistent and fast; you know what the text is. Use it to look, not to judge.",
            ],
            6,
        ),
    ),
]

# ---------------------------------------------------------------- lesson 7

L7 = [
    (
        "md",
        header(
            7,
            "Your own article",
            "20 to 30",
            [
                "load an article from a file, or paste one in;",
                "analyse it and read the analyzer's tables and figures critically;",
                "highlight it yourself and export both your marks and the analysis.",
            ],
        ),
    ),
    (
        "md",
        """## 1. Get the text in

**Option A, a file.** Put a `.md` or `.txt` file in this folder (drag it into the file browser) and
write its name below. A plain-text file's first line is its headline. The cell starts with the
practice article so that it runs as it is.

**Option B, paste.** Paste the text between the triple quotes in the cell after, and set `USE_PASTED = True`.""",
    ),
    (
        "code",
        """from medialit import ArticleError, from_text, load_article
from medialit.exercises import plots

ARTICLE_FILE = "articles/ferry-terminal-vote.md"  # your file name here
try:
    mine = load_article(ARTICLE_FILE)
    print("Loaded:", mine.title, f"({mine.words()} words)")
except ArticleError as problem:
    print(problem)
    mine = load_article("articles/ferry-terminal-vote.md")
    print("Using the practice article until the file above loads.")""",
    ),
    (
        "code",
        '''USE_PASTED = False
PASTED = """Paste your article here. The first line is taken as the headline.

Then the body, one paragraph per line.
"""
PLACEHOLDER = "Paste your article here."
if USE_PASTED and PASTED.strip().startswith(PLACEHOLDER):
    print("PASTED still holds the example text: paste your article between the triple quotes.")
    print("(Keeping the article loaded above.)")
elif USE_PASTED:
    try:
        mine = from_text(PASTED)
        print("Using the pasted text:", mine.title)
    except ArticleError as problem:
        print(problem, "(keeping the article loaded above)")''',
    ),
    (
        "md",
        "### Check 7.1\n\n"
        + CHECK_HELP
        + "\n\nWhen you paste text, which line becomes the headline: `first` or `last`?",
    ),
    (
        "code",
        'from medialit.exercises.lessons import check, reveal  # noqa: F401 (yours to call)\n\ncheck("l7.headline", "")',
    ),
    (
        "md",
        """## 2. Analyse

Read the tables with the lessons in mind: are the speakers resolved correctly? Are unsupported sentences
really unsupported? Is each framing cue in the paper's voice?""",
    ),
    ("code", "from medialit.nlp.analysis import analyze\n\nresult = analyze(mine)\nprint(result.to_table())"),
    ("code", "plots.show(plots.speakers(result))"),
    ("code", "plots.show(plots.sentence_map(result.sentences, mine.body))"),
    ("code", "plots.show(plots.framing_positions(result.framing, mine.body))"),
    (
        "md",
        """## 3. Highlight it yourself

Mark sources, unsupported claims and framing cues. Tick *show analyzer* when you want to compare with the
analyzer's marks.""",
    ),
    (
        "code",
        """from medialit import Highlighter

own = Highlighter(mine, labels=["source", "unsupported", "loaded", "speech_verb", "hedge"],
                  save_to="lesson07.highlights.json")
own.show_machine_layer(result)  # hidden until you tick "show analyzer": mark first, then compare
own""",
    ),
    (
        "md",
        """## 4. Export

Your marks are already in `lesson07.highlights.json`. The next cell also writes your marks in two
standard formats (the kit's gold format, and W3C Web Annotation for annotation tools), the analysis as
JSON (the same format as the answer keys) and the figures as PNG files with their alt text beside them.""",
    ),
    (
        "code",
        """import json
from pathlib import Path

import matplotlib.pyplot as plt

out = Path("my-article")
out.mkdir(exist_ok=True)
(out / "analysis.json").write_text(json.dumps(result.to_json(), ensure_ascii=False, indent=1), encoding="utf-8")
(out / "my-marks.gold.json").write_text(json.dumps(own.to_gold(), ensure_ascii=False, indent=1), encoding="utf-8")
(out / "my-marks.annotations.json").write_text(
    json.dumps(own.to_web_annotation(), ensure_ascii=False, indent=1), encoding="utf-8"
)
plots.save(plots.speakers(result), str(out / "speakers.png"))
plots.save(plots.sentence_map(result.sentences, mine.body), str(out / "sentences.png"))
plots.save(plots.framing_positions(result.framing, mine.body), str(out / "framing.png"))
plt.close("all")
print("Written:", ", ".join(sorted(p.name for p in out.iterdir())))""",
    ),
    (
        "md",
        """**Report back** (a paragraph, for yourself or the class): who speaks in your article and who does not;
two claims you would ask “how do we know?” about; one framing choice; one thing the analyzer got wrong;
and where the text came from.""",
    ),
    (
        "md",
        summary(
            [
                "Any text can be loaded from a file or pasted; a bad file gets a one-line explanation.",
                "Analyse, then read the results critically: the analyzer is a second reader, not a judge.",
                "Your marks are saved as you work; the analysis and figures export to files.",
            ],
            7,
        ),
    ),
]

# ---------------------------------------------------------------- lesson 8

L8 = [
    (
        "md",
        header(
            8,
            "Images and generated content",
            "30",
            [
                "test a caption against what a picture actually shows;",
                "explain reverse image search as a move, and what its results tell you;",
                "read an image's metadata, and say why it proves little on its own;",
                "say what content credentials (C2PA) are, and what a missing credential does not prove;",
                "weigh the signs of a generated image against evidence about where it came from.",
            ],
        ),
    ),
    (
        "md",
        """## A picture and two captions

Every picture in this lesson is made here, in code, so that nothing is borrowed and you can see how
little it takes to make one. Run the cell: it draws a scene of a ferry at a quay with a crowd.""",
    ),
    (
        "code",
        """import matplotlib.pyplot as plt
from matplotlib.patches import Circle, Polygon, Rectangle

from medialit.exercises import plots
from medialit.exercises.lessons import check, hint, reveal  # noqa: F401 (yours to call)

fig, ax = plt.subplots(figsize=(6, 3.2))
ax.add_patch(Rectangle((0, 0), 100, 30, color="#4a7fb5"))  # sea
ax.add_patch(Rectangle((0, 30), 100, 30, color="#d9e6f2"))  # sky
ax.add_patch(Rectangle((55, 22), 45, 10, color="#8c8c8c"))  # quay
ax.add_patch(Polygon([(10, 22), (45, 22), (40, 14), (14, 14)], color="#f2f2f2", ec="black"))  # hull
ax.add_patch(Rectangle((20, 22), 16, 7, color="#c0392b"))  # deck house
for i in range(24):  # the crowd on the quay
    ax.add_patch(Circle((58 + (i % 12) * 3.4, 34 + (i // 12) * 3), 1.1, color="black"))
ax.set_xlim(0, 100)
ax.set_ylim(0, 60)
plots.finish(
    ax,
    title="A ferry at a quay (drawn for this lesson)",
    xlabel="width (picture units)",
    ylabel="height (picture units)",
    alt="Drawing: a white ferry with a red deck house on blue water, left; a grey quay, right, with 24 "
    "black dots standing on it in two rows: a crowd. Nothing shows what the crowd is doing or when.",
)
picture = ax
plots.show(picture)""",
    ),
    (
        "md",
        """Two captions that a page could put under this picture:

- **1.** *Cheering crowds greet the first ferry at Vesterhavn's new terminal.*
- **2.** *Angry residents try to stop the ferry from docking.*

### Check 8.1

Does the picture itself show whether the crowd is cheering or protesting? `yes` or `no`.""",
    ),
    ("code", 'check("l8.caption", "")'),
    (
        "md",
        """A caption is a claim, like any sentence: the picture rarely proves it. The commonest false image
online is not a fake picture but a **real picture with a false caption**: an old photo, another place, a
different event. So ask of a caption what lesson 3 asks of a sentence: who says so, and how do we know?

## Reverse image search: where else has this picture been?

A reverse image search takes a picture instead of words and finds other copies of it on the web
(Google Lens, Bing Visual Search, TinEye, Yandex). It is SIFT's *Trace* for pictures. The move:

1. Save the picture, or copy its address, and search with it (crop to the main subject if the whole
   picture finds nothing).
2. Sort the results by **date**: the earliest copy is the best lead to the original.
3. Read the **original caption**: who took it, where, when, of what.
4. Compare with the claim you started from: same place, same event, same date?

This course works offline, so you will not run a search here; the next check gives you a result.

### Check 8.2

A picture shared today as *“the flood in Lindvik yesterday”* turns up in a reverse image search on a
news site from 2019, captioned as a flood in another country. Is the picture `new` or `old`, as far
as this claim goes?""",
    ),
    ("code", 'check("l8.reverse", "")'),
    (
        "md",
        """## Metadata: what the file says about itself

Image files can carry text about themselves: camera, date and time, place (GPS), software, author.
Photos use EXIF; PNG files like the one made below keep text fields. Run the cell: it saves the drawing
with metadata, reads the metadata back, then changes the date in one line.""",
    ),
    (
        "code",
        """import tempfile
from pathlib import Path

from PIL import Image

folder = Path(tempfile.mkdtemp())
made = folder / "ferry.png"
picture.figure.savefig(made, metadata={"Author": "medialit lesson 8", "Creation Time": "2028-05-01 09:00",
                                       "Description": "Ferry at a quay", "Software": "matplotlib"})
print("As saved:  ", Image.open(made).text)

forged = folder / "ferry-forged.png"
picture.figure.savefig(forged, metadata={"Author": "A. Photographer", "Creation Time": "1999-12-31 23:59",
                                         "Software": "Camera X"})
print("One line later:", Image.open(forged).text)
plt.close(picture.figure)""",
    ),
    (
        "md",
        """### Check 8.3

Does a *Creation Time* in an image's metadata prove when the picture was taken? `yes` or `no`.""",
    ),
    ("code", 'check("l8.metadata", "")'),
    (
        "md",
        """Metadata is a lead, not proof: anyone can write it, and most social sites **strip** it on upload,
so its absence means nothing either. It helps when it agrees with other evidence (the original caption,
the weather that day, shadows, signs in the picture).

## Content credentials (C2PA)

**Content credentials** are a newer kind of metadata, defined by the Coalition for Content Provenance
and Authenticity (C2PA, an industry standard). A camera, an editing program or an image generator can
attach a **signed manifest**: who or what made the picture, with which tool (including “generated by
AI”), and which edits followed. The signature breaks if the picture or the manifest is changed without
a new signature, and verification tools (for example the Content Authenticity Initiative's *Verify*
site) show the chain.

What credentials can and cannot do:

- A valid credential tells you who signed the claims about the picture, and that they were not altered
  since. It does not prove that the scene is true (a staged scene can be signed).
- Many platforms strip credentials on upload, and most pictures never had one.

### Check 8.4

A picture has no content credentials. Does that show it is fake or generated? `yes` or `no`.""",
    ),
    ("code", 'check("l8.c2pa", "")'),
    (
        "md",
        """## Signs of a generated image

Image generators have left typical traces: hands with too many or merged fingers, text that is almost
but not quite letters, earrings or glasses that do not match, reflections and shadows that disagree
with the light, skin and surfaces too smooth, backgrounds that melt into patterns. Look for them, but
know their limits: generators improve every year, real photos can look odd, and a clean picture proves
nothing. **Evidence about where a picture came from beats looking at its pixels**: an earlier copy with
a named photographer, a credential, a source who was there.

### Check 8.5

Which is the stronger evidence that a picture is a real photo of what the caption says: `hands` (the
hands look right) or `source` (an earlier copy, with a named photographer and the same caption)?""",
    ),
    ("code", 'check("l8.generated", "")'),
    (
        "md",
        summary(
            [
                "A caption is a claim: test it like a sentence. Most false images are real pictures with false captions.",
                "Reverse image search finds earlier copies: the earliest copy and its caption lead to the original.",
                "Metadata and content credentials are leads, easily stripped; metadata is easily forged, and a "
                "missing credential proves nothing.",
                "Signs of generation are weak evidence; where a picture came from is strong evidence.",
            ],
            8,
        ),
    ),
]

ALL = {0: L0, 1: L1, 2: L2, 3: L3, 4: L4, 5: L5, 6: L6, 7: L7, 8: L8}


def build(cells: list[tuple[str, str]]) -> nbformat.NotebookNode:
    nb = nbformat.v4.new_notebook()
    nb.metadata = {
        "kernelspec": {"display_name": "Python 3 (ipykernel)", "language": "python", "name": "python3"},
        "language_info": {"name": "python"},
    }
    for i, (kind, source) in enumerate(cells):
        maker = nbformat.v4.new_markdown_cell if kind == "md" else nbformat.v4.new_code_cell
        cell = maker(source)
        cell.id = f"c{i:02d}"
        nb.cells.append(cell)
    nbformat.validate(nb)
    return nb


GUIDE = NOTEBOOKS.parent / "course" / "instructor-guide.md"
TABLE_HEAD = "| id | question | expected answer |\n|---|---|---|\n"


def write_guide_answers() -> None:
    """Regenerate the answer table at the end of the instructor guide from ``medialit.exercises.lessons``."""
    sys.path.insert(0, str(NOTEBOOKS.parent / "src"))
    from medialit.exercises import lessons

    rows = []
    for q in lessons.questions():
        answer = q.answer
        if q.kind == "spans":
            answer += " " + "; ".join(
                f"{label}: ‘{phrase.replace('[', '').replace(']', '')}’" for label, phrase in q.key
            )
        rows.append(f"| `{q.id}` | {q.prompt} | {answer} |\n")
    text = GUIDE.read_text(encoding="utf-8")
    GUIDE.write_text(text[: text.index(TABLE_HEAD) + len(TABLE_HEAD)] + "".join(rows), encoding="utf-8")


def main() -> int:
    paths = []
    for number, cells in ALL.items():
        path = NOTEBOOKS / LESSONS[number]
        nbformat.write(build(cells), path)
        paths.append(str(path))
        print(path.relative_to(NOTEBOOKS.parent))
    write_guide_answers()
    ruff = Path(sys.executable).parent / "ruff"
    subprocess.run([str(ruff), "format", "--quiet", *paths], check=True)
    return subprocess.run([str(ruff), "check", "--quiet", *paths]).returncode


if __name__ == "__main__":
    sys.exit(main())
