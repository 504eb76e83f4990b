"""Case table for jdparse.extract.seniority (tests/cases/seniority.yaml)."""
from __future__ import annotations

import doctest

import pytest

from jdparse.extract import seniority
from jdparse.extract.seniority import LEVELS, find_levels, levels

from conftest import case_table

CASES, PARAMS = case_table("seniority", "text")


def test_table_size():
    assert len(CASES) >= 30
    assert len({row["text"] for row in CASES}) == len(CASES), "row names must be unique"


@pytest.mark.parametrize("row", PARAMS)
def test_case(row):
    text = row["text"]
    matches = find_levels(text)
    for m in matches:
        assert 0 <= m.start < m.end <= len(text), m
        assert text[m.start:m.end].strip(), m
        assert m.value in LEVELS, m
        assert m.rule.startswith("seniority."), m
    assert [m.start for m in matches] == sorted(m.start for m in matches)
    assert list(levels(matches)) == row["levels"]


def test_levels_dedupes_in_order():
    assert levels(find_levels("Senior Lead | Senior")) == ("senior", "lead")


def test_doctests():
    assert doctest.testmod(seniority).failed == 0
