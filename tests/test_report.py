"""The evaluation report: metrics.json with intervals, an HTML page whose images exist, the sensitivity check."""

import json
import re
from pathlib import Path

from stance.cli import main
from tests.conftest import write_examples


def test_evaluate_writes_html_report_with_plots(tmp_path: Path, capsys, tiny_model: Path) -> None:
    data = write_examples(tmp_path / "dev.jsonl")
    rep = tmp_path / "rep"
    code = main(["evaluate", "--model", str(tiny_model), "--data", str(data), "--report", str(rep),
                 "--bootstrap", "50"])
    out, err = capsys.readouterr()
    assert code == 0, err
    m = json.loads((rep / "metrics.json").read_text())
    assert {"macro_f1", "accuracy", "per_class", "confusion", "ece", "ci95"} <= set(m)
    for key in ("macro_f1", "accuracy"):
        assert m["ci95"][key]["low"] <= m["ci95"][key]["high"]
    assert set(m["ci95"]["per_class"]) == set(m["per_class"])
    assert m["by_target"]["rows"][0]["support"] >= m["by_target"]["rows"][-1]["support"]
    assert m["by_speaker"]["rows"][0]["group"] == "the minister"
    ts = m["target_sensitivity"]
    assert 0 <= ts["masked"]["change_rate"] <= 1 and 0 <= ts["swapped"]["change_rate"] <= 1

    page = (rep / "report.html").read_text()
    assert page.startswith("<!DOCTYPE html>")
    images = re.findall(r'<img src="([^"]+)"', page)
    assert {"confusion.png", "per_class.png", "reliability.png"} <= set(images)
    for name in images:
        assert "/" not in name  # relative to the folder, so it opens locally
        assert (rep / name).read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    md = (rep / "report.md").read_text()
    assert md.startswith("# Evaluation") and "Target sensitivity" in md and "By speaker" in md
    assert "report.html" in out


def test_swap_needs_two_targets() -> None:
    from evaluation.evaluate import swap_targets
    from stance.records import Example

    assert swap_targets([Example("q", "Iran", "neutral")] * 3) is None
    swapped = swap_targets([Example("q", t, "neutral") for t in ("Iran", "Iraq", "Japan")])
    assert all(s.target != t for s, t in zip(swapped, ("Iran", "Iraq", "Japan")))
