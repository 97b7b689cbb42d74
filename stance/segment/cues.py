"""Speech-verb cues ("said", "told", "according to", "quoted ... as saying").

The cue list is closed on purpose: news attribution uses a small, stable set of verbs, and a
closed list keeps the segmenter fast and predictable on held-out text. Verbs of thinking
("believes") are left out because they attribute opinions, not quotations.
"""

from __future__ import annotations

import bisect
import re
from functools import lru_cache
from itertools import accumulate
from typing import NamedTuple

from stance.targets import letter_shape, word_scanner

_CUE_STEMS: tuple[str, ...] = (
    "say",
    "said",
    "says",
    "saying",
    "tell",
    "told",
    "tells",
    "telling",
    "add",
    "added",
    "adds",
    "adding",
    "warn",
    "warned",
    "warns",
    "warning",
    "tweet",
    "tweeted",
    "tweets",
    "tweeting",
    "state",
    "stated",
    "states",
    "note",
    "noted",
    "notes",
    "noting",
    "reply",
    "replied",
    "replies",
    "replying",
    "declare",
    "declared",
    "declares",
    "insist",
    "insisted",
    "insists",
    "insisting",
    "argue",
    "argued",
    "argues",
    "arguing",
    "explain",
    "explained",
    "explains",
    "explaining",
    "assert",
    "asserted",
    "asserts",
    "announce",
    "announced",
    "announces",
    "predict",
    "predicted",
    "predicts",
    "accuse",
    "accused",
    "accuses",
    "accusing",
    "criticize",
    "criticized",
    "criticizes",
    "criticise",
    "criticised",
    "criticises",
    "call",
    "called",
    "calls",
    "calling",
    "emphasize",
    "emphasized",
    "emphasizes",
    "emphasise",
    "emphasised",
    "emphasises",
    "stress",
    "stressed",
    "stresses",
    "stressing",
    "remark",
    "remarked",
    "remarks",
    "counter",
    "countered",
    "counters",
    "comment",
    "commented",
    "comments",
    "write",
    "wrote",
    "writes",
    "written",
    "read",
    "reads",
    "ask",
    "asked",
    "asks",
    "asking",
    "urge",
    "urged",
    "urges",
    "urging",
    "vow",
    "vowed",
    "vows",
    "pledge",
    "pledged",
    "pledges",
    "promise",
    "promised",
    "promises",
    "claim",
    "claimed",
    "claims",
    "claiming",
    "charge",
    "charged",
    "charges",
    "complain",
    "complained",
    "complains",
    "acknowledge",
    "acknowledged",
    "acknowledges",
    "admit",
    "admitted",
    "admits",
    "conclude",
    "concluded",
    "concludes",
    "continue",
    "continued",
    "continues",
    "observe",
    "observed",
    "observes",
    "recall",
    "recalled",
    "recalls",
    "respond",
    "responded",
    "responds",
    "threaten",
    "threatened",
    "threatens",
    "concede",
    "conceded",
    "concedes",
    "affirm",
    "affirmed",
    "affirms",
    "maintain",
    "maintained",
    "maintains",
    "contend",
    "contended",
    "contends",
    "suggest",
    "suggested",
    "suggests",
    "describe",
    "described",
    "describes",
    "describing",
    "report",
    "reported",
    "reports",
    "quip",
    "quipped",
    "interjected",
    "joke",
    "joked",
    "exclaim",
    "exclaimed",
    "demand",
    "demanded",
    "demands",
    "hope",
    "hoped",
    "hopes",
    "dismiss",
    "dismissed",
    "deny",
    "denied",
    "denies",
    "confirm",
    "confirmed",
    "confirms",
    "blast",
    "blasted",
    "slam",
    "slammed",
    "mock",
    "mocked",
    "cite",
    "cited",
    "testify",
    "testified",
    "agree",
    "agreed",
    "wonder",
    "wondered",
    "point",
    "pointed",
    "put",
    "puts",
    "went",
    "denounced",
    "fumed",
    "proclaimed",
    "boasted",
    "lamented",
    "scoffed",
    "retorted",
    "bragged",
    "griped",
    "railed",
    "gushed",
    "mused",
    "snapped",
    "chided",
    "barked",
    "shouted",
    "yelled",
    "cautioned",
    "recounted",
    "screamed",
    "reacted",
    "chanted",
    "bellowed",
    "hollered",
    "answered",
    "emailed",
    "texted",
    "assured",
    "pressed",
    "thundered",
    "declaring",
    "conceding",
    # Manner-of-speaking verbs that introduce a quote in news copy ('then leaned in and boomed:').
    "boomed",
    "roared",
    "sniped",
    "marveled",
    "marvelled",
    "huffed",
    "jabbed",
    "jibed",
    "taunted",
    "scolded",
    "fretted",
    "crowed",
    "pleaded",
    "grumbled",
    "muttered",
    "whispered",
    "sighed",
    "chuckled",
    "deadpanned",
    "mused",
    "reasoned",
    "reiterated",
    "rebutted",
)

CUE_WORDS: frozenset[str] = frozenset(_CUE_STEMS)

# Multi-word cues first so that "according to" wins over nothing and "called for" over "called".
_MULTI = (
    r"according\s+to|called\s+for|calls\s+for|pointed\s+out|points\s+out|went\s+on\s+to\s+say|puts?\s+it|"
    r"chimed\s+in|piped\s+up|shot\s+back|fired\s+back|(?:went|goes)\s+on(?=\s*:)"
)
CUE_RE = re.compile(
    r"\b(?:" + _MULTI + r"|" + "|".join(sorted(CUE_WORDS, key=len, reverse=True)) + r")\b", re.IGNORECASE
)

# Cues that reliably introduce quoted speech even without a subject next to them.
STRONG_CUES: frozenset[str] = frozenset(
    {
        "said",
        "says",
        "say",
        "saying",
        "told",
        "tells",
        "telling",
        "added",
        "adds",
        "adding",
        "warned",
        "warns",
        "tweeted",
        "stated",
        "noted",
        "noting",
        "replied",
        "declared",
        "insisted",
        "argued",
        "explained",
        "asserted",
        "announced",
        "predicted",
        "remarked",
        "countered",
        "commented",
        "wrote",
        "writes",
        "quipped",
        "interjected",
        "chimed in",
        "piped up",
        "shot back",
        "fired back",
        "joked",
        "exclaimed",
        "stressed",
        "emphasised",
        "emphasized",
        "according to",
        "continued",
        "recalled",
        "responded",
        "conceded",
        "acknowledged",
        "admitted",
        "concluded",
        "observed",
        "contended",
        "maintained",
        "asked",
        "urged",
        "vowed",
        "pledged",
        "promised",
        "claimed",
        "charged",
        "complained",
        "cautioned",
        "pointed out",
        "reported",
        "affirmed",
        "testified",
        "read",
        "reads",
        "put it",
        "puts it",
        "called for",
        "went on",
        "goes on",
    }
)

# Words that look like cues but, at the start of a clause, are nouns or other senses more often than not.
_WEAK_AS_NOUN = frozenset(
    {
        "state",
        "states",
        "note",
        "notes",
        "call",
        "calls",
        "report",
        "reports",
        "comment",
        "comments",
        "remarks",
        "charges",
        "claims",
        "point",
        "put",
        "puts",
        "went",
        "counter",
        "read",
        "continue",
        "hope",
        "demands",
        "stress",
        "pledge",
        "promise",
        "vow",
    }
)


def is_cue(word: str) -> bool:
    """True for a speech verb form; multi-word cues are matched by CUE_RE instead."""
    return word.lower() in CUE_WORDS


@lru_cache(maxsize=4096)
def cue_strength(word: str) -> int:
    """2 for verbs that nearly always attribute speech, 1 for ambiguous ones, 0 otherwise."""
    w = " ".join(word.lower().split())
    if w in STRONG_CUES:
        return 2
    if w in _WEAK_AS_NOUN:
        return 0
    return 1 if w in CUE_WORDS or w.startswith(("according", "called", "calls")) else 0


class CueMatch(NamedTuple):
    """A cue occurrence with the slice of re.Match's interface the segmenter uses."""

    s: int
    e: int
    word: str

    def start(self) -> int:
        return self.s

    def end(self) -> int:
        return self.e

    def group(self) -> str:
        return self.word


_MULTI_RE = re.compile(_MULTI, re.IGNORECASE)
_MULTI_FIRST = frozenset(
    "according called calls pointed points went goes put puts chimed piped shot fired".split()
)
# The words that can start a cue, in the three forms news writes a word in: lower case,
# capitalised or capitals. The scan looks for their lower-case forms as whole words of the text's
# lower-case letter shape, which needs half the alternatives at each word, and keeps those
# written in one of the three forms.
_WORD_FORMS = frozenset(f for w in CUE_WORDS | _MULTI_FIRST for f in (w, w.capitalize(), w.upper()))
# Head nouns of unnamed sources and of documents, which the speaker rules look for in the whole
# text ("a senior official", "diplomats said", "the agency's report": `speakers._head_words`).
# The cue scan finds them in the same pass over the letter shape: one pass costs little more
# than each of two.
ONE_HEADS = ("official", "spokesman", "spokeswoman", "diplomat", "delegate", "negotiator", "aide", "economist",
             "banker", "executive")
GROUP_HEADS = ("sources", "officials", "diplomats", "analysts", "delegates", "economists", "dealers", "traders",
               "bankers", "experts", "observers")
REPORT_HEADS = ("report", "study", "statement", "survey", "communique")
DESCRIPTION_HEADS = frozenset(ONE_HEADS + GROUP_HEADS + REPORT_HEADS)
# Companies' legal forms ("Inc", "Ltd"; `segment._LEGAL_FORMS` in lower case), which the firm
# rules look for in the whole text: found in the same pass too, instead of by a search of the
# text for each form.
LEGAL_FORM_WORDS = frozenset("ag bhd co corp corporation cos inc limited ltd nv plc pty sa".split())
# Words a target rule needs in a quote before it reads the quote at all: a pair's ("both", "the
# two", "either") and a named body's head ("Council"). Found in the same pass too: a regex for
# them in each quote cost the target stage more than the rules themselves.
PAIR_WORDS = frozenset("both two pair duo either neither".split())
BODY_HEADS = tuple(
    "committee commission authority foundation board council agency institute association federation "
    "network trust society league union watch".split()
)
BODY_HEAD_WORDS = frozenset(BODY_HEADS)
# An office a quote may give a story's one holder ("the president", "the prime minister"): a
# quote without one of these is not scanned for offices, whatever its characters.
OFFICES = ("minister", "chancellor", "president", "governor", "secretary", "premier", "speaker")
OFFICE_WORDS = frozenset(OFFICES)
TARGET_KEY_WORDS = PAIR_WORDS | BODY_HEAD_WORDS | OFFICE_WORDS
# The lower-case words the default lexicon's aliases open with but "the"
# (`TargetLexicon.lower_firsts`): found in the same pass, they spare the lexicon's own scan of the
# text every word in lower case.
ALIAS_LOWER_WORDS = frozenset(
    "advisory al bank coffee commercial congressional congressmen consumer consumers consuming contra contras "
    "creditor creditors debtor debtors developing farm foreign industrial industrialised industrialized lawmakers "
    "legislators lending less major mujahideen poorer poorest producer producers producing state third trading "
    "western world".split()
)
_WORD_SCAN = word_scanner(
    CUE_WORDS | _MULTI_FIRST | DESCRIPTION_HEADS | LEGAL_FORM_WORDS | TARGET_KEY_WORDS | ALIAS_LOWER_WORDS
)


@lru_cache(maxsize=8)
def _shape_words(
    text: str,
) -> tuple[
    list[tuple[int, int, str]],
    list[tuple[int, int]],
    list[tuple[int, int]],
    list[tuple[int, int, str]],
    list[tuple[int, int]],
]:
    """The whole words of the text's lower-case letter shape that are written as a cue word may
    be (lower case, capitalised or capitals), with the word, those spelt as a head noun is
    (`DESCRIPTION_HEADS`), those that are a legal form in any case (`LEGAL_FORM_WORDS`), as
    (start, end) in the text, and those of `TARGET_KEY_WORDS` in any case, with the word in lower
    case, and those of `ALIAS_LOWER_WORDS` in any case; all from one scan."""
    cues: list[tuple[int, int, str]] = []
    heads: list[tuple[int, int]] = []
    forms: list[tuple[int, int]] = []
    keys: list[tuple[int, int, str]] = []
    alias: list[tuple[int, int]] = []
    for m in _WORD_SCAN.finditer(letter_shape(text, lower=True)):
        s, e = m.start(), m.end() - 1
        w = text[s:e]
        if w in _WORD_FORMS:
            cues.append((s, e, w))
        if w in DESCRIPTION_HEADS:
            heads.append((s, e))
        else:
            lw = w.lower()
            if lw in LEGAL_FORM_WORDS:
                forms.append((s, e))
            elif lw in TARGET_KEY_WORDS:
                keys.append((s, e, lw))
            if lw in ALIAS_LOWER_WORDS:
                alias.append((s, e))
    return cues, heads, forms, keys, alias


def alias_lower_words(text: str, firsts: frozenset[str] | None) -> list[tuple[int, int]] | None:
    """(start, end) of the words of the text that are one of `ALIAS_LOWER_WORDS` in any case,
    standing between characters that are not ASCII letters, in order: `TargetLexicon.spans`'s
    `lower_words` for a lexicon whose `lower_firsts` are `firsts`. None where the scan does not
    look for one of them (another lexicon's words), so that the lexicon scans for itself."""
    if firsts is None or not firsts <= ALIAS_LOWER_WORDS:
        return None
    return _shape_words(text)[4]


def head_noun_words(text: str) -> list[tuple[int, int]]:
    """(start, end) of the words of the text spelt as one of `DESCRIPTION_HEADS`, standing between
    characters that are not ASCII letters (the caller checks the edges a regex's \b would)."""
    return _shape_words(text)[1]


def legal_form_words(text: str) -> list[tuple[int, int]]:
    """(start, end) of the words of the text that are a legal form in any case
    (`LEGAL_FORM_WORDS`), standing between characters that are not ASCII letters, in order."""
    return _shape_words(text)[2]


def target_key_words(text: str) -> list[tuple[int, int, str]]:
    """(start, end, word in lower case) of the words of the text that are one of
    `TARGET_KEY_WORDS` in any case, standing between characters that are not ASCII letters, in
    order."""
    return _shape_words(text)[3]


# A pronoun or a capitalised name (not a sentence's first "The") right before a verb.
_PERSON_BEFORE = re.compile(r"(?:\b(?:he|she|they|He|She|They|I|we|We)|\b(?!The\b|This\b|That\b)[A-Z][\w'’.-]*)\s+$")
_PRESSED_ON = re.compile(r"\s+(?:on|about|for|by|over|to|into|ahead|forward|the|him|her|them)\b")


# One text's cues of at least each strength (0, 1, 2): their starts, the cues, and for each cue
# the furthest end of it and the cues before it.
_CueIndex = tuple[tuple[list[int], list[CueMatch], list[int]], ...]


@lru_cache(maxsize=8)
def _cue_index(text: str) -> _CueIndex:
    """All cues of a text, found once, in one regex pass over the text, listed for each least
    strength a caller asks for: `iter_cues` then takes a slice instead of testing every cue."""
    out: list[CueMatch] = []
    for s, e, w in _shape_words(text)[0]:
        lw = w.lower()
        if lw in _MULTI_FIRST:
            mm = _MULTI_RE.match(text, s)
            if mm and lw in ("shot", "fired") and text[mm.end() : mm.end() + 4] == " at ":
                continue  # "fired back at critics who had called ...": an attack, not the quote's verb
            if mm and lw in ("went", "goes") and not _PERSON_BEFORE.search(text, max(0, s - 40), s):
                continue  # "The protest went on: chants of ...": a thing going on, not a speaker
            if mm:
                out.append(CueMatch(mm.start(), mm.end(), mm.group()))
                continue
        if lw in CUE_WORDS and not name_noun_at(text, s, w):
            if lw == "pressed" and _PRESSED_ON.match(text, e):
                continue  # "pressed on the timing, he said": asked, not speaking
            if lw in _SOUND_CUES and _CLAUSE_NEXT.match(text, e):
                continue  # "The crowd roared as Kovac took the stage:": a sound, not the speaker's verb
            out.append(CueMatch(s, e, w))
    strength = [cue_strength(c.word) for c in out]
    index = []
    for least in range(3):
        cues = [c for c, k in zip(out, strength) if k >= least]
        index.append(([c.s for c in cues], cues, list(accumulate([c.e for c in cues], max))))
    return tuple(index)


# Verbs of sound that crowds, engines and economies make too: no cue where another clause follows
# ("The crowd roared as Kovac took the stage:"); '"...," she sighed' and 'roared the chairman' are.
_SOUND_CUES = frozenset({"boomed", "roared", "sighed", "chuckled", "whispered", "muttered"})
_CLAUSE_NEXT = re.compile(r"\s+(?:as|when|while|after|before|until|because|and|but)\b")

# Cue words that are also nouns, so a name's last word: "the United States", "Consumer Reports".
_NAME_NOUNS = frozenset({"states", "reports", "claims", "notes"})


def name_noun_at(text: str, s: int, word: str) -> bool:
    """Whether a verb-like word at s is the last word of a name ("the United States"): a capital,
    after a capitalised word."""
    if word.lower() not in _NAME_NOUNS or not word[:1].isupper() or s < 2 or text[s - 1] != " ":
        return False
    j = s - 1
    while j > 0 and not text[j - 1].isspace():
        j -= 1
    return text[j : j + 1].isupper()


def iter_cues(text: str, lo: int = 0, hi: int | None = None, min_strength: int = 0) -> list[CueMatch]:
    """Cues lying wholly inside text[lo:hi], left to right, of at least `min_strength`: most
    callers want only the cues that attribute speech, and asking here spares a lookup per cue."""
    hi = len(text) if hi is None else hi
    if min_strength > 2:
        return []
    starts, cues, reach = _cue_index(text)[max(0, min_strength)]
    i, j = bisect.bisect_left(starts, lo), bisect.bisect_left(starts, hi)
    if i == j or reach[j - 1] <= hi:
        return cues[i:j]  # no cue there runs past hi: most windows
    return [c for c in cues[i:j] if c.e <= hi]


def find_cues(
    text: str, start: int = 0, end: int | None = None, min_strength: int = 1
) -> list[tuple[int, int]]:
    """Spans of cue words in text[start:end], left to right."""
    end = len(text) if end is None else end
    return [(m.s, m.e) for m in iter_cues(text, start, end, min_strength)]
