"""Posted dates: a table of small postings and the ISO date each states."""
from __future__ import annotations

from pathlib import Path

import pytest
import yaml

import jdparse

CASES = yaml.safe_load((Path(__file__).parent / "cases" / "posted_date.yaml").read_text(encoding="utf-8"))


@pytest.mark.parametrize("case", CASES, ids=[c["name"] for c in CASES])
def test_posted_date(case):
    assert jdparse.parse(case["text"]).to_dict()["posted_date"] == case["date"]
