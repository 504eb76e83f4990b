"""Work mode: remote, hybrid or on site, from the words a posting uses.

Usage::

    >>> m = decide(find_work_modes("Hybrid - 2 days a week in the office"))
    >>> m.mode, m.rule
    ('hybrid', 'work_mode.hybrid')

Vocabulary is data: ``jdparse/data/work_mode.yaml`` (phrases per mode and
language, perks, phrases that are no work mode). Rule ids:
``work_mode.remote``, ``work_mode.hybrid``, ``work_mode.onsite`` (a phrase),
``work_mode.office_days`` ("come to the office 2 to 3 times per week", "3 Tage pro Woche im
Büro": hybrid; five days or more a week: onsite), ``work_mode.remote_days`` ("remote 2 days a week", "télétravail 3J/semaine":
hybrid), ``work_mode.perk`` (a mode word in a perk: "remote-friendly team events") and
``work_mode.denied`` (a remote or hybrid phrase that its own clause denies: "Mobiles Arbeiten
ist in dieser Stelle nicht möglich", "Remote working is unfortunately not possible": on site).
"""
from __future__ import annotations

import re
from bisect import bisect_left

from .._frozen import value_class
from .. import rules
from ._guard import GAP, Anchors, WordGuard, any_within, folded, literal_atoms
from .._cache import compile as _rx

__all__ = ["ModeMatch", "find_work_modes", "decide"]

MODES = ("remote", "hybrid", "onsite")


@value_class(slots=True)
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

# "2-3", "2 à 3", "2 bis 3": a range of such numbers, after the first.
_RANGE_N = rf"(?:[ ]?(?:-|–|à|a|bis|till|o)[ ]?{_N})?"

# Phrases that say part of the week is in the office: hybrid. Bounded repeats
# only, so matching stays linear.  Whole words only: not the "in" of
# "within", nor the "1 days" of "21 days on site".
_OFFICE_DAYS = _rx(
    rf"""
    (?<![\w.])(?:
    # "come to the office 2 to 3 times per week", "in the office 3 days a week"
    (?:in|to|at|from)[ ](?:the|our)[ ](?:[\w-]+[ ]){{0,2}}(?:office|hq)s?[ ]  # ("from our Berlin office ...")
      (?:(?:about|around|at[ ]least)[ ])?{_N}(?:[ ]?(?:to|-|–|or)[ ]?{_N})?[ ]
      (?:days?|times)[ ](?:a|per|each|every)[ ]week
    # "2 days a week in the office", "3 days per week on-site", "2-3 days in office"
    | {_N}(?:[ ]?(?:to|-|–|or)[ ]?{_N})?[ ](?:days?|times)
      (?:[ ](?:a|per|each|every)[ ]week)?[ ]
      (?:in[ ](?:(?:the|our)[ ])?offices?|on[- ]?site|at[ ](?:the|our)[ ](?:office|hq)s?)
    # "In-office 4 days a week", "on-site 3 days per week", "in office 2-3 days/week"
    | (?:in[- ]office|on[- ]?site)[ ](?:(?:about|around|at[ ]least)[ ])?{_N}(?:[ ]?(?:to|-|–|or)[ ]?{_N})?[ ]
      (?:days?|times)(?:[ ](?:a|per|each|every)[ ]week|[ ]?/[ ]?(?:week|wk))
    )(?!\w)
    """,
    re.VERBOSE | re.IGNORECASE,
)
# The same in other languages, a pattern of its own so that English text does
# not pay for it: "3 Tage pro Woche im Büro", "2 jours par semaine au bureau",
# "3 días a la semana en la oficina", "2 dias por semana no escritório", "2
# dagar i veckan på kontoret", "3 giorni a settimana in ufficio" (one form per
# language, so that _OFFICE_DAYS_WORDS can tell each from its two words).
_OFFICE_DAYS_OTHER = _rx(
    rf"""
    (?<![\w.])(?:
      {_N}{_RANGE_N}[ ]tage?(?:[ ](?:pro|die|in[ ]der)[ ]woche)?[ ]i(?:m|ns)[ ]büro
    | {_N}{_RANGE_N}[ ]jours?(?:[ ]par[ ]semaine)?[ ]au[ ]bureau
    | {_N}{_RANGE_N}[ ]d[ií]as(?:[ ](?:a[ ]la|por)[ ]semana)?[ ](?:en[ ](?:la[ ])?oficina|no[ ]escritório)
    | {_N}{_RANGE_N}[ ]dagar(?:[ ](?:i|per)[ ]veckan?)?[ ]på[ ]kontoret
    | {_N}{_RANGE_N}[ ]giorni(?:[ ](?:a|alla)[ ]settimana)?[ ]in[ ]ufficio
    )(?!\w)
    """,
    re.VERBOSE | re.IGNORECASE,
)

# Phrases that say part of the week is remote: hybrid ("remote 2 days a week",
# "2 days per week from home office", "télétravail 3J/semaine", "2 Tage
# Homeoffice").  Each holds a remote phrase of the table (remote, remoto,
# wfh, work from home, home office, homeoffice, télétravail, teletrabajo),
# so it is looked for only where one was found (rule work_mode.remote_days).
_REMOTE_WORD = r"(?:remote(?:ly)?|remoto|wfh|work[ ]from[ ]home|home[ -]?office|t[ée]l[ée]travail|teletrabajo)"
_DAY_UNIT = r"(?:days?|jours?|tage?|d[ií]as)"
_WEEK = r"(?:week|semaine|woche|semana)"
_PER_WEEK = rf"(?:[ ]?(?:a|per|each|every|/|par|pro|por|a[ ]la|in[ ]der)[ ]?{_WEEK})"
_REMOTE_DAYS = _rx(
    rf"""
    (?<![\w.])(?:
    # "remote 2 days a week", "remote work: 2-3 days per week", "télétravail 3J/semaine"
    {_REMOTE_WORD}(?:[ ]work(?:ing)?)?[ ]?(?:[:(][ ]?)?(?:(?:up[ ]to|about|around|jusqu'à|bis[ ]zu|hasta)[ ])?
      {_N}(?:[ ]?(?:to|-|–|or|à|bis|a)[ ]?{_N})?[ ]?(?:{_DAY_UNIT}|j){_PER_WEEK}
    # "2 days a week remote", "3 jours de télétravail", "2 Tage Homeoffice", "2 remote days"
    | {_N}(?:[ ]?(?:to|-|–|or|à|bis|a)[ ]?{_N})?[ ]
      (?:{_DAY_UNIT}{_PER_WEEK}?[ ](?:(?:de|of|im)[ ])?{_REMOTE_WORD}|{_REMOTE_WORD}[ ]days?)
    )(?!\w)
    """,
    re.VERBOSE | re.IGNORECASE,
)
# Every remote-days phrase holds one of these (casefolded): a day unit, or
# the week after a "j".
_REMOTE_DAYS_HOLD = ("day", "jour", "tag", "d\u00eda", "dia", "week", "semaine", "woche", "semana")


def _remote_days(text: str, found, low: str | None = None) -> list[ModeMatch]:
    """Return the remote-days phrases of ``text`` (hybrid), looked for only when ``found`` holds a
    remote phrase and ``text`` a word every such phrase holds (in ``low``, its casefold, if given)."""
    if not any(f[2] == "remote" for f in found):
        return []
    if low is None:
        low = text.casefold()
    if not any(w in low for w in _REMOTE_DAYS_HOLD):
        return []
    return [ModeMatch(m.start(), m.end(), "hybrid", "work_mode.remote_days", False) for m in _REMOTE_DAYS.finditer(text)]


# Every office-days phrase holds one of the first words and one of the second
# of one of these pairs (any case): English (_OFFICE_DAYS), then one pair per
# other language (_OFFICE_DAYS_OTHER).
_OFFICE_DAYS_WORDS = (
    (("office", "hq", "site"), ("day", "time")),
    (("büro",), ("tag",)),
    (("bureau",), ("jour",)),
    (("oficina", "escritório"), ("día", "dia")),
    (("kontoret",), ("dag",)),
    (("ufficio",), ("giorn",)),
)
_OTHER_OFFICE_PLACES = tuple(w for places, _ in _OFFICE_DAYS_WORDS[1:] for w in places)
"""The office words of the other languages: "büro", "bureau", "oficina" ..."""

# Japanese, whose words have no spaces between them: "週2日出社", "週1〜2回出社",
# "週3日程度の出社", "週1出社" (coming to the office N days a week).  Looked for only
# where its office word, 出社, is.
_CJK_OFFICE = "\u51fa\u793e"
_CJK_N = "[1-7\uff11-\uff17\u4e00\u4e8c\u4e09\u56db\u4e94]"
_OFFICE_DAYS_CJK = _rx(
    "\u9031[ \t]?" + _CJK_N + "(?:[ \t]?[\u301c\uff5e~\\-\u2013][ \t]?" + _CJK_N + ")?[ \t]?[\u65e5\u56de]?"
    "(?:\u7a0b\u5ea6|\u307b\u3069)?\u306e?" + _CJK_OFFICE
)

# Korean: "주 2일 출근", "주 1~2회 사무실 출근", "주 3일 정도 출근" (coming to the
# office N days a week); looked for only where its office word, 출근, is.
_KO_OFFICE = "\ucd9c\uadfc"
_OFFICE_DAYS_KO = _rx(
    "\uc8fc[ \t]?[1-7](?:[ \t]?[~\uff5e\\-\u2013][ \t]?[1-7])?[ \t]?[\uc77c\ud68c]"
    "(?:[ \t]?\uc815\ub3c4)?(?:[ \t]?(?:\uc0ac\ubb34\uc2e4|\uc624\ud53c\uc2a4))?[ \t]?" + _KO_OFFICE
)

# Words without which no office-days phrase can match (the word guard's).
_OFFICE_WORDS = frozenset({"office", "offices", "hq", "site", "onsite", *_OTHER_OFFICE_PLACES, _CJK_OFFICE, _KO_OFFICE})

# A token of a phrase: a word, or a sign that phrases spell out ("100% remote",
# "On-site (Hybrid)", "Remote/Telecommute").
_TOKEN = _rx(r"""\w+ | [%()/] """, re.VERBOSE)
# What may stand between two tokens of one phrase: nothing, spaces, or a hyphen
# or dash ("on-site", "on site", "on – site").
_GAP = _rx(r"""[-‐‑–—\s]{0,3}""", re.VERBOSE)
_GAP_CHARS = r"[-‐‑–—\s]"
# Whether a character is CJK: phrases in these scripts have no word boundaries.
# Hangul too: a Korean phrase is found as a substring, for its particles are
# written on to it ("재택근무가", "하이브리드로").
_CJK = _rx(r"[\u3040-\u30ff\u3400-\u9fff\uf900-\ufaff\uac00-\ud7a3]")  # kana too: "フルリモート"


def _phrase_key(s: str) -> tuple[str, ...]:
    """Return a phrase as casefolded tokens: the key a phrase and its written form share."""
    return tuple(t.casefold() for t in _TOKEN.findall(s))


class _Table:
    """Phrases by token key, plus CJK phrases (found by substring, having no word breaks).

    A dict lookup per token instead of one big regex: ``re`` took ~30 ms to
    compile the ~250-phrase alternation, which is half of a parse's budget.
    """

    __slots__ = ("by_key", "cjk", "first", "width", "prefixes")

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
        # The most characters a phrase spans (its tokens, and gaps of 3).
        self.width = max((sum(map(len, k)) + 3 * (len(k) - 1) for k in self.by_key), default=0)
        # Only tokens that can open a phrase start a look-up: most tokens of a
        # posting open none, so the per-token cost stays one set test.
        self.first = frozenset(k[0] for k in self.by_key)
        # Every start of a key of two tokens or more: a look-up grows a key
        # token by token only while it is one.
        self.prefixes = frozenset(k[:n] for k in self.by_key for n in range(2, len(k) + 1))

    def find(self, text: str, toks: list[tuple[int, int, str]], cjk: bool = True) -> list[tuple[int, int, object]]:
        """Return (start, end, value) of the phrases in ``text``, longest at each token, in order.

        ``cjk=False`` leaves out the CJK phrases (the caller knows there are none).
        """
        out = []
        first = self.first
        by_key = self.by_key
        prefixes = self.prefixes
        gap = _GAP.fullmatch
        n_toks = len(toks)
        free = 0  # the first token no phrase found so far holds
        for i in [i for i, t in enumerate(toks) if t[2] in first]:
            if i < free:
                continue
            # The longest phrase at token i whose gaps are all separators:
            # grown a token at a time while the tokens start a key and the
            # new gap is one (a longer key holds the same gaps).
            key = (toks[i][2],)
            v = by_key.get(key)
            n = 1 if v is not None else 0
            j = i + 1
            while j < n_toks:
                key += (toks[j][2],)
                if key not in prefixes or not gap(text, toks[j - 1][1], toks[j][0]):
                    break
                got = by_key.get(key)
                if got is not None:
                    v, n = got, j - i + 1
                j += 1
            if n:
                out.append((toks[i][0], toks[i + n - 1][1], v))
                free = i + n
        # (each CJK phrase holds a _CJK character: a text without one holds none of them)
        if cjk and self.cjk and not text.isascii() and _CJK.search(text) is not None:
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
    # Most lines name no work mode: a word test skips them before any table
    # (CJK phrases have no words to test: the guard lets such text through).
    if not _guard().may_match(text):
        return []
    toks = [(m.start(), m.end(), m.group().casefold()) for m in _TOKEN.finditer(text)]
    return _matches(text, toks, _OFFICE_ALL)


def _matches(text: str, toks, office: tuple) -> list[ModeMatch]:
    """Return the matches of ``text`` (tokenized), the office-days patterns run only those in ``office``."""
    modes, perks, nots = _tables()
    found = modes.find(text, toks)
    if not found and not office:
        return []
    out = _office_days(text, office) if office else []
    if not found:
        return out
    out += _remote_days(text, found)
    return _denied(text, _assemble(out, found, perks.find(text, toks), nots.find(text, toks), 0))


def _assemble(out: list[ModeMatch], found, perk_spans, not_spans, shift: int) -> list[ModeMatch]:
    """Return ``out`` (the office-days and remote-days matches) with the phrase matches ``found`` added, in order.

    A phrase inside a not-mode phrase or an office-days (remote-days) match is dropped; one
    inside a perk is kept as a perk.  ``found``, ``perk_spans`` and
    ``not_spans`` are (start, end, value) with offsets ``shift`` past those of ``out``.
    """
    perk_spans = [(s - shift, t - shift) for s, t, _ in perk_spans]
    not_spans = [(s - shift, t - shift) for s, t, _ in not_spans]
    days = [(o.start, o.end) for o in out]
    for s, t, mode in found:
        s -= shift
        t -= shift
        if _overlaps(not_spans, s, t) or _overlaps(days, s, t):
            continue
        perk = _overlaps(perk_spans, s, t)
        out.append(ModeMatch(s, t, mode, "work_mode.perk" if perk else f"work_mode.{mode}", perk))
    out.sort(key=lambda x: x.start)
    return out


_DENY_REACH = 80
"""The most characters after a remote or hybrid phrase where a denial of it is looked for."""

_CLAUSE_END = _rx(r"[.!?;,\n\u3002]")


@rules.derived
def _denials() -> re.Pattern | None:
    """Return the pattern of work_mode.yaml's ``denials`` (whole words, case aside), or None."""
    words = [str(w) for ws in (rules.load("work_mode").get("denials") or {}).values() for w in ws or () if str(w).strip()]
    if not words:
        return None
    alt = "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in sorted(set(words), key=lambda w: (-len(w), w)))
    return _rx(r"(?<!\w)(?:" + alt + r")(?!\w)", re.IGNORECASE)


def _denied(text: str, out: list[ModeMatch]) -> list[ModeMatch]:
    """Return ``out`` with each remote or hybrid match that the rest of its clause denies
    ("Mobiles Arbeiten ist ... nicht möglich") read as on site (rule ``work_mode.denied``)."""
    deny = None
    for k, m in enumerate(out):
        if m.perk or m.mode == "onsite":
            continue
        if deny is None:
            deny = _denials()
            if deny is None:
                return out
        rest = text[m.end:m.end + _DENY_REACH]
        cut = _CLAUSE_END.search(rest)
        if cut is not None:
            rest = rest[:cut.start()]
        if rest and deny.search(rest) is not None:
            out[k] = ModeMatch(m.start, m.end, "onsite", "work_mode.denied", False)
    return out


@rules.derived
def _anchors() -> Anchors:
    """Return where a work-mode phrase or an office-days phrase may occur in a folded text."""
    modes = _tables()[0]
    gap = (GAP, _GAP.pattern, _GAP_CHARS, 3)
    phrases = []
    for key in modes.by_key:
        atoms: list = []
        for t in key:
            if atoms:
                atoms.append(gap)
            atoms.extend(t)  # tokens are casefolded: the folded text shows them as they are
        phrases.append(atoms)
    phrases += [literal_atoms(p, False) for p, _ in modes.cjk]
    phrases += [literal_atoms(w, True) for w in _OFFICE_DAYS_HOLD]
    # Characters up to 16 per mille lead the pattern ("b" of "hybrid"): fewer
    # str.find passes over the posting, for the same places.
    return Anchors(phrases, compile=_rx, rare=16)


# What every office-days phrase holds, one of (the pattern ignores case):
# "(the|our) (office|hq)", "in office", "on[- ]?site", or the office word of another language.
_OFFICE_DAYS_HOLD = ("the office", "our office", "the hq", "our hq", "in office", "onsite", "on-site", "on site",
                     *_OTHER_OFFICE_PLACES, _CJK_OFFICE, _KO_OFFICE)


def _office_patterns(low: str, a: int = 0, e: int | None = None) -> tuple:
    """Return the office-days patterns that may match in ``low[a:e]`` (casefolded): (), or some of them.

    The patterns ignore case: an "ı" of the text matches its "i".
    """
    if e is None:
        e = len(low)
    find = low.find
    if find("\u0131", a, e) >= 0:
        return _OFFICE_ALL
    out = (_OFFICE_DAYS_CJK,) if find(_CJK_OFFICE, a, e) >= 0 else ()
    if find(_KO_OFFICE, a, e) >= 0:  # (no search at all of a text without such characters)
        out += (_OFFICE_DAYS_KO,)
    (places, days), *others = _OFFICE_DAYS_WORDS
    for w in places:
        if find(w, a, e) >= 0:
            for w in days:
                if find(w, a, e) >= 0:
                    out += (_OFFICE_DAYS,)
                    break
            break
    # The other languages' pairs, behind one search of the fold for their
    # office words (most text has none).
    if _OTHER_OFFICE_WORDS.search(low, a, e) is not None:
        for places, days in others:
            if any(find(w, a, e) >= 0 for w in places) and any(find(d, a, e) >= 0 for d in days):
                return out + (_OFFICE_DAYS_OTHER,)
    return out


_OFFICE_ALL = (_OFFICE_DAYS, _OFFICE_DAYS_OTHER, _OFFICE_DAYS_CJK, _OFFICE_DAYS_KO)
_OTHER_OFFICE_WORDS = _rx("|".join(map(re.escape, _OTHER_OFFICE_PLACES)))


_DAY_COUNTS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5}
_DAY_COUNT = _rx(r"\d+(?:\.\d)?|one|two|three|four|five", re.IGNORECASE)
_FULL_WEEK = 5
"""Office days a week from which a job is on site, not hybrid ("5 days a week in the office")."""


def _office_mode(s: str) -> str:
    """Return "onsite" when the fewest office days ``s`` counts make a full week, else "hybrid"."""
    counts = [_DAY_COUNTS.get(w.lower()) or float(w) for w in _DAY_COUNT.findall(s)]
    return "onsite" if counts and min(counts) >= _FULL_WEEK else "hybrid"


def _office_days(text: str, patterns: tuple) -> list[ModeMatch]:
    """Return the office-days matches of ``patterns`` in ``text``, in order."""
    out = [ModeMatch(m.start(), m.end(), _office_mode(m.group()), "work_mode.office_days", False)
           for p in patterns for m in p.finditer(text)]
    if len(patterns) > 1:
        out.sort(key=lambda x: x.start)
    return out


class Finder:
    """``find_work_modes`` of slices of one posting, each slice read once.

    The posting is casefolded once (or ``low`` is given: ``folded(text)``) and searched once for the places a phrase
    may be (see :class:`jdparse.extract._guard.Anchors`); a slice without one
    gives no match without being read.  ``find(a, e)`` returns what
    ``find_work_modes(text[a:e])`` returns; given ``spans``, only the places
    inside them are searched, and ``(a, e)`` must lie inside one of them.
    """

    __slots__ = ("text", "low", "hits", "memo")

    def __init__(self, text: str, low=..., spans=None):
        self.text = text
        self.low = low = folded(text) if low is ... else low
        self.memo: dict = {}
        if low is None:
            self.hits = None
        elif spans is None:
            self.hits = _anchors().positions(low)
        else:
            self.hits = _positions_in(low, spans)

    def find(self, a: int, e: int) -> list[ModeMatch]:
        got = self.memo.get((a, e))
        if got is None:
            got = self.memo[(a, e)] = self._find(a, e)
        return got

    def find_all(self, spans) -> list[tuple[int, int, list[ModeMatch]]]:
        """Return (a, e, ``find(a, e)``) of the ``(a, e)`` of ``spans`` that give a match, in order."""
        hits = self.hits
        if self.low is None or hits is None:
            return [(a, e, got) for a, e in spans if (got := self.find(a, e))]
        n = len(hits)
        find = self.find
        out = []
        for a, e in spans:
            i = bisect_left(hits, a)
            if i < n and hits[i] < e:  # else no phrase: find gives none
                got = find(a, e)
                if got:
                    out.append((a, e, got))
        return out

    def _find(self, a: int, e: int) -> list[ModeMatch]:
        low = self.low
        hits = self.hits
        if low is None or hits is None:
            return find_work_modes(self.text[a:e])
        if not any_within(hits, a, e):
            return []
        text = self.text
        seg = text[a:e]
        modes, perks, nots = _tables()
        cjk = _cjk_phrases()
        # (a character of each phrase first: one short test each, and most
        # text beyond ASCII, accents and dashes, holds none)
        if cjk and not seg.isascii() and any(c in seg for c in _cjk_chars()) and any(p in seg for p in cjk):
            return _find_folded(seg, low[a:e])
        # Every phrase holds a hit: read only the tokens around the hits.
        found, perk_spans, not_spans = [], [], []
        for toks in _windows(low, a, e, hits):
            if toks is None:
                return _find_folded(seg, low[a:e])
            found += modes.find(text, toks, cjk=False)
            if found:
                perk_spans += perks.find(text, toks, cjk=False)
                not_spans += nots.find(text, toks, cjk=False)
        office = _office_patterns(low, a, e)
        out = _office_days(seg, office) if office else []
        if not found or not _key_words_guarded():
            # The guard of find_work_modes: a phrase of the table passes it,
            # office days alone may not.
            if not out and not found:
                return []
            if not _guard().may_match_folded(seg, low, a, e):
                return []
            if not found:
                return out
        out += _remote_days(seg, found, low[a:e])
        return _denied(seg, _assemble(out, found, perk_spans, not_spans, a))


def _positions_in(low: str, spans) -> list[int] | None:
    """Return the anchors' positions of the phrases inside the ``spans`` of ``low`` (those only:
    the one slice ``find`` may then be given is one of them, or inside one)."""
    anchors = _anchors()
    if anchors.always:
        return None
    out: list[int] = []
    lo = hi = None
    for a, e in sorted(spans):
        if hi is None or a > hi + _JOIN:
            if hi is not None and hi > lo:
                out += anchors.positions(low, lo, hi)
            lo, hi = a, e
        elif e > hi:
            hi = e
    if hi is not None and hi > lo:
        out += anchors.positions(low, lo, hi)
    return out


_JOIN = 512
"""Characters between two spans read as one range: one search is cheaper than two (a search
costs about what a few hundred characters read cost: a call per literal of the anchors)."""

_MARGIN = 24
"""Characters read past a window for a token no phrase holds (where no match can cross)."""


def _windows(low: str, a: int, e: int, hits: list[int]):
    """Yield the tokens (start, end, folded text) of ``low[a:e]`` around the hits, window by window.

    A window holds every phrase through a hit (the widest phrase on each
    side), and runs on to a token no phrase of any table holds, or to the
    slice's end: no match crosses such a token, so each table finds in a
    window what it finds there in the whole slice.  None when no such token
    is near: the caller reads the whole slice.
    """
    w = _width()
    words = _table_tokens()
    spans = []
    i = bisect_left(hits, a)
    while i < len(hits) and hits[i] < e:
        x, y = max(a, hits[i] - w), min(e, hits[i] + w + 1)
        if spans and x <= spans[-1][1]:
            spans[-1] = (spans[-1][0], y)
        else:
            spans.append((x, y))
        i += 1
    lo_edge = a
    for x, y in spans:
        if x < lo_edge:
            x = lo_edge
        xs = max(a, x - _MARGIN)
        xs = low.rfind(" ", a, xs + 1) + 1 or a
        ys = min(e, y + _MARGIN)
        ys = low.find(" ", ys, e)
        if ys < 0:
            ys = e
        toks = [(m.start(), m.end(), m.group()) for m in _TOKEN.finditer(low, max(xs, lo_edge), ys)]
        k = 0
        while k < len(toks) and toks[k][0] < x:
            k += 1
        j = k - 1
        while j >= 0 and toks[j][2] in words:
            j -= 1
        if j < 0 and xs > lo_edge:
            yield None
            return
        m = k
        while m < len(toks) and toks[m][0] < y:
            m += 1
        while m < len(toks) and toks[m][2] in words:
            m += 1
        if m == len(toks) and ys < e:
            yield None
            return
        yield toks[j + 1:m]
        lo_edge = toks[m - 1][1] if m > j + 1 else lo_edge


@rules.derived
def _width() -> int:
    """Return the most characters a mode phrase spans (a perk or non-mode phrase that
    overlaps one lies between the same tokens no phrase holds)."""
    return _tables()[0].width


@rules.derived
def _table_tokens() -> frozenset:
    """Return every token of every phrase of the tables."""
    return frozenset(w for t in _tables() for k in t.by_key for w in k)


@rules.derived
def _cjk_phrases() -> tuple[str, ...]:
    """Return the CJK phrases of every table (each holds a character beyond ASCII)."""
    return tuple(p for t in _tables() for p, _ in t.cjk)


@rules.derived
def _cjk_chars() -> tuple[str, ...]:
    """Return CJK characters such that each CJK phrase holds one (a text without any holds no
    such phrase): few, each tested on a segment, so one held by the most phrases first
    ("재" of 재택근무, 부분 재택, 전면 재택 ...)."""
    left = set(_cjk_phrases())
    out = []
    while left:
        counts: dict[str, int] = {}
        for p in left:
            for c in set(_CJK.findall(p)):
                counts[c] = counts.get(c, 0) + 1
        best = min(counts, key=lambda c: (-counts[c], c))
        out.append(best)
        left = {p for p in left if best not in p}
    return tuple(sorted(out))


@rules.derived
def _key_words_guarded() -> bool:
    """Return whether a mode phrase found implies the guard passes (keys are their own casefold)."""
    return all(" ".join(k).casefold() == " ".join(k) for k in _tables()[0].by_key)


def _find_folded(text: str, low: str) -> list[ModeMatch]:
    """Return ``find_work_modes(text)``, given ``low``, the casefold of ``text`` character for character."""
    # The guard of find_work_modes, on words of the fold already made.
    if not _guard().may_match_folded(text, low):
        return []
    # The same characters are word characters in text and fold (see
    # folded()): tokens of the fold are the text's, casefolded.
    toks = [(m.start(), m.end(), m.group()) for m in _TOKEN.finditer(low)]
    return _matches(text, toks, _office_patterns(low))


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
