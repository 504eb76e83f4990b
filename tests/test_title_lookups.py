"""Title and company: the quick tests in front of the patterns give the patterns' answers."""
from __future__ import annotations

import pytest

import jdparse
from jdparse import rules
from jdparse.extract import title
from jdparse.extract._vocab import FOLDS_TO_ASCII

# Hiring lines read through the prefilters, in ASCII text, in text with
# characters that fold to ASCII letters (dotted capital I, sharp s, ligatures)
# and in text of other scripts.
HIRING = [
    ("Remote role\n\nAcme Robotics \u0130s hiring a Senior Engineer who loves robots.\n\nRequirements\n- Python",
     "Senior Engineer", "Acme Robotics"),
    ("Remote role\n\nAcme Robotics is hiring a Senior Engineer who loves robots.\n\nRequirements\n- Python",
     "Senior Engineer", "Acme Robotics"),
    ("Remote role\n\nStra\u00dfe Labs is hiring a Data Analyst to join us.\n\nRequirements\n- SQL",
     "Data Analyst", "Stra\u00dfe Labs"),
    ("Remote role\n\nWe are looking for a Backend Developer to build APIs. We offer \ufb01ne perks.\n\nRequirements\n- Go",
     "Backend Developer", "Remote role"),
    ("Hello\n\nVi s\u00f6ker en Systemutvecklare som gillar Go.\n\nKrav\n- Go", "Systemutvecklare", None),  # (a greeting names no employer)
    ("Hello\n\nLe 24\u00e8me recherche un D\u00e9veloppeur PHP pour son \u00e9quipe.\n\nProfil\n- PHP",
     "D\u00e9veloppeur PHP", "Le 24\u00e8me"),
    ("Hello\n\nACME SEEKING A SENIOR PROGRAMMER (REMOTE)\n\nRequirements\n- C", "ACME SEEKING A SENIOR PROGRAMMER", None),  # (a greeting names no employer)
    ("Hello\n\nJob opening: Fulfillment Manager\n\nRequirements\n- C", "Fulfillment Manager", None),  # (a greeting names no employer)
    ("Hello\n\nJava developer job opening\n\nRequirements\n- C", "Java developer", None),  # (a greeting names no employer)
    ("Hello\n\n[上海/远程] Hamster Ltd.诚聘 golang 中级开发工程师 薪水 18k-35k RMB\n\n要求\n- Go",
     "golang 中级开发工程师", "Hamster Ltd."),
    ("WE'RE HIRING A PRODUCT DESIGNER to shape the app.\n\nAbout\nAcme", "PRODUCT DESIGNER", None),  # ("About" is a label, no name)
    # A word, white space and a separator, in ASCII lines and in others.
    ("Hello\n\nJOB \t: Senior Engineer\n\nRequirements\n- C", "Senior Engineer", None),  # (a greeting names no employer)
    ("Hello\n\nPosition\u00a0\u2013 D\u00e9veloppeur PHP\n\nProfil\n- PHP", "D\u00e9veloppeur PHP", None),  # (a greeting names no employer)
    # What stands before the separator is a board's label or a sentence, not a name.
    ("Hello\n\nOur jobs: Data Analyst\n\nRequirements\n- SQL", "Data Analyst", None),  # (a greeting names no employer)
    ("Hello\n\nThe job is great. Vacancy - Backend Developer\n\nRequirements\n- Go", "Backend Developer", None),  # (a greeting names no employer)
    ("Hello\n\nNow Hiring\n: Barista\n\nRequirements\n- Coffee", "Barista", None),
    # Known miss (the title is right, the company is not checked): a lower-case
    # part is read as the company ("position x job").
    ("Hello\n\nposition x job\u2014 Lead Designer\n\nRequirements\n- Figma", "Lead Designer", ...),
    ("Hello\n\nLe Caf\u00e9 RECHERCHE un Serveur pour l'\u00e9t\u00e9.\n\nProfil\n- Service", "Serveur", "Le Caf\u00e9"),
    # A Korean board's head: the employer in brackets, in Hangul, before the title; a place there is none.
    ("[넥스트웨이브] 백엔드 개발자 (경력 3년 이상)\n서울 강남구\n\n자격 요건\n- Java", "백엔드 개발자 (경력 3년 이상)", "넥스트웨이브"),
    ("[서울/판교] 백엔드 개발자\n\n자격 요건\n- Java", "백엔드 개발자", None),
    # A recruiter's note: the title, capitalised, between an article and the word for a job.
    ("Hi Sam,\n\nI'm reaching out about a Contract Data Analyst role with my client, a bank.\n\nKey skills:\n- SQL",
     "Data Analyst", None),
    ("Hi Sam,\n\nI have an exciting Staff Nurse opportunity with a hospital in Leeds.\n\nKey skills:\n- Care",
     "Staff Nurse", None),
    ("Hi Sam,\n\nYou'd be a great fit for a Senior Data Analyst position.\n\nKey skills:\n- SQL",
     "Senior Data Analyst", None),
    # Lower case after the article is no title; an offer with no title names none.
    ("Hi Sam,\n\nYou will lead the sales team in this role.\n\nKey skills:\n- SQL", None, None),
    ("Hi Sam,\n\nI'm writing about a great opportunity in Leeds.\n\nKey skills:\n- SQL", None, None),
]


HIRING_LINES = [
    "Job opening: Fulfillment Manager", "JOB \t: Senior Engineer", "jobs - x", "Position\u00a0\u2013 D\u00e9veloppeur",
    "position x job\u2014 Lead", "Now Hiring\n: Barista", "the job is great", "Java developer job opening",
    "Barista vacancy", "Acme is hiring a Senior Engineer who codes", "We are looking for a Backend Developer.",
    "Le 24\u00e8me recherche un D\u00e9veloppeur PHP pour", "VI S\u00d6KER EN UTVECKLARE", "Vi s\u00d6ker en Kock",
    "Hamster Ltd.\u8bda\u8058 golang \u5f00\u53d1\u5de5\u7a0b\u5e08", "\u8058 x", "Engineers wanted", "nothing here",
    "hiring", "Seeking a Ruby developer", "caf\u00e9 job: barista",
]


def test_hiring_lines_found_in_the_whole_are_those_found_line_by_line():
    # The whole-posting search and the line-by-line one list the same patterns for every line.
    segs = HIRING_LINES + [a + " " + b for a, b in zip(HIRING_LINES, reversed(HIRING_LINES))]
    whole = title._Hiring(segs)
    each = title._Hiring.__new__(title._Hiring)
    each._each(segs)
    for k in range(len(segs)):
        assert [p for p, _ in whole.patterns(k)] == [p for p, _ in each.patterns(k)], segs[k]


@pytest.mark.parametrize("text,want_title,want_company", HIRING)
def test_hiring_lines(text, want_title, want_company):
    d = jdparse.parse(text).to_dict()
    assert d["title"] == want_title
    if want_company is not ...:
        assert d["company"] == want_company


def test_every_package_hiring_pattern_is_looked_for_once_per_posting():
    # By its prefilter, or by its trigger words.  An edited pattern still
    # works (tried on every line), but slowly: its prefilter in
    # title._PREFILTERS is to be written anew.
    for entry in rules.load("titles")["hiring"]:
        has_prefilter = entry["pattern"] in title._PREFILTERS
        assert has_prefilter or all(t.isascii() for t in entry["triggers"]), entry["pattern"][:60]
    # Every prefilter is keyed by a pattern the data file has: one left behind
    # by an edited pattern would prefilter nothing.
    assert set(title._PREFILTERS) <= {entry["pattern"] for entry in rules.load("titles")["hiring"]}
    assert len(title._PREFILTERS) >= 6


def test_no_package_hiring_pattern_opens_with_any_character_unless_prefiltered():
    # A pattern is searched at every position of a block's opening; one that opens
    # with "." (".{0,120}?about ...") tries that many characters at each, and cost a
    # parse 40 % more when one came in. A pattern that must open so has a prefilter.
    import re

    for entry in rules.load("titles")["hiring"]:
        if re.match(r"\^?(?:\(\?P<\w+>)?\.", entry["pattern"]):
            assert entry["pattern"] in title._PREFILTERS, entry["pattern"][:60]


ROLE_SAMPLES = [
    "Senior Backend Architect (Remote)", "engineers wanted", "ENGINEERING MANAGER", "x9engineer", "engineer_x",
    "the lead", "misleading", "Pessoa Desenvolvedora Fullstack", "pessoa  desenvolvedora", "xpessoa desenvolvedora",
    "D\u00e9veloppeur PHP", "d\u00c9VELOPPEUSE", "Ingeni\u00f8r", "ENG\u0130NEER", "eng\u0131neer", "\u017ftaff",
    "golang \u4e2d\u7ea7\u5f00\u53d1\u5de5\u7a0b\u5e08", "A\u5de5\u7a0b\u5e08B", "Entwickler:in", "Acme Corp",
    "Berlin, Germany", "", "vp of sales", "v.p.", "\u2013 Lead \u2013", "Caf\u00e9 barista",
]


@pytest.mark.parametrize("s", ROLE_SAMPLES)
def test_has_role_matches_the_role_pattern(s):
    assert title.has_role(s) == (title._roles().search(s) is not None)


def test_folds_to_ascii_is_every_character_whose_folding_shows_an_ascii_letter():
    # The byte test that sends a posting down the per-line path must see each
    # such character; _vocab.FOLDS_TO_ASCII names them, checked on every code point.
    import re
    import sys

    letter = re.compile("[a-z]", re.IGNORECASE)
    found = {chr(c) for c in range(128, sys.maxunicode + 1)
             if not (0xD800 <= c <= 0xDFFF) and (letter.fullmatch(chr(c)) or re.search("[a-z]", chr(c).casefold()))}
    assert found == set(FOLDS_TO_ASCII)
    assert all(title._may_fold_to_ascii(c.encode("utf-8")) for c in found)


SPLIT_SAMPLES = [
    "Tendavo | Founding Engineer | Stockholm | On-site (Hybrid) | Full-time", "CS Team Lead - German and English",
    "Full-Stack Developer", "C#/WCF Engineer / Remote", "Acme: Senior Engineer", "Lead:Engineer", "a -b", "a- b",
    "x  |  y", " | ", "|", "a\u00a0\u2013\u00a0b", "a \u2014b", "Role:  \tName", "a / / b", "a: - b", "-- x --",
    "Java Programmer \u2013 Berlin \u2013 Remote", "\u3000|\u3000", "a/b", "end -", "end:", "", "   ",
    "Brightwave Health \u00b7 Toronto, ON (Hybrid)", "a\u00b7b", "x \u2022 y \u00b7\u00b7 z", "\u00b7 lead",
]


@pytest.mark.parametrize("s", SPLIT_SAMPLES)
def test_parts_are_those_between_the_separators_the_pattern_finds(s):
    cuts, pos = [], 0
    for m in title._SPLIT.finditer(s):
        cuts.append((pos, m.start()))
        pos = m.end()
    cuts.append((pos, len(s)))
    assert title._parts(s, 5) == [(a + 5, b + 5) for a, b in cuts if s[a:b].strip()]


@pytest.mark.parametrize("s", ["EuropeCyprusHybridSenior", "iPhone", "aBcDeF", "Caf\u00e9Z\u00fcrichRemote", "\u00e0\u00c0\u00e0\u00c0",
                               "a\u00d7b", "ABC", "abc", "Remote. EuropeCyprusHybrid", "",
                               "MetaBlock\u8bda\u8058 \u85aa\u6c3410-25kRMB/\u6708", "25kRMB3xAWS", "EuropeRemote9kUSD"])
def test_glued_segments_cut_where_a_lower_case_letter_meets_a_capital(s):
    import re

    # A lower-case letter, not after a digit ("25kRMB": a unit), then a capital.
    cuts = [i for i in range(1, len(s)) if re.match(r"[a-z\u00e0-\u00ff][A-Z\u00c0-\u00de]", s[i - 1:i + 1])
            and not s[i - 2:i - 1].isdigit()]
    want = [(0, len(s))]
    if len(cuts) >= 2 and not any(c in s for c in ".!?"):
        bounds = [0, *cuts, len(s)]
        want = [(a, b) for a, b in zip(bounds, bounds[1:]) if b > a]
    from jdparse.extract import tags

    assert tags.glued_segments(s, 0, len(s)) == want


@pytest.mark.parametrize("s, role", [
    ("Shift Leader", True), ("Leadership Programme", False), ("Warehouse Operative", True),
    ("Consultant Radiologist", True), ("Paediatric Dietician", True), ("Technology", False),
])
def test_role_words_and_words_that_only_begin_like_them(s, role):
    assert title.has_role(s) is role
