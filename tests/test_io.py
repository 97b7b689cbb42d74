import json
from pathlib import Path

import pytest

from stance.errors import StanceError
from stance.io import atomic_write, iter_records, read_articles, read_examples, write_jsonl


def test_malformed_json_names_file_and_line(tmp_path: Path) -> None:
    p = tmp_path / "a.jsonl"
    p.write_text('{"id": "1", "text": "ok"}\n\n{"id": "2", "text": \n', encoding="utf-8")
    with pytest.raises(StanceError) as err:
        list(read_articles(p))
    assert err.value.line == 3
    assert str(err.value).startswith(f"{p}:3: malformed JSON")


def test_non_strict_reading_reports_and_continues(tmp_path: Path) -> None:
    p = tmp_path / "a.jsonl"
    p.write_bytes(b'{"id": "1", "text": "a"}\n{broken\n\xff\xfe\n[1, 2]\n{"id": "5", "text": "b"}\n')
    locs = list(iter_records(p, strict=False))
    assert [loc.line for loc in locs] == [1, 2, 3, 4, 5]
    assert [loc.error is None for loc in locs] == [True, False, False, False, True]
    assert "UTF-8" in locs[2].error
    assert "expected a JSON object" in locs[3].error


def test_unknown_format_and_missing_file(tmp_path: Path) -> None:
    bad = tmp_path / "a.xml"
    bad.write_text("<a/>", encoding="utf-8")
    with pytest.raises(StanceError, match="unknown input format '.xml'"):
        iter_records(bad)
    with pytest.raises(StanceError, match="no such file"):
        iter_records(tmp_path / "missing.jsonl")


def test_csv_txt_dir_and_parquet(tmp_path: Path) -> None:
    import pyarrow as pa
    import pyarrow.parquet as pq

    (tmp_path / "c.csv").write_text('id,text\nx,"He said ""hi"""\n', encoding="utf-8")
    assert [a.text for a in read_articles(tmp_path / "c.csv")] == ['He said "hi"']
    d = tmp_path / "dir"
    d.mkdir()
    (d / "b.txt").write_text("second", encoding="utf-8")
    (d / "a.txt").write_text("first", encoding="utf-8")
    assert [(a.id, a.text) for a in read_articles(d)] == [("a", "first"), ("b", "second")]
    pq.write_table(pa.table({"id": ["p1"], "text": ["parquet text"]}), tmp_path / "p.parquet")
    assert [a.text for a in read_articles(tmp_path / "p.parquet")] == ["parquet text"]


def test_examples_require_label_and_quote(tmp_path: Path) -> None:
    p = tmp_path / "e.jsonl"
    p.write_text(json.dumps({"quote": "x", "target": "Iran"}) + "\n", encoding="utf-8")
    with pytest.raises(StanceError, match=r"e.jsonl:1: example record has no 'label' key"):
        read_examples(p)
    p.write_text(json.dumps({"quote": "x", "target": 3, "label": "neutral"}) + "\n", encoding="utf-8")
    with pytest.raises(StanceError, match="'target' must be str"):
        read_examples(p)


def test_atomic_write_leaves_old_file_on_crash(tmp_path: Path) -> None:
    p = tmp_path / "out.jsonl"
    write_jsonl(p, [{"a": 1}])
    with pytest.raises(RuntimeError):
        with atomic_write(p) as fh:
            fh.write("half")
            raise RuntimeError("crash")
    assert p.read_text(encoding="utf-8") == '{"a": 1}\n'
    assert [f.name for f in tmp_path.iterdir()] == ["out.jsonl"]
