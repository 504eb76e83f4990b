"""Title and company: a table of short posting heads, through the Python API."""
from __future__ import annotations


import pytest

import jdparse

from conftest import case_table

CASES, PARAMS = case_table("title", "name")


def test_table_is_big_enough():
    assert len(CASES) >= 30
    assert len({c["name"] for c in CASES}) == len(CASES)


@pytest.mark.parametrize("case", PARAMS)
def test_title_and_company(case):
    d = jdparse.parse(case["text"]).to_dict()
    assert (d["title"], d["company"]) == (case["title"], case["company"])


def test_the_company_word_lists_are_data_a_user_extends(tmp_path):
    # titles.works_at and titles.verdict_words take a user's words like the package's.
    from conftest import parse_with_rules

    partner = "Data Scientist\nBerlin\n\nWe partner with Microsoft Corp on our cloud work every day.\n\nRequirements\n- Python\n"
    assert parse_with_rules(tmp_path, None, partner)["company"] is None
    assert parse_with_rules(tmp_path, "titles:\n  works_at:\n    en: [with]\n", partner)["company"] == "Microsoft Corp"
    judged = "Data Scientist\nBerlin\n\nGrafana is a nice extra for this role, not a must.\n\nRequirements\n- Python\n"
    assert parse_with_rules(tmp_path, None, judged)["company"] == "Grafana"
    assert parse_with_rules(tmp_path, "titles:\n  verdict_words:\n    en: [nice]\n", judged)["company"] is None


def test_gender_tags_are_data_a_user_extends(tmp_path):
    # titles.gender_tags: a user's mark makes a title like the package's.
    from conftest import parse_with_rules

    posting = "Kommissionierer (x/y)\nHafenlogistik Kiel GmbH\n\nDeine Aufgaben\n- Kommissionieren\n"
    assert parse_with_rules(tmp_path, None, posting)["title"] is None
    got = parse_with_rules(tmp_path, "titles:\n  gender_tags:\n    de: [x/y]\n", posting)
    assert got["title"] == "Kommissionierer (x/y)"


def test_place_links_are_data_a_user_extends(tmp_path):
    from conftest import parse_with_rules

    # A place link between the employer and a place ("at Acme Corp in San Jose"), with a user's word.
    head = "Software Engineer job at Acme Corp nahe Berlin\n\nResponsibilities\n- Build things\n"
    assert parse_with_rules(tmp_path, None, head)["company"] != "Acme Corp"
    assert parse_with_rules(tmp_path, "titles:\n  place_links:\n    de: [nahe]\n", head)["company"] == "Acme Corp"


def test_board_names_are_data_a_user_extends(tmp_path):
    from conftest import parse_with_rules

    posting = "Jobbland\nProduct Manager\nHalcyon Bank · London\n\nAbout the job\nWe bank.\n"
    assert parse_with_rules(tmp_path, None, posting)["company"] == "Jobbland"
    got = parse_with_rules(tmp_path, "titles:\n  board_names: [Jobbland]\n", posting)
    assert got["company"] == "Halcyon Bank"


@pytest.mark.parametrize("head,opening,tail,want", [
    # The words of the sentences that name the employer are data per language
    # (titles.about_words, name_is_verbs, name_is_articles, at_openers, we_are).
    ("Backend-ontwikkelaar", "Wij zijn Tulpsoft, een softwarebedrijf uit Utrecht.",
     "Wat je gaat doen\n- API's bouwen", "Tulpsoft"),
    ("Backend-ontwikkelaar", "Over ons\nTulpsoft is een softwarebedrijf uit Utrecht.",
     "Wat je gaat doen\n- API's bouwen", "Tulpsoft"),
    ("Utvikler", "Om oss\nFjordlys er et programvareselskap i Bergen.",
     "Arbeidsoppgaver\n- Bygge API-er", "Fjordlys"),
    ("Sviluppatore backend", "Chi siamo\nLagunare è una software house di Venezia.",
     "Responsabilità\n- Sviluppare API", "Lagunare"),
    ("Sviluppatore backend", "Siamo Lagunare, una software house di Venezia.",
     "Responsabilità\n- Sviluppare API", "Lagunare"),
    # An about line beside the title names the employer, not itself ("Over Tulpsoft").
    ("Backend-ontwikkelaar", "Over Tulpsoft\nTulpsoft is een softwarebedrijf uit Utrecht.",
     "Wat je gaat doen\n- API's bouwen", "Tulpsoft"),
    ("Entwickler (m/w/d)", "Über Nordlicht\nNordlicht ist ein Softwarehaus.", "Deine Aufgaben\n- APIs bauen", "Nordlicht"),
    # "About us" in the language names no employer ("ons", "oss" are about_not_names).
    ("Backend-ontwikkelaar", "Over ons\nWe bouwen software voor boeren.", "Wat je gaat doen\n- API's bouwen", None),
    ("Ohjelmistokehittäjä", "Olemme Revontuli, ohjelmistoyritys Oulusta.", "Tehtävät\n- Rajapintoja", "Revontuli"),
    ("Skladník", "Jsme Vltava Sklady, logistická firma z Prahy.", "Náplň práce\n- Příjem zboží", "Vltava Sklady"),
])
def test_a_sentence_names_the_employer_in_other_languages(head, opening, tail, want):
    from conftest import parse_json

    got = parse_json(f"{head}\n\n{opening}\n\n{tail}\n")
    assert got["company"] == want
    if want is not None:
        assert got["evidence"]["company"]["rule"].endswith(("company.about", "company.adjacent"))


def test_the_employer_sentence_words_are_data_a_user_extends(tmp_path):
    from conftest import parse_with_rules

    # (Estonian: a language the package's word lists do not cover)
    posting = "Tarkvaraarendaja\n\nOleme Virmalised, tarkvarafirma Tartust.\n\nÜlesanded\n- Liidesed\n"
    assert parse_with_rules(tmp_path, None, posting)["company"] is None
    got = parse_with_rules(tmp_path, "titles:\n  we_are:\n    et: [oleme]\n", posting)
    assert got["company"] == "Virmalised"


def test_clinic_role_words_through_the_command():
    from conftest import parse_json

    d = parse_json("Physiotherapist\nNorth Ridings NHS Trust\nLocation: Northallerton\n\nMain duties\n- Treat patients\n")
    assert (d["title"], d["company"]) == ("Physiotherapist", "North Ridings NHS Trust")


def test_a_careers_page_path_gives_no_title_or_level_through_the_command():
    from conftest import parse_json

    d = parse_json("Careers > Staff Positions > Job Details\nPayroll Officer\nKestrel Freight\nLeeds, UK\n\n"
                   "Responsibilities\n- Run payroll\n")
    assert (d["title"], d["company"], d["seniority"]) == ("Payroll Officer", "Kestrel Freight", [])


def test_a_dotted_level_word_is_data(tmp_path):
    # A level word of seniority.yaml ending with a period may end a title ("Analista Ssr.").
    from conftest import parse_with_rules

    text = "Analista Semisr.\nAndes Software\nBuenos Aires, Argentina\n\nRequisitos\n- SQL\n"
    assert parse_with_rules(tmp_path, None, text)["title"] is None
    d = parse_with_rules(tmp_path, "seniority:\n  words:\n    es:\n      mid: [Semisr.]\n", text)
    assert (d["title"], d["seniority"]) == ("Analista Semisr.", ["mid"])
