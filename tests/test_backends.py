"""The [CLS]-only last layer gives the full model's logits, and is refused where it would not."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
import torch
from transformers import AutoModelForSequenceClassification, AutoTokenizer

from stance import backends
from stance.backends import TorchBackend, cls_only

QUOTES = [
    "we will respond",
    "the talks on the plan are welcome and the peace is near now",
    "strike",
    "sanctions will follow if the talks fail and we will respond to the strike",
]


def batch(tokenizer) -> dict[str, torch.Tensor]:
    return tokenizer(["Iran | the minister"] * len(QUOTES), QUOTES, padding=True, return_tensors="pt")


@pytest.fixture(scope="module")
def tiny(tiny_base: Path):
    model = AutoModelForSequenceClassification.from_pretrained(tiny_base).eval()
    return model, AutoTokenizer.from_pretrained(tiny_base)


def test_cls_only_gives_the_full_models_logits_on_padded_batches(tiny) -> None:
    model, tok = tiny
    fast = cls_only(model, batch(tok))
    assert fast is not None
    feed = batch(tok)
    assert int(feed["attention_mask"].sum()) < feed["attention_mask"].numel()  # the batch is padded
    with torch.inference_mode():
        want = model(**feed).logits
        got = fast(**feed)
    assert got.shape == want.shape
    assert (got - want).abs().max().item() < 1e-5
    assert len(model.bert.encoder.layer) == 2  # the model itself is left whole


def test_torch_backend_uses_it_and_agrees(tiny) -> None:
    model, tok = tiny
    backend = TorchBackend(model, tok)
    assert backend.fast is not None
    feed = dict(batch(tok))
    with torch.inference_mode():
        want = model(**feed).logits
    assert (backend(feed) - want).abs().max().item() < 1e-5


def test_a_model_that_reads_more_than_cls_is_refused(tiny) -> None:
    model, tok = tiny

    class MeanPooled(torch.nn.Module):
        """Same modules, but the label depends on every token of the last layer."""

        def __init__(self) -> None:
            super().__init__()
            self.bert, self.classifier, self.dropout = model.bert, model.classifier, model.dropout

        def forward(self, input_ids, token_type_ids, attention_mask):
            h = self.bert(input_ids=input_ids, token_type_ids=token_type_ids, attention_mask=attention_mask)
            out = h.last_hidden_state.mean(1)
            return type("Out", (), {"logits": self.classifier(out)})()

    assert cls_only(MeanPooled().eval(), batch(tok)) is None


def test_other_architectures_are_left_alone(tmp_path: Path) -> None:
    from transformers import DistilBertConfig, DistilBertForSequenceClassification

    torch.manual_seed(0)
    other = DistilBertForSequenceClassification(
        DistilBertConfig(vocab_size=50, dim=16, hidden_dim=32, n_layers=2, n_heads=2, num_labels=3)
    ).eval()
    feed = {
        "input_ids": torch.tensor([[2, 5, 6, 3]]),
        "token_type_ids": torch.zeros(1, 4, dtype=torch.long),
        "attention_mask": torch.ones(1, 4, dtype=torch.long),
    }
    assert cls_only(other, feed) is None


def test_an_old_onnx_export_is_redone(tmp_path: Path, tiny_model: Path) -> None:
    pytest.importorskip("onnxruntime")
    import onnx

    from stance.classify import StanceClassifier

    model_dir = tmp_path / "m"
    shutil.copytree(tiny_model, model_dir)
    StanceClassifier.from_pretrained(model_dir, backend="onnx")
    path = model_dir / backends.ONNX_FILE
    graph = onnx.load(str(path))
    assert {p.key: p.value for p in graph.metadata_props}["stance_export"] == backends.EXPORT_VERSION
    del graph.metadata_props[:]
    onnx.save(graph, str(path))
    assert not backends._export_is_current(path, model_dir)
    clf = StanceClassifier.from_pretrained(model_dir, backend="onnx")
    assert backends._export_is_current(path, model_dir)
    # No allocation plan kept per input shape: with dynamic shapes those plans pile up on long runs.
    assert clf.backend.session.get_session_options().enable_mem_pattern is False



def _tiny_copy(tmp_path: Path, tiny_model: Path) -> Path:
    model_dir = tmp_path / "m"
    shutil.copytree(tiny_model, model_dir)
    return model_dir


def test_int8_scores_are_close_and_do_not_depend_on_the_batch(tmp_path: Path, tiny_model: Path) -> None:
    pytest.importorskip("onnxruntime")
    from stance.classify import StanceClassifier
    from stance.records import Example

    model_dir = _tiny_copy(tmp_path, tiny_model)
    fp32 = StanceClassifier.from_pretrained(model_dir, backend="onnx")
    int8 = StanceClassifier.from_pretrained(model_dir, backend="int8")
    assert (model_dir / backends.INT8_FILE).is_file()
    examples = [Example(quote=q, target=t) for q in QUOTES for t in ("Iran", "Japan", "the united states")]
    want = fp32.logits(examples)[0]
    together = int8.logits(examples, batch_size=32)[0]
    alone = torch.cat([int8.logits([ex], batch_size=1)[0] for ex in examples])
    spread = want.abs().max().item()
    assert 0 < (together - want).abs().max().item() < 0.05 * spread + 1e-3  # quantised, yet close
    assert (together - alone).abs().max().item() < 1e-5  # a pair's scores ignore its batch-mates


def test_int8_export_keeps_the_graphs_inputs_and_is_redone_when_stale(tmp_path: Path, tiny_model: Path) -> None:
    pytest.importorskip("onnxruntime")
    import onnx

    from stance.classify import StanceClassifier

    model_dir = _tiny_copy(tmp_path, tiny_model)
    StanceClassifier.from_pretrained(model_dir, backend="int8")
    fp32, int8 = model_dir / backends.ONNX_FILE, model_dir / backends.INT8_FILE
    graph = onnx.load(str(int8))
    ops = {n.op_type for n in graph.graph.node}
    assert "MatMulInteger" in ops
    weight_products = [n for n in graph.graph.node if n.op_type == "MatMul" and n.input[1] in
                       {i.name for i in graph.graph.initializer}]
    assert weight_products == []  # every product with a weight matrix is quantised
    assert [i.name for i in graph.graph.input] == [i.name for i in onnx.load(str(fp32)).graph.input]
    assert backends._int8_is_current(int8, fp32)
    kept = {p.key: p.value for p in graph.metadata_props if p.key != "stance_int8"}
    del graph.metadata_props[:]
    onnx.helper.set_model_props(graph, kept)
    onnx.save(graph, str(int8))
    assert not backends._int8_is_current(int8, fp32)
    StanceClassifier.from_pretrained(model_dir, backend="int8")
    assert backends._int8_is_current(int8, fp32)
