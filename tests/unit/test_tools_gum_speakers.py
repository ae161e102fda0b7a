"""tools/gum_speakers.py: GUM's coreference chains read from WebAnno TSV and a resolved speaker judged against them.

The TSV snippet is invented, in GUM's layout (entity, infstat, salience, identity, coref type, coref link).
"""

from __future__ import annotations

from gum_speakers import align, judge, mention_kind, read_tsv

TSV = """#FORMAT=WebAnno TSV 3.2
#T_SP=webanno.custom.Referent|entity|infstat|salience|identity
#T_RL=webanno.custom.Coref|type|BT_webanno.custom.Referent


#Text=Mayor Ann Lee opened the bridge .
1-1\t0-5\tMayor\tperson[1]\tnew[1]\tsssss[1]\tAnn_Lee[1]\tcoref\t2-2[3_1]\t
1-2\t6-9\tAnn\tperson[1]\tnew[1]\tsssss[1]\tAnn_Lee[1]\t_\t_\t
1-3\t10-13\tLee\tperson[1]\tnew[1]\tsssss[1]\tAnn_Lee[1]\t_\t_\t
1-4\t14-20\topened\t_\t_\t_\t_\t_\t_\t
1-5\t21-24\tthe\tobject[2]\tnew[2]\tnnnnn[2]\t_\tbridge\t2-5[5_2]\t
1-6\t25-31\tbridge\tobject[2]\tnew[2]\tnnnnn[2]\t_\t_\t_\t
1-7\t32-33\t.\t_\t_\t_\t_\t_\t_\t

#Text=The mayor said its deck was safe .
2-1\t34-37\tThe\tperson[3]\tgiv[3]\tsssss[3]\tAnn_Lee[3]\t_\t_\t
2-2\t38-43\tmayor\tperson[3]\tgiv[3]\tsssss[3]\tAnn_Lee[3]\t_\t_\t
2-3\t44-48\tsaid\t_\t_\t_\t_\t_\t_\t
2-4\t49-52\tits\tobject\tgiv\tnnnnn\t_\t_\t_\t
2-5\t53-57\tdeck\tobject[5]\tnew[5]\tnnnnn[5]\t_\t_\t_\t
2-6\t58-61\twas\t_\t_\t_\t_\t_\t_\t
2-7\t62-66\tsafe\t_\t_\t_\t_\t_\t_\t
2-8\t67-68\t.\t_\t_\t_\t_\t_\t_\t
"""
BODY = "Mayor Ann Lee opened the bridge.\n\nThe mayor said its deck was safe.\n"


def test_coref_links_make_one_chain_and_bridging_links_do_not():
    gum = read_tsv(TSV)
    assert gum.text("1") == "Mayor Ann Lee" and gum.text("3") == "The mayor"
    assert gum.chain["1"] == gum.chain["3"]
    assert gum.chain["2"] != gum.chain["5"]  # the deck is part of the bridge, not the bridge
    assert gum.mentions["t2-4"] == (10, 10)  # a one-token mention without a number is keyed by its token
    assert gum.identity["3"] == "Ann Lee"


def test_tokens_are_found_in_the_body_sentence_by_sentence():
    gum = read_tsv(TSV)
    offsets = align(gum.tokens, BODY)
    assert BODY[slice(*offsets[8])] == "mayor"
    assert offsets[6] == (31, 32)  # the full stop joined to "bridge"


def test_a_description_is_right_only_with_the_chain_s_name():
    gum = read_tsv(TSV)
    assert judge("Ann Lee", "The mayor", gum, "3")[0]
    right, lenient, wanted = judge("mayor", "The mayor", gum, "3")
    assert not right and lenient and "Ann Lee" in wanted
    assert judge("its", "its", gum, "t2-4")[0]  # a pronoun GUM links to nothing is right only unresolved
    assert not judge("bridge", "its", gum, "t2-4")[0]


def test_mention_kinds():
    assert mention_kind("He") == "he" and mention_kind("who") == "relative"
    assert mention_kind("the agency") == "definite NP"
    assert mention_kind("the BBC") == "" and mention_kind("Ann Lee") == ""
