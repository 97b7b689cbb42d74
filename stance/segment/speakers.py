"""Speaker mentions next to a quote, and the canonical entity each one refers to.

News attribution is formulaic ("...," X said / X said "..." / X said that "..."), so the
mention is found with a few patterns around the cue; the canonical name is found by following
the article back: a surname to the full name introduced earlier, "he" to the last person who
spoke, "the minister" to the last person with that role, "it" or "the report" to the last
organisation. All of it is rule-based and linear in the article length.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from operator import attrgetter, itemgetter
from typing import Any

from stance.segment.cues import (
    GROUP_HEADS,
    LEGAL_FORM_WORDS,
    ONE_HEADS,
    REPORT_HEADS,
    CueMatch,
    cue_strength,
    head_noun_words,
    is_cue,
    iter_cues,
)
from stance.segment.quotes import _TOKEN_BEFORE_DOT, ALL_MARKS, _is_abbrev
from stance.targets import WORD_EDGE, words_pattern

_MARK_SET = frozenset(ALL_MARKS)
PRONOUNS = frozenset({"he", "she", "they", "it", "we", "i"})
PERSON_PRONOUNS = frozenset({"he", "she"})

# Title and role words that precede a name ("Corporate Affairs Minister Tom Hale").
ROLE_WORDS = frozenset(
    """minister ministers secretary president vice premier chancellor governor spokesman
spokeswoman spokesperson representative chairman chairwoman chair director head chief leader senator sen
rep congressman congresswoman ambassador envoy delegate negotiator official officials analyst economist
general gen admiral adm colonel col commander king queen prince princess sheikh ayatollah emir sultan
president-elect mayor judge justice attorney lawyer counsel trader dealer broker stockbroker
investor chartist banker professor prof dr mr mrs ms
deputy under assistant undersecretary commissioner administrator manager executive officer adviser advisor
strategist candidate nominee speaker leader whip aide source sources diplomat diplomats member members
correspondent editor columnist reporter author founder partner president's chief's pope cardinal bishop
rabbi imam lord lady baron dame gov foreign finance trade defence defense interior economy economic
corporate affairs state treasury agriculture energy oil commerce industry central bank affairs top senior
former acting new deputy-director sergeant sgt captain capt lieutenant lt major maj private pvt brigadier
marshal commodore mp mps mep meps msp msps treasurer""".split()
)

# Words that make a capitalised phrase an organisation rather than a person.
ORG_WORDS = frozenset(
    """bank ministry department commission agency administration council committee
congress parliament senate house assembly court party union association institute institution fund
organisation organization office board authority corporation corp company co inc ltd plc group bureau
service services university college center centre club foundation federation league army navy force
forces police government cabinet treasury radio television tv news newspaper times post journal herald
tribune daily gazette press agency brothers securities exchange market markets reserve community
pentagon kremlin delegation embassy mission division study report statement alliance coalition council
system programme program network channel agreement accord treaty pact shimbun""".split()
)

GENERIC_HEADS = frozenset(
    """official officials source sources spokesman spokeswoman spokesperson diplomat
diplomats delegate delegates representative representatives analyst analysts economist economists member
members aide aides negotiator negotiators officer officers executive executives dealer dealers trader traders
broker brokers stockbroker stockbrokers investor investors chartist chartists
banker bankers expert experts observer observers minister""".split()
)

DOC_HEADS = frozenset(
    """statement report study communique letter paper newspaper agency radio television
broadcast release document survey editorial article""".split()
)

# Titles a peer's name keeps in its canonical form ("Lord Janner").
_PEERAGE = frozenset({"lord", "lady", "baroness"})
_TITLES = frozenset(
    {
        "president",
        "minister",
        "secretary",
        "chancellor",
        "premier",
        "governor",
        "senator",
        "sen",
        "rep",
        "gov",
        "mr",
        "mrs",
        "ms",
        "dr",
        "king",
        "prince",
        "general",
        "gen",
        "ambassador",
        "spokesman",
        "spokeswoman",
        "chairman",
        "judge",
        "mayor",
        "ayatollah",
        "sheikh",
    }
) | _PEERAGE
_PARTICLES = frozenset(
    {
        "de",
        "da",
        "dos",
        "das",
        "do",
        "van",
        "von",
        "der",
        "den",
        "bin",
        "ibn",
        "al",
        "el",
        "le",
        "la",
        "del",
        "di",
        "du",
        "ter",
        "abu",
        "abdul",
        "bint",
    }
)
_DETS = frozenset(
    {
        "a",
        "an",
        "the",
        "one",
        "another",
        "two",
        "three",
        "several",
        "some",
        "many",
        "other",
        "most",
        "its",
        "his",
        "her",
        "their",
        "our",
        "this",
        "that",
        "these",
        "those",
        "both",
        "all",
        "each",
    }
)
_NON_NAME_CAPS = frozenset(
    """The A An But And Or If In On At For With From By As Of To It He She They We I This
That These Those There Here When While After Before Since Until Although Though However Meanwhile
Also Earlier Later Today Yesterday Monday Tuesday Wednesday Thursday Friday Saturday Sunday
January February March April May June July August September October November December
Mr Mrs Ms Dr Reuter Reuters Asked Speaking
According Under Over Last Next Both Neither Nor So Yet Still Even Only Such Other Another One Some
Many Most New""".split()
)

_TOKEN_RE = re.compile(r"[A-Z][\w'’.\-]*|[a-z][\w'’\-]*|\d[\w.,]*|[(),]")
# Opening on the capital itself (the word edge is checked behind it) lets the regex engine skip
# to the next capital instead of trying the pattern at every character.
# An optional part is written "(?:x|)", not "(?:x)?", which the regex engine runs as a repeat
# (set up and torn down at every capital); the particles of a name ("de", "van", "al-") are
# tried only before a word that is not capitalised, and by their letters as a trie.
# Every part after a word's letters can match nothing, so the regex engine never has to go back
# into them: the repeats are possessive ("*+"), which keeps no state to go back to. A word
# character is tested as an ASCII letter or digit first (a bitmap) before the Unicode category.
_W = r"[A-Za-z0-9_\w'’\-]"
_CAP_RUN_RE = re.compile(
    r"[A-ZÀ-ÖØ-Þ](?<![A-Za-z0-9_\w'’-].)(?:(?<=S)ir\s+[A-Z]|)" + _W + r"*+(?:\.(?=[A-Z])|)" + _W + r"*+"
    r"(?:\.(?<![a-z]{3}\.)|)"
    r"(?:(?:[ \t]+|\n(?=[A-Za-z]))"
    r"(?:[A-ZÀ-ÖØ-Þ]|(?:d(?:a|as|e|el|er|i|os|u)|v[ao]n|bin|ibn|a(?:l|bu)|el|l[ae])[ \t]+[A-ZÀ-ÖØ-Þ]"
    r"|(?:[ae]l|bin|ibn|abu)-[A-ZÀ-ÖØ-Þ])" + _W + r"*+)*+"
)


# Sort keys in C: the indexes below sort and search lists of persons and of (pos, ...) tuples.
_BY_POS = attrgetter("pos")
_FIRST = itemgetter(0)


@dataclass
class Person:
    name: str
    roles: set[str] = field(default_factory=set)
    pos: int = 0


class _Timeline:
    """Entries keyed by a label and kept sorted by text position, for "the latest X before pos"."""

    __slots__ = ("_pos", "_val")

    def __init__(self) -> None:
        self._pos: dict[Any, list[int]] = {}
        self._val: dict[Any, list[Any]] = {}

    def add(self, key: Any, pos: int, value: Any) -> None:
        ps = self._pos.setdefault(key, [])
        vs = self._val.setdefault(key, [])
        i = bisect.bisect_right(ps, pos)
        ps.insert(i, pos)
        vs.insert(i, value)

    def latest_before(self, key: Any, pos: int) -> tuple[int, Any] | None:
        """The entry with the greatest position < pos (the first added among equal positions)."""
        ps = self._pos.get(key)
        if not ps:
            return None
        i = bisect.bisect_left(ps, pos) - 1
        if i < 0:
            return None
        while i > 0 and ps[i - 1] == ps[i]:
            i -= 1
        return ps[i], self._val[key][i]

    def latest_matching(self, key: Any, pos: int, ok: Callable[[Any], bool]) -> tuple[int, Any] | None:
        """The latest entry before pos whose value passes ok, looking back over at most 20."""
        ps = self._pos.get(key)
        if not ps:
            return None
        i = bisect.bisect_left(ps, pos) - 1
        for j in range(i, max(-1, i - 20), -1):
            if ok(self._val[key][j]):
                return ps[j], self._val[key][j]
        return None



def _latest_within(
    entries: list[tuple[int, str, str]], pos: int, ok: Callable[[str], bool], span: int = 3000
) -> tuple[int, str] | None:
    """The latest (pos, phrase, key) entry before pos, at most span characters back, whose key passes ok."""
    i = bisect.bisect_left(entries, (pos,)) - 1
    while i >= 0 and pos - entries[i][0] < span:
        if ok(entries[i][2]):
            return entries[i][0], entries[i][1]
        i -= 1
    return None


# A sentence's opening clause before its subject: a preposition's or a participle's, up to a comma.
_OPENING_CLAUSE = re.compile(
    r"\s*(?:(?:In|On|At|After|During|Before|Since|Following|Despite|Amid|Under|Without|Asked|Pressed)\s"
    r"|[A-Z][a-z]+ing\s)[^.!?;:\"“”,]{1,160},\s*"
)
# A capitalised word and a lower-case title before the name: "Conservative co-chairman Tom Fox".
_ROLE_AFTER_CAPS = re.compile(r"\s*(?:[A-Z][\w'’\-]*\s+){1,2}((?:[a-z][\w\-]*\s+){1,2})(?=[A-Z])")
# After "Kovac's", a word that makes it "Kovac has" or "Kovac is" ("Kovac's been saying", "Kovac's
# sure that", "Kovac's arguing that"), no possessive.
_CONTRACTED_IS = re.compile(
    r"\s+(?:been|got|not|never|also|always|still|just|already|going|done|had|[a-z]+ing\s+(?:that|to|for|about)\b|"
    r"(?:confident|sure|certain|convinced|right|wrong|happy|pleased|angry|worried|determined|keen|adamant|"
    r"clear|optimistic|hopeful|ready|willing|aware|furious|upset|proud|afraid|concerned|unhappy|glad)\b)"
)
# "In Kovac's view, ...": the owner holds the opinion the sentence gives, and is its source.
_OPINION_OWNED = re.compile(r"\s+(?:view|opinion|mind|eyes|words|estimation|judgment|judgement|account)\b")


@dataclass
class Entities:
    """What the article has introduced so far, in text order, for following it back.

    Lookups go through position indexes (`_Timeline`, per-suffix prefix maxima), so following the
    article back costs O(log n) per mention and the whole article stays near-linear.
    """

    persons: list[Person] = field(default_factory=list)  # every full-name mention, in order
    _last_names: dict[str, int] | None = field(default=None, repr=False)  # last name -> first position
    _roles_by_name: dict[str, set[str]] = field(default_factory=dict, repr=False)
    descriptions: list[tuple[int, str, str]] = field(default_factory=list)  # (pos, "senior ... official", head)
    subject_descriptions: list[tuple[int, str, str]] = field(default_factory=list)  # those before a verb
    doc_sources: list[tuple[int, str]] = field(default_factory=list)  # "the FTC report": (pos, "FTC")
    group_subjects: list[tuple[int, str]] = field(default_factory=list)  # "Western diplomats were ..."
    text: str = field(default="", repr=False)
    is_place: Callable[[str], bool] = field(default=lambda _: False, repr=False)
    _unscanned: tuple[str, Any] | None = field(default=None, repr=False)  # (text, is_place) until scanned
    orgs: list[tuple[int, str]] = field(default_factory=list)  # (position, name) of organisation mentions
    quoted: tuple[list[int], list[int]] = field(default=([], []), repr=False)  # direct quotes' starts, ends
    acronyms: dict[str, str] = field(default_factory=dict)  # "FTC" -> "Federal Trade Commission"
    speakers: list[tuple[int, str, str, set[str]]] = field(
        default_factory=list
    )  # (pos, canonical, type, roles)
    _spk: _Timeline = field(default_factory=_Timeline, repr=False)
    _role_persons: _Timeline | None = field(default=None, repr=False)
    _named: tuple[list[int], list[Person]] | None = field(default=None, repr=False)
    _suffix: dict[tuple[str, ...], tuple[list[int], list[str], list[str | None]]] | None = field(
        default=None, repr=False
    )
    _family: dict[str, tuple[list[int], list[str]]] | None = field(default=None, repr=False)
    _name_roles: dict[str, set[str]] | None = field(default=None, repr=False)
    _person_like: dict[str, bool] = field(default_factory=dict, repr=False)
    _titles: dict[str, set[str]] = field(default_factory=dict, repr=False)  # "Rusnak": {"Mr"}
    _lower: dict[str, bool] = field(default_factory=dict, repr=False)  # _lower_in's answers
    _counts: dict[str, int] = field(default_factory=dict, repr=False)

    def add_speaker(self, pos: int, canon: str, typ: str, roles: set[str]) -> None:
        """Record that `canon` spoke (or was the subject of a speech verb) at pos."""
        bisect.insort(self.speakers, (pos, canon, typ, roles), key=_FIRST)
        self._spk.add(typ, pos, canon)
        for r in roles:
            self._spk.add((typ, r), pos, canon)
        if typ != "person" and not roles.isdisjoint(GENERIC_HEADS):
            # An unnamed official or source, for a later "the official" or "said one".
            self._spk.add("unnamed", pos, canon)
            for r in roles:
                self._spk.add(("unnamed", r), pos, canon)
        if typ != "person":
            # One unnamed person ("a senior official", "the spokeswoman"), whom "he"/"she" may mean.
            for r in roles & _ONE_PERSON:
                self._spk.add(("one", "she" if r in _FEMALE else "he" if r in _MALE else "any"), pos, canon)

    def add_person(self, person: Person) -> None:
        self.persons.append(person)
        self._suffix = None
        self._family = None
        self._role_persons = None
        self._name_roles = None
        self._named = None

    def _suffix_index(self) -> dict[tuple[str, ...], tuple[list[int], list[str], list[str | None]]]:
        """Per name suffix ("Kovac",) / ("Anna", "Kovac"): positions, the best full name up to each
        position (longest, later on ties), and the first longer name anywhere (forward match)."""
        if self._suffix is None:
            idx: dict[tuple[str, ...], tuple[list[int], list[str], list[str | None]]] = {}
            width: dict[tuple[str, ...], int] = {}  # how many words the best name so far has
            for p in sorted(self.persons, key=_BY_POS):
                pt = tuple(p.name.split())
                n = len(pt)
                for k in range(1, n + 1):
                    key = pt[-k:]
                    ent = idx.get(key)
                    if ent is None:
                        ent = idx[key] = ([], [], [None])
                    ps, best, fwd = ent
                    ps.append(p.pos)
                    if not best or n >= width[key]:
                        best.append(p.name)
                        width[key] = n
                    else:
                        best.append(best[-1])
                    if fwd[0] is None and n > k:
                        fwd[0] = p.name
            self._suffix = idx
        return self._suffix

    def full_name(self, toks: tuple[str, ...], limit: int) -> str | None:
        """The longest full name ending with toks introduced at or before limit, else the first
        longer one introduced anywhere."""
        ent = self._suffix_index().get(toks)
        if ent is None:
            return None
        ps, best, fwd = ent
        i = bisect.bisect_right(ps, limit) - 1
        if i >= 0:
            return best[i]
        return fwd[0]

    def family_name(self, tok: str, limit: int) -> str | None:
        """The one name introduced at or before limit that may read family name first and starts
        with tok ("Lee" after "Lee Jong-hwan"); None when none or several do."""
        if self._family is None:
            idx: dict[str, tuple[list[int], list[str]]] = {}
            for p in sorted(self.persons, key=_BY_POS):
                if _family_first(p.name):
                    ps, names = idx.setdefault(p.name.split()[0], ([], []))
                    ps.append(p.pos)
                    names.append(p.name)
            self._family = idx
        ent = self._family.get(tok)
        if ent is None:
            return None
        found = set(ent[1][: bisect.bisect_right(ent[0], limit)])
        return found.pop() if len(found) == 1 else None

    def earlier_full_name(self, tok: str, pos: int, within: int | None = None) -> str | None:
        """The full name a lone surname at pos continues, only if introduced before it (and, with
        `within`, named at most that many characters before it)."""
        ent = self._suffix_index().get((tok,))
        if ent is None:
            return None
        i = bisect.bisect_left(ent[0], pos) - 1
        if i < 0 or (within is not None and pos - ent[0][i] > within):
            return None
        return ent[1][i]

    def later_full_name(self, tok: str, pos: int, pronoun: str | None = None) -> str | None:
        """The full name a lone surname at pos gets only after it: a story about a famous person
        may write "Kovac" for paragraphs before it names "Anna Kovac". Only for a surname a verb
        follows ("Kovac was thrilled"), not a modifier or a place ("the Kovac plant", "Kovac
        Street", "toured Kovac"), and not when the later person's title is of the other sex."""
        ent = self._suffix_index().get((tok,))
        if ent is None or ent[0][0] <= pos or len(ent[1][0].split()) < 2:
            return None
        text = self.text
        if not _LONE_SUBJECT.match(text, pos + len(tok)) or _DETERMINER_BEFORE.search(text, max(0, pos - 5), pos):
            return None
        if re.search(_PLACE_BEFORE + re.escape(tok) + r"\b(?![’']s)", text[:pos]):
            return None
        first = ent[0][0]
        title = _TITLE_AT.match(text, first) or _TITLE_AT.search(text, max(0, first - 6), first)
        if pronoun is not None and title is not None:
            if (pronoun == "he") != (title.group(1) == "Mr"):
                return None
        return ent[1][0]

    def _scan(self) -> None:
        """Descriptions are read only when a mention first needs them: most articles never do."""
        if self._unscanned is not None:
            text, is_place = self._unscanned
            self._unscanned = None
            _scan_descriptions(text, self, is_place)

    def latest_doc_source(self, pos: int) -> tuple[int, str] | None:
        self._scan()
        i = bisect.bisect_left(self.doc_sources, (pos,)) - 1
        return self.doc_sources[i] if i >= 0 else None

    def latest_group_subject(self, pos: int) -> tuple[int, str] | None:
        self._scan()
        i = bisect.bisect_left(self.group_subjects, (pos,)) - 1
        return self.group_subjects[i] if i >= 0 else None

    def latest_description(self, pos: int, head: str) -> tuple[int, str] | None:
        """The latest "a senior Treasury official" before pos with that head noun, as (pos, phrase)."""
        self._scan()
        return _latest_within(self.descriptions, pos, lambda h: h == head)

    def latest_subject_description(self, pos: int, clash: frozenset[str]) -> tuple[int, str] | None:
        """The latest unnamed "an ADB spokesman declined ..." before pos not of the other gender."""
        self._scan()
        return _latest_within(self.subject_descriptions, pos, lambda h: h not in clash)

    def latest_unnamed_with(self, pos: int, head: str, mods: set[str]) -> tuple[int, str] | None:
        """The latest unnamed speaker with that head whose description has all of mods."""
        return self._spk.latest_matching(("unnamed", head), pos, lambda c: mods <= set(c.lower().split()))

    def next_person_with_role(self, pos: int, role: str, within: int) -> str | None:
        """The first person named with that role after pos (within so many characters) whose name
        opens a sentence: the identity a lede's "a British minister" is given next."""
        for p in self.persons:
            if pos < p.pos <= pos + within and role in p.roles:
                before = self.text[max(0, p.pos - 12) : p.pos]
                if _SENTENCE_END_BEFORE.search(before) or not self.text[: p.pos].strip():
                    return p.name
        return None

    def latest_speaker(self, pos: int, typ: str, role: str | None = None) -> tuple[int, str] | None:
        return self._spk.latest_before(typ if role is None else (typ, role), pos)

    def knighted(self, given: str, pos: int) -> str | None:
        """The person last introduced before pos as "Sir <given> <family>" (or "Dame ..."), for a
        later "Sir <given>"."""
        for p in reversed(self.persons):
            ws = p.name.split()
            if p.pos < pos and len(ws) >= 3 and ws[0] in {"Sir", "Dame"} and ws[1] == given:
                return " ".join(ws[1:])
        return None

    def latest_org_named(self, pos: int, fits: Callable[[str], bool], within: int = 3000) -> str | None:
        """The organisation named last before pos, within `within` characters, whose name fits:
        what "the board" or "the newspaper" means when that body has not spoken yet. A name the
        scan cut at "of" gets its rest back ("the Valmont Board of Elections")."""
        i = bisect.bisect_left(self.orgs, pos, key=_FIRST)
        while i > 0:
            i -= 1
            at, name = self.orgs[i]
            if pos - at > within:
                break
            if fits(name):
                end = self.text.find(name, at, at + len(name) + 8)
                tail = _OF_TAIL.match(self.text, end + len(name)) if end >= 0 else None
                return name + _of_tail(tail.group()) if tail else name
        return None

    def _named_index(self) -> tuple[list[int], list[Person]]:
        """The people's positions and mentions, and each name's roles over all its mentions."""
        if self._named is None:
            self._named = ([p.pos for p in self.persons], self.persons)
            roles: dict[str, set[str]] = {}
            for p in self.persons:
                roles.setdefault(p.name, set()).update(p.roles)
            self._roles_by_name = roles
        return self._named

    def latest_person_speaker(self, pos: int, pronoun: str) -> tuple[int, str] | None:
        """The latest person who spoke before pos whom "he"/"she" may mean: not one introduced
        with the other pronoun ("Anna Berg, who said she ..." is no "he"), nor a capitalised run that
        is no person's name, as `fits_pronoun` asks of one named ("the Liberal Democrats", "the
        Czech Republic", which the lexicon's names and the speech verbs make speakers)."""
        self._named_index()
        other = "she" if pronoun == "he" else "he"
        return self._spk.latest_matching(
            "person",
            pos,
            lambda n: not _gender_clash(n, pronoun)
            and self.person_like(n)
            and other not in self._roles_by_name.get(n, ()),
        )

    def fits_pronoun(self, name: str, pronoun: str) -> bool:
        """Whether "he"/"she" may mean what the entity scan took for a person's name: no given
        name of the other sex, and a person, not a thing."""
        return not _gender_clash(name, pronoun) and self.person_like(name)

    def name_tail(self, run: str, pronoun: str | None) -> str | None:
        """The person's name at the end of a run that is no name as a whole: a headline run into
        a byline ("Senate Passes Water Bill Anna Kovac") or a capitalised adverb ("Then Kovac"),
        where the story also names the person without the run's first words."""
        words = run.split()
        last = words[-1]
        if (
            pronoun is None
            or self.person_like(run)
            or _gender_clash(run, pronoun)
            or last.lower().removesuffix("s") in _THING_LAST
            or last in _NON_NAME_CAPS
            or last in _MALE_GIVEN
            or last in _FEMALE_GIVEN
            or last.endswith(("'", "’"))
            or len(last) < 2
            or last.lower().removesuffix("s") in _PARTY_NAMES
        ):
            return None
        for k in range(max(1, len(words) - 2), len(words)):
            tail = " ".join(words[k:])
            if (
                words[k][:1].isupper()
                and words[k] not in _NON_NAME_CAPS
                and self.fits_pronoun(tail, pronoun)
                and self._count(tail) > self._count(run)
            ):
                return tail  # the story names the person so elsewhere too
        return None

    def _count(self, s: str) -> int:
        """How often s occurs in the text, counted once per string."""
        n = self._counts.get(s)
        if n is None:
            n = self._counts[s] = self.text.count(s)
        return n

    def person_like(self, name: str) -> bool:
        """Whether a run of capitals taken for a person's name is one: not a thing ("the Water
        Bill"), a place's district ("Elm Green") or capitalised common words ("Royal Family")
        whose first word the article also writes in lower case; a known given name first keeps
        it a name ("Jack Law", "Bill Hall")."""
        ok = self._person_like.get(name)
        if ok is None:
            words = name.split()
            first = words[0]
            ok = (
                len(words) <= 4
                and not _inside_non_name(words)
                and not _party_word(first)
                and not _party_word(words[-1])
            ) and (
                first in _MALE_GIVEN
                or first in _FEMALE_GIVEN
                or not (words[-1].lower().removesuffix("s") in _THING_LAST or _lower_in(self.text, first))
            )
            self._person_like[name] = ok
        return ok

    def latest_named(
        self, pos: int, clash: frozenset[str], pronoun: str | None = None, addressed: bool = False, floor: int = 0
    ) -> tuple[int, str] | None:
        """The latest person named before pos, in full or by surname ("Kovac said ..." after "Anna
        Kovac"), whose roles share nothing with clash; with a pronoun, one it may mean. With a
        floor, None where that person was named before it: a caller asking about one sentence
        need not have the names before it searched."""
        fits = (lambda n: True) if pronoun is None else (lambda n: self.fits_pronoun(n, pronoun))
        ps, persons = self._named_index()
        i = bisect.bisect_left(ps, pos) - 1
        lo = max(0, pos - 2000, floor)
        text = self.text
        # Where each last name known by then was last written, one backward search each; whether
        # it stands alone there is asked only of the latest, when no full name comes after it:
        # the place a name stands alone is never later than where it was last written.
        surnames = [(k, last) for last in self._lasts(pos, lo) if (k := text.rfind(last, lo, pos)) >= 0]
        while True:
            k, last = max(surnames) if surnames else (-1, "")
            if k < floor and (i < 0 or ps[i] < floor):
                return None  # whoever fits is named before the floor (or no one is)
            if k >= 0 and (i < 0 or ps[i] < k) and not _stands_alone(text, last, k):
                surnames.remove((k, last))  # part of a longer word or name ("Kovac Industries")
                if (prev := text.rfind(last, lo, k)) >= 0:
                    surnames.append((prev, last))
                continue
            if i >= 0 and ps[i] >= k:
                p = persons[i]
                i -= 1
                if pos - p.pos >= 5000:
                    return None
                if pronoun is not None and self._in_quote(p.pos, addressed):
                    continue
                if not any(r.rstrip(".,") in clash for r in p.roles):
                    name = p.name if fits(p.name) else self.name_tail(p.name, pronoun)
                    if name is not None:
                        return p.pos, resolve_name(name, p.pos, self)
                continue
            if k < 0:
                return None
            surnames.remove((k, last))
            if (prev := text.rfind(last, lo, k)) >= 0:
                surnames.append((prev, last))
            full = self.earlier_full_name(last, k) or self.later_full_name(last, k, pronoun)
            if full is None or _OBJECT_BEFORE.search(text, max(0, k - 12), k):
                continue
            if pronoun is not None and self._in_quote(k, addressed):
                continue
            if not any(r.rstrip(".,") in clash for r in self._roles_by_name.get(full, ())):
                name = full if fits(full) else self.name_tail(full, pronoun)
                if name is not None:
                    return k, name

    def _in_quote(self, pos: int, addressed: bool = False) -> bool:
        """Whether pos lies inside a direct quote: a person named in someone's words is rarely the
        "he" of the next attribution ('"... than Tom Berg." / "I think so," he said'). With
        `addressed`, for a pronoun after a later quote, not when the words address or introduce the
        person, who answers next ('"Senator Kovac, will you run?"', '"Please welcome Tom Berg"');
        the host who says them is not that person."""
        starts, ends = self.quoted
        i = bisect.bisect_right(starts, pos) - 1
        if i < 0 or pos >= ends[i]:
            return False
        if not addressed:
            return True
        text = self.text
        if _INTRODUCED.search(text, max(starts[i], pos - 12), pos):
            return False
        run = _CAP_RUN_RE.match(text, pos)
        if run is None or not text.startswith(",", run.end()) or pos - starts[i] > 40:
            return True
        lead = [w.strip("\"“‘'") for w in text[starts[i] : pos].split()]
        return not (len(lead) <= 3 and all(w[:1].isupper() or not w for w in lead))

    def sentence_subject_of(self, found: tuple[int, str], clash: frozenset[str], pronoun: str) -> tuple[int, str]:
        """The person who opens the sentence of the one found, if another fits the pronoun: "he"
        after "Kovac accused Berg of lying." is Kovac, the subject, not Berg, named last."""
        text = self.text
        at = found[0]
        w = max(0, at - 300)
        lo = _sentence_start(text, w, at)
        if lo <= 0 and w > 0 or lo >= at:
            return found  # no sentence start in reach, or the person found opens it
        if _coordinated_subject(text, lo, at):
            return found  # "Berg called the plan "cruel" and Kovac agreed": the last clause's subject
        start = _after_lead_adverbial(text, lo, at)
        first = self.latest_named(start + 1 + _first_name_end(text, start, at), clash, pronoun, floor=lo)
        if first is None and (lead := _OPENING_CLAUSE.match(text, lo, at)) is not None:
            # "During an interview with Radio Kent, Kovac said": the subject follows the clause
            start = lead.end()
            first = self.latest_named(start + 1 + _first_name_end(text, start, at), clash, pronoun, floor=start)
        if first is None and (role := _ROLE_AFTER_CAPS.match(text, start, at)) is not None:
            if all(w.rsplit("-", 1)[-1] in ROLE_WORDS for w in role.group(1).split()):
                # "Conservative co-chairman Tom Fox said": the party is no name, the person after it is
                after = role.end() + 1 + _first_name_end(text, role.end(), at)
                first = self.latest_named(after, clash, pronoun, floor=lo)
        if first is None or first[0] < lo or first[0] >= at or first[1] == found[1]:
            return found
        run = _CAP_RUN_RE.match(text, first[0])
        if (
            run is not None
            and run.group().endswith(("'s", "’s", "s'", "s’"))
            and not _CONTRACTED_IS.match(text, run.end())
            and not (_OPINION_OWNED.match(text, run.end()) and text[lo : first[0]].strip() in {"In", "in"})
        ):
            return found  # "Kovac's plan worried Berg": the plan is the subject, not its owner
        # An adverbial set off by a comma opens the sentence before its subject: "Moments later, Kovac ...".
        head = text[lo : first[0]].rsplit(",", 1)[-1].split()
        if head and head[0].lower() in {"but", "and", "yet", "so"}:
            head = head[1:]
        given = first[1].split()
        while head and head[-1] in given:
            head.pop()  # found at the family name: the given names are no part of the title
        # A title may be long and hold the field of a role ("Fair Deal Trust director Tom Berg").
        if not _role_field(head) and (
            len(head) > 3
            or any(w[:1].islower() and w.lower().rsplit("-", 1)[-1] not in _ROLES_OR_DETS for w in head)
        ):
            return found  # not at the head of the sentence
        return first

    def _lasts(self, pos: int, lo: int = 0) -> list[str]:
        """Last names of the people named before pos; in a story of many people, only those whose
        word stands in text[lo:pos] (asking each of them to search there made it quadratic)."""
        if self._last_names is None:
            # Where each surname is first written: a story may say "Kovac" long before "Anna Kovac".
            self._last_names = {}
            for p in self.persons:
                last = p.name.rsplit(" ", 1)[-1]
                if last not in self._last_names:
                    self._last_names[last] = self.text.find(last, 0, p.pos + len(p.name))
        names = self._last_names
        if len(names) <= _FEW_NAMES:
            return [last for last, first in names.items() if first < pos]
        words = set()
        for m in _NAME_TOKEN.finditer(self.text, lo, pos):
            w = m.group()
            words.update((w, w.removesuffix("'s").removesuffix("’s"), *w.split("-")))
        return [w for w in words if names.get(w, pos) < pos]

    def latest_with_role(self, pos: int, role: str) -> tuple[int, str] | None:
        """The latest person introduced before pos with that role word next to the name."""
        if self._role_persons is None:
            tl = _Timeline()
            for p in self.persons:
                for r in p.roles:
                    tl.add(r, p.pos, p.name)
            self._role_persons = tl
        return self._role_persons.latest_before(role, pos)

    def latest_with_roles(self, pos: int, role: str, mods: set[str]) -> tuple[int, str] | None:
        """The latest person before pos introduced with that role and all of mods in the title
        ("the Saudi minister" after "Saudi Oil Minister X")."""
        if self.latest_with_role(pos, role) is None:
            return None
        if self._name_roles is None:
            roles: dict[str, set[str]] = {}
            for p in self.persons:
                roles.setdefault(p.name, set()).update(r.rstrip(".,") for r in p.roles)
            self._name_roles = roles
        known = self._name_roles
        return self._role_persons.latest_matching(role, pos, lambda n: mods <= known.get(n, set()))


def _clean_name(run: str) -> str:
    return (
        " ".join(run.replace("\n", " ").split()).rstrip(".,")
        if not run.endswith(".") or len(run.split()[-1]) > 3
        else " ".join(run.split())
    )


# Whether a token ends a title by its words alone (a role or organisation word, a possessive),
# remembered per token: names recur from quote to quote and story to story.
_ENDS_PREFIX: dict[str, bool] = {}
_ROLE_OR_ORG_WORDS = ROLE_WORDS | ORG_WORDS


def _strip_role_prefix(tokens: list[str], is_place) -> tuple[list[str], list[str]]:
    """Split 'Corporate Affairs Minister Tom Hale' into roles and the name."""
    last_role = len(tokens) - 1
    while last_role >= 0:  # from the end: only the last role word counts
        t = tokens[last_role]
        ends = _ENDS_PREFIX.get(t)
        if ends is None:
            if len(_ENDS_PREFIX) > 200_000:
                _ENDS_PREFIX.clear()
            tl = t.lower().rstrip(".")
            ends = _ENDS_PREFIX[t] = tl in _ROLE_OR_ORG_WORDS or tl.endswith(("'s", "’s"))
        if ends or is_place(t):
            break
        if t in _TITLE_TAILS and last_role + 1 < len(tokens):
            nxt = tokens[last_role + 1]
            if nxt in _MALE_GIVEN or nxt in _FEMALE_GIVEN:
                break
        last_role -= 1
    return tokens[: last_role + 1], tokens[last_role + 1 :]


# Last words of a title's "of" phrase, which the capitalised run starts with ("Chancellor of the
# Exchequer Ivo Lund"): a title only before a given name, a name's word otherwise
# ("Exchequer Borrowing Requirement").
_TITLE_TAILS = frozenset(("Exchequer", "Realm", "Commons", "Lords"))


# Capitalised words of place names that two-word runs ("Southeast Asia") share with no person.
_GEO_WORDS = frozenset(
    """Asia Asian Southeast Northeast East West North South Eastern Western Northern Southern World Gulf
Europe European America American Africa African Pacific Atlantic Middle Far Near Central Island Islands
Sea Ocean Coast River Valley Street Avenue Road Square City County Province State States Republic Kingdom
Union Bay Canal Mountains Peninsula Third""".split()
)
# The rest of a body's name that the capitalised-run scan cut at "of": "Board" + " of Elections".
_OF_TAIL = re.compile(r"[ \t\n]of(?:[ \t\n]the)?(?:[ \t\n][A-Z][\w'’\-]*){1,3}")


def _of_tail(tail: str) -> str:
    """The "of ..." rest of a body's name, up to a role or a given name that starts the next
    phrase ("Board of Elections Chairman Tom Berg" keeps "of Elections")."""
    words = tail.split()
    k = next(
        (
            i
            for i, w in enumerate(words)
            if i > 1
            and words[i - 1][:1].isupper()
            and w[:1].isupper()
            and (w.lower() in ROLE_WORDS or w in _MALE_GIVEN or w in _FEMALE_GIVEN)
        ),
        len(words),
    )
    kept = words[:k]
    return " " + " ".join(kept) if kept and kept[-1][:1].isupper() else ""
_ACRONYM_HINT = re.compile(r"\([A-Z][A-Z.&\-]+\)")
_ACRONYM_RE = re.compile(
    r"([A-Z][\w'’\-]*(?:\s+(?:of|and|for|on|the|de)?\s*[A-Z][\w'’\-]*)+)\s+\(([A-Z][A-Z.&\-]+)\)"
)


# The characters `_ACRONYM_RE` reads before an acronym's bracket (a word character, an apostrophe,
# a hyphen, white space) from the last other character on: a run that ends where the search ends.
_RUN_TAIL = re.compile(r"(?<![\w'’\s\-])[\w'’\s\-]*+\Z")
_RUN_WINDOW = 256


def _run_start(text: str, end: int, floor: int) -> int:
    """Where the run of characters `_ACRONYM_RE` reads before `end` starts, not before floor: one
    backward look over a window that grows fourfold, so the cost is that of the run itself."""
    width = _RUN_WINDOW
    while True:
        lo = max(floor, end - width)
        m = _RUN_TAIL.search(text, lo, end)
        if m is not None or lo == floor:
            return max(floor, m.start()) if m is not None else floor
        width *= 4


def _acronym_expansions(text: str) -> list[re.Match[str]]:
    """The matches of `_ACRONYM_RE` ("Consumer Safety Agency (CSA)"), as `finditer` finds them.
    Each ends at a bracketed acronym (`_ACRONYM_HINT`), and all it holds before the bracket are
    characters of a run (`_RUN_TAIL`), so it starts after the last other character before the
    bracket: the pattern is searched there, instead of being tried, with its backtracking over
    word gaps, at every capital of the story. That start is found by looking back from the
    bracket, not by stepping back from it in fixed jumps (which ran back to the last match or
    the story's start in prose, where the character before a jump is nearly always a letter)."""
    out: list[re.Match[str]] = []
    done = 0
    for h in _ACRONYM_HINT.finditer(text):
        lo = _run_start(text, h.start(), done)
        m = _ACRONYM_RE.search(text, lo, h.end())
        if m is not None:
            out.append(m)
            done = m.end()
    return out


_RUN_MEMO: dict[Any, dict[str, tuple]] = {}
# The runs of one word (no " ") that `_classify_run` finds name nothing, per place test: passed
# over by one set lookup.
_SKIPPED_WORDS: dict[Any, set[str]] = {}
# A name right after these is an object ("Kovac told Berg that ..."); "he" next is rarely Berg.
_OBJECT_BEFORE = re.compile(words_pattern("told tell tells telling asked urged quoted to with met against") + r"\s+$")
_APPOS_ROLE = re.compile(r",\s+([a-z][^,.;]*)")


_BEFORE_MONTH = frozenset(
    "Throughout During Early Late Mid Each Every Till Until Around Between Following Starting Come Through "
    "Since Before After By In On Last Next This From Into Within".split()
)
# Cue verbs that open a sentence before the speaker's name: "Said Kovac:", "Added Kovac,".
_LEAD_CUES = frozenset(
    "Said Says Added Adds Continued Continues Noted Notes Replied Explained Insisted Concluded".split()
)


def _new_name(toks: list[str]) -> bool:
    """Whether a run opens with "New" as a name's first word ("New York", "New Zealand"), not as
    an adjective before a lower-case word."""
    return toks[0] == "New" and len(toks) > 1 and toks[1][:1].isupper()


def _classify_run(run: str, is_place) -> tuple:
    """What a capitalised run is, from its words alone (so it is worked out once per distinct
    run): ("org", name), ("titled", name, roles), ("person", name, roles) or ("skip",)."""
    toks = run.split()
    while toks and toks[0] in _NON_NAME_CAPS and not _new_name(toks):
        toks = toks[1:]
    if not toks or (toks[-1] in ("May", "June") and toks[0] in _BEFORE_MONTH):
        return ("skip",)  # "Throughout May", "Early June": a time, not a person
    if len(toks) == 1:
        # Most runs are one capitalised word: only an organisation word or an acronym counts.
        t = toks[0]
        if t.lower().rstrip(".") in ORG_WORDS or (t.isupper() and len(t) >= 2 and not is_place(t)):
            return ("org", t)
        return ("skip",)
    # The given-name sets first: most runs start with no known given name.
    place_surname = (toks[-2] in _MALE_GIVEN or toks[-2] in _FEMALE_GIVEN) and _place_surname(toks[-2:], is_place)
    if place_surname:
        roles, name = _strip_role_prefix(toks[:-1], is_place)
        name = [*name, toks[-1]]
    else:
        roles, name = _strip_role_prefix(toks, is_place)
    if len(name) > 2:  # a party word is moved off only before two more words
        roles, name = _party_off(roles, name)
    if not ORG_WORDS.isdisjoint([t.lower().rstrip(".") for t in toks]) and not _titled_by_body(roles, name):
        return ("org", " ".join(t for t in toks))
    name = [t for t in name if not t.endswith(("'s", "’s"))]
    if len(name) == 1 and roles and roles[-1].lower().rstrip(".") in _TITLES and not is_place(name[0]):
        if roles[-1].lower() in _PEERAGE:
            # "Lord Janner", "Lady Gaga": the title is part of the name they go by
            return ("titled", f"{roles[-1]} {name[0].rstrip('.,')}", frozenset(map(str.lower, roles)))
        return ("titled", name[0].rstrip(".,"), frozenset(map(str.lower, roles)))
    if (
        len(name) >= 2
        and (not any(map(str.isupper, name)) or not any(t.isupper() and len(t) > 1 for t in name))
        and _GEO_WORDS.isdisjoint(inner := name[:-1] if place_surname else name)
        and not any(map(is_place, inner))
        and not is_place(" ".join(name))
    ):
        if name[0] == "Sir" or name[0] not in _NON_NAME_CAPS:
            return ("person", " ".join(name).rstrip(".,"), frozenset(map(str.lower, roles)))
        return ("skip",)
    if len(toks) == 1 and toks[0].isupper() and len(toks[0]) >= 2 and not is_place(toks[0]):
        return ("org", toks[0])
    return ("skip",)


def _party_off(roles: list[str], name: list[str]) -> tuple[list[str], list[str]]:
    """The party words before a person's name moved to the roles: "Democrat Ana Kovac", "Lib Dem
    Tom Berg" are what they are, not their names."""
    k = 0
    while len(name) - k > 2 and _party_word(name[k]):
        k += 1
    if k and not any(map(_party_word, name[k:])):
        return [*roles, *name[:k]], name[k:]
    return roles, name


def _place_surname(name: list[str], is_place) -> bool:
    """A known given name before a family name that is also a place or its people ("Bob
    Wellington", "Mike German"); the whole run being a place ("Victoria Falls") still rejects."""
    return (
        (name[0] in _MALE_GIVEN or name[0] in _FEMALE_GIVEN)
        and not is_place(name[0])
        and name[-1] not in _GEO_WORDS
        and is_place(name[-1])
    )


def _titled_by_body(roles: list[str], name: list[str]) -> bool:
    """'Chief Cabinet Secretary Tadashi Nakahara': a body's word inside the title still leaves a
    person, who must be recorded for a later "Nakahara said"; "Cabinet Office" stays a body."""
    title = roles[-1].lower().rstrip(".") if roles else ""
    return (
        title in ROLE_WORDS
        and title not in ORG_WORDS
        and len(name) >= 2
        and not any(t.lower().rstrip(".") in ORG_WORDS for t in name)
    )


_ORG_TAIL = re.compile(r"[ \t\n]+(?:and|&)[ \t\n]+((?:[A-Z][\w'’\-]*[ \t\n]*){2,5})")
_ACRONYM_OPEN = re.compile(r"\b[A-Z][A-Z.&\-]+[ \t\n]*\($")


def _inside_org_name(text: str, start: int, end: int) -> bool:
    """A name-like run that is really part of a longer name: "China International Investment" in
    "... Investment and Trust Corporation", or an acronym's expansion "GATT (General ...)"."""
    if _ACRONYM_OPEN.search(text, max(0, start - 12), start):
        return True
    m = _ORG_TAIL.match(text, end)
    return bool(m) and m.group(1).split()[-1].lower() in ORG_WORDS


# An unnamed person introduced with an indefinite article, whom a later "the official" means.
_DESCRIPTION_RE = re.compile(
    words_pattern("A a An an One one Another another")
    + r"[ \t\n]+((?:(?:[A-Z](?:\.[A-Z])+\.|[\w'’&\-]+)[ \t\n]+){0,5}?"
    r"(" + "|".join(ONE_HEADS) + r"))\Z"
)
# "the Consumer Safety Agency (CSA) study": an organisation's document, which speaks for it.
_DOC_SOURCE_RE = re.compile(
    rf"[Tt]{WORD_EDGE}he[ \t\n]+"
    r"([A-Z][\w'’&\-]*(?:[ \t\n]+(?:of[ \t\n]+|and[ \t\n]+|for[ \t\n]+)?[A-Z][\w'’&\-]*){0,6})"
    r"(?:[ \t\n]+\([A-Z][A-Z.&\-]+\))?[ \t\n]+(?:" + "|".join(REPORT_HEADS) + r")\Z"
)
# A group of unnamed sources as a sentence's subject, whom a later "one said" belongs to.
_GROUP_PHRASE = (
    r"[ \t]*([A-Z][\w.'’\-]*(?:[ \t\n]+[\w.'’\-]+){0,3}?[ \t\n]+(?:" + "|".join(GROUP_HEADS) + r"))\Z"
)
_GROUP_SUBJECT_RE = re.compile(r"(?:(?<=[.!?][ \t\n])|(?<=[.!?][ \t\n]{2})|(?<=\n))" + _GROUP_PHRASE)
_GROUP_SUBJECT_AT_START_RE = re.compile(r"(?:^|(?<=[.!?][ \t\n])|(?<=[.!?][ \t\n]{2})|(?<=\n))" + _GROUP_PHRASE)


# The body an unnamed person works for, after the head noun: "(a spokesman) for the Home Office".
_BODY_AFTER = re.compile(
    r"[ \t\n]+(?:for|of|at|from)[ \t\n]+(?:the[ \t\n]+)?[A-Z][\w'’&\-]*"
    r"(?:[ \t\n]+(?:(?:of|for|and)[ \t\n]+)?[A-Z][\w'’&\-]*){0,5}"
)


def _verb_follows(text: str, pos: int) -> bool:
    nxt = _NEXT_WORD.match(text, pos)
    return nxt is not None and _is_verb_like(nxt.group(1))


# The head nouns (`DESCRIPTION_HEADS`) are found first (a word scan of the letter shape, in the
# cue scan's pass), then the phrase before each one is read from a short window: the full
# patterns over the whole text would cost more than the rest.
def _head_words(text: str) -> list[tuple[int, int]]:
    """Spans of the head nouns (`DESCRIPTION_HEADS`) standing as whole words (`\\b` edges, as a regex would see them).
    The letter shape also reads "Officials" or "official9x" as the word, so the exact spelling
    and the characters at its edges are checked here."""
    out = []
    n = len(text)
    for s, e in head_noun_words(text):
        if (
            not (s and (text[s - 1].isalnum() or text[s - 1] == "_"))
            and not (e < n and (text[e].isalnum() or text[e] == "_"))
        ):
            out.append((s, e))
    return out


def _scan_descriptions(text: str, ents: Entities, is_place) -> None:
    """Unnamed officials, groups of sources and organisations' reports, for "the official",
    "one said" and "it said" later on."""
    for start, end in _head_words(text):
        head = text[start:end]
        lo = max(0, start - 90)
        if lo:
            lo = text.find(" ", lo, start) + 1 or start
        window = text[lo:end]
        if head in ONE_HEADS:
            m = _DESCRIPTION_RE.search(window)
            if m:
                phrase = " ".join(m.group(1).split())
                ents.descriptions.append((lo + m.start(1), phrase, head))
                body = _BODY_AFTER.match(text, end)
                if body is not None and _verb_follows(text, body.end()):
                    # "a spokesman for the Home Office defended ...": the body is who he speaks for
                    desc = f"a {phrase} {' '.join(body.group().split())}"
                    ents.subject_descriptions.append((lo + m.start(1), desc, head))
                elif _verb_follows(text, end):
                    ents.subject_descriptions.append((lo + m.start(1), phrase, head))
        elif head in GROUP_HEADS:
            m = (_GROUP_SUBJECT_AT_START_RE if lo == 0 else _GROUP_SUBJECT_RE).search(window)
            if m and m.group(1).split()[0] not in _NON_NAME_CAPS and _verb_follows(text, end):
                ents.group_subjects.append((lo + m.start(1), " ".join(m.group(1).split())))
        else:
            m = _DOC_SOURCE_RE.search(window)
            if m:
                name = " ".join(m.group(1).split())
                if not is_place(name) and name.split()[0] not in _NON_NAME_CAPS:
                    ents.doc_sources.append((lo + m.start(), name))


_CAP_AFTER = re.compile(r"[ \t]+[A-Z]")
_SENTENCE_END_BEFORE = re.compile(r"[.!?][\"”’']?\s+$")
# A lone surname as its sentence's subject: a verb (or "himself") follows, not a noun or copula
# with a description ("Kovac is a quiet town").
_LONE_SUBJECT = re.compile(r"(?:\s+(?:himself|herself))?\s+(?!(?:is|was)\s+(?:a|an|the)\b)[a-z]")
# A word the story writes after a preposition or a verb of going is a place.
_PLACE_BEFORE = r"\b(?:toured|visited|down|(?:in|at|near)(?=\s+\w+[.,;]))\s+"
_DETERMINER_BEFORE = re.compile(r"\b(?:[Tt]he|[Aa]n?)\s+$")
_TITLE_AT = re.compile(r"\b(Mr|Mrs|Ms|Miss)\.?\s+(?=[A-Z])")
_NEXT_WORD = re.compile(r"[ \t\n]+([a-z]+)\b")


def build_entities(text: str, is_place) -> Entities:
    """Scan capitalised runs once: people (two or more name tokens), organisations and acronyms."""
    ents = Entities()
    for m in _acronym_expansions(text):
        full = " ".join(m.group(1).split())
        ents.acronyms[m.group(2)] = full
    if len(_RUN_MEMO) > 8:
        _RUN_MEMO.clear()
        _SKIPPED_WORDS.clear()
    memo = _RUN_MEMO.setdefault(is_place, {})
    skipped = _SKIPPED_WORDS.setdefault(is_place, set())
    if len(memo) > 200_000:
        memo.clear()
        skipped.clear()
    ents._unscanned = (text, is_place)
    ents.is_place = is_place
    ents.text = text
    known = memo.get
    # A fresh Entities holds no index `add_person` would have to drop: the persons go straight in.
    persons = ents.persons
    for m in _CAP_RUN_RE.finditer(text):
        run = m[0]
        if run in skipped:
            continue  # most runs: one capitalised word ("The", "But"), known to name nothing
        if len(run) > _MAX_NAME_WORDS and run not in memo and run.count(" ") + run.count("\n") >= _MAX_NAME_WORDS:
            continue  # a headline in title case or a list of names, not one name: and every
            # suffix of a run is indexed, so a long one would cost memory by its square. (A run
            # as short as the bound holds fewer gaps; one the memo knows passed here before.)
        start, end = m.span()
        first, _, rest = run.partition(" ")
        if rest and first in _LEAD_CUES and text[end : end + 1] in (":", ","):
            run, start = rest, start + len(first) + 1  # "Said Kovac:": the cue is no given name
        hit = known(run)
        if hit is None:
            hit = memo[run] = _classify_run(run, is_place)
        kind = hit[0]
        if kind == "skip":
            if " " not in run:
                skipped.add(run)
            continue
        if kind == "org":
            ents.orgs.append((start, hit[1]))
            continue
        if (
            "and" in text[end : end + 6] or "&" in text[end : end + 3] or "(" in text[start - 3 : start]
        ) and _inside_org_name(text, start, end):
            continue
        if kind == "titled":
            persons.append(Person(hit[1], set(hit[2]), start))
            continue
        rset = set(hit[2])
        for w in reversed(text[max(0, start - 40) : start].split()[-3:]):
            # Role words right before the name; "The prince later met Vice President X" gives X none.
            w = w.lower().strip(",")
            if w not in ROLE_WORDS and w not in _DETS:
                break
            rset.add(w)
        am = _APPOS_ROLE.match(text, end, end + 80) if text[end : end + 1] == "," else None
        if am:
            rset |= _appositive_roles(am.group(1))
        persons.append(Person(hit[1], rset, start))
    return ents


def _appositive_roles(appos: str) -> set[str]:
    """What an apposition after a name tells of the person: all its words for "X, a spokeswoman
    for ...". A relative clause holds no role, only the sex of its first "he"/"she" when no other
    name comes before it ("X, who said she ..."; in "X, who knew Berg as he rose" it is Berg's, and
    "close to her" is someone else's)."""
    words = appos.split()
    if words[0] not in _RELATIVE_WORDS:
        return set(appos.lower().split())
    for w in words[1:]:
        if w[:1].isupper():
            break
        if w in PERSON_PRONOUNS:
            return {w}
    return set()


_ROLES_OR_DETS = ROLE_WORDS | _DETS
_INTRODUCED = re.compile(r"\b(?:welcome|introduce|thank you,?)\s+$", re.I)
_MAX_NAME_WORDS = 12


_LEAD_ADVERBIAL = re.compile(r"\s*([A-Z][\w’'\-]*)((?: [\w’'\-]+){1,4}),\s")
_ADVERBIAL_OPENERS = frozenset({"on", "in", "at", "after", "during", "by", "since", "last", "earlier", "later"})


def _after_lead_adverbial(text: str, lo: int, hi: int) -> int:
    """Where the subject may start in a sentence that opens at lo with an adverbial set off by a
    comma ("Moments later, Kovac ...", "On Monday, Kovac ..."); lo where there is none. A lead of
    capitalised words alone is a name ("Jan Kovac, a senator, ..."), not an adverbial."""
    m = _LEAD_ADVERBIAL.match(text, lo, hi)
    if m is None:
        return lo
    rest = m.group(2).split()
    if m.group(1).lower() in _ADVERBIAL_OPENERS or any(not w[:1].isupper() for w in rest):
        return m.end()
    return lo


def _paragraph_break(text: str, nl: int) -> bool:
    """Whether the line break at nl ends a paragraph or a sentence, not a line of hard-wrapped
    text (a long line cut at a space, "... said today President\nReagan must ..."): a blank or
    indented line follows, sentence punctuation (or nothing) comes before, or the line or the one
    after it is not of a print width (a headline, a byline, an unwrapped paragraph)."""
    if text[nl + 1 : nl + 2] in ("\n", " ", "\t", ""):
        return True
    before = text[max(0, nl - 3) : nl].rstrip()
    if not before or before[-1] in ".!?:\"”’'":
        return True
    # Wrapped lines are of a print width; a shorter line is a headline, a longer one a paragraph.
    if not 50 <= nl - text.rfind("\n", max(0, nl - 90), nl) <= 85:
        return True
    # So is the next line in wrapped text: a headline of that width before an unwrapped paragraph
    # ("Minister Tom Berg quits after long row over rural hospital closures\nThe premier ...") ends.
    return text.find("\n", nl + 1, nl + 88) < 0 and len(text) - nl > 88


# Abbreviations that may end a sentence ("moved to the U.S.", "lives on Main St.", "Acme Inc."),
# unlike titles ("Dr.", "Gov."), which a name always follows.
_FINAL_ABBREVS = frozenset("inc ltd co corp bros plc jr sr st etc".split())
# Capitalised words that open a sentence, never a name after an abbreviation ("U.S. Senate").
_SENTENCE_OPENERS = frozenset(
    """The A An He She It They We I His Her Its Their This That These Those There But And Yet So
In On At After Before When While If As Meanwhile However""".split()
)


def _abbrev_goes_on(text: str, dot: int) -> bool:
    """Whether the full stop at dot ends an abbreviation inside its sentence. After "U.S.", "St."
    or "Inc." a word that opens sentences ("The", "He") starts a new one, and after "U.S." or
    "Inc." so does a given name ("moved to the U.S. Peter Kovac stayed"; but "St. Peter")."""
    if not _is_abbrev(text, dot):
        return False
    tok = _TOKEN_BEFORE_DOT.search(text, max(0, dot - 7), dot)
    word = text[tok.start() : dot].lower() if tok else ""
    if "." not in word and word not in _FINAL_ABBREVS:
        return True
    j = dot + 1
    while j < len(text) and text[j] in " \xa0":
        j += 1
    k = j
    while k < len(text) and text[k].isalpha():
        k += 1
    nxt = text[j:k]
    if nxt in _SENTENCE_OPENERS:
        return False
    if not (nxt in _MALE_GIVEN or nxt in _FEMALE_GIVEN):
        return True
    return word == "st" and not _street_then_person(text, tok.start() if tok else dot, k)


# "Main St. Peter Kovac visited": a street's "St." (after a capitalised name) before a person's
# given and family name and a lower-case word; "St. Peter's", "East St. Louis" go on.
_NAME_BEFORE_ST = re.compile(r"[A-Z][a-z]+\s+$")
_FAMILY_THEN_LOWER = re.compile(r"\s+[A-Z][a-z]+(?:-[A-Z][a-z]+)?\s+[a-z]")


def _street_then_person(text: str, st: int, given_end: int) -> bool:
    """Whether "St." at st names a street and the given name ending at given_end opens a
    person's full name as a new sentence's subject."""
    return bool(_NAME_BEFORE_ST.search(text, max(0, st - 20), st)) and bool(
        _FAMILY_THEN_LOWER.match(text, given_end)
    )


def _sentence_start(text: str, w: int, at: int) -> int:
    """Where the sentence holding `at` opens, looking back no further than w (0 if it opens before
    w): after a full stop that ends no abbreviation ("Dr. Kovac" goes on), a line break, or a quote
    mark that closes or opens a sentence ('"...," Kovac said', '. "...'); the marks of a phrase
    quoted inside the sentence ('a "cruel" plan') are no boundary."""
    dot = max(text.rfind(". ", w, at), text.rfind(".\xa0", w, at))
    while dot >= 0 and _abbrev_goes_on(text, dot):
        dot = max(text.rfind(". ", w, dot), text.rfind(".\xa0", w, dot))
    nl = text.rfind("\n", w, at)
    while nl > dot and not _paragraph_break(text, nl):
        nl = text.rfind("\n", w, nl)  # a line of hard-wrapped text goes on
    lo = max(dot, nl)
    for mark in ("“", '"', "”"):
        i = text.rfind(mark, max(lo, w), at)
        while i > lo:
            before = text[max(w, i - 3) : i].rstrip(" ")
            if not before or before[-1] in ".!?,:;\n":
                lo = i
                break
            i = text.rfind(mark, max(lo, w), i)
    return lo + 1


# Lower-case words of a title after a capitalised run, then the name: "Tory party press chief Tom Berg".
_TITLE_THEN_NAME = re.compile(r"((?:\s+[a-z][\w\-]*){1,3})(?:\s+[A-Z][\w'’.\-]*)+")


def _coordinated_subject(text: str, lo: int, at: int) -> bool:
    """Whether the name at `at` opens a clause joined by "and"/"but" to its sentence (opened at
    lo) as its subject: "Tom Berg called it "cruel" and Peter Kovac agreed"."""
    start = at
    for _ in range(3):  # found at the family name: back over the given names
        word = text[max(lo, start - 20) : start].rstrip(" ").rsplit(" ", 1)[-1]
        if not (word[:1].isupper() and word.isalpha()) or word in _SENTENCE_OPENERS:
            break
        start = text.rfind(word, lo, start)
    before = text[max(lo, start - 30) : start]
    if not before.endswith((" and ", " but ")):
        return False
    last = before.rsplit(" ", 3)[-3].strip("\"“”’'")
    if last[:1].isupper():
        return False  # names joined as one subject or object: "Reagan and Trump have", "Khizr and Anna Khan"
    run = _CAP_RUN_RE.match(text, at)
    if run is None:
        return False
    nxt = text[run.end() : run.end() + 30].split()
    return bool(nxt) and _is_finite(nxt[0].strip(",.;:"))


def _role_field(words: list[str]) -> bool:
    """Whether words before a name are its title ("Tory leader", "Former party press chief", "Fair
    Deal Trust director"): a role word last (no mere "Mr"), at most six words, at most two of them
    lower-case other than roles, and no function word, pronoun, verb or adverb among them
    ("It was no good Mr", "told committee chairman" are clauses)."""
    if not words or len(words) > 6 or words[-1].lower() not in ROLE_WORDS or words[-1].lower() in _HONORIFICS:
        return False
    lower = [w for w in words if w[:1].islower()]
    return sum(w not in ROLE_WORDS for w in lower) <= 2 and not any(
        w.lower() in _FUNCTION_WORDS or w.lower() in PRONOUNS or _is_finite(w) or _is_adverb(w) for w in lower
    )


def _first_name_end(text: str, lo: int, hi: int) -> int:
    """Offset from lo just past the first capitalised run after lo (before hi)."""
    m = _CAP_RUN_RE.search(text, lo, hi)
    if m is None:
        return 0
    k = m.start()
    while m is not None and m.group().split()[0] in _NON_NAME_CAPS and m.end() < hi:
        if all(w in _NON_NAME_CAPS for w in m.group().split()[1:2]):
            m = _CAP_RUN_RE.search(text, m.end(), hi)
        else:
            break  # "But Kovac": a name after the sentence's opening word
    if m is None:
        return k - lo
    end = m.end()
    while end < hi:
        # A title cut off by its abbreviation's stop ("Norland Gov. Tom Berg") or a lower-case role
        # ("Tory leader Tom Berg") runs on to the name after it.
        if text.startswith(". ", end) and _abbrev_goes_on(text, end) and (nxt := _CAP_RUN_RE.match(text, end + 2)):
            end = nxt.end()
        elif (
            text.startswith(". ", end)
            and _abbrev_goes_on(text, end)
            and (rm := _TITLE_THEN_NAME.match(text, end + 1, hi)) is not None
            and _role_field(rm.group(1).split())
        ):
            end = rm.end()  # "Acme Inc. chief Tom Berg": a company's abbreviation, then the role
        elif (rm := _TITLE_THEN_NAME.match(text, end, hi)) is not None and _role_field(rm.group(1).split()):
            end = rm.end()
        else:
            break
    return end - lo


def _lower_in(text: str, word: str) -> bool:
    """Whether the text has the word in lower case, standing alone."""
    low = word.lower()
    i = text.find(low)
    while i >= 0:
        j = i + len(low)
        if (i == 0 or not text[i - 1].isalpha()) and (j == len(text) or not text[j].isalpha()):
            return True
        i = text.find(low, j)
    return False


_FEW_NAMES = 64
# Searched-for patterns open with a character class, not a repeat, a lookbehind or \b ("[x][x]*",
# not "[x]+"): the regex engine skips to where a match can start instead of trying every position.
_NAME_TOKEN = re.compile(r"[\w'’\-][\w'’\-]*")


def _stands_alone(text: str, last: str, i: int) -> bool:
    """Whether `last`, written at i, stands alone as a word, not followed by another capitalised
    word ("Kovac Industries")."""
    j = i + len(last)
    return (
        (i == 0 or not (text[i - 1].isalnum() or text[i - 1] in "'’-"))
        and (j == len(text) or not (text[j].isalnum() or text[j] == "-"))
        and not _CAP_AFTER.match(text, j)
    )


def resolve_name(name: str, pos: int, ents: Entities) -> str:
    """Surname or partial name -> the latest full name introduced before pos that ends with it,
    else the one family-name-first name that starts with it."""
    toks = tuple(name.split())
    if not toks:
        return name
    limit = pos + len(name) + 5
    full = ents.full_name(toks, limit)
    if full is None and len(toks) == 1:
        # East Asian names are written family name first and shortened to it: "Lu Hanwen" -> "Lu".
        full = ents.family_name(toks[0], limit)
    return full or name


def _family_first(name: str) -> bool:
    """Whether a name may read family name first: two tokens ("Lu Hanwen"), or a hyphenated given
    name second ("Lee Jong-hwan"); longer Western names ("Anna Maria Kovac") are not shortened so."""
    toks = name.split()
    return len(toks) == 2 or (len(toks) > 2 and "-" in toks[1])


def _latest_person(pos: int, ents: Entities, role: str | None = None) -> str | None:
    best = ents.latest_speaker(pos, "person", role)
    if role:
        p = ents.latest_with_role(pos, role)
        if p is not None and (best is None or p[0] > best[0]):
            best = p
    return best[1] if best else None


_ONE_PERSON = frozenset(
    """official source spokesman spokeswoman spokesperson diplomat delegate representative analyst
economist member aide negotiator officer executive dealer trader broker stockbroker investor chartist banker
expert observer minister he she""".split()
)
_FEMALE = frozenset({"mrs", "ms", "miss", "madam", "lady", "dame", "queen", "princess", "spokeswoman",
                     "chairwoman", "congresswoman", "businesswoman", "she", "her"})
_MALE = frozenset({"mr", "sir", "lord", "king", "prince", "spokesman", "chairman", "congressman",
                   "businessman", "he", "his", "him"})


# Given names that mark a man or a woman, for "he"/"she" (international; names given to both, such
# as Jean, Andrea, Nicola, Kim or Robin, are left out).
_MALE_GIVEN = frozenset(
    """Aaron Abdul Abdullah Adam Adrian Ahmed Alan Alastair Albert Alberto Alejandro Aleksandr Alessandro
Alexander Alexandre Alexei Alfred Ali Alistair Allan Alun Amir Anatoly Andreas Andrei Andres Andrew Andy
Angus Anthony Antonio Arnold Arthur Barack Barry Ben Benjamin Bernard Bernie Bill Billy Bob Boris Brendan
Brian Bruce Bryan Carl Carlos Charles Charlie Chuck Clive Colin Craig Damian Dan Daniel Danny Darren Dave David
Denis Dennis Derek Des Dick Dieter Dmitry Dominic Don Donald Doug Douglas Duncan Ed Eddie Edward Edwin
Emmanuel Enrique Eric Ernest Eugene Evan Fernando Francesco Francis Francisco Frank Franz Fred Frederick
Gareth Gary Gavin Geoff Geoffrey George Gerald Gerhard Giuseppe Glenn Glyn Gordon Graham Greg Gregory
Guido Hamid Hans Harold Harry Hassan Heinrich Helmut Henry Herbert Howard Hugh Hugo Iain Ian Igor Ivan
Jack Jacob Jacques Jake James Javier Jeb Jeff Jeffrey Jeremy Jerry Jim Jimmy Joe Joel Johann
John Johnny Jonathan Jorge Jose Joseph Juan Julian Karl Keith Ken Kenneth Kevin Klaus Larry Lawrence
Leo Leonard Liam Lord Luca Luis Malcolm Marco Marcus Mario Mark Martin Matt Matthew Max Menzies
Michael Miguel Mike Mikhail Mitch Mohamed Mohammed Muhammad Neil Nicholas Nick Nigel Nikolai Norman
Oleg Oliver Omar Oscar Owen Pablo Patrick Paul Pedro Pete Peter Phil Philip Philippe Pierre Rafael
Ralph Ramon Randy Raymond Reza Ricardo Richard Rick Rob Robert Roberto Rodney Roger Ron Ronald Rory
Roy Rupert Russell Ryan Samuel Scott Sean Sergei Sergio Seumas Simon Sir Stanley Stefan Stephen
Steve Steven Stuart Ted Terence Thomas Tim Timothy Tom Tommy Tony Trevor Vaclav Victor Viktor Vince
Vincent Vladimir Walter Wayne Wolfgang Yuri William Willie Yasser""".split()
)
_FEMALE_GIVEN = frozenset(
    """Abigail Ada Adriana Agnes Alice Alicia Alison Amanda Amber Amy Ana Anastasia Angela Angelina Anita
Ann Anna Anne Annette Antonia Barbara Baroness Beatrice Beatriz Betty Beverley Brenda Bridget Camilla
Carla Carmen Carol Caroline Catherine Cathy Cecilia Charlotte Cherie Cheryl Christina Christine Claire
Clare Claudia Condoleezza Cristina Cynthia Dame Daniela Debbie Deborah Denise Diana Diane Donna Doris
Dorothy Edith Elaine Eleanor Elena Elisabeth Elizabeth Ellen Emily Emma Erica Estelle Eva Fatima Fiona
Florence Frances Gabriela Gillian Gisela Gloria Hannah Harriet Hazel Heather Helen Helena Hillary
Ingrid Irene Isabel Isabella Jacqueline Jane Janet Janice Jennifer Jessica Jill Joan Joanna Josephine
Joyce Judith Judy Julia Julie Karen Kate Katherine Kathleen Kathryn Katie Kirsty Laura Lauren Leah Linda
Lisa Liz Lorraine Louise Lucy Lynne Madeleine Maggie Margaret Maria Marie Marilyn Marina Marion Martha
Mary Maureen Megan Melanie Melissa Michelle Monica Nadia Nancy Natalia Natalie Natasha Nina Olga Patricia
Paula Pauline Rachel Rebecca Rosa Rosemary Ruth Sally Samantha Sandra Sara Sarah Sharon Sheila Shirley
Silvia Sonia Sophie Stephanie Sue Susan Suzanne Svetlana Sylvia Tessa Theresa Tina Valerie Vanessa
Victoria Virginia Wendy Yvette Yvonne Zoe""".split()
)
# Last words of capitalised runs that name a thing or a place, not a person ("the Water Bill", "the
# Harbour Trust"); only tested on runs whose first word is no known given name ("Jack Law" stays).
_THING_LAST = frozenset(
    """act bill law treaty agreement amendment plan programme scheme strategy initiative campaign movement
inquiry review trust fund temple church cathedral mosque abbey palace castle hall centre stadium arena dome
tower bridge airport station hospital school family republic kingdom controls crime order charter
convention summit conference day week year prize award cup games trophy green park heath common arrangement
war line road street square beach rights right satan standard fibre controls control game""".split()
)
# Party members' names, which a capitalised run may end with ("Many Republicans").
_PARTY_NAMES = frozenset(
    "republican democrat dem tory tories liberal conservative socialist communist nationalist labour lib gop".split()
)
# Words that never stand inside a person's name after its first word ("Lagos Tuesday", "G8. He").
_INSIDE_NON_NAME = _NON_NAME_CAPS - {"May", "June"}


def _party_word(word: str) -> bool:
    """A party member's name ("Democrat", "Tories", "Dem", "Dems'"), which opens or ends no person's name."""
    w = word.lower().rstrip("'’")
    return w in _PARTY_NAMES or w.removesuffix("s") in _PARTY_NAMES


def _inside_non_name(words: list[str]) -> bool:
    """Whether a word after the first cannot stand inside a name: "He", "Tuesday", a possessive."""
    return any(w in _INSIDE_NON_NAME or w.endswith(("'", "’")) for w in words[1:])


def _gender_clash(name: str, pronoun: str) -> bool:
    """Whether a word before the family name is a given name (or title) of the sex the pronoun
    is not ("Staff Chief Anna Kovac" is a woman too)."""
    other = _FEMALE_GIVEN if pronoun == "he" else _MALE_GIVEN if pronoun == "she" else ()
    words = name.split()
    return any(w in other for w in words[:-1] or words)


# A participle's clause fronted before the subject: "Commenting on Kovac's case, he said",
# "Asked about Kovac, she replied"; it has no subject of its own.
_FRONTED_PARTICIPLE = re.compile(
    r"\s*(?:[A-Z][a-z]+ing|Asked|Pressed|Questioned|Challenged|Quizzed)\s[^.!?;:\"“”]{0,200},\s*$"
)


def _before_fronted_participle(text: str, pos: int, ss: int) -> int:
    """Where to look back from for a pronoun's person: before its own sentence when the pronoun
    follows a fronted participle's clause, which names someone else ("Commenting on Kovac's case,
    he said" is never Kovac: news would name him), else the pronoun itself. So too for a pronoun
    after a quote (pos at its opening mark) that goes on a sentence naming someone before it:
    "Kovac's plan was "cruel", he said" and "The bill Kovac wrote is "dead", he said" would have
    said "his" and "he wrote" had Kovac spoken."""
    w = max(0, pos - 300)
    if ss >= pos or (ss <= w and w > 0):
        return pos
    if _FRONTED_PARTICIPLE.match(text, ss, pos):
        return ss
    if (
        text[pos : pos + 1] in _OPEN_MARKS
        and text[ss:pos].rstrip()[-1:].isalpha()
        and _names_only_dependents(text, ss, pos)
    ):
        return ss  # the quote goes on the sentence; not '"Kovac said: "..."', which names its speaker
    return pos


_OPEN_MARKS = frozenset("\"“‘'")
_NAME_RUN = re.compile(r"[A-Z][\w'’\-]*(?:\s+[A-Z][\w'’\-]*)*")
_CLAUSE_BREAK = re.compile(r"[?!;–—]|\s-\s|,\s+(?:and|but|while|as)\s")


def _names_only_dependents(text: str, ss: int, pos: int) -> bool:
    """Whether the sentence before a quote names people only as a possessive or after "by"
    ("Kovac's plan", "drafted by Lord Pelling"), where a speaker would have said "his"; not a name
    as subject ("Mr Kovac, 62, was "shocked", he said"), and not across "?", "!", ";", a dash or a
    joined clause, where the named one may well be "he"."""
    if _CLAUSE_BREAK.search(text, ss, pos):
        return False
    seen = False
    for m in _NAME_RUN.finditer(text, ss, pos):
        run = m.group()
        if run in _NON_NAME_CAPS or run in _SENTENCE_OPENERS:
            continue
        if run.endswith(("'s", "’s")) or text[max(ss, m.start() - 3) : m.start()] == "by ":
            seen = True
            continue
        return False
    return seen


# A sentence whose subject is the pronoun itself: "She appeared to imply that ...".
_SAME_PRONOUN = {
    p: re.compile(r"\s*(?:(?:But|And|Yet|So|Still)\s+)?" + p.title() + r"\s+(?:[a-z]+ly\s+)?[a-z]+[^\w'’]")
    for p in ("he", "she")
}


def _pronoun_person(
    pos: int, ents: Entities, pronoun: str, canon_org=None, is_place=None, depth: int = 0
) -> tuple[str | None, str]:
    """'he'/'she': the most recent person before pos who spoke or was named in full, skipping
    people whose title or pronouns mark the other gender; an unnamed official who spoke since
    ("the official said ... he added") counts too, as the group he speaks for. Where the sentence
    naming that person opens with the same pronoun ("She said Holt would lose to Berg"), the
    pronoun goes on meaning whom that one meant."""
    clash = _FEMALE if pronoun == "he" else _MALE
    best = ents.latest_person_speaker(pos, pronoun)
    text = ents.text
    ss = _sentence_start(text, max(0, pos - 300), pos)
    named = found = ents.latest_named(_before_fronted_participle(text, pos, ss), clash, pronoun, addressed=True)
    lo_found = -1
    if named is not None:
        named = ents.sentence_subject_of(named, clash, pronoun)
        lo = _sentence_start(ents.text, max(0, named[0] - 300), named[0])
        if named is found:
            lo_found = lo
        if (
            named is found
            and best is not None
            and lo <= best[0] < named[0]
            and not _coordinated_subject(ents.text, lo, named[0])
            and not _later_clause_subject(text, best[0], named[0])
        ):
            # '"...," said Berg, who backed Kovac. "...," he said': the one who spoke in the
            # sentence, not someone named after him in it
            named = best
        if depth < 2 and 0 < lo < named[0] and _SAME_PRONOUN[pronoun].match(ents.text, lo, named[0]):
            prior = _pronoun_person(lo, ents, pronoun, canon_org, is_place, depth + 1)
            if prior[0] is not None and prior[1] == "person":
                named = (lo, prior[0])
    floor = -1 if best is None else best[0]
    bare = None if floor >= ss else _bare_subject(ents, pos, ss, pronoun, canon_org, floor)
    if bare is not None and (
        named is None
        or bare[2] > named[0]
        or named is found
        and bare[0] >= lo_found
        and not _later_clause_subject(text, bare[0], named[0])
    ):
        # "Rusnak conceded that his ballot was strategic. "...," he said": a story may never write a
        # well-known politician's full name.
        named = bare[:2]
    if named is not None and (best is None or named[0] > best[0]):
        best = named
    one = max(
        (x for x in (ents.latest_speaker(pos, "one", "any"), ents.latest_speaker(pos, "one", pronoun)) if x),
        default=None,
        key=lambda x: x[0],
    )
    desc = ents.latest_subject_description(pos, _FEMALE if pronoun == "he" else _MALE)
    if desc is not None and (one is None or desc[0] > one[0]) and canon_org is not None:
        canon, typ = canonical_speaker(desc[1], desc[0], ents, canon_org, is_place)
        if canon and typ != "person":
            one = (desc[0], canon)
    if one is not None and (best is None or one[0] > best[0]):
        return one[1], "group"
    return (best[1] if best else None), "person"


# A sentence opening with one capitalised word before its verb: "Varga openly admitted", "But Mr Varga said".
_BARE_HEAD = re.compile(
    r"\s*(?:(?:But|And|Yet|So|Still)\s+)?(?:(Mr|Mrs|Ms|Dr|Sen|Gov|Rep)\.?\s+)?"
    r"([A-Z][a-z]+(?:-[A-Z][a-z]+)?)(?![\w'’.\-])\s+"
    r"(?:(?:[a-z]+ly|also|then|again|later|never|now|still|too)\s+)*([a-z]+(?:n[’']t)?)\b"
)
_BARE_OPEN = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZ")


# The subject's own pronoun later in its sentence, where no one else could be meant: "Varga
# admitted that his vote ...", "Varga blamed himself". Not "him" or "her" as an object, which is
# never the subject ("Velox hired him"), nor "his" right after the verb ("Velox suspended his account").
_OWN_PRONOUN = {"he": re.compile(r"\bthat\s+his\b|\bhimself\b"), "she": re.compile(r"\bthat\s+her\b|\bherself\b")}
_TITLE_BEFORE = re.compile(
    r"\b(Mr|Mrs|Ms|Dr|Sen|Gov|Rep|Senator|Governor|President|Minister|Congressman|Congresswoman)\.?\s+\Z"
)


def _titles_of(ents: Entities, word: str) -> set[str]:
    """The person's titles the story writes before the word anywhere ("Mr Rusnak", "Sen. Rusnak"),
    remembered per word."""
    titles = ents._titles.get(word)
    if titles is None:
        titles = ents._titles[word] = set()
        text = ents.text
        i = text.find(word)
        while i >= 0:
            m = _TITLE_BEFORE.search(text, max(0, i - 16), i)
            if m is not None and not text[i + len(word) : i + len(word) + 1].isalnum():
                titles.add(m.group(1))
            i = text.find(word, i + len(word))
    return titles


def _lower_in_story(ents: Entities, word: str) -> bool:
    """_lower_in on the story, remembered per word."""
    low = ents._lower.get(word)
    if low is None:
        low = ents._lower[word] = _lower_in(ents.text, word)
    return low


def _later_clause_subject(text: str, frm: int, at: int) -> bool:
    """Whether the name at `at` is the subject of a clause or sentence of its own after frm:
    after ";", "?", "!" or a full stop that ends no title ("... of Velox Inc. Kovac disagreed"), or
    before its own finite verb ('"...," said Berg, but Kovac disagreed')."""
    if _CLAUSE_AFTER.search(text, frm, at):
        return True
    run = _CAP_RUN_RE.match(text, at)
    if run is None:
        return False
    nxt = text[run.end() : run.end() + 40].split()
    if nxt and nxt[0].endswith("ly") and len(nxt) > 1:
        nxt = nxt[1:]
    return bool(nxt) and _is_finite(nxt[0].strip(",.;:"))


_CLAUSE_AFTER = re.compile(
    r"[;?!]|(?<!\bMr)(?<!\bMs)(?<!\bDr)(?<!\bSt)(?<!\bMrs)(?<!\bSen)(?<!\bGov)(?<!\bRep)\.\s+[A-Z]"
)
_GROUP_CAPS = frozenset("People Police Everyone Everybody Nobody Someone Somebody Voters Critics Officials".split())


def _bare_subject(
    ents: Entities, pos: int, ss: int, pronoun: str, canon_org=None, floor: int = -1
) -> tuple[int, str, int] | None:
    """The person a lone capitalised word opening the pronoun's sentence (opened at ss), or the
    one before it, names as its subject ("Varga openly admitted ..."): a person for "he" even where
    the story never writes the full name. Not a place, body, party, role or word the story also
    writes in lower case, nor a plural or given name no full name explains ("Critics said", "Jeb
    said"), nor one whose title marks the other sex ("Mrs Kolar" for "he"). Also where its
    sentence opens. None where a speaker at floor or later in that sentence would win anyway."""
    text = ents.text
    lo = ss
    if ss <= 0 and pos > 300:
        return None
    if text[ss:pos].strip():
        if text[ss:pos].lstrip()[:1] not in _BARE_OPEN:
            return None  # the pronoun's own sentence has some other subject
    else:
        end = len(text[max(0, ss - 20) : ss].rstrip()) + max(0, ss - 20)  # the sentence before: its last mark
        if end <= 1:
            return None
        lo = _sentence_start(text, max(0, end - 300, floor), end - 1)  # 0 if it opens before floor
        if lo <= 0 and pos > 300 or floor >= lo:
            return None
    m = _BARE_HEAD.match(text, lo, pos)
    if m is None or not _is_finite(m.group(3)):
        m = _BARE_HEAD.match(text, _after_lead_adverbial(text, lo, pos), pos)
    if m is None or not _is_finite(m.group(3)):
        return None
    word = m.group(2)
    low = word.lower()
    if (
        word in _NON_NAME_CAPS
        or word in _SENTENCE_OPENERS
        or word in _GROUP_CAPS
        or low in ORG_WORDS
        or low in ROLE_WORDS
        or _party_word(word)
        or ents.is_place(word)
        or _lower_in_story(ents, word)
    ):
        return None
    titles = _titles_of(ents, word)
    if m.group(1):
        titles = titles | {m.group(1)}
    other = _MALE if pronoun == "she" else _FEMALE
    if any(t.lower() in other for t in titles):
        return None  # "Mrs Kolar" is not "he"
    known = canon_org(word) if canon_org is not None else None
    if known is not None and not known.endswith(" " + word):
        return None  # "Moscow said": a state
    at = m.start(2)
    name = ents.earlier_full_name(word, at) or ents.later_full_name(word, at, pronoun) or word
    if name == word:
        if known is not None:
            name = known  # "Obama": the lexicon's person
        elif (
            word.endswith("s")
            or word in _MALE_GIVEN
            or word in _FEMALE_GIVEN
            or not (titles or _OWN_PRONOUN[pronoun].search(_SENTENCE_END.split(text[m.end() : pos], 1)[0]))
        ):
            return None  # no sign of a person: "Zentrix denied it", "Harlow lost again"
    if not ents.fits_pronoun(name, pronoun):
        return None
    ents._named_index()
    if any(r.rstrip(".,") in other for r in ents._roles_by_name.get(name, ())):
        return None
    return at, name, lo


def _latest_media(pos: int, ents: Entities, head: str, is_place=None) -> str | None:
    """The newspaper, agency or broadcaster last quoted before pos under a word for its kind
    ("the official newspaper X ... the newspaper said"), within a few paragraphs; else the paper
    or broadcaster last named by its title ("an editorial in the Norland Herald ... the newspaper")."""
    hits = [ents.latest_speaker(pos, "org", h) for h in _MEDIA_ALIASES.get(head, (head,))]
    best = max((h for h in hits if h is not None and pos - h[0] < 3000), default=None, key=lambda h: h[0])
    if best is not None:
        return best[1]
    titles = _PAPER_TITLES if head in _PAPER_HEADS else _BROADCAST_TITLES if head in _BROADCAST_HEADS else None
    if titles is None or is_place is None:
        return None
    named = ents.latest_org_named(pos, lambda n: not titles.isdisjoint(n.split()) and not is_place(n.split()[0]))
    if named is None and titles is _BROADCAST_TITLES:
        # A broadcaster's initials where the scan read none ("CNN" glued to a headline before it).
        hits = [(i, b) for b in _BROADCASTERS if (i := _last_word_at(ents.text, b, pos - 3000, pos)) >= 0]
        return max(hits)[1] if hits else None
    return named


# Broadcasters a story names by their initials alone.
_BROADCASTERS = ("BBC", "CNN", "MSNBC", "NBC", "ABC", "CBS", "NPR", "PBS", "ITV")


def _last_word_at(text: str, word: str, lo: int, hi: int) -> int:
    """Where word last stands in text[lo:hi] as a word of its own, not inside "MSNBC" (a lower-case
    letter before it may be a headline glued on), else -1."""
    i = text.rfind(word, max(0, lo), hi)
    while i >= 0 and (text[i - 1 : i].isupper() or text[i + len(word) : i + len(word) + 1].isalnum()):
        i = text.rfind(word, max(0, lo), i)
    return i


# Words that mark a title as a newspaper's or a broadcaster's, for "the paper" and "the network".
_PAPER_HEADS = frozenset({"newspaper", "paper", "daily", "weekly", "tabloid"})
_PAPER_TITLES = frozenset(
    "Times Post Journal Herald Tribune Gazette Telegraph Guardian Chronicle Observer Daily Mail Mirror Shimbun".split()
)
_BROADCAST_HEADS = frozenset({"network", "broadcaster", "channel", "station"})
_BROADCAST_TITLES = frozenset("BBC CNN MSNBC NBC ABC CBS NPR PBS ITV Fox Network Channel Radio TV Television".split())


_IN_DOC: dict[str, re.Pattern[str]] = {}


# Another word the story may use for the same document: "a new spot ... the ad said".
_DOC_KIN = {"ad": ("ad", "advert", "advertisement", "spot", "commercial"), "report": ("report", "study", "review")}
# A capitalised word, an abbreviation before another name ("Sen. Greta Ahl", "U.S. Senator ...").
_ISSUER_WORD = (
    r"(?:(?:[A-Z]\.){2,}|(?:Sen|Rep|Gov|Gen|Dr|Mr|Mrs|Ms|Prof|Lt|Col|Capt)\.(?=[ \t\n]+[A-Z])|[A-Z][\w'’&\-]*)"
)
_ISSUER_RUN = rf"{_ISSUER_WORD}(?:[ \t\n]+(?:(?:of|and|for|the|&)[ \t\n]+)?{_ISSUER_WORD}){{0,6}}"
# After the document's word: "(a report) by the Senate health committee", "(an ad) from X".
_ISSUED_BY = re.compile(
    r"[ \t\n]+(?:from|by|(?:issued|released|published|paid[ \t\n]+for)[ \t\n]+by)[ \t\n]+(?:the[ \t\n]+)?"
    rf"({_ISSUER_RUN}(?:(?:[ \t\n]+[a-z]+){{0,3}}[ \t\n]+(?:committee|commission|council|panel|inquiry))?)"
)
# Before it: "X (has) released / ran / provided a (new) (statement)".
# The run opens its sentence or clause, or a reported one ("The paper said Cook provided a
# statement"), after its role at most ("Party chief Ivo Brandt released ..."): "A lawyer for Tova
# Lind released ..." names no issuer.
_ISSUER_SUBJECT = re.compile(
    r"(?:(?<![\s\S])|(?<=[.!?;:,\n\"“”])|(?<=\bsaid )|(?<=\bsays )|(?<=\bthat ))[ \t\n]*"
    r"((?:[A-Z][\w'’\-]*[ \t\n]+)?(?:(?!(?:of|and|for|the)[ \t\n])[a-z][\w\-]*[ \t\n]+){1,3})?"
    rf"({_ISSUER_RUN})[ \t\n]+"
    r"(?:(?:has|have|had|is|was|were|are|will|also|then|later|again|just|\w+ly)[ \t\n]+){0,3}"
    r"(?:published|publish(?:es|ing)|releas(?:ed|es|ing)|issu(?:ed|es|ing)|unveil(?:ed|s|ing)|"
    r"launch(?:ed|es|ing)|ran|runs|running|air(?:ed|s|ing)|provid(?:ed|es|ing)|put[ \t\n]+out)[ \t\n]+"
    r"(?:a|an|its|his|her|their)[ \t\n]+(?:[\w\-]+[ \t\n]+){0,4}?\Z"
)


def _issuer_at(text: str, at: int, end: int) -> tuple[str, str] | None:
    """The issuer named around a document's word at text[at:end]: ("by", name) after it or
    ("subj", name) before it. ("X's survey" is left out: on the Reuters pool it turned "the
    survey" into "Bank of Finland", whose own side then lost the judged target Finland.)"""
    m = _ISSUED_BY.match(text, end)
    if m is not None:
        return "by", m.group(1)
    m = _ISSUER_SUBJECT.search(text, max(0, at - 160), at)
    if m is None or (m.group(1) and m.group(1).split()[-1] not in ROLE_WORDS):
        return None
    return "subj", m.group(2)


def _named_issuer(pos: int, ents: Entities, head: str, canon_org, is_place) -> tuple[int, str, str] | None:
    """The issuer the story names for the document last introduced before pos, within a few
    paragraphs: its position, canonical name and type. The document's words are found by a plain
    search first: a pattern tried at each character of the window cost two per cent of a story."""
    text = ents.text
    lo = max(0, pos - 1500)
    best = None
    for word in _DOC_KIN.get(head, (head,)):
        i = text.rfind(word, lo, pos)
        while i >= 0 and (best is None or i > best[0]):
            e = i + len(word)
            if not (text[i - 1 : i].isalnum() or text[e : e + 1].isalnum()):
                found = _issuer_at(text, i, e)
                if found is not None:
                    best = (i, *found)
                    break
            i = text.rfind(word, lo, i)
    if best is None:
        return None
    at, kind, name = best
    toks = name.split()
    if any(_possessive_base(t) in _WHEN_WORDS for t in toks):
        return None  # "a report by New Year", "an ad from Monday's paper"
    while len(toks) > 1 and (toks[0] in _NON_NAME_CAPS or toks[0].rstrip(".") in _ISSUER_TITLES):
        toks = toks[1:]  # "But Norco released a statement", "Sen. Greta Ahl"
    if toks[0] in _NON_NAME_CAPS and toks[0].lower() not in PERSON_PRONOUNS:
        return None
    if toks[-1].endswith(("'s", "’s")) and len(toks[-1]) > 2:
        toks[-1] = toks[-1][:-2]  # "Mayor Tova Lind's office": hers
    head = toks[: next((i for i, t in enumerate(toks) if t in _NP_GLUE), len(toks))]
    low = head[-1].lower()
    if kind == "subj" and (low in _PEOPLE_PLURALS or (low in ROLE_WORDS and low not in ORG_WORDS)):
        return None  # "Lawyers for Tova Lind released a statement": not hers
    name = " ".join(toks)
    if toks[-1].islower():
        return at, canon_org(name) or name, "org"  # "the Senate health committee"
    if is_place(name):
        return None  # "a report from Kabul" is where it was filed, not who issued it
    canon, typ = canonical_speaker(name, at, ents, canon_org, is_place)
    if typ != "person" or not _NP_GLUE.isdisjoint(toks):
        canon = canon_org(name) or ents.acronyms.get(name) or name  # "Citizens for Fair Fuel" whole
    return (at, canon, typ) if canon else None


def _possessive_base(word: str) -> str:
    return word[:-2] if word.endswith(("'s", "’s")) else word


# Days, months and feasts: "by Christmas" is when, not who.
_WHEN_WORDS = frozenset(
    """Monday Tuesday Wednesday Thursday Friday Saturday Sunday January February March April May June July
August September October November December Year Christmas Easter Eve Day Thanksgiving Ramadan Eid Diwali
Hanukkah Passover Weekend Week Month Spring Summer Autumn Winter""".split()
)
# Titles before an issuer's name, stripped before it is looked up.
_ISSUER_TITLES = frozenset(
    """Sen Senator Rep Representative Gov Governor Mayor President Premier Minister Dr Mr Mrs Ms Prof Gen
Judge Justice Councillor Councilman Councilwoman Chairman Chairwoman Secretary U.S U.K U.N""".split()
)


def _doc_issuer(pos: int, ents: Entities, head: str, canon_org=None, is_place=None) -> tuple[str, str] | None:
    """Who issued "the statement" or "the report" that speaks at pos: whoever spoke in the sentence
    of the story's last "in a statement" ("Norco said in a statement. '...,' the statement said")
    within a few sentences before, a person or a body; else the issuer the story names ("an ad
    from X", "X released a report"), the nearer of the two; their canonical name and type."""
    named = _named_issuer(pos, ents, head, canon_org, is_place) if is_place is not None else None
    cited = _cited_issuer(pos, ents, head)
    if cited is not None and (named is None or cited[0] > named[0]):
        return cited[1], cited[2]
    return (named[1], named[2]) if named else None


def _cited_issuer(pos: int, ents: Entities, head: str) -> tuple[int, str, str] | None:
    """Whoever spoke in the sentence of the last "in a statement" within a few sentences before pos."""
    text = ents.text
    lo = max(0, pos - 800)
    if text.find(head, lo, pos) < 0:
        return None
    pat = _IN_DOC.get(head)
    if pat is None:
        words = r"(?:[ \t\n]+[\w\-]+){0,2}?[ \t\n]+"
        pat = _IN_DOC[head] = re.compile(r"\b[Ii]n (?:a|an|its|his|her|their)" + words + head + r"\b")
    last = None
    for m in pat.finditer(text, lo, pos):
        last = m
    if last is None:
        return None
    ss = _sentence_start(text, max(0, last.start() - 300), last.start())
    ends = [e for e in (text.find(". ", last.end(), pos), text.find(".\n", last.end(), pos)) if e >= 0]
    se = min(ends) if ends else pos
    i = bisect.bisect_left(ents.speakers, se, key=_FIRST)
    while i > 0:
        i -= 1
        at, canon, typ, _ = ents.speakers[i]
        if at < ss:
            break
        if canon:
            return last.start(), canon, typ  # the one who spoke in the sentence that cites the statement
    return None


def _latest_org(pos: int, ents: Entities, canon_org=None) -> str | None:
    """The organisation that spoke last, or whose report was last cited ("the FTC report said",
    which registers no speaker), for "it" and "the report"."""
    best = ents.latest_speaker(pos, "org")
    doc = ents.latest_doc_source(pos)
    if doc is not None and (best is None or doc[0] > best[0]):
        name = doc[1]
        return (canon_org(name) if canon_org else None) or ents.acronyms.get(name, name)
    return best[1] if best else None


# A possessive pronoun before something said or written ("His remarks", "her letter"): its owner speaks.
_POSSESSIVE_PRONOUN = {"his": "he", "her": "she", "its": "it"}
_POSSESSED_WORDS = re.compile(
    r"(?i:(his|her|its))\s+(?:[a-z\-]+\s+){0,2}?"
    r"(?:remarks|comments|claims?|statements?|words|speech|letter|report|message|tweets?|book|memo|email)$"
)


# The letters each mention pattern's first word ("his", "a", "one", "the", ...) may start with,
# in any case: with re.I, "i" matches the Turkish dotted and dotless i too.
_POSSESSED_FIRST = frozenset("hHiI\u0130\u0131")
_INDEFINITE_FIRST = frozenset("aA")
_AFFILIATED_FIRST = frozenset("aAoO")
_DOC_FROM_FIRST = frozenset("tTaA")


def canonical_speaker(mention: str, pos: int, ents: Entities, canon_org, is_place) -> tuple[str | None, str]:
    """The entity a mention refers to, and its type ('person', 'org' or 'group')."""
    m = " ".join(mention.replace("\n", " ").split())
    # Each pattern below is asked only where its first word may stand: a regex call costs more
    # than the string test, and most mentions are plain names.
    rel = _RELATIVE_IN.search(m) if "wh" in m else None
    if rel and rel.start() > 0:
        m = m[: rel.start()]  # "the official, who asked not to be named": the official
    if (
        (m.endswith("'s") or m.endswith("’s"))
        and m[:-2].split()[-1:] != []
        and m[:-2].split()[-1] not in _NON_NAME_CAPS
        and _document_after(ents.text, pos, mention)
    ):
        # A mention cut after a possessive before a document ("Lord Kowal's report said"): its author
        # speaks. Before other nouns the owner is no speaker ("Kowal's reduced strength").
        m = m[:-2]
    low = m.lower()
    if not m:
        return None, "group"
    pm = _POSSESSED_WORDS.match(m) if m[0] in _POSSESSED_FIRST else None
    if pm:
        # "His remarks", "her statement", "its letter": the words are the owner's ("their" is left
        # alone: a group's owner is rarely the one body that spoke last)
        return canonical_speaker(_POSSESSIVE_PRONOUN[pm.group(1).lower()], pos, ents, canon_org, is_place)
    if low in PERSON_PRONOUNS:
        return _pronoun_person(pos, ents, low, canon_org, is_place)
    if low in {"it", "its"}:
        # "The Norland Home Office defended the plan. It said ...": the body the sentence before
        # is about, else the organisation that spoke last.
        return _body_before(pos, ents, canon_org, is_place, it=True) or _latest_org(pos, ents, canon_org), "org"
    if low in {"one", "another"}:
        # "..., said one": the unnamed source introduced before.
        grp = ents.latest_speaker(pos, "unnamed")
        sub = ents.latest_group_subject(pos)
        if sub is not None and (grp is None or sub[0] > grp[0]):
            # "Local bankers were less hopeful. '...,' one said."
            grp = sub
            return canonical_speaker(grp[1], grp[0], ents, canon_org, is_place)[0], "group"
        return (grp[1] if grp else None), "group"
    if low in {"they", "we", "i"}:
        return _latest_person(pos, ents) if low == "i" else _latest_org(pos, ents), "group"
    cm = _INDEFINITE_ROLE.fullmatch(m) if m[0] in _INDEFINITE_FIRST else None
    if cm:
        # A lede's "A British minister said ..." named in the next sentence: "Trade Minister X said".
        named = ents.next_person_with_role(pos, cm.group(1).lower(), 400)
        if named is not None:
            return resolve_name(named, pos, ents), "person"
    am = _AFFILIATED.match(m) if m[0] in _AFFILIATED_FIRST else None
    if am:
        mods, head, body = am.group(1).split(), am.group(2), am.group(3).rstrip(".,").split()
        body_name = " ".join(body)
        known = canon_org(body_name) or ents.acronyms.get(body_name)
        if known and not is_place(body_name):
            return known, "org"  # "an official at the Bank of Japan"
        if any(t[:1].isupper() and t.lower() in ORG_WORDS for t in body):
            return body_name, "org"
        if body and body[-1] in ORG_WORDS:
            # "a senior official at a big Norland bank" is a senior Norland bank official.
            body = [t for t in body if t.lower() not in _EVALUATIVE]
            return " ".join([*mods, *body, head]), "group"
        if head.lower() in _SPOKES and (named := _spoken_for(body, pos, ents, is_place)) is not None:
            return named, "org"  # "a spokeswoman for Acme": the company's
    dm = _DOC_FROM.match(m) if m[0] in _DOC_FROM_FIRST else None
    if dm:
        # "the statement from the Norland Liberation Front": the body that issued it.
        body = dm.group(1)
        return canon_org(body) or ents.acronyms.get(body) or body, "org"
    im = _DOC_IN.match(m) if m[0] in _DOC_FROM_FIRST and " in " in m else None
    if im and (paper := _outlet_in(im.group(1))) is not None:
        return canon_org(paper) or paper, "org"  # "a Monday editorial in The Vale Herald"
    # Drop appositions and trailing prepositional phrases: "Shuichi Takemoto of the Foreign Ministry".
    pieces = _TAIL_SPLIT.split(m, maxsplit=1)
    ctoks = _noun_phrase(pieces[0].split())
    if len(pieces) > 1 and "," in m[: len(pieces[0]) + 1]:
        # "an Iranian soldier, Hamid Dehqani": a bare role before the comma, the name after it;
        # so too after a body's role ("a Defence Ministry spokesman, Paul Girardot").
        after = _noun_phrase(pieces[1].split())
        if (
            ctoks
            and (not any(t[:1].isupper() and not is_place(t) for t in ctoks) or ctoks[-1].lower() in ROLE_WORDS)
            and 2 <= len(after) <= 4
            and all(_is_name_word(t) for t in after)
            and not any(t.lower() in _NON_NAME_WORDS for t in after)
        ):
            ctoks = after
    if len(pieces) > 1 and ctoks and ctoks[-1].lower() in ROLE_WORDS and (name := _trailing_name(m)):
        # "Shadow spokesman for sport Jan Kowal": a role with its field, then the name.
        ctoks = name
    if (body := _body_with_field(ctoks)) is not None:
        return canon_org(body) or body, "org"  # "the Department for Education", "the Office of Budget"
    if len(ctoks) == 2 and ctoks[0] in {"Sir", "Dame"} and (full := ents.knighted(ctoks[1], pos)) is not None:
        return full, "person"  # "Sir Jan" after "Sir Jan Kowal": a knight goes by his given name
    if (
        ctoks
        and (len(ctoks) == 1 or ctoks[-2].lower().rstrip(".") in _HONORIFICS)
        and is_place(ctoks[-1])
        and (full := ents.earlier_full_name(ctoks[-1], pos, None if len(ctoks) > 1 else 1500)) is not None
    ):
        # "Mr Wellington" after "Bob Wellington": the person, not the capital; a lone "Wellington"
        # only shortly after the person was named.
        return full, "person"
    # A person name somewhere in the core: the trailing capitalised tokens after any role words.
    if (
        low.startswith("the ")
        and 2 <= len(ctoks) <= 3
        and _party_word(ctoks[-1])
        and not ctoks[-1].lower().endswith("s")
        and (found := _party_member(pos, ents, ctoks[-1])) is not None
    ):
        return found, "person"  # "the Wisconsin Republican": one party member named before
    roles, name = _party_off(*_strip_role_prefix(ctoks, is_place))
    if (
        len(ctoks) == 2
        and len(name) == 1
        and ctoks[0].lower().rstrip(".") not in _HONORIFICS
        and (
            firm := ents.latest_org_named(
                pos, lambda n: n.startswith(f"{ctoks[0]} {ctoks[1]} ") and _company_name(n, is_place)
            )
        )
    ):
        return firm, "org"  # "General Motors" after "General Motors Corp": no general named Motors
    name = [t for t in name if _is_name_word(t)]
    if name and not name[0][:1].isupper() and len(name) == 1:
        name = []
    if (
        name
        and all(_is_name_word(t) for t in name)
        and not any(t.lower().rstrip(".") in _NON_NAME_WORDS for t in name)
    ):
        nm = " ".join(name).rstrip(".,")
        if len(name) == 1 and nm.isupper() and len(nm) > 1:
            full = canon_org(nm) or ents.acronyms.get(nm)
            return (full or nm), "org"
        if canon_org(nm) is None:
            # "the official newspaper X" names a paper, which a later "the newspaper" means.
            return resolve_name(nm, pos, ents), "org" if roles and roles[-1].lower() in _MEDIA_HEADS else "person"
        return canon_org(nm), "person" if len(name) >= 1 and not is_place(nm) else "org"
    if (
        len(ctoks) <= 3
        and ctoks
        and ctoks[-1].lower() in ROLE_WORDS
        and not any(t[:1].isupper() for t in ctoks)
    ):
        # "the minister", "the presidential spokesman": the last person with that role.
        head = ctoks[-1].lower()
        if head in GENERIC_HEADS and all(t.lower() in _BARE_MODS for t in ctoks[:-1]):
            # "the official", "one source": the unnamed official or source introduced before
            # ("a senior U.S. Treasury official"), unless a person with that role came later.
            grp = ents.latest_speaker(pos, "unnamed", head) or ents.latest_speaker(pos, "unnamed", head + "s")
            mods = {t.lower() for t in ctoks[:-1]} - {"same", "other"}
            if grp is not None and mods and not mods <= set(grp[1].lower().split()):
                # "the senior official": the one introduced as senior, if an unnamed one was.
                grp = ents.latest_unnamed_with(pos, head, mods) or grp
            desc = ents.latest_description(pos, head) if low.split()[0] == "the" else None
            if desc is not None and (grp is None or desc[0] > grp[0]) and mods <= set(desc[1].lower().split()):
                # Introduced without a speech verb: "A senior Treasury official played the plan down ..."
                canon, typ = canonical_speaker(desc[1], desc[0], ents, canon_org, is_place)
                if canon and typ != "person":
                    grp = (desc[0], canon)
            named = ents.latest_speaker(pos, "person", head)
            if grp is not None and (named is None or grp[0] > named[0]):
                return grp[1], "group"
        first = low.split()[0]
        if (
            head in _SPOKES
            and len(ctoks) == 1
            and len(pieces) == 1
            and first in {"a", "an"}
            and (body := _body_before(pos, ents, canon_org, is_place)) is not None
        ):
            return body, "org"  # "The Home Office defended it. A spokesman said ...": the office's
        if (
            head in GENERIC_HEADS
            and not all(t.lower() in _BARE_MODS for t in ctoks[:-1])
            and first not in {"the", "this", "that", "his", "her", "its", "their"}
        ):
            return " ".join(ctoks), "group"  # a new description: "congressional sources", "one western diplomat"
        found = _latest_person(pos, ents, head)
        if found:
            return found, "person"
        if head in GENERIC_HEADS:
            prev = _latest_person(pos, ents) if head not in {"sources", "officials"} else None
            org = _latest_org(pos, ents)
            return prev or org or " ".join(ctoks), "person" if prev else "group"
    if (
        low.startswith("the ")
        and 2 <= len(ctoks) <= 3
        and ctoks[-1].lower() in ROLE_WORDS
        and all(t[:1].isupper() and t.lower() not in ROLE_WORDS for t in ctoks[:-1])
    ):
        # "the Saudi minister": the person last introduced with that title.
        found = ents.latest_with_roles(pos, ctoks[-1].lower(), {t.lower() for t in ctoks[:-1]})
        if found is not None:
            return resolve_name(found[1], pos, ents), "person"
    if ctoks and ctoks[-1].lower() in _SPEAKER_HEADS:
        rest = ctoks[:-1]
        while rest and rest[0].lower() in {
            "senior",
            "top",
            "high-ranking",
            "unnamed",
            "unidentified",
            "leading",
        }:
            rest = rest[1:]
        if rest and any(t[:1].isupper() for t in rest):
            org = " ".join(rest)
            if ctoks[-1].lower() in GENERIC_HEADS:
                # "an EC negotiator", "a Bank of Japan official" speak for the organisation;
                # "a Japanese bank official" stays a description.
                known = canon_org(org) or ents.acronyms.get(org)
                if known and (
                    not is_place(org)
                    or (org.isalpha() and org.isupper() and any(t.lower() in ORG_WORDS for t in known.split()))
                ):
                    return known, "org"  # "an EC negotiator" speaks for the Community; "a US official" stays one
                if any(t[:1].isupper() and t.lower() in ORG_WORDS for t in rest):
                    if ctoks[-1][:1].isupper() and ctoks[-1].lower() in GENERIC_HEADS:
                        return " ".join(ctoks), "org"  # "... Association of Probation Officers": its name's end
                    return org, "org"  # "a Foreign Ministry official": not a listed body, still one
                return " ".join(ctoks), "group"
            if ctoks[-1].lower() in _MEDIA_HEADS and is_place(org):
                return " ".join(ctoks), "org"  # "Tehran radio" is the broadcaster, not the state
            if ctoks[-1].lower() in DOC_HEADS or any(t.lower() in ORG_WORDS for t in rest):
                return canon_org(org) or ents.acronyms.get(org) or org, "org"
            return " ".join(ctoks), "group"
        if ctoks[-1].lower() in _MEDIA_HEADS:
            paper = _latest_media(pos, ents, ctoks[-1].lower(), is_place)
            if paper is not None:
                return paper, "org"
        if ctoks[-1].lower() in DOC_HEADS:
            issuer = _doc_issuer(pos, ents, ctoks[-1].lower(), canon_org, is_place) if len(ctoks) == 1 else None
            if issuer is not None:
                return issuer
            return _latest_org(pos, ents, canon_org) or " ".join(ctoks), "org"
        return " ".join(ctoks), "group"
    if len(ctoks) == 1 and ctoks[0].islower() and ctoks[0] in ORG_WORDS:
        # "the ministry": the body of that kind quoted last ("the Commerce Ministry said ...").
        last = ents.latest_speaker(pos, "org", ctoks[0])
        if last is not None and last[1].split()[-1].lower() == ctoks[0] and pos - last[0] < 3000:
            return last[1], "org"
        named = _latest_body_named(pos, ents, ctoks[0], is_place)
        if named is not None:
            return canon_org(named) or ents.acronyms.get(named, named), "org"
    if (
        len(ctoks) == 1
        and ctoks[0] in _ADS
        and low.startswith("the ")
        and (issuer := _doc_issuer(pos, ents, "ad", canon_org, is_place)) is not None
    ):
        return issuer  # "Norco released a new ad ... The ad says"
    if low.startswith("the ") and _is_epithet(ctoks):
        found = _latest_any_person(pos, ents, _NOUN_SEX.get(ctoks[-1].lower(), "any"), ctoks[-1])
        if found is not None:
            return found, "person"
    org = " ".join(ctoks) if ctoks else m
    org = org.rstrip(".,")
    return canon_org(org) or ents.acronyms.get(org) or org, "org"


_SPOKES = frozenset({"spokesman", "spokeswoman", "spokesperson"})
_ADS = frozenset(_DOC_KIN["ad"])


def _spoken_for(body: list[str], pos: int, ents: Entities, is_place) -> str | None:
    """The body "a spokesman for X" speaks for when X is a capitalised name the lexicon does not
    know ("for Acme", "for Oslo-based Acme"). For a person ("for Mr Berg", "for Governor Anna
    Kovac") the speaker is the spokesman himself, and a place ("for Norland") may be any side."""
    if any(t.lower().rstrip(".") in _HONORIFICS or t.lower() in ROLE_WORDS for t in body):
        return None
    toks = [t for t in body if not t.endswith("-based")]
    if not toks or len(toks) > 4 or not all(t[:1].isupper() and _is_name_word(t) for t in toks):
        return None
    name = " ".join(toks)
    if is_place(name) or _REGION.fullmatch(name) or toks[0] in _MALE_GIVEN or toks[0] in _FEMALE_GIVEN:
        return None  # "for Norland", "for Texas", "for Tom Berg"
    if len(toks) == 1 and _titled_before(ents.text, name, pos):
        return None  # "for Kovac" after "Mr Kovac"
    if toks[-1].lower() in ORG_WORDS or toks[-1].lower() in _FIRM_TAILS:
        return name  # "for Acme Holdings": a firm's name, whoever else shares its first word
    full = ents.full_name(tuple(toks), pos)
    if full is not None and "-based" not in full and ents.person_like(full):
        return None  # "for Berg" after "Tom Berg"
    return name


# Last words of a firm's name that no person's name ends with.
_FIRM_TAILS = frozenset("holdings industries airlines airways motors systems group partners".split())


def _titled_before(text: str, name: str, pos: int) -> bool:
    """Whether the story names `name` with a courtesy title in the 3,000 characters before pos
    ("Mr Kovac"): a person. A fixed window, as a story may say "a spokesman for Acme" often."""
    titled = re.compile(r"\b(?:Mr|Mrs|Ms|Miss|Dr|Sir|Dame)\.?\s+" + re.escape(name) + r"\b")
    return titled.search(text, max(0, pos - 3000), pos) is not None


# A body at the head of a sentence, before its verb: "The Department for Roads said", "But the
# Home Office defended"; its name glued by "of", "for", "and", "the" as `_ACRONYM_RE` reads one.
_BODY_LEAD = re.compile(
    r"\s*(?:(?:But|And|Yet|However|Meanwhile|Yesterday|Today|Earlier|Later),?\s+)?"
    r"(?:(?:On|In|Last|This|Earlier|Later|Late|Early)\s+(?:on\s+)?(?:[A-Z][a-z]+|week|month|year|night|morning|weekend)"
    r"(?:\s+\d{1,2})?,?\s+)?"  # a time phrase first: "On Monday the Home Office", "Last year, the Treasury"
    r"([Tt]he\s+|An?\s+)?"
    r"([A-Z][\w'’\-]*(?:\s+(?:of|and|for|on)?\s*[A-Z][\w'’\-]*)*)\s+[a-z]"
)


# A law or bill ending the sentence before "It says": the text is quoted, not its maker ("The
# Senate passed the bill."); a law elsewhere in it ("welcomed the new law in court") is no object.
_LEGAL_TEXT = re.compile(
    r"\b(?:bill|bills|law|laws|treaty|resolution|constitution|charter|amendment|decree|legislation|statute)"
    r"(?:\s+(?:on|in|last|this|yesterday|today)(?:\s+[A-Za-z]+)?)?"
    r"(?:,[^,.]{0,60}\b(?:said|says|added))?\s*[.!?]?[\"'”’]?\s*$"  # "..., Senator Tom Berg said."
)
# "it says/states/reads" in the present: a text speaks so; a body's past "it said" is its own.
_TEXT_CUE = re.compile(r"[Ii]t\s+(?:says|states|reads)\b")
# Institutions news names without an article as the subject ("Police arrested two men.").
_BARE_BODIES = frozenset({"police", "parliament", "government", "congress", "army", "navy"})


def _previous_sentence(text: str, pos: int) -> tuple[int, int] | None:
    """The sentence before the one holding pos (within a few hundred characters), skipping blank
    lines and stops after abbreviations ("Dr.", "U.S.")."""
    lo = max(0, pos - 600)
    bounds = [lo]
    for m in _SENTENCE_END.finditer(text, lo, pos):
        if text[m.start()] != "." or not _abbrev_goes_on(text, m.start()):
            bounds.append(m.end())
    while len(bounds) > 1 and not text[bounds[-2] : bounds[-1]].strip():
        bounds.pop()
    if len(bounds) < 2 or (bounds[0] == lo and lo > 0 and len(bounds) == 2):
        return None  # no sentence start in reach
    return bounds[-2], bounds[-1]


# "the Home Office" inside a sentence: a body named with its article.
_BODY_INSIDE = re.compile(r"\bthe\s+([A-Z][\w'’\-]*(?:\s+(?:of|and|for)?\s*[A-Z][\w'’\-]*)*)")
# The person dealt with the body as its other side: he wrote to, asked or sued it, so its
# spokesman answers, as the police who arrested him or the body he is "of" do. A court he
# appeared in or a house he spoke to has no spokesman for him.
_DEALT_WITH = re.compile(
    r"\b(?:(?:wrote|written|writes|complained|appealed|applied|reported\s+\w+|sent\s+\w+(?:\s+\w+)?)\s+to"
    r"|asked|contacted|approached|petitioned|lobbied|sued|called\s+on|urged"
    r"|(?:arrested|detained|questioned)\s+by|[A-Z][a-z]+\s+of)\s+$"  # "Tom Berg of the Home Office"
)


def _body_reading(body: str, ents: Entities, canon_org, is_place) -> tuple[str | None, str] | None:
    """Whether a capitalised run names a body, read by its head noun, the word before the first
    "of"/"for" ("Ministry of Roads", "National Union of Students"), else the last: None for a place
    or no body, else its lexicon name (None if unlisted) and that head."""
    words = body.split()
    glue = next((i for i, w in enumerate(words) if w in {"of", "for"}), 0)
    head = words[glue - 1] if glue else words[-1]
    known = canon_org(body) or ents.acronyms.get(body)
    if is_place(body) or not (known or head.lower() in ORG_WORDS):
        return None
    return known, head


def _object_body(text: str, sent: tuple[int, int], ents: Entities, canon_org, is_place) -> str | None:
    """The one body a sentence opened by someone else names ("Tom Berg wrote to the Home Office on
    Monday. A spokesman said ..."): the spokesman answers for it when the person dealt with it as
    its other side (wrote to, asked, sued it); a court or house he appeared in is no such side, and
    with two bodies, nobody."""
    found, dealt = None, False
    for m in _BODY_INSIDE.finditer(text, sent[0], sent[1]):
        body = m.group(1)
        reading = _body_reading(body, ents, canon_org, is_place)
        if reading is None:
            continue
        if found is not None:
            return None
        found = reading[0] or body
        dealt = _DEALT_WITH.search(text, max(sent[0], m.start() - 40), m.start()) is not None
    return found if dealt else None


def _body_before(pos: int, ents: Entities, canon_org, is_place, it: bool = False) -> str | None:
    """The body a bare "a spokesman" speaks for: the organisation that opens the sentence before
    ("The Norland Home Office defended the plan. A spokesman said ..."). News introduces a
    spokesman so only right after naming his body; the person named last is not his employer.
    For a present "it says", nobody when that sentence ends on a law or bill ("The Senate passed
    the bill. It says ..." quotes the bill); a past "it said" is the body's own."""
    text = ents.text
    sent = _previous_sentence(text, pos)
    if sent is None:
        return None
    m = _BODY_LEAD.match(text, sent[0], sent[1])
    if m is None:
        return None if it else _object_body(text, sent, ents, canon_org, is_place)
    body = m.group(2)
    reading = _body_reading(body, ents, canon_org, is_place)
    if reading is None:
        return None if it else _object_body(text, sent, ents, canon_org, is_place)
    known, head = reading
    if not known and len(body.split()) == 1 and m.group(1) is None and head.lower() not in _BARE_BODIES:
        return None  # a common noun as subject, no body: "Markets fell.", "Courts agreed."
    if it and _TEXT_CUE.match(text, pos) and _LEGAL_TEXT.search(text[m.end() : sent[1]]):
        return None
    return known or body


# Words for a body of members that news uses for any such body named before ("the group said"
# after "the Norland Teachers Association"); and last words that name such a body.
_ANY_BODY = frozenset({"group", "organisation", "organization"})
# "the government" is a state's, not a body that has "Government" in its name.
_STATE_BODIES = frozenset({"government", "administration", "cabinet", "state"})
# "the company" is the company the story named last with its legal form ("Norco Inc").
_FIRM_WORDS = frozenset({"company", "firm"})
_BODY_TAILS = frozenset(
    """group organisation organization foundation association union alliance coalition institute
federation league club society council committee campaign trust fund centre center network action
watch movement front""".split()
)


def _latest_body_named(pos: int, ents: Entities, word: str, is_place) -> str | None:
    """The body "the <word>" means where none of that kind has spoken: the paper or broadcaster
    last named for "the newspaper" / "the network", the body last named with that word in its
    name for "the board" ("the Norland Board of Health"), any body of members for "the group"."""
    if word in _PAPER_HEADS or word in _BROADCAST_HEADS:
        return _latest_media(pos, ents, word, is_place)
    if word in _ANY_BODY:
        return ents.latest_org_named(pos, lambda n: n.split()[-1].lower() in _BODY_TAILS and not is_place(n), 1500)
    if word in _STATE_BODIES:
        return None
    if word in _FIRM_WORDS:
        return ents.latest_org_named(pos, lambda n: _company_name(n, is_place), 1500)
    cap = word.capitalize()
    return ents.latest_org_named(pos, lambda n: cap in n.split() and not is_place(n.split()[0]), 1500)


def _company_name(name: str, is_place) -> bool:
    """Whether a body's name is a company's: it ends with a legal form after a word of its own
    that is no legal form and opens with no place ("Norco Inc", not "Co Inc" or "Canada Ltd",
    which are the ends of names the scan cut)."""
    words = [w.rstrip(".").lower() for w in name.split()]
    return (
        len(words) >= 2
        and words[-1] in LEGAL_FORM_WORDS
        and words[-2] not in LEGAL_FORM_WORDS
        and not is_place(name.split()[0])
    )


# A party tag in brackets after a name: "(R)", "(D-R.I.)", "(R-WI)".
_PARTY_TAG = re.compile(r"\s*\([A-Z](?:-[A-Z][A-Za-z.]*)?\)\s*$")


def _trailing_name(m: str) -> list[str] | None:
    """The person's name that ends a mention, after a party tag is dropped ("... Rep. Jan Kowal
    (R-WI)"): two to four name words, none a word for a role or a body, after a lower-case word
    or a title."""
    toks = _PARTY_TAG.sub("", m).split()
    k = len(toks)
    while k > 0 and _is_name_word(toks[k - 1]) and toks[k - 1].lower().rstrip(".") not in ROLE_WORDS:
        k -= 1
    name = toks[k:]
    if not 2 <= len(name) <= 4 or k == 0 or any(t.lower() in _NON_NAME_WORDS for t in name):
        return None
    j = k - 1
    while j >= 0 and toks[j][:1].isupper() and toks[j].lower().rstrip(".") in _TITLES:
        j -= 1
    if j >= 0 and toks[j].lower() in _FOR_WHOM:
        return None  # "a spokesman for Governor Anna Kovac": the one spoken for, not the speaker
    return name if _is_person_name(" ".join(name)) else None


_FOR_WHOM = frozenset({"for", "of", "to", "with", "representing", "behalf"})


_WORD_AFTER = re.compile(r"\s+([a-z]+)")


def _document_after(text: str, pos: int, mention: str) -> bool:
    """Whether a report, statement or other document follows the mention at pos in text."""
    if not text.startswith(mention, pos):
        return False
    m = _WORD_AFTER.match(text, pos + len(mention))
    return m is not None and m.group(1) in DOC_HEADS


def _is_epithet(ctoks: list[str]) -> bool:
    """Whether "the ..." describes one person by a common noun, the way news refers back to
    someone already named ("the Florida senator", "the gambling tycoon", "the 46-year-old"); an
    unnamed official or source is left to the rules for those."""
    if not ctoks or len(ctoks) > 4:
        return False
    head = ctoks[-1]
    low = head.lower()
    return (
        (head[:1].islower() or head[:1].isdigit())
        and (
            low in _PERSON_NOUNS
            or (low in ROLE_WORDS and low not in GENERIC_HEADS and low not in _FRESH_OFFICES)
            or low.endswith("-year-old")
        )
        and low not in _NON_NAME_WORDS
        and all(t[:1].isalpha() or t[:1].isdigit() for t in ctoks)
    )


_SENTENCE_END = re.compile(r"[.!?][\"”’']?\s|\n")
# Offices news names afresh more often than it refers back with them ("the president said" after a
# farmer spoke is the president, not the farmer).
_FRESH_OFFICES = frozenset("president mayor judge governor premier king queen pope".split())
# Common nouns for one person, by which news refers back to someone named ("the billionaire").
_PERSON_NOUNS = frozenset(
    """man woman businessman businesswoman billionaire millionaire tycoon mogul magnate entrepreneur
candidate nominee frontrunner front-runner contender hopeful challenger incumbent lawmaker legislator
politician congressman congresswoman senator actor actress singer
musician star celebrity host anchor presenter comedian novelist writer activist campaigner veteran
investor physician surgeon neurosurgeon doctor scientist professor pastor preacher priest
athlete player coach father mother son daughter husband wife widow grandmother grandfather""".split()
)


# Party words that name the same side ("Dem" is a "Democrat"); any other party word is a rival's.
_PARTY_SIDES = ({"democrat", "dem"}, {"republican", "gop"}, {"tory", "tories", "conservative"}, {"liberal", "lib"})
# How far back "the Ohio Democrat" may reach for the person it stands for.
_PARTY_MEMBER_REACH = 1500


def _rival_parties(word: str) -> frozenset[str]:
    """The party words that rule a person out as "the Ohio Democrat": every party but the word's."""
    w = word.lower().rstrip("'’").removesuffix("s")
    side = next((g for g in _PARTY_SIDES if w in g), {w})
    rivals = _PARTY_NAMES - side
    return frozenset(rivals | {r + "s" for r in rivals})


def _switcher_may_stand(text: str, lo: int, pos: int, clash: frozenset[str]) -> bool:
    """Whether a rival party's word stands in text[lo:pos], after the person found, so that a
    party switcher may be named there (saves a second search for the person named last)."""
    return any(w.strip(",.;:()").lower() in clash for w in text[lo:pos].split() if w[:1].isupper())


def _called_own_party(text: str, at: int, party: str) -> bool:
    """Whether the sentence naming the person at `at` calls him a member of the party too (a
    switcher: "a former Republican, now a Democrat"), which a rival party word among his roles
    does not rule out."""
    w = party.lower().rstrip("'’").removesuffix("s")
    side = next((g for g in _PARTY_SIDES if w in g), {w})
    clause = text[at : at + 200].split(". ", 1)[0]
    return any(t.strip(",;:()").lower().removesuffix("s") in side for t in clause.split()[1:] if t[:1].isupper())


def _party_member(pos: int, ents: Entities, party: str) -> str | None:
    """Whom "the Ohio Democrat" means: the person named last, or the subject of the sentence
    that named him ("Chairman Tom Berg said today President Kovac must act. The Ohio Democrat
    added ..."), or a person who spoke since; never one called a member of another party ("Tom
    Berg, a Republican"), nor one named far back."""
    clash = _rival_parties(party)
    named = ents.latest_named(pos, clash, "any")
    if _switcher_may_stand(ents.text, max(named[0] if named else 0, pos - _PARTY_MEMBER_REACH), pos, clash):
        last = ents.latest_named(pos, frozenset(), "any")
        if last is not None and last != named and _called_own_party(ents.text, last[0], party):
            named = last  # "Tom Berg, a former Republican, now a Democrat": a party switcher
    if named is not None:
        named = ents.sentence_subject_of(named, clash, "any")
    spoke = ents.latest_person_speaker(pos, "any")
    if spoke is not None and not clash.isdisjoint(r.rstrip(".,") for r in ents._roles_by_name.get(spoke[1], ())):
        spoke = None
    best = max((x for x in (named, spoke) if x is not None), default=None, key=lambda x: x[0])
    if best is None or pos - best[0] > _PARTY_MEMBER_REACH:
        return None
    return best[1]


def _latest_any_person(pos: int, ents: Entities, sex: str, head: str) -> str | None:
    """The person who spoke last before pos, else the one named last; sex is "he", "she" or
    "any". A person named since the last speaker is more often the one spoken about. Nobody,
    where the story introduced someone unnamed with the same noun since ("A woman who lives
    nearby ... the woman said"), or where the person found was called by the other pronoun."""
    best = ents.latest_person_speaker(pos, sex)
    if best is None:
        best = ents.latest_named(pos, _FEMALE if sex == "he" else _MALE if sex == "she" else frozenset(), sex)
    introduced = rf"\b(?:[Aa]n?|[Oo]ne|[Aa]nother)\s+(?:[\w\-]+\s+){{0,2}}{re.escape(head)}\b"
    if best is None:
        return None
    since = _SENTENCE_END.search(ents.text, best[0], pos)
    if since is not None and re.search(introduced, ents.text[since.end() : pos]):
        return None
    if sex != "any" and any(
        canon == best[1] and ("she" if sex == "he" else "he") in roles for _, canon, _, roles in ents.speakers
    ):
        return None
    return best[1]


# Person nouns that give the person's sex.
_NOUN_SEX = {
    **dict.fromkeys("man businessman congressman actor father son husband grandfather".split(), "he"),
    **dict.fromkeys("woman businesswoman congresswoman actress mother daughter wife widow grandmother".split(), "she"),
}


# "a spokesman for X" splits; "the Department for Roads and Rail" is one body's name.
_FOR_IN_NAMES = """Department Ministry Office Commission Council Centre Center Institute Committee Agency Society
Federation Union Coalition Fund Foundation Trust""".split()
# "of" after an organisation word belongs to its name ("Bank of Japan official"), not a tail.
_OF_IN_NAMES = """Bank Ministry Department Minister Secretary Office University Council Committee Board
Association Union Federation Confederation Chamber Institute Society League Commission Bureau Academy
College""".split()


def _not_after(words: list[str]) -> str:
    """Lookbehinds, read after the one white space character that follows a word, that the word
    before it is none of these (capitalised or not)."""
    return "".join(f"(?<![{w[0]}{w[0].lower()}]{w[1:]}\\s)" for w in words)


# ",", or white space and "at", "from", ..., "for" or "of" (not after the words above). Every
# separator opens with a comma or a white space character, read first as one character class
# (which the regex engine skips to) and told apart by a lookbehind after it: "\s+for\s+" is "\s"
# then "\s*for\s+". The lookaheads spare testing the lookbehinds at every space.
_TAIL_SPLIT = re.compile(
    r"[,\s](?:(?<=,)|(?<=\s)(?:\s*(?:at|from|with|in|who|which)\s+"
    + r"|(?=\s*for\s)" + _not_after(_FOR_IN_NAMES) + r"\s*for\s+"
    + r"|(?=\s*of\s)" + _not_after(_OF_IN_NAMES) + r"\s*of\s+))"
)
# An unnamed person described by where they work: "a senior official at a big Norland bank".
_AFFILIATED = re.compile(
    r"(?:an?|one|another)\s+((?:[\w.'’\-]+\s+){0,3}?)(" + "|".join(sorted(GENERIC_HEADS)) + r")"
    r"\s+(?:at|of|from|with|for)\s+(?:an?\s+|the\s+)?([\w.'’&\- ]+)$",
    re.I,
)
_INDEFINITE_ROLE = re.compile(
    r"(?:an?)\s+(?:[\w.'’\-]+\s+){0,3}?(minister|secretary|ambassador|governor|senator|spokesman|spokeswoman|"
    r"official|negotiator)",
    re.I,
)
# Words for a newspaper, an agency or a broadcaster, and the words a later mention may use for it.
_MEDIA_HEADS = _PAPER_HEADS | {"radio", "agency", "television", "broadcaster", "network"}
_MEDIA_ALIASES = {"newspaper": ("newspaper", "daily", "paper", "weekly"), "paper": ("newspaper", "daily", "paper")}
# A document with the body that issued it: "the statement from the Norland Liberation Front".
_DOC_FROM = re.compile(
    r"(?i:the|a|an)\s+(?:[a-z\-]+\s+){0,2}?(?i:statement|report|letter|communique|message|memorandum|document"
    r"|ad|advert|advertisement|commercial)"
    r"\s+(?:from|by|of|issued\s+by)\s+(?:the\s+)?([A-Z][\w'’\-]*(?:\s+(?:of\s+|and\s+|for\s+)?[A-Z][\w'’\-]*)*)"
)
# A paper's own piece: "an editorial in the Norland Herald" is the paper's; a column or an op-ed is
# its writer's.
_DOC_IN = re.compile(
    r"(?i:the|a|an)\s+(?:[\w\-]+\s+){0,2}?(?i:editorial)\s+in\s+(?:[Tt]he\s+)?"
    r"([A-Z][\w'’\-]*(?:\s+(?:of\s+)?[A-Z][\w'’\-]*){0,4})"
)


def _outlet_in(name: str) -> str | None:
    """The paper's title in "an editorial in X", without a possessive before it ("Monday's Kelso
    Courier", "the Communist Party's People's Daily"); "X Review of Books" is one title."""
    toks = name.split()
    while (len(toks) > 2 and _possessive_base(toks[0]) != toks[0]) or (
        len(toks) > 3 and _possessive_base(toks[1]) != toks[1]
    ):
        toks = toks[1:]
    for k in range(len(toks), 0, -1):
        if toks[k - 1] in _OUTLET_ENDS:
            end = k + 2 if k + 1 < len(toks) and toks[k] == "of" and toks[k + 1] not in _WHEN_WORDS else k
            return " ".join(toks[:end])
    return None
_OUTLET_ENDS = _PAPER_TITLES | frozenset(
    "Register News Star Sun Globe Courier Examiner Inquirer Record Press Review Magazine Standard Independent".split()
)
_HONORIFICS = frozenset({"mr", "mrs", "ms", "miss", "dr", "sir", "dame", "lord", "lady", "prof"})
_EVALUATIVE = frozenset({"leading", "major", "big", "large", "top", "prominent", "small", "well-known"})
_BARE_MODS = frozenset({"senior", "top", "same", "other"})
_NP_GLUE = frozenset({"and", "of", "for", "the", "on", "to"})
# Unions tested once per token, built once here rather than at each test.
_NON_NAME_WORDS = ORG_WORDS | GENERIC_HEADS | DOC_HEADS
_SPEAKER_HEADS = DOC_HEADS | GENERIC_HEADS | _PAPER_HEADS | _BROADCAST_HEADS
_NP_EDGE = _NP_GLUE | _DETS


_ADDRESS = frozenset({"Mr", "Mrs", "Ms", "Miss", "Dr"})


def _body_with_field(toks: list[str]) -> str | None:
    """A body named by its kind and its field, "Department for Education", "Office of National
    Statistics", "National Union of Students": the whole name (the capitals after "for"/"of" are
    no person's), with capitalised words before the kind; an acronym in brackets after it is left off."""
    if toks and _ACRONYM_HINT.fullmatch(toks[-1].rstrip(".,")):
        toks = toks[:-1]
    k = next((i for i, t in enumerate(toks[:3]) if not t[:1].isupper() or _BODY_KIND.get(t) is not None), None)
    if k is None or len(toks) < k + 3 or not toks[k][:1].isupper() or toks[k + 1] not in _BODY_KIND.get(toks[k], ()):
        return None
    if not toks[k + 2][:1].isupper() or any(t.lower() in ROLE_WORDS for t in toks[:k]):
        return None
    if not all(t[:1].isupper() or t in ("and", "of", "for", "the", "&") for t in toks[k + 2 :]):
        return None
    if any(t.lower().rstrip(".,") in _PERSON_TITLES for t in toks[k + 2 :]):
        return None  # "Department of Energy Secretary Tom Berg": a person with the body's title
    return " ".join(toks).rstrip(".,")


_PERSON_TITLES = _TITLES | GENERIC_HEADS | frozenset(
    "director administrator deputy chief head commissioner chair governor president".split()
)
# The words that name a body's kind, and the words its field follows ("Union of", "Department for").
_BODY_KIND: dict[str, tuple[str, ...]] = {
    **{w.capitalize(): ("for", "of") for w in ORG_WORDS},
    **{w: ("of",) for w in _OF_IN_NAMES if w.lower() not in _TITLES},  # "Secretary of State X" is a person
    **{w: ("for",) for w in _FOR_IN_NAMES},
}
for _w in set(_OF_IN_NAMES) & set(_FOR_IN_NAMES):
    _BODY_KIND[_w] = ("for", "of")


def _noun_phrase(toks: list[str]) -> list[str]:
    """The noun phrase at the start of a mention that ran on into its clause: "Ammerman also said
    the ..." -> "Ammerman"; a lowercase word before a head noun ("European monetary sources") is
    a modifier and stays; leading sentence adverbials ("Despite this X") are dropped too."""
    while (
        toks
        and (toks[0].lower() in _DETS or toks[0] in _NON_NAME_CAPS or toks[0] in _LEAD_CAPS)
        and not _new_name(toks)
    ):
        if toks[0] in _ADDRESS and toks[1:2] and toks[1] in ("May", "June"):
            toks = toks[1:]  # "Mrs May": after a title of address a month is a family name
            break
        toks = toks[1:]
    if not toks or _is_name_word(toks[-1]):
        return toks  # ends on a name: "Tehran Radio quoted defence spokesman X" is resolved later
    seen_cap = False
    for i, t in enumerate(toks):
        if _is_name_word(t) or t[:1].isdigit() or t[:1] == "(":
            seen_cap = True
            continue
        tl = t.lower().rstrip(".,")
        if (
            tl in ROLE_WORDS
            or tl in ORG_WORDS
            or tl in GENERIC_HEADS
            or tl in DOC_HEADS
            or tl in _PARTICLES
            or tl in _DETS
            or tl in _NP_GLUE
            or not seen_cap
            or (i + 1 < len(toks) and _is_head(toks[i + 1]))  # a modifier: "monetary sources"
        ):
            continue
        return toks[:i]
    return toks


def _is_name_word(tok: str) -> bool:
    """A word that can stand in a name: capitalised, or a particle, alone ("bin") or joined to
    the next part ("al-Jaburi")."""
    return tok[:1].isupper() or tok.lower() in _PARTICLES or tok.split("-", 1)[0] in _PARTICLES


def _is_head(tok: str) -> bool:
    t = tok.lower().rstrip(".,")
    return t in ROLE_WORDS or t in GENERIC_HEADS or t in DOC_HEADS or t in ORG_WORDS


_LEAD_CAPS = frozenset({"Despite", "Nevertheless", "Separately", "Instead", "Indeed", "Thus", "Therefore"})

# ---------------------------------------------------------------- finding the mention next to a quote

_SPK_FILLER = re.compile(
    r"^(?:also|later|then|again|further|had|has|have|would|will|was|were|is|earlier|"
    r"once|previously|recently|today|yesterday|repeatedly|flatly|sternly|simply|quickly|"
    r"meanwhile|however|nonetheless|nevertheless|instead|separately|privately|publicly|subsequently|too|now)$",
    re.I,
)
# A speaker going on before the cue: "went on to (say)", "continued to (say)".
_GOES_ON_TAIL = re.compile(r"\s\s*(?:went|goes|go|continued|continues)\s+(?:on\s+)?to\s*$")


def _goes_on_tail(text: str, lo: int, hi: int) -> re.Match[str] | None:
    """`_GOES_ON_TAIL.search(text, lo, hi)`, not tried on a window that does not end in "to"
    (most of them; the pattern would be tried at each of its spaces)."""
    e = hi
    while e > lo and text[e - 1].isspace():
        e -= 1
    if e - 2 < lo or not text.startswith("to", e - 2):
        return None
    return _GOES_ON_TAIL.search(text, lo, hi)
# Sentence adverbs between a speaker and the cue after a quote: '," Kovac, however, said'.
_POST_FILLER = frozenset({"however", "now", "though", "instead", "too", "just", "still", "already", "never"})
_CLAUSE_SKIP = re.compile(
    r"^(?:who|which|whose|where|speaking|asked|according|in|at|on|after|before|during|"
    r"when|while|as|but|and|however|meanwhile|earlier|later|also|though|although|addressing|"
    r"referring|commenting|responding|noting|adding|saying|citing)\b",
    re.I,
)
_LEAD_STRIP = re.compile(
    r"^(?:but|and|however|meanwhile|yet|so|still|also|instead|later|earlier|now|then|"
    r"separately|similarly|likewise|in addition|moreover|furthermore|although|though|whereas|"
    r"(?:no|small|little) wonder)\b[,\s]*",
    re.I,
)
# A subordinator before the subject of the cue that follows: "As spokesman X said, ...".
# Plural people nouns that may be a whole subject besides `GENERIC_HEADS` ("That is why critics say").
_PEOPLE_PLURALS = frozenset(
    "critics opponents supporters residents lawyers advocates activists protesters voters "
    "allies rivals skeptics sceptics detractors proponents scientists researchers investors".split()
)
_WITH_ING = re.compile(r"with\s")
_ING_CUE = re.compile(r"[a-z]+ing\b")
# A time opening the sentence with no comma: "At 10:30 the mayor said", "On Monday night the mayor said".
_LEAD_TIME = re.compile(
    r"(?:at|on|by|after|before|around|until)\s+(?:\d[\d:.]*(?:\s*[ap]\.?m\.?)?|noon|midnight|dawn|dusk|"
    r"(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day(?:\s+(?:morning|afternoon|evening|night))?)\s+(?=\S)",
    re.I,
)
_PREP_THEN_NAME = re.compile(r"(?:with|to|from|by|for|against|about|like|unlike)\s+(?=[A-Z])")
_SUBORD_LEAD = re.compile(r"(?:as|while|when|whenever|after|once|of course|recently)\b[,\s]*(?=\S)", re.I)


_PASSIVE_QUOTED = re.compile(
    r"\s\s*(?:was|were|is|are|has\s+been|had\s+been)\s+quoted(?:\s+by\s+.{1,60}?)?\s+as$", re.S
)


@dataclass
class Attribution:
    mention: tuple[int, int] | None
    cue: tuple[int, int] | None


def _trim(text: str, a: int, b: int) -> tuple[int, int]:
    while a < b and (text[a].isspace() or text[a] in ",;:-—–"):
        a += 1
    while b > a and (text[b - 1].isspace() or text[b - 1] in ",;:-—–"):
        b -= 1
    return a, b


_BREAK = re.compile(r"[.!?]\s+[A-Z]")


def _has_sentence_break(text: str, a: int, b: int) -> bool:
    for m in _BREAK.finditer(text[a:b]):
        if text[a + m.start()] == "." and _is_abbrev(text, a + m.start()):
            continue
        return True
    return False


_RELATIVE_WORDS = frozenset({"that", "which", "who", "whom"})


# A participle's aside of three or more words ("delivering the speech", "talking to reporters");
# "marketing manager" is a title, and "acting" or "outgoing" before one is no aside.
_PARTICIPLE_ASIDE = re.compile(
    r"[a-z]+ing\s+(?:the|a|an|his|her|their|its|to|on|at|for|with|in|from|about|after|over|[A-Z])\S*(?:\s+\S+)+$"
)
_TITLE_PARTICIPLES = frozenset(
    "acting managing outgoing incoming visiting ranking presiding ruling leading founding governing sitting "
    "reigning".split()
)


def _valid_mention(text: str, a: int, b: int) -> bool:
    if b <= a or b - a > 160:
        return False
    s = text[a:b]
    if not _MARK_SET.isdisjoint(s):
        return False
    ws = s.split()
    if len(ws) > 18:
        return False
    if _has_sentence_break(text, a, b) or ws[-1].lower() in _RELATIVE_WORDS or ws[0].lower() in _RELATIVE_WORDS:
        return False  # '... appeared outside that read "...': the verb is a relative clause's
    if ws[-1].lower() in {"and", "but", "or", "nor"}:
        return False  # '... under the Act but said': the subject is the first clause's
    first = ws[0]
    return (
        first[:1].isupper()
        or first.lower() in _DETS
        or first.lower() in PRONOUNS
        or first[:1].isdigit()
        or first.lower() in ROLE_WORDS
        or first.lower() in _PARTICLES
        or len(ws) == 1 and (first in GENERIC_HEADS or first in _PEOPLE_PLURALS)  # "... why critics say"
        # "junior coalition spokesman Ivo Marek": lowercase modifiers, a role, a name.
        or any(w in ROLE_WORDS and n[:1].isupper() for w, n in zip(ws, ws[1:]))
        or _described_name(ws)
    )


def _described_name(ws: list[str]) -> bool:
    """A name after a short lower-case description: "political scientist Lars Holm"."""
    k = next((i for i, w in enumerate(ws) if w[:1].isupper()), len(ws))
    return (
        1 <= k <= 3
        and 1 <= len(ws) - k <= 4
        and all(_is_name_word(w) for w in ws[k:])
        and not any(
            w in _FUNCTION_WORDS or w in PRONOUNS or _is_finite(w) or not w.isalpha() for w in ws[:k]
        )
    )


_RELATIVE_END = re.compile(words_pattern("who which that") + "$")


def _ends_relative(text: str, lo: int, hi: int) -> bool:
    """Whether `_RELATIVE_END` matches in text[lo:hi], searched only where the window ends with
    one of its words (or a line end, before which "$" matches too)."""
    if not text.endswith(("who", "which", "that", "\n"), lo, hi):
        return False
    return _RELATIVE_END.search(text, lo, hi) is not None


def post_attribution(text: str, start: int, limit: int) -> tuple[Attribution, int] | None:
    """Attribution right after a closing mark: '," he said' / '," said X' / ' X told Reuters'.

    Returns the attribution and where it ends, so a following quote can be joined to this one.
    """
    hi = min(limit, start + 220)
    a = start
    while a < hi and (text[a].isspace() or text[a] in ",-—–"):
        a += 1
    if a >= hi:
        return None
    for m in iter_cues(text, a, hi, min_strength=1):
        if _is_passive(text, m):
            continue  # '" Tuesday, hours after the aide was charged': not a speech verb here
        cs, ce = m.start(), m.end()
        if cs == a:
            if m.group().endswith("ing"):
                return None  # '," saying the city was ...': the participle's subject is before the quote
            # Cue first: '," said Richard O'Brien, economist at ...'
            me = _mention_after(text, ce, hi)
            if me is None:
                return None
            ms, me = _trim(text, ce, me)
            if not _valid_mention(text, ms, me):
                # '," said X, a pollster who ... and ...': too long an apposition; up to its
                # relative clause, else the name alone.
                rm = _RELATIVE_IN.search(text, ms, me)
                if rm and _valid_mention(text, ms, rm.start()):
                    return Attribution((ms, rm.start()), (cs, ce)), me
                k = text.find(",", ms, me)
                if k < 0 or not _valid_mention(text, ms, k):
                    return None
                return Attribution((ms, k), (cs, ce)), me
            return Attribution((ms, me), (cs, ce)), me
        ms, me = _trim(text, a, cs)
        if _ends_relative(text, ms, me):
            continue  # '," the official, who asked not to be named, told Reuters': the clause's verb
        gm = _goes_on_tail(text, ms, me)
        if gm:
            me = gm.start()  # '" She went on to say'
        pq = _PASSIVE_QUOTED.search(text, ms, me) if text.find("quoted", ms, me) >= 0 else None
        if pq:
            me = pq.start()  # '," Kovac was quoted as telling ...'
        words = text[ms:me].split()
        while words[1:] and (_SPK_FILLER.match(words[-1]) or _is_adverb(words[-1]) or words[-1] in _POST_FILLER):
            me = text.rfind(words[-1], ms, me)
            ms, me = _trim(text, ms, me)
            words = words[:-1]
        if not words:
            return None
        if words[0].lower() in _RELATIVE_WORDS and "," in text[ms:me]:
            # '"a fair deal" that would help everyone, Senator Lind said': the clause ends at its comma.
            ms, me = _trim(text, text.rfind(",", ms, me) + 1, me)
        if not _valid_mention(text, ms, me):
            k = text.find(",", ms, me)
            if k < 0 or not _name_piece(text[ms:k]) or not _valid_mention(text, ms, k):
                return None
            # '," X, wearing a hat and "Cruz" pins, said': the name before a participle clause.
            return Attribution((ms, k), (cs, ce)), ce
        k = text.rfind(",", ms, me)
        if k > ms and (
            _no_name_before(text[ms:k])
            or (
                _closed_sentence(text, start)
                and "," not in text[me:cs]
                and _topic_then_subject(text[ms:k], text[k + 1 : me])
            )
        ):
            # '" ... would be fair, Senator X said': the clause the quote ends in, then the speaker.
            ms2, me2 = _trim(text, k + 1, me)
            if _valid_mention(text, ms2, me2):
                ms = ms2
        return Attribution((ms, me), (cs, ce)), ce
    return None


def _conjunction_then_name(s: str) -> bool:
    """A person's name after a conjunction or sentence adverb: "But Jan Kowal" before an
    apposition ("But Jan Kowal, a spokesman for X, said") is the subject, not a clause."""
    lead = _LEAD_STRIP.match(s)
    return lead is not None and _is_titled_person_name(s[lead.end() :])


def _closed_sentence(text: str, close_end: int) -> bool:
    """Whether the quote whose marks close just before close_end ended its sentence inside them
    ('... rise."', '... enough.\'"', '... rise…"')."""
    j = close_end - 1
    while j > 0 and (text[j] in _MARK_SET or text[j] in "'’"):
        j -= 1
    return j >= 0 and text[j] in ".!?…"


def _topic_then_subject(before: str, after: str) -> bool:
    """A lone word, then a subject of its own, after a quote that closed its sentence:
    '"... rise." Budgets, Kovac said, "...' opens a new sentence whose topic is "Budgets"; an
    apposition names its person in more words ("Tom Berg, the mayor") or closes with a comma
    before the cue ("Kovac, the mayor, said")."""
    ws = after.split()
    if len(before.split()) != 1 or not ws:
        return False
    if len(ws) == 1:
        return ws[0].lower() in PRONOUNS or (ws[0].isalpha() and ws[0].istitle())
    return ws[0].lower() in ("the", "a", "an")


def _no_name_before(s: str) -> bool:
    """Whether what stands before a comma in a mention is the end of a clause or an adverbial
    ("would be fair", "On Friday", "Of course"), not a name in apposition."""
    if _conjunction_then_name(s):
        return False
    ws = s.split()
    if not ws:
        return False
    first = ws[0]
    return (
        (first[:1].islower() and first not in _DETS)
        or first in _NON_NAME_CAPS
        or first.endswith("ing")
        or _is_clause(s)
    )


# ", echoing the minister" opens a clause; ", managing director of X" is still the apposition.
_PARTICIPLE_CLAUSE = re.compile(
    r",\s*[a-z]+ing\s+(?!(?:" + "|".join(sorted(w for w in ROLE_WORDS if w.isalpha())) + r")\b)"
)


_CLAUSE_AFTER_COMMA = re.compile(
    r",\s*(?:who|which|whose|adding|saying|noting|declining|according|in|at|on|when|after|"
    r"before|as|but|and|referring|speaking|told|asked|though|although|while|because|via)\b"
)
# Where and when the words were said, after the speaker's name: "said X in a statement".
_ADJUNCT_AFTER = re.compile(
    r"\s+(?:(?:in|on)\s+(?:an?|the|his|her|their|its)\s+(?:[\w\-]+\s+)?(?:statement|interview|speech|"
    r"tweet|post|letter|e-?mail|video|memo|briefing|conference|call|appearance|broadcast|op-ed|column|"
    r"release|filing)s?\b|via\s+(?:e-?mail|Twitter|text|phone|telephone)\b|on\s+(?:Twitter|Facebook|Instagram)\b"
    r"|at\s+the\s+time\b|when\s+(?:asked|pressed|questioned)\b|speaking\s+(?:to|with|at|on)\s"
    r"|(?:on|last|this|late|early|earlier|later)\s+(?:(?:[Mm]on|[Tt]ues|[Ww]ednes|[Tt]hurs|[Ff]ri|[Ss]atur|[Ss]un)day"
    r"|week|month|year|night|morning|afternoon|evening|weekend)\b)"
)


def mention_after_cue(text: str, ce: int, hi: int) -> tuple[int, int] | None:
    """The speaker named right after a cue ending at ce ('said X, an analyst'), if any."""
    me = _mention_after(text, ce, hi)
    if me is None:
        return None
    ms, me = _trim(text, ce, me)
    return (ms, me) if _valid_mention(text, ms, me) else None


def _mention_after(text: str, a: int, hi: int) -> int | None:
    """End of the noun phrase after a cue: up to the sentence end, keeping one apposition."""
    b = a
    n = len(text)
    while b < min(hi, n):
        c = text[b]
        if c in ALL_MARKS or c in ";:":
            break
        if (
            c in ".!?"
            and (b + 1 >= n or text[b + 1].isspace() or text[b + 1] in _MARK_SET)
            and not (c == "." and _is_abbrev(text, b))
        ):
            break
        if c == "," and (
            _CLAUSE_AFTER_COMMA.match(text[b : b + 20]) or _PARTICIPLE_CLAUSE.match(text, b, b + 40)
        ):
            break
        if c == "\n" and b + 1 < n and text[b + 1] in " \t\n":
            break
        if c.isspace() and b > a and _ADJUNCT_AFTER.match(text, b, b + 60):
            break
        b += 1
    return b if b > a else None


_QUOTED_AS = re.compile(r"\bquot(?:ed|es|ing)\s+(?!by\s)(.{1,160}?)\s+as\s+$", re.S)
_WAS_QUOTED_AS = re.compile(r"\b(?:was|were|is|are|been)\s+quoted\s+(?:by\s+.{1,60}?\s+)?as\s+$", re.S)


# The subject of a relative clause whose verb of saying comes next: "which she described as".
_RELATIVE_SUBJECT = re.compile(
    words_pattern("which whom") + r"\s+(he|she|they|we|I|[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*){0,4}|"
    r"the\s+(?:[A-Z][\w'’-]+\s+){0,3}[A-Za-z]+)\s+"
    r"(?:(?:has|have|had|once|also|later|then|recently|simply)\s+)*$"
)


# A participle's clause opening the sentence, up to its comma: "Continuing to explain his view, ".
# The -ing word must lead into a phrase ("Speaking to", "Writing in the"), as a name ending in -ing
# ("Boeing rejected", "Nanjing police") is followed by its verb or noun.
_FRONTED_CLAUSE = re.compile(
    r"\s*(?:([A-Z][a-z]+ing)\s+"
    + words_pattern(
        "to at in on about with for from after before during his her their its our the a an this that"
        " these those out up back through over into as by under against across"
    )
    + r"\b|Asked|Pressed)[^.!?;:\"“”,]{0,160},\s*"
)


def _fronted_clause(text: str, lo: int, end: int) -> re.Match | None:
    """An opening participle clause, unless its -ing word is a name the story writes mid-sentence
    ("Alistair Darling" ... "Darling on Monday defended")."""
    fm = _FRONTED_CLAUSE.match(text, lo, end)
    if fm is None or fm.group(1) is None:
        return fm
    if re.search(r"[\w,’']\s+" + fm.group(1) + r"\b", text):
        return None
    return fm


def pre_attribution(text: str, sent_start: int, open_pos: int) -> Attribution | None:
    """Attribution before the quote in its sentence: 'X said', 'X said that', 'quoted X as saying'."""
    lo = max(sent_start, open_pos - 400)
    cues = iter_cues(text, lo, open_pos, min_strength=1)
    while len(cues) > 1 and _is_passive(text, cues[-1]) and cues[-1].group().lower() != "asked":
        cues.pop()  # "X told a briefing that the envoys had been declared ...": X's words
    if not cues:
        return None
    m = cues[-1]
    cs, ce = m.start(), m.end()
    cue_word = m.group().lower()
    if cue_word == "according to":
        me = _mention_after(text, ce, open_pos)
        if me is not None:
            ms, me = _trim(text, ce, me)
            if _valid_mention(text, ms, me):
                return Attribution((ms, me), (cs, ce))
        return Attribution(None, (cs, ce))
    # "quoted X as saying"; most sentences have no "quot" to look for.
    before = text[lo:cs]
    qm = _QUOTED_AS.search(before) if "quot" in before else None
    if qm:
        ms, me = _trim(text, lo + qm.start(1), lo + qm.end(1))
        return Attribution((ms, me), (cs, ce))
    pm = _WAS_QUOTED_AS.search(before) if "quot" in before else None
    if pm:
        cs2 = lo + pm.start()
        subj = _subject_before(text, lo, cs2)
        return Attribution(subj, (cs, ce))
    if cue_word in {
        "saying",
        "adding",
        "noting",
        "telling",
        "warning",
        "calling",
        "arguing",
        "insisting",
        "describing",
        "accusing",
    }:
        # Participle: the subject is the main clause's subject, before the main verb.
        fm = _fronted_clause(text, lo, cs)
        if fm is not None:
            lo = fm.end()  # "Continuing to explain his view, Kovac rejected ...": its verb is no main verb
        main = iter_cues(text, lo, cs, min_strength=1)
        anchor = main[0].start() if main else cs
        subj = (_subject_before_verb(text, lo, cs) if fm is not None and not main else None) or _subject_before(
            text, lo, anchor
        )
        if subj is None and not main:
            subj = _subject_before_verb(text, lo, cs)
        return Attribution(subj, (cs, ce))
    rm = _RELATIVE_SUBJECT.search(text, max(lo, cs - 60), cs)
    if rm:
        # 'The levy, which she described as "a farce,"': the clause's own subject speaks.
        return Attribution(rm.span(1), (cs, ce))
    # Skip the object of "told": "X told reporters"; the subject is before the cue.
    earlier = _reporting_cue(text, lo, cs, cues[:-1])
    if earlier is not None:
        outer = _subject_before(text, lo, earlier.start())
        if outer is not None:
            return Attribution(outer, (earlier.start(), earlier.end()))
    subj = _subject_before(text, lo, cs)
    if subj is not None and (am := _ACCORDING_NAME.match(text, subj[0], subj[1])) is not None:
        subj = (am.end(), subj[1])  # "According to Mr Berg the minister said": the minister speaks
    if subj is None and m.group()[:1].isupper() and not text[lo:cs].strip():
        # "Said Kovac: ...", "Added Kovac, ...": a cue opening its sentence, the speaker after it.
        subj = mention_after_cue(text, ce, open_pos)
    return Attribution(subj, (cs, ce))


# The source of a report set before its subject with no comma: "(According) to Mr Berg the minister".
_ACCORDING_NAME = re.compile(
    r"(?:[Aa]ccording\s+)?to\s+(?:[^\W\d_][\w'’.\-]*\s+){1,5}?"
    r"(?=(?:the|a|an|his|her|their)\s+[a-z]|The\s+[A-Z]|(?:Governor|President|Senator|Mayor|Minister|Judge)\s+[A-Z])"
)


def _reporting_cue(text: str, lo: int, cs: int, before: list[CueMatch]) -> CueMatch | None:
    """The cue whose speaker the words at cs belong to when it is not the cue at cs itself: the
    one reporting the clause ("Kovac said Norland hoped ...")."""
    if not before:
        return None
    c0 = before[-1]
    if c0.end() < lo or _is_passive(text, c0) or cue_strength(c0.group()) < 2:
        return None
    rm = _REPORTED_SUBJECT.fullmatch(text, c0.end(), cs)
    # "Kovac said he hoped ...": the same speaker, whose own verb stays the cue.
    return c0 if rm and rm.group(1).lower() not in PRONOUNS else None


# The short subject of a clause reported by an earlier cue: "said Norland", "said the ministry".
_REPORTED_SUBJECT = re.compile(
    r"\s+(?!(?:and|or|for|to|with|that)\b)([\w.'’\-]+)(?:\s+[\w.'’\-]+){0,3}?"
    r"(?:\s+(?:had|has|have|would|will|was|were|is|are|also))?\s+"
)
# A wire story's dateline before its first sentence: "PORT ELY, May 4 - ", "OSLO (Reuters) - ".
_DATELINE = re.compile(
    r"\s*[A-Z][A-Z.'’\- ]*[A-Z.](?:,\s+[A-Z][a-z]+\.?\s+\d{1,2})?\s*(?:\([^()\n]{1,30}\)\s*)?[-—–]+\s+"
)
# A web dateline in title case with its agency, at the top of a story: "Oslo (AFP) – ",
# "Kyiv, Ukraine (AP) — ", "Berlin (dpa) - ". Mid-story "Ann Kovac (Lab) - ..." is a name and party.
_AGENCY_DATELINE = re.compile(
    r"\s*[A-Z][\w.'’\-]*(?: [A-Z][\w.'’\-]*){0,2}(?:,\s+[A-Z][\w.'’\-]*(?: [A-Z][\w.'’\-]*){0,2})?\s*"
    r"\((?:AFP|AP|Reuters|dpa|DPA|CNN|UPI|Bloomberg|Xinhua|TASS|Tass|ANSA|EFE|PA|PTI|IANS)\)\s*[-—–]+\s*"
)
# A second verb phrase of the same subject: "..., and warned".
_COORDINATED = re.compile(r",?\s+and\s*$")
_PASSIVE_BEFORE = re.compile(words_pattern("is are was were be been being") + r"\s+(?:[a-z]+ly\s+)?$")


def _is_passive(text: str, cue: CueMatch) -> bool:
    """Whether the cue is a passive participle ("the winner was declared", "he was asked"):
    its subject is what was spoken of or to, not the speaker."""
    cs = cue.start()
    return not cue.group().endswith("ing") and _PASSIVE_BEFORE.search(text, max(0, cs - 24), cs) is not None


_LEADING_NAMES = re.compile(r"\s*((?:[A-Z][\w'’.\-]*\s+)*[A-Z][\w'’.\-]*)")
_ROLE_THEN_NAME = re.compile(r"\s+([a-z]+)((?:\s+[A-Z][\w'’.\-]*)+)")


def _subject_before_verb(text: str, lo: int, hi: int) -> tuple[int, int] | None:
    """Subject of a clause whose verb is unknown: the leading noun phrase up to the first lowercase verb."""
    lm = _LEAD_STRIP.match(text[lo:hi])
    if lm and text[lo + lm.end() : lo + lm.end() + 1].isupper():
        lo += lm.end()  # "Earlier Tory leader Tom Howe sent ...": when, not who
    s = text[lo:hi]
    m = _LEADING_NAMES.match(s)
    if m:
        end = m.end(1)
        # Through a lower-case role to the name after it: "Tory leader Tom Howe".
        while (rm := _ROLE_THEN_NAME.match(s, end)) is not None and rm.group(1).lower() in ROLE_WORDS:
            end = rm.end()
        return _trim(text, lo + m.start(1), lo + end)
    return None


def _clause_subject(text: str, lo: int, hi: int, apposition: bool = False) -> tuple[int, int] | None:
    """The subject at the head of a clause, found only where a verb plainly follows it; with
    `apposition`, also a subject set off with its apposition before the verb ("Lord Brant, the
    Lord Chancellor, agreed ... but added")."""
    dm = _DATELINE.match(text, lo, hi)
    if dm:
        lo = dm.end()
    pos = lo
    head: tuple[int, int] | None = None
    for piece in text[lo:hi].split(","):
        a, b = _trim(text, pos, pos + len(piece))
        pos += len(piece) + 1
        if b <= a or (head is None and _CLAUSE_SKIP.match(text[a:b])):
            continue
        if head is not None:
            # "The Lord Privy Seal, Lord Brant, agreed ...": the subject and its apposition end
            # where a piece opens with the verb.
            first = text[a:b].split()[0]
            if first[:1].islower() and _is_verb_like(first):
                return head if _valid_mention(text, *head) else None
            if _tighten(text, a, b)[1] < b or len(text[a:b].split()) > 6:
                return None
            head = (head[0], b)
            continue
        a2, b2 = _tighten(text, a, b)
        if b2 < b:
            return (a2, b2) if _valid_mention(text, a2, b2) else None
        if not apposition or text[a:b].split()[0].lower().endswith("ing"):
            return None  # "Appearing before supporters, ...": a participle's clause, no subject
        head = (a, b)  # no verb yet: perhaps a subject with an apposition after it
    return None


def _last_clause_subject(text: str, lo: int, hi: int) -> tuple[int, int] | None:
    """The subject of the last clause before hi that has one, whose verb phrase a second one
    joins: "When asked, Kovac smiled and said" and "Norland accused X of cheating, and warned"."""
    dm = _DATELINE.match(text, lo, hi)
    if dm:
        lo = dm.end()
    end = hi
    while end > lo:
        k = text.rfind(",", lo, end)
        a, b = _trim(text, k + 1 if k >= 0 else lo, end)
        end = max(k, lo)
        if b <= a or _CLAUSE_SKIP.match(text[a:b]):
            continue
        a2, b2 = _tighten(text, a, b)
        if b2 < b and _valid_mention(text, a2, b2):
            return a2, b2
    return None


def sentence_subject(text: str, a: int, b: int) -> tuple[int, int] | None:
    """The person or official a sentence is about ("Tamura referred to ...", "But the official
    expressed ..."), as the source of an unattributed quote that follows it."""
    if not _MARK_SET.isdisjoint(text[a:b]):
        return None
    lm = _LEAD_STRIP.match(text[a:b])
    if lm:
        a += lm.end()
    subj = _clause_subject(text, a, b)
    if subj is None:
        return None
    ws = text[subj[0] : subj[1]].split()
    head = ws[-1].lower().rstrip(".,")
    if (
        (len(ws) == 1 and head in PERSON_PRONOUNS)
        or (head in ROLE_WORDS and head not in ORG_WORDS)
        or (ws[-1][:1].isupper() and ws[0] not in _NON_NAME_CAPS and not any(w.lower() in ORG_WORDS for w in ws))
    ):
        return subj
    return None


# "\bthat\b|;|\bbut\b|...", with each word's edge after its first letter (see `WORD_EDGE`).
# Each alternative opens with a plain character (none with a group), so that the regex engine
# skips to the characters a cut can start with instead of trying every position.
_WHY = r"(?:[a-z]+ly\s+|just\s+)?(?:why|how)\b"  # "That is (exactly) why critics say"
_CLAUSE_CUT = re.compile(
    rf"(?:t{WORD_EDGE}hat\b|;|b{WORD_EDGE}ut\b|a{WORD_EDGE}nd\s+(?=[a-z]+\s+(?:said|told))|"
    r",\s*and\s+(?=(?:his|her|their|the|a|an|one|another)\s+(?:[a-z]+\s+){0,2}$)|:(?!\d)|"  # not "3:1-5", "10:30"
    rf"w{WORD_EDGE}hile\b|b{WORD_EDGE}ecause\b|w{WORD_EDGE}hen\b|a{WORD_EDGE}fter\b|"
    rf"i{WORD_EDGE}s\s+{_WHY}|w{WORD_EDGE}as\s+{_WHY}|['’]s\s+{_WHY}|a{WORD_EDGE}s\b(?=\s+[A-Z]))"
)
_COMMA_SPLIT = re.compile(r"(,)(?!\d{3})")  # "40,000 nurses" is one number
# A finite verb before ", and her husband said": the clause before has its own predicate.
_VERB_BEFORE = re.compile(
    r"\b(?:[a-z]+ed|said|says|told|spoke|smiled|laughed|nodded|began|went|left|stood|sat|came|ran|wrote)\b"
)


# ",?\s+(?:who|which)\s" opening with its first character (a comma or a white space one).
_RELATIVE_IN = re.compile(r"[,\s](?:(?<=,)\s+|(?<=\s)\s*)(?:who|which)\s")
_RELATIVE_OPEN = re.compile(r",\s*(?:who|which|whose)\b")


# A place named after a preposition, and the region or country that may follow it after a comma.
_PLACE_TAIL = re.compile(words_pattern("in from of near") + r"\s+[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,2}\s*$")
_US_STATES = (
    "Alabama Alaska Arizona Arkansas California Colorado Connecticut Delaware Florida Georgia Hawaii Idaho "
    "Illinois Indiana Iowa Kansas Kentucky Louisiana Maine Maryland Massachusetts Michigan Minnesota "
    "Mississippi Missouri Montana Nebraska Nevada Ohio Oklahoma Oregon Pennsylvania Tennessee Texas Utah "
    "Vermont Virginia Washington Wisconsin Wyoming Ala. Ariz. Ark. Calif. Colo. Conn. Del. Fla. Ga. Ill. "
    "Ind. Kan. Ky. La. Md. Mass. Mich. Minn. Miss. Mo. Mont. Neb. Nev. Okla. Ore. Pa. Tenn. Vt. Va. Wash. "
    "Wis. Wyo. England Scotland Wales Ireland France Germany Italy Spain Canada Mexico Australia"
).split()
# A region after a town: a US state (or its AP abbreviation), "New York", "North Carolina", a country.
_REGION = re.compile(
    r"(?:New|North|South|West|Rhode)\s+[A-Z][a-z]+|[NS]\.[A-Z]\.|" + "|".join(re.escape(w) for w in _US_STATES)
)


def _inside_relative(seg: str, i: int) -> bool:
    """Whether position i of seg lies in a relative clause set off by commas and closed before
    seg ends (", who spoke after the vote,")."""
    k = seg.rfind(",", 0, i)
    return k >= 0 and _RELATIVE_OPEN.match(seg, k) is not None and "," in seg[i:]


def _story_top(text: str, lo: int) -> bool:
    """Whether lo is where the story's text begins (only white space, and at most a headline line, before it)."""
    return lo < 300 and text[:lo].count("\n") <= 2 and "." not in text[:lo].rstrip().rstrip(".")[-1:]


def _subject_before(text: str, lo: int, cs: int) -> tuple[int, int] | None:
    """The noun phrase ending just before a cue, skipping relative clauses and adverbials."""
    dm = _DATELINE.match(text, lo, cs) or (_AGENCY_DATELINE.match(text, lo, cs) if _story_top(text, lo) else None)
    if dm:
        lo = dm.end()
    end = cs
    gm = _goes_on_tail(text, lo, end)
    if gm and gm.start() > lo:
        end = gm.start()  # "Kovac went on to say"
    # Trim auxiliaries and adverbs between subject and cue ("has also", "had earlier"): only the
    # last word is looked at each time, so it alone is split off (the sentence may be long).
    last = text[lo:end].rsplit(None, 1)
    while last and _SPK_FILLER.match(last[-1].strip(",")):
        end = text.rfind(last[-1], lo, end)
        last = text[lo:end].rsplit(None, 1)
    tm = _TRAILING_TIME.search(text, max(lo, end - 30), end)
    if tm and tm.start() > lo:
        end = tm.start()  # "Senator X on Monday dismissed ...": when, not who
    if not last:
        return None
    seg = text[lo:end]
    co = _COORDINATED.search(seg, max(0, len(seg) - 12)) if seg.rstrip().endswith("and") else None
    head = _last_clause_subject(text, lo, lo + co.start()) if co else None
    if head is not None:
        # "Norland accused its neighbour of cheating, and warned ...": a second verb phrase of
        # the subject at the head of the clause.
        return head
    # Cut at the start of the clause: the last 'that', ';' or sentence-internal conjunction.
    cut = 0
    for cm in _CLAUSE_CUT.finditer(seg):
        if _inside_relative(seg, cm.start()):
            continue  # "Kovac, who spoke after the vote, said": the relative clause's own
        if cm.group().startswith(",") and not _VERB_BEFORE.search(seg, cut, cm.start()):
            continue  # "Ana Kovac, Tom Berg, and the mayor said": one subject of several names
        if cm.group().endswith(("why", "how")) and len(seg[cm.end() :].split()) > 4:
            continue  # "That is why critics say" opens the cue's clause; a longer one is another's
        cut = cm.end()
        if cm.group() == "but" and not seg[cut:].strip():
            # "Kovac predicted a deal, but said ...": the subject of the first clause.
            return _clause_subject(text, lo, lo + cm.start(), apposition=True)
    seg_lo = lo + cut
    chunks = []
    pos = seg_lo
    for piece in _COMMA_SPLIT.split(text[seg_lo:end]):
        if piece == ",":
            pos += 1
            continue
        if (
            chunks
            and text.startswith(",", pos + len(piece))
            and _PLACE_TAIL.search(text, *chunks[-1])
            and _REGION.fullmatch(piece.strip())
        ):
            chunks[-1] = (chunks[-1][0], pos + len(piece))  # "a farmer from Lyon, France, said": one place
        else:
            chunks.append((pos, pos + len(piece)))
        pos += len(piece)
    if chunks and _ING_CUE.match(text, cs):
        a, b = _trim(text, *chunks[-1])
        if _WITH_ING.match(text, a) and (pm := _PREP_THEN_NAME.match(text, a, b)) and _valid_mention(text, pm.end(), b):
            return pm.end(), b  # "..., with Senator Kowal telling reporters": Kowal
    # Walk from the right, skipping relative clauses and adverbials set off by commas.
    chosen: list[tuple[int, int]] = []
    for a, b in reversed(chunks):
        a, b = _trim(text, a, b)
        if b <= a:
            continue
        piece = text[a:b]
        if (
            _CLAUSE_SKIP.match(piece)
            and chosen == []
            and len(chunks) > 1
            and (a, b) != _trim(text, *chunks[0])
        ):
            continue
        if (
            not chosen
            and len(chunks) > 1
            and _PARTICIPLE_ASIDE.match(piece)
            and piece.split()[0] not in _TITLE_PARTICIPLES
            # "practising GP Ann Kovac": a participle before a title is part of the subject
            and not (piece.split()[1].lower() in ROLE_WORDS or piece.split()[1].isupper())
        ):
            continue  # "Tom Berg, delivering the speech for his boss, said": an aside, not a title
        if _CLAUSE_SKIP.match(piece) and chosen and not _conjunction_then_name(piece):
            if _RELATIVE.match(piece) and _INDEFINITE.match(text, *chosen[-1]):
                # "The statement, which showed Kovac, a former aide, also said": an indefinite
                # apposition after a relative clause is the clause's own, the subject stands before it.
                chosen = []
                continue
            break
        if len(chunks) > 1 and piece.isdigit():
            continue  # "Oleg Petrov, 50, claims", "Berg, 62, a retired teacher, said": an age
        if not chosen and len(chunks) > 1 and piece[:1].islower() and _is_verb_like(piece.split()[0]):
            # "X, a title, was asked ... and replied": the predicate, the subject is before it;
            # a capital opens a name ("State Department spokesman X"), never the predicate.
            continue
        chosen.append((a, b))
        if len(chosen) == 2:
            break
        if any(t[:1].isupper() and t not in _NON_NAME_CAPS for t in piece.split()[1:]) or piece[:1].isupper():
            # Has a name: an apposition before it belongs only if this piece is a bare role.
            if not _is_bare_role(piece) and not (
                not chosen[1:] and (_is_title_role(piece) or _INDEFINITE_DESC.match(piece))
            ):
                break
    if not chosen:
        return None
    if len(chosen) == 2:
        role_a, role_b = chosen[0]
        name_a, name_b = chosen[1]
        role = text[role_a:role_b]
        name = text[name_a:name_b]
        if (
            _is_bare_role(role)
            and _has_name(name)
            and not _is_clause(name)
            and (len(name.split()) == 1 or any(w[:1].isupper() for w in name.split()[1:]))
            and not _no_name_before(name)
        ) or (_is_title_role(role) and _is_titled_person_name(name)):
            a, b = name_a, role_b
        elif (
            (_DET_ROLE.fullmatch(role) or _INDEFINITE_DESC.match(role))
            and text[role_b:end].lstrip().startswith(",")
            and _name_piece(name)
        ):
            # "Kovac, the treasurer, said", "Berg, a consultant who worked for Lind, said": an
            # apposition closed by its comma; the name alone when the two run too long.
            a, b = (name_a, role_b) if _valid_mention(text, name_a, role_b) else (name_a, name_b)
        else:
            a, b = chosen[0]
    else:
        a, b = chosen[0]
    a2 = a
    lm = _LEAD_STRIP.match(text[a:b]) or _SUBORD_LEAD.match(text[a:b]) or _LEAD_TIME.match(text[a:b])
    if lm:
        a2 = a + lm.end()
    elif (
        len(chosen) == 1
        and text[b:end].strip(", ").lower() == "who"
        and (pm := _PREP_THEN_NAME.match(text, a, b)) is not None
    ):
        a2 = pm.end()  # "Contrast that with Kowal, who has called ...": Kowal
    a2, b = _tighten(text, *_trim(text, a2, b))
    a2 = _pronoun_alone(text, a2, b)
    if not _valid_mention(text, a2, b):
        return None
    return a2, b


_SUBJECT_PRONOUNS = frozenset({"he", "she", "it", "they"})
_TIME_CAPS = frozenset(
    "Monday Tuesday Wednesday Thursday Friday Saturday Sunday January February March April June July "
    "August September October November December".split()
)


def _pronoun_alone(text: str, a: int, b: int) -> int:
    """Where a mention ending in a subject pronoun starts when the pronoun is its whole subject
    ('At the bottom it reads', 'On Monday he said', 'Later he added'): not after a name ('After
    talks with Mr Blair he said' is not Blair's) or a quote, whose names the pronoun is not."""
    ws = text[a:b].split()
    if (
        len(ws) > 1
        and ws[-1] in _SUBJECT_PRONOUNS
        and ws[-2].lower() not in {"and", "or"}
        and not any(w[:1].isupper() and w.strip(",") not in _TIME_CAPS for w in ws[1:-1])
        and _MARK_SET.isdisjoint(text[a:b])
    ):
        return b - len(ws[-1])
    return a


def _name_piece(s: str) -> bool:
    """A name, maybe after a title: "Senator Rosa Lind", "Brandt", "Jan van Dijk", "Sen. Tom
    Berg (R-Ohio)"."""
    ws = _PARTY_TAG.sub("", s).split()
    return (
        1 <= len(ws) <= 7
        and ws[0] not in _NON_NAME_CAPS
        and ws[0] not in _LEAD_CAPS
        and all(w[:1].isupper() or w.lower() in _PARTICLES for w in ws[-2:])
    )


_LEAD_CLAUSE = re.compile(
    r"(?:(?:because|instead)\s+of\s+)?what\s+|(?:" + "|".join(sorted(_LEAD_CAPS)) + r")\s+(?:this|that)?\s*"
)
_TOKEN_SPAN = re.compile(r"\S\S*")


def _tighten(text: str, a: int, b: int) -> tuple[int, int]:
    """The subject noun phrase alone when the span ran on into its clause ("Kovac also said the
    ministry"), the same cut `_noun_phrase` makes for the canonical name."""
    lm = _LEAD_CLAUSE.match(text, a, b)
    if lm and lm.end() < b:
        a = lm.end()
    toks = [(m.start(), m.end(), m.group()) for m in _TOKEN_SPAN.finditer(text, a, b)]
    if len(toks) < 2:
        return a, b
    words = [t for _, _, t in toks]
    lead = 0
    while (
        lead < len(words)
        and (words[lead].lower() in _DETS or words[lead] in _NON_NAME_CAPS)
        and words[lead].lower() not in PRONOUNS
    ):
        lead += 1
    kept = words[lead : lead + 1] if lead < len(words) and words[lead].lower() in PRONOUNS else _noun_phrase(words)
    if len(kept) == len(words) - lead:
        # No name before the verb: "the senior official expressed ..." ends at its first head noun.
        head = next((i for i in range(lead, len(words) - 1) if _is_head(words[i])), None)
        if head is not None and not any(w[:1].isupper() for w in words[lead:head]):
            kept = words[lead : head + 1]
    while len(kept) > 2 and kept[-2] in _TIME_LEAD and kept[-1].lower() in _TIME_WORDS:
        kept = kept[:-2]  # "Senator X on Monday dismissed": when, not who
    n = lead + len(kept)
    # "Kovac returned the favour to Berg", "the party's campaign is claiming victory": the
    # subject ends at its verb.
    verb = _first_verb(words, lead + 1)
    if verb is not None and verb > lead and (verb < n or not kept or words[lead:n] != kept):
        return _trim(text, a, toks[verb - 1][1])
    if kept and words[lead:n] == kept and n < len(toks) and _verb_at(words, n):
        return _trim(text, a, toks[n - 1][1])
    if verb is not None and verb > lead:
        return _trim(text, a, toks[verb - 1][1])
    return a, b


def _verb_at(words: list[str], n: int) -> bool:
    """Whether a verb (after auxiliaries, adverbs and a time adjunct) follows words[:n], or only
    those do ("Kovac has also"), so that words[:n] is the clause's whole subject."""
    if words[n - 1].lower() in _NP_EDGE:
        return False
    rest = words[n:]
    filler = False
    while rest:
        if _SPK_FILLER.match(rest[0]) or _is_adverb(rest[0]):
            rest, filler = rest[1:], True
        elif rest[0] in _TIME_LEAD and rest[1:] and rest[1].lower() in _TIME_WORDS:
            rest = rest[2:]
        else:
            break
    return _is_finite(rest[0]) if rest else filler


_ED_FORM = re.compile(r"[a-z]+ed")
_ADVERB = re.compile(r"[a-z]+ly")
# Words ending in "-ly" that are nouns or adjectives, not adverbs: "the Kovac family said".
_LY_NOUNS = frozenset(
    """family daily weekly monthly quarterly yearly ally rally assembly supply anomaly monopoly italy july
reply bully folly homily elderly friendly likely early lonely costly deadly holy ugly silly lovely
orderly unlikely timely""".split()
)


def _is_adverb(w: str) -> bool:
    return _ADVERB.fullmatch(w) is not None and w not in _LY_NOUNS


def _is_finite(w: str) -> bool:
    """A word that reads as the verb after a subject: a speech verb, an auxiliary, a past tense
    ("-ed" or irregular) or a negated auxiliary ("didn’t")."""
    return _is_verb_like(w) or w in _IRREGULAR_PAST or "n’t" in w or "n't" in w


def _first_verb(words: list[str], lo: int) -> int | None:
    """Where the first finite verb after a subject stands (an adverb or a time adjunct before it
    included: "Kovac quickly posted", "Berg on Monday said"), or None where a function word
    comes first (the phrase is no bare subject). Lower-case words before the verb are the
    subject's modifiers and nouns ("the party's campaign manager"); a verb form before a head
    noun is a modifier too ("the elected official")."""
    for i in range(max(lo, 1), len(words)):
        w = words[i]
        if not w[:1].islower():
            continue
        if words[i - 1].endswith(","):
            return None
        if _is_finite(w):
            if i + 1 < len(words) and _is_head(words[i + 1]):
                return None
            if _ED_FORM.fullmatch(w) and i + 1 < len(words) and words[i + 1].lower() in _TIME_WORDS:
                continue  # "an advertisement released Thursday accuses": a participle
            while i > lo and (_SPK_FILLER.match(words[i - 1]) or _is_adverb(words[i - 1])):
                i -= 1  # "the campaign also called"
            return i
        if _is_adverb(w) and i + 1 < len(words) and _is_finite(words[i + 1]):
            return i
        if w in _TIME_LEAD and i + 2 < len(words) and words[i + 1].lower() in _TIME_WORDS and _is_finite(words[i + 2]):
            return i
        if w in _FUNCTION_WORDS:
            return None
    return None


# Words that show a phrase is more than a subject noun phrase (a preposition, a conjunction, a
# relative pronoun), where the search for its verb stops.
_FUNCTION_WORDS = _NP_EDGE | frozenset(
    """in at on with by from as when while who whom which whose where after before if because into
about over under than but or nor so not since until without within during against between""".split()
)


_TRAILING_TIME = re.compile(
    r"\s\s*(?:(?:on|last|this|late|early|earlier|later)\s+(?:[Mm]on|[Tt]ues|[Ww]ednes|[Tt]hurs|[Ff]ri|[Ss]atur|[Ss]un)day"
    r"|(?:last|this|late|earlier|later)\s+(?:week|month|year|night|morning|afternoon|evening|weekend)"
    r"|at\s+the\s+time)\s*$"
)
_TIME_LEAD = frozenset({"on", "last", "this", "late", "early", "earlier", "later"})
_TIME_WORDS = frozenset(
    """monday tuesday wednesday thursday friday saturday sunday week month year night morning
afternoon evening weekend""".split()
)
_RELATIVE = re.compile(r"(?:who|which|whose)\b", re.I)
_INDEFINITE = re.compile(r"an?\s")
# A description that never is a name itself: "a veteran consultant who ...", "another supporter".
_INDEFINITE_DESC = re.compile(r"(?:an?|another)\s+[\w\-]")


def _is_clause(s: str) -> bool:
    """Whether a comma-set piece is a clause, not a name an apposition could follow ("The tankers
    will sail next week, the minister said"): it holds a finite verb or a modal."""
    return any(w in _CLAUSE_VERBS or is_cue(w) for w in s.split() if w[:1].islower())


def _is_verb_like(word: str) -> bool:
    return is_cue(word) or word.lower() in _CLAUSE_VERBS or _ED_FORM.fullmatch(word) is not None


# Verbs that show a subject ran on into its clause ("a central bank official took a ... line").
_CLAUSE_VERBS = frozenset(
    """took made gave went came sent held kept set put met saw found got began rose fell led
is was are were has had have does did will would can could may might must should""".split()
)
# Past tenses that do not end in "-ed", for where a subject ends: "The senator sought ...".
_IRREGULAR_PAST = frozenset(
    """began sought shot threw spoke struck fought brought bought thought caught taught drew drove
won lost left felt meant paid sold stood sat ran rang sang swore tore wore broke chose froze rode rose
wrote hit cut let quit spent sent lent built bent held kept slept swept became overcame undertook
withdrew""".split()
)


def _is_title_role(s: str) -> bool:
    """A capitalised job title with no name after its last role word: "Under Secretary of State for
    Political Affairs", "Deputy farm envoy and head of the delegation"."""
    raw = s.split()
    ws = [w.strip(".,").lower() for w in raw]
    last = max((i for i, w in enumerate(ws) if w in ROLE_WORDS), default=-1)
    if last < 0:
        return False
    tail = raw[last + 1 :]
    if tail and tail[0].lower() in {"to", "of", "at", "for", "in"}:
        return True  # "ambassador to the GATT", "director of Comecon": the body, not a name
    if len(tail) == 2 and tail[0].lower() in {"and", "&"} and last > 0 and ws[last - 1] in {"for", "of"}:
        return True  # "Director for Finance and Planning": the office's second field
    return not any(w[:1].isupper() for w in tail if w.lower() not in _NP_GLUE)


def _is_person_name(s: str) -> bool:
    """Two to four name words; after the first, "May" and "June" are family names ("Anna May")."""
    ws = s.split()
    return 2 <= len(ws) <= 4 and all(
        (
            w[:1].isupper()
            and w not in (_INSIDE_NON_NAME if i else _NON_NAME_CAPS)
            and w not in _LEAD_CAPS
            and w.lower() not in ROLE_WORDS
        )
        or w.lower() in _PARTICLES
        for i, w in enumerate(ws)
    )


def _is_titled_person_name(s: str) -> bool:
    """A person's name, maybe after a title or party word ("Lord Kowal", "Tory MP Jan Kowal"):
    the name an apposition such as ", Tory leader in the Lords," describes."""
    ws = s.split()
    k = 0
    while k < len(ws) - 1 and (ws[k].lower().rstrip(".") in ROLE_WORDS or _party_word(ws[k]) or ws[k].isupper()):
        k += 1
    rest = ws[k:]
    if k and len(rest) == 1:
        w = rest[0]
        return w[:1].isupper() and w[1:].islower() and w not in _NON_NAME_CAPS and w.lower() not in ROLE_WORDS
    if _is_person_name(" ".join(rest)):
        return True
    # "Party adviser Tom Berg": a job title of any words with a role word in it, then the name.
    return len(ws) >= 3 and _is_person_name(" ".join(ws[-2:])) and any(
        w.lower().rstrip(".") in ROLE_WORDS for w in ws[:-2]
    )


def _has_name(s: str) -> bool:
    ws = s.split()
    return any(w[:1].isupper() for w in ws)


# A description in apposition: "the treasurer", "a 45-year-old teacher".
_DET_ROLE = re.compile(r"(?:the|a|an)\s+[a-z0-9][\w\-]*(?:\s+[a-z][\w\-]*){0,3}")
# A US legislator's party and state after the name: "R-Ohio", "D-N.Y.", "I-Vt."
_PARTY_STATE = re.compile(r"[RDI]-[A-Z][A-Za-z.]*")


def _is_bare_role(s: str) -> bool:
    ws = s.split()
    if not ws:
        return False
    if _PARTY_STATE.fullmatch(s.strip()):
        return True  # "Sen. Tom Berg, R-Ohio, said": an affiliation after the name
    if (
        ws[0][:1].islower()
        and ws[0] not in _DETS
        and len(ws) >= 3
        and ws[-3].lower() in ROLE_WORDS
        and _is_person_name(" ".join(ws[-2:]))
        and not any(w in {"of", "to", "for", "at", "with"} for w in ws[:-3])
    ):
        # "shadow home secretary Tom Davies": a title and its holder's name ("spokeswoman for shadow
        # chancellor Tom Berg" is a role of the name before it)
        return False
    return (
        ws[0][:1].islower()
        and ws[0].lower() not in PRONOUNS
        and ws[0].lower() not in _DETS
        or (
            ws[0].lower() in {"a", "an", "the", "another"}
            and any(w.lower().rsplit("-", 1)[-1] in ROLE_WORDS for w in ws)
        )
    )
