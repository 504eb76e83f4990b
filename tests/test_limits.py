"""Any input, any size: a result or a one-line error, in time linear in the input.

The growth test compares ratios (CPU time for 8n against CPU time for n), never
an absolute time, so a slow or busy machine does not fail it but a quadratic
rule does.  It is a test of complexity, not of speed: speed is measured by
``benchmarks/``.
"""
from __future__ import annotations

import gc
import json
import time
import zipfile

import pytest

import jdparse
from conftest import run_cli

SHAPES = {
    "bullets": lambda n: "Engineer\n\nRequirements\n" + "".join(f"- item number {i} with Python\n" for i in range(n)),
    "one long line": lambda n: "Engineer\n" + "we build tools for the web and " * n + "\n",
    "prose lines": lambda n: "Engineer\nAcme\n\n" + "".join(f"Line {i} says we need 3+ years of SQL.\n" for i in range(n)),
    "repeated heading": lambda n: "Requirements\n" * n,
    "pipes and tags": lambda n: "Acme | Engineer | Remote | $90k\n" * n,
    "html nesting": lambda n: "<div>" * n + "<p>Engineer</p>" + "</div>" * n,
    "markdown bullets": lambda n: "# Engineer\n\n## Requirements\n" + "* **Python** and [SQL](x)\n" * n,
    "digits and currencies": lambda n: "Engineer\n\n" + "$1-2 € 3,000 £4k " * n + "\n",
    "separators in brackets": lambda n: "Engineer (" + " - ".join(["word"] * n) + ")\nAcme\n",
}


def _best_time(text: str) -> float:
    from jdparse.convert import to_text

    best = float("inf")
    for _ in range(3):
        # CPU time of this process: other work on the machine does not count,
        # nor does the collector, whose passes grow with everything the test
        # session holds (a full run once failed a shape that passes alone).
        gc.collect()
        gc.disable()
        try:
            t = time.process_time()
            jdparse.parse(to_text(text, "auto")).to_dict()
            best = min(best, time.process_time() - t)
        finally:
            gc.enable()
    return best


@pytest.mark.parametrize("shape", sorted(SHAPES))
def test_time_grows_linearly(shape):
    make = SHAPES[shape]
    n = 1500
    small = _best_time(make(n))
    while small < 0.05 and n < 400_000:  # large enough to measure above noise
        n *= 2
        small = _best_time(make(n))
    big = _best_time(make(8 * n))
    # Linear gives about 8; quadratic about 64. Allow noise, not a square
    # (8n, not 4n: a quadratic term still small at n shows by 8n).
    assert big / max(small, 1e-4) < 16, f"{shape}: n={n} {small:.3f}s, 8n {big:.3f}s"


def test_five_megabyte_line(tmp_path):
    f = tmp_path / "long.txt"
    f.write_text("Data Engineer\n" + "we build pipelines " * 280_000 + "\n", encoding="utf-8")
    proc = run_cli("parse", str(f), "--format", "json")
    assert proc.returncode == 0, proc.stderr
    assert json.loads(proc.stdout)["title"] == "Data Engineer"


def test_two_hundred_thousand_bullets(tmp_path):
    f = tmp_path / "bullets.txt"
    f.write_text("Data Engineer\n\nRequirements\n" + "".join(f"- skill {i}\n" for i in range(200_000)), encoding="utf-8")
    proc = run_cli("parse", str(f), "--format", "json")
    assert proc.returncode == 0, proc.stderr
    reqs = json.loads(proc.stdout)["requirements"]
    assert len(reqs) == 200_000 and reqs[-1] == "skill 199999"


def test_html_nested_a_hundred_thousand_levels(tmp_path):
    f = tmp_path / "deep.html"
    f.write_text("<div>" * 100_000 + "<h1>Data Engineer</h1><ul><li>SQL</li></ul>" + "</div>" * 100_000,
                 encoding="utf-8")
    proc = run_cli("parse", str(f), "--format", "json")
    assert proc.returncode == 0, proc.stderr
    assert json.loads(proc.stdout)["title"] == "Data Engineer"


def test_one_repeated_heading(tmp_path):
    f = tmp_path / "heads.txt"
    f.write_text("Requirements\n" * 100_000, encoding="utf-8")
    proc = run_cli("parse", str(f), "--format", "json")
    assert proc.returncode == 0, proc.stderr
    d = json.loads(proc.stdout)
    assert d["requirements"] == [] and d["title"] is None


def test_over_max_bytes_is_refused_clearly(tmp_path):
    f = tmp_path / "huge.txt"
    with open(f, "wb") as out:
        chunk = b"We need engineers. " * 52_429  # about 1 MB
        for _ in range(101):
            out.write(chunk)
    proc = run_cli("parse", str(f))
    assert proc.returncode == 1
    lines = proc.stderr.decode().strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith(f"{f}: larger than --max-bytes")
    small = run_cli("parse", str(f), "--max-bytes", "1000")
    assert small.returncode == 1 and b"larger than --max-bytes (1000 bytes)" in small.stderr


@pytest.mark.parametrize("name,what", [("doc.docx", "ZIP archive"), ("files.zip", "ZIP archive")])
def test_zip_based_files_are_refused(tmp_path, name, what):
    f = tmp_path / name
    with zipfile.ZipFile(f, "w") as z:
        z.writestr("word/document.xml", "<w:document>Engineer</w:document>")
    proc = run_cli("parse", str(f))
    assert proc.returncode == 1
    err = proc.stderr.decode().strip()
    assert err.startswith(f"{f}: binary file") and what in err and "convert it to text" in err
