"""Work mode: remote, hybrid or on site, from the words a posting uses.

Usage::

    >>> m = decide(find_work_modes("Hybrid - 2 days a week in the office"))
    >>> m.mode, m.rule
    ('hybrid', 'work_mode.hybrid')

Vocabulary is data: ``jdparse/data/work_mode.yaml`` (phrases per mode and
language, perks, phrases that are no work mode). Rule ids:
``work_mode.remote``, ``work_mode.hybrid``, ``work_mode.onsite`` (a phrase),
``work_mode.office_days`` ("come to the office 2 to 3 times per week": hybrid)
and ``work_mode.perk`` (a mode word in a perk: "remote-friendly team events").
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from .. import rules

__all__ = ["ModeMatch", "find_work_modes", "decide"]

MODES = ("remote", "hybrid", "onsite")


@dataclass(frozen=True, slots=True)
class ModeMatch:
    """A work-mode phrase as written, with its mode."""

    start: int
    """Offset of its first character in the string passed in."""
    end: int
    """Offset just past its last character."""
    mode: str
    """remote, hybrid or onsite."""
    rule: str
    """Id of the rule that found it, e.g. ``work_mode.remote``."""
    perk: bool
    """True when it is a perk or company-wide phrase, not the job's own mode."""


# A number of days or times, in digits or words.
_N = r"(?:\d|one|two|three|four|five|1\.5|2\.5)"

# Phrases that say part of the week is in the office: hybrid. Bounded repeats
# only, so matching stays linear.
_OFFICE_DAYS = re.compile(
    rf"""
    # "come to the office 2 to 3 times per week", "in the office 3 days a week"
    (?:in|to|at|from)[ ](?:the|our)[ ](?:office|hq)s?[ ]
      (?:(?:about|around|at[ ]least)[ ])?{_N}(?:[ ]?(?:to|-|–|or)[ ]?{_N})?[ ]
      (?:days?|times)[ ](?:a|per|each|every)[ ]week
    # "2 days a week in the office", "3 days per week on-site", "2-3 days in office"
    | {_N}(?:[ ]?(?:to|-|–|or)[ ]?{_N})?[ ](?:days?|times)
      (?:[ ](?:a|per|each|every)[ ]week)?[ ]
      (?:in[ ](?:the[ ])?office|on[- ]?site|at[ ](?:the|our)[ ](?:office|hq))
    """,
    re.VERBOSE | re.IGNORECASE,
)

# Whether a character is CJK: phrases in these scripts have no word boundaries.
_CJK = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")
# Separators that a written phrase's hyphen or space may be written as.
_GAP = r"[-‐‑–—\s]{1,3}"


def _pattern(phrases) -> str:
    """Return an alternation of ``phrases``, longest first, each between word boundaries."""
    alts = []
    # Longest first: a regex alternation takes the first alternative that
    # matches, so "100% remote" must be tried before "remote".
    for p in sorted({str(p).strip() for p in phrases}, key=lambda p: (-len(p), p)):
        body = _GAP.join(re.escape(w) for w in re.split(r"[-\s]+", p))
        if _CJK.search(p):
            alts.append(body)
        else:
            alts.append(rf"(?<!\w){body}(?!\w)" if p[-1].isalnum() else rf"(?<!\w){body}")
    return "|".join(alts) or r"(?!)"


@rules.derived
def _matchers():
    """Return (mode regex with one group per mode, perk regex, not-mode regex)."""
    data = rules.load("work_mode")
    modes = data.get("modes") or {}
    groups = []
    phrases_by_mode = {m: [p for lang in (modes.get(m) or {}).values() for p in lang or ()] for m in MODES}
    # One alternation over all modes, longest phrase first across modes, so
    # "On-site (Hybrid)" (hybrid) beats "On-site" (onsite).
    every = sorted(((p, m) for m, ps in phrases_by_mode.items() for p in ps), key=lambda pm: -len(str(pm[0])))
    for p, m in every:
        groups.append(f"(?P<{m}_{len(groups)}>{_pattern([p])})")
    mode_re = re.compile("|".join(groups) or r"(?!)", re.IGNORECASE)
    perk_re = re.compile(_pattern(data.get("perks") or ()), re.IGNORECASE)
    not_re = re.compile(_pattern(data.get("not_modes") or ()), re.IGNORECASE)
    return mode_re, perk_re, not_re


def _overlaps(spans: list[tuple[int, int]], s: int, e: int) -> bool:
    return any(a < e and s < b for a, b in spans)


def find_work_modes(text: str) -> list[ModeMatch]:
    """Return the work-mode phrases in ``text`` in order, perks marked, non-modes left out."""
    mode_re, perk_re, not_re = _matchers()
    perks = [m.span() for m in perk_re.finditer(text)]
    nots = [m.span() for m in not_re.finditer(text)]
    out: list[ModeMatch] = []
    for m in _OFFICE_DAYS.finditer(text):
        out.append(ModeMatch(m.start(), m.end(), "hybrid", "work_mode.office_days", False))
    for m in mode_re.finditer(text):
        s, e = m.span()
        if _overlaps(nots, s, e) or _overlaps([(o.start, o.end) for o in out], s, e):
            continue
        mode = m.lastgroup.rsplit("_", 1)[0]
        if _overlaps(perks, s, e):
            out.append(ModeMatch(s, e, mode, "work_mode.perk", True))
        else:
            out.append(ModeMatch(s, e, mode, f"work_mode.{mode}", False))
    out.sort(key=lambda x: x.start)
    return out


def decide(matches: list[ModeMatch]) -> ModeMatch | None:
    """Return the match that gives the job's mode, or None when no non-perk match is given.

    Hybrid wins whenever it is stated: a hybrid job is also described with
    remote days and office days ("Remote, 2 days a week in the office").
    Between remote and on site the first match wins: the caller passes the
    header's and tags' matches before the body's, so the job's own label beats
    a sentence further down.
    """
    own = [m for m in matches if not m.perk]
    for m in own:
        if m.mode == "hybrid":
            return m
    return own[0] if own else None
