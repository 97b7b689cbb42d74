"""Counts for the datasheets of the project's data sets: by label, register, topic, corpus.

    python -m training.datasheet data/seed/*.jsonl
"""

from __future__ import annotations

import json
import sys
from collections import Counter
from pathlib import Path


def counts(paths: list[str]) -> dict[str, Counter]:
    out: dict[str, Counter] = {k: Counter() for k in ("label", "register", "topic", "corpus", "target")}
    for p in paths:
        for line in Path(p).read_text(encoding="utf-8").splitlines():
            d = json.loads(line)
            for k in out:
                if d.get(k) is not None:
                    out[k][str(d[k])] += 1
    return out


def markdown(paths: list[str], top_targets: int = 15) -> str:
    c = counts(paths)
    total = sum(c["label"].values())
    lines = [f"{total} examples from {len(paths)} files", ""]
    for key in ("label", "register", "topic", "corpus"):
        if not c[key]:
            continue
        lines += [f"| {key} | n | share |", "|---|---|---|"]
        lines += [f"| {k} | {v} | {v / total:.0%} |" for k, v in c[key].most_common()]
        lines.append("")
    lines.append(f"{len(c['target'])} distinct targets; most frequent: "
                 + ", ".join(f"{k} ({v})" for k, v in c["target"].most_common(top_targets)))
    return "\n".join(lines)


if __name__ == "__main__":
    print(markdown(sys.argv[1:]))
