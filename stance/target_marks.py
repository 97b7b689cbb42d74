"""Marks where a quote names its target, so the encoder need not find the target on its own.

Most training quotes name their target, but most real ones do not ("We will not be
bullied," about a state named two sentences earlier); a mark lets the model tell "says this
of the target" from "says this of someone else" instead of reading every hostile word as
aimed at the target.
"""

from __future__ import annotations

import re
from functools import lru_cache

from .segment.speakers import ORG_WORDS
from .targets import TargetLexicon

MARK = "@"


@lru_cache(maxsize=4096)
def _name_pattern(target: str) -> re.Pattern[str] | None:
    """The target as written, and a person's last name alone ("Reagan" for "Ronald Reagan"):
    a quote rarely repeats a full name. Case counts, as in the lexicon ("Will" is no "will"), and
    an organisation's last word ("Union", "Times") or a suffix ("Jr.") is no name of its own."""
    words = target.split()
    if not words:
        return None
    forms = {" ".join(words)}
    last = words[-1]
    if len(words) > 1 and last[:1].isupper() and last.isalpha() and len(last) > 2 and last.lower() not in ORG_WORDS:
        forms.add(last)
    body = "|".join(r"\s+".join(map(re.escape, f.split())) for f in sorted(forms, key=len, reverse=True))
    return re.compile(rf"(?<![\w])(?:{body})(?![\w])")


def target_spans(text: str, target: str, lexicon: TargetLexicon) -> list[tuple[int, int]]:
    """Non-overlapping (start, end) of every mention of the target, left to right."""
    canon = lexicon.canonical(target) or target
    found = [(a, b) for a, b, c in lexicon.spans(text) if c == canon]
    pattern = _name_pattern(target)
    if pattern is not None and canon not in lexicon.aliases:
        found.extend(m.span() for m in pattern.finditer(text))
    out: list[tuple[int, int]] = []
    for a, b in sorted(found):
        if out and a < out[-1][1]:
            out[-1] = (out[-1][0], max(b, out[-1][1]))
        else:
            out.append((a, b))
    return out


def mark_target(text: str, target: str, lexicon: TargetLexicon) -> str:
    """The text with each mention of the target set between marks: "@ Tehran @ will pay". A
    mark already in the text ("@Berg") is spelt out, so that every mark is one of ours."""
    if MARK in text:
        text = " ".join(text.replace(MARK, " at ").split())
    spans = target_spans(text, target, lexicon)
    if not spans:
        return text
    parts: list[str] = []
    last = 0
    for a, b in spans:
        parts.append(text[last:a])
        parts.append(f"{MARK} {text[a:b]} {MARK}")
        last = b
    parts.append(text[last:])
    return "".join(parts)
