"""Case table for jdparse.extract.places (tests/cases/places.yaml)."""
from pathlib import Path

import pytest
import yaml

from jdparse.extract.places import Place, find_places, lookup

CASES = yaml.safe_load((Path(__file__).parent / "cases" / "places.yaml").read_text(encoding="utf-8"))


def _params():
    for row in CASES:
        marks = [pytest.mark.xfail(reason=row["xfail"], strict=True)] if row.get("xfail") else []
        yield pytest.param(row["text"], row["places"], marks=marks, id=row["text"])


@pytest.mark.parametrize("text,expected", list(_params()))
def test_find_places(text, expected):
    found = find_places(text)
    for p in found:
        assert text[p.start:p.end] == p.name
        assert p.rule.startswith("places.")
    assert [[p.name, p.country, p.kind] for p in found] == expected


@pytest.mark.parametrize("text", ["Atlanta, GA", "Lisbon, Portugal", "Sandviken", "EMEA", " Germany "])
def test_lookup_whole_string(text):
    p = lookup(text)
    assert isinstance(p, Place)
    assert text[p.start:p.end] == text.strip()


@pytest.mark.parametrize("text", ["Mobile", "Remote", "Senior Engineer", "", "CA", "us"])
def test_lookup_not_a_place(text):
    assert lookup(text) is None


def test_us_state_trap():
    assert lookup("Atlanta, GA").country == "US"
    assert lookup("Georgia").country == "GE"


def test_user_rules_reach_names_read_before():
    """A name looked up before user rules are installed is read again with them."""
    from jdparse import rules
    from jdparse.rules import parse_user_rules

    text = "Office in New Zorblax"
    assert find_places(text) == []
    try:
        rules.use_user_rules((parse_user_rules("places:\n  cities:\n    New Zorblax: SE\n"),))
        assert [(p.name, p.country) for p in find_places(text)] == [("New Zorblax", "SE")]
        assert lookup("New Zorblax").country == "SE"
    finally:
        rules.use_user_rules(())
    assert find_places(text) == []


def test_gazetteer_stretches_give_what_the_whole_file_gives():
    # The index narrows each lookup to the stretches of the file after it;
    # the lines they give must be the sorted key lines from the first one
    # >= the prefix, as reading the whole file gives them.
    from bisect import bisect_left
    from itertools import islice

    from jdparse.extract import places

    text = places._GAZETTEER.read_text(encoding="utf-8")
    lines = [line for line in text.split("\n") if line and not line.startswith("#")]
    assert lines == sorted(lines)
    keys = sorted({line.split("\t")[0] for line in lines})
    probes = set(keys[::7]) | {k.split()[0] for k in keys[::3]} | {keys[0], keys[-1], keys[-1] + "z", "zzzzzz", "#", "'"}
    probes |= {k[:3] for k in keys[::11]} | {k + "\t" for k in keys[::13]}
    samples, starts, size = places._index()
    assert len(samples) > 100 and size == len(text.encode("utf-8"))
    for p in probes:
        i = bisect_left(lines, p)
        assert list(islice(places._lines_from(p), 3)) == lines[i:i + 3], p
    assert list(places._lines_from(keys[0])) == lines  # every stretch, once, in order


def test_body_cues_overlapping_and_spaced():
    # "position is remote in": two cues overlap; a cue is read as written
    # (two spaces inside it are not the cue), though its words match loosely.
    from jdparse.pipeline import parse

    head = "Senior Backend Engineer\n\nAbout the role\nWe build things. "
    found = parse(head + "This position is remote in Portugal or Spain.\nYou will write code.\n").locations
    assert [(p.name, p.rule) for p in found] == [("Portugal", "locations.body_cue"), ("Spain", "locations.body_cue")]
    found = parse(head + "This position is remote  in Portugal.\nRole is located in Lisbon, Portugal.\n").locations
    assert [(p.name, p.rule) for p in found] == [("Lisbon, Portugal", "locations.body_cue")]


def test_fold_drops_every_combining_mark():
    import unicodedata

    from jdparse.extract.places import fold

    for s in ("Jönköping", "São Paulo", "Nürnberg", "Ås", "Zürich\u0301", "Łódź", "Kraków", "Đà Nẵng", "東京"):
        k = unicodedata.normalize("NFKD", fold(s))
        assert not any(unicodedata.combining(c) for c in k), s
    assert fold("Jönköping") == "jonkoping" and fold("Łódź") == "lodz" and fold("Đà Nẵng") == "da nang"


_NO_COMPANY = "Operations Manager\n{line}\n\nWe run a warehouse.\n"
_COMPANY_LINE = "Warehouse Team Leader\nCoastline Distribution\n{line}\n\nWe pay $70,000.\n"
_ANY = object()  # (the company not checked)


@pytest.mark.parametrize("posting,line,want,company", [
    # A place, then its county: the header names the place with it, and the
    # place line names no employer.
    (_NO_COMPANY, "Leeds, West Yorkshire", [("Leeds, West Yorkshire", "GB")], None),
    (_NO_COMPANY, "Manchester, Greater Manchester", [("Manchester, Greater Manchester", "GB")], None),
    # A district the gazetteer lacks, then the place (and a state, a postcode).
    (_COMPANY_LINE, "Dandenong South, Melbourne VIC", [("Melbourne", "AU")], "Coastline Distribution"),
    (_COMPANY_LINE, "Parramatta, Sydney NSW 2150", [("Sydney", "AU")], "Coastline Distribution"),
    (_COMPANY_LINE, "Shoreditch, London", [("London", "GB")], "Coastline Distribution"),
    # A place inside a name is no header place.
    (_NO_COMPANY, "Leeds Building Society Group Services", [], _ANY),
    (_COMPANY_LINE, "Acme US \u2013 Platform team", [], "Coastline Distribution"),
])
def test_a_header_place_beside_a_region_or_district_the_gazetteer_lacks(posting, line, want, company):
    import jdparse

    r = jdparse.parse(posting.format(line=line))
    assert [(p.name, p.country) for p in r.locations] == want
    if company is not _ANY:
        assert (r.company.value if r.company else None) == company


@pytest.mark.parametrize("line,want,company", [
    # A postcode before the place, a legal name before it (after a comma or a dash).
    ("Stadtwerke Auenfeld GmbH, 79098 Freiburg", [("Freiburg", "DE")], "Stadtwerke Auenfeld GmbH"),
    ("Stadtwerke Auenfeld GmbH - 79098 Freiburg im Breisgau", [("Freiburg im Breisgau", "DE")],
     "Stadtwerke Auenfeld GmbH"),
    ("Stadtwerke Auenfeld GmbH, D-79098 Freiburg im Breisgau", [("Freiburg im Breisgau", "DE")],
     "Stadtwerke Auenfeld GmbH"),
    # A name with a legal form, a comma, the place (the line read as a place by its share of letters).
    ("Stadtwerke Auenfeld GmbH, Freiburg im Breisgau", [("Freiburg im Breisgau", "DE")], "Stadtwerke Auenfeld GmbH"),
    ("Harbor & Finch Ltd, Berlin, Germany", [("Berlin, Germany", "DE")], "Harbor & Finch Ltd"),
    # A state's code and a postcode after the place.
    ("Fernwood Labs Inc., Austin, TX 78701", [("Austin, TX", "US")], "Fernwood Labs Inc."),
    # A British and a Canadian postcode, a ZIP+4.
    ("The Copper Pot, Edinburgh EH1 1AA", [("Edinburgh", "GB")], "The Copper Pot"),
    ("Maple Foods Inc., Toronto, ON M5V 2T6", [("Toronto, ON", "CA")], "Maple Foods Inc."),
    ("Fernwood Labs Inc., Seattle, WA 98101-1234", [("Seattle, WA", "US")], "Fernwood Labs Inc."),
    # A place and its postcode alone is no company.
    ("London SW1A 2AA", [("London", "GB")], None),
    ("Leeds LS1 4AP", [("Leeds", "GB")], None),
    # Without a legal form, a name before a place is not told from a district.
    ("Fernwood, Berlin, Germany", [("Berlin, Germany", "DE")], None),
])
def test_a_company_line_with_a_postcode_and_place(line, want, company):
    import jdparse

    r = jdparse.parse(f"Elektriker (m/w/d)\n{line}\n\nIhre Aufgaben\n- Wartung der Anlagen\n")
    assert [(p.name, p.country) for p in r.locations] == want
    assert (r.company.value if r.company else None) == company


def test_a_city_runs_on_over_a_link_word_and_a_river_where_the_field_ends():
    # places.city_links: "im", "an der", "upon" join a city to the river or region it lies on,
    # only where the name ends the field ("München im Team Nord" is München).
    from conftest import parse_json

    # (the gazetteer names these cities "Freiburg" and "Offenbach" alone)
    for line, want in [("Standort: Freiburg im Breisgau", "Freiburg im Breisgau"),
                       ("Location: Offenbach am Main | Full-time", "Offenbach am Main"),
                       ("Standort: Freiburg im Breisgau (Hybrid)", "Freiburg im Breisgau"),
                       ("Standort: München im Team Nord", "München")]:
        got = parse_json(f"Elektroniker (m/w/d)\n{line}\n\nIhre Aufgaben\n- Wartung\n")
        assert [p["name"] for p in got["locations"]] == [want], line


@pytest.mark.parametrize("line,want", [
    ("Standort: Offenbach am Main, Deutschland", ("Offenbach am Main, Deutschland", "DE")),
    ("Location: Freiburg im Breisgau, Germany", ("Freiburg im Breisgau, Germany", "DE")),
    ("Location: Paris Centre, France", ("Paris Centre, France", "FR")),
])
def test_a_city_with_its_link_or_qualifier_and_its_country_is_one_place(line, want):
    # The city before "am Main" or "Centre" is looked up where a country follows it.
    from conftest import parse_json

    got = parse_json(f"Elektroniker (m/w/d)\n{line}\n\nIhre Aufgaben\n- Wartung\n")
    assert [(p["name"], p["country"]) for p in got["locations"]] == [want]


def test_a_place_cue_before_our_office():
    import jdparse

    r = jdparse.parse("Fulfillment Manager\n\nThis role is based in our Bluff City, Tennessee office, and runs "
                      "fulfillment of our hardware products.\n")
    assert [(p.name, p.country, p.rule) for p in r.locations] == [("Bluff City, Tennessee", "US", "locations.body_cue")]


@pytest.mark.parametrize("tail,want", [
    # A line that is a place and nothing else, where nothing before named one.
    ("Full-time\nLisbon, Portugal\n", [("Lisbon, Portugal", "PT")]),
    ("Madrid, Spain\n", [("Madrid, Spain", "ES")]),
    # A continent, or a place inside a longer line, is not read so.
    ("Europe\n", []),
    ("Our team meets in Lisbon twice a year\n", []),
])
def test_a_place_line_at_the_end_of_a_posting(tail, want):
    import jdparse

    r = jdparse.parse("Customer Success Manager\n\nWhat you will do\n- Onboard new clinics\n- Reduce churn\n\n" + tail)
    assert [(p.name, p.country) for p in r.locations] == want


def test_a_place_line_about_the_company_is_not_the_jobs():
    import jdparse

    r = jdparse.parse("Customer Success Manager\n\nAbout us\nOur offices:\nLisbon, Portugal\n\n"
                      "What you will do\n- Onboard new clinics\n")
    assert r.locations == ()


def test_several_place_lines_list_offices_not_the_jobs_place():
    import jdparse

    r = jdparse.parse("Customer Success Manager\n\nWhat you will do\n- Onboard new clinics\n\n"
                      "Where we are\n\nBerlin\n\nLondon\n")
    assert r.locations == ()


@pytest.mark.parametrize("money,want", [
    # A city named alone that big cities of several countries share: the money decides, when it names one.
    ("Salario: 22.000€ - 26.000€ bruto/año", "ES"),
    ("Sueldo: 1.500 EUR al mes", "ES"),
    # No money, or money of none of them: the largest ("Valencia" of Venezuela), as before.
    ("", "VE"),
    ("Pay: £30,000", "VE"),
])
def test_a_shared_city_name_reads_in_the_country_of_the_postings_money(money, want):
    import jdparse

    r = jdparse.parse("Técnico de Soporte IT\nGrupo Alvarán\nValencia\n\n" + money + "\n")
    assert [(p.name, p.country) for p in r.locations] == [("Valencia", want)]
    # (a country read from the money says so in its rule)
    assert r.locations[0].rule.endswith("+locations.by_currency") == (want == "ES")


def test_a_users_shared_state_code_reads_through_the_command(tmp_path):
    # places.state_codes is extensible: "SA" (a legal form as well) names South Australia only
    # after a city of Australia; a firm's "Acme, SA" stays no place.
    from conftest import parse_with_rules

    posting = "Staff Nurse\nAcme Ltd\nLocation: Adelaide, SA\n\nAcme, SA is our parent.\n"
    with_rules = parse_with_rules(tmp_path, "places:\n  state_codes:\n    SA: AU\n", posting)
    assert [(p["name"], p["country"]) for p in with_rules["locations"]] == [("Adelaide, SA", "AU")]
    plain = parse_with_rules(tmp_path, None, posting)
    assert [(p["name"], p["country"]) for p in plain["locations"]] == [("Adelaide", "AU")]


def test_a_city_before_a_code_shared_by_a_state_and_its_country_reads_through_the_command():
    # "DE" is Delaware and Germany: after a German city and no Delaware one, the job is in Germany.
    from conftest import run_cli
    import json

    posting = b"Data Engineer\nAcme GmbH\nMunich, DE\n\nYou will build pipelines.\n"
    proc = run_cli("parse", "-", "--format", "json", input=posting)
    assert proc.returncode == 0, proc.stderr
    assert [(p["name"], p["country"]) for p in json.loads(proc.stdout)["locations"]] == [("Munich, DE", "DE")]


@pytest.mark.parametrize("line,want", [
    # A location label says its value is a place: a town too small to name one alone counts there.
    ("Standort: Konstanz", [("Konstanz", "DE")]),
    ("Location: Konstanz / Ravensburg", [("Konstanz", "DE"), ("Ravensburg", "DE")]),
    ("Lieu : Annecy", [("Annecy", "FR")]),
    # A town with its province's code in brackets is one place, named as written.
    ("Sede di lavoro: Casalecchio di Reno (BO)", [("Casalecchio di Reno (BO)", "IT")]),
    ("Standort: Konstanz (BW)", [("Konstanz (BW)", "DE")]),
    ("Sede: Pippo (MO)", []),
    # A town the gazetteer lacks, before a city or a region of one country it knows: one place.
    ("Local: Águeda, Aveiro", [("Águeda, Aveiro", "PT")]),
    ("Location: Remote, Aveiro", []),
    # Every part must be a town; a word of not_places is none.
    ("Location: Konstanz or remote", []),
    ("Location: Mobile", []),
    ("Location: Various", []),
])
def test_a_location_labels_value_may_be_a_small_town(line, want):
    import jdparse

    p = jdparse.parse(f"Staff Nurse\nKlinikum am See GmbH\n{line}\n\nYou will care for patients.\n")
    assert [(loc.name, loc.country) for loc in p.locations] == want
    assert all(loc.rule == "locations.label_town" for loc in p.locations)


def test_a_small_town_alone_in_running_text_is_still_no_place():
    from conftest import run_cli
    import json

    posting = b"Staff Nurse\nKlinikum am See GmbH\n\nYou will care for patients from Konstanz and nearby.\n"
    proc = run_cli("parse", "-", "--format", "json", input=posting)
    assert proc.returncode == 0, proc.stderr
    assert json.loads(proc.stdout)["locations"] == []
    labelled = posting.replace(b"GmbH\n", b"GmbH\nStandort: Konstanz\n")
    proc = run_cli("parse", "-", "--format", "json", "--evidence", input=labelled)
    d = json.loads(proc.stdout)
    assert [p["name"] for p in d["locations"]] == ["Konstanz"]
    assert d["evidence"]["locations"][0]["rule"] == "locations.label_town"


def test_one_country_by_two_names_is_one_location(cli):
    import json

    text = "Senior Engineer (Remote - US)\nTidewater Labs\nLocation: Remote (United States)\n\nYou will:\n- Design APIs\n"
    r = cli("parse", "--format", "json", input=text.encode())
    assert r.returncode == 0, r.stderr
    assert [(p["name"], p["country"]) for p in json.loads(r.stdout)["locations"]] == [("United States", "US")]
    # Two countries stay two.
    r = cli("parse", "--format", "json", input=text.replace("(United States)", "(US or Canada)").encode())
    assert [p["country"] for p in json.loads(r.stdout)["locations"]] == ["US", "CA"]


@pytest.mark.parametrize("name,country", [
    # English names the gazetteer holds only as another name of the city.
    ("New York", "US"), ("Bangalore", "IN"), ("Kiev", "UA"), ("Cologne", "DE"), ("Seville", "ES"), ("Ghent", "BE"),
])
def test_a_citys_english_name_alone_is_the_city(name, country):
    assert [(p.name, p.country, p.kind) for p in find_places(name)] == [(name, country, "city")]


def test_new_york_after_a_city_is_the_state():
    assert [(p.name, p.country) for p in find_places("Buffalo, New York")] == [("Buffalo, New York", "US")]


def test_a_spaced_slash_separates_a_header_lines_places_from_its_notes():
    import jdparse

    text = ("ML Engineer\nQuanta Research\nSan Francisco or New York (hybrid) / Remote within the US considered\n\n"
            "What you'll do\n- Build pipelines\n")
    assert [loc.name for loc in jdparse.parse(text).locations] == ["San Francisco", "New York"]


@pytest.mark.parametrize("posting,want", [
    # The sentence that names the title names the place, written with what it lies in.
    ("We are looking for a part-time Bookkeeper to join our family business in Galway, Ireland.\n\n"
     "You will:\n- reconcile bank statements\n", [("Galway, Ireland", "IE")]),
    ("Hi Sam,\n\nI am reaching out about a Lead Mobile Engineer opportunity with a client of mine in Austin, TX. "
     "It pays well.\n\nBest,\nDana\n", [("Austin, TX", "US")]),
    # A place after the sentence's end, a bare city, or a title on a line of its own: none.
    ("We are looking for a part-time Bookkeeper to join our family business. Our founder lives in Galway, Ireland.\n\n"
     "You will:\n- reconcile bank statements\n", []),
    ("We are looking for a part-time Bookkeeper to join our family business in Galway.\n\n"
     "You will:\n- reconcile bank statements\n", []),
    ("Bookkeeper\n\nWe are a family business founded in Galway, Ireland, in 1990.\n\n"
     "You will:\n- reconcile bank statements\n", []),
])
def test_the_sentence_that_names_the_title_names_the_place(posting, want):
    import jdparse

    r = jdparse.parse(posting)
    assert r.title is not None
    assert [(p.name, p.country) for p in r.locations] == want
    assert all(p.rule == "locations.title_sentence" for p in r.locations)


def test_the_title_sentences_place_through_the_command():
    from conftest import parse_json

    d = parse_json("Hello Alex,\n\nI am writing about a Barista role with a client of mine in Cork, Ireland. "
                   "Mornings only.\n\nYou will:\n- make coffee\n")
    assert [p["name"] for p in d["locations"]] == ["Cork, Ireland"]
    assert d["evidence"]["locations"][0]["rule"] == "locations.title_sentence"


def test_a_location_label_named_by_a_keyword_of_its_name():
    # "Primary location: Austin, TX" alone between blank lines in the body: a location label
    # with its value (as "Location: Austin, TX"), not a heading over nothing.
    import jdparse

    r = jdparse.parse("Data Analyst\n\nAbout us\nWe build maps.\n\nPrimary location: Austin, TX\n\nRequirements\n- SQL\n")
    assert [(p.name, p.country, p.rule) for p in r.locations] == [("Austin, TX", "US", "locations.label")]


def test_a_city_and_its_district_through_the_command():
    from conftest import parse_json

    d = parse_json("Barista\nKaffeehaus Nord\nStandort: Berlin-Mitte\n\nDeine Aufgaben\n- Kaffee\n")
    assert [(p["name"], p["country"]) for p in d["locations"]] == [("Berlin-Mitte", "DE")]


@pytest.mark.parametrize("line", ["Remote, worldwide", "Location: Worldwide"])
def test_worldwide_is_no_place(line):
    # "Worldwide" bounds no region the job is in: like "Remote", it is no place.
    from conftest import parse_json

    assert parse_json(f"Data Engineer\nAcme\n{line}\n\nWhat you do\n- Build\n")["locations"] == []


@pytest.mark.parametrize("line,want", [
    # A location label's value that is a state alone names a region of its country.
    ("Location: Texas", [("Texas", "US", "region")]),
    ("Territory: Texas", [("Texas", "US", "region")]),
    ("Campus: Ashgrove City Campus, Leeds, UK", [("Leeds, UK", "GB", "city")]),
    # In running text a state alone is still no place.
    ("We sell across Texas.", []),
])
def test_a_state_named_alone_in_a_location_label(line, want):
    from conftest import parse_json

    got = parse_json(f"Sales Rep\nAcme\n{line}\n\nDuties\n- Sell\n")["locations"]
    assert [(p["name"], p["country"], p["kind"]) for p in got] == want


@pytest.mark.parametrize("line,want", [
    # places.not_job_place_cues: the places of a clause after "offsites in", "travel to" are
    # where the team meets or goes, not where the job is.
    ("Locations: Remote within the EU; occasional offsites in Warsaw, Porto or Tallinn", ["EU"]),
    ("Location: Berlin. Regular travel to Munich.", ["Berlin"]),
    ("Location: Berlin; Munich", ["Berlin", "Munich"]),
])
def test_places_where_the_team_meets_are_not_the_jobs(line, want):
    from conftest import parse_json

    got = parse_json(f"Backend Engineer\nAcme\n{line}\n\nDuties\n- Code\n")["locations"]
    assert [p["name"] for p in got] == want


@pytest.mark.parametrize("line,want", [
    # places.place_bounds: words that bound where one may work from count not against a place field.
    ("Remote (EU timezones)", ["EU"]),
    ("Remote - US based", ["US"]),
    ("[Remote] [Full-time] [EU time zones]", ["EU"]),
])
def test_words_that_bound_a_region_keep_it_a_place(line, want):
    from conftest import parse_json

    got = parse_json(f"Analyst\nAcme\n{line}\n\nDuties\n- Analyse\n")["locations"]
    assert [p["name"] for p in got] == want


def test_town_prefixes_are_data_through_the_command(tmp_path):
    # places.town_prefixes: a word a user adds may start a town's name before a state.
    from conftest import parse_with_rules

    text = "Front Desk Agent\nGlacier Pines Lodge\nLa Grange, KY\n\nResponsibilities\n- Check guests in\n"
    got = parse_with_rules(tmp_path, None, text)["locations"]
    assert [p["name"] for p in got] == ["La Grange, KY"]
    text = text.replace("La Grange", "Salt Hollow")  # "Salt" is a word of not_places
    assert [p["name"] for p in parse_with_rules(tmp_path, None, text)["locations"]] == []
    got = parse_with_rules(tmp_path, "places:\n  town_prefixes: [Salt]\n", text)["locations"]
    assert [p["name"] for p in got] == ["Salt Hollow, KY"]


def test_emoji_field_lines_under_the_header_are_header_fields():
    # "📍 Rosario, Santa Fe" / "🏢 Híbrido" after the title's paragraph read as an emoji list;
    # they are the header's fields, each with an emoji of its own.
    from conftest import parse_json

    got = parse_json("Analista Contable Semi Senior\nGrupo Paraná Alimentos S.A.\nPublicado hace 3 días · 57 postulantes\n\n"
                     "📍 Rosario, Santa Fe\n🏢 Híbrido\n⏱ Full-time\n\nSobre el puesto\nBuscamos un analista.\n")
    assert [p["name"] for p in got["locations"]] == ["Rosario, Santa Fe"]
    assert got["work_mode"] == "hybrid"


def test_a_markdown_table_row_of_a_field_is_that_field():
    # "| Location | Leeds |" copied as text: the row's cells, a field and its value.
    from conftest import parse_json

    got = parse_json("Volunteer Coordinator (Part-time)\nKirkgate Community Food Trust\n\n"
                     "| Field          | Details                 |\n|----------------|-------------------------|\n"
                     "| Job title      | Volunteer Coordinator   |\n| Organisation   | Kirkgate Food Trust     |\n"
                     "| Location       | Leeds                   |\n| Contract       | Permanent, part-time    |\n"
                     "| Salary         | £28k-£32k pro rata      |\n\nThe role\nYou will welcome volunteers.\n")
    assert [p["name"] for p in got["locations"]] == ["Leeds"]
    assert (got["salary"]["min"], got["salary"]["max"]) == (28000, 32000)
    assert got["employment_type"] == "part_time"


@pytest.mark.parametrize("address,want", [
    # An address under "Job locations": the town is the line over the postcode, known or not.
    ("Harrogate District Hospital\nLancaster Park Road\nHarrogate\nHG2 7SX", [("Harrogate", "GB")]),
    ("Northvale General Hospital\nMoor Lane\nHartsford\nHF4 2QT", [("Hartsford", "GB")]),
])
def test_an_address_s_town_is_the_line_over_its_postcode(address, want):
    from conftest import parse_json

    got = parse_json(f"Senior Clinical Pharmacist\n\nNorthvale Teaching Hospitals NHS Foundation Trust\n\nBand 7\n"
                     f"Job locations\n{address}\n\nJob summary\nAn exciting opportunity.\n")
    assert [(p["name"], p["country"]) for p in got["locations"]] == want


def test_a_header_address_gives_its_place():
    # A street (a facility word in it), a comma, then the place and its postcode.
    from conftest import parse_json

    got = parse_json("Lumenport Analytics Pte. Ltd.\nSenior DevOps Engineer\n1 Fusionopolis Way, Singapore 138632\n"
                     "Full Time\n\nAbout the role\nYou will run our platform.\n")
    assert [(p["name"], p["country"]) for p in got["locations"]] == [("Singapore", "SG")]


def test_a_pages_list_of_facts_under_its_title_is_read_as_the_header(cli, tmp_path):
    # <h1>Title</h1><ul><li>Cork, Ireland</li><li>Part-time</li></ul>: the page's facts of the job
    # (a list of short items right under the title's heading), not the first list of its duties.
    import json

    html = ("<html><body><h1>Customer Support Specialist</h1><ul><li>Cork, Ireland</li><li>Part-time</li>"
            "<li>Hybrid</li></ul><h2>What you will do</h2><ul><li>Answer questions by email</li>"
            "<li>Write help articles</li></ul></body></html>")
    p = tmp_path / "job.html"
    p.write_text(html, encoding="utf-8")
    r = cli("parse", str(p), "--format", "json")
    assert r.returncode == 0, r.stderr
    d = json.loads(r.stdout)
    assert [x["name"] for x in d["locations"]] == ["Cork, Ireland"]
    assert (d["employment_type"], d["work_mode"]) == ("part_time", "hybrid")


def test_a_boards_about_link_over_the_jobs_facts_leaves_the_header_going(cli, tmp_path):
    # Pracuj's layout: the employer's line, its "O firmie" link, then the job's facts: the
    # place, the contract, the work mode and the pay are the header's, not the company's story.
    import json

    p = tmp_path / "oferta.txt"
    p.write_text("Specjalista ds. Płac\nMorwa Logistyka Sp. z o.o.\nO firmie\n\nPoznań, wielkopolskie\n"
                 "umowa o pracę\npełny etat\npraca stacjonarna\n7 000–8 000 zł brutto / mies.\n\n"
                 "Twój zakres obowiązków\n• naliczanie wynagrodzeń\n\nO firmie\n\n"
                 "Morwa Logistyka to firma transportowa z Gdyni, działająca od 1998 roku.\n", encoding="utf-8")
    r = cli("parse", str(p), "--format", "json")
    assert r.returncode == 0, r.stderr
    d = json.loads(r.stdout)
    assert [x["name"] for x in d["locations"]] == ["Poznań, wielkopolskie"]
    assert (d["work_mode"], d["employment_type"]) == ("onsite", "full_time")
    assert (d["salary"]["min"], d["salary"]["max"], d["salary"]["period"]) == (7000, 8000, "month")


def test_a_header_city_and_the_sites_a_body_cue_lists_with_it():
    # A board shows one of the job's sites; the description lists them all, that one among them.
    import jdparse

    text = ("Communications Specialist\nNordhavn Steel\nMalmo, Skåne County, Sweden · 1 week ago\n\nAbout the job\n"
            "You will plan internal communication. The location for this position is Malmö, Gothenburg, or "
            "Stockholm, and we offer a hybrid work solution.\n")
    assert [p.name for p in jdparse.parse(text).locations] == ["Malmo, Skåne County, Sweden", "Gothenburg",
                                                                 "Stockholm"]
    # A cue that does not name the header's city leaves the header's place alone.
    other = text.replace("Malmö, Gothenburg, or Stockholm", "Gothenburg or Stockholm")
    assert [p.name for p in jdparse.parse(other).locations] == ["Malmo, Skåne County, Sweden"]


def test_a_location_sections_lead_in_is_no_place_line():
    # "Location(s)" / "2 vacancies in the following locations:" / the places: the places under it.
    import jdparse

    r = jdparse.parse("Program Analyst\nBureau of Records\n\nLocation(s)\n2 vacancies in the following locations:\n"
                      "Denver, CO\nSalt Lake City, UT\nRemote job: No\n\nDuties\n- Analyse\n")
    assert [p.name for p in r.locations] == ["Denver, CO", "Salt Lake City, UT"]


def test_a_metropolitan_region_is_one_place_not_a_town_of_its_first_word():
    # "Metro Manila" is Manila's region, not Metro (a town of Indonesia) and Manila.
    import jdparse

    r = jdparse.parse("Customer Service Representative\nBluecrest Contact Inc.\nPasig City, Metro Manila\n\nDuties\n- Calls\n")
    assert [(p.name, p.country) for p in r.locations][-1] == ("Metro Manila", "PH")
    assert all(p.country == "PH" for p in r.locations)
