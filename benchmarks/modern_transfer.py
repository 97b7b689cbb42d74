"""Does labelled modern news help on modern news the model has not seen, and what does it cost on dev?

Splits `data/modern_quotes/` by document (crc32 of the name: even = half A, odd = half B), trains
the default recipe with and without the half-A pairs (`stance train`, about 4-8 minutes each on 2
CPU cores), and scores both models on the half-B pairs with `stance evaluate`, next to their dev
macro-F1. The texts come from the data directory; the split files live in a temporary folder.

    python benchmarks/modern_transfer.py [--seed 13] [--output-dir /tmp/stance-modern]
        [--baseline MODEL_DIR]   # reuse a default model trained with the same seed
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from evaluation.target_judgements import half  # noqa: E402
from stance.paths import data_dir  # noqa: E402
from training.data import CorpusTexts, paragraph_around  # noqa: E402


def split(folder: Path, out: Path, root: Path) -> tuple[Path, Path, dict[str, int]]:
    """Half-A pointer files (to train on) and half-B examples with their texts (to score)."""
    (out / "half_a").mkdir(parents=True, exist_ok=True)
    texts = CorpusTexts(root)
    counts = {"A": 0, "B": 0}
    examples = out / "half_b.jsonl"
    with examples.open("w", encoding="utf-8") as fb:
        for f in sorted(folder.glob("*.jsonl")):
            with f.open(encoding="utf-8") as fh, (out / "half_a" / f.name).open("w", encoding="utf-8") as fa:
                for n, line in enumerate(fh, start=1):
                    d = json.loads(line)
                    if half(str(d["doc"])) == "A":
                        fa.write(line)
                        counts["A"] += 1
                        continue
                    text = texts.get(d["corpus"], str(d["doc"]), (str(f), n))
                    parts = d.get("parts") or [[d["start"], d["end"]]]
                    quote = " ".join(" ".join(text[a:b].split()) for a, b in parts)
                    ex = {"id": f"{d['corpus']}:{d['doc']}:{d['start']}:{d['target']}", "quote": quote,
                          "target": d["target"], "speaker": d.get("speaker"), "label": d["label"],
                          "context": paragraph_around(text, parts[0][0], parts[-1][1])}
                    fb.write(json.dumps(ex) + "\n")
                    counts["B"] += 1
    return out / "half_a", examples, counts


def _stance(*args: str) -> str:
    proc = subprocess.run([sys.executable, "-m", "stance.cli", *args], capture_output=True, text=True, cwd=ROOT)
    if proc.returncode != 0:
        raise SystemExit(f"stance {args[0]} failed: {(proc.stderr.strip().splitlines() or ['?'])[-1]}")
    return proc.stdout


def train(config: Path, seed: int, name: str, output_dir: str) -> Path:
    out = _stance("train", str(config), "--set", f"seed={seed}", "--set", f"name={name}", "--output-dir", output_dir)
    return Path(out.strip().splitlines()[-1])


def score(model: Path, data: Path, report: Path) -> dict:
    _stance("evaluate", "--model", str(model), "--data", str(data), "--report", str(report), "--overwrite",
            "--no-sensitivity")
    return json.loads((report / "metrics.json").read_text())


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--seed", type=int, default=13)
    ap.add_argument("--output-dir", default="/tmp/stance-modern")
    ap.add_argument("--baseline", default=None, help="a default model trained with the same seed, to reuse")
    args = ap.parse_args()
    root = data_dir()
    if root is None:
        raise SystemExit("no data directory: set STANCE_DATA_DIR")
    with tempfile.TemporaryDirectory() as tmp:
        half_a, half_b, counts = split(ROOT / "data" / "modern_quotes", Path(tmp), root)
        cfg = Path(tmp) / "with_half_a.yaml"
        cfg.write_text(
            f"extends: {ROOT / 'configs' / 'default.yaml'}\n"
            "data:\n  train:\n"
            f"    - path: {ROOT / 'data' / 'seed'}/*.jsonl\n"
            f"    - path: {ROOT / 'data' / 'real_quotes'}/*.jsonl\n      format: pointers\n"
            f"    - path: {half_a}/*.jsonl\n      format: pointers\n",
            encoding="utf-8",
        )
        models = {
            "default": Path(args.baseline) if args.baseline else train(
                ROOT / "configs" / "default.yaml", args.seed, "transfer-default", args.output_dir),
            f"+ modern half A ({counts['A']})": train(cfg, args.seed, "transfer-half-a", args.output_dir),
        }
        print(f"modern held-out half B: {counts['B']} pairs; seed {args.seed}")
        print(f"{'model':<28} {'half B macro-F1 [95%]':<26} {'dev macro-F1':>12} {'train s':>8}")
        for name, path in models.items():
            m = score(path, half_b, Path(tmp) / "report" / path.parent.name)
            lo, hi = m["ci95"]["macro_f1"]["low"], m["ci95"]["macro_f1"]["high"]
            trained = json.loads((path / "metrics.json").read_text())
            dev = trained.get("dev", {}).get("macro_f1", float("nan"))
            print(f"{name:<28} {m['macro_f1']:.3f} [{lo:.3f}, {hi:.3f}]{'':<9} {dev:>12.3f} "
                  f"{trained.get('train_seconds', float('nan')):>8.0f}")


if __name__ == "__main__":
    main()
