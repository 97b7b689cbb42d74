"""The model card written beside every trained version, in the Hugging Face README convention."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from stance.classify import StanceConfig

from .config import RunConfig


def _fmt(x: Any) -> str:
    return f"{x:.3f}" if isinstance(x, float) else str(x)


def _metrics_table(m: dict[str, Any]) -> str:
    rows = ["| label | precision | recall | F1 | support |", "|---|---|---|---|---|"]
    for lab, v in m.get("per_class", {}).items():
        rows.append(f"| {lab} | {_fmt(v['precision'])} | {_fmt(v['recall'])} | {_fmt(v['f1'])} | {v['support']} |")
    return "\n".join(rows)


def model_card(stance_cfg: StanceConfig, cfg: RunConfig, metrics: dict[str, Any], files: dict[str, str]) -> str:
    """Intended use, data, metrics and limitations, so a version can be judged without its run log."""
    lines = [
        "---",
        "library_name: transformers",
        "pipeline_tag: text-classification",
        "tags: [stance, news, quotes]",
        "---",
        f"# {stance_cfg.name} {stance_cfg.version}",
        "",
        "Labels the stance of a quoted statement toward a target as "
        + ", ".join(f"**{lab}**" for lab in stance_cfg.labels)
        + ", following the project's annotation guidelines.",
        "",
        "## Intended use",
        "Labelling quotes in news articles (who said what, toward whom) at archive scale, for analysts.",
        "Input: target and speaker as the first segment; the quote and a trimmed context window as the second.",
        "Not for: judging individuals, moderation decisions, or text far from news quotes.",
        "",
        "## Model",
        f"- base encoder: `{stance_cfg.base_model}`",
        f"- max length: {stance_cfg.template.max_length} tokens; context: "
        f"{'on' if stance_cfg.template.use_context else 'off'}; speaker: "
        f"{'on' if stance_cfg.template.use_speaker else 'off'}; target marks: "
        f"{'on' if stance_cfg.template.mark_target else 'off'}",
        f"- temperature (calibration): {stance_cfg.temperature:.3f}",
        f"- seed: {cfg.seed}; epochs: {cfg.train.epochs}; learning rate: {cfg.train.learning_rate}",
        f"- created: {stance_cfg.created}",
        "",
        "## Data",
    ]
    counts = stance_cfg.extra.get("counts", {})
    lines.append(f"- train examples: {counts.get('train')}; validation examples: {counts.get('validation')}")
    lines.append(f"- train by label: {counts.get('train_by_label')}")
    for f, h in sorted(files.items()):
        lines.append(f"- `{Path(f).name}` sha256 `{h[:16]}…`")
    lines += ["", "## Metrics"]
    for split in ("validation", "dev"):
        if split in metrics:
            m = metrics[split]
            lines += [
                f"### {split} (n={m['n']})",
                f"macro-F1 {_fmt(m['macro_f1'])}, accuracy {_fmt(m['accuracy'])}, ECE {_fmt(m.get('ece', '-'))}",
                "",
                _metrics_table(m),
                "",
            ]
    if "ece_before_scaling" in metrics.get("validation", {}):
        v = metrics["validation"]
        lines.append(
            f"Calibration: ECE {_fmt(v['ece_before_scaling'])} before temperature scaling, "
            f"{_fmt(v['ece_after_scaling'])} after (the temperature fitted on this set)"
            + (
                f", {_fmt(v['ece_after_scaling_crossfit'])} with the temperature fitted on the other half."
                if "ece_after_scaling_crossfit" in v
                else "."
            )
        )
    lines += [
        "",
        "## Limitations",
        "- Trained mostly on English wire-style copy; other registers and languages are out of scope.",
        "- Sarcasm, long multi-target quotes and stance expressed only by the journalist are hard cases.",
        "- The label is about the quote's words; what the article says around it is context only.",
        "",
    ]
    return "\n".join(lines)
