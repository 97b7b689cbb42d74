"""Records that flow through the pipeline, with the JSON shapes fixed by the interface spec.

Each record validates the dict it is built from, so that a bad input line is reported
with the key at fault rather than failing later inside the model.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field
from typing import Any

LABELS: tuple[str, ...] = ("threatening", "conciliatory", "neutral")


def _require(d: dict[str, Any], key: str, kind: type | tuple[type, ...], what: str) -> Any:
    if key not in d:
        raise ValueError(f"{what} record has no {key!r} key")
    value = d[key]
    if not isinstance(value, kind):
        name = kind.__name__ if isinstance(kind, type) else " or ".join(k.__name__ for k in kind)
        raise ValueError(f"{what} key {key!r} must be {name}, got {type(value).__name__}")
    return value


QUOTE_KINDS = ("direct", "mixed", "indirect")


def _offset(x: Any) -> bool:
    """A character offset: a non-negative int (and no bool, which Python counts as one)."""
    return isinstance(x, int) and not isinstance(x, bool) and x >= 0


def _optional_str(d: dict[str, Any], key: str, what: str) -> str | None:
    value = d.get(key)
    if value is not None and not isinstance(value, str):
        raise ValueError(f"{what} key {key!r} must be a string or null, got {type(value).__name__}")
    return value


@dataclass(frozen=True)
class Span:
    """Characters [start, end) of an article, with the text they hold."""

    text: str
    start: int
    end: int

    def to_dict(self) -> dict[str, Any]:
        return {"text": self.text, "start": self.start, "end": self.end}

    @classmethod
    def from_dict(cls, d: Any, what: str = "span") -> Span | None:
        if d is None:
            return None
        if not isinstance(d, dict):
            raise ValueError(f"{what} must be an object with text, start and end")
        start = _require(d, "start", int, what)
        end = _require(d, "end", int, what)
        if isinstance(start, bool) or isinstance(end, bool) or not 0 <= start <= end:
            raise ValueError(f"{what} needs offsets 0 <= start <= end, got {start!r}, {end!r}")
        return cls(text=_require(d, "text", str, what), start=start, end=end)


@dataclass
class Article:
    """A news story as read; offsets everywhere else index into `text` unchanged."""

    id: str
    text: str
    title: str | None = None
    date: str | None = None
    source: str | None = None

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Article:
        doc_id = d.get("id", d.get("doc"))
        if doc_id is None:
            raise ValueError("article record has no 'id' key")
        if not isinstance(doc_id, (str, int)) or isinstance(doc_id, bool):
            raise ValueError("article key 'id' must be a string")
        if not str(doc_id).strip():
            raise ValueError("article key 'id' is empty")
        if isinstance(d.get("date"), (datetime.date, datetime.datetime)):
            d = {**d, "date": d["date"].isoformat()}  # a typed date column in CSV/Parquet archives
        text = _require(d, "text", str, "article")
        return cls(
            id=str(doc_id),
            text=text,
            title=_optional_str(d, "title", "article"),
            date=_optional_str(d, "date", "article"),
            source=_optional_str(d, "source", "article"),
        )

    def to_dict(self) -> dict[str, Any]:
        d: dict[str, Any] = {"id": self.id, "text": self.text}
        for key in ("title", "date", "source"):
            if getattr(self, key) is not None:
                d[key] = getattr(self, key)
        return d


@dataclass
class Quote:
    """A quoted statement; `parts` keeps the pieces of a quote split by its attribution."""

    doc_id: str
    quote_id: str
    start: int
    end: int
    text: str
    kind: str = "direct"
    speaker_mention: Span | None = None
    speaker: str | None = None
    cue: Span | None = None
    targets: list[str] = field(default_factory=list)
    parts: list[tuple[int, int]] = field(default_factory=list)
    context: str | None = None

    def __post_init__(self) -> None:
        if not self.parts:
            self.parts = [(self.start, self.end)]

    def to_dict(self) -> dict[str, Any]:
        d: dict[str, Any] = {
            "doc_id": self.doc_id,
            "quote_id": self.quote_id,
            "start": self.start,
            "end": self.end,
            "text": self.text,
            "kind": self.kind,
            "speaker_mention": self.speaker_mention.to_dict() if self.speaker_mention else None,
            "speaker": self.speaker,
            "cue": self.cue.to_dict() if self.cue else None,
            "targets": list(self.targets),
            "parts": [list(p) for p in self.parts],
        }
        if self.context is not None:
            d["context"] = self.context
        return d

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Quote:
        text = _require(d, "text", str, "quote")
        targets = d.get("targets", [])
        if not isinstance(targets, list) or not all(isinstance(t, str) and t.strip() for t in targets):
            raise ValueError("quote key 'targets' must be a list of non-empty strings")
        parts_raw = d.get("parts") or []
        if not isinstance(parts_raw, list) or not all(
            isinstance(p, (list, tuple)) and len(p) == 2 and all(_offset(x) for x in p) and p[0] <= p[1]
            for p in parts_raw
        ):
            raise ValueError("quote key 'parts' must be a list of [start, end] pairs with 0 <= start <= end")
        start = d.get("start", parts_raw[0][0] if parts_raw else 0)
        end = d.get("end", parts_raw[-1][1] if parts_raw else len(text))
        if not _offset(start) or not _offset(end) or start > end:
            raise ValueError(f"quote keys 'start' and 'end' must be integers, 0 <= start <= end: {start!r}, {end!r}")
        if len(parts_raw) <= 1 and end - start != len(text):  # one piece: its offsets hold exactly the text
            raise ValueError(f"quote keys 'start' and 'end' span {end - start} characters, "
                             f"but its 'text' has {len(text)}")
        kind = d.get("kind", "direct")
        if kind not in QUOTE_KINDS:
            raise ValueError(f"quote key 'kind' must be one of {', '.join(QUOTE_KINDS)}, got {kind!r}")
        return cls(
            doc_id=str(d.get("doc_id", "")),
            quote_id=str(d.get("quote_id", d.get("id", ""))),
            start=start,
            end=end,
            text=text,
            kind=kind,
            speaker_mention=Span.from_dict(d.get("speaker_mention"), "quote key 'speaker_mention'"),
            speaker=_optional_str(d, "speaker", "quote"),
            cue=Span.from_dict(d.get("cue"), "quote key 'cue'"),
            targets=list(targets),
            parts=[(int(a), int(b)) for a, b in parts_raw],
            context=_optional_str(d, "context", "quote"),
        )


@dataclass
class Example:
    """One (quote, target) pair, with a gold label when it is annotated."""

    quote: str
    target: str
    label: str | None = None
    speaker: str | None = None
    context: str | None = None
    doc_id: str | None = None
    id: str | None = None

    @classmethod
    def from_dict(cls, d: dict[str, Any], require_label: bool = True) -> Example:
        quote = _require(d, "quote", str, "example")
        target = _require(d, "target", str, "example")
        label = _optional_str(d, "label", "example")
        if require_label and label is None:
            raise ValueError("example record has no 'label' key")
        if not quote.strip():
            raise ValueError("example key 'quote' is empty")
        return cls(
            quote=quote,
            target=target,
            label=label,
            speaker=_optional_str(d, "speaker", "example"),
            context=_optional_str(d, "context", "example"),
            doc_id=_optional_str(d, "doc_id", "example"),
            id=None if d.get("id") is None else str(d["id"]),
        )

    def to_dict(self) -> dict[str, Any]:
        d: dict[str, Any] = {"quote": self.quote, "target": self.target}
        for key in ("label", "speaker", "context", "doc_id", "id"):
            if getattr(self, key) is not None:
                d[key] = getattr(self, key)
        return d


@dataclass
class Prediction:
    """The classifier's verdict on one example; `truncated` says context was cut to fit."""

    label: str
    scores: dict[str, float]
    truncated: bool = False


def stance_row(quote: Quote, target: str, prediction: Prediction, model: str) -> dict[str, Any]:
    """A Stance record: the quote's keys with one target, the label, scores and model."""
    row = quote.to_dict()
    del row["targets"]
    row["target"] = target
    row["label"] = prediction.label
    row["scores"] = dict(prediction.scores)
    row["model"] = model
    if prediction.truncated:
        row["truncated"] = True
    return row
