"""Title and company: a table of short posting heads, through the Python API."""
from __future__ import annotations

from pathlib import Path

import pytest
import yaml

import jdparse

CASES = yaml.safe_load((Path(__file__).parent / "cases" / "title.yaml").read_text(encoding="utf-8"))


def _params():
    for c in CASES:
        marks = [pytest.mark.xfail(strict=True, reason=c["xfail"])] if c.get("xfail") else []
        yield pytest.param(c, id=c["name"], marks=marks)


def test_table_is_big_enough():
    assert len(CASES) >= 30
    assert len({c["name"] for c in CASES}) == len(CASES)


@pytest.mark.parametrize("case", list(_params()))
def test_title_and_company(case):
    d = jdparse.parse(case["text"]).to_dict()
    assert (d["title"], d["company"]) == (case["title"], case["company"])
