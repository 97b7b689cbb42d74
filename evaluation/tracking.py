"""Optional MLflow logging of training runs and evaluations, so model versions line up in the MLflow UI.

MLflow is an optional extra (`pip install 'stance[mlflow]'`); nothing imports it unless a user
asks for `--mlflow`, and then a missing install is one line, not a traceback. The tracker is
opened before the work it records, so a bad URI or a missing package is reported before a
15-minute training run rather than after it.

Tracking is a command-line choice, not a config key: where a run was recorded is not part of
what the run is, and keeping it out of the resolved `config.yaml` keeps two identical runs
identical on disk. It lives in `evaluation/` because `training/` already builds on it.

MLflow 3 refuses its file store (`./mlruns`) unless `MLFLOW_ALLOW_FILE_STORE=true`; a plain
local folder is what a researcher without a tracking server wants, so for a local path that
variable is set for this process unless the user has set it.
"""

from __future__ import annotations

import json
import logging
import os
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

from stance.errors import StanceError

EXPERIMENT = "stance"
DEFAULT_URI = "./mlruns"
INSTALL_HINT = "--mlflow needs MLflow, which is not installed: pip install mlflow (or pip install 'stance[mlflow]')"
_MAX_PARAM = 500
_SKIP_METRICS = {"confusion", "by_target", "by_speaker", "path"}


def tracking_uri(target: str | None) -> str:
    """A tracking URI from what the user typed: a URI passes through, a folder becomes a file:// URI."""
    target = target or DEFAULT_URI
    if "://" in target or target.split(":", 1)[0] in {"file", "sqlite", "databricks", "postgresql", "mysql"}:
        return target
    return Path(target).expanduser().resolve().as_uri()


def flatten(d: Mapping[str, Any], prefix: str = "") -> dict[str, Any]:
    """Nested mappings and lists to dotted keys ("data.train.0.path"); MLflow keys allow no brackets."""
    out: dict[str, Any] = {}
    for k, v in d.items():
        key = f"{prefix}{k}"
        if isinstance(v, Mapping):
            out.update(flatten(v, key + "."))
        elif isinstance(v, list) and any(isinstance(x, Mapping) for x in v):
            out.update(flatten({str(i): x for i, x in enumerate(v)}, key + "."))
        else:
            out[key] = v
    return out


def params_of(d: Mapping[str, Any]) -> dict[str, str]:
    out = {}
    for k, v in flatten(d).items():
        s = v if isinstance(v, str) else json.dumps(v, ensure_ascii=False)
        out[k] = s if len(s) <= _MAX_PARAM else s[: _MAX_PARAM - 1] + "…"
    return out


def metrics_of(d: Mapping[str, Any], skip: Iterable[str] = _SKIP_METRICS) -> dict[str, float]:
    """The numbers of a metrics dict (dotted keys), leaving out tables that are not metrics."""
    skip = set(skip)

    def keep(key: str) -> bool:
        return not any(part in skip for part in key.split("."))

    return {k: float(v) for k, v in flatten(d).items()
            if keep(k) and isinstance(v, (int, float)) and not isinstance(v, bool)}


class Tracker:
    """One MLflow tracking store and experiment; each `log_*` call records one run."""

    def __init__(self, uri: str | None = None, experiment: str = EXPERIMENT) -> None:
        try:
            import mlflow
        except ImportError:
            raise StanceError(INSTALL_HINT) from None
        self.mlflow = mlflow
        self.uri = tracking_uri(uri)
        self.experiment = experiment
        if self.uri.startswith("file:"):
            os.environ.setdefault("MLFLOW_ALLOW_FILE_STORE", "true")
        logging.getLogger("mlflow").setLevel(max(logging.getLogger().level, logging.WARNING))
        self._call(lambda: (mlflow.set_tracking_uri(self.uri), mlflow.set_experiment(experiment)))

    def _call(self, fn: Any, after: str = "") -> Any:
        try:
            return fn()
        except StanceError:
            raise
        except Exception as err:  # MLflow raises its own exceptions, and OSError, for a bad store
            msg = " ".join(str(err).split())[:300]
            raise StanceError(f"MLflow logging to {self.uri} failed ({type(err).__name__}: {msg}){after}") from None

    def log_run(
        self,
        run_name: str,
        params: Mapping[str, str],
        metrics: Mapping[str, float],
        tags: Mapping[str, str],
        artifacts: Iterable[Path] = (),
        after: str = "",
    ) -> str:
        """Record one run; returns its run id. `after` is appended to a failure message."""
        mlflow = self.mlflow

        def run() -> str:
            with mlflow.start_run(run_name=run_name) as active:
                mlflow.set_tags(dict(tags))
                if params:
                    mlflow.log_params(dict(params))
                if metrics:
                    mlflow.log_metrics(dict(metrics))
                for path in artifacts:
                    if Path(path).is_file():
                        mlflow.log_artifact(str(path))
                return str(active.info.run_id)

        return self._call(run, after)

    def log_training(self, config: Mapping[str, Any], metrics: Mapping[str, Any], model_dir: str | Path) -> str:
        """A training run: the resolved config as params; validation and dev metrics, ECE before and after scaling."""
        model_dir = Path(model_dir)
        model_id = f"{model_dir.parent.name}@{model_dir.name}"
        try:
            sc = json.loads((model_dir / "stance_config.json").read_text(encoding="utf-8"))
            model_id = f"{sc['name']}@{sc['version']}"
        except (OSError, ValueError, KeyError, TypeError):
            pass
        tags = {"stance.kind": "train", "stance.model": model_id, "stance.model_dir": str(model_dir.resolve()),
                "stance.base": str((config.get("model") or {}).get("base", ""))}
        files = [model_dir / n for n in ("metrics.json", "config.yaml", "stance_config.json", "README.md")]
        return self.log_run(f"train {model_id}", params_of(config), metrics_of(metrics), tags, files,
                            after=f"; the model is saved in {model_dir}")

    def log_evaluation(self, metrics: Mapping[str, Any], model_dir: str | Path | None, model_id: str,
                       data: str, settings: Mapping[str, Any], files: Iterable[Path] = ()) -> str:
        """An evaluation: the model and data as tags, its settings as params, every figure of metrics.json."""
        tags = {"stance.kind": "evaluate", "stance.model": model_id, "stance.data": data,
                "stance.model_dir": str(Path(model_dir).resolve()) if model_dir else ""}
        params = params_of({"data": data, "model": model_id, **settings})
        return self.log_run(f"evaluate {model_id}", params, metrics_of(metrics), tags, files,
                            after="; the report is written")
