"""Title and company: from labels, the first lines, hiring sentences and footers.

Rules, in the order they are tried (the first that gives a value wins; the
others are kept as losing candidates for ``explain``):

title
  title.label        "TITLE: Java Programmer", "Role: Lead Engineer"
  title.split_line   the part of a "Company | Title | Place | Remote" line that names a job
  title.first_line   the first line, when it names a job (a role word), tags after " - " trimmed
  title.second_line  the second line, when the first is a name without a role word
  title.hiring       "Acme is hiring a Senior Engineer who ...", "Job opening: X", "X诚聘 Y"
company
  company.label      "Company: Acme"
  company.split_line the first part of a "Company | Title | ..." line
  company.hiring     "Acme is looking for ...", "Acme recherche ...", "Acme诚聘 ..."
  company.adjacent   a short name-like line next to the title line
  company.about      "About Acme" heading, "At Acme, we ..." opening an about section
  company.footer     "See all 8 jobs at Acme", "Please let Acme know you found this job on ..."
"""
from __future__ import annotations

import re

from .. import rules
from ..blocks import HEADING, LABEL, TEXT
from ..document import key
from ..model import Candidate, Value
from .tags import tag_kind
from .._cache import compile as _rx

# Separators of a header line's parts: pipes always; dashes and colons only
# with space after (so "Full-Stack" and "C#/WCF" stay whole).
_SPLIT = _rx(r"\s*\|\s*|\s+[-\u2013\u2014]\s+|(?<=\w)[-\u2013\u2014]\s+|(?<=\w):\s+|\s+/\s+")
_BRACKET_PREFIX = _rx(r"\s*[\[\u3010](?P<inner>[^\]\u3011]{1,40})[\]\u3011]\s*")
_TRAILING_PAREN = _rx(r"\s*\((?P<inner>[^()]{1,60})\)\s*$")
_ABOUT = _rx(
    r"(?:about|über|à propos de|a propos de|acerca de|sobre|om|chi è|who is)\s+(?P<name>[A-Z\u00c0-\u00de][\w.&'’ -]{1,50}?)\s*[:?!.]?$",
    re.IGNORECASE,
)
# "Lumina is a climate-tech company ...": the name that opens an about section.
_NAME_IS = _rx(
    r"(?P<name>[A-Z\u00c0-\u00de][\w&.'’-]*(?:\s+(?:[A-Z\u00c0-\u00de][\w&.'’-]*|&|of|de|du|la|für)){0,5})"
    r"\s+(?:is|are|was|est|ist|es|é|är)\s+(?:a|an|the|one of|un|une|l'un|ein|eine|una|um|uma|en|ett)\b"
)
_AT_X = _rx(r"(?:At|Chez|Bei|En|Na|No|Hos|Da)\s+(?P<name>[A-Z][\w.&'’-]*(?:\s+[A-Z][\w.&'’-]*){0,4})\s*,")
_NOT_NAMES = {"the role", "the job", "us", "you", "the company", "the team", "the position", "this role", "the opportunity", "our team", "our company", "nous", "uns", "nosotros", "nós", "oss"}
_FOOTER = _rx(
    r"(?:see (?:all )?(?:the )?\d* ?(?:open )?(?:jobs|positions|openings|roles) (?:at|from)\s+(?P<a>.+?)\s*$"
    r"|please let\s+(?P<b>.+?)\s+know you found this job)",
    re.IGNORECASE,
)


@rules.derived
def _roles() -> re.Pattern:
    words = []
    for ws in rules.load("titles")["roles"].values():
        words.extend(ws)
    latin, cjk = [], []
    for w in sorted(set(words), key=lambda w: (-len(w), w)):
        if any("\u3000" <= c <= "\u9fff" for c in w):
            cjk.append(re.escape(w))
        elif w.endswith("*"):
            latin.append(re.escape(w[:-1]) + r"\w*")
        else:
            latin.append(re.escape(w))
    alts = []
    if latin:
        alts.append(r"(?<!\w)(?:" + "|".join(latin) + r")(?!\w)")
    if cjk:
        alts.append("|".join(cjk))
    return _rx("|".join(alts) or r"(?!)", re.IGNORECASE)


@rules.derived
def _hiring() -> tuple[tuple[re.Pattern, tuple[str, ...]], ...]:
    """Return (pattern, trigger words) pairs; a bare string entry has no triggers (always tried)."""
    out = []
    for entry in rules.load("titles")["hiring"]:
        # The package's patterns run with re; a user's with a time limit.
        pat = rules.pattern_for("titles", "hiring", entry)
        triggers = () if isinstance(entry, str) else tuple(str(t).casefold() for t in entry.get("triggers") or ())
        out.append((pat, triggers))
    return tuple(out)


def _hiring_for(seg: str):
    """Yield the hiring patterns worth trying on ``seg`` (a trigger word occurs in it)."""
    low = seg.casefold()
    for pat, triggers in _hiring():
        if not triggers or any(t in low for t in triggers):
            yield pat


def has_role(s: str) -> bool:
    """Return whether ``s`` contains a word that names a job."""
    return _roles().search(s) is not None


def _parts(text: str, base: int) -> list[tuple[int, int]]:
    """Return (start, end) of the separated parts of a header line, shifted by ``base``."""
    out, pos = [], 0
    for m in _SPLIT.finditer(text):
        out.append((pos, m.start()))
        pos = m.end()
    out.append((pos, len(text)))
    return [(a + base, b + base) for a, b in out if text[a:b].strip()]


def _titleish(s: str) -> bool:
    """Return whether a line is short and shaped like a title rather than a sentence."""
    t = s.strip()
    return 0 < len(t) <= 120 and len(t.split()) <= 14 and not t.endswith((".", "!", "?", "。"))


def _nameish(s: str) -> bool:
    """Return whether a line could be an organisation's name."""
    t = s.strip().rstrip(".")
    if not t or len(t.split()) > 8 or len(t) > 80 or t.endswith((":", "!", "?")):
        return False
    words = key(t).split()
    if not words or t[:1].isdigit() or words[0] in _PRONOUNS:
        return False
    return tag_kind(t) is None and not has_role(t)


_NEVER_TITLE = frozenset({"url", "salary", "place", "mode", "tags"})
_AT_PREFIX = _rx(r"(?:at|@|chez|bei|hos)\s+(?=\S)", re.IGNORECASE)
_HIRING_WINDOW = 250
_HIRING_BLOCKS = 15
_PRONOUNS = frozenset({"we", "nous", "wir", "vi", "nosotros", "nós", "noi", "i", "he", "she", "they", "on", "who", "which", "that"})


def _is_company(s: str) -> bool:
    """Return whether a captured name can be an employer (capitalised, not a pronoun)."""
    t = s.strip()
    words = key(t).split()
    if not words or words[0] in _PRONOUNS:
        return False
    caseless = t[0].lower() == t[0].upper()  # CJK and other scripts without case
    return (t[0].isupper() or not t[0].isalpha() or caseless) and _nameish(t)


def extract(ctx) -> tuple[Value | None, Value | None, list[Candidate]]:
    """Return (title, company, losing candidates)."""
    text = ctx.text
    titles: list[Value] = []
    companies: list[Value] = []

    for b in ctx.labels("title"):
        a, e = ctx.label_value(b)
        v = ctx.value(a, e, "title.label")
        if v:
            titles.append(v)
    for b in ctx.labels("company"):
        a, e = ctx.label_value(b)
        v = ctx.value(a, e, "company.label")
        if v:
            companies.append(v)

    lead = [b for b in ctx.lead if b.type in (TEXT, HEADING)]
    title_block = None
    for idx, b in enumerate(lead[:3]):
        line = text[b.start:b.end]
        t_v, c_v = _from_line(ctx, b.start, line)
        if t_v is not None:
            if idx > 0 and t_v.rule == "title.first_line":
                t_v = Value(t_v.value, t_v.span, "title.second_line")
            titles.append(t_v)
            title_block = idx
            if c_v is not None:
                companies.append(c_v)
            break
        if c_v is not None:
            companies.append(c_v)
        if idx == 0 and not _titleish(line):
            break

    # Hiring sentences, in the first lines or the opening prose.  Only a
    # block's opening is read: the sentence that introduces a job comes first,
    # and the bound keeps the patterns' cost linear in the posting.
    for b in ctx.blocks[:_HIRING_BLOCKS]:
        if b.type not in (TEXT, HEADING, LABEL):
            continue
        seg = text[b.start:min(b.end, b.start + _HIRING_WINDOW)]
        for pat in _hiring_for(seg):
            m = pat.search(seg)
            if not m:
                continue
            t = m.group("title")
            if not has_role(t) or len(t.split()) > 8:
                continue
            v = ctx.value(b.start + m.start("title"), b.start + m.end("title"), "title.hiring")
            if v:
                titles.append(v)
            if "company" in pat.groupindex and m.group("company"):
                c = ctx.value(b.start + m.start("company"), b.start + m.end("company"), "company.hiring")
                if c and _is_company(c.value):
                    companies.append(c)
            break

    # A short name-like line next to the title: before it when the title is
    # on the second line (or in a label), else after it.
    comp = _adjacent_company(ctx, lead, title_block, titles)
    if comp is not None:
        companies.append(comp)

    for sec in ctx.sections("about_company"):
        h = sec.heading
        if h is not None:
            m = _ABOUT.match(text[h.start:h.end].strip(" #*:"))
            if m and key(m.group("name")) not in _NOT_NAMES:
                off = h.start + (len(text[h.start:h.end]) - len(text[h.start:h.end].lstrip(" #*")))
                v = ctx.value(off + m.start("name"), off + m.end("name"), "company.about")
                if v:
                    companies.append(v)
    for sec in ctx.sections("about_company"):
        first = next((b for b in sec.blocks if b.type == TEXT), None)
        if first is not None:
            m = _NAME_IS.match(text, first.start, first.end)
            if m and key(m.group("name")) not in _NOT_NAMES and _is_company(m.group("name")):
                v = ctx.value(m.start("name"), m.end("name"), "company.about")
                if v:
                    companies.append(v)
                    break
    for b in ctx.blocks[:60]:
        if b.type == TEXT:
            m = _AT_X.match(text, b.start, b.end)
            if m and key(m.group("name")) not in _NOT_NAMES:
                v = ctx.value(m.start("name"), m.end("name"), "company.about")
                if v:
                    companies.append(v)
                    break
    for b in ctx.outline.boilerplate:
        m = _FOOTER.search(text, b.start, b.end)
        if m:
            g = "a" if m.group("a") else "b"
            v = ctx.value(m.start(g), m.end(g), "company.footer", strip=" \t.!,;:")
            if v:
                companies.append(v)

    losers: list[Candidate] = []
    title = _pick(titles, "title", losers)
    company = _pick(companies, "company", losers)
    if company is not None:
        company = _tidy_company(ctx, company)
    return title, company, losers


# Abbreviations whose period is part of a company's name ("Acme, Inc.").
_ABBREV_END = _rx(r"(?:Inc|Ltd|Co|Corp|Bros|Pty|S\.A|N\.V|B\.V|S\.L|Cia|Ltda)$")
_LEADING_THE = _rx(r"The\s+(?=[A-Z])")


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
    from . import places

    found = places.find_places(text[a:e])
    if found and a + found[-1].end >= e - 1:
        # Cut at the comma before the place ("Acme Ltd, Berlin, Germany"), or
        # inside it when the name runs into it ("City of Burbank, CA").
        place_start = a + found[-1].start
        comma = text.rfind(",", a, place_start)
        if comma < 0 or text[comma + 1:place_start].strip():
            comma = text.rfind(",", place_start, e)
        if comma > a and text[a:comma].strip():
            e = comma
    if e < len(text) and text[e] == "." and _ABBREV_END.search(text, a, e):
        e += 1
    if (a, e) == (v.span.start, v.span.end):
        return v
    return ctx.value(a, e, v.rule, strip=" \t,;:") or v


def _adjacent_company(ctx, lead, title_block, titles) -> Value | None:
    text = ctx.text
    order = []
    if title_block is not None:
        if title_block > 0:
            order.append(lead[title_block - 1])
        if title_block + 1 < len(lead):
            order.append(lead[title_block + 1])
    elif titles and titles[0].rule == "title.label" and lead:
        first = lead[0]
        if first.end <= titles[0].span.start:
            order.append(first)
    for nb in order:
        if nb.type not in (TEXT, HEADING) or (nb.type == HEADING and nb.kind is not None):
            continue
        line = text[nb.start:nb.end]
        if len(line.split()) > 8:
            continue
        parts = _parts(line, nb.start)
        if not parts:
            continue  # a line of separators only
        a, e = parts[0]
        at = _AT_PREFIX.match(text, a, e)  # "at Brightwave" under a board's title
        if at:
            a = at.end()
        if _nameish(text[a:e]):
            return ctx.value(a, e, "company.adjacent", strip=" \t-\u2013\u2014|,;:.")
    return None


_ORDER = {
    "title": ["title.label", "title.split_line", "title.first_line", "title.second_line", "title.hiring"],
    "company": ["company.label", "company.split_line", "company.hiring", "company.adjacent", "company.about", "company.footer"],
}


def _pick(vals: list[Value], field: str, losers: list[Candidate]) -> Value | None:
    if not vals:
        return None
    order = _ORDER[field]
    vals = sorted(vals, key=lambda v: order.index(v.rule) if v.rule in order else 99)
    best = vals[0]
    for v in vals[1:]:
        if v.value != best.value:
            losers.append(Candidate(field, v.value, v.span, v.rule, f"{best.rule} ranks higher"))
    return best


def _from_line(ctx, start: int, line: str) -> tuple[Value | None, Value | None]:
    """Return (title, company) read from one header line, either may be None."""
    off = 0
    m = _BRACKET_PREFIX.match(line)
    if m:
        off = m.end()  # "[Shanghai/Remote] ..." : places and modes, read elsewhere
    body = line[off:]
    base = start + off
    # A hiring verb inside the line: "Acme诚聘 Go engineer", "Job opening: X".
    for pat in _hiring_for(body):
        hm = pat.match(body) or (pat.search(body) if "company" in pat.groupindex else None)
        if hm and has_role(hm.group("title")) and len(hm.group("title").split()) <= 10:
            t = ctx.value(base + hm.start("title"), base + hm.end("title"), "title.first_line")
            c = None
            if "company" in pat.groupindex and hm.group("company") and _is_company(hm.group("company")):
                c = ctx.value(base + hm.start("company"), base + hm.end("company"), "company.split_line")
            return t, c
    parts = _parts(body, base)
    text = ctx.text
    if len(parts) >= 2:
        kinds = [tag_kind(text[a:e]) for a, e in parts]
        # A part naming a job is the title even when it also reads as a tag
        # ("marketing intern" is an employment type too); places, modes,
        # pay and addresses are never titles.
        role_idx = [i for i, (a, e) in enumerate(parts)
                    if kinds[i] not in _NEVER_TITLE and has_role(text[a:e])]
        piped = "|" in body
        if role_idx and (piped or all(k is not None for i, k in enumerate(kinds) if i not in role_idx[:1] and i != 0)):
            i = role_idx[0]
            a, e = parts[i]
            a, e = _trim_paren(text, a, e)
            t = ctx.value(a, e, "title.split_line" if i > 0 or piped else "title.first_line")
            c = None
            if i > 0:
                for j in range(i):
                    if kinds[j] is None or (kinds[j] == "url" and _bare_domain(text[parts[j][0]:parts[j][1]])):
                        ca, ce = _trim_paren(text, *parts[j])
                        c = ctx.value(ca, ce, "company.split_line")
                        break
            return t, c
        if not role_idx and piped:
            for j, (a, e) in enumerate(parts):
                if kinds[j] is None and _nameish(text[a:e]):
                    ca, ce = _trim_paren(text, a, e)
                    return None, ctx.value(ca, ce, "company.split_line")
            return None, None
        if role_idx and role_idx[0] == 0:
            # "CS Team Lead - German and English": the tail is not a tag, keep it all.
            a, e = _trim_paren(text, base, base + len(body))
            return ctx.value(a, e, "title.first_line"), None
    if _titleish(body) and has_role(body):
        a, e = _trim_paren(text, base, base + len(body))
        return ctx.value(a, e, "title.first_line"), None
    return None, None


def _bare_domain(s: str) -> bool:
    """Return whether ``s`` is a bare domain ("hearsie.com"), which names a company."""
    t = s.strip()
    return "/" not in t and "@" not in t and " " not in t and "." in t


def _trim_paren(text: str, a: int, e: int) -> tuple[int, int]:
    """Return (a, e) without a trailing parenthesis that is a place, a mode or a web address."""
    seg = text[a:e]
    m = _TRAILING_PAREN.search(seg)
    if m and tag_kind(m.group("inner")) in ("place", "mode", "url", "employment"):
        return a, a + m.start()
    return a, e
