"""Property tests of segmentation and labelling on hostile text.

Generated cases per property (hypothesis `max_examples`, deadline off; the file runs in well
under a minute on two cores):

- test_segment_random_unicode: 300 (any Unicode text, control characters included)
- test_segment_quote_soup: 300 (unbalanced, nested and mixed quotation marks of every style)
- test_segment_nested_templates: 200 (well-formed quotes with nested marks and attributions)
- test_segment_blank_articles: 40 (empty and whitespace-only articles)
- test_label_quote_soup: 60 (segment, then label with the tiny model)
- test_label_long_quotes: 15 (quotes of 1-400 words, with and without context)

plus explicit cases: a 1 MB article, a 10,000-word quote (segmented and labelled), and an
article that is all opening marks.

Invariants: no exception; every quote record's `text` is its parts joined by one space, the
parts lie inside the article in order, `start`/`end` are the first/last part bounds; rows carry
labels of the model's scheme, scores over exactly that scheme summing to 1 (within 1e-6), and
every row whose input exceeds the model's max length carries `"truncated": true` and keeps its quote.
"""

from __future__ import annotations

import textwrap
import time  # the speed guards read process CPU time: other jobs on a shared machine do not count
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from stance.classify import StanceClassifier, _strip_quote
from stance.io import Located
from stance.pipeline import Labeller, Summary
from stance.records import Article, Quote
from stance.segment import segment
from stance.targets import TargetLexicon

MARKS = ['"', "“", "”", "‘", "’", "«", "»", "'", "„", "‹", "›", "``", "''"]
PAIRS = [('"', '"'), ("“", "”"), ("‘", "’"), ("«", "»"), ("'", "'"), ("„", "“"), ("« ", " »")]
WORDS = ["Iran", "United States", "Japan", "China", "we", "will", "strike", "talks", "peace", "the", "navy",
         "warned", "said", "told", "Mr.", "Karimi", "minister", "don't", "it's", "O'Brien", "rock'n'roll"]
CONTROL = [chr(c) for c in (*range(0, 32), 127, *range(0x80, 0xA0))] + ["\u2028", "\u2029", "\u200b", "\ufeff"]

SETTINGS: dict[str, Any] = {"deadline": None, "suppress_health_check": [HealthCheck.too_slow]}

LEXICON = TargetLexicon.load()


class _NoModel:
    """Blank articles never reach the model; this stands in for it."""

    labels = ["threatening", "conciliatory", "neutral"]
    model_id = "none@v0"

    def predict(self, examples: list, batch_size: int = 32) -> list:
        assert not examples
        return []


BLANK_LABELLER = Labeller(_NoModel(), lexicon=LEXICON)  # type: ignore[arg-type]

pieces = st.one_of(
    st.sampled_from(MARKS),
    st.sampled_from(WORDS),
    st.sampled_from([" ", "  ", "\n", "\n\n", ", ", ". ", ": ", "\t"]),
    st.sampled_from(CONTROL),
    st.text(max_size=6),
)
quote_soup = st.lists(pieces, max_size=60).map("".join)


@st.composite
def nested_articles(draw: st.DrawFn) -> str:
    """Paragraphs of quotes that may nest other quotes and be split by their attribution."""
    paras = []
    for _ in range(draw(st.integers(1, 4))):
        o, c = draw(st.sampled_from(PAIRS))
        io, ic = draw(st.sampled_from(PAIRS))
        words = " ".join(draw(st.lists(st.sampled_from(WORDS), min_size=1, max_size=12)))
        inner = " ".join(draw(st.lists(st.sampled_from(WORDS), min_size=1, max_size=5)))
        speaker = draw(st.sampled_from(["Karimi", "the minister", "He", "Japan's envoy Kenji Sato"]))
        shape = draw(st.integers(0, 3))
        if shape == 0:
            paras.append(f"{o}{words} {io}{inner}{ic} {words},{c} {speaker} said.")
        elif shape == 1:
            paras.append(f"{o}{words},{c} {speaker} said, {o}{inner}.{c}")
        elif shape == 2:
            paras.append(f"{speaker} said the plan was {o}{inner}{c} and {o}{words}{c}.")
        else:
            paras.append(f"{o}{words} {io}{inner}")  # never closed
    return "\n\n".join(paras)


def check_quotes(text: str, quotes: list[Quote]) -> None:
    for q in quotes:
        assert q.parts, q
        assert q.text == " ".join(text[a:b] for a, b in q.parts), (q.text, q.parts)
        assert (q.start, q.end) == (q.parts[0][0], q.parts[-1][1])
        prev = 0
        for a, b in q.parts:
            assert prev <= a <= b <= len(text), q.parts
            prev = b
        d = q.to_dict()
        assert d["text"] == q.text and d["start"] == q.start and d["end"] == q.end
        for span in (q.speaker_mention, q.cue):
            assert span is None or text[span.start : span.end] == span.text, span


def segment_checked(text: str) -> list[Quote]:
    quotes = segment(Article(id="doc", text=text), LEXICON)
    check_quotes(text, quotes)
    return quotes


@settings(max_examples=300, **SETTINGS)
@given(st.text(max_size=400))
def test_segment_random_unicode(text: str) -> None:
    segment_checked(text)


@settings(max_examples=300, **SETTINGS)
@given(quote_soup)
def test_segment_quote_soup(text: str) -> None:
    segment_checked(text)


@settings(max_examples=200, **SETTINGS)
@given(nested_articles())
def test_segment_nested_templates(text: str) -> None:
    segment_checked(text)


@settings(max_examples=40, **SETTINGS)
@given(st.text(alphabet=" \t\n\r\x0b\x0c\u00a0\u2028\u2029\u3000\u200b", max_size=30))
def test_segment_blank_articles(text: str) -> None:
    assert segment_checked(text) == []
    summary = Summary()
    rows = BLANK_LABELLER.rows_for_chunk([Located({"id": "b", "text": text}, "in.jsonl", 1)], summary, "skip")
    assert rows == []
    assert [p.problem for p in summary.skipped] == ([] if text.strip() else ["article text is empty"])


def test_segment_one_megabyte_article() -> None:
    para = ('Iran\'s navy commander warned the United States. "Any ship that enters our waters will be sunk," '
            'Admiral Reza Karimi said. ‘Nested «marks» and an unclosed “one\n\n')
    text = (para * (1_000_000 // len(para) + 1))[:1_000_000]
    quotes = segment_checked(text)
    assert len(quotes) > 1000


def test_segment_one_long_sentence_of_many_quotes_is_fast() -> None:
    # Each quote once looked back to its sentence's start: 100 KB took 7 s, now about 0.5 s.
    piece = 'Tom Berg said "the levy will rise for farmers" and Ana Kovac replied "the budget holds", '
    text = "In Norland " + piece * 1100 + "and the session closed."
    start = time.process_time()
    quotes = segment_checked(text)
    assert len(quotes) >= 2199 and time.process_time() - start < 3.0


def test_segment_windows_line_ends_and_zero_width_marks_change_nothing_but_offsets() -> None:
    text = (
        "Norland's foreign minister spoke.\n\n"
        '"We will not retreat," Jan Kowal said. "The border stays closed."\n\n'
        '"We will not retreat."\u00a0Kowal said, "We are ready."\n\n'
        'Anna Berg said the plan was "a disaster for farmers".\n'
    )
    plain = segment_checked(text)
    for odd in (text.replace("\n", "\r\n"), text.replace("\n", "\r"), text.replace('"We', '\u200b"We')):
        quotes = segment_checked(odd)
        assert [(q.speaker, q.text.split()) for q in quotes] == [(q.speaker, q.text.split()) for q in plain]


def test_segment_a_long_run_of_capitalised_words_is_fast() -> None:
    # Every suffix of a run of capitals was indexed as a name: 30,000 words took 8 s and 3.5 GB.
    words = " ".join(f"Word{i % 97} Tom Berg" for i in range(10_000))
    text = f'Tom Berg said: "We will go." {words} "We stay," Berg said.'
    start = time.process_time()
    assert len(segment_checked(text)) == 2 and time.process_time() - start < 3.0


def test_segment_an_article_of_many_speakers_is_fast() -> None:
    # Each speaker's name was searched for in the whole text: 300 KB of council minutes took 8-15 s.
    paras = []
    for i in range(4000):
        family = "".join("bdgklmnprstvz"[(i * 7 + k) % 13] + "aeiou"[(i + k) % 5] for k in range(3)).capitalize()
        paras.append(f'Councillor {["Jan", "Ana", "Tom"][i % 3]} {family}{i} of Ward {i} said: "We need buses."\n\n'
                     f'"Our routes are empty," he added.\n\n')
    text = "".join(paras)
    start = time.process_time()
    assert len(segment_checked(text)) == 8000 and time.process_time() - start < 8.0


def test_segment_hard_wrapped_text_with_blank_lines_between_paragraphs() -> None:
    # Plain-text archives wrap lines at a fixed width: each line had been read as a paragraph.
    paras = [
        "Foreign Minister Jan Kowal of Norland said on Monday that the talks on the border had failed "
        "after a long night of argument in the capital.",
        '"We will not retreat from the border, whatever the cost to us and to our neighbours in the '
        'south," he told reporters in the capital on Monday evening.',
        'Anna Berg, the opposition leader, said: "Prices will rise for every family in the country if '
        'the border stays closed for the winter."',
    ]
    plain = segment_checked("\n\n".join(paras))
    wrapped = segment_checked("\n\n".join(textwrap.fill(p, 60) for p in paras))
    assert len(plain) == 2
    assert [(q.speaker, q.text.split()) for q in wrapped] == [(q.speaker, q.text.split()) for q in plain]


def test_segment_all_opening_marks() -> None:
    assert segment_checked("“" * 5000 + " we " + "«" * 5000) is not None


TEN_K = (["we", "will", "strike", "the", "navy", "of", "Iran"] * 1430)[:10_000]


def test_segment_ten_thousand_word_quote() -> None:
    text = "Iran's minister spoke.\n\n\"" + " ".join(TEN_K) + ",\" the minister told state radio."
    quotes = segment_checked(text)
    assert len(quotes) == 1 and len(quotes[0].text.split()) == 10_000


# ------------------------------------------------------------------ labelling


@pytest.fixture(scope="module")
def labeller(tiny_model: Path) -> Labeller:
    return Labeller(StanceClassifier.from_pretrained(tiny_model), lexicon=LEXICON, targets=["Iran", "Japan"],
                    batch_size=16)


def input_tokens(labeller: Labeller, quote: Quote, target: str) -> int:
    """Tokens of the row's input before any cut: target, speaker, whole quote, whole context."""
    clf = labeller.classifier
    speaker = quote.speaker or (quote.speaker_mention.text if quote.speaker_mention else None)
    tpl = clf.config.template
    first = f"{target} | {speaker}" if tpl.use_speaker and speaker else target
    second = " ".join(quote.text.split())
    context = _strip_quote(quote.context, quote.text) if tpl.use_context and quote.context else ""
    if context:  # the context less the quote's own words, as the encoder builds it
        second += f" {clf.tokenizer.sep_token} {context}"
    return len(clf.tokenizer(first, second)["input_ids"])


def check_rows(labeller: Labeller, quotes: list[Quote], rows: list[dict[str, Any]]) -> None:
    labels = labeller.classifier.labels
    expected = [(q, t) for q in quotes for t in q.targets]
    assert len(rows) == len(expected)
    max_length = labeller.classifier.config.template.max_length
    for (q, target), row in zip(expected, rows):
        assert row["label"] in labels
        assert sorted(row["scores"]) == sorted(labels)
        assert abs(sum(row["scores"].values()) - 1) <= 1e-6, row["scores"]
        assert all(0 <= v <= 1 for v in row["scores"].values())
        assert row["scores"][row["label"]] == max(row["scores"].values())
        assert row["text"] == q.text and row["target"] == target  # the quote is kept whole
        if input_tokens(labeller, q, target) > max_length:
            assert row.get("truncated") is True, (len(q.text), row.get("truncated"))


@settings(max_examples=60, **SETTINGS)
@given(st.one_of(quote_soup, nested_articles()))
def test_label_quote_soup(labeller: Labeller, text: str) -> None:
    quotes = segment_checked(text)
    for q in quotes:
        q.targets = list(labeller.targets or [])
    check_rows(labeller, quotes, labeller.label_quotes(quotes))


@settings(max_examples=15, **SETTINGS)
@given(st.integers(1, 400), st.booleans(), st.sampled_from(WORDS))
def test_label_long_quotes(labeller: Labeller, n_words: int, with_context: bool, word: str) -> None:
    text = " ".join([word, "strike"] * n_words)
    q = Quote(doc_id="d", quote_id="d#q1", start=0, end=len(text), text=text, targets=["Iran"],
              context=("The minister spoke on Tuesday. " * 10) + text if with_context else None)
    check_rows(labeller, [q], labeller.label_quotes([q]))


def test_label_ten_thousand_word_quote(labeller: Labeller) -> None:
    text = "Iran's minister spoke.\n\n\"" + " ".join(TEN_K) + ",\" the minister told state radio."
    quotes = segment_checked(text)
    for q in quotes:
        q.targets = ["Iran"]
    rows = labeller.label_quotes(quotes)
    check_rows(labeller, quotes, rows)
    assert rows[0]["truncated"] is True and len(rows[0]["text"].split()) == 10_000
