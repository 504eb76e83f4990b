"""Lines to blocks: each logical line of a posting, classified.

A block is one heading, one bullet, one ``LABEL: value`` line, one line of
prose or one line of page boilerplate, with hard-wrapped continuation lines
joined back into it.  Classification is an ordered list of rules; the first
that fits wins, and its id is kept on the block.
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from . import rules
from .document import Document, key
from ._cache import compile as _rx

HEADING = "heading"
"""A line that names a section, known (``kind`` set) or not (``kind`` None)."""
LABEL = "label"
"""A ``LABEL: value`` line whose label is known: a field or a section with inline text."""
BULLET = "bullet"
TEXT = "text"
BOILERPLATE = "boilerplate"


@dataclass(frozen=True, slots=True)
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
_BULLET = _rx(
    # glyph bullets (the class on one line: in VERBOSE mode white space inside
    # a class is literal); "\uf0b7" is the dot of Word's symbol font
    r"[ \t\u00a0\u3000]*"
    r"(?:[\u2022\u00b7\u2219\u25e6\u25cf\u25cb\u25aa\u25ab\u25a0\u25a1\u25ba\u25b8\u25b9\u25b6"
    r"\u27a2\u27a4\u2794\u2192\u2043\u2023\u2713\u2714\u2610\u2611\u29bf\u26ac\u2605\u2606"
    r"\u2756\u27a1\uf0b7\-*+\u2013\u2014~>]"
    r"|\(?\d{1,2}[.)](?![\d.])"  # 1.  1)  (1)
    r"|\(?[a-zA-Z]\)"  # a)  (b)
    r"|[\u4e00\u4e8c\u4e09\u56db\u4e94\u516d\u4e03\u516b\u4e5d\u5341]{1,3}[\u3001.\uff0e]"  # 一、
    r"|\d{1,2}[\u3001\uff0e]"  # 1、 1．
    r")[ \t\u00a0\u3000]+"
)
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
# "LABEL: value": a label of at most 6 words before the first colon.
_LABEL = _rx(r"[ \t]*([^:\uff1a\n]{1,48}?)[ \t]*[:\uff1a](?!//)[ \t]*")
_TERMINAL = ".!?\u3002\uff01\uff1f"
_MAX_HEADING = 120
_MAX_BOILERPLATE = 400
# "About Acme", "Über uns", "À propos de X": such a short line is a heading.
_ABOUT_LINE = _rx(r"(?:about|über|à propos|a propos|acerca de|sobre|om|chi siamo|qui sommes)\b\s*\S", re.IGNORECASE)
_GLUED = _rx(r"[a-z\u00e0-\u00ff][A-Z\u00c0-\u00de]")


_ASCII_MARKS = str.maketrans({c: " " for c in "*_#|^`"})


def _strip_decoration(s: str) -> str:
    """Return ``s`` without emoji, symbols, markdown emphasis and edge punctuation."""
    if s.isascii():
        return s.translate(_ASCII_MARKS).strip(" \t-:.[]=~?!")
    out = []
    for ch in s:
        cat = unicodedata.category(ch)
        if cat in ("So", "Sk", "Cs", "Co") or ch in "\ufe0f\u200d*_#|":
            out.append(" ")
        else:
            out.append(ch)
    return "".join(out).strip(" \t-\u2013\u2014:\uff1a.\u3002[]=~?!\uff1f\uff01")


def _longest_first(w: str):
    """Sort key: longest first (an alternation takes the first branch that matches),
    then alphabetical, so a pattern's text is the same in every process (sets
    have no fixed order) and the start-up cache finds it."""
    return (-len(w), w)


def heading_key(s: str) -> str:
    """Return the matching key of a heading: no emoji, marks, ordinal or colon."""
    s = _strip_decoration(s)
    m = _HEADING_ORDINAL.match(s)
    if m:
        s = s[m.end():]
    return key(_strip_decoration(s))


class Vocabulary:
    """Heading and label vocabulary of every language, compiled for lookup."""

    def __init__(self, data: dict):
        order = data.get("keyword_order", [])
        conts = sorted({key(w) for w in data.get("continuations") or []}, key=_longest_first)
        self.continuation = re.compile(
            r"(?<!\w)(?:" + ("|".join(map(re.escape, conts)) or "(?!)") + r")\s*[:\uff1a]\s*$")
        self.labels: dict[str, str] = {}
        self.exact: dict[str, str] = {}
        kw: dict[str, list[str]] = {k: [] for k in order}
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
        # One pattern per kind, tried in keyword_order; longest entries first
        # so "nice to have" is tried before "have".
        self.keywords: list[tuple[str, re.Pattern]] = []
        for kind, words in kw.items():
            if not words:
                continue
            alts = []
            for w in sorted({key(w) for w in words}, key=_longest_first):
                if w.endswith("*"):
                    alts.append(re.escape(w[:-1]) + r"\w*")
                else:
                    alts.append(re.escape(w))
            self.keywords.append((kind, _rx(r"(?<!\w)(?:" + "|".join(alts) + r")(?!\w)")))

    def classify(self, k: str, allow_keywords: bool) -> tuple[str | None, str]:
        """Return (section kind, rule id) for a heading key; kind None if unknown."""
        kind = self.exact.get(k)
        if kind:
            return kind, "heading.exact"
        if allow_keywords:
            for kind, pat in self.keywords:
                if pat.search(k):
                    return kind, "heading.keyword"
        return None, "heading.shape"


@rules.derived
def vocabulary() -> Vocabulary:
    """Return the compiled heading vocabulary (built once per process)."""
    return Vocabulary(rules.load("headings"))


@rules.derived
def boilerplate() -> _Boilerplate:
    """Return the boilerplate matcher: the package's lines as one pattern, the user's each on a time limit."""
    package, user = rules.split_patterns("boilerplate", "lines")
    return _Boilerplate(_rx("|".join(f"(?:{p})" for p in package) or r"(?!)", re.IGNORECASE), user)


class _Boilerplate:
    """Whether a line's key is page boilerplate: the package's patterns, then the user's.

    The package's patterns are reviewed to be linear and run as one ``re``
    pattern; a user's run one by one with a time limit, so a catastrophic
    pattern costs that line its match, never a hung batch.
    """

    __slots__ = ("package", "user")

    def __init__(self, package: re.Pattern, user: tuple):
        self.package = package
        self.user = user

    def fullmatch(self, k: str) -> bool:
        return self.package.fullmatch(k) is not None or any(u.fullmatch(k) for u in self.user)


@dataclass(frozen=True, slots=True)
class _Line:
    index: int
    start: int  # content start (after bullet glyph)
    end: int  # content end (trailing white space trimmed)
    text: str  # content
    bullet: bool
    indent: int


def _lines(doc: Document) -> list[_Line | None]:
    """Return each line's content bounds; None for a blank line."""
    out: list[_Line | None] = []
    for ln in doc.lines:
        raw = ln.text
        stripped = raw.strip().strip("\u200b\ufeff\u00a0\u3000")
        if not stripped:
            out.append(None)
            continue
        lead = len(raw) - len(raw.lstrip(" \t\u00a0\u3000\u200b\ufeff"))
        m = _BULLET.match(raw)
        bullet = False
        cstart = ln.start + lead
        if m and m.end() < len(raw.rstrip()):
            bullet = True
            cstart = ln.start + m.end()
        cend = ln.start + len(raw.rstrip(" \t\u00a0\u3000\u200b\ufeff"))
        out.append(_Line(ln.index, cstart, cend, doc.text[cstart:cend], bullet, lead))
    return out


def _is_all_caps(s: str) -> bool:
    letters = [c for c in s if c.isalpha()]
    return len(letters) >= 3 and all(c.isupper() for c in letters if c.isascii() or c.isupper() or c.islower()) and any(c.isupper() for c in letters)


def _words(s: str) -> int:
    return len(s.split())


def _heading_shape(ln: _Line, next_is_bullet: bool, blank_before: bool, blank_after: bool,
                   nxt: _Line | None = None) -> str | None:
    """Return the rule id when a line is shaped like a heading, else None."""
    t = ln.text
    if _MD_HEADING.match(t):
        return "heading.markdown"
    if t.startswith("**") and t.rstrip(":").endswith("**") and len(t) > 4:
        return "heading.bold"
    last = t.rstrip()[-1]
    if _words(t) > 10 or len(t) > 90:
        # "Le poste comprend les missions suivantes :" over a list: a lead-in
        # sentence that names the list; it counts only if its words say what.
        if last in ":\uff1a" and next_is_bullet and _words(t) <= 30:
            return "heading.leadin"
        return None
    if last in ":\uff1a":
        return "heading.colon"
    if last in "?\uff1f" and _words(t) <= 6:
        return "heading.question"  # "Who are you?", "Qui sommes-nous ?"
    if last in "!\uff01" and next_is_bullet and _words(t) <= 8:
        return "heading.exclamation"  # "What we offer you!" over a list
    if last in _TERMINAL or last in ",;":
        return None
    if _is_all_caps(t) and _words(t) <= 8:
        return "heading.caps"
    if _words(t) <= 6 and _ABOUT_LINE.match(t):
        return "heading.about"
    if next_is_bullet and _words(t) <= 10:
        return "heading.before_list"
    if blank_before and blank_after and _words(t) <= 6 and (t[0].isupper() or not t[0].isalpha()):
        if len(_GLUED.findall(t)) >= 2:
            return None  # "EuropeSpainHybridSenior": a glued tag line, not a heading
        return "heading.standalone"
    if (blank_before and not blank_after and nxt is not None and not nxt.bullet and _words(t) <= 4
            and _title_case(t) and _words(nxt.text) >= 5 and not _title_case(nxt.text)):
        # "Required Experience" over lines whose bullets were lost in copying;
        # counts only when its words name a section (see _classify_line).
        return "heading.titlecase"
    return None


_SMALL_WORDS = frozenset({"and", "or", "of", "the", "to", "for", "in", "on", "at", "a", "an", "&", "with", "de", "et", "und"})


def _title_case(t: str) -> bool:
    """Return whether every word of ``t`` but the small ones starts with a capital."""
    words = [w for w in t.split() if w[:1].isalpha()]
    return bool(words) and all(w[0].isupper() or w.casefold() in _SMALL_WORDS for w in words)


def classify(doc: Document) -> list[Block]:
    """Return the blocks of ``doc`` in order, continuation lines joined."""
    vocab = vocabulary()
    boiler = boilerplate()
    lines = _lines(doc)
    n = len(lines)
    nonblank = [ln for ln in lines if ln is not None]
    # A hard-wrapped document has many lines ending close to one width.
    lengths = sorted(ln.end - ln.start + ln.indent for ln in nonblank)
    wrap = 0
    if len(lengths) >= 8:
        p90 = lengths[int(len(lengths) * 0.9) - 1]
        near = sum(1 for x in lengths if p90 - 12 <= x <= p90)
        if 50 <= p90 <= 100 and near >= max(4, len(lengths) // 5):
            wrap = p90
    first_content = nonblank[0].index if nonblank else -1

    def next_nonblank(i: int) -> _Line | None:
        for j in range(i + 1, min(n, i + 3)):
            if lines[j] is not None:
                return lines[j]
        return None

    blocks: list[Block] = []
    i = 0
    while i < n:
        ln = lines[i]
        if ln is None:
            i += 1
            continue
        blank_before = i == 0 or lines[i - 1] is None
        blank_after = i + 1 >= n or lines[i + 1] is None
        nxt = next_nonblank(i)
        # Boilerplate lines are short; a paragraph is never one, and its key
        # (NFKC and casefolding of the whole paragraph) is not worth making.
        if len(ln.text) <= _MAX_BOILERPLATE and boiler.fullmatch(key(ln.text)):
            blocks.append(Block(BOILERPLATE, ln.start, ln.end, i, i, "boilerplate.line", blank_before=blank_before))
            i += 1
            continue
        if not ln.bullet:
            block = _classify_line(doc, ln, vocab, nxt, blank_before, blank_after, i == first_content)
            if block is not None:
                if block.type == LABEL and block.value_start >= 0:
                    # A label's value may wrap onto the next lines, like prose.
                    end, last = _continuation(lines, i, wrap, block.end, first_content)
                    block = Block(LABEL, block.start, end, i, last, block.rule, block.kind, block.value_start, blank_before)
                    i = last + 1
                else:
                    i += 1
                blocks.append(block)
                continue
        if ln.bullet:
            field = _bullet_field(ln, vocab)
            if field is not None:
                blocks.append(field)  # "• Location: Paris" is a field, not an item
                i += 1
                continue
        end, last = _continuation(lines, i, wrap, ln.end, first_content)
        blocks.append(Block(
            BULLET if ln.bullet else TEXT, ln.start, end, i, last,
            "block.bullet" if ln.bullet else "block.text", blank_before=blank_before, indent=ln.indent,
        ))
        i = last + 1
    return blocks


_SECTION_KINDS = frozenset({"responsibilities", "requirements", "nice_to_have", "benefits", "about_company",
                            "about_role", "apply", "eeo", "other"})


def _bullet_field(ln: _Line, vocab: Vocabulary) -> Block | None:
    """Return a LABEL block for a bullet that states a field ("• Lieu : Paris"), else None.

    Only fields (location, salary, contract type, dates ...): a bullet such as
    "• Experience: 5 years" is an item of its list and stays one.
    """
    m = _LABEL.match(ln.text)
    if not m or m.end() >= len(ln.text) or _words(m.group(1)) > 4:
        return None
    kind = vocab.labels.get(heading_key(m.group(1)))
    if kind is None or kind in _SECTION_KINDS:
        return None
    return Block(LABEL, ln.start + m.start(1), ln.end, ln.index, ln.index, "label.bullet", kind, ln.start + m.end())


def _classify_line(doc, ln: _Line, vocab: Vocabulary, nxt, blank_before, blank_after, is_first) -> Block | None:
    """Return a heading or label block for ``ln``, or None when it is prose."""
    t = ln.text
    m = _LABEL.match(t)
    if m and _words(m.group(1)) <= 6:
        lk = heading_key(m.group(1))
        kind = vocab.labels.get(lk)
        if kind is None and m.end() >= len(t):
            kind, _ = vocab.classify(lk, allow_keywords=not is_first)
            if kind is None and _words(m.group(1)) > 6:
                kind = None
        if kind is not None:
            value_start = ln.start + m.end() if m.end() < len(t) else -1
            if value_start < 0:
                return Block(HEADING, ln.start, ln.end, ln.index, ln.index, "heading.label", kind, blank_before=blank_before)
            return Block(LABEL, ln.start + m.start(1), ln.end, ln.index, ln.index, "label.known", kind, value_start, blank_before)
    next_is_bullet = nxt is not None and nxt.bullet
    shape = _heading_shape(ln, next_is_bullet, blank_before, blank_after, nxt)
    if shape is None and len(t) > _MAX_HEADING:
        return None  # too long for any heading of the vocabulary
    hk = heading_key(t)
    if not hk:
        return None
    if is_first and shape not in ("heading.markdown",):
        return None
    kind, rule = vocab.classify(hk, allow_keywords=shape is not None)
    start = ln.start
    md = _MD_HEADING.match(t)
    if md:
        start += md.end()  # the heading's text, without its "#" marks
    if shape in ("heading.leadin", "heading.titlecase") and kind is None:
        return None
    if kind is not None and (shape is not None or rule == "heading.exact"):
        if rule == "heading.exact" and shape is None and _words(t) > 8:
            return None
        return Block(HEADING, start, ln.end, ln.index, ln.index, rule, kind, blank_before=blank_before)
    if shape == "heading.colon" and vocab.continuation.search(key(t)):
        shape = "heading.continuation"  # "... such as:" leads into the list it stands in
    if shape is not None:
        return Block(HEADING, start, ln.end, ln.index, ln.index, shape, None, blank_before=blank_before)
    return None


def _continuation(lines, i: int, wrap: int, end: int, first_content: int = 0) -> tuple[int, int]:
    """Return (end offset, last line index) of the logical line starting at ``i``.

    The posting's first line is never continued: it is a title or a name,
    and the line under it is another header line, however wide it is.
    """
    last = i
    n = len(lines)
    if i <= first_content:
        return end, last
    cur = lines[i]
    while last + 1 < n and lines[last + 1] is not None:
        nxt = lines[last + 1]
        if nxt.bullet or _LABEL.match(nxt.text) and _looks_like_label(nxt.text):
            break
        prev = lines[last]
        ptext = prev.text.rstrip()
        if not ptext or ptext[-1] in _TERMINAL + ":\uff1a":
            break
        first = nxt.text[:1]
        plen = prev.end - prev.start + prev.indent
        joined = False
        if wrap and plen >= wrap * 0.6:
            joined = True
        elif first.islower() and plen >= 40 and (wrap or ptext[-1] in ",;-/&(" or ptext.split()[-1].islower()):
            joined = True
        if not joined:
            break
        last += 1
        end = nxt.end
    del cur
    return end, last


def _looks_like_label(t: str) -> bool:
    m = _LABEL.match(t)
    if not m:
        return False
    lk = heading_key(m.group(1))
    return lk in vocabulary().labels or (m.group(1).isupper() and _words(m.group(1)) <= 5)
