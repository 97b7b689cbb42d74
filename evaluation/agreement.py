"""Inter-annotator agreement: how far independent readings of the guidelines agree.

Three measurements, each from files in `data/`:
- `sample`: a second, blind labelling of a sample (`agreement/second_labels.jsonl`) against
  the first labels of the seed set and of the real quotes;
- `real-quotes`, `modern-quotes`: the full second pass over every labelled real quote (the
  `votes` of `real_quotes/*.jsonl` and `modern_quotes/*.jsonl`), first reading against second,
  before adjudication;
- `dev`: a blind labelling of the dev set by a labeller who saw only the guidelines
  (`agreement/dev_blind_labels.jsonl`) against the dev gold, when the data directory is there.
  It tells how close a careful reader of the guidelines comes to the dev annotations, and so
  how much of a model's shortfall the labels themselves can explain.
"""

from __future__ import annotations

import glob
import json
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from sklearn.metrics import cohen_kappa_score, f1_score

from stance.records import LABELS


def _key(d: dict[str, Any]) -> tuple:
    if d.get("set") == "seed" or "id" in d and "corpus" not in d:
        return ("seed", d["id"], d["target"])
    return ("pool", d["corpus"], str(d["doc"]), d["start"], d["end"], d["target"])


def _rows(pattern: str) -> Iterable[dict[str, Any]]:
    for f in sorted(glob.glob(pattern)):
        with open(f, encoding="utf-8") as fh:
            yield from (json.loads(line) for line in fh if line.strip())


def first_labels(data_root: Path) -> dict[tuple, str]:
    """The first labeller's reading: for real quotes the first vote, not the adjudicated label."""
    labels: dict[tuple, str] = {}
    for d in _rows(str(data_root / "seed" / "*.jsonl")):
        labels[("seed", d["id"], d["target"])] = d["label"]
    for d in _rows(str(data_root / "real_quotes" / "*.jsonl")):
        labels[_key(d)] = (d.get("votes") or {}).get("first", d["label"])
    return labels


def _scores(pairs: list[tuple[str, str]]) -> dict[str, float]:
    a, b = zip(*pairs)
    return {
        "n": len(pairs),
        "agreement": sum(x == y for x, y in pairs) / len(pairs),
        "kappa": float(cohen_kappa_score(a, b)),
        "macro_f1": float(f1_score(a, b, labels=list(LABELS), average="macro", zero_division=0)),
    }


def agreement(data_root: str | Path, shared_root: str | Path | None = None) -> dict[str, dict[str, float]]:
    """Observed agreement, Cohen's kappa and macro-F1 (second reading scored against the first)."""
    root = Path(data_root)
    first = first_labels(root)
    sets: dict[str, list[tuple[str, str]]] = {}
    for d in _rows(str(root / "agreement" / "second_labels.jsonl")):
        k = _key(d)
        if k in first:
            sets.setdefault(f"sample-{k[0]}", []).append((first[k], d["label"]))
    for folder in ("real_quotes", "modern_quotes"):
        for d in _rows(str(root / folder / "*.jsonl")):
            votes = d.get("votes") or {}
            if "first" in votes and votes.get("second") in LABELS:
                sets.setdefault(folder.replace("_", "-"), []).append((votes["first"], votes["second"]))
    dev = Path(shared_root) / "annotated" / "dev.jsonl" if shared_root else None
    blind = root / "agreement" / "dev_blind_labels.jsonl"
    if dev is not None and dev.is_file() and blind.is_file():
        gold = {d["id"]: d["label"] for d in _rows(str(dev))}
        sets["dev"] = [(gold[d["id"]], d["label"]) for d in _rows(str(blind)) if d["id"] in gold]
    return {name: _scores(pairs) for name, pairs in sorted(sets.items()) if pairs}


if __name__ == "__main__":
    from stance.paths import PROJECT_ROOT, data_dir

    for name, m in agreement(PROJECT_ROOT / "data", data_dir()).items():
        print(f"{name}: n={m['n']} agreement={m['agreement']:.3f} kappa={m['kappa']:.3f} macro-F1={m['macro_f1']:.3f}")
