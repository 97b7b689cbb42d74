"""Quote segmentation: an article in, its direct and mixed quotes out, each with speaker, cue,
targets and context.

`segment` is the one public entry point. The steps live in small modules (quotes: marks and
spans; cues: speech verbs; speakers: mentions and following the article back) so each can be
tested and tuned alone. Everything is offset-exact against `article.text`.
"""

from __future__ import annotations

import bisect
import dataclasses
import re
import sys
import types
from collections.abc import Iterable
from functools import lru_cache, partial
from itertools import repeat
from typing import Literal

from stance.records import Article, Quote, Span
from stance.segment.cues import (
    BODY_HEAD_WORDS,
    BODY_HEADS,
    OFFICE_WORDS,
    OFFICES,
    PAIR_WORDS,
    CueMatch,
    alias_lower_words,
    cue_strength,
    iter_cues,
    legal_form_words,
    name_noun_at,
    target_key_words,
)
from stance.segment.quotes import (
    ALL_MARKS,
    Layout,
    RawQuote,
    _is_abbrev,
    first_char,
    looks_like_scare_quote,
    pair_marks,
)
from stance.segment.speakers import (
    _AGENCY_DATELINE,
    _BREAK,
    _FEMALE_GIVEN,
    _FOR_IN_NAMES,
    _MALE_GIVEN,
    _NAME_TOKEN,
    _NON_NAME_CAPS,
    _OF_IN_NAMES,
    _TITLES,
    _US_STATES,
    GENERIC_HEADS,
    ORG_WORDS,
    PERSON_PRONOUNS,
    ROLE_WORDS,
    Attribution,
    Entities,
    _clause_subject,
    _gender_clash,
    _is_passive,
    _lower_in,
    _party_word,
    _pronoun_alone,
    _subject_before,
    build_entities,
    canonical_speaker,
    mention_after_cue,
    post_attribution,
    pre_attribution,
    sentence_subject,
)
from stance.targets import WORD_EDGE, TargetLexicon, letter_shape, trie_pattern, word_scanner, words_pattern

__all__ = ["segment", "MIXED_MODES"]

MIXED_MODES = ("content", "fragment")
_CONTEXT_MAX = 1500
# Patterns that are searched for open with a character class, not a repeat of one ("[\w][\w]*",
# not "[\w]+"), nor a lookbehind (put after the first character instead): the regex engine then
# skips to the characters a match can start with instead of trying the pattern at every position.
_TOKEN = re.compile(r"[^\s,;:()\"“”][^\s,;:()\"“”]*")
# _TOKEN's separators other than white space, made spaces: `text.translate(_TOKEN_GAPS).split()`
# are _TOKEN's matches in text (str.split and the regex's \s take the same characters for white
# space), without a match object for each.
_TOKEN_GAPS = str.maketrans(dict.fromkeys(",;:()\"“”", " "))


def _token_gaps(window: str) -> str:
    """`window.translate(_TOKEN_GAPS)` by one str.replace per separator: a text with curly quotes
    is not ASCII, and translate then looks each character up in the table, which cost a
    cue's window more than all the rest of the subject's search."""
    return (
        window.replace(",", " ").replace(";", " ").replace(":", " ").replace("(", " ").replace(")", " ")
        .replace('"', " ").replace("“", " ").replace("”", " ")
    )
# The quotation marks as a set: whether a stretch holds one is one C-level set test.
_MARKS = frozenset(ALL_MARKS)
_AUX = frozenset({"also", "later", "has", "had", "have", "earlier", "then", "again", "further"})
_NOT_SUBJECT = frozenset(
    {"He", "She", "It", "They", "We", "I", "The", "But", "And", "A", "An", "This", "That"}
)
# How far before a quote its reporting verb is looked for: one very long sentence holding
# many quotes would otherwise be scanned from its start for each of them.
_LOOK_BACK = 600
_AFTER_RELATIVE = re.compile(r",\s*(?:whom|which)\s+$")
_NAME_WORD = re.compile(r"[\w'’.-][\w'’.-]*")
# Words opening an adjunct before a verb's "that" ('said via a spokesman that', 'said yet again that').
_ADJUNCT_OPENERS = frozenset("via afterwards alongside outright yet and as".split())
_AGO = re.compile(
    words_pattern("day days week weeks month months year years hour hours") + r"\s+(?:ago|earlier|later|after|before)\b"
)
_RELATIVE_BEFORE = re.compile(words_pattern("that which") + r"\s+$")
_LONG_TEXT = 30_000
_PLACE_PREPS = frozenset({"in", "at", "near", "from"})
# Words before a capitalised run that make it a body's name, not a person's: "the campaign group
# Freedom", "the charity Mercy"; and "the" before one word ("Save the Orphans") or before a name
# ending as a body's does ("the Norland Care Trust").
_BODY_BEFORE_NAME = frozenset(
    "group charity organisation organization campaign movement party union association firm company "
    "newspaper paper magazine broadcaster network website think-tank tank body".split()
)
_BODY_LAST = frozenset("trust fund foundation campaign league society council institute centre center".split())
_NON_NAME = frozenset(
    {
        "Monday",
        "Tuesday",
        "Wednesday",
        "Thursday",
        "Friday",
        "Saturday",
        "Sunday",
        "Reuters",
        "Despite",
        "However",
        "Meanwhile",
        "Earlier",
        "Later",
        "Today",
        "Yesterday",
        "Also",
    }
)
# The apposition or "of" phrase right after a name: ", the Japanese envoy," / " of the Foreign Ministry".
_APPOSITION = re.compile(
    r"(?:,\s+(?:the\s+|a\s+|an\s+)?|\s+of\s+(?:the\s+)?)[^,;:\"“”]{1,100}?(?=[,;:]|\s+(?:said|says|told)\b|\.?$)"
)
_NEXT_WORD = re.compile(r"[ \t\n]+([A-Za-z][\w'’\-]*)")
# Words after a name that show it stands as a noun: verbs, auxiliaries, conjunctions, prepositions.
_NOMINAL_NEXT = frozenset(
    """is was are were be been has had have will would shall should can could may might must does did
do and or but nor to of in on at for with by as from into than that which who whose whom where when
while if because so not also still alone itself themselves""".split()
) | {
    neg + tail
    for neg in "isn aren wasn weren hasn haven hadn won wouldn can couldn shan shouldn mustn doesn didn don".split()
    for tail in ("'t", "’t")
}
# Words before an unnamed official that end the description: "... said a senior official".
# Nouns for a group's members: after a bloc ("OPEC members", "EC states") they name the bloc
# itself; after a state they are its parts ("the West German states", "American states").
_MEMBER_NOUNS = frozenset({"members", "member", "nations", "countries", "states"})
_DETS_STOP = frozenset(
    """a an the one another two three several some many other most its his her their our this that
these those both all each said says told and or but of in at for with by from to as that which""".split()
)
# The words a body's name holds "for" or "of" after ("Department for Roads", "Ministry of Trade").
_BODY_GLUED = {"for": frozenset(_FOR_IN_NAMES), "of": frozenset(_OF_IN_NAMES)}
_PARA_GAP = re.compile(r"\n[ \t]*\n|\n[ \t]")
_TITLE_GLUE = frozenset({"of", "and", "for", "the", "to"})
# Lower-case words of a description a name stands in apposition to: "a U.S. Navy spokesman, X,".
_DESC_WORDS = ROLE_WORDS | _TITLE_GLUE | {"a", "an"}
# Words in a quote that point at a party named around it rather than in it (trie-shaped, like _REPORT_VERB).
_REFERENT_WORDS = """they them their theirs it its he she his her government country countries administration side
officials authorities partners banks regime president chairman commission committee""".split()
_REFERENT = re.compile(r"\b(?:" + trie_pattern(_REFERENT_WORDS) + r")\b", re.I)
# The same words in the lower-case letter shape (see `_referents`).
_REFERENT_SCAN = word_scanner(_REFERENT_WORDS)
# The characters other than ASCII letters that re.I matches to one ("ſ" to "s", the Kelvin sign to "k").
_FOLDS_TO_ASCII = "\u0130\u0131\u017f\u212a"
# "our government", "this administration": the speaker's own side, not a party outside the quote.
_OWN_DEIXIS = re.compile(r"\b(?:our|my|this|these)\s+$", re.I)
# A definite or possessive group ("the major industrial countries", "our trading partners")
# points back to parties named before; a bare plural ("developing countries") is generic.
_DEFINITE = re.compile(r"\b(?:the|our|its|their|these|those|your)\s+(?:[a-z][\w\-]*\s+){0,2}$", re.I)
_SPOKESMAN = re.compile(r"\bspokes(?:man|woman|person)\b", re.I)
# Verbs that report speech or a stance, for where a mixed quote's reported content starts: "X
# branded the plan "a disaster"" reports "the plan "a disaster"". Wider than the cue list,
# which also names the speaker, and inflected only (a bare "call" or "attack" is most often a noun).
_REPORT_STEMS = """call label brand dub describe term denounce praise thank blame accuse condemn hail chant
shout yell write tweet post declare proclaim pledge promise vow allege assert insist argue suggest question
wonder ask joke quip boast brag concede admit acknowledge recall remark reply respond counter retort caution
worry urge demand threaten warn predict conclude reveal announce state claim add explain note mention cite
deride dismiss mock slam blast lament complain criticize criticise attack reiterate stress emphasize""".split()


def _inflect(v: str) -> set[str]:
    if v.endswith("y") and v[-2] not in "aeiou":
        return {v[:-1] + "ies", v[:-1] + "ied", v + "ing"}
    if v.endswith("e"):
        return {v + "s", v + "d", v[:-1] + "ing"}
    es = "es" if v.endswith(("s", "sh", "ch", "x")) else "s"
    return {v + es, v + "ed", v + "ing"}


_REPORT_FORMS = {f for v in _REPORT_STEMS for f in _inflect(v)} | {
    "said", "says", "saying", "told", "tells", "telling", "wrote", "written", "found",
    # 'referred to Kovac as "a leader"', 'went on to call Kovac "the worst"': a naming verb whose
    # bare form after "to" is no noun.
    "referred to", "refers to", "referring to",
    # 'called on Kovac to "step down"': whom the call went to is the content's subject.
    "called on", "calls on", "calling on",
    *("to " + v for v in ("call", "label", "brand", "dub", "describe", "term")),
}
# A trie-shaped pattern over the lower-case and capitalised forms: a plain alternation with
# re.I costs a tenth of the segmenter's time.
_REPORT_VERB = re.compile(
    r"(?:"
    + trie_pattern({g for f in _REPORT_FORMS for g in (f, f.capitalize())}, guard=r"(?<![A-Za-z].)")
    + r")(?![A-Za-z])"
)
# Where a reporting verb may start: the forms in the lower-case letter shape (`letter_shape`),
# their words apart by blanks, looked ahead to so that no start is passed over. Every match of
# _REPORT_VERB starts at one of these (its letters are ASCII, with no ASCII letter before or
# after it), and the regex engine jumps between the shape's blanks instead of trying each letter.
_REPORT_STARTS = re.compile(
    b" (?=(?:" + trie_pattern(sorted(_REPORT_FORMS), space=" +").encode("ascii") + b") )"
)
# Verbs of saying whose object is the whole clause after them ('said the plan was "a mess"').
_SAYING_WORDS = """say says said saying told tells telling added adds argued argues insisted insists noted notes
warned warns predicted predicts claimed claims wrote writes tweeted tweets stated declared explained""".split()
_SAYING = re.compile(r"(?:" + trie_pattern(_SAYING_WORDS, guard=r"(?<![A-Za-z].)") + r")(?![A-Za-z])")
# The same verbs as whole words of the text's letter shape (`letter_shape`), whose blanks the regex
# engine jumps between: `_words_of` reads a window of up to 600 characters so, not trying the
# verbs at each of its letters.
_SAYING_SCAN = word_scanner(_SAYING_WORDS)


def _words_of(text: str, a: int, b: int, scan: re.Pattern[bytes], pattern: re.Pattern[str]) -> list[CueMatch]:
    """The words of text[a:b] that `scan` (a `word_scanner`) finds in the letter shape, as the word
    pattern (the same words between letter edges) finds them in the text. A window that ends
    inside a word is read from the text: there the pattern takes the word's cut-off start as a
    word of its own ("Says|ayers"), the letter shape does not."""
    if b < len(text) and text[b].isascii() and text[b].isalpha():
        return [CueMatch(m.start(), m.end(), m.group()) for m in pattern.finditer(text, a, b)]
    shape = letter_shape(text)
    return [CueMatch(m.start(), m.end() - 1, text[m.start() : m.end() - 1]) for m in scan.finditer(shape, a, b + 2)]


_POSSESSIVE_NAME = re.compile(
    r"[A-Z](?<![\w'’-].)[a-z]+(?: (?:Mc|Mac|O['’])?[A-Z][a-z]+(?:-[A-Z][a-z]+)?){1,2}$"
)  # "Tom McKellan's", "Ann O'Dwyle's"


def _is_word_char(c: str) -> bool:
    return c.isalnum() or c == "_"


def _word_spans(text: str, words: str) -> list[tuple[int, int]]:
    """The spans `re.finditer(rf"\\b{re.escape(words)}\\b", text)` gives, found with `str.find`:
    a pattern built per speaker missed the regex cache and recompiled in pure Python each story."""
    out: list[tuple[int, int]] = []
    n, size = len(text), len(words)
    if not size:
        return out
    first, last = _is_word_char(words[0]), _is_word_char(words[-1])
    i = text.find(words)
    while i >= 0:
        j = i + size
        if (i > 0 and _is_word_char(text[i - 1])) != first and (j < n and _is_word_char(text[j])) != last:
            out.append((i, j))
            i = text.find(words, j)
        else:
            i = text.find(words, i + 1)
    return out


def _other_modifier(text: str, a: int, b: int) -> bool:
    """Whether a word of text[a:b] before the last, after any determiner, makes a government
    another's ("European health ministers", "EU trade ministers")."""
    words = _A_WORD.findall(text, a, b)[-3:-1]
    for w in reversed(words):
        if w.lower() in _GOVERNMENT_DETERMINERS or w.lower() in ("these", "those", "our", "their"):
            return False
        if w in _NOT_THE_GOVERNMENT and w not in _PLACE_WORDS:
            return True
    return False


def _possessive_names(text: str) -> list[tuple[int, str]]:
    """(position, name) of two- or three-word names written as owners ("Tony Blair's"); found
    from each "'s", which a text has few of, instead of by a scan of every capital."""
    out = []
    for mark in ("'s", "’s"):
        i = text.find(mark)
        while i > 0:
            if not text[i + 2 : i + 3].isalnum():
                m = _POSSESSIVE_NAME.search(text, max(0, i - 60), i)
                if m:
                    out.append((m.start(), m.group()))
            i = text.find(mark, i + 2)
    return out


# Another speaker joined to an attribution: '..." Kovac said, and her husband chimed in.'
_SECOND_SPEAKER = re.compile(
    r"\s*,?\s*(?:and|but)\s+(?:his|her|their|the|a|an|one|another)\s+(?:[a-z]+\s+){1,2}?"
    r"(?:said|added|replied|interjected|chimed\s+in|piped\s+up|cut\s+in|broke\s+in|jumped\s+in|interrupted|asked|"
    r"answered|responded|countered|shot\s+back)[\s.:,]*$"
)
# What may open the sentence before a new subject: "Then the mayor shot back."
_CLAUSE_OPENERS = re.compile(r"^(?:then|later|but|and|so|finally|asked about [^,]+,|[A-Z]\w+ly,?)$", re.IGNORECASE)
# A person the story gives a pronoun: "Rin Soto said on Monday that she ...".
_SAID_PRONOUN = {
    p: re.compile(rf"[^.\n]{{0,60}}?\b(?:said|says|added|told \w+)\b[^.\n]{{0,30}}?\b{p}\b") for p in ("he", "she")
}


def _names_someone(s: str) -> bool:
    """Whether quoted words name someone a later "he" may mean: a capitalised word that does not
    open a sentence ("Judge Ren was wrong. He ..."), or a noun after the, my, his or her."""
    ws = s.split()
    for i, w in enumerate(ws):
        if i and w[:1].isupper() and w != "I" and not ws[i - 1].endswith((".", "!", "?")):
            return True
    return bool(_PERSON_NOUN_PHRASE.search(s))


_CAPITALISED_WORD = re.compile(r"[A-Z](?<![\w'’-].)[\w'’-]+")
# One character of such a word, and the run of them from an offset (`_family_words`).
_NAME_CHAR = re.compile(r"[\w'’-]")
_NAME_CHARS = re.compile(r"[\w'’-]*")
_PERSON_NOUN_PHRASE = re.compile(words_pattern("The the My my His his Her her Our our Their their") + r"\s+[a-z]+")
_NAME_COLON = re.compile(
    r"(?:^|(?<=\s[-—–]\s)|(?<=\n))((?:[A-Z][\w.'’-]+\s+){1,2}[A-Z][\w'’-]+(?:\s+and\s+(?:[A-Z][\w.'’-]+\s+){1,2}"
    r"[A-Z][\w'’-]+)?):\s*$"
)
_THIRD_PERSON = re.compile(words_pattern("He he him his She she her") + r"\b")
# A sentence adverb set off between a verb of saying and its "that": 'said, however, that'.
_ASIDE_ADVERB = re.compile(
    r",\s*(?:however|though|moreover|meanwhile|again|instead|nonetheless|nevertheless|furthermore|also|too|"
    r"in fact|of course|for example|for instance|in turn),\s+(?=that\b)"
)
# A complementizer opening the reported content: "told a crowd in Ohio that ...".
_THAT = re.compile(rf"t{WORD_EDGE}hat\b")
_THAT_MAX_WORDS = 10
# A relative clause whose verb of saying frames the fragment: 'which he described as', 'what
# former aides have called'; the pronoun is the content's subject.
_RELATIVE_CUE = re.compile(r"\b(which|what|whom)\s+(?:[\w.'’\-]+\s+){1,4}?(?:(?:had|has|have)\s+)?$")
# Verbs that name what they report ('called it "a mess"'), and words that open a content lacking
# its subject ('which the inquiry said was "careless"'): a relative pronoun before them is that subject.
_NAMING_CUES = frozenset(
    """call calls called calling describe describes described describing term terms termed dub dubs
dubbed label labels labeled labelled brand brands branded characterize characterizes characterized
characterise characterises characterised declare declares declared acknowledge acknowledges acknowledged""".split()
)
# What may stand between a naming verb and the name it gives: 'called a "disaster"', 'described as "...'.
_NAMING_LEADS = [[], ["as"], ["a"], ["an"], ["the"], ["as", "a"], ["as", "an"], ["as", "the"]]
_WORD_AT = re.compile(r"\s*[\"“”]?\s*([A-Za-z]+)")
_VERB_NEXT = frozenset("was is were are would will has had could should might may must".split())
_PREP_BEFORE = frozenset("in on at for about with by from of during under to through after before".split())
# What opens a frame, not a clause of its own, after "said that": 'said that if ..., "'.
_TIME_NOUNS = frozenset("day night week weekend morning afternoon evening time year month season".split())
_THAT_FRAMES = frozenset(
    """if once whatever whoever whenever wherever when while although though because as since unless
until after before in on at for with without despite given under by from amid during""".split()
)
# "told reporters on Monday that ...": who was told and when, up to the complementizer.
_ADDRESSEE_THAT = re.compile(
    r"(?:\s+(?:reporters|journalists|Reuters|the\s+\w+|him|her|them|us|me|an?\s+\w+))?"
    r"(?:\s+(?:on|last|this|yesterday|today|late|earlier)\b[^,\"“]{0,25}?)?\s*,?\s*(?:that\b)?"
)
# How far before a short fragment a verb of saying makes it a reported word (see _verb_near).
_NEAR_VERB_WORDS = 8
_WORDS = re.compile(r"[^\W_][^\W_]*(?:[-'’.][^\W_]+)*")
# "told reporters on Monday he ...": who was told, up to the subject pronoun of the content.
_TELL = frozenset({"told", "tells", "telling", "tell"})
# 'asked the crowd "Who will pay?"': whom a quoted sentence is put to comes before it.
_ASK_TELL = _TELL | {"asked", "asks", "asking", "ask"}
_TOLD_WHOM = re.compile(r"(?:\s+(?!that\b)[\w.'’-]+){1,8}?\s+(?=(?:he|she|they|it|we|I|you|there)\s)")
# Whom a named addressee was told, then the clause told with its own determiner: 'told host Ana
# Berg a loss is "likely"', 'told Norland Radio the plan was ...'.
_TOLD_NAMED = re.compile(
    r"[ \t]+(?:(?:[a-z]+[ \t]+){0,2}?(?:[A-Z][\w.'’&-]*[ \t]+){1,4}|(?:the|a|an|his|her|its|their|our)[ \t]+"
    r"(?:(?!(?:of|about|in|on|at|for|to|with|by|from|that|the|a|an|and|or)\b)[\w'’-]+[ \t]+){1,3}?)"
    r"(?=(?:the|a|an|his|her|its|their|our|this|these)[ \t])"
)
# A pronoun, a verb and then a second verb: the pronoun's clause is a relative one without
# "that" inside the subject ('the man in the red car she saw was "armed"'), not the content's own.
_RELATIVE_PRONOUN = re.compile(
    r"(?:he|she|they|it|we|I|you)[ \t]+(?!(?:still|also|never|just|now|then|already|always|even|only|"
    r"really|not|too|all|both|each|alone|himself|herself|itself|themselves|ourselves|myself)\b)(?![a-z]+ly\b)"
    r"[a-z]+[ \t]+(?:was|is|were|are|had|has|have|would|will|could|should|did)\b"
)


def _comma_end(s: str) -> bool:
    """Whether s ends on a comma or a colon, white space aside: `re.search(r"[,:]\\s*$", s)`
    without a regex tried at each of up to 600 characters."""
    return s.rstrip().endswith((",", ":"))


# Clause boundaries a content without a reporting verb starts after.
_CLAUSE_MARKS = (",", ";", ":", "—", " – ", "―", " -- ")
# Where the reported content ends after its last fragment: a clause boundary, a second verb
# phrase ("... and called ...", "... and she would ..."), a conjunction, a spaced dash, or an
# adjunct saying where it was said.
# Every alternative opens with a comma, a semicolon or a white space character: that one
# character comes first and each alternative checks it with a lookbehind, so the regex engine
# skips to those characters instead of trying all the alternatives at every position.
_CONTENT_END = re.compile(
    r"[,;\s](?:(?<=,)\s|(?<=;)|(?<=\s)--\s|(?<=\s)—\s|(?<=\s)[–-]\s|(?<=\s)(?:but|while|whereas)\s|"
    r"(?<=\s)and\s+(?:says|said|added|adds|warned|warns|tells|told|notes|noted|insists|insisted)\b|"
    r"(?<=\s)\s*(?:he|she|they|it)\s+(?:said|added)\b|"
    r"(?<=\s)\s*and\s+(?:[A-Z][\w'’-]*\s+){1,3}(?:said|says|told|tells|added|argued|insisted|warned|noted|claimed)\b|"
    r"(?<=\s)\s*and\s+(?:\w+ed|\w+ing|he|she|they|we|I|has|have|had|says|claims|pledges|calls|argues|promises)\b|"
    r"(?<=\s)\s*(?:in\s+(?:an?|his|her|their|its)\s+(?:[\w'’-]+\s+){0,2}?(?:interview|statement|speech|post|tweet|"
    r"op-ed|letter|e-?mail|video|memo|report|blog|column|book|memoir|article|editorial|podcast|address)|"
    r"on\s+(?:Twitter|Facebook|Instagram)|according\s+to)\b)"
)
# A time right after a verb of saying ('said Tuesday night the plan ...'): when it was said.
_LEADING_TIME = re.compile(
    r"\s+(?:(?:on|late|early|last|this|earlier)\s+)?(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|"
    r"today|yesterday|tonight|week|month|year)(?:\s+(?:morning|afternoon|evening|night))?,?\s+"
    r"(?!(?:morning|afternoon|evening|night)\b|[\w-]+['’]s\b|(?:was|is|will|would|has|had|marks|could|"
    r"might|must|should|can|may)\b)"  # not 'said Monday night's storm ...', 'said today was ...'
)
# A noun of saying that "is" or "was" a that-clause ('her answer was that ...', 'his claim is that
# ...'): the clause is what was said.
_COPULA_THAT = re.compile(r"\b(?:is|was|are|were|been)[ \t]+(?=that\b)")
# Where or when something was said, right after a verb of saying with no "that", then the
# clause said: its own subject pronoun ('wrote in both posts he was "honoured"') or, after a
# comma, whatever opens it ('noted in an editorial on Monday, the plan "has ..."').
_LEADING_SETTING = re.compile(
    r"[ \t]+(?:in|on|at|from|during)[ \t]+(?:(?:[\w.'’-]+[ \t]+){0,6}?(?=(?:he|she|they|we|I)[ \t])|"
    r"[^,;:()\"“”\n]{2,60},[ \t]+(?=[\w\"“]))"
)
# The setting's head is a medium or an occasion of saying, within three words of its preposition
# and before any "of" ('in both posts', 'at a rally', 'in her weekly column'). Other phrases after
# the verb are said too: a quantity, a hedge, a condition ('said at least 40 people ...', 'said in
# most cases they ...', 'said in the event of a strike she ...').
_SETTING_HEAD = re.compile(
    r"[ \t]+(?:in|on|at|from|during)[ \t]+(?:(?!of\b)[\w.'’-]+[ \t]+){0,3}?(?:(?:interview|statement|speech|"
    r"post|tweet|op-ed|letter|e-?mail|video|memo|report|blog|column|book|memoir|article|editorial|podcast|"
    r"listing|message|note|briefing|conference|hearing|rally|meeting|debate|broadcast|appearance|filing|"
    r"release|session|show|program|programme|newsletter|visit|series|thread|channel)s?|remarks|testimony|"
    r"address|Twitter|Facebook|Instagram|YouTube|LinkedIn|Telegram|X|television|TV|radio|airwaves|"
    r"social[ \t]+media|parliament|Parliament|Commons|Senate|chamber|weekend|"
    r"Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b"
)
# A content opened by "that" goes on through 'and' + a past verb with its own clause ('said that
# it "deplored" the move and believed it would ...'): a second verb of the same subject.
_THAT_CONTENT_END = re.compile(
    _CONTENT_END.pattern.replace(
        r"(?<=\s)\s*and\s+(?:\w+ed|",
        r"(?<=\s)\s*and\s+(?:(?:vowed|pledged|announced|promised|warned|insisted|added|noted|stressed|declared)\b|"
        r"\w+ed(?!\s+(?:it|he|she|they|that)\b)|",
    )
)
# After a fragment, 'and' with another subject and its own verb of saying: 'said "far too high"
# and a few said ...', '... and the mayor told reporters ...'.
_OTHER_SUBJECT = re.compile(
    r"\s\s*and\s+(?:[\w'’%.,-]+\s+){1,3}(?:said|say|says|told|tells|added|argued|insisted|warned|noted|claimed)\b"
)
# A byline after a headline cited in quotation marks: '"Port to close," by the Gazette's Ann Lund',
# '," by Ann Lund:', '," by Ann Lund http://...'. The writer of a story, not a speaker.
_BYLINE_AFTER = re.compile(
    r"[ \t]*by[ \t]+(?:the[ \t]+)?(?:[A-Z][\w.&-]*[ \t]+){0,4}[A-Z][\w.&-]*"
    r"(?:['’]s?(?:[ \t]+[A-Z][\w.&-]*){1,4})?(?:[ \t]*:|[ \t]+https?:|[ \t]*$)",
    re.M,
)
# Where a headline cited with its byline stands: at the start of a line, after at most a section
# label in capitals ('HARBOUR ARTS -') or a list's dash or bullet; not inside a sentence ('was
# called "...," by Kowal').
_HEADLINE_BEFORE = re.compile(r"[ \t]*(?:[A-Z][A-Z&'’ .]*[ \t]*[-–—:|][ \t]*|[-–—•*][ \t]*)?\Z")
# After an attribution, a participle of saying with words of its own ('," Kovac said, adding that
# the fund was empty. "..."'): a second report, which the next quote goes on with.
# Only a clause: "that" or a subject pronoun first, not 'adding weight to', 'adding to the row',
# 'explaining why'.
_OWN_REPORT_AFTER = re.compile(
    r",[ \t]+(?:adding|explaining)[ \t]+((?:that|he|she|they|we|I|there)[ \t]+[\w'’]+[ \t]+\w"
    r"|it[ \t]+(?:is|was|had|has|would|will|could|should|might|may|can|did|does)[ \t]+\w)"
)
# The participle right before the report it leads (see _participle_lead).
_PARTICIPLE_BEFORE = re.compile(r",[ \t]+(adding|explaining)[ \t]+\Z")
_PARTICIPLE_AFTER_COMMA = re.compile(
    r",\s+(?:(?:\w+ly|instead|then|again|also|still|later)\s+)?\w+ing\b|,\s+(?:though|although|while|whose|as)\b"
)
# Verbs of saying that take their clause with no "that" and no addressee ('said the plan ...');
# "told" and "warned" name whom they address first ('told reporters that ...').
_THATLESS_VERBS = frozenset(
    """say says said saying added adds argued argues insisted insists noted notes claimed claims wrote
writes stated declared explained suggested suggests acknowledged admitted conceded contended maintained
predicted tweeted""".split()
)
_ADVERBS_AFTER_VERB = frozenset(
    "last this next late early earlier later again also then still now recently instead once twice too".split()
)
_DETERMINER_WORDS = frozenset({"a", "an", "the", "his", "her", "its", "their", "our", "my", "your"})
_NOT_BEFORE_VERB = _PREP_BEFORE | _DETERMINER_WORDS
_LY_NOUNS = frozenset({"family", "ally", "rally", "italy", "supply", "assembly", "july", "reply", "belly"})
# Words after a fragment's own closing comma that continue the reported clause rather than
# the narration ('said the plan was "too late," because ..., '"a token," compared to ...').
_CONTENT_GOES_ON = re.compile(
    r"[ \t]+(because|including|compared\s+(?:to|with)|even\s+if|aside\s+from|and\s+that|but\s+also)\b"
)
# An attribution set inside the reported content ('Cost overruns, she said, "are certain."'):
# after the cue at most a few words (a day, the speaker of an inverted cue, whom it was told) and
# the comma or colon that closes the aside.
_ASIDE_REST = re.compile(r"[ \t]*(?:[\w.'’-]+[ \t]+){0,3}?[\w.'’-]*[ \t]*[,:][ \t\n]*$")
# What is the narration's own, not the speaker's, before such an aside: a connective or a bare
# adverb ("But", "Later", "Recently"), a time or setting ("On Monday", "In a statement"), how the
# words came ("Asked about ...", "Speaking in ..."), or a short prepositional frame ("In contrast").
_NARRATION_WORDS = frozenset(
    """but and yet so still however meanwhile also then now later earlier instead again afterwards
afterward today yesterday tonight separately moreover furthermore besides thus hence nevertheless
nonetheless otherwise sure""".split()
)
_DEICTIC_TIME = frozenset({"last", "this", "next", "earlier", "later", "that"})
_ASIDE_NOT_SUBJECT = frozenset("which who whom whose that as when where while if because and but or".split())
_BE = frozenset("is are was were be been being".split())
# The speaker of an inverted aside after its cue: '..., said Kovac, "', '..., says the minister: "'.
_INVERTED_SPEAKER = re.compile(r"[ \t]+(?:[A-Z]|the\s|a\s|an\s)")
# Clauses that cannot stand without the quoted sentence that follows them.
_LEADING_CLAUSE = frozenset({"if", "unless", "because"})
# Words that put a verb of saying inside another clause ("Asked why he had said ...", "When Lind said").
_SUBORDINATE = frozenset(
    "asked when whenever if unless because as after before since while though although why how what until once".split()
)
_TIME_FIRST = frozenset({"later", "earlier", "afterwards", "afterward", "meanwhile", "separately"})
_FRAME_PREPS = frozenset("in on at during after before since by for from over until within through".split())
# Words that open when or where a quote was said, not what ('Berg said on that day in May, "...').
_FRAME_OPENERS = _PREP_BEFORE | _FRAME_PREPS | _ADVERBS_AFTER_VERB
# Prepositions that open the narration's frame ("With the vote weeks away", "Back in Oslo"); "for"
# and "of" may open the speaker's topic and are judged by _FRAME_PREPS above.
_OTHER_PREPS = frozenset(
    "with without under outside inside back near despite amid amidst among across around behind beyond "
    "throughout upon toward towards against like unlike following ahead".split()
)
_NARRATION_PAIRS = frozenset({"once again", "even so", "of course", "in fact", "at least", "at last", "as usual"})
_ED_NOUNS = frozenset({"need", "seed", "red", "bed", "speed", "greed", "creed", "shed", "hundred", "sled"})
_NARRATION_LEAD = re.compile(
    r"^(?:(?:when|while|as|after|before)\s+)?(?:asked|speaking|addressing|responding|writing|answering|"
    r"appearing|testifying|interviewed|questioned|pressed|challenged|told|informed|according)\b",
    re.I,
)
_TIME = re.compile(
    r"\b(?:\d{4}|ago|monday|tuesday|wednesday|thursday|friday|saturday|sunday|january|february|march|"
    r"april|may|june|july|august|september|october|november|december|morning|afternoon|evening|night|"
    r"minute|minutes|hour|hours|day|days|week|weeks|weekend|month|months|year|years|time|times|today|yesterday)\b",
    re.I,
)
_SETTING = re.compile(
    r"\b(?:interview|"
    r"statement|speech|rally|debate|meeting|conference|hearing|letter|e-?mail|tweet|post|remarks|"
    r"briefing|appearance|event|broadcast|show|op-ed|column|book|video|ad|release|memo|testimony|"
    r"session|summit|visit|trip|address|subject|issue|topic|question|matter)\b",
    re.I,
)
# Lower-case words a title keeps ("Who Runs the Port", "Talks with the Mayor").
_SMALL_WORDS = _TITLE_GLUE | {"a", "an", "in", "on", "at", "by", "with"}
_MARK_SPLIT = re.compile("[" + re.escape(ALL_MARKS) + "]")
# A subject pronoun opening a quote points back past its sentence ("They will pay"); an owner's or
# an object's ("Its board", "Their success") most often means what the narration around the
# quote names, the speaker's own body included (pool half A: 0 true, 4 false targets).
_PRONOUN_START = re.compile(r"^\W*(?:they|it)\b", re.I)
# An owner's pronoun opening a quote ("Its market", "Their threats"): the owner is named in the
# narration before, not by the attribution, which names the speaker's side.
_OWNER_START = re.compile(r"^\W*(?:its|their)\b", re.I)
# After a city that is the venue of talks or the place of a deal or an event, not a party: "the
# Lisbon accord", "the Oslo train bombing".
_VENUE_NEXT = re.compile(
    r"\s+(?:accords?|agreements?|pact|summit|meetings?|talks|conference|communique|declaration|club|round"
    r"|(?:(?:train|car|bus|subway|metro|airport|embassy|hotel|nightclub|suicide|terror|terrorist|bomb|gun|mass)\s+)?"
    r"(?:attacks?|attackers|bombings?|bombers|massacre|shootings?|riots))\b",
    re.I,
)
# Before such a city: "since Lisbon", "talks held in Oslo".
_VENUE_BEFORE = re.compile(
    r"(?:\bsince|\b(?:meetings?|talks|conference|summit|session|negotiations|discussions|agreements?|accords?|agreed"
    r"|reached|signed|convened)\s+(?:held\s+)?(?:in|at))\s+$",
    re.I,
)
# Where the speaker spoke: "told reporters in Bahrain", "a news conference in Tokyo".
_SPOKE_IN = re.compile(
    r"\b(?:reporters|journalists|correspondents|newsmen|conference|briefing|rally|interview)\s+in\s+$", re.I
)


def _spoke_in(text: str, lo: int, hi: int) -> bool:
    """Whether `_SPOKE_IN` matches in text[lo:hi]; searched only where the window ends with "in"
    and a space (as re.I reads it: "IN", "In", the dotted and dotless i), which most do not."""
    e = hi
    while e > lo and text[e - 1].isspace():
        e -= 1
    if e == hi or e - 2 < lo or text[e - 1] not in "nN" or text[e - 2] not in "iI\u0130\u0131":
        return False
    return _SPOKE_IN.search(text, lo, hi) is not None
# A sum of money in a state's currency ("40 U.S. dlrs", "two billion Canadian dollars") names no party.
_AMOUNT_BEFORE = re.compile(r"(?:\d|\b(?:mln|bln|million|billion|trillion))\s+$", re.I)
_CURRENCY_NEXT = re.compile(r"\s+(?:dlrs?|dollars?|cents?)\b", re.I)
# Around a city named as a place rather than as its government: "in Oslo", "the Oslo market".
_PLACE_BEFORE = re.compile(r"\b(?:in|at|from)\s+$", re.I)
# "the mood in Oslo", "officials in Oslo": the city still stands for its government.
_GOVERNMENT_IN = re.compile(
    r"\b(?:attitudes?|mood|thinking|sentiment|officials|policymakers|circles|quarters)\s+in\s+$"
)
_PLACE_NEXT = re.compile(
    r"\s+(?:markets?|exchanges?|stocks?|bourse|traders?|dealers?|brokers?|futures|trading|financial|money|"
    r"stock|bullion|gold|Stock|International)\b"
)
# Where a filing went: "a filing with the Agency", "documents filed with the Agency", "told the
# Agency", "its Agency filing".
_FILED_WITH = re.compile(
    r"\b(?:(?:filings?|filed|registered|submitted|statements?|documents?|forms?)\s+(?:\w+\s+){0,2}(?:with|to)"
    r"|told)\s+(?:the\s+)?$"
)
# What follows a state's name that opens a company's or an association's name: "American Norco
# Brands Inc", "Irish Norco Airlines", "American Growers Association".
_CAP_BEFORE = re.compile(r"(?<![\w.'’-])([A-Z][a-z]+) $")
_STATE_NAME_GOES_ON = re.compile(r"/[A-Z]| [A-Z][a-z]")
_BREAK_CHARS = frozenset(".!?:;\"“”‘’'([…—–")
_IN_NAME = re.compile(
    r"(?:\s+(?:[A-Z][\w&'\-]*|of|and|&)){0,3}\s+(?:Inc|Corp|Co|Ltd|Plc|Group|Association|Institute|Exchange|Journal|"
    r"Airlines?|Brands|Company|Corporation|Federation|Society|Foundation|Industries|Petroleum|Resources|Motors|"
    r"Council|University|College|Museum|Airways|Broadcasting|Trust|Union)\b"
)
# A sea or a company named "of" a state ("the Gulf of Norland", "Kell Co of Norland"): a place or
# a name, no party.
_FEATURE_OF = re.compile(words_pattern("Gulf Sea Bay Strait Straits Co Corp Inc Company Corporation") + r"\s+of\s+$")
# A round of trade talks named after where it opened ("the Uruguay Round"): a name, no party;
# not the verb "round off/out/up/down" ("Norland and Japan round out the top three").
_ROUND_NEXT = re.compile(r"\s+(?:Round\b|round\b(?!\s+(?:off|out|up|down)\b))")
# A headline's source, one to three words after its last dash or colon: "NO CUT SEEN - NORLAND ANALYSTS".
_HEADLINE_SOURCE = re.compile(r"(?<=\S{3})\s*(?:\s-+\s*|-\s+|:\s+)(?=(?:[^\s\-:]+\s*){1,3}$)")
_FILING_NEXT = re.compile(r"\s+(?:filings?|registration)\b")
# A body's name before one of these in a headline describes who speaks ("AGENCY OFFICIAL SAYS").
_HEAD_TITLES = GENERIC_HEADS | {"secretary", "chief", "head", "chairman", "president", "director", "governor"}
# A speech or stance verb after the body a headline opens with (its ticker between): the body speaks.
_HEADLINE_SPEAKS = re.compile(
    r"(?:\s*<[^>]*>)?\s+(?:says?|sees?|rejects?|denies|deny|rules?\s+out|urges?|warns?|calls?\s+for|supports?|backs?|"
    r"plans?|seeks?|expects?|defends?|confirms?|predicts?|critici[sz]es?|asks?|opposes?|welcomes?|clarifies|"
    r"proposes?|suggests?|declines?|agrees?|threatens?|accuses?|blames?|praises?|reaffirms?|repeats?)\b",
    re.I,
)
_CAPS_WORD = re.compile(r"(?<![\w<])[A-Z][A-Z0-9&]+(?![\w>])")
# A stock ticker in a headline ("NORCO <NRC> SEES ...") marks a company story.
_TICKER = re.compile(r"<[A-Z][A-Z0-9.]*>")
# A slug before a headline's company name ("BRIEF-U.S. Norvale <USN> ...").
_TICKER_SLUG = re.compile(r"^(?:BRIEF|UPDATE\s*\d*|CORRECTED|RPT)-", re.I)
# A determiner or possessive right before a capitalised word makes a thing of it ("the Bill", "a
# Mark", "this Bill", "Labour's Bill"), a preposition of place a place ("in Virginia").
_NOT_A_NAME_BEFORE = re.compile(
    r"(?:\b(?:[Tt]he|an?|An?|[Tt]his|[Tt]hat|[Tt]hese|[Tt]hose|[Ii]ts|[Oo]ur|[Tt]heir|[Yy]our|[Mm]y|[Ee]very|[Aa]ny|"
    r"in|into|from|at|near|across|outside|around|via)|\w['’]s)\s+$"
)
# "at" before a possessive is a person's home or party ("at Bill's house"), not a place.
_AT_BEFORE = re.compile(r"\bat\s+$")
_POSSESSIVE_AFTER = re.compile(r"['’]s\b")
# Where a sentence or quotation opens, before a word.
_SENTENCE_OPENING = re.compile(r"(?:^|[.!?:;]\s+|[\"“‘(]\s*)$")
# A lower-case word after a capitalised word (but not "and"/"or", as in "Bill and I"), unless it is
# a finite verb, an auxiliary or an adverb before one: a sentence that opens with a name goes on
# so ("Mark is", "Bill has", "Mike called"), while the verb or adjective reading does not.
_LOWER_WORD_AFTER = re.compile(
    r"\s+(?!(?:and|or|nor|is|was|has|had|have|are|were|said|says|told|tells|will|would|can|could|should|shall|"
    r"may|might|must|did|does|do|knows|thinks|wants|also|never|always|just|still|then|[a-z]+ed)\b)[a-z]"
)
# Given names that are common words too, a verb or adjective when they open a sentence ("Mark my
# words", "Sue them", "Frank talks").
_WORD_GIVEN = frozenset(
    "Mark Frank Sue Max Chuck Jack Bill Will Rob Pat Art Bob Grant Hope Faith Joy Rose Dawn Guy Ray Drew Rich "
    "Sandy Penny Carol Jay Bud Buck Lance Wade Miles Sly".split()
)
# Title words that are listed given names too ("Lord", "Sir"): no name alone.
_TITLE_GIVEN = frozenset({"Lord", "Sir", "Dame", "Baroness", "Lady", "King", "Prince", "Earl"})
# Titles that name a person by family name alone.
_FAMILY_TITLES = frozenset(
    "president senator sen governor gov mr mrs ms miss dr former secretary speaker mayor judge".split()
)
# After a city in a headline: where a meeting was held or a deal made ("LISBON G-7 MEET", "OSLO PACT").
# Talks in a capital are most often with its government, so "talks" is no venue here.
_HEADLINE_VENUE = re.compile(
    r"(?:\s+(?:G-?\d+|\d+))?\s+(?:accords?|agreements?|pacts?|summit|meet|meetings?|conference|communique|declaration)\b",
    re.I,
)


# A government body a story may name without its state, and what shows the state.
_GOV_BODY = frozenset({"Ministry", "Office", "Cabinet", "Department"})
_BODY_IN = re.compile(r"\bin\s+([A-Z][\w'’\-]+(?:\s+[A-Z][\w'’\-]+)?)\s*$")
_DATELINE = re.compile(
    r"\s*([A-Z][A-Z.'’\- ]*[A-Z.])(?:,\s+([A-Z][\w.'’ ]+?))?(?:,\s+[A-Z][a-z]+\.?\s+\d{1,2})?"
    r"\s*(?:\([^()\n]{1,30}\)\s*)?[-—–]+\s"
)
_ADJECTIVE_ENDS = ("ese", "ian", "ish", "an", "i", "ic", "ch")


@lru_cache(maxsize=1)
def _default_lexicon() -> TargetLexicon:
    return TargetLexicon.load()


def segment(article: Article, lexicon: TargetLexicon | None = None, *, mixed: str = "content") -> list[Quote]:
    """Quotes of one article, in text order.

    `mixed="content"` (the guidelines' unit) extends a mixed quote to the whole reported content
    ("X said the plan was "a disaster""); `mixed="fragment"` keeps only the words inside the marks,
    which is how the project's dev annotations of Reuters stories delimit mixed quotes.
    """
    if mixed not in MIXED_MODES:
        raise ValueError(f"mixed must be one of {MIXED_MODES}, got {mixed!r}")
    text = article.text or ""
    if not any(c in text for c in ALL_MARKS):
        return []
    lex = lexicon if lexicon is not None else _default_lexicon()
    if not any(c in text for c in _ODD_SPACE):
        return _Segmenter(article, lex, mixed).run()
    plain, where = _plain_spacing(text)
    quotes = _Segmenter(dataclasses.replace(article, text=plain), lex, mixed).run()
    return [_back_to(q, text, where) for q in quotes]


# Typography that changes no words: Windows and old Mac line ends, zero-width marks. (No-break
# spaces stay as they are: read as spaces they changed as many PolNeAR quotes for the worse as
# for the better.)
_DROPPED = frozenset("\u200b\u200c\u200d\ufeff")
# Looked for one by one: `in` skips a text without them faster than a regex tests each character.
_ODD_SPACE = ("\r", *sorted(_DROPPED))
_SAME_WIDTH = str.maketrans({"\r": "\n"})


def _plain_spacing(text: str) -> tuple[str, list[int]]:
    """The text as the rules expect it ("\n" line ends, no zero-width marks), and
    for each of its characters the position it came from, so that offsets can be given back in
    the article as read."""
    # The few characters dropped are found by `str.find` and the text between them is kept in
    # slices: a Python step for each character of the story cost more than the rest of its reading.
    drops = []
    for c in (*_DROPPED, "\r\n"):
        i = text.find(c)
        while i >= 0:
            drops.append(i)
            i = text.find(c, i + 1)
    drops.sort()
    where: list[int] = []
    pieces = []
    kept = 0
    for i in drops:
        where.extend(range(kept, i))
        pieces.append(text[kept:i])
        kept = i + 1
    where.extend(range(kept, len(text)))
    pieces.append(text[kept:])
    return "".join(pieces).translate(_SAME_WIDTH), where


def _back_to(q: Quote, text: str, where: list[int]) -> Quote:
    """A quote found in the plain-spaced text, with offsets and words of the article as read."""

    def span(a: int, b: int) -> tuple[int, int]:
        start = where[a] if a < len(where) else len(text)
        return start, where[b - 1] + 1 if b > a else start

    def moved(s: Span | None) -> Span | None:
        if s is None:
            return None
        a, b = span(s.start, s.end)
        return Span(text[a:b], a, b)

    parts = [span(a, b) for a, b in q.parts]
    return dataclasses.replace(
        q,
        start=parts[0][0],
        end=parts[-1][1],
        parts=parts,
        text=" ".join(text[a:b] for a, b in parts),
        speaker_mention=moved(q.speaker_mention),
        cue=moved(q.cue),
    )


class _Segmenter:
    """State for one article: layout, entities seen so far, and the quotes found."""

    def __init__(self, article: Article, lex: TargetLexicon, mixed: str) -> None:
        self.article = article
        self.text = article.text
        self.lex = lex
        self.mixed = mixed
        # The lexicon's own lookups, handed to the speaker rules as they are: no wrapper call per token.
        self._is_place = lex.names_state_like
        self._canon_org = lex.canonical
        self.layout = Layout(self.text)
        self._affil_cache: dict[str, tuple[set[str], list[str]]] = {}
        self._lex_spans: list[tuple[int, int, str]] | None = None
        self._lex_starts: list[int] = []
        self._incidental_memo: dict[tuple[int, str], bool] = {}
        self._resolve: dict[str, str] = {}
        self._title_cache: list[str] | None = None
        self._headline_cache: list[str] | None = None
        self._bodies_cache: list[str] | None = None
        self._ticker_firm: str | None = None
        self._persons: dict[str, dict[str, list[int]]] | None = None
        self._given_names: dict[str, set[str]] | None = None
        self._family_alone: dict[str, bool] = {}
        self._name_ok: dict[str, bool] = {}
        self._firms: dict[str, str] | None = None
        self._firm_prefixes: frozenset[str] | None = None
        self._firm_name_list: list[tuple[int, list[str]]] | None = None
        self._common: dict[str, bool] = {}
        self._trades: dict[str, bool] = {}
        self._written_out: dict[str, bool] = {}
        self._story_names: frozenset[str] = frozenset()
        self._firm_at: tuple[list[int], list[tuple[int, int, str]]] | None = None
        self._counts: dict[str, int] | None = None
        self._congress: bool | None = None
        self._ticker_words: str | None = None
        self._namesake_parties: dict[str, bool] = {}
        self._party_mentions: dict[str, int] = {}
        self._politics_states: list[tuple[str, str]] | None = None
        self._titles: dict[str, list[str]] = {}
        self._adjective_story: bool | None = None
        self._creditor_owners: tuple[bool, list[list[str]]] | None = None
        self._headline: str | None = None
        self._side_cache: dict[tuple[tuple[int, int] | None, str | None], set[str]] = {}
        self._word_starts: dict[str, list[int]] | None = None
        self._sent_cache: dict[int, tuple[int, int]] = {}
        self._dateline: str | None = None
        self._post_cache: dict[tuple[int, int], tuple[Attribution, int] | None] = {}
        self._context_cache: dict[tuple[int, int], str] = {}
        self._named_cache: tuple[list[int], list[str]] | None = None
        self._holders: dict[str, set[str]] | None = None
        self._pair_ok: dict[tuple[str, str | None, bool], bool] = {}
        self._pair_cache: dict[tuple[str, str | None, frozenset[str]], _PairPlaces] = {}
        self._key_words: dict[str, tuple[list[int], list[int]]] | None = None
        self._folds: bool | None = None
        # An ASCII story's quotes are pre-checked for office words (see `_may_name_office`).
        self._ascii = self.text.isascii()
        self._heads: dict[str, str] | None = None
        self._heads_scan: re.Pattern[str] | None = None
        self._acronyms: dict[str, str | None] = {}
        self._caps_at: list[int] | None = None
        self.ents: Entities = build_entities(self.text, lex.names_state_like)
        self._register_speech_subjects()

    # ------------------------------------------------------------------ helpers
    def _register_speech_subjects(self) -> None:
        """'Yeutter said ...' outside quotes still sets who 'he' is in the next quote."""
        text = self.text
        for m in iter_cues(text, min_strength=2):
            lo = max(0, m.start() - 60)
            # Words first, offsets only for the few cues that name someone: most do not.
            window = _token_gaps(text[lo : m.start()])
            words = window.split()
            n = len(words)
            while n and words[n - 1].lower() in _AUX:
                n -= 1
            if n and words[n - 1].lower() in GENERIC_HEADS:
                self._register_unnamed([(t.start(), t.group()) for t in _TOKEN.finditer(text, lo, m.start())][:n])
                continue
            first = n  # the name is words[first:n]
            while first and words[first - 1][:1].isupper() and n - first < 4:
                tok = words[first - 1]
                if tok.endswith(".") and len(tok) > 3 and first < n:
                    break
                first -= 1
            while first < n and (
                words[first] in _NON_NAME or words[first].endswith(".") and len(words[first]) > 3
            ):
                first += 1
            if first == n or words[first] in _NOT_SUBJECT:
                continue
            if first and (
                words[first - 1] == "of"
                or words[first - 1] in _PLACE_PREPS and self._is_place(" ".join(words[first:n]))
            ):
                # 'The agency, received in London, said', 'Tom Reed of Ohio said': where or
                # whose, not who
                continue
            pos = lo + _token_start(window, words, first)
            canon, typ = canonical_speaker(
                " ".join(words[first:n]), pos, self.ents, self._canon_org, self._is_place
            )
            if (
                typ == "person"
                and first
                and text[max(0, pos - 3) : pos].rstrip()[-1:] not in (",", ";", ":")  # "... party, Mr Kowal said"
                and (
                    words[first - 1] in _BODY_BEFORE_NAME
                    or words[first - 1] == "the" and (n - first == 1 or words[n - 1].lower() in _BODY_LAST)
                )
            ):
                # 'a spokesman for the campaign group Freedom, told', 'of Save the Orphans said':
                # the name of a body, whom no later "he" or "she" means
                continue
            if canon:
                self.ents.add_speaker(pos, canon, typ, set())

    def _register_unnamed(self, toks: list[tuple[int, str]]) -> None:
        """'a Reagan administration official said', 'congressional sources said': an unnamed
        speaker that a later "the official" or "one source said" refers back to."""
        text = self.text
        k = len(toks) - 1
        while k > 0 and len(toks) - k < 5:
            pos, w = toks[k - 1]
            gap = text[pos : toks[k][0]]
            if k > 1 and toks[k][1][:1].isupper() and toks[k - 2][1] in _BODY_GLUED.get(w, ()):
                k -= 1  # "a Department for Rural Affairs spokeswoman": the body's name goes on
                continue
            if w.lower() in _DETS_STOP or "," in gap or not w[:1].isalpha() or w.endswith(".") or _PARA_GAP.search(gap):
                break
            k -= 1
        if k > 0 and toks[k - 1][1].lower() == "the":
            return  # "the chief spokesman said": someone already known, not a new source
        phrase = toks[k:]
        if len(phrase) == 1:
            return  # "Sources said": nothing new about who they are
        pos = phrase[0][0]
        canon, typ = canonical_speaker(
            " ".join(t for _, t in phrase), pos, self.ents, self._canon_org, self._is_place
        )
        if canon and typ != "person":
            self.ents.add_speaker(pos, canon, typ, {phrase[-1][1].lower()})

    def _national_body(self, speaker: str, mention: str) -> str:
        """A government body named without its state ("the Commerce Ministry", "The Cabinet in
        Kuwait") with the state's adjective: the place the mention names, else the dateline's
        ("Chinese Commerce Ministry" in a story from Beijing)."""
        words = [w.removesuffix("'s").removesuffix("’s") for w in speaker.split()]
        if not 1 <= len(words) <= 3 or words[-1] not in _GOV_BODY or any(map(self.lex.canonical, words)):
            return speaker  # "Japan's Foreign Ministry" already names its state
        pm = _BODY_IN.search(mention)
        state = self._state_of(pm.group(1)) if pm else self._dateline_state()
        adj = self._adjective(state) if state else None
        return f"{adj} {speaker}" if adj else speaker

    def _state_of(self, name: str) -> str | None:
        c = self.lex.canonical(name) or self.lex.canonical(name.title())
        return c if c and self.lex.kinds.get(c) == "states" else None

    def _dateline_state(self) -> str | None:
        """The state of the wire dateline the story opens with ("BEIJING, May 4 -")."""
        if self._dateline is None:
            dm = _DATELINE.match(self.text)
            state = None
            if dm:
                state = (self._state_of(dm.group(2)) if dm.group(2) else None) or self._state_of(dm.group(1))
            self._dateline = state or ""
        return self._dateline or None

    def _adjective(self, state: str) -> str | None:
        """The state's adjective among its lexicon aliases ("Chinese", "British", "Kuwaiti")."""
        for a in self.lex.aliases.get(state, ()):
            if a != state and " " not in a and a.endswith(_ADJECTIVE_ENDS):
                return a
        return None

    def _post(self, start: int, limit: int) -> tuple[Attribution, int] | None:
        """post_attribution, asked once per place: merging, classifying and attributing all ask."""
        key = (start, limit)
        if key in self._post_cache:
            return self._post_cache[key]
        hit = self._post_cache[key] = post_attribution(self.text, start, limit)
        return hit

    def _sentence(self, pos: int) -> tuple[int, int]:
        hit = self._sent_cache.get(pos)
        if hit is None:
            hit = self._sent_cache[pos] = self.layout.sentence_span(pos)
        return hit

    # ------------------------------------------------------------------ main
    def run(self) -> list[Quote]:
        raws = pair_marks(self.text, self.layout)
        raws = self._merge_split(raws)
        records: list[Quote] = []
        prev: tuple[Span | None, str | None, int] | None = None
        groups = self._classify(raws)
        quoted = sorted((r.open_pos, r.close_end) for g in groups for r in g if r.kind == "direct")
        self.ents.quoted = ([a for a, _ in quoted], [b for _, b in quoted])
        for group in groups:
            q = group[0]
            attr = self._attribute(group)
            mention = cue = None
            speaker = None
            inherited = False
            if attr is not None and attr.mention is not None:
                a, b = attr.mention
                a = _pronoun_alone(self.text, a, b)  # '"Never." Later he added:' is his
                mention = Span(self.text[a:b], a, b)
                # '"... Tony Bland," he said.': he is someone named before the quote, not in it.
                at = q.open_pos if a > q.open_pos and mention.text.lower() in PERSON_PRONOUNS else a
                rel = self._before_antecedent(at) if mention.text.lower() in PERSON_PRONOUNS else None
                subj = self._relative_subject(mention.text.lower(), a, rel) if rel is not None else None
                if subj is not None:
                    # 'Holm said the leak, which she described as "minor", was fixed': the
                    # sentence's subject, before any place or firm the clause follows.
                    speaker, typ = canonical_speaker(
                        self.text[subj[0] : subj[1]], subj[0], self.ents, self._canon_org, self._is_place
                    )
                else:
                    at = at if rel is None else rel
                    speaker, typ = canonical_speaker(mention.text, at, self.ents, self._canon_org, self._is_place)
                if speaker and typ == "org":
                    speaker = self._national_body(speaker, mention.text)
                roles = {w.lower() for w in mention.text.split()}
                if speaker:
                    self.ents.add_speaker(a, speaker, typ, roles)
            if attr is not None and attr.cue is not None:
                cue = Span(self.text[attr.cue[0] : attr.cue[1]], attr.cue[0], attr.cue[1])
            if (
                mention is None
                and prev is not None
                and self.layout.para_of(q.open_pos) - prev[2] <= 2
                and not (cue is not None and _RELATIVE_BEFORE.search(self.text, max(0, cue.start - 12), cue.start))
            ):
                # A quote with no attribution goes on the last speaker's; not one a thing's
                # relative clause introduces ('posters that read "..."').
                mention, speaker = prev[0], prev[1]
                inherited = attr is None
            parts = self._output_parts(group)
            if not parts:
                continue
            same_speaker = inherited or (prev is not None and mention == prev[0])  # the last quote's speaker, no cue
            if cue is None and mention is not None and len(group) == 1 and parts == list(q.parts) and same_speaker:
                # '..., adding that ... . "...': the participle's report, and the participle its cue
                lead, cue = self._participle_lead(q) or (None, None)
                parts = [lead, *parts] if lead else parts
            qtext = " ".join(self.text[a:b] for a, b in parts)
            n = len(records) + 1
            content = q.content or (group[0].parts[0][0], group[-1].parts[-1][1])
            records.append(
                Quote(
                    doc_id=self.article.id,
                    quote_id=f"{self.article.id}#q{n}",
                    start=parts[0][0],
                    end=parts[-1][1],
                    text=qtext,
                    kind=q.kind,
                    speaker_mention=mention,
                    speaker=speaker,
                    cue=cue,
                    targets=self._targets(group, content, mention, speaker),
                    parts=parts,
                    context=self._context(q),
                )
            )
            prev = (mention, speaker, self.layout.para_of(group[-1].close_end - 1))
        return records

    # ------------------------------------------------------------------ split quotes
    def _merge_split(self, raws: list[RawQuote]) -> list[RawQuote]:
        """'"We are ready," he said, "to talk."' is one quote with two parts."""
        out: list[RawQuote] = []
        i = 0
        while i < len(raws):
            q = raws[i]
            while i + 1 < len(raws):
                nxt = raws[i + 1]
                skip = int(i + 2 < len(raws) and self._title_in_attribution(q, nxt, raws[i + 2]))
                if skip:
                    nxt = raws[i + 2]  # '," X told NTV's "Morning Hour." "...': the title is no quote
                if self.layout.para_of(nxt.open_pos) != self.layout.para_of(q.close_end - 1):
                    if self._continues_in_next_paragraph(q, nxt):
                        q = _joined(q, nxt, i, i + 1)
                        i += 1
                    break
                pe = self.layout.para_span(self.layout.para_of(q.close_end - 1))[1]
                adjacent = not self.text[q.close_end : nxt.open_pos].strip() and _ends_sentence(
                    self.text, q.parts[-1][1]
                )
                if not adjacent:
                    post = self._post(q.close_end, nxt.open_pos)
                    if post is None:
                        break
                    if _ends_sentence(self.text, q.parts[-1][1]) and _words_before(self.text, q.close_end, post[0]):
                        break  # '"... rise." Spending, Kovac said, "...': a new sentence, its own aside
                    gap = self.text[post[1] : nxt.open_pos]
                    if not _MARKS.isdisjoint(gap) and not (skip and _only_titles(gap)):
                        break
                    gap = gap.rstrip().rstrip(ALL_MARKS)
                    if _ends_sentence(self.text, q.parts[-1][1]) and _colon_leads(
                        self.text, post, nxt.open_pos, self._sentence(post[1])[1]
                    ):
                        break  # '"... change." Kovac said: "...': the colon leads the next quote
                    if (
                        gap.rstrip().endswith(",")
                        and _ends_sentence(self.text, q.parts[-1][1])
                        and self.text[q.close_end : post[1]].lstrip()[:1].isupper()
                        and _capitalised(self.text, nxt.parts[0][0], nxt.parts[0][1])
                    ):
                        break  # '"... found." He added, "...': a new sentence introduces the next quote
                    if gap.rstrip().endswith(":") and self._sentence(nxt.open_pos)[0] > post[1]:
                        break  # '," said Berg. Kovac replied: "...': a new sentence leads the next quote
                    if self._introduces(post[1], nxt.open_pos):
                        break  # '," X said. Y replied, "...' or '... adding, "...': a second attribution
                    if _SECOND_SPEAKER.match(self.text, post[1], nxt.open_pos):
                        break  # '," Kovac said, and her husband chimed in. "...': his words next
                    if self._other_source_sentence(post[1], nxt.open_pos):
                        break  # '," he said. The White House said aid was coming. "...': another source
                    if gap.strip() and gap.rstrip()[-1] not in ",.:;":
                        break  # '," he said, adding that "...' introduces a new, mixed quote
                    if self.mixed == "content" and _OWN_REPORT_AFTER.match(gap):
                        break  # '," he said, adding that he ... . "...': the participle's own report
                    if len(gap.split()) > 8 and (
                        gap.rstrip()[-1] != "."
                        or self._sentence(post[1])[1] < nxt.open_pos
                        or self._post(nxt.close_end, pe) is not None
                    ):
                        # A long attribution joins only as one sentence ending where the next
                        # quote opens: '," said X, who ... since 2010. "...'
                        break
                # else: '... ready." "We ...': two sentences of one speaker in a row.
                tail = self.text[nxt.close_end : min(pe, nxt.close_end + 40)].lstrip()
                if tail[:1].islower() and self._post(nxt.close_end, pe) is None:
                    break  # '"..." he said. "You squeezed them" to drive up ...': a new, mixed quote
                # A second quote with its own attribution is a new quote, not a continuation.
                if (
                    not adjacent
                    and self._post(nxt.close_end, pe) is not None
                    and (
                        not self.text[q.parts[-1][1] - 1 : q.parts[-1][1]] == ","
                        # '"...," Berg said. "...," Kovac said.': the attribution ended its
                        # sentence, and the next quote's own attribution follows its comma
                        or (
                            self.text[q.close_end : nxt.open_pos].rstrip().endswith(".")
                            and self.text[nxt.parts[-1][1] - 1 : nxt.parts[-1][1]] == ","
                        )
                    )
                ):
                    break
                q = _joined(q, nxt, i, i + 1 + skip)
                i += 1 + skip
            out.append(q)
            i += 1
        return out

    def _other_source_sentence(self, a: int, b: int) -> bool:
        """Whether text[a:b] holds a new sentence with a verb of saying of its own ("... he said.
        The ministry said aid was coming."); a full stop of an abbreviation ("the U.S. Senate")
        starts no sentence."""
        text = self.text
        for m in _BREAK.finditer(text, a, b):
            if text[m.start()] == "." and _is_abbrev(text, m.start()):
                continue
            if iter_cues(text, m.end() - 1, b, min_strength=2):
                return True
        return False

    def _introduces(self, a: int, b: int) -> bool:
        """Whether text[a:b], before a quote opening at b, ends with a cue of its own that
        introduces that quote ('... Y replied, "', '..., adding: "'): the quote is then a new
        one, not the second half of the one before."""
        text = self.text
        # '"We are ready," said X, who was asked, "to talk."', '..., as reported, "...': a passive
        # cue or one after "as" introduces nothing.
        cues = [
            c
            for c in iter_cues(text, a, b, min_strength=1)
            if not _is_passive(text, c) and not _AS_BEFORE.search(text, max(a, c.start() - 4), c.start())
        ]
        if not cues:
            return False
        rest = text[cues[-1].end() : b]
        return len(rest.split()) <= 3 and rest.rstrip()[-1:] in (",", ":")

    def _title_in_attribution(self, q: RawQuote, title: RawQuote, nxt: RawQuote) -> bool:
        """Whether `title` is a programme or paper named in the attribution between two quotes of
        one paragraph ('," she told NTV's "Morning Hour" on Sunday. "...'): a few capitalised
        words, after an attribution of `q`, with no other mark before `nxt`."""
        text = self.text
        para = self.layout.para_of(q.close_end - 1)
        if (
            len(title.parts) != 1
            or self.layout.para_of(nxt.open_pos) != para
            or nxt.open_pos - title.close_end > 40
            or not _only_titles(text[title.open_pos : title.close_end])
        ):
            return False
        return self._post(q.close_end, title.open_pos) is not None

    def _continues_in_next_paragraph(self, q: RawQuote, nxt: RawQuote) -> bool:
        """'"...," she said.' closing a paragraph, then a paragraph that is one quote and nothing
        else: the same speaker goes on ('"It will pass."')."""
        text, lay = self.text, self.layout
        p = lay.para_of(q.close_end - 1)
        if lay.para_of(nxt.open_pos) != p + 1 or len(nxt.parts) != 1:
            return False
        ps, pe = lay.para_span(p)
        if not text[q.close_end : pe].strip():
            # '"...," she said. "... for good."' closing the paragraph: the speaker is named
            # between the parts.
            if len(q.parts) < 2 or not q.members:
                return False
        else:
            post = self._post(q.close_end, pe)
            if post is None or not _attribution_tail(text, post[1], pe):
                return False
        ns, ne = lay.para_span(p + 1)
        return (
            nxt.open_pos == first_char(text, ns, ne)
            and not text[nxt.close_end : ne].strip()
            and _ends_sentence(text, nxt.parts[-1][1])
        )

    # ------------------------------------------------------------------ direct, mixed or not a quote
    def _classify(self, raws: list[RawQuote]) -> list[list[RawQuote]]:
        text = self.text
        kept: list[RawQuote] = []
        for q in raws:
            if (
                text[q.parts[-1][1] - 1 : q.parts[-1][1]] == ","
                and _BYLINE_AFTER.match(text, q.close_end)
                and _HEADLINE_BEFORE.match(text, text.rfind("\n", 0, q.open_pos) + 1, q.open_pos)
            ):
                continue  # '"Port to close in May," by the Gazette's Ann Lund: ...': a story's headline
            ss, se = self._sentence(q.open_pos)
            lo = max(ss, q.open_pos - _LOOK_BACK)
            pre = text[lo : q.open_pos]
            pre_s = pre.strip()
            post_end = self._sentence(max(q.close_end - 1, 0))[1]
            tail = text[q.close_end : max(post_end, q.close_end)]
            post = self._post(q.close_end, self.layout.para_span(self.layout.para_of(q.close_end - 1))[1])
            pre_cues = iter_cues(text, lo, q.open_pos, min_strength=1)
            starts_clause = (
                not pre_s
                and not text[ss:lo].strip()
                or pre_s.endswith((":", "—", "--", "―"))
                # '... members ("We want our fees back," wrote one.)': an aside quote with its speaker
                or (pre_s.endswith("(") and post is not None)
                or (pre_cues and _comma_end(pre) and pre_cues[-1].end() >= len(pre_s) + lo - 60)
                or bool(pre_cues and pre_cues[-1].end() == lo + len(pre.rstrip()))
            )
            ends_clause = post is not None or not tail.strip().strip(".,;)").strip() or len(q.parts) > 1
            if len(q.parts) > 1 or (starts_clause and ends_clause):
                q.kind = "direct"
                kept.append(q)
                continue
            q.kind = "mixed"
            if kept and self._in_attribution(kept[-1], q, ss):
                continue
            tail_cue = bool(iter_cues(text, q.close_end, post_end, min_strength=1))
            near = partial(self._verb_near, ss, q.open_pos, pre_cues)
            if looks_like_scare_quote(text, q, bool(pre_cues) or tail_cue or post is not None, near):
                continue
            kept.append(q)
        # Mixed fragments of one sentence share one reported content.
        groups: list[list[RawQuote]] = []
        for q in kept:
            if q.kind == "mixed":
                self._set_content(q)
                if (
                    self.mixed == "content"
                    and groups
                    and groups[-1][-1].kind == "mixed"
                    and groups[-1][-1].content[0] == q.content[0]  # same reporting verb
                ):
                    groups[-1].append(q)
                    continue
            groups.append([q])
        return groups

    def _in_attribution(self, prev: RawQuote, q: RawQuote, ss: int) -> bool:
        """Whether a short fragment sits in the attribution of the quote before it in its
        sentence ('"...," she said on Radio Norland's "Morning Desk."', '," said Ana Kovac, one of
        the first "dock watch" volunteers'): a programme or a term named there, not more of her
        words."""
        text = self.text
        if prev.kind != "direct" or prev.close_end <= ss or prev.close_end > q.open_pos:
            return False
        if len(_WORDS.findall(text, q.parts[0][0], q.parts[-1][1])) > 5:
            return False
        post = self._post(prev.close_end, q.open_pos)
        if post is None or iter_cues(text, post[1], q.open_pos, min_strength=1):
            return False
        between = text[post[1] : q.open_pos]
        if (
            _THAT.search(between)
            or _PARTICIPLE_AFTER_COMMA.search(between)
            or any(c in ";:!?" for c in between)
            or between.lstrip(" ,").startswith("and ")
        ):
            return False  # '," he said, adding that "cuts" were near': a report of its own
        return True

    def _verb_near(self, ss: int, pos: int, cues: list[CueMatch]) -> bool:
        """Whether a verb of saying (a strong cue or an inflected reporting verb) stands at most
        `_NEAR_VERB_WORDS` words before pos in its sentence ('called him a "liar"', 'said Smith
        was "unfit"'): a short fragment there is the speaker's word, not a term."""
        ends = [m.end() for m in cues if cue_strength(m.group()) >= 2][-1:]
        ends += [m.end() for m in _report_verbs(self.text, max(ss, pos - 80), pos)][-1:]
        if bool(ends) and len(_WORDS.findall(self.text, max(ends), pos)) <= _NEAR_VERB_WORDS:
            return True
        # Further on, still inside the clause a verb of saying reports ('said the reforms did not
        # amount to "amnesty"'), but not after an article ('the old idea of a "megabank"': a thing named).
        before = _prev_word(self.text, max(ss, pos - 30), pos)
        if before is not None and before.group(1).lower() in ("a", "an", "the"):
            return False
        return self._saying_verb(ss, pos) is not None

    def _saying_verb(self, ss: int, pos: int) -> CueMatch | None:
        """The first verb of saying in the sentence before pos, when the clause it opens runs on
        to pos: 'Lind said she found the plan "a mess"' reports all of 'she found the plan "a
        mess"', not only what she found. None when a boundary (a comma, a second verb phrase,
        another speaker's verb: '... and Berg said') closes that clause first."""
        text = self.text
        for m in _words_of(text, max(ss, pos - _LOOK_BACK), pos, _SAYING_SCAN, _SAYING):
            pm = _ASIDE_ADVERB.match(text, m.end())
            start = pm.end() if pm else m.end()  # 'said, however, that ...'
            if not _CONTENT_END.search(text, start, pos) and not any(c in text[start:pos] for c in ";:?!"):
                return m
        return None

    def _set_content(self, q: RawQuote) -> None:
        """The reported content a mixed fragment belongs to: from the reporting verb (from its
        complementizer 'that', which the content keeps) to the end of the clause that holds the
        fragment. Without a reporting verb it starts after the last clause boundary."""
        text = self.text
        ss, se = self._sentence(q.open_pos)
        a = self._content_start(q, ss)
        # The clause ends at the first boundary after this fragment, or the sentence end; a
        # fragment closing on its own comma or exclamation ('"... for good," and shared ...')
        # closes the clause itself.
        b = se
        e = q.parts[-1][1]
        # '... was "too late," because ...': a subordinate clause the reported clause goes on with.
        goes_on = _CONTENT_GOES_ON.match(text, q.close_end) if text[e - 1] == "," else None
        if goes_on and goes_on.group(1) == "which" and len(text[q.parts[-1][0] : e].split()) < 4:
            goes_on = None  # 'what some call the "Dock Tax," which ...': the journalist's note on a term
        ends = _THAT_CONTENT_END if text.startswith("that ", a) else _CONTENT_END
        cut = ends.search(text, goes_on.end() if goes_on else q.close_end, se)
        while cut and _MEDIUM_AT.match(text, cut.start()) and _own_subject_acted(text, a, q.close_end):
            cut = ends.search(text, cut.end(), se)  # 'the bank had "buried" the losses in its report'
        # The same after a comma further on: '"many options" for paying, including ...'.
        while cut and text[cut.start()] == "," and text[q.close_end : cut.start()].strip(" ,"):
            more = _CONTENT_GOES_ON.match(text, cut.start() + 1)
            if more is None or more.group(1) in ("which", "where"):
                break  # '..., which ...', '... in Oslo, where ...': the journalist's note
            cut = ends.search(text, more.end(), se)
        stop = cut.start() if cut else se
        # Every match holds an "and": without one the regex is not tried.
        other = _OTHER_SUBJECT.search(text, q.close_end, stop) if text.find("and", q.close_end, stop) >= 0 else None
        if other:
            cut = other  # '... "far too high" and a few said ...': someone else's words
        if cut:
            b = cut.start()
        shut = text.find(")", q.close_end, b)
        if (
            shut >= 0
            and "(" not in text[q.close_end : shut]
            and text.count("(", a, q.open_pos) <= text.count(")", a, q.open_pos)
            and text.rfind("(", max(0, ss - 2), a) > text.rfind(")", max(0, ss - 2), a)
        ):
            b = shut  # '(... who called Kovac "a liar" on Monday), has ...': the aside ends there
        aside = text.find(" (", q.close_end, b)
        if aside >= 0 and _narration_aside(text, q.close_end, aside):
            b = aside  # 'called them "thieves" (though he praised some)': the narration's aside
        if not goes_on and e > 0 and text[q.close_end : b].strip() and (
            text[e - 1] in ",!?" or (text[e - 1] == "." and not _is_abbrev(text, e - 1))
        ):
            b = q.close_end  # '... "the busiest port."--J. Doe': the full stop ends it
        a, b = _strip_edges(text, a, b)
        q.content = (min(a, q.parts[0][0]), max(b, q.parts[-1][1]))

    def _content_start(self, q: RawQuote, ss: int) -> int:
        """Where the reported clause holding a fragment starts (see _set_content)."""
        text = self.text
        lo = max(ss, q.open_pos - _LOOK_BACK)
        cues = [c for c in iter_cues(text, lo, q.open_pos, min_strength=1) if not self._noun_use(c)]
        verbs = [v for v in _report_verbs(text, lo, q.open_pos) if not self._noun_use(v)]
        if verbs and (not cues or verbs[-1].start() > cues[-1].start() or verbs[-1].end() > cues[-1].end()):
            cues = verbs[-1:]  # a later reporting verb, or a longer one at the cue ('called on')
        say = self._saying_verb(ss, q.open_pos)
        if say is not None and cues and say.start() < cues[-1].start():
            cues = [c for c in cues if c.start() == say.start()] or [say]
        if cues:
            a = cues[-1].end()
            that = _THAT.search(text, a, q.open_pos)
            bare = self._bare_clause(cues[-1], that.start()) if that else None
            if bare is not None:
                a = bare  # 'said the part of the network that was hacked held "data"'
            elif (
                that
                and len(text[a : that.start()].split()) <= _THAT_MAX_WORDS
                and not any(c in ";:!?" for c in text[a : that.start()])
                and " and " not in text[a : that.start()]
            ):
                a = that.start()  # "told a crowd in Ohio that ..."
            else:
                m = _ADDRESSEE_THAT.match(text[a : q.open_pos])
                if m and m.end() > 0 and "that" in m.group():
                    a += m.end()
                elif cues[-1].group().lower() in _TELL:
                    m = _TOLD_WHOM.match(text, a, q.open_pos)
                    if m and _RELATIVE_PRONOUN.match(text, m.end(), q.open_pos):
                        m = None  # 'told the jury the man she saw was ...': the subject is 'the man ...'
                    m = m or _TOLD_NAMED.match(text, a, q.open_pos)
                    if m:
                        a = m.end()  # "told reporters he had ...": the clause after whom was told
                elif cues[-1].group().lower() in _THATLESS_VERBS:
                    m = _LEADING_TIME.match(text, a, q.open_pos)
                    if m and text[m.end() : m.end() + 1].isalpha():
                        a = m.end()  # 'said Tuesday night the plan was ...': when, not what
                    else:
                        m = _LEADING_SETTING.match(text, a, q.open_pos)
                        head = _SETTING_HEAD.match(text, a, q.open_pos) if m else None
                        if m and head and head.end() <= m.end():
                            a = m.end()  # 'wrote in both posts he was ...': where, not what
        else:
            pre = text[ss : q.open_pos]
            k = _before_apposition(pre, max(pre.rfind(c) for c in _CLAUSE_MARKS))
            a = ss + k + 1 if k >= 0 else ss
            said = [m for m in _COPULA_THAT.finditer(text, a, q.open_pos)]
            if said:
                a = said[-1].end()  # 'his answer was that "the family comes first"': what the answer said
        if (
            not text.startswith("that", a)
            and (
                text[a : q.open_pos].rstrip()[-1:] in (",", ":")
                or (cues and cues[-1].group().lower() in _ASK_TELL and len(text[a : q.open_pos].split()) <= 4)
            )
            and _opens_sentence(text, q)
        ):
            a = q.open_pos  # 'wrote to his followers, "It is time to go."': the quote is the content
        elif not cues and a > ss:
            a = self._lead_of_attributed(q, ss, a)
        return a

    def _noun_use(self, cue: CueMatch) -> bool:
        """Whether a cue word after an article or a possessive is a noun or an adjective inside
        the reported clause ('said the reported leak was "a fabrication"', "Berg's remarks were
        "a disgrace""), not what opens it. A noun with its own clause ('her claim that the count was
        "a sham"', 'his call to end the "cosy" system') still opens the content."""
        text = self.text
        before = _prev_word(text, max(0, cue.start() - 30), cue.start())
        if before is None:
            return False
        w = before.group(1).lower()
        if w not in _DETERMINER_WORDS and not w.endswith(("'s", "’s")):
            return False
        return not text.startswith((" that ", " to "), cue.end())

    def _bare_clause(self, cue: CueMatch, that: int) -> int | None:
        """Where the reported clause starts when a verb that takes a clause with no "that" (say,
        argue, note, ...) is followed by one: 'said the part of the network that was hacked ...'
        reports all of 'the part of the network that ...'; the "that" further on opens a
        relative or an inner clause. A time or an adverb right after the verb ('said Monday
        his plan ...') stays out. None when only adjuncts (a time, a place: 'said on Monday in
        Ohio that ...') or an addressee ('told reporters that') stand before the "that"."""
        text = self.text
        if cue.group().lower() not in _THATLESS_VERBS or "," in text[cue.end() : that]:
            return None  # '..., says Ana Kovac, a historian, is that ...': the speaker after the verb
        before = _prev_word(text, max(0, cue.start() - 30), cue.start())
        if before and before.group(1).lower() in _NOT_BEFORE_VERB:
            return None  # 'from noted scholars': an adjective, not a verb
        for m in _WORDS.finditer(text, cue.end(), that):
            w = m.group().lower()
            if w in _ADVERBS_AFTER_VERB or _TIME.fullmatch(w) or (w.endswith("ly") and w not in _LY_NOUNS):
                continue
            if w in _PREP_BEFORE or w in _FRAME_PREPS or w in _OTHER_PREPS or w in _ADJUNCT_OPENERS:
                return None
            if _AGO.search(text, m.start(), that):
                return None  # 'said two days ago that', 'a day after the vote that': when, not what
            return m.start()
        return None

    def _lead_of_attributed(self, q: RawQuote, ss: int, a: int) -> int:
        """Where the content of a mixed fragment starts when no verb of saying stands before it
        but its speaker is named right after it ('If the bill passes, it will be "a disaster,"
        Kovac said.'): the attribution reports the whole sentence before it, commas included,
        less a lead that is the narration's own ('Later, ...', 'Asked about it, ...'). `a`, after
        the last clause mark, is kept when the sentence has no such attribution."""
        text = self.text
        pre = text[ss : q.open_pos]
        if ";" in pre or ":" in pre or not _MARKS.isdisjoint(pre) or _ends_sentence(text, q.parts[-1][1]):
            return a  # '... watches "Harbour Lights." Berg, who ..., said': the next sentence's speaker
        if self._post(q.close_end, self.layout.para_span(self.layout.para_of(q.close_end - 1))[1]) is None:
            return a
        k = pre.find(",")
        if k >= 0:
            words = pre[:k].split()
            if words and _narration(words, pre[:k]):
                return ss + k + 1
        return ss

    def _output_parts(self, group: list[RawQuote]) -> list[tuple[int, int]]:
        q = group[0]
        if self.mixed == "fragment":
            return list(q.parts)
        if q.kind != "mixed":
            lead = self._content_lead(q.open_pos, _capitalised(self.text, q.parts[0][0], q.parts[0][1]))
            lead = lead or self._that_lead(q) or self._clause_before(q)
            return [lead, *q.parts] if lead else list(q.parts)
        a = q.content[0] if q.content else q.parts[0][0]
        b = max(g.content[1] if g.content else g.parts[-1][1] for g in group)
        # Trim a closing mark and terminal punctuation outside marks at the content's edges.
        a, b = _strip_edges(self.text, a, b)
        if b <= a:
            return list(q.parts)
        if self.text[b : b + 1] == "." and b + 1 < len(self.text) and self.text[b + 1] in ALL_MARKS:
            b += 1  # 'called it "a disgrace."': a full stop inside the mark is the speaker's, as in a direct quote
        lead = self._content_lead(a) or self._relative_lead(a)
        return [lead, (a, b)] if lead else [(a, b)]

    def _clause_before(self, q: RawQuote) -> tuple[int, int] | None:
        """The start of its clause before a quote that opens lower-case in mid-clause: 'Farmers
        "are angry," she said, "and they will march."' reports 'Farmers' too, and 'Kovac said the
        levy was unfair, "nothing else, in fact."' reports 'the levy was unfair'. The quote opens right
        after words, or after a comma that closes a clause of the reported content rather than
        an attribution ('Kovac said on Monday, "we ...'); its clause starts where a fragment's
        content would. A split quote needs a first part of four words or more that does not end
        its sentence (not '... called it "a farce." "We ...')."""
        text = self.text
        s, e = q.parts[0]
        if not text[s].islower():
            return None
        if len(q.parts) > 1 and (_ends_sentence(text, e) or len(text[s:e].split()) < 4):
            return None
        ss, _ = self._sentence(q.open_pos)
        k = q.open_pos
        while k > ss and text[k - 1].isspace():
            k -= 1
        if k <= ss or not (text[k - 1].isalnum() or text[k - 1] == ","):
            return None
        if text[k - 1] == ",":
            cues = iter_cues(text, max(ss, k - 60), k, min_strength=1)
            if cues and (len(q.parts) > 1 or len(text[cues[-1].end() : k].split()) <= 3):
                return None  # '..., Berg said, "we ...': the attribution ends where the quote opens
        a = self._content_start(q, ss)
        a, b = _strip_edges(text, a, k)
        if a >= b or (len(q.parts) == 1 and not _MARKS.isdisjoint(text[a:b])):
            return None  # '"fair" and Lind said "unfair."': an earlier quote is its own
        words = text[a:b].split()
        if words[0].lower() in _FRAME_OPENERS or (
            len(q.parts) == 1 and _narration(words, text[a:b])
        ):
            return None  # 'Berg said on that day in May, "we ...': when and where, not what
        return a, b

    def _relative_lead(self, a: int) -> tuple[int, int] | None:
        """The relative pronoun of a clause whose verb of saying opens the content at a: 'the
        server, which he described as "an open barn"' reports 'which ... as "an open barn"', the
        pronoun standing for what was described and the speaker and verb left out between."""
        text = self.text
        ss, _ = self._sentence(a)
        cues = iter_cues(text, max(ss, a - 40), a, min_strength=1)
        if not cues or text[cues[-1].end() : a].strip():
            return None
        m = cues[-1]
        after = text[m.end() : m.end() + 12].split()[:1]
        naming = m.group().lower() in _NAMING_CUES
        if not naming and not (after and after[0].lower() in _VERB_NEXT):
            return None  # 'which he says he will ...': the content has its own subject
        if naming:
            k = a
            while k < len(text) and text[k] not in ALL_MARKS and k - a < 12:
                k += 1
            if [w for w in text[a:k].split() if not w.endswith("ly")] not in _NAMING_LEADS:
                return None  # 'which bill he meant but called it "a disgrace"': the verb has its own object
        rel = _RELATIVE_CUE.search(text, max(ss, m.start() - 60), m.start())
        if rel is None or _PREP_BEFORE.intersection(text[max(ss, rel.start() - 12) : rel.start()].split()[-1:]):
            return None  # 'in which he pledged ...': the pronoun is where, not what
        return rel.span(1)

    def _participle_lead(self, q: RawQuote) -> tuple[tuple[int, int], Span] | None:
        """The report of a participle of saying that the quote goes on with, and the participle:
        '"...," Kovac said, adding that the fund was empty. "We will ask again."' reports 'that the
        fund was empty.' with the second quote (the first one ended at its attribution, see
        _merge_split). Only in content mode, for a quote with no attribution of its own (its speaker
        is the participle's), after a sentence that holds or follows the quote before the participle
        and ends where this quote opens."""
        text = self.text
        if self.mixed != "content" or q.kind != "direct":
            return None
        k = q.open_pos
        while k > 0 and text[k - 1] in " \t":
            k -= 1
        if k == 0 or text[k - 1] not in ".!?":
            return None
        ss, _ = self._sentence(k - 1)
        m = _OWN_REPORT_AFTER.search(text, ss, k)
        if m is None or not _MARKS.isdisjoint(text[m.start() : k]):
            return None
        j = ss
        while j > 0 and text[j - 1].isspace():
            j -= 1
        if _MARKS.isdisjoint(text[ss : m.start()]) and not (j > 0 and text[j - 1] in _MARKS):
            return None  # the participle's sentence neither holds the quote before nor follows it
        w = _PARTICIPLE_BEFORE.search(text, max(0, m.start(1) - 16), m.start(1))
        if w is None:
            return None
        return (m.start(1), k), Span(w.group(1), w.start(1), w.end(1))

    def _that_lead(self, q: RawQuote) -> tuple[int, int] | None:
        """The reported clause a quoted sentence completes: 'Berg said that whatever the vote,
        "we will go on."' reports 'that whatever the vote' too. Only a "that" right after the
        verb of saying opens such a clause; 'Berg said on Monday, "..."' has none."""
        text = self.text
        c = q.open_pos
        ss, _ = self._sentence(c)
        k = c
        while k > ss and (text[k - 1].isspace() or text[k - 1] in ALL_MARKS):
            k -= 1
        if k <= ss or text[k - 1] != ",":
            return None
        cues = iter_cues(text, ss, k, min_strength=2)
        if not cues:
            return None
        m = cues[-1]
        that = _THAT.search(text, m.end(), k)
        if that is None or len(text[m.end() : that.start()].split()) > 2:
            return None
        words = text[that.end() : k - 1].replace(",", " ").split()
        if not words or any(ch in ALL_MARKS or ch in ";:()" for ch in text[m.end() : k - 1]):
            return None
        if len(words) == 1 and words[0].lower() in _TIME_NOUNS:
            return None  # 'said that day, "...': a time, not a clause
        if (not _ends_sentence(text, q.parts[-1][1]) or not self._main_clause(ss, m.start())) and self._post(
            q.close_end, self.layout.para_span(self.layout.para_of(c))[1]
        ):
            return None  # 'Asked why he had said that in 2019, "I was wrong," Berg replied.'
        if _capitalised(text, c, c + 4) and words[0].lower() not in _THAT_FRAMES:
            return None  # 'said that the plan failed, "We go."': a clause of its own, then the quote
        return that.start(), k - 1

    def _before_antecedent(self, pos: int) -> int | None:
        """Where to resolve a pronoun opening a relative clause: before the name the clause
        describes ('Will backed Tom Berg, whom he called "able"': he is Will, not Berg). None
        when no relative clause opens at pos."""
        m = _AFTER_RELATIVE.search(self.text, max(0, pos - 12), pos)
        if m is None:
            return None
        k = m.start()
        words = list(_NAME_WORD.finditer(self.text, max(0, k - 60), k))
        i = len(words)
        while i and words[i - 1].group()[:1].isupper() and len(words) - i < 4:
            if i < len(words) and self.text[words[i - 1].end() : words[i].start()].strip():
                break
            i -= 1
        return words[i].start() if i < len(words) and words[-1].end() == k else pos

    def _relative_subject(self, pronoun: str, a: int, rel: int) -> tuple[int, int] | None:
        """The subject of the sentence a relative clause's "he" or "she" belongs to, when it can be
        that pronoun's person: one word or a name, not a plural noun ("Officials"), not of the
        other sex by its given name."""
        ss = self._sentence(a)[0]
        said = pre_attribution(self.text, ss, rel) if iter_cues(self.text, ss, rel, min_strength=2) else None
        subj = said.mention if said is not None and said.mention else sentence_subject(self.text, ss, rel)
        if subj is None:
            return None
        ws = self.text[subj[0] : subj[1]].split()
        head, low = ws[-1], ws[-1].lower()
        plural = low.endswith("s") and (head[:1].islower() or low[:-1] in ROLE_WORDS)
        if pronoun in ("he", "she") and (plural or _gender_clash(" ".join(ws), pronoun)):
            return None
        return subj

    def _main_clause(self, ss: int, pos: int) -> bool:
        """Whether a verb of saying at pos is the sentence's own, not one inside a clause that
        frames it ('Asked why he had said that ...', 'When Lind said ...')."""
        return not _SUBORDINATE.intersection(w.strip(",").lower() for w in self.text[ss:pos].split())

    def _content_lead(self, c: int, sentence: bool = False) -> tuple[int, int] | None:
        """The words of the reported content before an attribution set inside it, when the
        content resumes at c: 'Cost overruns, she said, "are certain."' reports 'Cost overruns'
        too. None when no such aside stands right before c, or when what precedes it is the
        narration's own (see _narration). `sentence`: the content resumes with a quoted sentence
        of its own ('..., he said, "We will go."'), which only a conditional or causal clause
        ('If the bill passes') still leads into; a topic ('As for the plan') or a time frames it."""
        text = self.text
        ss, _ = self._sentence(c)
        # '..., Kovac said, "is like ...': the quote resumes with a verb, so what stands before
        # the aside is its subject, whatever it looks like ('Judging a plan by its cost, ...').
        verb_first = _WORD_AT.match(text, c)
        verb_first = bool(verb_first) and verb_first.group(1).lower() in _VERB_NEXT
        if c > ss and text[c - 1] in ALL_MARKS:
            # A mixed content that starts at its opening mark: '..., he said, "we ...'.
            sentence = sentence or text[c].isupper()
            while c > ss and (text[c - 1] in ALL_MARKS or text[c - 1].isspace()):
                c -= 1
        cues = iter_cues(text, ss, c, min_strength=1)
        if not cues:
            return None
        m = cues[-1]
        rest = text[m.end() : c]
        if not _ASIDE_REST.match(text, m.end(), c) or "\n" in rest.rstrip():
            return None
        k = text.rfind(",", ss, m.start())
        if k < 0:
            return None
        subj = text[k + 1 : m.start()].split()
        if len(subj) > 5 or (subj and (subj[0].lower() in _ASIDE_NOT_SUBJECT or subj[-1].lower() in _BE)):
            return None  # '..., which some have argued, ...', '..., they were told, ...'
        if not subj and not _INVERTED_SPEAKER.match(rest):
            return None  # '..., said Kovac, "' names its speaker after the cue; nothing else does
        a = ss
        while a < k and text[a].isspace():
            a += 1
        if a >= k or any(ch in ALL_MARKS or ch in ",;:!?()" for ch in text[a:k]):
            return None  # a quote, an apposition or a clause of its own before the aside
        words = text[a:k].split()
        if sentence and words[0].lower() not in _LEADING_CLAUSE:
            return None
        if (not verb_first and _narration(words, text[a:k])) or iter_cues(text, a, k, min_strength=2):
            return None
        return a, k

    # ------------------------------------------------------------------ attribution
    def _attribute(self, group: list[RawQuote]) -> Attribution | None:
        text = self.text
        first, last = group[0], group[-1]
        para_end = self.layout.para_span(self.layout.para_of(last.close_end - 1))[1]
        if len(first.parts) > 1 and first.members:
            # Split quote: the attribution sits between the parts.
            post = self._post(_close_after(text, first.parts[0][1]), first.parts[1][0])
            if post is not None:
                return post[0]
        post = self._post(last.close_end, para_end)
        if post is not None and last.content is not None and _inside_content(post[0], last.content[1]):
            # 'Dorado said that beside the "quick fix" her rivals announced, nothing moved': a verb
            # inside the reported content is its own words, never its attribution.
            post = None
        ss, se = self._sentence(first.open_pos)
        closes = _ends_sentence(text, last.parts[-1][1])
        if post is not None and closes and _opens_report(text, last.close_end, post[0]):
            # '"... for good." Ms Nowak said the plan was late.': that sentence reports its own
            # speaker's words; this quote is someone else's, or the previous speaker's.
            post = None
        nxt = _next_open(text, post[1], para_end) if post is not None and closes else None
        held = None
        if post is not None and nxt is not None:
            lead = _aside_lead(text, last.close_end, post, nxt)
            colon = _colon_leads(text, post, nxt, self._sentence(post[1])[1])
            if colon or (lead and not _narration(lead.split(), lead)):
                post = None  # '"... dead." Berg said: "', '"... rise." Budgets, Kovac said, "'
            elif lead:
                held, post = post, None  # '"... rise." Later, she said, "': hers if nothing before says
        colon = post is not None and closes and _colon_before(text, ss, first.open_pos)
        pre = pre_attribution(text, ss, first.open_pos) if colon else None
        if pre is not None and pre.mention is not None:
            # 'Mr Kowal said: "It is over." Ms Nowak said ...': the colon names this quote's
            # speaker; the attribution after it belongs to the next sentence.
            return pre
        if post is not None and closes and first.kind != "mixed":
            own = pre_attribution(text, ss, first.open_pos)
            if own is not None and own.mention and own.cue and self._main_clause(ss, own.cue[0]):
                # 'Kovac said that whatever the vote, "we will go on." Berg said nothing.': the
                # quote's own sentence names its speaker; the next sentence is another's.
                return own
        if post is not None and not (first.kind == "mixed" and closes):
            return post[0]
        if not colon:
            pre = pre_attribution(text, ss, first.open_pos)
        if pre is not None and (pre.mention is not None or pre.cue is not None):
            return pre
        named = self._name_colon(ss, first.open_pos)
        if named is not None:
            return Attribution(named, None)
        if post is not None:
            # A mixed quote closing its sentence ('X called it "a mess." Y said ...'): what
            # follows attributes the next sentence, taken only when nothing before does.
            return post[0]
        # Attribution later in the sentence: '"..." for the countries, one source said.'
        _, se2 = self._sentence(max(last.close_end - 1, 0))
        cues = [c for c in iter_cues(text, last.close_end, se2, min_strength=1) if not _is_passive(text, c)]
        if cues:
            c = cues[0]
            lo = text.rfind(",", last.close_end, c.start())
            lo = last.close_end if lo < 0 else lo + 1
            subj = _subject_before(text, lo, c.start())
            if subj is None and not text[lo : c.start()].strip():
                if not c.group().endswith("ing"):
                    # '... "drew well" in the primary, said professor X.': the speaker after the cue.
                    subj = mention_after_cue(text, c.end(), se2)
                elif ss < first.open_pos and first.content is not None and first.content[0] == ss:
                    # 'The Board refused to name "that firm," telling ...': the participle's
                    # subject is the clause's, before the quote.
                    subj = _clause_subject(text, ss, first.open_pos)
            if subj is not None:
                return Attribution(subj, (c.start(), c.end()))
        if first.kind == "mixed" and first.content is not None and first.content[0] > ss:
            own = self._uncued_owner(ss, first)
            if own is not None:
                return Attribution(own, None)
        # A lead-in sentence ending with a colon: 'He said:'
        if ss > 0:
            ps, _ = self.layout.sentence_span(max(ss - 2, 0))
            lead = text[ps:ss].rstrip()
            if lead.endswith(":"):
                pre = pre_attribution(text, ps, ps + len(text[ps:ss].rstrip()) - 1)
                if pre is not None:
                    return pre
            pi = self.layout.para_of(ss)
            if pi > 0 and ss == self.layout.para_starts[pi]:
                pps, ppe = self.layout.para_span(pi - 1)
                lead = text[pps:ppe].rstrip()
                if lead.endswith(":"):
                    ls, _ = self.layout.sentence_span(max(ppe - 2, pps))
                    pre = pre_attribution(text, ls, ppe - 1)
                    if pre is not None:
                        return pre
        if ss > 0 and not text[ss : first.open_pos].strip():
            # A quote on its own after a sentence about someone: 'Tamura noted a rise. "I feel ..."'
            ps, pe = self.layout.sentence_span(max(ss - 2, 0))
            said_cues = [c for c in iter_cues(text, ps, min(pe, ss), min_strength=2) if not _is_passive(text, c)]
            ends = said_cues[-1:]
            if ends and text[ends[0].end() : min(pe, ss)].strip() == ".":
                # '... Kovac said, and her husband chimed in. "..."': the last to speak goes on
                last = pre_attribution(text, ps, ends[0].end())
                if last is not None and last.mention is not None and self._speaks_last(ps, last, ends[0]):
                    return last
            first_cue = said_cues[0] if said_cues else None
            if first_cue is not None and first_cue.group().lower() in _REPORT_OPENERS:
                # 'Chairman Jo Banner said the agency had failed. "..."': who reported the sentence before goes on
                said = pre_attribution(text, ps, first_cue.end())
                if said is not None and said.mention is not None and not text[ps : said.mention[0]].strip():
                    return Attribution(_without_adverb(text, *said.mention), None)
            subj = sentence_subject(text, ps, min(pe, ss))
            if subj is not None:
                return Attribution(subj, None)
        return held[0] if held is not None else None

    def _name_colon(self, ss: int, open_pos: int) -> tuple[int, int] | None:
        """People named with a colon and no verb before a quote, as digests and newsletters
        credit a writer ('... - Tom Berg and Ana Kovac: "..."'): the names, each a person's."""
        m = _NAME_COLON.search(self.text, ss, open_pos)
        if m is None:
            return None
        names = [n.strip() for n in re.split(r"\s+and\s+", m.group(1))]
        given = _MALE_GIVEN | _FEMALE_GIVEN
        if all(len(n.split()) >= 2 and n.split()[0] in given and self._person_name(n) for n in names):
            return m.start(1), m.start(1) + len(names[0])  # the first writer speaks for them
        return None

    def _speaks_last(self, ps: int, att: Attribution, cue: CueMatch) -> bool:
        """Whether a sentence's closing cue is its subject's own speaking, so a quote alone after it
        is theirs: the mention opens the sentence or a clause after ", and", is a short name or
        noun phrase, and no "as", "what" or "which" makes the cue someone else's words; an
        adverbial set off by a comma may come first ("In a statement, the mayor said.")."""
        text = self.text
        a, b = att.mention  # type: ignore[misc]
        lead = text[ps:a].strip()
        if lead and not lead.endswith((",", ", and", ",and")) and not _CLAUSE_OPENERS.search(lead):
            return False  # '..., as the unions had asked.': the cue is inside another clause
        if len(text[a:b].split()) > 5:
            return False
        between = text[b : cue.start()].lower().split()
        return not ({"as", "what", "which", "who"} & set(between))

    # ------------------------------------------------------------------ targets and context
    def _targets(
        self, group: list[RawQuote], content: tuple[int, int], mention: Span | None, speaker: str | None
    ) -> list[str]:
        """Canonical targets of a quote: what its words name, less the speaker's side (the speaker,
        the affiliation, its home state and blocs: "Japan's foreign minister said ..."), unless the
        quoted words themselves name it. A quote that names only its own side or nothing is still
        about someone: "they/it" or a role noun ("the government") takes the party named last
        around it; otherwise the state named in the attribution sentence, the headline or the
        paragraph before."""
        spans: list[tuple[int, int]] = []
        for g in group:
            if g.kind == "mixed" and g.content:
                spans.append(g.content)
            else:
                spans.extend(g.parts)
        own = self._side(mention, speaker)
        # The speaker's own side named in the speaker's own words is what the words are about too.
        quoted = {t for g in group for a, b in g.parts for t in self._nominal_names_in(a, b) if t != speaker}
        found: dict[str, None] = {}
        described: list[str] = []
        government: str | None = None
        congress = False
        bodies: list[str] = []  # named outside the lexicon: added last, not as a party named
        for a, b in spans:
            for t in self._names_in(a, b, described, parties="quote"):
                if t not in own or t in quoted:
                    found.setdefault(t, None)
        for a, b in spans:
            for t in self._persons_in(a, b, speaker):
                found.setdefault(t, None)
            for t in self._firms_in_capitals(a, b, speaker, mention):
                found.setdefault(t, None)
            for t in self._office_holders_in(a, b, speaker, mention):
                found.setdefault(t, None)
            for t in self._pair_in(a, b, speaker, own):
                found.setdefault(t, None)
            for t in [*self._named_bodies_in(a, b, speaker, mention), *self._acronyms_in(a, b, speaker, mention, own)]:
                if t not in bodies:
                    bodies.append(t)
            if self._creditors_named_in(a, b) and _CREDITORS not in own:  # not a creditor bank's own man
                found.setdefault(_CREDITORS, None)
            congress = congress or self._legislation_in(a, b, own, mention, speaker)
            if government is None and self._politics() and _government_key_in(self.text, a, b):
                government = self._government_in(a, b, own, mention, speaker)
            for t in self._bodies_by_head_in(a, b):
                if t not in own:  # "the system" from a Farm Credit System official is his own body
                    found.setdefault(t, None)
            if self._adjective_story is None:
                # `in` for each key reads a story that has none in a fraction of a regex scan's time.
                self._adjective_story = any(key in self.text for key in _PARTY_OF_ADJECTIVE)
            if self._adjective_story:
                for t in self._party_adjectives_in(a, b, own):
                    found.setdefault(t, None)
        if not found:
            bodies.extend(t for t in self._addressee(group, spans, speaker, own) if t not in bodies)
        if described and any(t not in own for t in found):
            named = [c for c in self._context_states(group, own) if c not in found]
            if named:
                found = {**{t: None for t in found if t not in described}, **dict.fromkeys(named)}
        if any(t not in own for t in found):
            if not any(t not in own and self._topical(t) for t in found):
                found.update(dict.fromkeys(self._headline_counterpart(own)))
            # A quote naming a state may still speak of a person as "he" or "she" ('"She has been
            # good for Norland," Berg said' after a story about Ann Kovac): a second target.
            person = None
            if not self._owned_person_before_pronoun(group):  # "Japan's prime minister said he ..."
                person = self._pronoun_target(group, speaker, own, mention)
            if person is not None:
                found.setdefault(person, None)
            if congress:
                found.setdefault(_CONGRESS, None)
            if government is not None:
                found.setdefault(government, None)
            found.update(dict.fromkeys(bodies))
            return list(found)
        person = self._pronoun_target(group, speaker, own, mention)
        if person is not None:
            found.setdefault(person, None)
        around = self._around(group, spans, own, speaker)
        if all(self.lex.is_state_like(c) for c in around):
            # "the company", "the stock": a company named before, not the state of its market.
            firm = self._firm_pointed_at(group, spans, speaker)
            if firm is not None:
                around = [firm]
        if not around and not found and self._creditors_addressed(group, spans, own):
            around = [_CREDITORS]
        if not around and not found:
            # Nobody named in or around the quote: the body the headline is about ("NORCO <NRC>
            # SEES ...", "CENTRAL BANK SEEN EASING") where it is not the speaker's own.
            around = [c for c in self._headline_bodies() if c not in own][:1]
            if not around:
                firm = self._headline_firm()
                if firm and (
                    not self._speaks_for(firm, mention, speaker)
                    or self._points_at_other(firm, spans, mention, speaker)
                ):
                    around = [firm]
        if not around and not found and not government and not congress and self._politics():
            # Naming no one, right after the reporter's words on the government: about it too.
            ss, _ = self._sentence(group[0].open_pos)
            ps, _ = self._sentence(max(ss - 2, 0))
            _, se = self._sentence(max(group[-1].close_end - 1, 0))
            government = self._government_in(ps, se, own, mention, speaker)
        extra = [*([_CONGRESS] if congress else []), *([government] if government else []), *bodies]
        return list(dict.fromkeys([*found, *around, *extra]))

    def _pronoun_target(
        self,
        group: list[RawQuote],
        speaker: str | None,
        own: set[str] | frozenset[str],
        mention: Span | None = None,
    ) -> str | None:
        """The person a quote's "he" or "she" means when it names nobody else: the person named
        last before it who is not the speaker ('"She cannot be trusted," Berg said' after a story
        about Ana Kovac). Only a quote that names nobody before the pronoun counts (after a name
        it means that name), and a mixed one only where the speaker's given name is of the other
        sex: there "she" is most often the reporter's word for the speaker, but Tom Berg's "she"
        is someone else; or where the reporter's object pronoun opens its content ("X thanked
        him for ...", `_object_opening`), which means neither the speaker nor the sentence's
        subject."""
        mixed = any(g.kind == "mixed" for g in group)
        text = self.text
        m = self._object_opening(group) if mixed else None
        obj = m is not None
        for g in group:
            for a, b in g.parts:
                m = m or _THIRD_PERSON.search(text, a, b)
        if m is None or any(_names_someone(text[a : min(b, m.start())]) for g in group for a, b in g.parts):
            return None
        pronoun = "he" if m.group().lower() in ("he", "him", "his") else "she"
        if mixed and not obj and not (speaker and _gender_clash(speaker, pronoun)):
            return None
        if mixed and self._lead_in_names_someone(group[0].open_pos, mention, pronoun):
            return None
        starts, names = self._named_people()
        body = self.layout.para_span(0)[1] if len(self.layout.para_starts) > 1 else 0
        start = group[0].open_pos
        i = bisect.bisect_left(starts, start) - 1
        # The reporter's object pronoun is not the sentence's subject ("Berg thanked him for ...").
        subject = -1
        if obj:
            ss = self._sentence(m.start())[0]
            subject = bisect.bisect_left(starts, ss)
            if subject < len(starts) and starts[subject] - ss > _SUBJECT_REACH:
                subject = -1  # the sentence opens with something else: its first name is no subject
        for k in range(i, max(-1, i - 6), -1):
            if start - starts[k] > 1500 or starts[k] < body:
                return None  # none near, or only in the headline
            name = names[k]
            if (
                k != subject
                and not _same_person(name, speaker, self.text)
                and name not in own
                and self.ents.fits_pronoun(_untitled(name) if name.startswith(_ROYAL_TITLES) else name, pronoun)
                and self._person_name(name)
                and not self._said_of_other_gender(name, pronoun)
            ):
                return name
        return None

    def _object_opening(self, group: list[RawQuote]) -> re.Match[str] | None:
        """An object pronoun opening a mixed quote's reported content, the reporter's word for
        whom the speaker's verb is aimed at ("X thanked him for ...", "calling for him to
        ...", "called her "the champion ...""): never the subject, the speaker, so it means
        someone named before even where the speaker is of the same sex."""
        text = self.text
        for g in group:
            if g.kind == "mixed" and g.content and text[g.content[0] : g.content[0] + 1] in _OBJECT_FIRST:
                m = _OBJECT_OPENING.match(text, g.content[0])
                if m is not None:
                    return _THIRD_PERSON.match(self.text, m.start(1))
        return None

    def _firm_pointed_at(self, group: list[RawQuote], spans: list[tuple[int, int]], speaker: str | None) -> str | None:
        """The company a quote naming no party speaks of as "the company", "the stock" or "the
        board" ('"The company has done a lot," said analyst Ann Berg' after a paragraph on Norco
        Inc): the company named last before the quote, in its paragraph or the one before, else
        last after it in its sentence; never the speaker's employer (`_employs`)."""
        text = self.text
        # The firm index is built once per article and is most often empty: asked first, it spares the search.
        if not self._firm_index() or not any(_FIRM_POINTER.search(text, a, b) for a, b in spans):
            return None
        first, last = group[0], group[-1]
        pi = self.layout.para_of(first.open_pos)
        # At most 2,000 characters back, so that a paragraph of many quotes is not read again per quote.
        lo = max(self.layout.para_span(max(pi - 1, 0))[0], first.open_pos - 2000)
        _, se = self._sentence(max(last.close_end - 1, 0))
        starts, mentions = self._firm_mentions()

        def usable(k: int) -> bool:
            s, e, firm = mentions[k]
            return not (speaker and (firm in speaker or speaker in firm or self._employs(s, e, speaker)))

        k = bisect.bisect_left(starts, first.open_pos) - 1
        while k >= 0 and starts[k] >= lo:
            if usable(k):
                return mentions[k][2]
            k -= 1
        hit = None
        k = bisect.bisect_left(starts, last.close_end)
        while k < len(starts) and mentions[k][1] <= se:
            if usable(k):
                hit = mentions[k][2]
            k += 1
        return hit

    def _firm_mentions(self) -> tuple[list[int], list[tuple[int, int, str]]]:
        """Where the story names a company of the firm index, in text order: one pass over its
        runs of capitals, made once."""
        if self._firm_at is None:
            found = []
            for m in _CAP_RUN_WORDS.finditer(self.text):
                firm = self._firm_named([w.removesuffix("’s").removesuffix("'s") for w in m.group().split()])
                if firm:
                    found.append((m.start(), m.end(), firm))
            self._firm_at = ([s for s, _, _ in found], found)
        return self._firm_at

    def _employs(self, start: int, end: int, speaker: str) -> bool:
        """Whether a company's name stands beside the speaker's as where the speaker works ("Ann
        Berg of Norco Inc", "Norco Inc chairman Tom Lund", "an analyst who follows Kell for Norco
        Inc"): the speaker's own side, not what the words are about."""
        family = speaker.split()[-1]
        text = self.text
        before = text[max(0, start - 60) : start]
        if family in before and _EMPLOYER_BEFORE.search(before):
            return True
        after = text[end : end + 40]
        k = after.find(family)
        return k > 0 and all(w[:1].isupper() or w.lower() in ROLE_WORDS for w in after[:k].split())

    def _bodies_by_head_in(self, a: int, b: int) -> list[str]:
        """Bodies a quote calls "the" and the last word of their name ("the system" for the Farm
        Credit System, "the ministry" for Japan's Finance Ministry): the one lexicon organisation
        the story names whose name ends so; a quote naming it so speaks of it as the story's
        known body. Not a head that goes on as a longer name or is another's ("the System Board",
        "the ministry of trade"), and only the heads of `_BODY_HEADS`."""
        text = self.text
        heads = self._org_heads()
        if not heads or self._heads_scan is None:
            return []
        out: list[str] = []
        for m in self._heads_scan.finditer(text, a, b):
            body = heads.get(m.group(1).lower())  # None for "the the"
            if body and not _HEAD_GOES_ON.match(text, m.end()):
                out.append(body)
        return out

    def _org_heads(self) -> dict[str, str]:
        """Last word of each lexicon organisation or bloc with a name of several words the story
        names ("the Community" for the European Community) -> that body, for the heads of
        `_BODY_HEADS` that only one body of the story ends with: not where the story also names
        a body the lexicon lacks with that head ("Norland's Trade Ministry", `_other_body`)."""
        if self._heads is None:
            seen: dict[str, list[str]] = {}
            for c in self._name_counts():
                if self.lex.kinds.get(c) in ("organisations", "blocs") and " " in c:
                    head = c.split()[-1].lower()
                    if head in _BODY_HEADS:
                        seen.setdefault(head, []).append(c)
            self._heads = {h: cs[0] for h, cs in seen.items() if len(cs) == 1 and not self._other_body(h, cs[0])}
            self._heads_scan = _the_word_scan(self._heads)
        return self._heads

    def _other_body(self, head: str, body: str) -> bool:
        """Whether the story names another body with this head that no lexicon match covers
        ("Norland's Trade Ministry" beside Japan's Finance Ministry): then "the ministry" may be
        either. A word of the body's own name before the head ("the Finance Ministry") is the
        body. Once per head of a story."""
        ends = {e for _, e, _ in self._load_spans()}
        own = set(body.split())
        pattern = _OTHER_BODY_WORD + rf"\s+{head.title()}\b"
        return any(m.end() not in ends and m.group(1) not in own for m in re.finditer(pattern, self.text))

    def _owned_person_before_pronoun(self, group: list[RawQuote]) -> bool:
        """Whether a quote naming a state gives its "he" or "she" a person noun of its own first,
        owned by a name ("Japan's prime minister has said he will resign", "Japan's new leader,
        whoever he is"): the pronoun means that person, not one named earlier in the story."""
        text = self.text
        for g in group:
            for a, b in g.parts:
                m = _THIRD_PERSON.search(text, a, b)
                if m is not None:
                    return bool(_OWNED_NOUN.search(text, a, m.start()))
        return False

    def _creditors_named_in(self, a: int, b: int) -> bool:
        """Whether a quote speaks of "the banks" in a story that names a debtor's creditor banks
        (any alias of the lexicon's group: "creditor banks", "creditors", "the advisory
        committee"): in debt copy the banks a debtor's officials and bankers speak of are the
        creditors ("we offered the banks a choice", "a good deal for Norland and the banks")."""
        # The story-wide count first: most stories name no creditors, and it spares the scan of the quote.
        return self._name_counts().get(_CREDITORS, 0) > 0 and bool(_THE_BANKS.search(self.text, a, b))

    def _legislation_in(self, a: int, b: int, own: set[str], mention: Span | None, speaker: str | None) -> bool:
        """Whether a quote speaks of legislation ("We cannot accept legislation that ...", "the
        bill") in a story whose only legislature is the U.S. Congress (`_us_congress_story`): in
        U.S. copy the laws a quote weighs are Congress's to write, a target added after the others
        (a "they" the quote speaks of is still resolved). Not legislation a possessive owns
        ("Ohio's new legislation"), not a bill of money ("foot the bill", "Treasury bill", "the
        bill rate"), and not a lawmaker's own words ("Senator Ann Kovac", "Congressman Tom Berg")."""
        if _CONGRESS in own or self._name_counts().get(_CONGRESS, 0) == 0:
            return False  # a story naming no Congress (most): no quote is scanned
        if not _LEGISLATION.search(self.text, a, b):
            return False
        if self._congress is None:
            self._congress = self._us_congress_story()
        if not self._congress:
            return False
        if any(_LAWMAKER.search(t) for t in (mention.text if mention is not None else "", speaker or "")):
            return False
        text = self.text
        return any(
            not _OWNED_BEFORE.search(text, max(a, m.start() - 40), m.start())
            and not _MONEY_BILL_BEFORE.search(text, max(a, m.start() - 20), m.start())
            and not _MONEY_BILL_AFTER.match(text, m.end())
            for m in _LEGISLATION.finditer(text, a, b)
        )

    def _us_congress_story(self) -> bool:
        """Whether the story writes "Congress" (or "congressional") as the U.S. Congress, or "the
        Senate", "the House floor", "a House committee" in a story that names the United States or
        one of its bodies or people (`_names_us`), and names no other legislature: not "Brazil's
        Congress", "the Philippine Congress" or "Senate", "the Trades Union Congress", "the Congress
        party", nor a story that also names a parliament, a Diet, a state legislature or another
        state's lawmakers ("Texas lawmakers", "Chinese legislators"), whose bills may be the ones a
        quote means."""
        text = self.text
        if _OTHER_LEGISLATURE.search(text):
            return False
        for m in _LAWMAKERS_OF.finditer(text):
            if self._foreign_word(m.group(1)):
                return False
        us = False
        for m in _CONGRESS_WORD.finditer(text):
            if m.group() in ("Senate", "House"):
                w = _CHAMBER_BEFORE.search(text, max(0, m.start() - 40), m.start())
                before = w.group(1) if w else None
                if before in _US_MARK:
                    us = True  # "the U.S. Senate"
                    continue
                if w and (before is None or before[0].isupper() and before not in _ARTICLES or before in _STATE_LOWER):
                    return False  # "the Philippine Senate", "the Academic Senate", "a state Senate"
                if _CHAMBER_OF.match(text, m.end()):
                    return False  # "the Senate of Puerto Rico"
                us = us or self._american_story()
                continue
            if m.group() == "Congress":
                if _CONGRESS_PARTY_AFTER.match(text, m.end()):
                    return False
                w = _WORD_BEFORE.search(text, max(0, m.start() - 40), m.start())
                if w and (w.group(1) is None or w.group(1) in _OTHER_CONGRESS or self._foreign_word(w.group(1))):
                    return False  # another state's or body's Congress
            us = True
        return us

    def _american_story(self) -> bool:
        """Whether the story names the United States or one of its bodies or people besides
        Congress more often than every other state and its bodies and people together: its Senate
        and House are then Congress's. A Manila, Mexico City or Canberra story that mentions U.S.
        bases, banks or officials in passing has a Senate of its own, and so has one datelined in
        another state ("MANILA, March 3 -")."""
        if self._dateline_state() not in (None, "United States"):
            return False
        us = other = 0
        for c, n in self._name_counts().items():
            home = "United States" if c == "United States" else self.lex.homes.get(c)
            if home is None and self.lex.kinds.get(c) == "states":
                home = c
            if home == "United States":
                us += n if c != _CONGRESS else 0
            elif home is not None:
                other += n
        return us > other

    def _foreign_word(self, word: str) -> bool:
        """Whether a word before "Congress" or "lawmakers" is a place other than the United States:
        a U.S. state ("Texas") or a state of the lexicon ("Brazilian", "Chinese")."""
        if word in _STATE_WORDS:
            return True
        return any(self.lex.kinds.get(c) == "states" and c != "United States" for c in self._names_in_text(word))

    def _creditors_addressed(self, group: list[RawQuote], spans: list[tuple[int, int]], own: set[str]) -> bool:
        """Whether a quote that names no party and has none around it is a state's word to its
        creditor banks: the speaker speaks for a state (a debtor's minister or central banker),
        the quote speaks of the debt (`_DEBT_WORD`: "the terms", "our payments", "they"), and the
        story names the creditor banks at least twice, once in the quote's paragraph or the three
        before ("Norland asked its creditor banks for more time", then '"The terms are not
        acceptable," the minister said'). In debt copy such words answer the creditors; a story
        naming them once, or far back, is about something else by then, and words of the budget,
        inflation or elections are the state's own business. Not where the creditors are another's
        (`_others_creditors`)."""
        if self._name_counts().get(_CREDITORS, 0) < _CREDITOR_MENTIONS:
            return False
        if not any(self.lex.kinds.get(c) == "states" for c in own):
            return False
        text = self.text
        pi = self.layout.para_of(group[0].open_pos)
        if not any(_DEBT_WORD.search(text, a, b) for a, b in spans):
            # Words naming no debt: the paragraph before or the attribution may speak of it
            # ('... a payment of interest ...' then '"That would not be wise," he said'), where
            # the quote is not on one of the state's home matters (budget, inflation, elections).
            ctx = (self.layout.para_span(max(pi - 1, 0))[0], group[0].open_pos)
            tail = (group[-1].close_end, self.layout.para_span(self.layout.para_of(group[-1].close_end - 1))[1])
            if not any(_DEBT_WORD.search(text, a, b) for a, b in (ctx, tail)):
                return False
            if any(_HOME_MATTER.search(text, a, b) for g in group for a, b in g.parts):
                return False
        lo = self.layout.para_span(max(pi - _CREDITOR_PARAS, 0))[0]
        hi = self.layout.para_span(pi)[1]
        found = self._load_spans()
        i = bisect.bisect_left(self._lex_starts, lo)
        while i < len(found) and found[i][0] < hi:
            if self._resolve.get(found[i][2], found[i][2]) == _CREDITORS:
                return not self._others_creditors(own)
            i += 1
        return False

    def _others_creditors(self, own: set[str]) -> bool:
        """Whether the story's creditors are not the speaker's state's creditor banks: the Paris
        Club's (governments), a company's ("Texaco's creditors"), another state's ("Brazil's
        creditor banks" in a U.S. official's words), or foreign banks working in a market."""
        if self._creditor_owners is None:
            self._creditor_owners = self._find_creditor_owners()
        others, owners = self._creditor_owners
        return others or any(not any(t in own for t in states) for states in owners)

    def _find_creditor_owners(self) -> tuple[bool, list[list[str]]]:
        """Once per story: whether its creditors are the Paris Club's, foreign banks or a
        company's, and the states that own them where a possessive names them ("Peru's creditors")."""
        text = self.text
        if "Paris Club" in text:
            return True, []
        owners: list[list[str]] = []
        for s, e, c in self._load_spans():
            if self._resolve.get(c, c) != _CREDITORS:
                continue
            if text[s:e].lower() == "foreign banks":
                return True, []
            m = _CREDITORS_OWNER.search(text, max(0, s - 40), s)
            if m is None:
                continue
            states = [t for t in self._names_in_text(m.group(1)) if self.lex.kinds.get(t) == "states"]
            if not states:
                return True, []  # a company's creditors
            owners.append(states)
        return False, owners

    def _office_holders_in(self, a: int, b: int, speaker: str | None, mention: Span | None = None) -> list[str]:
        """People a quote calls by their office ("the prime minister", "the minister of finance")
        where the story gives exactly one person that title before the name ("Prime Minister Ann
        Kovac", "Japan's Finance Minister Tom Berg"); not the speaker, nor an office the words
        that introduce the speaker give him ("Jan Kowal, Norland's chancellor"; a shadow or deputy
        office is another's: "the shadow chancellor" speaks of the chancellor), and not an
        office the quote gives to another body ("the president of the company")."""
        text = self.text
        out: list[str] = []
        if not self._may_name_office_in(a, b):
            return out  # no office word: most quotes
        own: str | None = None  # the office words of the mention, read at the first office the quote gives one holder
        for m in _OFFICE_IN_QUOTE.finditer(text, a, b):
            if _OF_NEXT.match(text, m.end()):
                continue  # "the president of the company"
            key = _office_key(m.group(1))
            names = self._office_holders().get(key, set())
            if len(names) != 1:
                continue
            if own is None:
                own = _SHADOW_OFFICE.sub(" ", " ".join(mention.text.lower().split())) if mention is not None else ""
            if key not in own:
                (name,) = names
                if not _same_person(name, speaker, self.text):
                    out.append(name)
        return out

    def _named_bodies_in(self, a: int, b: int, speaker: str | None, mention: Span | None) -> list[str]:
        """Bodies a quote names in full by a name ending in a body's head word ("the Ground
        Safety Authority", "the Kovac Foundation", "the Harbour Board"), outside the lexicon:
        a target by the name as written, without "The". Not a name the lexicon already matches
        a part of, and not the speaker's own body (named in the attribution or beside the
        speaker's name)."""
        out: list[str] = []
        text = self.text
        if not self._may_name_body(a, b):
            return out  # the cheap trigger: most quotes name no body so
        spans = self._load_spans()
        around = (mention.text if mention is not None else "") + " " + (speaker or "")
        for m in _NAMED_BODY.finditer(text, a, b):
            name = m.group(1)
            words = name.split()
            if any(w in _NAMED_BODY_HEAD_SET for w in words[:-1]):
                continue  # "the Board of Directors of the Norco Foundation": whose board is unclear
            stripped = False
            start = m.start(1)
            while "and" in words and words[words.index("and") - 1] not in _BODY_AND_WORDS:
                cut = words.index("and") + 1  # "Kessel and Glenmoor Council": two parties, the body is the second
                start = text.index(words[cut], start + len(" ".join(words[:cut])))
                words = words[cut:]
                stripped = True
            while words and (words[0] in _BODY_OPENERS or words[0] in _POSSESSIVE_CAPS):
                words = words[1:]  # "Every Committee member", "Our Foundation": a sentence's opener, no name
                stripped = True
            if len(words) < 2:
                continue
            if (
                not stripped
                and _HEAD_AS_MODIFIER.match(text, m.end(1))
                and _word_spans(text, words[0].lower())
                and _SENTENCE_START_BEFORE.search(text, max(0, m.start(1) - 4), m.start(1))
            ):
                continue  # "Local Union leaders agree.": a sentence's capitalised common word, no name
            name = " ".join(words)
            i = bisect.bisect_left(self._lex_starts, start)
            if i < len(spans) and spans[i][0] < m.end(1):
                continue  # the lexicon names it, or a part of it
            if self.lex.alias_tail(name):
                continue  # "the Reserve Board": a lexicon target shortened
            tail = r"[A-Z][\w'’&.-]*\s+" + r"\s+".join(map(re.escape, words)) + r"\b"
            if words[0].lower() in ROLE_WORDS and re.search(tail, text[:start]):
                continue  # "the Bank Board" after "the Federal Home Loan Bank Board": that body shortened
            head = " " + words[0]
            kinds = self.lex.kinds
            if words[0] not in _CHAMBER_WORDS and any(
                e - s > len(head) and text[e - len(head) : e] == head and kinds.get(c) != "people" for s, e, c in spans
            ):
                continue  # "the System Board" after "the Farm Credit System": that body's own board
            if words[-1] in ("Board", "Committee") and re.search(
                r"\b" + r"\s+".join(map(re.escape, words[:-1])) + r"\s+(?:" + "|".join(_LEGAL_FORMS) + r")\b", text
            ):
                continue  # "the Kestrel Mills Board" of "Kestrel Mills Inc": the company's own board, the company named
            family = speaker.split()[-1] if speaker else ""
            if name in around or name in out or family[:1].isupper() and self._beside(name, family, a, b):
                continue
            if self._own_body(name, words, around, speaker, a, b):
                continue
            out.append(name)
        return out

    def _acronyms_in(
        self, a: int, b: int, speaker: str | None, mention: Span | None, own: set[str] | frozenset[str]
    ) -> list[str]:
        """Organisations a quote names by an acronym the story spells out ("BIL" after "<Kessel
        Holdings Ltd> (BIL)", "the NUGW" after "the National Union of Glass Workers"): the body
        by the full name the story gives it, less its legal form, as the labellers write it.
        Wire copy names a body in full once and then by its initials; the lexicon knows few of
        them. Not the speaker's own body (named in the attribution or speaking in the story)."""
        if self._caps_at is None:
            self._caps_at = _caps_words(self.text)
        caps = self._caps_at
        i = bisect.bisect_left(caps, a)
        if i == len(caps) or caps[i] >= b:
            return []
        out: list[str] = []
        around: str | None = None
        for k in range(i, bisect.bisect_left(caps, b, i)):
            m = _ACRONYM.match(self.text, caps[k], b)
            if m is None:
                continue
            acr = m.group()
            if acr not in self._acronyms:
                # A lexicon acronym ("OPEC") has its own finders; the story is read for the others.
                known = self.lex.canonical(acr) is not None
                self._acronyms[acr] = None if known else _spelled_acronym(self.text, acr)
            name = self._acronyms[acr]
            if name is None:
                continue
            if around is None:
                around = (mention.text if mention is not None else "") + " " + (speaker or "")
            if self.lex.alias_tail(name):
                continue  # "ITC" for the lexicon's "U.S. International Trade Commission": its own finders
            name = self.lex.canonical(name) or name
            if name in out or name in own:
                continue
            if m.group() in around or name in around or self._acronym_own(name, m.group(), around, speaker, a, b):
                continue
            if mention is not None and name.split()[-1].lower() in mention.text.lower().split():
                continue  # "the board said" of the Norland Wheat Board: its own words
            out.append(name)
        return out

    def _acronym_own(self, name: str, acr: str, around: str, speaker: str | None, a: int, b: int) -> bool:
        """`_own_body` for a body a quote names by its initials, less its test of initials beside
        the speaker (the story's own definition of them stands there most often): the body's
        own word in the attribution, the body speaking in the lead, or its name or initials
        beside the speaker's name outside the quote ("Ann Roy of the NGB")."""
        text = self.text
        first = name.split()[0]
        if first in set(around.split()) - set((speaker or "").split()) and first not in _GENERIC_BODY_WORDS:
            return True
        if any(_body_speaks(text, st, a, name) for st in _lead_starts(text)):
            return True
        family = speaker.split()[-1] if speaker else ""
        return family[:1].isupper() and (self._beside(name, family, a, b) or self._beside(acr, family, a, b))

    def _own_body(self, name: str, words: list[str], around: str, speaker: str | None, a: int, b: int) -> bool:
        """The speaker's own company or union in wire copy: one that speaks itself earlier in the
        story ("Norco Realty Trust said on Monday"), one whose own word the attribution bears
        ("Norco chairman Tom Lund"), or one the words beside the quote name by its initials
        ("an official with the UAW"). Asked only of a body found, so rarely."""
        text = self.text
        own = set(around.split()) - set((speaker or "").split())
        if words[0] in own and words[0] not in _CHAMBER_WORDS and words[0] not in _GENERIC_BODY_WORDS:
            # Not the speaker's own name ("the Kovac Foundation" in Ana Kovac's words), nor a
            # chamber's ("House Speaker Tom Lund" on "the House Farm Committee": one of its committees).
            return True
        if any(_body_speaks(text, st, a, name) for st in _lead_starts(text)):
            return True
        # Initials beside the speaker's name, not the quote's: "FBN" after a network's full name is its
        # short name, not the speaker's employer.
        letters = sorted(w[0] for w in words)
        family = speaker.split()[-1] if speaker else ""
        beside = [around]
        if family:
            beside += [text[max(0, s - _BESIDE) : e + _BESIDE] for s, e in _word_spans(text, family) if not a <= s < b]
        return len(letters) > 2 and any(
            sorted(t) == letters and t not in _NOT_ALIASES for part in beside for t in _INITIALISM.findall(part)
        )

    def _beside(self, name: str, family: str, a: int, b: int) -> bool:
        """Whether the story names the body near the speaker's family name outside the quote at
        [a, b) ("Ann Roy, spokeswoman for the Glenmoor Trust"; "Tom Lund of the Norco
        Society said"): the speaker's own body, not what the words are about."""
        text = self.text
        if family in name.split():
            return False  # "the Kovac Foundation" in Ana Kovac's words: named for her, not hers to speak for
        for s, e in _word_spans(text, name):
            if a <= s < b:
                continue
            window = text[max(0, s - _BESIDE) : s] + " " + text[e : e + _BESIDE]
            if _word_spans(window, family):
                return True
        return False

    def _addressee(
        self, group: list[RawQuote], spans: list[tuple[int, int]], speaker: str | None, own: set[str]
    ) -> list[str]:
        """The person a quote speaks to as "you" where the reporter's words before it name them
        after a verb of address ('Berg told Mr Kovac: "You cannot be trusted."', "wrote to
        Kovac"): what the words are about. Not the speaker, nor a body or a newspaper ("told
        BBC News"): only a person of the story."""
        text = self.text
        if not any(_SECOND_PERSON.search(text, a, b) for a, b in spans):
            return []
        ss, _ = self._sentence(group[0].open_pos)
        # The last verb of address before the quote, else the first after it in its sentence.
        m = None
        if _ADDRESS_KEY.search(text, ss, group[0].open_pos):
            m = next(reversed(list(_ADDRESS_VERB.finditer(text, ss, group[0].open_pos))), None)
        if m is None:
            end = group[-1].close_end
            _, se = self._sentence(max(end - 1, 0))
            m = _ADDRESS_VERB.search(text, end, se) if _ADDRESS_KEY.search(text, end, se) else None
        if m is None:
            return []
        run = _CAP_RUN_WORDS.match(text, m.end())
        if run is None or _OWNER_INSIDE.search(text, run.start(), run.end() + 3):
            return []  # "told WXTV's Tom Lund": an interviewer, not what the words are about
        a, b = run.span()
        # Another verb of saying between the address and the quote is the quote's own cue: the
        # address belongs to another event ("Berg, who told Ms Kovac to quit, said: ...").
        gap = (b, group[0].open_pos) if b <= group[0].open_pos else (group[-1].close_end, m.start())
        if _OTHER_CUE.search(text, *gap) or iter_cues(text, *gap, min_strength=2):
            return []
        if _RELATIVE_ADDRESS.search(text, max(ss, m.start() - 80), m.start()):
            return []  # "Verhoek, who last year told Ms Ilves to quit, ...": an aside on another event
        named = [t for t in self._names_in(a, b) if self.lex.kinds.get(t) == "people"]
        named += self._persons_in(a, b, speaker)
        return [t for t in dict.fromkeys(named) if t not in own and not _same_person(t, speaker, text)][:1]

    def _key_word_in(self, a: int, b: int, kind: str) -> int:
        """Where the first whole word of `PAIR_WORDS` ("pair"), `OFFICE_WORDS` ("office") or
        `BODY_HEAD_WORDS` ("body") in any case stands inside [a, b), or -1: the story's words
        come from the cue scan's one pass (`target_key_words`), so a quote without one is not
        scanned by a rule's regex."""
        if self._key_words is None:
            found: dict[str, tuple[list[int], list[int]]] = {k: ([], []) for k in ("pair", "office", "body")}
            for s, e, w in target_key_words(self.text):
                starts, ends = found["pair" if w in PAIR_WORDS else "office" if w in OFFICE_WORDS else "body"]
                starts.append(s)
                ends.append(e)
            self._key_words = found
        starts, ends = self._key_words[kind]
        i = bisect.bisect_left(starts, a)
        while i < len(starts) and starts[i] < b:
            if ends[i] <= b:
                return starts[i]
            i += 1
        return -1

    def _pair_match(self, a: int, b: int) -> re.Match[str] | None:
        """`_PAIR.search(text, a, b)` where `_PAIR_KEY` finds a key in [a, b) too. Every match of
        `_PAIR` holds a whole word of `PAIR_WORDS` (its first, or after "the "), so the search
        starts at the window's first such word, and a window with none is not searched; except
        where the window cuts a word or the story holds a character that re.I folds to an ASCII
        letter ("paır"), which the letter shape's words miss."""
        text = self.text
        if self._story_folds() or _cut_at(text, b):
            return _PAIR.search(text, a, b) if _PAIR_KEY.search(text, a, b) else None
        first = self._key_word_in(a, b, "pair")
        if first < 0 or not _PAIR_KEY.search(text, a, b):
            return None
        return _PAIR.search(text, max(a, first - 4), b)

    def _story_folds(self) -> bool:
        """Whether the story holds a character re.I folds to an ASCII letter ("paır"), which the
        letter shape's words miss: its quotes are read by the plain patterns."""
        if self._folds is None:
            self._folds = not self._ascii and any(c in self.text for c in _FOLDS_TO_ASCII)
        return self._folds

    def _may_name_office_in(self, a: int, b: int) -> bool:
        """Whether [a, b) may hold a match of `_OFFICE_IN_QUOTE`: every match holds a whole word
        of `OFFICE_WORDS`, so the cue scan's words answer without lowering
        the quote (which costs more than the pattern in a story with curly quotes), unless the
        window cuts a word or the story holds a letter re.I folds to ASCII."""
        if self._story_folds() or _cut_at(self.text, b):
            return _may_name_office(self.text[a:b])
        return self._key_word_in(a, b, "office") >= 0

    def _may_name_body(self, a: int, b: int) -> bool:
        """Whether [a, b) may hold a match of `_NAMED_BODY`: only where a head word stands in it
        as a whole word (the pattern holds it between a blank and a word's edge), unless the
        window cuts a word; and `_BODY_HEAD` finds it."""
        if self._key_word_in(a, b, "body") < 0 and not _cut_at(self.text, b):
            return False
        return bool(_BODY_HEAD.search(self.text, a, b))

    def _pair_in(self, a: int, b: int, speaker: str | None, own: set[str]) -> list[str]:
        """The two a quote speaks of together ("the pair", "either one", "the two of them",
        "both parties"): the two people, or for parties the two parties, the story names most
        often before the quote, neither the speaker nor the speaker's side (modern news half A:
        in 7 of 10 quotes so worded the labellers named such a pair). Where a third is named as
        often as the second, there is no one pair to give."""
        m = self._pair_match(a, b)
        if m is None:
            return []
        kind = "parties" if m.group(1) else "people"
        lexicon, people = self._pair_places(kind, speaker, own)
        counts = {c: n for c, at in lexicon.items() if (n := bisect.bisect_left(at, a))}
        for name, at in people.items():
            n = bisect.bisect_left(at, a)
            if n:
                counts[name] = max(counts.get(name, 0), n)
        ranked = sorted(counts.items(), key=lambda kv: -kv[1])
        if len(ranked) < 2 or (len(ranked) > 2 and ranked[2][1] == ranked[1][1]):
            return []
        return [ranked[0][0], ranked[1][0]]

    def _pair_places(self, kind: str, speaker: str | None, own: set[str]) -> _PairPlaces:
        """Where the story names each candidate of a pair, once per story, kind, speaker and
        speaker's side, in the order first named: lexicon names of the kind, and (for people)
        the story's people by full name. A quote then counts those before it by bisection, so
        a long story of many such quotes costs no more than its names."""
        key = (kind, speaker, frozenset(own))
        found = self._pair_cache.get(key)
        if found is not None:
            return found
        text = self.text
        ok = self._pair_ok
        lexicon: dict[str, list[int]] = {}
        for s, _, c in self._load_spans():
            c = self._resolve.get(c, c)
            if self.lex.kinds.get(c) != kind or c in own:
                continue
            test = (c, speaker, False)
            if test not in ok:
                ok[test] = not _same_person(c, speaker, text)
            if ok[test]:
                lexicon.setdefault(c, []).append(s)
        people: dict[str, list[int]] = {}
        if kind == "people":
            # People outside the lexicon by the story's full name; a lexicon person found both ways counts once.
            starts, names = self._named_people()
            for at, name in zip(starts, names):
                if name in own:
                    continue
                test = (name, speaker, True)
                if test not in ok:
                    ok[test] = not _same_person(name, speaker, text) and self._person_name(name)
                if ok[test]:
                    people.setdefault(name, []).append(at)
        found = self._pair_cache[key] = (lexicon, people)
        return found

    def _office_holders(self) -> dict[str, set[str]]:
        """Office -> the people the story titles with it right before their name ("Prime Minister
        Ann Kovac", "Chancellor Kohl", "Japan's Finance Minister Tom Berg"): a lexicon person
        by their canonical name, another by the full name the story gives them. A title after
        another capitalised name that is no state belongs to a company or a body ("Norco
        President Tom Lund") and counts for none. Built once per story."""
        if self._holders is None:
            holders: dict[str, set[str]] = {}
            spans = self._load_spans()
            by_start = {s: c for s, _, c in spans}
            for m in _TITLE_BEFORE_NAME.finditer(self.text):
                prev = self.text[max(0, m.start() - 30) : m.start()].split()
                owner = prev[-1].removesuffix("'s").removesuffix("’s") if prev else ""
                if owner[:1].isupper() and not self._is_place(owner) or owner in _PAST_HOLDER:
                    continue  # "Norco President Tom Lund"; "former President Tom Lund" holds it no more
                k = m.end()
                canon = by_start.get(k)
                if canon is not None and self.lex.kinds.get(canon) == "people":
                    name = self._resolve.get(canon, canon)
                else:
                    # The named-people index marks a family name: given names may stand between.
                    # Asked here only, as most stories title only lexicon people or no one.
                    starts, names = self._named_people()
                    i = bisect.bisect_left(starts, k)
                    if i == len(starts) or not _GIVEN_NAMES_GAP.fullmatch(self.text, k, starts[i]):
                        continue
                    name = names[i]
                holders.setdefault(_office_key(m.group(1)), set()).add(name)
            self._holders = holders
        return self._holders

    def _named_people(self) -> tuple[list[int], list[str]]:
        """Where the article names a person, in full or by family name ("Kovac" after "Ana
        Kovac"), with the full name, in text order: one pass over its capitalised words."""
        if self._named_cache is None:
            index = self._person_index()
            at: list[tuple[int, str]] = []
            # A family name only one person of the story goes by is that person's wherever it
            # stands (`_closest_name` gives the one name that fits, before pos or after it).
            fitting: dict[str, list[str]] = {}
            for k, family in sorted(self._family_words(index)):
                fits = fitting.get(family)
                if fits is None:
                    fits = fitting[family] = [name for name in index[family] if self._person_name(name)]
                full = fits[0] if len(fits) == 1 else self._closest_name(index[family], [], k) if fits else None
                if full:
                    at.append((k, full))
            self._named_cache = ([k for k, _ in at], [name for _, name in at])
        return self._named_cache

    def _family_words(self, index: dict[str, dict[str, list[int]]]) -> list[tuple[int, str]]:
        """Where a family name of the index stands as a capitalised word of the text, possessive
        or not (as `_CAPITALISED_WORD` reads words): found by a search for each family name,
        not a regex pass over every capitalised word, as a story names only a few people."""
        text = self.text
        out: list[tuple[int, str]] = []
        for family in index:
            if not (family[:1].isascii() and family[:1].isupper()):
                continue  # a word of _CAPITALISED_WORD opens with A-Z
            k = text.find(family)
            while k >= 0:
                if not (k and _NAME_CHAR.match(text, k - 1)):
                    word = text[k : _NAME_CHARS.match(text, k).end()]
                    if len(word) > 1 and word.removesuffix("'s").removesuffix("’s") == family:
                        out.append((k, family))
                k = text.find(family, k + 1)
        return out

    def _said_of_other_gender(self, name: str, pronoun: str) -> bool:
        """Whether the story gives the person the other pronoun right after their name and a
        verb of saying ("Rin Soto said on Monday that she ...")."""
        pattern = _SAID_PRONOUN["she" if pronoun == "he" else "he"]
        at = self._person_index().get(name.split()[-1], {}).get(name, [])
        return any(pattern.match(self.text, k, k + 140) for k in at)

    def _persons_in(self, a: int, b: int, speaker: str | None) -> list[str]:
        """People a quote names, by the full name the article gives them ("Clinton" after "Hillary
        Clinton"); a name that opens a longer name ("the Clinton Foundation") or that the lexicon
        already names is left to the lexicon, and the speaker is no target of their own words."""
        text = self.text
        spans = self._load_spans()
        index = self._person_index()
        out: list[str] = []
        for m in _CAP_RUN_WORDS.finditer(text, a, b):
            if _CAP_AFTER_NAME.match(text, m.end()):
                continue
            words = [_unpossessed(w) if w[-1] in "s'’" else w for w in m.group().split()]
            i = bisect.bisect_right(self._lex_starts, m.end()) - 1
            if i >= 0 and spans[i][1] > m.start():
                continue
            key = " ".join(words)
            firm = self._firm_named(words)
            if firm and firm != key and _title_or_opener(key):
                firm = None  # "General strikes ...": a title word, not the firm
            if firm and not _HONORIFIC_BEFORE.search(text, max(0, m.start() - 6), m.start()):
                if not (speaker and (firm in speaker or speaker in firm)) and firm not in out:
                    out.append(firm)
                continue
            names = index.get(words[-1])
            if names:
                given = [w for w in words[:-1] if not _title_or_opener(w)]
                if given and (given[0] in _DETERMINER_CAPS or given[0].endswith("ing")) and _clause_opener(
                    given[0], text, m.start()
                ):
                    given = given[1:]  # "Celebrating Kovac's win": the sentence's participle
                full = self._closest_name(names, given, m.start())
            else:
                full = self._called_by_given_name(words, m.start(), speaker)
            if not full or full in out or _same_person(full, speaker, self.text):
                continue
            out.append(full)
        return out

    def _called_by_given_name(self, words: list[str], pos: int, speaker: str | None = None) -> str | None:
        """The one person of the story a quote calls by a listed given name alone ("I like
        Bernie", "when Bill was governor" after "Bernie Kell" or "Bill Lund"); no one where the
        story names two people so. The word must read as a name: not a title ("Lord knows"), not
        a thing after a determiner or possessive ("this Bill", "Labour's Bill", "a Mark"), a
        place after a preposition ("in Virginia"), nor a verb or adjective opening a sentence
        ("Mark my words", "Sue them", "Frank talks"); and not where the speaker's own family is
        in the story by family name alone ("President Clinton") and the name is of the other
        sex than the speaker's: "Bill" in Hillary Clinton's words may be her husband."""
        if len(words) != 1 or (words[0] not in _MALE_GIVEN and words[0] not in _FEMALE_GIVEN):
            return None
        text = self.text
        end = pos + len(words[0])
        if words[0] in _TITLE_GIVEN or (
            _NOT_A_NAME_BEFORE.search(text, max(0, pos - 12), pos)
            and not (_AT_BEFORE.search(text, max(0, pos - 4), pos) and _POSSESSIVE_AFTER.match(text, end))
        ):
            return None
        if (
            words[0] in _WORD_GIVEN
            and _SENTENCE_OPENING.search(text, max(0, pos - 3), pos)
            and _LOWER_WORD_AFTER.match(text, end)
        ):
            return None
        pronoun = "he" if words[0] in _MALE_GIVEN else "she"
        if speaker and _gender_clash(speaker, pronoun) and self._family_named_alone(speaker):
            return None
        if self._given_names is None:
            by_given: dict[str, set[str]] = {}
            for names in self._person_index().values():
                for name in names:
                    if self._person_name(name):
                        by_given.setdefault(name.split()[0], set()).add(name)
            self._given_names = by_given
        found = self._given_names.get(words[0], set())
        return next(iter(found)) if len(found) == 1 else None

    def _family_named_alone(self, speaker: str) -> bool:
        """Whether the story names someone of the speaker's family name after a title rather than
        the speaker's given name ("President Clinton" in a story quoting Hillary Clinton)."""
        family = speaker.split()[-1]
        if family not in self._family_alone:
            given = speaker.split()[0]
            pattern = re.compile(rf"\b([A-Z][a-z]+\.?)\s+{re.escape(family)}\b")
            self._family_alone[family] = any(
                m.group(1) != given and m.group(1).rstrip(".").lower() in _FAMILY_TITLES
                for m in pattern.finditer(self.text)
            )
        return self._family_alone[family]

    def _closest_name(self, names: dict[str, list[int]], given: list[str], pos: int) -> str | None:
        """Of the full names sharing a family name, the one named last before pos (else first after
        it) that fits the given names written with it."""
        best, best_at, first, first_at = None, -1, None, len(self.text) + 1
        for name, at in names.items():
            if given and name.split()[0] not in (given[0], given[-1]) or not self._person_name(name):
                continue
            k = bisect.bisect_right(at, pos)
            if k and at[k - 1] > best_at:
                best, best_at = name, at[k - 1]
            if at[0] < first_at:
                first, first_at = name, at[0]
        return best or first

    def _person_index(self) -> dict[str, dict[str, list[int]]]:
        """Family name -> full name -> the positions where the article names that person."""
        if self._persons is None:
            index: dict[str, dict[str, list[int]]] = {}
            for person in self.ents.persons:
                words = [w.rstrip("'’") for w in person.name.split() if not (len(w) == 2 and w.endswith("."))]
                while words and (
                    words[0] in _HONORIFICS
                    or _party_word(words[0])
                    or (words[0] in _DETERMINER_CAPS or words[0].endswith("ing"))
                    and _clause_opener(words[0], self.text, person.pos)
                    or self._title_before_given(words, person.pos)
                ):
                    words = words[1:]
                if len(words) == 1 and (words[0] in _MALE_GIVEN or words[0] in _FEMALE_GIVEN):
                    # The scan leaves the title out of the name but may start the name at it.
                    royal = _ROYAL_AT.match(self.text, person.pos) or _ROYAL_BEFORE.search(
                        self.text, max(0, person.pos - 12), person.pos
                    )
                    if royal:  # "Prince Rupert": a royal is named by title and given name
                        words = [royal.group(1), words[0]]
                if len(words) >= 2:
                    index.setdefault(words[-1], {}).setdefault(" ".join(words), []).append(person.pos)
            for at, name in _possessive_names(self.text):
                # "Tony Blair's government": named only as an owner, still the Blair a quote means.
                words = name.split()
                while words and words[0] not in _MALE_GIVEN and words[0] not in _FEMALE_GIVEN:
                    words = words[1:]  # "President Tony Berg's", "Since Maria Lund's"
                if len(words) == 2 or (len(words) == 3 and (words[1] in _MALE_GIVEN or words[1] in _FEMALE_GIVEN)):
                    index.setdefault(words[-1], {}).setdefault(" ".join(words), []).append(at)
            for names in index.values():
                for at in names.values():
                    at.sort()
            self._persons = index
        return self._persons

    def _title_before_given(self, words: list[str], pos: int) -> bool:
        """Whether a name's first word, at `pos`, is the end of a title before a given name
        ("Exchequer Ivo Lund" after "Chancellor of the Exchequer", "Hostage Ann Berg"): a
        word that is no listed given name, before one, with a family name still to come, and
        that reads as a title: a title word, one the story also writes in lower case ("hostage",
        "investor"), or one ending a title's "of" phrase. A given name missing from the lists ("Keir Rodney
        Berg", "Abu Omar Kovac") is none of these and stays."""
        w = words[0] if len(words) >= 3 else ""
        if not w or w in _MALE_GIVEN or w in _FEMALE_GIVEN:
            return False
        if words[1] not in _MALE_GIVEN and words[1] not in _FEMALE_GIVEN:
            return False
        return (
            _title_or_opener(w)
            or _title_or_opener(w.rsplit("-", 1)[-1])
            or w.lower() in _CAPTIVE_WORDS
            or self._common_word(w)
            or self._title_of_before(pos)
        )

    def _title_of_before(self, pos: int) -> bool:
        """Whether the words before pos end a title's "of" phrase ("Chancellor of the", "Minister
        of"), not a group's ("Critics of Keir Rodney Berg")."""
        m = _OF_BEFORE.search(self.text, max(0, pos - 40), pos)
        return m is not None and (m.group(1) is None or _title_or_opener(m.group(1)))

    def _firm_named(self, words: list[str]) -> str | None:
        """The company a run of capitals in a quote names, by the story's short name for it; also
        written with its legal form or a plural possessive ("Norco Inc", "Norco Mills'"), and after
        a capitalised function word or common word opening the run ("The Norco board", "Because
        Norco ...")."""
        firms = self._firm_index()
        if not firms:
            return None
        words = [w[:-1] if w.endswith("s'") else w for w in words]
        while len(words) > 1 and words[-1].rstrip(".") in _LEGAL_FORMS:
            words = words[:-1]
        firm = firms.get(" ".join(words))
        if firm is None and len(words) > 1:
            rest = firms.get(" ".join(words[1:]))
            if rest and (words[0] in _FIRM_OPENERS or self._common_word(words[0])):
                firm = rest
        return firm

    def _firms_in_capitals(self, a: int, b: int, speaker: str | None, mention: Span | None) -> list[str]:
        """Companies a quote names by a word with capitals inside ("ARGOSystems", "BMW"), which
        the runs of capitalised words miss: only names of the firm index, not the speaker's own
        employer (`_own_firm`)."""
        firms = self._firm_index()
        if not firms:
            return []
        spans = self._load_spans()
        out: list[str] = []
        for m in _INNER_CAPITALS.finditer(self.text, a, b):
            i = bisect.bisect_right(self._lex_starts, m.end()) - 1
            if i >= 0 and spans[i][1] > m.start():
                continue  # a lexicon name ("NorcoAir") or part of one
            if _CAP_AFTER_NAME.match(self.text, m.end()):
                continue  # part of a longer name: "the BNW Art Foundation"
            firm = firms.get(m.group(1))
            if firm and firm not in out and not self._own_firm(m.group(1), firm, speaker, mention):
                out.append(firm)
        return out

    def _own_firm(self, word: str, firm: str, speaker: str | None, mention: Span | None) -> bool:
        """Whether the company is where the speaker works, named in the attribution ("BRM
        chairman Otto Kahl") or beside the speaker's name anywhere in the story (`_employs`):
        the speaker's own side, which the reviewed decision gives no target."""
        if not speaker:
            return False
        if firm in speaker or speaker in firm:
            return True
        if mention is not None and re.search(rf"(?<![\w'’]){re.escape(word)}(?![\w&-])", mention.text):
            return True
        hits = re.finditer(rf"(?<![\w'’.&-]){re.escape(word)}(?:[ \t]+[A-Z][\w&.]*)*", self.text)
        starts, mentions = self._firm_mentions()
        spans = [(h.start(), h.end()) for h in hits] + [(s, e) for s, e, f in mentions if f == firm]
        return any(self._employs(s, e, speaker) for s, e in spans)

    def _bracketed_alias(self, pos: int, words: list[str]) -> str | None:
        """The short name a story gives a company in brackets after its legal form (and ticker):
        "Bayerische Norco Werke AG <BNW.F> (BNW)", by which quotes and labellers name it."""
        text, i = self.text, pos
        for k, word in enumerate(words):
            if k:
                j = i
                while j < len(text) and text[j].isspace():
                    j += 1
                if j == i:
                    return None
                i = j
            if not text.startswith(word, i):
                return None
            i += len(word)
        m = _ALIAS_AFTER_FORM.match(text, i)  # no pattern built per name: those missed re's cache
        if m is None:
            return None
        alias = m.group(1)
        if alias in _NOT_ALIASES or self._is_place(alias) or self.lex.canonical(alias) is not None:
            return None
        if _lower_in(self.text, alias):
            return None
        return alias

    def _common_word(self, word: str) -> bool:
        """Whether the story also writes the word in lower case (memoised: one scan per word)."""
        hit = self._common.get(word)
        if hit is None:
            hit = self._common[word] = _lower_in(self.text, word)
        return hit

    def _firm_names(self) -> list[tuple[int, list[str]]]:
        """Names the story gives with a legal form, as the capitalised words before the form and
        the form, with where they start; also where the form has a possessive ("Norco Inc's
        plant") or a title follows it ("Norco Corp Chairman ..."), which the entity scan misses;
        and partners' names before "and Co" ("Kell Berg and Co Inc")."""
        if self._firm_name_list is not None:
            return self._firm_name_list
        text = self.text
        out: list[tuple[int, list[str]]] = []
        for m in _legal_forms_after_space(text):
            words: list[str] = []
            pos = m.start()
            before = text[max(0, pos - 80) : pos].split()
            if m.group(1) in ("Co", "Cos") and before[-1:] in (["and"], ["&"]):
                # "Kell Berg and Co Inc": the partners' names are the firm's.
                pos = text.rfind(before[-1], 0, pos)
                before.pop()
            for w in reversed(before):
                # "Norco (Asia) Ltd": a bracket closing before the form ends the name.
                w = w.lstrip("(<[")
                if not w[:1].isupper() or w[-1] in ".,;:)>]" and not _INITIALS.match(w) or len(words) == 5:
                    break
                words.insert(0, w)
                pos = text.rfind(w, 0, pos)
            if words:
                out.append((pos, [*words, m.group(1)]))
        self._firm_name_list = out
        return out

    def _joined(self, pos: int) -> bool:
        """Whether a name starting at pos ends a longer one joined by "&" or "and" ("Standard &
        Poor's Corp"): a capital before the joint that is no legal form ("Kell Co and Norco Inc"
        names two companies, and "it and Norco Inc" one)."""
        m = _JOINED_BEFORE.search(self.text, max(0, pos - 40), pos)
        return bool(m) and m.group(1).rstrip(".") not in _LEGAL_FORMS

    def _owner(self, word: str) -> bool:
        """A possessive opening a company's name that names its owner: a state or a body of the
        lexicon ("Norway's Norco Ltd"), or a name the story also writes without it ("Kell's
        Norco Inc" beside "Kell Group"); not a name of its own ("Wendy's International Inc")."""
        if not word.endswith(("'s", "’s")):
            return False
        stem = word[:-2]
        if self.lex.canonical(stem) is not None:
            return True
        text = self.text
        i = text.find(stem)
        while i >= 0:
            j = i + len(stem)
            alone = (i == 0 or not text[i - 1].isalnum()) and not text[j : j + 1].isalnum()
            if alone and text[j : j + 2] not in ("'s", "’s"):
                return True
            i = text.find(stem, j)
        return False

    def _firm_index(self) -> dict[str, str]:
        """A company's name without its legal form ("Caesars World" for "Caesars World Inc"), and
        its first word where that is no common word ("Bally" for "Bally Manufacturing Corp"): how
        a quote names a company the story has introduced. An owner or a function word before the
        name is none of it ("Norland's Norco Ltd", "The Norco Co")."""
        if self._firms is None:
            index: dict[str, str] = {}
            for pos, words in self._firm_names():
                if len(words) < 2 or words[-1].rstrip(".") not in _LEGAL_FORMS or self._joined(pos):
                    continue
                alias = self._bracketed_alias(pos, words)
                if alias:
                    index.setdefault(alias, alias)
                while words and words[-1].rstrip(".") in _LEGAL_FORMS:
                    words = words[:-1]
                while len(words) > 1 and (words[0] in _FIRM_OPENERS or self._owner(words[0])):
                    words = words[1:]
                # A possessive inside the name is the name's own ("Wendy's International Inc"); a
                # quote is looked up without it ("Wendy's" in a quote, as "Wendy").
                written = " ".join(words)
                words = [w.removesuffix("’s").removesuffix("'s") for w in words]
                if not words or words[0] in _NON_NAME or self._is_place(words[0]):
                    continue
                index.setdefault(" ".join(words), written)
                first = words[0]
                if len(words) > 1 and len(first) > 2 and not _lower_in(self.text, first):
                    index.setdefault(first, written)
            self._firms = index
        return self._firms

    def _uncued_owner(self, ss: int, q: RawQuote) -> tuple[int, int] | None:
        """The person whose own words a mixed quote with no cue is ('Dr Ann Lee, the union
        secretary, welcomed the "..."'): the subject of its clause, only where that clause is
        plainly active and the subject is a person the story names or a role. A passive clause's
        words are the agent's or a court's, a title or the writer's irony has no speaker, and a
        clause after a colon, semicolon or comma has a subject the sentence start does not give."""
        text = self.text
        gap = text[ss : q.open_pos]
        words = gap.split()
        if (
            not words
            or any(p in gap for p in _UNCUED_BREAKS)
            or words[-1].lower() in _TITLE_LEADS
            or _passive_words(words)
            or _title_case(text[q.open_pos : q.close_end])
        ):
            return None
        own = _clause_subject(text, ss, q.open_pos, apposition=True)
        if own is None:
            return None
        a, b = own
        cut = text.find(",", a, b)
        if cut >= 0 and text[cut + 1 : b].split()[0].lower() in _NOT_APPOSITION:
            # 'President Ruiz, in her speech, blamed ...': an adverbial, not an apposition.
            b = cut
        rest = text[own[1] : q.open_pos].lstrip(" ,")
        if "," in rest or not _UNCUED_SUBORD.isdisjoint(w.lower() for w in rest.split()[:-1]):
            return None
        return (a, b) if self._person_or_role(text[a:b]) else None

    def _person_or_role(self, s: str) -> bool:
        """Whether a subject is a person: "he"/"she", a role ("the union secretary"), or a name
        the story gives a person (a title before it, or a person's surname), never a thing or
        event that happens to open the sentence with a capital ("Nothing", "Brexit")."""
        ws = s.split(",")[0].split()
        head = ws[-1].lower().strip(".,")
        if len(ws) == 1 and head in PERSON_PRONOUNS:
            return True
        if head in ROLE_WORDS:
            return True
        roles = [
            i
            for i, w in enumerate(ws[:-1])
            if w.lower().strip(".") in _TITLES or (w[:1].islower() and w.lower() in ROLE_WORDS)
        ]
        titled = bool(roles)
        if titled:
            # "Harbour Authority director Nils Oda", "Mayport Gov. Ed Vale": a name after its role.
            ws = ws[roles[-1] + 1 :]
        if not all(w[:1].isupper() for w in ws):
            return False
        name = " ".join(ws)
        if not self.ents.person_like(name):
            return False
        last = ws[-1]
        return titled or self.ents.full_name((last,), len(self.text)) is not None  # a person's surname

    def _person_name(self, name: str) -> bool:
        """Whether a run of capitals the entity scan took for a person is a name to take as a
        target: a person by the scan's own test (`Entities.person_like`: no thing, no capitalised
        common words, "Unlike Cruz"), with no word that is a place, a contraction or an initialism."""
        ok = self._name_ok.get(name)
        if ok is None and name.startswith(_ROYAL_TITLES) and name != _untitled(name):
            # "Prince Rupert": the title is a common word of the story ("the prince"), the name is his own.
            ok = self._name_ok[name] = self._person_name(_untitled(name))
        if ok is None:
            ok = self._name_ok[name] = self.ents.person_like(name) and not any(
                w in _NON_NAME or not w[:1].isupper() or "." in w or _CONTRACTION.search(w) or self._is_place(w)
                for w in name.split()
            )
        return ok

    def _around(
        self, group: list[RawQuote], spans: list[tuple[int, int]], own: set[str], speaker: str | None
    ) -> list[str]:
        """The party a quote naming no other one is about, from its surroundings."""
        text = self.text
        first_text = text[spans[0][0] : spans[0][1]]
        if _PRONOUN_START.match(first_text):
            # "They ..." at the start of a quote: the state named last before it.
            ps = self.layout.para_span(self.layout.para_of(group[0].open_pos))[0]
            if self.layout.para_of(group[0].open_pos) > 0:
                ps = self.layout.para_span(self.layout.para_of(group[0].open_pos) - 1)[0]
            last = None
            for canon in self._names_in(ps, group[0].open_pos, parties="around"):
                if self.lex.is_state_like(canon) and canon not in own:
                    last = canon
            if last:
                return [last]
        if any(_points_outside(text, a, b) for a, b in spans):
            # A pronoun or role noun pointing outside the quote: the party named last around it.
            got = self._context_targets(group, own, speaker, bool(_OWNER_START.match(first_text)))[-1:]
            if got:
                return got
        return self._fallback(group, own)

    def _fallback(self, group: list[RawQuote], own: set[str]) -> list[str]:
        """A quote that names no party outside the speaker's side is still about one: the state or
        bloc the attribution sentence names, else the one the headline is about (the party
        across the dispute the story reports), else the last one the paragraph before names that
        the story names at least four times (one named there in passing, "Norland's biggest
        bank", "exports to Norland", is a bystander: pool half A 31 true and 21 false targets
        from such states against 28 true and 76 false from the others).
        Organisations, people and groups ("debtor countries", "G-7") named only around a quote are
        too often bystanders or settings to be taken, and so is a city named as a place ("talks
        in Lisbon", "the Oslo market"); a company story's headline names no such state (see
        `_headline_parties`)."""
        first, last = group[0], group[-1]

        def last_party(cands: list[str]) -> str | None:
            for c in reversed(cands):
                if c not in own and self.lex.is_state_like(c) and not self._is_group(c):
                    return c
            return None

        # Each source is read only when the ones before it give no party: most quotes stop at the first.
        ss, _ = self._sentence(first.open_pos)
        _, se = self._sentence(max(last.close_end - 1, 0))
        got = last_party(self._names_in(last.close_end, se, parties="fallback"))
        got = got or last_party(self._names_in(ss, first.open_pos, parties="fallback"))
        got = got or last_party(self._headline_parties())
        if got is None:
            pi = self.layout.para_of(first.open_pos)
            if pi > 0:
                counts = self._name_counts()
                for c in reversed(self._names_in(*self.layout.para_span(pi - 1), parties="fallback")):
                    if counts.get(c, 0) >= _TOPIC_MENTIONS and last_party([c]) and not self._party_politics(c, own):
                        got = c
                        break
        return [got] if got is not None else []

    def _government_in(
        self, a: int, b: int, own: set[str], mention: Span | None = None, speaker: str | None = None
    ) -> str | None:
        """The government a quote's "the government" ("this government", "the present government",
        "Mr Vane's government", "ministers", "No 10", "the Home Office") means in a story of one
        state's party politics (`_party_politics`: "Labour", "the Tories" twice or more): the
        lexicon's body for that state's government ("UK government"), where it has one. A quote
        naming no one asks the same of its sentence and the one before ("Ministers want four new
        jails. Tom Kell said: "A waste of money.""; modern news half A 5 true, 2 unjudged; the
        paragraphs around gave 16 more true and 14 more unjudged, most of them wrong). Not a
        generic, hypothetical or another's government ("good government", "a Tory government",
        "the Scottish government", "foreign ministers"), nor a place ("at the Home Office"). It comes
        after the other targets and does not count as a party named, so that a quote naming no
        one keeps its fallback (the Reuters pool judges such quotes about the state). Not "the
        government of India", "the government in Edinburgh", "of this company" (another's: only a
        place of the state itself, "the government in London", is kept), and not the words of one
        who speaks for the government (a minister, a secretary, an official: their own)."""
        text = self.text
        if not _government_key_in(text, a, b):
            return None  # most quotes never write the words
        homes = self._home_governments(own)
        if not homes:
            return None
        for t in (mention.text if mention is not None else "", speaker or "", *self._titles_of(speaker)):
            if _GOVERNMENT_MAN.search(t) and not _NOT_IN_GOVERNMENT.search(t):
                return None
        places: list[tuple[str | None, str | None]] = []
        for m in _A_GOVERNMENT.finditer(text, a, b):
            w = _GOVERNMENT_WORD_BEFORE.search(text, max(a, m.start() - 30), m.start())
            mod = w.group(1) if w else None
            det = mod is not None and mod.lower() in _GOVERNMENT_DETERMINERS
            first = w is not None and (w.start() <= a or _SENTENCE_END_BEFORE.search(text, a, w.start()) is not None)
            if m.group()[:1] in "Nn" and mod and mod.lower() in _NUMBER_DETERMINERS:
                continue  # "the No 10 shirt", "the Number 10 bus"
            if m.group().lower() == "government":
                if not det and not (mod and mod.endswith(("'s", "’s"))):
                    continue  # "good government", "a Tory government", "the Scottish government"
            elif mod and (
                (mod.lower() if first else mod) in _NOT_THE_GOVERNMENT
                or mod[:1].isupper() and not det and (not first or self._names_in_text(mod))
            ):
                continue  # "foreign ministers", "Tory ministers", "at the Home Office"
            if mod and not det and _other_modifier(text, max(a, m.start() - 40), m.start()):
                continue  # "European health ministers", "EU trade ministers"
            w = _GOVERNMENT_OF.match(text, m.end(), b)
            places.append((w.group(1) if w else None, mod))
        for state, body in homes:
            if any((w is None or self._of_state(w, state)) and self._owned_by(mod, state) for w, mod in places):
                return body  # not "the government of India", "Norland's government"
        return None

    def _titles_of(self, speaker: str | None) -> list[str]:
        """The words the story puts right around the speaker's family name, for a speaker whose
        quote's mention is only a pronoun ("He said" after "Prisons minister Tom Kell")."""
        if not speaker or " " not in speaker:
            return []
        got = self._titles.get(speaker)
        if got is not None:
            return got
        text, out = self.text, []
        for _, end in _word_spans(text, speaker.split()[-1]):
            after = _TITLE_AFTER.match(text, end)
            out.append(after.group() if after else "")
        for start, _ in _word_spans(text, speaker):
            before = _TITLE_BEFORE.search(text, max(0, start - 40), start)
            if before and _OFFICE_RIGHT_BEFORE.search(before.group()):
                out.append(before.group().split(" ", 1)[-1] if before.start() > 0 else before.group())
        self._titles[speaker] = out
        return out

    def _home_governments(self, own: set[str]) -> list[tuple[str, str]]:
        """(state, the lexicon's body for its government) for each state whose party politics the
        story tells (`_party_politics`), where the lexicon has one such body and it is not the
        speaker's own."""
        return [(st, body) for st, body in self._politics() if body not in own and self._party_politics(st, own)]

    def _politics(self) -> list[tuple[str, str]]:
        """The part of `_home_governments` that is the story's, not the speaker's: states whose
        parties the story names twice and that have a government body. Empty for most stories,
        which skip every government lookup."""
        if self._politics_states is None:
            named = [self.lex.homes.get(c) for c in self._name_counts() if self.lex.kinds.get(c) == "parties"]
            out: list[tuple[str, str]] = []
            for st in dict.fromkeys([*named, *_PARTY_ADJECTIVES]):
                body = self.lex.government_body(st) if st else None
                if st and body is not None and self._party_mentions_of(st) >= _PARTY_MENTIONS:
                    out.append((st, body))
            self._politics_states = out
        return self._politics_states

    def _owned_by(self, mod: str | None, state: str) -> bool:
        """Whether the word before "government" leaves it the state's: no name, or names of the
        state and its own people and parties ("Labour's", "Mr Vane's"), not another's ("Norland's")."""
        names = self._names_in_text(mod) if mod and not mod.islower() else []
        return all(n == state or self.lex.homes.get(n) == state for n in names)

    def _of_state(self, words: str, state: str) -> bool:
        """Whether the words after "the government of/in" leave it the state's: they name the
        state ("in London") or are no place or body at all ("of the day"); not another state
        ("of India"), a place the lexicon does not know ("in Edinburgh") or a company's ("of this
        company")."""
        names = self._names_in_text(words)
        if names:
            return state in names
        return not words[:1].isupper() and not _BODY_NOUN.search(words)

    def _party_politics(self, state: str, own: set[str] | frozenset[str]) -> bool:
        """Whether the story names the state's own political parties at least twice ("Labour",
        "the Tories", "Democrats"): a story of party politics at home, whose quotes that name no
        one speak of the parties, the government and their people, not of the state the
        paragraph before names (modern news half A: 14 fewer false targets and no true one lost;
        the Reuters pool unchanged). Only where the speaker is of that state or of none (a
        Japanese minister reacting to Democrats in Congress speaks of the United States), and
        not where the story writes the parties as another state's ("Israel's Labour party",
        "Japan's ruling Liberal Democrats", "Canada's Tories": not Britain's)."""
        if self._party_mentions_of(state) < _PARTY_MENTIONS:
            return False
        if state not in own and any(self.lex.kinds.get(c) == "states" for c in own):
            return False
        hit = self._namesake_parties.get(state)
        if hit is None:
            hit = self._namesake_parties[state] = self._parties_of_another(state)
        return not hit

    def _party_adjectives_in(self, a: int, b: int, own: set[str]) -> list[str]:
        """Parties a quote names by their adjective before a common noun ("feckless
        Democratic mayors", "Conservative schemes", "Republican plans to scrap it"), in a
        story of that state's party politics only (elsewhere "Conservative" may open a sentence
        and "Democratic" a foreign party's name), and not opening a sentence ("Conservative
        estimates put the cost ...": the capital is the sentence's)."""
        out: list[str] = []
        text = self.text
        if not _PARTY_ADJECTIVE_KEYS.search(text, a, b):
            return out  # the cheap trigger: most quotes name no party so
        for m in _PARTY_ADJECTIVE_NOUN.finditer(text, a, b):
            if m.start() <= a or _SENTENCE_END_BEFORE.search(text, a, m.start()):
                continue  # "Conservative estimates put ...": the capital may be the sentence's
            prev = [w.lstrip("\"“‘'(") for w in self.text[max(0, m.start() - 20) : m.start()].split()[-1:]]
            if prev and prev[0][:1].isupper() and prev[0][-1:].isalpha() and prev[0] not in _OPENING_DETERMINERS:
                continue  # "Christian Democratic leaders", "Social Democratic voters"
            party = self.lex.canonical(_PARTY_OF_ADJECTIVE[m.group().split()[0]])
            state = self.lex.homes.get(party) if party else None
            if party and state and party not in out and party not in own and self._party_politics(state, own):
                out.append(party)
        return out

    def _party_mentions_of(self, state: str) -> int:
        """How often the story names the state's parties: lexicon matches, and where those are
        fewer than `_PARTY_MENTIONS` also their adjectives before a title or a name ("Conservative
        leader", "Lib Dem spokesman", "Liberal Democrat MP"), which the lexicon leaves out because
        alone in a quote they name no party. The adjectives count only in a story that names the
        state or one of its parties itself, and no other state as often: other countries have
        their own Conservatives and Liberal Democrats ("Conservative MP Ann Rook toured Ottawa")."""
        n = self._party_mentions.get(state)
        if n is None:
            kinds, homes = self.lex.kinds, self.lex.homes
            n = sum(k for c, k in self._name_counts().items() if kinds.get(c) == "parties" and homes.get(c) == state)
            if n < _PARTY_MENTIONS and state in _PARTY_ADJECTIVES and self._at_home(state, n):
                n += len(_PARTY_ADJECTIVES[state].findall(self.text))
            self._party_mentions[state] = n
        return n

    def _at_home(self, state: str, parties: int) -> bool:
        """Whether the story is set in the state: it names the state or one of its parties, and no
        other state as often as the state itself."""
        counts, kinds = self._name_counts(), self.lex.kinds
        own = counts.get(state, 0)
        if not own and not parties:
            return False
        return not any(k >= own and c != state and kinds.get(c) == "states" for c, k in counts.items())

    def _parties_of_another(self, state: str) -> bool:
        """Whether the story writes a party the lexicon homes in the state as another state's."""
        text = self.text
        for s, _, c in self._load_spans():
            c = self._resolve.get(c, c)
            if self.lex.kinds.get(c) != "parties" or self.lex.homes.get(c) != state:
                continue
            m = _PARTY_OWNER_BEFORE.search(text, max(0, s - 40), s)
            if m and any(t != state and self.lex.kinds.get(t) == "states" for t in self._names_in_text(m.group(1))):
                return True
        return False

    def _name_counts(self) -> dict[str, int]:
        """How often the story names each party (lexicon matches, old names resolved)."""
        if self._counts is None:
            counts: dict[str, int] = {}
            for _, _, c in self._load_spans():
                c = self._resolve.get(c, c)
                counts[c] = counts.get(c, 0) + 1
            self._counts = counts
        return self._counts

    def _topical(self, c: str) -> bool:
        return self.lex.kinds.get(c) == "states" or c in self.lex.members

    def _headline_counterpart(self, own: set[str]) -> list[str]:
        """The other party of a headline that names the speaker's side and one other state
        ("ENVOY SAYS NORLAND FACES U.S. TARIFFS"): in a two-party story, remarks aimed at
        a body or a group ("Congress", "our trading partners") are also about that party."""
        named = [c for c in self._title_names() if self._topical(c)]
        others = [c for c in named if c not in own]
        return others if len(others) == 1 and len(others) < len(named) else []

    def _headline_subject(self) -> str | None:
        if self._headline is None:
            raw = self.article.title or ""
            # Wire headlines are upper case: acronyms ("US", "EC") match as written, names title-cased.
            spans = [sp for sp in self.lex.spans(raw) if sp[0] == 0] or self.lex.spans(raw.title())
            hit = ""
            if spans and spans[0][0] == 0:
                # "U.S. TREASURY OFFICIAL SAYS ...": a body opening the headline stands for its state.
                c = spans[0][2]
                c = c if self.lex.kinds.get(c) == "states" else self.lex.homes.get(c, "")
                hit = self._resolve.get(c, c)
            self._headline = hit
        return self._headline or None

    def _headline_parties(self) -> list[str]:
        """The headline's names that can stand for the party a quote naming none is about: none in
        a company story (a headline with a stock ticker, "NORCO <NRC> ..."), whose quotes are about
        the company, no city named as the venue of a meeting or a deal ("LISBON PACT"), and
        not the source the headline ends with ("... - NORLAND ANALYSTS")."""
        if self._headline_cache is None:
            title = self.article.title or ""
            found: list[str] = []
            if title and not _TICKER.search(title):
                self._load_spans()
                # Wire headlines are upper case; the lexicon is case-sensitive.
                # The source after a headline's last dash ("NO RATE CUT SEEN - NORLAND ANALYSTS")
                # says who speaks, not about whom.
                src = _HEADLINE_SOURCE.search(title)
                cut = src.start() if src and len(title[: src.start()].split()) >= 4 else len(title)
                for t in (title, title.title()):
                    found += [
                        self._resolve.get(c, c)
                        for s, e, c in self.lex.spans(t)
                        if s < cut and not (self.lex.is_city(t[s:e]) and _HEADLINE_VENUE.match(t, e))
                    ]
            self._headline_cache = list(dict.fromkeys(found))
        return self._headline_cache

    def _headline_bodies(self) -> list[str]:
        """Organisations the headline names by their names ("NORCO <NRC> ...", "CENTRAL BANK
        SEEN ..."), in order; not a group named by a common noun ("creditors"), a body that only
        describes a person or a part of it ("AGENCY OFFICIAL SAYS", "NORCO'S UNIT"), nor the body
        the headline opens with as the one who speaks ("NORCO REJECTS BID"): its quotes are its own."""
        if self._bodies_cache is not None:
            return self._bodies_cache
        self._load_spans()  # self._resolve comes with the spans
        title = self.article.title or ""
        out: list[str] = []
        for t in (title, title.title()):
            spans = self.lex.spans(t)
            if t is title and title.isupper():
                # An all-caps headline writes a name spelt in mixed case ("NORCORP") its own way.
                spans += [
                    (m.start(), m.end(), c)
                    for m in _CAPS_WORD.finditer(title)
                    if (c := self.lex.proper_canonical(m.group())) is not None
                ]
            for s, e, c in spans:
                if self.lex.kinds.get(c) not in ("organisations", "parties") or t[s].islower():
                    continue
                m = _NEXT_WORD.match(t, e)
                if t.startswith(("'S", "'s", "’S", "’s"), e) or (m and m.group(1).lower() in _HEAD_TITLES):
                    continue
                if s == 0 and _HEADLINE_SPEAKS.match(t, e):
                    # "NORCO <NRC> REJECTS BID": the body the headline opens with speaks in the story.
                    continue
                out.append(self._resolve.get(c, c))
        self._bodies_cache = list(dict.fromkeys(out))
        return self._bodies_cache

    def _headline_firm(self) -> str | None:
        """The company a company story's headline names before its stock ticker ("TALKING
        POINT/NORCO <NRC>", "NORCO MILLS <NRM> STOCK UP"), as the story writes its name: the
        company the story is about."""
        if self._ticker_firm is None:
            title = self.article.title or ""
            m = _TICKER.search(title)
            hit = ""
            if m:
                words = title[: m.start()].split()
                hit = self._firm_titled(words) or self._firm_written(words) or ""
            self._ticker_firm = hit
        return self._ticker_firm or None

    def _firm_written(self, words: list[str]) -> str | None:
        """The company a headline's last words before its ticker name where the firm index does
        not hold it: the longest run of them that the story writes capitalised before a legal
        form in any case ("Purolator Courier corp's stock"; "American Brands Inc", whose opening
        state keeps it out of the index, `_firm_index`), as the story writes it. Searched once
        per story, for its headline only."""
        words = " ".join(words).rsplit("/", 1)[-1].split()
        while words and {words[-1].rstrip("."), words[-1].rstrip(".").title()} & _LEGAL_FORMS:
            words = words[:-1]
        forms = "|".join(sorted(_LEGAL_FORMS))
        for k in range(max(0, len(words) - 4), len(words)):
            if not all(w.isalpha() or w == "&" for w in words[k:]) or words[k].upper() in ("AND", "&"):
                continue  # a run opens with a word of the name, not its joiner
            if k == len(words) - 1 and self._is_place(words[k].title()):
                continue  # "CONT'L ILLINOIS": a state alone is no company's name
            parts = (_JOINER if w.upper() in ("AND", "&") else f"{w[0]}(?i:{re.escape(w[1:])})" for w in words[k:])
            name = r"\s+".join(parts)
            for m in re.finditer(rf"\b({name})\s+(?i:{forms})\b", self.text):
                before = self.text[max(0, m.start() - 30) : m.start()].split()
                # "Continental Illinois Corp" is no "Illinois", nor "H and R Norco Inc" an "R Norco"
                if not (before and (before[-1][:1].isupper() or before[-1] in ("and", "&"))):
                    return " ".join(m.group(1).split())
        return None

    def _firm_titled(self, words: list[str]) -> str | None:
        """The company of the firm index that the last words before a headline's ticker name in
        capitals ("TALKING POINT/NORCO MILLS INC", "BIDDERS FOR NORCO"): the longest run of them
        that is a company's name or opens one, as the story writes it."""
        words = " ".join(words).rsplit("/", 1)[-1].split()  # "TALKING POINT/NORCO": a slug first
        while words and {words[-1].rstrip("."), words[-1].rstrip(".").title()} & _LEGAL_FORMS:
            words = words[:-1]
        firms = self._firm_index()
        for k in range(max(0, len(words) - 4), len(words)):
            head = _fold_initials(" ".join(words[k:]))
            for key, written in firms.items():
                folded = _fold_initials(written)
                if _fold_initials(key) == head or folded == head or folded.startswith(head + " "):
                    return written
        return None

    def _speaks_for(self, firm: str, mention: Span | None, speaker: str | None) -> bool:
        """Whether the speaker is the company, is introduced with it ("Norco said", "Norco
        chairman Tom Lund", "Tom Lund of Norco", "the company", "Tom Lund, its president",
        `_employs`), or speaks for a side of their own ("Commerce Secretary Tom Berg", "Kell
        president Ann Roy"): only an outsider with no side of their own (an analyst, a union
        leader) speaks about the headline's company when the quote names nobody."""
        first = _firm_word(firm)
        if mention is not None and (first.search(mention.text) or self._introduced_with_side(mention, speaker)):
            return True
        if speaker is None:
            return False
        if first.search(speaker) or speaker in firm:
            return True
        _, mentions = self._firm_mentions()
        return any(f == firm and self._employs(a, b, speaker) for a, b, f in mentions)

    def _points_at_other(
        self, firm: str, spans: list[tuple[int, int]], mention: Span | None, speaker: str | None
    ) -> bool:
        """Whether a quote calls the headline's company "the company" or "the stock" in the words
        of someone with a side elsewhere ("the company hasn't changed," said the head of Kell
        Securities' merchant bank, in a story on a bid for Norco): the company is not theirs, so
        the pointer is to the story's company."""
        text = self.text
        if mention is None or not any(_FIRM_POINTER.search(text, a, b) for a, b in spans):
            return False
        first = _firm_word(firm)
        before = _SENTENCE_BREAK.split(text[max(0, mention.start - 60) : mention.start])[-1]
        after = _SENTENCE_BREAK.split(text[mention.end : mention.end + 60])[0]
        if any(first.search(w) or _OWN_SIDE_WORD.search(w) for w in (before, mention.text, after)):
            return False  # "Tom Lund, Norvale chairman", "its chairman", "a company spokesman"
        if speaker is None or first.search(speaker) or speaker in firm:
            return False
        _, mentions = self._firm_mentions()
        return not any(f == firm and self._employs(a, b, speaker) for a, b, f in mentions)

    def _introduced_with_side(self, mention: Span, speaker: str | None) -> bool:
        """Whether the words that introduce a speaker give them a side: the company's ("a company
        spokesman", "its chairman", "The company's president, Tom Lund", "Tom Lund, its
        president"), or a body or office of their own (a capitalised title or name before the
        name, "Commerce Secretary Tom Berg", or after it, "Tom Lund, president of Kell Inc"),
        unless it is an outsider's trade ("Ann Roy, an analyst at Kell Securities"), which wins over
        the company named in the clause ("an analyst who covers the firm"). Around the name, the
        company makes the side only as the possessor of an office ("its president", "the company's
        chairman", "a spokesman for the company"), not anywhere in the clause."""
        text = self.text
        name = set(speaker.split()) if speaker else set()
        before = _SENTENCE_BREAK.split(text[max(0, mention.start - 60) : mention.start])[-1]
        after = _SENTENCE_BREAK.split(text[mention.end : mention.end + 60])[0]
        if _OUTSIDER_WORD.search(mention.text):
            return False  # "In a note to its clients, analyst Ann Roy", "the company's largest shareholder"
        if _THE_COMPANY.fullmatch(mention.text.strip()):
            return True  # "the company said in its report to shareholders": the words after are not its side
        if _OUTSIDER_WORD.search(after):
            return False
        if _OWN_SIDE_WORD.search(mention.text) or _OWN_OFFICE.search(before) or _OWN_OFFICE.search(after):
            return True
        words = [w.strip(",.;:") for w in mention.text.split()]
        cut = next((i for i, w in enumerate(words) if w in name), len(words))
        if any(w[:1].isupper() and w not in _DETERMINERS for w in words[:cut]):
            return True  # a title before the name: "Commerce Secretary Tom Berg", "Kell president Ann Roy"
        rest = " ".join(words[cut:]) + " " + after
        return bool(_CAPITALISED_WORD.search(rest)) and any(w.lower() in _OFFICE_WORDS for w in rest.split())

    def _title_names(self) -> list[str]:
        if self._title_cache is None:
            title = self.article.title or ""
            # Wire headlines are upper case; the lexicon is case-sensitive.
            found = self._names_in_text(title) + self._names_in_text(title.title()) if title else []
            self._title_cache = list(dict.fromkeys(found))
        return self._title_cache

    def _context_targets(
        self, group: list[RawQuote], own: set[str], speaker: str | None, owner: bool = False
    ) -> list[str]:
        """Targets named outside the marks in the quote's sentence, else in the sentence before it;
        a city named there as a place ("dealers in Oslo") is no party a pronoun points back to.
        A quote opening with an owner's pronoun (`owner`: "Its market ...", "Their threats ...")
        also reaches the sentence before when its own names only the speaker's side ("... a
        Norlandic official said"): the owner is no one the attribution names."""
        cands, ss = self._sentence_names(group)
        if not cands:
            cands = self._names_before(ss)
        out = [c for c in dict.fromkeys(cands) if c not in own and not self._is_group(c)]
        if not out and owner and cands:
            out = [c for c in dict.fromkeys(self._names_before(ss)) if c not in own and not self._is_group(c)]
        return out

    def _sentence_names(self, group: list[RawQuote]) -> tuple[list[str], int]:
        """Names outside the marks in the quote's sentence, with where that sentence starts."""
        first, last = group[0], group[-1]
        ss, _ = self._sentence(first.open_pos)
        _, se = self._sentence(max(last.close_end - 1, 0))
        named = self._names_in(ss, first.open_pos, parties="fallback")
        return named + self._names_in(last.close_end, se, parties="fallback"), ss

    def _names_before(self, ss: int) -> list[str]:
        """Names in the sentence before the one starting at ss, if it is in the same or the previous paragraph."""
        if ss <= 0:
            return []
        ps, _ = self._sentence(ss - 1)
        if self.layout.para_of(ps) < self.layout.para_of(ss) - 1:
            return []
        return self._names_in(ps, ss, parties="fallback")

    def _names_in(
        self,
        a: int,
        b: int,
        described: list[str] | None = None,
        parties: Literal["", "quote", "around", "fallback"] = "",
    ) -> list[str]:
        """Canonical names of the lexicon matches inside [a, b), in order, old names resolved to
        the state the story names beside them. Groups named by a common noun ("the major
        industrial countries", "our trading partners") go to `described` too when given. Where
        targets are sought (`parties` "quote" for a quote's own words, "around" for the text
        around it) mentions that name no party are left out (see `_incidental`)."""
        spans = self._load_spans()
        i = bisect.bisect_left(self._lex_starts, a)
        out: list[str] = []
        while i < len(spans) and spans[i][0] < b:
            s, e, c = spans[i]
            if e <= b and not (parties and self._incidental(i, parties)):
                out.append(self._resolve.get(c, c))
                if (
                    described is not None
                    and self.text[s].islower()
                    and self._is_group(c)
                    and _DEFINITE.search(self.text, max(a, s - 40), s)
                ):
                    described.append(c)
            i += 1
        return out

    def _incidental(self, i: int, parties: str) -> bool:
        """Whether lexicon match i names no party: a sum of money in a state's currency or the
        place the speaker spoke ("told reporters in Bahrain"), and in a quote's own words also a
        city as the venue of talks or the place of a deal ("the Lisbon accord") and a state's
        share of a group ("Danish consumers"). Around a quote the venue of talks is too often the
        party the quote is about to be left out; but where a quote naming nobody takes a party
        from its surroundings (`parties` "fallback"), a city named as a place and a body named as
        where a filing went are none. A state's name opening a company's name is no party around
        a quote ("American Norco Brands Inc said ...") nor in it ("American Norco Motors dealers")."""
        key = (i, parties)
        hit = self._incidental_memo.get(key)
        if hit is None:
            s, e, _ = self._lex_spans[i]
            text = self.text
            hit = bool(_CURRENCY_NEXT.match(text, e) and _AMOUNT_BEFORE.search(text, max(0, s - 12), s))
            hit = hit or _spoke_in(text, max(0, s - 20), s)
            hit = hit or self._in_company_name(i, parties == "quote") or bool(_ROUND_NEXT.match(text, e))
            hit = hit or bool(_FEATURE_OF.search(text, max(0, s - 12), s))
            if parties == "quote" and not hit:
                hit = self._venue(s, e) or self._national_group(i) or self._filed_with(i) or self._office_of(i)
                hit = hit or self._others_group(i)
            elif parties == "fallback" and not hit:
                hit = self._placed(s, e) or self._filed_with(i) or self._chamber_modifier(i)
            self._incidental_memo[key] = hit
        return hit

    def _chamber_modifier(self, i: int) -> bool:
        """Congress named around a quote only as where someone's fellows sit ("three of her
        Senate colleagues"): a setting, not the party a pronoun in the quote points back to
        (modern news half A: Congress around a quote gave 0 true and 7 false targets). A chamber
        before a capitalised word stays Congress ("the Senate Farm Committee": the Reuters
        pool counts it), and so does "in the Senate" (as a place it cost the pool true targets)."""
        _, e, c = self._lex_spans[i]
        return c == _CONGRESS and bool(_FELLOWS_NEXT.match(self.text, e))

    def _others_group(self, i: int) -> bool:
        """A group the lexicon names relative to one state ("U.S. trading partners") matched by
        its bare noun after another owner's possessive ("its trading partners", "the country's
        main trading partners", "Japan's trading partners"): that owner's group, not the
        lexicon's. "Our trading partners" and the state's own possessive keep it."""
        s, e, c = self._lex_spans[i]
        first = c.split()[0]
        home = self.lex.canonical(first)
        if not self._is_group(c) or self.lex.kinds.get(home or "") != "states" or not self.text[s:e].islower():
            return False  # only a state's group by its bare noun: "EU", "G7", "debtor nations" name the bloc
        m = _OWNER_BEFORE.search(self.text, max(0, s - 40), s)
        if m is None:
            return False
        owner = m.group(1).removeprefix("the ").removeprefix("The ")
        if owner.lower()[:-2] in _NOT_OWNERS:
            return False  # "It's in the Group of Seven's interest": a contraction, no owner
        pronoun = owner.lower() in ("its", "their") or owner[:1].islower()
        if owner.lower() == "our" or pronoun and self._state_before(i) == home:
            return False  # "its", "the nation's" after the United States or from a U.S. senator
        return self.lex.canonical(owner.removesuffix("'s").removesuffix("’s")) != home

    def _state_before(self, i: int) -> str | None:
        """The state named last within 200 characters before lexicon match i, which "its", "their"
        or "the nation's" there most likely stand for ("The United States must press its trading
        partners", "Dana Holt, a U.S. senator: 'The nation's trading partners ...'")."""
        s = self._lex_spans[i][0]
        for j in range(i - 1, -1, -1):
            t, _, c = self._lex_spans[j]
            if t < s - 200:
                break
            if self.lex.kinds.get(c) == "states":
                return self.lex.canonical(c)
        return None

    def _office_of(self, i: int) -> bool:
        """A state named as what an office or a status belongs to ("the president of Norland",
        "a citizen of Norland"): the words are about the office-holder, not the state."""
        s, _, c = self._lex_spans[i]
        return self.lex.kinds.get(c) == "states" and bool(_OFFICE_OF.search(self.text, max(0, s - 40), s))

    def _placed(self, s: int, e: int) -> bool:
        """A city named as a place ("talks in Lisbon", "the Lisbon accord", "Oslo traders"), not
        as the government it stands for ("Lisbon said", "pressure on Oslo")."""
        text = self.text
        if not self.lex.is_city(text[s:e]):
            return False
        if _PLACE_BEFORE.search(text, max(0, s - 12), s):
            return not _GOVERNMENT_IN.search(text, max(0, s - 30), s)
        return bool(_VENUE_NEXT.match(text, e) or _PLACE_NEXT.match(text, e))

    def _in_company_name(self, i: int, quoted: bool = False) -> bool:
        """A state's name opening the name of a company or an association ("American Norco Brands
        Inc", "Irish Norco Airlines", "the American Growers Society"): the state is no party there.
        In a quote's own words only a state's name counts ("the Group of Five and Group of Seven
        meetings" names two forums)."""
        s, e, c = self._lex_spans[i]
        kinds = ("states",) if quoted else ("states", "blocs")
        if self.lex.kinds.get(c) not in kinds:
            return False
        if quoted and self._cap_word_before(s, e):
            return True
        return bool(_IN_NAME.match(self.text, e)) or self._in_firm_name(s, e)

    def _cap_word_before(self, s: int, e: int) -> bool:
        """A capitalised word inside a sentence right before a state's name, where the name goes on
        ("as Royal Dutch/Shell had to", "Deutsche Japan Fund"), makes them one name. Not a sentence's
        opener ("Senior Japanese officials"), nor a name of its own that a verb's object or a short
        opening phrase puts before the state ("told Nakasone Japan must", "Without Brussels Britain")."""
        text = self.text
        if not _STATE_NAME_GOES_ON.match(text, e):
            return False
        m = _CAP_BEFORE.search(text, max(0, s - 30), s)
        if not m or m.group(1) in _FIRM_OPENERS:
            return False
        left = text[max(0, m.start() - 200) : m.start()].rstrip()
        if not left or left[-1] in _BREAK_CHARS or left.endswith("--"):
            return False
        word = m.group(1)
        return self.lex.canonical(word) is None and word not in self._person_index()

    def _in_firm_name(self, s: int, e: int) -> bool:
        """A state's name inside the name of a company the story gives with its legal form, also
        where the quote leaves the form or the last words out ("Norland Pacific" or "Norland
        Pacific's" after "Norland Pacific Ltd", "Kell Norland" after "Kell Norland Oil Co")."""
        text = self.text
        ticker = self._ticker_name()
        if ticker and len(ticker) > e - s:
            # "U.S. West stock" in the story of "U.S. WEST <USW> ...": the company, not the state.
            # The headline is in capitals, the story not: each word after the state must be
            # capitalised too ("U.S. home builders" under "U.S. HOME <UH>" is the state).
            run = " ".join(text[s : s + len(ticker) + 2].split())
            if run.upper().startswith(ticker) and not run[len(ticker) : len(ticker) + 1].isalnum():
                state = len(" ".join(text[s:e].split()))
                if all(w[:1].isupper() for w in run[state : len(ticker)].split()):
                    return True
        prefixes = self._firm_name_prefixes()
        if not prefixes:
            return False
        left: list[str] = []
        if text[s - 1 : s] == " ":
            for w in reversed(text[max(0, s - 60) : s].split()[-3:]):
                word = w.lstrip("\"“‘'([<")
                if not word[:1].isupper() or word[-1] in ".,;:)]>":
                    break
                left.insert(0, word)
                if word != w:
                    break
        right = []
        m = _NEXT_CAP_WORD.match(text, e)
        while m and len(right) < 3:
            right.append(m.group(1))
            m = _NEXT_CAP_WORD.match(text, m.end())
        alias = text[s:e].split()
        for i in range(len(left) + 1):
            for j in range(len(right) + 1):
                if i + j and " ".join([*left[len(left) - i :], *alias, *right[:j]]).removesuffix("'s") in prefixes:
                    return True
        return False

    def _ticker_name(self) -> str:
        """The words a company story's headline gives before its ticker, in capitals, without a
        slug or legal form ("U.S. WEST" of "U.S. WEST <USW> TO BUY BACK STOCK", of "BRIEF-U.S. West
        Inc <USW> ..."): the story often writes the name bare. Empty where there is no ticker."""
        if self._ticker_words is None:
            title = self.article.title or ""
            m = _TICKER.search(title)
            words = _TICKER_SLUG.sub("", title[: m.start()].rsplit("/", 1)[-1].lstrip()).split() if m else []
            while len(words) > 1 and words[-1].rstrip(".").title() in _LEGAL_FORMS_TITLED:
                words.pop()
            self._ticker_words = " ".join(words).upper()
        return self._ticker_words

    def _firm_name_prefixes(self) -> frozenset[str]:
        """Every name the story writes with a legal form ("Norland Pacific Air Ltd"), less the form,
        and its openings of two words or more ("Norland Pacific", "Norland Pacific Air")."""
        if self._firm_prefixes is None:
            out: set[str] = set()
            for _, words in self._firm_names():
                words = [w.removesuffix("'s").removesuffix("’s") for w in words[:-1]]
                out.update(" ".join(words[:k]) for k in range(2, len(words) + 1))
            self._firm_prefixes = frozenset(out)
        return self._firm_prefixes

    def _filed_with(self, i: int) -> bool:
        """A body named as where a filing went ("in a filing with the Agency", "told the Agency",
        "its Agency filing"): the filer, not the agency, is whom the filing's words are about and
        whom an "it" or "they" in them stands for."""
        s, e, c = self._lex_spans[i]
        if self.lex.kinds.get(c) != "organisations":
            return False
        text = self.text
        return bool(_FILING_NEXT.match(text, e) or _FILED_WITH.search(text, max(0, s - 40), s))

    def _venue(self, s: int, e: int) -> bool:
        """A city named as where talks were held or a deal was made, not as the government."""
        text = self.text
        return self.lex.is_city(text[s:e]) and bool(
            _VENUE_NEXT.match(text, e) or _VENUE_BEFORE.search(text, max(0, s - 30), s)
        )

    def _national_group(self, i: int) -> bool:
        """A group name right after a state's name ("Danish consumers", "U.S. producers") means
        that state's own producers or consumers, not the group of states the lexicon means."""
        s, _, c = self._lex_spans[i]
        if i == 0 or not self._is_group(c) or not self.text[s].islower():
            return False
        _, pe, pc = self._lex_spans[i - 1]
        return self.lex.is_state_like(pc) and not self._is_group(pc) and not self.text[pe:s].strip()

    def _is_group(self, c: str) -> bool:
        """A bloc with no member list: a category ("debtor countries", "trading partners") or a
        forum ("G-7"). Named around a quote it is most often the setting, not whom the words are
        about, so only the quote's own words make it a target."""
        return self.lex.kinds.get(c) == "blocs" and c not in self.lex.members

    def _context_states(self, group: list[RawQuote], own: set[str]) -> list[str]:
        """States a common-noun group in a quote stands for: those named in the quote's sentence
        outside the marks, else in the sentence before ("growth in Japan and Europe is weak ...
        "the major industrial countries must grow""). A definite description points back."""
        def named_state(c: str) -> bool:
            return self.lex.is_state_like(c) and not self._is_group(c) and c not in own

        cands, ss = self._sentence_names(group)
        if not any(named_state(c) for c in cands):
            cands = self._names_before(ss)
        return [c for c in dict.fromkeys(cands) if named_state(c)]

    def _nominal_names_in(self, a: int, b: int) -> list[str]:
        """Names standing as nouns ("Japan will gain", "talks with Japan"), not as modifiers of a
        noun ("U.S. firms", "American industry"), which are about the firms and the industry."""
        spans = self._load_spans()
        text = self.text
        i = bisect.bisect_left(self._lex_starts, a)
        out: list[str] = []
        while i < len(spans) and spans[i][0] < b:
            s, e, c = spans[i]
            i += 1
            if e > b:
                continue
            m = _NEXT_WORD.match(text, e)
            if m and m.group(1)[:1].islower() and not self._nominal_next(m.group(1).lower(), c):
                continue
            out.append(self._resolve.get(c, c))
        return out

    def _nominal_next(self, word: str, c: str) -> bool:
        """Whether the lower-case word after name `c` shows the name stands as a noun; the nouns
        for members do so only after a bloc."""
        return word in _NOMINAL_NEXT or (word in _MEMBER_NOUNS and self.lex.kinds.get(c) == "blocs")

    def _load_spans(self) -> list[tuple[int, int, str]]:
        if self._lex_spans is None:
            text = self.text
            found = self.lex.spans(text, alias_lower_words(text, self.lex.lower_firsts))
            self._story_names = frozenset(c for _, _, c in found)
            top = _AGENCY_DATELINE.match(text)
            lo = top.end() if top is not None else 0  # "Berlin (dpa) - ": where, not whom
            homes = self.lex.homes
            spelled = self.lex.spelled_bodies
            kinds = self.lex.kinds
            # Each test below holds for one kind of name only: a span is asked only the test of
            # its kind (a call per span and test was most of the cost of this pass).
            kind_test = {
                "states": self._surname,
                "organisations": self._longer_name,
                "parties": self._word_in_name,
                "people": self._namesake,
                "blocs": self._other_trade,
            }
            spans = []
            for sp in found:
                s, e, c = sp
                if s < lo:
                    continue
                test = kind_test.get(kinds.get(c, ""))
                if (
                    (test is not None and test(s, e, c))
                    or (text[e - 2 : e] == "an" and _NAME_WORD_NEXT.match(text, e) and kinds.get(c) == "blocs")
                    or (c in spelled and self._unspelled(s, e, c))
                    or (c in homes and self._foreign_namesake(s, e, c))
                ):
                    continue
                spans.append(sp)
            self._lex_spans = spans
            self._lex_starts = [s for s, _, _ in spans]
            self._resolve = self.lex.resolver(c for _, _, c in spans)
        return self._lex_spans

    def _lead_in_names_someone(self, open_pos: int, mention: Span | None, pronoun: str) -> bool:
        """Whether the reporter's words between the speaker and a mixed quote name someone the
        quote's "he" or "she" may mean by a common noun for a person of that sex or either ("Tom
        Berg said his daughter was", "said of his sister that", "said the new chairwoman had")."""
        if mention is None or not open_pos - 200 <= mention.end <= open_pos:
            return False
        lead = _SENTENCE_BREAK.split(self.text[mention.end : open_pos])[-1]
        return any(_person_noun(w, pronoun) for m in _NOUN_PHRASE.finditer(lead) for w in m.group(1).split())

    def _foreign_namesake(self, s: int, e: int, c: str) -> bool:
        """A body the lexicon places in one state, written as another state's ("Canada's House of
        Commons", "the Commons in Ottawa", "the House of Representatives in Canberra"): that
        state's own assembly of the same name, not the lexicon's. Only assemblies have namesakes
        abroad: a person or company next to another state is on a visit or runs a branch there
        ("Reagan in Moscow", "West German Chancellor Helmut Kohl", "IBM in Japan")."""
        home = self.lex.homes.get(c)
        if home is None or not _ASSEMBLY_WORD.search(c):
            return False
        text = self.text
        around = (_STATE_BEFORE.search(text, max(0, s - 30), s), _IN_PLACE_AFTER.match(text, e))
        words = [m.group(1) for m in around if m]
        return any(t != home and self.lex.is_state_like(t) for w in words for t in self.lex.find(w))

    def _unspelled(self, s: int, e: int, c: str) -> bool:
        """An acronym many bodies share ("CSA") in a story that never writes the lexicon's body
        in full, in any case: another body's, or one the reader cannot tell ("the Canadian Space
        Agency (CSA)")."""
        if self.text[s:e] not in self.lex.spelled_out:
            return False
        hit = self._written_out.get(c)
        if hit is None:  # in any case: "the child support agency (CSA)"
            key = b" " + c.encode("ascii", "replace").lower() + b" "
            hit = self._written_out[c] = key in letter_shape(self.text, lower=True)
        return not hit

    def _other_trade(self, s: int, e: int, c: str) -> bool:
        """A group the lexicon names for its trade ("coffee producers") met as a bare common noun
        ("producers", "consumers"): that group only in a story that names the trade ("coffee");
        elsewhere the producers or consumers of something else ("gas producers", "dairy producers";
        Reuters pool half A: 4 true and 1 false target in stories naming the trade, 20 false in
        the others)."""
        if not self._is_group(c):
            return False
        alias = self.text[s:e]
        if " " in alias or not alias[1:].islower():
            return False
        trade = c.split()[0]
        return trade.islower() and not alias.lower().startswith(trade) and not self._trade_named(trade)

    def _trade_named(self, trade: str) -> bool:
        """Whether the story writes the trade word in any case ("coffee", a headline's "Coffee",
        "COFFEE"), in its text or title, or names a body called after it ("the ICO" for the
        International Coffee Organisation); memoised."""
        hit = self._trades.get(trade)
        if hit is None:
            key = f" {trade} ".encode("ascii", "replace")
            hit = (
                key in letter_shape(self.text, lower=True)
                or key in letter_shape(self.article.title or "", lower=True)
                or any(c[:1].isupper() and trade in c.lower().split() for c in self._story_names)
            )
            self._trades[trade] = hit
        return hit

    def _word_in_name(self, s: int, e: int, c: str) -> bool:
        """A party's one-word alias ("Democrats", "Labour") inside a longer name: another party's
        ("the Social Democrats", "the Christian Democrats") or a body's or a day's ("the
        International Labour Organisation", "the Labour Ministry", "Labour Day"); "House
        Republicans" and "Labour MPs" are the party's."""
        text = self.text
        if " " in text[s:e] or self.lex.kinds.get(c) != "parties":
            return False
        after = _NEXT_WORD.match(text, e)
        if after and after.group(1) in _BODY_AFTER_PARTY_WORD:
            return True
        before = _prev_word(text, max(0, s - 30), s)
        if (
            after
            and not (before and before.group(1) in _PARTY_DETERMINERS)  # "The Tory Budget", "A Tory Right"
            and self._family_name_after(after.group(1))
            and not _NEXT_CAPITAL.match(text, after.end())
        ):
            return True
        return bool(before and before.group(1) in _NAME_BEFORE_PARTY_WORD)

    def _family_name_after(self, word: str) -> bool:
        """Whether a word after a party's one-word alias makes it a given name ("Tory Burch bags"):
        a capitalised singular word that is no title, body, party, given name or lexicon name, and
        no capital after it ("Tory MP", "Tory Leader", "Tory Party", "Tory Eurosceptics", "Tory
        Treasurer Jim Kell" stay the party's)."""
        return (
            len(word) > 2
            and word[0].isupper()
            and word[1:].islower()
            and not word.endswith(("s", "ism", "phobia"))
            and word not in _PARTY_THING_WORDS
            and word.lower() not in ROLE_WORDS
            and word.lower() not in ORG_WORDS
            and word not in _MALE_GIVEN
            and word not in _FEMALE_GIVEN
            and self.lex.canonical(word) is None
        )

    def _longer_name(self, s: int, e: int, c: str) -> bool:
        """A body's common-word alias ("the House", "the Senate") where the name goes on with "of"
        and a capital ("the House of Lords", "the Senate of Norland"): another state's body."""
        return (
            self.text.startswith(("the ", "The "), s)
            and self.lex.kinds.get(c) == "organisations"
            and bool(_NAME_GOES_ON.match(self.text, e))
        )

    def _namesake(self, s: int, e: int, c: str) -> bool:
        """A lexicon person's family name after another given name, which makes it someone else's
        ("George Berg" where the lexicon's Berg is Tom Berg); that person is then a target by the
        name the story gives them (`_persons_in`). A given name with the same initial may be a
        short form of the person's own ("Jim" for James) and is left to the lexicon."""
        text = self.text
        if self.lex.kinds.get(c) != "people" or " " in text[s:e]:
            return False
        before = _prev_word(text, max(0, s - 30), s)
        if not before:
            return False
        given = before.group(1)
        return (given in _MALE_GIVEN or given in _FEMALE_GIVEN) and given[0] != c[0]

    def _surname(self, s: int, e: int, c: str) -> bool:
        """A one-word name of a state or city that is a person's family name ("Mr Holland", "the
        columnist Ann French", "Jo Berlin said"): after an honorific, or after a capitalised given
        name in mid-sentence (not a title, not a name of the lexicon)."""
        text = self.text
        if s < 3 or text[s - 1] != " " or " " in text[s:e] or self.lex.kinds.get(c) != "states":
            return False
        j = s - 1
        k = j - 1 if text[j - 1] == "." else j
        i = k
        while i > 0 and text[i - 1].isalpha():
            i -= 1
        w = text[i:k]
        if w in _HONORIFICS:
            return True
        if k != j or len(w) < 3 or not (w[0].isupper() and w[1:].islower()):
            return False
        if w.lower() in ROLE_WORDS or w.lower() in _NOT_GIVEN or self.lex.canonical(w) is not None:
            return False
        p = i - 1
        while p >= 0 and text[p] == " ":
            p -= 1
        # A capitalised word opening a sentence or a quote ("In Norland", "But Norland") is no name.
        return p >= 0 and text[p] not in _OPENERS

    def _side(self, mention: Span | None, speaker: str | None) -> set[str]:
        """Everyone the speaker speaks for: the speaker, the affiliation, its home state and blocs."""
        key = (mention.start, mention.end) if mention is not None else None, speaker
        hit = self._side_cache.get(key)
        if hit is not None:
            return hit
        self._load_spans()
        names = self._affiliation(mention, speaker)
        if speaker:
            names.add(speaker)
            # A group speaker names its side: "a West German official", "Japanese bankers".
            names.update(t for t in self._names_in_text(speaker) if self.lex.kinds.get(t) != "people")
        side = self.lex.side(names)
        side |= {self._resolve.get(c, c) for c in side}
        if not any(self.lex.kinds.get(c) == "states" for c in side):
            # A title only one state's officials hold ("Senator", "Treasury Secretary").
            roles = self._roles(mention, speaker)
            side |= self.lex.side(roles)
            side |= {self._resolve.get(c, c) for c in roles}
        if not any(self.lex.kinds.get(c) == "states" for c in side):
            # A speaker of no stated nationality in a story whose headline opens with a state
            # ("JAPAN REJECTS ...", "BRITISH MINISTER SAYS ...") most often speaks for it.
            hs = self._headline_subject()
            if hs:
                side |= self.lex.side([hs])
        self._side_cache[key] = side
        return side

    def _affiliation(self, mention: Span | None, speaker: str | None) -> set[str]:
        """States and organisations the speaker belongs to: named in the mention ("Japanese Trade
        Minister X", "a MITI official") or in the title and apposition where the speaker is
        introduced ("U.S. Trade Representative Clayton Yeutter", "X of the Foreign Ministry")."""
        own: set[str] = set()
        if mention is not None:
            own.update(t for t in self._mention_names(mention, speaker) if self.lex.kinds.get(t) != "people")
        if speaker:
            own |= self._introduced(speaker)[0]
        return own

    def _introduced(self, speaker: str) -> tuple[set[str], list[str]]:
        """`_introduced_affiliation`, read once per speaker."""
        hit = self._affil_cache.get(speaker)
        if hit is None:
            hit = self._affil_cache[speaker] = self._introduced_affiliation(speaker)
        return hit

    def _mention_names(self, mention: Span, speaker: str | None) -> list[str]:
        """Names in the title before the speaker's name and in an apposition after it; a mention
        that runs on past the name ("X defended the sanctions against Japan and") names the
        speaker's counterpart there, not the speaker's side."""
        a, b = mention.start, mention.end
        last = speaker.split()[-1] if speaker else ""
        hit = _occurrences(self.text[a:b], last, 1) if last else []
        if not hit:
            return self._names_in(a, b)
        end = a + hit[0][1]
        am = _APPOSITION.match(self.text, end, b)
        return self._names_in(a, am.end() if am else end)

    def _roles(self, mention: Span | None, speaker: str | None) -> list[str]:
        """States implied by the speaker's titles, in the mention and where the speaker is introduced."""
        out: list[str] = []
        if mention is not None:
            out += self.lex.role_states(mention.text)
        if speaker:
            out += self._introduced(speaker)[1]
        return out

    def _starts_of(self, name: str) -> list[int] | None:
        """Where the name's first word may start, from where each of its words stands (`_word_at`,
        found once per word): scanning the text for each speaker's first word made an article of
        many speakers quadratic. None for a story of ordinary length, which one scan per speaker
        reads fastest."""
        if len(self.text) < _LONG_TEXT:
            return None
        keys = [m.group() if m else "" for m in map(_NAME_TOKEN.match, name.split())]
        if not keys:
            return []
        found = [self._word_at(k) for k in keys]
        k = min(range(len(keys)), key=lambda j: len(found[j]))
        if k == 0:
            return found[0]
        # Through its rarest word ("Councillor Ana Xu": Xu), the first word a few words before it.
        reach = sum(len(w) for w in keys[:k]) + 8 * k
        starts = (self.text.rfind(keys[0], max(0, p - reach), p) for p in found[k])
        return sorted({i for i in starts if i >= 0})

    def _word_at(self, word: str) -> list[int]:
        """Where `word` stands as a whole word (a maximal run of `_NAME_TOKEN`'s characters), in
        text order; found by str.find once per word asked about, which reads a long story faster
        than indexing every one of its words."""
        if self._word_starts is None:
            self._word_starts = {}
        hit = self._word_starts.get(word)
        if hit is None:
            text = self.text
            hit = []
            i = text.find(word) if word else -1
            while i >= 0:
                j = i + len(word)
                if not (i and _NAME_CHAR.match(text, i - 1)) and not _NAME_CHAR.match(text, j):
                    hit.append(i)
                i = text.find(word, i + 1)
            self._word_starts[word] = hit
        return hit

    def _introduced_affiliation(self, speaker: str) -> tuple[set[str], list[str]]:
        """Affiliations in the title before the speaker's name ("Argentina's Economy Minister",
        "Hong Kong representative") and in the apposition after it (", U.S. ambassador to the
        GATT,"), wherever the name stands in full in the first few places; with the states its
        titles imply (lexicon `roles`)."""
        text = self.text
        found: set[str] = set()
        roles: list[str] = []
        for i, end in _occurrences(text, speaker, 3, self._starts_of(speaker)):
            ss, se = self._sentence(i)
            lo = max(ss, i - 100)
            k = i
            # _TOKEN's matches from the name back, split out at once (no match object for each
            # word of the window, where the walk most often stops at the first): only separators
            # stand between a word and k, so its last place before k is where it stands.
            for w in reversed(_token_gaps(text[lo:i]).split()):
                t = text.rfind(w, lo, k)
                if "," in text[t + len(w) : k] or not (
                    w[:1].isupper() or w in _TITLE_GLUE or w.lower().rstrip(".") in ROLE_WORDS
                ):
                    break
                k = t
            described = self._described_before(k, end, lo)
            titled = self._names_in(described, i)
            found.update(titled)
            roles.extend(self.lex.role_states(text[described:i]))
            am = _APPOSITION.match(text, end, se) if described == k else None
            if am:
                found.update(self._names_in(end, am.end()))
                roles.extend(self.lex.role_states(text[end : am.end()]))
            elif not titled and _SPOKESMAN.search(text, k, i):
                # "The ministry repeated its offer, spokeswoman X said": a bare
                # spokesman speaks for the body the sentence opens with.
                subject = [t for t in self._names_in(ss, k) if self.lex.kinds.get(t) != "people"]
                found.update(subject[:1])
        return {t for t in found if self.lex.kinds.get(t) != "people"}, roles

    def _described_before(self, k: int, end: int, lo: int) -> int:
        """Where a description the name stands in apposition to starts ("Kuwait's oil minister,
        Sheikh X, thanked ...", "A U.S. Navy spokesman, Commander Y, said"): a short noun phrase
        ending in a role word right before the comma that opens the name, with a comma after the
        name. What follows that comma is the sentence going on, not a second apposition. k
        itself where there is none."""
        text = self.text
        c = k
        while c > lo and text[c - 1].isspace():
            c -= 1
        if c <= lo or text[c - 1] != "," or not text.startswith(",", end):
            return k
        toks = list(_TOKEN.finditer(text, lo, c - 1))
        start = c - 1
        for t in reversed(toks):
            if any(ch in text[t.end() : start] for ch in ',;:."“”'):
                break
            w = t.group()
            wl = w.lower().rstrip(".")
            if not (w[:1].isupper() or wl in _DESC_WORDS or wl.endswith(("'s", "’s"))):
                return k
            start = t.start()
        if start == c - 1 or toks[-1].group().lower().rstrip(".") not in ROLE_WORDS:
            return k
        return start

    def _names_in_text(self, s: str) -> list[str]:
        self._load_spans()
        return [self._resolve.get(c, c) for c in self.lex.find(s)]

    def _context(self, q: RawQuote) -> str:
        ps, pe = self.layout.para_span(self.layout.para_of(q.open_pos))
        pe = max(pe, self.layout.para_span(self.layout.para_of(max(q.close_end - 1, 0)))[1])
        if pe - ps > _CONTEXT_MAX:
            a, _ = self._sentence(q.open_pos)
            a = self._sentence(max(a - 2, ps))[0] if a > ps else a
            _, b = self._sentence(max(q.close_end - 1, 0))
            b = self._sentence(min(b + 1, pe - 1))[1] if b < pe else b
            ps, pe = a, b
        # Quotes of one paragraph share its context.
        hit = self._context_cache.get((ps, pe))
        if hit is None:
            hit = self._context_cache[ps, pe] = _single_spaced(self.text[ps:pe])
        return hit


def _single_spaced(s: str) -> str:
    """`" ".join(s.split())`, without splitting a text that is single-spaced already (most
    paragraphs): every white space character but " " is unprintable, so a printable text with no
    two spaces in a row and none at its ends has no other to fold."""
    if s.isprintable() and "  " not in s and not s.startswith(" ") and not s.endswith(" "):
        return s
    return " ".join(s.split())


# "the House of Lords": a name that goes on past a lexicon alias is another name.
_NAME_GOES_ON = re.compile(r"\s+of\s+(?:the\s+)?[A-Z]")
# An office or a status whose state follows: "the president of", "a citizen of the".
_OFFICE_OF = re.compile(
    r"\b(?:[Pp]resident|[Ss]ecretary of [Ss]tate|[Pp]rime [Mm]inister|[Aa]mbassador|[Cc]itizens?)\s+of\s+(?:the\s+)?$"
)
_CONTRACTION = re.compile(r"['’](?:m|re|ve|ll|d|t|s)$")
# A run of capitalised words ("Anna Kovac", "Cem Özdemir", "O'Brien").
_CAP_WORD_REST = r"(?:['’][A-ZÀ-ÖØ-Þ])?[a-zß-öø-ÿ][\w'’\-]*"
_CAP_WORD = r"[A-ZÀ-ÖØ-Þ]" + _CAP_WORD_REST
# (The lookbehind after the first capital, not before it: see _TOKEN.)
_CAP_RUN_WORDS = re.compile(rf"[A-ZÀ-ÖØ-Þ](?<![\w'’\-].){_CAP_WORD_REST}(?:[ \t]+{_CAP_WORD})*")
# Words around a party's one-word alias that make it part of another name (`_word_in_name`).
_NEXT_CAPITAL = re.compile(r"[ \t\n]+[A-Z]")
_BODY_AFTER_PARTY_WORD = frozenset(
    "Ministry Minister Department Day Organisation Organization Office Court Code Law Relations Exchange Union".split()
)
# Words British copy capitalises after a party's name ("Tory Budget", "Tory Right"): the party's, no family name.
_PARTY_THING_WORDS = frozenset(
    "Budget Right Left Manifesto Conference Leadership Policy Campaign Revolt Rebellion Establishment Grandee "
    "Heartland Shires Brexit Scotland Westminster".split()
)
_PARTY_DETERMINERS = frozenset("The the A a An an This this That that Every every No no".split())
_NAME_BEFORE_PARTY_WORD = frozenset("Social Christian Free International National Independent Swiss".split())
_PREV_WORD = re.compile(r"([A-Za-z][\w'’\-]*)[ \t]+$")
_NEXT_CAP_WORD = re.compile(r"[ \t]+([A-Z][\w&'’\-]*)")


def _before_apposition(pre: str, k: int) -> int:
    """The clause mark a content with no verb of saying starts after, moved back to a "that"
    before an apposition or a relative clause set off by commas, when the words after the last
    comma open with the verb of the clause's subject: 'sniped that Kovac, a first-time mayor,
    was "learning on the job,"' reports 'that Kovac, a first-time mayor, was ...', not 'was ...'
    alone. Without a "that" the subject may be the speaker's own ('Berg, the chair, was
    supporting ... and called it "a disgrace"'), and the mark stays."""
    if k <= 0 or pre[k] != ",":
        return k
    m = _WORD_AT.match(pre, k + 1)
    if m is None or m.group(1).lower() not in _VERB_NEXT or m.group(0).lstrip()[:1] in ALL_MARKS:
        return k
    j = pre.rfind(",", 0, k)
    if j < 0:
        return k
    lo = max(pre.rfind(c, 0, j) for c in _CLAUSE_MARKS) + 1
    that = [t for t in _THAT.finditer(pre, lo, j)]
    return that[-1].start() - 1 if that else k


def _token_start(window: str, words: list[str], k: int) -> int:
    """Where words[k] starts in window, whose white-space-split words they are: found back from
    the window's end, one str.rfind per word after it, as each word is followed only by white
    space up to the next one's start (no regex pass over the window's first words)."""
    at = len(window)
    for w in reversed(words[k:]):
        at = window.rfind(w, 0, at)
    return at


def _prev_word(text: str, lo: int, hi: int) -> re.Match[str] | None:
    """`_PREV_WORD.search(text, lo, hi)`, the word right before hi, searched from the space before
    the window's last word: anchored at the end, the pattern can only match in that word, and
    searched from lo it is tried at every letter before it."""
    e = hi
    while e > lo and text[e - 1] in " \t\n":
        e -= 1
    return _PREV_WORD.search(text, max(lo, text.rfind(" ", lo, e) + 1), hi)


def _words_before(text: str, a: int, att: Attribution) -> bool:
    """Whether words stand between a closed quote at a and the attribution after it (its mention
    or cue): a new sentence has begun ('"... rise." Spending, Kovac said'), not the quote's own."""
    starts = [x[0] for x in (att.mention, att.cue) if x is not None]
    return bool(starts) and bool(text[a : min(starts)].replace(",", " ").strip())


_GOES_ON = frozenset({"added", "adds", "continued", "continues"})
# Words between a speaker and the cue that say the speaker was speaking before: "Berg further
# said:", "went on to say:" ("also" may mean "too": "Kovac also said" after Berg's words).
_GOES_ON_WORDS = frozenset({"further", "again", "went", "goes", "continued", "continues"})


def _report_verbs(text: str, a: int, b: int) -> list[CueMatch]:
    """Reporting verbs in text[a:b], less the names that end in one ("the United States")."""
    found = (CueMatch(m.start(), m.end(), m.group()) for m in _report_verb_matches(text, a, b))
    return [m for m in found if not name_noun_at(text, m.s, m.word)]


def _report_verb_matches(text: str, a: int, b: int) -> Iterable[re.Match[str]]:
    """`_REPORT_VERB.finditer(text, a, b)`, with the pattern tried only where `_REPORT_STARTS`
    says a form may start, left to right from the end of the last match, as `finditer` does.
    A window that ends inside a word is read with the pattern alone: there it takes the word's
    cut-off start as a word of its own ("Says|ayers"), the letter shape does not."""
    if b < len(text) and text[b].isascii() and text[b].isalpha():
        return _REPORT_VERB.finditer(text, a, b)
    out = []
    end = a
    for c in _REPORT_STARTS.finditer(letter_shape(text, lower=True), a, b + 2):
        s = c.start()  # the blank before the word in the shape: the word's offset in the text
        if s >= end and (m := _REPORT_VERB.match(text, s, b)) is not None:
            out.append(m)
            end = m.end()
    return out


def _goes_on(text: str, att: Attribution) -> bool:
    """Whether the attribution says its speaker goes on ("added", "further said", "went on to
    say"): then the quote before was theirs too ('"... away." Sir Jan added: "...')."""
    if att.cue is None:
        return False
    if text[att.cue[0] : att.cue[1]].lower() in _GOES_ON:
        return True
    between = text[att.mention[1] : att.cue[0]] if att.mention is not None and att.mention[1] <= att.cue[0] else ""
    return any(w.lower() in _GOES_ON_WORDS for w in between.rsplit(",", 1)[-1].split())


def _colon_leads(text: str, post: tuple[Attribution, int], next_open: int, sentence_end: int) -> bool:
    """Whether the attribution after a closed sentence introduces the quote opening at
    next_open with a colon ('"... dead." Berg told the U.N. assembly: "...'), as one who goes on
    does not; sentence_end is where the attribution's sentence ends."""
    gap = text[post[1] : next_open].rstrip().rstrip(ALL_MARKS).rstrip()
    return gap.endswith(":") and sentence_end >= next_open and not _goes_on(text, post[0])


def _next_open(text: str, b: int, limit: int) -> int | None:
    """Where the next quotation mark after an attribution ending at b stands, in its paragraph."""
    found = [i for i in (text.find(c, b, limit) for c in ALL_MARKS) if i >= 0]
    return min(found) if found else None


def _aside_lead(text: str, a: int, post: tuple[Attribution, int], next_open: int) -> str:
    """The words that open a new sentence after a quote closed at a, when its attribution is an
    aside leading into the next quote ('Budgets' of 'Budgets, Kovac said, "'); else ''."""
    att = post[0]
    starts = [x[0] for x in (att.mention, att.cue) if x is not None]
    if not starts or text[post[1] : next_open].replace(",", " ").strip():
        return ""
    return text[a : min(starts)].strip().strip(",").strip()


def _capitalised(text: str, a: int, b: int) -> bool:
    """Whether the text from a to b starts, past any marks, with a capital letter."""
    while a < b and not text[a].isalnum():
        a += 1
    return a < b and text[a].isupper()


def _narration(words: list[str], lead: str) -> bool:
    """Whether the words before an attribution aside ('X, he said, "...') are the narration's,
    not the speaker's: a connective or bare adverb ('But', 'Later', 'Recently'), how the words
    came ('Asked about ...', 'Speaking in ...'), a time ('Last week', 'Two days ago'), or a frame
    opened by a preposition that is short ('In contrast') or names a time or setting ('On
    Monday', 'In a statement on the war'). A noun phrase or a clause the quote continues is the
    speaker's ('For farmers in the north', 'If the bill passes')."""
    if not words:
        return False
    first = words[0].lower().strip(",")
    if len(words) == 1 and (first in _NARRATION_WORDS or (first.endswith("ly") and first.isalpha())):
        return True
    if (first.endswith(("ing", "ly")) and first.isalpha()) or (first.endswith("ed") and first not in _ED_NOUNS):
        return True  # "Standing outside the court", "Visibly angry", "Flanked by police"
    if first in _OTHER_PREPS or " ".join(w.lower() for w in words[:2]) in _NARRATION_PAIRS:
        return True  # "With the election weeks away", "Under pressure", "Once again", "Of course"
    if len(words) <= 6 and first not in _LEADING_CLAUSE and _TIME.search(lead):
        return True  # "Hours after the vote", "Early June"
    if _NARRATION_LEAD.match(lead) or first in _TIME_FIRST:
        return True
    if len(words) <= 5 and words[-1].lower() in ("ago", "later", "earlier") and _TIME.search(lead):
        return True  # 'Two days later', not 'Sooner or later'
    if first in _FRAME_PREPS and (len(words) <= 3 or _TIME.search(lead) or _SETTING.search(lead)):
        return True
    if first in ("in", "on", "at") and any(w[:1].isupper() for w in words[1:]):
        return True  # "In the northern city of Tromso", "On the campaign trail in Ohio": a place
    return len(words) <= 4 and bool(_TIME.search(lead)) and (first in _DEICTIC_TIME or words[-1].lower() == "ago")


# Offices a story gives a person as a title ("Prime Minister Ann Kovac") and a quote calls them by
# ("the prime minister"); "minister of finance" is the finance minister (`_office_key`).
_OFFICES_TITLED = [
    *"Prime Minister|Premier|Chancellor|President|Vice President|Speaker|Governor|Secretary of State".split("|"),
    *(
        f"{w} Minister"
        for w in "Finance Foreign Trade Defence Defense Interior Home Economy Economics Agriculture".split()
    ),
    *(f"{w} Secretary" for w in "Treasury Commerce Agriculture Defense Labor Energy Home Foreign".split()),
]
# A trie guarded after its first letter (no word character or hyphen before the title): the
# engine skips to the capitals a title opens with (see `trie_pattern`). No title is the start of
# another, so the trie's longest-first reading finds what the plain alternation found.
_TITLE_BEFORE_NAME = re.compile(
    "(" + trie_pattern(_OFFICES_TITLED, space=" ", guard=r"(?<![\w-].)") + r")\s+(?=[A-Z][a-z])"
)
# "The"/"the" opens these with its first letter and WORD_EDGE for the "\b" before it (see _TOKEN).
_THE = rf"[Tt]{WORD_EDGE}he"
_OFFICE_IN_QUOTE = re.compile(
    _THE + r"\s+(Premier\b|Speaker\b|(?i:prime minister|chancellor|president|vice president|governor|"
    r"(?:finance|foreign|trade|defence|defense|interior|home|economy|economics|agriculture) minister|"
    r"minister (?:of|for) (?:finance|foreign affairs|trade|defence|defense|the interior|the economy|agriculture)|"
    r"(?:treasury|commerce|agriculture|defense|labor|energy|home|foreign) secretary|secretary of state))\b"
)
# "AND" or "&" joining the words of a company's name in a headline, either way in the story.
_JOINER = r"(?:and|&)"
# Words one of which every `_OFFICE_IN_QUOTE` match holds (in lower case): a quote with none of them
# names no office, so the pattern's scan of each "the" is skipped (most quotes).
_OFFICE_TRIGGERS = OFFICES
_FOLDED_TO_ASCII = "\u0130\u0131\u017f"  # "İ", "ı", "ſ": what re's IGNORECASE alone reads as a letter of them


def _may_name_office(quote: str) -> bool:
    """Whether `_OFFICE_IN_QUOTE` may match in the quote: it holds an office word, in any case.
    `str.lower` folds the words' letters as the pattern's `(?i:...)` does, but for the three
    letters re alone folds to an "i" or "s" ("İ", dotless "ı", long "ſ"): a quote with one
    of them is always scanned. Asked for ASCII stories only: lowering other text costs more
    than the pattern's scan."""
    if not quote.isascii() and any(c in quote for c in _FOLDED_TO_ASCII):
        return True
    low = quote.lower()
    return any(w in low for w in _OFFICE_TRIGGERS)


# A possessive before a noun and at most two modifiers ("its main", "the country's", "Japan's").
_OWNER_BEFORE = re.compile(
    r"\b((?:[Ii]ts|[Tt]heir|[Oo]ur|[Hh]is|[Hh]er)|(?:the\s+)?[\w.]+['’]s)\s+(?:[a-z]+\s+){0,2}$"
)
_NOT_OWNERS = frozenset("it that there here what who he she".split())
_THE_WORD = re.compile(_THE + r"\s+([A-Za-z]+)\b")
# A capitalised word not after a word or a stop, and no "The", "This", "That", "A", "An" (see
# `_other_body`): letter-first, the guards looking back at that letter, so the engine skips to capitals.
_OTHER_BODY_WORD = r"([A-Z](?<![\w.].)(?!(?<=T)h(?:e|is|at)\b|(?<=A)n?\b)[\w.&'’-]*)"
_HEAD_GOES_ON = re.compile(r"\s+of\b|\s+[A-Z]|,?\s+who(?:m|se)?\b")  # "the executive who left" is a person
# Heads of bodies' names that stand for one known body when a story names it ("the system", "the
# Community", "the Executive" for the Scottish Executive); most heads are also common nouns used
# alone for other things ("the government", "the union", "the council", "the exchange rate", "the
# workers"), and those are left out.
_BODY_HEADS = frozenset("system ministry community agency executive".split())
# "The banks" in a quote, and the lexicon's group they are in a story about a debtor's creditors.
_THE_BANKS = re.compile(_THE + r"\s+banks\b(?!\s+of\s+(?:the\s+|a\s+)?[a-z])")  # not "the banks of the river"
# An office another holds: the opposition's, a deputy's, or one not held yet ("the shadow foreign
# secretary", "Prime Minister-elect Tom Berg").
_SHADOW_OFFICE = re.compile(
    r"\b(?:shadow|deputy|former|ex|junior|assistant|vice|under)[- ]\w+(?: \w+)?|(?:\w+ )?\w+[- ](?:elect|designate)\b"
)
# Words before a title that say the person holds the office no more ("former President Tom Lund").
_PAST_HOLDER = frozenset("former late then ex onetime".split())
# A person noun owned by a name in a quote ("Japan's prime minister", "Japan's new leader").
_OWNED_NOUN = re.compile(r"[A-Z][\w.]*['’]s\s+(?:[a-z]+\s+)?(?:minister|leader|president|premier|chancellor|"
                         r"governor|chief|head|king|queen|ruler|envoy|ambassador|official|spokesman|spokeswoman)\b")
_CREDITORS = "creditor banks"
_CONGRESS = "U.S. Congress"
# A capitalised word going on after a bloc's adjective: the adjective opens a longer name
# ("the European Charter of Fishing Rights", "the European Tribunal"), not the bloc.
_NAME_WORD_NEXT = re.compile(r"[ \t]+[A-Z][a-z]")
_OWNER_INSIDE = re.compile(r"\w['’]s?\s")
# Patterns below open with a letter class, not "\b", so that the engine skips to those letters.
_SECOND_PERSON = re.compile(r"[Yy](?<![\w'’][Yy])ou(?:rs?|rself)?\b")
_OTHER_CUE = re.compile(r"\b(?:said|says|added|adds|wrote|writes|declared|insisted|stated|told)\b")
# A relative clause opened right before a verb of address ("Verhoek, who once told ...").
_RELATIVE_ADDRESS = re.compile(r",\s+(?:who|which)\b[^,;:.!?\"“”]*$")
_ADDRESS_WORDS = r"told|tells|wrote to|writes to|said to|says to|assured|reminded"
_ADDRESS_KEY = re.compile(_ADDRESS_WORDS)
# A verb of address before whom it addresses, a title between ("told Mr Kovac", "wrote to Senator Kovac").
_ADDRESS_VERB = re.compile(
    rf"\b(?:{_ADDRESS_WORDS})\s+"
    r"(?:(?:Mr|Mrs|Ms|Dr|Sir|Lord|Lady|President|Senator|Sen\.|Governor|Gov\.)\.?\s+)?(?=[A-Z])"
)
# How near the speaker's name a body is named to be the speaker's own (see `_beside`).
_BESIDE = 80
_NAMED_BODY_HEADS = [w.capitalize() for w in BODY_HEADS]
# A body's full name: capitalised words (with "of", "for", "and" between) ending in a head word.
_BODY_HEAD = re.compile("|".join(_NAMED_BODY_HEADS))
# "and the" joins two bodies ("the Harbour Board and the Water Authority"), a bare "and" two
# words of one name ("the Dunmore Savings and Loan Association"); a head word before another
# capitalised word or "of" is no name's end ("the Dunmore Board Options Exchange", "the National
# Union of Glaziers"): no target rather than a cut name.
_NAMED_BODY = re.compile(
    r"\b((?:[A-Z][\w'’&.-]*\s+(?:(?:of|for|on)\s+(?:the\s+)?|and\s+(?!the\b))?){0,4}"
    r"[A-Z][\w'’&.-]*\s+(?:"
    + "|".join(_NAMED_BODY_HEADS)
    + r"))\b(?!\s+(?:[A-Z]|of\s))"
)
_NAMED_BODY_HEAD_SET = frozenset(_NAMED_BODY_HEADS)
# Common words that a bare "and" joins inside one body's name ("Savings and Loan", "Health and
# Safety"); before any other word (a person, a place, a company) "and" joins two parties.
_BODY_AND_WORDS = frozenset(
    """Savings Loan Health Safety Arts Science Sciences Education Trade Industry Commerce Water Harbour
    Harbor Port Ports Food Drug Drugs Fish Fisheries Wildlife Forestry Agriculture Energy Power Transport
    Transportation Roads Housing Development Research Culture Media Sport Sports Environment Planning
    Finance Labour Labor Employment Welfare Justice Mines Oil Gas Light Parks Recreation Tourism Heritage
    Standards Marine Aviation Rail Land Lands Works Building Buildings Family Families
    Children Youth Police Fire Rescue Pensions Social Economic Human Rights Civil Peace Security Defence
    Defense Foreign Affairs Resources Natural Gaming Racing Stock Bond Futures Insurance Banking""".split()
)
# First words that many bodies share ("National Ferries" and "the National Fire Safety Board"; a
# "Labour councillor" and "the Labour Standards Board"): no sign that a body is the speaker's own.
_GENERIC_BODY_WORDS = frozenset(
    """National American Federal New State United International General Central Royal British European
    World Public Labour Labor Conservative Democratic Republican Liberal Green Social Socialist""".split()
)
_CHAMBER_WORDS = frozenset("House Senate Assembly Parliament Congress Commons Lords".split())
# An initialism of capitals ("UAW", "NUT") near the speaker: the body may be theirs by initials.
_INITIALISM = re.compile(r"\b[A-Z]{2,6}\b")
# A body's own apposition before its verb ("Norco Realty Trust, the mall owner, said").
_BODY_APPOSITION = re.compile(r",[^,\n]{1,40},")
# Verbs of a company's own news besides the cue verbs ("reported a loss", "posted a profit").
_BODY_NEWS_VERBS = frozenset("reported reports announced announces posted posts".split())


def _lead_starts(text: str) -> list[int]:
    """Where a story's lead may begin: the text's start, after its dateline, and after a
    headline line (with or without a dateline after it)."""
    starts = [len(text) - len(text.lstrip())]
    lead = _AGENCY_DATELINE.match(text) or _WIRE_DATELINE.match(text)
    if lead is not None:
        starts.append(lead.end())
    nl = text.find("\n", starts[0])
    if 0 < nl < 160 and text[:nl].rstrip()[-1:] not in ".!?\"”:":
        starts.append(len(text) - len(text[nl:].lstrip()))
        lead = _WIRE_DATELINE.match(text, nl)
        if lead is not None:
            starts.append(lead.end())
    return starts


def _body_speaks(text: str, st: int, a: int, name: str) -> bool:
    """Whether the lead at `st` (before the quote at `a`) opens with the body as the subject of a
    verb of saying or of its own news ("Norco Realty Trust, the mall owner, reported a loss"):
    a speaker quoted after it is most often its official."""
    m = re.compile(r"(?:The\s+)?" + re.escape(name) + r"\b").match(text, st, a)
    if m is None:
        return False
    e = m.end()
    app = _BODY_APPOSITION.match(text, e, a)
    if app is not None:
        e = app.end()
    words = re.findall(r"[A-Za-z]+", text[e : min(a, e + 60)])[:4]
    return any(w in _BODY_NEWS_VERBS or cue_strength(w) >= 2 for w in words)


# A wire story's dateline before its lead ("NEW YORK - ", "LONDON, March 3 - ").
_WIRE_DATELINE = re.compile(r"\s*[A-Z][A-Z .]+(?:,[^-\n]{0,30})?\s+-\s+")
# A head word as a modifier before a noun of people ("Local Union leaders", "Board members").
_HEAD_AS_MODIFIER = re.compile(r"\s+(?:members|leaders|officials|chiefs|staff|bosses|chairman|meeting)\b")
# How far into its sentence a name may start and still be the subject of the reporter's verb.
_SUBJECT_REACH = 30
# An object pronoun opening a mixed quote's content, after a preposition or none ("for him to", "him for");
# "her" only where no noun follows it ("her plan" is a possessive, most often the speaker's own).
_OBJECT_OPENING = re.compile(
    r"(?:(?:for|on|to|of|at|with|against)\s+)?\b(him\b|her(?=\s+(?:to|for|of|as|a|an|the|that|and)\b|\s*[“\"‘',.]))"
)
_OBJECT_FIRST = frozenset("fotawh")  # the first letters _OBJECT_OPENING can match
# Two named before, spoken of together: "the pair", "either one", "the two of them"; group 1 for parties.
# Literal keys, which the engine skips to by their first letters: "pair", "two ", "both ", "either ".
_PAIR_KEY = re.compile(r"pair|duo|two |oth |ither ")
_PAIR = re.compile(
    r"\b(?:(both parties|the two (?:main |major )?parties)|the pair|the duo|the two of them|"
    r"the two (?:men|women|candidates|leaders|rivals)|both (?:men|women|candidates)|"
    r"(?:either|neither) (?:one|man|woman|candidate))\b(?! of (?!them\b|these guys\b|those guys\b))",
    re.I,
)
# Where a story names each candidate of a pair: lexicon names, and people by full name.
_PairPlaces = tuple[dict[str, list[int]], dict[str, list[int]]]
# A chamber's name before its members' fellows ("Senate colleagues").
_FELLOWS_NEXT = re.compile(r"\s+colleagues?\b")
# Words for laws being made, in a quote; "Congress" written as such in the story; a possessive
# owner a few words before a word ("Ohio's recently enacted legislation").
# One class of first letters with WORD_EDGE for the "\b" before them (see _TOKEN), so the engine
# skips to an L or a T; a lookbehind then picks the word that letter opens, the rest in any case.
_LEGISLATION = re.compile(
    rf"[LlTt]{WORD_EDGE}(?:(?<=[Ll])(?i:egislat(?:ion|e))|(?<=[Tt])(?i:he\s+bill))\b"
)
# "the bill" of money: "foot/pay the bill", "Treasury bill", "the bill rate" (see `_legislation_in`).
_MONEY_BILL_BEFORE = re.compile(r"\b(?:foot|footing|foots|pay|paying|pays|paid|picks?\s+up|pick\s+up)\s+$", re.I)
_MONEY_BILL_AFTER = re.compile(r"\s+(?:rates?|auctions?|yields?|futures|market)\b", re.I)
# A lawmaker speaking (see `_legislation_in`).
_LAWMAKER = re.compile(
    r"\b(?:Senator|Sen\.|(?<!Trade )Representative|Rep\.|[Ll]awmakers?|[Ll]egislators?|[Ss]enators?|"
    r"[Cc]ongress(?:man|men|woman|women))\b"
)
# Another legislature named in a story, another state's lawmakers, and the word before a
# "Congress": a possessive (no group 1) or a capitalised word (see `_us_congress_story`).
_OTHER_LEGISLATURE = re.compile(
    r"\b(?:[Pp]arliament|[Pp]arliamentary|Diet|[Ll]egislatures?|Knesset|Bundestag|Duma|Cortes|Majlis|Storting)\b"
)
_LAWMAKERS_OF = re.compile(r"(?<![\w.])([A-Z][\w.]*)\s+(?:lawmakers|legislators|deputies|MPs)\b")
_WORD_BEFORE = re.compile(r"(?:['’]s|(?<![\w.])([A-Z][\w.]*))\s+$")
_OTHER_CONGRESS = frozenset("Union National Jewish World Youth Party".split())
_CONGRESS_PARTY_AFTER = re.compile(r"\s+(?:[Pp]arty|\(I\))")
_STATE_WORDS = frozenset(_US_STATES) - {"Washington"}
# The word before "Senate" or "House": a U.S. mark (`_US_MARK`), an article or adjective in lower
# case, or what makes another state's, a U.S. state's or a university's chamber of it (a
# capitalised word, a possessive, "state").
_CHAMBER_BEFORE = re.compile(r"(?:['’]s|(?<![\w.\-])([A-Za-z][\w.]*))\s+$")
_US_MARK = frozenset(("U.S.", "US", "American", "Republican"))
_ARTICLES = frozenset(("The", "A", "An"))
_STATE_LOWER = frozenset(("state", "State"))
_CHAMBER_OF = re.compile(r"\s+of\s+(?!Representatives\b)")
_CONGRESS_WORD = re.compile(
    r"\b(?:Congress|congressional|Senate|(?<!White\s)House(?=\s+of\s+Representatives|[\s-]+(?:or|and)?\s*Senate"
    r"|\s+(?:[A-Z][a-z]+\s+(?:and\s+)?){1,3}(?:[a-z]+\s+)?(?:Committee|[Ss]ubcommittee)|\s+committee|\s+floor))\b"
)
_OWNED_BEFORE = re.compile(r"['’]s\s+(?:[\w-]+\s+){0,3}$")
# A debt story names the creditor banks at least so often, and once within so many paragraphs
# before a quote, for a state's words naming no one to be taken as addressed to them.
_CREDITOR_MENTIONS = 2
# Words of debt talk in a quote (see `_creditors_addressed`): a closed list, and "they"/"them".
_DEBT_WORD = re.compile(
    r"\b(?:debts?|loans?|payments?|pay|paying|repay\w*|interest|reschedul\w*|terms|offers?|offered|proposals?|extensions?|"
    r"package|negotiat\w*|talks|agreement|accord|deal|credits?|arrears|moratorium|spreads?|money|financing|"
    r"[Tt]hey|them|their)\b"
)
# A state's home matters, which a quote naming no debt word is about instead (see `_creditors_addressed`).
_HOME_MATTER = re.compile(
    r"\b(?:budget|deficits?|inflation|elections?|vote|rates?|tax\w*|growth|output|prices|wages|strikes?|"
    r"unemployment|jobs|applications|court)\b",
    re.I,
)
# A possessive owner before a name ("Texaco's creditors", "Brazil's foreign creditor banks").
_CREDITORS_OWNER = re.compile(r"(?<![\w.])([A-Z][\w.]*(?: [A-Z][\w.]*)?)['’]s\s+(?:[a-z-]+\s+){0,2}$")
_CREDITOR_PARAS = 3
_GIVEN_NAMES_GAP = re.compile(r"(?:[A-Z][\w.'’-]*\s+){0,3}")
# What makes an office in a quote another body's: "the president of the club", "the governor at
# the central bank", "the president and the board" (a company's), "the president's company".
_OF_NEXT = re.compile(
    r"\s+of\b|\s+(?:at|for)\s+(?:the|a|an|its)\b|\s+and\s+(?:the\s+)?board\b|['’]s\s+(?:company|firm|board)\b"
)


def _the_word_scan(heads: dict[str, str]) -> re.Pattern[str] | None:
    """`_THE_WORD` for a story's own heads only: "the" and a word that is one of them in any
    ASCII case ("the Ministry", "the SYSTEM"), so a quote's other "the" words are not read one by
    one. A whole word, as `_THE_WORD` reads it; a second "the" is read too ("the the system"), as
    `_THE_WORD` takes it up before the head. None where the story has no heads."""
    if not heads:
        return None
    return re.compile(_THE + r"\s+((?ai:" + "|".join(map(re.escape, sorted(heads))) + r")|[Tt]he)\b")


_MINISTER_OF = re.compile(r"minister (?:of|for) (?:the )?(\w+)(?: affairs)?")


def _office_key(office: str) -> str:
    """An office as a key: lower case, single spaces, "minister of finance" as "finance minister"."""
    key = " ".join(office.lower().split())
    m = _MINISTER_OF.fullmatch(key)
    return f"{m.group(1)} minister" if m else key


def _same_person(name: str, speaker: str | None, text: str = "") -> bool:
    """Whether a full name is the speaker's: the same family name, and the same given name where
    the speaker has one ("Anna Berg" is not "Tom Berg"); "Sir Tom" only where the story knights
    the speaker, and no one else, by that given name (`_knight_of`)."""
    if not speaker:
        return False
    a = [w for w in name.split() if not _title_or_opener(w) and w not in _NOBLE]
    b = [w for w in speaker.split() if not _title_or_opener(w) and w not in _NOBLE]
    if not a or not b:
        return False
    if len(a) == 1 and name.split()[0] in ("Sir", "Dame") and len(b) > 1 and a[0] == b[0]:
        return _knight_of(name.split()[0], a[0], b[-1], text)  # "Sir Tom" is Sir Tom Berg
    if a[-1] != b[-1]:
        return False
    # One side without a given name, the same given name, or an initial for it ("T. Berg").
    return len(a) == 1 or len(b) == 1 or a[0] == b[0] or (a[0][:1] == b[0][:1] and "." in a[0] + b[0])


_NOBLE = frozenset({"Sir", "Dame", "Lord", "Lady", "Baroness", "Baron"})


def _knight_of(title: str, given: str, family: str, text: str) -> bool:
    """Whether "Sir Tom" in a story is the speaker Tom Berg: the story calls the speaker "Sir Tom
    Berg" and calls no one else "Sir Tom" with a family name; given names are shared far more
    often than family names, so a plain Tom Lund speaking of "Sir Tom" speaks of another man."""
    families = set(re.findall(rf"\b{title}\s+{re.escape(given)}\s+([A-Z][\w'’-]+)", text))
    return families == {family}


# Nouns for what befell a person that stand as a title before the name ("Hostage Ann Berg").
_CAPTIVE_WORDS = frozenset({"hostage", "captive", "prisoner", "detainee", "dissident", "defector"})
# "of the", or "of"/"for" after a capital, right before a name's first word: that word ends a
# title ("Chancellor of the Exchequer", "Minister of Mines", "Undersecretary for Management"); not
# "the government of Jacinda Kate Berg".
_OF_BEFORE = re.compile(r"(?:\bof\s+the|\b([A-Z][\w\-]*)\s+(?:of|for))\s+$")


# A royal title right before a given name ("Prince Rupert", "Queen Maud").
_ROYAL_BEFORE = re.compile(r"\b(Prince|Princess|King|Queen)\s+$")
_ROYAL_AT = re.compile(r"(Prince|Princess|King|Queen)\s+(?=[A-Z])")
_ROYAL_TITLES = ("Prince", "King", "Queen")


def _cut_at(text: str, b: int) -> bool:
    """Whether a window ending at b cuts a word of ASCII letters: a regex bounded there takes the
    word's start as a word of its own ("pair|s"), the letter shape's whole words do not."""
    return b < len(text) and text[b].isascii() and text[b].isalpha()


def _untitled(name: str) -> str:
    """A royal's name without the title ("Rupert" for "Prince Rupert"): the title is no given name."""
    return name.split(None, 1)[1] if _ROYAL_AT.match(name) else name


def _unpossessed(word: str) -> str:
    """A word without its possessive ending: "Kovac's" and "Jonas'" (the bare apostrophe after
    a final s) name Kovac and Jonas."""
    if word.endswith(("'s", "’s")):
        return word[:-2]
    if word.endswith(("s'", "s’")):
        return word[:-1]
    return word


def _title_or_opener(word: str) -> bool:
    """A title or a capitalised function word before a family name, no given name ("Senator
    Kovac", "But Kovac", "Every Kovac aide")."""
    return (
        word in _HONORIFICS
        or word in _OPENER_CAPS
        or word in _DETERMINER_CAPS
        or word.lower().rstrip(".") in ROLE_WORDS
    )


def _clause_opener(word: str, text: str, pos: int) -> bool:
    """A capitalised determiner, or a listed participle opening a sentence, before a name ("Every
    Kovac surrogate", "Celebrating Kovac's win"): no given name of the person. Only listed
    participles: many given names end in "-ing" too ("Irving", "Sterling", "Deming")."""
    if word in _DETERMINER_CAPS:
        return True
    if word not in _OPENING_PARTICIPLES and not (
        len(word) > 5 and word.endswith("ing") and _word_spans(text, word.lower())
    ):
        return False  # an "-ing" word the story also writes in lower case is a verb form too
    return bool(_SENTENCE_START_BEFORE.search(text, max(0, pos - 4), pos))


_DETERMINER_CAPS = frozenset("Every Each Any All No".split())
# Participles that open a sentence's clause about a person ("Praising Kovac for ..., the mayor said").
_OPENING_PARTICIPLES = frozenset(
    "Celebrating Praising Thanking Attacking Criticising Criticizing Blaming Backing Supporting "
    "Defending Slamming Mocking Quoting Citing Echoing Congratulating Welcoming Joining Urging "
    "Accusing Endorsing Dismissing Rejecting Challenging Questioning Watching Meeting Visiting "
    # Gerunds that open a sentence as its subject ("Closing the base is right").
    "Closing Opening Building Cutting Raising Making Keeping Getting Taking Bringing Ending "
    "Running Fighting Allowing Giving Putting Sending Helping Leaving Saving Protecting Fixing "
    "Repealing Banning Stopping Winning Losing Electing Funding Replacing Repeating".split()
)
_POSSESSIVE_CAPS = frozenset("Our Their His Her Its My Your".split())
# The start of a sentence or a line right before a word (quote marks and brackets may stand between).
_SENTENCE_START_BEFORE = re.compile(r"(?:^|[.!?][\"”’)]?\s+|\n\s*|[\"“‘(])$")
# Capitalised words that are no given name; months are ("May Berg", "April Kovac").
_OPENER_CAPS = _NON_NAME_CAPS - frozenset(
    "January February March April May June July August September October November December".split()
)
# Words that open a sentence before a body's name, not a part of it ("But Glenmoor Council", "Every
# Committee member", "The Board"); "New", and titles like "General" or "State", open names too.
_BODY_OPENERS = frozenset(("The", "the", *(_OPENER_CAPS - {"New"}), *_DETERMINER_CAPS))


# A word with a capital after its first letter ("ARGOSystems", "BMW's"), possessive or not.
_INNER_CAPITALS = re.compile(r"(?<![\w'’.&-])([A-Z][A-Za-z]*[A-Z][A-Za-z]*)(?:['’]s)?(?![\w'’&-])")
# A short name in brackets after a legal form and an optional ticker: "AG <BNW.F> (BNW)". Only
# capitals: a word in brackets there is as often an exchange, a place or "(The)".
_ALIAS_AFTER_FORM = re.compile(r"\.?\s*(?:<[^<>\n]{1,12}>\s*)?\(([A-Z]{2,6})\)")
# Capitals in brackets after a company's name that are not its short name: exchanges, markets,
# countries and U.S. states ("Inc (NYSE)", "Corp (OTC)", "Ltd (UK)", "Inc (NY)").
_NOT_ALIASES = frozenset(
    """NYSE AMEX ASE OTC NASDAQ NMS LSE TSE ASX TSX SEHK FSE CBOT CME NYMEX COMEX LIFFE SEC ADR ADRS
    UK US USA EU UAE PRC HK INC CORP LTD PLC AG SA NV BHD PTY CO DC AL AK AZ AR CA CO CT DE FL GA HI ID
    IL IN IA KS KY LA ME MD MA MI MN MS MO MT NE NV NH NJ NM NY NC ND OH OK OR PA RI SC SD TN TX UT VT
    VA WA WV WI WY""".split()
)
# Legal forms that end a company's name.
_LEGAL_FORMS = frozenset("Inc Corp Corporation Co Cos Ltd Plc PLC AG SA NV Bhd Pty Limited".split())
_LEGAL_FORMS_TITLED = frozenset(f.title() for f in _LEGAL_FORMS)
# Words in a quote that speak of a company named before: "the company", "the stock".
_FIRM_POINTER = re.compile(
    words_pattern("The the This this Its its")
    + r" (?:company|company's|firm|firm's|stock|shares|board|management|takeover|bid|offer)\b"
)
# A word of capitals that may be a body's initials ("BIL", "NUGW"), possessive or not.
# The capital leads (no look-behind first), so that the engine skips to capitals in one pass.
_ACRONYM = re.compile(r"[A-Z](?<!\w[A-Z])[A-Z]{1,5}(?=(?:['’]s)?\b)(?![.&-]\w)")
# Capitals as "A", lower case as "a", every other character as a blank, one byte per character.
_CAPS_SHAPE = bytes(65 if 65 <= c <= 90 else 97 if 97 <= c <= 122 else 32 for c in range(256))


def _caps_words(text: str) -> list[int]:
    """Where the story's words of two to six ASCII capitals start: every place `_ACRONYM` can
    match, found once per story by byte searches instead of the pattern tried at each capital
    of every quote."""
    shape = b" " + text.encode("ascii", "replace").translate(_CAPS_SHAPE) + b" "
    out: list[int] = []
    j = shape.find(b" AA")
    while j >= 0:
        end = shape.find(b" ", j + 1)
        if end - j <= 7 and shape.find(b"a", j + 1, end) < 0:
            out.append(j)  # the shape's leading blank: shape[j + 1] is text[j]
        j = shape.find(b" AA", end)
    return out


# A capitalised name, its small joining words and a legal form included, before the initials
# in brackets that the story defines as its short name ("<Kessel Holdings Ltd> (KHL)").
_SPELLED_NAME = r"[A-Z][\w'’&.-]*(?:\s+(?:(?:of|for|and|the|de|&)\s+)*[A-Z][\w'’&.-]*){1,7}"
_DEFINED_ACRONYM = re.compile(rf"<?({_SPELLED_NAME})>?,?\s+\(([A-Z]{{2,6}})\)")
_CAPITAL_NAME = re.compile(_SPELLED_NAME)
_ACRONYM_SMALL = frozenset("of for and the de &".split())
# The first or last word of an organisation's full name, beside `BODY_HEADS` and the legal forms.
_ORG_TAILS = frozenset(
    """Services Service Organization Organisation Mines Investments Bank Fund Group Exchange Department
    Office Ministry Party Company Industries Airlines Railways Corporation Congress Center Centre
    Administration Bureau Court Holdings Partners Enterprises""".split()
)


def _org_name(words: list[str]) -> bool:
    """Whether a full name opens or ends as an organisation's does ("Union of ...", "... Bank"),
    not as a measure's or a law's ("Gross Domestic Product")."""
    return any(w in _ORG_TAILS or w.lower() in BODY_HEAD_WORDS or w in _LEGAL_FORMS for w in (words[0], words[-1]))


def _without_form(words: list[str]) -> str:
    """A company's name as the labellers write it: "Kessel Holdings" for "Kessel Holdings Ltd",
    but a public body's "Corporation" kept."""
    while len(words) > 2 and words[-1] in _LEGAL_FORMS and words[-1] not in ("Corporation", "Limited"):
        words = words[:-1]
    return " ".join(words)


def _initials(words: list[str]) -> str:
    return "".join(w[0] for w in words if w not in _ACRONYM_SMALL)


def _spelled_acronym(text: str, acr: str) -> str | None:
    """The full name a story gives an acronym: defined in brackets after the name ("<Kessel
    Holdings Ltd> (KHL)"), or, for three letters or more, the initials of a capitalised
    organisation's name the story writes ("National Union of Glass Workers" for "NUGW"). The
    name is given without its legal form; initials that two names share give none. Asked per
    acronym a quote holds, so a story is read only for the names those letters can spell."""
    names: set[str] = set()
    if f"({acr})" in text:
        for m in _DEFINED_ACRONYM.finditer(text):
            if m.group(2) != acr:
                continue
            words = [w.rstrip(".,'’") or w for w in m.group(1).split()]
            for k in range(len(words)):
                if words[k] not in _ACRONYM_SMALL and _initials(words[k:]) == acr:
                    name = words[k:]
                    if _org_name(name) or m.group().startswith("<"):
                        names.add(_without_form(name))
                    break
        if names or len(acr) < 3:
            return next(iter(names)) if len(names) == 1 else None
    if len(acr) < 3:
        return None
    for name in _spelled_runs(text, acr):
        words = [w.rstrip(".,'’") or w for w in name.split()]
        if _org_name(words):
            names.add(_without_form(words))
    return next(iter(names)) if len(names) == 1 else None


# A capitalised word of a name, and what may join two of them ("Union of Glass Workers").
_ACR_WORD = re.compile(r"[A-Z][\w'’&.-]*")
_ACR_JOINT = re.compile(r"\s+(?:(?:of|for|and|the|de|&)\s+)*")
_ACR_WORD_CHARS = "_'’&.-"


def _spelled_runs(text: str, acr: str) -> list[str]:
    """Capitalised words whose initials spell `acr`, small joining words between them, each
    opening a word. Walked from each occurrence of the first letter rather than searched with a
    pattern per acronym: compiling one for every acronym of every story would crowd out re's
    cache of the patterns the segmenter reuses."""
    out: list[str] = []
    last = len(acr) - 1
    pos = text.find(acr[0])
    while pos >= 0:
        start, p = pos, pos
        if start and (text[start - 1].isalnum() or text[start - 1] in _ACR_WORD_CHARS):
            pos = text.find(acr[0], pos + 1)
            continue
        for k, c in enumerate(acr):
            if not text.startswith(c, p):
                break
            p = _ACR_WORD.match(text, p).end()  # type: ignore[union-attr]
            joint = _ACR_JOINT.match(text, p) if k < last else None
            if joint is not None:
                p = joint.end()
            elif k < last:
                break
        else:
            out.append(text[start:p])
            pos = text.find(acr[0], p)
            continue
        pos = text.find(acr[0], pos + 1)
    return out


def _fold_initials(name: str) -> str:
    """A company's name folded for matching a headline's capitals: case, and the stops and
    ampersands of initials, which wire headlines drop ("JC PENNEY" for "J.C. Penney", "ATT" for
    "AT&T")."""
    return name.replace(".", "").replace("&", "").casefold()


@lru_cache(maxsize=256)
def _firm_word(firm: str) -> re.Pattern[str]:
    """The first word of a company's name as a whole word that no other name word follows
    ("Norco", "Norco Inc chairman", "First Chicago", not "Norcott" nor "First Boston"); compiled
    once per company, as a story asks for its headline's company at every quote naming nobody."""
    words = firm.split()
    allowed = "|".join(map(re.escape, sorted(_LEGAL_FORMS | set(words[1:2]))))
    return re.compile(rf"\b{re.escape(words[0])}\b(?!\s+(?!(?:{allowed})\b)[A-Z])")


# A noun phrase with an article or possessive ("his sister", "the new chairwoman").
_NOUN_PHRASE = re.compile(r"\b(?:[Tt]he|an?|[Hh]is|[Hh]er|[Tt]heir|[Ii]ts|[Mm]y|[Oo]ur)\s+([a-z]+(?:\s+[a-z]+)?)")
# Common nouns for a person of either sex, for a woman, and for a man (a closed list: "human" and
# "statesman" end like "woman" but are no "she").
_KIN_WORDS = frozenset(
    "partner friend colleague rival opponent boss successor predecessor deputy challenger mate spouse".split()
)
_SHE_WORDS = frozenset(
    "daughter wife sister mother mom aunt niece widow girlfriend fiancee woman grandmother granddaughter".split()
)
_HE_WORDS = frozenset(
    "son husband brother father dad uncle nephew widower boyfriend fiance man grandfather grandson chairman "
    "spokesman businessman congressman councilman policeman statesman sportsman".split()
)


def _person_noun(word: str, pronoun: str) -> bool:
    """Whether a common noun names a person "he" or "she" may mean: one of either sex ("rival"),
    or of the pronoun's ("daughter", "chairwoman" for "she"; "son", "chairman" for "he")."""
    if word in _KIN_WORDS or word.endswith("person"):
        return True
    if pronoun == "she":
        return word in _SHE_WORDS or word.endswith("woman")
    return word in _HE_WORDS

# A state's name or adjective right before a body ("Canada's House", "the Australian Senate"), and
# a place right after it ("the Commons in Ottawa").
_STATE_BEFORE = re.compile(r"(?<![\w.])([A-Z][\w.]*(?: [A-Z][\w.]*)?)(?:['’]s)?\s+$")
# Words naming an assembly, the bodies that have namesakes in other states (House of Commons, Congress).
_ASSEMBLY_WORD = re.compile(r"\b(?:House|Commons|Lords|Congress|Parliament|Assembly|Senate|Diet|Chamber)\b")
_IN_PLACE_AFTER = re.compile(r"\s+in\s+([A-Z][\w.]*(?: [A-Z][a-z]+)?)")
# Words that make a speaker the company's own ("a company spokesman", "its president").
_OWN_SIDE_WORD = re.compile(r"\b(?:[Ii]ts|[Tt]heir|company|firm|corporation)\b")
# A mention that is the company itself, no other firm ("the company", not "a rival company").
_THE_COMPANY = re.compile(r"[Tt]he\s+(?:company|firm|corporation)")
# Trades of outsiders who comment on a company without a side of their own, and the employers that
# mark a brokerage's staff or a union's officers ("head of research at Kell Securities").
_OUTSIDER_WORD = re.compile(
    r"\b(?:[Aa]nalysts?|[Ee]conomists?|[Aa]rbitrage(?:u)?rs?|[Tt]raders?|[Dd]ealers?|[Bb]rokers?|[Ss]trategists?|"
    r"[Uu]nion|[Ii]nvestors?|[Ss]hareholders?|[Cc]onsultants?|[Ee]xperts?|[Oo]bservers?|"
    r"Securities|Brokerage|Auto Workers|Steelworkers|Teamsters|law firm)\b"
)
# The company as the possessor of an office next to a speaker's name ("its president", "a company
# spokesman", "the firm's chairman", "president of the company", "a spokesman for the firm").
_OFFICES = (
    "president|chairman|chairwoman|executive|director|head|spokesman|spokeswoman|official|officer|founder|owner|"
    "manager|treasurer|counsel|attorney"
)
_OWN_OFFICE = re.compile(
    r"\b(?:(?:[Ii]ts|[Tt]heir|company(?:['’]s)?|firm(?:['’]s)?|corporation(?:['’]s)?)(?:\s+[a-z-]+){0,2}\s+"
    rf"(?:chief|secretary|{_OFFICES})|"
    rf"(?:{_OFFICES})\s+(?:of|for|at|with)\s+(?:the|its)\s+(?:company|firm|corporation))\b"
)
# Sentence breaks and quotation marks bound the words that introduce a speaker.
_SENTENCE_BREAK = re.compile(r"[.!?]\s|[\"“”\n:;]")
_DETERMINERS = frozenset({"The", "A", "An", "Its", "Their", "His", "Her"})
# Offices that give a speaker named with another body a side of their own ("Tom Lund, president of Kell").
_OFFICE_WORDS = frozenset(
    "president chairman chairwoman chief executive director head spokesman spokeswoman secretary minister "
    "official officer governor attorney".split()
)
_EMPLOYER_BEFORE = re.compile(words_pattern("of for at with") + r"\s+$")
# How often a story names a state for it to be what a quote naming nobody, after a paragraph that
# names it, is about; one named in passing there (once to three times) is a bystander.
_TOPIC_MENTIONS = 4
# A government named in any form: "the present government", "ministers", "No 10" (see
# `_government_in`; letter-first, see _TOKEN), found only in a span holding one of the keys.
_A_GOVERNMENT = re.compile(
    rf"(?:[Gg]{WORD_EDGE}overnment|[Mm]{WORD_EDGE}inisters|D{WORD_EDGE}owning Street|N{WORD_EDGE}(?:o\.? 10|umber 10)"
    rf"|[Tt]{WORD_EDGE}he Home Office)\b"
)
_GOVERNMENT_KEYS = re.compile(r"[Gg]overnment|inisters|Downing Street|No\.? 10|Number 10|Home Office")
# `_GOVERNMENT_KEYS` in two searches the engine runs faster: a literal it skips to, and the rest
# led by the class of their (rarer) first letters instead of an "i" at every other word.
_MINISTERS_KEY = re.compile("inisters")
_GOVERNMENT_REST = re.compile(
    r"[GgDNH](?:(?<=[Gg])overnment|(?<=D)owning Street|(?<=N)o\.? 10|(?<=N)umber 10|(?<=H)ome Office)"
)


def _government_key_in(text: str, a: int, b: int) -> bool:
    """Whether `_GOVERNMENT_KEYS` finds a key in text[a:b]."""
    return bool(_MINISTERS_KEY.search(text, a, b) or _GOVERNMENT_REST.search(text, a, b))
_GOVERNMENT_WORD_BEFORE = re.compile(r"([\w'’]+)\s+$")  # the word before "government"/"ministers"
_GOVERNMENT_DETERMINERS = frozenset("the this that present current".split())
_PLACE_WORDS = frozenset("at in from to into outside down on near past opposite along up".split())
_NOT_THE_GOVERNMENT = (
    frozenset(
        "local federal state city county provincial regional foreign finance trade agriculture defence defense "
        "other previous former next shadow opposition world EU European prime interior".split()
    )
    | _PLACE_WORDS
)
# A determiner before "No 10" makes it a number ("the No 10 bus"), not Downing Street.
_NUMBER_DETERMINERS = frozenset("the a an his her their our my your".split())
_A_WORD = re.compile(r"[\w'’]+")
_SENTENCE_END_BEFORE = re.compile(r"(?:^|[.!?:]\s*[\"“‘']?|[\"“‘']\s*)$")
# A name's own words: the title before it in its sentence ("Prisons minister Tom Kell") and an
# apposition after it ("Tom Kell, the prisons minister,").
_TITLE_BEFORE = re.compile(r"[^.!?\n\"“”:;,]{0,40}$")
_OFFICE_RIGHT_BEFORE = re.compile(r"\b(?:[Mm]inister|[Ss]ecretary|[Cc]hancellor|[Pp]remier)\s+$")
_TITLE_AFTER = re.compile(r",[^,.!?\n\"“”]{0,50}")
_BODY_NOUN = re.compile(r"\b(?:company|firm|bank|group|council|city|state|province|party|union|club)\b")
_GOVERNMENT_OF = re.compile(r"\s+(?:of|in|at)\s+((?:the\s+|this\s+)?[\w.]+(?:\s+[A-Z][\w.]*)?)")
# One who speaks for a government: "the government" in his words is his own (see `_government_in`).
_GOVERNMENT_MAN = re.compile(
    r"(?<!general )\b(?:[Mm]inisters?|[Ss]ecretary|[Cc]hancellor|[Pp]remier|[Gg]overnment|[Oo]fficials?|"
    r"Whitehall|Downing Street|Home Office|No\.? 10|Number 10|[Mm]inistry)\b"
)
# A state owning a party ("Israel's Labour party", "Japan's ruling Liberal Democrats", "Israeli Labour").
_PARTY_OWNER_BEFORE = re.compile(
    r"(?<![\w.])([A-Z][\w.]*(?: [A-Z][\w.]*)?)(?:['’]s)?\s+(?:(?:ruling|governing|opposition|main)\s+)?$"
)
_NOT_IN_GOVERNMENT = re.compile(r"\b(?:[Ss]hadow|[Oo]pposition|[Ff]ormer|ex-)")
# A story naming a state's parties so often is about its party politics (see `_party_politics`).
_PARTY_MENTIONS = 2
# A party's adjective before a common noun in a quote (see `_party_adjectives_in`).
_PARTY_OF_ADJECTIVE = {
    "Democratic": "Democratic Party",
    "Republican": "Republican Party",
    "Conservative": "Conservative Party",
}
_PARTY_ADJECTIVE_KEYS = re.compile("|".join(_PARTY_OF_ADJECTIVE))
_PARTY_ADJECTIVE_NOUN = re.compile(
    r"(?:D(?<![\w-].)emocratic|R(?<![\w-].)epublican|C(?<![\w-].)onservative) "
    r"(?![Pp]arty\b|(?:nominees?|nominations?|primar(?:y|ies)|presidential|candidates?|candidacy|front-?runners?|"
    r"races?|field|debates?|hopefuls?|contests?|caucus(?:es)?|senators?|governors?|leaders?|rivals?)\b)[a-z]"
)
# Capitalised words that open a sentence before a party's adjective without being part of a
# longer name ("These Conservative schemes", "The Republican plan").
_OPENING_DETERMINERS = frozenset(
    "The These This That Those Our Their Its His Her My Your A An Some Many Most All Every Any No Why How".split()
)
# A state's parties as adjectives ("Conservative leader", "Lib Dem spokesman"; the plurals and
# "... Party" are lexicon aliases, counted there).
_PARTY_ADJECTIVES: dict[str, re.Pattern[str]] = {
    "Britain": re.compile(
        rf"(?:C{WORD_EDGE}onservative|L{WORD_EDGE}ib Dem|L{WORD_EDGE}iberal Democrat)\b(?!\s+[Pp]arty)"
    ),
}
# A legal form after a name, possessive or not ("Norco Inc's"), and initials in a name ("E.F.").
_LEGAL_FORM_AT = re.compile(
    "(" + "|".join(sorted(_LEGAL_FORMS, key=len, reverse=True)) + r")\.?(?:['’]s)?(?![\w\-])"
)
_INITIALS = re.compile(r"(?:[A-Z]\.)+$")


def _legal_forms_after_space(text: str) -> list[re.Match[str]]:
    """The matches of `_LEGAL_FORM_AT` that stand after white space, in text order: those
    `finditer` finds there (no match holds white space, so none reaches over another's start).
    A match is a whole word of the letter shape (a letter follows no form, and "." or "'s" are
    no letters), so it is tried only where the cue scan's pass found a legal form as a word
    (`legal_form_words`), instead of after a search of the whole text for each form."""
    starts = [s for s, e in legal_form_words(text) if s and text[s - 1].isspace() and text[s:e] in _LEGAL_FORMS]
    return [m for m in map(_LEGAL_FORM_AT.match, repeat(text), starts) if m is not None]


# Capitalised words that open a run of capitals without being part of a company's name.
# ("On Friday Norco Corp", "Because Norco ..."); "New", "May" and "One" open names of their own.
_FIRM_OPENERS = (_NON_NAME_CAPS | _NON_NAME | frozenset("Unlike Like Because Even".split())) - frozenset(
    {"New", "May", "One"}
)
# "Standard & Poor's Corp": a run of capitals after "&" or "and" and a capital is the end of a
# longer name (see `_joined`).
_JOINED_BEFORE = re.compile(r"([A-Z][\w'’.\-]*)\s+(?:&|and)\s+$")
_CAP_AFTER_NAME = re.compile(r"[ \t]+(?:of[ \t]+)?[A-Z]")
# Titles of address before a family name.
_HONORIFICS = frozenset({"Mr", "Mrs", "Ms", "Miss", "Dr"})
_HONORIFIC_BEFORE = re.compile(words_pattern(" ".join(_HONORIFICS)) + r"\.?\s+$")
# What comes before a word that opens a sentence, a quote or a bracket.
_OPENERS = frozenset('.!?:;"“”\'‘’(\n\t-—–')
# Capitalised words that stand before a state's name without being a given name.
_NOT_GIVEN = frozenset(
    {"the", "in", "on", "of", "and", "but", "for", "to", "with", "from", "by", "at", "as", "or", "nor",
     "greater", "central", "inner", "outer", "upper", "lower", "old", "new", "united", "great", "little",
     "air", "radio", "team", "fortress", "visit", "royal", "imperial", "modern", "ancient", "rural", "urban",
     "nazi", "communist", "socialist", "fascist", "soviet", "mainland", "free", "occupied", "postwar", "prewar",
     "islamic", "democratic", "federal", "red", "independent", "divided", "reunified", "unified", "whole",
     "january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
     "november", "december", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"}
)


def _points_outside(text: str, a: int, b: int) -> bool:
    """Whether a pronoun or role noun in text[a:b] stands for someone outside the speaker's side."""
    for s in _referents(text, a, b):
        if not _OWN_DEIXIS.search(text, max(a, s - 8), s):
            return True
    return False


def _word_char(c: str) -> bool:
    """A character `\\w` matches."""
    return c.isalnum() or c == "_"


def _referents(text: str, a: int, b: int) -> list[int]:
    """Where `_REFERENT` matches in text[a:b], found as whole words of the lower-case letter shape
    (whose blanks the regex engine jumps between; a case-blind pattern is tried at every
    character of a quote), then held to `\\b` edges, which digits and "_" close too. A window
    ending inside a word, or holding a character that re.I folds to an ASCII letter, is read
    with the pattern itself."""
    n = len(text)
    if (b < n and _word_char(text[b])) or any(c in text[a:b] for c in _FOLDS_TO_ASCII):
        return [m.start() for m in _REFERENT.finditer(text, a, b)]
    out = []
    for m in _REFERENT_SCAN.finditer(letter_shape(text, lower=True), a, b + 2):
        s, e = m.start(), m.end() - 1
        if not (s and _word_char(text[s - 1])) and not (e < n and _word_char(text[e])):
            out.append(s)
    return out


def _occurrences(
    text: str, name: str, limit: int, starts: list[int] | None = None
) -> list[tuple[int, int]]:
    """Where a name stands as whole words, any white space (a wrapped line) between its words; a
    plain scan, since a regex per name would thrash the regex cache. `starts`: where its first
    word stands as a word, when an index of the text gives them (else the text is searched)."""
    words = name.split()
    if not words:
        return []
    first, n = words[0], len(text)
    out: list[tuple[int, int]] = []
    cands = iter(starts) if starts is not None else None
    i = next(cands, -1) if cands is not None else text.find(first)
    while i >= 0 and len(out) < limit:
        if cands is not None and not text.startswith(first, i):
            i = next(cands, -1)
            continue
        j = i + len(first)
        ok = i == 0 or not (text[i - 1].isalnum() or text[i - 1] in "_'’")
        for w in words[1:] if ok else ():
            k = j
            while k < n and text[k].isspace():
                k += 1
            if k == j or not text.startswith(w, k):
                ok = False
                break
            j = k + len(w)
        if ok and (j >= n or not (text[j].isalnum() or text[j] in "_'’")):
            out.append((i, j))
        i = next(cands, -1) if cands is not None else text.find(first, i + 1)
    return out


# The medium alternative of _CONTENT_END: 'in an interview', 'in its annual report'.
# A document the content's subject produced ('in its annual report', 'in an article'), where that
# subject may have acted; a medium of speaking ('in an interview', 'in his speech') is the speaker's.
_MEDIUM_AT = re.compile(
    r"\s+in\s+(?:(?:its|their)\s+(?!(?:[\w'’-]+\s+){0,2}?(?:interview|statement|speech|remarks|post|tweet)s?\b)|"
    r"(?:an?|his|her)\s+(?:[\w'’-]+\s+){0,2}?(?:report|accounts|filing|budget|results|article|book|column)s?\b)"
)
_PERFECT = re.compile(r"\b(?:had|has|have)[ \t]+[\"“]?(?!been\b|to\b)[a-z]")
# A content's subject that is likely the speaker: 'said she had ...'.
_SPEAKER_LIKE = frozenset("he she i we they".split())
_AGENT_DETERMINERS = frozenset("the a an this that its his her their our".split())
_SUBJECT_AT = re.compile(r"\s*(?:that\s+)?([\w'’-]+)\s")


def _own_subject_acted(text: str, a: int, end: int) -> bool:
    """Whether a content from a to end reports an act of its own subject ('the bank had "buried"
    the losses', 'the mayor had made "grave mistakes"'): a medium after it ('in its yearly
    report', 'in an article') may be where that subject acted, not where the speaker spoke. Not
    for a state ('the talks had been "very useful" in an interview') or a subject that is likely
    the speaker ('she had "never seen ..." in a statement') or no agent ('inflation has ...')."""
    m = _SUBJECT_AT.match(text, a, end)
    if m is None or m.group(1).lower() in _SPEAKER_LIKE:
        return False
    if m.group(1).lower() not in _AGENT_DETERMINERS and not m.group(1)[0].isupper():
        return False  # 'said inflation has "peaked" in its report': no agent of a report
    return _PERFECT.search(text, m.end(1), end) is not None


_FIGURE_OR_TAG = re.compile(r"\d|[$£€¥]|^\s*[A-Z]\s*[,-]")
_ASIDE_OPENERS = frozenset("though although but while whereas even who which whose".split())


def _narration_aside(text: str, end: int, aside: int) -> bool:
    """Whether a bracket opening at aside, after a fragment that closed at end, is the narration's
    aside on the fragment: right after the closing mark with words of its own ('called them
    "thieves" (though he praised some)'), or a word or two on when it opens with a conjunction or
    a relative. A one-word bracket is an abbreviation, a conversion or a party tag ('"Clean Ports
    Act" (CPA)', '$2bn (£1.6bn)', 'Sen. Tom Berg (R-Ohio)'), and a bracket further on is the
    content's own ('a disaster" for the party (and for the country)')."""
    shut = text.find(")", aside, aside + 200)
    inside = text[aside + 2 : shut if shut >= 0 else aside + 60]
    inner = inside.split()
    if len(inner) < 2 or _FIGURE_OR_TAG.search(inside):
        return False  # '(about £1.6bn)', '(from 4.5% now)', '(R, Ohio)': the content's own
    between = text[end:aside].strip(" ,").split()
    return not between or (len(between) <= 2 and inner[0].lower() in _ASIDE_OPENERS)


def _strip_edges(text: str, a: int, b: int) -> tuple[int, int]:
    """Drop whitespace, a leading comma and quotation marks or terminal punctuation at the edges."""
    while a < b and (text[a].isspace() or text[a] in ",:;" or text[a] in ALL_MARKS):
        a += 1
    while b > a and (
        text[b - 1].isspace()
        or text[b - 1] in ALL_MARKS
        or (text[b - 1] in ".,;:" and b - 2 >= a and text[b - 2] in ALL_MARKS)
    ):
        b -= 1
    while (
        b > a
        and text[b - 1] in ".;:"
        and not (b - 2 >= a and text[b - 2] in ALL_MARKS)
        and (b - 1 == a or text[b - 2].isalnum() or text[b - 2] == ")")
    ):
        b -= 1
        break
    while b > a and (text[b - 1].isspace() or text[b - 1] in ALL_MARKS):
        b -= 1
    return a, b


_REPORTED_CLAUSE = re.compile(
    r"\s*(?:that|if|whether|how|why|what|he|she|it|they|we|I|there|the|this|his|her|their|its|a|an)\b|\s*[\"“‘']"
)


def _opens_report(text: str, close_end: int, attr: Attribution) -> bool:
    """Whether an attribution found after a quote that ends its sentence opens a new sentence of
    its own ('"... for good." Ms Nowak said the plan was late.'): its subject comes first with a
    capital, and a reported clause or quote follows its verb."""
    if attr.mention is None or attr.cue is None or attr.mention[0] > attr.cue[0]:
        return False
    lead = text[close_end : attr.mention[0]].strip()
    if lead not in ("", "But", "And") or not text[attr.mention[0]].isupper():
        return False
    return _REPORTED_CLAUSE.match(text, attr.cue[1]) is not None


_AS_BEFORE = re.compile(r"\bas\s+$", re.I)


def _colon_before(text: str, ss: int, open_pos: int) -> bool:
    """Whether a colon closes the words of the sentence before a quote's opening mark ('X said: "')."""
    return text[ss:open_pos].rstrip().endswith(":")


def _opens_sentence(text: str, q: RawQuote) -> bool:
    """Whether a quote reads as a quoted sentence: a capital first letter, four words or more,
    not all of them capitalised as in a title ('"Who Runs the Port,"')."""
    a, b = q.parts[0]
    while a < b and not text[a].isalnum():
        a += 1
    if a >= b or not text[a].isupper():
        return False
    ws = text[a:b].split()
    return len(ws) >= 4 and not all(w[:1].isupper() or not w[:1].isalpha() or w in _SMALL_WORDS for w in ws)


def _only_titles(gap: str) -> bool:
    """Whether every quoted stretch of a text is a title ('told NTV's "Morning Hour" on
    Sunday'): a few capitalised words naming a programme or a paper, not a second quote."""
    bits = _MARK_SPLIT.split(gap)
    if len(bits) % 2 == 0:
        return False  # an unbalanced mark
    for inner in bits[1::2]:
        ws = inner.strip(" .,").split()
        if not ws or len(ws) > 6 or any(not (w[:1].isupper() or w in _TITLE_GLUE or w == "with") for w in ws):
            return False
    return True


_UNCUED_BREAKS = (":", ";", " - ", "\u2013", "\u2014", "(")
_TITLE_LEADS = frozenset(
    {"entitled", "titled", "headlined", "headed", "called", "dubbed", "named", "and", "or", "including"}
)
_UNCUED_BE = frozenset(
    {"is", "are", "was", "were", "be", "been", "being", "am", "get", "gets", "got", "getting", "guilty"}
)
_UNCUED_SUBORD = frozenset({"when", "while", "as", "after", "before", "because", "with", "if", "since", "until"})
_NOT_APPOSITION = frozenset(
    {"in", "on", "at", "during", "for", "after", "before", "with", "by", "from", "under", "meanwhile", "however",
     "too", "though", "also", "speaking", "writing", "then", "now"}
)


def _passive_words(words: list[str]) -> bool:
    """Whether a clause reads passive ("was thanked", "got praised", "found guilty"): a form of
    be or get not followed by a progressive participle ("is questioning" is active)."""
    for i, w in enumerate(words):
        lw = w.lower()
        if lw == "guilty" or (lw in _UNCUED_BE and not (i + 1 < len(words) and words[i + 1].endswith("ing"))):
            return True
    return False


def _title_case(quote: str) -> bool:
    """Whether a quote reads as a title ("Good Evening With ..."): most of its longer words capitalised."""
    ws = [w for w in re.findall(r"[^\W\d_]+", quote) if len(w) > 3]
    caps = sum(w[:1].isupper() for w in ws)
    return caps >= 2 and caps * 3 >= len(ws) * 2


_LEAD_ADVERBS = frozenset(
    {"never", "also", "again", "later", "then", "once", "still", "meanwhile", "always", "earlier", "first", "often"}
)


def _without_adverb(text: str, a: int, b: int) -> tuple[int, int]:
    """A mention without the adverb the subject scan kept before its verb ("Ruiz never" said)."""
    while True:
        cut = text.rfind(" ", a, b)
        w = text[cut + 1 : b]
        if cut < 0 or not (w in _LEAD_ADVERBS or (w.endswith("ly") and w.islower())):
            return (a, b)
        b = cut


_REPORT_OPENERS = frozenset({"said", "says", "added", "adds", "told", "argued", "argues", "warned", "insisted"})


def _inside_content(att: Attribution, content_end: int) -> bool:
    """Whether an attribution after a mixed quote starts inside the quote's reported content."""
    first = att.mention or att.cue
    return first is not None and first[0] < content_end


def _attribution_tail(text: str, a: int, b: int) -> bool:
    """Whether text[a:b], what follows an attribution to the end of its paragraph, only says
    where or how the words were said (' in an interview on Sunday.'): no other quote, no
    second sentence."""
    tail = text[a:b].strip()
    if tail in ("", "."):
        return True
    return tail.endswith(".") and not any(c in ALL_MARKS or c in ".!?;" for c in tail[:-1])


def _joined(q: RawQuote, nxt: RawQuote, i: int, j: int) -> RawQuote:
    """`q` (raw quote `i`, or quotes joined before) continued by `nxt`, raw quote `j`: one quote
    with both sets of parts."""
    return RawQuote(
        parts=q.parts + nxt.parts,
        open_pos=q.open_pos,
        close_end=nxt.close_end,
        para=q.para,
        members=[*q.members, j] if q.members else [i, j],
    )


def _ends_sentence(text: str, end: int) -> bool:
    """Whether the inner text of a quote ending at end closes a sentence ('... ready.')."""
    while end > 0 and text[end - 1] in ALL_MARKS + "’'":
        end -= 1
    return end > 0 and text[end - 1] in ".!?…"


def _close_after(text: str, pos: int) -> int:
    """Just after the closing mark that follows an inner end."""
    while pos < len(text) and (text[pos].isspace() or text[pos] in ALL_MARKS):
        if text[pos] in ALL_MARKS:
            return pos + 1
        pos += 1
    return pos


class _CallablePackage(types.ModuleType):
    """Once this package is imported, `stance.segment` is the package, not the function, so
    `from stance import segment` hands users the package: calling it segments all the same."""

    def __call__(self, article: Article, *args: object, **kwargs: object) -> list[Quote]:
        return segment(article, *args, **kwargs)  # type: ignore[arg-type]


sys.modules[__name__].__class__ = _CallablePackage
