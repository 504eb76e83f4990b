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

from .._frozen import value_class
from .. import rules
from ._guard import Anchors, WordGuard, any_within, folded
from .._cache import compile as _rx
from ..blocks import _longest_first
from ._vocab import ASCII_TWIN_CHARS, DASHES, WORD_BYTES, Match, Split, atoms, lookup_key, word_table, alternation

__all__ = ["Match", "TYPES", "find_employment_types", "employment_type", "without_choice"]

TYPES = ("full_time", "part_time", "contract", "temporary", "internship")




def _alternation(words, case_sensitive=frozenset()) -> str:
    """Return the guarded alternation of ``words`` (see jdparse.extract._vocab)."""
    return alternation(words, case_sensitive=case_sensitive)


@value_class(slots=True)
class _Tables:
    words: re.Pattern | Split
    stops: re.Pattern | Split | None
    lookup: dict
    """fold(word) -> (type, language)"""
    rank: dict
    """type -> precedence rank, 0 is most specific"""
    either: frozenset
    """types that, all named in one place, offer a choice (``either`` in employment.yaml)"""


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
        either=_either(data.get("either")),
    )


def _either(types) -> frozenset:
    if types is None:
        return frozenset()
    if not isinstance(types, list) or not set(types) <= set(TYPES) or len(set(types)) == 1:
        raise ValueError(f"employment.yaml: either: expected two or more of {TYPES}")
    return frozenset(types)


def without_choice(matches: list[Match]) -> list[Match]:
    """Return the matches of one place without the types it offers as a choice.

    >>> text = "Job Type: Full-time, Part-time, Temporary"
    >>> [m.value for m in without_choice(find_employment_types(text))]
    ['temporary']
    """
    either = _tables().either
    if len(matches) < 2 or not either:
        return matches
    named = {m.value for m in matches}
    if not either <= named:
        return matches
    return [m for m in matches if m.value not in either]


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


def find_folded(text: str, low: str, a: int, e: int) -> list[Match]:
    """Return ``find_employment_types(text[a:e])``, given ``low``, the fold of ``text``
    (see ``_guard.folded``): the word guard reads the words of the fold already made."""
    seg = text[a:e]
    if not _guard().may_match_folded(seg, low, a, e):
        return []
    return _matches(seg)


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


# --- where in a posting a word may be, from its words --------------------------
#
# An employment-type word is a few runs of ASCII letters, digits and
# underscores, each a whole word of the text once every other character is a
# space ("full-time": "full" and "time", or "fulltime").  The posting is
# split so once (``words``: a few C passes), the runs of the words are looked
# up in its words at once (a set intersection), and only the runs it holds
# are found again, for their offsets.  A slice that cuts a word of the
# posting is read as it is.



def _words(low: str) -> tuple[bytes, list[bytes]]:
    """Return the runs of ASCII word characters of ``low`` (a fold, see ``_guard.folded``): (padded, runs).

    ``padded`` is the text as bytes, one per character, each character other
    than an ASCII letter, digit or underscore a space, with a space before
    and after (offset ``p + 1`` of ``padded`` is offset ``p`` of ``low``);
    ``runs`` are its words.
    """
    raw = low.encode("ascii", "replace")  # one byte per character: "?" beyond ASCII
    spaced = raw.translate(WORD_BYTES)
    return b" " + spaced + b" ", spaced.split()


def _cuts_word(low: str, p: int) -> bool:
    """Return whether offset ``p`` of ``low`` falls between two word characters (as ``\\w`` reads them)."""
    if p <= 0:
        return False
    pair = low[p - 1:p + 1]
    return len(pair) == 2 and (pair.isalnum() or "_" in pair and pair.replace("_", "a").isalnum())


def _run_hits(padded: bytes, runs: list[bytes], scan, out: list[int]) -> None:
    """Add to ``out`` the offsets of the words of ``padded`` that find a phrase of ``scan``.

    ``scan`` is (every run of the phrases, {key run: the runs of each phrase it finds}):
    a key is found only when the posting holds every run of one of its phrases.
    """
    every, need = scan
    present = every.intersection(runs)
    if not present:
        return
    find = padded.find
    for k in need.keys() & present:
        if not any(r <= present for r in need[k]):
            continue
        needle = b" " + k + b" "
        step = len(k) + 1
        p = find(needle)
        while p >= 0:
            out.append(p)
            p = find(needle, p + step)


def _literal_hits(low: str, literals, out: list[int]) -> None:
    """Add to ``out`` the offsets of ``literals`` in ``low``.

    A literal that starts beyond ASCII (CJK) is found by its first character
    (``str.find`` of one character is several times faster than of two).
    """
    find = low.find
    for lit in literals:
        if len(lit) == 1 or lit[0] < "\x80":
            p = find(lit)
            while p >= 0:
                out.append(p)
                p = find(lit, p + 1)
        else:
            first = lit[0]
            starts = low.startswith
            p = find(first)
            while p >= 0:
                if starts(lit, p):
                    out.append(p)
                p = find(first, p + 1)


def _fewest_literals(literals) -> tuple[str, ...]:
    """Return ``literals`` less those that hold another (found through that one)."""
    lits = sorted(set(literals), key=lambda x: (len(x), x))
    kept: list[str] = []
    for lit in lits:
        if not any(k in lit for k in kept):
            kept.append(lit)
    return tuple(kept)


def _key_runs(phrases, single: frozenset = frozenset()):
    """Return (every run, {key run: (the runs of each phrase it finds)}) of ``phrases``.

    Each phrase is a list of runs (see :func:`_words`); its key is one of
    them: a run that is a phrase by itself first, then the longest, then the
    first.
    """
    need: dict[bytes, set] = {}
    every: set = set()
    for runs in phrases:
        runs = [r.encode("ascii") for r in runs]
        every.update(runs)
        best = max(range(len(runs)), key=lambda i: (runs[i] in single, len(runs[i]), -i))
        need.setdefault(runs[best], set()).add(frozenset(runs))
    return frozenset(every), {k: tuple(sorted(v, key=len)) for k, v in need.items()}


def _variants(word: str):
    """Return the runs (see ``_words``) each way of writing ``word`` shows, as whole words.

    A hyphen may be left out ("fulltime"), so each one doubles the ways; a
    space, an apostrophe or a character beyond ASCII always parts two runs.
    "literal" for a word of caseless characters only, no run in it (CJK),
    found as it is; None when no run is sure to be a whole word.
    """
    if any(c in ASCII_TWIN_CHARS for c in word):
        return None  # matches an ASCII letter: the fold shows that letter
    runs, seps, pending = [""], [], None
    for ch in word:
        if ch < "\x80" and (ch.isalnum() or ch == "_"):
            if pending is not None:
                if runs[-1]:
                    seps.append(pending)
                    runs.append("")
                elif pending == "opt":
                    return None  # a leading optional dash: the word may be glued to what precedes
                pending = None
            runs[-1] += ch.lower()
        else:
            hard = ch not in DASHES
            pending = "hard" if hard or pending == "hard" else "opt"
    if not runs[-1]:
        if all(c.casefold() == c == c.upper() and c not in DASHES and not c.isspace() and c not in "'\u2019"
               for c in word):
            return "literal"
        return None
    if pending == "opt":
        return None  # a trailing optional dash
    glue = [i for i, sep in enumerate(seps) if sep == "opt"]
    if len(glue) > 4:
        return None
    out = []
    for mask in range(1 << len(glue)):
        glued = {glue[j] for j in range(len(glue)) if mask >> j & 1}
        ways = [runs[0]]
        for i, r in enumerate(runs[1:]):
            if i in glued:
                ways[-1] += r
            else:
                ways.append(r)
        out.append(ways)
    return out


@rules.derived
def _scan():
    """Return (runs, literals) through which every employment-type word is found (see
    :func:`_key_runs`), or None when some word has no run sure to be whole."""
    data = rules.load("employment")
    words = sorted({w for types in (data.get("words") or {}).values() for ws in types.values() for w in ws})
    phrases, literals = [], set()
    for w in words:
        ways = _variants(w)
        if ways is None:
            return None
        if ways == "literal":
            literals.add(w)
        else:
            phrases.extend(ways)
    single = frozenset(v[0].encode("ascii") for v in phrases if len(v) == 1)
    return _key_runs(phrases, single), _fewest_literals(literals)


def positions(low: str, lo: int = 0, hi: int | None = None) -> list[int] | None:
    """Return, sorted, offsets of ``low`` (a fold) such that each employment-type word of a
    slice that cuts no word of ``low`` holds one (None: any slice may hold one); given ``lo``
    and ``hi``, of the slices inside ``low[lo:hi]``."""
    keys = _scan()
    part = low if lo == 0 and hi is None else low[lo:hi]
    if keys is None or "\u0131" in part:
        return _anchors().positions(low, lo, hi)
    runs, literals = keys
    padded, split = _words(part)
    out: list[int] = []
    _run_hits(padded, split, runs, out)
    if literals:
        _literal_hits(part, literals, out)
    out.sort()
    return [p + lo for p in out] if lo else out


class Finder:
    """``find_employment_types`` of slices of one posting: ``find(a, e)`` is that of ``text[a:e]``.

    The posting is casefolded once (``low`` is ``folded(text)``) and its words
    looked up once for the places a word may be (see :func:`positions`): a
    slice without one gives no match without being read, and the word guard
    of a slice reads words of the fold already made.  Given ``within``
    (start, end), only that part of the posting is looked up, and only slices
    inside it may be asked for.
    """

    __slots__ = ("text", "low", "hits", "within")

    def __init__(self, text: str, low=..., within: tuple[int, int | None] = (0, None)):
        self.text = text
        self.low = folded(text) if low is ... else low
        self.hits = False
        self.within = within

    def find(self, a: int, e: int) -> list[Match]:
        low = self.low
        if low is None:
            return find_employment_types(self.text[a:e])
        hits = self.hits
        if hits is False:
            hits = self.hits = positions(low, *self.within)
        # No hit, no match.  The hits are of the posting's whole words: a
        # slice that cuts a word (\w\w at an edge) is read as it is.
        if not any_within(hits, a, e) and not _cuts_word(low, a) and not _cuts_word(low, e):
            return []
        return find_folded(self.text, low, a, e)


LENGTH_OF_TIME = r"\d+(?:[.,]\d+)?[ \t]*[-\u2013]?[ \t]*(?:{units})"
"""A count and a unit of time ("12 months", "6-month"); ``{units}`` is ``duration_units()``."""


@rules.derived
def duration_units() -> str:
    """Return the alternation of employment.yaml's ``durations`` (month, mois, Monate ...), for
    the patterns of a length of time ("12 months", "6-month") that other readers build."""
    from ._vocab import alternation

    words = {str(w) for w in rules.load("employment").get("durations") or ()}
    return alternation(words) if words else "(?!)"


@rules.derived
def _label_values() -> tuple[re.Pattern, dict] | None:
    """Return the pattern of a label value made of ``label_values`` words only (an aside in
    brackets after them), and word -> type."""
    data = rules.load("employment").get("label_values") or {}
    if not isinstance(data, dict) or not set(data) <= set(TYPES):
        raise ValueError(f"employment.yaml: label_values: expected {{type: [word]}}, type one of {TYPES}")
    lookup = {str(w).casefold(): t for t, ws in data.items() for w in ws or ()}
    if not lookup:
        return None
    word = "(?:" + "|".join(re.escape(w) for w in sorted(lookup, key=len, reverse=True)) + ")"
    joiners = rules.load("employment").get("label_value_joiners") or {}
    joined = "|".join(sorted({re.escape(str(w)) for ws in joiners.values() for w in ws or ()}, key=_longest_first))
    sep = r"(?:[ \t]*[,/|;+&][ \t]*" + (r"|[ \t]+(?:" + joined + r")[ \t]+" if joined else "") + ")"
    # (an aside in brackets may follow: "Temporal (de abril a octubre de 2027)", "B2B (preferred)")
    return _rx(r"[ \t(]*(?:" + word + r")(?:" + sep + word + r")*(?:[ \t]+\([^()\n]{1,80}\))?[ \t.)]*",
               re.IGNORECASE), lookup


@rules.derived
def _label_value_word() -> re.Pattern:
    """Return the pattern of any ``label_values`` word, as a word, any case."""
    table = _label_values()
    words = sorted(table[1], key=_longest_first) if table is not None else ()
    return _rx(r"(?<!\w)(?:" + ("|".join(map(re.escape, words)) or "(?!)") + r")(?!\w)", re.IGNORECASE)


def holds_label_value_word(text: str, a: int, e: int) -> bool:
    """Return whether ``text[a:e]`` holds a ``label_values`` word (a cheap test before reading its fields)."""
    return _label_value_word().search(text, a, e) is not None


def label_value_types(text: str, a: int, e: int) -> list[Match]:
    """Return the ``label_values`` words of ``text[a:e]`` when the whole span is made of them, else [].

    >>> [(m.value, m.rule) for m in label_value_types("B2B / UoP", 0, 9)]
    [('contract', 'employment.label_value'), ('full_time', 'employment.label_value')]
    """
    table = _label_values()
    if table is None:
        return []
    pattern, lookup = table
    if pattern.fullmatch(text, a, e) is None:
        return []
    out = []
    for m in _label_value_word().finditer(text[a:e]):  # (a word with a hyphen is one: "co-op")
        t = lookup.get(m.group().casefold())
        if t is not None:
            out.append(Match(m.start(), m.end(), t, "employment.label_value"))
    return out


# A share of a full-time post: "0.8 FTE" anywhere; "80 %", "60-80%" as an
# employment label's value ("Stillingsprosent: 80 %", "Pensum: 60-80%").
_FTE = _rx(r"(?<![\w.,])(?P<n>0[.,]\d{1,2}|1(?:[.,]0{1,2})?)[ \t]?FTE\b")
_PERCENT = _rx(r"(?<![\w.,])(?:(?P<lo>\d{1,3})[ \t]?%?[ \t]?[-\u2013][ \t]?)?(?P<hi>\d{1,3})[ \t]?%")
_FULL = 100


def share_types(text: str, a: int, e: int, labelled: bool) -> list[Match]:
    """Return the types that a share of full time in ``text[a:e]`` names (offsets into the slice):
    part-time below a whole post ("0.8 FTE"; in an employment label's value, "80 %"), full-time
    at one ("1.0 FTE", "100 %"); rule ``employment.share``."""
    out = []
    if "FTE" in text[a:e]:
        for m in _FTE.finditer(text, a, e):
            share = float(m["n"].replace(",", "."))
            out.append(Match(m.start() - a, m.end() - a, "part_time" if share < 1 else "full_time", "employment.share"))
    if labelled and "%" in text[a:e]:
        for m in _PERCENT.finditer(text, a, e):
            hi = int(m["hi"])
            if m["lo"] and int(m["lo"]) < hi == _FULL:
                continue  # "80–100 %": the hours are the applicant's choice (see ``either``)
            if 0 < hi <= _FULL:
                out.append(Match(m.start() - a, m.end() - a, "part_time" if hi < _FULL else "full_time",
                                 "employment.share"))
    return out


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
