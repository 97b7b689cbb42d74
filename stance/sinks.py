"""Resumable outputs for stance rows: JSONL, CSV or Parquet, chosen by the output's extension.

Each sink commits whole chunks and reports a position after each commit (a byte count for
the text formats, a number of finished part files for Parquet). `pipeline.Labeller` stores
that position with its progress, and a resumed run reopens the sink at it, so whatever a
killed run left after its last commit (a torn line, a half-written part) is thrown away.
"""

from __future__ import annotations

import csv
import io
import json
import os
import shutil
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from .errors import StanceError
from .io import JSONL_SUFFIXES, atomic_write, dumps_line, ensure_parent

OUTPUT_SUFFIXES = (".jsonl", ".csv", ".parquet")

# Nested Quote keys become JSON text in the flat formats; scores become one column per label.
NESTED = ("speaker_mention", "cue", "parts")
FLAT_HEAD = ("doc_id", "quote_id", "start", "end", "text", "kind", "speaker", "speaker_mention", "cue", "parts",
             "context", "target", "label")
FLAT_TAIL = ("model", "truncated")


def flat_columns(labels: Sequence[str]) -> list[str]:
    return [*FLAT_HEAD, *(f"score_{lab}" for lab in labels), *FLAT_TAIL]


def flatten(row: dict[str, Any], labels: Sequence[str]) -> dict[str, Any]:
    """One stance row as a table row: nested keys as JSON text, one `score_<label>` per label."""
    flat: dict[str, Any] = {k: row.get(k) for k in FLAT_HEAD}
    for key in NESTED:
        if flat[key] is not None:
            flat[key] = json.dumps(flat[key], ensure_ascii=False)
    scores = row.get("scores") or {}
    for lab in labels:
        flat[f"score_{lab}"] = scores.get(lab)
    flat["model"] = row.get("model")
    flat["truncated"] = bool(row.get("truncated", False))
    return flat


class RowSink:
    """Where labelled rows go; `position` is what a resumed run reopens the sink at."""

    def __init__(self, path: Path, labels: Sequence[str]) -> None:
        self.path = path
        self.labels = list(labels)

    def open(self, position: int) -> None:
        raise NotImplementedError

    def write(self, rows: list[dict[str, Any]]) -> int:
        """Write one chunk durably and return the position after it."""
        raise NotImplementedError

    def close(self) -> None:
        raise NotImplementedError

    def finish(self) -> None:
        """Make the output final (after the last chunk)."""
        self.close()

    def discard(self) -> None:
        """Remove everything this sink wrote: the run produced nothing usable."""
        self.close()
        self.path.unlink(missing_ok=True)


class _TextSink(RowSink):
    def open(self, position: int) -> None:
        ensure_parent(self.path)
        resuming = position > 0
        if resuming and (not self.path.exists() or self.path.stat().st_size < position):
            what = "is missing" if not self.path.exists() else "is shorter than its progress file records"
            raise StanceError(f"--resume: the output {what}; pass --overwrite to start again", self.path)
        self.fh = open(self.path, "r+b" if resuming else "wb")
        self.fh.truncate(position if resuming else 0)
        self.fh.seek(0, os.SEEK_END)
        if self.fh.tell() == 0:
            head = self.header()
            if head:
                self.fh.write(head)

    def header(self) -> bytes:
        return b""

    def encode(self, rows: list[dict[str, Any]]) -> bytes:
        raise NotImplementedError

    def write(self, rows: list[dict[str, Any]]) -> int:
        self.fh.write(self.encode(rows))
        self.fh.flush()
        os.fsync(self.fh.fileno())
        return self.fh.tell()

    def close(self) -> None:
        fh = getattr(self, "fh", None)
        if fh is not None and not fh.closed:
            fh.close()


class JsonlSink(_TextSink):
    def encode(self, rows: list[dict[str, Any]]) -> bytes:
        return "".join(dumps_line(r) for r in rows).encode("utf-8")


class CsvSink(_TextSink):
    """RFC 4180 CSV with a header; text with newlines stays inside quoted fields."""

    def _csv(self, rows: list[dict[str, Any]], header: bool) -> bytes:
        buf = io.StringIO()
        writer = csv.DictWriter(buf, fieldnames=flat_columns(self.labels), lineterminator="\r\n")
        if header:
            writer.writeheader()
        writer.writerows(flatten(r, self.labels) for r in rows)
        return buf.getvalue().encode("utf-8")

    def header(self) -> bytes:
        return self._csv([], header=True)

    def encode(self, rows: list[dict[str, Any]]) -> bytes:
        return self._csv(rows, header=False)


class ParquetSink(RowSink):
    """One part file per chunk beside the output, merged into one Parquet file at the end.

    A Parquet file is only readable once its footer is written, so rows cannot be appended to
    it durably; finished parts can, and a resumed run deletes any part past the recorded count.
    """

    @property
    def parts_dir(self) -> Path:
        return self.path.with_name(self.path.name + ".parts")

    def _schema(self) -> Any:
        import pyarrow as pa

        types = {"start": pa.int64(), "end": pa.int64(), "truncated": pa.bool_()}
        fields = []
        for col in flat_columns(self.labels):
            typ = pa.float64() if col.startswith("score_") else types.get(col, pa.string())
            fields.append(pa.field(col, typ))
        return pa.schema(fields)

    def _part(self, i: int) -> Path:
        return self.parts_dir / f"part-{i:06d}.parquet"

    def open(self, position: int) -> None:
        ensure_parent(self.path)
        if position == 0 and self.parts_dir.exists():
            shutil.rmtree(self.parts_dir)
        self.parts_dir.mkdir(exist_ok=True)
        for stale in self.parts_dir.iterdir():
            if not (stale.name.startswith("part-") and stale.suffix == ".parquet") or int(stale.stem[5:]) >= position:
                stale.unlink()
        missing = [i for i in range(position) if not self._part(i).exists()]
        if missing:
            raise StanceError(f"--resume: part file {self._part(missing[0]).name} is missing", self.parts_dir)
        self.count = position

    def write(self, rows: list[dict[str, Any]]) -> int:
        import pyarrow as pa
        import pyarrow.parquet as pq

        table = pa.Table.from_pylist([flatten(r, self.labels) for r in rows], schema=self._schema())
        with atomic_write(self._part(self.count), "wb") as fh:
            pq.write_table(table, fh)
        self.count += 1
        return self.count

    def close(self) -> None:
        pass

    def finish(self) -> None:
        import pyarrow.parquet as pq

        schema = self._schema()
        with atomic_write(self.path, "wb") as fh:
            with pq.ParquetWriter(fh, schema) as writer:
                for i in range(self.count):
                    writer.write_table(pq.read_table(self._part(i), schema=schema))
        shutil.rmtree(self.parts_dir, ignore_errors=True)

    def discard(self) -> None:
        shutil.rmtree(self.parts_dir, ignore_errors=True)
        self.path.unlink(missing_ok=True)


def sink_for(path: str | Path, labels: Sequence[str]) -> RowSink:
    p = Path(path)
    suffix = p.suffix.lower()
    if suffix in JSONL_SUFFIXES:
        return JsonlSink(p, labels)
    if suffix == ".csv":
        return CsvSink(p, labels)
    if suffix == ".parquet":
        return ParquetSink(p, labels)
    raise StanceError(
        f"unknown output format {suffix or '(no extension)'!r}; expected .jsonl, .csv or .parquet", p
    )
