"""Title and company: a table of short posting heads, through the Python API."""
from __future__ import annotations


import pytest

import jdparse

from conftest import case_table

CASES, PARAMS = case_table("title", "name")


def test_table_is_big_enough():
    assert len(CASES) >= 30
    assert len({c["name"] for c in CASES}) == len(CASES)


@pytest.mark.parametrize("case", PARAMS)
def test_title_and_company(case):
    d = jdparse.parse(case["text"]).to_dict()
    assert (d["title"], d["company"]) == (case["title"], case["company"])
