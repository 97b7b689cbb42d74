"""Uncertainty and significance for stance metrics: bootstrap intervals, paired bootstrap, McNemar.

A macro-F1 on a few hundred quotes moves by several points between samples of the same
population, so every figure a report shows carries an interval, and every comparison of two
models on the same examples carries a paired test. Everything is seeded so that a report
written twice shows the same numbers.

Resampling unit: the example (one quote-target pair). Examples of one quote or article are
not independent, so the intervals are, if anything, a little narrow.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import numpy as np
from scipy.stats import binomtest

DEFAULT_N_BOOT = 1000
DEFAULT_SEED = 0
_CHUNK = 200  # resamples per vectorised batch: bounds memory at _CHUNK * n indices


def encode(values: Sequence[str], labels: Sequence[str]) -> np.ndarray:
    """Labels as integer codes in the order of `labels` (the model's scheme)."""
    index = {lab: i for i, lab in enumerate(labels)}
    return np.array([index[v] for v in values], dtype=np.int64)


def _confusions(gold: np.ndarray, pred: np.ndarray, k: int, idx: np.ndarray) -> np.ndarray:
    """Confusion matrices (B, k, k) of the resamples `idx` (B, n), with one bincount for speed."""
    b = idx.shape[0]
    codes = gold[idx] * k + pred[idx] + (np.arange(b) * k * k)[:, None]
    return np.bincount(codes.ravel(), minlength=b * k * k).reshape(b, k, k)


def _scores(conf: np.ndarray) -> dict[str, np.ndarray]:
    """Accuracy, per-class F1 and macro-F1 of confusion matrices, as scikit-learn computes them.

    F1 = 2TP / (2TP + FP + FN), and 0 for a class absent from both gold and prediction
    (scikit-learn's `zero_division=0`), so the figures match `metrics.classification_metrics`.
    """
    tp = np.diagonal(conf, axis1=-2, axis2=-1).astype(float)
    fp = conf.sum(axis=-2) - tp
    fn = conf.sum(axis=-1) - tp
    denom = 2 * tp + fp + fn
    f1 = np.divide(2 * tp, denom, out=np.zeros_like(tp), where=denom > 0)
    n = conf.sum(axis=(-2, -1))
    acc = np.divide(tp.sum(axis=-1), n, out=np.zeros(n.shape, dtype=float), where=n > 0)
    return {"accuracy": acc, "macro_f1": f1.mean(axis=-1), "f1": f1}


def point_scores(gold: np.ndarray, pred: np.ndarray, k: int) -> dict[str, np.ndarray]:
    """The same statistics on the examples as given (no resampling)."""
    return _scores(_confusions(gold, pred, k, np.arange(len(gold))[None, :]))


def _resampled(arrays: Sequence[np.ndarray], gold: np.ndarray, k: int, n_boot: int, seed: int):
    """Yield, per batch, the scores of each prediction array on the same resampled indices."""
    n = len(gold)
    rng = np.random.default_rng(seed)
    for start in range(0, n_boot, _CHUNK):
        idx = rng.integers(0, n, size=(min(_CHUNK, n_boot - start), n))
        yield [_scores(_confusions(gold, pred, k, idx)) for pred in arrays]


def _interval(samples: np.ndarray, alpha: float) -> dict[str, float]:
    lo, hi = np.percentile(samples, [100 * alpha / 2, 100 * (1 - alpha / 2)])
    return {"low": float(lo), "high": float(hi)}


def bootstrap_ci(
    gold: Sequence[str],
    pred: Sequence[str],
    labels: Sequence[str],
    n_boot: int = DEFAULT_N_BOOT,
    seed: int = DEFAULT_SEED,
    alpha: float = 0.05,
) -> dict[str, Any]:
    """Percentile bootstrap intervals (default 95 %) for macro-F1, accuracy and each class's F1.

    Examples are resampled with replacement; the interval is the (alpha/2, 1-alpha/2)
    percentiles of the statistic over `n_boot` resamples. Percentile intervals are what
    readers expect and need no normality assumption; on very small sets they may miss the
    point estimate when the statistic is skewed (a resample rarely contains every class).
    """
    labels = list(labels)
    g, p = encode(gold, labels), encode(pred, labels)
    if len(g) == 0:
        empty = {"low": 0.0, "high": 0.0}
        return {"macro_f1": empty, "accuracy": empty, "per_class": {lab: empty for lab in labels},
                "n_boot": 0, "seed": seed, "method": "percentile bootstrap"}
    k = len(labels)
    parts = [s[0] for s in _resampled([p], g, k, n_boot, seed)]
    macro = np.concatenate([s["macro_f1"] for s in parts])
    acc = np.concatenate([s["accuracy"] for s in parts])
    f1 = np.concatenate([s["f1"] for s in parts])
    return {
        "macro_f1": _interval(macro, alpha),
        "accuracy": _interval(acc, alpha),
        "per_class": {lab: _interval(f1[:, i], alpha) for i, lab in enumerate(labels)},
        "level": 1 - alpha,
        "n_boot": n_boot,
        "seed": seed,
        "method": "percentile bootstrap over examples",
    }


def paired_bootstrap(
    gold: Sequence[str],
    pred_a: Sequence[str],
    pred_b: Sequence[str],
    labels: Sequence[str],
    n_boot: int = DEFAULT_N_BOOT,
    seed: int = DEFAULT_SEED,
    alpha: float = 0.05,
) -> dict[str, Any]:
    """Two-sided paired bootstrap test of the macro-F1 difference delta = F1(A) - F1(B).

    Both models are scored on the same resampled examples, so the test sees only the
    variation that matters for the comparison. Method: the "shifted" test (Efron &
    Tibshirani 1993, sec. 16.4; Berg-Kirkpatrick et al. 2012, whose one-sided version counts
    resamples with delta* > 2*delta). The resampled deltas centred on the observed one,
    delta* - delta, stand in for the distribution of delta under H0; the two-sided p is

        p = (1 + #{ |delta*_b - delta| >= |delta| }) / (1 + n_boot),

    the +1 keeping p above zero (a bootstrap cannot show more than 1/(n_boot+1)). A model
    against itself has delta* = delta = 0 on every resample and hence p = 1.
    """
    labels = list(labels)
    g = encode(gold, labels)
    a, b = encode(pred_a, labels), encode(pred_b, labels)
    if not (len(g) == len(a) == len(b)):
        raise ValueError("paired bootstrap needs predictions for the same examples")
    if len(g) == 0:
        return {"delta": 0.0, "p_value": 1.0, "ci95": {"low": 0.0, "high": 0.0}, "n_boot": 0, "seed": seed}
    k = len(labels)
    observed = float(point_scores(g, a, k)["macro_f1"][0] - point_scores(g, b, k)["macro_f1"][0])
    deltas = np.concatenate([sa["macro_f1"] - sb["macro_f1"] for sa, sb in _resampled([a, b], g, k, n_boot, seed)])
    extreme = np.abs(deltas - observed) >= abs(observed) - 1e-12  # tolerance: float noise on exact ties
    return {
        "delta": observed,
        "p_value": float((1 + extreme.sum()) / (1 + n_boot)),
        "ci95": _interval(deltas, alpha),
        "n_boot": n_boot,
        "seed": seed,
        "method": "two-sided shifted paired bootstrap over examples (Berg-Kirkpatrick et al. 2012, two-sided)",
    }


def mcnemar_counts(b: int, c: int) -> float:
    """Exact two-sided McNemar p from the discordant counts: binomial test of b in b+c at 1/2."""
    if b + c == 0:
        return 1.0
    return float(binomtest(int(b), int(b + c), 0.5, alternative="two-sided").pvalue)


def mcnemar_exact(gold: Sequence[str], pred_a: Sequence[str], pred_b: Sequence[str]) -> dict[str, Any]:
    """McNemar's exact test on the 2x2 table of correct/incorrect per example.

    Only the discordant pairs carry evidence: b = A right and B wrong, c = A wrong and B
    right. Under H0 (equal error rates) b ~ Binomial(b + c, 1/2). Accuracy-based, so it
    complements the paired bootstrap, which tests macro-F1.
    """
    if not (len(gold) == len(pred_a) == len(pred_b)):
        raise ValueError("McNemar's test needs predictions for the same examples")
    ra = np.array([x == y for x, y in zip(pred_a, gold)], dtype=bool)
    rb = np.array([x == y for x, y in zip(pred_b, gold)], dtype=bool)
    table = [[int((ra & rb).sum()), int((ra & ~rb).sum())], [int((~ra & rb).sum()), int((~ra & ~rb).sum())]]
    b, c = table[0][1], table[1][0]
    return {"table": table, "b": b, "c": c, "p_value": mcnemar_counts(b, c), "method": "exact binomial McNemar"}
