"""A model against an annotated set: predictions, metrics, and the rows a report shows."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import numpy as np

from stance.classify import StanceClassifier
from stance.errors import StanceError
from stance.records import Example, Prediction

from .metrics import classification_metrics


@dataclass
class Evaluation:
    model: str
    examples: list[Example]
    predictions: list[Prediction]
    metrics: dict[str, Any]


def evaluate(
    classifier: StanceClassifier,
    examples: list[Example],
    data_path: str = "",
    progress: Callable[[int], None] | None = None,
) -> Evaluation:
    """Score every example; a gold label outside the model's scheme is an error, not a silent drop."""
    labels = classifier.labels
    for i, ex in enumerate(examples, start=1):
        if ex.label not in labels:
            raise StanceError(
                f"gold label {ex.label!r} is not in the model's label scheme {labels}", data_path or None, i
            )
    preds = classifier.predict(examples, progress=progress)
    probs = np.array([[p.scores[lab] for lab in labels] for p in preds])
    metrics = classification_metrics([e.label for e in examples], [p.label for p in preds], labels, probs)
    metrics["model"] = classifier.model_id
    metrics["data"] = data_path
    metrics["truncated"] = sum(p.truncated for p in preds)
    return Evaluation(classifier.model_id, examples, preds, metrics)
