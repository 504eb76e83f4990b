"""Kind of employment: ``find_employment_types`` and ``employment_type``.

>>> from jdparse.extract.employment import find_employment_types, employment_type
>>> text = "OpenZFS Developer | REMOTE | Full-time Contract"
>>> [(m.value, m.rule, text[m.start:m.end]) for m in find_employment_types(text)]
[('full_time', 'employment.en', 'Full-time'), ('contract', 'employment.en', 'Contract')]
>>> employment_type(find_employment_types(text)).value
'contract'

Values: ``full_time``, ``part_time``, ``contract``, ``temporary``, ``internship``.
The words, per language, the stop contexts and the precedence live in
``jdparse/data/employment.yaml``. The rule id is ``employment.<language>``,
the section of that file the word came from. Matching runs on the original
text, so ``text[m.start:m.end]`` is always the posting's own characters.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from .. import rules
from ._guard import Anchors, WordGuard, _NO_SPACES, _WORD, any_within, folded
from .._cache import compile as _rx
from ._vocab import Match, Split, atoms, lookup_key, word_table, alternation

__all__ = ["Match", "TYPES", "find_employment_types", "employment_type"]

TYPES = ("full_time", "part_time", "contract", "temporary", "internship")




def _alternation(words, case_sensitive=frozenset()) -> str:
    """Return the guarded alternation of ``words`` (see jdparse.extract._vocab)."""
    return alternation(words, case_sensitive=case_sensitive)


@dataclass(frozen=True, slots=True)
class _Tables:
    words: re.Pattern | Split
    stops: re.Pattern | Split | None
    lookup: dict
    """fold(word) -> (type, language)"""
    rank: dict
    """type -> precedence rank, 0 is most specific"""


@rules.derived
def _tables() -> _Tables:
    """Return the compiled patterns of ``employment.yaml`` (built once per process)."""
    data = rules.load("employment")
    precedence = data.get("precedence")
    if not isinstance(precedence, list) or sorted(precedence) != sorted(TYPES):
        raise ValueError(f"employment.yaml: precedence: expected each of {TYPES} once")
    lookup, all_words = word_table("employment.yaml", data.get("words"), TYPES)
    cs = frozenset(data.get("case_sensitive") or ())
    stops = data.get("stop_contexts") or []
    if not isinstance(stops, list) or not all(isinstance(s, str) and s for s in stops):
        raise ValueError("employment.yaml: stop_contexts: expected a list of phrases")
    return _Tables(
        words=Split.build(all_words, _rx, case_sensitive=cs) or _rx(_alternation(all_words, cs), re.IGNORECASE),
        stops=(Split.build(stops, _rx) or _rx(_alternation(stops), re.IGNORECASE)) if stops else None,
        lookup=lookup,
        rank={t: i for i, t in enumerate(precedence)},
    )


# A head count, not the job's type: "50 full-time employees", "20 full-time
# staff developers" (a number right before, or people right after).
_COUNT_BEFORE = _rx(r"\d[\d,.+]*\s*$")
_PEOPLE_AFTER = _rx(
    r"\s+(?:\w+\s+)?(?:employees|staff|people|workers|team members|engineers|developers|colleagues|mitarbeiter|salariés|empleados|funcionários|anställda)\b",
    re.IGNORECASE,
)


@rules.derived
def _guard() -> WordGuard:
    words = rules.load("employment").get("words") or {}
    return WordGuard(w for types in words.values() for ws in types.values() for w in ws)


def find_employment_types(text: str) -> list[Match]:
    """Return every employment-type word of ``text``, in order, stop contexts left out."""
    if not _guard().may_match(text):
        return []
    return _matches(text)


def _matches(text: str) -> list[Match]:
    t = _tables()
    hits = list(t.words.finditer(text))
    if not hits:
        return []
    # Stop contexts matter only where they cover a word.
    stopped = [m.span() for m in t.stops.finditer(text)] if t.stops else []
    out = []
    for m in hits:
        s, e = m.span()
        if any(a < e and s < b for a, b in stopped):
            continue
        if _COUNT_BEFORE.search(text, max(0, s - 12), s) and _PEOPLE_AFTER.match(text, e):
            continue
        typ, lang = t.lookup[lookup_key(t.lookup, m.group())]
        out.append(Match(s, e, typ, f"employment.{lang}"))
    return out


@rules.derived
def _anchors() -> Anchors:
    """Return where an employment-type word may occur in a folded text."""
    data = rules.load("employment")
    cs = frozenset(data.get("case_sensitive") or ())
    words = {w for types in (data.get("words") or {}).values() for ws in types.values() for w in ws}
    return Anchors([atoms(w, w not in cs, end=True) for w in sorted(words)], compile=_rx, rare=30)


_IN_WORD = _rx(r"\w\w")


class Finder:
    """``find_employment_types`` of slices of one posting: ``find(a, e)`` is that of ``text[a:e]``.

    The posting is casefolded once (``low`` is ``folded(text)``) and searched
    once for the places a word may be (see jdparse.extract._guard.Anchors):
    a slice without one gives no match without being read, and the word
    guard of a slice reads words of the fold already made.
    """

    __slots__ = ("text", "low", "hits")

    def __init__(self, text: str, low=...):
        self.text = text
        self.low = folded(text) if low is ... else low
        self.hits = False

    def find(self, a: int, e: int) -> list[Match]:
        low = self.low
        text = self.text[a:e]
        if low is None:
            return find_employment_types(text)
        if self.hits is False:
            self.hits = _anchors().positions(low)
        # The anchors end words where the text does: a slice that ends inside
        # a word of the text is read as it is.
        if not any_within(self.hits, a, e) and not (0 < e < len(low) and _IN_WORD.match(low, e - 1)):
            return []
        # The guard of find_employment_types.
        if not _NO_SPACES.search(text) and _guard().firsts.isdisjoint(_WORD.findall(low, a, e)):
            return []
        return _matches(text)


def employment_type(matches) -> Match | None:
    """Return the match of the most specific type (the first of equals), or None.

    The order is ``precedence`` in ``employment.yaml``: "Full-time Contract"
    is a contract.
    """
    rank = _tables().rank
    best = None
    for m in matches:
        if best is None or rank[m.value] < rank[best.value]:
            best = m
    return best
