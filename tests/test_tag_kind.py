"""tag_kind stops at the first kind whose coverage is reached: the same answers as summing every finder."""
import pytest

from jdparse.extract import employment, places, salary, seniority, tags, work_mode


def _full(s):
    """tag_kind's rule with every finder run and its coverage summed."""
    t = s.strip(" \t-\u2013\u2014|,;:()[]")
    modes = [m for m in work_mode.find_work_modes(t) if not m.perk]
    emp = employment.find_employment_types(t)
    lev = seniority.find_levels(t)
    pl = places.find_places(t)
    sal = [m for m in salary.find_salaries(t) if m.confidence >= salary.SALARY_THRESHOLD]
    cov = sum(m.end - m.start for m in modes + emp + lev + pl + sal)
    cov += tags._durations_before(t, emp)  # ("3 month contract": the length of time is the tag's)
    if any(c.isalnum() for c in t) and cov >= 0.6 * len(t.strip()):
        for kind, found in (("salary", sal), ("mode", modes), ("employment", emp), ("place", pl), ("level", lev)):
            if found:
                return kind
    if s.rstrip().endswith(")") and (p := t.rfind("(")) > 0 and t.find(")", p) < 0:
        return _full(t[:p])  # a tag and a note on it in brackets: the tag's kind
    return None


@pytest.mark.parametrize("s", [
    "Remote", "Full-time", "London, UK", "$90k", "Remote - Philippines", "Remote sensing engineer",
    "Senior", "Senior Backend Engineer", "Acme Corp", "Berlin, Germany (Hybrid)", "Contract, Remote",
    "$120,000 - $150,000 / year", "Part-time, Berlin", "Lead", "Internship", "New York", "Hybrid",
    "Paris · CDI", "Junior / Mid", "Remote (US only)", "EUR 60k-70k", "100% remote", "Austin, TX",
    "Freelance", "Mid-level", "Toronto or Remote", "Brightwave Labs",
    # Level words and names without one (the level finder is skipped when no level word can occur).
    "Goody", "Staff", "Mid-Senior level", "Head of Engineering", "VP Sales", "Chief Technology Officer",
    "Sr. Manager", "Entry level", "Executive Director", "Principal", "Senior-level",
    # A tag with a note on it in brackets; a name or a title with one stays none.
    "Hybrid (3 days/week in office)", "Full-time (40h)", "Acme (Berlin)", "Data Engineer (m/w/d)",
    # A length of time before an employment word.
    "3 month contract", "6-month contract", "12 months", "2027 contract",
])
def test_same_answer_as_every_finder(s):
    got = tags.tag_kind(s)
    if got not in ("url", "tags", "empty", "note", "duration"):
        assert got == _full(s)


@pytest.mark.parametrize("s,kind", [
    ("Hybrid (3 days/week in office)", "mode"),
    ("Remote (US only)", "mode"),
    ("Full-time (40 hours)", "employment"),
    ("Engineer (Remote)", None),
    ("Acme (Berlin)", None),
    ("Visa sponsorship", "note"),
    ("Relocation assistance", "note"),
    # A length of time before an employment word is the tag's; alone it says how long the
    # job lasts ("Freelance SAP Consultant - Lyon - 6 months").
    ("3 month contract", "employment"),
    ("6-month contract", "employment"),
    ("3 month", "duration"),
    # A post's time stamp, with the separator it ends on ("Ray Delgado · March 14 at 3:22 PM ·").
    ("March 14 at 3:22 PM ·", "note"),
    ("Yesterday at 9:05 AM", "note"),
    # A startup's size and stage.
    ("2-10 Employees", "note"),
    ("Series B", "note"),
    ("6 months experience", None),
])
def test_a_tag_with_a_note_in_brackets_and_a_mover_s_note(s, kind):
    assert tags.tag_kind(s) == kind


def test_a_dashed_head_line_with_such_tags_gives_title_and_employer():
    import jdparse

    p = jdparse.parse("Orbital Dynamics - Berlin, Germany - Senior Embedded Engineer - Hybrid (3 days/week in office)"
                      " - Visa sponsorship\n\nWe make satellites. We're looking for an embedded engineer.\n")
    assert (p.title.value, p.company.value) == ("Senior Embedded Engineer", "Orbital Dynamics")
    assert p.work_mode.value == "hybrid"


def test_a_locum_gp_head_line_ends_before_its_contract_tag():
    import jdparse

    p = jdparse.parse("Locum GP - 3 month contract\nRiverside Surgery\n\nResponsibilities\n- See patients\n")
    assert (p.title.value, p.company.value) == ("Locum GP", "Riverside Surgery")
    assert p.employment_type.value == "temporary"


@pytest.mark.parametrize("s,want", [
    ("$150,000 - $185,000 a year", True), ("Salary: EUR 70,000-85,000.", True), ("£40k DOE", True),
    ("5+ years designing B2B software", False), ("Comfortable handling budgets over $100,000 a year", False),
    ("Remote", False), ("$90k, Remote", False),
])
def test_pay_only_is_the_salary_reading_alone(s, want):
    assert tags.pay_only(s) is want
    if want:
        assert tags.tag_kind(s) == "salary"
