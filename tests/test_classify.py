from pathlib import Path

import pytest

from stance.classify import Encoder, InputTemplate, StanceClassifier
from stance.errors import StanceError
from stance.records import Example


def test_truncation_keeps_quote_and_flags(tiny_base: Path) -> None:
    from transformers import AutoTokenizer

    tok = AutoTokenizer.from_pretrained(tiny_base)
    enc = Encoder(tok, InputTemplate(max_length=24, max_context_tokens=40))
    quote = "we will strike the navy"
    long_ctx = " ".join(["the minister said on tuesday"] * 20)
    firsts, seconds, flags = enc.pairs([Example(quote, "Iran", context=long_ctx), Example(quote, "Iran")])
    assert seconds[0].startswith(quote) and flags == [True, False]
    ids, truncated = enc([Example(quote, "Iran", context=long_ctx)])
    assert len(ids["input_ids"][0]) <= 24 and truncated == [True]
    assert "strike" in tok.decode(ids["input_ids"][0])


def test_predictions_sum_to_one_and_dedupe(tiny_model: Path) -> None:
    clf = StanceClassifier.from_pretrained(tiny_model)
    exs = [Example("We will strike.", "Iran"), Example("We welcome talks.", "Iraq"), Example("We will strike.", "Iran")]
    preds = clf.predict(exs, batch_size=2)
    assert len(preds) == 3
    for p in preds:
        assert p.label in clf.labels
        assert abs(sum(p.scores.values()) - 1.0) < 1e-9
    assert preds[0] == preds[2]
    assert clf.model_id == "tiny@v1"


def test_not_a_model_dir(tmp_path: Path, tiny_base: Path) -> None:
    with pytest.raises(StanceError, match="does not exist"):
        StanceClassifier.from_pretrained(tmp_path / "nope")
    with pytest.raises(StanceError, match="not a stance model directory"):
        StanceClassifier.from_pretrained(tiny_base)


def test_label_scheme_mismatch(tmp_path: Path, tiny_model: Path) -> None:
    import json
    import shutil

    bad = tmp_path / "bad"
    shutil.copytree(tiny_model, bad)
    cfg = json.loads((bad / "stance_config.json").read_text())
    cfg["labels"] = ["a", "b"]
    (bad / "stance_config.json").write_text(json.dumps(cfg))
    with pytest.raises(StanceError, match="does not match the model's 3 outputs"):
        StanceClassifier.from_pretrained(bad)
