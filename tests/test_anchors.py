"""The whole-posting word finders: _guard.folded and Anchors, and the slice finders built on them.

Each finder must give exactly what the plain matcher gives on the slice.
"""
from __future__ import annotations

import random
import re

import pytest

from conftest import case_table
from jdparse.extract import employment, seniority, work_mode
from jdparse.extract._guard import GAP, Anchors, any_within, folded, literal_atoms
from jdparse.extract._vocab import atoms

TEXTS = [
    "Hybrid - 2 days a week in the office\nSenior Backend Engineer (Remote, US only)",
    "EuropeCyprusHybridSenior · Full-time · 100% remote",
    "We build remote control software. Our website lists our on-site visits.",
    "Come to the OFFICE 2 to 3 times per week; the role is remote-first.",
    "In the offıce 3 days a week (dotless i), Intern, Praktikum",
    "Vollzeit / Teilzeit – Homeoffice möglich, befristet auf 12 Monate",
    "Télétravail partiel, CDI, temps plein. Poste basé à Paris, présentiel 2 jours",
    "Modalidad híbrida, tiempo   completo, contrato indefinido; Sr. Manager",
    "远程办公 可远程 全职 实习生 高级工程师",
    "Chief Technology Officer | Mid-Senior level | Staff Engineer | Head of Data",
    "50 full-time employees; contract management; lead generation; principal component",
    "Work from home, work-from-home, WFH stipend, home office allowance, telecommuting",
]


def _slices(text):
    """Lines, pieces of lines, and a few random slices (cut words included)."""
    out = []
    pos = 0
    for line in text.split("\n"):
        out.append((pos, pos + len(line)))
        for m in re.finditer(r"[^|·;,]+", line):
            out.append((pos + m.start(), pos + m.end()))
        pos += len(line) + 1
    rnd = random.Random(len(text))
    for _ in range(30):
        a = rnd.randrange(len(text))
        out.append((a, rnd.randrange(a, len(text) + 1)))
    return out


def test_folded_keeps_offsets():
    assert folded("Remote ÉQUIPE") == "remote équipe"
    assert folded("Straße") is None  # ß folds to two characters
    assert folded("a\u0345b") is None  # a non-word character that folds to a letter


def test_literal_atoms_follow_ignorecase():
    assert literal_atoms("Io", True) == [frozenset("i\u0131"), "o"]
    assert literal_atoms("FT", False) == ["f", "t"]


@pytest.mark.parametrize("text", TEXTS)
def test_anchor_positions_hold_every_occurrence(text):
    words = ["remote", "on site", "full-time", "Sr.", "实习", "Mid-Senior", "l'équipe", "intern"]
    anchors = Anchors([atoms(w) for w in words])
    low = folded(text)
    hits = anchors.positions(low)
    for w in words:
        pat = re.compile("".join(a[1] if isinstance(a, tuple) else
                                 "[" + "".join(sorted(a)) + "]" if isinstance(a, frozenset) else re.escape(a)
                                 for a in atoms(w)))
        for m in pat.finditer(low):
            assert any_within(hits, m.start(), m.end()), (w, m.group())
            assert anchors.within(low, m.start(), m.end())


def test_anchors_with_nothing_to_find():
    anchors = Anchors([[(GAP, r"\s+")]])
    assert anchors.positions("anything") is None
    assert any_within(None, 0, 1)


@pytest.mark.parametrize("text", TEXTS)
def test_work_mode_finder_is_find_work_modes(text):
    finder = work_mode.Finder(text)
    for a, e in _slices(text):
        assert finder.find(a, e) == work_mode.find_work_modes(text[a:e]), text[a:e]


@pytest.mark.parametrize("text", TEXTS)
def test_employment_finder_is_find_employment_types(text):
    finder = employment.Finder(text)
    for a, e in _slices(text):
        assert finder.find(a, e) == employment.find_employment_types(text[a:e]), text[a:e]


@pytest.mark.parametrize("text", TEXTS)
def test_level_anchors_hold_every_level(text):
    low = folded(text)
    hits = seniority.anchors().positions(low)
    for a, e in _slices(text):
        if seniority.find_levels(text[a:e]):
            assert any_within(hits, a, e), text[a:e]


@pytest.mark.parametrize("name", ["work_mode", "employment", "seniority"])
def test_case_tables_through_finders(name):
    cases, _ = case_table(name, "text")
    for row in cases:
        text = row["text"]
        if name == "work_mode":
            assert work_mode.Finder(text).find(0, len(text)) == work_mode.find_work_modes(text)
        elif name == "employment":
            assert employment.Finder(text).find(0, len(text)) == employment.find_employment_types(text)
        else:
            low = folded(text)
            if low is not None and seniority.find_levels(text):
                assert any_within(seniority.anchors().positions(low), 0, len(text))


@pytest.mark.parametrize("text", TEXTS + [
    "ÉQUIPE Remote, l’équipe – CDI · Full time · fulltime · full–time · co-op/coop",
    "xFull-time yIntern Contract_ _contract 2contract Contract2, AUTÓNOMO, Intérim, estágio",
    "Straße, Remote",  # no fold: every slice is read as it is
    "a\u0345b Remote",  # folds from a mark to a letter: no fold
    "a\ud800 é Remote",  # a lone surrogate: folded character by character
])
def test_fold_of_a_posting_is_its_casefolding_slice_by_slice(text):
    for t in (text, text.upper()):
        low = folded(t)
        if low is None:
            assert len(t.casefold()) != len(t) or "\u0345" in t
            continue
        assert len(low) == len(t)
        for a in range(0, len(t), 7):
            for b in range(a, min(len(t), a + 40) + 1, 5):
                assert low[a:b] == t[a:b].casefold(), t[a:b]


def test_employment_words_are_found_as_whole_runs():
    assert employment._variants("full-time") == [["full", "time"], ["fulltime"]]
    assert employment._variants("Autónomo") == [["aut", "nomo"]]
    assert employment._variants("实习") == "literal"
    assert employment._variants("-x") is None  # a leading dash that may be left out
    text = "Praktikum, FULL TIME, full\u2013time, Fulltime; interns/intern; Teilzeit-Job"
    hits = employment.positions(folded(text))
    assert hits is not None  # (None would let any slice through: the loop would test nothing)
    found = employment.find_employment_types(text)
    assert len(found) >= 5
    for m in found:
        assert any_within(hits, m.start, m.end), text[m.start:m.end]


@pytest.mark.parametrize("text", [
    "xFull-time yIntern Contract_ _contract 2contract Contract2 full-timer",
    "Remote · Full-time · Contract\nWe offer a full time role, part-time ok, 50 full-time employees",
])
def test_employment_finder_on_cut_words(text):
    finder = employment.Finder(text)
    for a in range(len(text)):
        for e in range(a + 1, min(len(text), a + 24) + 1):
            assert finder.find(a, e) == employment.find_employment_types(text[a:e]), text[a:e]


@pytest.mark.parametrize("text", TEXTS)
def test_work_mode_finder_of_some_spans(text):
    spans = _slices(text)[::3]
    finder = work_mode.Finder(text, folded(text), spans)
    for a, e in spans:
        assert finder.find(a, e) == work_mode.find_work_modes(text[a:e]), text[a:e]
    got = [(a, e, found) for a, e in spans if (found := work_mode.find_work_modes(text[a:e]))]
    assert finder.find_all(spans) == got


@pytest.mark.parametrize("text", TEXTS)
def test_employment_finder_within_a_part(text):
    lo, hi = len(text) // 4, len(text) - len(text) // 5
    finder = employment.Finder(text, folded(text), (lo, hi))
    for a, e in _slices(text):
        a, e = max(a, lo), min(e, hi)
        if a < e:
            assert finder.find(a, e) == employment.find_employment_types(text[a:e]), text[a:e]
