"""Dev macro-F1 of the default recipe trained on each data mix (seed, real, both, both + each weak set).

Trains one model per config with `stance train` (about 5-15 minutes each on 2 CPU cores) and
prints a table from each run's metrics.json. The dev set is only measured on.

    python benchmarks/data_ablation.py [--output-dir /tmp/ablation] [--only seed real]
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
RUNS = {
    "seed": "configs/ablation-seed.yaml",
    "real": "configs/ablation-real.yaml",
    "both": "configs/default.yaml",
    "both+unscon": "configs/weak-unscon.yaml",
    "both+directed-sentiment": "configs/weak-directed-sentiment.yaml",
}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--output-dir", default="/tmp/stance-ablation")
    ap.add_argument("--only", nargs="*", choices=sorted(RUNS), help="train only these mixes")
    args = ap.parse_args()
    rows = []
    for name, cfg in RUNS.items():
        if args.only and name not in args.only:
            continue
        proc = subprocess.run(
            [sys.executable, "-m", "stance.cli", "train", str(ROOT / cfg), "--output-dir", args.output_dir],
            capture_output=True, text=True, cwd=ROOT,
        )
        if proc.returncode != 0:
            print(f"{name}: training failed: {proc.stderr.strip().splitlines()[-1]}", file=sys.stderr)
            continue
        path = Path(proc.stdout.strip().splitlines()[-1])
        m = json.loads((path / "metrics.json").read_text())
        counts = json.loads((path / "stance_config.json").read_text())["extra"]["counts"]
        dev = m.get("dev", {})
        rows.append((name, counts["train"], m["validation"]["macro_f1"], dev.get("macro_f1"),
                     {k: v["f1"] for k, v in dev.get("per_class", {}).items()}, m["train_seconds"]))
    print(f"{'data':<26} {'train n':>7} {'val F1':>7} {'dev F1':>7}  per-class dev F1 (T/C/N)   seconds")
    for name, n, val, dev, pc, secs in rows:
        per = "/".join(f"{pc.get(k, 0):.2f}" for k in ("threatening", "conciliatory", "neutral"))
        print(f"{name:<26} {n:>7} {val:>7.3f} {dev if dev is not None else float('nan'):>7.3f}  {per:<24} {secs:>7.0f}")


if __name__ == "__main__":
    main()
