"""Reports a person reads: report.md and a standalone report.html beside metrics.json and PNG plots.

The page is built once as a list of sections of simple blocks (paragraph, table, list, image)
and rendered to both Markdown and HTML, so the two can never disagree. Images are PNG files
in the same folder, referenced by relative name, so the folder can be opened, copied or
zipped as it is. Plots use matplotlib's Agg canvas directly (no pyplot), so writing a report
never touches a user's interactive backend and needs no display.
"""

from __future__ import annotations

import html
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np

from stance.io import atomic_write, write_json

from .evaluate import Evaluation

N_MISTAKES = 10
CONTEXT_CHARS = 300


# ---------------------------------------------------------------- page model and rendering


@dataclass
class Section:
    """A titled part of a page.

    Blocks: ("p", text), ("table", headers, rows), ("list", items), ("img", file, alt).
    """

    title: str
    blocks: list[tuple[Any, ...]] = field(default_factory=list)


def fmt(x: float | None, digits: int = 3) -> str:
    return "–" if x is None else f"{x:.{digits}f}"


def fmt_ci(ci: dict[str, float] | None) -> str:
    return "" if not ci else f"[{ci['low']:.3f}, {ci['high']:.3f}]"


def fmt_p(p: float) -> str:
    return f"{p:.4f}" if p >= 1e-4 else f"{p:.1e}"


def clip(text: str | None, n: int = CONTEXT_CHARS) -> str:
    t = " ".join((text or "").split())
    return t if len(t) <= n else t[: n - 1] + "…"


def text_table(headers: Sequence[str], rows: Sequence[Sequence[Any]]) -> list[str]:
    """Aligned plain-text lines (header, rule, rows) for a terminal."""
    cells = [tuple(str(h) for h in headers)] + [tuple(str(c) for c in r) for r in rows]
    widths = [max(len(r[i]) for r in cells) for i in range(len(cells[0]))]
    lines = ["  ".join(c.ljust(w) for c, w in zip(r, widths)).rstrip() for r in cells]
    lines.insert(1, "  ".join("-" * w for w in widths))
    return lines


def _md_cell(x: Any) -> str:
    return str(x).replace("|", "\\|").replace("\n", " ")


def to_markdown(title: str, sections: Sequence[Section]) -> str:
    lines = [f"# {title}", ""]
    for sec in sections:
        lines += [f"## {sec.title}", ""]
        for block in sec.blocks:
            kind = block[0]
            if kind == "p":
                lines += [block[1], ""]
            elif kind == "table":
                headers, rows = block[1], block[2]
                lines.append("| " + " | ".join(_md_cell(h) for h in headers) + " |")
                lines.append("|" + "---|" * len(headers))
                lines += ["| " + " | ".join(_md_cell(c) for c in row) + " |" for row in rows]
                lines.append("")
            elif kind == "list":
                lines += [f"- {item}" for item in block[1]] + [""]
            elif kind == "img":
                lines += [f"![{block[2]}]({block[1]})", ""]
    return "\n".join(lines).rstrip() + "\n"


_CSS = """
body{font-family:system-ui,-apple-system,Segoe UI,sans-serif;max-width:1000px;margin:2em auto;padding:0 1em;
color:#222;line-height:1.45}
table{border-collapse:collapse;margin:.5em 0 1.2em}td,th{border:1px solid #ccc;padding:.25em .6em;
text-align:left;vertical-align:top}th{background:#f3f3f3}img{max-width:100%;margin:.5em 0}
h2{border-bottom:1px solid #ddd;padding-bottom:.2em;margin-top:1.6em}li{margin:.4em 0}
"""


def to_html(title: str, sections: Sequence[Section]) -> str:
    e = html.escape
    out = ["<!DOCTYPE html>", '<html lang="en"><head><meta charset="utf-8">', f"<title>{e(title)}</title>",
           f"<style>{_CSS}</style></head><body>", f"<h1>{e(title)}</h1>"]
    for sec in sections:
        out.append(f"<h2>{e(sec.title)}</h2>")
        for block in sec.blocks:
            kind = block[0]
            if kind == "p":
                out.append(f"<p>{e(block[1])}</p>")
            elif kind == "table":
                out.append("<table><tr>" + "".join(f"<th>{e(str(h))}</th>" for h in block[1]) + "</tr>")
                out += ["<tr>" + "".join(f"<td>{e(str(c))}</td>" for c in row) + "</tr>" for row in block[2]]
                out.append("</table>")
            elif kind == "list":
                out.append("<ul>" + "".join(f"<li>{e(str(i))}</li>" for i in block[1]) + "</ul>")
            elif kind == "img":
                out.append(f'<img src="{e(block[1])}" alt="{e(block[2])}">')
    out.append("</body></html>")
    return "\n".join(out) + "\n"


def write_page(out: Path, stem: str, title: str, sections: Sequence[Section]) -> dict[str, Path]:
    paths = {"markdown": out / f"{stem}.md", "html": out / f"{stem}.html"}
    with atomic_write(paths["markdown"]) as fh:
        fh.write(to_markdown(title, sections))
    with atomic_write(paths["html"]) as fh:
        fh.write(to_html(title, sections))
    return paths


# ---------------------------------------------------------------- plots


def new_figure(width: float, height: float, **subplots: Any) -> tuple[Any, Any]:
    """A Figure on an Agg canvas with its axes; no pyplot, no global backend."""
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure

    fig = Figure(figsize=(width, height), dpi=110, layout="constrained")
    FigureCanvasAgg(fig)
    return fig, fig.subplots(**subplots)


def save(fig: Any, path: Path) -> Path:
    with atomic_write(path, "wb") as fh:
        fig.savefig(fh, format="png")
    return path


def plot_confusion(m: dict[str, Any], path: Path) -> Path:
    """Counts in each cell, colour by the row share, so rare gold classes are as visible as common ones."""
    labels, mat = m["confusion"]["labels"], np.array(m["confusion"]["matrix"], dtype=float)
    share = mat / np.maximum(mat.sum(axis=1, keepdims=True), 1)
    fig, ax = new_figure(4.8, 4.0)
    im = ax.imshow(share, cmap="Blues", vmin=0, vmax=1)
    for i in range(len(labels)):
        for j in range(len(labels)):
            colour = "white" if share[i, j] > 0.5 else "black"
            ax.text(j, i, f"{int(mat[i, j])}", ha="center", va="center", color=colour)
    ax.set_xticks(range(len(labels)), labels, rotation=20)
    ax.set_yticks(range(len(labels)), labels)
    ax.set_xlabel("predicted")
    ax.set_ylabel("gold")
    fig.colorbar(im, ax=ax, label="share of gold row")
    return save(fig, path)


def plot_per_class(m: dict[str, Any], path: Path) -> Path:
    labels = list(m["per_class"])
    x = np.arange(len(labels))
    fig, ax = new_figure(6.0, 3.6)
    for k, (key, name) in enumerate((("precision", "precision"), ("recall", "recall"), ("f1", "F1"))):
        vals = np.array([m["per_class"][lab][key] for lab in labels])
        err = None
        if key == "f1" and all("f1_ci95" in m["per_class"][lab] for lab in labels):
            ci = [m["per_class"][lab]["f1_ci95"] for lab in labels]
            lo, hi = np.array([c["low"] for c in ci]), np.array([c["high"] for c in ci])
            err = np.array([np.maximum(vals - lo, 0), np.maximum(hi - vals, 0)])
        ax.bar(x + (k - 1) * 0.27, vals, 0.27, label=name, yerr=err, capsize=3)
    ax.set_xticks(x, labels)
    ax.set_ylabel("score")
    ax.set_ylim(0, 1.2)
    ax.set_yticks(np.linspace(0, 1, 6))
    ax.legend(loc="upper center", ncols=3, fontsize="small")
    ax.set_title("per class (F1 with 95% bootstrap interval)", fontsize="medium")
    return save(fig, path)


def reliability_bins(conf: np.ndarray, correct: np.ndarray, n_bins: int = 10) -> list[tuple[float, float, int]]:
    """(mean confidence, accuracy, count) per equal-width bin, the bins `expected_calibration_error` uses."""
    edges = np.linspace(0.0, 1.0, n_bins + 1)
    out = []
    for lo, hi in zip(edges[:-1], edges[1:]):
        mask = (conf > lo) & (conf <= hi) if lo > 0 else (conf >= lo) & (conf <= hi)
        if mask.any():
            out.append((float(conf[mask].mean()), float(correct[mask].mean()), int(mask.sum())))
    return out


def plot_reliability(ev: Evaluation, path: Path, n_bins: int = 10) -> Path:
    conf = np.array([p.scores[p.label] for p in ev.predictions], dtype=float)
    correct = np.array([p.label == e.label for p, e in zip(ev.predictions, ev.examples)], dtype=float)
    bins = reliability_bins(conf, correct, n_bins)
    fig, (ax, hx) = new_figure(4.8, 5.0, nrows=2, sharex=True, height_ratios=[3, 1])
    ax.plot([0, 1], [0, 1], "--", color="grey", label="perfect calibration")
    if bins:
        c, a, _ = zip(*bins)
        ax.plot(c, a, "o-", label="model")
    hx.hist(conf, bins=np.linspace(0.0, 1.0, n_bins + 1), rwidth=0.85)
    ax.set_ylabel("accuracy")
    ax.set_ylim(0, 1.02)
    ax.legend(loc="upper left", fontsize="small")
    ax.set_title(f"reliability (ECE {ev.metrics.get('ece', 0.0):.3f})", fontsize="medium")
    hx.set_xlabel("confidence of the predicted label")
    hx.set_ylabel("examples")
    hx.set_xlim(0, 1)
    return save(fig, path)


# ---------------------------------------------------------------- the evaluation report


def _breakdown_table(bd: dict[str, Any], what: str) -> list[tuple[Any, ...]]:
    rows = [(r["group"], r["support"], fmt(r["accuracy"]), fmt(r["macro_f1"])) for r in bd["rows"]]
    note = f"Top {len(rows)} of {bd['groups']} {what}s by support; macro-F1 only with ≥5 examples and two gold classes."
    return [("p", note), ("table", (what, "support", "accuracy", "macro-F1"), rows)]


def _sensitivity_blocks(ts: dict[str, Any] | None) -> list[tuple[Any, ...]]:
    if not ts:
        return [("p", "Not run.")]
    rows = []
    variants = (("masked", f"target → “{ts['placeholder']}”"), ("swapped", "target → another target of the set"))
    for name, desc in variants:
        v = ts.get(name)
        if v is None:
            rows.append((name, desc, "–", "–", "–", "needs two or more targets"))
            continue
        by = ", ".join(f"{k} {x:.0%}" for k, x in v["change_rate_by_original_label"].items())
        rows.append((name, desc, v["changed"], f"{v['change_rate']:.1%}", fmt(v["mean_score_shift"]), by))
    return [
        ("p", "The same examples relabelled with only the target changed. A stance model should change some "
              "labels; near 0% means it labels the quote's tone and ignores the target."),
        ("table", ("variant", "what changes", "labels changed", "rate", "mean score shift (TV)",
                   "rate by original label"), rows),
    ]


def _mistakes(ev: Evaluation, n: int) -> list[str]:
    wrong = [(p.scores[p.label], ex, p) for ex, p in zip(ev.examples, ev.predictions) if p.label != ex.label]
    wrong.sort(key=lambda t: -t[0])
    items = []
    for conf, ex, p in wrong[:n]:
        head = f"{ex.target} · gold {ex.label} · predicted {p.label} ({conf:.2f})"
        who = f" · speaker {ex.speaker}" if ex.speaker else ""
        ctx = f" — context: {clip(ex.context)}" if ex.context else ""
        items.append(f"{head}{who} — “{clip(ex.quote)}”{ctx}")
    return items or ["(none)"]


def sections(ev: Evaluation, images: dict[str, str], n_mistakes: int = N_MISTAKES) -> list[Section]:
    m = ev.metrics
    ci = m.get("ci95", {})
    labels = list(m["per_class"])
    summary = [
        ("p", f"Data: {m['data']} ({m['n']} examples); {m.get('truncated', 0)} had their context cut to fit."),
        ("table", ("metric", "value", "95% interval"), [
            ("macro-F1", fmt(m["macro_f1"]), fmt_ci(ci.get("macro_f1"))),
            ("accuracy", fmt(m["accuracy"]), fmt_ci(ci.get("accuracy"))),
            ("expected calibration error", fmt(m.get("ece", 0.0)), ""),
        ]),
        ("p", f"Intervals: percentile bootstrap over examples, {ci.get('n_boot', 0)} resamples, "
              f"seed {ci.get('seed')}."),
    ]
    per_class = [(lab, fmt(v["precision"]), fmt(v["recall"]), fmt(v["f1"]), fmt_ci(v.get("f1_ci95")), v["support"])
                 for lab, v in m["per_class"].items()]
    conf_rows = [(lab, *row) for lab, row in zip(m["confusion"]["labels"], m["confusion"]["matrix"])]
    return [
        Section("Summary", summary),
        Section("Per class", [("table", ("label", "precision", "recall", "F1", "F1 95% interval", "support"),
                                per_class), ("img", images["per_class"], "per-class precision, recall and F1")]),
        Section("Confusion (rows gold, columns predicted)", [("table", ("gold \\ pred", *labels), conf_rows),
                                                             ("img", images["confusion"], "confusion matrix")]),
        Section("Calibration", [("img", images["reliability"], "reliability diagram")]),
        Section("By target", _breakdown_table(m["by_target"], "target") if "by_target" in m else []),
        Section("By speaker", _breakdown_table(m["by_speaker"], "speaker") if "by_speaker" in m else []),
        Section("Target sensitivity", _sensitivity_blocks(m.get("target_sensitivity"))),
        Section(f"Most confident mistakes (top {n_mistakes})", [("list", _mistakes(ev, n_mistakes))]),
    ]


def markdown(ev: Evaluation, n_mistakes: int = N_MISTAKES) -> str:
    """The Markdown page alone (image links assume the default PNG names beside it)."""
    return to_markdown(f"Evaluation of {ev.model}", sections(ev, IMAGES, n_mistakes))


IMAGES = {"confusion": "confusion.png", "per_class": "per_class.png", "reliability": "reliability.png"}


def write_report(ev: Evaluation, out_dir: str | Path) -> dict[str, Path]:
    """metrics.json, report.md, report.html and the three PNG plots in `out_dir`."""
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    paths = {"metrics": out / "metrics.json"}
    write_json(paths["metrics"], ev.metrics)
    plot_confusion(ev.metrics, out / IMAGES["confusion"])
    plot_per_class(ev.metrics, out / IMAGES["per_class"])
    plot_reliability(ev, out / IMAGES["reliability"])
    paths.update(write_page(out, "report", f"Evaluation of {ev.model}", sections(ev, IMAGES)))
    paths.update({k: out / v for k, v in IMAGES.items()})
    return paths
