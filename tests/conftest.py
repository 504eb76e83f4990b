"""Shared fixtures: the installed command, the seed posting, small postings of our own."""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent

# The tests use a start-up cache folder of their own, never the user's.
_CACHE_DIR = Path(__import__("tempfile").mkdtemp(prefix="jdparse-test-cache-"))
os.environ["XDG_CACHE_HOME"] = str(_CACHE_DIR)
SEEDS = ROOT / "seeds"


def jdparse_argv() -> list[str]:
    """Return the argv of the installed ``jdparse`` command (the console script)."""
    exe = shutil.which("jdparse")
    if exe is None:
        # The console script lives beside the interpreter when installed into a venv.
        cand = Path(sys.executable).with_name("jdparse")
        if not cand.exists():
            pytest.fail("the jdparse command is not installed: run pip install -e '.[test]'")
        exe = str(cand)
    return [exe]


def run_cli(*args: str, input: bytes | None = None, cwd=None, env=None) -> subprocess.CompletedProcess:
    """Run the installed command; return the completed process (bytes out, bytes err)."""
    e = dict(os.environ)
    e.pop("JDPARSE_RULES", None)
    if env:
        e.update(env)
    return subprocess.run(
        [*jdparse_argv(), *args], input=input if input is not None else b"", capture_output=True,
        cwd=cwd, env=e, timeout=120,
    )


def parse_json(posting: str, *args: str) -> dict:
    """Parse ``posting`` (piped in) with the installed command, ``--format json --evidence`` and
    ``args``; return its JSON record (the command must succeed)."""
    import json

    proc = run_cli("parse", "--format", "json", "--evidence", *args, input=posting.encode("utf-8"))
    assert proc.returncode == 0, proc.stderr
    return json.loads(proc.stdout)


def parse_with_rules(tmp_path, rules: str | None, posting: str) -> dict:
    """Parse ``posting`` with the installed command, with a rules file holding ``rules`` (None:
    the package's alone); return its JSON record (the command must succeed)."""
    import json

    path = tmp_path / "p.txt"
    path.write_text(posting, encoding="utf-8")
    args = ["parse", str(path), "--format", "json"]
    if rules is not None:
        rules_path = tmp_path / "r.yaml"
        rules_path.write_text(rules, encoding="utf-8")
        args += ["--rules", str(rules_path)]
    proc = run_cli(*args)
    assert proc.returncode == 0, proc.stderr
    return json.loads(proc.stdout)


@pytest.fixture
def cli():
    return run_cli


POSTING = """Senior Data Engineer
Northwind Labs
Berlin, Germany · Hybrid · Full-time

About the role
You will build the pipelines that feed our pricing models.

What you'll do
• Design batch and streaming pipelines in Python
• Own data quality checks end to end

Requirements
• 5+ years of experience in data engineering
• Strong SQL
• Experience with Kafka is a plus

Benefits
• 30 days of paid holiday
• Learning budget

Salary: €70,000 – €85,000 per year
"""


@pytest.fixture
def posting_text() -> str:
    return POSTING


def case_table(name: str, key: str = "text") -> tuple[list[dict], list]:
    """Return (rows, pytest params) of ``tests/cases/NAME.yaml``.

    Each row is one case, named by its ``key`` field; a row with ``xfail:
    reason`` is a known miss and runs as a strict xfail, so a fix has to move it.
    """
    import yaml

    rows = yaml.safe_load((Path(__file__).parent / "cases" / f"{name}.yaml").read_text(encoding="utf-8"))
    params = [
        pytest.param(row, id=str(row[key]),
                     marks=[pytest.mark.xfail(reason=row["xfail"], strict=True)] if row.get("xfail") else [])
        for row in rows
    ]
    return rows, params


def check_table_size(rows: list[dict], key: str = "text", at_least: int = 30) -> None:
    """Assert a case table has enough rows, each named uniquely."""
    assert len(rows) >= at_least
    assert len({row[key] for row in rows}) == len(rows), "row names must be unique"


def check_spans(text: str, matches, value_ok, rule_ok) -> None:
    """Assert every match slices a non-empty part of ``text`` and carries a valid value and rule."""
    for m in matches:
        assert 0 <= m.start < m.end <= len(text), m
        assert text[m.start:m.end].strip(), m
        assert value_ok(m.value), m
        assert rule_ok(m.rule), m


def header_line_posting(line: str) -> str:
    """Return a short posting whose header holds ``line`` under its title, company and place
    (the posting the field tests read one header line in)."""
    return f"Data Analyst\nAcme Corp\nDenver, CO\n{line}\n\nWe analyse data.\n"
