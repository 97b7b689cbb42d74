"""The stance classifier's goals, measured: dev macro-F1 and per-class F1, the margin over both
baselines, calibration after scaling, training time and same-seed reproducibility.

Trains the default config twice with the same seed and both baselines (`stance train`, about
4-8 minutes per default run and seconds per baseline on 2 CPU cores), then prints each goal with
its measured figure and whether it is met. "Clearly above" a baseline means a positive macro-F1
difference with a paired bootstrap p below 0.05 on the dev set, which is only measured on.

    python benchmarks/classifier_goals.py [--output-dir /tmp/stance-goals]
        [--reuse]   # read the newest finished runs under --output-dir instead of training again
"""

from __future__ import annotations

import argparse
import hashlib
import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

RUNS = {  # name -> (config, run folder under --output-dir)
    "default-a": ("configs/default.yaml", "run-a"),
    "default-b": ("configs/default.yaml", "run-b"),
    "majority": ("configs/baseline-majority.yaml", "baselines"),
    "tfidf": ("configs/baseline-tfidf.yaml", "baselines"),
}
GOALS = {"macro_f1": 0.80, "per_class_f1": 0.70, "ece_after_scaling": 0.05, "train_seconds": 600, "p_value": 0.05}


def newest_version(root: Path) -> Path | None:
    versions = sorted((p for p in root.glob("*/v*") if (p / "metrics.json").is_file()),
                      key=lambda p: (p.parent.name, int(p.name[1:])))
    return versions[-1] if versions else None


def train(config: str, out: Path) -> Path:
    proc = subprocess.run([sys.executable, "-m", "stance.cli", "train", str(ROOT / config), "--output-dir", str(out)],
                          capture_output=True, text=True, cwd=ROOT)
    if proc.returncode != 0:
        sys.exit(f"{config}: training failed\n{proc.stderr[-2000:]}")
    return Path(proc.stdout.strip().splitlines()[-1])


def dev_predictions(model_dir: Path, examples: list) -> list[dict[str, float]]:
    from stance.classify import StanceClassifier

    return [p.scores for p in StanceClassifier.from_pretrained(model_dir, backend="torch").predict(examples)]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--output-dir", default="/tmp/stance-goals")
    ap.add_argument("--reuse", action="store_true")
    args = ap.parse_args()
    out = Path(args.output_dir)
    dirs: dict[str, Path] = {}
    for name, (config, sub) in RUNS.items():
        folder = out / sub
        if args.reuse:
            kind = Path(config).stem.removeprefix("baseline-")
            found = sorted(folder.glob(f"*{kind}*/v*")) if sub == "baselines" else [newest_version(folder)]
            if not found or found[-1] is None:
                sys.exit(f"--reuse: no finished run for {name} under {folder}")
            dirs[name] = found[-1]
        else:
            dirs[name] = train(config, folder)
        print(f"{name:10s} {dirs[name]}", flush=True)

    from evaluation.stats import paired_bootstrap
    from stance.io import read_examples

    metrics = {n: json.loads((d / "metrics.json").read_text()) for n, d in dirs.items()}
    dev_path = metrics["default-a"]["dev"]["path"]
    examples = read_examples(dev_path)
    labels = list(metrics["default-a"]["dev"]["per_class"])
    gold = [e.label for e in examples]
    preds = {n: [max(s, key=s.get) for s in dev_predictions(d, examples)] for n, d in dirs.items()}
    a = metrics["default-a"]
    rows = []
    f1 = a["dev"]["macro_f1"]
    rows.append(("dev macro-F1", f"{f1:.3f}", f">= {GOALS['macro_f1']}", f1 >= GOALS["macro_f1"]))
    for lab in labels:
        x = a["dev"]["per_class"][lab]["f1"]
        rows.append((f"dev F1 {lab}", f"{x:.3f}", f">= {GOALS['per_class_f1']}", x >= GOALS["per_class_f1"]))
    for base in ("majority", "tfidf"):
        test = paired_bootstrap(gold, preds["default-a"], preds[base], labels)
        ok = test["delta"] > 0 and test["p_value"] < GOALS["p_value"]
        rows.append((f"above {base} ({metrics[base]['dev']['macro_f1']:.3f})",
                     f"{test['delta']:+.3f}, p {test['p_value']:.3f}", "> 0 with p < 0.05", ok))
    ece = a["validation"]["ece_after_scaling"]
    rows.append(("validation ECE after scaling", f"{ece:.3f} (cross-fitted "
                 f"{a['validation']['ece_after_scaling_crossfit']:.3f})", f"<= {GOALS['ece_after_scaling']}",
                 ece <= GOALS["ece_after_scaling"]))
    secs = [metrics[n]["train_seconds"] for n in ("default-a", "default-b")]
    rows.append(("training seconds (two runs)", " / ".join(f"{s:.0f}" for s in secs), f"<= {GOALS['train_seconds']}",
                 max(secs) <= GOALS["train_seconds"]))
    same_metrics = ({k: v for k, v in metrics["default-a"].items() if k != "train_seconds"}
                    == {k: v for k, v in metrics["default-b"].items() if k != "train_seconds"})
    weights = [hashlib.sha256((dirs[n] / "model.safetensors").read_bytes()).hexdigest()[:12]
               for n in ("default-a", "default-b")]
    same_preds = dev_predictions(dirs["default-a"], examples) == dev_predictions(dirs["default-b"], examples)
    rows.append(("same seed, same metrics / predictions / weights",
                 f"{same_metrics} / {same_preds} / {weights[0] == weights[1]} ({weights[0]})", "all True",
                 same_metrics and same_preds and weights[0] == weights[1]))
    width = max(len(r[0]) for r in rows)
    print(f"\n{'goal':{width}s}  {'measured':32s}  {'target':18s}  met")
    for name, got, target, ok in rows:
        print(f"{name:{width}s}  {got:32s}  {target:18s}  {'yes' if ok else 'NO'}")


if __name__ == "__main__":
    main()
