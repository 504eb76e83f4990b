"""The single facts of a posting, read from its labels, header and sections.

Each field reads its sources in a written order, strongest first, and takes
the first source that gives a value; what the specialist matchers (salary,
places, work mode, levels, employment type, experience, dates) find inside a
source is theirs to decide.

Sources, in order:
  labels   "LOCATION: Yerevan", "Salary: $90k", "Work schedule: Full Time"
  title    the title's own words ("Senior", "Intern", "(Contract)")
  header   the short lines before the first section (tag lines, glued ones
           split: "EuropeCyprusHybridSenior"), and the title line's other parts
  sections the posting's body, about-the-company, equal-opportunity and
           benefits prose left out where a field would be misread from them
"""
from __future__ import annotations

import re
from bisect import bisect_left, bisect_right

from .. import rules
from ..blocks import BOILERPLATE, BULLET, HEADING, LABEL, TEXT, _label_match, heading_key, vocabulary
from ..model import Candidate, Location, Salary, Value
from . import places as _places
from ._vocab import ASCII_TWIN_CHARS, LETTER_BYTES
from .tags import glued_segments
from .title import portal_segment
from .._cache import compile as _rx

_BODY_SKIP = frozenset({"about_company", "eeo", "benefits", "apply"})


def header_segments(ctx) -> list[tuple[int, int]]:
    """Return the spans of the header's short lines, tag lines split, title line included.

    Computed once per posting: work mode, salary, levels, employment type and
    places all read the header.
    """
    return ctx.memo(_header_segments)


def _header_segments(ctx) -> list[tuple[int, int]]:
    out = []
    text = ctx.text
    meta = False  # (in a list of short items right under a heading of no kind: the title's)
    for k, b in enumerate(ctx.lead):
        if b.type == HEADING and b.kind is not None:
            if b.kind == "about_company" and any(h is b for h in ctx.header):
                continue  # a board's "O firmie" link over the job's facts, kept in the header (sections.build)
            break  # the first named section ends the header ("About the role")
        if b.type == BULLET:
            # "📍 Rosario, Santa Fe" / "🏢 Híbrido" under the title: fields, each with an emoji
            # of its own, that read as an emoji list; a glyph of text ("-", "•") opens an item,
            # but for a page's list of the job's facts under its title ("<h1>Support Specialist</h1>
            # <ul><li>Cork, Ireland</li><li>Part-time</li></ul>"): short items, the first of them
            # right under a heading that names no section or under the posting's first line.
            ls = text.rfind("\n", 0, b.start) + 1
            if k and (meta or (ctx.lead[k - 1].type == HEADING and ctx.lead[k - 1].kind is None)
                      or (k == 1 and ctx.lead[0].type == TEXT)):
                meta = len(text[b.start:b.end].split()) <= _META_ITEM_WORDS
            if meta or any(c >= "\u2600" and not "\u2e80" <= c <= "\ufaff" for c in text[ls:b.start]):
                out.append((b.start, b.end))
            continue
        meta = False
        if b.type not in (TEXT, HEADING):
            continue
        n_words = len(ctx.text[b.start:b.end].split())
        if n_words > 25:
            if (cut := _piped_head(ctx.text, b.start, b.end)) is not None:
                out.append((b.start, cut))
            continue
        out.extend(glued_segments(ctx.text, b.start, b.end))
    else:
        # No named section yet: the header's short lines may go on past the first blocks
        # ("Vaultgrain" / title / "Posted ..." / "Full-Time" / "Remote — EMEA" / "$150,000 – $185,000 USD").
        lead = ctx.lead
        if len(lead) >= 5:
            more = 0
            for b in ctx.blocks:
                if b.start <= lead[-1].start or b.type == BOILERPLATE:
                    continue
                if (b.type == HEADING and b.kind is not None) or b.type not in (TEXT, HEADING, LABEL) or more >= _MORE_HEADER:
                    break
                if b.type != LABEL:
                    if len(text[b.start:b.end].split()) > _HEADER_LINE_WORDS:
                        break  # prose: the header ended
                    out.extend(glued_segments(text, b.start, b.end))
                more += 1
    return out


_META_ITEM_WORDS = 4
"""The most words of an item in a page's list of the job's facts under its title."""
_WORD_REACH = 12
"""How far beside a slash a label value's word is looked for ("B2B / UoP")."""
_MORE_HEADER = 4
"""The most blocks read as the header's lines past the first ones (``ctx.lead``)."""
_HEADER_LINE_WORDS = 8
"""The most words of a header line read past the first blocks."""


def _street_then_place(seg: str, place) -> bool:
    """Return whether a header field is an address: a street (a ``facility_words`` word in it), a
    comma, then the place and at most a code and a postcode ("1 Fusionopolis Way, Singapore 138632")."""
    comma = seg.rfind(",", 0, place.start)
    return (comma > 0 and not seg[comma + 1:place.start].strip() and _places.STATE_TAIL.fullmatch(seg, place.end) is not None
            and _places.has_facility_word(seg[:comma]))


_ADDRESS_LINES = 8
"""The lines of a location section read as an address (a site, its street, its town, its postcode)."""
_PIPED_REACH = 300
"""The most characters of a prose block's piped opening read as its header."""
_PIPED_END = _rx(r"[ \t]+[\u2014\u2013-][ \t]+|[.!?](?:[ \t]|$)|\n")


def _piped_head(text: str, a: int, e: int) -> int | None:
    """Return where the piped fields opening a prose block end ("Tidewater Analytics | Senior
    Backend Engineer | Portland, OR | REMOTE | $165k-$205k | Full-time — We build ...", a
    "Who is hiring" post), or None: three pipes or more within its first characters."""
    reach = min(e, a + _PIPED_REACH)
    last = text.rfind("|", a, reach)
    if last < 0 or text.count("|", a, last + 1) < 3:
        return None
    m = _PIPED_END.search(text, last + 1, e)
    return m.start() if m is not None else None


def _header_except_title(ctx, title: Value | None, company: Value | None = None) -> list[tuple[int, int]]:
    """Return the header's segments with the title (and the company name) cut out."""
    segs = header_segments(ctx)
    for v in (title, company):
        if v is None:
            continue
        out = []
        for a, e in segs:
            if a <= v.span.start < e:
                out.append((a, v.span.start))
                out.append((min(v.span.end, e), e))
            else:
                out.append((a, e))
        segs = out
    return [(a, e) for a, e in segs if e > a]


# Separators of a header line's fields: middle dots, pipes, semicolons, emoji
# field markers ("💰 ... 🌎 ...") and spaced dashes and slashes.
_FIELD_SEP = _rx(r"\s*[\u00b7|;\u2022]\s*|\s+[-\u2013\u2014/]\s+|[ \t]+/(?=\S)|[\U0001F300-\U0001FAFF\u2600-\u27BF]\ufe0f?")


def _place_parts(text: str, a: int, e: int) -> list[tuple[int, int]]:
    """Return the fields of a header segment, split at its separators."""
    seg = text[a:e]
    if seg.isascii() and "|" not in seg and ";" not in seg and "-" not in seg and " /" not in seg:
        return [(a, e)] if e > a else []  # no separator can be in it
    out, pos = [], a
    for m in _FIELD_SEP.finditer(text, a, e):
        if m.start() > pos:
            out.append((pos, m.start()))
        pos = m.end()
    if pos < e:
        out.append((pos, e))
    return out


def offer_spans(ctx) -> list[tuple[int, int]]:
    """Return the spans of the prose, bullets and labels of the benefits sections, once per posting.

    What employment type and work mode read last, when nothing else says.
    """
    return ctx.memo(_offer_spans)


def _offer_spans(ctx) -> list[tuple[int, int]]:
    return _block_spans(b for sec in ctx.sections("benefits") for b in sec.blocks if b.type in (TEXT, LABEL, BULLET))


def _body_blocks(ctx, skip=_BODY_SKIP):
    """Yield the prose, bullets and labels of the sections not skipped (header prose included)."""
    for sec in ctx.outline.sections:
        if sec.kind in skip:
            continue
        for b in sec.blocks:
            if b.type in (TEXT, LABEL, BULLET):
                yield b


def _label_spans(ctx, *kinds):
    """Return (start, end, block) of the values of the labels of ``kinds``, in order.

    A question-shaped label answered "yes" ("是否全职：是", "Remote: yes")
    gives its whole line: the label's own words name the value.
    """
    out = []
    yes = _affirmatives()
    for k in kinds:
        for b in ctx.labels(k):
            a, e = ctx.label_value(b)
            if e > a:
                if ctx.text[a:e].strip(" \t.!。").casefold() in yes:
                    a = b.start
                out.append((a, e, b))
    out.sort(key=lambda x: x[0])
    return out


@rules.derived
def _affirmatives() -> frozenset:
    return frozenset(str(w).casefold() for w in rules.load("headings").get("affirmative") or [])


# --- locations ---------------------------------------------------------------


def locations(ctx, title: Value | None, company: Value | None = None) -> tuple[Location, ...]:
    """Return the job's places from the first source that names any.

    In the header only a field that is mostly a place counts ("Lisbon,
    Portugal", "Remote - UK"), so an organisation's name that holds a place
    ("Lycos Europe", "Acme US – Platform team") gives none.
    """
    text = ctx.text
    find_places = _places.find_places
    memo: dict[tuple[int, int], list] = {}  # this posting's spans already read

    not_cues = _not_place_cues()

    def find(a: int, e: int) -> list:
        found = memo.get((a, e))
        if found is None:
            found = memo[a, e] = find_places(text[a:e])
            if found:  # (only a span that names a place is searched for the cues)
                found = memo[a, e] = _not_where_the_job_is(text, a, e, found, not_cues)
        return found

    labels = [(a, e) for a, e, _ in _label_spans(ctx, "location")]
    head = []
    for a, e in _header_except_title(ctx, title, company):
        for pa, pe in _place_parts(text, a, e):
            found = find(pa, pe)
            if not found:
                continue
            seg = text[pa:pe]
            covered = sum(_alnum_count(seg[p.start:p.end]) for p in found)
            # Mostly a place: the places cover enough of the field's letters,
            # work-mode and tag words aside (counted only when needed).
            if (covered >= 0.4 * _alnum_count(seg) or covered >= 0.4 * _letters_left(seg)
                    or (found[0].start == 0 and _REGION_TAIL.fullmatch(seg, found[0].end))
                    or (found[0].start == 0 and _region_word_tail(seg, found[0].end))
                    or (_DISTRICT_HEAD.fullmatch(seg, 0, found[-1].start)
                        and _places.STATE_TAIL.fullmatch(seg, found[-1].end))
                    or (_places.POSTCODE_HEAD.match(seg) is not None and covered >= 0.4 * _alnum_count(_places.without_postcodes(seg)))
                    or _street_then_place(seg, found[-1])):
                # (or a place, then a region the gazetteer lacks: "Leeds, West
                # Yorkshire", "Kraków, małopolskie"; or a district it lacks, then the place:
                # "Dandenong South, Melbourne VIC"; or a postcode, then the place:
                # "79098 Freiburg im Breisgau")
                head.append((pa, pe))
    loc_secs = []
    addr_towns = []  # an address's town, the line over its postcode ("Hartsford" / "HF4 2QT")
    town_country: dict[int, str] = {}  # (its country, by the postcode's form)
    for sec in ctx.sections("location"):
        # its first two blocks, past a lead-in ("2 vacancies in the following locations:")
        blocks_ = [b for b in sec.blocks[:3] if text[b.end - 1] not in ":\uff1a"][:2]
        for b in blocks_:
            loc_secs.append((b.start, b.end))
        for prev, b in zip(sec.blocks[:_ADDRESS_LINES], sec.blocks[1:_ADDRESS_LINES]):
            if (b.type is TEXT and prev.type is TEXT and b.first_line == prev.last_line + 1
                    and (pc := _places.POSTCODE_LINE.fullmatch(text, b.start, b.end)) is not None):
                addr_towns.append((prev.start, prev.end))
                town_country[prev.start] = pc.lastgroup
    def place_lines():
        # The one short line of the body that is a place and nothing else
        # ("Lisbon, Portugal" under the lists, as some boards end a posting);
        # not under a line that says what it lists ("Our offices:").
        out = []
        lines = []
        for sec in ctx.outline.sections:
            if sec.kind in _NO_PLACE_LINES:
                continue
            if sec.kind == "other" and sec.heading is not None:
                lines.append(sec.heading)  # (a place alone between blank lines reads as a heading)
            lines.extend(b for b in sec.blocks if b.type is TEXT)
        for b in lines:
            if b.first_line != b.last_line or b.end - b.start > _PLACE_LINE or text[b.end - 1] in ":\uff1a":
                continue
            j = b.start - 1
            while j >= 0 and text[j].isspace():
                j -= 1
            if j >= 0 and text[j] in ":\uff1a":
                continue
            found = find(b.start, b.end)
            if len(found) == 1 and found[0].kind != "continent":
                seg = text[b.start:b.end]
                if 2 * _alnum_count(seg[found[0].start:found[0].end]) >= _alnum_count(seg):
                    out.append((b.start, b.end))
        return out if len(out) == 1 else []  # (several such lines list offices: "Berlin" / "London")

    # Labels and header together (a board header and a "Location:" field may
    # each name a place); then a location section; then a cue in the body;
    # then the body's one place line (each tier's spans made only when the
    # tiers before it named no place).
    def towns(a: int, e: int) -> list:
        # A label's value of towns too small to name a place alone ("Standort: Konstanz"),
        # where the label names no place by the gazetteer's own rule.
        return [] if find(a, e) else _places.labelled_towns(text[a:e])

    def post_town(a: int, e: int) -> list:
        # An address's town over its postcode: the town the gazetteer knows, else the line
        # itself, a name of one to three capitalised words, in the postcode's country.
        found = towns(a, e)
        if found:
            return found
        line = text[a:e].strip()
        words = line.split()
        if (1 <= len(words) <= 3 and all(w[:1].isupper() for w in words) and not any(c.isdigit() for c in line)
                and _places.fold(line) not in _places.not_place_words()):
            s = text[a:e].index(line)  # (offsets in the span, as find gives them)
            return [_places.Place(s, s + len(line), line, town_country[a], "city", "places.post_town")]
        return []

    def composite(a: int, e: int) -> list:
        # A place written with what it lies in ("Galway, Ireland", "Austin, TX"): a bare
        # word of a sentence may be a name or a thing, the pair is a place.
        return [p for p in find(a, e) if "," in p.name and p.kind == "city"]

    first_tier = True
    for tier in (
        lambda: (("locations.label", labels, find), ("locations.header", head, find)),
        lambda: (("locations.label_town", labels, towns),),
        lambda: (("locations.section", loc_secs, find), ("locations.address", addr_towns, post_town)),
        lambda: (("locations.body_cue", ctx.memo(_cued_spans), find),),
        lambda: (("locations.title_sentence", _title_sentence(ctx, title), composite),),
        lambda: (("locations.line", place_lines(), find),),
    ):
        found: list[Location] = []
        for rule, spans, read in tier():
            for a, e in spans:
                for p in read(a, e):
                    span = ctx.doc.span(a + p.start, a + p.end)
                    found.append(Location(p.name, span, rule, p.country, p.kind))
        found = _dedupe_places(found)
        if found and first_tier and len(found) == 1 and found[0].kind == "city":
            found = _with_cued_sites(ctx, found, find)
        if found:
            return tuple(_by_currency(text, loc) for loc in found)
        first_tier = False
    return ()


def _with_cued_sites(ctx, found: list[Location], find) -> list[Location]:
    """Return the header's one city and the other places a cue of the body lists with it ("Malmo,
    Skåne County, Sweden" over "The location for this position is Malmö, Sandviken, or
    Stockholm"): a board shows one of the job's sites, the description names them all."""
    city = found[0]
    head = city.name.split(",")[0]
    head = head.lower() if head.isascii() else _places.fold(head)
    low = _casefolded(ctx)
    stem = head[:-1] if len(head) > 4 else head  # ("malm": Malmo and Malmö)
    if low is not None and low.count(stem) < 2:
        return found  # (the city's name is written once: no cue can name it again)
    if low is None:
        spans = ctx.memo(_cued_spans)
    else:
        # Where the name is written again right after a cue ("... this position is Malmö, ..."):
        # the cue's window, read from the cue's end (no scan of the whole body for cues).
        text = ctx.text
        pat = _place_cues()
        spans = []
        i = low.find(stem)
        while i >= 0:
            if not city.span.start <= i < city.span.end:
                last = None
                for m in pat.finditer(text, max(0, i - _CUE_WINDOW - _cue_reach()), i):
                    last = m
                if last is not None and i - last.end() <= _CUE_WINDOW:
                    nl = text.find("\n", last.end())
                    spans.append((last.end(), min(len(text) if nl < 0 else nl, last.end() + _CUE_WINDOW)))
            i = low.find(stem, i + 1)
    cued: list[tuple[str, Location]] = []  # (the place's city key, the place)
    for a, e in spans:
        for p in find(a, e):
            cued.append((_places.fold(p.name.split(",")[0]),
                         Location(p.name, ctx.doc.span(a + p.start, a + p.end), "locations.body_cue", p.country, p.kind)))
    if len(cued) < 2 or not any(k == head and c.country == city.country for k, c in cued):
        return found
    return _dedupe_places(found + [c for k, c in cued if k != head])


_SENTENCE_END = _rx(r"[.!?;](?=\s|$)|\n")
_SENTENCE_MORE = 20
"""How much longer than the title its line must be to be a sentence that names it."""


def _title_sentence(ctx, title: Value | None) -> list[tuple[int, int]]:
    """Return the rest of the sentence that names the title ("We are looking for a Bookkeeper
    to join our team in Galway, Ireland."), when the title was read from a sentence of prose."""
    if title is None:
        return []
    text = ctx.text
    t0, t1 = title.span.start, title.span.end
    for b in ctx.lead:
        if b.start <= t0 and t1 <= b.end:
            if b.type is not TEXT or b.end - b.start < (t1 - t0) + _SENTENCE_MORE:
                return []  # the title is a line of its own
            m = _SENTENCE_END.search(text, t1, b.end)
            return [(t1, m.start() if m else b.end)]
    return []


def _by_currency(text: str, loc: Location) -> Location:
    """Return ``loc`` in the country whose money the posting names, where its city's name alone
    is big cities of several countries and the money names one of them only ("Valencia" with
    "22.000€" is Valencia, Spain, not the larger Valencia of Venezuela)."""
    if loc.kind != "city" or "," in loc.name:
        return loc
    countries = _places.big_city_countries(loc.name)
    if len(countries) < 2:
        return loc
    money = _sal._compiled().country_currencies
    named = {c for c in {money.get(cc) for cc in countries} if c and _names_currency(text, c)}
    if len(named) != 1 or money.get(loc.country) in named:
        return loc
    code = named.pop()
    hits = [cc for cc in countries if money.get(cc) == code]
    if len(hits) != 1:
        return loc
    # (the rule says why the country is not the largest city's: rule suffix locations.by_currency)
    return Location(loc.name, loc.span, f"{loc.rule}+locations.by_currency", hits[0], loc.kind)


@rules.derived
def _currency_marks() -> dict[str, tuple[tuple[str, ...], tuple[str, ...], re.Pattern]]:
    """Return, per currency code, the marks that name it alone (currencies.yaml): its signs,
    its words of three letters or more (lower case) and a pattern of those words as words;
    none with "$" (many dollars), no short word ("kr", "Rs", "zl": words of other things too)."""
    signs: dict[str, list[str]] = {}
    words: dict[str, list[str]] = {}
    for surface, code in (rules.load("currencies").get("currencies") or {}).items():
        s = str(surface)
        if "$" in s or s.isalpha() and len(s) < 3:
            continue
        (words if s.isalpha() else signs).setdefault(str(code), []).append(s)
    out = {}
    for code in set(signs) | set(words):
        ws = tuple(w.lower() for w in words.get(code, ()))
        pat = _rx(r"(?<!\w)(?:" + ("|".join(map(re.escape, ws)) or "(?!)") + r")(?!\w)", re.IGNORECASE)
        out[code] = (tuple(signs.get(code, ())), ws, pat)
    return out


def _names_currency(text: str, code: str) -> bool:
    """Return whether ``text`` names the currency ``code`` by a mark of its own (a sign, or one
    of its words as a word: the pattern runs only where a plain search finds the word)."""
    marks = _currency_marks().get(code)
    if marks is None:
        return False
    signs, words, pat = marks
    if any(s in text for s in signs):
        return True
    low = text.lower() if words else ""
    return any(w in low for w in words) and pat.search(text) is not None


_REGION_TAIL = _rx(r",[ \t]*[A-Z\u00c0-\u00de][\w'.-]*(?:[ \t]+[A-Z\u00c0-\u00de][\w'.-]*){0,2}[ \t]*")
"""After a place that opens a header field: a comma and up to three capitalised words (a region)."""


def _region_word_tail(seg: str, end: int) -> bool:
    """Return whether ``seg`` goes on after ``end`` with a comma and a region of places.yaml
    ``region_words`` alone ("Kraków, małopolskie")."""
    tail = seg[end:].strip()
    return tail[:1] == "," and tail[1:].strip().casefold() in _region_words()


@rules.derived
def _region_words() -> frozenset:
    data = rules.load("places").get("region_words") or {}
    return frozenset(str(w).casefold() for ws in data.values() for w in ws)


_NO_PLACE_LINES = frozenset({"header", "about_company", "eeo", "benefits", "apply"})
"""Sections whose lines are not read as the job's place on their own (the header has its own reading)."""
_PLACE_LINE = 50
"""The longest line read as a place on its own."""
_DISTRICT_HEAD = _rx(r"[ \t]*[A-Z\u00c0-\u00de][\w'.-]*(?:[ \t]+[A-Z\u00c0-\u00de][\w'.-]*){0,2}[ \t]*,[ \t]*")
"""Before a place that ends a header field: up to three capitalised words and a comma (a district or suburb)."""

_ASCII_ALNUM = bytes(c for c in range(128) if chr(c).isalnum())


def _alnum_count(s: str) -> int:
    """Return how many characters of ``s`` are letters or digits."""
    if s.isascii():
        return len(s) - len(s.encode("ascii").translate(None, _ASCII_ALNUM))
    return sum(map(str.isalnum, s))


_CUE_WINDOW = 60


def _places_phrases(name: str) -> re.Pattern:
    """Return the pattern of places.yaml's per-language list ``name``: its phrases as whole
    words, any case, any run of white space between their words."""
    data = rules.load("places").get(name) or {}
    words = sorted({str(w) for ws in data.values() for w in ws}, key=lambda w: (-len(w), w))
    return _rx(r"(?<!\w)(?:" + ("|".join(r"\s+".join(map(re.escape, w.split())) for w in words) or "(?!)")
               + r")(?!\w)", re.IGNORECASE)


@rules.derived
def _not_place_cues() -> re.Pattern:
    """Return the pattern of places.yaml ``not_job_place_cues`` ("offsites in", "travel to")."""
    return _places_phrases("not_job_place_cues")


_CLAUSE_END = _rx(r"[;.\n]")


def _not_where_the_job_is(text: str, a: int, e: int, found: list, cues: re.Pattern) -> list:
    """Return the places ``found`` in ``text[a:e]`` but those of a clause after a
    ``not_job_place_cues`` phrase ("Remote within the EU; occasional offsites in Warsaw")."""
    for m in cues.finditer(text, a, e):
        end = _CLAUSE_END.search(text, m.end(), e)
        lo, hi = m.end() - a, (end.start() if end else e) - a
        found = [p for p in found if not lo <= p.start < hi]
    return found


@rules.derived
def _place_cues() -> re.Pattern:
    cues = rules.load("places").get("job_place_cues") or {}
    words = sorted({w for ws in cues.values() for w in ws}, key=lambda w: (-len(w), w))
    return _rx(r"(?<!\w)(?:" + ("|".join(map(re.escape, words)) or "(?!)") + r")(?!\w)", re.IGNORECASE)


@rules.derived
def _cue_reach() -> int:
    """Return the length of the longest job-place cue (places.yaml ``job_place_cues``)."""
    cues = rules.load("places").get("job_place_cues") or {}
    return max((len(str(w)) for ws in cues.values() for w in ws or ()), default=0)


def _cued_spans(ctx) -> list[tuple[int, int]]:
    """Return the text right after a job-place cue ("based in ...") in the body."""
    text = ctx.text
    blocks = list(_body_blocks(ctx, skip=frozenset({"about_company", "eeo", "benefits", "apply"})))
    if not blocks:
        return []
    pat = _place_cues()
    where = _cue_candidates(text, blocks)
    out = []
    for i, b in enumerate(blocks):
        starts = where.get(i, ()) if where is not None else None
        if starts is None:
            for m in pat.finditer(text, b.start, b.end):
                out.append((m.end(), min(b.end, m.end() + _CUE_WINDOW)))
        else:
            # The matches finditer would give, tried only where a cue may start.
            pos = b.start
            for s in starts:
                if s >= pos:
                    m = pat.match(text, s, b.end)
                    if m:
                        out.append((m.end(), min(b.end, m.end() + _CUE_WINDOW)))
                        pos = m.end()
        if len(out) >= 3:
            break
    return out


@rules.derived
def _cue_prefilter() -> tuple[re.Pattern, bool] | None:
    """Return what finds where a cue may be in ``LETTER_BYTES`` text, or None.

    A cue matched in the text has its ASCII words (runs of a-z) there in
    order, set off by bytes that are not ASCII letters (spaces, once mapped).
    The pattern, a trie of those words, matches them from the space before
    the first word; every start of a cue in the text is a start of it in
    the mapped text (it may match more: the real pattern decides). The flag
    says whether every cue starts with an ASCII letter, so that its first
    word is where it starts. None: a cue this cannot find (no ASCII word, a
    letter that matches ASCII letters).
    """
    cues = rules.load("places").get("job_place_cues") or {}
    words = sorted({str(w) for ws in cues.values() for w in ws})
    # A trie by byte: 1 stands for the spaces between two words, -1 for the end.
    root: dict = {}
    for w in words:
        runs = w.encode("utf-8").translate(LETTER_BYTES).split()
        if not runs or any(c in w for c in ASCII_TWIN_CHARS):
            return None
        node = root
        for c in b"\x01".join(runs):
            node = node.setdefault(c, {})
        node[-1] = {}

    def emit(node: dict) -> bytes:
        alts = [(b" ++" if c == 1 else re.escape(bytes([c]))) + emit(node[c]) for c in sorted(node) if c >= 0]
        if -1 in node:
            alts.append(b"")  # no end check: a block's end may be followed by a letter
        return alts[0] if len(alts) == 1 else b"(?:" + b"|".join(alts) + b")"

    if not root:
        return None
    lead = all(w[0].isascii() and w[0].isalpha() for w in words)
    return _rx(b" " + emit(root)), lead


def _cue_candidates(text: str, blocks) -> dict[int, list[int] | None] | None:
    """Return, by block index, where a cue may start in it (None: anywhere); None: in any block.

    Blocks left out have no cue. The body is read once, as bytes, by one
    search per place the trie matches (they may overlap: "position is
    remote in").
    """
    pre = _cue_prefilter()
    if pre is None:
        return None
    pattern, lead = pre
    lo = min(b.start for b in blocks)
    hi = max(b.end for b in blocks)
    raw = text[lo:hi]
    body = raw.encode("utf-8", "replace")
    ascii = len(body) == len(raw)
    if not ascii and any(odd in raw for odd in ASCII_TWIN_CHARS):
        return None  # (a character beyond a string's widest is ruled out at once)
    tb = b" " + body.translate(LETTER_BYTES) + b" "
    search = pattern.search
    found = []
    m = search(tb)
    while m is not None:
        q = m.start()
        found.append(q)  # the first word, less the space put in front
        m = search(tb, q + 1)
    out: dict[int, list[int] | None] = {}
    if not found:
        return out
    starts = sorted((b.start, i) for i, b in enumerate(blocks))
    for q in found:  # in order
        s = lo + (q if ascii else len(body[:q].decode("utf-8", "replace")))
        j = bisect_right(starts, (s, len(blocks))) - 1
        if j < 0:
            continue
        i = starts[j][1]
        if s >= blocks[i].end:
            continue  # between blocks, in a section not read
        if not lead:
            out[i] = None
        else:
            out.setdefault(i, []).append(s)
    return out


def _letters_left(seg: str) -> int:
    """Return the letters of a header field once work-mode and tag words are set aside."""
    from . import employment, seniority, work_mode

    spans = [(m.start, m.end) for m in work_mode.find_work_modes(seg)]
    spans += [(m.start, m.end) for m in employment.find_employment_types(seg)]
    spans += [(m.start, m.end) for m in seniority.find_levels(seg)]
    spans += [m.span() for m in _place_bounds().finditer(seg)]
    drop = sum(_alnum_count(seg[a:b]) for a, b in spans)
    return max(1, _alnum_count(seg) - drop)


@rules.derived
def _place_bounds() -> re.Pattern:
    """Return the pattern of places.yaml ``place_bounds`` ("timezones", "based")."""
    return _places_phrases("place_bounds")


def _inside(k: str, name: str) -> bool:
    """Return True when ``k`` is written in ``name`` as whole words."""
    return k in name and re.search(r"(?<!\w)" + re.escape(k) + r"(?!\w)", name) is not None


def _dedupe_places(found: list[Location]) -> list[Location]:
    out: list[Location] = []
    for loc in found:
        k = loc.name.casefold()
        if any(k == o.name.casefold() or _inside(k, o.name.casefold())
               for o in found if o is not loc and len(o.name) > len(loc.name)):
            continue
        if any(k == o.name.casefold() for o in out):
            continue
        if loc.kind == "country" and any(o.kind == "country" and o.country == loc.country for o in out):
            continue  # one country by two names ("Remote (United States)" and "Remote - US"): the first
        out.append(loc)
    return out


# --- work mode ---------------------------------------------------------------

def work_mode(ctx, title: Value | None) -> Value | None:
    """Return remote, hybrid or onsite, from tags and labels first, then the body, then the benefits."""
    wm = _wm
    text = ctx.text
    low = _casefolded(ctx)
    head = [(a, e) for a, e, _ in _label_spans(ctx, "work_mode", "location", "employment_type")]
    head += header_segments(ctx)
    body = ctx.memo(_body_spans)
    finder = wm.Finder(text, low, head + body)
    offers: list = []  # the benefits' (a, e, matches), read only when needed

    def offered():
        if not offers:
            spans = offer_spans(ctx)
            offers.append(wm.Finder(text, low, spans).find_all(spans) if spans else [])
        return offers[0]

    def unpartial():
        # Last, what the posting offers ("Trabajo remoto 100%" among the
        # benefits), where nothing else says: a perk there stays a perk, and
        # a block that names a part of the week is read only for a hybrid:
        # "Remote Fridays" is a perk, a count of office or home days ("Smart
        # working 2 giorni a settimana", "リモートワーク可（週2日出社）") the job's week.
        part = _part_of_week()
        out = []
        for a, e, ms in offered():
            if part.search(text, a, e) is not None:
                # (in the sentence of the phrase: "Monday to Friday, 8:30 to 5:30. This is a
                # work from office position." names the whole week, and the job's place)
                ms = [m for m in ms if m.mode == "hybrid" and not m.perk
                      or not _names_part_of_week(text, *_sentence_of(text, a, e, a + m.start, a + m.end))]
            if ms:
                out.append((a, e, ms))
        return out

    tiers = (("work_mode.header", lambda: finder.find_all(head)), ("work_mode.body", lambda: finder.find_all(body)),
             ("work_mode.benefits", unpartial))
    denied = _answered_no().match
    for rule, read in tiers:
        # A phrase in a label answered "no" ("Remote job: No") is no mode of the job.
        found = [(a, m) for a, e, ms in read() for m in ms if denied(text, a + m.end, e) is None]
        best = wm.decide([m for _, m in found]) if found else None
        if best is not None:
            a = next(a for a, m in found if m is best)
            break
    else:
        return _all_answered_no(ctx)
    if best.mode == "remote" and rule == "work_mode.header":
        # A board's "Remote" tag and a body that counts office days ("come
        # to the office 2 to 3 times per week") or says hybrid of this job
        # ("this position ... a hybrid work solution"): hybrid beats remote
        # when both are said of the job.  A company-wide "our hybrid
        # environment" is not.
        cues = _job_cues()
        for sa, se, found in finder.find_all(body):
            for m in found:
                if m.mode != "hybrid" or m.perk:
                    continue
                if m.rule in _DAYS_RULES or cues.search(text, *_sentence_of(text, sa, se, sa + m.start, sa + m.end)):
                    return Value(m.mode, ctx.doc.span(sa + m.start, sa + m.end), f"work_mode.body:{m.rule}")
        # A count of office or home days among the benefits ("accord
        # télétravail 3J/semaine") is said of the job as well.
        for sa, se, found in offered():
            for m in found:
                if m.mode == "hybrid" and not m.perk and (
                        m.rule in _DAYS_RULES or any(c.isdecimal() for c in text[sa + m.start:sa + m.end])):
                    # (or a phrase of the table that counts them: "주 2회 재택근무")
                    return Value(m.mode, ctx.doc.span(sa + m.start, sa + m.end), f"work_mode.benefits:{m.rule}")
    return Value(best.mode, ctx.doc.span(a + best.start, a + best.end), f"{rule}:{best.rule}")


from . import employment as _emp, work_mode as _wm  # noqa: E402
from ._guard import folded  # noqa: E402


_DAY_RANGE = _rx(r"[ \t]*(?:-|–|—|to|through|a|au|à|bis|tot|till|t/m|do|až)[ \t]*([^\W\d_]+)", re.IGNORECASE)


def _names_part_of_week(text: str, a: int, e: int) -> bool:
    """Return whether text[a:e] names a part of the week: a ``part_of_week`` word that is no end
    of a range of days ("Monday to Friday", "de lunes a sábado": the whole week, its last day a
    ``part_of_week`` word or one of ``range_end_days``)."""
    ends = _range_end_days()
    found = list(_part_of_week().finditer(text, a, e))
    k = 0
    while k < len(found):
        r = _DAY_RANGE.match(text, found[k].end(), e)
        pair = r is not None and k + 1 < len(found) and found[k + 1].start() == r.start(1)
        if not pair and (r is None or r.group(1).casefold() not in ends):
            return True
        k += 2 if pair else 1  # (a range of days: both its ends, or its first and a range_end_days word)
    return False


@rules.derived
def _range_end_days() -> frozenset[str]:
    """Return work_mode.yaml's ``range_end_days``, casefolded."""
    data = rules.load("work_mode").get("range_end_days") or {}
    return frozenset(str(w).casefold() for ws in data.values() for w in ws)


def _sentence_of(text: str, a: int, e: int, ms: int, me: int) -> tuple[int, int]:
    """Return (start, end) of the sentence of text[a:e] that holds the match text[ms:me]."""
    lo = max(text.rfind(c, a, ms) for c in ".!?\n") + 1
    lo = max(lo, a)
    hi = min((i for i in (text.find(c, me, e) for c in ".!?\n") if i >= 0), default=e)
    return lo, hi


_DAYS_RULES = frozenset({"work_mode.office_days", "work_mode.remote_days"})
"""Hybrid by a count of days in the office or at home: said of the job, whatever the sentence."""


_TAG_SPLIT = _rx(r"[ \t]*[|\u00b7\u2022;/][ \t]*|[ \t]{2,}")
_K_RANGE = _rx(r"\d{1,3}(?:[.,]\d)?[ \t]*[kK]?[ \t]*[-\u2013~][ \t]*\d{1,3}(?:[.,]\d)?[ \t]*[kK]")


def _k_range_tags(text: str, segments) -> list[tuple[int, int]]:
    """Return the spans of the header's tags that are a range in thousands alone ("25-40K", "60-75k")."""
    out = []
    for a, e in segments:
        if "k" not in text[a:e].lower():
            continue
        pos = a
        for m in [*_TAG_SPLIT.finditer(text, a, e), None]:
            stop = m.start() if m is not None else e
            if _K_RANGE.fullmatch(text, pos, stop):
                out.append((pos, stop))
            if m is not None:
                pos = m.end()
    return out


@rules.derived
def _rising_to() -> re.Pattern:
    """Return the pattern of currencies.yaml's ``rising_to`` between two amounts, a comma allowed before."""
    words = [str(w) for w in rules.load("currencies").get("rising_to") or ()]
    alt = "|".join(re.escape(w).replace(r"\ ", r"[ \t]+") for w in sorted(words, key=lambda w: (-len(w), w))) or "(?!)"
    return _rx(r"[ \t]*,?[ \t]*(?:" + alt + r")[ \t]*", re.IGNORECASE)


def _all_answered_no(ctx) -> Value | None:
    """Return on site when the posting's work-mode fields, two or more, are all answered "no"
    and nothing else names a mode ("Remote job: No" / "Telework eligible: No", a federal
    posting's fields), else None (rule ``work_mode.label:work_mode.answered_no``).  One field
    answered "no" ("Remote: No") leaves hybrid open: no mode."""
    blocks = ctx.labels("work_mode")
    if len(blocks) < 2:
        return None
    no = _negatives()
    for b in blocks:
        a, e = ctx.label_value(b)
        if heading_key(ctx.text[a:e]).rstrip(" .!") not in no:
            return None
    a, e = ctx.label_value(blocks[0])
    return Value("onsite", ctx.doc.span(a, e), "work_mode.label:work_mode.answered_no")


@rules.derived
def _negatives() -> frozenset:
    """Return the keys of headings.yaml's ``negative`` answers ("No", "Nein")."""
    return frozenset(heading_key(str(w)) for w in rules.load("headings").get("negative") or [])


@rules.derived
def _answered_no() -> re.Pattern:
    """Return the pattern of the rest of a label answered "no", after a mode phrase:
    up to three more words of the label, its colon (or the end of its line, the answer
    standing under it: "Remote job" / "No"), a ``negative`` answer, the block's end."""
    from ._vocab import alternation

    words = {str(w) for w in rules.load("headings").get("negative") or []}
    answer = alternation(words) if words else "(?!)"
    return _rx(r"(?:[ \t]+[\w-]+){0,3}[ \t]*[:\uff1a\n][ \t]*(?:" + answer + r")[ \t.!\u3002]*$", re.IGNORECASE)


@rules.derived
def _part_of_week() -> re.Pattern:
    """Return the pattern of the ``part_of_week`` words (whole words, any case; CJK anywhere)."""
    from ._vocab import alternation

    data = rules.load("work_mode").get("part_of_week") or {}
    words = {str(w) for ws in data.values() for w in ws}
    return _rx(alternation(words) if words else "(?!)", re.IGNORECASE)


@rules.derived
def _job_cues() -> re.Pattern:
    cues = rules.load("work_mode").get("job_cues") or {}
    words = sorted({w for ws in cues.values() for w in ws}, key=lambda w: (-len(w), w))
    return _rx(r"(?<!\w)(?:" + ("|".join(map(re.escape, words)) or "(?!)") + r")(?!\w)", re.IGNORECASE)


def _casefolded(ctx) -> str | None:
    """Return the posting casefolded character for character (see _guard.folded), once per posting.

    None for the process's first posting: the word-list fields then read
    each slice as it is, and the tables that find where their words may be
    in a whole posting (a few ms to build) are built only when a second
    posting shows they will pay off, so a one-file run does not wait for
    them.  Both ways give the same values.
    """
    return ctx.memo(_casefold_posting)


def _casefold_posting(ctx) -> str | None:
    global _postings
    _postings += 1
    return folded(ctx.text) if _postings > 1 else None


_postings = 0
"""Postings read so far by this process (see _casefolded)."""


def _first_tier_spans(tiers, find, choose):
    """Return (offset, match, rule) of what ``choose`` picks in the first tier with a match, or None.

    ``tiers`` are (spans, rule id) pairs, strongest source first; ``find(a, e)``
    gives the matches of ``text[a:e]``, with offsets relative to ``a``.
    """
    for spans, rule in tiers:
        found = [(a, m) for a, e in spans for m in find(a, e)]
        if not found:
            continue
        best = choose([m for _, m in found])
        if best is not None:
            return next(a for a, m in found if m is best), best, rule
    return None


def _block_spans(blocks) -> list[tuple[int, int]]:
    return [(b.start, b.end) for b in blocks]


def _body_spans(ctx) -> list[tuple[int, int]]:
    """Return the spans of the body's blocks (see _body_blocks): work mode and
    employment type both read them, so once per posting (not to be changed)."""
    return _block_spans(_body_blocks(ctx))


# --- seniority -----------------------------------------------------------------

def seniority(ctx, title: Value | None) -> tuple[Value, ...]:
    """Return the levels stated by the title, the tag lines and level fields."""
    from . import seniority as sen

    text = ctx.text
    # (start, end, rule, a tag on its own, a field's value read only when it is a level and no more)
    spans = []
    if title is not None:
        spans.append((title.span.start, title.span.end, "seniority.title", False, False))
    for a, e, _ in _label_spans(ctx, "seniority"):
        spans.append((a, e, "seniority.label", False, False))
    for a, e, _ in _label_spans(ctx, "requirements"):
        # A requirement's label whose whole value is a level is a level field:
        # "Experience: Entry level", "경력: 신입" (see seniority.level_value).
        spans.append((a, e, "seniority.label", False, True))
    for a, e in _header_except_title(ctx, title):
        if portal_segment(text, a, e):
            continue  # "Human Resources - Staff Employment": a jobs portal's banner, no level of the job
        n_words = len(text[a:e].split())
        if n_words > 8 and "  " in text[a:e]:
            # A board's tags set apart by wide gaps ("SGD 10K/month  Hybrid  Full-time  Mid-Senior
            # level"): each piece a tag line of its own.
            for m in _TAG_PIECE.finditer(text, a, e):
                if len(m.group().split()) <= 8:
                    spans.append((m.start(), m.end(), "seniority.tags", " " not in m.group(), False))
            continue
        if n_words <= 8 and not (n_words >= _TAG_SENTENCE_WORDS and text[a:e].rstrip().endswith(_SENTENCE_ENDS)):
            # (a sentence in the header is no tag line: "Help our senior clients stay independent.")
            spans.append((a, e, "seniority.tags", n_words == 1, False))
    out: list[Value] = []
    seen = set()
    # A span with no level word (most of them) is not read: one search of
    # the posting's fold each tells.
    low = _casefolded(ctx)
    test = sen.anchor_test() if low is not None else None
    for a, e, rule, tag, whole in spans:
        if test is not None and test.search(low, a, e) is None:
            continue  # no level word: find_levels gives none
        for m in sen.level_value(text[a:e]) if whole else sen.find_levels(text[a:e], tag=tag):
            if m.value in seen:
                continue
            seen.add(m.value)
            out.append(Value(m.value, ctx.doc.span(a + m.start, a + m.end), f"{rule}:{m.rule}"))
    if not out and title is not None and isinstance(title.value, str):
        out.extend(_level_before_title(ctx, title, sen))
    return tuple(out)


_TAG_PIECE = _rx(r"\S+(?: \S+)*")
"""A piece of a line between runs of two blanks or more."""
_TAG_SENTENCE_WORDS = 4
"""The fewest words of a header segment that, ending as a sentence ends, is a sentence, not tags."""
_SENTENCE_ENDS = (".", "!", "?")

_BEFORE_TITLE = 40
"""Characters before the title's mention in the body where its level is looked for."""


def _level_before_title(ctx, title: Value, sen) -> list[Value]:
    """Return the level the body says of the job where it names it after an article and a
    level word ("is seeking a junior-level Environmental Scientist"), at its first such mention.

    Read only when the title, tags and fields state none.  The mention must
    be the whole title, as a whole word; "alongside Senior Environmental
    Scientists" (no article) is not said of this job.  ``sen`` is the seniority
    module (imported by the caller, on first use).
    """
    text = ctx.text
    low = _casefolded(ctx) or folded(text)
    lt = folded(title.value)
    if low is None or lt is None or len(lt) < 3:
        return []
    i = low.find(lt, title.span.end)
    while i >= 0:
        e = i + len(lt)
        if e == len(text) or not (text[e].isalnum() or text[e] == "_"):
            lo = max(text.rfind("\n", 0, i) + 1, i - _BEFORE_TITLE)
            found = sen.level_before(text[lo:i])
            if found:
                return [Value(m.value, ctx.doc.span(lo + m.start, lo + m.end), f"seniority.before_title:{m.rule}")
                        for m in found]
        i = low.find(lt, i + 1)
    return []


# --- employment type -----------------------------------------------------------

def _employment_label_spans(ctx) -> list[tuple[int, int]]:
    """Return the spans the employment labels say their type in: their values
    ("Job type: Contract"), or the whole line of one answered by a length of
    time only ("Contract: 12 months", "Stage : 6 mois"), which names the type
    by its own words.
    """
    text = ctx.text
    out = []
    lasting = _lasting()
    for a, e, b in _label_spans(ctx, "employment_type"):
        if lasting.fullmatch(text, a, e):
            a = b.start
        out.append((a, e))
    return out


@rules.derived
def _lasting() -> re.Pattern:
    """Return the pattern of a length of time alone: "12 months", "6-month", "3 mois"."""
    return _rx(r"[ \t(]*" + _emp.LENGTH_OF_TIME.format(units=_emp.duration_units()) + r"[ \t.)]*", re.IGNORECASE)


def employment_type(ctx, title: Value | None) -> Value | None:
    """Return the employment type from the title, labels and tags, then the body, then the benefits."""
    emp = _emp
    tiers = []
    if title is not None:
        tiers.append(([(title.span.start, title.span.end)], "employment.title"))
    label_spans = _employment_label_spans(ctx)
    tiers.append((label_spans, "employment.label"))
    header = _header_except_title(ctx, title)
    tiers.append((header, "employment.header"))
    # A duration's value ("Duration: 6 month contract"), after the header's tags.
    tiers.append(([(a, e) for a, e, _ in _label_spans(ctx, "start_date")], "employment.label"))
    text = ctx.text
    low = _casefolded(ctx)
    choice = emp.without_choice  # (a place naming full- and part-time offers both: neither is read there)
    if low is None:
        find = lambda a, e: choice(emp.find_employment_types(text[a:e]))  # noqa: E731
    else:
        find = lambda a, e: choice(emp.find_folded(text, low, a, e))  # noqa: E731
    # A label's value that names a type only there ("Contract: B2B"), or a header
    # field of those words alone ("Wrocław | B2B | 22 000 PLN").
    labelled, fields, plain = set(label_spans), set(header), find

    def find(a: int, e: int) -> list:
        got = plain(a, e)
        share = emp.share_types(text, a, e, (a, e) in labelled)
        if share:
            got = [*got, *share]  # "Stillingsprosent: 80 % fast stilling" is part-time
        if got or not (labelled or fields):
            return got
        if (a, e) in labelled:
            return emp.label_value_types(text, a, e)
        if (a, e) in fields and emp.holds_label_value_word(text, a, e):
            for fa, fe in _place_parts(text, a, e):
                if (text.startswith(" / ", fe) and not emp.holds_label_value_word(text, fe + 3, min(e, fe + 3 + _WORD_REACH))
                        or text.endswith(" / ", 0, fa) and not emp.holds_label_value_word(text, max(a, fa - 3 - _WORD_REACH), fa - 3)):
                    continue  # "B2B / Operations": a market and a field of work, no contract's name ("B2B / UoP" is)
                got = emp.label_value_types(text, fa, fe)
                if got:
                    return [emp.Match(m.start + fa - a, m.end + fa - a, m.value, m.rule) for m in got]
        return []
    hit = _first_tier_spans(tiers, find, emp.employment_type)
    # Then the body (many blocks, searched at once), and last what the posting
    # offers ("Permanent contract", "CDI" among the benefits), read only when
    # nothing else says: a benefit may also mention hours in passing
    # ("part-time work possible").
    for spans_of, rule in ((lambda: ctx.memo(_body_spans), "employment.body"),
                           (lambda: offer_spans(ctx), "employment.benefits")):
        if hit is not None:
            break
        spans = spans_of()
        if spans:
            finder = emp.Finder(text, low, (min(a for a, _ in spans), max(e for _, e in spans)))
            fte = "FTE" in text  # ("a 0.6 FTE post" in the body)
            hit = _first_tier_spans(
                [(spans, rule)],
                lambda a, e: choice(finder.find(a, e)) + (emp.share_types(text, a, e, False) if fte else []),
                emp.employment_type)
    if hit is None:
        return None
    a, best, rule = hit
    return Value(best.value, ctx.doc.span(a + best.start, a + best.end), f"{rule}:{best.rule}")


# --- experience ----------------------------------------------------------------

def experience(ctx) -> Value | None:
    """Return the largest of the minimum year counts the posting asks for."""
    from . import experience as exp

    text = ctx.text
    blocks = []
    for sec in ctx.outline.sections:
        if sec.kind not in _EXPERIENCE_SKIP:
            for b in sec.blocks:
                if b.type in _EXPERIENCE_TYPES:
                    blocks.append(b)
    if not blocks:
        return None
    # Only a block that holds a unit a count may end at is read (most hold
    # none), from a little before its first such unit.
    lo = hi = blocks[0].start
    for b in blocks:
        if b.start < lo:
            lo = b.start
        if b.end > hi:
            hi = b.end
    units = exp.unit_lines(text, lo, hi, _folded(ctx))
    found = []
    if units is None:
        for b in blocks:
            a = b.start
            ms = exp.find_experience(text[a:b.end])
            if ms and b.type == BULLET:
                ms = _asked(text, b, ms)
            for m in ms:
                found.append((a, m))
    else:
        n = len(text)
        # The blocks that hold a unit, and those whose end may be glued to
        # the next word (a unit there may run past it), read in order.
        # (units are in text order: one bisection per block, not a loop over
        # every block per unit.)
        count_start = exp.count_start
        for b in blocks:
            a, e = b.start, b.end
            if units and (j := bisect_left(units, a)) < len(units) and units[j] < e:
                # A count starts a little before its unit.
                ranges = []
                for u in units[j:bisect_left(units, e, j)]:
                    first = count_start(text, a, u) - a
                    if ranges and first <= ranges[-1][1] + 1:
                        ranges[-1] = (ranges[-1][0], u - a)
                    else:
                        ranges.append((first, u - a))
                ms = exp.find_between(text[a:e], ranges)
            elif e < n and ((c := text[e]) == "_" or c.isalnum()):
                ms = exp.find_experience(text[a:e])  # a unit at the block's end may be glued to the next word
            else:
                continue
            if ms and b.type == BULLET:
                ms = _asked(text, b, ms)
            for m in ms:
                found.append((a, m))
    best = exp.experience_min([m for _, m in found])
    if best is None:
        return None
    a = next(a for a, m in found if m is best)
    return Value(best.value, ctx.doc.span(a + best.start, a + best.end), best.rule)


_EXPERIENCE_TYPES = (TEXT, LABEL, BULLET)
_EXPERIENCE_SKIP = _BODY_SKIP | {"nice_to_have"}
"""What experience does not read: the body's skipped sections, and the years wished for."""


_CLAUSE_MARK = _rx(r"[,;]")


def _asked(text: str, b, ms: list) -> list:
    """Return the counts ``ms`` of the bullet ``b`` that are asked for: in a bullet that says it
    is optional, as the lists read it (lists.yaml), those of a clause that says so are left out
    ("7+ years in insurance tech is a plus"; but "1 year of SQL, 3 years preferred" asks 1)."""
    from .lists import is_optional

    item = text[b.start:b.end]
    if not is_optional(item):
        return ms
    cuts = [0, *(c.end() for c in _CLAUSE_MARK.finditer(item)), len(item) + 1]
    out = []
    for m in ms:
        i = bisect_left(cuts, m.start + 1) - 1
        if not is_optional(item[cuts[i]:cuts[i + 1] - 1]):
            out.append(m)
    return out


# --- salary ----------------------------------------------------------------------

from . import salary as _sal     # noqa: E402  (imported once, not on every call)


def _label_not_pay(reader, text: str, a: int, e: int) -> bool:
    """Return whether a salary label's words ``text[a:e]`` hold a ``not_salary`` word ("Budget:")."""
    return reader.t.not_salary.search(_sal._lower(text[a:e])) is not None


def _header_field_labels(ctx, kind: str) -> list[tuple[int, int, int]]:
    """Return (value start, value end, label start) of the header's fields after a separator
    whose label is one of ``kind`` ("Posted 20 Nov 2026 | Budget: $35-50/hr"): a line's own
    label is a block's (``_label_spans``)."""
    out = []
    text = ctx.text
    labels = vocabulary().labels
    for a, e in header_segments(ctx):
        if ":" not in text[a:e]:
            continue
        for fa, fe in _place_parts(text, a, e):
            if fa == text.rfind("\n", 0, fa) + 1:
                continue  # (a field that opens its line is the block's own label, if any)
            m = _label_match(text[fa:fe])
            if m is not None and labels.get(heading_key(m[0])) == kind:
                out.append((fa + m[2], fe, fa + m[1]))
    return out



def _label_period(words: str) -> str | None:
    """Return the period a salary label's words name (currencies.yaml ``periods.before``:
    "Hourly budget" is by the hour), or None."""
    hit = _sal._compiled().period_before.search(_sal._lower(words))
    return hit.lastgroup if hit else None


def salary(ctx, title: Value | None) -> tuple[Salary | None, list[Candidate]]:
    """Return the pay range (from the salary label, the header, salary sections, then the body)
    and the other amounts read as pay, as losing candidates with why they lost."""
    sal = _sal
    text = ctx.text
    reader = sal._Reader(text, sal.SALARY_THRESHOLD)
    if reader.digits == []:
        return None, []             # no digit, no amount (most spans have none: they are skipped)
    # A label read with its own words ("Hourly rate: $18 - $21" is by the
    # hour), unless they hold a digit (a year in "Salary 2027:" is no pay)
    # or a word that elsewhere says an amount is no pay: the label names
    # the field pay ("Budget: $60-80 per hour", a freelance board's); such a
    # label's words still give the period its value does not ("Hourly budget:").
    label_spans = []
    label_words: dict[int, int] = {}  # a value read without its label's words: its start -> the label's
    labels = [(a, e, b.start) for a, e, b in _label_spans(ctx, "salary")]
    labels += _header_field_labels(ctx, "salary")  # "Remote | Budget: $35-50/hr"
    for a, e, start in labels:
        if reader.has_digit(start, a) or _label_not_pay(reader, text, start, a):
            label_words[a] = start
            label_spans.append((a, e))
        else:
            label_spans.append((start, e))
    header = header_segments(ctx)
    tiers = [
        (label_spans, True, "salary.label"),
        (header, False, "salary.header"),
        # A header tag that is a range in thousands and nothing else ("杭州 | 25-40K", "Berlin · 60-75k"):
        # pay as a board writes it, its currency the job's country's (currencies.country_currencies).
        (_k_range_tags(text, header), True, "salary.header"),
        ([(b.start, b.end) for s in ctx.sections("salary") for b in s.blocks], True, "salary.section"),
        (_salary_body_spans(ctx, reader), False, "salary.body"),
    ]
    found: list[tuple[int, str, int, object]] = []  # (tier, rule, offset, match)
    seen: set[tuple[int, int]] = set()
    find = reader.find
    for t, (spans, labelled, rule) in enumerate(tiers):
        for a, e in spans:
            for m in find(a, e, labelled):
                if (a + m.start, a + m.end) not in seen:
                    seen.add((a + m.start, a + m.end))
                    found.append((t, rule, a, m))
    if not found:
        return None, []
    # The strongest source wins; within it, the most certain amount (then the first).
    best = min(found, key=lambda f: (f[0], -f[3].confidence, f[2] + f[3].start))
    t, rule, a, m = best
    span = ctx.doc.span(a + m.start, a + m.end)
    period, lo, hi, how = m.period, m.annualized_min, m.annualized_max, f"{rule}:{m.rule}"
    if period is None and t == 0 and a in label_words:
        period = _label_period(text[label_words[a]:a])
        if period is not None:
            lo, hi = sal.annualized(m.min, m.max, period)
            how += "+salary.label_period"
    won = Salary(m.min, m.max, m.currency, period, text[a + m.start:a + m.end].strip(), span, how, lo, hi)
    taken = None  # (an amount taken into the range below: no loser)
    if m.min is not None and m.min == m.max:
        # "£14.25 per hour, rising to £15.10 per hour after 12 weeks": a starting rate and the
        # rate it rises to, the range of the pay (currencies.yaml ``rising_to``).
        rising = _rising_to()
        for ft, frule, fa, fm in found:
            if (fm is not m and fa + fm.start > a + m.end and rising.fullmatch(text, a + m.end, fa + fm.start)
                    and fm.currency == m.currency and fm.period == m.period and fm.min == fm.max
                    and fm.min is not None and fm.min > m.min):
                lo2, hi2 = sal.annualized(m.min, fm.min, period) if period else (None, None)
                won = Salary(m.min, fm.min, m.currency, period, text[a + m.start:fa + fm.end].strip(),
                             ctx.doc.span(a + m.start, fa + fm.end), how + "+salary.rising_to", lo2, hi2)
                taken = fm
                break
    losers = []
    for ft, frule, fa, fm in found:
        if fm is m or fm is taken:
            continue
        why = (f"{rule} ranks higher than {frule}" if ft != t
               else f"confidence {fm.confidence} < {m.confidence}" if fm.confidence < m.confidence
               else "the first amount of its source wins")
        losers.append(Candidate("salary", text[fa + fm.start:fa + fm.end].strip(),
                                ctx.doc.span(fa + fm.start, fa + fm.end), f"{frule}:{fm.rule}", why))
    return won, losers


def sign_by_place(salary: Salary | None, places) -> Salary | None:
    """Return ``salary`` with a sign several countries write read as the currency of the job's country, when its places agree.

    "$28.50/hour" for a job in Melbourne is AUD, "45 000 kr/mnd" in Oslo NOK:
    when every place has a country of the sign's list (currencies.yaml
    ``dollar_countries`` for "$", ``sign_countries`` for the others, such as
    "kr") and they name one currency, a match read as the sign's usual
    currency whose text holds no other alias of it ("US$", "USD", "dollars";
    "SEK") is that currency (rule suffix ``salary.dollar_country`` for "$",
    ``salary.sign_country`` for the others).  Otherwise ``salary`` as it is.
    """
    if salary is None or salary.currency is None or not places:
        return salary
    low = None
    for sign, code, by_country, others in _sal._compiled().sign_countries:
        if salary.currency != code:
            continue
        if low is None:
            low = salary.text.translate(_sal._ASCII_LOWER)
        if sign not in low or any(alias in low for alias in others):
            continue
        currency = _places_currency(by_country, places)
        if currency is None:
            continue
        rule = "salary.dollar_country" if sign == "$" else "salary.sign_country"
        return Salary(salary.min, salary.max, currency, salary.period, salary.text, salary.span,
                      f"{salary.rule}+{rule}", salary.annualized_min, salary.annualized_max)
    return salary


def _places_currency(by_country: dict, places) -> str | None:
    """Return the one currency ``by_country`` gives every place's country, or None
    (a place of a country it lacks, or places of two currencies)."""
    got = {by_country.get(p.country) for p in places}
    return got.pop() if len(got) == 1 and None not in got else None


def currency_by_place(salary: Salary | None, places) -> Salary | None:
    """Return ``salary`` with the currency of the job's country when it names none, and its places agree.

    "杭州 | 25-40K" is CNY, by the month: when every place has a country of
    ``country_currencies`` (currencies.yaml) and they name one currency, an
    amount read without a currency takes it (rule suffix
    ``salary.currency_by_place``), and the period such an amount implies
    when it states none (``annual_if_at_least``, ``monthly_if_within``).
    """
    if salary is None or salary.currency is not None or not places:
        return salary
    t = _sal._compiled()
    currency = _places_currency(t.country_currencies, places)
    if currency is None:
        return salary
    period = salary.period or _sal.implied_period(currency, salary.min, salary.max, t)
    lo, hi = _sal.annualized(salary.min, salary.max, period)
    return Salary(salary.min, salary.max, currency, period, salary.text, salary.span,
                  f"{salary.rule}+salary.currency_by_place", lo, hi)


_SALARY_BODY_SKIP = frozenset({"about_company", "eeo"})
_SALARY_BODY_TYPES = (TEXT, LABEL, BULLET)


def _salary_body_spans(ctx, reader) -> list[tuple[int, int]]:
    """Return the spans of the body blocks salary reads (as _body_blocks yields them) that hold a digit."""

    out = []
    digits = reader.digits
    if digits is None:
        for sec in ctx.outline.sections:
            if sec.kind not in _SALARY_BODY_SKIP:
                for b in sec.blocks:
                    if b.type in _SALARY_BODY_TYPES and reader.has_digit(b.start, b.end):
                        out.append((b.start, b.end))
        return out
    n = len(digits)
    for sec in ctx.outline.sections:
        blocks = sec.blocks
        if not blocks or sec.kind in _SALARY_BODY_SKIP:
            continue
        # A section's blocks are in text order: one without a digit between
        # its first block's start and its last one's end is passed over whole.
        i = bisect_left(digits, blocks[0].start)
        if i == n or digits[i] >= blocks[-1].end:
            continue
        for b in blocks:
            if b.type in _SALARY_BODY_TYPES:
                i = bisect_left(digits, b.start, i)
                if i == n:
                    break
                if digits[i] < b.end:
                    out.append((b.start, b.end))
    return out


# --- posted date -------------------------------------------------------------------

def posted_date(ctx, places=()) -> Value | None:
    """Return the date the posting says it was published or opened; a slashed date that reads
    both ways ("03/11/2026") is day first when every one of the job's ``places`` is in a country
    that writes dates so (dates.yaml ``month_first_countries`` are those that do not)."""
    month_first = _month_first_countries()
    day_first = bool(places) and all(p.country is not None and p.country not in month_first for p in places)
    if not day_first and "/" in ctx.text:
        # Another date of the posting that reads only day first ("Closing date: 23/02/2025"):
        # the posting writes dates so, and so is its "Date posted: 03/02/2025".
        day_first = _DAY_FIRST_DATE.search(ctx.text) is not None and _MONTH_FIRST_DATE.search(ctx.text) is None
    return _posted_date(ctx, day_first)


_DAY_FIRST_DATE = _rx(r"(?<![\d/])(?:1[3-9]|2\d|3[01])/(?:0?[1-9]|1[0-2])/(?:19|20)\d\d(?![\d/])")
"""A slashed date that reads only day first ("23/02/2025")."""
_MONTH_FIRST_DATE = _rx(r"(?<![\d/])(?:0?[1-9]|1[0-2])/(?:1[3-9]|2\d|3[01])/(?:19|20)\d\d(?![\d/])")
"""A slashed date that reads only month first ("02/23/2025")."""


@rules.derived
def _month_first_countries() -> frozenset[str]:
    return frozenset(str(c).upper() for c in rules.load("dates").get("month_first_countries") or ())


def _posted_date(ctx, day_first: bool) -> Value | None:
    from .dates import find_dates


    text = ctx.text
    for a, e, b in _label_spans(ctx, "posted_date"):
        ds = find_dates(text[a:e], day_first)
        if ds and _in_email_header(text, b.start):
            continue  # "From: ..." / "Date: Mon, Nov 30, 2026": the e-mail's date
        if ds:
            d = ds[0]
            return Value(d.iso, ctx.doc.span(a + d.start, a + d.end), f"posted_date.label:{d.rule}")
    for b in ctx.lead:
        if b.type != TEXT or b.end - b.start > _DATE_LINE:
            continue  # a date line is short; a long line is prose
        seg = text[b.start:b.end]
        ds = find_dates(seg, day_first)
        if ds and (ds[0].end - ds[0].start) >= 0.6 * len(seg.strip()):
            d = ds[0]
            words = seg[:d.start].strip(" \t:-–—|·")
            if words and vocabulary().labels.get(heading_key(words), "posted_date") != "posted_date":
                continue  # "Apply by 15 December 2026": another field's date (a deadline, a start)
            return Value(d.iso, ctx.doc.span(b.start + d.start, b.start + d.end), f"posted_date.header:{d.rule}")
    # "Posted 1 February 2025." inside a line: a posted-date label's words
    # right before a date, anywhere in the posting.  Only the few characters
    # after each cue are read for a date, so the cost stays linear.
    # A date names its year, and a cue's date is on the cue's line: only the
    # lines holding a year are searched for a cue (none, in most postings).
    # A cue never spans lines, so a line's cues are those of the whole text.
    cue, guard = _posted_cue()
    for ls, le in _year_lines(text, _folded(ctx)):
        for m in cue.finditer(text, ls, le):
            line_end = text.find("\n", m.end())
            window = text[m.end():min(m.end() + _DATE_WINDOW, line_end if line_end >= 0 else len(text))]
            gap = _CUE_TO_DATE.match(window)
            ds = find_dates(window[gap.end():], day_first) if gap else []
            if ds and ds[0].start == 0:
                if not guard.may_match(text):
                    return None  # no cue word by the guard's reading
                a = m.end() + gap.end()
                return Value(ds[0].iso, ctx.doc.span(a, a + ds[0].end), f"posted_date.cue:{ds[0].rule}")
    return None


def _in_email_header(text: str, start: int) -> bool:
    """Return whether the line at ``start`` has a line beside it that opens with an e-mail
    header's label (headings.yaml ``email_header_labels``: "From:", "Subject:")."""
    labels = _email_header_labels()
    prev_end = start - 1
    prev_start = text.rfind("\n", 0, max(prev_end, 0)) + 1
    next_start = text.find("\n", start)
    lines = []
    if prev_end > 0:
        lines.append(text[prev_start:prev_end])
    if next_start >= 0:
        nxt = text.find("\n", next_start + 1)
        lines.append(text[next_start + 1:nxt if nxt >= 0 else len(text)])
    for line in lines:
        head, colon, _ = line.partition(":")
        if colon and head.strip(" \t>").casefold() in labels:
            return True
    return False


@rules.derived
def _email_header_labels() -> frozenset[str]:
    return frozenset(str(w).casefold() for w in rules.load("headings").get("email_header_labels") or ())


def _folded(ctx) -> str:
    """Return the posting's text with ASCII letters lowered and other characters as "?".

    Computed once per posting (experience and posted date search it): the
    same length as the text, so offsets carry over.
    """
    return ctx.memo(_fold_ascii)


def _fold_ascii(ctx) -> str:
    from .experience import fold

    return fold(ctx.text)


def _year_lines(text: str, folded: str | None = None) -> list[tuple[int, int]]:
    """Return (start, end) of the lines holding a year ("19" or "20" and two digits), in order.

    ``folded`` is the text as :func:`_folded` gives it (its ASCII digits are
    the text's), when the caller has it.
    """
    out = []
    s = folded if folded is not None and len(folded) == len(text) else text
    find = s.find
    n = len(text)
    # By its first digit (a one-character find is the fastest), then the second.
    for lead, second in (("1", "9"), ("2", "0")):
        i = find(lead)
        while i >= 0:
            if s[i + 1:i + 2] == second and i + 4 <= n and text[i + 2:i + 4].isdecimal():
                out.append(i)
            i = find(lead, i + 1)
    lines = []
    for i in sorted(out):
        if lines and i < lines[-1][1]:
            continue
        e = text.find("\n", i)
        lines.append((text.rfind("\n", 0, i) + 1, e if e >= 0 else len(text)))
    return lines


_DATE_LINE = 200
_DATE_WINDOW = 48

# What may stand between "Posted" and its date: "on", "le", "am", a colon.
_CUE_TO_DATE = _rx(r"[ \t]*(?:on|le|am|el|em|den)?[ \t]*[:\-\u2013]?[ \t]*")


@rules.derived
def _posted_cue():
    """Return (pattern, word guard) for the words that label a posted date ("Posted", "Publié le")."""
    from ._guard import WordGuard
    from ._vocab import fast_alternation

    words = set()
    for table in rules.load("headings").values():
        if isinstance(table, dict):
            words.update((table.get("labels") or {}).get("posted_date") or [])
    words.discard("date")  # too common on its own ("start date", "closing date")
    return _rx(fast_alternation(sorted(words)), re.IGNORECASE), WordGuard(words)
