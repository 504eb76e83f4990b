"""The four list fields: a table of small postings and the items expected."""
from __future__ import annotations


import pytest

import jdparse

from conftest import case_table

CASES, PARAMS = case_table("lists", "name")


def test_table_is_big_enough():
    assert len(CASES) >= 30


@pytest.mark.parametrize("case", PARAMS)
def test_lists(case):
    d = jdparse.parse(case["text"]).to_dict()
    for field, expected in case["expect"].items():
        assert d[field] == expected, field
