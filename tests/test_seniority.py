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
