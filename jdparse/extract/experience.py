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

from .._frozen import value_class
from .. import rules
from ._guard import WordGuard
from .._cache import compile as _rx
from ._vocab import ASCII_TWIN_CHARS, ASCII_TWINS, Match, bounded, fast_alternation, first_chars as _first_chars

__all__ = ["Match", "find_experience", "experience_min"]

# Years above this are company ages or anniversaries, not experience asked for.
_MAX_YEARS = 40
# How far around a token the context checks look, in characters; a sentence
# boundary stops them earlier.
_WINDOW = 80
_TAIL = 30  # not_after: how far after the unit a disqualifying word may stand


def _alternation(words) -> str:
    """Return the guarded alternation of ``words``; a hyphen is one dash ("2-year")."""
    return fast_alternation(words, dash_optional=False)


_HS = r"[^\S\n]"  # horizontal white space: a token never spans lines
_DASH = "-\u2010-\u2015\u2212"
# A sentence ends at a newline, a bullet, a pipe, a semicolon, or . ! ? before a
# space (not the period of an abbreviation a year count is written with: "3+ yrs. of", "Min. 5 years").
# Written as one character class first, the checks behind it: the search then
# skips to those characters instead of trying every branch at every position.
_BOUNDARY = _rx(r"[\n;|\u2022\u00b7!?.](?:(?<=[\n;|\u2022\u00b7])|(?<=[!?])(?=\s)"
                r"|(?<=\.)(?<![Yy]rs\.)(?<![Yy]r\.)(?<![Mm]in\.)(?<![Ee]xp\.)(?<!approx\.)(?=\s))")


def _list(data: dict, name: str) -> list[str]:
    v = data.get(name)
    if not isinstance(v, list) or not all(isinstance(x, str) and x for x in v):
        raise ValueError(f"experience.yaml: {name}: expected a list of non-empty strings")
    return v


@value_class(slots=True)
class _Tables:
    token: re.Pattern
    numbers: dict
    min_before: re.Pattern
    not_before: re.Pattern
    experience: re.Pattern
    connector: re.Pattern
    not_after: re.Pattern
    not_in_sentence: re.Pattern
    before_reach: int  # the most characters, white space aside, a not_before or min_before match holds


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
        experience=_rx(_stems(_list(data, "experience_stems")), re.I),
        connector=_rx(
            rf"^['\u2019]?s?{_HS}*{_alternation(_list(data, 'connectors'))}", re.I
        ),
        not_after=_rx(_alternation(_list(data, "not_after")), re.I),
        not_in_sentence=_rx(_stems(_list(data, "not_in_sentence")), re.I),
        before_reach=max(2, *(len(w) + 1 for k in ("not_before", "persons", "min_before")
                              for w in _list(data, k))),
    )


def _stems(words) -> str:
    """Return the alternation of ``words`` found anywhere, behind a lookahead on
    their first characters (most positions fail it at once)."""
    groups: dict[str, list[str]] = {}
    rest = []
    for w in words:
        c = w[0]
        if not c.isalnum() or c in ASCII_TWIN_CHARS:
            return f"(?={_first_chars(words)})(?:" + "|".join(map(re.escape, words)) + ")"
        if c.isascii():
            groups.setdefault(c.lower(), []).append(re.escape(w[1:]))
        else:
            rest.append(re.escape(w))
    # Grouped by first letter (as in _vocab.fast_alternation): the same matches, fewer tries.
    alts = [k + "(?:" + "|".join(v) + ")" for k, v in groups.items()] + (["(?:" + "|".join(rest) + ")"] if rest else [])
    return f"(?={_first_chars(words)})(?:" + "|".join(alts) + ")"


def _number(t: _Tables, s: str) -> int:
    s = s.strip()
    if s[:1].isdigit():
        return int(float(s.replace(",", ".")))
    return t.numbers[s.casefold()]


def _sentence(text: str, start: int, end: int) -> tuple[str, str]:
    """Return the text before ``start`` and after ``end`` within the sentence (and window)."""
    lo = max(0, start - _WINDOW)
    # (searched in ``text`` itself: the look-behinds see the word before a period)
    cuts = [m.end() for m in _BOUNDARY.finditer(text, lo, start)]
    before = text[cuts[-1] if cuts else lo:start]
    hi = min(len(text), end + _WINDOW)
    cut = _BOUNDARY.search(text, end, hi)
    after = text[end:cut.start() if cut else hi]
    return before, after


def _tail(s: str, reach: int) -> int:
    """Return a position of ``s`` at or before the start of any match that ends
    ``s`` (white space aside) and holds at most ``reach`` other characters.

    Searching from there gives what searching the whole ``s`` gives, for a
    pattern anchored at the end: the look-behinds still see before it.
    """
    n = len(s)
    p = max(0, n - reach)
    while p > 0:
        w = s[p:]
        q = max(0, n - reach - (len(w) - sum(map(len, w.split()))))
        if q >= p:
            break
        p = q
    while p > 0 and s[p - 1].isspace():
        p -= 1
    return p


def _context_ok(t: _Tables, text: str, m: re.Match) -> bool:
    """Return whether the token ``m`` stands where a year count means experience.

    Refused first (these win over any experience word): a cue right before the
    number ("founded", "for over", "CTO:", a list "3, 5, 8,"), a word soon after
    the unit ("old", "ago", "contract", "history") before any experience word,
    and an anniversary or warranty anywhere in the sentence. Then kept when an
    experience word is in the sentence, or a connector follows ("5 years in").
    """
    raw_before = text[max(0, m.start() - _WINDOW):m.start()]
    if t.not_before.search(raw_before, _tail(raw_before, t.before_reach)):
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
    cm = t.connector.match(after)
    if cm is None:
        return False
    # A verb that ends the sentence does no work ("voted best place to work 3
    # years running"): it is an idiom, not years spent doing something.
    return not cm.group().rstrip().endswith("ing") or bool(after[cm.end():].strip(" \t.,!?)"))


@rules.derived
def _guard() -> WordGuard:
    return WordGuard(rules.load("experience").get("units") or [])


def find_experience(text: str) -> list[Match]:
    """Return the year counts of ``text`` that ask for experience, in order.

    Each value is the minimum of its count ("3-5 years" gives 3).
    """
    t = _tables()
    return _read(t, text, t.token.finditer(text))


def find_between(text: str, ranges) -> list[Match]:
    """Return :func:`find_experience` of ``text`` when every count starts in one of ``ranges``.

    ``ranges`` are ``(first, last)`` pairs, in order, not overlapping.  The
    counts are matched only where one may start (a "+", a digit, a number
    word) within them, so a long line is not scanned to its end.
    """
    t = _tables()
    find = _count_starts().finditer
    starts = (s for first, last in ranges for s in find(text, first, last + 1))
    return _read(t, text, _matches(t.token.match, text, starts))


def _matches(match, text: str, starts):
    """Yield what ``finditer`` yields, trying the pattern only at ``starts``.

    A start at a word (group 1) is tried only when the word may be a number.
    """
    a = _anchors()
    ends, simple = a.ends, a.simple
    nxt = 0
    for s in starts:
        p = s.start()
        if p >= nxt:
            w = s.group(1)
            if w is not None and simple and w.isascii() and w.lower() not in ends:
                continue
            m = match(text, p)
            if m is not None:
                yield m
                nxt = m.end()


@rules.derived
def _count_starts() -> re.Pattern:
    """Return the pattern of where a count may start (see the token): a "+", a
    digit, a word (its letters in group 1) or a character of a number without spaces."""
    numbers = list(_tables().numbers)
    latin = [w for w in numbers if bounded(w)]
    other = [w for w in numbers if not bounded(w)]
    alts = [r"[+\d]"]
    if latin:
        alts.append(rf"(?<!\w)(?=({_first_chars(latin)}\w*))")
    else:
        alts.append("(?!)()")
    if other:
        alts.append(_first_chars(other))
    return _rx("|".join(alts), re.IGNORECASE)


def _read(t: _Tables, text: str, matches) -> list[Match]:
    """Return the counts among the token ``matches`` that ask for experience.

    The word guard (every count names its unit) is asked only once a count
    is found: most texts hold none.
    """
    out = []
    sure = False  # whether a count shows the guard would pass
    for m in matches:
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
        elif m.group("after") or t.min_before.search(
                raw := text[max(0, m.start() - _WINDOW):m.start()], _tail(raw, t.before_reach)):
            rule = "experience.at_least"
        else:
            rule = "experience.years"
        out.append(Match(m.start(), m.end(), value, rule))
        sure = sure or _names_unit(text, *m.span("unit"))
    if out and not sure and not _guard().may_match(text):
        return []  # no unit word by the guard's reading
    return out


@rules.derived
def _plain_units() -> frozenset:
    """Return the units written in ASCII letters alone, lowered (the guard's words among them)."""
    special_chars = ASCII_TWIN_CHARS
    return frozenset(
        w.lower() for w in _list(rules.load("experience"), "units")
        if w.isascii() and w.isalpha() and not any(ch in special_chars for ch in w)
    )


def _names_unit(text: str, a: int, e: int) -> bool:
    """Return whether the unit ``text[a:e]`` shows the word guard passes on ``text``.

    An ASCII unit between ASCII characters (not letters: the unit pattern
    starts and ends at a word's edges) is one of the guard's words as the
    guard splits the text.
    """
    s = text[a:e]
    return (s.isascii() and s.lower() in _plain_units()
            and (a == 0 or text[a - 1].isascii()) and (e == len(text) or text[e].isascii()))


# Characters a vocabulary word matches loosely (see _vocab.phrase): a run of
# white space, any dash, either apostrophe.
_LOOSE = frozenset(" -\u2010\u2011\u2012\u2013\u2014\u2015'\u2019")
_WORD_BYTES = frozenset(b"abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_")
_GAP = frozenset("-\u2010\u2011\u2012\u2013\u2014\u2015\u2212")  # the dashes of _DASH


@value_class(slots=True)
class _Anchors:
    unit: re.Pattern      # the token's unit alternation, alone
    ascii: tuple          # (pattern, overlapping) of the anchors, on the folded text
    ascii_only: tuple     # the same, for a text all in ASCII
    literal: tuple        # anchors searched as they are (characters without case)
    specials: str         # characters that make the ASCII anchors unsafe
    ends: frozenset       # ASCII words that may end a number ("five", "more")
    simple: bool          # whether every number word is one run of word characters
    reach: int            # the most characters, white space aside, from a count's start to its unit


@rules.derived
def _anchors() -> _Anchors | None:
    """Return the anchors of the units, or None when a unit cannot be anchored so.

    A unit is looked for by its start in the posting with ASCII letters
    lowered and every other character read as "?" ("années" is "ann?es"):
    each unit the token can match starts so, whatever its case.  A unit that
    starts with a character without case ("年") is looked for as it is.
    """
    data = rules.load("experience")
    units = _list(data, "units")
    special_chars = ASCII_TWIN_CHARS
    found: dict[bytes, list] = {}
    literal = set()
    for w in units:
        if any(ch in special_chars for ch in w):
            return None
        head = w
        for i, ch in enumerate(w):
            if ch in _LOOSE:
                head = w[:i]
                break
        if not head:
            return None
        first = head[0]
        if not first.isascii() and first.lower() == first == first.upper():
            literal.add(first)
            continue
        low = head.lower()
        if len(low) != len(head):
            return None
        key = low.encode("ascii", "replace")
        found.setdefault(key, []).append((w, len(head) < len(w)))
    # An anchor that starts with another one is found by it.
    keys = sorted(found, key=len)
    kept: dict[bytes, list] = {}
    for k in keys:
        short = next((s for s in kept if k.startswith(s)), None)
        if short is None:
            kept[k] = list(found[k])
        else:
            kept[short].extend(found[k])
    by_first: dict[str, list] = {}
    by_first_ascii: dict[str, list] = {}
    specials = ""
    for k, ws in kept.items():
        nexts: set | None = set()
        for w, loose in ws:
            low = w.lower().encode("ascii", "replace")
            if len(low) == len(k):
                if loose or not re.search(r"\w$", w):
                    nexts = None
                    break
                nexts.update(b for b in range(128) if b not in _WORD_BYTES)
            elif w.lower()[len(k)] in _LOOSE:
                nexts = None
                break
            else:
                nexts.add(low[len(k)])
        # The anchor, then (in C) no word character before it and one of the
        # characters that may follow it.
        ks = k.decode("ascii")
        pat = re.escape(ks[1:])
        if all(bounded(w) for w, _ in ws):
            pat += "(?<![A-Za-z0-9_]" + re.escape(ks) + ")"
        if nexts is not None:
            pat += "(?=[" + "".join(re.escape(chr(c)) for c in sorted(nexts)) + "]|\\Z)"
        by_first.setdefault(ks[0], []).append((ks, pat))
        # Not looked for in an ASCII text: every unit it anchors has a
        # character beyond ASCII within it ("a?o" of "año").
        if not all(any(not ch.isascii() for ch in w[:len(k)]) for w, _ in ws):
            by_first_ascii.setdefault(ks[0], []).append((ks, pat))
        specials += "".join(ASCII_TWINS.get(chr(c), "") for c in set(k))
    numbers = _tables().numbers
    return _Anchors(
        unit=_rx(_alternation(units), re.IGNORECASE),
        ascii=_grouped(by_first),
        ascii_only=_grouped(by_first_ascii),
        literal=tuple(sorted(literal)),
        specials="".join(sorted(set(specials))),
        # The test of the word before a unit is exact only when every number
        # word is one run of word characters; otherwise any word passes.
        ends=frozenset(w.lower() for w in numbers if w.isascii()) | {"more"},  # "5 or more years"
        simple=all(_RUN.fullmatch(w) and not any(ch in special_chars for ch in w) for w in numbers),
        # [+] NUMBER [(5)] [+] [RANGE NUMBER [(5)] [+]] [or more] [-] UNIT
        reach=1 + 2 * (max(4, *map(len, numbers)) + 5) + max(1, *map(len, _list(data, "range_words")))
        + 6 + 1 + 8,
    )


_RUN = _rx(r"\w+")


def _grouped(by_first: dict) -> tuple:
    """Return (pattern, overlapping) of the anchors, one pattern per first character.

    "yr" and "year": one scan for "y".  Anchors that may overlap a match of
    their pattern ("a" inside "aXa") get a pattern of their own, searched
    position by position.
    """
    out = []
    for first, group in by_first.items():
        rests = [ks[1:] for ks, _ in group]
        clash = any(first in r or (r1 != r2 and r2.startswith(r1)) for r in rests for r1 in rests for r2 in rests)
        if not clash and not any(_border(ks) for ks, _ in group):
            pats = [pat for _, pat in group]
            out.append((_rx(re.escape(first) + "(?:" + "|".join(pats) + ")"), False))
        else:
            out.extend((_rx(re.escape(first) + "(?:" + pat + ")"), True) for _, pat in group)
    return tuple(out)


def _border(s: str) -> bool:
    """Return whether ``s`` starts with one of its proper ends (two may overlap: "aXa")."""
    return any(s.startswith(s[i:]) for i in range(1, len(s)))


def fold(text: str) -> str:
    """Return ``text`` with ASCII letters lowered and every other character as "?" (same length)."""
    return text.encode("ascii", "replace").lower().decode("ascii")


def unit_lines(text: str, lo: int = 0, hi: int | None = None, folded: str | None = None) -> list[int] | None:
    """Return the starts of the units of ``text`` that may end a year count, in order.

    A unit is kept when what stands before it (past white space and a dash)
    is a digit, ")", "+", or a word that may be a number ("five", "more"):
    each count of :func:`find_experience` ends so.  Most lines of a posting
    hold no unit, or only the article "an" after a word.  None: the units
    could not be looked for so (every line must be read).  Only units
    within ``text[lo:hi]`` are looked for; ``folded`` is :func:`fold` of
    ``text``, when the caller has it.
    """
    a = _anchors()
    if a is None:
        return None
    if folded is None:
        folded = fold(text)
    plain = text.isascii()  # no unit beyond ASCII, nor any of the special characters
    if not plain and (len(folded) != len(text) or any(ch in text for ch in a.specials)):
        return None
    if hi is None:
        hi = len(text)
    lo = max(lo, 1)  # a unit at the very start has no count before it
    starts = []
    for anchor, overlapping in (a.ascii_only if plain else a.ascii):
        if not overlapping:
            starts.extend(m.start() for m in anchor.finditer(folded, lo, hi))
            continue
        m = anchor.search(folded, lo, hi)
        while m is not None:
            starts.append(m.start())
            m = anchor.search(folded, m.start() + 1, hi)
    for ch in () if plain else a.literal:
        i = text.find(ch, lo, hi)
        while i >= 0:
            starts.append(i)
            i = text.find(ch, i + 1, hi)
    if a.literal:
        starts = sorted(set(starts))
    else:
        starts.sort()
    out = []
    unit, ends, simple = a.unit.match, a.ends, a.simple
    for u in starts:
        if unit(text, u) is None:
            continue
        j = u - 1
        while j >= 0 and ((text[j].isspace() and text[j] != "\n") or text[j] in _GAP):
            j -= 1
        if j >= 0:
            c = text[j]
            if c.isdecimal() or c in ")+":
                out.append(u)
            elif c.isalnum() or c == "_":
                k = j
                while k > 0 and (text[k - 1].isalnum() or text[k - 1] == "_"):
                    k -= 1
                run = text[k:j + 1]
                if not simple or not run.isascii() or run.lower() in ends:
                    out.append(u)
    return out


def count_start(text: str, lo: int, unit: int) -> int:
    """Return a position at or before the start of any count whose unit starts at ``unit``.

    A count lies on one line and holds at most ``reach`` characters beside
    white space; ``lo`` is the earliest position to return.
    """
    reach = _anchors().reach
    line = text.rfind("\n", lo, unit) + 1
    lo = max(lo, line)
    s = max(lo, unit - reach)
    while s > lo:
        w = text[s:unit]
        t = max(lo, unit - reach - (len(w) - sum(map(len, w.split()))))
        if t >= s:
            break
        s = t
    while s > lo and text[s - 1].isspace():
        s -= 1
    return s


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
