"""Salary extractor: the case table in cases/salary.yaml, plus properties."""
from __future__ import annotations

import json
from pathlib import Path

import pytest
import yaml

import jdparse
from jdparse.extract.salary import SALARY_THRESHOLD, SalaryMatch, find_salaries
from conftest import header_line_posting, parse_json, parse_with_rules

CASES = yaml.safe_load((Path(__file__).parent / "cases" / "salary.yaml").read_text("utf-8"))


def _params():
    for row in CASES:
        marks = [pytest.mark.xfail(strict=True, reason=row["xfail"])] if row.get("xfail") else []
        yield pytest.param(row, id=row["text"], marks=marks)


def _best(matches: list[SalaryMatch]) -> SalaryMatch | None:
    """Return the most confident match, the first on a tie (as the pipeline picks)."""
    return max(matches, key=lambda m: m.confidence, default=None)


@pytest.mark.parametrize("row", list(_params()))
def test_case(row):
    text = row["text"]
    matches = find_salaries(text, labelled=row.get("labelled", False))
    for m in matches:
        assert 0 <= m.start < m.end <= len(text)
    if row.get("none"):
        assert [m for m in matches if m.confidence >= SALARY_THRESHOLD] == []
        return
    best = _best(matches)
    assert best is not None, "no salary found"
    assert best.confidence >= SALARY_THRESHOLD
    got = {
        "min": best.min, "max": best.max, "currency": best.currency, "period": best.period,
    }
    want = {k: row[k] for k in got}
    assert got == want
    if "matched" in row:
        assert text[best.start:best.end] == row["matched"]


def test_table_is_big_enough():
    assert len(CASES) >= 40
    texts = [row["text"] for row in CASES]
    assert len(texts) == len(set(texts)), "case ids must be unique"


def test_annualized_and_rule_ids():
    (m,) = find_salaries("$35–$38/hr")
    assert (m.annualized_min, m.annualized_max) == (35 * 2080, 38 * 2080)
    assert m.rule == "salary.range"
    (m,) = find_salaries("up to $140k")
    assert (m.rule, m.min, m.annualized_max) == ("salary.up_to", None, 140000)
    (m,) = find_salaries("Starting from $400")
    assert (m.rule, m.max, m.annualized_min) == ("salary.from", None, None)
    (m,) = find_salaries("€85k p.a.")
    assert m.rule == "salary.single"
    (m,) = find_salaries("€4,000 per month")
    assert m.annualized_min == 48000


def test_text_order_and_swapped_range():
    text = "Salary: $90k-$110k. Contractors: $60/hr"
    assert [text[m.start:m.end] for m in find_salaries(text)] == ["$90k-$110k", "$60/hr"]
    assert find_salaries("$120k - $80k") == []


def test_keyword_raises_confidence():
    plain = _best(find_salaries("$90k"))
    keyed = _best(find_salaries("Salary: $90k"))
    assert keyed.confidence > plain.confidence >= SALARY_THRESHOLD


def test_bare_range_needs_a_label():
    assert find_salaries("80-95k") == [] or _best(find_salaries("80-95k")).confidence < SALARY_THRESHOLD
    assert _best(find_salaries("80-95k", labelled=True)).confidence >= SALARY_THRESHOLD


def test_crlf_and_offsets_agree():
    text = "Title\r\nSalary: €50.000 - €60.000 brutto/Jahr\r\n"
    (m,) = find_salaries(text)
    assert text[m.start:m.end] == "€50.000 - €60.000 brutto/Jahr"
    (n,) = find_salaries(text.replace("\r\n", "\n"))
    assert (m.min, m.max, m.currency, m.period) == (n.min, n.max, n.currency, n.period)


# Inputs that would take quadratic time with an unbounded or nested
# quantifier; kept under 1 MB so the suite stays quick.  Nothing is asserted
# about time, only that the call returns.
def test_long_digits_and_spaces_return():
    import random

    rng = random.Random(7)
    text = "".join(rng.choice("0123456789      ") for _ in range(1_000_000))
    assert isinstance(find_salaries(text), list)


def test_repeated_dollar_ranges_return():
    assert isinstance(find_salaries("$1-" * 200_000), list)


def test_long_number_runs_return():
    assert find_salaries("9" * 1_000_000) == []
    assert isinstance(find_salaries("1 000 " * 150_000), list)


def test_user_rules_reset_the_compiled_tables():
    from jdparse import rules

    assert find_salaries("₿2,000 per month") == [] or find_salaries("₿2,000 per month")[0].currency is None
    rules.use_user_rules(({"currencies": {"currencies": {"₿": "BTC"}}},))
    try:
        (m,) = find_salaries("₿2,000 per month")
        assert (m.currency, m.min, m.period) == ("BTC", 2000, "month")
    finally:
        rules.use_user_rules(())
    assert all(m.currency != "BTC" for m in find_salaries("₿2,000 per month"))


hypothesis = pytest.importorskip("hypothesis")
from hypothesis import given, settings, strategies as st  # noqa: E402

_PIECES = st.sampled_from(
    ["$", "€", "USD", "k", "K", "-", "–", " to ", " ", "1", "20", "000", ",", ".", "/hr",
     " per year", "salary ", "up to ", "between ", " and ", "bonus", "%", "\n", "¥", "元", "R$"]
)


@settings(max_examples=200, deadline=None)
@given(st.one_of(st.text(max_size=80), st.lists(_PIECES, max_size=25).map("".join)), st.booleans())
def test_never_raises_and_spans_in_bounds(text, labelled):
    last = 0
    for m in find_salaries(text, labelled=labelled):
        assert last <= m.start < m.end <= len(text)
        last = m.end
        assert m.min is None or m.max is None or m.min <= m.max
        assert m.period in (None, "hour", "day", "week", "month", "year")


# --- helpers of the scan: each agrees with the plain form it stands for --------

import bisect  # noqa: E402
import random  # noqa: E402
import re  # noqa: E402

from jdparse.extract import salary as _sal  # noqa: E402

_MIXED = "0123456789 \t\n$€¥,.-/kKmMeuroUSDyearsft’•é😀١۲߃५１𝟎Ａ\ud800年薪元"


def _random_texts(alphabet, n=300, size=60, seed=1):
    rng = random.Random(seed)
    return ["".join(rng.choice(alphabet) for _ in range(rng.randrange(size))) for _ in range(n)]


def test_digit_positions_are_what_backslash_d_finds():
    every = "".join(chr(c) for c in range(0x110000))
    assert _sal._digit_positions(every) == [m.start() for m in re.finditer(r"\d", every)]
    for text in _random_texts(_MIXED):
        got = _sal._digit_positions(text)
        assert got is None or got == [m.start() for m in re.finditer(r"\d", text)]


def test_other_digits_table_matches_this_python():
    import unicodedata

    if unicodedata.unidata_version != _sal._OTHER_ZEROS_UNICODE:
        assert _sal._other_digits() is None
        return
    others = {chr(c) for c in range(0x80, 0x110000) if re.match(r"\d", chr(c))}
    short, long = _sal._other_digits()
    assert set("".join(short.values()) + "".join(long.values())) == others


def test_lower_is_ascii_only_lower_casing():
    for text in _random_texts(_MIXED + "ABCXYZÉİẞ"):
        assert _sal._lower(text) == text.translate(_sal._ASCII_LOWER)


def test_trie_finds_what_the_longest_first_alternation_finds():
    words = ["rs", "r", "rs.", "us$", "$", "euro", "euros", "eur", "a$", "ft", "薪", "工资", "x"]
    plain = re.compile("|".join(map(re.escape, sorted(words, key=lambda w: (-len(w), w)))))
    trie = re.compile(_sal._trie([re.escape(ch) for ch in w] for w in words))
    for text in _random_texts("rsu$.eoaftx薪工资 ", size=40):
        assert [m.span() for m in plain.finditer(text)] == [m.span() for m in trie.finditer(text)]


def test_context_trie_searches_like_the_alternation():
    words = ["bonus", "equity", "*voucher", "reimburs*", "401", "in sales", "融资", "share", "series"]
    plain = re.compile(_sal._context_alt(words))
    trie = re.compile(_sal._context_trie(words))
    pieces = ["bonus", "bonuses", "equity", "voucher", "catavoucher", "reimbursed", "401", "in  sales",
              "融资", "share", "shares", "series", "x", " ", "-", "a"]
    rng = random.Random(3)
    for _ in range(500):
        text = "".join(rng.choice(pieces) for _ in range(rng.randrange(6)))
        assert (plain.search(text) is None) == (trie.search(text) is None), text


def test_near_counts_the_triggers_one_scan_finds():
    t = _sal._compiled()
    rng = random.Random(5)
    pieces = ["rs", "rs.", "us", "$", "usd", "euros", "pay", " ", "x" * 30, "1", "ft", "salary"]
    for _ in range(300):
        low = "".join(rng.choice(pieces) for _ in range(rng.randrange(40)))
        chain = [m.start() for m in t.trigger.finditer(low)]
        near = _sal._Near(t, low)
        for d in sorted(rng.sample(range(len(low) + 1), min(8, len(low) + 1))):
            i = bisect.bisect_left(chain, d - 80)
            assert near(d) == (i < len(chain) and chain[i] <= d + 60), (low, d)


def _clause_before_plain(text, pos, width):
    window = text[max(0, pos - width):pos]
    last = None
    for last in re.finditer(r"[\n;|•+()\[\]]|,[ \t]|[.!?][ \t]", window):
        pass
    return window[last.end():] if last else window


def _clause_after_plain(text, pos, width):
    window = text[pos:pos + width]
    first = re.search(r"[\n;|•+()\[\]]|,[ \t]|[.!?][ \t]|[ \t](?:and|plus|&)[ \t]", window)
    return window[:first.start()] if first else window


def test_clause_windows_agree_with_reading_each_window():
    for text in _random_texts("ab .,;\t\n!?+&", n=400, size=120, seed=7) + _random_texts(
        ["and", "plus", " ", "x", ", ", ". ", "&", "yy"], n=400, size=60, seed=8
    ):
        text = "".join(text)
        for pos in range(0, len(text) + 1, 3):
            s40, s50, s60 = _sal._clause_starts(text, pos)
            assert [text[s40:pos], text[s50:pos], text[s60:pos]] == [
                _clause_before_plain(text, pos, w) for w in (40, 50, 60)
            ]
            e40, e30 = _sal._clause_ends(text, pos)
            assert [text[pos:e40], text[pos:e30]] == [_clause_after_plain(text, pos, w) for w in (40, 30)]


def _reference_scan(text, labelled):
    """The scan as first written: every trigger of the text listed, every number near one read."""
    if re.search(r"\d", text) is None:
        return []
    t = _sal._compiled()
    low = text.translate(_sal._ASCII_LOWER)
    triggers = [] if labelled else [m.start() for m in t.trigger.finditer(low)]
    out, last_end = [], 0
    for run in re.finditer(r"\d+", low):
        d = run.start()
        if d < last_end:
            continue
        if not labelled:
            i = bisect.bisect_left(triggers, d - 80)
            near = i < len(triggers) and triggers[i] <= d + 60
            if not near and not t.multiplier_near.match(low, run.end()):
                continue
        start, cur = d, None
        if _sal._last_char(low, d, 2) in t.currency_last:
            cur = t.currency_end.search(low, max(last_end, d - 16), d)
        if cur:
            start = cur.start()
        elif d and low[d - 1] in _sal._GLUED_BEFORE:
            continue
        elif d > 1 and low[d - 1] == "-" and low[d - 2].isalpha() or low[d] == "0" and low[d + 1:d + 2].isdecimal():
            continue  # a code's number ("REQ-1200", "0417")
        elif (len(run.group()) == 3 and low[d - 1:d] == " " and (prev := re.search(r"(?<=[^\W\d_])\d+ $", low[:d]))
              and prev.end() == d):
            continue  # the thousands of a number glued to letters ("R16 500")
        intro = None
        if start > last_end and _sal._last_char(low, start, 3) in t.intro_last:
            intro = t.intro_end.search(low, max(last_end, start - 30), start)
        kind = intro.lastgroup if intro else None
        body = (t.body_between if kind == "between" else t.body).match(low, start)
        if body is None:
            continue
        last_end = body.end()
        found = _sal._judge(t, body, intro.start() if intro else start, kind, low, labelled)
        if found is not None:
            out.append(found)
    return out


_SALARYISH = ["$", "€", "USD", "eur", "k", "K", "-", "–", " to ", " ", "  ", "1", "20", "000", "2024", ",", ".",
              "/hr", " per year", "Salary ", "pay", "up to ", "between ", " and ", "bonus", "%", "\n", "¥",
              "years", "rs", "x" * 30, "lorem ipsum dolor sit amet ", "from ", "¥", "元", "R$", "lpa", "9",
              "x" * 9, "y" * 17, "z" * 44, "rs.", "us$", "around ", "a ", ")", "(", ", ", ";", "è", "150",
              "2019", "1999"]


def test_scan_reads_numbers_as_the_plain_scan_does():
    rng = random.Random(11)
    for _ in range(1500):
        text = "".join(rng.choice(_SALARYISH) for _ in range(rng.randrange(60)))
        for labelled in (False, True):
            want = _reference_scan(text, labelled)
            assert find_salaries(text, labelled=labelled) == want, (text, labelled)
            reader = _sal._Reader(text, SALARY_THRESHOLD)
            assert reader.find(0, len(text), labelled) == [m for m in want if m.confidence >= SALARY_THRESHOLD]


def test_user_currency_alias_written_with_more_blanks():
    """A multi-word currency alias of a user rule reads the same with two blanks (or a tab) inside."""
    from jdparse import rules

    rules.use_user_rules((rules.parse_user_rules("currencies:\n  currencies:\n    us dollar: USD\n"),))
    try:
        for gap in (" ", "  ", " \t"):
            (m,) = find_salaries(f"Pay: 120000 us{gap}dollar per year")
            assert (m.min, m.max, m.currency, m.period) == (120000.0, 120000.0, "USD", "year")
            assert m.end == len(f"Pay: 120000 us{gap}dollar per year")
    finally:
        rules.use_user_rules(())


def test_searches_from_the_word_starts_find_what_the_plain_search_finds():
    t = _sal._compiled()
    pieces = ["per year", "per  hour", "monthly", "annual", "yearly", "up to", "up  to ", "from ", "between ",
              "about ", "environ ", "bis zu ", "x", "ly", " ", "-", "a", "é", "年薪", "(", "to "]
    rng = random.Random(13)
    for _ in range(1500):
        s = "".join(rng.choice(pieces) for _ in range(rng.randrange(8)))
        for full, starts in ((t.period_before, t.period_before_start), (t.intro_end, t.intro_start)):
            for pos, endpos in ((0, len(s)), (min(2, len(s)), len(s)), (0, max(0, len(s) - 1))):
                want, got = full.search(s, pos, endpos), _sal._search(full, starts, s, pos, endpos)
                assert (want and (want.span(), want.lastgroup)) == (got and (got.span(), got.lastgroup)), s


def test_a_number_no_amount_part_can_follow_is_matched_alone():
    t = _sal._compiled()
    pieces = ["5", "150", "2024", " ", "  ", "\t", "years", "k", "m", "€", "usd", "per year", "to ", "and ",
              "-", "x", "people", ".", ",", "0", "yr", "/", "(", "\u00a0", "000", "y ", "y", "in", "i ",
              "ed ", "edition", "a", "al"]
    rng = random.Random(17)
    for _ in range(2000):
        low = "".join(rng.choice(pieces) for _ in range(rng.randrange(10)))
        for run in re.finditer(r"\d+", low):
            d, de = run.span()
            if de < len(low) and low[de] in " \t":
                q = _sal._skip_blanks(low, de + 1, 2)
                if t.body_resume.match(low, q) is None:
                    for body in (t.body, t.body_between):
                        m = body.match(low, d)
                        assert m is None or m.end() == de or de - d > 9, low


def test_an_amount_glued_to_its_currency_in_a_header_line_keeps_its_currency_and_period():
    # "25kRMB" is an amount and its unit, not two tags glued together
    # ("EuropeCyprusHybrid"): the header line is read whole.
    text = ("[\u6df1\u5733/\u8fdc\u7a0b] \u661f\u6cb3 StarRiver\u516c\u53f8\u8bda\u8058 UI/UX\u8bbe\u8ba1\u5e08 "
            "\u85aa\u6c3410-25kRMB/\u6708\n\n\u5c97\u4f4d\u804c\u8d23\n1. \u8d1f\u8d23\u4ea7\u54c1\u754c\u9762\u8bbe\u8ba1\n")
    s = jdparse.parse(text).to_dict()["salary"]
    assert (s["min"], s["max"], s["currency"], s["period"], s["text"]) == (10000, 25000, "CNY", "month", "10-25kRMB/\u6708")


@pytest.mark.parametrize("place,pay,currency", [
    ("Melbourne, Victoria", "Pay: $28.50/hour", "AUD"),
    ("Toronto, ON", "Salary: $90,000 - $110,000", "CAD"),
    ("Toronto, ON", "Salary: US$90,000 - US$110,000", "USD"),   # written as US dollars
    ("Austin, TX", "Salary: $90,000 - $110,000", "USD"),
    ("Sydney, NSW; Austin, TX", "Salary: $90,000 - $110,000", "USD"),  # places disagree
    ("Remote", "Salary: $90,000 - $110,000", "USD"),  # no country
])
def test_a_bare_dollar_is_the_currency_of_the_country_the_job_is_in(place, pay, currency):
    posting = jdparse.parse(f"Barista\nHarbour Roasters\n{place}\n\n{pay}\n")
    assert posting.salary.currency == currency
    assert posting.salary.rule.endswith("+salary.dollar_country") == (currency not in ("USD",))


def test_a_bare_dollar_read_by_place_through_the_command(cli):
    done = cli("parse", "--format", "json", input="Barista\nHarbour Roasters\nMelbourne, Victoria\n\nPay: $28.50/hour\n".encode())
    assert done.returncode == 0, done.stderr
    salary = json.loads(done.stdout)["salary"]
    assert (salary["currency"], salary["min"], salary["period"]) == ("AUD", 28.5, "hour")


@pytest.mark.parametrize("place,pay,currency", [
    ("Oslo, Norge", "Lønn: 55 000 kr per måned", "NOK"),
    ("København, Danmark", "Løn: 45.000 kr./md.", "DKK"),
    ("Stockholm", "Lön: 45 000 kr/mån", "SEK"),           # the sign's usual currency
    ("Oslo, Norway", "Salary: 600 000 SEK per year", "SEK"),  # an ISO code keeps it
    ("Oslo, Norway / Stockholm, Sweden", "Salary: 600 000 kr per year", "SEK"),  # places disagree
])
def test_a_bare_crown_sign_is_the_currency_of_the_country_the_job_is_in(place, pay, currency):
    posting = jdparse.parse(f"Utvikler\nFjordlys AS\n{place}\n\n{pay}\n")
    assert posting.salary.currency == currency
    assert posting.salary.rule.endswith("+salary.sign_country") == (currency in ("NOK", "DKK"))


def test_a_sign_read_by_place_comes_from_the_rules_file(tmp_path):
    # sign_countries is data: a user file can give "kr" a country it lacks.
    posting = "Utvikler\nFjordlys AS\nTórshavn, Faroe Islands\n\nLøn: 30.000 kr. om måneden\n"
    assert parse_with_rules(tmp_path, None, posting)["salary"]["currency"] == "DKK"
    rules = "currencies:\n  sign_countries:\n    kr:\n      FO: ISK\n"
    assert parse_with_rules(tmp_path, rules, posting)["salary"]["currency"] == "ISK"


@pytest.mark.parametrize("line,period", [
    # The label's own words give the period its value lacks.
    ("Hourly rate: $18.00 - $21.00", "hour"),
    ("Day rate: £550 - £600", "day"),
    ("Monthly salary: 3.500 €", "month"),
    # A label named by a keyword of its name, not its whole name.
    ("Annual gross salary: EUR 50,000 - 60,000", "year"),
    ("Monthly gross salary: 4000-5000 EUR", "month"),
    # A label that holds a digit is read from its value only.
    ("Salary 2027: $150,000 - $170,000", "year"),
])
def test_a_salary_label_gives_its_period(line, period):
    import jdparse

    got = jdparse.parse(header_line_posting(line)).salary
    assert got is not None and got.period == period
    assert got.text == line.split(": ", 1)[1]  # the amount as written, the label left out


@pytest.mark.parametrize("line,want", [
    # A field of a piped header line labelled as pay is read as a label, its words giving the period.
    ("Posted 20 Nov 2026 | Budget: $35-50/hr | Est. 10-15 hrs/week | Remote", (35, 50, "USD", "hour")),
    ("Remote · Hourly budget: $35-50", (35, 50, "USD", "hour")),
    ("Remote | Marketing budget: $2M", None),
])
def test_a_salary_label_inside_a_header_line(line, want):
    from conftest import parse_json

    got = parse_json(f"Logo Designer\n{line}\n\nDetails\nWe need a logo.\n")["salary"]
    assert (got and (got["min"], got["max"], got["currency"], got["period"])) == want


@pytest.mark.parametrize("line,want", [
    # A freelance board's "Budget:" names the pay: the label's "budget" is no
    # company money, as it is in a clause ("a marketing budget of $2M").
    ("Budget: $60-80 per hour", (60, 80, "USD", "hour")),
    ("Budget: $5,000", (5000, 5000, "USD", None)),
    # Its other words still give the period ("Hourly budget" is by the hour).
    ("Hourly budget: $60-80", (60, 80, "USD", "hour")),
    ("Monthly budget: 4000-5000 EUR", (4000, 5000, "EUR", "month")),
    ("Daily budget: 400-500 EUR", (400, 500, "EUR", "day")),
    ("TJM : 550 € / jour", (550, 550, "EUR", "day")),
    # A label of other words with "budget" in it stays no pay.
    ("Marketing budget: $2M", None),
    ("Relocation: $5,000", None),
])
def test_a_budget_label_is_pay(line, want):
    import jdparse

    got = jdparse.parse(header_line_posting(line)).salary
    assert (got and (got.min, got.max, got.currency, got.period)) == want


def test_budget_in_a_sentence_is_still_no_pay(cli):
    text = ("Marketing Lead\nAcme\n\nAbout the role\nYou will own a budget of $2,000,000 a year.\n")
    r = cli("parse", "--format", "json", input=text.encode())
    assert r.returncode == 0, r.stderr
    import json

    assert json.loads(r.stdout)["salary"] is None


@pytest.mark.parametrize("text,currency,period", [
    # An amount with no currency takes the job's country's, and the period it implies there.
    ("高级Java开发工程师\n杭州云栖科技有限公司\n杭州 | 3-5年 | 本科 | 25-40K·14薪\n", "CNY", "month"),
    ("Data Analyst\nAcme Corp\nDenver, CO\nSalary: 85-95k\n", "USD", "year"),
    ("Data Analyst\nAcme GmbH\nBerlin, Germany\nGehalt: 60.000 - 75.000 brutto\n", "EUR", "year"),
    ("QA Engineer\nArcadia Systems\nLOCATION:  Yerevan, Armenia\nREMUNERATION/ SALARY:  150,000 - 200,000 monthly\n",
     "AMD", "month"),
    # Places in two countries, or none: no currency is given.
    ("Data Analyst\nAcme Corp\nLondon, UK or New York, NY\nSalary: 85-95k\n", None, None),
    ("Data Analyst\nAcme Corp\nSalary: 85-95k\n", None, None),
])
def test_an_amount_without_a_currency_takes_the_job_country_s(text, currency, period):
    import jdparse

    got = jdparse.parse(text).salary
    assert got is not None and (got.currency, got.period) == (currency, period)
    if currency is not None:
        assert got.rule.endswith("+salary.currency_by_place")


def test_the_characters_kept_beside_the_phone_and_date_patterns_are_theirs():
    # _judge runs _PHONE_OR_DATE_BEFORE only when the character before the amount is a digit or one
    # of _PHONE_OR_DATE_LAST, and _DATE_AFTER only after one of _DATE_AFTER_FIRST: every match ends
    # (before a final newline) and starts so.
    from jdparse.extract import salary as s

    chars = [chr(c) for c in range(0x250)] + ["\u2013", "\u2014", "\u00a0", "\u3000", "\uff09", "\uff0b"]
    for before in ("", "+", "+1", "+44 ", "(415)", "(415) ", "10", "10/", "tel ", "x"):
        for c in chars:
            for tail in ("", "\n"):
                w = before + c + tail
                last = w[-2] if w[-1] == "\n" and len(w) > 1 else w[-1]  # (as _judge reads it)
                if s._PHONE_OR_DATE_BEFORE.search(w):
                    assert last in s._PHONE_OR_DATE_LAST or last.isdecimal(), repr(w)
            if s._DATE_AFTER.match(c + "5"):
                assert c in s._DATE_AFTER_FIRST, repr(c)


def test_a_word_list_emptied_by_the_users_rules_reads_no_word(tmp_path):
    # currencies.or_more emptied under replace: no amount is a minimum by it, and pay still reads.
    from conftest import parse_with_rules

    record = parse_with_rules(tmp_path, "currencies:\n  replace:\n    or_more: []\n",
                              "Data Analyst\nAcme Ltd\n\nSalary: $90,000 a year\n")
    salary = record["salary"]
    assert (salary["min"], salary["max"], salary["currency"]) == (90000, 90000, "USD")


@pytest.mark.parametrize("line,want", [
    # A line alone between blank lines, named by a keyword of its name (not a label's whole
    # name): a salary label with its value, not a heading of the salary section.
    ("Annual salary: 50,000 - 60,000 EUR", (50000, 60000, "EUR", "year")),
    ("Gross salary: 50,000-60,000 EUR", (50000, 60000, "EUR", "year")),
    ("Monthly salary: 4000-5000 EUR", (4000, 5000, "EUR", "month")),
])
def test_a_keyword_salary_label_alone_between_blank_lines(line, want):
    import jdparse

    got = jdparse.parse(f"Data Analyst\n\n{line}\n\nRequirements\n- SQL\n").salary
    assert (got and (got.min, got.max, got.currency, got.period)) == want


def test_a_keyword_salary_label_through_the_command():
    from conftest import parse_json

    got = parse_json("Data Analyst\n\nAnnual salary: 50,000 - 60,000 EUR\n\nRequirements\n- SQL\n")["salary"]
    assert (got["min"], got["max"], got["currency"], got["period"]) == (50000, 60000, "EUR", "year")


@pytest.mark.parametrize("line,want", [
    # Crowns without a period: tens of thousands a month's pay, from 200 000 a year's
    # (currencies.yaml monthly_if_within and annual_if_at_least.by_currency).
    ("Lønn: NOK 850 000 – 1 000 000", (850000, 1000000, "NOK", "year")),
    ("Lön: 35 000 – 45 000 SEK", (35000, 45000, "SEK", "month")),
    ("Løn: DKK 42.000", (42000, 42000, "DKK", "month")),
    # Between the two: no period.
    ("Lønn: NOK 120 000", (120000, 120000, "NOK", None)),
])
def test_crowns_without_a_period(line, want):
    import jdparse

    got = jdparse.parse(f"Utvikler\nFjordline AS\n\n{line}\n\nKrav\n- Swift\n").salary
    assert (got and (got.min, got.max, got.currency, got.period)) == want


def test_crowns_without_a_period_through_the_command():
    from conftest import parse_json

    got = parse_json("Utvikler\nFjordline AS\n\nLønn: NOK 850 000 – 1 000 000\n\nKrav\n- Swift\n")["salary"]
    assert (got["period"], got["annualized"]) == ("year", {"min": 850000, "max": 1000000})


def test_a_referral_payment_is_no_pay():
    from conftest import parse_json

    got = parse_json("Warehouse Associate\nIronbark Logistics\n\nIronbark Logistics is an equal opportunity "
                     "employer. Employees who refer a hire receive $2,000.\n")
    assert got["salary"] is None


@pytest.mark.parametrize("line,want", [
    # Rupees without a period: from three lakh a year's pay (annual_if_at_least.by_currency),
    # below a lakh a month's (monthly_if_within), between the two no period.
    ("Salary: INR 15,00,000 - 20,00,000", (1500000, 2000000, "INR", "year")),
    ("Stipend: INR 25,000", (25000, 25000, "INR", "month")),
    ("Salary: INR 80,000 - 1,20,000", (80000, 120000, "INR", None)),
])
def test_rupees_without_a_period(line, want):
    import jdparse

    got = jdparse.parse(f"Data Engineer\nTulpa Tech\nPune\n\n{line}\n\nResponsibilities\n- Build pipelines\n").salary
    assert (got and (got.min, got.max, got.currency, got.period)) == want


def test_rupees_without_a_period_through_the_command():
    from conftest import parse_json

    got = parse_json("Data Engineer\nTulpa Tech\nPune\n\nCTC: INR 15,00,000 - 20,00,000\n")["salary"]
    assert (got["period"], got["annualized"]) == ("year", {"min": 1500000, "max": 2000000})


@pytest.mark.parametrize("ref", ["Ref: KFP-PA-0417", "Job ID: REQ-1200", "Vacancy number 0417"])
def test_a_reference_code_s_number_is_no_pay(ref):
    text = (f"Payroll Administrator\nCompany: Kestrel Freight\nLocation: Johannesburg, Gauteng\n"
            f"Salary: market related\n{ref}\n\nDuties\n- Run the payroll\n")
    assert jdparse.parse(text).salary is None


def test_a_reference_code_s_number_is_no_pay_through_the_command():
    assert parse_json("Payroll Administrator\nCompany: Kestrel Freight\nLocation: Johannesburg, Gauteng\n"
                      "Salary: market related\nRef: KFP-PA-0417\n\nDuties\n- Run the payroll\n")["salary"] is None
    got = parse_json("Payroll Administrator\nCompany: Kestrel Freight\nLocation: Johannesburg, Gauteng\n"
                     "Salary: ZAR 30 000 per month\nRef: KFP-PA-0417\n\nDuties\n- Run the payroll\n")["salary"]
    assert (got["min"], got["currency"], got["period"]) == (30000, "ZAR", "month")


@pytest.mark.parametrize("pay,want", [
    ("Salary: R16 500 basic per month + commission", None),  # "R" glued to the digits: no alias, and no "500"
    ("Salary: R 16 500 per month", 16500),
    ("Pay: ZAR16 500 per month", 16500),
])
def test_the_thousands_of_a_number_glued_to_letters_are_no_amount(pay, want):
    got = parse_json(f"Sales Representative\nUmzila Beverages\nGermiston, South Africa\n\n{pay}\n")["salary"]
    assert (got["min"] if got else None) == want


def test_the_piped_fields_opening_a_prose_post_are_its_header():
    # A "Who is hiring" post: its fields, then its prose, in one paragraph; the pay among the
    # fields is the job's, not a take-home's fee further on.
    body = ("Tidewater Analytics | Senior Backend Engineer (Rust) | Portland, OR | REMOTE | $165k-$205k + equity | "
            "Full-time — We build tide forecasts for ports and our models run every 15 minutes for 140 harbors on "
            "three continents. We're 19 people and profitable. The interview is a call, a take-home that's capped "
            "at 3 hours and paid at $300, and a pairing session.\n")
    got = parse_json(body)
    assert (got["salary"]["min"], got["salary"]["max"]) == (165000, 205000)
    assert got["work_mode"] == "remote"
    assert got["employment_type"] == "full_time"


def test_the_header_s_short_lines_go_on_past_its_first_blocks():
    # No named section yet: the pay line under the tags is the header's, not the body's,
    # and a perk's amount further down is no salary.
    got = parse_json("Vaultgrain\n\nLead Security Engineer\n\nPosted Jan 14, 2025\n\nFull-Time\nRemote — EMEA\n"
                     "$150,000 – $185,000 USD\n\nAbout us\nWe secure grain.\n\nPerks\n• $2,500 per year for conferences\n")
    assert (got["salary"]["min"], got["salary"]["max"]) == (150000, 185000)


@pytest.mark.parametrize("pay,want", [
    # A starting rate and the rate it rises to: the pay's range (currencies.rising_to).
    ("Salary: £14.25 per hour, rising to £15.10 per hour after 12 weeks", (14.25, 15.1)),
    ("Starting wage: $24.87 per hour, progressing to $33.46 per hour at top step", (24.87, 33.46)),
    ("Salary: £14.25 per hour. Overtime at £21.40 per hour", (14.25, 14.25)),
])
def test_a_starting_rate_and_the_rate_it_rises_to_are_a_range(pay, want):
    got = parse_json(f"Forklift Operator\nKeystone Recruitment\nLeeds\n\n{pay}\n\nDuties\n- Load trucks\n")["salary"]
    assert (got["min"], got["max"]) == want


@pytest.mark.parametrize("line,want", [
    # A header tag that is a range in thousands alone: pay, in the currency of the job's country.
    ("深圳 | 25-40K", (25000, 40000, "CNY")),
    ("25k-40k /深圳 /经验5-10年", (25000, 40000, "CNY")),
    ("Berlin · Hybrid · 60-75k", (60000, 75000, "EUR")),
    ("Remote · 2-5k users", None),
])
def test_a_header_tag_of_a_range_in_thousands_is_pay(line, want):
    got = parse_json(f"Senior Product Manager\nLanhai Cloud\n{line}\n\nAbout the role\nYou will plan the roadmap.\n")["salary"]
    assert ((got["min"], got["max"], got["currency"]) if got else None) == want
