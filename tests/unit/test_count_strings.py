"""Counts an instructor or an annotator reads say one of anything in the singular ('1 member', not '1 member(s)')."""

from __future__ import annotations

import grp

import pytest

from medialit.core.spans import Annotations, Span, check_annotations
from medialit.setup.doctor_hub import check_group, students_at_once


def test_a_body_with_one_character_outside_every_sentence_says_one_character():
    body = "One sentence. X"
    problems = check_annotations(Annotations("x", "", sentences=(Span(0, 13, "other"),)), body)
    assert problems == ["1 character is in no labelled sentence, first at 14: 'X'"]
    problems = check_annotations(Annotations("x", "", sentences=(Span(0, 4, "other"),)), body)
    assert problems[0].startswith("10 characters are in no labelled sentence, first at 4:")


def test_the_memory_check_says_how_many_students_fit_in_the_singular_and_plural():
    assert students_at_once(1500 + 275) == "about 1 student at once"
    assert students_at_once(1500 + 3 * 275 + 10) == "about 3 students at once"
    assert students_at_once(1000) == "about 0 students at once"


def test_a_group_of_one_member_says_one_member():
    ones = [g for g in grp.getgrall() if len(g.gr_mem) == 1]
    if not ones:
        pytest.skip("no group with exactly one member on this machine")
    group = ones[0]
    check = check_group("group", group.gr_name)
    assert check.ok and check.detail == f"{group.gr_name}: 1 member: {group.gr_mem[0]}"
