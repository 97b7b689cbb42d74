"""Fixtures: a tiny randomly initialised BERT built here, and small data written for the tests."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

WORDS = (
    "we will strike attack punish destroy warn threat sanctions retaliate enemy terrorist criminal "
    "talk talks welcome peace cooperation thank friends dialogue calm agreement offer ready "
    "the a of to and in is are be on for with by at from said told added minister spokesman "
    "united states iran iraq japan china soviet union britain france opec trade tariff oil "
    "ships navy missiles border delegation arrive tuesday meeting figures market prices rose fell"
).split()

TRAIN_ROWS = [
    ("We will strike back at any ship that enters our waters.", "Iran", "threatening"),
    ("Their navy will be destroyed if they attack.", "United States", "threatening"),
    ("We warn Tokyo that sanctions will follow.", "Japan", "threatening"),
    ("They are a terrorist regime and an enemy.", "Iraq", "threatening"),
    ("We will retaliate with tariffs on their goods.", "China", "threatening"),
    ("We welcome talks with our friends in Paris.", "France", "conciliatory"),
    ("We are ready for dialogue and peace.", "Soviet Union", "conciliatory"),
    ("We thank Britain for its cooperation.", "Britain", "conciliatory"),
    ("Our offer of an agreement stands; we want calm.", "Iran", "conciliatory"),
    ("We welcome the peace offer from Baghdad.", "Iraq", "conciliatory"),
    ("The delegation will arrive on Tuesday.", "Japan", "neutral"),
    ("Oil prices rose in the market on Tuesday.", "OPEC", "neutral"),
    ("The meeting is at the ministry.", "China", "neutral"),
    ("Trade figures fell in the month.", "United States", "neutral"),
    ("The minister will be in Paris on Tuesday.", "France", "neutral"),
]


def write_tiny_base(path: Path, max_position: int = 128) -> Path:
    """A 2-layer, 32-wide BERT with a word-level vocabulary: random weights, real architecture."""
    from transformers import BertConfig, BertForSequenceClassification, BertTokenizer

    path.mkdir(parents=True, exist_ok=True)
    vocab = ["[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]", "|", ",", ".", ";", "…", *WORDS]
    (path / "vocab.txt").write_text("\n".join(dict.fromkeys(vocab)) + "\n", encoding="utf-8")
    tok = BertTokenizer(str(path / "vocab.txt"), do_lower_case=True)
    config = BertConfig(
        vocab_size=len(tok), hidden_size=32, num_hidden_layers=2, num_attention_heads=2,
        intermediate_size=64, max_position_embeddings=max_position, num_labels=3,
    )
    import torch

    torch.manual_seed(0)
    BertForSequenceClassification(config).save_pretrained(path)
    tok.save_pretrained(path)
    return path


@pytest.fixture(scope="session")
def tiny_base(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return write_tiny_base(tmp_path_factory.mktemp("tiny-bert"))


def write_examples(path: Path, rows=TRAIN_ROWS, repeat: int = 1) -> Path:
    with open(path, "w", encoding="utf-8") as fh:
        for r in range(repeat):
            for i, (quote, target, label) in enumerate(rows):
                q = quote if r == 0 else f"{quote} {'and ' * r}"
                ctx = f'"{q}," the minister said on Tuesday.'
                fh.write(json.dumps({"id": f"t{r}-{i}", "quote": q, "target": target, "label": label,
                                     "speaker": "the minister", "context": ctx}) + "\n")
    return path


def write_config(tmp: Path, base: Path, train_file: Path, dev_file: Path | None = None, **train_kw) -> Path:
    import yaml

    cfg = {
        "name": "tiny",
        "output_dir": str(tmp / "models"),
        "seed": 7,
        "model": {"base": str(base), "max_length": 48},
        "template": {"max_context_tokens": 12},
        "data": {"train": [{"path": str(train_file)}], "validation_fraction": 0.25,
                 "dev": str(dev_file) if dev_file else None},
        "train": {"epochs": 2, "batch_size": 8, "learning_rate": 1e-3, "num_threads": 1, **train_kw},
    }
    path = tmp / "tiny.yaml"
    path.write_text(yaml.safe_dump(cfg), encoding="utf-8")
    return path


@pytest.fixture(scope="session")
def tiny_model(tmp_path_factory: pytest.TempPathFactory, tiny_base: Path) -> Path:
    """A stance model trained for a few steps from the tiny base: fast, real save_pretrained output."""
    from training.config import load_config
    from training.train import train

    tmp = tmp_path_factory.mktemp("tiny-run")
    data = write_examples(tmp / "train.jsonl", repeat=3)
    dev = write_examples(tmp / "dev.jsonl")
    cfg = load_config(write_config(tmp, tiny_base, data, dev))
    return train(cfg, progress=False).path


ARTICLE_TEXT = (
    "TEHRAN, March 3 - Iran's navy commander warned the United States on Tuesday.\n\n"
    "\"Any American ship that enters our waters will be sunk,\" Admiral Reza Karimi told state radio.\n\n"
    "Japan's foreign minister Kenji Sato said talks with China had gone well. "
    "\"We welcome the cooperation of our friends in Beijing,\" Sato said.\n"
)


@pytest.fixture
def article_file(tmp_path: Path) -> Path:
    p = tmp_path / "articles.jsonl"
    p.write_text(json.dumps({"id": "a1", "text": ARTICLE_TEXT}) + "\n", encoding="utf-8")
    return p


def write_articles(path: Path, n: int) -> Path:
    """`n` short wire stories, each with one quote toward the United States."""
    with open(path, "w", encoding="utf-8") as fh:
        for i in range(n):
            text = (f"Story {i}. Iran's navy commander spoke on day {i}.\n\n"
                    f"\"Any ship of the United States that enters our waters will be sunk, number {i},\" "
                    f"Admiral Reza Karimi told state radio.\n")
            fh.write(json.dumps({"id": f"a{i}", "text": text}) + "\n")
    return path
