"""Salary candidates in a string: amounts, currency, period, offsets and a confidence.

>>> [(m.min, m.max, m.currency, m.period) for m in find_salaries("Remote | $170-230K + equity")]
[(170000.0, 230000.0, 'USD', 'year')]

The extractor is one pure function, :func:`find_salaries`.  Vocabulary
(currencies, multipliers, period words, context words) lives in
``jdparse/data/currencies.yaml``; this module holds the number grammar and
the logic.  Amounts are matched (not searched) where a run of digits
starts, each run read once; every pattern uses bounded repetition and no
nested quantifier over overlapping classes, so the whole scan is linear in
the input (stdlib ``re`` backtracks: an unbounded ``\\s*`` could make it
quadratic on a long run of digits and spaces).  Matching runs on a copy of
the text with ASCII letters lower-cased, so vocabulary is case-insensitive.

Rule ids: ``salary.range`` (two amounts), ``salary.single`` (one amount, so
min == max), ``salary.up_to`` (a maximum only), ``salary.from`` (a minimum
only).  A match with ``confidence >= SALARY_THRESHOLD`` is a salary; lower
ones are candidates the pipeline may show in ``--explain`` but should not
report.
"""
from __future__ import annotations

import re
import unicodedata
from bisect import bisect_left
from functools import cache

from .._frozen import value_class
from .. import rules
from .._cache import compile as _rx

__all__ = ["SalaryMatch", "find_salaries", "SALARY_THRESHOLD"]

SALARY_THRESHOLD = 3
"""Lowest confidence at which a match is taken to be a salary.

A currency alone gives 3, so "$170-230K" passes; a bare number needs a
salary keyword, a written period or a label to get there."""

# Confidence weights (summed).  A currency or a known salary field is the
# strongest evidence; a keyword or a period nearly as strong; a range a little.
_W_CURRENCY = 3
_W_LABELLED = 3
_W_KEYWORD = 2
_W_PERIOD = 2
_W_RANGE = 1
_W_SMALL = -2          # under 100 with no period: a price, a fee, a donation

_ANNUAL_FACTOR = {"hour": 2080, "day": 260, "week": 52, "month": 12, "year": 1}


@value_class(slots=True)
class SalaryMatch:
    """One salary candidate: where it is, what it says, which rule, how sure."""

    start: int
    """Offset of the first character of the amount text in the string searched."""
    end: int
    """Offset just past it; ``text[start:end]`` is the verbatim salary text."""
    min: float | None
    max: float | None
    currency: str | None
    """ISO 4217 code, or None when none is written."""
    period: str | None
    """hour, day, week, month or year; None when not written and not certain."""
    annualized_min: float | None
    annualized_max: float | None
    rule: str
    """salary.range, salary.single, salary.up_to or salary.from."""
    confidence: int
    """Higher is more certainly a salary; compare with SALARY_THRESHOLD."""


# A number as postings write it.  Thousands groups are bounded ({1,4}) and
# the plain form to 9 digits, so no attempt reads more than ~20 characters.
_NUMBER = r"""
    (?:
        \d{1,2}(?:,\d{2}){1,3},\d{3}(?:\.\d{1,2})?                # 15,00,000  1,20,000: lakh grouping (IN)
      | \d{1,3}(?:,\d{3}){1,4}(?:\.\d{1,2})?                       # 88,305  1,800.50: comma thousands
      | \d{1,3}(?:\.\d{3}){1,4}(?:,\d{1,2})?                       # 65.000  1.800,00: dot thousands
      | \d{1,3}(?:[ \u00a0\u202f\u2009]\d{3}){1,3}(?:,\d{1,2})?    # 181 000: space thousands
      | \d{1,3}(?:['\u2019]\d{3}){1,3}(?:\.\d{1,2})?                # 110'000  1'800.50: apostrophe thousands (CH)
      | \d{1,9}(?:[.,]\d{1,2})?                                    # 350  38.46  1,5: plain
    )
    (?!\d|[.,]\d)                                                  # not the head of a longer number, date or version
"""

# The dashes and tildes that join a range besides the ASCII hyphen (one or
# two of it): the Unicode dashes U+2010-U+2015, minus, ~, 〜 and ～.  _SEP
# and the tables that tell what can follow a number (_body_follow,
# _body_resume) all read them from here.
_RANGE_DASHES = "".join(map(chr, range(0x2010, 0x2016))) + "\u2212~\u301c\uff5e"

# A range separator that needs no opening word: dashes, tildes, and the
# "to" words of the data file (filled in by _compiled()).
_SEP = r"""
    (?:
        [ \t]{0,3}(?:-{1,2}|[""" + _RANGE_DASHES + r"""])[ \t]{0,3}   # - – — ~ 〜 ～
      | [ \t]{1,3}(?:%(to)s)[ \t]{1,3}                                     # to, bis, à, a, al, até
      | (?<=\d)to(?=[$€£])                                                 # "$7,000to$9,500" (a copy that lost its blanks)
    )
"""

# The words that join a range opened by "between" (and the plain separators).
_SEP_BETWEEN = r"""
    (?:
        [ \t]{1,3}(?:%(and)s)[ \t]{1,3}(?:(?:%(articles)s)[ \t]{1,2})?     # between X and Y, tra X ed i Y
      | %(sep)s                                                            # between X - Y
    )
"""

# One amount or two, each with its currency before or after, its multiplier
# and its period; matched (not searched) where a currency or a number
# starts.  %(...)s are alternations from the data file.
_BODY = r"""
    (?:(?P<c1>%(cur_before)s)[ \t]{0,2})?                          # $, EUR €, PLN
    (?P<a1>%(number)s)
    (?:[ \t]?(?P<m1>%(mult)s)                                       # 170K, 1.2 M
       (?:[ \t]?(?P<x1>\d{1,4}|\d,\d{3})[ \t]?(?P<y1>%(cjk_mult)s))?)?      # 1억 2천만: a smaller unit's count after
    (?:[ \t]{0,2}(?P<c2>%(cur_after)s))?                           # 65.000 €, 250$
    (?P<plus>\+(?![\w+]))?                                         # $100K+: a minimum only
    (?P<p1>%(period)s)?                                            # US$52/hour to ...
    (?:
        %(sep)s
        (?:(?P<c3>%(cur_before)s)[ \t]{0,2})?
        (?P<a2>%(number)s)
        (?:[ \t]?(?P<m2>%(mult)s)
           (?:[ \t]?(?P<x2>\d{1,4}|\d,\d{3})[ \t]?(?P<y2>%(cjk_mult)s))?)?
        (?:[ \t]{0,2}(?P<c4>%(cur_after)s))?
    )?
    (?P<p2>%(period)s)?                                            # ... /yr, gross/year, por mês
"""

# Words right before an amount that make it a range, a maximum, a minimum or
# an estimate; searched at the end of a short window, kept out of the span.
_INTRO = r"""
    (?:
        (?P<between>%(between)s)[ \t]{1,3}(?:(?:%(articles)s)[ \t]{1,2})?   # between, tra (i): opens an "and" range
      | (?P<upto>%(upto)s)[ \t]{0,3}                                        # up to: a maximum only
      | (?P<from>%(from)s)[ \t]{0,3}                                        # from, starting at: a minimum only
      | (?P<approx>%(approx)s)[ \t]{0,3}                                    # about, environ: one amount
    )\Z
"""

# A number's first digit; each run is read once, so the scan is linear.
_DIGITS = _rx(r"\d+")

# Characters that, right before a digit, make it part of a word, a version
# or a longer number (".NET6", "v3", "1,5"), unless a currency ends there.
_GLUED_BEFORE = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ_.,")

# A period phrase after an amount: an optional gross/net word, then a
# connector and a unit ("/ Per Year", "par an") or a word that says it alone.
_PERIOD = r"""
    (?:
        [ \t]{0,3}%(guard)s                                # a character a period phrase can start with
        (?:\(?(?:%(quals)s)\)?[ \t]{0,2})?                 # gross, brutto, (net)
        (?:
            (?:/[ \t]{0,2})?(?:%(conn)s)[ \t]{0,2}(?:%(units)s)  # /year, / per year, an hour, /月
          | (?:%(words)s)                                  # annually, p.a., monthly
          | \((?:(?:%(conn)s)[ \t]{0,2}(?:%(units)s)|(?:%(words)s))\)  # (per week), (Semanal)
        )
    )
"""

# Where a clause ends, for the context windows: an amount's "bonus" or
# "funding" must be in its own clause to count against it.  Looking back,
# "and"/"plus" do not end a clause ("plus de 35M€ par an" is revenue).
# The last break of a window is found in one match: a greedy run, then the
# break (group 1).  Breaks never overlap, so that is the last one a scan finds.
_LAST_CLAUSE_BREAK = _rx(
    r"""
    (?s:.*)
    (
      [\n;|•+()\[\]]        # line ends, lists, table cells, asides
    | ,[ \t]                # "Goldman Sachs, KKR, and Visa, with ..."
    | [.!?][ \t]            # sentence ends (not "1.5" or "p.a.")
    )
    """,
    re.VERBOSE,
)
# Looking ahead, "+ equity", "and benefits", "plus bonus" start another item.
_CLAUSE_BREAK_AFTER = _rx(
    r"""
      [\n;|•+()\[\]]        # line ends, lists, table cells, "+ equity", asides
    | ,[ \t]                # "$100k, bonus and equity"
    | [.!?][ \t]            # sentence ends
    | [ \t](?:and|plus|&)[ \t]   # "... funding and will ...", "$100k plus bonus"
    """,
    re.VERBOSE,
)

# Text right before an amount that makes it a phone number or part of a date.
_PHONE_OR_DATE_BEFORE = _rx(
    r"""
      (?:\+\d{0,3}|\(\d{2,4}\))[ \t]?$    # +1 415 ..., (415) 839-6885
    | \d[-/.]$                           # 10/05/26, 2024-01-15
    """,
    re.VERBOSE,
)

_PHONE_OR_DATE_LAST = frozenset("+) \t-/.")
"""The characters but digits a match of _PHONE_OR_DATE_BEFORE can end with (before ``$``)."""

# Text right after an amount that makes it part of a date, phone or code.
_DATE_AFTER = _rx(r"[-/.]\d")
_DATE_AFTER_FIRST = frozenset("-/.")

# Han characters and Japanese kana: "¥" is CNY in Chinese text.
_HAN = _rx(r"[\u4e00-\u9fff]")
_KANA = _rx(r"[\u3040-\u30ff]")
_CNY_HINT = _rx(r"rmb|cny|人民币|元")          # run on the lower-cased text

# Matching runs on a copy of the text with ASCII letters lower-cased: same
# length, so offsets hold, and case-sensitive patterns let the ``re`` engine
# skip positions by first character (IGNORECASE turns that off), which is what
# keeps a megabyte of digits fast.
_ASCII_LOWER = str.maketrans("ABCDEFGHIJKLMNOPQRSTUVWXYZ", "abcdefghijklmnopqrstuvwxyz")


def _is_ascii_letter(ch: str) -> bool:
    return ("a" <= ch <= "z") or ("A" <= ch <= "Z")


def _word(w: str, *, left: bool, right: bool, plural: bool = False) -> str:
    """Return the regex for one word or phrase, whole-word at its letter ends.

    The left boundary is checked after the first character (``U(?<!\\wU)SD``)
    rather than before it, so every branch starts with a literal and the
    ``re`` engine can skip positions by their first character.
    """
    return "".join(_word_pieces(w, left=left, right=right, plural=plural))


def _word_pieces(w: str, *, left: bool, right: bool, plural: bool = False) -> list[str]:
    """Return :func:`_word`'s regex as a list of pieces: one per character, separator or check."""
    w = w.translate(_ASCII_LOWER)
    if w.startswith("*"):
        w, left = w[1:], False
    if w.endswith("*"):
        w, right, plural = w[:-1], False, False
    out: list[str] = []
    for i, part in enumerate(w.split()):
        if i:
            out.append(r"[ \t]{1,3}")
        out.extend(re.escape(ch) for ch in part)
    if left and _is_ascii_letter(w[0]):
        out.insert(1, rf"(?<![^\W\d_]{out[0]})")
    if plural and w.isascii() and _is_ascii_letter(w[-1]):
        out.append(r"(?:e?s)?")
    if right and _is_ascii_letter(w[-1]):
        out.append(r"(?![^\W\d_])")
    return out


def _trie(seqs) -> str:
    """Return one regex for the alternation of ``seqs`` (lists of pieces), common prefixes shared.

    At a position it matches where the alternation does (the ``re`` engine
    then tests each next character once, not once per word), and for plain
    words it takes the longest word there, as the longest-first alternation
    does: a word is only ended once no longer one goes on.
    """
    root: dict = {}
    for seq in seqs:
        node = root
        for piece in seq:
            node = node.setdefault(piece, {})
        node[""] = {}                   # a word ends here (no piece is empty)
    if not root:
        return r"(?!)"

    def emit(node: dict) -> str:
        alts = [piece + emit(sub) for piece, sub in sorted(node.items(), key=_piece_order) if piece]
        if not alts:
            return ""
        if "" in node:
            return "(?:" + "|".join(alts) + ")?"
        return alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"

    return emit(root)


def _alt_trie(words, *, left: bool = True, right: bool = True) -> str:
    """Return :func:`_alt`'s regex with shared prefixes: the same matches at a position, for a search."""
    return _trie(_word_pieces(w, left=left, right=right) for w in {str(w) for w in words})


# Letters by how often they start a word piece in postings: the engine tries a
# node's branches in order, so the common ones go first (branches of a node
# start differently, so their order changes nothing else).
_LETTER_ORDER = {ch: i for i, ch in enumerate("etaoinsrlcdhupmgfywbvkxjqz")}


def _piece_order(item) -> tuple:
    piece = item[0]
    return (_LETTER_ORDER.get(piece, len(_LETTER_ORDER)), piece)


def _context_trie(words) -> str:
    """Return :func:`_context_alt`'s regex with shared prefixes: the same matches, for a search."""
    return _trie(
        _word_pieces(w, left=w.isascii(), right=w.isascii(), plural=True) for w in {str(w) for w in words}
    )


def _alt(words, *, left: bool = True, right: bool = True) -> str:
    """Return a regex alternation of ``words``, longest first, whole-word at letter ends.

    Longest first because an alternation stops at the first branch that
    matches: "US$" must be tried before "$", "per annum" before "per".
    Branches are grouped by their first pieces where that keeps the order in
    which the engine tries them (see :func:`_ordered_alt`).
    """
    ordered = sorted({str(w) for w in words}, key=lambda w: (-len(w.strip("*")), w))
    return _ordered_alt([_word_pieces(w, left=left, right=right) for w in ordered]) or r"(?!)"


_BLANKS = r"[ \t]{1,3}"


def _is_char(piece: str) -> bool:
    """Return whether ``piece`` (from :func:`_word_pieces`) matches exactly one given character."""
    return len(piece) == 1 or (len(piece) == 2 and piece[0] == "\\" and not piece[1].isalnum())


def _ordered_alt(seqs: list[list[str]]) -> str:
    """Return a regex that matches as ``"|".join("".join(s) for s in seqs)`` does, first pieces shared.

    The same match, tried in the same order: branches that start with one
    character each are grouped by it (at most one group can go on at a
    position, and within it the order is kept); elsewhere only neighbouring
    branches that start with the same piece are joined, when that piece
    matches in one way only (a character, a look-around, or blanks that
    every branch follows with a character other than a blank).  The ``re``
    engine then tests a character once per group, not once per branch.
    """
    uniq: list[list[str]] = []
    seen = set()
    for s in seqs:
        k = tuple(s)
        if k not in seen:           # a repeated branch can only fail where the first did
            seen.add(k)
            uniq.append(s)
    if len(uniq) <= 1:
        return "".join(uniq[0]) if uniq else ""  # (no branch: the caller's "(?!)")
    firsts = [s[0] if s else None for s in uniq]
    if None not in firsts[:-1] and all(f is None or _is_char(f) for f in firsts):
        groups: dict[str, list[list[str]]] = {}
        for s in uniq:
            if s:
                groups.setdefault(s[0], []).append(s[1:])
        alts = [p + _group(sub) for p, sub in groups.items()]
        if firsts[-1] is None:
            alts.append("")
        return "|".join(alts)
    alts = []
    i = 0
    while i < len(uniq):
        s = uniq[i]
        j = i + 1
        if s:
            while j < len(uniq) and uniq[j] and uniq[j][0] == s[0]:
                j += 1
        run = uniq[i:j]
        if len(run) > 1 and (
            _is_char(s[0]) or s[0].startswith(("(?<!", "(?<=", "(?!", "(?="))
            or (s[0] == _BLANKS and all(len(x) > 1 and _is_char(x[1]) and x[1] not in " \t" for x in run))
        ):
            alts.append(s[0] + _group([x[1:] for x in run]))
        else:
            alts.extend("".join(x) for x in run)
        i = j
    return "|".join(alts)


def _group(seqs: list[list[str]]) -> str:
    body = _ordered_alt(seqs)
    return body if len(seqs) == 1 else "(?:" + body + ")"


def _context_alt(words) -> str:
    """Return an alternation for context words: whole words, a plural allowed, ``*`` an open end."""
    ordered = sorted({str(w) for w in words}, key=lambda w: (-len(w.strip("*")), w))
    return "|".join(
        # CJK words have no word boundaries to speak of: they match anywhere.
        _word(w, left=w.isascii(), right=w.isascii(), plural=True) for w in ordered
    ) or r"(?!)"


@value_class(slots=True)
class _Tables:
    body: re.Pattern
    body_between: re.Pattern
    intro_end: re.Pattern
    intro_start: re.Pattern
    """Matches where some opening word does: the only places ``intro_end`` can match."""
    currency_end: re.Pattern
    currency_token: re.Pattern
    currency: dict
    currency_spelled: dict
    """Currency aliases by their words joined with one space (a matched alias may be written
    with more blanks between its words, or without a ``*`` the data writes)."""
    multiplier: dict
    multiplier_near: re.Pattern
    currency_last: frozenset
    """Last characters of currency aliases: a cheap test before searching back."""
    intro_last: frozenset
    currency_ends: dict | None
    """Last words of the currency aliases (what the text before a currency match ends with),
    by their last character (None when one is empty)."""
    intro_ends: dict | None
    """Last words of the opening words and articles, likewise."""
    body_follow: frozenset | None
    """What can follow a number inside an amount match (None: not known)."""
    body_resume: re.Pattern | None
    """Matches where, after the blanks that follow a number, its amount match could go on:
    the first word of every part an amount may have there (None: not known)."""
    trigger: re.Pattern
    """Currencies and salary keywords as plain words, longest first at a position."""
    trigger_len: int
    """Length of the longest trigger word (-1 when an empty one makes every position one)."""
    period_after: re.Pattern
    period_before: re.Pattern
    period_before_start: re.Pattern
    """Matches where some period word of ``period_before`` does (one trie, so a fast search)."""
    keyword: re.Pattern
    not_salary: re.Pattern
    not_money_unit: re.Pattern
    or_more: re.Pattern
    """Matches right after an amount the words that make it a minimum ("5,000만원 이상")."""
    annual_amount: float
    annual_currencies: frozenset
    annual_by_currency: dict
    """Currency -> the amount from which one written without a period is a year's pay (its own)."""
    monthly_from: float
    monthly_below: float
    monthly_currencies: frozenset
    sign_countries: tuple
    """(sign, its usual code, {ISO country: the currency the sign names there}, the other aliases
    of the usual code, lower-cased) for each sign more than one country writes: "$" from
    ``dollar_countries``, the rest from ``sign_countries``."""
    country_currencies: dict
    """ISO country -> its currency, for an amount written without one (``country_currencies``)."""


@rules.derived
def _compiled() -> _Tables:
    """Return the salary matchers compiled from ``currencies.yaml`` (and user rules)."""
    data = rules.load("currencies")
    currency = {str(k).translate(_ASCII_LOWER): str(v).upper() for k, v in data["currencies"].items()}
    mult = {str(k).translate(_ASCII_LOWER): float(v) for k, v in data["multipliers"].items()}
    per = data["periods"]
    intros = data["intros"]
    flags = re.VERBOSE

    # Named groups per period, so one search says which period a phrase names.
    after_parts = []
    before_parts = []
    conn = _alt(per["connectors"], right=False)
    for name in _ANNUAL_FACTOR:
        units = per["units"].get(name, [])
        words = per["words"].get(name, [])
        branches = []
        if units:
            branches.append(rf"(?:/[ \t]{{0,2}})?(?:{conn})[ \t]{{0,2}}(?:{_alt(units)})")
        if words:
            branches.append(rf"(?:{_alt(words)})")
        after_parts.append(rf"(?P<{name}>{'|'.join(branches) or '(?!)'})")
        before_parts.append(rf"(?P<{name}>{_context_trie(per['before'].get(name, []))})")
    all_units = [u for name in _ANNUAL_FACTOR for u in per["units"].get(name, [])]
    all_words = [w for name in _ANNUAL_FACTOR for w in per["words"].get(name, [])]
    period = _PERIOD % {
        "guard": _first_of("(/", per["qualifiers"], per["connectors"], all_words),
        "quals": _alt(per["qualifiers"]),
        "conn": conn,
        "units": _alt(all_units),
        "words": _alt(all_words),
    }
    cur_before = rf"(?:{_alt(currency)})(?:[ \t]{{0,2}}(?:{_alt(currency)}))?"
    cur_after = _alt(currency, left=False)
    mult_alt = "|".join(
        # A multiplier must not run into a word ("10km"), but may run into a
        # currency code ("42-48KEUR", "10-25kRMB").
        rf"{re.escape(m)}(?:(?![^\W\d_])|(?=(?:{cur_after})))"
        for m in sorted(mult, key=lambda w: (-len(w), w))
    )
    sep = _SEP % {"to": _alt(data["to_words"])}
    # Each optional part of an amount first looks at the character it would
    # start with: most numbers have none of them, and the look fails at once
    # where the alternation would try its every branch.
    cur_first = _first_of("", currency)
    parts = {
        "cur_before": rf"{cur_first}(?:{cur_before})",
        "cur_after": rf"{cur_first}(?:{cur_after})",
        "number": _NUMBER,
        "mult": rf"{_first_of('', mult, star=False)}(?:{mult_alt})",
        # The units a count of a smaller one may follow ("1억 2천만"): those not written in ASCII.
        "cjk_mult": "|".join(re.escape(m) for m in sorted((m for m in mult if not m.isascii()), key=lambda w: (-len(w), w)))
                    or "(?!)",
        "period": period,
    }
    sep_between = _SEP_BETWEEN % {
        "and": _alt(data["and_words"]), "articles": _alt(data["articles"]), "sep": sep,
    }
    # Searched (the opening word's start and group are all that is read), so
    # the word lists share their prefixes; so does the currency before a number.
    intro = _INTRO % {
        "between": _alt_trie(intros["between"]),
        "upto": _alt_trie(intros["up_to"]),
        "from": _alt_trie(intros["from"]),
        "approx": _alt_trie(intros["approx"]),
        "articles": _alt_trie(data["articles"]),
    }
    cur_trie = _alt_trie(currency)
    # What must be near a number without a currency for it to be worth
    # reading: a currency or a salary keyword.  Plain literals, so the scan
    # over a long text of digits skips every position by its first character.
    trigger_words = {str(w).strip("*").translate(_ASCII_LOWER) for w in (*currency, *data["keywords"])}
    trigger = _trie([re.escape(ch) for ch in w] for w in trigger_words)
    annual = data.get("annual_if_at_least") or {}
    monthly = data.get("monthly_if_within") or {}
    return _Tables(
        body=_rx(_BODY % {**parts, "sep": sep}, flags),
        body_between=_rx(_BODY % {**parts, "sep": sep_between}, flags),
        intro_end=_rx(intro, flags),
        intro_start=_rx(_alt_trie([w for ws in intros.values() for w in ws])),
        currency_end=_rx(rf"(?:{cur_trie})(?:[ \t]{{0,2}}(?:{cur_trie}))?[ \t]{{0,2}}\Z"),
        currency_token=_rx(_alt(currency)),
        currency=currency,
        currency_spelled=_spelled(currency),
        multiplier=mult,
        multiplier_near=_rx(
            # "18~35k/month": a multiplier within the amount, for bare numbers
            rf"[\d.,' \t~\-\u2013\u2014]{{0,14}}(?:{'|'.join(map(re.escape, mult))})"
        ),
        currency_last=frozenset(k[-1] for k in currency),
        currency_ends=_by_last_char(_last_words(currency)),
        body_follow=_body_follow(currency, mult, per),
        body_resume=_body_resume(currency, mult, per, data),
        intro_ends=_by_last_char(_last_words(w for ws in (*intros.values(), data["articles"]) for w in ws)),
        intro_last=frozenset(
            str(w).translate(_ASCII_LOWER)[-1]
            for ws in (*intros.values(), data["articles"]) for w in ws
        ),
        trigger=_rx(trigger),
        trigger_len=-1 if "" in trigger_words else max(map(len, trigger_words), default=0),
        period_after=_rx("|".join(after_parts)),
        period_before=_rx("|".join(before_parts)),
        period_before_start=_rx(
            _context_trie([w for name in _ANNUAL_FACTOR for w in per["before"].get(name, [])])
        ),
        keyword=_rx(_context_trie(data["keywords"])),
        not_salary=_rx(_context_trie(data["not_salary"])),
        not_money_unit=_rx(
            rf"[ \t]{{0,2}}\+?[ \t]{{0,2}}(?:{_alt(data['not_money_units'])})"
        ),
        or_more=_rx(rf"[ \t]{{0,2}}(?:{_alt(data.get('or_more') or [])})"),
        annual_amount=float(annual.get("amount", 20000)),
        annual_currencies=frozenset(str(c).upper() for c in annual.get("currencies", ())),
        annual_by_currency={str(c).upper(): float(v) for c, v in (annual.get("by_currency") or {}).items()},
        monthly_from=float(monthly.get("from", 1000)),
        monthly_below=float(monthly.get("below", 100000)),
        monthly_currencies=frozenset(str(c).upper() for c in monthly.get("currencies", ())),
        sign_countries=_sign_countries(currency, data),
        country_currencies={str(k).upper(): str(v).upper() for k, v in (data.get("country_currencies") or {}).items()},
    )


def _sign_countries(currency: dict, data: dict) -> tuple:
    """Return :attr:`_Tables.sign_countries` from the currency aliases (lower-cased) and the data."""
    signs = {"$": data.get("dollar_countries") or {}, **(data.get("sign_countries") or {})}
    out = []
    for sign, by_country in signs.items():
        sign = str(sign).translate(_ASCII_LOWER)
        code = currency.get(sign)
        if code is None or not by_country:
            continue
        others = tuple(sorted(a for a, c in currency.items() if c == code and a != sign))
        out.append((sign, code, {str(k).upper(): str(v).upper() for k, v in by_country.items()}, others))
    return tuple(out)


def _first_of(chars: str, *word_lists, star: bool = True) -> str:
    """Return a look-ahead for the characters the words of ``word_lists`` (as :func:`_word` writes
    them; ``star``: a ``*`` end mark dropped) or ``chars`` start with; "" when a word is empty."""
    out = set(chars)
    for words in word_lists:
        for w in words:
            w = str(w).translate(_ASCII_LOWER)
            if star:
                if w.startswith("*"):
                    w = w[1:]
                if w.endswith("*"):
                    w = w[:-1]
                w = w.lstrip()
            if not w:
                return ""
            out.add(w[0])
    if not out:
        return ""
    return "(?=[" + "".join(re.escape(ch) for ch in sorted(out)) + "])"


def _spelled(currency: dict) -> dict:
    """Return the ISO code of each currency alias by its words joined with one space."""
    out: dict = {}
    for k, v in currency.items():
        out.setdefault(" ".join(k.strip("*").split()), v)
    return out


def _body_follow(currency, mult, per) -> frozenset | None:
    """Return the characters that can follow a number's digits inside an amount match.

    A number followed by anything else (or by "." or "," and no digit) is an
    amount match of its digits alone: no multiplier, currency, period or
    second amount.  None when a word is empty or a currency starts with a
    digit (the amount could then start or go on otherwise).
    """
    firsts = _first_words(currency, mult, per)
    if firsts is None or any(ch.isdecimal() for w in currency for ch in str(w)[:1]):
        return None
    out = set(" \t\u00a0\u202f\u2009()/-'\u2019" + _RANGE_DASHES)  # (an apostrophe groups thousands: 110'000)
    return frozenset(out | {w[0] for w in firsts})


def _first_words(currency, mult, per) -> set[str] | None:
    """Return the first word (as :func:`_word` matches it: lower-cased, ``*`` dropped) of every
    currency, multiplier and period phrase, the words an amount match holds after a number;
    None when one of them has no word."""
    out = set()
    for w in (*currency, *mult, *per["qualifiers"], *per["connectors"],
              *(w for ws in per["words"].values() for w in ws)):
        parts = str(w).translate(_ASCII_LOWER).strip("*").split()
        if not parts:
            return None
        out.add(parts[0])
    return out


def _body_resume(currency, mult, per, data) -> re.Pattern | None:
    """Return :attr:`_Tables.body_resume`: a digit, a dash, a bracket, a slash or the first word
    of a currency, multiplier, period phrase or range word, as plain characters; None when a
    word is empty.

    Every part of an amount match that can come after a number and its blanks
    starts with one of these, so where none starts, the amount is the number alone.
    """
    words = _first_words(currency, mult, per)
    if words is None:
        return None
    firsts = set("(/-" + _RANGE_DASHES) | words
    seqs = [[re.escape(ch) for ch in w] for w in firsts]
    # The range words are whole words in the amount match: "y" (and) is not "years".
    for w in {str(w) for w in (*data["to_words"], *data["and_words"], *data["articles"])}:
        if not w.translate(_ASCII_LOWER).strip("*").split():
            return None
        seqs.append(_word_pieces(w, left=False, right=True))
    return _rx(r"\d|" + _trie(seqs))


def _last_words(words) -> tuple:
    """Return the last word of each of ``words`` as :func:`_word` matches it (lower-cased, ``*`` dropped)."""
    out = set()
    for w in words:
        w = str(w).translate(_ASCII_LOWER).strip("*").split()
        out.add(w[-1] if w else "")
    return tuple(sorted(out))


def _by_last_char(words: tuple) -> dict | None:
    """Return ``words`` grouped by their last character (None when one is empty), for :func:`_ends_with`."""
    if "" in words:
        return None
    out: dict = {}
    for w in words:
        out.setdefault(w[-1], []).append(w)
    return {ch: tuple(ws) for ch, ws in out.items()}


def _ends_with(low: str, lo: int, pos: int, blanks: int, words: dict | None) -> bool:
    """Return whether ``low[lo:pos]``, less up to ``blanks`` trailing blanks, can end with one of ``words``.

    A match of a word list that must end at ``pos`` (after the blanks) ends
    so; most text before a number does not, and this is cheaper to ask.
    ``words`` are grouped by their last character: only the words ending
    with the character before ``k`` can end there (one ``endswith`` over
    them, not over the whole list).
    """
    if words is None:
        return low.endswith("", lo, pos)     # an empty word ends everywhere
    k = pos
    while True:
        if k > lo:
            ws = words.get(low[k - 1])
            if ws is not None and low.endswith(ws, lo, k):
                return True
        if k <= lo or pos - k >= blanks or low[k - 1] not in " \t":
            return False
        k -= 1


_NO_GROUP_SPACE = dict.fromkeys(map(ord, " \u00a0\u202f\u2009'\u2019"), None)


def annualized(lo: float | None, hi: float | None, period: str | None) -> tuple[float | None, float | None]:
    """Return (min, max) as a year's pay, given the period they are quoted by (None where unknown)."""
    factor = _ANNUAL_FACTOR.get(period) if period else None
    if not factor:
        return None, None
    return (lo * factor if lo is not None else None), (hi * factor if hi is not None else None)


def implied_period(currency: str, lo: float | None, hi: float | None, t=None) -> str | None:
    """Return the period an amount in ``currency`` written without one is quoted by, or None.

    ``annual_if_at_least`` and ``monthly_if_within`` of currencies.yaml:
    "$150K-$200K" is a year, "18k-35k RMB" a month.
    """
    t = t or _compiled()
    amount = lo if lo is not None else hi
    if amount is None:
        return None
    if currency in t.annual_currencies:
        if amount >= t.annual_amount:
            return "year"
    elif currency in t.monthly_currencies:
        if t.monthly_from <= amount and (hi if hi is not None else lo) < t.monthly_below:
            return "month"
    at_least = t.annual_by_currency.get(currency)
    if at_least is not None and amount >= at_least:
        return "year"
    return None


def _number(s: str) -> float:
    """Return the value of a number as written, reading its separators.

    A separator followed by exactly three digits groups thousands; the last
    separator followed by one or two digits is the decimal mark.
    """
    if s.isdecimal():
        return float(s)             # digits only: most numbers
    s = s.translate(_NO_GROUP_SPACE)
    if "," in s and "." in s:
        dec = "," if s.rfind(",") > s.rfind(".") else "."
        grp = "." if dec == "," else ","
        return float(s.replace(grp, "").replace(dec, "."))
    for mark in ",.":
        if mark in s:
            parts = s.split(mark)
            if len(parts) > 2 or len(parts[-1]) == 3:
                return float(s.replace(mark, ""))
            return float(s.replace(mark, "."))
    return float(s)


def _clause_starts(text: str, pos: int) -> tuple[int, int, int]:
    """Return where the clause ending at ``pos`` starts, reading back at most 40, 50 and 60 characters.

    Each is the end of the last clause break inside its window, or the
    window's start; one match finds the last break of the widest window, and
    it is in a narrower one exactly when it starts inside it.
    """
    lo60 = pos - 60 if pos > 60 else 0
    lo50 = pos - 50 if pos > 50 else 0
    lo40 = pos - 40 if pos > 40 else 0
    m = _LAST_CLAUSE_BREAK.match(text, lo60, pos)
    if m is None:
        return lo40, lo50, lo60
    bs, be = m.span(1)
    return (be if bs >= lo40 else lo40), (be if bs >= lo50 else lo50), be


def _clause_ends(text: str, pos: int) -> tuple[int, int]:
    """Return where the clause starting at ``pos`` ends, reading on at most 40 and 30 characters."""
    hi40, hi30 = pos + 40, pos + 30
    m = _CLAUSE_BREAK_AFTER.search(text, pos, hi40)
    if m is None:
        return hi40, hi30
    s, e = m.span()
    if e <= hi30:
        return s, s
    if s >= hi30:
        return s, hi30
    m = _CLAUSE_BREAK_AFTER.search(text, pos, hi30)     # a break across the narrower window's end
    return s, m.start() if m else hi30


def _currency(t: _Tables, groups, text: str, pos: int) -> str | None:
    """Return the ISO code the written currency tokens name, an ISO code winning over a symbol."""
    table = t.currency
    tokens = []
    for g in groups:
        if g:
            # A group that is one alias is its one token.
            tokens += [g] if g in table else t.currency_token.findall(g)
    if not tokens:
        return None
    codes = [table[tok] if tok in table else t.currency_spelled[" ".join(tok.split())] for tok in tokens]
    for tok, code in zip(tokens, codes):
        if tok.upper() == code:
            return code
    code = codes[0]
    if tokens[0] in "¥￥":
        # ¥ is both yen and yuan: JPY unless the text around is Chinese
        # (Han characters without kana) or names the yuan.
        window = text[max(0, pos - 300):pos + 300]
        if _CNY_HINT.search(window) or (_HAN.search(window) and not _KANA.search(window)):
            code = "CNY"
    return code


_ANY_DIGIT = _rx(r"\d")

# How far before a number its currency (16) and its opening word (30 more)
# are looked for: a match that ends further back than this from the next
# number cannot change how that number is read.
_CURRENCY_BACK = 16
_INTRO_BACK = 30
_REACH = _CURRENCY_BACK + _INTRO_BACK
_DENSE = 32
"""Past this many numbers in one text, a number with another close after it asks first."""

# A number is read only with a trigger (currency or salary keyword) starting
# this close before or after it, or a multiplier within it.
_NEAR_BEFORE = 80
_NEAR_AFTER = 60


def _lower(text: str) -> str:
    """Return ``text`` with ASCII letters lower-cased (others kept): ``text.translate(_ASCII_LOWER)``.

    UTF-8 keeps ASCII bytes for ASCII characters only, so lower-casing the
    bytes touches exactly the ASCII letters, and it runs in C either way.
    """
    if text.isascii():
        return text.lower()
    return text.encode("utf-8", "surrogatepass").lower().decode("utf-8", "surrogatepass")


def find_salaries(text: str, *, labelled: bool = False) -> list[SalaryMatch]:
    """Return salary candidates in ``text``, in text order, each with a confidence.

    ``labelled=True`` means the caller knows ``text`` is the value of a salary
    field (after "Salary:"), so an amount without a currency counts as one.
    Amounts that are counts, durations, shares, dates, phone numbers or
    company money (funding, revenue, bonuses, perks) are left out.
    """
    if _ANY_DIGIT.search(text) is None:
        return []  # no amount without a digit, and most lines have none
    return _scan(_compiled(), _lower(text), labelled, None)


# The first of each run of ten digits other than 0-9 that ``\d`` matches
# (Arabic-Indic, Devanagari ... fullwidth, mathematical): Unicode 14.0, the
# tables of Python 3.11.  tests/test_salary.py checks them against the running
# Python; under another Unicode version the digits are read with the regex.
_OTHER_ZEROS = (
    0x660, 0x6F0, 0x7C0, 0x966, 0x9E6, 0xA66, 0xAE6, 0xB66, 0xBE6, 0xC66, 0xCE6, 0xD66, 0xDE6,
    0xE50, 0xED0, 0xF20, 0x1040, 0x1090, 0x17E0, 0x1810, 0x1946, 0x19D0, 0x1A80, 0x1A90, 0x1B50,
    0x1BB0, 0x1C40, 0x1C50, 0xA620, 0xA8D0, 0xA900, 0xA9D0, 0xA9F0, 0xAA50, 0xABF0, 0xFF10,
    0x104A0, 0x10D30, 0x11066, 0x110F0, 0x11136, 0x111D0, 0x112F0, 0x11450, 0x114D0, 0x11650,
    0x116C0, 0x11730, 0x118E0, 0x11950, 0x11C50, 0x11D50, 0x11DA0, 0x16A60, 0x16AC0, 0x16B50,
    0x1D7CE, 0x1D7D8, 0x1D7E2, 0x1D7EC, 0x1D7F6, 0x1E140, 0x1E2F0, 0x1E950, 0x1FBF0,
)
_OTHER_ZEROS_UNICODE = "14.0.0"


@cache
def _other_digits() -> tuple[dict[bytes, str], dict[bytes, str]] | None:
    """Return the digits other than 0-9 by the start of their UTF-8 (None: another Unicode version).

    Two tables: by the first byte of a two- or three-byte character, and by
    the first two of a four-byte one (emoji share the first byte with many
    digits, not the first two).
    """
    if unicodedata.unidata_version != _OTHER_ZEROS_UNICODE:
        return None
    short: dict[bytes, str] = {}
    long: dict[bytes, str] = {}
    for zero in _OTHER_ZEROS:
        for c in range(zero, zero + 10):
            # The UTF-8 start of c, by arithmetic (cheaper than encoding 650 characters).
            if c < 0x800:
                table, key = short, bytes((0xC0 | c >> 6,))
            elif c < 0x10000:
                table, key = short, bytes((0xE0 | c >> 12,))
            else:
                table, key = long, bytes((0xF0 | c >> 18, 0x80 | (c >> 12) & 0x3F))
            table[key] = table.get(key, "") + chr(c)
    if any(key[:1] != b"\xf0" for key in long):
        return None                 # _digit_positions reads four-byte starts after \xf0 only
    return short, long


def _digit_positions(text: str) -> list[int] | None:
    """Return the sorted offsets of the digits of ``text`` (what ``\\d`` matches), or None when a regex must tell.

    ``str.find`` runs at memory speed where a regex tests each character: the
    digits are found one by one, the ASCII ten and, in other text, those whose
    UTF-8 start is in the text's bytes (none for ’, •, é, emoji or CJK).
    """
    chars = "0123456789"
    if not text.isascii():
        tables = _other_digits()
        if tables is None:
            return None
        short, long = tables
        raw = text.encode("utf-8", "surrogatepass")
        for key, digits in short.items():
            if key in raw:
                chars += digits
        if long and b"\xf0" in raw:
            # Four-byte characters are few (emoji): their first two bytes are read one by one.
            seen = set()
            i = raw.find(b"\xf0")
            while i >= 0:
                key = raw[i:i + 2]
                if key not in seen:
                    seen.add(key)
                    chars += long.get(key, "")
                i = raw.find(b"\xf0", i + 1)
    out: list[int] = []
    find = text.find
    for ch in chars:
        i = find(ch)
        while i >= 0:
            out.append(i)
            i = find(ch, i + 1)
    out.sort()
    return out


class _Reader:
    """The salary matches of spans of one text, of confidence ``keep`` or more (offsets in each span).

    The text's digits are found once: a span without one costs a bisection,
    and a span read twice (the same field in two sources) is read once.
    """

    __slots__ = ("t", "text", "keep", "digits", "memo")

    def __init__(self, text: str, keep: int | None):
        self.t = _compiled()
        self.text = text
        self.keep = keep
        self.digits = _digit_positions(text)
        """Sorted offsets of the text's digits; None when a regex tells, span by span."""
        self.memo: dict = {}

    def has_digit(self, a: int, e: int) -> bool:
        digits = self.digits
        if digits is None:
            return _ANY_DIGIT.search(self.text, a, e) is not None
        i = bisect_left(digits, a)
        return i < len(digits) and digits[i] < e

    def find(self, a: int, e: int, labelled: bool) -> list[SalaryMatch]:
        key = (a, e, labelled)
        out = self.memo.get(key)
        if out is None:
            out = self.memo[key] = self._find(a, e, labelled) if self.has_digit(a, e) else []
        return out

    def _find(self, a: int, e: int, labelled: bool) -> list[SalaryMatch]:
        digits = self.digits
        low = _lower(self.text[a:e])
        if digits is None:
            return _scan(self.t, low, labelled, self.keep)
        # The runs of digits, as _DIGITS finds them in text[a:e].
        runs = []
        i = bisect_left(digits, a)
        run_start = prev = digits[i]
        for i in range(i + 1, len(digits)):
            p = digits[i]
            if p >= e:
                break
            if p != prev + 1:
                runs.append((run_start - a, prev + 1 - a))
                run_start = p
            prev = p
        runs.append((run_start - a, prev + 1 - a))
        return _scan(self.t, low, labelled, self.keep, runs)


def _scan(
    t: _Tables, low: str, labelled: bool, keep: int | None, runs: list[tuple[int, int]] | None = None
) -> list[SalaryMatch]:
    """Return the matches of the lower-cased text ``low`` (of confidence ``keep`` or more, unless None).

    Numbers are read left to right; one that is neither labelled nor near a
    trigger or a multiplier is passed over.
    """
    out: list[SalaryMatch] = []
    if runs is None:
        runs = [m.span() for m in _DIGITS.finditer(low)]
    n = len(runs)
    dense = n > _DENSE
    last_end = 0                    # matches never overlap, as with finditer
    near = None                     # a _Near, made when first asked (never when labelled)
    follow = None if labelled else t.body_follow
    resume = t.body_resume
    mult_near = t.multiplier_near.match
    not_unit = t.not_money_unit.match
    size = len(low)
    currency_last = t.currency_last
    intro_last = t.intro_last
    for i in range(n):
        d, de = runs[i]
        if d < last_end:
            continue
        # Whether the number is near a trigger is asked only when the answer
        # can change the result: when the number gives a match, or when the
        # text its match covers reaches the next number (else both answers end
        # alike: no match, and the next number read the same way).
        nxt = runs[i + 1][0] if i + 1 < n else None
        gated = labelled                # True once the number is known to be worth reading
        if not gated and dense and nxt is not None and nxt < de + _REACH:
            # Many numbers close together (a table, a list of figures): asking
            # first is cheaper than reading each one's amount.
            if not mult_near(low, de) and not (near or (near := _Near(t, low)))(d):
                continue
            gated = True
        start = d
        cur = None
        before = low[d - 1] if d else ""
        if before in " \t":
            before = _last_char(low, d, 2)
        if before in currency_last:
            lo = max(last_end, d - _CURRENCY_BACK)
            if _ends_with(low, lo, d, 2, t.currency_ends):
                cur = t.currency_end.search(low, lo, d)
        if cur:
            start = cur.start()
        elif d and low[d - 1] in _GLUED_BEFORE:
            continue
        elif d > 1 and low[d - 1] == "-" and low[d - 2].isalpha() or low[d] == "0" and low[d + 1:d + 2].isdecimal():
            continue  # a code's number ("Ref: PRH-FA-0325", "REQ-1200") or one with a leading zero is no amount
        elif (i and de - d == 3 and low[d - 1] == " " and runs[i - 1][1] == d - 1
              and (p := runs[i - 1][0]) and low[p - 1].isalpha()):
            continue  # the thousands of a number glued to letters ("R16 500"): no amount of their own
        elif follow is not None and de - d <= 9:
            # A bare number whose amount match is its digits alone: the
            # judge's first tests, without reading the match.
            c = low[de] if de < size else ""
            if (c not in follow and not (c in ".," and low[de + 1:de + 2].isdecimal())) or (
                c in " \t" and resume is not None and resume.match(low, _skip_blanks(low, de + 1, 2)) is None
            ) or (c in "\u00a0\u202f\u2009" and not low[de + 1:de + 2].isdecimal()):
                v = float(low[d:de])
                if v < 100 or 1900 <= v <= 2100 or not_unit(low[de:de + 40]):
                    if not gated and _reaches(t, low, runs, i + 1, last_end, de):
                        if not mult_near(low, de) and not (near or (near := _Near(t, low)))(d):
                            continue
                    last_end = de
                    continue
        intro = None
        if start > last_end and (
            low[start - 1] in intro_last or (low[start - 1] in " \t" and _last_char(low, start, 3) in intro_last)
        ):
            lo = max(last_end, start - _INTRO_BACK)
            if _ends_with(low, lo, start, 3, t.intro_ends):
                intro = _search(t.intro_end, t.intro_start, low, lo, start)
        kind = intro.lastgroup if intro else None
        body = (t.body_between if kind == "between" else t.body).match(low, start)
        if body is None:
            continue
        end = body.end()
        if end == de and follow is not None and cur is None:
            # The amount is the number's digits alone (a currency that starts
            # with a digit leaves ``follow`` None): the judge's first tests.
            v = float(low[d:de])
            if v < 100 or 1900 <= v <= 2100 or not_unit(low[de:de + 40]):
                found = None
            else:
                found = _judge(t, body, intro.start() if intro else start, kind, low, labelled, keep)
        else:
            found = _judge(t, body, intro.start() if intro else start, kind, low, labelled, keep)
        if not gated and (found is not None or _reaches(t, low, runs, i + 1, last_end, end)):
            if not mult_near(low, de) and not (near or (near := _Near(t, low)))(d, body):
                continue
        last_end = end
        if found is not None:
            out.append(found)
    return out


def _reaches(t: _Tables, low: str, runs, j: int, last_end: int, end: int) -> bool:
    """Return whether a match ending at ``end`` can change how the numbers from ``runs[j]`` on are read.

    They are read the same with ``last_end`` or ``end`` as the end of the
    last match unless one starts inside it, or, close after it, one would
    look back for its currency or opening word (the look-back reads no
    further than the end of the last match).
    """
    for k in range(j, len(runs)):
        d = runs[k][0]
        if d >= end + _REACH:
            return False
        if d <= end:
            return True
        if d - _CURRENCY_BACK < end and _last_char(low, d, 2) in t.currency_last and _ends_with(
            low, max(last_end, d - _CURRENCY_BACK), d, 2, t.currency_ends
        ):
            return True
        if d - _INTRO_BACK < end and _last_char(low, d, 3) in t.intro_last and _ends_with(
            low, max(last_end, d - _INTRO_BACK), d, 3, t.intro_ends
        ):
            return True
    return False


class _Near:
    """Whether a trigger (currency, salary keyword) starts from 80 before to 60 after a number.

    The triggers counted are those one scan of the whole text finds, one after
    the other (a trigger inside an earlier one's text is not one).  That scan
    finds, from any position no trigger's text runs across, the first trigger
    at or after it; so when none runs across a window's start, the answer is
    whether any trigger starts in the window, and the few characters up to the
    first one tell it.  What one window told is kept for the next number.
    """

    __slots__ = ("t", "low", "chain", "w0", "first", "upto")

    def __init__(self, t: _Tables, low: str):
        self.t = t
        self.low = low
        self.chain: list[int] | None = None   # every trigger start, once a window needs them
        self.w0 = -1                          # the first trigger at or after w0 is first ...
        self.first: int | None = None
        self.upto = -1                        # ... or (first None) there is none up to upto

    def __call__(self, d: int, body: re.Match | None = None) -> bool:
        """Return whether a trigger starts near the number at ``d`` (``body``: its amount match, if read)."""
        w = d - _NEAR_BEFORE if d > _NEAR_BEFORE else 0
        hi = d + _NEAR_AFTER
        size = self.t.trigger_len
        if body is not None and size >= 0:
            # A trigger's text that starts at least a trigger's length into the
            # window is, or is inside, a trigger of the scan that starts in it:
            # a currency of the amount is one.
            lo = w + size - 1
            table = self.t.currency
            for g in ("c1", "c2", "c3", "c4"):
                tok = body[g]
                if tok and tok in table and lo <= body.start(g) <= hi:
                    return True
        if self.chain is not None:
            i = bisect_left(self.chain, w)
            return i < len(self.chain) and self.chain[i] <= hi
        if w >= self.w0 >= 0:
            first = self.first
            if first is not None:
                if first >= w:
                    return first <= hi
            elif hi <= self.upto:
                return False
        if size < 0:
            return True                       # an empty trigger starts everywhere
        low = self.low
        search = self.t.trigger.search
        q = w - size + 1 if w > size - 1 else 0
        while True:
            m = search(low, q, hi + size + 1)     # far enough for any trigger starting by hi
            if m is None:
                self.w0, self.first, self.upto = w, None, hi
                return False
            s = m.start()
            if s >= w:
                if s <= hi:
                    self.w0, self.first = w, s
                    return True
                self.w0, self.first, self.upto = w, None, hi
                return False
            if m.end() > w:
                # A trigger runs across the window's start and may hide one: scan it all.
                self.chain = [m.start() for m in self.t.trigger.finditer(low)]
                return self(d)
            q = s + 1


def _search(pattern: re.Pattern, starts: re.Pattern, s: str, pos: int, endpos: int) -> re.Match | None:
    """Return ``pattern.search(s, pos, endpos)``, where ``pattern`` matches only where ``starts`` does.

    A search for named groups of words tries every branch at every position;
    a search for the words alone skips by first character, so it finds the
    few positions worth a match.
    """
    m = starts.search(s, pos, endpos)
    while m is not None:
        p = m.start()
        hit = pattern.match(s, p, endpos)
        if hit is not None:
            return hit
        m = starts.search(s, p + 1, endpos)
    return None


def _skip_blanks(s: str, pos: int, most: int) -> int:
    """Return ``pos`` moved past at most ``most`` blanks (spaces, tabs)."""
    while most and pos < len(s) and s[pos] in " \t":
        pos += 1
        most -= 1
    return pos


def _last_char(s: str, pos: int, spaces: int) -> str:
    """Return the character before ``pos`` once up to ``spaces`` blanks are skipped ("" at the start)."""
    i = pos - 1
    while i >= 0 and pos - i <= spaces and s[i] in " \t":
        i -= 1
    return s[i] if i >= 0 else ""


def _smaller_unit(x: str | None, y: str | None, big: float | None, multiplier: dict) -> float | None:
    """Return what a count of a smaller unit after an amount's unit adds ("2천만" after "1억"):
    0 for none, None when it is no smaller part of a unit of ten thousand or more."""
    if x is None:
        return 0
    small = multiplier.get(y)
    if not (small and big and big >= 10000):
        return None
    more = _number(x) * small
    return more if more < big else None


def _judge(
    t: _Tables, m: re.Match, opened: int, kind: str | None, text: str, labelled: bool,
    keep: int | None = None,
) -> SalaryMatch | None:
    """Return the SalaryMatch for one amount match, or None when it is not pay (or less sure than ``keep``).

    ``opened`` is where the match's opening word ("up to") starts, or the
    match itself; ``kind`` names that word's group (between, upto, from, approx).
    The tests that can only say no run cheapest first: their order does not
    change the answer.
    """
    start, end = m.span()
    c1, a1s, m1s, x1, y1, c2, p1, c3, a2s, m2s, x2, y2, c4, p2 = m.group(
        "c1", "a1", "m1", "x1", "y1", "c2", "p1", "c3", "a2", "m2", "x2", "y2", "c4", "p2"
    )
    multiplier = t.multiplier
    for ms, cs, mg, cg in ((m1s, c2, "m1", "c2"), (m2s, c4, "m2", "c4")):
        if (ms and cs and cs[:1].isalpha() and m.start(cg) == m.end(mg) and text[m.start(mg) - 1] in " \t"
                and multiplier.get(ms, 0) >= 1_000_000):
            return None  # "18 mars" (a date): a word, not a million glued to a currency code after a space
    m1 = multiplier.get(m1s or "")
    m2 = multiplier.get(m2s or "")
    a1 = _number(a1s)
    a2 = _number(a2s) if a2s else None
    # One multiplier written once covers both ends: "$170-230K", "10-25万"; a
    # multiplier of ten thousand or more, a low end of the same scale as the
    # high end however many digits it has: "3,500~4,500만원".
    if a2 is not None:
        if m2 and not m1 and (a1 < 1000 or (m2 >= 10000 and a1 <= a2)):
            m1 = m2
        elif m1 and not m2 and a2 < 1000:
            m2 = m1
    v1 = a1 * (m1 or 1)
    v2 = a2 * (m2 or 1) if a2 is not None else None
    if x1 is not None or x2 is not None:
        # "1억 2천만원": a count of a smaller unit after a unit of ten thousand or more adds to it.
        more1, more2 = _smaller_unit(x1, y1, m1, multiplier), _smaller_unit(x2, y2, m2, multiplier)
        if more1 is None or more2 is None:
            return None
        v1 += more1
        if v2 is not None:
            v2 += more2
    has_mult = bool(m1 or m2)
    if v1 <= 0 or (v2 is not None and v2 <= 0):
        return None                                   # "💰 0"
    if v2 is not None and v1 > v2:
        return None                                   # never report a swapped range

    currency = _currency(t, (c1, c2, c3, c4), text, start) if (c1 or c2 or c3 or c4) else None
    lakh = m1s == "lpa" or m2s == "lpa"               # lakh per annum: INR a year
    if lakh:
        currency = currency or "INR"
    # A bare number is pay only with strong evidence around it, and never a
    # year-like pair ("2020-2024") or a small count ("CN 52 - 53").
    top = v2 if v2 is not None else v1
    bare = currency is None
    if bare and not has_mult and not labelled:
        if top < 100 or (1900 <= a1 <= 2100 and (a2 is None or 1900 <= a2 <= 2100)):
            return None

    after = text[end:end + 40]
    # Counts, durations and shares: "3-5 years", "500+ employees", "50%".
    if not (p1 or p2) and t.not_money_unit.match(after):
        return None
    if after[:1] in _DATE_AFTER_FIRST and _DATE_AFTER.match(after):
        return None
    if opened:
        # Every match before the amount ends (but for a final newline) with a
        # digit, "+", ")", a blank or a date's separator: most text does not.
        c = text[opened - 1]
        if c == "\n" and opened > 1:
            c = text[opened - 2]
        if (c in _PHONE_OR_DATE_LAST or c.isdecimal()) and _PHONE_OR_DATE_BEFORE.search(
            text[max(0, opened - 12):opened]
        ):
            return None

    cs40, cs50, cs60 = _clause_starts(text, opened)
    ce40, ce30 = _clause_ends(text, end)
    keyword = None
    if bare and not has_mult and not labelled:
        # Only a salary keyword can make this number pay.
        keyword = t.keyword.search(text[cs60:opened] + " " + text[end:ce30]) is not None
        if not keyword:
            return None
    # Company money and pay-adjacent amounts in the same clause.
    if t.not_salary.search(text[cs40:opened]) or t.not_salary.search(text[end:ce40]):
        return None

    period_text = p2 or p1
    period = None
    if period_text:
        hit = t.period_after.search(period_text)
        period = hit.lastgroup if hit else None
    if keyword is None:
        keyword = t.keyword.search(text[cs60:opened] + " " + text[end:ce30]) is not None
    if period is None:
        window = text[cs50:opened]      # a copy: no look-behind sees before the window
        hit = _search(t.period_before, t.period_before_start, window, 0, len(window))
        period = hit.lastgroup if hit else None
    explicit_period = period is not None
    if lakh:
        period = period or "year"
        explicit_period = True

    if bare:
        if not (labelled or keyword or (explicit_period and has_mult)):
            return None
        if not has_mult and top < 100 and not (labelled and explicit_period):
            return None
        if not has_mult and 1900 <= a1 <= 2100 and (a2 is None or 1900 <= a2 <= 2100) and not labelled:
            return None

    if kind == "upto" and v2 is None:
        lo, hi, rule = None, v1, "salary.up_to"
    elif v2 is None and (kind == "from" or kind == "between" or m.group("plus") or t.or_more.match(text, end)):
        # (a "between" word before one amount is a "from": Norwegian and Danish "fra kr 540 000",
        # the Italian word for between)
        lo, hi, rule = v1, None, "salary.from"
    elif v2 is not None:
        lo, hi, rule = v1, v2, "salary.range"
    else:
        lo, hi, rule = v1, v1, "salary.single"

    if period is None and currency is not None:
        period = implied_period(currency, lo, hi, t)

    confidence = 0
    confidence += _W_CURRENCY if currency else 0
    confidence += _W_LABELLED if labelled else 0
    confidence += _W_KEYWORD if keyword else 0
    confidence += _W_PERIOD if explicit_period else 0
    confidence += _W_RANGE if rule == "salary.range" else 0
    if not explicit_period and top < 100 and not has_mult:
        confidence += _W_SMALL
    if keep is not None and confidence < keep:
        return None

    annual_lo, annual_hi = annualized(lo, hi, period)
    return SalaryMatch(
        start=start,
        end=end,
        min=lo,
        max=hi,
        currency=currency,
        period=period,
        annualized_min=annual_lo,
        annualized_max=annual_hi,
        rule=rule,
        confidence=confidence,
    )
