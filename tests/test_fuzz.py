"""Properties over arbitrary and posting-like inputs, with hypothesis.

Quick by default (CI, 150 cases per property); ``JDPARSE_FUZZ_LONG=1`` runs
100,000 cases per property, ``JDPARSE_FUZZ_EXAMPLES=N`` any other number.

- ``jdparse.parse`` never raises on any text; ``decode`` raises only InputError;
  the converters never raise on any text.
- every string the record reports occurs in the input (white space collapsed).
- evidence spans are inside the text and slice to what the field says.
- ``\\n`` and ``\\r\\n`` give the same record.
- JSON and YAML output load back to the same data.
"""
from __future__ import annotations

import json
import os

import yaml
import traceback

from hypothesis import HealthCheck, assume, example, given, settings
from hypothesis import strategies as st

import jdparse
from jdparse.batch import dump
from jdparse.convert import to_text
from jdparse.decode import InputError, decode
from jdparse.document import tidy

_EXAMPLES = int(os.environ.get("JDPARSE_FUZZ_EXAMPLES") or (100_000 if os.environ.get("JDPARSE_FUZZ_LONG") == "1" else 150))
# Settings of these tests only (a loaded profile would change every test file's).
FUZZ = settings(max_examples=_EXAMPLES, deadline=None,
                suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large, HealthCheck.filter_too_much])

# Lines of the kinds the pipeline reads, written for these tests.
LINES = [
    "Senior Backend Engineer", "Staff Data Scientist - Remote", "Acme Robotics", "Berlin, Germany",
    "Lisbon, Portugal · Hybrid · Full-time", "Remote (EMEA)", "New York, NY", "Requirements", "Requirements:",
    "What you'll do", "Benefits", "Nice to have", "About us", "## Responsibilities", "**Benefits**",
    "• 5+ years of Python", "- Strong SQL", "* Kubernetes is a plus", "1. Own the roadmap", "-Go",
    "Location: Zürich", "Salary: €70,000 – €85,000 per year", "$120k-$150k", "Employment type: Contract",
    "Posted: 2024-05-01", "Apply now", "Share this job", "We are hiring a Senior Go Developer to join us.",
    "Acme is looking for a Product Designer.", "薪资：15-25K", "高级工程师", "Développeur Senior – Paris",
    "Experience: 3-5 years", "Junior", "Intern", "Part-time", "", "", "\t", "\u00a0", "\u200b",
    "<p>Hello</p>", "&lt;li&gt;x&lt;/li&gt;", "| a | b |", "---", "# Title",
]

# A line holds no newline of any kind (\r, \u2028 ... are newlines to the pipeline).
line_text = st.text(alphabet=st.characters(blacklist_characters="\r\n\x85\u2028\u2029", blacklist_categories=("Cs",)),
                    max_size=40)
posting_lines = st.lists(st.one_of(st.sampled_from(LINES), line_text), max_size=40)
posting_text = st.one_of(st.text(), posting_lines.map("\n".join), posting_lines.map("\r\n".join))


# Crashes found by these properties in files owned elsewhere: each is pinned by
# a strict xfail below, and inputs that raise it are discarded here so the
# properties keep exploring.  (file, function, exception) of the innermost frame.
KNOWN_CRASHES: set[tuple[str, str, str]] = set()
"""(file, function, exception) of crashes found and not fixed yet: none now."""


def parse(text: str):
    """Return jdparse.parse(text); discard the example if it raises a known crash."""
    try:
        return jdparse.parse(text)
    except Exception as e:
        last = traceback.extract_tb(e.__traceback__)[-1]
        assume((os.path.basename(last.filename), last.name, type(e).__name__) not in KNOWN_CRASHES)
        raise


def _collapsed(s: str) -> str:
    return tidy(s)


def _strings(record: dict):
    """Yield (field, text) for every string the record reports from the posting."""
    for name in ("title", "company"):
        if isinstance(record.get(name), str):
            yield name, record[name]
    for name in ("requirements", "nice_to_have", "responsibilities", "benefits"):
        for item in record.get(name) or ():
            yield name, item
    for loc in record.get("locations") or ():
        yield "locations", loc["name"]
    if record.get("salary"):
        yield "salary", record["salary"]["text"]


@FUZZ
@given(posting_text)
@example("Senior Engineer\r\nAcme\r\n\r\nRequirements\r\n- Go\r\n")
@example("\u2028\u2029\x85\r\r\n")
def test_parse_never_raises_and_reports_only_input_text(text):
    posting = parse(text)
    record = posting.to_dict()
    haystack = _collapsed(text)
    for field, value in _strings(record):
        assert _collapsed(value) in haystack, (field, value)
    decoded = posting.text
    for field, ev in posting.evidence().items():
        for e in ev if isinstance(ev, list) else [ev]:
            assert 0 <= e["start"] <= e["end"] <= len(decoded), (field, e)


@FUZZ
@given(posting_lines)
def test_crlf_gives_the_same_record(lines):
    a = parse("\n".join(lines)).to_dict(evidence=True)
    b = parse("\r\n".join(lines)).to_dict(evidence=True)
    for rec in (a, b):
        rec.pop("evidence")  # offsets differ by one per line: only the values must match
    assert a == b


@FUZZ
@given(posting_text)
def test_json_and_yaml_round_trip(text):
    record = parse(text).to_dict(evidence=True)
    assert json.loads(dump(record, "json")) == record
    assert json.loads(dump(record, "jsonl")) == record
    assert yaml.safe_load(dump(record, "yaml")) == record


@FUZZ
@given(st.binary(max_size=2000))
@example(b"\xff\xfe")
@example(b"\xef\xbb\xbf")
@example(b"\x00" * 10)
@example("Caf\u00e9 \u2013 na\u00efve".encode("cp1252"))
def test_decode_raises_only_input_error(data):
    try:
        text = decode(data)
    except InputError:
        return
    assert isinstance(text, str)
    assert "\r" not in text
    parse(text)


html_bits = st.sampled_from(["<p>", "</p>", "<li>", "</li>", "<ul>", "</ul>", "<br>", "<div>", "</div>", "<h2>",
                             "</h2>", "<table>", "<tr>", "<td>", "</td>", "</tr>", "</table>", "<script>", "</script>",
                             "<nav>", "</nav>", "<!--", "-->", "&amp;", "&lt;", "&gt;", "&nbsp;", "<", ">", "'", '"',
                             "<a href='", "<pre>", "</pre>", "<strong>", "</strong>", "**", "* ", "- ", "# ", "[x](",
                             ")", "|", "---\n", "\n", "Senior Engineer", "Python"])
markup = st.lists(st.one_of(html_bits, st.text(max_size=10)), max_size=60).map("".join)


@FUZZ
@given(markup, st.sampled_from(["auto", "html", "markdown", "text"]))
def test_converters_never_raise(text, fmt):
    out = to_text(text, fmt)
    assert isinstance(out, str)
    parse(out)


# Regression tests for crashes the properties found (owned by extract/title.py).


def test_crash_title_then_a_pipe_line():
    # title._adjacent_company took [0] of the parts of a line of separators only
    assert jdparse.parse("Senior Backend Engineer\n|").to_dict()["title"] == "Senior Backend Engineer"


def test_crash_soft_hyphen_part():
    # title._nameish took split()[0] of the empty key of a soft hyphen
    assert jdparse.parse("!|\u00ad").to_dict()["company"] is None
