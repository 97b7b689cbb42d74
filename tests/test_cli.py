"""The command as users meet it: exit codes, one-line errors, no tracebacks."""

import json
import subprocess
import sys
from pathlib import Path

import pytest

from stance.cli import main


def run(args: list[str], capsys: pytest.CaptureFixture) -> tuple[int, str, str]:
    code = main(args)
    out, err = capsys.readouterr()
    return code, out, err


def _one_line_error(code: int, err: str, *needles: str) -> None:
    assert code == 2
    lines = [line for line in err.strip().splitlines() if line.startswith("stance: error")]
    assert len(lines) == 1, err
    assert "Traceback" not in err
    for n in needles:
        assert n in lines[0], (n, lines[0])


def test_missing_input(tmp_path: Path, capsys, tiny_model: Path) -> None:
    code, _, err = run(["label", str(tmp_path / "nope.jsonl"), "-o", str(tmp_path / "o.jsonl"),
                        "--model", str(tiny_model)], capsys)
    _one_line_error(code, err, "nope.jsonl", "no such file")


def test_malformed_json_fails_with_line_under_on_error_fail(tmp_path: Path, capsys, tiny_model: Path) -> None:
    p = tmp_path / "a.jsonl"
    p.write_text('{"id": "1", "text": "Hello."}\n{"id": 2,,}\n', encoding="utf-8")
    code, _, err = run(["label", str(p), "-o", str(tmp_path / "o.jsonl"), "--model", str(tiny_model),
                        "--on-error", "fail"], capsys)
    _one_line_error(code, err, f"{p}:2", "malformed JSON")


def test_malformed_and_empty_records_are_skipped_and_reported(tmp_path: Path, capsys, tiny_model: Path) -> None:
    p = tmp_path / "a.jsonl"
    good = 'Iran\'s envoy spoke. "We will strike the navy of the United States," he said.'
    p.write_text(json.dumps({"id": "1", "text": good}) + '\n{"id": 2,,}\n' + json.dumps({"id": "3", "text": " "})
                 + "\n", encoding="utf-8")
    out = tmp_path / "o.jsonl"
    code, _, err = run(["label", str(p), "-o", str(out), "--model", str(tiny_model)], capsys)
    assert code == 0
    assert f"{p}:2: malformed JSON" in err
    assert f"{p}:3: article text is empty" in err
    assert "2 skipped" in err


def test_wrong_format_and_bad_model(tmp_path: Path, capsys, tiny_base: Path, article_file: Path) -> None:
    bad = tmp_path / "a.docx"
    bad.write_text("x", encoding="utf-8")
    code, _, err = run(["segment", str(bad), "-o", str(tmp_path / "q.jsonl")], capsys)
    _one_line_error(code, err, "a.docx", "unknown input format")
    code, _, err = run(["label", str(article_file), "-o", str(tmp_path / "o.jsonl"), "--model", str(tiny_base)],
                       capsys)
    _one_line_error(code, err, "not a stance model directory")


def test_existing_output_needs_overwrite(tmp_path: Path, capsys, article_file: Path) -> None:
    out = tmp_path / "q.jsonl"
    out.write_text("keep\n", encoding="utf-8")
    code, _, err = run(["segment", str(article_file), "-o", str(out)], capsys)
    _one_line_error(code, err, "output exists")
    assert out.read_text(encoding="utf-8") == "keep\n"


def test_label_rows_have_scores_and_model(tmp_path: Path, capsys, tiny_model: Path, article_file: Path) -> None:
    out = tmp_path / "rows.jsonl"
    code, stdout, err = run(["label", str(article_file), "-o", str(out), "--model", str(tiny_model),
                             "--show", "5"], capsys)
    assert code == 0, err
    rows = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert rows, err
    for r in rows:
        assert r["model"] == "tiny@v1"
        assert r["label"] in r["scores"]
        assert abs(sum(r["scores"].values()) - 1) < 1e-6
        assert isinstance(r["target"], str) and "targets" not in r
    assert "speaker" in stdout and "target" in stdout


def test_quote_records_with_explicit_target(tmp_path: Path, capsys, tiny_model: Path) -> None:
    p = tmp_path / "q.jsonl"
    p.write_text(json.dumps({"quote_id": "x#q1", "doc_id": "x", "text": "We will strike.", "targets": []}) + "\n",
                 encoding="utf-8")
    out = tmp_path / "rows.jsonl"
    code, _, err = run(["label", str(p), "-o", str(out), "--model", str(tiny_model), "--target", "Iran",
                        "--target", "Iraq"], capsys)
    assert code == 0, err
    assert [json.loads(line)["target"] for line in out.read_text().splitlines()] == ["Iran", "Iraq"]


def test_evaluate_writes_metrics(tmp_path: Path, capsys, tiny_model: Path) -> None:
    from tests.conftest import write_examples

    data = write_examples(tmp_path / "dev.jsonl")
    code, stdout, err = run(["evaluate", "--model", str(tiny_model), "--data", str(data), "--report",
                             str(tmp_path / "rep")], capsys)
    assert code == 0, err
    m = json.loads((tmp_path / "rep" / "metrics.json").read_text())
    assert {"macro_f1", "accuracy", "per_class", "confusion"} <= set(m)
    assert f"{m['macro_f1']:.3f}" in stdout
    assert (tmp_path / "rep" / "report.md").read_text().startswith("# Evaluation")


def test_bad_config_key(tmp_path: Path, capsys) -> None:
    cfg = tmp_path / "c.yaml"
    cfg.write_text("data:\n  train: [x.jsonl]\nmodle: {}\n", encoding="utf-8")
    code, _, err = run(["train", str(cfg)], capsys)
    _one_line_error(code, err, "unknown config key 'modle'")


def test_help_and_no_command() -> None:
    proc = subprocess.run([sys.executable, "-m", "stance.cli", "label", "--help"], capture_output=True, text=True)
    assert proc.returncode == 0 and "--resume" in proc.stdout
    proc = subprocess.run([sys.executable, "-m", "stance.cli", "label"], capture_output=True, text=True)
    assert proc.returncode == 2 and "Traceback" not in proc.stderr


@pytest.mark.parametrize("option", [["--batch-size", "0"], ["--chunk-size", "-1"], ["--show", "-2"],
                                    ["--threads", "0"]])
def test_sizes_and_counts_must_be_positive(tmp_path: Path, capsys, article_file: Path, option: list[str]) -> None:
    with pytest.raises(SystemExit) as exc:
        main(["label", str(article_file), "-o", str(tmp_path / "o.jsonl"), *option])
    assert exc.value.code == 2 and "must be at least" in capsys.readouterr().err


@pytest.mark.parametrize("name", ["", "   "])
def test_an_empty_target_is_refused(tmp_path: Path, capsys, article_file: Path, name: str) -> None:
    with pytest.raises(SystemExit) as exc:
        main(["label", str(article_file), "-o", str(tmp_path / "o.jsonl"), "--target", name])
    assert exc.value.code == 2 and "--target: must be a non-empty name" in capsys.readouterr().err
    assert not (tmp_path / "o.jsonl").exists()


def test_a_missing_input_or_existing_output_fails_before_the_model_loads(
    tmp_path: Path, capsys, article_file: Path, monkeypatch
) -> None:
    from stance import cli

    def no_model(*_: object, **__: object) -> None:
        raise AssertionError("the model was loaded")

    monkeypatch.setattr(cli, "_load_classifier", no_model)
    monkeypatch.setattr(cli, "ensure_default_model", no_model)
    code, _, err = run(["label", str(tmp_path / "nope.jsonl"), "-o", str(tmp_path / "o.jsonl")], capsys)
    _one_line_error(code, err, "nope.jsonl", "no such file")
    existing = tmp_path / "rows.jsonl"
    existing.write_text("", encoding="utf-8")
    code, _, err = run(["label", str(article_file), "-o", str(existing)], capsys)
    _one_line_error(code, err, "output exists")
    code, _, err = run(["label", str(article_file), "-o", str(article_file), "--overwrite"], capsys)
    _one_line_error(code, err, "output is the input")
    code, _, err = run(["label", str(tmp_path / "in.xml"), "-o", str(tmp_path / "o.jsonl")], capsys)
    _one_line_error(code, err, "no such file")
    (tmp_path / "in.xml").write_text("<a/>", encoding="utf-8")
    code, _, err = run(["label", str(tmp_path / "in.xml"), "-o", str(tmp_path / "o.jsonl")], capsys)
    _one_line_error(code, err, "unknown input format")
    code, _, err = run(["label", str(tmp_path / "nope.jsonl"), "-o", str(tmp_path / "r"), "--engine", "ray"], capsys)
    _one_line_error(code, err, "no such file")


def test_ray_overwrite_keeps_the_input_and_files_it_did_not_write(tmp_path: Path, tiny_model: Path) -> None:
    pytest.importorskip("ray")
    from stance.distributed import label_with_ray
    from stance.errors import StanceError

    out = tmp_path / "proj"
    out.mkdir()
    src = out / "articles.jsonl"
    src.write_text(json.dumps({"id": "a", "text": "Nothing said."}) + "\n", encoding="utf-8")
    with pytest.raises(StanceError, match="holds the input"):
        label_with_ray(str(src), str(out), model=str(tiny_model), overwrite=True)
    other = tmp_path / "rows"
    other.mkdir()
    (other / "notes.txt").write_text("mine", encoding="utf-8")
    (other / "part-0.jsonl").write_text("{}\n", encoding="utf-8")
    with pytest.raises(StanceError, match="holds 'notes.txt'"):
        label_with_ray(str(src), str(other), model=str(tiny_model), overwrite=True)
    assert src.exists() and (other / "notes.txt").read_text() == "mine"


def test_models_names_a_broken_metrics_file(tmp_path: Path, capsys, tiny_model: Path) -> None:
    import shutil

    copy = tmp_path / "root" / "tiny" / "v1"
    shutil.copytree(tiny_model, copy)
    (copy / "metrics.json").write_text("[]", encoding="utf-8")
    code, _, err = run(["models", "--root", str(tmp_path / "root")], capsys)
    _one_line_error(code, err, "metrics.json", "JSON object")


def test_models_names_a_wrongly_typed_field(tmp_path: Path, capsys, tiny_model: Path) -> None:
    import shutil

    copy = tmp_path / "root" / "tiny" / "v1"
    shutil.copytree(tiny_model, copy)
    cfg = json.loads((copy / "stance_config.json").read_text())
    cfg["created"] = None
    (copy / "stance_config.json").write_text(json.dumps(cfg), encoding="utf-8")
    code, _, err = run(["models", "--root", str(tmp_path / "root")], capsys)
    _one_line_error(code, err, "stance_config.json", "'created' must be a string")


def test_evaluate_names_the_line_of_a_label_outside_the_scheme(tmp_path: Path, capsys, tiny_model: Path) -> None:
    data = tmp_path / "dev.jsonl"
    data.write_text('{"quote": "We will talk.", "target": "Iran", "label": "neutral"}\n\n\n'
                    '{"quote": "You will pay.", "target": "Iran", "label": "friendly"}\n', encoding="utf-8")
    code, _, err = run(["evaluate", "--model", str(tiny_model), "--data", str(data), "--report", str(tmp_path / "r")],
                       capsys)
    _one_line_error(code, err, "dev.jsonl:4", "friendly")
    code, _, err = run(["compare", str(tiny_model), str(tiny_model), "--data", str(data),
                        "--report", str(tmp_path / "c")], capsys)
    _one_line_error(code, err, "dev.jsonl:4", "friendly")


@pytest.mark.parametrize("command", ["segment", "label"])
def test_when_every_record_is_bad_each_is_listed_before_the_error(
    tmp_path: Path, capsys, tiny_model: Path, command: str
) -> None:
    p = tmp_path / "a.jsonl"
    p.write_text('{"id": "e", "text": ""}\n{"id": "f", "text": "   "}\n{"id": "g", "text": "ok", "title": 7}\n'
                 '{"id": "h", "text": "ok", "date": {"y": 1}}\n', encoding="utf-8")
    model = ["--model", str(tiny_model)] if command == "label" else []
    code, _, err = run([command, str(p), "-o", str(tmp_path / "o.jsonl"), *model], capsys)
    _one_line_error(code, err, f"{p}:1", "4 skipped")
    for line, problem in ((1, "empty"), (2, "empty"), (3, "'title'"), (4, "'date'")):
        assert any(x.startswith(f"stance: skipped {p}:{line}: ") and problem in x for x in err.splitlines()), err
