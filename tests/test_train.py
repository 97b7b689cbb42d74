import json
from pathlib import Path

from stance.classify import StanceClassifier
from stance.records import Example
from tests.conftest import write_config, write_examples
from training.config import load_config
from training.train import train


def test_model_directory_is_complete(tiny_model: Path) -> None:
    names = {p.name for p in tiny_model.iterdir()}
    for required in ("config.json", "model.safetensors", "stance_config.json", "config.yaml", "data.json",
                     "metrics.json", "versions.json", "train_log.jsonl", "README.md"):
        assert required in names, required
    metrics = json.loads((tiny_model / "metrics.json").read_text())
    assert {"validation", "dev", "temperature"} <= set(metrics)
    assert {"ece_before_scaling", "ece_after_scaling", "ece_after_scaling_crossfit"} <= set(metrics["validation"])
    data = json.loads((tiny_model / "data.json").read_text())
    assert all(len(h) == 64 for h in data["files"].values())
    assert "## Metrics" in (tiny_model / "README.md").read_text()
    assert not [p for p in tiny_model.parent.iterdir() if p.name.startswith(".partial")]


def test_same_seed_same_metrics_and_predictions(tmp_path: Path, tiny_base: Path) -> None:
    data = write_examples(tmp_path / "train.jsonl", repeat=2)
    dev = write_examples(tmp_path / "dev.jsonl")
    cfg = load_config(write_config(tmp_path, tiny_base, data, dev, epochs=1))
    a = train(cfg, progress=False)
    b = train(cfg, progress=False)
    assert a.path.name == "v1" and b.path.name == "v2"
    ma = json.loads((a.path / "metrics.json").read_text())
    mb = json.loads((b.path / "metrics.json").read_text())
    for m in (ma, mb):
        m.pop("train_seconds")
    assert ma == mb
    exs = [Example("We will strike the navy.", "Iran"), Example("We welcome talks.", "Japan")]
    pa = StanceClassifier.from_pretrained(a.path).predict(exs)
    pb = StanceClassifier.from_pretrained(b.path).predict(exs)
    assert [p.scores for p in pa] == [p.scores for p in pb]


def test_label_map_drops_and_renames(tmp_path: Path, tiny_base: Path) -> None:
    import yaml

    rows = tmp_path / "weak.jsonl"
    with open(rows, "w") as fh:
        for i, lab in enumerate(["neg", "pos", "other", "neg", "pos", "other"] * 3):
            fh.write(json.dumps({"quote": f"text {i}", "target": "Iran", "label": lab}) + "\n")
    cfg_path = write_config(tmp_path, tiny_base, rows, None, epochs=1)
    cfg = yaml.safe_load(cfg_path.read_text())
    cfg["data"]["train"][0]["label_map"] = {"neg": "threatening", "pos": "conciliatory", "other": ""}
    cfg_path.write_text(yaml.safe_dump(cfg))
    result = train(load_config(cfg_path), progress=False)
    data = json.loads((result.path / "data.json").read_text())
    assert data["dropped"] == {"unmapped": 6}
    counts = json.loads((result.path / "stance_config.json").read_text())["extra"]["counts"]
    assert counts["train"] + counts["validation"] == 12


def test_model_directory_and_its_onnx_exports_honour_the_umask(tmp_path: Path, tiny_base: Path) -> None:
    import importlib.util
    import os
    import stat

    import pytest

    data = write_examples(tmp_path / "train.jsonl")
    cfg = load_config(write_config(tmp_path, tiny_base, data, epochs=1))
    old = os.umask(0o022)
    try:
        model_dir = train(cfg, progress=False).path
        if importlib.util.find_spec("onnxruntime"):
            StanceClassifier.from_pretrained(model_dir, backend="int8")  # exports model.onnx, then int8
    finally:
        os.umask(old)
    modes = {p.name: stat.S_IMODE(p.stat().st_mode) for p in model_dir.iterdir()}
    assert stat.S_IMODE(model_dir.stat().st_mode) == 0o755
    assert {n: m for n, m in modes.items() if m != 0o644} == {} and "stance_config.json" in modes
    if "model.onnx" not in modes:
        pytest.skip("ONNX Runtime is not installed: the exports were not checked")
    from stance.backends import INT8_FILE

    assert INT8_FILE in modes
