"""The four list fields: a table of small postings and the items expected."""
from __future__ import annotations

from pathlib import Path

import pytest
import yaml

import jdparse

CASES = yaml.safe_load((Path(__file__).parent / "cases" / "lists.yaml").read_text(encoding="utf-8"))


def _params():
    for c in CASES:
        marks = [pytest.mark.xfail(strict=True, reason=c["xfail"])] if c.get("xfail") else []
        yield pytest.param(c, id=c["name"], marks=marks)


def test_table_is_big_enough():
    assert len(CASES) >= 30


@pytest.mark.parametrize("case", list(_params()))
def test_lists(case):
    d = jdparse.parse(case["text"]).to_dict()
    for field, expected in case["expect"].items():
        assert d[field] == expected, field
