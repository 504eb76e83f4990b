"""The command end to end: the installed ``jdparse`` in a subprocess, and typer's runner."""
from __future__ import annotations

import json

import yaml
from typer.testing import CliRunner

from conftest import SEEDS, run_cli
from jdparse.cli import app

SEED = SEEDS / "tradingview-backend-architect.txt"
KEYS = ["title", "company", "locations", "work_mode", "seniority", "employment_type",
        "experience_years_min", "salary", "requirements", "nice_to_have", "responsibilities",
        "benefits", "posted_date"]


def test_yaml_is_the_default(tmp_path, posting_text):
    f = tmp_path / "p.txt"
    f.write_text(posting_text, encoding="utf-8")
    proc = run_cli("parse", str(f))
    assert proc.returncode == 0, proc.stderr
    data = yaml.safe_load(proc.stdout)
    assert list(data)[:13] == KEYS
    assert data["title"] == "Senior Data Engineer"
    assert proc.stderr == b""


def test_json_is_exactly_one_object(tmp_path, posting_text):
    f = tmp_path / "p.txt"
    f.write_text(posting_text, encoding="utf-8")
    proc = run_cli("parse", str(f), "--format", "json")
    assert proc.returncode == 0
    data = json.loads(proc.stdout)
    assert isinstance(data, dict) and list(data)[:13] == KEYS
    assert data["salary"]["currency"] == "EUR"


def test_jsonl_is_one_line(tmp_path, posting_text):
    f = tmp_path / "p.txt"
    f.write_text(posting_text, encoding="utf-8")
    proc = run_cli("parse", str(f), "--format", "jsonl")
    lines = proc.stdout.decode().splitlines()
    assert len(lines) == 1 and json.loads(lines[0])["company"] == "Northwind Labs"


def test_stdin_piped_and_dash(posting_text):
    for args in (["parse"], ["parse", "-"]):
        proc = run_cli(*args, "--format", "json", input=posting_text.encode())
        assert proc.returncode == 0, proc.stderr
        assert json.loads(proc.stdout)["title"] == "Senior Data Engineer"


def test_folder_out_dir_mirrors_names(tmp_path, posting_text):
    src = tmp_path / "in"
    (src / "a").mkdir(parents=True)
    (src / "a" / "one.txt").write_text(posting_text, encoding="utf-8")
    (src / "two.txt").write_text(posting_text.replace("Senior Data Engineer", "Junior Analyst"), encoding="utf-8")
    (src / "skip.md").write_text("not matched by the default glob", encoding="utf-8")
    out = tmp_path / "out"
    proc = run_cli("parse", str(src), "--format", "json", "--out-dir", str(out))
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout == b""
    assert json.loads((out / "a" / "one.json").read_text())["title"] == "Senior Data Engineer"
    assert json.loads((out / "two.json").read_text())["title"] == "Junior Analyst"
    assert not (out / "skip.json").exists()
    assert b"parsed 2, failed 0" in proc.stderr


def test_folder_yaml_out_dir(tmp_path, posting_text):
    src = tmp_path / "in"
    src.mkdir()
    (src / "one.txt").write_text(posting_text, encoding="utf-8")
    out = tmp_path / "out"
    proc = run_cli("parse", str(src), "--out-dir", str(out))
    assert proc.returncode == 0
    assert yaml.safe_load((out / "one.yaml").read_text())["company"] == "Northwind Labs"


def test_folder_to_stdout_is_json_lines_with_source(tmp_path, posting_text):
    src = tmp_path / "in"
    src.mkdir()
    for name in ("b.txt", "a.txt", "c.text"):
        (src / name).write_text(posting_text, encoding="utf-8")
    proc = run_cli("parse", str(src), "--format", "json", "--glob", "*.txt", "--glob", "*.text")
    assert proc.returncode == 0
    recs = [json.loads(line) for line in proc.stdout.decode().splitlines()]
    assert [r["source"].rsplit("/", 1)[-1] for r in recs] == ["a.txt", "b.txt", "c.text"]
    assert all(r["title"] == "Senior Data Engineer" for r in recs)


def test_yaml_stream_for_several_files(tmp_path, posting_text):
    a, b = tmp_path / "a.txt", tmp_path / "b.txt"
    a.write_text(posting_text, encoding="utf-8")
    b.write_text(posting_text, encoding="utf-8")
    proc = run_cli("parse", str(a), str(b))
    docs = list(yaml.safe_load_all(proc.stdout))
    assert [d["source"] for d in docs] == [str(a), str(b)]


def test_version_and_module_entry():
    import subprocess
    import sys

    proc = run_cli("--version")
    assert proc.returncode == 0 and proc.stdout.decode().startswith("jdparse ")
    mod = subprocess.run([sys.executable, "-m", "jdparse", "--version"], capture_output=True)
    assert mod.stdout == proc.stdout


def test_help_has_examples():
    for args in (["--help"], ["parse", "--help"]):
        proc = run_cli(*args)
        assert proc.returncode == 0
        assert b"jdparse parse" in proc.stdout


def test_missing_file(tmp_path):
    missing = tmp_path / "nope.txt"
    proc = run_cli("parse", str(missing))
    assert proc.returncode == 1
    err = proc.stderr.decode().strip().splitlines()
    assert err == [f"{missing}: no such file"]
    assert proc.stdout == b""


def test_empty_and_whitespace_inputs(tmp_path):
    for name, content in (("empty.txt", b""), ("blank.txt", b"  \n\t\n  ")):
        f = tmp_path / name
        f.write_bytes(content)
        proc = run_cli("parse", str(f))
        assert proc.returncode == 1
        assert proc.stderr.decode().strip() == f"{f}: no text: the input is empty or only white space"
        assert b"Traceback" not in proc.stderr
    proc = run_cli("parse", input=b"\n\n")
    assert proc.returncode == 1 and proc.stderr.decode().startswith("<stdin>: no text")


def test_binary_files_say_what_they_are(tmp_path):
    cases = {
        "image.png": (b"\x89PNG\r\n\x1a\n" + bytes(range(256)), "PNG image"),
        "doc.pdf": (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n", "PDF document"),
        "blob.bin": (b"abc\x00\x01\x02" * 100, "NUL bytes"),
    }
    for name, (data, what) in cases.items():
        f = tmp_path / name
        f.write_bytes(data)
        proc = run_cli("parse", str(f))
        assert proc.returncode == 1
        lines = proc.stderr.decode().strip().splitlines()
        assert len(lines) == 1 and lines[0].startswith(f"{f}: binary file") and what in lines[0]


def test_bad_file_in_folder_does_not_stop_the_others(tmp_path, posting_text):
    src = tmp_path / "in"
    src.mkdir()
    (src / "good.txt").write_text(posting_text, encoding="utf-8")
    (src / "bad.txt").write_bytes(b"%PDF-1.4 binary")
    (src / "empty.txt").write_bytes(b"")
    proc = run_cli("parse", str(src), "--format", "jsonl")
    assert proc.returncode == 1
    recs = [json.loads(line) for line in proc.stdout.decode().splitlines()]
    by_name = {r["source"].rsplit("/", 1)[-1]: r for r in recs}
    assert by_name["good.txt"]["title"] == "Senior Data Engineer"
    assert "binary file" in by_name["bad.txt"]["error"]
    assert "no text" in by_name["empty.txt"]["error"]
    err = proc.stderr.decode()
    assert "bad.txt: binary file" in err and "parsed 1, failed 2" in err


def test_windows_1252_is_not_an_error(tmp_path):
    f = tmp_path / "legacy.txt"
    f.write_bytes("Caf\u00e9 Manager \u2013 Paris\nLe Petit Bistro\n\nRequirements\n\u2022 Fluent French\n".encode("cp1252"))
    proc = run_cli("parse", str(f), "--format", "json")
    assert proc.returncode == 0, proc.stderr
    data = json.loads(proc.stdout)
    assert data["title"].startswith("Caf\u00e9 Manager")
    assert data["requirements"] == ["Fluent French"]


def test_usage_error_exits_2():
    proc = run_cli("parse", "--format", "xml", str(SEED))
    assert proc.returncode == 2
    assert b"Traceback" not in proc.stderr
    assert run_cli("frobnicate").returncode == 2


def test_progress_never_on_stdout(tmp_path, posting_text):
    src = tmp_path / "in"
    src.mkdir()
    for i in range(3):
        (src / f"{i}.txt").write_text(posting_text, encoding="utf-8")
    proc = run_cli("parse", str(src), "--format", "jsonl", "--progress")
    lines = proc.stdout.decode().splitlines()
    assert len(lines) == 3 and all(json.loads(x)["title"] for x in lines)


def test_cli_runner_in_process(posting_text):
    result = CliRunner().invoke(app, ["parse", "--format", "json"], input=posting_text)
    assert result.exit_code == 0
    assert json.loads(result.stdout)["title"] == "Senior Data Engineer"


def test_python_api_to_dict(posting_text):
    import jdparse

    p = jdparse.parse(posting_text)
    d = p.to_dict()
    assert list(d)[:13] == KEYS
    assert d["requirements"][:2] == ["5+ years of experience in data engineering", "Strong SQL"]
    assert d["nice_to_have"] == ["Experience with Kafka is a plus"]
    assert d["experience_years_min"] == 5
