"""Baselines trained by the same command from a config: majority class, TF-IDF + logistic regression."""

from __future__ import annotations

import time
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import numpy as np

from evaluation.metrics import classification_metrics
from stance.baseline import BaselineClassifier, baseline_text
from stance.classify import StanceConfig

from .config import RunConfig
from .data import display_path, fingerprint, load_training_data, require_two_labels
from .train import TrainResult, dev_metrics, load_dev, run_root, save_run


def make_pipeline(kind: str, seed: int, balanced: bool) -> Any:
    from sklearn.dummy import DummyClassifier
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.linear_model import LogisticRegression
    from sklearn.pipeline import make_pipeline as sk_pipeline

    if kind == "majority":
        return sk_pipeline(TfidfVectorizer(max_features=1), DummyClassifier(strategy="most_frequent"))
    return sk_pipeline(
        TfidfVectorizer(ngram_range=(1, 2), min_df=1, sublinear_tf=True, lowercase=True),
        LogisticRegression(C=4.0, max_iter=2000, class_weight="balanced" if balanced else None, random_state=seed),
    )


def train_baseline(cfg: RunConfig, output_root: str | Path | None = None) -> TrainResult:
    started = time.time()
    train_set, val_set = load_training_data(cfg)
    require_two_labels(train_set)
    dev = load_dev(cfg)
    labels = list(cfg.labels)
    pipeline = make_pipeline(cfg.model.kind, cfg.seed, cfg.train.class_weighting == "balanced")
    pipeline.fit([baseline_text(e) for e in train_set.examples], [e.label for e in train_set.examples])
    stance_cfg = StanceConfig(
        name=cfg.name,
        version="",
        labels=labels,
        base_model=cfg.model.kind,
        created=datetime.now(UTC).isoformat(timespec="seconds"),
    )
    clf = BaselineClassifier(pipeline, stance_cfg)
    metrics: dict[str, Any] = {"temperature": 1.0}
    if val_set.examples:
        preds = clf.predict(val_set.examples)
        probs = np.array([[p.scores[lab] for lab in labels] for p in preds])
        metrics["validation"] = classification_metrics(
            [e.label for e in val_set.examples], [p.label for p in preds], labels, probs
        )
    dev_metrics(dev, labels, clf, metrics)
    seconds = time.time() - started
    metrics["train_seconds"] = round(seconds, 1)
    files = {**train_set.files, **val_set.files}
    stance_cfg.extra = {
        "kind": cfg.model.kind,
        "data_sources": [display_path(s.path) for s in cfg.data.train],
        "data_fingerprint": fingerprint(files),
        "counts": {"train": len(train_set.examples), "validation": len(val_set.examples)},
    }
    path = save_run(run_root(cfg, output_root), clf.save, stance_cfg, cfg, files, metrics, [], train_set)
    return TrainResult(path=path, metrics=metrics, seconds=seconds)
