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


def test_year_lines_are_the_lines_holding_a_year():
    from jdparse.extract.facts import _year_lines

    text = "Posted 1 February 2025\nno year here: 19 or 200\n2019-2020 and 1999\n\u0661\u0662 20\u0662\u0663"
    lines = _year_lines(text)
    assert [text[a:e] for a, e in lines] == ["Posted 1 February 2025", "2019-2020 and 1999", "\u0661\u0662 20\u0662\u0663"]


def test_a_date_read_day_first_by_place_through_the_command():
    from conftest import parse_json

    d = parse_json("Nurse\nMercy Trust\nBerlin, Germany\n\nVeröffentlicht: 03/11/2026\n\nIhre Aufgaben\n- Pflege\n")
    assert d["posted_date"] == "2026-11-03"
    assert d["evidence"]["posted_date"]["rule"].endswith("+date.day_first_by_place")
