"""Title and company: from labels, the first lines, hiring sentences and footers.

Rules, in the order they are tried (the first that gives a value wins; the
others are kept as losing candidates for ``explain``):

title
  title.label        "TITLE: Java Programmer", "Role: Lead Engineer"
  title.split_line   the part of a "Company | Title | Place | Remote" line that names a job
  title.first_line   the first line, when it names a job (a role word), tags after " - " trimmed,
                     an opening work mode ("Remote/Telecommute ...") and labelled fields that
                     run on after it ("... Compensation: $60,000") cut; an e-mail's subject is
                     read without its "Subject:" or "Re:" and a list's "[Jobs]" tag
  title.second_line  the second line, when the first is a name without a role word
  title.after_lead_in the line under a title_lead_ins line ("Applications are invited for the
                     following post:") or a sentence ending with a title_lead_in_ends word ("... sucht
                     zum nächstmöglichen Zeitpunkt eine/n"), when the first lines name no job
  title.hiring       "Acme is hiring a Senior Engineer who ...", "Job opening: X", "X诚聘 Y"
  title.body_label   a title label below the posting's first list ("Role: Back End Developer" among
                     a board's closing details): the head's title says more of the job
company
  company.label      "Company: Acme"
  company.split_line the first part of a "Company | Title | ..." line
  company.hiring     "Acme is looking for ...", "Acme recherche ...", "Acme诚聘 ..."
  company.adjacent   a short name-like line next to the title line
  company.site_name  the name a head line over the page's menu or path gives ("AcademicPosts UK |
                     Academic & research jobs"), where the title is under them
  company.legal_line a header line that is a name ending with a legal form ("星云科技有限公司", "Acme GmbH"),
                     a few lines below the title
  company.about      "About Acme" heading, "At Acme, we ..." or "Acme builds ..." opening an about section
  company.opening    "Acme is the ..." opening the posting's first prose paragraphs (before any list), or
                     "Acme builds ..." where the posting names Acme again
  company.legal_name a name with a legal form after a works_at word in those paragraphs ("join the
                     team at Klarfors AB", "bei der Nordlicht GmbH"), where no other rule names one
  company.footer     "See all 8 jobs at Acme", "Please let Acme know you found this job on ..."
"""
from __future__ import annotations

import re
import unicodedata
from bisect import bisect_right
from typing import NamedTuple

from .. import rules, sentences as _sentences
from ..blocks import _DECO_CATEGORIES, _longest_first, BOILERPLATE, HEADING, LABEL, LIST_KINDS, TEXT, heading_key, vocabulary
from ..document import key
from ..model import Candidate, Value
from ._vocab import ASCII_TWIN_CHARS, FOLDS_TO_ASCII, WORD_BYTES, anywhere
from .tags import tag_kind
from .work_mode import find_work_modes
from .._cache import compile as _rx

# Separators of a header line's parts: pipes always; dashes and colons only
# with space after (so "Full-Stack" and "C#/WCF" stay whole; a colon may have
# one space before it, as French writes it: "Offre d'emploi : Chef de projet").
_SPLIT = _rx(r"\s*\|\s*|\s+[-\u2013\u2014]\s+|(?<=\w)[-\u2013\u2014]\s+|(?<=\w)[ \u00a0]?:\s+|\s+/\s+|\s+[\u00b7\u2022]\s+")
_SPLIT_CHAR = _rx(r"[|\-\u2013\u2014:/\u00b7\u2022]")  # one of them is in every separator
_BRACKET_PREFIX = _rx(r"\s*[\[\u3010](?P<inner>[^\]\u3011]{1,40})[\]\u3011]\s*")
_TRAILING_PAREN = _rx(r"\s*(?:[(\uff08](?P<inner>[^()\uff08\uff09]{1,60})[)\uff09]|\[(?P<square>[^\[\]]{1,60})\])\s*$")
"""A parenthesis ending a line, ASCII or full width ("（リモート可）"), or square brackets ("[Remote]")."""
_ABOUT_FIRST_LINE = 60
"""The longest first line read as an "About X" heading (the first line is never classified a heading)."""
# "About Lumina", "Lumina is a climate-tech company ...", "At Lumina, we ...",
# "We're Payflow, a fintech company": the patterns of titles.yaml's
# about_words, name_is_verbs, name_is_articles, at_openers and we_are
# (see :func:`_company_sentences`).
_ABOUT_PATTERN = r"(?:{about})\s+(?P<name>[A-Z\u00c0-\u00de][\w.&'’ -]{{1,50}}?)\s*[:?!.]?$"
_NAME_IS_PATTERN = (
    r"(?P<name>[A-Z\u00c0-\u00de][\w&.'’-]*(?:\s+(?:[A-Z\u00c0-\u00de][\w&.'’-]*|&|of|de|du|la|für)){{0,5}})"
    r"(?:\s+(?:{verbs})\s+(?:{articles})\b"
    # or the same said in an aside: "Nimbus Health, a digital clinic, is growing"
    r"|,\s+(?:{articles})\s+[^,.;:\n]{{2,80}},\s+\w)"
)
# "Pinecone Atlas builds mapping tools ...": the name that opens an about section, then its
# verb (a lower-case word in the third person: "builds", "helps", or "is building"; an aside
# in brackets between).
_NAME_DOES = _rx(
    r"(?P<name>[A-Z\u00c0-\u00de][\w&.'’-]*(?:\s+(?:(?:&|of|for|de|du|la|für)\s+)?[A-Z\u00c0-\u00de][\w&.'’-]*){0,5})"
    r"(?:\s+\([^()\n]{1,40}\))?\s+(?:[a-z]{2,}[^s\W]s|(?:is|are)\s+[a-z]{3,}ing)\s+\w"
)
_AT_PATTERN = r"(?:{at})\s+(?P<name>[A-Z][\w.&'’-]*(?:\s+[A-Z][\w.&'’-]*){{0,4}})\s*,"
_WE_ARE_PATTERN = (
    r"(?<![\w'’])(?:{we_are})\s+"
    r"(?P<name>[A-Z\u00c0-\u00de][\w&.'’-]*(?:\s+(?:[A-Z\u00c0-\u00de][\w&.'’-]*|&|of|de)){{0,3}})\s*(?:,|\(|\s[\u2013\u2014-]\s"
    r"|(?P<stop>\.)(?=[ \t]+(?-i:[A-Z\u00c0-\u00de])|[ \t]*$))"
)
"""The name after "We're" that a comma or an aside follows ("We're Payflow, a fintech company"),
or that ends its sentence ("We are Nordwave Labs. We build ...": ``stop``)."""
_NAME_LINE_WORDS = 6
"""The most words of a name line read under a tag line."""
_SENTENCE_MARK = _rx(r"[!?]|\.\s")
"""What a sentence holds and a name does not ("Hello! We're ...", "We build tools. Join us")."""
_OPENING_BLOCKS = 2
"""The first prose paragraphs (of six words or more, before any list) read for "X is a ..."."""
_WE_ARE_BLOCKS = 5
"""The first prose paragraphs looked in for it."""
_WE_ARE_REACH = 300
"""How far into a paragraph."""
_FOOTER = _rx(
    r"(?:see (?:all )?(?:the )?\d* ?(?:open )?(?:jobs|positions|openings|roles) (?:at|from)\s+(?P<a>.+?)\s*$"
    r"|please let\s+(?P<b>.+?)\s+know you found this job"
    r"|(?<![^\n])save\s.+?\sat\s+(?P<c>[^·|\n]+?)[ \t]*$)",
    re.IGNORECASE,
)


@rules.derived
def _sentence_openers() -> frozenset[str]:
    """Return the keys of titles.yaml ``sentence_openers`` of every language."""
    return frozenset(key(w) for w in _titles_words("sentence_openers"))


@rules.derived
def _verdict_words() -> frozenset[str]:
    """Return the keys of titles.yaml ``verdict_words`` of every language ("plus", "atout")."""
    return frozenset(key(w) for w in _titles_words("verdict_words"))


def _judges_a_skill(text: str, at: int, end: int) -> bool:
    """Return whether the word at ``text[at:end]`` (after "X is a") is a ``verdict_words`` word:
    "Python is a plus" judges a skill and names no employer."""
    words = text[at:min(end, at + 40)].split(None, 1)
    return bool(words) and key(words[0].strip(".,;:!")) in _verdict_words()


@rules.derived
def _company_asides() -> tuple[str, ...]:
    """Return the keys of what opens a funding or ownership aside after a name, each with the space after it."""
    return tuple(key(str(w)) + " " for w in rules.load("titles").get("company_asides") or ())


class _CompanySentences(NamedTuple):
    """The matchers of the sentences that name the employer (titles.yaml, see ``_ABOUT_PATTERN``)."""

    about: re.Pattern
    name_is: re.Pattern
    at_x: re.Pattern
    at_words: tuple[str, ...]
    """How an ``at_x`` match starts (``at_openers``, case as written)."""
    we_are: re.Pattern
    we_are_words: tuple[str, ...]
    """What opens a ``we_are`` match, lower-cased."""
    not_names: frozenset[str]
    """The keys of ``about_not_names``."""


@rules.derived
def _company_sentences() -> _CompanySentences:
    """Return the matchers of the sentences that name the employer, from titles.yaml."""

    def alt(words) -> str:
        return "|".join(map(re.escape, sorted(words, key=_longest_first))) or "(?!)"

    at_words = tuple(sorted(_titles_words("at_openers"), key=_longest_first))
    we_are = tuple(sorted({w.lower() for w in _titles_words("we_are")}, key=_longest_first))
    return _CompanySentences(
        about=_rx(_ABOUT_PATTERN.format(about=alt(_titles_words("about_words"))), re.IGNORECASE),
        name_is=_rx(_NAME_IS_PATTERN.format(verbs=alt(_titles_words("name_is_verbs")),
                                            articles=alt(_titles_words("name_is_articles")))),
        at_x=_rx(_AT_PATTERN.format(at=alt(at_words))),
        at_words=at_words,
        we_are=_rx(_WE_ARE_PATTERN.format(we_are=alt(we_are)), re.IGNORECASE),
        we_are_words=we_are,
        not_names=frozenset(key(w) for w in _titles_words("about_not_names")),
    )


@rules.derived
def _roles() -> re.Pattern:
    words = []
    for ws in rules.load("titles")["roles"].values():
        words.extend(ws)
    return _rx(_role_alternation(words), re.IGNORECASE)


@rules.derived
def _hiring() -> tuple[tuple[re.Pattern, tuple[str, ...], tuple | None], ...]:
    """Return (pattern, trigger words, prefilter) triples; a bare string entry has no triggers (always tried)."""
    out = []
    for entry in rules.load("titles")["hiring"]:
        # The package's patterns run with re; a user's with a time limit.
        pat = rules.pattern_for("titles", "hiring", entry)
        triggers = () if isinstance(entry, str) else tuple(str(t).casefold() for t in entry.get("triggers") or ())
        pre = _PREFILTERS.get(pat.pattern) if isinstance(pat, re.Pattern) else None
        out.append((pat, triggers, pre))
    return tuple(out)


# Cheap tests that every match of one of the package's hiring patterns passes,
# so that most lines skip the pattern (and its triggers) without running it.
# They read the line lower-cased (see ``_Hiring``), and are keyed by the
# pattern's exact text: an edited pattern, or a user's, has none and is tried
# as before.
#   ("any", texts[, back])  one of the texts occurs (the pattern's literal
#                     words, with the literal spaces around them); with
#                     ``back``, a match starts at most that many characters
#                     before the first of them (the widest the pattern's part
#                     before them can be), and is searched for from there;
#   ("spaced", texts, back)  the same, for texts that all start with a space
#                     (one search for them all finds them, space to space);
#   ("ends", words)   the line ends with one of the words (the pattern ends
#                     with them and ``$``);
#   ("sep", words)    one of the words is followed by white space and a
#                     colon or a dash;
#   ("chars", chars)  one of the characters occurs (every alternative has one).
_VERB_TEXTS = ("hiring", "looking for", "seeking", "searching for", "recruiting")
# The other languages' verbs of the "(company) recherche (title)" pattern.
_OTHER_VERB_TEXTS = ("recherche", "recrute", "sucht", "busca", "contrata", "procura", "s\u00f6ker", "cerca", "assume", "zoekt")
_WANTED_TEXTS = ("s\u00f6kes", "s\u00d6kes", "s\u00f6ks", "s\u00d6ks", "gesucht")
_PREFILTERS = {
    "(?P<company>[A-Z][\\w.&' -]{0,60}?(?: \\((?:Pty|Pvt|Pte|Private)\\) (?:Ltd\\.?|Limited))?"
    "(?:, (?:LLC|Inc\\.?|Ltd\\.?|GmbH|AB|S\\.?A\\.?|AG|BV|Oy|AS))?)(?: \\([^()\\n]{1,60}\\))? (?:is|are) "
    "(?:hiring|looking for|seeking|searching for|recruiting) (?:an? |one |two |several |multiple |experienced |talented )*"
    "(?:(?:full[- ]stack|remote|full[- ]time|part[- ]time) )?(?P<title>[\\w/.&#+ -]{3,80}?)"
    "(?= (?:who|to|that|with|for|in|at|on|based|located|remote)\\b|[.,;:!(]|$)":
        # (the name: 61 characters, " (Private) Limited", ", Inc.", an aside in brackets: " (London, hybrid)")
        ("any", tuple(f" {b} {v} " for b in ("is", "are") for v in _VERB_TEXTS), 61 + 18 + 6 + 63),
    "(?P<company>[A-Z][\\w.&' -]{0,60}?), (?:a|an|the|one of|part of) [^,\\n]{2,80}?, (?:is|are) "
    "(?:hiring|looking for|seeking|searching for|recruiting) (?:an? |one |two |several |multiple |experienced |talented )*"
    "(?:(?:full[- ]stack|remote|full[- ]time|part[- ]time) )?(?P<title>[\\w/.&#+ -]{3,80}?)"
    "(?= (?:who|to|that|with|for|in|at|on|based|located|remote)\\b|[.,;:!(]|$)":
        # (the texts start at the aside's closing comma: the name, its comma, the aside's article and words before it)
        ("any", tuple(f", {b} {v} " for b in ("is", "are") for v in _VERB_TEXTS), 61 + 2 + 8 + 80),
    "(?:we're|we are|we're currently|we are currently|we're now|we are now) (?:hiring|looking for|seeking|searching for|recruiting) "
    "(?:an? |one |two |several |multiple |experienced |talented )*(?P<title>[\\w/.&#+ -]{3,80}?)"
    "(?= (?:who|to|that|with|for|in|at|on|based|located|remote)\\b|[.,;:!(]|$)":
        ("any", tuple(f" {v} " for v in _VERB_TEXTS)),
    "(?:job opening|now hiring|hiring|vacancy|open position|position|job)\\s*[:\\-\u2013\u2014]\\s*(?P<title>.{3,100})":
        ("sep", ("opening", "hiring", "vacancy", "position", "job")),
    "(?P<title>.{3,100}?)\\s+(?:job opening|job offer|opening|vacancy|position)$":
        ("ends", ("opening", "job offer", "vacancy", "position")),
    "(?P<company>[\\w.&' -]{2,60}?) (?:recherche|recrute|sucht|busca|contrata|procura|s\u00f6ker|cerca|assume|zoekt) "
    "(?:un |une |un\\(e\\) |une? |eine?n? |un |una |um |uma |en |ett |een )?(?P<title>[\\w/.&#+ -]{3,80}?)"
    "(?= (?:qui|pour|avec|\u00e0|au|dans|chez|who|f\u00fcr|mit|in|bei|ab|zur|zum|para|con|som|till|hos|inom|i|p\u00e5|per|die|voor|met|bij)\\b|[.,;:!(]|$)":
        # Both cases of the o with diaeresis: lower-casing bytes keeps non-ASCII letters.
        ("spaced", (*(f" {v} " for v in _OTHER_VERB_TEXTS), " s\u00d6ker "), 60),
    # Both cases of the o with diaeresis, as above.
    "(?:s\u00f6kes|s\u00f6ks|gesucht)\\s*:?\\s+(?P<title>.{3,100})":
        ("any", _WANTED_TEXTS),
    "(?P<title>.{3,100}?)\\s+(?:s\u00f6kes|s\u00f6ks|gesucht)\\s*[!.]?$":
        ("any", _WANTED_TEXTS),
    "(?P<company>[^\\]\u3011\\n]{2,40}?)(?:\u516c\u53f8)?(?:\u8bda\u8058|\u62db\u8058|\u6025\u8058|\u9ad8\u85aa\u8bda\u8058|\u62db)"
    "\\s*(?P<title>[^\\s].{1,40}?)(?=\\s+(?:\u85aa\u6c34|\u85aa\u8d44|\u6708\u85aa|\u5e74\u85aa|\u5f85\u9047)|\\s*[\uff08(]|$)":
        ("chars", ("\u62db", "\u8058")),
    # Korean: 채용 or 모집 (hiring) is in every match.
    "^\\[(?P<company>[^\\[\\]\\n]{2,40})\\]\\s*(?P<title>[^\\s].{1,80}?)\\s+(?:\ucc44\uc6a9|\ubaa8\uc9d1)"
    "(?:\ud569\ub2c8\ub2e4| \uc911)?\\s*[.!]?$":
        ("any", ("\ucc44\uc6a9", "\ubaa8\uc9d1")),
    "^(?P<company>[^\\s].{1,40}?)\uc5d0\uc11c (?P<title>[^\\s].{1,60}?)(?:\uc744|\ub97c) (?:\ucc44\uc6a9|\ubaa8\uc9d1)"
    "(?:\ud569\ub2c8\ub2e4|\ud558\uace0 \uc788\uc2b5\ub2c8\ub2e4|\uc911\uc785\ub2c8\ub2e4)":
        ("any", ("\ucc44\uc6a9", "\ubaa8\uc9d1")),
}
_SEPS = ":-\u2013\u2014"
_FOLDS_RX = _rx("[" + FOLDS_TO_ASCII + "]")  # one of them occurs: the exact test


def _may_fold_to_ascii(b: bytes) -> bool:
    """Return whether UTF-8 ``b`` may hold one of ``FOLDS_TO_ASCII`` (by their first bytes: quick, not exact)."""
    return (b"\xc3\x9f" in b or b"\xc4" in b or b"\xc5" in b or b"\xc7" in b or b"\xe1" in b
            or b"\xe2\x84\xaa" in b or b"\xef" in b)


def _fold(s: str) -> str:
    """Return ``s`` case-folded, dotted and dotless i made "i": every character
    that a case-insensitive pattern's letter matches becomes that letter."""
    low = s.casefold()
    if not low.isascii() and ("\u0131" in low or "\u0307" in low):
        return low.replace("i\u0307", "i").replace("\u0131", "i")
    return low


def _passes(kind: str, arg, seg: str, low) -> bool:
    """Return whether line ``seg`` passes a prefilter; ``low`` is its lower-cased
    form (``_fold`` as text, or lower-cased UTF-8 bytes), ``arg`` in the same form."""
    if kind == "any" or kind == "spaced":
        return any(t in low for t in arg)
    if kind == "ends":
        # "$" matches at the end and before a final newline.
        return low.endswith(arg) or (low[-1:] in ("\n", b"\n") and low[:-1].endswith(arg))
    if kind == "sep":
        for ch in _SEPS:
            i = seg.find(ch)
            while i >= 0:
                j = i
                while j > 0 and seg[j - 1].isspace():
                    j -= 1
                if _fold(seg[max(0, j - 12):j]).endswith(arg):
                    return True
                i = seg.find(ch, i + 1)
        return False
    return any(c in seg for c in arg)


def _latin(t: str) -> str:
    """Return ``t`` as ``_Hiring`` looks for it: its UTF-8 bytes, each read as a Latin-1 character."""
    return t.encode("utf-8").decode("latin-1")


@rules.derived
def _hiring_plan() -> tuple:
    """Return (the patterns, the roots) that ``_Hiring`` reads.

    The patterns: per hiring pattern, (pattern, triggers, prefilter, form,
    check, needles, their roots), the form being what is looked for in the
    lower-cased bytes (the prefilter's texts, or the triggers when the pattern
    has no prefilter and its triggers are ASCII; None: the pattern is tried on
    every line), check whether a line that passes must still be tested for the
    triggers, needles (text, root) for each of the form's texts (none for
    "chars"), root being the shortest text of any form it holds, or itself.
    The roots: every needle's, each looked for in a posting's whole.
    """
    out = []
    for pat, triggers, pre in _hiring():
        if pre is not None:
            kind, arg = pre[:2]
            form = (kind, tuple(_latin(t) for t in arg) if kind != "chars" else arg, *pre[2:])
            if kind == "spaced":
                alts = "|".join(re.escape(t[1:]) for t in sorted(form[1], key=lambda t: (-len(t), t)))
                form = (*form, _rx(" (?=(" + alts + "))"))
            elif kind == "sep":
                # One search of the line: a word, white space, a separator.  On the
                # lines read this way no character folds to an ASCII letter, so
                # matching without case is the words' test on the folded line.
                words = "|".join(re.escape(w) for w in sorted(arg, key=lambda w: (-len(w), w)))
                form = (*form, _rx("(?:" + words + r")\s*[" + re.escape(_SEPS) + "]", re.IGNORECASE))
        elif triggers and all(t.isascii() for t in triggers):
            form = ("any", tuple(_latin(t) for t in triggers))
        else:
            form = None  # tried on every line, each tested as before
        # The trigger words are looked for in a line only when its passing the
        # prefilter does not tell: when a prefilter text (a line holds it
        # lower-cased as bytes, so its case folding holds the text's) holds
        # none of them.
        check = bool(triggers) and (pre is not None or form is None)
        if check and form is not None and form[0] in ("any", "ends", "sep", "spaced"):
            check = not all(any(t in n.encode("latin-1").decode("utf-8").casefold() for t in triggers) for n in form[1])
        out.append((pat, triggers, pre, form, check))
    # A needle holding another can occur only where that one does: it is
    # looked for only then (" is hiring " where "hiring" is).  The shortest
    # one it holds holds no other.
    texts = {t for *_, form, _ in out if form is not None and form[0] != "chars" for t in form[1]}
    # A needle's first non-ASCII character (a byte read as Latin-1, "\xc3" of
    # "sÃ¶ker") is a needle too: found at memchr's speed, and in few postings.
    texts |= {next(c for c in t if not c.isascii()) for t in texts if not t.isascii()}

    def root(t):
        return min((q for q in texts if q != t and q in t), key=lambda q: (len(q), q), default=t)

    plan = []
    for pat, triggers, pre, form, check in out:
        needles = () if form is None or form[0] == "chars" else tuple((t, root(t)) for t in form[1])
        plan.append((pat, triggers, pre, form, check, needles, frozenset(r for _, r in needles)))
    return tuple(plan), tuple(sorted({r for *_, roots in plan for r in roots}, key=lambda t: (len(t), t)))


class _Hiring:
    """The hiring patterns worth trying on each of the lines of one posting.

    Made once per posting from every line the patterns will be tried on: a
    pattern is listed for a line when it passes its prefilter there and one
    of its trigger words occurs in it, so that a line usually has none.  The
    prefilters' words are looked for once in the whole (as lower-cased UTF-8
    bytes, each read as a Latin-1 character: a str search, without the
    integer test a bytes ``in`` makes, and fails, first), and only in the
    lines of a posting that has them.
    """

    __slots__ = ("_cands",)

    def __init__(self, segs: list[str]):
        self._cands: dict[int, list] = {}
        joined = "\n".join(segs)
        if joined.isascii():
            whole = joined.lower()  # its bytes lower-cased, as text
        else:
            low = joined.encode("utf-8", "surrogatepass").lower()
            if _may_fold_to_ascii(low) and _FOLDS_RX.search(joined) is not None:
                self._each(segs)
                return
            whole = low.decode("latin-1")  # a character a byte: str searches, offsets as in the bytes
        plan, roots = _hiring_plan()
        # The roots looked for in one C loop; any other needle only where its root occurs.
        occurring = set(filter(whole.__contains__, roots))
        bounds: list = []

        def line_bounds():
            """Return where each line starts and ends in ``whole``."""
            if not bounds:
                pos = 0
                ascii_ = len(whole) == len(joined)
                for seg in segs:
                    end = pos + (len(seg) if ascii_ else len(seg.encode("utf-8", "surrogatepass")))
                    bounds.append((pos, end))
                    pos = end + 1
            return bounds

        line_starts: list = []

        def spans_starts():
            if not line_starts:
                line_starts.extend(a for a, _ in line_bounds())
            return line_starts

        def lines_with(needles) -> list[int]:
            """Return the lines that hold one of ``needles`` (each known to occur in the whole)."""
            spans = line_bounds()
            starts = spans_starts()
            found = set()
            for t in needles:
                i = whole.find(t)
                while i >= 0:
                    k = bisect_right(starts, i) - 1
                    if i + len(t) <= spans[k][1]:
                        found.add(k)
                        i = whole.find(t, spans[k][1])  # the next line's
                    else:
                        i = whole.find(t, i + 1)
            return sorted(found)

        def sep_lines(words, sep) -> list[int]:
            """Return the lines where ``sep`` (one of ``words``, white space, a
            separator: ``_hiring_plan``) matches, each word known to occur in the whole.

            In an ASCII line the pattern can match only where a word occurs
            (lower-cased, at the same offset): it is tried there; another
            line is searched whole.
            """
            spans = line_bounds()
            starts = spans_starts()
            found: set[int] = set()
            searched: set[int] = set()
            match = sep.match
            for t in words:
                i = whole.find(t)
                while i >= 0:
                    k = bisect_right(starts, i) - 1
                    a, e = spans[k]
                    if k in found or k in searched:
                        i = whole.find(t, e)  # the next line's
                        continue
                    seg = segs[k]
                    if e - a != len(seg):
                        searched.add(k)
                        if sep.search(seg) is not None:
                            found.add(k)
                        i = whole.find(t, e)
                    elif i + len(t) <= e and match(seg, i - a) is not None:
                        found.add(k)
                        i = whole.find(t, e)
                    else:
                        i = whole.find(t, i + 1)
            return sorted(found)

        for pat, triggers, pre, form, check, needles, needle_roots in plan:
            back = None
            if form is None:
                hit = range(len(segs))
            else:
                kind, arg = form[:2]
                if kind == "chars":
                    if not any(c in joined for c in arg):
                        continue
                    hit = [k for k, seg in enumerate(segs) if any(c in seg for c in arg)]
                else:
                    if occurring.isdisjoint(needle_roots):
                        continue  # (most patterns, in most postings)
                    present = [t for t, r in needles if r in occurring and (t == r or t in whole)]
                    if not present:
                        continue
                    if kind == "spaced":
                        # The search finds a text wherever one occurs: most postings have none.
                        back = form[2]
                        firsts: dict[int, int] = {}
                        for m in form[3].finditer(whole):
                            spans = line_bounds()
                            k = bisect_right(spans_starts(), m.start()) - 1
                            if m.end(1) <= spans[k][1] and k not in firsts:
                                firsts[k] = m.start()
                        hit = sorted(firsts)
                    else:
                        hit = lines_with(present)
                        if kind == "any" and len(form) > 2:
                            back = form[2]
                        if kind == "ends":
                            hit = [k for k in hit if _passes(kind, arg, "", whole[bounds[k][0]:bounds[k][1]])]
                        elif kind == "sep":
                            hit = sep_lines(present, form[2])
            for k in hit:
                if check:
                    low = segs[k].casefold()
                    if not any(t in low for t in triggers):
                        continue
                pos = 0
                if back is not None:
                    a, e = bounds[k]
                    if e - a == len(segs[k]):  # an ASCII line: offsets are the same
                        if kind == "spaced":
                            first = firsts[k]
                        else:
                            first = min(i for i in (whole.find(t, a, e) for t in present) if i >= 0)
                        pos = max(0, first - a - back)
                self._cands.setdefault(k, []).append((pat, pos))

    def _each(self, segs: list[str]) -> None:
        """Fill the lists line by line, each read case-folded."""
        self._cands = {k: [] for k in range(len(segs))}
        for k, seg in enumerate(segs):
            low = seg.casefold()
            fl = _fold(seg)
            for pat, triggers, pre in _hiring():
                if pre is not None and not _passes(pre[0], pre[1], seg, fl):
                    continue
                if triggers and not any(t in low for t in triggers):
                    continue
                self._cands[k].append((pat, 0))

    def lines(self, n: int) -> list[int]:
        """Return, in order, the lines below ``n`` that have a pattern worth trying."""
        return [k for k in sorted(self._cands) if k < n and self._cands[k]]

    def patterns(self, k: int) -> list:
        """Return (pattern, where to search from) for the hiring patterns worth trying on
        line ``k`` (of those given), in order."""
        return self._cands.get(k, ())


def _role_alternation(words) -> str:
    """Return the pattern text of role words, as ``_roles`` writes it (CJK and Korean anywhere, "*" any
    ending, a leading "*" any beginning: the compounds "*arbetare" stands for, "Lagerarbetare")."""
    latin, cjk = [], []
    for w in sorted(set(words), key=lambda w: (-len(w), w)):
        if anywhere(w):
            cjk.append(re.escape(w))
            continue
        head = r"\w*" if w.startswith("*") else ""
        body = w.strip("*")
        latin.append(head + re.escape(body) + (r"\w*" if w.endswith("*") and len(w) > 1 else ""))
    alts = []
    if latin:
        alts.append(r"(?<!\w)(?:" + "|".join(latin) + r")(?!\w)")
    if cjk:
        alts.append("|".join(cjk))
    return "|".join(alts) or r"(?!)"


_ASCII_WORD = _rx(r"[a-z0-9_]+")
_WORD = _rx(r"\w+")


@rules.derived
def _role_words():
    """Return the role words as tables for ASCII text: (words, stems by their first letters,
    their length, the other words' pattern or None, first words that call for it, the last
    parts of compounds by their last letters, their length), as bytes.

    In ASCII text a role word matches a whole word, lower-cased; a stem
    ("engineer*") the start of one.  A word with other characters (a space,
    a dot) is matched by a pattern of its own, tried when the line has its
    first word; one that no ASCII text can match (accents, CJK) is left out.
    """
    words = []
    for ws in rules.load("titles")["roles"].values():
        words.extend(ws)
    exact, stems, other, suffixes = set(), [], [], set()
    for w in set(words):
        if w.startswith("*"):
            # A compound's last part ("*arbetare"): an ASCII word that ends
            # with it.  One with other characters ("*ingenjör") can match no
            # ASCII word, unless a character folds to ASCII: then the pattern.
            body = w.strip("*")
            if body.isascii() and _ASCII_WORD.fullmatch(body.lower()) and not w[1:].endswith("*"):
                suffixes.add(body.lower().encode())
            elif body and (body.isascii() or any(c in ASCII_TWIN_CHARS for c in body)):
                other.append(w)
            continue
        body = w[:-1] if w.endswith("*") else w
        if not body:
            continue
        if not w.isascii():
            if any(c in ASCII_TWIN_CHARS for c in w) or not _WORD.fullmatch(body):
                other.append(w)
            continue
        if _ASCII_WORD.fullmatch(body.lower()):
            (stems.append(body.lower().encode()) if w.endswith("*") else exact.add(body.lower().encode()))
        else:
            other.append(w)
    n = min((len(st) for st in stems), default=1)
    by_start: dict[bytes, list] = {}
    for st in stems:
        by_start.setdefault(st[:n], []).append(st)
    firsts, always = set(), False
    for w in other:
        m = _ASCII_WORD.match(w.lower())
        if m and m.end() < len(w.rstrip("*")) and w.isascii():
            firsts.add(m.group().encode())
        else:
            always = True
    pat = _rx(_role_alternation(other), re.IGNORECASE) if other else None
    # The compounds' last parts by their last bytes (as many as the shortest
    # has): a word is tried against the few that end as it does.
    m = min((len(s) for s in suffixes), default=1)
    by_end: dict[bytes, list] = {}
    for s in sorted(suffixes):
        by_end.setdefault(s[-m:], []).append(s)
    return (frozenset(exact), {k: tuple(v) for k, v in by_start.items()}, n, pat,
            (None if always else frozenset(firsts)), {k: tuple(v) for k, v in by_end.items()}, m)


def has_role(s: str) -> bool:
    """Return whether ``s`` contains a word that names a job."""
    exact, stems, n, other, firsts, ends, m = _role_words()
    if s.isascii():
        words = s.encode().translate(WORD_BYTES).split()
    else:
        # A role word lies inside one run of word characters: ASCII runs are
        # looked up, the others searched on their own (CJK words match anywhere).
        words = []
        roles = _roles()
        for w in _WORD.findall(s):
            if w.isascii():
                words.append(w.lower().encode())
            elif roles.search(w) is not None:
                return True
    if not exact.isdisjoint(words):
        return True
    for w in words:
        cands = stems.get(w[:n])
        if cands is not None and w.startswith(cands):
            return True
        cands = ends.get(w[-m:])
        if cands is not None and w.endswith(cands):
            return True
    if other is not None and (firsts is None or not firsts.isdisjoint(words)) and other.search(s) is not None:
        return True
    if ((":in" in s or "*in" in s or "_in" in s or "/in" in s or "(in" in s)
            and _GENDERED_NOUN.search(s) is not None):
        return True  # "Lohnverrechner:in", "Entwickler*in": a noun for a person, written for every gender
    return ("(" in s or "[" in s or "\uff08" in s) and _gender_tag().search(s) is not None


_GENDERED_NOUN = _rx(r"[^\W\d_]{4,}(?:[:*_/]in(?:nen)?|\(in\)|\(innen\))(?![^\W\d_])")
"""A German noun for a person with its feminine ending after a colon, a star, an underscore or a slash."""


@rules.derived
def _gender_tag() -> re.Pattern:
    """Return the pattern of a bracketed titles.yaml ``gender_tags`` mark ("(m/w/d)", "(H/F)",
    "[all genders]"): any case, white space around a slash or between words aside."""
    alts = set()
    for t in _titles_words("gender_tags"):
        parts = [r"\s+".join(map(re.escape, p.split())) for p in t.split("/")]
        if all(parts):
            alts.add(r"\s*/\s*".join(parts))
    if not alts:
        return _rx("(?!)")
    body = "|".join(sorted(alts, key=_longest_first))
    return _rx(r"[(\[\uff08]\s*(?:" + body + r")\s*[)\]\uff09]", re.IGNORECASE)


def _parts(text: str, base: int) -> list[tuple[int, int]]:
    """Return (start, end) of the separated parts of a header line, shifted by ``base``."""
    out, pos = [], 0
    # A separator inside brackets that close is no part's end: "Engineer
    # (Remote - US)" is one part, its tag in brackets.
    bracketed = "(" in text or "[" in text or "\uff08" in text
    if bracketed:
        depth = [0] * len(_BRACKET_PAIRS)  # each pair's opens less closes before the character reached
        last_close = [text.rfind(x) for _, x in _BRACKET_PAIRS]
        counted = 0
    # What ``_SPLIT.finditer`` finds, tried only where a separator may start:
    # every one holds a separator character, and starts at it or at the
    # white space just before it (a match ends after all the white space
    # that follows it, so a search never starts inside such a run; where
    # the run's start fails, a later start in it or the character fails too).
    for mc in _SPLIT_CHAR.finditer(text):
        c = mc.start()
        if bracketed:
            inside = False
            for k, (o, x) in enumerate(_BRACKET_PAIRS):
                depth[k] += text.count(o, counted, c) - text.count(x, counted, c)
                inside = inside or (depth[k] > 0 and last_close[k] > c)
            counted = c
            if inside:
                continue  # inside brackets that close later
        if c < pos:
            continue  # inside the separator found before
        r = c
        while r > pos and text[r - 1].isspace():
            r -= 1
        m = _SPLIT.match(text, r)
        if m is not None:
            out.append((pos, r))
            pos = m.end()
    if not out:
        return [(base, base + len(text))] if text.strip() else []  # one part: no separator
    out.append((pos, len(text)))
    return [(a + base, b + base) for a, b in out if text[a:b].strip()]


_BRACKET_PAIRS = (("(", ")"), ("[", "]"), ("\uff08", "\uff09"))
"""The brackets a separator inside which splits no head line ("Engineer (Remote - US)")."""


def _labels_next(text: str, parts: list[tuple[int, int]], j: int) -> bool:
    """Return whether part ``j`` of a header line is a label: a colon follows it
    ("From: recruiter@...", "Reparto: Sviluppo"), so it names no employer."""
    e = parts[j][1]
    nxt = parts[j + 1][0] if j + 1 < len(parts) else len(text)
    return text.find(":", e, nxt) >= 0 or text.find("\uff1a", e, nxt) >= 0


def _titleish(s: str) -> bool:
    """Return whether a line is short and shaped like a title or a name rather than a sentence
    (a period ending a level's or a legal form's abbreviation ends no sentence: "Data Analyst
    Jr.", "Kestrel Packaging Ltd.")."""
    t = s.strip()
    return 0 < len(t) <= 120 and len(t.split()) <= 14 and (
        not t.endswith((".", "!", "?", "。")) or t.rsplit(None, 1)[-1].casefold() in _dotted_levels()
        or t[-1] == "." and _abbrev_end().search(t, 0, len(t) - 1) is not None)


@rules.derived
def _dotted_levels() -> frozenset[str]:
    """Return the level words of seniority.yaml that end with a period ("Jr.", "Sr."), case-folded."""
    words = rules.load("seniority").get("words") or {}
    return frozenset(str(w).casefold() for lang in words.values() for ws in lang.values() for w in ws
                     if str(w).endswith("."))


class _Kinds(dict):
    """``tag_kind`` of the fragments of one posting, each computed once."""

    __slots__ = ()

    def __missing__(self, s: str) -> str | None:
        k = self[s] = tag_kind(s)
        return k


@rules.derived
def _not_names() -> frozenset[str]:
    """Return the keys of the ``not_names`` of every language: labels that stand where a name
    would, and the ``wanted_heads`` ("Se solicita: Ejecutivo de Ventas" names no employer)."""
    return frozenset(_phrase_key(w) for w in _titles_words("not_names") | _titles_words("wanted_heads"))


@rules.derived
def _skill_names() -> frozenset[str]:
    """Return the keys of titles.yaml's ``skill_names``: a language or a tool names no employer."""
    return frozenset(_phrase_key(str(w)) for w in rules.load("titles").get("skill_names") or ())


_NOT_NAME_WORDS = 3
"""The most words of a ``not_names`` phrase ("offre d'emploi", "now hiring") looked for at a part's start."""


def _opens_with_not_name(s: str) -> bool:
    """Return whether a part of a head line is a note about the opening: it opens with a
    board's label and goes on as a phrase, not a name ("Vaga exclusiva para pessoas com
    deficiência", "Vacancy in Leeds", "Join our team"; not "Jobs Platform", a team).
    """
    words = key(s).split()
    names = _not_names()
    for n in range(min(_NOT_NAME_WORDS, len(words)), 0, -1):
        if " ".join(words[:n]) in names:
            rest = s.split()[n:]
            return not rest or any(w[:1].islower() for w in rest)
    return False


def _nameish(s: str, kinds: _Kinds) -> bool:
    """Return whether a line could be an organisation's name."""
    t = s.strip().rstrip(".")
    if not t.isascii():
        i, j = _trim_symbols(t, 0, len(t))  # "🚀 WE'RE HIRING": the words, not the emoji
        t = t[i:j]
    if not t or len(t) > 80 or len(t.split()) > 8 or t.endswith((":", "!", "?")):
        return False
    words = key(t).split()
    joined = " ".join(words)
    if not words or t[:1].isdigit() or t[:1] in "@#" or words[0].rstrip(",!") in _not_name_openers() or joined in _not_names():
        return False  # (an "@channel" or a "#hiring" tag of a chat names no one)
    if joined in _skill_names():
        return False  # "Kubernetes is a core part of our stack": a tool, not an employer
    # A name's words are capitalised but for small ones ("Banco do Brasil"):
    # a line that capitalises some words and leaves most of its words (two
    # or more) in lower case is a sentence ("Join our cafe team.").  A line
    # all in lower case says nothing (a text lowered as a whole).
    lower = sum(1 for w in t.split() if w[:1].islower() and not (w[1:2] in "'\u2019" and w[2:3].isupper()))
    # ("l'Ouest", "d'Azur": an elided article before a capital is the capital's word)
    if lower >= 2 and lower * 2 > len(words) and not t.islower():
        return False
    if kinds[t] is not None and not _legal_name_then_place(t, kinds):
        return False
    if _departments().issuperset(_DEPT_WORD.findall(t.lower())):
        return False
    if any(c.isdigit() for c in t) and _amount().search(t) is not None:
        return False  # an amount ("Lift up to 25 KG", "At least 3 years"), not a name
    if len(words) <= 3 and heading_key(t) in vocabulary().labels:
        return False  # a field's label alone ("Salary | Competitive", a table's "Company" cell)
    if has_role(t):
        if _institution_name(t):
            return True  # "Aldergrove Specialist Hospital": a role word inside an institution's name
        if _ends_with_legal_form(t) and not has_role(t.split()[0]):
            return True  # "Steuerberatung Hofbauer & Partner GmbH": a role word inside a firm's name
        # A firm named by a plural role word ("Oakridge Partners"): the words
        # before it must name no job and be no tag ("Senior Engineers" is none).
        rest = _without_firm_ending(t, words)
        return rest is not None and not has_role(rest) and kinds[rest] is None
    comma = t.find(",")
    # "Leeds, West Yorkshire": a place and its region, not a name (asked last: a kind costs most)
    return comma <= 0 or kinds[t[:comma].strip()] != "place"


def _institution_name(t: str) -> bool:
    """Return whether ``t`` is an institution's name though a role word is in it: two words or
    more, no comma, the last an ``institution_words`` word, the first capitalised and no role
    ("Aldergrove Specialist Hospital", "Northfield Nursing Academy"; not "Head Office")."""
    ws = t.split()
    return (len(ws) >= 2 and "," not in t and ws[0][:1].isupper() and ws[-1].lower() in _institution_words()
            and not has_role(ws[0]) and not has_role(ws[-1]))


def _legal_name_then_place(t: str, kinds: _Kinds) -> bool:
    """Return whether ``t``, read as a place, is a name with a legal form, a comma, then the place
    ("Stadtwerke Auenfeld GmbH, Freiburg im Breisgau"): the name, which ``_tidy_company`` cuts at the comma."""
    comma = t.find(",")
    if comma <= 0 or kinds[t] != "place":
        return False
    head = t[:comma].split()
    return len(head) >= 2 and head[-1] in _legal_forms() and kinds[t[:comma].strip()] is None


def _phrase_key(s: str) -> str:
    """Return ``key(s)`` with its white space collapsed: a phrase as the word-list sets hold it."""
    return " ".join(key(s).split())


def _titles_words(name: str) -> set[str]:
    """Return the words of titles.yaml's list ``name``, of every language, as written."""
    return {str(w) for ws in (rules.load("titles").get(name) or {}).values() for w in ws}


@rules.derived
def _title_lead_ins() -> frozenset[str]:
    """Return the keys of titles.yaml's ``title_lead_ins`` of every language."""
    return frozenset(_phrase_key(w) for w in _titles_words("title_lead_ins"))


_LOWER_LEAD = _rx(r"(?:[a-z][a-z0-9\u00df-\u00f6\u00f8-\u00ff'-]*[ \t]+){1,3}(?=[A-Z])")
"""Lower-case words before a capitalised title in a hiring sentence ("detail-oriented Payroll
Administrator"); a word with a capital in it is a name of the trade's ("eCR Coordinator", "iOS
Developer"), no lead."""


def _lower_lead(t: str) -> int:
    """Return how many characters of a hiring sentence's title are lower-case words before its
    capitals ("a detail-oriented Payroll Administrator"), where what follows names a job; else 0."""
    m = _LOWER_LEAD.match(t)
    return m.end() if m is not None and has_role(t[m.end():]) else 0
_HEAD_BLOCKS = 16
"""The blocks the head lines are looked for in when the first ones are a list."""
_SUBJECT_BLOCKS = 16
"""The blocks a forwarded e-mail's header may stand in, below a note of the one who forwards it."""


def _from_forwarded_subject(ctx, lead: list) -> list:
    """Return ``lead``, or the head lines from a forwarded e-mail's subject on ("Hi Tom, this
    landed in my inbox ..." / "---------- Forwarded message ---------" / "From: ..." /
    "Subject: Senior SAP FI/CO Consultant - Lyon"): when the first lines hold no subject and
    one stands among the first blocks beside a From, To or Date line."""
    text = ctx.text
    prefix = _email_prefix()
    if any(prefix.match(text, b.start, b.end) for b in lead[:3]):
        return lead
    blocks = [b for b in ctx.blocks[:_SUBJECT_BLOCKS] if b.type != BOILERPLATE]
    for k, b in enumerate(blocks):
        if b.type in (TEXT, HEADING, LABEL) and text.find(":", b.start, b.start + _EMAIL_PREFIX_REACH) >= 0 \
                and prefix.match(text, b.start, b.end) and any(
                    _email_address_line(text, n.start, n.end) for n in blocks[max(0, k - 3):k + 4] if n is not b):
            out = [b]
            for n in blocks[k + 1:]:
                if n.type in (TEXT, HEADING) and not _email_address_line(text, n.start, n.end):
                    out.append(n)
                    if len(out) >= 5:
                        break
            return out
    return lead


def _email_address_line(text: str, a: int, e: int) -> bool:
    """Return whether text[a:e] is an e-mail header line that names people or a date, not the
    subject ("From: Thandeka <...>", "To: Joburg Sales Jobs <...>"): headings.yaml
    ``email_header_labels`` but the ``email_prefixes``, then a colon."""
    colon = text.find(":", a, min(e, a + _EMAIL_PREFIX_REACH))
    if colon < 0:
        return False
    return _phrase_key(text[a:colon]) in _email_address_labels()


@rules.derived
def _email_address_labels() -> frozenset[str]:
    """Return the keys of headings.yaml's ``email_header_labels`` that are no ``email_prefixes``."""
    labels = {_phrase_key(str(w)) for w in rules.load("headings").get("email_header_labels") or ()}
    return frozenset(labels - {_phrase_key(w) for w in _titles_words("email_prefixes")})


def _portal_line(text: str, b) -> bool:
    """Return whether a head line is made of ``not_names`` parts alone ("Human Resources | Employment
    Opportunities"): a jobs portal's banner, naming no employer."""
    return portal_segment(text, b.start, b.end)


def portal_segment(text: str, a: int, e: int) -> bool:
    """Return whether text[a:e] is made of ``not_names`` parts alone (a jobs portal's banner)."""
    parts = _parts(text[a:e], a)
    return bool(parts) and all(_phrase_key(text[pa:pe]) in _not_names() for pa, pe in parts)


def _ends_with_legal_form(s: str) -> bool:
    """Return whether a name of two to six words ends with a ``legal_forms`` word ("Kranich Robotics GmbH")."""
    words = s.split()
    return 2 <= len(words) <= 6 and words[-1] in _legal_forms()


def _is_title_lead_in(line: str) -> bool:
    """Return whether a line announces the title on the line under it: a ``title_lead_ins``
    line as a whole, or a sentence ending with a ``title_lead_in_ends`` word."""
    k = _phrase_key(line.rstrip(": \t"))
    return k in _title_lead_ins() or " " in k and k.rsplit(" ", 1)[-1] in _title_lead_in_ends()


@rules.derived
def _title_lead_in_ends() -> frozenset[str]:
    """Return the keys of titles.yaml's ``title_lead_in_ends`` of every language."""
    return frozenset(_phrase_key(w) for w in _titles_words("title_lead_in_ends"))


def _titles_alternation(name: str) -> str:
    """Return the guarded alternation of titles.yaml's list ``name`` (``_vocab.alternation``),
    or a pattern that matches nothing when the list is empty."""
    from ._vocab import alternation

    words = _titles_words(name)
    return alternation(words) if words else "(?!)"


@rules.derived
def _institution_words() -> frozenset[str]:
    """Return the ``institution_words`` of every language, lower case."""
    return frozenset(w.lower() for w in _titles_words("institution_words"))


_EMAIL_PREFIX_REACH = 24
"""How far into a head line the colon of an ``email_prefixes`` word may be ("Re: Fwd: Subject:")."""


@rules.derived
def _email_prefix() -> re.Pattern:
    """Return the pattern of the ``email_prefixes`` that open a line, each with its colon, one or more."""
    return _rx(r"[ \t]*(?:" + _titles_alternation("email_prefixes") + r"[ \t]*[:\uff1a][ \t]*)+", re.IGNORECASE)


@rules.derived
def _amount() -> re.Pattern:
    """Return the pattern of an ``amount_words`` phrase right before a number (whole words, any case)."""
    return _rx(_titles_alternation("amount_words") + r"[ \t\u00a0]*\d", re.IGNORECASE)


def _without_firm_ending(t: str, words: list[str]) -> str | None:
    """Return ``t`` without a last word of ``firm_endings`` ("Oakridge Partners" -> "Oakridge"), else None."""
    if len(words) > 1 and words[-1] in _firm_endings() and t.split()[-1][:1].isupper():
        return t.rsplit(None, 1)[0]
    return None


def _department_line(s: str) -> bool:
    """Return whether a line is made of ``departments`` words alone ("Faculty of Engineering")."""
    words = _DEPT_WORD.findall(s.lower())
    return bool(words) and _departments().issuperset(words)


@rules.derived
def _departments() -> frozenset[str]:
    """Return the words of titles.yaml's ``departments`` of every language, lower case."""
    return frozenset(w.lower() for w in _titles_words("departments"))


_DEPT_WORD = _rx(r"[\w&]+(?:[-'’][\w&]+)*")
"""A word of a department's name ("front-end", "r&d"); dashes and other signs between words are no words."""


@rules.derived
def _firm_endings() -> frozenset[str]:
    return frozenset(key(str(w)) for w in rules.load("titles").get("firm_endings") or ())


_NEVER_TITLE = frozenset({"url", "salary", "place", "mode", "tags", "reference", "note"})
_TAIL_TAGS = _NEVER_TITLE | {"employment"}
"""The tags that end a head line after its title and are no part of it ("- Barcelona/Remote")."""


def _untagged(kinds: _Kinds, segs: list[str], k: int) -> int:
    """Return how many of the first ``k`` parts ``segs`` of a head line are left once the
    tags that end them go (``_TAIL_TAGS``); at least one."""
    while k > 1 and kinds[segs[k - 1]] in _TAIL_TAGS:
        k -= 1
    return k
_AT_PREFIX = _rx(r"(?:at|@|chez|bei|hos)\s+(?=\S)", re.IGNORECASE)
_HIRES_AT_END = _rx(r"\s+(?:(?:is|are)\s+)?(?:" + "|".join(map(re.escape, (*_VERB_TEXTS, *_OTHER_VERB_TEXTS)))
                    + r")\s*[!:.]?\s*$|(?<=[\u4e00-\u9fff])(?:诚聘|招聘|急聘)\s*[!:.！：]?\s*$", re.IGNORECASE)
"""A hiring verb that ends a line next to the title, after the employer's name ("Acme is hiring!", "蓝海云图招聘")."""
_HIRING_WINDOW = 250
_HIRING_BLOCKS = 15


@rules.derived
def _not_name_openers() -> frozenset[str]:
    """Return the keys of titles.yaml's ``not_name_openers`` of every language (pronouns,
    possessives, greetings): a line or a captured name that opens with one names no employer."""
    return frozenset(key(w) for w in _titles_words("not_name_openers"))


def _is_company(s: str, kinds: _Kinds) -> bool:
    """Return whether a captured name can be an employer (capitalised, and name-like by ``_nameish``:
    no pronoun, possessive or greeting opens it)."""
    t = s.strip()
    if not t:
        return False
    caseless = t[0].lower() == t[0].upper()  # CJK and other scripts without case
    return (t[0].isupper() or not t[0].isalpha() or caseless) and _nameish(t, kinds)


def extract(ctx) -> tuple[Value | None, Value | None, list[Candidate]]:
    """Return (title, company, losing candidates)."""
    text = ctx.text
    titles: list[Value] = []
    companies: list[Value] = []

    title_labels = ctx.labels("title")
    body_from = len(text)  # where the posting's first list starts
    if title_labels:
        for sec in ctx.outline.sections:
            if sec.kind in LIST_KINDS and (sec.heading is not None or sec.blocks):
                body_from = (sec.heading or sec.blocks[0]).start
                break
    kinds = _Kinds()
    for b in title_labels:
        a, e = ctx.label_value(b)
        v = ctx.value(a, e, "title.label" if b.start < body_from else "title.body_label")
        if v and kinds[v.value.split(",", 1)[0]] not in _COMMA_TAGS:
            titles.append(v)  # (not "Position: Full-time, W-2 company driver": the job's terms)
    for b in ctx.labels("company"):
        a, e = ctx.label_value(b)
        v = ctx.value(a, e, "company.label")
        if v and _phrase_key(v.value) not in _not_names():  # (a board's tabs: "Company" / "Reviews")
            companies.append(v)

    lead = [b for b in ctx.lead if b.type in (TEXT, HEADING) and not _email_address_line(text, b.start, b.end)]
    if len(lead) < 3 and len(ctx.lead) >= 5:
        # The first blocks were a list ("Why you'll love working at Meridian Pantry" over its perks, then
        # "We're hiring!" and the title): the head lines go on after it.
        lead = [b for b in ctx.blocks[:_HEAD_BLOCKS] if b.type in (TEXT, HEADING)
                and not _email_address_line(text, b.start, b.end)][:5]
    if len(lead) > 1 and _phrase_key(text[lead[0].start:lead[0].end]) in _board_names():
        lead = lead[1:]  # a board's name opening its page's menu ("LinkedIn" / "Home" / ...); under a title it hires
    lead = _from_forwarded_subject(ctx, lead)
    # Every line the hiring patterns are tried on: the first lines' bodies
    # and the openings of the first blocks.
    heads = []
    for b in lead[:3]:
        line = text[b.start:b.end]
        # An e-mail's subject: "Subject: [Jobs] Data Engineer at Acme" is the line after it.
        sm = _email_prefix().match(line) if ":" in line[:_EMAIL_PREFIX_REACH] else None
        off = sm.end() if sm else 0
        # (the pattern's bracket opens the line, after white space only)
        m = _BRACKET_PREFIX.match(line, off) if line[off:off + 1] in "[\u3010" or line[off:off + 1].isspace() else None
        if m is not None and has_role(m.group("inner")) and not has_role(line[m.end():]) and tag_kind(m.group("inner")) is None:
            # "【フロントエンドエンジニア】自社SaaSの開発／React／フルリモート可": the title in brackets, its tags after
            heads.append((b.start + m.start("inner"), m.group("inner")))
            continue
        off = m.end() if m else off  # "[Shanghai/Remote] ..." : places and modes, read elsewhere
        heads.append((b.start + off, line[off:]))
    openings = []
    for b in ctx.blocks[:_HIRING_BLOCKS]:
        if b.type in (TEXT, HEADING, LABEL):
            a = b.start
            e = a + _HIRING_WINDOW
            openings.append((a, text[a:e if e < b.end else b.end]))
    # A first line that is a block's whole opening is one line to read, not two.
    segs = [seg for _, seg in openings]
    where = {start: k for k, (start, _) in enumerate(openings)}
    head_line = []
    for base, body in heads:
        k = where.get(base)
        if k is None or segs[k] != body:
            k = len(segs)
            segs.append(body)
        head_line.append(k)
    hire = _Hiring(segs)

    title_block = None
    pre_title = []  # (the block, the index in companies) of a name read from a line over the title
    for idx, b in enumerate(lead[:3]):
        line = text[b.start:b.end]
        t_v, c_v = _from_line(ctx, kinds, hire.patterns(head_line[idx]), *heads[idx])
        if t_v is not None and c_v is None and t_v.rule == "title.first_line":
            t_v, c_v = _comma_employer(ctx, kinds, t_v)
        if t_v is not None:
            if idx > 0 and t_v.rule == "title.first_line":
                t_v = Value(t_v.value, t_v.span, "title.second_line")
            titles.append(t_v)
            title_block = idx
            if c_v is not None:
                companies.append(c_v)
            for pb, k in pre_title:
                if _chrome_between(ctx, pb, b):
                    # "AcademicPosts UK | Academic & research jobs" over the page's path and the
                    # title: the site's name, after any name next to the title
                    companies[k] = Value(companies[k].value, companies[k].span, "company.site_name")
            break
        if c_v is not None:
            pre_title.append((b, len(companies)))
            companies.append(c_v)
        if idx == 0 and not _titleish(line) and _HIRES_AT_END.search(line) is None:
            break  # a sentence opens the posting; but "Acme is hiring!" announces the title under it

    if title_block is None and len(lead) > 3 and (lead[3].type == HEADING and lead[3].kind is None or (
            lead[3].type == TEXT and lead[3].blank_before and not lead[1].blank_before and not lead[2].blank_before)) and all(
            b.type == TEXT for b in lead[:3]):
        # A startup board's name, tagline and facts over the title set apart ("Kestrel Labs (S23)" /
        # "AI copilots for field-service dispatchers" / "San Francisco · 9 employees" / "" / "Full-Stack Engineer")
        b = lead[3]
        t_v, c_v = _from_line(ctx, kinds, [], b.start, text[b.start:b.end])
        if t_v is not None and t_v.rule == "title.first_line":
            titles.append(Value(t_v.value, t_v.span, "title.second_line"))
            title_block = 3
            if (c_v := _name_line(ctx, kinds, lead[0])) is not None:
                companies.append(c_v)  # the board's first line names the employer

    if title_block is None and (_title_lead_ins() or _title_lead_in_ends()):
        # "Applications are invited for the following post:" over the title, below the school's name and address
        for idx, b in enumerate(lead[:4]):
            if idx + 1 < len(lead) and _is_title_lead_in(text[b.start:b.end]):
                nb = lead[idx + 1]
                line = text[nb.start:nb.end]
                if _titleish(line) and has_role(line) and (v := ctx.value(nb.start, nb.end, "title.after_lead_in")):
                    titles.append(v)
                    title_block = idx + 1
                break

    # Hiring sentences, in the first lines or the opening prose.  Only a
    # block's opening is read: the sentence that introduces a job comes first,
    # and the bound keeps the patterns' cost linear in the posting.
    for k in hire.lines(len(openings)):
        start, seg = openings[k]
        for pat, pos in hire.patterns(k):
            m = pat.search(seg, pos)
            if not m:
                continue
            t = m.group("title")
            if not has_role(t) or len(t.split()) > 8:
                continue
            v = ctx.value(start + m.start("title") + _lower_lead(t), start + m.end("title"), "title.hiring")
            if v:
                titles.append(v)
            if "company" in pat.groupindex and m.group("company"):
                c = ctx.value(start + m.start("company"), start + m.end("company"), "company.hiring")
                if c and _is_company(c.value, kinds):
                    companies.append(c)
            break

    # A short name-like line next to the title: before it when the title is
    # on the second line (or in a label), else after it.
    comp = _adjacent_company(ctx, kinds, lead, title_block, titles)
    if comp is not None:
        companies.append(comp)
    elif (comp := _legal_line(ctx, kinds)) is not None:
        companies.append(comp)

    cs = _company_sentences()
    about = ctx.sections("about_company")
    about_heads = [sec.heading for sec in about if sec.heading is not None]
    first = ctx.lead[0] if ctx.lead else None
    if first is not None and first.type == TEXT and first.end - first.start <= _ABOUT_FIRST_LINE:
        about_heads.insert(0, first)  # a page that opens with "About Northwind", then the title: no heading there
    from_heads = len(companies)  # (the about headings' names follow)
    for h in about_heads:
        m = cs.about.match(text[h.start:h.end].strip(" #*:"))
        # (the pattern ignores case for "ABOUT"/"about"; the name itself
        # must be capitalised: "About the internship" names none)
        if m and key(m.group("name")) not in cs.not_names and _is_company(_without_the(m.group("name")), kinds):
            off = h.start + (len(text[h.start:h.end]) - len(text[h.start:h.end].lstrip(" #*")))
            v = ctx.value(off + m.start("name"), off + m.end("name"), "company.about")
            if v:
                companies.append(v)
    for sec in about:
        first = next((b for b in sec.blocks if b.type == TEXT), None)
        if first is not None:
            m = cs.name_is.match(text, first.start, first.end)
            if m is None and (m := _NAME_DOES.match(text, first.start, first.end)) is not None:
                if key(m.group("name")).split()[0] in _sentence_openers():
                    m = None  # "Many Lycos employees ...": a sentence's opening word, not a name
            if m and key(m.group("name")) not in cs.not_names and _is_company(m.group("name"), kinds):
                v = ctx.value(m.start("name"), m.end("name"), "company.about")
                if v:
                    # "About Halvorsen" over "Halvorsen Software makes ...": the paragraph's name,
                    # which is the heading's and more, before the heading's
                    at = next((k for k in range(from_heads, len(companies))
                               if v.value.startswith(companies[k].value + " ")), len(companies))
                    companies.insert(at, v)
                    break
    for b in ctx.blocks[:60]:
        if b.type == TEXT and text.startswith(cs.at_words, b.start, b.end):
            m = cs.at_x.match(text, b.start, b.end)
            if m and key(m.group("name")) not in cs.not_names:
                v = ctx.value(m.start("name"), m.end("name"), "company.about")
                if v:
                    companies.append(v)
                    break
    # "Hello! We're Payflow, a fintech company based in Barcelona."
    n_text = 0
    for b in ctx.blocks[:30]:
        if b.type != TEXT:
            continue
        n_text += 1
        if n_text > _WE_ARE_BLOCKS:
            break
        e = min(b.end, b.start + _WE_ARE_REACH)
        low = text[b.start:e].lower()
        if not any(w in low for w in cs.we_are_words):
            continue  # (one search of the lower-cased opening for the pattern's first words)
        m = cs.we_are.search(text, b.start, e)
        if m and m.group("stop") and not _named_again(text, m.group("name"), m.start(), m.end()):
            m = None  # a sentence ("We are Very Excited.") names a company only if it is named again or has a legal form
        if m and key(m.group("name")) not in cs.not_names and _is_company(m.group("name"), kinds):
            v = ctx.value(m.start("name"), m.end("name"), "company.about")
            if v:
                companies.append(v)
                break
    # "Quillpad is the writing platform used by ...": the posting's first
    # prose paragraphs, where no about section names the employer.
    for b in _opening_prose(ctx):
        m = cs.name_is.match(text, b.start, b.end)
        if m is None and (m := _NAME_DOES.match(text, b.start, b.end)) is not None and (
                key(m.group("name")).split()[0] in _sentence_openers()
                or not _named_again(text, m.group("name"), m.start(), m.end())):
            m = None  # "Havenlicht builds terminal software ...": a name that the posting writes again
        if (m and _opens_a_name(text, m)
                and not _judges_a_skill(text, m.end(), b.end)
                and key(m.group("name")) not in cs.not_names and _is_company(m.group("name"), kinds)):
            v = ctx.value(m.start("name"), m.end("name"), "company.opening")
            if v:
                companies.append(v)
                break
    if not companies:
        # "Join the analytics team at Klarfors AB": a name with a legal form
        # after a works_at word in the opening paragraphs.
        v = _legal_name_at(ctx, kinds)
        if v is not None:
            companies.append(v)
    for b in ctx.outline.boilerplate:
        m = _FOOTER.search(text, b.start, b.end)
        if m:
            g = "a" if m.group("a") else "b" if m.group("b") else "c"
            v = ctx.value(m.start(g), m.end(g), "company.footer", strip=" \t.!,;:")
            if v:
                companies.append(v)

    losers: list[Candidate] = []
    title = _pick(titles, "title", losers)
    company = _pick(companies, "company", losers)
    if company is not None:
        company = _tidy_company(ctx, company)
    if company is not None and _bare_domain(company.value):
        named = _name_of_domain(ctx, company)
        if named is not None:
            losers.append(Candidate("company", company.value, company.span, company.rule,
                                    f"{named.rule}: the posting names the company of this domain"))
            company = named
    if title is not None and company is not None:
        cut = _without_company(ctx, title, company, kinds)
        if cut is not title:
            losers.append(Candidate("title", title.value, title.span, title.rule,
                                    f"{company.rule}: its part after a separator is the company"))
            title = cut
    return title, company, losers


def _without_company(ctx, title: Value, company: Value, kinds: _Kinds) -> Value:
    """Return ``title`` cut before a part of it, after a separator, that is the company's name
    ("Senior Data Engineer - Acme Analytics - Remote" when the posting names Acme Analytics
    elsewhere), if what is left still names a job; else ``title`` itself."""
    text = ctx.text
    a, e = title.span.start, title.span.end
    seg = text[a:e]
    name = " ".join(company.value.casefold().split())
    if not name or name not in " ".join(seg.casefold().split()):
        return title
    seps = list(_SPLIT.finditer(seg))
    for i, m in enumerate(seps):
        end = seps[i + 1].start() if i + 1 < len(seps) else len(seg)
        if " ".join(seg[m.end():end].casefold().split()) == name:
            # (what is left trimmed as a title is: "SOUS CHEF WANTED – The Copper Kettle")
            v = ctx.value(*_trim_title(text, a, a + m.start(), kinds), title.rule)
            return v if v is not None and has_role(v.value) else title
    return title


@rules.derived
def _legal_forms() -> frozenset[str]:
    """Return the ``legal_forms`` of titles.yaml ("Inc.", "GmbH"), as written and in capitals
    (a line written all in capitals: "ACME CORP", "NORDLICHT GMBH")."""
    forms = {str(f) for f in rules.load("titles").get("legal_forms") or []}
    return frozenset(forms | {f.upper() for f in forms})


_CAPITALISED = _rx(r"(?<![\w.@/])[A-Z][\w&'’.-]*(?:[ \t]+[A-Z][\w&'’.-]*)*")
"""A run of capitalised words: where a company's name may be written."""
_NON_SPACE = _rx(r"\S+")
_DOMAIN_LOOK = 4000
"""Characters of the posting where the name of a domain's company is looked for."""
_DOMAIN_WORDS = 3
"""The most words of a name written for a domain."""


def _name_of_domain(ctx, v: Value) -> Value | None:
    """Return the name the posting writes for the company of the domain ``v`` ("klarasystems.com"):
    the domain's words ("Klara Systems"), or their start with a legal form ("Klara Inc."); None
    when it writes neither."""
    label = v.value.lower().removeprefix("www.").split(".")[0].replace("-", "")
    if len(label) < 3 or not label.isalnum():
        return None
    text = ctx.text
    forms = _legal_forms()
    for run in _CAPITALISED.finditer(text, 0, min(len(text), _DOMAIN_LOOK)):
        if v.span.start <= run.start() < v.span.end:
            continue
        words = [(m.start(), m.end(), m.group()) for m in _NON_SPACE.finditer(run.group())]
        for i in range(len(words)):
            joined = ""
            for j in range(i, min(i + _DOMAIN_WORDS, len(words))):
                joined += words[j][2].lower()
                if not label.startswith(joined):
                    break
                a = run.start() + words[i][0]
                if joined == label:
                    return ctx.value(a, run.start() + words[j][1], "company.domain_name")
                nxt = words[j + 1][2].rstrip(",") if j + 1 < len(words) else ""
                if nxt in forms and len(joined) >= 3:
                    return ctx.value(a, run.start() + words[j + 1][0] + len(nxt), "company.domain_name")
    return None


@rules.derived
def _abbrev_end() -> re.Pattern:
    """Return the pattern of a ``legal_forms`` abbreviation ending a name, without its last period
    ("Acme, Inc.", "Nexora S.r.l.", "Nordpol Sp. z o.o."): that period is part of the name."""
    forms = sorted({f[:-1] for f in _legal_forms() if f.endswith(".") and len(f) > 1}, key=len, reverse=True)
    return _rx(r"(?<!\w)(?:" + ("|".join(map(re.escape, forms)) or "(?!)") + r")$", re.IGNORECASE)  # ("MERIDIAN FOODS INC.")


@rules.derived
def _careers_at() -> re.Pattern:
    """Return the pattern of a ``careers_at`` phrase opening a line, with the white space after it."""
    return _rx(r"(?:" + _titles_alternation("careers_at") + r")[ \t]+(?=\S)", re.IGNORECASE)


@rules.derived
def _works_at() -> re.Pattern:
    """Return the pattern of a ``works_at`` word ending a text ("... team at "), an article allowed after it."""
    articles = _titles_words("works_at_articles")
    whole = "|".join(sorted((re.escape(w) for w in articles if w[-1:] not in "'’"), key=_longest_first))
    elided = "|".join(sorted((re.escape(w) for w in articles if w[-1:] in "'’"), key=_longest_first))
    article = "|".join(x for x in ((r"(?:" + whole + r")[ \t]+") if whole else "", elided) if x)
    return _rx(r"(?<!\w)(?:" + _titles_alternation("works_at") + r")[ \t]+" + (f"(?:{article})?" if article else "")
               + "$", re.IGNORECASE)


_WORKS_AT_REACH = 16
"""How far before a name its works_at word may start ("au sein de la " is 14 characters)."""


def _opening_prose(ctx):
    """Yield the posting's first ``_OPENING_BLOCKS`` prose blocks (text of six words or
    more) before any list: where an opening names the employer."""
    text = ctx.text
    n_text = 0
    for sec in ctx.outline.sections:
        if sec.kind in LIST_KINDS:
            return
        for b in sec.blocks:
            if b.type != TEXT or text.count(" ", b.start, b.end) < 5:
                continue
            n_text += 1
            if n_text > _OPENING_BLOCKS:
                return
            yield b


def _legal_name_at(ctx, kinds: _Kinds) -> Value | None:
    """Return the first name with a legal form after a ``works_at`` word in the opening
    paragraphs (``_opening_prose``), or None."""
    text = ctx.text
    forms = _legal_forms()
    works_at = _works_at()
    for b in _opening_prose(ctx):
        for run in _CAPITALISED.finditer(text, b.start, b.end):
            words = [(m.start(), m.group()) for m in _NON_SPACE.finditer(run.group())]
            # A works_at word may open the run ("Join Klarfors AB"), or stand before it.
            first = 1 if works_at.search(words[0][1] + " ") is not None else 0
            # The name: up to its first legal form ("Klarfors AB in Stockholm" ends at AB).
            end = None
            for i in range(first + 1, min(len(words), first + _NAME_LINE_WORDS)):
                w = words[i][1].rstrip(",;:")
                if w in forms or (w.endswith(".") and w[:-1] in forms):
                    end, form = i, w if w in forms else w[:-1]
                    break
            if end is None:
                continue
            a = run.start() + words[first][0]
            if not first and works_at.search(text, max(b.start, a - _WORKS_AT_REACH), a) is None:
                continue
            if kinds[text[a:run.start() + words[end - 1][0] + len(words[end - 1][1])]] == "place":
                continue  # a place and its state's code ("at Adelaide SA"), not a name and its form
            v = ctx.value(a, run.start() + words[end][0] + len(form), "company.legal_name")
            if v:
                return v
    return None


_LEADING_THE = _rx(r"[Tt]he\s+(?=[A-Z])")


def _without_the(name: str) -> str:
    """Return ``name`` without a leading "The "/"the " before a capital ("About the Openwork Foundation")."""
    m = _LEADING_THE.match(name)
    return name[m.end():] if m else name


def _tidy_company(ctx, v: Value) -> Value:
    """Return the company without what surrounds a name: "The ", a trailing ", Place".

    "City of Burbank, CA" names the employer and where it is; "The Acme
    Foundation is hiring" names "Acme Foundation".  A period that belongs to
    an abbreviation ("Systems, Inc.") is kept.
    """
    text = ctx.text
    a, e = v.span.start, v.span.end
    m = _LEADING_THE.match(text, a, e)
    if m and v.rule in ("company.hiring", "company.about") and len(text[m.end():e].split()) >= 2:
        a = m.end()  # "The Acme Foundation is hiring": the article is the sentence's
    c = text.find(", ", a, e)
    if c > a and (key(text[c + 2:e]) + " ").startswith(_company_asides()):
        e = c  # "Acme Corp, a Fernwood company", "Nimbus, part of Oracle": the name without the aside
    # Only a comma inside the name can be cut at: without one, no place is looked for.
    found = None
    if text.find(",", a, e) >= 0:
        from . import places

        found = places.find_places(text[a:e])
    if found and (a + found[-1].end >= e - 1 or places.STATE_TAIL.fullmatch(text, a + found[-1].end, e)
                  or _PAREN_TAIL.fullmatch(text, a + found[-1].end, e)):
        # Cut at the comma before the place ("Acme Ltd, Berlin, Germany"), or
        # inside it when the name runs into it ("City of Burbank, CA"); a
        # postcode may stand before the place or after it ("Stadtwerke
        # Auenfeld GmbH, 79098 Freiburg", "Acme Inc., Austin, TX 78701").
        place_start = a + found[-1].start
        comma = text.rfind(",", a, place_start)
        if comma < 0 or (text[comma + 1:place_start].strip()
                         and places.POSTCODE_HEAD.fullmatch(text, comma + 1, place_start) is None):
            comma = text.rfind(",", place_start, e)
        if comma > a and text[a:comma].strip():
            e = comma
    if e < len(text) and text[e] == "." and _abbrev_end().search(text, a, e):
        e += 1
    if text[e - 1] == ")" and (m := _TRAILING_PAREN.search(text, a, e)) is not None and m.start() > a:
        inner = key(m.group("inner")) + " "
        if (inner.startswith(_company_asides()) or _YC_BATCH.fullmatch(m.group("inner") or "")) and text[a:m.start()].strip():
            e = m.start()  # "Nimbus (YC W24)", "Kestrel Labs (S23)": the name without how it is funded
    if (m := _PAGE_LINK_TAIL.search(text, a, e)) is not None and text[a:m.start()].strip():
        e = m.start()  # "Northbound Provisions Home Page": a careers page's logo link, the name before it
    if (gap := _COLUMN_GAP.search(text, a, e)) is not None and text[a:gap.start()].strip():
        e = gap.start()  # "CORRIB MEDICAL DEVICES LTD.      JOB DESCRIPTION": a page's two columns, the name the first
    if (m := _TRAILING_STARS.search(text, a, e)) is not None and m.start() > a and text[a:m.start()].strip():
        e = m.start()  # "Hotel Mirador de Nerja ★★★★": the name without its stars
    if (a, e) == (v.span.start, v.span.end):
        return v
    return ctx.value(a, e, v.rule, strip=" \t,;:") or v


_PAGE_LINK_TAIL = _rx(r"[ \t]+(?:home[ \t]?page|logo|careers page|career site)[ \t]*\Z", re.IGNORECASE)
"""What a careers page's logo link writes after the employer's name ("Acme Home Page", "Acme logo")."""
_PAREN_TAIL = _rx(r"[ \t]*\([^()\n]{1,60}\)[ \t]*")
"""An aside in brackets after a place ending a name's line ("Fennick Energy, Bristol (hybrid, £65-75k)")."""
_YC_BATCH = _rx(r"[SWFX]\d{2}")
"""An accelerator's batch after a startup's name ("S23", "W24")."""
_COLUMN_GAP = _rx(r"[ \t]{4,}|\t")
"""White space between two columns of a line copied from a PDF or a form: no name spans it."""
_TRAILING_STARS = _rx(r"[ \t]+[\d.,]*[ \t]*[\u2605\u2606\u2729\u272a\u2b50*]+[ \t]*\Z")
"""A hotel's or a rating's stars ending a name ("★★★★", "4.3 ★", "****")."""


_LEGAL_LINE = 40
"""The longest header line read as a name by its legal form (``company.legal_line``)."""


def _legal_line(ctx, kinds: _Kinds) -> Value | None:
    """Return the line of the posting's first few, other than the first, that is a name ending with a legal form
    ("星云智能科技有限公司", "Acme GmbH") or, in CJK, opening with one ("株式会社ミライ"), or None.
    A board may set the employer's name a few lines below the title, under pay and tag lines."""
    text = ctx.text
    forms = _legal_forms()
    cjk = _cjk_legal_forms()
    for b in ctx.lead[1:]:
        # (a name alone between blank lines may have been read as a heading of no known kind)
        if not (b.type == TEXT or b.type == HEADING and b.kind in (None, "other")) or b.end - b.start > _LEGAL_LINE:
            continue
        line = text[b.start:b.end].strip()
        words = line.split()
        if not words or not (words[-1] in forms or line.endswith(cjk) or line.startswith(cjk)):
            continue
        if len(_parts(line, b.start)) == 1 and _nameish(line, kinds):
            return ctx.value(b.start, b.end, "company.legal_line")
    return None


@rules.derived
def _cjk_legal_forms() -> tuple[str, ...]:
    """Return the legal forms written in CJK ("有限公司", "株式会社"): found inside a line, with no space before them."""
    return tuple(f for f in _legal_forms() if f and "\u3000" <= f[0] <= "\u9fff")


@rules.derived
def _board_names() -> frozenset[str]:
    """Return the keys of titles.yaml ``board_names`` ("linkedin", "welcome to the jungle")."""
    return frozenset(_phrase_key(str(w)) for w in rules.load("titles").get("board_names") or ())


def _adjacent_company(ctx, kinds: _Kinds, lead, title_block, titles) -> Value | None:
    text = ctx.text
    order = []
    below = None  # (a tag line under the title, the line under it: a name alone, tried last)
    if title_block is not None:
        if title_block > 0:
            above = lead[title_block - 1]
            if title_block > 1 and _is_title_lead_in(text[above.start:above.end]):
                above = lead[0]  # (over "Applications are invited for the following post:", the notice's first line)
            elif title_block > 1 and (_breadcrumb(text[above.start:above.end]) or _portal_line(text, above)):
                # (over a page's path: "Harrowfield Borough Council" / "Jobs > ..."; or over its
                # jobs portal's banner: "Red Mesa Unified School District" / "Online Employment Center")
                above = lead[title_block - 2]
            if _phrase_key(text[above.start:above.end]) not in _board_names():
                order.append(above)  # (not a board's name in the page's menu: "LinkedIn" / "Jobs")
                if title_block > 1 and _department_line(text[above.start:above.end]):
                    # "University of Ashgrove" / "Faculty of Engineering" / the title: the employer over its unit
                    order.append(lead[title_block - 2])
        if title_block + 1 < len(lead):
            under = lead[title_block + 1]
            if order and _chrome_between(ctx, order[0], lead[title_block]) and _next_block(
                    ctx, lead[title_block]) is under and not any(c in text[under.start:under.end] for c in "|\u00b7\u2022"):
                # The line over the page's menu or banner is the site's ("Nationale Vacaturebank" /
                # "Vacatures zoeken  Werkgevers  Inloggen" / the title): a name under the title is first
                # (a name line, not a line of tags: "Class A | Dry van | Regional")
                order.insert(0, under)
            else:
                order.append(under)
            # A tag line under the title ("Berlin or Remote within Germany"),
            # then a line that is a name alone ("Mobilo GmbH"; a board's
            # "Department – Team" line is not one: "Marketing – Growth").
            if title_block + 2 < len(lead):
                below = (lead[title_block + 1], lead[title_block + 2])
    elif titles and titles[0].rule == "title.label" and lead:
        first = lead[0]
        if first.end <= titles[0].span.start:
            order.append(first)
    if (title_block is not None and title_block == 2 and lead[2].blank_before and not lead[1].blank_before
            and lead[0] not in order and all(b.type == TEXT for b in lead[:2]) and _tagline(text[lead[1].start:lead[1].end])):
        # "Halcyra" / "Clinical trial software that sites like using" / "" / "Backend Engineer": a
        # board's name and tagline set apart over the title; the name, where the tagline is none
        order.append(lead[0])
    for nb in order:
        v = _name_line(ctx, kinds, nb)
        if v is not None:
            return v
    if below is not None:
        nb, nxt = below
        line = text[nxt.start:nxt.end]
        if (len(_parts(line, nxt.start)) == 1 and len(line.split(None, _NAME_LINE_WORDS)) <= _NAME_LINE_WORDS
                and _SENTENCE_MARK.search(line) is None
                and (not line.endswith(".") or _abbrev_end().search(line, 0, len(line) - 1))
                and kinds[text[nb.start:nb.end]] is not None):
            return _name_line(ctx, kinds, nxt)
    return None


@rules.derived
def _name_tail() -> re.Pattern:
    """Return the pattern of what a page sets after an employer's name, up to the line's end:
    titles.yaml ``name_tails`` after a blank, or a rating (a number out of five and
    ``name_rating_words``, a star) glued on or not."""
    tails = sorted({_phrase_key(w) for w in _titles_words("name_tails")}, key=lambda w: (-len(w), w))
    rating = sorted({_phrase_key(w) for w in _titles_words("name_rating_words")}, key=lambda w: (-len(w), w))
    alt = "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in tails) or "(?!)"
    stars = "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in rating) or "(?!)"
    return _rx(r"(?:\s+(?:" + alt + r")|\s*(?<![\d,])[0-5](?:[.,]\d)?\s?(?:[\u2605\u2b50]|(?:" + stars
               + r")\b)[^\n]*)\s*$", re.IGNORECASE)


_TAGLINE_WORDS = 4


def _tagline(line: str) -> bool:
    """Return whether a line reads as a company's tagline: a phrase of a few words, no figures,
    no field separators, no colon at its end ("Clinical trial software that sites like using")."""
    return (len(line.split()) >= _TAGLINE_WORDS and not any(c.isdigit() or c in "|\u00b7\u2022@" for c in line)
            and line.rstrip()[-1:] not in ":\uff1a")


def _next_block(ctx, b):
    """Return the block after ``b`` in the posting, or None."""
    for n in ctx.blocks:
        if n.start > b.start:
            return n
    return None


def _chrome_between(ctx, above, title) -> bool:
    """Return whether a page's boilerplate (a menu row, a cookie banner) stands between the
    blocks ``above`` and ``title``."""
    for b in ctx.blocks:
        if b.start >= title.start:
            return False
        if b.start >= above.end and b.type == BOILERPLATE:
            return True
    return False


def _words_past(line: str, n: int) -> bool:
    """Return whether ``line`` has more than ``n`` words, a separator ("|", "·", "-") no word."""
    words = line.split(None, 2 * n)
    return len(words) > n and sum(1 for w in words if not all(c in _SEPARATOR_CHARS for c in w)) > n


_SEPARATOR_CHARS = frozenset("|·•-–—/")


def _name_line(ctx, kinds: _Kinds, nb) -> Value | None:
    """Return the company named by the header line ``nb`` (its first part), or None."""
    text = ctx.text
    if nb.type not in (TEXT, HEADING) or (nb.type == HEADING and nb.kind is not None):
        return None
    line = text[nb.start:nb.end]
    parts = _parts(line, nb.start)
    if not parts:
        return None  # a line of separators only
    if _words_past(line, 8) and (  # more than 8 words (separators aside)
            len(parts) == 1 or any(kinds[text[a:e]] is None for a, e in parts[1:])) and not (
            len(parts) > 1 and _ends_with_legal_form(text[parts[0][0]:parts[0][1]])):
        return None  # (but a name before tags: "Acme & Co · London, England, United Kingdom (Hybrid)";
        # or a name with its legal form before any parts: "Kranich Robotics GmbH · Munich · English-speaking team")
    if _breadcrumb(line):
        return None  # "Werken bij Van Dijken › Vacatures › Planning": a careers page's path
    if len(parts) > 1 and "|" not in line and _labels_next(text, parts, 0):
        return None  # "From: recruiter@...", "Reparto: Sviluppo": a label, then its value
        # (a piped line is a board's "Acme Labs: Full Time | London")
    a, e = parts[0]
    comma = text.find(",", a, e)
    if comma > a and kinds[text[a:comma]] in _COMMA_TAGS:
        return None  # "Fixed-term, 24 months, 1.0 FTE": a tag line, though its parts are not all tags
    at = _AT_PREFIX.match(text, a, e)  # "at Brightwave" under a board's title
    if at is None and (at := _careers_at().match(text, a, e)) is not None and not text[at.end()].isupper():
        at = None  # "Careers at Fullwave" names Fullwave; "Work at home" names no one
    if at:
        a = at.end()
    elif (about := _company_sentences().about.match(text[a:e])) is not None:
        # "Over Tulpsoft" beside the title: an about line (titles.about_words) names the employer
        if key(about.group("name")) in _company_sentences().not_names:
            return None  # "Over ons" names no one
        a, e = a + about.start("name"), a + about.end("name")
    elif (named := _company_sentences().name_is.match(text, a, e)) is not None and named.end("name") < e:
        # "The Copper Kettle is a 60-cover bistro." beside the title: the name its sentence opens
        if not _opens_a_name(text, named, named_again=False) or key(named.group("name")) in _company_sentences().not_names:
            return None  # "This is a great role.", "The team is small."
        a, e = named.start("name"), named.end("name")
    hires = _HIRES_AT_END.search(text, a, e)  # "Växa AB söker" over the title: the name, then its verb
    if hires and hires.start() > a and _phrase_key(text[a:e]) not in _not_names():
        e = hires.start()  # ("Now Hiring" is a board's label, not a name and its verb)
    if (tail := _name_tail().search(text, a, e)) is not None and tail.start() > a:
        e = tail.start()  # "Corvane Medical Careers", "Acme Ltd.3.9 out of 5 stars": the name before
    if _nameish(text[a:e], kinds):
        return ctx.value(a, e, "company.adjacent", strip=" \t-\u2013\u2014|,;:.")
    return None


_ORDER = {
    "title": ["title.label", "title.split_line", "title.first_line", "title.second_line", "title.hiring",
              "title.after_lead_in", "title.body_label"],
    "company": ["company.label", "company.split_line", "company.hiring", "company.adjacent", "company.site_name",
                "company.legal_line", "company.about", "company.opening", "company.legal_name", "company.footer"],
}

_RANK = {field: {rule: rules_.index(rule) for rule in rules_} for field, rules_ in _ORDER.items()}


_HEAD_TITLE_RULES = ("title.split_line", "title.first_line", "title.second_line")


def _pick(vals: list[Value], field: str, losers: list[Candidate]) -> Value | None:
    if not vals:
        return None
    rank = _RANK[field]
    vals = sorted(vals, key=lambda v: rank.get(v.rule, 99))
    first = best = vals[0]
    if field == "title" and first.rule in ("title.label", "title.body_label") and " " not in first.value.strip():
        # "Cargo: Gerente" under "Gerente de Proyectos TI": a label of one word names the level the
        # head's title holds; the head's title says more of the job (a label of more words is the
        # title itself, the head line's its tags: "Lead Software Engineer (Fixed Project Contractor)")
        low = first.value.casefold()
        best = next((v for v in vals[1:] if v.rule in _HEAD_TITLE_RULES and len(v.value) > len(first.value)
                     and next(_word_positions(v.value.casefold(), low), None) is not None), first)
    if field == "company":
        # The same employer with its legal form, written before ("Armenian
        # Software LLC" heading the posting, "Armenian Software" in a sentence
        # of it): the name as the posting first writes it.
        best = next((v for v in vals[1:] if v.span.start < first.span.start
                     and _with_legal_form(v.value, first.value)), first)
    for v in vals:
        if v.value == best.value:
            continue
        why = (f"{best.rule} writes it before, with its legal form" if v is first and field == "company"
               else f"{best.rule} holds it and says more" if v is first
               else f"{best.rule} ranks higher")
        losers.append(Candidate(field, v.value, v.span, v.rule, why))
    return best


def _opens_a_name(text: str, m: re.Match, named_again: bool = True) -> bool:
    """Return whether the ``name`` of a "X is a ..." match opens a name, not a sentence's
    subject (``sentence_openers``: "This is a great role"); one opened by "The" does when its
    next word is capitalised and (``named_again``) the posting names it again ("The Copper
    Kettle is a bistro ..." under "Sous Chef – The Copper Kettle")."""
    name = m.group("name")
    first = key(name).split()[0]
    if first not in _sentence_openers():
        return True
    words = name.split()
    return (first == "the" and len(words) > 1 and words[1][:1].isupper()
            and (not named_again or _named_again(text, name, m.start("name"), m.end("name"))))


def _named_again(text: str, name: str, a: int, e: int) -> bool:
    """Return whether ``name`` ends with a legal form or is written in ``text`` outside ``[a, e)``."""
    words = name.split()
    if len(words) > 1 and words[-1] in _legal_forms():
        return True
    if len(name) < 3:
        return False
    # (searched without case in the text itself: a casefolded copy may be longer, its offsets not the text's)
    for m in re.finditer(r"(?<!\w)" + re.escape(name) + r"(?!\w)", text, re.IGNORECASE):
        if m.start() < a or m.start() >= e:
            return True
    return False


def _at_split(ctx, kinds: _Kinds, a: int, e: int) -> tuple[Value | None, Value | None] | None:
    """Return (title, company) of ``text[a:e]`` written as a title, then "@" or "at", then its employer,
    or None: "Senior Engineer @ Kite", "Nurse at St. Aldric Hospital | Nights"."""
    text = ctx.text
    body = text[a:e]
    at = _AT_COMPANY.search(body)
    legal_only = False
    if at is None:
        # "Backendutvecklare till Nordsken AB": another language's word for "at", only before
        # a name with a legal form (those words have other senses: "Ingénieur en Informatique").
        at = _title_link().search(body)
        if at is None:
            return None
        legal_only = True
    head = body[:at.start()]
    rest = _parts(body[at.end():], a + at.end())
    if not (rest and has_role(head) and _titleish(head)):
        return None
    ca, ce = rest[0]
    place = _place_link().search(text, ca, ce)
    if place is not None and kinds[text[place.end():ce]] == "place":
        ce = place.start()  # "at Acme Corp in San Jose": the employer, then where the job is
    if kinds[text[ca:ce]] is not None or not _nameish(text[ca:ce], kinds):
        return None
    if legal_only and text[ca:ce].split()[-1] not in _legal_forms():
        return None
    if not legal_only and at.group("the") and _institution_words().isdisjoint(text[ca:ce].lower().split()):
        return None  # "at the" before no institution ("at the Forefront of AI")
    ta, te = _trim_title(text, a, a + at.start(), kinds)
    ca, ce = _trim_paren(text, ca, ce, kinds)
    return ctx.value(ta, te, "title.first_line"), ctx.value(ca, ce, "company.split_line")


@rules.derived
def _title_link() -> re.Pattern:
    """Return the pattern of a titles.yaml ``title_links`` word between a head line's title and
    its employer ("Backendutvecklare till Nordsken AB"), before a capital."""
    return _rx(r"\s+(?:" + _titles_alternation("title_links") + r")\s+(?=[A-Z\u00c0-\u00de])", re.IGNORECASE)


def _with_legal_form(full: str, name: str) -> bool:
    """Return whether ``full`` is ``name`` and a legal form after it ("Acme LLC", "Acme, Inc.")."""
    if len(full) <= len(name) or not full.startswith(name):
        return False
    rest = full[len(name):]
    return rest[:1] in (" ", ",") and rest.lstrip(" ,") in _legal_forms()


_PART_WORDS = 15
"""The most words of a header line's part read as its title (a longer one is prose: "The Centers
for Disease Control ... Who May Apply : Open to US citizens")."""


def _from_line(ctx, kinds: _Kinds, hiring: list, base: int, body: str) -> tuple[Value | None, Value | None]:
    """Return (title, company) read from one header line (``body`` at ``base``, a bracketed prefix left out)."""
    if _breadcrumb(body):
        return None, None  # a page's path ("Careers > Staff Positions > Job Details") names no job
    if (gap := _COLUMN_GAP.search(body)) is not None and gap.start() > 0 and has_role(body[:gap.start()]):
        body = body[:gap.start()]  # "Grade 3 Teacher (2025-26 School Year)        JobID: 4417": the page's second column
    # A hiring verb inside the line: "Acme诚聘 Go engineer", "Job opening: X".
    for pat, pos in hiring:
        hm = pat.match(body) or (pat.search(body, pos) if "company" in pat.groupindex else None)
        if hm and has_role(hm.group("title")) and len(hm.group("title").split()) <= 10:
            ta, te = base + hm.start("title") + _lower_lead(hm.group("title")), base + hm.end("title")
            # ("Hiring: Forklift Driver - Immediate Start": the tags that end it go)
            tparts = _parts(ctx.text[ta:te], ta)
            k = _untagged(kinds, [ctx.text[a:e] for a, e in tparts], len(tparts))
            if k < len(tparts):
                te = tparts[k - 1][1]
            c = None
            if "company" in pat.groupindex and hm.group("company") and _is_company(hm.group("company"), kinds):
                c = ctx.value(base + hm.start("company"), base + hm.end("company"), "company.split_line")
            elif (split := _at_split(ctx, kinds, ta, te)) is not None:
                return split  # "Job opening: Data Engineer at Acme Ltd"
            t = ctx.value(*_trim_title(ctx.text, ta, te, kinds), "title.first_line")
            return t, c
    # "Ruby on Rails Developer Compensation: $60,000 ... Reply to: jobs@...":
    # a line that runs on into labelled fields ends where the first label starts.
    cut = _inline_label(body)
    if cut is not None:
        body = body[:cut].rstrip(" \t,;-\u2013\u2014|")
    text = ctx.text
    split = _at_split(ctx, kinds, base, base + len(body))
    if split is not None:
        return split
    parts = _parts(body, base)
    no_role_part = False  # (a line of parts none of which names a job: "San Francisco · 9 employees · B2B")
    if len(parts) >= 2:
        segs = [text[a:e] for a, e in parts]
        # A part naming a job is the title even when it also reads as a tag
        # ("marketing intern" is an employment type too); places, modes,
        # pay and addresses are never titles.  A part's kind is looked up
        # only where the answer needs it.
        role = next((i for i, seg in enumerate(segs)
                     if not _words_past(seg, _PART_WORDS) and has_role(seg) and kinds[seg] not in _NEVER_TITLE
                     and not _serves_a_role(seg) and _phrase_key(seg) not in _not_names()), None)
        no_role_part = role is None
        piped = "|" in body
        if role is not None and (piped or all(kinds[segs[i]] is not None or _opens_with_not_name(segs[i])
                                              for i in range(1, len(segs)) if i != role)):
            i = role
            a, e = parts[i]
            a, e = _trim_title(text, a, e, kinds)
            t = ctx.value(a, e, "title.split_line" if i > 0 or piped else "title.first_line")
            c = None
            if i > 0:
                for j in range(i):
                    k = kinds[segs[j]]
                    if (k is None and _nameish(segs[j], kinds)) or (k == "url" and _bare_domain(segs[j])):
                        ca, ce = _trim_paren(text, *parts[j], kinds)
                        c = ctx.value(ca, ce, "company.split_line")
                        break
            elif piped:
                # "Software Engineer | Nimbus Health | Boston, MA": a name after the title, when
                # the posting says it is one (a legal form, or the name again outside this line).
                for j in range(1, len(segs)):
                    if kinds[segs[j]] is None and _nameish(segs[j], kinds):
                        if segs[j][:1].isupper() and _named_again(text, segs[j], base, base + len(body)):
                            ca, ce = _trim_paren(text, *parts[j], kinds)
                            c = ctx.value(ca, ce, "company.split_line")
                        break
            return t, c
        if role is None and piped:
            if len(parts) == 2 and heading_key(segs[0]) in vocabulary().labels and kinds[segs[0]] is None:
                return None, None  # a field's label and its value ("Salary | Competitive"): no name
            for j, (a, e) in enumerate(parts):
                if kinds[segs[j]] is None and _nameish(segs[j], kinds):
                    ca, ce = _trim_paren(text, a, e, kinds)
                    return None, ctx.value(ca, ce, "company.split_line")
            return None, None
        if role == 0:
            # "CS Team Lead - German and English": the tail is not a tag, keep it all;
            # but the tags that end it go ("... - Fintech - Up to 120k€ - Barcelona/Remote").
            k = _untagged(kinds, segs, len(segs))
            for j in range(1, k):
                if len(segs[j]) > _PROSE_PART and len(_sentences.split(segs[j])) > 1:
                    # "Data Engineer - Join our team. We build ...": prose after the title, not its tail.
                    k = j
                    break
            c = None
            if k > 1 and segs[k - 1].split()[-1] in _legal_forms() and _nameish(segs[k - 1], kinds):
                # "Data Engineer - Acme Corp": a last part that ends with a legal form is the employer.
                c = ctx.value(*parts[k - 1], "company.split_line")
                k = _untagged(kinds, segs, k - 1)
            end = parts[k - 1][1] if k < len(segs) else base + len(body)
            a, e = _trim_title(text, base, end, kinds)
            return ctx.value(a, e, "title.first_line"), c
    if _titleish(body) and has_role(body) and not _serves_a_role(body) and not no_role_part:
        a, e = _trim_title(text, base, base + len(body), kinds)
        return ctx.value(a, e, "title.first_line"), None
    return None, None


def _comma_employer(ctx, kinds: _Kinds, t: Value) -> tuple[Value, Value | None]:
    """Return a head line's title and its employer after its last comma ("Mid-level Python
    Developer, Ostrander Maps"), where that part is a name the posting writes again after a
    ``works_at`` word ("My team at Ostrander Maps") and what is before it names a job; else
    (``t``, None). (A comma more often opens the title's own field: "Sr. Manager, Government
    Affairs".)"""
    v = t.value
    k = v.rfind(", ")
    if k <= 0:
        return t, None
    name = v[k + 2:]
    if not name[:1].isupper() or kinds[name] is not None or not _nameish(name, kinds) or not has_role(v[:k]):
        return t, None
    a = t.span.start
    text = ctx.text
    works_at = _works_at()
    for i in _word_positions(text, name):
        if (i < a or i >= t.span.end) and works_at.search(text, max(0, i - _WORKS_AT_REACH), i) is not None:
            return ctx.value(a, a + k, t.rule), ctx.value(a + k + 2, t.span.end, "company.split_line")
    return t, None


def _word_positions(text: str, word: str):
    """Yield where ``word`` stands in ``text`` as a whole word (no letter or digit either side):
    a plain search, where a pattern made of each word would be compiled anew per posting."""
    n = len(word)
    i = text.find(word)
    while i >= 0:
        j = i + n
        if (i == 0 or not text[i - 1].isalnum()) and (j >= len(text) or not text[j].isalnum()):
            yield i
        i = text.find(word, i + 1)


def _serves_a_role(s: str) -> bool:
    """Return whether a line names a job only after its " for " ("AI copilots for field-service
    dispatchers", a startup's tagline): the customers, not the job."""
    k = s.find(" for ")
    return k > 0 and not has_role(s[:k])


_PAGE_PATH = _rx(r"\s[>\u203a\u00bb]\s")
"""A page path's separator between white space ("Careers > Jobs", "Home › Careers")."""


def _breadcrumb(line: str) -> bool:
    """Return whether a line is a page's path: two separators of ``_PAGE_PATH`` or more."""
    return (">" in line or "\u203a" in line or "\u00bb" in line) and len(_PAGE_PATH.findall(line)) >= 2
_PROSE_PART = 40
"""The shortest head line's part read as prose when it holds two sentences (sentences.split)."""
_AT_COMPANY = _rx(r"\s+@\s*|\s+at\s+(?P<the>the\s+)?(?=[A-Z\u00c0-\u00de])")
"""Between a title and its employer in a head line: " @ ", " at " (or " at the ", see
``institution_words``) before a capital."""
@rules.derived
def _place_link() -> re.Pattern:
    """Return the pattern of a titles.yaml ``place_links`` word between an employer's name and a
    place after it ("Acme Corp in San Jose"), before a capital."""
    return _rx(r"\s+(?:" + _titles_alternation("place_links") + r")\s+(?=[A-Z\u00c0-\u00de])", re.IGNORECASE)
_INLINE_COLON = _rx(r"(?<=\w)[:\uff1a](?=\s)")
_LABEL_WORDS = 3
"""The most words of a label ("Reply to", "Type of contract") looked for before a colon."""


def _inline_label(body: str) -> int | None:
    """Return where a known label ("Compensation", "Reply to", "Location") starts inside ``body``, or None.

    The label is the one to three words before a colon that is followed by
    white space, when the heading vocabulary knows them as a label of a
    field other than the title, and something stands before them.
    """
    if ":" not in body and "\uff1a" not in body:
        return None
    labels = vocabulary().labels
    for m in _INLINE_COLON.finditer(body):
        head = body[:m.start()]
        words = head.split()
        for n in range(min(_LABEL_WORDS, len(words) - 1), 0, -1):
            kind = labels.get(heading_key(" ".join(words[-n:])))
            if kind is not None and kind != "title":
                start = len(head)
                for w in reversed(words[-n:]):
                    start = head.rindex(w, 0, start)
                return start
    return None


def _bare_domain(s: str) -> bool:
    """Return whether ``s`` is a bare domain ("hearsie.com"), which names a company."""
    t = s.strip()
    return "/" not in t and "@" not in t and " " not in t and "." in t


_COMMA_TAGS = ("place", "mode", "employment")
"""Kinds of a title's last comma part that are cut from it."""


_JOINERS = "\ufe0f\u200d\u20e3 \t"  # variation selector, zero-width joiner, keycap, spaces


def _trim_symbols(text: str, a: int, e: int) -> tuple[int, int]:
    """Return (a, e) without the emoji and symbols at either end ("🚀 Senior Rust Engineer 🦀"):
    the characters the heading keys take for decoration (``blocks._DECO_CATEGORIES``)."""
    if text[a:e].isascii():
        return a, e  # (the ASCII symbols "^" and "`" are left as written)
    cat = unicodedata.category
    i, j = a, e
    while i < j and (text[i] in _JOINERS or cat(text[i]) in _DECO_CATEGORIES):
        i += 1
    while j > i and (text[j - 1] in _JOINERS or cat(text[j - 1]) in _DECO_CATEGORIES):
        j -= 1
    return (i, j) if i < j else (a, e)


def _trim_title(text: str, a: int, e: int, kinds: _Kinds) -> tuple[int, int]:
    """Return (a, e) of a title without a trailing place, mode or address in brackets (``_trim_paren``)
    and without a work mode that opens it ("Remote/Telecommute Ruby on Rails Developer").

    The opening mode is cut only where the work-mode reader finds it there as
    the job's mode (not "Remote Sensing Scientist", whose "remote" is no
    mode), followed by a space, and what is left still names a job.
    """
    a, e = _trim_symbols(text, a, e)
    a, e = _trim_paren(text, a, e, kinds)
    seg = text[a:e]
    # "städerska, extraanställd", "Data Engineer, Remote": a last comma part
    # that is a place, a mode or an employment type is the line's tag.
    comma = seg.rfind(",")
    if comma > 0 and kinds[seg[comma + 1:]] in _COMMA_TAGS and has_role(seg[:comma]):
        e = a + len(seg[:comma].rstrip())
        seg = text[a:e]
    # "Line Cook Needed", "Koch (m/w/d) gesucht": a small ad's note that the post is open;
    # "Koch / Köchin (m/w/d) in Vollzeit", "Sachbearbeiter/in 80-100%": its hours.
    words = seg.rsplit(None, _WANTED_WORDS)
    if len(words) > 1 and _PENSUM.fullmatch(words[-1]) and has_role(seg.rsplit(None, 1)[0]):
        seg = seg.rsplit(None, 1)[0].rstrip(" \t-–—,")
        e = a + len(seg)
        words = seg.rsplit(None, _WANTED_WORDS)
    for n in range(min(_WANTED_WORDS, len(words) - 1), 0, -1):
        tail = " ".join(words[-n:]).lower()
        if tail in _wanted_tails() or tail in _hours_tails():
            head = seg.rsplit(None, n)[0].rstrip(" \t-–—,")
            if has_role(head):
                e = a + len(head)
                seg = head
            break
    heads, tails, links = _wanted_words()
    # "Cercasi Sviluppatore Full Stack", "Wanted: Line Cook": a note before the title.
    words = seg.split(None, _WANTED_WORDS)
    for n in range(min(_WANTED_WORDS, len(words) - 1), 0, -1):
        if " ".join(words[:n]).lower().rstrip(":") in heads:
            cut = len(seg) - len(seg.split(None, n)[n])
            if has_role(seg[cut:]):
                a += cut
                seg = seg[cut:]
            break
    # "Tømrerlærling søges til travl virksomhed i Aarhus": the wanted word, then a link.
    toks = list(_NON_SPACE.finditer(seg))
    for i in range(1, len(toks) - 1):
        if toks[i].group().lower() in tails and toks[i + 1].group().lower() in links:
            head = seg[:toks[i].start()].rstrip(" \t-–—,")
            if has_role(head):
                e = a + len(head)
                seg = head
            break
    low = seg.lower()
    for tail in _description_tails():
        k = low.find(tail)
        if k > 0 and has_role(seg[:k]):
            seg = seg[:k].rstrip(" \t-\u2013\u2014,")
            e = a + len(seg)
            low = seg.lower()
    if not seg[:1].isalpha():
        return a, e
    found = find_work_modes(seg)
    if found and found[0].start == 0 and not found[0].perk:
        rest = len(seg) - len(seg[found[0].end:].lstrip())
        if rest > found[0].end and has_role(seg[rest:]):
            return a + rest, e
    return a, e


_WANTED_WORDS = 2
"""The most words of a ``wanted_tails`` phrase ("urgently needed")."""


@rules.derived
def _description_tails() -> tuple[str, ...]:
    """Return titles.yaml's ``description_tails`` of every language, lower case, each between
    blanks (" for our "), longest first."""
    return tuple(sorted({" " + " ".join(w.lower().split()) + " " for w in _titles_words("description_tails")},
                        key=lambda w: (-len(w), w)))


_PENSUM = _rx(r"\d{2,3}(?:[-–]\d{2,3})?[ \t]?%")
"""A share of full time ending a title ("80-100%", "100%"): its hours, a Swiss posting's Pensum."""


@rules.derived
def _hours_tails() -> frozenset[str]:
    """Return titles.yaml's ``hours_tails`` of every language, lower case, single-spaced."""
    return frozenset(" ".join(w.lower().split()) for w in _titles_words("hours_tails"))


@rules.derived
def _wanted_tails() -> frozenset[str]:
    """Return titles.yaml's ``wanted_tails`` of every language, lower case, single-spaced."""
    return frozenset(" ".join(w.lower().split()) for w in _titles_words("wanted_tails"))


@rules.derived
def _wanted_words() -> tuple[frozenset[str], frozenset[str], frozenset[str]]:
    """Return titles.yaml's ``wanted_heads``, its one-word ``wanted_tails`` and the words of
    ``title_links`` and ``place_links`` (that may follow such a tail), lower case, single-spaced."""
    t = rules.load("titles")

    def words(name):
        return frozenset(" ".join(str(w).lower().split()) for ws in (t.get(name) or {}).values() for w in ws)

    return (words("wanted_heads"), frozenset(w for w in _wanted_tails() if " " not in w),
            words("title_links") | words("place_links"))


def _trim_paren(text: str, a: int, e: int, kinds: _Kinds) -> tuple[int, int]:
    """Return (a, e) without a trailing parenthesis that is a place, a mode, a web address or a reference number."""
    seg = text[a:e]
    if not seg.rstrip().endswith((")", "\uff09", "]")):
        return a, e  # no parenthesis at the end
    m = _TRAILING_PAREN.search(seg)
    if m and kinds[m.group("inner") or m.group("square")] in ("place", "mode", "url", "employment", "reference", "note"):
        return a, a + m.start()
    return a, e
