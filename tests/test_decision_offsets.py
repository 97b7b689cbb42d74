"""The decision-offset experiment's search finds the offset that a shifted class needs."""

import numpy as np

from benchmarks.decision_offsets import fit_offsets, macro_f1


def test_fit_offsets_recovers_a_shifted_class() -> None:
    rng = np.random.default_rng(0)
    gold = rng.integers(0, 3, size=600)
    logits = np.eye(3)[gold] * 2.0 + rng.normal(0, 0.6, size=(600, 3))
    logits[:, 1] -= 1.5
    offsets = fit_offsets(logits, gold)
    assert offsets[2] == 0.0
    assert 1.0 <= offsets[1] - offsets[0] <= 2.0
    assert macro_f1(logits, gold, offsets) > macro_f1(logits, gold, np.zeros(3)) + 0.1
