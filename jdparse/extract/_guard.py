"""A cheap test before an expensive pattern: does the text hold any word that could start a match?

The vocabulary matchers are alternations of hundreds of words; ``re`` tries
them at every position of the text, which costs far more than splitting the
text into words once and looking each up in a set.  Most lines of a posting
hold no employment-type word and no "years": the guard lets a matcher skip
them.  Scripts without spaces between words (Chinese, Japanese) cannot be
split so, and always pass.
"""
from __future__ import annotations

import re
from bisect import bisect_left
from functools import lru_cache

from .._cache import compile as _rx

_WORD = _rx(r"[^\W\d_]+|\d+")
_NO_SPACES = _rx(r"[\u3040-\u30ff\u3400-\u9fff\uf900-\ufaff\uac00-\ud7af]")


class WordGuard:
    """Tell whether a text may contain one of some phrases, by one word of each.

    A phrase can only occur where all its words do, so one of them is enough
    to test: the longest, which is the least common ("site" of "on site",
    not "on").
    """

    __slots__ = ("firsts",)

    def __init__(self, phrases):
        firsts = set()
        for p in phrases:
            words = _WORD.findall(str(p).casefold())
            if words:
                firsts.add(max(words, key=len))
        self.firsts = frozenset(firsts)

    def may_match(self, text: str) -> bool:
        """Return False only when no phrase can occur in ``text``."""
        words = _words(text)
        return words is None or not self.firsts.isdisjoint(words)

    def may_match_folded(self, text: str, low: str, a: int = 0, e: int | None = None) -> bool:
        """``may_match(text)``, given ``low``, the fold of a text of which ``text`` is ``[a:e]``
        (see :func:`folded`): the words are read from the fold already made."""
        if _NO_SPACES.search(text):
            return True
        return not self.firsts.isdisjoint(_WORD.findall(low, a, len(low) if e is None else e))


@lru_cache(maxsize=512)
def _words(text: str) -> frozenset | None:
    """Return the casefolded words of ``text`` (None for text in a script without spaces).

    Cached: the same line is tested by several matchers in a row.  Words
    glued to digits ("10years", "5ans") are split off, as the patterns do.
    """
    if _NO_SPACES.search(text):
        return None
    return frozenset(_WORD.findall(text.casefold()))


# --- anchors: where in a whole posting a phrase may start ---------------------
#
# A WordGuard splits each text it tests into words: cheap for one line, but a
# posting is tested block by block by several matchers.  An anchor pattern
# runs once over the whole posting, casefolded (see :func:`folded`), and
# gives the offsets where some phrase may occur; a block with no offset
# inside holds none of the phrases.  To stay fast, ``re`` must skip most
# characters without trying a match: each phrase is found through its rarest
# character (one of a few distinct ones, so the pattern's first-character
# test rejects most positions), the rest of the phrase is checked around it
# by look-arounds, and a match is that one character, so no occurrence hides
# another.

# Rough share of each character in English prose, per mille: what picks the
# character a phrase is found by.  Characters not listed are rare (accented
# letters, CJK, most signs).
_FREQ = {
    **dict(zip("etaoinshrdlcumwfgypbvkjxqz",
               (127, 91, 82, 75, 70, 67, 63, 61, 60, 43, 40, 28, 28, 24, 24, 22, 20, 20, 19, 15, 10, 8, 2, 2, 1, 1))),
    **dict.fromkeys("0123456789", 5),
    " ": 150, "\n": 20, "\t": 5, ".": 10, ",": 10, "-": 5, "(": 2, ")": 2, "/": 2, ":": 3, "'": 2,
}

GAP = "gap"
"""Kind of an atom ``(GAP, fragment)`` that matches a run of separators (a regex fragment),
or ``(GAP, fragment, class, most)`` when that is at most ``most`` characters of ``class``."""


_ASCII_BYTES = bytes(range(128))


def folded(text: str) -> str | None:
    """Return ``text`` casefolded character for character, or None when that is not possible.

    The result has the text's length, so its offsets are the text's, and
    ``folded(text)[a:b] == text[a:b].casefold()`` for every slice.  None when
    a character folds to several ("ß" to "ss") or folds from a non-word
    character to a word character (U+0345): offsets or word edges would move.

    When no character beyond ASCII changes under casefolding (curly quotes,
    dashes, lower-case accented letters), the fold is the text with its ASCII
    letters lowered, which bytes do at C speed: the UTF-8 bytes lowered (only
    ASCII bytes change) and decoded.
    """
    if text.isascii():
        return text.lower()
    try:
        raw = text.encode("utf-8")
    except UnicodeEncodeError:  # (a lone surrogate)
        raw = None
    if raw is not None:
        rest = raw.translate(None, _ASCII_BYTES).decode("utf-8")  # the characters beyond ASCII, in order
        if rest.casefold() == rest:  # (U+0345 folds to another character: not here)
            return raw.lower().decode("utf-8")
    low = text.casefold()
    if len(low) != len(text) or "\u0345" in text:
        return None
    return low


def literal_atoms(s: str, ignore_case: bool) -> list:
    """Return the atoms a folded text shows where ``s`` matches (``re.IGNORECASE`` or not).

    Without ``ignore_case`` a character shows as its fold.  With it, ``re``
    matches a character of the text to the pattern's when their lower cases
    agree (or are one of ``re``'s few extra pairs): those fold to one
    character, except "ı", which matches "i" and folds to itself, so an "i"
    shows as one of {i, ı}.
    """
    out = []
    for ch in s:
        got = _ATOMS.get((ch, ignore_case))
        if got is not None:
            out.extend(got)
            continue
        start = len(out)
        _fold_char(ch, ignore_case, out)
        _ATOMS[(ch, ignore_case)] = tuple(out[start:])
    return out


_ATOMS: dict = {}
"""(character, ignore_case) -> its atoms: a table of the characters of the vocabularies."""


def _fold_char(ch: str, ignore_case: bool, out: list) -> None:
    if ignore_case:
        base = chr(_tolower(ord(ch)))
        folds = {f for x in (base, *_extra_cases(base)) for f in (x.casefold(),) if len(f) == 1}
        if len(folds) > 1:
            out.append(frozenset(folds))
            return
        f = folds.pop() if folds else base.casefold()
    else:
        f = ch.casefold()
    out.extend(f)  # a fold of several characters: such text has no folded() form


try:
    from _sre import unicode_tolower as _tolower
    from re._casefix import _EXTRA_CASES
except ImportError:  # another implementation: an approximation of re's own folding
    def _tolower(cp: int) -> int:
        low = chr(cp).lower()
        return ord(low) if len(low) == 1 else cp

    _EXTRA_CASES = {0x69: (0x131,), 0x131: (0x69,)}


def _extra_cases(ch: str) -> tuple[str, ...]:
    return tuple(chr(c) for c in _EXTRA_CASES.get(ord(ch), ()))


def _freq(atom) -> int:
    return _FREQ.get(atom, 0) if isinstance(atom, str) else 1000


def _variants(atoms: list) -> list[list]:
    """Return the phrase, and once per other member of each of its character sets.

    The first has each set's most common member; each other one has, at one
    set, one of its other members, the other sets left as sets.  Every
    occurrence of the phrase is an occurrence of one of them, and each has a
    rare character where the phrase has one ("ı" of {i, ı}).
    """
    sets = [i for i, a in enumerate(atoms) if isinstance(a, frozenset)]
    if not sets:
        return [atoms]
    base = {i: max(sorted(atoms[i]), key=lambda c: _FREQ.get(c, 0)) for i in sets}
    out = [[base.get(i, a) for i, a in enumerate(atoms)]]
    for i in sets:
        for c in sorted(atoms[i] - {base[i]}):
            out.append(atoms[:i] + [c] + atoms[i + 1:])
    return out


def _runs(v) -> list[tuple[int, int]]:
    """Return (start, end) indices of the runs of plain characters of phrase ``v``."""
    out, start = [], None
    for i, a in enumerate(v):
        if isinstance(a, str):
            if start is None:
                start = i
        elif start is not None:
            out.append((start, i))
            start = None
    if start is not None:
        out.append((start, len(v)))
    return out


def _before(v, r0: int, o: int) -> str:
    """Return a look-behind for the run before run ``r0`` of ``v``, when a gap of bounded width
    ``(GAP, fragment, class, most)`` stands between them ("on" of "on site"); else ""."""
    if r0 < 2 or not isinstance(v[r0 - 1], tuple) or len(v[r0 - 1]) < 4:
        return ""
    _, _, cls, most = v[r0 - 1]
    p0 = r0 - 1
    while p0 > 0 and not isinstance(v[p0 - 1], tuple):
        p0 -= 1
    if p0 == r0 - 1:
        return ""
    prev = "".join(_frag(a) for a in v[p0:r0 - 1])
    here = "".join(_frag(a) for a in v[r0:r0 + o])
    return "(?:" + "|".join(f"(?<={prev}{cls}{{{n}}}{here})" for n in range(most + 1)) + ")"


def _frag(atom) -> str:
    if isinstance(atom, tuple):
        return atom[1]
    if isinstance(atom, frozenset):
        return "[" + "".join(re.escape(c) for c in sorted(atom)) + "]"
    return re.escape(atom)


class Anchors:
    """Where in a folded text (see :func:`folded`) some phrase of a vocabulary may occur.

    A phrase is a list of atoms: a character, a frozenset of characters (one
    of them), or ``(GAP, fragment)`` for separators of variable width (a
    regex fragment).  :meth:`positions` runs once over a whole posting and
    returns offsets such that every occurrence of a phrase holds one of them;
    a block with no offset inside holds none of the phrases.

    A phrase with a rare character (see ``_FREQ``) is found through it: one
    pattern holds them all, each behind its rare character, the rest of the
    phrase checked by look-arounds (no look-behind past a gap, so earlier
    words go unchecked: a test, not a match).  Each match is that one
    character, so no occurrence hides another, and ``re`` skips every other
    character at the speed of its first-character test.  A phrase made only
    of common letters ("on site") is found by ``str.find`` of the start of
    its longest run of characters instead (one ``find`` per run, and a run
    that holds another is left to that one: "remot" finds "remote" and
    "remoto").
    """

    __slots__ = ("rx", "literals", "always")

    RARE = 12
    """Per mille: a character at most this common may lead the pattern (by default:
    each such character costs a try wherever it occurs, each ``str.find`` a pass)."""
    PREFIX = 5
    """Characters two runs must share for one ``str.find`` of them both."""

    def __init__(self, phrases, compile=re.compile, rare: int | None = None):
        rare_freq = self.RARE if rare is None else rare
        self.always = False
        variants = []
        for atoms in phrases:
            for v in _variants(list(atoms)):
                if any(isinstance(a, str) for a in v):
                    variants.append(v)
                else:
                    self.always = True  # nothing to look for: it may be anywhere
        # A phrase whose plain run holds another phrase entirely is found
        # through that one ("100% remote" through "remote").
        solid = {"".join(v) for v in variants if all(isinstance(a, str) for a in v)} - {""}
        solid_lengths = sorted({len(x) for x in solid})

        def runs_of(v):
            return [(r0, r1, "".join(v[r0:r1])) for r0, r1 in _runs(v)]

        rare, common = [], []
        for v in variants:
            runs = runs_of(v)
            whole = runs[0][2] if len(runs) == 1 and runs[0][1] - runs[0][0] == len(v) else None
            if any(r[i:i + n] in solid and r[i:i + n] != whole
                   for _, _, r in runs for n in solid_lengths if n <= len(r) for i in range(len(r) - n + 1)):
                continue
            lits = [i for i, a in enumerate(v) if isinstance(a, str)]
            j = min(lits, key=lambda i: (_FREQ.get(v[i], 0), i))
            (rare if _FREQ.get(v[j], 0) <= rare_freq else common).append((v, j, runs))
        # The longest run of each common phrase, or the start it shares with
        # another's ("remot" of "remote" and "remoto"); a run that holds
        # another one is left to that one.
        longest = {max((r for _, _, r in runs), key=len) for _, _, runs in common}
        starts: dict[str, set] = {}
        for r in longest:
            starts.setdefault(r[:self.PREFIX], set()).add(r)
        literals = {r[:self.PREFIX] if len(starts[r[:self.PREFIX]]) > 1 else r for r in longest}
        kept: list[str] = []
        for lit in sorted(literals, key=lambda s: (len(s), s)):
            if not any(k in lit for k in kept if len(k) >= self.PREFIX - 1):
                kept.append(lit)  # (a short literal finds too much to stand for longer ones)
        kept_set = set(kept)
        kept_lengths = sorted({len(k) for k in kept}, reverse=True)
        owned: dict[str, set] = {k: set() for k in kept}
        trie: dict = {}
        for v, j, runs in common + rare:
            got = next(((r[i:i + n], r0, r1, i) for n in kept_lengths for r0, r1, r in runs if n <= len(r)
                        for i in range(len(r) - n + 1) if r[i:i + n] in kept_set), None)
            if got is None:
                self._add(trie, v, j)
                continue
            # Checked where the literal is found: the rest of its run, what
            # precedes it in its run (a look-behind), and the phrase after.
            k, r0, r1, o = got
            frag = "".join(_frag(a) for a in v[r0 + o:r1])
            if o:
                frag += "(?<=" + "".join(_frag(a) for a in v[r0:r1]) + ")"
            owned[k].add(_before(v, r0, o) + frag + "".join(_frag(a) for a in v[r1:]))
        self.literals = tuple((k, compile("|".join(sorted(owned[k])))) for k in kept if owned[k])
        self._compile(trie, compile)

    @staticmethod
    def _add(trie: dict, v: list, j: int) -> None:
        """Add phrase ``v`` to the pattern, found by its character ``v[j]``."""
        k = j
        while k > 0 and not isinstance(v[k - 1], tuple):
            k -= 1
        m = j
        while m + 1 < len(v) and not isinstance(v[m + 1], tuple):
            m += 1
        rest = [_frag(a) for a in v[j + 1:m + 1]]
        if k < j:
            rest.append("(?<=" + "".join(_frag(a) for a in v[k:m + 1]) + ")")
        rest += [_frag(a) for a in v[m + 1:]]
        node = trie.setdefault(v[j], {})
        for f in rest:
            if node.get("") is True:
                return
            node = node.setdefault(f, {})
        node.clear()
        node[""] = True

    def _compile(self, trie: dict, compile) -> None:
        alts = []
        for c in sorted(trie, key=lambda c: (-_FREQ.get(c, 0), c)):
            body = _trie_rx(trie[c])
            alts.append(re.escape(c) + (f"(?={body})" if body else ""))
        self.rx = compile("|".join(alts)) if alts else None

    def positions(self, low: str, a: int = 0, e: int | None = None) -> list[int] | None:
        """Return, sorted, offsets of ``low`` such that each occurrence of a phrase holds one
        (occurrences inside ``low[a:e]``, when given).

        None when a phrase has no character to look for (it may be anywhere).
        """
        if self.always:
            return None
        if e is None:
            e = len(low)
        out = [m.start() for m in self.rx.finditer(low, a, e)] if self.rx is not None else []
        find = low.find
        n = len(out)
        for lit, check in self.literals:
            p = find(lit, a, e)
            while p >= 0:
                if check.match(low, p, e):
                    out.append(p)
                p = find(lit, p + 1, e)
        if len(out) > n:
            out.sort()
        return out

    def within(self, low: str, a: int, e: int) -> bool:
        """Return whether a phrase may occur in ``low[a:e]``."""
        if self.always:
            return True
        if self.rx is not None and self.rx.search(low, a, e):
            return True
        find = low.find
        for lit, check in self.literals:
            p = find(lit, a, e)
            while p >= 0:
                if check.match(low, p, e):
                    return True
                p = find(lit, p + 1, e)
        return False


def _trie_rx(node: dict) -> str:
    if node.get("") is True:
        return ""
    alts = [f + _trie_rx(child) for f, child in sorted(node.items())]
    return alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"


def any_within(positions: list[int] | None, a: int, e: int) -> bool:
    """Return whether one of the sorted ``positions`` lies in ``[a, e)`` (always, for None)."""
    if positions is None:
        return True
    i = bisect_left(positions, a)
    return i < len(positions) and positions[i] < e
