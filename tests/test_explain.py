"""explain: how a posting was read, as data (explain_data) and on a terminal (render)."""
from __future__ import annotations

import io
import subprocess
import sys
from pathlib import Path

import pytest
from rich.console import Console

import jdparse
from conftest import SEEDS, run_cli
from jdparse.explain import explain_data, render

SEED = SEEDS / "tradingview-backend-architect.txt"
FIXTURES = Path(__file__).resolve().parent / "fixtures"
BRACKETS = FIXTURES / "brackets.txt"


def _rendered(text: str, width: int = 120) -> str:
    buf = io.StringIO()
    render(text, Console(file=buf, width=width, color_system=None))
    return buf.getvalue()


def _non_empty_fields(text: str) -> list[str]:
    d = jdparse.parse(text).to_dict()
    return [k for k, v in d.items() if k != "sections" and v not in (None, [])]


@pytest.fixture(scope="module")
def seed_text() -> str:
    return SEED.read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def seed_data(seed_text) -> dict:
    return explain_data(seed_text)


# --- explain_data ------------------------------------------------------------

def test_data_names_every_section(seed_text, seed_data):
    kinds = [kind for kind, _ in jdparse.parse(seed_text).sections]
    assert [s["kind"] for s in seed_data["sections"]] == kinds
    assert seed_data["sections"][0]["kind"] == "header"
    # every section kind shows up on the lines it holds
    line_kinds = {ln["section"] for ln in seed_data["lines"] if ln["block"] is not None}
    assert set(kinds) <= line_kinds


def test_data_names_every_non_empty_field(seed_text, seed_data):
    names = {f["field"] for f in seed_data["fields"]}
    expected = _non_empty_fields(seed_text)
    assert expected, "the seed should give some fields"
    assert set(expected) == names


def test_data_fields_carry_span_rule_and_source(seed_data):
    text = seed_data["text"]
    for f in seed_data["fields"]:
        assert text[f["start"]:f["end"]] == f["source"], f
        assert f["rule"] and "." in f["rule"], f
        assert text.count("\n", 0, f["start"]) + 1 == f["line"], f
        assert f["line"] <= f["end_line"], f


def test_data_list_items_are_counted(seed_text, seed_data):
    d = jdparse.parse(seed_text).to_dict()
    for name in ("requirements", "responsibilities", "benefits", "locations"):
        items = [f for f in seed_data["fields"] if f["field"] == name]
        assert [f["index"] for f in items] == list(range(len(d[name]))), name


def test_data_lines_are_every_line_with_section_and_rules(seed_text, seed_data):
    lines = seed_data["lines"]
    assert [ln["text"] for ln in lines] == seed_text.split("\n")
    assert [ln["line"] for ln in lines] == list(range(1, len(lines) + 1))
    headings = [ln for ln in lines if ln["block"] == "heading"]
    assert headings and all(ln["rule"].startswith("heading.") for ln in headings)
    assert any(ln["rule"] == "heading.exact" for ln in headings)
    boiler = [ln for ln in lines if ln["block"] == "boilerplate"]
    assert boiler and all(ln["rule"] == "boilerplate.line" for ln in boiler)
    # every non-blank line sits in some section
    assert all(ln["section"] for ln in lines if ln["block"] is not None)


def test_data_labels_show_their_rule():
    data = explain_data((FIXTURES / "mailing-list.txt").read_text(encoding="utf-8"))
    title_line = next(ln for ln in data["lines"] if ln["text"].startswith("TITLE:"))
    assert (title_line["block"], title_line["rule"], title_line["kind"]) == ("label", "label.known", "title")


def test_data_candidates_that_lost():
    data = explain_data((FIXTURES / "mailing-list.txt").read_text(encoding="utf-8"))
    assert data["candidates"], "the mailing-list fixture has a title and a company that lose"
    for c in data["candidates"]:
        assert c["field"] in ("title", "company")
        assert c["why"] and c["rule"] and c["line"] >= 1
        assert data["text"][c["start"]:c["end"]] == c["source"]


def test_data_wrapped_lines_are_marked_continued():
    data = explain_data((FIXTURES / "mailing-list.txt").read_text(encoding="utf-8"))
    wrapped = [ln for ln in data["lines"] if ln["continued"]]
    assert wrapped and all(ln["block"] == "label" for ln in wrapped)


@pytest.mark.parametrize("text", ["", "\n\n", "   ", "[Remote]", "x"], ids=repr)
def test_data_and_render_on_tiny_input(text):
    data = explain_data(text)
    assert len(data["lines"]) == text.count("\n") + 1
    _rendered(text)


def test_data_offsets_index_newline_normalised_text(seed_text):
    lf = explain_data(seed_text)
    crlf = explain_data(seed_text.replace("\n", "\r\n"))
    assert crlf["fields"] == lf["fields"] and crlf["text"] == lf["text"]


# --- render -------------------------------------------------------------------

def test_render_prints_every_section_kind_and_field(seed_text, seed_data):
    out = _rendered(seed_text)
    for s in seed_data["sections"]:
        assert s["kind"] in out
    for name in _non_empty_fields(seed_text):
        assert name in out
    for title in ("Sections", "Lines", "Fields", "Candidates that lost"):
        assert title in out
    assert "heading.exact" in out and "boilerplate.line" in out


def test_render_shows_line_col_rule_and_span(seed_text, seed_data):
    out = _rendered(seed_text)
    title = next(f for f in seed_data["fields"] if f["field"] == "title")
    assert f"{title['line']}:{title['col']}" in out and title["rule"] in out
    # without colour, the span is bracketed so it is still visible
    assert "\u27e6Backend Architect\u27e7" in out


def test_render_prints_square_brackets_literally():
    text = BRACKETS.read_text(encoding="utf-8")
    out = _rendered(text)
    assert "Staff Software Engineer [Remote]" in out
    assert "[Remote] [Full-time] [EU time zones]" in out
    assert "Strong [Go] or [Rust] skills" in out


def test_render_does_not_read_markup_or_emoji_codes():
    text = "Engineer [bold]now[/bold] :rocket:\nAcme [/]\n\nRequirements\n- [link=x]Go[/link] [/]\n"
    out = _rendered(text)
    assert "Engineer [bold]now[/bold] :rocket:" in out
    assert "Acme [/]" in out
    assert "[link=x]Go[/link] [/]" in out


def test_render_prints_a_tab_as_one_space_so_the_span_stays_aligned():
    out = _rendered("QA Lead\tAcme\nLOCATION:\tBerlin, Germany\n")
    assert "LOCATION: \u27e6Berlin, Germany\u27e7" in out
    assert "\t" not in out


def test_render_candidates_table():
    out = _rendered((FIXTURES / "mailing-list.txt").read_text(encoding="utf-8"))
    assert "BRIGHTLINE SOFTWARE" in out.split("Candidates that lost", 1)[1]
    assert "ranks higher" in out


def test_render_on_every_fixture():
    for path in sorted(FIXTURES.glob("*.txt")):
        out = _rendered(path.read_text(encoding="utf-8"), width=80)
        assert "Fields" in out, path.name


def test_importing_explain_does_not_import_rich():
    code = "import sys, jdparse.explain; sys.exit(1 if 'rich' in sys.modules else 0)"
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, timeout=60)
    assert proc.returncode == 0, "jdparse.explain imports rich at import time"


# --- the command ---------------------------------------------------------------

def test_command_explain(seed_data):
    proc = run_cli("explain", str(SEED))
    if proc.returncode == 2 and b"No such command" in proc.stderr:
        pytest.skip("the 'jdparse explain' command is not in jdparse/cli.py yet")
    assert proc.returncode == 0, proc.stderr
    out = proc.stdout.decode("utf-8")
    for s in seed_data["sections"]:
        assert s["kind"] in out
    for f in seed_data["fields"]:
        assert f["field"] in out
    assert "Backend Architect" in out


def test_a_second_salary_is_a_losing_candidate():
    text = ("Analyst\nAcme\nSalary: $90,000 - $110,000 per year\n\nBenefits\n- Relocation budget of $5,000\n\n"
            "We pay $85k to $100k for juniors.\n")
    posting = jdparse.parse(text)
    assert posting.salary.text == "$90,000 - $110,000 per year"
    lost = [c for c in posting.candidates if c.field == "salary"]
    assert [c.value for c in lost] == ["$85k to $100k"]
    assert "ranks higher" in lost[0].why
    data = explain_data(text)
    assert any(c["field"] == "salary" and c["value"] == "$85k to $100k" for c in data["candidates"])
