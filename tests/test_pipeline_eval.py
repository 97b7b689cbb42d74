"""End-to-end scoring: hand-worked counts for score_pipeline, and `stance evaluate-pipeline` on a tiny model."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest

from evaluation.pipeline_eval import doc_bootstrap, score_pipeline
from stance.cli import main

TEXT = 'Lee said "alpha beta gamma delta epsilon zeta eta theta iota kappa" today. Kim added "one two three four".'


def _span(text: str, words: str) -> dict:
    s = text.index(words)
    return {"start": s, "end": s + len(words), "parts": [[s, s + len(words)]]}


def _rec(doc: str, words: str, stances: list[tuple[str, str]], text: str = TEXT) -> dict:
    return {"doc_id": doc, **_span(text, words), "targets": [t for t, _ in stances],
            "stances": [{"target": t, "label": lab} for t, lab in stances]}


GOLD = [
    _rec("d1", "alpha beta gamma delta epsilon zeta eta theta iota kappa",
         [("United States", "threatening"), ("Iran", "neutral")]),
    _rec("d1", "one two three four", [("China", "conciliatory")]),
]


def test_hand_worked_counts_and_buckets() -> None:
    pred = [
        # 6 of 10 words: overlap 0.6 >= 0.5, matched. "USA" canonicalises to the gold target.
        _rec("d1", "alpha beta gamma delta epsilon zeta", [("USA", "threatening"), ("Japan", "neutral")]),
        # 1 of 4 words: overlap 0.25 < 0.5, so the gold quote is missed and this one is spurious.
        _rec("d1", "four", [("China", "conciliatory")]),
    ]
    canon = {"USA": "United States"}.get
    m = score_pipeline(pred, GOLD, {"d1": TEXT}, canonical=canon, n_boot=50)
    assert (m["quote"]["tp"], m["quote"]["n_pred"], m["quote"]["n_gold"]) == (1, 2, 2)
    assert (m["pair"]["tp"], m["pair"]["n_pred"], m["pair"]["n_gold"]) == (1, 3, 3)
    assert (m["triple"]["tp"], m["triple"]["n_pred"], m["triple"]["n_gold"]) == (1, 3, 3)
    assert m["triple"]["precision"] == pytest.approx(1 / 3) and m["triple"]["f1"] == pytest.approx(1 / 3)
    assert m["gold_triples"] == {"quote_missed": 1, "target_missed": 1, "label_wrong": 0, "correct": 1}
    assert m["predicted_triples"] == {"quote_spurious": 1, "target_spurious": 1, "label_wrong": 0, "correct": 1}
    assert m["targets_on_matched_quotes"] == {"precision": 0.5, "recall": 0.5, "n_pred": 2, "n_gold": 2}
    assert m["per_label"]["threatening"]["tp"] == 1 and m["per_label"]["conciliatory"]["tp"] == 0


def test_wrong_label_counts_at_pair_level_but_not_triple_level() -> None:
    pred = [_rec("d1", "alpha beta gamma delta epsilon zeta eta theta iota kappa",
                 [("United States", "neutral"), ("Iran", "neutral")]),
            _rec("d1", "one two three four", [("China", "conciliatory")])]
    m = score_pipeline(pred, GOLD, {"d1": TEXT}, labels=["threatening", "conciliatory", "neutral"], n_boot=50)
    assert m["quote"]["f1"] == 1.0 and m["pair"]["f1"] == 1.0
    assert m["triple"]["tp"] == 2 and m["gold_triples"]["label_wrong"] == 1
    lab = m["labels_on_found_pairs"]
    assert lab["n"] == 3 and lab["accuracy"] == pytest.approx(2 / 3)
    assert lab["confusion"]["matrix"][0] == [0, 0, 1]  # gold threatening read as neutral


def test_predictions_outside_gold_documents_are_not_scored() -> None:
    pred = [_rec("other", "one two three four", [("China", "conciliatory")])]
    m = score_pipeline(pred, GOLD, {"d1": TEXT}, n_boot=10)
    assert m["quote"]["n_pred"] == 0 and m["triple"]["recall"] == 0.0


def test_doc_bootstrap_interval_covers_the_point_estimate() -> None:
    rng = np.random.default_rng(1)
    tp = rng.integers(0, 4, size=(30, 1))
    counts = np.concatenate([tp, tp + rng.integers(0, 3, size=(30, 1)), tp + rng.integers(0, 3, size=(30, 1))], axis=1)
    counts = counts[:, None, :]
    t = counts.sum(axis=0)[0]
    point = 2 * t[0] / (t[1] + t[2])
    (ci,) = doc_bootstrap(counts, 500, seed=0)
    assert ci["low"] <= point <= ci["high"] and ci["low"] < ci["high"]
    (one,) = doc_bootstrap(counts[:1], 100, seed=0)  # one document: every resample is the same set
    assert one["low"] == one["high"]


ART = (
    "TEHRAN, March 3 - Iran's navy commander warned the United States on Tuesday.\n\n"
    "\"Any American ship that enters our waters will be sunk,\" Admiral Reza Karimi told state radio.\n\n"
    "Japan's foreign minister Kenji Sato said talks with China had gone well. "
    "\"We welcome the cooperation of our friends in Beijing,\" Sato said. He added that Japan was calm.\n"
)


def _write_gold(tmp: Path) -> tuple[Path, Path]:
    arts = tmp / "articles.jsonl"
    arts.write_text(json.dumps({"doc": "a1", "text": ART}) + "\n", encoding="utf-8")
    gold = [
        _rec("a1", "Any American ship that enters our waters will be sunk,", [("United States", "threatening")], ART),
        _rec("a1", "We welcome the cooperation of our friends in Beijing,",
             [("China", "conciliatory"), ("Japan", "neutral")], ART),
        _rec("a1", "Japan was calm", [("Japan", "neutral")], ART),  # reported speech: no marks, not found
        {**_span(ART, "Any"), "doc_id": "a1", "kind": "not_quote"},
    ]
    path = tmp / "gold.jsonl"
    path.write_text("".join(json.dumps(g) + "\n" for g in gold), encoding="utf-8")
    return path, arts


def test_cli_scores_the_whole_pipeline(tmp_path: Path, tiny_model: Path, capsys: pytest.CaptureFixture) -> None:
    gold, arts = _write_gold(tmp_path)
    report = tmp_path / "report"
    argv = ["evaluate-pipeline", "--gold", str(gold), "--articles", str(arts), "--model", str(tiny_model),
            "--report", str(report), "--bootstrap", "20"]
    assert main(argv) == 0
    out = capsys.readouterr().out
    assert "(quote, target, label)" in out
    m = json.loads((report / "metrics.json").read_text(encoding="utf-8"))
    assert (m["quote"]["tp"], m["quote"]["n_pred"], m["quote"]["n_gold"]) == (2, 2, 3)
    assert (m["pair"]["tp"], m["pair"]["n_pred"], m["pair"]["n_gold"]) == (2, 2, 4)
    rows = [json.loads(line) for line in (report / "predictions.jsonl").read_text(encoding="utf-8").splitlines()]
    assert {(r["target"], r["doc_id"]) for r in rows} == {("United States", "a1"), ("China", "a1")}
    gold_label = {"United States": "threatening", "China": "conciliatory"}
    correct = sum(r["label"] == gold_label[r["target"]] for r in rows)
    assert m["triple"]["tp"] == correct and m["triple"]["n_gold"] == 4
    assert sum(m["gold_triples"].values()) == 4 and m["gold_triples"]["quote_missed"] == 1
    assert m["gold_triples"]["target_missed"] == 1
    assert m["not_quotes_taken_as_quotes"] == {"n": 1, "taken": 0}
    assert m["model"].startswith("tiny@") and m["mixed"] == "content"
    md = (report / "report.md").read_text(encoding="utf-8")
    assert "Where the errors come from" in md and "quote not found" in md
    assert main(argv) == 2  # the report exists: refuse without --overwrite
    assert "--overwrite" in capsys.readouterr().err


def test_cli_bad_gold_is_one_line(tmp_path: Path, tiny_model: Path, capsys: pytest.CaptureFixture) -> None:
    gold, arts = _write_gold(tmp_path)
    lines = gold.read_text(encoding="utf-8").splitlines()
    lines[1] = json.dumps({"doc_id": "a1", "start": "3", "end": 9})
    gold.write_text("\n".join(lines) + "\n", encoding="utf-8")
    argv = ["evaluate-pipeline", "--gold", str(gold), "--articles", str(arts), "--model", str(tiny_model),
            "--report", str(tmp_path / "r")]
    assert main(argv) == 2
    err = capsys.readouterr().err.strip()
    assert err.count("\n") == 0 and f"{gold}:2:" in err and "integers" in err
    other = tmp_path / "other.jsonl"
    other.write_text(json.dumps({"id": "zz", "text": "nothing"}) + "\n", encoding="utf-8")
    gold.write_text("\n".join(lines[:1]) + "\n", encoding="utf-8")
    assert main(argv[:4] + [str(other)] + argv[5:]) == 2
    assert "no article" in capsys.readouterr().err


def test_without_resamples_there_is_no_interval(tmp_path: Path, tiny_model: Path,
                                                capsys: pytest.CaptureFixture) -> None:
    gold, arts = _write_gold(tmp_path)
    assert main(["evaluate-pipeline", "--gold", str(gold), "--articles", str(arts), "--model", str(tiny_model),
                 "--report", str(tmp_path / "r"), "--bootstrap", "0", "--mixed", "fragment"]) == 0
    m = json.loads((tmp_path / "r" / "metrics.json").read_text(encoding="utf-8"))
    assert m["triple"]["f1_ci95"] is None and m["mixed"] == "fragment"
    assert "–" in capsys.readouterr().out


def test_a_quote_found_in_an_article_whose_gold_has_only_not_quotes_is_spurious() -> None:
    other = 'The "blue sky" plan failed.'
    gold = [_rec("d1", "one two three four", [("Iran", "neutral")])]
    negatives = [{"doc_id": "d2", **_span(other, "blue sky"), "kind": "not_quote"}]
    pred = [_rec("d1", "one two three four", [("Iran", "neutral")]),
            _rec("d2", "blue sky", [("Iran", "neutral")], text=other)]
    m = score_pipeline(pred, gold, {"d1": TEXT, "d2": other}, negatives, n_boot=20)
    assert (m["quote"]["tp"], m["quote"]["n_pred"], m["quote"]["n_gold"]) == (1, 2, 1)
    assert m["predicted_triples"]["quote_spurious"] == 1


@pytest.mark.parametrize(("change", "why"), [
    (lambda g: {**g, "stances": [{"target": "United States", "label": "friendly"}]}, "gold label 'friendly'"),
    (lambda g: {**g, "start": 5, "text": "Any American ship that enters our waters will be sunk,"},
     "not the record's 'text'"),
    (lambda g: {**g, "end": 1000000, "parts": [[g["start"], 1000000]]}, "outside article 'a1'"),
    (lambda g: {k: v for k, v in g.items() if k != "stances"}, "no 'stances' key"),
])
def test_cli_invalid_gold_records_are_one_line_errors(tmp_path: Path, tiny_model: Path, capsys: pytest.CaptureFixture,
                                                      change, why: str) -> None:
    gold, arts = _write_gold(tmp_path)
    recs = [json.loads(line) for line in gold.read_text(encoding="utf-8").splitlines()]
    recs[1] = change(recs[0])
    gold.write_text("".join(json.dumps(r) + "\n" for r in recs), encoding="utf-8")
    argv = ["evaluate-pipeline", "--gold", str(gold), "--articles", str(arts), "--model", str(tiny_model),
            "--report", str(tmp_path / "r"), "--bootstrap", "0"]
    assert main(argv) == 2
    err = capsys.readouterr().err.strip()
    assert err.count("\n") == 0 and f"{gold}:2: " in err and why in err, err


def test_cli_a_repeated_gold_quote_id_is_an_error(tmp_path: Path, tiny_model: Path,
                                                  capsys: pytest.CaptureFixture) -> None:
    gold, arts = _write_gold(tmp_path)
    recs = [json.loads(line) for line in gold.read_text(encoding="utf-8").splitlines()]
    gold.write_text("".join(json.dumps({**r, "quote_id": "q1"}) + "\n" for r in recs[:2]), encoding="utf-8")
    argv = ["evaluate-pipeline", "--gold", str(gold), "--articles", str(arts), "--model", str(tiny_model),
            "--report", str(tmp_path / "r"), "--bootstrap", "0"]
    assert main(argv) == 2
    err = capsys.readouterr().err.strip()
    assert f"{gold}:2: quote_id 'q1' repeats the one at {gold}:1" in err
