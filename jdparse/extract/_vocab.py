"""Vocabulary words to regular expressions: one tolerant word pattern, one guarded alternation.

Shared by the word-list matchers (employment type, seniority, experience), so
a word written in a data file matches the same way everywhere: a space
matches a run of white space on one line, a hyphen any dash, ' matches ’,
Latin words match whole ("Staffing" is not "Staff"), CJK words anywhere
(those scripts put no spaces between words), and Korean words anywhere too:
Korean spaces its words, but writes a particle on to the noun ("정규직으로",
"경력이") and a counter on to the number ("3년"); a compound that is no
such word ("비정규직") is a stop context of its table.
"""
from __future__ import annotations

import re
import unicodedata

from .._frozen import value_class
from .._cache import compile as _rx
from ._guard import GAP, _EXTRA_CASES, _tolower, literal_atoms

HS = r"[^\S\n]"
"""Horizontal white space: a match never spans lines."""
DASHES = "-\u2010\u2011\u2012\u2013\u2014\u2015"
_CJK = _rx(r"[\u3000-\u9fff\uf900-\ufaff\uac00-\ud7a3]")  # and Hangul syllables
SPACELESS = _CJK
"""A CJK or Hangul character: a word that holds one matches anywhere (see the module's
docstring), and a text without one holds no such word."""


def anywhere(word: str) -> bool:
    """Return whether a word of a word list matches anywhere, not as a whole word (``SPACELESS``)."""
    return _CJK.search(word) is not None

ASCII_TWINS = {"i": "\u0130\u0131", "k": "\u212a", "s": "\u017f"}
"""The only characters beyond ASCII that ``re.IGNORECASE`` matches to an ASCII
letter, by that letter (dotted and dotless i, the Kelvin sign, long s); a
test checks it on every code point.  A cheap search that lowers ASCII letters
and ignores every other character is exact only where none of them occurs."""
ASCII_TWIN_CHARS = "".join(ASCII_TWINS.values())

FOLDS_TO_ASCII = ("\u00df\u0130\u0131\u0149\u017f\u01f0\u1e96\u1e97\u1e98\u1e99\u1e9a\u1e9e\u212a"
                  "\ufb00\ufb01\ufb02\ufb03\ufb04\ufb05\ufb06")
"""The characters that a case-insensitive ASCII letter matches, or whose case
folding holds one (the twins above, sharp s, ligatures ...): where none
occurs, a text's ASCII letters lower-cased are all that its case folding (or
a pattern's case-insensitive match) can show of them.  A test checks it on
every code point."""


WORD_BYTES = bytes(c + 32 if 65 <= c <= 90 else c if 48 <= c <= 57 or 97 <= c <= 122 or c == 95 else 32
                   for c in range(256))
"""A ``bytes.translate`` table: upper-case ASCII letters lowered; digits,
lower-case letters and "_" kept; every other byte (those of any character
beyond ASCII included) a space.  ``text.encode().translate(WORD_BYTES).split()``
gives a text's runs of ASCII word characters, lower-cased."""
LETTER_BYTES = bytes(c + 32 if 65 <= c <= 90 else c if 97 <= c <= 122 else 32 for c in range(256))
"""The same for letters alone: digits and "_" become spaces too."""

@value_class(slots=True)
class Match:
    """One vocabulary word found in a text: where, what it means, and which rule."""

    start: int
    """Offset of the first character of the evidence, into the string passed in."""
    end: int
    """Offset just past the evidence; ``text[start:end]`` is e.g. ``"10+ years"``, ``"Vollzeit"``, ``"Sr."``."""
    value: object
    """What it states: minimum years (int), an employment type or a level (str)."""
    rule: str
    """Id of the rule that produced it, e.g. ``experience.plus``, ``employment.de``, ``seniority.en``."""


def phrase(word: str, dash_optional: bool = True) -> str:
    """Return a tolerant pattern for a vocabulary word.

    With ``dash_optional`` a hyphen matches any dash, white space or nothing
    ("full-time", "Full Time", "fulltime"); otherwise exactly one dash.
    """
    out = []
    for ch in word:
        if ch == " ":
            out.append(HS + "+")
        elif ch in DASHES:
            out.append(f"(?:[{DASHES}]|{HS}+)?" if dash_optional else f"[{DASHES}\u2212]")
        elif ch in "'\u2019":
            out.append("['\u2019]")
        else:
            out.append(re.escape(ch))
    pat = "".join(out)
    if bounded(word):
        pat = r"(?<!\w)" + pat
    if re.search(r"\w$", word) and not _CJK.match(word[-1]):
        pat += r"(?!\w)"
    return pat


def atoms(word: str, ignore_case: bool = True, dash_optional: bool = True, end: bool = False) -> list:
    """Return ``word`` as the atoms of a phrase of ``jdparse.extract._guard.Anchors``, as :func:`phrase` matches it.

    With ``end``, a word :func:`phrase` ends with "no word character after"
    ends so too: only for texts whose slices end at word edges.
    """
    out: list = []
    for ch in word:
        if ch == " ":
            out.append((GAP, HS + "+"))
        elif ch in DASHES:
            out.append((GAP, f"(?:[{DASHES}]|{HS}+)?") if dash_optional else frozenset(DASHES + "\u2212"))
        elif ch in "'\u2019":
            out.append(frozenset("'\u2019"))
        else:
            out.extend(literal_atoms(ch, ignore_case))
    if end and re.search(r"\w$", word) and not _CJK.match(word[-1]):
        out.append((GAP, r"(?!\w)"))
    return out


def bounded(word: str) -> bool:
    """Return whether ``word`` must start a word (Latin script), as :func:`phrase` builds it."""
    return bool(re.match(r"\w", word)) and not _CJK.match(word)


def first_chars(words) -> str:
    """Return a character class of the first characters of ``words``, both cases."""
    chars = {c for w in words for c in (w[0].lower(), w[0].upper())}
    return "[" + "".join(re.escape(c) for c in sorted(chars)) + "]"


def alternation(words, *, dash_optional: bool = True, case_sensitive=frozenset()) -> str:
    """Return one alternation of ``words``, longest first, behind a cheap guard.

    Longest first: ``re`` takes the first alternative that matches, not the
    longest, so "internship" must come before "intern", "实习生" before "实习"
    and "Sr." before "Sr" (or the evidence loses its dot).  Then alphabetical,
    so the pattern's text is the same in every process (the start-up cache
    keys on it).  The guard: ``re`` tries every alternative at every position;
    a lookahead on the possible first characters (and, for Latin words, no
    word character before) rejects most positions at once.
    """
    ordered = sorted(set(words), key=lambda w: (-len(w), w))
    alts = [f"(?-i:{phrase(w, dash_optional)})" if w in case_sensitive else phrase(w, dash_optional)
            for w in ordered]
    latin = [a for w, a in zip(ordered, alts) if bounded(w)]
    other = [a for w, a in zip(ordered, alts) if not bounded(w)]
    sides = []
    if latin:
        sides.append(rf"(?<!\w)(?={first_chars([w for w in ordered if bounded(w)])})(?:" + "|".join(latin) + ")")
    if other:
        sides.append(f"(?={first_chars([w for w in ordered if not bounded(w)])})(?:" + "|".join(other) + ")")
    return "(?:" + "|".join(sides) + ")"


def fast_alternation(words, dash_optional: bool = True) -> str:
    """Return a pattern that matches what ``alternation(words, dash_optional=...)``
    matches (``re.IGNORECASE``), where it does and to the same end, in fewer steps.

    The Latin words are grouped by their first letter behind one test of the
    first characters and of the word's start, so that ``re`` tries at a word
    start only the words of its letter, in their order.  Two groups never
    match at one place (their ASCII letters differ in lower case, and the
    few other characters that match an ASCII letter fall back to the plain
    alternation), so the first word that matches is the same.
    """
    base = alternation(words, dash_optional=dash_optional)
    ordered = sorted(set(words), key=lambda w: (-len(w), w))
    latin = [w for w in ordered if bounded(w)]
    other = [w for w in ordered if not bounded(w)]
    start = r"(?<!\w)"
    groups: dict[str, list[str]] = {}
    rest = []
    for w in latin:
        p = phrase(w, dash_optional)
        c = w[0]
        if not p.startswith(start + c) or not c.isalnum() or c in ASCII_TWIN_CHARS:
            return base
        if c.isascii():
            groups.setdefault(c.lower(), []).append(p[len(start) + 1:])
        else:
            rest.append(p[len(start):])
    sides = []
    if latin:
        alts = [k + "(?:" + "|".join(v) + ")" for k, v in groups.items()]
        if rest:
            alts.append("(?:" + "|".join(rest) + ")")
        sides.append(f"(?={first_chars(latin)}){start}(?:" + "|".join(alts) + ")")
    if other:
        sides.append(f"(?={first_chars(other)})(?:" + "|".join(phrase(w, dash_optional) for w in other) + ")")
    return "(?:" + "|".join(sides) + ")"


def fold(s: str) -> str:
    """Return the lookup key of a word or hit: casefolded, separators dropped.

    Accents stay, so "Sênior" is found under pt and "Senior" under en.
    """
    s = unicodedata.normalize("NFC", s.casefold())
    return "".join(ch for ch in s if ch.isalnum())


def lookup_key(table, s: str) -> str:
    """Return the key of hit ``s`` in ``table`` (a dict or set of :func:`fold` keys).

    A case-insensitive pattern matches "ı" (dotless i) to "i", but "ı"
    folds to itself: a hit such as "Senıor" is looked up as "senior" when its
    own fold is not a key.  (Returns the fold when neither is.)
    """
    k = fold(s)
    if k in table or "\u0131" not in k:
        return k
    loose = k.replace("\u0131", "i")
    return loose if loose in table else k


def word_table(file: str, words, values) -> tuple[dict[str, tuple[str, str]], list[str]]:
    """Return ({folded word: (value, language)}, every word) of a ``{language: {value: [word]}}`` table.

    Checked on load, naming the file and key: each value must be one of
    ``values``, each list must hold words, and no word may mean two values.
    """
    if not isinstance(words, dict):
        raise ValueError(f"{file}: words: expected {{language: {{value: [word]}}}}")
    lookup: dict[str, tuple[str, str]] = {}
    all_words: list[str] = []
    for lang, by_value in words.items():
        if not isinstance(by_value, dict):
            raise ValueError(f"{file}: words.{lang}: expected {{value: [word]}}")
        for value, ws in by_value.items():
            if value not in values:
                raise ValueError(f"{file}: words.{lang}.{value}: {value!r} is not one of {tuple(values)}")
            if not isinstance(ws, list) or not all(isinstance(w, str) and w for w in ws):
                raise ValueError(f"{file}: words.{lang}.{value}: expected a list of words")
            for w in ws:
                k = fold(w)
                if k in lookup and lookup[k][0] != value:
                    raise ValueError(f"{file}: words.{lang}.{value}: {w!r} is already "
                                     f"{lookup[k][0]} in words.{lookup[k][1]}")
                lookup.setdefault(k, (value, lang))
                all_words.append(w)
    return lookup, all_words


class Split:
    """An :func:`alternation` of words (``re.IGNORECASE``), tried only where a word may start.

    ``re`` tries each of the hundreds of alternatives at every word start;
    here a word start's lower case picks the few words that begin with it,
    and only their alternation (same order, same guards) is tried there.
    :meth:`finditer` yields what ``compile(alternation(words),
    re.IGNORECASE).finditer`` yields: a match at a position is the first
    alternative matching there, and an alternative can match only where its
    first character does.  ``None`` from :meth:`build` when some word does not
    start with a letter or digit (the split would not hold).
    """

    __slots__ = ("starts", "groups", "whole")

    def __init__(self, starts, groups, whole):
        self.starts = starts
        self.groups = groups
        self.whole = whole

    @classmethod
    def build(cls, words, compile, *, case_sensitive=frozenset()):
        words = sorted(set(words), key=lambda w: (-len(w), w))
        if not words or not all(w[0].isalnum() for w in words):
            return None
        by_key: dict[str, list[str]] = {}
        for w in words:
            low = chr(_tolower(ord(w[0])))
            for k in (low, *(chr(c) for c in _EXTRA_CASES.get(ord(low), ()))):
                by_key.setdefault(k, []).append(w)
        groups = {k: compile(alternation(ws, case_sensitive=case_sensitive), re.IGNORECASE)
                  for k, ws in sorted(by_key.items())}
        # A Latin word starts a word (see bounded): only word starts are tried for those.
        sides = []
        for is_bounded in (True, False):
            ks = sorted({k for k, ws in by_key.items() for w in ws if bounded(w) == is_bounded})
            if ks:
                sides.append(("(?<!\\w)" if is_bounded else "") + "[" + "".join(re.escape(k) for k in ks) + "]")
        starts = compile("|".join(sides), re.IGNORECASE)
        return cls(starts, groups, compile(alternation(words, case_sensitive=case_sensitive), re.IGNORECASE))

    def finditer(self, text: str):
        search = self.starts.search
        groups = self.groups
        whole = self.whole.match
        pos = 0
        while True:
            c = search(text, pos)
            if c is None:
                return
            p = c.start()
            g = groups.get(chr(_tolower(ord(text[p]))))
            m = g.match(text, p) if g is not None else whole(text, p)
            if m is None:
                pos = p + 1
            else:
                yield m
                pos = m.end()
