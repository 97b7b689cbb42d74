"""Every command fed bad input: one `stance: error:` line naming the problem (and the file, and
the line where there is one), exit status 2, no traceback; `--debug` shows the traceback.

Inputs tried per command: a wrong path, an unreadable file (chmod 000; skipped where the user
can read it anyway, e.g. root), a wrong format (.docx, a directory without .txt, binary bytes
named .jsonl), the wrong encoding (latin-1 bytes, UTF-16 with BOM), a config with a missing
or an unknown key, a model directory that is not one, a label scheme that does not match the
model, and an existing output without --overwrite. The last test checks that labelling is
deterministic: the same model writes byte-identical output twice.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
import yaml

from stance.cli import main
from tests.conftest import ARTICLE_TEXT, write_examples

ROOT = Path(__file__).resolve().parents[1]


class Env:
    """Bad files, built once: attribute names are what the case table refers to."""

    def __init__(self, tmp: Path, model: Path, base: Path) -> None:
        self.tmp = tmp
        self.model = model
        self.base = base
        self.out = tmp / "out" / "o.jsonl"  # never exists: each case writes nowhere useful
        self.missing = tmp / "nope.jsonl"
        self.docx = tmp / "story.docx"
        self.docx.write_bytes(b"PK\x03\x04" + bytes(range(256)))
        self.emptydir = tmp / "emptydir"
        self.emptydir.mkdir()
        (self.emptydir / "notes.md").write_text("no text files here\n", encoding="utf-8")
        self.binary = tmp / "binary.jsonl"
        self.binary.write_bytes(bytes(range(256)) * 8)
        record = {"id": "1", "text": ARTICLE_TEXT + " Café «naïve»", "quote": "Café crème", "target": "Iran",
                  "label": "neutral"}
        line = json.dumps(record, ensure_ascii=False) + "\n"
        self.latin1 = tmp / "latin1.jsonl"
        self.latin1.write_bytes(line.encode("latin-1", errors="replace"))
        self.utf16 = tmp / "utf16.jsonl"
        self.utf16.write_bytes(line.encode("utf-16"))  # with BOM
        self.latin1_txt = tmp / "latin1.txt"
        self.latin1_txt.write_bytes("Il a dit: « Café ».\n".encode("latin-1"))
        self.utf16_csv = tmp / "utf16.csv"
        self.utf16_csv.write_bytes("id,text\n1,Café\n".encode("utf-16"))
        self.unreadable = tmp / "locked.jsonl"
        self.unreadable.write_text(line, encoding="utf-8")
        self.unreadable.chmod(0)
        self.articles = tmp / "articles.jsonl"
        self.articles.write_text(json.dumps({"id": "a1", "text": ARTICLE_TEXT}) + "\n", encoding="utf-8")
        self.examples = write_examples(tmp / "examples.jsonl")
        self.existing = tmp / "existing.jsonl"
        self.existing.write_text("keep\n", encoding="utf-8")
        self.existing_report = tmp / "report"
        self.existing_report.mkdir()
        for name in ("metrics.json", "compare.json"):
            (self.existing_report / name).write_text("{}\n", encoding="utf-8")
        # configs
        self.cfg_unknown = self._cfg("unknown.yaml", {"modle": {}})
        self.cfg_missing = self._cfg("missing.yaml", {"data": {"train": [{"format": "auto"}]}})
        self.cfg_not_model = self._cfg("notmodel.yaml", {"model": {"base": str(self.emptydir)}})
        self.cfg_scheme = self._cfg("scheme.yaml", {"labels": ["hostile", "friendly"]})
        self.cfg_latin1 = tmp / "latin1.yaml"
        self.cfg_latin1.write_bytes("name: café\n".encode("latin-1"))
        self.cfg_utf16 = tmp / "utf16.yaml"
        self.cfg_utf16.write_bytes("name: x\n".encode("utf-16"))
        self.cfg_unreadable = self._cfg("locked.yaml", {})
        self.cfg_unreadable.chmod(0)
        # models
        self.model_unknown_key = self._model_copy("m-unknown", lambda c: c.update(colour="red"))
        self.model_missing_key = self._model_copy("m-missing", lambda c: c.pop("version"))
        self.model_scheme = self._model_copy("m-scheme", lambda c: c.update(labels=["hostile", "friendly"]))
        self.model_badjson = self._model_copy("m-badjson", None)
        (self.model_badjson / "stance_config.json").write_text("{not json", encoding="utf-8")
        self.models_root = tmp / "models-root"
        (self.models_root / "broken" / "v1").mkdir(parents=True)
        shutil.copy(model / "config.json", self.models_root / "broken" / "v1" / "config.json")
        (self.models_root / "broken" / "v1" / "stance_config.json").write_text("{oops", encoding="utf-8")
        self.root_file = self.docx
        # segmentation gold: one quote of the article
        a = ARTICLE_TEXT.index("Any American")
        b = ARTICLE_TEXT.index(",\" Admiral")
        self.gold = tmp / "gold.jsonl"
        self.gold.write_text(json.dumps({"doc_id": "a1", "start": a, "end": b, "text": ARTICLE_TEXT[a:b]}) + "\n",
                             encoding="utf-8")

    def _cfg(self, name: str, extra: dict) -> Path:
        cfg = {
            "name": "bad",
            "output_dir": str(self.tmp / "models"),
            "model": {"base": str(self.base), "max_length": 32},
            "data": {"train": [{"path": str(self.examples)}], "validation_fraction": 0.0, "dev": None},
            "train": {"epochs": 1, "batch_size": 8, "num_threads": 1},
        }
        for k, v in extra.items():
            if isinstance(v, dict) and isinstance(cfg.get(k), dict) and v:
                cfg[k] = {**cfg[k], **v}
            else:
                cfg[k] = v
        p = self.tmp / name
        p.write_text(yaml.safe_dump(cfg), encoding="utf-8")
        return p

    def _model_copy(self, name: str, edit: Callable[[dict], object] | None) -> Path:
        dst = self.tmp / name
        shutil.copytree(self.model, dst)
        if edit is not None:
            cfg_path = dst / "stance_config.json"
            cfg = json.loads(cfg_path.read_text(encoding="utf-8"))
            edit(cfg)
            cfg_path.write_text(json.dumps(cfg), encoding="utf-8")
        return dst


@pytest.fixture(scope="module")
def env(tmp_path_factory: pytest.TempPathFactory, tiny_model: Path, tiny_base: Path) -> Env:
    e = Env(tmp_path_factory.mktemp("bad-inputs"), tiny_model, tiny_base)
    yield e
    e.unreadable.chmod(0o644)
    e.cfg_unreadable.chmod(0o644)


def _label(e: Env, src: Path, *extra: str) -> list[str]:
    return ["label", str(src), "-o", str(e.out), "--model", str(e.model), *extra]


def _evaluate(e: Env, data: Path, model: Path | None = None) -> list[str]:
    return ["evaluate", "--model", str(model or e.model), "--data", str(data), "--report", str(e.tmp / "rep"),
            "--bootstrap", "2", "--no-sensitivity"]


def _compare(e: Env, data: Path, model: Path | None = None) -> list[str]:
    return ["compare", str(e.model), str(model or e.model), "--data", str(data), "--report",
            str(e.tmp / "cmp"), "--bootstrap", "2"]


def _seg(e: Env, src: Path) -> list[str]:
    return ["segment", str(src), "-o", str(e.out)]


# (case id, argv from env, needles in the error line: attribute names of Env are replaced by their path)
CASES: list[tuple[str, Callable[[Env], list[str]], tuple[str, ...]]] = [
    # segment
    ("segment-missing", lambda e: _seg(e, e.missing), ("@missing", "no such file")),
    ("segment-unreadable", lambda e: _seg(e, e.unreadable), ("@unreadable", "not readable")),
    ("segment-docx", lambda e: _seg(e, e.docx), ("@docx", "unknown input format '.docx'")),
    ("segment-emptydir", lambda e: _seg(e, e.emptydir), ("@emptydir", "no .txt files")),
    ("segment-binary", lambda e: _seg(e, e.binary), ("@binary:1", "binary data")),
    ("segment-latin1", lambda e: _seg(e, e.latin1), ("@latin1:1", "not valid UTF-8")),
    ("segment-utf16", lambda e: _seg(e, e.utf16), ("@utf16:1", "UTF-16")),
    ("segment-latin1-txt", lambda e: _seg(e, e.latin1_txt), ("@latin1_txt", "not valid UTF-8")),
    ("segment-utf16-csv", lambda e: _seg(e, e.utf16_csv), ("@utf16_csv", "not valid UTF-8")),
    ("segment-bad-lexicon", lambda e: [*_seg(e, e.articles), "--targets", str(e.cfg_unknown)],
     ("@cfg_unknown", "unknown key 'data' in target lexicon")),
    ("segment-out-under-file", lambda e: ["segment", str(e.articles), "-o", str(e.existing / "sub" / "q.jsonl")],
     ("@existing", "is a file, not a folder")),
    ("segment-exists", lambda e: ["segment", str(e.articles), "-o", str(e.existing)],
     ("@existing", "output exists", "--overwrite")),
    ("segment-parquet-out", lambda e: ["segment", str(e.articles), "-o", str(e.tmp / "q.parquet")],
     ("q.parquet", "written as JSON Lines", ".jsonl")),
    # label
    ("label-missing", lambda e: _label(e, e.missing), ("@missing", "no such file")),
    ("label-unreadable", lambda e: _label(e, e.unreadable), ("@unreadable", "not readable")),
    ("label-docx", lambda e: _label(e, e.docx), ("@docx", "unknown input format '.docx'")),
    ("label-emptydir", lambda e: _label(e, e.emptydir), ("@emptydir", "no .txt files")),
    ("label-binary", lambda e: _label(e, e.binary), ("@binary:1", "binary data")),
    ("label-latin1", lambda e: _label(e, e.latin1), ("@latin1:1", "not valid UTF-8")),
    ("label-utf16", lambda e: _label(e, e.utf16), ("@utf16:1", "UTF-16")),
    ("label-latin1-txt", lambda e: _label(e, e.latin1_txt), ("@latin1_txt", "not valid UTF-8")),
    ("label-model-missing", lambda e: [*_label(e, e.articles)[:-2], "--model", str(e.missing)],
     ("@missing", "model directory does not exist")),
    ("label-not-a-model", lambda e: [*_label(e, e.articles)[:-2], "--model", str(e.base)],
     ("@base", "not a stance model directory")),
    ("label-model-unknown-key", lambda e: [*_label(e, e.articles)[:-2], "--model", str(e.model_unknown_key)],
     ("@model_unknown_key", "unknown key 'colour'")),
    ("label-model-missing-key", lambda e: [*_label(e, e.articles)[:-2], "--model", str(e.model_missing_key)],
     ("@model_missing_key", "missing key 'version'")),
    ("label-model-bad-json", lambda e: [*_label(e, e.articles)[:-2], "--model", str(e.model_badjson)],
     ("@model_badjson", "malformed stance_config.json")),
    ("label-scheme", lambda e: [*_label(e, e.articles)[:-2], "--model", str(e.model_scheme)],
     ("@model_scheme", "label scheme", "does not match")),
    ("label-out-under-file", lambda e: ["label", str(e.articles), "-o", str(e.existing / "q.jsonl"), "--model",
                                        str(e.model)], ("@existing", "is a file, not a folder")),
    ("label-exists", lambda e: ["label", str(e.articles), "-o", str(e.existing), "--model", str(e.model)],
     ("@existing", "output exists", "--overwrite")),
    # train
    ("train-missing", lambda e: ["train", str(e.missing)], ("@missing", "config file not found")),
    ("train-unreadable", lambda e: ["train", str(e.cfg_unreadable)], ("@cfg_unreadable", "not readable")),
    ("train-docx", lambda e: ["train", str(e.docx)], ("@docx", "not UTF-8")),
    ("train-dir", lambda e: ["train", str(e.emptydir)], ("@emptydir", "is a directory")),
    ("train-binary", lambda e: ["train", str(e.binary)], ("@binary", "not UTF-8")),
    ("train-latin1", lambda e: ["train", str(e.cfg_latin1)], ("@cfg_latin1", "not UTF-8")),
    ("train-utf16", lambda e: ["train", str(e.cfg_utf16)], ("@cfg_utf16", "not UTF-8")),
    ("train-unknown-key", lambda e: ["train", str(e.cfg_unknown)], ("@cfg_unknown", "unknown config key 'modle'")),
    ("train-missing-key", lambda e: ["train", str(e.cfg_missing)],
     ("@cfg_missing", "missing config key 'data.train[0].path'")),
    ("train-set-unknown-key", lambda e: ["train", str(e.cfg_scheme), "--set", "train.epoks=2"],
     ("@cfg_scheme", "unknown config key 'train.epoks'")),
    ("train-not-a-model", lambda e: ["train", str(e.cfg_not_model)], ("@emptydir", "no config.json")),
    ("train-scheme", lambda e: ["train", str(e.cfg_scheme)], ("@examples:1", "not in the scheme")),
    ("train-data-binary", lambda e: ["train", str(e.cfg_scheme), "--set", f"data.train[0].path={e.binary}"],
     ("@binary:1", "binary data")),
    ("train-data-missing", lambda e: ["train", str(e.cfg_scheme), "--set", f"data.train[0].path={e.missing}"],
     ("nope.jsonl", "matches no file")),
    # evaluate
    ("evaluate-missing", lambda e: _evaluate(e, e.missing), ("@missing", "no such file")),
    ("evaluate-unreadable", lambda e: _evaluate(e, e.unreadable), ("@unreadable", "not readable")),
    ("evaluate-docx", lambda e: _evaluate(e, e.docx), ("@docx", "unknown input format '.docx'")),
    ("evaluate-emptydir", lambda e: _evaluate(e, e.emptydir), ("@emptydir", "no .txt files")),
    ("evaluate-binary", lambda e: _evaluate(e, e.binary), ("@binary:1", "binary data")),
    ("evaluate-latin1", lambda e: _evaluate(e, e.latin1), ("@latin1:1", "not valid UTF-8")),
    ("evaluate-utf16", lambda e: _evaluate(e, e.utf16), ("@utf16:1", "UTF-16")),
    ("evaluate-articles-not-examples", lambda e: _evaluate(e, e.articles), ("@articles:1", "no 'quote' key")),
    ("evaluate-not-a-model", lambda e: _evaluate(e, e.examples, e.base), ("@base", "not a stance model")),
    ("evaluate-model-missing", lambda e: _evaluate(e, e.examples, e.missing), ("@missing", "does not exist")),
    ("evaluate-model-unknown-key", lambda e: _evaluate(e, e.examples, e.model_unknown_key),
     ("@model_unknown_key", "unknown key 'colour'")),
    ("evaluate-scheme", lambda e: _evaluate(e, e.examples, e.model_scheme), ("@model_scheme", "does not match")),
    ("evaluate-exists", lambda e: [*_evaluate(e, e.examples)[:6], str(e.existing_report)],
     ("metrics.json", "report exists", "--overwrite")),
    # compare
    ("compare-missing", lambda e: _compare(e, e.missing), ("@missing", "no such file")),
    ("compare-unreadable", lambda e: _compare(e, e.unreadable), ("@unreadable", "not readable")),
    ("compare-docx", lambda e: _compare(e, e.docx), ("@docx", "unknown input format '.docx'")),
    ("compare-emptydir", lambda e: _compare(e, e.emptydir), ("@emptydir", "no .txt files")),
    ("compare-binary", lambda e: _compare(e, e.binary), ("@binary:1", "binary data")),
    ("compare-latin1", lambda e: _compare(e, e.latin1), ("@latin1:1", "not valid UTF-8")),
    ("compare-utf16", lambda e: _compare(e, e.utf16), ("@utf16:1", "UTF-16")),
    ("compare-not-a-model", lambda e: _compare(e, e.examples, e.base), ("@base", "not a stance model")),
    ("compare-model-missing", lambda e: _compare(e, e.examples, e.missing), ("@missing", "does not exist")),
    ("compare-model-missing-key", lambda e: _compare(e, e.examples, e.model_missing_key),
     ("@model_missing_key", "missing key 'version'")),
    ("compare-scheme", lambda e: _compare(e, e.examples, e.model_scheme), ("@model_scheme", "does not match")),
    ("compare-exists", lambda e: [*_compare(e, e.examples)[:6], str(e.existing_report)],
     ("compare.json", "report exists", "--overwrite")),
    # evaluate-segmentation
    ("evalseg-missing", lambda e: ["evaluate-segmentation", "--gold", str(e.missing)], ("@missing", "no such file")),
    ("evalseg-unreadable", lambda e: ["evaluate-segmentation", "--gold", str(e.unreadable), "--articles",
                                      str(e.articles)], ("@unreadable", "ermission denied")),
    ("evalseg-emptydir", lambda e: ["evaluate-segmentation", "--gold", str(e.emptydir)],
     ("@emptydir", "no gold quotes")),
    ("evalseg-binary", lambda e: ["evaluate-segmentation", "--gold", str(e.binary), "--articles",
                                  str(e.articles)], ("@binary", "binary data")),
    ("evalseg-latin1", lambda e: ["evaluate-segmentation", "--gold", str(e.latin1), "--articles",
                                  str(e.articles)], ("@latin1", "not valid UTF-8")),
    ("evalseg-utf16", lambda e: ["evaluate-segmentation", "--gold", str(e.utf16), "--articles",
                                 str(e.articles)], ("@utf16", "UTF-16")),
    ("evalseg-not-gold", lambda e: ["evaluate-segmentation", "--gold", str(e.articles), "--articles",
                                    str(e.articles)], ("@articles", "gold quote record has no 'doc_id' key")),
    ("evalseg-articles-missing", lambda e: ["evaluate-segmentation", "--gold", str(e.gold), "--articles",
                                            str(e.missing)], ("@missing", "no such file")),
    ("evalseg-articles-docx", lambda e: ["evaluate-segmentation", "--gold", str(e.gold), "--articles",
                                         str(e.docx)], ("@docx", "unknown input format")),
    ("evalseg-articles-latin1", lambda e: ["evaluate-segmentation", "--gold", str(e.gold), "--articles",
                                           str(e.latin1)], ("@latin1:1", "not valid UTF-8")),
    ("evalseg-pred-binary", lambda e: ["evaluate-segmentation", "--gold", str(e.gold), "--articles",
                                       str(e.articles), "--pred", str(e.binary)], ("@binary:1", "binary data")),
    ("evalseg-pred-utf16", lambda e: ["evaluate-segmentation", "--gold", str(e.gold), "--articles",
                                      str(e.articles), "--pred", str(e.utf16)], ("@utf16:1", "UTF-16")),
    ("evalseg-bad-lexicon", lambda e: ["evaluate-segmentation", "--gold", str(e.emptydir), "--targets",
                                       str(e.latin1)], ("@latin1", "target lexicon")),
    ("evalseg-exists", lambda e: ["evaluate-segmentation", "--gold", str(e.gold), "--articles", str(e.articles),
                                  "-o", str(e.existing)],
     ("@existing", "output exists", "--overwrite")),
    # models
    ("models-missing", lambda e: ["models", "--root", str(e.missing)], ("@missing", "no such directory")),
    ("models-file", lambda e: ["models", "--root", str(e.docx)], ("@docx", "not a directory")),
    ("models-broken-config", lambda e: ["models", "--root", str(e.models_root)],
     ("stance_config.json", "malformed")),
]


def _needle(e: Env, n: str) -> str:
    if not n.startswith("@"):
        return n
    name, _, line = n[1:].partition(":")
    return str(getattr(e, name)) + (f":{line}" if line else "")


@pytest.mark.parametrize("build,needles", [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_bad_input_gives_one_line(env: Env, capsys: pytest.CaptureFixture, build, needles) -> None:
    env.out.unlink(missing_ok=True)
    argv = build(env)
    if any(str(p) in argv for p in (env.unreadable, env.cfg_unreadable)) and os.access(env.unreadable, os.R_OK):
        pytest.skip("running as a user who can read a chmod 000 file (root)")
    code = main(argv)
    _, err = capsys.readouterr()
    lines = [line for line in err.strip().splitlines() if line.startswith("stance: error")]
    assert "Traceback" not in err, err
    assert code == 2, err
    assert len(lines) == 1, err
    for n in needles:
        assert _needle(env, n) in lines[0], (n, lines[0])
    assert not env.out.exists(), "a failed command left an output behind"
    print(f"MESSAGE {lines[0]}")
    assert env.existing.read_text(encoding="utf-8") == "keep\n"


def test_debug_shows_traceback(env: Env) -> None:
    proc = subprocess.run(
        [sys.executable, "-m", "stance.cli", "--debug", "segment", str(env.docx), "-o", str(env.out)],
        capture_output=True, text=True, cwd=ROOT, timeout=120,
    )
    assert proc.returncode != 0
    assert "Traceback" in proc.stderr and "StanceError" in proc.stderr
    proc = subprocess.run(
        [sys.executable, "-m", "stance.cli", "segment", str(env.docx), "-o", str(env.out)],
        capture_output=True, text=True, cwd=ROOT, timeout=120,
    )
    assert proc.returncode == 2 and "Traceback" not in proc.stderr
    assert proc.stderr.strip().splitlines()[-1].startswith("stance: error: ")


def test_label_is_deterministic(env: Env, capsys: pytest.CaptureFixture, tmp_path: Path) -> None:
    outs = [tmp_path / "one.jsonl", tmp_path / "two.jsonl"]
    for out in outs:
        assert main(["label", str(env.articles), "-o", str(out), "--model", str(env.model)]) == 0
    capsys.readouterr()
    assert outs[0].read_bytes() == outs[1].read_bytes()
    assert outs[0].read_bytes()


def test_permission_denied_when_root_can_read_anything(env: Env, capsys: pytest.CaptureFixture,
                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    """chmod 000 does not stop root; fake the refusal so the messages are checked everywhere."""
    import stance.io

    real_access, real_read = os.access, Path.read_text
    monkeypatch.setattr(stance.io.os, "access", lambda p, mode: False if str(p) == str(env.articles)
                        else real_access(p, mode))

    def read_text(self: Path, *a, **kw) -> str:
        if str(self) == str(env.cfg_scheme):
            raise PermissionError(13, "Permission denied", str(self))
        return real_read(self, *a, **kw)

    monkeypatch.setattr(Path, "read_text", read_text)
    for argv, needles in (
        (_seg(env, env.articles), (str(env.articles), "not readable")),
        (_label(env, env.articles), (str(env.articles), "not readable")),
        (["train", str(env.cfg_scheme)], (str(env.cfg_scheme), "not readable (Permission denied)")),
    ):
        env.out.unlink(missing_ok=True)
        code = main(argv)
        err = capsys.readouterr().err
        lines = [line for line in err.splitlines() if line.startswith("stance: error")]
        assert code == 2 and len(lines) == 1 and "Traceback" not in err, err
        assert all(n in lines[0] for n in needles), lines[0]
        assert not env.out.exists()


def test_utf8_byte_order_mark_is_accepted(env: Env, capsys: pytest.CaptureFixture, tmp_path: Path) -> None:
    src = tmp_path / "bom.jsonl"
    src.write_bytes(b"\xef\xbb\xbf" + env.articles.read_bytes())
    csv_src = tmp_path / "bom.csv"
    csv_src.write_bytes('\ufeffid,text\na1,"He said: ""We will talk."""\n'.encode("utf-8"))
    for s in (src, csv_src):
        out = tmp_path / f"{s.suffix[1:]}.jsonl"
        assert main(["segment", str(s), "-o", str(out)]) == 0, capsys.readouterr().err
        assert "0 skipped" in capsys.readouterr().err and out.read_text(encoding="utf-8")
