"""Quote segmentation throughput: median articles per second on one core (single process).

Segments every article of each corpus several times and prints, per corpus, the median rate
over the runs (the median resists other work on a shared machine better than the mean). The
rate per core divides by the process's CPU time (``time.process_time``), which other load on a
shared machine does not inflate; the wall-clock rate is printed beside it:

- BBC politics: the plain-text files ``bbc-politics/*.txt``;
- PolNeAR: the texts of ``polnear/dev`` and ``polnear/train`` together;
- Reuters dev (``reuters-dev/articles.jsonl``), when present, for comparison.

Run from the repository root::

    .venv/bin/python benchmarks/segment_throughput.py [--runs 5] [--mixed content|fragment]

The data directory is ``$STANCE_DATA_DIR`` when set, else ``../shared/data`` relative to the
repository root. Nothing is written; the segmenter runs with the default target lexicon, which is
loaded (and the segmenter warmed up on the first corpus) before timing starts. The segmenter
memoises what it works out from a string alone (capitalised runs, short lexicon lookups), so later
runs over the same texts are faster than the first; the first run is the figure for unseen text.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from stance.records import Article  # noqa: E402
from stance.segment import segment  # noqa: E402
from stance.targets import TargetLexicon  # noqa: E402


def data_dir() -> Path:
    env = os.environ.get("STANCE_DATA_DIR")
    return Path(env) if env else (ROOT / ".." / "shared" / "data").resolve()


def _txt_dir(folder: Path) -> list[Article]:
    return [Article(id=p.stem, text=p.read_text(encoding="utf-8")) for p in sorted(folder.glob("*.txt"))]


def corpora(root: Path) -> dict[str, list[Article]]:
    out: dict[str, list[Article]] = {}
    bbc = root / "bbc-politics"
    if bbc.is_dir():
        out["bbc-politics"] = _txt_dir(bbc)
    polnear: list[Article] = []
    for split in ("dev", "train"):
        folder = root / "polnear" / split
        polnear.extend(_txt_dir(folder / "text" if (folder / "text").is_dir() else folder))
    if polnear:
        out["polnear dev+train"] = polnear
    reuters = root / "reuters-dev" / "articles.jsonl"
    if reuters.is_file():
        arts = []
        with reuters.open(encoding="utf-8") as fh:
            for line in fh:
                if line.strip():
                    rec = json.loads(line)
                    arts.append(Article(id=str(rec.get("id", rec.get("doc"))), text=rec["text"]))
        out["reuters-dev"] = arts
    return out


def measure(articles: list[Article], lex: TargetLexicon, runs: int, mixed: str) -> tuple[list[float], list[float], int]:
    """Articles per CPU second and per wall second of each run, and the quotes found."""
    cpu, wall = [], []
    n_quotes = 0
    for _ in range(runs):
        c0, w0 = time.process_time(), time.perf_counter()
        n_quotes = 0
        for art in articles:
            n_quotes += len(segment(art, lex, mixed=mixed))
        cpu.append(len(articles) / max(time.process_time() - c0, 1e-9))
        wall.append(len(articles) / max(time.perf_counter() - w0, 1e-9))
    return cpu, wall, n_quotes


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--runs", type=int, default=5, help="timed runs per corpus (default 5)")
    ap.add_argument("--mixed", choices=("content", "fragment"), default="content")
    args = ap.parse_args(argv)
    root = data_dir()
    found = corpora(root)
    if not found:
        print(f"no corpora found under {root} (set STANCE_DATA_DIR)", file=sys.stderr)
        return 2
    lex = TargetLexicon.load()
    first = next(iter(found.values()))
    for art in first[:50]:
        segment(art, lex, mixed=args.mixed)  # warm-up: compiled patterns, caches
    print(f"data {root}; mixed={args.mixed}; {args.runs} runs; one process, one core")
    for name, arts in found.items():
        chars = sum(len(a.text) for a in arts)
        cpu, wall, nq = measure(arts, lex, args.runs, args.mixed)
        spread = ", ".join(f"{r:.0f}" for r in cpu)
        print(
            f"{name:<18} {len(arts):>5} articles, {chars / len(arts):>6.0f} chars avg, {nq:>5} quotes: "
            f"median {statistics.median(cpu):>5.0f} articles/s per core (runs: {spread}; the first has cold "
            f"caches); "
            f"wall {statistics.median(wall):.0f}/s"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
