"""The whole pipeline against gold quotes with stances: segment -> targets -> classify, scored end to end.

A (quote, target, label) triple is correct when its quote matches a gold quote (overlap >= 0.5
under `segmentation`'s definition and one-to-one greedy matching), its target is the gold
target (canonical names) and its label is the gold label. The same matching gives the quote-level
and (quote, target)-level figures, and every gold and predicted triple is put in exactly one
bucket (quote missed / target missed / label wrong / correct), so a reader sees at which stage
the end-to-end score is lost. Intervals resample articles, not quotes: the quotes of one story
share a segmenter's mistakes and a topic.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

from stance.errors import StanceError
from stance.io import iter_records, write_json, write_jsonl
from stance.records import Article

from . import segmentation
from .metrics import classification_metrics
from .report import Section, clip, fmt, fmt_ci, text_table, write_page

THRESHOLD = 0.5
N_EXAMPLES = 8
LEVELS = ("quote", "pair", "triple")


@dataclass
class PipelineEvaluation:
    metrics: dict[str, Any]
    rows: list[dict[str, Any]]


# ---------------------------------------------------------------- input


def load_gold(
    path: str | Path, texts: Mapping[str, str] | None = None, labels: Sequence[str] | None = None
) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """Gold quotes (with "stances") and negatives (kind "not_quote"), checked record by record:
    against their articles' `texts` and the model's `labels` where given, since a bad gold record
    would otherwise be scored as a right or wrong answer."""
    gold, negatives = [], []
    seen: dict[str, tuple[str, int | None]] = {}
    for loc in iter_records(path):
        loc.raise_error()
        d = segmentation.checked_quote(loc.data, (loc.path, loc.line), "gold quote")
        segmentation.check_against_text(d, (loc.path, loc.line), texts, seen)
        if "stances" not in d and d.get("kind") != "not_quote":
            raise StanceError("gold quote record has no 'stances' key (give [] for a quote with no target)",
                              loc.path, loc.line)
        stances = d.get("stances") or []
        if not isinstance(stances, list) or not all(
            isinstance(s, dict) and isinstance(s.get("target"), str) and isinstance(s.get("label"), str)
            for s in stances
        ):
            raise StanceError("gold key 'stances' must be a list of {\"target\", \"label\"}", loc.path, loc.line)
        bad = [s["label"] for s in stances if labels is not None and s["label"] not in labels]
        if bad:
            raise StanceError(f"gold label {bad[0]!r} is not in the model's label scheme {list(labels or ())}",
                              loc.path, loc.line)
        d["targets"] = list(d.get("targets") or [])
        d["stances"] = stances
        (negatives if d.get("kind") == "not_quote" else gold).append(d)
    if not gold:
        raise StanceError("no gold quotes found", path)
    if not any(g["stances"] for g in gold):
        raise StanceError("gold quotes carry no 'stances' (target and label per quote); nothing to score", path)
    return gold, negatives


def load_articles(path: str | Path) -> list[Article]:
    out = []
    for loc in iter_records(path):
        loc.raise_error()
        try:
            out.append(Article.from_dict(loc.data))
        except ValueError as err:
            raise StanceError(str(err), loc.path, loc.line) from None
    return out


# ---------------------------------------------------------------- scoring


def _prf(tp: int, n_pred: int, n_gold: int) -> dict[str, Any]:
    p = tp / n_pred if n_pred else 0.0
    r = tp / n_gold if n_gold else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"precision": p, "recall": r, "f1": f, "tp": tp, "n_pred": n_pred, "n_gold": n_gold}


def _labels_of(rec: Mapping[str, Any], canon: Callable[[str], str]) -> dict[str, str]:
    return {canon(s["target"]): s["label"] for s in rec.get("stances") or []}


def _f1_from_counts(c: np.ndarray) -> np.ndarray:
    """F1 of count rows (tp, n_pred, n_gold), 0 where undefined, as `_prf` computes it."""
    tp, npred, ngold = c[..., 0], c[..., 1], c[..., 2]
    denom = npred + ngold
    return np.divide(2 * tp, denom, out=np.zeros(tp.shape, dtype=float), where=denom > 0)


def doc_bootstrap(per_doc: np.ndarray, n_boot: int, seed: int, alpha: float = 0.05) -> list[dict[str, float] | None]:
    """95% percentile intervals of micro-F1 per level, resampling documents (None without resamples).

    `per_doc` has shape (docs, levels, 3) holding (tp, n_pred, n_gold) counts.
    """
    if n_boot < 1 or len(per_doc) == 0:
        return [None] * per_doc.shape[1]
    rng = np.random.default_rng(seed)
    idx = rng.integers(0, len(per_doc), size=(n_boot, len(per_doc)))
    f1 = _f1_from_counts(per_doc[idx].sum(axis=1))  # (n_boot, levels)
    lo, hi = np.percentile(f1, [100 * alpha / 2, 100 * (1 - alpha / 2)], axis=0)
    return [{"low": float(a), "high": float(b)} for a, b in zip(lo, hi)]


def _snip(texts: Mapping[str, str], rec: Mapping[str, Any]) -> str:
    return clip(texts.get(str(rec["doc_id"]), "")[rec["start"] : rec["end"]], 160)


def score_pipeline(
    pred: Sequence[Mapping[str, Any]],
    gold: Sequence[Mapping[str, Any]],
    texts: Mapping[str, str],
    negatives: Sequence[Mapping[str, Any]] = (),
    canonical: Callable[[str], str | None] | None = None,
    labels: Sequence[str] | None = None,
    threshold: float = THRESHOLD,
    n_boot: int = 1000,
    seed: int = 0,
    n_examples: int = N_EXAMPLES,
) -> dict[str, Any]:
    """Quote, (quote, target) and (quote, target, label) P/R/F1 of predicted quote records.

    Predicted and gold records have the same shape: quote keys plus "stances"
    ([{"target", "label"}]); predicted "targets" are those the pipeline labelled. Predictions
    count in every annotated document (one holding a gold quote or a gold not-quote), as in
    `segmentation.score`.
    """

    def canon(name: str) -> str:
        return (canonical(name) if canonical else None) or " ".join(name.split())

    docs = sorted({str(g["doc_id"]) for g in [*gold, *negatives]})
    doc_set = set(docs)
    pred = [p for p in pred if str(p["doc_id"]) in doc_set]
    gold = list(gold)
    matched = [(i, j, o) for i, j, o in segmentation.match(pred, gold, texts) if o >= threshold - 1e-9]
    g_of = {i: j for i, j, _ in matched}
    p_of = {j: i for i, j, _ in matched}
    p_lab = [_labels_of(p, canon) for p in pred]
    g_lab = [_labels_of(g, canon) for g in gold]
    p_tgt = [{canon(t) for t in p.get("targets") or []} | set(p_lab[i]) for i, p in enumerate(pred)]
    g_tgt = [{canon(t) for t in g.get("targets") or []} | set(g_lab[j]) for j, g in enumerate(gold)]

    doc_ix = {d: k for k, d in enumerate(docs)}
    counts = np.zeros((len(docs), len(LEVELS), 3), dtype=np.int64)
    gold_fate = {"quote_missed": 0, "target_missed": 0, "label_wrong": 0, "correct": 0}
    pred_fate = {"quote_spurious": 0, "target_spurious": 0, "label_wrong": 0, "correct": 0}
    found_gold, found_pred = [], []
    target_hits = target_pred = target_gold = 0
    ex: dict[str, list[dict[str, Any]]] = {"missed_quotes": [], "missed_targets": [], "wrong_labels": [],
                                           "spurious_quotes": [], "spurious_targets": []}

    def add(kind: str, item: dict[str, Any]) -> None:
        if len(ex[kind]) < n_examples:
            ex[kind].append(item)

    for j, g in enumerate(gold):
        c = counts[doc_ix[str(g["doc_id"])]]
        c[0, 2] += 1
        c[1, 2] += len(g_tgt[j])
        c[2, 2] += len(g_lab[j])
        i = p_of.get(j)
        if i is None:
            gold_fate["quote_missed"] += len(g_lab[j])
            add("missed_quotes", {"doc_id": g["doc_id"], "quote": _snip(texts, g), "targets": sorted(g_tgt[j])})
            continue
        c[0, 0] += 1
        c[1, 0] += len(p_tgt[i] & g_tgt[j])
        target_hits += len(p_tgt[i] & g_tgt[j])
        target_pred += len(p_tgt[i])
        target_gold += len(g_tgt[j])
        for t, gl in sorted(g_lab[j].items()):
            pl = p_lab[i].get(t)
            if pl is None:
                gold_fate["target_missed"] += 1
                add("missed_targets", {"doc_id": g["doc_id"], "quote": _snip(texts, g), "target": t,
                                       "predicted_targets": sorted(p_tgt[i])})
                continue
            found_gold.append(gl)
            found_pred.append(pl)
            if pl == gl:
                gold_fate["correct"] += 1
                c[2, 0] += 1
            else:
                gold_fate["label_wrong"] += 1
                add("wrong_labels", {"doc_id": g["doc_id"], "quote": _snip(texts, g), "target": t, "gold": gl,
                                     "predicted": pl, "confidence": (pred[i].get("scores") or {}).get(t)})
    for i, p in enumerate(pred):
        c = counts[doc_ix[str(p["doc_id"])]]
        c[0, 1] += 1
        c[1, 1] += len(p_tgt[i])
        c[2, 1] += len(p_lab[i])
        j = g_of.get(i)
        if j is None:
            pred_fate["quote_spurious"] += len(p_lab[i])
            add("spurious_quotes", {"doc_id": p["doc_id"], "quote": _snip(texts, p), "targets": sorted(p_tgt[i])})
            continue
        for t, pl in sorted(p_lab[i].items()):
            gl = g_lab[j].get(t)
            if gl is None:
                pred_fate["target_spurious"] += 1
                add("spurious_targets", {"doc_id": p["doc_id"], "quote": _snip(texts, p), "target": t,
                                         "gold_targets": sorted(g_tgt[j])})
            else:
                pred_fate["correct" if gl == pl else "label_wrong"] += 1

    totals = counts.sum(axis=0)
    cis = doc_bootstrap(counts, n_boot, seed)
    out: dict[str, Any] = {"threshold": threshold, "n_docs": len(docs)}
    for k, level in enumerate(LEVELS):
        out[level] = _prf(*(int(x) for x in totals[k])) | {"f1_ci95": cis[k]}
    out["targets_on_matched_quotes"] = {
        "precision": target_hits / target_pred if target_pred else None,
        "recall": target_hits / target_gold if target_gold else None,
        "n_pred": target_pred, "n_gold": target_gold,
    }
    labs = list(labels) if labels else sorted({s["label"] for r in (*pred, *gold) for s in r.get("stances") or []})
    out["labels_on_found_pairs"] = classification_metrics(found_gold, found_pred, labs) if found_gold else {"n": 0}
    out["per_label"] = {}
    for lab in labs:
        tp = sum(1 for g, p in zip(found_gold, found_pred) if g == p == lab)
        out["per_label"][lab] = _prf(tp, sum(1 for p in pred for s in p.get("stances") or [] if s["label"] == lab),
                                     sum(1 for g in gold for s in g.get("stances") or [] if s["label"] == lab))
    out["gold_triples"] = gold_fate
    out["predicted_triples"] = pred_fate
    if negatives:
        negs = [n for n in negatives if str(n["doc_id"]) in doc_set]
        hits = segmentation.match(pred, negs, texts)
        out["not_quotes_taken_as_quotes"] = {"n": len(negs), "taken": sum(1 for _, _, o in hits if o >= threshold)}
    out["examples"] = ex
    return out


# ---------------------------------------------------------------- running the pipeline


def evaluate_pipeline(
    classifier: Any,
    gold_path: str | Path,
    articles_path: str | Path | None = None,
    lexicon: Any = None,
    mixed: str = "content",
    threshold: float = THRESHOLD,
    batch_size: int = 32,
    n_boot: int = 1000,
    seed: int = 0,
) -> PipelineEvaluation:
    """Segment, target and label the gold quotes' articles as `stance label` does, then score."""
    from stance.pipeline import Labeller
    from stance.segment import MIXED_MODES, segment
    from stance.targets import TargetLexicon

    if mixed not in MIXED_MODES:
        raise StanceError(f"--mixed must be one of {', '.join(MIXED_MODES)}, not {mixed!r}")
    gold_p = Path(gold_path)
    if not gold_p.is_file():
        raise StanceError("no such file", gold_p)
    art_p = Path(articles_path) if articles_path else segmentation._find_articles(gold_p)
    if art_p is None:
        raise StanceError("cannot find the gold quotes' articles; pass --articles FILE.jsonl", gold_p)
    articles = {a.id: a for a in load_articles(art_p)}
    gold, negatives = load_gold(gold_p, {k: a.text for k, a in articles.items()}, classifier.labels)
    missing = sorted({g["doc_id"] for g in [*gold, *negatives]} - set(articles))
    if missing:
        raise StanceError(f"{len(missing)} gold documents have no article in {art_p} (first: {missing[0]})", gold_p)
    lexicon = lexicon or TargetLexicon.load()
    labeller = Labeller(classifier, lexicon=lexicon, batch_size=batch_size)
    started = time.time()
    docs = sorted({g["doc_id"] for g in [*gold, *negatives]})
    quotes = [q for d in docs for q in segment(articles[d], lexicon, mixed=mixed)]
    t_segment = time.time() - started
    rows = labeller.label_quotes(quotes)
    seconds = time.time() - started
    by_quote: dict[tuple[str, str], list[dict[str, Any]]] = {}
    for r in rows:
        by_quote.setdefault((r["doc_id"], r["quote_id"]), []).append(
            {"target": r["target"], "label": r["label"], "score": r["scores"][r["label"]]})
    pred = []
    for q in quotes:
        d = q.to_dict()
        d["stances"] = by_quote.get((q.doc_id, q.quote_id), [])
        d["scores"] = {s["target"]: s["score"] for s in d["stances"]}
        pred.append(d)
    texts = {d: articles[d].text for d in docs}
    metrics = score_pipeline(pred, gold, texts, negatives, lexicon.canonical, classifier.labels, threshold,
                             n_boot=n_boot, seed=seed)
    metrics["segmentation"] = segmentation.score(pred, gold, texts, negatives, examples=0)
    metrics.update({
        "model": classifier.model_id, "gold": str(gold_p), "articles": str(art_p), "mixed": mixed,
        "n_boot": n_boot, "seed": seed, "seconds": {"segment": round(t_segment, 2), "total": round(seconds, 2)},
    })
    return PipelineEvaluation(metrics, rows)


# ---------------------------------------------------------------- report

_LEVEL_NAMES = {"quote": "quotes", "pair": "(quote, target)", "triple": "(quote, target, label)"}


def level_rows(m: Mapping[str, Any]) -> list[tuple[Any, ...]]:
    rows = []
    for level in LEVELS:
        s = m[level]
        rows.append((_LEVEL_NAMES[level], fmt(s["precision"]), fmt(s["recall"]), fmt(s["f1"]),
                     fmt_ci(s["f1_ci95"]) or "–", s["tp"], s["n_pred"], s["n_gold"]))
    return rows


LEVEL_HEADERS = ("level", "precision", "recall", "F1", "F1 95%", "correct", "predicted", "gold")


def sections(m: Mapping[str, Any]) -> list[Section]:
    g, p = m["gold_triples"], m["predicted_triples"]
    tm = m["targets_on_matched_quotes"]
    lab = m["labels_on_found_pairs"]
    summary = Section("Scores", [
        ("p", f"Model {m['model']} on {m['gold']} ({m['n_docs']} articles from {m['articles']}), mixed quotes as "
              f"{m['mixed']}. A quote is found at overlap ≥ {m['threshold']} (one-to-one, greedy); a triple is "
              f"correct when its quote is found, its target is the gold target and its label the gold label. "
              f"Intervals: {m['n_boot']} bootstrap resamples of articles. "
              f"Pipeline time {m['seconds']['total']:.1f} s."),
        ("table", LEVEL_HEADERS, level_rows(m)),
    ])
    where = Section("Where the errors come from", [
        ("table", ("gold triples", "n"), [("quote not found", g["quote_missed"]),
                                          ("quote found, target not found", g["target_missed"]),
                                          ("pair found, label wrong", g["label_wrong"]), ("correct", g["correct"])]),
        ("table", ("predicted triples", "n"), [("quote not in gold", p["quote_spurious"]),
                                               ("target not in gold for the quote", p["target_spurious"]),
                                               ("label wrong", p["label_wrong"]), ("correct", p["correct"])]),
        ("p", f"Targets on found quotes: precision {fmt(tm['precision'])}, recall {fmt(tm['recall'])}. "
              + (f"Labels on found (quote, target) pairs: accuracy {fmt(lab['accuracy'])}, macro-F1 "
                 f"{fmt(lab['macro_f1'])} (n={lab['n']})." if lab.get("n") else "No (quote, target) pair found.")),
    ])
    blocks: list[tuple[Any, ...]] = []
    if lab.get("n"):
        names = lab["confusion"]["labels"]
        blocks.append(("p", "Confusion on found pairs (rows gold, columns predicted):"))
        blocks.append(("table", ("gold \\ predicted", *names),
                       [(n, *row) for n, row in zip(names, lab["confusion"]["matrix"])]))
    blocks.append(("table", ("label", "triple P", "triple R", "triple F1", "predicted", "gold"),
                   [(k, fmt(v["precision"]), fmt(v["recall"]), fmt(v["f1"]), v["n_pred"], v["n_gold"])
                    for k, v in m["per_label"].items()]))
    per_label = Section("Labels", blocks)
    ex = m["examples"]
    items = ([f"missed quote ({e['doc_id']}): {e['quote']}" for e in ex["missed_quotes"]]
             + [f"missed target {e['target']} ({e['doc_id']}; predicted {', '.join(e['predicted_targets']) or 'none'})"
                f": {e['quote']}" for e in ex["missed_targets"]]
             + [f"{e['target']}: gold {e['gold']}, predicted {e['predicted']} ({e['doc_id']}): {e['quote']}"
                for e in ex["wrong_labels"]]
             + [f"spurious quote ({e['doc_id']}): {e['quote']}" for e in ex["spurious_quotes"]])
    return [summary, where, per_label, Section("Examples of errors", [("list", items or ["none"])])]


def write_pipeline_report(ev: PipelineEvaluation, out_dir: str | Path) -> dict[str, Path]:
    """metrics.json, predictions.jsonl (the stance rows), report.md and report.html in `out_dir`."""
    out = Path(out_dir)
    paths = {"metrics": out / "metrics.json", "predictions": out / "predictions.jsonl"}
    write_json(paths["metrics"], ev.metrics)
    write_jsonl(paths["predictions"], ev.rows)
    paths.update(write_page(out, "report", f"End-to-end evaluation of {ev.metrics['model']}", sections(ev.metrics)))
    return paths


def format_summary(m: Mapping[str, Any]) -> str:
    """The level table and the error buckets as plain text for the terminal."""
    lines = text_table(LEVEL_HEADERS, level_rows(m))
    g, tm, lab = m["gold_triples"], m["targets_on_matched_quotes"], m["labels_on_found_pairs"]
    lines.append(f"gold triples: {g['quote_missed']} quote not found, {g['target_missed']} target not found, "
                 f"{g['label_wrong']} label wrong, {g['correct']} correct")
    lines.append(f"targets on found quotes: P {fmt(tm['precision'])}  R {fmt(tm['recall'])}")
    if lab.get("n"):
        lines.append(f"labels on found pairs: accuracy {fmt(lab['accuracy'])}, macro-F1 {fmt(lab['macro_f1'])} "
                     f"(n={lab['n']})")
    return "\n".join(lines)
