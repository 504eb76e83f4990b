"""Language packs: a whole posting in each language the data covers beyond the
first ones, read through the installed command (tests/fixtures/<language>.txt).

Each expectation is what a reader of that language takes out of the posting;
every field is compared, so a pack that loses a label, a heading, a period or
a level word fails here by name.
"""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from conftest import run_cli

FIXTURES = Path(__file__).resolve().parent / "fixtures"

EXPECTED = {
    "dutch": {
        "title": "Medior Frontend Developer (React)",
        "company": "Tulpsoft B.V.",
        "locations": [{"name": "Utrecht", "country": "NL", "kind": "city"}],
        "work_mode": None,
        "seniority": ["mid"],
        "employment_type": "full_time",
        "experience_years_min": 3,
        "salary": {"min": 3800, "max": 5200, "currency": "EUR", "period": "month",
                   "text": "€ 3.800 - € 5.200 per maand", "annualized": {"min": 45600, "max": 62400}},
        "requirements": ["Minimaal 3 jaar ervaring met React", "HBO werk- en denkniveau"],
        "nice_to_have": ["Ervaring met TypeScript is een pré"],
        "responsibilities": ["Je bouwt nieuwe features in onze webapp", "Je reviewt code van collega's"],
        "benefits": ["25 vakantiedagen", "Thuiswerkvergoeding", "Pensioenregeling"],
        "posted_date": "2026-11-12",
    },
    "italian": {
        "title": "Sviluppatore Java Senior",
        "company": "Lombarda Informatica S.r.l.",
        "locations": [{"name": "Milano", "country": "IT", "kind": "city"}],
        "work_mode": None,
        "seniority": ["senior"],
        "employment_type": "full_time",
        "experience_years_min": 5,
        "salary": {"min": 45000, "max": 55000, "currency": "EUR", "period": "year",
                   "text": "45.000 - 55.000 €", "annualized": {"min": 45000, "max": 55000}},
        "requirements": ["Almeno 5 anni di esperienza in Java", "Conoscenza di Spring e Kubernetes"],
        "nice_to_have": ["Esperienza con Kafka costituisce un plus"],
        "responsibilities": ["Progettare e sviluppare microservizi", "Collaborare con il team DevOps"],
        "benefits": ["Buoni pasto", "Assicurazione sanitaria integrativa"],
        "posted_date": None,
    },
    "polish": {
        "title": "Specjalista ds. Płac",
        "company": "Nordpol Services Sp. z o.o.",
        "locations": [{"name": "Kraków", "country": "PL", "kind": "city"}],
        "work_mode": "hybrid",
        "seniority": [],
        "employment_type": "full_time",
        "experience_years_min": 2,
        "salary": {"min": 7000, "max": 9000, "currency": "PLN", "period": "month",
                   "text": "7 000–9 000 zł brutto / mies.", "annualized": {"min": 84000, "max": 108000}},
        "requirements": ["Minimum 2 lata doświadczenia w kadrach i płacach", "Znajomość programu Symfonia",
                         "Dobra znajomość Excela"],
        "nice_to_have": ["Znajomość języka angielskiego"],
        "responsibilities": ["Naliczanie wynagrodzeń dla 600 pracowników", "Przygotowywanie deklaracji ZUS i PIT",
                             "Obsługa zapytań pracowników"],
        "benefits": ["Prywatna opieka medyczna", "Karta Multisport", "Dofinansowanie do nauki języków"],
        "posted_date": "2026-11-12",
    },
    "japanese": {
        "title": "バックエンドエンジニア（Go）",
        "company": "株式会社クラウドリンク",
        "locations": [{"name": "東京都渋谷区", "country": "JP", "kind": "city"}],
        # "リモートワーク可（週2日出社）" is said only among the benefits, with a part
        # of the week: as "Home office 2 days a week" there, not the job's mode.
        "work_mode": None,
        "seniority": [],
        "employment_type": "full_time",
        "experience_years_min": 3,
        "salary": {"min": 6000000, "max": 9000000, "currency": "JPY", "period": "year",
                   "text": "600万円〜900万円", "annualized": {"min": 6000000, "max": 9000000}},
        "requirements": ["Goでの開発経験3年以上", "RDBの設計経験"],
        "nice_to_have": ["Kubernetesの運用経験"],
        "responsibilities": ["決済APIの設計・開発", "マイクロサービスの運用改善"],
        "benefits": ["リモートワーク可（週2日出社）", "書籍購入補助"],
        "posted_date": None,
    },
}


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
