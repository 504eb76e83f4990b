"""Case table for jdparse.extract.employment (tests/cases/employment.yaml)."""
from __future__ import annotations

import doctest

import pytest

from jdparse.extract import employment
from jdparse.extract.employment import TYPES, employment_type, find_employment_types

from conftest import case_table, check_spans, check_table_size, header_line_posting

CASES, PARAMS = case_table("employment", "text")


def test_table_size():
    check_table_size(CASES)


@pytest.mark.parametrize("row", PARAMS)
def test_case(row):
    text = row["text"]
    matches = find_employment_types(text)
    check_spans(text, matches, lambda v: v in TYPES, lambda r: r.startswith("employment."))
    best = employment_type(matches)
    assert (best.value if best else None) == row["value"]
    if "all" in row:
        assert [m.value for m in matches] == row["all"]


def test_precedence_most_specific_first():
    text = "Part-time internship, full-time in summer"
    assert employment_type(find_employment_types(text)).value == "internship"
    assert employment_type([]) is None


def test_doctests():
    assert doctest.testmod(employment).failed == 0


def test_dotless_i_is_looked_up_as_i():
    # re's IGNORECASE matches "ı" to "i"; the word's lookup must agree.
    text = "Full-tıme, Part tıme"
    got = find_employment_types(text)
    assert [(m.value, text[m.start:m.end]) for m in got] == [("full_time", "Full-tıme"), ("part_time", "Part tıme")]


def test_dotless_i_through_parse():
    import jdparse

    text = "Backend Engineer\n\nFull-tıme role. We build things."
    p = jdparse.parse(text)
    assert p.employment_type.value == "full_time"
    assert text[p.employment_type.span.start:p.employment_type.span.end] == "Full-tıme"


@pytest.mark.parametrize("text", [
    "Full-time Contract | Part Time | FT | ft | Internship, intern, INTERNS",
    "Senıor Full-tıme; ſeasonal; KONTRAKT; 全职 兼职 实习生; smart contract manager",
    "international template contractor freelancer fixed term temp-to-perm 50 full-time employees",
    "", "x", "contract", "\ncontract\n",
])
def test_split_alternation_finds_what_the_alternation_finds(text):
    import re

    from jdparse import rules
    from jdparse.extract._vocab import Split, alternation, word_table

    data = rules.load("employment")
    _, words = word_table("employment.yaml", data["words"], TYPES)
    cs = frozenset(data.get("case_sensitive") or ())
    split = Split.build(words, re.compile, case_sensitive=cs)
    whole = re.compile(alternation(words, case_sensitive=cs), re.IGNORECASE)
    assert [m.span() for m in split.finditer(text)] == [m.span() for m in whole.finditer(text)]
    assert Split.build(["-x", "y"], re.compile) is None


@pytest.mark.parametrize("text", [
    "Senior Engineer | Full-time Contract | Remote\n\nWe hire 50 full-time employees. Internship\n",
    "Stage de fin d'études — CDI, temps plein; Teilzeit befristet; 全职 兼职\n",
    "internationally contracted; part-timer; no type here at all\n",
])
def test_find_folded_finds_what_find_employment_types_finds(text):
    from jdparse.extract._guard import folded

    low = folded(text)
    assert low is not None
    for a in range(0, len(text), 3):
        for e in range(a, len(text) + 1, 5):
            assert employment.find_folded(text, low, a, e) == find_employment_types(text[a:e]), (a, e)


@pytest.mark.parametrize("text,want,rule", [
    # Said only among what the posting offers: read there, last.
    ("Support Agent\nAcme\n\nResponsibilities\n- Answer tickets\n\nWhat we offer\n- Permanent contract\n- A bike\n",
     "full_time", "employment.benefits"),
    # Said in the body too: the body wins over a benefit that mentions hours in passing.
    ("Support Agent\nAcme\n\nResponsibilities\n- Answer tickets in a full-time role\n\n"
     "What we offer\n- Part-time work possible after a year\n", "full_time", "employment.body"),
    ("Support Agent\nAcme\n\nResponsibilities\n- Answer tickets\n\nWhat we offer\n- A bike\n", None, None),
])
def test_employment_type_from_the_benefits_last(text, want, rule):
    import jdparse

    got = jdparse.parse(text).employment_type
    assert (got and got.value) == want
    if rule is not None:
        assert got.rule.startswith(rule + ":")


@pytest.mark.parametrize("line,want", [
    # A label answered by a length of time names the type by its own words.
    ("Contract: 12 months", "contract"),
    ("Stage : 6 mois", "internship"),
    # A duration's value is read for a type, after the header's tags.
    ("Duration: 6 month contract", "contract"),
    # A value that names a type is read as before; a length of time alone under
    # another label names none.
    ("Contract: Permanent", "full_time"),
    ("Job Type: 6 months", None),
    ("Contract: TBC", None),
    # Full- and part-time named in one label offer a choice: neither is the job's type.
    ("Job Type: Full-time, Part-time", None),
    ("Working pattern: Full-time, Part-time, Job share", None),
    ("Arbeitszeit: Vollzeit/Teilzeit", None),
    # The other types named with them are read as before.
    ("Job Type: Full-time, Part-time, Temporary", "temporary"),
    ("Job Type: Part-time, Contract", "contract"),
    # One of them alone is read as before.
    ("Job Type: Part-time", "part_time"),
    ("Job Type: Full-time", "full_time"),
    # A word that names a type only as a label's whole value (label_values).
    ("Contract: B2B", "contract"),
    ("Typ umowy: B2B / UoP", "contract"),
    ("Contract type: UoP", "full_time"),
    ("Type: B2B SaaS", None),
    # A workload's share of full time (en "Workload", Workday's "Time Type").
    ("Workload: 100%", "full_time"),
    ("Workload: 60%", "part_time"),
    ("Time Type: Part time", "part_time"),
    # "Casual" as an employment field's value: no guaranteed hours, part time (employment.label_values).
    ("Employment Status: Casual (no guaranteed hours)", "part_time"),
    ("Dress code: business casual", None),
    # An aside in brackets may follow them.
    ("Tipo de contrato: Temporal (de abril a octubre de 2027)", "temporary"),
    ("Contract: B2B (preferred)", "contract"),
    # A header field of those words alone, between separators.
    ("Wrocław, Poland | B2B | 22 000 - 28 000 PLN", "contract"),
    ("Kraków · UoP · Hybrid", "full_time"),
    ("Wrocław | B2B SaaS platform | Hybrid", None),
    ("San Francisco · 9 employees · B2B / Operations", None),  # a market and a field of work
    ("Wrocław, Poland | B2B / UoP | 22 000 - 28 000 PLN", "contract"),
])
def test_employment_type_of_a_header_line(line, want):
    # Labels answered by a length of time, and labels naming a choice of hours.
    import jdparse

    got = jdparse.parse(header_line_posting(line)).employment_type
    assert (got and got.value) == want


def test_a_choice_of_hours_leaves_the_type_to_the_next_places(cli):
    # The label offers both; the body says which this job is.
    text = ("Barista (Full-time/Part-time)\nCorner Cafe\nLeeds\n\n"
            "Job Type: Full-time, Part-time\n\nAbout the role\nThis is a full-time position on our early shift.\n")
    r = cli("parse", "--format", "json", "--evidence", input=text.encode())
    assert r.returncode == 0, r.stderr
    import json

    got = json.loads(r.stdout)
    assert got["employment_type"] == "full_time"
    assert got["evidence"]["employment_type"]["rule"].startswith("employment.body:")
    assert employment.without_choice([]) == []


def test_a_boards_stacked_fields_are_labels(cli, tmp_path):
    # "Job details" as a board shows them: each label on its own line, its value under it.
    p = tmp_path / "indeed.txt"
    p.write_text("Warehouse Associate\nNorthgate Logistics\nReno, NV\n\nJob details\nPay\n$19.50 an hour\n"
                 "Job type\nFull-time\nPart-time\n\nFull job description\nWe are hiring.\n", encoding="utf-8")
    r = cli("parse", str(p), "--format", "json", "--evidence")
    assert r.returncode == 0, r.stderr
    import json

    d = json.loads(r.stdout)
    assert d["employment_type"] == "full_time"  # the label's value, before the lines under it
    assert d["evidence"]["employment_type"]["rule"] == "employment.label:employment.en"
    assert (d["salary"]["min"], d["salary"]["period"]) == (19.5, "hour")


def test_every_package_word_is_found_by_its_runs_or_as_a_literal():
    # A word that is neither (a CJK or Korean word with a space in it) turns
    # the cheap look-up off for every posting: positions() then scans by anchors.
    from jdparse.extract import employment

    assert employment._scan() is not None


def test_a_label_value_word_is_no_type_outside_a_label():
    import jdparse

    text = "Account Executive\nAcme\n\nAbout the role\nYou will sell our B2B platform to retailers.\n"
    assert jdparse.parse(text).employment_type is None


def test_label_values_are_data_a_user_extends(tmp_path):
    from conftest import parse_with_rules

    posting = header_line_posting("Typ umowy: JDG")
    assert parse_with_rules(tmp_path, None, posting)["employment_type"] is None
    extra = "employment:\n  label_values:\n    contract: [JDG]\n"
    assert parse_with_rules(tmp_path, extra, posting)["employment_type"] == "contract"


def test_a_header_field_of_label_value_words_through_the_command():
    from conftest import parse_json

    text = "Senior DevOps Engineer\nChmurex Sp. z o.o.\nWrocław | B2B | Remote\n\nWymagania:\n- Terraform\n"
    d = parse_json(text)
    assert d["employment_type"] == "contract"
    assert d["evidence"]["employment_type"]["rule"] == "employment.header:employment.label_value"
    assert text[d["evidence"]["employment_type"]["start"]:d["evidence"]["employment_type"]["end"]] == "B2B"


@pytest.mark.parametrize("body,want", [
    # A type's word in a stop_contexts phrase names the produce or a programme, not the job.
    ("What we want\n- A passion for seasonal produce and seasonal menus\n", None),
    ("The role\nYou will cook for our internship programme's graduation dinners.\n", None),
    ("The role\nThis is a seasonal position from May to September.\n", "temporary"),
    ("The role\nThis internship runs for 12 weeks.\n", "internship"),
])
def test_a_type_word_in_a_stop_context_names_no_type(body, want):
    from conftest import parse_json

    got = parse_json(f"Line Cook\nThe Copper Kettle\nEdinburgh\n\n{body}")
    assert got["employment_type"] == want


@pytest.mark.parametrize("head,line,want", [
    # A share of a full-time post (rule employment.share): "0.8 FTE" anywhere, a percentage
    # as an employment label's value; below a whole post it is part-time.
    ("Utvikler\nFjordlys AS\nBergen", "Stillingsprosent: 80 % fast stilling", "part_time"),
    ("Utvikler\nFjordlys AS\nBergen", "Stillingsprosent: 100 %", "full_time"),
    ("Entwickler (m/w/d)\nNordlicht AG\nZürich", "Pensum: 60-80%", "part_time"),
    ("Entwickler (m/w/d)\nNordlicht AG\nZürich", "Pensum: 80–100 %", None),  # a choice of hours
    ("Research Fellow\nUniversity of Ashgrove", "Salary: £32-36k pro rata (0.8 FTE)", "part_time"),
    # A percentage elsewhere says nothing of the hours.
    ("Research Fellow\nUniversity of Ashgrove", "100% remote", None),
])
def test_a_share_of_full_time(head, line, want):
    from conftest import parse_json

    got = parse_json(f"{head}\n{line}\n\nDuties\n- Research\n")
    assert got["employment_type"] == want
    if want is not None:
        assert got["evidence"]["employment_type"]["rule"].endswith("employment.share")


@pytest.mark.parametrize("line,want", [
    ("Contratação: PJ", "contract"),       # a Brazilian contractor's company (employment.label_values)
    ("Regime de contratação: PJ", "contract"),
])
def test_brazilian_contract_forms(line, want):
    from conftest import parse_json

    assert parse_json(f"Desenvolvedor\nAcme\nRecife - PE\n{line}\n\nAtividades\n- Codar\n")["employment_type"] == want


def test_a_hyphenated_label_value_word_names_its_type():
    # "co-op" alone is no type in running text; as an employment label's value it is the
    # student's term, read as one word though a hyphen joins it.
    import jdparse

    p = jdparse.parse("Data Analyst\nEmployment type: Co-op\n\nDuties\n- Build reports\n")
    assert p.employment_type.value == "internship"
    assert jdparse.parse("Data Analyst\n\nWe make co-op games.\n\nDuties\n- Test builds\n").employment_type is None


def test_a_label_whose_name_holds_both_hours_reads_its_value():
    # finn.no's "Heltid/deltid: Heltid": the label names both, its value one.
    import jdparse

    assert jdparse.parse("Utvikler\nNordlys AS\nHeltid/deltid: Heltid\n\nOppgaver\n- Kode\n").employment_type.value == "full_time"
