"""Years of experience asked for: ``find_experience`` and ``experience_min``.

>>> from jdparse.extract.experience import find_experience, experience_min
>>> text = "10+ years of backend work, with at least 3 years in an architect role"
>>> [(m.value, m.rule, text[m.start:m.end]) for m in find_experience(text)]
[(10, 'experience.plus', '10+ years'), (3, 'experience.at_least', '3 years')]
>>> experience_min(find_experience(text)).value
10

A year count is a *token* (``[+] NUMBER [(5)] [+] [RANGE NUMBER] UNIT [AFTER]``)
that is kept only in an experience context (see :func:`_context_ok`). The
words live in ``jdparse/data/experience.yaml``; the text is never normalised,
so ``text[m.start:m.end]`` is always the posting's own characters.

Rules, tried in this order on each token (the first that fits names it):

- ``experience.range``: "3-5 years", "3 to 5 years": the lower bound.
- ``experience.plus``: "10+ years", "+5 años".
- ``experience.at_least``: "at least five years", "minimum of 2 yrs", "3年以上".
- ``experience.years``: a bare count, "five (5) years of experience".
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from .. import rules
from ._guard import WordGuard
from .._cache import compile as _rx
from ._vocab import Match, alternation, first_chars as _first_chars

__all__ = ["Match", "find_experience", "experience_min"]




# Years above this are company ages or anniversaries, not experience asked for.
_MAX_YEARS = 40
# How far around a token the context checks look, in characters; a sentence
# boundary stops them earlier.
_WINDOW = 80
_TAIL = 30  # not_after: how far after the unit a disqualifying word may stand

def _alternation(words) -> str:
    """Return the guarded alternation of ``words``; a hyphen is one dash ("2-year")."""
    return alternation(words, dash_optional=False)

_HS = r"[^\S\n]"  # horizontal white space: a token never spans lines
_DASH = "-\u2010-\u2015\u2212"
# A sentence ends at a newline, a bullet, a pipe, a semicolon, or . ! ? before a space.
_BOUNDARY = _rx(r"[\n;|\u2022\u00b7]|[.!?](?=\s)")


def _list(data: dict, name: str) -> list[str]:
    v = data.get(name)
    if not isinstance(v, list) or not all(isinstance(x, str) and x for x in v):
        raise ValueError(f"experience.yaml: {name}: expected a list of non-empty strings")
    return v


@dataclass(frozen=True, slots=True)
class _Tables:
    token: re.Pattern
    numbers: dict
    min_before: re.Pattern
    not_before: re.Pattern
    experience: re.Pattern
    connector: re.Pattern
    not_after: re.Pattern
    not_in_sentence: re.Pattern


@rules.derived
def _tables() -> _Tables:
    """Return the compiled patterns of ``experience.yaml`` (built once per process)."""
    data = rules.load("experience")
    numbers = data.get("numbers")
    if not isinstance(numbers, dict) or not all(
        isinstance(k, str) and isinstance(v, int) for k, v in numbers.items()
    ):
        raise ValueError("experience.yaml: numbers: expected a mapping of word to int")
    numbers = {k.casefold(): v for k, v in numbers.items()}
    # Digits: not glued to a longer number or a word ("2022年", "COVID19").
    digits = r"(?<![0-9.,])(?<![A-Za-z\u00c0-\u024f])\d{1,2}(?:[.,]\d)?(?![0-9])"
    num = f"(?:{digits}|{_alternation(numbers)})"
    rng = f"(?:{_HS}{{0,2}}[{_DASH}~]{_HS}{{0,2}}|{_HS}*{_alternation(_list(data, 'range_words'))}{_HS}*)"
    paren = rf"(?:{_HS}{{0,2}}\(\d{{1,2}}\))"
    token = _rx(
        rf"""
        (?=[+\d]|{_first_chars(numbers)})              # fail fast, see _alternation
        (?P<pre>\+{_HS}{{0,2}})?                         # "+5 años"
        (?P<n1>{num}) (?P<p1>{paren})?                   # "five (5)"
        (?P<plus1>{_HS}{{0,2}}\+)?                       # "10+"
        (?:{rng} (?P<n2>{num}) {paren}?
           (?P<plus2>{_HS}{{0,2}}\+)?)?                  # "3-5", "5-8+", "3 to 5"
        (?P<ormore>{_HS}+or{_HS}+more)?                  # "5 or more years"
        {_HS}{{0,2}}[{_DASH}]?{_HS}{{0,2}}               # "2-year", "5 years"
        (?P<unit>{_alternation(_list(data, 'units'))})
        (?P<after>{_HS}{{0,2}}{_alternation(_list(data, 'min_after'))})?  # "3年以上"
        """,
        re.IGNORECASE | re.VERBOSE,
    )
    persons = _alternation(_list(data, "persons"))
    return _Tables(
        token=token,
        numbers=numbers,
        min_before=_rx(_alternation(_list(data, "min_before")) + rf"{_HS}*$", re.I),
        not_before=_rx(
            rf"(?:{_alternation(_list(data, 'not_before'))}{_HS}*"
            rf"|{persons}{_HS}*:{_HS}*"       # "CTO: +13 years": someone else's
            rf"|\d{_HS}*,{_HS}*)$",           # "3, 5, 8, 10 years": a list of milestones
            re.I,
        ),
        experience=_rx("|".join(map(re.escape, _list(data, "experience_stems"))), re.I),
        connector=_rx(
            rf"^['\u2019]?s?{_HS}*{_alternation(_list(data, 'connectors'))}", re.I
        ),
        not_after=_rx(_alternation(_list(data, "not_after")), re.I),
        not_in_sentence=_rx(
            "|".join(map(re.escape, _list(data, "not_in_sentence"))), re.I
        ),
    )


def _number(t: _Tables, s: str) -> int:
    s = s.strip()
    if s[:1].isdigit():
        return int(float(s.replace(",", ".")))
    return t.numbers[s.casefold()]


def _sentence(text: str, start: int, end: int) -> tuple[str, str]:
    """Return the text before ``start`` and after ``end`` within the sentence (and window)."""
    lo = max(0, start - _WINDOW)
    before = text[lo:start]
    cuts = [m.end() for m in _BOUNDARY.finditer(before)]
    if cuts:
        before = before[cuts[-1]:]
    after = text[end:end + _WINDOW]
    cut = _BOUNDARY.search(after)
    if cut:
        after = after[:cut.start()]
    return before, after


def _context_ok(t: _Tables, text: str, m: re.Match) -> bool:
    """Return whether the token ``m`` stands where a year count means experience.

    Refused first (these win over any experience word): a cue right before the
    number ("founded", "for over", "CTO:", a list "3, 5, 8,"), a word soon after
    the unit ("old", "ago", "contract", "history") before any experience word,
    and an anniversary or warranty anywhere in the sentence. Then kept when an
    experience word is in the sentence, or a connector follows ("5 years in").
    """
    raw_before = text[max(0, m.start() - _WINDOW):m.start()]
    if t.not_before.search(raw_before):
        return False
    before, after = _sentence(text, m.start(), m.end())
    exp_after = t.experience.search(after)
    tail = after[: exp_after.start() if exp_after else _TAIL][:_TAIL]
    if t.not_after.search(tail):
        return False
    if t.not_in_sentence.search(before) or t.not_in_sentence.search(after):
        return False
    if exp_after or t.experience.search(before):
        return True
    return bool(t.connector.match(after))


@rules.derived
def _guard() -> WordGuard:
    return WordGuard(rules.load("experience").get("units") or [])


def find_experience(text: str) -> list[Match]:
    """Return the year counts of ``text`` that ask for experience, in order.

    Each value is the minimum of its count ("3-5 years" gives 3).
    """
    if not _guard().may_match(text):
        return []  # every count names its unit ("years", "ans", "Jahre", "年")
    t = _tables()
    out = []
    for m in t.token.finditer(text):
        if m.group("p1"):
            value = int(m.group("p1").strip(" \t()"))
        else:
            value = _number(t, m.group("n1"))
        if value > _MAX_YEARS or not _context_ok(t, text, m):
            continue
        if m.group("n2"):
            rule = "experience.range"
        elif m.group("pre") or m.group("plus1") or m.group("plus2") or m.group("ormore"):
            rule = "experience.plus"
        elif m.group("after") or t.min_before.search(text[max(0, m.start() - _WINDOW):m.start()]):
            rule = "experience.at_least"
        else:
            rule = "experience.years"
        out.append(Match(m.start(), m.end(), value, rule))
    return out


def experience_min(matches) -> Match | None:
    """Return the match with the largest minimum (the first of equals), or None.

    A posting asking for "10+ years ..., at least 3 in ..." needs 10: every
    count is a minimum, and the largest one binds.
    """
    best = None
    for m in matches:
        if best is None or m.value > best.value:
            best = m
    return best
