"""The stance classifier: a fine-tuned encoder read through one fixed input template.

The template is stored with the model (`stance_config.json`) so that training and
labelling can never disagree on how (target, speaker, quote, context) become tokens.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Callable, Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from .errors import StanceError
from .records import LABELS, Example, Prediction
from .target_marks import MARK, mark_target
from .targets import TargetLexicon

STANCE_CONFIG = "stance_config.json"
TARGET_LEXICON = "target_lexicon.yaml"

log = logging.getLogger(__name__)


@dataclass
class InputTemplate:
    """How an example becomes a sequence pair.

    Target (and speaker) go first so the encoder reads the quote in their light; the quote
    comes second, followed by as much context as fits. Context is trimmed before the quote
    because the label is about what the speaker says, not about the surrounding story.
    """

    use_speaker: bool = True
    use_context: bool = True
    max_length: int = 128
    max_context_tokens: int = 48
    mark_target: bool = False

    def first_segment(self, ex: Example) -> str:
        if self.use_speaker and ex.speaker:
            return f"{ex.target} | {ex.speaker}"
        return ex.target


@dataclass
class StanceConfig:
    """What a trained model needs besides its weights: labels, template, calibration, identity."""

    name: str
    version: str
    labels: list[str] = field(default_factory=lambda: list(LABELS))
    template: InputTemplate = field(default_factory=InputTemplate)
    temperature: float = 1.0
    base_model: str = ""
    created: str = ""
    extra: dict[str, Any] = field(default_factory=dict)

    @property
    def model_id(self) -> str:
        return f"{self.name}@{self.version}"

    def to_dict(self) -> dict[str, Any]:
        d = asdict(self)
        if not self.template.mark_target:
            del d["template"]["mark_target"]  # models without marks stay readable by older versions
        return d

    @classmethod
    def from_dict(cls, d: dict[str, Any], path: str | Path | None = None) -> StanceConfig:
        known = set(cls.__dataclass_fields__)
        unknown = set(d) - known
        if unknown:
            raise StanceError(f"unknown key {sorted(unknown)[0]!r} in {STANCE_CONFIG}", path)
        for key in ("name", "version", "labels"):
            if key not in d:
                raise StanceError(f"missing key {key!r} in {STANCE_CONFIG}", path)
        tpl = d.get("template") or {}
        bad = set(tpl) - set(InputTemplate.__dataclass_fields__)
        if bad:
            raise StanceError(f"unknown key 'template.{sorted(bad)[0]}' in {STANCE_CONFIG}", path)
        return cls(**{**d, "template": InputTemplate(**tpl)})


def _strip_quote(context: str, quote: str) -> str:
    """Drop the quote's own words from its context: they are already the second segment."""
    if quote and quote in context:
        return " ".join(context.replace(quote, " … ").split())
    return " ".join(context.split())


class Encoder:
    """Turns examples into token ids under a template, flagging those whose context was cut."""

    def __init__(self, tokenizer: Any, template: InputTemplate, lexicon: TargetLexicon | None = None) -> None:
        self.tokenizer = tokenizer
        self.template = template
        self.lexicon = lexicon if lexicon is not None or not template.mark_target else TargetLexicon.load()
        self.sep = f" {tokenizer.sep_token} " if getattr(tokenizer, "sep_token", None) else " | "

    def _count(self, texts: list[str]) -> list[int]:
        if not texts:
            return []
        enc = self.tokenizer(texts, add_special_tokens=False)["input_ids"]
        return [len(ids) for ids in enc]

    def pairs(self, examples: Sequence[Example]) -> tuple[list[str], list[str], list[bool]]:
        """Sequence pairs that fit `max_length`, keeping the quote whole where it can."""
        tpl = self.template
        firsts = [tpl.first_segment(ex) for ex in examples]
        quotes = [" ".join(ex.quote.split()) for ex in examples]
        contexts = [
            _strip_quote(ex.context, ex.quote) if (tpl.use_context and ex.context) else "" for ex in examples
        ]
        if self.lexicon is not None and tpl.mark_target:
            quotes = [mark_target(q, ex.target, self.lexicon) for q, ex in zip(quotes, examples)]
            contexts = [mark_target(c, ex.target, self.lexicon) if c else c for c, ex in zip(contexts, examples)]
        n_first = self._count(firsts)
        n_quote = self._count(quotes)
        n_ctx = self._count([c for c in contexts if c])
        ctx_iter = iter(n_ctx)
        seconds: list[str] = []
        truncated: list[bool] = []
        for first_len, quote_len, quote, ctx in zip(n_first, n_quote, quotes, contexts):
            budget = tpl.max_length - first_len - 4
            cut = quote_len > budget
            if ctx:
                ctx_len = next(ctx_iter)
                room = min(tpl.max_context_tokens, budget - quote_len)
                if room < 4:
                    cut = True
                    ctx = ""
                elif ctx_len > room:
                    cut = True
                    ctx = self._head(ctx, room)
                    if tpl.mark_target and ctx.count(MARK) % 2:
                        ctx = ctx[: ctx.rfind(MARK)].rstrip() + " …"  # no mark left open
            seconds.append(quote + self.sep + ctx if ctx else quote)
            truncated.append(cut)
        return firsts, seconds, truncated

    def _head(self, text: str, n_tokens: int) -> str:
        enc = self.tokenizer(text, add_special_tokens=False, return_offsets_mapping=True)
        offsets = enc["offset_mapping"]
        if len(offsets) <= n_tokens:
            return text
        return text[: offsets[n_tokens - 1][1]] + " …"

    def __call__(self, examples: Sequence[Example]) -> tuple[dict[str, Any], list[bool]]:
        firsts, seconds, truncated = self.pairs(examples)
        enc = self.tokenizer(
            firsts, seconds, truncation="only_second", max_length=self.template.max_length
        )
        return enc, truncated


def quiet_transformers() -> None:
    """Keep library chatter (load reports, weight progress bars) out of users' terminals."""
    from huggingface_hub.utils import disable_progress_bars
    from transformers.utils import logging as hf_logging

    hf_logging.set_verbosity_error()
    hf_logging.disable_progress_bar()
    disable_progress_bars()
    try:
        import datasets

        datasets.disable_progress_bars()
        datasets.logging.set_verbosity_error()
    except ImportError:
        pass


BASELINE_FILE = "baseline.joblib"


def is_model_dir(path: str | Path) -> bool:
    """A transformer (`config.json`) or a scikit-learn baseline, each beside `stance_config.json`."""
    p = Path(path)
    return (
        p.is_dir()
        and (p / STANCE_CONFIG).is_file()
        and ((p / "config.json").is_file() or (p / BASELINE_FILE).is_file())
    )


class ModelIdentity:
    """What every loaded model answers from its `stance_config.json`: its labels and `name@version`."""

    config: StanceConfig

    @property
    def labels(self) -> list[str]:
        return list(self.config.labels)

    @property
    def model_id(self) -> str:
        return self.config.model_id


class StanceClassifier(ModelIdentity):
    """A trained stance model, loaded offline from a `save_pretrained` directory."""

    def __init__(
        self,
        model: Any,
        tokenizer: Any,
        config: StanceConfig,
        path: str | None = None,
        backend: Any = None,
        lexicon: TargetLexicon | None = None,
    ) -> None:
        from .backends import TorchBackend

        self.model = model.eval()
        self.tokenizer = tokenizer
        self.config = config
        self.path = path
        self.encoder = Encoder(tokenizer, config.template, lexicon)
        self.backend = backend or TorchBackend(self.model, tokenizer)

    @classmethod
    def from_pretrained(
        cls, path: str | Path, num_threads: int | None = None, backend: str = "torch"
    ) -> StanceClassifier:
        """Load offline; `backend="onnx"` runs the same weights through ONNX Runtime (exported once)."""
        p = Path(path)
        if not p.exists():
            raise StanceError("model directory does not exist", p)
        if not is_model_dir(p):
            raise StanceError(
                f"not a stance model directory (needs {STANCE_CONFIG} and weights; train one with `stance train`)",
                p,
            )
        try:
            cfg = StanceConfig.from_dict(json.loads((p / STANCE_CONFIG).read_text(encoding="utf-8")), p)
        except json.JSONDecodeError as err:
            raise StanceError(f"malformed {STANCE_CONFIG} ({err.msg})", p / STANCE_CONFIG) from None
        if (p / BASELINE_FILE).is_file():
            from .baseline import BaselineClassifier

            return BaselineClassifier.load(p, cfg)  # type: ignore[return-value]
        import torch
        from transformers import AutoModelForSequenceClassification, AutoTokenizer

        quiet_transformers()
        if num_threads:
            torch.set_num_threads(num_threads)
        try:
            tokenizer = AutoTokenizer.from_pretrained(p, local_files_only=True)
            model = AutoModelForSequenceClassification.from_pretrained(p, local_files_only=True)
        except (OSError, ValueError) as err:
            raise StanceError(f"cannot load model weights or tokenizer ({err})", p) from None
        if model.config.num_labels != len(cfg.labels):
            raise StanceError(
                f"label scheme {cfg.labels} does not match the model's {model.config.num_labels} outputs", p
            )
        lexicon = None
        if cfg.template.mark_target:
            if not (p / TARGET_LEXICON).is_file():
                raise StanceError(f"the model marks targets but has no {TARGET_LEXICON}", p)
            lexicon = TargetLexicon.load(p / TARGET_LEXICON)
        from .backends import load_backend

        backend_impl = load_backend(backend, model, tokenizer, p, num_threads)
        return cls(model, tokenizer, cfg, str(p), backend_impl, lexicon)

    def logits(
        self,
        examples: Sequence[Example],
        batch_size: int = 32,
        progress: Callable[[int], None] | None = None,
    ) -> tuple[Any, list[bool]]:
        """Raw logits in input order; batches are sorted by length so padding stays small."""
        import torch

        n = len(examples)
        out = torch.empty((n, len(self.labels)), dtype=torch.float32)
        truncated = [False] * n
        if n == 0:
            return out, truncated
        enc, flags = self.encoder(examples)
        order = sorted(range(n), key=lambda i: len(enc["input_ids"][i]))
        keys = [k for k in ("input_ids", "token_type_ids", "attention_mask") if k in enc]
        for s in range(0, n, batch_size):
            idx = order[s : s + batch_size]
            feats = [{k: enc[k][i] for k in keys} for i in idx]
            batch = self.tokenizer.pad(feats, return_tensors="pt")
            out[torch.tensor(idx)] = self.backend({k: batch[k] for k in keys})
            if progress:
                progress(len(idx))
        for i, f in enumerate(flags):
            truncated[i] = f
        return out, truncated

    def predict(
        self,
        examples: Sequence[Example],
        batch_size: int = 32,
        progress: Callable[[int], None] | None = None,
    ) -> list[Prediction]:
        """Calibrated predictions; identical inputs are scored once."""
        import torch

        keyed: dict[tuple[str, str | None, str, str | None], int] = {}
        unique: list[Example] = []
        index: list[int] = []
        for ex in examples:
            key = (ex.target, ex.speaker, ex.quote, ex.context)
            if key not in keyed:
                keyed[key] = len(unique)
                unique.append(ex)
            index.append(keyed[key])
        logits, truncated = self.logits(unique, batch_size=batch_size, progress=progress)
        probs = torch.softmax(logits / self.config.temperature, dim=-1).tolist()
        labels = self.labels
        preds = []
        for j in index:
            p = probs[j]
            best = max(range(len(labels)), key=lambda k: p[k])
            scores = {lab: round(float(v), 6) for lab, v in zip(labels, p)}
            preds.append(Prediction(label=labels[best], scores=_renormalise(scores), truncated=truncated[j]))
        return preds


def _renormalise(scores: dict[str, float]) -> dict[str, float]:
    """Rounded scores still sum to 1: the largest absorbs the rounding remainder."""
    total = sum(scores.values())
    top = max(scores, key=lambda k: scores[k])
    scores[top] = round(scores[top] + (1.0 - total), 6)
    return scores
