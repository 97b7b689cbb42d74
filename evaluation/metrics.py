"""Classification metrics, computed with scikit-learn so that figures match what users know."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import numpy as np
from sklearn.metrics import accuracy_score, confusion_matrix, f1_score, precision_recall_fscore_support


def expected_calibration_error(probs: np.ndarray, gold: np.ndarray, n_bins: int = 10) -> float:
    """Top-label ECE with equal-width bins: the gap between confidence and accuracy, weighted by bin size."""
    probs = np.asarray(probs, dtype=float)
    gold = np.asarray(gold)
    if len(gold) == 0:
        return 0.0
    conf = probs.max(axis=1)
    correct = (probs.argmax(axis=1) == gold).astype(float)
    bins = np.linspace(0.0, 1.0, n_bins + 1)
    ece = 0.0
    for lo, hi in zip(bins[:-1], bins[1:]):
        mask = (conf > lo) & (conf <= hi) if lo > 0 else (conf >= lo) & (conf <= hi)
        if mask.any():
            ece += mask.mean() * abs(conf[mask].mean() - correct[mask].mean())
    return float(ece)


def classification_metrics(
    gold: Sequence[str], pred: Sequence[str], labels: Sequence[str], probs: np.ndarray | None = None
) -> dict[str, Any]:
    """macro-F1, accuracy, per-class P/R/F1/support, confusion (rows gold, columns predicted), ECE."""
    labels = list(labels)
    p, r, f, s = precision_recall_fscore_support(gold, pred, labels=labels, zero_division=0)
    out: dict[str, Any] = {
        "n": len(gold),
        "macro_f1": float(f1_score(gold, pred, labels=labels, average="macro", zero_division=0)),
        "accuracy": float(accuracy_score(gold, pred)) if len(gold) else 0.0,
        "per_class": {
            lab: {"precision": float(p[i]), "recall": float(r[i]), "f1": float(f[i]), "support": int(s[i])}
            for i, lab in enumerate(labels)
        },
        "confusion": {
            "labels": labels,
            "matrix": confusion_matrix(gold, pred, labels=labels).tolist(),
        },
    }
    if probs is not None:
        index = {lab: i for i, lab in enumerate(labels)}
        out["ece"] = expected_calibration_error(np.asarray(probs), np.array([index[g] for g in gold]))
    return out
