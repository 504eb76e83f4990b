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
from functools import lru_cache

_WORD = re.compile(r"[^\W\d_]+|\d+")
_NO_SPACES = re.compile(r"[\u3040-\u30ff\u3400-\u9fff\uf900-\ufaff\uac00-\ud7af]")


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


@lru_cache(maxsize=512)
def _words(text: str) -> frozenset | None:
    """Return the casefolded words of ``text`` (None for text in a script without spaces).

    Cached: the same line is tested by several matchers in a row.  Words
    glued to digits ("10years", "5ans") are split off, as the patterns do.
    """
    if _NO_SPACES.search(text):
        return None
    return frozenset(_WORD.findall(text.casefold()))
