"""Seniority levels stated in a title, a tag line or a level field: ``find_levels``, ``levels``.

>>> from jdparse.extract.seniority import find_levels, levels
>>> text = "Sr. Manager, Data Platform"
>>> [(m.value, m.rule, text[m.start:m.end]) for m in find_levels(text)]
[('senior', 'seniority.en', 'Sr.'), ('manager', 'seniority.en', 'Manager')]
>>> levels(find_levels("Executive Director | Mid-Senior level"))
('executive', 'director', 'mid', 'senior')

Feed it titles, tag lines and level fields, never body prose ("Principal
Component Analysis" and "lead the team" are prose). The words live in
``jdparse/data/seniority.yaml``; its header lists the rules and their order.
Matching runs on the original text, so ``text[m.start:m.end]`` is always the
posting's own characters.
"""
from __future__ import annotations

import re

from .._frozen import value_class
from .. import rules
from .._cache import compile as _rx
from ._guard import Anchors
from ._vocab import (Match, Split, atoms, fast_alternation, fold as _fold, lookup_key, word_table, DASHES as _DASHES,
                     HS as _HS)

__all__ = ["Match", "LEVELS", "find_levels", "levels"]

LEVELS = (
    "intern", "junior", "mid", "senior", "lead", "staff", "principal", "manager",
    "director", "executive",
)


# What may stand before "Executive" for it to be a segment's first word: the
# start of a line, or a separator of a tag line or a level field.
_SEGMENT_END = _rx(rf"(?:^|[|,;:/(\[\u2022\u00b7]|{_HS}[{_DASHES}]){_HS}*$")
_NEXT_WORD = _rx(rf"\+?{_HS}+\w")  # ("Staff Engineer", "Staff+ Engineer")


def _strings(v, where: str) -> list[str]:
    if not isinstance(v, list) or not all(isinstance(x, str) and x for x in v):
        raise ValueError(f"seniority.yaml: {where}: expected a list of non-empty strings")
    return v


def _level(v, where: str) -> str:
    if v not in LEVELS:
        raise ValueError(f"seniority.yaml: {where}: {v!r} is not one of {LEVELS}")
    return v


@value_class(slots=True)
class _Tables:
    compound: re.Pattern
    compound_levels: dict
    chief_officer: re.Pattern
    executive: re.Pattern
    words: re.Pattern | Split
    lookup: dict
    """fold(word) -> (level, language)"""
    needs_next_word: frozenset
    stops: re.Pattern | None


@rules.derived
def _tables() -> _Tables:
    """Return the compiled patterns of ``seniority.yaml`` (built once per process)."""
    data = rules.load("seniority")
    compound = data.get("compound") or {}
    if not isinstance(compound, dict):
        raise ValueError("seniority.yaml: compound: expected {phrase: [level, ...]}")
    compound_levels = {
        _fold(p): tuple(_level(x, f"compound.{p}") for x in _strings(lv, f"compound.{p}"))
        for p, lv in compound.items()
    }
    co = data.get("chief_officer") or {}
    between = co.get("max_words_between", 4)
    if not isinstance(between, int) or not 0 <= between <= 8:
        raise ValueError("seniority.yaml: chief_officer.max_words_between: expected 0..8")
    # Bounded and lazy: "Chief Information Security Officer" has 2 words between;
    # the bound keeps the pattern linear and stops a "Chief" from reaching an
    # "Officer" in another title on the same line.
    chief_officer = _rx(
        fast_alternation(_strings(co.get("first"), "chief_officer.first"))
        + rf"(?:{_HS}+[\w&/.-]+){{0,{between}}}?{_HS}+"
        + fast_alternation(_strings(co.get("last"), "chief_officer.last")),
        re.IGNORECASE,
    )
    ex = data.get("executive_first") or {}
    not_followed = _strings(ex.get("not_followed_by") or [], "executive_first.not_followed_by")
    executive = _rx(
        fast_alternation(_strings(ex.get("words"), "executive_first.words"))
        + (rf"(?!{_HS}+{fast_alternation(not_followed)})" if not_followed else ""),
        re.IGNORECASE,
    )
    lookup, all_words = word_table("seniority.yaml", data.get("words"), LEVELS)
    stops = _strings(data.get("stop_contexts") or [], "stop_contexts")
    return _Tables(
        compound=_rx(fast_alternation(compound), re.IGNORECASE),
        compound_levels=compound_levels,
        chief_officer=chief_officer,
        executive=executive,
        words=Split.build(all_words, _rx) or _rx(fast_alternation(all_words), re.IGNORECASE),
        lookup=lookup,
        needs_next_word=frozenset(
            _fold(w) for w in _strings(data.get("needs_next_word") or [], "needs_next_word")
        ),
        stops=_rx(fast_alternation(stops), re.IGNORECASE) if stops else None,
    )


@rules.derived
def before_title() -> tuple[frozenset, frozenset]:
    """Return the casefolded articles and suffixes of ``before_title`` (see level_before)."""
    data = rules.load("seniority").get("before_title") or {}
    articles = data.get("articles") or {}
    if not isinstance(articles, dict):
        raise ValueError("seniority.yaml: before_title.articles: expected {lang: [word]}")
    arts = frozenset(str(w).casefold() for lang, ws in articles.items()
                     for w in _strings(ws, f"before_title.articles.{lang}"))
    sufs = frozenset(str(w).casefold() for w in _strings(data.get("suffixes") or [], "before_title.suffixes"))
    return arts, sufs


def level_before(text: str) -> list[Match]:
    """Return the level that ``text`` ends with after an indefinite article ("... seeking a
    junior-level "), as find_levels gives it; [] when it ends otherwise.

    Only white space, a dash and a ``before_title`` suffix may follow the level word.
    """
    arts, sufs = before_title()
    if not arts:
        return []
    found = find_levels(text)
    if not found:
        return []
    end = found[-1].end
    rest = text[end:].strip().lstrip(_DASHES).strip().casefold()
    if rest and rest not in sufs or text[-1:].isalnum():
        return []
    last = [m for m in found if m.end == end]
    before = text[:last[0].start].split()
    if not before or before[-1].casefold() not in arts:
        return []
    return last


@rules.derived
def anchors() -> Anchors:
    """Return where in a folded text a level word may occur (no word, no level: see find_levels)."""
    data = rules.load("seniority")
    words = set(data.get("compound") or {})
    words.update((data.get("chief_officer") or {}).get("first") or [])
    words.update((data.get("executive_first") or {}).get("words") or [])
    for by_level in (data.get("words") or {}).values():
        for ws in (by_level or {}).values():
            words.update(ws or [])
    return Anchors([atoms(str(w)) for w in sorted(words)], compile=_rx)


@rules.derived
def anchor_test() -> re.Pattern | None:
    """Return a pattern found in ``low[a:e]`` (a folded text, see ``_guard.folded``) wherever a
    level word may be in it, as :meth:`anchors` tells; None when one may be anywhere.

    One search of a short span: the anchors' pattern and their literals' checks as one
    alternation (each check starts with its literal), so ``search(low, a, e)`` finds a
    match exactly when ``anchors().positions`` gives a position in ``[a, e)``.
    """
    a = anchors()
    if a.always:
        return None
    alts = [alt for p in ([a.rx.pattern] if a.rx is not None else []) + [c.pattern for _, c in a.literals]
            for alt in _branches(p)]
    # By first character, so that ``re`` tries at a position only the few
    # alternatives that start with its character.
    by_first: dict[str, list[str]] = {}
    other = []
    for alt in alts:
        if alt and alt[0] not in _SPECIAL:
            by_first.setdefault(alt[0], []).append(alt[1:])
        else:
            other.append(alt)
    out = [re.escape(c) + "(?:" + "|".join(rests) + ")" for c, rests in by_first.items()]
    return _rx("|".join(out + other) or "(?!)")


_SPECIAL = frozenset("\\()[]{}.^$*+?|")


def _branches(pattern: str) -> list[str]:
    """Return the top-level alternatives of a regular expression."""
    out, depth, start, i, n = [], 0, 0, 0, len(pattern)
    while i < n:
        c = pattern[i]
        if c == "\\":
            i += 2
            continue
        if c == "[":
            i += 1
            if i < n and pattern[i] == "^":
                i += 1
            if i < n and pattern[i] == "]":
                i += 1
            while i < n and pattern[i] != "]":
                i += 2 if pattern[i] == "\\" else 1
        elif c == "(":
            depth += 1
        elif c == ")":
            depth -= 1
        elif c == "|" and depth == 0:
            out.append(pattern[start:i])
            start = i + 1
        i += 1
    out.append(pattern[start:])
    return out


def find_levels(text: str, tag: bool = False) -> list[Match]:
    """Return the levels stated in ``text``, in order of appearance.

    A phrase with two levels ("Mid-Senior level") gives two matches with the
    same span.  ``tag=True`` says the text is one tag on its own (a piece of
    a tag line such as "Staff"), so words that otherwise need a following
    word ("Staff Engineer", not "Kitchen Staff") count alone.
    """
    t = _tables()
    taken = [m.span() for m in t.stops.finditer(text)] if t.stops else []
    found: list[Match] = []

    def free(s: int, e: int) -> bool:
        return not any(a < e and s < b for a, b in taken)

    def keep(s: int, e: int, value: str, rule: str) -> None:
        found.append(Match(s, e, value, rule))

    # Rules in the order of seniority.yaml's header: a span taken by an earlier
    # rule (or a stop context) is not read again by a later one.
    for m in t.compound.finditer(text):
        if free(*m.span()):
            for lv in t.compound_levels[lookup_key(t.compound_levels, m.group())]:
                keep(*m.span(), lv, "seniority.compound")
            taken.append(m.span())
    for m in t.chief_officer.finditer(text):
        if free(*m.span()):
            keep(*m.span(), "executive", "seniority.chief_officer")
            taken.append(m.span())
    for m in t.executive.finditer(text):
        line_start = text.rfind("\n", 0, m.start()) + 1
        if free(*m.span()) and _SEGMENT_END.search(text[line_start:m.start()]):
            keep(*m.span(), "executive", "seniority.executive")
            taken.append(m.span())
    lookup = t.lookup
    for m in t.words.finditer(text):
        if taken and not free(*m.span()):
            continue
        w = m.group()
        # A word of ASCII letters is its own key, lowered (what lookup_key gives it).
        k = w.lower() if w.isascii() and w.isalnum() else lookup_key(lookup, w)
        if k in t.needs_next_word and not tag and not _NEXT_WORD.match(text, m.end()):
            continue
        lv, lang = lookup[k]
        keep(*m.span(), lv, f"seniority.{lang}")
    # Stable: equal starts keep rule order, so "Mid-Senior" stays mid, senior.
    found.sort(key=lambda x: x.start)
    return found


LEVEL_VALUE = 40
"""The longest field value ``level_value`` reads ("Experience: Entry level")."""


def level_value(text: str) -> list[Match]:
    """Return the levels of ``text`` when they are all of it but separators, else [].

    A field's value that is a level and nothing else: "Entry level",
    "Mid-Senior level", "신입"; not "Senior experience with Spark", nor
    "Junior or mid" (a word beside the levels).
    """
    if len(text) > LEVEL_VALUE:
        return []
    found = find_levels(text)
    if not found:
        return []
    rest = list(text)
    for m in found:
        rest[m.start:m.end] = " " * (m.end - m.start)
    return [] if any(c.isalnum() for c in rest) else found


def levels(matches) -> tuple[str, ...]:
    """Return the levels of ``matches``, each once, in order of appearance."""
    return tuple(dict.fromkeys(m.value for m in matches))
