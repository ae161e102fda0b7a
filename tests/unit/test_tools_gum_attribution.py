"""tools/gum_attribution.py on an invented RST tree and parse: which relations the guidelines keep, and where."""

from __future__ import annotations

import gum_attribution

ROWS = """
1 Anna Anna PROPN NNP _ 2 compound
2 Berg Berg PROPN NNP _ 3 nsubj
3 said say VERB VBD Mood=Ind 0 root
4 the the DET DT _ 5 det
5 quay quay NOUN NN _ 6 nsubj
6 opens open VERB VBZ _ 3 ccomp
7 in in ADP IN _ 8 case
8 May May PROPN NNP _ 6 obl _ SpaceAfter=No
9 . . PUNCT . _ 3 punct

1 I I PRON PRP _ 2 nsubj
2 think think VERB VBP _ 0 root
3 it it PRON PRP _ 5 nsubj
4 will will AUX MD _ 5 aux
5 rain rain VERB VB _ 2 ccomp _ SpaceAfter=No
6 . . PUNCT . _ 2 punct

1 Experts expert NOUN NNS _ 2 nsubj
2 say say VERB VBP _ 0 root
3 it it PRON PRP _ 4 nsubj
4 works work VERB VBZ _ 2 ccomp _ SpaceAfter=No
5 . . PUNCT . _ 2 punct
"""
CONLLU = (
    "\n".join("\t".join(([*line.split(), "_", "_"])[:10]) if line else "" for line in ROWS.strip().split("\n")) + "\n"
)
RS4 = """<rst><header><relations>
<rel name="attribution-positive" type="rst"/><rel name="joint-list" type="multinuc"/>
</relations></header><body>
<segment id="1" parent="2" relname="attribution-positive">Anna Berg said</segment>
<segment id="2" parent="7" relname="span">the quay opens in May .</segment>
<segment id="3" parent="4" relname="attribution-positive">I think</segment>
<segment id="4" parent="8" relname="span">it will rain .</segment>
<segment id="5" parent="6" relname="attribution-positive">Experts say</segment>
<segment id="6" parent="9" relname="span">it works .</segment>
<group id="7" type="span" parent="10" relname="joint-list"/>
<group id="8" type="span" parent="10" relname="joint-list"/>
<group id="9" type="span" parent="10" relname="joint-list"/>
<group id="10" type="multinuc"/>
</body></rst>"""


def test_relations_keep_a_named_speaker_and_leave_out_the_writer_and_a_vague_group():
    sentences = gum_attribution.read_conllu(CONLLU)
    assert sentences.texts == [
        "Anna Berg said the quay opens in May.",
        "I think it will rain.",
        "Experts say it works.",
    ]
    found = gum_attribution.relations(RS4, sentences)
    toks = sentences.tokens
    verdicts = [gum_attribution.verdict(r, toks, sentences) for r in found]
    assert verdicts == ["kept", "first_person", "vague"]
    said = found[0]
    assert [toks[i].form for i in said.satellite] == ["Anna", "Berg", "said"]
    assert [toks[i].form for i in said.nucleus] == ["the", "quay", "opens", "in", "May", "."]  # the content only
    assert said.cue == "say"


def test_a_quotation_over_two_sentences_is_one_region_and_a_paragraph_break_ends_an_unclosed_one():
    body = '"We open in May. It will rain." She left.\n\n"Unclosed here.\n\nNew paragraph.'
    marks = gum_attribution.quotations(body)
    assert marks[body.index("We")] == marks[body.index("It will")] == 1
    assert marks[body.index("She")] == 0
    assert marks[body.index("Unclosed")] == 2 and marks[body.index("New")] == 0
