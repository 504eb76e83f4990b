"""Evidence: every reported value points at the text it was read from, by a named rule.

On every posting in tests/fixtures/ and on the seeds:

- each non-empty field has an evidence entry (one per item for list fields);
- string values (title, company, list items, location names, salary text)
  are the posting's own text: ``text[start:end]`` equals the value once white
  space is collapsed;
- line and column agree with the offsets, spans are in bounds and not empty;
- every rule id is a non-empty string with a dot.

Cases are one per (posting, field), so a failure names both.  Known extractor
bugs are listed in KNOWN_BUGS and run as strict xfails: a fix has to remove them.
"""
from __future__ import annotations

import json
from pathlib import Path

import pytest

import jdparse
from conftest import SEEDS, run_cli
from jdparse.document import normalise_newlines

FIXTURES = Path(__file__).resolve().parent / "fixtures"
POSTINGS = sorted(FIXTURES.glob("*.txt")) + sorted(SEEDS.glob("*.txt"))

FIELDS = ["title", "company", "locations", "work_mode", "seniority", "employment_type",
          "experience_years_min", "salary", "requirements", "nice_to_have", "responsibilities",
          "benefits", "posted_date"]
STRING_FIELDS = {"title", "company", "requirements", "nice_to_have", "responsibilities", "benefits"}
"""Fields whose reported value is the source text itself (white space aside)."""
TYPED_FIELDS = {"work_mode", "seniority", "employment_type", "experience_years_min", "posted_date"}
"""Fields whose value is a normalised word or number; only the span is checked."""

KNOWN_BUGS: dict[tuple[str, str], str] = {}
"""(posting stem, field) -> what the extractor gets wrong, as strict xfails."""


def _collapse(s: str) -> str:
    return " ".join(s.split())


def _reported_strings(field: str, value) -> list[str | None]:
    """Return, per evidence entry of ``field``, the string that must match the source (None: typed)."""
    if field in STRING_FIELDS:
        return list(value) if isinstance(value, list) else [value]
    if field == "locations":
        return [loc["name"] for loc in value]
    if field == "salary":
        return [value["text"]]
    return [None] * (len(value) if isinstance(value, list) else 1)


def _check_span(text: str, ev: dict, where: str) -> None:
    start, end, line, col = ev["start"], ev["end"], ev["line"], ev["col"]
    assert 0 <= start < end <= len(text), f"{where}: span {start}:{end} out of bounds or empty (len {len(text)})"
    assert text.count("\n", 0, start) + 1 == line, f"{where}: line {line} does not match offset {start}"
    line_start = text.rfind("\n", 0, start) + 1
    assert start - line_start + 1 == col, f"{where}: col {col} does not match offset {start}"
    rule = ev["rule"]
    assert isinstance(rule, str) and rule and "." in rule, f"{where}: rule id {rule!r}"


_CACHE: dict[Path, tuple[str, dict]] = {}


def _parsed(path: Path) -> tuple[str, dict]:
    """Return (decoded text, to_dict(evidence=True)) of a posting file, parsed once."""
    if path not in _CACHE:
        raw = path.read_text(encoding="utf-8")
        posting = jdparse.parse(raw)
        assert posting.text == normalise_newlines(raw)
        _CACHE[path] = (posting.text, posting.to_dict(evidence=True))
    return _CACHE[path]


def _cases():
    for path in POSTINGS:
        for field in FIELDS:
            marks = []
            reason = KNOWN_BUGS.get((path.stem, field))
            if reason:
                marks.append(pytest.mark.xfail(strict=True, reason=reason))
            yield pytest.param(path, field, id=f"{path.stem}:{field}", marks=marks)


def test_there_are_fixtures():
    assert len(sorted(FIXTURES.glob("*.txt"))) >= 6


@pytest.mark.parametrize("path,field", list(_cases()))
def test_field_evidence(path, field):
    text, d = _parsed(path)
    value = d[field]
    ev = d["evidence"]
    if value is None or value == []:
        assert not ev.get(field), f"{field} is empty but has evidence {ev.get(field)!r}"
        return
    assert field in ev, f"{field} = {value!r} has no evidence"
    entries = ev[field] if isinstance(value, list) else [ev[field]]
    assert isinstance(entries, list) and len(entries) == (len(value) if isinstance(value, list) else 1)
    for i, (entry, s) in enumerate(zip(entries, _reported_strings(field, value))):
        where = f"{path.name} {field}[{i}]"
        _check_span(text, entry, where)
        if s is not None:
            got = _collapse(text[entry["start"]:entry["end"]])
            assert got == _collapse(s), f"{where}: reports {s!r} but its span holds {got!r}"


@pytest.mark.parametrize("path", POSTINGS, ids=lambda p: p.stem)
def test_section_headings_are_source_text(path):
    """The outline's heading values are the posting's own text too."""
    posting = jdparse.parse(path.read_text(encoding="utf-8"))
    for kind, heading in posting.sections:
        assert kind
        if heading is None:
            continue
        sp = heading.span
        assert 0 <= sp.start < sp.end <= len(posting.text)
        assert _collapse(posting.text[sp.start:sp.end]) == _collapse(heading.value)


@pytest.mark.parametrize("path", POSTINGS, ids=lambda p: p.stem)
def test_evidence_same_under_crlf(path):
    """Spans index the text with newlines normalised, so CRLF input gives the same evidence."""
    raw = path.read_text(encoding="utf-8")
    lf = jdparse.parse(raw).to_dict(evidence=True)
    crlf = jdparse.parse(raw.replace("\n", "\r\n")).to_dict(evidence=True)
    assert crlf == lf


@pytest.mark.parametrize("path", [POSTINGS[0], SEEDS / "tradingview-backend-architect.txt"], ids=lambda p: p.stem)
def test_command_evidence_flag(path):
    with_flag = run_cli("parse", str(path), "--format", "json", "--evidence")
    assert with_flag.returncode == 0, with_flag.stderr
    got = json.loads(with_flag.stdout)
    assert "evidence" in got
    assert got["evidence"] == json.loads(json.dumps(_parsed(path)[1]["evidence"]))

    without = run_cli("parse", str(path), "--format", "json")
    assert without.returncode == 0, without.stderr
    assert "evidence" not in json.loads(without.stdout)


# Inline postings for cases a fixture file would hide (invisible characters).
INVISIBLE = {
    "zero-width-space": "Senior\u200b Backend Engineer\nAcme\u200b Corp\nBerlin\n\nRequirements\n- 3+ years\u200b of Go\n",
    "soft-hyphen": "Soft\u00adware Engineer\nAcme\nBerlin\n",
}


@pytest.mark.parametrize("name", sorted(INVISIBLE))
def test_invisible_characters_stay_in_reported_text(name):
    posting = jdparse.parse(INVISIBLE[name])
    for v in (posting.title, posting.company, *posting.requirements):
        if v is not None:
            assert _collapse(posting.text[v.span.start:v.span.end]) == _collapse(v.value)


def test_wrapped_bullet_is_one_item():
    text = ("Engineer\nAcme\n\nResponsibilities\n"
            "- Build the thing that does many important tasks for our\n"
            "  customers in the region\n- Ship\n")
    ev = jdparse.parse(text).to_dict(evidence=True)["evidence"]["responsibilities"]
    assert len(ev) == 2
    assert text[ev[0]["start"]:ev[0]["end"]].endswith("customers in the region")
