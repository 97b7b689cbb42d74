"""A model against an annotated set: predictions, metrics with intervals, and the rows a report shows.

Besides the headline metrics this computes what a reader needs to trust them: bootstrap
intervals, where the model does well or badly (per target, per speaker), and whether it
reads the target at all (the target-sensitivity check).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from typing import Any

import numpy as np
from sklearn.metrics import f1_score

from stance.classify import StanceClassifier
from stance.errors import StanceError
from stance.records import Example, Prediction

from .metrics import classification_metrics
from .stats import DEFAULT_N_BOOT, DEFAULT_SEED, bootstrap_ci

MASK_TARGET = "the other side"
BREAKDOWN_LIMIT = 15
MIN_SUPPORT_FOR_F1 = 5
NO_SPEAKER = "(no speaker)"


@dataclass
class Evaluation:
    model: str
    examples: list[Example]
    predictions: list[Prediction]
    metrics: dict[str, Any]


def check_labels(labels: Sequence[str], examples: Sequence[Example], data_path: str = "") -> None:
    """A gold label outside the model's scheme is an error, not a silent drop."""
    for i, ex in enumerate(examples, start=1):
        if ex.label not in labels:
            raise StanceError(
                f"gold label {ex.label!r} is not in the model's label scheme {list(labels)}", data_path or None, i
            )


def breakdown(
    examples: Sequence[Example],
    predictions: Sequence[Prediction],
    key: Callable[[Example], str],
    limit: int = BREAKDOWN_LIMIT,
) -> dict[str, Any]:
    """Support, accuracy and macro-F1 per group (target or speaker), the `limit` largest groups.

    Macro-F1 is given only where it means something: at least MIN_SUPPORT_FOR_F1 examples
    and two gold classes, averaged over the labels seen in that group's gold or predictions
    (a class the group never has or gets would otherwise count as F1 = 0).
    """
    groups: dict[str, list[int]] = {}
    for i, ex in enumerate(examples):
        groups.setdefault(key(ex), []).append(i)
    rows = []
    for name, idx in sorted(groups.items(), key=lambda kv: (-len(kv[1]), kv[0]))[:limit]:
        gold = [examples[i].label for i in idx]
        pred = [predictions[i].label for i in idx]
        acc = sum(g == p for g, p in zip(gold, pred)) / len(idx)
        f1 = None
        if len(idx) >= MIN_SUPPORT_FOR_F1 and len(set(gold)) >= 2:
            f1 = float(f1_score(gold, pred, average="macro", zero_division=0))
        rows.append({"group": name, "support": len(idx), "accuracy": acc, "macro_f1": f1,
                     "gold": dict(Counter(gold))})
    return {"groups": len(groups), "rows": rows}


def _total_variation(a: dict[str, float], b: dict[str, float]) -> float:
    return 0.5 * sum(abs(a[k] - b.get(k, 0.0)) for k in a)


def swap_targets(examples: Sequence[Example], seed: int = DEFAULT_SEED) -> list[Example] | None:
    """Each example with another target drawn (seeded) from the set's targets; None if there is one."""
    targets = sorted({ex.target for ex in examples})
    if len(targets) < 2:
        return None
    rng = np.random.default_rng(seed)
    out = []
    for ex in examples:
        others = [t for t in targets if t != ex.target]
        out.append(replace(ex, target=others[int(rng.integers(len(others)))]))
    return out


def target_sensitivity(
    classifier: StanceClassifier,
    examples: Sequence[Example],
    predictions: Sequence[Prediction],
    seed: int = DEFAULT_SEED,
    progress: Callable[[int], None] | None = None,
) -> dict[str, Any]:
    """How much the model uses the target: relabel with the target masked, and with it swapped.

    Stance is toward a target, so "We will sink their ships" should read differently toward
    the navy's owner than toward a bystander. A model whose labels rarely change when the
    target is masked (MASK_TARGET) or replaced by another target of the set is labelling the
    quote's tone, not its stance toward the target. Only the target field changes; mentions
    of the target inside the quote or context stay, as they would in real text.
    """
    variants = {"masked": [replace(ex, target=MASK_TARGET) for ex in examples], "swapped": swap_targets(examples, seed)}
    out: dict[str, Any] = {"placeholder": MASK_TARGET}
    for name, changed in variants.items():
        if changed is None:
            out[name] = None
            continue
        new = classifier.predict(changed, progress=progress)
        flips = [p.label != q.label for p, q in zip(predictions, new)]
        by_label: dict[str, list[bool]] = {}
        for p, f in zip(predictions, flips):
            by_label.setdefault(p.label, []).append(f)
        n = max(len(flips), 1)
        out[name] = {
            "changed": sum(flips),
            "change_rate": sum(flips) / n,
            "change_rate_by_original_label": {k: sum(v) / len(v) for k, v in sorted(by_label.items())},
            "mean_score_shift": sum(_total_variation(p.scores, q.scores) for p, q in zip(predictions, new)) / n,
        }
    return out


def evaluate(
    classifier: StanceClassifier,
    examples: list[Example],
    data_path: str = "",
    progress: Callable[[int], None] | None = None,
    n_boot: int = DEFAULT_N_BOOT,
    seed: int = DEFAULT_SEED,
    sensitivity: bool = True,
) -> Evaluation:
    """Score every example; metrics get 95 % bootstrap intervals ("ci95"), breakdowns and the sensitivity check.

    With `sensitivity`, the model labels the set twice more (masked and swapped targets), so
    `progress` counts up to three times the number of examples.
    """
    labels = classifier.labels
    check_labels(labels, examples, data_path)
    preds = classifier.predict(examples, progress=progress)
    gold = [e.label for e in examples]
    pred = [p.label for p in preds]
    probs = np.array([[p.scores[lab] for lab in labels] for p in preds]).reshape(len(preds), len(labels))
    metrics = classification_metrics(gold, pred, labels, probs)
    metrics["model"] = classifier.model_id
    metrics["data"] = data_path
    metrics["truncated"] = sum(p.truncated for p in preds)
    ci = bootstrap_ci(gold, pred, labels, n_boot=n_boot, seed=seed)
    metrics["ci95"] = ci
    for lab in labels:
        metrics["per_class"][lab]["f1_ci95"] = ci["per_class"][lab]
    metrics["by_target"] = breakdown(examples, preds, lambda e: e.target)
    metrics["by_speaker"] = breakdown(examples, preds, lambda e: e.speaker or NO_SPEAKER)
    if sensitivity and examples:
        metrics["target_sensitivity"] = target_sensitivity(classifier, examples, preds, seed, progress)
    return Evaluation(classifier.model_id, examples, preds, metrics)
