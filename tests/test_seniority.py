"""Case table for jdparse.extract.seniority (tests/cases/seniority.yaml)."""
from __future__ import annotations

import doctest
from pathlib import Path

import pytest
import yaml

from jdparse.extract import seniority
from jdparse.extract.seniority import LEVELS, find_levels, levels

CASES = yaml.safe_load((Path(__file__).parent / "cases" / "seniority.yaml").read_text("utf-8"))


def _params():
    for row in CASES:
        marks = [pytest.mark.xfail(reason=row["xfail"], strict=True)] if "xfail" in row else []
        yield pytest.param(row, id=row["text"], marks=marks)


def test_table_size():
    assert len(CASES) >= 30
    assert len({row["text"] for row in CASES}) == len(CASES), "row names must be unique"


@pytest.mark.parametrize("row", _params())
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
