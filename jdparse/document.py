"""The decoded text and its line table: the coordinate system of every span."""
from __future__ import annotations

import re
import unicodedata
from bisect import bisect_right
from dataclasses import dataclass

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


def tidy(s: str) -> str:
    """Return ``s`` with runs of white space collapsed to one space and ends trimmed.

    This is the only change made to text that is reported: the characters are
    the posting's own (invisible ones such as a zero-width space included;
    they are left out of matching keys only).
    """
    return " ".join(s.split())


def key(s: str) -> str:
    """Return the matching key of ``s``: NFKC, casefolded, quotes and dashes folded.

    Keys are for comparing with vocabulary, never for reporting.
    """
    if s.isascii():
        return " ".join(s.lower().split())  # NFKC and the folds change no ASCII character
    s = unicodedata.normalize("NFKC", s.translate(_INVISIBLE)).translate(_FOLD).casefold()
    return " ".join(s.split())


@dataclass(frozen=True, slots=True)
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

    __slots__ = ("text", "lines", "_starts")

    def __init__(self, text: str):
        self.text = text
        lines = []
        pos = 0
        for i, raw in enumerate(text.split("\n")):
            lines.append(Line(i, pos, pos + len(raw), raw))
            pos += len(raw) + 1
        self.lines: tuple[Line, ...] = tuple(lines)
        self._starts = [ln.start for ln in lines]

    def span(self, start: int, end: int) -> Span:
        """Return the Span of ``text[start:end]``, with 1-based line and column."""
        i = bisect_right(self._starts, start) - 1
        return Span(start, end, i + 1, start - self._starts[i] + 1)

    def trimmed_span(self, start: int, end: int) -> Span:
        """Return the Span of ``text[start:end]`` with white space at both ends left out."""
        t = self.text
        while start < end and (t[start].isspace() or t[start] in "\u200b\ufeff"):
            start += 1
        while end > start and (t[end - 1].isspace() or t[end - 1] in "\u200b\ufeff"):
            end -= 1
        return self.span(start, end)


_NEWLINES = re.compile(r"\r\n?|\u2028|\u2029|\x85")


def normalise_newlines(text: str) -> str:
    """Return ``text`` with every newline convention turned into ``\\n``."""
    if "\r" in text or "\u2028" in text or "\u2029" in text or "\x85" in text:
        return _NEWLINES.sub("\n", text)
    return text
