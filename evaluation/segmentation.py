"""Scores for quote segmentation and attribution against gold quotes.

Gold comes either from PolNeAR-style brat folders (text/*.txt + attributions/*.ann) or from our
JSONL quote records. Overlap counts only characters that are neither quotation marks nor
whitespace, so that a prediction is not punished for including or excluding the marks, and is
|P ∩ G| / max(|P|, |G|) so that a span twice too long scores 0.5. Matching is one-to-one,
greedy by overlap.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

from stance.segment.quotes import ALL_MARKS

THRESHOLDS: tuple[float, ...] = (1.0, 0.8, 0.3)
_QUOTE_CHARS = set(ALL_MARKS) | {"‘", "’", "'"}


# ---------------------------------------------------------------- loading gold


def load_brat_gold(folder: str | Path) -> tuple[list[dict[str, Any]], dict[str, str]]:
    """Gold quotes and texts from a PolNeAR-style folder, first annotator file per article.

    A gold quote is a Content span whose text, or the two characters around its edges, holds a
    double quotation mark: PolNeAR annotates all attributions, and only these are quotes.
    """
    root = Path(folder)
    text_dir = root / "text" if (root / "text").is_dir() else root
    ann_dir = root / "attributions" if (root / "attributions").is_dir() else root
    gold: list[dict[str, Any]] = []
    texts: dict[str, str] = {}
    for tf in sorted(text_dir.glob("*.txt")):
        stem = tf.stem
        anns = sorted(ann_dir.glob(f"{stem}_*.ann")) or sorted(ann_dir.glob(f"{stem}.ann"))
        if not anns:
            continue
        text = tf.read_text(encoding="utf-8")
        texts[stem] = text
        gold.extend(_brat_quotes(stem, text, anns[0]))
    return gold, texts


def _brat_quotes(doc_id: str, text: str, ann: Path) -> list[dict[str, Any]]:
    spans: dict[str, tuple[str, list[tuple[int, int]]]] = {}
    relations: list[dict[str, str]] = []
    for line in ann.read_text(encoding="utf-8").splitlines():
        fields = line.split("\t")
        if len(fields) < 2:
            continue
        if fields[0].startswith("T"):
            kind, _, rng = fields[1].partition(" ")
            try:
                parts = sorted(tuple(int(x) for x in r.split()) for r in rng.split(";"))  # type: ignore[misc]
            except ValueError:
                continue
            spans[fields[0]] = (kind, [(a, b) for a, b in parts])
        elif fields[0].startswith("E"):
            rel = dict(arg.split(":", 1) for arg in fields[1].split() if ":" in arg)
            relations.append(rel)
    out = []
    marks = set('"“”„‟«»')
    for rel in relations:
        content = spans.get(rel.get("Content", ""))
        if content is None or content[0] != "Content":
            continue
        parts = content[1]
        s, e = parts[0][0], parts[-1][1]
        window = text[max(0, s - 2) : e + 2]
        if not any(c in marks for c in window):
            continue
        rec: dict[str, Any] = {
            "doc_id": doc_id,
            "parts": [list(p) for p in parts],
            "start": s,
            "end": e,
            "text": " ".join(text[a:b] for a, b in parts),
            "speaker": None,
            "targets": None,
        }
        for key, slot in (("Source", "speaker_mention"), ("Cue", "cue")):
            sp = spans.get(rel.get(key, ""))
            rec[slot] = (
                {"text": text[sp[1][0][0] : sp[1][-1][1]], "start": sp[1][0][0], "end": sp[1][-1][1]}
                if sp
                else None
            )
        out.append(rec)
    return out


def checked_quote(data: Any, where: tuple[str, int | None], role: str = "quote") -> dict[str, Any]:
    """A quote record with the keys scoring reads (doc_id, integer start/end, parts as [start, end]
    pairs), or an error naming the file and line: a bad record must not surface as a traceback."""
    from stance.errors import StanceError

    if not isinstance(data, dict):
        raise StanceError(f"{role} record must be a JSON object", *where)
    for key in ("doc_id", "start", "end"):
        if key not in data:
            raise StanceError(f"{role} record has no {key!r} key", *where)
    d = dict(data)
    if not all(isinstance(d[k], int) and not isinstance(d[k], bool) for k in ("start", "end")):
        raise StanceError(f"{role} record keys 'start' and 'end' must be integers", *where)
    parts = d.get("parts") or [[d["start"], d["end"]]]
    if not isinstance(parts, list) or not all(
        isinstance(p, (list, tuple)) and len(p) == 2 and all(isinstance(x, int) and not isinstance(x, bool) for x in p)
        for p in parts
    ):
        raise StanceError(f"{role} record key 'parts' must be a list of [start, end] integer pairs", *where)
    d["doc_id"] = str(d["doc_id"])
    d["parts"] = [list(p) for p in parts]
    return d


def check_against_text(
    d: Mapping[str, Any], where: tuple[str, int | None], texts: Mapping[str, str] | None,
    seen: dict[str, tuple[str, int | None]],
) -> None:
    """A gold record that scores must point into its article and be counted once: offsets past the
    text or holding other words than its `text`, or a repeated quote_id, would be scored silently."""
    from stance.errors import StanceError

    qid = d.get("quote_id")
    if qid is not None:
        first = seen.setdefault(str(qid), where)
        if first != where:
            raise StanceError(f"quote_id {str(qid)!r} repeats the one at {first[0]}:{first[1]}; ids must be unique",
                              *where)
    text = (texts or {}).get(str(d["doc_id"]))
    if text is None:  # a document with no article is reported once, for all its records
        return
    for a, b in d["parts"]:
        if not 0 <= a <= b <= len(text):
            raise StanceError(f"offsets [{a}, {b}] are outside article {str(d['doc_id'])!r} "
                              f"({len(text)} characters)", *where)
    span = text[d["start"]:d["end"]]
    # Gold texts may fold the article's line breaks into spaces: only other words are a fault.
    if len(d["parts"]) == 1 and isinstance(d.get("text"), str) and span.split() != d["text"].split():
        raise StanceError(f"the article's text at [{d['start']}, {d['end']}] is "
                          f"{span[:40]!r}, not the record's 'text' {d['text'][:40]!r}", *where)


def load_jsonl_gold(
    path: str | Path, texts: Mapping[str, str] | None = None
) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """Gold quotes and negatives (kind == "not_quote": scare quotes, names, apostrophes) from JSONL;
    with `texts`, each is checked against its article (`check_against_text`)."""
    from stance.io import iter_records

    gold, negatives = [], []
    seen: dict[str, tuple[str, int | None]] = {}
    for loc in iter_records(path):
        loc.raise_error()
        rec = checked_quote(loc.data, (loc.path, loc.line), "gold quote")
        check_against_text(rec, (loc.path, loc.line), texts, seen)
        (negatives if rec.get("kind") == "not_quote" else gold).append(rec)
    return gold, negatives


def load_article_texts(path: str | Path) -> tuple[dict[str, str], dict[str, str | None]]:
    """Article texts and titles by id; a bad record is an error naming its file and line."""
    from stance.io import iter_records, parse
    from stance.records import Article

    texts: dict[str, str] = {}
    titles: dict[str, str | None] = {}
    for loc in iter_records(path):
        loc.raise_error()
        article = parse(loc, Article.from_dict)
        texts[article.id] = article.text
        titles[article.id] = article.title
    return texts, titles


# ---------------------------------------------------------------- overlap and matching


def _chars(rec: Mapping[str, Any], text: str) -> frozenset[int]:
    parts = rec.get("parts") or [[rec["start"], rec["end"]]]
    out = set()
    for a, b in parts:
        for i in range(max(0, a), min(len(text), b)):
            c = text[i]
            if not c.isspace() and c not in _QUOTE_CHARS:
                out.add(i)
    return frozenset(out)


def overlap(p: frozenset[int], g: frozenset[int]) -> float:
    if not p or not g:
        return 0.0
    return len(p & g) / max(len(p), len(g))


def _span_overlap(a: Mapping[str, Any] | None, b: Mapping[str, Any] | None) -> float:
    if not a or not b:
        return 0.0
    inter = max(0, min(a["end"], b["end"]) - max(a["start"], b["start"]))
    return inter / max(1, max(a["end"] - a["start"], b["end"] - b["start"]))


def _norm(name: str | None) -> str:
    if not name:
        return ""
    s = " ".join(name.casefold().split())
    return s[4:] if s.startswith("the ") else s


def match(
    pred: list[Mapping[str, Any]], gold: list[Mapping[str, Any]], texts: Mapping[str, str]
) -> list[tuple[int, int, float]]:
    """One-to-one (pred index, gold index, overlap) pairs, greedy by overlap, overlap > 0."""
    by_doc: dict[str, tuple[list[int], list[int]]] = {}
    for i, p in enumerate(pred):
        by_doc.setdefault(str(p["doc_id"]), ([], []))[0].append(i)
    for j, g in enumerate(gold):
        by_doc.setdefault(str(g["doc_id"]), ([], []))[1].append(j)
    pairs: list[tuple[int, int, float]] = []
    for doc, (pi, gi) in by_doc.items():
        text = texts.get(doc, "")
        pc = {i: _chars(pred[i], text) for i in pi}
        gc = {j: _chars(gold[j], text) for j in gi}
        cands = []
        for i in pi:
            for j in gi:
                o = overlap(pc[i], gc[j])
                if o > 0:
                    cands.append((o, i, j))
        cands.sort(key=lambda x: (-x[0], x[1], x[2]))
        used_p, used_g = set(), set()
        for o, i, j in cands:
            if i in used_p or j in used_g:
                continue
            used_p.add(i)
            used_g.add(j)
            pairs.append((i, j, o))
    return pairs


def _prf(tp: int, n_pred: int, n_gold: int) -> dict[str, float]:
    p = tp / n_pred if n_pred else 0.0
    r = tp / n_gold if n_gold else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"precision": round(p, 4), "recall": round(r, 4), "f1": round(f, 4), "tp": tp}


def _snippet(text: str, rec: Mapping[str, Any], width: int = 60) -> str:
    s = " ".join(text[rec["start"] : rec["end"]].split())
    return s if len(s) <= 2 * width else s[:width] + " ... " + s[-width:]


def score(
    pred: Iterable[Mapping[str, Any]],
    gold: Iterable[Mapping[str, Any]],
    texts: Mapping[str, str],
    negatives: Iterable[Mapping[str, Any]] = (),
    examples: int = 5,
    docs: Iterable[str] | None = None,
) -> dict[str, Any]:
    """Segmentation, attribution and target scores of predicted quote dicts against gold ones.

    Predictions count in every annotated article (`docs`; by default those holding a gold quote
    or a gold not-quote), so a quote found in an article whose gold has none is spurious.
    Attribution and target figures are computed on pairs matched at overlap >= 0.3 so that they
    measure attribution, not span boundaries.
    """
    pred, gold, negatives = list(pred), list(gold), list(negatives)
    if docs is None:
        docs = {str(g["doc_id"]) for g in [*gold, *negatives]}
    docs = {str(d) for d in docs}
    pred = [p for p in pred if str(p["doc_id"]) in docs]
    pairs = match(pred, gold, texts)
    out: dict[str, Any] = {"n_pred": len(pred), "n_gold": len(gold)}
    for t in THRESHOLDS:
        key = "exact" if t == 1.0 else f"overlap>={t}"
        tp = sum(1 for _, _, o in pairs if o >= t - 1e-9)
        out[key] = _prf(tp, len(pred), len(gold))
    matched = [(i, j) for i, j, o in pairs if o >= 0.3]
    ment = [
        (pred[i].get("speaker_mention"), gold[j].get("speaker_mention"))
        for i, j in matched
        if gold[j].get("speaker_mention")
    ]
    out["speaker_mention"] = {
        "n": len(ment),
        "exact": round(
            sum(1 for p, g in ment if p and (p["start"], p["end"]) == (g["start"], g["end"])) / len(ment), 4
        )
        if ment
        else None,
        "overlap": round(sum(1 for p, g in ment if _span_overlap(p, g) > 0) / len(ment), 4) if ment else None,
    }
    spk = [(pred[i].get("speaker"), gold[j].get("speaker")) for i, j in matched if gold[j].get("speaker")]
    out["speaker"] = {
        "n": len(spk),
        "accuracy": round(sum(1 for p, g in spk if _norm(p) == _norm(g)) / len(spk), 4) if spk else None,
        "lenient": round(
            sum(
                1
                for p, g in spk
                if _norm(p) and (_norm(p) == _norm(g) or _norm(p).split()[-1] == _norm(g).split()[-1])
            )
            / len(spk),
            4,
        )
        if spk
        else None,
    }
    cues = [(pred[i].get("cue"), gold[j].get("cue")) for i, j in matched if gold[j].get("cue")]
    out["cue"] = {
        "n": len(cues),
        "accuracy": round(sum(1 for p, g in cues if _span_overlap(p, g) > 0) / len(cues), 4)
        if cues
        else None,
    }
    tp = n_p = n_g = 0
    for i, j in matched:
        gt = gold[j].get("targets")
        if gt is None:
            continue
        ps, gs = set(pred[i].get("targets") or []), set(gt)
        tp += len(ps & gs)
        n_p += len(ps)
        n_g += len(gs)
    out["targets"] = {
        "precision": round(tp / n_p, 4) if n_p else None,
        "recall": round(tp / n_g, 4) if n_g else None,
        "n_gold": n_g,
        "n_pred": n_p,
    }
    # Error types at the 0.8 threshold.
    touched_p = {i for i, _, _ in pairs}
    touched_g = {j for _, j, _ in pairs}
    missed = [j for j in range(len(gold)) if j not in touched_g]
    spurious = [i for i in range(len(pred)) if i not in touched_p]
    boundary = [(i, j, o) for i, j, o in pairs if o < 0.8]
    out["errors"] = {
        "missed": len(missed),
        "spurious": len(spurious),
        "boundary": len(boundary),
        "examples": {
            "missed": [
                f"{gold[j]['doc_id']}: {_snippet(texts.get(str(gold[j]['doc_id']), ''), gold[j])}"
                for j in missed[:examples]
            ],
            "spurious": [
                f"{pred[i]['doc_id']}: {_snippet(texts.get(str(pred[i]['doc_id']), ''), pred[i])}"
                for i in spurious[:examples]
            ],
            "boundary": [
                f"{gold[j]['doc_id']} ({o:.2f}): "
                f"gold «{_snippet(texts.get(str(gold[j]['doc_id']), ''), gold[j])}» "
                f"pred «{_snippet(texts.get(str(pred[i]['doc_id']), ''), pred[i])}»"
                for i, j, o in boundary[:examples]
            ],
        },
    }
    negs = [n for n in negatives if str(n["doc_id"]) in docs]
    if negs:
        hit = match(pred, negs, texts)
        out["negatives"] = {"n": len(negs), "predicted_as_quote": sum(1 for _, _, o in hit if o >= 0.5)}
    return out


# ---------------------------------------------------------------- command entry


def _find_articles(gold: Path) -> Path | None:
    for candidate in (
        gold.parent / "articles.jsonl",
        gold.parent / "examples.jsonl",
        gold.parent.parent / "reuters-dev" / "articles.jsonl",
    ):
        if candidate.is_file():
            return candidate
    return None


def evaluate_path(
    gold_path: str | Path,
    pred_path: str | Path | None = None,
    articles: str | Path | None = None,
    lexicon: Any = None,
    mixed: str = "content",
) -> dict[str, Any]:
    """Score predicted quotes (or the segmenter, run now) against a brat folder or a gold JSONL."""
    from stance.errors import StanceError
    from stance.io import iter_records
    from stance.records import Article
    from stance.segment import segment

    gold_p = Path(gold_path)
    if not gold_p.exists():
        raise StanceError("no such file or directory", gold_p)
    negatives: list[dict[str, Any]] = []
    titles: dict[str, str | None] = {}
    if gold_p.is_dir():
        gold, texts = load_brat_gold(gold_p)
        source = "brat"
    else:
        art = Path(articles) if articles else _find_articles(gold_p)
        if art is None:
            raise StanceError("cannot find the gold quotes' articles; pass --articles FILE.jsonl", gold_p)
        texts, titles = load_article_texts(art)
        gold, negatives = load_jsonl_gold(gold_p, texts)
        source = "jsonl"
    if not gold:
        raise StanceError("no gold quotes found", gold_p)
    if pred_path:
        pred = []
        for loc in iter_records(pred_path):
            loc.raise_error()
            pred.append(checked_quote(loc.data, (loc.path, loc.line), "predicted quote"))
    else:
        pred = []
        for doc, text in texts.items():
            pred.extend(
                q.to_dict() for q in segment(Article(id=doc, text=text, title=titles.get(doc)), lexicon, mixed=mixed)
            )
    # Every brat article has an annotation file, so all were read; a JSONL gold names its articles.
    docs = set(texts) if source == "brat" else {str(g["doc_id"]) for g in [*gold, *negatives]}
    warnings = []
    outside = sorted({str(p["doc_id"]) for p in pred} - docs)
    if pred_path and outside:
        # Predictions for another set of documents would score as none at all without a word.
        n_out = sum(1 for p in pred if str(p["doc_id"]) not in docs)
        listed = ", ".join(repr(d) for d in outside[:10])
        listed += f" and {len(outside) - 10} more" if len(outside) > 10 else ""
        if n_out == len(pred):
            raise StanceError(f"none of the {len(pred)} predicted quotes is in a document of the gold "
                              f"(theirs: {listed}); is it the predictions for this gold?", pred_path)
        warnings.append(f"{pred_path}: {n_out} predicted quotes in documents the gold does not annotate "
                        f"were not scored: {listed}")
    result = score(pred, gold, texts, negatives, docs=docs)
    result["warnings"] = warnings
    result["gold"] = str(gold_p)
    result["gold_format"] = source
    result["mixed"] = mixed if not pred_path else None
    return result


def format_report(result: Mapping[str, Any]) -> str:
    """The scores as a person reads them: a P/R/F1 table, attribution figures, error examples."""

    def f(x: Any) -> str:
        return "-" if x is None else f"{x:.3f}"

    lines = [f"gold {result['gold']} ({result['n_gold']} quotes), predicted {result['n_pred']}", ""]
    lines.append(f"{'match':<14} {'precision':>9} {'recall':>7} {'F1':>6}")
    for key in ("exact", "overlap>=0.8", "overlap>=0.3"):
        m = result[key]
        lines.append(f"{key:<14} {f(m['precision']):>9} {f(m['recall']):>7} {f(m['f1']):>6}")
    lines += [
        "",
        f"speaker mention exact {f(result['speaker_mention']['exact'])}, "
        f"overlapping {f(result['speaker_mention']['overlap'])} (n={result['speaker_mention']['n']})",
        f"canonical speaker     {f(result['speaker']['accuracy'])} (n={result['speaker']['n']})",
        f"cue                   {f(result['cue']['accuracy'])} (n={result['cue']['n']})",
        f"targets               P {f(result['targets']['precision'])}  R {f(result['targets']['recall'])}",
    ]
    if "negatives" in result:
        neg = result["negatives"]
        lines.append(f"not-quotes taken as quotes {neg['predicted_as_quote']} of {neg['n']}")
    err = result["errors"]
    lines += ["", f"errors at 0.8: {err['missed']} missed, {err['spurious']} spurious, {err['boundary']} boundary"]
    for kind in ("missed", "spurious", "boundary"):
        for ex in err["examples"][kind][:3]:
            lines.append(f"  {kind}: {ex}")
    return "\n".join(lines)
