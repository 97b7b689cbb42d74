import pytest

from stance.records import Article, Example, Prediction, Quote, Span, stance_row


def test_article_accepts_doc_alias_and_rejects_missing_text() -> None:
    assert Article.from_dict({"doc": "r:1", "text": "t"}).id == "r:1"
    with pytest.raises(ValueError, match="no 'text' key"):
        Article.from_dict({"id": "1"})


def test_quote_round_trip_keeps_parts_and_spans() -> None:
    q = Quote(
        doc_id="d", quote_id="d#q1", start=1, end=20, text="We are ready to talk.",
        speaker_mention=Span("he", 10, 12), speaker="Ali Khan", cue=Span("said", 13, 17),
        targets=["Iran"], parts=[(1, 10), (18, 20)],
    )
    d = q.to_dict()
    assert d["parts"] == [[1, 10], [18, 20]]
    back = Quote.from_dict(d)
    assert back == q


def test_stance_row_has_single_target_and_scores() -> None:
    q = Quote(doc_id="d", quote_id="d#q1", start=0, end=2, text="hi", targets=["Iran", "Iraq"])
    scores = {"threatening": 0.1, "conciliatory": 0.2, "neutral": 0.7}
    row = stance_row(q, "Iraq", Prediction("neutral", scores), "m@v1")
    assert "targets" not in row and row["target"] == "Iraq"
    assert row["label"] == "neutral" and row["model"] == "m@v1"
    assert abs(sum(row["scores"].values()) - 1) < 1e-9


def test_example_validation_names_key() -> None:
    with pytest.raises(ValueError, match="'quote' is empty"):
        Example.from_dict({"quote": "  ", "target": "Iran", "label": "neutral"})
    assert Example.from_dict({"quote": "q", "target": "t"}, require_label=False).label is None


def test_quote_records_that_cannot_be_right_are_refused_with_the_key():
    from stance.io import quote_from_any

    base = {"quote_id": "q", "text": "We will strike"}
    for extra, needle in (
        ({"parts": [[5, 1]]}, "'parts'"),
        ({"start": -5, "end": 2}, "'start' and 'end'"),
        ({"parts": [[True, 5]]}, "'parts'"),
        ({"kind": 5}, "'kind'"),
        ({"targets": [""]}, "'targets'"),
        ({"speaker_mention": {"text": "x", "start": 9, "end": 2}}, "'speaker_mention'"),
    ):
        with pytest.raises(ValueError, match=needle):
            quote_from_any({**base, **extra})
    with pytest.raises(ValueError, match="'id'"):
        Article.from_dict({"id": True, "text": "x"})
