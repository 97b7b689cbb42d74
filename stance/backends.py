"""Inference backends: the PyTorch model itself, the same weights exported to ONNX Runtime,
or that export with its weight matrices in int8.

ONNX Runtime fuses the encoder's operators into fewer, faster CPU kernels while computing
in fp32, so its labels agree with PyTorch's. The int8 backend trades exactness for speed: its
labels differ from fp32 on under 1% of pairs (README, "Labelling archives"), so it is opt-in.
Exports are made once per model and kept beside its weights, or in the stance cache when the
model directory is read-only.
"""

from __future__ import annotations

import copy
import hashlib
import logging
import os
import tempfile
import warnings
from pathlib import Path
from typing import Any

from .errors import StanceError
from .io import honour_umask

BACKENDS = ("auto", "torch", "onnx", "int8")
ONNX_FILE = "model.onnx"
INT8_FILE = "model.int8.onnx"
EXPORT_VERSION = "2"  # 2: the last layer runs for [CLS] only; older exports are redone
QUANT_VERSION = "1"
INPUTS = ("input_ids", "token_type_ids", "attention_mask")

log = logging.getLogger(__name__)


def _trunk_without_last_layer(bert: Any) -> Any:
    """The encoder minus its last layer and pooler, sharing (not copying) the weights."""
    import torch

    trunk = copy.copy(bert)
    trunk._modules = dict(bert._modules)
    encoder = copy.copy(bert.encoder)
    encoder._modules = dict(bert.encoder._modules)
    encoder._modules["layer"] = torch.nn.ModuleList(list(bert.encoder.layer)[:-1])
    trunk._modules["encoder"] = encoder
    trunk._modules["pooler"] = None
    return trunk


def cls_only(model: Any, sample: dict[str, Any]) -> Any | None:
    """A BERT-family classifier whose last layer runs for [CLS] alone, or None where that does not apply.

    The classifier reads only the last layer's [CLS] vector, so that layer's queries, attention
    output and feed-forward are needed at one position; keys and values still see every token.
    For a six-layer encoder this is about a seventh less work with the same logits (checked
    here on `sample` before it is used).
    """
    import torch

    bert = getattr(model, "bert", None)
    needed = ("embeddings", "encoder", "pooler")
    if bert is None or any(getattr(bert, n, None) is None for n in needed) or getattr(bert.config, "is_decoder", False):
        return None
    if not hasattr(model, "classifier") or len(bert.encoder.layer) < 2:
        return None

    class ClsOnly(torch.nn.Module):
        def __init__(self) -> None:
            super().__init__()
            self.trunk = _trunk_without_last_layer(bert)
            self.last = bert.encoder.layer[-1]
            self.pooler = bert.pooler
            self.dropout = getattr(model, "dropout", torch.nn.Identity())
            self.classifier = model.classifier

        def forward(self, input_ids: Any, token_type_ids: Any, attention_mask: Any) -> Any:
            h = self.trunk(
                input_ids=input_ids, token_type_ids=token_type_ids, attention_mask=attention_mask
            ).last_hidden_state
            sa = self.last.attention.self
            b, n, _ = h.shape
            heads, d = sa.num_attention_heads, sa.attention_head_size
            q = sa.query(h[:, :1]).view(b, 1, heads, d).transpose(1, 2)
            k = sa.key(h).view(b, n, heads, d).transpose(1, 2)
            v = sa.value(h).view(b, n, heads, d).transpose(1, 2)
            scores = (q @ k.transpose(-1, -2)) * sa.scaling
            scores = scores.masked_fill(attention_mask[:, None, None, :] == 0, torch.finfo(scores.dtype).min)
            context = (scores.softmax(-1) @ v).transpose(1, 2).reshape(b, 1, heads * d)
            a = self.last.attention.output(context, h[:, :1])
            out = self.last.output(self.last.intermediate(a), a)
            return self.classifier(self.dropout(self.pooler(out)))

    try:
        wrapped = ClsOnly().eval()
        feed = {k: torch.as_tensor(sample[k]) for k in INPUTS}
        with torch.inference_mode():
            same = torch.allclose(wrapped(**feed), model(**feed).logits, atol=1e-4)
    except (AttributeError, KeyError, RuntimeError, TypeError):
        return None
    return wrapped if same else None


class TorchBackend:
    name = "torch"

    def __init__(self, model: Any, tokenizer: Any = None) -> None:
        self.model = model
        self.fast = cls_only(model, _sample(tokenizer)) if tokenizer is not None else None

    def __call__(self, batch: dict[str, Any]) -> Any:
        import torch

        feed = {k: torch.as_tensor(v) for k, v in batch.items()}
        with torch.inference_mode():
            if self.fast is not None and set(feed) == set(INPUTS):
                return self.fast(**feed).float()
            return self.model(**feed).logits.float()


class OnnxBackend:
    name = "onnx"

    def __init__(self, path: Path, num_threads: int | None = None) -> None:
        import onnxruntime as ort  # presence checked by load_backend

        opts = ort.SessionOptions()
        opts.graph_optimization_level = ort.GraphOptimizationLevel.ORT_ENABLE_ALL
        opts.intra_op_num_threads = num_threads or os.cpu_count() or 1
        opts.log_severity_level = 3
        opts.add_session_config_entry("session.intra_op.allow_spinning", "0")  # spinning threads starve a busy CPU
        # The memory-pattern planner keeps one allocation plan per input shape; with a dynamic batch
        # and length, every new shape adds one, so a long archive's memory crept up (10x input: +11%).
        opts.enable_mem_pattern = False
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


def _sample(tokenizer: Any) -> Any:
    """Two pairs of different lengths, so that padding is part of what is checked and traced."""
    if getattr(tokenizer, "pad_token", None) is None:
        return tokenizer(["target | speaker"], ["a quote of some words"], return_tensors="pt")
    return tokenizer(
        ["target | speaker", "target"], ["a quote of some words", "a longer quote of quite a few more words here"],
        padding=True, return_tensors="pt",
    )


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

    sample = _sample(tokenizer)
    names = [k for k in INPUTS if k in sample]
    fast = cls_only(model, sample) if names == list(INPUTS) else None
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=".model.", suffix=".onnx.tmp", dir=target.parent)
    honour_umask(fd)
    os.close(fd)
    axes = {k: {0: "batch", 1: "sequence"} for k in names} | {"logits": {0: "batch"}}
    try:
        with torch.inference_mode(), warnings.catch_warnings():
            warnings.simplefilter("ignore")  # tracer notes on shapes that are fixed by design here
            torch.onnx.export(
                fast if fast is not None else Logits(model.eval(), names), tuple(sample[k] for k in names), tmp,
                input_names=names, output_names=["logits"], dynamic_axes=axes, opset_version=17, dynamo=False,
            )
        import onnx

        graph = onnx.load(tmp)
        onnx.helper.set_model_props(graph, {"stance_export": EXPORT_VERSION})
        onnx.save(graph, tmp)
        os.replace(tmp, target)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return target


def _export_is_current(path: Path, model_dir: Path) -> bool:
    """Made by this version of the exporter from the weights as they are now."""
    if not path.exists() or path.stat().st_mtime < max(
        (f.stat().st_mtime for f in model_dir.iterdir() if f.suffix in (".safetensors", ".bin")), default=0.0
    ):
        return False
    import onnx

    props = {p.key: p.value for p in onnx.load(str(path), load_external_data=False).metadata_props}
    return props.get("stance_export") == EXPORT_VERSION


def quantize_rows(src: Path, target: Path) -> Path:
    """An int8 copy of an fp32 export: every matrix product with a weight matrix runs as
    uint8 x int8 (`MatMulInteger`) and is rescaled to fp32.

    Weights get one symmetric 8-bit scale per output column. Activations are quantised per
    token, each row by its own largest magnitude, rather than per tensor as ONNX Runtime's
    dynamic quantisation does: a per-tensor scale is set by the whole batch, so a pair's label
    could change with the pairs batched beside it, and one outlier token coarsens every other.
    Per row, a pair's scores do not depend on its batch, and labels stay closer to fp32
    (measured: 2 of 282 dev labels changed against 4-7 for per-tensor variants)."""
    import numpy as np
    import onnx
    from onnx import TensorProto, helper, numpy_helper

    graph_model = onnx.load(str(src))
    graph = graph_model.graph
    weights = {i.name: i for i in graph.initializer}
    added = [
        numpy_helper.from_array(np.array(v, dtype=dt), name)
        for name, v, dt in (("q_127", 127.0, np.float32), ("q_eps", 1e-8, np.float32), ("q_128", 128.0, np.float32),
                            ("q_a_zero", 128, np.uint8), ("q_w_zero", 0, np.int8))
    ]
    nodes = []
    k = 0
    for node in graph.node:
        w = weights.get(node.input[1]) if node.op_type == "MatMul" and len(node.input) == 2 else None
        if w is None or len(w.dims) != 2:
            nodes.append(node)
            continue
        mat = numpy_helper.to_array(w).astype(np.float32)
        col_scale = np.abs(mat).max(axis=0) / 127.0
        col_scale[col_scale == 0] = 1.0
        p = f"q{k}_"
        k += 1
        added += [
            numpy_helper.from_array(np.clip(np.round(mat / col_scale), -127, 127).astype(np.int8), p + "w"),
            numpy_helper.from_array(col_scale.astype(np.float32), p + "w_scale"),
        ]
        x = node.input[0]
        nodes += [
            helper.make_node("Abs", [x], [p + "abs"]),
            helper.make_node("ReduceMax", [p + "abs"], [p + "max"], axes=[-1], keepdims=1),
            helper.make_node("Max", [p + "max", "q_eps"], [p + "max_eps"]),
            helper.make_node("Div", [p + "max_eps", "q_127"], [p + "scale"]),
            helper.make_node("Div", [x, p + "scale"], [p + "scaled"]),
            helper.make_node("Round", [p + "scaled"], [p + "rounded"]),
            helper.make_node("Add", [p + "rounded", "q_128"], [p + "shifted"]),
            helper.make_node("Cast", [p + "shifted"], [p + "x_q"], to=TensorProto.UINT8),
            helper.make_node("MatMulInteger", [p + "x_q", p + "w", "q_a_zero", "q_w_zero"], [p + "acc"]),
            helper.make_node("Cast", [p + "acc"], [p + "acc_f"], to=TensorProto.FLOAT),
            helper.make_node("Mul", [p + "acc_f", p + "scale"], [p + "rows"]),
            helper.make_node("Mul", [p + "rows", p + "w_scale"], [node.output[0]]),
        ]
    del graph.node[:]
    graph.node.extend(nodes)
    used = {i for n in graph.node for i in n.input}
    kept = [i for i in graph.initializer if i.name in used]
    del graph.initializer[:]
    graph.initializer.extend(kept + added)
    props = {p.key: p.value for p in graph_model.metadata_props} | {"stance_int8": QUANT_VERSION}
    onnx.helper.set_model_props(graph_model, props)
    fd, tmp = tempfile.mkstemp(prefix=".model.", suffix=".int8.tmp", dir=target.parent)
    honour_umask(fd)
    os.close(fd)
    try:
        onnx.save(graph_model, tmp)
        os.replace(tmp, target)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return target


def _int8_is_current(path: Path, fp32: Path) -> bool:
    if not path.exists() or path.stat().st_mtime < fp32.stat().st_mtime:
        return False
    import onnx

    props = {p.key: p.value for p in onnx.load(str(path), load_external_data=False).metadata_props}
    return props.get("stance_int8") == QUANT_VERSION and props.get("stance_export") == EXPORT_VERSION


def load_backend(name: str, model: Any, tokenizer: Any, model_dir: Path | None, num_threads: int | None) -> Any:
    """`auto` takes ONNX Runtime when it is installed and the model exports, else PyTorch."""
    if name == "torch":
        return TorchBackend(model, tokenizer)
    if name == "auto":
        try:
            return load_backend("onnx", model, tokenizer, model_dir, num_threads)
        except StanceError:
            return TorchBackend(model, tokenizer)
        except Exception as err:  # an architecture the exporter cannot trace still labels, only slower
            log.warning("ONNX export failed (%s); labelling with PyTorch", err)
            return TorchBackend(model, tokenizer)
    if name not in ("onnx", "int8"):
        raise StanceError(f"unknown backend {name!r}; expected one of {', '.join(BACKENDS)}")
    try:
        import onnx  # noqa: F401
        import onnxruntime  # noqa: F401
    except ImportError:
        raise StanceError(f"--backend {name} needs ONNX Runtime and onnx: pip install 'stance[onnx]'") from None
    if model_dir is None:
        fd, tmp = tempfile.mkstemp(suffix=".onnx")
        os.close(fd)
        path = export_onnx(model, tokenizer, Path(tmp))
    else:
        path = onnx_path(model_dir)
        if not _export_is_current(path, model_dir):
            log.info("exporting %s to ONNX (once)", model_dir)
            export_onnx(model, tokenizer, path)
    if name == "int8":
        fp32 = path
        path = path.with_name(INT8_FILE) if model_dir is not None else path.with_suffix(".int8.onnx")
        if not _int8_is_current(path, fp32):
            log.info("quantising %s to int8 (once)", fp32)
            quantize_rows(fp32, path)
    backend = OnnxBackend(path, num_threads)
    backend.name = name  # "int8" labels differently from "onnx": a resume must tell them apart
    return backend
