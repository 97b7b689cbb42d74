"""Training data: sources from a config become examples, with fingerprints of every file read.

Label pointers (corpus, document, offsets) let the project ship labels for shared texts
without shipping the texts: the quote and its context are read from the data directory.
"""

from __future__ import annotations

import csv
import glob
import hashlib
import json
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from stance.errors import StanceError
from stance.io import iter_records
from stance.paths import data_dir
from stance.records import Example

from .config import RunConfig, SourceConfig

CORPUS_FILES = {
    "reuters-pool": "reuters-pool/articles.jsonl",
    "reuters-dev": "reuters-dev/articles.jsonl",
    "polnear-train": "polnear/train/text",
    "bbc-politics": "bbc-politics",
}


@dataclass
class LoadedSet:
    """Examples with per-example weights, and what was read to make them."""

    examples: list[Example] = field(default_factory=list)
    weights: list[float] = field(default_factory=list)
    files: dict[str, str] = field(default_factory=dict)
    dropped: dict[str, int] = field(default_factory=dict)
    skipped_sources: list[str] = field(default_factory=list)

    def extend(self, other: LoadedSet) -> None:
        self.examples += other.examples
        self.weights += other.weights
        self.files.update(other.files)
        for k, v in other.dropped.items():
            self.dropped[k] = self.dropped.get(k, 0) + v
        self.skipped_sources += other.skipped_sources


def display_path(path: str) -> str:
    """A source path as users read it: relative to the project when inside it."""
    from stance.paths import PROJECT_ROOT

    try:
        return str(Path(path).relative_to(PROJECT_ROOT))
    except ValueError:
        return path


def sha256(path: str | Path) -> str:
    h = hashlib.sha256()
    with open(path, "rb") as fh:
        for chunk in iter(lambda: fh.read(1 << 20), b""):
            h.update(chunk)
    return h.hexdigest()


def expand(pattern: str, base_dir: str, data_root: Path | None) -> list[Path]:
    """Resolve `${data_dir}`, relative paths (to the config's folder) and globs."""
    if "${data_dir}" in pattern:
        if data_root is None:
            return []
        pattern = pattern.replace("${data_dir}", str(data_root))
    p = Path(pattern).expanduser()
    if not p.is_absolute():
        p = Path(base_dir) / p
    if any(ch in str(p) for ch in "*?["):
        return [Path(m) for m in sorted(glob.glob(str(p)))]
    return [p] if p.exists() else []


def paragraph_around(text: str, start: int, end: int) -> str:
    """The paragraph holding [start, end): wire copy separates paragraphs by indented or blank lines."""

    breaks = [m.end() for m in re.finditer(r"\n(?:[ \t]+|\n)", text[:start])]
    left = breaks[-1] if breaks else 0
    m = re.search(r"\n(?:[ \t]+|\n)", text[end:])
    right = end + m.start() if m else len(text)
    return " ".join(text[left:right].split())


class CorpusTexts:
    """Article texts of the shared corpora, read once per corpus on first use."""

    def __init__(self, root: Path | None) -> None:
        self.root = root
        self._cache: dict[str, dict[str, str]] = {}
        self.files: dict[str, str] = {}

    def get(self, corpus: str, doc: str, where: tuple[str, int]) -> str:
        if corpus not in self._cache:
            if corpus not in CORPUS_FILES:
                raise StanceError(f"unknown corpus {corpus!r}; known: {sorted(CORPUS_FILES)}", *where)
            if self.root is None:
                raise StanceError("label pointers need the data directory (set STANCE_DATA_DIR)", *where)
            path = self.root / CORPUS_FILES[corpus]
            texts = {}
            if path.is_dir():
                for f in sorted(path.glob("*.txt")):
                    with open(f, encoding="utf-8") as fh:
                        texts[f.stem] = fh.read()
                digest = hashlib.sha256(json.dumps(sorted(texts.items())).encode()).hexdigest()
            else:
                for loc in iter_records(path):
                    texts[str(loc.data.get("doc", loc.data.get("id")))] = loc.data["text"]
                digest = sha256(path)
            self._cache[corpus] = texts
            self.files[str(path)] = digest
        try:
            return self._cache[corpus][doc]
        except KeyError:
            raise StanceError(f"document {doc!r} not found in corpus {corpus!r}", *where) from None


def _matches(d: dict[str, Any], flt: dict[str, Any]) -> bool:
    for key, want in flt.items():
        have = d.get(key)
        if isinstance(want, list):
            if have not in want:
                return False
        elif have != want:
            return False
    return True


def _pointer_example(d: dict[str, Any], texts: CorpusTexts, where: tuple[str, int]) -> Example:
    for key in ("corpus", "doc", "start", "end", "target", "label"):
        if key not in d:
            raise StanceError(f"label pointer has no {key!r} key", *where)
    text = texts.get(str(d["corpus"]), str(d["doc"]), where)
    parts = d.get("parts") or [[d["start"], d["end"]]]
    for a, b in parts:
        if not (isinstance(a, int) and isinstance(b, int) and 0 <= a < b <= len(text)):
            raise StanceError(f"offsets [{a}, {b}] fall outside document {d['doc']!r}", *where)
    quote = " ".join(" ".join(text[a:b].split()) for a, b in parts)
    context = paragraph_around(text, parts[0][0], parts[-1][1])
    return Example(
        quote=quote,
        target=str(d["target"]),
        label=str(d["label"]),
        speaker=d.get("speaker"),
        context=context,
        doc_id=str(d["doc"]),
        id=f"{d['corpus']}:{d['doc']}:{d['start']}:{d['target']}",
    )


_BRACKETED = re.compile(r"\[([^\[\]]+)\]")


def directed_sentiment_examples(path: Path) -> Iterator[tuple[dict[str, Any], tuple[str, int]]]:
    """Directed-sentiment lines (`sentence<TAB>p<TAB>q<TAB>label`) as raw examples.

    Labels 1/3 run p -> q and 2/4 run q -> p, so the target is q or p accordingly and the raw
    label stays the upstream code ("0".."4") for the source's `label_map` to translate.
    """
    with open(path, encoding="utf-8") as fh:
        for line_no, line in enumerate(fh, start=1):
            cols = line.rstrip("\n").split("\t")
            if len(cols) != 4:
                raise StanceError(f"expected 4 tab-separated columns, got {len(cols)}", path, line_no)
            sentence, p, q, code = cols
            target, speaker = (p, q) if code in ("2", "4") else (q, p)
            yield {"quote": _BRACKETED.sub(r"\1", sentence), "target": target, "speaker": speaker,
                   "label": code, "id": f"ds:{path.stem}:{line_no}"}, (str(path), line_no)


UNSCON_TARGETS = {
    "russian_federation": "Russia",
    "ukraine": "Ukraine",
    "united_states_of_america": "United States",
    "egypt": "Egypt",
    "united_kingdom_of_great_britain_and_northern_ireland": "Britain",
}


def unscon_examples(path: Path) -> Iterator[tuple[dict[str, Any], tuple[str, int]]]:
    """UNSCon sentences annotated with a target country, raw label = the annotation (A0 or B1 type).

    Only sentences whose evaluation names a country are used: the others have no target.
    """
    with open(path, encoding="utf-8", newline="") as fh:
        reader = csv.DictReader(fh)
        for row in reader:
            kind, country = row.get("A0", "_"), row.get("A4", "_")
            if kind == "_" or country not in UNSCON_TARGETS:
                kind, country = row.get("B1", "_"), row.get("B3", "_")
            if kind == "_" or country not in UNSCON_TARGETS:
                continue
            text = " ".join(row["sentence_text"].replace(" ,", ",").replace(" .", ".").split())
            speaker = row.get("country", "").replace("_", " ") or None
            yield {"quote": text, "target": UNSCON_TARGETS[country], "speaker": speaker, "label": kind,
                   "id": f"unscon:{row['file_id']}:{row['sentence_char_offsets']}"}, (str(path), reader.line_num)


WEAK_FORMATS = {"directed-sentiment": directed_sentiment_examples, "unscon": unscon_examples}


def is_pointer(d: dict[str, Any]) -> bool:
    return "corpus" in d and "doc" in d and "start" in d and "quote" not in d


def load_source(src: SourceConfig, cfg: RunConfig, labels: list[str], texts: CorpusTexts) -> LoadedSet:
    """Read one source, map and filter labels, and count what was dropped and why."""
    root = data_dir()
    paths = expand(src.path, cfg.base_dir, root)
    out = LoadedSet()
    if not paths:
        if src.format == "datasets":
            return _load_hf(src, labels)
        if src.optional:
            out.skipped_sources.append(src.path)
            return out
        raise StanceError(f"training source {src.path!r} matches no file (relative to {cfg.base_dir})")
    for path in paths:
        out.files[str(path)] = sha256(path)
        if src.format in WEAK_FORMATS:
            rows = WEAK_FORMATS[src.format](path)
        else:
            rows = ((loc.data, (loc.path, loc.line)) for loc in iter_records(path))
        if not _take(rows, src, labels, texts, out):
            break
    out.files.update(texts.files)
    return out


def _take(
    rows: Iterable[tuple[dict[str, Any], tuple[str, int]]],
    src: SourceConfig,
    labels: list[str],
    texts: CorpusTexts | None,
    out: LoadedSet,
) -> bool:
    """Add a source's rows to `out` under its filter, label map and limit; False once the limit
    is reached, so a source whose path matches several files still stops at its limit."""
    for d, where in rows:
        if src.limit and len(out.examples) >= src.limit:
            return False
        if src.filter and not _matches(d, src.filter):
            out.dropped["filtered"] = out.dropped.get("filtered", 0) + 1
            continue
        if texts is not None and (src.format == "pointers" or (src.format == "auto" and is_pointer(d))):
            ex = _pointer_example(d, texts, where)
        else:
            ex = parse_dict(d, where)
        raw = str(ex.label)
        if src.label_map and raw in src.label_map and not src.label_map[raw]:
            out.dropped["unmapped"] = out.dropped.get("unmapped", 0) + 1
            continue
        label = src.label_map.get(raw, raw) if src.label_map else raw
        if not label.strip():
            raise StanceError("empty label (a label_map entry mapping it to '' drops such rows)", *where)
        if label not in labels:
            raise StanceError(
                f"label {raw!r} is not in the scheme {labels} (add a label_map to the source)", *where
            )
        ex.label = label
        out.examples.append(ex)
        out.weights.append(src.weight)
    return not (src.limit and len(out.examples) >= src.limit)


def _load_hf(src: SourceConfig, labels: list[str]) -> LoadedSet:
    """A `datasets`-loadable name, from the local cache only, under the same filter, label map and
    limit as a file; its fingerprint stands in for a file's sha256."""
    import datasets

    try:
        ds = datasets.load_dataset(src.path, split=src.split, download_mode="reuse_cache_if_exists")
    except Exception as err:
        raise StanceError(f"cannot load dataset {src.path!r} offline ({type(err).__name__})") from None
    out = LoadedSet()
    out.files[f"datasets:{src.path}:{src.split}"] = str(getattr(ds, "_fingerprint", "") or "unknown")
    _take(((dict(d), (src.path, i + 1)) for i, d in enumerate(ds)), src, labels, None, out)
    return out


def parse_dict(d: dict[str, Any], where: tuple[str, int]) -> Example:
    try:
        return Example.from_dict(d)
    except ValueError as err:
        raise StanceError(str(err), *where) from None


def split_key(quote: str) -> int:
    """A stable bucket per normalised quote, so one quote never sits in two splits."""
    norm = " ".join(quote.lower().split())
    return int(hashlib.sha256(norm.encode("utf-8")).hexdigest()[:8], 16)


def load_training_data(cfg: RunConfig) -> tuple[LoadedSet, LoadedSet]:
    """Train and validation sets; without explicit validation sources, a fixed hash split."""
    texts = CorpusTexts(data_dir())
    train = LoadedSet()
    for src in cfg.data.train:
        train.extend(load_source(src, cfg, cfg.labels, texts))
    if not train.examples:
        raise StanceError("the training sources hold no examples")
    val = LoadedSet()
    if cfg.data.validation:
        for src in cfg.data.validation:
            val.extend(load_source(src, cfg, cfg.labels, texts))
    elif cfg.data.validation_fraction > 0:
        threshold = int(cfg.data.validation_fraction * 1000)
        keep = LoadedSet(files=train.files, dropped=train.dropped, skipped_sources=train.skipped_sources)
        for ex, w in zip(train.examples, train.weights):
            target = val if split_key(ex.quote) % 1000 < threshold else keep
            target.examples.append(ex)
            target.weights.append(w)
        train = keep
    return train, val


def require_two_labels(train: LoadedSet) -> None:
    """A one-label training set trains nothing: scikit-learn refuses it with an internal error
    and a transformer learns a constant, so both trainers stop first with the reason."""
    found = sorted({ex.label for ex in train.examples})
    if len(found) < 2:
        raise StanceError(f"the training examples hold one label ({found[0]!r}); a classifier needs at least two")


def fingerprint(files: dict[str, str]) -> str:
    return hashlib.sha256(json.dumps(sorted(files.values())).encode()).hexdigest()[:12]
