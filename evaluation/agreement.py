"""Inter-annotator agreement: a second, independent labelling of a sample against the first."""

from __future__ import annotations

import glob
import json
from pathlib import Path
from typing import Any

from sklearn.metrics import cohen_kappa_score


def _key(d: dict[str, Any]) -> tuple:
    if d.get("set") == "seed" or "id" in d and "corpus" not in d:
        return ("seed", d["id"], d["target"])
    return ("pool", d["corpus"], str(d["doc"]), d["start"], d["end"], d["target"])


def first_labels(data_root: Path) -> dict[tuple, str]:
    labels: dict[tuple, str] = {}
    for f in sorted(glob.glob(str(data_root / "seed" / "*.jsonl"))):
        for line in open(f, encoding="utf-8"):
            d = json.loads(line)
            labels[("seed", d["id"], d["target"])] = d["label"]
    for f in sorted(glob.glob(str(data_root / "real_quotes" / "*.jsonl"))):
        for line in open(f, encoding="utf-8"):
            d = json.loads(line)
            labels[("pool", d["corpus"], str(d["doc"]), d["start"], d["end"], d["target"])] = d["label"]
    return labels


def agreement(data_root: str | Path) -> dict[str, dict[str, float]]:
    """Observed agreement and Cohen's kappa per set, from `agreement/second_labels.jsonl`."""
    root = Path(data_root)
    first = first_labels(root)
    pairs: dict[str, list[tuple[str, str]]] = {}
    for line in open(root / "agreement" / "second_labels.jsonl", encoding="utf-8"):
        d = json.loads(line)
        k = _key(d)
        if k in first:
            pairs.setdefault(k[0], []).append((first[k], d["label"]))
    out = {}
    for name, ab in sorted(pairs.items()):
        a, b = zip(*ab)
        out[name] = {
            "n": len(ab),
            "agreement": sum(x == y for x, y in ab) / len(ab),
            "kappa": float(cohen_kappa_score(a, b)),
        }
    return out


if __name__ == "__main__":
    from stance.paths import PROJECT_ROOT

    for name, m in agreement(PROJECT_ROOT / "data").items():
        print(f"{name}: n={m['n']} agreement={m['agreement']:.3f} kappa={m['kappa']:.3f}")
