"""The curriculum speaks with one voice: the rules it cites exist and are introduced, the terms a lesson
prints are the terms its activity uses, a named method keeps one name, and a lesson's time is the same
wherever the course gives it.

Read as a student meets it: the lesson sources (``notebooks/sources``) with their question files, in the
order lesson 0 lists them (lesson 9 right after lesson 4).
"""

from __future__ import annotations

import json
import re
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
SOURCES = REPO / "notebooks" / "sources"
QUESTIONS = REPO / "notebooks" / "questions"
GUIDELINES = REPO / "course" / "annotation-guidelines.md"
RULE = re.compile(r"\bK(\d+)\b")


def source(number: str) -> str:
    return next(SOURCES.glob(f"{number}-*.md")).read_text(encoding="utf-8")


def lesson_text(number: str) -> str:
    """What a student reads of a lesson: its text and its checks' prompts, hints and answers."""
    return source(number) + (QUESTIONS / f"lesson-{number}.yaml").read_text(encoding="utf-8")


def taught_order() -> list[str]:
    """Lesson numbers as taught: lesson 0, then the lessons in the order its table lists them."""
    listed = re.findall(r"\]\((\d\d)-[\w-]+\.ipynb\)", source("00"))
    return ["00", *dict.fromkeys(n for n in listed if n != "00")]


def exercise_prompts() -> str:
    cells = []
    for path in sorted((REPO / "exercises").glob("*/*.ipynb")):
        cells += [c for c in json.loads(path.read_text(encoding="utf-8"))["cells"] if c["cell_type"] == "markdown"]
    return "\n".join("".join(c["source"]) for c in cells)


def test_the_taught_order_holds_every_lesson():
    assert sorted(taught_order()) == sorted(p.name[:2] for p in SOURCES.glob("[0-9][0-9]-*.md"))


def test_every_rule_the_lessons_and_exercises_cite_is_a_rule_of_the_guidelines():
    rules = {int(n) for n in re.findall(r"^### K(\d+)\. ", GUIDELINES.read_text(encoding="utf-8"), re.M)}
    assert rules, "no K-rules found in the guidelines"
    texts = {f"lesson {n}": lesson_text(n) for n in taught_order()}
    texts["the exercises' prompts"] = exercise_prompts()
    for name in ("syllabus.md", "instructor-guide.md", "rubrics.md"):
        texts[name] = (REPO / "course" / name).read_text(encoding="utf-8")
    cited = {where: sorted({int(n) for n in RULE.findall(text)} - rules) for where, text in texts.items()}
    unknown = {where: numbers for where, numbers in cited.items() if numbers}
    assert not unknown, f"rules the guidelines do not have: {unknown}"


def test_the_first_lesson_to_cite_the_guidelines_says_what_they_are_and_where_to_read_them():
    """Lessons, hints and feedback cite 'guidelines K17' or '(K5)', and students saw neither the word nor the
    document: the hub and the laptop handout give them notebooks/ only. The first lesson that cites a rule must
    say that one document defines every answer, that its rules are numbered, and where to read it."""
    order = taught_order()
    first = next(n for n in order if "guidelines" in lesson_text(n) or RULE.search(lesson_text(n)))
    text = " ".join(source(first).split())
    assert "annotation guidelines" in text and "K1" in text, f"lesson {first} cites the guidelines unexplained"
    assert "course/annotation-guidelines.md" in text, f"lesson {first} does not say where to read the guidelines"
    # ... and links the copy beside the lessons (tools/sync_lessons.py writes it): students get notebooks/ only
    assert "](annotation-guidelines.md)" in text and (REPO / "notebooks" / "annotation-guidelines.md").exists()


def activity_labels(text: str, save_to: str) -> list[str]:
    call = re.search(r"Highlighter\((?:[^()]|\([^()]*\))*?save_to=\"" + re.escape(save_to) + r'"', text, re.S)
    assert call, f"no highlighter saving to {save_to}"
    return re.findall(r'"([a-z_]+)"', re.search(r"labels=\[([^\]]*)\]", call.group(0)).group(1))


def test_a_framing_category_lesson_4_prints_without_an_activity_label_is_told_where_it_goes():
    """Lesson 4 prints the analyzer's six categories and then has four labels: the analyzer's `intensifier`
    (what it shows for *almost certainly* once the check has run) had no word on how to mark it, while the
    activity called an inflating word evaluative (K10). `hedge` is placed: it is its sentence's reason."""
    from medialit.nlp.framing import FRAMING_CATEGORIES

    text = source("04")
    labels = activity_labels(text, "lesson04.highlights.json")
    prose = re.sub(r"```.*?```", "", text, flags=re.S)
    for name, _meaning in FRAMING_CATEGORIES:
        if name not in labels:
            assert f"`{name}`" in prose, f"lesson 4 prints `{name}` but never says how its activity marks it"
    assert "`intensifier`) is marked `evaluative`" in " ".join(prose.split())


def sift_moves() -> list[str]:
    page = (REPO / "notebooks" / "lateral-reading" / "sift.md").read_text(encoding="utf-8")
    return re.findall(r"^\d\. \*\*(.+?)\.\*\*", page, re.M)


def test_sifts_moves_have_the_names_the_sift_page_gives_them_in_every_lesson():
    """Lesson 1 named the fourth move 'Trace claims', lesson 5's summary 'Trace to the original', and the SIFT
    page lesson 5 sends students to 'Trace claims, quotes and media to the original context'."""
    moves = sift_moves()
    assert len(moves) == 4, moves
    listed = ", ".join(moves)
    spelt = []
    for number in taught_order():
        text = " ".join(lesson_text(number).split())
        for found in re.findall(r"Stop, Investigate the source, [^;.*)]+", text):
            spelt.append(found)
            assert found == listed, f"lesson {number} names SIFT's moves {found!r}, the SIFT page {listed!r}"
    assert len(spelt) >= 2, "lessons 1 and 5 list SIFT's four moves"


def test_each_lesson_takes_the_same_time_in_the_lesson_the_syllabus_and_the_guide():
    syllabus = (REPO / "course" / "syllabus.md").read_text(encoding="utf-8")
    table = syllabus.split("## Timing for self-study", 1)[1]
    guide = (REPO / "course" / "instructor-guide.md").read_text(encoding="utf-8")
    for number in taught_order():
        lesson = int(number)
        header = re.search(r"^\*About (.+?) minutes\.\*", source(number), re.M)
        row = re.search(rf"^\| {lesson} [^|]+\| (\d+(?: to \d+)?)", table, re.M)
        heading = re.search(rf"^## Lesson {lesson}: .*\((\d+(?: to \d+)?) min", guide, re.M)
        assert header and row and heading, f"lesson {lesson}: a time is missing"
        times = {"lesson": header.group(1), "syllabus": row.group(1), "guide": heading.group(1)}
        assert len(set(times.values())) == 1, f"lesson {lesson} takes {times}"


def test_lesson_0_takes_a_hub_student_through_the_buttons_the_hub_guide_names():
    """Lesson 0 said 'click the exercise's name to open it' in the Assignment List: a released exercise has
    only a *Fetch* button there until it is fetched (course/jupyterhub/README.md, the student's row); and its
    steps were for every course, though a course on laptops has no Assignment List to fetch from."""
    hub = (REPO / "course" / "jupyterhub" / "README.md").read_text(encoding="utf-8")
    row = next(line for line in hub.splitlines() if line.startswith("| Student | own JupyterLab"))
    paragraph = next(p for p in source("00").split("\n\n") if "Assignment List" in p)
    paragraph = " ".join(paragraph.split())
    for button in ("Fetch", "Submit"):
        assert f"*{button}*" in row, f"the hub guide's student row no longer names *{button}*"
        assert f"*{button}*" in paragraph, f"lesson 0 does not say to press *{button}*"
    assert "JupyterHub" in paragraph and "exercises/" in paragraph, "lesson 0: where exercises are, hub or not"


def figure_cases() -> list[str]:
    """K13's cases of an unsupported figure, in the guidelines' words, without their examples."""
    text = " ".join(GUIDELINES.read_text(encoding="utf-8").split())
    bullet = re.search(r"\*\*unsupported_figure\*\*: [^:]+: (.+?)\. Mark the figure", text).group(1)
    return [re.sub(r" \([^)]*\)", "", case).strip() for case in bullet.split(";")]


def test_lesson_3_defines_an_unsupported_figure_with_the_cases_of_k13():
    """Lesson 3 gave three of K13's four cases in part ('a figure the body does not give', 'a ceiling printed
    as what happens': no contradicted figure, no estimate) and the fact box's prompt a fourth wording ('or
    gives rounder, as a ceiling or as a share'), while ex02-q3 grades every case."""
    from medialit.exercises import lessons

    cases = figure_cases()
    assert len(cases) == 4, cases
    taught = " ".join(source("03").split())
    prompt = " ".join(next(q for q in lessons.questions() if q.id == "l3.headlines-activity").prompt.split())
    for case in cases:
        assert case in taught, f"lesson 3 does not give K13's case {case!r}"
        assert case in prompt, f"the fact box's prompt does not give K13's case {case!r}"


def test_the_project_comes_last_in_lesson_0s_order_as_in_the_syllabus():
    """The syllabus teaches lesson 8 in session 5 and sets lesson 7, the project that applies every skill
    (LO7; its LO5 includes lesson 8's images), as the take-home after it; lesson 0's list and the lessons'
    next links ran 6, 7, 8, so a student following them did the project before lesson 8."""
    syllabus = (REPO / "course" / "syllabus.md").read_text(encoding="utf-8")
    project = next(line for line in syllabus.splitlines() if line.startswith("| home |") and "| the project:" in line)
    number = re.search(r"\]\(\.\./notebooks/(\d\d)-", project).group(1)
    assert taught_order()[-1] == number, f"lesson 0 lists {taught_order()[-1]} last, the syllabus's project is {number}"


def test_no_lesson_teaches_the_nearest_name_rule_that_lesson_6_shows_failing():
    """Lesson 6 (check 6.1) shows the analyzer's rule, 'the nearest fitting name before the pronoun', failing
    ('a nearest-name rule does not read'); lesson 2's hint for its pronoun check taught students that very
    rule ('A pronoun points back to the most recent person it fits'). Where a lesson names the rule, it is the
    machine's."""
    machine = re.compile(r"\b(analyzer|program|machine|rule)\b")
    taught = []
    for number in (n for n in taught_order() if n != "06"):  # lesson 6 is where the rule fails, on purpose
        for sentence in re.split(r"(?<=[.?!])\s+", " ".join(lesson_text(number).split())):
            if re.search(r"\b(nearest|most recent)\b.*\b(name|person)\b", sentence) and not machine.search(sentence):
                taught.append(f"lesson {number}: {sentence[:120]}")
    assert not taught, "a lesson teaches the nearest-name rule as how to read a pronoun:\n" + "\n".join(taught)


def _offers_hedge_beside_the_analyzer(text: str) -> bool:
    """The lesson's own highlighter has a `hedge` label and shows the analyzer's marks (its framing cues) beside it."""
    labels = re.findall(r"labels=\[([^\]]*)\]", text)
    return any('"hedge"' in found for found in labels) and "show_machine_layer(result)" in text


def test_a_lesson_that_shows_the_analyzers_hedges_says_a_vague_source_is_no_hedge():
    """K10: the analyzer's `hedge` also takes a vague or anonymous source (lesson 4 prints it on *Sources close to*:
    'the claim's source is not given'), which the keys mark as a source and as its sentence's reason, vague_source
    (K9), not as a hedge. Lesson 7 offered `hedge` beside the analyzer's layer with no word on it, so a student who
    compared would learn to mark *critics say* a hedge (keyread23)."""
    showing = [n for n in taught_order() if n == "04" or _offers_hedge_beside_the_analyzer(source(n))]
    assert {"04", "07"} <= set(showing), showing
    for number in showing:
        prose = " ".join(re.sub(r"```.*?```", "", source(number), flags=re.S).split())
        assert re.search(r"(analyzer's|its) `hedge` is (wide|wider)", prose), f"lesson {number}"
        assert "not a hedge" in prose and "anonymous" in prose, f"lesson {number}: say what a vague source is instead"


def exercise_points(name: str) -> tuple[int, int]:
    """An exercise's points as nbgrader grades them (its source in solutions/): autograded, and marked by hand."""
    path = REPO / "solutions" / name / f"{name}.ipynb"
    auto = hand = 0
    for cell in json.loads(path.read_text(encoding="utf-8"))["cells"]:
        grader = cell.get("metadata", {}).get("nbgrader", {})
        if grader.get("grade"):
            if cell["cell_type"] == "markdown":
                hand += grader["points"]
            else:
                auto += grader["points"]
    return auto, hand


def test_the_syllabus_gives_each_exercise_the_points_nbgrader_grades():
    """The syllabus's assessment is what an instructor announces; its points were written by hand beside the
    exercises, which course/build.py writes from the items, and nothing held the two together."""
    syllabus = " ".join((REPO / "course" / "syllabus.md").read_text(encoding="utf-8").split())
    assessment = syllabus.split("## Assessment", 1)[1].split("## ", 1)[0]
    names = sorted(p.name for p in (REPO / "solutions").glob("ex*") if p.is_dir())
    assert len(names) == 5, names
    for name in names:
        auto, hand = exercise_points(name)
        said = re.search(
            rf"`{name}` \((\d+) points(?: autograded plus (\d+) (?:points )?for a written answer)?", assessment
        )
        assert said, f"the syllabus's assessment gives no points for {name}"
        assert (int(said.group(1)), int(said.group(2) or 0)) == (auto if hand else auto + hand, hand), (
            f"{name}: the syllabus says {said.group(0)!r}, nbgrader grades {auto} autograded and {hand} by hand"
        )


def test_the_syllabus_lists_every_article_file_a_lesson_loads():
    """The syllabus's material named the practice article and lesson 9's report, not lesson 3's fact box or lesson
    5's aggregator copy: an instructor preparing from it, or handing out files, missed two texts the lessons open."""
    syllabus = " ".join((REPO / "course" / "syllabus.md").read_text(encoding="utf-8").split())
    material = syllabus.split("- **Material:**", 1)[1].split("## ", 1)[0]
    loaded = {name for n in taught_order() for name in re.findall(r"\"(articles/[\w-]+\.md)\"", source(n))}
    assert len(loaded) >= 4, loaded
    missing = sorted(name for name in loaded if f"`notebooks/{name}`" not in material)
    assert not missing, f"the syllabus's material leaves out {missing}"


def test_the_kind_lesson_5_gives_a_quote_in_a_translated_copy_is_a_rule_of_the_guidelines():
    """Lesson 5 taught 'still annotate it `direct`' for a quote whose words are a translator's, a judgement on
    kind that no rule made: the base calls a direct quote 'verbatim', which a translation is not, and K15 and K17
    said nothing of translated quotes. The lesson's rule now stands in K15, and the lesson cites it."""
    text = " ".join(GUIDELINES.read_text(encoding="utf-8").split())
    k15 = text.split("### K15.", 1)[1].split("### K16.", 1)[0]
    assert re.search(r"A quote in a translated copy keeps the kind it has on the page \(`direct`", k15)
    lesson = " ".join(source("05").split())
    assert "Still annotate it `direct`, because it stands as a quote (guidelines K15)" in lesson
