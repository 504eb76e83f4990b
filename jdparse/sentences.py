"""Prose to sentences, by offsets, for sections written without bullets."""
from __future__ import annotations

from ._cache import compile as _rx

# A sentence ends at . ! ? (or their CJK forms) followed by white space and a
# capital, a digit, a quote, an opening bracket or a Hangul syllable (Korean
# has no capitals: "찾습니다. 지원 ..."); or at a CJK full stop.
# (Written to start with one class of characters, which the regex engine
# scans for quickly; the look-behinds tell the two kinds of stop apart.)
_END = _rx(
    r"""[.!?\u3002\uff01\uff1f](?:(?<=[.!?])[.!?]*["'\u201d\u2019)]?\s+(?=[A-Z0-9\u00c0-\u00de"'\u201c\u2018(\[\uac00-\ud7a3])"""
    r"""|(?<=[\u3002\uff01\uff1f])\s*)"""
)
# Abbreviations after which a period does not end a sentence (case matters).
_ABBREV = frozenset((
    "e.g i.e etc vs approx incl esp cf Inc Ltd Co Corp Sr Jr Mr Mrs Ms Dr Prof St No Nr ca bzw "
    "z.B u.a d.h Mio Mrd p.a U.S U.K B.S M.S B.A M.A Ph.D"
).split())
_ABBREV_LENGTHS = sorted({len(a) for a in _ABBREV})
_LOOK_BACK = 12
"""How far before a period an abbreviation is looked for (its word start included)."""
# An enumerator standing alone between sentences: "... done. 2. Next item".
_ENUM = _rx(r"\s*(?:\(?\d{1,2}[.)]|[a-z]\))\s*")
_NUMBER = _rx(r"\s*\(?\d{1,2}[.)]\s")


def _is_word(c: str) -> bool:
    return c.isalnum() or c == "_"


def _after_abbreviation(text: str, stop: int) -> bool:
    """Return whether the period at ``stop`` closes an abbreviation ("e.g.", "Inc.").

    The abbreviation must start a word, as seen from at most ``_LOOK_BACK``
    characters before the period (a word cut there counts as starting there).
    """
    if text[stop] != ".":
        return False
    lo = max(0, stop - _LOOK_BACK)
    for n in _ABBREV_LENGTHS:
        a = stop - n
        if a < lo:
            break
        if text[a:stop] in _ABBREV:
            # a word boundary before the abbreviation, inside the window
            first = _is_word(text[a])
            if first != (a > lo and _is_word(text[a - 1])):
                return True
    return False


def split(text: str, start: int = 0) -> list[tuple[int, int]]:
    """Return (start, end) offsets of the sentences of ``text``, shifted by ``start``."""
    res: list[tuple[int, int]] = []
    pos = 0
    for m in _END.finditer(text):
        s = m.start()
        if text[s] == "." and _after_abbreviation(text, s):
            continue
        _sentence(text, pos, s + len(m.group().rstrip()), start, res)
        pos = m.end()
    _sentence(text, pos, len(text), start, res)
    return res


def _sentence(text: str, a: int, b: int, start: int, res: list) -> None:
    """Append the sentence ``text[a:b]`` to ``res``, a leading enumerator and white space left out."""
    if a >= b:
        return
    c = text[a]
    # (an enumerator starts with white space, a digit, "(" or a letter before ")")
    if c.isspace() or c.isdecimal() or c == "(" or (b - a > 1 and text[a + 1] == ")"):
        m = _ENUM.match(text, a, b)
        if m:
            if m.end() == b:
                return  # a lone "1." between sentences
            if _NUMBER.match(text, a, b):
                a = m.end()
    seg = text[a:b]
    core = seg.strip()
    if core:
        a += len(seg) - len(seg.lstrip())
        res.append((a + start, a + len(core) + start))
