"""`stance label --engine ray`: the local Labeller run by a pool of Ray actors over Ray Data blocks.

Each actor loads the model once and labels whole blocks with the same code as the local
engine (`Labeller.prepare` then `Labeller.label_quotes`), so both engines give the same
rows. Each block's rows are written by the actor that made them, as one JSONL part file
named by a digest of the block's records: a rerun writes the same names, and no file is
ever shared between workers. Lines of JSONL input are parsed in the actors with the same
JSON reader as the local engine; distributed reads do not know line numbers, so a bad
record is reported with its file and the start of its text instead.
"""

from __future__ import annotations

import hashlib
import json
import os
import time
from pathlib import Path
from typing import Any

from .errors import NothingUsableError, StanceError
from .io import JSONL_SUFFIXES, Located, atomic_write, dumps_line, parse_json_line
from .pipeline import Problem, Summary, article_id, id_name, quote_key


class LabelActor:
    """Holds one model replica; called on batches of raw records, returns one summary row per block."""

    def __init__(
        self, model: str, backend: str, targets: list[str] | None, lexicon_path: str | None, out_dir: str,
        on_error: str, batch_size: int, threads: int, source: str,
    ) -> None:
        from .classify import StanceClassifier
        from .pipeline import Labeller
        from .targets import TargetLexicon

        classifier = StanceClassifier.from_pretrained(model, num_threads=threads, backend=backend)
        self.labeller = Labeller(
            classifier, TargetLexicon.load(lexicon_path), targets, batch_size=batch_size, prefetch=False
        )
        self.out_dir = Path(out_dir)
        self.on_error = on_error
        self.source = source
        self.txt_dir = Path(source).is_dir()

    def _located(self, batch: dict[str, Any]) -> list[Located]:
        if set(batch) == {"text"} and self.source.lower().endswith(JSONL_SUFFIXES):
            out = []
            for line in map(str, batch["text"]):
                line = line.removeprefix("\ufeff")  # a UTF-8 byte-order mark opening the file is no data
                if line.strip():
                    data, error = parse_json_line(line)
                    out.append(Located(data or {}, self.source, 0, error and f"{error} in {line[:60]!r}"))
            return out
        n = len(next(iter(batch.values()))) if batch else 0
        rows = [{k: _plain(v[i]) for k, v in batch.items()} for i in range(n)]
        out = []
        for r in rows:
            error = r.pop("error", "") if self.txt_dir else ""
            out.append(Located({} if error else {k: v for k, v in r.items() if v is not None}, self.source, 0,
                               error or None))
        return out

    def __call__(self, batch: dict[str, Any]) -> dict[str, list[Any]]:
        located = self._located(batch)
        if self.on_error == "fail":
            for loc in located:
                loc.raise_error()
        quotes, counts = self.labeller.prepare(located, self.on_error)
        rows = self.labeller.label_quotes(quotes)
        counts.rows = len(rows)
        keys = (k for loc in located for k in (article_id(loc), quote_key(loc, self.labeller.targets)))
        ids = json.dumps([k for k in keys if k is not None])
        if not rows:  # nothing to keep; and a block repeating another's records must not empty its part
            return {"part": [""], "counts": [json.dumps(counts.state())], "ids": [ids]}
        digest = hashlib.sha256(json.dumps([loc.data for loc in located], sort_keys=True, default=str).encode())
        name = f"part-{digest.hexdigest()[:20]}.jsonl"
        with atomic_write(self.out_dir / name) as fh:
            fh.writelines(dumps_line(r) for r in rows)
        return {"part": [name], "counts": [json.dumps(counts.state())], "ids": [ids]}


def _is_part(f: Path) -> bool:
    """A part file this engine writes, or one a killed writer left half-made."""
    return f.is_file() and (f.name.startswith("part-") and f.suffix == ".jsonl" or f.name.startswith(".part-"))


def _plain(value: Any) -> Any:
    """NumPy scalars and arrays from Ray batches as the Python values the local reader gives; a
    date or time as ISO text (`tolist` would give nanoseconds as an int)."""
    import numpy as np

    if isinstance(value, np.datetime64):
        unit = np.datetime_data(value.dtype)[0]
        day = unit in ("Y", "M", "W", "D")
        if np.isnat(value):
            return None
        return value.astype("datetime64[D]" if day else "datetime64[us]").item().isoformat()
    if hasattr(value, "tolist"):
        return value.tolist()
    return value


def _decoded(row: dict[str, Any]) -> dict[str, Any]:
    """A `.txt` file's article, or the reason it cannot be read (skipped or fatal per --on-error)."""
    path = Path(row["path"])
    try:
        return {"id": path.stem, "text": row["bytes"].decode("utf-8-sig"), "error": ""}
    except UnicodeDecodeError as err:
        why = f"{path}: not valid UTF-8 text ({err.reason}); re-save it as UTF-8"
        return {"id": path.stem, "text": "", "error": why}


def _dataset(ray: Any, source: str) -> Any:
    p = Path(source)
    if not p.exists():
        raise StanceError("no such file or directory", p)
    suffix = p.suffix.lower()
    if p.is_dir():
        files = sorted(str(f) for f in p.iterdir() if f.suffix == ".txt")
        if not files:
            raise StanceError("directory holds no .txt files", p)
        ds = ray.data.read_binary_files(files, include_paths=True)
        return ds.map(_decoded)
    if suffix in JSONL_SUFFIXES:
        return ray.data.read_text(str(p))
    if suffix == ".parquet":
        return ray.data.read_parquet(str(p))
    if suffix == ".csv":
        return ray.data.read_csv(str(p))
    raise StanceError(f"unknown input format {suffix or '(no extension)'!r} for --engine ray", p)


def label_with_ray(
    source: str, output: str, *, model: str, backend: str = "torch", targets: list[str] | None = None,
    lexicon_path: str | None = None, on_error: str = "skip", overwrite: bool = False, batch_size: int = 32,
    chunk_size: int = 256, address: str | None = None, actors: int | None = None, threads: int = 1,
) -> Summary:
    """Label `source` into the directory `output` (one JSONL part per block) on a Ray cluster.

    Without `address` (or `$RAY_ADDRESS`) Ray starts on this machine for the run.
    """
    try:
        import ray
    except ImportError:
        raise StanceError("--engine ray needs Ray: pip install 'stance[ray]'") from None
    out = Path(output)
    if out.exists() and not out.is_dir():
        raise StanceError("--engine ray writes a directory of part files; this path is a file", out)
    src = Path(source).resolve()
    if src == out.resolve() or out.resolve() in src.parents:
        raise StanceError("the output directory holds the input; write the part files somewhere else", out)
    if out.exists() and any(out.iterdir()):
        if not overwrite:
            raise StanceError("output directory is not empty; pass --overwrite to replace it", out)
        others = [f.name for f in out.iterdir() if not _is_part(f)]
        if others:
            raise StanceError(
                f"--overwrite replaces part files only, and the output directory holds {others[0]!r}; "
                "choose an empty or new directory", out)
        for f in out.iterdir():
            f.unlink()
    out.mkdir(parents=True, exist_ok=True)
    started = time.time()
    if not ray.is_initialized():
        ray.init(
            address=address or os.environ.get("RAY_ADDRESS"), include_dashboard=False, log_to_driver=False,
            configure_logging=False,
        )
    ray.data.DataContext.get_current().enable_progress_bars = False
    cpus = int(ray.cluster_resources().get("CPU", 1))
    if threads > 1 and threads >= cpus:
        raise StanceError(f"--threads {threads} leaves no CPU of this Ray cluster ({cpus}) to read the input; "
                          f"use at most {max(1, cpus - 1)}")
    if actors is None:  # leave a CPU to the read tasks, or the actors take every CPU and reads never run
        actors = max(1, cpus // threads - 1)
    ds = _dataset(ray, source).map_batches(
        LabelActor,
        fn_constructor_kwargs={
            "model": str(Path(model).resolve()), "backend": backend, "targets": targets,
            "lexicon_path": lexicon_path, "out_dir": str(out.resolve()), "on_error": on_error,
            "batch_size": batch_size, "threads": threads, "source": str(source),
        },
        batch_size=chunk_size, batch_format="numpy", concurrency=actors, num_cpus=threads,
    )
    summary = Summary()
    parts: set[str] = set()
    seen_ids: set[str] = set()
    try:
        for row in ds.iter_rows():
            counts = Summary.from_state(json.loads(row["counts"]))
            if row["part"] and row["part"] in parts:
                # The same records as an earlier block: the same part file, written once.
                summary.skipped.append(Problem(str(source), 0, f"a block repeats the records of {row['part']}; "
                                               f"its {counts.rows} rows were written once"))
                continue
            parts.add(row["part"])
            summary.add(counts)
            for doc_id in json.loads(row["ids"]):
                if doc_id in seen_ids:
                    # Blocks are labelled apart, so a repeat is found only once both are written.
                    problem = (f"{id_name(doc_id)} is repeated in the input; ids must be unique "
                               f"(both were labelled, so its rows repeat in {out})")
                    if on_error == "fail":
                        raise StanceError(problem, source)
                    summary.warnings.append(Problem(str(source), 0, problem))
                seen_ids.add(doc_id)
    except Exception as err:  # Ray wraps worker errors; a user error inside is still a user error
        cause: BaseException | None = err
        while cause is not None and not isinstance(cause, StanceError):
            cause = cause.__cause__ or getattr(cause, "cause", None)
        if cause is not None:
            raise cause from None
        raise
    if summary.skipped and not (summary.articles or summary.quote_records):
        raise NothingUsableError(summary.skipped, "no record could be used")
    summary.seconds = time.time() - started
    return summary
