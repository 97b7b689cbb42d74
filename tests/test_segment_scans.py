"""The segmenter's faster scans find exactly what the plain regular expressions they replace find."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

import pytest

from stance.segment import speakers
from stance.segment.cues import DESCRIPTION_HEADS, cue_strength, iter_cues

_EDGE_CASES = [
    "An official said the officials and a senior Official met.",
    "official9 _official éofficial officialé official_ 9official",
    "The ministry report, a study and the statement; no reports here.",
    "sources: diplomats, bankers (traders) and “economists” disagreed",
    "official",
    "",
]


def test_head_words_are_the_whole_word_matches():
    plain = re.compile(r"\b(?:" + "|".join(sorted(DESCRIPTION_HEADS)) + r")\b")
    for text in _EDGE_CASES:
        assert speakers._head_words(text) == [m.span() for m in plain.finditer(text)], text


def test_cap_runs_match_the_lookahead_form():
    body = speakers._CAP_RUN_RE.pattern.split(r"(?:(?<=S)ir\s+[A-Z]|)", 1)[1]
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


def test_tail_split_matches_the_plain_form():
    plain = re.compile(
        r",|\s+(?:at|from|with|in|who|which)\s+"
        r"|(?<![Dd]epartment)(?<![Mm]inistry)(?<![Oo]ffice)(?<![Cc]ommission)(?<![Cc]ouncil)(?<![Cc]entre)"
        r"(?<![Cc]enter)(?<![Ii]nstitute)(?<![Cc]ommittee)(?<![Aa]gency)(?<![Ss]ociety)(?<![Ff]ederation)"
        r"(?<![Uu]nion)(?<![Cc]oalition)(?<![Ff]und)(?<![Ff]oundation)(?<![Tt]rust)\s+for\s+"
        r"|(?<![Bb]ank)(?<![Mm]inistry)(?<![Dd]epartment)(?<![Mm]inister)(?<![Ss]ecretary)(?<![Oo]ffice)"
        r"(?<![Uu]niversity)(?<![Cc]ouncil)(?<![Cc]ommittee)(?<![Bb]oard)(?<![Aa]ssociation)\s+of\s+"
    )
    for text in [
        "Ivo Marek of the trade office",
        "the Bank of Norland official",
        "the Ministry  of Finance, which said",
        "a lawyer of\nrenown from the capital",
        "of course",
        " of ",
        "a spokesman for the Department for Roads, the Trust\tfor  Peace in Oslo",
        "an aide , who  said, with the fund for x and Ministry\nof Health",
    ]:
        assert speakers._TAIL_SPLIT.split(text, maxsplit=1) == plain.split(text, maxsplit=1), text
        assert [m.span() for m in speakers._TAIL_SPLIT.finditer(text)] == [m.span() for m in plain.finditer(text)]


def test_iter_cues_min_strength_keeps_the_cues_of_that_strength():
    text = "The report states that she said a call was due, according to aides who told reporters."
    for lo, hi in [(0, None), (5, 40), (20, len(text))]:
        every = iter_cues(text, lo, hi)
        for k in (1, 2):
            assert iter_cues(text, lo, hi, min_strength=k) == [c for c in every if cue_strength(c.group()) >= k]


_SAYING_CASES = [
    "Kovac said the plan, which Berg had called a mess, was late, Norland's envoy says.",
    "Says Lund: unsaid, resaid; told Told TOLD tells9 _said saidé ésaid “said” said",
    "The United States reported that Consumer Reports warned, and Sayers argued.",
]


def test_saying_words_match_the_text_pattern():
    import stance.segment as seg

    for text in _SAYING_CASES + _EDGE_CASES:
        for a in range(0, len(text) + 1, 3):
            for b in range(a, len(text) + 1, 2):  # windows ending inside words too ("Sayers|")
                scan, pattern = seg._SAYING_SCAN, seg._SAYING
                found = [(m.start(), m.end(), m.group()) for m in seg._words_of(text, a, b, scan, pattern)]
                assert found == [(m.start(), m.end(), m.group()) for m in pattern.finditer(text, a, b)]


def test_word_edges_after_the_first_character_match_the_lookbehind_forms():
    import stance.segment as seg

    pairs = [
        (seg._CAPITALISED_WORD, re.compile(r"(?<![\w'’-])[A-Z][\w'’-]+")),
        (seg._POSSESSIVE_NAME, re.compile(r"(?<![\w'’-])[A-Z][a-z]+(?: [A-Z][a-z]+(?:-[A-Z][a-z]+)?){1,2}$")),
        (seg._CAP_RUN_WORDS, re.compile(rf"(?<![\w'’\-]){seg._CAP_WORD}(?:[ \t]+{seg._CAP_WORD})*")),
    ]
    texts = ["Anna Maria Kovac met O'Brien and McDonald-Berg in Oslo", "xAnna Kovac-Lund's Tom Berg", "Ola Nordmann"]
    for fast, plain in pairs:
        _same_spans(fast, plain, texts + _EDGE_CASES, step=3)


def test_referents_match_the_case_blind_pattern():
    import stance.segment as seg

    texts = [
        "They said THEIR government, not its Administration, would decide; theirs2 it_s he's x_he",
        "The Chairman told them: banks, regimes and Committee members.",
        "The ban\u212as (Kelvin sign), it\u017f (long s) and \u0130t fold to ASCII letters.",
        "énée they9 “They” it-based",
    ]
    for text in texts + _EDGE_CASES:
        for a in range(len(text) + 1):
            for b in range(a, len(text) + 1, 2):
                assert seg._referents(text, a, b) == [m.start() for m in seg._REFERENT.finditer(text, a, b)]


def test_word_edge_patterns_match_their_boundary_forms():
    import stance.segment as seg

    pairs = [
        (seg._THIRD_PERSON, r"\b(?:[Hh]e|him|his|[Ss]he|her)\b"),
        (seg._THAT, r"\bthat\b"),
        (seg._HONORIFIC_BEFORE, r"\b(?:Dr|Miss|Mr|Mrs|Ms)\.?\s+$"),
        (seg._AGO, r"\b(?:days?|weeks?|months?|years?|hours?)\s+(?:ago|earlier|later|after|before)\b"),
        (speakers._PASSIVE_BEFORE, r"\b(?:is|are|was|were|be|been|being)\s+(?:[a-z]+ly\s+)?$"),
        (speakers._RELATIVE_END, r"\b(?:who|which|that)$"),
        (
            speakers._CLAUSE_CUT,
            r"(?:\bthat\b|;|\bbut\b|\band\s+(?=[a-z]+\s+(?:said|told))|"
            r",\s*and\s+(?=(?:his|her|their|the|a|an|one|another)\s+(?:[a-z]+\s+){0,2}$)|:|\bwhile\b|\bbecause\b|"
            r"\bwhen\b|\bafter\b|\b(?:is|was)\s+(?:why|how)\b|\bas\b(?=\s+[A-Z]))",
        ),
    ]
    texts = [
        "Mrs. Kovac, who said that she was being heard, told Mr Berg; but he left two days ago, as Ana said",
        "thatch hethat her_ 9his whose Ms  was  been widely  whichever andsaid and then said: because",
        "Kovac said the plan failed, and her aide told reporters that when it was over, Dr Lund left weeks later",
        "That is why it was how Berg won; this is whyever, wasn't how, is  how, Was why, as Kovac is how",
    ]
    for fast, plain in pairs:
        plain = re.compile(plain)
        for text in texts + _EDGE_CASES:
            for a in range(0, len(text) + 1, 2):
                for b in range(a, len(text) + 1, 3):
                    spans = [m.span() for m in fast.finditer(text, a, b)]
                    assert spans == [m.span() for m in plain.finditer(text, a, b)], (fast.pattern, text[a:b])


def test_the_patterns_match_their_boundary_forms_at_slice_edges():
    import stance.segment as seg

    texts = [
        "The prime minister told the banks that the Ministry would act; the ministry of trade did not.",
        "Lathe the9 _the xThe bathe éthe THE banks the  banks The\nsystem the banks of the river",
        "the chancellor, the Speaker and Premier Lund: “The president” -the governor 'the agency",
        "the",
        "The",
    ]
    for fast in (seg._OFFICE_IN_QUOTE, seg._THE_WORD, seg._THE_BANKS):
        plain = re.compile(r"\b[Tt]he" + fast.pattern.removeprefix(seg._THE))
        _same_spans(fast, plain, texts + _EDGE_CASES, step=2, groups=True)


def test_legislation_and_government_patterns_match_their_boundary_forms():
    import stance.segment as seg

    pairs = [
        (seg._LEGISLATION, re.compile(r"\b(?:legislation|legislate|the\s+bill)\b", re.I)),
        (
            seg._A_GOVERNMENT,
            re.compile(r"\b(?:government|[Mm]inisters|Downing Street|No\.? 10|Number 10|[Tt]he Home Office)\b"),
        ),
        (seg._PARTY_ADJECTIVES["Britain"], re.compile(r"\b(?:Conservative|Lib Dem|Liberal Democrat)\b(?!\s+[Pp]arty)")),
    ]
    texts = [
        "Legislation on the bill: we legislate, THE BILL, The  Bill, LEGISLATE and legislative the billing",
        "xlegislation 9the bill _The bill éthe bill Kovac's legislation; the\nbill. (legislation)",
        "The government, this government, This  government and the governments; xthe government, tHis government",
        "Ministers, xministers, No 10, No. 100, Number 10's; the Home Office, THE Home Office, 9Downing Street",
        "Conservatives, Conservative Party, Conservative leader, Lib Dems, Lib Dem, xLiberal Democrat MP",
        "the bill",
        "This",
    ]
    for fast, plain in pairs:
        _same_spans(fast, plain, texts + _EDGE_CASES, step=2)


def test_head_scan_finds_what_the_word_scan_and_lookup_found():
    import stance.segment as seg

    heads = {"system": "Farm Credit System", "ministry": "Finance Ministry"}
    scan = seg._the_word_scan(heads)
    assert scan is not None and seg._the_word_scan({}) is None
    texts = [
        "The system and the Ministry; the SYSTEM, the systems, the ministry9 and tHe sYstem_x the  ministry.",
        "xthe system éthe ministry The\nSystem the systemic the ſystem the miniſtry the Systém the system's",
        "the the system, the the the Ministry, The the the the system; the The system, the these system",
        "the system",
    ]
    for text in texts + _EDGE_CASES:
        for a in range(len(text) + 1):
            for b in range(a, len(text) + 1, 2):
                found = [m.span() for m in scan.finditer(text, a, b) if m.group(1).lower() in heads]
                plain = [m.span() for m in seg._THE_WORD.finditer(text, a, b) if m.group(1).lower() in heads]
                assert found == plain, (a, b)


def test_other_body_word_matches_its_lookahead_form():
    import stance.segment as seg

    fast = re.compile(seg._OTHER_BODY_WORD + r"\s+Ministry\b")
    plain = re.compile(r"(?<![\w.])(?!(?:The|This|That|A|An)\b)([A-Z][\w.&'’-]*)\s+Ministry\b")
    texts = [
        "The Ministry, This Ministry, That Ministry, A Ministry, An Ministry, Then Ministry, Thatch Ministry",
        "A&Trade Ministry, An-Trade Ministry, A.B. Ministry, x.Trade Ministry, 9Trade Ministry, Trade  Ministry",
        "Norland's Trade Ministry and Finance\nMinistry; Thise Ministry; Ann Ministry; The.Co Ministry",
        "Trade Ministry",
    ]
    _same_spans(fast, plain, texts + _EDGE_CASES, step=2, groups=True)


def test_titles_before_a_name_match_the_plain_alternation():
    import stance.segment as seg

    plain = re.compile(r"(?<![\w-])(" + "|".join(seg._OFFICES_TITLED) + r")\s+(?=[A-Z][a-z])")
    texts = [
        "Prime Minister Ann Kovac met Premier Tom Lund and Vice President Jan Kowal.",
        "ex-President Tom Lund, xPresident Ann, éChancellor Berg, 9Governor Roy, _Speaker Holm",
        "Home Secretary  Eva Holm; Home Minister\nTom Berg; Economics Minister Ann; Economy Minister ann",
        "the Defense Secretary Tom Lund and Defence Minister Eva said Secretary of State Ann Roy",
        "President Tom",
        "Governor",
    ]
    _same_spans(seg._TITLE_BEFORE_NAME, plain, texts + _EDGE_CASES, step=2, groups=True)


def test_single_spaced_folds_white_space_as_split_and_join():
    from stance.segment import _single_spaced

    texts = [
        "Kovac said the plan was late.",
        "Kovac  said\tthe plan\nwas late. ",
        " Berg left",
        "Oslo\u00a0Norland\u2028next\u3000line\x1cend",
        "soft\u00adhyphen and zero\u200bwidth",
        "",
        " ",
    ]
    for s in texts:
        assert _single_spaced(s) == " ".join(s.split()), repr(s)


def test_end_anchored_searches_match_the_plain_search():
    import stance.segment as seg

    texts = [
        "the 'remarks' of Kovac\tsaid \nand her-aide’s  \n",
        "Kovac went on to say \n; Berg continues to\tsay; she goes to \n x9 go  to",
        "é9 _x (word) \t \n\n",
        "the aide, who\nsaid that; Kovac, which that9 xwho",
        "told reporters in  Oslo, a briefing IN\nBergen, the rally \u0131n \t",
    ]
    for text in texts + _EDGE_CASES:
        for a in range(len(text) + 1):
            for b in range(a, len(text) + 1):
                m, n = seg._prev_word(text, a, b), seg._PREV_WORD.search(text, a, b)
                assert (m and (m.span(), m.group(1))) == (n and (n.span(), n.group(1)))
                m, n = speakers._goes_on_tail(text, a, b), speakers._GOES_ON_TAIL.search(text, a, b)
                assert (m and m.span()) == (n and n.span())
                assert speakers._ends_relative(text, a, b) == (speakers._RELATIVE_END.search(text, a, b) is not None)
                assert seg._spoke_in(text, a, b) == (seg._SPOKE_IN.search(text, a, b) is not None)


def test_entities_are_the_same_with_the_run_memo_warm():
    from stance.targets import TargetLexicon

    lex = TargetLexicon.load()
    text = (
        "But Foreign Minister Jan Kowal of Norland met NATO envoys. Said Kovac: \"No.\" The Harbour Trust\n"
        "Board and Anna Berg, a senator, agreed. Then Berg left; Ministry officials stayed."
    )

    def seen() -> tuple:
        ents = speakers.build_entities(text, lex.names_state_like)
        return [(p.name, sorted(p.roles), p.pos) for p in ents.persons], ents.orgs, ents.acronyms

    speakers._RUN_MEMO.clear()
    speakers._SKIPPED_WORDS.clear()
    cold = seen()
    assert seen() == cold
    # The one-word runs passed over without a memo lookup are those the classification skips.
    skipped = speakers._SKIPPED_WORDS[lex.names_state_like]
    memo = speakers._RUN_MEMO[lex.names_state_like]
    assert skipped == {r for r, hit in memo.items() if hit == ("skip",) and " " not in r}
    assert {"Kovac", "Norland"} <= skipped and "Ministry" not in skipped


_REPORT_CASES = [
    "Kovac referred to Berg as a thief, then went on to call him a liar and called on Lund to resign.",
    "Referred  to, calls\non, to  brand; To Label them, TO CALL, dubbed9 _praised praiseé épraised “warned” it",
    "The United States stated that Consumer Reports claimed, and Callers were thanked.",
]


def test_report_verbs_match_the_text_pattern():
    import stance.segment as seg

    for text in _REPORT_CASES + _SAYING_CASES + _EDGE_CASES:
        for a in range(0, len(text) + 1, 2):
            for b in range(a, len(text) + 1):  # windows ending inside words too ("Callers|")
                found = [(m.span(), m.group()) for m in seg._report_verb_matches(text, a, b)]
                assert found == [(m.span(), m.group()) for m in seg._REPORT_VERB.finditer(text, a, b)]


def test_iter_cues_equals_the_cues_inside_each_window():
    text = (
        "Kovac went on to say, according to aides, that she told reporters the plan states its aims; "
        "Berg added: the United States notes it. He went on to warn, said Lund, and claims were noted."
    )
    every = iter_cues(text)
    assert any(c.e > d.s for c, d in zip(every, every[1:]))  # overlapping cues ("went on to say", "say")
    for lo in range(0, len(text) + 1, 2):
        for hi in range(lo, len(text) + 1):
            for k in (0, 1, 2, 3):
                inside = [c for c in every if lo <= c.s and c.e <= hi and cue_strength(c.group()) >= k]
                assert iter_cues(text, lo, hi, min_strength=k) == inside


# The content-end pattern as written before its first character came first (see _CONTENT_END).
_PLAIN_CONTENT_END = (
    r",\s|;|\s--\s|\s—\s|\s[–-]\s|\s(?:but|while|whereas)\s|\sand\s+(?:says|said|added|adds|warned|warns|tells|told|"
    r"notes|noted|insists|insisted)\b|"
    r"\s+(?:he|she|they|it)\s+(?:said|added)\b|"
    r"\s+and\s+(?:[A-Z][\w'’-]*\s+){1,3}(?:said|says|told|tells|added|argued|insisted|warned|noted|claimed)\b|"
    r"\s+and\s+(?:\w+ed|\w+ing|he|she|they|we|I|has|have|had|says|claims|pledges|calls|argues|promises)\b|"
    r"\s+(?:in\s+(?:an?|his|her|their|its)\s+(?:[\w'’-]+\s+){0,2}?(?:interview|statement|speech|post|tweet|op-ed|"
    r"letter|e-?mail|video|memo|report|blog|column|book|memoir|article|editorial|podcast|address)|"
    r"on\s+(?:Twitter|Facebook|Instagram)|according\s+to)\b"
)
_CONTENT_END_CASES = [
    "Kovac said the plan was late, but Berg said it was not; the mayor -- and she -- agreed — or not – fine",
    "it was good and Tom Berg said so and walked away, while he added more and she said it in an interview",
    "she wrote in her weekly column on Twitter according to aides and pledged it,\tand he said\n and they said",
    "the board said that it deplored the move and vowed and believed it would go, and announced that",
]


def test_content_ends_match_the_plain_patterns():
    import stance.segment as seg

    plain = re.compile(_PLAIN_CONTENT_END)
    that_plain = re.compile(
        _PLAIN_CONTENT_END.replace(
            r"\s+and\s+(?:\w+ed|",
            r"\s+and\s+(?:(?:vowed|pledged|announced|promised|warned|insisted|added|noted|stressed|declared)\b|"
            r"\w+ed(?!\s+(?:it|he|she|they|that)\b)|",
        )
    )
    for fast, slow in [(seg._CONTENT_END, plain), (seg._THAT_CONTENT_END, that_plain)]:
        _same_spans(fast, slow, _CONTENT_END_CASES + _EDGE_CASES, step=3)


def test_first_character_forms_match_the_plain_patterns():
    import stance.segment as seg

    pairs = [
        (speakers._RELATIVE_IN, r",?\s+(?:who|which)\s"),
        (seg._FEATURE_OF, r"\b(?:Gulf|Sea|Bay|Straits?|Co|Corp|Inc|Company|Corporation)\s+of\s+$"),
        (
            speakers._TRAILING_TIME,
            r"\s+(?:(?:on|last|this|late|early|earlier|later)\s+(?:[Mm]on|[Tt]ues|[Ww]ednes|[Tt]hurs|[Ff]ri|[Ss]atur|"
            r"[Ss]un)day|(?:last|this|late|earlier|later)\s+(?:week|month|year|night|morning|afternoon|evening|weekend)"
            r"|at\s+the\s+time)\s*$",
        ),
    ]
    texts = [
        "the official, who spoke ,who ,  which  a man who\twhich, whose; Ana Kovac,\nwho said",
        "the Gulf of  the Straits of the Strait of xCo of Corp of, Norco Company of  Corporation of ",
        "Kovac said on Monday  last week, later  this evening at the  time;  on tuesday at the time \n",
    ]
    for fast, plain in pairs:
        _same_spans(fast, re.compile(plain), texts + _EDGE_CASES)


def test_token_gaps_split_as_the_token_pattern_finds():
    import stance.segment as seg

    texts = [
        'Kovac (the envoy) said: "yes"; Berg, “no” –\tfine\u00a0here\u2028x\x1cy  ',
        "Norland's minister,Ana Kovac;later:said(it)",
    ]
    for text in texts + _EDGE_CASES:
        for a in range(len(text) + 1):
            for b in range(a, len(text) + 1):
                assert text[a:b].translate(seg._TOKEN_GAPS).split() == seg._TOKEN.findall(text, a, b)


def test_token_gaps_by_replace_is_the_translate_table():
    """`_token_gaps` replaces the separators one by one: it must give what the table gives,
    ASCII or not, every separator, runs of them and none."""
    import stance.segment as seg

    texts = [
        'Kovac (the envoy) said: "yes"; Berg, “no” –\tfine\u00a0here\u2028x\x1cy  ',
        ",;:()\"“”,,;;", "plain words only", "", "Ana’s aide,“Berg”:(x);y",
    ]
    for text in texts + _EDGE_CASES:
        for a in range(len(text) + 1):
            for b in range(a, len(text) + 1):
                assert seg._token_gaps(text[a:b]) == text[a:b].translate(seg._TOKEN_GAPS)


def _windows(text: str, step: int = 1) -> Iterator[tuple[int, int]]:
    """Every (start, end) window of the text, for checks that a fast path agrees with a plain one."""
    for a in range(len(text) + 1):
        for b in range(a, len(text) + 1, step):
            yield a, b


def _same_spans(
    fast: re.Pattern[str], plain: re.Pattern[str], texts: list[str], step: int = 1, groups: bool = False
) -> None:
    """The rewritten pattern finds what the plain one does in every window of every text (and, with
    groups, captures the same words)."""

    def read(m: re.Match[str]) -> object:
        return (m.span(), m.groups()) if groups else m.span()

    for text in texts:
        for a, b in _windows(text, step):
            found = [read(m) for m in fast.finditer(text, a, b)]
            assert found == [read(m) for m in plain.finditer(text, a, b)], (fast.pattern, a, b, text[a:b])


def test_abbreviation_test_reads_the_token_as_the_character_loop_did():
    from stance.segment.quotes import _ABBREV, ALL_MARKS, _is_abbrev

    def plain(text: str, dot: int) -> bool:
        j = dot
        while j > 0 and not text[j - 1].isspace() and text[j - 1] not in ALL_MARKS + "(":
            j -= 1
        word = text[j:dot].lower()
        if not word:
            return False
        return word in _ABBREV or (len(word) == 1 and word.isalpha()) or ("." in word and len(word) <= 6)

    texts = [
        "Mr. Kovac met Gen. Berg and Dr.Lind in the U.S. at 5 p.m. on Jan. 4.",
        'He said "St. Anne" (approx. 40 km) and (Messrs. Roe.) x.y.z. a.b.c.d. Washington. e.g. Inc.',
        "Ltd.\tCo.\u00a0Corp.\nN.Y. «Sen.» “Rep.” „no.” İnc. ABCDEF. ABCDEFG. .. . x.",
        "q.",
        ".",
    ]
    for text in texts + _EDGE_CASES:
        for dot in range(len(text)):
            assert _is_abbrev(text, dot) == plain(text, dot), (text, dot)


def test_legal_forms_after_space_are_the_pattern_matches_there():
    import stance.segment as seg

    texts = [
        "Norco Inc said. Kell Co. and Berg Cos' units; Vale Corp's plant, Lund Corporation\tLtd.",
        "xCo Inc.x Co-op Coal Corpse PLC's Plc’s AG\nSA NV Bhd Pty Limited LimitedX Inc_ Co\u00a0Corp",
        "Co Inc at the start, (Norco Ltd) and “Berg PLC” end Co",
        "Inc",
        "Vale INC and inc, Lund iNC; éInc Incé Inc9 Inc_x 9Ltd Ltd9 \u2003Ltd\u2003x Co’s plc's Pty.Ltd",
        "Kell Co\nCorp. Corporate Corporations Cosy  Bhd.\tSA-NV sa AG’s NVs PtyLtd LTD Limited.",
    ]
    for text in texts + _EDGE_CASES:
        plain = [m.span() for m in seg._LEGAL_FORM_AT.finditer(text) if text[m.start() - 1 : m.start()].isspace()]
        assert [m.span() for m in seg._legal_forms_after_space(text)] == plain, text


def test_the_cue_scan_finds_every_legal_form():
    """The legal forms are found in the cue scan's pass: it must look for each of them."""
    import stance.segment as seg
    from stance.segment.cues import LEGAL_FORM_WORDS

    assert LEGAL_FORM_WORDS == {f.lower() for f in seg._LEGAL_FORMS}


def test_sentence_ends_without_other_stops_are_found_by_the_full_stop_form():
    from stance.segment import quotes

    texts = [
        'He left. "Then" she came... The end.) Next. 9 lives. (A) test." B',
        "U.S. talks.\tNew era.\u00a0Old one.. “Quoted.” Z… Q",
    ]
    for text in texts + _EDGE_CASES:
        if "!" not in text and "?" not in text:
            _same_spans(quotes._SENT_END_DOT, quotes._SENT_END, [text])


def test_acronym_expansions_are_the_pattern_matches():
    long_name = " ".join(["Norland"] * 60)
    texts = [
        "The Consumer Safety Agency (CSA) and the Bank of Norland (BON) met the Board for Roads (BFR).",
        "McKell Trade Office (MTO), (XYZ) alone, Kell(KL) and Lund  \n Berg  (L.B.) or A (B) (C-D)",
        f"{long_name} Agency (NA) said; {long_name}, Office (NO) and the Tom’s Fund-Raiser (TFR)",
        "Union of the and Workers (UW) (UW) Union (U&W) de Vale Corp_2 (VC)",
    ]
    for text in texts + _EDGE_CASES:
        found = [m.span() for m in speakers._acronym_expansions(text)]
        assert found == [m.span() for m in speakers._ACRONYM_RE.finditer(text)], text


def test_acronym_expansions_search_only_the_run_before_each_bracket(monkeypatch):
    # Many bracketed acronyms that expand to nothing ("the alliance (NATO)"): each is searched
    # from the last punctuation before it, not from the last match or the story's start.
    sentence = "Prices rose by 5 pct in March, the office said. Talks went on, said the alliance (NTB). "
    text = sentence * 80
    searched: list[int] = []
    pattern = speakers._ACRONYM_RE

    class Counting:
        def search(self, t: str, pos: int, endpos: int):
            searched.append(endpos - pos)
            return pattern.search(t, pos, endpos)

    monkeypatch.setattr(speakers, "_ACRONYM_RE", Counting())
    assert speakers._acronym_expansions(text) == []
    assert len(searched) == 80 and max(searched) < 40


def test_suffix_index_keeps_the_longest_name_so_far():
    text = (
        "Ana Kovac met Tom Berg. Later Maria Ana Kovac and Kovac spoke; Ivo Berg, Tom Berg and "
        "Jan Tom Berg left, then Ana Kovac returned with Lea Marie Berg."
    )
    ents = speakers.build_entities(text, lambda s: False)
    plain: dict[tuple[str, ...], tuple[list[int], list[str], list[str | None]]] = {}
    for p in sorted(ents.persons, key=lambda p: p.pos):
        pt = tuple(p.name.split())
        for k in range(1, len(pt) + 1):
            ps, best, fwd = plain.setdefault(pt[-k:], ([], [], [None]))
            prev = best[-1] if best else None
            ps.append(p.pos)
            best.append(p.name if prev is None or len(pt) >= len(prev.split()) else prev)
            if fwd[0] is None and len(pt) > k:
                fwd[0] = p.name
    assert len(ents.persons) >= 6
    assert ents._suffix_index() == plain


def test_latest_named_with_a_floor_is_the_unbounded_answer_from_the_floor_on():
    text = (
        "Foreign Minister Jan Kowal of Norland met Anna Berg. Kowal told Berg he would stay. "
        '"Ask Tom Lund," Berg said. Later Lund and Kowal spoke; she left, and Berg agreed he was right.'
    )
    ents = speakers.build_entities(text, lambda s: False)
    ents.quoted = ([text.index('"')], [text.index('," ') + 2])
    assert len({p.name for p in ents.persons}) == 3
    for pronoun, clash in (("he", speakers._FEMALE), ("she", speakers._MALE), (None, frozenset())):
        for pos in range(0, len(text), 7):
            plain = ents.latest_named(pos, clash, pronoun, addressed=True)
            for floor in range(pos + 1):
                want = plain if plain is not None and plain[0] >= floor else None
                assert ents.latest_named(pos, clash, pronoun, addressed=True, floor=floor) == want


def test_latest_named_takes_the_last_surname_standing_alone_not_the_last_written():
    # "Berg" is written last inside "Bergson" and "Berg-Lund": the surname last standing alone
    # is "Kovac", after Tom Berg's full name.
    text = "Anna Kovac met Tom Berg. Kovac thanked him at the Berg-Lund works and at the Bergson gallery. "
    ents = speakers.build_entities(text, lambda s: False)
    assert ents.latest_named(len(text), frozenset()) == (text.index("Kovac thanked"), "Anna Kovac")
    assert ents.latest_named(text.index("Kovac thanked"), frozenset()) == (text.index("Berg."), "Tom Berg")


def test_family_words_are_the_capitalised_words_of_the_index():
    import stance.segment as seg
    from stance.records import Article
    from stance.targets import TargetLexicon

    texts = [
        "Ana Kovac met Tom Berg. Kovac's aide and Berg’s son saw Kovacs, McBerg, Berg-Lund and -Berg.",
        "_Kovac 9Kovac éKovac Kovac_ Kovac9 KOVAC kovac 'Kovac ’Kovac's Kovac's's Berg'",
        "Ana Kovac said. O'Neil Ryan met Lea O'Neil; O'Neil's view, X Y and Ivo Å Ek in Ek's home.",
    ]
    lex = TargetLexicon.load()
    for text in texts + _EDGE_CASES:
        s = seg._Segmenter(Article(id="t", text=text), lex, "content")
        index = s._person_index()
        plain = []
        for m in seg._CAPITALISED_WORD.finditer(text):
            family = m.group().removesuffix("'s").removesuffix("’s")
            if family in index:
                plain.append((m.start(), family))
        assert sorted(s._family_words(index)) == plain, text


def test_named_people_are_the_closest_name_at_every_family_word():
    import stance.segment as seg
    from stance.records import Article
    from stance.targets import TargetLexicon

    texts = [
        "Ana Kovac met Tom Berg. Kovac's aide said Berg left. Later Ivo Kovac spoke and Kovac left.",
        "Kovac spoke first. Then Ana Kovac and Lea Kovac came; Kovac said Berg’s son met Tom Berg.",
        "Mr Tom Berg of Paris met Ana Lund in Paris. Berg left Lund, and Lund Berg wrote to Berg.",
        "Prince Ivo Kovac met Rin Soto. Soto and Kovac talked; Soto's wife Mia Soto left.",
    ]
    lex = TargetLexicon.load()
    for text in texts + _EDGE_CASES:
        s = seg._Segmenter(Article(id="t", text=text), lex, "content")
        index = s._person_index()
        plain = []
        for k, family in sorted(s._family_words(index)):
            full = s._closest_name(index[family], [], k)
            if full:
                plain.append((k, full))
        fast = seg._Segmenter(Article(id="t", text=text), lex, "content")._named_people()
        assert fast == ([k for k, _ in plain], [n for _, n in plain]), text


def test_word_at_finds_the_whole_words_an_index_of_the_text_holds():
    import stance.segment as seg
    from stance.records import Article
    from stance.targets import TargetLexicon

    texts = [
        "Ana Kovac met Tom Berg. Kovac's aide, Kovacs, McKovac, Kovac-Lund, -Kovac and Kovac_ left Kovac",
        "Berg’s 9Berg éBerg Berg9 'Berg ’Berg Berg' O'Neil O'Neil's Neil",
    ]
    lex = TargetLexicon.load()
    for text in texts + _EDGE_CASES:
        s = seg._Segmenter(Article(id="t", text=text), lex, "content")
        index: dict[str, list[int]] = {}
        for m in seg._NAME_TOKEN.finditer(text):
            index.setdefault(m.group(), []).append(m.start())
        for word in ["Kovac", "Berg", "Berg’s", "O'Neil", "Neil", "Kovac's", "", "-Kovac", *index]:
            assert s._word_at(word) == index.get(word, []), (text, word)


def test_token_start_is_where_the_token_pattern_finds_the_word():
    import stance.segment as seg

    texts = [
        'Kovac (the envoy) said: "yes"; Berg, “no” –\tfine\u00a0here\u2028x\x1cy  ',
        "a aa a aaa aa a, a:a a  ",
        "Norland's minister,Ana Kovac;later:said(it) Kovac Kovac",
    ]
    for text in texts + _EDGE_CASES:
        for a in range(len(text) + 1):
            for b in range(a, len(text) + 1, 3):
                window = text[a:b].translate(seg._TOKEN_GAPS)
                words = window.split()
                starts = [m.start() - a for m in seg._TOKEN.finditer(text, a, b)]
                assert [seg._token_start(window, words, k) for k in range(len(words))] == starts


def test_office_trigger_holds_every_office_the_pattern_finds():
    """`_may_name_office` is a pre-check: it must say yes wherever `_OFFICE_IN_QUOTE` matches."""
    import stance.segment as seg

    texts = [
        "The PRIME MINISTER and the Finance Minister met the minister of the interior.",
        "the Chancellor, The vice president, the GOVERNOR and the home secretary; the Secretary of State",
        "The Premier and the Speaker; the premier and the speaker are no titles here",
        "the mınıster of finance or the preſident would match only under re's Unicode folding",
        "The ministry said the bank's chairman and the agency's head would decide.",
    ]
    for text in texts + _EDGE_CASES:
        for a in range(len(text) + 1):
            for b in range(a, len(text) + 1, 3):
                if seg._OFFICE_IN_QUOTE.search(text, a, b):
                    assert seg._may_name_office(text[a:b]), (text, a, b)
    assert not seg._may_name_office("The ministry said the chairman would decide.")
    assert seg._may_name_office("the preſident")  # a letter only re folds to "s": always scanned
    assert not seg._may_name_office("“The ministry”, said the chairman — in Zürich.")
    assert seg._may_name_office("“The PRESIDENT”, said the chairman — in Zürich.")


def test_word_spans_are_the_spans_of_the_word_bounded_pattern():
    """`_word_spans` stands in for `re.finditer(rf"\\b{re.escape(w)}\\b", text)`: same spans, also
    for words that end on a full stop, names inside longer words, repeats and non-ASCII letters."""
    import stance.segment as seg

    texts = [
        "Tom Kell met Kellogg's Kell. Kell, Kell-Smith and McKell; Kell_1 Kell2 Kell",
        "Dr. Ann Roe Jr. said Roe Jr. was Roe Jr.s friend; Roe Jr.. Roe Jr.x",
        "Zoë Ørsted and Ørsted’s Ørstedé Ørsted Ørsted",
        "aaa aa a aaaa aa",
        "",
    ]
    words = ["Kell", "Tom Kell", "Roe Jr.", "Jr.", "Ørsted", "aa", "a", ".", "Kell2"]
    for text in texts + _EDGE_CASES:
        for w in words:
            want = [m.span() for m in re.finditer(rf"\b{re.escape(w)}\b", text)]
            assert seg._word_spans(text, w) == want, (text, w)
    assert seg._word_spans("Kell met Kell", "Kell") == [(0, 4), (9, 13)]


def test_scare_quote_asks_verb_near_only_when_it_decides():
    """`looks_like_scare_quote` takes `verb_near` as a function and calls it only where the answer
    turns on it: its answers are those it gives the same value as a plain bool."""
    from stance.segment.quotes import Layout, looks_like_scare_quote, pair_marks

    text = (
        'Mayor Ilse Varga called the plan a "swindle" and said "never again".\n'
        'The so-called "harbour levy" rose. Critics said it was "a grab by the port board".\n'
        'Ferry crews would "resist" it, Varga said. She wrote that the "Blue Quay Fund" was "dead."\n'
        'The "woke" rules of the "Old Mill" club were "far too long for anyone to read," she said.\n'
        'He was a "fixer" at the "yard".'
    )
    quotes = pair_marks(text, Layout(text))
    assert len(quotes) >= 12
    for q in quotes:
        for cue in (False, True):
            for near in (False, True):
                asked: list[bool] = []

                def ask(near: bool = near, asked: list[bool] = asked) -> bool:
                    asked.append(True)
                    return near

                assert looks_like_scare_quote(text, q, cue, ask) == looks_like_scare_quote(text, q, cue, near)
                if len(text[q.parts[0][0] : q.parts[-1][1]].split()) > 5:
                    assert not asked  # a clause: settled before verb_near is asked
    calls: list[bool] = []
    q = next(q for q in quotes if text[q.parts[0][0] : q.parts[0][1]] == "resist")
    assert looks_like_scare_quote(text, q, True, lambda: calls.append(True) or True) is False
    assert calls == [True]


_SPACE_EDGES = ["", " ", "\n", "\t \n", "\x1c", "\u00a0", "\u2003", "x"]


def test_comma_end_is_the_trailing_comma_pattern():
    import stance.segment as seg

    plain = re.compile(r"[,:]\s*$")
    heads = ["", "said", "a, b", "told them:", "x,y", "the plan ,", "no: yes", ",", ":", ";"]
    for head in heads + _EDGE_CASES:
        for tail in _SPACE_EDGES:
            for s in (head + tail, head + tail + "\n", head + "," + tail, head + ":" + tail + "x"):
                assert seg._comma_end(s) == bool(plain.search(s)), repr(s)


def test_other_subject_matches_hold_an_and():
    """`_set_content` tries `_OTHER_SUBJECT` only where an "and" stands in the window."""
    import stance.segment as seg

    texts = [
        'was "far too high" and a few said so',
        'said "late"\tand  the mayor told reporters',
        '"too slow" and, she said, wrong; sandy and grand said',
        '"cheap" AND he said "no" andy said and',
    ]
    for text in texts + _EDGE_CASES:
        for m in seg._OTHER_SUBJECT.finditer(text):
            assert "and" in m.group(), text
    assert seg._OTHER_SUBJECT.search(texts[0]) and seg._OTHER_SUBJECT.search(texts[1])


def test_scan_marks_at_the_text_edges():
    """Marks at the first and the last character read the text's edge as a line end."""
    from stance.segment.quotes import scan_marks

    def marks(text: str) -> list[tuple[int, int, bool, bool]]:
        return [(m.pos, m.end, m.can_open, m.can_close) for m in scan_marks(text)]

    assert marks('"Go."') == [(0, 1, True, False), (4, 5, False, True)]
    assert marks("“Go”") == [(0, 1, True, False), (3, 4, False, True)]
    assert marks("”x“") == [(0, 1, True, False), (2, 3, False, True)]
    assert marks('Ana"s cat') == []
    assert marks('a "" b') == [(2, 4, True, True)]
    assert marks('x " y') == [(2, 3, True, True)]
    assert marks("said “no“ to") == [(5, 6, True, False), (8, 9, False, True)]
    assert marks("“”") == [(0, 2, True, True)]


def test_capitalised_runs_are_those_of_the_plain_pattern():
    """`_CAP_RUN_RE` is written for the regex engine's speed (no optional group as a repeat,
    the particles as a trie, possessive repeats, ASCII word characters tested before the Unicode
    category): it finds the runs the plainly written pattern finds, and matches and searches alike."""
    from stance.segment.speakers import _CAP_RUN_RE

    plain = re.compile(
        r"[A-ZÀ-ÖØ-Þ](?<![\w'’-].)(?:(?<=S)ir\s+[A-Z])?[\w'’\-]*(?:\.(?=[A-Z]))?[\w'’\-]*(?:\.(?<![a-z]{3}\.))?"
        r"(?:(?:[ \t]+|\n(?=[A-Za-z]))"
        r"(?:(?:de|da|dos|das|van|von|der|bin|ibn|al|el|le|la|del|di|du|abu)[ \t]+|(?:al|el|bin|ibn|abu)-)?"
        r"[A-ZÀ-ÖØ-Þ][\w'’\-]*(?<![a-z]{3}\.))*"
    )
    texts = [
        "Ana de la Vega met Piet van der Berg, Omar al-Rami, Ali bin Tarek and Abu-Sayf. Then Sir Tom Hale",
        "Rui dos Santos, Ines das Neves, Jan de\tWit, Eva del Monte, Ugo di Rocco, Leo du Pré and Noa le Roux",
        "Ida la Fleur, Max von Stein, Eli el Amin, Ola el-Nur, Ivo ibn Sina, Kai ibn-Rafi, Ari abu Dara",
        "Old de lower, van der x, al-qaeda, Dr. J.R. Ewing Jr. said U.S. Senate\nWilliams Inc. Ltd.Corp",
        "Émile Zola and Ørsted Øl; O'Neil’s McVey-Park d’Arc DeVito de Gaulle\nde Gaulle Sirius Sir\nAnn",
        "Word.Next Mon. Tue. A.B.C. abc.Def Ghi. jkl Dr.No Lot. Sandra Dee de ",
        "Łukasz Żmuda, Zoë Brontë_2 and Ωmega Δelta met B2B Fund_X \u00c9cole Sir  Ana, van  Berg\tal-Omar",
        "Ann Lee’s Bo-Ji Ray's 3Com de-Vries Jr.Pike the Rev. Kim  Ode\n\nNel Ode.\nIra Sir\tBo Mon.Tue",
    ]
    for text in texts + _EDGE_CASES:
        assert [m.span() for m in _CAP_RUN_RE.finditer(text)] == [m.span() for m in plain.finditer(text)], text
        for pos in range(len(text)):
            a, b = _CAP_RUN_RE.match(text, pos), plain.match(text, pos)
            assert (a and a.span()) == (b and b.span()), (text, pos)
            a, b = _CAP_RUN_RE.search(text, pos, pos + 9), plain.search(text, pos, pos + 9)
            assert (a and a.span()) == (b and b.span()), (text, pos)


def test_long_runs_are_skipped_with_or_without_the_run_memo():
    """A run of twelve gaps or more is no name (a headline in title case); the gaps are counted
    only for a run longer than twelve characters that the memo does not know: the same people
    and bodies are found with the memo empty and with it full."""
    from stance.segment.speakers import _RUN_MEMO, _SKIPPED_WORDS, build_entities

    def is_place(name: str) -> bool:
        return name in {"Norland", "Valmont"}

    texts = [
        "Senate Panel Backs Plan To Cut Farm Aid As Norland Rural Towns Lose Out Again\nAnna Berg said.",
        "Ab            Cd said. Tom Lund and Ida Holm met Norland Farm Board chief Per Vik.",
        "Ab           Cd and Ana  de  Souza   Lima met Jo Ek, Bo Ek and Valmont Port Authority staff.",
        "One Two Three Four Five Six Seven Eight Nine Ten Eleven Twelve\nThirteen Lars Ek said",
    ]
    for text in texts:
        _RUN_MEMO.clear()
        _SKIPPED_WORDS.clear()
        cold = build_entities(text, is_place)
        warm = build_entities(text, is_place)
        assert [(p.name, p.pos) for p in cold.persons] == [(p.name, p.pos) for p in warm.persons], text
        assert cold.orgs == warm.orgs, text
        assert all(p.name.count(" ") < 12 for p in cold.persons), text
    _RUN_MEMO.clear()
    assert not build_entities(texts[1][:16], is_place).persons  # twelve blanks in a short run


_PAIR_TEXTS = [
    'Vera Lund and Ivo Marsh met. "The pair agreed, and both parties, the two of them, either one, the duo."',
    "BOTH PARTIES; The Two Main Parties, neither candidate, the pairs, the pair of shoes, repair two men",
    "Both men said it. The two rivals. Neither woman. the pair2 the duo_ either one9 the pairé",
    "The paır met; both partieſ; the two of them",
    "both  parties, the\ttwo men, the two of them said, the two of these guys, eitherone",
    "",
]
_BODY_TEXTS = [
    "The Harbour Board and the Water Authority met the Kovac Foundation. Local Union leaders agree.",
    "the National Union of Glaziers, the Dunmore Board Options Exchange, the Unionist Board2 Councilé",
    "The Ward Council’s plan, the Lund Trust-backed bid, the Berg Network_ and Ivo Watch",
    "",
]


def _segmenter_windows(texts: list[str]) -> Iterator[tuple[Any, str, int, int]]:
    """Each text's segmenter with every window of the text: for the target stage's quote gates."""
    from stance.records import Article
    from stance.segment import _Segmenter
    from stance.targets import TargetLexicon

    lex = TargetLexicon.load()
    for text in texts:
        s = _Segmenter(Article(id="t", text=text), lex, "content")
        for a, b in _windows(text):
            yield s, text, a, b


def test_pair_and_body_tests_agree_with_the_plain_patterns_in_every_window():
    import stance.segment as seg

    for s, text, a, b in _segmenter_windows(_PAIR_TEXTS + _BODY_TEXTS):
        plain = seg._PAIR.search(text, a, b) if seg._PAIR_KEY.search(text, a, b) else None
        fast = s._pair_match(a, b)
        assert (fast and (fast.span(), fast.groups())) == (plain and (plain.span(), plain.groups())), (a, b)
        if seg._NAMED_BODY.search(text, a, b):
            assert s._may_name_body(a, b), (text, a, b)


_OFFICE_TEXTS = [
    "“The PRIME MINISTER and the Finance Minister met the minister of the interior,” Rook said.",
    "the Chancellor, The vice president, the GOVERNOR and the home secretary; the Secretary of State",
    "“The Premier and the Speaker”; the premier2 and the speaker_ and the presidenté — the presidents",
    "the mınıster of finance or the preſident would match only under re's Unicode folding",
    "“The ministry said the bank’s chairman and the agency’s head would decide,” Berg said.",
    "",
]


def test_office_test_agrees_with_the_plain_pattern_in_every_window():
    # The cue scan's office words (`_OFFICE_TRIGGERS`) stand for `_may_name_office` in every story, not only ASCII ones.
    import stance.segment as seg

    for s, text, a, b in _segmenter_windows(_OFFICE_TEXTS + _EDGE_CASES):
        if seg._OFFICE_IN_QUOTE.search(text, a, b):
            assert s._may_name_office_in(a, b), (text, a, b)


def test_a_curly_quoted_story_scans_no_quote_without_an_office_word(monkeypatch):
    import stance.segment as seg
    from stance.records import Article
    from stance.targets import TargetLexicon

    class Unread:
        def finditer(self, *args: object) -> None:
            raise AssertionError("scanned")

    text = "“The ministry will decide,” said Ann Rook — in Zürich. “The president will too,” she said."
    s = seg._Segmenter(Article(id="t", text=text), TargetLexicon.load(), "content")
    monkeypatch.setattr(seg, "_OFFICE_IN_QUOTE", Unread())
    assert s._office_holders_in(1, text.index("”"), "Ann Rook") == []
    with pytest.raises(AssertionError, match="scanned"):
        s._office_holders_in(text.index("The president"), text.index("will too"), "Ann Rook")


def test_target_key_words_are_the_whole_words_in_any_case():
    from stance.segment.cues import DESCRIPTION_HEADS, LEGAL_FORM_WORDS, TARGET_KEY_WORDS, target_key_words

    assert not TARGET_KEY_WORDS & (DESCRIPTION_HEADS | LEGAL_FORM_WORDS)  # their words go to those lists
    plain = re.compile(r"(?<![A-Za-z])(?:" + "|".join(sorted(TARGET_KEY_WORDS)) + r")(?![A-Za-z])", re.I | re.A)
    for text in _PAIR_TEXTS + _BODY_TEXTS + _EDGE_CASES:
        assert target_key_words(text) == [(m.start(), m.end(), m.group().lower()) for m in plain.finditer(text)]


def test_government_targets_do_not_depend_on_when_the_story_politics_is_read():
    # `_targets` reads the cached `_politics` before the per-quote key search: the same targets as a fresh run.
    import stance.segment as seg
    from stance.records import Article
    from stance.targets import TargetLexicon

    lex = TargetLexicon.load()
    stories = [
        "Labour and the Conservatives clashed over rail fares. Labour said the Conservatives had failed.\n"
        '"The Government has let commuters down," said Ann Rook.\n'
        '"Ministers must act," she added. "We will not wait."\n',
        'Tom Berg spoke in Ohio.\n"The government is too big," Berg said.\n',
    ]
    for text in stories:
        article = Article(id="t", text=text)
        plain = seg._Segmenter(article, lex, "fragment")
        plain_targets = [q.targets for q in plain.run()]
        early = seg._Segmenter(article, lex, "fragment")
        politics = early._politics()
        assert [q.targets for q in early.run()] == plain_targets
        assert early._politics() == politics
    assert seg._Segmenter(Article(id="t", text=stories[0]), lex, "fragment")._politics()


def test_government_key_test_agrees_with_the_plain_pattern_in_every_window():
    import stance.segment as seg

    texts = [
        "The Government and government ministers, administers; Downing Street, No 10, No. 10, Number 10",
        "the Home Office, Governments, GOVERNMENT, No.10, Nonministers 10, DDowning Street, HHome Office",
    ]
    for text in texts:
        for a, b in _windows(text):
            assert seg._government_key_in(text, a, b) == bool(seg._GOVERNMENT_KEYS.search(text, a, b)), (a, b)


def test_a_story_without_a_party_adjective_runs_no_regex_for_one(monkeypatch):
    # Whether a story writes "Democratic", "Republican" or "Conservative" at all is read by `in`.
    import stance.segment as seg
    from stance.records import Article
    from stance.targets import TargetLexicon

    class Unread:
        def search(self, *args: object) -> None:
            raise AssertionError("scanned")

    monkeypatch.setattr(seg, "_PARTY_ADJECTIVE_KEYS", Unread())
    text = "“The council will decide,” said Ann Rook in Velden. “Our plan stands,” she said."
    assert [q.targets for q in seg._Segmenter(Article(id="t", text=text), TargetLexicon.load(), "content").run()]
    text = "“Democratic mayors will decide,” said Ann Rook in Velden."
    with pytest.raises(AssertionError, match="scanned"):
        seg._Segmenter(Article(id="t", text=text), TargetLexicon.load(), "content").run()


_ALIAS_TEXTS = [
    "Ministers of the U.S. and the U.S.S.R. met; U.S.-made jets and a U.S.A. flag, but not US or u.s. trade.",
    "The world's poorest nations asked the U.N. General Assembly, Japan's Finance Ministry and the E.C. for help.",
    "Coffee-producing countries, coffee producing countries and COFFEE PRODUCERS met state-owned enterprises.",
    "Cote d'Ivoire and Côte d'Ivoire sent envoys to Port-au-Prince, N'Djamena and the G-7; al-Qaeda and al Qaeda.",
    "The House of Commons, the House, the Lords and the West. the West German mark, thewest, the\nWest, The West.",
    "Debtor countries, poorest debtor nations, creditor banks and the third world; Third World, THIRD WORLD.",
    "Lawmakers, legislators, congressmen, mujahideen and contras; statehood, stateless, state firms, State firms.",
    "Industrialised and industrialized nations, major industrial countries, less developed countries, western nations.",
]


@pytest.mark.parametrize("case", [str, str.lower, str.upper, str.title])
def test_alias_matches_from_the_cue_scan_equal_the_lexicon_scan(case):
    """The lexicon's scan for capitalised aliases plus the cue scan's lower-case alias words find
    every alias the lexicon's whole scan finds, in texts long enough for the scans."""
    from stance.segment.cues import alias_lower_words
    from stance.targets import TargetLexicon

    lex = TargetLexicon.load()
    text = case(" ".join(_ALIAS_TEXTS))
    assert len(text) >= 400
    words = alias_lower_words(text, lex.lower_firsts)
    assert words is not None
    assert lex.spans(text, words) == lex.spans(text)
    assert [m.span() for m in lex._matches(text, words)] == [m.span() for m in lex._pattern.finditer(text)]


def test_alias_lower_words_cover_the_default_lexicon_only():
    """A lexicon whose aliases open with a lower-case word the cue scan does not look for gets
    no words from it, and scans for itself."""
    from stance.segment.cues import ALIAS_LOWER_WORDS, alias_lower_words
    from stance.targets import TargetLexicon

    assert TargetLexicon.load().lower_firsts <= ALIAS_LOWER_WORDS
    assert not ALIAS_LOWER_WORDS & DESCRIPTION_HEADS
    own = TargetLexicon(aliases={"Widget Union": ["widget makers", "the Guild"]})
    assert own.lower_firsts == frozenset({"widget"})
    text = "Some widget makers said so. " * 20
    assert alias_lower_words(text, own.lower_firsts) is None
    assert own.spans(text) == [(5 + 28 * i, 18 + 28 * i, "Widget Union") for i in range(20)]


def test_plain_spacing_keeps_what_the_character_loop_kept():
    import stance.segment as seg

    def slow(text: str) -> tuple[str, list[int]]:
        where = [
            i for i, c in enumerate(text) if c not in seg._DROPPED and not (c == "\r" and text.startswith("\n", i + 1))
        ]
        return "".join(text[i] for i in where).translate(seg._SAME_WIDTH), where

    texts = [
        "Tom said:\r\n\u201cNo.\u201d\r\n",
        "\r\r\n\n\r\u200b\u200c\u200d\ufeff\r\n\u200b",
        "a\u200bb\r\nc\rd\ufeff",
        "\r\n",
        "\r",
        "\ufeffLine one\r\nLine two\u200d",
        "no odd spacing at all",
        "",
    ]
    for text in texts:
        assert seg._plain_spacing(text) == slow(text), repr(text)


def test_government_body_is_the_one_government_of_the_homes():
    from stance.targets import TargetLexicon

    lex = TargetLexicon.load()
    for state in [*dict.fromkeys(lex.homes.values()), "Nowhere", ""]:
        bodies = [
            c
            for c, h in lex.homes.items()
            if h == state and c.endswith(" government") and lex.kinds.get(c) == "organisations"
        ]
        want = bodies[0] if len(bodies) == 1 else None
        assert lex.government_body(state) == want, state
        assert lex.government_body(state) == want, state  # memoised


def test_role_prefix_split_is_the_word_test_with_the_token_memo_cold_or_warm():
    from stance.segment.speakers import _ENDS_PREFIX, _FEMALE_GIVEN, _MALE_GIVEN, _TITLE_TAILS, ORG_WORDS, ROLE_WORDS

    def is_place(t: str) -> bool:
        return t in {"Norland", "Valmont"}

    def slow(tokens: list[str]) -> tuple[list[str], list[str]]:
        last = len(tokens) - 1
        while last >= 0:
            t = tokens[last]
            tl = t.lower().rstrip(".")
            if tl in ROLE_WORDS or tl in ORG_WORDS or tl.endswith(("'s", "’s")) or is_place(t):
                break
            if t in _TITLE_TAILS and last + 1 < len(tokens) and tokens[last + 1] in _MALE_GIVEN | _FEMALE_GIVEN:
                break
            last -= 1
        return tokens[: last + 1], tokens[last + 1 :]

    runs = [
        "Corporate Affairs Minister Tom Hale",
        "Norland Trade Secretary Ana Kovac",
        "Sen. Tom Berg",
        "Berg's aide Ivo Lund",
        "Berg’s Ivo Lund",
        "Valmont Ivo Lund",
        "Exchequer Ivo Lund",
        "Ministry Ivo",
        "Ivo Lund",
        "Dr. Ana Kovac",
        "",
    ]
    for cold in (True, False):
        if cold:
            _ENDS_PREFIX.clear()
        for run in runs:
            assert speakers._strip_role_prefix(run.split(), is_place) == slow(run.split()), run
