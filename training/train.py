"""Fine-tuning: a lean torch loop over `datasets`-tokenised examples, then calibration and a versioned save.

A lean loop (rather than `Trainer`) keeps CPU runs fast, dependency-light and bit-for-bit
reproducible for a fixed seed and thread count.
"""

from __future__ import annotations

import copy
import json
import logging
import os
import platform
import random
import shutil
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import numpy as np
import yaml

from evaluation.metrics import classification_metrics, expected_calibration_error
from stance.classify import (
    STANCE_CONFIG,
    TARGET_LEXICON,
    InputTemplate,
    StanceClassifier,
    StanceConfig,
    quiet_transformers,
)
from stance.errors import StanceError
from stance.io import honour_umask, iter_records, parse, write_json
from stance.models import next_version, resolve_base_model
from stance.records import Example
from stance.targets import default_path as default_lexicon_path

from .calibrate import crossfit_probs, fit_temperature
from .card import model_card
from .config import RunConfig
from .data import LoadedSet, data_dir, display_path, expand, fingerprint, load_training_data, require_two_labels

log = logging.getLogger(__name__)


@dataclass
class TrainResult:
    path: Path
    metrics: dict[str, Any]
    seconds: float


def set_seed(seed: int) -> None:
    import torch

    random.seed(seed)
    np.random.seed(seed)
    torch.manual_seed(seed)


def _encode(classifier_encoder: Any, examples: list[Example], label_index: dict[str, int], weights: list[float]):
    """Tokenise through `datasets` so long sets are processed in batches and cached in Arrow."""
    import datasets

    ds = datasets.Dataset.from_list([ex.to_dict() | {"weight": w} for ex, w in zip(examples, weights)])

    def tokenize(batch: dict[str, list[Any]]) -> dict[str, Any]:
        rows = [dict(zip(batch, vals)) for vals in zip(*batch.values())]
        exs = [Example.from_dict({k: v for k, v in r.items() if k != "weight"}) for r in rows]
        enc, truncated = classifier_encoder(exs)
        enc = dict(enc)
        enc["labels"] = [label_index[e.label] for e in exs]
        enc["truncated"] = truncated
        return enc

    ds = ds.map(tokenize, batched=True, batch_size=256, remove_columns=[c for c in ds.column_names if c != "weight"])
    return ds


def _batch_order(lengths: list[int], batch_size: int, generator: Any, shuffle: bool) -> list[list[int]]:
    """Batches of similar length (padding is most of the cost on a CPU), in a seeded random order.

    Like `group_by_length` in Hugging Face's Trainer: shuffle, cut into windows of 50
    batches, sort each window by length, then shuffle the batches themselves.
    """
    import torch

    n = len(lengths)
    if not shuffle:
        return [list(range(s, min(s + batch_size, n))) for s in range(0, n, batch_size)]
    order = torch.randperm(n, generator=generator).tolist()
    window = batch_size * 50
    batches = []
    for w in range(0, n, window):
        chunk = sorted(order[w : w + window], key=lambda i: -lengths[i])
        batches += [chunk[s : s + batch_size] for s in range(0, len(chunk), batch_size)]
    perm = torch.randperm(len(batches), generator=generator).tolist()
    return [batches[i] for i in perm]


def _batches(ds: Any, batch_size: int, tokenizer: Any, shuffle: bool, generator: Any):
    import torch

    keys = [k for k in ("input_ids", "token_type_ids", "attention_mask") if k in ds.column_names]
    columns = {k: ds[k] for k in keys}
    labels, weights = ds["labels"], ds["weight"]
    lengths = [len(x) for x in columns["input_ids"]]
    for idx in _batch_order(lengths, batch_size, generator, shuffle):
        feats = [{k: columns[k][i] for k in keys} for i in idx]
        batch = tokenizer.pad(feats, return_tensors="pt")
        batch["labels"] = torch.tensor([labels[i] for i in idx])
        batch["weight"] = torch.tensor([weights[i] for i in idx], dtype=torch.float32)
        yield batch, keys


def _predict_logits(model: Any, ds: Any, tokenizer: Any, batch_size: int = 64):
    import torch

    model.eval()
    chunks = []
    with torch.inference_mode():
        for batch, keys in _batches(ds, batch_size, tokenizer, shuffle=False, generator=None):
            chunks.append(model(**{k: batch[k] for k in keys}).logits.float())
    model.train()
    if not chunks:
        return torch.empty((0, model.config.num_labels))
    return torch.cat(chunks)


def _class_weights(cfg: RunConfig, train: LoadedSet) -> Any:
    import torch

    if cfg.train.class_weighting == "none":
        return None
    counts = np.array([sum(1 for e in train.examples if e.label == lab) for lab in cfg.labels], dtype=float)
    weights = np.where(counts > 0, counts.sum() / (len(counts) * np.maximum(counts, 1)), 0.0)
    return torch.tensor(weights, dtype=torch.float32)


def _versions() -> dict[str, str]:
    import datasets
    import sklearn
    import torch
    import transformers

    return {
        "python": platform.python_version(),
        "torch": torch.__version__,
        "transformers": transformers.__version__,
        "datasets": datasets.__version__,
        "scikit-learn": sklearn.__version__,
    }


def train(cfg: RunConfig, output_root: str | Path | None = None, progress: bool = True) -> TrainResult:
    """Fine-tune, calibrate, evaluate and save `<output_root>/<name>/<version>/`; returns its path."""
    import torch
    from tqdm.auto import tqdm
    from transformers import AutoModelForSequenceClassification, AutoTokenizer, get_linear_schedule_with_warmup

    if cfg.model.kind != "transformer":
        from .baselines import train_baseline

        return train_baseline(cfg, output_root)
    started = time.time()
    quiet_transformers()
    if cfg.train.num_threads:
        torch.set_num_threads(cfg.train.num_threads)
    set_seed(cfg.seed)
    train_set, val_set = load_training_data(cfg)
    require_two_labels(train_set)
    dev = load_dev(cfg)
    labels = list(cfg.labels)
    label_index = {lab: i for i, lab in enumerate(labels)}

    base_path = resolve_base_model(cfg.model.base)
    tokenizer = AutoTokenizer.from_pretrained(base_path, local_files_only=True)
    model = AutoModelForSequenceClassification.from_pretrained(
        base_path,
        num_labels=len(labels),
        id2label=dict(enumerate(labels)),
        label2id=label_index,
        local_files_only=True,
    )
    template = InputTemplate(
        use_speaker=cfg.template.use_speaker,
        use_context=cfg.template.use_context,
        max_length=cfg.model.max_length,
        max_context_tokens=cfg.template.max_context_tokens,
        mark_target=cfg.template.mark_target,
    )
    stance_cfg = StanceConfig(name=cfg.name, version="", labels=labels, template=template, base_model=cfg.model.base)
    encoder = StanceClassifier(model, tokenizer, stance_cfg).encoder
    train_ds = _encode(encoder, train_set.examples, label_index, train_set.weights)
    val_ds = _encode(encoder, val_set.examples, label_index, val_set.weights) if val_set.examples else None

    steps_per_epoch = (len(train_ds) + cfg.train.batch_size - 1) // cfg.train.batch_size
    total_steps = steps_per_epoch * cfg.train.epochs
    if cfg.train.max_steps:
        total_steps = min(total_steps, cfg.train.max_steps)
    no_decay = ("bias", "LayerNorm.weight", "layernorm", "norm")
    params = [
        {"params": [p for n, p in model.named_parameters() if not any(k in n for k in no_decay)],
         "weight_decay": cfg.train.weight_decay},
        {"params": [p for n, p in model.named_parameters() if any(k in n for k in no_decay)], "weight_decay": 0.0},
    ]
    optimizer = torch.optim.AdamW(params, lr=cfg.train.learning_rate)
    scheduler = get_linear_schedule_with_warmup(optimizer, int(cfg.train.warmup_ratio * total_steps), total_steps)
    class_w = _class_weights(cfg, train_set)
    loss_fn = torch.nn.CrossEntropyLoss(weight=class_w, reduction="none")
    generator = torch.Generator().manual_seed(cfg.seed)

    history: list[dict[str, Any]] = []
    best_f1, best_state, best_epoch, stale, step = -1.0, None, 0, 0, 0
    model.train()
    bar = tqdm(total=total_steps, desc=f"training {cfg.name}", unit="step", disable=None if progress else True)
    for epoch in range(1, cfg.train.epochs + 1):
        running = 0.0
        seen = 0
        for batch, keys in _batches(train_ds, cfg.train.batch_size, tokenizer, True, generator):
            logits = model(**{k: batch[k] for k in keys}).logits
            per_example = loss_fn(logits, batch["labels"]) * batch["weight"]
            norm = batch["weight"] * (class_w[batch["labels"]] if class_w is not None else 1.0)
            loss = per_example.sum() / norm.sum().clamp(min=1e-8)
            loss.backward()
            torch.nn.utils.clip_grad_norm_(model.parameters(), 1.0)
            optimizer.step()
            scheduler.step()
            optimizer.zero_grad()
            step += 1
            running += float(loss.item()) * len(batch["labels"])
            seen += len(batch["labels"])
            bar.update(1)
            bar.set_postfix(epoch=epoch, loss=f"{running / seen:.3f}")
            if step >= total_steps:
                break
        record: dict[str, Any] = {"epoch": epoch, "step": step, "train_loss": running / max(seen, 1)}
        if val_ds is not None and len(val_ds):
            val_logits = _predict_logits(model, val_ds, tokenizer)
            pred = [labels[i] for i in val_logits.argmax(-1).tolist()]
            gold = [labels[i] for i in val_ds["labels"]]
            record["val_macro_f1"] = classification_metrics(gold, pred, labels)["macro_f1"]
            if record["val_macro_f1"] > best_f1:
                best_f1, best_epoch, stale = record["val_macro_f1"], epoch, 0
                best_state = copy.deepcopy(model.state_dict())
            else:
                stale += 1
        history.append(record)
        log.info("epoch %s: %s", epoch, record)
        if step >= total_steps or (val_ds is not None and stale >= cfg.train.early_stopping_patience):
            break
    bar.close()
    if best_state is not None:
        model.load_state_dict(best_state)
    model.eval()

    metrics: dict[str, Any] = {"best_epoch": best_epoch or len(history)}
    temperature = 1.0
    if val_ds is not None and len(val_ds):
        val_logits = _predict_logits(model, val_ds, tokenizer)
        gold_idx = torch.tensor(val_ds["labels"])
        temperature = fit_temperature(val_logits, gold_idx)
        probs_raw = torch.softmax(val_logits, -1).numpy()
        probs_cal = torch.softmax(val_logits / temperature, -1).numpy()
        pred = [labels[i] for i in val_logits.argmax(-1).tolist()]
        gold = [labels[i] for i in gold_idx.tolist()]
        metrics["validation"] = classification_metrics(gold, pred, labels, probs_cal)
        metrics["validation"]["ece_before_scaling"] = expected_calibration_error(probs_raw, gold_idx.numpy())
        metrics["validation"]["ece_after_scaling"] = metrics["validation"]["ece"]
        metrics["validation"]["ece_after_scaling_crossfit"] = expected_calibration_error(
            crossfit_probs(val_logits, gold_idx).numpy(), gold_idx.numpy()
        )
    metrics["temperature"] = temperature

    stance_cfg.temperature = temperature
    stance_cfg.created = datetime.now(UTC).isoformat(timespec="seconds")
    classifier = StanceClassifier(model, tokenizer, stance_cfg)
    dev_metrics(dev, labels, classifier, metrics)

    root = run_root(cfg, output_root)
    seconds = time.time() - started
    metrics["train_seconds"] = round(seconds, 1)
    files = {**train_set.files, **val_set.files}
    stance_cfg.extra = {
        "data_sources": [display_path(s.path) for s in cfg.data.train],
        "data_fingerprint": fingerprint(files),
        "counts": {
            "train": len(train_set.examples),
            "validation": len(val_set.examples),
            "train_by_label": {lab: sum(e.label == lab for e in train_set.examples) for lab in labels},
        },
    }
    def write_weights(folder: Path) -> None:
        model.save_pretrained(folder)
        tokenizer.save_pretrained(folder)

    path = save_run(root, write_weights, stance_cfg, cfg, files, metrics, history, train_set)
    return TrainResult(path=path, metrics=metrics, seconds=seconds)


def run_root(cfg: RunConfig, output_root: str | Path | None) -> Path:
    root = (Path(output_root) if output_root is not None else Path(cfg.output_dir)).resolve() / cfg.name
    root.mkdir(parents=True, exist_ok=True)
    return root


@dataclass
class DevSet:
    examples: list[Example]
    path: str


def load_dev(cfg: RunConfig) -> DevSet | None:
    """The dev set the config names, every file it matches, read and checked before training: a
    label outside the scheme is an error naming its file and line, found before the minutes of
    training rather than dropped silently from the figure the model card reports."""
    dev_files = expand(cfg.data.dev, cfg.base_dir, data_dir()) if cfg.data.dev else []
    if not dev_files:
        return None
    examples: list[Example] = []
    for f in dev_files:
        for loc in iter_records(f):
            loc.raise_error()
            ex = parse(loc, Example.from_dict)
            if ex.label not in cfg.labels:
                raise StanceError(f"gold label {ex.label!r} is not in the label scheme {list(cfg.labels)}",
                                  loc.path, loc.line)
            examples.append(ex)
    if not examples:
        raise StanceError("the dev set holds no examples", dev_files[0])
    return DevSet(examples, ", ".join(str(f) for f in dev_files))


def dev_metrics(dev: DevSet | None, labels: list[str], classifier: Any, metrics: dict[str, Any]) -> None:
    """Score the dev set, if the config names one: measured after training, never trained on."""
    if dev is None:
        return
    preds = classifier.predict(dev.examples)
    probs = np.array([[p.scores[lab] for lab in labels] for p in preds])
    metrics["dev"] = classification_metrics(
        [e.label for e in dev.examples], [p.label for p in preds], labels, probs
    )
    metrics["dev"]["path"] = dev.path


def save_run(
    root: Path,
    write_weights: Callable[[Path], None],
    stance_cfg: StanceConfig,
    cfg: RunConfig,
    files: dict[str, str],
    metrics: dict[str, Any],
    history: list[dict[str, Any]],
    train_set: LoadedSet,
) -> Path:
    """Write into a hidden temporary folder, then rename: a crash never leaves a half model directory."""
    tmp = Path(tempfile.mkdtemp(prefix=".partial-", dir=root))
    try:
        write_weights(tmp)
        for p in [tmp, *tmp.rglob("*")]:  # mkdtemp and safetensors make them owner-only
            honour_umask(p, directory=p.is_dir())
        if stance_cfg.template.mark_target:
            shutil.copyfile(default_lexicon_path(), tmp / TARGET_LEXICON)
        (tmp / "config.yaml").write_text(yaml.safe_dump(cfg.to_dict(), sort_keys=False), encoding="utf-8")
        write_json(tmp / "data.json", {"files": files, "dropped": train_set.dropped,
                                        "skipped_sources": train_set.skipped_sources})
        write_json(tmp / "metrics.json", metrics)
        write_json(tmp / "versions.json", _versions())
        with open(tmp / "train_log.jsonl", "w", encoding="utf-8") as fh:
            for rec in history:
                fh.write(json.dumps(rec) + "\n")
        for attempt in range(100):
            version = next_version(root)
            stance_cfg.version = version
            write_json(tmp / STANCE_CONFIG, stance_cfg.to_dict())
            (tmp / "README.md").write_text(model_card(stance_cfg, cfg, metrics, files), encoding="utf-8")
            target = root / version
            try:
                os.rename(tmp, target)
                return target
            except OSError:
                if not target.exists() or attempt == 99:
                    raise
        raise StanceError("could not allocate a version directory", root)
    except BaseException:
        shutil.rmtree(tmp, ignore_errors=True)
        raise
