"""Prose to sentences, by offsets, for sections written without bullets."""
from __future__ import annotations

import re
from ._cache import compile as _rx

# A sentence ends at . ! ? (or their CJK forms) followed by white space and a
# capital, a digit, a quote or an opening bracket; or at a CJK full stop.
_END = _rx(r"""(?:[.!?]+["'\u201d\u2019)]?\s+(?=[A-Z0-9\u00c0-\u00de"'\u201c\u2018(\[])|[\u3002\uff01\uff1f]\s*)""")
# Abbreviations after which a period does not end a sentence.
_ABBREV = _rx(
    r"(?:\b(?:e\.g|i\.e|etc|vs|approx|incl|esp|cf|Inc|Ltd|Co|Corp|Sr|Jr|Mr|Mrs|Ms|Dr|Prof|St|No|Nr|ca|bzw|z\.B|u\.a|d\.h|Mio|Mrd|p\.a|U\.S|U\.K|B\.S|M\.S|B\.A|M\.A|Ph\.D)\.)$"
)
# An enumerator standing alone between sentences: "... done. 2. Next item".
_ENUM = _rx(r"\s*(?:\(?\d{1,2}[.)]|[a-z]\))\s*")


def split(text: str, start: int = 0) -> list[tuple[int, int]]:
    """Return (start, end) offsets of the sentences of ``text``, shifted by ``start``."""
    out: list[tuple[int, int]] = []
    pos = 0
    for m in _END.finditer(text):
        cut = m.start() + len(m.group().rstrip())
        if _ABBREV.search(text[max(0, m.start() - 12):m.start() + 1]):
            continue
        out.append((pos, cut))
        pos = m.end()
    out.append((pos, len(text)))
    res = []
    for a, b in out:
        seg = text[a:b]
        m = _ENUM.match(seg)
        if m and m.end() == len(seg):
            continue  # a lone "1." between sentences
        if m and m.end() < len(seg) and re.match(r"\s*\(?\d{1,2}[.)]\s", seg):
            a += m.end()
        while a < b and text[a].isspace():
            a += 1
        while b > a and text[b - 1].isspace():
            b -= 1
        if b > a:
            res.append((a + start, b + start))
    return res
