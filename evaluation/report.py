"""Reports a person reads: a Markdown page beside the machine-readable metrics.json."""

from __future__ import annotations

from pathlib import Path

from stance.io import atomic_write, write_json

from .evaluate import Evaluation


def _f(x: float) -> str:
    return f"{x:.3f}"


def markdown(ev: Evaluation, n_mistakes: int = 10) -> str:
    m = ev.metrics
    labels = list(m["per_class"])
    lines = [
        f"# Evaluation of {ev.model}",
        "",
        f"Data: `{m['data']}` ({m['n']} examples)",
        "",
        f"**macro-F1 {_f(m['macro_f1'])}**, accuracy {_f(m['accuracy'])}, "
        f"expected calibration error {_f(m.get('ece', 0.0))}",
        "",
        "| label | precision | recall | F1 | support |",
        "|---|---|---|---|---|",
    ]
    for lab in labels:
        v = m["per_class"][lab]
        lines.append(f"| {lab} | {_f(v['precision'])} | {_f(v['recall'])} | {_f(v['f1'])} | {v['support']} |")
    lines += ["", "## Confusion (rows gold, columns predicted)", "", "| gold \\ pred | " + " | ".join(labels) + " |",
              "|---" * (len(labels) + 1) + "|"]
    for lab, row in zip(m["confusion"]["labels"], m["confusion"]["matrix"]):
        lines.append(f"| {lab} | " + " | ".join(str(x) for x in row) + " |")
    wrong = [
        (p.scores[p.label], ex, p) for ex, p in zip(ev.examples, ev.predictions) if p.label != ex.label
    ]
    wrong.sort(key=lambda t: -t[0])
    lines += ["", f"## Most confident mistakes (top {min(n_mistakes, len(wrong))})", ""]
    for conf, ex, p in wrong[:n_mistakes]:
        lines.append(f"- **{ex.target}** · gold {ex.label} · predicted {p.label} ({conf:.2f}) — “{ex.quote}”")
    return "\n".join(lines) + "\n"


def write_report(ev: Evaluation, out_dir: str | Path) -> dict[str, Path]:
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    paths = {"metrics": out / "metrics.json", "markdown": out / "report.md"}
    write_json(paths["metrics"], ev.metrics)
    with atomic_write(paths["markdown"]) as fh:
        fh.write(markdown(ev))
    return paths
