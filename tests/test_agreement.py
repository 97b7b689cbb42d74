"""Agreement figures from the project's label files: first vs second reading, and the dev check."""

import json
from pathlib import Path

import pytest

from evaluation.agreement import agreement


def _write(path: Path, rows: list[dict]) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")


def test_votes_sample_and_dev_are_scored(tmp_path: Path) -> None:
    data, shared = tmp_path / "data", tmp_path / "shared"
    ptr = {"corpus": "reuters-pool", "doc": "d1", "end": 9}
    _write(data / "seed" / "s.jsonl", [{"id": "s1", "target": "X", "label": "neutral", "quote": "q"}])
    _write(data / "real_quotes" / "part.jsonl", [
        {**ptr, "start": 0, "target": "A", "label": "threatening",
         "votes": {"first": "threatening", "second": "threatening"}},
        {**ptr, "start": 1, "target": "A", "label": "neutral",
         "votes": {"first": "conciliatory", "second": "neutral", "third": "neutral"}},
        {**ptr, "start": 2, "target": "A", "label": "neutral", "votes": {"first": "neutral", "second": "neutral"}},
    ])
    _write(data / "modern_quotes" / "part.jsonl", [
        {**ptr, "corpus": "bbc-politics", "start": 0, "target": "B", "label": "neutral",
         "votes": {"first": "neutral", "second": "threatening", "third": "neutral"}},
        {**ptr, "corpus": "bbc-politics", "start": 1, "target": "B", "label": "threatening",
         "votes": {"first": "threatening", "second": "threatening"}},
    ])
    _write(data / "agreement" / "second_labels.jsonl", [
        {"set": "seed", "id": "s1", "target": "X", "label": "neutral"},
        {**ptr, "start": 1, "target": "A", "label": "conciliatory"},
    ])
    _write(shared / "annotated" / "dev.jsonl", [
        {"id": "e1", "label": "threatening"}, {"id": "e2", "label": "neutral"}, {"id": "e3", "label": "neutral"},
    ])
    _write(data / "agreement" / "dev_blind_labels.jsonl", [
        {"id": "e1", "label": "threatening"}, {"id": "e2", "label": "neutral"}, {"id": "e3", "label": "threatening"},
    ])
    out = agreement(data, shared)
    assert out["real-quotes"]["n"] == 3 and out["real-quotes"]["agreement"] == pytest.approx(2 / 3)
    assert out["modern-quotes"]["n"] == 2 and out["modern-quotes"]["agreement"] == 0.5
    # the sample is scored against the first vote, not the adjudicated label
    assert out["sample-pool"]["agreement"] == 1.0 and out["sample-seed"]["n"] == 1
    assert out["dev"]["n"] == 3 and out["dev"]["agreement"] == pytest.approx(2 / 3)
    assert -1.0 <= out["dev"]["kappa"] < 1.0
    assert "dev" not in agreement(data, None)
