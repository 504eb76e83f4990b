"""The record emitter behind ``--format yaml``: every record loads back to the same data."""
from __future__ import annotations

import math
import os

import pytest
import yaml
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from jdparse.batch import _YAML_IMPLICIT, dump_yaml

_EXAMPLES = int(os.environ.get("JDPARSE_FUZZ_EXAMPLES") or (100_000 if os.environ.get("JDPARSE_FUZZ_LONG") == "1" else 400))
FUZZ = settings(max_examples=_EXAMPLES, deadline=None, suppress_health_check=[HealthCheck.too_slow])

LOADERS = [yaml.SafeLoader] + ([yaml.CSafeLoader] if hasattr(yaml, "CSafeLoader") else [])

# Strings that mean something else to YAML, or need care to write.
TRICKY = [
    "", " ", "  ", "\t", "\n", "a\nb", "a\n", "\nx", "a\r\nb", "\r", "x\x85y", "x\u2028y", "x\u2029y",
    "yes", "No", "ON", "off", "y", "n", "true", "False", "null", "Null", "~", "NULL", "nul",
    "0", "-1", "+1", "007", "0x1F", "0b101", "1_000", "1:20", "190:20:30", "1.5", ".5", "1.", "1e3", "1.0e+3",
    "-.inf", ".NaN", ".nan", "2024-01-05", "2001-12-14t21:59:43.10-05:00", "2001-12-14 21:59:43.10 -5",
    "<<", "=", "!", "&", "*", "!tag x", "&anchor", "*alias", "%YAML", "@x", "`x", "'quoted'", '"dq"',
    "- item", "-", "--", "---", "--- x", "...", "... x", "-x", "?", "? x", "?x", ":", ": x", ":x", "a:", "a: b", "a:b",
    "#", "# c", "a #b", "a#b", "C#", "a\t#b", "a,b", "[x]", "{x}", "a [b] {c}", "|", ">", "| x", "> x",
    " lead", "trail ", "\u00a0nbsp", "nbsp\u00a0", "a\u00a0#b", "zero\u200bwidth", "\ufeffbom", "x\ufeff",
    "\x00", "\x07bell", "\x1b[0m", "\x7f", "\x80\x9f", "\ud800", "\udfff x", "\ufffe", "\uffff",
    "emoji 🚀", "𝕏", "\U0010ffff", "é à ü", "高级后端", "back\\slash", "it's", "a'b\"c", "\\n",
    "Requirements:", "Salary: 90k", "5+ years", "100%", "$170-230K", "key: value # comment",
]


def _loads(text: str, record):
    # libyaml reads no escaped lone surrogate (nor writes one): PyYAML's reader only.
    loaders = LOADERS if "\\uD" not in text else LOADERS[:1]
    return [yaml.load(text, Loader=L) for L in loaders]


@pytest.mark.parametrize("s", TRICKY, ids=repr)
def test_tricky_strings_round_trip(s):
    record = {"title": s, "items": [s, {"kind": s, "heading": s}], "nested": {"deep": [[s]]}}
    for back in _loads(dump_yaml(record), record):
        assert back == record


def test_plain_where_safe():
    text = dump_yaml({"title": "Senior Backend Engineer", "company": "Le 24ème", "tags": ["C#", "5+ years", "a, b"]})
    assert text == "title: Senior Backend Engineer\ncompany: Le 24ème\ntags:\n- C#\n- 5+ years\n- a, b\n"


def test_block_style_as_libyaml_writes_it():
    record = {
        "title": "x", "locations": [{"name": "Paris", "country": "FR"}], "seniority": [], "salary": None,
        "pay": {"min": 90000, "max": 1.5, "annualized": {"min": None, "max": True}}, "grid": [[1, 2], [], {}],
        "empty": {}, "sections": [{"kind": "header", "heading": None}],
    }
    want = yaml.dump(record, Dumper=yaml.SafeDumper, allow_unicode=True, sort_keys=False, width=100000)
    assert dump_yaml(record) == want


def test_floats_as_pyyaml_writes_them():
    for x in (0.1, 1e17, 1e-05, 123456789.25, -2.5, 1e300, 5e-324):
        assert dump_yaml({"x": x}) == yaml.safe_dump({"x": x})
        assert yaml.safe_load(dump_yaml({"x": x})) == {"x": x}
    assert math.isnan(yaml.safe_load(dump_yaml({"x": float("nan")}))["x"])
    assert yaml.safe_load(dump_yaml({"x": float("-inf")}))["x"] == float("-inf")


def test_other_shapes_fall_back_to_pyyaml():
    for record in ({}, {1: "int key"}, {"a: b": 1}, {"t": (1, 2)}, {"k" * 200: 1}):
        assert yaml.safe_load(dump_yaml(record)) == yaml.safe_load(yaml.safe_dump(record))


def test_implicit_types_are_pyyamls():
    # The patterns are copied from PyYAML's resolver: a change there must show here.
    from yaml.resolver import Resolver

    theirs = {rx.pattern for rows in Resolver.yaml_implicit_resolvers.values() for _, rx in rows}
    ours = {f"^(?:{p})$" for p in _YAML_IMPLICIT}
    assert theirs == ours


scalars = st.one_of(
    st.text(), st.sampled_from(TRICKY), st.integers(), st.booleans(), st.none(),
    st.floats(allow_nan=False), st.text(alphabet=st.characters(codec="utf-8"), min_size=1).map(lambda s: s + ":"),
    st.builds(lambda a, b: a + b, st.sampled_from(TRICKY), st.text(max_size=5)),
)
records = st.recursive(
    scalars,
    lambda inner: st.one_of(st.lists(inner, max_size=4),
                            st.dictionaries(st.from_regex(r"[a-z_]{1,12}", fullmatch=True), inner, max_size=4)),
    max_leaves=20,
)


@FUZZ
@given(st.dictionaries(st.one_of(st.from_regex(r"[a-z_]{1,12}", fullmatch=True), st.sampled_from(TRICKY)), records,
                       min_size=1, max_size=6))
@example({"t": "\ud800"})
def test_any_record_round_trips(record):
    for back in _loads(dump_yaml(record), record):
        assert back == record
