import json
from pathlib import Path

import pytest

from stance.classify import StanceClassifier
from stance.errors import StanceError
from stance.pipeline import Labeller, progress_path
from tests.conftest import write_articles


@pytest.fixture(scope="module")
def labeller(tiny_model: Path) -> Labeller:
    return Labeller(StanceClassifier.from_pretrained(tiny_model), chunk_size=2, batch_size=4)




def test_rows_follow_quotes_and_targets(tmp_path: Path, labeller: Labeller) -> None:
    src = write_articles(tmp_path / "in.jsonl", 3)
    out = tmp_path / "out.jsonl"
    summary = labeller.run(src, out)
    rows = [json.loads(line) for line in out.read_text().splitlines()]
    assert summary.articles == 3 and summary.rows == len(rows) > 0
    assert {r["doc_id"] for r in rows} == {"a0", "a1", "a2"}
    assert all(r["target"] == "United States" for r in rows if r["doc_id"] == "a0")
    assert not progress_path(out).exists()


def test_resume_after_interruption_equals_full_run(tmp_path: Path, labeller: Labeller) -> None:
    src = write_articles(tmp_path / "in.jsonl", 7)
    full = tmp_path / "full.jsonl"
    labeller.run(src, full)
    part = tmp_path / "part.jsonl"

    calls = {"n": 0}

    def interrupt(_: int) -> None:
        calls["n"] += 1
        if calls["n"] == 2:
            raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        labeller.run(src, part, on_progress=interrupt)
    assert progress_path(part).exists()
    with open(part, "ab") as fh:  # a torn line from a writer killed mid-write
        fh.write(b'{"doc_id": "a5", "tor')
    with pytest.raises(StanceError, match="output exists"):
        labeller.run(src, part)
    summary = labeller.run(src, part, resume=True)
    assert summary.resumed_from == 4
    assert part.read_bytes() == full.read_bytes()


def test_resume_refuses_other_input(tmp_path: Path, labeller: Labeller) -> None:
    src = write_articles(tmp_path / "in.jsonl", 3)
    other = write_articles(tmp_path / "other.jsonl", 3)
    out = tmp_path / "out.jsonl"
    with pytest.raises(KeyboardInterrupt):
        labeller.run(src, out, on_progress=lambda _: (_ for _ in ()).throw(KeyboardInterrupt))
    with pytest.raises(StanceError, match="not this input"):
        labeller.run(other, out, resume=True)


def _interrupted(labeller: Labeller, src: Path, out: Path, after: int = 1) -> None:
    calls = {"n": 0}

    def interrupt(_: int) -> None:
        calls["n"] += 1
        if calls["n"] == after:
            raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        labeller.run(src, out, on_progress=interrupt)


def test_the_output_may_not_be_the_input(tmp_path: Path, labeller: Labeller) -> None:
    src = write_articles(tmp_path / "in.jsonl", 3)
    before = src.read_bytes()
    with pytest.raises(StanceError, match="output is the input"):
        labeller.run(src, src, overwrite=True)
    assert src.read_bytes() == before


def test_resume_refuses_an_output_that_is_missing_or_cut_short(tmp_path: Path, labeller: Labeller) -> None:
    src = write_articles(tmp_path / "in.jsonl", 7)
    out = tmp_path / "out.jsonl"
    _interrupted(labeller, src, out, after=2)
    data = out.read_bytes()
    out.write_bytes(data[: len(data) // 2])
    with pytest.raises(StanceError, match="shorter than its progress file"):
        labeller.run(src, out, resume=True)
    out.unlink()
    with pytest.raises(StanceError, match="output is missing"):
        labeller.run(src, out, resume=True)


def test_resume_refuses_other_targets_and_a_broken_progress_file(tmp_path: Path, labeller: Labeller) -> None:
    src = write_articles(tmp_path / "in.jsonl", 5)
    out = tmp_path / "out.jsonl"
    _interrupted(labeller, src, out)
    other = Labeller(labeller.classifier, targets=["Japan"], chunk_size=2, batch_size=4)
    with pytest.raises(StanceError, match="another targets"):
        other.run(src, out, resume=True)
    progress_path(out).write_text("", encoding="utf-8")
    with pytest.raises(StanceError, match="progress file is unreadable"):
        labeller.run(src, out, resume=True)


def test_resume_accepts_the_same_input_named_another_way(tmp_path: Path, labeller: Labeller, monkeypatch) -> None:
    src = write_articles(tmp_path / "in.jsonl", 5)
    full = tmp_path / "full.jsonl"
    labeller.run(src, full)
    out = tmp_path / "out.jsonl"
    _interrupted(labeller, src, out)
    monkeypatch.chdir(tmp_path)
    labeller.run("./in.jsonl", out, resume=True)
    assert out.read_bytes() == full.read_bytes()


def test_repeated_or_empty_article_ids_are_skipped_with_a_reason(tmp_path: Path, labeller: Labeller) -> None:
    from stance.pipeline import Problem, Summary, segment_file

    text = '"We will talk to Norland," the minister said.'
    src = tmp_path / "in.jsonl"
    src.write_text("".join(json.dumps({"id": i, "text": text}) + "\n" for i in ("a", "b", "a", "")), encoding="utf-8")
    summary = Summary()
    items = list(segment_file(src, summary=summary))
    problems = [p for p in items if isinstance(p, Problem)]
    assert summary.articles == 2 and [p.line for p in problems] == [3, 4]
    assert "repeats the one at" in problems[0].problem and "empty" in problems[1].problem
    run = labeller.run(src, tmp_path / "out.jsonl")
    assert run.articles == 2 and len(run.skipped) == 2
    again = labeller.run(src, tmp_path / "out2.jsonl")  # a second run of the same labeller starts afresh
    assert again.articles == 2


@pytest.mark.parametrize(
    ("ids_and_texts", "skipped"),
    [
        ([("a", 1), ("b", 1), ("c", 1), ("a", 1)], [4]),  # a repeat after the resume point
        ([("a", 0), ("b", 1), ("a", 1), ("c", 1)], [1]),  # an id of a record skipped as bad is free
    ],
)
def test_a_resumed_run_skips_the_repeated_ids_an_uninterrupted_run_skips(
    tmp_path: Path, labeller: Labeller, ids_and_texts: list, skipped: list
) -> None:
    text = '"We will talk to Norland," the minister said.'
    src = tmp_path / "in.jsonl"
    src.write_text("".join(json.dumps({"id": i, "text": text if t else ""}) + "\n" for i, t in ids_and_texts),
                   encoding="utf-8")
    full = tmp_path / "full.jsonl"
    whole = labeller.run(src, full)
    part = tmp_path / "part.jsonl"
    _interrupted(labeller, src, part)
    resumed = labeller.run(src, part, resume=True)
    assert part.read_bytes() == full.read_bytes()
    assert [p.line for p in resumed.skipped] == [p.line for p in whole.skipped] == skipped


def test_a_segmenter_fault_skips_its_article_and_names_it(tmp_path: Path, labeller: Labeller, monkeypatch) -> None:
    from stance import pipeline

    real = pipeline.segment

    def flaky(article, lexicon=None, **kw):
        if article.id == "a1":
            raise IndexError("list index out of range")
        return real(article, lexicon, **kw)

    monkeypatch.setattr(pipeline, "segment", flaky)
    src = write_articles(tmp_path / "in.jsonl", 3)
    items = list(pipeline.segment_file(src))
    problems = [p for p in items if isinstance(p, pipeline.Problem)]
    assert {q.doc_id for q in items if not isinstance(q, pipeline.Problem)} == {"a0", "a2"}
    assert len(problems) == 1 and problems[0].line == 2 and "'a1'" in problems[0].problem
    with pytest.raises(StanceError, match="segmenter failed on article 'a1'"):
        list(pipeline.segment_file(src, on_error="fail"))
    out = tmp_path / "rows.jsonl"
    summary = labeller.run(src, out)
    assert {json.loads(line)["doc_id"] for line in out.read_text().splitlines()} == {"a0", "a2"}
    assert [p.line for p in summary.skipped] == [2] and summary.articles == 2


def test_segment_then_label_gives_the_rows_of_labelling_the_articles(tmp_path: Path, labeller: Labeller) -> None:
    from stance.pipeline import segment_file

    text = ('Norland and Iran held talks on Monday. "Cooperation," the Norland minister said, '
            '"is the only path."\n\n"Iran will pay for this," the Iranian admiral said.\n')
    src = tmp_path / "in.jsonl"
    src.write_text(json.dumps({"id": "x", "text": text}) + "\n", encoding="utf-8")
    quotes = [q.to_dict() for q in segment_file(src)]
    assert [q["targets"] for q in quotes] == [[], ["Iran"]]  # the first names no target, its paragraph does
    qsrc = tmp_path / "quotes.jsonl"
    qsrc.write_text("".join(json.dumps(q) + "\n" for q in quotes), encoding="utf-8")
    labeller.run(src, tmp_path / "direct.jsonl")
    labeller.run(qsrc, tmp_path / "via_quotes.jsonl")
    assert (tmp_path / "via_quotes.jsonl").read_bytes() == (tmp_path / "direct.jsonl").read_bytes()


def test_resume_refuses_another_backend(tmp_path: Path, labeller: Labeller, monkeypatch) -> None:
    src = write_articles(tmp_path / "in.jsonl", 5)
    out = tmp_path / "out.jsonl"
    _interrupted(labeller, src, out)
    monkeypatch.setattr(labeller.classifier.backend, "name", "int8", raising=False)
    with pytest.raises(StanceError, match="another backend"):
        labeller.run(src, out, resume=True)


def test_quote_records_with_bad_offsets_or_a_repeated_id_are_skipped(tmp_path: Path, labeller: Labeller) -> None:
    def rec(qid: str, end: int, **kw) -> str:
        return json.dumps({"doc_id": "d", "quote_id": qid, "start": 0, "end": end, "text": "Iran will pay.",
                           "targets": ["Iran"], **kw}) + "\n"

    src = tmp_path / "q.jsonl"
    rows = [rec("d#1", 3), rec("d#1", 14), rec("d#2", 14), rec("d#1", 14),
            # stance rows given back: one per target of a quote, so the pair must be unique
            *(json.dumps({"doc_id": "e", "quote_id": "e#1", "start": 0, "end": 14, "text": "Iran will pay.",
                          "target": t}) + "\n" for t in ("Iran", "Japan", "Iran"))]
    src.write_text("".join(rows), encoding="utf-8")
    summary = labeller.run(src, tmp_path / "out.jsonl")
    assert [(p.line, p.problem) for p in summary.skipped] == [
        (1, "quote keys 'start' and 'end' span 3 characters, but its 'text' has 14"),
        (4, f"quote id 'd#1' repeats the one at {src}:2; ids must be unique"),
        (7, f"quote id 'e#1' with target 'Iran' repeats the one at {src}:5; ids must be unique"),
    ]
    assert summary.quote_records == summary.rows == 4
    full = tmp_path / "full.jsonl"
    labeller.run(src, full)
    part = tmp_path / "part.jsonl"
    _interrupted(labeller, src, part, after=2)
    resumed = labeller.run(src, part, resume=True)
    assert part.read_bytes() == full.read_bytes()
    assert [p.line for p in resumed.skipped] == [1, 4, 7]


def test_readme_library_snippet_runs_as_written_in_a_fresh_interpreter(tmp_path):
    """`from stance import segment` after the package is imported gave the subpackage, which
    is not callable; the README's snippet must run as written, in either import order."""
    import subprocess
    import sys

    story = tmp_path / "story.txt"
    story.write_text('"We will not back down," Norland\'s trade minister Ivo Lund said on Monday.\n')
    for first in ("", "import stance.segment\n"):
        code = (
            first
            + "from stance import Article, StanceClassifier, segment\n"
            + f"quotes = segment(Article(id='a1', text=open({str(story)!r}).read()))\n"
            + "print(len(quotes), quotes[0].speaker)\n"
        )
        out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=False)
        assert out.returncode == 0, out.stderr
        assert out.stdout.split() == ["1", "Ivo", "Lund"]


def test_a_quote_record_with_a_bad_target_is_skipped_naming_that_key(tmp_path: Path, labeller: Labeller) -> None:
    src = tmp_path / "q.jsonl"
    records = [{"quote": "We welcome talks with Norland.", "target": t} for t in ("Norland", 5, "", None, ["Norland"])]
    src.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    summary = labeller.run(src, tmp_path / "out.jsonl")
    assert summary.rows == 1 and [p.line for p in summary.skipped] == [2, 3, 4, 5]
    problems = [p.problem for p in summary.skipped]
    assert all(p.startswith("quote key 'target' must be a non-empty string, got ") for p in problems)
    assert [p.rsplit("got ", 1)[1] for p in problems] == ["int", "an empty string", "null", "list"]
