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


@pytest.mark.parametrize("text, want", [
    ("Senıor Engineer", ("senior",)),
    ("Prıncipal Engineer", ("principal",)),
    ("Mid-Senıor level", ("mid", "senior")),
])
def test_dotless_i_is_looked_up_as_i(text, want):
    # re's IGNORECASE matches "ı" to "i"; the word's lookup must agree.
    got = find_levels(text)
    assert levels(got) == want
    # The evidence is the posting's own spelling, dotless i and all.
    assert all("\u0131" in text[m.start:m.end] for m in got)


def test_dotless_i_through_parse():
    import jdparse

    p = jdparse.parse("Senıor Engineer\n\nWe build things.")
    assert [v.value for v in p.seniority] == ["senior"]
    assert p.seniority[0].span.start == 0 and p.seniority[0].span.end == 6


def test_anchor_test_agrees_with_the_anchors_positions():
    # One search of a span tells what the anchors' positions tell of it.
    from jdparse.extract._guard import any_within, folded

    text = ("Senior Staff Engineer | Head of Data | Chief Technology Officer | Praktikant (m/w/d) | "
            "Junior-Entwickler | Sênior | Co-op | 高级工程师 | Kitchen Staff | Manager | Engineer | Analyst")
    low = folded(text)
    test, anchors = seniority.anchor_test(), seniority.anchors()
    for a in range(0, len(text), 3):
        for e in range(a, min(len(text), a + 40) + 1, 5):
            want = any_within(anchors.positions(low, a, e), a, e)
            assert (test.search(low, a, e) is not None) == want, text[a:e]


def test_branches_split_at_the_top_level_only():
    assert seniority._branches(r"a(?:b|c)|[|\]]x|\|y|z") == ["a(?:b|c)", r"[|\]]x", r"\|y", "z"]
