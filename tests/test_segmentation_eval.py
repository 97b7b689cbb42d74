"""Scoring of segmentation against gold quotes, including the brat loader."""

from __future__ import annotations

import json

from evaluation.segmentation import evaluate_path, load_brat_gold, load_jsonl_gold, overlap, score

TEXT = 'She said "we will talk" today. "No deal," he said.'


def _rec(doc, a, b, **kw):
    return {"doc_id": doc, "start": a, "end": b, "parts": [[a, b]], **kw}


def test_overlap_ignores_marks_and_whitespace():
    assert overlap(frozenset({1, 2}), frozenset({1, 2})) == 1.0
    assert overlap(frozenset({1, 2}), frozenset({1, 2, 3, 4})) == 0.5


def test_score_exact_boundary_and_spurious():
    texts = {"d": TEXT}
    gold = [_rec("d", 10, 22, speaker="She", targets=["X"]), _rec("d", 32, 39)]
    pred = [_rec("d", 9, 23, speaker="she", targets=["X", "Y"]), _rec("d", 0, 3)]
    res = score(pred, gold, texts)
    assert res["exact"]["tp"] == 1
    assert res["errors"]["missed"] == 1 and res["errors"]["spurious"] == 1
    assert res["speaker"]["accuracy"] == 1.0
    assert res["targets"]["precision"] == 0.5 and res["targets"]["recall"] == 1.0


def test_brat_loader(tmp_path):
    (tmp_path / "text").mkdir()
    (tmp_path / "attributions").mkdir()
    (tmp_path / "text" / "a.txt").write_text(TEXT, encoding="utf-8")
    ann = (
        'T1\tSource 0 3\tShe\nT2\tCue 4 8\tsaid\nT3\tContent 9 23\t"we will talk"\n'
        "E1\tAttribution:T2 Content:T3 Cue:T2 Source:T1\n"
    )
    (tmp_path / "attributions" / "a_x1.ann").write_text(ann, encoding="utf-8")
    (tmp_path / "attributions" / "a_x2.ann").write_text("", encoding="utf-8")
    gold, texts = load_brat_gold(tmp_path)
    assert len(gold) == 1 and gold[0]["speaker_mention"]["text"] == "She"
    assert texts["a"] == TEXT


def test_jsonl_loader_splits_negatives(tmp_path):
    p = tmp_path / "g.jsonl"
    rows = [_rec("d", 10, 22, kind="mixed"), _rec("d", 0, 3, kind="not_quote")]
    p.write_text("\n".join(json.dumps(r) for r in rows), encoding="utf-8")
    gold, neg = load_jsonl_gold(p)
    assert len(gold) == 1 and len(neg) == 1


def test_a_quote_found_in_an_article_whose_gold_has_only_not_quotes_is_spurious():
    texts = {"d": TEXT, "e": 'The "Blue Sky" plan failed.'}
    gold = [_rec("d", 10, 22)]
    negatives = [_rec("e", 5, 13, kind="not_quote")]
    pred = [_rec("d", 10, 22), _rec("e", 5, 13)]
    res = score(pred, gold, texts, negatives)
    assert res["n_pred"] == 2 and res["exact"]["precision"] == 0.5
    assert res["negatives"] == {"n": 1, "predicted_as_quote": 1}


def test_a_brat_article_without_gold_quotes_still_counts_predictions(tmp_path):
    (tmp_path / "text").mkdir()
    (tmp_path / "attributions").mkdir()
    (tmp_path / "text" / "a.txt").write_text(TEXT, encoding="utf-8")
    (tmp_path / "text" / "b.txt").write_text("Nothing was said here at all.", encoding="utf-8")
    ann = "T3\tContent 9 23\t\"we will talk\"\nT2\tCue 4 8\tsaid\nE1\tAttribution:T2 Content:T3\n"
    (tmp_path / "attributions" / "a_x1.ann").write_text(ann, encoding="utf-8")
    (tmp_path / "attributions" / "b_x1.ann").write_text("", encoding="utf-8")
    pred = tmp_path / "pred.jsonl"
    pred.write_text(
        "\n".join(json.dumps(_rec(d, a, b)) for d, a, b in (("a", 10, 22), ("b", 0, 7))), encoding="utf-8"
    )
    res = evaluate_path(tmp_path, pred_path=pred)
    assert res["n_pred"] == 2 and res["exact"]["precision"] == 0.5


def test_malformed_predicted_or_gold_records_are_named_by_file_and_line(tmp_path, capsys):
    from stance.cli import main

    articles = tmp_path / "articles.jsonl"
    articles.write_text(json.dumps({"id": "d", "text": TEXT}) + "\n", encoding="utf-8")
    gold = tmp_path / "gold.jsonl"
    gold.write_text(json.dumps(_rec("d", 10, 22)) + "\n", encoding="utf-8")
    for bad, why in (({"start": 1, "end": 4}, "no 'doc_id'"), ({"doc_id": "d", "start": "9", "end": 12}, "integers"),
                     ({"doc_id": "d", "start": 1, "end": 4, "parts": [[1]]}, "pairs")):
        pred = tmp_path / "pred.jsonl"
        pred.write_text(json.dumps(_rec("d", 10, 22)) + "\n" + json.dumps(bad) + "\n", encoding="utf-8")
        args = ["evaluate-segmentation", "--gold", str(gold), "--articles", str(articles), "--pred", str(pred)]
        assert main(args) == 2
        err = capsys.readouterr().err
        assert "pred.jsonl:2" in err and why in err and "Traceback" not in err
    gold.write_text(json.dumps({"doc_id": "d", "end": 4}) + "\n", encoding="utf-8")
    assert main(["evaluate-segmentation", "--gold", str(gold), "--articles", str(articles)]) == 2
    assert "gold.jsonl:1" in capsys.readouterr().err


def _gold_and_articles(tmp_path, *gold_recs, articles=None):
    arts = tmp_path / "articles.jsonl"
    arts.write_text("".join(json.dumps(a) + "\n" for a in articles or [{"id": "d", "text": TEXT}]), encoding="utf-8")
    gold = tmp_path / "gold.jsonl"
    gold.write_text("".join(json.dumps(g) + "\n" for g in gold_recs), encoding="utf-8")
    return gold, arts


def test_a_bad_article_record_is_one_line_with_its_place(tmp_path, capsys):
    from stance.cli import main

    gold, arts = _gold_and_articles(tmp_path, _rec("d", 10, 22),
                                    articles=[{"id": "d", "text": TEXT}, {"id": "x3", "txt": "hi"}])
    assert main(["evaluate-segmentation", "--gold", str(gold), "--articles", str(arts)]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and f"{arts}:2: article record has no 'text' key" in err


def test_gold_offsets_off_the_text_or_a_repeated_quote_id_are_errors(tmp_path, capsys):
    from stance.cli import main

    good = _rec("d", 10, 22, text="we will talk", quote_id="d#1")
    for bad, why in ((_rec("d", 5, 22, text="we will talk", quote_id="d#2"), "not the record's 'text'"),
                     (_rec("d", 10, 1000000, quote_id="d#2"), "outside article 'd'"),
                     (_rec("d", 32, 39, quote_id="d#1"), f"quote_id 'd#1' repeats the one at {tmp_path}/gold.jsonl:1")):
        gold, arts = _gold_and_articles(tmp_path, good, bad)
        assert main(["evaluate-segmentation", "--gold", str(gold), "--articles", str(arts)]) == 2
        err = capsys.readouterr().err
        assert err.count("\n") == 1 and f"{gold}:2: " in err and why in err, err


def test_predictions_for_documents_not_in_the_gold_are_reported(tmp_path, capsys):
    from stance.cli import main

    gold, arts = _gold_and_articles(tmp_path, _rec("d", 10, 22))
    pred = tmp_path / "pred.jsonl"
    pred.write_text(json.dumps(_rec("zz", 1, 5)) + "\n", encoding="utf-8")
    args = ["evaluate-segmentation", "--gold", str(gold), "--articles", str(arts), "--pred", str(pred)]
    assert main(args) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "none of the 1 predicted quotes" in err and "'zz'" in err
    pred.write_text(json.dumps(_rec("d", 10, 22)) + "\n" + json.dumps(_rec("zz", 1, 5)) + "\n", encoding="utf-8")
    assert main(args) == 0
    out, err = capsys.readouterr()
    assert "predicted 1" in out and "warning:" in err and "1 predicted quotes" in err and "'zz'" in err
