"""Graded exercise items as data: the items, their keys, a student's answer, and how one is judged against the other.

``items`` says what each question asks (article, part, kind, labels, points);
``key`` is the one Key model (``course/keys/*.json`` and the hidden ``KEY``
literal); ``answer`` reads whatever a student typed or saved into an
``Answer``; ``judge`` scores an answer against a key with
``medialit.exercises.scoring.score`` and never raises. ``medialit.exercises.grading`` is the small
face the notebooks import.
"""
