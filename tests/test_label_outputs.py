"""Output formats, resume for each of them, the ONNX backend and the Ray engine."""

import csv
import json
import subprocess
import sys
from pathlib import Path

import pyarrow.parquet as pq
import pytest

from stance.classify import StanceClassifier
from stance.errors import StanceError
from stance.pipeline import Labeller, progress_path
from stance.records import Example
from stance.sinks import ParquetSink, flat_columns
from tests.conftest import write_articles


@pytest.fixture(scope="module")
def labeller(tiny_model: Path) -> Labeller:
    return Labeller(StanceClassifier.from_pretrained(tiny_model), chunk_size=2, batch_size=4)


def read_rows(path: Path) -> list[dict]:
    if path.suffix == ".jsonl":
        return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]
    if path.suffix == ".csv":
        with open(path, encoding="utf-8", newline="") as fh:
            return list(csv.DictReader(fh))
    return pq.read_table(path).to_pylist()


def interrupt_after(n: int):
    calls = {"n": 0}

    def hook(_: int) -> None:
        calls["n"] += 1
        if calls["n"] == n:
            raise KeyboardInterrupt

    return hook


@pytest.mark.parametrize("suffix", [".csv", ".parquet"])
def test_table_outputs_hold_the_jsonl_rows(tmp_path: Path, labeller: Labeller, suffix: str) -> None:
    src = write_articles(tmp_path / "in.jsonl", 4)
    labeller.run(src, tmp_path / "ref.jsonl")
    labeller.run(src, tmp_path / f"out{suffix}")
    ref = read_rows(tmp_path / "ref.jsonl")
    got = read_rows(tmp_path / f"out{suffix}")
    assert list(got[0]) == flat_columns(labeller.classifier.labels)
    assert len(got) == len(ref) > 0
    for r, g in zip(ref, got):
        keys = ("doc_id", "quote_id", "target", "label")
        assert [g[k] for k in keys] == [r[k] for k in keys]
        assert json.loads(g["parts"]) == r["parts"]
        for lab, p in r["scores"].items():
            assert float(g[f"score_{lab}"]) == pytest.approx(p)
    assert not (tmp_path / "out.parquet.parts").exists()


def test_csv_keeps_newlines_inside_quoted_fields(tmp_path: Path, labeller: Labeller) -> None:
    src = tmp_path / "in.jsonl"
    record = {"quote": 'We will not yield\nan inch, "ever"', "target": "Russia", "doc_id": "n1", "quote_id": "q1"}
    src.write_text(json.dumps(record) + "\n", encoding="utf-8")
    labeller.run(src, tmp_path / "out.csv")
    rows = read_rows(tmp_path / "out.csv")
    assert len(rows) == 1 and rows[0]["text"] == record["quote"]


@pytest.mark.parametrize("suffix", [".jsonl", ".csv", ".parquet"])
def test_resume_equals_uninterrupted_run_in_every_format(tmp_path: Path, labeller: Labeller, suffix: str) -> None:
    src = write_articles(tmp_path / "in.jsonl", 9)
    full = tmp_path / f"full{suffix}"
    labeller.run(src, full)
    part = tmp_path / f"part{suffix}"
    with pytest.raises(KeyboardInterrupt):
        labeller.run(src, part, on_progress=interrupt_after(2))
    state = json.loads(progress_path(part).read_text())
    if suffix == ".parquet":  # a part a killed run left half-written, past the recorded count
        (tmp_path / "part.parquet.parts" / f"part-{state['position']:06d}.parquet").write_bytes(b"PAR1 torn")
    else:  # a torn last line
        with open(part, "ab") as fh:
            fh.write(b'"a7","q')
    with pytest.raises(StanceError, match="--resume"):
        labeller.run(src, part)
    summary = labeller.run(src, part, resume=True)
    assert summary.resumed_from == 4
    assert read_rows(part) == read_rows(full)
    if suffix != ".parquet":
        assert part.read_bytes() == full.read_bytes()
    assert not progress_path(part).exists()


def test_parquet_resume_refuses_a_missing_part(tmp_path: Path, labeller: Labeller) -> None:
    src = write_articles(tmp_path / "in.jsonl", 6)
    out = tmp_path / "out.parquet"
    with pytest.raises(KeyboardInterrupt):
        labeller.run(src, out, on_progress=interrupt_after(2))
    (tmp_path / "out.parquet.parts" / "part-000000.parquet").unlink()
    with pytest.raises(StanceError, match="part-000000.parquet is missing"):
        labeller.run(src, out, resume=True)


def test_unknown_output_format_is_one_line(tmp_path: Path, labeller: Labeller) -> None:
    src = write_articles(tmp_path / "in.jsonl", 1)
    with pytest.raises(StanceError, match="unknown output format '.xlsx'"):
        labeller.run(src, tmp_path / "out.xlsx")
    assert not (tmp_path / "out.xlsx").exists()


def test_parquet_sink_discards_everything_it_wrote(tmp_path: Path) -> None:
    sink = ParquetSink(tmp_path / "o.parquet", ["a", "b"])
    sink.open(0)
    sink.write([{"doc_id": "d", "target": "X", "label": "a", "scores": {"a": 0.6, "b": 0.4}}])
    sink.discard()
    assert list(tmp_path.iterdir()) == []


def test_prefetching_changes_nothing(tmp_path: Path, tiny_model: Path) -> None:
    src = write_articles(tmp_path / "in.jsonl", 7)
    clf = StanceClassifier.from_pretrained(tiny_model)
    Labeller(clf, chunk_size=2, prefetch=True).run(src, tmp_path / "a.jsonl")
    Labeller(clf, chunk_size=2, prefetch=False).run(src, tmp_path / "b.jsonl")
    assert (tmp_path / "a.jsonl").read_bytes() == (tmp_path / "b.jsonl").read_bytes()


def test_prefetch_error_stops_the_run_with_its_line(tmp_path: Path, labeller: Labeller) -> None:
    src = write_articles(tmp_path / "in.jsonl", 5)
    lines = src.read_text().splitlines()
    lines[3] = "{not json"
    src.write_text("\n".join(lines) + "\n")
    with pytest.raises(StanceError, match=r"in.jsonl:4: malformed JSON"):
        labeller.run(src, tmp_path / "out.jsonl", on_error="fail")


def test_onnx_backend_agrees_with_torch(tmp_path: Path, tiny_model: Path) -> None:
    pytest.importorskip("onnxruntime")
    model_dir = tmp_path / "m"
    import shutil

    shutil.copytree(tiny_model, model_dir)
    torch_clf = StanceClassifier.from_pretrained(model_dir)
    onnx_clf = StanceClassifier.from_pretrained(model_dir, backend="onnx")
    assert (model_dir / "model.onnx").is_file()
    words = ["talks", "sanctions", "strike", "peace", "we", "will", "respond", "welcome", "the", "plan"]
    examples = [
        Example(quote=" ".join(words[(i * 7 + j) % len(words)] for j in range(3 + i % 9)), target="Iran")
        for i in range(40)
    ]
    a = torch_clf.logits(examples, batch_size=8)[0]
    b = onnx_clf.logits(examples, batch_size=8)[0]
    assert (a - b).abs().max().item() < 1e-4
    assert [p.label for p in torch_clf.predict(examples)] == [p.label for p in onnx_clf.predict(examples)]


def test_onnx_export_goes_to_the_cache_for_a_read_only_model(tmp_path: Path, tiny_model: Path, monkeypatch) -> None:
    pytest.importorskip("onnxruntime")
    from stance import backends

    monkeypatch.setenv("STANCE_HOME", str(tmp_path / "home"))
    monkeypatch.setattr(backends.os, "access", lambda p, mode: False)
    path = backends.onnx_path(Path(tiny_model))
    assert str(path).startswith(str(tmp_path / "home")) and path.name == "model.onnx"


def run_cli(*args: str, cwd: Path) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "stance.cli", *args], cwd=cwd, capture_output=True, text=True, timeout=600
    )


@pytest.mark.slow
def test_ray_engine_gives_the_local_rows(tmp_path: Path, tiny_model: Path) -> None:
    pytest.importorskip("ray")
    src = write_articles(tmp_path / "in.jsonl", 12)
    local = run_cli("label", str(src), "-o", str(tmp_path / "local.jsonl"), "--model", str(tiny_model), cwd=tmp_path)
    assert local.returncode == 0, local.stderr
    ray = run_cli(
        "label", str(src), "-o", str(tmp_path / "ray"), "--model", str(tiny_model), "--engine", "ray",
        "--chunk-size", "4", "--ray-actors", "1", cwd=tmp_path,
    )
    assert ray.returncode == 0, ray.stderr[-2000:]
    assert "rows written to" in ray.stderr
    key = lambda r: (r["doc_id"], r["quote_id"], r["target"])  # noqa: E731
    want = sorted(read_rows(tmp_path / "local.jsonl"), key=key)
    parts = sorted((tmp_path / "ray").glob("part-*.jsonl"))
    got = sorted((r for p in parts for r in read_rows(p)), key=key)
    assert len(parts) >= 2 and len(got) == len(want) > 0
    for g, w in zip(got, want):
        assert {k: v for k, v in g.items() if k != "scores"} == {k: v for k, v in w.items() if k != "scores"}
        assert g["scores"] == pytest.approx(w["scores"], abs=1e-5)
    again = run_cli("label", str(src), "-o", str(tmp_path / "ray"), "--model", str(tiny_model), "--engine", "ray",
                    cwd=tmp_path)
    assert again.returncode == 2 and "not empty" in again.stderr


@pytest.mark.slow
def test_ray_engine_reports_repeated_article_ids(tmp_path: Path, tiny_model: Path) -> None:
    pytest.importorskip("ray")
    src = write_articles(tmp_path / "in.jsonl", 5)
    lines = src.read_text().splitlines()
    src.write_text("\n".join([*lines, lines[0], lines[2].replace('"a2"', '"a9"'), lines[2]]) + "\n")
    args = ["label", str(src), "--model", str(tiny_model), "--engine", "ray", "--chunk-size", "2",
            "--ray-actors", "1"]
    done = run_cli(*args, "-o", str(tmp_path / "ray"), cwd=tmp_path)
    assert done.returncode == 0, done.stderr[-2000:]
    assert "warning:" in done.stderr and "2 warnings" in done.stderr
    assert "article id 'a0' is repeated" in done.stderr and "article id 'a2' is repeated" in done.stderr
    assert "'a9' is repeated" not in done.stderr
    failed = run_cli(*args, "-o", str(tmp_path / "ray2"), "--on-error", "fail", cwd=tmp_path)
    assert failed.returncode == 2 and "is repeated in the input" in failed.stderr
    assert "Traceback" not in failed.stderr


def test_ray_engine_reports_repeated_quote_ids(tmp_path: Path, tiny_model: Path) -> None:
    pytest.importorskip("ray")
    src = tmp_path / "q.jsonl"
    texts = ["We will strike back at Vale.", "Talks with Norland are welcome.", "Vale will pay for this."]
    records = [{"doc_id": "d", "quote_id": f"d#{i}", "text": t, "targets": ["Vale"]} for i, t in enumerate(texts)]
    records.append({**records[0], "text": "A second quote under the first one's id."})
    src.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    args = ["label", str(src), "--model", str(tiny_model), "--engine", "ray", "--chunk-size", "2",
            "--ray-actors", "1"]
    done = run_cli(*args, "-o", str(tmp_path / "ray"), cwd=tmp_path)
    assert done.returncode == 0, done.stderr[-2000:]
    assert "quote id 'd#0' is repeated in the input" in done.stderr and "'d#1' is repeated" not in done.stderr


def test_auto_backend_falls_back_to_torch_without_onnxruntime(tiny_model: Path, monkeypatch) -> None:
    monkeypatch.setitem(sys.modules, "onnxruntime", None)
    clf = StanceClassifier.from_pretrained(tiny_model, backend="auto")
    assert clf.backend.name == "torch"
    with pytest.raises(StanceError, match="pip install 'stance\\[onnx\\]'"):
        StanceClassifier.from_pretrained(tiny_model, backend="onnx")


def test_count_records_gives_the_progress_bar_its_total(tmp_path: Path) -> None:
    from stance.io import count_records

    src = write_articles(tmp_path / "in.jsonl", 5)
    with open(src, "a") as fh:
        fh.write("\n   \n")
    assert count_records(src) == 5
    (tmp_path / "d").mkdir()
    for i in range(3):
        (tmp_path / "d" / f"{i}.txt").write_text("x")
    assert count_records(tmp_path / "d") == 3
    assert count_records("-") is None


def test_label_command_takes_the_int8_backend(tmp_path: Path, tiny_model: Path) -> None:
    pytest.importorskip("onnxruntime")
    import shutil

    model_dir = tmp_path / "m"
    shutil.copytree(tiny_model, model_dir)
    src = write_articles(tmp_path / "in.jsonl", 4)
    out = tmp_path / "rows.jsonl"
    done = run_cli("label", str(src), "-o", str(out), "--model", str(model_dir), "--backend", "int8", cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    rows = [json.loads(line) for line in out.read_text().splitlines()]
    assert rows and all(abs(sum(r["scores"].values()) - 1) < 1e-6 for r in rows)
    assert (model_dir / "model.int8.onnx").is_file()


def test_ray_rows_read_dates_as_iso_text_and_bad_txt_files_as_errors() -> None:
    import numpy as np

    pytest.importorskip("ray")
    from stance.distributed import _decoded, _plain

    assert _plain(np.datetime64("1987-03-04")) == "1987-03-04"
    assert _plain(np.datetime64("1987-03-04T10:30:00", "ns")) == "1987-03-04T10:30:00"
    assert _plain(np.array([1, 2])) == [1, 2]
    bad = _decoded({"path": "/x/b.txt", "bytes": b"caf\xe9"})
    assert bad["error"].startswith("/x/b.txt: not valid UTF-8") and bad["id"] == "b"
    assert _decoded({"path": "/x/a.txt", "bytes": b"\xef\xbb\xbfok"}) == {"id": "a", "text": "ok", "error": ""}


@pytest.mark.slow
def test_ray_refuses_threads_that_leave_no_cpu_for_reading(tmp_path: Path, tiny_model: Path) -> None:
    pytest.importorskip("ray")
    from stance.distributed import label_with_ray

    src = write_articles(tmp_path / "in.jsonl", 2)
    with pytest.raises(StanceError, match="leaves no CPU"):
        label_with_ray(str(src), str(tmp_path / "rows"), model=str(tiny_model), threads=4096)


@pytest.mark.parametrize("suffix", [".csv", ".parquet"])
def test_label_reads_back_its_own_table_rows(tmp_path: Path, tiny_model: Path, suffix: str) -> None:
    from stance.cli import main

    src = write_articles(tmp_path / "in.jsonl", 3)
    split = {"id": "s", "text": "Japan's foreign minister Kenji Sato spoke in Tokyo.\n\n"
             '"We welcome the talks," Sato said, "with our friends in China."'}
    with open(src, "a", encoding="utf-8") as fh:
        fh.write(json.dumps(split) + "\n")
    model = ["--model", str(tiny_model)]
    assert main(["label", str(src), "-o", str(tmp_path / "ref.jsonl"), *model]) == 0
    assert main(["label", str(src), "-o", str(tmp_path / f"rows{suffix}"), *model]) == 0
    assert main(["label", str(tmp_path / f"rows{suffix}"), "-o", str(tmp_path / "again.jsonl"), *model]) == 0
    ref = read_rows(tmp_path / "ref.jsonl")
    assert any(r["speaker_mention"] and r["cue"] for r in ref) and any(len(r["parts"]) == 2 for r in ref)
    assert read_rows(tmp_path / "again.jsonl") == ref
