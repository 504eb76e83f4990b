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
    if any(c.isalnum() for c in t) and cov >= 0.6 * len(t.strip()):
        for kind, found in (("salary", sal), ("mode", modes), ("employment", emp), ("place", pl), ("level", lev)):
            if found:
                return kind
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
])
def test_same_answer_as_every_finder(s):
    got = tags.tag_kind(s)
    if got not in ("url", "tags", "empty"):
        assert got == _full(s)
