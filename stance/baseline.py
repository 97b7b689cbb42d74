"""Scikit-learn baselines (majority class, TF-IDF + logistic regression) behind the classifier's API.

They are trained by `stance train` like any model, so every report can set a transformer
beside the simplest models that could have done the job.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from .classify import BASELINE_FILE, ModelIdentity, StanceConfig, _renormalise
from .errors import StanceError
from .records import Example, Prediction


def baseline_text(ex: Example) -> str:
    """Target and quote in one string; the target is a feature like any word."""
    return f"[{ex.target}] {ex.quote}"


class BaselineClassifier(ModelIdentity):
    """A fitted scikit-learn pipeline with the same `predict` as `StanceClassifier`."""

    def __init__(self, pipeline: Any, config: StanceConfig, path: str | None = None) -> None:
        self.pipeline = pipeline
        self.config = config
        self.path = path

    @classmethod
    def load(cls, path: Path, config: StanceConfig) -> BaselineClassifier:
        import joblib

        try:
            pipeline = joblib.load(path / BASELINE_FILE)
        except Exception as err:  # joblib surfaces pickle, EOF and version errors alike
            raise StanceError(f"cannot load the baseline model ({type(err).__name__}: {err})", path) from None
        return cls(pipeline, config, str(path))

    def save(self, path: Path) -> None:
        import joblib

        joblib.dump(self.pipeline, path / BASELINE_FILE)

    def predict(
        self,
        examples: Sequence[Example],
        batch_size: int = 32,
        progress: Callable[[int], None] | None = None,
    ) -> list[Prediction]:
        if not examples:
            return []
        probs = self.pipeline.predict_proba([baseline_text(e) for e in examples])
        classes = [str(c) for c in self.pipeline.classes_]
        out = []
        for row in probs:
            scores = {lab: 0.0 for lab in self.labels}
            for c, v in zip(classes, row):
                scores[c] = round(float(v), 6)
            scores = _renormalise(scores)
            out.append(Prediction(label=max(scores, key=lambda k: scores[k]), scores=scores))
        if progress:
            progress(len(examples))
        return out
