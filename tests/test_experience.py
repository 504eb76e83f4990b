"""Case table for jdparse.extract.experience (tests/cases/experience.yaml)."""
from __future__ import annotations

import doctest

import pytest

from jdparse.extract import experience
from jdparse.extract.experience import experience_min, find_experience

from conftest import case_table, check_spans, check_table_size

CASES, PARAMS = case_table("experience", "text")
RULES = {"experience.range", "experience.plus", "experience.at_least", "experience.years"}


def test_table_size():
    check_table_size(CASES)


@pytest.mark.parametrize("row", PARAMS)
def test_case(row):
    text = row["text"]
    matches = find_experience(text)
    check_spans(text, matches, lambda v: isinstance(v, int), lambda r: r in RULES)
    assert [m.start for m in matches] == sorted(m.start for m in matches)
    best = experience_min(matches)
    assert (best.value if best else None) == row["value"]
    if "all" in row:
        assert [m.value for m in matches] == row["all"]


def test_min_is_first_of_equals():
    text = "5+ years in Go and 5 years of experience in Rust"
    matches = find_experience(text)
    assert [m.value for m in matches] == [5, 5]
    assert experience_min(matches) is matches[0]
    assert experience_min([]) is None


def test_doctests():
    assert doctest.testmod(experience).failed == 0


# --- the cheap search for units (which lines are read at all) ------------------

def test_only_these_characters_beyond_ascii_fold_to_ascii_letters():
    # unit_lines reads the posting with ASCII letters lowered and every other
    # character as "?": exact only if no other character matches an ASCII
    # letter under re.IGNORECASE.
    import re
    import sys

    from jdparse.extract._vocab import ASCII_TWINS

    for letter, twins in ASCII_TWINS.items():
        pattern = re.compile(letter, re.IGNORECASE)
        found = {chr(c) for c in range(128, sys.maxunicode + 1) if pattern.fullmatch(chr(c))}
        assert found == set(twins), letter
    letters = re.compile("[a-z0-9_]", re.IGNORECASE)
    found = {chr(c) for c in range(128, sys.maxunicode + 1) if letters.fullmatch(chr(c))}
    assert found == set("".join(ASCII_TWINS.values()))


@pytest.mark.parametrize("text", [
    "10+ years of backend work, with at least 3 years in an architect role",
    "Mindestens 3 Jahre Berufserfahrung",
    "5 ans d'expérience, un an de stage",
    "cinco años de experiencia",
    "3年以上工作经验",
    "an engineer with five (5) years of experience and an eye for detail",
    "A" + " " * 90 + "3 to" + " " * 60 + "5 years of experience",
    "yearly reviews, 2 yrs experience, YEARS",
])
def test_units_found_by_unit_lines_are_those_of_find_experience(text):
    from jdparse.extract import experience as exp

    units = exp.unit_lines(text)
    assert units is not None
    for m in exp.find_experience(text):
        assert any(m.start <= u < m.end for u in units)
    # Read from the first unit's reach to the last unit: the same counts.
    if units:
        first = exp.count_start(text, 0, units[0])
        assert exp.find_between(text, [(first, units[-1])]) == exp.find_experience(text)
        ranges = [(exp.count_start(text, 0, u), u) for u in units]
        merged = [ranges[0]]
        for a, e in ranges[1:]:
            if a <= merged[-1][1] + 1:
                merged[-1] = (merged[-1][0], e)
            else:
                merged.append((a, e))
        assert exp.find_between(text, merged) == exp.find_experience(text)


def test_unit_lines_keeps_units_a_count_may_end_at():
    from jdparse.extract import experience as exp

    assert exp.unit_lines("5 years") == [2]
    assert exp.unit_lines("the article an and any other word") == []


def test_fast_alternation_matches_what_alternation_matches():
    # Grouped by first letter, the pattern finds the same matches, to the same ends.
    import re

    from jdparse import rules
    from jdparse.extract._vocab import alternation, fast_alternation

    data = rules.load("experience")
    text = ("Over the last 5 years, at least three (3) years of experience; 3-5 años de experiencia, "
            "mindestens 2 Jahre Erfahrung, plus de 10 ans, 5 or more years old, in a row, 3年以上 "
            "ONE YEAR AGO, for more than two decades, CTO: 13 years, Kelvin \u212a and \u0131 and \u017f.")
    for key in ("numbers", "units", "range_words", "min_before", "min_after", "connectors",
                "not_before", "persons", "not_after"):
        for dash_optional in (False, True):
            words = list(data[key])
            plain = re.compile(alternation(words, dash_optional=dash_optional), re.I)
            fast = re.compile(fast_alternation(words, dash_optional=dash_optional), re.I)
            assert [m.span() for m in fast.finditer(text)] == [m.span() for m in plain.finditer(text)]
            assert [m.span() for m in fast.finditer(text.lower())] == [m.span() for m in plain.finditer(text.lower())]
    # A first letter that another character matches case-insensitively: the plain alternation.
    assert fast_alternation(["\u0131ki", "iki"]) == alternation(["\u0131ki", "iki"])


def _seniority_and_posted_word_lists():
    from jdparse import rules

    sen = rules.load("seniority")
    lists = {
        "seniority chief_officer.first": sen["chief_officer"]["first"],
        "seniority chief_officer.last": sen["chief_officer"]["last"],
        "seniority executive_first.words": sen["executive_first"]["words"],
        "seniority executive_first.not_followed_by": sen["executive_first"].get("not_followed_by") or [],
        "seniority compound": list(sen.get("compound") or {}),
        "seniority words": [w for ws in sen["words"].values() for lv in (ws.values() if isinstance(ws, dict) else [ws])
                            for w in (lv if isinstance(lv, list) else [lv])],
        "seniority stop_contexts": sen.get("stop_contexts") or [],
        "posted-date labels": [w for t in rules.load("headings").values() if isinstance(t, dict)
                               for w in ((t.get("labels") or {}).get("posted_date") or [])],
    }
    return [(name, [str(w) for w in words]) for name, words in lists.items() if words]


@pytest.mark.parametrize("name,words", _seniority_and_posted_word_lists(), ids=lambda x: x if isinstance(x, str) else "")
def test_fast_alternation_matches_what_alternation_matches_for_seniority_and_posted_words(name, words):
    # The seniority tables and the posted-date cue are built with fast_alternation too:
    # on a text holding each word (as written, upper-cased, glued to a letter), the
    # same matches, to the same ends.
    import re

    from jdparse.extract._vocab import alternation, fast_alternation

    text = " ".join(words) + " | " + ", ".join(w.upper() for w in words) + " | " + " ".join("x" + w for w in words)
    text += " | Senior-Staff Engineer, Chief Technology Officer, posted 3 days ago, Kelvin \u212a and \u0131 and \u017f."
    plain = re.compile(alternation(sorted(set(words))), re.I)
    fast = re.compile(fast_alternation(sorted(set(words))), re.I)
    assert [m.span() for m in fast.finditer(text)] == [m.span() for m in plain.finditer(text)], name


def test_a_wished_for_count_through_the_command():
    from conftest import parse_json

    d = parse_json("Data Analyst\nAcme\n\nRequirements\n- 1 year of SQL experience, 3 years preferred\n")
    assert d["experience_years_min"] == 1


@pytest.mark.parametrize("items,want", [
    # The years a nice-to-have item or section wishes for are not asked for.
    ("- 3+ years of Python, and 5+ years of software engineering overall\n"
     "- 7+ years in insurance tech is a plus, not required\n", 5),
    ("- 5+ years of Java\n- 7+ years in fintech would be a plus\n", 5),
    ("- 5+ years of Java\n\nNice to have\n- 7+ years in fintech\n", 5),
    # In an optional item, the count of a clause that asks it still counts.
    ("- 1 year of SQL experience, 3 years preferred\n", 1),
    ("- 7+ years in fintech\n", 7),
])
def test_years_wished_for_are_not_the_minimum(items, want):
    from conftest import parse_json

    assert parse_json(f"Backend Engineer\nAcme\n\nRequirements\n{items}")["experience_years_min"] == want
