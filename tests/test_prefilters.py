"""The hand-written prefilters agree with the patterns they stand before.

A prefilter is a cheap test that lets most text skip a pattern without
running it; it is written by hand from the pattern, so an edit of one and not
the other would silently lose matches.  These properties generate text that
the pattern matches (hypothesis' ``from_regex``: any characters around the
match, any case the pattern's flags allow) and check that the prefilter lets
it through, the way the extractor reads it.
"""
from __future__ import annotations

import pytest

hypothesis = pytest.importorskip("hypothesis")
from hypothesis import HealthCheck, given, settings, strategies as st  # noqa: E402

from jdparse.extract import title, work_mode  # noqa: E402
from jdparse.extract._guard import folded  # noqa: E402

SETTINGS = settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])

# (patterns compared by their text: a test that loads rules of its own makes new pattern objects)
PREFILTERED = [(pat, triggers) for pat, triggers, pre in title._hiring() if pre is not None]


def test_every_prefilter_is_tested():
    # A pattern whose text no longer keys its prefilter would drop out of the
    # parametrisation below without a word: count them.
    assert len(PREFILTERED) == len(title._PREFILTERS)


@pytest.mark.parametrize("pat,triggers", PREFILTERED, ids=[p.pattern[:40] for p, _ in PREFILTERED])
def test_a_line_the_hiring_pattern_matches_is_tried_with_it(pat, triggers):
    @SETTINGS
    @given(st.from_regex(pat))
    def check(line):
        if "\n" in line or pat.search(line) is None:
            return  # (the generator does not honour every lookaround; lines have no newline)
        low = line.casefold()
        if triggers and not any(t in low for t in triggers):
            return  # the trigger words are a second test, not the prefilter's
        listed = [pos for p, pos in title._Hiring([line]).patterns(0) if p.pattern == pat.pattern]
        assert listed, line
        # Where the search starts (a bound from the prefilter's "back") leaves the match in reach.
        assert pat.search(line, listed[0]) is not None, (line, listed[0])

    check()


@pytest.mark.parametrize("pattern", [work_mode._OFFICE_DAYS, work_mode._OFFICE_DAYS_OTHER],
                         ids=["english", "other languages"])
def test_an_office_days_phrase_is_looked_for_where_it_is(pattern):
    @SETTINGS
    @given(st.from_regex(pattern))
    def check(text):
        if pattern.search(text) is None:
            return
        # In the posting's fold (None when a character folds to several: the
        # caller then reads each slice's own casefold) and in a slice's.
        low = folded(text)
        assert low is None or pattern in work_mode._office_patterns(low), text
        assert pattern in work_mode._office_patterns(text.casefold()), text

    check()


@settings(max_examples=600, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.from_regex(work_mode._REMOTE_DAYS))
def test_a_remote_days_phrase_holds_one_of_the_words_it_is_looked_for_by(text):
    # Its alternatives are many (six languages' day and week words): more examples.
    if work_mode._REMOTE_DAYS.search(text) is None:
        return
    low = text.casefold()
    assert any(w in low for w in work_mode._REMOTE_DAYS_HOLD), text


@pytest.mark.parametrize("aside", ["", " (" + "c" * 60 + ")"])
def test_the_widest_company_before_a_hiring_verb_is_in_reach(aside):
    # "back" bounds how far before the verb a match may start: the company
    # part is at most 61 characters, a legal form (", Inc.") and an aside in
    # brackets ("Tillerby Health (London, hybrid) is hiring").  The generator
    # favours short text, so the bound is tested at its edge here.
    company = "A" + "b" * 60 + ", Inc."
    line = f"{company}{aside} is hiring Data Engineers."
    pat = next(p for p, _ in PREFILTERED if p.pattern.startswith("(?P<company>[A-Z]"))
    listed = [pos for p, pos in title._Hiring([line]).patterns(0) if p.pattern == pat.pattern]
    assert listed and pat.search(line, listed[0]).group("company") == company
    assert pat.search(line, listed[0]).group("title") == "Data Engineers"
