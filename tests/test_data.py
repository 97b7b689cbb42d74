"""The project's own data: valid records, fixed leak-free splits, nothing shared with the dev set."""

import json

import pytest

from stance.paths import PROJECT_ROOT, data_dir
from stance.records import LABELS
from training.config import load_config
from training.data import load_training_data, split_key

DATA = PROJECT_ROOT / "data"


def _norm(text: str) -> str:
    return " ".join(text.lower().split()).strip(" ,.\"'")


def test_seed_files_are_valid_and_unique() -> None:
    ids, n = set(), 0
    for f in sorted((DATA / "seed").glob("*.jsonl")) + sorted((DATA / "seed_extra").glob("*.jsonl")):
        for line_no, line in enumerate(f.read_text(encoding="utf-8").splitlines(), start=1):
            d = json.loads(line)
            assert d["label"] in LABELS, (f, line_no)
            assert d["quote"].strip() and d["target"].strip(), (f, line_no)
            assert d["id"] not in ids, (f, line_no, d["id"])
            ids.add(d["id"])
            n += 1
    assert n >= 1500 + 884


def test_extra_seed_labels_are_the_agreed_readings_and_no_dev_quote() -> None:
    dev_path = data_dir() / "annotated" / "dev.jsonl"
    dev = {_norm(d["quote"]) for d in map(json.loads, dev_path.open())} if dev_path.exists() else set()
    n = 0
    for f in sorted((DATA / "seed_extra").glob("*.jsonl")):
        for d in map(json.loads, f.open(encoding="utf-8")):
            assert d["votes"] == [d["label"], d["label"]], d["id"]
            assert d["quote"] in d["context"], d["id"]
            assert _norm(d["quote"]) not in dev, d["id"]
            n += 1
    assert n == 884


def test_example_articles_gold_offsets_hold() -> None:
    texts = {d["id"]: d["text"] for d in map(json.loads, (DATA / "articles" / "examples.jsonl").open())}
    assert len(texts) >= 30
    for rec in map(json.loads, (DATA / "articles" / "gold_quotes.jsonl").open()):
        text = texts[rec["doc_id"]]
        assert rec["text"] == " ".join(text[a:b] for a, b in rec["parts"])
        for key in ("speaker_mention", "cue"):
            span = rec.get(key)
            if span:
                assert text[span["start"] : span["end"]] == span["text"]


needs_data = pytest.mark.skipif(data_dir() is None, reason="the shared data directory is not beside the project")


@needs_data
def test_splits_are_disjoint_and_free_of_dev_quotes() -> None:
    cfg = load_config(PROJECT_ROOT / "configs" / "default.yaml")
    train, val = load_training_data(cfg)
    assert len(train.examples) > 2000 and len(val.examples) > 100
    train_q = {_norm(e.quote) for e in train.examples}
    val_q = {_norm(e.quote) for e in val.examples}
    assert not train_q & val_q
    assert {split_key(e.quote) % 1000 < 100 for e in val.examples} == {True}
    dev = [json.loads(line) for line in (data_dir() / "annotated" / "dev.jsonl").open(encoding="utf-8")]
    dev_q = {_norm(d["quote"]) for d in dev}
    assert not dev_q & (train_q | val_q)


@needs_data
def test_pointer_labels_resolve_to_quotes() -> None:
    cfg = load_config(PROJECT_ROOT / "configs" / "default.yaml")
    train, val = load_training_data(cfg)
    pointed = [e for e in train.examples + val.examples if e.id and e.id.startswith(("reuters-pool", "polnear", "bbc"))]
    assert len(pointed) >= 2000
    assert all(e.quote and '"' not in e.quote[:1] for e in pointed)


@needs_data
def test_pool_labels_resolve_and_stay_off_dev() -> None:
    cfg = load_config(PROJECT_ROOT / "configs" / "pool-labels.yaml")
    train, val = load_training_data(cfg)
    pool = [e for e in train.examples + val.examples if e.id and e.id.startswith("reuters-pool")]
    assert len(pool) > 6000
    assert train.dropped.get("unmapped", 0) > 1000  # not_about judgements are not stances
    assert {e.label for e in train.examples} == set(LABELS)
    dev = [json.loads(line) for line in (data_dir() / "annotated" / "dev.jsonl").open(encoding="utf-8")]
    dev_q = {_norm(d["quote"]) for d in dev}
    assert not dev_q & {_norm(e.quote) for e in pool}


@needs_data
def test_modern_quotes_resolve_and_stay_off_dev() -> None:
    cfg = load_config(PROJECT_ROOT / "configs" / "modern-quotes.yaml")
    train, val = load_training_data(cfg)
    modern = [e for e in train.examples + val.examples if e.id and e.id.startswith(("polnear", "bbc"))]
    assert len(modern) > 3000
    assert {e.label for e in modern} == set(LABELS)
    dev = [json.loads(line) for line in (data_dir() / "annotated" / "dev.jsonl").open(encoding="utf-8")]
    assert not {_norm(d["quote"]) for d in dev} & {_norm(e.quote) for e in modern}


def test_modern_quote_records_are_valid_and_read_twice() -> None:
    seen = set()
    for f in sorted((DATA / "modern_quotes").glob("*.jsonl")):
        for line_no, line in enumerate(f.read_text(encoding="utf-8").splitlines(), start=1):
            d = json.loads(line)
            assert d["label"] in LABELS and d["corpus"] in ("polnear-train", "bbc-politics"), (f, line_no)
            votes = d["votes"]
            assert votes["first"] in LABELS and votes["second"] in LABELS, (f, line_no)
            assert d["label"] == (votes["first"] if votes["first"] == votes["second"] else votes["third"]), (f, line_no)
            key = (d["doc"], d["start"], d["end"], d["target"])
            assert key not in seen, (f, line_no)
            seen.add(key)
    assert len(seen) > 2500


def test_pool_label_records_are_valid() -> None:
    seen = set()
    for f in sorted((DATA / "pool_labels").glob("*.jsonl")):
        for line_no, line in enumerate(f.read_text(encoding="utf-8").splitlines(), start=1):
            d = json.loads(line)
            assert d["label"] in (*LABELS, "not_about"), (f, line_no)
            assert d["corpus"] == "reuters-pool" and 0 <= d["start"] < d["end"], (f, line_no)
            key = (d["doc"], d["start"], d["end"], d["target"])
            assert key not in seen, (f, line_no)
            seen.add(key)
    assert len(seen) > 5000


def _source_config(tmp_path, source: dict) -> object:
    import yaml

    p = tmp_path / "c.yaml"
    p.write_text(yaml.safe_dump({"data": {"train": [source], "validation_fraction": 0, "dev": None}}), encoding="utf-8")
    return load_config(p)


def _rows(path, labels) -> None:
    path.write_text("".join(json.dumps({"quote": f"{path.stem} {i}", "target": "Iran", "label": lab}) + "\n"
                            for i, lab in enumerate(labels)), encoding="utf-8")


def test_a_limit_holds_across_every_file_a_glob_matches(tmp_path) -> None:
    for name in ("part1", "part2", "part3"):
        _rows(tmp_path / f"{name}.jsonl", ["neutral"] * 4)
    train, _ = load_training_data(_source_config(tmp_path, {"path": "part*.jsonl", "limit": 2}))
    assert [e.quote for e in train.examples] == ["part1 0", "part1 1"]


def test_an_empty_label_is_an_error_unless_a_label_map_drops_it(tmp_path) -> None:
    from stance.errors import StanceError

    _rows(tmp_path / "blank.jsonl", ["neutral", "", "threatening"])
    with pytest.raises(StanceError, match="empty label") as err:
        load_training_data(_source_config(tmp_path, {"path": "blank.jsonl"}))
    assert "blank.jsonl:2" in str(err.value)
    train, _ = load_training_data(_source_config(tmp_path, {"path": "blank.jsonl", "label_map": {"": ""}}))
    assert len(train.examples) == 2 and train.dropped == {"unmapped": 1}


def test_a_datasets_source_takes_filter_limit_and_a_fingerprint(tmp_path, monkeypatch) -> None:
    import datasets

    rows = [{"quote": f"q{i}", "target": "Iran", "label": "neutral", "speaker": s}
            for i, s in enumerate(["Ann", "Bo", "Ann", "Ann"])]
    ds = datasets.Dataset.from_list(rows)
    monkeypatch.setattr(datasets, "load_dataset", lambda *a, **k: ds)
    cfg = _source_config(tmp_path, {"path": "someone/quotes", "format": "datasets", "limit": 2,
                                    "filter": {"speaker": "Ann"}})
    train, _ = load_training_data(cfg)
    assert [e.quote for e in train.examples] == ["q0", "q2"]
    assert train.dropped == {"filtered": 1}
    assert list(train.files) == ["datasets:someone/quotes:train"] and train.files["datasets:someone/quotes:train"]
