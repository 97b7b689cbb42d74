"""Readers and writers for the record formats users keep archives in.

Readers stream: they yield one record at a time with the line (or row) it came from, so
that a bad record can be reported with its place and the rest of a large archive still
flows. Writers go through a temporary file and rename, so a crash never leaves half a file.
"""

from __future__ import annotations

import csv
import json
import os
import re
import sys
import tempfile
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any, TypeVar

from .errors import StanceError
from .records import Article, Example, Quote

T = TypeVar("T")

JSONL_SUFFIXES = (".jsonl", ".json", ".ndjson")
TABLE_SUFFIXES = {*JSONL_SUFFIXES, ".csv", ".parquet"}


@dataclass(frozen=True)
class Located:
    """A raw record and where it came from; `error` is set instead of `data` for a bad line."""

    data: dict[str, Any]
    path: str
    line: int
    error: str | None = None

    def raise_error(self) -> None:
        if self.error is not None:
            raise StanceError(self.error, self.path, self.line)


def check_readable(path: Path) -> None:
    if str(path) == "-":
        return
    if not path.exists():
        raise StanceError("no such file or directory", path)
    if not os.access(path, os.R_OK):
        raise StanceError("file is not readable (permission denied)", path)


def _open_text(path: Path) -> IO[str]:
    if str(path) == "-":
        return sys.stdin
    return open(path, encoding="utf-8-sig", newline="")  # a UTF-8 byte-order mark (Excel) is not data


UTF16_BOMS = (b"\xff\xfe", b"\xfe\xff")


def _not_utf8(reason: str, head: bytes) -> str:
    """The message for undecodable bytes, naming UTF-16 where the bytes start with its byte-order mark."""
    if head.startswith(UTF16_BOMS):
        reason = "UTF-16 text: it starts with a UTF-16 byte-order mark"
    return f"not valid UTF-8 text ({reason}); re-save the file as UTF-8"


def _head(path: Path) -> bytes:
    try:
        with open(path, "rb") as fh:
            return fh.read(2)
    except OSError:
        return b""


def parse_json_line(line: str) -> tuple[dict[str, Any] | None, str | None]:
    """One JSON Lines record, or the problem with it; shared by the local and the Ray readers."""
    try:
        obj = json.loads(line)
    except json.JSONDecodeError as err:
        return None, f"malformed JSON ({err.msg} at column {err.colno})"
    if not isinstance(obj, dict):
        return None, f"expected a JSON object, got {type(obj).__name__}"
    if _SURROGATE_ESCAPE.search(line):
        try:
            json.dumps(obj, ensure_ascii=False).encode("utf-8")
        except UnicodeEncodeError as err:
            return None, f"text holds an unpaired surrogate ({err.object[err.start]!r}), which is no character"
    return obj, None


_CSV_FIELD_LIMIT = 2**31 - 1
# JSON may escape half of a surrogate pair on its own ("\ud83d"): valid JSON, but no text.
_SURROGATE_ESCAPE = re.compile(r"\\u[dD][89a-fA-F]")


def iter_jsonl(path: str | Path, strict: bool = True) -> Iterator[Located]:
    """Yield JSON objects with 1-based line numbers; blank lines are allowed.

    Lines are decoded one by one, so a bad line (malformed JSON, wrong encoding) is reported
    where it is and, when `strict` is off, the rest of the file still flows.
    """
    p = Path(path)
    check_readable(p)
    fh = sys.stdin.buffer if str(p) == "-" else open(p, "rb")
    try:
        for line_no, raw in enumerate(fh, start=1):
            error = None
            obj: Any = None
            if line_no == 1:
                raw = raw.removeprefix(b"\xef\xbb\xbf")  # a UTF-8 byte-order mark is not data
                if raw.startswith(UTF16_BOMS):  # the whole file is wrong: say so once, not per line
                    raise StanceError(_not_utf8("", raw), p, 1)
                if b"\x00" in raw:
                    raise StanceError("binary data (NUL bytes), not UTF-8 JSON Lines text", p, 1)
            try:
                line = raw.decode("utf-8")
            except UnicodeDecodeError as err:
                error = _not_utf8(f"{err.reason} at byte {err.start}", raw)
            else:
                if not line.strip():
                    continue
                obj, error = parse_json_line(line)
            loc = Located(obj if error is None else {}, str(p), line_no, error)
            if strict:
                loc.raise_error()
            yield loc
    finally:
        if fh is not sys.stdin.buffer:
            fh.close()


def iter_csv(path: str | Path, strict: bool = True) -> Iterator[Located]:
    """Yield CSV rows as dicts; a row's line is the line it starts on, the header being line 1."""
    p = Path(path)
    check_readable(p)
    fh = _open_text(p)
    csv.field_size_limit(_CSV_FIELD_LIMIT)  # an article is one field; the module's default is 128 KiB
    try:
        # strict: a stray quote inside a quoted field is an error, not a field that runs on and
        # swallows the records after it
        reader = csv.DictReader(fh, strict=True)
        start = 2
        ended = 1  # the line the last good row ended on: a bad row starts after it
        try:
            for row in reader:
                # The line the row starts on: where it ends, less the line breaks inside its fields
                # (blank lines before it are skipped by the reader and counted in line_num).
                extra = row.get(None) or []  # type: ignore[call-overload]
                breaks = sum(v.count("\n") for v in [*row.values(), *extra] if isinstance(v, str))
                start = reader.line_num - breaks
                ended = reader.line_num
                loc = Located({k: v for k, v in row.items() if k is not None}, str(p), start)
                if any(str(v).strip() for v in extra):
                    n_head = len(reader.fieldnames or ())
                    loc = Located({}, str(p), start, f"row has {n_head + len(extra)} fields, the header has {n_head}")
                if strict:
                    loc.raise_error()
                yield loc
        except UnicodeDecodeError as err:
            raise StanceError(_not_utf8(err.reason, _head(p)), p) from None
        except csv.Error as err:
            raise StanceError(f"malformed CSV in the record starting here ({err})", p, ended + 1) from None
    finally:
        if fh is not sys.stdin:
            fh.close()


def iter_parquet(path: str | Path, batch_size: int = 1024) -> Iterator[Located]:
    """Yield Parquet rows batch by batch so that memory stays flat; `line` is the 1-based row."""
    import pyarrow.parquet as pq

    p = Path(path)
    check_readable(p)
    try:
        pf = pq.ParquetFile(p)
    except Exception as err:  # pyarrow raises several unrelated types for a bad file
        raise StanceError(f"not a readable Parquet file ({err})", p) from None
    row = 0
    for batch in pf.iter_batches(batch_size=batch_size):
        for rec in batch.to_pylist():
            row += 1
            yield Located(rec, str(p), row)


def iter_txt_dir(path: str | Path, strict: bool = True) -> Iterator[Located]:
    """Yield one article per `.txt` file, id = file stem, in name order for reproducible output."""
    p = Path(path)
    files = sorted(f for f in p.iterdir() if f.suffix == ".txt" and f.is_file())
    if not files:  # checked now, not on the first next(), so that no output is opened for nothing
        raise StanceError("directory holds no .txt files", p)
    return _iter_txt_files(files, strict)


def read_txt(f: Path) -> str:
    """A text file exactly as stored (no newline translation, so offsets index the file's own
    text; a UTF-8 byte-order mark is no text), or an error naming it."""
    try:
        with open(f, encoding="utf-8-sig", newline="") as fh:
            return fh.read()
    except UnicodeDecodeError as err:
        raise StanceError(_not_utf8(err.reason, _head(f)), f) from None
    except OSError as err:
        raise StanceError(f"cannot read file ({err.strerror})", f) from None


def _iter_txt_files(files: list[Path], strict: bool = True) -> Iterator[Located]:
    for f in files:
        try:
            text = read_txt(f)
        except StanceError as err:
            if strict:
                raise
            yield Located({}, str(f), 0, err.problem)
            continue
        yield Located({"id": f.stem, "text": text}, str(f), 1)


def iter_records(path: str | Path, strict: bool = True) -> Iterator[Located]:
    """Pick a reader by the path: a directory of .txt, JSONL, CSV or Parquet, or `-` for stdin."""
    p = Path(path)
    if str(path) == "-":
        return iter_jsonl(p, strict)
    check_readable(p)
    if p.is_dir():
        return iter_txt_dir(p, strict)
    suffix = p.suffix.lower()
    if suffix in JSONL_SUFFIXES:
        return iter_jsonl(p, strict)
    if suffix == ".csv":
        return iter_csv(p, strict)
    if suffix == ".parquet":
        return iter_parquet(p)
    if suffix == ".txt":
        return iter(_single_txt(p))
    raise StanceError(
        f"unknown input format {suffix or '(no extension)'!r}; expected .jsonl, .csv, .parquet, .txt or a directory",
        p,
    )


def count_records(path: str | Path) -> int | None:
    """How many records an input holds, for a progress bar's ETA; None where only reading tells."""
    p = Path(path)
    if str(path) == "-" or not p.exists():
        return None
    if p.is_dir():
        return sum(1 for f in p.iterdir() if f.suffix == ".txt" and f.is_file())
    suffix = p.suffix.lower()
    if suffix == ".parquet":
        import pyarrow.parquet as pq

        try:
            return pq.ParquetFile(p).metadata.num_rows
        except Exception:
            return None
    if suffix in JSONL_SUFFIXES:
        n = 0
        with open(p, "rb") as fh:
            for line in fh:
                n += bool(line.strip())
        return n
    return 1 if suffix == ".txt" else None


def _single_txt(p: Path) -> list[Located]:
    return [Located({"id": p.stem, "text": read_txt(p)}, str(p), 1)]


def parse(located: Located, build: Callable[[dict[str, Any]], T]) -> T:
    """Build a record, turning validation errors into StanceError with file and line."""
    try:
        return build(located.data)
    except ValueError as err:
        raise StanceError(str(err), located.path, located.line) from None


def read_examples(
    path: str | Path, require_label: bool = True, labels: Sequence[str] | None = None
) -> list[Example]:
    """Read an annotated set; every record must be valid, since metrics on a partial set mislead.
    With `labels`, a gold label outside them is an error naming its line."""
    examples = []
    for loc in iter_records(path):
        ex = parse(loc, lambda d: Example.from_dict(d, require_label))
        if labels is not None and ex.label not in labels:
            raise StanceError(f"gold label {ex.label!r} is not in the model's label scheme {list(labels)}",
                              loc.path, loc.line)
        examples.append(ex)
    if not examples:
        raise StanceError("file holds no examples", path)
    return examples


def read_articles(path: str | Path) -> Iterator[Article]:
    for loc in iter_records(path):
        yield parse(loc, Article.from_dict)


def is_quote_record(d: dict[str, Any]) -> bool:
    """Quote records carry a `text` plus quote keys; articles carry only id/text/title..."""
    return "quote_id" in d or "speaker_mention" in d or "parts" in d or ("quote" in d and "text" not in d)


FLAT_SUFFIXES = (".csv", ".parquet")
# Keys that a table holds as JSON text (the flat outputs write nested values so), and keys
# whose empty cell means "not given": a table has every column on every row.
_JSON_TEXT_KEYS = ("speaker_mention", "cue", "parts", "targets")
_OPTIONAL_CELLS = (*_JSON_TEXT_KEYS, "start", "end", "kind", "speaker", "context")


def is_flat(path: str | Path) -> bool:
    """Whether records read from `path` come from a table (CSV or Parquet) rather than JSON."""
    return Path(path).suffix.lower() in FLAT_SUFFIXES


def unflatten_quote(d: dict[str, Any]) -> dict[str, Any]:
    """A table row as a quote record, so that the CSV and Parquet rows `stance label` writes
    read back: nested keys are JSON text, and CSV holds offsets as text, none as an empty cell."""
    d = {k: v for k, v in d.items() if not (k in _OPTIONAL_CELLS and (v is None or v == ""))}
    for key in _JSON_TEXT_KEYS:
        if isinstance(d.get(key), str):
            try:
                d[key] = json.loads(d[key])
            except json.JSONDecodeError as err:
                problem = f"{err.msg} at column {err.colno}"
                raise ValueError(f"quote key {key!r} is not valid JSON text ({problem})") from None
    for key in ("start", "end"):
        if isinstance(d.get(key), str) and d[key].strip().isdigit():
            d[key] = int(d[key])
    return d


def quote_from_any(d: dict[str, Any], flat: bool = False) -> Quote:
    """Accept a Quote record, a Stance row (one `target`, which it keeps) or an
    annotated-example-like record with a `quote` key; `flat` for a row of a CSV or Parquet table."""
    d = unflatten_quote(d) if flat else dict(d)
    if "text" not in d and "quote" in d:
        d["text"] = d.pop("quote")
    if "targets" not in d and "target" in d:
        target = d.pop("target")
        if not isinstance(target, str) or not target.strip():
            got = "an empty string" if isinstance(target, str) else "null" if target is None else type(target).__name__
            raise ValueError(f"quote key 'target' must be a non-empty string, got {got}")
        d["targets"] = [target]
    if isinstance(d.get("text"), str) and not d["text"].strip():
        raise ValueError("quote text is empty")
    return Quote.from_dict(d)


def ensure_parent(path: str | Path) -> None:
    """Create the folder an output goes in, or say which part of its path is a file."""
    for parent in reversed(Path(path).parents):
        if parent.exists() and not parent.is_dir():
            raise StanceError("is a file, not a folder; cannot write an output under it", parent)
    Path(path).parent.mkdir(parents=True, exist_ok=True)


def _umask() -> int:
    # /proc tells without changing it; os.umask can only be read by setting it (racy with threads)
    try:
        with open("/proc/self/status", encoding="ascii") as fh:
            for line in fh:
                if line.startswith("Umask:"):
                    return int(line.split()[1], 8)
    except (OSError, ValueError):
        pass
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


def honour_umask(path: str | Path | int, directory: bool = False) -> None:
    """Give a file or folder made by `tempfile` (owner-only, for privacy while it is private) the
    mode `open` or `mkdir` would have given it, since it is renamed into a place others read."""
    mode = (0o777 if directory else 0o666) & ~_umask()
    if isinstance(path, int):
        os.fchmod(path, mode)
    else:
        os.chmod(path, mode)


@contextmanager
def atomic_write(path: str | Path, mode: str = "w") -> Iterator[IO[Any]]:
    """Write to a temporary file beside `path`, then rename over it, so readers never see half a file."""
    p = Path(path)
    ensure_parent(p)
    fd, tmp = tempfile.mkstemp(prefix=f".{p.name}.", suffix=".tmp", dir=p.parent)
    try:
        honour_umask(fd)
        with os.fdopen(fd, mode, encoding=None if "b" in mode else "utf-8") as fh:
            yield fh
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, p)
    except BaseException:
        try:
            os.unlink(tmp)
        except FileNotFoundError:
            pass
        raise


def write_json(path: str | Path, obj: Any) -> None:
    with atomic_write(path) as fh:
        json.dump(obj, fh, indent=2, ensure_ascii=False, sort_keys=False)
        fh.write("\n")


def dumps_line(obj: dict[str, Any]) -> str:
    return json.dumps(obj, ensure_ascii=False) + "\n"


def write_jsonl(path: str | Path, rows: Iterable[dict[str, Any]]) -> int:
    n = 0
    with atomic_write(path) as fh:
        for row in rows:
            fh.write(dumps_line(row))
            n += 1
    return n
