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
from ._guard import WordGuard
from .._cache import compile as _rx

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
_OFFICE_DAYS = _rx(
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

# Words without which no office-days phrase can match.
_OFFICE_WORDS = frozenset({"office", "hq", "site", "onsite"})

# A token of a phrase: a word, or a sign that phrases spell out ("100% remote",
# "On-site (Hybrid)", "Remote/Telecommute").
_TOKEN = _rx(r"""\w+ | [%()/] """, re.VERBOSE)
# What may stand between two tokens of one phrase: nothing, spaces, or a hyphen
# or dash ("on-site", "on site", "on – site").
_GAP = _rx(r"""[-‐‑–—\s]{0,3}""", re.VERBOSE)
# Whether a character is CJK: phrases in these scripts have no word boundaries.
_CJK = _rx(r"[\u3400-\u9fff\uf900-\ufaff]")


def _phrase_key(s: str) -> tuple[str, ...]:
    """Return a phrase as casefolded tokens: the key a phrase and its written form share."""
    return tuple(t.casefold() for t in _TOKEN.findall(s))


class _Table:
    """Phrases by token key, plus CJK phrases (found by substring, having no word breaks).

    A dict lookup per token instead of one big regex: ``re`` took ~30 ms to
    compile the ~250-phrase alternation, which is half of a parse's budget.
    """

    __slots__ = ("by_key", "longest", "cjk", "first")

    def __init__(self, pairs):
        self.by_key: dict[tuple[str, ...], object] = {}
        self.cjk: list[tuple[str, object]] = []
        for phrase, value in pairs:
            phrase = str(phrase).strip()
            if _CJK.search(phrase):
                self.cjk.append((phrase, value))
            elif phrase:
                self.by_key.setdefault(_phrase_key(phrase), value)
        # Longest first, so "可远程" is taken before "远程".
        self.cjk.sort(key=lambda pv: -len(pv[0]))
        self.longest = max((len(k) for k in self.by_key), default=0)
        # Only tokens that can open a phrase start a look-up: most tokens of a
        # posting open none, so the per-token cost stays one set test.
        self.first = frozenset(k[0] for k in self.by_key)

    def cjk_in(self, text: str) -> bool:
        """Return whether one of the CJK phrases occurs in ``text``."""
        return any(p in text for p, _ in self.cjk)

    def find(self, text: str, toks: list[tuple[int, int, str]]) -> list[tuple[int, int, object]]:
        """Return (start, end, value) of the phrases in ``text``, longest at each token, in order."""
        out = []
        i = 0
        first = self.first
        while i < len(toks):
            if toks[i][2] not in first:
                i += 1
                continue
            for n in range(min(self.longest, len(toks) - i), 0, -1):
                if n > 1 and not all(_GAP.fullmatch(text, toks[j][1], toks[j + 1][0]) for j in range(i, i + n - 1)):
                    continue
                v = self.by_key.get(tuple(t[2] for t in toks[i:i + n]))
                if v is not None:
                    out.append((toks[i][0], toks[i + n - 1][1], v))
                    i += n
                    break
            else:
                i += 1
        taken = [(s, e) for s, e, _ in out]
        for phrase, v in self.cjk:
            pos = text.find(phrase)
            while pos >= 0:
                if not _overlaps(taken, pos, pos + len(phrase)):
                    out.append((pos, pos + len(phrase), v))
                    taken.append((pos, pos + len(phrase)))
                pos = text.find(phrase, pos + len(phrase))
        return out


@rules.derived
def _tables() -> tuple[_Table, _Table, _Table]:
    """Return (mode phrases -> mode, perks, not-modes) from work_mode.yaml."""
    data = rules.load("work_mode")
    modes = data.get("modes") or {}
    pairs = [(p, m) for m in MODES for lang in (modes.get(m) or {}).values() for p in lang or ()]
    return (
        _Table(pairs),
        _Table((p, True) for p in data.get("perks") or ()),
        _Table((p, True) for p in data.get("not_modes") or ()),
    )


def _overlaps(spans, s: int, e: int) -> bool:
    return any(a < e and s < b for a, b in spans)


@rules.derived
def _guard() -> WordGuard:
    modes = _tables()[0]
    return WordGuard([*(" ".join(k) for k in modes.by_key), *_OFFICE_WORDS])


def find_work_modes(text: str) -> list[ModeMatch]:
    """Return the work-mode phrases in ``text`` in order, perks marked, non-modes left out."""
    modes, perks, nots = _tables()
    # Most lines name no work mode: a word test skips them before any table
    # (CJK phrases have no words to test: the guard lets such text through).
    if not _guard().may_match(text):
        return []
    toks = [(m.start(), m.end(), m.group().casefold()) for m in _TOKEN.finditer(text)]
    perk_spans = [(s, e) for s, e, _ in perks.find(text, toks)]
    not_spans = [(s, e) for s, e, _ in nots.find(text, toks)]
    out = [
        ModeMatch(m.start(), m.end(), "hybrid", "work_mode.office_days", False)
        for m in _OFFICE_DAYS.finditer(text)
    ]
    days = [(o.start, o.end) for o in out]
    for s, e, mode in modes.find(text, toks):
        if _overlaps(not_spans, s, e) or _overlaps(days, s, e):
            continue
        perk = _overlaps(perk_spans, s, e)
        out.append(ModeMatch(s, e, mode, "work_mode.perk" if perk else f"work_mode.{mode}", perk))
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
