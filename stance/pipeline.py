"""read -> segment -> target -> classify -> write, in chunks, resumable after any interruption.

Rows are written chunk by chunk through a sink (`sinks.py`: JSONL, CSV or Parquet). After
each chunk is durable, a small progress file records how many input records are done and
the sink's position; `--resume` reopens the sink at that position, dropping anything a
killed run wrote after it, and skips those records, so an interrupted run (even by kill -9)
ends with exactly the rows of an uninterrupted one.
"""

from __future__ import annotations

import hashlib
import json
import os
import time
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .classify import StanceClassifier
from .errors import NothingUsableError, StanceError
from .io import Located, is_flat, is_quote_record, iter_records, quote_from_any, unflatten_quote
from .records import Article, Example, Quote, stance_row
from .segment import segment
from .sinks import sink_for
from .targets import TargetLexicon


@dataclass
class Problem:
    path: str
    line: int
    problem: str

    def __str__(self) -> str:
        return f"{self.path}:{self.line}: {self.problem}" if self.line else f"{self.path}: {self.problem}"


@dataclass
class Summary:
    """What a labelling run did, for the closing line a user reads."""

    articles: int = 0
    quote_records: int = 0
    quotes: int = 0
    quotes_without_target: int = 0
    rows: int = 0
    skipped: list[Problem] = field(default_factory=list)
    # Problems found too late to skip the records (repeated ids across Ray blocks).
    warnings: list[Problem] = field(default_factory=list)
    resumed_from: int = 0
    seconds: float = 0.0
    head: list[dict[str, Any]] = field(default_factory=list)

    COUNTS = ("articles", "quote_records", "quotes", "quotes_without_target", "rows")

    def add(self, other: Summary) -> None:
        for key in self.COUNTS:
            setattr(self, key, getattr(self, key) + getattr(other, key))
        self.skipped.extend(other.skipped)
        self.warnings.extend(other.warnings)

    def state(self) -> dict[str, Any]:
        return {k: getattr(self, k) for k in self.COUNTS} | {"skipped": [p.__dict__ for p in self.skipped]}

    @classmethod
    def from_state(cls, state: dict[str, Any]) -> Summary:
        s = cls(**{k: int(state.get(k, 0)) for k in cls.COUNTS})
        s.skipped = [Problem(**p) for p in state.get("skipped", [])]
        return s


def progress_path(output: Path) -> Path:
    return output.with_name(output.name + ".progress")


def quotes_of(
    loc: Located, lexicon: TargetLexicon, fixed_targets: list[str] | None, summary: Summary,
    seen: dict[str, tuple[str, int]] | None = None,
) -> list[Quote]:
    """Quotes of one input record: segmented from an article, or taken as given."""
    loc.raise_error()
    d = loc.data
    if is_quote_record(d):
        try:
            d = _quote_fields(loc)
            q = quote_from_any(d)
        except ValueError as err:
            raise StanceError(str(err), loc.path, loc.line) from None
        key = _quote_key(d, q, fixed_targets)
        problem = _repeated_id(key, loc, seen) if seen is not None and key else None
        if problem:
            raise StanceError(problem, loc.path, loc.line)
        summary.quote_records += 1
        quotes = [q]
        # An explicit list, even empty, is the segmenter's verdict: only a record that names no
        # target falls back to the lexicon, so segment-then-label gives the rows of labelling articles.
        if "targets" not in d and "target" not in d and not fixed_targets:
            q.targets = lexicon.find(q.text) or lexicon.find(q.context or "")
    else:
        try:
            article = Article.from_dict(d)
        except ValueError as err:
            raise StanceError(str(err), loc.path, loc.line) from None
        if not article.text.strip():
            raise StanceError("article text is empty", loc.path, loc.line)
        problem = _repeated_id(article.id, loc, seen) if seen is not None else None
        if problem:
            raise StanceError(problem, loc.path, loc.line)
        quotes = segment_safely(article, lexicon, loc)
        summary.articles += 1
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
    """Labels archives with one classifier; the unit of work the CLI and the Ray path share.

    With `prefetch` the next chunk is read and segmented in a second thread while the model
    labels the current one: segmentation is Python and holds the GIL only between the
    model's matrix products, which release it.
    """

    def __init__(
        self,
        classifier: StanceClassifier,
        lexicon: TargetLexicon | None = None,
        targets: list[str] | None = None,
        chunk_size: int = 256,
        batch_size: int = 32,
        prefetch: bool = True,
    ) -> None:
        self.classifier = classifier
        self.lexicon = lexicon or TargetLexicon.load()
        self.targets = targets or None
        self.chunk_size = chunk_size
        self.batch_size = batch_size
        self.prefetch = prefetch
        self._seen_ids: dict[str, tuple[str, int]] = {}

    def settings(self) -> dict[str, Any]:
        """What decides the rows besides the input: a resumed run must be given the same."""
        lex = json.dumps([sorted(self.lexicon.aliases.items()), sorted(self.lexicon.kinds.items())])
        # The backend changes scores (int8 even labels), so it is part of what a resume must match.
        backend = getattr(getattr(self.classifier, "backend", None), "name", None)
        return {"model": self.classifier.model_id, "targets": self.targets,
                "lexicon": hashlib.sha256(lex.encode("utf-8")).hexdigest()[:16], "backend": backend}

    def label_quotes(self, quotes: list[Quote]) -> list[dict[str, Any]]:
        triples = examples_of(quotes)
        preds = self.classifier.predict([t[2] for t in triples], batch_size=self.batch_size)
        return [stance_row(q, target, p, self.classifier.model_id) for (q, target, _), p in zip(triples, preds)]

    def prepare(self, chunk: list[Located], on_error: str) -> tuple[list[Quote], Summary]:
        """The quotes of a chunk with what reading them found; nothing shared is touched."""
        counts = Summary()
        quotes: list[Quote] = []
        for loc in chunk:
            try:
                qs = quotes_of(loc, self.lexicon, self.targets, counts, self._seen_ids)
            except StanceError as err:
                if on_error == "fail":
                    raise
                counts.skipped.append(Problem(err.path or loc.path, err.line or loc.line, err.problem))
                continue
            counts.quotes_without_target += sum(1 for q in qs if not q.targets)
            quotes.extend(qs)
        return quotes, counts

    def rows_for_chunk(self, chunk: list[Located], summary: Summary, on_error: str) -> list[dict[str, Any]]:
        quotes, counts = self.prepare(chunk, on_error)
        rows = self.label_quotes(quotes)
        counts.rows = len(rows)
        summary.add(counts)
        return rows

    def _prepared(
        self, chunks: Iterator[list[Located]], on_error: str
    ) -> Iterator[tuple[int, list[Quote], Summary]]:
        def work() -> tuple[int, list[Quote], Summary] | None:
            chunk = next(chunks, None)
            if chunk is None:
                return None
            return (len(chunk), *self.prepare(chunk, on_error))

        if not self.prefetch:
            while (item := work()) is not None:
                yield item
            return
        pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="stance-segment")
        try:
            future = pool.submit(work)
            while (item := future.result()) is not None:
                future = pool.submit(work)
                yield item
        finally:
            pool.shutdown(wait=True, cancel_futures=True)

    def run(
        self,
        source: str | Path,
        output: str | Path,
        resume: bool = False,
        overwrite: bool = False,
        on_error: str = "skip",
        on_progress: Callable[[int], None] | None = None,
        keep: int = 0,
    ) -> Summary:
        """Label `source` into `output` (.jsonl, .csv or .parquet); see the module docstring for resume.

        `keep` rows of this run are kept in `Summary.head` for a preview.
        """
        out = Path(output)
        prog = progress_path(out)
        sink = sink_for(out, self.classifier.labels)
        if same_file(source, out):
            raise StanceError("the output is the input file; write the rows somewhere else", out)
        summary = Summary()
        started = time.time()
        done_records, position = 0, 0
        settings = self.settings()
        if resume and prog.exists():
            state = _read_state(prog)
            if _source_key(state.get("source")) != _source_key(source):
                raise StanceError(f"--resume: output was made from {state.get('source')!r}, not this input", out)
            changed = [k for k, v in settings.items() if k in state.get("settings", {}) and state["settings"][k] != v]
            if changed:
                raise StanceError(
                    f"--resume: the output was made with another {' and '.join(changed)}; "
                    "resume with the same model, backend, targets and lexicon, or pass --overwrite", out)
            done_records, position = state["records"], state["position"]
            summary = Summary.from_state(state["summary"])
        else:
            check_output(out, resume, overwrite)
        summary.resumed_from = done_records
        self._seen_ids = {}
        records = iter_records(source, strict=on_error == "fail")
        sink.open(position)
        try:
            todo = _chunks(_skip(records, done_records, self._seen_ids, self.targets), self.chunk_size)
            seen = done_records
            for n_records, quotes, counts in self._prepared(todo, on_error):
                rows = self.label_quotes(quotes)
                counts.rows = len(rows)
                position = sink.write(rows)
                summary.add(counts)
                seen += n_records
                _write_state(prog, source, seen, position, summary, settings)
                if len(summary.head) < keep:
                    summary.head.extend(rows[: keep - len(summary.head)])
                if on_progress:
                    on_progress(n_records)
            if summary.skipped and not (summary.articles or summary.quote_records):
                raise NothingUsableError(summary.skipped)
            sink.finish()
        except BaseException:
            sink.close()
            # Nothing resumable was written, or nothing usable was read: leave no output behind.
            if not done_records and (not prog.exists() or not (summary.articles or summary.quote_records)):
                sink.discard()
                prog.unlink(missing_ok=True)
            raise
        prog.unlink(missing_ok=True)
        summary.seconds = time.time() - started
        return summary


def _repeated_id(doc_id: str, loc: Located, seen: dict[str, tuple[str, int]]) -> str | None:
    """An article whose id an earlier record of the input has: its quote ids would repeat (a quote
    record's key from `_quote_key`: its rows would). Where records carry no position (Ray blocks),
    repeats cannot be told from the first and pass here; the Ray driver reports repeated article
    ids once the blocks are labelled."""
    if not loc.line:
        return None
    first = seen.setdefault(doc_id, (loc.path, loc.line))
    if first == (loc.path, loc.line):
        return None
    return f"{id_name(doc_id)} repeats the one at {first[0]}:{first[1]}; ids must be unique"


def id_name(key: str) -> str:
    """An id of the table `_repeated_id` keeps, as a user reads it: an article's or a quote's."""
    if key.startswith(_QUOTE_KEY):
        _, _, quote_id, *target = key.split("\0")
        return f"quote id {quote_id!r}" + (f" with target {target[0]!r}" if target else "")
    return f"article id {key!r}"


_QUOTE_KEY = "\0quote"


def _quote_key(d: dict[str, Any], q: Quote, fixed_targets: list[str] | None) -> str | None:
    """What must be unique among quote records, in the same table as article ids: the quote id, or
    for a stance row given back (one `target`, kept) the quote id with that target, since one quote
    has a row per target. None for a record with no id (an annotated example)."""
    if not q.quote_id:
        return None
    if "targets" not in d and "target" in d and not fixed_targets and len(q.targets) == 1:
        return f"{_QUOTE_KEY}\0{q.quote_id}\0{q.targets[0]}"
    return f"{_QUOTE_KEY}\0{q.quote_id}"


def quote_key(loc: Located, fixed_targets: list[str] | None = None) -> str | None:
    """The key of a usable quote record (see `_quote_key`); None for anything else."""
    if loc.error is not None or not is_quote_record(loc.data):
        return None
    try:
        d = _quote_fields(loc)
        q = quote_from_any(d)
    except ValueError:
        return None
    return _quote_key(d, q, fixed_targets)


def _quote_fields(loc: Located) -> dict[str, Any]:
    """A quote record's keys as given: a table row's nested cells decoded and its blank cells,
    which name no key, left out (`unflatten_quote`), once for both the quote and its key."""
    return unflatten_quote(loc.data) if is_flat(loc.path) else loc.data


def segment_safely(article: Article, lexicon: TargetLexicon, loc: Located) -> list[Quote]:
    """The article's quotes; a fault of the segmenter on one article is that article's problem
    (skipped, or the run stopped, as --on-error says), named by file and line, not the end of a
    run of thousands."""
    try:
        return segment(article, lexicon)
    except Exception as err:  # a rule's bug must not lose the rest of the archive
        raise StanceError(
            f"the segmenter failed on article {article.id!r} ({type(err).__name__}: {err}); "
            "please report it with this article", loc.path, loc.line,
        ) from err


def article_id(loc: Located) -> str | None:
    """The id of a record that is a usable article (not a quote record, not bad, not empty): the
    records whose ids must be unique."""
    if loc.error is not None or is_quote_record(loc.data):
        return None
    try:
        article = Article.from_dict(loc.data)
    except ValueError:
        return None
    return article.id if article.text.strip() else None


def _skip(
    records: Iterator[Located], n: int, seen: dict[str, tuple[str, int]] | None = None,
    fixed_targets: list[str] | None = None,
) -> Iterator[Located]:
    """The records after the first n, noting the article and quote ids of those passed over, so a
    resumed run refuses the same repeated ids an uninterrupted one does."""
    for i, loc in enumerate(records):
        if i >= n:
            yield loc
        elif seen is not None:
            # None: skipped as bad input in the run that did these records
            doc_id = article_id(loc) or quote_key(loc, fixed_targets)
            if doc_id is not None:
                _repeated_id(doc_id, loc, seen)


def _chunks(items: Iterable[Located], size: int) -> Iterator[list[Located]]:
    chunk: list[Located] = []
    for item in items:
        chunk.append(item)
        if len(chunk) >= size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def check_output(out: Path, resume: bool, overwrite: bool) -> None:
    """Whether a run may write `out`: cheap, so the CLI asks before it loads a model."""
    prog = progress_path(out)
    if resume and prog.exists():
        return
    if resume and out.exists():
        raise StanceError("--resume: no progress file beside the output; it was finished or not ours", out)
    if (out.exists() or prog.exists()) and not overwrite:
        what = "output exists" if out.exists() else "an interrupted run's progress file is beside the output"
        raise StanceError(f"{what}; pass --resume to continue it or --overwrite to start again", out)


def _write_state(
    prog: Path, source: str | Path, records: int, position: int, summary: Summary, settings: dict[str, Any]
) -> None:
    state = {"source": str(source), "records": records, "position": position, "summary": summary.state(),
             "settings": settings}
    tmp = prog.with_name(prog.name + ".tmp")
    with open(tmp, "w", encoding="utf-8") as fh:
        fh.write(json.dumps(state))
        fh.flush()
        os.fsync(fh.fileno())
    os.replace(tmp, prog)


def _read_state(prog: Path) -> dict[str, Any]:
    """A progress file as `_write_state` left it, or an error naming it (never a traceback)."""
    try:
        state = json.loads(prog.read_text(encoding="utf-8"))
        state["records"], state["position"] = int(state["records"]), int(state["position"])
        Summary.from_state(state["summary"])
    except (OSError, ValueError, KeyError, TypeError) as err:
        raise StanceError(f"--resume: progress file is unreadable ({type(err).__name__}); "
                          "pass --overwrite to start again", prog) from None
    return state


def _source_key(source: Any) -> str:
    return str(source) if str(source) == "-" else str(Path(str(source)).resolve())


def same_file(source: str | Path, out: Path) -> bool:
    src = Path(str(source))
    try:
        return str(source) != "-" and src.exists() and out.exists() and src.samefile(out)
    except OSError:
        return False


def segment_file(
    source: str | Path, lexicon: TargetLexicon | None = None, on_error: str = "skip",
    summary: Summary | None = None,
) -> Iterator[Quote | Problem]:
    """Quotes of every article in `source`, with a Problem in place of each bad record.

    `summary`, when given, counts the articles read (`articles`) and the quotes found.
    """
    lexicon = lexicon or TargetLexicon.load()
    summary = summary if summary is not None else Summary()
    seen: dict[str, tuple[str, int]] = {}
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
        problem = "article text is empty" if not article.text.strip() else _repeated_id(article.id, loc, seen)
        if problem:
            if on_error == "fail":
                raise StanceError(problem, loc.path, loc.line)
            yield Problem(loc.path, loc.line, problem)
            continue
        try:
            quotes = segment_safely(article, lexicon, loc)
        except StanceError as err:
            if on_error == "fail":
                raise
            yield Problem(loc.path, loc.line, err.problem)
            continue
        summary.articles += 1
        summary.quotes += len(quotes)
        yield from quotes
