"""The modern-news target evaluation on a tiny invented corpus and judgement file."""

from __future__ import annotations

import json

from evaluation.target_judgements import (
    evaluate,
    half,
    load_judgements,
    load_speakers,
    main,
    speaker_agreement,
    summary,
)


def _corpus(tmp_path):
    text = (
        "Norland warns Osteria\n\n"
        'Foreign Minister Jan Kowal of Norland said: "Japan must open its markets to our farmers."\n'
    )
    (tmp_path / "data" / "bbc-politics").mkdir(parents=True)
    (tmp_path / "data" / "bbc-politics" / "x1.txt").write_text(text, encoding="utf-8")
    start = text.index('"Japan')
    end = text.index("farmers") + 8
    rows = [
        {"corpus": "bbc-politics", "doc": "x1", "start": start, "end": end, "target": "Japan", "label": "about"},
        {"corpus": "bbc-politics", "doc": "x1", "start": start, "end": end, "target": "Jan Kowal", "label": "about"},
    ]
    (tmp_path / "judg").mkdir()
    (tmp_path / "judg" / "j.jsonl").write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    (tmp_path / "spk").mkdir()
    label = {"corpus": "bbc-politics", "doc": "x1", "start": start, "end": end, "target": "Japan",
             "speaker": "Jan Kowal", "label": "threatening"}
    (tmp_path / "spk" / "s.jsonl").write_text(json.dumps(label) + "\n", encoding="utf-8")
    return tmp_path / "data", tmp_path / "judg"


def test_counts_true_positives_and_misses(tmp_path):
    data, judg = _corpus(tmp_path)
    stats, rows = evaluate(load_judgements(judg), data, trace=True)
    c = stats["bbc-politics", half("x1")]
    assert (c["TP"], c["FP"], c["FN"], c["unj"]) == (1, 0, 1, 0)
    assert rows[0]["src"] == {"Japan": "quote"}
    assert any("P 1.000 R 0.500" in line for line in summary(stats))


def test_runs_from_the_command_line(tmp_path, capsys):
    data, judg = _corpus(tmp_path)
    main(["--data", str(data), "--judgements", str(judg), "--speakers", str(tmp_path / "spk")])
    out = capsys.readouterr().out
    assert "TP    1" in out and "speaker (family name) 1/1 = 1.000" in out


def test_speakers_are_scored_by_family_name(tmp_path):
    data, judg = _corpus(tmp_path)
    _, rows = evaluate(load_judgements(judg), data)
    spk = load_speakers(tmp_path / "spk")
    assert speaker_agreement(rows, spk) == {("bbc-politics", half("x1")): (1, 1)}
    wrong = {k: "Anna Nowak" for k in spk}
    assert speaker_agreement(rows, wrong) == {("bbc-politics", half("x1")): (0, 1)}
    rows[0]["speaker"] = None
    assert speaker_agreement(rows, {k: "—" for k in spk}) == {}  # a name without letters scores nothing


def test_family_names_that_differ_only_in_typography_agree():
    from evaluation.target_judgements import _family

    assert _family("Sean O’Malley") == _family("Sean O'Malley") == "o'malley"
    assert _family("Ana García") == _family("Ana Garcia")
    assert _family("Ana Garcia") != _family("Ana Garcias")


def test_pool_judgements_read_articles_jsonl_with_headlines_and_stance_labels(tmp_path):
    text = 'Foreign Minister Jan Kowal of Norland said: "Japan must open its markets to our farmers."\n'
    (tmp_path / "data" / "reuters-pool").mkdir(parents=True)
    art = {"doc": "pool:1", "title": "NORLAND WARNS JAPAN ON FARM TRADE", "text": text}
    (tmp_path / "data" / "reuters-pool" / "articles.jsonl").write_text(json.dumps(art) + "\n", encoding="utf-8")
    start, end = text.index('"Japan'), text.index("farmers") + 8
    rows = [
        {"corpus": "reuters-pool", "doc": "pool:1", "start": start, "end": end, "target": t, "label": lab}
        for t, lab in (("Japan", "threatening"), ("Norland", "not_about"), ("Osteria", "neutral"))
    ]
    (tmp_path / "pool").mkdir()
    (tmp_path / "pool" / "p.jsonl").write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    stats, out = evaluate(load_judgements(tmp_path / "pool"), tmp_path / "data")
    c = stats["reuters-pool", half("pool:1")]
    assert (c["TP"], c["FN"]) == (1, 1) and out[0]["tp"] == ["Japan"] and out[0]["fn"] == ["Osteria"]
