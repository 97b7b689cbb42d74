"""Several models on the same examples: a leaderboard with intervals and paired tests for each pair.

Two models' macro-F1 intervals overlap far more often than their difference is in doubt,
because both are scored on the same examples; so the verdict on a pair comes from paired
tests (paired bootstrap on macro-F1, exact McNemar on accuracy), not from the intervals.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from itertools import combinations
from pathlib import Path
from typing import Any

import numpy as np

from stance.errors import StanceError
from stance.io import write_json
from stance.records import Example

from .evaluate import Evaluation, check_labels, evaluate
from .report import Section, fmt, fmt_ci, fmt_p, new_figure, save, text_table, write_page
from .stats import DEFAULT_N_BOOT, DEFAULT_SEED, mcnemar_exact, paired_bootstrap

N_DISAGREE = 20
PLOT = "compare_macro_f1.png"


def check_schemes(classifiers: Sequence[Any], paths: Sequence[str]) -> list[str]:
    """All models must label with the same classes; the first model's order is used for tables."""
    first = list(classifiers[0].labels)
    for clf, path in zip(classifiers[1:], paths[1:]):
        if set(clf.labels) != set(first) or len(clf.labels) != len(first):
            raise StanceError(
                f"label scheme {list(clf.labels)} differs from {list(first)} of {paths[0]}; "
                "models with different labels cannot be compared", path)
    return first


def _names(classifiers: Sequence[Any]) -> list[str]:
    """Model ids, made unique (a model compared with a copy of itself keeps two rows)."""
    seen: dict[str, int] = {}
    out = []
    for clf in classifiers:
        seen[clf.model_id] = seen.get(clf.model_id, 0) + 1
        out.append(clf.model_id if seen[clf.model_id] == 1 else f"{clf.model_id} #{seen[clf.model_id]}")
    return out


def _disagreements(evs: tuple[Evaluation, Evaluation], n: int) -> list[dict[str, Any]]:
    """Where two models label differently, the most confident disagreements first."""
    a, b = evs
    rows = []
    for ex, pa, pb in zip(a.examples, a.predictions, b.predictions):
        if pa.label != pb.label:
            rows.append({"id": ex.id, "target": ex.target, "speaker": ex.speaker, "quote": ex.quote, "gold": ex.label,
                         "a": pa.label, "a_score": pa.scores[pa.label], "b": pb.label, "b_score": pb.scores[pb.label]})
    rows.sort(key=lambda r: -(r["a_score"] + r["b_score"]))
    return rows[:n]


def compare(
    classifiers: Sequence[Any],
    paths: Sequence[str],
    examples: list[Example],
    data_path: str = "",
    n_boot: int = DEFAULT_N_BOOT,
    seed: int = DEFAULT_SEED,
    n_disagree: int = N_DISAGREE,
    progress: Callable[[int], None] | None = None,
) -> dict[str, Any]:
    """Leaderboard (macro-F1 with 95 % intervals) and, for each pair, paired bootstrap and McNemar p."""
    if len(classifiers) < 2:
        raise StanceError("compare needs at least two model directories")
    labels = check_schemes(classifiers, paths)
    check_labels(labels, examples, data_path)
    names = _names(classifiers)
    evs = [evaluate(clf, examples, data_path, progress, n_boot, seed, sensitivity=False) for clf in classifiers]
    gold = [e.label for e in examples]
    models = []
    for name, path, ev in zip(names, paths, evs):
        m = ev.metrics
        models.append({"name": name, "path": str(path), "macro_f1": m["macro_f1"], "accuracy": m["accuracy"],
                       "ci95": m["ci95"], "per_class_f1": {lab: m["per_class"][lab]["f1"] for lab in labels},
                       "ece": m.get("ece")})
    order = sorted(range(len(models)), key=lambda i: -models[i]["macro_f1"])
    pairs = []
    for i, j in combinations(range(len(evs)), 2):
        pa, pb = [p.label for p in evs[i].predictions], [p.label for p in evs[j].predictions]
        boot = paired_bootstrap(gold, pa, pb, labels, n_boot, seed)
        pairs.append({
            "a": names[i], "b": names[j],
            "macro_f1_delta": boot["delta"], "delta_ci95": boot["ci95"], "paired_bootstrap_p": boot["p_value"],
            "mcnemar": mcnemar_exact(gold, pa, pb),
            "per_class_f1_delta": {lab: models[i]["per_class_f1"][lab] - models[j]["per_class_f1"][lab]
                                   for lab in labels},
            "n_disagree": sum(x != y for x, y in zip(pa, pb)),
            "disagreements": _disagreements((evs[i], evs[j]), n_disagree),
        })
    return {"data": data_path, "n": len(examples), "labels": labels, "n_boot": n_boot, "seed": seed,
            "bootstrap_test": "two-sided shifted paired bootstrap on macro-F1 (Berg-Kirkpatrick et al. 2012)",
            "leaderboard": [models[i] for i in order], "pairs": pairs}


def leaderboard_rows(result: dict[str, Any]) -> list[tuple[Any, ...]]:
    return [(rank, m["name"], fmt(m["macro_f1"]), fmt_ci(m["ci95"]["macro_f1"]), fmt(m["accuracy"]),
             fmt_ci(m["ci95"]["accuracy"])) for rank, m in enumerate(result["leaderboard"], start=1)]


LEADERBOARD_HEADERS = ("#", "model", "macro-F1", "95% interval", "accuracy", "95% interval")


def plot_leaderboard(result: dict[str, Any], path: Path) -> Path:
    board = result["leaderboard"]
    fig, ax = new_figure(6.0, 0.6 + 0.5 * len(board))
    y = np.arange(len(board))[::-1]
    f1 = np.array([m["macro_f1"] for m in board])
    lo = np.array([m["ci95"]["macro_f1"]["low"] for m in board])
    hi = np.array([m["ci95"]["macro_f1"]["high"] for m in board])
    ax.errorbar(f1, y, xerr=[np.maximum(f1 - lo, 0), np.maximum(hi - f1, 0)], fmt="o", capsize=4)
    ax.set_yticks(y, [m["name"] for m in board])
    ax.set_xlim(0, 1)
    ax.set_xlabel("macro-F1 (95% bootstrap interval)")
    return save(fig, path)


def _pair_section(p: dict[str, Any], labels: list[str]) -> Section:
    mc = p["mcnemar"]
    blocks: list[tuple[Any, ...]] = [
        ("table", ("statistic", "value"), [
            ("macro-F1 A − B", f"{p['macro_f1_delta']:+.3f} {fmt_ci(p['delta_ci95'])}"),
            ("paired bootstrap p (two-sided)", fmt_p(p["paired_bootstrap_p"])),
            ("McNemar exact p", f"{fmt_p(mc['p_value'])} (A only right {mc['b']}, B only right {mc['c']})"),
            ("examples labelled differently", p["n_disagree"]),
        ]),
        ("table", ("label", "F1 A − B"), [(lab, f"{p['per_class_f1_delta'][lab]:+.3f}") for lab in labels]),
    ]
    if p["disagreements"]:
        rows = [(d["target"], d["gold"], f"{d['a']} ({d['a_score']:.2f})", f"{d['b']} ({d['b_score']:.2f})",
                 " ".join(d["quote"].split())[:200]) for d in p["disagreements"]]
        blocks += [("p", f"Disagreements (up to {len(rows)}, most confident first):"),
                   ("table", ("target", "gold", "A", "B", "quote"), rows)]
    return Section(f"A = {p['a']} vs B = {p['b']}", blocks)


def write_compare(result: dict[str, Any], out_dir: str | Path) -> dict[str, Path]:
    """compare.json, compare.md, compare.html and the macro-F1 plot in `out_dir`."""
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    paths = {"json": out / "compare.json", "plot": out / PLOT}
    write_json(paths["json"], result)
    plot_leaderboard(result, paths["plot"])
    secs = [Section("Leaderboard", [
        ("p", f"Data: {result['data']} ({result['n']} examples). Intervals: percentile bootstrap, "
              f"{result['n_boot']} resamples, seed {result['seed']}. Pair tests: {result['bootstrap_test']}; "
              "McNemar's exact test on correct/incorrect."),
        ("table", LEADERBOARD_HEADERS, leaderboard_rows(result)),
        ("img", PLOT, "macro-F1 per model with 95% intervals"),
    ])] + [_pair_section(p, result["labels"]) for p in result["pairs"]]
    paths.update(write_page(out, "compare", "Model comparison", secs))
    return paths


def format_leaderboard(result: dict[str, Any]) -> str:
    """The leaderboard and pair tests as plain text for the terminal."""
    lines = text_table(LEADERBOARD_HEADERS, leaderboard_rows(result))
    for p in result["pairs"]:
        lines.append(f"{p['a']} vs {p['b']}: macro-F1 {p['macro_f1_delta']:+.3f}, paired bootstrap p "
                     f"{fmt_p(p['paired_bootstrap_p'])}, McNemar p {fmt_p(p['mcnemar']['p_value'])}")
    return "\n".join(lines)
