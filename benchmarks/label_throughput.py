"""Labelling throughput: `stance label` against a plain `transformers.pipeline`, in one run.

Both label the same (target, quote) pairs of real news quotes with the same trained model on
the same machine. The pairs come from segmenting the shared news archives (reuters-pool,
then BBC politics) with the default segmenter and target lexicon, written once as quote
records to a temporary folder (nothing is written into the repository).

- stance: `Labeller.run` from the quote file to a JSONL output, which is what `stance label
  QUOTES.jsonl -o OUT.jsonl` runs after loading the model, with the torch backend, with
  `--backend onnx` and with `--backend int8`;
- pipeline: `transformers.pipeline("text-classification", batch_size=32)` over the same
  pairs (read from the same file, first and second segment built by the model's own input
  template, so both see identical token sequences), predictions kept in memory.

Model loading is excluded from both. Each is run `--runs` times, interleaved, and the median
pairs per second is printed with the ratio of the medians. Labels of each path are compared
with the pipeline's (argmax of the same logits), and the int8 backend's labels with the fp32
ONNX backend's on the dev set as well (when the data directory holds it).

Peak memory: `stance label` is run as a child process on the quote file and on a file 10x
larger (the same records repeated), and its peak resident memory (getrusage of that child)
is printed for both.

    .venv/bin/python benchmarks/label_throughput.py [--pairs 5000] [--runs 3] [--model DIR]
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from stance.classify import StanceClassifier  # noqa: E402
from stance.io import iter_records, quote_from_any  # noqa: E402
from stance.paths import data_dir  # noqa: E402
from stance.pipeline import Labeller, examples_of  # noqa: E402
from stance.records import Article  # noqa: E402
from stance.segment import segment  # noqa: E402
from stance.targets import TargetLexicon  # noqa: E402


def build_quotes(n_pairs: int, out: Path) -> tuple[int, int]:
    """Quote records with targets from real articles until they hold `n_pairs` pairs."""
    root = data_dir()
    lexicon = TargetLexicon.load()
    sources = [root / "reuters-pool" / "articles.jsonl", root / "bbc-politics"]
    pairs = quotes = 0
    with open(out, "w", encoding="utf-8") as fh:
        for src in sources:
            if not src.exists():
                continue
            for loc in iter_records(src, strict=False):
                if loc.error:
                    continue
                for q in segment(Article.from_dict(loc.data), lexicon):
                    if not q.targets:
                        continue
                    fh.write(json.dumps(q.to_dict(), ensure_ascii=False) + "\n")
                    pairs += len(q.targets)
                    quotes += 1
                    if pairs >= n_pairs:
                        return pairs, quotes
    if pairs < n_pairs:
        sys.exit(f"only {pairs} pairs found in {root}; is the shared data directory there?")
    return pairs, quotes


def run_stance(clf: StanceClassifier, quotes: Path, work: Path) -> tuple[float, list[str]]:
    out = work / "stance_out.jsonl"
    start = time.perf_counter()
    Labeller(clf).run(quotes, out, overwrite=True)
    seconds = time.perf_counter() - start
    labels = [json.loads(line)["label"] for line in open(out, encoding="utf-8")]
    return seconds, labels


def run_pipeline(pipe, clf: StanceClassifier, quotes: Path) -> tuple[float, list[str]]:
    start = time.perf_counter()
    qs = [quote_from_any(loc.data) for loc in iter_records(quotes)]
    examples = [t[2] for t in examples_of(qs)]
    firsts, seconds_, _ = clf.encoder.pairs(examples)
    inputs = [{"text": a, "text_pair": b} for a, b in zip(firsts, seconds_)]
    preds = pipe(inputs, batch_size=32, truncation="only_second", max_length=clf.config.template.max_length)
    seconds = time.perf_counter() - start
    id2label = pipe.model.config.id2label
    names = {v: clf.labels[int(k)] for k, v in id2label.items()} if id2label else {}
    return seconds, [names.get(p["label"], p["label"]) for p in preds]


def padded_tokens(clf: StanceClassifier, quotes: Path) -> None:
    """Tokens each path feeds the encoder: batches of 32 in input order against length-sorted ones."""
    qs = [quote_from_any(loc.data) for loc in iter_records(quotes)]
    enc, _ = clf.encoder([t[2] for t in examples_of(qs)])
    lengths = [len(ids) for ids in enc["input_ids"]]

    def padded(seq: list[int]) -> int:
        return sum(max(seq[s : s + 32]) * len(seq[s : s + 32]) for s in range(0, len(seq), 32))

    real = sum(lengths)
    print(f"tokens: {real} real; the pipeline computes {padded(lengths) / real:.2f}x that with padding, "
          f"stance {padded(sorted(lengths)) / real:.2f}x (before deduplication)")


def peak_rss_mib(args: list[str]) -> tuple[float, float]:
    """Peak resident memory (MiB) and wall seconds of one child process."""
    start = time.perf_counter()
    proc = subprocess.Popen(args, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _, status, usage = os.wait4(proc.pid, 0)
    if os.waitstatus_to_exitcode(status) != 0:
        sys.exit(f"stance label failed: {proc.stderr.read().decode()[-500:]}")
    return usage.ru_maxrss / 1024, time.perf_counter() - start


def int8_dev_agreement(fp32: StanceClassifier, int8: StanceClassifier) -> None:
    """The int8 backend's labels against the fp32 ONNX backend's on the annotated dev set."""
    from stance.io import read_examples

    root = data_dir()
    dev = root / "annotated" / "dev.jsonl" if root else None
    if dev is None or not dev.is_file():
        print("int8 vs fp32 on dev: no dev set in the data directory")
        return
    examples = list(read_examples(dev))
    a, b = fp32.predict(examples), int8.predict(examples)
    same = sum(x.label == y.label for x, y in zip(a, b))
    print(f"int8 vs fp32 labels on the dev set: {same}/{len(examples)} agree ({same / len(examples):.4f})")


def throughput(model: Path, quotes: Path, work: Path, n_pairs: int, n_runs: int) -> None:
    from transformers import pipeline

    clf = StanceClassifier.from_pretrained(model)
    clf_onnx = StanceClassifier.from_pretrained(model, backend="onnx")
    clf_int8 = StanceClassifier.from_pretrained(model, backend="int8")
    pipe = pipeline("text-classification", model=str(model), device=-1)
    paths = [
        ("transformers.pipeline", lambda: run_pipeline(pipe, clf, quotes)),
        ("stance (torch)", lambda: run_stance(clf, quotes, work)),
        ("stance (onnx)", lambda: run_stance(clf_onnx, quotes, work)),
        ("stance (int8)", lambda: run_stance(clf_int8, quotes, work)),
    ]
    int8_dev_agreement(clf_onnx, clf_int8)
    padded_tokens(clf, quotes)
    runs: dict[str, list[float]] = {name: [] for name, _ in paths}
    labels: dict[str, list[str]] = {}
    for r in range(n_runs):
        for name, fn in paths:
            seconds, labels[name] = fn()
            runs[name].append(n_pairs / seconds)
            print(f"  run {r + 1}: {name:22s} {n_pairs / seconds:7.1f} pairs/s ({seconds:.1f} s)", flush=True)
    base = statistics.median(runs["transformers.pipeline"])
    print(f"\nmedian of {n_runs} runs, pairs per second (same model, same machine, same run):")
    for name, rates in runs.items():
        agree = sum(a == b for a, b in zip(labels[name], labels["transformers.pipeline"])) / n_pairs
        print(f"  {name:22s} {statistics.median(rates):7.1f}   {statistics.median(rates) / base:4.2f}x the pipeline"
              f"   label agreement with the pipeline {agree:.4f}")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--pairs", type=int, default=5000)
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--model", help="model directory (default: the cached default model)")
    ap.add_argument("--memory-backend", choices=("torch", "onnx"), default="onnx",
                    help="backend of the peak-memory runs (default onnx: the 10x run is the longest part)")
    ap.add_argument("--skip-memory", action="store_true")
    ap.add_argument("--skip-throughput", action="store_true")
    args = ap.parse_args()

    from stance.models import default_model_dir

    model = Path(args.model) if args.model else default_model_dir()
    work = Path(tempfile.mkdtemp(prefix="stance-bench-"))
    quotes = work / "quotes.jsonl"
    t0 = time.perf_counter()
    n_pairs, n_quotes = build_quotes(args.pairs, quotes)
    print(f"input: {n_pairs} (target, quote) pairs in {n_quotes} quotes from real news "
          f"(segmented in {time.perf_counter() - t0:.0f} s); model {model}; {os.cpu_count()} CPUs")

    if not args.skip_throughput:
        throughput(model, quotes, work, n_pairs, args.runs)

    if args.skip_memory:
        return
    big = work / "quotes_10x.jsonl"
    with open(big, "w", encoding="utf-8") as fh:
        text = quotes.read_text(encoding="utf-8")
        for _ in range(10):
            fh.write(text)
    cmd = [sys.executable, "-m", "stance.cli", "label", "--model", str(model), "--backend", args.memory_backend]
    one, t1 = peak_rss_mib([*cmd, str(quotes), "-o", str(work / "m1.jsonl")])
    ten, t10 = peak_rss_mib([*cmd, str(big), "-o", str(work / "m10.jsonl")])
    print(f"\npeak memory of `stance label --backend {args.memory_backend}` (child process, ru_maxrss):")
    print(f"  1x input  ({n_pairs} pairs):  {one:7.1f} MiB  ({t1:.0f} s)")
    print(f"  10x input ({10 * n_pairs} pairs): {ten:7.1f} MiB  ({t10:.0f} s)   ratio {ten / one:.3f}")


if __name__ == "__main__":
    main()
