"""Case table for jdparse.extract.work_mode (tests/cases/work_mode.yaml)."""
from pathlib import Path

import pytest
import yaml

from jdparse.extract.work_mode import ModeMatch, decide, find_work_modes
from conftest import header_line_posting

CASES = yaml.safe_load((Path(__file__).parent / "cases" / "work_mode.yaml").read_text(encoding="utf-8"))


def _params():
    for row in CASES:
        marks = [pytest.mark.xfail(reason=row["xfail"], strict=True)] if row.get("xfail") else []
        yield pytest.param(row["text"], row["mode"], marks=marks, id=row["text"])


@pytest.mark.parametrize("text,expected", list(_params()))
def test_work_mode(text, expected):
    found = find_work_modes(text)
    for m in found:
        assert 0 <= m.start < m.end <= len(text)
        assert m.rule.startswith("work_mode.")
        assert m.perk == (m.rule == "work_mode.perk")
    got = decide(found)
    assert (got.mode if got else None) == expected


def test_perk_is_kept_but_not_decided():
    found = find_work_modes("remote-friendly team events")
    assert [m.perk for m in found] == [True]
    assert decide(found) is None


def test_first_stated_wins_between_remote_and_onsite():
    header = find_work_modes("Onsite")
    body = find_work_modes("We also have remote staff")
    assert decide(header + body).mode == "onsite"


def test_hybrid_beats_remote():
    ms = [ModeMatch(0, 6, "remote", "work_mode.remote", False), ModeMatch(10, 16, "hybrid", "work_mode.hybrid", False)]
    assert decide(ms).mode == "hybrid"


@pytest.mark.parametrize("body,mode", [
    ("We ask that you come to the office 2 to 3 times per week.", "hybrid"),
    ("The location for this position is Oslo, and we offer a hybrid work solution.", "hybrid"),
    ("Our hybrid work environment gives everyone options.", "remote"),
    ("We love our team events.", "remote"),
])
def test_a_remote_tag_against_the_body(body, mode):
    # Through the whole pipeline: a board's "Remote" tag in the header, and
    # a body that may say hybrid of this job (office days, "this position").
    import jdparse

    text = f"Data Analyst\nAcme\n🌎 Remote, Oslo, Norway\n\nAbout the role\n{body}\n"
    assert jdparse.parse(text).to_dict()["work_mode"] == mode


@pytest.mark.parametrize("text,want,rule", [
    # Said only among what the posting offers: read there, last.
    ("Support Agent\nAcme\n\nResponsibilities\n- Answer tickets\n\nBeneficios\n- Trabajo remoto 100% (opcional)\n- Un bici\n",
     "remote", "work_mode.benefits"),
    # A remote day named there is a perk, not the job's mode: not read.
    ("Support Agent\nAcme\n\nResponsibilities\n- Answer tickets\n\nBenefits\n- Remote Fridays\n", None, None),
    # A count of home or office days there, or a hybrid, is the job's week: hybrid.
    ("Support Agent\nAcme\n\nAvantages\n- Accord télétravail 3J/semaine\n", "hybrid", "work_mode.benefits"),
    ("Support Agent\nAcme\n\nBenefits\n- Home office 2 days a week\n", "hybrid", "work_mode.benefits"),
    ("Support Agent\nAcme\n\nCosa offriamo\n- Smart working 2 giorni a settimana\n", "hybrid", "work_mode.benefits"),
    ("Support Agent\nAcme\n\nBenefits\n- Hybrid working, two days a week in the office\n", "hybrid", "work_mode.benefits"),
    # A day of the week in another sentence of the block leaves the phrase the job's.
    ("Receptionist\nAcme\n\nBenefits\n- Transport allowance\n\nWorking hours: Monday to Friday, 8:30 to 17:30. "
     "This is a work from office position.\n", "onsite", "work_mode.benefits"),
    ("Support Agent\nAcme\n\nBenefits\n- Work from home on Mondays and Fridays\n", None, None),
    # A range of days names the whole week, no part of it ("de lunes a sábado").
    ("Chofer Repartidor\nDistribuidora Alvarado\n\nOfrecemos:\n- Comedor subsidiado\n- Horario de lunes a sábado de 7:00 "
     "a 16:00 horas, trabajo presencial en nuestro CEDIS.\n", "onsite", "work_mode.benefits"),
    # The body says: the body wins.
    ("Support Agent\nAcme\n\nResponsibilities\n- Answer tickets on site in Lyon\n\nBenefits\n- Fully remote onboarding week\n"
     "- Remote work possible\n", "onsite", "work_mode.body"),
])
def test_work_mode_from_the_benefits_last(text, want, rule):
    import jdparse

    got = jdparse.parse(text).work_mode
    assert (got and got.value) == want
    if rule is not None:
        assert got.rule.startswith(rule + ":")


@pytest.mark.parametrize("text,expected", list(_params()))
def test_work_mode_through_the_finder_of_a_whole_posting(text, expected):
    # The pipeline's path from a process's second posting on: the posting's
    # fold and its anchors, then only the slices that hold one.
    from jdparse.extract._guard import folded
    from jdparse.extract.work_mode import Finder

    posting = "Support Agent\n\n" + text + "\n"
    a = posting.index(text)
    finder = Finder(posting, folded(posting), [(a, a + len(text))])
    got = decide(finder.find(a, a + len(text)))
    assert (got.mode if got else None) == expected


@pytest.mark.parametrize("text,want,rule", [
    # A board's "Remote" tag and a count of home days in the body or the benefits: hybrid.
    ("Support Agent\n🌎 Remote, Lyon\n\nMissions\n- Answer tickets\n\nAvantages\n- Accord télétravail 3J/semaine\n",
     "hybrid", "work_mode.benefits:work_mode.remote_days"),
    ("Support Agent\nRemote\n\nAbout the role\nYou will work from home 2 days per week.\n",
     "hybrid", "work_mode.body:work_mode.remote_days"),
    # A tag alone stays what it says.
    ("Support Agent\nRemote\n\nAbout the role\nYou will answer tickets.\n", "remote", "work_mode.header:work_mode.remote"),
])
def test_a_count_of_home_days_makes_a_remote_tag_hybrid(text, want, rule):
    import jdparse

    got = jdparse.parse(text).work_mode
    assert (got.value, got.rule) == (want, rule)


@pytest.mark.parametrize("line,want", [
    # A label answered "no": the mode its words name is not the job's.
    ("Remote job: No", None),
    ("Remote work possible: no.", None),
    ("Home office: nein", None),
    ("Hybrid: No", None),
    ("Remote: No", None),
    # Any other answer is read as before.
    ("Remote: Yes", "remote"),
    ("Remote role: Nominal", "remote"),  # ("Remote job" is a label: its value alone is read)
    ("Remote role: No travel", "remote"),
])
def test_a_mode_label_answered_no_gives_no_mode(line, want):
    import jdparse

    got = jdparse.parse(header_line_posting(line)).work_mode
    assert (got and got.value) == want


@pytest.mark.parametrize("answer,want", [("No", None), ("Nein", None), ("Yes", "remote")])
def test_a_mode_label_over_its_answer_is_read_as_one_label(answer, want):
    # A board's fields written one under the other ("Remote job" / "No", as USAJOBS does).
    import jdparse

    got = jdparse.parse(f"IT Specialist\nBureau of Land Management\n\nLocation\nDenver, CO\nRemote job\n{answer}\n"
                        "\nDuties\n- Maintain the policies\n").work_mode
    assert (got and got.value) == want


def test_a_denied_label_leaves_the_body_to_say():
    import jdparse

    got = jdparse.parse("Data Analyst\nAcme Corp\nRemote job: No\n\nAbout the role\nThis is a hybrid role in Denver.\n").work_mode
    assert (got.value, got.rule) == ("hybrid", "work_mode.body:work_mode.hybrid")


def test_a_denied_remote_phrase_is_on_site_through_the_command(tmp_path):
    import json

    from conftest import run_cli

    body = ("Sachbearbeiter/in (m/w/d)\nStadt Hohenbruck\n\nDas Team betreut 60.000 Vorsprachen im Jahr. Mobiles "
            "Arbeiten ist aufgrund des Publikumsverkehrs in dieser Stelle nicht möglich.\n\nIhre Aufgaben:\n- Beratung\n")
    p = tmp_path / "p.txt"
    p.write_text(body, encoding="utf-8")
    r = run_cli("parse", str(p), "--format", "json")
    assert r.returncode == 0, r.stderr
    assert json.loads(r.stdout)["work_mode"] == "onsite"
    r = run_cli("explain", str(p))
    assert b"work_mode.denied" in r.stdout
    # The denial is data: without it the phrase reads as remote.
    rules_file = tmp_path / "r.yaml"
    rules_file.write_text("work_mode:\n  replace:\n    denials: {}\n", encoding="utf-8")
    r = run_cli("parse", str(p), "--format", "json", "--rules", str(rules_file))
    assert r.returncode == 0, r.stderr
    assert json.loads(r.stdout)["work_mode"] == "remote"


@pytest.mark.parametrize("text,want", [
    # A field's label over a value that is a label word of the same field: "Location Type" / "Remote".
    # (the field is read first: the body's "hybrid" further down is no mode of the job)
    ("Quillmark\n\nStaff ML Engineer\n\nLocation\nRemote (United States, Canada)\n\nEmployment Type\nFull time\n\n"
     "Location Type\nRemote\n\nAbout the role\nThe team tunes our hybrid ranking.\n", "remote"),
    # A header's remote tag and a count of home days among the benefits, as a phrase of the table: hybrid.
    ("재무회계 담당자\n한빛모빌리티\n#재택근무 #유연근무제\n\n혜택 및 복지\n• 주 2회 재택근무 및 시차출퇴근제\n", "hybrid"),
])
def test_work_mode_of_stacked_fields_and_counted_days(text, want):
    import jdparse

    got = jdparse.parse(text).work_mode
    assert (got and got.value) == want


@pytest.mark.parametrize("fields,want", [
    # A posting's work-mode fields all answered "no", and nothing else naming a mode: on site.
    ("Remote job: No\nTelework eligible: No", "onsite"),
    ("Remote job: No\nTelework eligible: Yes, as determined by the agency policy.", None),
])
def test_work_mode_fields_all_answered_no_are_on_site(fields, want):
    from conftest import parse_json

    got = parse_json(f"Paralegal Specialist\nDepartment of Labor\nWashington, DC\n\n{fields}\n\nDuties\n- Draft\n")
    assert got["work_mode"] == want
