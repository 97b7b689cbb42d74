"""Target precision and recall on modern news, from the labellers' target judgements.

`data/target_judgements/*.jsonl` points at judged quotes (corpus, doc, start, end) in PolNeAR
train and BBC politics and says whether a quote is `about` a target or was proposed and judged
`not_about`. Each article with judgements is segmented (`--mixed content`, as when the
proposals were made) and each judged quote is matched to the predicted quote overlapping it most.
A predicted target judged `about` is a true positive, one judged `not_about` a false positive,
one nobody judged is counted apart (unjudged); an `about` target not predicted is a false
negative (mostly people and parties outside the lexicon). Documents are split in two halves by
a checksum of their name: A to study errors on, B held out.

The labellers also named each quote's speaker (`data/modern_quotes/`); the predicted canonical
speaker of the matched quote is scored against it by family name (the last word), since the
labellers wrote full names where the text may give "Mr Blair".

The same scoring reads the Reuters-pool judgements (`--judgements data/pool_labels`), whose labels
are stances or `not_about`: any stance means the quote is about the target.

    python -m evaluation.target_judgements [--trace] [--data DIR] [--judgements DIR] [--speakers DIR]
"""

from __future__ import annotations

import argparse
import collections
import json
import re
import unicodedata
import zlib
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from stance.paths import PROJECT_ROOT, data_dir
from stance.records import Article
from stance.segment import segment
from stance.targets import TargetLexicon

# Where each corpus keeps its texts, under the data directory: a folder of .txt files, or one
# articles JSONL (with headlines) for the Reuters pool, whose judgements are in data/pool_labels/.
CORPUS_TEXTS: dict[str, str] = {"polnear-train": "polnear/train/text", "bbc-politics": "bbc-politics"}
CORPUS_ARTICLES: dict[str, str] = {"reuters-pool": "reuters-pool/articles.jsonl"}


def half(doc: str) -> str:
    """The document's half: A (development) or B (held out)."""
    return "A" if zlib.crc32(doc.encode()) % 2 == 0 else "B"


def load_judgements(folder: str | Path) -> dict[tuple[str, str, int, int], dict[str, str]]:
    """(corpus, doc, start, end) -> {target: label} from every JSONL file in the folder."""
    out: dict[tuple[str, str, int, int], dict[str, str]] = collections.defaultdict(dict)
    for f in sorted(Path(folder).glob("*.jsonl")):
        with f.open(encoding="utf-8") as fh:
            for line in fh:
                if line.strip():
                    d = json.loads(line)
                    out[d["corpus"], str(d["doc"]), d["start"], d["end"]][d["target"]] = d["label"]
    return out


def load_speakers(folder: str | Path) -> dict[tuple[str, str, int, int], str]:
    """(corpus, doc, start, end) -> the speaker the labellers named, from the label files."""
    out: dict[tuple[str, str, int, int], str] = {}
    for f in sorted(Path(folder).glob("*.jsonl")):
        with f.open(encoding="utf-8") as fh:
            for line in fh:
                if line.strip():
                    d = json.loads(line)
                    if d.get("speaker"):
                        out.setdefault((d["corpus"], str(d["doc"]), d["start"], d["end"]), d["speaker"])
    return out


def _family(name: str | None) -> str | None:
    """The family name, folded so that typography does not decide ("O’Malley" is "O'Malley",
    "García" is "Garcia")."""
    words = re.findall(r"[^\W\d_][\w'’-]*", name or "")
    if not words:
        return None
    folded = unicodedata.normalize("NFKD", words[-1].replace("’", "'"))
    return "".join(c for c in folded if not unicodedata.combining(c)).lower()


def speaker_agreement(
    rows: list[dict[str, Any]], speakers: dict[tuple[str, str, int, int], str]
) -> dict[tuple[str, str], tuple[int, int]]:
    """(corpus, half) -> (predicted speakers with the labellers' family name, quotes scored)."""
    out: dict[tuple[str, str], list[int]] = collections.defaultdict(lambda: [0, 0])
    for r in rows:
        gold = _family(speakers.get((r["corpus"], r["doc"], r["start"], r["end"])))
        if gold is None or "q" not in r:
            continue  # no speaker named, or none with a letter: nothing to agree with
        c = out[r["corpus"], r["half"]]
        c[0] += _family(r.get("speaker")) == gold
        c[1] += 1
    return {k: (v[0], v[1]) for k, v in sorted(out.items())}


def _trace_hooks() -> tuple[dict[int, str], Any]:
    """Wrap the segmenter's target steps to say which one produced each target; returns the
    record (target list id -> names by step) and an undo function."""
    import stance.segment as segmod

    S = segmod._Segmenter
    names = ("_targets", "_fallback", "_headline_counterpart", "_context_targets", "_headline_bodies")
    saved = {n: getattr(S, n) for n in names}
    steps: dict[str, str] = {}
    record: dict[int, dict[str, str]] = {}

    def wrap(name: str) -> Any:
        def inner(self: Any, *a: Any, **k: Any) -> Any:
            out = saved[name](self, *a, **k)
            if name == "_targets":
                got = {t: steps.get(t, "quote") for t in out}
                steps.clear()
                record[id(out)] = got
                return out
            if isinstance(out, list):
                for t in out:
                    steps.setdefault(t, name.strip("_"))
            return out

        return inner

    for n in saved:
        setattr(S, n, wrap(n))

    def undo() -> None:
        for n, f in saved.items():
            setattr(S, n, f)

    return record, undo


def evaluate(
    judgements: dict[tuple[str, str, int, int], dict[str, str]],
    root: Path,
    lex: TargetLexicon | None = None,
    trace: bool = False,
) -> tuple[dict[tuple[str, str], collections.Counter[str]], list[dict[str, Any]]]:
    """Counts per (corpus, half) and one row per judged quote."""
    lex = lex or TargetLexicon.load()
    record, undo = _trace_hooks() if trace else ({}, None)
    by_doc: dict[tuple[str, str], list[tuple[int, int, dict[str, str]]]] = collections.defaultdict(list)
    for (corpus, doc, s, e), tj in judgements.items():
        by_doc[corpus, doc].append((s, e, tj))
    stats: dict[tuple[str, str], collections.Counter[str]] = collections.defaultdict(collections.Counter)
    rows: list[dict[str, Any]] = []
    articles = _jsonl_articles(root, {corpus for corpus, _ in by_doc})
    try:
        for (corpus, doc), quotes in sorted(by_doc.items()):
            article = articles.get((corpus, doc))
            if article is None:
                path = root / CORPUS_TEXTS.get(corpus, corpus) / f"{doc}.txt"
                article = Article(id=doc, text=path.read_text(encoding="utf-8"))
            preds = segment(article, lex, mixed="content")
            srcs = {q.quote_id: record.get(id(q.targets), {}) for q in preds} if trace else {}
            c = stats[corpus, half(doc)]
            for s, e, tj in sorted(quotes):
                rows.append(_score(c, corpus, doc, s, e, tj, preds, srcs))
    finally:
        if undo is not None:
            undo()
    return stats, rows


def _jsonl_articles(root: Path, corpora: set[str]) -> dict[tuple[str, str], Article]:
    """(corpus, doc) -> article, for the corpora kept as one articles JSONL."""
    out: dict[tuple[str, str], Article] = {}
    for corpus in sorted(corpora & CORPUS_ARTICLES.keys()):
        with (root / CORPUS_ARTICLES[corpus]).open(encoding="utf-8") as fh:
            for line in fh:
                if line.strip():
                    d = json.loads(line)
                    out[corpus, str(d["doc"])] = Article(id=str(d["doc"]), text=d["text"], title=d.get("title"))
    return out


def _score(
    c: collections.Counter[str],
    corpus: str,
    doc: str,
    s: int,
    e: int,
    tj: dict[str, str],
    preds: list[Any],
    srcs: dict[str, dict[str, str]],
) -> dict[str, Any]:
    """Score one judged quote against the predicted quote overlapping it most; the row for it."""
    best, bo = None, 0
    for q in preds:
        o = min(e, q.end) - max(s, q.start)
        if o > bo:
            best, bo = q, o
    pred = list(best.targets) if best is not None else []
    gold = {t for t, lab in tj.items() if lab != "not_about"}  # "about", or a stance label (pool)
    row: dict[str, Any] = {"corpus": corpus, "doc": doc, "start": s, "end": e, "half": half(doc)}
    row.update(pred=pred, judg=tj)
    row.update(tp=[], fp=[], unj=[], fn=[t for t in sorted(gold) if t not in pred])
    for t in pred:
        key = "tp" if t in gold else "fp" if tj.get(t) == "not_about" else "unj"
        row[key].append(t)
    c["TP"] += len(row["tp"])
    c["FP"] += len(row["fp"])
    c["unj"] += len(row["unj"])
    c["FN"] += len(row["fn"])
    if best is not None:
        row.update(q=[best.start, best.end], speaker=best.speaker, src=srcs.get(best.quote_id, {}))
    return row


def summary(stats: dict[tuple[str, str], collections.Counter[str]]) -> Iterable[str]:
    """One line per corpus and half, then per half over both corpora."""
    totals: dict[str, collections.Counter[str]] = collections.defaultdict(collections.Counter)
    for (corpus, h), c in sorted(stats.items()):
        totals[h].update(c)
        yield _line(f"{corpus} {h}", c)
    for h, c in sorted(totals.items()):
        yield _line(f"all {h}", c)


def _line(name: str, c: collections.Counter[str]) -> str:
    p = c["TP"] / max(1, c["TP"] + c["FP"])
    r = c["TP"] / max(1, c["TP"] + c["FN"])
    return f"{name:16s} TP {c['TP']:4d} FP {c['FP']:4d} FN {c['FN']:4d} unjudged {c['unj']:4d} P {p:.3f} R {r:.3f}"


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--data", default=None, help="data directory (default $STANCE_DATA_DIR or ../shared/data)")
    ap.add_argument("--judgements", default=str(PROJECT_ROOT / "data" / "target_judgements"))
    ap.add_argument("--speakers", default=str(PROJECT_ROOT / "data" / "modern_quotes"))
    ap.add_argument("--trace", action="store_true", help="say which rule produced each target (half A)")
    ap.add_argument("--cases", default=None, help="write half A rows to this JSONL file")
    args = ap.parse_args(argv)
    root = data_dir(args.data)
    if root is None:
        raise SystemExit("no data directory: set STANCE_DATA_DIR or pass --data")
    stats, rows = evaluate(load_judgements(args.judgements), root, trace=args.trace)
    for line in summary(stats):
        print(line)
    for (corpus, h), (ok, n) in speaker_agreement(rows, load_speakers(args.speakers)).items():
        print(f"{corpus + ' ' + h:16s} speaker (family name) {ok}/{n} = {ok / n:.3f}")
    if args.trace:
        src: collections.Counter[tuple[str, str]] = collections.Counter()
        for r in rows:
            if r["half"] == "A":
                for k in ("tp", "fp", "unj"):
                    for t in r[k]:
                        src[r.get("src", {}).get(t, "?"), k] += 1
        print("half A by rule (TP FP unjudged):")
        for step in sorted({k for k, _ in src}):
            print(f"  {step:22s} {src[step, 'tp']:4d} {src[step, 'fp']:4d} {src[step, 'unj']:4d}")
    if args.cases:
        with open(args.cases, "w", encoding="utf-8") as fh:
            for r in rows:
                if r["half"] == "A":
                    fh.write(json.dumps(r) + "\n")


if __name__ == "__main__":
    main()
