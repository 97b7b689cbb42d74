"""Quotation marks to quoted spans: pairing, paragraphs, sentences and scare-quote rejection.

Everything here works on offsets into the article text exactly as given, because the
interface promises offsets into the unnormalised text. Marks are paired per paragraph so that
one stray mark can at worst lose one quote, never swallow the narrative that follows it.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable
from dataclasses import dataclass, field

OPEN_CURLY = "“„‟«"
CLOSE_CURLY = "”»"
STRAIGHT = '"'
ALL_MARKS = OPEN_CURLY + CLOSE_CURLY + STRAIGHT

_OPEN_BEFORE = set(" \t\n\r\u00a0([{—–-:;,/")
_CLOSE_AFTER = set(" \t\n\r\u00a0)]}.,;:!?—–-/…'")

# Abbreviations after which a period does not end a sentence.
_ABBREV = frozenset(
    """mr mrs ms dr sr jr st mt ft gen col lt sgt capt cmdr adm gov sen rep reps sens pres prof
rev hon messrs inc ltd co corp bros dept univ no nos vs etc jan feb mar apr aug sep sept oct nov dec
u.s u.k u.n e.u a.m p.m d.c n.y calif fla ill mass mich minn penn pa tex va wash wis ariz ala colo conn
del ga ind kan ky la md mo miss mont neb nev n.j n.c n.d n.h n.m okla ore r.i s.c s.d tenn vt w.va wyo
i.e e.g approx est fig al""".split()
)


@dataclass
class Mark:
    """One quotation mark (or a doubled mark typed as two) and which way it can face."""

    pos: int
    end: int
    can_open: bool
    can_close: bool


@dataclass
class RawQuote:
    """Quoted text before attribution: inner parts plus the mark positions around them."""

    parts: list[tuple[int, int]]
    open_pos: int  # first opening mark
    close_end: int  # just after the last closing mark
    para: int  # paragraph index of the first part
    kind: str = "direct"
    content: tuple[int, int] | None = None  # reported content for mixed quotes
    members: list[int] = field(default_factory=list)


# Wire copy wraps lines and indents paragraphs; web copy puts one paragraph per line.
_INDENTED = re.compile(r"\n[ \t]+\S")
_WIRE_BREAK = re.compile(r"\n[ \t]*\n\s*|\n[ \t]+")
_LINE_BREAK = re.compile(r"\n\s*")
# Patterns that are searched for open with a character class, not a repeat of one ("[.!?][.!?]*",
# not "[.!?]+"): the regex engine then skips to the characters a match can start with instead of
# trying the whole pattern at every position.
_SENT_END_REST = (
    r"[.!?]*[" + re.escape(ALL_MARKS) + r")\]]*(\s+)"
    r"(?=[" + re.escape(ALL_MARKS) + r"(\[]{0,3}(?:\.\.\.|…)?[A-Z0-9])"
)
_SENT_END = re.compile(r"[.!?]" + _SENT_END_REST)
# The same where the text has no "!" or "?": a match then opens with a full stop, a literal the
# regex engine finds with a quick scan instead of testing a character class at every character.
_SENT_END_DOT = re.compile(r"\." + _SENT_END_REST)


_BLANK_BREAK = re.compile(r"\n[ \t]*\n\s*")


def _hard_wrapped(text: str) -> bool:
    """Whether paragraphs are set apart by blank lines and their lines wrapped at a fixed width
    (mail and plain-text archives): then a single line end is a space, not a new paragraph. Most
    paragraphs hold more than one line, and no wrapped line is longer than a wrap width."""
    blocks = [b for b in _BLANK_BREAK.split(text) if b.strip()]
    if len(blocks) < 2:
        return False
    wrapped = [b for b in blocks if "\n" in b.strip()]
    if 2 * len(wrapped) < len(blocks):
        return False
    inner = [line for b in wrapped for line in b.strip().split("\n")[:-1]]
    return bool(inner) and max(map(len, inner)) <= 100 and sum(map(len, inner)) >= 40 * len(inner)


class Layout:
    """Paragraph and sentence boundaries of one article, built once and queried by offset."""

    def __init__(self, text: str) -> None:
        self.text = text
        brk = _WIRE_BREAK if _INDENTED.search(text) else _BLANK_BREAK if _hard_wrapped(text) else _LINE_BREAK
        starts, ends = [0], []
        for m in brk.finditer(text):
            ends.append(m.start())
            starts.append(m.end())
        ends.append(len(text))
        self.para_starts = starts
        self.para_ends = ends
        self._sent_starts: dict[int, list[int]] = {}

    def para_of(self, pos: int) -> int:
        # The first paragraph starts at 0: searching from the second gives 0 for any pos before it.
        return bisect.bisect_right(self.para_starts, pos, 1) - 1

    def para_span(self, i: int) -> tuple[int, int]:
        return self.para_starts[i], self.para_ends[i]

    def _sentences(self, p: int) -> list[int]:
        """Sentence starts of paragraph p, found the first time it is asked about: most of an
        article's paragraphs hold no quote and are never asked about."""
        starts = self._sent_starts.get(p)
        if starts is None:
            text = self.text
            ps = self.para_starts[p]
            starts = self._sent_starts[p] = [ps]
            pe = self.para_ends[p]
            plain = text.find("!", ps, pe) < 0 and text.find("?", ps, pe) < 0
            for m in (_SENT_END_DOT if plain else _SENT_END).finditer(text, ps, pe):
                dot = m.start()
                if text[dot] == "." and _is_abbrev(text, dot):
                    continue
                starts.append(m.end())
        return starts

    def sentence_span(self, pos: int) -> tuple[int, int]:
        """The sentence holding pos, never crossing its paragraph."""
        p = self.para_of(pos)
        ss = self._sentences(p)
        i = max(0, bisect.bisect_right(ss, pos) - 1)
        return ss[i], ss[i + 1] if i + 1 < len(ss) else self.para_ends[p]


# The token before a period, up to a space, a quotation mark or "(": as no abbreviation below is
# longer than six characters (`_is_abbrev`), a token is read back at most seven, one regex search
# instead of a loop over its characters.
_TOKEN_BEFORE_DOT = re.compile(r"[^\s" + re.escape(ALL_MARKS) + r"(]{1,7}\Z")


def _is_abbrev(text: str, dot: int) -> bool:
    lo = max(0, dot - 7)
    m = _TOKEN_BEFORE_DOT.search(text, lo, dot)
    if m is None or m.start() == dot - 7:
        return False  # no token, or one of seven characters or more: no abbreviation
    word = text[m.start() : dot].lower()
    if word in _ABBREV or (len(word) == 1 and word.isalpha()):
        return True
    # "U.S." and other dotted initialisms: a period inside the token.
    return "." in word and len(word) <= 6


def _mark_runs(text: str, lo: int, hi: int) -> list[tuple[int, int]]:
    """Runs of quotation marks in text[lo:hi]: a few str.find calls per mark cost less than a
    character-class regex tested at every character of a long article."""
    found: list[int] = []
    for c in ALL_MARKS:
        i = text.find(c, lo, hi)
        while i >= 0:
            found.append(i)
            i = text.find(c, i + 1, hi)
    found.sort()
    runs: list[tuple[int, int]] = []
    for i in found:
        if runs and runs[-1][1] == i:
            runs[-1] = (runs[-1][0], i + 1)
        else:
            runs.append((i, i + 1))
    return runs


def scan_marks(text: str, lo: int = 0, hi: int | None = None) -> list[Mark]:
    """Quotation marks in text[lo:hi] with their possible directions; apostrophes typed as '"' are dropped."""
    n = len(text)
    hi = n if hi is None else hi
    out: list[Mark] = []
    for s, e in _mark_runs(text, lo, hi):
        # A run of several marks is one mark ('""' a doubled one); its direction comes from the
        # surroundings.
        first, last = text[s], text[e - 1]
        prev = text[s - 1] if s > 0 else "\n"
        nxt = text[e] if e < n else "\n"
        if e - s == 1 and first == STRAIGHT and prev.isalnum() and nxt.isalpha():
            continue  # Kuwait"s, isn"t: an apostrophe typed as a quotation mark
        next_space = nxt.isspace()  # the "\n" past the text's end is a space too
        prev_space = prev.isspace()
        if first in OPEN_CURLY and last in OPEN_CURLY:
            open_ctx = prev in _OPEN_BEFORE or prev in ALL_MARKS or s == 0
            can_open = not (nxt in _CLOSE_AFTER and not prev_space and next_space) or open_ctx
            can_close = not prev_space and next_space and not open_ctx
        elif first in CLOSE_CURLY and last in CLOSE_CURLY:
            can_close = not (prev_space and not next_space)
            can_open = prev_space and not next_space
        else:
            can_open = (prev in _OPEN_BEFORE or prev in ALL_MARKS or s == 0) and not next_space
            can_close = nxt in _CLOSE_AFTER and not prev_space
            if not can_open and not can_close:
                # e.g. ' " ' between spaces, or 'word"word' with digits: let context decide.
                can_open = can_close = True
        out.append(Mark(s, e, can_open, can_close))
    return out


def _strip(text: str, a: int, b: int) -> tuple[int, int]:
    while a < b and text[a].isspace():
        a += 1
    while b > a and text[b - 1].isspace():
        b -= 1
    return a, b


def _reopened(text: str, first: int, a: int, b: int, second: int) -> bool:
    """Whether an opener at `first` left unclosed before another opener at `second` held whole
    sentences: both marks are the same and stand after a space or a colon, before a word
    ('said: "We are ready. "The ...'), and the text text[a:b] between opens a sentence with a
    capital and ends one, several words on, as where paragraphs of one quote were run together.
    A mark after a word or before a space is more likely a closer turned the wrong way
    ('unusual,“ said X.'), and a lower-case start a fragment left open."""
    return (
        b - a > 20
        and text[b - 1] in ".!?"
        and a == first + 1
        and text[a].isupper()
        and text[first] == text[second]
        and (first == 0 or text[first - 1] in " \n:")
        and b < second
        and text[second - 1] == " "
        and " " in text[a:b]
    )


def pair_marks(text: str, layout: Layout) -> list[RawQuote]:
    """Quotes from paired marks; a quote left open at a paragraph end continues only if the
    next paragraph opens with a mark (the newswire convention for multi-paragraph quotes)."""
    quotes: list[RawQuote] = []
    by_para: dict[int, list[Mark]] = {}
    for mk in scan_marks(text):
        by_para.setdefault(layout.para_of(mk.pos), []).append(mk)
    carry: tuple[list[tuple[int, int]], int, int, int] | None = (
        None  # parts, first open, first para, last para
    )
    for p in sorted(by_para):
        ps, pe = layout.para_span(p)
        pm = by_para[p]
        parts: list[tuple[int, int]] = []
        first_open: int | None = None
        first_para = p
        if carry and p == carry[3] + 1 and pm[0].can_open and pm[0].pos == first_char(text, ps, pe):
            parts, first_open, first_para = carry[0], carry[1], carry[2]
        carry = None
        open_mark: Mark | None = None
        for mk in pm:
            if open_mark is None:
                if mk.can_open:
                    open_mark = mk
                    if first_open is None:
                        first_open, first_para = mk.pos, p
                continue
            if mk.can_close:
                a, b = _strip(text, open_mark.end, mk.pos)
                if b > a and first_open is not None:
                    quotes.append(
                        RawQuote(
                            parts=parts + [(a, b)], open_pos=first_open, close_end=mk.end, para=first_para
                        )
                    )
                parts, first_open, open_mark = [], None, None
            elif mk.can_open:
                a, b = _strip(text, open_mark.end, mk.pos)
                if first_open is not None and _reopened(text, open_mark.pos, a, b, mk.pos):
                    # '"We are ready. "The talks go on."': paragraphs run together, each opening
                    # with a mark and none closed but the last; the sentence before is a quote too.
                    quotes.append(RawQuote(parts=parts + [(a, b)], open_pos=first_open, close_end=b, para=first_para))
                # Two openers in a row: the first was unbalanced; drop it (and any continuation).
                parts, first_open, first_para, open_mark = [], mk.pos, p, mk
        if open_mark is not None and first_open is not None:
            a, b = _strip(text, open_mark.end, pe)
            if b > a:
                carry = (parts + [(a, b)], first_open, first_para, p)
    return quotes


def first_char(text: str, a: int, b: int) -> int:
    while a < b and text[a].isspace():
        a += 1
    return a


_WORD_RE = re.compile(r"[^\W_][^\W_]*(?:[-'’.][^\W_]+)*", re.UNICODE)


def words(s: str) -> list[str]:
    return _WORD_RE.findall(s)


_DETERMINERS = frozenset(
    {
        "the",
        "a",
        "an",
        "its",
        "their",
        "his",
        "her",
        "our",
        "this",
        "that",
        "these",
        "those",
        "so-called",
        "called",
        "dubbed",
        "named",
        "termed",
        "term",
        "word",
        "words",
        "phrase",
        "of",
        "on",
        "in",
        "to",
        "by",
        "as",
        "for",
        "from",
        "into",
        "about",
        "with",
    }
)
_KEEP_BEFORE = frozenset(
    {
        "be",
        "is",
        "was",
        "are",
        "were",
        "been",
        "being",
        "remain",
        "remains",
        "seemed",
        "seems",
        "looked",
        "become",
        "became",
        "sounded",
        "felt",
        "feel",
        "very",
        "too",
        "most",
        "more",
    }
)


# Words before a short fragment that make it a term being named, not words being reported.
_TERM_BEFORE = frozenset(
    """the its their his her our this these those so-called called dubbed named titled nicknamed termed
known term phrase word words slogan""".split()
)
# Words right after a short fragment that show it ends its phrase ('called him a "liar" and ...')
# rather than modifying the noun after it ('"netback" contracts').
_PHRASE_AFTER = frozenset(
    """and or but nor to in for of on at by from with as than that because if when after before while
since into about against over under during""".split()
)
_PUNCT_AFTER = frozenset(".,;:!?)—–-…")


def _ends_phrase(text: str, q: RawQuote) -> bool:
    """Whether a fragment closes its phrase: punctuation inside or after the closing mark, the
    text's end, or a function word next."""
    b = q.parts[-1][1]
    if text[b - 1] in _PUNCT_AFTER:
        return True
    i, n = q.close_end, len(text)
    while i < n and text[i].isspace():
        i += 1
    if i >= n or text[i] in _PUNCT_AFTER:
        return True
    m = _WORD_RE.match(text, i)
    return bool(m and m.group().lower() in _PHRASE_AFTER)


# Small words inside a title ("Face the Nation", "State of the Union").
_TITLE_SMALL = frozenset({"of", "the", "and", "for", "with"})


# Words that may follow a quoted word that is the speaker's ('tried to "bury" the report', 'a
# "liar" and ...'); any other lower-case word after it is a noun the quoted word modifies.
_AFTER_OWN_WORD = frozenset(
    """the a an and or but nor to of in on for with at by from as that this these those it them him her
their his its our my your over into about against was is were are be been will would could should can
may might must has have had not than when while if because so after before until since all any some
every no who which what how why where there here up down out off back away again like unlike despite
without within through throughout across toward towards among amid between beyond around behind near upon
via per""".split()
)


def _modifies_noun(text: str, q: RawQuote) -> bool:
    """Whether the quoted word modifies a noun that follows it ('pushed "woke" policies', 'sold
    "green" bonds'): a term, which the guidelines do not count as a quote."""
    e = q.parts[-1][1]
    if e == 0 or not text[e - 1].isalnum():
        return False  # '"reckless," even though ...': the word ends its phrase
    word = text[q.parts[-1][0] : e].lower()
    if word.endswith("ly") and word not in _LY_ADJECTIVES:
        return False  # 'would "absolutely" require': an adverb, not a noun's modifier
    m = _NEXT_WORD.match(text, q.close_end)
    return m is not None and m.group(1) not in _AFTER_OWN_WORD and not m.group(1).endswith(("ly", "ed"))


# Adjectives ending in -ly, which can modify a noun ('"friendly" fire').
_LY_ADJECTIVES = frozenset(
    """friendly unfriendly costly deadly early elderly likely unlikely lovely ugly silly holy lonely orderly
timely daily weekly monthly yearly only family-friendly kindly lively manly womanly worldly cowardly""".split()
)


# The next word, also across one line break of hard-wrapped text (not a paragraph break).
_NEXT_WORD = re.compile(r"(?:[ \t]+|[ \t]*\n[ \t]*)([a-z][a-z-]*)\b")


_PREPOSITIONS = frozenset(
    """in on at for with by from into about against over under during after before since until like
unlike despite without within through throughout across toward towards among amid between beyond around
behind near upon via per""".split()
)


def _named_after_of(text: str, q: RawQuote) -> bool:
    """Whether a one-word fragment after "of" is a thing named ('the rise of "woke" across the
    colleges'), which a preposition after it does not make the speaker's word, as an article
    would not. A gerund ('accused him of "lying" to voters') is an act the speaker names."""
    word = text[q.parts[-1][0] : q.parts[-1][1]].strip(" .,;:!?").lower()
    if word.endswith("ing"):
        return False
    if _ACCUSED_OF.search(text, max(0, q.open_pos - 60), q.open_pos):
        return False  # 'accused the minister of "cowardice" over ...', 'warned of "chaos" at ...': the speaker's word
    m = _NEXT_WORD.match(text, q.close_end)
    return m is not None and m.group(1) in _PREPOSITIONS


# A verb whose "of" takes the speaker's charge or warning, not a thing named: 'accused X of', 'warned of'.
_ACCUSED_OF = re.compile(
    r"\b(?:accus|warn|complain|convict|suspect|guilty)"
    r"\w*\b(?:\s+(?!of\b)[\w'’.-]+){0,4}\s+of\s*$"
)


def looks_like_scare_quote(
    text: str, q: RawQuote, has_cue_before: bool, verb_near: bool | Callable[[], bool] = False
) -> bool:
    """Short fragments that name or distance a term rather than report speech.

    Mixed quotes ("the United States will be "flexible"") survive when the fragment is a
    predicate or clause; a title-cased phrase or a noun after "so-called", "the", "on" is a term.
    One or two words a few words after a reporting verb (`verb_near`: 'called the senator a "liar"
    and ...', 'said they tried to "bury" it') are the speaker's words too, unless after "a" or
    "an" in mid-phrase, one word after "of" before a preposition (see _named_after_of) or one
    word modifying the noun after it ('pushed "woke" policies'). `verb_near` may be a function,
    asked only when the answer turns on it: most fragments are settled before.
    """
    ws: list[str] = []
    for a, b in q.parts:
        for m in _WORD_RE.finditer(text, a, b):
            ws.append(m.group())
            if len(ws) > 5:
                return False  # a clause, not a term; no need to read a long quote to the end
    if not ws or (q.open_pos > 0 and text[q.open_pos - 1] == "="):
        return True  # nothing quoted, or a markup attribute's value (author="...")
    n = len(ws)
    inner = " ".join(text[a:b] for a, b in q.parts)
    ends_sentence = inner.rstrip().endswith((".", "!", "?", "...", "…"))
    prev = words(text[max(0, q.open_pos - 40) : q.open_pos])
    prev_word = prev[-1].lower() if prev else ""
    prev2 = prev[-2].lower() if len(prev) > 1 else ""
    if (
        prev_word == "so-called"
        or prev2 == "so-called"
        or prev_word in {"called", "dubbed", "named", "titled", "nicknamed", "termed", "known"}
    ):
        return True
    lead = inner.lstrip()[:1]
    if (
        n <= 5
        and all(w[:1].isupper() or w[:1].isdigit() or (i and w in _TITLE_SMALL) for i, w in enumerate(ws))
        and not ends_sentence
        and lead != "I"
    ):
        return True  # titles and names: "Fish Canal", "Paris Club", "Face the Nation"
    if ends_sentence and n >= 3:
        return False
    if not has_cue_before:
        return n <= 4
    if (
        n <= 2
        and prev_word not in _TERM_BEFORE
        and (verb_near() if callable(verb_near) else verb_near)
        and (prev_word not in ("a", "an") or _ends_phrase(text, q))
        and not (prev_word == "of" and n == 1 and _named_after_of(text, q))
        and not (n == 1 and _modifies_noun(text, q))
    ):
        # A speaker's word, not a term: 'called the senator a "liar" and ...', 'said the council
        # tried to "bury" the report'; but 'would build a "megadock" next year' names a thing.
        return False
    if n == 1:
        return prev_word not in _KEEP_BEFORE
    if (
        prev_word in _DETERMINERS
        and n <= 2
        and prev_word not in {"a", "an", "the", "its", "their", "his", "her", "our", "with"}
    ):
        return True
    return False
