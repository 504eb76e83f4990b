"""Case table for jdparse.extract.seniority (tests/cases/seniority.yaml)."""
from __future__ import annotations

import doctest

import pytest

from jdparse.extract import seniority
from jdparse.extract.seniority import LEVELS, find_levels, levels

from conftest import case_table, check_spans, check_table_size

CASES, PARAMS = case_table("seniority", "text")


def test_table_size():
    check_table_size(CASES)


@pytest.mark.parametrize("row", PARAMS)
def test_case(row):
    text = row["text"]
    matches = find_levels(text)
    check_spans(text, matches, lambda v: v in LEVELS, lambda r: r.startswith("seniority."))
    assert [m.start for m in matches] == sorted(m.start for m in matches)
    assert list(levels(matches)) == row["levels"]


def test_levels_dedupes_in_order():
    assert levels(find_levels("Senior Lead | Senior")) == ("senior", "lead")


def test_doctests():
    assert doctest.testmod(seniority).failed == 0


@pytest.mark.parametrize("text, want", [
    ("Senıor Engineer", ("senior",)),
    ("Prıncipal Engineer", ("principal",)),
    ("Mid-Senıor level", ("mid", "senior")),
])
def test_dotless_i_is_looked_up_as_i(text, want):
    # re's IGNORECASE matches "ı" to "i"; the word's lookup must agree.
    got = find_levels(text)
    assert levels(got) == want
    # The evidence is the posting's own spelling, dotless i and all.
    assert all("\u0131" in text[m.start:m.end] for m in got)


def test_dotless_i_through_parse():
    import jdparse

    p = jdparse.parse("Senıor Engineer\n\nWe build things.")
    assert [v.value for v in p.seniority] == ["senior"]
    assert p.seniority[0].span.start == 0 and p.seniority[0].span.end == 6


def test_anchor_test_agrees_with_the_anchors_positions():
    # One search of a span tells what the anchors' positions tell of it.
    from jdparse.extract._guard import any_within, folded

    text = ("Senior Staff Engineer | Head of Data | Chief Technology Officer | Praktikant (m/w/d) | "
            "Junior-Entwickler | Sênior | Co-op | 高级工程师 | Kitchen Staff | Manager | Engineer | Analyst")
    low = folded(text)
    test, anchors = seniority.anchor_test(), seniority.anchors()
    for a in range(0, len(text), 3):
        for e in range(a, min(len(text), a + 40) + 1, 5):
            want = any_within(anchors.positions(low, a, e), a, e)
            assert (test.search(low, a, e) is not None) == want, text[a:e]


def test_branches_split_at_the_top_level_only():
    assert seniority._branches(r"a(?:b|c)|[|\]]x|\|y|z") == ["a(?:b|c)", r"[|\]]x", r"\|y", "z"]


# --- a level the body says of the job: article, level word, the title ---------------

_INTRO = "Environmental Scientist\nGreenleaf Consulting\nIrvine, CA\n\nAbout the role\n{body}\n"


@pytest.mark.parametrize("body, want", [
    ("Greenleaf is seeking a junior-level Environmental Scientist to join our Irvine office.", ["junior"]),
    ("We are hiring a Senior Environmental Scientist for our water team.", ["senior"]),
    ("We want an experienced senior level environmental scientist.", []),  # a word between article and level
    ("You will work alongside Senior Environmental Scientists in the field.", []),  # no article: not this job
    ("Join a Senior team as our Environmental Scientist.", []),  # the level is not before the title
    ("We are looking for a Senior Environmental Scientistry lead.", []),  # not the whole title
    ("Greenleaf sucht einen Senior Environmental Scientist.", ["senior"]),
])
def test_level_before_the_title_in_the_body(body, want):
    from jdparse import parse

    r = parse(_INTRO.format(body=body))
    assert [v.value for v in r.seniority] == want
    for v in r.seniority:
        assert v.rule.startswith("seniority.before_title:")
        assert r.text[v.span.start:v.span.end].casefold() == v.value


def test_level_of_the_tags_wins_over_the_body():
    from jdparse import parse

    text = ("Environmental Scientist\nGreenleaf Consulting\nSenior · Full-time\n\n"
            "About the role\nWe are seeking a junior-level Environmental Scientist.\n")
    assert [v.value for v in parse(text).seniority] == ["senior"]


def test_level_before_the_title_through_the_command(cli, tmp_path):
    import json

    p = tmp_path / "posting.txt"
    p.write_text(_INTRO.format(body="Greenleaf is seeking a junior-level Environmental Scientist."), encoding="utf-8")
    r = cli("parse", str(p), "--format", "json", "--evidence")
    assert r.returncode == 0, r.stderr
    d = json.loads(r.stdout)
    assert d["seniority"] == ["junior"]
    assert d["evidence"]["seniority"][0]["rule"].startswith("seniority.before_title:")


def test_articles_before_the_title_are_data(tmp_path):
    from jdparse import parse, rules

    rules_file = tmp_path / "rules.yaml"
    rules_file.write_text("seniority:\n  before_title:\n    articles:\n      hu: [egy]\n", encoding="utf-8")
    text = _INTRO.format(body="Greenleaf keres egy Senior Environmental Scientist.")
    assert parse(text).seniority == ()
    try:
        rules.use_user_rules(rules.load_user_files([str(rules_file)]))
        assert [v.value for v in parse(text).seniority] == ["senior"]
    finally:
        rules.use_user_rules(())


@pytest.mark.parametrize("field, want, items", [
    ("Experience: Entry level", ["junior"], []),
    ("Experience: Mid-Senior level", ["mid", "senior"], []),
    ("경력: 신입", ["junior"], []),
    # a word beside the level: a requirement, no level field
    ("Experience: Senior experience with Spark", [], ["Senior experience with Spark"]),
    ("Experience: Junior or mid", [], ["Junior or mid"]),
    ("Experience: 5+ years", [], ["5+ years"]),
])
def test_a_requirements_label_whose_value_is_a_level_is_a_level_field(cli, tmp_path, field, want, items):
    import json

    p = tmp_path / "posting.txt"
    p.write_text(f"Illustrator\nAcme Studio\n{field}\n\nWe draw books.\n", encoding="utf-8")
    r = cli("parse", str(p), "--format", "json", "--evidence")
    assert r.returncode == 0, r.stderr
    d = json.loads(r.stdout)
    assert (d["seniority"], d["requirements"]) == (want, items)
    if want:
        assert all(e["rule"].startswith("seniority.label:") for e in d["evidence"]["seniority"])


def test_level_value_is_the_whole_value_or_nothing():
    from jdparse.extract.seniority import level_value

    assert levels(level_value("Entry level")) == ("junior",)
    assert level_value("Entry level role in a senior team") == []
    assert level_value("x" * 50 + " Senior") == []


@pytest.mark.parametrize("line,want", [
    # A sentence in the header is no tag line: its level word speaks of someone else.
    ("Help our senior clients stay independent at home.", []),
    ("Senior · Full-time · Leeds", ["senior"]),
    ("Junior role!", ["junior"]),  # (a short exclamation is still a tag)
    # A long line of a board's tags set apart by wide gaps: each piece a tag line.
    ("SGD 7.5K/month - SGD 10K/month  Hybrid  Full-time  Mid-Senior level", ["mid", "senior"]),
    ("We help our senior clients stay independent and happy at home every single day.", []),
])
def test_a_sentence_in_the_header_is_no_tag_line(line, want):
    from conftest import parse_json

    got = parse_json(f"Care Coordinator\nGolden Thread Care\n{line}\n\nDuties\n- Plan visits\n")
    assert got["seniority"] == want


@pytest.mark.parametrize("line", [
    "Hiring Manager: Jane Doe",
    "Recruiter: Sam Lee (Senior Talent Partner)",
    "Reporting to: Engineering Manager",
])
def test_a_contact_field_in_the_header_states_no_level(line):
    # The field names a person the applicant deals with, not the job's level.
    import jdparse

    p = jdparse.parse(f"Data Analyst\nBrightwave\nOslo, Norway\n{line}\n\nAbout the role\nYou will analyse data.\n")
    assert p.title.value == "Data Analyst"
    assert [v.value for v in p.seniority] == []


def test_a_contact_field_through_the_command():
    from conftest import parse_json

    d = parse_json("Senior Data Analyst\nBrightwave\nHiring Manager: Jane Doe\n\nAbout the role\nYou will analyse data.\n")
    assert d["seniority"] == ["senior"]


def test_a_school_s_principal_beside_its_phone_states_no_level():
    from conftest import parse_json

    d = parse_json("ARDMOY COMMUNITY SCHOOL\nArdmoy, Co. Galway\nTel: on request   Principal: Ms Áine Ní Bhriain\n\n"
                   "Applications are invited for the following post:\n\nTeacher of Mathematics\n\nDuties\n- Teach\n")
    assert d["seniority"] == []


def test_a_jobs_portal_s_banner_states_no_level():
    from conftest import parse_json

    d = parse_json("Northbridge State University\nHuman Resources - Staff Employment\n\nCustodian I - Night Shift\n\n"
                   "Duties\n- Clean the halls\n")
    assert d["seniority"] == []
