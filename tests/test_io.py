import json
from pathlib import Path

import pytest

from stance.errors import StanceError
from stance.io import atomic_write, iter_records, read_articles, read_examples, write_jsonl


def test_malformed_json_names_file_and_line(tmp_path: Path) -> None:
    p = tmp_path / "a.jsonl"
    p.write_text('{"id": "1", "text": "ok"}\n\n{"id": "2", "text": \n', encoding="utf-8")
    with pytest.raises(StanceError) as err:
        list(read_articles(p))
    assert err.value.line == 3
    assert str(err.value).startswith(f"{p}:3: malformed JSON")


def test_non_strict_reading_reports_and_continues(tmp_path: Path) -> None:
    p = tmp_path / "a.jsonl"
    p.write_bytes(b'{"id": "1", "text": "a"}\n{broken\n\xff\xfe\n[1, 2]\n{"id": "5", "text": "b"}\n')
    locs = list(iter_records(p, strict=False))
    assert [loc.line for loc in locs] == [1, 2, 3, 4, 5]
    assert [loc.error is None for loc in locs] == [True, False, False, False, True]
    assert "UTF-8" in locs[2].error
    assert "expected a JSON object" in locs[3].error


def test_unknown_format_and_missing_file(tmp_path: Path) -> None:
    bad = tmp_path / "a.xml"
    bad.write_text("<a/>", encoding="utf-8")
    with pytest.raises(StanceError, match="unknown input format '.xml'"):
        iter_records(bad)
    with pytest.raises(StanceError, match="no such file"):
        iter_records(tmp_path / "missing.jsonl")


def test_csv_txt_dir_and_parquet(tmp_path: Path) -> None:
    import pyarrow as pa
    import pyarrow.parquet as pq

    (tmp_path / "c.csv").write_text('id,text\nx,"He said ""hi"""\n', encoding="utf-8")
    assert [a.text for a in read_articles(tmp_path / "c.csv")] == ['He said "hi"']
    d = tmp_path / "dir"
    d.mkdir()
    (d / "b.txt").write_text("second", encoding="utf-8")
    (d / "a.txt").write_text("first", encoding="utf-8")
    assert [(a.id, a.text) for a in read_articles(d)] == [("a", "first"), ("b", "second")]
    pq.write_table(pa.table({"id": ["p1"], "text": ["parquet text"]}), tmp_path / "p.parquet")
    assert [a.text for a in read_articles(tmp_path / "p.parquet")] == ["parquet text"]


def test_examples_require_label_and_quote(tmp_path: Path) -> None:
    p = tmp_path / "e.jsonl"
    p.write_text(json.dumps({"quote": "x", "target": "Iran"}) + "\n", encoding="utf-8")
    with pytest.raises(StanceError, match=r"e.jsonl:1: example record has no 'label' key"):
        read_examples(p)
    p.write_text(json.dumps({"quote": "x", "target": 3, "label": "neutral"}) + "\n", encoding="utf-8")
    with pytest.raises(StanceError, match="'target' must be str"):
        read_examples(p)


def test_atomic_write_leaves_old_file_on_crash(tmp_path: Path) -> None:
    p = tmp_path / "out.jsonl"
    write_jsonl(p, [{"a": 1}])
    with pytest.raises(RuntimeError):
        with atomic_write(p) as fh:
            fh.write("half")
            raise RuntimeError("crash")
    assert p.read_text(encoding="utf-8") == '{"a": 1}\n'
    assert [f.name for f in tmp_path.iterdir()] == ["out.jsonl"]


def test_an_unpaired_surrogate_is_a_bad_line_not_a_crash(tmp_path: Path) -> None:
    p = tmp_path / "a.jsonl"
    p.write_text('{"id": "a", "text": "fine"}\n{"id": "b", "text": "half \\ud83d a pair"}\n'
                 '{"id": "c", "text": "a whole pair \\ud83d\\ude00"}\n', encoding="utf-8")
    locs = list(iter_records(p, strict=False))
    assert [loc.error is None for loc in locs] == [True, False, True]
    assert locs[1].line == 2 and "unpaired surrogate" in locs[1].error
    assert locs[2].data["text"].endswith("\U0001f600")


def test_txt_offsets_index_the_file_as_stored(tmp_path: Path) -> None:
    (tmp_path / "d").mkdir()
    raw = 'Intro line.\r\n\r\n"We will respond," the minister said.\r\n'
    (tmp_path / "d" / "story.txt").write_bytes(b"\xef\xbb\xbf" + raw.encode("utf-8"))
    [loc] = list(iter_records(tmp_path / "d"))
    assert loc.data["text"] == raw


def test_csv_rows_with_extra_fields_or_long_texts(tmp_path: Path) -> None:
    p = tmp_path / "a.csv"
    long_text = "word " * 40000
    p.write_text(f'id,text\ns1,"one, two",three\ns2,"{long_text}"\n', encoding="utf-8")
    locs = list(iter_records(p, strict=False))
    assert locs[0].error == "row has 3 fields, the header has 2" and locs[0].line == 2
    assert locs[1].error is None and locs[1].data["text"] == long_text and locs[1].line == 3
    with pytest.raises(StanceError, match="row has 3 fields"):
        list(iter_records(p))


def test_a_bad_txt_file_is_skipped_when_not_strict(tmp_path: Path) -> None:
    (tmp_path / "d").mkdir()
    (tmp_path / "d" / "a.txt").write_text("Fine text.", encoding="utf-8")
    (tmp_path / "d" / "b.txt").write_bytes("caf\xe9".encode("latin-1"))
    locs = list(iter_records(tmp_path / "d", strict=False))
    assert [loc.error is None for loc in locs] == [True, False] and "UTF-8" in locs[1].error
    with pytest.raises(StanceError, match="UTF-8"):
        list(iter_records(tmp_path / "d"))


def test_a_typed_date_column_reads_as_its_iso_text(tmp_path: Path) -> None:
    import datetime

    import pyarrow as pa
    import pyarrow.parquet as pq

    table = pa.table({"id": ["a"], "text": ["Some text."], "date": [datetime.date(1987, 3, 4)]})
    pq.write_table(table, tmp_path / "a.parquet")
    [article] = list(read_articles(tmp_path / "a.parquet"))
    assert article.date == "1987-03-04"


def test_stance_rows_keep_their_target_and_empty_quotes_are_refused() -> None:
    from stance.io import quote_from_any

    row = {"doc_id": "d", "quote_id": "d#q1", "start": 0, "end": 10, "text": "We will go", "target": "Norland",
           "label": "neutral"}
    assert quote_from_any(row).targets == ["Norland"]
    with pytest.raises(ValueError, match="quote text is empty"):
        quote_from_any({"quote": "   ", "target": "Norland"})


def test_csv_lines_count_blank_lines_and_breaks_and_allow_empty_trailing_fields(tmp_path: Path) -> None:
    p = tmp_path / "a.csv"
    p.write_text('id,text\n\ns1,"two\nlines"\n\ns2,\ns3,"x",\n', encoding="utf-8")
    locs = list(iter_records(p, strict=False))
    assert [(loc.line, loc.error) for loc in locs] == [(3, None), (6, None), (7, None)]
    assert locs[2].data == {"id": "s3", "text": "x"}


@pytest.mark.parametrize("body,line", [
    ('b1,"Smith said ""hi\nb2,"Jones said ""Iran will pay."""\nb3,"Lee said ""Yes."""\n', 2),
    ('b1,"fine"\nb2,"never closed\nb3,x\n', 3),
])
def test_a_stray_quote_in_a_csv_field_is_an_error_at_its_record_not_swallowed_records(
    tmp_path: Path, body: str, line: int
) -> None:
    p = tmp_path / "a.csv"
    p.write_text("id,text\n" + body, encoding="utf-8")
    with pytest.raises(StanceError, match="malformed CSV") as err:
        list(iter_records(p, strict=False))
    assert (err.value.path, err.value.line) == (str(p), line)


def test_a_table_row_with_broken_json_text_names_its_key() -> None:
    from stance.io import quote_from_any

    row = {"quote_id": "d#q1", "start": "0", "end": "10", "text": "We will go", "target": "Norland",
           "parts": "[[0, 10]", "speaker": "", "cue": ""}
    with pytest.raises(ValueError, match="quote key 'parts' is not valid JSON text"):
        quote_from_any(row, flat=True)
    q = quote_from_any({**row, "parts": "[[0, 10]]"}, flat=True)
    assert (q.start, q.end, q.parts, q.speaker, q.cue, q.targets) == (0, 10, [(0, 10)], None, None, ["Norland"])


def test_atomic_write_gives_the_mode_the_umask_asks_for(tmp_path: Path) -> None:
    import os
    import stat

    for mask, mode in ((0o022, 0o644), (0o027, 0o640)):
        old = os.umask(mask)
        try:
            write_jsonl(tmp_path / f"{mask:o}.jsonl", [{"a": 1}])
        finally:
            os.umask(old)
        assert stat.S_IMODE((tmp_path / f"{mask:o}.jsonl").stat().st_mode) == mode
