"""The decoded text and its line table: the coordinate system of every span."""
from __future__ import annotations

import unicodedata
from bisect import bisect_right
from itertools import accumulate
from operator import add

from ._frozen import value_class
from ._cache import compile as _rx
from .model import Span

# Characters that are white space for matching but that str.split() does not
# treat as such (zero-width space, joiner, BOM), removed from matching keys.
_INVISIBLE = dict.fromkeys(map(ord, "\u200b\u200c\u200d\u2060\ufeff\u00ad"), None)

# Quotes and dashes folded to ASCII in matching keys only.
_FOLD = str.maketrans({
    "\u2018": "'", "\u2019": "'", "\u201a": "'", "\u201b": "'", "\u2032": "'",
    "\u201c": '"', "\u201d": '"', "\u201e": '"', "\u00ab": '"', "\u00bb": '"',
    "\u2010": "-", "\u2011": "-", "\u2012": "-", "\u2013": "-", "\u2014": "-",
    "\u2015": "-", "\u2212": "-",
})
# The same, as pairs, the most frequent first (see key).
_FOLD_PAIRS = (
    ("\u2019", "'"), ("\u2013", "-"), ("\u2014", "-"), ("\u201c", '"'), ("\u201d", '"'),
    ("\u2018", "'"), ("\u201a", "'"), ("\u201b", "'"), ("\u2032", "'"), ("\u201e", '"'),
    ("\u00ab", '"'), ("\u00bb", '"'), ("\u2010", "-"), ("\u2011", "-"), ("\u2012", "-"),
    ("\u2015", "-"), ("\u2212", "-"),
)
assert dict(_FOLD_PAIRS) == {chr(k): v for k, v in _FOLD.items()}
# Any character of _INVISIBLE or _FOLD: one search tells whether key has either to do.
_SPECIAL = _rx("[" + "".join(map(chr, _INVISIBLE)) + "".join(map(chr, _FOLD)) + "]")


def tidy(s: str) -> str:
    """Return ``s`` with runs of white space collapsed to one space and ends trimmed.

    This is the only change made to text that is reported: the characters are
    the posting's own (invisible ones such as a zero-width space included;
    they are left out of matching keys only).
    """
    return _collapse(s)


def key(s: str) -> str:
    """Return the matching key of ``s``: NFKC, casefolded, quotes and dashes folded.

    Keys are for comparing with vocabulary, never for reporting.
    """
    if s.isascii():
        s = s.lower()  # NFKC and the folds change no ASCII character
    else:
        # The same steps as translate(_INVISIBLE), NFKC, translate(_FOLD),
        # casefold, with each translation skipped when none of its characters
        # is present (str.translate costs a dictionary lookup per character).
        if _SPECIAL.search(s) is None:
            # none of the characters either translation changes; the folds are
            # still due when NFKC changed the string (it makes some of them)
            n = unicodedata.normalize("NFKC", s)
            if n is not s:
                for c, folded in _FOLD_PAIRS:
                    if c in n:
                        n = n.replace(c, folded)
            s = n.casefold()
        else:
            if ("\u200b" in s or "\u200c" in s or "\u200d" in s or "\u2060" in s or "\ufeff" in s
                    or "\u00ad" in s):
                s = s.translate(_INVISIBLE)
            s = unicodedata.normalize("NFKC", s)
            for c, folded in _FOLD_PAIRS:
                if c in s:
                    s = s.replace(c, folded)
            s = s.casefold()
    return _collapse(s)


def _collapse(s: str) -> str:
    """Return ``" ".join(s.split())``, without splitting a string that has nothing to collapse.

    Every white space character but the space is unprintable, so a printable
    string without a double space or a space at an end is its own answer.
    """
    if s.isprintable() and "  " not in s and s[:1] != " " and s[-1:] != " ":
        return s
    return " ".join(s.split())


@value_class(slots=True)
class Line:
    """One line of the document, by offsets (its newline excluded)."""

    index: int
    """0-based line number."""
    start: int
    end: int
    text: str
    """The line's text, verbatim."""

    @property
    def blank(self) -> bool:
        return not self.text.strip()


class Document:
    """Decoded text (newlines normalised to ``\\n``, nothing else) and its lines."""

    __slots__ = ("text", "_raw", "_starts", "_lines")

    def __init__(self, text: str):
        self.text = text
        self._raw = text.split("\n")  # each line's text (read by blocks.classify)
        self._starts: list[int] | None = None  # made on first use (blocks.classify makes it)
        self._lines: tuple[Line, ...] | None = None

    def _line_starts(self) -> list[int]:
        """Return the offset of each line's start."""
        starts = self._starts
        if starts is None:
            raw = self._raw
            # Line i starts after the i lines before it and their newlines.
            starts = self._starts = list(map(add, accumulate(map(len, raw), initial=0), range(len(raw))))
        return starts

    @property
    def line_starts(self) -> list[int]:
        """The offset of each line's start, in order (made on first use; do not modify)."""
        starts = self._starts
        if starts is None:
            starts = self._line_starts()
        return starts

    @property
    def lines(self) -> tuple[Line, ...]:
        """The document's lines, in order (made on first use)."""
        lines = self._lines
        if lines is None:
            starts = self._line_starts()
            lines = self._lines = tuple(map(Line, range(len(self._raw)), starts,
                                            [s + len(r) for s, r in zip(starts, self._raw)], self._raw))
        return lines

    def span(self, start: int, end: int) -> Span:
        """Return the Span of ``text[start:end]``, with 1-based line and column."""
        starts = self._starts
        if starts is None:
            starts = self._line_starts()
        i = bisect_right(starts, start) - 1
        return Span(start, end, i + 1, start - starts[i] + 1)

    def trimmed_span(self, start: int, end: int) -> Span:
        """Return the Span of ``text[start:end]`` with white space at both ends left out."""
        t = self.text
        while start < end and (t[start].isspace() or t[start] in "\u200b\ufeff"):
            start += 1
        while end > start and (t[end - 1].isspace() or t[end - 1] in "\u200b\ufeff"):
            end -= 1
        return self.span(start, end)


_NEWLINES = _rx(r"\r\n?|\u2028|\u2029|\x85")


def normalise_newlines(text: str) -> str:
    """Return ``text`` with every newline convention turned into ``\\n``."""
    if "\r" in text or "\u2028" in text or "\u2029" in text or "\x85" in text:
        return _NEWLINES.sub("\n", text)
    return text
