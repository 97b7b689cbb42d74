"""The target lexicon: canonical names of states, blocs, organisations and people, with the
aliases, demonyms, capitals and metonyms ("Washington", "the White House") news uses for them.

Matching is one compiled regular expression shaped as a trie of the aliases (so the regex engine
never retries hundreds of alternatives at each position), longest alias first, so a text is
scanned once whatever the lexicon size; case-sensitive so that "US" is not "us".
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml

from stance.errors import StanceError

SECTIONS: tuple[str, ...] = ("states", "blocs", "organisations", "parties", "people")
# Relations between canonical names: where an organisation or person belongs ("home"), which
# states make up a bloc ("members"), and which states a name that outlived them stood for
# ("narrower": "Germany" written in 1987 means West Germany when the story names it).
RELATIONS: tuple[str, ...] = ("home", "members", "narrower")
# Aliases that name a city (a capital, a seat of government) rather than the state itself.
PLACES_KEY = "places"
SPELLED_KEY = "spelled_out"
DEFAULT_PATH_PARTS: tuple[str, ...] = ("configs", "targets.yaml")


def default_path() -> Path:
    """configs/targets.yaml next to the package root (the repository checkout), or bundled package data."""
    here = Path(__file__).resolve().parent
    for candidate in (here.parent.joinpath(*DEFAULT_PATH_PARTS), here / "data" / "targets.yaml"):
        if candidate.is_file():
            return candidate
    return here.parent.joinpath(*DEFAULT_PATH_PARTS)


def trie_pattern(alternatives: Any, space: str = r"\s+", guard: str = "") -> str:
    """A regex body matching any of the strings, built as a trie so that shared prefixes are tried
    once. At each point longer continuations are tried before stopping, so the leftmost match is
    the longest alternative that fits (like an alternation sorted longest first). Runs of spaces
    in an alternative match `space`. `guard`, a lookbehind written for the place after an
    alternative's first character ("(?<![A-Za-z].)" for "no letter before the word"), is put
    there: a pattern that opens with a lookbehind is tried at every position of the text, one
    that opens with a character lets the regex engine skip to where an alternative can start."""
    root: dict[str, dict] = {}
    for alt in alternatives:
        node = root
        for tok in re.findall(r" +|.", alt, re.S):
            node = node.setdefault(" " if tok[0] == " " else tok, {})
        node[""] = {}

    def emit(node: dict[str, dict], after: str = "") -> str:
        branches = [(space if k == " " else re.escape(k)) + after + emit(node[k]) for k in sorted(node) if k != ""]
        if not branches:
            return ""
        if "" in node:
            return "(?:" + "|".join(branches) + ")?"
        return branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"

    return emit(root, guard)


# The word edge `\b` before a word, as a guard for the place after its first character (see
# `trie_pattern`): no word character before that one.
WORD_EDGE = r"(?<!\w.)"


def words_pattern(words: str) -> str:
    """A regex body for any of the (space-separated) words, each after a word edge: the trie of
    `trie_pattern` guarded by `WORD_EDGE`, which the regex engine can skip to, for
    "\\b(?:word|word)" followed by what a word cannot go on with (\\b, a space)."""
    return "(?:" + trie_pattern(words.split(), guard=WORD_EDGE) + ")"


# A compass word before a name makes a region of it ("North American", "Central American",
# "Northern Ireland"); where the region is itself an alias ("West German") that match wins.
_REGION_BEFORE = re.compile(
    "(?:"
    + trie_pattern(
        "North South East West Central Latin Northern Southern Eastern Western".split(), guard=r"(?<![\w.\-].)"
    )
    + ")$"
)


def _new_place(text: str, a: int, e: int) -> bool:
    """Whether the name at a follows a capitalised "New" after a word in lower case, which makes
    another place or body of it ("in New England", "of New Mexico", "the New Democratic Party");
    a "New" that opens a sentence ("New Irish curbs ...") or stands in a title-cased headline
    ("Praises New Irish Policies") is the adjective, and so is one after "a" or "an" where no
    word follows the name ("a New Europe and ...": a slogan about the place itself; "a New
    England town" is the other place)."""
    k = a - 4
    if k < 2 or text[k : a - 1] != "New" or text[k - 1] != " ":
        return False
    m = _WORD_BEFORE.search(text, max(0, k - 24), k - 1)
    if m is None or not m.group().islower():
        return False
    return m.group() not in ("a", "an") or _WORD_AFTER.match(text, e) is not None


_WORD_BEFORE = re.compile(r"[A-Za-z]+$")
# An alias that is an article and a compass word ("the West") before a capitalised word may be
# the opening of a longer name: one of the lexicon's ("the West German mark", "the West Bank") or
# a place it lacks (`_bloc_before_capital`). A name that only ends in one ("Oliver North") is no
# compass alias at all.
_COMPASS_WORDS = ("West", "East", "North", "South")
_COMPASS_END = re.compile(r"^[Tt]he\s+(West|East|North|South)$")
_CAPITAL_NEXT = re.compile(r"(?:[ \t]+|[ \t]*\n)[A-Z]")
_DAY_NEXT = re.compile(
    r"\s+(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|January|February|March|April|June|July"
    r"|August|September|October|November|December)\b"
)
_TITLE_WORD_BEFORE = re.compile(r"(?<![\w.])[A-Z][a-z]+[ \t]+$")


def _bloc_before_capital(text: str, a: int, e: int) -> bool:
    """Whether "the West" at a..e, before a capitalised word that opens no longer alias, is still
    the bloc: before a day or month ("warned the West Thursday"), before a line break, or in a
    title-cased line ("Moscow Rejects Demands From the West Over Arms"). Elsewhere the capitalised
    word goes on a place the lexicon lacks ("the West Midlands", "the West Coast")."""
    if _DAY_NEXT.match(text, e) or "\n" in text[e : e + 3]:
        return True
    return _TITLE_WORD_BEFORE.search(text, max(0, a - 30), a) is not None
_WORD_AFTER = re.compile(r"[ \t]+(?!(?:and|or)\b)[A-Za-z]")


_LETTER_SHAPE = bytes(c if 65 <= c <= 90 or 97 <= c <= 122 else 32 for c in range(256))
_LOWER_SHAPE = bytes(c + 32 if 65 <= c <= 90 else c if 97 <= c <= 122 else 32 for c in range(256))


@lru_cache(maxsize=8)
def letter_shape(text: str, lower: bool = False) -> bytes:
    """The text with every character but an ASCII letter made a blank, one byte per character,
    padded with a blank at each end, and in lower case when asked. A whole word then reads
    b" word " at the word's offset, so a scanner made by `word_scanner` starts with a literal
    blank, which the regex engine jumps between, instead of testing a lookbehind at every
    character of a long text."""
    return b" " + text.encode("ascii", "replace").translate(_LOWER_SHAPE if lower else _LETTER_SHAPE) + b" "


def word_scanner(words: Iterable[str]) -> re.Pattern[bytes]:
    """A pattern over `letter_shape(text)` whose matches are the whole words (maximal runs of
    ASCII letters) of the text that are among `words`; a match's start is the word's offset in
    the text and its end one past the word's end."""
    words = set(words)
    if not all(w.isascii() and w.isalpha() for w in words):
        raise ValueError("word_scanner matches words of ASCII letters only")
    return re.compile(b" (?:" + trie_pattern(words).encode("ascii") + b")(?= )")


@dataclass
class TargetLexicon:
    """Canonical target names with their aliases; `kinds` maps a canonical name to its section."""

    aliases: dict[str, list[str]] = field(default_factory=dict)
    kinds: dict[str, str] = field(default_factory=dict)
    path: str | None = None
    homes: dict[str, str] = field(default_factory=dict)
    members: dict[str, list[str]] = field(default_factory=dict)
    narrower: dict[str, list[str]] = field(default_factory=dict)
    roles: dict[str, str] = field(default_factory=dict)
    places: frozenset[str] = frozenset()
    spelled_out: frozenset[str] = frozenset()
    _role_pattern: re.Pattern[str] | None = field(default=None, repr=False, compare=False)
    _pattern: re.Pattern[str] | None = field(default=None, repr=False, compare=False)
    _lookup: dict[str, str] = field(default_factory=dict, repr=False, compare=False)
    _folded: dict[str, str] = field(default_factory=dict, repr=False, compare=False)
    _folded_proper: dict[str, str] = field(default_factory=dict, repr=False, compare=False)
    _place_memo: dict[str, bool] = field(default_factory=dict, repr=False, compare=False)
    _find_memo: dict[str, tuple[str, ...]] = field(default_factory=dict, repr=False, compare=False)
    _government_memo: dict[str, str | None] = field(default_factory=dict, repr=False, compare=False)
    _blocs_of: dict[str, set[str]] = field(default_factory=dict, repr=False, compare=False)
    _shape_scan: re.Pattern[bytes] | None = field(default=None, repr=False, compare=False)
    _tails: frozenset[str] | None = field(default=None, repr=False, compare=False)
    _cap_scan: re.Pattern[bytes] | None = field(default=None, repr=False, compare=False)
    lower_firsts: frozenset[str] | None = field(default=None, repr=False, compare=False)

    def __post_init__(self) -> None:
        self._compile()
        blocs_of: dict[str, set[str]] = {}
        for bloc, states in self.members.items():
            for st in states:
                blocs_of.setdefault(st, set()).add(bloc)
        self._blocs_of = blocs_of

    def _compile(self) -> None:
        lookup: dict[str, str] = {}
        for canon, names in self.aliases.items():
            for name in [canon, *names]:
                lookup.setdefault(name, canon)
        self._lookup = lookup
        self._place_memo = {}
        self._find_memo = {}
        self._government_memo = {}
        self._folded = {}
        self._folded_proper = {}
        for name, canon in lookup.items():
            self._folded.setdefault(name.casefold(), canon)
            if not name.islower():
                self._folded_proper.setdefault(name.casefold(), canon)
        self._role_pattern = (
            re.compile(r"(?:" + trie_pattern(self.roles, space=r"\s+", guard=r"(?<![\w.\-].)") + r")(?![\w\-])")
            if self.roles
            else None
        )
        if not lookup:
            self._pattern = None
            self._shape_scan = self._cap_scan = self.lower_firsts = None
            return
        # An alias's letters, with blanks for what lies between them, as they read in the letter
        # shape of a text where the alias stands (see `_matches`).
        if all(name[:1].isascii() and name[:1].isalpha() for name in lookup):
            keys = {" ".join(re.findall(r"[A-Za-z]+", name)) for name in lookup}
            # The letters an alias opens with, asked first: at a blank before any other character
            # (another blank, most lower-case words) that one test fails instead of the whole trie.
            firsts = "".join(sorted({k[0] for k in keys})).encode("ascii")
            self._shape_scan = re.compile(
                b" (?=[" + firsts + b"])(?=(?:" + trie_pattern(keys, space=" +").encode("ascii") + b") )"
            )
            # Most words of a story are in lower case, and most aliases open with a capital: a
            # caller that finds the few lower-case words aliases open with in a word scan of its
            # own (see `spans`) leaves this scan the capitalised words and "the" (too common a
            # word to hand to Python each time), a guard that most blanks fail at once.
            lower = {k.split(" ", 1)[0] for k in keys if k[0].islower() and not k.startswith("the ")}
            rest = {k for k in keys if k.split(" ", 1)[0] not in lower}
            firsts = "".join(sorted({k[0] for k in rest})).encode("ascii")
            self._cap_scan = re.compile(
                b" (?=[" + firsts + b"])(?=(?:" + trie_pattern(rest, space=" +").encode("ascii") + b") )"
            )
            self.lower_firsts = frozenset(lower)
        else:
            self._shape_scan = self._cap_scan = self.lower_firsts = None
        # Word edges that also work for aliases ending in "." ("U.S.") and for possessives ("Japan's").
        body = trie_pattern(lookup, space=r"\s+", guard=r"(?<![\w.\-].)")
        self._pattern = re.compile(r"(?:" + body + r")(?![\w\-]|\.\w)")

    @classmethod
    def load(cls, path: str | Path | None = None) -> TargetLexicon:
        """Read a lexicon YAML; None reads the packaged default."""
        p = Path(path) if path is not None else default_path()
        try:
            raw = yaml.safe_load(p.read_text(encoding="utf-8"))
        except OSError as exc:
            raise StanceError(f"cannot read target lexicon: {exc.strerror or exc}", p) from None
        except yaml.YAMLError as exc:
            mark = getattr(exc, "problem_mark", None)
            line = mark.line + 1 if mark is not None else None
            raise StanceError(
                f"target lexicon is not valid YAML: {getattr(exc, 'problem', exc)}", p, line
            ) from None
        return cls.from_dict(raw, p)

    @classmethod
    def from_dict(cls, raw: Any, path: str | Path | None = None) -> TargetLexicon:
        if not isinstance(raw, dict):
            raise StanceError("target lexicon must be a mapping with sections " + ", ".join(SECTIONS), path)
        aliases: dict[str, list[str]] = {}
        kinds: dict[str, str] = {}
        relations: dict[str, Any] = {}
        roles: Any = {}
        places: Any = []
        spelled: Any = []
        for key, section in raw.items():
            if key == "version":
                continue
            if key == PLACES_KEY:
                places = section or []
                continue
            if key == SPELLED_KEY:
                spelled = section or []
                continue
            if key == "roles":
                roles = section or {}
                continue
            if key in RELATIONS:
                relations[key] = section or {}
                continue
            if key not in SECTIONS:
                raise StanceError(
                    f"unknown key {key!r} in target lexicon (expected one of " + ", ".join(SECTIONS) + ")",
                    path,
                )
            if section is None:
                continue
            if not isinstance(section, dict):
                raise StanceError(f"key {key!r} must map canonical names to lists of aliases", path)
            for canon, names in section.items():
                if not isinstance(canon, str) or not canon.strip():
                    raise StanceError(
                        f"key {canon!r} in {key!r}: canonical name must be a non-empty string", path
                    )
                if names is None:
                    names = []
                if not isinstance(names, list) or not all(isinstance(n, str) and n.strip() for n in names):
                    raise StanceError(
                        f"key {canon!r} in {key!r}: aliases must be a list of non-empty strings", path
                    )
                aliases.setdefault(canon, []).extend(n.strip() for n in names)
                kinds[canon] = key
        homes, members, narrower = _relations(relations, kinds, path)
        return cls(
            aliases=aliases,
            kinds=kinds,
            path=str(path) if path is not None else None,
            homes=homes,
            members=members,
            narrower=narrower,
            roles=_roles(roles, kinds, path),
            places=_places(places, aliases, path),
            spelled_out=_places(spelled, aliases, path, SPELLED_KEY),
        )

    def alias_tail(self, name: str) -> bool:
        """Whether a name is the tail of a longer alias ("Reserve Board" of "Federal Reserve
        Board"): a lexicon target shortened, not a body of its own."""
        if self._tails is None:
            tails: set[str] = set()
            for alias in self._lookup:
                words = alias.split()
                tails.update(" ".join(words[i:]) for i in range(1, len(words) - 1))
            self._tails = frozenset(tails)
        return name in self._tails

    def spans(self, text: str, lower_words: Iterable[tuple[int, int]] | None = None) -> list[tuple[int, int, str]]:
        """(start, end, canonical) of every alias occurrence, left to right, non-overlapping.
        `lower_words`, from a caller that scans the text's words anyway, is (start, end) of at least
        every whole word (a maximal run of ASCII letters) of the text that is one of
        `lower_firsts`, in order; the lexicon's own scan then looks only for the other aliases."""
        if self._pattern is None or not text:
            return []
        out = []
        skip = 0
        for m in self._matches(text, lower_words):
            a = m.start()
            if a < skip:
                continue
            compass = _COMPASS_END.match(m.group()) if m.group().endswith(_COMPASS_WORDS) else None
            if compass and _CAPITAL_NEXT.match(text, m.end()):
                # "the West German government", "the West Bank": the compass word opens a longer
                # name, an alias of its own ("West German") or a place ("the West Midlands").
                longer = self._pattern.match(text, a + compass.start(1))
                if longer is not None and longer.end() > a + compass.end(1):
                    m = longer
                    a, skip = m.start(), m.end()
                elif not _bloc_before_capital(text, a, m.end()):
                    continue
            canon = self._lookup.get(m.group()) or self._lookup.get(" ".join(m.group().split()))
            if canon is None:
                continue
            if a > 1 and (text[a - 1].isspace() or text[a - 1] == "-"):
                if _REGION_BEFORE.search(text, max(0, a - 11), a - 1) or _new_place(text, a, m.end()):
                    continue
            out.append((a, m.end(), canon))
        return out

    def _matches(self, text: str, lower_words: Iterable[tuple[int, int]] | None = None) -> Iterable[re.Match[str]]:
        """The alias pattern's matches, as `finditer` finds them. In a long text the pattern is
        tried only where the text's letter shape reads as an alias's does: an alias starts with an
        ASCII letter after a character that is not one, and what its letters stand between are
        characters that are not letters either, so those are all the places it can match, and
        trying them left to right from the end of the last match is what `finditer` does. The scan
        looks ahead instead of taking a place's letters, so that a place it takes wrongly ("the,
        House" for "the House") cannot hide another inside it. The places where an alias opening
        with a word of `lower_firsts` can match are the words among `lower_words` spelt as that
        word: given them, the scan looks only for the other aliases' places."""
        pattern = self._pattern
        if self._shape_scan is None or len(text) < 400:
            return pattern.finditer(text)
        if lower_words is None:
            starts = [c.start() for c in self._shape_scan.finditer(letter_shape(text))]
        else:
            firsts = self.lower_firsts
            starts = [c.start() for c in self._cap_scan.finditer(letter_shape(text))]
            lower = [s for s, e in lower_words if text[s:e] in firsts]
            if lower:
                starts = sorted(starts + lower)
        out = []
        end = 0
        for s in starts:
            if s >= end:
                m = pattern.match(text, s)
                if m is not None:
                    out.append(m)
                    end = m.end()
        return out

    def find(self, text: str) -> list[str]:
        """Canonical names mentioned in text, in order of first mention, each once; short texts
        (speaker names, headlines) recur, so their answers are memoised."""
        short = len(text) <= 200
        if short:
            hit = self._find_memo.get(text)
            if hit is not None:
                return list(hit)
        seen: dict[str, None] = {}
        for _, _, canon in self.spans(text):
            seen.setdefault(canon, None)
        out = list(seen)
        if short:
            if len(self._find_memo) > 100_000:
                self._find_memo.clear()
            self._find_memo[text] = tuple(out)
        return out

    def canonical(self, name: str) -> str | None:
        """The canonical name for an alias or canonical name (exact, then case-insensitive), else None."""
        if not name:
            return None
        key = " ".join(name.split())
        return self._lookup.get(key) or self._folded.get(key.casefold())

    def proper_canonical(self, name: str) -> str | None:
        """The canonical name for a proper-name alias matched regardless of case, as an all-caps
        headline writes it ("NORCORP" for "NorCorp"); None for a common noun ("CREDITORS")."""
        return self._folded_proper.get(" ".join(name.split()).casefold())

    @property
    def spelled_bodies(self) -> frozenset[str]:
        """Canonical names that an alias of "spelled_out" stands for."""
        return frozenset(self._lookup[a] for a in self.spelled_out if a in self._lookup)

    def is_city(self, alias: str) -> bool:
        """Whether a surface form names a city ("Lisbon", "Washington"): a city is also where
        talks are held, and named as their venue it is no party to them."""
        return " ".join(alias.split()) in self.places

    def kind(self, canonical: str) -> str | None:
        return self.kinds.get(canonical)

    def government_body(self, state: str) -> str | None:
        """The one organisation of the lexicon that is a state's government ("UK government"),
        or None; memoised, as every story of party politics asks it of the same few states."""
        if state not in self._government_memo:
            bodies = [
                c
                for c, h in self.homes.items()
                if h == state and c.endswith(" government") and self.kinds.get(c) == "organisations"
            ]
            self._government_memo[state] = bodies[0] if len(bodies) == 1 else None
        return self._government_memo[state]

    def names_state_like(self, name: str) -> bool:
        """True when a surface form ("Japan", "Moscow", "EC") is an alias of a state or bloc; memoised."""
        hit = self._place_memo.get(name)
        if hit is None:
            if len(self._place_memo) > 200_000:
                self._place_memo.clear()
            c = self.canonical(name)
            hit = self._place_memo[name] = c is not None and self.kinds.get(c) in {"states", "blocs"}
        return hit

    def is_state_like(self, canonical: str) -> bool:
        """States and blocs: what a bare 'they' or 'it' in a quote most often stands for."""
        return self.kinds.get(canonical) in {"states", "blocs"}

    def side(self, names: Iterable[str]) -> set[str]:
        """The names, their home states and the blocs those states belong to: a speaker introduced
        as "a MITI official" speaks for MITI, for Japan, and not against either."""
        out: set[str] = set()
        for name in names:
            canon = self.canonical(name) or name
            out.add(canon)
            home = self.homes.get(canon)
            if home:
                out.add(home)
            for st in (canon, home):
                if st:
                    out |= self._blocs_of.get(st, set())
        return out

    def role_states(self, text: str) -> list[str]:
        """States a title implies ("Senator", "Treasury Secretary", "Knesset member"), in order."""
        if self._role_pattern is None or not text:
            return []
        found = (self.roles.get(" ".join(m.group().split())) for m in self._role_pattern.finditer(text))
        return list(dict.fromkeys(c for c in found if c))

    def resolver(self, present: Iterable[str]) -> dict[str, str]:
        """Old names to the one narrower state a story also names ("Germany" -> "West Germany")."""
        seen = set(present)
        out = {}
        for broad, narrow in self.narrower.items():
            hits = [n for n in narrow if n in seen]
            if len(hits) == 1:
                out[broad] = hits[0]
        return out


def _relations(
    raw: dict[str, Any], kinds: dict[str, str], path: str | Path | None
) -> tuple[dict[str, str], dict[str, list[str]], dict[str, list[str]]]:
    """Checked relation sections: every name must be a canonical name of the lexicon."""

    def known(name: Any, where: str) -> str:
        if not isinstance(name, str) or name not in kinds:
            raise StanceError(f"{where}: {name!r} is not a canonical name of the lexicon", path)
        return name

    out: dict[str, dict] = {}
    for key in RELATIONS:
        section = raw.get(key) or {}
        if not isinstance(section, dict):
            raise StanceError(f"key {key!r} must map canonical names to canonical names", path)
        rel: dict = {}
        for k, v in section.items():
            k = known(k, key)
            if key == "home":
                rel[k] = known(v, f"{key} of {k!r}")
            else:
                if not isinstance(v, list):
                    raise StanceError(f"key {k!r} in {key!r}: expected a list of canonical names", path)
                rel[k] = [known(x, f"{key} of {k!r}") for x in v]
        out[key] = rel
    return out["home"], out["members"], out["narrower"]


def _roles(raw: Any, kinds: dict[str, str], path: str | Path | None) -> dict[str, str]:
    """The checked "roles" section: a title phrase to the state that holds such an office."""
    if not isinstance(raw, dict):
        raise StanceError("key 'roles' must map title phrases to canonical state names", path)
    out: dict[str, str] = {}
    for phrase, state in raw.items():
        if not isinstance(phrase, str) or not phrase.strip():
            raise StanceError(f"roles: {phrase!r} is not a title phrase", path)
        if not isinstance(state, str) or kinds.get(state) != "states":
            raise StanceError(f"roles of {phrase!r}: {state!r} is not a state of the lexicon", path)
        out[" ".join(phrase.split())] = state
    return out


def _places(raw: Any, aliases: dict[str, list[str]], path: str | Path | None, key: str = PLACES_KEY) -> frozenset[str]:
    """A checked list of aliases of the lexicon: "places" (aliases that name a city) or
    "spelled_out" (acronyms that name the body only in a story that writes its name in full)."""
    if not isinstance(raw, list):
        raise StanceError(f"key {key!r} must list aliases of the lexicon", path)
    known = {n for canon, names in aliases.items() for n in (canon, *names)}
    for name in raw:
        if not isinstance(name, str) or name not in known:
            raise StanceError(f"{key}: {name!r} is not an alias of the lexicon", path)
    return frozenset(raw)
