"""Case table for jdparse.extract.places (tests/cases/places.yaml)."""
from pathlib import Path

import pytest
import yaml

from jdparse.extract.places import Place, find_places, lookup

CASES = yaml.safe_load((Path(__file__).parent / "cases" / "places.yaml").read_text(encoding="utf-8"))


def _params():
    for row in CASES:
        marks = [pytest.mark.xfail(reason=row["xfail"], strict=True)] if row.get("xfail") else []
        yield pytest.param(row["text"], row["places"], marks=marks, id=row["text"])


@pytest.mark.parametrize("text,expected", list(_params()))
def test_find_places(text, expected):
    found = find_places(text)
    for p in found:
        assert text[p.start:p.end] == p.name
        assert p.rule.startswith("places.")
    assert [[p.name, p.country, p.kind] for p in found] == expected


@pytest.mark.parametrize("text", ["Atlanta, GA", "Lisbon, Portugal", "Sandviken", "EMEA", " Germany "])
def test_lookup_whole_string(text):
    p = lookup(text)
    assert isinstance(p, Place)
    assert text[p.start:p.end] == text.strip()


@pytest.mark.parametrize("text", ["Mobile", "Remote", "Senior Engineer", "", "CA", "us"])
def test_lookup_not_a_place(text):
    assert lookup(text) is None


def test_us_state_trap():
    assert lookup("Atlanta, GA").country == "US"
    assert lookup("Georgia").country == "GE"


def test_user_rules_reach_names_read_before():
    """A name looked up before user rules are installed is read again with them."""
    from jdparse import rules
    from jdparse.rules import parse_user_rules

    text = "Office in New Zorblax"
    assert find_places(text) == []
    try:
        rules.use_user_rules((parse_user_rules("places:\n  cities:\n    New Zorblax: SE\n"),))
        assert [(p.name, p.country) for p in find_places(text)] == [("New Zorblax", "SE")]
        assert lookup("New Zorblax").country == "SE"
    finally:
        rules.use_user_rules(())
    assert find_places(text) == []
