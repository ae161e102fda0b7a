"""tools/train_unsupported.py: the model scored on the other tuning half, and its learning curve."""

from __future__ import annotations

import train_unsupported  # tools/train_unsupported.py (tools/ is on the path: tests/unit/conftest.py)

from medialit.exercises.scoring import Counts


def article(name: str) -> object:
    """Candidates the rules missed: the first feature marks the unsupported one; one rule finding is right."""
    return train_unsupported.Article(name, [[1.0, 0.0], [0.0, 1.0], [0.0, 0.0]], [1, 0, 0], Counts(1, 0, 0))


def test_the_other_half_is_scored_by_a_model_that_never_saw_it():
    """Articles a0..a11 fall in tuning halves 0 and 1 by ``tuning_half``; each half is scored by the other's model."""
    rows = dict(train_unsupported.halves([article(f"a{k}") for k in range(12)]))
    assert set(rows) == {"half 1 (trained on half 0)", "half 0 (trained on half 1)"}
    held = rows["half 1 (trained on half 0)"]  # a2, a3, a5, a8, a9: five articles
    assert held["rules"] == Counts(5, 0, 5)  # the rules' own finding in each, the candidate missed
    assert held["model"] == Counts(10, 0, 0) and held["auc"] == 1.0
    assert held["threshold"] in train_unsupported.GRID and held["ceiling"] == 1.0


def test_a_model_that_ranks_nothing_adds_nothing_on_the_other_half():
    """No feature tells the classes apart: the threshold chosen inside the training half keeps the rules."""
    flat = [train_unsupported.Article(f"a{k}", [[1.0]] * 5, [1, 0, 0, 0, 0], Counts(3, 0, 0)) for k in range(12)]
    for _, row in train_unsupported.halves(flat):
        assert row["auc"] == 0.5
        assert row["model"] == row["rules"]  # taking every candidate would cost precision (F1 0.667 < 0.857)


def test_the_learning_curve_trains_on_growing_shares_of_each_half():
    rows = train_unsupported.curve([article(f"a{k}") for k in range(12)], fractions=(0.5, 1.0), draws=2)
    assert [(name[:6], fraction, row["articles"]) for name, fraction, row in rows] == [
        ("half 1", 0.5, 4),
        ("half 1", 1.0, 7),
        ("half 0", 0.5, 2),  # half 1 has five articles: at least two, so the threshold's leave-one-out works
        ("half 0", 1.0, 5),
    ]
    assert all(row["model"] == 1.0 > row["rules"] for _, _, row in rows)
