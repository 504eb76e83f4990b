"""Golden files: each seed posting's expected values, compared field by field."""
from __future__ import annotations

import json

import pytest
import yaml

import jdparse
from conftest import SEEDS, run_cli

FIELDS = ["title", "company", "locations", "work_mode", "seniority", "employment_type",
          "experience_years_min", "salary", "requirements", "nice_to_have", "responsibilities",
          "benefits", "posted_date"]
SEED_FILES = sorted(SEEDS.glob("*.txt"))


def _norm(field, value):
    if field == "locations":
        return [loc["name"] if isinstance(loc, dict) else loc for loc in value or []]
    if field == "seniority":
        return sorted(value or [])
    if field == "salary" and value:
        return {k: value.get(k) for k in ("min", "max", "currency", "period")}
    if field == "posted_date" and value is not None:
        return str(value)
    return value


def _cases():
    for txt in SEED_FILES:
        expected = yaml.safe_load((txt.parent / (txt.stem + ".expected.yaml")).read_text(encoding="utf-8"))
        for f in FIELDS:
            yield pytest.param(txt, f, expected.get(f), id=f"{txt.stem}:{f}")


@pytest.fixture(scope="module")
def parsed():
    cache = {}
    for txt in SEED_FILES:
        cache[txt] = jdparse.parse(txt.read_text(encoding="utf-8")).to_dict()
    return cache


def test_there_are_seeds():
    assert SEED_FILES, "seeds/ must hold at least one posting"


@pytest.mark.parametrize("txt,field,expected", list(_cases()))
def test_seed_field_api(parsed, txt, field, expected):
    assert _norm(field, parsed[txt][field]) == _norm(field, expected)


@pytest.mark.parametrize("txt", SEED_FILES, ids=lambda p: p.stem)
def test_seed_through_command(txt):
    proc = run_cli("parse", str(txt), "--format", "json")
    assert proc.returncode == 0, proc.stderr
    got = json.loads(proc.stdout)
    expected = yaml.safe_load((txt.parent / (txt.stem + ".expected.yaml")).read_text(encoding="utf-8"))
    for f in FIELDS:
        assert _norm(f, got[f]) == _norm(f, expected.get(f)), f
