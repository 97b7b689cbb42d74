"""The training config: typed, validated on load, overridable from the command line.

A YAML file fully describes a run. Unknown or missing keys are reported with their dotted
name and the file, because a typo that silently falls back to a default wastes a run.
"""

from __future__ import annotations

import dataclasses
import datetime
import os
import re
import types
import typing
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from stance.errors import StanceError
from stance.models import DEFAULT_BASE
from stance.records import LABELS


@dataclass
class SourceConfig:
    """One training set: a file (or glob) of examples, a `datasets` name, or label pointers."""

    path: str
    format: str = "auto"
    label_map: dict[str, str] = field(default_factory=dict)
    filter: dict[str, Any] = field(default_factory=dict)
    weight: float = 1.0
    optional: bool = False
    split: str = "train"
    limit: int | None = None


@dataclass
class ModelConfig:
    kind: str = "transformer"
    base: str = DEFAULT_BASE
    max_length: int = 128


@dataclass
class TemplateConfig:
    use_speaker: bool = True
    use_context: bool = True
    max_context_tokens: int = 48
    mark_target: bool = False


@dataclass
class DataConfig:
    train: list[SourceConfig] = field(default_factory=list)
    validation: list[SourceConfig] = field(default_factory=list)
    validation_fraction: float = 0.1
    dev: str | None = "${data_dir}/annotated/dev.jsonl"


@dataclass
class TrainConfig:
    epochs: int = 4
    learning_rate: float = 5e-5
    batch_size: int = 16
    warmup_ratio: float = 0.1
    weight_decay: float = 0.01
    class_weighting: str = "balanced"
    early_stopping_patience: int = 2
    max_steps: int | None = None
    num_threads: int | None = None


@dataclass
class RunConfig:
    name: str = "default"
    output_dir: str = "models"
    seed: int = 13
    labels: list[str] = field(default_factory=lambda: list(LABELS))
    model: ModelConfig = field(default_factory=ModelConfig)
    template: TemplateConfig = field(default_factory=TemplateConfig)
    data: DataConfig = field(default_factory=DataConfig)
    train: TrainConfig = field(default_factory=TrainConfig)
    base_dir: str = "."

    def to_dict(self) -> dict[str, Any]:
        d = dataclasses.asdict(self)
        d.pop("base_dir")
        return d


SOURCE_FORMATS = {"auto", "pointers", "datasets", "directed-sentiment", "unscon"}
CHOICES = {
    "train.class_weighting": {"balanced", "none"},
    "model.kind": {"transformer", "tfidf-logreg", "majority"},
    "data.train.format": SOURCE_FORMATS,
    "data.validation.format": SOURCE_FORMATS,
}


@dataclass(frozen=True)
class _Override:
    """A `--set` value as typed and as read by YAML: a str field takes the text as typed
    (`name=2024`), an int field reads it in base 10 (`seed=010` is 10, not YAML 1.1's octal 8)."""

    raw: str
    value: Any


_YAML_NULLS = frozenset({"", "null", "Null", "NULL", "~"})


def _from_override(value: _Override, tp: Any) -> Any:
    inner = [a for a in typing.get_args(tp) if a is not type(None)] or [tp]
    if inner[0] is str:
        # `name=2024` or `name=2024-01-01` stays text as typed; a value YAML already read as text
        # keeps YAML's reading (`name="v 2"` is v 2, without the quotes); `null` is null.
        if value.value is None and value.raw.strip() in _YAML_NULLS:
            return None
        return value.value if isinstance(value.value, str) else value.raw.strip()
    if value.value is None:
        return None
    if inner[0] is int and re.fullmatch(r"\s*[+-]?\d+\s*", value.raw):
        return int(value.raw, 10)
    return value.value


def _type_name(tp: Any) -> str:
    return getattr(tp, "__name__", str(tp))


def _coerce(value: Any, tp: Any, key: str, path: Path | None) -> Any:
    """Build `tp` from YAML data, naming the dotted key that does not fit."""
    if isinstance(value, _Override):
        value = _from_override(value, tp)
    origin = typing.get_origin(tp)
    args = typing.get_args(tp)
    if origin in (typing.Union, types.UnionType):
        if value is None and type(None) in args:
            return None
        inner = [a for a in args if a is not type(None)]
        return _coerce(value, inner[0], key, path)
    if dataclasses.is_dataclass(tp):
        if tp is SourceConfig and isinstance(value, str):
            value = {"path": value}
        if not isinstance(value, dict):
            raise StanceError(f"config key {key!r} must be a mapping", path)
        return _build(tp, value, key, path)
    if origin is list:
        if not isinstance(value, list):
            if args and dataclasses.is_dataclass(args[0]) and isinstance(value, (dict, str)):
                value = [value]
            else:
                raise StanceError(f"config key {key!r} must be a list", path)
        return [_coerce(v, args[0], f"{key}[{i}]", path) for i, v in enumerate(value)]
    if origin is dict:
        if not isinstance(value, dict):
            raise StanceError(f"config key {key!r} must be a mapping", path)
        key_tp, value_tp = args or (Any, Any)
        out = {}
        for k, v in value.items():
            # YAML reads `0: neutral` with a number key; the labels it maps are text.
            k = str(k) if key_tp is str and isinstance(k, (int, float, bool)) else k
            if value_tp is str and v is None:
                v = ""
            out[k] = _coerce(v, value_tp, f"{key}.{k}", path)
        return out
    if tp is float and isinstance(value, (int, float)) and not isinstance(value, bool):
        return float(value)
    if tp is float and isinstance(value, str):
        try:
            return float(value)
        except ValueError:
            pass
    if tp is Any or (isinstance(tp, type) and isinstance(value, tp) and not (tp is int and isinstance(value, bool))):
        return value
    raise StanceError(f"config key {key!r} must be {_type_name(tp)}, got {value!r}", path)


def _build(cls: Any, data: dict[str, Any], prefix: str, path: Path | None) -> Any:
    hints = typing.get_type_hints(cls)
    fields = {f.name: f for f in dataclasses.fields(cls)}
    kwargs = {}
    for key, value in data.items():
        dotted = f"{prefix}.{key}" if prefix else str(key)
        if key not in fields or key == "base_dir":
            raise StanceError(f"unknown config key {dotted!r}", path)
        kwargs[key] = _coerce(value, hints[key], dotted, path)
        choices = CHOICES.get(re.sub(r"\[\d+\]", "", dotted))
        if choices and kwargs[key] not in choices:
            raise StanceError(f"config key {dotted!r} must be one of {sorted(choices)}", path)
    for name, f in fields.items():
        if name not in kwargs and f.default is dataclasses.MISSING and f.default_factory is dataclasses.MISSING:
            raise StanceError(f"missing config key {(prefix + '.' if prefix else '') + name!r}", path)
    return cls(**kwargs)


def _merge(base: dict[str, Any], over: dict[str, Any]) -> dict[str, Any]:
    out = dict(base)
    for k, v in over.items():
        out[k] = _merge(out[k], v) if isinstance(v, dict) and isinstance(out.get(k), dict) else v
    return out


def _read_yaml(path: Path, seen: tuple[Path, ...] = ()) -> dict[str, Any]:
    if path.is_dir():
        raise StanceError("config path is a directory, not a YAML file", path)
    if not path.is_file():
        raise StanceError("config file not found", path)
    if path in seen:
        raise StanceError("config 'extends' forms a cycle", path)
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    except yaml.YAMLError as err:
        mark = getattr(err, "problem_mark", None)
        line = mark.line + 1 if mark is not None else None
        raise StanceError(f"malformed YAML ({getattr(err, 'problem', err)})", path, line) from None
    except UnicodeDecodeError:
        raise StanceError("config is not UTF-8 text", path) from None
    except OSError as err:
        raise StanceError(f"config file is not readable ({err.strerror or err})", path) from None
    if not isinstance(data, dict):
        raise StanceError("config must be a mapping of keys", path)
    _anchor_paths(data, path.parent)
    if "extends" in data:
        parent = data.pop("extends")
        if not isinstance(parent, str) or not parent.strip():
            raise StanceError("config key 'extends' must name a YAML file", path)
        base = _read_yaml((path.parent / Path(parent).expanduser()).resolve(), (*seen, path))
        data = _merge(base, data)
    return data


def _anchor(value: Any, folder: Path) -> Any:
    if isinstance(value, str) and value and not value.startswith("${"):
        value = os.path.expanduser(value)
        if not Path(value).is_absolute():
            return os.path.normpath(folder / value)
    return value


def _anchor_paths(data: dict[str, Any], folder: Path) -> None:
    """Make data paths absolute against the file that names them, so `extends` keeps them valid."""
    block = data.get("data")
    if not isinstance(block, dict):
        return
    for key in ("train", "validation"):
        sources = block.get(key)
        if isinstance(sources, (str, dict)):
            sources = block[key] = [sources]
        if not isinstance(sources, list):
            continue
        for i, src in enumerate(sources):
            if isinstance(src, str):
                sources[i] = _anchor(src, folder)
            elif isinstance(src, dict) and src.get("format") != "datasets" and "path" in src:
                src["path"] = _anchor(src["path"], folder)
    if "dev" in block:
        block["dev"] = _anchor(block["dev"], folder)


def parse_override(text: str) -> tuple[list[str | int], Any]:
    """`a.b=c` or `a.list[0].b=c`, with `c` read as YAML so numbers, booleans and lists keep their types."""
    if "=" not in text:
        raise StanceError(f"--set expects key=value, got {text!r}")
    key, raw = text.split("=", 1)
    try:
        value = yaml.safe_load(raw) if raw else ""
    except yaml.YAMLError:
        value = raw
    keys: list[str | int] = []
    for part in key.strip().replace("]", "").replace("[", ".").split("."):
        if not part:
            raise StanceError(f"--set {text!r}: empty key")
        keys.append(int(part) if part.isdigit() else part)
    return keys, value


def _apply_override(data: dict[str, Any], item: str) -> None:
    keys, parsed = parse_override(item)
    scalar = parsed is None or isinstance(parsed, (str, int, float, bool, datetime.date))
    value: Any = _Override(item.split("=", 1)[1], parsed) if scalar else parsed
    node: Any = data
    for k, nxt in zip(keys[:-1], keys[1:]):
        if isinstance(k, int):
            if not isinstance(node, list) or k >= len(node):
                raise StanceError(f"--set {item!r}: no list item {k}")
            if isinstance(node[k], str):
                node[k] = {"path": node[k]}
            node = node[k]
        else:
            if not isinstance(node, dict):
                raise StanceError(f"--set {item!r}: {k!r} is not under a mapping")
            node = node.setdefault(k, [] if isinstance(nxt, int) else {})
    last = keys[-1]
    if isinstance(last, int):
        if not isinstance(node, list) or last >= len(node):
            raise StanceError(f"--set {item!r}: no list item {last}")
        node[last] = value
    elif isinstance(node, dict):
        node[last] = value
    else:
        raise StanceError(f"--set {item!r}: {last!r} is not under a mapping")


def load_config(path: str | Path, overrides: list[str] | None = None) -> RunConfig:
    """Read a run config, apply `--set` overrides, validate, and remember where paths are relative to."""
    p = Path(path).resolve()
    data = _read_yaml(p)
    for item in overrides or []:
        _apply_override(data, item)
    cfg = _build(RunConfig, data, "", p)
    cfg.base_dir = str(p.parent)
    validate(cfg, p)
    return cfg


def validate(cfg: RunConfig, path: Path | None = None) -> None:
    if len(set(cfg.labels)) != len(cfg.labels) or len(cfg.labels) < 2:
        raise StanceError("config key 'labels' must list at least two distinct labels", path)
    if not cfg.name.strip() or cfg.name.strip(".") == "" or any(c in cfg.name for c in "/\\\0"):
        # The name is the model's folder under the output directory: "../x" would write elsewhere.
        raise StanceError(f"config key 'name' must be a plain folder name, got {cfg.name!r}", path)
    if cfg.train.epochs < 1:
        raise StanceError("config key 'train.epochs' must be at least 1", path)
    if cfg.train.batch_size < 1:
        raise StanceError("config key 'train.batch_size' must be at least 1", path)
    if not 0 <= cfg.data.validation_fraction < 1:
        raise StanceError("config key 'data.validation_fraction' must be in [0, 1)", path)
    if not cfg.data.train:
        raise StanceError("config key 'data.train' must name at least one source", path)
    if cfg.model.max_length < 16:
        raise StanceError("config key 'model.max_length' must be at least 16", path)
    t = cfg.train
    checks = [
        ("train.learning_rate", t.learning_rate > 0, "must be above 0"),
        ("train.warmup_ratio", 0 <= t.warmup_ratio <= 1, "must be in [0, 1]"),
        ("train.weight_decay", t.weight_decay >= 0, "must be at least 0"),
        ("train.early_stopping_patience", t.early_stopping_patience >= 1,
         "must be at least 1 (set it to the number of epochs never to stop early)"),
        ("train.max_steps", t.max_steps is None or t.max_steps >= 0, "must be at least 0 (0 or null: no cap)"),
        ("train.num_threads", t.num_threads is None or t.num_threads >= 0,
         "must be at least 0 (0 or null: all cores)"),
        ("template.max_context_tokens", cfg.template.max_context_tokens >= 0, "must be at least 0"),
    ]
    for part in ("train", "validation"):
        for i, src in enumerate(getattr(cfg.data, part)):
            checks.append((f"data.{part}[{i}].weight", src.weight > 0, "must be above 0"))
            limit_ok = src.limit is None or src.limit >= 1
            checks.append((f"data.{part}[{i}].limit", limit_ok, "must be at least 1, or null"))
    for key, ok, why in checks:
        if not ok:
            raise StanceError(f"config key {key!r} {why}", path)
