import json
from pathlib import Path

import pytest

from stance.errors import StanceError
from training.config import load_config


def _write(p: Path, text: str) -> Path:
    p.write_text(text, encoding="utf-8")
    return p


def test_unknown_key_is_named_with_its_path(tmp_path: Path) -> None:
    p = _write(tmp_path / "c.yaml", "data:\n  train: [x.jsonl]\ntrain:\n  epoch: 3\n")
    with pytest.raises(StanceError, match=r"unknown config key 'train.epoch'") as err:
        load_config(p)
    assert str(p) in str(err.value)


def test_wrong_type_and_choice(tmp_path: Path) -> None:
    p = _write(tmp_path / "c.yaml", "data:\n  train: [x.jsonl]\ntrain:\n  epochs: many\n")
    with pytest.raises(StanceError, match=r"'train.epochs' must be int"):
        load_config(p)
    p = _write(tmp_path / "c.yaml", "data:\n  train: [x.jsonl]\ntrain:\n  class_weighting: square\n")
    with pytest.raises(StanceError, match="must be one of"):
        load_config(p)


def test_missing_source_path_and_no_sources(tmp_path: Path) -> None:
    p = _write(tmp_path / "c.yaml", "data:\n  train:\n    - weight: 2\n")
    with pytest.raises(StanceError, match=r"missing config key 'data.train\[0\].path'"):
        load_config(p)
    p = _write(tmp_path / "c.yaml", "name: x\n")
    with pytest.raises(StanceError, match="data.train"):
        load_config(p)


def test_extends_and_overrides(tmp_path: Path) -> None:
    _write(tmp_path / "base.yaml", "name: base\ndata:\n  train: [a.jsonl]\ntrain:\n  epochs: 5\n  batch_size: 8\n")
    p = _write(tmp_path / "child.yaml", "extends: base.yaml\ntrain:\n  epochs: 2\n")
    cfg = load_config(p, ["train.learning_rate=1e-4", "template.use_context=false", "name=run2"])
    assert cfg.train.epochs == 2 and cfg.train.batch_size == 8
    assert cfg.train.learning_rate == pytest.approx(1e-4)
    assert cfg.template.use_context is False and cfg.name == "run2"
    assert cfg.data.train[0].path == str(tmp_path / "a.jsonl")


def test_malformed_yaml_names_line(tmp_path: Path) -> None:
    p = _write(tmp_path / "c.yaml", "name: x\ndata: [\n")
    with pytest.raises(StanceError, match="malformed YAML"):
        load_config(p)


def test_default_config_loads() -> None:
    from stance.paths import default_config

    cfg = load_config(default_config())
    assert cfg.name == "default" and cfg.labels == ["threatening", "conciliatory", "neutral"]


def test_override_list_items(tmp_path: Path) -> None:
    p = _write(tmp_path / "c.yaml", "data:\n  train: [a.jsonl, {path: b.jsonl}]\n")
    cfg = load_config(p, ["data.train[0].limit=5", "data.train.1.weight=0.5", "data.dev=null"])
    assert cfg.data.train[0].limit == 5 and cfg.data.train[0].path == str(tmp_path / "a.jsonl")
    assert cfg.data.train[1].weight == 0.5 and cfg.data.dev is None
    with pytest.raises(StanceError, match="no list item 7"):
        load_config(p, ["data.train[7].limit=5"])


@pytest.mark.parametrize(
    ("setting", "key"),
    [
        ("train.learning_rate=-0.1", "train.learning_rate"),
        ("train.warmup_ratio=3", "train.warmup_ratio"),
        ("train.early_stopping_patience=0", "train.early_stopping_patience"),
        ("train.max_steps=-1", "train.max_steps"),
        ("train.num_threads=-1", "train.num_threads"),
        ("data.train[0].weight=-1", r"data.train\[0\].weight"),
        ("data.train[0].limit=0", r"data.train\[0\].limit"),
    ],
)
def test_out_of_range_numbers_are_named(tmp_path: Path, setting: str, key: str) -> None:
    p = _write(tmp_path / "c.yaml", "data:\n  train: [x.jsonl]\n")
    with pytest.raises(StanceError, match=rf"'{key}'"):
        load_config(p, [setting])


def test_set_reads_numbers_in_base_10_and_text_fields_as_typed(tmp_path: Path) -> None:
    p = _write(tmp_path / "c.yaml", "data:\n  train: [x.jsonl]\n")
    cfg = load_config(p, ["seed=010", "name=2024", "train.learning_rate=1e-4", "template.use_context=false"])
    assert cfg.seed == 10 and cfg.name == "2024"
    assert cfg.train.learning_rate == 1e-4 and cfg.template.use_context is False
    assert load_config(p, ["data.dev=null"]).data.dev is None


def test_extends_must_name_a_file(tmp_path: Path) -> None:
    _write(tmp_path / "base.yaml", "data:\n  train: [a.jsonl]\n")
    for bad in ("[base.yaml]", "5", '""'):
        p = _write(tmp_path / "c.yaml", f"extends: {bad}\nname: x\n")
        with pytest.raises(StanceError, match="'extends' must name a YAML file"):
            load_config(p)


def test_a_home_relative_data_path_is_not_anchored_to_the_config(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    (tmp_path / "cfg").mkdir()
    p = _write(tmp_path / "cfg" / "c.yaml", "data:\n  train: ['~/ex.jsonl']\n  dev: ~/dev.jsonl\n")
    cfg = load_config(p)
    assert cfg.data.train[0].path == str(tmp_path / "home" / "ex.jsonl")
    assert cfg.data.dev == str(tmp_path / "home" / "dev.jsonl")


def test_label_map_number_keys_are_text_and_formats_are_checked(tmp_path: Path) -> None:
    p = _write(tmp_path / "c.yaml", "data:\n  train:\n    - path: x.jsonl\n      label_map: {0: neutral, 1: ''}\n")
    assert load_config(p).data.train[0].label_map == {"0": "neutral", "1": ""}
    p = _write(tmp_path / "c.yaml", "data:\n  train:\n    - path: x.jsonl\n      format: pointer\n")
    with pytest.raises(StanceError, match=r"'data.train\[0\].format' must be one of"):
        load_config(p)


def test_set_text_keeps_yaml_quoting_and_zero_means_no_cap(tmp_path: Path) -> None:
    p = _write(tmp_path / "c.yaml", "data:\n  train: [x.jsonl]\n")
    assert load_config(p, ['name="v 2"']).name == "v 2"
    assert load_config(p, ["name='2024'"]).name == "2024"
    cfg = load_config(p, ["train.max_steps=0", "train.num_threads=0"])
    assert cfg.train.max_steps == 0 and cfg.train.num_threads == 0


def test_set_text_takes_dates_and_comment_marks_as_typed(tmp_path: Path) -> None:
    p = _write(tmp_path / "c.yaml", "data:\n  train: [x.jsonl]\n")
    assert load_config(p, ["name=2024-01-01"]).name == "2024-01-01"
    assert load_config(p, ["name=#v2"]).name == "#v2"
    assert load_config(p, ["data.dev=null"]).data.dev is None


@pytest.mark.parametrize("name", ["../../elsewhere", "a/b", "..", ".", "", "  ", "a\\b"])
def test_the_run_name_must_be_a_plain_folder_name(tmp_path: Path, name: str) -> None:
    p = _write(tmp_path / "c.yaml", f"name: {json.dumps(name)}\ndata:\n  train: [x.jsonl]\n")
    with pytest.raises(StanceError, match="'name' must be a plain folder name"):
        load_config(p)
