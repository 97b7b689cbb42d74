"""The segmenter's faster scans find exactly what the plain regular expressions they replace find."""

from __future__ import annotations

import re

from stance.segment import speakers
from stance.segment.cues import cue_strength, iter_cues

_EDGE_CASES = [
    "An official said the officials and a senior Official met.",
    "official9 _official éofficial officialé official_ 9official",
    "The ministry report, a study and the statement; no reports here.",
    "sources: diplomats, bankers (traders) and “economists” disagreed",
    "official",
    "",
]


def test_head_words_are_the_whole_word_matches():
    plain = re.compile(r"\b(?:" + "|".join(sorted(speakers._HEADS)) + r")\b")
    for text in _EDGE_CASES:
        assert speakers._head_words(text) == [m.span() for m in plain.finditer(text)], text


def test_cap_runs_match_the_lookahead_form():
    body = speakers._CAP_RUN_RE.pattern.split(r"(?:(?<=S)ir\s+[A-Z])?", 1)[1]
    plain = re.compile(r"(?=[A-Z])(?<![\w'’-])(?:Sir\s+)?[A-Z]" + body)
    texts = _EDGE_CASES + [
        "Sir Alan Pike met Sir. Bob and SirJohn Doe",
        "x Sir  Alan\nSir\nAnna O'Neill-Roe J.R. Vance",
        "’Sir Tom -Sir Tom 1Sir Tom _Sir Tom éSir Tom",
        "Sir",
        "A",
    ]
    for text in texts:
        assert [m.span() for m in speakers._CAP_RUN_RE.finditer(text)] == [
            m.span() for m in plain.finditer(text)
        ], text


def test_tail_split_matches_the_unguarded_form():
    plain = re.compile(speakers._TAIL_SPLIT.pattern.replace(r"(?=\s+of\s)", ""))
    for text in [
        "Ivo Marek of the trade office",
        "the Bank of Norland official",
        "the Ministry  of Finance, which said",
        "a lawyer of\nrenown from the capital",
        "of course",
        " of ",
    ]:
        assert speakers._TAIL_SPLIT.split(text, maxsplit=1) == plain.split(text, maxsplit=1), text


def test_iter_cues_min_strength_keeps_the_cues_of_that_strength():
    text = "The report states that she said a call was due, according to aides who told reporters."
    for lo, hi in [(0, None), (5, 40), (20, len(text))]:
        every = iter_cues(text, lo, hi)
        for k in (1, 2):
            assert iter_cues(text, lo, hi, min_strength=k) == [c for c in every if cue_strength(c.group()) >= k]
