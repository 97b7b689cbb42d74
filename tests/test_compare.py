"""`stance compare`: leaderboard, paired tests, and one-line errors for bad model directories."""

import json
import shutil
from pathlib import Path

from stance.cli import main
from tests.conftest import write_examples


def test_compare_model_with_itself(tmp_path: Path, capsys, tiny_model: Path) -> None:
    data = write_examples(tmp_path / "dev.jsonl")
    rep = tmp_path / "cmp"
    code = main(["compare", str(tiny_model), str(tiny_model), "--data", str(data), "--report", str(rep),
                 "--bootstrap", "50"])
    out, err = capsys.readouterr()
    assert code == 0, err
    result = json.loads((rep / "compare.json").read_text())
    assert len(result["leaderboard"]) == 2
    (pair,) = result["pairs"]
    assert pair["macro_f1_delta"] == 0 and pair["paired_bootstrap_p"] == 1.0
    assert pair["mcnemar"]["p_value"] == 1.0 and pair["disagreements"] == []
    assert (rep / "compare.md").exists() and (rep / "compare_macro_f1.png").exists()
    assert 'src="compare_macro_f1.png"' in (rep / "compare.html").read_text()
    assert "macro-F1" in out and "paired bootstrap p" in out


def _error(args: list[str], capsys) -> str:
    code = main(args)
    _, err = capsys.readouterr()
    assert code == 2
    assert err.count("stance: error") == 1 and "Traceback" not in err
    return err


def test_compare_errors(tmp_path: Path, capsys, tiny_model: Path) -> None:
    data = write_examples(tmp_path / "dev.jsonl")
    base = ["--data", str(data), "--report", str(tmp_path / "r")]
    assert "does not exist" in _error(["compare", str(tiny_model), str(tmp_path / "nope"), *base], capsys)
    (tmp_path / "empty").mkdir()
    assert "not a stance model" in _error(["compare", str(tiny_model), str(tmp_path / "empty"), *base], capsys)
    assert "at least two" in _error(["compare", str(tiny_model), *base], capsys)

    other = tmp_path / "other"
    shutil.copytree(tiny_model, other)
    cfg = json.loads((other / "stance_config.json").read_text())
    cfg["labels"] = ["hostile", "friendly", "neutral"]
    (other / "stance_config.json").write_text(json.dumps(cfg))
    assert "label scheme" in _error(["compare", str(tiny_model), str(other), *base], capsys)
