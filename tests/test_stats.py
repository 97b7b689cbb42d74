"""The statistics against cases worked by hand and against scikit-learn."""

import numpy as np
import pytest
from sklearn.metrics import accuracy_score, f1_score

from evaluation.stats import bootstrap_ci, encode, mcnemar_counts, mcnemar_exact, paired_bootstrap, point_scores

LABELS = ["threatening", "conciliatory", "neutral"]


def _sample(n: int = 200, noise: float = 0.3, seed: int = 1) -> tuple[list[str], list[str]]:
    rng = np.random.default_rng(seed)
    gold = [LABELS[i] for i in rng.integers(0, 3, n)]
    pred = [LABELS[rng.integers(0, 3)] if rng.random() < noise else g for g in gold]
    return gold, pred


def test_mcnemar_by_hand() -> None:
    # b=1, c=7: P(X <= 1 | n=8, 1/2) = (1 + 8) / 256; two-sided doubles it.
    assert mcnemar_counts(1, 7) == pytest.approx(18 / 256) == pytest.approx(0.0703125)
    assert mcnemar_counts(7, 1) == pytest.approx(0.0703125)
    assert mcnemar_counts(0, 0) == 1.0
    assert mcnemar_counts(5, 5) == 1.0


def test_mcnemar_table_from_predictions() -> None:
    gold = ["a"] * 10
    a = ["a"] * 2 + ["a"] + ["b"] * 7        # right on 0-2
    b = ["a"] * 2 + ["b"] + ["a"] * 7        # right on 0-1 and 3-9
    r = mcnemar_exact(gold, a, b)
    assert r["table"] == [[2, 1], [7, 0]]
    assert (r["b"], r["c"]) == (1, 7)
    assert r["p_value"] == pytest.approx(0.0703125)


def test_point_scores_match_sklearn() -> None:
    gold, pred = _sample()
    s = point_scores(encode(gold, LABELS), encode(pred, LABELS), 3)
    assert s["macro_f1"][0] == pytest.approx(f1_score(gold, pred, labels=LABELS, average="macro"))
    assert s["accuracy"][0] == pytest.approx(accuracy_score(gold, pred))
    assert s["f1"][0] == pytest.approx(f1_score(gold, pred, labels=LABELS, average=None))


def test_intervals_contain_point_estimate_and_are_seeded() -> None:
    gold, pred = _sample()
    ci = bootstrap_ci(gold, pred, LABELS, n_boot=200, seed=3)
    point = point_scores(encode(gold, LABELS), encode(pred, LABELS), 3)
    assert ci["macro_f1"]["low"] <= point["macro_f1"][0] <= ci["macro_f1"]["high"]
    assert ci["accuracy"]["low"] <= point["accuracy"][0] <= ci["accuracy"]["high"]
    for i, lab in enumerate(LABELS):
        assert ci["per_class"][lab]["low"] <= point["f1"][0][i] <= ci["per_class"][lab]["high"]
    assert ci["macro_f1"]["high"] - ci["macro_f1"]["low"] > 0.01
    assert bootstrap_ci(gold, pred, LABELS, n_boot=200, seed=3) == ci


def test_paired_bootstrap_of_a_model_against_itself_is_one() -> None:
    gold, pred = _sample()
    r = paired_bootstrap(gold, pred, pred, LABELS, n_boot=100)
    assert r["delta"] == 0.0
    assert r["p_value"] == 1.0


def test_paired_bootstrap_detects_a_clear_difference() -> None:
    gold, good = _sample(noise=0.1)
    _, bad = _sample(noise=0.9, seed=2)
    r = paired_bootstrap(gold, good, bad, LABELS, n_boot=200)
    assert r["delta"] > 0.3
    assert r["p_value"] == pytest.approx(1 / 201)  # no resample as extreme: the smallest p the test can give
    assert r["ci95"]["low"] > 0
    swapped = paired_bootstrap(gold, bad, good, LABELS, n_boot=200)
    assert swapped["delta"] == pytest.approx(-r["delta"])
    assert swapped["p_value"] == r["p_value"]


def test_paired_bootstrap_is_not_significant_for_tiny_differences() -> None:
    gold, a = _sample()
    b = list(a)
    b[0] = gold[0] if a[0] != gold[0] else LABELS[(LABELS.index(gold[0]) + 1) % 3]  # one example flipped
    assert paired_bootstrap(gold, a, b, LABELS, n_boot=200)["p_value"] > 0.5
