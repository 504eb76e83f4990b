"""Lines to blocks: each logical line of a posting, classified.

A block is one heading, one bullet, one ``LABEL: value`` line, one line of
prose or one line of page boilerplate, with hard-wrapped continuation lines
joined back into it.  Classification is an ordered list of rules; the first
that fits wins, and its id is kept on the block.
"""
from __future__ import annotations

import re
import unicodedata
from bisect import bisect_left, bisect_right

from ._frozen import value_class
from . import rules
from .document import Document, _collapse, key
from ._cache import compile as _rx
from .extract._vocab import ASCII_TWIN_CHARS
from .model import _fast_maker

HEADING = "heading"
"""A line that names a section, known (``kind`` set) or not (``kind`` None)."""
LABEL = "label"
"""A ``LABEL: value`` line whose label is known: a field or a section with inline text."""
BULLET = "bullet"
TEXT = "text"
BOILERPLATE = "boilerplate"


@value_class(slots=True)
class Block:
    """One logical line of the posting."""

    type: str
    """heading, label, bullet, text or boilerplate."""
    start: int
    """Offset of the content (after any bullet glyph or heading marks)."""
    end: int
    """Offset just past the content (continuation lines included)."""
    first_line: int
    """0-based index of the first physical line."""
    last_line: int
    """0-based index of the last physical line (continuations included)."""
    rule: str
    """Id of the rule that classified it."""
    kind: str | None = None
    """For headings and labels: the section kind or field named (None: unknown)."""
    value_start: int = -1
    """For labels: offset of the value after the colon (-1: none)."""
    blank_before: bool = False
    """Whether a blank line (or the document start) precedes the block."""
    indent: int = 0


# A bullet glyph, a number or a letter that opens a list item.  The glyph must
# be followed by white space, so "-5%" or "*args" are not bullets.
# glyph bullets; "\uf0b7" is the dot of Word's symbol font
_GLYPHS = ("\u2022\u00b7\u2219\u25e6\u25cf\u25cb\u25aa\u25ab\u25a0\u25a1\u25ba\u25b8\u25b9\u25b6"
           "\u27a2\u27a4\u2794\u2192\u2043\u2023\u2713\u2714\u2610\u2611\u29bf\u26ac\u2605\u2606"
           "\u2756\u27a1\uf0b7-*+\u2013\u2014~>")
_CJK_NUMERALS = "\u4e00\u4e8c\u4e09\u56db\u4e94\u516d\u4e03\u516b\u4e5d\u5341"
_CIRCLED = "".join(map(chr, range(0x2460, 0x2474)))  # ① to ⑳
_BULLET = _rx(
    r"[ \t\u00a0\u3000]*"
    r"(?:(?:-{1,2}>|=>"  # ->  -->  =>  (an arrow typed as a bullet)
    r"|[" + re.escape(_GLYPHS) + r"]"
    r"|\(?\d{1,2}[.)](?![\d.])"  # 1.  1)  (1)
    r"|\(?[a-zA-Z]\)"  # a)  (b)
    r"|[a-z]\."  # a.  b.  (lower case: "A. Smith" is an initial; "e.g." has no space after "e.")
    r"|[" + _CJK_NUMERALS + r"]{1,3}[\u3001.\uff0e]"  # 一、 (with a space: "一、岗位职责" is a heading's ordinal)
    r")[ \t\u00a0\u3000]+"
    # CJK numbering, whose punctuation is its own space: 1、 1． （1） 1） ①
    # (a digit may follow "、", never a decimal point: "1、3年以上经验"; "1．5" is a number)
    r"|\d{1,2}(?:\u3001|\uff0e(?!\d))[ \t\u00a0\u3000]*"
    r"|[(\uff08]?\d{1,2}\uff09[ \t\u00a0\u3000]*"
    r"|[" + _CIRCLED + r"][ \t\u00a0\u3000]*"
    # the Japanese middle dot, full and half width, written right before the item: ・決済APIの設計;
    # the Korean one (U+318D): ㆍ결제 시스템 개발
    r"|[\u30fb\uff65\u318d][ \t\u00a0\u3000]*"
    r")"
)
# What a bullet can open with, after its lead (beside a digit, and a letter before ")").
_BULLET_FIRST = _GLYPHS + "=(\uff08" + _CJK_NUMERALS + _CIRCLED + "\u30fb\uff65\u318d"
_BULLET_FIRSTS = frozenset(_BULLET_FIRST)  # (a set lookup is cheaper than a search of the string)
# Markdown heading marks, bold used as a heading, and ordinals before a heading.
_MD_HEADING = _rx(r"[ \t]*(#{1,6})[ \t]+")
_HEADING_ORDINAL = _rx(
    r"""(?:
      \d{1,2}[.)\u3001\uff0e]\s*            # "1." "1)" "1、"
    | [IVX]{1,4}[.)]\s+                     # "II. "
    | [\u4e00\u4e8c\u4e09\u56db\u4e94\u516d\u4e03\u516b\u4e5d\u5341]{1,3}[\u3001.\uff0e]\s*  # 一、
    )""",
    re.VERBOSE,
)
_TERMINAL = ".!?\u3002\uff01\uff1f"
_MAX_HEADING = 120
_MAX_BOILERPLATE = 400
# "About Acme", "Über uns", "À propos de X": such a short line is a heading.
_ABOUT_LINE = _rx(r"(?:about|über|à propos|a propos|acerca de|sobre|om|chi siamo|qui sommes)\b\s*\S", re.IGNORECASE)
_ABOUT_FIRST = "aAàÀcCoOqQsS\u017füÜ"
"""The characters _ABOUT_LINE can start with, ignoring case ("\u017f", a long s, is an "s"): the pattern is tried only after one."""
# Where two tags were glued when a page was copied ("EuropeCyprusHybridSenior"):
# a lower-case letter ending a word, a capital starting the next.  After a
# digit the letter is a unit ("10-25kRMB", "3xAWS"), not the end of a tag.
_COUNT_OPENING = _rx(r"\d+\+?(?:\s*[-\u2013]\s*\d+\+?)?\s+[^\W\d_]")
"""A count and the word it counts ("5+ years ...", "3-5 years ..."): how an item opens, never a heading."""
_GLUED = _rx(r"(?<!\d)[a-z\u00e0-\u00ff][A-Z\u00c0-\u00de]")
# The same glues counted by their capitals: a capital after such a letter.
# Capitals are few and lower-case letters many, so a search that opens on
# the capital tries far fewer places (the count is the same: two glues
# cannot share a letter, one's capital being the next one's first letter).
_GLUE_CAPITAL = _rx(r"[A-Z\u00c0-\u00de](?<=[a-z\u00e0-\u00ff].)(?<!\d..)")


_ASCII_MARKS = str.maketrans({c: " " for c in "*_#|^`"})
_DECO_CATEGORIES = ("So", "Sk", "Cs", "Co")

# Every character of the categories above (Unicode 14.0, the tables of
# Python 3.11's unicodedata), and the marks, as classes: one search tells
# whether a string has any, instead of a category lookup per character.
_DECO_UNIDATA = "14.0.0"
_DECO_BMP_CLASS = (
    r"\u005e\u0060\u00a6\u00a8-\u00a9\u00ae-\u00b0\u00b4\u00b8\u02c2-\u02c5\u02d2-\u02df"
    r"\u02e5-\u02eb\u02ed\u02ef-\u02ff\u0375\u0384-\u0385\u0482\u058d-\u058e\u060e-\u060f\u06de"
    r"\u06e9\u06fd-\u06fe\u07f6\u0888\u09fa\u0b70\u0bf3-\u0bf8\u0bfa\u0c7f\u0d4f\u0d79"
    r"\u0f01-\u0f03\u0f13\u0f15-\u0f17\u0f1a-\u0f1f\u0f34\u0f36\u0f38\u0fbe-\u0fc5\u0fc7-\u0fcc"
    r"\u0fce-\u0fcf\u0fd5-\u0fd8\u109e-\u109f\u1390-\u1399\u166d\u1940\u19de-\u19ff\u1b61-\u1b6a"
    r"\u1b74-\u1b7c\u1fbd\u1fbf-\u1fc1\u1fcd-\u1fcf\u1fdd-\u1fdf\u1fed-\u1fef\u1ffd-\u1ffe"
    r"\u2100-\u2101\u2103-\u2106\u2108-\u2109\u2114\u2116-\u2117\u211e-\u2123\u2125\u2127\u2129"
    r"\u212e\u213a-\u213b\u214a\u214c-\u214d\u214f\u218a-\u218b\u2195-\u2199\u219c-\u219f"
    r"\u21a1-\u21a2\u21a4-\u21a5\u21a7-\u21ad\u21af-\u21cd\u21d0-\u21d1\u21d3\u21d5-\u21f3"
    r"\u2300-\u2307\u230c-\u231f\u2322-\u2328\u232b-\u237b\u237d-\u239a\u23b4-\u23db\u23e2-\u2426"
    r"\u2440-\u244a\u249c-\u24e9\u2500-\u25b6\u25b8-\u25c0\u25c2-\u25f7\u2600-\u266e\u2670-\u2767"
    r"\u2794-\u27bf\u2800-\u28ff\u2b00-\u2b2f\u2b45-\u2b46\u2b4d-\u2b73\u2b76-\u2b95\u2b97-\u2bff"
    r"\u2ce5-\u2cea\u2e50-\u2e51\u2e80-\u2e99\u2e9b-\u2ef3\u2f00-\u2fd5\u2ff0-\u2ffb\u3004"
    r"\u3012-\u3013\u3020\u3036-\u3037\u303e-\u303f\u309b-\u309c\u3190-\u3191\u3196-\u319f"
    r"\u31c0-\u31e3\u3200-\u321e\u322a-\u3247\u3250\u3260-\u327f\u328a-\u32b0\u32c0-\u33ff"
    r"\u4dc0-\u4dff\ua490-\ua4c6\ua700-\ua716\ua720-\ua721\ua789-\ua78a\ua828-\ua82b\ua836-\ua837"
    r"\ua839\uaa77-\uaa79\uab5b\uab6a-\uab6b\ud800-\uf8ff\ufbb2-\ufbc2\ufd40-\ufd4f\ufdcf"
    r"\ufdfd-\ufdff\uff3e\uff40\uffe3-\uffe4\uffe8\uffed-\uffee\ufffc-\ufffd"
)
_DECO_ASTRAL_CLASS = (
    r"\U00010137-\U0001013f\U00010179-\U00010189\U0001018c-\U0001018e\U00010190-\U0001019c"
    r"\U000101a0\U000101d0-\U000101fc\U00010877-\U00010878\U00010ac8\U0001173f"
    r"\U00011fd5-\U00011fdc\U00011fe1-\U00011ff1\U00016b3c-\U00016b3f\U00016b45\U0001bc9c"
    r"\U0001cf50-\U0001cfc3\U0001d000-\U0001d0f5\U0001d100-\U0001d126\U0001d129-\U0001d164"
    r"\U0001d16a-\U0001d16c\U0001d183-\U0001d184\U0001d18c-\U0001d1a9\U0001d1ae-\U0001d1ea"
    r"\U0001d200-\U0001d241\U0001d245\U0001d300-\U0001d356\U0001d800-\U0001d9ff"
    r"\U0001da37-\U0001da3a\U0001da6d-\U0001da74\U0001da76-\U0001da83\U0001da85-\U0001da86"
    r"\U0001e14f\U0001ecac\U0001ed2e\U0001f000-\U0001f02b\U0001f030-\U0001f093"
    r"\U0001f0a0-\U0001f0ae\U0001f0b1-\U0001f0bf\U0001f0c1-\U0001f0cf\U0001f0d1-\U0001f0f5"
    r"\U0001f10d-\U0001f1ad\U0001f1e6-\U0001f202\U0001f210-\U0001f23b\U0001f240-\U0001f248"
    r"\U0001f250-\U0001f251\U0001f260-\U0001f265\U0001f300-\U0001f6d7\U0001f6dd-\U0001f6ec"
    r"\U0001f6f0-\U0001f6fc\U0001f700-\U0001f773\U0001f780-\U0001f7d8\U0001f7e0-\U0001f7eb"
    r"\U0001f7f0\U0001f800-\U0001f80b\U0001f810-\U0001f847\U0001f850-\U0001f859"
    r"\U0001f860-\U0001f887\U0001f890-\U0001f8ad\U0001f8b0-\U0001f8b1\U0001f900-\U0001fa53"
    r"\U0001fa60-\U0001fa6d\U0001fa70-\U0001fa74\U0001fa78-\U0001fa7c\U0001fa80-\U0001fa86"
    r"\U0001fa90-\U0001faac\U0001fab0-\U0001faba\U0001fac0-\U0001fac5\U0001fad0-\U0001fad9"
    r"\U0001fae0-\U0001fae7\U0001faf0-\U0001faf6\U0001fb00-\U0001fb92\U0001fb94-\U0001fbca"
    r"\U000f0000-\U000ffffd\U00100000-\U0010fffd"
)
# (Two classes: one that holds characters past U+FFFF is tested range by range.)
if unicodedata.unidata_version == _DECO_UNIDATA:
    _DECO = _rx("[" + _DECO_BMP_CLASS + r"\ufe0f\u200d*_#|]")
    _DECO_ASTRAL = _rx("[" + _DECO_ASTRAL_CLASS + "]")
    _ASTRAL = _rx(r"[\U00010000-\U0010ffff]")
else:
    _DECO = _DECO_ASTRAL = _ASTRAL = None
# (and the lenticular brackets of a CJK heading: 【業務内容】, 【岗位职责】)
_DECO_EDGES = " \t-\u2013\u2014:\uff1a.\u3002[]=~?!\uff1f\uff01\u3010\u3011"


def _strip_decoration(s: str) -> str:
    """Return ``s`` without emoji, symbols, markdown emphasis and edge punctuation."""
    if s.isascii():
        if "*" in s or "_" in s or "#" in s or "|" in s or "^" in s or "`" in s:
            s = s.translate(_ASCII_MARKS)
        return s.strip(" \t-:.[]=~?!")
    if _DECO is None:
        return _strip_decoration_slow(s)
    if _DECO.search(s) is not None:
        s = _DECO.sub(" ", s)
    if _ASTRAL.search(s) is not None:
        s = _DECO_ASTRAL.sub(" ", s)
    return s.strip(_DECO_EDGES)


def _strip_decoration_slow(s: str) -> str:
    """_strip_decoration of a non-ASCII string, a character at a time."""
    out = []
    for ch in s:
        cat = unicodedata.category(ch)
        if cat in _DECO_CATEGORIES or ch in "\ufe0f\u200d*_#|":
            out.append(" ")
        else:
            out.append(ch)
    return "".join(out).strip(_DECO_EDGES)


def _longest_first(w: str):
    """Sort key: longest first (an alternation takes the first branch that matches),
    then alphabetical, so a pattern's text is the same in every process (sets
    have no fixed order) and the start-up cache finds it."""
    return (-len(w), w)


def heading_key(s: str) -> str:
    """Return the matching key of a heading: no emoji, marks, ordinal or colon."""
    if s.isascii():
        if _PLAIN_HEADING.fullmatch(s) is not None and "  " not in s:
            # letters, digits and inner punctuation, maybe a colon: nothing to remove but that
            return s.lower().rstrip(":.?!")
        # _strip_decoration and key of an ASCII string, in line
        if "*" in s or "_" in s or "#" in s or "|" in s or "^" in s or "`" in s:
            s = s.translate(_ASCII_MARKS)
        s = s.strip(" \t-:.[]=~?!")
        if s[:1] in _ORDINAL_FIRST and s:
            m = _HEADING_ORDINAL.match(s)
            if m:
                # (without an ordinal a second pass would change nothing)
                s = _strip_decoration(s[m.end():])
        return _collapse(s.lower())
    s = _strip_decoration(s)
    c = s[:1]
    if c and (c in _ORDINAL_FIRST or c.isdecimal()):
        m = _HEADING_ORDINAL.match(s)
        if m:
            s = _strip_decoration(s[m.end():])
    return key(s)


# An ASCII heading whose key is its lower case, trailing ":.?!" aside: it
# opens with a letter that starts no ordinal, ends with a letter, a digit, a
# bracket or a quote (before any ":.?!"), and holds no mark or control
# character (nor a double space: tested apart, a repeated group is slow).
_PLAIN_HEADING = _rx(r"""[A-HJ-UWYZa-z](?:[ !"$-)+-\]a-{}~]*[A-Za-z0-9)'"])?[:.?!]*""")
# What an ordinal can start with (beside any decimal digit).
_ORDINAL_FIRST = "0123456789IVX\u4e00\u4e8c\u4e09\u56db\u4e94\u516d\u4e03\u516b\u4e5d\u5341"


class Vocabulary:
    """Heading and label vocabulary of every language, compiled for lookup."""

    def __init__(self, data: dict):
        order = data.get("keyword_order", [])
        conts = sorted({key(w) for w in data.get("continuations") or []}, key=_longest_first)
        self.continuation = _rx(
            r"(?<!\w)(?:" + ("|".join(map(re.escape, conts)) or "(?!)") + r")\s*[:\uff1a]\s*$")
        self.labels: dict[str, str] = {}
        self.exact: dict[str, str] = {}
        kw: dict[str, list[str]] = {k: [] for k in order}
        lead_ins: dict[str, str] = {}
        why: set[str] = set()
        for lang, table in data.items():
            if not isinstance(table, dict):
                continue
            for kind, words in (table.get("labels") or {}).items():
                for w in words:
                    self.labels.setdefault(heading_key(w), kind)
            for kind, words in (table.get("exact") or {}).items():
                for w in words:
                    self.exact.setdefault(heading_key(w), kind)
            for kind, words in (table.get("keywords") or {}).items():
                kw.setdefault(kind, []).extend(words)
            for kind, words in (table.get("lead_ins") or {}).items():
                for w in words:
                    lead_ins.setdefault(heading_key(w), kind)
            why.update(heading_key(str(w)) for w in table.get("why_words") or ())
        self.why_words = frozenset(w for w in why if w)
        # The endings of a lead-in line over a list, longest first (lead_in).
        self.lead_ins: tuple[tuple[str, str], ...] = tuple(
            sorted(((w, k) for w, k in lead_ins.items() if w), key=lambda x: (-len(x[0]), x[0])))
        # The last words of the headings: a phrase before a colon that ends with
        # none is no heading written inside a paragraph (_inline_sections).
        self.exact_lasts = frozenset(k.rsplit(None, 1)[-1] for k in self.exact if k.strip())
        # The first words of the labels, lower-cased: a line that starts with
        # none is no stacked label (label.stacked), and its key is not made.
        self.label_firsts = frozenset(k.split()[0] for k in self.labels if k.split())
        # The answers to a question-shaped label ("Remote job" over "No"), yes or no.
        self.answers = frozenset(heading_key(str(w)) for w in [*(data.get("affirmative") or []),
                                                                *(data.get("negative") or [])])
        # One pattern per kind, tried in keyword_order; longest entries first
        # so "nice to have" is tried before "have".
        self.keywords: list[tuple[str, re.Pattern]] = []
        # Which kinds a key's words can match at all (see _keyword_kinds): an
        # entry matches only where a word of the key starts, and that word is
        # the entry's first word (or, for "benefit*", begins with it).
        self._first_words: dict[str, set[str]] = {}
        self._prefixes: dict[str, list[tuple[str, str]]] = {}
        self._prefix_len = 0
        self._always: set[str] = set()
        prefixes = []
        for kind, words in kw.items():
            if not words:
                continue
            alts = []
            for w in sorted({key(w) for w in words}, key=_longest_first):
                if w.endswith("*"):
                    alts.append(re.escape(w[:-1]) + r"\w*")
                else:
                    alts.append(re.escape(w))
                first = _WORD.match(w)
                if first is None:
                    self._always.add(kind)  # starts with no word: tried on every key
                elif w.endswith("*") and first.end() == len(w) - 1:
                    prefixes.append((first.group(), kind))
                else:
                    self._first_words.setdefault(first.group(), set()).add(kind)
            self.keywords.append((kind, _rx(r"(?<!\w)(?:" + "|".join(alts) + r")(?!\w)")))
        if prefixes:
            self._prefix_len = min(len(w) for w, _ in prefixes)
            for w, kind in prefixes:
                self._prefixes.setdefault(w[:self._prefix_len], []).append((w, kind))

    def _keyword_kinds(self, k: str) -> set[str]:
        """Return the kinds whose keyword pattern may match ``k`` (a superset)."""
        kinds = set(self._always)
        first_words = self._first_words
        prefixes = self._prefixes
        n = self._prefix_len
        for w in _WORD.findall(k):
            hit = first_words.get(w)
            if hit is not None:
                kinds |= hit
            if n and len(w) >= n:
                for p, kind in prefixes.get(w[:n], ()):
                    if w.startswith(p):
                        kinds.add(kind)
        return kinds

    def classify(self, k: str, allow_keywords: bool) -> tuple[str | None, str]:
        """Return (section kind, rule id) for a heading key; kind None if unknown."""
        kind = self.exact.get(k)
        if kind:
            return kind, "heading.exact"
        if allow_keywords:
            kinds = self._keyword_kinds(k)
            if kinds:
                for kind, pat in self.keywords:
                    if kind in kinds and pat.search(k):
                        return kind, "heading.keyword"
        return None, "heading.shape"

    def why_name(self, t: str) -> bool:
        """Return whether a heading line asks why a name ("Why Aldergrove", "Pourquoi Verdon ?"):
        a ``why_words`` word, then one to three capitalised words."""
        words = t.rstrip(" ?:\uff1f\uff1a").split()
        return (2 <= len(words) <= 4 and heading_key(words[0]) in self.why_words
                and all(w[:1].isupper() for w in words[1:]))

    def lead_in(self, k: str) -> str | None:
        """Return the section kind that the ending of a lead-in line's key names, or None.

        The key ends with an entry of ``lead_ins``, the whole key or after a
        space or a comma: "as a nurse practitioner, you will" names the duties.
        """
        for w, kind in self.lead_ins:
            if k.endswith(w) and (len(k) == len(w) or k[-len(w) - 1] in " ,"):
                return kind
        return None


_WORD = _rx(r"\w+")


@rules.derived
def vocabulary() -> Vocabulary:
    """Return the compiled heading vocabulary (built once per process)."""
    return Vocabulary(rules.load("headings"))


@rules.derived
def boilerplate() -> _Boilerplate:
    """Return the boilerplate matcher: the package's lines as one pattern, the user's each on a time limit.

    The lines that end the posting (``page_ends``) are boilerplate lines too;
    ``ends`` tells them from the others once a line is found to be one.
    """
    package, user = rules.split_patterns("boilerplate", "lines")
    end_package, end_user = rules.split_patterns("boilerplate", "page_ends")
    package, user = package + end_package, user + end_user
    b = _Boilerplate(_rx("|".join(f"(?:{p})" for p in package) or r"(?!)", re.IGNORECASE), user, package)
    b.ends = _rx("|".join(f"(?:{p})" for p in end_package) or r"(?!)", re.IGNORECASE)
    b.user_ends = end_user
    return b


class _Boilerplate:
    """Whether a line's key is page boilerplate: the package's patterns, then the user's.

    The package's patterns are reviewed to be linear and run as one ``re``
    pattern; a user's run one by one with a time limit, so a catastrophic
    pattern costs that line its match, never a hung batch.

    Most lines are not boilerplate, and trying every alternative of the
    package's pattern on each is what costs; so the alternatives are also
    grouped by the characters they can start with, and a key is tried only on
    those that can start with its first character (the same answer: a
    ``fullmatch`` of an alternation is a ``fullmatch`` of one of its branches).
    """

    __slots__ = ("package", "user", "ends", "user_ends", "_sources", "_branches", "_by_char", "_by_set", "_countdown", "_gates",
                 "_ascii_openings", "_ascii_pairs")

    # Reading the branches costs a few milliseconds: a one-file run checks
    # too few lines to win them back, and uses the whole pattern throughout.
    _GROUP_AFTER = 500
    """Lines checked with the whole pattern before the branches are grouped."""

    def __init__(self, package: re.Pattern, user: tuple, sources: list[str] | None = None):
        self.package = package
        self.user = user
        self.ends: re.Pattern | None = None
        """The package's lines that end the posting (a board's "Similar jobs"), and the user's."""
        self.user_ends: tuple = ()
        self._sources = sources
        self._branches: list | None = None
        self._by_char: dict[str, re.Pattern | None] | None = None
        self._by_set: dict[tuple, re.Pattern | None] = {}
        self._countdown = self._GROUP_AFTER if sources else -1
        self._gates: dict[str, object] = {}
        self._ascii_openings: dict[str, dict[str, tuple[str, ...]] | None] = {}
        self._ascii_pairs: dict[str, bool] = {}

    def is_end(self, k: str) -> bool:
        """Return whether a boilerplate line's key ends the posting (``page_ends``)."""
        return (self.ends is not None and self.ends.fullmatch(k) is not None
                or any(u.fullmatch(k) for u in self.user_ends))

    def fullmatch(self, k: str) -> bool:
        return self._package(k) or (bool(self.user) and any(u.fullmatch(k) for u in self.user))

    def _package(self, k: str) -> bool:
        by_char = self._by_char
        if by_char is None:
            if self._countdown <= 0 or not k:
                return self.package.fullmatch(k) is not None
            self._countdown -= 1
            if self._countdown > 0:
                return self.package.fullmatch(k) is not None
            self._branches = _first_char_branches(self._sources, self.package.flags)
            if self._branches is None:
                return self.package.fullmatch(k) is not None
            by_char = self._by_char = {}
        elif not k:
            return self.package.fullmatch(k) is not None
        c = k[0]
        try:
            pat = by_char[c]
        except KeyError:
            pat = by_char[c] = self._for_char(c)
        return pat is not None and pat.fullmatch(k) is not None

    def _for_char(self, c: str) -> re.Pattern | None:
        """Return the pattern of the branches that can start with ``c`` (None: no branch can)."""
        chosen = tuple(i for i, (_, first) in enumerate(self._branches) if first is None or first.match(c))
        if chosen not in self._by_set:
            if not chosen:
                self._by_set[chosen] = None
            elif len(chosen) == len(self._branches):
                self._by_set[chosen] = self.package
            else:
                self._by_set[chosen] = _rx("|".join(f"(?:{self._branches[i][0]})" for i in chosen),
                                           self.package.flags & ~re.UNICODE)
        return self._by_set[chosen]

    def gate(self, c: str):
        """Return a test of a key's prefix for the branches that can start with ``c``.

        A key that opens with ``c`` can fullmatch a branch only if its first
        characters match that branch's literal opening ("share on ", "see "):
        the test takes a prefix of a key and returns None when no branch's
        opening agrees with it (the key cannot match), a match otherwise.
        None is returned instead of a test when some branch has no literal
        opening (any prefix may do).  Call after ``_package`` has grouped the
        branches (``_by_char`` set).
        """
        try:
            return self._gates[c]
        except KeyError:
            pass
        openings = self._openings(c)
        gate = None if openings is None else _rx(_prefix_trie(openings) or r"(?!)",
                                                 self.package.flags & ~re.UNICODE).match
        self._gates[c] = gate
        return gate

    def _openings(self, c: str) -> set[str] | None:
        """Return the literal openings of the branches that can start with ``c`` (None: some branch has none)."""
        chosen = [i for i, (_, first) in enumerate(self._branches) if first is None or first.match(c)]
        openings: set[str] = set()
        for i in chosen:
            o = _literal_openings(self._branches[i][0], self.package.flags & ~re.UNICODE)
            if o is None or "" in o:
                return None  # some branch may open with anything
            openings.update(o)
        return openings

    def ascii_openings(self, c: str) -> dict[str, tuple[str, ...]] | None:
        """Return the openings an ASCII key that starts with ``c`` must start with, by their first two characters.

        An ASCII key (lower case) can fullmatch a branch that starts with
        ``c`` only if it starts with one of the table's entries under its
        own first two characters: the branches' literal openings (see
        ``gate``) in lower case, less those that hold a character no ASCII
        character matches.  None when no such table can be told: a branch
        without a literal opening, an opening shorter than two characters,
        or one whose non-ASCII character an ASCII one may match ("\u017f"
        matches "s" ignoring case).  Call after ``_package`` has grouped the
        branches.
        """
        try:
            return self._ascii_openings[c]
        except KeyError:
            pass
        openings = self._openings(c)
        table: dict[str, list[str]] | None = {}
        flags = self.package.flags
        # The characters beyond ASCII that an ASCII one matches: the twins, ignoring case (unless ASCII-only).
        twins = ASCII_TWIN_CHARS if flags & re.IGNORECASE and not flags & re.ASCII else ""
        for o in sorted(openings or ()):
            if not o.isascii():
                if any(ch in twins for ch in o):
                    table = None
                    break
                continue  # no ASCII key starts with it
            o = o.lower()
            if len(o) < 2:
                table = None
                break
            table.setdefault(o[:2], []).append(o)
        if openings is None:
            table = None
        out = None if table is None else {p: tuple(os) for p, os in table.items()}
        self._ascii_openings[c] = out
        return out

    def ascii_pair_open(self, two: str) -> bool:
        """Return whether an ASCII key that opens with ``two`` in lower case (its first two
        characters, or the whole of a one-character key) may fullmatch the package's pattern.

        False when no branch can start with its first character, or when the
        literal openings of those that can (``ascii_openings``) all disagree
        with its first two.  Kept for the next key that opens so (there are
        at most 128 * 128 such openings).  Call after ``_package`` has grouped
        the branches.
        """
        k = two.lower()
        c = k[0]
        by_char = self._by_char
        if c not in by_char:
            by_char[c] = self._for_char(c)
        if by_char[c] is None:
            may = False
        else:
            table = self.ascii_openings(c)
            may = table is None or k in table
        self._ascii_pairs[two] = may
        return may


def _prefix_trie(words: set[str]) -> str:
    """Return a pattern that matches a text agreeing with one of ``words`` as far as both go.

    {"save", "see "} -> "s(?:\\Z|(?:a(?:\\Z|v(?:\\Z|e))|e(?:\\Z|e(?:\\Z|\\ ))))": the text
    ends inside a word, or opens with a whole word.
    """
    trie: dict = {}
    for w in words:
        node = trie
        for ch in w:
            node = node.setdefault(ch, {})
        node[""] = {}

    def rx(node: dict) -> str:
        parts = []
        for ch in sorted(node):
            if ch == "":
                continue
            child = node[ch]
            parts.append(re.escape(ch) + ("" if "" in child else "(?:\\Z|" + rx(child) + ")"))
        return parts[0] if len(parts) == 1 else "(?:" + "|".join(parts) + ")"

    return rx(trie) if trie else ""


def _literal_openings(branch: str, flags: int) -> list[str] | None:
    """Return the literal texts a branch must open with, one per alternative ("" where none); None: unknown.

    "(?:share on (linkedin|x))[ .!]*" -> ["share on linkedin", "share on x"];
    "\\d+ applicants?|over \\d+ applicants" -> ["", "over "].
    """
    from re import _constants as C, _parser

    def walk(seq) -> tuple[list[str], bool] | None:
        # (openings, whether the whole of seq is literal text)
        outs = [""]
        for op, av in seq:
            if op is C.LITERAL:
                outs = [o + chr(av) for o in outs]
                continue
            if op is C.SUBPATTERN:
                _, add_flags, del_flags, sub = av
                if add_flags or del_flags:
                    return outs, False
                r = walk(list(sub))
            elif op is C.BRANCH:
                rs = [walk(list(alt)) for alt in av[1]]
                if any(r is None for r in rs):
                    return None
                r = ([o for r in rs for o in r[0]], all(r[1] for r in rs))
            else:
                return outs, False
            if r is None:
                return None
            outs = [o + x for o in outs for x in r[0]]
            if len(outs) > 64:
                return None
            if not r[1]:
                return outs, False
        return outs, True

    try:
        parsed = _parser.parse(branch, flags)
        if parsed.state.flags & ~(flags | re.UNICODE):
            return None
        r = walk(list(parsed))
    except Exception:  # anything unexpected: no opening known
        return None
    return None if r is None else sorted(set(r[0]))


def _first_char_branches(sources: list[str], flags: int) -> list[tuple[str, re.Pattern | None]] | None:
    """Return the branches of the alternation of ``sources``, each with a class of its possible first characters.

    A source that opens with a group of alternatives ("(apply|share)[ .!]*")
    is split into one branch per alternative ("(?:apply)[ .!]*", ...).  The
    class is None where it cannot be told (a branch may start with anything).
    Returns None when a source cannot be read this way at all.
    """
    from re import _parser

    flags &= ~re.UNICODE
    out = []
    try:
        for src in sources:
            for branch in _split_leading_group(src):
                parsed = _parser.parse(branch, flags)
                if parsed.state.flags & ~(flags | re.UNICODE):
                    return None  # inline flags: leave the pattern whole
                first = _first_chars(list(parsed))
                if first is None or first[1] or not first[0]:
                    out.append((branch, None))
                else:
                    out.append((branch, _rx("[" + "".join(sorted(set(first[0]))) + "]", flags)))
    except Exception:  # anything unexpected: no grouping, the whole pattern on every line
        return None
    return out


def _split_leading_group(src: str) -> list[str]:
    """Return ``src`` as alternatives: "(a|b)rest" -> ["(?:a)rest", "(?:b)rest"]; else [src]."""
    if not src.startswith("(") or src.startswith("(?") and not src.startswith("(?:"):
        return [src]
    body = 3 if src.startswith("(?:") else 1
    depth = 0
    bars = []
    i = 0
    in_class = False
    while i < len(src):
        c = src[i]
        if c == "\\":
            i += 2
            continue
        if in_class:
            if c == "]":
                in_class = False
        elif c == "[":
            in_class = True
            if src[i + 1:i + 2] == "]" or src[i + 1:i + 3] == "^]":
                i += 2 if src[i + 1] == "]" else 3
                continue
        elif c == "(":
            depth += 1
        elif c == ")":
            depth -= 1
            if depth == 0:
                break
        elif c == "|" and depth == 1:
            bars.append(i)
        i += 1
    else:
        return [src]
    close = i
    rest = src[close + 1:]
    if not bars or rest[:1] in ("?", "*", "+", "{"):
        return [src]
    # no back references anywhere: the capturing group may become a plain one
    if re.search(r"\\\d|\(\?P=", src):
        return [src]
    cuts = [body - 1, *bars, close]
    return [f"(?:{src[a + 1:b]}){rest}" for a, b in zip(cuts, cuts[1:])]


def _first_chars(seq) -> tuple[list[str], bool] | None:
    """Return (class items, may be empty) of what a parsed pattern can start with; None: anything."""
    from re import _constants as C

    items: list[str] = []
    categories = {C.CATEGORY_DIGIT: r"\d", C.CATEGORY_NOT_DIGIT: r"\D", C.CATEGORY_SPACE: r"\s",
                  C.CATEGORY_NOT_SPACE: r"\S", C.CATEGORY_WORD: r"\w", C.CATEGORY_NOT_WORD: r"\W"}
    for op, av in seq:
        if op is C.AT or op is C.ASSERT or op is C.ASSERT_NOT:
            continue  # takes no character
        if op is C.LITERAL:
            items.append(re.escape(chr(av)))
            return items, False
        if op is C.IN:
            for o, a in av:
                if o is C.LITERAL:
                    items.append(re.escape(chr(a)))
                elif o is C.RANGE:
                    items.append(re.escape(chr(a[0])) + "-" + re.escape(chr(a[1])))
                elif o is C.CATEGORY and a in categories:
                    items.append(categories[a])
                else:
                    return None
            return items, False
        if op is C.SUBPATTERN or op is C.ATOMIC_GROUP:
            if op is C.SUBPATTERN:
                _, add_flags, del_flags, sub = av
                if add_flags or del_flags:
                    return None
            else:
                sub = av
            r = _first_chars(list(sub))
            if r is None:
                return None
            items += r[0]
            if not r[1]:
                return items, False
            continue
        if op is C.BRANCH:
            empty = False
            for alt in av[1]:
                r = _first_chars(list(alt))
                if r is None:
                    return None
                items += r[0]
                empty = empty or r[1]
            if not empty:
                return items, False
            continue
        if op is C.MAX_REPEAT or op is C.MIN_REPEAT or op is C.POSSESSIVE_REPEAT:
            lo, _, sub = av
            r = _first_chars(list(sub))
            if r is None:
                return None
            items += r[0]
            if lo > 0 and not r[1]:
                return items, False
            continue
        return None
    return items, True


# Blocks are made by the thousand: a frozen dataclass's __init__ sets each
# field through object.__setattr__, which costs more than the classification.
# The maker is a class with the dataclass's slots and a plain __init__; the
# object it fills then becomes an instance of the dataclass (the same
# layout), frozen like any other.
_block = _fast_maker(Block, ("type", "start", "end", "first_line", "last_line", "rule", "kind", "value_start",
                             "blank_before", "indent"))


def _is_all_caps(s: str) -> bool:
    if s.isascii():  # every ASCII letter is cased: isupper() is "no lower case, some upper case"
        return s.isupper() and sum(map(str.isalpha, s)) >= 3
    if not any(map(str.isupper, s)):  # (no upper case letter at all: the common answer, told at once)
        return False
    letters = [c for c in s if c.isalpha()]
    return len(letters) >= 3 and all(c.isupper() for c in letters if c.isascii() or c.isupper() or c.islower()) and any(c.isupper() for c in letters)


_SMALL_WORDS = frozenset({"and", "or", "of", "the", "to", "for", "in", "on", "at", "a", "an", "&", "with", "de", "et", "und"})


def _title_case(t: str) -> bool:
    """Return whether every word of ``t`` but the small ones starts with a capital."""
    words = [w for w in t.split() if w[:1].isalpha()]
    return bool(words) and all(w[0].isupper() or w.casefold() in _SMALL_WORDS for w in words)


def _label_match(t: str) -> tuple[str, int, int] | None:
    """Return (label, its start, end of the match) of a "LABEL: value" line ``t`` (no newline), or None.

    Told without the pattern, whose lazy label is tried a character at a
    time: the label is what stands before the first colon, spaces and tabs
    around it aside (a lone space or tab when nothing else stands there),
    of 1 to 48 characters, and the colon opens no "//".
    """
    c = t.find(":")
    if not t.isascii():
        c2 = t.find("\uff1a")
        if c2 >= 0 and (c < 0 or c2 < c):
            c = c2
    if c <= 0 or t.startswith("//", c + 1):
        return None
    head = t[:c]
    s = len(head) - len(head.lstrip(" \t"))
    e = len(head.rstrip(" \t"))
    if e <= s:  # only spaces and tabs: the label is the last of them
        s = c - 1
        e = c
    elif e - s > 48:
        return None
    rest = t[c + 1:]
    return head[s:e], s, len(t) - len(rest.lstrip(" \t"))


# A separator between fields on one line: a bar, a bullet or a middle dot.
_FIELD_SEPARATOR = _rx(r"[ \t]*\|[ \t]*|[ \t]+[\u2022\u00b7][ \t]+")


def _label_run(t: str, me: int, labels: dict, hkey) -> list[tuple[int, int, int, int, str]]:
    """Return the fields after the first of a line of several ("Job: X | Company: Y").

    ``me`` is where the first field's value starts.  Each is (its separator's
    start, label start, value start, end, kind); a separator counts only where
    a known field's label follows it ("Location: Austin | Remote" is one
    field); [] when none.
    """
    run: list[tuple[int, int, int, int, str]] = []
    for sep in _FIELD_SEPARATOR.finditer(t, me):
        a = sep.end()
        m = _label_match(t[a:])
        if m is None or a + m[2] >= len(t) or len(m[0].split()) > 4:
            continue
        k = labels.get(hkey(m[0]))
        if k is None:
            continue
        if run:  # the field before ends at this separator
            ps, pa, pvs, _, pk = run[-1]
            run[-1] = (ps, pa, pvs, sep.start(), pk)
        run.append((sep.start(), a + m[1], a + m[2], len(t), k))
    return run


_EDGE_SPACE = " \t\u00a0\u3000\u200b\ufeff"
# What a line's last character says of its shape, by one lookup instead of a
# test of each set of characters in turn (0: none of them).
_COLON_END, _QUESTION_END, _EXCLAMATION_END, _STOP_END = 1, 2, 3, 4
_LINE_ENDS = {**dict.fromkeys(_TERMINAL + ",;", _STOP_END), **dict.fromkeys("?\uff1f", _QUESTION_END),
              **dict.fromkeys("!\uff01", _EXCLAMATION_END), **dict.fromkeys(":\uff1a", _COLON_END)}
_TERMINAL_COLON = _TERMINAL + ":\uff1a"
_SECTION_KINDS = frozenset({"responsibilities", "requirements", "nice_to_have", "benefits", "about_company",
                            "about_role", "apply", "eeo", "other"})
_UNSET = object()
_NON_ASCII = _rx(r"[^\x00-\x7f]").search


def _boiler_ruled_out(t: str, by_char: dict, gates: dict, boiler: _Boilerplate) -> bool:
    """Return True if the package's boilerplate cannot fullmatch ``key(t)``, told from ``t``'s opening.

    ``t`` is not ASCII.  Where its second character starts a text that no
    normalisation joins to what stands before it (_breaks_after_first),
    ``key(t)`` opens with the key of its first character: when no branch can
    start with that key's first character (``by_char``), the line is ruled
    out.  Otherwise, when ``t`` opens with two ASCII characters, its text
    before the character ahead of the first non-ASCII one is ASCII and no character after it combines with it, so
    that text's key (its lower case, when it is printable with single
    spaces) opens ``key(t)``: its first character picks the branches
    (``by_char``), and their literal openings must agree with it
    (``_Boilerplate.gate``).  False means the key is to be made and tried.
    """
    c = t[0]
    if not _breaks_after_first(t):
        return False
    if c.isascii():
        if c.isspace():
            return False
        pat = by_char.get(c.lower(), _UNSET)
        if pat is None:
            return True
        if pat is _UNSET or not t[1:2].isascii():
            return False
    else:
        if "\u4e00" <= c <= "\u9fff":  # (an ideograph is its own key)
            f = c
        else:
            f = key(c)[:1]
            if not f:
                return False
        return by_char.get(f, _UNSET) is None
    q = _NON_ASCII(t).start()
    p = t[:q - 1]
    if not p.isprintable() or "  " in p or p[0] == " ":
        return False
    p = p.lower().rstrip(" ")
    c = p[0]
    pat = by_char.get(c, _UNSET)
    if pat is None:
        return True
    if pat is _UNSET:
        return False
    gate = gates.get(c, _UNSET)
    if gate is _UNSET:
        gate = boiler.gate(c)
    return gate is not None and gate(p) is None


_MAX_STACKED_LABEL = 40
"""The longest line read as a field's label over its value (``label.stacked``)."""
_MAX_STACKED_WORDS = 12
_MAX_HEADING_VALUE_WORDS = 6


def _in_run(T: list, i: int, labels: dict, hkey) -> bool:
    """Return whether line ``i`` (over its value on line ``i + 1``) stands among a board's fields
    written each over its value: the line two above it, or two below it, is a field's label too,
    with no blank line between ("Salary" / "£29,970 a year" / "Contract" / "Permanent")."""
    n = len(T)
    up = T[i - 2] if i >= 2 and T[i - 1] is not None else None
    down = T[i + 2] if i + 2 < n else None
    return any(x is not None and len(x) <= _MAX_STACKED_LABEL and hkey(x) in labels for x in (up, down))


def _stacked_label(T: list, i: int, labels: dict, exact: dict, hkey, answers: frozenset) -> str | None:
    """Return the field the line ``T[i]`` labels when it stands over its value ``T[i + 1]``, or None.

    A field's label (not a section's), unless the same words head a section
    of that field ("Location(s)" over its lines) or one of the four lists
    ("Role" over "Lead the platform team"), and unless the label word is a
    value itself ("Remote", "Contract") that is not asked as a question (a
    board's "Remote job" over "No": one of ``answers``), or is over a value of
    its own kind in a run of stacked labels (``_in_run``); in such a run, a
    field's own heading word over a short value is its label too ("Salary").
    """
    t, below = T[i], T[i + 1]
    k = hkey(t)
    kind = labels.get(k)
    if kind is None or kind in _SECTION_KINDS:
        return None
    heading_kind = exact.get(k)
    if heading_kind in LIST_KINDS:
        return None
    in_run = None  # (asked only where it decides)
    if heading_kind is not None:
        in_run = _in_run(T, i, labels, hkey)
        if heading_kind == kind and not in_run:
            return None
    if not _stacked_value(below, labels, exact, hkey, heading_kind is not None and not in_run) and not (
            below is not None and len(below.split()) <= 3 and labels.get(hkey(below)) == kind):
        return None  # (a value that is a label word of the same field is its value: "Location Type" / "Remote")
    from .extract.tags import tag_kind  # (tags reads this module: imported when first needed)

    own = tag_kind(t)
    if own is None or hkey(below) in answers:
        return kind
    # (a value word over another value of its kind, among a board's fields each over its
    # value, labels it: "Contract" / "Permanent" after "Salary" / "£29,970 a year")
    if in_run is None:
        in_run = _in_run(T, i, labels, hkey)
    return kind if in_run and tag_kind(below) == own else None


_CELL_SEPARATOR = _rx(r"[ \t]*\|[ \t]*|\t+")
"""Between a table row's cells, as a copied page or a converted table writes them."""


_NAV_SPLIT = _rx(r"[ \t]*\|[ \t]*|[ \t]{2,}")
_NAV_PARTS = (3, 12)
"""The fewest and most parts of a navigation row."""


def _nav_row(t: str) -> bool:
    """Return whether a line is a site's navigation row: 3 to 12 short parts apart by "|" or wide
    gaps, none with a digit or a sentence's end, two or more of them ``nav_words`` links."""
    parts = [p for p in _NAV_SPLIT.split(t.strip(" \t|")) if p]
    if not _NAV_PARTS[0] <= len(parts) <= _NAV_PARTS[1]:
        return False
    words = _nav_words()
    hits = 0
    for p in parts:
        if len(p.split()) > 5 or any(c.isdigit() for c in p) or p[-1] in ".:;!?,":
            return False
        if heading_key(p) in words:
            hits += 1
    return hits >= 2


_BUTTONS_REACH = 120
"""The longest line read as a row of consent buttons."""
_BUTTONS = 6
"""The most buttons in a row."""
_BUTTON_SEPARATORS = str.maketrans({c: " " for c in "|\u00b7\u2022/[]"})


def _button_row(t: str) -> bool:
    """Return whether a line is a cookie banner's buttons: one to six phrases of boilerplate.yaml
    ``consent_buttons``, apart by blanks or separators."""
    phrases, firsts, longest, openings = _consent_buttons()
    if (t[1:3] if t[0] == "[" else t[:2]).lower() not in openings:
        return False  # (most lines: their first two letters open no button)
    if t.split(None, 1)[0].strip("[]|/\u00b7\u2022").lower() not in firsts:
        return False  # (the key only for a line whose first word opens one)
    words = heading_key(t.translate(_BUTTON_SEPARATORS)).split()
    if not words or words[0] not in firsts:
        return False
    n = len(words)
    # Fewest phrases that cover words[:k], by k (None: no cover).
    best: list = [0] + [None] * n
    for k in range(n):
        if best[k] is None:
            continue
        for m in range(k + 1, min(n, k + longest) + 1):
            if " ".join(words[k:m]) in phrases and (best[m] is None or best[m] > best[k] + 1):
                best[m] = best[k] + 1
    return best[n] is not None and best[n] <= _BUTTONS


@rules.derived
def _consent_buttons() -> tuple[frozenset[str], frozenset[str], int, frozenset[str]]:
    """Return boilerplate.yaml's ``consent_buttons`` and ``consent_settings`` as heading keys, the
    first words of the buttons (a row opens with one), the most words of one, and the first two
    characters of those first words."""
    data = rules.load("boilerplate")

    def keys_of(name):
        return frozenset(k for k in (heading_key(str(w).translate(_BUTTON_SEPARATORS)) for w in data.get(name) or ()) if k)

    buttons = keys_of("consent_buttons")
    keys = buttons | keys_of("consent_settings")
    firsts = frozenset(k.split()[0] for k in buttons)
    return keys, firsts, max((len(k.split()) for k in keys), default=0), frozenset(w[:2] for w in firsts)


_COOKIE_BANNER_WORDS = 80
"""The most words of a line read as a cookie banner."""


def _cookie_banner(t: str) -> bool:
    """Return whether a line is a site's cookie banner in any wording: it names cookies
    (boilerplate.yaml ``cookie_banner.words``) and the site, the visit or consent to them
    (``cookie_banner.context``), in at most 80 words."""
    words, context, firsts, _ = _cookie_words()
    low = t.lower() if t.isascii() else t.casefold()
    if not any(f in low for f in firsts) or len(t.split(None, _COOKIE_BANNER_WORDS)) > _COOKIE_BANNER_WORDS:
        return False  # (one substring test for most lines: no cookie word's opening in it)
    return words.search(low) is not None and context.search(low) is not None


@rules.derived
def _cookie_words() -> tuple[re.Pattern, re.Pattern, tuple[str, ...], tuple[str, ...]]:
    """Return the patterns of boilerplate.yaml's ``cookie_banner`` words and context words (lower
    case, as words), the words' first three characters (a cheap test of a line before the
    patterns), and the shortest of the words none of the others holds (a substring test of a whole
    posting, lower-cased: a case-blind pattern's search would cost some 200 µs)."""
    data = rules.load("boilerplate").get("cookie_banner") or {}
    words = sorted({str(w).casefold() for w in data.get("words") or ()}, key=lambda w: (-len(w), w))
    context = sorted({str(w).casefold() for w in data.get("context") or ()}, key=lambda w: (-len(w), w))

    def alt(ws):
        return _rx(r"(?<!\w)(?:" + ("|".join(map(re.escape, ws)) or "(?!)") + r")(?!\w)")

    cores = tuple(sorted({w for w in words if not any(o != w and o in w for o in words)}))
    return alt(words), alt(context), tuple(sorted({w[:3] for w in words})), cores


_PATH_SPLIT = _rx(r"[ \t]+[>\u203a\u00bb][ \t]+")
_PATH_PART_WORDS = 6
_PATH_HEAD_LINES = 10
"""The first lines of a posting, where a path of two parts is the page's too ("Careers > Vacancies")."""


def _page_path(t: str, head: bool = False) -> bool:
    """Return whether a line is a page's path in any language: three to eight parts apart by
    " > ", " › " or " » " (two in the posting's first lines, ``head``), each of a few words with
    no sentence's end."""
    parts = _PATH_SPLIT.split(t.strip())
    return (3 if not head else 2) <= len(parts) <= 8 and all(
        p and len(p.split()) <= _PATH_PART_WORDS and p[-1] not in ".:;!?," for p in parts)


@rules.derived
def _nav_words() -> frozenset[str]:
    """Return the keys of boilerplate.yaml's ``nav_words`` of every language."""
    data = rules.load("boilerplate").get("nav_words") or {}
    return frozenset(heading_key(str(w)) for ws in data.values() for w in ws or ())


def _table_row(t: str) -> tuple[str, int]:
    """Return (the cells, where they start in ``t``) of a Markdown table's row ("| Location | Leeds |"
    gives "Location | Leeds"), else (``t``, 0)."""
    if len(t) > 2 and t[0] == "|" and t.rstrip()[-1] == "|":
        inner = t.rstrip()[1:-1]
        lead = len(inner) - len(inner.lstrip())
        inner = inner.strip()
        if inner:
            return inner, 1 + lead
    return t, 0


def _cell_label(t: str, labels: dict, exact: dict, hkey, answers: frozenset,
                in_table: bool = False) -> tuple[str, int] | None:
    """Return (field, where its value starts) of a line of two cells, a field's label and its value
    ("Company | Finverse", "Location<TAB>Singapore"); else None.

    ``in_table``: the line before is such a row, so a label that is a value word
    itself is a label too ("Contract | Full-time" under "Location | Lisbon").
    """
    m = _CELL_SEPARATOR.search(t)
    if m is None or m.start() == 0 or m.start() > _MAX_STACKED_LABEL:
        return None
    value = t[m.end():]
    if not value or _CELL_SEPARATOR.search(value) is not None:
        return None  # (three cells or more: a head line's parts, "Acme | Engineer | Berlin")
    # As a label over its value (_stacked_label), but on one line: no section's
    # heading to tell it from ("Role", "Location" head sections only over lines).
    label = t[:m.start()]
    kind = labels.get(hkey(label))
    if kind is None or kind in _SECTION_KINDS or not _stacked_value(value, labels, exact, hkey, False):
        return None
    from .extract.tags import tag_kind  # (tags reads this module: imported when first needed)

    if not in_table and tag_kind(label) is not None and hkey(value) not in answers:
        return None  # a value word itself ("Remote | Senior Engineer": a head line's tag)
    return kind, m.end()


def _stacked_value(t: str | None, labels: dict, exact: dict, hkey, heading: bool) -> bool:
    """Return whether the line ``t`` under a label line can be its value: short,
    neither a label nor a heading of its own, not a "LABEL: value" line.

    Under a label that is also a section's heading ("Company", "Location"),
    only a value of a few words and no sentence ("Corner Shop Ltd"): a
    sentence there opens the section ("Company" / "We sell groceries.").
    """
    if t is None:
        return False
    limit = _MAX_HEADING_VALUE_WORDS if heading else _MAX_STACKED_WORDS
    if len(t.split(None, limit)) > limit or heading and t.rstrip()[-1:] in _TERMINAL:
        return False
    if (":" in t or "\uff1a" in t) and _label_match(t) is not None:
        return False
    k = hkey(t)
    return k not in labels and k not in exact


def _breaks_after_first(t: str) -> bool:
    """Return whether ``key(t)`` is ``key(t[0])`` followed by ``key(t[1:])``'s text, as far as its first character.

    True when ``t`` has one character, or its second is one that NFKC keeps
    apart from what precedes it: a starter that composes with nothing before
    it and whose decomposition opens with one (Unicode 14: every character
    below U+0300, the CJK ideographs U+4E00-U+9FFF and the Hangul syllables).
    """
    x = t[1:2]
    return x < "\u0300" or "\u4e00" <= x <= "\u9fff" or "\uac00" <= x <= "\ud7a3"


# An emoji (with its variation selector) and white space opening a line:
# "✅ 4+ years in product management", "🚀 Own the onboarding funnel".
_EMOJI_BULLET = _rx(
    r"[ \t\u00a0\u3000]*[\u25a0-\u27bf\u2b00-\u2bff\U0001f000-\U0001faff]\ufe0f?[ \t\u00a0\u3000]+"
)


def _emoji_bullets(emoji: list, nonblank: list, T: list, CS: list, CE: list, BU: list, starts: list,
                   raw_lines: list) -> None:
    """Make bullets of the lines that open with an emoji where the nearest line before or after opens so too.

    A run of such lines is a list whose glyph is the emoji; one line alone
    ("🌎 Remote, Berlin") keeps its emoji and stays what it is, and so do the
    lines of the posting's first paragraph, its header ("📍 Berlin" over "🏠
    Hybrid": fields, each with an emoji of its own).
    """
    at = dict(emoji)
    order = {line: k for k, line in enumerate(nonblank)}
    head = 0  # the posting's first lines, up to its first blank line
    while head + 1 < len(nonblank) and nonblank[head + 1] == nonblank[head] + 1:
        head += 1
    if head == 0 and len(nonblank) > 1:
        # a title alone over a blank line: the header is the next paragraph
        # ("🚀 Growth Lead 🚀" / "" / "📍 Berlin" / "💶 €70k")
        head = 1
        while head + 1 < len(nonblank) and nonblank[head + 1] == nonblank[head] + 1:
            head += 1
    head_end = nonblank[head] if nonblank else -1
    def glyph(line: int) -> str:
        return raw_lines[line][:at[line]].strip()

    for i, end in emoji:
        if i <= head_end:
            continue
        k = order[i]
        if (k > 0 and nonblank[k - 1] in at) or (k + 1 < len(nonblank) and nonblank[k + 1] in at):
            if (k + 2 < len(nonblank) and (j := nonblank[k + 1]) in at and nonblank[k + 2] in at
                    and glyph(i) != glyph(j) == glyph(nonblank[k + 2])):
                continue  # "✨ What you'll own" over "✅ ..." / "✅ ...": the heading of a list of one glyph
            if T[i][-1:] in (":", "\uff1a"):
                continue  # "💜 O que oferecemos:" over "🏥 ..." / "🏋️ ...": a heading, no item
            if i + 1 < len(BU) and BU[i + 1] and i + 1 not in at:
                continue  # "🎯 What you'll do" right over "• Own the design ...": the list's heading
            BU[i] = True
            T[i] = raw_lines[i][end:CE[i] - starts[i]]
            CS[i] = starts[i] + end


_ONE_NUMBER = _rx(r"[ \t\u00a0\u3000]*\(?\d{1,2}[.)][ \t\u00a0\u3000]*")


def _number_style(text: str, a: int, e: int) -> str:
    """Return the shape of a bullet's number, its digits left out: "1." and "12." are ".", "(2)" is "()"."""
    g = text[a:e].strip(" \t\u00a0\u3000")
    return ("(" if g[:1] == "(" else "") + g[-1:]


def _numbered_heading(text: str, starts: list, CS: list, T: list, BU: list, i: int, n: int, vocab, hkey):
    """Return the section kind of a numbered bullet that is a section's heading
    (:data:`_UNKNOWN_HEADING` for a heading of no kind the vocabulary knows), or None.

    "1. RESPONSIBILITIES" / "2. Requirements" over their own lines: the
    number's line is a heading the vocabulary knows as a whole, in capitals
    or beside lines that are not items of one numbered list ("1. Education" /
    "2. Experience" is a list).  Beside items numbered otherwise ("5. Duties"
    over "(1) Teach ten classes"), the line heads their list, and a heading's
    keyword is enough ("6. Qualifications (all required)").
    """
    t = T[i]
    if len(t) > 60 or not _ONE_NUMBER.fullmatch(text, starts[i], CS[i]):
        return None
    hk = hkey(t)
    kind = vocab.exact.get(hk)
    if kind is not None and _is_all_caps(t):
        return kind
    style = _number_style(text, starts[i], CS[i])
    sub = False
    for j, step, end in ((i + 1, 1, n), (i - 1, -1, -1)):
        while j != end and T[j] is None:
            j += step
        if j != end and BU[j] and _ONE_NUMBER.fullmatch(text, starts[j], CS[j]):
            if _number_style(text, starts[j], CS[j]) == style:
                return None  # an item of a numbered list, beside the next or the one before
            # A list numbered otherwise that starts under it, at 1, and the line no sentence: its heading
            sub = sub or (step == 1 and text[starts[j]:CS[j]].strip(" \t\u00a0\u3000().") == "1"
                          and t[-1] not in ".;,!?" and len(t.split()) <= 6)
    if kind is None and sub:
        kind = vocab.classify(hk, True)[0] or _UNKNOWN_HEADING
    return kind


_UNKNOWN_HEADING = "?"  # (a numbered heading whose words name no section: it ends the one above)


_SUB_NUMBER = _rx(r"(\d{1,2})\.(\d{1,2})\.?[ \t]+(?=\S)")


def _sub_numbered(nonblank: list, T: list, CS: list, BU: list) -> None:
    """Make bullets of the lines numbered under a section's number ("1.1 Prepare the
    close", "1.2 Reconcile accounts"): a run of two or more that counts 1, 2 ... under
    one number.  A line that only opens with a decimal ("3.5 years of ...") stands alone."""
    runs: dict[str, list[tuple[int, int, int]]] = {}
    for i in nonblank:
        t = T[i]
        if not BU[i] and t[:1].isdecimal() and (m := _SUB_NUMBER.match(t)) is not None:
            runs.setdefault(m.group(1), []).append((i, int(m.group(2)), m.end()))
    for found in runs.values():
        if len(found) < 2 or [n for _, n, _ in found] != list(range(1, len(found) + 1)):
            continue
        for i, _, cut in found:
            BU[i] = True
            T[i] = T[i][cut:]
            CS[i] += cut


def _runs_on(T: list, CS: list, CE: list, IN: list, nonblank: list, width: int) -> bool:
    """Return whether the lines that end near ``width`` read on into the next line, as wrapped text does.

    A list written one item a line ("Own a portfolio of 40 accounts" over
    "Run quarterly business reviews") has many lines of about one length
    too, but each next line starts a new item with a capital.  Text wrapped
    at a width goes on mid-sentence: of the near-width lines that end
    without a stop and have a line under them, at least a quarter go on in
    lower case (or in a script without case).
    """
    ends = lower = 0
    n = len(T)
    for i in nonblank:
        if i + 1 >= n or T[i + 1] is None:
            continue
        if not width - 12 <= CE[i] - CS[i] + IN[i] <= width or T[i][-1] in _TERMINAL:
            continue
        ends += 1
        c = T[i + 1][:1]
        if c.islower() or c.isalpha() and c.upper() == c.lower():
            lower += 1
    return lower > 0 and lower * 4 >= ends


_BRACKET_LABEL = 12
"""The longest CJK field label in brackets ("【工作地点】")."""


def _amount_line(t: str) -> bool:
    """Return whether a short line states an amount of money: a digit and a currency sign ("$45/hr ...", "ab 4.000 €")."""
    return any(c.isdigit() for c in t) and any(unicodedata.category(c) == "Sc" for c in t)


def _bracket_label(t: str, labels: dict, hkey) -> str | None:
    """Return the field kind of a line that opens with a label of the vocabulary in 【】 and goes on
    with its value ("【工作地点】北京市朝阳区"), or None."""
    j = t.find("\u3011", 1, _BRACKET_LABEL + 2)
    if j < 2 or not t[j + 1:].strip():
        return None
    return labels.get(hkey(t[1:j]))


def classify(doc: Document) -> list[Block]:
    """Return the blocks of ``doc`` in order, continuation lines joined."""
    vocab = vocabulary()
    boiler = boilerplate()
    labels = vocab.labels
    label_firsts = vocab.label_firsts
    exact = vocab.exact
    block = _block
    raw_lines = doc._raw
    n = len(raw_lines)
    starts = doc.line_starts  # each line's start offset

    # Each line's content: its text after any bullet glyph, white space
    # trimmed (None for a blank line; never empty), where it starts and ends,
    # whether it is a bullet, its indent.  T has one None more, after the
    # last line: T[i - 1] and T[i + 1] of the first and last lines are None
    # (the document's start and end are blank).
    T: list[str | None] = [None] * (n + 1)
    CS = [0] * n
    CE = [0] * n
    BU = [False] * n
    IN = [0] * n
    nonblank = []
    lengths = []
    emoji: list[tuple[int, int]] = []  # (line, end of its emoji and the space after it)
    numbered = 0  # lines that open with a digit and are no bullet ("1.1 Prepare the close")
    numbered_bullets: set[int] = set()  # bullets whose glyph is a number ("1.", "(2)")
    bullet_match = _BULLET.match
    text = doc.text
    paren = ")" in text  # (a letter opens a bullet only before one: "a) ...")
    low_text = text.lower()
    cookies = any(w in low_text for w in _cookie_words()[3])  # (lines are read for a banner only then)
    for i, raw in enumerate(raw_lines):
        if not raw:
            continue
        ls = raw.lstrip(_EDGE_SPACE)
        if not ls:  # (only the characters trimmed: blank)
            continue
        c = ls[0]
        if c.isspace():  # (a line of other white space: blank or not as strip() says)
            if not raw.strip().strip("\u200b\ufeff\u00a0\u3000"):
                continue
            # Zero-width spaces around a space ("\u200b \u200b"): nothing would
            # be left of its content once trimmed; blank as well.
            if not ls.rstrip(_EDGE_SPACE).strip():
                continue
        # (otherwise a character that neither strip removes: not blank)
        if ls is raw:  # (lstrip gives the string itself when it removes nothing: most lines)
            lead = 0
        else:
            lead = IN[i] = len(raw) - len(ls)
        content_end = len(raw.rstrip(_EDGE_SPACE))
        # A bullet's glyph, digit, letter or bracket stands first after the
        # lead: _BULLET is tried only where one does.
        if c in _BULLET_FIRSTS or c.isdecimal() or paren and ls[1:2] == ")" or ls[1:2] == "." and "a" <= c <= "z":
            m = bullet_match(raw)
        else:
            m = None
        if m is not None and (c0 := m.end()) < len(raw.rstrip()) and c0 < content_end:
            # (a glyph with nothing after it but invisible characters ("- \u200b") is no bullet)
            BU[i] = True
            if c.isdecimal() or c == "(":
                numbered_bullets.add(i)
            lengths.append(content_end - c0 + lead)
        else:
            c0 = lead
            if c >= "\u25a0" and (c < "\u2c00" or "\U0001f000" <= c <= "\U0001faff"):  # (no CJK line is read)
                if (m := _EMOJI_BULLET.match(raw)) is not None and m.end() < content_end:
                    emoji.append((i, m.end()))  # a bullet if a line next to it opens so too (below)
            if c.isdecimal():
                numbered += 1
            lengths.append(content_end)  # (its lead and content)
        line_start = starts[i]
        T[i] = raw[c0:content_end]
        CS[i] = line_start + c0
        CE[i] = line_start + content_end
        nonblank.append(i)

    if len(emoji) > 1:
        _emoji_bullets(emoji, nonblank, T, CS, CE, BU, starts, raw_lines)
    if numbered > 1:
        _sub_numbered(nonblank, T, CS, BU)
    # A hard-wrapped document has many lines ending close to one width.
    wrap = 0
    if len(lengths) >= 8:
        lengths.sort()
        p90 = lengths[int(len(lengths) * 0.9) - 1]
        if 50 <= p90 <= 100:
            near = bisect_right(lengths, p90) - bisect_left(lengths, p90 - 12)
            if near >= max(4, len(lengths) // 5) and _runs_on(T, CS, CE, IN, nonblank, p90):
                wrap = p90
    first_content = nonblank[0] if nonblank else -1

    # Per-posting memos: a line's label match and a string's heading key are
    # asked for by several rules.
    LM: list = [_UNSET] * n
    hkeys: dict[str, str] = {}

    def hkey(s: str) -> str:
        k = hkeys.get(s)
        if k is None:
            k = hkeys[s] = heading_key(s)
        return k

    def continuation(i: int, end: int) -> tuple[int, int]:
        """Return (end offset, last line index) of the logical line starting at ``i``.

        The caller has seen that line ``i`` is not the first and that a
        non-blank line follows it.  The posting's first line is never
        continued: it is a title or a name, and the line under it is another
        header line, however wide it is.
        """
        last = i
        # A bullet's hanging indent: a line indented to where the bullet's text
        # starts goes on with it ("1. Perform ... according to the PM" over
        # "   schedule.").
        hang = CS[i] - starts[i] if BU[i] else 0
        while last + 1 < n:
            nt = T[last + 1]
            if nt is None or BU[last + 1]:
                break
            ptext = T[last].rstrip()
            if not ptext or ptext[-1] in _TERMINAL_COLON:
                break
            plen = CE[last] - CS[last] + IN[last]
            if not (hang and IN[last + 1] == hang
                    or wrap and plen >= wrap * 0.6
                    or nt[0].islower() and plen >= 40
                    and (wrap or ptext[-1] in ",;-/&(" or ptext.rsplit(None, 1)[-1].islower())):
                break
            # a "LABEL: value" line starts a block of its own
            m = LM[last + 1]
            if m is _UNSET:
                m = LM[last + 1] = _label_match(nt) if ":" in nt or "\uff1a" in nt else None
            if m is not None:
                g = m[0]
                if hkey(g) in labels or (g.isupper() and len(g.split()) <= 5):
                    break
            last += 1
            end = CE[last]
        return end, last

    # Whether a line may hold an ASCII white space character other than the
    # space (str.split() splits at each): told once for the whole text, by
    # fast searches for each, instead of a line's isprintable() (a lookup per
    # character).  Without one, an ASCII line's key is its lower case unless
    # it has a double space; an ASCII control character that is no white
    # space (printable or not) changes neither the key nor its word count.
    spaced = ("\t" in text or "\x0b" in text or "\x0c" in text or "\r" in text or "\x1c" in text
              or "\x1d" in text or "\x1e" in text or "\x1f" in text)
    blocks: list[Block] = []
    append = blocks.append
    package_match = boiler._package
    by_char = boiler._by_char  # (None until the branches are grouped)
    gates = boiler._gates
    ascii_openings = boiler._ascii_openings
    ascii_pairs = boiler._ascii_pairs
    user = boiler.user
    line_end = _LINE_ENDS.get
    i = 0
    while i < n:
        t = T[i]
        if t is None:
            i += 1
            continue
        blank_before = T[i - 1] is None  # (T[-1] is the None after the last line)
        blank_after = T[i + 1] is None
        # Boilerplate lines are short; a paragraph is never one, and its key
        # (NFKC and casefolding of the whole paragraph) is not worth making.
        k = None
        simple = False  # ASCII with single spaces and no other white space: its words are its spaces + 1
        ascii_key = False
        if len(t) <= _MAX_BOILERPLATE:
            if t.isascii():
                # key(t) of a line's content (no white space at its ends)
                if "  " in t or spaced and not t.isprintable():
                    ascii_key = True
                    k = " ".join(t.lower().split())
                else:
                    simple = True
                    if by_char is None or user:
                        ascii_key = True
                        k = t.lower()
                    else:
                        # The key's first two characters are the line's in lower case:
                        # they rule most lines out, told once for each pair.
                        two = t[:2]
                        may = ascii_pairs.get(two)
                        if may is None:
                            may = boiler.ascii_pair_open(two)
                        if may:
                            ascii_key = True
                            k = t.lower()
                        # (else k stays None: made below only if a rule needs it)
            elif by_char is not None and not user and _boiler_ruled_out(t, by_char, gates, boiler):
                pass  # (k stays None: made below only if a rule needs it)
            else:
                k = key(t)
        if k is not None:
            if by_char is not None and k:
                c = k[0]
                pat = by_char.get(c, _UNSET)
                if pat is _UNSET:
                    hit = package_match(k)
                elif pat is None:
                    hit = False
                elif ascii_key:
                    table = ascii_openings.get(c, _UNSET)
                    if table is _UNSET:
                        table = boiler.ascii_openings(c)
                    if table is None:
                        hit = pat.fullmatch(k) is not None
                    else:
                        ops = table.get(k[:2])
                        hit = ops is not None and k.startswith(ops) and pat.fullmatch(k) is not None
                else:
                    hit = pat.fullmatch(k) is not None
            else:
                hit = package_match(k)
            if hit or user and any(u.fullmatch(k) for u in user):
                if boiler.is_end(k):
                    # A board's own listings ("Similar jobs", "People also viewed"):
                    # the posting ended above; every line from here is the page's.
                    for j in range(i, n):
                        if T[j] is not None:
                            append(block(BOILERPLATE, CS[j], CE[j], j, j, "boilerplate.page_end", None, -1,
                                         T[j - 1] is None))
                    break
                append(block(BOILERPLATE, CS[i], CE[i], i, i, "boilerplate.line", None, -1, blank_before))
                i += 1
                continue
        if ("|" in t or "  " in t) and not BU[i] and _nav_row(t):
            # "Job search  Profile  Career advice  Company reviews": a site's navigation row
            append(block(BOILERPLATE, CS[i], CE[i], i, i, "boilerplate.nav_row", None, -1, blank_before))
            i += 1
            continue
        if not BU[i] and len(t) <= _BUTTONS_REACH and _button_row(t):
            # "Alle akzeptieren   Einstellungen   Nur notwendige", "[Aceptar] [Configurar]": a banner's buttons
            append(block(BOILERPLATE, CS[i], CE[i], i, i, "boilerplate.buttons", None, -1, blank_before))
            i += 1
            continue
        if cookies and not BU[i] and _cookie_banner(t):
            # "Indeed utilise des cookies pour vous offrir ... Accepter | Refuser": a site's banner
            append(block(BOILERPLATE, CS[i], CE[i], i, i, "boilerplate.cookie_banner", None, -1, blank_before))
            i += 1
            continue
        if (">" in t or "\u203a" in t or "\u00bb" in t) and not BU[i] and _page_path(t, i < _PATH_HEAD_LINES):
            # "Nabídky práce › IT – vývoj aplikací › Brno", "採用情報 > 募集職種一覧 > エンジニア": the page's path
            append(block(BOILERPLATE, CS[i], CE[i], i, i, "boilerplate.page_path", None, -1, blank_before))
            i += 1
            continue
        m = LM[i]
        if m is _UNSET:
            m = LM[i] = _label_match(t) if ":" in t or "\uff1a" in t else None
        if i in numbered_bullets and (kind := _numbered_heading(text, starts, CS, T, BU, i, n, vocab, hkey)) is not None:
            # "1. RESPONSIBILITIES" over "1.1 Prepare the close": a numbered section's heading.
            append(block(HEADING, CS[i], CE[i], i, i, "heading.numbered",
                         None if kind is _UNKNOWN_HEADING else kind, -1, blank_before))
            i += 1
            continue
        if BU[i]:
            # "• Location: Paris" is a field, not an item.  Only fields
            # (location, salary, contract type, dates ...): a bullet such as
            # "• Experience: 5 years" is an item of its list and stays one.
            if m is not None and m[2] < len(t) and len(m[0].split()) <= 4:
                kind = labels.get(hkey(m[0]))
                if kind is not None and kind not in _SECTION_KINDS:
                    append(block(LABEL, CS[i] + m[1], CE[i], i, i, "label.bullet", kind, CS[i] + m[2]))
                    i += 1
                    continue
        else:
            # A heading or a label?
            is_first = i == first_content
            first = t[0]
            if m is None and first == "\u3010" and (kind := _bracket_label(t, labels, hkey)) is not None:
                # "【工作地点】北京市朝阳区", "【勤務地】東京都渋谷区": a CJK field label in brackets, its value after it.
                append(block(LABEL, CS[i], CE[i], i, i, "label.bracket", kind, CS[i] + t.index("\u3011") + 1,
                             blank_before))
                i += 1
                continue
            if m is not None:
                g, gs, me = m
                if len(g.split()) <= 6:
                    lk = hkey(g)
                    kind = labels.get(lk)
                    if kind is None:
                        kind = vocab.classify(lk, not is_first)[0]
                        if me < len(t) and kind not in _KEYWORD_LABEL_KINDS:
                            kind = None  # (a value after a keyword names only a field: "Annual salary: ...")
                    if kind is not None:
                        if me >= len(t):
                            append(block(HEADING, CS[i], CE[i], i, i, "heading.label", kind, -1, blank_before))
                            i += 1
                            continue
                        if "|" in t or "\u2022" in t or "\u00b7" in t:
                            run = _label_run(t, me, labels, hkey)
                            if run:
                                # "Job: Data Engineer | Company: Acme | Location: Austin": a
                                # field of its own after each separator that opens a label.
                                append(block(LABEL, CS[i] + gs, CS[i] + run[0][0], i, i, "label.known", kind,
                                             CS[i] + me, blank_before))
                                for _, a, vs, e, k2 in run:
                                    append(block(LABEL, CS[i] + a, CS[i] + e, i, i, "label.run", k2, CS[i] + vs))
                                i += 1
                                continue
                        # A label's value may wrap onto the next lines, like prose.
                        end, last = (CE[i], i) if blank_after or i <= first_content else continuation(i, CE[i])
                        append(block(LABEL, CS[i] + gs, end, i, last, "label.known", kind, CS[i] + me,
                                     blank_before))
                        i = last + 1
                        continue
            elif (("|" in t or "\t" in t) and (row := _table_row(t))[0].split(None, 1)[0].lower() in label_firsts
                  and (cell := _cell_label(row[0], labels, exact, hkey, vocab.answers,
                                           blocks and blocks[-1].rule == "label.cell" and blocks[-1].last_line == i - 1))
                  is not None):
                # A table's row of a field and its value, as a page's table reads when copied
                # ("Company | Finverse", "Location<TAB>Singapore", a Markdown table's "| Location | Leeds |"):
                # as "Company: Finverse".
                a = CS[i] + row[1]
                append(block(LABEL, a, a + len(row[0]), i, i, "label.cell", cell[0], a + cell[1], blank_before))
                i += 1
                continue
            elif (not blank_after and len(t) <= _MAX_STACKED_LABEL and not BU[i + 1]
                  and t.split(None, 1)[0].lower() in label_firsts
                  and (kind := _stacked_label(T, i, labels, exact, hkey, vocab.answers)) is not None):
                # A field's label over its value, on the line right under it
                # ("Job Title" / "Registered Nurse", a board's "Pay" / "$19.50
                # an hour"): one label block, as "Job Title: Registered Nurse".
                # (Before the headings: "Company" over "Corner Shop Ltd" is this field.)
                append(block(LABEL, CS[i], CE[i + 1], i, i + 1, "label.stacked", kind, CS[i + 1], blank_before))
                i += 2
                continue
            # The line's shape, by the rules below in order.
            j = i + 1 if not blank_after else i + 2 if i + 2 < n and T[i + 2] is not None else -1
            next_is_bullet = j >= 0 and BU[j]
            shape = None
            if first in "# \t" and _MD_HEADING.match(t):
                shape = "heading.markdown"
            elif first == "*" and t.startswith("**") and t.rstrip(":").endswith("**") and len(t) > 4:
                shape = "heading.bold"
            else:
                last_char = t[-1]
                if last_char.isspace():
                    last_char = t.rstrip()[-1]
                if len(t) > 90:
                    # "Le poste comprend les missions suivantes :" over a list: a lead-in
                    # sentence that names the list; it counts only if its words say what.
                    if last_char in ":\uff1a" and next_is_bullet and len(t.split()) <= 30:
                        shape = "heading.leadin"
                    elif len(t) > _MAX_HEADING:
                        shape = False  # too long for any heading of the vocabulary
                    w = 99
                else:
                    w = t.count(" ") + 1 if simple else len(t.split())
                    ending = line_end(last_char, 0)
                    if w > 10:
                        if ending == _COLON_END and next_is_bullet and w <= 30:
                            shape = "heading.leadin"
                    elif ending == _COLON_END:
                        shape = "heading.colon"
                    elif ending == _QUESTION_END and w <= 6:
                        shape = "heading.question"  # "Who are you?", "Qui sommes-nous ?"
                    elif ending == _EXCLAMATION_END and next_is_bullet and w <= 8:
                        shape = "heading.exclamation"  # "What we offer you!" over a list
                    elif ending:  # (any other stop, a comma or a semicolon)
                        pass
                    elif (w <= 8 and _is_all_caps(t) and not all(any(map(str.isdigit, x)) for x in t.split())
                          and not _amount_line(t)):
                        # (not a code whose every word holds a digit: a postcode "NF1 2AB"; nor an
                        # amount whose currency is in capitals: "$150,000 – $185,000 USD")
                        shape = "heading.caps"
                    elif w <= 6 and first in _ABOUT_FIRST and _ABOUT_LINE.match(t):
                        shape = "heading.about"
                    elif next_is_bullet and w <= 10:
                        shape = "heading.before_list"
                    elif blank_before and blank_after and w <= 6 and (first.isupper() or not first.isalpha()) and not (
                            first.isdecimal() and _COUNT_OPENING.match(t)) and not _amount_line(t):
                        # (not a count of something: "5+ years experience with Python" alone between blank lines is an
                        # item; nor an amount: "$45/hr depending on experience" is pay, not a requirements heading)
                        if len(_GLUE_CAPITAL.findall(t)) < 2:  # "EuropeSpainHybridSenior": a glued tag line
                            shape = "heading.standalone"
                    elif (blank_before and not blank_after and not BU[j] and w <= 4
                          and _title_case(t) and len(T[j].split()) >= 5 and not _title_case(T[j])):
                        # "Required Experience" over lines whose bullets were lost in
                        # copying; counts only when its words name a section (below).
                        shape = "heading.titlecase"
                    elif (blank_before and not blank_after and not BU[j] and w <= 10
                          and vocab.lead_in(hkey(t)) is not None):
                        # "It's a plus if you have" over lines whose bullets were lost: a
                        # lead-in without its colon; counts only when its words name a section.
                        shape = "heading.leadin"
                if shape is None and len(t) <= _MAX_HEADING and not is_first:
                    # No shape: only a heading of the vocabulary, of at most eight words.
                    if w > 8 and len(t) > 90:
                        w = len(t.split())
                    if w <= 8:
                        hk = hkey(t)
                        if hk:
                            kind = exact.get(hk)
                            if kind:
                                append(block(HEADING, CS[i], CE[i], i, i, "heading.exact", kind, -1, blank_before))
                                i += 1
                                continue
            if shape:
                hk = hkey(t)
                if hk and (not is_first or shape == "heading.markdown"):
                    kind, rule = vocab.classify(hk, True)
                    if (rule == "heading.keyword" and len(t) > _LEAD_IN_SENTENCE and (shape == "heading.colon" or shape == "heading.leadin")
                            and (li := vocab.lead_in(hk)) is not None):
                        # "We're looking for a staff engineer to own our platform. Concretely, you'd:":
                        # the ending of a long lead-in names its list, not a word inside it
                        kind, rule = li, "heading.lead_in"
                    if kind is None and (next_is_bullet and shape == "heading.colon" or shape == "heading.leadin"):
                        # "As a Nurse Practitioner, you will:" over a list: its last words name the list.
                        kind = vocab.lead_in(hk)
                        rule = "heading.lead_in"
                    if kind is None and next_is_bullet and vocab.why_words and vocab.why_name(t):
                        # "Why Aldergrove" over a list: what the employer offers
                        kind, rule = "benefits", "heading.why_name"
                    start = CS[i]
                    if shape == "heading.markdown":
                        start += _MD_HEADING.match(t).end()  # the heading's text, without its "#" marks
                    if kind is not None:
                        append(block(HEADING, start, CE[i], i, i, rule, kind, -1, blank_before))
                        i += 1
                        continue
                    if shape != "heading.leadin" and shape != "heading.titlecase":
                        if shape == "heading.colon" and vocab.continuation.search(key(t) if k is None else k):
                            shape = "heading.continuation"  # "... such as:" leads into the list it stands in
                        append(block(HEADING, start, CE[i], i, i, shape, None, -1, blank_before))
                        i += 1
                        continue
        # Prose or a list item, with the lines it wraps onto (never onto a bullet).
        if blank_after or i <= first_content or BU[i + 1]:
            end, last = CE[i], i
        else:
            end, last = continuation(i, CE[i])
        if BU[i]:
            append(block(BULLET, CS[i], end, i, last, "block.bullet", None, -1, blank_before, IN[i]))
        else:
            if end - CS[i] >= _INLINE_MIN and (text.count(":", CS[i], end) >= 2 or i > first_content and (
                    text.find(" * ", CS[i], end) >= 0 or text.find(" \u2022 ", CS[i], end) >= 0)):
                pieces = _inline_pieces(text, CS[i], end, vocab, hkey, i > first_content)
                if pieces:
                    # "... What you can expect: * Work that is worthy * Respect and ...": a
                    # list flattened into its paragraph, each glyph opening an item.
                    for typ, a, e, rule, kind in pieces:
                        la = bisect_right(starts, a) - 1
                        append(block(typ, a, e, la, bisect_right(starts, e - 1) - 1, rule, kind, -1,
                                     blank_before if a == CS[i] else False))
                    i = last + 1
                    continue
            # (most paragraphs do not end with a colon: the test is made here)
            lead_in = _inline_heading(text, CS[i], end, last, n, T, exact, hkey) if T[last][-1] in ":\uff1a" else None
            if lead_in is None:
                append(block(TEXT, CS[i], end, i, last, "block.text", None, -1, blank_before, IN[i]))
            else:
                cut, hstart, kind = lead_in
                append(block(TEXT, CS[i], cut, i, last, "block.text", None, -1, blank_before, IN[i]))
                append(block(HEADING, hstart, end, last, last, "heading.inline", kind))
        i = last + 1
    if blocks and (t0 := blocks[0]).type == TEXT and t0.first_line == t0.last_line and _feed_poster(text[t0.start:t0.end]):
        _poster_lines(blocks, text)
    return blocks


_FEED_SEP = _rx(r"[ \t]+[\u2022\u00b7][ \t]+")
_FEED_POSTER_WORDS = 6
"""The most words of a social feed's poster's name before their connection's degree."""


def _feed_poster(t: str) -> bool:
    """Return whether a line is a social feed's poster: a name, a dot and the degree of the
    connection ("Marta Figueira • 2nd", boilerplate.yaml ``feed_degrees``)."""
    parts = _FEED_SEP.split(t)
    return (len(parts) == 2 and 0 < len(parts[0].split()) <= _FEED_POSTER_WORDS
            and parts[1].strip().lower() in _feed_degrees())


@rules.derived
def _feed_degrees() -> frozenset[str]:
    """Return boilerplate.yaml's ``feed_degrees`` of every language, lower case."""
    data = rules.load("boilerplate").get("feed_degrees") or {}
    return frozenset(str(w).lower() for ws in data.values() for w in ws or ())


def _poster_lines(blocks: list, text: str) -> None:
    """Make the poster's lines over a feed post boilerplate (rule boilerplate.feed_poster): the
    name line, the headline under it ("Co-founder & CEO at Pollenpath"), and the post's age
    ("1w • Edited") when it is next: the poster's, not the job's."""
    n = 1
    if len(blocks) > 1 and blocks[1].type in (TEXT, HEADING) and blocks[1].first_line == blocks[0].last_line + 1:
        n = 2
        if (len(blocks) > 2 and blocks[2].first_line == blocks[1].last_line + 1
                and text[blocks[2].start:blocks[2].start + 1].isdigit() and _FEED_SEP.search(text, blocks[2].start, blocks[2].end)):
            n = 3
    for k in range(n):
        b = blocks[k]
        blocks[k] = _block(BOILERPLATE, b.start, b.end, b.first_line, b.last_line, "boilerplate.feed_poster", None, -1,
                           b.blank_before)


_LEAD_IN_SENTENCE = 60
"""The shortest heading line read by its lead-in ending before the keywords in it."""
_INLINE_MIN = 150
"""The shortest paragraph read for the sections or a list flattened into it (``_inline_pieces``)."""


def _item_opens(text: str, i: int) -> bool:
    """Return whether an item's text starts at ``i`` (a word or a bracket, after a glyph)."""
    return i < len(text) and (text[i].isalnum() or text[i] in "_(")


_INLINE_HEADING_MAX = 5
_NONSPACE = _rx(r"\S+")
_INLINE_HEADING_REACH = 60
"""How far before a colon the words of an inline heading are looked for."""
_HEADING_STOPS = ".!?;,)]\u3002"


def _inline_sections(text: str, start: int, end: int, vocab, hkey) -> list | None:
    """Return the (start, end, value start, kind) of the section headings written inside a paragraph, or None.

    A posting whose line breaks were lost ("... (Hybrid) About us: Acme builds
    payment software. Responsibilities: Design APIs. Requirements: 5+ years
    ..."): the last one to five words before a colon, capitalised, that are a
    heading of the vocabulary naming a section.  Two at least make such a
    paragraph; one heading-like phrase in prose ("the role: ...") does not.
    """
    exact = vocab.exact
    lasts = vocab.exact_lasts
    found = []
    c = text.find(":", start, end)
    while c >= 0:
        nxt = c + 1
        last = text[text.rfind(" ", start, c - 1) + 1:c].strip() if nxt < end and text[nxt] in " \t" else ""
        if last and ((last.lower() if last.isascii() else hkey(last)) in lasts or text[c - 1] == " "):
            # The words before the colon, back to a stop or a comma (at most five);
            # first, whether the last of them ends a heading at all.
            lo = max(start, c - _INLINE_HEADING_REACH)
            head = text[lo:c].rstrip(" \t")
            cut = max(map(head.rfind, _HEADING_STOPS))
            words = list(_NONSPACE.finditer(head, cut + 1))[-_INLINE_HEADING_MAX:]
            if not words or hkey(words[-1].group()) not in lasts:
                words = ()
            for w in words:  # (the longest phrase first)
                if w.group()[0].isupper() and (kind := exact.get(hkey(head[w.start():]))) in _SECTION_KINDS:
                    rest = text[nxt:end]
                    found.append((lo + w.start(), nxt, nxt + len(rest) - len(rest.lstrip(" \t")), kind))
                    break
        c = text.find(":", nxt, end)
    return found if len(found) >= 2 else None


def _inline_pieces(text: str, start: int, end: int, vocab, hkey, lists: bool) -> list | None:
    """Return the blocks of a paragraph that holds a flattened posting's sections or a list, or None.

    The sections first (``_inline_sections``), each section's prose then
    read for a list (``_inline_list``; with ``lists`` false, only the
    sections: the posting's first line is a list of tags more often).
    """
    heads = _inline_sections(text, start, end, vocab, hkey) if text.count(":", start, end) >= 2 else None
    if heads is None:
        return _inline_list(text, start, end, vocab, hkey) if lists else None
    out: list = []

    def prose(a: int, e: int) -> None:
        while a < e and text[a].isspace():
            a += 1
        e = a + len(text[a:e].rstrip())
        if e > a:
            out.extend(_inline_list(text, a, e, vocab, hkey) or [(TEXT, a, e, "block.text", None)])

    prose(start, heads[0][0])
    for j, (hs, he, vs, kind) in enumerate(heads):
        out.append((HEADING, hs, he, "heading.inline_section", kind))
        prose(vs, heads[j + 1][0] if j + 1 < len(heads) else end)
    return out


def _inline_list(text: str, start: int, end: int, vocab, hkey) -> list | None:
    """Return the blocks of a paragraph that holds a list written on its line, or None.

    A scraper that flattens a page's list writes its items after the glyphs,
    on the paragraph's line: "About APTIM ... What you can expect from APTIM:
    * Work that is worthy of your time * Respect and flexibility ...".  Two
    glyphs at least, each between spaces before a word, make one.  The
    prose before the first glyph is a paragraph; its last sentence, when it
    ends with a colon and is short, is the list's heading (of the kind its
    words name, or none); each item runs to the next glyph.  Each piece is
    (type, start, end, rule, kind).
    """
    # Each glyph as (where it starts, where its item starts): " * " or " \u2022 "
    # before a word, or one that opens the prose ("Benefits: * 30 days vacation * ...").
    seps = [(start, start + 2)] if text.startswith(("* ", "\u2022 "), start) and _item_opens(text, start + 2) else []
    for glyph in (" * ", " \u2022 "):
        g = text.find(glyph, start, end)
        while g >= 0:
            if _item_opens(text, g + 3):
                seps.append((g, g + 3))
            g = text.find(glyph, g + 3, end)
    if len(seps) < 2:
        return None
    seps.sort()
    out: list = []
    lead_end = seps[0][0]
    lead = text[start:lead_end].rstrip()
    if lead:
        lead_end = start + len(lead)
        hs = -1
        if lead[-1] in ":\uff1a":
            cut = max(map(lead.rfind, _TERMINAL))  # (-1: the whole lead is one sentence)
            tail = lead[cut + 1:-1]
            if 0 < len(tail.split()) <= _INLINE_HEADING_WORDS:  # (as _inline_heading's)
                hs = start + cut + 1 + len(tail) - len(tail.lstrip())
        if hs < 0:
            out.append((TEXT, start, lead_end, "block.text", None))
        else:
            if text[start:hs].strip():
                out.append((TEXT, start, start + cut + 1, "block.text", None))
            kind = vocab.classify(hkey(text[hs:lead_end - 1]), True)[0]
            # (a heading that names nothing opens a topic of its own, as "Technologies used:")
            out.append((HEADING, hs, lead_end, "heading.inline_list" if kind else "heading.colon", kind))
    for j, (_, a) in enumerate(seps):
        e = seps[j + 1][0] if j + 1 < len(seps) else end
        e = a + len(text[a:e].rstrip())
        if e > a:
            out.append((BULLET, a, e, "block.inline_bullet", None))
    return out


_KEYWORD_LABEL_KINDS = frozenset({"salary", "location"})
"""The kinds a label with its value is read as by a keyword of its name ("Annual salary: EUR
50,000", "Work location: Lyon"), not by its whole name: fields, whose value says itself."""
LIST_KINDS = frozenset({"responsibilities", "requirements", "nice_to_have", "benefits"})
"""Section kinds whose items become the four list fields (sections.py reads them from here)."""
_INLINE_HEADING_WORDS = 6


def _inline_heading(text: str, start: int, end: int, last: int, n: int, T: list, exact: dict, hkey):
    """Return (end of the prose, start of the heading, list kind) when a paragraph ends with a list's heading.

    "... en mer hållbar och hälsosam värld!Vi erbjuder:" over the perks: the
    last sentence of a paragraph, ending with a colon, of at most six words,
    is a heading of the vocabulary that names a list, and lines follow it.
    None otherwise (the paragraph stays whole).  The caller has seen the colon.
    """
    if last + 1 >= n or (T[last + 1] is None and (last + 2 >= n or T[last + 2] is None)):
        return None
    seg = text[start:end - 1]
    cut = max(map(seg.rfind, _TERMINAL))
    if cut < 0:
        return None
    tail = seg[cut + 1:]
    words = len(tail.split())
    if not words or words > _INLINE_HEADING_WORDS or not seg[:cut].strip():
        return None
    kind = exact.get(hkey(tail))
    if kind not in LIST_KINDS:
        return None
    hstart = start + cut + 1 + (len(tail) - len(tail.lstrip()))
    return start + cut + 1, hstart, kind
