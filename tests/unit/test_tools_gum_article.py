"""tools/gum_article.py make on a small GUM-shaped interview: each turn is printed after its speaker's label.

The corpus interviews print every turn as "Name: text" (course/corpus/SOURCES.md), the speaker labels of the
published page, which GUM keeps as ``sp who`` blocks; without them an interview made by the tool reads as the
outlet's own voice. The document below is invented and shaped like GUM's .conllu files.
"""

from __future__ import annotations

import subprocess

import gum_article  # tools/gum_article.py (tools/ is on the path: tests/unit/conftest.py)

META = """# newdoc id = GUM_interview_ferry
# meta::author = Wikinews
# meta::dateCreated = 2015-05-04
# meta::genre = interview
# meta::sourceURL = https://en.wikinews.org/wiki/Ferry_interview
# meta::speakerCount = 3
# meta::title = Wikinews interviews a harbour master
"""
BLOCKS = [
    ("head (1 s)", "", ["Wikinews interviews a harbour master"]),
    ("p (1 s)", "", ["Monday , May 4 , 2015"]),
    ("p (1 s)", "", ["Ingrid Dahl runs the port of Vesterhavn ."]),
    ('sp who:::"#Wikinews" (1 s) | p (1 s)', "Wikinews", ["Why was the ferry late ?"]),
    ('sp who:::"#IngridJDahl" (3 s) | p (2 s)', "IngridJDahl", ["The sea was rough .", "Nobody was hurt ."]),
    ("p (1 s)", "IngridJDahl", ["We will sail again on Friday ."]),
    ('sp who:::"#HughMcLeod" (2 s) | figure (1 s) | caption (1 s)', "HughMcLeod", ["The harbour at dawn"]),
    ("p (1 s)", "HughMcLeod", ["I agree with her ."]),
]
PUNCT = {".", ",", "?"}


def conllu() -> str:
    """The document as GUM writes it: a newpar block per paragraph, a speaker comment per sentence in a turn."""
    lines = [META.rstrip("\n")]
    for block, speaker, sentences in BLOCKS:
        lines += ["# newpar", f"# newpar_block = {block}"]
        for n, sentence in enumerate(sentences):
            if n:
                lines.append("")
            if speaker:
                lines.append(f"# speaker = {speaker}")
            lines.append(f"# text = {sentence}")
            words = sentence.split()
            for i, word in enumerate(words, 1):
                glued = i < len(words) and words[i] in PUNCT
                misc = "SpaceAfter=No" if glued else "_"
                tag = "." if word in PUNCT else "NN"
                lines.append("\t".join([str(i), word, word, "X", tag, "_", "0", "dep", "_", misc]))
        lines.append("")
    return "\n".join(lines) + "\n"


BODY = (
    "Wikinews interviews a harbour master\n\n"
    "Monday, May 4, 2015\n\n"
    "Ingrid Dahl runs the port of Vesterhavn.\n\n"
    "Wikinews: Why was the ferry late?\n\n"
    "Ingrid J. Dahl: The sea was rough. Nobody was hurt.\n\n"
    "We will sail again on Friday.\n\n"
    "Hugh McLeod: I agree with her.\n"
)


def test_make_prints_each_turn_after_its_speakers_label(tmp_path):
    """A turn's first paragraph gets "Name: " (a turn that opens with a figure left out: its first kept one);
    its later paragraphs and the text before the interview get none."""
    repo = tmp_path / "gum"
    (repo / "dep").mkdir(parents=True)
    (repo / "dep" / "GUM_interview_ferry.conllu").write_text(conllu(), encoding="utf-8")
    git = ["git", "-C", str(repo), "-c", "user.name=t", "-c", "user.email=t@example.org"]
    subprocess.run([*git, "init", "-q"], check=True)
    subprocess.run([*git, "add", "."], check=True)
    subprocess.run([*git, "commit", "-q", "-m", "doc"], check=True)
    out = tmp_path / "pending"
    code = gum_article.main(["make", "GUM_interview_ferry", "--id", "ferry", "--out", str(out), "--repo", str(repo)])
    assert code == 0
    head, body = gum_article.split_md((out / "ferry.md").read_text(encoding="utf-8"))
    assert body == BODY
    assert "Interview turns are printed as 'Name: text'" in head


def test_a_turns_first_sentence_starts_at_its_label():
    """The gold's sentences start at the label, as the corpus interviews have it ("David Shankbone: You ..."),
    whatever name the annotator printed there; the text before the interview is not touched."""
    doc = gum_article.parse_conllu("GUM_interview_ferry", conllu())
    body = BODY.replace("Ingrid J. Dahl:", "Ingrid Jensen Dahl:")  # a name corrected from the published page
    spans = [body[a:b] for a, b in gum_article.gum_spans(body, doc)]
    assert spans == [
        "Wikinews interviews a harbour master",
        "Monday, May 4, 2015",
        "Ingrid Dahl runs the port of Vesterhavn.",
        "Wikinews: Why was the ferry late?",
        "Ingrid Jensen Dahl: The sea was rough.",
        "Nobody was hurt.",
        "We will sail again on Friday.",
        "Hugh McLeod: I agree with her.",
    ]


def test_speaker_tags_become_printed_names():
    assert gum_article.speaker_label("#DavidShankbone") == "David Shankbone"
    assert gum_article.speaker_label("MarioJLucero") == "Mario J. Lucero"
    assert gum_article.speaker_label("WilliamSSaturn") == "William S. Saturn"
    assert gum_article.speaker_label("TinaMcKenzie") == "Tina McKenzie"
    assert gum_article.speaker_label("Wikinews") == "Wikinews"


def test_other_genres_print_no_labels():
    """A novel's dialogue and a transcript also have GUM speaker blocks, but their pages print no names."""
    doc = gum_article.parse_conllu("GUM_fiction_ferry", conllu())
    assert doc.turns == {}
    assert gum_article.body_of(doc) == BODY.replace("Wikinews: ", "").replace("Ingrid J. Dahl: ", "").replace(
        "Hugh McLeod: ", ""
    )
