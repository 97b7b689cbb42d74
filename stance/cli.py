"""The `stance` command: parsing, progress, exit codes. The only module that prints.

User errors end in one line on stderr and exit status 2; `--debug` shows the traceback.
The training and evaluation packages are imported lazily, by the commands that need them.
"""

from __future__ import annotations

import argparse
import logging
import sys
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from . import __version__
from .backends import BACKENDS
from .errors import ModelNotFoundError, NothingUsableError, StanceError

EXIT_USAGE = 2


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # one line, exit 2, like every other user error
        self.print_usage(sys.stderr)
        self.exit(EXIT_USAGE, f"stance: error: {message}\n")


def _notice(msg: str) -> None:
    print(msg, file=sys.stderr, flush=True)


def _tqdm(total: int | None, desc: str, unit: str) -> Any:
    from tqdm.auto import tqdm

    return tqdm(total=total, desc=desc, unit=unit, disable=None, file=sys.stderr)


def _load_classifier(model: str | None, threads: int | None = None, backend: str = "torch") -> Any:
    from .classify import StanceClassifier

    return StanceClassifier.from_pretrained(model or ensure_default_model(), num_threads=threads, backend=backend)


def ensure_default_model() -> Path:
    """The cached default model; trained from `configs/default.yaml` on first use."""
    from .models import default_model_dir, default_models_root
    from .paths import default_config

    try:
        return default_model_dir()
    except ModelNotFoundError:
        pass
    from training.config import load_config
    from training.train import train

    cfg_path = default_config()
    _notice(f"stance: no default model cached; training one from {cfg_path} (once; about 4-8 minutes on 2 CPU cores)")
    result = train(load_config(cfg_path), output_root=default_models_root())
    dev = result.metrics.get("dev", {}).get("macro_f1")
    extra = f", dev macro-F1 {dev:.3f}" if dev is not None else ""
    _notice(f"stance: default model stored in {result.path} ({result.seconds:.0f} s{extra})")
    return result.path


def _positive(text: str) -> int:
    return _int_at_least(text, 1)


def _non_negative(text: str) -> int:
    return _int_at_least(text, 0)


def _int_at_least(text: str, low: int) -> int:
    try:
        value = int(text, 10)
    except ValueError:
        raise argparse.ArgumentTypeError(f"invalid int value: {text!r}") from None
    if value < low:
        raise argparse.ArgumentTypeError(f"must be at least {low}, got {value}")
    return value


def _target_name(text: str) -> str:
    """A target is named: an empty --target would label every quote toward nothing, where a
    quote record with an empty target is refused."""
    name = " ".join(text.split())
    if not name:
        raise argparse.ArgumentTypeError("must be a non-empty name")
    return name


def _lexicon(path: str | None) -> Any:
    from .targets import TargetLexicon

    try:
        return TargetLexicon.load(path)
    except UnicodeDecodeError as err:
        raise StanceError(f"target lexicon is not valid UTF-8 text ({err.reason}); re-save it as UTF-8", path) from None


def cmd_segment(args: argparse.Namespace) -> int:
    from .io import JSONL_SUFFIXES, atomic_write, dumps_line
    from .pipeline import Problem, Summary, segment_file

    out = Path(args.output)
    if out.suffix.lower() not in JSONL_SUFFIXES:
        raise StanceError("quote records (nested: parts, speaker mention, cue) are written as JSON Lines; "
                          "name the output .jsonl (`stance label` writes CSV and Parquet rows)", out)
    if out.exists() and not args.overwrite:
        raise StanceError("output exists; pass --overwrite to replace it", out)
    n_quotes, problems = 0, []
    summary = Summary()
    bar = _tqdm(None, "segmenting", "quote")
    with atomic_write(out) as fh:
        for item in segment_file(args.input, _lexicon(args.targets), on_error=args.on_error, summary=summary):
            if isinstance(item, Problem):
                problems.append(item)
                continue
            fh.write(dumps_line(item.to_dict()))
            n_quotes += 1
            bar.update(1)
        if problems and not summary.articles:  # nothing usable: an error, and no output written
            raise NothingUsableError(problems)
    bar.close()
    for p in problems:
        _notice(f"stance: skipped {p}")
    _notice(f"stance: {n_quotes} quotes from {summary.articles} articles written to {out}; {len(problems)} skipped")
    return 0


def _print_table(rows: list[dict[str, Any]], limit: int, total: int | None = None) -> None:
    headers = ("speaker", "target", "label", "conf", "quote")
    data = []
    for r in rows[:limit]:
        quote = " ".join(r["text"].split())
        data.append(
            (
                (r.get("speaker") or (r.get("speaker_mention") or {}).get("text") or "?")[:28],
                r["target"][:22],
                r["label"],
                f"{r['scores'][r['label']]:.2f}",
                quote[:60] + ("…" if len(quote) > 60 else ""),
            )
        )
    widths = [max([len(h)] + [len(row[i]) for row in data]) for i, h in enumerate(headers)]
    line = "  ".join(h.ljust(w) for h, w in zip(headers, widths))
    print(line)
    print("  ".join("-" * w for w in widths))
    for row in data:
        print("  ".join(c.ljust(w) for c, w in zip(row, widths)))
    total = len(rows) if total is None else total
    if total > limit:
        print(f"... {total - limit} more rows")


def cmd_label(args: argparse.Namespace) -> int:
    from .io import check_readable, iter_records
    from .pipeline import Labeller, check_output, same_file
    from .sinks import sink_for

    if args.resume and args.overwrite:
        raise StanceError("--resume and --overwrite contradict each other; pick one")
    if args.engine == "ray":
        return _label_with_ray(args)
    # Bad input or output paths fail before the model loads (or the default model trains).
    sink_for(args.output, ())
    check_readable(Path(args.input))
    reader = iter_records(args.input)  # an unknown input format, or a folder with no .txt, fails here
    getattr(reader, "close", lambda: None)()
    if same_file(args.input, Path(args.output)):
        raise StanceError("the output is the input file; write the rows somewhere else", args.output)
    check_output(Path(args.output), args.resume, args.overwrite)
    classifier = _load_classifier(args.model, args.threads, args.backend)
    labeller = Labeller(
        classifier,
        lexicon=_lexicon(args.targets),
        targets=args.target,
        chunk_size=args.chunk_size,
        batch_size=args.batch_size,
    )
    from .io import count_records

    bar = _tqdm(count_records(args.input) if sys.stderr.isatty() else None, "labelling", "record")
    summary = labeller.run(
        args.input, args.output, resume=args.resume, overwrite=args.overwrite,
        on_error=args.on_error, on_progress=bar.update, keep=args.show,
    )
    bar.close()
    if args.show:
        _print_table(summary.head, args.show, total=summary.rows)
    _report_skipped(summary.skipped)
    resumed = f", resumed after {summary.resumed_from} records" if summary.resumed_from else ""
    _notice(
        f"stance: {summary.articles} articles, {summary.quote_records} quote records, {summary.quotes} quotes, "
        f"{summary.rows} rows written to {args.output} with {classifier.model_id}; "
        f"{len(summary.skipped)} skipped; {summary.seconds:.1f} s{resumed}"
    )
    return 0


def _report_skipped(skipped: Sequence[Any]) -> None:
    for p in skipped[:20]:
        _notice(f"stance: skipped {p}")
    if len(skipped) > 20:
        _notice(f"stance: ... and {len(skipped) - 20} more skipped records")


def _label_with_ray(args: argparse.Namespace) -> int:
    from .distributed import label_with_ray
    from .io import check_readable

    if args.resume:
        raise StanceError("--resume is for the local engine; a Ray run rewrites its output directory")
    check_readable(Path(args.input))
    model = args.model or str(ensure_default_model())
    summary = label_with_ray(
        args.input, args.output, model=model, backend=args.backend, targets=args.target,
        lexicon_path=args.targets, on_error=args.on_error, overwrite=args.overwrite,
        batch_size=args.batch_size, chunk_size=args.chunk_size, address=args.ray_address,
        actors=args.ray_actors, threads=args.threads or 1,
    )
    _report_skipped(summary.skipped)
    for p in summary.warnings[:20]:
        _notice(f"stance: warning: {p}")
    n = len(summary.warnings)
    warned = f"; {n} warning{'s' if n > 1 else ''}" if n else ""
    _notice(
        f"stance: {summary.articles} articles, {summary.quote_records} quote records, {summary.quotes} quotes, "
        f"{summary.rows} rows written to {args.output}/ with Ray; {len(summary.skipped)} skipped{warned}; "
        f"{summary.seconds:.1f} s"
    )
    return 0


def cmd_train(args: argparse.Namespace) -> int:
    from training.config import load_config
    from training.train import train

    cfg = load_config(args.config, args.set)
    tracker = _tracker(args.mlflow)
    result = train(cfg, output_root=args.output_dir)
    for split in ("validation", "dev"):
        if split in result.metrics:
            m = result.metrics[split]
            _notice(f"stance: {split} macro-F1 {m['macro_f1']:.3f} (n={m['n']}), ECE {m.get('ece', 0):.3f}")
    _notice(f"stance: trained in {result.seconds:.0f} s")
    print(result.path)
    if tracker:
        run_id = tracker.log_training(cfg.to_dict(), result.metrics, result.path)
        _notice(f"stance: logged to MLflow {tracker.uri}, experiment {tracker.experiment}, run {run_id}")
    return 0


def _tracker(uri: str | None) -> Any:
    if uri is None:
        return None
    from evaluation.tracking import Tracker

    return Tracker(uri)


def cmd_evaluate(args: argparse.Namespace) -> int:
    from evaluation.evaluate import evaluate
    from evaluation.report import write_report

    from .io import read_examples

    if args.bootstrap < 1:
        raise StanceError("--bootstrap must be at least 1")
    tracker = _tracker(args.mlflow)
    examples = read_examples(args.data)
    classifier = _load_classifier(args.model, args.threads)
    if any(e.label not in classifier.labels for e in examples):
        read_examples(args.data, labels=classifier.labels)  # names the first such label's line
    report_dir = Path(args.report or Path("reports") / f"{classifier.config.name}-{classifier.config.version}")
    if (report_dir / "metrics.json").exists() and not args.overwrite:
        raise StanceError("report exists; pass --overwrite to replace it", report_dir / "metrics.json")
    passes = 1 if args.no_sensitivity else 3
    bar = _tqdm(passes * len(examples), "evaluating", "example")
    ev = evaluate(classifier, examples, str(args.data), progress=bar.update, n_boot=args.bootstrap, seed=args.seed,
                  sensitivity=not args.no_sensitivity)
    bar.close()
    paths = write_report(ev, report_dir)
    m = ev.metrics
    ci = m["ci95"]
    print(f"model      {ev.model}")
    print(f"data       {args.data} ({m['n']} examples)")
    print(f"macro-F1   {m['macro_f1']:.3f}  95% [{ci['macro_f1']['low']:.3f}, {ci['macro_f1']['high']:.3f}]")
    print(f"accuracy   {m['accuracy']:.3f}  95% [{ci['accuracy']['low']:.3f}, {ci['accuracy']['high']:.3f}]")
    print(f"ECE        {m['ece']:.3f}")
    for lab, v in m["per_class"].items():
        print(f"  {lab:<13} P {v['precision']:.3f}  R {v['recall']:.3f}  F1 {v['f1']:.3f}  n={v['support']}")
    for name, v in (m.get("target_sensitivity") or {}).items():
        if isinstance(v, dict):
            print(f"target {name:<8} labels changed {v['change_rate']:.1%}")
    print(f"metrics    {paths['metrics']}")
    print(f"report     {paths['markdown']}")
    print(f"html       {paths['html']}")
    if tracker:
        settings = {"n_boot": args.bootstrap, "seed": args.seed, "sensitivity": not args.no_sensitivity}
        run_id = tracker.log_evaluation(m, classifier.path, ev.model, str(args.data), settings, paths.values())
        _notice(f"stance: logged to MLflow {tracker.uri}, experiment {tracker.experiment}, run {run_id}")
    return 0


def cmd_compare(args: argparse.Namespace) -> int:
    from evaluation.compare import check_schemes, compare, format_leaderboard, write_compare

    from .classify import StanceClassifier
    from .io import read_examples

    if len(args.models) < 2:
        raise StanceError("compare needs at least two model directories")
    if args.bootstrap < 1:
        raise StanceError("--bootstrap must be at least 1")
    report_dir = Path(args.report or "reports/compare")
    if (report_dir / "compare.json").exists() and not args.overwrite:
        raise StanceError("report exists; pass --overwrite to replace it", report_dir / "compare.json")
    classifiers = [StanceClassifier.from_pretrained(m, num_threads=args.threads) for m in args.models]
    examples = read_examples(args.data)
    labels = check_schemes(classifiers, args.models)
    if any(e.label not in labels for e in examples):
        read_examples(args.data, labels=labels)  # names the first such label's line
    bar = _tqdm(len(classifiers) * len(examples), "comparing", "example")
    result = compare(classifiers, args.models, examples, str(args.data), n_boot=args.bootstrap, seed=args.seed,
                     progress=bar.update)
    bar.close()
    paths = write_compare(result, report_dir)
    print(format_leaderboard(result))
    print(f"json       {paths['json']}")
    print(f"report     {paths['html']}")
    return 0


def cmd_evaluate_segmentation(args: argparse.Namespace) -> int:
    from evaluation import segmentation

    if args.output and Path(args.output).exists() and not args.overwrite:
        raise StanceError("output exists; pass --overwrite to replace it", args.output)
    result = segmentation.evaluate_path(args.gold, args.pred, args.articles, _lexicon(args.targets), args.mixed)
    for warning in result["warnings"]:
        _notice(f"stance: warning: {warning}")
    print(segmentation.format_report(result))
    if args.output:
        from .io import write_json

        write_json(args.output, result)
        print(f"scores written to {args.output}")
    return 0


def cmd_evaluate_pipeline(args: argparse.Namespace) -> int:
    from evaluation.pipeline_eval import evaluate_pipeline, format_summary, write_pipeline_report

    if args.bootstrap < 0:
        raise StanceError("--bootstrap must be at least 0")
    classifier = _load_classifier(args.model, args.threads)
    report_dir = Path(args.report or Path("reports") / f"pipeline-{classifier.config.name}-{classifier.config.version}")
    if (report_dir / "metrics.json").exists() and not args.overwrite:
        raise StanceError("report exists; pass --overwrite to replace it", report_dir / "metrics.json")
    ev = evaluate_pipeline(classifier, args.gold, args.articles, _lexicon(args.targets), args.mixed,
                           batch_size=args.batch_size, n_boot=args.bootstrap, seed=args.seed)
    paths = write_pipeline_report(ev, report_dir)
    print(format_summary(ev.metrics))
    print(f"metrics    {paths['metrics']}")
    print(f"report     {paths['markdown']}")
    return 0


def cmd_models(args: argparse.Namespace) -> int:
    from .models import default_models_root, find_versions

    roots = [Path(r) for r in args.root] if args.root else [Path("models"), default_models_root()]
    for r in args.root or []:
        if not Path(r).exists():
            raise StanceError("no such directory", r)
        if not Path(r).is_dir():
            raise StanceError("not a directory (--root takes a folder of model directories)", r)
    found = []
    for root in roots:
        try:
            found.extend(find_versions([root]))
        except ValueError as err:  # a malformed stance_config.json or metrics.json under the root
            raise StanceError(f"malformed model metadata (stance_config.json or metrics.json): {err}", root) from None
    if not found:
        print("no trained models under " + ", ".join(str(r) for r in roots))
        return 0
    print(f"{'model':<24} {'base':<22} {'created':<26} {'dev F1':>6}  data / path")
    for v in found:
        f1 = f"{v.dev_macro_f1:.3f}" if v.dev_macro_f1 is not None else "-"
        print(f"{v.name + '@' + v.version:<24} {v.base[:22]:<22} {v.created:<26} {f1:>6}  {v.data}")
        print(f"{'':<24} {v.path}")
    return 0


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="stance", description="Find quotes in news and label their stance toward targets.")
    parser.add_argument("--version", action="version", version=f"stance {__version__}")
    parser.add_argument("--debug", action="store_true", help="show tracebacks and debug logs")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)

    p = sub.add_parser("segment", help="articles to quote records")
    p.add_argument("input", help="articles: .jsonl, .csv, .parquet, a .txt file or a directory of .txt, or -")
    p.add_argument("-o", "--output", required=True, help="quote records (.jsonl)")
    p.add_argument("--targets", help="target lexicon YAML (default: configs/targets.yaml)")
    p.add_argument("--on-error", choices=("skip", "fail"), default="skip")
    p.add_argument("--overwrite", action="store_true", help="replace an existing output")
    p.set_defaults(func=cmd_segment)

    p = sub.add_parser("label", help="articles or quote records to stance rows")
    p.add_argument("input", help="articles or quote records: .jsonl, .csv, .parquet, .txt, a directory, or -")
    p.add_argument("-o", "--output", required=True,
                   help="stance rows: .jsonl, .csv or .parquet by extension (a directory with --engine ray)")
    p.add_argument("--model", help="model directory (default: the cached default model, trained on first use)")
    p.add_argument("--target", action="append", type=_target_name, metavar="NAME",
                   help="label toward this target (repeatable)")
    p.add_argument("--targets", metavar="FILE.yaml", help="target lexicon (default: configs/targets.yaml)")
    p.add_argument("--resume", action="store_true", help="continue an interrupted run into the same output")
    p.add_argument("--overwrite", action="store_true", help="replace an existing output")
    p.add_argument("--on-error", choices=("skip", "fail"), default="skip", help="bad records: skip (default) or stop")
    p.add_argument("--engine", choices=("local", "ray"), default="local",
                   help="local (default) or ray: Ray Data across a cluster (README, 'Labelling on a Ray cluster')")
    p.add_argument("--backend", choices=BACKENDS, default="auto",
                   help="onnx: the same weights through ONNX Runtime, faster on a CPU, most of all a shared one "
                        "(exported once); torch: PyTorch; auto (default): onnx when ONNX Runtime is installed, "
                        "else torch; int8: the ONNX export with int8 weight products, about 1.3x faster than "
                        "onnx, labels differing from it on under 1%% of pairs")
    p.add_argument("--ray-address", metavar="ADDR",
                   help="Ray cluster to join (default: $RAY_ADDRESS, else a local Ray started for this run)")
    p.add_argument("--ray-actors", type=_positive, metavar="N",
                   help="model replicas (default: one per CPU of the cluster, less one for the reads)")
    p.add_argument("--batch-size", type=_positive, default=32)
    p.add_argument("--chunk-size", type=_positive, default=256, help="input records per written chunk")
    p.add_argument("--threads", type=_positive, help="inference threads (default: all cores)")
    p.add_argument("--show", type=_non_negative, default=0, metavar="N", help="print the first N rows as a table")
    p.set_defaults(func=cmd_label)

    p = sub.add_parser("train", help="fine-tune a model from a YAML config")
    p.add_argument("config", help="run config (.yaml)")
    p.add_argument("--set", action="append", default=[], metavar="KEY=VALUE", help="override a config key")
    p.add_argument("--output-dir", help="root of model directories (default: the config's output_dir)")
    p.add_argument("--mlflow", nargs="?", const="./mlruns", metavar="URI",
                   help="log the run to MLflow (default store ./mlruns; put it after CONFIG or write --mlflow=URI)")
    p.set_defaults(func=cmd_train)

    p = sub.add_parser("evaluate", help="metrics of a model on an annotated set")
    p.add_argument("--model", help="model directory (default: the default model)")
    p.add_argument("--data", required=True, help="annotated examples (.jsonl, .csv, .parquet)")
    p.add_argument("--report", help="report directory (default: reports/<name>-<version>)")
    p.add_argument("--overwrite", action="store_true", help="replace an existing report")
    p.add_argument("--threads", type=_positive)
    p.add_argument("--bootstrap", type=_positive, default=1000, metavar="N", help="bootstrap resamples (default 1000)")
    p.add_argument("--seed", type=int, default=0, help="seed of the bootstrap and of target swapping")
    p.add_argument("--no-sensitivity", action="store_true", help="skip the masked/swapped-target check")
    p.add_argument("--mlflow", nargs="?", const="./mlruns", metavar="URI",
                   help="log the evaluation to MLflow (default store ./mlruns)")
    p.set_defaults(func=cmd_evaluate)

    p = sub.add_parser("compare", help="models on the same examples with paired significance tests")
    p.add_argument("models", nargs="+", metavar="MODEL_DIR", help="two or more model directories")
    p.add_argument("--data", required=True, help="annotated examples (.jsonl, .csv, .parquet)")
    p.add_argument("--report", help="report directory (default: reports/compare)")
    p.add_argument("--overwrite", action="store_true", help="replace an existing report")
    p.add_argument("--threads", type=_positive)
    p.add_argument("--bootstrap", type=_positive, default=1000, metavar="N", help="bootstrap resamples (default 1000)")
    p.add_argument("--seed", type=int, default=0, help="bootstrap seed")
    p.set_defaults(func=cmd_compare)

    p = sub.add_parser("evaluate-segmentation", help="quote extraction scores against gold attributions")
    p.add_argument("--gold", required=True, help="PolNeAR brat folder or gold quotes JSONL")
    p.add_argument("--pred", help="predicted quotes JSONL (default: segment the gold articles now)")
    p.add_argument("--articles", help="articles JSONL for a gold quotes JSONL (default: found beside it)")
    p.add_argument("--targets", help="target lexicon YAML")
    p.add_argument("--mixed", choices=("content", "fragment"), default="content",
                   help="mixed-quote span: whole reported content (guidelines) or the quoted words only")
    p.add_argument("-o", "--output", help="write the scores as JSON")
    p.add_argument("--overwrite", action="store_true", help="replace an existing output")
    p.set_defaults(func=cmd_evaluate_segmentation)

    p = sub.add_parser("evaluate-pipeline", help="the whole pipeline from raw articles against gold stance quotes")
    p.add_argument("--gold", required=True, help="gold quotes JSONL with per-target stances")
    p.add_argument("--articles", help="articles JSONL of the gold quotes (default: found beside them)")
    p.add_argument("--model", help="model directory (default: the default model)")
    p.add_argument("--report", help="report directory (default: reports/pipeline-<name>-<version>)")
    p.add_argument("--targets", help="target lexicon YAML (default: configs/targets.yaml)")
    p.add_argument("--mixed", choices=("content", "fragment"), default="content",
                   help="mixed-quote span as `stance label` cuts it (content) or the quoted words only (fragment)")
    p.add_argument("--overwrite", action="store_true", help="replace an existing report")
    p.add_argument("--threads", type=_positive)
    p.add_argument("--batch-size", type=_positive, default=32)
    p.add_argument("--bootstrap", type=_non_negative, default=1000, metavar="N",
                   help="article resamples for intervals (0: none)")
    p.add_argument("--seed", type=int, default=0, help="bootstrap seed")
    p.set_defaults(func=cmd_evaluate_pipeline)

    p = sub.add_parser("models", help="trained versions with base, data, date and dev macro-F1")
    p.add_argument("--root", action="append", help="model root to list (default: ./models and the cache)")
    p.set_defaults(func=cmd_models)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.DEBUG if args.debug else logging.WARNING, format="%(name)s: %(message)s")
    if not getattr(args, "func", None):
        parser.print_help(sys.stderr)
        return EXIT_USAGE
    started = time.time()
    try:
        return int(args.func(args) or 0)
    except StanceError as err:
        if args.debug:
            raise
        if isinstance(err, NothingUsableError):
            _report_skipped(err.skipped)
        print(f"stance: error: {err}", file=sys.stderr)
        return EXIT_USAGE
    except KeyboardInterrupt:
        print(f"stance: interrupted after {time.time() - started:.0f} s", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return 0
    except OSError as err:  # the system refused a file (permission, full disk, a folder where a file goes)
        if args.debug:
            raise
        where = f"{err.filename}: " if err.filename else ""
        print(f"stance: error: {where}{err.strerror or err}", file=sys.stderr)
        return EXIT_USAGE
    except Exception as err:  # a bug, not the user's fault: say so in one line, keep the trace for --debug
        if args.debug:
            raise
        print(f"stance: internal error: {type(err).__name__}: {err} (rerun with --debug for the traceback)",
              file=sys.stderr)
        return 1


if __name__ == "__main__":
    sys.exit(main())
