"""MLflow logging: a recording fake for what `--mlflow` sends, a real file store when MLflow is installed."""

from __future__ import annotations

import json
import sys
import types
from contextlib import contextmanager
from pathlib import Path

import pytest

from evaluation.tracking import INSTALL_HINT, flatten, metrics_of, params_of, tracking_uri
from stance.cli import main
from tests.conftest import write_config, write_examples


class FakeMlflow(types.ModuleType):
    """Records every call the tracker makes, in order, like a tracking server would store them."""

    def __init__(self) -> None:
        super().__init__("mlflow")
        self.calls: list[tuple[str, object]] = []
        self.runs: list[dict] = []

    def set_tracking_uri(self, uri: str) -> None:
        self.calls.append(("set_tracking_uri", uri))

    def set_experiment(self, name: str) -> None:
        self.calls.append(("set_experiment", name))

    @contextmanager
    def start_run(self, run_name: str | None = None):
        run = {"name": run_name, "params": {}, "metrics": {}, "tags": {}, "artifacts": []}
        self.runs.append(run)
        yield types.SimpleNamespace(info=types.SimpleNamespace(run_id=f"run{len(self.runs)}"))

    def set_tags(self, tags: dict) -> None:
        self.runs[-1]["tags"].update(tags)

    def log_params(self, params: dict) -> None:
        self.runs[-1]["params"].update(params)

    def log_metrics(self, metrics: dict) -> None:
        self.runs[-1]["metrics"].update(metrics)

    def log_artifact(self, path: str) -> None:
        self.runs[-1]["artifacts"].append(Path(path).name)


@pytest.fixture
def fake_mlflow(monkeypatch: pytest.MonkeyPatch) -> FakeMlflow:
    fake = FakeMlflow()
    monkeypatch.setitem(sys.modules, "mlflow", fake)
    return fake


def test_flattening_gives_mlflow_keys() -> None:
    cfg = {"data": {"train": [{"path": "a.jsonl", "weight": 0.5}], "dev": None}, "labels": ["x", "y"],
           "train": {"epochs": 2}}
    params = params_of(cfg)
    assert params == {"data.train.0.path": "a.jsonl", "data.train.0.weight": "0.5", "data.dev": "null",
                      "labels": '["x", "y"]', "train.epochs": "2"}
    assert all("[" not in k for k in params)
    m = metrics_of({"macro_f1": 0.5, "confusion": {"matrix": [[1]]}, "per_class": {"a": {"f1": 1}},
                    "by_target": {"groups": 3}, "truncated": 0, "flag": True, "data": "x"})
    assert m == {"macro_f1": 0.5, "per_class.a.f1": 1.0, "truncated": 0.0}
    assert flatten({"a": {"b": {"c": 1}}}) == {"a.b.c": 1}
    assert params_of({"long": "x" * 900})["long"].endswith("…")


def test_tracking_uri_folder_becomes_file_uri(tmp_path: Path) -> None:
    assert tracking_uri(str(tmp_path / "runs")) == (tmp_path / "runs").resolve().as_uri()
    assert tracking_uri(None).startswith("file://") and tracking_uri(None).endswith("/mlruns")
    for uri in ("sqlite:///mlflow.db", "http://localhost:5000", "file:///tmp/x", "databricks"):
        assert tracking_uri(uri) == uri


def test_missing_mlflow_is_one_line_before_any_work(tmp_path: Path, tiny_base: Path, monkeypatch: pytest.MonkeyPatch,
                                                    capsys: pytest.CaptureFixture) -> None:
    monkeypatch.setitem(sys.modules, "mlflow", None)  # import mlflow now raises ImportError
    data = write_examples(tmp_path / "train.jsonl")
    cfg = write_config(tmp_path, tiny_base, data)
    assert main(["train", str(cfg), "--mlflow"]) == 2
    err = capsys.readouterr().err
    assert err.strip() == f"stance: error: {INSTALL_HINT}" and "pip install mlflow" in err
    assert not (tmp_path / "models").exists()  # refused before training, not after
    assert main(["evaluate", "--data", str(data), "--model", "nowhere", "--mlflow"]) == 2
    assert "pip install mlflow" in capsys.readouterr().err


def test_train_logs_config_metrics_and_model_dir(tmp_path: Path, tiny_base: Path, fake_mlflow: FakeMlflow,
                                                 capsys: pytest.CaptureFixture) -> None:
    data = write_examples(tmp_path / "train.jsonl", repeat=2)
    dev = write_examples(tmp_path / "dev.jsonl")
    cfg = write_config(tmp_path, tiny_base, data, dev, epochs=1)
    store = tmp_path / "runs"
    assert main(["train", str(cfg), f"--mlflow={store}"]) == 0
    model_dir = Path(capsys.readouterr().out.strip().splitlines()[-1])
    assert fake_mlflow.calls == [("set_tracking_uri", store.resolve().as_uri()), ("set_experiment", "stance")]
    (run,) = fake_mlflow.runs
    saved = json.loads((model_dir / "metrics.json").read_text(encoding="utf-8"))
    assert run["metrics"]["dev.macro_f1"] == pytest.approx(saved["dev"]["macro_f1"])
    for key in ("validation.macro_f1", "validation.ece_before_scaling", "validation.ece_after_scaling",
                "validation.per_class.threatening.f1", "dev.per_class.neutral.f1", "temperature"):
        assert key in run["metrics"], key
    assert run["params"]["train.epochs"] == "1" and run["params"]["name"] == "tiny"
    assert run["params"]["data.train.0.path"] == str(data)
    assert run["tags"]["stance.kind"] == "train" and run["tags"]["stance.model_dir"] == str(model_dir.resolve())
    assert run["tags"]["stance.model"] == f"tiny@{model_dir.name}" and run["name"] == f"train tiny@{model_dir.name}"
    assert {"metrics.json", "config.yaml"} <= set(run["artifacts"])


def test_evaluate_logs_every_figure_of_metrics_json(tmp_path: Path, tiny_model: Path, fake_mlflow: FakeMlflow,
                                                    capsys: pytest.CaptureFixture) -> None:
    data = write_examples(tmp_path / "dev.jsonl")
    report = tmp_path / "report"
    argv = ["evaluate", "--model", str(tiny_model), "--data", str(data), "--report", str(report),
            "--bootstrap", "20", "--no-sensitivity", "--mlflow"]
    assert main(argv) == 0
    assert "logged to MLflow" in capsys.readouterr().err
    (run,) = fake_mlflow.runs
    saved = json.loads((report / "metrics.json").read_text(encoding="utf-8"))
    assert run["metrics"]["macro_f1"] == pytest.approx(saved["macro_f1"])
    assert run["metrics"]["ece"] == pytest.approx(saved["ece"])
    assert run["metrics"]["ci95.macro_f1.low"] == pytest.approx(saved["ci95"]["macro_f1"]["low"])
    assert run["metrics"]["per_class.neutral.f1"] == pytest.approx(saved["per_class"]["neutral"]["f1"])
    assert not any(k.startswith(("confusion", "by_target", "by_speaker")) for k in run["metrics"])
    assert run["params"]["n_boot"] == "20" and run["params"]["data"] == str(data)
    assert run["tags"]["stance.model_dir"] == str(tiny_model.resolve()) and run["tags"]["stance.kind"] == "evaluate"
    assert {"metrics.json", "report.html", "confusion.png"} <= set(run["artifacts"])


def test_real_mlflow_file_store_reads_back(tmp_path: Path, tiny_model: Path, monkeypatch: pytest.MonkeyPatch,
                                           capsys: pytest.CaptureFixture) -> None:
    mlflow = pytest.importorskip("mlflow")
    monkeypatch.setenv("MLFLOW_ALLOW_FILE_STORE", "unset-after-test")
    monkeypatch.delenv("MLFLOW_ALLOW_FILE_STORE")  # the tracker must allow the file store itself
    data = write_examples(tmp_path / "dev.jsonl")
    report, store = tmp_path / "report", tmp_path / "mlruns"
    assert main(["evaluate", "--model", str(tiny_model), "--data", str(data), "--report", str(report),
                 "--bootstrap", "20", "--no-sensitivity", f"--mlflow={store}"]) == 0
    capsys.readouterr()
    client = mlflow.MlflowClient(tracking_uri=store.resolve().as_uri())
    exp = client.get_experiment_by_name("stance")
    (run,) = client.search_runs([exp.experiment_id])
    saved = json.loads((report / "metrics.json").read_text(encoding="utf-8"))
    assert run.data.metrics["macro_f1"] == pytest.approx(saved["macro_f1"])
    assert run.data.tags["stance.model"] == saved["model"]
    assert run.data.params["data"] == str(data)
    assert {"report.html", "metrics.json"} <= {a.path for a in client.list_artifacts(run.info.run_id)}
