"""Heading vocabulary: a table of heading lines and the section kind each names."""
from __future__ import annotations

from pathlib import Path

import pytest
import yaml

import jdparse

CASES = yaml.safe_load((Path(__file__).parent / "cases" / "headings.yaml").read_text(encoding="utf-8"))
DATA = Path(jdparse.__file__).with_name("data")


def test_table_is_big_enough():
    assert len(CASES) >= 30


@pytest.mark.parametrize("case", CASES, ids=[c["text"] for c in CASES])
def test_heading_kind(case):
    # The heading sits in a posting: a title line first, a bullet under it.
    text = f"Office Manager\n\n{case['text']}\n- first item of the list\n"
    posting = jdparse.parse(text)
    kinds = [k for k, h in posting.sections if h is not None and h.value.strip("#* ") != "Office Manager"]
    got = kinds[0] if kinds and kinds[0] != "other" else None
    assert got == case["kind"]


@pytest.mark.parametrize("path", sorted(DATA.glob("*.yaml")), ids=lambda p: p.name)
def test_data_files_load_with_the_pure_python_loader(path):
    # libyaml is lenient with some plain scalars ("is this you?") that the
    # pure-Python loader rejects; users without libyaml must still load them.
    text = path.read_text(encoding="utf-8")
    assert isinstance(yaml.load(text, Loader=yaml.SafeLoader), dict)
    assert text.lstrip().startswith("#"), "every data file opens with a comment saying what it matches"


def test_a_lead_in_names_only_the_list_under_it():
    # Its last words name the list it stands over; over prose it is no heading of that kind.
    over_list = jdparse.parse("Nurse\nAcme Clinic\n\nAs a Nurse Practitioner, you will:\n* Assess patients\n")
    assert [v.value for v in over_list.responsibilities] == ["Assess patients"]
    assert [h.rule for k, h in over_list.sections if k == "responsibilities"] == ["heading.lead_in"]
    over_prose = jdparse.parse("Nurse\nAcme Clinic\n\nAs a Nurse Practitioner, you will:\nAssess patients in our clinic.\n")
    assert over_prose.responsibilities == ()


def test_lead_in_endings_are_rules_users_extend(tmp_path):
    from conftest import parse_with_rules

    posting = "Nurse\nAcme Clinic\n\nEvery week on the ward you get to:\n* Assess patients\n"
    assert parse_with_rules(tmp_path, None, posting)["responsibilities"] == []
    rules_text = "headings:\n  en:\n    lead_ins:\n      responsibilities: [you get to]\n"
    assert parse_with_rules(tmp_path, rules_text, posting)["responsibilities"] == ["Assess patients"]
