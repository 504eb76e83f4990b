"""Short header fragments ("Remote", "Full-time", "London, UK", "$90k") told apart.

Headers, pipe-separated first lines and glued tag lines are made of such
fragments; knowing what each is lets the title, company and location rules
take only what is theirs.
"""
from __future__ import annotations

import re
from functools import lru_cache

from .. import rules
from . import employment, places, salary, seniority, work_mode
from ._guard import folded as _folded
from .._cache import compile as _rx
from ..blocks import _GLUED  # a lower-case letter, then a capital: the glue is between them

_URL = _rx(r"(?:https?://|www\.)\S+|\S+@\S+\.\w+|\b[\w-]+\.(?:com|io|ai|co|org|net|dev|se|de|fr|am|app)(?:/\S*)?\b", re.I)


def glued_segments(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Return a line's segments: the pieces of a glued tag line, else the line itself.

    "EuropeCyprusHybridSenior" (tags whose separators were lost when the page
    was copied) splits where a lower-case letter meets a capital.
    """
    seg = text[start:end]
    # The two letters of one glue are never those of another (no letter is
    # both), so the matches, one after the other, find every glue.
    cuts = [m.start() + 1 for m in _GLUED.finditer(seg)]
    if len(cuts) >= 2 and not any(c in seg for c in ".!?"):
        bounds = [0, *cuts, len(seg)]
        return [(start + a, start + b) for a, b in zip(bounds, bounds[1:]) if b > a]
    return [(start, end)]


_STRIP = " \t-\u2013\u2014|,;:()[]\u00b7\u2022"
_COVER = 0.6
"""The share of a fragment its readings must cover for the fragment to be a tag of their kind."""
_MEMO = 1 << 12
"""Fragments whose kind is kept between postings.  Header fragments recur
from posting to posting ("Remote", "Full-time", "London, UK"); bounded, so
memory stays flat over millions of postings."""


@rules.resets
@lru_cache(maxsize=_MEMO)
def tag_kind(s: str) -> str | None:
    """Return what a header fragment is (url, mode, employment, level, salary, place, reference, note,
    duration) or None.

    A fragment counts only when the recognised part covers most of it, so
    "Remote - Philippines" is a mode-with-place but "Remote sensing engineer"
    is not a tag.
    """
    t = s.strip(_STRIP)
    if not t:
        return "empty"
    n = len(t)
    # Every web or e-mail address holds a dot or "://".
    if "." in t or "://" in t:
        if _URL.fullmatch(t):
            return "url"
        u = _URL.match(t)
        if u is not None and len(u.group()) >= 0.7 * n:
            return "url"
    segs = glued_segments(t, 0, n)
    if len(segs) > 2:
        kinds = [tag_kind(t[a:e]) for a, e in segs]
        return "tags" if sum(k is not None for k in kinds) >= 0.75 * len(kinds) else None
    if not any(map(str.isalnum, t)):
        return None  # no letter or digit: never a tag
    if n <= _PLACE_TAG_LEN and " ".join(t.casefold().split()) in _place_tags():
        return "place"  # "Multiple Locations": where a place stands, naming none
    if n <= _PLACE_TAG_LEN:
        if _REFERENCE.fullmatch(t):
            return "reference"  # "Req #45123", "Job ID 88231": the board's number for the posting
        if " ".join(t.casefold().split()) in _start_notes() or _board_note().fullmatch(t):
            return "note"  # "Immediate Start", "1 week ago", "Over 100 applicants"
        if t[:1].isdecimal() and _length_alone().fullmatch(t):
            return "duration"  # "6 months", "12-month": how long the job lasts
    # The finders run in the order of the answer's priority; coverage only
    # grows, so once it is reached the first kind found is the answer.
    need = _COVER * len(t.strip())
    cov = 0
    first = None
    for kind, find in _FINDERS:
        found = find(t)
        if found:
            cov += sum(m.end - m.start for m in found)
            if kind == "salary" and cov < need:
                cov += _pay_words_around(t, found)
            elif kind == "employment" and cov < need:
                cov += _durations_before(t, found)
            elif kind == "place" and cov < need:
                cov += places.postcode_chars(t)  # "London SW1A 2AA", "79098 Freiburg"
            if first is None:
                first = kind
            if cov >= need:
                return first
    if s.rstrip().endswith(")") and (p := t.rfind("(")) > 0 and t.find(")", p) < 0:
        # "Hybrid (3 days/week in office)", "Remote (US only)": a tag and a note on it in brackets.
        return tag_kind(t[:p])
    return None


_WORD = _rx(r"\w+|\+")


def _durations_before(t: str, found) -> int:
    """Return how many characters of ``t`` are lengths of time right before the employment
    words ``found`` ("3 month contract", "6-month FTC"): employment.yaml ``durations``."""
    lasting = _lasting_end()
    n = 0
    for m in found:
        d = lasting.search(t, 0, m.start)
        if d is not None:
            n += d.end() - d.start()
    return n


@rules.derived
def _length_alone() -> re.Pattern:
    """Return the pattern of a length of time alone ("6 months", "12-month", "3 mois")."""
    return _rx(employment.LENGTH_OF_TIME.format(units=employment.duration_units()), re.IGNORECASE)


@rules.derived
def _lasting_end() -> re.Pattern:
    """Return the pattern of a length of time ("12 months", "6-month") that ends where it is searched to."""
    return _rx(employment.LENGTH_OF_TIME.format(units=employment.duration_units()) + r"[ \t-]*$", re.IGNORECASE)


def _pay_words_around(t: str, found) -> int:
    """Return how many characters of ``t`` outside the amounts ``found`` are words that
    stand around pay ("Up to £48k + bonus", "£40k DOE"): currencies.yaml ``around_amount``."""
    words = _around_amount()
    n, pos = 0, 0
    for m in [*found, None]:
        stop = m.start if m is not None else len(t)
        for w in _WORD.findall(t, pos, stop):
            if w.casefold() in words:
                n += len(w)
        if m is not None:
            pos = m.end
    return n


@rules.derived
def _around_amount() -> frozenset:
    data = rules.load("currencies")
    words = {x.casefold() for w in data.get("around_amount") or () for x in str(w).split()}
    for ws in (data.get("intros") or {}).values():
        words.update(x.casefold() for w in ws for x in str(w).split())
    return frozenset(words)


_PLACE_TAG_LEN = 40
_REFERENCE = _rx(
    r"(?:(?:req(?:uisition)?|job|ref(?:erence)?|vacancy|posting|position)\.?[ \t]*(?:id|no|number|code|ref)?\.?[ \t]*[:#]?"
    r"|\#)[ \t]*[a-z]{0,5}[-_/]?\d{3,}[a-z0-9_/-]*",
    re.IGNORECASE,
)
"""A posting's reference number: a word that names it (or "#"), then a code with three digits or more."""
@rules.derived
def _board_note() -> re.Pattern:
    """Return the pattern of a board's note on the posting's age or its applicants
    ("Reposted 2 weeks ago", "Over 100 applicants"): titles.yaml ``board_notes``, every language."""
    notes = [str(p) for ps in (rules.load("titles").get("board_notes") or {}).values() for p in ps]
    return _rx("|".join(f"(?:{p})" for p in notes) or "(?!)", re.IGNORECASE)


@rules.derived
def _start_notes() -> frozenset:
    data = rules.load("titles").get("start_notes") or {}
    return frozenset(" ".join(str(w).casefold().split()) for ws in data.values() for w in ws)



@rules.derived
def _place_tags() -> frozenset:
    data = rules.load("places").get("place_tags") or {}
    return frozenset(" ".join(str(w).casefold().split()) for ws in data.values() for w in ws)


def _salaries(t: str) -> list:
    return [m for m in salary.find_salaries(t) if m.confidence >= salary.SALARY_THRESHOLD]


def pay_only(s: str) -> bool:
    """Return whether ``s`` is an amount of pay and the words that stand around one, and
    nothing else ("$150,000 - $185,000 a year", "Salary: EUR 70,000-85,000."): tag_kind's
    salary reading alone, without the other finders."""
    t = s.strip(_STRIP)
    found = _salaries(t)
    if not found:
        return False
    cov = sum(m.end - m.start for m in found) + _pay_words_around(t, found)
    return cov >= _COVER * len(t.strip())


def _modes(t: str) -> list:
    return [m for m in work_mode.find_work_modes(t) if not m.perk]


def _levels(t: str) -> list:
    # A fragment without a level word's anchor (most names) has no level:
    # one search of its fold tells, before the level patterns.
    test = seniority.anchor_test()
    if test is not None:
        low = _folded(t)
        if low is not None and test.search(low) is None:
            return []
    return seniority.find_levels(t)


_FINDERS = (("salary", _salaries), ("mode", _modes), ("employment", employment.find_employment_types),
            ("place", places.find_places), ("level", _levels))
