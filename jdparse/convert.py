"""Marked-up postings (HTML, Markdown) to plain text lines.

The text that spans index is the converted text: headings, paragraphs and list
items each on their own line, so the rest of the pipeline reads every input
the same way.  Only markup is removed: every word of the posting is kept as
written, so a reported value can always be found in the converted text.

HTML is read by a small tokenizer of our own rather than a library or the
standard ``html.parser``: every one of them was measured either quadratic on
some input (``html.parser``: ``"<a" * 100_000`` takes ~60 s on Python 3.11;
lexbor/selectolax: 100,000 nested ``<div>`` take ~40 s) or losing text
(libxml2/lxml drops everything nested deeper than 256 levels).  The tokenizer
below finds each construct's end with ``str.find`` from a position that only
moves forward, and builds no tree, so it runs in linear time and never
recurses.  Markdown is converted line by line, also in linear time.

Auto-detection (:func:`detect`) is conservative: a stray ``<3`` or
``a < b`` in a plain-text posting leaves it untouched.
"""
from __future__ import annotations

import re

from ._cache import compile as _compile


class _Lazy:
    """A regular expression compiled on first use.

    Detection runs on every input, conversion on few: compiling the ~30
    conversion patterns at import would add ~10 ms to every start-up.
    """

    __slots__ = ("_args", "_compiled")

    def __init__(self, *args) -> None:
        self._args = args
        self._compiled = None

    def __getattr__(self, name: str):
        compiled = self._compiled
        if compiled is None:
            compiled = self._compiled = _compile(*self._args)
        return getattr(compiled, name)


AUTO, TEXT, HTML, MARKDOWN = "auto", "text", "html", "markdown"
FORMATS = (AUTO, TEXT, HTML, MARKDOWN)


def to_text(text: str, input_format: str = AUTO) -> str:
    """Return ``text`` as plain lines; ``input_format`` is auto, text, html or markdown."""
    if input_format not in FORMATS:
        raise ValueError(f"unknown input format {input_format!r}; use one of {', '.join(FORMATS)}")
    fmt = detect(text) if input_format == AUTO else input_format
    if fmt == HTML:
        return html_to_text(text)
    if fmt == MARKDOWN:
        return markdown_to_text(text)
    if input_format == AUTO and (text.startswith(">") or "\n>" in text):
        return unquote(text)
    return text


# A quoted e-mail's marks at a line's start: "> ", "> > ", ">>" (after at most three blanks).
_QUOTE_MARK = _Lazy(r"[ \t]{0,3}(?:>[ \t]?)+")
_MIN_QUOTED = 3


def unquote(text: str) -> str:
    """Return ``text`` with the quote marks of a quoted e-mail removed ("> - Run test passes"
    reads "- Run test passes"), when its lines are one: three or more lines open with ">", one
    of them nothing but the mark (a quoted blank line, which no ">" bullet makes); else ``text``.
    """
    lines = text.split("\n")
    quoted = [k for k, line in enumerate(lines) if line.lstrip(" \t")[:1] == ">"]
    if len(quoted) < _MIN_QUOTED or not any(not lines[k].strip(" \t>\r") for k in quoted):
        return text
    match = _QUOTE_MARK.match
    for k in quoted:
        m = match(lines[k])
        if m is not None:
            lines[k] = lines[k][m.end():]
    return "\n".join(lines)


# --- detection ---------------------------------------------------------------

# A document that says it is HTML.
_HTML_START = _compile(r"\A[\s\ufeff]*(?:<!doctype\s+html|<html[\s>]|<\?xml[^>]{0,200}>\s*<(?:!doctype|html))", re.IGNORECASE)
# Block-level tags, as written and escaped once or more ("&lt;p&gt;",
# "&amp;lt;p&amp;gt;": Greenhouse's API).  Bounded attribute runs keep each
# try short.  Group "close" is the slash of an end tag.
_BLOCK_TAG = _compile(
    r"<(?P<close>/)?(?:p|div|li|ul|ol|h[1-6]|table|tr|td|th|section|article|(?P<br>br))(?:\s[^<>]{0,300})?/?>",
    re.IGNORECASE)
_ESCAPED_BLOCK_TAG = _compile(
    r"&(?:amp;)*lt;(?P<close>/)?(?:p|div|li|ul|ol|h[1-6]|table|tr|td|th|section|article|(?P<br>br))"
    r"(?:\s[^<>&\n]{0,300})?/?&(?:amp;)*gt;",
    re.IGNORECASE)
# How many block tags make a document HTML: one or two could be a posting
# that talks about "<div>" (a front-end job); three, one of them an end tag
# or a <br>, are markup.
_MIN_TAGS = 3

# Markdown signals, one pattern per kind (multiline, so each runs once over
# the text).
_MD_SIGNALS = (
    ("heading", _compile(r"^ {0,3}#{1,6}[ \t]+\S", re.MULTILINE)),
    ("bold_line", _compile(r"^[ \t]*(?:\*\*|__)[^*_\n]{1,200}(?:\*\*|__):?[ \t]*$", re.MULTILINE)),
    ("star_bullet", _compile(r"^[ \t]{0,8}[*+][ \t]+\S", re.MULTILINE)),
    ("link", _compile(r"!?\[[^\]\n]{1,300}\]\([^)\s]{1,1000}\)")),
    ("table", _compile(r"^[ \t]*\|?[ \t]*:?-{3,}:?[ \t]*\|[ \t:|-]*$", re.MULTILINE)),
    # inline bold after other words (a bold line alone is "bold_line")
    ("emphasis", _compile(r"[^\s*][ \t]+\*\*(?=\S)[^*\n]{1,200}(?<=\S)\*\*(?![\w*])")),
)
# The same signals, counted fast.  Every line a line-start signal matches
# holds one of a few characters (a heading its "#", a bold line "**" or "__",
# a star bullet its "*" or "+", a table row its "|"): the lines are found
# from those characters (each found by a one-character search, a memchr),
# and the signal's own pattern is tried at the start of each such line.  The
# link pattern without its optional "!" finds the same links, starting at
# their bracket.
_LINE_SIGNAL_CHARS = {"heading": "#", "bold_line": "*_", "star_bullet": "*+", "table": "|"}
_MD_LINK_FAST = _Lazy(r"\[[^\]\n]{1,300}\]\([^)\s]{1,1000}\)")
# The "emphasis" signal from its "**" on: the engine scans for the two stars;
# what must come before them (a run of blanks after a character that is
# neither a space nor a star) is checked on each hit.
_MD_EMPHASIS_FAST = _Lazy(r"\*\*(?<=[ \t]\*\*)(?=\S)[^*\n]{1,200}(?<=\S)\*\*(?![\w*])")
_FRONT_MATTER = _compile(r"\A\ufeff?---[ \t]*\n")


def detect(text: str) -> str:
    """Return the format ``text`` is written in: "html", "markdown" or "text"."""
    if _HTML_START.match(text):
        return HTML
    if ("<" in text or "&" in text) and _looks_html(text):
        return HTML
    if _FRONT_MATTER.match(text) and _front_matter_end(text.split("\n")) is not None:
        return MARKDOWN
    # The signals in _MD_SIGNALS order, each tried only when the text holds
    # the characters it cannot match without (one-character tests first: a
    # memchr; a longer needle is a slower scan), so a plain-text posting
    # costs a few substring tests.
    kinds = 0
    strong = 0
    star = "*" in text
    stars = star and _has(text, "**")
    for name, pat in _MD_SIGNALS:
        if name == "heading":
            if "#" not in text:
                continue
        elif name == "bold_line":
            if not stars and not ("_" in text and _has(text, "__")):
                continue
        elif name == "star_bullet":
            if not star and "+" not in text:
                continue
        elif name == "link":
            if "]" not in text or not _has(text, "]("):
                continue
        elif name == "table":
            if "|" not in text or "---" not in text:  # (the pattern needs three dashes)
                continue
        else:  # emphasis
            if kinds != 1 or strong:
                break  # the emphasis signal alone cannot change the answer
            if not stars:
                continue
        n = _count_signal(name, pat, text, 3)
        if n:
            kinds += 1
            if name in ("heading", "link", "table") and n >= 3:
                strong += 1
    # Two kinds of markdown, or a strong kind seen three times: one "**x**"
    # or one "* x" line alone is too little to rewrite a plain-text posting.
    if kinds >= 2 or strong:
        return MARKDOWN
    return TEXT


def _count_signal(name: str, pat: re.Pattern, text: str, enough: int) -> int:
    """Return how many times ``pat`` occurs in ``text`` (counting no further than
    ``enough``), or for "emphasis" whether it occurs, through the fast form of the signal."""
    if name == "emphasis":
        return int(_has_emphasis(text))
    if name == "link":
        n = 0
        for _ in _MD_LINK_FAST.finditer(text):
            if n >= enough:
                break
            n += 1
        return n
    # A line-start signal matches a line at most once, and within it: its
    # count is the number of lines it matches.
    find, rfind, match = text.find, text.rfind, pat.match
    seen: set[int] = set()
    n = 0
    for c in _LINE_SIGNAL_CHARS[name]:
        i = find(c)
        while i >= 0:
            start = rfind("\n", 0, i) + 1
            if start not in seen:
                seen.add(start)
                if match(text, start):
                    n += 1
                    if n >= enough:
                        return n
            end = find("\n", i)
            if end < 0:
                break
            i = find(c, end + 1)  # the next line that holds one
    return n


def _has(text: str, needle: str) -> bool:
    """Return ``needle in text``, for a needle whose first character is rare: from each
    occurrence of that character (a memchr) rather than by a scan for the whole needle."""
    find = text.find
    first = needle[0]
    i = find(first)
    tries = 0
    while i >= 0:
        if text.startswith(needle, i):
            return True
        tries += 1
        if tries > 16:
            return needle in text  # not so rare here
        i = find(first, i + 1)
    return False


def _has_emphasis(text: str) -> bool:
    """Return whether the "emphasis" signal pattern occurs in ``text``."""
    for m in _MD_EMPHASIS_FAST.finditer(text):
        k = m.start() - 1  # a blank (the look-behind): find the start of its run
        while k > 0 and text[k - 1] in " \t":
            k -= 1
        if k > 0:
            c = text[k - 1]
            if c != "*" and not c.isspace():
                return True
    return False


_LT_CASES = ("lt;", "LT;", "Lt;", "lT;")


def _looks_html(text: str) -> bool:
    """Return whether ``text`` holds markup: three block tags (escaped or not), one of them closing."""
    for pat, needs in ((_BLOCK_TAG, "<"), (_ESCAPED_BLOCK_TAG, "&")):
        if needs not in text or (needs == "&" and not any(lt in text for lt in _LT_CASES)):
            continue  # (an escaped tag holds "lt;", in any case, as the pattern ignores it)
        n = 0
        closed = False
        for m in pat.finditer(text):
            n += 1
            closed = closed or bool(m.group("close") or m.group("br"))
            if n >= _MIN_TAGS and closed:
                return True
    return False


# --- HTML ------------------------------------------------------------------

# Elements whose content is not part of the posting.
_SKIP = frozenset({"script", "style", "nav", "noscript", "template", "svg", "math", "head", "iframe",
                   "select", "object", "canvas", "button", "dialog"})
# Elements whose content is raw text up to their end tag (no tags inside).
_RAW = frozenset({"script", "style", "textarea", "xmp", "iframe", "noembed", "noframes", "noscript", "title", "plaintext"})
_VOID = frozenset({"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param",
                   "source", "track", "wbr", "keygen"})
# Blocks separated by a blank line.
_PARAGRAPH = frozenset({"p", "div", "section", "article", "header", "footer", "main", "aside", "blockquote",
                        "form", "fieldset", "figure", "figcaption", "address", "details", "summary",
                        "center", "pre", "hr", "body", "html", "dl", "legend", "caption"})
_HEADING = frozenset({"h1", "h2", "h3", "h4", "h5", "h6"})
_LIST = frozenset({"ul", "ol", "menu", "dir"})
# Blocks on their own line, without a blank line around them.
_LINE = frozenset({"dt", "dd", "option"})
_CELL = frozenset({"td", "th"})
_WS = _Lazy(r"[ \t\n\r\f]+")
_TAG_NAME = _Lazy(r"[A-Za-z][^\s/>]*")
_TAG_REST = _Lazy(r"[^\"'>]*")
_END_TAG_CACHE: dict[str, re.Pattern] = {}
# Nested lists are indented two spaces a level, up to this many levels:
# deeper nesting must not make the output grow with the square of the input.
_MAX_INDENT = 4
_BULLET = "\u2022 "


def html_to_text(html: str) -> str:
    """Return the text of an HTML page or fragment, one line per heading, paragraph, item or row.

    An escaped body ("&lt;p&gt;Hello&lt;/p&gt;") reads, once its entities are
    decoded, as markup again: it is converted once more, up to three times
    (escaped twice, as some APIs send it).
    """
    text = _convert_html(html)
    for _ in range(3):
        if not _looks_html(text):
            break
        text = _convert_html(text)
    return text


def _convert_html(html: str) -> str:
    """Return the lines of one pass over ``html``."""
    out = _TextBuilder()
    for kind, value in _tokens(html):
        if kind == "data":
            out.data(value)
        elif kind == "start":
            out.start(value)
        else:
            out.end(value)
    return out.text()


def _tokens(html: str):
    """Yield ("start"|"end", tag name) and ("data", decoded text) tokens of ``html``, in order.

    Linear time: every search starts at the current position, which only
    moves forward, and a search that fails ends the document.
    """
    from html import unescape

    n = len(html)
    pos = 0
    find = html.find
    while pos < n:
        lt = find("<", pos)
        if lt < 0:
            yield "data", unescape(html[pos:])
            return
        if lt > pos:
            yield "data", unescape(html[pos:lt])
        pos = lt
        nxt = html[lt + 1: lt + 2]
        if html.startswith("<!--", lt):
            close = find("-->", lt + 4)
            pos = n if close < 0 else close + 3  # an unclosed comment runs to the end (HTML spec)
            continue
        if html.startswith("<![CDATA[", lt):
            close = find("]]>", lt + 9)
            end = n if close < 0 else close
            yield "data", html[lt + 9: end]
            pos = n if close < 0 else close + 3
            continue
        if nxt in ("!", "?"):  # doctype, processing instruction: a bogus comment to ">"
            close = find(">", lt + 2)
            pos = n if close < 0 else close + 1
            continue
        closing = nxt == "/"
        m = _TAG_NAME.match(html, lt + 2 if closing else lt + 1)
        if not m:
            if closing and html.startswith(">", lt + 2):
                pos = lt + 3  # "</>" is dropped
                continue
            yield "data", "<"  # "a < b", "<3": text
            pos = lt + 1
            continue
        name = m.group(0).lower()
        end = _tag_end(html, m.end())
        if end < 0:
            # No ">" closes this tag: the rest is text, so nothing is lost.
            yield "data", unescape(html[lt:])
            return
        pos = end
        if closing:
            yield "end", name
            continue
        self_closing = html[end - 2] == "/"
        yield "start", name
        if name in _RAW and not self_closing:
            close_pat = _END_TAG_CACHE.get(name)
            if close_pat is None:
                close_pat = _END_TAG_CACHE[name] = re.compile(r"</" + name + r"(?=[\s/>])", re.IGNORECASE)
            cm = close_pat.search(html, pos) if name != "plaintext" else None
            raw_end = n if cm is None else cm.start()
            if raw_end > pos:
                raw = html[pos:raw_end]
                yield "data", unescape(raw) if name in ("textarea", "title") else raw
            pos = raw_end
        elif self_closing and name not in _VOID:
            yield "end", name


def _tag_end(html: str, pos: int) -> int:
    """Return the index just past the ``>`` that ends the tag whose attributes start at ``pos``, or -1.

    Quoted attribute values may hold ">"; each step consumes text, so the
    scan is linear.
    """
    n = len(html)
    while pos < n:
        pos = _TAG_REST.match(html, pos).end()
        if pos >= n:
            return -1
        c = html[pos]
        if c == ">":
            return pos + 1
        close = html.find(c, pos + 1)
        if close < 0:
            # An unclosed quote: the tag ends at the next ">" after it, as
            # browsers recover; none means the tag never ends.
            gt = html.find(">", pos + 1)
            return -1 if gt < 0 else gt + 1
        pos = close + 1
    return -1


class _TextBuilder:
    """Turns a stream of tags and text into lines, with no tree and no recursion.

    Only counters and stacks of the few elements that matter (lists, tables,
    skipped content, preformatted text) are kept, so 100,000 nested tags cost
    what 100,000 tags in a row cost.
    """

    __slots__ = ("lines", "line", "prefix", "blank", "skip", "pre", "lists", "cells", "row_open", "depth")

    def __init__(self) -> None:
        self.lines: list[str] = []
        self.line: list[str] = []  # text of the current line
        self.prefix = ""  # bullet written before the current line's first text
        self.blank = False  # a blank line is due before the next line
        self.skip: list[str] = []  # open elements whose content is dropped
        self.pre = 0
        self.lists = 0
        self.cells: list[int] = []  # per open table: cells in the current row
        self.row_open = False
        self.depth: dict[str, int] = {}  # open count per tracked element

    # -- output
    def _flush(self) -> None:
        text = "".join(self.line)
        self.line = []
        if not self.pre:
            text = text.strip(" ")
        if not text.strip():
            return  # the bullet stays due: "<li><p>x</p></li>" is one item
        if self.blank and self.lines and self.lines[-1] != "":
            self.lines.append("")
        self.blank = False
        for part in text.split("\n"):
            self.lines.append(self.prefix + part if self.prefix else part)
            self.prefix = ""

    def _break(self, blank: bool) -> None:
        self._flush()
        if blank:
            self.blank = True

    def text(self) -> str:
        """Return the lines built so far, joined, with one trailing newline."""
        self._flush()
        while self.lines and self.lines[-1] == "":
            self.lines.pop()
        return "\n".join(self.lines) + "\n" if self.lines else ""

    # -- events
    def data(self, s: str) -> None:
        if self.skip or not s:
            return
        if self.pre:
            self.line.append(s)
            return
        s = _WS.sub(" ", s)
        if s == " " and not self.line:
            return
        if self.line and s.startswith(" ") and self.line[-1].endswith(" "):
            s = s[1:]
        if not self.line:
            s = s.lstrip(" ")
        if s:
            self.line.append(s)

    def _unskip(self, name: str) -> None:
        """Close the innermost open skipped element ``name`` and those opened inside it."""
        while self.skip:
            top = self.skip.pop()
            self.depth[top] -= 1
            if top == name:
                return

    def _open(self, name: str) -> None:
        self.depth[name] = self.depth.get(name, 0) + 1

    def _close(self, name: str) -> bool:
        d = self.depth.get(name, 0)
        if not d:
            return False
        self.depth[name] = d - 1
        return True

    def start(self, name: str) -> None:
        if name == "body" and self.depth.get("head"):
            # An unclosed <head> ends where the body starts.
            self._unskip("head")
        if name in _SKIP:
            self.skip.append(name)
            self._open(name)
            return
        if self.skip:
            return
        in_cell = bool(self.cells) and self.row_open
        if name == "br":
            if in_cell:
                self.data(" ")
            else:
                self._flush()
            return
        if name in _CELL:
            if not self.cells:
                self._break(False)
                self.cells.append(0)
                self.row_open = True
            elif not self.row_open:
                self._break(False)
                self.row_open = True
            if self.cells[-1]:
                self.line.append(" | ")
            self.cells[-1] += 1
            return
        if name == "tr":
            self._break(False)
            if self.cells:
                self.cells[-1] = 0
            self.row_open = True
            return
        if name == "table":
            self._break(True)
            self._open("table")
            self.cells.append(0)
            self.row_open = False
            return
        if in_cell:
            if name in _PARAGRAPH or name in _HEADING or name in _LIST or name in _LINE or name == "li":
                self.data(" ")
            return
        if name == "li":
            self._break(False)
            level = min(max(self.lists, 1), _MAX_INDENT) - 1
            self.prefix = "  " * level + _BULLET
            return
        if name in _LIST:
            self._break(self.lists == 0)
            self.lists += 1
            self._open(name)
            return
        if name in _HEADING or name in _PARAGRAPH:
            # Inside a list item a paragraph is the item's text: no blank line.
            self._break(not self.lists)
            if name == "pre":
                self.pre += 1
                self._open("pre")
            return
        if name in _LINE:
            self._break(False)

    def end(self, name: str) -> None:
        if self.skip:
            if name in _SKIP and self.depth.get(name):
                self._unskip(name)
            return
        if name in _CELL:
            return
        if name == "tr":
            self._break(False)
            self.row_open = False
            return
        if name == "table":
            if self._close("table"):
                self._break(True)
                self.cells.pop()
                self.row_open = bool(self.cells)
            return
        if self.cells and self.row_open:
            if name in _PARAGRAPH or name in _HEADING or name in _LIST or name in _LINE or name == "li":
                self.data(" ")
            return
        if name == "li":
            self._break(False)
            self.prefix = ""
            return
        if name in _LIST:
            if self._close(name):
                self.lists -= 1
                self._break(self.lists == 0)
                self.prefix = ""
            return
        if name in _HEADING or name in _PARAGRAPH:
            if name == "pre" and self._close("pre"):
                self._flush()
                self.pre -= 1
            self._break(not self.lists)
            return
        if name in _LINE:
            self._break(False)


# --- Markdown ----------------------------------------------------------------

_MD_FENCE = _Lazy(r"^ {0,3}(`{3,}|~{3,})")
_MD_ATX = _Lazy(r"^ {0,3}#{1,6}(?:[ \t]+|$)")
_MD_ATX_CLOSE = _Lazy(r"[ \t]+#+[ \t]*$")
_MD_HR = _Lazy(r"^ {0,3}(?:(?:\*[ \t]*){3,}|(?:-[ \t]*){3,}|(?:_[ \t]*){3,})$")
_MD_SETEXT = _Lazy(r"^ {0,3}(?:=+|-+)[ \t]*$")
# "**Bold**" or "__Bold__" alone on a line, a colon inside or after.
_MD_BOLD_LINE = _Lazy(r"^[ \t]*(\*\*|__)(?=\S)([^*_\n]+?)(?<=\S)\1(:?)[ \t]*$")
# A bullet: the glyph, then white space, or directly a letter ("-Python").
_MD_BULLET = _Lazy(r"^([ \t]*)[*+-](?:[ \t]+(?=\S)|(?=[^\W\d_]))")
_MD_QUOTE = _Lazy(r"^[ \t]{0,3}(?:>[ \t]?)+")
_MD_TABLE_SEP = _Lazy(r"^[ \t]*\|?[ \t]*:?-{1,}:?[ \t]*(?:\|[ \t]*:?-{1,}:?[ \t]*)+\|?[ \t]*$|^[ \t]*\|[ \t]*:?-{3,}:?[ \t]*\|[ \t]*$")
_MD_LINK_DEF = _Lazy(r"^ {0,3}\[[^\]\n]{1,300}\]:[ \t]*\S+[ \t]*(?:\"[^\"\n]*\"|'[^'\n]*')?[ \t]*$")
_MD_IMAGE = _Lazy(r"!\[([^\]\n]{0,300})\]\([^)\n]{0,1000}\)")
_MD_LINK = _Lazy(r"\[([^\]\n]{1,300})\](?:\([^)\n]{0,1000}\)|\[[^\]\n]{0,300}\])")
_MD_AUTOLINK = _Lazy(r"<((?:https?|mailto|ftp):[^<>\s]{1,1000})>", re.IGNORECASE)
# Emphasis: each pattern's body cannot hold its own marker, so a try ends at
# the next marker and the whole line is read in linear time.
_MD_EMPHASIS = (
    _Lazy(r"(?<![\\*])\*\*(?=\S)([^*\n]+?)(?<=\S)\*\*"),  # **strong**
    _Lazy(r"(?<![\w\\])__(?=\S)([^_\n]+?)(?<=\S)__(?!\w)"),  # __strong__
    _Lazy(r"(?<![\\*\w])\*(?=[^\s*])([^*\n]+?)(?<=[^\s*])\*(?!\w)"),  # *em*
    _Lazy(r"(?<![\w\\])_(?=[^\s_])([^_\n]+?)(?<=[^\s_])_(?!\w)"),  # _em_
    _Lazy(r"~~(?=\S)([^~\n]+?)(?<=\S)~~"),  # ~~strike~~
    _Lazy(r"(`+)([^`\n]+?)\1"),  # `code`
)
_MD_ESCAPE = _Lazy(r"\\([!-/:-@\[-`{-~])")
_FM_LINE = _Lazy(r"^([A-Za-z_][\w .-]{0,60}?)[ \t]*:(?:[ \t]+(.*?))?[ \t]*$")
_FM_ITEM = _Lazy(r"^[ \t]+-[ \t]+(.*?)[ \t]*$")
# Front-matter keys that the pipeline knows under another label.
_FM_LABELS = {"date": "Date posted", "posted": "Date posted", "date_posted": "Date posted", "datePosted": "Date posted",
              "employment_type": "Employment type", "employmentType": "Employment type", "job_title": "Job title"}
_FM_MAX_LINES = 200


def markdown_to_text(md: str) -> str:
    """Return the text of a Markdown posting: headings, items and rows as plain lines."""
    lines = md.split("\n")
    out: list[str] = []
    i = 0
    if _FRONT_MATTER.match(md):
        end = _front_matter_end(lines)
        if end is not None:
            out.extend(_front_matter(lines[1:end]))
            out.append("")
            i = end + 1
    fence = ""
    n = len(lines)
    while i < n:
        line = lines[i]
        i += 1
        if fence:
            if line.strip().startswith(fence):
                fence = ""
                continue
            out.append(line)
            continue
        m = _MD_FENCE.match(line)
        if m:
            fence = m.group(1)[0] * 3
            continue
        if _MD_SETEXT.match(line) and out and out[-1].strip():
            continue  # the underline of a "Title\n=====" heading
        if _MD_HR.match(line):
            if out and out[-1] != "":
                out.append("")
            continue
        if _MD_TABLE_SEP.match(line) and "|" in line:
            continue
        if _MD_LINK_DEF.match(line):
            continue
        out.append(_md_line(line, lines[i] if i < n else ""))
    return "\n".join(out)


def _md_line(line: str, following: str) -> str:
    """Return one Markdown line with its block marks and inline markup removed."""
    q = _MD_QUOTE.match(line)
    if q:
        line = line[q.end():]
    m = _MD_ATX.match(line)
    if m:
        body = _MD_ATX_CLOSE.sub("", line[m.end():]).strip()
        return _md_inline(body)
    m = _MD_BOLD_LINE.match(line)
    if m:
        return _md_inline(m.group(2) + m.group(3))
    if _is_table_row(line, following):
        return _md_row(line)
    m = _MD_BULLET.match(line)
    if m:
        rest = line[m.end():]
        glyph = line[len(m.group(1))]
        spaced = m.end() > len(m.group(1)) + 1
        # "*Python* experience" is emphasis, not an item "Python* experience".
        if spaced or glyph != "*" or "*" not in rest:
            return m.group(1) + _BULLET + _md_inline(rest)
    return _md_inline(line)


def _is_table_row(line: str, following: str) -> bool:
    s = line.strip()
    return s.startswith("|") and s.count("|") >= 2 or ("|" in s and bool(_MD_TABLE_SEP.match(following)) and "|" in following)


def _md_row(line: str) -> str:
    s = line.strip()
    if s.startswith("|"):
        s = s[1:]
    if s.endswith("|") and not s.endswith("\\|"):
        s = s[:-1]
    cells = re.split(r"(?<!\\)\|", s)
    return " | ".join(_md_inline(c.strip()) for c in cells)


def _md_inline(s: str) -> str:
    """Return ``s`` with links, images, emphasis and escapes reduced to their text."""
    if "[" in s:
        s = _MD_IMAGE.sub(r"\1", s)
        s = _MD_LINK.sub(r"\1", s)
    if "<" in s:
        s = _MD_AUTOLINK.sub(r"\1", s)
    for pat in _MD_EMPHASIS:
        s = pat.sub(lambda m: m.group(m.lastindex), s)
    if "\\" in s:
        s = _MD_ESCAPE.sub(r"\1", s)
    return s


def _front_matter_end(lines: list[str]) -> int | None:
    """Return the index of the line closing a YAML front matter block, or None."""
    for j in range(1, min(len(lines), _FM_MAX_LINES)):
        if lines[j].rstrip() in ("---", "..."):
            return j
    return None


def _front_matter(lines: list[str]) -> list[str]:
    """Return "Key: value" lines read from the lines of a YAML front matter block."""
    out: list[str] = []
    label = ""
    items: list[str] = []

    def close() -> None:
        if label and items:
            out.append(f"{label}: {', '.join(items)}")

    for line in lines:
        m = _FM_ITEM.match(line)
        if m and label:
            items.append(_fm_value(m.group(1)))
            continue
        m = _FM_LINE.match(line)
        if not m:
            continue
        close()
        label, items = "", []
        key, value = m.group(1).strip(), (m.group(2) or "").strip()
        name = _FM_LABELS.get(key) or key.replace("_", " ").strip()
        name = name[:1].upper() + name[1:]
        if value:
            out.append(f"{name}: {_fm_value(value)}")
        else:
            label = name
    close()
    return out


def _fm_value(value: str) -> str:
    """Return a front-matter scalar or flow list as plain text (quotes and brackets removed)."""
    v = value.strip()
    if len(v) >= 2 and v[0] == v[-1] and v[0] in "\"'":
        v = v[1:-1]
    elif v.startswith("[") and v.endswith("]"):
        v = ", ".join(_fm_value(x) for x in v[1:-1].split(",") if x.strip())
    return v
