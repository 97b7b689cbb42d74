"""Baselines are trained by `stance train` from a config and load like any model."""

import json
from pathlib import Path

import pytest

from stance.classify import StanceClassifier
from stance.cli import main
from stance.records import Example
from tests.conftest import write_config, write_examples


@pytest.mark.parametrize("kind", ["majority", "tfidf-logreg"])
def test_baseline_trains_from_a_config_and_predicts(tmp_path: Path, tiny_base: Path, kind: str, capsys) -> None:
    data = write_examples(tmp_path / "train.jsonl", repeat=3)
    dev = write_examples(tmp_path / "dev.jsonl")
    cfg = write_config(tmp_path, tiny_base, data, dev)
    assert main(["train", str(cfg), "--set", f"model.kind={kind}", "--set", f"name=b-{kind}"]) == 0
    model_dir = tmp_path / "models" / f"b-{kind}" / "v1"
    metrics = json.loads((model_dir / "metrics.json").read_text())
    assert 0.0 <= metrics["dev"]["macro_f1"] <= 1.0
    clf = StanceClassifier.from_pretrained(model_dir)
    train_rows = [json.loads(line) for line in data.read_text().splitlines()]
    preds = clf.predict([Example(quote=r["quote"], target=r["target"]) for r in train_rows])
    for p in preds:
        assert abs(sum(p.scores.values()) - 1.0) < 1e-9
        assert p.label == max(p.scores, key=p.scores.get)
    labels = [p.label for p in preds]
    if kind == "majority":
        assert len(set(labels)) == 1
    else:  # a linear model on words fits its own training quotes
        acc = sum(lab == r["label"] for lab, r in zip(labels, train_rows)) / len(train_rows)
        assert acc > 0.9


def test_a_dev_label_outside_the_scheme_stops_training_first(tmp_path: Path, tiny_base: Path, capsys) -> None:
    data = write_examples(tmp_path / "train.jsonl", repeat=3)
    dev = tmp_path / "dev.jsonl"
    rows = [{"quote": "We will talk.", "target": "Iran", "label": "neutral"},
            {"quote": "You will pay.", "target": "Iran", "label": "hostile"}]
    dev.write_text("\n".join(json.dumps(r) for r in rows) + "\n", encoding="utf-8")
    cfg = write_config(tmp_path, tiny_base, data, dev)
    assert main(["train", str(cfg), "--set", "model.kind=majority"]) == 2
    err = capsys.readouterr().err
    assert "dev.jsonl" in err and ":2" in err and "hostile" in err
    assert not (tmp_path / "models" / "tiny").exists() or not any((tmp_path / "models" / "tiny").iterdir())


@pytest.mark.parametrize("kind", ["tfidf-logreg", "transformer"])
def test_one_label_training_data_stop_with_a_message(tmp_path: Path, tiny_base: Path, kind: str, capsys) -> None:
    rows = [("You will pay for this.", "Norland", "threatening"), ("We will strike back.", "Vale", "threatening")]
    data = write_examples(tmp_path / "train.jsonl", rows=rows, repeat=3)
    cfg = write_config(tmp_path, tiny_base, data)
    assert main(["train", str(cfg), "--set", f"model.kind={kind}"]) == 2
    err = capsys.readouterr().err
    assert "one label ('threatening')" in err and "Traceback" not in err and "internal error" not in err


def test_a_dev_glob_is_scored_over_every_file_it_matches(tmp_path: Path, tiny_base: Path) -> None:
    data = write_examples(tmp_path / "train.jsonl", repeat=3)
    write_examples(tmp_path / "dev-a.jsonl")
    write_examples(tmp_path / "dev-b.jsonl")
    n_rows = len((tmp_path / "dev-a.jsonl").read_text().splitlines())
    cfg = write_config(tmp_path, tiny_base, data, tmp_path / "dev-*.jsonl")
    assert main(["train", str(cfg), "--set", "model.kind=majority"]) == 0
    metrics = json.loads((tmp_path / "models" / "tiny" / "v1" / "metrics.json").read_text())
    assert metrics["dev"]["n"] == 2 * n_rows


def test_a_dev_label_error_names_its_line_in_the_file(tmp_path: Path, tiny_base: Path) -> None:
    from stance.errors import StanceError
    from training.config import load_config
    from training.train import load_dev

    data = write_examples(tmp_path / "train.jsonl", repeat=3)
    dev = tmp_path / "dev.jsonl"
    dev.write_text('{"quote": "a", "target": "Iran", "label": "neutral"}\n\n\n'
                   '{"quote": "b", "target": "Iran", "label": "hostile"}\n', encoding="utf-8")
    with pytest.raises(StanceError, match="hostile") as err:
        load_dev(load_config(write_config(tmp_path, tiny_base, data, dev)))
    assert err.value.line == 4
