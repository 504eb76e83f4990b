"""Case table for jdparse.extract.experience (tests/cases/experience.yaml)."""
from __future__ import annotations

import doctest

import pytest

from jdparse.extract import experience
from jdparse.extract.experience import experience_min, find_experience

from conftest import case_table, check_spans, check_table_size

CASES, PARAMS = case_table("experience", "text")
RULES = {"experience.range", "experience.plus", "experience.at_least", "experience.years"}


def test_table_size():
    check_table_size(CASES)


@pytest.mark.parametrize("row", PARAMS)
def test_case(row):
    text = row["text"]
    matches = find_experience(text)
    check_spans(text, matches, lambda v: isinstance(v, int), lambda r: r in RULES)
    assert [m.start for m in matches] == sorted(m.start for m in matches)
    best = experience_min(matches)
    assert (best.value if best else None) == row["value"]
    if "all" in row:
        assert [m.value for m in matches] == row["all"]


def test_min_is_first_of_equals():
    text = "5+ years in Go and 5 years of experience in Rust"
    matches = find_experience(text)
    assert [m.value for m in matches] == [5, 5]
    assert experience_min(matches) is matches[0]
    assert experience_min([]) is None


def test_doctests():
    assert doctest.testmod(experience).failed == 0
