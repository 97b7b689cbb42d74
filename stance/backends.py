"""Inference backends: the PyTorch model itself, or the same weights exported to ONNX Runtime.

ONNX Runtime fuses the encoder's operators into fewer, faster CPU kernels while computing
in fp32, so its labels agree with PyTorch's (dynamic int8 quantisation was measured to
change 5-7% of dev labels and is not offered). The export is made once per model and kept
beside its weights, or in the stance cache when the model directory is read-only.
"""

from __future__ import annotations

import hashlib
import logging
import os
import tempfile
import warnings
from pathlib import Path
from typing import Any

from .errors import StanceError

BACKENDS = ("auto", "torch", "onnx")
ONNX_FILE = "model.onnx"
INPUTS = ("input_ids", "token_type_ids", "attention_mask")

log = logging.getLogger(__name__)


class TorchBackend:
    name = "torch"

    def __init__(self, model: Any) -> None:
        self.model = model

    def __call__(self, batch: dict[str, Any]) -> Any:
        import torch

        with torch.inference_mode():
            return self.model(**{k: torch.as_tensor(v) for k, v in batch.items()}).logits.float()


class OnnxBackend:
    name = "onnx"

    def __init__(self, path: Path, num_threads: int | None = None) -> None:
        import onnxruntime as ort  # presence checked by load_backend

        opts = ort.SessionOptions()
        opts.graph_optimization_level = ort.GraphOptimizationLevel.ORT_ENABLE_ALL
        opts.intra_op_num_threads = num_threads or os.cpu_count() or 1
        opts.log_severity_level = 3
        opts.add_session_config_entry("session.intra_op.allow_spinning", "0")  # spinning threads starve a busy CPU
        self.session = ort.InferenceSession(str(path), opts, providers=["CPUExecutionProvider"])
        self.inputs = [i.name for i in self.session.get_inputs()]

    def __call__(self, batch: dict[str, Any]) -> Any:
        import numpy as np
        import torch

        feed = {k: np.asarray(batch[k], dtype=np.int64) for k in self.inputs}
        return torch.from_numpy(self.session.run(None, feed)[0]).float()


def _weights_digest(model_dir: Path) -> str:
    h = hashlib.sha256()
    for f in sorted(model_dir.glob("*.safetensors")) + sorted(model_dir.glob("*.bin")):
        with open(f, "rb") as fh:
            for block in iter(lambda: fh.read(1 << 20), b""):
                h.update(block)
    return h.hexdigest()[:16]


def onnx_path(model_dir: Path) -> Path:
    """Where a model's export lives: beside the weights if writable, else in the stance cache."""
    if os.access(model_dir, os.W_OK):
        return model_dir / ONNX_FILE
    from .models import cache_dir

    return cache_dir() / "onnx" / _weights_digest(model_dir) / ONNX_FILE


def export_onnx(model: Any, tokenizer: Any, target: Path) -> Path:
    """Trace the classifier once with dynamic batch and sequence axes; written atomically."""
    import torch

    class Logits(torch.nn.Module):
        def __init__(self, inner: Any, names: list[str]) -> None:
            super().__init__()
            self.inner = inner
            self.names = names

        def forward(self, *args: Any) -> Any:
            return self.inner(**dict(zip(self.names, args))).logits

    sample = tokenizer(["target | speaker"], ["a quote of some words"], return_tensors="pt")
    names = [k for k in INPUTS if k in sample]
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=".model.", suffix=".onnx.tmp", dir=target.parent)
    os.close(fd)
    axes = {k: {0: "batch", 1: "sequence"} for k in names} | {"logits": {0: "batch"}}
    try:
        with torch.inference_mode(), warnings.catch_warnings():
            warnings.simplefilter("ignore")  # tracer notes on shapes that are fixed by design here
            torch.onnx.export(
                Logits(model.eval(), names), tuple(sample[k] for k in names), tmp, input_names=names,
                output_names=["logits"], dynamic_axes=axes, opset_version=17, dynamo=False,
            )
        os.replace(tmp, target)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return target


def load_backend(name: str, model: Any, tokenizer: Any, model_dir: Path | None, num_threads: int | None) -> Any:
    """`auto` takes ONNX Runtime when it is installed and the model exports, else PyTorch."""
    if name == "torch":
        return TorchBackend(model)
    if name == "auto":
        try:
            return load_backend("onnx", model, tokenizer, model_dir, num_threads)
        except StanceError:
            return TorchBackend(model)
        except Exception as err:  # an architecture the exporter cannot trace still labels, only slower
            log.warning("ONNX export failed (%s); labelling with PyTorch", err)
            return TorchBackend(model)
    if name != "onnx":
        raise StanceError(f"unknown backend {name!r}; expected one of {', '.join(BACKENDS)}")
    try:
        import onnx  # noqa: F401
        import onnxruntime  # noqa: F401
    except ImportError:
        raise StanceError("--backend onnx needs ONNX Runtime and onnx: pip install 'stance[onnx]'") from None
    if model_dir is None:
        fd, tmp = tempfile.mkstemp(suffix=".onnx")
        os.close(fd)
        path = export_onnx(model, tokenizer, Path(tmp))
    else:
        path = onnx_path(model_dir)
        if not path.exists() or path.stat().st_mtime < max(
            (f.stat().st_mtime for f in model_dir.iterdir() if f.suffix in (".safetensors", ".bin")), default=0.0
        ):
            log.info("exporting %s to ONNX (once)", model_dir)
            export_onnx(model, tokenizer, path)
    return OnnxBackend(path, num_threads)
