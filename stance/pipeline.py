"""read -> segment -> target -> classify -> write, in chunks, resumable after any interruption.

Rows are written chunk by chunk. After each chunk the output is flushed and synced, then a
small progress file records how many input records are done and how many bytes of output
they produced; `--resume` cuts the output back to that byte count and skips those records,
so an interrupted run (even by kill -9) ends with exactly the rows of an uninterrupted one.
"""

from __future__ import annotations

import json
import os
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .classify import StanceClassifier
from .errors import StanceError
from .io import Located, dumps_line, ensure_parent, is_quote_record, iter_records, quote_from_any
from .records import Article, Example, Quote, stance_row
from .segment import segment
from .targets import TargetLexicon


@dataclass
class Problem:
    path: str
    line: int
    problem: str

    def __str__(self) -> str:
        return f"{self.path}:{self.line}: {self.problem}"


@dataclass
class Summary:
    """What a labelling run did, for the closing line a user reads."""

    articles: int = 0
    quote_records: int = 0
    quotes: int = 0
    quotes_without_target: int = 0
    rows: int = 0
    skipped: list[Problem] = field(default_factory=list)
    resumed_from: int = 0
    seconds: float = 0.0


def progress_path(output: Path) -> Path:
    return output.with_name(output.name + ".progress")


def quotes_of(
    loc: Located, lexicon: TargetLexicon, fixed_targets: list[str] | None, summary: Summary
) -> list[Quote]:
    """Quotes of one input record: segmented from an article, or taken as given."""
    loc.raise_error()
    d = loc.data
    if is_quote_record(d):
        try:
            q = quote_from_any(d)
        except ValueError as err:
            raise StanceError(str(err), loc.path, loc.line) from None
        summary.quote_records += 1
        quotes = [q]
        if not q.targets and not fixed_targets:
            q.targets = lexicon.find(q.text) or lexicon.find(q.context or "")
    else:
        try:
            article = Article.from_dict(d)
        except ValueError as err:
            raise StanceError(str(err), loc.path, loc.line) from None
        if not article.text.strip():
            raise StanceError("article text is empty", loc.path, loc.line)
        summary.articles += 1
        quotes = segment(article, lexicon)
    for q in quotes:
        if fixed_targets:
            q.targets = list(fixed_targets)
    summary.quotes += len(quotes)
    return quotes


def examples_of(quotes: list[Quote]) -> list[tuple[Quote, str, Example]]:
    out = []
    for q in quotes:
        for target in q.targets:
            speaker = q.speaker or (q.speaker_mention.text if q.speaker_mention else None)
            out.append((q, target, Example(quote=q.text, target=target, speaker=speaker, context=q.context)))
    return out


class Labeller:
    """Labels archives with one classifier; the unit of work the CLI and the Ray path share."""

    def __init__(
        self,
        classifier: StanceClassifier,
        lexicon: TargetLexicon | None = None,
        targets: list[str] | None = None,
        chunk_size: int = 256,
        batch_size: int = 32,
    ) -> None:
        self.classifier = classifier
        self.lexicon = lexicon or TargetLexicon.load()
        self.targets = targets or None
        self.chunk_size = chunk_size
        self.batch_size = batch_size

    def label_quotes(self, quotes: list[Quote]) -> list[dict[str, Any]]:
        triples = examples_of(quotes)
        preds = self.classifier.predict([t[2] for t in triples], batch_size=self.batch_size)
        return [stance_row(q, target, p, self.classifier.model_id) for (q, target, _), p in zip(triples, preds)]

    def rows_for_chunk(self, chunk: list[Located], summary: Summary, on_error: str) -> list[dict[str, Any]]:
        quotes: list[Quote] = []
        for loc in chunk:
            try:
                qs = quotes_of(loc, self.lexicon, self.targets, summary)
            except StanceError as err:
                if on_error == "fail":
                    raise
                summary.skipped.append(Problem(err.path or loc.path, err.line or loc.line, err.problem))
                continue
            summary.quotes_without_target += sum(1 for q in qs if not q.targets)
            quotes.extend(qs)
        rows = self.label_quotes(quotes)
        summary.rows += len(rows)
        return rows

    def run(
        self,
        source: str | Path,
        output: str | Path,
        resume: bool = False,
        overwrite: bool = False,
        on_error: str = "skip",
        on_progress: Callable[[int], None] | None = None,
    ) -> Summary:
        """Label `source` into the JSONL file `output`; see the module docstring for resume."""
        out = Path(output)
        prog = progress_path(out)
        summary = Summary()
        started = time.time()
        done_records, done_bytes = 0, 0
        if resume and out.exists():
            if prog.exists():
                state = json.loads(prog.read_text(encoding="utf-8"))
                if state.get("source") != str(source):
                    raise StanceError(f"--resume: output was made from {state.get('source')!r}, not this input", out)
                done_records, done_bytes = int(state["records"]), int(state["bytes"])
                summary.__dict__.update({k: v for k, v in state["summary"].items() if k != "skipped"})
                summary.skipped = [Problem(**p) for p in state["summary"].get("skipped", [])]
            else:
                raise StanceError("--resume: no progress file beside the output; it was finished or not ours", out)
        elif out.exists() and not overwrite:
            raise StanceError("output exists; pass --overwrite to replace it or --resume to continue it", out)
        summary.resumed_from = done_records
        records = iter_records(source, strict=on_error == "fail")
        ensure_parent(out)
        mode = "r+b" if (resume and out.exists()) else "wb"
        try:
            with open(out, mode) as fh:
                fh.truncate(done_bytes)
                fh.seek(done_bytes)
                seen = 0
                for chunk in _chunks(records, self.chunk_size):
                    if seen + len(chunk) <= done_records:
                        seen += len(chunk)
                        continue
                    if seen < done_records:
                        chunk = chunk[done_records - seen :]
                        seen = done_records
                    rows = self.rows_for_chunk(chunk, summary, on_error)
                    fh.write("".join(dumps_line(r) for r in rows).encode("utf-8"))
                    fh.flush()
                    os.fsync(fh.fileno())
                    seen += len(chunk)
                    _write_state(prog, source, seen, fh.tell(), summary)
                    if on_progress:
                        on_progress(len(chunk))
            if summary.skipped and not (summary.articles or summary.quote_records):
                first = summary.skipped[0]
                raise StanceError(
                    f"{first.problem} (no record of the input could be used: {len(summary.skipped)} skipped)",
                    first.path, first.line,
                )
        except BaseException:
            # Nothing resumable was written, or nothing usable was read: leave no output behind.
            if not done_records and (not prog.exists() or not (summary.articles or summary.quote_records)):
                out.unlink(missing_ok=True)
                prog.unlink(missing_ok=True)
            raise
        prog.unlink(missing_ok=True)
        summary.seconds = time.time() - started
        return summary


def _chunks(items: Iterable[Located], size: int) -> Iterator[list[Located]]:
    chunk: list[Located] = []
    for item in items:
        chunk.append(item)
        if len(chunk) >= size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def _write_state(prog: Path, source: str | Path, records: int, nbytes: int, summary: Summary) -> None:
    state = {
        "source": str(source),
        "records": records,
        "bytes": nbytes,
        "summary": {
            k: v for k, v in summary.__dict__.items() if k not in ("skipped", "seconds", "resumed_from")
        }
        | {"skipped": [p.__dict__ for p in summary.skipped]},
    }
    tmp = prog.with_name(prog.name + ".tmp")
    tmp.write_text(json.dumps(state), encoding="utf-8")
    os.replace(tmp, prog)


def segment_file(
    source: str | Path, lexicon: TargetLexicon | None = None, on_error: str = "skip",
    summary: Summary | None = None,
) -> Iterator[Quote | Problem]:
    """Quotes of every article in `source`, with a Problem in place of each bad record.

    `summary`, when given, counts the articles read (`articles`) and the quotes found.
    """
    lexicon = lexicon or TargetLexicon.load()
    summary = summary if summary is not None else Summary()
    for loc in iter_records(source, strict=on_error == "fail"):
        try:
            loc.raise_error()
            article = Article.from_dict(loc.data)
        except StanceError as err:
            yield Problem(loc.path, loc.line, err.problem)
            continue
        except ValueError as err:
            if on_error == "fail":
                raise StanceError(str(err), loc.path, loc.line) from None
            yield Problem(loc.path, loc.line, str(err))
            continue
        if not article.text.strip():
            if on_error == "fail":
                raise StanceError("article text is empty", loc.path, loc.line)
            yield Problem(loc.path, loc.line, "article text is empty")
            continue
        summary.articles += 1
        quotes = segment(article, lexicon)
        summary.quotes += len(quotes)
        yield from quotes
