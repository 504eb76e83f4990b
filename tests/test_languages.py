"""Language packs: a whole posting in each language the data covers beyond the
first ones, read through the installed command (tests/fixtures/<language>.txt),
against the record expected of it (tests/cases/languages.yaml).

Each expectation is what a reader of that language takes out of the posting;
every field is compared, so a pack that loses a label, a heading, a period or
a level word fails here by name.
"""
from __future__ import annotations

import json
from pathlib import Path

import pytest
import yaml

from conftest import run_cli

FIXTURES = Path(__file__).resolve().parent / "fixtures"

# Per language, the whole record expected (tests/cases/languages.yaml).
EXPECTED = yaml.safe_load((Path(__file__).resolve().parent / "cases" / "languages.yaml").read_text(encoding="utf-8"))


@pytest.mark.parametrize("language", sorted(EXPECTED))
def test_a_posting_in_each_language_pack(language):
    r = run_cli("parse", str(FIXTURES / f"{language}.txt"), "--format", "json")
    assert r.returncode == 0, r.stderr
    got = json.loads(r.stdout)
    got.pop("sections")
    assert got == EXPECTED[language]


@pytest.mark.parametrize("text,mode", [
    ("Werkwijze: hybride, twee dagen op kantoor", "hybrid"),
    ("Locatie: Amsterdam (volledig thuiswerken mogelijk)", "remote"),
    ("Werkwijze: volledig op afstand", "remote"),
    ("Sede: Torino, lavoro ibrido", "hybrid"),
    ("Modalità di lavoro: da remoto", "remote"),
    ("Tryb pracy: praca zdalna", "remote"),
    ("Praca stacjonarna, Gdańsk", "onsite"),
    ("勤務地：大阪市（フルリモート可）", "remote"),
    ("勤務地：東京都港区、週3日出社", "hybrid"),
])
def test_work_modes_of_the_packs(text, mode):
    import jdparse

    got = jdparse.parse(f"Analist\nAcme\n{text}\n\nWe analyse data.\n").work_mode
    assert got is not None and got.value == mode
