"""resolve_base_model for encoders shipped as a zip archive, whole or split over several packages."""

from __future__ import annotations

import io
import json
import zipfile
from pathlib import Path

import pytest

from stance.errors import StanceError
from stance.models import resolve_base_model


def _zip_bytes(folder: str) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as zf:
        prefix = f"{folder}/" if folder else ""
        zf.writestr(prefix + "config.json", json.dumps({"model_type": "bert"}))
        zf.writestr(prefix + "vocab.txt", "[PAD]\n[UNK]\n")
        zf.writestr(prefix + "1_Pooling/config.json", "{}")
    return buf.getvalue()


def _install(site: Path, dist: str, files: dict[str, bytes]) -> None:
    """A minimal installed distribution: a dist-info whose RECORD lists the files."""
    info = site / f"{dist.replace('-', '_')}-0.0.1.dist-info"
    info.mkdir(parents=True)
    (info / "METADATA").write_text(f"Metadata-Version: 2.1\nName: {dist}\nVersion: 0.0.1\n")
    record = []
    for rel, data in files.items():
        (site / rel).parent.mkdir(parents=True, exist_ok=True)
        (site / rel).write_bytes(data)
        record.append(f"{rel},,")
    (info / "RECORD").write_text("\n".join(record) + "\n")


@pytest.fixture
def site(tmp_path, monkeypatch):
    folder = tmp_path / "site"
    folder.mkdir()
    monkeypatch.syspath_prepend(str(folder))
    monkeypatch.setenv("STANCE_HOME", str(tmp_path / "home"))
    return folder


def test_split_archive_over_part_packages(site, tmp_path):
    data = _zip_bytes("fake-enc")
    third = len(data) // 3 + 1
    pieces = [data[i : i + third] for i in range(0, len(data), third)]
    assert len(pieces) == 3
    for i, piece in enumerate(pieces, 1):
        _install(site, f"fake-enc-pypi-part-00{i}", {f"fake-enc-pypi-part_00{i}/input/fake-enc.zip.00{i}": piece})
    path = Path(resolve_base_model("fake-enc"))
    assert path == tmp_path / "home" / "base-models" / "fake-enc" / "fake-enc"
    assert json.loads((path / "config.json").read_text()) == {"model_type": "bert"}
    assert not list((tmp_path / "home" / "base-models").glob(".partial-*"))
    # extracted once: a second call reuses the folder even with the parts gone
    for p in site.rglob("*.zip.*"):
        p.unlink()
    assert Path(resolve_base_model("fake-enc")) == path


def test_whole_archive_in_one_package(site):
    _install(site, "flat-enc", {"flat_enc/model.zip": _zip_bytes("")})
    path = Path(resolve_base_model("flat_enc"))
    assert (path / "config.json").is_file() and path.name == "flat-enc"


def test_corrupt_archive_is_named(site):
    _install(site, "bad-enc", {"bad_enc/model.zip": b"not a zip"})
    with pytest.raises(StanceError, match="not a readable zip"):
        resolve_base_model("bad-enc")


def test_unrelated_names_are_not_matched(site):
    _install(site, "fake-enc-pypi-part-001", {"p/fake-enc.zip.001": _zip_bytes("x")})
    with pytest.raises(StanceError, match="neither a directory"):
        resolve_base_model("fake")
