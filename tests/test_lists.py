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


def test_field_bullets_and_yes_answers():
    d = jdparse.parse("Analyst\n\nDetails\n- Location: Lyon, France\n- Remote: yes\n").to_dict()
    assert [loc["name"] for loc in d["locations"]] == ["Lyon, France"]
    assert d["work_mode"] == "remote"
    d = jdparse.parse("设计师\n\n工作性质\n• 是否全职：是\n").to_dict()
    assert d["employment_type"] == "full_time"


def test_a_long_sentence_of_duties_is_one_item_and_a_page_dump_is_none():
    # One sentence listing duties by semicolons, 2,000 characters long, is an
    # item of its section; a run of 3,000 characters without a stop is a page
    # dumped on one line, not an item.
    duty = "reviews the laboratory logs and records of the water division for accuracy and prepares reports"
    long_one = "; ".join([duty] * 20) + "."
    assert 1900 < len(long_one) < 2500
    dump = " ".join([duty] * 31)
    assert len(dump) > 2500
    for body, want in ((long_one, [long_one]), (dump, [])):
        text = f"Water Quality Analyst\n\nEssential Functions\n\n{body}\n"
        assert jdparse.parse(text).to_dict()["responsibilities"] == want
