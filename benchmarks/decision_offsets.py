"""Do per-class decision offsets fitted on validation raise macro-F1 where the model was not fitted?

Macro-F1 rewards the rare classes, and a model trained with balanced class weights may still
draw its lines where the validation split's mix puts them. This fits one additive offset per
class on the model's logits (a grid search for the best validation macro-F1, the last class
fixed at 0) and scores the dev set and the modern held-out half B with and without them. The
offsets are an experiment, not an option: they ship only if they help where they were not fitted.

    python benchmarks/decision_offsets.py MODEL_DIR [--config configs/default.yaml]
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
from pathlib import Path

import numpy as np
from sklearn.metrics import f1_score

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from benchmarks.modern_transfer import split  # noqa: E402
from stance.classify import StanceClassifier  # noqa: E402
from stance.paths import data_dir  # noqa: E402
from stance.records import Example  # noqa: E402
from training.config import load_config  # noqa: E402
from training.data import load_training_data  # noqa: E402
from training.train import load_dev  # noqa: E402


def macro_f1(logits: np.ndarray, gold: np.ndarray, offsets: np.ndarray) -> float:
    return float(f1_score(gold, (logits + offsets).argmax(1), average="macro", labels=range(logits.shape[1])))


def fit_offsets(logits: np.ndarray, gold: np.ndarray, step: float = 0.1, span: float = 2.0) -> np.ndarray:
    """Exhaustive over a grid: with three classes that is 1,681 cheap scorings, no optimiser to tune."""
    grid = np.arange(-span, span + step / 2, step)
    k = logits.shape[1]
    best, best_off = -1.0, np.zeros(k)
    for combo in np.array(np.meshgrid(*[grid] * (k - 1))).T.reshape(-1, k - 1):
        off = np.append(combo, 0.0)
        score = macro_f1(logits, gold, off)
        if score > best:
            best, best_off = score, off
    return best_off


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("model", help="a trained stance model directory")
    ap.add_argument("--config", default=str(ROOT / "configs" / "default.yaml"),
                    help="the config the model was trained with (for its validation split and dev set)")
    args = ap.parse_args()
    root = data_dir()
    if root is None:
        raise SystemExit("no data directory: set STANCE_DATA_DIR")
    cfg = load_config(args.config)
    _, validation = load_training_data(cfg)
    dev = load_dev(cfg)
    clf = StanceClassifier.from_pretrained(args.model)
    labels = clf.labels
    with tempfile.TemporaryDirectory() as tmp:
        _, half_b, _ = split(ROOT / "data" / "modern_quotes", Path(tmp), root)
        modern_b = [Example.from_dict(json.loads(line)) for line in half_b.open(encoding="utf-8")]
    sets = {"validation": validation.examples, "dev": dev.examples if dev else [], "modern half B": modern_b}
    scored = {}
    for name, examples in sets.items():
        if examples:
            logits, _ = clf.logits(examples)
            scored[name] = (logits.numpy(), np.array([labels.index(e.label) for e in examples]))
    offsets = fit_offsets(*scored["validation"])
    print("offsets fitted on validation:", ", ".join(f"{lab} {o:+.1f}" for lab, o in zip(labels, offsets)))
    print(f"{'set':<16} {'n':>5} {'macro-F1':>9} {'with offsets':>13}")
    for name, (logits, gold) in scored.items():
        print(f"{name:<16} {len(gold):>5} {macro_f1(logits, gold, np.zeros(len(labels))):>9.3f} "
              f"{macro_f1(logits, gold, offsets):>13.3f}")


if __name__ == "__main__":
    main()
