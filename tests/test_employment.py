"""Case table for jdparse.extract.employment (tests/cases/employment.yaml)."""
from __future__ import annotations

import doctest

import pytest

from jdparse.extract import employment
from jdparse.extract.employment import TYPES, employment_type, find_employment_types

from conftest import case_table

CASES, PARAMS = case_table("employment", "text")


def test_table_size():
    assert len(CASES) >= 30
    assert len({row["text"] for row in CASES}) == len(CASES), "row names must be unique"


@pytest.mark.parametrize("row", PARAMS)
def test_case(row):
    text = row["text"]
    matches = find_employment_types(text)
    for m in matches:
        assert 0 <= m.start < m.end <= len(text), m
        assert text[m.start:m.end].strip(), m
        assert m.value in TYPES, m
        assert m.rule.startswith("employment."), m
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
